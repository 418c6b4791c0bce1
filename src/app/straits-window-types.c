/* straits-window-types.c: the Relation Types menu, which relation types
 * the map draws
 *
 * The scene on screen holds the filter; the map, its legend, its
 * accessible description, the split map's right half, exports and
 * bookmarks all read it there. The menu lists every relation type of the
 * dataset, each a check button bound to a boolean action of the
 * "relation-type" group (action "N" for type N) whose state mirrors the
 * scene. Another view is another scene, with that view's own types: the
 * menu says so, and win.relation-types-view returns to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-window-private.h"

/* The current view's own types (NULL: every type); @n: (out). */
static const guint32 *
view_types (StraitsWindow *self, guint *n)
{
  const StraitsViewInfo *info = _straits_window_find_view_info (self, self->current_view);
  StraitsDataset *dataset = self->session != NULL ? straits_session_get_dataset (self->session) : NULL;
  const StraitsView *view;

  *n = 0;
  if (info == NULL || dataset == NULL || info->dataset_view == STRAITS_NO_INDEX)
    return NULL;
  view = straits_dataset_get_view (dataset, info->dataset_view);
  *n = view->n_relation_types;
  return view->relation_types;
}

/* Whether the map draws the types the view draws, whatever their order. */
static gboolean
shows_views_own (StraitsWindow *self, StraitsMapScene *scene)
{
  StraitsDataset *dataset = straits_map_scene_get_dataset (scene);
  guint n;
  const guint32 *own = view_types (self, &n);

  for (guint32 t = 0; dataset != NULL && t < straits_dataset_get_n_relation_types (dataset); t++)
    if (straits_map_scene_shows_relation_type (scene, t) != straits_relation_types_include (own, n, t))
      return FALSE;
  return TRUE;
}

/* The actions' states and what may be chosen, from the scene. */
static void
sync_actions (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  /* The session comes after init (a construct property). */
  StraitsDataset *dataset = self->session != NULL ? straits_session_get_dataset (self->session) : NULL;
  guint n_all = dataset != NULL ? straits_dataset_get_n_relation_types (dataset) : 0;
  guint n;

  for (guint32 t = 0; scene != NULL && t < n_all; t++)
    {
      char name[16];
      GAction *action;

      g_snprintf (name, sizeof name, "%u", t);
      action = g_action_map_lookup_action (G_ACTION_MAP (self->type_actions), name);
      if (action != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                   g_variant_new_boolean (straits_map_scene_shows_relation_type (scene, t)));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relation-types-view",
                                 scene != NULL && !shows_views_own (self, scene));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relation-types-all",
                                 scene != NULL && straits_map_scene_get_relation_types (scene, &n) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->types_button), scene != NULL && n_all > 0);
}

static void
on_scene_changed (StraitsMapScene *scene, guint what, StraitsWindow *self)
{
  if (what & (STRAITS_SCENE_FILTER | STRAITS_SCENE_DATASET))
    sync_actions (self);
}

/* The map got a new scene (another view, another dataset). */
static void
on_scene (StraitsWindow *self)
{
  if (self->types_scene != NULL)
    g_signal_handlers_disconnect_by_func (self->types_scene, on_scene_changed, self);
  g_set_object (&self->types_scene, straits_map_view_get_scene (self->map_view));
  if (self->types_scene != NULL)
    g_signal_connect (self->types_scene, "changed", G_CALLBACK (on_scene_changed), self);
  sync_actions (self);
}

/* A check button turned: the type shown or not; the state follows the
 * scene (sync_actions). */
static void
on_type_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  StraitsWindow *self = user_data;
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  guint64 type;

  if (scene == NULL || !g_ascii_string_to_unsigned (g_action_get_name (G_ACTION (action)), 10, 0, G_MAXUINT32,
                                                    &type, NULL))
    return;
  straits_map_scene_show_relation_type (scene, (guint32) type, g_variant_get_boolean (value));
}

/* The type's colour, as the map draws its arcs; read out by nothing (the
 * check button says the type's name). */
static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const StraitsColour *colour = user_data;
  double side = MIN (width, height);

  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  cairo_rectangle (cr, (width - side) / 2, (height - side) / 2, side, side);
  cairo_fill (cr);
}

static GtkWidget *
type_check_button (const StraitsTypeDef *type, guint32 index)
{
  g_autofree char *action = g_strdup_printf ("relation-type.%u", index);
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA, "content-width", 12, "content-height", 12,
                                    "valign", GTK_ALIGN_CENTER,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (type->label);   /* plain text, not markup */

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  g_memdup2 (&type->colour, sizeof type->colour), g_free);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, type->label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* One check button per relation type of the dataset shown. They are
 * made as the menu first opens, and then with each dataset: at start they
 * took 1.7 of the 11 perf-ms of showing the dataset, for a menu not yet
 * open. */
static void
fill_types_list (StraitsWindow *self)
{
  StraitsDataset *dataset = self->session != NULL ? straits_session_get_dataset (self->session) : NULL;
  GtkWidget *child;

  if (!self->types_list_stale)
    return;
  self->types_list_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->types_list))) != NULL)
    gtk_box_remove (self->types_list, child);
  for (guint32 t = 0; dataset != NULL && t < straits_dataset_get_n_relation_types (dataset); t++)
    gtk_box_append (self->types_list, type_check_button (straits_dataset_get_relation_type (dataset, t), t));
}

/* A new dataset: one action and, once the menu has been opened, one
 * check button per relation type. */
static void
on_dataset (StraitsWindow *self)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);

  for (guint32 t = 0; t < G_MAXUINT32; t++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "%u", t);
      if (g_action_map_lookup_action (G_ACTION_MAP (self->type_actions), name) == NULL)
        break;
      g_action_map_remove_action (G_ACTION_MAP (self->type_actions), name);
    }
  for (guint32 t = 0; dataset != NULL && t < straits_dataset_get_n_relation_types (dataset); t++)
    {
      char name[16];
      g_autoptr(GSimpleAction) action = NULL;

      g_snprintf (name, sizeof name, "%u", t);
      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_signal_connect_object (action, "change-state", G_CALLBACK (on_type_state), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->type_actions), G_ACTION (action));
    }
  self->types_list_stale = TRUE;
  if (gtk_widget_get_realized (GTK_WIDGET (gtk_menu_button_get_popover (self->types_button))))
    fill_types_list (self);
  sync_actions (self);
}

/* "Show the View's Own". */
static void
view_types_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  guint n;
  const guint32 *own = view_types (self, &n);

  if (scene != NULL)
    straits_map_scene_set_relation_types (scene, own, n);
}

/* "Show All". */
static void
all_types_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);

  if (scene != NULL)
    straits_map_scene_set_relation_types (scene, NULL, 0);
}

void
_straits_window_class_types_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.relation-types-view", NULL, view_types_action);
  gtk_widget_class_install_action (widget_class, "win.relation-types-all", NULL, all_types_action);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, types_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsWindow, types_list);
}

void
_straits_window_types_init (StraitsWindow *self)
{
  self->type_actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "relation-type", G_ACTION_GROUP (self->type_actions));
  g_signal_connect_object (self->map_view, "notify::scene", G_CALLBACK (on_scene), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::dataset", G_CALLBACK (on_dataset), NULL);
  /* Filled as the menu is first realized: as it shows, the menu then
   * puts the focus on the first check button. */
  g_signal_connect_object (gtk_menu_button_get_popover (self->types_button), "realize",
                           G_CALLBACK (fill_types_list), self, G_CONNECT_SWAPPED);
  sync_actions (self);
}

void
_straits_window_types_dispose (StraitsWindow *self)
{
  if (self->types_scene != NULL)
    g_signal_handlers_disconnect_by_func (self->types_scene, on_scene_changed, self);
  g_clear_object (&self->types_scene);
  g_clear_object (&self->type_actions);
}
