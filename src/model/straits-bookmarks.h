/* straits-bookmarks.h: the user's saved map states, for briefings
 *
 * Kept beside the user's data (not inside the dataset), in one JSON file
 * written atomically. A damaged file is reported and set aside, never
 * overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

#define STRAITS_BOOKMARKS_ERROR (straits_bookmarks_error_quark ())

typedef enum {
  STRAITS_BOOKMARKS_ERROR_DAMAGED,   /* not read (damaged, unreadable): set aside */
  STRAITS_BOOKMARKS_ERROR_KEPT,      /* not read and not movable: left, never saved over */
} StraitsBookmarksError;

typedef struct {
  char *title;
  char *dataset;          /* the dataset's title: bookmarks of other datasets are kept, not shown */
  char *view;             /* view id */
  gboolean has_viewport;
  double cx, cy, resolution;
  char *time;             /* "YYYY[-MM[-DD]]" or NULL for all dates */
  char **selection;       /* ids, NULL-terminated, or NULL */
  char *page;             /* the side panel's page, or NULL */
  char *dataset_id;       /* straits_dataset_get_id(); NULL in files saved before ids */
  /* A slide keeps what it showed even when the dataset's view is later
   * defined otherwise: NULL in files saved before, meaning the view's own. */
  char **overlays;        /* overlay ids; empty: none */
  char **relation_types;  /* relation type ids; empty: none */
  char *notes;            /* the speaker's notes, or NULL */
} StraitsBookmark;

/* What a bookmark's selection names in a dataset: actors, and the first
 * relation or event among its ids (ids the dataset lacks are skipped). */
typedef struct {
  GArray *actors;         /* guint32 */
  guint32 relation;       /* or STRAITS_NO_INDEX */
  guint32 event;          /* or STRAITS_NO_INDEX */
  GArray *relation_types; /* guint32, or NULL: the view's own (unknown ids are skipped) */
} StraitsBookmarkTarget;

/* A presentation's slide: one of the dataset's views, or a bookmark. */
typedef struct {
  gboolean is_bookmark;
  guint index;            /* into the views, or into the bookmarks */
} StraitsSlide;

typedef struct _StraitsBookmarks StraitsBookmarks;

GQuark            straits_bookmarks_error_quark (void);
/* (transfer full) */
StraitsBookmarks *straits_bookmarks_new      (void);
void              straits_bookmarks_free     (StraitsBookmarks       *self);
/* (transfer full): never NULL, an empty list when @error is set */
StraitsBookmarks *straits_bookmarks_load     (const char             *path,
                                              GError                **error);
/* (transfer full) (nullable): NULL when @bytes are not bookmarks */
StraitsBookmarks *straits_bookmarks_parse    (GBytes                 *bytes);
gboolean          straits_bookmarks_save     (StraitsBookmarks       *self,
                                              const char             *path,
                                              GError                **error);
guint             straits_bookmarks_get_n    (StraitsBookmarks       *self);
/* (transfer none) */
const StraitsBookmark *straits_bookmarks_get (StraitsBookmarks       *self,
                                              guint                   index);
void              straits_bookmarks_add      (StraitsBookmarks       *self,
                                              const StraitsBookmark  *bookmark);
void              straits_bookmarks_remove   (StraitsBookmarks       *self,
                                              guint                   index);
void              straits_bookmarks_move     (StraitsBookmarks       *self,
                                              guint                   from,
                                              guint                   to);
void              straits_bookmarks_rename   (StraitsBookmarks       *self,
                                              guint                   index,
                                              const char             *title);
/* @notes NULL or empty: none. */
void              straits_bookmarks_set_notes (StraitsBookmarks      *self,
                                              guint                   index,
                                              const char             *notes);
/* (transfer full) */
char             *straits_bookmarks_default_path (void);
/* Whether @bookmark was made on @dataset (or on another version of it). */
gboolean          straits_bookmark_belongs_to (const StraitsBookmark  *bookmark,
                                              StraitsDataset         *dataset);
/* Fills @target (clear it with straits_bookmark_target_clear()).
 * @target: (out caller-allocates) */
void              straits_bookmark_resolve   (const StraitsBookmark  *bookmark,
                                              StraitsDataset         *dataset,
                                              StraitsBookmarkTarget  *target);
void              straits_bookmark_target_clear (StraitsBookmarkTarget *target);
/* The slides of a presentation: the @n_views views, then the bookmarks
 * made on @dataset, in their order. (transfer full): StraitsSlide */
GArray           *straits_bookmarks_list_slides (StraitsBookmarks     *self,
                                              guint                   n_views,
                                              StraitsDataset         *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsBookmarks, straits_bookmarks_free)

G_END_DECLS
