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
#include "straits-changes-page.h"
#include "straits-chart-card.h"
#include "straits-dataset-diff.h"
#include "straits-country-names.h"
#include "straits-history-row.h"
#include "straits-maritime-overlay.h"
#include "straits-history-list.h"
#include "straits-side-panel.h"
#include "straits-text.h"

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
  StraitsChangesPage *changes_page;
  GtkStackPage *changes_stack_page;
  GHashTable *changed_relations; /* id → StraitsDiffChange, while compared */
  GHashTable *changed_events;

  StraitsDataset *dataset;
  StraitsSelection selection;
  StraitsMapStyle style;
  StraitsHistoryRows *entries; /* of the selection, not filtered, shared
                                * read-only with the history's jobs */
  StraitsHistoryList *items;  /* the rows shown: filtered, with headings */
  guint generation;           /* of what the history should show */
  guint shown_generation;     /* of what it shows */
  gboolean entries_stale;     /* the selection or dataset changed */
  gboolean job_running;
  gboolean disposed;
  /* set_dataset was called: before, no history is shown (not even that
   * there is no dataset: a window starts with its dataset on the way). */
  gboolean told_dataset;
  gboolean scroll_pending;    /* to scroll_day, once the history is shown */
  guint32 scroll_day;
  StraitsDate time;           /* the time slider's; unset: all dates */
  GPtrArray *rows;            /* the StraitsHistoryRows made (references), to
                               * dim anew when the time changes */
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

/* The panel keeps the rows it makes: a row the list view lets go of (all
 * 200 when the history changes) is set on the next list item made instead
 * of a new one. Making 40 rows and freeing 200 held the main thread for
 * 25 of the 30 ms a change of selection took (bench-history). */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  StraitsSidePanel *self = user_data;
  GtkWidget *row = NULL;

  for (guint i = 0; i < self->rows->len && row == NULL; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (self->rows, i)) == NULL)
      row = g_ptr_array_index (self->rows, i);
  if (row == NULL)
    {
      row = g_object_ref_sink (straits_history_row_new ());
      g_ptr_array_add (self->rows, row);
    }
  gtk_list_item_set_child (item, row);
}

/* Whether @entry was added or changed since the compared version
 * (STRAITS_DIFF_REMOVED: neither). */
static StraitsDiffChange
entry_mark (StraitsSidePanel *self, const StraitsHistoryEntry *entry)
{
  if (self->changed_relations == NULL)
    return STRAITS_DIFF_REMOVED;
  return GPOINTER_TO_UINT (entry->kind == STRAITS_HISTORY_EVENT
                           ? g_hash_table_lookup (self->changed_events,
                                                  straits_dataset_get_event (self->dataset, entry->index)->id)
                           : g_hash_table_lookup (self->changed_relations,
                                                  straits_dataset_get_relation (self->dataset, entry->index)->id));
}
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  StraitsSidePanel *self = user_data;
  StraitsHistoryItem *row = gtk_list_item_get_item (item);
  gboolean entry = straits_history_item_get_heading (row) == NULL;

  gtk_list_item_set_activatable (item, entry);
  gtk_list_item_set_selectable (item, entry);
  straits_history_row_bind (STRAITS_HISTORY_ROW (gtk_list_item_get_child (item)), self->dataset, row,
                            entry ? history_chars_per_line (self) : 0);
  straits_history_row_set_mark (STRAITS_HISTORY_ROW (gtk_list_item_get_child (item)),
                                entry ? entry_mark (self, straits_history_item_get_entry (row)) : STRAITS_DIFF_REMOVED);
  straits_history_row_show_time (STRAITS_HISTORY_ROW (gtk_list_item_get_child (item)), self->dataset, &self->time);
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
  StraitsHistoryEntry entry;

  if (straits_history_list_get_entry (self->items, position, &entry))
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, (guint) entry.kind, (guint) entry.index);
}

/* Charts ------------------------------------------------------------------ */

/* Whoever holds the panel exports charts (the window, through its figure
 * dialog): the panel only says which. */
static void
on_export_chart (StraitsChartCard *card,
                 guint             figure,
                 gboolean          donut,
                 StraitsSidePanel *self)
{
  g_signal_emit (self, signals[EXPORT_CHART], 0, figure, donut);
}

static GtkWidget *
new_chart_card (StraitsSidePanel *self, guint32 index)
{
  GtkWidget *card = straits_chart_card_new (self->dataset, index, &self->style);

  g_signal_connect (card, "export", G_CALLBACK (on_export_chart), self);
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
  guint n_entries = self->entries ? straits_history_rows_get_n_entries (self->entries) : 0;

  if (self->dataset == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }
  title = straits_selection_describe (self->dataset, &self->selection);
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u entry in the history", "%u entries in the history", n_entries),
                              n_entries);
  title_shown = straits_text_for_label (title, STRAITS_HISTORY_MAX_CHARS);
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
  StraitsHistoryRows *entries; /* in when not collecting; out */
  guint type_choice;
  char *needle;                /* casefolded */
  StraitsHistoryRows *rows;    /* out */
} HistoryJob;

static void
history_job_free (HistoryJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->entries, straits_history_rows_unref);
  g_clear_pointer (&job->rows, straits_history_rows_unref);
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
  job->entries = !job->collect ? straits_history_rows_ref (self->entries) : NULL;
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
    job->entries = straits_history_rows_collect (job->dataset, &job->selection);
  job->rows = straits_history_rows_filter (job->entries, job->type_choice, job->needle, job->dataset);
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
  gboolean any = job->rows != NULL && straits_history_rows_get_n_entries (job->rows) > 0;

  self->shown_generation = job->generation;
  if (job->collect)
    {
      g_clear_pointer (&self->entries, straits_history_rows_unref);
      self->entries = g_steal_pointer (&job->entries);
      self->entries_stale = FALSE;
    }
  straits_history_list_set (self->items, job->dataset, g_steal_pointer (&job->rows));
  update_header (self);
  gtk_stack_set_visible_child_name (self->history_stack, any ? "list" : "empty");
  adw_status_page_set_description (self->history_empty,
                                   job->dataset == NULL ? _("No dataset is open.")
                                   : self->entries && straits_history_rows_get_n_entries (self->entries) > 0
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
  if (self->dataset == NULL && !self->told_dataset)
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

  self->told_dataset = TRUE;
  /* Nothing shown may index the new dataset with the old one's indices. */
  straits_history_list_set (self->items, NULL, NULL);
  g_clear_pointer (&self->entries, straits_history_rows_unref);
  g_set_object (&self->dataset, dataset);
  straits_selection_init_none (&self->selection);
  straits_arms_page_set_dataset (self->arms_page, dataset);
  refresh (self);
  fill_type_filter (self);
}

void
straits_side_panel_set_changes (StraitsSidePanel *self,
                                GPtrArray        *changes,
                                const char       *since)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));
  g_clear_pointer (&self->changed_relations, g_hash_table_unref);
  g_clear_pointer (&self->changed_events, g_hash_table_unref);
  if (changes != NULL)
    {
      self->changed_relations = straits_diff_changed_ids (changes, "relation");
      self->changed_events = straits_diff_changed_ids (changes, "event");
    }
  straits_changes_page_set (self->changes_page, changes, since);
  gtk_stack_page_set_visible (self->changes_stack_page, changes != NULL);
  /* The rows shown are bound again, with their marks. */
  if (self->refresh_id == 0 && self->dataset != NULL)
    history_changed (self);
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
    if (STRAITS_IS_CHART_CARD (card))
      straits_chart_card_set_style (STRAITS_CHART_CARD (card), style);
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

/* Follows the time slider: the history dims its entries after @date
 * (NULL: all dates, none dimmed) and scrolls to the date. */
void
straits_side_panel_set_time (StraitsSidePanel  *self,
                             const StraitsDate *date)
{
  g_return_if_fail (STRAITS_IS_SIDE_PANEL (self));

  self->time = date != NULL ? *date : (StraitsDate) STRAITS_DATE_INIT;
  for (guint i = 0; i < self->rows->len; i++)
    straits_history_row_show_time (g_ptr_array_index (self->rows, i), self->dataset, &self->time);
  if (straits_date_is_set (&self->time))
    straits_side_panel_scroll_to_date (self, &self->time);
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
  /* The rows may outlive the panel, in the list view's hands. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRAITS_TYPE_SIDE_PANEL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->items);
  g_clear_pointer (&self->entries, straits_history_rows_unref);
  g_clear_pointer (&self->changed_relations, g_hash_table_unref);
  g_clear_pointer (&self->changed_events, g_hash_table_unref);
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

  g_type_ensure (STRAITS_TYPE_CHANGES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, changes_page);
  gtk_widget_class_bind_template_child (widget_class, StraitsSidePanel, changes_stack_page);
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
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
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
  /* The history list stays empty until a dataset is set (told_dataset):
   * the first frame that showed the map said "No dataset is open." beside
   * it. A window left without one says so with set_dataset (NULL). */
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
