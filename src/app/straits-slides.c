/* straits-slides.c
 *
 * The slides are the dataset's views, then this dataset's bookmarks: the
 * same sequence the presentation mode steps through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-figure.h"
#include "straits-export.h"
#include "straits-paths.h"
#include "straits-slides.h"
#include "straits-view-setup.h"

typedef struct {
  StraitsDataset *dataset;
  StraitsAtlas *atlas;
  GPtrArray *views;             /* StraitsViewInfo: the dataset's views */
  StraitsBookmarks *bookmarks;
  GArray *marks;                /* indices of this dataset's bookmarks */
} SlidesJob;

/* A bookmark's state on a scene: its time and its selection. */
static void
apply_bookmark (StraitsMapScene *scene, StraitsDataset *dataset, const StraitsBookmark *b)
{
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 relation = STRAITS_NO_INDEX;
  StraitsDate date;

  if (b->time != NULL && straits_date_parse (b->time, &date))
    straits_map_scene_set_time (scene, &date);
  for (guint i = 0; b->selection != NULL && b->selection[i] != NULL; i++)
    {
      guint32 actor = straits_dataset_find_actor (dataset, b->selection[i]);

      if (actor != STRAITS_NO_INDEX)
        g_array_append_val (actors, actor);
      else if (relation == STRAITS_NO_INDEX)
        relation = straits_dataset_find_relation (dataset, b->selection[i]);
    }
  straits_map_scene_set_selection (scene, (const guint32 *) (gpointer) actors->data, actors->len, relation);
}

static void
draw_slide (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  SlidesJob *job = user_data;
  const StraitsBookmark *b = page >= job->views->len
                             ? straits_bookmarks_get (job->bookmarks, g_array_index (job->marks, guint, page - job->views->len))
                             : NULL;
  g_autoptr(StraitsViewInfo) found = b ? straits_find_view (job->dataset, b->view, NULL) : NULL;
  const StraitsViewInfo *view = b ? found : g_ptr_array_index (job->views, page);
  g_autoptr(StraitsMapScene) scene = NULL;
  g_autoptr(StraitsMapRenderer) renderer = NULL;
  StraitsViewport vp;
  StraitsFigureOptions figure = { .legend = TRUE, .credits = TRUE, .scale_bar = TRUE };

  if (view == NULL)
    view = g_ptr_array_index (job->views, 0);
  scene = straits_map_scene_new_for_view (job->atlas, job->dataset, view, NULL);
  if (scene == NULL)
    return;
  figure.title = b ? b->title : view->title;
  figure.subtitle = b ? view->title : view->subtitle;
  if (b != NULL)
    {
      apply_bookmark (scene, job->dataset, b);
      if (b->has_viewport)
        {
          vp = (StraitsViewport) { b->cx, b->cy, b->resolution };
          figure.viewport = &vp;
        }
    }
  renderer = straits_map_renderer_new_for_scene (scene);
  straits_figure_draw (renderer, cr, width, height, &figure);
}


/* One 16:9 slide per page, atomically. */
gboolean
straits_export_slides (StraitsDataset    *dataset,
                       StraitsBookmarks  *bookmarks,
                       const char        *filename,
                       GError           **error)
{
  g_autofree char *basemap_dir = g_build_filename (straits_data_dir (), "basemap", NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemap_dir);
  g_autoptr(GPtrArray) views = straits_list_views (dataset);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
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
  for (guint i = 0; bookmarks != NULL && i < straits_bookmarks_get_n (bookmarks); i++)
    if (g_strcmp0 (straits_bookmarks_get (bookmarks, i)->dataset, straits_dataset_get_metadata (dataset)->title) == 0)
      g_array_append_val (marks, i);
  job = (SlidesJob) { dataset, atlas, views, bookmarks, marks };
  return straits_export (filename, slide->width, slide->height, STRAITS_SCREEN_DPI, views->len + marks->len,
                         draw_slide, &job, &meta, error);
}
