/* straits-basemap.h: countries, seas, disputed areas, islands and cities
 *
 * The basemap is a TopoJSON-like arc topology read from a compact binary
 * file written by tools/make-basemap.py (format in data/basemap/README.md):
 * a border shared by two countries is one arc, drawn once, and simplified
 * the same way for both. Coordinates are degrees; every vertex carries
 * the tolerance (degrees) at which simplification drops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-territories.h"

G_BEGIN_DECLS

#define STRAITS_BASEMAP_ERROR (straits_basemap_error_quark ())

typedef enum {
  STRAITS_BASEMAP_ERROR_INVALID,
} StraitsBasemapError;

typedef enum {
  STRAITS_LAYER_COUNTRY = 0,
  STRAITS_LAYER_SEA = 1,
  STRAITS_LAYER_DISPUTED = 2,
  STRAITS_LAYER_ISLAND = 3,
  STRAITS_LAYER_CITY = 4,
  STRAITS_N_LAYERS
} StraitsLayer;

enum {
  STRAITS_ARC_BORDER = 1 << 0,  /* between two countries */
  STRAITS_ARC_COAST = 1 << 1,   /* a country's edge with nothing beside it */
  STRAITS_ARC_OTHER = 1 << 2,   /* seas, disputed areas, islands */
};

enum {
  STRAITS_FEATURE_CAPITAL = 1 << 0, /* cities */
  STRAITS_FEATURE_EU = 1 << 0,      /* countries */
};

typedef struct {
  guint8 layer;
  guint8 flags;
  guint16 rank;
  const char *name;
  const char *code;
  guint32 first_ring;
  guint32 n_rings;
  double label_lon;
  double label_lat;
  guint32 population;
} StraitsFeature;

typedef struct _StraitsBasemap StraitsBasemap;

GQuark          straits_basemap_error_quark (void);

/* (transfer full) (nullable): NULL on error */
StraitsBasemap *straits_basemap_load        (const char      *filename,
                                             GError         **error);
/* (transfer full) (nullable): NULL on error */
StraitsBasemap *straits_basemap_new_from_bytes (GBytes       *bytes,
                                             GError         **error);
/* (transfer full) */
StraitsBasemap *straits_basemap_ref         (StraitsBasemap  *self);
void            straits_basemap_unref       (StraitsBasemap  *self);

guint           straits_basemap_get_n_points  (StraitsBasemap *self);
guint           straits_basemap_get_n_arcs    (StraitsBasemap *self);
guint           straits_basemap_get_n_features (StraitsBasemap *self);
/* (transfer none) */
const StraitsFeature *straits_basemap_get_feature (StraitsBasemap *self,
                                                   guint           index);
/* The first feature of @layer with @code (or @name); -1 when absent. */
int             straits_basemap_find_feature  (StraitsBasemap *self,
                                               StraitsLayer    layer,
                                               const char     *code);
int             straits_basemap_find_by_name  (StraitsBasemap *self,
                                               const char     *name);

/* The disputed and occupied areas table that goes with the basemap
 * (data/basemap/territories.json), or NULL; set once, before sharing.
 * @territories: (nullable), referenced */
void            straits_basemap_set_territories (StraitsBasemap     *self,
                                                 StraitsTerritories *territories);
/* (transfer none) (nullable) */
StraitsTerritories *straits_basemap_get_territories (StraitsBasemap *self);

/* Raw topology, for projection and drawing.
 * @lon, @lat: (out) */
void            straits_basemap_get_point     (StraitsBasemap *self,
                                               guint           index,
                                               double         *lon,
                                               double         *lat);
/* (transfer none) */
const float    *straits_basemap_get_importance (StraitsBasemap *self);
/* (transfer none) */
const guint32  *straits_basemap_get_arc_starts (StraitsBasemap *self);
/* (transfer none) */
const guint8   *straits_basemap_get_arc_flags (StraitsBasemap *self);
/* (transfer none) */
const gint32   *straits_basemap_get_refs      (StraitsBasemap *self);
/* (transfer none) */
const guint32  *straits_basemap_get_ring_starts (StraitsBasemap *self);
/* (transfer none) */
const guint8   *straits_basemap_get_ring_flags (StraitsBasemap *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsBasemap, straits_basemap_unref)

G_END_DECLS
