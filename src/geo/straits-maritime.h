/* straits-maritime.h: territorial seas in the Aegean and Black Sea coastlines
 *
 * Measured with GEOS on the OpenStreetMap-derived land of
 * data/maritime/land-100m.sbm and Natural Earth's sea limits
 * (data/maritime/sea-limits-10m.json). Method in docs/maritime.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The projection areas and distances are measured in: Lambert azimuthal
 * equal-area centred on the Aegean, the Aegean view's own projection, so
 * that the overlays need no reprojection. */
#define STRAITS_MARITIME_PROJECTION "+proj=laea +lat_0=38.5 +lon_0=25.5 +ellps=WGS84 +units=m"
#define STRAITS_NAUTICAL_MILE 1852.0

typedef enum {
  STRAITS_MARITIME_GRC,
  STRAITS_MARITIME_TUR,
  STRAITS_MARITIME_HIGH_SEAS,
  STRAITS_MARITIME_N_PARTS
} StraitsMaritimePart;

typedef enum {
  STRAITS_MARITIME_6NM,
  STRAITS_MARITIME_12NM,
  STRAITS_MARITIME_N_LIMITS
} StraitsMaritimeLimit;

typedef enum {
  STRAITS_COAST_TUR,
  STRAITS_COAST_BGR,
  STRAITS_COAST_ROU,
  STRAITS_COAST_UKR,   /* without Crimea */
  STRAITS_COAST_RUS,   /* without Crimea */
  STRAITS_COAST_GEO,
  STRAITS_COAST_CRIMEA,
  STRAITS_COAST_N
} StraitsCoast;

/* Coastlines are measured along the water connected to the open sea once
 * inlets narrower than a closing width are closed, with a ruler (a pair
 * of dividers) of a given length; the report has the default method's
 * figures and the "coastline paradox" table of all of them. */
enum {
  STRAITS_COAST_N_CLOSINGS = 3,
  STRAITS_COAST_N_RULERS = 3,
  STRAITS_COAST_DEFAULT_CLOSING = 1,   /* 3 km */
  STRAITS_COAST_DEFAULT_RULER = 1,     /* 1 km */
};

extern const double straits_coast_closings_km[STRAITS_COAST_N_CLOSINGS];  /* 0, 3, 10 */
extern const double straits_coast_rulers_km[STRAITS_COAST_N_RULERS];      /* 0.1, 1, 10 */

typedef struct {
  double sea_area_km2;
  double area_km2[STRAITS_MARITIME_N_LIMITS][STRAITS_MARITIME_N_PARTS];
  double share_pct[STRAITS_MARITIME_N_LIMITS][STRAITS_MARITIME_N_PARTS];
} StraitsSeaSplit;

typedef struct {
  StraitsSeaSplit aegean;              /* IHO: Aegean Sea and Sea of Crete */
  StraitsSeaSplit aegean_without_crete;
  /* By the default method (3 km closing, 1 km ruler). */
  double black_sea_coast_km[STRAITS_COAST_N];
  double azov_coast_km[STRAITS_COAST_N];
  /* [closing][ruler][coast]: the same under every method of the table. */
  double black_sea_paradox_km[STRAITS_COAST_N_CLOSINGS][STRAITS_COAST_N_RULERS][STRAITS_COAST_N];
  double azov_paradox_km[STRAITS_COAST_N_CLOSINGS][STRAITS_COAST_N_RULERS][STRAITS_COAST_N];
  /* For the overlays, in STRAITS_MARITIME_PROJECTION metres: x, y pairs,
   * rings (of the Aegean's territorial seas) or lines (the median line)
   * separated by a NaN pair. */
  GArray *belts[STRAITS_MARITIME_N_LIMITS][2];  /* [limit][GRC, TUR] */
  GArray *median[STRAITS_MARITIME_N_LIMITS];
  double seconds;                      /* how long the computation (or the cache read) took */
  double aegean_seconds;               /* of which the Aegean, both limits and variants (0 from the cache) */
  double coastline_seconds;            /* and the Black Sea's coastlines, side by side (0 from the cache) */
  gboolean from_cache;
  char *checksum;                      /* of the inputs and the method */
} StraitsMaritimeReport;

/* (transfer none): a static string */
const char            *straits_coast_code              (StraitsCoast coast);
/* (transfer none): a static, translated string */
const char            *straits_maritime_method         (void);
void                   straits_maritime_report_free    (StraitsMaritimeReport *report);

/* @maritime_dir holds land-100m.sbm and sea-limits-10m.json (the data
 * folder's "maritime"). _compute always measures (about a second or two);
 * _get first reads @cache_dir/maritime-SHA256.gvariant (NULL: no cache),
 * and writes it after measuring. _get_async does _get in a GTask thread;
 * cancelled, it finishes with G_IO_ERROR_CANCELLED.
 * (transfer full) (nullable): NULL on error */
StraitsMaritimeReport *straits_maritime_compute        (const char            *maritime_dir,
                                                        GError               **error);
/* A cache file's contents: the report, or NULL when it does not fit
 * @checksum or holds a value that cannot be right (for tests and fuzzing).
 * (transfer full) (nullable) */
StraitsMaritimeReport *straits_maritime_report_from_cache (GBytes             *bytes,
                                                           const char         *checksum);
/* (transfer full) (nullable): NULL on error; @cache_dir: (nullable) */
StraitsMaritimeReport *straits_maritime_get            (const char            *maritime_dir,
                                                        const char            *cache_dir,
                                                        GError               **error);
void                   straits_maritime_get_async      (const char            *maritime_dir,
                                                        const char            *cache_dir,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
/* (transfer full) (nullable): NULL on error */
StraitsMaritimeReport *straits_maritime_get_finish     (GAsyncResult          *result,
                                                        GError               **error);

/* (transfer full) */
char                  *straits_maritime_report_to_json (const StraitsMaritimeReport *report);
/* (transfer full) */
char                  *straits_maritime_report_to_text (const StraitsMaritimeReport *report);

/* For tests: distances in metres from @n points @xy (x, y pairs in
 * STRAITS_MARITIME_PROJECTION) to the land of @country ("GRC", "TUR").
 * @out: (out caller-allocates), @n of them */
gboolean               straits_maritime_distances_to_land (const char   *maritime_dir,
                                                           const char   *country,
                                                           const double *xy,
                                                           guint         n,
                                                           double       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsMaritimeReport, straits_maritime_report_free)

G_END_DECLS
