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

G_END_DECLS
