/* straits-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "straits-dataset.h"
#include "straits-session.h"
#include "straits-sipri-register.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_WINDOW (straits_window_get_type ())
G_DECLARE_FINAL_TYPE (StraitsWindow, straits_window, STRAITS, WINDOW, AdwApplicationWindow)

/* (transfer none): GTK keeps its windows */
StraitsWindow  *straits_window_new         (GtkApplication *application);
void            straits_window_open_file   (StraitsWindow  *self,
                                            GFile          *file);
/* Before any window: starts reading @file for the first window that opens
 * it (straits-window-loading.c). */
void            straits_window_load_ahead  (StraitsSession *session,
                                            GFile          *file);
/* (transfer none) (nullable) */
StraitsDataset *straits_window_get_dataset (StraitsWindow  *self);
void            straits_window_show_about  (StraitsWindow  *self);
gboolean        straits_window_select_id   (StraitsWindow  *self,
                                            const char     *id);

void            straits_window_add_register    (StraitsWindow  *self,
                                                GFile          *file);
void            straits_window_remove_register (StraitsWindow  *self);
/* (transfer none) (nullable) */
StraitsSipriRegister *straits_window_get_register (StraitsWindow *self);

G_END_DECLS
