/* straits-trace.h: time stamps of the start-up's steps (STRAITS_TRACE)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With STRAITS_TRACE set, prints "straits-trace: T ms  STEP" on standard
 * error, T counted from the time STRAITS_TRACE gives (nanoseconds since
 * the epoch, as `date +%s%N` prints them: the moment a script launched the
 * program) or, for any other value, from the first step traced. Does
 * nothing otherwise. Any thread may call it. */
void straits_trace (const char *step);

G_END_DECLS
