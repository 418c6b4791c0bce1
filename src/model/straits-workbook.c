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

typedef struct {
  char *sheet;
  guint row;     /* 0: the sheet as a whole */
  char *column;  /* NULL: the row as a whole */
  gboolean reported; /* the conversion has already said what is wrong here */
} Place;

static void
place_free (gpointer data)
{
  Place *place = data;

  g_free (place->sheet);
  g_free (place->column);
  g_free (place);
}

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
  GHashTable *places;  /* JSON path → Place */
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

static Place *
remember (Conversion *cv, const char *path, const char *sheet, guint row, const char *column)
{
  Place *place;

  if (g_hash_table_contains (cv->places, path))
    return g_hash_table_lookup (cv->places, path);
  place = g_new0 (Place, 1);
  place->sheet = g_strdup (sheet);
  place->row = row;
  place->column = g_strdup (column);
  g_hash_table_insert (cv->places, g_strdup (path), place);
  return place;
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
 * thousands separators, no "nan" or hexadecimal that strtod would take). */
static gboolean
parse_number (const char *text, JsonNode **out)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  gboolean integer = TRUE;
  char *end = NULL;

  if (t[0] == '\0')
    return FALSE;
  for (const char *p = t; *p; p++)
    {
      if (*p == '.' || *p == 'e' || *p == 'E')
        integer = FALSE;
      else if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+')
        return FALSE;
    }
  errno = 0;
  if (integer)
    {
      gint64 v = g_ascii_strtoll (t, &end, 10);

      if (errno == 0 && *end == '\0')
        {
          *out = json_node_init_int (json_node_alloc (), v);
          return TRUE;
        }
      errno = 0;
    }
  {
    double v = g_ascii_strtod (t, &end);

    if (errno != 0 || *end != '\0' || !isfinite (v))
      return FALSE;
    *out = json_node_init_double (json_node_alloc (), v);
  }
  return TRUE;
}

static gboolean
parse_point (const char *text, JsonNode **out)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  JsonArray *pair;
  JsonNode *lon = NULL, *lat = NULL;

  if (g_strv_length (parts) != 2 || !parse_number (parts[0], &lon))
    return FALSE;
  if (!parse_number (parts[1], &lat))
    {
      json_node_unref (lon);
      return FALSE;
    }
  pair = json_array_new ();
  json_array_add_element (pair, lon);
  json_array_add_element (pair, lat);
  *out = json_node_init_array (json_node_alloc (), pair);
  json_array_unref (pair);
  return TRUE;
}

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
list_node (const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);
  JsonArray *array = json_array_sized_new (items->len);
  JsonNode *node;

  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (items, i));
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/* "source-id: locator | quote"; the locator and quote are optional. */
static JsonNode *
citation_node (const char *item)
{
  JsonObject *o = json_object_new ();
  const char *colon = strstr (item, ": ");
  JsonNode *node;

  if (colon == NULL)
    {
      g_autofree char *id = g_strdup (item);
      gsize n = strlen (id);

      if (n > 0 && id[n - 1] == ':')
        id[n - 1] = '\0';
      json_object_set_string_member (o, "source", id);
    }
  else
    {
      g_autofree char *id = g_strndup (item, colon - item);
      const char *rest = colon + 2;
      const char *bar = g_str_has_prefix (rest, "| ") ? rest - 1 : strstr (rest, " | ");

      json_object_set_string_member (o, "source", g_strstrip (id));
      if (bar == NULL)
        json_object_set_string_member (o, "locator", rest);
      else
        {
          g_autofree char *locator = g_strstrip (g_strndup (rest, MAX (bar, rest) - rest));

          if (locator[0] != '\0')
            json_object_set_string_member (o, "locator", locator);
          json_object_set_string_member (o, "quote", bar + 3);
        }
    }
  node = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  return node;
}

static JsonNode *
citations_node (const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);
  JsonArray *array = json_array_sized_new (items->len);
  JsonNode *node;

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, citation_node (g_ptr_array_index (items, i)));
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static gboolean
line_node (const char *text, JsonNode **out)
{
  g_autoptr(GPtrArray) items = split_list (text);
  JsonArray *array = json_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    {
      JsonNode *point = NULL;

      if (!parse_point (g_ptr_array_index (items, i), &point))
        {
          json_array_unref (array);
          return FALSE;
        }
      json_array_add_element (array, point);
    }
  *out = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return TRUE;
}

static gboolean
roles_node (const char *text, JsonNode **out)
{
  g_autoptr(GPtrArray) items = split_list (text);
  JsonObject *o = json_object_new ();

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      const char *colon = strchr (item, ':');
      g_autofree char *role = colon ? g_strstrip (g_strndup (item, colon - item)) : NULL;

      if (colon == NULL || role[0] == '\0' || json_object_has_member (o, role))
        {
          json_object_unref (o);
          return FALSE;
        }
      {
        g_autofree char *actor = g_strstrip (g_strdup (colon + 1));

        json_object_set_string_member (o, role, actor);
      }
    }
  *out = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  return TRUE;
}

/* The JSON value of a cell, or NULL when it does not read as its column's
 * type: then @expected says what it should be. */
static JsonNode *
cell_node (ColumnType type, const char *text, const char **expected)
{
  JsonNode *node = NULL;

  switch (type)
    {
    case T_TEXT:
    case T_DATE:
      return string_node (text);
    case T_NUMBER:
      *expected = _("a number such as 12.5 (with a point, no thousands separators)");
      return parse_number (text, &node) ? node : NULL;
    case T_BOOL:
      {
        g_autofree char *word = g_strstrip (g_strdup (text));

        *expected = _("true or false");
        if (g_ascii_strcasecmp (word, "true") == 0)
          return json_node_init_boolean (json_node_alloc (), TRUE);
        if (g_ascii_strcasecmp (word, "false") == 0)
          return json_node_init_boolean (json_node_alloc (), FALSE);
        return NULL;
      }
    case T_LIST:
      return list_node (text);
    case T_CITATIONS:
      return citations_node (text);
    case T_POINT:
      *expected = _("a point “lon, lat” such as “28.98, 41.01”");
      return parse_point (text, &node) ? node : NULL;
    case T_LINE:
      *expected = _("points “lon, lat; lon, lat; …”");
      return line_node (text, &node) ? node : NULL;
    case T_ROLES:
      *expected = _("roles “role: actor-id; role: actor-id”");
      return roles_node (text, &node) ? node : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Puts @node at the dotted @name of @item, making the objects on the way;
 * FALSE when a member on the way is already something else. */
static gboolean
set_dotted (JsonObject *item, const char *name, JsonNode *node)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);
  JsonObject *o = item;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *inner = json_object_get_member (o, parts[i]);

      if (inner == NULL)
        {
          JsonObject *fresh = json_object_new ();

          json_object_set_object_member (o, parts[i], fresh);
          o = fresh;
        }
      else if (JSON_NODE_HOLDS_OBJECT (inner))
        o = json_node_get_object (inner);
      else
        {
          json_node_unref (node);
          return FALSE;
        }
    }
  if (json_object_has_member (o, parts[n - 1]))
    {
      json_node_unref (node);
      return FALSE;
    }
  json_object_set_member (o, parts[n - 1], node);
  return TRUE;
}

typedef struct {
  const SheetDef *def;
  const StraitsWorkbookSheet *sheet;
  GPtrArray *header;      /* of const Column* (NULL for a column Straits does not know) */
  int parent_column;      /* -1: none */
} SheetReader;

/* Fills @item from a row; @path is the item's JSON path. */
static void
convert_row (Conversion        *cv,
             const SheetReader *r,
             guint              index,
             JsonObject        *item,
             const char        *path)
{
  GPtrArray *row = g_ptr_array_index (r->sheet->rows, index);
  GPtrArray *header = g_ptr_array_index (r->sheet->rows, 0);
  guint number = g_array_index (r->sheet->row_numbers, guint, index);

  remember (cv, path, r->sheet->name, number, NULL);
  for (guint i = 0; i < row->len; i++)
    {
      const char *text = cell_at (row, i);
      const char *name = cell_at (header, i);
      const Column *column = i < r->header->len ? g_ptr_array_index (r->header, i) : NULL;
      const char *expected = NULL;
      g_autofree char *member_path = NULL;
      JsonNode *node;
      Place *place;

      if (text[0] == '\0' || (int) i == r->parent_column)
        continue;
      if (name[0] == '\0')
        {
          conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, NULL,
                             _("a value in column %u, which has no name in the header row"), i + 1);
          continue;
        }
      node = cell_node (column ? column->type : T_TEXT, text, &expected);
      member_path = g_strconcat (path, ".", name, NULL);
      place = remember (cv, member_path, r->sheet->name, number, name);
      /* The dotted name's objects ("place" of "place.point") are placed
       * at their first column. */
      for (char *dot = strrchr (member_path, '.'); dot > member_path + strlen (path); dot = strrchr (member_path, '.'))
        {
          *dot = '\0';
          remember (cv, member_path, r->sheet->name, number, name);
        }
      if (node == NULL)
        {
          g_autofree char *quoted = straits_diagnostic_excerpt (text, STRAITS_DIAGNOSTIC_MAX_QUOTE);

          conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                             _("expected %s, not “%s”"), expected, quoted);
          place->reported = TRUE;
          /* The loader still sees the text (so that a required member
           * is not also reported missing); what it says here is left out. */
          node = string_node (text);
        }
      if (!set_dotted (item, name, node))
        conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, name,
                           _("the column gives a member that another column of the row gives too"));
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

static JsonArray *
ensure_array (JsonObject *root, const char *dotted, GString *path_out)
{
  g_auto(GStrv) parts = g_strsplit (dotted, ".", -1);
  JsonObject *o = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (o, parts[i]))
        json_object_set_object_member (o, parts[i], json_object_new ());
      o = json_object_get_object_member (o, parts[i]);
    }
  if (!json_object_has_member (o, parts[n - 1]))
    json_object_set_array_member (o, parts[n - 1], json_array_new ());
  g_string_assign (path_out, dotted);
  return json_object_get_array_member (o, parts[n - 1]);
}

/* The items of a parent sheet, by id, with their JSON paths. */
typedef struct {
  JsonObject *item;
  char *path;
} Parent;

static void
parent_free (gpointer data)
{
  Parent *p = data;

  g_free (p->path);
  g_free (p);
}

static void
convert_list_sheet (Conversion *cv, SheetReader *r, JsonObject *root, GHashTable *parents)
{
  g_autoptr(GString) list_path = g_string_new (NULL);
  JsonArray *array = ensure_array (root, r->def->list, list_path);

  remember (cv, list_path->str, r->sheet->name, 0, NULL);
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      g_autofree char *path = NULL;
      JsonObject *item;

      if (row_is_empty (g_ptr_array_index (r->sheet->rows, i)))
        continue;
      path = g_strdup_printf ("%s[%u]", list_path->str, json_array_get_length (array));
      item = json_object_new ();
      json_array_add_object_element (array, item);
      convert_row (cv, r, i, item, path);
      if (parents != NULL && json_object_has_member (item, "id")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (item, "id"))
          && json_object_get_string_member_with_default (item, "id", NULL) != NULL)
        {
          const char *id = json_object_get_string_member (item, "id");

          if (!g_hash_table_contains (parents, id))
            {
              Parent *p = g_new0 (Parent, 1);

              p->item = item;
              p->path = g_steal_pointer (&path);
              g_hash_table_insert (parents, g_strdup (id), p);
            }
        }
    }
}

static void
convert_metadata_sheet (Conversion *cv, SheetReader *r, JsonObject *root)
{
  JsonObject *item = json_object_new ();
  gboolean done = FALSE;

  json_object_set_object_member (root, "metadata", item);
  remember (cv, "metadata", r->sheet->name, 0, NULL);
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      if (row_is_empty (g_ptr_array_index (r->sheet->rows, i)))
        continue;
      if (done)
        {
          conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name,
                             g_array_index (r->sheet->row_numbers, guint, i), NULL,
                             _("the metadata sheet has one row below the header; this one is left out"));
          continue;
        }
      convert_row (cv, r, i, item, "metadata");
      done = TRUE;
    }
}

static void
convert_child_sheet (Conversion *cv, SheetReader *r, GHashTable *parents)
{
  for (guint i = 1; i < r->sheet->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (r->sheet->rows, i);
      guint number = g_array_index (r->sheet->row_numbers, guint, i);
      g_autofree char *id = g_strstrip (g_strdup (cell_at (row, r->parent_column)));
      Parent *parent;
      g_autofree char *path = NULL;
      JsonArray *array;
      JsonObject *item;

      if (row_is_empty (row))
        continue;
      parent = parents ? g_hash_table_lookup (parents, id) : NULL;
      if (parent == NULL)
        {
          g_autofree char *quoted = straits_diagnostic_excerpt (id, STRAITS_DIAGNOSTIC_MAX_QUOTE);

          if (id[0] == '\0')
            conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, r->def->parent_column,
                               _("empty: the row belongs to no item of sheet “%s”"), r->def->parent);
          else
            conversion_report (cv, STRAITS_SEVERITY_ERROR, r->sheet->name, number, r->def->parent_column,
                               _("no row of sheet “%s” has the id “%s”"), r->def->parent, quoted);
          continue;
        }
      if (!json_object_has_member (parent->item, r->def->member)
          || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (parent->item, r->def->member)))
        json_object_set_array_member (parent->item, r->def->member, json_array_new ());
      array = json_object_get_array_member (parent->item, r->def->member);
      path = g_strdup_printf ("%s.%s[%u]", parent->path, r->def->member, json_array_get_length (array));
      item = json_object_new ();
      json_array_add_object_element (array, item);
      convert_row (cv, r, i, item, path);
    }
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

static char *scalar_text (JsonNode *node);

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

/* JSON text as the bundled dataset is written: two-space indents, numbers
 * in their shortest form (json-glib writes 39.98 as 39.979999999999997). */
static void
append_json (GString *s, JsonNode *node, guint depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      g_string_append_c (s, '{');
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_string_append_printf (s, "%s\n%*s", l == members ? "" : ",", (int) (depth + 1) * 2, "");
          append_json_string (s, l->data);
          g_string_append (s, ": ");
          append_json (s, json_object_get_member (json_node_get_object (node), l->data), depth + 1);
        }
      g_string_append_printf (s, members ? "\n%*s}" : "%*s}", members ? (int) depth * 2 : 0, "");
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      g_string_append_c (s, '[');
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_string_append (s, i ? ", " : "");
          append_json (s, json_array_get_element (a, i), depth + 1);
        }
      g_string_append_c (s, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (s, "null");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    append_json_string (s, json_node_get_string (node));
  else
    {
      g_autofree char *text = scalar_text (node);

      g_string_append (s, text);
    }
}

static char *
dataset_json (JsonNode *root)
{
  GString *s = g_string_new (NULL);

  append_json (s, root, 0);
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

static char *
convert_workbook (Conversion *cv_in, StraitsWorkbook *workbook)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  Conversion cv = *cv_in;

  json_object_set_string_member (root, "format", "straits-dataset");
  json_object_set_int_member (root, "format_version", 1);
  report_unknown_sheets (&cv, workbook);
  if (straits_workbook_get_sheet (workbook, "metadata") == NULL)
    {
      /* Said here, in the workbook's words, instead of the loader's
       * "missing required member “metadata”". */
      conversion_report (&cv, STRAITS_SEVERITY_ERROR, "metadata", 0, NULL,
                         _("the workbook has no such sheet; it needs one, with a header row (title, date, …) and one row"));
      remember (&cv, "metadata", "metadata", 0, NULL)->reported = TRUE;
      json_object_set_object_member (root, "metadata", json_object_new ());
    }
  for (guint d = 0; d < G_N_ELEMENTS (sheet_defs); d++)
    {
      SheetReader r = { &sheet_defs[d], straits_workbook_get_sheet (workbook, sheet_defs[d].name), NULL, -1 };
      GHashTable *ids = NULL;

      if (r.sheet == NULL || r.sheet->rows->len == 0 || !read_header (&cv, &r))
        {
          g_clear_pointer (&r.header, g_ptr_array_unref);
          continue;
        }
      if (r.def->list != NULL && strcmp (r.def->name, "metadata") == 0)
        convert_metadata_sheet (&cv, &r, root);
      else if (r.def->list != NULL)
        {
          ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, parent_free);
          convert_list_sheet (&cv, &r, root, ids);
          g_hash_table_insert (parents, (gpointer) r.def->name, ids);
        }
      else
        convert_child_sheet (&cv, &r, g_hash_table_lookup (parents, r.def->parent));
      g_ptr_array_unref (r.header);
    }
  root_node = json_node_init_object (json_node_alloc (), root);
  return dataset_json (root_node);
}

char *
straits_workbook_to_json (StraitsWorkbook *workbook,
                          const char      *display_name,
                          GPtrArray       *diags,
                          GHashTable     **cells)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, place_free);
  Conversion cv = { display_name, diags, places, NULL };
  char *text = convert_workbook (&cv, workbook);

  if (cells != NULL)
    *cells = g_steal_pointer (&places);
  return text;
}

/* Loading --------------------------------------------------------------- */

/* The place of @path or of the nearest item or list that holds it. */
static Place *
find_place (GHashTable *places, const char *path)
{
  g_autofree char *p = g_strdup (path);

  for (;;)
    {
      Place *place = g_hash_table_lookup (places, p);
      char *cut;

      if (place != NULL)
        return place;
      cut = MAX (strrchr (p, '.'), strrchr (p, '['));
      if (cut == NULL || cut == p)
        return NULL;
      *cut = '\0';
    }
}

/* Adds the loader's problem @d, placed in its sheet, row and column. */
static void
place_diagnostic (Conversion *cv, const StraitsDiagnostic *d)
{
  Place *place = d->path ? find_place (cv->places, d->path) : NULL;
  g_autofree char *where = NULL;

  if (place != NULL && place->reported && d->severity == STRAITS_SEVERITY_ERROR)
    return;
  if (place != NULL)
    where = place_to_string (place->sheet, place->row, place->column);
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
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, place_free);
  keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  cv = (Conversion) { path, diags, places, keys };
  json = convert_workbook (&cv, workbook);
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
