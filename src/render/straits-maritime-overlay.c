/* straits-maritime-overlay.c: the Aegean's territorial-sea belts and their
 * median line, drawn onto any cairo context
 *
 * Points are mapped one by one rather than through the context's matrix,
 * so that line widths and dashes stay in device units at any scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "straits-maritime-overlay.h"
#include "straits-projection.h"

/* Okabe–Ito blue and vermillion: told apart with any colour vision. */
static const StraitsColour belt_colours[2] = { { 0.0, 0.447, 0.698 }, { 0.835, 0.369, 0.0 } };
static const StraitsColour default_median = { 0.2, 0.2, 0.2 };

/* The wider limit lighter when both are drawn, so that both can be compared. */
static double
belt_alpha (int limit, gboolean both)
{
  return both && limit == STRAITS_MARITIME_12NM ? 0.22 : 0.4;
}

static StraitsColour
over (StraitsColour under, const StraitsColour *colour, double alpha)
{
  return (StraitsColour) { under.r * (1 - alpha) + colour->r * alpha, under.g * (1 - alpha) + colour->g * alpha,
                           under.b * (1 - alpha) + colour->b * alpha };
}

StraitsColour
straits_maritime_overlay_swatch (StraitsMaritimePart  country,
                                 StraitsMaritimeLimit limit,
                                 guint                limits,
                                 const StraitsColour *sea)
{
  gboolean both = (limits & STRAITS_MARITIME_SHOW_BOTH) == STRAITS_MARITIME_SHOW_BOTH;
  const StraitsColour *colour = straits_maritime_overlay_colour (country);
  StraitsColour shown = *sea;

  /* Drawn wider first: inside the 6 nm belt the 12 nm one lies under it. */
  for (int l = STRAITS_MARITIME_N_LIMITS - 1; l >= (int) limit; l--)
    if (limits & (1u << l))
      shown = over (shown, colour, belt_alpha (l, both));
  return shown;
}

const StraitsColour *
straits_maritime_overlay_colour (StraitsMaritimePart country)
{
  g_return_val_if_fail (country == STRAITS_MARITIME_GRC || country == STRAITS_MARITIME_TUR, &belt_colours[0]);

  return &belt_colours[country];
}

typedef struct {
  const cairo_matrix_t *matrix;       /* projected metres to device */
  StraitsProjection *projection;      /* or metres to lon/lat ... */
  StraitsLonLatToDevice to_device;    /* ... and on to device */
  gpointer user_data;
} Mapping;

static gboolean
map_point (const Mapping *m, double x, double y, double *ox, double *oy)
{
  double lon, lat;

  if (m->matrix != NULL)
    {
      *ox = x;
      *oy = y;
      cairo_matrix_transform_point (m->matrix, ox, oy);
      return TRUE;
    }
  if (!straits_projection_inverse (m->projection, x, y, &lon, &lat))
    return FALSE;
  m->to_device (lon, lat, ox, oy, m->user_data);
  return isfinite (*ox) && isfinite (*oy);
}

/* Rings (@close) or lines of x, y pairs with NaN pairs between them. */
static void
add_path (cairo_t *cr, const Mapping *m, GArray *coords, gboolean close)
{
  gboolean start = TRUE;

  if (coords == NULL)
    return;
  for (guint i = 0; i + 1 < coords->len; i += 2)
    {
      double x = g_array_index (coords, double, i), y = g_array_index (coords, double, i + 1), ox, oy;

      if (isnan (x))
        {
          if (close && !start)
            cairo_close_path (cr);
          start = TRUE;
          continue;
        }
      if (!map_point (m, x, y, &ox, &oy))
        continue;
      if (start)
        cairo_move_to (cr, ox, oy);
      else
        cairo_line_to (cr, ox, oy);
      start = FALSE;
    }
}

static void
draw (cairo_t *cr, const StraitsMaritimeReport *report, guint limits, const Mapping *m, double unit,
      const StraitsColour *median_colour)
{
  const double dashes[] = { 5 * unit, 3 * unit };
  gboolean both = (limits & STRAITS_MARITIME_SHOW_BOTH) == STRAITS_MARITIME_SHOW_BOTH;

  if (median_colour == NULL)
    median_colour = &default_median;
  cairo_save (cr);
  /* The rings are of valid polygons: holes inside their shells, shells
   * apart. Even-odd fills exactly the belt, whatever the orientation. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* The wider limit first and lighter, so that both can be compared. */
  for (int l = STRAITS_MARITIME_N_LIMITS - 1; l >= 0; l--)
    {
      if (!(limits & (1u << l)))
        continue;
      for (int c = 0; c < 2; c++)
        {
          const StraitsColour *colour = &belt_colours[c];

          cairo_new_path (cr);
          add_path (cr, m, report->belts[l][c], TRUE);
          cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, belt_alpha (l, both));
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.9);
          cairo_set_line_width (cr, (l == STRAITS_MARITIME_6NM && both ? 0.9 : 0.6) * unit);
          cairo_stroke (cr);
        }
    }
  /* The median line of the widest limit shown: it is where the belts meet. */
  for (int l = STRAITS_MARITIME_N_LIMITS - 1; l >= 0; l--)
    if (limits & (1u << l))
      {
        cairo_new_path (cr);
        add_path (cr, m, report->median[l], FALSE);
        cairo_set_source_rgb (cr, median_colour->r, median_colour->g, median_colour->b);
        cairo_set_line_width (cr, 1.3 * unit);
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        cairo_stroke (cr);
        break;
      }
  cairo_restore (cr);
}

void
straits_maritime_overlay_draw (cairo_t                     *cr,
                               const StraitsMaritimeReport *report,
                               guint                        limits,
                               const cairo_matrix_t        *to_device,
                               double                       unit,
                               const StraitsColour         *median_colour)
{
  Mapping m = { to_device, NULL, NULL, NULL };

  g_return_if_fail (cr != NULL && report != NULL && to_device != NULL);

  draw (cr, report, limits, &m, unit, median_colour);
}

void
straits_maritime_overlay_draw_lonlat (cairo_t                     *cr,
                                      const StraitsMaritimeReport *report,
                                      guint                        limits,
                                      StraitsLonLatToDevice        to_device,
                                      gpointer                     user_data,
                                      double                       unit,
                                      const StraitsColour         *median_colour)
{
  g_autoptr(StraitsProjection) projection = NULL;
  Mapping m = { NULL, NULL, to_device, user_data };

  g_return_if_fail (cr != NULL && report != NULL && to_device != NULL);

  projection = straits_projection_new (STRAITS_MARITIME_PROJECTION, NULL);
  if (projection == NULL)
    return;
  m.projection = projection;
  draw (cr, report, limits, &m, unit, median_colour);
}
