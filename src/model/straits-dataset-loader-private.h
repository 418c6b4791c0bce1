/* straits-dataset-loader-private.h: what the loader's files share
 *
 * The loader is in three files: straits-dataset-loader-json.c reads JSON
 * values and reports problems at their JSON path,
 * straits-dataset-loader-items.c reads each kind of item with those, and
 * straits-dataset-loader.c reads the file (in pieces where it can, within
 * a memory budget) and finishes the dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "straits-dataset-private.h"

G_BEGIN_DECLS

#define MAX_ID_LENGTH 64
/* Lengths in characters, chosen from what the window lays out at once
 * without a visible pause (docs/dataset-format.md, bench/bench-texts.c):
 * names, titles and labels are shown whole on one or two lines; long
 * texts (descriptions, summaries, notes, quotes) are wrapped. */
#define MAX_NAME_LENGTH 200
#define MAX_URL_LENGTH 2000
#define MAX_TEXT_LENGTH 5000

typedef struct {
  StraitsDataset *ds;
  const char *file;
  GPtrArray *diags;
  guint n_errors;
  gboolean stop;
  GPtrArray *actor_countries; /* interned country id per actor, while loading */
  gsize budget;               /* bytes the load may use */
  gsize string_bytes;         /* interned so far */
  gboolean over_budget;
  GHashTable *warning_kinds;  /* message format → WarningKind */
  GHashTable *known_names;    /* every member name the format has */
  guint n_suggestions;        /* "did you mean …?" searches made */
} Loader;

/* Where an item stands: "relations" and 12 make "relations[12]"; with a
 * parent, "relations[12]" and "sources", 0 make "relations[12].sources[0]".
 * Paths are only spelled out when there is something to report. */
typedef struct Ctx Ctx;
struct Ctx {
  const Ctx *parent;
  const char *list;
  guint index;        /* G_MAXUINT: the member itself, not a list element */
};

typedef enum {
  OPTIONAL = 0,
  REQUIRED = 1 << 0,
  SHARED   = 1 << 1, /* a short string that recurs: store it once */
} Flags;

/* Pool offsets are stored as offset + 1 so that 0 still means "none". */
#define POOL_REF(offset) ((gpointer) (gsize) ((offset) + 1))

static inline gconstpointer
pool_ptr (gconstpointer encoded,
          gconstpointer base,
          gsize         element_size)
{
  gsize offset = (gsize) encoded;

  /* An empty list into a pool that has no storage yet: NULL + 0 is
   * undefined behaviour, and NULL is what it would have given. */
  if (offset == 0 || base == NULL)
    return NULL;
  return (const char *) base + (offset - 1) * element_size;
}

/* Where a value stands: @member of the item @c (the item itself when
 * NULL), and element @index of that (G_MAXUINT: none). Spelled out only
 * when there is something to report, since most values have nothing. */
typedef struct {
  const Ctx *c;
  const char *member;
  guint index;
} Where;

typedef void (*LoadItemFunc) (Loader *L, const Ctx *c, JsonObject *o, gpointer item);

/* Reading values (straits-dataset-loader-json.c) */

void _straits_warning_kind_free (gpointer data);
void _straits_report (Loader *L, StraitsSeverity severity, Where path, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
void _straits_summarize_warnings (Loader *L);
Where _straits_at_member (const Ctx *c, const char *member);
Where _straits_at_item (const Ctx *c);
Where _straits_at_element (Where where, guint index);
void _straits_wrong_type (Loader *L, Where path, const char *expected, JsonNode *node);
JsonNode *_straits_get_member (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                               Flags flags);
gboolean _straits_is_string (JsonNode *node);
const char *_straits_intern (Loader *L, const char *text, Flags flags);
const char *_straits_check_string (Loader *L, Where path, JsonNode *node, Flags flags,
                                   gsize max_length);
const char *_straits_want_string (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                                  Flags flags, gsize max_length);
const char *_straits_check_id_text (Loader *L, Where path, JsonNode *node);
const char *_straits_want_id (Loader *L, const Ctx *c, JsonObject *o, GHashTable *ids);
guint32 _straits_check_ref (Loader *L, Where path, JsonNode *node, GHashTable *ids,
                            const char *what);
guint32 _straits_want_ref (Loader *L, const Ctx *c, JsonObject *o, const char *member, Flags flags,
                           GHashTable *ids, const char *what);
JsonArray *_straits_want_array (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                                Flags flags);
JsonObject *_straits_want_object (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                                  Flags flags);
gpointer _straits_want_ref_list (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                                 GHashTable *ids, const char *what, guint *n);
gpointer _straits_want_strv (Loader *L, const Ctx *c, JsonObject *o, const char *member);
gboolean _straits_want_number (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                               Flags flags, double min, double max, double *out);
gboolean _straits_want_date (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                             Flags flags, StraitsDate *out);
void _straits_want_date_or_unknown (Loader *L, const Ctx *c, JsonObject *o, const char *member,
                                    StraitsDate *out, gboolean *unknown);
gboolean _straits_want_boolean (Loader *L, const Ctx *c, JsonObject *o, const char *member);
void _straits_want_colour (Loader *L, const Ctx *c, JsonObject *o, Flags flags, StraitsColour *out);
int _straits_want_enum (Loader *L, const Ctx *c, JsonObject *o, const char *member, Flags flags,
                        const char *const *names, int fallback);
gboolean _straits_check_point (Loader *L, Where path, JsonNode *node, double *lon, double *lat);
StraitsCitations _straits_want_citations (Loader *L, const Ctx *c, JsonObject *o);
void _straits_check_members (Loader *L, const Ctx *c, JsonObject *o, const char *const *known);

/* Reading items (straits-dataset-loader-items.c) */

void _straits_load_source (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_actor (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_resolve_actor_countries (Loader *L);
void _straits_load_grouping (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_annotation (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_relation (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_event (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_figure (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_view (Loader *L, const Ctx *c, JsonObject *o, gpointer item);
void _straits_load_item (Loader *L, const char *list, guint index, JsonNode *element, GArray *items,
                         LoadItemFunc load);
void _straits_load_list (Loader *L, JsonObject *parent, const char *parent_path, const char *member,
                         GArray *items, LoadItemFunc load);
void _straits_load_metadata (Loader *L, JsonObject *root);
void _straits_load_vocabulary (Loader *L, JsonObject *root);

G_END_DECLS
