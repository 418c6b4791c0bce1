/* straits-renderer-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer none): a static string */
const char *straits_choose_gsk_renderer (void);

G_END_DECLS
