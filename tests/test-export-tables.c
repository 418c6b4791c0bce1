/* test-export-tables.c: the export formats and page sizes are one table
 * each (straits-export.h), read by the dialog, the command line and the
 * slides; the tables agree with the parsers that read names back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "straits-export.h"

/* Every named size parses back by its id, in any case, to its own points;
 * ids are unique; the refusal of an unknown size names every one. */
static void
test_page_sizes (void)
{
  guint n;
  const StraitsPageSize *sizes = straits_export_get_page_sizes (&n);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *upper = g_ascii_strup (sizes[i].id, -1);
      double w = 0, h = 0;

      g_assert_nonnull (sizes[i].label);
      g_assert_cmpfloat (sizes[i].width, >, 0);
      g_assert_cmpfloat (sizes[i].height, >, 0);
      g_assert_true (straits_export_parse_page_size (sizes[i].id, &w, &h, NULL));
      g_assert_cmpfloat (w, ==, sizes[i].width);
      g_assert_cmpfloat (h, ==, sizes[i].height);
      g_assert_true (straits_export_find_page_size (upper) == &sizes[i]);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (sizes[i].id, !=, sizes[j].id);
    }
  g_assert_false (straits_export_parse_page_size ("a5", NULL, NULL, &error));
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (error->message, sizes[i].id));
  g_assert_null (straits_export_find_page_size ("a5"));
}

/* The sizes the references and tests/test-export.sh rely on, in points. */
static void
test_page_size_values (void)
{
  const StraitsPageSize *a4 = straits_export_find_page_size ("a4-landscape");
  const StraitsPageSize *slide = straits_export_find_page_size ("slide-16x9");
  double w, h;

  g_assert_cmpfloat_with_epsilon (a4->width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (a4->height, 595.276, 0.001);
  g_assert_cmpfloat (slide->width, ==, 1440);
  g_assert_cmpfloat (slide->height, ==, 810);
  /* Pixels become points without rounding: 1920 px are 1440 pt. */
  g_assert_cmpfloat (1.0 / STRAITS_PX_PER_PT, ==, 0.75);
  g_assert_true (straits_export_parse_page_size ("1920x1080", &w, &h, NULL));
  g_assert_cmpfloat (w * STRAITS_PX_PER_PT, ==, 1920);
  g_assert_cmpfloat (h, ==, 810);
  g_assert_true (straits_export_parse_page_size ("297x210mm", &w, &h, NULL));
  g_assert_cmpfloat (w, ==, a4->width);
  g_assert_cmpfloat (h, ==, a4->height);
}

/* Entry i of the formats is format i; every extension, in any case, maps
 * back to its format; ids, extensions and types are unique. */
static void
test_formats (void)
{
  guint n;
  const StraitsExportFormatInfo *formats = straits_export_get_formats (&n);
  g_autoptr(GError) error = NULL;
  StraitsExportFormat format;

  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strconcat ("figure", formats[i].extension, NULL);
      g_autofree char *upper = g_ascii_strup (name, -1);

      g_assert_cmpuint (formats[i].format, ==, i);
      g_assert_true (straits_export_format_info (i) == &formats[i]);
      g_assert_true (g_str_has_prefix (formats[i].extension, "."));
      g_assert_cmpstr (formats[i].extension + 1, ==, formats[i].id);
      g_assert_nonnull (strchr (formats[i].mime_type, '/'));
      g_assert_nonnull (formats[i].label);
      g_assert_true (straits_export_format_from_filename (name, &format, NULL));
      g_assert_cmpuint (format, ==, formats[i].format);
      g_assert_true (straits_export_format_from_filename (upper, &format, NULL));
      g_assert_cmpuint (format, ==, formats[i].format);
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpstr (formats[i].id, !=, formats[j].id);
          g_assert_cmpstr (formats[i].mime_type, !=, formats[j].mime_type);
        }
    }
  g_assert_true (straits_export_format_info (STRAITS_EXPORT_PNG)->raster);
  g_assert_false (straits_export_format_info (STRAITS_EXPORT_PDF)->raster);
  g_assert_false (straits_export_format_info (STRAITS_EXPORT_SVG)->raster);
  g_assert_false (straits_export_format_from_filename ("figure.jpeg", &format, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-tables/page-sizes", test_page_sizes);
  g_test_add_func ("/export-tables/page-size-values", test_page_size_values);
  g_test_add_func ("/export-tables/formats", test_formats);
  return g_test_run ();
}
