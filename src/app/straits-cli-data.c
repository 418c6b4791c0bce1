/* straits-cli-data.c: straits --diff and straits --export-graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "straits-cli.h"
#include "straits-cli-data.h"
#include "straits-dataset-diff.h"
#include "straits-graph-export.h"
#include "straits-export.h"
#include "straits-safe-file.h"
#include "straits-workbook.h"

#define DIFF_TROUBLE 2

/* One line per value: a text's line breaks shown as \n. */
static char *
one_line (const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL)
    return g_strdup (_("(none)"));
  lines = g_strsplit (value, "\n", -1);
  return g_strjoinv ("\\n", lines);
}

static void
print_diff_text (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      StraitsDiffItem *item = g_ptr_array_index (items, i);

      /* The metadata is one item: "metadata: title …", not "metadata metadata: …". */
      g_autofree char *what = g_str_equal (item->kind, item->id) ? g_strdup (item->kind)
                              : g_strdup_printf ("%s %s", item->kind, item->id);

      if (item->change == STRAITS_DIFF_ADDED)
        printf (_("added %s %s\n"), item->kind, item->id);
      else if (item->change == STRAITS_DIFF_REMOVED)
        printf (_("removed %s %s\n"), item->kind, item->id);
      for (guint j = 0; j < item->fields->len; j++)
        {
          StraitsDiffField *f = g_ptr_array_index (item->fields, j);
          g_autofree char *old_value = one_line (f->old_value);
          g_autofree char *new_value = one_line (f->new_value);

          /* Translators: a changed field: "relation rel-x: start 2019 → 2020" */
          printf (_("%s: %s %s → %s\n"), what, f->field, old_value, new_value);
        }
    }
  if (items->len > 0)
    {
      g_autofree char *summary = straits_diff_summary (items);

      printf ("%s\n", summary);
    }
}

static void
add_nullable (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* The items of one change as [{"kind", "id"[, "fields"]}]. */
static void
add_diff_items (JsonBuilder *b, GPtrArray *items, StraitsDiffChange change)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      StraitsDiffItem *item = g_ptr_array_index (items, i);

      if (item->change != change)
        continue;
      json_builder_begin_object (b);
      add_nullable (b, "kind", item->kind);
      add_nullable (b, "id", item->id);
      if (change == STRAITS_DIFF_CHANGED)
        {
          json_builder_set_member_name (b, "fields");
          json_builder_begin_array (b);
          for (guint j = 0; j < item->fields->len; j++)
            {
              StraitsDiffField *f = g_ptr_array_index (item->fields, j);

              json_builder_begin_object (b);
              add_nullable (b, "field", f->field);
              add_nullable (b, "old", f->old_value);
              add_nullable (b, "new", f->new_value);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_diff_json (GPtrArray *items, const char *old_path, const char *new_path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  add_nullable (b, "old", old_path);
  add_nullable (b, "new", new_path);
  json_builder_set_member_name (b, "added");
  add_diff_items (b, items, STRAITS_DIFF_ADDED);
  json_builder_set_member_name (b, "removed");
  add_diff_items (b, items, STRAITS_DIFF_REMOVED);
  json_builder_set_member_name (b, "changed");
  add_diff_items (b, items, STRAITS_DIFF_CHANGED);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

/* straits --diff OLD NEW [--format=text|json]: what changed, by id. */
int
straits_cli_data_diff (const char *const *files,
                       GVariantDict      *options)
{
  const char *format = "text";
  g_autoptr(StraitsDataset) old_dataset = NULL;
  g_autoptr(StraitsDataset) new_dataset = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      fprintf (stderr, "straits: %s\n", _("--diff needs two dataset files: OLD NEW"));
      return DIFF_TROUBLE;
    }
  g_variant_dict_lookup (options, "format", "&s", &format);
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      fprintf (stderr, _("straits: unknown --format “%s”: use text or json\n"), format);
      return DIFF_TROUBLE;
    }
  old_dataset = straits_cli_load_dataset (files[0], &error);
  if (old_dataset != NULL)
    new_dataset = straits_cli_load_dataset (files[1], &error);
  if (new_dataset == NULL)
    {
      fprintf (stderr, "straits: %s\n", error->message);
      return DIFF_TROUBLE;
    }
  items = straits_dataset_diff (old_dataset, new_dataset);
  if (g_str_equal (format, "json"))
    print_diff_json (items, files[0], files[1]);
  else
    print_diff_text (items);
  if (fflush (stdout) != 0)
    return DIFF_TROUBLE;
  return items->len > 0 ? 1 : 0;
}

/* straits --export-graph=FILE.gexf|FILE.json [--dataset=FILE] */
int
straits_cli_data_export_graph (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset;
  g_autofree char *text = NULL;
  StraitsGraphFormat format;

  straits_cli_common_init (&common, options, "export-graph");
  if (!straits_graph_format_from_filename (common.output, &format, &error))
    goto failed;
  dataset = straits_cli_common_dataset (&common, &error);
  if (dataset == NULL)
    goto failed;
  text = format == STRAITS_GRAPH_GEXF ? straits_graph_to_gexf (dataset, "Straits " PACKAGE_VERSION)
                                      : straits_graph_to_jgf (dataset);
  straits_export_remove_temporary_on_signals ();
  if (!straits_export_write_text (common.output, text, &error))
    goto failed;
  return 0;

failed:
  fprintf (stderr, "straits: %s\n", error->message);
  return 1;
}

static void
print_problems (GPtrArray *diags)
{
  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      fprintf (stderr, "%s\n", line);
    }
}

/* Valid dataset JSON to an .ods or .xlsx file; nothing is written when a
 * cell cannot be. */
static int
write_spreadsheet (const char *json, gsize length, const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsWorkbook) workbook = straits_workbook_from_json (json, length, &error);

  if (workbook == NULL || !straits_workbook_write_spreadsheet (workbook, out, &error))
    {
      fprintf (stderr, "straits: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* A workbook to dataset JSON (or to another workbook): checked by the
 * loader first, so that only a valid dataset is written. */
static int
convert_workbook (const char *in, const char *out)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(StraitsDataset) dataset = straits_workbook_load_json (in, &json, &diags, &error);

  print_problems (diags);
  if (dataset == NULL)
    {
      fprintf (stderr, "straits: %s\n", error->message);
      return 1;
    }
  if (straits_workbook_path_is_spreadsheet (out))
    return write_spreadsheet (json, strlen (json), out);
  straits_export_remove_temporary_on_signals ();
  if (!straits_export_write_text (out, json, &error))
    {
      fprintf (stderr, "straits: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* A dataset JSON file to a folder of CSV files or an .ods or .xlsx file,
 * read once and checked by the loader first. */
static int
convert_dataset (const char *in, const char *out)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = straits_safe_file_read (in, straits_dataset_get_max_size (),
                                                    STRAITS_SAFE_FILE_FOLLOW_LINKS, &error);
  g_autoptr(StraitsDataset) dataset = NULL;
  g_autoptr(StraitsWorkbook) workbook = NULL;

  if (bytes != NULL)
    {
      dataset = straits_dataset_load_bytes (bytes, in, &diags, &error);
      print_problems (diags);
    }
  if (dataset != NULL && straits_workbook_path_is_spreadsheet (out))
    return write_spreadsheet (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), out);
  if (dataset != NULL)
    workbook = straits_workbook_from_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (workbook == NULL || !straits_workbook_write_csv_folder (workbook, out, &error))
    {
      fprintf (stderr, "straits: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* --convert=IN --output=OUT: a dataset to a workbook (a CSV folder, .ods,
 * .xlsx) or a workbook to a dataset (or to an .ods or .xlsx file), by what
 * IN and OUT are. */
int
straits_cli_data_convert (GVariantDict *options)
{
  const char *in = NULL, *out = NULL;

  g_variant_dict_lookup (options, "convert", "^&ay", &in);
  g_variant_dict_lookup (options, "output", "^&ay", &out);
  if (in == NULL || out == NULL || in[0] == '\0' || out[0] == '\0')
    {
      fprintf (stderr, "%s\n", _("--convert=FILE needs --output=FILE"));
      return 2;
    }
  if (straits_workbook_path_is_workbook (in))
    return convert_workbook (in, out);
  {
    g_autofree char *lower = g_ascii_strdown (out, -1);

    /* Straits writes a workbook as a CSV folder, an .ods or an .xlsx
     * file; a folder named "x.zip" or "x.json" would only mislead. */
    if (g_str_has_suffix (lower, ".zip") || g_str_has_suffix (lower, ".json"))
      {
        fprintf (stderr, _("straits: %s: a dataset is converted to an .ods or .xlsx file or a folder "
                           "of CSV files (docs/workbooks.md)\n"), out);
        return 2;
      }
  }
  return convert_dataset (in, out);
}
