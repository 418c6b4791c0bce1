/* straits-projection.c
 *
 * Each projection has a PROJ context of its own, so that projections may
 * be used from different threads (PROJ contexts are not thread-safe).
 *
 * PROJ is opened when the first projection is made, not linked (issue 20):
 * linked, libproj and the libraries it brings (libcurl, GnuTLS, Kerberos,
 * SQLite, libtiff…) were loaded and relocated before main(), 7 ms of every
 * start on the main thread. The first projection of a start is made in the
 * thread that reads the dataset, so they now load while GTK sets itself
 * up. The build reads PROJ's soname (src/geo/meson.build); where it cannot,
 * PROJ is linked as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <geodesic.h>
#include <proj.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#ifdef STRAITS_PROJ_SONAME
#include "straits-dlopen-private.h"
#endif

#include "straits-projection.h"
#include "straits-projection-private.h"
#include "straits-projection-memo-private.h"

/* The functions of PROJ that Straits calls, through the table P. */
#define PROJ_FUNCTIONS(X) \
  X (proj_context_create) X (proj_context_destroy) X (proj_context_errno) X (proj_context_errno_string) \
  X (proj_context_set_search_paths) X (proj_log_func) X (proj_log_level) X (proj_create) \
  X (proj_create_crs_to_crs) X (proj_normalize_for_visualization) X (proj_destroy) X (proj_pj_info) \
  X (proj_angular_output) X (proj_trans) X (proj_trans_generic) X (geod_init) X (geod_inverse)

#define PROJ_DECLARE(name) __typeof__ (name) *name;
static struct { PROJ_FUNCTIONS (PROJ_DECLARE) } P;

#define PROJ_LOOK_UP(name) \
  if (library != NULL && failure == NULL && (*(void **) &P.name = dlsym (library, #name)) == NULL) \
    failure = g_strdup (dlerror ());
#define PROJ_TAKE(name) P.name = name;

/* Fills P once, from any thread. Returns NULL, or why PROJ could not be
 * opened (then every projection fails with that reason). */
static const char *
load_proj (void)
{
  static gsize loaded;
  static char *failure;

  if (g_once_init_enter (&loaded))
    {
#ifdef STRAITS_PROJ_SONAME
      /* A bare soname: dlopen() searches the system's library paths only. */
      void *library = dlopen (STRAITS_PROJ_SONAME, STRAITS_DLOPEN_FLAGS);

      if (library == NULL)
        failure = g_strdup (dlerror ());
      PROJ_FUNCTIONS (PROJ_LOOK_UP)
#else
      PROJ_FUNCTIONS (PROJ_TAKE)
#endif
      g_once_init_leave (&loaded, 1);
    }
  return failure;
}

struct _StraitsProjection
{
  gatomicrefcount ref_count;
  char *definition;
  GMutex lock;                  /* guards setting up ctx and pj */
  PJ_CONTEXT *ctx;
  PJ *pj;     /* WGS84 lon/lat → definition, axis order lon, lat; NULL until needed with a memo */
  StraitsProjectionMemo *memo;  /* (nullable) */
};

/* The CRS codes the atlas uses, as the PROJ strings of their projection.
 * Resolving "EPSG:3035" through PROJ's database took 42 ms of every start
 * (its string, 0.2 ms); /projection/table-agrees-with-database checks
 * that each string gives what the database gives. ETRS89 and WGS84 differ
 * by less than a metre, and PROJ's own operation between them is a null
 * one (a "ballpark" transformation), so the same numbers come out. */
static const struct {
  const char *code;
  const char *proj;
} known_crs[] = {
  { "EPSG:3035", "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m" },
};

/* proj_coord() without a call into PROJ. */
static PJ_COORD
coord (double a, double b)
{
  return (PJ_COORD) { .v = { a, b, 0, 0 } };
}

const char *
_straits_projection_known_string (const char *definition)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_crs); i++)
    if (g_ascii_strcasecmp (definition, known_crs[i].code) == 0)
      return known_crs[i].proj;
  return NULL;
}

static void
ignore_log (void *data, int level, const char *message)
{
}

/* proj_create() of PROJ 9.1 opens PROJ's database for any text, a PROJ
 * string too: reading its schema took 4-9 ms of the start, in the thread
 * that reads the dataset and projects the first view (PROJ then keeps it
 * open for the process). A PROJ string that names no grid or init file
 * needs nothing from it: for that one call PROJ is pointed at a folder
 * where it finds no database, and carries on without. */
static PJ *
create_without_database (PJ_CONTEXT *ctx, const char *text)
{
  const char *nowhere[] = { "/nonexistent/straits-no-proj-data" };
  PJ *pj;

  if (strstr (text, "grids=") || strstr (text, "init="))
    return P.proj_create (ctx, text);
  /* PROJ reports the database missing even at PJ_LOG_NONE. */
  P.proj_log_func (ctx, NULL, ignore_log);
  P.proj_context_set_search_paths (ctx, 1, nowhere);
  pj = P.proj_create (ctx, text);
  P.proj_context_set_search_paths (ctx, 0, NULL);
  return pj != NULL ? pj : P.proj_create (ctx, text);
}

/* Lon/lat in degrees → a projection given as a PROJ string, built as a
 * pipeline without consulting PROJ's database. NULL for anything else
 * (a CRS that is not a bare projection, an angular output), which then
 * takes the general path. */
static PJ *
create_pipeline (PJ_CONTEXT *ctx, const char *definition)
{
  const char *known = _straits_projection_known_string (definition);
  const char *proj = known ? known : definition;
  g_autofree char *pipeline = NULL;
  PJ *pj;

  if (!g_str_has_prefix (proj, "+proj=") || strstr (proj, "+type=crs") || strstr (proj, "+proj=pipeline"))
    return NULL;
  pipeline = g_strconcat ("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step ", proj, NULL);
  pj = create_without_database (ctx, pipeline);
  if (pj != NULL && (P.proj_angular_output (pj, PJ_FWD) || !P.proj_pj_info (pj).has_inverse))
    g_clear_pointer (&pj, P.proj_destroy);
  return pj;
}

/* The general path: PROJ finds the operation from WGS84 to the CRS. */
static PJ *
create_crs_to_crs (PJ_CONTEXT *ctx, const char *definition)
{
  g_autofree char *target = NULL;
  PJ *raw, *pj = NULL;

  /* A bare PROJ string names an operation; "+type=crs" makes it a CRS. */
  target = g_str_has_prefix (definition, "+") && !strstr (definition, "+type=crs")
           ? g_strconcat (definition, " +type=crs", NULL) : g_strdup (definition);
  raw = P.proj_create_crs_to_crs (ctx, "EPSG:4326", target, NULL);
  if (raw != NULL)
    {
      pj = P.proj_normalize_for_visualization (ctx, raw);
      P.proj_destroy (raw);
    }
  return pj;
}

PJ *
_straits_projection_create (PJ_CONTEXT *ctx,
                            const char *definition,
                            gboolean    through_database,
                            gboolean   *from_pipeline)
{
  PJ *pj;

  if (load_proj () != NULL)
    return NULL;
  pj = through_database ? NULL : create_pipeline (ctx, definition);
  if (from_pipeline != NULL)
    *from_pipeline = pj != NULL;
  return pj != NULL ? pj : create_crs_to_crs (ctx, definition);
}

static StraitsProjection *
projection_alloc (const char *definition)
{
  StraitsProjection *self = g_new0 (StraitsProjection, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->definition = g_strdup (definition);
  g_mutex_init (&self->lock);
  return self;
}

/* Sets up PROJ's side of @self, once. Returns NULL, or why it could not
 * be (transfer full). @from_pipeline: (out) (optional): whether the PJ
 * was built from the definition alone, without PROJ's database or grids. */
static char *
set_up_pj (StraitsProjection *self, gboolean *from_pipeline)
{
  const char *failure = load_proj ();
  PJ_CONTEXT *ctx;
  PJ *pj;

  if (failure != NULL)
    return g_strdup (failure);
  ctx = P.proj_context_create ();
  P.proj_log_level (ctx, PJ_LOG_NONE);
  pj = _straits_projection_create (ctx, self->definition, FALSE, from_pipeline);
  if (pj == NULL)
    {
      char *why = g_strdup (P.proj_context_errno_string (ctx, P.proj_context_errno (ctx)));

      P.proj_context_destroy (ctx);
      return why;
    }
  self->ctx = ctx;
  g_atomic_pointer_set (&self->pj, pj);
  return NULL;
}

/* The PJ, set up when first needed where @self was made from a memo;
 * NULL where it cannot be (PROJ gone since the memo was written). */
static PJ *
get_pj (StraitsProjection *self)
{
  PJ *pj = g_atomic_pointer_get (&self->pj);
  static gsize warned;

  if (G_LIKELY (pj != NULL))
    return pj;
  g_mutex_lock (&self->lock);
  if (self->pj == NULL)
    {
      g_autofree char *failure = set_up_pj (self, NULL);

      if (failure != NULL && g_once_init_enter (&warned))
        {
          g_warning ("Cannot set up the projection “%s”: %s", self->definition, failure);
          g_once_init_leave (&warned, 1);
        }
    }
  g_mutex_unlock (&self->lock);
  return g_atomic_pointer_get (&self->pj);
}

/* What a memo is written for: the definition, and the PROJ library that
 * computes it, as the file it is loaded from (an upgrade of PROJ changes
 * its size or time). NULL where that file is not known. */
static char *
memo_identity (const char *definition)
{
#if defined (STRAITS_PROJ_SONAME) && defined (STRAITS_PROJ_LIBRARY)
  /* dlopen() searches LD_LIBRARY_PATH before the system's folders. */
  const char *search = g_getenv ("LD_LIBRARY_PATH");
  GStatBuf st;

  if (g_stat (STRAITS_PROJ_LIBRARY, &st) != 0)
    return NULL;
  return g_strdup_printf ("%s\nPROJ %d.%d.%d %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s", definition,
                          PROJ_VERSION_MAJOR, PROJ_VERSION_MINOR, PROJ_VERSION_PATCH, STRAITS_PROJ_LIBRARY,
                          (gint64) st.st_size, (gint64) st.st_mtime, search != NULL ? search : "");
#else
  return NULL;
#endif
}

static char *
memo_path (const char *cache_dir, const char *definition)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, definition, -1);
  g_autofree char *name = g_strdup_printf ("projection-%s.gvariant", sum);

  return g_build_filename (cache_dir, name, NULL);
}

/* @definition: anything PROJ takes for a CRS: "EPSG:3035", or a PROJ
 * string such as "+proj=laea +lat_0=38 +lon_0=25 +ellps=WGS84". */
StraitsProjection *
straits_projection_new (const char  *definition,
                        GError     **error)
{
  return straits_projection_new_cached (definition, NULL, error);
}

/* As straits_projection_new(), with a memo of its answers in @cache_dir
 * (NULL: none); see straits-projection-memo.c. A definition with a memo
 * was set up before by the same PROJ: PROJ is then opened only for an
 * answer the memo does not hold. Definitions that need PROJ's database
 * or grids are not kept: their answers depend on PROJ's data too. */
StraitsProjection *
straits_projection_new_cached (const char  *definition,
                               const char  *cache_dir,
                               GError     **error)
{
  g_autofree char *identity = cache_dir != NULL ? memo_identity (definition) : NULL;
  g_autofree char *path = identity != NULL ? memo_path (cache_dir, definition) : NULL;
  g_autofree char *failure = NULL;
  StraitsProjection *self = projection_alloc (definition);
  gboolean from_pipeline = FALSE;

  if (path != NULL && (self->memo = _straits_projection_memo_load (path, identity)) != NULL)
    return self;
  if ((failure = set_up_pj (self, &from_pipeline)) != NULL)
    {
      g_set_error (error, G_IO_ERROR, load_proj () != NULL ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot set up the projection “%s”: %s"), definition, failure);
      straits_projection_unref (self);
      return NULL;
    }
  if (path != NULL && from_pipeline)
    self->memo = _straits_projection_memo_new (path, identity);
  return self;
}

gboolean
_straits_projection_is_set_up (StraitsProjection *self)
{
  return g_atomic_pointer_get (&self->pj) != NULL;
}

/* Writes what @self computed since it was made to its memo, for the
 * next start; nothing without a memo or anything new. */
gboolean
straits_projection_save_memo (StraitsProjection  *self,
                              GError            **error)
{
  return self->memo == NULL || _straits_projection_memo_save (self->memo, error);
}

StraitsProjection *
straits_projection_ref (StraitsProjection *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
straits_projection_unref (StraitsProjection *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->pj, P.proj_destroy);
  g_clear_pointer (&self->ctx, P.proj_context_destroy);
  g_clear_pointer (&self->memo, _straits_projection_memo_free);
  g_mutex_clear (&self->lock);
  g_free (self->definition);
  g_free (self);
}

const char *
straits_projection_get_definition (StraitsProjection *self)
{
  return self->definition;
}

/* Whether PROJ gave an answer: it gives HUGE_VAL (infinite) where it
 * has none. */
static gboolean
finite_pair (double a, double b)
{
  return isfinite (a) && isfinite (b);
}

/* Through PROJ, either way: x, y and lon, lat share the coordinate's
 * first two values. */
static gboolean
transform (StraitsProjection *self,
           PJ_DIRECTION       direction,
           double             a,
           double             b,
           double            *out_a,
           double            *out_b)
{
  PJ *pj = get_pj (self);
  PJ_COORD c = pj != NULL ? P.proj_trans (pj, direction, coord (a, b)) : coord (HUGE_VAL, HUGE_VAL);

  *out_a = c.v[0];
  *out_b = c.v[1];
  return finite_pair (c.v[0], c.v[1]);
}

gboolean
straits_projection_forward (StraitsProjection *self,
                            double             lon,
                            double             lat,
                            double            *x,
                            double            *y)
{
  gboolean projected;

  if (self->memo != NULL && _straits_projection_memo_point (self->memo, lon, lat, x, y))
    return finite_pair (*x, *y);
  projected = transform (self, PJ_FWD, lon, lat, x, y);
  if (self->memo != NULL && g_atomic_pointer_get (&self->pj) != NULL)
    _straits_projection_memo_add_point (self->memo, lon, lat, *x, *y);
  return projected;
}

static void
forward_array_with_proj (StraitsProjection *self,
                         double            *xy,
                         gsize              n_points)
{
  PJ *pj = get_pj (self);

  if (pj == NULL)
    {
      for (gsize i = 0; i < 2 * n_points; i++)
        xy[i] = HUGE_VAL;
      return;
    }
  P.proj_trans_generic (pj, PJ_FWD,
                        xy, 2 * sizeof (double), n_points,
                        xy + 1, 2 * sizeof (double), n_points,
                        NULL, 0, 0, NULL, 0, 0);
}

/* Projects interleaved lon, lat pairs in place. */
void
straits_projection_forward_array (StraitsProjection *self,
                                  double            *xy,
                                  gsize              n_points)
{
  StraitsMemoKey key;

  if (self->memo == NULL)
    {
      forward_array_with_proj (self, xy, n_points);
      return;
    }
  if (_straits_projection_memo_array (self->memo, xy, n_points, &key))
    return;
  forward_array_with_proj (self, xy, n_points);
  if (g_atomic_pointer_get (&self->pj) != NULL)
    _straits_projection_memo_add_array (self->memo, &key, xy);
}

gboolean
straits_projection_inverse (StraitsProjection *self,
                            double             x,
                            double             y,
                            double            *lon,
                            double            *lat)
{
  return transform (self, PJ_INV, x, y, lon, lat);
}

static const struct geod_geodesic *
wgs84 (void)
{
  static struct geod_geodesic g;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      P.geod_init (&g, 6378137.0, 1 / 298.257223563);
      g_once_init_leave (&initialized, 1);
    }
  return &g;
}

double
straits_geodesic_distance (double lon1,
                           double lat1,
                           double lon2,
                           double lat2)
{
  double s12 = 0;

  if (load_proj () != NULL)
    return NAN;
  P.geod_inverse (wgs84 (), lat1, lon1, lat2, lon2, &s12, NULL, NULL);
  return s12;
}

double
straits_geodesic_line_length (const double *lonlat,
                              gsize         n_points)
{
  double total = 0;

  for (gsize i = 1; i < n_points; i++)
    total += straits_geodesic_distance (lonlat[2 * i - 2], lonlat[2 * i - 1],
                                        lonlat[2 * i], lonlat[2 * i + 1]);
  return total;
}
