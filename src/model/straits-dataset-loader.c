/* straits-dataset-loader.c: reads, validates and indexes a dataset file
 *
 * The loader checks everything a hand-written file can get wrong and keeps
 * going after a problem, so that one run of `straits --check` lists them
 * all (up to STRAITS_DATASET_MAX_ERRORS).
 *
 * Items refer to pools (citations, index lists, string lists) by offset
 * while loading, since the pools still grow; finish_pools() turns the
 * offsets into pointers once nothing grows any more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-country-names.h"
#include "straits-dataset-private.h"
#include "straits-json-scan.h"
#include "straits-safe-file.h"

#define MAX_ID_LENGTH 64
/* Lengths in characters, chosen from what the window lays out at once
 * without a visible pause (docs/dataset-format.md, bench/bench-texts.c):
 * names, titles and labels are shown whole on one or two lines; long
 * texts (descriptions, summaries, notes, quotes) are wrapped. */
#define MAX_NAME_LENGTH 200
#define MAX_URL_LENGTH 2000
#define MAX_TEXT_LENGTH 5000
/* Warnings of one kind listed before the rest are only counted. */
#define MAX_WARNINGS_PER_KIND 20

/* What a load may use besides the file itself: LOAD_BUDGET_FACTOR times
 * its size, and LOAD_BUDGET_FLOOR at least (docs/dataset-format.md). */
#define LOAD_BUDGET_FACTOR 8
#define LOAD_BUDGET_FLOOR ((gsize) 64 << 20)
/* What json-glib takes per value it parses, about, on 64-bit systems. */
#define TREE_BYTES_PER_VALUE 128

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

typedef struct {
  guint64 count;
  char *first;                /* the first message of the kind */
} WarningKind;

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

static gconstpointer
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

/* Reporting ------------------------------------------------------------ */

/* Where a value stands: @member of the item @c (the item itself when
 * NULL), and element @index of that (G_MAXUINT: none). Spelled out only
 * when there is something to report, since most values have nothing. */
typedef struct {
  const Ctx *c;
  const char *member;
  guint index;
} Where;

static char *where_to_string (Where where);

static void
warning_kind_free (gpointer data)
{
  WarningKind *kind = data;

  g_free (kind->first);
  g_free (kind);
}

/* Whether a warning of the kind @format is still listed; the rest are
 * counted (a file with millions of unknown members would otherwise
 * take gigabytes of messages). */
static gboolean
count_warning (Loader *L, const char *format)
{
  WarningKind *kind = g_hash_table_lookup (L->warning_kinds, format);

  if (kind == NULL)
    {
      kind = g_new0 (WarningKind, 1);
      g_hash_table_insert (L->warning_kinds, (gpointer) format, kind);
    }
  return ++kind->count <= MAX_WARNINGS_PER_KIND;
}

static void report (Loader *L, StraitsSeverity severity, Where path,
                    const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
report (Loader          *L,
        StraitsSeverity  severity,
        Where            path,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (L->stop)
    return;
  if (severity == STRAITS_SEVERITY_WARNING && !count_warning (L, format))
    return;
  if (severity == STRAITS_SEVERITY_ERROR && ++L->n_errors > STRAITS_DATASET_MAX_ERRORS)
    {
      g_ptr_array_add (L->diags,
                       straits_diagnostic_new (severity, L->file, NULL,
                                               _("too many errors; stopped checking")));
      L->stop = TRUE;
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (severity == STRAITS_SEVERITY_WARNING)
    {
      WarningKind *kind = g_hash_table_lookup (L->warning_kinds, format);

      if (kind->first == NULL)
        kind->first = g_strdup (message);
    }
  {
    g_autofree char *text = where_to_string (path);

    g_ptr_array_add (L->diags, straits_diagnostic_new (severity, L->file, text, message));
  }
}

/* "1,234,567" */
static char *
format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* One line per kind of warning that was only counted. */
static void
summarize_warnings (Loader *L)
{
  GHashTableIter iter;
  WarningKind *kind;

  g_hash_table_iter_init (&iter, L->warning_kinds);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &kind))
    if (kind->count > MAX_WARNINGS_PER_KIND)
      {
        g_autofree char *more = format_count (kind->count - MAX_WARNINGS_PER_KIND);
        /* Translators: "and 14,999,990 more like: unknown member “x” is ignored" */
        g_autofree char *message = g_strdup_printf (_("and %s more like: %s"), more, kind->first);

        g_ptr_array_add (L->diags, straits_diagnostic_new (STRAITS_SEVERITY_WARNING, L->file, NULL, message));
      }
}

/* Memory --------------------------------------------------------------- */

static gsize
array_bytes (GArray *array)
{
  /* Arrays grow by doubling: up to twice what they hold. */
  return 2 * (gsize) array->len * g_array_get_element_size (array);
}

/* About what the dataset being built takes so far. */
static gsize
loader_footprint (Loader *L)
{
  StraitsDataset *ds = L->ds;
  GArray *arrays[] = { ds->sources, ds->relation_types, ds->event_types, ds->actors,
                       ds->groupings, ds->relations, ds->events, ds->figures, ds->views,
                       ds->annotations, ds->citations, ds->indices, ds->groups,
                       ds->figure_values, ds->coords };
  GHashTable *tables[] = { ds->source_ids, ds->relation_type_ids, ds->event_type_ids,
                           ds->actor_ids, ds->iso3_ids, ds->grouping_ids, ds->relation_ids,
                           ds->event_ids, ds->figure_ids, ds->view_ids, ds->annotation_ids };
  gsize bytes = L->string_bytes + 2 * (gsize) ds->strvs->len * sizeof (gpointer) +
                2 * (gsize) L->actor_countries->len * sizeof (gpointer) +
                (gsize) L->diags->len * 256;

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    bytes += array_bytes (arrays[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    bytes += (gsize) g_hash_table_size (tables[i]) * 64;
  return bytes;
}

/* Whether @extra more bytes fit the budget; refuses the file once they
 * do not, before they are taken. */
static gboolean
within_budget (Loader *L, gsize extra)
{
  g_autofree char *budget = NULL, *message = NULL;

  if (L->over_budget)
    return FALSE;
  if (loader_footprint (L) + extra <= L->budget)
    return TRUE;
  budget = g_format_size (L->budget);
  message = g_strdup_printf (_("reading this file would take more than %s of memory, the most a "
                               "dataset may use (%d times its size, at least %d MB): it holds too "
                               "many items, or too much in members Straits ignores"),
                             budget, LOAD_BUDGET_FACTOR, (int) (LOAD_BUDGET_FLOOR >> 20));
  g_ptr_array_add (L->diags, straits_diagnostic_new (STRAITS_SEVERITY_ERROR, L->file, NULL, message));
  L->n_errors++;
  L->over_budget = TRUE;
  L->stop = TRUE;
  return FALSE;
}

static gsize
tree_cost (gsize n_values, gsize n_bytes)
{
  return n_values * TREE_BYTES_PER_VALUE + n_bytes;
}

static void
append_path (GString *s, const Ctx *c)
{
  if (c->parent != NULL)
    {
      append_path (s, c->parent);
      g_string_append_c (s, '.');
    }
  g_string_append (s, c->list);
  if (c->index != G_MAXUINT)
    g_string_append_printf (s, "[%u]", c->index);
}


static Where
at_member (const Ctx *c, const char *member)
{
  return (Where) { c, member, G_MAXUINT };
}

static Where
at_item (const Ctx *c)
{
  return (Where) { c, NULL, G_MAXUINT };
}

static Where
at_element (Where where, guint index)
{
  where.index = index;
  return where;
}

static char *
where_to_string (Where where)
{
  GString *s = g_string_new (NULL);

  if (where.c != NULL && where.c->list != NULL)
    append_path (s, where.c);
  if (where.member != NULL)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, where.member);
    }
  if (where.index != G_MAXUINT)
    g_string_append_printf (s, "[%u]", where.index);
  return g_string_free (s, FALSE);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          return _("a string");
        if (t == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    }
}

static void
wrong_type (Loader     *L,
            Where       path,
            const char *expected,
            JsonNode   *node)
{
  /* Translators: "expected a string, found a number" */
  report (L, STRAITS_SEVERITY_ERROR, path, _("expected %s, found %s"), expected, describe_node (node));
}

/* Reads a member; NULL when absent or null, reporting if it is required. */
static JsonNode *
get_member (Loader     *L,
            const Ctx  *c,
            JsonObject *o,
            const char *member,
            Flags       flags)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  /* The schema gives no member a null: it does not stand for "absent". */
  if (node != NULL && !(flags & REQUIRED))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, member),
            _("null is not a value here: leave the member out, or give it a value"));
  else if (flags & REQUIRED)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, NULL),
            _("missing required member “%s”"), member);
  return NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

static const char *
intern (Loader     *L,
        const char *text,
        Flags       flags)
{
  L->string_bytes += strlen (text) + 1;
  if (flags & SHARED)
    return g_string_chunk_insert_const (L->ds->strings, text);
  return g_string_chunk_insert (L->ds->strings, text);
}

/* Bidirectional formatting characters (Unicode's UAX #9) change how the
 * text around them is ordered on screen: "abc\u202Efdp.exe" shows as
 * "abcexe.pdf". UTS #39 (security mechanisms) recommends against them in
 * identifiers; names are what people tell items apart by, so they are
 * refused there too. */
static const struct {
  gunichar ch;
  const char *name;
} bidi_controls[] = {
  { 0x061C, "ARABIC LETTER MARK" },
  { 0x200E, "LEFT-TO-RIGHT MARK" },
  { 0x200F, "RIGHT-TO-LEFT MARK" },
  { 0x202A, "LEFT-TO-RIGHT EMBEDDING" },
  { 0x202B, "RIGHT-TO-LEFT EMBEDDING" },
  { 0x202C, "POP DIRECTIONAL FORMATTING" },
  { 0x202D, "LEFT-TO-RIGHT OVERRIDE" },
  { 0x202E, "RIGHT-TO-LEFT OVERRIDE" },
  { 0x2066, "LEFT-TO-RIGHT ISOLATE" },
  { 0x2067, "RIGHT-TO-LEFT ISOLATE" },
  { 0x2068, "FIRST STRONG ISOLATE" },
  { 0x2069, "POP DIRECTIONAL ISOLATE" },
};

static gboolean
check_no_bidi_controls (Loader     *L,
                        Where       path,
                        const char *text)
{
  guint position = 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p), position++)
    {
      gunichar ch;

      /* All of them are two or three bytes starting 0xD8 or 0xE2. */
      if ((guchar) *p != 0xD8 && (guchar) *p != 0xE2)
        continue;
      ch = g_utf8_get_char (p);
      for (guint i = 0; i < G_N_ELEMENTS (bidi_controls); i++)
        if (bidi_controls[i].ch == ch)
          {
            report (L, STRAITS_SEVERITY_ERROR, path,
                    _("the bidirectional control U+%04X %s at character %u is not allowed here: "
                      "it changes how the text around it reads"),
                    ch, bidi_controls[i].name, position);
            return FALSE;
          }
    }
  return TRUE;
}

/* Checks a string value and stores it; NULL when invalid. */
static const char *
check_string (Loader     *L,
              Where       path,
              JsonNode   *node,
              Flags       flags,
              gsize       max_length)
{
  const char *text;
  gsize length;

  if (!is_string (node))
    {
      wrong_type (L, path, _("a string"), node);
      return NULL;
    }
  text = json_node_get_string (node);
  length = strlen (text);
  if (length > max_length)
    length = (gsize) g_utf8_strlen (text, -1);
  if (length > max_length)
    {
      report (L, STRAITS_SEVERITY_ERROR, path,
              _("text too long (%lu characters; at most %lu here)"), (gulong) length, (gulong) max_length);
      return NULL;
    }
  /* Names and other short texts: a long text may quote right-to-left
   * script, and is shown in a label of its own. */
  if (max_length < MAX_TEXT_LENGTH && !check_no_bidi_controls (L, path, text))
    return NULL;
  if ((flags & REQUIRED) && length == 0)
    {
      report (L, STRAITS_SEVERITY_ERROR, path, _("must not be empty"));
      return NULL;
    }
  return intern (L, text, flags);
}

static const char *
want_string (Loader     *L,
             const Ctx  *c,
             JsonObject *o,
             const char *member,
             Flags       flags,
             gsize       max_length)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return NULL;
  return check_string (L, at_member (c, member), node, flags, max_length);
}

static gboolean
id_is_valid (const char *id)
{
  gsize n = 0;

  for (const char *p = id; *p; p++, n++)
    {
      char ch = *p;

      if (!g_ascii_isalnum (ch) && ch != '_' && ch != '-' && ch != '.' && ch != ':')
        return FALSE;
    }
  return n >= 1 && n <= MAX_ID_LENGTH;
}

static const char *
check_id_text (Loader     *L,
               Where       path,
               JsonNode   *node)
{
  const char *id;

  if (!is_string (node))
    {
      wrong_type (L, path, _("a string"), node);
      return NULL;
    }
  id = json_node_get_string (node);
  if (!id_is_valid (id))
    {
      report (L, STRAITS_SEVERITY_ERROR, path,
              _("invalid id: use 1 to %d letters, digits and _ - . :"), MAX_ID_LENGTH);
      return NULL;
    }
  return id;
}

/* Reads an item's id and registers it; of two items with one id, the
 * later is reported and the earlier kept. */
static const char *
want_id (Loader     *L,
         const Ctx  *c,
         JsonObject *o,
         GHashTable *ids)
{
  JsonNode *node = get_member (L, c, o, "id", REQUIRED);
  const char *id, *stored;
  guint32 other;

  if (node == NULL)
    return NULL;
  id = check_id_text (L, at_member (c, "id"), node);
  if (id == NULL)
    return NULL;
  stored = intern (L, id, OPTIONAL);
  other = straits_dataset_lookup (ids, stored);
  if (other != STRAITS_NO_INDEX)
    {
      Ctx first = { c->parent, c->list, other };
      g_autofree char *first_path = where_to_string (at_item (&first));

      report (L, STRAITS_SEVERITY_ERROR, at_member (c, "id"),
              _("duplicate id “%s” (also used by %s)"), stored, first_path);
      return stored;
    }
  g_hash_table_insert (ids, (gpointer) stored, GUINT_TO_POINTER (c->index + 1));
  return stored;
}

/* Suggestions are searched for in lists of at most this many ids, for the
 * first few unknown references only: each search reads the whole list. */
#define MAX_SUGGESTION_IDS 5000
#define MAX_SUGGESTIONS 20

static gsize
common_prefix (const char *a, const char *b)
{
  gsize n = 0;

  while (a[n] != '\0' && g_ascii_tolower (a[n]) == g_ascii_tolower (b[n]))
    n++;
  return n;
}

/* Of two ids as near to @id, whether @a is the better suggestion than @b:
 * the one that starts like @id (GRE: GRC rather than ARE), then by name. */
static gboolean
nearer (const char *id, const char *a, const char *b)
{
  gsize pa = common_prefix (id, a), pb = common_prefix (id, b);

  return pa != pb ? pa > pb : strcmp (a, b) < 0;
}

/* The id of @ids nearest to @id (a typo, another case), or NULL: one
 * letter off for short ids, two for longer ones; of ids as near, by
 * nearer(), so that the message does not depend on hashing. */
static const char *
closest_id (Loader *L, GHashTable *ids, const char *id)
{
  GHashTableIter iter;
  gpointer key;
  const char *best = NULL;
  guint best_distance = strlen (id) > 4 ? 2 : 1;

  if (g_hash_table_size (ids) > MAX_SUGGESTION_IDS || ++L->n_suggestions > MAX_SUGGESTIONS)
    return NULL;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gsize la = strlen (key), lb = strlen (id);
      guint d;

      if ((la > lb ? la - lb : lb - la) > best_distance)
        continue;
      d = straits_edit_distance (key, id);
      if (d < best_distance || (d == best_distance && (best == NULL || nearer (id, key, best))))
        {
          best_distance = d;
          best = key;
        }
    }
  return best;
}

static guint32
check_ref (Loader     *L,
           Where       path,
           JsonNode   *node,
           GHashTable *ids,
           const char *what)
{
  const char *id;
  guint32 index;

  if (!is_string (node))
    {
      wrong_type (L, path, _("a string"), node);
      return STRAITS_NO_INDEX;
    }
  id = json_node_get_string (node);
  index = straits_dataset_lookup (ids, id);
  if (index == STRAITS_NO_INDEX)
    {
      /* Translators: the first %s is a kind of item, e.g. "unknown actor “XYZ”" */
      g_autofree char *quoted = straits_diagnostic_excerpt (id, STRAITS_DIAGNOSTIC_MAX_QUOTE);
      const char *closest = closest_id (L, ids, id);

      if (closest != NULL)
        /* Translators: "unknown actor “GRE” (did you mean “GRC”?)" */
        report (L, STRAITS_SEVERITY_ERROR, path, _("unknown %s “%s” (did you mean “%s”?)"),
                what, quoted, closest);
      else
        report (L, STRAITS_SEVERITY_ERROR, path, _("unknown %s “%s”"), what, quoted);
      return STRAITS_NO_INDEX;
    }
  return index;
}

static guint32
want_ref (Loader     *L,
          const Ctx  *c,
          JsonObject *o,
          const char *member,
          Flags       flags,
          GHashTable *ids,
          const char *what)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return STRAITS_NO_INDEX;
  return check_ref (L, at_member (c, member), node, ids, what);
}

static JsonArray *
want_array (Loader     *L,
            const Ctx  *c,
            JsonObject *o,
            const char *member,
            Flags       flags)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (L, at_member (c, member), _("an array"), node);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
want_object (Loader     *L,
             const Ctx  *c,
             JsonObject *o,
             const char *member,
             Flags       flags)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (L, at_member (c, member), _("an object"), node);
      return NULL;
    }
  return json_node_get_object (node);
}

/* A list of references into @ids, stored in the index pool. Returns the
 * encoded pool pointer and sets @n. */
static gpointer
want_ref_list (Loader     *L,
               const Ctx  *c,
               JsonObject *o,
               const char *member,
               GHashTable *ids,
               const char *what,
               guint      *n)
{
  JsonArray *array = want_array (L, c, o, member, OPTIONAL);
  guint first = L->ds->indices->len, length;

  *n = 0;
  if (array == NULL)
    return NULL;
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Ctx item = { c, member, i };
      guint32 index = check_ref (L, at_item (&item), json_array_get_element (array, i), ids, what);

      if (index != STRAITS_NO_INDEX)
        g_array_append_val (L->ds->indices, index);
    }
  *n = L->ds->indices->len - first;
  return POOL_REF (first);
}

/* A list of strings, stored NULL-terminated in the string-list pool. */
static gpointer
want_strv (Loader     *L,
           const Ctx  *c,
           JsonObject *o,
           const char *member)
{
  JsonArray *array = want_array (L, c, o, member, OPTIONAL);
  guint first = L->ds->strvs->len, length;

  if (array == NULL)
    return NULL;
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Ctx item = { c, member, i };
      const char *text = check_string (L, at_item (&item), json_array_get_element (array, i),
                                       REQUIRED | SHARED, MAX_NAME_LENGTH);
      if (text != NULL)
        g_ptr_array_add (L->ds->strvs, (gpointer) text);
    }
  g_ptr_array_add (L->ds->strvs, NULL);
  return POOL_REF (first);
}

static gboolean
check_number (Loader   *L,
              Where     path,
              JsonNode *node,
              double    min,
              double    max,
              double   *out)
{
  double value;

  if (!is_number (node))
    {
      wrong_type (L, path, _("a number"), node);
      return FALSE;
    }
  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      report (L, STRAITS_SEVERITY_ERROR, path, _("the number is not finite"));
      return FALSE;
    }
  if (value < min || value > max)
    {
      report (L, STRAITS_SEVERITY_ERROR, path, _("%g is out of range (%g to %g)"), value, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
want_number (Loader     *L,
             const Ctx  *c,
             JsonObject *o,
             const char *member,
             Flags       flags,
             double      min,
             double      max,
             double     *out)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return FALSE;
  return check_number (L, at_member (c, member), node, min, max, out);
}

static gboolean
check_date (Loader      *L,
            Where        path,
            JsonNode    *node,
            StraitsDate *out)
{
  if (!is_string (node))
    {
      wrong_type (L, path, _("a date string"), node);
      return FALSE;
    }
  if (!straits_date_parse (json_node_get_string (node), out))
    {
      g_autofree char *quoted = straits_diagnostic_excerpt (json_node_get_string (node),
                                                            STRAITS_DIAGNOSTIC_MAX_QUOTE);
      report (L, STRAITS_SEVERITY_ERROR, path,
              _("invalid date “%s”: use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day, years 1000 to 2999)"),
              quoted);
      return FALSE;
    }
  return TRUE;
}

static gboolean
want_date (Loader      *L,
           const Ctx   *c,
           JsonObject  *o,
           const char  *member,
           Flags        flags,
           StraitsDate *out)
{
  JsonNode *node = get_member (L, c, o, member, flags);

  if (node == NULL)
    return FALSE;
  return check_date (L, at_member (c, member), node, out);
}

/* A date, or the string "unknown" (sets @unknown): a start or end the
 * source implies but does not date. */
static void
want_date_or_unknown (Loader      *L,
                      const Ctx   *c,
                      JsonObject  *o,
                      const char  *member,
                      StraitsDate *out,
                      gboolean    *unknown)
{
  JsonNode *node = get_member (L, c, o, member, OPTIONAL);

  *unknown = FALSE;
  if (node == NULL)
    return;
  if (is_string (node) && g_str_equal (json_node_get_string (node), "unknown"))
    *unknown = TRUE;
  else
    check_date (L, at_member (c, member), node, out);
}

static gboolean
want_boolean (Loader     *L,
              const Ctx  *c,
              JsonObject *o,
              const char *member)
{
  JsonNode *node = get_member (L, c, o, member, OPTIONAL);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      wrong_type (L, at_member (c, member), _("true or false"), node);
      return FALSE;
    }
  return json_node_get_boolean (node);
}

static gboolean
parse_colour (const char    *text,
              StraitsColour *out)
{
  guint rgb = 0;

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      rgb = rgb * 16 + (guint) digit;
    }
  out->r = ((rgb >> 16) & 0xff) / 255.0;
  out->g = ((rgb >> 8) & 0xff) / 255.0;
  out->b = (rgb & 0xff) / 255.0;
  return TRUE;
}

static void
want_colour (Loader        *L,
             const Ctx     *c,
             JsonObject    *o,
             Flags          flags,
             StraitsColour *out)
{
  JsonNode *node = get_member (L, c, o, "colour", flags);

  *out = (StraitsColour) { 0.6, 0.6, 0.6 };
  if (node == NULL)
    return;
  if (!is_string (node))
    wrong_type (L, at_member (c, "colour"), _("a colour string"), node);
  else if (!parse_colour (json_node_get_string (node), out))
    {
      g_autofree char *quoted = straits_diagnostic_excerpt (json_node_get_string (node),
                                                            STRAITS_DIAGNOSTIC_MAX_QUOTE);
      report (L, STRAITS_SEVERITY_ERROR, at_member (c, "colour"),
              _("invalid colour “%s”: use #rrggbb"), quoted);
    }
}

static int
want_enum (Loader            *L,
           const Ctx         *c,
           JsonObject        *o,
           const char        *member,
           Flags              flags,
           const char *const *names,
           int                fallback)
{
  JsonNode *node = get_member (L, c, o, member, flags);
  const char *text;

  if (node == NULL)
    return fallback;
  if (!is_string (node))
    {
      wrong_type (L, at_member (c, member), _("a string"), node);
      return fallback;
    }
  text = json_node_get_string (node);
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], text))
      return i;
  {
    g_autofree char *expected = g_strjoinv (", ", (char **) names);
    g_autofree char *quoted = straits_diagnostic_excerpt (text, STRAITS_DIAGNOSTIC_MAX_QUOTE);

    report (L, STRAITS_SEVERITY_ERROR, at_member (c, member),
            _("unknown value “%s” (expected one of: %s)"), quoted, expected);
  }
  return fallback;
}

/* [lon, lat] in degrees. */
static gboolean
check_point (Loader   *L,
             Where     path,
             JsonNode *node,
             double   *lon,
             double   *lat)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
    {
      report (L, STRAITS_SEVERITY_ERROR, path,
              _("expected a point [longitude, latitude], found %s"), describe_node (node));
      return FALSE;
    }
  array = json_node_get_array (node);
  return check_number (L, at_element (path, 0), json_array_get_element (array, 0),
                       -180, 180, lon) &&
         check_number (L, at_element (path, 1), json_array_get_element (array, 1),
                       -90, 90, lat);
}

static StraitsCitations
want_citations (Loader     *L,
                const Ctx  *c,
                JsonObject *o)
{
  JsonArray *array = want_array (L, c, o, "sources", OPTIONAL);
  guint first = L->ds->citations->len, length;

  if (array == NULL)
    return (StraitsCitations) { NULL, 0 };
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Ctx item = { c, "sources", i };
      JsonNode *node = json_array_get_element (array, i);
      StraitsCitation cite = { 0 };
      JsonObject *co;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          wrong_type (L, at_item (&item), _("an object with “source” and “locator”"), node);
          continue;
        }
      co = json_node_get_object (node);
      cite.source = want_ref (L, &item, co, "source", REQUIRED, L->ds->source_ids, _("source"));
      cite.locator = want_string (L, &item, co, "locator", SHARED, MAX_NAME_LENGTH);
      cite.quote = want_string (L, &item, co, "quote", OPTIONAL, MAX_TEXT_LENGTH);
      if (cite.source != STRAITS_NO_INDEX)
        g_array_append_val (L->ds->citations, cite);
    }
  return (StraitsCitations) { POOL_REF (first), L->ds->citations->len - first };
}

/* Members the format does not know are ignored, but reported: they are
 * usually typing mistakes. */
static void
check_members (Loader            *L,
               const Ctx         *c,
               JsonObject        *o,
               const char *const *known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; known[i] != NULL && !found; i++)
        found = g_str_equal (known[i], name);
      if (found && !g_hash_table_contains (L->known_names, name))
        g_critical ("“%s” is missing from format_member_names", name);
      if (!found && !g_str_equal (name, "$schema") && !g_str_equal (name, "$comment"))
        {
          g_autofree char *quoted = straits_diagnostic_excerpt (name, STRAITS_DIAGNOSTIC_MAX_QUOTE);
          report (L, STRAITS_SEVERITY_WARNING, at_member (c, name),
                  _("unknown member “%s” is ignored"), quoted);
        }
    }
}

/* Items ---------------------------------------------------------------- */

typedef void (*LoadItemFunc) (Loader *L, const Ctx *c, JsonObject *o, gpointer item);

/* "sections": [ { "heading": "…", "paragraphs": 3 }, … ]: the source's
 * headings as it prints them, so that locators can be checked against
 * them. Only the first section may lack a heading (an untitled opening). */
static void
load_sections (Loader *L, const Ctx *c, JsonObject *o, StraitsSource *s)
{
  static const char *const known[] = { "heading", "paragraphs", NULL };
  JsonArray *array = want_array (L, c, o, "sections", OPTIONAL);
  guint first_heading = L->ds->strvs->len, first_count = L->ds->indices->len;

  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Ctx sc = { c, "sections", i };
      JsonNode *node = json_array_get_element (array, i);
      const char *heading;
      double paragraphs = 0;
      guint32 count;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          wrong_type (L, at_item (&sc), _("an object with “heading” and “paragraphs”"), node);
          continue;
        }
      check_members (L, &sc, json_node_get_object (node), known);
      heading = want_string (L, &sc, json_node_get_object (node), "heading",
                             i == 0 ? OPTIONAL : REQUIRED, MAX_NAME_LENGTH);
      want_number (L, &sc, json_node_get_object (node), "paragraphs", REQUIRED, 1, 100000, &paragraphs);
      count = (guint32) paragraphs;
      g_ptr_array_add (L->ds->strvs, (gpointer) (heading ? heading : intern (L, "", SHARED)));
      g_array_append_val (L->ds->indices, count);
    }
  g_ptr_array_add (L->ds->strvs, NULL);
  s->n_sections = L->ds->indices->len - first_count;
  s->headings = POOL_REF (first_heading);
  s->paragraphs = POOL_REF (first_count);
}

static void
load_source (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "title", "authors", "publisher", "date", "url",
                                       "doi", "licence", "sections", NULL };
  StraitsSource *s = item;

  check_members (L, c, o, known);
  s->id = want_id (L, c, o, L->ds->source_ids);
  s->title = want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  s->authors = want_strv (L, c, o, "authors");
  s->publisher = want_string (L, c, o, "publisher", SHARED, MAX_NAME_LENGTH);
  want_date (L, c, o, "date", OPTIONAL, &s->date);
  s->url = want_string (L, c, o, "url", OPTIONAL, MAX_URL_LENGTH);
  s->doi = want_string (L, c, o, "doi", OPTIONAL, MAX_URL_LENGTH);
  s->licence = want_string (L, c, o, "licence", SHARED, MAX_NAME_LENGTH);
  load_sections (L, c, o, s);
}

static void
load_type_def (Loader *L, const Ctx *c, JsonObject *o, gpointer item, GHashTable *ids,
               const char *const *known)
{
  StraitsTypeDef *t = item;

  check_members (L, c, o, known);
  t->id = want_id (L, c, o, ids);
  t->label = want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  t->description = want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  want_colour (L, c, o, OPTIONAL, &t->colour);
}

/* A relation type may name the roles of its ends ("roles": ["supplier",
 * "recipient"]: from is the supplier) and ask for dates ("dated": true). */
static void
load_relation_type (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "colour", "description", "roles", "dated", NULL };
  StraitsTypeDef *t = item;
  JsonArray *roles;

  load_type_def (L, c, o, item, L->ds->relation_type_ids, known);
  t->dated = want_boolean (L, c, o, "dated");
  roles = want_array (L, c, o, "roles", OPTIONAL);
  if (roles == NULL)
    return;
  if (json_array_get_length (roles) != 2)
    {
      report (L, STRAITS_SEVERITY_ERROR, at_member (c, "roles"),
              _("expected two roles: the “from” end's, then the “to” end's"));
      return;
    }
  t->from_role = check_string (L, at_element (at_member (c, "roles"), 0),
                               json_array_get_element (roles, 0), REQUIRED | SHARED, 64);
  t->to_role = check_string (L, at_element (at_member (c, "roles"), 1),
                             json_array_get_element (roles, 1), REQUIRED | SHARED, 64);
  if (t->from_role && t->to_role && g_str_equal (t->from_role, t->to_role))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "roles"), _("the two roles must differ"));
}

static void
load_event_type (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "colour", "description", NULL };

  load_type_def (L, c, o, item, L->ds->event_type_ids, known);
}

static gboolean
is_iso3 (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) &&
         g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* A language tag as the names list takes it: "de", "fr", "pt-BR". */
static gboolean
is_language_tag (const char *tag)
{
  gsize n = strlen (tag), letters = 0;

  while (letters < n && g_ascii_islower (tag[letters]))
    letters++;
  if (letters < 2 || letters > 3)
    return FALSE;
  if (letters == n)
    return TRUE;
  return n == letters + 3 && tag[letters] == '-' && g_ascii_isupper (tag[letters + 1]) &&
         g_ascii_isupper (tag[letters + 2]);
}

/* "names": [{"language": "de", "name": "Türkei"}, …]: the actor's name
 * in other languages, as language, name pairs in the strv pool. */
static gpointer
want_names (Loader *L, const Ctx *c, JsonObject *o)
{
  JsonArray *array = want_array (L, c, o, "names", OPTIONAL);
  guint first = L->ds->strvs->len;

  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      static const char *const known[] = { "language", "name", NULL };
      Ctx item = { c, "names", i };
      JsonNode *node = json_array_get_element (array, i);
      const char *language, *name;
      JsonObject *no;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          wrong_type (L, at_item (&item), _("an object with “language” and “name”"), node);
          continue;
        }
      no = json_node_get_object (node);
      check_members (L, &item, no, known);
      language = want_string (L, &item, no, "language", REQUIRED | SHARED, 16);
      name = want_string (L, &item, no, "name", REQUIRED, MAX_NAME_LENGTH);
      if (language == NULL || name == NULL)
        continue;
      if (!is_language_tag (language))
        {
          report (L, STRAITS_SEVERITY_ERROR, at_member (&item, "language"),
                  _("“%s” is not a language tag (such as de, fr or pt-BR)"), language);
          continue;
        }
      for (guint k = first; k < L->ds->strvs->len; k += 2)
        if (g_str_equal (g_ptr_array_index (L->ds->strvs, k), language))
          {
            report (L, STRAITS_SEVERITY_ERROR, at_member (&item, "language"),
                    _("the name in “%s” is given twice"), language);
            language = NULL;
            break;
          }
      if (language == NULL)
        continue;
      g_ptr_array_add (L->ds->strvs, (gpointer) language);
      g_ptr_array_add (L->ds->strvs, (gpointer) name);
    }
  g_ptr_array_add (L->ds->strvs, NULL);
  return POOL_REF (first);
}

static void
load_actor (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "name", "short_name", "names", "iso3", "memberships",
                                       "location", "country", "description", "note", "sources", NULL };
  static const char *const kinds[] = { "state", "international-organisation", "eu-institution",
                                       "alliance", "company", "initiative", "group", "other", NULL };
  StraitsActor *a = item;
  JsonNode *node;

  check_members (L, c, o, known);
  a->id = want_id (L, c, o, L->ds->actor_ids);
  a->kind = want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_ACTOR_OTHER);
  a->name = want_string (L, c, o, "name", REQUIRED, MAX_NAME_LENGTH);
  a->short_name = want_string (L, c, o, "short_name", OPTIONAL, MAX_NAME_LENGTH);
  a->names = want_names (L, c, o);
  a->description = want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  a->note = want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  a->memberships = want_strv (L, c, o, "memberships");
  a->iso3 = want_string (L, c, o, "iso3", a->kind == STRAITS_ACTOR_STATE ? REQUIRED | SHARED : SHARED, 16);
  if (a->iso3 != NULL)
    {
      guint32 other = straits_dataset_lookup (L->ds->iso3_ids, a->iso3);

      if (!is_iso3 (a->iso3))
        report (L, STRAITS_SEVERITY_ERROR, at_member (c, "iso3"),
                _("“%s” is not an ISO 3166-1 alpha-3 code (three capital letters)"), a->iso3);
      else if (other != STRAITS_NO_INDEX)
        report (L, STRAITS_SEVERITY_ERROR, at_member (c, "iso3"),
                _("the code “%s” is also used by actors[%u]"), a->iso3, other);
      else
        g_hash_table_insert (L->ds->iso3_ids, (gpointer) a->iso3, GUINT_TO_POINTER (c->index + 1));
    }
  node = get_member (L, c, o, "location", OPTIONAL);
  if (node != NULL)
    a->has_location = check_point (L, at_member (c, "location"), node, &a->lon, &a->lat);
  /* Countries are actors too, possibly later in the list: resolve them
   * once all actors are known. */
  node = get_member (L, c, o, "country", OPTIONAL);
  a->country = STRAITS_NO_INDEX;
  if (node != NULL)
    {
      const char *country = check_id_text (L, at_member (c, "country"), node);

      if (country != NULL)
        {
          if (L->actor_countries->len <= c->index)
            g_ptr_array_set_size (L->actor_countries, (gint) c->index + 1);
          g_ptr_array_index (L->actor_countries, c->index) = (gpointer) intern (L, country, SHARED);
        }
    }
  a->citations = want_citations (L, c, o);
}

/* A country is a state, and a state has none: so no chain of countries
 * can go round in a circle. */
static gboolean
country_is_valid (Loader *L, const StraitsActor *a, guint index)
{
  const StraitsActor *country = &g_array_index (L->ds->actors, StraitsActor, a->country);
  Where where = at_member (&(Ctx) { NULL, "actors", index }, "country");

  if (a->kind == STRAITS_ACTOR_STATE)
    {
      report (L, STRAITS_SEVERITY_ERROR, where, _("a state has no “country”: it is one"));
      return FALSE;
    }
  if (country->kind != STRAITS_ACTOR_STATE)
    {
      report (L, STRAITS_SEVERITY_ERROR, where,
              _("“%s” is not a state (it is a %s): a country must be an actor of kind “state”"),
              country->id, straits_actor_kind_to_string (country->kind));
      return FALSE;
    }
  return TRUE;
}

static void
resolve_actor_countries (Loader *L)
{
  for (guint i = 0; i < L->actor_countries->len; i++)
    {
      const char *country = g_ptr_array_index (L->actor_countries, i);
      StraitsActor *a = &g_array_index (L->ds->actors, StraitsActor, i);

      if (country == NULL)
        continue;
      a->country = straits_dataset_lookup (L->ds->actor_ids, country);
      if (a->country == STRAITS_NO_INDEX)
        {
          g_autofree char *quoted = straits_diagnostic_excerpt (country, STRAITS_DIAGNOSTIC_MAX_QUOTE);
          report (L, STRAITS_SEVERITY_ERROR, at_member (&(Ctx) { NULL, "actors", i }, "country"),
                  _("unknown actor “%s”"), quoted);
        }
      else if (!country_is_valid (L, a, i))
        a->country = STRAITS_NO_INDEX;
    }
}

static void
load_group (Loader *L, const Ctx *c, JsonObject *o, gpointer item, GHashTable *ids,
            GHashTable *member_of)
{
  static const char *const known[] = { "id", "label", "description", "colour", "members",
                                       "sources", NULL };
  StraitsGroup *g = item;
  const guint32 *members;

  check_members (L, c, o, known);
  g->id = want_id (L, c, o, ids);
  g->label = want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  g->description = want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  want_colour (L, c, o, REQUIRED, &g->colour);
  g->members = want_ref_list (L, c, o, "members", L->ds->actor_ids, _("actor"), &g->n_members);
  g->citations = want_citations (L, c, o);

  members = pool_ptr (g->members, L->ds->indices->data, sizeof (guint32));
  for (guint m = 0; members != NULL && m < g->n_members; m++)
    {
      gpointer key = GUINT_TO_POINTER (members[m] + 1);
      const char *other = g_hash_table_lookup (member_of, key);

      if (other != NULL)
        report (L, STRAITS_SEVERITY_ERROR, at_member (c, "members"),
                _("actor “%s” is already in group “%s” of this grouping"),
                g_array_index (L->ds->actors, StraitsActor, members[m]).id, other);
      else if (g->id != NULL)
        g_hash_table_insert (member_of, key, (gpointer) g->id);
    }
}

static void
load_grouping (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "description", "groups", "sources", NULL };
  StraitsGrouping *g = item;
  g_autoptr(GHashTable) group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) member_of = g_hash_table_new (NULL, NULL);
  JsonArray *groups;
  guint first = L->ds->groups->len;

  check_members (L, c, o, known);
  g->id = want_id (L, c, o, L->ds->grouping_ids);
  g->label = want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  g->description = want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  g->citations = want_citations (L, c, o);
  groups = want_array (L, c, o, "groups", REQUIRED);
  if (groups == NULL)
    return;
  g->n_groups = json_array_get_length (groups);
  g_array_set_size (L->ds->groups, first + g->n_groups);
  for (guint i = 0; i < g->n_groups; i++)
    {
      Ctx gc = { c, "groups", i };
      JsonNode *node = json_array_get_element (groups, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        wrong_type (L, at_item (&gc), _("an object"), node);
      else
        load_group (L, &gc, json_node_get_object (node),
                    &g_array_index (L->ds->groups, StraitsGroup, first + i), group_ids, member_of);
    }
  g->groups = POOL_REF (first);
}

static void
load_annotation (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "name", "text", "geometry", "sources", NULL };
  static const char *const kinds[] = { "strait", "disputed-area", "point", "line", "area", NULL };
  static const char *const geometry_known[] = { "point", "line", "feature", NULL };
  StraitsAnnotation *a = item;
  JsonObject *geometry;
  Ctx gc = { c, "geometry", G_MAXUINT };
  JsonNode *node;
  guint first = L->ds->coords->len;

  check_members (L, c, o, known);
  a->id = want_id (L, c, o, L->ds->annotation_ids);
  a->kind = want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_ANNOTATION_POINT);
  a->name = want_string (L, c, o, "name", REQUIRED, MAX_NAME_LENGTH);
  a->text = want_string (L, c, o, "text", OPTIONAL, MAX_TEXT_LENGTH);
  a->citations = want_citations (L, c, o);
  geometry = want_object (L, c, o, "geometry", OPTIONAL);
  if (geometry == NULL)
    return;
  check_members (L, &gc, geometry, geometry_known);
  a->feature = want_string (L, &gc, geometry, "feature", OPTIONAL, MAX_NAME_LENGTH);
  if (a->feature != NULL && a->feature[0] == '\0')
    report (L, STRAITS_SEVERITY_ERROR, at_member (&gc, "feature"), _("must not be empty"));
  if (get_member (L, &gc, geometry, "point", OPTIONAL) != NULL &&
      get_member (L, &gc, geometry, "line", OPTIONAL) != NULL)
    report (L, STRAITS_SEVERITY_ERROR, at_item (&gc),
            _("a geometry has either “point” or “line”, not both"));
  if ((node = get_member (L, &gc, geometry, "point", OPTIONAL)) != NULL)
    {
      double lonlat[2];

      if (check_point (L, at_member (&gc, "point"), node, &lonlat[0], &lonlat[1]))
        {
          g_array_append_vals (L->ds->coords, lonlat, 2);
          a->n_points = 1;
        }
    }
  else if ((node = get_member (L, &gc, geometry, "line", OPTIONAL)) != NULL)
    {
      JsonArray *line;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 2)
        {
          report (L, STRAITS_SEVERITY_ERROR, at_member (&gc, "line"),
                  _("expected a list of at least two points"));
          return;
        }
      line = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (line); i++)
        {
          double lonlat[2];
          Ctx lc = { &gc, "line", i };

          if (check_point (L, at_item (&lc),
                           json_array_get_element (line, i), &lonlat[0], &lonlat[1]))
            {
              g_array_append_vals (L->ds->coords, lonlat, 2);
              a->n_points++;
            }
        }
    }
  else if (a->feature == NULL)
    report (L, STRAITS_SEVERITY_ERROR, at_item (&gc),
            _("a geometry needs “point”, “line” or “feature”"));
  a->coords = a->n_points ? POOL_REF (first / 2) : NULL;
}

/* Refuses spans that contradict themselves: an end before the start, an
 * attested date outside the span. */
static void
check_relation_span (Loader *L, const Ctx *c, const StraitsRelation *r)
{
  if (straits_date_is_set (&r->start) && straits_date_is_set (&r->end) &&
      straits_date_last_day (&r->end) < straits_date_first_day (&r->start))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "end"), _("the end is before the start"));
  if (straits_date_is_set (&r->attested) && straits_date_is_set (&r->start) &&
      straits_date_last_day (&r->attested) < straits_date_first_day (&r->start))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "attested"), _("the attested date is before the start"));
  if (straits_date_is_set (&r->attested) && straits_date_is_set (&r->end) &&
      straits_date_first_day (&r->attested) > straits_date_last_day (&r->end))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "attested"), _("the attested date is after the end"));
}

/* "roles": { "supplier": "ESP", "recipient": "TUR" } names which actor
 * plays which of the type's roles; it must agree with from and to. */
static gboolean
load_relation_roles (Loader *L, const Ctx *c, JsonObject *o, const StraitsRelation *r)
{
  JsonObject *roles = want_object (L, c, o, "roles", OPTIONAL);
  const StraitsTypeDef *t;
  Ctx rc = { c, "roles", G_MAXUINT };
  JsonObjectIter iter;
  const char *role;
  JsonNode *node;

  if (roles == NULL || r->type == STRAITS_NO_INDEX || r->from == STRAITS_NO_INDEX || r->to == STRAITS_NO_INDEX)
    return FALSE;
  t = &g_array_index (L->ds->relation_types, StraitsTypeDef, r->type);
  if (t->from_role == NULL)
    {
      report (L, STRAITS_SEVERITY_ERROR, at_member (c, "roles"),
              _("the relation type “%s” names no roles"), t->id);
      return FALSE;
    }
  json_object_iter_init (&iter, roles);
  while (json_object_iter_next (&iter, &role, &node))
    {
      guint32 actor = check_ref (L, at_member (&rc, role), node, L->ds->actor_ids, _("actor"));
      guint32 expected = g_str_equal (role, t->from_role) ? r->from
                         : g_str_equal (role, t->to_role) ? r->to : STRAITS_NO_INDEX;

      if (expected == STRAITS_NO_INDEX)
        report (L, STRAITS_SEVERITY_ERROR, at_member (&rc, role),
                _("“%s” is not a role of “%s” (its roles are %s → %s)"), role, t->id,
                t->from_role, t->to_role);
      else if (actor != STRAITS_NO_INDEX && actor != expected)
        report (L, STRAITS_SEVERITY_ERROR, at_member (&rc, role),
                _("the %s must be the relation's “%s” end: “%s” relations point %s → %s"),
                role, g_str_equal (role, t->from_role) ? "from" : "to", t->id, t->from_role, t->to_role);
    }
  return TRUE;
}

static void
load_relation (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "from", "to", "type", "direction", "stance",
                                       "strength", "start", "end", "attested", "roles", "summary",
                                       "note", "sources", NULL };
  static const char *const directions[] = { "forward", "mutual", NULL };
  static const char *const stances[] = { "neutral", "cooperative", "adversarial", NULL };
  StraitsRelation *r = item;
  double strength = 0.5;

  check_members (L, c, o, known);
  r->id = want_id (L, c, o, L->ds->relation_ids);
  r->from = want_ref (L, c, o, "from", REQUIRED, L->ds->actor_ids, _("actor"));
  r->to = want_ref (L, c, o, "to", REQUIRED, L->ds->actor_ids, _("actor"));
  if (r->from != STRAITS_NO_INDEX && r->from == r->to)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "to"),
            _("a relation needs two different actors"));
  r->type = want_ref (L, c, o, "type", REQUIRED, L->ds->relation_type_ids, _("relation type"));
  r->mutual = want_enum (L, c, o, "direction", OPTIONAL, directions, 0) == 1;
  r->stance = want_enum (L, c, o, "stance", OPTIONAL, stances, STRAITS_STANCE_NEUTRAL);
  want_number (L, c, o, "strength", OPTIONAL, 0, 1, &strength);
  r->strength = (float) strength;
  want_date_or_unknown (L, c, o, "start", &r->start, &r->start_unknown);
  want_date_or_unknown (L, c, o, "end", &r->end, &r->end_unknown);
  want_date (L, c, o, "attested", OPTIONAL, &r->attested);
  check_relation_span (L, c, r);
  if (!straits_date_is_set (&r->start) && !r->start_unknown &&
      !straits_date_is_set (&r->end) && !r->end_unknown)
    report (L, STRAITS_SEVERITY_WARNING, at_item (c),
            _("the relation has no dates, so the map shows it at every date: give “start” (a date or “unknown”)"));
  r->has_roles = load_relation_roles (L, c, o, r);
  r->summary = want_string (L, c, o, "summary", OPTIONAL, MAX_TEXT_LENGTH);
  r->note = want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  r->citations = want_citations (L, c, o);
}

static void
load_place (Loader *L, const Ctx *c, JsonObject *o, StraitsEvent *e)
{
  static const char *const known[] = { "point", "feature", NULL };
  Ctx pc = { c, "place", G_MAXUINT };
  JsonObject *place = want_object (L, c, o, "place", OPTIONAL);
  JsonNode *node;

  if (place == NULL)
    return;
  check_members (L, &pc, place, known);
  if (get_member (L, &pc, place, "point", OPTIONAL) != NULL &&
      get_member (L, &pc, place, "feature", OPTIONAL) != NULL)
    {
      report (L, STRAITS_SEVERITY_ERROR, at_item (&pc),
              _("a place has either “point” or “feature”, not both"));
      return;
    }
  if ((node = get_member (L, &pc, place, "point", OPTIONAL)) != NULL)
    e->has_point = check_point (L, at_member (&pc, "point"), node, &e->lon, &e->lat);
  else if ((node = get_member (L, &pc, place, "feature", OPTIONAL)) != NULL)
    {
      guint32 a = check_ref (L, at_member (&pc, "feature"), node, L->ds->annotation_ids,
                             _("annotation"));
      if (a != STRAITS_NO_INDEX)
        e->feature = g_array_index (L->ds->annotations, StraitsAnnotation, a).id;
    }
  else
    report (L, STRAITS_SEVERITY_ERROR, at_item (&pc), _("a place needs “point” or “feature”"));
}

static void
load_event (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "date", "end", "type", "title", "description",
                                       "actors", "relations", "place", "note", "sources", NULL };
  StraitsEvent *e = item;

  check_members (L, c, o, known);
  e->id = want_id (L, c, o, L->ds->event_ids);
  want_date (L, c, o, "date", REQUIRED, &e->date);
  want_date (L, c, o, "end", OPTIONAL, &e->end);
  if (straits_date_is_set (&e->date) && straits_date_is_set (&e->end) &&
      straits_date_last_day (&e->end) < straits_date_first_day (&e->date))
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "end"), _("the end is before the start"));
  e->type = want_ref (L, c, o, "type", REQUIRED, L->ds->event_type_ids, _("event type"));
  e->title = want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  e->description = want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  e->actors = want_ref_list (L, c, o, "actors", L->ds->actor_ids, _("actor"), &e->n_actors);
  e->relations = want_ref_list (L, c, o, "relations", L->ds->relation_ids, _("relation"),
                                &e->n_relations);
  load_place (L, c, o, e);
  e->note = want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  e->citations = want_citations (L, c, o);
}

static void
load_figure_value (Loader *L, const Ctx *c, JsonObject *o, StraitsFigureKind kind,
                   StraitsFigureValue *v)
{
  static const char *const known[] = { "value", "unrounded", "actor", "label", "period", NULL };
  gboolean is_rank = kind == STRAITS_FIGURE_RANKING || kind == STRAITS_FIGURE_RANK;
  double max = kind == STRAITS_FIGURE_SHARES ? 100 : is_rank ? 1e6 : 1e15;
  double min = kind == STRAITS_FIGURE_SHARES ? 0 : is_rank ? 1 : -1e15;

  check_members (L, c, o, known);
  want_number (L, c, o, "value", REQUIRED, min, max, &v->value);
  v->has_unrounded = want_number (L, c, o, "unrounded", OPTIONAL, min, max, &v->unrounded);
  if (v->has_unrounded && fabs (v->unrounded - v->value) > 0.5 + fabs (v->value) * 1e-9)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "unrounded"),
            _("%g does not round to the value %g"), v->unrounded, v->value);
  v->actor = want_ref (L, c, o, "actor", OPTIONAL, L->ds->actor_ids, _("actor"));
  v->label = want_string (L, c, o, "label", OPTIONAL, MAX_NAME_LENGTH);
  want_date (L, c, o, "period", OPTIONAL, &v->period);
  if (v->actor == STRAITS_NO_INDEX && v->label == NULL && !straits_date_is_set (&v->period) &&
      get_member (L, c, o, "actor", OPTIONAL) == NULL)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, NULL),
            _("a value needs an “actor”, a “label” or a “period”"));
}

/* The members that only some kinds take: "whole" (shares), "bound"
 * (bound), "base" and "of" (rank), "change" (value). */
static void
load_figure_kind_members (Loader *L, const Ctx *c, JsonObject *o, StraitsFigure *f)
{
  static const char *const bounds[] = { "none", "upper", "lower", NULL };
  static const char *const change_known[] = { "value", "unit", "against", NULL };
  Ctx cc = { c, "change", G_MAXUINT };
  JsonObject *change;

  f->whole = want_string (L, c, o, "whole", OPTIONAL, MAX_NAME_LENGTH);
  f->base = want_string (L, c, o, "base", OPTIONAL, MAX_NAME_LENGTH);
  want_number (L, c, o, "of", OPTIONAL, 1, 1e9, &f->of);
  f->bound = want_enum (L, c, o, "bound", f->kind == STRAITS_FIGURE_BOUND ? REQUIRED : OPTIONAL,
                        bounds, STRAITS_BOUND_NONE);
  if (f->kind == STRAITS_FIGURE_BOUND && f->bound == STRAITS_BOUND_NONE)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "bound"), _("a bound is “upper” or “lower”"));
  if (f->whole != NULL && f->kind != STRAITS_FIGURE_SHARES)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "whole"), _("only shares are of a whole"));
  if (f->kind == STRAITS_FIGURE_RANK && f->base == NULL)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "base"),
            _("a rank needs its base: what it is a rank among"));
  change = want_object (L, c, o, "change", OPTIONAL);
  if (change == NULL)
    return;
  check_members (L, &cc, change, change_known);
  f->has_change = want_number (L, &cc, change, "value", REQUIRED, -1e15, 1e15, &f->change);
  f->change_unit = want_string (L, &cc, change, "unit", REQUIRED | SHARED, MAX_NAME_LENGTH);
  f->change_against = want_string (L, &cc, change, "against", OPTIONAL, MAX_NAME_LENGTH);
}

static const char *
want_role (Loader *L, const Ctx *c, JsonObject *o)
{
  static const char *const roles[] = { "supplier", "recipient", NULL };
  int role = want_enum (L, c, o, "role", OPTIONAL, roles, -1);

  return role >= 0 ? roles[role] : NULL;
}

static void
load_figure (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "title", "subject", "role", "unit", "period",
                                       "values", "note", "whole", "base", "of", "bound", "change",
                                       "sources", NULL };
  static const char *const kinds[] = { "shares", "series", "ranking", "value", "bound", "rank", NULL };
  StraitsFigure *f = item;
  guint first = L->ds->figure_values->len;
  JsonArray *values;
  double total = 0;

  check_members (L, c, o, known);
  f->id = want_id (L, c, o, L->ds->figure_ids);
  f->kind = want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_FIGURE_SERIES);
  f->title = want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  f->subject = want_ref (L, c, o, "subject", OPTIONAL, L->ds->actor_ids, _("actor"));
  f->role = want_role (L, c, o);
  f->unit = want_string (L, c, o, "unit", REQUIRED | SHARED, MAX_NAME_LENGTH);
  f->period = want_string (L, c, o, "period", SHARED, MAX_NAME_LENGTH);
  f->note = want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  f->citations = want_citations (L, c, o);
  load_figure_kind_members (L, c, o, f);
  values = want_array (L, c, o, "values", REQUIRED);
  if (values == NULL)
    return;
  f->n_values = json_array_get_length (values);
  g_array_set_size (L->ds->figure_values, first + f->n_values);
  for (guint i = 0; i < f->n_values; i++)
    {
      Ctx vc = { c, "values", i };
      JsonNode *node = json_array_get_element (values, i);
      StraitsFigureValue *v = &g_array_index (L->ds->figure_values, StraitsFigureValue, first + i);

      v->actor = STRAITS_NO_INDEX;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        wrong_type (L, at_item (&vc), _("an object"), node);
      else
        load_figure_value (L, &vc, json_node_get_object (node), f->kind, v);
      total += v->value;
    }
  if (f->kind == STRAITS_FIGURE_SHARES && total > 100.5)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "values"),
            _("the shares add up to %g per cent, more than 100"), total);
  if ((f->kind == STRAITS_FIGURE_VALUE || f->kind == STRAITS_FIGURE_BOUND ||
       f->kind == STRAITS_FIGURE_RANK) && f->n_values != 1)
    report (L, STRAITS_SEVERITY_ERROR, at_member (c, "values"),
            _("a figure of kind “%s” has exactly one value"), kinds[f->kind]);
  f->values = POOL_REF (first);
}

static void
load_region (Loader *L, const Ctx *c, JsonObject *o, StraitsView *v)
{
  static const char *const regions[] = { "black-sea", "aegean", "europe", NULL };
  static const char *const box_known[] = { "west", "south", "east", "north", NULL };
  JsonNode *node = get_member (L, c, o, "region", REQUIRED);
  Ctx rc = { c, "region", G_MAXUINT };
  JsonObject *box;

  if (node == NULL)
    return;
  if (is_string (node))
    {
      int r = want_enum (L, c, o, "region", REQUIRED, regions, -1);

      v->region = r >= 0 ? regions[r] : NULL;
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (L, at_item (&rc), _("a region name or a box"), node);
      return;
    }
  box = json_node_get_object (node);
  check_members (L, &rc, box, box_known);
  want_number (L, &rc, box, "west", REQUIRED, -180, 180, &v->west);
  want_number (L, &rc, box, "south", REQUIRED, -90, 90, &v->south);
  want_number (L, &rc, box, "east", REQUIRED, -180, 180, &v->east);
  want_number (L, &rc, box, "north", REQUIRED, -90, 90, &v->north);
  if (v->west >= v->east || v->south >= v->north)
    report (L, STRAITS_SEVERITY_ERROR, at_item (&rc),
            _("the box is empty: west must be less than east and south less than north"));
}

/* Overlays are the renderer's own layers or annotations of the dataset. */
static void
check_overlays (Loader *L, const Ctx *c, gconstpointer overlays)
{
  static const char *const layers[] = { "disputed-areas", "straits", "territorial-seas-6nm",
                                        "territorial-seas-12nm", NULL };
  const char *const *names = pool_ptr (overlays, L->ds->strvs->pdata, sizeof (char *));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!g_strv_contains (layers, names[i]) &&
        straits_dataset_lookup (L->ds->annotation_ids, names[i]) == STRAITS_NO_INDEX)
      report (L, STRAITS_SEVERITY_ERROR, at_element (at_member (c, "overlays"), i),
              _("unknown overlay “%s”: use disputed-areas, straits, territorial-seas-6nm, "
                "territorial-seas-12nm or an annotation id"), names[i]);
}

static void
load_view (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "title", "subtitle", "region", "grouping",
                                       "relation_types", "overlays", "time", NULL };
  StraitsView *v = item;

  check_members (L, c, o, known);
  v->id = want_id (L, c, o, L->ds->view_ids);
  v->title = want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  v->subtitle = want_string (L, c, o, "subtitle", OPTIONAL, MAX_NAME_LENGTH);
  load_region (L, c, o, v);
  v->grouping = want_ref (L, c, o, "grouping", OPTIONAL, L->ds->grouping_ids, _("grouping"));
  v->relation_types = want_ref_list (L, c, o, "relation_types", L->ds->relation_type_ids,
                                     _("relation type"), &v->n_relation_types);
  v->overlays = want_strv (L, c, o, "overlays");
  check_overlays (L, c, v->overlays);
  want_date (L, c, o, "time", OPTIONAL, &v->time);
}

/* Reads item @index of a list into its slot, growing the list to hold it. */
static void
load_item (Loader       *L,
           const char   *list,
           guint         index,
           JsonNode     *element,
           GArray       *items,
           LoadItemFunc  load)
{
  Ctx c = { NULL, list, index };

  if (items->len <= index)
    g_array_set_size (items, index + 1);
  if (!JSON_NODE_HOLDS_OBJECT (element))
    wrong_type (L, at_item (&c), _("an object"), element);
  else
    load (L, &c, json_node_get_object (element),
          items->data + (gsize) index * g_array_get_element_size (items));
}

/* Reads the list @member of @parent, item by item. */
static void
load_list (Loader       *L,
           JsonObject   *parent,
           const char   *parent_path,
           const char   *member,
           GArray       *items,
           LoadItemFunc  load)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *list = parent_path ? g_strdup_printf ("%s.%s", parent_path, member)
                                      : g_strdup (member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (L, at_member (NULL, list), _("an array"), node);
      return;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  /* Items grow as they are read (load_item), not from the list's length. */
  for (guint i = 0; i < n && !L->stop; i++)
    load_item (L, list, i, json_array_get_element (array, i), items, load);
}

static void
load_metadata (Loader *L, JsonObject *root)
{
  static const char *const known[] = { "title", "description", "version", "date", "licence",
                                       "authors", NULL };
  Ctx top = { NULL, NULL, 0 };
  Ctx c = { NULL, "metadata", G_MAXUINT };
  JsonObject *o = want_object (L, &top, root, "metadata", REQUIRED);
  StraitsMetadata *m = &L->ds->metadata;

  if (o == NULL)
    return;
  check_members (L, &c, o, known);
  m->title = want_string (L, &c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  m->description = want_string (L, &c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  m->version = want_string (L, &c, o, "version", OPTIONAL, MAX_NAME_LENGTH);
  want_date (L, &c, o, "date", OPTIONAL, &m->date);
  m->licence = want_string (L, &c, o, "licence", OPTIONAL, MAX_NAME_LENGTH);
  m->authors = want_strv (L, &c, o, "authors");
}

static void
load_vocabulary (Loader *L, JsonObject *root)
{
  static const char *const known[] = { "relation_types", "event_types", NULL };
  Ctx top = { NULL, NULL, 0 };
  Ctx c = { NULL, "vocabulary", G_MAXUINT };
  JsonObject *o = want_object (L, &top, root, "vocabulary", OPTIONAL);

  if (o == NULL)
    return;
  check_members (L, &c, o, known);
  load_list (L, o, "vocabulary", "relation_types", L->ds->relation_types, load_relation_type);
  load_list (L, o, "vocabulary", "event_types", L->ds->event_types, load_event_type);
}

/* Returns FALSE when the file is not a dataset this version can read, in
 * which case nothing else is worth checking. */
static gboolean
check_format (Loader *L, JsonObject *root, GError **error)
{
  Ctx top = { NULL, NULL, 0 };
  const char *format = want_string (L, &top, root, "format", REQUIRED, 64);
  double version = 0;

  if (format == NULL || !g_str_equal (format, "straits-dataset"))
    {
      if (format != NULL)
        report (L, STRAITS_SEVERITY_ERROR, at_member (NULL, "format"),
                _("not a Straits dataset: “format” must be “straits-dataset”"));
      return FALSE;
    }
  if (!want_number (L, &top, root, "format_version", REQUIRED, 1, G_MAXINT, &version))
    return FALSE;
  if (version != floor (version))
    {
      report (L, STRAITS_SEVERITY_ERROR, at_member (NULL, "format_version"),
              _("the format version must be a whole number"));
      return FALSE;
    }
  if (version > STRAITS_DATASET_FORMAT_VERSION)
    {
      report (L, STRAITS_SEVERITY_ERROR, at_member (NULL, "format_version"),
              _("format version %g is newer than this version of Straits reads (%d)"),
              version, STRAITS_DATASET_FORMAT_VERSION);
      g_set_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_VERSION,
                   _("%s: format version %g is newer than this version of Straits reads (%d)"),
                   L->file, version, STRAITS_DATASET_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The top level is read in steps, each needing the members before it:
 * relations refer to actors and types, events to relations and
 * annotations. */
typedef enum {
  STEP_FORMAT,
  STEP_METADATA,
  STEP_VOCABULARY,
  STEP_SOURCES,
  STEP_ACTORS,
  STEP_GROUPINGS,
  STEP_ANNOTATIONS,
  STEP_RELATIONS,
  STEP_EVENTS,
  STEP_FIGURES,
  STEP_VIEWS,
  N_STEPS
} Step;

static const char *const step_members[N_STEPS] = {
  "format", "metadata", "vocabulary", "sources", "actors", "groupings", "annotations",
  "relations", "events", "figures", "views",
};

/* Every member name the format has, at any level: members with another
 * name are not parsed (straits_json_append_pruned()). check_members()
 * says when a list of known members names one missing here. */
static const char *const format_member_names[] = {
  "actor", "actors", "against", "annotations", "attested", "authors", "base", "bound", "change",
  "colour", "$comment", "country", "date", "dated", "description", "direction", "doi", "east",
  "end", "event_types", "events", "feature", "figures", "format", "format_version", "from",
  "geometry", "grouping", "groupings", "groups", "heading", "id", "iso3", "kind", "label",
  "language", "licence", "line", "location", "locator", "members", "memberships", "metadata", "name", "names", "north",
  "note", "of", "overlays", "paragraphs", "period", "place", "point", "publisher", "quote",
  "region", "relation_types", "relations", "role", "roles", "$schema", "sections", "short_name",
  "source", "sources", "south", "stance", "start", "strength", "subject", "subtitle", "summary",
  "text", "time", "title", "to", "type", "unit", "unrounded", "url", "value", "values", "version",
  "views", "vocabulary", "west", "whole", NULL
};

static GHashTable *
new_name_set (const char *const *names)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) names[i]);
  return set;
}

static const char *const top_level_members[] = {
  "format", "format_version", "metadata", "vocabulary", "sources", "actors", "groupings",
  "relations", "events", "figures", "views", "annotations", NULL
};

static const LoadItemFunc step_loaders[N_STEPS] = {
  [STEP_SOURCES] = load_source,
  [STEP_ACTORS] = load_actor,
  [STEP_GROUPINGS] = load_grouping,
  [STEP_ANNOTATIONS] = load_annotation,
  [STEP_RELATIONS] = load_relation,
  [STEP_EVENTS] = load_event,
  [STEP_FIGURES] = load_figure,
  [STEP_VIEWS] = load_view,
};

static GArray *
step_items (Loader *L, Step step)
{
  switch (step)
    {
    case STEP_SOURCES: return L->ds->sources;
    case STEP_ACTORS: return L->ds->actors;
    case STEP_GROUPINGS: return L->ds->groupings;
    case STEP_ANNOTATIONS: return L->ds->annotations;
    case STEP_RELATIONS: return L->ds->relations;
    case STEP_EVENTS: return L->ds->events;
    case STEP_FIGURES: return L->ds->figures;
    case STEP_VIEWS: return L->ds->views;
    default: return NULL;
    }
}

/* Runs @step on @root; its list has already been read when @streamed.
 * Returns FALSE when the file is refused and nothing more is worth reading. */
static gboolean
run_step (Loader      *L,
          JsonObject  *root,
          Step         step,
          gboolean     streamed,
          GError     **error)
{
  switch (step)
    {
    case STEP_FORMAT:
      return check_format (L, root, error);
    case STEP_METADATA:
      load_metadata (L, root);
      break;
    case STEP_VOCABULARY:
      load_vocabulary (L, root);
      break;
    default:
      if (!streamed)
        load_list (L, root, NULL, step_members[step], step_items (L, step), step_loaders[step]);
      if (step == STEP_ACTORS)
        resolve_actor_countries (L);
      break;
    }
  return TRUE;
}

static void add_file_problem (GPtrArray *diags, const char *file, guint line, guint column,
                              const char *message);

/* Reading in pieces ----------------------------------------------------
 *
 * json-glib builds the whole tree before handing it over, and for a large
 * file building and freeing that tree costs more than the parse itself.
 * The strict check has already found where each top-level member and each
 * element of the top-level lists stands, so json-glib parses the small
 * members one by one and the lists a slice at a time; each slice is read
 * into the model and dropped before the next is parsed. */

#define SLICE_ELEMENTS 256
#define SLICE_BYTES ((gsize) 1 << 20)

typedef struct {
  Loader *L;
  const char *text;
  GArray *outline;         /* StraitsJsonMember */
  JsonParser *parser;
  GString *buffer;
  GError *parse_error;     /* json-glib refused a piece */
} Pieces;

static JsonNode *
parse_piece (Pieces *p, const char *piece, gsize length)
{
  if (p->parse_error != NULL)
    return NULL;
  if (!json_parser_load_from_data (p->parser, piece, (gssize) length, &p->parse_error))
    return NULL;
  return json_parser_steal_root (p->parser);
}

static const StraitsJsonMember *
find_member (Pieces *p, const char *name)
{
  for (guint i = 0; i < p->outline->len; i++)
    {
      const StraitsJsonMember *m = &g_array_index (p->outline, StraitsJsonMember, i);

      if (g_str_equal (m->name, name))
        return m;
    }
  return NULL;
}

/* Parses @length bytes of @piece once the budget has room for their tree. */
static JsonNode *
parse_within_budget (Pieces *p, const char *piece, gsize length, gsize n_values)
{
  if (!within_budget (p->L, tree_cost (n_values, length)))
    return NULL;
  return parse_piece (p, piece, length);
}

/* Reads the elements of the top-level list @m, a slice at a time: at most
 * SLICE_ELEMENTS of them, or SLICE_BYTES of text (one at least). The list
 * grows with what is read, never from how long the text says it is. */
static void
load_list_in_slices (Pieces *p, const StraitsJsonMember *m, Step step)
{
  GArray *items = step_items (p->L, step);
  gsize pos = m->value.start;
  guint index = 0;
  StraitsJsonSpan span;
  gboolean more = straits_json_next_element (p->text, m->value.end, &pos, &span);

  while (more && !p->L->stop && p->parse_error == NULL)
    {
      g_autoptr(JsonNode) slice = NULL;
      gsize n_values = 0;
      guint count = 0;
      JsonArray *array;

      g_string_truncate (p->buffer, 0);
      g_string_append_c (p->buffer, '[');
      do
        {
          if (count++ > 0)
            g_string_append_c (p->buffer, ',');
          n_values += straits_json_append_pruned (p->buffer, p->text, span.start, span.end,
                                                  p->L->known_names);
          more = straits_json_next_element (p->text, m->value.end, &pos, &span);
        }
      while (more && count < SLICE_ELEMENTS && p->buffer->len < SLICE_BYTES);
      g_string_append_c (p->buffer, ']');
      slice = parse_within_budget (p, p->buffer->str, p->buffer->len, n_values);
      if (slice == NULL)
        return;
      array = json_node_get_array (slice);
      for (guint i = 0; i < json_array_get_length (array) && !p->L->stop; i++)
        load_item (p->L, m->name, index + i, json_array_get_element (array, i), items,
                   step_loaders[step]);
      index += count;
    }
}

/* A top-level object holding every member except the lists read in
 * slices, which stand in it as empty arrays. */
static JsonObject *
parse_small_members (Pieces *p)
{
  JsonObject *root = json_object_new ();

  for (guint i = 0; i < p->outline->len && p->parse_error == NULL && !p->L->stop; i++)
    {
      const StraitsJsonMember *m = &g_array_index (p->outline, StraitsJsonMember, i);
      JsonNode *value;

      if (!g_hash_table_contains (p->L->known_names, m->name))
        /* Unknown: reported by check_members(), never parsed. */
        value = json_node_init_null (json_node_alloc ());
      else if (m->is_array)
        {
          /* json_node_init_array() takes a reference of its own. */
          g_autoptr(JsonArray) empty = json_array_new ();

          value = json_node_init_array (json_node_alloc (), empty);
        }
      else
        {
          gsize n_values;

          g_string_truncate (p->buffer, 0);
          n_values = straits_json_append_pruned (p->buffer, p->text, m->value.start, m->value.end,
                                                 p->L->known_names);
          value = parse_within_budget (p, p->buffer->str, p->buffer->len, n_values);
        }
      if (value != NULL)
        json_object_set_member (root, m->name, value);
    }
  return root;
}

static gboolean
is_list_step (Step step)
{
  return step_loaders[step] != NULL;
}

/* Reads the dataset from @outline; FALSE with @parse_error set when
 * json-glib refused a piece the strict check let through. */
static gboolean
load_in_pieces (Loader      *L,
                const char  *text,
                GArray      *outline,
                GError     **error,
                GError     **parse_error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  Pieces p = { L, text, outline, parser, buffer, NULL };
  g_autoptr(JsonObject) root = parse_small_members (&p);
  Ctx top = { NULL, NULL, 0 };

  check_members (L, &top, root, top_level_members);
  for (Step step = 0; step < N_STEPS && p.parse_error == NULL; step++)
    {
      const StraitsJsonMember *m = is_list_step (step) ? find_member (&p, step_members[step]) : NULL;

      if (m != NULL && m->is_array)
        load_list_in_slices (&p, m, step);
      if (L->stop || !run_step (L, root, step, m != NULL && m->is_array, error))
        break;
    }
  if (p.parse_error != NULL)
    {
      g_propagate_error (parse_error, p.parse_error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the outline can stand for the file: a top-level object whose
 * member names need no decoding. */
static gboolean
outline_is_usable (GArray *outline)
{
  if (outline->len == 0)
    return FALSE;
  for (guint i = 0; i < outline->len; i++)
    if (strchr (g_array_index (outline, StraitsJsonMember, i).name, '\\') != NULL)
      return FALSE;
  return TRUE;
}

/* Reads the whole tree at once, as json-glib gives it. */
static gboolean
load_whole_tree (Loader      *L,
                 const char  *text,
                 gsize        length,
                 GError     **error,
                 GError     **parse_error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) pruned = g_string_new (NULL);
  Ctx top = { NULL, NULL, 0 };
  JsonNode *root;
  gsize n_values = straits_json_append_pruned (pruned, text, 0, length, L->known_names);

  if (!within_budget (L, tree_cost (n_values, pruned->len)))
    return TRUE;
  if (!json_parser_load_from_data (parser, pruned->str, (gssize) pruned->len, parse_error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      add_file_problem (L->diags, L->file, 1, 1, _("the top level must be a JSON object"));
      return TRUE;
    }
  check_members (L, &top, json_node_get_object (root), top_level_members);
  for (Step step = 0; step < N_STEPS; step++)
    if (!run_step (L, json_node_get_object (root), step, FALSE, error))
      break;
  return TRUE;
}

/* Pools ---------------------------------------------------------------- */

#define FIX(field, pool, type) \
  ((field) = pool_ptr ((field), (pool), sizeof (type)))

static StraitsCitations
fix_citations (StraitsDataset *ds, StraitsCitations c)
{
  c.items = pool_ptr (c.items, ds->citations->data, sizeof (StraitsCitation));
  return c;
}

/* Actors' names in the interface's language: the dataset's own names
 * for it, else for states iso-codes' translation (Türkei, Allemagne);
 * the dataset's name is kept for search. */
/* The dataset's own name for the actor in the interface's language: the
 * first of the languages the interface would take ("de_DE", "de") that
 * the actor's names give. */
static const char *
own_translation (const StraitsActor *a)
{
  const char *const *languages = g_get_language_names ();

  for (guint l = 0; a->names != NULL && languages[l] != NULL; l++)
    {
      g_autofree char *tag = g_strdelimit (g_strdup (languages[l]), "_", '-');
      char *dot = strchr (tag, '.');

      if (dot != NULL)
        *dot = '\0';
      if (g_str_equal (tag, "C") || g_str_has_prefix (tag, "en"))
        return NULL;
      for (guint k = 0; a->names[k] != NULL; k += 2)
        if (g_ascii_strcasecmp (a->names[k], tag) == 0)
          return a->names[k + 1];
    }
  return NULL;
}

static void
translate_country_names (StraitsDataset *ds)
{
  for (guint i = 0; i < ds->actors->len; i++)
    {
      StraitsActor *a = &g_array_index (ds->actors, StraitsActor, i);
      const char *translated = own_translation (a);

      if (translated == NULL &&
          (a->kind != STRAITS_ACTOR_STATE || (translated = straits_country_name_translated (a->iso3)) == NULL))
        continue;
      a->dataset_name = a->name;
      a->name = translated;
      if (a->short_name != NULL)
        a->short_name = translated;
    }
}

static void
finish_pools (StraitsDataset *ds)
{
  const char **strvs = (const char **) ds->strvs->pdata;
  guint32 *indices = (guint32 *) (gpointer) ds->indices->data;

  FIX (ds->metadata.authors, strvs, char *);
  for (guint i = 0; i < ds->sources->len; i++)
    {
      StraitsSource *s = &g_array_index (ds->sources, StraitsSource, i);
      FIX (s->authors, strvs, char *);
      FIX (s->headings, strvs, char *);
      FIX (s->paragraphs, indices, guint32);
    }
  for (guint i = 0; i < ds->actors->len; i++)
    {
      StraitsActor *a = &g_array_index (ds->actors, StraitsActor, i);
      FIX (a->memberships, strvs, char *);
      FIX (a->names, strvs, char *);
      a->citations = fix_citations (ds, a->citations);
    }
  for (guint i = 0; i < ds->groups->len; i++)
    {
      StraitsGroup *g = &g_array_index (ds->groups, StraitsGroup, i);
      FIX (g->members, indices, guint32);
      g->citations = fix_citations (ds, g->citations);
    }
  for (guint i = 0; i < ds->groupings->len; i++)
    {
      StraitsGrouping *g = &g_array_index (ds->groupings, StraitsGrouping, i);
      FIX (g->groups, ds->groups->data, StraitsGroup);
      g->citations = fix_citations (ds, g->citations);
    }
  for (guint i = 0; i < ds->relations->len; i++)
    {
      StraitsRelation *r = &g_array_index (ds->relations, StraitsRelation, i);
      r->citations = fix_citations (ds, r->citations);
    }
  for (guint i = 0; i < ds->events->len; i++)
    {
      StraitsEvent *e = &g_array_index (ds->events, StraitsEvent, i);
      FIX (e->actors, indices, guint32);
      FIX (e->relations, indices, guint32);
      e->citations = fix_citations (ds, e->citations);
    }
  for (guint i = 0; i < ds->figures->len; i++)
    {
      StraitsFigure *f = &g_array_index (ds->figures, StraitsFigure, i);
      FIX (f->values, ds->figure_values->data, StraitsFigureValue);
      f->citations = fix_citations (ds, f->citations);
    }
  for (guint i = 0; i < ds->views->len; i++)
    {
      StraitsView *v = &g_array_index (ds->views, StraitsView, i);
      FIX (v->relation_types, indices, guint32);
      FIX (v->overlays, strvs, char *);
    }
  for (guint i = 0; i < ds->annotations->len; i++)
    {
      StraitsAnnotation *a = &g_array_index (ds->annotations, StraitsAnnotation, i);
      FIX (a->coords, ds->coords->data, double[2]);
      a->citations = fix_citations (ds, a->citations);
    }
}

/* Entry points --------------------------------------------------------- */

static void
add_file_problem (GPtrArray  *diags,
                  const char *file,
                  guint       line,
                  guint       column,
                  const char *message)
{
  StraitsDiagnostic *d = straits_diagnostic_new (STRAITS_SEVERITY_ERROR, file, NULL, message);

  d->line = line;
  d->column = column;
  g_ptr_array_add (diags, d);
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: WHAT". */
static void
add_syntax_problem (GPtrArray  *diags,
                    const char *file,
                    const char *parser_message)
{
  guint line = 0, column = 0;
  const char *what = strstr (parser_message, "Parse error: ");
  g_autofree char *message = NULL;

  if (sscanf (parser_message, "<data>:%u:%u:", &line, &column) != 2)
    line = column = 0;
  message = g_strdup_printf (_("syntax error: %s"), what ? what + strlen ("Parse error: ")
                                                         : parser_message);
  add_file_problem (diags, file, line, column, message);
}

static void
locate_diagnostics (GPtrArray  *diags,
                    const char *text,
                    gsize       length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = NULL;

  for (guint i = 0; i < diags->len; i++)
    {
      StraitsDiagnostic *d = g_ptr_array_index (diags, i);

      if (d->path != NULL && d->line == 0)
        g_hash_table_add (wanted, d->path);
    }
  if (g_hash_table_size (wanted) == 0)
    return;
  found = straits_json_locate (text, length, wanted);
  for (guint i = 0; i < diags->len; i++)
    {
      StraitsDiagnostic *d = g_ptr_array_index (diags, i);
      const guint *where = d->path ? g_hash_table_lookup (found, d->path) : NULL;

      if (where != NULL && d->line == 0)
        {
          d->line = where[0];
          d->column = where[1];
        }
    }
}

/* Problems in the order they stand in the file; those without a place
 * (file-level ones) first. */
static int
compare_diagnostics (gconstpointer a, gconstpointer b)
{
  const StraitsDiagnostic *da = *(StraitsDiagnostic *const *) a;
  const StraitsDiagnostic *db = *(StraitsDiagnostic *const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  return da->column < db->column ? -1 : da->column > db->column;
}

static StraitsDataset *
fail (GPtrArray  *diags,
      GPtrArray **out_diags,
      GError    **error,
      int         code,
      const char *file)
{
  guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);

  if (error != NULL && *error == NULL)
    {
      StraitsDiagnostic *first = NULL;

      for (guint i = 0; i < diags->len && first == NULL; i++)
        if (((StraitsDiagnostic *) g_ptr_array_index (diags, i))->severity == STRAITS_SEVERITY_ERROR)
          first = g_ptr_array_index (diags, i);
      if (first != NULL && n > 1)
        {
          g_autofree char *text = straits_diagnostic_to_string (first);
          g_set_error (error, STRAITS_DATASET_ERROR, code,
                       g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)",
                                    "%s (and %u more errors)", n - 1),
                       text, n - 1);
        }
      else if (first != NULL)
        {
          g_autofree char *text = straits_diagnostic_to_string (first);
          g_set_error_literal (error, STRAITS_DATASET_ERROR, code, text);
        }
      else
        g_set_error (error, STRAITS_DATASET_ERROR, code, _("%s: cannot be loaded"), file);
    }
  if (out_diags != NULL)
    *out_diags = g_ptr_array_ref (diags);
  return NULL;
}

StraitsDataset *
straits_dataset_load_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GPtrArray  **out_diags,
                            GError     **error)
{
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(StraitsDataset) ds = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) actor_countries = NULL;
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GHashTable) warning_kinds = g_hash_table_new_full (NULL, NULL, NULL, warning_kind_free);
  g_autoptr(GHashTable) known_names = new_name_set (format_member_names);
  StraitsJsonProblem problem = { 0 };
  gsize budget;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  gboolean read;
  Loader L = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  if (display_name == NULL)
    display_name = "<data>";
  if (out_diags != NULL)
    *out_diags = NULL;

  if (length == 0)
    {
      add_file_problem (diags, display_name, 0, 0, _("the file is empty"));
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_SYNTAX, display_name);
    }
  if (length > STRAITS_DATASET_MAX_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("the file is too large (%u MB; at most %u MB)"),
                                                  (guint) (length >> 20), STRAITS_DATASET_MAX_SIZE >> 20);
      add_file_problem (diags, display_name, 0, 0, message);
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_TOO_LARGE, display_name);
    }
  outline = straits_json_outline_new ();
  if (!straits_json_prescan (text, length, STRAITS_DATASET_MAX_DEPTH, outline, &problem))
    {
      gboolean encoding = problem.message && (strstr (problem.message, "UTF-8") || strstr (problem.message, "NUL"));
      add_file_problem (diags, display_name, problem.line, problem.column, problem.message);
      straits_json_problem_clear (&problem);
      return fail (diags, out_diags, error,
                   encoding ? STRAITS_DATASET_ERROR_ENCODING : STRAITS_DATASET_ERROR_SYNTAX,
                   display_name);
    }

  ds = straits_dataset_new_empty (display_name);
  actor_countries = g_ptr_array_new ();
  budget = MAX (LOAD_BUDGET_FLOOR, LOAD_BUDGET_FACTOR * length);
  L = (Loader) { ds, display_name, diags, 0, FALSE, actor_countries, budget, 0, FALSE,
                 warning_kinds, known_names };
  read = outline_is_usable (outline) && load_in_pieces (&L, text, outline, error, &parse_error);
  if (!read)
    {
      /* Start again on the whole tree: it reads files whose top level is
       * not a plain object, and json-glib places its errors in the file. */
      g_clear_error (&parse_error);
      g_ptr_array_set_size (diags, 0);
      g_clear_object (&ds);
      ds = straits_dataset_new_empty (display_name);
      g_ptr_array_set_size (actor_countries, 0);
      g_hash_table_remove_all (warning_kinds);
      L = (Loader) { ds, display_name, diags, 0, FALSE, actor_countries, budget, 0, FALSE,
                     warning_kinds, known_names };
      read = load_whole_tree (&L, text, length, error, &parse_error);
    }
  if (!read)
    {
      g_ptr_array_set_size (diags, 0);
      add_syntax_problem (diags, display_name, parse_error->message);
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_SYNTAX, display_name);
    }

  locate_diagnostics (diags, text, length);
  g_ptr_array_sort (diags, compare_diagnostics);
  summarize_warnings (&L);
  if (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR) > 0)
    return fail (diags, out_diags, error,
                 L.over_budget ? STRAITS_DATASET_ERROR_TOO_LARGE : STRAITS_DATASET_ERROR_INVALID,
                 display_name);

  finish_pools (ds);
  translate_country_names (ds);
  straits_dataset_build_index (ds);
  if (out_diags != NULL)
    *out_diags = g_steal_pointer (&diags);
  return g_steal_pointer (&ds);
}

/* The loader's own words for a file it could not read. */
static const char *
read_problem (const GError *read_error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("this is a folder, not a dataset file");
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return _("this is not a regular file");
  return read_error->message;
}

StraitsDataset *
straits_dataset_load_file (const char  *filename,
                           GPtrArray  **out_diags,
                           GError     **error)
{
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  if (out_diags != NULL)
    *out_diags = NULL;

  /* Opened once and checked on the descriptor, so that a file swapped
   * after a check (a FIFO, a huge file) cannot slip through it. */
  bytes = straits_safe_file_read (filename, STRAITS_DATASET_MAX_SIZE, STRAITS_SAFE_FILE_FOLLOW_LINKS,
                                  &read_error);
  if (bytes == NULL)
    {
      gboolean too_large = g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);

      if (too_large)
        {
          g_autofree char *message = g_strdup_printf (_("the file is too large (at most %u MB)"),
                                                      STRAITS_DATASET_MAX_SIZE >> 20);
          add_file_problem (diags, filename, 0, 0, message);
        }
      else
        add_file_problem (diags, filename, 0, 0, read_problem (read_error));
      return fail (diags, out_diags, error,
                   too_large ? STRAITS_DATASET_ERROR_TOO_LARGE : STRAITS_DATASET_ERROR_IO, filename);
    }
  return straits_dataset_load_bytes (bytes, filename, out_diags, error);
}
