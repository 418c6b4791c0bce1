/* straits-text-fold.h: text folded for matching, whatever the case and
 * the accents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full) */
char    *straits_text_fold          (const char *text);
/* Whether @text (nullable) contains @folded_needle, already folded. */
gboolean straits_text_fold_contains (const char *text,
                                     const char *folded_needle);

/* @text folded and cut into words at spaces. (transfer full) */
GStrv    straits_text_fold_words    (const char *text);
/* Whether every one of @folded_words is in one of the @n_texts @texts
 * (nullable each), in any order: "close france relations" finds "Close
 * relations: France → Greece". No words: TRUE. */
gboolean straits_text_fold_matches  (const char *const *texts,
                                     guint               n_texts,
                                     const char *const  *folded_words);

G_END_DECLS
