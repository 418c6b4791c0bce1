/* straits-png.h: cairo image surfaces written as PNG through libpng
 *
 * cairo's own writer (cairo_surface_write_to_png_stream) compresses at
 * zlib's default level with libpng's adaptive filtering: on a 300-dpi A4
 * map five times slower than level 1 without filtering, for a larger
 * file (bench/bench-render.c prints the table). This writer takes the level
 * and filters, and writes the same pixels: straight (un-premultiplied)
 * RGB for RGB24 surfaces and RGBA for ARGB32 ones, as cairo does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* PNG's row filters (libpng's PNG_FILTER_* shifted down by 3). */
typedef enum {
  STRAITS_PNG_FILTER_NONE  = 1 << 0,
  STRAITS_PNG_FILTER_SUB   = 1 << 1,
  STRAITS_PNG_FILTER_UP    = 1 << 2,
  STRAITS_PNG_FILTER_AVG   = 1 << 3,
  STRAITS_PNG_FILTER_PAETH = 1 << 4,
  /* libpng picks one per row (its adaptive heuristic) */
  STRAITS_PNG_FILTER_ALL   = 0x1f,
} StraitsPngFilters;

typedef struct {
  int level;                    /* zlib's, 0 to 9 */
  StraitsPngFilters filters;
  const char *title;            /* tEXt/iTXt chunks, NULL for none */
  const char *description;
} StraitsPngOptions;

/* The exports' choice, measured in bench/bench-render.c. */
#define STRAITS_PNG_LEVEL 1
#define STRAITS_PNG_FILTERS STRAITS_PNG_FILTER_NONE

gboolean straits_png_write (cairo_surface_t          *surface,
                            GOutputStream            *stream,
                            const StraitsPngOptions  *options,
                            GError                  **error);

G_END_DECLS
