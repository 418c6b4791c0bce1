/* straits-side-panel.c
 *
 * Two pages: the selection's history, and the figures that concern it.
 * Everything shown comes from the dataset, so every string is set as
 * plain text or escaped before it reaches markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "straits-arms-page.h"
#include "straits-chart-view.h"
#include "straits-country-names.h"
#include "straits-history-item.h"
#include "straits-maritime-overlay.h"
#include "straits-history-list.h"
#include "straits-side-panel.h"
#include "straits-text.h"

/* What a history row shows of a summary, at most (it has six lines). */
#define MAX_SUMMARY_CHARS 480
#define MAX_LABEL_WIDTH_CHARS 40
/* History rows added to the list view at a time: each costs a row of
 * widgets made and laid out, about 0.2 ms. */
#define HISTORY_BATCH 40

struct _StraitsSidePanel
{
  GtkWidget parent_instance;

  GtkWidget *content;         /* bound, so that dispose_template unparents it */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkStack *pages;
  GtkDropDown *type_filter;
  GtkSearchEntry *text_filter;
  GtkStack *history_stack;
  GtkListView *history_list;
  AdwStatusPage *history_empty;
  GtkStack *charts_stack;
  GtkBox *charts_box;
  AdwStatusPage *charts_empty;
  GtkStack *seas_stack;
  GtkCheckButton *seas_6;
  GtkCheckButton *seas_12;
  GtkGrid *aegean_grid;
  GtkGrid *coast_grid;
  GtkLabel *seas_note;
  StraitsArmsPage *arms_page; /* from a trade register, above the paper's figures */

  StraitsDataset *dataset;
  StraitsSelection selection;
  StraitsMapStyle style;
  GArray *entries;            /* StraitsHistoryEntry of the selection, shared
                               * read-only with the history's jobs */
  StraitsHistoryList *items;  /* the rows shown: filtered, with headings */
  guint generation;           /* of what the history should show */
  guint shown_generation;     /* of what it shows */
  gboolean entries_stale;     /* the selection or dataset changed */
  gboolean job_running;
  gboolean disposed;
  gboolean scroll_pending;    /* to scroll_day, once the history is shown */
  guint32 scroll_day;
  guint n_charts;
  gboolean charts_stale;      /* rebuilt when the page is next shown */
  guint refresh_id;
  int char_width;             /* the history's average character, pixels */
};

G_DEFINE_FINAL_TYPE (StraitsSidePanel, straits_side_panel, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  SEAS_CHANGED,
  EXPORT_CHART,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows ------------------------------------------------------------------ */

typedef struct {
  StraitsColour colour;
  gboolean is_relation;
} Swatch;

/* The type's colour in the shape the map gives it: a curve for a
 * relation, a dot for an event. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Swatch *swatch = user_data;

  cairo_set_source_rgb (cr, swatch->colour.r, swatch->colour.g, swatch->colour.b);
  if (swatch->is_relation)
    {
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, 2, height - 3);
      cairo_curve_to (cr, width * 0.3, 1, width * 0.7, 1, width - 2, height - 3);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 2, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label's natural width is its text on one line: bounded,
   * a 200-character title does not ask for a panel 1600 pixels wide. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_LABEL_WIDTH_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An inscription's size does not depend on its text: a wrapping label
 * was measured at every width the panel was offered, at width 0 too,
 * where Pango breaks a long word a character a line, shaping what is left
 * again for each (seconds for rows of long texts). */
static GtkWidget *
new_inscription (const char *css_class, guint lines)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), lines);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), MAX_LABEL_WIDTH_CHARS);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (inscription), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_widget_add_css_class (inscription, css_class);
  return inscription;
}

/* Only web links leave the application: a dataset could name any URI. */
static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/* The citation is an inscription, not a wrapping label with links: a
 * wrapping GtkLabel in a list row is measured at every width the list
 * offers, and with the longest valid texts that alone held the main
 * thread for 200-550 ms a selection. Its links are a button beside it
 * (a menu when an entry cites several linked sources). */
static void
create_sources_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, g_object_get_data (G_OBJECT (button), "menu"));
}

static GtkWidget *
new_source_row (GtkWidget **text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  *text = new_inscription ("caption", 3);
  gtk_widget_set_hexpand (*text, TRUE);
  gtk_box_append (GTK_BOX (row), *text);
  return row;
}

/* The row's button that opens its one linked source, or (@many) the menu
 * of several, made when a row first needs it: the list view keeps 200 rows
 * of widgets, made and freed when the history changes, and these buttons
 * are most of a row's widgets. */
static GtkWidget *
open_button (GtkWidget *box, gboolean many)
{
  const char *key = many ? "open-many" : "open-one";
  GtkWidget *button = g_object_get_data (G_OBJECT (box), key);

  if (button != NULL)
    return button;
  if (many)
    {
      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "adw-external-link-symbolic");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_sources_popup, NULL, NULL);
    }
  else
    button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (box), "source-row")), button);
  g_object_set_data (G_OBJECT (box), key, button);
  return button;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = new_label ("heading");
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *meta = new_inscription ("caption", 2);
  GtkWidget *title = new_inscription ("history-title", 4);
  /* Secondary, not dim: dim-label text is 3.2:1 on the panel, below
   * WCAG AA's 4.5:1 (tests/test-contrast.py). */
  GtkWidget *summary = new_inscription ("secondary-text", 6);
  GtkWidget *source;
  GtkWidget *source_row = new_source_row (&source);
  Swatch *data = g_new0 (Swatch, 1);

  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (entry, 4);
  gtk_widget_set_margin_top (entry, 4);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_START);
  gtk_widget_set_margin_top (swatch, 2);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, data, g_free);
  gtk_widget_add_css_class (meta, "secondary-text");
  gtk_widget_add_css_class (meta, "numeric");
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (text), source_row);
  gtk_box_append (GTK_BOX (entry), swatch);
  gtk_box_append (GTK_BOX (entry), text);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), entry);

  g_object_set_data (G_OBJECT (box), "heading", heading);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  g_object_set_data (G_OBJECT (box), "swatch", swatch);
  g_object_set_data (G_OBJECT (box), "swatch-data", data);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "summary", summary);
  g_object_set_data (G_OBJECT (box), "source", source);
  g_object_set_data (G_OBJECT (box), "source-row", source_row);
  gtk_list_item_set_child (item, box);
}

static char *
source_link (const StraitsSource *src)
{
  if (src->url != NULL)
    return g_strdup (src->url);
  if (src->doi != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (src->doi, "/", FALSE);
      return g_strconcat ("https://doi.org/", escaped, NULL);
    }
  return NULL;
}

/* One citation as read: "Title, “Section, para. N”". */
static char *
citation_text (StraitsDataset *dataset, const StraitsCitation *c, glong max_chars)
{
  const StraitsSource *src = straits_dataset_get_source (dataset, c->source);
  g_autofree char *title = straits_text_truncate (src->title, max_chars);
  g_autofree char *locator = c->locator ? straits_text_truncate (c->locator, max_chars) : NULL;

  return locator ? g_strdup_printf ("%s, “%s”", title, locator) : g_steal_pointer (&title);
}

/* "Source: Title, “Section”; Title, “Section”", plain text: the
 * inscription shows up to four lines of it. (No tooltip: one shown under
 * the pointer as the window maps took the keyboard focus from it under
 * Xvfb, and the end-to-end tests' shortcuts went nowhere.) */
static char *
citations_text (StraitsDataset *dataset, const StraitsCitations *citations, glong max_chars)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < citations->n; i++)
    {
      g_autofree char *one = citation_text (dataset, &citations->items[i], max_chars);

      g_string_append (s, i == 0 ? _("Source: ") : "; ");
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

static GMenu *
citations_menu (StraitsDataset *dataset, const StraitsCitations *citations, guint *n_links, char **first_link)
{
  GMenu *menu = g_menu_new ();

  *n_links = 0;
  for (guint i = 0; i < citations->n; i++)
    {
      const StraitsCitation *c = &citations->items[i];
      g_autofree char *link = source_link (straits_dataset_get_source (dataset, c->source));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (link == NULL)
        continue;
      label = citation_text (dataset, c, 60);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "panel.open-source", g_variant_new_string (link));
      g_menu_append_item (menu, item);
      if ((*n_links)++ == 0)
        *first_link = g_steal_pointer (&link);
    }
  return menu;
}

/* Characters on a line of the history at its current width, roughly:
 * the width less the swatch and margins, over an average character. */
static int
history_chars_per_line (StraitsSidePanel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->history_list)) - 60;

  if (self->char_width == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->history_list));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE, 1);
      pango_font_metrics_unref (metrics);
    }
  return width > 0 ? MAX (width / self->char_width, 10) : MAX_LABEL_WIDTH_CHARS;
}

/* An inscription's height does not depend on its text, so it is told how
 * many lines to take: as many as @text needs at @chars_per_line, up to
 * @max_lines (the rest ellipsized). */
static void
set_inscription_lines (GtkWidget *inscription, const char *text, int chars_per_line, guint max_lines)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  glong lines = 0;

  for (guint i = 0; paragraphs[i] != NULL && lines < max_lines; i++)
    lines += 1 + g_utf8_strlen (paragraphs[i], -1) * 11 / 10 / MAX (chars_per_line, 1);
  lines = MIN (lines, (glong) max_lines);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), MAX (lines, 1));
}

static void
bind_sources (StraitsSidePanel *self, GtkWidget *box, const StraitsCitations *citations)
{
  GtkWidget *text = g_object_get_data (G_OBJECT (box), "source");
  GtkWidget *open_one = NULL, *open_many = NULL;
  g_autofree char *shown = NULL, *whole = NULL, *first_link = NULL, *tooltip = NULL;
  g_autoptr(GMenu) menu = NULL;
  guint n_links;

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "source-row"), citations->n > 0);
  if (citations->n == 0)
    return;
  whole = citations_text (self->dataset, citations, MAX_SUMMARY_CHARS);
  shown = straits_text_for_label (whole, MIN (MAX_SUMMARY_CHARS, history_chars_per_line (self) * 5));
  gtk_inscription_set_text (GTK_INSCRIPTION (text), shown);
  set_inscription_lines (text, shown, history_chars_per_line (self) - 4, 4);

  menu = citations_menu (self->dataset, citations, &n_links, &first_link);
  if (n_links == 1 || g_object_get_data (G_OBJECT (box), "open-one") != NULL)
    gtk_widget_set_visible (open_one = open_button (box, FALSE), n_links == 1);
  if (n_links > 1 || g_object_get_data (G_OBJECT (box), "open-many") != NULL)
    gtk_widget_set_visible (open_many = open_button (box, TRUE), n_links > 1);
  if (n_links == 1)
    {
      /* Translators: a button's tooltip; %s is where the link goes */
      tooltip = g_strdup_printf (_("Open the source (%s)"), first_link);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open_one), g_variant_new_string (first_link));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open_one), "panel.open-source");
      gtk_widget_set_tooltip_text (open_one, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open_one), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the source"), -1);
    }
  else if (n_links > 1)
    {
      /* The popover is made when it opens, not for every row bound. */
      g_object_set_data_full (G_OBJECT (open_many), "menu", g_steal_pointer (&menu), g_object_unref);
      gtk_widget_set_tooltip_text (open_many, _("Open a source"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open_many), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open a source"), -1);
    }
}

static void
bind_entry (StraitsSidePanel *self, GtkWidget *box, const StraitsHistoryEntry *entry)
{
  Swatch *swatch = g_object_get_data (G_OBJECT (box), "swatch-data");
  g_autofree char *date = NULL, *title = NULL, *meta = NULL, *summary_shown = NULL;
  g_autofree char *title_shown = NULL, *meta_shown = NULL, *text = NULL;
  int chars_per_line;
  const StraitsTypeDef *type;
  const char *summary, *note;

  if (entry->kind == STRAITS_HISTORY_EVENT)
    {
      const StraitsEvent *e = straits_dataset_get_event (self->dataset, entry->index);
      g_autofree char *start = straits_date_format (&e->date);
      g_autofree char *end = straits_date_format (&e->end);

      type = straits_dataset_get_event_type (self->dataset, e->type);
      date = *end ? g_strdup_printf (_("%s – %s"), start, end) : g_steal_pointer (&start);
      title = g_strdup (e->title);
      summary = e->description;
      note = e->note;
    }
  else
    {
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, entry->index);

      type = straits_dataset_get_relation_type (self->dataset, r->type);
      date = straits_relation_format_dates (r);
      title = straits_history_relation_title (self->dataset, r);
      summary = r->summary;
      note = r->note;
    }
  if (entry->via != STRAITS_NO_INDEX)
    /* Translators: date · type · the organisation an entry comes through */
    meta = g_strdup_printf (_("%s · %s · via %s"), date, type->label,
                            straits_dataset_get_actor (self->dataset, entry->via)->name);
  else
    meta = g_strdup_printf ("%s · %s", date, type->label);

  swatch->colour = type->colour;
  swatch->is_relation = entry->kind == STRAITS_HISTORY_RELATION;
  gtk_widget_queue_draw (g_object_get_data (G_OBJECT (box), "swatch"));
  chars_per_line = history_chars_per_line (self);
  meta_shown = straits_text_for_label (meta, MAX_SUMMARY_CHARS);
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta_shown);
  set_inscription_lines (g_object_get_data (G_OBJECT (box), "meta"), meta_shown, chars_per_line, 2);
  title_shown = straits_text_for_label (title, MIN (MAX_SUMMARY_CHARS, chars_per_line * 4));
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (box), "title"), title_shown);
  /* Titles are set larger than the rest. */
  set_inscription_lines (g_object_get_data (G_OBJECT (box), "title"), title_shown, chars_per_line * 9 / 10, 3);
  /* The curator's note says what the source does not: an inferred year, a
   * placement of the dataset's own, another source that differs. */
  if (note != NULL)
    /* Translators: an item's summary, then the dataset's note on it */
    text = g_strdup_printf (_("%s\nNote: %s"), summary ? summary : "", note);
  /* Six lines show: a 5000-character summary would cost Pango's
   * ellipsizing far more than the few hundred characters it shows. */
  summary_shown = straits_text_for_label (text ? text : summary ? summary : "", MIN (MAX_SUMMARY_CHARS, chars_per_line * 8));
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (box), "summary"), summary_shown);
  set_inscription_lines (g_object_get_data (G_OBJECT (box), "summary"), summary_shown, chars_per_line, 6);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "summary"), summary != NULL || note != NULL);
  bind_sources (self, box, straits_history_entry_citations (self->dataset, entry));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  StraitsSidePanel *self = user_data;
  StraitsHistoryItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *heading = straits_history_item_get_heading (row);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "heading"), heading != NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "entry"), heading == NULL);
  gtk_list_item_set_activatable (item, heading == NULL);
  gtk_list_item_set_selectable (item, heading == NULL);
  if (heading != NULL)
    gtk_label_set_text (g_object_get_data (G_OBJECT (box), "heading"), heading);
  else
    bind_entry (self, box, straits_history_item_get_entry (row));
}

/* The type filter ----------------------------------------------------------- */

static void
fill_type_filter (StraitsSidePanel *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All types"));
  for (guint i = 0; self->dataset && i < straits_dataset_get_n_relation_types (self->dataset); i++)
    {
      /* Translators: a choice in the history's type filter */
      g_autofree char *text = g_strdup_printf (_("Relation: %s"), straits_dataset_get_relation_type (self->dataset, i)->label);
      gtk_string_list_append (choices, text);
    }
  for (guint i = 0; self->dataset && i < straits_dataset_get_n_event_types (self->dataset); i++)
    {
      /* Translators: a choice in the history's type filter */
      g_autofree char *text = g_strdup_printf (_("Event: %s"), straits_dataset_get_event_type (self->dataset, i)->label);
      gtk_string_list_append (choices, text);
    }
  gtk_drop_down_set_model (self->type_filter, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->type_filter, 0);
}

static void
on_history_activate (GtkListView *list,
                     guint        position,
                     gpointer     user_data)
{
  StraitsSidePanel *self = user_data;
  const StraitsHistoryEntry *entry = straits_history_list_get_entry (self->items, position);

  if (entry != NULL)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, (guint) entry->kind, (guint) entry->index);
}

/* Charts ------------------------------------------------------------------ */

/* Whoever holds the panel exports charts (the window, through its figure
 * dialog): the panel only says which. */
static void
on_export_clicked (GtkButton *button,
                   gpointer   user_data)
{
  StraitsChartView *chart = user_data;
  StraitsChartKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chart), "kind"));
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (button), STRAITS_TYPE_SIDE_PANEL);

  g_signal_emit (panel, signals[EXPORT_CHART], 0, straits_chart_view_get_figure (chart),
                 kind == STRAITS_CHART_DONUT);
}

static void
on_donut_toggled (GtkToggleButton *toggle,
                  gpointer         user_data)
{
  StraitsSidePanel *self = user_data;
  GtkWidget *card = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (toggle)));
  GtkWidget *old = g_object_get_data (G_OBJECT (card), "chart");
  guint32 figure = straits_chart_view_get_figure (STRAITS_CHART_VIEW (old));
  StraitsChartKind kind = gtk_toggle_button_get_active (toggle) ? STRAITS_CHART_DONUT : STRAITS_CHART_BARS;
  GtkWidget *chart = straits_chart_view_new (self->dataset, figure, kind);

  g_object_set_data (G_OBJECT (chart), "kind", GUINT_TO_POINTER (kind));
  straits_chart_view_set_style (STRAITS_CHART_VIEW (chart), &self->style);
  gtk_box_insert_child_after (GTK_BOX (card), chart, old);
  gtk_box_remove (GTK_BOX (card), old);
  g_object_set_data (G_OBJECT (card), "chart", chart);
  g_signal_handlers_disconnect_matched (g_object_get_data (G_OBJECT (card), "export"),
                                        G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_export_clicked, NULL);
  g_signal_connect (g_object_get_data (G_OBJECT (card), "export"), "clicked", G_CALLBACK (on_export_clicked), chart);
}

static void
on_table_toggled (GtkToggleButton *button,
                  GtkLabel        *label)
{
  gtk_label_set_text (label, gtk_toggle_button_get_active (button)
                             ? g_object_get_data (G_OBJECT (label), "table") : "");
}

static GtkWidget *
new_chart_card (StraitsSidePanel *self, guint32 index)
{
  const StraitsFigure *figure = straits_dataset_get_figure (self->dataset, index);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *chart = straits_chart_view_new (self->dataset, index, STRAITS_CHART_BARS);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *table_button = gtk_toggle_button_new_with_mnemonic (_("_Table"));
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *revealer = gtk_revealer_new ();
  g_autofree char *table = straits_chart_table_text (self->dataset, figure);
  GtkWidget *table_label = new_label ("numeric");

  g_object_set_data (G_OBJECT (chart), "kind", GUINT_TO_POINTER (STRAITS_CHART_BARS));
  straits_chart_view_set_style (STRAITS_CHART_VIEW (chart), &self->style);
  /* The table (a note may run to 5000 characters) is laid out only once
   * it is asked for: a hidden revealer's child is still measured. */
  g_object_set_data_full (G_OBJECT (table_label), "table", g_steal_pointer (&table), g_free);
  g_signal_connect (table_button, "toggled", G_CALLBACK (on_table_toggled), table_label);
  gtk_label_set_selectable (GTK_LABEL (table_label), TRUE);
  gtk_revealer_set_child (GTK_REVEALER (revealer), table_label);
  g_object_bind_property (table_button, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
  gtk_widget_set_tooltip_text (table_button, _("Show the numbers as text, to read or copy"));
  gtk_widget_set_tooltip_text (export_button, _("Save this chart as PNG, PDF or SVG"));
  g_signal_connect (export_button, "clicked", G_CALLBACK (on_export_clicked), chart);
  gtk_box_append (GTK_BOX (buttons), table_button);
  if (figure->kind == STRAITS_FIGURE_SHARES)
    {
      GtkWidget *donut = gtk_toggle_button_new_with_mnemonic (_("_Donut"));

      gtk_widget_set_tooltip_text (donut, _("Show the shares as a donut chart"));
      g_signal_connect (donut, "toggled", G_CALLBACK (on_donut_toggled), self);
      gtk_box_append (GTK_BOX (buttons), donut);
    }
  gtk_widget_set_hexpand (export_button, TRUE);
  gtk_widget_set_halign (export_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), export_button);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_box_append (GTK_BOX (card), buttons);
  gtk_box_append (GTK_BOX (card), revealer);
  g_object_set_data (G_OBJECT (card), "chart", chart);
  g_object_set_data (G_OBJECT (card), "export", export_button);
  return card;
}

static void
refill_charts (StraitsSidePanel *self)
{
  GtkWidget *child;

  gboolean has_register = straits_arms_page_get_register (self->arms_page) != NULL;

  while ((child = gtk_widget_get_last_child (GTK_WIDGET (self->charts_box))) != NULL &&
         child != GTK_WIDGET (self->arms_page))
    gtk_box_remove (self->charts_box, child);
  self->n_charts = 0;
  for (guint i = 0; self->dataset && i < straits_dataset_get_n_figures (self->dataset); i++)
    if (straits_selection_has_figure (self->dataset, &self->selection, straits_dataset_get_figure (self->dataset, i)))
      {
        if (self->n_charts == 0 && has_register)
          {
            GtkWidget *heading = new_label ("heading");

            gtk_label_set_text (GTK_LABEL (heading), _("Figures stated in the dataset’s sources"));
            gtk_box_append (self->charts_box, heading);
          }
        gtk_box_append (self->charts_box, new_chart_card (self, i));
        self->n_charts++;
      }
  gtk_stack_set_visible_child_name (self->charts_stack, self->n_charts > 0 || has_register ? "charts" : "empty");
  adw_status_page_set_description (self->charts_empty, _("The dataset has no figures about this selection."));
}

/* Territorial seas ------------------------------------------------------------ */

static GtkWidget *
cell (const char *text, gboolean heading, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, heading ? "caption-heading" : "numeric");
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
draw_belt_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const StraitsColour *c = user_data;

  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* A column heading with the colour its belts have on the map: the key
 * to the map's overlay, as the legend of an exported figure gives it. */
static GtkWidget *
belt_heading (const char *text, StraitsMaritimePart country, const StraitsMapStyle *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *area = gtk_drawing_area_new ();
  StraitsColour *colour = g_new (StraitsColour, 1);

  *colour = straits_maritime_overlay_swatch (country, STRAITS_MARITIME_6NM, STRAITS_MARITIME_SHOW_6NM, &style->sea);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 10);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_belt_swatch, colour, g_free);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), cell (text, TRUE, 1));
  return box;
}

static void
add_split_rows (GtkGrid *grid, int *row, const char *title, const StraitsSeaSplit *split,
                const StraitsMapStyle *style)
{
  static const int nm[] = { 6, 12 };
  g_autofree char *heading = g_strdup_printf (_("%s, %.0f km²"), title, split->sea_area_km2);
  GtkWidget *label = cell (heading, TRUE, 0);

  /* A heading across the table wraps: it must not widen the panel. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_top (label, *row > 0 ? 8 : 0);
  gtk_grid_attach (grid, label, 0, (*row)++, 4, 1);
  gtk_grid_attach (grid, cell (_("Limit"), TRUE, 0), 0, *row, 1, 1);
  gtk_grid_attach (grid, belt_heading (_("Greece"), STRAITS_MARITIME_GRC, style), 1, *row, 1, 1);
  gtk_grid_attach (grid, belt_heading (_("Turkey"), STRAITS_MARITIME_TUR, style), 2, *row, 1, 1);
  gtk_grid_attach (grid, cell (_("High seas"), TRUE, 1), 3, (*row)++, 1, 1);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_autofree char *limit = g_strdup_printf (_("%d nm"), nm[l]);

      gtk_grid_attach (grid, cell (limit, FALSE, 0), 0, *row, 1, 1);
      for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
        {
          g_autofree char *value = g_strdup_printf ("%.1f %%", split->share_pct[l][p]);
          GtkWidget *c = cell (value, FALSE, 1);
          g_autofree char *tip = g_strdup_printf (_("%.0f km²"), split->area_km2[l][p]);

          gtk_widget_set_tooltip_text (c, tip);
          gtk_grid_attach (grid, c, 1 + p, *row, 1, 1);
        }
      (*row)++;
    }
}

/* A littoral state's name, as the map writes it: the dataset's (in the
 * interface's language), else iso-codes', else these. */
static const char *
coast_name (StraitsSidePanel *self, StraitsCoast coast)
{
  static const char *const names[STRAITS_COAST_N] = {
    N_("Turkey"), N_("Bulgaria"), N_("Romania"), N_("Ukraine (without Crimea)"), N_("Russia (without Crimea)"),
    N_("Georgia"), N_("Crimea"),
  };
  const char *code = straits_coast_code (coast);
  guint32 actor;

  if (coast == STRAITS_COAST_UKR || coast == STRAITS_COAST_RUS || coast == STRAITS_COAST_CRIMEA)
    return _(names[coast]);
  if (self->dataset != NULL && (actor = straits_dataset_find_actor_by_iso3 (self->dataset, code)) != STRAITS_NO_INDEX)
    {
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, actor);
      return a->short_name ? a->short_name : a->name;
    }
  return straits_country_name_translated (code) != NULL ? straits_country_name_translated (code) : _(names[coast]);
}

static void
fill_coast_grid (StraitsSidePanel *self, GtkGrid *grid, const StraitsMaritimeReport *report)
{
  int row = 0;

  gtk_grid_attach (grid, cell (_("Coast"), TRUE, 0), 0, row, 1, 1);
  gtk_grid_attach (grid, cell (_("Black Sea"), TRUE, 1), 1, row, 1, 1);
  gtk_grid_attach (grid, cell (_("Sea of Azov"), TRUE, 1), 2, row, 1, 1);
  /* Translators: a column of the coastline table: the Black Sea figure's
   * range over the methods of the coastline paradox table (keep it short) */
  gtk_grid_attach (grid, cell (_("By method"), TRUE, 1), 3, row++, 1, 1);
  for (int c = 0; c < STRAITS_COAST_N; c++)
    {
      g_autofree char *black = g_strdup_printf (_("%.0f km"), report->black_sea_coast_km[c]);
      g_autofree char *azov = g_strdup_printf (_("%.0f km"), report->azov_coast_km[c]);
      double low = G_MAXDOUBLE, high = 0;
      g_autofree char *range = NULL;

      for (int k = 0; k < STRAITS_COAST_N_CLOSINGS; k++)
        for (int r = 0; r < STRAITS_COAST_N_RULERS; r++)
          {
            low = MIN (low, report->black_sea_paradox_km[k][r][c]);
            high = MAX (high, report->black_sea_paradox_km[k][r][c]);
          }
      /* Translators: a range of lengths, "837–1678 km" */
      range = g_strdup_printf (_("%.0f–%.0f km"), low, high);
      gtk_grid_attach (grid, cell (coast_name (self, c), FALSE, 0), 0, row, 1, 1);
      gtk_grid_attach (grid, cell (black, FALSE, 1), 1, row, 1, 1);
      gtk_grid_attach (grid, cell (azov, FALSE, 1), 2, row, 1, 1);
      gtk_grid_attach (grid, cell (range, FALSE, 1), 3, row++, 1, 1);
    }
}

void
straits_side_panel_set_maritime (StraitsSidePanel            *self,
                                 const StraitsMaritimeReport *report)
{
  g_autofree char *note = NULL;
  const double *bs;
  int row = 0;

  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  clear_grid (self->aegean_grid);
  clear_grid (self->coast_grid);
  gtk_stack_set_visible_child_name (self->seas_stack, report != NULL ? "report" : "computing");
  if (report == NULL)
    return;
  add_split_rows (self->aegean_grid, &row, _("Aegean with the Sea of Crete"), &report->aegean, &self->style);
  add_split_rows (self->aegean_grid, &row, _("Another sea area: without the Sea of Crete"),
                  &report->aegean_without_crete, &self->style);
  fill_coast_grid (self, self->coast_grid, report);
  bs = report->black_sea_coast_km;
  note = g_strdup_printf (_("Coastlines: inlets narrower than 3 km closed, measured with a 1 km ruler; “by method” "
                            "is the range over closing widths of 0, 3 and 10 km and rulers of 100 m, 1 km and 10 km "
                            "(straits --maritime-report gives the table). "
                            "Black Sea coast with Crimea counted with Ukraine (the default): UKR %.0f km, RUS %.0f km; "
                            "counted with Russia: UKR %.0f km, RUS %.0f km.\n\n%s"),
                          bs[STRAITS_COAST_UKR] + bs[STRAITS_COAST_CRIMEA], bs[STRAITS_COAST_RUS],
                          bs[STRAITS_COAST_UKR], bs[STRAITS_COAST_RUS] + bs[STRAITS_COAST_CRIMEA],
                          straits_maritime_method ());
  gtk_label_set_text (self->seas_note, note);
}

guint
straits_side_panel_get_seas (StraitsSidePanel *self)
{
  return (gtk_check_button_get_active (self->seas_6) ? 1 : 0) |
         (gtk_check_button_get_active (self->seas_12) ? 2 : 0);
}

static void
on_seas_toggled (StraitsSidePanel *self)
{
  g_signal_emit (self, signals[SEAS_CHANGED], 0, straits_side_panel_get_seas (self));
}

/* The panel as a whole ------------------------------------------------------ */

static void
update_header (StraitsSidePanel *self)
{
  g_autofree char *title = NULL, *subtitle = NULL, *title_shown = NULL;
  guint n_entries = self->entries ? self->entries->len : 0;

  if (self->dataset == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }
  title = straits_selection_describe (self->dataset, &self->selection);
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u entry in the history", "%u entries in the history", n_entries),
                              n_entries);
  title_shown = straits_text_for_label (title, MAX_SUMMARY_CHARS);
  gtk_label_set_text (self->title_label, title_shown);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static gboolean
charts_page_shown (StraitsSidePanel *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "arms") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Charts cost text layout for every label: they are only made for a page
 * someone looks at. */
static void
update_charts (StraitsSidePanel *self)
{
  if (self->charts_stale && charts_page_shown (self))
    {
      self->charts_stale = FALSE;
      refill_charts (self);
    }
}

/* The history, collected and filtered in a worker thread ------------------
 *
 * A dataset's whole history (300,000 entries) held the main thread for
 * 200 ms to collect, sort and list, 740 ms at four times that (bench-history).
 * A job does the first two on its own copies of what it needs;
 * the main thread only shows the rows. The dataset does not change once
 * loaded and its indices are built when it is, so both threads may read it.
 * One job runs at a time; each has the generation of the state it was made
 * from, and a result of a generation since superseded is dropped. */

typedef struct {
  guint generation;
  StraitsDataset *dataset;     /* a reference: the panel may let go of its own */
  StraitsSelection selection;
  gboolean collect;            /* the selection's entries, or filter these: */
  GArray *entries;             /* in when not collecting; out */
  guint type_choice;
  char *needle;                /* casefolded */
  GArray *rows;                /* out */
} HistoryJob;

static void
history_job_free (HistoryJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->entries, g_array_unref);
  g_clear_pointer (&job->rows, g_array_unref);
  g_free (job->needle);
  g_free (job);
}

static HistoryJob *
history_job_new (StraitsSidePanel *self)
{
  HistoryJob *job = g_new0 (HistoryJob, 1);

  job->generation = self->generation;
  job->dataset = self->dataset != NULL ? g_object_ref (self->dataset) : NULL;
  job->selection = self->selection;
  job->collect = self->entries_stale || self->entries == NULL;
  job->entries = !job->collect ? g_array_ref (self->entries) : NULL;
  job->type_choice = gtk_drop_down_get_selected (self->type_filter);
  job->needle = straits_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->text_filter)));
  return job;
}

/* Reads the job and the dataset only: in a worker thread, or in the main
 * one when the panel is asked for its history at once. */
static void
history_job_run (HistoryJob *job)
{
  if (job->dataset == NULL)
    return;
  if (job->collect)
    job->entries = straits_history_collect (job->dataset, &job->selection);
  job->rows = straits_history_rows_build (job->entries, job->type_choice, job->needle, job->dataset);
}

static void
history_job_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  history_job_run (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Brings the first entry of the day wanted, or later, into view. */
static void
scroll_now (StraitsSidePanel *self)
{
  guint n, i;

  self->scroll_pending = FALSE;
  straits_history_list_show_all (self->items);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n == 0)
    return;
  i = straits_history_list_find_day (self->items, self->scroll_day);
  /* Its year's heading, when there is one, comes along. */
  gtk_widget_activate_action (GTK_WIDGET (self->history_list), "list.scroll-to-item", "u",
                              i == n ? n - 1 : i > 0 ? i - 1 : 0);
}

static void
show_history (StraitsSidePanel *self, HistoryJob *job)
{
  gboolean any = job->rows != NULL && job->rows->len > 0;

  self->shown_generation = job->generation;
  if (job->collect)
    {
      g_clear_pointer (&self->entries, g_array_unref);
      self->entries = job->entries != NULL ? g_array_ref (job->entries) : NULL;
      self->entries_stale = FALSE;
    }
  straits_history_list_set (self->items, g_steal_pointer (&job->entries), g_steal_pointer (&job->rows));
  update_header (self);
  gtk_stack_set_visible_child_name (self->history_stack, any ? "list" : "empty");
  adw_status_page_set_description (self->history_empty,
                                   self->entries && self->entries->len > 0
                                   ? _("Nothing matches the filters.")
                                   : _("The dataset records no events or relations for this selection."));
  if (self->scroll_pending)
    scroll_now (self);
}

static gboolean
history_is_current (StraitsSidePanel *self)
{
  return self->shown_generation == self->generation && self->refresh_id == 0;
}

static void start_job (StraitsSidePanel *self);

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StraitsSidePanel) self = user_data;
  HistoryJob *job = g_task_get_task_data (G_TASK (result));

  self->job_running = FALSE;
  if (self->disposed)
    return;
  if (job->generation == self->generation && self->shown_generation != self->generation)
    show_history (self, job);
  start_job (self);
}

/* Starts a job for what the history should show, unless one runs (it
 * starts the next when it ends) or there is nothing to do. */
static void
start_job (StraitsSidePanel *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->job_running || self->disposed || history_is_current (self) || self->refresh_id != 0)
    return;
  if (self->dataset == NULL)
    {
      HistoryJob *job = history_job_new (self);

      show_history (self, job);
      history_job_free (job);
      return;
    }
  /* The panel is the callback's, not the task's: the worker may drop the
   * task's last reference, and a widget is only let go of in the main thread. */
  task = g_task_new (NULL, NULL, on_job_done, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, history_job_new (self), (GDestroyNotify) history_job_free);
  self->job_running = TRUE;
  g_task_run_in_thread (task, history_job_thread);
}

/* The filters changed: the same entries, other rows. */
static void
history_changed (StraitsSidePanel *self)
{
  self->generation++;
  start_job (self);
}

static gboolean
refresh_now (gpointer user_data)
{
  StraitsSidePanel *self = user_data;

  self->refresh_id = 0;
  start_job (self);
  self->charts_stale = TRUE;
  update_charts (self);
  return G_SOURCE_REMOVE;
}

/* The panel follows the map, never holds it up: its job starts once the
 * frame in hand is drawn. */
static void
refresh (StraitsSidePanel *self)
{
  self->entries_stale = TRUE;
  self->generation++;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_now, self, NULL);
}

/* Brings the panel up to date at once, the job done in the main thread
 * (tests); a job running is left to end, its result dropped. */
static void
refresh_pending (StraitsSidePanel *self)
{
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->charts_stale = TRUE;
      update_charts (self);
    }
  if (self->shown_generation != self->generation)
    {
      HistoryJob *job = history_job_new (self);

      history_job_run (job);
      show_history (self, job);
      history_job_free (job);
    }
  straits_history_list_show_all (self->items);
}

void
straits_side_panel_set_dataset (StraitsSidePanel *self,
                                StraitsDataset   *dataset)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  /* Nothing shown may index the new dataset with the old one's indices. */
  straits_history_list_set (self->items, NULL, NULL);
  g_clear_pointer (&self->entries, g_array_unref);
  g_set_object (&self->dataset, dataset);
  straits_selection_init_none (&self->selection);
  straits_arms_page_set_dataset (self->arms_page, dataset);
  refresh (self);
  fill_type_filter (self);
}

void
straits_side_panel_set_selection (StraitsSidePanel       *self,
                                  const StraitsSelection *selection)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  if (straits_selection_equal (&self->selection, selection))
    return;
  self->selection = *selection;
  straits_arms_page_set_selection (self->arms_page, selection);
  refresh (self);
}

void
straits_side_panel_set_style (StraitsSidePanel      *self,
                              const StraitsMapStyle *style)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  self->style = *style;
  straits_arms_page_set_style (self->arms_page, style);
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box));
       card != NULL; card = gtk_widget_get_next_sibling (card))
    if (g_object_get_data (G_OBJECT (card), "chart") != NULL)
      straits_chart_view_set_style (g_object_get_data (G_OBJECT (card), "chart"), style);
}

/* Brings the first entry of @date or later into view, now or once the
 * history being made is shown. */
void
straits_side_panel_scroll_to_date (StraitsSidePanel  *self,
                                   const StraitsDate *date)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  self->scroll_day = straits_date_first_day (date);
  self->scroll_pending = TRUE;
  if (history_is_current (self))
    scroll_now (self);
}

const char *
straits_side_panel_get_page (StraitsSidePanel *self)
{
  return gtk_stack_get_visible_child_name (self->pages);
}

void
straits_side_panel_set_page (StraitsSidePanel *self,
                             const char       *page)
{
  gtk_stack_set_visible_child_name (self->pages, page);
}

GListModel *
straits_side_panel_get_history (StraitsSidePanel *self)
{
  refresh_pending (self);
  return G_LIST_MODEL (self->items);
}

guint
straits_side_panel_get_n_charts (StraitsSidePanel *self)
{
  refresh_pending (self);
  if (self->charts_stale)
    {
      self->charts_stale = FALSE;
      refill_charts (self);
    }
  return self->n_charts;
}

static void
straits_side_panel_dispose (GObject *object)
{
  StraitsSidePanel *self = STRAITS_SIDE_PANEL (object);

  /* A job still running ends with its result dropped. */
  self->disposed = TRUE;
  self->generation++;
  gtk_widget_dispose_template (GTK_WIDGET (self), STRAITS_TYPE_SIDE_PANEL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->items);
  g_clear_pointer (&self->entries, g_array_unref);
  G_OBJECT_CLASS (straits_side_panel_parent_class)->dispose (object);
}

static void
straits_side_panel_class_init (StraitsSidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_side_panel_dispose;

  /**
   * StraitsSidePanel::entry-activated:
   * @kind: a StraitsHistoryKind
   * @index: the event's or relation's index
   *
   * The user chose an entry of the history.
   */
  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * StraitsSidePanel::seas-changed:
   * @limits: bit 0 the 6 nm belts, bit 1 the 12 nm ones
   *
   * The user chose which territorial seas to show.
   */
  signals[SEAS_CHANGED] = g_signal_new ("seas-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * StraitsSidePanel::export-chart:
   * @figure: the dataset figure's index
   * @donut: whether shares are drawn as a donut
   *
   * The user asked to export a chart.
   */
  signals[EXPORT_CHART] = g_signal_new ("export-chart", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "panel.open-source", "s", open_source_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, content);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, pages);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, type_filter);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, text_filter);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, history_stack);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, history_empty);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, charts_stack);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, charts_box);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, charts_empty);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, seas_stack);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, seas_6);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, seas_12);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, aegean_grid);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, coast_grid);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, seas_note);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidepanel");
}

static void
straits_side_panel_init (StraitsSidePanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *model;

  gtk_widget_init_template (GTK_WIDGET (self));
  straits_selection_init_none (&self->selection);
  self->arms_page = STRAITS_ARMS_PAGE (straits_arms_page_new ());
  gtk_box_prepend (self->charts_box, GTK_WIDGET (self->arms_page));
  straits_map_style_init (&self->style, STRAITS_MAP_STYLE_LIGHT);
  self->items = straits_history_list_new ();
  straits_history_list_set_batch (self->items, HISTORY_BATCH);
  model = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->history_list, factory);
  gtk_list_view_set_model (self->history_list, GTK_SELECTION_MODEL (model));
  g_object_unref (model);
  g_signal_connect (self->history_list, "activate", G_CALLBACK (on_history_activate), self);
  g_signal_connect_swapped (self->text_filter, "search-changed", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (self->type_filter, "notify::selected", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (self->pages, "notify::visible-child-name", G_CALLBACK (update_charts), self);
  g_signal_connect (self, "map", G_CALLBACK (update_charts), NULL);
  g_signal_connect_swapped (self->seas_6, "toggled", G_CALLBACK (on_seas_toggled), self);
  g_signal_connect_swapped (self->seas_12, "toggled", G_CALLBACK (on_seas_toggled), self);
  fill_type_filter (self);
  self->generation++;
  start_job (self);
}

/* A SIPRI trade register: its breakdowns above the paper's figures. */
void
straits_side_panel_set_register (StraitsSidePanel     *self,
                                 StraitsSipriRegister *reg)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  straits_arms_page_set_register (self->arms_page, reg);
  self->charts_stale = TRUE;
  update_charts (self);
}

StraitsArmsPage *
straits_side_panel_get_arms_page (StraitsSidePanel *self)
{
  g_return_val_if_fail (STRAITS_IS_SIDE_PANEL (self), NULL);
  return self->arms_page;
}

GtkWidget *
straits_side_panel_new (void)
{
  return g_object_new (STRAITS_TYPE_SIDE_PANEL, NULL);
}
