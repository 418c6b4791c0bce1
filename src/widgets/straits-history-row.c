/* straits-history-row.c
 *
 * The list view makes about 200 rows and binds them again as the history
 * scrolls or changes; everything shown comes from the dataset, so every
 * string is set as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-history-list.h"
#include "straits-history-row.h"
#include "straits-text.h"

struct _StraitsHistoryRow
{
  GtkWidget parent_instance;

  GtkLabel *heading;              /* template children */
  GtkWidget *entry;
  GtkWidget *swatch;
  GtkWidget *meta;
  GtkLabel *mark;                 /* new or changed since a compared version */
  GtkWidget *title;
  GtkWidget *summary;
  GtkWidget *source;
  GtkWidget *source_row;

  GtkWidget *open_one;            /* made when first needed, in source_row */
  GtkWidget *open_many;
  GMenuModel *sources_menu;       /* open_many's, made into a popover when it opens */
  StraitsColour colour;           /* the swatch's */
  gboolean is_relation;
  gboolean has_entry;             /* bound to @bound, not a heading */
  StraitsHistoryEntry bound;
};

G_DEFINE_FINAL_TYPE (StraitsHistoryRow, straits_history_row, GTK_TYPE_WIDGET)

/* The type's colour in the shape the map gives it: a curve for a
 * relation, a dot for an event. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  StraitsHistoryRow *self = user_data;

  cairo_set_source_rgb (cr, self->colour.r, self->colour.g, self->colour.b);
  if (self->is_relation)
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

/* The citation is an inscription, not a wrapping label with links: a
 * wrapping GtkLabel in a list row is measured at every width the list
 * offers, and with the longest valid texts that alone held the main
 * thread for 200-550 ms a selection. Its links are a button beside it
 * (a menu when an entry cites several linked sources). */
static void
create_sources_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  StraitsHistoryRow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->sources_menu);
}

/* The row's button that opens its one linked source, or (@many) the menu
 * of several, made when a row first needs it: the list view keeps 200 rows
 * of widgets, made and freed when the history changes, and these buttons
 * are most of a row's widgets. */
static GtkWidget *
open_button (StraitsHistoryRow *self, gboolean many)
{
  GtkWidget **button = many ? &self->open_many : &self->open_one;

  if (*button != NULL)
    return *button;
  if (many)
    {
      *button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (*button), "straits-external-link-symbolic");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (*button), create_sources_popup, self, NULL);
    }
  else
    *button = gtk_button_new_from_icon_name ("straits-external-link-symbolic");
  gtk_widget_add_css_class (*button, "flat");
  gtk_widget_set_valign (*button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->source_row), *button);
  return *button;
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

/* @text shown in @inscription, cut at @max_chars, in as many lines as it
 * needs up to @max_lines. */
static void
show_text (GtkWidget *inscription, const char *text, glong max_chars, int chars_per_line, guint max_lines)
{
  g_autofree char *shown = straits_text_for_label (text, max_chars);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), shown);
  set_inscription_lines (inscription, shown, chars_per_line, max_lines);
}

static void
bind_sources (StraitsHistoryRow       *self,
              StraitsDataset          *dataset,
              const StraitsCitations  *citations,
              int                      chars_per_line)
{
  g_autofree char *whole = NULL, *first_link = NULL, *tooltip = NULL;
  g_autoptr(GMenu) menu = NULL;
  guint n_links;

  gtk_widget_set_visible (self->source_row, citations->n > 0);
  if (citations->n == 0)
    return;
  whole = citations_text (dataset, citations, STRAITS_HISTORY_MAX_CHARS);
  show_text (self->source, whole, MIN (STRAITS_HISTORY_MAX_CHARS, chars_per_line * 5), chars_per_line - 4, 4);

  menu = citations_menu (dataset, citations, &n_links, &first_link);
  if (n_links == 1 || self->open_one != NULL)
    gtk_widget_set_visible (open_button (self, FALSE), n_links == 1);
  if (n_links > 1 || self->open_many != NULL)
    gtk_widget_set_visible (open_button (self, TRUE), n_links > 1);
  if (n_links == 1)
    {
      /* Translators: a button's tooltip; %s is where the link goes */
      tooltip = g_strdup_printf (_("Open the source (%s)"), first_link);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->open_one), g_variant_new_string (first_link));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_one), "panel.open-source");
      gtk_widget_set_tooltip_text (self->open_one, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_one), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the source"), -1);
    }
  else if (n_links > 1)
    {
      /* The popover is made when it opens, not for every row bound. */
      g_set_object (&self->sources_menu, G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (self->open_many, _("Open a source"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_many), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open a source"), -1);
    }
}

/* "date · type", and the organisation it comes through. */
static char *
entry_meta (StraitsDataset *dataset, const StraitsHistoryEntry *entry, const char *date,
            const StraitsTypeDef *type)
{
  if (entry->via != STRAITS_NO_INDEX)
    /* Translators: date · type · the organisation an entry comes through */
    return g_strdup_printf (_("%s · %s · via %s"), date, type->label,
                            straits_dataset_get_actor (dataset, entry->via)->name);
  return g_strdup_printf ("%s · %s", date, type->label);
}

static void
bind_entry (StraitsHistoryRow *self, StraitsDataset *dataset, const StraitsHistoryEntry *entry, int chars_per_line)
{
  g_autofree char *date = NULL, *title = NULL, *meta = NULL, *text = NULL;
  const StraitsTypeDef *type;
  const char *summary, *note;

  if (entry->kind == STRAITS_HISTORY_EVENT)
    {
      const StraitsEvent *e = straits_dataset_get_event (dataset, entry->index);
      g_autofree char *start = straits_date_format (&e->date);
      g_autofree char *end = straits_date_format (&e->end);

      type = straits_dataset_get_event_type (dataset, e->type);
      date = *end ? g_strdup_printf (_("%s – %s"), start, end) : g_steal_pointer (&start);
      title = g_strdup (e->title);
      summary = e->description;
      note = e->note;
    }
  else
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, entry->index);

      type = straits_dataset_get_relation_type (dataset, r->type);
      date = straits_relation_format_dates (r);
      title = straits_history_relation_title (dataset, r);
      summary = r->summary;
      note = r->note;
    }
  meta = entry_meta (dataset, entry, date, type);
  self->colour = type->colour;
  self->is_relation = entry->kind == STRAITS_HISTORY_RELATION;
  gtk_widget_queue_draw (self->swatch);
  show_text (self->meta, meta, STRAITS_HISTORY_MAX_CHARS, chars_per_line, 2);
  /* Titles are set larger than the rest. */
  show_text (self->title, title, MIN (STRAITS_HISTORY_MAX_CHARS, chars_per_line * 4), chars_per_line * 9 / 10, 3);
  /* The curator's note says what the source does not: an inferred year, a
   * placement of the dataset's own, another source that differs. */
  if (note != NULL)
    /* Translators: an item's summary, then the dataset's note on it */
    text = g_strdup_printf (_("%s\nNote: %s"), summary ? summary : "", note);
  /* Six lines show: a 5000-character summary would cost Pango's
   * ellipsizing far more than the few hundred characters it shows. */
  show_text (self->summary, text ? text : summary ? summary : "",
             MIN (STRAITS_HISTORY_MAX_CHARS, chars_per_line * 8), chars_per_line, 6);
  gtk_widget_set_visible (self->summary, summary != NULL || note != NULL);
  bind_sources (self, dataset, straits_history_entry_citations (dataset, entry), chars_per_line);
}

/* Shows @item, a year's heading or an entry of @dataset, its texts laid
 * out for lines of @chars_per_line. */
void
straits_history_row_bind (StraitsHistoryRow  *self,
                          StraitsDataset     *dataset,
                          StraitsHistoryItem *item,
                          int                 chars_per_line)
{
  const char *heading = straits_history_item_get_heading (item);

  g_return_if_fail (STRAITS_IS_HISTORY_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->heading), heading != NULL);
  gtk_widget_set_visible (self->entry, heading == NULL);
  self->has_entry = heading == NULL;
  if (heading != NULL)
    gtk_label_set_text (self->heading, heading);
  else
    {
      self->bound = *straits_history_item_get_entry (item);
      bind_entry (self, dataset, &self->bound, chars_per_line);
    }
}

/* Dims the entry shown when it comes after @date, the time slider's
 * (NULL: all dates), and says so to assistive technologies. */
void
straits_history_row_show_time (StraitsHistoryRow *self,
                               StraitsDataset    *dataset,
                               const StraitsDate *date)
{
  gboolean later;

  g_return_if_fail (STRAITS_IS_HISTORY_ROW (self));

  later = self->has_entry && dataset != NULL &&
          straits_history_entry_state_at (dataset, &self->bound, date) == STRAITS_TIME_NOT_YET;
  if (later == gtk_widget_has_css_class (self->entry, "dim-label"))
    return;
  if (later)
    {
      gtk_widget_add_css_class (self->entry, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Later than the map's date"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "dim-label");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
straits_history_row_set_mark (StraitsHistoryRow *self,
                              StraitsDiffChange  mark)
{
  gboolean added = mark == STRAITS_DIFF_ADDED;

  g_return_if_fail (STRAITS_IS_HISTORY_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->mark), mark != STRAITS_DIFF_REMOVED);
  /* Libadwaita's colours for success and warning: the map's badges'. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->mark), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->mark), "warning");
  if (mark == STRAITS_DIFF_REMOVED)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (self->mark), added ? "success" : "warning");
  /* Translators: a history entry new (or changed) since the version compared with */
  gtk_label_set_text (self->mark, added ? C_("history", "New") : C_("history", "Changed"));
}

static void
straits_history_row_dispose (GObject *object)
{
  StraitsHistoryRow *self = STRAITS_HISTORY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRAITS_TYPE_HISTORY_ROW);
  g_clear_object (&self->sources_menu);
  G_OBJECT_CLASS (straits_history_row_parent_class)->dispose (object);
}

static void
straits_history_row_class_init (StraitsHistoryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = straits_history_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, heading);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, entry);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, meta);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, mark);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, title);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, summary);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, source);
  gtk_widget_class_bind_template_child (widget_class, StraitsHistoryRow, source_row);
  /* As the GtkBox it was: a group to assistive technologies. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
straits_history_row_init (StraitsHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
}

GtkWidget *
straits_history_row_new (void)
{
  return g_object_new (STRAITS_TYPE_HISTORY_ROW, NULL);
}
