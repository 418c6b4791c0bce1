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
  STRAITS_FIGURE_VALUE,   /* one stated value: a figure card */
  STRAITS_FIGURE_BOUND,   /* "up to" or "at least" a value */
  STRAITS_FIGURE_RANK,    /* one actor's rank, with its base */
} StraitsFigureKind;

typedef enum {
  STRAITS_BOUND_NONE,
  STRAITS_BOUND_UPPER,    /* "up to" */
  STRAITS_BOUND_LOWER,    /* "at least" */
} StraitsBound;

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
  /* The source's sections in order, when given: their headings ("" for an
   * untitled opening) and how many paragraphs each has. */
  const char *const *headings; /* NULL-terminated, or NULL */
  const guint32 *paragraphs;
  guint n_sections;
} StraitsSource;

typedef struct {
  const char *id;
  const char *label;
  const char *description;
  StraitsColour colour;
  /* Relation types only. Directed types name the role of each end, e.g.
   * "supplier" → "recipient"; NULL when the type does not say. */
  const char *from_role;
  const char *to_role;
  gboolean dated;         /* every relation of the type needs a start */
} StraitsTypeDef;

typedef struct {
  const char *id;
  const char *name;               /* a state's in the interface's language (iso-codes) */
  const char *short_name;
  const char *dataset_name;       /* the dataset's own name when name was translated, else NULL */
  const char *const *names;       /* language tag, name pairs; NULL-terminated; or NULL */
  const char *iso3;
  const char *description;
  const char *note;               /* the curator's note, e.g. an inference */
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
  /* When the division holds, as a relation's span: "start": "unknown" /
   * "end": "unknown" and an attested date (see StraitsRelation). */
  StraitsDate start;
  StraitsDate end;
  StraitsDate attested;
  gboolean start_unknown;
  gboolean end_unknown;
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
  /* "start": "unknown" / "end": "unknown": began or ended at a date the
   * source does not give. @attested is a date the relation is known to
   * hold at (unset when not given). */
  gboolean start_unknown;
  gboolean end_unknown;
  StraitsDate attested;
  gboolean has_roles;     /* the relation names its ends' roles */
  const char *note;
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
  const char *note;
  StraitsCitations citations;
} StraitsEvent;

typedef struct {
  double value;
  guint32 actor;          /* actor index or STRAITS_NO_INDEX */
  const char *label;      /* may be NULL */
  StraitsDate period;     /* unset unless given */
  gboolean has_unrounded;
  double unrounded;       /* the unrounded value, when a source gives it */
} StraitsFigureValue;

typedef struct {
  const char *id;
  const char *title;
  const char *unit;
  const char *period;
  const char *role;
  const char *note;
  const char *whole;      /* shares: the stated whole they are shares of */
  const char *base;       /* rank: what the rank is among */
  double of;              /* rank: how many there are, 0 when not stated */
  StraitsBound bound;     /* bound: which */
  gboolean has_change;    /* value: a stated change */
  double change;
  const char *change_unit;
  const char *change_against; /* e.g. "the previous year" */
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
  const char *id;         /* names the dataset across versions (bookmarks); NULL: from the file name */
  const char *title;
  const char *description;
  const char *version;
  const char *licence;
  const char *const *authors; /* NULL-terminated */
  StraitsDate date;
} StraitsMetadata;

/* (transfer none): a static string */
const char *straits_actor_kind_to_string (StraitsActorKind kind);
/* (transfer none): a static string */
const char *straits_stance_to_string     (StraitsStance    stance);

G_END_DECLS
