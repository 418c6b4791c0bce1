/* straits-bookmarks-dialog.c
 *
 * Every change is saved at once (atomically); the window owns the
 * bookmarks and outlives the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-bookmarks-dialog.h"

typedef struct {
  StraitsBookmarks *bookmarks;
  char *path;
  GtkListBox *list;
  GtkLabel *error;
} Dialog;

static void fill (Dialog *d);

static void
dialog_free (Dialog *d)
{
  g_free (d->path);
  g_free (d);
}

static void
save (Dialog *d)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  if (!straits_bookmarks_save (d->bookmarks, d->path, &error))
    {
      gtk_label_set_text (d->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (d->error), TRUE);
    }
}

static guint
row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
on_renamed (GtkEditable *entry, Dialog *d)
{
  const char *title = gtk_editable_get_text (entry);

  if (*title == '\0')
    return;
  straits_bookmarks_rename (d->bookmarks, row_index (GTK_WIDGET (entry)), title);
  save (d);
}

static void
on_up (GtkButton *button, Dialog *d)
{
  guint i = row_index (GTK_WIDGET (button));

  if (i == 0)
    return;
  straits_bookmarks_move (d->bookmarks, i, i - 1);
  save (d);
  fill (d);
}

static void
on_down (GtkButton *button, Dialog *d)
{
  guint i = row_index (GTK_WIDGET (button));

  if (i + 1 >= straits_bookmarks_get_n (d->bookmarks))
    return;
  straits_bookmarks_move (d->bookmarks, i, i + 1);
  save (d);
  fill (d);
}

static void
on_delete (GtkButton *button, Dialog *d)
{
  straits_bookmarks_remove (d->bookmarks, row_index (GTK_WIDGET (button)));
  save (d);
  fill (d);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, GCallback callback, Dialog *d)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, d);
  return button;
}

static void
fill (Dialog *d)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (d->list))) != NULL)
    gtk_list_box_remove (d->list, child);
  for (guint i = 0; i < straits_bookmarks_get_n (d->bookmarks); i++)
    {
      const StraitsBookmark *b = straits_bookmarks_get (d->bookmarks, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *where = g_strdup_printf ("%s%s%s", b->view, b->time ? " · " : "", b->time ? b->time : "");
      GtkWidget *detail = gtk_label_new (where);

      gtk_editable_set_text (GTK_EDITABLE (entry), b->title);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Slide title"), -1);
      g_signal_connect (entry, "changed", G_CALLBACK (on_renamed), d);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_box_append (GTK_BOX (box), icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_up), d));
      gtk_box_append (GTK_BOX (box), icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_down), d));
      gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Delete"), G_CALLBACK (on_delete), d));
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (d->list, box);
    }
}

GtkWidget *
straits_bookmarks_dialog_new (GtkWindow        *parent,
                              StraitsBookmarks *bookmarks,
                              const char       *path)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("The presentation shows the dataset's views, then these bookmarks. "
                                     "Ctrl+D adds the map as it is."));
  Dialog *d = g_new0 (Dialog, 1);

  d->bookmarks = bookmarks;
  d->path = g_strdup (path);
  d->list = GTK_LIST_BOX (gtk_list_box_new ());
  d->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_list_box_set_selection_mode (d->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (d->list), "boxed-list");
  gtk_list_box_set_placeholder (d->list, gtk_label_new (_("No bookmarks yet")));
  gtk_widget_add_css_class (GTK_WIDGET (d->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (d->list));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (body), hint);
  gtk_box_append (GTK_BOX (body), scroller);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (d->error));
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (window), content);
  gtk_window_set_title (GTK_WINDOW (window), _("Presentation Bookmarks"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_object_set_data_full (G_OBJECT (window), "dialog", d, (GDestroyNotify) dialog_free);
  fill (d);
  return window;
}
