/* straits-window-arms.c: a SIPRI trade register as a layer of the open
 * dataset
 *
 * Added from the menu, by dropping a .csv file on the window, or with
 * --sipri=FILE; removed from the menu. It is remembered with the dataset
 * (GSettings "dataset-registers": dataset URI → register URI) and
 * reloaded when its file changes. A register with errors is reported and
 * the one on screen, if any, is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-application.h"
#include "straits-diagnostic.h"
#include "straits-window-private.h"

#define RELOAD_DELAY_MS 300

/* Settings ------------------------------------------------------------------- */

static char *
dataset_key (StraitsWindow *self)
{
  return straits_session_get_file (self->session) != NULL ? g_file_get_uri (straits_session_get_file (self->session)) : NULL;
}

/* Remembers @register_uri ("" to forget) for the dataset on screen. */
static void
remember_register (StraitsWindow *self, const char *register_uri)
{
  g_autofree char *key = dataset_key (self);
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  if (self->settings == NULL || key == NULL)
    return;
  old = g_settings_get_value (self->settings, "dataset-registers");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (register_uri != NULL && *register_uri != '\0')
    g_variant_builder_add (&builder, "{ss}", key, register_uri);
  g_settings_set_value (self->settings, "dataset-registers", g_variant_builder_end (&builder));
}

static char *
remembered_register (StraitsWindow *self)
{
  g_autofree char *key = dataset_key (self);
  g_autoptr(GVariant) map = NULL;
  char *uri = NULL;

  if (self->settings == NULL || key == NULL)
    return NULL;
  map = g_settings_get_value (self->settings, "dataset-registers");
  if (!g_variant_lookup (map, key, "s", &uri))
    return NULL;
  return uri;
}

/* The map ---------------------------------------------------------------------- */

/* The arms page's flows onto the map the window shows. */
static void
push_flows (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  g_autofree char *legend = NULL;
  g_autoptr(GArray) flows = straits_arms_page_get_flows (straits_side_panel_get_arms_page (self->side_panel), &legend);

  if (scene == NULL)
    return;
  straits_map_scene_set_flows (scene, (const StraitsMapFlow *) (gpointer) flows->data, flows->len, legend);
}

/* The slider's year ends the period; the map gets the flows. */
void
_straits_window_arms_apply (StraitsWindow *self)
{
  StraitsArmsPage *page = straits_side_panel_get_arms_page (self->side_panel);
  StraitsDate date = _straits_window_time_slider_date (self);

  straits_arms_page_set_year (page, _straits_window_time_is_all (self) ? 0 : date.year);
  push_flows (self);
}

/* Loading ---------------------------------------------------------------------- */

typedef struct {
  StraitsSipriRegister *reg;
  GPtrArray *diagnostics;
  GError *error;
} RegisterResult;

static void
register_result_free (RegisterResult *result)
{
  g_clear_object (&result->reg);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static void
load_register_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  RegisterResult *result = g_new0 (RegisterResult, 1);

  if (path == NULL)
    g_set_error_literal (&result->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("only local files can be opened"));
  else
    result->reg = straits_sipri_register_load_file (path, &result->diagnostics, &result->error);
  g_task_return_pointer (task, result, (GDestroyNotify) register_result_free);
}

static void watch_register (StraitsWindow *self);

static void
show_register (StraitsWindow *self, StraitsSipriRegister *reg, GFile *file)
{
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  straits_session_set_sipri (self->session, reg, file);
  straits_side_panel_set_register (self->side_panel, reg);
  remember_register (self, uri);
  watch_register (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-register", reg != NULL);
  if (straits_session_get_dataset (self->session) != NULL)
    _straits_window_update_titles (self);
  _straits_window_arms_apply (self);
}

static void
toast (StraitsWindow *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
on_register_loaded (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr(StraitsWindow) self = user_data;
  GFile *file = g_task_get_task_data (G_TASK (res));
  RegisterResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_autofree char *name = g_file_get_basename (file);

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    {
      register_result_free (result);
      return;
    }
  g_clear_object (&self->sipri_loading);
  if (result->reg == NULL && result->diagnostics != NULL && result->diagnostics->len > 0)
    _straits_window_report_failure (self, file, result->diagnostics);
  else if (result->reg == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” could not be added: %s"), name, result->error->message);
      toast (self, text);
      gtk_label_set_text (self->status_label, text);
    }
  else
    {
      guint warnings = straits_diagnostics_count (result->diagnostics, STRAITS_SEVERITY_WARNING);
      const char *as_of = straits_sipri_register_get_data_as_of (result->reg);
      g_autofree char *text = g_strdup_printf (_("Trade register “%s” added: %u deliveries, data generated %s"), name,
                                               straits_sipri_register_get_n_deliveries (result->reg),
                                               as_of ? as_of : _("(not stated)"));

      show_register (self, result->reg, file);
      toast (self, text);
      gtk_label_set_text (self->status_label, text);
      if (warnings > 0)
        _straits_window_report_failure (self, file, result->diagnostics);
    }
  register_result_free (result);
}

void
straits_window_add_register (StraitsWindow *self,
                             GFile         *file)
{
  GTask *task;

  g_return_if_fail (STRAITS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->sipri_loading != NULL)
    g_cancellable_cancel (self->sipri_loading);
  g_set_object (&self->sipri_loading, g_cancellable_new ());
  task = g_task_new (NULL, self->sipri_loading, on_register_loaded, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  straits_application_hold_work (STRAITS_APPLICATION (g_application_get_default ()));
  g_task_run_in_thread (task, load_register_in_thread);
  g_object_unref (task);
}

void
straits_window_remove_register (StraitsWindow *self)
{
  g_return_if_fail (STRAITS_IS_WINDOW (self));
  if (self->sipri_loading != NULL)
    g_cancellable_cancel (self->sipri_loading);
  g_clear_handle_id (&self->sipri_reload_id, g_source_remove);
  show_register (self, NULL, NULL);
}

StraitsSipriRegister *
straits_window_get_register (StraitsWindow *self)
{
  g_return_val_if_fail (STRAITS_IS_WINDOW (self), NULL);
  return straits_session_get_sipri (self->session);
}

/* A new dataset on screen: its own register if it has one remembered,
 * else the register on screen stays and is remembered with it. */
void
_straits_window_arms_dataset_shown (StraitsWindow *self)
{
  g_autofree char *uri = remembered_register (self);

  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      if (straits_session_get_sipri_file (self->session) == NULL || !g_file_equal (file, straits_session_get_sipri_file (self->session)))
        straits_window_add_register (self, file);
    }
  else if (straits_session_get_sipri_file (self->session) != NULL)
    {
      g_autofree char *current = g_file_get_uri (straits_session_get_sipri_file (self->session));
      remember_register (self, current);
    }
  _straits_window_arms_apply (self);
}

/* Watching ----------------------------------------------------------------------- */

static gboolean
reload_register_now (gpointer data)
{
  StraitsWindow *self = data;

  self->sipri_reload_id = 0;
  if (straits_session_get_sipri_file (self->session) != NULL)
    straits_window_add_register (self, straits_session_get_sipri_file (self->session));
  return G_SOURCE_REMOVE;
}

static void
on_register_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, StraitsWindow *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;
  g_clear_handle_id (&self->sipri_reload_id, g_source_remove);
  self->sipri_reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_register_now, self);
}

static void
unwatch_register (StraitsWindow *self)
{
  if (self->sipri_monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->sipri_monitor, self);
  g_file_monitor_cancel (self->sipri_monitor);
  g_clear_object (&self->sipri_monitor);
}

static void
watch_register (StraitsWindow *self)
{
  unwatch_register (self);
  if (straits_session_get_sipri_file (self->session) == NULL)
    return;
  self->sipri_monitor = g_file_monitor_file (straits_session_get_sipri_file (self->session), G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->sipri_monitor != NULL)
    g_signal_connect (self->sipri_monitor, "changed", G_CALLBACK (on_register_changed), self);
}

/* Actions ------------------------------------------------------------------------ */

static void
on_add_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  StraitsWindow *self = STRAITS_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        straits_window_add_register (self, file);
    }
  g_object_unref (dialog);
}

static void
add_register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add SIPRI Trade Register"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));

  gtk_file_filter_set_name (csv, _("SIPRI trade registers (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  straits_window_remove_register (STRAITS_WINDOW (widget));
}

void
_straits_window_class_arms_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-register", NULL, add_register_action);
  gtk_widget_class_install_action (widget_class, "win.remove-register", NULL, remove_register_action);
}

void
_straits_window_arms_init (StraitsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-register", FALSE);
  g_signal_connect_object (straits_side_panel_get_arms_page (self->side_panel), "flows-changed",
                           G_CALLBACK (push_flows), self, G_CONNECT_SWAPPED);
}

void
_straits_window_arms_dispose (StraitsWindow *self)
{
  if (self->sipri_loading != NULL)
    g_cancellable_cancel (self->sipri_loading);
  g_clear_object (&self->sipri_loading);
  g_clear_handle_id (&self->sipri_reload_id, g_source_remove);
  unwatch_register (self);
}
