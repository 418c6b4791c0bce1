/* straits-export.h: the export formats and page sizes, and the writing
 * of drawings to PNG, PDF or SVG files
 *
 * The formats and the named page sizes are one table each, read by the
 * export dialog, the command line and the slides.
 *
 * Files are written atomically: into a temporary file that replaces the
 * target only once everything is written, so that a failure leaves the
 * previous file (or none) and never half of a new one. Text drawn with
 * straits_text_show() stays text in PDF (with its fonts) and SVG (as
 * <text>, see straits-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The screen's resolution: a unit of GTK (a CSS pixel) is 1/96 inch, a
 * point 1/72. Sizes given in pixels are pixels at this resolution, and a
 * PNG is drawn at it unless told otherwise. */
#define STRAITS_SCREEN_DPI 96.0
/* Screen units (pixels at STRAITS_SCREEN_DPI) per point. */
#define STRAITS_PX_PER_PT (STRAITS_SCREEN_DPI / 72.0)
/* Points per millimetre. */
#define STRAITS_PT_PER_MM (72.0 / 25.4)

typedef enum {
  STRAITS_EXPORT_PNG,
  STRAITS_EXPORT_PDF,
  STRAITS_EXPORT_SVG,
} StraitsExportFormat;

typedef struct {
  StraitsExportFormat format;
  const char *id;          /* "png": what settings keep */
  const char *extension;   /* ".png": what names the format in a file name */
  const char *mime_type;
  const char *label;       /* "PNG", the same in every language */
  gboolean raster;         /* drawn at a resolution (--dpi); else vector */
} StraitsExportFormatInfo;

typedef struct {
  const char *id;          /* "a4-landscape": --size, settings */
  const char *label;       /* marked for translation, not translated: show it through gettext */
  double width, height;    /* points */
} StraitsPageSize;

/* The formats in the order the export dialog offers them, @n of them;
 * entry i is StraitsExportFormat i. (transfer none): static; @n: (out) */
const StraitsExportFormatInfo *straits_export_get_formats    (guint                       *n);
/* (transfer none): static */
const StraitsExportFormatInfo *straits_export_format_info    (StraitsExportFormat          format);
/* The named page sizes in the order the export dialog offers them.
 * (transfer none): static; @n: (out) */
const StraitsPageSize         *straits_export_get_page_sizes (guint                       *n);
/* (transfer none) (nullable): static; NULL for an unknown @id */
const StraitsPageSize         *straits_export_find_page_size (const char                  *id);

/* Draws one page in points; @width and @height are the page's size. */
typedef void (*StraitsDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 guint     page,
                                 gpointer  user_data);

typedef struct {
  const char *title;
  const char *subject;   /* for a figure, its text description */
  const char *author;
  const char *keywords;
} StraitsExportMetadata;

gboolean straits_export_format_from_filename (const char                  *filename,
                                              StraitsExportFormat         *format,
                                              GError                     **error);
/* @width_pt, @height_pt: (out) */
gboolean straits_export_parse_page_size      (const char                  *spec,
                                              double                      *width_pt,
                                              double                      *height_pt,
                                              GError                     **error);
/* The most pixels a PNG export may have (README: memory for exports). */
#define STRAITS_EXPORT_MAX_PIXELS (100 * 1000 * 1000)

/* @dpi: (out) */
gboolean straits_export_parse_dpi            (const char                  *text,
                                              double                      *dpi,
                                              GError                     **error);
gboolean straits_export_check_pixels         (double                       width_pt,
                                              double                       height_pt,
                                              double                       dpi,
                                              GError                     **error);
void     straits_export_remove_temporary_on_signals (void);
gboolean straits_export                      (const char                  *filename,
                                              double                       width_pt,
                                              double                       height_pt,
                                              double                       dpi,
                                              guint                        n_pages,
                                              StraitsDrawFunc              draw,
                                              gpointer                     user_data,
                                              const StraitsExportMetadata *metadata,
                                              GError                     **error);
/* straits_export() that writes nothing once @cancellable is cancelled,
 * for an export drawn in a thread that the window may stop waiting for.
 * @cancellable: (nullable) */
gboolean straits_export_cancellable          (const char                  *filename,
                                              double                       width_pt,
                                              double                       height_pt,
                                              double                       dpi,
                                              guint                        n_pages,
                                              StraitsDrawFunc              draw,
                                              gpointer                     user_data,
                                              const StraitsExportMetadata *metadata,
                                              GCancellable                *cancellable,
                                              GError                     **error);
/* A PNG export in two halves: the drawing, and the encoding (which
 * bench-render times apart).
 * (transfer full) (nullable): NULL on error */
cairo_surface_t *straits_export_draw_png     (const char                  *filename,
                                              double                       width_pt,
                                              double                       height_pt,
                                              double                       dpi,
                                              StraitsDrawFunc              draw,
                                              gpointer                     user_data,
                                              GError                     **error);
gboolean straits_export_write_png            (const char                  *filename,
                                              cairo_surface_t             *surface,
                                              const StraitsExportMetadata *metadata,
                                              GError                     **error);

gboolean straits_export_write_text           (const char                  *path,
                                              const char                  *text,
                                              GError                     **error);
gboolean straits_export_write_alt_text       (const char                  *filename,
                                              const char                  *text,
                                              GError                     **error);

G_END_DECLS
