/* straits-workbook.c: sheets to dataset JSON and back
 *
 * This file has the sheets Straits reads, their columns, and the tables
 * that hold a workbook's cells. A workbook becomes dataset JSON in
 * straits-workbook-convert.c (each cell read by straits-workbook-cells.c);
 * the loader's problems are placed back in sheets, rows and columns in
 * straits-workbook-load.c; a dataset is written as sheets in
 * straits-workbook-from-json.c. Files: straits-workbook-csv.c (CSV) and
 * straits-workbook-zip.c (ODS, XLSX, a zip of CSV files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "straits-workbook-private.h"

static const Column metadata_columns[] = {
  { "id", T_TEXT }, { "title", T_TEXT }, { "description", T_TEXT }, { "version", T_TEXT }, { "date", T_DATE },
  { "licence", T_TEXT }, { "authors", T_LIST }, { NULL, 0 } };
static const Column relation_type_columns[] = {
  { "id", T_TEXT }, { "label", T_TEXT }, { "colour", T_TEXT }, { "description", T_TEXT },
  { "roles", T_LIST }, { "dated", T_BOOL }, { NULL, 0 } };
static const Column event_type_columns[] = {
  { "id", T_TEXT }, { "label", T_TEXT }, { "colour", T_TEXT }, { "description", T_TEXT },
  { NULL, 0 } };
static const Column source_columns[] = {
  { "id", T_TEXT }, { "title", T_TEXT }, { "authors", T_LIST }, { "publisher", T_TEXT },
  { "date", T_DATE }, { "url", T_TEXT }, { "doi", T_TEXT }, { "licence", T_TEXT }, { NULL, 0 } };
static const Column section_columns[] = {
  { "heading", T_TEXT }, { "paragraphs", T_NUMBER }, { NULL, 0 } };
static const Column actor_columns[] = {
  { "id", T_TEXT }, { "kind", T_TEXT }, { "name", T_TEXT }, { "short_name", T_TEXT },
  { "iso3", T_TEXT }, { "memberships", T_LIST }, { "location", T_POINT }, { "country", T_TEXT },
  { "description", T_TEXT }, { "note", T_TEXT }, { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column grouping_columns[] = {
  { "id", T_TEXT }, { "label", T_TEXT }, { "description", T_TEXT }, { "start", T_DATE },
  { "end", T_DATE }, { "attested", T_DATE }, { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column group_columns[] = {
  { "id", T_TEXT }, { "label", T_TEXT }, { "colour", T_TEXT }, { "description", T_TEXT },
  { "members", T_LIST }, { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column relation_columns[] = {
  { "id", T_TEXT }, { "from", T_TEXT }, { "to", T_TEXT }, { "type", T_TEXT },
  { "direction", T_TEXT }, { "stance", T_TEXT }, { "strength", T_NUMBER }, { "start", T_DATE },
  { "end", T_DATE }, { "attested", T_DATE }, { "roles", T_ROLES }, { "summary", T_TEXT },
  { "note", T_TEXT }, { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column event_columns[] = {
  { "id", T_TEXT }, { "date", T_DATE }, { "end", T_DATE }, { "type", T_TEXT },
  { "title", T_TEXT }, { "description", T_TEXT }, { "actors", T_LIST }, { "relations", T_LIST },
  { "place.point", T_POINT }, { "place.feature", T_TEXT }, { "note", T_TEXT },
  { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column figure_columns[] = {
  { "id", T_TEXT }, { "kind", T_TEXT }, { "title", T_TEXT }, { "subject", T_TEXT },
  { "role", T_TEXT }, { "unit", T_TEXT }, { "period", T_TEXT }, { "whole", T_TEXT },
  { "bound", T_TEXT }, { "base", T_TEXT }, { "of", T_NUMBER }, { "change.value", T_NUMBER },
  { "change.unit", T_TEXT }, { "change.against", T_TEXT }, { "note", T_TEXT },
  { "sources", T_CITATIONS }, { NULL, 0 } };
static const Column figure_value_columns[] = {
  { "actor", T_TEXT }, { "label", T_TEXT }, { "period", T_DATE }, { "value", T_NUMBER },
  { "unrounded", T_NUMBER }, { NULL, 0 } };
static const Column view_columns[] = {
  { "id", T_TEXT }, { "title", T_TEXT }, { "subtitle", T_TEXT }, { "region", T_TEXT },
  { "region.west", T_NUMBER }, { "region.south", T_NUMBER }, { "region.east", T_NUMBER },
  { "region.north", T_NUMBER }, { "grouping", T_TEXT }, { "relation_types", T_LIST },
  { "overlays", T_LIST }, { "time", T_DATE }, { NULL, 0 } };
static const Column annotation_columns[] = {
  { "id", T_TEXT }, { "kind", T_TEXT }, { "name", T_TEXT }, { "text", T_TEXT },
  { "geometry.point", T_POINT }, { "geometry.line", T_LINE }, { "geometry.feature", T_TEXT },
  { "sources", T_CITATIONS }, { NULL, 0 } };

/* In the order of the format's top level; a child sheet after its parent. */
const SheetDef _straits_sheet_defs[] = {
  { "metadata", "metadata", NULL, NULL, NULL, metadata_columns },
  { "relation_types", "vocabulary.relation_types", NULL, NULL, NULL, relation_type_columns },
  { "event_types", "vocabulary.event_types", NULL, NULL, NULL, event_type_columns },
  { "sources", "sources", NULL, NULL, NULL, source_columns },
  { "source_sections", NULL, "sources", "source", "sections", section_columns },
  { "actors", "actors", NULL, NULL, NULL, actor_columns },
  { "groupings", "groupings", NULL, NULL, NULL, grouping_columns },
  { "groups", NULL, "groupings", "grouping", "groups", group_columns },
  { "relations", "relations", NULL, NULL, NULL, relation_columns },
  { "events", "events", NULL, NULL, NULL, event_columns },
  { "figures", "figures", NULL, NULL, NULL, figure_columns },
  { "figure_values", NULL, "figures", "figure", "values", figure_value_columns },
  { "views", "views", NULL, NULL, NULL, view_columns },
  { "annotations", "annotations", NULL, NULL, NULL, annotation_columns },
};

G_STATIC_ASSERT (G_N_ELEMENTS (_straits_sheet_defs) == N_SHEET_DEFS);

const SheetDef *
_straits_find_sheet_def (const char *name)
{
  for (guint i = 0; i < N_SHEET_DEFS; i++)
    if (g_strcmp0 (_straits_sheet_defs[i].name, name) == 0)
      return &_straits_sheet_defs[i];
  return NULL;
}

const Column *
_straits_find_column (const SheetDef *def, const char *name)
{
  for (const Column *c = def->columns; c->name != NULL; c++)
    if (strcmp (c->name, name) == 0)
      return c;
  return NULL;
}

gboolean
straits_workbook_is_date_column (const char *sheet,
                                 const char *column)
{
  const SheetDef *def = _straits_find_sheet_def (sheet);
  const Column *c = def && column ? _straits_find_column (def, column) : NULL;

  return c != NULL && c->type == T_DATE;
}

/* Tables ---------------------------------------------------------------- */

static void
sheet_free (gpointer data)
{
  StraitsWorkbookSheet *sheet = data;

  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->row_numbers);
  g_free (sheet);
}

StraitsWorkbook *
straits_workbook_new (void)
{
  StraitsWorkbook *workbook = g_new0 (StraitsWorkbook, 1);

  workbook->sheets = g_ptr_array_new_with_free_func (sheet_free);
  return workbook;
}

void
straits_workbook_free (StraitsWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_ptr_array_unref (workbook->sheets);
  g_free (workbook);
}

StraitsWorkbookSheet *
straits_workbook_add_sheet (StraitsWorkbook  *workbook,
                            const char       *name,
                            GError          **error)
{
  StraitsWorkbookSheet *sheet;

  if (workbook->sheets->len >= STRAITS_WORKBOOK_MAX_SHEETS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the workbook has too many sheets (at most %u)"), STRAITS_WORKBOOK_MAX_SHEETS);
      return NULL;
    }
  sheet = g_new0 (StraitsWorkbookSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (workbook->sheets, sheet);
  return sheet;
}

StraitsWorkbookSheet *
straits_workbook_get_sheet (StraitsWorkbook *workbook,
                            const char      *name)
{
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, i);

      if (strcmp (sheet->name, name) == 0)
        return sheet;
    }
  return NULL;
}

gboolean
straits_workbook_sheet_add_row (StraitsWorkbook      *workbook,
                                StraitsWorkbookSheet *sheet,
                                guint                 number,
                                GPtrArray            *cells,
                                GError              **error)
{
  if (cells->len > STRAITS_WORKBOOK_MAX_CELLS - workbook->n_cells)
    {
      g_ptr_array_unref (cells);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the workbook has too many cells (at most %u)"), STRAITS_WORKBOOK_MAX_CELLS);
      return FALSE;
    }
  workbook->n_cells += cells->len;
  g_ptr_array_add (sheet->rows, cells);
  g_array_append_val (sheet->row_numbers, number);
  return TRUE;
}

const char *
_straits_cell_at (GPtrArray *row, guint column)
{
  const char *text = column < row->len ? g_ptr_array_index (row, column) : NULL;

  return text != NULL ? text : "";
}

gboolean
straits_workbook_path_is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_file_test (path, G_FILE_TEST_IS_DIR)
         || g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".xlsx")
         || g_str_has_suffix (lower, ".zip");
}
