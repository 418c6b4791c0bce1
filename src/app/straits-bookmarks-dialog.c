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

struct _StraitsBookmarksDialog
{
  AdwWindow parent_instance;

  StraitsBookmarks *bookmarks;    /* the window's */
  char *path;
  GtkListBox *list;
  GtkLabel *error;
  guint save_source;              /* notes typed and not yet saved */
};

/* Notes are saved this long after the last key, not at every key: a save
 * syncs the file to disk. */
#define NOTES_SAVE_DELAY_MS 400

G_DEFINE_FINAL_TYPE (StraitsBookmarksDialog, straits_bookmarks_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOOKMARKS,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fill (StraitsBookmarksDialog *self);

static void
save (StraitsBookmarksDialog *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  if (!straits_bookmarks_save (self->bookmarks, self->path, &error))
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
    }
}

static gboolean
save_notes_now (gpointer user_data)
{
  StraitsBookmarksDialog *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

/* Saves what was typed but not yet saved, before anything else changes
 * the list (or the dialog goes). */
static void
flush_notes (StraitsBookmarksDialog *self)
{
  if (self->save_source == 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  save (self);
}

static guint
row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
on_renamed (GtkEditable            *entry,
            StraitsBookmarksDialog *self)
{
  const char *title = gtk_editable_get_text (entry);

  if (*title == '\0')
    return;
  flush_notes (self);
  straits_bookmarks_rename (self->bookmarks, row_index (GTK_WIDGET (entry)), title);
  save (self);
}

static void
on_up (GtkButton              *button,
       StraitsBookmarksDialog *self)
{
  guint i = row_index (GTK_WIDGET (button));

  flush_notes (self);
  if (i == 0)
    return;
  straits_bookmarks_move (self->bookmarks, i, i - 1);
  save (self);
  fill (self);
}

static void
on_down (GtkButton              *button,
         StraitsBookmarksDialog *self)
{
  guint i = row_index (GTK_WIDGET (button));

  flush_notes (self);
  if (i + 1 >= straits_bookmarks_get_n (self->bookmarks))
    return;
  straits_bookmarks_move (self->bookmarks, i, i + 1);
  save (self);
  fill (self);
}

static void
on_delete (GtkButton              *button,
           StraitsBookmarksDialog *self)
{
  flush_notes (self);
  straits_bookmarks_remove (self->bookmarks, row_index (GTK_WIDGET (button)));
  save (self);
  fill (self);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, GCallback callback, StraitsBookmarksDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
on_notes_changed (GtkTextBuffer          *buffer,
                  StraitsBookmarksDialog *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "view");
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  straits_bookmarks_set_notes (self->bookmarks, row_index (view), notes);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (NOTES_SAVE_DELAY_MS, save_notes_now, self);
}

/* The speaker's notes: shown to the presenter only (the presenter
 * console, or N while presenting). */
static GtkWidget *
new_notes_view (StraitsBookmarksDialog *self, const StraitsBookmark *b)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, b->notes != NULL ? b->notes : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 56);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_set_tooltip_text (view, _("Speaker notes: shown on the presenter console, or with N while presenting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Speaker notes"), -1);
  g_object_set_data (G_OBJECT (buffer), "view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_notes_changed), self);
  return view;
}

/* A bookmark's row: its title to edit, where it is, the buttons that
 * move and delete it, and its speaker notes. */
static GtkWidget *
new_row (StraitsBookmarksDialog *self, const StraitsBookmark *b)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *where = g_strdup_printf ("%s%s%s", b->view, b->time ? " · " : "", b->time ? b->time : "");
  GtkWidget *detail = gtk_label_new (where);

  gtk_editable_set_text (GTK_EDITABLE (entry), b->title);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Slide title"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_renamed), self);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_up), self));
  gtk_box_append (GTK_BOX (box), icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_down), self));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Delete"), G_CALLBACK (on_delete), self));
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), new_notes_view (self, b));
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  return row;
}

static void
fill (StraitsBookmarksDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; self->bookmarks != NULL && i < straits_bookmarks_get_n (self->bookmarks); i++)
    gtk_list_box_append (self->list, new_row (self, straits_bookmarks_get (self->bookmarks, i)));
}

static void
straits_bookmarks_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StraitsBookmarksDialog *self = STRAITS_BOOKMARKS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS:
      g_value_set_pointer (value, self->bookmarks);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_bookmarks_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StraitsBookmarksDialog *self = STRAITS_BOOKMARKS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS:
      self->bookmarks = g_value_get_pointer (value);
      break;
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_bookmarks_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (straits_bookmarks_dialog_parent_class)->constructed (object);
  fill (STRAITS_BOOKMARKS_DIALOG (object));
}

static void
straits_bookmarks_dialog_dispose (GObject *object)
{
  flush_notes (STRAITS_BOOKMARKS_DIALOG (object));
  G_OBJECT_CLASS (straits_bookmarks_dialog_parent_class)->dispose (object);
}

static void
straits_bookmarks_dialog_finalize (GObject *object)
{
  g_free (STRAITS_BOOKMARKS_DIALOG (object)->path);
  G_OBJECT_CLASS (straits_bookmarks_dialog_parent_class)->finalize (object);
}

static void
straits_bookmarks_dialog_class_init (StraitsBookmarksDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = straits_bookmarks_dialog_get_property;
  object_class->set_property = straits_bookmarks_dialog_set_property;
  object_class->constructed = straits_bookmarks_dialog_constructed;
  object_class->dispose = straits_bookmarks_dialog_dispose;
  object_class->finalize = straits_bookmarks_dialog_finalize;

  /**
   * StraitsBookmarksDialog:bookmarks:
   *
   * The StraitsBookmarks edited: its owner keeps it for the dialog's life.
   */
  properties[PROP_BOOKMARKS] = g_param_spec_pointer ("bookmarks", NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  /**
   * StraitsBookmarksDialog:path:
   *
   * The file every change is saved to.
   */
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-bookmarks-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsBookmarksDialog, list);
  gtk_widget_class_bind_template_child (widget_class, StraitsBookmarksDialog, error);
}

static void
straits_bookmarks_dialog_init (StraitsBookmarksDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
straits_bookmarks_dialog_new (GtkWindow        *parent,
                              StraitsBookmarks *bookmarks,
                              const char       *path)
{
  return g_object_new (STRAITS_TYPE_BOOKMARKS_DIALOG, "transient-for", parent, "bookmarks", bookmarks,
                       "path", path, NULL);
}
