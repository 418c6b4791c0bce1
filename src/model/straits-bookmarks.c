/* straits-bookmarks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-bookmarks.h"
#include "straits-json-scan.h"
#include "straits-safe-file.h"

#define FORMAT "straits-bookmarks"
/* Far more than anyone keeps; a file beyond it is not a bookmarks file. */
#define MAX_FILE_SIZE (16u << 20)
/* The format nests four levels; json-glib recurses once per level. */
#define MAX_DEPTH 16
/* Metres per pixel: the map widget zooms between 20 and 20,000; slides
 * scale that with their width. Centres lie within a projected Earth. */
#define MIN_RESOLUTION 1.0
#define MAX_RESOLUTION 1e6
#define MAX_CENTRE 4e7

struct _StraitsBookmarks
{
  GArray *items;   /* StraitsBookmark */
  char *kept;      /* a file that could be neither read nor set aside: never saved over */
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
  g_free (b->dataset_id);
  g_strfreev (b->overlays);
  g_strfreev (b->relation_types);
  g_free (b->notes);
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
  copy.dataset_id = g_strdup (b->dataset_id);
  copy.overlays = g_strdupv (b->overlays);
  copy.relation_types = g_strdupv (b->relation_types);
  copy.notes = g_strdup (b->notes);
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
  g_free (self->kept);
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

static gboolean
number_element (JsonArray *a, guint index, double *out)
{
  JsonNode *node = json_array_get_element (a, index);
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_double (node);
  return isfinite (*out);
}

/* [cx, cy, resolution]: three finite numbers in range, else no viewport
 * (the view's own extent is shown). */
static gboolean
read_viewport (JsonNode *viewport, StraitsBookmark *b)
{
  JsonArray *v;

  if (viewport == NULL || !JSON_NODE_HOLDS_ARRAY (viewport))
    return FALSE;
  v = json_node_get_array (viewport);
  return json_array_get_length (v) == 3 &&
         number_element (v, 0, &b->cx) && fabs (b->cx) <= MAX_CENTRE &&
         number_element (v, 1, &b->cy) && fabs (b->cy) <= MAX_CENTRE &&
         number_element (v, 2, &b->resolution) &&
         b->resolution >= MIN_RESOLUTION && b->resolution <= MAX_RESOLUTION;
}

/* An array of strings (other elements skipped), or NULL when @name is
 * missing or not an array. */
static char **
string_array_member (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) strings = NULL;
  JsonArray *a;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  a = json_node_get_array (node);
  strings = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *element = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (strings, json_node_get_string (element));
    }
  return g_strv_builder_end (strings);
}

/* One bookmark, or FALSE when the object is not one. */
static gboolean
read_bookmark (JsonNode *node, StraitsBookmark *b)
{
  JsonObject *o;
  JsonNode *viewport;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (string_member (o, "title") == NULL || string_member (o, "view") == NULL)
    return FALSE;
  *b = (StraitsBookmark) { g_strdup (string_member (o, "title")), g_strdup (string_member (o, "dataset")),
                           g_strdup (string_member (o, "view")), FALSE, 0, 0, 0,
                           g_strdup (string_member (o, "time")), NULL, g_strdup (string_member (o, "page")) };
  b->dataset_id = g_strdup (string_member (o, "dataset-id"));
  viewport = json_object_get_member (o, "viewport");
  b->has_viewport = read_viewport (viewport, b);
  if (!b->has_viewport)
    b->cx = b->cy = b->resolution = 0;
  b->selection = string_array_member (o, "selection");
  b->overlays = string_array_member (o, "overlays");
  b->relation_types = string_array_member (o, "relation-types");
  b->notes = g_strdup (string_member (o, "notes"));
  return TRUE;
}

/* Moves a damaged file aside, so that saving does not lose it; never over
 * a file set aside before. */
static char *
set_aside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *aside = n == 0 ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                                      : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);

      if (renameat2 (AT_FDCWD, path, AT_FDCWD, aside, RENAME_NOREPLACE) == 0)
        return g_steal_pointer (&aside);
      /* A file system without RENAME_NOREPLACE: look first. */
      if (errno == EINVAL && !g_file_test (aside, G_FILE_TEST_EXISTS) && g_rename (path, aside) == 0)
        return g_steal_pointer (&aside);
      if (errno != EEXIST && errno != EINVAL)
        break;
    }
  return NULL;
}

/* The file was not read: it is moved aside so that saving cannot lose it,
 * or, when it cannot be moved, @self keeps it from being saved over. */
static void
keep_unread (StraitsBookmarks *self,
             const char       *path,
             const char       *why,
             GError          **error)
{
  g_autofree char *aside = set_aside (path);

  if (aside != NULL)
    {
      g_set_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_DAMAGED,
                   _("%s; it was kept as “%s”"), why, aside);
      return;
    }
  self->kept = g_strdup (path);
  g_set_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_KEPT,
               _("%s; it is left as it is, and new bookmarks will not be saved over it"), why);
}

static JsonArray *
bookmark_list (JsonParser *parser)
{
  JsonNode *root = json_parser_get_root (parser), *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (string_member (json_node_get_object (root), "format"), FORMAT) != 0)
    return NULL;
  items = json_object_get_member (json_node_get_object (root), "bookmarks");
  return items != NULL && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
}

/* The list in @bytes, or NULL when they are not a bookmarks file. The
 * nesting is checked before json-glib, which recurses once per level. */
static JsonArray *
parse_bookmarks (JsonParser *parser, GBytes *bytes)
{
  StraitsJsonProblem problem = { 0 };
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  if (!straits_json_prescan (text, length, MAX_DEPTH, NULL, &problem))
    {
      straits_json_problem_clear (&problem);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, (gssize) length, NULL))
    return NULL;
  return bookmark_list (parser);
}

/* The bookmarks in @bytes, as read from a file: for fuzzing and tests.
 * NULL when they are not a bookmarks file. */
StraitsBookmarks *
straits_bookmarks_parse (GBytes *bytes)
{
  g_autoptr(StraitsBookmarks) self = straits_bookmarks_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list = parse_bookmarks (parser, bytes);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      StraitsBookmark b;

      if (read_bookmark (json_array_get_element (list, i), &b))
        g_array_append_val (self->items, b);
    }
  return g_steal_pointer (&self);
}

/* The bookmarks in @path: none when it does not exist. A file that cannot
 * be read or is not a bookmarks file is set aside and reported (with an
 * empty list); it is never saved over. */
StraitsBookmarks *
straits_bookmarks_load (const char  *path,
                        GError     **error)
{
  g_autoptr(StraitsBookmarks) self = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = straits_safe_file_read (path, MAX_FILE_SIZE, STRAITS_SAFE_FILE_FOLLOW_LINKS,
                                                    &read_error);

  if (bytes == NULL)
    {
      self = straits_bookmarks_new ();
      if (!g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        keep_unread (self, path, read_error->message, error);
      return g_steal_pointer (&self);
    }
  self = straits_bookmarks_parse (bytes);
  if (self == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The bookmarks file “%s” is damaged"), path);

      self = straits_bookmarks_new ();
      keep_unread (self, path, why, error);
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

static void
add_strings (JsonBuilder *b, const char *name, char **values)
{
  if (values == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint k = 0; values[k] != NULL; k++)
    json_builder_add_string_value (b, values[k]);
  json_builder_end_array (b);
}

gboolean
straits_bookmarks_save (StraitsBookmarks  *self,
                        const char        *path,
                        GError           **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  /* Through a symbolic link to its target, so that the link stays. */
  g_autofree char *target = straits_safe_file_write_target (path);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) dir = g_file_get_parent (file);

  if (self->kept != NULL && g_str_equal (self->kept, path))
    {
      g_set_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_KEPT,
                   _("The bookmarks file “%s” could not be read: it is not saved over"), path);
      return FALSE;
    }
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
      if (bm->dataset_id != NULL)
        add_string (b, "dataset-id", bm->dataset_id);
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
      add_strings (b, "selection", bm->selection);
      add_string (b, "page", bm->page);
      add_strings (b, "overlays", bm->overlays);
      add_strings (b, "relation-types", bm->relation_types);
      add_string (b, "notes", bm->notes);
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
  return g_file_set_contents_full (target, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
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

void
straits_bookmarks_set_notes (StraitsBookmarks *self,
                             guint             index,
                             const char       *notes)
{
  StraitsBookmark *b;

  g_return_if_fail (index < self->items->len);
  b = &g_array_index (self->items, StraitsBookmark, index);
  g_free (b->notes);
  b->notes = notes != NULL && notes[0] != '\0' ? g_strdup (notes) : NULL;
}

gboolean
straits_bookmark_belongs_to (const StraitsBookmark *bookmark,
                             StraitsDataset        *dataset)
{
  if (bookmark->dataset_id != NULL)
    return g_strcmp0 (bookmark->dataset_id, straits_dataset_get_id (dataset)) == 0;
  /* Bookmarks saved before datasets had ids name the dataset by title. */
  return g_strcmp0 (bookmark->dataset, straits_dataset_get_metadata (dataset)->title) == 0;
}

void
straits_bookmark_resolve (const StraitsBookmark *bookmark,
                          StraitsDataset        *dataset,
                          StraitsBookmarkTarget *target)
{
  target->actors = g_array_new (FALSE, FALSE, sizeof (guint32));
  target->relation = target->event = STRAITS_NO_INDEX;
  target->relation_types = NULL;
  if (bookmark->relation_types != NULL)
    {
      target->relation_types = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; bookmark->relation_types[i] != NULL; i++)
        {
          guint32 type = straits_dataset_find_relation_type (dataset, bookmark->relation_types[i]);
          if (type != STRAITS_NO_INDEX)
            g_array_append_val (target->relation_types, type);
        }
    }
  for (guint i = 0; bookmark->selection != NULL && bookmark->selection[i] != NULL; i++)
    {
      const char *id = bookmark->selection[i];
      guint32 index = straits_dataset_find_actor (dataset, id);

      if (index != STRAITS_NO_INDEX)
        g_array_append_val (target->actors, index);
      else if (target->relation == STRAITS_NO_INDEX && target->event == STRAITS_NO_INDEX)
        {
          target->relation = straits_dataset_find_relation (dataset, id);
          if (target->relation == STRAITS_NO_INDEX)
            target->event = straits_dataset_find_event (dataset, id);
        }
    }
}

void
straits_bookmark_target_clear (StraitsBookmarkTarget *target)
{
  g_clear_pointer (&target->actors, g_array_unref);
  g_clear_pointer (&target->relation_types, g_array_unref);
}

GArray *
straits_bookmarks_list_slides (StraitsBookmarks *self,
                               guint             n_views,
                               StraitsDataset   *dataset)
{
  GArray *slides = g_array_new (FALSE, FALSE, sizeof (StraitsSlide));

  for (guint i = 0; i < n_views; i++)
    g_array_append_val (slides, ((StraitsSlide) { FALSE, i }));
  for (guint i = 0; self != NULL && dataset != NULL && i < straits_bookmarks_get_n (self); i++)
    if (straits_bookmark_belongs_to (straits_bookmarks_get (self, i), dataset))
      g_array_append_val (slides, ((StraitsSlide) { TRUE, i }));
  return slides;
}
