/* straits-bookmarks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-bookmarks.h"

#define FORMAT "straits-bookmarks"

struct _StraitsBookmarks
{
  GArray *items;   /* StraitsBookmark */
};

G_DEFINE_QUARK (straits-bookmarks-error-quark, straits_bookmarks_error)

static void
bookmark_clear (gpointer data)
{
  StraitsBookmark *b = data;

  g_free (b->title);
  g_free (b->dataset);
  g_free (b->view);
  g_free (b->time);
  g_strfreev (b->selection);
  g_free (b->page);
}

static StraitsBookmark
bookmark_copy (const StraitsBookmark *b)
{
  StraitsBookmark copy = *b;

  copy.title = g_strdup (b->title);
  copy.dataset = g_strdup (b->dataset);
  copy.view = g_strdup (b->view);
  copy.time = g_strdup (b->time);
  copy.selection = g_strdupv (b->selection);
  copy.page = g_strdup (b->page);
  return copy;
}

StraitsBookmarks *
straits_bookmarks_new (void)
{
  StraitsBookmarks *self = g_new0 (StraitsBookmarks, 1);

  self->items = g_array_new (FALSE, TRUE, sizeof (StraitsBookmark));
  g_array_set_clear_func (self->items, bookmark_clear);
  return self;
}

void
straits_bookmarks_free (StraitsBookmarks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

char *
straits_bookmarks_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "straits", "bookmarks.json", NULL);
}

static const char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* One bookmark, or FALSE when the object is not one. */
static gboolean
read_bookmark (JsonNode *node, StraitsBookmark *b)
{
  JsonObject *o;
  JsonNode *viewport, *selection;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (string_member (o, "title") == NULL || string_member (o, "view") == NULL)
    return FALSE;
  *b = (StraitsBookmark) { g_strdup (string_member (o, "title")), g_strdup (string_member (o, "dataset")),
                           g_strdup (string_member (o, "view")), FALSE, 0, 0, 0,
                           g_strdup (string_member (o, "time")), NULL, g_strdup (string_member (o, "page")) };
  viewport = json_object_get_member (o, "viewport");
  if (viewport != NULL && JSON_NODE_HOLDS_ARRAY (viewport) &&
      json_array_get_length (json_node_get_array (viewport)) == 3)
    {
      JsonArray *v = json_node_get_array (viewport);

      b->has_viewport = TRUE;
      b->cx = json_array_get_double_element (v, 0);
      b->cy = json_array_get_double_element (v, 1);
      b->resolution = json_array_get_double_element (v, 2);
    }
  selection = json_object_get_member (o, "selection");
  if (selection != NULL && JSON_NODE_HOLDS_ARRAY (selection))
    {
      JsonArray *a = json_node_get_array (selection);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *id = json_array_get_element (a, i);
          if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
            g_strv_builder_add (ids, json_node_get_string (id));
        }
      b->selection = g_strv_builder_end (ids);
    }
  return TRUE;
}

/* Moves a damaged file aside, so that saving does not lose it. */
static char *
set_aside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

  if (g_rename (path, aside) != 0)
    g_clear_pointer (&aside, g_free);
  return aside;
}

/* The bookmarks in @path: none when it does not exist. A file that is not
 * a bookmarks file is set aside and reported (with an empty list). */
StraitsBookmarks *
straits_bookmarks_load (const char  *path,
                        GError     **error)
{
  g_autoptr(StraitsBookmarks) self = straits_bookmarks_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;
  JsonArray *list = NULL;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_steal_pointer (&self);
  if (json_parser_load_from_data (parser, contents, (gssize) length, &parse_error) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (string_member (json_node_get_object (root), "format"), FORMAT) == 0)
    {
      JsonNode *items = json_object_get_member (json_node_get_object (root), "bookmarks");
      if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
        list = json_node_get_array (items);
    }
  if (list == NULL)
    {
      g_autofree char *aside = set_aside (path);

      g_set_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_DAMAGED,
                   _("The bookmarks file “%s” is damaged; it was kept as “%s”"),
                   path, aside ? aside : path);
      return g_steal_pointer (&self);
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      StraitsBookmark b;

      if (read_bookmark (json_array_get_element (list, i), &b))
        g_array_append_val (self->items, b);
    }
  return g_steal_pointer (&self);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

gboolean
straits_bookmarks_save (StraitsBookmarks  *self,
                        const char        *path,
                        GError           **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);

  json_builder_begin_object (b);
  add_string (b, "format", FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "bookmarks");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->items->len; i++)
    {
      const StraitsBookmark *bm = &g_array_index (self->items, StraitsBookmark, i);

      json_builder_begin_object (b);
      add_string (b, "title", bm->title);
      add_string (b, "dataset", bm->dataset);
      add_string (b, "view", bm->view);
      if (bm->has_viewport)
        {
          json_builder_set_member_name (b, "viewport");
          json_builder_begin_array (b);
          json_builder_add_double_value (b, bm->cx);
          json_builder_add_double_value (b, bm->cy);
          json_builder_add_double_value (b, bm->resolution);
          json_builder_end_array (b);
        }
      add_string (b, "time", bm->time);
      if (bm->selection != NULL)
        {
          json_builder_set_member_name (b, "selection");
          json_builder_begin_array (b);
          for (guint k = 0; bm->selection[k] != NULL; k++)
            json_builder_add_string_value (b, bm->selection[k]);
          json_builder_end_array (b);
        }
      add_string (b, "page", bm->page);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  if (!g_file_make_directory_with_parents (dir, NULL, NULL) && !g_file_query_exists (dir, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the folder “%s”"), name);
      return FALSE;
    }
  /* Under a temporary name, then renamed over: g_file_replace_contents()
   * would write a first bookmarks file in place, half of it on a full disk. */
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

guint
straits_bookmarks_get_n (StraitsBookmarks *self)
{
  return self->items->len;
}

const StraitsBookmark *
straits_bookmarks_get (StraitsBookmarks *self,
                       guint             index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, StraitsBookmark, index);
}

void
straits_bookmarks_add (StraitsBookmarks      *self,
                       const StraitsBookmark *bookmark)
{
  StraitsBookmark copy = bookmark_copy (bookmark);

  g_array_append_val (self->items, copy);
}

void
straits_bookmarks_remove (StraitsBookmarks *self,
                          guint             index)
{
  g_return_if_fail (index < self->items->len);
  g_array_remove_index (self->items, index);
}

/* Moves bookmark @from to position @to, the others keeping their order. */
void
straits_bookmarks_move (StraitsBookmarks *self,
                        guint             from,
                        guint             to)
{
  StraitsBookmark moved;

  g_return_if_fail (from < self->items->len && to < self->items->len);
  moved = g_array_index (self->items, StraitsBookmark, from);
  /* Take it out without clearing it, then put it back. */
  memmove (&g_array_index (self->items, StraitsBookmark, from),
           &g_array_index (self->items, StraitsBookmark, from + 1),
           (self->items->len - from - 1) * sizeof (StraitsBookmark));
  memmove (&g_array_index (self->items, StraitsBookmark, to + 1),
           &g_array_index (self->items, StraitsBookmark, to),
           (self->items->len - to - 1) * sizeof (StraitsBookmark));
  g_array_index (self->items, StraitsBookmark, to) = moved;
}

void
straits_bookmarks_rename (StraitsBookmarks *self,
                          guint             index,
                          const char       *title)
{
  StraitsBookmark *b;

  g_return_if_fail (index < self->items->len && title != NULL);
  b = &g_array_index (self->items, StraitsBookmark, index);
  g_free (b->title);
  b->title = g_strdup (title);
}
