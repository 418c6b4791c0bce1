/* straits-json-scan.h: checks on raw JSON text before and after parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint line;
  guint column;
  char *message;
} StraitsJsonProblem;

void     straits_json_problem_clear (StraitsJsonProblem *problem);

gboolean straits_json_prescan       (const char         *text,
                                     gsize               length,
                                     guint               max_depth,
                                     StraitsJsonProblem *problem);

void     straits_json_position_at   (const char         *text,
                                     gsize               offset,
                                     guint              *line,
                                     guint              *column);

GHashTable *straits_json_locate     (const char         *text,
                                     gsize               length,
                                     GHashTable         *wanted_paths);

G_END_DECLS
