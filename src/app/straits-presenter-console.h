/* straits-presenter-console.h: what the presenter sees while the audience
 * sees the slide
 *
 * On the presenter's monitor, like Impress's presenter console: the
 * current slide as the audience sees it (a live copy of the audience's
 * widget), the next slide, the speaker's notes, the slide number and the
 * time elapsed. Its keys and buttons drive the presentation through the
 * window's actions (win.next-slide, win.previous-slide, win.present).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRAITS_TYPE_PRESENTER_CONSOLE (straits_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (StraitsPresenterConsole, straits_presenter_console, STRAITS, PRESENTER_CONSOLE, AdwWindow)

/* @audience: the widget the audience sees (the slide). (transfer none):
 * the new window is owned by GTK's list of toplevels. */
StraitsPresenterConsole *straits_presenter_console_new        (GtkWidget               *audience);
/* Slide @index (from 0) of @n_slides, with its @title and @notes; @next:
 * the next slide drawn, or NULL after the last. */
void                     straits_presenter_console_show_slide (StraitsPresenterConsole *self,
                                                               guint                    index,
                                                               guint                    n_slides,
                                                               const char              *title,
                                                               const char              *notes,
                                                               GdkPaintable            *next,
                                                               const char              *next_title);
/* (transfer none) */
GtkWidget               *straits_presenter_console_get_audience (StraitsPresenterConsole *self);

G_END_DECLS
