/* straits-projection-memo-private.h: a projection's answers, kept for the next start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _StraitsProjectionMemo StraitsProjectionMemo;

/* What an array of points is known by: 128 bits of hash over its lon,
 * lat values, and its length. */
typedef struct {
  guint64 h1, h2;
  gsize n_points;
} StraitsMemoKey;

/* The memo kept in @path, when it was written for @identity (the
 * projection's definition and the PROJ library that computed it), else
 * NULL: a missing, unreadable, damaged or other file is not an error, the
 * projection is computed then. (transfer full) (nullable) */
StraitsProjectionMemo *_straits_projection_memo_load  (const char *path,
                                                       const char *identity);
/* As _straits_projection_memo_load(), from the file's contents (tests
 * and fuzzing). (transfer full) (nullable) */
StraitsProjectionMemo *_straits_projection_memo_from_bytes (GBytes     *bytes,
                                                            const char *path,
                                                            const char *identity);
/* The memo file's contents for @points (a(dddd)) and @arrays (a(ttad))
 * written for @identity, with the hash over them that a reader checks.
 * (transfer full) */
GVariant              *_straits_projection_memo_seal (GVariant   *points,
                                                      GVariant   *arrays,
                                                      const char *identity);
/* An empty memo, to be filled and written to @path. (transfer full) */
StraitsProjectionMemo *_straits_projection_memo_new   (const char *path,
                                                       const char *identity);
void                   _straits_projection_memo_free  (StraitsProjectionMemo *memo);

/* Looks up a point by its lon, lat (bit for bit). Safe from any thread. */
gboolean _straits_projection_memo_point  (StraitsProjectionMemo *memo,
                                          double                 lon,
                                          double                 lat,
                                          double                *x,
                                          double                *y);
/* Replaces @n_points lon, lat pairs of @xy with what the memo holds for
 * exactly that array; FALSE (and @xy untouched) when it holds none. @key:
 * (out): the array's key, for _straits_projection_memo_add_array(). */
gboolean _straits_projection_memo_array  (StraitsProjectionMemo *memo,
                                          double                *xy,
                                          gsize                  n_points,
                                          StraitsMemoKey        *key);
/* Adds what was just computed, for the next start. Safe from any thread;
 * past a bound, the rest is not kept. */
void     _straits_projection_memo_add_point (StraitsProjectionMemo *memo,
                                             double                 lon,
                                             double                 lat,
                                             double                 x,
                                             double                 y);
/* @xy: what the array of @key was projected to. */
void     _straits_projection_memo_add_array (StraitsProjectionMemo *memo,
                                             const StraitsMemoKey  *key,
                                             const double          *xy);
/* What _straits_projection_memo_save() writes. (transfer full) */
GVariant *_straits_projection_memo_contents (StraitsProjectionMemo *memo);
/* Writes the memo (what was read and what was added) to its file, when
 * something was added. */
gboolean _straits_projection_memo_save   (StraitsProjectionMemo  *memo,
                                          GError                **error);

G_END_DECLS
