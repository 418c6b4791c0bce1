/* straits-workbook.c: sheets to dataset JSON and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-diagnostic.h"
#include "straits-workbook.h"

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

static const Column metadata_columns[] = {
  { "title", T_TEXT }, { "description", T_TEXT }, { "version", T_TEXT }, { "date", T_DATE },
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
  { "id", T_TEXT }, { "label", T_TEXT }, { "description", T_TEXT }, { "sources", T_CITATIONS },
  { NULL, 0 } };
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
static const SheetDef sheet_defs[] = {
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

static const SheetDef *
find_sheet_def (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheet_defs); i++)
    if (g_strcmp0 (sheet_defs[i].name, name) == 0)
      return &sheet_defs[i];
  return NULL;
}

static const Column *
find_column (const SheetDef *def, const char *name)
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
  const SheetDef *def = find_sheet_def (sheet);
  const Column *c = def && column ? find_column (def, column) : NULL;

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

static const char *
cell_at (GPtrArray *row, guint column)
{
  const char *text = column < row->len ? g_ptr_array_index (row, column) : NULL;

  return text != NULL ? text : "";
}

/* Suggestions ----------------------------------------------------------- */

static const char *
closest_sheet (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < G_N_ELEMENTS (sheet_defs); i++)
    {
      guint d = straits_edit_distance (name, sheet_defs[i].name);

      if (d < best_distance)
        best_distance = d, best = sheet_defs[i].name;
    }
  return best;
}

/* Places ---------------------------------------------------------------- */

/* Where an item or a list came from. Only items and lists are kept, not
 * cells (a workbook has several times more): a cell's column is read from
 * the rest of the JSON path, the member name. */
typedef struct {
  const char *sheet; /* a sheet_defs name */
  guint row;         /* 0: the sheet as a whole */
} Place;

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

typedef struct {
  const char *display_name;
  GPtrArray *diags;
  GHashTable *places;  /* JSON path of an item or list → Place */
  GHashTable *reported; /* JSON paths of members whose cell the conversion refused */
  GArray *keys;        /* guint64 per diagnostic, for sorting them; or NULL */
} Conversion;

/* Problems are listed in the order of the sheets, then rows: an unknown
 * sheet first, problems of no sheet last. */
static guint64
sort_key (const char *sheet, guint row)
{
  guint64 rank = sheet ? 1 : G_N_ELEMENTS (sheet_defs) + 2;

  for (guint i = 0; sheet != NULL && i < G_N_ELEMENTS (sheet_defs); i++)
    if (strcmp (sheet_defs[i].name, sheet) == 0)
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

static void conversion_report (Conversion *cv, StraitsSeverity severity, const char *sheet,
                               guint row, const char *column, const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
conversion_report (Conversion      *cv,
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

static void
remember (Conversion *cv, const char *path, const char *sheet, guint row)
{
  Place *place;

  if (g_hash_table_contains (cv->places, path))
    return;
  place = g_new (Place, 1);
  place->sheet = sheet;
  place->row = row;
  g_hash_table_insert (cv->places, g_strdup (path), place);
}

/* Cells to JSON --------------------------------------------------------- */

/* The items of a list cell: split at ";" (";;" is a semicolon inside an
 * item), each trimmed, empty ones left out. */
static GPtrArray *
split_list (const char *text)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);

  for (const char *p = text;; p++)
    {
      if (*p == ';' && p[1] == ';')
        {
          g_string_append_c (item, ';');
          p++;
          continue;
        }
      if (*p == ';' || *p == '\0')
        {
          g_strstrip (item->str);
          if (item->str[0] != '\0')
            g_ptr_array_add (items, g_strdup (item->str));
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (item, *p);
    }
  g_string_free (item, TRUE);
  return items;
}

/* A number as JSON has it: digits, sign, point and exponent only (no
 * thousands separators, no "nan" or hexadecimal that strtod would take).
 * @integer says whether it is written without a point or exponent. */
static gboolean
parse_number (const char *text, double *value, gint64 *integer_value, gboolean *integer)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *end = NULL;

  *integer = TRUE;
  if (t[0] == '\0')
    return FALSE;
  for (const char *p = t; *p; p++)
    {
      if (*p == '.' || *p == 'e' || *p == 'E')
        *integer = FALSE;
      else if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+')
        return FALSE;
    }
  errno = 0;
  if (*integer)
    {
      *integer_value = g_ascii_strtoll (t, &end, 10);
      if (errno == 0 && *end == '\0')
        return TRUE;
      *integer = FALSE;
      errno = 0;
    }
  *value = g_ascii_strtod (t, &end);
  return errno == 0 && *end == '\0' && isfinite (*value);
}

static void append_json_string (GString *s, const char *text);

/* Appends the number @text as JSON (normalised: "+1" and ".5" are not
 * JSON); FALSE when it is no number. */
static gboolean
append_number (GString *s, const char *text)
{
  double v = 0;
  gint64 i = 0;
  gboolean integer;

  if (!parse_number (text, &v, &i, &integer))
    return FALSE;
  if (integer)
    g_string_append_printf (s, "%" G_GINT64_FORMAT, i);
  else
    {
      g_autofree char *shortest = straits_workbook_number_text (v);

      g_string_append (s, shortest);
    }
  return TRUE;
}

static gboolean
append_point (GString *s, const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  gsize start = s->len;

  if (g_strv_length (parts) != 2)
    return FALSE;
  g_string_append_c (s, '[');
  if (!append_number (s, parts[0]))
    goto bad;
  g_string_append (s, ", ");
  if (!append_number (s, parts[1]))
    goto bad;
  g_string_append_c (s, ']');
  return TRUE;

bad:
  g_string_truncate (s, start);
  return FALSE;
}

static void
append_list (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      append_json_string (s, g_ptr_array_index (items, i));
    }
  g_string_append_c (s, ']');
}

/* "source-id: locator | quote"; the locator and quote are optional. */
static void
append_citation (GString *s, const char *item)
{
  const char *colon = strstr (item, ": ");

  g_string_append (s, "{\"source\": ");
  if (colon == NULL)
    {
      g_autofree char *id = g_strdup (item);
      gsize n = strlen (id);

      if (n > 0 && id[n - 1] == ':')
        id[n - 1] = '\0';
      append_json_string (s, id);
    }
  else
    {
      g_autofree char *id = g_strstrip (g_strndup (item, colon - item));
      const char *rest = colon + 2;
      const char *bar = g_str_has_prefix (rest, "| ") ? rest - 1 : strstr (rest, " | ");

      append_json_string (s, id);
      if (bar == NULL)
        {
          g_string_append (s, ", \"locator\": ");
          append_json_string (s, rest);
        }
      else
        {
          g_autofree char *locator = g_strstrip (g_strndup (rest, MAX (bar, rest) - rest));

          if (locator[0] != '\0')
            {
              g_string_append (s, ", \"locator\": ");
              append_json_string (s, locator);
            }
          g_string_append (s, ", \"quote\": ");
          append_json_string (s, bar + 3);
        }
    }
  g_string_append_c (s, '}');
}

static void
append_citations (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      append_citation (s, g_ptr_array_index (items, i));
    }
  g_string_append_c (s, ']');
}

static gboolean
append_line (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      if (!append_point (s, g_ptr_array_index (items, i)))
        return FALSE;
    }
  g_string_append_c (s, ']');
  return TRUE;
}

static gboolean
append_roles (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append_c (s, '{');
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      const char *colon = strchr (item, ':');
      g_autofree char *role = colon ? g_strstrip (g_strndup (item, colon - item)) : NULL;
      g_autofree char *actor = colon ? g_strstrip (g_strdup (colon + 1)) : NULL;

      if (colon == NULL || role[0] == '\0' || g_hash_table_contains (seen, role))
        return FALSE;
      g_string_append (s, i ? ", " : "");
      append_json_string (s, role);
      g_string_append (s, ": ");
      append_json_string (s, actor);
      g_hash_table_add (seen, g_steal_pointer (&role));
    }
  g_string_append_c (s, '}');
  return TRUE;
}

/* Appends a cell's JSON value; FALSE (with nothing appended) when it does
 * not read as its column's type: then @expected says what it should be. */
static gboolean
append_cell (GString *s, ColumnType type, const char *text, const char **expected)
{
  gsize start = s->len;
  gboolean ok = TRUE;

  switch (type)
    {
    case T_TEXT:
    case T_DATE:
      append_json_string (s, text);
      break;
    case T_NUMBER:
      *expected = _("a number such as 12.5 (with a point, no thousands separators)");
      ok = append_number (s, text);
      break;
    case T_BOOL:
      {
        g_autofree char *word = g_strstrip (g_strdup (text));

        *expected = _("true or false");
        ok = g_ascii_strcasecmp (word, "true") == 0 || g_ascii_strcasecmp (word, "false") == 0;
        if (ok)
          g_string_append (s, g_ascii_strcasecmp (word, "true") == 0 ? "true" : "false");
        break;
      }
    case T_LIST:
      append_list (s, text);
      break;
    case T_CITATIONS:
      append_citations (s, text);
      break;
    case T_POINT:
      *expected = _("a point “lon, lat” such as “28.98, 41.01”");
      ok = append_point (s, text);
      break;
    case T_LINE:
      *expected = _("points “lon, lat; lon, lat; …”");
      ok = append_line (s, text);
      break;
    case T_ROLES:
      *expected = _("roles “role: actor-id; role: actor-id”");
      ok = append_roles (s, text);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_string_truncate (s, start);
  return ok;
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
  ChildSheet *children[G_N_ELEMENTS (sheet_defs)];
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
  const char *name = cell_at (header, i);
  const Column *column = i < r->header->len ? g_ptr_array_index (r->header, i) : NULL;
  const char *text = cell_at (row, i);
  const char *expected = NULL;

  if (append_cell (w->out, column ? column->type : T_TEXT, text, &expected))
    return;
  {
    g_autofree char *quoted = straits_diagnostic_excerpt (text, STRAITS_DIAGNOSTIC_MAX_QUOTE);

    conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                       _("expected %s, not “%s”"), expected, quoted);
    g_hash_table_add (w->cv->reported, g_strconcat (path, ".", name, NULL));
    /* The loader still sees the text (so that a required member is not
     * also reported missing); what it says of it is left out. */
    append_json_string (w->out, text);
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

  remember (w->cv, path, r->def->name, number);
  g_string_append_c (w->out, '{');
  for (guint i = 0; i < row->len; i++)
    {
      const char *name = cell_at (header, i);
      gsize part = object_part (name);
      g_autofree char *member = g_strndup (name, part ? part : strlen (name));

      if (cell_at (row, i)[0] == '\0' || (int) i == r->parent_column)
        continue;
      if (name[0] == '\0')
        {
          conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, NULL,
                             _("a value in column %u, which has no name in the header row"), i + 1);
          continue;
        }
      /* "change.unit" after "change.value": written with it. */
      if (part > 0 && g_hash_table_lookup (written, member) == GINT_TO_POINTER (2))
        continue;
      if (g_hash_table_contains (written, member))
        {
          conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                             _("the column gives a member that another column of the row gives too"));
          continue;
        }
      g_hash_table_insert (written, g_strdup (member), GINT_TO_POINTER (part > 0 ? 2 : 1));
      g_string_append (w->out, first ? "" : ",");
      first = FALSE;
      append_indent (w->out, depth + 1);
      append_json_string (w->out, member);
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
          const char *other = cell_at (header, j);

          if (cell_at (row, j)[0] == '\0' || object_part (other) != part || strncmp (other, name, part) != 0)
            continue;
          g_string_append (w->out, n++ ? ", " : "");
          append_json_string (w->out, other + part + 1);
          g_string_append (w->out, ": ");
          write_member_value (w, r, row, j, path, number);
        }
      g_string_append_c (w->out, '}');
    }
  /* The lists child sheets give this item (a figure's values). */
  {
    const char *id = NULL;

    for (guint i = 0; i < row->len && i < r->header->len; i++)
      if (strcmp (cell_at (header, i), "id") == 0)
        id = cell_at (row, i);
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
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
    {
      ChildSheet *child = w->children[d];
      GArray *rows;

      if (child == NULL || g_strcmp0 (sheet_defs[d].parent, parent->name) != 0)
        continue;
      rows = g_hash_table_lookup (child->rows_by_parent, id);
      if (rows == NULL || g_hash_table_contains (child->used, id))
        continue;
      g_hash_table_add (child->used, g_strdup (id));
      g_string_append_c (w->out, ',');
      append_indent (w->out, depth);
      append_json_string (w->out, sheet_defs[d].member);
      g_string_append (w->out, ": [");
      for (guint k = 0; k < rows->len; k++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s.%s[%u]", path, sheet_defs[d].member, k);

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
    if (cell_at (row, i)[0] != '\0')
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
      const char *name = cell_at (header, i);
      const Column *column = find_column (r->def, name);

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
      conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row, NULL,
                         _("the first row should name the columns (%s, …): none of its cells is a column name this sheet has"),
                         names->str);
      return FALSE;
    }
  for (guint i = 0; i < header->len; i++)
    for (guint j = 0; j < i && cell_at (header, i)[0] != '\0'; j++)
      if (strcmp (cell_at (header, j), cell_at (header, i)) == 0)
        {
          conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row,
                             cell_at (header, i), _("the column is named twice in the header row"));
          return FALSE;
        }
  if (r->def->parent_column != NULL && r->parent_column < 0)
    {
      conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, header_row, NULL,
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
      id = g_strstrip (g_strdup (cell_at (row, child->reader.parent_column)));
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
            conversion_report (cv, STRAITS_SEVERITY_ERROR, def->name, number, def->parent_column,
                               _("empty: the row belongs to no item of sheet “%s”"), def->parent);
          else
            conversion_report (cv, STRAITS_SEVERITY_ERROR, def->name, number, def->parent_column,
                               _("no row of sheet “%s” has the id “%s”"), def->parent, quoted);
        }
    }
}

static void
write_list_sheet (Writer *w, const SheetReader *r, const char *list_path, guint depth)
{
  guint n = 0;

  remember (w->cv, list_path, r->def->name, 0);
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

  remember (w->cv, "metadata", r->def->name, 0);
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      if (row_is_empty (g_ptr_array_index (r->sheet->rows, i)))
        continue;
      if (done)
        {
          conversion_report (w->cv, STRAITS_SEVERITY_ERROR, r->sheet->name,
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

      if (find_sheet_def (sheet->name) != NULL)
        continue;
      closest = closest_sheet (sheet->name);
      if (closest != NULL)
        conversion_report (cv, STRAITS_SEVERITY_WARNING, sheet->name, 0, NULL,
                           _("not a sheet Straits reads, left out (did you mean “%s”?)"), closest);
      else
        conversion_report (cv, STRAITS_SEVERITY_WARNING, sheet->name, 0, NULL,
                           _("not a sheet Straits reads, left out"));
    }
}

static void
append_json_string (GString *s, const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (s, "\\n");
      else if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/* Writes the dataset JSON of a workbook as text, sheet by sheet, without a
 * tree of it in memory: two-space indents, numbers in their shortest form. */
static void sort_diagnostics (Conversion *cv);

static char *
convert_workbook (Conversion *cv, StraitsWorkbook *workbook)
{
  Writer w = { cv, g_string_new ("{\n  \"format\": \"straits-dataset\",\n  \"format_version\": 1"), workbook, { NULL } };
  gboolean in_vocabulary = FALSE;

  report_unknown_sheets (cv, workbook);
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
    if (sheet_defs[d].parent != NULL)
      w.children[d] = index_child_sheet (cv, workbook, &sheet_defs[d]);
  g_string_append (w.out, ",\n  \"metadata\": ");
  if (straits_workbook_get_sheet (workbook, "metadata") == NULL)
    {
      /* Said here, in the workbook's words, instead of the loader's
       * "missing required member “title”". */
      conversion_report (cv, STRAITS_SEVERITY_ERROR, "metadata", 0, NULL,
                         _("the workbook has no such sheet; it needs one, with a header row (title, date, …) and one row"));
      remember (cv, "metadata", "metadata", 0);
      g_hash_table_add (cv->reported, g_strdup ("metadata"));
      g_string_append (w.out, "{}");
    }
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
    {
      SheetReader r = { &sheet_defs[d], straits_workbook_get_sheet (workbook, sheet_defs[d].name), NULL, -1 };
      const char *list = sheet_defs[d].list;
      gboolean vocabulary = list && g_str_has_prefix (list, "vocabulary.");

      if (sheet_defs[d].parent != NULL)
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
          append_json_string (w.out, vocabulary ? list + strlen ("vocabulary.") : list);
          g_string_append (w.out, ": ");
          in_vocabulary = vocabulary;
          write_list_sheet (&w, &r, list, vocabulary ? 2 : 1);
        }
      g_ptr_array_unref (r.header);
    }
  if (in_vocabulary)
    g_string_append (w.out, "\n  }");
  g_string_append (w.out, "\n}\n");
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
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
  char *text = convert_workbook (&cv, workbook);

  sort_diagnostics (&cv);

  if (cells != NULL)
    *cells = g_steal_pointer (&places);
  return text;
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
  const SheetDef *def = find_sheet_def (sheet);
  g_autofree char *member = NULL;

  if (rest[0] != '.')
    return NULL;
  member = g_strndup (rest + 1, strcspn (rest + 1, "["));
  for (;;)
    {
      char *dot;

      if (def == NULL || find_column (def, member) != NULL)
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

static void
sort_diagnostics (Conversion *cv)
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
  json = convert_workbook (&cv, workbook);
  /* The cells are in the JSON now: freed before the loader's turn. */
  g_clear_pointer (&workbook, straits_workbook_free);
  bytes = g_bytes_new_take (json, strlen (json));
  dataset = straits_dataset_load_bytes (bytes, path, &loader_diags, NULL);
  for (guint i = 0; loader_diags != NULL && i < loader_diags->len; i++)
    place_diagnostic (&cv, g_ptr_array_index (loader_diags, i));
  sort_diagnostics (&cv);
  if (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR) > 0)
    return fail_with (out_diags, diags, error, STRAITS_DATASET_ERROR_INVALID, path);
  if (out_json != NULL)
    *out_json = g_strdup (g_bytes_get_data (bytes, NULL));
  if (out_diags != NULL)
    *out_diags = g_steal_pointer (&diags);
  return g_steal_pointer (&dataset);
}

/* JSON to cells --------------------------------------------------------- */

/* The shortest decimal text that reads back as @v: 0.8, not
 * 0.80000000000000004. */
char *
straits_workbook_number_text (double v)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v || digits == 17)
        return g_strdup (buf);
    }
  g_assert_not_reached ();
}

static char *
scalar_text (JsonNode *node)
{
  GType t;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  t = json_node_get_value_type (node);
  if (t == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (t == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (t == G_TYPE_DOUBLE)
    return straits_workbook_number_text (json_node_get_double (node));
  if (t == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return g_strdup ("");
}

/* An item of a list cell, with its semicolons doubled. */
static void
append_item (GString *s, const char *item)
{
  if (s->len > 0)
    g_string_append (s, "; ");
  for (const char *p = item; *p; p++)
    {
      if (*p == ';')
        g_string_append_c (s, ';');
      g_string_append_c (s, *p);
    }
}

static char *
point_text (JsonNode *node)
{
  JsonArray *a = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autofree char *lon = NULL, *lat = NULL;

  if (a == NULL || json_array_get_length (a) != 2)
    return scalar_text (node);
  lon = scalar_text (json_array_get_element (a, 0));
  lat = scalar_text (json_array_get_element (a, 1));
  return g_strdup_printf ("%s, %s", lon, lat);
}

static gboolean
citation_text (GString *s, JsonNode *node, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *source, *locator, *quote;
  g_autoptr(GString) item = g_string_new (NULL);

  if (o == NULL)
    return TRUE;
  source = json_object_get_string_member_with_default (o, "source", "");
  locator = json_object_get_string_member_with_default (o, "locator", NULL);
  quote = json_object_get_string_member_with_default (o, "quote", NULL);
  if (locator != NULL && (strstr (locator, " | ") || g_str_has_prefix (locator, "| ")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the locator “%s” holds “ | ”, which a workbook cell uses before a quotation"), locator);
      return FALSE;
    }
  g_string_append (item, source);
  if (locator != NULL || quote != NULL)
    g_string_append (item, ":");
  if (locator != NULL)
    g_string_append_printf (item, " %s", locator);
  if (quote != NULL)
    g_string_append_printf (item, " | %s", quote);
  append_item (s, item->str);
  return TRUE;
}

static char *
cell_text (ColumnType type, JsonNode *node, GError **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  JsonArray *a = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  switch (type)
    {
    case T_LIST:
      if (a == NULL)
        break;
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *item = scalar_text (json_array_get_element (a, i));

          append_item (s, item);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    case T_CITATIONS:
      for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
        if (!citation_text (s, json_array_get_element (a, i), error))
          return NULL;
      return g_string_free (g_steal_pointer (&s), FALSE);
    case T_POINT:
      return point_text (node);
    case T_LINE:
      for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
        {
          g_autofree char *point = point_text (json_array_get_element (a, i));

          append_item (s, point);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    case T_ROLES:
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

          for (GList *l = members; l != NULL; l = l->next)
            {
              g_autofree char *value = scalar_text (json_object_get_member (json_node_get_object (node), l->data));
              g_autofree char *item = g_strdup_printf ("%s: %s", (const char *) l->data, value);

              append_item (s, item);
            }
          return g_string_free (g_steal_pointer (&s), FALSE);
        }
      break;
    default:
      break;
    }
  return scalar_text (node);
}

static JsonNode *
get_dotted (JsonObject *item, const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (item == NULL || !json_object_has_member (item, parts[i]))
        return NULL;
      node = json_object_get_member (item, parts[i]);
      item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

static GPtrArray *
header_row (const SheetDef *def)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  if (def->parent_column != NULL)
    g_ptr_array_add (row, g_strdup (def->parent_column));
  for (const Column *c = def->columns; c->name != NULL; c++)
    g_ptr_array_add (row, g_strdup (c->name));
  return row;
}

static gboolean
add_item_row (StraitsWorkbook      *workbook,
              StraitsWorkbookSheet *sheet,
              const SheetDef       *def,
              const char           *parent_id,
              JsonObject           *item,
              GError              **error)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  if (def->parent_column != NULL)
    g_ptr_array_add (row, g_strdup (parent_id));
  for (const Column *c = def->columns; c->name != NULL; c++)
    {
      JsonNode *node = get_dotted (item, c->name);
      char *text = node ? cell_text (c->type, node, error) : g_strdup ("");

      if (text == NULL)
        {
          g_ptr_array_unref (row);
          return FALSE;
        }
      /* "region" is a name or an object of four numbers, in two columns. */
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && c->type == T_TEXT)
        {
          g_free (text);
          text = g_strdup ("");
        }
      g_ptr_array_add (row, text);
    }
  return straits_workbook_sheet_add_row (workbook, sheet, sheet->rows->len + 1, row, error);
}

static JsonArray *
get_list (JsonObject *root, const char *dotted)
{
  JsonNode *node = get_dotted (root, dotted);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
write_sheet (StraitsWorkbook *workbook, JsonObject *root, const SheetDef *def, GError **error)
{
  StraitsWorkbookSheet *sheet = straits_workbook_add_sheet (workbook, def->name, error);
  const SheetDef *parent_def = def->parent ? find_sheet_def (def->parent) : NULL;
  JsonArray *items;

  if (sheet == NULL || !straits_workbook_sheet_add_row (workbook, sheet, 1, header_row (def), error))
    return FALSE;
  if (strcmp (def->name, "metadata") == 0)
    {
      JsonNode *node = json_object_get_member (root, "metadata");

      return node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
             || add_item_row (workbook, sheet, def, NULL, json_node_get_object (node), error);
    }
  items = get_list (root, parent_def ? parent_def->list : def->list);
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *children;

      if (item == NULL)
        continue;
      if (parent_def == NULL)
        {
          if (!add_item_row (workbook, sheet, def, NULL, item, error))
            return FALSE;
          continue;
        }
      children = get_list (item, def->member);
      for (guint j = 0; children != NULL && j < json_array_get_length (children); j++)
        {
          JsonNode *child = json_array_get_element (children, j);

          if (JSON_NODE_HOLDS_OBJECT (child)
              && !add_item_row (workbook, sheet, def,
                                json_object_get_string_member_with_default (item, "id", ""),
                                json_node_get_object (child), error))
            return FALSE;
        }
    }
  return TRUE;
}

StraitsWorkbook *
straits_workbook_from_json (const char  *json,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(StraitsWorkbook) workbook = straits_workbook_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not a dataset: the top level is not an object"));
      return NULL;
    }
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
    if (!write_sheet (workbook, json_node_get_object (root), &sheet_defs[d], error))
      return NULL;
  return g_steal_pointer (&workbook);
}

gboolean
straits_workbook_path_is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_file_test (path, G_FILE_TEST_IS_DIR)
         || g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".xlsx")
         || g_str_has_suffix (lower, ".zip");
}
