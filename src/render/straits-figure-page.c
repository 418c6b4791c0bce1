/* straits-figure-page.c
 *
 * Sizes are in points: a figure printed on A4 reads as designed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "straits-export.h"
#include "straits-figure-page.h"
#include "straits-text.h"

#define MARGIN 18.0
/* The room above two panels for their dates' boxes (points). */
#define PANEL_TAB_HEIGHT 18.0

/* The sources' citations, then the basemap's credit: "Sources: Adar et
 * al., Turkey and European Security, doi:… (CC BY 4.0). Made with Natural
 * Earth." (the dataset's own stamp goes before, in figures). */
char *
straits_figure_page_credits (StraitsDataset *dataset)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; dataset != NULL && i < straits_dataset_get_n_sources (dataset); i++)
    {
      const StraitsSource *src = straits_dataset_get_source (dataset, i);
      g_autofree char *authors = NULL;

      if (src->authors != NULL && src->authors[0] != NULL)
        authors = src->authors[1] ? g_strdup_printf (_("%s et al."), src->authors[0]) : g_strdup (src->authors[0]);
      /* Translators: the first of the sources in a figure's credit line */
      g_string_append_printf (s, i == 0 ? _("Sources: %s%s%s") : "; %s%s%s",
                              authors ? authors : "", authors ? ", " : "", src->title);
      if (src->doi)
        g_string_append_printf (s, ", doi:%s", src->doi);
      if (src->licence)
        g_string_append_printf (s, " (%s)", src->licence);
    }
  if (s->len > 0)
    g_string_append (s, ". ");
  g_string_append (s, _("Made with Natural Earth."));
  return g_string_free (s, FALSE);
}

static double
draw_text_block (cairo_t    *cr,
                 const char *text,
                 double      size,
                 PangoWeight weight,
                 double      x,
                 double      y,
                 double      width,
                 gboolean    draw,
                 StraitsRect *box)
{
  PangoLayout *layout = straits_text_layout_new (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  PangoRectangle logical;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (box != NULL)
    *box = (StraitsRect) { x + logical.x, y + logical.y, logical.width, logical.height };
  if (draw)
    {
      cairo_move_to (cr, x, y);
      straits_text_show (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  return logical.height;
}

static const char *const markings[] = {
  "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED", NULL
};

const char *const *
straits_figure_page_markings (void)
{
  return markings;
}

/* Scale bar ------------------------------------------------------------------ */

/* True metres per projected metre at the map's point (@x, @y): the
 * projection's scale there, measured geodesically along the frame's
 * horizontal. */
static double
true_metres_per_unit (StraitsProjection *proj, double x, double y)
{
  double lon0, lat0, lon1, lat1;

  if (!straits_projection_inverse (proj, x - 500, y, &lon0, &lat0) ||
      !straits_projection_inverse (proj, x + 500, y, &lon1, &lat1))
    return NAN;
  return straits_geodesic_distance (lon0, lat0, lon1, lat1) / 1000;
}

/* The bar is about a fifth of the frame, rounded to 1, 2 or 5 times a
 * power of ten kilometres, and correct at the frame's centre. */
gboolean
straits_figure_page_scale_bar (StraitsMapRenderer    *renderer,
                               const StraitsViewport *viewport,
                               double                 width,
                               double                 height,
                               double                *x0,
                               double                *x1,
                               double                *y,
                               double                *km)
{
  StraitsProjectedMap *map = straits_map_renderer_get_map (renderer);
  double k = true_metres_per_unit (straits_projected_map_get_projection (map), viewport->cx, viewport->cy);
  double wanted_km, step, length;

  if (!isfinite (k) || k <= 0)
    return FALSE;
  wanted_km = width / 5 * viewport->resolution * k / 1000;
  step = pow (10, floor (log10 (wanted_km)));
  *km = wanted_km >= 5 * step ? 5 * step : wanted_km >= 2 * step ? 2 * step : step;
  length = *km * 1000 / k / viewport->resolution;
  *x1 = width - 14;
  *x0 = *x1 - length;
  *y = height - 14;
  return TRUE;
}

static void
draw_scale_bar (StraitsMapRenderer    *renderer,
                cairo_t               *cr,
                const StraitsViewport *vp,
                double                 width,
                double                 height,
                const StraitsMapStyle *style,
                double                 ts,
                StraitsRect           *box)
{
  double x0, x1, y, km;
  g_autofree char *label = NULL;
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoRectangle logical;

  if (!straits_figure_page_scale_bar (renderer, vp, width, height, &x0, &x1, &y, &km))
    return;
  label = g_strdup_printf (_("%g km"), km);
  layout = straits_text_layout_new (cr);
  font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  pango_font_description_set_size (font, (int) (7 * ts * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  cairo_save (cr);
  cairo_set_source_rgba (cr, style->halo.r, style->halo.g, style->halo.b, 0.85);
  cairo_rectangle (cr, x0 - 6, y - logical.height - 8, x1 - x0 + 12, logical.height + 14);
  cairo_fill (cr);
  *box = (StraitsRect) { x0 - 6, y - logical.height - 8, x1 - x0 + 12, logical.height + 14 };
  cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x0, y - 4);
  cairo_line_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_line_to (cr, x1, y - 4);
  cairo_stroke (cr);
  cairo_move_to (cr, (x0 + x1 - logical.width) / 2, y - logical.height - 4);
  straits_text_show (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* Stamp, marking, credits ---------------------------------------------------- */

/* "<title>, version <v>, data as of <date>." */
static char *
dataset_stamp (StraitsDataset *dataset)
{
  const StraitsMetadata *meta = straits_dataset_get_metadata (dataset);
  g_autofree char *date = straits_date_format (&meta->date);
  GString *s = g_string_new (NULL);

  g_string_append (s, meta->title);
  if (meta->version != NULL)
    g_string_append_printf (s, _(", version %s"), meta->version);
  if (*date != '\0')
    g_string_append_printf (s, _(", data as of %s"), date);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

/* A handling marking, white on black, in the top right corner of a page
 * @width wide: maps and charts alike. */
static void draw_marking (cairo_t *cr, const char *marking, double width, StraitsRect *box);

void
straits_figure_page_draw_marking (cairo_t *cr, const char *marking, double width)
{
  draw_marking (cr, marking, width, NULL);
}

static void
draw_marking (cairo_t *cr, const char *marking, double width, StraitsRect *box)
{
  PangoLayout *layout = straits_text_layout_new (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans Bold 9");
  PangoRectangle logical;
  double x, y = MARGIN - 6;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, marking, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = width - MARGIN - logical.width;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, x - 4, y - 2, logical.width + 8, logical.height + 4);
  cairo_fill (cr);
  if (box != NULL)
    *box = (StraitsRect) { x - 4, y - 2, logical.width + 8, logical.height + 4 };
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x, y);
  straits_text_show (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* What date the figure depicts, under its title: the map's date (both
 * panels' when @other, a second panel, is given), or all dates with the
 * data's own date. */
static char *
figure_date (StraitsMapRenderer *renderer, StraitsMapRenderer *other)
{
  const StraitsDate *time = straits_map_renderer_get_time (renderer);
  const StraitsDate *other_time = other ? straits_map_renderer_get_time (other) : NULL;
  StraitsDataset *dataset = straits_map_renderer_get_dataset (renderer);
  g_autofree char *date = NULL;

  if (time != NULL && other_time != NULL)
    {
      g_autofree char *second = straits_date_format (other_time);

      date = straits_date_format (time);
      /* Translators: under the title of a figure with two maps side by
       * side: "As of December 2014 and December 2025" */
      return g_strdup_printf (_("As of %s and %s"), date, second);
    }
  if (time != NULL)
    {
      date = straits_date_format (time);
      /* Translators: under a figure's title: "As of December 2021" */
      return g_strdup_printf (_("As of %s"), date);
    }
  if (dataset == NULL)
    return NULL;
  date = straits_date_format (&straits_dataset_get_metadata (dataset)->date);
  if (*date == '\0')
    return g_strdup (_("All dates"));
  /* Translators: under a figure's title: "All dates; data as of 2025" */
  return g_strdup_printf (_("All dates; data as of %s"), date);
}

static char *
figure_credits (StraitsMapRenderer *renderer)
{
  StraitsDataset *dataset = straits_map_renderer_get_dataset (renderer);
  g_autofree char *credits = straits_figure_page_credits (dataset);
  g_autofree char *stamp = dataset ? dataset_stamp (dataset) : g_strdup ("");
  g_autofree char *borders = straits_map_renderer_describe_convention (renderer);
  GString *s = g_string_new (stamp);

  g_string_append_printf (s, " %s", credits);
  /* Results measured on OpenStreetMap data carry its credit. */
  if (straits_map_renderer_get_territorial_seas (renderer) != 0)
    g_string_append_printf (s, " %s", _("Territorial seas measured on land © OpenStreetMap contributors (ODbL)."));
  /* Every figure states the territorial convention it follows. */
  if (borders != NULL)
    g_string_append_printf (s, " %s", borders);
  return g_string_free (s, FALSE);
}

/* Where the map frame goes once the title block and the credits have
 * their room: [@top, @bottom) in points. Measures, or draws when @draw. */
/* Slides are read from the back of a room: on a 16:9 or 4:3 page no
 * taller than a slide (810 points), the map's smallest names at least
 * 1/45 of the page's height, the title at least 1/20; print pages keep
 * print sizes (1). */
double
straits_figure_page_slide_scale (const StraitsMapStyle *style,
                                 double                 height)
{
  return style->small_label_size > 0 ? MAX (1, height / 45 / style->small_label_size) : 1;
}

static double
type_scale (StraitsMapRenderer *renderer, double width, double height)
{
  double aspect = width / height;
  gboolean slide = height <= 900 && (fabs (aspect - 16.0 / 9) < 0.02 || fabs (aspect - 4.0 / 3) < 0.02);

  return slide ? straits_figure_page_slide_scale (straits_map_renderer_get_style (renderer), height) : 1;
}

/* Notes @box as @kind in the options' layout, when the page is drawn. */
static void
note_box (const StraitsFigurePageOptions *options, gboolean draw, StraitsFigureBoxKind kind, const StraitsRect *box)
{
  if (draw && options->layout != NULL && box->width > 0 && box->height > 0)
    straits_figure_layout_add (options->layout, kind, box, -1, NULL);
}

static void
layout_blocks (StraitsMapRenderer         *renderer,
               StraitsMapRenderer         *other,
               cairo_t                    *cr,
               double                      width,
               double                      height,
               const StraitsFigurePageOptions *options,
               gboolean                    draw,
               double                     *top_out,
               double                     *bottom_out)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (renderer);
  double top = MARGIN, bottom = height - MARGIN, inner = width - 2 * MARGIN;
  double ts = type_scale (renderer, width, height), title = ts > 1 ? MAX (16 * ts, height / 20) : 16;
  StraitsRect box = { 0 };

  if (draw && options->marking != NULL && options->marking[0] != '\0')
    {
      draw_marking (cr, options->marking, width, &box);
      note_box (options, draw, STRAITS_FIGURE_BOX_MARKING, &box);
    }
  if (options->title != NULL && options->title[0] != '\0')
    {
      double room = MAX (1, options->marking ? inner - 90 : inner);

      cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
      top += draw_text_block (cr, options->title, title, PANGO_WEIGHT_BOLD, MARGIN, top, room, draw, &box) + 2;
      note_box (options, draw, STRAITS_FIGURE_BOX_TITLE, &box);
      if (options->subtitle != NULL && options->subtitle[0] != '\0')
        {
          top += draw_text_block (cr, options->subtitle, 10.5 * ts, PANGO_WEIGHT_NORMAL, MARGIN, top, room, draw, &box);
          note_box (options, draw, STRAITS_FIGURE_BOX_SUBTITLE, &box);
        }
      {
        g_autofree char *when = figure_date (renderer, other);

        if (when != NULL)
          {
            top += draw_text_block (cr, when, 8.5 * ts, PANGO_WEIGHT_NORMAL, MARGIN, top + 1, room, draw, &box) + 1;
            note_box (options, draw, STRAITS_FIGURE_BOX_DATE, &box);
          }
      }
      top += 8;
    }
  else if (options->marking != NULL && options->marking[0] != '\0')
    top += 16;
  if (options->credits)
    {
      g_autofree char *credits = figure_credits (renderer);
      /* The credit line grows less: it is for the record, not the room. */
      double size = 6.5 * MIN (ts, 1.6);
      double h = draw_text_block (cr, credits, size, PANGO_WEIGHT_NORMAL, MARGIN, 0, MAX (1, inner), FALSE, NULL);

      bottom -= h;
      if (draw)
        {
          cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
          draw_text_block (cr, credits, size, PANGO_WEIGHT_NORMAL, MARGIN, bottom, MAX (1, inner), TRUE, &box);
          note_box (options, draw, STRAITS_FIGURE_BOX_CREDITS, &box);
        }
      bottom -= 6;
    }
  *top_out = top;
  *bottom_out = bottom;
}

/* Two panels side by side, this far apart (points). */
#define PANEL_GAP 12.0

/* The room above two panels for their dates' boxes, which grow with
 * a slide's type as the credits do. */
static double
tab_height (StraitsMapRenderer *renderer, double width, double height)
{
  return PANEL_TAB_HEIGHT * MIN (type_scale (renderer, width, height), 1.6);
}

/* The width of each of @n_panels map frames on a page @width wide. */
static double
panel_width (double width, guint n_panels)
{
  return (width - 2 * MARGIN - (n_panels - 1) * PANEL_GAP) / n_panels;
}

double
straits_figure_page_map_width (double width, guint n_panels)
{
  return panel_width (width, MAX (n_panels, 1));
}

static gboolean
frame_fits (double width, guint n_panels, double top, double bottom)
{
  return panel_width (width, n_panels) >= STRAITS_FIGURE_MIN_MAP_WIDTH &&
         bottom - top >= STRAITS_FIGURE_MIN_MAP_HEIGHT;
}

/* Whether the map (@other: and a second panel beside it) keeps a sensible
 * frame on a page of @width x @height points once the title, legend and
 * credits have their room; if not, says the smallest size that would do,
 * in pixels at STRAITS_SCREEN_DPI. */
static gboolean
check_panels (StraitsMapRenderer             *renderer,
              StraitsMapRenderer             *other,
              double                          width,
              double                          height,
              const StraitsFigurePageOptions *options,
              GError                        **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint n_panels = other != NULL ? 2 : 1;
  double top, bottom, tab = other != NULL ? tab_height (renderer, width, height) : 0;
  double min_width = n_panels * STRAITS_FIGURE_MIN_MAP_WIDTH + (n_panels - 1) * PANEL_GAP + 2 * MARGIN;
  gboolean titled = options->title != NULL && options->title[0] != '\0';
  const char *what;

  layout_blocks (renderer, other, cr, width, height, options, FALSE, &top, &bottom);
  if (frame_fits (width, n_panels, top + tab, bottom))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return TRUE;
    }
  width = MAX (width, min_width);
  layout_blocks (renderer, other, cr, width, height, options, FALSE, &top, &bottom);
  height += STRAITS_FIGURE_MIN_MAP_HEIGHT - MIN (bottom - top - tab, STRAITS_FIGURE_MIN_MAP_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  what = titled && options->credits ? _("the title and the credits")
         : titled ? _("the title") : options->credits ? _("the credits") : _("the map");
  /* Translators: "the page is too small for the title; the smallest size is 400x215" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("The page is too small for %s; the smallest size is %.0fx%.0f (pixels at 96 dpi)"),
               what, ceil (width * STRAITS_SCREEN_DPI / 72), ceil (height * STRAITS_SCREEN_DPI / 72));
  return FALSE;
}

gboolean
straits_figure_page_check (StraitsMapRenderer         *renderer,
                           double                      width,
                           double                      height,
                           const StraitsFigurePageOptions *options,
                           GError                    **error)
{
  return check_panels (renderer, NULL, width, height, options, error);
}

gboolean
straits_figure_page_check_compare (StraitsMapRenderer             *left,
                                   StraitsMapRenderer             *right,
                                   double                          width,
                                   double                          height,
                                   const StraitsFigurePageOptions *options,
                                   GError                        **error)
{
  return check_panels (left, right, width, height, options, error);
}

/* A legend over more than this share of land and key names in its best
 * corner (straits_map_renderer_get_legend_land_share) goes beside the map
 * instead. 8 %: a legend in a corner over open sea may cover a strip of
 * coast (the Aegean at A4, over the Ionian Sea: 6 %); beyond that it
 * hides land or names the map is about (the Black Sea at 960x540: 86 %,
 * on a slide 94 %), which costs the reader more than the map's losing a
 * column or a strip of its frame. */
#define LEGEND_MAX_LAND_SHARE 0.08
/* A legend beside the map takes at most this share of the frame's width
 * unless a strip under the map would leave the map smaller. */
#define LEGEND_MAX_COLUMN 0.4
/* Between the map's frame and a legend beside it, in points. */
#define LEGEND_GAP 8.0

typedef enum { LEGEND_NONE, LEGEND_IN_MAP, LEGEND_RIGHT, LEGEND_BELOW } LegendPlace;

typedef struct {
  StraitsMapStyle screen;
  gboolean shown_legend;
} SceneState;

/* The figure's own settings for a draw of the map in a frame of @width x
 * @height, until figure_scene_leave() gives the scene back what it
 * showed: the legend in the map when @legend. */
static void
figure_scene_enter (StraitsMapRenderer             *renderer,
                    const StraitsFigurePageOptions *options,
                    const StraitsViewport          *vp,
                    double                          width,
                    double                          height,
                    double                          ts,
                    gboolean                        legend,
                    SceneState                     *saved)
{
  StraitsMapScene *scene = straits_map_renderer_get_scene (renderer);
  StraitsMapStyle scaled = *straits_map_renderer_get_style (renderer);
  double x0, x1, y, km;

  saved->screen = scaled;
  saved->shown_legend = straits_map_scene_get_show_legend (scene);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_show_legend (scene, legend);
  /* Kosovo* only where the credits carry the footnote the mark points to. */
  straits_map_scene_set_footnote_marks (scene, options->credits);
  /* Labels keep clear of the scale bar drawn over the map after it. */
  if (options->scale_bar && straits_figure_page_scale_bar (renderer, vp, width, height, &x0, &x1, &y, &km))
    straits_map_scene_set_reserved (scene, &(StraitsRect) { x0 - 8, y - 22 * ts, x1 - x0 + 16, 28 * ts });
  if (ts > 1)
    {
      scaled.scale *= ts;
      straits_map_scene_set_style (scene, &scaled);
    }
  straits_map_scene_thaw (scene);
  straits_map_renderer_stash_highlights (renderer, options->selection);
}

static void
figure_scene_leave (StraitsMapRenderer *renderer,
                    const SceneState   *saved)
{
  StraitsMapScene *scene = straits_map_renderer_get_scene (renderer);

  straits_map_renderer_restore_highlights (renderer);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_style (scene, &saved->screen);
  straits_map_scene_set_reserved (scene, NULL);
  straits_map_scene_set_footnote_marks (scene, FALSE);
  straits_map_scene_set_show_legend (scene, saved->shown_legend);
  straits_map_scene_thaw (scene);
}

/* How large the map comes out in a frame of @width x @height: its scale,
 * as units per metre (0 when the frame is too small). */
static double
map_scale (StraitsMapRenderer *renderer, const StraitsFigurePageOptions *options, double width, double height)
{
  if (width < STRAITS_FIGURE_MIN_MAP_WIDTH || height < STRAITS_FIGURE_MIN_MAP_HEIGHT)
    return 0;
  /* A viewport given keeps its scale: the frame shows the more of it. */
  if (options->viewport != NULL)
    return width * height;
  return 1 / straits_map_renderer_fit (renderer, width, height).resolution;
}

/* Where the legend goes on a map frame of @width x @height, and the room
 * it takes there: in the map when the map, drawn aside with it, has it
 * over little land; else to the right, in a column no wider than
 * LEGEND_MAX_COLUMN of the frame, else to the right in columns or in a
 * strip under the map, whichever leaves the map larger; in the map after
 * all when either would leave it too small. */
static LegendPlace
legend_place (StraitsMapRenderer             *renderer,
              const StraitsFigurePageOptions *options,
              const StraitsViewport          *vp,
              double                          width,
              double                          height,
              double                          ts,
              double                         *room)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  LegendPlace place = LEGEND_IN_MAP;
  SceneState saved;
  double rw = 0, rh = 0, bw = 0, bh = 0, right = 0, below = 0;

  figure_scene_enter (renderer, options, vp, width, height, ts, TRUE, &saved);
  straits_map_renderer_draw (renderer, cr, width, height, vp);
  if (straits_map_renderer_get_legend_land_share (renderer) > LEGEND_MAX_LAND_SHARE &&
      straits_map_renderer_measure_legend (renderer, cr, width, height, vp, 0, height, &rw, &rh) &&
      straits_map_renderer_measure_legend (renderer, cr, width, height, vp, width, height, &bw, &bh))
    {
      right = rh <= height ? map_scale (renderer, options, width - rw - LEGEND_GAP, height) : 0;
      below = map_scale (renderer, options, width, height - bh - LEGEND_GAP);
      if (right > 0 && (rw <= width * LEGEND_MAX_COLUMN || right >= below))
        place = LEGEND_RIGHT;
      else if (below > 0)
        place = LEGEND_BELOW;
    }
  *room = place == LEGEND_RIGHT ? rw + LEGEND_GAP : place == LEGEND_BELOW ? bh + LEGEND_GAP : 0;
  figure_scene_leave (renderer, &saved);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return place;
}

/* Notes, in the options' layout, the map frame of @width x @height at
 * (@x, @y) on the page and what @renderer placed in it; returns the
 * frame's box, or -1 without a layout. */
static int
note_map (const StraitsFigurePageOptions *options,
          StraitsMapRenderer             *renderer,
          double                          x,
          double                          y,
          double                          width,
          double                          height)
{
  guint frame;

  if (options->layout == NULL)
    return -1;
  frame = straits_figure_layout_add (options->layout, STRAITS_FIGURE_BOX_MAP_FRAME,
                                     &(StraitsRect) { x, y, width, height }, -1, NULL);
  straits_figure_layout_add_map (options->layout, renderer, frame, x, y);
  return (int) frame;
}

/* The scale bar and the border of a map frame of @width x @height at the
 * current origin, which is (@x, @y) on the page; the bar noted in the
 * layout as in @frame. */
static void
draw_frame_decorations (StraitsMapRenderer             *renderer,
                        cairo_t                        *cr,
                        double                          width,
                        double                          height,
                        const StraitsViewport          *vp,
                        const StraitsFigurePageOptions *options,
                        const StraitsMapStyle          *screen,
                        double                          ts,
                        int                             frame,
                        double                          x,
                        double                          y)
{
  StraitsRect bar = { 0 };

  if (options->scale_bar)
    draw_scale_bar (renderer, cr, vp, width, height, screen, ts, &bar);
  if (frame >= 0 && bar.width > 0)
    straits_figure_layout_add (options->layout, STRAITS_FIGURE_BOX_SCALE_BAR,
                               &(StraitsRect) { bar.x + x, bar.y + y, bar.width, bar.height }, frame, NULL);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, screen->border.r, screen->border.g, screen->border.b);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

/* The legend beside the map frame of @map_width x @map_height, at (@x,
 * @y) from the frame's corner, which is at (@page_x, @page_y) on the page;
 * noted in the layout. */
static void
draw_legend_aside (StraitsMapRenderer             *renderer,
                   cairo_t                        *cr,
                   const StraitsFigurePageOptions *options,
                   double                          map_width,
                   double                          map_height,
                   const StraitsViewport          *vp,
                   double                          x,
                   double                          y,
                   double                          max_width,
                   double                          max_height,
                   double                          page_x,
                   double                          page_y)
{
  double w, h;

  straits_map_renderer_draw_legend_beside (renderer, cr, map_width, map_height, vp, x, y, max_width, max_height);
  if (options->layout != NULL &&
      straits_map_renderer_measure_legend (renderer, cr, map_width, map_height, vp, max_width, max_height, &w, &h))
    straits_figure_layout_add (options->layout, STRAITS_FIGURE_BOX_LEGEND,
                               &(StraitsRect) { page_x + x, page_y + y, w, h }, -1, NULL);
}

/* A legend outside the map frame: where, from the frame's corner, and
 * the room it may take (straits_map_renderer_draw_legend_beside()). */
typedef struct {
  double x, y, max_width, max_height;
} LegendAside;

/* The map frame of @width x @height at the current origin, (@x, @y) on
 * the page: the map at @vp with the figure's own settings for this draw
 * only (the scene gets back what it showed), @legend in it or not, or
 * @aside it when given; the scale bar, the frame's border. */
static void
draw_map_frame (StraitsMapRenderer             *renderer,
                cairo_t                        *cr,
                double                          width,
                double                          height,
                const StraitsViewport          *vp,
                const StraitsFigurePageOptions *options,
                gboolean                        legend,
                double                          ts,
                double                          x,
                double                          y,
                const LegendAside              *aside)
{
  StraitsMapStyle screen = *straits_map_renderer_get_style (renderer);
  SceneState saved;
  int frame;

  figure_scene_enter (renderer, options, vp, width, height, ts, legend && aside == NULL, &saved);
  straits_map_renderer_draw (renderer, cr, width, height, vp);
  frame = note_map (options, renderer, x, y, width, height);
  if (legend && aside != NULL)
    draw_legend_aside (renderer, cr, options, width, height, vp, aside->x, aside->y, aside->max_width,
                       aside->max_height, x, y);
  figure_scene_leave (renderer, &saved);
  draw_frame_decorations (renderer, cr, width, height, vp, options, &screen, ts, frame, x, y);
}

/* The page's background, then the title block and the credits; the map
 * frames' room in [@top, @bottom), FALSE when too small for them (a page
 * straits_figure_page_check() refuses shows the blocks alone). */
static gboolean
draw_page (StraitsMapRenderer             *renderer,
           StraitsMapRenderer             *other,
           cairo_t                        *cr,
           double                          width,
           double                          height,
           const StraitsFigurePageOptions *options,
           double                         *top,
           double                         *bottom)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (renderer);

  cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
  layout_blocks (renderer, other, cr, width, height, options, TRUE, top, bottom);
  if (other != NULL)
    *top += tab_height (renderer, width, height);
  return frame_fits (width, other != NULL ? 2 : 1, *top, *bottom);
}

void
straits_figure_page_draw (StraitsMapRenderer         *renderer,
                          cairo_t                    *cr,
                          double                      width,
                          double                      height,
                          const StraitsFigurePageOptions *options)
{
  StraitsMapStyle screen = *straits_map_renderer_get_style (renderer);
  double top, bottom, inner = width - 2 * MARGIN, room = 0, map_width, map_height;
  double ts = type_scale (renderer, width, height);
  LegendPlace place = options->legend ? LEGEND_IN_MAP : LEGEND_NONE;
  StraitsViewport vp;
  SceneState saved;
  int frame;

  if (!draw_page (renderer, NULL, cr, width, height, options, &top, &bottom))
    return;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, top);
  vp = options->viewport ? *options->viewport : straits_map_renderer_fit (renderer, inner, bottom - top);
  if (options->legend)
    place = legend_place (renderer, options, &vp, inner, bottom - top, ts, &room);
  map_width = inner - (place == LEGEND_RIGHT ? room : 0);
  map_height = bottom - top - (place == LEGEND_BELOW ? room : 0);
  if (room > 0 && options->viewport == NULL)
    vp = straits_map_renderer_fit (renderer, map_width, map_height);
  figure_scene_enter (renderer, options, &vp, map_width, map_height, ts, place == LEGEND_IN_MAP, &saved);
  straits_map_renderer_draw (renderer, cr, map_width, map_height, &vp);
  frame = note_map (options, renderer, MARGIN, top, map_width, map_height);
  if (place == LEGEND_RIGHT)
    draw_legend_aside (renderer, cr, options, map_width, map_height, &vp, map_width + LEGEND_GAP, 0, 0, map_height,
                       MARGIN, top);
  else if (place == LEGEND_BELOW)
    draw_legend_aside (renderer, cr, options, map_width, map_height, &vp, 0, map_height + LEGEND_GAP, inner, room,
                       MARGIN, top);
  figure_scene_leave (renderer, &saved);
  draw_frame_decorations (renderer, cr, map_width, map_height, &vp, options, &screen, ts, frame, MARGIN, top);
  cairo_restore (cr);
}

/* A panel's date in a box on its top-left corner, above the map: "As of
 * December 2014". */
static void
draw_panel_tab (StraitsMapRenderer *renderer, cairo_t *cr, double ts, const StraitsFigurePageOptions *options,
                double x, double y)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (renderer);
  const StraitsDate *time = straits_map_renderer_get_time (renderer);
  g_autofree char *date = time ? straits_date_format (time) : NULL;
  g_autofree char *text = date ? g_strdup_printf (_("As of %s"), date) : g_strdup (_("All dates"));
  PangoLayout *layout = straits_text_layout_new (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans Bold");
  PangoRectangle logical;

  pango_font_description_set_size (font, (int) (8.5 * MIN (ts, 1.6) * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_save (cr);
  cairo_rectangle (cr, 0, -logical.height - 6, logical.width + 12, logical.height + 6);
  note_box (options, TRUE, STRAITS_FIGURE_BOX_PANEL_TAB,
            &(StraitsRect) { x, y - logical.height - 6, logical.width + 12, logical.height + 6 });
  cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, style->border.r, style->border.g, style->border.b);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
  cairo_move_to (cr, 6, -logical.height - 3);
  straits_text_show (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The room under two panels of @panel x @height for a strip holding
 * their legend, or 0 when it goes in the right panel: when it would hide
 * much land there (as on a single page), or not fit in it at all (the EU
 * view's on a slide). The panels are drawn unseen to know what the
 * legend lists. */
static double
compare_legend_room (StraitsMapRenderer             *left,
                     StraitsMapRenderer             *right,
                     const StraitsFigurePageOptions *options,
                     const StraitsViewport          *vp,
                     double                          panel,
                     double                          height,
                     double                          inner,
                     double                          ts)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  StraitsFigurePageOptions unseen = *options;
  double cw = 0, ch = 0, sw = 0, sh = 0, room = 0;
  SceneState saved;

  unseen.layout = NULL;
  draw_map_frame (left, cr, panel, height, vp, &unseen, FALSE, ts, 0, 0, NULL);
  straits_map_renderer_set_legend_partner (right, left);
  figure_scene_enter (right, &unseen, vp, panel, height, ts, TRUE, &saved);
  straits_map_renderer_draw (right, cr, panel, height, vp);
  if (straits_map_renderer_measure_legend (right, cr, panel, height, vp, 0, height, &cw, &ch) &&
      (straits_map_renderer_get_legend_land_share (right) > LEGEND_MAX_LAND_SHARE ||
       cw > panel * LEGEND_MAX_COLUMN || ch > height * 0.8) &&
      straits_map_renderer_measure_legend (right, cr, panel, height, vp, inner, height, &sw, &sh) &&
      height - sh - LEGEND_GAP >= STRAITS_FIGURE_MIN_MAP_HEIGHT)
    room = sh + LEGEND_GAP;
  figure_scene_leave (right, &saved);
  straits_map_renderer_set_legend_partner (right, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return room;
}

void
straits_figure_page_draw_compare (StraitsMapRenderer             *left,
                                  StraitsMapRenderer             *right,
                                  cairo_t                        *cr,
                                  double                          width,
                                  double                          height,
                                  const StraitsFigurePageOptions *options)
{
  double top, bottom, panel = panel_width (width, 2), ts = type_scale (left, width, height), room = 0, h;
  LegendAside strip;
  StraitsViewport vp;

  if (!draw_page (left, right, cr, width, height, options, &top, &bottom))
    return;
  /* One extent and scale for both, so that what differs is the data. */
  vp = options->viewport ? *options->viewport : straits_map_renderer_fit (left, panel, bottom - top);
  if (options->legend)
    room = compare_legend_room (left, right, options, &vp, panel, bottom - top, width - 2 * MARGIN, ts);
  h = bottom - top - room;
  if (room > 0 && options->viewport == NULL)
    vp = straits_map_renderer_fit (left, panel, h);
  /* Under both panels, from the right one's corner. */
  strip = (LegendAside) { -(panel + PANEL_GAP), h + LEGEND_GAP, width - 2 * MARGIN, room - LEGEND_GAP };
  cairo_save (cr);
  cairo_translate (cr, MARGIN, top);
  draw_map_frame (left, cr, panel, h, &vp, options, FALSE, ts, MARGIN, top, NULL);
  draw_panel_tab (left, cr, ts, options, MARGIN, top);
  cairo_translate (cr, panel + PANEL_GAP, 0);
  /* The right panel's legend lists what either panel drew. */
  straits_map_renderer_set_legend_partner (right, left);
  draw_map_frame (right, cr, panel, h, &vp, options, options->legend, ts, MARGIN + panel + PANEL_GAP, top,
                  room > 0 ? &strip : NULL);
  straits_map_renderer_set_legend_partner (right, NULL);
  draw_panel_tab (right, cr, ts, options, MARGIN + panel + PANEL_GAP, top);
  cairo_restore (cr);
}

/* Alt text --------------------------------------------------------------------- */

static void
append_list (GString *s, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%s", i == 0 ? "" : i + 1 == items->len ? _(" and ") : ", ",
                            (const char *) items->pdata[i]);
}

/* From what the renderer drew last: the view, the date, the groups and
 * the relation types drawn, and the sources. */
char *
straits_figure_page_describe (StraitsMapRenderer         *renderer,
                              const StraitsFigurePageOptions *options)
{
  StraitsDataset *dataset = straits_map_renderer_get_dataset (renderer);
  const StraitsDate *date = straits_map_renderer_get_time (renderer);
  GArray *groups = straits_map_renderer_get_drawn_groups (renderer);
  GArray *types = straits_map_renderer_get_drawn_relation_types (renderer);
  g_autoptr(GPtrArray) group_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) type_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) source_names = g_ptr_array_new ();
  g_autofree char *when = date ? straits_date_format (date) : NULL;
  GString *s = g_string_new (NULL);
  guint32 grouping_index = straits_map_renderer_get_grouping (renderer);
  const StraitsGrouping *grouping = grouping_index != STRAITS_NO_INDEX
                                    ? straits_dataset_get_grouping (dataset, grouping_index) : NULL;
  /* Translators: the alt text's opening, e.g. "Map: Aegean, as of 2019." */
  g_string_append_printf (s, _("Map: %s"), options && options->title ? options->title : _("untitled"));
  if (when != NULL)
    g_string_append_printf (s, _(", as of %s."), when);
  else
    g_string_append (s, _(", all dates."));
  /* In the grouping's own order, as the legend has them. */
  for (guint32 k = 0; grouping != NULL && k < grouping->n_groups; k++)
    for (guint i = 0; i < groups->len; i++)
      if (g_array_index (groups, guint32, i) == k)
        g_ptr_array_add (group_names, (gpointer) grouping->groups[k].label);
  if (group_names->len > 0)
    {
      g_string_append_printf (s, _(" Countries coloured by “%s”: "), grouping->label);
      append_list (s, group_names);
      g_string_append_c (s, '.');
    }
  for (guint i = 0; i < types->len; i++)
    g_ptr_array_add (type_names, (gpointer) straits_dataset_get_relation_type (dataset, g_array_index (types, guint32, i))->label);
  if (type_names->len > 0)
    {
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " %u relation drawn: ", " %u relations drawn, of types: ",
                                              straits_map_renderer_get_n_drawn_relations (renderer)),
                              straits_map_renderer_get_n_drawn_relations (renderer));
      append_list (s, type_names);
      g_string_append_c (s, '.');
    }
  else
    g_string_append (s, _(" No relations drawn."));
  if (straits_map_renderer_get_territorial_seas (renderer) != 0)
    g_string_append (s, _(" Greek and Turkish territorial seas shown, divided by the median line."));
  for (guint i = 0; dataset && i < straits_dataset_get_n_sources (dataset); i++)
    g_ptr_array_add (source_names, (gpointer) straits_dataset_get_source (dataset, i)->title);
  if (source_names->len > 0)
    {
      g_string_append (s, _(" Sources: "));
      append_list (s, source_names);
      g_string_append_c (s, '.');
    }
  return g_string_free (s, FALSE);
}

/* Both panels, each as straits_figure_page_describe() says it. */
char *
straits_figure_page_describe_compare (StraitsMapRenderer             *left,
                                      StraitsMapRenderer             *right,
                                      const StraitsFigurePageOptions *options)
{
  g_autofree char *first = straits_figure_page_describe (left, options);
  g_autofree char *second = straits_figure_page_describe (right, options);

  /* Translators: the alt text of two maps side by side, each described */
  return g_strdup_printf (_("Two maps side by side. Left: %s Right: %s"), first, second);
}
