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
/* The largest dataset file read, unless the user sets another
 * (straits_dataset_get_max_size()): the loader's memory grows with the
 * file, about 1.5 times its size at most (bench/bench-load.c). */
#define STRAITS_DATASET_DEFAULT_MAX_MB 1024u
/* The environment variable that sets the limit, in megabytes. */
#define STRAITS_DATASET_MAX_MB_VARIABLE "STRAITS_MAX_DATASET_MB"
/* The largest workbook (its parts once expanded) and folder of CSV files
 * read: a guard against zip bombs, not raised with the dataset limit. */
#define STRAITS_WORKBOOK_MAX_SIZE (256u * 1024u * 1024u)
#define STRAITS_DATASET_MAX_DEPTH 64
#define STRAITS_DATASET_MAX_ERRORS 200

#define STRAITS_TYPE_DATASET (straits_dataset_get_type ())
G_DECLARE_FINAL_TYPE (StraitsDataset, straits_dataset, STRAITS, DATASET, GObject)

GQuark                   straits_dataset_error_quark (void);
/* The region names a view may give ("black-sea", …), NULL-terminated:
 * the one list of them; src/geo draws each (tests/test-regions.c).
 * (transfer none): static, NULL-terminated */
const char *const       *straits_dataset_region_ids  (void);

/* The largest dataset file loaded, in bytes: the megabytes given to
 * straits_dataset_set_max_size_mb(), else those of the environment
 * variable STRAITS_MAX_DATASET_MB (a whole number from 1 to
 * STRAITS_DATASET_MAX_MB_CEILING), else STRAITS_DATASET_DEFAULT_MAX_MB. */
gsize                    straits_dataset_get_max_size (void);
/* @mb: 0 goes back to the environment's limit or the default; at most
 * STRAITS_DATASET_MAX_MB_CEILING. For the command line's
 * --max-dataset-mb, set before any load. */
void                     straits_dataset_set_max_size_mb (guint mb);
/* 1 TiB: a bound that keeps the sizes computed from the limit in range. */
#define STRAITS_DATASET_MAX_MB_CEILING (1024u * 1024u)

/* (transfer full) (nullable): NULL on error;
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsDataset          *straits_dataset_load_file   (const char      *filename,
                                                      GPtrArray      **diagnostics,
                                                      GError         **error);
/* (transfer full) (nullable): NULL on error;
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsDataset          *straits_dataset_load_bytes  (GBytes          *bytes,
                                                      const char      *display_name,
                                                      GPtrArray      **diagnostics,
                                                      GError         **error);

/* (transfer none) */
const char              *straits_dataset_get_filename (StraitsDataset *self);
/* (transfer none) */
const StraitsMetadata   *straits_dataset_get_metadata (StraitsDataset *self);
/* (transfer none): the metadata's id, else the file's name without extension. */
const char              *straits_dataset_get_id       (StraitsDataset *self);

guint                    straits_dataset_get_n_sources        (StraitsDataset *self);
/* (transfer none) */
const StraitsSource     *straits_dataset_get_source           (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_relation_types (StraitsDataset *self);
/* (transfer none) */
const StraitsTypeDef    *straits_dataset_get_relation_type    (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_event_types    (StraitsDataset *self);
/* (transfer none) */
const StraitsTypeDef    *straits_dataset_get_event_type       (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_actors         (StraitsDataset *self);
/* (transfer none) */
const StraitsActor      *straits_dataset_get_actor            (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_groupings      (StraitsDataset *self);
/* (transfer none) */
const StraitsGrouping   *straits_dataset_get_grouping         (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_relations      (StraitsDataset *self);
/* (transfer none) */
const StraitsRelation   *straits_dataset_get_relation         (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_events         (StraitsDataset *self);
/* (transfer none) */
const StraitsEvent      *straits_dataset_get_event            (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_figures        (StraitsDataset *self);
/* (transfer none) */
const StraitsFigure     *straits_dataset_get_figure           (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_views          (StraitsDataset *self);
/* (transfer none) */
const StraitsView       *straits_dataset_get_view             (StraitsDataset *self, guint index);
guint                    straits_dataset_get_n_annotations    (StraitsDataset *self);
/* (transfer none) */
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

/* Indices. The returned arrays belong to the dataset.
 * (transfer none); @n: (out) */
const guint32 *straits_dataset_relations_of_actor (StraitsDataset *self,
                                                   guint32         actor,
                                                   guint          *n);
/* (transfer none); @n: (out) */
const guint32 *straits_dataset_events_of_actor    (StraitsDataset *self,
                                                   guint32         actor,
                                                   guint          *n);
/* (transfer none); @n: (out) */
const guint32 *straits_dataset_events_by_date     (StraitsDataset *self,
                                                   guint          *n);
/* (transfer none) (nullable) */
const StraitsGroup *straits_dataset_group_of_actor (StraitsDataset *self,
                                                    guint32         grouping,
                                                    guint32         actor);

/* Queries. They return new arrays of indices in date order.
 * (transfer full): a GArray of event indices */
GArray  *straits_dataset_query_events    (StraitsDataset    *self,
                                          guint32            actor_a,
                                          guint32            actor_b,
                                          const StraitsDate *from,
                                          const StraitsDate *to);
/* (transfer full): a GArray of relation indices */
GArray  *straits_dataset_relations_active_at (StraitsDataset    *self,
                                              const StraitsDate *date);
/* Where a relation or event stands at a date on the time slider (see
 * docs/dataset-format.md, *Time*): ACTIVE, drawn as usual; NOT_YET, it
 * begins later; ENDED, it was over by then; DATE_UNKNOWN, nothing says
 * whether it held then (no dates, or an unknown start before the first
 * date it is attested at), drawn in the "date unknown" style. With no
 * date (all dates) everything is ACTIVE. */
typedef enum {
  STRAITS_TIME_ACTIVE,
  STRAITS_TIME_NOT_YET,
  STRAITS_TIME_ENDED,
  STRAITS_TIME_DATE_UNKNOWN,
} StraitsTimeState;

/* @date: (nullable): unset or NULL for all dates */
StraitsTimeState straits_relation_state_at (const StraitsRelation *relation,
                                            const StraitsDate     *date);
/* @date: (nullable): unset or NULL for all dates */
StraitsTimeState straits_event_state_at    (const StraitsEvent    *event,
                                            const StraitsDate     *date);
/* A grouping's span ("start", "end", "attested") by the relations' rules:
 * a view coloured by it shows it only while it is not NOT_YET or ENDED.
 * @date: (nullable): unset or NULL for all dates */
StraitsTimeState straits_grouping_state_at (const StraitsGrouping *grouping,
                                            const StraitsDate     *date);
/* Whether the relation is ACTIVE at @date. */
gboolean straits_relation_is_active_at   (const StraitsRelation *relation,
                                          const StraitsDate     *date);
/* @first, @last: (out) (transfer none) (nullable) */
gboolean straits_relation_get_span      (const StraitsRelation  *relation,
                                          const StraitsDate     **first,
                                          const StraitsDate     **last);
/* (transfer full) */
char    *straits_relation_format_dates  (const StraitsRelation *relation);
gboolean straits_event_involves          (const StraitsEvent *event,
                                          guint32             actor);
/* Whether a filter of relation types (a view's, a scene's) lets @type
 * through; @types NULL: every type. */
gboolean straits_relation_types_include  (const guint32      *types,
                                          guint               n_types,
                                          guint32             type);
/* Whether @actor is @figure's subject or one of its values. */
gboolean straits_figure_concerns         (const StraitsFigure *figure,
                                          guint32              actor);

/* (transfer full) */
char    *straits_dataset_summarize       (StraitsDataset *self);

/* `straits --check --strict` (straits-dataset-strict.c).
 * (transfer full): the array frees its diagnostics */
GPtrArray *straits_dataset_check_strict  (StraitsDataset *self);
/* @heading: (out) (optional) (transfer full); @paragraph: (out) (optional) */
gboolean   straits_locator_parse         (const char     *locator,
                                          char          **heading,
                                          guint          *paragraph);

G_END_DECLS
