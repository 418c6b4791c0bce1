/* straits-workbook-load.c: a workbook loaded, its problems placed in sheets, rows and columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-diagnostic.h"
#include "straits-workbook-private.h"

/* Places ---------------------------------------------------------------- */

static char *
place_to_string (const char *sheet, guint row, const char *column)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, _("sheet “%s”"), sheet);
  if (row > 0)
    g_string_append_printf (s, _(", row %u"), row);
  if (column != NULL)
    g_string_append_printf (s, _(", column “%s”"), column);
  return g_string_free (s, FALSE);
}

/* Problems are listed in the order of the sheets, then rows: an unknown
 * sheet first, problems of no sheet last. */
static guint64
sort_key (const char *sheet, guint row)
{
  guint64 rank = sheet ? 1 : N_SHEET_DEFS + 2;

  for (guint i = 0; sheet != NULL && i < N_SHEET_DEFS; i++)
    if (strcmp (_straits_sheet_defs[i].name, sheet) == 0)
      rank = i + 2;
  return (rank << 32) | row;
}

static void
add_keyed (Conversion *cv, StraitsDiagnostic *d, const char *sheet, guint row)
{
  guint64 key = sort_key (sheet, row);

  g_ptr_array_add (cv->diags, d);
  if (cv->keys != NULL)
    g_array_append_val (cv->keys, key);
}

void
_straits_conversion_report (Conversion      *cv,
                            StraitsSeverity  severity,
                            const char      *sheet,
                            guint            row,
                            const char      *column,
                            const char      *format,
                            ...)
{
  g_autofree char *where = place_to_string (sheet, row, column);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (cv->diags != NULL)
    add_keyed (cv, straits_diagnostic_new (severity, cv->display_name, where, message), sheet, row);
}

void
_straits_remember_place (Conversion *cv, const char *path, const char *sheet, guint row)
{
  Place *place;

  if (g_hash_table_contains (cv->places, path))
    return;
  place = g_new (Place, 1);
  place->sheet = sheet;
  place->row = row;
  g_hash_table_insert (cv->places, g_strdup (path), place);
}

/* Loading --------------------------------------------------------------- */

/* The place of the nearest item or list that holds @path; @rest gets
 * what of @path follows it (".sources[0].source"). */
static Place *
find_place (GHashTable *places, const char *path, const char **rest)
{
  g_autofree char *p = g_strdup (path);

  for (;;)
    {
      Place *place = g_hash_table_lookup (places, p);
      char *cut;

      if (place != NULL)
        {
          *rest = path + strlen (p);
          return place;
        }
      cut = MAX (strrchr (p, '.'), strrchr (p, '['));
      if (cut == NULL || cut == p)
        return NULL;
      *cut = '\0';
    }
}

/* The column a member path (".place.point[0]", ".roles.seller") names: the
 * longest dotted name of the sheet's columns it starts with, else its
 * first member (a column Straits does not know). */
static char *
column_of (const char *sheet, const char *rest)
{
  const SheetDef *def = _straits_find_sheet_def (sheet);
  g_autofree char *member = NULL;

  if (rest[0] != '.')
    return NULL;
  member = g_strndup (rest + 1, strcspn (rest + 1, "["));
  for (;;)
    {
      char *dot;

      if (def == NULL || _straits_find_column (def, member) != NULL)
        return g_steal_pointer (&member);
      dot = strrchr (member, '.');
      if (dot == NULL)
        return g_steal_pointer (&member);
      *dot = '\0';
    }
}

/* Whether the conversion has refused the cell of @path or of a member
 * that holds it. */
static gboolean
is_reported (GHashTable *reported, const char *path)
{
  g_autofree char *p = g_strdup (path);

  for (;;)
    {
      char *cut;

      if (g_hash_table_contains (reported, p))
        return TRUE;
      cut = MAX (strrchr (p, '.'), strrchr (p, '['));
      if (cut == NULL || cut == p)
        return FALSE;
      *cut = '\0';
    }
}

/* Adds the loader's problem @d, placed in its sheet, row and column. */
static void
place_diagnostic (Conversion *cv, const StraitsDiagnostic *d)
{
  const char *rest = NULL;
  Place *place = d->path ? find_place (cv->places, d->path, &rest) : NULL;
  g_autofree char *where = NULL;

  if (d->path != NULL && d->severity == STRAITS_SEVERITY_ERROR && is_reported (cv->reported, d->path))
    return;
  if (place != NULL)
    {
      g_autofree char *column = column_of (place->sheet, rest);

      where = place_to_string (place->sheet, place->row, column);
    }
  else if (d->path != NULL)
    where = g_strdup (d->path);
  add_keyed (cv, straits_diagnostic_new (d->severity, cv->display_name, where, d->message),
             place ? place->sheet : NULL, place ? place->row : 0);
}

typedef struct {
  guint64 key;
  guint seq;
  StraitsDiagnostic *d;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b)
{
  const Keyed *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
_straits_sort_diagnostics (Conversion *cv)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), cv->diags->len);

  for (guint i = 0; i < cv->diags->len; i++)
    {
      Keyed k = { g_array_index (cv->keys, guint64, i), i, g_ptr_array_index (cv->diags, i) };

      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    cv->diags->pdata[i] = g_array_index (keyed, Keyed, i).d;
}

static StraitsDataset *
fail_with (GPtrArray **out_diags, GPtrArray *diags, GError **error, int code, const char *display_name)
{
  guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);

  if (n == 0)
    n = 1;
  g_set_error (error, STRAITS_DATASET_ERROR, code,
               g_dngettext (GETTEXT_PACKAGE, "%s: cannot be loaded (%u error)",
                            "%s: cannot be loaded (%u errors)", n),
               display_name, n);
  if (out_diags != NULL)
    *out_diags = g_ptr_array_ref (diags);
  return NULL;
}

StraitsDataset *
straits_workbook_load (const char  *path,
                       GPtrArray  **out_diags,
                       GError     **error)
{
  return straits_workbook_load_json (path, NULL, out_diags, error);
}

StraitsDataset *
straits_workbook_load_json (const char  *path,
                            char       **out_json,
                            GPtrArray  **out_diags,
                            GError     **error)
{
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(GPtrArray) loader_diags = NULL;
  g_autoptr(StraitsWorkbook) workbook = NULL;
  g_autoptr(GHashTable) places = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(StraitsDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) keys = NULL;
  Conversion cv;
  char *json;

  if (out_diags != NULL)
    *out_diags = NULL;
  workbook = straits_workbook_read (path, &local);
  if (workbook == NULL)
    {
      g_ptr_array_add (diags, straits_diagnostic_new (STRAITS_SEVERITY_ERROR, path, NULL, local->message));
      return fail_with (out_diags, diags, error,
                        g_error_matches (local, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
                        ? STRAITS_DATASET_ERROR_TOO_LARGE : STRAITS_DATASET_ERROR_IO, path);
    }
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  cv = (Conversion) { path, diags, places, reported, keys };
  json = _straits_convert_workbook (&cv, workbook);
  /* The cells are in the JSON now: freed before the loader's turn. */
  g_clear_pointer (&workbook, straits_workbook_free);
  bytes = g_bytes_new_take (json, strlen (json));
  dataset = straits_dataset_load_bytes (bytes, path, &loader_diags, NULL);
  for (guint i = 0; loader_diags != NULL && i < loader_diags->len; i++)
    place_diagnostic (&cv, g_ptr_array_index (loader_diags, i));
  _straits_sort_diagnostics (&cv);
  if (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR) > 0)
    return fail_with (out_diags, diags, error, STRAITS_DATASET_ERROR_INVALID, path);
  if (out_json != NULL)
    *out_json = g_strdup (g_bytes_get_data (bytes, NULL));
  if (out_diags != NULL)
    *out_diags = g_steal_pointer (&diags);
  return g_steal_pointer (&dataset);
}
