/* straits-workbook-csv.c: a workbook as a folder of CSV files (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "straits-dataset.h"
#include "straits-safe-file.h"
#include "straits-workbook.h"

static GPtrArray *
new_row (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
end_cell (GPtrArray *row, GString *cell)
{
  g_ptr_array_add (row, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
}

gboolean
straits_workbook_parse_csv (StraitsWorkbook  *workbook,
                            const char       *name,
                            const char       *text,
                            gsize             length,
                            GError          **error)
{
  StraitsWorkbookSheet *sheet;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GPtrArray) row = new_row ();
  const char *end = text + length;
  const char *p = text;
  gboolean quoted = FALSE;
  guint number = 1, quote_row = 0;

  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("sheet “%s”: not UTF-8 text (save the CSV file as UTF-8)"), name);
      return FALSE;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  sheet = straits_workbook_add_sheet (workbook, name, error);
  if (sheet == NULL)
    return FALSE;
  for (; p < end; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (cell, '"'), p++;
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
          continue;
        }
      if (*p == '"' && cell->len == 0)
        {
          quoted = TRUE;
          quote_row = number;
        }
      else if (*p == ',')
        end_cell (row, cell);
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          end_cell (row, cell);
          if (!straits_workbook_sheet_add_row (workbook, sheet, number++, g_steal_pointer (&row), error))
            return FALSE;
          row = new_row ();
        }
      else
        g_string_append_c (cell, *p);
    }
  if (quoted)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("sheet “%s”, row %u: a quoted cell is not closed"), name, quote_row);
      return FALSE;
    }
  /* A last line without a line break. */
  if (cell->len > 0 || row->len > 0)
    {
      end_cell (row, cell);
      return straits_workbook_sheet_add_row (workbook, sheet, number, g_steal_pointer (&row), error);
    }
  return TRUE;
}

void
straits_csv_append_field (GString *s, const char *text)
{
  /* Quoted when needed, and around edge spaces, which readers may trim. */
  if (strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ' && !g_str_has_suffix (text, " "))
    {
      g_string_append (s, text);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

char *
straits_workbook_sheet_to_csv (const StraitsWorkbookSheet *sheet)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < sheet->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (sheet->rows, i);

      for (guint j = 0; j < row->len; j++)
        {
          const char *text = g_ptr_array_index (row, j);

          if (j > 0)
            g_string_append_c (s, ',');
          straits_csv_append_field (s, text ? text : "");
        }
      g_string_append (s, "\r\n");
    }
  return g_string_free (s, FALSE);
}

gboolean
straits_workbook_write_csv_folder (StraitsWorkbook  *workbook,
                                   const char       *dir,
                                   GError          **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0 || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("Cannot make the folder “%s”"), dir);
      return FALSE;
    }
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, i);
      g_autofree char *csv = straits_workbook_sheet_to_csv (sheet);
      g_autofree char *name = g_strconcat (sheet->name, ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *target = straits_safe_file_write_target (path);

      /* A new file, synced, then renamed over the old one: a reader never
       * sees half a sheet, and a link stays a link. */
      if (!g_file_set_contents_full (target, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static StraitsWorkbook *
read_csv_folder (const char *dir_path, GError **error)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StraitsWorkbook) workbook = straits_workbook_new ();
  gsize total = 0;
  const char *entry;

  if (dir == NULL)
    return NULL;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (entry, -1);

      if (g_str_has_suffix (lower, ".csv") && entry[0] != '.')
        g_ptr_array_add (names, g_strdup (entry));
    }
  if (names->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the folder holds no CSV files (metadata.csv, actors.csv, relations.csv, …)"));
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *sheet = g_strndup (name, strlen (name) - 4);
      g_autoptr(GBytes) bytes = straits_safe_file_read (path, STRAITS_WORKBOOK_MAX_SIZE - total,
                                                        STRAITS_SAFE_FILE_FOLLOW_LINKS, error);

      /* The folder as a whole is held to the size of one dataset file. */
      if (bytes == NULL)
        return NULL;
      total += g_bytes_get_size (bytes);
      if (!straits_workbook_parse_csv (workbook, sheet, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), error))
        return NULL;
    }
  return g_steal_pointer (&workbook);
}

StraitsWorkbook *
straits_workbook_read (const char  *path,
                       GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_csv_folder (path, error);
  return straits_workbook_read_zip (path, error);
}
