/* straits-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-diagnostic.h"

StraitsDiagnostic *
straits_diagnostic_new (StraitsSeverity  severity,
                        const char      *file,
                        const char      *path,
                        const char      *message)
{
  StraitsDiagnostic *d = g_new0 (StraitsDiagnostic, 1);

  d->severity = severity;
  d->file = g_strdup (file);
  d->path = g_strdup (path);
  d->message = g_strdup (message);
  return d;
}

void
straits_diagnostic_free (StraitsDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->file);
  g_free (diagnostic->path);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* At most @max_bytes of @text, cut between characters and marked “…” when
 * cut: a message quotes a short start of a huge key or string, not all of
 * it. */
char *
straits_diagnostic_excerpt (const char *text,
                            gsize       max_bytes)
{
  gsize n = strnlen (text, max_bytes + 1);

  if (n <= max_bytes)
    return g_strndup (text, n);
  n = max_bytes;
  while (n > 0 && ((guchar) text[n] & 0xC0) == 0x80)
    n--;
  return g_strdup_printf ("%.*s…", (int) n, text);
}

/* "file:line:column: path: message", the form compilers use, so that
 * editors can jump to the place. */
char *
straits_diagnostic_to_string (const StraitsDiagnostic *d)
{
  GString *s = g_string_new (d->file ? d->file : "");

  if (d->line > 0)
    g_string_append_printf (s, ":%u", d->line);
  /* Lines of a CSV file can be wrong as a whole: no column then. */
  if (d->line > 0 && d->column > 0)
    g_string_append_printf (s, ":%u", d->column);
  g_string_append (s, ": ");
  if (d->severity == STRAITS_SEVERITY_WARNING)
    g_string_append (s, _("warning: "));
  if (d->path != NULL && d->path[0] != '\0')
    {
      g_autofree char *path = straits_diagnostic_excerpt (d->path, STRAITS_DIAGNOSTIC_MAX_QUOTE * 4);
      g_string_append_printf (s, "%s: ", path);
    }
  g_string_append (s, d->message);
  return g_string_free (s, FALSE);
}

guint
straits_diagnostics_count (GPtrArray       *diagnostics,
                           StraitsSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    if (((StraitsDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == severity)
      n++;
  return n;
}

guint
straits_edit_distance (const char *a,
                       const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint row[65];

  if (la > 64 || lb > 64)
    return G_MAXUINT;
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}
