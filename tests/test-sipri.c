/* test-sipri.c: reading SIPRI trade registers, and the breakdowns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "straits-arms-query.h"
#include "straits-diagnostic.h"
#include "straits-sipri-register.h"

#define HEADER "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category," \
  "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year," \
  "Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production;"
#define PREAMBLE "Transfers of major conventional arms;\r\nSource: SIPRI Arms Transfers Database (c) SIPRI.;\r\n" \
  "Data generated: 12 Feb 2026 12:26:12 PM;\r\n"
#define GOOD_ROW "55238,Albania,Burkina Faso,PM-43 120mm,mortar,Artillery,2011,Yes,12,No,2011,No,Second hand,0.25,0.1,1.2,No;"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sipri", name, NULL);
}

static StraitsSipriRegister *
load_excerpt (const char *name, GPtrArray **diags)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  StraitsSipriRegister *reg = straits_sipri_register_load_file (path, diags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  return reg;
}

/* Loads @rows after the preamble and header (lines 1–4), each line as given. */
static StraitsSipriRegister *
load_rows (const char *rows, GPtrArray **diags, GError **error)
{
  g_autofree char *text = g_strconcat (PREAMBLE HEADER "\r\n", rows, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return straits_sipri_register_load_bytes (bytes, "reg.csv", diags, error);
}

static char *
diag_text (GPtrArray *diags, guint i)
{
  g_assert_cmpuint (i, <, diags->len);
  return straits_diagnostic_to_string (g_ptr_array_index (diags, i));
}

static const StraitsSipriActor *
actor_of (StraitsSipriRegister *reg, const char *name)
{
  guint32 index = straits_sipri_register_find_actor (reg, name);

  g_assert_cmpuint (index, !=, G_MAXUINT32);
  return straits_sipri_register_get_actor (reg, index);
}

static void
test_excerpt (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsSipriRegister) reg = load_excerpt ("excerpt.csv", &diags);
  g_autofree char *citation = straits_sipri_register_citation (reg);
  const StraitsSipriDelivery *first, *bpe = NULL;

  g_assert_cmpuint (diags->len, ==, 0);
  g_assert_cmpuint (straits_sipri_register_get_n_deliveries (reg), ==, 17);
  g_assert_cmpstr (straits_sipri_register_get_data_as_of (reg), ==, "12 Feb 2026");
  g_assert_cmpstr (citation, ==, "SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)");

  first = straits_sipri_register_get_delivery (reg, 0);
  g_assert_cmpuint (first->line, ==, 13);
  g_assert_cmpuint (first->deal_id, ==, 55238);
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, first->supplier)->id, ==, "ALB");
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, first->recipient)->id, ==, "BFA");
  g_assert_cmpstr (first->designation, ==, "PM-43 120mm");
  g_assert_cmpstr (first->category, ==, "Artillery");
  g_assert_cmpint (first->numbers, ==, 12);
  g_assert_cmpuint (first->order_year, ==, 2011);
  g_assert_true (first->order_estimate);
  g_assert_false (first->numbers_estimate);
  g_assert_cmpfloat_with_epsilon (first->tiv, 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->tiv_unit, 0.1, 1e-9);
  g_assert_false (first->local_production);

  for (guint i = 0; i < straits_sipri_register_get_n_deliveries (reg); i++)
    if (straits_sipri_register_get_delivery (reg, i)->deal_id == 31722)
      bpe = straits_sipri_register_get_delivery (reg, i);
  g_assert_nonnull (bpe);
  g_assert_true (bpe->local_production);
  g_assert_cmpstr (bpe->designation, ==, "BPE -");
  g_assert_cmpfloat_with_epsilon (bpe->tiv, 479.5, 1e-9);

  /* Names: states by their ISO codes, the others as themselves. */
  g_assert_cmpstr (actor_of (reg, "Turkiye")->id, ==, "TUR");
  g_assert_true (actor_of (reg, "TUR") == actor_of (reg, "Turkiye"));
  g_assert_cmpstr (actor_of (reg, "South Korea")->id, ==, "KOR");
  g_assert_cmpstr (actor_of (reg, "Cote d'Ivoire")->id, ==, "CIV");
  g_assert_cmpstr (actor_of (reg, "NATO**")->id, ==, "nato");
  g_assert_cmpint (actor_of (reg, "PKK (Turkiye)*")->kind, ==, STRAITS_SIPRI_NON_STATE);
  g_assert_cmpstr (actor_of (reg, "PKK (Turkiye)*")->id, ==, "PKK (Turkiye)*");
  g_assert_cmpint (actor_of (reg, "unknown supplier(s)")->kind, ==, STRAITS_SIPRI_UNKNOWN);
  g_assert_cmpstr (actor_of (reg, "unknown supplier(s)")->id, ==, "unknown supplier(s)");
}

/* What the format allows and the excerpt lacks: quotes, "?", empty fields. */
static void
test_features (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsSipriRegister) reg = load_excerpt ("features.csv", &diags);
  const StraitsSipriDelivery *mig, *kirpi, *k9, *cobra;

  g_assert_cmpuint (diags->len, ==, 0);
  g_assert_cmpuint (straits_sipri_register_get_n_deliveries (reg), ==, 5);
  mig = straits_sipri_register_get_delivery (reg, 0);
  g_assert_cmpstr (mig->designation, ==, "MiG-29 \"Fulcrum\"");
  g_assert_cmpstr (mig->description, ==, "combat aircraft, fighter");
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, mig->supplier)->id, ==, "SUN");
  g_assert_cmpint (straits_sipri_register_get_actor (reg, mig->supplier)->kind, ==, STRAITS_SIPRI_HISTORICAL_STATE);
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, mig->recipient)->id, ==, "YUG");
  g_assert_cmpfloat_with_epsilon (mig->tiv, 252, 1e-9);

  kirpi = straits_sipri_register_get_delivery (reg, 1);
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, kirpi->recipient)->id, ==, "ARE");
  g_assert_cmpuint (kirpi->order_year, ==, 2019);
  g_assert_true (kirpi->order_estimate);
  g_assert_cmpint (kirpi->numbers, ==, 20);
  g_assert_true (kirpi->numbers_estimate);

  k9 = straits_sipri_register_get_delivery (reg, 2);
  g_assert_cmpuint (k9->order_year, ==, 0);
  g_assert_cmpint (k9->numbers, ==, -1);
  g_assert_true (k9->numbers_estimate);
  g_assert_cmpuint (k9->year, ==, 2021);
  g_assert_true (k9->year_estimate);
  g_assert_false (k9->has_tiv);
  g_assert_cmpfloat (k9->tiv, ==, 0);
  g_assert_true (isnan (k9->tiv_unit));
  g_assert_true (k9->local_production);

  cobra = straits_sipri_register_get_delivery (reg, 3);
  g_assert_cmpint (cobra->numbers, ==, -1);
  g_assert_false (cobra->numbers_estimate);
  g_assert_cmpstr (straits_sipri_register_get_actor (reg, cobra->recipient)->id, ==, "Northern Cyprus");

  /* Never a substring: Turkmenistan is not Turkiye. */
  g_assert_cmpstr (actor_of (reg, "Turkmenistan")->id, ==, "TKM");
}

static void
test_map_name_exact (void)
{
  StraitsSipriActorKind kind;

  g_assert_cmpstr (straits_sipri_map_name ("Turkiye", &kind), ==, "TUR");
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_STATE);
  g_assert_cmpstr (straits_sipri_map_name ("UAE", NULL), ==, "ARE");
  g_assert_cmpstr (straits_sipri_map_name ("South Korea", NULL), ==, "KOR");
  g_assert_cmpstr (straits_sipri_map_name ("North Korea", NULL), ==, "PRK");
  g_assert_cmpstr (straits_sipri_map_name ("Soviet Union", &kind), ==, "SUN");
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_HISTORICAL_STATE);
  g_assert_null (straits_sipri_map_name ("Turkiye ", &kind));
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_UNMAPPED);
  g_assert_null (straits_sipri_map_name ("turkiye", &kind));
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_UNMAPPED);
  g_assert_null (straits_sipri_map_name ("urk", &kind));
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_UNMAPPED);
  g_assert_null (straits_sipri_map_name ("PKK (Turkiye)*", &kind));
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_NON_STATE);
  g_assert_null (straits_sipri_map_name ("OSCE**", &kind));
  g_assert_cmpint (kind, ==, STRAITS_SIPRI_ORGANISATION);
}

/* An unknown name: one warning with its lines, and an actor of its own. */
static void
test_unmapped_name (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg =
    load_rows ("1,Narnia,Turkiye,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No;\r\n"
               GOOD_ROW "\r\n"
               "2,Turkiye,Narnia,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No;\r\n"
               "3,Narnia,Narnia,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No;\r\n", &diags, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  g_assert_cmpuint (diags->len, ==, 1);
  text = diag_text (diags, 0);
  g_assert_cmpstr (text, ==, "reg.csv:5: warning: “Narnia” is not a name Straits knows (lines 5, 7, 8); "
                             "it is kept as an actor of its own");
  g_assert_cmpint (actor_of (reg, "Narnia")->kind, ==, STRAITS_SIPRI_UNMAPPED);
  g_assert_cmpstr (actor_of (reg, "Narnia")->id, ==, "Narnia");
  g_assert_cmpuint (straits_sipri_register_get_n_deliveries (reg), ==, 4);
}

/* Every problem is collected; nothing of a file with one is kept. */
static void
test_wrong_column_count (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg =
    load_rows (GOOD_ROW "\r\n"
               "1,Albania,Greece,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1;\r\n"
               GOOD_ROW "\r\n"
               "2,Albania,Greece,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No,extra;\r\n", &diags, &error);
  g_autofree char *first = NULL, *second = NULL;

  g_assert_null (reg);
  g_assert_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_INVALID);
  g_assert_cmpuint (diags->len, ==, 2);
  first = diag_text (diags, 0);
  second = diag_text (diags, 1);
  g_assert_cmpstr (first, ==, "reg.csv:6: 16 fields where the register has 17");
  g_assert_cmpstr (second, ==, "reg.csv:8: 18 fields where the register has 17");
  g_assert_cmpstr (error->message, ==, "reg.csv:6: 16 fields where the register has 17 (and 1 more error)");
}

static void
test_missing_header (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (PREAMBLE GOOD_ROW "\r\n", strlen (PREAMBLE GOOD_ROW "\r\n"));
  g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_bytes (bytes, "reg.csv", &diags, &error);

  g_assert_null (reg);
  g_assert_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "reg.csv: no header line"));
  g_assert_cmpuint (diags->len, ==, 1);
}

static void
test_wrong_header (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "SIPRI AT Database ID,Supplier,Recipient,Designation;\r\n" GOOD_ROW "\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_bytes (bytes, "reg.csv", &diags, &error);

  g_assert_null (reg);
  g_assert_cmpstr (error->message, ==, "reg.csv:1: the header ends before column 5, “Description”");
}

static void
test_non_numeric_tiv (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg =
    load_rows ("1,Albania,Greece,X,y,Ships,2001,No,1,No,2002,No,New,1,1,abc,No;\r\n"
               "2,Albania,Greece,X,y,Ships,2001,No,1,No,2002,No,New,1,1,0x10,No;\r\n"
               "3,Albania,Greece,X,y,Ships,2001,No,1,No,20O2,Maybe,New,1,1,1,No;\r\n", &diags, &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_null (reg);
  g_assert_cmpuint (diags->len, ==, 4);
  a = diag_text (diags, 0);
  b = diag_text (diags, 1);
  c = diag_text (diags, 2);
  d = diag_text (diags, 3);
  g_assert_cmpstr (a, ==, "reg.csv:5:57: TIV delivery values: “abc” is not a number");
  g_assert_cmpstr (b, ==, "reg.csv:6:57: TIV delivery values: “0x10” is not a number");
  g_assert_cmpstr (c, ==, "reg.csv:7:41: Delivery year: “20O2” is not a number");
  g_assert_cmpstr (d, ==, "reg.csv:7:46: Delivery year is estimate: “Maybe” is neither Yes nor No");
}

static void
test_cr_only_line_ends (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Data generated: 3 Mar 2025 10:00:00 AM;\r" HEADER "\r" GOOD_ROW "\r"
                     "2,Albania,Greece,X,y,Ships,2001,No,1,No,2002,No,New,1,1,2.5,No;\r"
                     "3,Albania,Greece,X,y,Ships,2001,No,1,No,2003,No,New,1,1,1,No;";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_bytes (bytes, "reg.csv", &diags, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (straits_sipri_register_get_n_deliveries (reg), ==, 3);
  g_assert_cmpuint (straits_sipri_register_get_delivery (reg, 1)->line, ==, 4);
  g_assert_cmpuint (straits_sipri_register_get_delivery (reg, 2)->year, ==, 2003);
  g_assert_cmpfloat_with_epsilon (straits_sipri_register_get_delivery (reg, 1)->tiv, 2.5, 1e-9);
  g_assert_cmpstr (straits_sipri_register_get_data_as_of (reg), ==, "3 Mar 2025");
}

static void
test_invalid_utf8_name (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  /* "Côte d'Ivoire" in Latin-1, as a spreadsheet might save it. */
  g_autoptr(StraitsSipriRegister) reg =
    load_rows ("1,France,C\xf4te d'Ivoire,X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No;\r\n"
               GOOD_ROW "\r\n", &diags, &error);
  g_autofree char *text = NULL;

  g_assert_null (reg);
  g_assert_cmpuint (diags->len, ==, 1);
  text = diag_text (diags, 0);
  g_assert_cmpstr (text, ==, "reg.csv:5:11: the line is not valid UTF-8 text");
}

static void
test_unclosed_quote (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg =
    load_rows ("1,France,Greece,\"X,y,Ships,2001,No,1,No,2002,No,New,1,1,1,No;\r\n", &diags, &error);
  g_autofree char *text = NULL;

  g_assert_null (reg);
  text = diag_text (diags, 0);
  g_assert_cmpstr (text, ==, "reg.csv:5:17: a quoted field is not closed on its line");
}

/* Errors stop being collected at the limit, with a note that they did. */
static void
test_error_limit (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg = NULL;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (rows, "1,2,3;\r\n");
  reg = load_rows (rows->str, &diags, &error);
  g_assert_null (reg);
  g_assert_cmpuint (diags->len, ==, STRAITS_SIPRI_MAX_ERRORS + 1);
  last = diag_text (diags, diags->len - 1);
  g_assert_cmpstr (last, ==, "reg.csv: too many errors; the rest of the file was not checked");
}

/* A 2 GB file is refused before a byte is read: a sparse file. */
static void
test_huge_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-sipri-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  close (fd);
  reg = straits_sipri_register_load_file (path, NULL, &error);
  g_assert_null (reg);
  g_assert_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_TOO_LARGE);
  /* The message names the file and the limit it is over. */
  g_assert_nonnull (strstr (error->message, "huge.csv"));
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_regular_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-sipri-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fifo_error = NULL;
  g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_file (dir, NULL, &error);
  g_autoptr(StraitsSipriRegister) reg2 = NULL;

  g_assert_null (reg);
  g_assert_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_NOT_REGULAR);
  /* A FIFO with no writer: refused, not waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reg2 = straits_sipri_register_load_file (fifo, NULL, &fifo_error);
  g_assert_null (reg2);
  g_assert_error (fifo_error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_NOT_REGULAR);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_file ("/nonexistent/reg.csv", NULL, &error);

  g_assert_null (reg);
  g_assert_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "“/nonexistent/reg.csv”"));
}

/* Breakdowns on the excerpt, summed by hand from its lines. */
static void
test_breakdown_excerpt (void)
{
  g_autoptr(StraitsSipriRegister) reg = load_excerpt ("excerpt.csv", NULL);
  guint32 tur = straits_sipri_register_find_actor (reg, "TUR");
  StraitsArmsFilter filter = { .recipients = &tur, .n_recipients = 1, .from = 2020, .to = 2024 };
  g_autoptr(StraitsArmsBreakdown) b = straits_arms_breakdown (reg, &filter, STRAITS_ARMS_BY_SUPPLIER);
  g_autoptr(StraitsArmsBreakdown) years = NULL;
  g_autoptr(GArray) deals = NULL;
  g_autofree char *json = NULL;
  const StraitsArmsRow *top;

  /* 1.5 (CAN) + 2.5 (FRA) + 275 (DEU) + 2.75 (ITA) + 28 (ITA) + 32 (RUS) + 3.12 (KOR) + 479.5 (ESP) */
  g_assert_cmpfloat_with_epsilon (b->total_tiv, 824.37, 1e-9);
  g_assert_cmpuint (b->n_deliveries, ==, 8);
  top = &g_array_index (b->rows, StraitsArmsRow, 0);
  g_assert_cmpstr (top->key, ==, "ESP");
  g_assert_cmpstr (top->name, ==, "Spain");
  g_assert_cmpfloat_with_epsilon (top->share_pct, 479.5 / 824.37 * 100, 1e-9);
  g_assert_cmpstr (g_array_index (b->rows, StraitsArmsRow, 2).key, ==, "RUS");
  g_assert_cmpstr (g_array_index (b->rows, StraitsArmsRow, 3).key, ==, "ITA");
  g_assert_cmpfloat_with_epsilon (g_array_index (b->rows, StraitsArmsRow, 3).tiv, 30.75, 1e-9);

  straits_arms_breakdown_fold (b, 3);
  g_assert_cmpuint (b->rows->len, ==, 3);
  g_assert_true (g_array_index (b->rows, StraitsArmsRow, 2).remainder);
  g_assert_cmpfloat_with_epsilon (g_array_index (b->rows, StraitsArmsRow, 2).tiv, 824.37 - 479.5 - 275, 1e-9);

  json = straits_arms_breakdown_to_json (b, "S");
  g_assert_true (g_str_has_prefix (json, "{\"total_tiv\": 824.37, \"period\": [2020, 2024], \"by\": \"supplier\", \"rows\": [\n"
                                         "  {\"id\": \"ESP\", \"name\": \"Spain\", \"tiv\": 479.50, \"share_pct\": 58.17},"));

  filter.exclude_local_production = TRUE;
  years = straits_arms_breakdown (reg, &filter, STRAITS_ARMS_BY_YEAR);
  g_assert_cmpuint (years->rows->len, ==, 5);
  g_assert_cmpstr (g_array_index (years->rows, StraitsArmsRow, 0).key, ==, "2020");
  g_assert_cmpfloat_with_epsilon (g_array_index (years->rows, StraitsArmsRow, 0).tiv, 1.5 + 2.5 + 32, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (years->rows, StraitsArmsRow, 4).tiv, 0, 1e-9);

  filter.exclude_local_production = FALSE;
  {
    g_autoptr(GArray) pairs = straits_arms_pairs (reg, &filter);
    double sum = 0;

    /* One pair per supplier here (one recipient): the supplier rows again. */
    g_assert_cmpuint (pairs->len, ==, 7);
    g_assert_cmpstr (straits_sipri_register_get_actor (reg, g_array_index (pairs, StraitsArmsPair, 0).supplier)->id, ==, "ESP");
    g_assert_cmpuint (g_array_index (pairs, StraitsArmsPair, 0).recipient, ==, tur);
    for (guint i = 0; i < pairs->len; i++)
      sum += g_array_index (pairs, StraitsArmsPair, i).tiv;
    g_assert_cmpfloat_with_epsilon (sum, 824.37, 1e-9);
  }
  deals = straits_arms_largest_deals (reg, &filter, 2);
  g_assert_cmpuint (deals->len, ==, 2);
  g_assert_cmpuint (g_array_index (deals, StraitsArmsDeal, 0).deal_id, ==, 31722);
  g_assert_true (g_array_index (deals, StraitsArmsDeal, 0).local_production);
  g_assert_cmpuint (g_array_index (deals, StraitsArmsDeal, 1).deal_id, ==, 31802);
}

/* The whole register: beside the project, as in CI. Absent, the test fails. */
static StraitsSipriRegister *
load_full_register (void)
{
  const char *path = g_getenv ("STRAITS_SIPRI_REGISTER");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diags = NULL;
  StraitsSipriRegister *reg;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("the SIPRI register is missing: %s (expected ../shared/data/sipri/trade_register.csv beside the project)",
             path ? path : "STRAITS_SIPRI_REGISTER is not set");
  reg = straits_sipri_register_load_file (path, &diags, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diags->len, ==, 0);
  return reg;
}

static void
check_row (const StraitsArmsBreakdown *b, guint i, const char *key, double tiv, double share)
{
  const StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);

  g_assert_cmpstr (row->key, ==, key);
  g_assert_cmpfloat_with_epsilon (row->tiv, tiv, 1e-6);
  g_assert_cmpfloat_with_epsilon (round (row->share_pct * 100) / 100, share, 1e-9);
}

static void
test_full_register_turkiye (void)
{
  g_autoptr(StraitsSipriRegister) reg = load_full_register ();
  guint32 tur = straits_sipri_register_find_actor (reg, "TUR");
  StraitsArmsFilter filter = { .recipients = &tur, .n_recipients = 1, .from = 2020, .to = 2024 };
  g_autoptr(StraitsArmsBreakdown) b = straits_arms_breakdown (reg, &filter, STRAITS_ARMS_BY_SUPPLIER);
  g_autoptr(StraitsArmsBreakdown) without = NULL;
  guint first, last;

  g_assert_cmpuint (straits_sipri_register_get_n_deliveries (reg), ==, 25024);
  straits_sipri_register_get_years (reg, &first, &last);
  g_assert_cmpuint (first, ==, 1995);
  g_assert_cmpuint (last, ==, 2024);

  g_assert_cmpfloat_with_epsilon (b->total_tiv, 1635.10, 1e-6);
  check_row (b, 0, "ESP", 552.5, 33.79);
  check_row (b, 1, "ITA", 393.5, 24.07);
  check_row (b, 2, "DEU", 305.5, 18.68);
  check_row (b, 3, "USA", 271.66, 16.61);
  check_row (b, 4, "RUS", 63.2, 3.87);

  /* Without local production, the United States and Russia lead. */
  filter.exclude_local_production = TRUE;
  without = straits_arms_breakdown (reg, &filter, STRAITS_ARMS_BY_SUPPLIER);
  g_assert_cmpfloat_with_epsilon (without->total_tiv, 275.48, 1e-6);
  check_row (without, 0, "USA", 102.41, 37.18);
  check_row (without, 1, "RUS", 63.2, 22.94);
  check_row (without, 2, "ITA", 33.75, 12.25);
  check_row (without, 3, "DEU", 30.5, 11.07);
  check_row (without, 4, "FRA", 15, 5.45);
  g_assert_cmpuint (without->rows->len, ==, 8);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sipri/excerpt", test_excerpt);
  g_test_add_func ("/sipri/features", test_features);
  g_test_add_func ("/sipri/map-name-exact", test_map_name_exact);
  g_test_add_func ("/sipri/unmapped-name", test_unmapped_name);
  g_test_add_func ("/sipri/hostile/wrong-column-count", test_wrong_column_count);
  g_test_add_func ("/sipri/hostile/missing-header", test_missing_header);
  g_test_add_func ("/sipri/hostile/wrong-header", test_wrong_header);
  g_test_add_func ("/sipri/hostile/non-numeric-tiv", test_non_numeric_tiv);
  g_test_add_func ("/sipri/hostile/cr-only-line-ends", test_cr_only_line_ends);
  g_test_add_func ("/sipri/hostile/invalid-utf8-name", test_invalid_utf8_name);
  g_test_add_func ("/sipri/hostile/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/sipri/hostile/error-limit", test_error_limit);
  g_test_add_func ("/sipri/hostile/huge-file-refused", test_huge_file_refused);
  g_test_add_func ("/sipri/hostile/not-regular-refused", test_not_regular_refused);
  g_test_add_func ("/sipri/hostile/missing-file", test_missing_file);
  g_test_add_func ("/arms/breakdown-excerpt", test_breakdown_excerpt);
  g_test_add_func ("/arms/full-register-turkiye", test_full_register_turkiye);
  return g_test_run ();
}
