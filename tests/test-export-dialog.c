/* test-export-dialog.c: the export dialog refuses a page too small for
 * the figure's title and credits, says which size would do, and lets the
 * user export again once the size is sensible (the command line refuses
 * the same page with the same message).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "straits-atlas.h"
#include "straits-export-dialog.h"
#include "straits-view-setup.h"

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
custom_index (GtkDropDown *size)
{
  GListModel *model = gtk_drop_down_get_model (size);

  return g_list_model_get_n_items (model) - 1;
}

static void
test_refuses_small_page (void)
{
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(StraitsDataset) dataset = straits_dataset_load_file (path, NULL, NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsViewInfo) info = straits_find_view (dataset, "black-sea", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMapRenderer) renderer = straits_map_renderer_new_for_view (atlas, dataset, info, &error);
  StraitsViewport vp;
  GtkWidget *dialog, *export, *label;

  g_assert_no_error (error);
  vp = straits_map_renderer_fit (renderer, 800, 600);
  dialog = straits_export_dialog_new (NULL, renderer, &vp, 800, "Black Sea", "(SWP, 2025)", NULL);
  export = find_named (dialog, "export");
  label = find_error_label (dialog);
  g_assert_nonnull (export);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_sensitive (export));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (dialog, "size")),
                              custom_index (GTK_DROP_DOWN (find_named (dialog, "size"))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-width")), 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-height")), 16);
  g_assert_false (gtk_widget_get_sensitive (export));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "too small"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "smallest size is"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-width")), 1600);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-height")), 1000);
  g_assert_true (gtk_widget_get_sensitive (export));
  g_assert_false (gtk_widget_get_visible (label));

  /* A title of 4,400 characters leaves a small page no room. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-width")), 640);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "custom-height")), 400);
  g_assert_true (gtk_widget_get_sensitive (export));
  {
    g_autoptr(GString) title = g_string_new (NULL);
    for (int i = 0; i < 400; i++)
      g_string_append (title, "Long title ");
    gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "title")), title->str);
  }
  g_assert_false (gtk_widget_get_sensitive (export));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "title"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/export-dialog/refuses-small-page", test_refuses_small_page);
  return g_test_run ();
}
