/* straits-text-fold.c: text folded for matching, as search and the
 * history's filter match it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "straits-text-fold.h"

/* @text for matching: case-folded (Unicode), decomposed, without its
 * combining marks, and the dotless ı as i: "Hürjet", "HURJET" and
 * "hurjet" all become "hurjet", "İzmir" and "Izmir" "izmir". */
char *
straits_text_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c == 0x0131 ? 'i' : c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @text contains @folded_needle (already straits_text_fold()ed),
 * whatever the case and the accents: what search and the history's
 * filter match. */
gboolean
straits_text_fold_contains (const char *text,
                            const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = straits_text_fold (text);
  return strstr (folded, folded_needle) != NULL;
}

GStrv
straits_text_fold_words (const char *text)
{
  g_autofree char *folded = straits_text_fold (text != NULL ? text : "");
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (words, parts[i]);
  return g_strv_builder_end (words);
}

gboolean
straits_text_fold_matches (const char *const *texts,
                           guint               n_texts,
                           const char *const  *folded_words)
{
  g_autofree char **folded = g_new0 (char *, n_texts + 1);
  gboolean all = TRUE;

  for (guint t = 0; t < n_texts; t++)
    folded[t] = texts[t] != NULL ? straits_text_fold (texts[t]) : NULL;
  for (guint w = 0; all && folded_words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      for (guint t = 0; !found && t < n_texts; t++)
        found = folded[t] != NULL && strstr (folded[t], folded_words[w]) != NULL;
      all = found;
    }
  for (guint t = 0; t < n_texts; t++)
    g_free (folded[t]);
  return all;
}
