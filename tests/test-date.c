/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "straits-date.h"

static void
test_parse_precision (void)
{
  StraitsDate d;

  g_assert_true (straits_date_parse ("2021", &d));
  g_assert_cmpint (d.precision, ==, STRAITS_DATE_YEAR);
  g_assert_cmpint (d.year, ==, 2021);
  g_assert_true (straits_date_parse ("2025-04", &d));
  g_assert_cmpint (d.precision, ==, STRAITS_DATE_MONTH);
  g_assert_cmpint (d.month, ==, 4);
  g_assert_true (straits_date_parse ("2024-02-29", &d));
  g_assert_cmpint (d.precision, ==, STRAITS_DATE_DAY);
  g_assert_cmpint (d.day, ==, 29);
}

static void
test_parse_rejects (void)
{
  const char *bad[] = { "", "21", "2021-1", "2021-13", "2021-00", "2023-02-29", "2021-04-31",
                        "0999", "3000", "2021-02-3x", "2021/02/03", "yesterday", " 2021",
                        "2021-02-03T00", NULL };
  StraitsDate d;

  for (guint i = 0; bad[i]; i++)
    g_assert_false (straits_date_parse (bad[i], &d));
  g_assert_false (straits_date_parse (NULL, &d));
}

static void
test_periods (void)
{
  StraitsDate year, month, day;

  g_assert_true (straits_date_parse ("2024", &year));
  g_assert_true (straits_date_parse ("2024-02", &month));
  g_assert_true (straits_date_parse ("2024-02-10", &day));
  g_assert_cmpuint (straits_date_first_day (&year), ==, 20240101);
  g_assert_cmpuint (straits_date_last_day (&year), ==, 20241231);
  g_assert_cmpuint (straits_date_last_day (&month), ==, 20240229);
  g_assert_cmpuint (straits_date_first_day (&day), ==, straits_date_last_day (&day));
  /* Less precise first when they start on the same day. */
  g_assert_cmpint (straits_date_compare (&year, &month), <, 0);
  g_assert_cmpint (straits_date_compare (&month, &day), <, 0);
  g_assert_cmpint (straits_date_compare (&day, &year), >, 0);
}

static void
test_format (void)
{
  StraitsDate d;
  g_autofree char *year = NULL, *month = NULL, *day = NULL, *iso = NULL;

  straits_date_parse ("2021", &d);
  year = straits_date_format (&d);
  straits_date_parse ("2025-04", &d);
  month = straits_date_format (&d);
  straits_date_parse ("2025-03-19", &d);
  day = straits_date_format (&d);
  iso = straits_date_to_iso (&d);
  g_assert_cmpstr (year, ==, "2021");
  g_assert_cmpstr (month, ==, "April 2025");
  g_assert_cmpstr (day, ==, "19 March 2025");
  g_assert_cmpstr (iso, ==, "2025-03-19");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse-precision", test_parse_precision);
  g_test_add_func ("/date/parse-rejects", test_parse_rejects);
  g_test_add_func ("/date/periods", test_periods);
  g_test_add_func ("/date/format", test_format);
  return g_test_run ();
}
