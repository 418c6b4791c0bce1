/* straits-workbook-convert.c: sheets to dataset JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-diagnostic.h"
#include "straits-workbook-private.h"

/* Suggestions ----------------------------------------------------------- */

static const char *
closest_sheet (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < N_SHEET_DEFS; i++)
    {
      guint d = straits_edit_distance (name, _straits_sheet_defs[i].name);

      if (d < best_distance)
        best_distance = d, best = _straits_sheet_defs[i].name;
    }
  return best;
}

typedef struct {
  const SheetDef *def;
  const StraitsWorkbookSheet *sheet;
  GPtrArray *header;      /* of const Column* (NULL for a column Straits does not know) */
  int parent_column;      /* -1: none */
} SheetReader;

/* What a child sheet gives its parents: parent id → row indices. */
typedef struct {
  SheetReader reader;
  GHashTable *rows_by_parent;  /* id → GArray of guint */
  GHashTable *used;            /* ids a parent has taken */
} ChildSheet;

typedef struct {
  Conversion *cv;
  GString *out;
  StraitsWorkbook *workbook;
  ChildSheet *children[N_SHEET_DEFS];
} Writer;

static void
append_indent (GString *s, guint depth)
{
  g_string_append_c (s, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "  ");
}

/* The member a column's cells go to, and the object that holds it for a
 * dotted name: "place.point" is "point" of "place". */
static gsize
object_part (const char *name)
{
  const char *dot = strchr (name, '.');

  return dot ? (gsize) (dot - name) : 0;
}

static void write_children (Writer *w, const SheetDef *parent, const char *id, const char *path, guint depth);

/* Writes one cell as a member (its name already written). */
static void
write_member_value (Writer *w, const SheetReader *r, GPtrArray *row, guint i, const char *path, guint number)
{
  GPtrArray *header = g_ptr_array_index (r->sheet->rows, 0);
  const char *name = _straits_cell_at (header, i);
  const Column *column = i < r->header->len ? g_ptr_array_index (r->header, i) : NULL;
  const char *text = _straits_cell_at (row, i);
  const char *expected = NULL;

  if (_straits_append_cell (w->out, column ? column->type : T_TEXT, text, &expected))
    return;
  {
    g_autofree char *quoted = straits_diagnostic_excerpt (text, STRAITS_DIAGNOSTIC_MAX_QUOTE);

    _straits_conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                                _("expected %s, not “%s”"), expected, quoted);
    g_hash_table_add (w->cv->reported, g_strconcat (path, ".", name, NULL));
    /* The loader still sees the text (so that a required member is not
     * also reported missing); what it says of it is left out. */
    _straits_append_json_string (w->out, text);
  }
}

/* Writes the row @index of a sheet as a JSON object whose path is @path:
 * its cells in header order, dotted columns gathered in objects. */
static void
write_row (Writer *w, const SheetReader *r, guint index, const char *path, guint depth)
{
  GPtrArray *row = g_ptr_array_index (r->sheet->rows, index);
  GPtrArray *header = g_ptr_array_index (r->sheet->rows, 0);
  guint number = g_array_index (r->sheet->row_numbers, guint, index);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean first = TRUE;

  _straits_remember_place (w->cv, path, r->def->name, number);
  g_string_append_c (w->out, '{');
  for (guint i = 0; i < row->len; i++)
    {
      const char *name = _straits_cell_at (header, i);
      gsize part = object_part (name);
      g_autofree char *member = g_strndup (name, part ? part : strlen (name));

      if (_straits_cell_at (row, i)[0] == '\0' || (int) i == r->parent_column)
        continue;
      if (name[0] == '\0')
        {
          _straits_conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, NULL,
                                      _("a value in column %u, which has no name in the header row"), i + 1);
          continue;
        }
      /* "change.unit" after "change.value": written with it. */
      if (part > 0 && g_hash_table_lookup (written, member) == GINT_TO_POINTER (2))
        continue;
      if (g_hash_table_contains (written, member))
        {
          _straits_conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                                      _("the column gives a member that another column of the row gives too"));
          continue;
        }
      g_hash_table_insert (written, g_strdup (member), GINT_TO_POINTER (part > 0 ? 2 : 1));
      g_string_append (w->out, first ? "" : ",");
      first = FALSE;
      append_indent (w->out, depth + 1);
      _straits_append_json_string (w->out, member);
      g_string_append (w->out, ": ");
      if (part == 0)
        {
          write_member_value (w, r, row, i, path, number);
          continue;
        }
      /* "place.point" and the other "place." columns of the row. */
      g_string_append_c (w->out, '{');
      for (guint j = i, n = 0; j < row->len; j++)
        {
          const char *other = _straits_cell_at (header, j);

          if (_straits_cell_at (row, j)[0] == '\0' || object_part (other) != part || strncmp (other, name, part) != 0)
            continue;
          g_string_append (w->out, n++ ? ", " : "");
          _straits_append_json_string (w->out, other + part + 1);
          g_string_append (w->out, ": ");
          write_member_value (w, r, row, j, path, number);
        }
      g_string_append_c (w->out, '}');
    }
  /* The lists child sheets give this item (a figure's values). */
  {
    const char *id = NULL;

    for (guint i = 0; i < row->len && i < r->header->len; i++)
      if (strcmp (_straits_cell_at (header, i), "id") == 0)
        id = _straits_cell_at (row, i);
    if (id != NULL && id[0] != '\0')
      {
        gsize before = w->out->len;

        write_children (w, r->def, id, path, depth + 1);
        if (w->out->len > before && first)
          /* No member before the first child list: drop its comma. */
          g_string_erase (w->out, before, 1);
      }
  }
  append_indent (w->out, depth);
  g_string_append_c (w->out, '}');
}

/* Writes the lists that child sheets give the item @id of @parent. */
static void
write_children (Writer *w, const SheetDef *parent, const char *id, const char *path, guint depth)
{
  for (guint d = 0; d < N_SHEET_DEFS; d++)
    {
      ChildSheet *child = w->children[d];
      GArray *rows;

      if (child == NULL || g_strcmp0 (_straits_sheet_defs[d].parent, parent->name) != 0)
        continue;
      rows = g_hash_table_lookup (child->rows_by_parent, id);
      if (rows == NULL || g_hash_table_contains (child->used, id))
        continue;
      g_hash_table_add (child->used, g_strdup (id));
      g_string_append_c (w->out, ',');
      append_indent (w->out, depth);
      _straits_append_json_string (w->out, _straits_sheet_defs[d].member);
      g_string_append (w->out, ": [");
      for (guint k = 0; k < rows->len; k++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s.%s[%u]", path, _straits_sheet_defs[d].member, k);

          g_string_append (w->out, k ? ", " : "");
          write_row (w, &child->reader, g_array_index (rows, guint, k), item_path, depth);
        }
      g_string_append_c (w->out, ']');
    }
}

static gboolean
row_is_empty (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (_straits_cell_at (row, i)[0] != '\0')
      return FALSE;
  return TRUE;
}

/* Checks the header row; FALSE when the sheet is not read at all. */
static gboolean
read_header (Conversion *cv, SheetReader *r)
{
  GPtrArray *header = g_ptr_array_index (r->sheet->rows, 0);
  guint header_row = g_array_index (r->sheet->row_numbers, guint, 0);
  guint known = 0;

  r->header = g_ptr_array_new ();
  r->parent_column = -1;
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = _straits_cell_at (header, i);
      const Column *column = _straits_find_column (r->def, name);

      g_ptr_array_add (r->header, (gpointer) column);
      if (column != NULL || (r->def->parent_column && strcmp (name, r->def->parent_column) == 0))
        known++;
      if (r->def->parent_column && strcmp (name, r->def->parent_column) == 0)
        r->parent_column = i;
    }
  /* A sheet whose first row is already data, or has no header at all. */
  if (known == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < 3 && r->def->columns[i].name != NULL; i++)
        g_string_append_printf (names, "%s“%s”", i ? ", " : "", r->def->columns[i].name);
      _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row, NULL,
                                  _("the first row should name the columns (%s, …): none of its cells is a column name this sheet has"),
                                  names->str);
      return FALSE;
    }
  for (guint i = 0; i < header->len; i++)
    for (guint j = 0; j < i && _straits_cell_at (header, i)[0] != '\0'; j++)
      if (strcmp (_straits_cell_at (header, j), _straits_cell_at (header, i)) == 0)
        {
          _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row,
                                      _straits_cell_at (header, i), _("the column is named twice in the header row"));
          return FALSE;
        }
  if (r->def->parent_column != NULL && r->parent_column < 0)
    {
      _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row, NULL,
                                  _("the header row has no column “%s”, which says what each row belongs to"),
                                  r->def->parent_column);
      return FALSE;
    }
  return TRUE;
}

static void
child_sheet_free (ChildSheet *child)
{
  if (child == NULL)
    return;
  g_clear_pointer (&child->reader.header, g_ptr_array_unref);
  g_hash_table_unref (child->rows_by_parent);
  g_hash_table_unref (child->used);
  g_free (child);
}

/* Reads a child sheet's rows by the parent they name. */
static ChildSheet *
index_child_sheet (Conversion *cv, StraitsWorkbook *workbook, const SheetDef *def)
{
  ChildSheet *child = g_new0 (ChildSheet, 1);

  child->reader = (SheetReader) { def, straits_workbook_get_sheet (workbook, def->name), NULL, -1 };
  if (child->reader.sheet == NULL || child->reader.sheet->rows->len == 0 || !read_header (cv, &child->reader))
    {
      g_clear_pointer (&child->reader.header, g_ptr_array_unref);
      g_free (child);
      return NULL;
    }
  child->rows_by_parent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  child->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; i < child->reader.sheet->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (child->reader.sheet->rows, i);
      g_autofree char *id = NULL;
      GArray *rows;

      if (row_is_empty (row))
        continue;
      id = g_strstrip (g_strdup (_straits_cell_at (row, child->reader.parent_column)));
      rows = g_hash_table_lookup (child->rows_by_parent, id);
      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (child->rows_by_parent, g_strdup (id), rows);
        }
      g_array_append_val (rows, i);
    }
  return child;
}

/* Rows of a child sheet that no parent took: their parent id is empty or
 * no row of the parent sheet has it. */
static void
report_orphans (Conversion *cv, ChildSheet *child)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, child->rows_by_parent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *rows = value;
      g_autofree char *quoted = straits_diagnostic_excerpt (key, STRAITS_DIAGNOSTIC_MAX_QUOTE);

      if (g_hash_table_contains (child->used, key))
        continue;
      for (guint k = 0; k < rows->len; k++)
        {
          guint index = g_array_index (rows, guint, k);
          guint number = g_array_index (child->reader.sheet->row_numbers, guint, index);
          const SheetDef *def = child->reader.def;

          if (((const char *) key)[0] == '\0')
            _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, def->name, number, def->parent_column,
                                        _("empty: the row belongs to no item of sheet “%s”"), def->parent);
          else
            _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, def->name, number, def->parent_column,
                                        _("no row of sheet “%s” has the id “%s”"), def->parent, quoted);
        }
    }
}

static void
write_list_sheet (Writer *w, const SheetReader *r, const char *list_path, guint depth)
{
  guint n = 0;

  _straits_remember_place (w->cv, list_path, r->def->name, 0);
  g_string_append_c (w->out, '[');
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      g_autofree char *path = NULL;

      if (row_is_empty (g_ptr_array_index (r->sheet->rows, i)))
        continue;
      path = g_strdup_printf ("%s[%u]", list_path, n);
      g_string_append (w->out, n++ ? ", " : "");
      write_row (w, r, i, path, depth);
    }
  g_string_append_c (w->out, ']');
}

static void
write_metadata_sheet (Writer *w, const SheetReader *r)
{
  gboolean done = FALSE;

  _straits_remember_place (w->cv, "metadata", r->def->name, 0);
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      if (row_is_empty (g_ptr_array_index (r->sheet->rows, i)))
        continue;
      if (done)
        {
          _straits_conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name,
                                      g_array_index (r->sheet->row_numbers, guint, i), NULL,
                                      _("the metadata sheet has one row below the header; this one is left out"));
          continue;
        }
      write_row (w, r, i, "metadata", 1);
      done = TRUE;
    }
  if (!done)
    g_string_append (w->out, "{}");
}

static void
report_unknown_sheets (Conversion *cv, StraitsWorkbook *workbook)
{
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, i);
      const char *closest;

      if (_straits_find_sheet_def (sheet->name) != NULL)
        continue;
      closest = closest_sheet (sheet->name);
      if (closest != NULL)
        _straits_conversion_report (cv, STRAITS_SEVERITY_WARNING, sheet->name, 0, NULL,
                                    _("not a sheet Straits reads, left out (did you mean “%s”?)"), closest);
      else
        _straits_conversion_report (cv, STRAITS_SEVERITY_WARNING, sheet->name, 0, NULL,
                                    _("not a sheet Straits reads, left out"));
    }
}
/* Writes the dataset JSON of a workbook as text, sheet by sheet, without a
 * tree of it in memory: two-space indents, numbers in their shortest form. */
char *
_straits_convert_workbook (Conversion *cv, StraitsWorkbook *workbook)
{
  Writer w = { cv, g_string_new ("{\n  \"format\": \"straits-dataset\",\n  \"format_version\": 1"), workbook, { NULL } };
  gboolean in_vocabulary = FALSE;

  report_unknown_sheets (cv, workbook);
  for (guint d = 0; d < N_SHEET_DEFS; d++)
    if (_straits_sheet_defs[d].parent != NULL)
      w.children[d] = index_child_sheet (cv, workbook, &_straits_sheet_defs[d]);
  g_string_append (w.out, ",\n  \"metadata\": ");
  if (straits_workbook_get_sheet (workbook, "metadata") == NULL)
    {
      /* Said here, in the workbook's words, instead of the loader's
       * "missing required member “title”". */
      _straits_conversion_report (cv, STRAITS_SEVERITY_ERROR, "metadata", 0, NULL,
                                  _("the workbook has no such sheet; it needs one, with a header row (title, date, …) and one row"));
      _straits_remember_place (cv, "metadata", "metadata", 0);
      g_hash_table_add (cv->reported, g_strdup ("metadata"));
      g_string_append (w.out, "{}");
    }
  for (guint d = 0; d < N_SHEET_DEFS; d++)
    {
      SheetReader r = { &_straits_sheet_defs[d], straits_workbook_get_sheet (workbook, _straits_sheet_defs[d].name), NULL, -1 };
      const char *list = _straits_sheet_defs[d].list;
      gboolean vocabulary = list && g_str_has_prefix (list, "vocabulary.");

      if (_straits_sheet_defs[d].parent != NULL)
        continue;
      if (r.sheet == NULL || r.sheet->rows->len == 0 || !read_header (cv, &r))
        {
          if (strcmp (list, "metadata") == 0 && r.sheet != NULL)
            g_string_append (w.out, "{}");
          g_clear_pointer (&r.header, g_ptr_array_unref);
          continue;
        }
      if (strcmp (list, "metadata") == 0)
        write_metadata_sheet (&w, &r);
      else
        {
          if (vocabulary && !in_vocabulary)
            g_string_append (w.out, ",\n  \"vocabulary\": {");
          else if (in_vocabulary && !vocabulary)
            g_string_append (w.out, "\n  }");
          g_string_append (w.out, vocabulary && in_vocabulary ? "," : "");
          g_string_append (w.out, vocabulary ? "\n    " : ",\n  ");
          _straits_append_json_string (w.out, vocabulary ? list + strlen ("vocabulary.") : list);
          g_string_append (w.out, ": ");
          in_vocabulary = vocabulary;
          write_list_sheet (&w, &r, list, vocabulary ? 2 : 1);
        }
      g_ptr_array_unref (r.header);
    }
  if (in_vocabulary)
    g_string_append (w.out, "\n  }");
  g_string_append (w.out, "\n}\n");
  for (guint d = 0; d < N_SHEET_DEFS; d++)
    if (w.children[d] != NULL)
      {
        report_orphans (cv, w.children[d]);
        child_sheet_free (w.children[d]);
      }
  return g_string_free (w.out, FALSE);
}

char *
straits_workbook_to_json (StraitsWorkbook *workbook,
                          const char      *display_name,
                          GPtrArray       *diags,
                          GHashTable     **cells)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  Conversion cv = { display_name, diags ? diags : own, places, reported, keys };
  char *text = _straits_convert_workbook (&cv, workbook);

  _straits_sort_diagnostics (&cv);

  if (cells != NULL)
    *cells = g_steal_pointer (&places);
  return text;
}
