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

/* Where the members of a top-level object stand in the text: byte
 * offsets, end exclusive. The elements of arrays are not recorded (that
 * would cost memory in proportion to their number, however small each
 * is); straits_json_next_element() finds them when they are read. */
typedef struct {
  gsize start;
  gsize end;
} StraitsJsonSpan;

typedef struct {
  char *name;             /* as written, escapes not decoded */
  StraitsJsonSpan value;
  gboolean is_array;
} StraitsJsonMember;

/* (transfer full): clears its members' names */
GArray  *straits_json_outline_new   (void);

gboolean straits_json_prescan       (const char         *text,
                                     gsize               length,
                                     guint               max_depth,
                                     GArray             *outline,
                                     StraitsJsonProblem *problem);

/* An object with more members is refused: the format's objects have a
 * dozen at most, and each member costs memory while it is checked. */
#define STRAITS_JSON_MAX_MEMBERS 1000

/* Over text that straits_json_prescan() accepted: the next element of
 * the array whose '[' or last ',' is before *@pos. Returns FALSE at its
 * ']' (left in *@pos). @pos: (inout); @span: (out caller-allocates) */
gboolean straits_json_next_element  (const char         *text,
                                     gsize               end,
                                     gsize              *pos,
                                     StraitsJsonSpan    *span);
/* The end of the value starting at @pos, in accepted text. */
gsize    straits_json_skip_value    (const char         *text,
                                     gsize               end,
                                     gsize               pos);

/* Appends accepted text [@from, @to) to @out (when not NULL), with the
 * value of every member whose name is not in @known (a set of names)
 * replaced by null, so that no parser builds a tree of what will be
 * ignored; short scalar values are kept (they cost no more than their
 * name, and some objects are keyed by the dataset's own names). Names written with escapes are kept as they are. Returns
 * about how many values the appended text holds. */
gsize    straits_json_append_pruned (GString            *out,
                                     const char         *text,
                                     gsize               from,
                                     gsize               to,
                                     GHashTable         *known);

/* @line, @column: (out) */
void     straits_json_position_at   (const char         *text,
                                     gsize               offset,
                                     guint              *line,
                                     guint              *column);

/* (transfer full) */
GHashTable *straits_json_locate     (const char         *text,
                                     gsize               length,
                                     GHashTable         *wanted_paths);

G_END_DECLS
