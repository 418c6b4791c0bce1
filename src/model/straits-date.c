/* straits-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-date.h"

static gboolean
parse_digits (const char *p, guint n, guint *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* Accepts exactly YYYY, YYYY-MM or YYYY-MM-DD with a real calendar day and
 * a year from 1000 to 2999. */
gboolean
straits_date_parse (const char  *text,
                    StraitsDate *out)
{
  StraitsDate d = STRAITS_DATE_INIT;
  guint year, month = 0, day = 0;
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (text, 4, &year) || year < 1000 || year > 2999)
    return FALSE;
  d.year = (guint16) year;
  d.precision = STRAITS_DATE_YEAR;

  if (len >= 7)
    {
      if (text[4] != '-' || !parse_digits (text + 5, 2, &month) || month < 1 || month > 12)
        return FALSE;
      d.month = (guint8) month;
      d.precision = STRAITS_DATE_MONTH;
    }
  if (len == 10)
    {
      if (text[7] != '-' || !parse_digits (text + 8, 2, &day) ||
          !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return FALSE;
      d.day = (guint8) day;
      d.precision = STRAITS_DATE_DAY;
    }

  *out = d;
  return TRUE;
}

gboolean
straits_date_is_set (const StraitsDate *date)
{
  return date != NULL && date->precision != STRAITS_DATE_NONE;
}

/* The first day of the period the date stands for: "2021" starts on
 * 1 January 2021. */
guint32
straits_date_first_day (const StraitsDate *date)
{
  if (!straits_date_is_set (date))
    return STRAITS_DAY_KEY_MIN;
  return STRAITS_DAY_KEY (date->year,
                          date->month ? date->month : 1,
                          date->day ? date->day : 1);
}

/* The last day of the period: "2021" ends on 31 December 2021, "2024-02"
 * on 29 February 2024. */
guint32
straits_date_last_day (const StraitsDate *date)
{
  guint month, day;

  if (!straits_date_is_set (date))
    return STRAITS_DAY_KEY_MAX;
  month = date->month ? date->month : 12;
  day = date->day ? date->day : g_date_get_days_in_month ((GDateMonth) month, date->year);
  return STRAITS_DAY_KEY (date->year, month, day);
}

/* Orders by first day, then puts the less precise date first, so that
 * "2021" sorts before "2021-01-01". Unset dates sort last. */
int
straits_date_compare (const StraitsDate *a,
                      const StraitsDate *b)
{
  gboolean a_set = straits_date_is_set (a), b_set = straits_date_is_set (b);
  guint32 ka, kb;

  if (!a_set || !b_set)
    return (a_set ? 0 : 1) - (b_set ? 0 : 1);
  ka = straits_date_first_day (a);
  kb = straits_date_first_day (b);
  if (ka != kb)
    return ka < kb ? -1 : 1;
  return (int) a->precision - (int) b->precision;
}

char *
straits_date_to_iso (const StraitsDate *date)
{
  switch (straits_date_is_set (date) ? date->precision : STRAITS_DATE_NONE)
    {
    case STRAITS_DATE_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case STRAITS_DATE_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case STRAITS_DATE_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case STRAITS_DATE_NONE:
    default:
      return g_strdup ("");
    }
}

static const char *
month_name (guint month)
{
  static const char *names[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  return month >= 1 && month <= 12 ? _(names[month - 1]) : "";
}

/* For people: "2021", "April 2025", "19 March 2025". */
char *
straits_date_format (const StraitsDate *date)
{
  switch (straits_date_is_set (date) ? date->precision : STRAITS_DATE_NONE)
    {
    case STRAITS_DATE_YEAR:
      return g_strdup_printf ("%u", date->year);
    case STRAITS_DATE_MONTH:
      /* Translators: month and year, e.g. "April 2025" */
      return g_strdup_printf (C_("date", "%s %u"), month_name (date->month), date->year);
    case STRAITS_DATE_DAY:
      /* Translators: day, month and year, e.g. "19 March 2025" */
      return g_strdup_printf (C_("date", "%u %s %u"), date->day, month_name (date->month), date->year);
    case STRAITS_DATE_NONE:
    default:
      return g_strdup ("");
    }
}
