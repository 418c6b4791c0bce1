/* straits-workbook-write.c: a workbook written as an ODS or XLSX file
 *
 * The sheets come from straits-workbook-from-json.c, as text cells, the
 * same ones a folder of CSV files gets; this file only lays them out as a
 * spreadsheet. A cell of a number column is written as a number, and one of
 * a boolean column as a boolean, when the reader gives back the same text
 * from it; every other cell is text, dates too, so that "2025-04" stays a
 * month (docs/workbooks.md). The zip is made in memory with libgsf, its XML
 * streamed by libxml2's xmlTextWriter, and the file written at once, to a
 * temporary file renamed over the old one: a reader never sees half a
 * workbook, and nothing is written when a cell cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-impl.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlwriter.h>

#include "straits-safe-file.h"
#include "straits-workbook-private.h"

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
#define XLSX_MAIN    "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define XLSX_REL     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL      "http://schemas.openxmlformats.org/package/2006/relationships"
#define XLSX_TYPE    "application/vnd.openxmlformats-officedocument.spreadsheetml."

typedef enum { CELL_EMPTY, CELL_TEXT, CELL_NUMBER, CELL_BOOL } CellKind;

/* How a cell is written. A number is typed only when the reader's text of
 * it is the text itself (an integer past 2^53 stays text, which the reader
 * also reads as a number). */
static CellKind
cell_kind (const SheetDef *def, const char *column, guint row, const char *text)
{
  const Column *c = def != NULL && column != NULL && row > 0 ? _straits_find_column (def, column) : NULL;

  if (text[0] == '\0')
    return CELL_EMPTY;
  if (c != NULL && c->type == T_BOOL && (strcmp (text, "true") == 0 || strcmp (text, "false") == 0))
    return CELL_BOOL;
  if (c != NULL && c->type == T_NUMBER)
    {
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      g_autofree char *again = end != text && *end == '\0' && isfinite (v) ? straits_workbook_number_text (v) : NULL;

      if (again != NULL && strcmp (again, text) == 0)
        return CELL_NUMBER;
    }
  return CELL_TEXT;
}

/* XML 1.0 cannot hold control characters other than tab and line breaks,
 * not even as character references. */
static gboolean
check_cells (StraitsWorkbook *workbook, GError **error)
{
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, s);

      for (guint r = 0; r < sheet->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (sheet->rows, r);

          for (guint c = 0; c < row->len; c++)
            for (const guchar *p = (const guchar *) _straits_cell_at (row, c); *p; p++)
              if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("sheet “%s”, row %u: a cell holds the control character U+%04X, "
                                 "which an ODS or XLSX file cannot hold"),
                               sheet->name, g_array_index (sheet->row_numbers, guint, r), *p);
                  return FALSE;
                }
        }
    }
  return TRUE;
}

/* XML into a zip member ------------------------------------------------- */

/* A writer whose first failure is kept, so that the layout code below need
 * not check every call. */
typedef struct {
  xmlTextWriterPtr w;
  gboolean failed;
} Xml;

static void
start (Xml *x, const char *name)
{
  x->failed |= xmlTextWriterStartElement (x->w, BAD_CAST name) < 0;
}

static void
attr (Xml *x, const char *name, const char *value)
{
  x->failed |= xmlTextWriterWriteAttribute (x->w, BAD_CAST name, BAD_CAST value) < 0;
}

static void
attr_uint (Xml *x, const char *name, guint value)
{
  x->failed |= xmlTextWriterWriteFormatAttribute (x->w, BAD_CAST name, "%u", value) < 0;
}

static void
text (Xml *x, const char *s)
{
  x->failed |= xmlTextWriterWriteString (x->w, BAD_CAST s) < 0;
}

static void
end (Xml *x)
{
  x->failed |= xmlTextWriterEndElement (x->w) < 0;
}

/* An element with only text in it. */
static void
element (Xml *x, const char *name, const char *content)
{
  start (x, name);
  text (x, content);
  end (x);
}

static int
member_write (void *context, const char *buffer, int length)
{
  return gsf_output_write (context, length, (const guint8 *) buffer) ? length : -1;
}

static int
member_close (void *context)
{
  return gsf_output_close (context) ? 0 : -1;
}

typedef void (*LayOut) (Xml *x, gpointer data);

/* A member of the zip, dated 1980-01-01 (the zip format's first day) as the
 * templates are, so that a dataset converted twice gives the same file. */
static GsfOutput *
new_member (GsfOutfile *zip, const char *name, gboolean stored)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (1980, 1, 1, 0, 0, 0);
  GsfOutput *member = gsf_outfile_new_child_full (zip, name, FALSE, "compression-level",
                                                  stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED, NULL);

  if (member != NULL)
    gsf_output_set_modtime (member, date);
  return member;
}

/* Writes the zip member @name: its XML laid out by @lay_out, compressed
 * unless @stored. */
static gboolean
write_member (GsfOutfile *zip, const char *name, gboolean stored,
              LayOut lay_out, gpointer data, GError **error)
{
  g_autoptr(GsfOutput) member = new_member (zip, name, stored);
  xmlOutputBufferPtr out;
  Xml x = { NULL, member == NULL };

  if (member != NULL && (out = xmlOutputBufferCreateIO (member_write, member_close, member, NULL)) != NULL)
    {
      x.w = xmlNewTextWriter (out);
      x.failed = x.w == NULL || xmlTextWriterStartDocument (x.w, NULL, "UTF-8", "yes") < 0;
      if (!x.failed)
        lay_out (&x, data);
      x.failed |= x.w == NULL || xmlTextWriterEndDocument (x.w) < 0;
      if (x.w != NULL)
        xmlFreeTextWriter (x.w); /* closes the member */
      else
        xmlOutputBufferClose (out);
    }
  if (x.failed || member == NULL || !gsf_output_is_closed (member))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("its part “%s” cannot be written"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_plain_member (GsfOutfile *zip, const char *name, const char *content, GError **error)
{
  g_autoptr(GsfOutput) member = new_member (zip, name, TRUE);

  if (member == NULL || !gsf_output_puts (member, content) || !gsf_output_close (member))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("its part “%s” cannot be written"), name);
      return FALSE;
    }
  return TRUE;
}

/* ODS ------------------------------------------------------------------- */

/* One line of a cell's text. ODF collapses spaces in text, so a space
 * beyond the first of a run, and one that begins or ends the line, is a
 * <text:s/>; a tab is a <text:tab/>. */
static void
ods_line (Xml *x, const char *line)
{
  const char *p = line;

  while (*p != '\0')
    {
      gsize n = strcspn (p, " \t");

      if (n > 0)
        {
          g_autofree char *run = g_strndup (p, n);

          text (x, run);
          p += n;
        }
      else if (*p == '\t')
        {
          start (x, "text:tab");
          end (x);
          p++;
        }
      else
        {
          gsize spaces = strspn (p, " ");
          gboolean inside = p > line && p[spaces] != '\0';

          if (inside)
            text (x, " ");
          if (spaces > (gsize) inside)
            {
              start (x, "text:s");
              if (spaces - inside > 1)
                attr_uint (x, "text:c", spaces - inside);
              end (x);
            }
          p += spaces;
        }
    }
}

static void
ods_cell (Xml *x, CellKind kind, const char *value)
{
  g_auto(GStrv) lines = NULL;

  start (x, "table:table-cell");
  switch (kind)
    {
    case CELL_EMPTY:
      end (x);
      return;
    case CELL_NUMBER:
      attr (x, "office:value-type", "float");
      attr (x, "office:value", value);
      break;
    case CELL_BOOL:
      attr (x, "office:value-type", "boolean");
      attr (x, "office:boolean-value", value);
      value = strcmp (value, "true") == 0 ? "TRUE" : "FALSE";
      break;
    case CELL_TEXT:
    default:
      attr (x, "office:value-type", "string");
      break;
    }
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      start (x, "text:p");
      ods_line (x, lines[i]);
      end (x);
    }
  end (x);
}

static guint
sheet_width (StraitsWorkbookSheet *sheet)
{
  guint width = 1;

  for (guint r = 0; r < sheet->rows->len; r++)
    width = MAX (width, ((GPtrArray *) g_ptr_array_index (sheet->rows, r))->len);
  return width;
}

static void
ods_sheet (Xml *x, StraitsWorkbookSheet *sheet)
{
  const SheetDef *def = _straits_find_sheet_def (sheet->name);
  GPtrArray *header = sheet->rows->len > 0 ? g_ptr_array_index (sheet->rows, 0) : NULL;

  start (x, "table:table");
  attr (x, "table:name", sheet->name);
  start (x, "table:table-column");
  attr_uint (x, "table:number-columns-repeated", sheet_width (sheet));
  end (x);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (sheet->rows, r);

      start (x, "table:table-row");
      for (guint c = 0; c < MAX (row->len, 1); c++)
        {
          const char *value = _straits_cell_at (row, c);
          const char *column = header != NULL ? _straits_cell_at (header, c) : NULL;

          ods_cell (x, cell_kind (def, column, r, value), value);
        }
      end (x);
    }
  end (x);
}

static void
ods_content (Xml *x, gpointer data)
{
  StraitsWorkbook *workbook = data;

  start (x, "office:document-content");
  attr (x, "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  attr (x, "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  attr (x, "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  attr (x, "office:version", "1.2");
  start (x, "office:body");
  start (x, "office:spreadsheet");
  for (guint s = 0; s < workbook->sheets->len; s++)
    ods_sheet (x, g_ptr_array_index (workbook->sheets, s));
  end (x);
  end (x);
  end (x);
}

static void
manifest_entry (Xml *x, const char *path, const char *type)
{
  start (x, "manifest:file-entry");
  attr (x, "manifest:full-path", path);
  attr (x, "manifest:media-type", type);
  if (strcmp (path, "/") == 0)
    attr (x, "manifest:version", "1.2");
  end (x);
}

static void
ods_manifest (Xml *x, gpointer data)
{
  start (x, "manifest:manifest");
  attr (x, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  attr (x, "manifest:version", "1.2");
  manifest_entry (x, "/", ODS_MIMETYPE);
  manifest_entry (x, "content.xml", "text/xml");
  end (x);
}

/* The mimetype member first, stored: how a program tells an ODS file from
 * any zip (ODF 1.2, part 3, section 3.3). */
static gboolean
write_ods (GsfOutfile *zip, StraitsWorkbook *workbook, GError **error)
{
  return write_plain_member (zip, "mimetype", ODS_MIMETYPE, error)
         && write_member (zip, "META-INF/manifest.xml", FALSE, ods_manifest, NULL, error)
         && write_member (zip, "content.xml", FALSE, ods_content, workbook, error);
}

/* XLSX ------------------------------------------------------------------ */

/* "A", …, "Z", "AA", … for column @index (from 0), then the row. */
static char *
cell_reference (guint index, guint row)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  for (index++; index > 0 && i > 0; index = (index - 1) / 26)
    letters[--i] = 'A' + (index - 1) % 26;
  return g_strdup_printf ("%s%u", letters + i, row);
}

static void
xlsx_cell (Xml *x, CellKind kind, guint column, guint row, const char *value)
{
  g_autofree char *ref = cell_reference (column, row);

  if (kind == CELL_EMPTY)
    return;
  start (x, "c");
  attr (x, "r", ref);
  if (kind == CELL_NUMBER)
    element (x, "v", value);
  else if (kind == CELL_BOOL)
    {
      attr (x, "t", "b");
      element (x, "v", strcmp (value, "true") == 0 ? "1" : "0");
    }
  else
    {
      attr (x, "t", "inlineStr");
      start (x, "is");
      start (x, "t");
      attr (x, "xml:space", "preserve");
      text (x, value);
      end (x);
      end (x);
    }
  end (x);
}

static void
xlsx_sheet (Xml *x, gpointer data)
{
  StraitsWorkbookSheet *sheet = data;
  const SheetDef *def = _straits_find_sheet_def (sheet->name);
  GPtrArray *header = sheet->rows->len > 0 ? g_ptr_array_index (sheet->rows, 0) : NULL;

  start (x, "worksheet");
  attr (x, "xmlns", XLSX_MAIN);
  start (x, "sheetData");
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (sheet->rows, r);

      start (x, "row");
      attr_uint (x, "r", r + 1);
      for (guint c = 0; c < row->len; c++)
        {
          const char *value = _straits_cell_at (row, c);
          const char *column = header != NULL ? _straits_cell_at (header, c) : NULL;

          xlsx_cell (x, cell_kind (def, column, r, value), c, r + 1, value);
        }
      end (x);
    }
  end (x);
  end (x);
}

static void
content_type (Xml *x, const char *part, const char *type)
{
  start (x, "Override");
  attr (x, "PartName", part);
  attr (x, "ContentType", type);
  end (x);
}

static void
xlsx_content_types (Xml *x, gpointer data)
{
  StraitsWorkbook *workbook = data;

  start (x, "Types");
  attr (x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  start (x, "Default");
  attr (x, "Extension", "rels");
  attr (x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  end (x);
  start (x, "Default");
  attr (x, "Extension", "xml");
  attr (x, "ContentType", "application/xml");
  end (x);
  content_type (x, "/xl/workbook.xml", XLSX_TYPE "sheet.main+xml");
  content_type (x, "/xl/styles.xml", XLSX_TYPE "styles+xml");
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      g_autofree char *part = g_strdup_printf ("/xl/worksheets/sheet%u.xml", s + 1);

      content_type (x, part, XLSX_TYPE "worksheet+xml");
    }
  end (x);
}

static void
relationship (Xml *x, guint id, const char *type, const char *target)
{
  g_autofree char *rid = g_strdup_printf ("rId%u", id);
  g_autofree char *full_type = g_strconcat (XLSX_REL "/", type, NULL);

  start (x, "Relationship");
  attr (x, "Id", rid);
  attr (x, "Type", full_type);
  attr (x, "Target", target);
  end (x);
}

static void
xlsx_package_rels (Xml *x, gpointer data)
{
  start (x, "Relationships");
  attr (x, "xmlns", PKG_REL);
  relationship (x, 1, "officeDocument", "xl/workbook.xml");
  end (x);
}

/* Sheet n is part xl/worksheets/sheetn.xml and relationship rIdn; the
 * styles come after them. */
static void
xlsx_workbook_rels (Xml *x, gpointer data)
{
  StraitsWorkbook *workbook = data;

  start (x, "Relationships");
  attr (x, "xmlns", PKG_REL);
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      g_autofree char *target = g_strdup_printf ("worksheets/sheet%u.xml", s + 1);

      relationship (x, s + 1, "worksheet", target);
    }
  relationship (x, workbook->sheets->len + 1, "styles", "styles.xml");
  end (x);
}

static void
xlsx_workbook (Xml *x, gpointer data)
{
  StraitsWorkbook *workbook = data;

  start (x, "workbook");
  attr (x, "xmlns", XLSX_MAIN);
  attr (x, "xmlns:r", XLSX_REL);
  start (x, "sheets");
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, s);
      g_autofree char *rid = g_strdup_printf ("rId%u", s + 1);

      start (x, "sheet");
      attr (x, "name", sheet->name);
      attr_uint (x, "sheetId", s + 1);
      attr (x, "r:id", rid);
      end (x);
    }
  end (x);
  end (x);
}

/* The least a spreadsheet program asks for: one font, fill, border and
 * cell format (General). */
static void
xlsx_styles (Xml *x, gpointer data)
{
  static const char *const lists[][2] = {
    { "fonts", "font" }, { "fills", "fill" }, { "borders", "border" },
    { "cellStyleXfs", "xf" }, { "cellXfs", "xf" } };

  start (x, "styleSheet");
  attr (x, "xmlns", XLSX_MAIN);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      start (x, lists[i][0]);
      attr (x, "count", "1");
      start (x, lists[i][1]);
      if (strcmp (lists[i][1], "xf") == 0)
        attr (x, "numFmtId", "0");
      if (strcmp (lists[i][0], "fills") == 0)
        {
          start (x, "patternFill");
          attr (x, "patternType", "none");
          end (x);
        }
      end (x);
      end (x);
    }
  end (x);
}

static gboolean
write_xlsx (GsfOutfile *zip, StraitsWorkbook *workbook, GError **error)
{
  if (!write_member (zip, "[Content_Types].xml", FALSE, xlsx_content_types, workbook, error)
      || !write_member (zip, "_rels/.rels", FALSE, xlsx_package_rels, NULL, error)
      || !write_member (zip, "xl/workbook.xml", FALSE, xlsx_workbook, workbook, error)
      || !write_member (zip, "xl/_rels/workbook.xml.rels", FALSE, xlsx_workbook_rels, workbook, error)
      || !write_member (zip, "xl/styles.xml", FALSE, xlsx_styles, NULL, error))
    return FALSE;
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", s + 1);

      if (!write_member (zip, part, FALSE, xlsx_sheet, g_ptr_array_index (workbook->sheets, s), error))
        return FALSE;
    }
  return TRUE;
}

/* The file -------------------------------------------------------------- */

gboolean
straits_workbook_path_is_spreadsheet (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".xlsx");
}

/* The workbook as the bytes of a zip, made in memory. */
static GBytes *
zip_bytes (StraitsWorkbook *workbook, gboolean ods, GError **error)
{
  g_autoptr(GsfOutput) memory = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) zip = NULL;
  gboolean ok;

  gsf_init ();
  zip = gsf_outfile_zip_new (memory, error);
  if (zip == NULL)
    return NULL;
  ok = ods ? write_ods (zip, workbook, error) : write_xlsx (zip, workbook, error);
  /* Closing the zip writes its directory, even after a failure. */
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("its zip directory cannot be written"));
      ok = FALSE;
    }
  if (!ok || !gsf_output_close (memory))
    return NULL;
  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)), gsf_output_size (memory));
}

gboolean
straits_workbook_write_spreadsheet (StraitsWorkbook  *workbook,
                                    const char       *path,
                                    GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *target = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  if (!straits_workbook_path_is_spreadsheet (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot write “%s”: a workbook file is named .ods or .xlsx"), path);
      return FALSE;
    }
  if (!check_cells (workbook, &local)
      || (bytes = zip_bytes (workbook, g_str_has_suffix (lower, ".ods"), &local)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot write “%s”: "), path);
      return FALSE;
    }
  /* A new file, synced, then renamed over the old one: a reader never sees
   * half a workbook, and a link stays a link. */
  target = straits_safe_file_write_target (path);
  return g_file_set_contents_full (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
