/* straits-renderer-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *straits_choose_gsk_renderer (void);

G_END_DECLS
