/* straits-workbook-cells.c: a cell's text as a JSON value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-workbook-private.h"

/* The items of a list cell: split at ";" (";;" is a semicolon inside an
 * item), each trimmed, empty ones left out. */
static GPtrArray *
split_list (const char *text)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);

  for (const char *p = text;; p++)
    {
      if (*p == ';' && p[1] == ';')
        {
          g_string_append_c (item, ';');
          p++;
          continue;
        }
      if (*p == ';' || *p == '\0')
        {
          g_strstrip (item->str);
          if (item->str[0] != '\0')
            g_ptr_array_add (items, g_strdup (item->str));
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (item, *p);
    }
  g_string_free (item, TRUE);
  return items;
}

/* A number as JSON has it: digits, sign, point and exponent only (no
 * thousands separators, no "nan" or hexadecimal that strtod would take).
 * @integer says whether it is written without a point or exponent. */
static gboolean
parse_number (const char *text, double *value, gint64 *integer_value, gboolean *integer)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *end = NULL;

  *integer = TRUE;
  if (t[0] == '\0')
    return FALSE;
  for (const char *p = t; *p; p++)
    {
      if (*p == '.' || *p == 'e' || *p == 'E')
        *integer = FALSE;
      else if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+')
        return FALSE;
    }
  errno = 0;
  if (*integer)
    {
      *integer_value = g_ascii_strtoll (t, &end, 10);
      if (errno == 0 && *end == '\0')
        return TRUE;
      *integer = FALSE;
      errno = 0;
    }
  *value = g_ascii_strtod (t, &end);
  return errno == 0 && *end == '\0' && isfinite (*value);
}

/* Appends the number @text as JSON (normalised: "+1" and ".5" are not
 * JSON); FALSE when it is no number. */
static gboolean
append_number (GString *s, const char *text)
{
  double v = 0;
  gint64 i = 0;
  gboolean integer;

  if (!parse_number (text, &v, &i, &integer))
    return FALSE;
  if (integer)
    g_string_append_printf (s, "%" G_GINT64_FORMAT, i);
  else
    {
      g_autofree char *shortest = straits_workbook_number_text (v);

      g_string_append (s, shortest);
    }
  return TRUE;
}

static gboolean
append_point (GString *s, const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  gsize start = s->len;

  if (g_strv_length (parts) != 2)
    return FALSE;
  g_string_append_c (s, '[');
  if (!append_number (s, parts[0]))
    goto bad;
  g_string_append (s, ", ");
  if (!append_number (s, parts[1]))
    goto bad;
  g_string_append_c (s, ']');
  return TRUE;

bad:
  g_string_truncate (s, start);
  return FALSE;
}

static void
append_list (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      _straits_append_json_string (s, g_ptr_array_index (items, i));
    }
  g_string_append_c (s, ']');
}

/* "source-id: locator | quote"; the locator and quote are optional. */
static void
append_citation (GString *s, const char *item)
{
  const char *colon = strstr (item, ": ");

  g_string_append (s, "{\"source\": ");
  if (colon == NULL)
    {
      g_autofree char *id = g_strdup (item);
      gsize n = strlen (id);

      if (n > 0 && id[n - 1] == ':')
        id[n - 1] = '\0';
      _straits_append_json_string (s, id);
    }
  else
    {
      g_autofree char *id = g_strstrip (g_strndup (item, colon - item));
      const char *rest = colon + 2;
      const char *bar = g_str_has_prefix (rest, "| ") ? rest - 1 : strstr (rest, " | ");

      _straits_append_json_string (s, id);
      if (bar == NULL)
        {
          g_string_append (s, ", \"locator\": ");
          _straits_append_json_string (s, rest);
        }
      else
        {
          g_autofree char *locator = g_strstrip (g_strndup (rest, MAX (bar, rest) - rest));

          if (locator[0] != '\0')
            {
              g_string_append (s, ", \"locator\": ");
              _straits_append_json_string (s, locator);
            }
          g_string_append (s, ", \"quote\": ");
          _straits_append_json_string (s, bar + 3);
        }
    }
  g_string_append_c (s, '}');
}

static void
append_citations (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      append_citation (s, g_ptr_array_index (items, i));
    }
  g_string_append_c (s, ']');
}

static gboolean
append_line (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);

  g_string_append_c (s, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ", " : "");
      if (!append_point (s, g_ptr_array_index (items, i)))
        return FALSE;
    }
  g_string_append_c (s, ']');
  return TRUE;
}

static gboolean
append_roles (GString *s, const char *text)
{
  g_autoptr(GPtrArray) items = split_list (text);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append_c (s, '{');
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      const char *colon = strchr (item, ':');
      g_autofree char *role = colon ? g_strstrip (g_strndup (item, colon - item)) : NULL;
      g_autofree char *actor = colon ? g_strstrip (g_strdup (colon + 1)) : NULL;

      if (colon == NULL || role[0] == '\0' || g_hash_table_contains (seen, role))
        return FALSE;
      g_string_append (s, i ? ", " : "");
      _straits_append_json_string (s, role);
      g_string_append (s, ": ");
      _straits_append_json_string (s, actor);
      g_hash_table_add (seen, g_steal_pointer (&role));
    }
  g_string_append_c (s, '}');
  return TRUE;
}

/* Appends a cell's JSON value; FALSE (with nothing appended) when it does
 * not read as its column's type: then @expected says what it should be. */
gboolean
_straits_append_cell (GString *s, ColumnType type, const char *text, const char **expected)
{
  gsize start = s->len;
  gboolean ok = TRUE;

  switch (type)
    {
    case T_TEXT:
    case T_DATE:
      _straits_append_json_string (s, text);
      break;
    case T_NUMBER:
      *expected = _("a number such as 12.5 (with a point, no thousands separators)");
      ok = append_number (s, text);
      break;
    case T_BOOL:
      {
        g_autofree char *word = g_strstrip (g_strdup (text));

        *expected = _("true or false");
        ok = g_ascii_strcasecmp (word, "true") == 0 || g_ascii_strcasecmp (word, "false") == 0;
        if (ok)
          g_string_append (s, g_ascii_strcasecmp (word, "true") == 0 ? "true" : "false");
        break;
      }
    case T_LIST:
      append_list (s, text);
      break;
    case T_CITATIONS:
      append_citations (s, text);
      break;
    case T_POINT:
      *expected = _("a point “lon, lat” such as “28.98, 41.01”");
      ok = append_point (s, text);
      break;
    case T_LINE:
      *expected = _("points “lon, lat; lon, lat; …”");
      ok = append_line (s, text);
      break;
    case T_ROLES:
      *expected = _("roles “role: actor-id; role: actor-id”");
      ok = append_roles (s, text);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_string_truncate (s, start);
  return ok;
}

void
_straits_append_json_string (GString *s, const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (s, "\\n");
      else if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/* The shortest decimal text that reads back as @v: 0.8, not
 * 0.80000000000000004. */
char *
straits_workbook_number_text (double v)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v || digits == 17)
        return g_strdup (buf);
    }
  g_assert_not_reached ();
}
