/* straits-arms-page.c
 *
 * The selection's arms imports and exports over a period, computed from
 * the trade register: suppliers' and recipients' shares, TIV by year and
 * by category, and the largest deals. The period is five years up to the
 * time slider's year unless the user sets it; it moves with the slider.
 * Names are the dataset's where it has the actor (EU conventions), else
 * SIPRI's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "straits-arms-page.h"
#include "straits-export.h"
#include "straits-save-dialog.h"

#define DEFAULT_SPAN 5
#define MAX_BAR_ROWS 8
#define CONTEXT_YEARS 10
#define N_DEALS 8
/* The map shows the largest flows each way: forty curves to one state hide
 * the map and the relations on it. The page lists them all. */
#define MAX_FLOWS_EACH_WAY 10

struct _StraitsArmsPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *heading;
  GtkLabel *note;
  GtkSpinButton *from_spin;
  GtkSpinButton *to_spin;
  GtkCheckButton *local_check;
  GtkCheckButton *flows_check;
  GtkBox *charts;

  StraitsDataset *dataset;
  StraitsSipriRegister *reg;
  StraitsSelection selection;
  StraitsMapStyle style;
  GArray *actors;             /* guint32: the selection's register actors */
  gboolean updating;
  guint refresh_id;
};

G_DEFINE_FINAL_TYPE (StraitsArmsPage, straits_arms_page, GTK_TYPE_WIDGET)

enum {
  FLOWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names ---------------------------------------------------------------------- */

/* The dataset's actor for a register actor: by ISO code, then by id. */
static guint32
dataset_actor (StraitsArmsPage *self, guint32 reg_actor)
{
  const StraitsSipriActor *a = straits_sipri_register_get_actor (self->reg, reg_actor);
  guint32 found;

  if (self->dataset == NULL)
    return STRAITS_NO_INDEX;
  found = straits_dataset_find_actor_by_iso3 (self->dataset, a->id);
  return found != STRAITS_NO_INDEX ? found : straits_dataset_find_actor (self->dataset, a->id);
}

static const char *
actor_name (StraitsArmsPage *self, guint32 reg_actor)
{
  guint32 actor = dataset_actor (self, reg_actor);

  if (actor != STRAITS_NO_INDEX)
    return straits_dataset_get_actor (self->dataset, actor)->name;
  return straits_sipri_register_get_actor (self->reg, reg_actor)->name;
}

static void
use_dataset_names (StraitsArmsPage *self, StraitsArmsBreakdown *b)
{
  for (guint i = 0; i < b->rows->len; i++)
    {
      StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);

      if (row->actor != G_MAXUINT32)
        {
          g_free (row->name);
          row->name = g_strdup (actor_name (self, row->actor));
        }
    }
}

/* The selection as register actors: a state, a pair, a relation's two
 * ends, a group's members. */
static void
collect_actors (StraitsArmsPage *self)
{
  guint32 members[2];
  const guint32 *list = members;
  guint n = 0;

  g_array_set_size (self->actors, 0);
  if (self->reg == NULL || self->dataset == NULL)
    return;
  switch (self->selection.kind)
    {
    case STRAITS_SELECTION_ACTOR:
      members[n++] = self->selection.actors[0];
      break;
    case STRAITS_SELECTION_PAIR:
      members[n++] = self->selection.actors[0];
      members[n++] = self->selection.actors[1];
      break;
    case STRAITS_SELECTION_RELATION:
      members[n++] = straits_dataset_get_relation (self->dataset, self->selection.relation)->from;
      members[n++] = straits_dataset_get_relation (self->dataset, self->selection.relation)->to;
      break;
    case STRAITS_SELECTION_GROUP:
      {
        const StraitsGroup *g = &straits_dataset_get_grouping (self->dataset, self->selection.grouping)
                                   ->groups[self->selection.group];
        list = g->members;
        n = g->n_members;
      }
      break;
    case STRAITS_SELECTION_NONE:
    default:
      break;
    }
  for (guint i = 0; i < n; i++)
    {
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, list[i]);
      guint32 r = a->iso3 ? straits_sipri_register_find_actor (self->reg, a->iso3) : G_MAXUINT32;

      if (r == G_MAXUINT32)
        r = straits_sipri_register_find_actor (self->reg, a->id);
      if (r != G_MAXUINT32)
        g_array_append_val (self->actors, r);
    }
}

static StraitsArmsFilter
make_filter (StraitsArmsPage *self, gboolean imports)
{
  StraitsArmsFilter filter = { 0 };

  straits_arms_page_get_period (self, &filter.from, &filter.to);
  filter.exclude_local_production = !gtk_check_button_get_active (self->local_check);
  if (imports)
    filter.recipients = (const guint32 *) self->actors->data, filter.n_recipients = self->actors->len;
  else
    filter.suppliers = (const guint32 *) self->actors->data, filter.n_suppliers = self->actors->len;
  return filter;
}

/* Cards ---------------------------------------------------------------------- */

/* A card's chart is its drawing area's: freed with it (the draw func's
 * destroy notify). The card's buttons, made and freed with the area, are
 * handed the chart itself. */
static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  StraitsArmsPage *self = STRAITS_ARMS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (area), STRAITS_TYPE_ARMS_PAGE));
  const StraitsArmsChart *chart = user_data;
  double scale = STRAITS_PX_PER_PT;

  cairo_scale (cr, scale, scale);
  straits_arms_chart_draw (chart, cr, width / scale, height / scale, &self->style, NULL, NULL);
}

/* Save as CSV… and Export…: the chart is the area's (its draw func's
 * data), which the dialog keeps alive while it asks. */
static gboolean
save_csv (const char *path, gpointer data, GError **error)
{
  const StraitsArmsChart *chart = data;
  g_autofree char *csv = straits_arms_breakdown_to_csv (chart->breakdown);

  return straits_export_write_text (path, csv, error);
}

static gboolean
save_figure (const char *path, gpointer data, GError **error)
{
  return straits_arms_chart_export (data, NULL, path, STRAITS_CHART_EXPORT_WIDTH,
                                    STRAITS_CHART_EXPORT_HEIGHT, 150, error);
}

static void
save_chart (GtkWidget *area, const StraitsArmsChart *chart, gboolean as_csv)
{
  g_autofree char *name = g_strconcat (chart->title, as_csv ? ".csv" : ".pdf", NULL);

  straits_save_dialog_run (area, as_csv ? _("Save Table as CSV") : _("Export Chart"),
                           as_csv ? _("_Save") : _("_Export"), name,
                           as_csv ? save_csv : save_figure, (gpointer) chart);
}

static void
on_copy_clicked (GtkButton *button, const StraitsArmsChart *chart)
{
  g_autofree char *text = straits_arms_chart_describe (chart);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
}

/* The card's chart area: the buttons' only other child of the card. */
static GtkWidget *
card_area (GtkButton *button)
{
  return gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (button))));
}

static void
on_csv_clicked (GtkButton *button, const StraitsArmsChart *chart)
{
  save_chart (card_area (button), chart, TRUE);
}

static void
on_export_clicked (GtkButton *button, const StraitsArmsChart *chart)
{
  save_chart (card_area (button), chart, FALSE);
}

static GtkWidget *
table_cell (GtkGrid *grid, const char *text, int column, int row, gboolean heading, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !number);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, heading ? "caption-heading" : "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* The chart's numbers in real columns. */
static GtkWidget *
chart_table (const StraitsArmsChart *chart, const char *key_heading)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  table_cell (GTK_GRID (grid), key_heading, 0, 0, TRUE, FALSE);
  table_cell (GTK_GRID (grid), _("TIV (millions)"), 1, 0, TRUE, TRUE);
  if (chart->kind == STRAITS_ARMS_CHART_BARS)
    table_cell (GTK_GRID (grid), _("Share"), 2, 0, TRUE, TRUE);
  for (guint i = 0; i < chart->breakdown->rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (chart->breakdown->rows, StraitsArmsRow, i);
      g_autofree char *tiv = g_strdup_printf ("%.2f", row->tiv);
      g_autofree char *share = g_strdup_printf ("%.2f %%", row->share_pct);

      table_cell (GTK_GRID (grid), row->name, 0, (int) i + 1, FALSE, FALSE);
      table_cell (GTK_GRID (grid), tiv, 1, (int) i + 1, FALSE, TRUE);
      if (chart->kind == STRAITS_ARMS_CHART_BARS)
        table_cell (GTK_GRID (grid), share, 2, (int) i + 1, FALSE, TRUE);
    }
  return grid;
}

/* A chart with Table, Copy, Save as CSV… and Export… under it. Takes @chart. */
static void
add_card (StraitsArmsPage *self, StraitsArmsChart *chart, const char *key_heading)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *table = gtk_toggle_button_new_with_mnemonic (_("_Table"));
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy"));
  GtkWidget *csv = gtk_button_new_with_mnemonic (_("Save as _CSV…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *revealer = gtk_revealer_new ();
  g_autofree char *description = straits_arms_chart_describe (chart);
  guint rows = chart->breakdown->rows->len;

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       chart->kind == STRAITS_ARMS_CHART_YEARS ? 220 : 100 + 26 * MAX (rows, 1));
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 300);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, chart, (GDestroyNotify) straits_arms_chart_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_revealer_set_child (GTK_REVEALER (revealer), chart_table (chart, key_heading));
  g_object_bind_property (table, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
  gtk_widget_set_tooltip_text (copy, _("Copy the numbers as text"));
  gtk_widget_set_tooltip_text (export, _("Save this chart as PNG, PDF or SVG"));
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), chart);
  g_signal_connect (csv, "clicked", G_CALLBACK (on_csv_clicked), chart);
  g_signal_connect (export, "clicked", G_CALLBACK (on_export_clicked), chart);
  gtk_box_append (GTK_BOX (buttons), table);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), csv);
  gtk_widget_set_hexpand (export, TRUE);
  gtk_widget_set_halign (export, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), export);
  gtk_box_append (GTK_BOX (card), area);
  gtk_box_append (GTK_BOX (card), buttons);
  gtk_box_append (GTK_BOX (card), revealer);
  gtk_box_append (self->charts, card);
}

static void
add_breakdown_card (StraitsArmsPage *self, gboolean imports, StraitsArmsBy by, const char *title,
                    const char *key_heading)
{
  StraitsArmsFilter filter = make_filter (self, imports);
  StraitsArmsBreakdown *b = straits_arms_breakdown (self->reg, &filter, by);
  g_autofree char *subtitle = straits_arms_chart_subtitle (filter.from, filter.to, filter.exclude_local_production);
  g_autofree char *source = straits_sipri_register_citation (self->reg);
  guint mark_from = filter.from, mark_to = filter.to;

  if (by == STRAITS_ARMS_BY_YEAR)
    {
      /* Years before the period too, for the trend it belongs to. */
      guint first, last;

      straits_sipri_register_get_years (self->reg, &first, &last);
      straits_arms_breakdown_free (b);
      filter.from = MAX (first, filter.to >= CONTEXT_YEARS ? filter.to - CONTEXT_YEARS + 1 : first);
      filter.from = MIN (filter.from, mark_from);
      b = straits_arms_breakdown (self->reg, &filter, by);
    }
  else if (by == STRAITS_ARMS_BY_CATEGORY)
    /* SIPRI has eleven categories, one of them "Other": all shown. */
    ;
  else
    {
      use_dataset_names (self, b);
      straits_arms_breakdown_fold (b, MAX_BAR_ROWS);
    }
  add_card (self, straits_arms_chart_new (title, subtitle, source,
                                          by == STRAITS_ARMS_BY_YEAR ? STRAITS_ARMS_CHART_YEARS : STRAITS_ARMS_CHART_BARS,
                                          b, mark_from, mark_to),
            key_heading);
}

/* The largest deals: designation, description, parties, numbers, years,
 * TIV, estimates marked. */
static void
add_deals (StraitsArmsPage *self)
{
  StraitsArmsFilter filter = make_filter (self, TRUE);
  g_autoptr(GArray) deals = straits_arms_largest_deals (self->reg, &filter, N_DEALS);
  GtkWidget *heading = gtk_label_new (_("Largest deals delivered in the period (imports)"));
  GtkWidget *grid = gtk_grid_new ();
  static const char *const headings[] = { N_("Designation"), N_("Supplier"), N_("Numbers"), N_("Years"), N_("TIV") };
  GtkWidget *footnote;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    table_cell (GTK_GRID (grid), _(headings[c]), (int) c, 0, TRUE, c >= 2);
  for (guint i = 0; i < deals->len; i++)
    {
      const StraitsArmsDeal *d = &g_array_index (deals, StraitsArmsDeal, i);
      const char *mark = d->estimate ? "≈ " : "";
      g_autofree char *designation = g_strdup_printf ("%s (%s)%s", d->designation, d->description,
                                                      d->local_production ? _(", local production") : "");
      g_autofree char *numbers = d->numbers >= 0 ? g_strdup_printf ("%s%d", mark, d->numbers) : g_strdup ("–");
      g_autofree char *years = d->first_year == d->last_year ? g_strdup_printf ("%s%u", mark, d->first_year)
                                                             : g_strdup_printf ("%s%u–%u", mark, d->first_year, d->last_year);
      g_autofree char *tiv = g_strdup_printf ("%.1f", d->tiv);

      gtk_widget_set_hexpand (table_cell (GTK_GRID (grid), designation, 0, (int) i + 1, FALSE, FALSE), TRUE);
      table_cell (GTK_GRID (grid), actor_name (self, d->supplier), 1, (int) i + 1, FALSE, FALSE);
      table_cell (GTK_GRID (grid), numbers, 2, (int) i + 1, FALSE, TRUE);
      table_cell (GTK_GRID (grid), years, 3, (int) i + 1, FALSE, TRUE);
      table_cell (GTK_GRID (grid), tiv, 4, (int) i + 1, FALSE, TRUE);
    }
  footnote = gtk_label_new (deals->len > 0 ? _("≈ numbers or years are SIPRI's estimates. TIV of the deliveries in the period.")
                                           : _("No deliveries recorded in the period."));
  gtk_label_set_wrap (GTK_LABEL (footnote), TRUE);
  gtk_label_set_xalign (GTK_LABEL (footnote), 0);
  gtk_widget_add_css_class (footnote, "dim-label");
  gtk_widget_add_css_class (footnote, "caption");
  gtk_box_append (self->charts, heading);
  gtk_box_append (self->charts, grid);
  gtk_box_append (self->charts, footnote);
}

static void
clear_charts (StraitsArmsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts))) != NULL)
    gtk_box_remove (self->charts, child);
}

static gboolean
refresh_now (gpointer user_data)
{
  StraitsArmsPage *self = user_data;
  g_autofree char *citation = NULL;
  guint from, to;

  self->refresh_id = 0;
  clear_charts (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->reg != NULL);
  if (self->reg == NULL)
    {
      g_signal_emit (self, signals[FLOWS_CHANGED], 0);
      return G_SOURCE_REMOVE;
    }
  collect_actors (self);
  straits_arms_page_get_period (self, &from, &to);
  citation = straits_sipri_register_citation (self->reg);
  if (self->actors->len == 0)
    {
      g_autofree char *text = g_strdup_printf (self->selection.kind == STRAITS_SELECTION_NONE
                                               ? _("Select a state, two states or a group to see who arms whom (%s).")
                                               : _("The trade register has no transfers of this selection (%s)."),
                                               citation);
      gtk_label_set_text (self->note, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Computed from the trade register: %s. "
                                                 "The paper's own figures follow below."), citation);
      gtk_label_set_text (self->note, text);
      add_breakdown_card (self, TRUE, STRAITS_ARMS_BY_SUPPLIER, _("Suppliers’ shares of its arms imports"), _("Supplier"));
      add_breakdown_card (self, FALSE, STRAITS_ARMS_BY_RECIPIENT, _("Recipients’ shares of its arms exports"), _("Recipient"));
      add_breakdown_card (self, TRUE, STRAITS_ARMS_BY_YEAR, _("Arms imports by year"), _("Year"));
      add_breakdown_card (self, TRUE, STRAITS_ARMS_BY_CATEGORY, _("Arms imports by armament category"), _("Category"));
      add_deals (self);
    }
  g_signal_emit (self, signals[FLOWS_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
refresh (StraitsArmsPage *self)
{
  if (self->refresh_id == 0 && !self->updating)
    self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_now, self, NULL);
}

/* Public ---------------------------------------------------------------------- */

void
straits_arms_page_get_period (StraitsArmsPage *self, guint *from, guint *to)
{
  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));
  *from = (guint) gtk_spin_button_get_value_as_int (self->from_spin);
  *to = (guint) gtk_spin_button_get_value_as_int (self->to_spin);
  if (*from > *to)
    *from = *to;
}

void
straits_arms_page_set_year (StraitsArmsPage *self, guint year)
{
  guint first, last, from, to, span;

  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));
  if (self->reg == NULL)
    return;
  straits_sipri_register_get_years (self->reg, &first, &last);
  straits_arms_page_get_period (self, &from, &to);
  span = to - from + 1;
  /* The register ends before the slider can: its last year stands in. */
  to = year == 0 ? last : CLAMP (year, first, last);
  from = to >= first + span - 1 ? to - span + 1 : first;
  self->updating = TRUE;
  gtk_spin_button_set_value (self->from_spin, from);
  gtk_spin_button_set_value (self->to_spin, to);
  self->updating = FALSE;
  refresh (self);
}

void
straits_arms_page_set_register (StraitsArmsPage *self, StraitsSipriRegister *reg)
{
  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));

  if (!g_set_object (&self->reg, reg))
    return;
  /* Actor indices are the old register's until the next refresh. */
  g_array_set_size (self->actors, 0);
  if (reg != NULL)
    {
      guint first, last, to;

      straits_sipri_register_get_years (reg, &first, &last);
      to = MIN (last, (guint) gtk_spin_button_get_value_as_int (self->to_spin));
      to = to < first ? last : to;
      self->updating = TRUE;
      gtk_spin_button_set_range (self->from_spin, first, last);
      gtk_spin_button_set_range (self->to_spin, first, last);
      gtk_spin_button_set_value (self->to_spin, to);
      gtk_spin_button_set_value (self->from_spin, MAX (first, to - DEFAULT_SPAN + 1));
      self->updating = FALSE;
    }
  refresh (self);
}

StraitsSipriRegister *
straits_arms_page_get_register (StraitsArmsPage *self)
{
  g_return_val_if_fail (STRAITS_IS_ARMS_PAGE (self), NULL);
  return self->reg;
}

void
straits_arms_page_set_dataset (StraitsArmsPage *self, StraitsDataset *dataset)
{
  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));
  g_set_object (&self->dataset, dataset);
  straits_selection_init_none (&self->selection);
  refresh (self);
}

void
straits_arms_page_set_selection (StraitsArmsPage *self, const StraitsSelection *selection)
{
  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));
  if (straits_selection_equal (&self->selection, selection))
    return;
  self->selection = *selection;
  refresh (self);
}

void
straits_arms_page_set_style (StraitsArmsPage *self, const StraitsMapStyle *style)
{
  g_return_if_fail (STRAITS_IS_ARMS_PAGE (self));
  self->style = *style;
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    if (GTK_IS_BOX (card) && gtk_widget_get_first_child (card) != NULL)
      gtk_widget_queue_draw (gtk_widget_get_first_child (card));
}

static gboolean
selected (StraitsArmsPage *self, guint32 actor)
{
  for (guint k = 0; k < self->actors->len; k++)
    if (g_array_index (self->actors, guint32, k) == actor)
      return TRUE;
  return FALSE;
}

/* The largest flows from each supplier to each recipient: into the
 * selection's members, or out of them to others (flows between members
 * count once, as imports). */
static void
append_flows (StraitsArmsPage *self, GArray *flows, gboolean imports)
{
  StraitsArmsFilter filter = make_filter (self, imports);
  g_autoptr(GArray) pairs = straits_arms_pairs (self->reg, &filter);

  for (guint i = 0, n = 0; i < pairs->len && n < MAX_FLOWS_EACH_WAY; i++)
    {
      const StraitsArmsPair *p = &g_array_index (pairs, StraitsArmsPair, i);
      guint32 partner = imports ? p->supplier : p->recipient;
      StraitsMapFlow flow = { 0 };

      if (!imports && selected (self, p->recipient))
        continue;
      flow.from = g_strdup (straits_sipri_register_get_actor (self->reg, p->supplier)->id);
      flow.to = g_strdup (straits_sipri_register_get_actor (self->reg, p->recipient)->id);
      flow.label = g_strdup_printf ("%s %.0f", actor_name (self, partner), p->tiv);
      flow.tiv = p->tiv;
      flow.label_at_recipient = !imports;
      g_array_append_val (flows, flow);
      n++;
    }
}

GArray *
straits_arms_page_get_flows (StraitsArmsPage *self, char **legend)
{
  GArray *flows = g_array_new (FALSE, TRUE, sizeof (StraitsMapFlow));
  guint from, to;

  g_return_val_if_fail (STRAITS_IS_ARMS_PAGE (self), flows);
  g_array_set_clear_func (flows, (GDestroyNotify) straits_map_flow_clear);
  straits_arms_page_get_period (self, &from, &to);
  *legend = g_strdup_printf (_("Arms transfers %u–%u (the %u largest each way), width by SIPRI TIV"), from, to,
                             MAX_FLOWS_EACH_WAY);
  if (self->reg == NULL || self->actors->len == 0 || !gtk_check_button_get_active (self->flows_check))
    return flows;
  append_flows (self, flows, TRUE);
  append_flows (self, flows, FALSE);
  return flows;
}

/* GObject ---------------------------------------------------------------------- */

static void
straits_arms_page_dispose (GObject *object)
{
  StraitsArmsPage *self = STRAITS_ARMS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->dataset);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->actors, g_array_unref);
  G_OBJECT_CLASS (straits_arms_page_parent_class)->dispose (object);
}

static void
straits_arms_page_class_init (StraitsArmsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = straits_arms_page_dispose;
  /**
   * StraitsArmsPage::flows-changed:
   *
   * The flows for the map changed: the selection, the period, the options.
   */
  signals[FLOWS_CHANGED] = g_signal_new ("flows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "armspage");
}

static GtkWidget *
period_row (StraitsArmsPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *from_label = gtk_label_new_with_mnemonic (_("_From"));
  GtkWidget *to_label = gtk_label_new_with_mnemonic (_("_to"));

  self->from_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1950, 2100, 1));
  self->to_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1950, 2100, 1));
  gtk_label_set_mnemonic_widget (GTK_LABEL (from_label), GTK_WIDGET (self->from_spin));
  gtk_label_set_mnemonic_widget (GTK_LABEL (to_label), GTK_WIDGET (self->to_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("First year of the period"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Last year of the period"), -1);
  gtk_box_append (GTK_BOX (row), from_label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->from_spin));
  gtk_box_append (GTK_BOX (row), to_label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->to_spin));
  g_signal_connect_swapped (self->from_spin, "value-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->to_spin, "value-changed", G_CALLBACK (refresh), self);
  return row;
}

static void
straits_arms_page_init (StraitsArmsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  self->box = box;
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  self->actors = g_array_new (FALSE, FALSE, sizeof (guint32));
  straits_selection_init_none (&self->selection);
  straits_map_style_init (&self->style, STRAITS_MAP_STYLE_LIGHT);

  self->heading = GTK_LABEL (gtk_label_new (_("Arms transfers (SIPRI Arms Transfers Database)")));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  self->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->note, 0);
  gtk_label_set_wrap (self->note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "caption");
  self->local_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include _local (licensed) production")));
  gtk_check_button_set_active (self->local_check, TRUE);
  self->flows_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Show the _flows on the map")));
  gtk_check_button_set_active (self->flows_check, TRUE);
  g_signal_connect_swapped (self->local_check, "toggled", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->flows_check, "toggled", G_CALLBACK (refresh), self);
  self->charts = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (box), period_row (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->local_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->flows_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->charts));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
straits_arms_page_new (void)
{
  return g_object_new (STRAITS_TYPE_ARMS_PAGE, NULL);
}
