/* straits-slides.c
 *
 * The slides are the dataset's views, then this dataset's bookmarks: the
 * same sequence the presentation mode steps through. Compared with an
 * older version, the handout ends with what changed since it, over as
 * many pages as its lines take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-dataset-diff.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-text.h"
#include "straits-paths.h"
#include "straits-slides.h"
#include "straits-view-info.h"

typedef struct {
  StraitsDataset *dataset;
  StraitsAtlas *atlas;
  GPtrArray *views;             /* StraitsViewInfo: the dataset's views */
  StraitsBookmarks *bookmarks;
  GArray *slides;               /* StraitsSlide */
  char *changes_title;          /* "What changed since …", or NULL: no such page */
  GPtrArray *change_lines;      /* its lines: an item's heading starts with no space */
  guint lines_per_page;
} SlidesJob;

void
straits_slides_apply_layers (StraitsMapScene             *scene,
                             const StraitsBookmark       *bookmark,
                             const StraitsBookmarkTarget *target)
{
  straits_map_scene_freeze (scene);
  if (bookmark->overlays != NULL)
    straits_map_scene_set_overlays (scene, (const char *const *) bookmark->overlays);
  if (target->relation_types != NULL)
    straits_map_scene_set_relation_type_array (scene, target->relation_types);
  straits_map_scene_thaw (scene);
}

void
straits_slides_save_layers (StraitsMapScene *scene,
                            StraitsBookmark *bookmark)
{
  StraitsDataset *dataset = straits_map_scene_get_dataset (scene);
  const char *const *overlays = straits_map_scene_get_overlays (scene);
  const char *const none[] = { NULL };
  guint n_types;
  const guint32 *types = straits_map_scene_get_relation_types (scene, &n_types);

  bookmark->overlays = g_strdupv ((char **) (overlays != NULL ? overlays : none));
  /* Every type shown is saved as no list: the view's own, whatever types
   * a later version of the dataset adds. */
  if (types != NULL && dataset != NULL)
    {
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

      for (guint i = 0; i < n_types; i++)
        g_strv_builder_add (ids, straits_dataset_get_relation_type (dataset, types[i])->id);
      bookmark->relation_types = g_strv_builder_end (ids);
    }
}

/* Sizes of the changes pages, in points of the 16:9 slide. */
#define CHANGES_MARGIN 40.0
#define CHANGES_TITLE_SIZE 24.0
#define CHANGES_TEXT_SIZE 11.0
#define CHANGES_LINE_HEIGHT (CHANGES_TEXT_SIZE * 1.45)
#define CHANGES_TOP (CHANGES_MARGIN + CHANGES_TITLE_SIZE * 2.6)

/* The summary, then each item's heading and its fields, indented. */
static GPtrArray *
change_lines (GPtrArray *changes)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (lines, changes->len > 0 ? straits_diff_summary (changes) : g_strdup (_("Nothing changed.")));
  for (guint i = 0; i < changes->len; i++)
    {
      g_auto(GStrv) item = straits_diff_item_describe (g_ptr_array_index (changes, i));

      for (guint j = 0; item[j] != NULL; j++)
        g_ptr_array_add (lines, j == 0 ? g_strdup (item[j]) : g_strconcat ("    ", item[j], NULL));
    }
  return lines;
}

static void
show_line (cairo_t *cr, const char *text, double size, PangoWeight weight, double x, double y, double width)
{
  g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, text, size, weight, 0);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  straits_text_show (cr, layout);
}

/* The @nth page of what changed: the title on each, then its lines. */
static void
draw_changes (cairo_t *cr, double width, double height, guint nth, SlidesJob *job)
{
  guint first = nth * job->lines_per_page;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_line (cr, job->changes_title, CHANGES_TITLE_SIZE, PANGO_WEIGHT_BOLD, CHANGES_MARGIN, CHANGES_MARGIN,
             width - 2 * CHANGES_MARGIN);
  for (guint i = first; i < job->change_lines->len && i < first + job->lines_per_page; i++)
    {
      const char *line = g_ptr_array_index (job->change_lines, i);
      /* The summary and the items' headings stand out from the fields. */
      gboolean heading = i == 0 || line[0] != ' ';

      show_line (cr, line, CHANGES_TEXT_SIZE, heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                 CHANGES_MARGIN, CHANGES_TOP + (i - first) * CHANGES_LINE_HEIGHT, width - 2 * CHANGES_MARGIN);
    }
}

/* A bookmark's state on a scene: its time, its selection (resolved as
 * the window resolves it), its overlays and relation types. */
static void
apply_bookmark (StraitsMapScene *scene, StraitsDataset *dataset, const StraitsBookmark *b)
{
  StraitsBookmarkTarget target;
  StraitsDate date;

  if (b->time != NULL && straits_date_parse (b->time, &date))
    straits_map_scene_set_time (scene, &date);
  straits_bookmark_resolve (b, dataset, &target);
  straits_map_scene_set_selection (scene, (const guint32 *) (gpointer) target.actors->data, target.actors->len,
                                   target.relation);
  straits_slides_apply_layers (scene, b, &target);
  straits_bookmark_target_clear (&target);
}

void
straits_slides_draw (StraitsDataset     *dataset,
                     StraitsAtlas       *atlas,
                     GPtrArray          *views,
                     StraitsBookmarks   *bookmarks,
                     const StraitsSlide *slide,
                     cairo_t            *cr,
                     double              width,
                     double              height)
{
  const StraitsBookmark *b = slide->is_bookmark ? straits_bookmarks_get (bookmarks, slide->index) : NULL;
  g_autoptr(StraitsViewInfo) found = b ? straits_view_info_find (dataset, b->view, NULL) : NULL;
  const StraitsViewInfo *view = b ? found : g_ptr_array_index (views, slide->index);
  g_autoptr(StraitsMapScene) scene = NULL;
  g_autoptr(StraitsMapRenderer) renderer = NULL;
  StraitsViewport vp;
  StraitsFigurePageOptions figure = { .legend = TRUE, .credits = TRUE, .scale_bar = TRUE };

  if (view == NULL)
    view = g_ptr_array_index (views, 0);
  scene = straits_view_info_new_scene (atlas, dataset, view, NULL);
  if (scene == NULL)
    return;
  figure.title = b ? b->title : view->title;
  figure.subtitle = b ? view->title : view->subtitle;
  if (b != NULL)
    {
      apply_bookmark (scene, dataset, b);
      if (b->has_viewport)
        {
          vp = (StraitsViewport) { b->cx, b->cy, b->resolution };
          figure.viewport = &vp;
        }
    }
  renderer = straits_map_renderer_new_for_scene (scene);
  straits_figure_page_draw (renderer, cr, width, height, &figure);
}

static void
draw_slide (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  SlidesJob *job = user_data;

  if (page >= job->slides->len)
    {
      draw_changes (cr, width, height, page - job->slides->len, job);
      return;
    }
  straits_slides_draw (job->dataset, job->atlas, job->views, job->bookmarks,
                       &g_array_index (job->slides, StraitsSlide, page), cr, width, height);
}

/* One 16:9 slide per page, atomically. */
gboolean
straits_slides_export (StraitsDataset    *dataset,
                       StraitsBookmarks  *bookmarks,
                       StraitsDataset    *changes_since,
                       const char        *filename,
                       GError           **error)
{
  g_autoptr(GPtrArray) changes = changes_since != NULL ? straits_dataset_diff (changes_since, dataset) : NULL;
  g_autoptr(GPtrArray) lines = changes != NULL ? change_lines (changes) : NULL;
  g_autofree char *since = changes_since != NULL ? straits_diff_version_label (changes_since) : NULL;
  /* Translators: the handout's last page; %s is the version compared with, e.g. "1.0 (2025-03-01)" */
  g_autofree char *title = since != NULL ? g_strdup_printf (_("What changed since %s"), since) : NULL;
  guint n_change_pages = 0;
  g_autofree char *basemap_dir = g_build_filename (straits_data_dir (), "basemap", NULL);
  g_autofree char *cache_dir = straits_cache_dir ();
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemap_dir);
  g_autoptr(GPtrArray) views = straits_view_info_list (dataset);
  g_autoptr(GArray) slides = NULL;
  StraitsExportMetadata meta = { straits_dataset_get_metadata (dataset)->title, NULL, NULL, NULL };
  const StraitsPageSize *slide = straits_export_find_page_size ("slide-16x9");
  StraitsExportFormat format;
  SlidesJob job;

  if (!straits_export_format_from_filename (filename, &format, error))
    return FALSE;
  if (format != STRAITS_EXPORT_PDF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("a handout is a PDF: name it .pdf"));
      return FALSE;
    }
  slides = straits_bookmarks_list_slides (bookmarks, views->len, dataset);
  job = (SlidesJob) { dataset, atlas, views, bookmarks, slides, title, lines, 1 };
  if (lines != NULL)
    {
      job.lines_per_page = MAX (1, (guint) ((slide->height - CHANGES_TOP - CHANGES_MARGIN) / CHANGES_LINE_HEIGHT));
      n_change_pages = (lines->len + job.lines_per_page - 1) / job.lines_per_page;
    }
  straits_atlas_set_cache_dir (atlas, cache_dir);
  if (!straits_export (filename, slide->width, slide->height, STRAITS_SCREEN_DPI, slides->len + n_change_pages,
                       draw_slide, &job, &meta, error))
    return FALSE;
  straits_atlas_save_projections (atlas);
  return TRUE;
}
