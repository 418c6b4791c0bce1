/* straits-territories.h: areas whose status is disputed or occupied, and
 * which state a map draws them as under a territorial convention
 *
 * The table is data/basemap/territories.json (its format and the reasons
 * for each line are in docs/territories.md). Each area is a feature of the
 * basemap's disputed layer; the table says which state the EU recognises
 * there, who controls it, since when, and in which Natural Earth country
 * polygon it lies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-date.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_CONVENTION_EU,        /* borders as the EU recognises them */
  STRAITS_CONVENTION_DE_FACTO,  /* Natural Earth's lines of control */
} StraitsConvention;

/* (transfer none): a static string */
const char *straits_convention_to_string   (StraitsConvention  convention);
/* @out: (out) */
gboolean    straits_convention_from_string (const char        *text,
                                            StraitsConvention *out);

typedef struct {
  char *id;
  char *feature;        /* code of the basemap's disputed-layer feature */
  char *label;          /* what the map writes on it ("" for nothing) */
  char *state;          /* ISO alpha-3 of the state the EU recognises */
  char *controller;     /* who controls it ("" when not a state) */
  char *natural_earth;  /* the Natural Earth country polygon it lies in */
  char *status;         /* one sentence, for the legend and the docs */
  char **sources;
  StraitsDate since;    /* occupied or not under control since */
  StraitsDate until;    /* and until (not set: still) */
  gboolean clip_to_state; /* its outline is coarser than the state's */
} StraitsTerritory;

typedef struct _StraitsTerritories StraitsTerritories;

/* (transfer full) (nullable): NULL on error */
StraitsTerritories *straits_territories_load      (const char          *filename,
                                                   GError             **error);
/* (transfer full) (nullable): NULL on error */
StraitsTerritories *straits_territories_new_from_data (const char      *data,
                                                   gssize               length,
                                                   const char          *name,
                                                   GError             **error);
/* (transfer full) */
StraitsTerritories *straits_territories_ref       (StraitsTerritories  *self);
void                straits_territories_unref     (StraitsTerritories  *self);

guint               straits_territories_get_n     (StraitsTerritories  *self);
/* (transfer none) */
const StraitsTerritory *straits_territories_get   (StraitsTerritories  *self,
                                                   guint                index);
/* (transfer none) (nullable) */
const StraitsTerritory *straits_territories_find_feature (StraitsTerritories *self,
                                                   const char          *feature_code);
/* The sentence the credits give for @convention.
 * (transfer none) (nullable): NULL when @self is; @self: (nullable) */
const char         *straits_territories_get_convention_text (StraitsTerritories *self,
                                                   StraitsConvention    convention);
/* The footnote the EU gives a country's name (Kosovo*), or NULL.
 * (transfer none) (nullable); @self, @code: (nullable) */
const char         *straits_territories_get_footnote (StraitsTerritories *self,
                                                   const char          *code);

/* Occupied (or not under control) at @date; NULL: now. As relations:
 * begun by the date's last day, not ended before its first. */
gboolean            straits_territory_is_active   (const StraitsTerritory *territory,
                                                   const StraitsDate   *date);
/* Whether the map fills the area as its state rather than as the Natural
 * Earth polygon it lies in: always under the EU convention, and under the
 * de facto one before the occupation began. */
gboolean            straits_territory_drawn_as_state (const StraitsTerritory *territory,
                                                   StraitsConvention    convention,
                                                   const StraitsDate   *date);

/* Whether the map draws the area differently from Natural Earth: as its
 * state although Natural Earth puts it in another country's polygon
 * (Crimea under the EU's convention, or before 2014). */
gboolean            straits_territory_redrawn     (const StraitsTerritory *territory,
                                                   StraitsConvention    convention,
                                                   const StraitsDate   *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsTerritories, straits_territories_unref)

G_END_DECLS
