/* test-workbook.c: workbooks (sheets of cells) to dataset JSON and back:
 * CSV reading, the cell conventions, problems placed in sheet, row and
 * column, the bundled dataset's round trip through CSV, and cells through
 * the ODS and XLSX files Straits writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-dataset.h"
#include "straits-dataset-diff.h"
#include "straits-diagnostic.h"
#include "straits-workbook.h"

static void
add_csv (StraitsWorkbook *wb, const char *name, const char *csv)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (straits_workbook_parse_csv (wb, name, csv, strlen (csv), &error));
  g_assert_no_error (error);
}

static const char *
cell (StraitsWorkbookSheet *sheet, guint row, guint column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (sheet->rows, row), column);
}

static void
test_csv_quoting (void)
{
  g_autoptr(StraitsWorkbook) wb = straits_workbook_new ();
  g_autoptr(GError) error = NULL;
  StraitsWorkbookSheet *sheet;
  g_autofree char *again = NULL;

  add_csv (wb, "actors", "\xef\xbb\xbfid,name\r\nA,\"x, \"\"y\"\"\r\nz\"\n\nB,last");
  sheet = straits_workbook_get_sheet (wb, "actors");
  g_assert_nonnull (sheet);
  g_assert_cmpuint (sheet->rows->len, ==, 4);
  g_assert_cmpstr (cell (sheet, 0, 0), ==, "id");
  g_assert_cmpstr (cell (sheet, 1, 1), ==, "x, \"y\"\r\nz");
  g_assert_cmpstr (cell (sheet, 3, 1), ==, "last");
  /* Rows are numbered as records, as a spreadsheet shows them. */
  g_assert_cmpuint (g_array_index (sheet->row_numbers, guint, 3), ==, 4);
  again = straits_workbook_sheet_to_csv (sheet);
  g_assert_cmpstr (again, ==, "id,name\r\nA,\"x, \"\"y\"\"\r\nz\"\r\n\r\nB,last\r\n");

  g_assert_false (straits_workbook_parse_csv (wb, "bad", "id\n\"open", 8, &error));
  g_assert_nonnull (strstr (error->message, "row 2: a quoted cell is not closed"));
  g_clear_error (&error);
  g_assert_false (straits_workbook_parse_csv (wb, "latin1", "id\nT\xfcrkei", 9, &error));
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
}

/* The JSON a workbook of @n sheets (name, csv pairs) gives, parsed. */
static JsonNode *
convert (GPtrArray **diags_out, ...)
{
  g_autoptr(StraitsWorkbook) wb = straits_workbook_new ();
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autofree char *json = NULL;
  const char *name;
  va_list args;

  va_start (args, diags_out);
  while ((name = va_arg (args, const char *)) != NULL)
    add_csv (wb, name, va_arg (args, const char *));
  va_end (args);
  json = straits_workbook_to_json (wb, "wb", diags, NULL);
  if (diags_out != NULL)
    *diags_out = g_steal_pointer (&diags);
  return json_from_string (json, NULL);
}

static void
test_cells (void)
{
  g_autoptr(JsonNode) root = convert (NULL,
    "actors", "id,kind,name,memberships,location,sources\n"
              "TUR,state,Turkey,NATO; EU-candidate,\"32.75, 39.5\","
              "\"s1: Heading: part, para. 2 | a quote; with;; semicolon; s2; s3: | only a quote\"\n",
    "relations", "id,from,to,type,strength,roles\nr1,TUR,GRC,threat,0.75,threatener: TUR; threatened: GRC\n",
    "events", "id,date,type,title,place.point,place.feature\ne1,2025,decision,T,,aegean\n",
    "relation_types", "id,label,colour,roles,dated\nthreat,Threat,#000000,threatener; threatened,TRUE\n",
    NULL);
  g_autofree char *actor = NULL, *relation = NULL, *event = NULL, *type = NULL;
  JsonObject *o = json_node_get_object (root);

  actor = json_to_string (json_array_get_element (json_object_get_array_member (o, "actors"), 0), FALSE);
  g_assert_cmpstr (actor, ==,
                   "{\"id\":\"TUR\",\"kind\":\"state\",\"name\":\"Turkey\",\"memberships\":[\"NATO\",\"EU-candidate\"],"
                   "\"location\":[32.75,39.5],\"sources\":[{\"source\":\"s1\",\"locator\":\"Heading: part, para. 2\","
                   "\"quote\":\"a quote\"},{\"source\":\"with; semicolon\"},{\"source\":\"s2\"},"
                   "{\"source\":\"s3\",\"quote\":\"only a quote\"}]}");
  relation = json_to_string (json_array_get_element (json_object_get_array_member (o, "relations"), 0), FALSE);
  g_assert_cmpstr (relation, ==,
                   "{\"id\":\"r1\",\"from\":\"TUR\",\"to\":\"GRC\",\"type\":\"threat\",\"strength\":0.75,"
                   "\"roles\":{\"threatener\":\"TUR\",\"threatened\":\"GRC\"}}");
  event = json_to_string (json_array_get_element (json_object_get_array_member (o, "events"), 0), FALSE);
  g_assert_cmpstr (event, ==,
                   "{\"id\":\"e1\",\"date\":\"2025\",\"type\":\"decision\",\"title\":\"T\",\"place\":{\"feature\":\"aegean\"}}");
  type = json_to_string (json_object_get_member (json_object_get_object_member (o, "vocabulary"), "relation_types"), FALSE);
  g_assert_cmpstr (type, ==,
                   "[{\"id\":\"threat\",\"label\":\"Threat\",\"colour\":\"#000000\",\"roles\":[\"threatener\",\"threatened\"],\"dated\":true}]");
}

static char *
joined (GPtrArray *diags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

/* A small valid workbook with the given relations sheet, as a folder. */
static char *
write_folder (const char *relations_csv, const char *extra_name, const char *extra_csv)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-wb-XXXXXX", NULL);
  struct { const char *name, *csv; } files[] = {
    { "metadata.csv", "title,date\nTest,2025\n" },
    { "relation_types.csv", "id,label,colour\nthreat,Threat,#000000\n" },
    { "actors.csv", "id,kind,name,iso3\nGRC,state,Greece,GRC\nTUR,state,Turkey,TUR\n" },
    { "relations.csv", relations_csv },
    { extra_name, extra_csv },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (files[i].name != NULL)
      {
        g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

        g_assert_true (g_file_set_contents (path, files[i].csv, -1, NULL));
      }
  return g_steal_pointer (&dir);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_problems_placed (void)
{
  g_autofree char *dir = write_folder ("id,from,to,type,strength,start\n"
                                       "r1,TUR,GRC,threat,0.5,2020\n"
                                       "r2,TUR,GRE,threat,\"1,5\",2021\n",
                                       "figure_values.csv", "figure,value\nnope,3\n");
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_workbook_load (dir, &diags, &error);
  g_autofree char *text = joined (diags);
  g_autofree char *expected = g_strdup_printf (
    "%s: sheet “relations”, row 3, column “strength”: expected a number such as 12.5 (with a point, no thousands separators), not “1,5”\n"
    "%s: sheet “relations”, row 3, column “to”: unknown actor “GRE” (did you mean “GRC”?)\n"
    "%s: sheet “figure_values”, row 2, column “figure”: no row of sheet “figures” has the id “nope”\n",
    dir, dir, dir);

  g_assert_null (ds);
  g_assert_nonnull (error);
  /* Every problem at once, in sheet and row order, nothing loaded. */
  g_assert_cmpstr (text, ==, expected);
  remove_folder (dir);
}

static void
test_valid_folder (void)
{
  g_autofree char *dir = write_folder ("id,from,to,type,start\nr1,TUR,GRC,threat,2020\n",
                                       "Sheet1.csv", "a,b\n1,2\n");
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_workbook_load (dir, &diags, &error);
  g_autofree char *text = joined (diags);
  g_autofree char *expected = g_strdup_printf ("%s: warning: sheet “Sheet1”: not a sheet Straits reads, left out\n", dir);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpuint (straits_dataset_get_n_relations (ds), ==, 1);
  g_assert_cmpuint (straits_dataset_get_relation (ds, 0)->start.year, ==, 2020);
  g_assert_cmpstr (text, ==, expected);
  remove_folder (dir);
}

static void
test_header_missing (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(JsonNode) root = convert (&diags,
    "metadata", "title\nT\n",
    "actors", "TUR,state,Turkey\nGRC,state,Greece\n",
    "figure_values", "actor,value\nTUR,3\n",
    "relations", "id,id\n",
    NULL);
  g_autofree char *text = joined (diags);

  g_assert_cmpstr (text, ==,
    "wb: sheet “actors”, row 1: the first row should name the columns (“id”, “kind”, “name”, …): none of its cells is a column name this sheet has\n"
    "wb: sheet “relations”, row 1, column “id”: the column is named twice in the header row\n"
    "wb: sheet “figure_values”, row 1: the header row has no column “figure”, which says what each row belongs to\n");
}

/* JSON values compared as a reader of the format sees them: numbers by
 * value (34 and 34.0 alike), an empty list as no list, "$schema" left out. */
static gboolean
same_json (JsonNode *a, JsonNode *b, GString *where)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
      g_autoptr(GList) ma = json_object_get_members (oa);
      g_autoptr(GList) mb = json_object_get_members (ob);
      guint na = 0, nb = 0;

      for (GList *l = ma; l; l = l->next)
        {
          JsonNode *va = json_object_get_member (oa, l->data);
          gboolean empty = JSON_NODE_HOLDS_ARRAY (va) && json_array_get_length (json_node_get_array (va)) == 0;

          if (empty || strcmp (l->data, "$schema") == 0)
            continue;
          na++;
          if (!json_object_has_member (ob, l->data)
              || !same_json (va, json_object_get_member (ob, l->data), where))
            {
              g_string_prepend (where, l->data);
              g_string_prepend_c (where, '.');
              return FALSE;
            }
        }
      for (GList *l = mb; l; l = l->next)
        nb++;
      if (na != nb)
        g_string_append (where, " (members added)");
      return na == nb;
    }
  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

      if (json_array_get_length (aa) != json_array_get_length (ab))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (aa); i++)
        if (!same_json (json_array_get_element (aa, i), json_array_get_element (ab, i), where))
          {
            g_autofree char *index = g_strdup_printf ("[%u]", i);

            g_string_prepend (where, index);
            return FALSE;
          }
      return TRUE;
    }
  if (JSON_NODE_HOLDS_NULL (a))
    return TRUE;
  if (json_node_get_value_type (a) == G_TYPE_STRING || json_node_get_value_type (b) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
  if (json_node_get_value_type (a) == G_TYPE_BOOLEAN || json_node_get_value_type (b) == G_TYPE_BOOLEAN)
    return json_node_get_value_type (a) == json_node_get_value_type (b)
           && json_node_get_boolean (a) == json_node_get_boolean (b);
  return json_node_get_double (a) == json_node_get_double (b);
}

static void
test_bundled_round_trip (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autofree char *original = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsWorkbook) wb = NULL;
  g_autoptr(StraitsWorkbook) again = straits_workbook_new ();
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) a = NULL, b = NULL;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(StraitsDataset) ds_a = NULL, ds_b = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  wb = straits_workbook_from_json (original, length, &error);
  g_assert_no_error (error);
  /* Through CSV text, as a folder would hold it. */
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (wb->sheets, i);
      g_autofree char *csv = straits_workbook_sheet_to_csv (sheet);

      add_csv (again, sheet->name, csv);
    }
  json = straits_workbook_to_json (again, "round-trip", diags, NULL);
  g_assert_cmpuint (diags->len, ==, 0);
  a = json_from_string (original, NULL);
  b = json_from_string (json, NULL);
  if (!same_json (a, b, where))
    g_error ("the round trip changed %s", where->str);
  /* And as the loader and the field-by-field diff see it. */
  ds_a = straits_dataset_load_file (path, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (json, strlen (json));
  ds_b = straits_dataset_load_bytes (bytes, "round-trip", NULL, &error);
  g_assert_no_error (error);
  changes = straits_dataset_diff (ds_a, ds_b);
  g_assert_cmpuint (changes->len, ==, 0);
}

/* Every cell of @b is the cell of @a in the same row, rows by number
 * (the readers leave out empty rows and trailing empty cells). */
static void
assert_same_sheets (StraitsWorkbook *a, StraitsWorkbook *b)
{
  g_assert_cmpuint (a->sheets->len, ==, b->sheets->len);
  for (guint s = 0; s < a->sheets->len; s++)
    {
      StraitsWorkbookSheet *sa = g_ptr_array_index (a->sheets, s);
      StraitsWorkbookSheet *sb = g_ptr_array_index (b->sheets, s);
      guint rb = 0;

      g_assert_cmpstr (sa->name, ==, sb->name);
      for (guint r = 0; r < sa->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (sa->rows, r);
          GPtrArray *other;
          gboolean empty = TRUE;

          for (guint c = 0; c < row->len; c++)
            empty &= ((const char *) g_ptr_array_index (row, c))[0] == '\0';
          if (empty)
            continue;
          g_assert_cmpuint (rb, <, sb->rows->len);
          g_assert_cmpuint (g_array_index (sb->row_numbers, guint, rb), ==, r + 1);
          other = g_ptr_array_index (sb->rows, rb++);
          g_assert_cmpuint (other->len, <=, row->len);
          for (guint c = 0; c < row->len; c++)
            g_assert_cmpstr (c < other->len ? g_ptr_array_index (other, c) : "", ==, g_ptr_array_index (row, c));
        }
      g_assert_cmpuint (rb, ==, sb->rows->len);
    }
}

/* Cells through the ODS and XLSX files Straits writes come back as they
 * were: numbers typed or not, booleans, spaces, tabs, line breaks, a sheet
 * Straits does not read, short and empty rows. */
static void
test_spreadsheet_cells (void)
{
  g_autoptr(StraitsWorkbook) wb = straits_workbook_new ();
  g_autofree char *dir = g_dir_make_tmp ("straits-wb-XXXXXX", NULL);
  const char *const names[] = { "cells.ods", "cells.xlsx" };
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = g_build_filename (dir, "cells.csv", NULL);

  add_csv (wb, "relations", "id,strength,note\n"
           "a,0.8,\" two  spaces and \ttab \"\n"
           "b,1.50,\"line\nbreak\r\nand CR\n\"\n"
           "c,12345678901234567890,<&>\n"
           ",,\n"
           "d,-1e-07\n"
           "e,1e+21,x\n");
  add_csv (wb, "relation_types", "id,dated\nt,true\nu,FALSE\nv,false\n");
  add_csv (wb, "notes", "anything,else\n  ,1.5\n");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(StraitsWorkbook) back = NULL;

      g_assert_true (straits_workbook_write_spreadsheet (wb, path, &error));
      g_assert_no_error (error);
      back = straits_workbook_read_zip (path, &error);
      g_assert_no_error (error);
      assert_same_sheets (wb, back);
      g_unlink (path);
    }
  g_assert_false (straits_workbook_write_spreadsheet (wb, wrong, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, wrong));
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/csv-quoting", test_csv_quoting);
  g_test_add_func ("/workbook/cells", test_cells);
  g_test_add_func ("/workbook/problems-placed", test_problems_placed);
  g_test_add_func ("/workbook/valid-folder", test_valid_folder);
  g_test_add_func ("/workbook/header-missing", test_header_missing);
  g_test_add_func ("/workbook/bundled-round-trip", test_bundled_round_trip);
  g_test_add_func ("/workbook/spreadsheet-cells", test_spreadsheet_cells);
  return g_test_run ();
}
