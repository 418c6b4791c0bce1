/* straits-map-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "straits-map-export.h"
#include "straits-text.h"

#define MM_TO_PT (72.0 / 25.4)
/* Sizes given in pixels are pixels at 96 dpi, the screen's. */
#define PX_TO_PT (72.0 / 96.0)
#define MAX_PIXELS (32767.0)

gboolean
straits_export_format_from_filename (const char           *filename,
                                     StraitsExportFormat  *format,
                                     GError              **error)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = STRAITS_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = STRAITS_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = STRAITS_EXPORT_SVG;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: name it .png, .pdf or .svg"), filename);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *name;
  double width, height; /* points */
} PageSize;

static const PageSize page_sizes[] = {
  { "slide-16x9", 1920 * PX_TO_PT, 1080 * PX_TO_PT },
  { "slide-4x3", 1440 * PX_TO_PT, 1080 * PX_TO_PT },
  { "a4-landscape", 297 * MM_TO_PT, 210 * MM_TO_PT },
  { "a4-portrait", 210 * MM_TO_PT, 297 * MM_TO_PT },
  { "a3-landscape", 420 * MM_TO_PT, 297 * MM_TO_PT },
  { "a3-portrait", 297 * MM_TO_PT, 420 * MM_TO_PT },
  { "letter-landscape", 11 * 72.0, 8.5 * 72.0 },
  { "letter-portrait", 8.5 * 72.0, 11 * 72.0 },
};

/* A named size, "WIDTHxHEIGHT" in pixels (at 96 dpi) or
 * "WIDTHxHEIGHTmm". */
gboolean
straits_parse_page_size (const char  *spec,
                         double      *width_pt,
                         double      *height_pt,
                         GError     **error)
{
  double w = 0, h = 0;
  char unit[3] = "";
  int n;

  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    if (g_ascii_strcasecmp (spec, page_sizes[i].name) == 0)
      {
        *width_pt = page_sizes[i].width;
        *height_pt = page_sizes[i].height;
        return TRUE;
      }
  n = sscanf (spec, "%lfx%lf%2s", &w, &h, unit);
  if ((n == 2 || (n == 3 && g_str_equal (unit, "mm"))) && w >= 16 && h >= 16 && w <= 20000 && h <= 20000)
    {
      double factor = n == 3 ? MM_TO_PT : PX_TO_PT;

      *width_pt = w * factor;
      *height_pt = h * factor;
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown size “%s”: use WIDTHxHEIGHT in pixels, WIDTHxHEIGHTmm, or one of "
                 "slide-16x9, slide-4x3, a4-landscape, a4-portrait, a3-landscape, a3-portrait, "
                 "letter-landscape, letter-portrait"), spec);
  return FALSE;
}

typedef struct {
  GOutputStream *stream;
  GError *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_pdf_metadata (cairo_surface_t             *surface,
                  const StraitsExportMetadata *meta)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  g_autofree char *creator = g_strdup_printf ("Straits %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  if (meta == NULL)
    return;
  if (meta->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta->title);
  if (meta->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
  if (meta->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
  if (meta->keywords)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
}

/* Draws the pages onto @surface and finishes it. */
static cairo_status_t
draw_pages (cairo_surface_t *surface,
            double           w,
            double           h,
            guint            n_pages,
            StraitsDrawFunc  draw,
            gpointer         data)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      draw (cr, w, h, page, data);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return status;
}

static cairo_status_t
draw_pdf (Sink                        *sink,
          double                       w,
          double                       h,
          guint                        n_pages,
          StraitsDrawFunc              draw,
          gpointer                     data,
          const StraitsExportMetadata *meta)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, w, h);
  cairo_status_t status;

  set_pdf_metadata (surface, meta);
  status = draw_pages (surface, w, h, n_pages, draw, data);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One page. cairo writes it into memory, where the text recorded while
 * drawing goes in (cairo would write glyph outlines), and then the whole
 * goes to the file. */
static cairo_status_t
draw_svg (Sink            *sink,
          double           w,
          double           h,
          StraitsDrawFunc  draw,
          gpointer         data)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_string, svg, w, h);
  g_autoptr(StraitsSvgText) text = straits_svg_text_new (surface);
  cairo_status_t status;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  status = draw_pages (surface, w, h, 1, draw, data);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return status;
  straits_svg_text_insert (text, svg);
  return write_to_sink (sink, (const unsigned char *) svg->str, svg->len);
}

static cairo_status_t
draw_png (Sink            *sink,
          double           w,
          double           h,
          double           dpi,
          StraitsDrawFunc  draw,
          gpointer         data)
{
  int pw = (int) lround (w / 72.0 * dpi), ph = (int) lround (h / 72.0 * dpi);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (pw < 1 || ph < 1 || pw > MAX_PIXELS || ph > MAX_PIXELS)
    return CAIRO_STATUS_INVALID_SIZE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  cr = cairo_create (surface);
  /* Drawings are in points; a point is dpi/72 pixels. */
  cairo_scale (cr, pw / w, ph / h);
  draw (cr, w, h, 0, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
  cairo_surface_destroy (surface);
  return status;
}

/* Atomic files ------------------------------------------------------------ */

/* A file is written under a temporary name beside its target and renamed
 * over it only once whole: readers never see half a file, and a failure
 * (a full disk, a folder that cannot be written) leaves the target as it
 * was, or absent. GLib's g_file_replace() would write a new file in
 * place, and leave it half-written when the disk fills. */
typedef struct {
  char *path;
  char *temporary;   /* NULL once renamed, or never made */
  GOutputStream *stream;
} AtomicFile;

static void
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  g_prefix_error (error, _("Cannot write “%s”: "), path);
}

static gboolean
atomic_file_open (AtomicFile  *file,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int fd;

  file->path = g_strdup (path);
  /* Hidden, so that file managers and globs pass it by while it grows. */
  file->temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (file->temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      g_clear_pointer (&file->temporary, g_free);
      return FALSE;
    }
  file->stream = g_unix_output_stream_new (fd, TRUE);
  return TRUE;
}

/* Throws the temporary file away, unless it has become the target. */
static void
atomic_file_clear (AtomicFile *file)
{
  if (file->stream != NULL)
    g_output_stream_close (file->stream, NULL, NULL);
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  g_clear_object (&file->stream);
  g_clear_pointer (&file->temporary, g_free);
  g_clear_pointer (&file->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtomicFile, atomic_file_clear)

/* On disk before the rename, so that a crash leaves the old file or the
 * new one, whole. */
static gboolean
atomic_file_commit (AtomicFile  *file,
                    GError     **error)
{
  int fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (file->stream));
  g_autoptr(GError) local = NULL;

  if (g_fsync (fd) != 0)
    {
      set_write_error (error, file->path, errno);
      return FALSE;
    }
  if (!g_output_stream_close (file->stream, NULL, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot write “%s”: "), file->path);
      return FALSE;
    }
  if (g_rename (file->temporary, file->path) != 0)
    {
      set_write_error (error, file->path, errno);
      return FALSE;
    }
  g_clear_pointer (&file->temporary, g_free);
  return TRUE;
}

gboolean
straits_export (const char                  *filename,
                double                       width_pt,
                double                       height_pt,
                double                       dpi,
                guint                        n_pages,
                StraitsDrawFunc              draw,
                gpointer                     user_data,
                const StraitsExportMetadata *metadata,
                GError                     **error)
{
  g_auto(AtomicFile) out = { NULL, NULL, NULL };
  StraitsExportFormat format;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  if (!straits_export_format_from_filename (filename, &format, error))
    return FALSE;
  if (format == STRAITS_EXPORT_PNG && (dpi < 10 || dpi > 2400))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A resolution of %g dpi is out of range (10 to 2400)"), dpi);
      return FALSE;
    }
  if (!atomic_file_open (&out, filename, error))
    return FALSE;
  sink.stream = out.stream;

  if (format == STRAITS_EXPORT_PNG)
    status = draw_png (&sink, width_pt, height_pt, dpi, draw, user_data);
  else if (format == STRAITS_EXPORT_PDF)
    status = draw_pdf (&sink, width_pt, height_pt, MAX (n_pages, 1), draw, user_data, metadata);
  else
    status = draw_svg (&sink, width_pt, height_pt, draw, user_data);

  if (sink.error != NULL)
    {
      g_propagate_prefixed_error (error, sink.error, _("Cannot write “%s”: "), filename);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw “%s”: %s"),
                   filename, cairo_status_to_string (status));
      return FALSE;
    }
  return atomic_file_commit (&out, error);
}

/* NAME.alt.txt beside NAME.EXT, written atomically: a figure's text
 * description, for the web page or document it goes into. */
gboolean
straits_export_write_alt_text (const char  *filename,
                               const char  *text,
                               GError     **error)
{
  const char *dot = strrchr (filename, '.');
  g_autofree char *stem = dot && !strchr (dot, '/') ? g_strndup (filename, dot - filename) : g_strdup (filename);
  g_autofree char *path = g_strconcat (stem, ".alt.txt", NULL);
  g_autofree char *contents = g_strconcat (text, "\n", NULL);

  return straits_export_write_text (path, contents, error);
}

/* Writes @text to @path atomically (tables saved as CSV, alt text). */
gboolean
straits_export_write_text (const char  *path,
                           const char  *text,
                           GError     **error)
{
  g_auto(AtomicFile) out = { NULL, NULL, NULL };
  g_autoptr(GError) local = NULL;

  if (!atomic_file_open (&out, path, error))
    return FALSE;
  if (!g_output_stream_write_all (out.stream, text, strlen (text), NULL, NULL, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return atomic_file_commit (&out, error);
}
