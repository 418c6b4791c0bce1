/* straits-window-presentation.c: presentation mode (F5), its slides (the
 * dataset's views, then the user's bookmarks for this dataset), bookmarks
 * (Ctrl+D) and the handout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-bookmarks-dialog.h"
#include "straits-dataset-diff.h"
#include "straits-export.h"
#include "straits-paths.h"
#include "straits-presenter-console.h"
#include "straits-slides.h"
#include "straits-window-private.h"

/* The user's bookmarks, from the session; a file that could not be read
 * is reported once. */
static StraitsBookmarks *
bookmarks (StraitsWindow *self)
{
  g_autoptr(GError) error = NULL;
  StraitsBookmarks *marks = straits_session_get_bookmarks (self->session, &error);

  if (error != NULL)
    _straits_window_show_text_toast (self, error->message);
  return marks;
}

/* The slides: the dataset's views, then its bookmarks (the session says
 * which, for the handout too). */
static void
collect_slides (StraitsWindow *self)
{
  bookmarks (self);
  g_clear_pointer (&self->slides, g_array_unref);
  self->slides = straits_session_list_slides (self->session, self->views != NULL ? self->views->len : 0);
}

/* A bookmark's state: view, place, date, selection, overlays, relation
 * types, panel page. */
static void
show_bookmark (StraitsWindow *self, const StraitsBookmark *b)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  StraitsBookmarkTarget target;
  StraitsDate date;

  _straits_window_show_view (self, b->view);
  if (b->has_viewport)
    straits_map_view_set_viewport (self->map_view, &(StraitsViewport) { b->cx, b->cy, b->resolution });
  if (b->time != NULL && straits_date_parse (b->time, &date))
    _straits_window_set_time (self, &date);
  else
    straits_time_bar_show_all_dates (self->time_bar);
  straits_bookmark_resolve (b, dataset, &target);
  straits_slides_apply_layers (straits_map_view_get_scene (self->map_view), b, &target);
  straits_map_view_select_actors (self->map_view, (const guint32 *) (gpointer) target.actors->data,
                                  target.actors->len);
  if (target.relation != STRAITS_NO_INDEX)
    _straits_window_show_entry (self, STRAITS_HISTORY_RELATION, target.relation);
  else if (target.event != STRAITS_NO_INDEX)
    _straits_window_show_entry (self, STRAITS_HISTORY_EVENT, target.event);
  straits_bookmark_target_clear (&target);
  if (b->page != NULL)
    straits_side_panel_set_page (self->side_panel, b->page);
}

/* The caption's distance from the bottom of the slide, pixels. */
#define CAPTION_MARGIN 24

/* The audience's part of the window: the map and what lies over it. */
static GtkWidget *
audience_widget (StraitsWindow *self)
{
  return gtk_widget_get_parent (GTK_WIDGET (self->map_view));
}

/* A slide's title, and its notes (NULL: none). */
static const char *
slide_title (StraitsWindow *self, guint index, const char **notes)
{
  const StraitsSlide *slide = &g_array_index (self->slides, StraitsSlide, index);
  const StraitsBookmark *b;

  if (notes != NULL)
    *notes = NULL;
  if (!slide->is_bookmark)
    return ((const StraitsViewInfo *) g_ptr_array_index (self->views, slide->index))->title;
  b = straits_bookmarks_get (bookmarks (self), slide->index);
  if (notes != NULL)
    *notes = b->notes;
  return b->title;
}

/* Slide @index drawn as the handout draws it, for the presenter console:
 * twice the console's size in pixels, for sharp text. */
static GdkPaintable *
draw_slide_preview (StraitsWindow *self, guint index)
{
  const int width = 640, height = 360, scale = 2;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  straits_slides_draw (straits_session_get_dataset (self->session), straits_session_get_atlas (self->session),
                       self->views, bookmarks (self), &g_array_index (self->slides, StraitsSlide, index),
                       cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  return GDK_PAINTABLE (texture);
}

static void
update_console (StraitsWindow *self, guint index, const char *title, const char *notes)
{
  g_autoptr(GdkPaintable) next = NULL;
  const char *next_title = NULL;

  if (self->presenter_console == NULL)
    return;
  if (index + 1 < self->slides->len)
    {
      next = draw_slide_preview (self, index + 1);
      next_title = slide_title (self, index + 1, NULL);
    }
  straits_presenter_console_show_slide (STRAITS_PRESENTER_CONSOLE (self->presenter_console), index,
                                        self->slides->len, title, notes, next, next_title);
}

/* The caption and the notes are hidden, not only folded, while they do
 * not show: a folded revealer is still measured at every layout, and its
 * label's fonts (two sizes no other widget uses) were loaded at each start
 * (issue 20). */
static void
hide_when_folded (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
on_child_revealed (GtkRevealer *revealer,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  hide_when_folded (revealer);
}

static void
set_revealed (GtkRevealer *revealer,
              gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
  hide_when_folded (revealer);
}

static GtkRevealer *
overlay_revealer (void)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_revealer_new ());

  gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (revealer), FALSE);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), NULL);
  return revealer;
}

/* The caption, sized from the slide type scale of exported slides: the
 * title at 1/20 of the audience's monitor's height, the rest at 1/45. */
static void
set_caption (StraitsWindow *self, guint index, const char *title)
{
  int height = MAX (self->audience_height, 480);
  g_autofree char *line = NULL, *markup = NULL;

  /* Translators: the presentation's caption under the slide's title:
   * slide counter and the date the slide shows, e.g. "2 / 5 · as of April 2025" */
  line = g_strdup_printf (_("%u / %u · %s"), index + 1, self->slides->len,
                          straits_time_bar_get_text (self->time_bar));
  markup = g_markup_printf_escaped ("<span size=\"%dpt\" weight=\"bold\">%s</span>\n"
                                    "<span size=\"%dpt\">%s</span>",
                                    (int) (height / 20 / STRAITS_PX_PER_PT), title,
                                    (int) (height / 45 / STRAITS_PX_PER_PT), line);
  gtk_label_set_markup (self->slide_label, markup);
}

/* Names on the map keep clear of the caption: its box at the bottom
 * centre of the audience's monitor, which the map fills. */
static void
reserve_caption (StraitsWindow *self)
{
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  int width, height;

  if (scene == NULL || self->audience_width <= 0)
    return;
  gtk_widget_measure (GTK_WIDGET (self->slide_label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->slide_label), GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  straits_map_scene_set_reserved (scene, &(StraitsRect) { (self->audience_width - width) / 2.0,
                                                          self->audience_height - CAPTION_MARGIN - height,
                                                          width, height });
}

static void
show_slide (StraitsWindow *self, guint index)
{
  const StraitsSlide *slide = &g_array_index (self->slides, StraitsSlide, index);
  const char *title, *notes;

  self->slide = index;
  title = slide_title (self, index, &notes);
  if (!slide->is_bookmark)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, slide->index);
      StraitsDataset *dataset = straits_session_get_dataset (self->session);
      const StraitsView *view = info->dataset_view != STRAITS_NO_INDEX
                                ? straits_dataset_get_view (dataset, info->dataset_view) : NULL;

      _straits_window_show_view (self, info->id);
      straits_map_view_reset (self->map_view);
      /* A view's slide shows all dates unless the view sets one: not the
       * date the slider was left on (the EU slide once showed 2007). */
      if (view != NULL && straits_date_is_set (&view->time))
        _straits_window_set_time (self, &view->time);
      else
        straits_time_bar_show_all_dates (self->time_bar);
    }
  else
    show_bookmark (self, straits_bookmarks_get (bookmarks (self), slide->index));
  set_caption (self, index, title);
  reserve_caption (self);
  /* It stays: an audience reads what a slide shows and as of when. */
  set_revealed (self->slide_revealer, TRUE);
  gtk_label_set_text (self->notes_label, notes != NULL ? notes : _("No notes for this slide"));
  update_console (self, index, title, notes);
}

static void
set_chrome_visible (StraitsWindow *self, gboolean visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->time_bar), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), visible);
}

/* With two monitors or more, the audience gets one the window is not on
 * and the presenter keeps the window's own for the console (as Impress
 * does); with one, the audience gets it. */
static GdkMonitor *
choose_monitors (StraitsWindow *self, GdkMonitor **presenter)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkMonitor *audience = NULL;

  *presenter = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (own == NULL)
        own = monitor;
      if (monitor != own && audience == NULL)
        audience = monitor;
    }
  if (audience == NULL)
    return own;
  *presenter = own;
  return audience;
}

static void
open_console (StraitsWindow *self, GdkMonitor *monitor)
{
  StraitsPresenterConsole *console = straits_presenter_console_new (audience_widget (self));

  self->presenter_console = GTK_WIDGET (console);
  gtk_window_set_application (GTK_WINDOW (console), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (console), monitor);
  gtk_window_present (GTK_WINDOW (console));
}

static void
close_console (StraitsWindow *self)
{
  if (self->presenter_console != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->presenter_console)));
}

static void
enter_presentation (StraitsWindow *self)
{
  GdkMonitor *audience, *presenter;
  GdkRectangle area = { 0, 0, 0, 0 };

  if (self->presenting || straits_session_get_dataset (self->session) == NULL)
    return;
  collect_slides (self);
  if (self->slides->len == 0)
    return;
  self->presenting = TRUE;
  self->flap_was_revealed = adw_flap_get_reveal_flap (self->flap);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  set_chrome_visible (self, FALSE);
  /* No hover in front of an audience: the pointer is the presenter's. */
  straits_map_view_set_show_hover (self->map_view, FALSE);
  audience = choose_monitors (self, &presenter);
  if (audience != NULL)
    gdk_monitor_get_geometry (audience, &area);
  self->audience_width = area.width;
  self->audience_height = area.height;
  if (audience != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), audience);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  if (presenter != NULL)
    open_console (self, presenter);
  show_slide (self, 0);
  _straits_window_apply_map_style (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
leave_presentation (StraitsWindow *self)
{
  if (!self->presenting)
    return;
  self->presenting = FALSE;
  close_console (self);
  /* The caption is gone: names need not keep clear of its place. */
  if (straits_map_view_get_scene (self->map_view) != NULL)
    straits_map_scene_set_reserved (straits_map_view_get_scene (self->map_view), NULL);
  gtk_window_unfullscreen (GTK_WINDOW (self));
  set_chrome_visible (self, TRUE);
  straits_map_view_set_show_hover (self->map_view, TRUE);
  adw_flap_set_reveal_flap (self->flap, self->flap_was_revealed);
  _straits_window_apply_map_style (self);
  set_revealed (self->slide_revealer, FALSE);
  set_revealed (self->notes_revealer, FALSE);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  if (self->presenting)
    leave_presentation (self);
  else
    enter_presentation (self);
}

static void
next_slide_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  if (self->presenting && self->slide + 1 < self->slides->len)
    show_slide (self, self->slide + 1);
}

static void
previous_slide_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  if (self->presenting && self->slide > 0)
    show_slide (self, self->slide - 1);
}

/* While presenting, the slide keys come before the map's own. */
static gboolean
on_presentation_key (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  StraitsWindow *self = user_data;

  if (!self->presenting)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Right:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.next-slide", NULL);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_BackSpace:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.previous-slide", NULL);
      return TRUE;
    case GDK_KEY_Escape:
      leave_presentation (self);
      return TRUE;
    case GDK_KEY_c:
    case GDK_KEY_C:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.presentation-high-contrast", NULL);
      return TRUE;
    case GDK_KEY_n:
    case GDK_KEY_N:
      /* The notes only on request: the audience sees this screen. */
      set_revealed (self->notes_revealer, !gtk_revealer_get_reveal_child (self->notes_revealer));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Ctrl+D: the current state as a bookmark, saved at once. */
static void
add_bookmark_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) selection = NULL;
  g_autofree char *time = NULL, *title = NULL, *when = NULL;
  const StraitsViewInfo *info = _straits_window_find_view_info (self, self->current_view);
  StraitsViewport vp = straits_map_view_get_viewport (self->map_view);
  StraitsDate date = _straits_window_time_slider_date (self);
  guint n;
  const guint32 *actors = straits_map_view_get_selected_actors (self->map_view, &n);
  guint32 relation = straits_map_view_get_selected_relation (self->map_view);
  StraitsBookmark b;

  if (dataset == NULL || info == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (ids, straits_dataset_get_actor (dataset, actors[i])->id);
  if (relation != STRAITS_NO_INDEX)
    g_strv_builder_add (ids, straits_dataset_get_relation (dataset, relation)->id);
  selection = g_strv_builder_end (ids);
  if (!_straits_window_time_is_all (self))
    {
      time = straits_date_to_iso (&date);
      when = straits_date_format (&date);
    }
  /* Translators: a new bookmark's title: the view and the date */
  title = when ? g_strdup_printf (_("%s, %s"), info->title, when) : g_strdup (info->title);
  b = (StraitsBookmark) { title, (char *) straits_dataset_get_metadata (dataset)->title,
                          self->current_view, TRUE, vp.cx, vp.cy, vp.resolution, time,
                          selection[0] ? selection : NULL,
                          (char *) straits_side_panel_get_page (self->side_panel),
                          (char *) straits_dataset_get_id (dataset) };
  straits_slides_save_layers (straits_map_view_get_scene (self->map_view), &b);
  straits_bookmarks_add (bookmarks (self), &b);
  g_clear_pointer (&b.overlays, g_strfreev);
  g_clear_pointer (&b.relation_types, g_strfreev);
  if (!straits_session_save_bookmarks (self->session, &error))
    {
      _straits_window_show_text_toast (self, error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("Bookmark “%s” added to the presentation"), title);
    _straits_window_show_text_toast (self, text);
  }
}

static void
bookmarks_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  gtk_window_present (GTK_WINDOW (straits_bookmarks_dialog_new (GTK_WINDOW (self), bookmarks (self),
                                                                straits_session_get_bookmarks_path (self->session))));
}

static void
on_handout_chosen (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  StraitsWindow *self = STRAITS_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && straits_session_get_dataset (self->session) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* The choice is offered only while comparing. */
      const char *changes = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "changes");
      StraitsDataset *since = g_strcmp0 (changes, "true") == 0 ? straits_session_get_baseline (self->session) : NULL;

      if (path != NULL && straits_slides_export (straits_session_get_dataset (self->session), bookmarks (self), since,
                                                 path, &error))
        text = g_strdup_printf (_("Saved the handout “%s”"), name);
      else if (error != NULL)
        text = g_strdup (error->message);
      if (text != NULL)
        _straits_window_show_text_toast (self, text);
    }
  g_object_unref (chooser);
}

/* The presentation as a PDF, one slide a page. */
static void
handout_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (straits_session_get_dataset (self->session) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Presentation Handout"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", straits_dataset_get_metadata (straits_session_get_dataset (self->session))->title);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (straits_session_get_baseline (self->session) != NULL)
    {
      g_autofree char *since = straits_diff_version_label (straits_session_get_baseline (self->session));
      /* Translators: a switch in the handout's save dialog; %s is the version compared with */
      g_autofree char *label = g_strdup_printf (_("Add a page: what changed since %s"), since);

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "changes", label, NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "changes", "true");
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_handout_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The notes over the slide, top left, when the presenter asks (N). */
static void
init_notes (StraitsWindow *self)
{
  self->notes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notes_label, TRUE);
  gtk_label_set_max_width_chars (self->notes_label, 48);
  gtk_label_set_xalign (self->notes_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "slide-notes");
  self->notes_revealer = overlay_revealer ();
  gtk_revealer_set_child (self->notes_revealer, GTK_WIDGET (self->notes_label));
  gtk_widget_set_halign (GTK_WIDGET (self->notes_revealer), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->notes_revealer), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->notes_revealer), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->notes_revealer), 24);
  gtk_overlay_add_overlay (GTK_OVERLAY (audience_widget (self)), GTK_WIDGET (self->notes_revealer));
}

void
_straits_window_presentation_init (StraitsWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->slides = g_array_new (FALSE, FALSE, sizeof (StraitsSlide));
  self->slide_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->slide_label), "title-2");
  /* The caption's own box, not the revealer's, is dark: a hidden revealer
   * still draws its own background. */
  gtk_widget_add_css_class (GTK_WIDGET (self->slide_label), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self->slide_label), "slide-caption");
  self->slide_revealer = overlay_revealer ();
  gtk_revealer_set_transition_type (self->slide_revealer, GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_transition_duration (self->slide_revealer, 600);
  gtk_revealer_set_child (self->slide_revealer, GTK_WIDGET (self->slide_label));
  gtk_widget_set_halign (GTK_WIDGET (self->slide_revealer), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->slide_revealer), GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->slide_revealer), CAPTION_MARGIN);
  gtk_overlay_add_overlay (GTK_OVERLAY (audience_widget (self)), GTK_WIDGET (self->slide_revealer));
  init_notes (self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_presentation_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
_straits_window_presentation_dispose (StraitsWindow *self)
{
  close_console (self);
  g_clear_pointer (&self->slides, g_array_unref);
}

void
_straits_window_class_presentation_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-slide", NULL, next_slide_action);
  gtk_widget_class_install_action (widget_class, "win.previous-slide", NULL, previous_slide_action);
  gtk_widget_class_install_property_action (widget_class, "win.presentation-high-contrast",
                                            "presentation-high-contrast");
  gtk_widget_class_install_action (widget_class, "win.add-bookmark", NULL, add_bookmark_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.add-bookmark", NULL);
  gtk_widget_class_install_action (widget_class, "win.bookmarks", NULL, bookmarks_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, handout_action);
}
