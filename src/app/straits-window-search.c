/* straits-window-search.c: finding actors, relations, events and groups by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-window-private.h"

#define MAX_SEARCH_RESULTS 40

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
  /* What the row stands for, at the row's index. */
  g_array_append_val (self->search_hits, ((StraitsSearchHit) { kind, index }));
  gtk_list_box_append (self->search_results, row);
}

static void
on_search_changed (StraitsWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_auto(GStrv) words = straits_text_fold_words (text);
  const char *const *needle = (const char *const *) words;
  StraitsDataset *ds = straits_session_get_dataset (self->session);
  guint n = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);
  g_array_set_size (self->search_hits, 0);
  gtk_widget_set_visible (self->search_results_scroller, FALSE);
  if (ds == NULL || needle[0] == NULL)
    return;

  for (guint32 i = 0; i < straits_dataset_get_n_actors (ds) && n < MAX_SEARCH_RESULTS; i++)
    {
      const StraitsActor *a = straits_dataset_get_actor (ds, i);
      const char *texts[] = { a->name, a->id, a->dataset_name, a->short_name };

      if (straits_text_fold_matches (texts, G_N_ELEMENTS (texts), needle))
        add_result (self, RESULT_ACTOR, i, _("Actor"), a->name), n++;
    }
  for (guint32 g = 0; g < straits_dataset_get_n_groupings (ds); g++)
    {
      const StraitsGrouping *grouping = straits_dataset_get_grouping (ds, g);

      for (guint32 k = 0; k < grouping->n_groups && n < MAX_SEARCH_RESULTS; k++)
        if (straits_text_fold_matches ((const char *[]) { grouping->groups[k].label, grouping->groups[k].id }, 2, needle))
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
      if (straits_text_fold_matches ((const char *[]) { label, r->summary }, 2, needle))
        add_result (self, RESULT_RELATION, i, _("Relation"), label), n++;
    }
  for (guint32 i = 0; i < straits_dataset_get_n_events (ds) && n < MAX_SEARCH_RESULTS; i++)
    {
      const StraitsEvent *e = straits_dataset_get_event (ds, i);
      g_autofree char *date = straits_date_format (&e->date);
      g_autofree char *label = g_strdup_printf ("%s (%s)", e->title, date);
      if (straits_text_fold_matches ((const char *[]) { e->title, e->description }, 2, needle))
        add_result (self, RESULT_EVENT, i, _("Event"), label), n++;
    }
  gtk_widget_set_visible (self->search_results_scroller, n > 0);
}

/* Whether the view @info draws relations of @type (a dataset view may
 * leave types out: the Aegean view has no procurement). */
static gboolean
view_shows_type (StraitsDataset *dataset, const StraitsViewInfo *info, guint32 type)
{
  const StraitsView *view;

  if (info->dataset_view == STRAITS_NO_INDEX)
    return TRUE;
  view = straits_dataset_get_view (dataset, info->dataset_view);
  return straits_relation_types_include (view->relation_types, view->n_relation_types, type);
}

/* Whether the view @info draws relation @index: its type, between ends
 * in its region. */
static gboolean
view_shows_relation (StraitsWindow *self, const StraitsViewInfo *info, guint32 index)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  g_autoptr(StraitsMapRenderer) renderer = NULL;

  if (!view_shows_type (dataset, info, straits_dataset_get_relation (dataset, index)->type))
    return FALSE;
  /* The view on screen has its renderer; another gets one for the asking. */
  if (g_strcmp0 (info->id, self->current_view) == 0 && straits_map_view_get_renderer (self->map_view) != NULL)
    return straits_map_renderer_relation_in_region (straits_map_view_get_renderer (self->map_view), index);
  renderer = straits_view_info_new_renderer (straits_session_get_atlas (self->session), dataset, info, NULL);
  return renderer != NULL && straits_map_renderer_relation_in_region (renderer, index);
}

/* No view draws @r: the current one draws its type all the same, its
 * filter lifted for that type, and the user is told. */
static void
lift_filter (StraitsWindow *self, const StraitsRelation *r, const StraitsViewInfo *current)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *text = NULL;
  const guint32 *shown;
  guint n;

  if (scene == NULL || (shown = straits_map_scene_get_relation_types (scene, &n)) == NULL)
    return;
  g_array_append_vals (types, shown, n);
  g_array_append_val (types, r->type);
  straits_map_scene_set_relation_type_array (scene, types);
  /* Translators: a toast when search draws a relation type no view draws,
   * e.g. "No view draws Close relations: the “EU Groupings” view shows them all the same" */
  text = g_strdup_printf (_("No view draws %s: the “%s” view shows them all the same"),
                          straits_dataset_get_relation_type (dataset, r->type)->label, current->title);
  _straits_window_show_text_toast (self, text);
}

/* A relation chosen in search is shown: in the current view if it draws
 * it (its type, in its region), else in the first view that does (and
 * the user is told why the view changed), else in the current view with
 * its filter lifted; at a date the relation held at. */
static void
show_relation (StraitsWindow *self, guint32 index)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  const StraitsRelation *r = straits_dataset_get_relation (dataset, index);
  const StraitsViewInfo *current = _straits_window_find_view_info (self, self->current_view);
  gboolean shown = current == NULL || view_shows_relation (self, current, index);

  for (guint i = 0; !shown && self->views != NULL && i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);

      if (info != current && view_shows_relation (self, info, index))
        {
          /* Translators: a toast when search changes the view, e.g. "Shown in “EU
           * Groupings”: the “Aegean” view leaves out Procurement" */
          g_autofree char *text = g_strdup_printf (_("Shown in “%s”: the “%s” view leaves out %s"), info->title,
                                                   current->title,
                                                   straits_dataset_get_relation_type (dataset, r->type)->label);

          _straits_window_show_view (self, info->id);
          _straits_window_show_text_toast (self, text);
          shown = TRUE;
        }
    }
  if (!shown)
    lift_filter (self, r, current);
  _straits_window_show_entry (self, STRAITS_HISTORY_RELATION, index);
  straits_map_view_center_on_actor (self->map_view, r->from);
}

static void
choose_hit (StraitsWindow *self, guint kind, guint32 index)
{
  /* Closing the search bar empties the entry, which removes the rows. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_set_visible (self->search_results_scroller, FALSE);
  if (kind == RESULT_ACTOR)
    {
      straits_map_view_select_actor (self->map_view, index, FALSE);
      straits_map_view_center_on_actor (self->map_view, index);
    }
  else if (kind == RESULT_RELATION)
    show_relation (self, index);
  else if (kind == RESULT_GROUP)
    _straits_window_select_group (self, index / 1000, index % 1000);
  else
    {
      const StraitsEvent *e = straits_dataset_get_event (straits_session_get_dataset (self->session), index);

      /* Its parties, as of the event, not of whatever date the slider was on. */
      _straits_window_show_entry (self, STRAITS_HISTORY_EVENT, index);
      if (e->n_actors > 0)
        straits_map_view_center_on_actor (self->map_view, e->actors[0]);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
on_search_result_activated (StraitsWindow *self,
                            GtkListBoxRow *row)
{
  const StraitsSearchHit *hit = &g_array_index (self->search_hits, StraitsSearchHit,
                                                 gtk_list_box_row_get_index (row));

  _straits_window_later (self, choose_hit, hit->kind, hit->index);
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

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_straits_window_class_search_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key);
  gtk_widget_class_bind_template_callback (widget_class, on_search_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
}

/* Typing anywhere in the window searches. */
void
_straits_window_search_init (StraitsWindow *self)
{
  self->search_hits = g_array_new (FALSE, FALSE, sizeof (StraitsSearchHit));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
}
