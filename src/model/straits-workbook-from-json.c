/* straits-workbook-from-json.c: dataset JSON to sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "straits-workbook-private.h"

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
  const SheetDef *parent_def = def->parent ? _straits_find_sheet_def (def->parent) : NULL;
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
  for (guint d = 0; d < N_SHEET_DEFS; d++)
    if (!write_sheet (workbook, json_node_get_object (root), &_straits_sheet_defs[d], error))
      return NULL;
  return g_steal_pointer (&workbook);
}
