/* straits-dataset.h: a loaded, validated, indexed dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-diagnostic.h"
#include "straits-model-types.h"

G_BEGIN_DECLS

#define STRAITS_DATASET_ERROR (straits_dataset_error_quark ())

typedef enum {
  STRAITS_DATASET_ERROR_IO,
  STRAITS_DATASET_ERROR_TOO_LARGE,
  STRAITS_DATASET_ERROR_ENCODING,
  STRAITS_DATASET_ERROR_SYNTAX,
  STRAITS_DATASET_ERROR_INVALID,
  STRAITS_DATASET_ERROR_VERSION,
} StraitsDatasetError;

#define STRAITS_DATASET_FORMAT_VERSION 1
#define STRAITS_DATASET_MAX_SIZE (256u * 1024u * 1024u)
#define STRAITS_DATASET_MAX_DEPTH 64
#define STRAITS_DATASET_MAX_ERRORS 200

#define STRAITS_TYPE_DATASET (straits_dataset_get_type ())
G_DECLARE_FINAL_TYPE (StraitsDataset, straits_dataset, STRAITS, DATASET, GObject)

GQuark                   straits_dataset_error_quark (void);
/* The region names a view may give ("black-sea", …), NULL-terminated:
 * the one list of them; src/geo draws each (tests/test-regions.c). */
const char *const       *straits_dataset_region_ids  (void);

StraitsDataset          *straits_dataset_load_file   (const char      *filename,
                                                      GPtrArray      **diagnostics,
                                                      GError         **error);
StraitsDataset          *straits_dataset_load_bytes  (GBytes          *bytes,
                                                      const char      *display_name,
                                                      GPtrArray      **diagnostics,
                                                      GError         **error);

const char              *straits_dataset_get_filename (StraitsDataset *self);
const StraitsMetadata   *straits_dataset_get_metadata (StraitsDataset *self);
/* (transfer none): the metadata's id, else the file's name without extension. */
const char              *straits_dataset_get_id       (StraitsDataset *self);

guint                    straits_dataset_get_n_sources        (StraitsDataset *self);
const StraitsSource     *straits_dataset_get_source           (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_relation_types (StraitsDataset *self);
const StraitsTypeDef    *straits_dataset_get_relation_type    (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_event_types    (StraitsDataset *self);
const StraitsTypeDef    *straits_dataset_get_event_type       (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_actors         (StraitsDataset *self);
const StraitsActor      *straits_dataset_get_actor            (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_groupings      (StraitsDataset *self);
const StraitsGrouping   *straits_dataset_get_grouping         (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_relations      (StraitsDataset *self);
const StraitsRelation   *straits_dataset_get_relation         (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_events         (StraitsDataset *self);
const StraitsEvent      *straits_dataset_get_event            (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_figures        (StraitsDataset *self);
const StraitsFigure     *straits_dataset_get_figure           (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_views          (StraitsDataset *self);
const StraitsView       *straits_dataset_get_view             (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_annotations    (StraitsDataset *self);
const StraitsAnnotation *straits_dataset_get_annotation       (StraitsDataset *self, guint index);

/* Look-ups by id: STRAITS_NO_INDEX when absent. */
guint32 straits_dataset_find_actor         (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_actor_by_iso3 (StraitsDataset *self, const char *iso3);
guint32 straits_dataset_find_relation      (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_event         (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_source        (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_grouping      (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_figure        (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_view          (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_annotation    (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_relation_type (StraitsDataset *self, const char *id);
guint32 straits_dataset_find_event_type    (StraitsDataset *self, const char *id);

/* Indices. The returned arrays belong to the dataset. */
const guint32 *straits_dataset_relations_of_actor (StraitsDataset *self,
                                                   guint32         actor,
                                                   guint          *n);
const guint32 *straits_dataset_events_of_actor    (StraitsDataset *self,
                                                   guint32         actor,
                                                   guint          *n);
const guint32 *straits_dataset_events_by_date     (StraitsDataset *self,
                                                   guint          *n);
const StraitsGroup *straits_dataset_group_of_actor (StraitsDataset *self,
                                                    guint32         grouping,
                                                    guint32         actor);

/* Queries. They return new arrays of indices in date order. */
GArray  *straits_dataset_query_events    (StraitsDataset    *self,
                                          guint32            actor_a,
                                          guint32            actor_b,
                                          const StraitsDate *from,
                                          const StraitsDate *to);
GArray  *straits_dataset_relations_active_at (StraitsDataset    *self,
                                              const StraitsDate *date);
gboolean straits_relation_is_active_at   (const StraitsRelation *relation,
                                          const StraitsDate     *date);
gboolean straits_relation_get_span      (const StraitsRelation  *relation,
                                          const StraitsDate     **first,
                                          const StraitsDate     **last);
char    *straits_relation_format_dates  (const StraitsRelation *relation);
gboolean straits_event_involves          (const StraitsEvent *event,
                                          guint32             actor);
/* Whether @actor is @figure's subject or one of its values. */
gboolean straits_figure_concerns         (const StraitsFigure *figure,
                                          guint32              actor);

char    *straits_dataset_summarize       (StraitsDataset *self);

/* `straits --check --strict` (straits-dataset-strict.c). */
GPtrArray *straits_dataset_check_strict  (StraitsDataset *self);
gboolean   straits_locator_parse         (const char     *locator,
                                          char          **heading,
                                          guint          *paragraph);

G_END_DECLS
