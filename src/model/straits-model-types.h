/* straits-model-types.h: the items of a dataset
 *
 * Items are plain structs owned by their StraitsDataset and immutable once it
 * is loaded; pointers to them stay valid for the dataset's lifetime.
 * References between items are indices into the dataset's arrays, which
 * keeps a dataset of hundreds of thousands of items compact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-date.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_ACTOR_STATE,
  STRAITS_ACTOR_INTERNATIONAL_ORGANISATION,
  STRAITS_ACTOR_EU_INSTITUTION,
  STRAITS_ACTOR_ALLIANCE,
  STRAITS_ACTOR_COMPANY,
  STRAITS_ACTOR_INITIATIVE,
  STRAITS_ACTOR_GROUP,
  STRAITS_ACTOR_OTHER,
} StraitsActorKind;

typedef enum {
  STRAITS_STANCE_NEUTRAL,
  STRAITS_STANCE_COOPERATIVE,
  STRAITS_STANCE_ADVERSARIAL,
} StraitsStance;

typedef enum {
  STRAITS_FIGURE_SHARES,
  STRAITS_FIGURE_SERIES,
  STRAITS_FIGURE_RANKING,
} StraitsFigureKind;

typedef enum {
  STRAITS_ANNOTATION_STRAIT,
  STRAITS_ANNOTATION_DISPUTED_AREA,
  STRAITS_ANNOTATION_POINT,
  STRAITS_ANNOTATION_LINE,
  STRAITS_ANNOTATION_AREA,
} StraitsAnnotationKind;

#define STRAITS_NO_INDEX G_MAXUINT32

typedef struct {
  double r, g, b;
} StraitsColour;

typedef struct {
  guint32 source;       /* index into the dataset's sources */
  const char *locator;  /* where in the source */
  const char *quote;    /* may be NULL */
} StraitsCitation;

/* A run of citations; every cited item has one. */
typedef struct {
  const StraitsCitation *items;
  guint n;
} StraitsCitations;

typedef struct {
  const char *id;
  const char *title;
  const char *publisher;
  const char *url;
  const char *doi;
  const char *licence;
  const char *const *authors; /* NULL-terminated */
  StraitsDate date;
} StraitsSource;

typedef struct {
  const char *id;
  const char *label;
  const char *description;
  StraitsColour colour;
} StraitsTypeDef;

typedef struct {
  const char *id;
  const char *name;
  const char *short_name;
  const char *iso3;
  const char *description;
  const char *const *memberships; /* NULL-terminated */
  StraitsActorKind kind;
  guint32 country;                /* actor index or STRAITS_NO_INDEX */
  gboolean has_location;
  double lon, lat;
  StraitsCitations citations;
} StraitsActor;

typedef struct {
  const char *id;
  const char *label;
  const char *description;
  StraitsColour colour;
  const guint32 *members; /* actor indices */
  guint n_members;
  StraitsCitations citations;
} StraitsGroup;

typedef struct {
  const char *id;
  const char *label;
  const char *description;
  const StraitsGroup *groups;
  guint n_groups;
  StraitsCitations citations;
} StraitsGrouping;

typedef struct {
  const char *id;
  const char *summary;
  guint32 from;           /* actor index */
  guint32 to;             /* actor index */
  guint32 type;           /* relation type index */
  StraitsStance stance;
  gboolean mutual;
  float strength;         /* 0–1 */
  StraitsDate start;
  StraitsDate end;
  StraitsCitations citations;
} StraitsRelation;

typedef struct {
  const char *id;
  const char *title;
  const char *description;
  guint32 type;           /* event type index */
  StraitsDate date;
  StraitsDate end;
  const guint32 *actors;  /* actor indices */
  guint n_actors;
  const guint32 *relations; /* relation indices */
  guint n_relations;
  gboolean has_point;
  double lon, lat;
  const char *feature;    /* annotation id or NULL */
  StraitsCitations citations;
} StraitsEvent;

typedef struct {
  double value;
  guint32 actor;          /* actor index or STRAITS_NO_INDEX */
  const char *label;      /* may be NULL */
  StraitsDate period;     /* unset unless given */
} StraitsFigureValue;

typedef struct {
  const char *id;
  const char *title;
  const char *unit;
  const char *period;
  const char *role;
  const char *note;
  StraitsFigureKind kind;
  guint32 subject;        /* actor index or STRAITS_NO_INDEX */
  const StraitsFigureValue *values;
  guint n_values;
  StraitsCitations citations;
} StraitsFigure;

typedef struct {
  const char *id;
  const char *title;
  const char *subtitle;
  const char *region;     /* named region, or NULL when a box is given */
  double west, south, east, north; /* the box, when region is NULL */
  guint32 grouping;       /* grouping index or STRAITS_NO_INDEX */
  const guint32 *relation_types; /* NULL: all */
  guint n_relation_types;
  const char *const *overlays; /* NULL-terminated */
  StraitsDate time;
} StraitsView;

typedef struct {
  const char *id;
  const char *name;
  const char *text;
  const char *feature;    /* a named basemap feature, or NULL */
  StraitsAnnotationKind kind;
  const double *coords;   /* lon, lat pairs */
  guint n_points;
  StraitsCitations citations;
} StraitsAnnotation;

typedef struct {
  const char *title;
  const char *description;
  const char *version;
  const char *licence;
  const char *const *authors; /* NULL-terminated */
  StraitsDate date;
} StraitsMetadata;

const char *straits_actor_kind_to_string (StraitsActorKind kind);
const char *straits_stance_to_string     (StraitsStance    stance);

G_END_DECLS
