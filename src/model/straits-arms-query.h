/* straits-arms-query.h: who arms whom, from a SIPRI trade register
 *
 * Sums of TIV (SIPRI trend-indicator values, millions) of deliveries, by
 * supplier, recipient, armament category or year, for a set of recipients
 * or suppliers and a period of delivery years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-sipri-register.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_ARMS_BY_SUPPLIER,
  STRAITS_ARMS_BY_RECIPIENT,
  STRAITS_ARMS_BY_CATEGORY,
  STRAITS_ARMS_BY_YEAR,
} StraitsArmsBy;

/* Which deliveries count. An empty set of recipients (or suppliers) means
 * any; the years are delivery years, both included. */
typedef struct {
  const guint32 *recipients;  /* register actor indices */
  guint n_recipients;
  const guint32 *suppliers;
  guint n_suppliers;
  guint from, to;
  gboolean exclude_local_production;
} StraitsArmsFilter;

typedef struct {
  char *key;          /* the actor's id, the category, or the year */
  char *name;         /* the actor's SIPRI name, the category, or the year */
  guint32 actor;      /* register actor index, or G_MAXUINT32 */
  double tiv;
  double share_pct;   /* of the total */
  guint n_deliveries;
  gboolean remainder; /* "Other": the rows not listed */
} StraitsArmsRow;

typedef struct {
  StraitsArmsBy by;
  guint from, to;
  double total_tiv;
  guint n_deliveries;
  GArray *rows;       /* StraitsArmsRow: descending TIV; by year, every year in order */
} StraitsArmsBreakdown;

/* One deal's deliveries in the period. */
typedef struct {
  guint32 deal_id;
  guint32 supplier, recipient;
  const char *designation;
  const char *description;
  const char *category;
  double tiv;
  gint32 numbers;         /* -1 when no delivery gave them */
  guint order_year;       /* 0 when not given */
  guint first_year, last_year;
  gboolean estimate;      /* any number or year of it is SIPRI's estimate */
  gboolean local_production;
} StraitsArmsDeal;

/* The TIV from one supplier to one recipient over the period. */
typedef struct {
  guint32 supplier, recipient;
  double tiv;
} StraitsArmsPair;

/* @by: (out) */
gboolean              straits_arms_by_parse         (const char *text,
                                                     StraitsArmsBy *by);
/* (transfer none): a static string */
const char           *straits_arms_by_to_string     (StraitsArmsBy by);

gboolean              straits_arms_filter_matches   (const StraitsArmsFilter    *filter,
                                                     const StraitsSipriDelivery *delivery);
/* (transfer full): free with straits_arms_breakdown_free() */
StraitsArmsBreakdown *straits_arms_breakdown        (StraitsSipriRegister    *reg,
                                                     const StraitsArmsFilter *filter,
                                                     StraitsArmsBy            by);
void                  straits_arms_breakdown_free   (StraitsArmsBreakdown    *breakdown);
/* Keeps the first @max_rows - 1 rows and sums the rest into "Other". */
void                  straits_arms_breakdown_fold   (StraitsArmsBreakdown    *breakdown,
                                                     guint                    max_rows);
/* The deals with the most TIV delivered in the period, largest first.
 * (transfer full): a GArray of StraitsArmsDeal whose strings stay @reg's */
GArray               *straits_arms_largest_deals    (StraitsSipriRegister    *reg,
                                                     const StraitsArmsFilter *filter,
                                                     guint                    max_deals);

/* Sums by supplier and recipient (StraitsArmsPair), largest first.
 * (transfer full) */
GArray               *straits_arms_pairs            (StraitsSipriRegister    *reg,
                                                     const StraitsArmsFilter *filter);

/* (transfer full) */
char *straits_arms_breakdown_to_json (const StraitsArmsBreakdown *breakdown,
                                      const char                 *source);
/* (transfer full) */
char *straits_arms_breakdown_to_csv  (const StraitsArmsBreakdown *breakdown);
/* (transfer full) */
char *straits_arms_breakdown_to_text (const StraitsArmsBreakdown *breakdown,
                                      const char                 *title,
                                      const char                 *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsArmsBreakdown, straits_arms_breakdown_free)

G_END_DECLS
