/* straits-paths.c
 *
 * Straits runs from its build directory as well as installed. The data
 * directory is found in this order: $STRAITS_DATA_DIR; the source tree's
 * data/ when the executable lives in the build tree; the installed
 * pkgdatadir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-paths.h"

#define BUNDLED_DATASET "datasets/turkey-european-security.json"

static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_canonicalize_filename (BUILD_ROOT, NULL);

  return exe != NULL && g_str_has_prefix (exe, build_root);
}

const char *
straits_data_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv ("STRAITS_DATA_DIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (running_uninstalled () && g_file_test (SOURCE_DATADIR, G_FILE_TEST_IS_DIR))
        found = g_strdup (SOURCE_DATADIR);
      else
        found = g_strdup (PKGDATADIR);
      g_once_init_leave (&dir, found);
    }
  return dir;
}

char *
straits_bundled_dataset_path (void)
{
  return g_build_filename (straits_data_dir (), BUNDLED_DATASET, NULL);
}

/* Uninstalled, the schema is compiled into the build tree rather than the
 * system's schema directory. */
/* Returns NULL, after a warning, when no schema can be found. */
GSettings *
straits_settings_new (void)
{
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) local = NULL;

  if (system != NULL && !running_uninstalled ())
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL)
    {
      local = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, system, FALSE, NULL);
      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }
  if (schema == NULL && system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The GSettings schema %s is missing; settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
