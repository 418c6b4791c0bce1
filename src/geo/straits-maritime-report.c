/* straits-maritime-report.c: the maritime report in words and in JSON
 *
 * The figures straits-maritime.c measures, written out: the Aegean's
 * shares, the Black Sea's coastlines and the table of methods, with the
 * method and the credits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-maritime.h"
#include "straits-maritime-private.h"

static const char *const coast_codes[STRAITS_COAST_N] = {
  "TUR", "BGR", "ROU", "UKR", "RUS", "GEO", "CRIMEA"
};

const char *
straits_coast_code (StraitsCoast coast)
{
  return coast_codes[coast];
}

const char *
straits_maritime_method (void)
{
  return _("Land: OpenStreetMap-derived land at 100 m resolution (geo-maps countries-land-100m 0.6.0, "
           "© OpenStreetMap contributors, ODbL), every island it has. Sea limits: Natural Earth 1:10m "
           "marine polygons (the IHO Aegean is “Aegean Sea” and “Sea of Crete”), carried up to 5 km "
           "to meet the coast, land removed. Belts: GEOS buffers of each country's land at 6 and 12 "
           "nautical miles (1 nm = 1852 m) in a Lambert azimuthal equal-area projection centred on "
           "38.5° N 25.5° E, divided where they overlap by the median line (a Voronoi diagram of "
           "coast points 250 m apart: every point goes to the nearer coast); baselines and "
           "low-tide elevations ignored. Coastlines: the land's edge along the open sea, within 5 km of "
           "the Black Sea or the Sea of Azov limit, less land borders; the open sea is the water "
           "connected to the sea once inlets narrower than 3 km are closed (a morphological opening "
           "of the water: eroded by 1.5 km, dilated back), so lagoons, limans and estuaries behind "
           "narrower mouths are not coast; lengths measured with a 1 km ruler (dividers) in a "
           "Lambert azimuthal equal-area projection centred on 43.5° N 34° E (scale within 0.2 % "
           "over the sea); Crimea on its own line and counted with Ukraine. The report also gives "
           "the lengths at rulers of 100 m, 1 km and 10 km and closing widths of 0, 3 and 10 km.");
}

void
straits_maritime_report_free (StraitsMaritimeReport *report)
{
  if (report == NULL)
    return;
  for (guint l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_clear_pointer (&report->belts[l][0], g_array_unref);
      g_clear_pointer (&report->belts[l][1], g_array_unref);
      g_clear_pointer (&report->median[l], g_array_unref);
    }
  g_free (report->checksum);
  g_free (report);
}

void
_straits_maritime_report_take_defaults (StraitsMaritimeReport *report)
{
  memcpy (report->black_sea_coast_km, report->black_sea_paradox_km[STRAITS_COAST_DEFAULT_CLOSING][STRAITS_COAST_DEFAULT_RULER],
          sizeof report->black_sea_coast_km);
  memcpy (report->azov_coast_km, report->azov_paradox_km[STRAITS_COAST_DEFAULT_CLOSING][STRAITS_COAST_DEFAULT_RULER],
          sizeof report->azov_coast_km);
}

/* Reports ------------------------------------------------------------------- */

/* JSON written by hand, so that numbers keep the digits they mean
 * (json-glib writes every double with 17 digits). */
static void
json_number (GString *s, double value, int decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  /* JSON has no NaN or infinity; a report never holds one, but if it did
   * the file would still parse. */
  if (!isfinite (value))
    {
      g_string_append (s, "null");
      return;
    }
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
json_string (GString *s, const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (s, quoted);
}

static void
json_parts (GString *s, const char *indent, const double *values, int decimals)
{
  static const char *const parts[] = { "GRC", "TUR", "high_seas" };

  g_string_append (s, "{");
  for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
    {
      g_string_append_printf (s, "%s\n%s  \"%s\": ", p ? "," : "", indent, parts[p]);
      json_number (s, values[p], decimals);
    }
  g_string_append_printf (s, "\n%s}", indent);
}

static void
json_split (GString *s, const char *name, const char *variant, const StraitsSeaSplit *split)
{
  static const int nm[] = { 6, 12 };

  g_string_append_printf (s, "  \"%s\": {\n    \"variant\": ", name);
  json_string (s, variant);
  g_string_append (s, ",\n    \"sea_area_km2\": ");
  json_number (s, split->sea_area_km2, 1);
  g_string_append (s, ",\n    \"limits\": [");
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_string_append_printf (s, "%s\n      {\n        \"nm\": %d,\n        \"area_km2\": ", l ? "," : "", nm[l]);
      json_parts (s, "        ", split->area_km2[l], 1);
      g_string_append (s, ",\n        \"share_pct\": ");
      json_parts (s, "        ", split->share_pct[l], 2);
      g_string_append (s, "\n      }");
    }
  g_string_append (s, "\n    ]\n  },\n");
}

static void
json_coasts (GString *s, const char *name, const double *km)
{
  g_string_append_printf (s, "    \"%s\": {", name);
  for (int c = 0; c < STRAITS_COAST_N; c++)
    {
      g_string_append_printf (s, "%s\n      \"%s\": ", c ? "," : "", coast_codes[c]);
      json_number (s, km[c], 1);
    }
  g_string_append (s, "\n    },\n");
}

static void
json_pair (GString *s, const char *name, double ukr, double rus)
{
  g_string_append_printf (s, "    \"%s\": {\"UKR\": ", name);
  json_number (s, ukr, 1);
  g_string_append (s, ", \"RUS\": ");
  json_number (s, rus, 1);
  g_string_append (s, "},\n");
}

char *
straits_maritime_report_to_json (const StraitsMaritimeReport *report)
{
  GString *s = g_string_new ("{\n");
  const double *bs = report->black_sea_coast_km;

  json_split (s, "aegean", "IHO limits: Aegean Sea and Sea of Crete", &report->aegean);
  json_split (s, "aegean_without_sea_of_crete",
              "A different sea area: the Aegean Sea without the Sea of Crete (not the IHO Aegean; "
              "shares here are not the Aegean's)",
              &report->aegean_without_crete);
  g_string_append (s, "  \"black_sea\": {\n");
  json_coasts (s, "coastline_km", bs);
  json_coasts (s, "sea_of_azov_coastline_km", report->azov_coast_km);
  json_pair (s, "coastline_km_crimea_with_ukraine", bs[STRAITS_COAST_UKR] + bs[STRAITS_COAST_CRIMEA],
             bs[STRAITS_COAST_RUS]);
  json_pair (s, "coastline_km_crimea_with_russia", bs[STRAITS_COAST_UKR],
             bs[STRAITS_COAST_RUS] + bs[STRAITS_COAST_CRIMEA]);
  g_string_append (s, "    \"convention\": ");
  json_string (s, "CRIMEA is on its own line; UKR and RUS exclude it. By default Crimea counts with "
                  "Ukraine, as international law has it (coastline_km_crimea_with_ukraine).");
  g_string_append (s, ",\n    \"resolution\": ");
  json_string (s, "OpenStreetMap-derived land simplified to 100 m (median edge about 800 m)");
  g_string_append_printf (s, ",\n    \"coastline_method\": {\"closing_width_km\": ");
  json_number (s, straits_coast_closings_km[STRAITS_COAST_DEFAULT_CLOSING], 1);
  g_string_append (s, ", \"ruler_km\": ");
  json_number (s, straits_coast_rulers_km[STRAITS_COAST_DEFAULT_RULER], 1);
  g_string_append (s, ", \"shore_zone_km\": ");
  json_number (s, COAST_GAP / 1000, 1);
  g_string_append (s, "},\n    \"coastline_paradox_km\": [");
  for (int k = 0; k < STRAITS_COAST_N_CLOSINGS; k++)
    for (int r = 0; r < STRAITS_COAST_N_RULERS; r++)
      {
        g_string_append_printf (s, "%s\n      {\"closing_width_km\": ", k + r ? "," : "");
        json_number (s, straits_coast_closings_km[k], 1);
        g_string_append (s, ", \"ruler_km\": ");
        json_number (s, straits_coast_rulers_km[r], 1);
        for (int c = 0; c < STRAITS_COAST_N; c++)
          {
            g_string_append_printf (s, ", \"%s\": ", coast_codes[c]);
            json_number (s, report->black_sea_paradox_km[k][r][c], 1);
          }
        g_string_append (s, "}");
      }
  g_string_append (s, "\n    ]\n  },\n  \"method\": ");
  json_string (s, straits_maritime_method ());
  g_string_append (s, ",\n  \"credits\": ");
  json_string (s, "Land © OpenStreetMap contributors (ODbL 1.0); sea limits and Crimea: Natural Earth (public domain)");
  g_string_append_printf (s, ",\n  \"computed_in_s\": ");
  json_number (s, report->seconds, 3);
  g_string_append_printf (s, ",\n  \"from_cache\": %s\n}", report->from_cache ? "true" : "false");
  return g_string_free (s, FALSE);
}

static void
append_split_text (GString *s, const char *title, const StraitsSeaSplit *split)
{
  static const int nm[] = { 6, 12 };

  g_string_append_printf (s, _("%s: %.0f km² of sea\n"), title, split->sea_area_km2);
  g_string_append_printf (s, "  %-8s %23s %23s %23s\n", "", _("Greek territorial sea"), _("Turkish territorial sea"),
                          _("High seas"));
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_autofree char *limit = g_strdup_printf (_("%d nm"), nm[l]);

      g_string_append_printf (s, "  %-8s", limit);
      for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
        g_string_append_printf (s, " %10.0f km² %6.1f %%", split->area_km2[l][p], split->share_pct[l][p]);
      g_string_append_c (s, '\n');
    }
}

/* How much the figure depends on the method: every closing width and
 * ruler, Crimea counted with Ukraine. */
static void
append_paradox_text (GString *s, const StraitsMaritimeReport *report)
{
  g_string_append_printf (s, "\n%s\n", _("The coastline paradox: Black Sea coastlines (km) by method, Crimea counted with Ukraine:"));
  g_string_append_printf (s, "  %-8s %-7s", _("closing"), _("ruler"));
  for (int c = 0; c < STRAITS_COAST_CRIMEA; c++)
    g_string_append_printf (s, " %6s", coast_codes[c]);
  g_string_append_c (s, '\n');
  for (int k = 0; k < STRAITS_COAST_N_CLOSINGS; k++)
    for (int r = 0; r < STRAITS_COAST_N_RULERS; r++)
      {
        const double *km = report->black_sea_paradox_km[k][r];
        g_autofree char *closing = g_strdup_printf (_("%g km"), straits_coast_closings_km[k]);
        g_autofree char *ruler = g_strdup_printf (_("%g km"), straits_coast_rulers_km[r]);

        g_string_append_printf (s, "  %-8s %-7s", closing, ruler);
        for (int c = 0; c < STRAITS_COAST_CRIMEA; c++)
          g_string_append_printf (s, " %6.0f", km[c] + (c == STRAITS_COAST_UKR ? km[STRAITS_COAST_CRIMEA] : 0));
        g_string_append (s, k == STRAITS_COAST_DEFAULT_CLOSING && r == STRAITS_COAST_DEFAULT_RULER
                            ? _("  (the default)\n") : "\n");
      }
}

char *
straits_maritime_report_to_text (const StraitsMaritimeReport *report)
{
  GString *s = g_string_new (NULL);

  append_split_text (s, _("Aegean Sea with the Sea of Crete (IHO limits)"), &report->aegean);
  g_string_append_c (s, '\n');
  append_split_text (s, _("A different sea area: the Aegean without the Sea of Crete (not the IHO Aegean)"),
                     &report->aegean_without_crete);
  g_string_append_printf (s, "\n%s\n", _("Coastlines (km), inlets under 3 km closed, 1 km ruler, Crimea on its own line:"));
  g_string_append_printf (s, "  %-8s %12s %16s\n", "", _("Black Sea"), _("Sea of Azov"));
  for (int c = 0; c < STRAITS_COAST_N; c++)
    g_string_append_printf (s, "  %-8s %12.0f %16.0f\n", coast_codes[c], report->black_sea_coast_km[c],
                            report->azov_coast_km[c]);
  g_string_append_printf (s, _("  Black Sea, Crimea counted with Ukraine (the default): UKR %.0f, RUS %.0f; "
                               "with Russia: UKR %.0f, RUS %.0f\n"),
                          report->black_sea_coast_km[STRAITS_COAST_UKR] + report->black_sea_coast_km[STRAITS_COAST_CRIMEA],
                          report->black_sea_coast_km[STRAITS_COAST_RUS],
                          report->black_sea_coast_km[STRAITS_COAST_UKR],
                          report->black_sea_coast_km[STRAITS_COAST_RUS] + report->black_sea_coast_km[STRAITS_COAST_CRIMEA]);
  append_paradox_text (s, report);
  g_string_append_printf (s, "\n%s\n%s\n", _("Method:"), straits_maritime_method ());
  g_string_append_printf (s, "%s\n", _("Land © OpenStreetMap contributors (ODbL); sea limits: Natural Earth."));
  return g_string_free (s, FALSE);
}
