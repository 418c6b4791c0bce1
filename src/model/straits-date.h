/* straits-date.h: dates with the precision their source gives them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STRAITS_DATE_NONE = 0,
  STRAITS_DATE_YEAR,
  STRAITS_DATE_MONTH,
  STRAITS_DATE_DAY,
} StraitsDatePrecision;

/* A date as a source states it: "2021", "2025-04" or "2025-03-19".
 * The precision is part of the fact, so it is kept rather than padded. */
typedef struct {
  guint16 year;
  guint8  month;     /* 0 when precision < MONTH */
  guint8  day;       /* 0 when precision < DAY */
  guint8  precision; /* StraitsDatePrecision */
} StraitsDate;

#define STRAITS_DATE_INIT { 0, 0, 0, STRAITS_DATE_NONE }

/* @out: (out caller-allocates) */
gboolean straits_date_parse        (const char        *text,
                                    StraitsDate       *out);
gboolean straits_date_is_set       (const StraitsDate *date);
guint32  straits_date_first_day    (const StraitsDate *date);
guint32  straits_date_last_day     (const StraitsDate *date);
int      straits_date_compare      (const StraitsDate *a,
                                    const StraitsDate *b);
/* (transfer full): "" when @date is unset */
char    *straits_date_to_iso       (const StraitsDate *date);
/* (transfer full): "" when @date is unset */
char    *straits_date_format       (const StraitsDate *date);

/* Day keys are yyyymmdd as integers: ordered like the dates. */
#define STRAITS_DAY_KEY(y, m, d) ((guint32) (y) * 10000u + (guint32) (m) * 100u + (guint32) (d))
#define STRAITS_DAY_KEY_MIN 0u
#define STRAITS_DAY_KEY_MAX G_MAXUINT32

G_END_DECLS
