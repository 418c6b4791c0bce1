/* test-png.c: straits_png_write() writes the pixels cairo's own PNG
 * writer writes: both files, decoded, are the same image, for an opaque
 * map (RGB24, as exports are) and for translucent pixels (ARGB32, every
 * alpha with every colour, which must be un-premultiplied), at each
 * level and filter. Its text chunks are there, and a failing stream is
 * an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <gio/gunixoutputstream.h>

#include "straits-atlas.h"
#include "straits-map-renderer.h"
#include "straits-png.h"
#include "straits-view-info.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  const guint8 *data;
  gsize length, offset;
} Reader;

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  Reader *r = closure;

  if (r->offset + length > r->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode (const guint8 *data, gsize length)
{
  Reader reader = { data, length, 0 };
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream (read_bytes, &reader);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

static GBytes *
write_ours (cairo_surface_t *surface, const StraitsPngOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (straits_png_write (surface, out, options, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Same size, format and pixels (an RGB24 image's unused byte aside). */
static void
assert_same_image (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint32 mask = cairo_image_surface_get_format (a) == CAIRO_FORMAT_RGB24 ? 0xffffff : 0xffffffff;

  g_assert_cmpint (cairo_image_surface_get_format (a), ==, cairo_image_surface_get_format (b));
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (a) +
                                                             y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (b) +
                                                             y * cairo_image_surface_get_stride (b));
      for (int x = 0; x < width; x++)
        if ((ra[x] & mask) != (rb[x] & mask))
          g_error ("pixel %d,%d: %08x against %08x", x, y, ra[x], rb[x]);
    }
}

/* @surface through cairo's writer and through ours at levels and filters
 * that cover the choices: the same image decoded. */
static void
assert_writes_as_cairo (cairo_surface_t *surface)
{
  static const StraitsPngFilters filters[] = { STRAITS_PNG_FILTER_NONE, STRAITS_PNG_FILTER_SUB,
                                               STRAITS_PNG_FILTER_PAETH, STRAITS_PNG_FILTER_ALL };
  g_autoptr(GByteArray) theirs = g_byte_array_new ();
  cairo_surface_t *expected;

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, theirs), ==, CAIRO_STATUS_SUCCESS);
  expected = decode (theirs->data, theirs->len);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      StraitsPngOptions options = { i % 2 ? 6 : STRAITS_PNG_LEVEL, filters[i], NULL, NULL };
      g_autoptr(GBytes) ours = write_ours (surface, &options);
      gsize length;
      const guint8 *data = g_bytes_get_data (ours, &length);
      cairo_surface_t *got = decode (data, length);

      assert_same_image (expected, got);
      cairo_surface_destroy (got);
    }
  cairo_surface_destroy (expected);
}

static void
test_opaque_map (void)
{
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(StraitsDataset) dataset = straits_dataset_load_file (path, NULL, NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsViewInfo) view = straits_view_info_find (dataset, "aegean", NULL);
  g_autoptr(StraitsMapRenderer) renderer = straits_view_info_new_renderer (atlas, dataset, view, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 480);
  cairo_t *cr = cairo_create (surface);
  StraitsViewport vp = straits_map_renderer_fit (renderer, 640, 480);
  cairo_surface_t *decoded;
  g_autoptr(GBytes) ours = NULL;
  StraitsPngOptions options = { STRAITS_PNG_LEVEL, STRAITS_PNG_FILTERS, NULL, NULL };
  gsize length;
  const guint8 *data;

  straits_map_renderer_draw (renderer, cr, 640, 480, &vp);
  cairo_destroy (cr);
  assert_writes_as_cairo (surface);

  /* An opaque image comes back as it was drawn, byte for byte. */
  ours = write_ours (surface, &options);
  data = g_bytes_get_data (ours, &length);
  decoded = decode (data, length);
  assert_same_image (surface, decoded);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (surface);
}

/* Every alpha (rows) with every colour level (columns), premultiplied as
 * cairo stores them, plus a translucent stroke across. */
static void
test_translucent (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  guint8 *data;
  int stride;
  cairo_t *cr;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint a = 0; a < 256; a++)
    for (guint c = 0; c < 256; c++)
      {
        guint r = c * a / 255, g = (255 - c) * a / 255, b = ((c * 7) & 0xff) * a / 255;

        *(guint32 *) (gpointer) (data + a * stride + c * 4) = (a << 24) | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 0.9, 0.3, 0.1, 0.4);
  cairo_set_line_width (cr, 9);
  cairo_move_to (cr, 0, 30);
  cairo_line_to (cr, 256, 200);
  cairo_stroke (cr);
  cairo_destroy (cr);
  assert_writes_as_cairo (surface);
  cairo_surface_destroy (surface);
}

/* Title, Description (UTF-8: iTXt) and Software. */
static void
test_text_chunks (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  StraitsPngOptions options = { 1, STRAITS_PNG_FILTER_NONE, "Aegean", "Türkei and Greece", };
  g_autoptr(GBytes) png = write_ours (surface, &options);
  gsize length;
  const char *data = g_bytes_get_data (png, &length);

  g_assert_nonnull (memmem (data, length, "tEXtTitle\0Aegean", 16));
  g_assert_nonnull (memmem (data, length, "iTXtDescription", 15));
  g_assert_nonnull (memmem (data, length, "Türkei and Greece", strlen ("Türkei and Greece")));
  g_assert_nonnull (memmem (data, length, "tEXtSoftware\0Straits ", 21));
  cairo_surface_destroy (surface);
}

/* A stream that fails (/dev/full): the writer stops with its error. */
static void
test_write_error (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 300);
  int fd = open ("/dev/full", O_WRONLY | O_CLOEXEC);
  g_autoptr(GOutputStream) out = NULL;
  StraitsPngOptions options = { 1, STRAITS_PNG_FILTER_NONE, NULL, NULL };
  g_autoptr(GError) error = NULL;

  if (fd < 0)
    {
      g_test_skip ("no /dev/full");
      cairo_surface_destroy (surface);
      return;
    }
  out = g_unix_output_stream_new (fd, TRUE);
  g_assert_false (straits_png_write (surface, out, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/png/opaque-map", test_opaque_map);
  g_test_add_func ("/png/translucent", test_translucent);
  g_test_add_func ("/png/text-chunks", test_text_chunks);
  g_test_add_func ("/png/write-error", test_write_error);
  return g_test_run ();
}
