/* svg-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "svg-read.h"

static void
start_element (GMarkupParseContext *context, const char *name, const char **names, const char **values,
               gpointer data, GError **error)
{
  Svg *svg = data;

  if (g_str_equal (name, "defs"))
    svg->defs++;
  if (svg->defs == 0 && strcmp (name, "tspan") != 0)
    g_ptr_array_add (svg->order, g_strdup (name));
  if (g_str_equal (name, "text"))
    {
      svg->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (svg->current, g_strdup ("content"), g_strdup (""));
      g_ptr_array_add (svg->texts, svg->current);
    }
  if (svg->current == NULL || (g_str_equal (name, "tspan") && svg->n_tspans++ > 0))
    return;
  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (svg->current, g_strdup (names[i]), g_strdup (values[i]));
}

static void
end_element (GMarkupParseContext *context, const char *name, gpointer data, GError **error)
{
  Svg *svg = data;

  if (g_str_equal (name, "defs"))
    svg->defs--;
  if (g_str_equal (name, "text"))
    svg->current = NULL;
}

static void
text (GMarkupParseContext *context, const char *text, gsize len, gpointer data, GError **error)
{
  Svg *svg = data;

  if (svg->current != NULL)
    g_hash_table_insert (svg->current, g_strdup ("content"),
                         g_strdup_printf ("%s%.*s", (const char *) g_hash_table_lookup (svg->current, "content"),
                                          (int) len, text));
}

Svg *
svg_read (const char *contents)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Svg *svg = g_new0 (Svg, 1);
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_autoptr(GError) error = NULL;

  svg->order = g_ptr_array_new_with_free_func (g_free);
  svg->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_markup_parse_context_parse (context, contents, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  return svg;
}

void
svg_free (Svg *svg)
{
  g_ptr_array_unref (svg->order);
  g_ptr_array_unref (svg->texts);
  g_free (svg);
}

const char *
svg_text_attribute (Svg *svg, guint i, const char *name)
{
  g_assert_cmpuint (i, <, svg->texts->len);
  return g_hash_table_lookup (svg->texts->pdata[i], name);
}

double
svg_text_number (Svg *svg, guint i, const char *name)
{
  const char *value = svg_text_attribute (svg, i, name);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

char *
svg_export (StraitsDrawFunc draw, gpointer data, double width, double height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("straits-svg-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.svg", NULL);
  g_assert_true (straits_export (path, width, height, 96, 1, draw, data, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

gboolean
svg_has_text (Svg *svg, const char *wanted)
{
  for (guint i = 0; i < svg->texts->len; i++)
    if (strstr (svg_text_attribute (svg, i, "content"), wanted) != NULL)
      return TRUE;
  return FALSE;
}

void
svg_assert_only_text (const char *contents)
{
  g_assert_null (strstr (contents, "<symbol"));
  g_assert_null (strstr (contents, "glyph"));
  g_assert_null (strstr (contents, "straits-text:"));
  g_assert_null (strstr (contents, "<use"));
  g_assert_null (strstr (contents, "<image"));
}
