/* straits-window-compare.c: comparing the dataset with an older version
 *
 * "Compare With…" reads an older file as the session's baseline; a
 * reload that changed the file makes the version it replaced the baseline
 * by itself (straits_session_set_dataset()). The map, the history and the
 * Changes page show the session's diff; "Stop Comparing" drops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-application.h"
#include "straits-dataset-diff.h"
#include "straits-importer.h"
#include "straits-window-private.h"

/* The version compared with, as the legend and the Changes page name it. */
static char *
baseline_label (StraitsWindow *self)
{
  StraitsDataset *baseline = straits_session_get_baseline (self->session);

  return baseline != NULL ? straits_diff_version_label (baseline) : NULL;
}

/* The map shown marks the session's changes (each view's scene is new). */
void
_straits_window_apply_changes (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  g_autofree char *since = baseline_label (self);

  if (scene != NULL)
    straits_map_scene_set_changes (scene, straits_session_get_changes (self->session), since);
}

/* Everything that shows the comparison, after the dataset or the
 * baseline changed. */
void
_straits_window_changes_shown (StraitsWindow *self)
{
  g_autofree char *since = baseline_label (self);
  GPtrArray *changes = straits_session_get_changes (self->session);

  _straits_window_apply_changes (self);
  straits_side_panel_set_changes (self->side_panel, changes, since);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-comparing", changes != NULL);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *path = g_file_get_path (file);
  StraitsDataset *dataset = path != NULL ? _straits_window_load_dataset (path, &diagnostics) : NULL;

  /* Before returning: the callback may run at once in the main thread. */
  if (diagnostics != NULL)
    g_object_set_data_full (G_OBJECT (task), "diagnostics", g_steal_pointer (&diagnostics),
                            (GDestroyNotify) g_ptr_array_unref);
  if (dataset == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", "");
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
on_baseline_loaded (GObject      *source,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  g_autoptr(StraitsWindow) self = user_data;
  GFile *file = g_task_get_task_data (G_TASK (res));
  g_autoptr(StraitsDataset) baseline = g_task_propagate_pointer (G_TASK (res), NULL);

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (baseline == NULL)
    {
      GPtrArray *diagnostics = g_object_get_data (G_OBJECT (res), "diagnostics");

      if (diagnostics != NULL)
        _straits_window_report_failure (self, file, diagnostics);
      return;
    }
  straits_session_set_baseline (self->session, baseline);
  _straits_window_changes_shown (self);
  straits_side_panel_set_page (self->side_panel, "changes");
}

static void
on_compare_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  StraitsWindow *self = STRAITS_WINDOW (user_data);
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))
                                                          : NULL;

  if (file != NULL)
    {
      GTask *task = g_task_new (NULL, NULL, on_baseline_loaded, g_object_ref (self));

      g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
      straits_application_hold_work (STRAITS_APPLICATION (g_application_get_default ()));
      g_task_run_in_thread (task, load_in_thread);
      g_object_unref (task);
    }
  g_object_unref (dialog);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (straits_session_get_dataset (self->session) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Compare With an Older Version"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  _straits_window_add_dataset_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_compare_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_comparing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  straits_session_set_baseline (self->session, NULL);
  _straits_window_changes_shown (self);
}

void
_straits_window_class_compare_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, stop_comparing_action);
}
