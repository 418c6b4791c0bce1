/* straits-presenter-console.c
 *
 * The console holds no state of the presentation: the window says which
 * slide is shown, and the console's keys and buttons ask the window
 * (through the audience widget's actions) to move on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-presenter-console.h"

struct _StraitsPresenterConsole
{
  AdwWindow parent_instance;

  GtkWidget *audience;
  GtkPicture *current_picture;
  GtkPicture *next_picture;
  GtkLabel *next_label;
  GtkLabel *slide_label;
  GtkLabel *clock_label;
  GtkLabel *notes_label;
  gint64 started;          /* monotonic, µs */
  guint clock_source;
};

G_DEFINE_FINAL_TYPE (StraitsPresenterConsole, straits_presenter_console, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_AUDIENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The time elapsed since the presentation began, and the time of day. */
static gboolean
update_clock (gpointer user_data)
{
  StraitsPresenterConsole *self = user_data;
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time_of_day = g_date_time_format (now, "%H:%M");
  g_autofree char *text = NULL;

  /* Translators: the presenter console's clock: time elapsed since the
   * presentation began (hours:minutes:seconds), then the time of day */
  text = g_strdup_printf (_("%02d:%02d:%02d elapsed · %s"), (int) (seconds / 3600), (int) (seconds / 60 % 60),
                          (int) (seconds % 60), time_of_day);
  gtk_label_set_text (self->clock_label, text);
  return G_SOURCE_CONTINUE;
}

/* The console's actions are the window's: asked of the audience widget,
 * whose window has them. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StraitsPresenterConsole *self = STRAITS_PRESENTER_CONSOLE (widget);
  const char *window_action = g_str_equal (action_name, "console.next") ? "win.next-slide"
                              : g_str_equal (action_name, "console.previous") ? "win.previous-slide"
                              : "win.present";

  if (self->audience != NULL)
    gtk_widget_activate_action (self->audience, window_action, NULL);
}

void
straits_presenter_console_show_slide (StraitsPresenterConsole *self,
                                      guint                    index,
                                      guint                    n_slides,
                                      const char              *title,
                                      const char              *notes,
                                      GdkPaintable            *next,
                                      const char              *next_title)
{
  g_autofree char *counter = NULL, *next_text = NULL;

  g_return_if_fail (STRAITS_IS_PRESENTER_CONSOLE (self));
  /* Translators: the presenter console's heading: slide number, count and title */
  counter = g_strdup_printf (_("Slide %u of %u: %s"), index + 1, n_slides, title);
  gtk_label_set_text (self->slide_label, counter);
  gtk_label_set_text (self->notes_label, notes != NULL && notes[0] != '\0' ? notes : _("No notes for this slide"));
  gtk_picture_set_paintable (self->next_picture, next);
  gtk_widget_set_visible (GTK_WIDGET (self->next_picture), next != NULL);
  /* Translators: the presenter console: the next slide's title */
  next_text = next_title != NULL ? g_strdup_printf (_("Next: %s"), next_title)
                                 : g_strdup (_("End of the presentation"));
  gtk_label_set_text (self->next_label, next_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.previous", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.next", index + 1 < n_slides);
}

GtkWidget *
straits_presenter_console_get_audience (StraitsPresenterConsole *self)
{
  g_return_val_if_fail (STRAITS_IS_PRESENTER_CONSOLE (self), NULL);
  return self->audience;
}

static void
straits_presenter_console_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StraitsPresenterConsole *self = STRAITS_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_AUDIENCE:
      g_value_set_object (value, self->audience);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_presenter_console_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StraitsPresenterConsole *self = STRAITS_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_AUDIENCE:
      g_set_object (&self->audience, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The current slide is the audience's widget itself, painted again: what
 * the presenter sees cannot differ from what the room sees. */
static void
straits_presenter_console_constructed (GObject *object)
{
  StraitsPresenterConsole *self = STRAITS_PRESENTER_CONSOLE (object);
  g_autoptr(GdkPaintable) mirror = NULL;

  G_OBJECT_CLASS (straits_presenter_console_parent_class)->constructed (object);
  if (self->audience != NULL)
    {
      mirror = gtk_widget_paintable_new (self->audience);
      gtk_picture_set_paintable (self->current_picture, mirror);
    }
}

static void
straits_presenter_console_dispose (GObject *object)
{
  StraitsPresenterConsole *self = STRAITS_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  /* The mirror watches the audience widget: let go of it first. */
  if (self->current_picture != NULL)
    gtk_picture_set_paintable (self->current_picture, NULL);
  g_clear_object (&self->audience);
  gtk_widget_dispose_template (GTK_WIDGET (object), STRAITS_TYPE_PRESENTER_CONSOLE);
  G_OBJECT_CLASS (straits_presenter_console_parent_class)->dispose (object);
}

static void
straits_presenter_console_class_init (StraitsPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = straits_presenter_console_get_property;
  object_class->set_property = straits_presenter_console_set_property;
  object_class->constructed = straits_presenter_console_constructed;
  object_class->dispose = straits_presenter_console_dispose;

  /**
   * StraitsPresenterConsole:audience:
   *
   * The widget the audience sees: shown on the console as it is drawn.
   */
  properties[PROP_AUDIENCE] = g_param_spec_object ("audience", NULL, NULL, GTK_TYPE_WIDGET,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, current_picture);
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, next_picture);
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, next_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, slide_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, clock_label);
  gtk_widget_class_bind_template_child (widget_class, StraitsPresenterConsole, notes_label);

  gtk_widget_class_install_action (widget_class, "console.next", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "console.previous", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "console.end", NULL, forward_action);
  /* The keys a presentation remote sends, as on the audience's window. */
  for (guint i = 0; i < 3; i++)
    {
      static const guint next_keys[] = { GDK_KEY_Page_Down, GDK_KEY_space, GDK_KEY_Right };
      static const guint previous_keys[] = { GDK_KEY_Page_Up, GDK_KEY_Left, GDK_KEY_BackSpace };

      gtk_widget_class_add_binding_action (widget_class, next_keys[i], 0, "console.next", NULL);
      gtk_widget_class_add_binding_action (widget_class, previous_keys[i], 0, "console.previous", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "console.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "console.end", NULL);
}

static void
straits_presenter_console_init (StraitsPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->started = g_get_monotonic_time ();
  update_clock (self);
  self->clock_source = g_timeout_add_seconds (1, update_clock, self);
}

StraitsPresenterConsole *
straits_presenter_console_new (GtkWidget *audience)
{
  return g_object_new (STRAITS_TYPE_PRESENTER_CONSOLE, "audience", audience, NULL);
}
