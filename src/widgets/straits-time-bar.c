/* straits-time-bar.c
 *
 * The slider counts months: year * 12 + month - 1. One step past the last
 * month of the data stands for "all dates", where nothing is filtered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-time-bar.h"

/* Between two years while playing. */
#define PLAY_STEP_MS 900

struct _StraitsTimeBar
{
  GtkWidget parent_instance;

  GtkToggleButton *play_button;
  GtkScale *scale;
  GtkAdjustment *adjustment;
  GtkLabel *label;
  guint play_id;
};

G_DEFINE_FINAL_TYPE (StraitsTimeBar, straits_time_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
month_value (const StraitsDate *date, gboolean last)
{
  guint month = date->precision >= STRAITS_DATE_MONTH ? date->month : (last ? 12 : 1);

  return date->year * 12u + month - 1;
}

static void
widen_range (const StraitsDate *date, guint *lo, guint *hi)
{
  if (!straits_date_is_set (date))
    return;
  *lo = MIN (*lo, month_value (date, FALSE));
  *hi = MAX (*hi, month_value (date, TRUE));
}

static gboolean
shows_all_dates (StraitsTimeBar *self)
{
  return gtk_adjustment_get_value (self->adjustment) >= gtk_adjustment_get_upper (self->adjustment) - 0.5;
}

gboolean
straits_time_bar_get_date (StraitsTimeBar *self,
                           StraitsDate    *date)
{
  guint v;

  g_return_val_if_fail (STRAITS_IS_TIME_BAR (self), FALSE);
  v = (guint) (gtk_adjustment_get_value (self->adjustment) + 0.5);
  *date = (StraitsDate) { v / 12, v % 12 + 1, 0, STRAITS_DATE_MONTH };
  return !shows_all_dates (self);
}

/* The date in words, beside the slider and for screen readers. */
static void
update_label (StraitsTimeBar *self)
{
  StraitsDate date;
  g_autofree char *text = NULL;

  if (!straits_time_bar_get_date (self, &date))
    text = g_strdup (_("All dates"));
  else
    {
      g_autofree char *formatted = straits_date_format (&date);
      /* Translators: the time slider's date, e.g. "as of April 2025" */
      text = g_strdup_printf (_("as of %s"), formatted);
    }
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
on_value_changed (StraitsTimeBar *self)
{
  update_label (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
straits_time_bar_set_dataset (StraitsTimeBar *self,
                              StraitsDataset *dataset)
{
  guint lo = G_MAXUINT, hi = 0;

  g_return_val_if_fail (STRAITS_IS_TIME_BAR (self), FALSE);
  for (guint i = 0; i < straits_dataset_get_n_events (dataset); i++)
    widen_range (&straits_dataset_get_event (dataset, i)->date, &lo, &hi);
  for (guint i = 0; i < straits_dataset_get_n_relations (dataset); i++)
    {
      widen_range (&straits_dataset_get_relation (dataset, i)->start, &lo, &hi);
      widen_range (&straits_dataset_get_relation (dataset, i)->end, &lo, &hi);
    }
  if (lo > hi)
    return FALSE;
  /* Whole years, so that playing steps from January to January. */
  lo -= lo % 12;
  gtk_scale_clear_marks (self->scale);
  for (guint v = lo; v <= hi; v += 12)
    {
      g_autofree char *year = g_strdup_printf ("%u", v / 12);
      /* Few enough labels that the slider does not widen the window:
       * decades over half a century (the bundled dataset starts in 1952). */
      guint span = (hi - lo) / 12, step = span > 50 ? 10 : span > 20 ? 5 : 1;
      gboolean labelled = (v / 12) % step == 0;
      gtk_scale_add_mark (self->scale, v, GTK_POS_BOTTOM, labelled ? year : NULL);
    }
  gtk_adjustment_configure (self->adjustment, hi + 1, lo, hi + 1, 1, 12, 0);
  /* configure() emits no ::value-changed when the value stays. */
  on_value_changed (self);
  return TRUE;
}

void
straits_time_bar_set_date (StraitsTimeBar    *self,
                           const StraitsDate *date)
{
  g_return_if_fail (STRAITS_IS_TIME_BAR (self));
  if (straits_date_is_set (date))
    gtk_adjustment_set_value (self->adjustment, month_value (date, TRUE));
}

void
straits_time_bar_show_all_dates (StraitsTimeBar *self)
{
  g_return_if_fail (STRAITS_IS_TIME_BAR (self));
  gtk_adjustment_set_value (self->adjustment, gtk_adjustment_get_upper (self->adjustment));
}

const char *
straits_time_bar_get_text (StraitsTimeBar *self)
{
  g_return_val_if_fail (STRAITS_IS_TIME_BAR (self), NULL);
  return gtk_label_get_text (self->label);
}

/* Playing ------------------------------------------------------------------ */

static void
stop_playing (StraitsTimeBar *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_toggle_button_set_active (self->play_button, FALSE);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-start-symbolic");
}

static gboolean
play_step (gpointer user_data)
{
  StraitsTimeBar *self = user_data;
  double v = gtk_adjustment_get_value (self->adjustment);
  double last = gtk_adjustment_get_upper (self->adjustment) - 1;

  if (v >= last)
    {
      self->play_id = 0;
      stop_playing (self);
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (self->adjustment, MIN (v + 12 - ((guint) v % 12), last));
  return G_SOURCE_CONTINUE;
}

static void
on_play_toggled (StraitsTimeBar *self)
{
  if (!gtk_toggle_button_get_active (self->play_button))
    {
      stop_playing (self);
      return;
    }
  if (self->play_id != 0)
    return;
  /* From the start when at the end or at "all dates". */
  if (gtk_adjustment_get_value (self->adjustment) >= gtk_adjustment_get_upper (self->adjustment) - 1)
    gtk_adjustment_set_value (self->adjustment, gtk_adjustment_get_lower (self->adjustment));
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-pause-symbolic");
  self->play_id = g_timeout_add (PLAY_STEP_MS, play_step, self);
}

/* GObject ------------------------------------------------------------------ */

static void
straits_time_bar_dispose (GObject *object)
{
  StraitsTimeBar *self = STRAITS_TIME_BAR (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRAITS_TYPE_TIME_BAR);
  G_OBJECT_CLASS (straits_time_bar_parent_class)->dispose (object);
}

static void
straits_time_bar_class_init (StraitsTimeBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_time_bar_dispose;

  /**
   * StraitsTimeBar::changed:
   *
   * The date shown changed (straits_time_bar_get_date() tells it).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-time-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsTimeBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsTimeBar, scale);
  gtk_widget_class_bind_template_child (widget_class, StraitsTimeBar, adjustment);
  gtk_widget_class_bind_template_child (widget_class, StraitsTimeBar, label);
  gtk_widget_class_bind_template_callback (widget_class, on_play_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
}

static void
straits_time_bar_init (StraitsTimeBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
straits_time_bar_new (void)
{
  return g_object_new (STRAITS_TYPE_TIME_BAR, NULL);
}
