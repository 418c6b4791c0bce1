/* straits-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "straits-application.h"
#include "straits-cli.h"
#include "straits-cli-arms.h"
#include "straits-cli-data.h"
#include "straits-dataset.h"
#include "straits-export.h"
#include "straits-paths.h"
#include "straits-trace.h"
#include "straits-view-info.h"
#include "straits-window.h"

struct _StraitsApplication
{
  AdwApplication parent_instance;

  guint work_in_threads;
  StraitsSession *session;
  GFile *sipri;     /* --sipri=FILE: a trade register for the first window */
  GFile *first;     /* the first file named on the command line */
};

G_DEFINE_FINAL_TYPE (StraitsApplication, straits_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Validate the dataset files given and exit (no display needed)"), NULL },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --check: also require what a curated dataset promises (citations with locators that name the source's headings, dated relations, directions by the type's roles)"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a map to FILE (.png, .pdf or .svg) and exit (no display needed)"), N_("FILE") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The view to export: %s or a dataset view"), N_("ID") },
  { "dataset", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The dataset to export from (default: the bundled one)"), N_("FILE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Page size: WIDTHxHEIGHT in pixels, WIDTHxHEIGHTmm, or one of %s"), N_("SIZE") },
  /* A string, parsed by the command: GApplication drops a double that is 0. */
  { "dpi", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Resolution of PNG exports (default 96)"), N_("N") },
  { "time", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw the map as of this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
  { "compare-time", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export and --time: draw the map at this second date beside it, in one figure"), N_("DATE") },
  { "export-slides", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the presentation (the dataset's views, then your bookmarks) as a PDF handout, one slide a page, and exit"), N_("FILE.pdf") },
  { "changes-since", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-slides: end the handout with what changed since the older dataset OLD"), N_("OLD") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the figure's title (default: the view's; \"\" for none)"), N_("TEXT") },
  { "subtitle", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the figure's subtitle (default: the view's)"), N_("TEXT") },
  { "legend", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: draw the legend (the default)"), NULL },
  { "no-legend", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: leave the legend out"), NULL },
  { "scale-bar", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: draw the scale bar (the default)"), NULL },
  { "no-scale-bar", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: leave the scale bar out"), NULL },
  { "credits", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: draw the credit line and data stamp (the default)"), NULL },
  { "no-credits", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export: leave the credit line and data stamp out"), NULL },
  { "marking", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-chart: a handling marking in a corner: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED"), N_("MARKING") },
  { "alt-text", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export or --export-chart: also write the figure's text description beside it (NAME.alt.txt)"), NULL },
  { "territories", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: draw disputed and occupied areas as the EU recognises them (eu, the default) or by Natural Earth's lines of control (de-facto)"), N_("eu|de-facto") },
  { "relation-types", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: draw only relations of these types (ids, separated by commas; \"\" for none) instead of the view's"), N_("IDS") },
  { "territorial-seas", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export in the Aegean view: draw the territorial seas at 6, 12 or both nautical-mile limits"), N_("6|12|both") },
  { "maritime-report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the Aegean territorial-sea shares and Black Sea coastlines and exit (no display needed)"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output of --maritime-report and --diff: text (the default) or json"), N_("FORMAT") },
  { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List what was added, removed and changed from the dataset OLD to NEW (given after the options), and exit: status 0 when they say the same, 1 when they differ, 2 on trouble (no display needed)"), NULL },
  { "export-graph", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the dataset's actors and relations as a graph, GEXF 1.3 (.gexf) or JSON Graph Format (.json), and exit (no display needed)"), N_("FILE") },
  { "convert", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Convert the dataset FILE to a workbook (a folder of CSV files, .ods or .xlsx) or a workbook (a CSV folder, .ods, .xlsx) to a dataset JSON file, written to --output, and exit (no display needed)"), N_("FILE") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --convert: where to write (a folder, .ods or .xlsx file for a workbook, a .json file for a dataset)"), N_("FILE") },
  { "list-charts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the charts a dataset offers and exit (no display needed)"), NULL },
  { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a chart to FILE (.png, .pdf or .svg) and exit (no display needed)"), N_("FILE") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The chart to export, by the id --list-charts gives"), N_("NAME") },
  { "subject", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only charts about this actor (an actor id)"), N_("ACTOR") },
  { "donut", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Draw shares as a donut instead of bars"), NULL },
  { "arms-report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print who supplied arms to --recipient (or received them from --supplier) from a SIPRI trade register, and exit"), NULL },
  { "sipri", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("A SIPRI Arms Transfers Database trade register (CSV) to add to the dataset"), N_("FILE") },
  { "recipient", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --arms-report: the recipient (ISO 3166-1 alpha-3 code or SIPRI's name)"), N_("ID") },
  { "supplier", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --arms-report: the supplier (ISO 3166-1 alpha-3 code or SIPRI's name)"), N_("ID") },
  { "from", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --arms-report: the first delivery year (default: four years before --to)"), N_("YEAR") },
  { "to", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --arms-report: the last delivery year (default: the register's last)"), N_("YEAR") },
  { "by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --arms-report: rows by supplier, recipient, category or year"), N_("BY") },
  { "exclude-local-production", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --arms-report: leave out local (licensed) production"), NULL },
  { "max-dataset-mb", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The largest dataset file to read, in megabytes (default 1024; also the environment variable STRAITS_MAX_DATASET_MB)"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

static StraitsWindow *
get_or_create_window (StraitsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (straits_window_new (GTK_APPLICATION (self)));
  if (self->sipri != NULL)
    {
      g_autoptr(GFile) sipri = g_steal_pointer (&self->sipri);
      straits_window_add_register (STRAITS_WINDOW (window), sipri);
    }
  return STRAITS_WINDOW (window);
}

/* The dataset open last time if it is still there, else the bundled one. */
static GFile *
last_or_bundled_dataset (void)
{
  g_autoptr(GSettings) settings = straits_settings_new ();
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-dataset") : NULL;
  g_autofree char *bundled = straits_bundled_dataset_path ();

  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) last = g_file_new_for_uri (uri);

      if (g_file_query_exists (last, NULL))
        return g_steal_pointer (&last);
    }
  return g_file_new_for_path (bundled);
}

static void
straits_application_activate (GApplication *app)
{
  StraitsApplication *self = STRAITS_APPLICATION (app);
  GtkWindow *existing = gtk_application_get_active_window (GTK_APPLICATION (app));
  StraitsWindow *window = get_or_create_window (self);

  straits_trace ("window built");
  if (existing == NULL)
    {
      g_autoptr(GFile) file = last_or_bundled_dataset ();

      straits_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  straits_trace ("window presented");
}

static void
straits_application_open (GApplication  *app,
                          GFile        **files,
                          gint           n_files,
                          const char    *hint)
{
  StraitsWindow *window = get_or_create_window (STRAITS_APPLICATION (app));

  if (n_files > 0)
    straits_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static int
open_from_command_line (GApplication       *app,
                        const char *const  *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_application_register (app, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (names[i]));
  g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
  return -1;
}

/* --max-dataset-mb, before anything is loaded; FALSE when it is not a
 * whole number in range. */
static gboolean
apply_max_dataset_mb (GVariantDict *options)
{
  const char *text = NULL;
  guint64 mb = 0;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "max-dataset-mb", "&s", &text))
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, STRAITS_DATASET_MAX_MB_CEILING, &mb, &error))
    {
      fprintf (stderr, "straits: --max-dataset-mb: %s\n", error->message);
      return FALSE;
    }
  straits_dataset_set_max_size_mb ((guint) mb);
  return TRUE;
}

/* The commands that read their dataset from --dataset. A file named on
 * its own beside them would be ignored without a word, and the figure
 * made from the bundled dataset: refused instead. */
static gboolean
loose_files_refused (GVariantDict *options, const char *const *remaining)
{
  static const char *const commands[] = { "export", "export-slides", "maritime-report", "list-charts",
                                          "export-chart", "arms-report", "export-graph", NULL };

  if (remaining == NULL || remaining[0] == NULL)
    return FALSE;
  for (guint i = 0; commands[i] != NULL; i++)
    if (g_variant_dict_contains (options, commands[i]))
      {
        g_autofree char *shown = g_filename_display_name (remaining[0]);

        /* Translators: the first %s is an option ("export"), the second a file name */
        g_printerr (_("straits: --%s reads its dataset from --dataset=FILE; “%s” was given on its own\n"),
                    commands[i], shown);
        return TRUE;
      }
  return FALSE;
}

static int
straits_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  g_autofree const char **remaining = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("straits %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!apply_max_dataset_mb (options))
    return 1;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  if (g_variant_dict_contains (options, "check"))
    return straits_cli_check (remaining, g_variant_dict_contains (options, "strict"));
  if (loose_files_refused (options, remaining))
    return 2;
  if (g_variant_dict_contains (options, "export"))
    return straits_cli_export (options);
  if (g_variant_dict_contains (options, "export-slides"))
    return straits_cli_export_slides (options);
  if (g_variant_dict_contains (options, "maritime-report"))
    return straits_cli_maritime_report (options);
  if (g_variant_dict_contains (options, "list-charts"))
    return straits_cli_list_charts (options);
  if (g_variant_dict_contains (options, "export-chart"))
    return straits_cli_export_chart (options);
  if (g_variant_dict_contains (options, "arms-report"))
    return straits_cli_arms_report (options);
  if (g_variant_dict_contains (options, "diff"))
    return straits_cli_data_diff (remaining, options);
  if (g_variant_dict_contains (options, "export-graph"))
    return straits_cli_data_export_graph (options);
  if (g_variant_dict_contains (options, "convert"))
    return straits_cli_data_convert (options);
  {
    const char *sipri = NULL;

    if (g_variant_dict_lookup (options, "sipri", "^&ay", &sipri))
      {
        g_clear_object (&STRAITS_APPLICATION (app)->sipri);
        STRAITS_APPLICATION (app)->sipri = g_file_new_for_commandline_arg (sipri);
      }
  }
  if (remaining != NULL && remaining[0] != NULL)
    {
      int status;

      g_clear_object (&STRAITS_APPLICATION (app)->first);
      STRAITS_APPLICATION (app)->first = g_file_new_for_commandline_arg (remaining[0]);
      status = open_from_command_line (app, remaining);

      /* A running instance has been asked to open the files: done. */
      if (status != -1 || g_application_get_is_remote (app))
        return status == -1 ? 0 : status;
      /* Otherwise carry on; open() has queued the files for this one. */
    }
  return -1;
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (STRAITS_IS_WINDOW (window))
    straits_window_show_about (STRAITS_WINDOW (window));
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* app.select('ID'): selects the actor, relation or event of that id, for
 * scripts and for briefings prepared ahead (and the end-to-end tests). */
static void
select_id (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (STRAITS_IS_WINDOW (window))
    straits_window_select_id (STRAITS_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "select", select_id, "s" },
  { "quit", quit },
};

static void
straits_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.reload", { "<Control>r", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* The dataset the first window shows is read while GTK sets itself up:
   * the file named first, else the one activate() opens. */
  {
    StraitsApplication *self = STRAITS_APPLICATION (app);
    g_autoptr(GFile) file = self->first != NULL ? g_steal_pointer (&self->first) : last_or_bundled_dataset ();

    straits_window_load_ahead (straits_application_get_session (self), file);
  }
  straits_trace ("GTK set-up");
  G_APPLICATION_CLASS (straits_application_parent_class)->startup (app);
  straits_trace ("GTK set up");

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

StraitsSession *
straits_application_get_session (StraitsApplication *self)
{
  g_return_val_if_fail (STRAITS_IS_APPLICATION (self), NULL);
  if (self->session == NULL)
    self->session = straits_session_new ();
  return self->session;
}

void
straits_application_hold_work (StraitsApplication *self)
{
  g_return_if_fail (STRAITS_IS_APPLICATION (self));
  self->work_in_threads++;
}

void
straits_application_release_work (StraitsApplication *self)
{
  g_return_if_fail (STRAITS_IS_APPLICATION (self));
  g_return_if_fail (self->work_in_threads > 0);
  self->work_in_threads--;
}

/* PROJ and GEOS free their static data as the process exits; a thread
 * still projecting then crashes it. Quitting waits for such threads to
 * report back (a first run's sea measurement takes about a second), and
 * for the work that marks the application busy (an export being written
 * leaves no temporary file, straits-export-dialog.c). */
static void
straits_application_shutdown (GApplication *app)
{
  StraitsApplication *self = STRAITS_APPLICATION (app);

  while (self->work_in_threads > 0 || g_application_get_is_busy (app))
    g_main_context_iteration (NULL, TRUE);
  if (self->session != NULL)
    straits_atlas_save_projections (straits_session_get_atlas (self->session));
  g_clear_object (&self->sipri);
  g_clear_object (&self->first);
  g_clear_object (&self->session);
  G_APPLICATION_CLASS (straits_application_parent_class)->shutdown (app);
}

static void
straits_application_class_init (StraitsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = straits_application_activate;
  app_class->open = straits_application_open;
  app_class->startup = straits_application_startup;
  app_class->shutdown = straits_application_shutdown;
  app_class->handle_local_options = straits_application_handle_local_options;
}

/* The ids of the built-in views or of the named page sizes, as "a, b, c". */
static char *
list_ids (gboolean views)
{
  GString *ids = g_string_new (NULL);
  guint n;

  if (views)
    {
      g_autoptr(GPtrArray) list = straits_view_info_list (NULL);

      for (guint i = 0; i < list->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", ((StraitsViewInfo *) g_ptr_array_index (list, i))->id);
      return g_string_free (ids, FALSE);
    }
  for (const StraitsPageSize *sizes = straits_export_get_page_sizes (&n); n > 0; sizes++, n--)
    g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", sizes->id);
  return g_string_free (ids, FALSE);
}

/* The options, with --view and --size listing what the view and size
 * tables hold (the help is written from them, not beside them). Their
 * texts live as long as the process. */
static const GOptionEntry *
option_entries_with_lists (void)
{
  static GOptionEntry *entries;

  if (entries != NULL)
    return entries;
  entries = g_memdup2 (option_entries, sizeof option_entries);
  for (GOptionEntry *e = entries; e->long_name != NULL; e++)
    {
      gboolean views = g_str_equal (e->long_name, "view");

      if (views || g_str_equal (e->long_name, "size"))
        {
          g_autofree char *ids = list_ids (views);

          e->description = g_strdup_printf (_(e->description), ids);
        }
    }
  return entries;
}

static void
straits_application_init (StraitsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries_with_lists ());
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Explore relations, events and figures of European security policy on maps."));
}

StraitsApplication *
straits_application_new (void)
{
  return g_object_new (STRAITS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/eu/straits/Straits",
                       NULL);
}
