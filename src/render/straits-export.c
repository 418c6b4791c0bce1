/* straits-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "straits-export.h"
#include "straits-png.h"
#include "straits-text.h"

/* Exactly 0.75: sizes in pixels become points without rounding. */
#define PX_TO_PT (1.0 / STRAITS_PX_PER_PT)
#define MAX_PIXELS (32767.0)
/* Sizes given as WIDTHxHEIGHT, in either unit. */
#define MIN_SIZE 16.0
#define MAX_SIZE 20000.0
#define MIN_DPI 10.0
#define MAX_DPI 2400.0

static const StraitsExportFormatInfo formats[] = {
  { STRAITS_EXPORT_PNG, "png", ".png", "image/png", "PNG", TRUE },
  { STRAITS_EXPORT_PDF, "pdf", ".pdf", "application/pdf", "PDF", FALSE },
  { STRAITS_EXPORT_SVG, "svg", ".svg", "image/svg+xml", "SVG", FALSE },
};

static const StraitsPageSize page_sizes[] = {
  { "slide-16x9", N_("Slide 16:9 (1920×1080)"), 1920 * PX_TO_PT, 1080 * PX_TO_PT },
  { "slide-4x3", N_("Slide 4:3 (1440×1080)"), 1440 * PX_TO_PT, 1080 * PX_TO_PT },
  { "a4-landscape", N_("A4 landscape"), 297 * STRAITS_PT_PER_MM, 210 * STRAITS_PT_PER_MM },
  { "a4-portrait", N_("A4 portrait"), 210 * STRAITS_PT_PER_MM, 297 * STRAITS_PT_PER_MM },
  { "a3-landscape", N_("A3 landscape"), 420 * STRAITS_PT_PER_MM, 297 * STRAITS_PT_PER_MM },
  { "a3-portrait", N_("A3 portrait"), 297 * STRAITS_PT_PER_MM, 420 * STRAITS_PT_PER_MM },
  { "letter-landscape", N_("US Letter landscape"), 11 * 72.0, 8.5 * 72.0 },
  { "letter-portrait", N_("US Letter portrait"), 8.5 * 72.0, 11 * 72.0 },
};

const StraitsExportFormatInfo *
straits_export_get_formats (guint *n)
{
  *n = G_N_ELEMENTS (formats);
  return formats;
}

const StraitsExportFormatInfo *
straits_export_format_info (StraitsExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return &formats[format];
}

const StraitsPageSize *
straits_export_get_page_sizes (guint *n)
{
  *n = G_N_ELEMENTS (page_sizes);
  return page_sizes;
}

/* A named size by its id, in any case; NULL when there is none. */
const StraitsPageSize *
straits_export_find_page_size (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    if (g_ascii_strcasecmp (id, page_sizes[i].id) == 0)
      return &page_sizes[i];
  return NULL;
}

gboolean
straits_export_format_from_filename (const char           *filename,
                                     StraitsExportFormat  *format,
                                     GError              **error)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Cannot tell the format of “%s”: name it .png, .pdf or .svg"), filename);
  return FALSE;
}

/* "slide-16x9, slide-4x3, …", for messages. */
static char *
page_size_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", page_sizes[i].id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* A named size, "WIDTHxHEIGHT" in pixels (at STRAITS_SCREEN_DPI) or
 * "WIDTHxHEIGHTmm". */
gboolean
straits_export_parse_page_size (const char  *spec,
                                double      *width_pt,
                                double      *height_pt,
                                GError     **error)
{
  const StraitsPageSize *named = straits_export_find_page_size (spec);
  g_autofree char *ids = NULL;
  double w, h;
  const char *unit;
  char *end;

  if (named != NULL)
    {
      *width_pt = named->width;
      *height_pt = named->height;
      return TRUE;
    }
  /* The whole string, and nothing but it: "100x100mmGARBAGE" is refused. */
  w = g_ascii_strtod (spec, &end);
  if (end != spec && *end == 'x' && g_ascii_isdigit (end[1]))
    {
      unit = end + 1;
      h = g_ascii_strtod (unit, &end);
      if (end != unit && (*end == '\0' || g_str_equal (end, "mm")) && isfinite (w) && isfinite (h))
        {
          double factor = *end == '\0' ? PX_TO_PT : STRAITS_PT_PER_MM;

          if (w >= MIN_SIZE && h >= MIN_SIZE && w <= MAX_SIZE && h <= MAX_SIZE)
            {
              *width_pt = w * factor;
              *height_pt = h * factor;
              return TRUE;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The size “%s” is out of range: width and height from %g to %g"),
                       spec, MIN_SIZE, MAX_SIZE);
          return FALSE;
        }
    }
  ids = page_size_ids ();
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: the last %s lists the named sizes, "slide-16x9, slide-4x3, …" */
               _("Unknown size “%s”: use WIDTHxHEIGHT in pixels, WIDTHxHEIGHTmm, or one of %s"), spec, ids);
  return FALSE;
}

/* A resolution, the whole string a finite number in range. */
gboolean
straits_export_parse_dpi (const char  *text,
                          double      *dpi,
                          GError     **error)
{
  char *end;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (value) || value < MIN_DPI || value > MAX_DPI)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The resolution “%s” is not a number from %g to %g"), text, MIN_DPI, MAX_DPI);
      return FALSE;
    }
  *dpi = value;
  return TRUE;
}

static void
png_pixels (double width_pt, double height_pt, double dpi, double *pw, double *ph)
{
  *pw = round (width_pt / 72.0 * dpi);
  *ph = round (height_pt / 72.0 * dpi);
}

/* A PNG export's image is held whole in memory, 4 bytes a pixel: the
 * budget keeps it to 400 MB (README). */
gboolean
straits_export_check_pixels (double      width_pt,
                             double      height_pt,
                             double      dpi,
                             GError    **error)
{
  double pw, ph, scale;

  png_pixels (width_pt, height_pt, dpi, &pw, &ph);
  if (pw * ph <= STRAITS_EXPORT_MAX_PIXELS && pw <= MAX_PIXELS && ph <= MAX_PIXELS)
    return TRUE;
  scale = MIN (sqrt (STRAITS_EXPORT_MAX_PIXELS / (pw * ph)), MIN (MAX_PIXELS / pw, MAX_PIXELS / ph));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("A PNG of %.0f×%.0f pixels is more than the limit of %d megapixels; at %g dpi "
                 "the largest page of this shape is %.0f×%.0f pixels (--size=%.0fx%.0f), or "
                 "lower the resolution"),
               pw, ph, STRAITS_EXPORT_MAX_PIXELS / 1000000, dpi, floor (pw * scale), floor (ph * scale),
               floor (width_pt * scale / PX_TO_PT), floor (height_pt * scale / PX_TO_PT));
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

/* The page at @dpi on an image of its own, opaque (RGB24). */
static cairo_status_t
draw_png (double            w,
          double            h,
          double            dpi,
          StraitsDrawFunc   draw,
          gpointer          data,
          cairo_surface_t **out)
{
  double pw, ph;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  png_pixels (w, h, dpi, &pw, &ph);
  if (pw < 1 || ph < 1 || pw * ph > STRAITS_EXPORT_MAX_PIXELS || pw > MAX_PIXELS || ph > MAX_PIXELS)
    return CAIRO_STATUS_INVALID_SIZE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) pw, (int) ph);
  cr = cairo_create (surface);
  /* Drawings are in points; a point is dpi/72 pixels. */
  cairo_scale (cr, pw / w, ph / h);
  draw (cr, w, h, 0, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    *out = surface;
  else
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

/* The temporary file being written, for a signal handler to remove: a
 * fixed buffer, since a handler may not allocate. */
static char pending_temporary[4096];
static volatile sig_atomic_t have_pending_temporary;

static void
set_pending_temporary (const char *path)
{
  have_pending_temporary = 0;
  if (path != NULL && strlen (path) < sizeof pending_temporary)
    {
      strcpy (pending_temporary, path);
      have_pending_temporary = 1;
    }
}

static void
remove_temporary_and_die (int signum)
{
  if (have_pending_temporary)
    unlink (pending_temporary);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* For the command line: an export stopped by Ctrl+C or kill leaves no
 * temporary file behind. */
void
straits_export_remove_temporary_on_signals (void)
{
  struct sigaction action = { 0 };

  action.sa_handler = remove_temporary_and_die;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, NULL);
  sigaction (SIGTERM, &action, NULL);
  sigaction (SIGHUP, &action, NULL);
}

/* The mode a new file gets: 0666 less the umask, read where Linux shows
 * it (changing the umask to read it would race with other threads). */
static mode_t
new_file_mode (void)
{
  g_autofree char *status = NULL;
  const char *line;
  guint mask = 022;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    mask = (guint) strtoul (line + strlen ("\nUmask:"), NULL, 8);
  return 0666 & ~mask;
}

/* The new file gets the mode (and, where permitted, the owner) of the
 * file it replaces: a 0600 figure stays 0600. */
static void
copy_target_permissions (int fd, const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    {
      fchmod (fd, new_file_mode ());
      return;
    }
  if (fchown (fd, st.st_uid, st.st_gid) != 0)
    {
      /* Only root may give a file away; keeping the group may still work. */
      if (fchown (fd, (uid_t) -1, st.st_gid) != 0)
        errno = 0;
    }
  fchmod (fd, st.st_mode & 07777);
}

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
  /* Readable by no one else while it is written. */
  fd = g_mkstemp_full (file->temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      g_clear_pointer (&file->temporary, g_free);
      return FALSE;
    }
  set_pending_temporary (file->temporary);
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
  set_pending_temporary (NULL);
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

  copy_target_permissions (fd, file->path);
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
  set_pending_temporary (NULL);
  return TRUE;
}

static gboolean
check_png_page (double       width_pt,
                double       height_pt,
                double       dpi,
                GError     **error)
{
  if (!(dpi >= MIN_DPI && dpi <= MAX_DPI))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A resolution of %g dpi is out of range (%g to %g)"), dpi, MIN_DPI, MAX_DPI);
      return FALSE;
    }
  return straits_export_check_pixels (width_pt, height_pt, dpi, error);
}

static gboolean
check_status (const char      *filename,
              cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw “%s”: %s"),
               filename, cairo_status_to_string (status));
  return FALSE;
}

/* The first half of a PNG export, on the thread that may draw: the page
 * at @dpi as an opaque image, for straits_export_write_png(). */
cairo_surface_t *
straits_export_draw_png (const char       *filename,
                         double            width_pt,
                         double            height_pt,
                         double            dpi,
                         StraitsDrawFunc   draw,
                         gpointer          user_data,
                         GError          **error)
{
  cairo_surface_t *surface = NULL;

  if (!check_png_page (width_pt, height_pt, dpi, error) ||
      !check_status (filename, draw_png (width_pt, height_pt, dpi, draw, user_data, &surface), error))
    return NULL;
  return surface;
}

/* The second half, on any thread: @surface encoded (zlib level and
 * filters chosen in bench/bench-render.c) into @filename, atomically. The
 * title and subject go in as the PNG's Title and Description. */
gboolean
straits_export_write_png (const char                  *filename,
                          cairo_surface_t             *surface,
                          const StraitsExportMetadata *metadata,
                          GError                     **error)
{
  g_auto(AtomicFile) out = { NULL, NULL, NULL };
  g_autoptr(GError) local = NULL;
  StraitsPngOptions options = { STRAITS_PNG_LEVEL, STRAITS_PNG_FILTERS,
                                metadata ? metadata->title : NULL, metadata ? metadata->subject : NULL };

  if (!atomic_file_open (&out, filename, error))
    return FALSE;
  if (!straits_png_write (surface, out.stream, &options, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot write “%s”: "), filename);
      return FALSE;
    }
  return atomic_file_commit (&out, error);
}

static gboolean
export_png (const char                  *filename,
            double                       width_pt,
            double                       height_pt,
            double                       dpi,
            StraitsDrawFunc              draw,
            gpointer                     user_data,
            const StraitsExportMetadata *metadata,
            GCancellable                *cancellable,
            GError                     **error)
{
  cairo_surface_t *surface = straits_export_draw_png (filename, width_pt, height_pt, dpi, draw, user_data, error);
  gboolean ok;

  if (surface == NULL)
    return FALSE;
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       straits_export_write_png (filename, surface, metadata, error);
  cairo_surface_destroy (surface);
  return ok;
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
  return straits_export_cancellable (filename, width_pt, height_pt, dpi, n_pages, draw, user_data, metadata,
                                     NULL, error);
}

/* The drawing runs to its end; a cancelled export then writes nothing
 * (a PNG is not encoded) and leaves no temporary file. */
gboolean
straits_export_cancellable (const char                  *filename,
                            double                       width_pt,
                            double                       height_pt,
                            double                       dpi,
                            guint                        n_pages,
                            StraitsDrawFunc              draw,
                            gpointer                     user_data,
                            const StraitsExportMetadata *metadata,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_auto(AtomicFile) out = { NULL, NULL, NULL };
  StraitsExportFormat format;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  if (!straits_export_format_from_filename (filename, &format, error))
    return FALSE;
  if (format == STRAITS_EXPORT_PNG)
    return export_png (filename, width_pt, height_pt, dpi, draw, user_data, metadata, cancellable, error);
  if (!atomic_file_open (&out, filename, error))
    return FALSE;
  sink.stream = out.stream;

  if (format == STRAITS_EXPORT_PDF)
    status = draw_pdf (&sink, width_pt, height_pt, MAX (n_pages, 1), draw, user_data, metadata);
  else
    status = draw_svg (&sink, width_pt, height_pt, draw, user_data);

  if (sink.error != NULL)
    {
      g_propagate_prefixed_error (error, sink.error, _("Cannot write “%s”: "), filename);
      return FALSE;
    }
  return check_status (filename, status, error) && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         atomic_file_commit (&out, error);
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
