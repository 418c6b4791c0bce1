/* straits-json-scan.c
 *
 * json-glib's parser recurses once per nesting level, accepts invalid UTF-8
 * inside strings and wraps integers too long for 64 bits without a word, and
 * its tree does not remember where a node stood in the text. These scans
 * close those gaps: one before parsing refuses what the parser would
 * mishandle, one after validation finds the line and column of the JSON
 * paths that have problems. Neither recurses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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

/* Skips a number token starting at @i and reports whether its integer
 * part is too long to be represented exactly. */
static gsize
scan_number (const char *text,
             gsize       length,
             gsize       i,
             gboolean   *too_long)
{
  gsize digits = 0;
  gboolean integer = TRUE;

  if (text[i] == '-')
    i++;
  for (; i < length; i++)
    {
      char ch = text[i];

      if (g_ascii_isdigit (ch))
        digits++;
      else if (ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-')
        integer = FALSE;
      else
        break;
    }
  *too_long = integer && digits > MAX_INTEGER_DIGITS;
  return i;
}

gboolean
straits_json_prescan (const char         *text,
                      gsize               length,
                      guint               max_depth,
                      StraitsJsonProblem *problem)
{
  const char *invalid = NULL;
  guint depth = 0;
  gboolean in_string = FALSE;

  g_return_val_if_fail (problem != NULL, FALSE);

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      if (*invalid == '\0')
        return fail_at (text, (gsize) (invalid - text), problem,
                        g_strdup (_("the file contains a NUL byte")));
      return fail_at (text, (gsize) (invalid - text), problem,
                      g_strdup (_("the file is not valid UTF-8 text")));
    }

  for (gsize i = 0; i < length; i++)
    {
      char ch = text[i];

      if (in_string)
        {
          if (ch == '\\')
            i++;
          else if (ch == '"')
            in_string = FALSE;
          continue;
        }

      switch (ch)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return fail_at (text, i, problem,
                            g_strdup_printf (_("nested deeper than %u levels"), max_depth));
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            gboolean too_long;
            gsize end = scan_number (text, length, i, &too_long);

            if (too_long)
              return fail_at (text, i, problem,
                              g_strdup (_("a number has too many digits to be represented exactly")));
            i = end - 1;
          }
          break;
        default:
          break;
        }
    }
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
  Locator l = { text, length, 0, 1, 1, g_string_new (NULL),
                g_array_new (FALSE, FALSE, sizeof (Frame)), wanted_paths,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean expect_value = TRUE;

  while (l.pos < l.length)
    {
      skip_space (&l);
      if (l.pos >= l.length)
        break;

      if (expect_value)
        {
          char ch = l.text[l.pos];

          note_value (&l);
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
