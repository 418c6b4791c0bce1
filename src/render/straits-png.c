/* straits-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <png.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-png.h"

/* What libpng's callbacks hand back: the stream's error, or libpng's own
 * message, before it jumps out of png_write_*. */
typedef struct {
  GOutputStream *stream;
  GError *error;
  char message[256];
} Writer;

static void
on_png_error (png_structp png, png_const_charp message)
{
  Writer *w = png_get_error_ptr (png);

  g_strlcpy (w->message, message, sizeof w->message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp png, png_const_charp message)
{
  /* Warnings (a long text chunk, say) do not stop the image. */
}

static void
on_png_write (png_structp png, png_bytep data, size_t length)
{
  Writer *w = png_get_io_ptr (png);

  if (w->error == NULL && !g_output_stream_write_all (w->stream, data, length, NULL, NULL, &w->error))
    png_error (png, "write");
}

static void
on_png_flush (png_structp png)
{
}

/* One row of cairo's native-endian, premultiplied pixels as straight
 * R G B (A) bytes, rounded as cairo's own writer rounds them, so that
 * both files decode to the same pixels. */
static void
convert_row (const guint32 *in, guint8 *out, int width, gboolean alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = in[x];
      guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff, a = p >> 24;

      if (!alpha)
        {
          *out++ = r;
          *out++ = g;
          *out++ = b;
          continue;
        }
      if (a == 0)
        r = g = b = 0;
      else if (a != 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *out++ = r;
      *out++ = g;
      *out++ = b;
      *out++ = a;
    }
}

static gboolean
is_ascii (const char *text)
{
  for (const char *c = text; *c; c++)
    if ((guchar) *c >= 0x80)
      return FALSE;
  return TRUE;
}

/* tEXt for plain ASCII, iTXt (UTF-8) otherwise: tEXt is Latin-1. */
static void
add_text (png_text *texts, int *n, const char *key, const char *value)
{
  png_text *t;

  if (value == NULL || *value == '\0')
    return;
  t = &texts[(*n)++];
  memset (t, 0, sizeof *t);
  t->compression = is_ascii (value) ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
  t->key = (png_charp) key;
  t->text = (png_charp) value;
}

static void
write_header (png_structp png, png_infop info, int width, int height, gboolean alpha,
              const StraitsPngOptions *options)
{
  /* Nothing allocated here: libpng may longjmp out of this function, and
   * an automatic cleanup would never run. */
  static const char software[] = "Straits " PACKAGE_VERSION;
  png_color_16 white = { 0, 0xff, 0xff, 0xff, 0 };
  png_text texts[3];
  int n = 0;

  png_set_IHDR (png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, CLAMP (options->level, 0, 9));
  png_set_filter (png, PNG_FILTER_TYPE_BASE, (options->filters & STRAITS_PNG_FILTER_ALL) << 3);
  /* The background cairo's writer declares, for viewers of RGBA files. */
  png_set_bKGD (png, info, &white);
  add_text (texts, &n, "Title", options->title);
  add_text (texts, &n, "Description", options->description);
  add_text (texts, &n, "Software", software);
  png_set_text (png, info, texts, n);
  png_write_info (png, info);
}

/* Everything that may longjmp, apart from the caller's locals. */
static gboolean
write_image (png_structp png, png_infop info, cairo_surface_t *surface, guint8 *row,
             const StraitsPngOptions *options)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;

  if (setjmp (png_jmpbuf (png)))
    return FALSE;
  write_header (png, info, width, height, alpha, options);
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (gconstpointer) (data + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  return TRUE;
}

gboolean
straits_png_write (cairo_surface_t          *surface,
                   GOutputStream            *stream,
                   const StraitsPngOptions  *options,
                   GError                  **error)
{
  Writer w = { stream, NULL, "" };
  cairo_format_t format;
  g_autofree guint8 *row = NULL;
  png_structp png;
  png_infop info;
  gboolean ok;

  cairo_surface_flush (surface);
  format = cairo_image_surface_get_format (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      (format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32) ||
      cairo_image_surface_get_width (surface) < 1 || cairo_image_surface_get_height (surface) < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Only a drawn RGB or ARGB image can be written as PNG"));
      return FALSE;
    }
  row = g_malloc ((gsize) cairo_image_surface_get_width (surface) * 4);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &w, on_png_error, on_png_warning);
  info = png ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (ENOMEM));
      return FALSE;
    }
  png_set_write_fn (png, &w, on_png_write, on_png_flush);
  ok = write_image (png, info, surface, row, options);
  png_destroy_write_struct (&png, &info);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  else if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot encode the PNG: %s"), w.message);
  return ok;
}
