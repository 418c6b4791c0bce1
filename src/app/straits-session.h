/* straits-session.h: what the application holds
 *
 * One session per application (as GNOME Text Editor's EditorSession): the
 * atlas of basemaps, the open dataset and the file it came from, its data
 * layers (a SIPRI trade register), the measured territorial seas and the
 * user's bookmarks, and the version of the dataset it is compared with.
 * Windows show the session; the slides of a
 * presentation are collected here, for the window and the handout alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-atlas.h"
#include "straits-bookmarks.h"
#include "straits-dataset.h"
#include "straits-maritime.h"
#include "straits-sipri-register.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_SESSION (straits_session_get_type ())

G_DECLARE_FINAL_TYPE (StraitsSession, straits_session, STRAITS, SESSION, GObject)

/* (transfer full) */
StraitsSession        *straits_session_new              (void);
/* (transfer none) */
StraitsAtlas          *straits_session_get_atlas        (StraitsSession        *self);
/* (transfer none) (nullable) */
StraitsDataset        *straits_session_get_dataset      (StraitsSession        *self);
/* (transfer none) (nullable) */
GFile                 *straits_session_get_file         (StraitsSession        *self);
/* The dataset shown, read from @file (NULL: not from a file). */
void                   straits_session_set_dataset      (StraitsSession        *self,
                                                         StraitsDataset        *dataset,
                                                         GFile                 *file);
/* The version the dataset is compared with ("Compare With…", or the one
 * a reload replaced when it changed something), or NULL; @baseline NULL
 * stops comparing. Opening another file stops it too. */
void                   straits_session_set_baseline     (StraitsSession        *self,
                                                         StraitsDataset        *baseline);
/* (transfer none) (nullable) */
StraitsDataset        *straits_session_get_baseline     (StraitsSession        *self);
/* (transfer none) (nullable): StraitsDiffItem from the baseline to the
 * dataset (straits_dataset_diff()); NULL while not comparing. */
GPtrArray             *straits_session_get_changes      (StraitsSession        *self);
/* (transfer none) (nullable) */
StraitsSipriRegister  *straits_session_get_sipri        (StraitsSession        *self);
/* (transfer none) (nullable) */
GFile                 *straits_session_get_sipri_file   (StraitsSession        *self);
void                   straits_session_set_sipri        (StraitsSession        *self,
                                                         StraitsSipriRegister  *sipri,
                                                         GFile                 *file);
/* (transfer none) (nullable): NULL until measured. */
const StraitsMaritimeReport *straits_session_get_maritime (StraitsSession      *self);
/* (transfer full) @report */
void                   straits_session_take_maritime    (StraitsSession        *self,
                                                         StraitsMaritimeReport *report);
/* The user's bookmarks, read on first use; a file that could not be read
 * gives an empty set and, that once, @error. (transfer none) */
StraitsBookmarks      *straits_session_get_bookmarks    (StraitsSession        *self,
                                                         GError               **error);
gboolean               straits_session_save_bookmarks   (StraitsSession        *self,
                                                         GError               **error);
/* (transfer none) */
const char            *straits_session_get_bookmarks_path (StraitsSession      *self);
/* The presentation's slides for the dataset shown: its @n_views views,
 * then the bookmarks made on it. (transfer full): StraitsSlide */
GArray                *straits_session_list_slides      (StraitsSession        *self,
                                                         guint                  n_views);

G_END_DECLS
