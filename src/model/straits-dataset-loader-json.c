/* straits-dataset-loader-json.c: the loader's reading of JSON values
 *
 * Each want_*() reads a member of an object, checks its type and range
 * and stores it; a problem is reported at the value's JSON path
 * ("relations[12].sources[0].locator") and reading goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-dataset-loader-private.h"

/* Warnings of one kind listed before the rest are only counted. */
#define MAX_WARNINGS_PER_KIND 20

typedef struct {
  guint64 count;
  char *first;                /* the first message of the kind */
} WarningKind;

/* Reporting ------------------------------------------------------------ */

static char *where_to_string (Where where);

void
_straits_warning_kind_free (gpointer data)
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

void
_straits_report (Loader          *L,
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
void
_straits_summarize_warnings (Loader *L)
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


Where
_straits_at_member (const Ctx *c, const char *member)
{
  return (Where) { c, member, G_MAXUINT };
}

Where
_straits_at_item (const Ctx *c)
{
  return (Where) { c, NULL, G_MAXUINT };
}

Where
_straits_at_element (Where where, guint index)
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

void
_straits_wrong_type (Loader     *L,
                     Where       path,
                     const char *expected,
                     JsonNode   *node)
{
  /* Translators: "expected a string, found a number" */
  _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("expected %s, found %s"), expected, describe_node (node));
}

/* Reads a member; NULL when absent or null, reporting if it is required. */
JsonNode *
_straits_get_member (Loader     *L,
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
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, member),
                     _("null is not a value here: leave the member out, or give it a value"));
  else if (flags & REQUIRED)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, NULL),
                     _("missing required member “%s”"), member);
  return NULL;
}

gboolean
_straits_is_string (JsonNode *node)
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

const char *
_straits_intern (Loader     *L,
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
            _straits_report (L, STRAITS_SEVERITY_ERROR, path,
                             _("the bidirectional control U+%04X %s at character %u is not allowed here: "
                      "it changes how the text around it reads"),
                    ch, bidi_controls[i].name, position);
            return FALSE;
          }
    }
  return TRUE;
}

/* Checks a string value and stores it; NULL when invalid. */
const char *
_straits_check_string (Loader     *L,
                       Where       path,
                       JsonNode   *node,
                       Flags       flags,
                       gsize       max_length)
{
  const char *text;
  gsize length;

  if (!_straits_is_string (node))
    {
      _straits_wrong_type (L, path, _("a string"), node);
      return NULL;
    }
  text = json_node_get_string (node);
  length = strlen (text);
  if (length > max_length)
    length = (gsize) g_utf8_strlen (text, -1);
  if (length > max_length)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path,
                       _("text too long (%lu characters; at most %lu here)"), (gulong) length, (gulong) max_length);
      return NULL;
    }
  /* Names and other short texts: a long text may quote right-to-left
   * script, and is shown in a label of its own. */
  if (max_length < MAX_TEXT_LENGTH && !check_no_bidi_controls (L, path, text))
    return NULL;
  if ((flags & REQUIRED) && length == 0)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("must not be empty"));
      return NULL;
    }
  return _straits_intern (L, text, flags);
}

const char *
_straits_want_string (Loader     *L,
                      const Ctx  *c,
                      JsonObject *o,
                      const char *member,
                      Flags       flags,
                      gsize       max_length)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);

  if (node == NULL)
    return NULL;
  return _straits_check_string (L, _straits_at_member (c, member), node, flags, max_length);
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

const char *
_straits_check_id_text (Loader     *L,
                        Where       path,
                        JsonNode   *node)
{
  const char *id;

  if (!_straits_is_string (node))
    {
      _straits_wrong_type (L, path, _("a string"), node);
      return NULL;
    }
  id = json_node_get_string (node);
  if (!id_is_valid (id))
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path,
                       _("invalid id: use 1 to %d letters, digits and _ - . :"), MAX_ID_LENGTH);
      return NULL;
    }
  return id;
}

/* Reads an item's id and registers it; of two items with one id, the
 * later is reported and the earlier kept. */
const char *
_straits_want_id (Loader     *L,
                  const Ctx  *c,
                  JsonObject *o,
                  GHashTable *ids)
{
  JsonNode *node = _straits_get_member (L, c, o, "id", REQUIRED);
  const char *id, *stored;
  guint32 other;

  if (node == NULL)
    return NULL;
  id = _straits_check_id_text (L, _straits_at_member (c, "id"), node);
  if (id == NULL)
    return NULL;
  stored = _straits_intern (L, id, OPTIONAL);
  other = straits_dataset_lookup (ids, stored);
  if (other != STRAITS_NO_INDEX)
    {
      Ctx first = { c->parent, c->list, other };
      g_autofree char *first_path = where_to_string (_straits_at_item (&first));

      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "id"),
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

guint32
_straits_check_ref (Loader     *L,
                    Where       path,
                    JsonNode   *node,
                    GHashTable *ids,
                    const char *what)
{
  const char *id;
  guint32 index;

  if (!_straits_is_string (node))
    {
      _straits_wrong_type (L, path, _("a string"), node);
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
        _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("unknown %s “%s” (did you mean “%s”?)"),
                         what, quoted, closest);
      else
        _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("unknown %s “%s”"), what, quoted);
      return STRAITS_NO_INDEX;
    }
  return index;
}

guint32
_straits_want_ref (Loader     *L,
                   const Ctx  *c,
                   JsonObject *o,
                   const char *member,
                   Flags       flags,
                   GHashTable *ids,
                   const char *what)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);

  if (node == NULL)
    return STRAITS_NO_INDEX;
  return _straits_check_ref (L, _straits_at_member (c, member), node, ids, what);
}

/* @member's node when it holds @type; else NULL, and a problem reported
 * where it is not @expected. */
static JsonNode *
want_node (Loader       *L,
           const Ctx    *c,
           JsonObject   *o,
           const char   *member,
           Flags         flags,
           JsonNodeType  type,
           const char   *expected)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_TYPE (node) != type)
    {
      _straits_wrong_type (L, _straits_at_member (c, member), expected, node);
      return NULL;
    }
  return node;
}

JsonArray *
_straits_want_array (Loader     *L,
                     const Ctx  *c,
                     JsonObject *o,
                     const char *member,
                     Flags       flags)
{
  JsonNode *node = want_node (L, c, o, member, flags, JSON_NODE_ARRAY, _("an array"));

  return node != NULL ? json_node_get_array (node) : NULL;
}

JsonObject *
_straits_want_object (Loader     *L,
                      const Ctx  *c,
                      JsonObject *o,
                      const char *member,
                      Flags       flags)
{
  JsonNode *node = want_node (L, c, o, member, flags, JSON_NODE_OBJECT, _("an object"));

  return node != NULL ? json_node_get_object (node) : NULL;
}

/* A list of references into @ids, stored in the index pool. Returns the
 * encoded pool pointer and sets @n. */
gpointer
_straits_want_ref_list (Loader     *L,
                        const Ctx  *c,
                        JsonObject *o,
                        const char *member,
                        GHashTable *ids,
                        const char *what,
                        guint      *n)
{
  JsonArray *array = _straits_want_array (L, c, o, member, OPTIONAL);
  guint first = L->ds->indices->len, length;

  *n = 0;
  if (array == NULL)
    return NULL;
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Ctx item = { c, member, i };
      guint32 index = _straits_check_ref (L, _straits_at_item (&item), json_array_get_element (array, i), ids, what);

      if (index != STRAITS_NO_INDEX)
        g_array_append_val (L->ds->indices, index);
    }
  *n = L->ds->indices->len - first;
  return POOL_REF (first);
}

/* A list of strings, stored NULL-terminated in the string-list pool. */
gpointer
_straits_want_strv (Loader     *L,
                    const Ctx  *c,
                    JsonObject *o,
                    const char *member)
{
  JsonArray *array = _straits_want_array (L, c, o, member, OPTIONAL);
  guint first = L->ds->strvs->len, length;

  if (array == NULL)
    return NULL;
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Ctx item = { c, member, i };
      const char *text = _straits_check_string (L, _straits_at_item (&item), json_array_get_element (array, i),
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
      _straits_wrong_type (L, path, _("a number"), node);
      return FALSE;
    }
  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("the number is not finite"));
      return FALSE;
    }
  if (value < min || value > max)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path, _("%g is out of range (%g to %g)"), value, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
_straits_want_number (Loader     *L,
                      const Ctx  *c,
                      JsonObject *o,
                      const char *member,
                      Flags       flags,
                      double      min,
                      double      max,
                      double     *out)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);

  if (node == NULL)
    return FALSE;
  return check_number (L, _straits_at_member (c, member), node, min, max, out);
}

static gboolean
check_date (Loader      *L,
            Where        path,
            JsonNode    *node,
            StraitsDate *out)
{
  if (!_straits_is_string (node))
    {
      _straits_wrong_type (L, path, _("a date string"), node);
      return FALSE;
    }
  if (!straits_date_parse (json_node_get_string (node), out))
    {
      g_autofree char *quoted = straits_diagnostic_excerpt (json_node_get_string (node),
                                                            STRAITS_DIAGNOSTIC_MAX_QUOTE);
      _straits_report (L, STRAITS_SEVERITY_ERROR, path,
                       _("invalid date “%s”: use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day, years 1000 to 2999)"),
                       quoted);
      return FALSE;
    }
  return TRUE;
}

gboolean
_straits_want_date (Loader      *L,
                    const Ctx   *c,
                    JsonObject  *o,
                    const char  *member,
                    Flags        flags,
                    StraitsDate *out)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);

  if (node == NULL)
    return FALSE;
  return check_date (L, _straits_at_member (c, member), node, out);
}

/* A date, or the string "unknown" (sets @unknown): a start or end the
 * source implies but does not date. */
void
_straits_want_date_or_unknown (Loader      *L,
                               const Ctx   *c,
                               JsonObject  *o,
                               const char  *member,
                               StraitsDate *out,
                               gboolean    *unknown)
{
  JsonNode *node = _straits_get_member (L, c, o, member, OPTIONAL);

  *unknown = FALSE;
  if (node == NULL)
    return;
  if (_straits_is_string (node) && g_str_equal (json_node_get_string (node), "unknown"))
    *unknown = TRUE;
  else
    check_date (L, _straits_at_member (c, member), node, out);
}

gboolean
_straits_want_boolean (Loader     *L,
                       const Ctx  *c,
                       JsonObject *o,
                       const char *member)
{
  JsonNode *node = _straits_get_member (L, c, o, member, OPTIONAL);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _straits_wrong_type (L, _straits_at_member (c, member), _("true or false"), node);
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

void
_straits_want_colour (Loader        *L,
                      const Ctx     *c,
                      JsonObject    *o,
                      Flags          flags,
                      StraitsColour *out)
{
  JsonNode *node = _straits_get_member (L, c, o, "colour", flags);

  *out = (StraitsColour) { 0.6, 0.6, 0.6 };
  if (node == NULL)
    return;
  if (!_straits_is_string (node))
    _straits_wrong_type (L, _straits_at_member (c, "colour"), _("a colour string"), node);
  else if (!parse_colour (json_node_get_string (node), out))
    {
      g_autofree char *quoted = straits_diagnostic_excerpt (json_node_get_string (node),
                                                            STRAITS_DIAGNOSTIC_MAX_QUOTE);
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "colour"),
                       _("invalid colour “%s”: use #rrggbb"), quoted);
    }
}

int
_straits_want_enum (Loader            *L,
                    const Ctx         *c,
                    JsonObject        *o,
                    const char        *member,
                    Flags              flags,
                    const char *const *names,
                    int                fallback)
{
  JsonNode *node = _straits_get_member (L, c, o, member, flags);
  const char *text;

  if (node == NULL)
    return fallback;
  if (!_straits_is_string (node))
    {
      _straits_wrong_type (L, _straits_at_member (c, member), _("a string"), node);
      return fallback;
    }
  text = json_node_get_string (node);
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], text))
      return i;
  {
    g_autofree char *expected = g_strjoinv (", ", (char **) names);
    g_autofree char *quoted = straits_diagnostic_excerpt (text, STRAITS_DIAGNOSTIC_MAX_QUOTE);

    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, member),
                     _("unknown value “%s” (expected one of: %s)"), quoted, expected);
  }
  return fallback;
}

/* [lon, lat] in degrees. */
gboolean
_straits_check_point (Loader   *L,
                      Where     path,
                      JsonNode *node,
                      double   *lon,
                      double   *lat)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, path,
                       _("expected a point [longitude, latitude], found %s"), describe_node (node));
      return FALSE;
    }
  array = json_node_get_array (node);
  return check_number (L, _straits_at_element (path, 0), json_array_get_element (array, 0),
                       -180, 180, lon) &&
         check_number (L, _straits_at_element (path, 1), json_array_get_element (array, 1),
                       -90, 90, lat);
}

StraitsCitations
_straits_want_citations (Loader     *L,
                         const Ctx  *c,
                         JsonObject *o)
{
  JsonArray *array = _straits_want_array (L, c, o, "sources", OPTIONAL);
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
          _straits_wrong_type (L, _straits_at_item (&item), _("an object with “source” and “locator”"), node);
          continue;
        }
      co = json_node_get_object (node);
      cite.source = _straits_want_ref (L, &item, co, "source", REQUIRED, L->ds->source_ids, _("source"));
      cite.locator = _straits_want_string (L, &item, co, "locator", SHARED, MAX_NAME_LENGTH);
      cite.quote = _straits_want_string (L, &item, co, "quote", OPTIONAL, MAX_TEXT_LENGTH);
      if (cite.source != STRAITS_NO_INDEX)
        g_array_append_val (L->ds->citations, cite);
    }
  return (StraitsCitations) { POOL_REF (first), L->ds->citations->len - first };
}

/* Members the format does not know are ignored, but reported: they are
 * usually typing mistakes. */
void
_straits_check_members (Loader            *L,
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
          _straits_report (L, STRAITS_SEVERITY_WARNING, _straits_at_member (c, name),
                           _("unknown member “%s” is ignored"), quoted);
        }
    }
}

