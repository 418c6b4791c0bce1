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
#include "straits-trace.h"
#include "straits-figure-page.h"
#include "straits-window-private.h"
#include "straits-importer.h"
#include "straits-workbook.h"

/* How long the date or the selection rests before the views not shown
 * are drawn again. */
#define REST_MS 600

G_DEFINE_FINAL_TYPE (StraitsWindow, straits_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PRESENTATION_HIGH_CONTRAST,
  PROP_TERRITORIES,
  PROP_SHOW_LEGEND,
  PROP_SESSION,
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

StraitsMapStyleKind
_straits_window_style_kind (StraitsWindow *self)
{
  return self->presenting && self->presentation_high_contrast ? STRAITS_MAP_STYLE_HIGH_CONTRAST
                                                              : desktop_map_style ();
}

void
_straits_window_screen_style (StraitsMapStyle     *style,
                              StraitsMapStyleKind  kind)
{
  straits_map_style_init (style, kind);
  /* Sizes are in points, shown at the screen's 96 dpi. */
  style->scale = STRAITS_PX_PER_PT;
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
  _straits_window_screen_style (&style, _straits_window_style_kind (self));
  /* Larger for the back of a room while presenting: the slide type scale
   * of exported slides, for the audience's monitor. */
  if (self->presenting)
    style.scale *= MAX (STRAITS_PROJECTOR_SCALE,
                        straits_figure_page_slide_scale (&style, self->audience_height / STRAITS_PX_PER_PT));
  straits_map_scene_freeze (scene);
  straits_map_scene_set_style (scene, &style);
  straits_map_scene_set_convention (scene, self->convention);
  /* An audience always gets the key to the colours. */
  straits_map_scene_set_show_legend (scene, self->show_legend || self->presenting);
  straits_map_scene_thaw (scene);
  straits_side_panel_set_style (self->side_panel, &style);
  /* The views drawn ahead were drawn in the style before. */
  if (straits_map_view_get_frame_count (self->map_view) > 0)
    _straits_window_queue_views_ahead (self);
}

/* Territorial seas ------------------------------------------------------------ */

void
_straits_window_apply_territorial_seas (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);

  if (scene == NULL || straits_session_get_maritime (self->session) == NULL)
    return;
  straits_map_scene_set_territorial_seas (scene, straits_session_get_maritime (self->session), straits_side_panel_get_seas (self->side_panel));
  /* The views drawn ahead showed none yet (measured after the start). */
  if (straits_map_view_get_frame_count (self->map_view) > 0)
    _straits_window_queue_views_ahead (self);
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
  straits_session_take_maritime (self->session, report);
  straits_side_panel_set_maritime (self->side_panel, report);
  _straits_window_apply_territorial_seas (self);
  release_free_memory ();
}

/* Off the main thread, and from the cache after the first time; only
 * once the first map is on screen, so that a first run's measuring does
 * not compete with start-up for the processor. */
static void
start_measuring (StraitsWindow *self)
{
  g_autofree char *dir = g_build_filename (straits_data_dir (), "maritime", NULL);
  g_autofree char *cache = straits_cache_dir ();

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
void
_straits_window_apply_time (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  StraitsDate date;
  gboolean dated = straits_time_bar_get_date (self->time_bar, &date);

  if (scene == NULL)
    return;
  straits_map_scene_set_time (scene, dated ? &date : NULL);
  _straits_window_arms_apply (self);
}

static gboolean
on_change_rested (gpointer data)
{
  StraitsWindow *self = data;

  self->rest_id = 0;
  _straits_window_queue_views_ahead (self);
  return G_SOURCE_REMOVE;
}

/* The views drawn ahead show what the map showed before a change that
 * goes with the user from view to view (the date, the selection): they
 * are drawn again once the changes have rested a moment (the slider, the
 * time bar's play, clicks on one country after another). */
static void
queue_views_after_rest (StraitsWindow *self)
{
  g_clear_handle_id (&self->rest_id, g_source_remove);
  if (straits_map_view_get_frame_count (self->map_view) > 0)
    self->rest_id = g_timeout_add (REST_MS, on_change_rested, self);
}

/* StraitsTimeBar::changed, wired in straits-window.ui. */
static void
on_time_changed (StraitsWindow *self)
{
  StraitsDate date;

  queue_views_after_rest (self);
  _straits_window_apply_time (self);
  straits_side_panel_set_time (self->side_panel,
                               straits_time_bar_get_date (self->time_bar, &date) ? &date : NULL);
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
  g = &straits_dataset_get_grouping (straits_session_get_dataset (self->session), self->group_selection.grouping)->groups[self->group_selection.group];
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

  if (straits_session_get_dataset (self->session) == NULL)
    return;
  queue_views_after_rest (self);
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
void
_straits_window_select_group (StraitsWindow *self, guint32 grouping, guint32 group)
{
  const StraitsGroup *g = &straits_dataset_get_grouping (straits_session_get_dataset (self->session), grouping)->groups[group];

  straits_selection_init_none (&self->group_selection);
  self->group_selection.kind = STRAITS_SELECTION_GROUP;
  self->group_selection.grouping = grouping;
  self->group_selection.group = group;
  straits_map_view_select_actors (self->map_view, g->members, g->n_members);
}

/* A relation, or an event's parties (up to two), selected on the map, at
 * its date: for the history, search and bookmarks alike. */
void
_straits_window_show_entry (StraitsWindow      *self,
                            StraitsHistoryKind  kind,
                            guint32             index)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);

  if (kind == STRAITS_HISTORY_RELATION)
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, index);

      straits_map_view_select_relation (self->map_view, index);
      /* A date it held at: its start, else the date it is attested at;
       * all dates when neither is known (at its end, or a date before
       * an unknown start, the map would not show it). */
      if (straits_date_is_set (&r->start))
        _straits_window_set_time (self, &r->start);
      else if (straits_date_is_set (&r->attested))
        _straits_window_set_time (self, &r->attested);
      else
        straits_time_bar_show_all_dates (self->time_bar);
    }
  else
    {
      const StraitsEvent *e = straits_dataset_get_event (dataset, index);

      straits_map_view_select_actors (self->map_view, e->actors, MIN (e->n_actors, 2));
      _straits_window_set_time (self, &e->date);
    }
}

typedef struct {
  StraitsWindow *window;
  StraitsWindowLaterFunc func;
  guint kind;
  guint32 index;
} Later;

static gboolean
run_later (gpointer data)
{
  Later *job = data;

  if (straits_session_get_dataset (job->window->session) != NULL)
    job->func (job->window, job->kind, job->index);
  return G_SOURCE_REMOVE;
}

static void
later_free (gpointer data)
{
  Later *job = data;

  g_object_unref (job->window);
  g_free (job);
}

/* Runs @func once the event being delivered has been: what it does (a
 * selection that rebuilds the History list, a view switch, a search bar
 * closed and its rows removed) removes widgets GTK may still be delivering
 * a click to, which breaks GTK's accounting of pressed widgets ("Broken
 * accounting of active state", then a gtk_widget_is_ancestor critical on
 * the next selection change). */
void
_straits_window_later (StraitsWindow          *self,
                       StraitsWindowLaterFunc  func,
                       guint                   kind,
                       guint32                 index)
{
  Later *job = g_new (Later, 1);

  *job = (Later) { g_object_ref (self), func, kind, index };
  g_idle_add_full (G_PRIORITY_HIGH, run_later, job, later_free);
}

static void
show_entry (StraitsWindow *self, guint kind, guint32 index)
{
  _straits_window_show_entry (self, (StraitsHistoryKind) kind, index);
}

/* StraitsSidePanel::entry-activated, wired in straits-window.ui. */
static void
on_history_entry_activated (StraitsWindow *self,
                            guint          kind,
                            guint          index)
{
  _straits_window_later (self, show_entry, kind, index);
}

/* Selects the actor, relation or event with @id on the map, or with
 * "GROUPING/GROUP" the members of a group; an empty id clears the selection. FALSE when the dataset has no such item. */
gboolean
straits_window_select_id (StraitsWindow *self,
                          const char    *id)
{
  guint32 index;

  g_return_val_if_fail (STRAITS_IS_WINDOW (self), FALSE);

  if (straits_session_get_dataset (self->session) == NULL)
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
      guint32 grouping = straits_dataset_find_grouping (straits_session_get_dataset (self->session), parts[0]);
      const StraitsGrouping *g = grouping != STRAITS_NO_INDEX ? straits_dataset_get_grouping (straits_session_get_dataset (self->session), grouping) : NULL;

      for (guint i = 0; g != NULL && i < g->n_groups; i++)
        if (g_str_equal (g->groups[i].id, parts[1]))
          {
            _straits_window_select_group (self, grouping, i);
            return TRUE;
          }
      return FALSE;
    }
  if ((index = straits_dataset_find_actor (straits_session_get_dataset (self->session), id)) != STRAITS_NO_INDEX)
    {
      straits_map_view_select_actor (self->map_view, index, FALSE);
      straits_map_view_center_on_actor (self->map_view, index);
      return TRUE;
    }
  if ((index = straits_dataset_find_relation (straits_session_get_dataset (self->session), id)) != STRAITS_NO_INDEX)
    {
      _straits_window_show_entry (self, STRAITS_HISTORY_RELATION, index);
      return TRUE;
    }
  if ((index = straits_dataset_find_event (straits_session_get_dataset (self->session), id)) != STRAITS_NO_INDEX)
    {
      _straits_window_show_entry (self, STRAITS_HISTORY_EVENT, index);
      return TRUE;
    }
  return FALSE;
}

/* Views ------------------------------------------------------------------- */

static void
on_visible_view_changed (StraitsWindow *self)
{
  const char *id = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!self->rebuilding_views && id != NULL && g_strcmp0 (id, self->current_view) != 0)
    _straits_window_show_view (self, id);
}

/* Showing a dataset ------------------------------------------------------- */

void
_straits_window_update_titles (StraitsWindow *self)
{
  const StraitsMetadata *meta = straits_dataset_get_metadata (straits_session_get_dataset (self->session));
  g_autofree char *counts = g_strdup_printf (_("%u actors · %u relations · %u events · %u figures"),
                                             straits_dataset_get_n_actors (straits_session_get_dataset (self->session)),
                                             straits_dataset_get_n_relations (straits_session_get_dataset (self->session)),
                                             straits_dataset_get_n_events (straits_session_get_dataset (self->session)),
                                             straits_dataset_get_n_figures (straits_session_get_dataset (self->session)));
  g_autofree char *as_of = NULL;
  g_autofree char *subtitle = NULL;

  /* A trade register added is the second source, named with its date. */
  if (straits_session_get_sipri (self->session) != NULL)
    as_of = g_strdup_printf (_(" + SIPRI trade register, data generated %s"),
                             straits_sipri_register_get_data_as_of (straits_session_get_sipri (self->session))
                             ? straits_sipri_register_get_data_as_of (straits_session_get_sipri (self->session)) : _("(not stated)"));
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

  if (straits_session_get_dataset (self->session) == NULL)
    return ids;
  for (guint i = 0; i < MIN (n, 2); i++)
    ids.actors[i] = g_strdup (straits_dataset_get_actor (straits_session_get_dataset (self->session), actors[i])->id);
  if (relation != STRAITS_NO_INDEX)
    ids.relation = g_strdup (straits_dataset_get_relation (straits_session_get_dataset (self->session), relation)->id);
  return ids;
}

static void
restore_selection (StraitsWindow *self, const SelectionIds *ids)
{
  guint32 relation = ids->relation ? straits_dataset_find_relation (straits_session_get_dataset (self->session), ids->relation) : STRAITS_NO_INDEX;

  if (relation != STRAITS_NO_INDEX)
    {
      straits_map_view_select_relation (self->map_view, relation);
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      guint32 actor = ids->actors[i] ? straits_dataset_find_actor (straits_session_get_dataset (self->session), ids->actors[i]) : STRAITS_NO_INDEX;

      if (actor != STRAITS_NO_INDEX)
        straits_map_view_select_actor (self->map_view, actor, i > 0);
    }
}

void
_straits_window_show_dataset (StraitsWindow  *self,
                              StraitsDataset *dataset,
                              GFile          *file)
{
  gboolean same_file = straits_session_get_file (self->session) != NULL && g_file_equal (straits_session_get_file (self->session), file);
  SelectionIds ids = same_file ? remember_selection (self) : (SelectionIds) { { NULL, NULL }, NULL };
  StraitsViewport viewport = straits_map_view_get_viewport (self->map_view);
  g_autofree char *view = g_strdup (self->current_view);

  straits_selection_init_none (&self->group_selection);
  straits_session_set_dataset (self->session, dataset, file);
  _straits_window_update_titles (self);
  straits_side_panel_set_dataset (self->side_panel, dataset);
  if (!same_file)
    gtk_widget_set_visible (GTK_WIDGET (self->time_bar), straits_time_bar_set_dataset (self->time_bar, straits_session_get_dataset (self->session)));
  _straits_window_rebuild_view_pages (self);
  g_clear_pointer (&self->current_view, g_free);
  if (view == NULL && self->settings != NULL)
    view = g_settings_get_string (self->settings, "last-view");
  _straits_window_show_view (self, view);
  /* A reload keeps the place and the selection. */
  if (same_file)
    {
      straits_map_view_set_viewport (self->map_view, &viewport);
      restore_selection (self, &ids);
    }
  selection_ids_clear (&ids);
  if (!same_file)
    _straits_window_arms_dataset_shown (self);
  _straits_window_changes_shown (self);
  /* Not at the start: the first map frame goes first. */
  if (straits_map_view_get_frame_count (self->map_view) > 0)
    _straits_window_queue_views_ahead (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
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

/* GObject ---------------------------------------------------------------- */

/* The map's size, scale and style, for the next start to draw its first
 * view in ahead of the window (straits-window-loading.c); not a
 * presentation's. */
static void
remember_map (StraitsWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map_view));

  if (self->settings == NULL || self->presenting || width <= 0 || height <= 0)
    return;
  g_settings_set_int (self->settings, "map-width", width);
  g_settings_set_int (self->settings, "map-height", height);
  g_settings_set_int (self->settings, "map-scale", CLAMP (gtk_widget_get_scale_factor (GTK_WIDGET (self->map_view)), 1, 8));
  /* The schema's MapStyle enum holds StraitsMapStyleKind's values. */
  G_STATIC_ASSERT (STRAITS_MAP_STYLE_LIGHT == 0 && STRAITS_MAP_STYLE_DARK == 1 &&
                   STRAITS_MAP_STYLE_HIGH_CONTRAST == 2);
  g_settings_set_enum (self->settings, "map-style", (int) _straits_window_style_kind (self));
}

/* The frame that drew the map first has been handed to the display.
 * STRAITS_QUIT_AFTER_FIRST_FRAME=1 makes start-up measurable: the
 * application then reports its resident memory and quits. */
static void
on_first_frame_painted (GdkFrameClock *clock,
                        StraitsWindow *self)
{
  g_autofree char *status = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  straits_trace ("first map frame presented");
  {
    /* What the schema's default map size is checked against (e2e). */
    g_autofree char *size = g_strdup_printf ("map size %dx%d", gtk_widget_get_width (GTK_WIDGET (self->map_view)),
                                             gtk_widget_get_height (GTK_WIDGET (self->map_view)));

    straits_trace (size);
  }
  remember_map (self);
  if (!quits_after_first_frame ())
    {
      _straits_window_queue_views_ahead (self);
      return;
    }
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      char *rss = strstr (status, "VmRSS:");
      if (rss != NULL)
        g_printerr ("straits: first map frame; %.*s\n", (int) strcspn (rss, "\n"), rss);
    }
  /* Quits here, as the minimal window it is measured against does
   * (bench/minimal-window.c): from an idle callback, frames that GTK
   * had already queued were drawn first, 8 ms more on the measure. */
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
on_first_frame (StraitsWindow *self)
{
  straits_trace ("first map frame drawn");
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame_painted), self, G_CONNECT_AFTER);
}

static void
straits_window_dispose (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  if (self->map_view != NULL)
    remember_map (self);
  g_clear_object (&self->warm);
  g_clear_pointer (&self->warm_frame, cairo_surface_destroy);
  g_clear_pointer (&self->warm_view, g_free);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  if (self->measuring != NULL)
    g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->ahead_id, g_source_remove);
  g_clear_handle_id (&self->rest_id, g_source_remove);
  _straits_window_presentation_dispose (self);
  _straits_window_arms_dispose (self);
  _straits_window_dates_dispose (self);
  _straits_window_types_dispose (self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->current_view, g_free);
  g_clear_pointer (&self->scenes, g_hash_table_unref);

  G_OBJECT_CLASS (straits_window_parent_class)->dispose (object);
}

static void
straits_window_finalize (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  /* After the map view has let go of its scene and the atlas's maps. */
  g_clear_object (&self->session);
  g_clear_pointer (&self->search_hits, g_array_unref);
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
      g_value_set_object (value, straits_session_get_dataset (self->session));
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
    case PROP_SESSION:
      g_value_set_object (value, self->session);
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
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A window made without a session (tests) has one of its own. */
static void
straits_window_constructed (GObject *object)
{
  StraitsWindow *self = STRAITS_WINDOW (object);

  G_OBJECT_CLASS (straits_window_parent_class)->constructed (object);
  if (self->session == NULL)
    self->session = straits_session_new ();
}

/* Parts of the window that the start does not show are built when first
 * needed (issue 20): the main menu's popover as it first opens (2 ms of
 * the window's building), the view switcher bar's buttons as the bar first
 * shows, in a narrow window (the header's switcher has its own). */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  StraitsWindow *self = data;

  _straits_window_watch_recent (self);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_switcher_bar_reveal (StraitsWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
straits_window_class_init (StraitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = straits_window_constructed;
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
  /* What the application holds: the atlas, the dataset and its layers, the
   * measured seas, the bookmarks. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STRAITS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, time_bar);
  /* Signals are wired in straits-window.ui; each file binds its handlers. */
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_status);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_bar_reveal);
  gtk_widget_class_bind_template_callback (widget_class, on_map_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_history_entry_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "apply_territorial_seas",
                                                G_CALLBACK (_straits_window_apply_territorial_seas));
  gtk_widget_class_bind_template_callback (widget_class, start_measuring);

  gtk_widget_class_install_property_action (widget_class, "win.territories", "territories");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");
  _straits_window_class_loading_init (widget_class);
  _straits_window_class_compare_init (widget_class);
  _straits_window_class_search_init (widget_class);
  _straits_window_class_actions_init (widget_class);
  _straits_window_class_presentation_init (widget_class);
  _straits_window_class_arms_init (widget_class);
  _straits_window_class_types_init (widget_class);
}

static void
straits_window_init (StraitsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scenes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  on_switcher_bar_reveal (self);
  straits_selection_init_none (&self->group_selection);
  _straits_window_presentation_init (self);
  _straits_window_arms_init (self);
  self->show_legend = TRUE;
  _straits_window_actions_init (self);
  _straits_window_dates_init (self);
  _straits_window_types_init (self);
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
      g_settings_bind (self->settings, "legend-collapsed", self->map_view, "legend-collapsed",
                       G_SETTINGS_BIND_DEFAULT);
    }

  _straits_window_search_init (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_straits_window_apply_map_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (_straits_window_apply_map_style), self, G_CONNECT_SWAPPED);
  _straits_window_loading_init (self);
  g_signal_connect_swapped (self->map_view, "first-frame", G_CALLBACK (on_first_frame), self);
}

StraitsWindow *
straits_window_new (GtkApplication *application)
{
  StraitsSession *session = STRAITS_IS_APPLICATION (application)
                            ? straits_application_get_session (STRAITS_APPLICATION (application)) : NULL;

  return g_object_new (STRAITS_TYPE_WINDOW, "application", application, "session", session, NULL);
}
