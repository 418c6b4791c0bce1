/* straits-workbook-private.h: what the workbook's files share
 *
 * straits-workbook.c has the sheets Straits reads and their columns;
 * straits-workbook-cells.c reads a cell's text as JSON;
 * straits-workbook-convert.c writes a workbook's sheets as dataset JSON;
 * straits-workbook-load.c reports problems in their sheet, row and column
 * and loads the JSON; straits-workbook-from-json.c writes a dataset as
 * sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-diagnostic.h"
#include "straits-workbook.h"

G_BEGIN_DECLS

/* How a cell's text becomes a JSON value (docs/workbooks.md). */
typedef enum {
  T_TEXT,      /* a string */
  T_DATE,      /* a string; spreadsheet dates and numbers are written as dates */
  T_NUMBER,
  T_BOOL,      /* true or false */
  T_LIST,      /* strings separated by "; " */
  T_CITATIONS, /* "source-id: locator | quote; …" */
  T_POINT,     /* "lon, lat" */
  T_LINE,      /* "lon, lat; lon, lat; …" */
  T_ROLES,     /* "role: actor-id; …" */
} ColumnType;

typedef struct {
  const char *name;   /* the member, dotted for a nested object: "place.point" */
  ColumnType type;
} Column;

typedef struct {
  const char *name;          /* the sheet */
  const char *list;          /* where its items go; NULL for a child sheet */
  const char *parent;        /* a child sheet's parent sheet */
  const char *parent_column; /* the column naming the parent item */
  const char *member;        /* the parent item's list the rows go to */
  const Column *columns;
} SheetDef;

/* Where an item or a list came from. Only items and lists are kept, not
 * cells (a workbook has several times more): a cell's column is read from
 * the rest of the JSON path, the member name. */
typedef struct {
  const char *sheet; /* a _straits_sheet_defs name */
  guint row;         /* 0: the sheet as a whole */
} Place;

/* A workbook being turned into dataset JSON: the problems found, and
 * where each item and list came from. */
typedef struct {
  const char *display_name;
  GPtrArray *diags;
  GHashTable *places;  /* JSON path of an item or list → Place */
  GHashTable *reported; /* JSON paths of members whose cell the conversion refused */
  GArray *keys;        /* guint64 per diagnostic, for sorting them; or NULL */
} Conversion;

/* The sheets (straits-workbook.c) ---------------------------------------- */

/* In the order of the format's top level; a child sheet after its parent. */
#define N_SHEET_DEFS 14
extern const SheetDef _straits_sheet_defs[N_SHEET_DEFS];

const SheetDef *_straits_find_sheet_def (const char *name);
const Column   *_straits_find_column    (const SheetDef *def,
                                         const char     *name);
/* The text of a row's cell, "" when the row is shorter. */
const char     *_straits_cell_at        (GPtrArray      *row,
                                         guint           column);

/* Cells (straits-workbook-cells.c) ---------------------------------------- */

/* Appends a cell's JSON value; FALSE (with nothing appended) when it does
 * not read as its column's type: then @expected says what it should be. */
gboolean _straits_append_cell        (GString     *s,
                                      ColumnType   type,
                                      const char  *text,
                                      const char **expected);
void     _straits_append_json_string (GString     *s,
                                      const char  *text);

/* Problems (straits-workbook-load.c) ------------------------------------- */

void _straits_conversion_report (Conversion      *cv,
                                 StraitsSeverity  severity,
                                 const char      *sheet,
                                 guint            row,
                                 const char      *column,
                                 const char      *format,
                                 ...) G_GNUC_PRINTF (6, 7);
/* Remembers that the item or list at the JSON path @path came from @row
 * of @sheet (0: the sheet as a whole), unless it is known already. */
void _straits_remember_place    (Conversion      *cv,
                                 const char      *path,
                                 const char      *sheet,
                                 guint            row);
/* Sorts the problems in the order of the sheets, then rows. */
void _straits_sort_diagnostics  (Conversion      *cv);

/* Sheets to JSON (straits-workbook-convert.c) ----------------------------- */

/* The dataset JSON text of @workbook; problems go to @cv. */
char *_straits_convert_workbook (Conversion      *cv,
                                 StraitsWorkbook *workbook);

G_END_DECLS
