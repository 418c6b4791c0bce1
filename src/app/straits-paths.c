/* straits-paths.c
 *
 * Straits runs from its build directory as well as installed. The data
 * directory is found in this order: $STRAITS_DATA_DIR; the source tree's
 * data/ when the executable lives in the build tree; the prefix the
 * executable is installed in (so that a copy under DESTDIR or a moved
 * prefix finds its own data); the configured pkgdatadir; straits/ in
 * $XDG_DATA_DIRS. Set G_MESSAGES_DEBUG=all to see which one was taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-paths.h"

#define BUNDLED_DATASET "datasets/turkey-european-security.json"

static const char *
executable_path (void)
{
  static char *exe;

  if (g_once_init_enter (&exe))
    {
      char *found = g_file_read_link ("/proc/self/exe", NULL);

      g_once_init_leave (&exe, found != NULL ? found : g_strdup (""));
    }
  return exe;
}

gboolean
straits_running_uninstalled (void)
{
  g_autofree char *build_root = g_canonicalize_filename (BUILD_ROOT, NULL);
  g_autofree char *build_root_slash = g_strconcat (build_root, "/", NULL);

  return g_str_has_prefix (executable_path (), build_root_slash);
}

/* @relative (a folder of the prefix, such as share/straits) under the
 * prefix the executable is installed in, or NULL when that folder does not
 * exist or the installation is not relocatable. */
static char *
installed_dir (const char *relative)
{
#ifdef RELOCATABLE
  g_autofree char *bindir = g_path_get_dirname (executable_path ());
  g_autofree char *prefix = g_canonicalize_filename (PREFIX_FROM_BINDIR, bindir);
  g_autofree char *dir = g_build_filename (prefix, relative, NULL);

  if (*executable_path () != '\0' && g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&dir);
#endif
  return NULL;
}

static char *
find_data_dir (const char **how)
{
  const char *env = g_getenv ("STRAITS_DATA_DIR");
  const char * const *system_dirs = g_get_system_data_dirs ();
  char *dir;

  *how = "STRAITS_DATA_DIR";
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  *how = "the source tree, running uninstalled";
  if (straits_running_uninstalled () && g_file_test (SOURCE_DATADIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SOURCE_DATADIR);
  *how = "the executable's prefix";
  if ((dir = installed_dir (PKGDATADIR_IN_PREFIX)) != NULL)
    return dir;
  *how = "the configured prefix";
  if (g_file_test (PKGDATADIR, G_FILE_TEST_IS_DIR))
    return g_strdup (PKGDATADIR);
  *how = "XDG_DATA_DIRS";
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      dir = g_build_filename (system_dirs[i], "straits", NULL);
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        return dir;
      g_free (dir);
    }
  /* Nothing there: name the configured place in the messages to come. */
  *how = "nowhere found; the configured prefix";
  return g_strdup (PKGDATADIR);
}

const char *
straits_data_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *how = NULL;
      char *found = find_data_dir (&how);

      g_debug ("Data directory: %s (from %s)", found, how);
      g_once_init_leave (&dir, found);
    }
  return dir;
}

char *
straits_cache_dir (void)
{
  if (g_strcmp0 (g_getenv ("STRAITS_NO_CACHE"), "1") == 0)
    return NULL;
  return g_build_filename (g_get_user_cache_dir (), "straits", NULL);
}

char *
straits_bundled_dataset_path (void)
{
  return g_build_filename (straits_data_dir (), BUNDLED_DATASET, NULL);
}

char *
straits_locale_dir (void)
{
  char *dir;

  if (straits_running_uninstalled ())
    return g_strdup (BUILD_LOCALEDIR);
  if ((dir = installed_dir (LOCALEDIR_IN_PREFIX)) != NULL)
    return dir;
  return g_strdup (LOCALEDIR);
}

/* The application's schema among those compiled in @dir, if any. */
static GSettingsSchema *
lookup_schema_in (const char            *dir,
                  GSettingsSchemaSource *parent)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;

  if (dir == NULL)
    return NULL;
  source = g_settings_schema_source_new_from_directory (dir, parent, FALSE, NULL);
  return source != NULL ? g_settings_schema_source_lookup (source, APP_ID, FALSE) : NULL;
}

/* Uninstalled, the schema is compiled into the build tree; installed, it
 * is in the system's schema directories ($XDG_DATA_DIRS), else in the
 * prefix the executable is installed in. Never the build tree when
 * installed. Returns NULL, after a warning, when no schema can be found. */
GSettings *
straits_settings_new (void)
{
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (straits_running_uninstalled ())
    schema = lookup_schema_in (BUILD_SCHEMADIR, system);
  if (schema == NULL && system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL && !straits_running_uninstalled ())
    {
      g_autofree char *dir = installed_dir (SCHEMADIR_IN_PREFIX);

      schema = lookup_schema_in (dir, system);
    }
  if (schema == NULL)
    {
      g_warning ("The GSettings schema %s is missing; settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
