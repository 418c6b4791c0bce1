/* straits-dataset-diff.h: what changed between two datasets
 *
 * Items are matched by id, never by position: reordering a file changes
 * nothing. Each item is compared field by field on its values as a reader
 * sees them (references as ids, dates as written, citations as source and
 * locator), so a change of one relation's start is one field, and a new
 * actor that shifts every index after it changes nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_DIFF_REMOVED,
  STRAITS_DIFF_ADDED,
  STRAITS_DIFF_CHANGED,
} StraitsDiffChange;

/* One field of a changed item: its values in the old and the new dataset,
 * NULL where the field is absent. */
typedef struct {
  char *field;       /* "start", "sources", "value[TUR]", … */
  char *old_value;
  char *new_value;
} StraitsDiffField;

typedef struct {
  StraitsDiffChange change;
  const char *kind;  /* "metadata", "source", "relation-type", "event-type",
                      * "actor", "grouping", "group", "relation", "event",
                      * "figure", "view", "annotation" */
  char *id;          /* a group's is "GROUPING/GROUP" */
  GPtrArray *fields; /* StraitsDiffField; empty unless CHANGED */
} StraitsDiffItem;

/* The differences from @old_dataset to @new_dataset: a new array of
 * StraitsDiffItem, empty when the datasets say the same. Ordered by kind
 * (as above), then removed items in the old file's order, added ones in
 * the new file's, changed ones in the old file's.
 * (transfer full): the array frees its StraitsDiffItems */
GPtrArray *straits_dataset_diff (StraitsDataset *old_dataset,
                                 StraitsDataset *new_dataset);

guint      straits_diff_count   (GPtrArray         *items,
                                 StraitsDiffChange  change);

/* What a reader sees of @item: a heading ("Changed relation rel-x"),
 * then for a changed item one line per field ("start: 2019 → 2020"), a
 * value's line breaks shown as spaces, an absent value as "—". Translated; dataset text as is
 * (escape it for markup). (transfer full): NULL-terminated */
char     **straits_diff_item_describe (const StraitsDiffItem *item);
/* The ids of the items of @kind ("relation") added or changed, each to
 * its StraitsDiffChange; the removed are left out, so that an id not
 * found (0) is neither. (transfer full) */
GHashTable *straits_diff_changed_ids (GPtrArray        *items,
                                      const char       *kind);
/* "2 added, 1 removed, 3 changed", translated. (transfer full) */
char      *straits_diff_summary  (GPtrArray         *items);

/* How @dataset names its version, for "Changed since …": "VERSION
 * (DATE)" from its metadata, or either alone, else its id.
 * (transfer full) */
char      *straits_diff_version_label (StraitsDataset *dataset);

G_END_DECLS
