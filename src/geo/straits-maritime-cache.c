/* straits-maritime-cache.c: the maritime report, cached
 *
 * Measuring takes a second or two: the report is kept in the cache folder
 * as a GVariant keyed by a checksum of the inputs and the method, read
 * back only when it fits and every value in it is plausible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "straits-maritime.h"
#include "straits-maritime-private.h"
#include "straits-safe-file.h"

/* Bump when the method changes: cached results are keyed by it. */
#define METHOD_VERSION "straits-maritime-6"

char *
_straits_maritime_input_checksum (const char *maritime_dir, GError **error)
{
  const char *names[] = { "land-100m.sbm", "sea-limits-10m.json" };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) METHOD_VERSION, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (maritime_dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      g_checksum_update (sum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Cache ---------------------------------------------------------------------- */

#define CACHE_TYPE "(ssadaadaad)"

static void
pack_split (GArray *numbers, const StraitsSeaSplit *split)
{
  g_array_append_vals (numbers, &split->sea_area_km2, 1);
  g_array_append_vals (numbers, split->area_km2, STRAITS_MARITIME_N_LIMITS * STRAITS_MARITIME_N_PARTS);
  g_array_append_vals (numbers, split->share_pct, STRAITS_MARITIME_N_LIMITS * STRAITS_MARITIME_N_PARTS);
}

static const double *
unpack_split (const double *p, StraitsSeaSplit *split)
{
  split->sea_area_km2 = *p++;
  memcpy (split->area_km2, p, sizeof split->area_km2);
  p += STRAITS_MARITIME_N_LIMITS * STRAITS_MARITIME_N_PARTS;
  memcpy (split->share_pct, p, sizeof split->share_pct);
  return p + STRAITS_MARITIME_N_LIMITS * STRAITS_MARITIME_N_PARTS;
}

#define N_PARADOX (STRAITS_COAST_N_CLOSINGS * STRAITS_COAST_N_RULERS * STRAITS_COAST_N)
#define N_NUMBERS (2 * (1 + 2 * STRAITS_MARITIME_N_LIMITS * STRAITS_MARITIME_N_PARTS) + 2 * N_PARADOX)

static GVariant *
doubles (GArray *values)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, values->data, values->len, sizeof (double));
}

static GVariant *
report_to_variant (const StraitsMaritimeReport *report)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
  GVariantBuilder belts, medians;

  pack_split (numbers, &report->aegean);
  pack_split (numbers, &report->aegean_without_crete);
  g_array_append_vals (numbers, report->black_sea_paradox_km, N_PARADOX);
  g_array_append_vals (numbers, report->azov_paradox_km, N_PARADOX);
  g_variant_builder_init (&belts, G_VARIANT_TYPE ("aad"));
  g_variant_builder_init (&medians, G_VARIANT_TYPE ("aad"));
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_variant_builder_add_value (&belts, doubles (report->belts[l][0]));
      g_variant_builder_add_value (&belts, doubles (report->belts[l][1]));
      g_variant_builder_add_value (&medians, doubles (report->median[l]));
    }
  return g_variant_new ("(ss@ad@aad@aad)", report->checksum, METHOD_VERSION, doubles (numbers),
                        g_variant_builder_end (&belts), g_variant_builder_end (&medians));
}

static GArray *
array_from_variant (GVariant *v)
{
  gsize n = 0;
  const double *data = g_variant_get_fixed_array (v, &n, sizeof (double));
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) n);

  g_array_append_vals (out, data, (guint) n);
  return out;
}

/* Cache validation: a cache is data, not truth. The sums and shares are
 * checked to the rounding the computation itself leaves. */
#define MAX_CACHE_SIZE (64u << 20)
#define MAX_SEA_AREA_KM2 1e6       /* the Aegean is about 190,000 km² */
#define MAX_COAST_KM 1e5
#define MAX_COORDINATE 1e8         /* metres from the projection's centre */
#define AREA_TOLERANCE 1e-3        /* of the sea's area */
#define SHARE_TOLERANCE 0.02       /* percentage points */

static gboolean
in_range (double value, double min, double max)
{
  return isfinite (value) && value >= min && value <= max;
}

static gboolean
split_is_plausible (const StraitsSeaSplit *split)
{
  double sea = split->sea_area_km2;

  if (!in_range (sea, 1, MAX_SEA_AREA_KM2))
    return FALSE;
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      double areas = 0, shares = 0;

      for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
        {
          double area = split->area_km2[l][p], share = split->share_pct[l][p];

          if (!in_range (area, 0, sea) || !in_range (share, 0, 100) ||
              fabs (share - 100 * area / sea) > SHARE_TOLERANCE)
            return FALSE;
          areas += area;
          shares += share;
        }
      if (fabs (areas - sea) > AREA_TOLERANCE * sea || fabs (shares - 100) > SHARE_TOLERANCE)
        return FALSE;
    }
  return TRUE;
}

/* x, y pairs: finite coordinates, or a NaN pair between two lines. */
static gboolean
coordinates_are_plausible (GArray *xy)
{
  if (xy->len % 2 != 0)
    return FALSE;
  for (guint i = 0; i < xy->len; i += 2)
    {
      double x = g_array_index (xy, double, i), y = g_array_index (xy, double, i + 1);

      if (isnan (x) && isnan (y))
        continue;
      if (!in_range (x, -MAX_COORDINATE, MAX_COORDINATE) || !in_range (y, -MAX_COORDINATE, MAX_COORDINATE))
        return FALSE;
    }
  return TRUE;
}

static gboolean
report_is_plausible (const StraitsMaritimeReport *report)
{
  if (!split_is_plausible (&report->aegean) || !split_is_plausible (&report->aegean_without_crete))
    return FALSE;
  for (int i = 0; i < N_PARADOX; i++)
    if (!in_range ((&report->black_sea_paradox_km[0][0][0])[i], 0, MAX_COAST_KM) ||
        !in_range ((&report->azov_paradox_km[0][0][0])[i], 0, MAX_COAST_KM))
      return FALSE;
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    if (!coordinates_are_plausible (report->belts[l][0]) || !coordinates_are_plausible (report->belts[l][1]) ||
        !coordinates_are_plausible (report->median[l]))
      return FALSE;
  return TRUE;
}

/* The report in @bytes, a cache file's contents, when it was made for
 * @checksum by this method and every value in it is plausible; else NULL
 * (and it is measured again). */
StraitsMaritimeReport *
straits_maritime_report_from_cache (GBytes     *bytes,
                                    const char *checksum)
{
  g_autoptr(GVariant) v = NULL, numbers = NULL, belts = NULL, medians = NULL;
  const char *stored, *method;
  StraitsMaritimeReport *report;
  const double *p;
  gsize n;

  v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (v))
    return NULL;
  g_variant_get (v, "(&s&s@ad@aad@aad)", &stored, &method, &numbers, &belts, &medians);
  p = g_variant_get_fixed_array (numbers, &n, sizeof (double));
  if (!g_str_equal (stored, checksum) || !g_str_equal (method, METHOD_VERSION) || n != N_NUMBERS ||
      g_variant_n_children (belts) != 2 * STRAITS_MARITIME_N_LIMITS ||
      g_variant_n_children (medians) != STRAITS_MARITIME_N_LIMITS)
    return NULL;
  report = g_new0 (StraitsMaritimeReport, 1);
  p = unpack_split (p, &report->aegean);
  p = unpack_split (p, &report->aegean_without_crete);
  memcpy (report->black_sea_paradox_km, p, sizeof report->black_sea_paradox_km);
  memcpy (report->azov_paradox_km, p + N_PARADOX, sizeof report->azov_paradox_km);
  _straits_maritime_report_take_defaults (report);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_autoptr(GVariant) g = g_variant_get_child_value (belts, 2 * l);
      g_autoptr(GVariant) t = g_variant_get_child_value (belts, 2 * l + 1);
      g_autoptr(GVariant) m = g_variant_get_child_value (medians, l);

      report->belts[l][0] = array_from_variant (g);
      report->belts[l][1] = array_from_variant (t);
      report->median[l] = array_from_variant (m);
    }
  report->checksum = g_strdup (checksum);
  report->from_cache = TRUE;
  if (!report_is_plausible (report))
    g_clear_pointer (&report, straits_maritime_report_free);
  return report;
}

/* The cached report for @checksum, or NULL when there is none that fits.
 * A link, a FIFO or a device in the cache's place is not read. */
static StraitsMaritimeReport *
read_cache (const char *path, const char *checksum)
{
  g_autoptr(GBytes) bytes = straits_safe_file_read (path, MAX_CACHE_SIZE, STRAITS_SAFE_FILE_NO_FOLLOW, NULL);

  return bytes != NULL ? straits_maritime_report_from_cache (bytes, checksum) : NULL;
}

/* Results of earlier inputs or methods will not be read again. */
static void
remove_stale_caches (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *current = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "maritime-") && g_str_has_suffix (name, ".gvariant") && !g_str_equal (name, current))
      {
        g_autofree char *stale = g_build_filename (dirname, name, NULL);
        g_unlink (stale);
      }
}

static void
write_cache (const char *path, const StraitsMaritimeReport *report)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (report_to_variant (report));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);

  /* A cache that cannot be written only costs the next start some time.
   * A new file, renamed over whatever stands there: never written through
   * a link someone put in its place. */
  if (straits_safe_file_write_private (dir, name, g_variant_get_data (v), g_variant_get_size (v), NULL))
    remove_stale_caches (path);
}

/* The report from the cache in @cache_dir (NULL: none) when it was made
 * from the same inputs by the same method, else computed and cached. */
StraitsMaritimeReport *
straits_maritime_get (const char  *maritime_dir,
                      const char  *cache_dir,
                      GError     **error)
{
  g_autofree char *checksum = _straits_maritime_input_checksum (maritime_dir, error);
  g_autofree char *name = NULL, *path = NULL;
  StraitsMaritimeReport *report;
  gint64 start = g_get_monotonic_time ();

  if (checksum == NULL)
    return NULL;
  name = g_strdup_printf ("maritime-%s.gvariant", checksum);
  path = cache_dir ? g_build_filename (cache_dir, name, NULL) : NULL;
  if (path != NULL && (report = read_cache (path, checksum)) != NULL)
    {
      report->seconds = (g_get_monotonic_time () - start) / 1e6;
      return report;
    }
  report = straits_maritime_compute (maritime_dir, error);
  if (report != NULL && path != NULL)
    write_cache (path, report);
  return report;
}

typedef struct {
  char *maritime_dir;
  char *cache_dir;
} GetJob;

static void
get_job_free (GetJob *job)
{
  g_free (job->maritime_dir);
  g_free (job->cache_dir);
  g_free (job);
}

static void
get_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GetJob *job = data;
  GError *error = NULL;
  StraitsMaritimeReport *report;

  /* A window closed before the thread started wants nothing measured. */
  if (g_task_return_error_if_cancelled (task))
    return;
  report = straits_maritime_get (job->maritime_dir, job->cache_dir, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) straits_maritime_report_free);
}

void
straits_maritime_get_async (const char          *maritime_dir,
                            const char          *cache_dir,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GetJob *job = g_new0 (GetJob, 1);

  job->maritime_dir = g_strdup (maritime_dir);
  job->cache_dir = g_strdup (cache_dir);
  g_task_set_task_data (task, job, (GDestroyNotify) get_job_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, get_in_thread);
}

StraitsMaritimeReport *
straits_maritime_get_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
