/* straits-window-loading.c: opening, loading and reloading datasets and workbooks, recent files, drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "straits-application.h"
#include "straits-importer.h"
#include "straits-paths.h"
#include "straits-trace.h"
#include "straits-window-private.h"
#include "straits-workbook.h"

/* A changed file is loaded once no change came for this long: editors save
 * in several events, and a file rewritten several times a second (by a
 * script, say) is loaded once it settles, not at every write. */
#define RELOAD_SETTLE_MS 500

typedef struct {
  StraitsDataset *dataset;
  GPtrArray *diagnostics;
  StraitsMapRenderer *warm;   /* the view's, drawn ahead (see warm_view) */
  cairo_surface_t *warm_frame;
  char *warm_view;
} LoadResult;

/* How the first window will show its view, read from the settings on the
 * main thread: what the window sets on a scene (see
 * _straits_window_apply_map_style), and the map's size, scale and style
 * when a window last closed. */
typedef struct {
  StraitsMapStyleKind style;
  gboolean show_legend, legend_collapsed;
  StraitsConvention convention;
  int width, height, scale;
  gboolean yield;             /* ahead of the window: the lowest priority */
} WarmSettings;

/* What a load needs off the main thread: the file, and the atlas and the
 * view to be shown, so that the view's projection is ready with the data;
 * ahead of the first window, how to draw that view (@warm). */
typedef struct {
  GFile *file;
  StraitsAtlas *atlas;
  char *view;
  gboolean warm;
  WarmSettings settings;
} LoadJob;

static void watch_file (StraitsWindow *self);

static void schedule_reload (StraitsWindow *self);

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->dataset);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_clear_object (&result->warm);
  g_clear_pointer (&result->warm_frame, cairo_surface_destroy);
  g_free (result->warm_view);
  g_free (result);
}

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->file);
  g_free (job->view);
  g_free (job);
}

/* A dataset file, or a workbook through the same conversion as --check:
 * an ODS or XLSX file, a zip or folder of CSV files, or one CSV file of
 * such a folder (a file chooser picks files, not folders). */
StraitsDataset *
_straits_window_load_dataset (const char *path, GPtrArray **diagnostics)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return straits_workbook_load (folder, diagnostics, NULL);
    }
  return straits_dataset_load_any (path, diagnostics, NULL);
}

/* Draws the view with the dataset, as the window will show it (see
 * WarmSettings): ahead of the first window, in the style a window last
 * had (the desktop's is known once GTK is up) and at the map's size when
 * a window last closed (the schema's defaults: a window of the default
 * size). The window takes the drawing as its first frame, with its
 * renderer; at another size, or in another style, that renderer draws the
 * frame anew, with its texts laid out. Drawn by the window, a start's first
 * frame took 30-40 ms of the main thread; this thread has the time, from
 * the map projected (35-50 ms from the launch) to the window presented
 * (70-105 ms). bench-startup: first frame 144 ms before, 109-113 after. */
static void
warm_view (LoadJob              *job,
           LoadResult           *result,
           const StraitsViewInfo *info)
{
  g_autoptr(StraitsMapScene) scene = NULL;
  StraitsMapStyle style;

  if (job->settings.width <= 0 || job->settings.height <= 0 ||
      (scene = straits_view_info_new_scene (job->atlas, result->dataset, info, NULL)) == NULL)
    return;
  _straits_window_screen_style (&style, job->settings.style);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_style (scene, &style);
  straits_map_scene_set_convention (scene, job->settings.convention);
  straits_map_scene_set_show_legend (scene, job->settings.show_legend);
  straits_map_scene_set_legend_collapsed (scene, job->settings.legend_collapsed);
  straits_map_scene_thaw (scene);
  result->warm_frame = straits_map_view_draw_ahead (scene, job->settings.width, job->settings.height,
                                                    job->settings.scale, &result->warm);
  result->warm_view = g_strdup (info->id);
  straits_trace ("view drawn with the dataset");
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  LoadResult *result = g_new0 (LoadResult, 1);

  if (path == NULL)
    {
      result->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
      g_ptr_array_add (result->diagnostics,
                       straits_diagnostic_new (STRAITS_SEVERITY_ERROR, g_file_peek_path (job->file), NULL,
                                               _("only local files can be opened")));
    }
  else
    result->dataset = _straits_window_load_dataset (path, &result->diagnostics);
  straits_trace ("dataset read");

  if (result->dataset != NULL && job->view != NULL)
    {
      g_autoptr(StraitsViewInfo) info = straits_view_info_find (result->dataset, job->view, NULL);

      if (info != NULL)
        {
          straits_atlas_get_basemap (job->atlas, info->region->detailed, NULL);
          straits_trace ("basemap read");
          straits_atlas_get_map (job->atlas, info->region, NULL);
          straits_trace ("view projected");
          if (job->warm)
            warm_view (job, result, info);
        }
    }
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
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), file_name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (details);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  straits_session_get_dataset (self->session) ? _("The dataset has errors. The data already on screen is kept.")
                                                : _("The dataset has errors."));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a failure's toast shows when its Details button is clicked. */
typedef struct {
  GWeakRef window;
  char *file_name;
  char *details;
} FailureDetails;

static void
failure_details_free (gpointer data, GClosure *closure)
{
  FailureDetails *d = data;

  g_weak_ref_clear (&d->window);
  g_free (d->file_name);
  g_free (d->details);
  g_free (d);
}

static void
on_toast_details (AdwToast       *toast,
                  FailureDetails *d)
{
  g_autoptr(StraitsWindow) window = g_weak_ref_get (&d->window);

  if (window != NULL)
    show_errors_dialog (window, d->file_name, d->details);
}

/* A file's errors (or warnings) in a toast, with the details a click away. */
void
_straits_window_report_failure (StraitsWindow *self,
                                GFile         *file,
                                GPtrArray     *diags)
{
  g_autofree char *name = g_file_get_basename (file);
  guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);
  /* Toast titles are markup; a file name is not. */
  guint warnings = straits_diagnostics_count (diags, STRAITS_SEVERITY_WARNING);
  g_autofree char *title_markup = n > 0 ? g_markup_printf_escaped (g_dngettext (NULL, "“%s” has %u error",
                                                                          "“%s” has %u errors", n), name, n)
                                 : g_markup_printf_escaped (g_dngettext (NULL, "“%s” has %u warning",
                                                                          "“%s” has %u warnings", warnings),
                                                            name, warnings);
  AdwToast *toast = adw_toast_new (title_markup);
  FailureDetails *details = g_new0 (FailureDetails, 1);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_weak_ref_init (&details->window, self);
  details->file_name = g_strdup (name);
  details->details = diagnostics_text (diags);
  gtk_label_set_text (self->status_label, details->details);
  /* Nothing was shown before (a start on a broken file): the map's place
   * says why, not blank. */
  if (straits_session_get_dataset (self->session) == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (details->details, -1);

      adw_status_page_set_description (self->empty_page, markup);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
      straits_side_panel_set_dataset (self->side_panel, NULL);
    }
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_details), details,
                         failure_details_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
add_recent (gpointer data)
{
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), data);
  return G_SOURCE_REMOVE;
}

static void
note_recent (StraitsWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *bundled = straits_bundled_dataset_path ();

  if (g_strcmp0 (g_file_peek_path (file), bundled) == 0)
    return;
  /* Once the dataset is on screen: GTK reads its list of recent files
   * (see _straits_window_watch_recent) as it adds to it. */
  g_idle_add_full (G_PRIORITY_LOW, add_recent, g_strdup (uri), g_free);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-dataset", uri);
}

/* The dataset read, or its errors; the data on screen stays until a new
 * dataset is valid. */
static void
show_load_result (StraitsWindow *self,
                  GFile         *file,
                  LoadResult    *result)
{
  if (result->dataset == NULL)
    {
      _straits_window_report_failure (self, file, result->diagnostics);
      return;
    }
  /* The view drawn with the dataset is taken as its scene is made
   * (scene_for_view), and let go of if it is not. */
  self->warm = g_steal_pointer (&result->warm);
  self->warm_frame = g_steal_pointer (&result->warm_frame);
  self->warm_view = g_steal_pointer (&result->warm_view);
  _straits_window_show_dataset (self, result->dataset, file);
  g_clear_object (&self->warm);
  g_clear_pointer (&self->warm_frame, cairo_surface_destroy);
  g_clear_pointer (&self->warm_view, g_free);
  watch_file (self);
  note_recent (self, file);
  gtk_label_set_text (self->status_label, "");
}

/* A load's end: shown if it is still the window's current one. */
static void
finish_load (StraitsWindow *self,
             GCancellable  *cancellable,
             GFile         *file,
             LoadResult    *result)
{
  /* A load superseded by a newer one (or by closing the window) shows
   * nothing and leaves the newer one's state alone. */
  gboolean current = self->loading != NULL && cancellable == self->loading;

  if (current)
    g_clear_object (&self->loading);
  if (current && result != NULL)
    {
      straits_trace ("dataset to the window");
      show_load_result (self, file, result);
      straits_trace ("dataset in the window");
    }
  g_clear_pointer (&result, load_result_free);
  if (current && self->reload_pending)
    {
      self->reload_pending = FALSE;
      schedule_reload (self);
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(StraitsWindow) self = user_data;
  GTask *task = G_TASK (res);
  GFile *file = ((LoadJob *) g_task_get_task_data (task))->file;
  /* NULL when the load was cancelled: GTask has freed its result. */
  LoadResult *result = g_task_propagate_pointer (task, NULL);

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  finish_load (self, g_task_get_cancellable (task), file, result);
}

/* A load ahead of the window runs while GTK sets itself up, which is
 * what the window waits for: at the lowest priority, so that where the
 * processors are all busy (fontconfig's start, GTK's) the main thread
 * goes first. It does not always: Linux's scheduler (EEVDF) may let a
 * thread at nice 19 run to the end of its time slice: the main thread,
 * woken by D-Bus, once waited 3.5 ms for this one's processor; SCHED_IDLE,
 * and a slice of 0.1 ms (sched_setattr), brought the first frame no
 * sooner (issue 20).
 * Before it drew the view too, the dataset was ready 50 ms before the
 * window took it, and the first frame came 8 ms sooner so (medians of 11
 * starts each, in turn, on 2 processors: 150.8 ms, 159.1 ms in the pool).
 * A load that draws has a thread of its own (see run_load), and a
 * priority once lowered cannot be raised again. */
static gpointer
load_in_background (gpointer data)
{
  GTask *task = data;

#ifdef __linux__
  /* Linux sets a thread's own priority, given its id. */
  if (((LoadJob *) g_task_get_task_data (task))->settings.yield &&
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 19) != 0)
    g_debug ("The load ahead keeps its priority: %s", g_strerror (errno));
#endif
  load_in_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  g_object_unref (task);
  return NULL;
}

/* Reads @file in a thread, and projects @view's map (transfer full,
 * nullable) for it; @callback gets the task. @warm (nullable): @view is
 * drawn too, as @warm says, on a thread of its own (load_in_background):
 * the drawing's texts are laid out with that thread's fonts, which no
 * other work uses once it ends (a pool thread's would be). */
static void
run_load (GFile               *file,
          StraitsAtlas        *atlas,
          char                *view,
          const WarmSettings  *warm,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->file = g_object_ref (file);
  job->atlas = atlas;
  job->view = view;
  job->warm = warm != NULL;
  if (warm != NULL)
    job->settings = *warm;
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  straits_application_hold_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (warm != NULL)
    {
      g_thread_unref (g_thread_new ("straits-load", load_in_background, task));
      return;
    }
  g_task_run_in_thread (task, load_in_thread);
  g_object_unref (task);
}

/* Loading ahead ------------------------------------------------------------ */

/* A load started before any window, kept on the session until a window
 * opening the same file takes it over. */
typedef struct {
  GFile *file;
  GCancellable *cancellable;
  LoadResult *result;       /* once read, until a window takes it */
  StraitsWindow *window;    /* (weak): the window waiting for it */
} LoadAhead;

#define LOAD_AHEAD_KEY "straits-load-ahead"

static void
load_ahead_free (LoadAhead *ahead)
{
  if (ahead->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (ahead->window), (gpointer *) &ahead->window);
  g_clear_pointer (&ahead->result, load_result_free);
  g_object_unref (ahead->file);
  g_object_unref (ahead->cancellable);
  g_free (ahead);
}

static void
drop_load_ahead (StraitsSession *session)
{
  g_object_set_data (G_OBJECT (session), LOAD_AHEAD_KEY, NULL);
}

static void
on_loaded_ahead (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(StraitsSession) session = user_data;
  GTask *task = G_TASK (res);
  LoadResult *result = g_task_propagate_pointer (task, NULL);
  LoadAhead *ahead = g_object_get_data (G_OBJECT (session), LOAD_AHEAD_KEY);
  g_autoptr(StraitsWindow) window = NULL;
  g_autoptr(GFile) file = NULL;

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (ahead == NULL || ahead->cancellable != g_task_get_cancellable (task))
    {
      g_clear_pointer (&result, load_result_free);
      return;
    }
  if (ahead->window == NULL && result != NULL)
    {
      /* For the window still to come. */
      ahead->result = result;
      return;
    }
  window = ahead->window ? g_object_ref (ahead->window) : NULL;
  file = g_object_ref (ahead->file);
  drop_load_ahead (session);
  if (window != NULL)
    finish_load (window, g_task_get_cancellable (task), file, result);
  else
    g_clear_pointer (&result, load_result_free);
}

/* What the first window will set on its view's scene, as it reads it
 * (straits_window_init binds these keys); no size, and so no drawing
 * ahead, without settings. */
static void
read_warm_settings (GSettings    *settings,
                    WarmSettings *warm)
{
  g_autofree char *territories = settings ? g_settings_get_string (settings, "territories") : NULL;

  warm->show_legend = settings ? g_settings_get_boolean (settings, "show-legend") : TRUE;
  warm->legend_collapsed = settings ? g_settings_get_boolean (settings, "legend-collapsed") : FALSE;
  if (territories == NULL || !straits_convention_from_string (territories, &warm->convention))
    warm->convention = STRAITS_CONVENTION_EU;
  warm->width = settings ? g_settings_get_int (settings, "map-width") : 0;
  warm->height = settings ? g_settings_get_int (settings, "map-height") : 0;
  /* The desktop's style and scale are known once GTK is up: these are
   * the ones a window last had. */
  warm->style = settings ? (StraitsMapStyleKind) g_settings_get_enum (settings, "map-style") : STRAITS_MAP_STYLE_LIGHT;
  warm->scale = settings ? g_settings_get_int (settings, "map-scale") : 1;
  warm->yield = TRUE;
}

/* Reads @file, and the map of the view shown last, in a thread while GTK
 * sets itself up: the dataset is then ready as the first window is
 * (issue 20). The first window to open the same file takes the load
 * over; opening another file drops it. */
void
straits_window_load_ahead (StraitsSession *session,
                           GFile          *file)
{
  g_autoptr(GSettings) settings = NULL;
  WarmSettings warm;
  LoadAhead *ahead;

  g_return_if_fail (STRAITS_IS_SESSION (session));
  straits_trace ("dataset read started, ahead of the window");
  settings = straits_settings_new ();
  ahead = g_new0 (LoadAhead, 1);
  ahead->file = g_object_ref (file);
  ahead->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (session), LOAD_AHEAD_KEY, ahead, (GDestroyNotify) load_ahead_free);
  read_warm_settings (settings, &warm);
  run_load (file, straits_session_get_atlas (session),
            settings ? g_settings_get_string (settings, "last-view") : NULL, &warm,
            ahead->cancellable, on_loaded_ahead, g_object_ref (session));
}

/* TRUE if a load of @file ahead of the window is now the window's. */
static gboolean
take_load_ahead (StraitsWindow *self,
                 GFile         *file)
{
  LoadAhead *ahead = g_object_get_data (G_OBJECT (self->session), LOAD_AHEAD_KEY);

  if (ahead == NULL || ahead->window != NULL)
    return FALSE;
  if (!g_file_equal (ahead->file, file))
    {
      g_cancellable_cancel (ahead->cancellable);
      drop_load_ahead (self->session);
      return FALSE;
    }
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, ahead->cancellable);
  if (ahead->result != NULL)
    {
      g_autoptr(GFile) read = g_object_ref (ahead->file);
      LoadResult *result = g_steal_pointer (&ahead->result);

      drop_load_ahead (self->session);
      finish_load (self, self->loading, read, result);
      return TRUE;
    }
  ahead->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &ahead->window);
  return TRUE;
}

/* How the window will show @file's view, to draw it with the dataset:
 * FALSE for a reload (which keeps the place and selection shown), while
 * presenting (the slide's type scale), and before the map has a size. */
static gboolean
window_warm_settings (StraitsWindow *self,
                      GFile         *file,
                      WarmSettings  *warm)
{
  GFile *shown = straits_session_get_file (self->session);

  if (self->presenting || (shown != NULL && g_file_equal (shown, file)))
    return FALSE;
  warm->style = _straits_window_style_kind (self);
  warm->show_legend = self->show_legend;
  warm->legend_collapsed = straits_map_view_get_legend_collapsed (self->map_view);
  warm->convention = self->convention;
  warm->width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  warm->height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
  warm->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->map_view));
  warm->yield = FALSE;
  return warm->width > 0 && warm->height > 0;
}

void
straits_window_open_file (StraitsWindow *self,
                          GFile         *file)
{
  WarmSettings warm;

  g_return_if_fail (STRAITS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_debug ("loading %s", g_file_peek_path (file));
  if (take_load_ahead (self, file))
    return;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  run_load (file, straits_session_get_atlas (self->session),
            self->current_view ? g_strdup (self->current_view)
            : self->settings ? g_settings_get_string (self->settings, "last-view") : NULL,
            window_warm_settings (self, file, &warm) ? &warm : NULL, self->loading, on_loaded, g_object_ref (self));
}

/* One load at a time: a change during a load is read after it. */
static gboolean
reload_now (gpointer data)
{
  StraitsWindow *self = data;

  self->reload_id = 0;
  if (straits_session_get_file (self->session) == NULL)
    return G_SOURCE_REMOVE;
  if (self->loading != NULL)
    self->reload_pending = TRUE;
  else
    straits_window_open_file (self, straits_session_get_file (self->session));
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (StraitsWindow *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (RELOAD_SETTLE_MS, reload_now, self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 StraitsWindow     *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_CHANGED)
    return;
  schedule_reload (self);
}

static void
watch_file (StraitsWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  self->monitor = g_file_monitor_file (straits_session_get_file (self->session), G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

StraitsDataset *
straits_window_get_dataset (StraitsWindow *self)
{
  g_return_val_if_fail (STRAITS_IS_WINDOW (self), NULL);
  return straits_session_get_dataset (self->session);
}

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

void
_straits_window_add_dataset_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Straits datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  /* docs/workbooks.md; a CSV file opens the folder of sheets it is in. */
  gtk_file_filter_set_name (workbooks, _("Workbooks (ODS, XLSX, CSV)"));
  gtk_file_filter_add_suffix (workbooks, "ods");
  gtk_file_filter_add_suffix (workbooks, "xlsx");
  gtk_file_filter_add_suffix (workbooks, "csv");
  gtk_file_filter_add_suffix (workbooks, "zip");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_chooser_add_filter (chooser, workbooks);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  _straits_window_add_dataset_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  straits_window_open_file (STRAITS_WINDOW (widget), file);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  if (straits_session_get_file (self->session) != NULL)
    straits_window_open_file (self, straits_session_get_file (self->session));
}

/* Newest first, only files this application opened. */
static void
update_recent_menu (StraitsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *action = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) &&
          !gtk_recent_info_has_application (info, g_get_prgname ()))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         StraitsWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autofree char *name = files ? g_file_get_basename (files->data) : NULL;
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  if (files == NULL)
    return FALSE;
  /* A CSV file is a trade register to add; anything else a dataset. */
  if (lower != NULL && g_str_has_suffix (lower, ".csv"))
    straits_window_add_register (self, files->data);
  else
    straits_window_open_file (self, files->data);
  return TRUE;
}

void
_straits_window_class_loading_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
}

/* The recent files' menu, filled as the primary menu is first made and
 * kept up to date from then on: GTK's list of recent files is a file
 * read and parsed on the main thread (every desktop application's recent
 * files, often hundreds), which the start need not wait for. */
void
_straits_window_watch_recent (StraitsWindow *self)
{
  if (self->recent_watched)
    return;
  self->recent_watched = TRUE;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

/* Files dropped on the window. */
void
_straits_window_loading_init (StraitsWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
