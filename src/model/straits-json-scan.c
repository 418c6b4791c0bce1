/* straits-json-scan.c
 *
 * json-glib's parser recurses once per nesting level, accepts invalid UTF-8,
 * single quotes, comments and hexadecimal numbers, wraps integers too long
 * for 64 bits without a word, keeps the last of two members with one name,
 * and its tree does not remember where a node stood in the text. These
 * scans close those gaps: one before parsing accepts exactly RFC 8259 JSON
 * (and says precisely what is wrong otherwise), one after validation finds
 * the line and column of the JSON paths that have problems. Neither
 * recurses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-diagnostic.h"
#include "straits-json-scan.h"

/* Longer integer literals may not fit in 64 bits. */
#define MAX_INTEGER_DIGITS 18

void
straits_json_problem_clear (StraitsJsonProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
  problem->line = problem->column = 0;
}

/* Columns count characters, not bytes, as editors do. */
void
straits_json_position_at (const char *text,
                          gsize       offset,
                          guint      *line,
                          guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar ch = (guchar) text[i];

      if (ch == '\n')
        {
          l++;
          c = 1;
        }
      else if ((ch & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

static gboolean
fail_at (const char         *text,
         gsize               offset,
         StraitsJsonProblem *problem,
         char               *message)
{
  straits_json_position_at (text, offset, &problem->line, &problem->column);
  problem->message = message;
  return FALSE;
}

/* Strict syntax check ---------------------------------------------------
 *
 * json-glib also accepts single quotes, comments, hexadecimal numbers and
 * raw control characters; a check that did not know those would lose
 * track of strings and let deep nesting through. So the check accepts
 * exactly RFC 8259 JSON, and json-glib only ever parses that. */

typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,   /* after '[' */
  EXPECT_KEY,              /* after ',' in an object */
  EXPECT_KEY_OR_CLOSE,     /* after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,              /* after the top-level value */
} Expect;

typedef struct {
  gsize start;  /* offset of the name, after its quote */
  gsize length;
  char *decoded; /* the name with its escapes decoded; NULL when it has none */
} Key;

typedef struct {
  const char *text;
  gsize length;
  gsize i;
  StraitsJsonProblem *problem;
  GArray *keys;        /* Key: names of the open objects, innermost last */
  GArray *frames;      /* KeyFrame: one per open container */
} Scan;

typedef struct {
  guint first;         /* where its names begin in keys */
  GHashTable *names;   /* once it has many */
} KeyFrame;

#define LINEAR_KEYS 32

static gboolean
scan_fail (Scan *s, gsize at, char *message)
{
  return fail_at (s->text, MIN (at, s->length), s->problem, message);
}

static int hex4 (const char *p);

/* The characters of a string that scan_string() accepted, escapes decoded:
 * "n\u0061me" is "name". */
static char *
decode_string (const char *text, gsize length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      gunichar u;

      if (text[i] != '\\')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      switch (text[++i])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          u = (gunichar) hex4 (text + i + 1);
          i += 4;
          if (u >= 0xD800 && u <= 0xDBFF)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + ((gunichar) hex4 (text + i + 3) - 0xDC00);
              i += 6;
            }
          g_string_append_unichar (out, u);
          break;
        default: /* " \ / */
          g_string_append_c (out, text[i]);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* A name as its reader sees it, not as it is spelled. */
static const char *
key_name (const Scan *s, const Key *key, gsize *length)
{
  if (key->decoded != NULL)
    {
      *length = strlen (key->decoded);
      return key->decoded;
    }
  *length = key->length;
  return s->text + key->start;
}

static void
key_clear (gpointer data)
{
  g_clear_pointer (&((Key *) data)->decoded, g_free);
}

/* A member name just scanned, at [start, start + length): refuses it when
 * its object already has one like it. json-glib would keep the last of
 * two silently, while a reader of the file sees the first. Small objects
 * compare names one by one; large ones get a set of their own, so that
 * no object makes this quadratic. */
static gboolean
check_duplicate_key (Scan *s, gsize start, gsize length)
{
  KeyFrame *frame = &g_array_index (s->frames, KeyFrame, s->frames->len - 1);
  guint n = s->keys->len - frame->first;
  Key key = { start, length, NULL };
  gsize name_length;
  const char *name;
  gboolean duplicate = FALSE;

  if (memchr (s->text + start, '\\', length) != NULL)
    key.decoded = decode_string (s->text + start, length);
  name = key_name (s, &key, &name_length);

  if (n < LINEAR_KEYS)
    for (guint k = frame->first; k < s->keys->len && !duplicate; k++)
      {
        gsize other_length;
        const char *other = key_name (s, &g_array_index (s->keys, Key, k), &other_length);

        duplicate = other_length == name_length && memcmp (other, name, name_length) == 0;
      }
  else
    {
      if (frame->names == NULL)
        {
          frame->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint k = frame->first; k < s->keys->len; k++)
            {
              gsize other_length;
              const char *other = key_name (s, &g_array_index (s->keys, Key, k), &other_length);

              g_hash_table_add (frame->names, g_strndup (other, other_length));
            }
        }
      duplicate = !g_hash_table_add (frame->names, g_strndup (name, name_length));
    }
  if (duplicate)
    {
      g_autofree char *whole = g_strndup (name, name_length);
      g_autofree char *quoted = straits_diagnostic_excerpt (whole, STRAITS_DIAGNOSTIC_MAX_QUOTE);

      key_clear (&key);
      return scan_fail (s, start - 1, g_strdup_printf (_("duplicate member “%s” in one object"), quoted));
    }
  g_array_append_val (s->keys, key);
  return TRUE;
}

static char *
describe_byte (char ch)
{
  if (g_ascii_isprint (ch))
    return g_strdup_printf (_("unexpected character “%c”"), ch);
  return g_strdup_printf (_("unexpected byte 0x%02x"), (guchar) ch);
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int k = 0; k < 4; k++)
    {
      int d = g_ascii_xdigit_value (p[k]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* A string from its opening quote; leaves s->i after the closing one. */
static gboolean
scan_string (Scan *s)
{
  gsize start = s->i++;

  while (s->i < s->length)
    {
      guchar ch = (guchar) s->text[s->i];

      if (ch == '"')
        {
          s->i++;
          return TRUE;
        }
      if (ch < 0x20)
        return scan_fail (s, s->i, g_strdup (_("a control character inside a string: write it as an escape such as \\n or \\t")));
      if (ch != '\\')
        {
          s->i++;
          continue;
        }
      if (s->i + 1 >= s->length)
        break;
      switch (s->text[s->i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->i += 2;
          break;
        case 'u':
          {
            int u = s->i + 6 <= s->length ? hex4 (s->text + s->i + 2) : -1;

            if (u < 0)
              return scan_fail (s, s->i, g_strdup (_("\\u must be followed by four hexadecimal digits")));
            if (u == 0)
              return scan_fail (s, s->i, g_strdup (_("\\u0000 (a NUL character) is not allowed in text")));
            if (u >= 0xDC00 && u <= 0xDFFF)
              return scan_fail (s, s->i, g_strdup (_("a lone low surrogate escape: not a character")));
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = s->i + 12 <= s->length && s->text[s->i + 6] == '\\' && s->text[s->i + 7] == 'u'
                          ? hex4 (s->text + s->i + 8) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return scan_fail (s, s->i, g_strdup (_("a lone high surrogate escape: not a character")));
                s->i += 6;
              }
            s->i += 6;
          }
          break;
        default:
          return scan_fail (s, s->i, g_strdup (_("an unknown escape in a string")));
        }
    }
  return scan_fail (s, start, g_strdup (_("a string is not closed before the end of the file")));
}

static gboolean
scan_digits (Scan *s, gsize *count)
{
  gsize start = s->i;

  while (s->i < s->length && g_ascii_isdigit (s->text[s->i]))
    s->i++;
  *count = s->i - start;
  return *count > 0;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (Scan *s)
{
  gsize start = s->i, int_digits, frac = 0, exp = 0;
  gboolean integer = TRUE;

  if (s->text[s->i] == '-')
    s->i++;
  if (s->i < s->length && s->text[s->i] == '0' && s->i + 1 < s->length && g_ascii_isdigit (s->text[s->i + 1]))
    return scan_fail (s, start, g_strdup (_("a number has a leading zero")));
  if (!scan_digits (s, &int_digits))
    return scan_fail (s, start, describe_byte (s->i < s->length ? s->text[s->i] : ' '));
  if (s->i < s->length && s->text[s->i] == '.')
    {
      s->i++;
      integer = FALSE;
      if (!scan_digits (s, &frac))
        return scan_fail (s, start, g_strdup (_("a number has no digits after its decimal point")));
    }
  if (s->i < s->length && (s->text[s->i] == 'e' || s->text[s->i] == 'E'))
    {
      s->i++;
      integer = FALSE;
      if (s->i < s->length && (s->text[s->i] == '+' || s->text[s->i] == '-'))
        s->i++;
      if (!scan_digits (s, &exp))
        return scan_fail (s, start, g_strdup (_("a number has no digits in its exponent")));
    }
  if (integer && int_digits > MAX_INTEGER_DIGITS)
    return scan_fail (s, start, g_strdup (_("a number has too many digits to be represented exactly")));
  if (s->i < s->length && (g_ascii_isalnum (s->text[s->i]) || s->text[s->i] == '.'))
    return scan_fail (s, start, g_strdup (_("a malformed number")));
  return TRUE;
}

static gboolean
scan_literal (Scan *s)
{
  static const char *const literals[] = { "true", "false", "null" };

  for (guint k = 0; k < G_N_ELEMENTS (literals); k++)
    {
      gsize n = strlen (literals[k]);

      if (s->length - s->i >= n && strncmp (s->text + s->i, literals[k], n) == 0 &&
          (s->i + n == s->length || !g_ascii_isalnum (s->text[s->i + n])))
        {
          s->i += n;
          return TRUE;
        }
    }
  return scan_fail (s, s->i, describe_byte (s->text[s->i]));
}

static void
key_frame_clear (gpointer data)
{
  g_clear_pointer (&((KeyFrame *) data)->names, g_hash_table_unref);
}

/* Closes the innermost container. */
static void
close_container (Scan *s, GString *stack)
{
  KeyFrame *frame = &g_array_index (s->frames, KeyFrame, s->frames->len - 1);

  g_array_set_size (s->keys, frame->first);
  g_array_set_size (s->frames, s->frames->len - 1);
  g_string_truncate (stack, stack->len - 1);
}

static Expect
after_value (GString *stack)
{
  return stack->len == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

static void
outline_member_clear (gpointer data)
{
  StraitsJsonMember *m = data;

  g_clear_pointer (&m->name, g_free);
}

GArray *
straits_json_outline_new (void)
{
  GArray *outline = g_array_new (FALSE, TRUE, sizeof (StraitsJsonMember));

  g_array_set_clear_func (outline, outline_member_clear);
  return outline;
}

/* A value begins at @at, inside the containers of @stack. */
static void
outline_value_start (GArray *outline, GString *stack, gsize at, char first)
{
  StraitsJsonMember *m;

  if (outline == NULL || outline->len == 0 || stack->len != 1 || stack->str[0] != '{')
    return;
  m = &g_array_index (outline, StraitsJsonMember, outline->len - 1);
  m->value.start = at;
  m->is_array = first == '[';
}

/* The value begun last at this level ends before @at. */
static void
outline_value_end (GArray *outline, GString *stack, gsize at)
{
  if (outline == NULL || outline->len == 0 || stack->len != 1 || stack->str[0] != '{')
    return;
  g_array_index (outline, StraitsJsonMember, outline->len - 1).value.end = at;
}

static gsize
skip_space_at (const char *text, gsize end, gsize pos)
{
  while (pos < end && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    pos++;
  return pos;
}

/* The end of the string whose opening quote is at @pos. */
static gsize
skip_string_at (const char *text, gsize end, gsize pos)
{
  for (pos++; pos < end && text[pos] != '"'; pos++)
    if (text[pos] == '\\')
      pos++;
  return MIN (pos + 1, end);
}

gsize
straits_json_skip_value (const char *text,
                         gsize       end,
                         gsize       pos)
{
  gsize depth = 0;

  pos = skip_space_at (text, end, pos);
  while (pos < end)
    {
      char ch = text[pos];

      if (ch == '"')
        pos = skip_string_at (text, end, pos);
      else if (ch == '{' || ch == '[')
        {
          depth++;
          pos++;
        }
      else if (ch == '}' || ch == ']')
        {
          if (depth == 0)
            return pos;
          depth--;
          pos++;
        }
      else if (depth == 0 && (ch == ',' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'))
        return pos;
      else
        pos++;
      if (depth == 0 && (ch == '"' || ch == '}' || ch == ']'))
        return pos;
    }
  return pos;
}

gboolean
straits_json_next_element (const char      *text,
                           gsize            end,
                           gsize           *pos,
                           StraitsJsonSpan *span)
{
  gsize at = skip_space_at (text, end, *pos);

  if (at < end && (text[at] == '[' || text[at] == ','))
    at = skip_space_at (text, end, at + 1);
  if (at >= end || text[at] == ']')
    {
      *pos = at;
      return FALSE;
    }
  span->start = at;
  span->end = straits_json_skip_value (text, end, at);
  *pos = span->end;
  return TRUE;
}

static gboolean
is_known_name (GHashTable *known, const char *name, gsize length)
{
  char key[128];

  if (known == NULL || memchr (name, '\\', length) != NULL)
    return TRUE;
  if (length >= sizeof key)
    return FALSE;
  memcpy (key, name, length);
  key[length] = '\0';
  return g_hash_table_contains (known, key);
}

/* A short string, number or literal costs a parser no more than its
 * name: such values are kept, so that objects whose member names are the
 * dataset's own (a relation's "roles", keyed by the role names its type
 * defines) survive pruning. Objects, arrays and long strings are what can
 * build large trees, and they are pruned. */
#define SMALL_SCALAR_BYTES 256

static gboolean
is_small_scalar_at (const char *text, gsize to, gsize pos)
{
  pos = skip_space_at (text, to, pos);
  if (pos >= to || text[pos] == '{' || text[pos] == '[')
    return FALSE;
  return straits_json_skip_value (text, to, pos) - pos <= SMALL_SCALAR_BYTES;
}

gsize
straits_json_append_pruned (GString    *out,
                            const char *text,
                            gsize       from,
                            gsize       to,
                            GHashTable *known)
{
  g_autoptr(GString) stack = g_string_new (NULL);
  gsize run = from, pos = from, n_values = 1;
  gboolean expect_key = FALSE;

  while (pos < to)
    {
      char ch = text[pos];

      if (ch == '"')
        {
          gsize end = skip_string_at (text, to, pos);

          if (expect_key && !is_known_name (known, text + pos + 1, end - pos - 2)
              && !is_small_scalar_at (text, to, skip_space_at (text, to, end) + 1))
            {
              gsize colon = skip_space_at (text, to, end);
              gsize value_end = straits_json_skip_value (text, to, colon + 1);

              if (out != NULL)
                {
                  g_string_append_len (out, text + run, (gssize) (end - run));
                  g_string_append (out, ":null");
                }
              run = end = value_end;
            }
          expect_key = FALSE;
          pos = end;
          continue;
        }
      if (ch == '{' || ch == '[')
        {
          g_string_append_c (stack, ch);
          expect_key = ch == '{';
          n_values++;
        }
      else if ((ch == '}' || ch == ']') && stack->len > 0)
        g_string_truncate (stack, stack->len - 1);
      else if (ch == ',')
        {
          expect_key = stack->len > 0 && stack->str[stack->len - 1] == '{';
          n_values++;
        }
      pos++;
    }
  if (out != NULL)
    g_string_append_len (out, text + run, (gssize) (to - run));
  return n_values;
}

/* The prescan between tokens: the scan, the containers open and what the
 * next token may be. */
typedef struct {
  Scan s;
  GString *stack;       /* '{' or '[' per level */
  GArray *outline;
  guint max_depth;
  Expect expect;
  gsize comma_at;       /* the last comma, blamed for "a comma before }" */
} Prescan;

/* Past the '}' or ']' that closes the innermost container. */
static void
prescan_close (Prescan *p)
{
  p->s.i++;
  close_container (&p->s, p->stack);
  outline_value_end (p->outline, p->stack, p->s.i);
  p->expect = after_value (p->stack);
}

/* After a value in a container: a comma, or the container's end. */
static gboolean
prescan_comma_or_close (Prescan *p, char ch)
{
  GString *stack = p->stack;

  if (ch == ',')
    {
      p->comma_at = p->s.i++;
      p->expect = stack->str[stack->len - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
      return TRUE;
    }
  if ((ch == '}' && stack->str[stack->len - 1] == '{') || (ch == ']' && stack->str[stack->len - 1] == '['))
    {
      prescan_close (p);
      return TRUE;
    }
  return scan_fail (&p->s, p->s.i, g_strdup_printf (_("expected “,” or “%c”"),
                                                    stack->str[stack->len - 1] == '{' ? '}' : ']'));
}

/* A member name (or, after '{', the object's end). */
static gboolean
prescan_key (Prescan *p, char ch)
{
  Scan *s = &p->s;
  gsize key_start;

  if (ch == '}' && p->expect == EXPECT_KEY_OR_CLOSE)
    {
      prescan_close (p);
      return TRUE;
    }
  if (ch != '"')
    return p->expect == EXPECT_KEY && ch == '}'
           ? scan_fail (s, p->comma_at, g_strdup (_("a comma before “}”: remove it")))
           : scan_fail (s, s->i, g_strdup (_("expected a member name in double quotes")));
  key_start = s->i + 1;
  if (!scan_string (s) || !check_duplicate_key (s, key_start, s->i - 1 - key_start))
    return FALSE;
  if (s->keys->len - g_array_index (s->frames, KeyFrame, s->frames->len - 1).first > STRAITS_JSON_MAX_MEMBERS)
    return scan_fail (s, key_start - 1,
                      g_strdup_printf (_("an object with more than %u members: the format needs a few dozen at most"),
                                       STRAITS_JSON_MAX_MEMBERS));
  if (p->outline != NULL && p->stack->len == 1)
    g_array_append_val (p->outline, ((StraitsJsonMember) {
                          g_strndup (s->text + key_start, s->i - 1 - key_start), { 0, 0 }, FALSE }));
  p->expect = EXPECT_COLON;
  return TRUE;
}

/* A value (or, after '[', the array's end). */
static gboolean
prescan_value (Prescan *p, char ch)
{
  Scan *s = &p->s;

  if (ch == ']' && p->expect == EXPECT_VALUE_OR_CLOSE)
    {
      prescan_close (p);
      return TRUE;
    }
  if (ch != ']')
    outline_value_start (p->outline, p->stack, s->i, ch);
  if (ch == '{' || ch == '[')
    {
      if (p->stack->len >= p->max_depth)
        return scan_fail (s, s->i, g_strdup_printf (_("nested deeper than %u levels"), p->max_depth));
      g_string_append_c (p->stack, ch);
      g_array_append_val (s->frames, ((KeyFrame) { s->keys->len, NULL }));
      s->i++;
      p->expect = ch == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      return TRUE;
    }
  if (ch == ']' && p->expect == EXPECT_VALUE && p->stack->len > 0)
    return scan_fail (s, p->comma_at, g_strdup (_("a comma before “]”: remove it")));
  if (ch == '"' ? !scan_string (s)
      : (ch == '-' || g_ascii_isdigit (ch)) ? !scan_number (s)
      : !scan_literal (s))
    return FALSE;
  outline_value_end (p->outline, p->stack, s->i);
  p->expect = after_value (p->stack);
  return TRUE;
}

/* The token that starts with @ch, as the one before it allows. */
static gboolean
prescan_token (Prescan *p, char ch)
{
  switch (p->expect)
    {
    case EXPECT_END:
      return scan_fail (&p->s, p->s.i, g_strdup (_("more data after the end of the JSON value")));

    case EXPECT_COLON:
      if (ch != ':')
        return scan_fail (&p->s, p->s.i, g_strdup (_("expected “:” after a member name")));
      p->s.i++;
      p->expect = EXPECT_VALUE;
      return TRUE;

    case EXPECT_COMMA_OR_CLOSE:
      return prescan_comma_or_close (p, ch);

    case EXPECT_KEY_OR_CLOSE:
    case EXPECT_KEY:
      return prescan_key (p, ch);

    case EXPECT_VALUE_OR_CLOSE:
    case EXPECT_VALUE:
      return prescan_value (p, ch);
    }
  g_return_val_if_reached (FALSE);
}

/* Checks that @text is one strict JSON value no deeper than @max_depth,
 * before it reaches json-glib's recursive parser. When @outline (from
 * straits_json_outline_new()) is given, it receives where the members of a
 * top-level object and the elements of its arrays stand. */
gboolean
straits_json_prescan (const char         *text,
                      gsize               length,
                      guint               max_depth,
                      GArray             *outline,
                      StraitsJsonProblem *problem)
{
  const char *invalid = NULL;
  g_autoptr(GString) stack = g_string_new (NULL); /* '{' or '[' per level */
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (KeyFrame));
  Prescan p = { { text, length, 0, problem, keys, frames }, stack, outline, max_depth, EXPECT_VALUE, 0 };

  /* Frames left open by an early return free their sets with the array. */
  g_array_set_clear_func (frames, key_frame_clear);
  g_array_set_clear_func (keys, key_clear);

  g_return_val_if_fail (problem != NULL, FALSE);

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      if (*invalid == '\0')
        return fail_at (text, (gsize) (invalid - text), problem,
                        g_strdup (_("the file contains a NUL byte")));
      return fail_at (text, (gsize) (invalid - text), problem,
                      g_strdup (_("the file is not valid UTF-8 text")));
    }
  /* A byte-order mark is not JSON, but editors write it. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p.s.i = 3;

  while (TRUE)
    {
      while (p.s.i < length && (text[p.s.i] == ' ' || text[p.s.i] == '\t' || text[p.s.i] == '\n' || text[p.s.i] == '\r'))
        p.s.i++;
      if (p.s.i >= length)
        break;
      if (!prescan_token (&p, text[p.s.i]))
        return FALSE;
    }

  if (p.expect != EXPECT_END)
    return scan_fail (&p.s, length, g_strdup (p.s.i == 0 || (length > 0 && stack->len == 0 && p.expect == EXPECT_VALUE)
                                              ? _("the file holds no JSON value")
                                              : _("the file ends before the JSON is complete")));
  return TRUE;
}

/* Path-tracking scan over text that has already parsed. */
typedef struct {
  const char *text;
  gsize length;
  gsize pos;
  guint line;
  guint column;
  GString *path;
  GArray *stack; /* Frame */
  GHashTable *wanted;
  GHashTable *prefixes; /* of the wanted paths: the containers worth walking */
  GHashTable *found;
} Locator;

typedef struct {
  gboolean is_array;
  guint index;
  gsize path_len; /* path length before this container's children */
} Frame;

static void
advance (Locator *l)
{
  guchar ch = (guchar) l->text[l->pos++];

  if (ch == '\n')
    {
      l->line++;
      l->column = 1;
    }
  else if ((ch & 0xC0) != 0x80)
    l->column++;
}

static void
skip_space (Locator *l)
{
  while (l->pos < l->length && g_ascii_isspace (l->text[l->pos]))
    advance (l);
}

static void
skip_string (Locator *l, GString *out)
{
  advance (l); /* opening quote */
  while (l->pos < l->length && l->text[l->pos] != '"')
    {
      if (l->text[l->pos] == '\\')
        {
          if (out)
            g_string_append_c (out, l->text[l->pos]);
          advance (l);
        }
      if (out)
        g_string_append_c (out, l->text[l->pos]);
      advance (l);
    }
  if (l->pos < l->length)
    advance (l);
}

static void
note_value (Locator *l)
{
  guint *where;

  if (!g_hash_table_contains (l->wanted, l->path->str) ||
      g_hash_table_contains (l->found, l->path->str))
    return;
  where = g_new (guint, 2);
  where[0] = l->line;
  where[1] = l->column;
  g_hash_table_insert (l->found, g_strdup (l->path->str), where);
}

/* "a.b[3].c" gives "a", "a.b" and "a.b[3]": the containers to walk into. */
static GHashTable *
path_prefixes (GHashTable *paths)
{
  GHashTable *prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *path;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    {
      for (const char *p = path; *p; p++)
        if ((*p == '.' || *p == '[') && p > path)
          g_hash_table_add (prefixes, g_strndup (path, p - path));
    }
  return prefixes;
}

/* Passes over a value no wanted path is inside of, keeping count of
 * lines and columns: a list of millions of elements costs no paths. */
static void
skip_unwanted_value (Locator *l)
{
  gsize end = straits_json_skip_value (l->text, l->length, l->pos);

  while (l->pos < end)
    advance (l);
}

static void
enter_member (Locator *l, const char *key)
{
  if (l->path->len > 0)
    g_string_append_c (l->path, '.');
  g_string_append (l->path, key);
}

/* Returns a table from each wanted path found in @text to a guint[2] of
 * line and column where its value starts. */
GHashTable *
straits_json_locate (const char *text,
                     gsize       length,
                     GHashTable *wanted_paths)
{
  g_autoptr(GHashTable) prefixes = path_prefixes (wanted_paths);
  Locator l = { text, length, 0, 1, 1, g_string_new (NULL),
                g_array_new (FALSE, FALSE, sizeof (Frame)), wanted_paths, prefixes,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean expect_value = TRUE;

  /* Until every wanted path is found: the first 200 elements of a list
   * of millions need not cost a path for each of the others. */
  while (l.pos < l.length && g_hash_table_size (l.found) < g_hash_table_size (wanted_paths))
    {
      skip_space (&l);
      if (l.pos >= l.length)
        break;

      if (expect_value)
        {
          char ch = l.text[l.pos];

          note_value (&l);
          if ((ch == '{' || ch == '[') && l.path->len > 0 &&
              !g_hash_table_contains (l.prefixes, l.path->str))
            {
              skip_unwanted_value (&l);
              expect_value = FALSE;
              continue;
            }
          if (ch == '{' || ch == '[')
            {
              Frame f = { ch == '[', 0, l.path->len };

              g_array_append_val (l.stack, f);
              advance (&l);
              skip_space (&l);
              if (l.pos < l.length && (l.text[l.pos] == ']' || l.text[l.pos] == '}'))
                {
                  expect_value = FALSE; /* the closer is handled below */
                  continue;
                }
              if (f.is_array)
                g_string_append (l.path, "[0]");
              else
                {
                  g_string_truncate (key, 0);
                  skip_string (&l, key);
                  skip_space (&l);
                  advance (&l); /* ':' */
                  enter_member (&l, key->str);
                }
              continue;
            }
          if (ch == '"')
            skip_string (&l, NULL);
          else
            while (l.pos < l.length && !strchr (",]} \t\r\n", l.text[l.pos]))
              advance (&l);
          expect_value = FALSE;
          continue;
        }

      /* After a value: a separator or a closer. */
      if (l.stack->len == 0)
        break;
      {
        Frame *f = &g_array_index (l.stack, Frame, l.stack->len - 1);
        char ch = l.text[l.pos];

        advance (&l);
        g_string_truncate (l.path, f->path_len);
        if (ch == ',')
          {
            if (f->is_array)
              g_string_append_printf (l.path, "[%u]", ++f->index);
            else
              {
                skip_space (&l);
                g_string_truncate (key, 0);
                skip_string (&l, key);
                skip_space (&l);
                advance (&l); /* ':' */
                enter_member (&l, key->str);
              }
            expect_value = TRUE;
          }
        else
          g_array_set_size (l.stack, l.stack->len - 1);
      }
    }

  g_string_free (l.path, TRUE);
  g_array_unref (l.stack);
  return l.found;
}
