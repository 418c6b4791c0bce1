/* straits-arms-query.c
 *
 * Every figure here is a plain sum of SIPRI's "TIV delivery values" over
 * the deliveries a filter keeps; shares are of that sum. An empty TIV
 * field ("no deliveries identified") counts as zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-arms-query.h"
#include "straits-workbook.h"

static const char *const by_names[] = { "supplier", "recipient", "category", "year" };

gboolean
straits_arms_by_parse (const char *text, StraitsArmsBy *by)
{
  for (guint i = 0; i < G_N_ELEMENTS (by_names); i++)
    if (g_strcmp0 (text, by_names[i]) == 0)
      {
        *by = (StraitsArmsBy) i;
        return TRUE;
      }
  return FALSE;
}

const char *
straits_arms_by_to_string (StraitsArmsBy by)
{
  return by_names[by];
}

static gboolean
contains (const guint32 *set, guint n, guint32 value)
{
  for (guint i = 0; i < n; i++)
    if (set[i] == value)
      return TRUE;
  return FALSE;
}

gboolean
straits_arms_filter_matches (const StraitsArmsFilter    *filter,
                             const StraitsSipriDelivery *d)
{
  return d->year >= filter->from && d->year <= filter->to &&
         !(filter->exclude_local_production && d->local_production) &&
         (filter->n_recipients == 0 || contains (filter->recipients, filter->n_recipients, d->recipient)) &&
         (filter->n_suppliers == 0 || contains (filter->suppliers, filter->n_suppliers, d->supplier));
}

static void
row_clear (StraitsArmsRow *row)
{
  g_clear_pointer (&row->key, g_free);
  g_clear_pointer (&row->name, g_free);
}

static GArray *
new_rows (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (StraitsArmsRow));

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  return rows;
}

/* The row a delivery adds to: its key and name by @by. */
static void
describe_key (StraitsSipriRegister *reg, const StraitsSipriDelivery *d, StraitsArmsBy by,
              const char **key, const char **name, guint32 *actor)
{
  const StraitsSipriActor *a = NULL;

  *actor = G_MAXUINT32;
  if (by == STRAITS_ARMS_BY_SUPPLIER || by == STRAITS_ARMS_BY_RECIPIENT)
    {
      *actor = by == STRAITS_ARMS_BY_SUPPLIER ? d->supplier : d->recipient;
      a = straits_sipri_register_get_actor (reg, *actor);
      *key = a->id;
      *name = a->name;
    }
  else
    *key = *name = d->category;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const StraitsArmsRow *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder ? 1 : -1;
  if (x->tiv != y->tiv)
    return x->tiv < y->tiv ? 1 : -1;
  return strcmp (x->name, y->name);
}

/* Every year of the period, in order, zero when nothing was delivered. */
static void
sum_by_year (StraitsArmsBreakdown *b, const double *tiv, const guint *count)
{
  for (guint y = b->from; y <= b->to; y++)
    {
      StraitsArmsRow row = { g_strdup_printf ("%u", y), g_strdup_printf ("%u", y), G_MAXUINT32,
                             tiv[y - b->from], 0, count[y - b->from], FALSE };
      g_array_append_val (b->rows, row);
    }
}

static void
compute_shares (StraitsArmsBreakdown *b)
{
  for (guint i = 0; i < b->rows->len; i++)
    {
      StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);
      row->share_pct = b->total_tiv > 0 ? row->tiv / b->total_tiv * 100 : 0;
    }
}

StraitsArmsBreakdown *
straits_arms_breakdown (StraitsSipriRegister    *reg,
                        const StraitsArmsFilter *filter,
                        StraitsArmsBy            by)
{
  StraitsArmsBreakdown *b = g_new0 (StraitsArmsBreakdown, 1);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint span = filter->to >= filter->from ? filter->to - filter->from + 1 : 0;
  g_autofree double *year_tiv = g_new0 (double, MAX (span, 1));
  g_autofree guint *year_count = g_new0 (guint, MAX (span, 1));

  b->by = by;
  b->from = filter->from;
  b->to = filter->to;
  b->rows = new_rows ();
  for (guint i = 0; i < straits_sipri_register_get_n_deliveries (reg); i++)
    {
      const StraitsSipriDelivery *d = straits_sipri_register_get_delivery (reg, i);
      const char *key, *name;
      guint32 actor;
      gpointer found;
      StraitsArmsRow *row;

      if (!straits_arms_filter_matches (filter, d))
        continue;
      b->total_tiv += d->tiv;
      b->n_deliveries++;
      if (by == STRAITS_ARMS_BY_YEAR)
        {
          year_tiv[d->year - filter->from] += d->tiv;
          year_count[d->year - filter->from]++;
          continue;
        }
      describe_key (reg, d, by, &key, &name, &actor);
      found = g_hash_table_lookup (index, key);
      if (found == NULL)
        {
          StraitsArmsRow fresh = { g_strdup (key), g_strdup (name), actor, 0, 0, 0, FALSE };

          g_array_append_val (b->rows, fresh);
          /* The keys are the register's strings, which outlive the table. */
          g_hash_table_insert (index, (gpointer) key, GUINT_TO_POINTER (b->rows->len));
          found = GUINT_TO_POINTER (b->rows->len);
        }
      row = &g_array_index (b->rows, StraitsArmsRow, GPOINTER_TO_UINT (found) - 1);
      row->tiv += d->tiv;
      row->n_deliveries++;
    }
  if (by == STRAITS_ARMS_BY_YEAR)
    sum_by_year (b, year_tiv, year_count);
  else
    g_array_sort (b->rows, compare_rows);
  compute_shares (b);
  return b;
}

void
straits_arms_breakdown_free (StraitsArmsBreakdown *breakdown)
{
  if (breakdown == NULL)
    return;
  g_array_unref (breakdown->rows);
  g_free (breakdown);
}

void
straits_arms_breakdown_fold (StraitsArmsBreakdown *b,
                             guint                 max_rows)
{
  StraitsArmsRow other = { g_strdup ("other"), g_strdup (_("Other")), G_MAXUINT32, 0, 0, 0, TRUE };

  g_return_if_fail (max_rows >= 2);
  if (b->rows->len <= max_rows)
    {
      row_clear (&other);
      return;
    }
  for (guint i = max_rows - 1; i < b->rows->len; i++)
    other.n_deliveries += g_array_index (b->rows, StraitsArmsRow, i).n_deliveries;
  g_array_set_size (b->rows, max_rows - 1);
  /* The true remainder: the total less what is listed, not a sum that
   * could drift from it by rounding. */
  other.tiv = b->total_tiv;
  for (guint i = 0; i < b->rows->len; i++)
    other.tiv -= g_array_index (b->rows, StraitsArmsRow, i).tiv;
  other.tiv = MAX (other.tiv, 0);
  other.share_pct = b->total_tiv > 0 ? other.tiv / b->total_tiv * 100 : 0;
  g_array_append_val (b->rows, other);
}

/* Deals -------------------------------------------------------------------- */

static int
compare_deals (gconstpointer a, gconstpointer b)
{
  const StraitsArmsDeal *x = a, *y = b;

  if (x->tiv != y->tiv)
    return x->tiv < y->tiv ? 1 : -1;
  return x->deal_id < y->deal_id ? -1 : x->deal_id > y->deal_id;
}

static void
add_to_deal (StraitsArmsDeal *deal, const StraitsSipriDelivery *d)
{
  deal->tiv += d->tiv;
  if (d->numbers >= 0)
    deal->numbers = MAX (deal->numbers, 0) + d->numbers;
  deal->first_year = MIN (deal->first_year, d->year);
  deal->last_year = MAX (deal->last_year, d->year);
  deal->estimate |= d->numbers_estimate || d->year_estimate || d->order_estimate;
}

GArray *
straits_arms_largest_deals (StraitsSipriRegister    *reg,
                            const StraitsArmsFilter *filter,
                            guint                    max_deals)
{
  GArray *deals = g_array_new (FALSE, TRUE, sizeof (StraitsArmsDeal));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < straits_sipri_register_get_n_deliveries (reg); i++)
    {
      const StraitsSipriDelivery *d = straits_sipri_register_get_delivery (reg, i);
      gpointer found;

      if (!straits_arms_filter_matches (filter, d))
        continue;
      found = g_hash_table_lookup (index, GUINT_TO_POINTER (d->deal_id));
      if (found == NULL)
        {
          StraitsArmsDeal deal = { d->deal_id, d->supplier, d->recipient, d->designation, d->description,
                                   d->category, 0, -1, d->order_year, d->year, d->year, FALSE,
                                   d->local_production };

          g_array_append_val (deals, deal);
          found = GUINT_TO_POINTER (deals->len);
          g_hash_table_insert (index, GUINT_TO_POINTER (d->deal_id), found);
        }
      add_to_deal (&g_array_index (deals, StraitsArmsDeal, GPOINTER_TO_UINT (found) - 1), d);
    }
  g_array_sort (deals, compare_deals);
  if (deals->len > max_deals)
    g_array_set_size (deals, max_deals);
  return deals;
}

/* Pairs -------------------------------------------------------------------- */

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const StraitsArmsPair *x = a, *y = b;

  if (x->tiv != y->tiv)
    return x->tiv < y->tiv ? 1 : -1;
  return x->supplier != y->supplier ? (x->supplier < y->supplier ? -1 : 1)
                                    : (x->recipient < y->recipient ? -1 : x->recipient > y->recipient);
}

GArray *
straits_arms_pairs (StraitsSipriRegister    *reg,
                    const StraitsArmsFilter *filter)
{
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (StraitsArmsPair));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < straits_sipri_register_get_n_deliveries (reg); i++)
    {
      const StraitsSipriDelivery *d = straits_sipri_register_get_delivery (reg, i);
      gint64 key = ((gint64) d->supplier << 32) | d->recipient;
      gpointer found;

      if (!straits_arms_filter_matches (filter, d))
        continue;
      found = g_hash_table_lookup (index, &key);
      if (found == NULL)
        {
          StraitsArmsPair pair = { d->supplier, d->recipient, 0 };

          g_array_append_val (pairs, pair);
          found = GUINT_TO_POINTER (pairs->len);
          g_hash_table_insert (index, g_memdup2 (&key, sizeof key), found);
        }
      g_array_index (pairs, StraitsArmsPair, GPOINTER_TO_UINT (found) - 1).tiv += d->tiv;
    }
  g_array_sort (pairs, compare_pairs);
  return pairs;
}

/* Output ------------------------------------------------------------------- */

static void
append_json_string (GString *s, const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/* Two decimals, as the register gives TIV and as shares are stated. */
static void
append_number (GString *s, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

char *
straits_arms_breakdown_to_json (const StraitsArmsBreakdown *b,
                                const char                 *source)
{
  GString *s = g_string_new ("{\"total_tiv\": ");

  append_number (s, b->total_tiv);
  g_string_append_printf (s, ", \"period\": [%u, %u], \"by\": \"%s\", \"rows\": [", b->from, b->to,
                          straits_arms_by_to_string (b->by));
  for (guint i = 0; i < b->rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);

      g_string_append (s, i == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ");
      append_json_string (s, row->key);
      g_string_append (s, ", \"name\": ");
      append_json_string (s, row->name);
      g_string_append (s, ", \"tiv\": ");
      append_number (s, row->tiv);
      g_string_append (s, ", \"share_pct\": ");
      append_number (s, row->share_pct);
      g_string_append_c (s, '}');
    }
  g_string_append (s, b->rows->len > 0 ? "\n], \"source\": " : "], \"source\": ");
  append_json_string (s, source);
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

char *
straits_arms_breakdown_to_csv (const StraitsArmsBreakdown *b)
{
  GString *s = g_string_new ("id,name,tiv,share_pct\n");

  for (guint i = 0; i < b->rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);

      straits_csv_append_field (s, row->key);
      g_string_append_c (s, ',');
      straits_csv_append_field (s, row->name);
      g_string_append_c (s, ',');
      append_number (s, row->tiv);
      g_string_append_c (s, ',');
      append_number (s, row->share_pct);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

char *
straits_arms_breakdown_to_text (const StraitsArmsBreakdown *b,
                                const char                 *title,
                                const char                 *source)
{
  GString *s = g_string_new (NULL);
  int width = 10;

  g_string_append_printf (s, "%s, %u–%u\n", title, b->from, b->to);
  for (guint i = 0; i < b->rows->len; i++)
    width = MAX (width, (int) g_utf8_strlen (g_array_index (b->rows, StraitsArmsRow, i).name, -1));
  for (guint i = 0; i < b->rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (b->rows, StraitsArmsRow, i);
      int pad = width - (int) g_utf8_strlen (row->name, -1);

      g_string_append_printf (s, "  %s%*s  %10.2f  %6.2f %%\n", row->name, pad, "", row->tiv, row->share_pct);
    }
  g_string_append_printf (s, "  %-*s  %10.2f\n", width, _("Total"), b->total_tiv);
  g_string_append_printf (s, _("Source: %s\n"), source);
  return g_string_free (s, FALSE);
}
