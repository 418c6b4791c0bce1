/* straits-chart.h: draws a dataset figure as a chart onto any cairo context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "straits-dataset.h"
#include "straits-label-placer.h"
#include "straits-map-style.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_CHART_AUTO,   /* bars for shares and series, a list for rankings */
  STRAITS_CHART_BARS,
  STRAITS_CHART_DONUT,  /* shares only */
} StraitsChartKind;

/* One drawn mark: a bar or a donut slice, with its value, for tooltips,
 * tests and the accessible table. */
typedef struct {
  StraitsRect rect;     /* the bar, or the slice's bounding box */
  double value;
  char *label;
  gboolean remainder;   /* the "other" share */
} StraitsChartMark;

void   straits_chart_mark_clear  (StraitsChartMark      *mark);

/* Draws @figure in @width x @height output units (points). Appends the
 * marks to @marks and the text boxes to @texts when they are given. */
void   straits_chart_draw        (StraitsDataset        *dataset,
                                  const StraitsFigure   *figure,
                                  cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const StraitsMapStyle *style,
                                  StraitsChartKind       kind,
                                  GArray                *marks,
                                  GArray                *texts);

/* The remainder of shares of a stated whole that do not add up to 100, or
 * 0; from the unrounded values when all are given. */
double   straits_chart_remainder  (const StraitsFigure   *figure);
gboolean straits_chart_remainder_is_unrounded (const StraitsFigure *figure);
/* (transfer full) */
char    *straits_chart_format_ordinal   (double               rank);
/* (transfer full) (nullable): NULL without a stated change */
char    *straits_chart_format_change    (const StraitsFigure *figure);
/* (transfer full) */
char    *straits_chart_format_rank_base (const StraitsFigure *figure);
/* A figure's numbers as a table: a title, "label, value" rows, and the
 * lines that go under them (the base of a rank, what shares are of, the
 * note). For the side panel's table and, as text, for screen readers and
 * the clipboard. */
typedef struct {
  char *label;
  char *value;          /* with its unit, as the chart writes it */
} StraitsChartTableRow;

typedef struct {
  char *title;
  GArray *rows;         /* StraitsChartTableRow */
  GPtrArray *notes;     /* char * */
} StraitsChartTable;

/* (transfer full) */
StraitsChartTable *straits_chart_table_new  (StraitsDataset          *dataset,
                                             const StraitsFigure     *figure);
void               straits_chart_table_free (StraitsChartTable       *table);
/* The title, a "label<TAB>value" line per row, then the notes, a line
 * each. (transfer full) */
char              *straits_chart_table_to_text (const StraitsChartTable *table);
/* The rows as CSV (RFC 4180: fields quoted when they must be, CRLF line
 * ends): a line of the column headings, then "label,value" per row. The
 * title and the notes are not rows and are left out. (transfer full) */
char              *straits_chart_table_to_csv  (const StraitsChartTable *table);
/* The heading of column @column (0: the labels, 1: the values), as the
 * side panel's table and the CSV give it. (transfer none) */
const char        *straits_chart_table_heading (guint                    column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsChartTable, straits_chart_table_free)

/* "Label", the value with its unit, per line: a table for screen readers
 * and for copying. (transfer full) */
char  *straits_chart_format_value (const StraitsFigure   *figure,
                                   double                 value);
/* (transfer full) */
char  *straits_chart_table_text  (StraitsDataset        *dataset,
                                  const StraitsFigure   *figure);
/* (transfer full) */
char  *straits_figure_value_label (StraitsDataset           *dataset,
                                   const StraitsFigure      *figure,
                                   const StraitsFigureValue *value);

/* A chart figure's default size, in points (about 17 by 11 cm). */
#define STRAITS_CHART_EXPORT_WIDTH 480.0
#define STRAITS_CHART_EXPORT_HEIGHT 320.0

void     straits_chart_draw_page (StraitsDataset        *dataset,
                                  const StraitsFigure   *figure,
                                  StraitsChartKind       kind,
                                  const char            *marking,
                                  cairo_t               *cr,
                                  double                 width,
                                  double                 height);
/* (transfer full) */
char    *straits_chart_describe  (StraitsDataset        *dataset,
                                  const StraitsFigure   *figure);
gboolean straits_chart_export    (StraitsDataset        *dataset,
                                  guint32                figure,
                                  StraitsChartKind       kind,
                                  const char            *marking,
                                  const char            *filename,
                                  double                 width_pt,
                                  double                 height_pt,
                                  double                 dpi,
                                  GError               **error);

G_END_DECLS
