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

/* Where the members of a top-level object stand in the text, and the
 * elements of those that are arrays: byte offsets, end exclusive. */
typedef struct {
  gsize start;
  gsize end;
} StraitsJsonSpan;

typedef struct {
  char *name;             /* as written, escapes not decoded */
  StraitsJsonSpan value;
  GArray *elements;       /* StraitsJsonSpan, when the value is an array */
} StraitsJsonMember;

GArray  *straits_json_outline_new   (void);

gboolean straits_json_prescan       (const char         *text,
                                     gsize               length,
                                     guint               max_depth,
                                     GArray             *outline,
                                     StraitsJsonProblem *problem);

void     straits_json_position_at   (const char         *text,
                                     gsize               offset,
                                     guint              *line,
                                     guint              *column);

GHashTable *straits_json_locate     (const char         *text,
                                     gsize               length,
                                     GHashTable         *wanted_paths);

G_END_DECLS
