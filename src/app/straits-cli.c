/* straits-cli.c: commands that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "straits-cli.h"
#include "straits-dataset.h"

static void
print_diagnostics (GPtrArray *diags)
{
  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      fprintf (stderr, "%s\n", line);
    }
}

/* Validates each file; prints one summary line per valid file and every
 * problem of the others. Returns the exit status: 0 when all are valid. */
int
straits_cli_check (const char *const *files)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      fprintf (stderr, "%s\n", _("--check needs at least one file"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diags = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StraitsDataset) ds = straits_dataset_load_file (files[i], &diags, &error);

      print_diagnostics (diags);
      if (ds == NULL)
        {
          guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);

          printf (g_dngettext (NULL, "%s: invalid (%u error)\n", "%s: invalid (%u errors)\n", n),
                  files[i], n);
          status = 1;
        }
      else
        {
          g_autofree char *summary = straits_dataset_summarize (ds);
          guint warnings = straits_diagnostics_count (diags, STRAITS_SEVERITY_WARNING);

          if (warnings > 0)
            printf (g_dngettext (NULL, "%s: valid: %s (%u warning)\n",
                                 "%s: valid: %s (%u warnings)\n", warnings),
                    files[i], summary, warnings);
          else
            printf (_("%s: valid: %s\n"), files[i], summary);
        }
    }
  return status;
}
