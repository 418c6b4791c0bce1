/* straits-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "straits-application.h"
#include "straits-export.h"
#include "straits-export-dialog.h"
#include "straits-paths.h"
#include "straits-window-private.h"
#include "straits-importer.h"
#include "straits-workbook.h"

/* A changed file is loaded once no change came for this long: editors save
 * in several events, and a file rewritten several times a second (by a
 * script, say) is loaded once it settles, not at every write. */
#define RELOAD_SETTLE_MS 500
#define MAX_SEARCH_RESULTS 40


G_DEFINE_FINAL_TYPE (StraitsWindow, straits_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PRESENTATION_HIGH_CONTRAST,
  PROP_TERRITORIES,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Map style follows the desktop ------------------------------------------- */

static StraitsMapStyleKind
desktop_map_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return STRAITS_MAP_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? STRAITS_MAP_STYLE_DARK : STRAITS_MAP_STYLE_LIGHT;
}

/* Toast titles are markup: @text, which may hold a dataset's strings or a
 * file name, is escaped ("&" would empty the toast, "<span>" restyle it). */
void
_straits_window_show_text_toast (StraitsWindow *self,
                                 const char    *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

void
_straits_window_apply_map_style (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  StraitsMapStyle style;

  if (scene == NULL)
    return;
  if (self->presenting && self->presentation_high_contrast)
    straits_map_style_init (&style, STRAITS_MAP_STYLE_HIGH_CONTRAST);
  else
    straits_map_style_init (&style, desktop_map_style ());
  /* Sizes are in points, shown at the screen's 96 dpi; larger for the
   * back of a room while presenting. */
  style.scale = STRAITS_PX_PER_PT * (self->presenting ? STRAITS_PROJECTOR_SCALE : 1.0);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_style (scene, &style);
  straits_map_scene_set_convention (scene, self->convention);
  /* An audience always gets the key to the colours. */
  straits_map_scene_set_show_legend (scene, self->show_legend || self->presenting);
  straits_map_scene_thaw (scene);
  straits_side_panel_set_style (self->side_panel, &style);
}

/* Territorial seas ------------------------------------------------------------ */

static void
apply_territorial_seas (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);

  if (scene == NULL || self->maritime == NULL)
    return;
  straits_map_scene_set_territorial_seas (scene, self->maritime, straits_side_panel_get_seas (self->side_panel));
}

/* Measuring builds GEOS geometries of tens of megabytes in worker
 * threads, and glibc keeps what they freed in the threads' arenas; give it
 * back, so that the resident size is what the window holds. */
static void
release_free_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* STRAITS_QUIT_AFTER_FIRST_FRAME=1: start-up measurements (see
 * on_first_frame). */
static gboolean
quits_after_first_frame (void)
{
  return g_strcmp0 (g_getenv ("STRAITS_QUIT_AFTER_FIRST_FRAME"), "1") == 0;
}

static void
on_maritime_measured (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  StraitsMaritimeReport *report = straits_maritime_get_finish (result, &error);
  StraitsWindow *self;

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = STRAITS_WINDOW (user_data);
  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Territorial seas could not be measured: %s"), error->message);
      _straits_window_show_text_toast (self, text);
      return;
    }
  self->maritime = report;
  straits_side_panel_set_maritime (self->side_panel, report);
  apply_territorial_seas (self);
  release_free_memory ();
}

/* Off the main thread, and from the cache after the first time; only
 * once the first map is on screen, so that a first run's measuring does
 * not compete with start-up for the processor. */
static void
start_measuring (StraitsWindow *self)
{
  g_autofree char *dir = g_build_filename (straits_data_dir (), "maritime", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "straits", NULL);

  /* Start-up measurements quit at the first frame; they would wait for
   * a first run's measuring to end (see straits_application_shutdown). */
  if (self->measuring != NULL || quits_after_first_frame ())
    return;
  self->measuring = g_cancellable_new ();
  straits_application_hold_work (STRAITS_APPLICATION (g_application_get_default ()));
  straits_maritime_get_async (dir, cache, self->measuring, on_maritime_measured, self);
}

/* Time ------------------------------------------------------------------- */

gboolean
_straits_window_time_is_all (StraitsWindow *self)
{
  StraitsDate date;

  return !straits_time_bar_get_date (self->time_bar, &date);
}

StraitsDate
_straits_window_time_slider_date (StraitsWindow *self)
{
  StraitsDate date;

  straits_time_bar_get_date (self->time_bar, &date);
  return date;
}

/* Gives the map the time bar's date. */
static void
apply_time (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  StraitsDate date;
  gboolean dated = straits_time_bar_get_date (self->time_bar, &date);

  if (scene == NULL)
    return;
  straits_map_scene_set_time (scene, dated ? &date : NULL);
  _straits_window_arms_apply (self);
}

/* StraitsTimeBar::changed, wired in straits-window.ui. */
static void
on_time_changed (StraitsWindow *self)
{
  StraitsDate date;

  apply_time (self);
  if (straits_time_bar_get_date (self->time_bar, &date))
    straits_side_panel_scroll_to_date (self->side_panel, &date);
}

/* Moves the time bar to @date (kept when @date is unset). */
void
_straits_window_set_time (StraitsWindow *self, const StraitsDate *date)
{
  straits_time_bar_set_date (self->time_bar, date);
}

/* Side panel ------------------------------------------------------------------ */

static StraitsSelection
map_selection (StraitsWindow *self)
{
  StraitsSelection selection;
  guint n = 0;
  const guint32 *actors = straits_map_view_get_selected_actors (self->map_view, &n);
  guint32 relation = straits_map_view_get_selected_relation (self->map_view);

  straits_selection_init_none (&selection);
  if (relation != STRAITS_NO_INDEX)
    {
      selection.kind = STRAITS_SELECTION_RELATION;
      selection.relation = relation;
    }
  else if (n >= 2)
    {
      selection.kind = STRAITS_SELECTION_PAIR;
      selection.actors[0] = actors[0];
      selection.actors[1] = actors[1];
    }
  else if (n == 1)
    {
      selection.kind = STRAITS_SELECTION_ACTOR;
      selection.actors[0] = actors[0];
    }
  return selection;
}

/* Whether the map's selection is still exactly the members of the group
 * chosen last. */
static gboolean
map_shows_group (StraitsWindow *self)
{
  const StraitsGroup *g;
  guint n = 0;
  const guint32 *actors = straits_map_view_get_selected_actors (self->map_view, &n);

  if (self->group_selection.kind != STRAITS_SELECTION_GROUP)
    return FALSE;
  g = &straits_dataset_get_grouping (self->dataset, self->group_selection.grouping)->groups[self->group_selection.group];
  if (n != g->n_members || straits_map_view_get_selected_relation (self->map_view) != STRAITS_NO_INDEX)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (actors[i] != g->members[i])
      return FALSE;
  return TRUE;
}

static void
on_map_selection_changed (StraitsWindow *self)
{
  StraitsSelection selection;

  if (self->dataset == NULL)
    return;
  if (map_shows_group (self))
    selection = self->group_selection;
  else
    {
      straits_selection_init_none (&self->group_selection);
      selection = map_selection (self);
    }
  straits_side_panel_set_selection (self->side_panel, &selection);
}

/* A group of a grouping: its members selected on the map, the group in
 * the side panel. */
static void
select_group (StraitsWindow *self, guint32 grouping, guint32 group)
{
  const StraitsGroup *g = &straits_dataset_get_grouping (self->dataset, grouping)->groups[group];

  straits_selection_init_none (&self->group_selection);
  self->group_selection.kind = STRAITS_SELECTION_GROUP;
  self->group_selection.grouping = grouping;
  self->group_selection.group = group;
  straits_map_view_select_actors (self->map_view, g->members, g->n_members);
}

/* An entry chosen in the history: its parties on the map, at its date. */
static void
on_history_entry_activated (StraitsWindow *self,
                            guint          kind,
                            guint          index)
{
  if (kind == STRAITS_HISTORY_RELATION)
    {
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, index);

      straits_map_view_select_relation (self->map_view, index);
      _straits_window_set_time (self, straits_date_is_set (&r->start) ? &r->start : &r->end);
    }
  else
    {
      const StraitsEvent *e = straits_dataset_get_event (self->dataset, index);

      for (guint i = 0; i < MIN (e->n_actors, 2); i++)
        straits_map_view_select_actor (self->map_view, e->actors[i], i > 0);
      _straits_window_set_time (self, &e->date);
    }
}

/* Selects the actor, relation or event with @id on the map, or with
 * "GROUPING/GROUP" the members of a group; an empty id clears the selection. FALSE when the dataset has no such item. */
gboolean
straits_window_select_id (StraitsWindow *self,
                          const char    *id)
{
  guint32 index;

  g_return_val_if_fail (STRAITS_IS_WINDOW (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;
  if (id == NULL || *id == '\0')
    {
      straits_map_view_clear_selection (self->map_view);
      return TRUE;
    }
  if (strchr (id, '/') != NULL)
    {
      /* "GROUPING/GROUP" */
      g_auto(GStrv) parts = g_strsplit (id, "/", 2);
      guint32 grouping = straits_dataset_find_grouping (self->dataset, parts[0]);
      const StraitsGrouping *g = grouping != STRAITS_NO_INDEX ? straits_dataset_get_grouping (self->dataset, grouping) : NULL;

      for (guint i = 0; g != NULL && i < g->n_groups; i++)
        if (g_str_equal (g->groups[i].id, parts[1]))
          {
            select_group (self, grouping, i);
            return TRUE;
          }
      return FALSE;
    }
  if ((index = straits_dataset_find_actor (self->dataset, id)) != STRAITS_NO_INDEX)
    {
      straits_map_view_select_actor (self->map_view, index, FALSE);
      straits_map_view_center_on_actor (self->map_view, index);
      return TRUE;
    }
  if ((index = straits_dataset_find_relation (self->dataset, id)) != STRAITS_NO_INDEX)
    {
      on_history_entry_activated (self, STRAITS_HISTORY_RELATION, index);
      return TRUE;
    }
  if ((index = straits_dataset_find_event (self->dataset, id)) != STRAITS_NO_INDEX)
    {
      on_history_entry_activated (self, STRAITS_HISTORY_EVENT, index);
      return TRUE;
    }
  return FALSE;
}

/* Views ------------------------------------------------------------------- */

const StraitsViewInfo *
_straits_window_find_view_info (StraitsWindow *self, const char *id)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);
      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }
  return NULL;
}

static const char *
view_icon (const char *id)
{
  if (g_str_equal (id, "eu-groupings"))
    return "view-grid-symbolic";
  return "mark-location-symbolic";
}

static void
rebuild_view_pages (StraitsWindow *self)
{
  GtkWidget *child;

  self->rebuilding_views = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack))) != NULL)
    adw_view_stack_remove (self->view_stack, child);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = straits_list_views (self->dataset);
  for (guint i = 0; i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_view_stack_add_titled_with_icon (self->view_stack, page, info->id, info->title, view_icon (info->id));
    }
  self->rebuilding_views = FALSE;
}

void
straits_window_show_view (StraitsWindow *self,
                          const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMapScene) scene = NULL;
  const StraitsViewInfo *info = _straits_window_find_view_info (self, id);

  if (info == NULL && self->views != NULL && self->views->len > 0)
    info = g_ptr_array_index (self->views, 0);
  if (info == NULL)
    return;
  scene = straits_map_scene_new_for_view (self->atlas, self->dataset, info, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), scene == NULL);
  if (scene == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->empty_page, markup);
      return;
    }
  straits_map_view_set_scene (self->map_view, scene);
  _straits_window_apply_map_style (self);
  apply_time (self);
  apply_territorial_seas (self);
  g_free (self->current_view);
  self->current_view = g_strdup (info->id);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), info->id) != 0)
    adw_view_stack_set_visible_child_name (self->view_stack, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  info->title, -1);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", info->id);
}

static void
on_visible_view_changed (StraitsWindow *self)
{
  const char *id = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!self->rebuilding_views && id != NULL && g_strcmp0 (id, self->current_view) != 0)
    straits_window_show_view (self, id);
}

/* Showing a dataset ------------------------------------------------------- */

void
_straits_window_update_titles (StraitsWindow *self)
{
  const StraitsMetadata *meta = straits_dataset_get_metadata (self->dataset);
  g_autofree char *counts = g_strdup_printf (_("%u actors · %u relations · %u events · %u figures"),
                                             straits_dataset_get_n_actors (self->dataset),
                                             straits_dataset_get_n_relations (self->dataset),
                                             straits_dataset_get_n_events (self->dataset),
                                             straits_dataset_get_n_figures (self->dataset));
  g_autofree char *as_of = NULL;
  g_autofree char *subtitle = NULL;

  /* A trade register added is the second source, named with its date. */
  if (self->sipri != NULL)
    as_of = g_strdup_printf (_(" + SIPRI trade register, data generated %s"),
                             straits_sipri_register_get_data_as_of (self->sipri)
                             ? straits_sipri_register_get_data_as_of (self->sipri) : _("(not stated)"));
  subtitle = g_strconcat (counts, as_of ? as_of : "", NULL);

  adw_view_switcher_title_set_title (self->switcher_title, meta->title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), meta->title);
}

/* Ids of the selected items, to find them again in a reloaded dataset. */
typedef struct {
  char *actors[2];
  char *relation;
} SelectionIds;

static void
selection_ids_clear (SelectionIds *ids)
{
  g_clear_pointer (&ids->actors[0], g_free);
  g_clear_pointer (&ids->actors[1], g_free);
  g_clear_pointer (&ids->relation, g_free);
}

static SelectionIds
remember_selection (StraitsWindow *self)
{
  SelectionIds ids = { { NULL, NULL }, NULL };
  guint n;
  const guint32 *actors = straits_map_view_get_selected_actors (self->map_view, &n);
  guint32 relation = straits_map_view_get_selected_relation (self->map_view);

  if (self->dataset == NULL)
    return ids;
  for (guint i = 0; i < MIN (n, 2); i++)
    ids.actors[i] = g_strdup (straits_dataset_get_actor (self->dataset, actors[i])->id);
  if (relation != STRAITS_NO_INDEX)
    ids.relation = g_strdup (straits_dataset_get_relation (self->dataset, relation)->id);
  return ids;
}

static void
restore_selection (StraitsWindow *self, const SelectionIds *ids)
{
  guint32 relation = ids->relation ? straits_dataset_find_relation (self->dataset, ids->relation) : STRAITS_NO_INDEX;

  if (relation != STRAITS_NO_INDEX)
    {
      straits_map_view_select_relation (self->map_view, relation);
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      guint32 actor = ids->actors[i] ? straits_dataset_find_actor (self->dataset, ids->actors[i]) : STRAITS_NO_INDEX;

      if (actor != STRAITS_NO_INDEX)
        straits_map_view_select_actor (self->map_view, actor, i > 0);
    }
}

static void
show_dataset (StraitsWindow  *self,
              StraitsDataset *dataset,
              GFile          *file)
{
  gboolean same_file = self->file != NULL && g_file_equal (self->file, file);
  SelectionIds ids = same_file ? remember_selection (self) : (SelectionIds) { { NULL, NULL }, NULL };
  StraitsViewport viewport = straits_map_view_get_viewport (self->map_view);
  g_autofree char *view = g_strdup (self->current_view);

  straits_selection_init_none (&self->group_selection);
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);
  _straits_window_update_titles (self);
  straits_side_panel_set_dataset (self->side_panel, dataset);
  if (!same_file)
    gtk_widget_set_visible (GTK_WIDGET (self->time_bar), straits_time_bar_set_dataset (self->time_bar, self->dataset));
  rebuild_view_pages (self);
  g_clear_pointer (&self->current_view, g_free);
  if (view == NULL && self->settings != NULL)
    view = g_settings_get_string (self->settings, "last-view");
  straits_window_show_view (self, view);
  /* A reload keeps the place and the selection. */
  if (same_file)
    {
      straits_map_view_set_viewport (self->map_view, &viewport);
      restore_selection (self, &ids);
    }
  selection_ids_clear (&ids);
  if (!same_file)
    _straits_window_arms_dataset_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/* Loading ------------------------------------------------------------------- */

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

/* What a load needs off the main thread: the file, and the atlas and the
 * view to be shown, so that the view's projection is ready with the data. */
typedef struct {
  GFile *file;
  StraitsAtlas *atlas;
  char *view;
} LoadJob;

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
static StraitsDataset *
load_dataset_or_workbook (const char *path, GPtrArray **diagnostics)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return straits_workbook_load (folder, diagnostics, NULL);
    }
  return straits_dataset_load_any (path, diagnostics, NULL);
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
    result->dataset = load_dataset_or_workbook (path, &result->diagnostics);

  if (result->dataset != NULL && job->view != NULL)
    {
      g_autoptr(StraitsViewInfo) info = straits_find_view (result->dataset, job->view, NULL);

      if (info != NULL)
        straits_atlas_get_map (job->atlas, info->region, NULL);
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
                                  self->dataset ? _("The dataset has errors. The data already on screen is kept.")
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

static void
on_toast_details (AdwToast *toast,
                  gpointer  user_data)
{
  show_errors_dialog (STRAITS_WINDOW (user_data), g_object_get_data (G_OBJECT (toast), "file-name"),
                      g_object_get_data (G_OBJECT (toast), "details"));
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

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "file-name", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (toast), "details", diagnostics_text (diags), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_details), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  gtk_label_set_text (self->status_label, g_object_get_data (G_OBJECT (toast), "details"));
}

static void watch_file (StraitsWindow *self);

static void
note_recent (StraitsWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *bundled = straits_bundled_dataset_path ();

  if (g_strcmp0 (g_file_peek_path (file), bundled) == 0)
    return;
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-dataset", uri);
}

static void schedule_reload (StraitsWindow *self);

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
  show_dataset (self, result->dataset, file);
  watch_file (self);
  note_recent (self, file);
  gtk_label_set_text (self->status_label, "");
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
  /* A load superseded by a newer one (or by closing the window) shows
   * nothing and leaves the newer one's state alone. */
  gboolean current = self->loading != NULL && g_task_get_cancellable (task) == self->loading;

  straits_application_release_work (STRAITS_APPLICATION (g_application_get_default ()));
  if (current)
    g_clear_object (&self->loading);
  if (current && result != NULL)
    show_load_result (self, file, result);
  g_clear_pointer (&result, load_result_free);
  if (current && self->reload_pending)
    {
      self->reload_pending = FALSE;
      schedule_reload (self);
    }
}

void
straits_window_open_file (StraitsWindow *self,
                          GFile         *file)
{
  GTask *task;

  g_return_if_fail (STRAITS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_debug ("loading %s", g_file_peek_path (file));
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  task = g_task_new (NULL, self->loading, on_loaded, g_object_ref (self));
  {
    LoadJob *job = g_new0 (LoadJob, 1);

    job->file = g_object_ref (file);
    job->atlas = self->atlas;
    job->view = self->current_view ? g_strdup (self->current_view)
              : self->settings ? g_settings_get_string (self->settings, "last-view") : NULL;
    g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  }
  straits_application_hold_work (STRAITS_APPLICATION (g_application_get_default ()));
  g_task_run_in_thread (task, load_in_thread);
  g_object_unref (task);
}

/* One load at a time: a change during a load is read after it. */
static gboolean
reload_now (gpointer data)
{
  StraitsWindow *self = data;

  self->reload_id = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;
  if (self->loading != NULL)
    self->reload_pending = TRUE;
  else
    straits_window_open_file (self, self->file);
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
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

StraitsDataset *
straits_window_get_dataset (StraitsWindow *self)
{
  g_return_val_if_fail (STRAITS_IS_WINDOW (self), NULL);
  return self->dataset;
}

/* Search --------------------------------------------------------------------- */

typedef enum { RESULT_ACTOR, RESULT_RELATION, RESULT_EVENT, RESULT_GROUP } ResultKind;

static void
add_result (StraitsWindow *self, ResultKind kind, guint32 index, const char *kind_label, const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *tag = gtk_label_new (kind_label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_add_css_class (tag, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  gtk_list_box_append (self->search_results, row);
}

static void
on_search_changed (StraitsWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = straits_text_fold (text);
  StraitsDataset *ds = self->dataset;
  guint n = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);
  gtk_widget_set_visible (self->search_results_scroller, FALSE);
  if (ds == NULL || *needle == '\0')
    return;

  for (guint32 i = 0; i < straits_dataset_get_n_actors (ds) && n < MAX_SEARCH_RESULTS; i++)
    {
      const StraitsActor *a = straits_dataset_get_actor (ds, i);
      if (straits_text_contains_folded (a->name, needle) || straits_text_contains_folded (a->id, needle) ||
          (a->dataset_name != NULL && straits_text_contains_folded (a->dataset_name, needle)) || straits_text_contains_folded (a->short_name, needle))
        add_result (self, RESULT_ACTOR, i, _("Actor"), a->name), n++;
    }
  for (guint32 g = 0; g < straits_dataset_get_n_groupings (ds); g++)
    {
      const StraitsGrouping *grouping = straits_dataset_get_grouping (ds, g);

      for (guint32 k = 0; k < grouping->n_groups && n < MAX_SEARCH_RESULTS; k++)
        if (straits_text_contains_folded (grouping->groups[k].label, needle) || straits_text_contains_folded (grouping->groups[k].id, needle))
          {
            g_autofree char *label = g_strdup_printf ("%s (%s)", grouping->groups[k].label, grouping->label);

            /* Groups are numbered after their grouping: grouping * 1000 + group. */
            add_result (self, RESULT_GROUP, g * 1000 + k, _("Group"), label), n++;
          }
    }
  for (guint32 i = 0; i < straits_dataset_get_n_relations (ds) && n < MAX_SEARCH_RESULTS; i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (ds, i);
      const StraitsTypeDef *t = straits_dataset_get_relation_type (ds, r->type);
      g_autofree char *label = g_strdup_printf ("%s: %s → %s", t->label,
                                                straits_dataset_get_actor (ds, r->from)->name,
                                                straits_dataset_get_actor (ds, r->to)->name);
      if (straits_text_contains_folded (label, needle) || straits_text_contains_folded (r->summary, needle))
        add_result (self, RESULT_RELATION, i, _("Relation"), label), n++;
    }
  for (guint32 i = 0; i < straits_dataset_get_n_events (ds) && n < MAX_SEARCH_RESULTS; i++)
    {
      const StraitsEvent *e = straits_dataset_get_event (ds, i);
      g_autofree char *date = straits_date_format (&e->date);
      g_autofree char *label = g_strdup_printf ("%s (%s)", e->title, date);
      if (straits_text_contains_folded (e->title, needle) || straits_text_contains_folded (e->description, needle))
        add_result (self, RESULT_EVENT, i, _("Event"), label), n++;
    }
  gtk_widget_set_visible (self->search_results_scroller, n > 0);
}

static void
on_search_result_activated (StraitsWindow *self,
                            GtkListBoxRow *row)
{
  ResultKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  guint32 index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (kind == RESULT_ACTOR)
    {
      straits_map_view_select_actor (self->map_view, index, FALSE);
      straits_map_view_center_on_actor (self->map_view, index);
    }
  else if (kind == RESULT_RELATION)
    {
      straits_map_view_select_relation (self->map_view, index);
      straits_map_view_center_on_actor (self->map_view, straits_dataset_get_relation (self->dataset, index)->from);
    }
  else if (kind == RESULT_GROUP)
    select_group (self, index / 1000, index % 1000);
  else
    {
      const StraitsEvent *e = straits_dataset_get_event (self->dataset, index);

      straits_map_view_clear_selection (self->map_view);
      for (guint i = 0; i < MIN (e->n_actors, 2); i++)
        straits_map_view_select_actor (self->map_view, e->actors[i], i > 0);
      if (e->n_actors > 0)
        straits_map_view_center_on_actor (self->map_view, e->actors[0]);
    }
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_set_visible (self->search_results_scroller, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
on_search_activate (StraitsWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  if (first != NULL)
    on_search_result_activated (self, first);
}

/* Down from the search entry goes to the results, where Up and Down move
 * and Enter or Space choose, as in GNOME's search lists. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               StraitsWindow         *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      !gtk_widget_get_visible (self->search_results_scroller) ||
      (first = gtk_list_box_get_row_at_index (self->search_results, 0)) == NULL)
    return FALSE;
  gtk_list_box_select_row (self->search_results, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_search_mode_changed (StraitsWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_set_visible (self->search_results_scroller, FALSE);
}

/* Status line: what the pointer is on, else what is selected. */
static void
update_status (StraitsWindow *self)
{
  g_autofree char *hover = NULL;
  g_autofree char *selection = straits_map_view_describe_selection (self->map_view);

  g_object_get (self->map_view, "hover-description", &hover, NULL);
  if (hover != NULL)
    gtk_label_set_text (self->status_label, hover);
  else if (selection != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Selected: %s"), selection);
      gtk_label_set_text (self->status_label, text);
    }
  else
    gtk_label_set_text (self->status_label, "");
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
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
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
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workbooks);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
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

  if (self->file != NULL)
    straits_window_open_file (self, self->file);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}


/* Ctrl+E: the map as it is on screen, as a figure. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  const StraitsViewInfo *info = _straits_window_find_view_info (self, self->current_view);
  StraitsViewport vp = straits_map_view_get_viewport (self->map_view);
  GtkWidget *dialog;

  if (scene == NULL || info == NULL)
    return;
  dialog = straits_export_dialog_new (GTK_WINDOW (self), scene, &vp,
                                      gtk_widget_get_width (GTK_WIDGET (self->map_view)),
                                      info->title, info->subtitle, self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* StraitsSidePanel::export-chart: a side panel chart, through the same
 * dialog as the map's figures. */
static void
on_export_chart (StraitsWindow *self,
                 guint          figure,
                 gboolean       donut)
{
  if (self->dataset == NULL || figure >= straits_dataset_get_n_figures (self->dataset))
    return;
  gtk_window_present (GTK_WINDOW (straits_export_dialog_new_for_chart (GTK_WINDOW (self), self->dataset, figure,
                                                                       donut ? STRAITS_CHART_DONUT : STRAITS_CHART_AUTO,
                                                                       self->settings)));
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

void
straits_window_show_about (StraitsWindow *self)
{
  GtkWidget *about = adw_about_window_new ();
  const char *developers[] = { _("The Straits developers"), NULL };
  const char *map_credits[] = { _("Made with Natural Earth: free vector and raster map data"), NULL };

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Straits"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
    _("Explore relations, events and figures of European security policy on maps of the Black Sea, the Aegean and Europe."));

  for (guint i = 0; self->dataset != NULL && i < straits_dataset_get_n_sources (self->dataset); i++)
    {
      const StraitsSource *s = straits_dataset_get_source (self->dataset, i);
      g_autofree char *authors = s->authors ? g_strjoinv (", ", (char **) s->authors) : NULL;
      g_autofree char *line = g_strdup_printf ("%s%s%s%s%s", authors ? authors : "", authors ? ": " : "",
                                               s->title, s->licence ? ", " : "", s->licence ? s->licence : "");
      const char *names[] = { line, NULL };

      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Dataset sources"), names);
    }
  if (self->sipri != NULL)
    {
      g_autofree char *citation = straits_sipri_register_citation (self->sipri);
      const char *names[] = { citation, NULL };

      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Trade register"), names);
    }
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map data"), map_credits);
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (about));
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

/* GObject ---------------------------------------------------------------- */

/* STRAITS_QUIT_AFTER_FIRST_FRAME=1 makes start-up measurable: the
 * application reports its resident memory and quits once the map shows. */
static gboolean
quit_now (gpointer data)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (data))));
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (StraitsWindow *self)
{
  g_autofree char *status = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      char *rss = strstr (status, "VmRSS:");
      if (rss != NULL)
        g_printerr ("straits: first map frame; %.*s\n", (int) strcspn (rss, "\n"), rss);
    }
  g_idle_add (quit_now, self);
}

static void
straits_window_dispose (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  if (self->measuring != NULL)
    g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  g_clear_pointer (&self->maritime, straits_maritime_report_free);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  _straits_window_presentation_dispose (self);
  _straits_window_arms_dispose (self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->current_view, g_free);

  G_OBJECT_CLASS (straits_window_parent_class)->dispose (object);
}

static void
straits_window_finalize (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  /* After the map view has let go of its renderer and projected map. */
  g_clear_pointer (&self->atlas, straits_atlas_free);
  G_OBJECT_CLASS (straits_window_parent_class)->finalize (object);
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
    case PROP_PRESENTATION_HIGH_CONTRAST:
      g_value_set_boolean (value, self->presentation_high_contrast);
      break;
    case PROP_TERRITORIES:
      g_value_set_string (value, straits_convention_to_string (self->convention));
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_HIGH_CONTRAST:
      if (self->presentation_high_contrast == g_value_get_boolean (value))
        return;
      self->presentation_high_contrast = g_value_get_boolean (value);
      if (self->presenting)
        _straits_window_apply_map_style (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TERRITORIES:
      {
        StraitsConvention convention;

        if (!straits_convention_from_string (g_value_get_string (value), &convention) ||
            convention == self->convention)
          return;
        self->convention = convention;
        _straits_window_apply_map_style (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_SHOW_LEGEND:
      if (self->show_legend == g_value_get_boolean (value))
        return;
      self->show_legend = g_value_get_boolean (value);
      _straits_window_apply_map_style (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
straits_window_class_init (StraitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_window_dispose;
  object_class->finalize = straits_window_finalize;
  object_class->get_property = straits_window_get_property;
  object_class->set_property = straits_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, STRAITS_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Slides in the high-contrast map style, whatever the desktop's style:
   * projectors wash out pale fills. */
  properties[PROP_PRESENTATION_HIGH_CONTRAST] =
    g_param_spec_boolean ("presentation-high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Disputed and occupied areas: "eu" (as the EU recognises them) or
   * "de-facto" (Natural Earth's lines of control). */
  properties[PROP_TERRITORIES] =
    g_param_spec_string ("territories", NULL, NULL, "eu",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The map's legend in the window (L); always shown while presenting. */
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STRAITS_TYPE_MAP_VIEW);
  g_type_ensure (STRAITS_TYPE_SIDE_PANEL);
  g_type_ensure (STRAITS_TYPE_TIME_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, search_results_scroller);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, time_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_property_action (widget_class, "win.territories", "territories");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");
  _straits_window_class_presentation_init (widget_class);
  _straits_window_class_arms_init (widget_class);
}

/* L toggles the legend, except while the user types (the search entry,
 * a title): taken in the capture phase, before type-to-search, which
 * would otherwise start a search for "l". */
static gboolean
legend_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.show-legend", NULL);
}

static void
add_legend_key (StraitsWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, 0),
                                                          gtk_callback_action_new (legend_key, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
straits_window_init (StraitsWindow *self)
{
  g_autofree char *basemap_dir = g_build_filename (straits_data_dir (), "basemap", NULL);
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  straits_selection_init_none (&self->group_selection);
  _straits_window_presentation_init (self);
  _straits_window_arms_init (self);
  self->atlas = straits_atlas_new (basemap_dir);
  self->show_legend = TRUE;
  add_legend_key (self);
  self->settings = straits_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "presentation-high-contrast", self, "presentation-high-contrast",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "territories", self, "territories", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (on_visible_view_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_swapped (self->search_results, "row-activated", G_CALLBACK (on_search_result_activated), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->map_view, "notify::hover-description", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->map_view, "notify::selected-actor", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->map_view, "notify::selected-relation", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->map_view, "notify::selected-actor", G_CALLBACK (on_map_selection_changed), self);
  g_signal_connect_swapped (self->map_view, "notify::second-actor", G_CALLBACK (on_map_selection_changed), self);
  g_signal_connect_swapped (self->map_view, "notify::selected-relation", G_CALLBACK (on_map_selection_changed), self);
  g_signal_connect_swapped (self->side_panel, "entry-activated", G_CALLBACK (on_history_entry_activated), self);
  g_signal_connect_swapped (self->side_panel, "seas-changed", G_CALLBACK (apply_territorial_seas), self);
  g_signal_connect_swapped (self->side_panel, "export-chart", G_CALLBACK (on_export_chart), self);
  g_signal_connect_swapped (self->map_view, "first-frame", G_CALLBACK (start_measuring), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_straits_window_apply_map_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (_straits_window_apply_map_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  if (quits_after_first_frame ())
    g_signal_connect_swapped (self->map_view, "first-frame", G_CALLBACK (on_first_frame), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

StraitsWindow *
straits_window_new (GtkApplication *application)
{
  return g_object_new (STRAITS_TYPE_WINDOW, "application", application, NULL);
}
