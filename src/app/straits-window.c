/* straits-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-window.h"

struct _StraitsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel *title_label;
  GtkLabel *description_label;
  AdwPreferencesGroup *contents_group;
  AdwPreferencesGroup *sources_group;
  GPtrArray *group_rows;

  StraitsDataset *dataset;
  GFile *file;
  GCancellable *loading;
};

G_DEFINE_FINAL_TYPE (StraitsWindow, straits_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Showing the dataset ---------------------------------------------------- */

static void
add_row (StraitsWindow       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  /* Row titles are markup by default; dataset text is not. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, g_object_ref (row));
}

static void
clear_rows (StraitsWindow *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
add_count (StraitsWindow *self,
           const char    *title,
           guint          n)
{
  g_autofree char *value = g_strdup_printf ("%u", n);

  add_row (self, self->contents_group, title, value);
}

static void
show_dataset (StraitsWindow *self)
{
  StraitsDataset *ds = self->dataset;
  const StraitsMetadata *meta = straits_dataset_get_metadata (ds);
  g_autofree char *basename = g_file_get_basename (self->file);

  adw_window_title_set_title (self->window_title, meta->title);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), meta->title);
  gtk_label_set_text (self->title_label, meta->title);
  gtk_label_set_text (self->description_label, meta->description ? meta->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), meta->description != NULL);

  clear_rows (self);
  add_count (self, _("Actors"), straits_dataset_get_n_actors (ds));
  add_count (self, _("Relations"), straits_dataset_get_n_relations (ds));
  add_count (self, _("Events"), straits_dataset_get_n_events (ds));
  add_count (self, _("Groupings"), straits_dataset_get_n_groupings (ds));
  add_count (self, _("Figures"), straits_dataset_get_n_figures (ds));
  add_count (self, _("Views"), straits_dataset_get_n_views (ds));
  add_count (self, _("Annotations"), straits_dataset_get_n_annotations (ds));

  for (guint i = 0; i < straits_dataset_get_n_sources (ds); i++)
    {
      const StraitsSource *s = straits_dataset_get_source (ds, i);

      add_row (self, self->sources_group, s->title, s->doi ? s->doi : s->url ? s->url : "");
    }
}

/* Loading ---------------------------------------------------------------- */

typedef struct {
  StraitsDataset *dataset;
  GPtrArray *diagnostics;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->dataset);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_free (result);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_file_get_uri (file);
  result->dataset = straits_dataset_load_file (path, &result->diagnostics, &error);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static char *
diagnostics_text (GPtrArray *diags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

static void
show_errors_dialog (StraitsWindow *self,
                    const char    *file_name,
                    const char    *details)
{
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), file_name);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  _("The dataset has errors. The data already on screen is kept."));
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();
    GtkWidget *label = gtk_label_new (details);

    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "monospace");
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_toast_details (AdwToast *toast,
                  gpointer  user_data)
{
  StraitsWindow *self = STRAITS_WINDOW (user_data);

  show_errors_dialog (self, g_object_get_data (G_OBJECT (toast), "file-name"),
                      g_object_get_data (G_OBJECT (toast), "details"));
}

static void
report_failure (StraitsWindow *self,
                GFile         *file,
                GPtrArray     *diags)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Toast titles are markup; a file name is not. */
  g_autofree char *title = g_markup_printf_escaped (_("“%s” has errors"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  g_object_set_data_full (G_OBJECT (toast), "file-name", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (toast), "details", diagnostics_text (diags), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_details), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(StraitsWindow) self = user_data;
  GTask *task = G_TASK (res);
  GFile *file = g_task_get_task_data (task);
  LoadResult *result = g_task_propagate_pointer (task, NULL);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      load_result_free (result);
      return;
    }
  g_clear_object (&self->loading);

  if (result->dataset == NULL)
    report_failure (self, file, result->diagnostics);
  else
    {
      g_set_object (&self->dataset, result->dataset);
      g_set_object (&self->file, file);
      show_dataset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
    }
  load_result_free (result);
}

void
straits_window_open_file (StraitsWindow *self,
                          GFile         *file)
{
  GTask *task;

  g_return_if_fail (STRAITS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  task = g_task_new (NULL, self->loading, on_loaded, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
  g_object_unref (task);
}

StraitsDataset *
straits_window_get_dataset (StraitsWindow *self)
{
  g_return_val_if_fail (STRAITS_IS_WINDOW (self), NULL);
  return self->dataset;
}

/* Actions ---------------------------------------------------------------- */

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  StraitsWindow *self = STRAITS_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        straits_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Straits datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  if (self->file != NULL)
    straits_window_open_file (self, self->file);
}

void
straits_window_show_about (StraitsWindow *self)
{
  g_autoptr(GString) credits = g_string_new (NULL);
  GtkWidget *about;
  const char *developers[] = { _("The Straits developers"), NULL };

  about = adw_about_window_new ();
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Straits"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
    _("Explore relations, events and figures of European security policy on maps of the Black Sea, the Aegean and Europe."));

  if (self->dataset != NULL)
    for (guint i = 0; i < straits_dataset_get_n_sources (self->dataset); i++)
      {
        const StraitsSource *s = straits_dataset_get_source (self->dataset, i);
        g_autofree char *authors = s->authors ? g_strjoinv (", ", (char **) s->authors) : NULL;
        g_autofree char *line = g_strdup_printf ("%s%s%s%s%s", authors ? authors : "",
                                                 authors ? ": " : "", s->title,
                                                 s->licence ? ", " : "", s->licence ? s->licence : "");
        const char *names[] = { line, NULL };

        adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Dataset sources"), names);
      }
  {
    const char *map_credits[] = {
      _("Made with Natural Earth: free vector and raster map data"),
      NULL
    };
    adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map data"), map_credits);
  }
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (about));
}

/* GObject ---------------------------------------------------------------- */

static void
straits_window_dispose (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (straits_window_parent_class)->dispose (object);
}

static void
straits_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_window_class_init (StraitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_window_dispose;
  object_class->get_property = straits_window_get_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, STRAITS_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, contents_group);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, sources_group);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
}

static void
straits_window_init (StraitsWindow *self)
{
  self->group_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

StraitsWindow *
straits_window_new (GtkApplication *application)
{
  return g_object_new (STRAITS_TYPE_WINDOW, "application", application, NULL);
}
