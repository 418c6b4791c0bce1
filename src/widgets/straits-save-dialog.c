/* straits-save-dialog.c
 *
 * The one Save as… of the side panel: the arms page's cards (Save as
 * CSV…, Export…) and the figures' tables (Save as CSV…) ask for a file
 * the same way and tell a failed write the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "straits-save-dialog.h"

typedef struct {
  GtkWidget *widget;              /* a reference, while the chooser is open */
  StraitsSaveFunc save;
  gpointer data;
} SaveRequest;

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GtkWidget *widget, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), _("The File Could Not Be Saved"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && !request->save (path, request->data, &error))
    show_error (request->widget, error->message);
  g_object_unref (chooser);
  g_object_unref (request->widget);
  g_free (request);
}

void
straits_save_dialog_run (GtkWidget       *widget,
                         const char      *title,
                         const char      *accept_label,
                         const char      *name,
                         StraitsSaveFunc  save,
                         gpointer         data)
{
  SaveRequest *request;
  GtkFileChooserNative *chooser;
  g_autofree char *safe_name = g_strdup (name);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  chooser = gtk_file_chooser_native_new (title, parent_window (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, _("_Cancel"));
  request = g_new (SaveRequest, 1);
  g_strdelimit (safe_name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  *request = (SaveRequest) { g_object_ref (widget), save, data };
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
