/* straits-arms-chart.h: charts of arms transfers computed from a SIPRI
 * trade register, drawn onto any cairo context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "straits-arms-query.h"
#include "straits-chart.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_ARMS_CHART_BARS,   /* horizontal bars, sorted, with values */
  STRAITS_ARMS_CHART_YEARS,  /* TIV by year, the period marked */
} StraitsArmsChartKind;

typedef struct {
  char *title;
  char *subtitle;     /* the period and what is counted */
  char *source;       /* "SIPRI Arms Transfers Database, data generated …, TIV (millions)" */
  StraitsArmsChartKind kind;
  StraitsArmsBreakdown *breakdown;
  guint mark_from, mark_to;   /* the period, marked in a time series */
} StraitsArmsChart;

/* (transfer full); takes @breakdown: (transfer full) */
StraitsArmsChart *straits_arms_chart_new      (const char            *title,
                                               const char            *subtitle,
                                               const char            *source,
                                               StraitsArmsChartKind   kind,
                                               StraitsArmsBreakdown  *breakdown,
                                               guint                  mark_from,
                                               guint                  mark_to);
void              straits_arms_chart_free     (StraitsArmsChart      *chart);
/* "2015–2019 · TIV (millions) · with local production" (transfer full) */
char             *straits_arms_chart_subtitle (guint                  from,
                                               guint                  to,
                                               gboolean               exclude_local_production);

/* Draws in @width x @height points; appends the bars to @marks and the
 * text boxes to @texts when they are given. */
void      straits_arms_chart_draw     (const StraitsArmsChart *chart,
                                       cairo_t                *cr,
                                       double                  width,
                                       double                  height,
                                       const StraitsMapStyle  *style,
                                       GArray                 *marks,
                                       GArray                 *texts);
/* Title, then one line per row: label, TIV, share; then the source.
 * (transfer full) */
char     *straits_arms_chart_describe (const StraitsArmsChart *chart);
gboolean  straits_arms_chart_export   (const StraitsArmsChart *chart,
                                       const char             *marking,
                                       const char             *filename,
                                       double                  width_pt,
                                       double                  height_pt,
                                       double                  dpi,
                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsArmsChart, straits_arms_chart_free)

G_END_DECLS
