/* straits-dataset-private.h: the dataset's storage, shared by the loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-dataset.h"

G_BEGIN_DECLS

struct _StraitsDataset
{
  GObject parent_instance;

  char *filename;
  char *file_id;            /* the id when the metadata gives none: the file's name */
  GStringChunk *strings;
  StraitsMetadata metadata;

  /* Items, each a GArray of its struct. */
  GArray *sources;
  GArray *relation_types;
  GArray *event_types;
  GArray *actors;
  GArray *groupings;
  GArray *relations;
  GArray *events;
  GArray *figures;
  GArray *views;
  GArray *annotations;

  /* Pools the items point into once loading is finished. */
  GArray *citations;     /* StraitsCitation */
  GArray *indices;       /* guint32 */
  GPtrArray *strvs;      /* char *, NULL-terminated runs */
  GArray *groups;        /* StraitsGroup */
  GArray *figure_values; /* StraitsFigureValue */
  GArray *coords;        /* double */

  /* id → index + 1, per kind. */
  GHashTable *source_ids;
  GHashTable *relation_type_ids;
  GHashTable *event_type_ids;
  GHashTable *actor_ids;
  GHashTable *iso3_ids;
  GHashTable *grouping_ids;
  GHashTable *relation_ids;
  GHashTable *event_ids;
  GHashTable *figure_ids;
  GHashTable *view_ids;
  GHashTable *annotation_ids;

  /* Relations and events by actor, as offsets (n_actors + 1) into flat
   * index arrays; events sorted by date within each actor. */
  guint32 *relation_offsets;
  guint32 *relation_index;
  guint32 *event_offsets;
  guint32 *event_index;
  guint32 *events_by_date;
  /* Per grouping, (actor, group index) pairs sorted by actor, as offsets
   * (n_groupings + 1) into one array: its size is the number of members
   * the file lists, not actors times groupings. */
  guint32 *group_member_offsets;
  guint32 *group_members;  /* pairs: actor, group */
};

StraitsDataset *_straits_dataset_new_empty   (const char     *filename);
void            _straits_dataset_build_index (StraitsDataset *self);
guint32         straits_dataset_lookup      (GHashTable     *ids,
                                             const char     *id);

G_END_DECLS
