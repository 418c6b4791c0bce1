/* straits-country-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-country-names.h"

#define ISO_DOMAIN "iso_3166-1"

/* Short names where iso-codes has only the formal or inverted list form
 * ("Russian Federation", "Moldova, Republic of"): translated in Straits'
 * own catalogue, as the EU's style guides write them. */
static const struct { const char *code; const char *name; } short_names[] = {
  { "RUS", N_("Russia") },
  { "MDA", N_("Moldova") },
  { "SYR", N_("Syria") },
  { "IRN", N_("Iran") },
  { "PSE", N_("Palestine") },
  { "GBR", N_("United Kingdom") },
  { "USA", N_("United States") },
  { "TUR", N_("Türkiye") },
};

/* alpha-3 → the msgids to try, the common name first. */
static GHashTable *
load_names (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json", "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  JsonNode *root;
  JsonArray *list;

  bindtextdomain (ISO_DOMAIN, ISO_CODES_PREFIX "/share/locale");
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");
  /* Without iso-codes the names stay in English: a missing package must
   * not stop the application. */
  if (!json_parser_load_from_file (parser, path, NULL) || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) || !json_object_has_member (json_node_get_object (root), "3166-1"))
    return names;
  list = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      const char *code, *name, *common;
      GStrvBuilder *builder;

      if (entry == NULL || (code = json_object_get_string_member_with_default (entry, "alpha_3", NULL)) == NULL ||
          (name = json_object_get_string_member_with_default (entry, "name", NULL)) == NULL)
        continue;
      builder = g_strv_builder_new ();
      if ((common = json_object_get_string_member_with_default (entry, "common_name", NULL)) != NULL)
        g_strv_builder_add (builder, common);
      g_strv_builder_add (builder, name);
      g_hash_table_insert (names, g_strdup (code), g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  return names;
}

static const char *
own_short_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (short_names); i++)
    if (g_str_equal (short_names[i].code, code))
      {
        const char *translated = _(short_names[i].name);

        return translated != short_names[i].name ? translated : NULL;
      }
  return NULL;
}

const char *
straits_country_name_translated (const char *code)
{
  static gsize loaded;
  static GHashTable *names;
  const char *own;
  char **msgids;

  if (code == NULL)
    return NULL;
  if (g_once_init_enter (&loaded))
    {
      names = load_names ();
      g_once_init_leave (&loaded, 1);
    }
  if ((own = own_short_name (code)) != NULL)
    return own;
  msgids = g_hash_table_lookup (names, code);
  for (guint i = 0; msgids != NULL && msgids[i] != NULL; i++)
    {
      const char *translated = g_dgettext (ISO_DOMAIN, msgids[i]);

      /* The catalogue's own string back means no translation; a comma
       * means a list form ("Palästina, Staat"), not a name for a map. */
      if (translated != msgids[i] && strchr (translated, ',') == NULL)
        return translated;
    }
  return NULL;
}
