/* straits-save-dialog.h: Save as…: a file chooser, then a write, its failure told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes what is saved to @path (atomically), or says why not. */
typedef gboolean (*StraitsSaveFunc) (const char  *path,
                                     gpointer     data,
                                     GError     **error);

/* Asks for a file (a native chooser, modal to @widget's window, titled
 * @title, offering @name with any '/' replaced) and saves it with @save;
 * a failure is shown in a message dialog. @widget is kept alive while
 * the chooser is open, so @data may be something it owns. */
void straits_save_dialog_run (GtkWidget       *widget,
                              const char      *title,
                              const char      *accept_label,
                              const char      *name,
                              StraitsSaveFunc  save,
                              gpointer         data);

G_END_DECLS
