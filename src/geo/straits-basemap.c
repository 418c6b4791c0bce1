/* straits-basemap.c: reads and checks an SBM1 file
 *
 * The file is used in place (mapped, or from a GResource): nothing is
 * copied but the feature table. Every offset is checked once at load, so
 * that drawing code can index without checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-basemap.h"

#define HEADER_SIZE 32
#define FEATURE_SIZE 32

struct _StraitsBasemap
{
  gatomicrefcount ref_count;
  GBytes *bytes;
  StraitsTerritories *territories;

  guint n_points, n_arcs, n_refs, n_rings, n_features;
  const gint32 *points;         /* lon_e6, lat_e6 pairs */
  const float *importance;
  const guint32 *arc_starts;    /* n_arcs + 1 */
  const guint8 *arc_flags;
  const gint32 *refs;
  const guint32 *ring_starts;   /* n_rings + 1 */
  const guint8 *ring_flags;
  StraitsFeature *features;
};

G_DEFINE_QUARK (straits-basemap-error-quark, straits_basemap_error)

static gsize
align4 (gsize n)
{
  return (n + 3) & ~(gsize) 3;
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, STRAITS_BASEMAP_ERROR, STRAITS_BASEMAP_ERROR_INVALID,
               _("The basemap file is damaged: %s"), what);
  return FALSE;
}

/* Takes a section of @size bytes at *@offset, or fails. */
static gboolean
take_section (gsize         length,
              gsize        *offset,
              gsize         size,
              gsize        *start)
{
  if (size > length || *offset > length - size)
    return FALSE;
  *start = *offset;
  *offset = align4 (*offset + size);
  return TRUE;
}

static gboolean
check_topology (StraitsBasemap *self, GError **error)
{
  for (guint i = 0; i < self->n_arcs; i++)
    if (self->arc_starts[i] + 2 > self->arc_starts[i + 1])
      return invalid (error, "an arc has fewer than two points");
  if (self->arc_starts[0] != 0 || self->arc_starts[self->n_arcs] != self->n_points)
    return invalid (error, "arcs do not cover the points");
  for (guint i = 0; i < self->n_refs; i++)
    {
      gint32 r = self->refs[i];
      guint32 arc = r >= 0 ? (guint32) r : (guint32) ~r;

      if (arc >= self->n_arcs)
        return invalid (error, "a ring refers to a missing arc");
    }
  for (guint i = 0; i < self->n_rings; i++)
    if (self->ring_starts[i] > self->ring_starts[i + 1])
      return invalid (error, "ring offsets go backwards");
  if (self->ring_starts[self->n_rings] > self->n_refs)
    return invalid (error, "rings refer past the arc references");
  return TRUE;
}

static gboolean
parse (StraitsBasemap *self, GError **error)
{
  gsize length, offset = HEADER_SIZE, strings_size;
  const guint8 *data = g_bytes_get_data (self->bytes, &length);
  gsize s_points, s_importance, s_arcs, s_arc_flags, s_refs, s_rings, s_ring_flags, s_features, s_strings;
  const char *strings;

  if (length < HEADER_SIZE || memcmp (data, "SBM1", 4) != 0 || read_u32 (data + 4) != 1)
    return invalid (error, "not an SBM1 file of version 1");
  self->n_points = read_u32 (data + 8);
  self->n_arcs = read_u32 (data + 12);
  self->n_refs = read_u32 (data + 16);
  self->n_rings = read_u32 (data + 20);
  self->n_features = read_u32 (data + 24);
  strings_size = read_u32 (data + 28);

  if (!take_section (length, &offset, (gsize) self->n_points * 8, &s_points) ||
      !take_section (length, &offset, (gsize) self->n_points * 4, &s_importance) ||
      !take_section (length, &offset, ((gsize) self->n_arcs + 1) * 4, &s_arcs) ||
      !take_section (length, &offset, self->n_arcs, &s_arc_flags) ||
      !take_section (length, &offset, (gsize) self->n_refs * 4, &s_refs) ||
      !take_section (length, &offset, ((gsize) self->n_rings + 1) * 4, &s_rings) ||
      !take_section (length, &offset, self->n_rings, &s_ring_flags) ||
      !take_section (length, &offset, (gsize) self->n_features * FEATURE_SIZE, &s_features) ||
      !take_section (length, &offset, strings_size, &s_strings))
    return invalid (error, "a section runs past the end");
  if (strings_size == 0 || data[s_strings + strings_size - 1] != '\0')
    return invalid (error, "the string table is not terminated");

  /* The sections are 4-byte aligned in the file and GBytes data is at
   * least that aligned, so they can be used in place. */
  self->points = (const gint32 *) (gconstpointer) (data + s_points);
  self->importance = (const float *) (gconstpointer) (data + s_importance);
  self->arc_starts = (const guint32 *) (gconstpointer) (data + s_arcs);
  self->arc_flags = data + s_arc_flags;
  self->refs = (const gint32 *) (gconstpointer) (data + s_refs);
  self->ring_starts = (const guint32 *) (gconstpointer) (data + s_rings);
  self->ring_flags = data + s_ring_flags;
  strings = (const char *) data + s_strings;

  if (!check_topology (self, error))
    return FALSE;

  self->features = g_new0 (StraitsFeature, self->n_features + 1);
  for (guint i = 0; i < self->n_features; i++)
    {
      const guint8 *f = data + s_features + (gsize) i * FEATURE_SIZE;
      StraitsFeature *out = &self->features[i];
      guint32 name = read_u32 (f + 4), code = read_u32 (f + 8);
      float lon, lat;

      out->layer = f[0];
      out->flags = f[1];
      out->rank = (guint16) (f[2] | f[3] << 8);
      if (name >= strings_size || code >= strings_size || out->layer >= STRAITS_N_LAYERS)
        return invalid (error, "a feature is out of range");
      out->name = strings + name;
      out->code = strings + code;
      out->first_ring = read_u32 (f + 12);
      out->n_rings = read_u32 (f + 16);
      if (out->first_ring > self->n_rings || out->n_rings > self->n_rings - out->first_ring)
        return invalid (error, "a feature refers to missing rings");
      memcpy (&lon, f + 20, 4);
      memcpy (&lat, f + 24, 4);
      out->label_lon = lon;
      out->label_lat = lat;
      out->population = read_u32 (f + 28);
    }
  return TRUE;
}

StraitsBasemap *
straits_basemap_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  StraitsBasemap *self = g_new0 (StraitsBasemap, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->bytes = g_bytes_ref (bytes);
  if (!parse (self, error))
    {
      straits_basemap_unref (self);
      return NULL;
    }
  return self;
}

StraitsBasemap *
straits_basemap_load (const char  *filename,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (filename, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;

  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return straits_basemap_new_from_bytes (bytes, error);
}

StraitsBasemap *
straits_basemap_ref (StraitsBasemap *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
straits_basemap_unref (StraitsBasemap *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_bytes_unref (self->bytes);
  g_clear_pointer (&self->territories, straits_territories_unref);
  g_free (self->features);
  g_free (self);
}

void
straits_basemap_set_territories (StraitsBasemap     *self,
                                 StraitsTerritories *territories)
{
  g_clear_pointer (&self->territories, straits_territories_unref);
  self->territories = territories != NULL ? straits_territories_ref (territories) : NULL;
}

StraitsTerritories *
straits_basemap_get_territories (StraitsBasemap *self)
{
  return self->territories;
}

guint straits_basemap_get_n_points (StraitsBasemap *self) { return self->n_points; }
guint straits_basemap_get_n_arcs (StraitsBasemap *self) { return self->n_arcs; }
guint straits_basemap_get_n_features (StraitsBasemap *self) { return self->n_features; }
const float *straits_basemap_get_importance (StraitsBasemap *self) { return self->importance; }
const guint32 *straits_basemap_get_arc_starts (StraitsBasemap *self) { return self->arc_starts; }
const guint8 *straits_basemap_get_arc_flags (StraitsBasemap *self) { return self->arc_flags; }
const gint32 *straits_basemap_get_refs (StraitsBasemap *self) { return self->refs; }
const guint32 *straits_basemap_get_ring_starts (StraitsBasemap *self) { return self->ring_starts; }
const guint8 *straits_basemap_get_ring_flags (StraitsBasemap *self) { return self->ring_flags; }

const StraitsFeature *
straits_basemap_get_feature (StraitsBasemap *self,
                             guint           index)
{
  g_return_val_if_fail (index < self->n_features, NULL);
  return &self->features[index];
}

void
straits_basemap_get_point (StraitsBasemap *self,
                           guint           index,
                           double         *lon,
                           double         *lat)
{
  *lon = self->points[2 * index] / 1e6;
  *lat = self->points[2 * index + 1] / 1e6;
}

int
straits_basemap_find_feature (StraitsBasemap *self,
                              StraitsLayer    layer,
                              const char     *code)
{
  for (guint i = 0; code != NULL && i < self->n_features; i++)
    if (self->features[i].layer == layer && g_str_equal (self->features[i].code, code))
      return (int) i;
  return -1;
}

int
straits_basemap_find_by_name (StraitsBasemap *self,
                              const char     *name)
{
  for (guint i = 0; name != NULL && i < self->n_features; i++)
    if (g_ascii_strcasecmp (self->features[i].name, name) == 0)
      return (int) i;
  return -1;
}
