/* straits-cli.c: commands that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "straits-cli.h"
#include "straits-cli-arms.h"
#include "straits-bookmarks.h"
#include "straits-chart.h"
#include "straits-dataset.h"
#include "straits-history.h"
#include "straits-maritime.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-paths.h"
#include "straits-slides.h"
#include "straits-view-info.h"
#include "straits-importer.h"

static void
print_diagnostics (GPtrArray *diags)
{
  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      fprintf (stderr, "%s\n", line);
    }
}

/* Validates each file; prints one summary line per valid file and every
 * problem of the others. With @strict, a valid file must also pass the
 * checks for curated datasets. Returns the exit status: 0 when all pass. */
int
straits_cli_check (const char *const *files,
                   gboolean           strict)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      fprintf (stderr, "%s\n", _("--check needs at least one file"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diags = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StraitsDataset) ds = straits_dataset_load_any (files[i], &diags, &error);

      print_diagnostics (diags);
      if (ds != NULL && strict)
        {
          g_autoptr(GPtrArray) more = straits_dataset_check_strict (ds);

          print_diagnostics (more);
          if (more->len > 0)
            {
              printf (g_dngettext (NULL, "%s: fails the strict check (%u error)\n",
                                   "%s: fails the strict check (%u errors)\n", more->len),
                      files[i], more->len);
              status = 1;
              continue;
            }
        }
      if (ds == NULL)
        {
          guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);

          printf (g_dngettext (NULL, "%s: invalid (%u error)\n", "%s: invalid (%u errors)\n", n),
                  files[i], n);
          status = 1;
        }
      else
        {
          g_autofree char *summary = straits_dataset_summarize (ds);
          guint warnings = straits_diagnostics_count (diags, STRAITS_SEVERITY_WARNING);

          if (warnings > 0)
            printf (g_dngettext (NULL, "%s: valid: %s (%u warning)\n",
                                 "%s: valid: %s (%u warnings)\n", warnings),
                    files[i], summary, warnings);
          else
            printf (_("%s: valid: %s\n"), files[i], summary);
        }
    }
  return status;
}

typedef struct {
  StraitsMapRenderer *renderer;
  StraitsMapRenderer *compare;   /* --compare-time: the right panel, or NULL */
  StraitsFigurePageOptions figure;
} ExportJob;

static void
draw_export_page (cairo_t  *cr,
                  double    width,
                  double    height,
                  guint     page,
                  gpointer  user_data)
{
  ExportJob *job = user_data;

  if (job->compare != NULL)
    straits_figure_page_draw_compare (job->renderer, job->compare, cr, width, height, &job->figure);
  else
    straits_figure_page_draw (job->renderer, cr, width, height, &job->figure);
}

static int
fail (GError *error)
{
  fprintf (stderr, "straits: %s\n", error->message);
  return 1;
}

/* The dataset at @path, or the bundled one when @path is NULL; a file with
 * several problems has them all printed. */
StraitsDataset *
straits_cli_load_dataset (const char *path, GError **error)
{
  g_autofree char *bundled = straits_bundled_dataset_path ();
  g_autoptr(GPtrArray) diags = NULL;
  StraitsDataset *dataset = straits_dataset_load_file (path ? path : bundled, &diags, error);

  if (dataset == NULL && diags != NULL && diags->len > 1)
    print_diagnostics (diags);
  return dataset;
}

/* --dataset and the file of --@output_option (when not NULL); nothing is
 * checked or loaded yet. */
void
straits_cli_common_init (StraitsCliCommon *common,
                         GVariantDict     *options,
                         const char       *output_option)
{
  *common = (StraitsCliCommon) { .dpi = STRAITS_SCREEN_DPI };
  g_variant_dict_lookup (options, "dataset", "^&ay", &common->dataset_path);
  if (output_option != NULL)
    g_variant_dict_lookup (options, output_option, "^&ay", &common->output);
}

/* The output's format by its extension, --size (when given, else the
 * default) and --dpi, each checked as a whole string; a PNG's pixels
 * against the budget. Messages name the option. */
gboolean
straits_cli_common_parse_page (StraitsCliCommon  *common,
                               GVariantDict      *options,
                               double             default_width,
                               double             default_height,
                               GError           **error)
{
  const char *size = NULL, *dpi_text = NULL;

  common->width = default_width;
  common->height = default_height;
  if (!straits_export_format_from_filename (common->output, &common->format, error))
    return FALSE;
  if (g_variant_dict_lookup (options, "size", "&s", &size) &&
      !straits_export_parse_page_size (size, &common->width, &common->height, error))
    {
      g_prefix_error (error, "--size: ");
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "dpi", "&s", &dpi_text) &&
      !straits_export_parse_dpi (dpi_text, &common->dpi, error))
    {
      g_prefix_error (error, "--dpi: ");
      return FALSE;
    }
  if (common->format == STRAITS_EXPORT_PNG &&
      !straits_export_check_pixels (common->width, common->height, common->dpi, error))
    {
      g_prefix_error (error, "--size/--dpi: ");
      return FALSE;
    }
  return TRUE;
}

/* The dataset of --dataset (or the bundled one), loaded the first time it
 * is asked for; @common keeps it. */
StraitsDataset *
straits_cli_common_dataset (StraitsCliCommon  *common,
                            GError           **error)
{
  if (common->dataset == NULL)
    common->dataset = straits_cli_load_dataset (common->dataset_path, error);
  return common->dataset;
}

void
straits_cli_common_clear (StraitsCliCommon *common)
{
  g_clear_object (&common->dataset);
}

/* --territorial-seas=6|12|both: the belts, from the maritime report. */
/* --relation-types=ID,ID: the relation types drawn instead of the view's
 * ("" for none); an id the dataset lacks is refused, with the ones it has. */
static gboolean
apply_relation_types (StraitsMapScene *scene, StraitsDataset *dataset, GVariantDict *options, GError **error)
{
  const char *list = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!g_variant_dict_lookup (options, "relation-types", "&s", &list))
    return TRUE;
  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      guint32 type;

      if (*id == '\0')
        continue;
      type = straits_dataset_find_relation_type (dataset, id);
      if (type == STRAITS_NO_INDEX)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint k = 0; k < straits_dataset_get_n_relation_types (dataset); k++)
            g_string_append_printf (known, "%s%s", k ? ", " : "", straits_dataset_get_relation_type (dataset, k)->id);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--relation-types: the dataset has no relation type “%s” (it has: %s)"), id, known->str);
          return FALSE;
        }
      g_array_append_val (types, type);
    }
  straits_map_scene_set_relation_type_array (scene, types);
  return TRUE;
}

static gboolean
apply_territorial_seas (StraitsMapRenderer *renderer, GVariantDict *options, GError **error)
{
  const char *which = NULL;
  g_autofree char *dir = g_build_filename (straits_data_dir (), "maritime", NULL);
  g_autofree char *cache = straits_cache_dir ();
  g_autoptr(StraitsMaritimeReport) report = NULL;
  guint limits;

  if (!g_variant_dict_lookup (options, "territorial-seas", "&s", &which))
    return TRUE;
  limits = g_str_equal (which, "6") ? 1 : g_str_equal (which, "12") ? 2 : g_str_equal (which, "both") ? 3 : 0;
  if (limits == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown --territorial-seas “%s”: use 6, 12 or both"), which);
      return FALSE;
    }
  /* Refused before the belts are measured, which takes seconds. */
  if (!straits_map_renderer_can_show_territorial_seas (renderer))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("territorial seas are drawn in the Aegean view only (--view=aegean)"));
      return FALSE;
    }
  report = straits_maritime_get (dir, cache, error);
  if (report == NULL)
    return FALSE;
  straits_map_scene_set_territorial_seas (straits_map_renderer_get_scene (renderer), report, limits);
  return TRUE;
}

/* --territories=eu|de-facto: the territorial convention (the EU's by default). */
static gboolean
lookup_convention (GVariantDict *options, StraitsConvention *convention, GError **error)
{
  const char *which = NULL;

  *convention = STRAITS_CONVENTION_EU;
  if (!g_variant_dict_lookup (options, "territories", "&s", &which) ||
      straits_convention_from_string (which, convention))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("unknown --territories “%s”: use eu or de-facto"), which);
  return FALSE;
}

/* --marking, when given, is one of the known markings. */
static gboolean
lookup_marking (GVariantDict *options, const char **marking, GError **error)
{
  *marking = NULL;
  if (!g_variant_dict_lookup (options, "marking", "&s", marking) || g_strv_contains (straits_figure_page_markings (), *marking))
    return TRUE;
  {
    g_autofree char *known = g_strjoinv (", ", (char **) straits_figure_page_markings ());
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("unknown --marking “%s”: use one of %s"), *marking, known);
  }
  return FALSE;
}

/* --NAME (the default) or --no-NAME, not both. */
static gboolean
element_shown (GVariantDict *options, const char *name, gboolean *shown, GError **error)
{
  g_autofree char *negated = g_strconcat ("no-", name, NULL);

  if (g_variant_dict_contains (options, name) && g_variant_dict_contains (options, negated))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s and --%s contradict each other"), name, negated);
      return FALSE;
    }
  *shown = !g_variant_dict_contains (options, negated);
  return TRUE;
}

/* The figure's elements from --title, --subtitle, --[no-]legend,
 * --[no-]scale-bar, --[no-]credits and --marking; all on by default. */
static gboolean
figure_options (GVariantDict *options, const StraitsViewInfo *view, StraitsFigurePageOptions *figure, GError **error)
{
  const char *marking = NULL;

  *figure = (StraitsFigurePageOptions) { .title = view->title, .subtitle = view->subtitle };
  if (!element_shown (options, "legend", &figure->legend, error) ||
      !element_shown (options, "credits", &figure->credits, error) ||
      !element_shown (options, "scale-bar", &figure->scale_bar, error))
    return FALSE;
  g_variant_dict_lookup (options, "title", "&s", &figure->title);
  g_variant_dict_lookup (options, "subtitle", "&s", &figure->subtitle);
  if (!lookup_marking (options, &marking, error))
    return FALSE;
  figure->marking = marking;
  return TRUE;
}

/* The alt text needs what the figure draws: draw it once, unseen. */
static char *
describe_figure (ExportJob *job, double width, double height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  char *text;

  draw_export_page (cr, width, height, 0, job);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = job->compare ? straits_figure_page_describe_compare (job->renderer, job->compare, &job->figure)
                      : straits_figure_page_describe (job->renderer, &job->figure);
  return text;
}

/* --compare-time=DATE needs --time and a date: checked before any loading.
 * Refusals exit with status 2. */
static gboolean
lookup_compare_time (GVariantDict *options, const char *time, StraitsDate *date, gboolean *given)
{
  const char *text = NULL;

  *given = g_variant_dict_lookup (options, "compare-time", "&s", &text);
  if (!*given)
    return TRUE;
  if (time == NULL)
    {
      fprintf (stderr, "straits: %s\n", _("--compare-time needs --time: the two dates the figure shows side by side"));
      return FALSE;
    }
  if (!straits_date_parse (text, date))
    {
      fprintf (stderr, _("straits: invalid --compare-time “%s”: use YYYY, YYYY-MM or YYYY-MM-DD\n"), text);
      return FALSE;
    }
  return TRUE;
}

/* The right panel of --compare-time: the figure's scene at @date, with the
 * territorial seas it was given. (transfer full) */
static StraitsMapRenderer *
compare_renderer (StraitsMapScene *scene, const StraitsDate *date)
{
  g_autoptr(StraitsMapScene) copy = straits_map_scene_copy (scene);

  straits_map_scene_set_time (copy, date);
  return straits_map_renderer_new_for_scene (copy);
}

/* straits --export=FILE --view=ID [--dataset=FILE] [--size=SIZE] [--dpi=N] [--time=DATE]
 *         [--compare-time=DATE] */
int
straits_cli_export (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  const char *view_id = "eu-groupings";
  const char *time = NULL;
  const StraitsPageSize *a4 = straits_export_find_page_size ("a4-landscape");
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset;
  g_autoptr(StraitsAtlas) atlas = NULL;
  g_autofree char *cache_dir = straits_cache_dir ();
  g_autoptr(StraitsViewInfo) view = NULL;
  g_autoptr(StraitsMapScene) scene = NULL;
  g_autoptr(StraitsMapRenderer) renderer = NULL;
  g_autoptr(StraitsMapRenderer) compare = NULL;
  StraitsDate compare_date;
  gboolean comparing;
  g_autofree char *basemap_dir = g_build_filename (straits_data_dir (), "basemap", NULL);
  StraitsConvention convention;
  StraitsExportMetadata meta = { 0 };
  ExportJob job = { 0 };
  g_autofree char *alt = NULL;

  straits_cli_common_init (&common, options, "export");
  g_variant_dict_lookup (options, "view", "&s", &view_id);
  g_variant_dict_lookup (options, "time", "&s", &time);

  /* Check what can be checked before any loading. */
  if (!lookup_compare_time (options, time, &compare_date, &comparing))
    return 2;
  if (!straits_cli_common_parse_page (&common, options, a4->width, a4->height, &error) ||
      !lookup_convention (options, &convention, &error))
    return fail (error);

  dataset = straits_cli_common_dataset (&common, &error);
  if (dataset == NULL)
    return fail (error);
  view = straits_view_info_find (dataset, view_id, &error);
  if (view == NULL)
    return fail (error);
  atlas = straits_atlas_new (basemap_dir);
  straits_atlas_set_cache_dir (atlas, cache_dir);
  scene = straits_view_info_new_scene (atlas, dataset, view, &error);
  if (scene == NULL)
    return fail (error);
  renderer = straits_map_renderer_new_for_scene (scene);
  straits_map_scene_set_convention (scene, convention);
  if (time != NULL)
    {
      StraitsDate date;

      if (!straits_date_parse (time, &date))
        {
          fprintf (stderr, _("straits: invalid --time “%s”: use YYYY, YYYY-MM or YYYY-MM-DD\n"), time);
          return 1;
        }
      straits_map_scene_set_time (scene, &date);
    }

  if (!apply_relation_types (scene, dataset, options, &error) || !apply_territorial_seas (renderer, options, &error))
    return fail (error);
  job.renderer = renderer;
  job.compare = compare = comparing ? compare_renderer (scene, &compare_date) : NULL;
  if (!figure_options (options, view, &job.figure, &error))
    return fail (error);
  if (compare ? !straits_figure_page_check_compare (renderer, compare, common.width, common.height, &job.figure, &error)
              : !straits_figure_page_check (renderer, common.width, common.height, &job.figure, &error))
    {
      g_prefix_error (&error, "--size: ");
      return fail (error);
    }
  straits_export_remove_temporary_on_signals ();
  alt = describe_figure (&job, common.width, common.height);
  meta.title = job.figure.title ? job.figure.title : view->title;
  meta.subject = alt;
  if (!straits_export (common.output, common.width, common.height, common.dpi, 1, draw_export_page, &job, &meta,
                       &error))
    return fail (error);
  if (g_variant_dict_contains (options, "alt-text") && !straits_export_write_alt_text (common.output, alt, &error))
    return fail (error);
  straits_atlas_save_projections (atlas);
  return 0;
}

static const char *const figure_kinds[] = { "shares", "series", "ranking", "value", "bound", "rank" };

/* --subject=ACTOR, looked up; STRAITS_NO_INDEX with @error set when unknown,
 * G_MAXUINT32 - 1 when not given. */
#define NO_SUBJECT (STRAITS_NO_INDEX - 1)

static guint32
lookup_subject (StraitsDataset *dataset, GVariantDict *options, GError **error)
{
  const char *subject = NULL;
  guint32 actor;

  if (!g_variant_dict_lookup (options, "subject", "&s", &subject))
    return NO_SUBJECT;
  actor = straits_dataset_find_actor (dataset, subject);
  if (actor == STRAITS_NO_INDEX)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("the dataset has no actor “%s”"), subject);
  return actor;
}

/* straits --list-charts [--dataset=FILE] [--subject=ACTOR]: one line per
 * chart: its name, the kind of figure, its subject and its title. */
int
straits_cli_list_charts (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset;
  guint32 subject;

  straits_cli_common_init (&common, options, NULL);
  dataset = straits_cli_common_dataset (&common, &error);
  if (dataset == NULL)
    return fail (error);
  subject = lookup_subject (dataset, options, &error);
  if (subject == STRAITS_NO_INDEX)
    return fail (error);
  for (guint i = 0; i < straits_dataset_get_n_figures (dataset); i++)
    {
      const StraitsFigure *f = straits_dataset_get_figure (dataset, i);

      if (subject != NO_SUBJECT && !straits_figure_concerns (f, subject))
        continue;
      printf ("%s\t%s\t%s\t%s\n", f->id, figure_kinds[f->kind],
              f->subject != STRAITS_NO_INDEX ? straits_dataset_get_actor (dataset, f->subject)->id : "-",
              f->title);
    }
  return 0;
}

/* straits --export-chart=FILE --chart=NAME [--subject=ACTOR] [--dataset=FILE]
 *         [--size=SIZE] [--dpi=N] [--donut] */
int
straits_cli_export_chart (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  const char *name = NULL, *marking = NULL;
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset;
  guint32 figure, subject;

  /* Charts of a SIPRI trade register: --sipri=FILE --recipient|--supplier. */
  if (g_variant_dict_contains (options, "sipri"))
    return straits_cli_arms_export_chart (options);
  straits_cli_common_init (&common, options, "export-chart");
  g_variant_dict_lookup (options, "chart", "&s", &name);

  if (!straits_cli_common_parse_page (&common, options, STRAITS_CHART_EXPORT_WIDTH, STRAITS_CHART_EXPORT_HEIGHT,
                                      &error) ||
      !lookup_marking (options, &marking, &error))
    return fail (error);
  if (name == NULL)
    {
      fprintf (stderr, "straits: %s\n", _("--export-chart needs --chart=NAME (see --list-charts)"));
      return 1;
    }
  dataset = straits_cli_common_dataset (&common, &error);
  if (dataset == NULL)
    return fail (error);
  subject = lookup_subject (dataset, options, &error);
  if (subject == STRAITS_NO_INDEX)
    return fail (error);
  figure = straits_dataset_find_figure (dataset, name);
  if (figure == STRAITS_NO_INDEX)
    {
      fprintf (stderr, _("straits: the dataset has no chart “%s”; straits --list-charts names them\n"), name);
      return 1;
    }
  if (subject != NO_SUBJECT && !straits_figure_concerns (straits_dataset_get_figure (dataset, figure), subject))
    {
      fprintf (stderr, _("straits: the chart “%s” is not about “%s”\n"), name,
               straits_dataset_get_actor (dataset, subject)->id);
      return 1;
    }
  straits_export_remove_temporary_on_signals ();
  if (!straits_chart_export (dataset, figure,
                             g_variant_dict_contains (options, "donut") ? STRAITS_CHART_DONUT : STRAITS_CHART_AUTO,
                             marking, common.output, common.width, common.height, common.dpi, &error))
    return fail (error);
  if (g_variant_dict_contains (options, "alt-text"))
    {
      g_autofree char *alt = straits_chart_describe (dataset, straits_dataset_get_figure (dataset, figure));

      if (!straits_export_write_alt_text (common.output, alt, &error))
        return fail (error);
    }
  return 0;
}

/* straits --maritime-report [--format=text|json]: the Aegean's territorial
 * seas and the Black Sea's coastlines, from the cache when it is current.
 * STRAITS_NO_CACHE=1 computes afresh. */
int
straits_cli_maritime_report (GVariantDict *options)
{
  const char *format = "text";
  g_autofree char *dir = g_build_filename (straits_data_dir (), "maritime", NULL);
  g_autofree char *cache = straits_cache_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMaritimeReport) report = NULL;
  g_autofree char *text = NULL;

  g_variant_dict_lookup (options, "format", "&s", &format);
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      fprintf (stderr, _("straits: unknown --format “%s”: use text or json\n"), format);
      return 1;
    }
  report = straits_maritime_get (dir, cache, &error);
  if (report == NULL)
    return fail (error);
  text = g_str_equal (format, "json") ? straits_maritime_report_to_json (report)
                                      : straits_maritime_report_to_text (report);
  printf ("%s\n", text);
  return 0;
}

/* straits --export-slides=FILE.pdf [--dataset=FILE] [--changes-since=OLD]:
 * the presentation's slides as a handout, one per page (slide 16:9), then
 * what changed since the dataset OLD. */
int
straits_cli_export_slides (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bookmarks_error = NULL;
  g_autofree char *bookmarks_path = straits_bookmarks_default_path ();
  StraitsDataset *dataset;
  g_autoptr(StraitsBookmarks) bookmarks = NULL;
  g_autofree char *since_path = NULL;
  g_autoptr(StraitsDataset) since = NULL;

  straits_cli_common_init (&common, options, "export-slides");
  dataset = straits_cli_common_dataset (&common, &error);
  if (dataset == NULL)
    return fail (error);
  if (g_variant_dict_lookup (options, "changes-since", "^ay", &since_path) &&
      (since = straits_cli_load_dataset (since_path, &error)) == NULL)
    return fail (error);
  bookmarks = straits_bookmarks_load (bookmarks_path, &bookmarks_error);
  if (bookmarks_error != NULL)
    fprintf (stderr, "straits: %s\n", bookmarks_error->message);
  straits_export_remove_temporary_on_signals ();
  if (!straits_slides_export (dataset, bookmarks, since, common.output, &error))
    return fail (error);
  return 0;
}
