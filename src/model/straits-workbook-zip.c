/* straits-workbook-zip.c: ODS and XLSX workbooks, and zips of CSV files
 *
 * Both spreadsheet formats are zip files of XML. A zip can declare a
 * member far larger than itself (a zip bomb), and XML can declare entities
 * that expand a billion times: every member's declared size is checked
 * before it is expanded, the bytes read are counted while it is, all
 * members together are held to the dataset size limit; a member holding a
 * document type declaration (where entities are declared) is refused before
 * parsing, and libxml2 parses without network access, without loading DTDs
 * and without substituting entities. The XML is read as a stream
 * (xmlTextReader), never as a tree; repeated empty cells and rows, which
 * spreadsheets write by the million, are counted, not made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>

#include "straits-dataset.h"
#include "straits-safe-file.h"
#include "straits-workbook.h"

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_SHEET  "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Bytes read from the zip so far, against the limit. */
typedef struct {
  const char *path;
  GsfInfile *zip;
  gsize expanded;
} Zip;

/* The member @name ("xl/worksheets/sheet1.xml"), read under the limit;
 * NULL with @error unset when there is no such member. */
static GBytes *
read_member (Zip *z, const char *name, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  g_autoptr(GsfInput) member = gsf_infile_child_by_aname (z->zip, (const char **) parts);
  g_autoptr(GByteArray) bytes = NULL;
  gsf_off_t declared;
  gsize left = STRAITS_WORKBOOK_MAX_SIZE - z->expanded;

  if (member == NULL)
    return NULL;
  declared = gsf_input_size (member);
  if (declared < 0 || (guint64) declared > left)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("its part “%s” would expand to %" G_GUINT64_FORMAT " MB, more than the %u MB a "
                     "workbook may hold (a zip bomb?)"),
                   name, (guint64) declared >> 20, STRAITS_WORKBOOK_MAX_SIZE >> 20);
      return NULL;
    }
  bytes = g_byte_array_sized_new (declared);
  while (gsf_input_remaining (member) > 0)
    {
      gsize chunk = MIN ((gsize) gsf_input_remaining (member), 1u << 16);
      const guint8 *data = gsf_input_read (member, chunk, NULL);

      if (data == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("its part “%s” cannot be read"), name);
          return NULL;
        }
      /* Counted as read too: the declared size is the zip's word only. */
      if (bytes->len + chunk > left)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("its part “%s” expands to more than the %u MB a workbook may hold (a zip bomb?)"),
                       name, STRAITS_WORKBOOK_MAX_SIZE >> 20);
          return NULL;
        }
      g_byte_array_append (bytes, data, chunk);
    }
  z->expanded += bytes->len;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
require_member (Zip *z, const char *name, GError **error)
{
  GBytes *bytes = read_member (z, name, error);

  if (bytes == NULL && (error == NULL || *error == NULL))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("it has no part “%s”"), name);
  return bytes;
}

/* XML ------------------------------------------------------------------- */

static gboolean
contains (GBytes *bytes, const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, length, needle) != NULL;
}

/* A reader for the XML @bytes, or NULL: a document type declaration (the
 * only place entities are declared) is refused before parsing. */
static xmlTextReaderPtr
open_xml (GBytes *bytes, const char *name, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlTextReaderPtr reader;

  if (contains (bytes, "<!DOCTYPE") || contains (bytes, "<!ENTITY"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("its part “%s” declares a document type or entities, which spreadsheets never do: refused"),
                   name);
      return NULL;
    }
  /* No XML_PARSE_NOENT (entities substituted), XML_PARSE_DTDLOAD or
   * XML_PARSE_HUGE; no network. */
  reader = xmlReaderForMemory (data, length, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("its part “%s” cannot be read as XML"), name);
  return reader;
}

static gboolean
xml_failed (int status, const char *name, GError **error)
{
  if (status >= 0)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("its part “%s” is not well-formed XML"), name);
  return TRUE;
}

static gboolean
is_element (xmlTextReaderPtr r, const char *ns, const char *local)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r), local) == 0
         && g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (r), ns) == 0;
}

static gboolean
is_end (xmlTextReaderPtr r, const char *ns, const char *local)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r), local) == 0
         && g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (r), ns) == 0;
}

static char *
attribute (xmlTextReaderPtr r, const char *ns, const char *local)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (r, (const xmlChar *) local, (const xmlChar *) ns);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static guint
count_attribute (xmlTextReaderPtr r, const char *ns, const char *local)
{
  g_autofree char *text = attribute (r, ns, local);
  guint64 n = text ? g_ascii_strtoull (text, NULL, 10) : 1;

  return n == 0 ? 1 : (guint) MIN (n, G_MAXUINT / 2);
}

/* Values ---------------------------------------------------------------- */

/* A spreadsheet's day number as a date: days since 1899-12-30 (the 1900
 * system, whose day 60 is the 29 February 1900 that never was) or since
 * 1904-01-01. */
static char *
serial_date (double serial, gboolean from_1904)
{
  g_autoptr(GDate) date = NULL;
  double days = floor (serial);

  if (!isfinite (serial) || days < 1 || days > 2958465)
    return NULL;
  if (from_1904)
    date = g_date_new_dmy (1, 1, 1904);
  else
    {
      date = g_date_new_dmy (30, 12, 1899);
      if (days < 61)
        days += 1;
    }
  g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A plain number in a date column: a whole number from 1000 to 2999 is a
 * year, as typed; any other is a day number that lost its date format. */
static char *
number_in_column (double v, gboolean date_column, gboolean from_1904)
{
  if (date_column && !(v == floor (v) && v >= 1000 && v <= 2999))
    {
      char *date = serial_date (v, from_1904);

      if (date != NULL)
        return date;
    }
  return straits_workbook_number_text (v);
}

/* Sheets being filled ---------------------------------------------------- */

typedef struct {
  StraitsWorkbook *workbook;
  StraitsWorkbookSheet *sheet;
  GPtrArray *row;        /* cells so far */
  guint pending_empty;   /* empty cells not made yet */
} Filler;

static const char *
header_name (Filler *f, guint column)
{
  GPtrArray *header = f->sheet && f->sheet->rows->len > 0 ? g_ptr_array_index (f->sheet->rows, 0) : NULL;

  return header && column < header->len ? g_ptr_array_index (header, column) : NULL;
}

static gboolean
is_date_column (Filler *f)
{
  guint column = f->row->len + f->pending_empty;

  return f->sheet->rows->len > 0 && straits_workbook_is_date_column (f->sheet->name, header_name (f, column));
}

/* Adds a cell @repeat times; empty ones only when a value follows. */
static gboolean
add_cell (Filler *f, char *text, guint repeat, GError **error)
{
  g_autofree char *owned = text;

  if (text == NULL || text[0] == '\0')
    {
      f->pending_empty = MIN ((guint64) f->pending_empty + repeat, G_MAXUINT / 2);
      return TRUE;
    }
  if ((guint64) f->row->len + f->pending_empty + repeat > STRAITS_WORKBOOK_MAX_CELLS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the workbook has too many cells (at most %u)"), STRAITS_WORKBOOK_MAX_CELLS);
      return FALSE;
    }
  for (; f->pending_empty > 0; f->pending_empty--)
    g_ptr_array_add (f->row, g_strdup (""));
  for (guint i = 0; i < repeat; i++)
    g_ptr_array_add (f->row, g_strdup (text));
  return TRUE;
}

/* Ends a row numbered @number, repeated @repeat times; empty rows are
 * left out (their numbers are kept by the next rows). */
static gboolean
end_row (Filler *f, guint number, guint repeat, GError **error)
{
  g_autoptr(GPtrArray) row = g_steal_pointer (&f->row);

  f->row = g_ptr_array_new_with_free_func (g_free);
  f->pending_empty = 0;
  if (row->len == 0)
    return TRUE;
  for (guint i = 0; i < repeat; i++)
    {
      GPtrArray *copy = g_ptr_array_new_full (row->len, g_free);

      for (guint j = 0; j < row->len; j++)
        g_ptr_array_add (copy, g_strdup (g_ptr_array_index (row, j)));
      if (!straits_workbook_sheet_add_row (f->workbook, f->sheet, number + i, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* ODS ------------------------------------------------------------------- */

/* The text of the cell the reader is on (text:p paragraphs as lines,
 * text:s spaces, tabs, line breaks; office:annotation comments left out). */
static gboolean
ods_cell_text (xmlTextReaderPtr r, GString *text, const char *name, GError **error)
{
  int depth = xmlTextReaderDepth (r);
  guint paragraphs = 0;
  int skip_depth = -1;
  int status;

  if (xmlTextReaderIsEmptyElement (r))
    return TRUE;
  while ((status = xmlTextReaderRead (r)) == 1 && xmlTextReaderDepth (r) > depth)
    {
      int type = xmlTextReaderNodeType (r);

      if (skip_depth >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r) == skip_depth)
            skip_depth = -1;
          continue;
        }
      if (is_element (r, NS_OFFICE, "annotation") && !xmlTextReaderIsEmptyElement (r))
        skip_depth = xmlTextReaderDepth (r);
      else if (is_element (r, NS_TEXT, "p") || is_element (r, NS_TEXT, "h"))
        {
          if (paragraphs++ > 0)
            g_string_append_c (text, '\n');
        }
      else if (is_element (r, NS_TEXT, "s"))
        {
          guint n = MIN (count_attribute (r, NS_TEXT, "c"), 5000);

          for (guint i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (is_element (r, NS_TEXT, "tab"))
        g_string_append_c (text, '\t');
      else if (is_element (r, NS_TEXT, "line-break"))
        g_string_append_c (text, '\n');
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
               || type == XML_READER_TYPE_CDATA)
        g_string_append (text, (const char *) xmlTextReaderConstValue (r));
      if (text->len > STRAITS_WORKBOOK_MAX_SIZE)
        break;
    }
  return !xml_failed (status, name, error);
}

/* A cell's value: the typed value when there is one (a formula's cached
 * result too), else its text. */
static char *
ods_cell_value (xmlTextReaderPtr r, Filler *f, const char *name, GError **error)
{
  g_autofree char *type = attribute (r, NS_OFFICE, "value-type");
  g_autoptr(GString) text = g_string_new (NULL);

  if (type != NULL && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
                       || strcmp (type, "currency") == 0))
    {
      g_autofree char *value = attribute (r, NS_OFFICE, "value");
      char *end = NULL;
      double v = value ? g_ascii_strtod (value, &end) : NAN;

      if (value != NULL && *end == '\0' && isfinite (v))
        {
          if (!ods_cell_text (r, text, name, error))
            return NULL;
          return number_in_column (v, is_date_column (f), FALSE);
        }
    }
  else if (type != NULL && strcmp (type, "date") == 0)
    {
      g_autofree char *value = attribute (r, NS_OFFICE, "date-value");

      if (value != NULL && strlen (value) >= 10)
        {
          if (!ods_cell_text (r, text, name, error))
            return NULL;
          return g_strndup (value, 10);
        }
    }
  else if (type != NULL && strcmp (type, "boolean") == 0)
    {
      g_autofree char *value = attribute (r, NS_OFFICE, "boolean-value");

      if (value != NULL)
        {
          if (!ods_cell_text (r, text, name, error))
            return NULL;
          return g_strdup (strcmp (value, "true") == 0 ? "true" : "false");
        }
    }
  if (!ods_cell_text (r, text, name, error))
    return NULL;
  return g_strdup (text->str);
}

static gboolean
read_ods (Zip *z, StraitsWorkbook *workbook, GError **error)
{
  g_autoptr(GBytes) content = require_member (z, "content.xml", error);
  xmlTextReaderPtr r;
  Filler f = { workbook, NULL, g_ptr_array_new_with_free_func (g_free), 0 };
  guint row_number = 0, row_repeat = 1;
  gboolean ok = TRUE;
  int status;

  if (content == NULL || (r = open_xml (content, "content.xml", error)) == NULL)
    {
      g_ptr_array_unref (f.row);
      return FALSE;
    }
  while (ok && (status = xmlTextReaderRead (r)) == 1)
    {
      if (is_element (r, NS_TABLE, "table"))
        {
          g_autofree char *sheet = attribute (r, NS_TABLE, "name");

          f.sheet = straits_workbook_add_sheet (workbook, sheet ? sheet : "", error);
          ok = f.sheet != NULL;
          row_number = 1;
        }
      else if (f.sheet != NULL && is_element (r, NS_TABLE, "table-row"))
        {
          row_repeat = count_attribute (r, NS_TABLE, "number-rows-repeated");
          if (xmlTextReaderIsEmptyElement (r))
            {
              row_number += row_repeat;
              row_repeat = 1;
            }
        }
      else if (f.sheet != NULL && (is_element (r, NS_TABLE, "table-cell")
                                   || is_element (r, NS_TABLE, "covered-table-cell")))
        {
          guint repeat = count_attribute (r, NS_TABLE, "number-columns-repeated");
          g_autoptr(GError) local = NULL;
          char *value = ods_cell_value (r, &f, "content.xml", &local);

          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              ok = FALSE;
            }
          else
            ok = add_cell (&f, value, repeat, error);
        }
      else if (f.sheet != NULL && is_end (r, NS_TABLE, "table-row"))
        {
          ok = end_row (&f, row_number, row_repeat, error);
          row_number += row_repeat;
          row_repeat = 1;
        }
      else if (is_end (r, NS_TABLE, "table"))
        f.sheet = NULL;
    }
  if (ok && xml_failed (status, "content.xml", error))
    ok = FALSE;
  xmlFreeTextReader (r);
  g_ptr_array_unref (f.row);
  return ok;
}

/* XLSX ------------------------------------------------------------------ */

typedef struct {
  GPtrArray *strings;    /* shared strings */
  GArray *date_styles;   /* gboolean per cell format (cellXfs) */
  gboolean from_1904;
} Xlsx;

/* The text of the element the reader is on: all its <t> texts, leaving out
 * phonetic runs (<rPh>). */
static gboolean
xlsx_text (xmlTextReaderPtr r, GString *text, const char *name, GError **error)
{
  int depth = xmlTextReaderDepth (r);
  gboolean in_t = FALSE, in_phonetic = FALSE;
  int status;

  if (xmlTextReaderIsEmptyElement (r))
    return TRUE;
  while ((status = xmlTextReaderRead (r)) == 1 && xmlTextReaderDepth (r) > depth)
    {
      int type = xmlTextReaderNodeType (r);

      if (is_element (r, NS_SHEET, "rPh"))
        in_phonetic = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, NS_SHEET, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (r, NS_SHEET, "t"))
        in_t = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, NS_SHEET, "t"))
        in_t = FALSE;
      else if (in_t && !in_phonetic && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                                         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        g_string_append (text, (const char *) xmlTextReaderConstValue (r));
    }
  return !xml_failed (status, name, error);
}

static gboolean
read_shared_strings (Zip *z, Xlsx *x, GError **error)
{
  g_autoptr(GBytes) bytes = read_member (z, "xl/sharedStrings.xml", error);
  xmlTextReaderPtr r;
  int status;
  gboolean ok = TRUE;

  if (bytes == NULL)
    return error == NULL || *error == NULL;
  if ((r = open_xml (bytes, "xl/sharedStrings.xml", error)) == NULL)
    return FALSE;
  while (ok && (status = xmlTextReaderRead (r)) == 1)
    if (is_element (r, NS_SHEET, "si"))
      {
        GString *text = g_string_new (NULL);

        ok = xlsx_text (r, text, "xl/sharedStrings.xml", error);
        g_ptr_array_add (x->strings, g_string_free (text, FALSE));
        if (ok && x->strings->len > STRAITS_WORKBOOK_MAX_CELLS)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                         _("the workbook has too many cells (at most %u)"), STRAITS_WORKBOOK_MAX_CELLS);
            ok = FALSE;
          }
      }
  if (ok && xml_failed (status, "xl/sharedStrings.xml", error))
    ok = FALSE;
  xmlFreeTextReader (r);
  return ok;
}

/* Whether a number format shows a date: Excel's built-in date formats, or a
 * format code with a day, month or year outside quotes and brackets. */
static gboolean
is_date_format (guint id, const char *code)
{
  gboolean quoted = FALSE;
  int bracket = 0;

  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return TRUE;
  for (const char *p = code; p != NULL && *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (!quoted && *p == '[')
        bracket++;
      else if (!quoted && *p == ']' && bracket > 0)
        bracket--;
      else if (!quoted && bracket == 0 && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_styles (Zip *z, Xlsx *x, GError **error)
{
  g_autoptr(GBytes) bytes = read_member (z, "xl/styles.xml", error);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  xmlTextReaderPtr r;
  gboolean in_xfs = FALSE;
  int status;

  if (bytes == NULL)
    return error == NULL || *error == NULL;
  if ((r = open_xml (bytes, "xl/styles.xml", error)) == NULL)
    return FALSE;
  while ((status = xmlTextReaderRead (r)) == 1)
    {
      if (is_element (r, NS_SHEET, "numFmt"))
        {
          g_autofree char *id = attribute (r, NULL, "numFmtId");

          if (id != NULL)
            g_hash_table_insert (codes, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                 attribute (r, NULL, "formatCode"));
        }
      else if (is_element (r, NS_SHEET, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, NS_SHEET, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (r, NS_SHEET, "xf") && x->date_styles->len < STRAITS_WORKBOOK_MAX_CELLS)
        {
          g_autofree char *id = attribute (r, NULL, "numFmtId");
          guint n = id ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;
          gboolean date = is_date_format (n, g_hash_table_lookup (codes, GUINT_TO_POINTER (n)));

          g_array_append_val (x->date_styles, date);
        }
    }
  xmlFreeTextReader (r);
  return !xml_failed (status, "xl/styles.xml", error);
}

/* The sheets' names and parts, in order, from the workbook and its
 * relationships; and whether its dates count from 1904. */
static gboolean
read_sheet_list (Zip *z, Xlsx *x, GPtrArray *names, GPtrArray *parts, GError **error)
{
  g_autoptr(GBytes) book = require_member (z, "xl/workbook.xml", error);
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlTextReaderPtr r;
  int status;

  if (book == NULL || (r = open_xml (book, "xl/workbook.xml", error)) == NULL)
    return FALSE;
  while ((status = xmlTextReaderRead (r)) == 1)
    {
      if (is_element (r, NS_SHEET, "sheet") && names->len <= STRAITS_WORKBOOK_MAX_SHEETS)
        {
          g_autofree char *name = attribute (r, NULL, "name");

          g_ptr_array_add (names, g_strdup (name ? name : ""));
          g_ptr_array_add (ids, attribute (r, NS_REL, "id"));
        }
      else if (is_element (r, NS_SHEET, "workbookPr"))
        {
          g_autofree char *date1904 = attribute (r, NULL, "date1904");

          x->from_1904 = date1904 && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
        }
    }
  xmlFreeTextReader (r);
  if (xml_failed (status, "xl/workbook.xml", error))
    return FALSE;

  rels = read_member (z, "xl/_rels/workbook.xml.rels", error);
  if (rels == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (rels != NULL)
    {
      if ((r = open_xml (rels, "xl/_rels/workbook.xml.rels", error)) == NULL)
        return FALSE;
      while ((status = xmlTextReaderRead (r)) == 1)
        if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT
            && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r), "Relationship") == 0)
          {
            char *id = attribute (r, NULL, "Id");
            char *target = attribute (r, NULL, "Target");

            if (id != NULL && target != NULL)
              g_hash_table_replace (targets, id, target);
            else
              g_free (id), g_free (target);
          }
      xmlFreeTextReader (r);
      if (xml_failed (status, "xl/_rels/workbook.xml.rels", error))
        return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *target = id ? g_hash_table_lookup (targets, id) : NULL;

      if (target == NULL)
        g_ptr_array_add (parts, g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1));
      else if (target[0] == '/')
        g_ptr_array_add (parts, g_strdup (target + 1));
      else
        g_ptr_array_add (parts, g_strconcat ("xl/", target, NULL));
    }
  return TRUE;
}

/* "C12" → column 2 (from 0) and row 12; FALSE for anything else. */
static gboolean
parse_reference (const char *ref, guint *column, guint *row)
{
  guint64 c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && p - ref < 3; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  *row = (guint) MIN (g_ascii_strtoull (p, NULL, 10), G_MAXUINT / 2);
  return TRUE;
}

/* The value of the <c> element the reader is on. */
static char *
xlsx_cell_value (xmlTextReaderPtr r, Xlsx *x, Filler *f, const char *name, GError **error)
{
  g_autofree char *type = attribute (r, NULL, "t");
  g_autofree char *style = attribute (r, NULL, "s");
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  gboolean has_value = FALSE;
  int depth = xmlTextReaderDepth (r);
  int status = 1;
  guint s = style ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;

  if (!xmlTextReaderIsEmptyElement (r))
    while ((status = xmlTextReaderRead (r)) == 1 && xmlTextReaderDepth (r) > depth)
      {
        if (is_element (r, NS_SHEET, "v") && !xmlTextReaderIsEmptyElement (r))
          {
            xmlChar *text = xmlTextReaderReadString (r);

            g_string_append (value, text ? (const char *) text : "");
            xmlFree (text);
            has_value = TRUE;
          }
        else if (is_element (r, NS_SHEET, "is") && !xlsx_text (r, inline_text, name, error))
          return NULL;
      }
  if (xml_failed (status, name, error))
    return NULL;

  if (g_strcmp0 (type, "inlineStr") == 0)
    return g_strdup (inline_text->str);
  if (!has_value)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value->str, NULL, 10);

      return g_strdup (index < x->strings->len ? (const char *) g_ptr_array_index (x->strings, index) : "");
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (strcmp (value->str, "1") == 0 ? "true" : "false");
  if (type == NULL || strcmp (type, "n") == 0)
    {
      char *end = NULL;
      double v = g_ascii_strtod (value->str, &end);

      if (*end != '\0' || !isfinite (v))
        return g_strdup (value->str);
      if (s < x->date_styles->len && g_array_index (x->date_styles, gboolean, s))
        {
          char *date = serial_date (v, x->from_1904);

          if (date != NULL)
            return date;
        }
      return number_in_column (v, is_date_column (f), x->from_1904);
    }
  if (g_strcmp0 (type, "d") == 0 && value->len >= 10)
    return g_strndup (value->str, 10);
  /* "str" (a formula's text), "e" (an error such as #REF!): as written. */
  return g_strdup (value->str);
}

static gboolean
read_xlsx_sheet (Zip *z, Xlsx *x, StraitsWorkbook *workbook, const char *sheet_name,
                 const char *part, GError **error)
{
  g_autoptr(GBytes) bytes = require_member (z, part, error);
  Filler f = { workbook, NULL, NULL, 0 };
  xmlTextReaderPtr r;
  guint row_number = 0;
  gboolean ok = TRUE;
  int status;

  if (bytes == NULL || (r = open_xml (bytes, part, error)) == NULL)
    return FALSE;
  f.sheet = straits_workbook_add_sheet (workbook, sheet_name, error);
  if (f.sheet == NULL)
    {
      xmlFreeTextReader (r);
      return FALSE;
    }
  f.row = g_ptr_array_new_with_free_func (g_free);
  while (ok && (status = xmlTextReaderRead (r)) == 1)
    {
      if (is_element (r, NS_SHEET, "row"))
        {
          g_autofree char *number = attribute (r, NULL, "r");

          row_number = number ? (guint) MIN (g_ascii_strtoull (number, NULL, 10), G_MAXUINT / 2) : row_number + 1;
          if (xmlTextReaderIsEmptyElement (r))
            ok = end_row (&f, row_number, 1, error);
        }
      else if (is_element (r, NS_SHEET, "c"))
        {
          g_autofree char *ref = attribute (r, NULL, "r");
          guint column, row;
          g_autoptr(GError) local = NULL;
          char *value;

          /* A cell placed further right: the skipped ones are empty. */
          if (ref != NULL && parse_reference (ref, &column, &row)
              && column > f.row->len + f.pending_empty)
            f.pending_empty = column - f.row->len;
          value = xlsx_cell_value (r, x, &f, part, &local);
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              ok = FALSE;
            }
          else
            ok = add_cell (&f, value, 1, error);
        }
      else if (is_end (r, NS_SHEET, "row"))
        ok = end_row (&f, row_number, 1, error);
    }
  if (ok && xml_failed (status, part, error))
    ok = FALSE;
  xmlFreeTextReader (r);
  g_ptr_array_unref (f.row);
  return ok;
}

static gboolean
read_xlsx (Zip *z, StraitsWorkbook *workbook, GError **error)
{
  Xlsx x = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gboolean)), FALSE };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = read_sheet_list (z, &x, names, parts, error)
                && read_shared_strings (z, &x, error)
                && read_styles (z, &x, error);

  for (guint i = 0; ok && i < names->len; i++)
    ok = read_xlsx_sheet (z, &x, workbook, g_ptr_array_index (names, i), g_ptr_array_index (parts, i), error);
  g_ptr_array_unref (x.strings);
  g_array_unref (x.date_styles);
  return ok;
}

/* A zip of CSV files ----------------------------------------------------- */

static gboolean
read_csv_zip (Zip *z, StraitsWorkbook *workbook, GError **error)
{
  int n = gsf_infile_num_children (z->zip);
  guint found = 0;

  for (int i = 0; i < n && i < 1000; i++)
    {
      const char *name = gsf_infile_name_by_index (z->zip, i);
      g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;
      g_autofree char *sheet = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (lower == NULL || !g_str_has_suffix (lower, ".csv") || name[0] == '.')
        continue;
      bytes = read_member (z, name, error);
      if (bytes == NULL)
        return FALSE;
      sheet = g_strndup (name, strlen (name) - 4);
      if (!straits_workbook_parse_csv (workbook, sheet, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), error))
        return FALSE;
      found++;
    }
  if (found == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("the zip holds no CSV files (metadata.csv, actors.csv, relations.csv, …)"));
  return found > 0;
}

/* Opening --------------------------------------------------------------- */

typedef enum { KIND_ODS, KIND_XLSX, KIND_CSV_ZIP } ZipKind;

StraitsWorkbook *
straits_workbook_read_zip (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) file = straits_safe_file_read (path, STRAITS_WORKBOOK_MAX_SIZE,
                                                   STRAITS_SAFE_FILE_FOLLOW_LINKS, error);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(StraitsWorkbook) workbook = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  ZipKind kind = g_str_has_suffix (lower, ".ods") ? KIND_ODS
                 : g_str_has_suffix (lower, ".xlsx") ? KIND_XLSX : KIND_CSV_ZIP;
  Zip z = { path, NULL, 0 };
  gboolean ok;

  if (file == NULL)
    return NULL;
  gsf_init ();
  input = gsf_input_memory_new (g_bytes_get_data (file, NULL), g_bytes_get_size (file), FALSE);
  z.zip = gsf_infile_zip_new (input, &local);
  if (z.zip == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("not a workbook: an ODS or XLSX file is a zip file, and this is none"));
      return NULL;
    }
  workbook = straits_workbook_new ();
  ok = kind == KIND_ODS ? read_ods (&z, workbook, &local)
       : kind == KIND_XLSX ? read_xlsx (&z, workbook, &local)
       : read_csv_zip (&z, workbook, &local);
  g_object_unref (z.zip);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("the workbook cannot be read: "));
      return NULL;
    }
  return g_steal_pointer (&workbook);
}
