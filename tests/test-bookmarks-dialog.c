/* test-bookmarks-dialog.c: the bookmarks dialog lists the bookmarks it is
 * given and saves every change at once: a title renamed, a bookmark moved
 * down, one deleted, each read back from the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "straits-bookmarks-dialog.h"

static GtkWidget *
find_list (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_below (GtkWidget *root, GType type, const char *tooltip)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) &&
          (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (w), tooltip) == 0))
        return w;
      if ((found = find_below (w, type, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* The widget of @type in the @nth bookmark's row whose tooltip is
 * @tooltip (the first of @type, when @tooltip is NULL). */
static GtkWidget *
find_in_row (GtkWidget *dialog, guint nth, GType type, const char *tooltip)
{
  GtkWidget *list = find_list (dialog);
  GtkListBoxRow *row;
  GtkWidget *found;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) nth);
  g_assert_nonnull (row);
  found = find_below (GTK_WIDGET (row), type, tooltip);
  g_assert_nonnull (found);
  return found;
}

static StraitsBookmarks *
three (void)
{
  StraitsBookmarks *b = straits_bookmarks_new ();

  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "First", NULL, (char *) "aegean" });
  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "Second", NULL, (char *) "black-sea" });
  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "Third", NULL, (char *) "eu-groupings" });
  return b;
}

/* The titles in the file, "A,B,C". */
static char *
saved_titles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsBookmarks) loaded = straits_bookmarks_load (path, &error);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) v = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < straits_bookmarks_get_n (loaded); i++)
    g_strv_builder_add (titles, straits_bookmarks_get (loaded, i)->title);
  v = g_strv_builder_end (titles);
  return g_strjoinv (",", v);
}

static void
test_edits_saved (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-bookmarks-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bookmarks.json", NULL);
  g_autoptr(StraitsBookmarks) bookmarks = three ();
  GtkWidget *dialog = straits_bookmarks_dialog_new (NULL, bookmarks, path);
  g_autofree char *after_rename = NULL, *after_move = NULL, *after_delete = NULL;

  g_assert_true (STRAITS_IS_BOOKMARKS_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (dialog, 1, GTK_TYPE_ENTRY, NULL)), "Renamed");
  after_rename = saved_titles (path);
  g_assert_cmpstr (after_rename, ==, "First,Renamed,Third");

  g_signal_emit_by_name (find_in_row (dialog, 0, GTK_TYPE_BUTTON, "Move Down"), "clicked");
  after_move = saved_titles (path);
  g_assert_cmpstr (after_move, ==, "Renamed,First,Third");
  /* The list was made again, in the new order. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in_row (dialog, 0, GTK_TYPE_ENTRY, NULL))), ==, "Renamed");

  g_signal_emit_by_name (find_in_row (dialog, 2, GTK_TYPE_BUTTON, "Delete"), "clicked");
  after_delete = saved_titles (path);
  g_assert_cmpstr (after_delete, ==, "Renamed,First");
  g_assert_cmpuint (straits_bookmarks_get_n (bookmarks), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The notes in the file's @nth bookmark, or NULL. */
static char *
saved_notes (const char *path, guint nth)
{
  g_autoptr(StraitsBookmarks) loaded = straits_bookmarks_load (path, NULL);

  if (straits_bookmarks_get_n (loaded) <= nth)
    return NULL;
  return g_strdup (straits_bookmarks_get (loaded, nth)->notes);
}

/* Notes typed into a row are saved shortly after, and at once when the
 * dialog closes, and they stay with their bookmark when it moves. */
static void
test_notes_saved (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-bookmarks-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bookmarks.json", NULL);
  g_autoptr(StraitsBookmarks) bookmarks = three ();
  GtkWidget *dialog = straits_bookmarks_dialog_new (NULL, bookmarks, path);
  GtkTextView *notes = GTK_TEXT_VIEW (find_in_row (dialog, 1, GTK_TYPE_TEXT_VIEW, NULL));
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  g_autofree char *typed = NULL, *moved = NULL, *closed = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Mention the 2019 embargo.", -1);
  while ((typed = saved_notes (path, 1)) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (typed, ==, "Mention the 2019 embargo.");

  g_signal_emit_by_name (find_in_row (dialog, 1, GTK_TYPE_BUTTON, "Move Up"), "clicked");
  moved = saved_notes (path, 0);
  g_assert_cmpstr (moved, ==, "Mention the 2019 embargo.");

  notes = GTK_TEXT_VIEW (find_in_row (dialog, 2, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Last slide", -1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  closed = saved_notes (path, 2);
  g_assert_cmpstr (closed, ==, "Last slide");
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/bookmarks-dialog/edits-saved", test_edits_saved);
  g_test_add_func ("/bookmarks-dialog/notes-saved", test_notes_saved);
  return g_test_run ();
}
