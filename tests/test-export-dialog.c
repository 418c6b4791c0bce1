/* test-export-dialog.c: the export dialog refuses a page too small for
 * the figure's title and credits, says which size would do, and lets the
 * user export again once the size is sensible (the command line refuses
 * the same page with the same message).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <time.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "straits-atlas.h"
#include "straits-export-dialog.h"
#include "straits-view-info.h"

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

/* A renderer of the bundled dataset's view @view_id. */
static StraitsMapRenderer *
renderer_for (const char *view_id)
{
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(StraitsDataset) dataset = straits_dataset_load_file (path, NULL, NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsViewInfo) info = straits_view_info_find (dataset, view_id, NULL);
  g_autoptr(GError) error = NULL;
  StraitsMapRenderer *renderer = straits_view_info_new_renderer (atlas, dataset, info, &error);

  g_assert_no_error (error);
  return renderer;
}

static void
test_refuses_small_page (void)
{
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("black-sea");
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  GtkWidget *dialog, *export, *label;

  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 800, "Black Sea", "(SWP, 2025)", NULL);
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

static void
on_destroyed (gpointer data, GObject *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* A PNG is drawn and written in a thread: the export returns with the
 * dialog still open and its Export button off (the synchronous export
 * had closed the dialog before returning); the main loop then runs until
 * the file is written and the dialog closes. The file has the
 * page's pixels and the title as its Title. */
static void
test_png_written_in_a_thread (void)
{
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("aegean");
  g_autofree char *dir = g_dir_make_tmp ("straits-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "aegean.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *image;
  gboolean destroyed = FALSE;
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  GtkWidget *dialog;

  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 800, "Aegean Sea", NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_weak_ref (G_OBJECT (dialog), on_destroyed, &destroyed);
  straits_export_dialog_export_to (STRAITS_EXPORT_DIALOG (dialog), png);
  g_assert_false (destroyed);
  g_assert_false (gtk_widget_get_sensitive (find_named (dialog, "export")));
  while (!destroyed)
    g_main_context_iteration (NULL, TRUE);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* A4 landscape at the dialog's 150 dpi */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1240);
  cairo_surface_destroy (image);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  /* the tEXt chunk: key, NUL, value */
  g_assert_nonnull (memmem (contents, MIN (length, 4096), "Title\0Aegean Sea", strlen ("Title") + 1 + strlen ("Aegean Sea")));
  g_unlink (png);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The main loop's longest wait between two ticks, and how much of it the
 * main thread spent working (the rest it waited for a processor, shared
 * with the worker, the X server and whatever else runs). */
typedef struct {
  gint64 last;         /* µs */
  double last_cpu;     /* the main thread's processor time, ms */
  gint64 longest;
  double longest_cpu;
} Stall;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gboolean
tick (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();

  if (now - stall->last > stall->longest)
    {
      stall->longest = now - stall->last;
      stall->longest_cpu = cpu - stall->last_cpu;
    }
  stall->last = now;
  stall->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  ++*(guint *) data;
  return G_SOURCE_CONTINUE;
}

static void
check_written (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (g_str_has_suffix (path, ".png"))
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      /* A4 landscape at 300 dpi */
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 3508);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2480);
      cairo_surface_destroy (image);
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* whole: the trailer's end marker in its last bytes */
  g_assert_cmpuint (length, >, 64);
  g_assert_nonnull (memmem (contents + length - 64, 64, "%%EOF", 5));
}

/* Issue 20, point 3: a 300-dpi A4 page is drawn and encoded in a thread,
 * PNG and PDF alike: the export returns with the dialog open, saying it
 * is busy, its Export button off (the PDF was drawn and written before it returned,
 * the PNG drawn), and the main loop runs until the file is written and the
 * dialog closes. How long the main loop waited at most is reported, not
 * judged. */
static void
test_export_in_a_thread (gconstpointer data)
{
  const char *name = data;
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("eu-groupings");
  g_autofree char *dir = g_dir_make_tmp ("straits-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  gboolean destroyed = FALSE;
  Stall stall = { 0, 0, 0, 0 };
  guint frames = 0;
  gint64 start, returned;
  GtkWidget *dialog;
  guint ticker;

  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 800, "EU", NULL, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (dialog, "dpi")), 300);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The dialog shown and its preview drawn, as when the user exports. */
  gtk_widget_add_tick_callback (dialog, count_frame, &frames, NULL);
  while (frames < 3)
    g_main_context_iteration (NULL, TRUE);
  g_object_weak_ref (G_OBJECT (dialog), on_destroyed, &destroyed);
  ticker = g_timeout_add (2, tick, &stall);
  start = stall.last = g_get_monotonic_time ();
  stall.last_cpu = thread_cpu_ms ();
  straits_export_dialog_export_to (STRAITS_EXPORT_DIALOG (dialog), path);
  returned = g_get_monotonic_time () - start;
  g_assert_false (destroyed);
  g_assert_false (gtk_widget_get_sensitive (find_named (dialog, "export")));
  g_assert_true (gtk_widget_get_visible (find_named (dialog, "busy")));
  while (!destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
  g_test_message ("%s at 300 dpi: the export call returned after %.0f ms; the main loop waited %.0f ms at most "
                  "(the main thread working %.0f ms of it); written after %.0f ms", name, returned / 1e3,
                  stall.longest / 1e3, stall.longest_cpu, (g_get_monotonic_time () - start) / 1e3);
  check_written (path);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* While the worker writes, the application is held and busy, which
 * quitting waits out (straits_application_shutdown): a quit halfway left
 * its temporary file behind. */
static void
test_application_busy (void)
{
  g_autoptr(GApplication) app = g_application_new ("eu.straits.TestExportDialog", G_APPLICATION_NON_UNIQUE);
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("eu-groupings");
  g_autofree char *dir = g_dir_make_tmp ("straits-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "eu.png", NULL);
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  gboolean destroyed = FALSE;
  GtkWidget *dialog;

  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_set_default (app);
  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 800, "EU", NULL, NULL);
  g_object_weak_ref (G_OBJECT (dialog), on_destroyed, &destroyed);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (g_application_get_is_busy (app));
  straits_export_dialog_export_to (STRAITS_EXPORT_DIALOG (dialog), path);
  g_assert_true (g_application_get_is_busy (app));
  while (!destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_application_get_is_busy (app));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_application_set_default (NULL);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Closing the dialog while a figure is drawn gives it up: once the worker
 * is done (the dialog is finalized after its callback), neither the file
 * nor a temporary one is in the folder. */
static void
test_closing_cancels (void)
{
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("eu-groupings");
  g_autofree char *dir = g_dir_make_tmp ("straits-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "eu.pdf", NULL);
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  gboolean finalized = FALSE;
  GtkWidget *dialog;

  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 800, "EU", NULL, NULL);
  g_object_set_data_full (G_OBJECT (dialog), "finalized", &finalized, set_flag);
  gtk_window_present (GTK_WINDOW (dialog));
  straits_export_dialog_export_to (STRAITS_EXPORT_DIALOG (dialog), path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (!finalized)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* empty: no temporary file left */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* With the map split at two dates the dialog exports the figure of two
 * panels: its title block names both dates (an SVG keeps the text). */
static void
test_two_dates (void)
{
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("black-sea");
  g_autoptr(StraitsMapScene) right = straits_map_scene_copy (straits_map_renderer_get_scene (renderer));
  g_autofree char *dir = g_dir_make_tmp ("straits-export-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "two.svg", NULL);
  g_autofree char *contents = NULL;
  StraitsViewport vp = straits_map_renderer_fit (renderer, 800, 600);
  StraitsDate date;
  gboolean destroyed = FALSE;
  GtkWidget *dialog;

  g_assert_true (straits_date_parse ("2013", &date));
  straits_map_scene_set_time (straits_map_renderer_get_scene (renderer), &date);
  g_assert_true (straits_date_parse ("2025", &date));
  straits_map_scene_set_time (right, &date);
  dialog = straits_export_dialog_new (NULL, straits_map_renderer_get_scene (renderer), &vp, 400, "Black Sea", NULL, NULL);
  straits_export_dialog_set_compare (STRAITS_EXPORT_DIALOG (dialog), right);
  g_assert_true (gtk_widget_get_sensitive (find_named (dialog, "export")));
  g_object_weak_ref (G_OBJECT (dialog), on_destroyed, &destroyed);
  straits_export_dialog_export_to (STRAITS_EXPORT_DIALOG (dialog), svg);
  while (!destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "As of 2013 and 2025"));
  g_unlink (svg);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/export-dialog/refuses-small-page", test_refuses_small_page);
  g_test_add_func ("/export-dialog/png-written-in-a-thread", test_png_written_in_a_thread);
  g_test_add_func ("/export-dialog/two-dates", test_two_dates);
  g_test_add_data_func ("/export-dialog/png-in-a-thread", "eu.png", test_export_in_a_thread);
  g_test_add_data_func ("/export-dialog/pdf-in-a-thread", "eu.pdf", test_export_in_a_thread);
  g_test_add_func ("/export-dialog/closing-cancels", test_closing_cancels);
  g_test_add_func ("/export-dialog/application-busy", test_application_busy);
  return g_test_run ();
}
