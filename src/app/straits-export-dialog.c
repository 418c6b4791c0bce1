/* straits-export-dialog.c
 *
 * The figure is the map as it is on screen (view, place, zoom, date,
 * selection, overlays) laid out by straits_figure_page_draw(), the same layout
 * as the command line's, or a chart from the side panel as
 * straits_chart_draw() draws it; the preview draws it at the page's
 * proportions. The last choices are kept in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-export-dialog.h"
#include "straits-figure-page.h"
#include "straits-export.h"


struct _StraitsExportDialog
{
  AdwWindow parent_instance;

  StraitsMapScene *scene;         /* a map figure: a copy of the screen's scene, */
  StraitsMapRenderer *renderer;   /* drawn by a renderer of its own; */
  StraitsMapScene *compare_scene; /* two dates: the right panel's, a copy, */
  StraitsMapRenderer *compare;    /* and its renderer (NULL: one map); or */
  StraitsDataset *dataset;        /* a chart figure: the dataset's figure @chart */
  guint32 chart;
  StraitsChartKind chart_kind;
  StraitsViewport screen_viewport;
  double screen_width;
  GSettings *settings;

  GtkDropDown *format;
  GtkDropDown *size;
  GtkWidget *custom_box;
  GtkWidget *custom_label;
  GtkSpinButton *custom_width;
  GtkSpinButton *custom_height;
  GtkDropDown *custom_unit;
  GtkSpinButton *dpi;
  GtkWidget *title_label;         /* the rows hidden for a chart */
  GtkEntry *title;
  GtkWidget *subtitle_label;
  GtkEntry *subtitle;
  GtkWidget *show_label;
  GtkWidget *show_box;            /* the "Show" row's box */
  GtkCheckButton *legend;
  GtkCheckButton *scale_bar;
  GtkCheckButton *credits;
  GtkCheckButton *selection;      /* the map's selection in the figure */
  GtkDropDown *marking;
  GtkCheckButton *write_alt_text;
  GtkTextBuffer *alt_text;
  GtkAspectFrame *preview_frame;
  GtkDrawingArea *preview;
  GtkLabel *error_label;
  GtkWidget *export_button;
  GtkWidget *busy_box;            /* "Exporting…", while a figure is written */
  GtkSpinner *busy_spinner;
  GCancellable *cancellable;      /* the figure being written in a worker */
  gboolean exporting;
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (StraitsExportDialog, straits_export_dialog, ADW_TYPE_WINDOW)

static guint
index_of (const char *const *ids, const char *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

/* The size list is straits_export_get_page_sizes(), then "Custom". */
static guint
custom_size_index (void)
{
  guint n;

  straits_export_get_page_sizes (&n);
  return n;
}

/* The named size chosen, or NULL for a custom one. */
static const StraitsPageSize *
chosen_size (StraitsExportDialog *self)
{
  guint n, i = gtk_drop_down_get_selected (self->size);
  const StraitsPageSize *sizes = straits_export_get_page_sizes (&n);

  return i < n ? &sizes[i] : NULL;
}

static guint
size_index (const char *id)
{
  guint n;
  const StraitsPageSize *sizes = straits_export_get_page_sizes (&n);
  const StraitsPageSize *size = straits_export_find_page_size (id);

  /* An unknown id selects the first size, as before. */
  return size != NULL ? (guint) (size - sizes) : 0;
}

static const StraitsExportFormatInfo *
chosen_format (StraitsExportDialog *self)
{
  return straits_export_format_info (gtk_drop_down_get_selected (self->format));
}

static guint
format_index (const char *id)
{
  guint n;
  const StraitsExportFormatInfo *formats = straits_export_get_formats (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return i;
  return 0;
}

/* The page in points, from the size chosen. */
static gboolean
page_size (StraitsExportDialog *self, double *width, double *height)
{
  const StraitsPageSize *named = chosen_size (self);
  g_autofree char *spec = NULL;

  if (named != NULL)
    {
      *width = named->width;
      *height = named->height;
      return TRUE;
    }
  spec = g_strdup_printf ("%dx%d%s", gtk_spin_button_get_value_as_int (self->custom_width),
                          gtk_spin_button_get_value_as_int (self->custom_height),
                          gtk_drop_down_get_selected (self->custom_unit) == 1 ? "mm" : "");
  return straits_export_parse_page_size (spec, width, height, NULL);
}

static const char *
chosen_marking (StraitsExportDialog *self)
{
  guint marking = gtk_drop_down_get_selected (self->marking);

  return marking > 0 ? straits_figure_page_markings ()[marking - 1] : NULL;
}

static StraitsFigurePageOptions
figure_options (StraitsExportDialog *self, double page_width, StraitsViewport *vp)
{
  /* The same span of map as on screen, across the figure's map frame
   * (each panel's, for two dates). */
  *vp = self->screen_viewport;
  vp->resolution = self->screen_viewport.resolution * self->screen_width
                   / MAX (1, straits_figure_page_map_width (page_width, self->compare ? 2 : 1));
  return (StraitsFigurePageOptions) {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title)),
    .subtitle = gtk_editable_get_text (GTK_EDITABLE (self->subtitle)),
    .legend = gtk_check_button_get_active (self->legend),
    .selection = gtk_check_button_get_active (self->selection),
    .credits = gtk_check_button_get_active (self->credits),
    .scale_bar = gtk_check_button_get_active (self->scale_bar),
    .viewport = vp,
    .marking = chosen_marking (self),
  };
}

static void
draw_chart_figure (StraitsExportDialog *self, cairo_t *cr, double width, double height)
{
  straits_chart_draw_page (self->dataset, straits_dataset_get_figure (self->dataset, self->chart),
                           self->chart_kind, chosen_marking (self), cr, width, height);
}

/* Draws the figure; a map then gets back its on-screen legend setting. */
static void
draw_figure (StraitsExportDialog *self, cairo_t *cr, double width, double height)
{
  StraitsViewport vp;
  StraitsFigurePageOptions options;

  if (self->dataset != NULL)
    {
      draw_chart_figure (self, cr, width, height);
      return;
    }
  options = figure_options (self, width, &vp);
  if (self->compare != NULL)
    straits_figure_page_draw_compare (self->renderer, self->compare, cr, width, height, &options);
  else
    straits_figure_page_draw (self->renderer, cr, width, height, &options);
}

/* The alt text: generated from what the map figure draws, or the chart's
 * title and its values as a table. */
static char *
describe_figure (StraitsExportDialog *self, double width)
{
  StraitsViewport vp;
  StraitsFigurePageOptions options;

  if (self->dataset != NULL)
    return straits_chart_describe (self->dataset, straits_dataset_get_figure (self->dataset, self->chart));
  options = figure_options (self, width, &vp);
  if (self->compare != NULL)
    return straits_figure_page_describe_compare (self->renderer, self->compare, &options);
  return straits_figure_page_describe (self->renderer, &options);
}

static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  StraitsExportDialog *self = user_data;
  double w, h, scale;
  g_autofree char *alt = NULL;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  if (!page_size (self, &w, &h))
    return;
  scale = MIN (width / w, height / h);
  cairo_scale (cr, scale, scale);
  draw_figure (self, cr, w, h);
  /* Described once drawn (the drawing decides what is drawn); set only
   * when it changed: a new text lays the dialog out and draws the preview
   * again, which would then happen every frame while the spinner turns. */
  alt = describe_figure (self, w);
  gtk_text_buffer_get_bounds (self->alt_text, &start, &end);
  shown = gtk_text_buffer_get_text (self->alt_text, &start, &end, FALSE);
  if (g_strcmp0 (alt, shown) != 0)
    gtk_text_buffer_set_text (self->alt_text, alt, -1);
}

/* A map figure whose page leaves its map no sensible frame (a long title
 * on a small custom size) cannot be exported: the dialog says why and
 * which size would do, as the command line does. */
static gboolean
check_page (StraitsExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  StraitsViewport vp;
  StraitsFigurePageOptions options;
  double w, h;
  gboolean fits = TRUE;

  if (self->dataset == NULL && page_size (self, &w, &h))
    {
      options = figure_options (self, w, &vp);
      fits = self->compare != NULL
             ? straits_figure_page_check_compare (self->renderer, self->compare, w, h, &options, &error)
             : straits_figure_page_check (self->renderer, w, h, &options, &error);
    }
  gtk_label_set_text (self->error_label, fits ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !fits);
  gtk_widget_set_sensitive (self->export_button, fits && !self->exporting);
  return fits;
}

static void
update (StraitsExportDialog *self)
{
  double w, h;
  gboolean custom = chosen_size (self) == NULL;

  /* The template's signals fire while the dialog is made, before it has
   * a figure: its constructors update it once it has. */
  if (self->renderer == NULL && self->dataset == NULL)
    return;

  gtk_widget_set_visible (self->custom_box, custom);
  gtk_widget_set_visible (self->custom_label, custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi), chosen_format (self)->raster);
  if (page_size (self, &w, &h))
    gtk_aspect_frame_set_ratio (self->preview_frame, (float) (w / h));
  check_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* Charts keep their own size; they share the format, resolution and
 * marking with maps. */
static void
remember (StraitsExportDialog *self)
{
  g_autofree char *size = NULL;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "export-format", chosen_format (self)->id);
  g_settings_set_double (self->settings, "export-dpi", gtk_spin_button_get_value (self->dpi));
  g_settings_set_string (self->settings, "export-marking", chosen_marking (self) ? chosen_marking (self) : "");
  g_settings_set_boolean (self->settings, "export-alt-text", gtk_check_button_get_active (self->write_alt_text));
  if (self->dataset != NULL)
    return;
  if (chosen_size (self) == NULL)
    size = g_strdup_printf ("%dx%d%s", gtk_spin_button_get_value_as_int (self->custom_width),
                            gtk_spin_button_get_value_as_int (self->custom_height),
                            gtk_drop_down_get_selected (self->custom_unit) == 1 ? "mm" : "");
  else
    size = g_strdup (chosen_size (self)->id);
  g_settings_set_string (self->settings, "export-size", size);
  g_settings_set_boolean (self->settings, "export-legend", gtk_check_button_get_active (self->legend));
  g_settings_set_boolean (self->settings, "export-scale-bar", gtk_check_button_get_active (self->scale_bar));
  g_settings_set_boolean (self->settings, "export-credits", gtk_check_button_get_active (self->credits));
  g_settings_set_boolean (self->settings, "export-selection", gtk_check_button_get_active (self->selection));
}

static void
restore (StraitsExportDialog *self)
{
  g_autofree char *format = NULL, *size = NULL, *marking = NULL;
  int w, h;
  char unit[3] = "";

  if (self->settings == NULL)
    return;
  format = g_settings_get_string (self->settings, "export-format");
  size = g_settings_get_string (self->settings, "export-size");
  marking = g_settings_get_string (self->settings, "export-marking");
  gtk_drop_down_set_selected (self->format, format_index (format));
  if (self->dataset != NULL)
    ; /* a chart keeps the size it was given */
  else if (sscanf (size, "%dx%d%2s", &w, &h, unit) >= 2)
    {
      gtk_drop_down_set_selected (self->size, custom_size_index ());
      gtk_spin_button_set_value (self->custom_width, w);
      gtk_spin_button_set_value (self->custom_height, h);
      gtk_drop_down_set_selected (self->custom_unit, g_str_equal (unit, "mm") ? 1 : 0);
    }
  else
    gtk_drop_down_set_selected (self->size, size_index (size));
  gtk_spin_button_set_value (self->dpi, g_settings_get_double (self->settings, "export-dpi"));
  gtk_check_button_set_active (self->legend, g_settings_get_boolean (self->settings, "export-legend"));
  gtk_check_button_set_active (self->scale_bar, g_settings_get_boolean (self->settings, "export-scale-bar"));
  gtk_check_button_set_active (self->credits, g_settings_get_boolean (self->settings, "export-credits"));
  gtk_check_button_set_active (self->selection, g_settings_get_boolean (self->settings, "export-selection"));
  /* Entry 0 is "None"; the markings follow. */
  gtk_drop_down_set_selected (self->marking, g_strv_contains (straits_figure_page_markings (), marking)
                                             ? index_of (straits_figure_page_markings (), marking) + 1 : 0);
  gtk_check_button_set_active (self->write_alt_text, g_settings_get_boolean (self->settings, "export-alt-text"));
}

/* Exporting ------------------------------------------------------------------ */

/* What an export needs, taken from the dialog on the main thread: the
 * worker reads this alone, never the dialog, its widgets or the scenes
 * they show. */
typedef struct {
  char *path;
  double width, height, dpi;
  StraitsMapScene *scene;          /* a map figure: copies of the dialog's scenes, */
  StraitsMapScene *compare_scene;  /* (NULL: one map) */
  StraitsMapRenderer *renderer;    /* and their renderers, made in the worker; */
  StraitsMapRenderer *compare;
  StraitsDataset *dataset;         /* or a chart figure */
  guint32 chart;
  StraitsChartKind chart_kind;
  StraitsFigurePageOptions options; /* its strings are the job's own */
  StraitsViewport viewport;
  char *title, *subtitle, *marking;
  char *alt;
  gboolean write_alt;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->renderer);
  g_clear_object (&job->compare);
  g_clear_object (&job->scene);
  g_clear_object (&job->compare_scene);
  g_clear_object (&job->dataset);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->marking);
  g_free (job->alt);
  g_free (job);
}

/* (transfer full) */
static ExportJob *
export_job_new (StraitsExportDialog *self, const char *path, const char *alt, double width, double height)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->path = g_strdup (path);
  job->width = width;
  job->height = height;
  job->dpi = gtk_spin_button_get_value (self->dpi);
  job->alt = g_strdup (alt);
  job->write_alt = gtk_check_button_get_active (self->write_alt_text);
  job->marking = g_strdup (chosen_marking (self));
  if (self->dataset != NULL)
    {
      job->dataset = g_object_ref (self->dataset);
      job->chart = self->chart;
      job->chart_kind = self->chart_kind;
      job->title = g_strdup (straits_dataset_get_figure (self->dataset, self->chart)->title);
      return job;
    }
  job->scene = straits_map_scene_copy (self->scene);
  job->compare_scene = self->compare_scene != NULL ? straits_map_scene_copy (self->compare_scene) : NULL;
  job->options = figure_options (self, width, &job->viewport);
  job->options.viewport = &job->viewport;
  job->options.title = job->title = g_strdup (job->options.title);
  job->options.subtitle = job->subtitle = g_strdup (job->options.subtitle);
  job->options.marking = job->marking;
  return job;
}

static void
draw_job_page (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  ExportJob *job = user_data;

  if (job->dataset != NULL)
    straits_chart_draw_page (job->dataset, straits_dataset_get_figure (job->dataset, job->chart),
                             job->chart_kind, job->marking, cr, width, height);
  else if (job->compare != NULL)
    straits_figure_page_draw_compare (job->renderer, job->compare, cr, width, height, &job->options);
  else
    straits_figure_page_draw (job->renderer, cr, width, height, &job->options);
}

/* In a worker: the figure drawn at its size and resolution (a 300-dpi A4
 * page is 8.7 million pixels), encoded and written atomically, then its
 * alt text beside it if asked for. */
static void
export_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  StraitsExportMetadata meta = { job->title, job->alt, NULL, NULL };
  GError *error = NULL;

  if (job->scene != NULL)
    job->renderer = straits_map_renderer_new_for_scene (job->scene);
  if (job->compare_scene != NULL)
    job->compare = straits_map_renderer_new_for_scene (job->compare_scene);
  if (!straits_export_cancellable (job->path, job->width, job->height, job->dpi, 1, draw_job_page, job, &meta,
                                   cancellable, &error) ||
      (job->write_alt && !straits_export_write_alt_text (job->path, job->alt, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The dialog while a figure is written: the spinner and its words, the
 * Export button off; the rest still answers. */
static void
set_busy (StraitsExportDialog *self, gboolean busy)
{
  self->exporting = busy;
  gtk_widget_set_visible (self->busy_box, busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  check_page (self);
}

/* The application runs on until the worker is done, even once its last
 * window has closed (which cancels the export); and it is busy, which
 * quitting waits out (straits_application_shutdown), so that the worker
 * removes its temporary file or finishes the file it writes instead of
 * being stopped halfway. */
static void
hold_application (gboolean hold)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL)
    return;
  if (hold)
    g_application_hold (app);
  else
    g_application_release (app);
  if (hold && g_application_get_is_registered (app))
    g_application_mark_busy (app);
  else if (g_application_get_is_busy (app))
    g_application_unmark_busy (app);
}

/* On the main thread, which lets go of the dialog here. */
static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(StraitsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  hold_application (FALSE);
  /* Closed meanwhile: the export was cancelled, the widgets are gone. */
  if (self->closed)
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  remember (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Exports the figure to @path in a worker; the dialog closes once the
 * file is written, or shows what went wrong. FALSE with @error when it
 * could not start. */
static gboolean
export_to (StraitsExportDialog *self, const char *path, const char *alt, GError **error)
{
  StraitsExportFormat format;
  g_autoptr(GTask) task = NULL;
  double w, h;

  if (self->exporting || !page_size (self, &w, &h) || !straits_export_format_from_filename (path, &format, error) ||
      (format == STRAITS_EXPORT_PNG &&
       !straits_export_check_pixels (w, h, gtk_spin_button_get_value (self->dpi), error)))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->cancellable = g_cancellable_new ();
  /* The dialog is the callback's, not the task's source object: the
   * worker may drop the task last, and a dialog must not be finalized
   * off the main thread. */
  task = g_task_new (NULL, self->cancellable, on_exported, g_object_ref (self));
  g_task_set_source_tag (task, export_to);
  /* The result says whether the file was written, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export_job_new (self, path, alt, w, h), (GDestroyNotify) export_job_free);
  hold_application (TRUE);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, export_in_thread);
  return TRUE;
}

/* What the file chooser's Export does with the file chosen; the dialog
 * closes once the file is written, or stays with what went wrong (no
 * partial file is left). */
void
straits_export_dialog_export_to (StraitsExportDialog *self,
                                 const char          *path)
{
  g_autofree char *alt = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->alt_text, &start, &end);
  alt = gtk_text_buffer_get_text (self->alt_text, &start, &end, FALSE);
  if (!export_to (self, path, alt, &error) && error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    straits_export_dialog_export_to (user_data, path);
  g_object_unref (chooser);
}

static void
on_export_clicked (StraitsExportDialog *self)
{
  const char *ext = chosen_format (self)->extension;
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autofree char *stem = g_strdup (self->dataset != NULL
                                    ? straits_dataset_get_figure (self->dataset, self->chart)->id
                                    : gtk_editable_get_text (GTK_EDITABLE (self->title)));
  g_autofree char *name = NULL;

  g_strdelimit (stem, "/\\\\:*?\"<>|", '-');
  name = g_strconcat (*stem ? stem : _("figure"), ext, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_copy_alt_text (StraitsExportDialog *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (self->alt_text, &start, &end);
  text = gtk_text_buffer_get_text (self->alt_text, &start, &end, FALSE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* Building ------------------------------------------------------------------ */

/* The lists the template cannot hold: the format and size drop-downs from
 * the tables, the sizes ending with "Custom" (custom_size_index()), and
 * the markings after "None". */
static void
fill_drop_downs (StraitsExportDialog *self)
{
  g_autoptr(GtkStringList) format_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) size_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) marking_labels = gtk_string_list_new (NULL);
  guint n_formats, n_sizes;
  const StraitsExportFormatInfo *formats = straits_export_get_formats (&n_formats);
  const StraitsPageSize *sizes = straits_export_get_page_sizes (&n_sizes);

  for (guint i = 0; i < n_formats; i++)
    gtk_string_list_append (format_labels, formats[i].label);
  for (guint i = 0; i < n_sizes; i++)
    gtk_string_list_append (size_labels, _(sizes[i].label));
  gtk_string_list_append (size_labels, _("Custom"));
  gtk_string_list_append (marking_labels, _("None"));
  gtk_string_list_splice (marking_labels, 1, 0, (const char *const *) straits_figure_page_markings ());
  gtk_drop_down_set_model (self->format, G_LIST_MODEL (format_labels));
  gtk_drop_down_set_model (self->size, G_LIST_MODEL (size_labels));
  gtk_drop_down_set_model (self->marking, G_LIST_MODEL (marking_labels));
  gtk_drop_down_set_selected (self->format, STRAITS_EXPORT_PDF);
  gtk_drop_down_set_selected (self->size, size_index ("a4-landscape"));
}

/* Closed (by the user, or with the window it belongs to): a figure being
 * written is given up (its drawing ends, nothing is written) and its
 * callback then does nothing. Here rather than in dispose, which waits
 * for the callback's reference. */
static void
straits_export_dialog_unrealize (GtkWidget *widget)
{
  StraitsExportDialog *self = STRAITS_EXPORT_DIALOG (widget);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (straits_export_dialog_parent_class)->unrealize (widget);
}

static void
straits_export_dialog_dispose (GObject *object)
{
  StraitsExportDialog *self = STRAITS_EXPORT_DIALOG (object);

  self->closed = TRUE;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  g_clear_object (&self->scene);
  g_clear_object (&self->compare);
  g_clear_object (&self->compare_scene);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (straits_export_dialog_parent_class)->dispose (object);
}

static void
straits_export_dialog_class_init (StraitsExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = straits_export_dialog_dispose;
  widget_class->unrealize = straits_export_dialog_unrealize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, format);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, size);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, custom_box);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, custom_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, custom_width);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, custom_height);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, custom_unit);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, dpi);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, subtitle);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, show_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, show_box);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, legend);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, scale_bar);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, credits);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, marking);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, write_alt_text);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, alt_text);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, StraitsExportDialog, busy_spinner);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_alt_text);
}

static void
straits_export_dialog_init (StraitsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  fill_drop_downs (self);
}

GtkWidget *
straits_export_dialog_new (GtkWindow             *parent,
                           StraitsMapScene       *scene,
                           const StraitsViewport *viewport,
                           double                 screen_width,
                           const char            *title,
                           const char            *subtitle,
                           GSettings             *settings)
{
  StraitsExportDialog *self = g_object_new (STRAITS_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  /* A copy: what the figure changes (legend, sizes, highlights) never
   * reaches the screen, which needs no redraw afterwards. */
  self->scene = straits_map_scene_copy (scene);
  self->renderer = straits_map_renderer_new_for_scene (self->scene);
  self->screen_viewport = *viewport;
  self->screen_width = screen_width;
  self->settings = settings ? g_object_ref (settings) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->title), title ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle), subtitle ? subtitle : "");
  restore (self);
  update (self);
  return GTK_WIDGET (self);
}

/* Two dates side by side: the figure has two panels, the map's and
 * @scene's (a copy, as the map's). */
void
straits_export_dialog_set_compare (StraitsExportDialog *self,
                                   StraitsMapScene     *scene)
{
  g_return_if_fail (STRAITS_IS_EXPORT_DIALOG (self) && self->renderer != NULL);
  g_clear_object (&self->compare);
  g_clear_object (&self->compare_scene);
  if (scene != NULL)
    {
      self->compare_scene = straits_map_scene_copy (scene);
      self->compare = straits_map_renderer_new_for_scene (self->compare_scene);
    }
  update (self);
}

/* The rows of what only maps have, labels and all. */
static void
hide_map_rows (StraitsExportDialog *self)
{
  GtkWidget *rows[] = { self->title_label, GTK_WIDGET (self->title), self->subtitle_label,
                        GTK_WIDGET (self->subtitle), self->show_label, self->show_box };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], FALSE);
}

/* A side panel chart, through the same dialog: format, size, resolution,
 * marking, alt text; what only maps have (title block, legend, scale bar,
 * credits: the chart draws its own title and source line) is hidden. */
GtkWidget *
straits_export_dialog_new_for_chart (GtkWindow        *parent,
                                     StraitsDataset   *dataset,
                                     guint32           figure,
                                     StraitsChartKind  kind,
                                     GSettings        *settings)
{
  StraitsExportDialog *self;

  g_return_val_if_fail (figure < straits_dataset_get_n_figures (dataset), NULL);
  self = g_object_new (STRAITS_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->dataset = g_object_ref (dataset);
  self->chart = figure;
  self->chart_kind = kind;
  self->settings = settings ? g_object_ref (settings) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), _("Export Chart"));
  hide_map_rows (self);
  gtk_drop_down_set_selected (self->size, custom_size_index ());
  gtk_drop_down_set_selected (self->custom_unit, 1);
  gtk_spin_button_set_value (self->custom_width, round (STRAITS_CHART_EXPORT_WIDTH / STRAITS_PT_PER_MM));
  gtk_spin_button_set_value (self->custom_height, round (STRAITS_CHART_EXPORT_HEIGHT / STRAITS_PT_PER_MM));
  restore (self);
  update (self);
  return GTK_WIDGET (self);
}
