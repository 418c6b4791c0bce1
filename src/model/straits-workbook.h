/* straits-workbook.h: a dataset as a workbook, one sheet per list
 *
 * A workbook is a folder of CSV files (actors.csv, relations.csv, …), an
 * ODS or an XLSX file: each sheet has a header row of the dataset format's
 * field names and one item per row (docs/workbooks.md). Reading one builds
 * the dataset's JSON text, which the dataset loader then checks like any
 * file, so every rule of the format applies; the loader's problems, placed
 * by JSON path, are placed back in the sheet, row and column they came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

/* At most this many cells in a workbook (all sheets), so that a small file
 * that repeats an empty cell a billion times cannot fill the memory. */
#define STRAITS_WORKBOOK_MAX_CELLS (16u << 20)
/* At most this many sheets (the format has 14). */
#define STRAITS_WORKBOOK_MAX_SHEETS 64

typedef struct {
  char *name;          /* "actors" */
  GPtrArray *rows;     /* GPtrArray of char* cells; rows[0] is the header */
  GArray *row_numbers; /* guint, the row's number as a spreadsheet shows it */
} StraitsWorkbookSheet;

typedef struct {
  GPtrArray *sheets;   /* StraitsWorkbookSheet */
  guint n_cells;
} StraitsWorkbook;

/* (transfer full) */
StraitsWorkbook      *straits_workbook_new        (void);
void                  straits_workbook_free       (StraitsWorkbook      *workbook);
/* A new sheet, or NULL with an error when the workbook has too many.
 * (transfer none) (nullable): owned by @workbook; NULL on error */
StraitsWorkbookSheet *straits_workbook_add_sheet  (StraitsWorkbook      *workbook,
                                                   const char           *name,
                                                   GError              **error);
/* (transfer none) (nullable) */
StraitsWorkbookSheet *straits_workbook_get_sheet  (StraitsWorkbook      *workbook,
                                                   const char           *name);
/* Appends a row (steals @cells, a GPtrArray of char*) numbered @number;
 * FALSE with an error when the workbook has too many cells.
 * @cells: (transfer full) */
gboolean              straits_workbook_sheet_add_row (StraitsWorkbook      *workbook,
                                                      StraitsWorkbookSheet *sheet,
                                                      guint                 number,
                                                      GPtrArray            *cells,
                                                      GError              **error);

/* Whether @name is a sheet Straits reads, and the kind of value its
 * column @column holds: whether the column is a date field (spreadsheet
 * dates and numbers there are written as dataset dates). */
gboolean straits_workbook_is_date_column (const char *sheet,
                                          const char *column);

/* A number as the dataset writes it, in its shortest exact form.
 * (transfer full) */
char *straits_workbook_number_text (double v);

/* Whether @path names a workbook rather than a dataset JSON file: a folder,
 * or a name ending in .ods, .xlsx or .zip. */
gboolean straits_workbook_path_is_workbook (const char *path);

/* Reads the workbook at @path (a CSV folder, .ods, .xlsx or a .zip of CSV
 * files) into sheets; NULL with an error naming the problem.
 * (transfer full) (nullable): NULL on error */
StraitsWorkbook *straits_workbook_read (const char  *path,
                                        GError     **error);

/* Reads an ODS or XLSX file, or a zip of CSV files, at @path.
 * (transfer full) (nullable): NULL on error */
StraitsWorkbook *straits_workbook_read_zip (const char  *path,
                                            GError     **error);

/* The dataset that the workbook at @path holds, checked by the loader, or
 * NULL. @diagnostics gets every problem, placed as
 * 'sheet "relations", row 14, column "to"'.
 * (transfer full) (nullable): NULL on error;
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsDataset *straits_workbook_load (const char  *path,
                                       GPtrArray  **diagnostics,
                                       GError     **error);
/* The same, also giving the dataset JSON text it was loaded from.
 * (transfer full) (nullable): NULL on error;
 * @json: (out) (optional) (transfer full);
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsDataset *straits_workbook_load_json (const char  *path,
                                            char       **json,
                                            GPtrArray  **diagnostics,
                                            GError     **error);

/* The dataset JSON text of @workbook. Problems the conversion itself finds
 * (a row of a sheet that belongs to no item, say) are appended to @diags
 * with @display_name; @cells, when given, gets a new table from JSON paths
 * ("relations[3].to") to the place they came from.
 * (transfer full); @cells: (out) (optional) (transfer full) */
char *straits_workbook_to_json (StraitsWorkbook *workbook,
                                const char      *display_name,
                                GPtrArray       *diags,
                                GHashTable     **cells);

/* The sheets for the dataset JSON text @json (which should have passed the
 * loader); NULL with an error when it is not JSON or cannot be written as
 * a workbook (a locator holding " | ", say).
 * (transfer full) (nullable): NULL on error */
StraitsWorkbook *straits_workbook_from_json (const char  *json,
                                             gsize        length,
                                             GError     **error);

/* CSV (RFC 4180) -------------------------------------------------------- */

/* Parses @text as one sheet named @name into @workbook. */
gboolean straits_workbook_parse_csv (StraitsWorkbook  *workbook,
                                     const char       *name,
                                     const char       *text,
                                     gsize             length,
                                     GError          **error);
/* (transfer full) */
char    *straits_workbook_sheet_to_csv (const StraitsWorkbookSheet *sheet);
/* Appends @text as one CSV field, quoted as RFC 4180 asks. */
void     straits_csv_append_field      (GString                    *s,
                                        const char                 *text);

/* Writes one NAME.csv per sheet into the folder @dir (made when missing),
 * each file atomically. */
gboolean straits_workbook_write_csv_folder (StraitsWorkbook  *workbook,
                                            const char       *dir,
                                            GError          **error);

/* ODS and XLSX files (straits-workbook-write.c) -------------------------- */

/* Whether @path names a file that straits_workbook_write_spreadsheet()
 * writes: a name ending in .ods or .xlsx. */
gboolean straits_workbook_path_is_spreadsheet (const char *path);

/* Writes @workbook as an ODS or an XLSX file, by the name's ending: numbers
 * and booleans as typed cells, everything else as text. The file is made
 * whole in memory, written to a temporary file beside @path, synced and
 * renamed over @path; nothing is written on error (a cell holding a
 * control character, which XML cannot hold, say). */
gboolean straits_workbook_write_spreadsheet (StraitsWorkbook  *workbook,
                                             const char       *path,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsWorkbook, straits_workbook_free)

G_END_DECLS
