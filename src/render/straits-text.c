/* straits-text.c
 *
 * In an SVG export, text is recorded rather than drawn: one <text> per
 * layout, a <tspan> per line at its baseline, in the font Pango chose
 * (with a generic fallback: fonts are named, not embedded, since SVG
 * viewers do not reliably load embedded fonts) and with the width Pango
 * measured as its textLength, so that a viewer with another font still
 * fits the text where it was laid out. In its place cairo draws a
 * stand-in that it writes as a <use>; straits_svg_text_insert() swaps
 * each for its text, keeping the drawing order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-export.h"
#include "straits-halo.h"
#include "straits-text.h"
#include "straits-pixels.h"

gboolean
straits_text_for_print (cairo_t *cr)
{
  double ux = 1, uy = 0;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return TRUE;
  straits_user_to_pixel_distance (cr, &ux, &uy);
  return hypot (ux, uy) >= 2;
}

void
straits_text_setup_context (PangoContext *context,
                            cairo_t      *cr)
{
  pango_cairo_context_set_resolution (context, 72);
  if (straits_text_for_print (cr))
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      pango_context_set_round_glyph_positions (context, FALSE);
    }
}

/* What pango_cairo_update_context() reads from a cairo context. */
typedef struct {
  double xx, yx, xy, yy;
  cairo_font_options_t *target_options;
  cairo_font_options_t *options;
} TextState;

static GQuark
text_state_quark (void)
{
  return g_quark_from_static_string ("straits-text-state");
}

static void
text_state_free (TextState *state)
{
  cairo_font_options_destroy (state->target_options);
  cairo_font_options_destroy (state->options);
  g_free (state);
}

static TextState *
text_state_of (cairo_t *cr)
{
  TextState *state = g_new0 (TextState, 1);
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  state->xx = matrix.xx;
  state->yx = matrix.yx;
  state->xy = matrix.xy;
  state->yy = matrix.yy;
  state->target_options = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), state->target_options);
  state->options = cairo_font_options_create ();
  cairo_get_font_options (cr, state->options);
  return state;
}

static gboolean
text_state_equal (const TextState *a,
                  const TextState *b)
{
  return a->xx == b->xx && a->yx == b->yx && a->xy == b->xy && a->yy == b->yy &&
         cairo_font_options_equal (a->target_options, b->target_options) &&
         cairo_font_options_equal (a->options, b->options);
}

/* pango_cairo_update_context() marks the context changed at every call,
 * even with nothing changed (Pango 1.50 sets the context's matrix, and
 * setting a matrix, even the same one, changes the context), and every
 * layout on it is then shaped again: a cold frame shaped each of its
 * labels anew, 120 182 times for 478 layouts in bench-render --zoom-only
 * (straits-map-labels.c keeps layouts between frames).
 * So it is called only when what it reads from @cr differs. */
void
straits_text_update_context (cairo_t      *cr,
                             PangoContext *context)
{
  TextState *now = text_state_of (cr);
  TextState *last = g_object_get_qdata (G_OBJECT (context), text_state_quark ());

  if (last != NULL && text_state_equal (last, now))
    {
      text_state_free (now);
      return;
    }
  pango_cairo_update_context (cr, context);
  g_object_set_qdata_full (G_OBJECT (context), text_state_quark (), now, (GDestroyNotify) text_state_free);
}

PangoLayout *
straits_text_layout_new (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  straits_text_setup_context (pango_layout_get_context (layout), cr);
  pango_layout_context_changed (layout);
  return layout;
}

PangoLayout *
straits_text_layout_new_sized (cairo_t     *cr,
                               const char  *text,
                               double       size,
                               PangoWeight  weight,
                               double       width)
{
  PangoLayout *layout = straits_text_layout_new (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* The address of a stand-in's image: the scheme, then its number. */
#define STAND_IN_SCHEME "straits-text:"

struct _StraitsSvgText
{
  cairo_surface_t *surface;
  GPtrArray *elements;      /* char *: a <text> element per stand-in number */
};

static const cairo_user_data_key_t recorder_key;

/* Numbers ------------------------------------------------------------------ */

/* With a point for decimals whatever the locale, and no trailing zeros:
 * hundredths of a unit, or millionths for a transform's factors. */
static const char *
format_number (char *buf, gsize size, double value, gboolean fine)
{
  char *end;

  g_ascii_formatd (buf, size, fine ? "%.6f" : "%.2f", value);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_str_equal (buf, "-0") ? "0" : buf;
}

static void
append_number (GString *s, const char *name, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (s, " %s=\"%s\"", name, format_number (buf, sizeof buf, value, FALSE));
}

static void
append_colour (GString *s, const char *name, const char *opacity, double r, double g, double b, double a)
{
  g_string_append_printf (s, " %s=\"#%02x%02x%02x\"", name,
                          (guint) lround (CLAMP (r, 0, 1) * 255), (guint) lround (CLAMP (g, 0, 1) * 255),
                          (guint) lround (CLAMP (b, 0, 1) * 255));
  if (a < 1)
    append_number (s, opacity, CLAMP (a, 0, 1));
}

static void
append_transform (GString *s, const cairo_matrix_t *m)
{
  const double values[] = { m->xx, m->yx, m->xy, m->yy, m->x0, m->y0 };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, " transform=\"matrix(");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", format_number (buf, sizeof buf, values[i], TRUE));
  g_string_append (s, ")\"");
}

/* Fonts -------------------------------------------------------------------- */

/* The font size in user units: Pango's points are at the context's
 * resolution, the screen's when it has none. */
static double
font_size (PangoLayout *layout)
{
  PangoContext *context = pango_layout_get_context (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double size, dpi = pango_cairo_context_get_resolution (context);

  if (font == NULL)
    font = pango_context_get_font_description (context);
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    return size;
  return size * (dpi > 0 ? dpi : STRAITS_SCREEN_DPI) / 72;
}

/* The family, weight and style of the face Pango drew the first line
 * with: what the PNG and the PDF show, so the viewer picks the same face
 * where it has it. */
static void
append_font (GString *s, PangoLayout *layout, double size)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoLayoutRun *run = line != NULL && line->runs != NULL ? line->runs->data : NULL;
  g_autoptr(PangoFontDescription) face = run ? pango_font_describe (run->item->analysis.font) : NULL;
  g_autofree char *family = NULL;
  PangoStyle style;

  if (face != NULL && pango_font_description_get_family (face) != NULL)
    {
      /* Quoted for CSS; a quote in a name would end it. */
      family = g_strdelimit (g_strdup (pango_font_description_get_family (face)), "'\"\\<>&", ' ');
      g_string_append_printf (s, " font-family=\"'%s', sans-serif\"", family);
    }
  else
    g_string_append (s, " font-family=\"sans-serif\"");
  append_number (s, "font-size", size);
  if (face == NULL)
    return;
  g_string_append_printf (s, " font-weight=\"%d\"", (int) pango_font_description_get_weight (face));
  style = pango_font_description_get_style (face);
  if (style != PANGO_STYLE_NORMAL)
    g_string_append_printf (s, " font-style=\"%s\"", style == PANGO_STYLE_ITALIC ? "italic" : "oblique");
}

/* Elements ----------------------------------------------------------------- */

/* Where text goes: device coordinates, scaled, when the user space is
 * only moved and scaled (always, in our figures); else user coordinates
 * under the user space's transform, which may rotate. */
typedef struct {
  cairo_matrix_t matrix;
  gboolean plain;
  double scale;
} Placing;

static void
placing_init (Placing *p, cairo_t *cr)
{
  cairo_get_matrix (cr, &p->matrix);
  p->plain = p->matrix.xy == 0 && p->matrix.yx == 0 && p->matrix.xx == p->matrix.yy && p->matrix.xx > 0;
  p->scale = p->plain ? p->matrix.xx : 1;
}

static void
append_point (GString *s, const Placing *p, double x, double y)
{
  if (p->plain)
    cairo_matrix_transform_point (&p->matrix, &x, &y);
  append_number (s, "x", x);
  append_number (s, "y", y);
}

/* A line as a <tspan> at its baseline, as wide as Pango set it. A wrapped
 * line keeps the space it broke at, and its width: text copied from the
 * SVG keeps its words apart. */
static void
append_line (GString *s, PangoLayoutIter *iter, const char *text, double x, double y, const Placing *p)
{
  PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
  double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
  g_autofree int *ranges = NULL;
  g_autofree char *escaped = NULL;
  int n_ranges = 0;

  if (line->length <= 0)
    return;
  pango_layout_line_get_x_ranges (line, line->start_index, line->start_index + line->length, &ranges, &n_ranges);
  if (n_ranges == 0)
    return;
  g_string_append (s, "<tspan");
  append_point (s, p, x + ranges[0] / (double) PANGO_SCALE, y + baseline);
  append_number (s, "textLength", (ranges[2 * n_ranges - 1] - ranges[0]) / (double) PANGO_SCALE * p->scale);
  g_string_append (s, " lengthAdjust=\"spacingAndGlyphs\">");
  escaped = g_markup_escape_text (text + line->start_index, line->length);
  g_string_append_printf (s, "%s</tspan>", escaped);
}

/* @layout at (@x, @y) in the current source as an SVG <text>, or NULL when
 * the source is not a plain colour (SVG text could not show it). */
static char *
text_element (cairo_t             *cr,
              PangoLayout         *layout,
              double               x,
              double               y,
              const StraitsColour *halo,
              double               halo_alpha,
              double               halo_width)
{
  const char *text = pango_layout_get_text (layout);
  double r, g, b, a;
  PangoLayoutIter *iter;
  Placing p;
  GString *s;

  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    return NULL;
  placing_init (&p, cr);
  /* No white space between the tspans: it would be kept, and shown. */
  s = g_string_new ("<text xml:space=\"preserve\"");
  append_font (s, layout, font_size (layout) * p.scale);
  append_colour (s, "fill", "fill-opacity", r, g, b, a);
  if (halo != NULL && halo_width > 0)
    {
      append_colour (s, "stroke", "stroke-opacity", halo->r, halo->g, halo->b, halo_alpha);
      append_number (s, "stroke-width", halo_width * p.scale);
      g_string_append (s, " stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }
  if (!p.plain)
    append_transform (s, &p.matrix);
  g_string_append_c (s, '>');
  iter = pango_layout_get_iter (layout);
  do
    append_line (s, iter, text, x, y, &p);
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_string_append (s, "</text>");
  return g_string_free (s, FALSE);
}

/* Recording ---------------------------------------------------------------- */

/* A transparent image over the text's box: cairo writes it as an <image>
 * in <defs>, at an address that names the text, and a <use> of it where
 * the text comes in the drawing order. Covering the box keeps it from
 * being culled as clipped when the text is not. */
static void
paint_stand_in (cairo_t *cr, guint number, double x, double y, PangoLayout *layout)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  char *uri = g_strdup_printf (STAND_IN_SCHEME "%u", number);
  PangoRectangle ink, logical;
  double x0, y0, x1, y1;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  x0 = MIN (ink.x, logical.x);
  y0 = MIN (ink.y, logical.y);
  x1 = MAX (ink.x + ink.width, logical.x + logical.width);
  y1 = MAX (ink.y + ink.height, logical.y + logical.height);
  /* Else cairo may take it for a clear surface and skip it. */
  cairo_surface_mark_dirty (image);
  cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_URI, (const guchar *) uri, strlen (uri), g_free, uri);
  cairo_save (cr);
  cairo_translate (cr, x + x0, y + y0);
  cairo_scale (cr, MAX (x1 - x0, 1), MAX (y1 - y0, 1));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

/* Records @layout at the current point; FALSE when it has to be drawn. */
static gboolean
record (cairo_t             *cr,
        PangoLayout         *layout,
        const StraitsColour *halo,
        double               halo_alpha,
        double               halo_width)
{
  StraitsSvgText *self = cairo_surface_get_user_data (cairo_get_target (cr), &recorder_key);
  double x = 0, y = 0;
  char *element;

  if (self == NULL)
    return FALSE;
  if (pango_layout_get_character_count (layout) == 0)
    return TRUE;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  element = text_element (cr, layout, x, y, halo, halo_alpha, halo_width);
  if (element == NULL)
    return FALSE;
  paint_stand_in (cr, self->elements->len, x, y, layout);
  g_ptr_array_add (self->elements, element);
  return TRUE;
}

char *
straits_text_truncate (const char *text,
                       glong       max_chars)
{
  const char *cut = text;
  glong n = 0;

  /* Count characters, not bytes: g_utf8_strlen's limit is in bytes, so
   * Greek or Cyrillic text of twice the limit passed uncut. */
  while (*cut != '\0' && n < max_chars)
    {
      cut = g_utf8_next_char (cut);
      n++;
    }
  if (*cut == '\0')
    return g_strdup (text);
  cut = g_utf8_offset_to_pointer (text, MAX (max_chars - 1, 0));
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* Characters in a row without a place to break a line, at most. */
#define MAX_UNBROKEN_RUN 24

/* @text for a wrapping label: truncated to @max_chars, with a zero-width
 * space after every MAX_UNBROKEN_RUN characters that offer no break.
 * Pango breaks a long word inside by shaping what is left of it again
 * for each line, so a 5000-character word took seconds to lay out; with
 * break opportunities every few characters the cost stays linear. */
char *
straits_text_for_label (const char *text,
                        glong       max_chars)
{
  g_autofree char *cut = straits_text_truncate (text, max_chars);
  GString *s = g_string_sized_new (strlen (cut) + 16);
  guint run = 0;

  for (const char *p = cut; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_string_append_unichar (s, ch);
      run = g_unichar_isspace (ch) || ch == '-' || ch == 0x200B ? 0 : run + 1;
      if (run >= MAX_UNBROKEN_RUN)
        {
          g_string_append_unichar (s, 0x200B);
          run = 0;
        }
    }
  return g_string_free (s, FALSE);
}

void
straits_text_show (cairo_t     *cr,
                   PangoLayout *layout)
{
  if (!record (cr, layout, NULL, 0, 0))
    pango_cairo_show_layout (cr, layout);
}

void
straits_text_show_with_halo (cairo_t             *cr,
                             PangoLayout         *layout,
                             const StraitsColour *halo,
                             double               alpha,
                             double               width)
{
  double x = 0, y = 0;

  if (record (cr, layout, halo, alpha, width) || straits_halo_show (cr, layout, halo, alpha, width))
    return;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  cairo_save (cr);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, halo->r, halo->g, halo->b, alpha);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

StraitsSvgText *
straits_svg_text_new (cairo_surface_t *svg_surface)
{
  StraitsSvgText *self = g_new0 (StraitsSvgText, 1);

  self->surface = cairo_surface_reference (svg_surface);
  self->elements = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_set_user_data (svg_surface, &recorder_key, self, NULL);
  return self;
}

void
straits_svg_text_free (StraitsSvgText *self)
{
  if (self->surface != NULL)
    {
      cairo_surface_set_user_data (self->surface, &recorder_key, NULL, NULL);
      cairo_surface_destroy (self->surface);
    }
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_free (self);
}

/* Insertion ---------------------------------------------------------------- */

typedef struct {
  gsize start, end;         /* the bytes replaced */
  const char *text;
} Edit;

typedef struct {
  guint number;
  gsize start, end;         /* its <image> element */
} StandIn;

static int
compare_edits (gconstpointer a, gconstpointer b)
{
  gsize x = ((const Edit *) a)->start, y = ((const Edit *) b)->start;
  return x < y ? -1 : x > y;
}

/* The element around @p, an offset inside one of its attributes (which
 * hold no '<'), as [*start, *end). */
static gboolean
element_around (const GString *svg, gsize p, gsize *start, gsize *end)
{
  const char *close;

  *start = p;
  while (*start > 0 && svg->str[*start] != '<')
    (*start)--;
  close = strchr (svg->str + p, '>');
  if (svg->str[*start] != '<' || close == NULL)
    return FALSE;
  *end = close - svg->str + 1;
  return TRUE;
}

/* The value of the attribute that starts with @key (such as ` id="`) in
 * the element [@start, @end). */
static char *
attribute (const GString *svg, gsize start, gsize end, const char *key)
{
  g_autofree char *element = g_strndup (svg->str + start, end - start);
  const char *value = strstr (element, key), *close;

  if (value == NULL || (close = strchr (value + strlen (key), '"')) == NULL)
    return NULL;
  value += strlen (key);
  return g_strndup (value, close - value);
}

/* The stand-ins' images, in <defs>, by id. */
static GHashTable *
find_stand_ins (const GString *svg, guint n_elements)
{
  GHashTable *images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *needle = "href=\"" STAND_IN_SCHEME;

  for (const char *p = strstr (svg->str, needle); p != NULL; p = strstr (p + 1, needle))
    {
      char *after;
      StandIn image = { g_ascii_strtoull (p + strlen (needle), &after, 10), 0, 0 };
      char *id;

      if (*after != '"' || image.number >= n_elements ||
          !element_around (svg, p - svg->str, &image.start, &image.end) ||
          (id = attribute (svg, image.start, image.end, " id=\"")) == NULL)
        continue;
      g_hash_table_insert (images, id, g_memdup2 (&image, sizeof image));
    }
  return images;
}

/* Each <use> of a stand-in's image becomes its text, and the image goes.
 * Returns how many did. */
static guint
replace_stand_ins (StraitsSvgText *self, const GString *svg, GArray *edits)
{
  g_autoptr(GHashTable) images = find_stand_ins (svg, self->elements->len);
  g_autofree gboolean *placed = g_new0 (gboolean, self->elements->len + 1);
  const char *needle = "href=\"#";
  guint n_placed = 0;

  for (const char *p = strstr (svg->str, needle); p != NULL; p = strstr (p + 1, needle))
    {
      g_autofree char *id = NULL;
      const StandIn *image;
      Edit use = { 0, 0, NULL };

      if (!element_around (svg, p - svg->str, &use.start, &use.end) ||
          strncmp (svg->str + use.start, "<use", 4) != 0 ||
          (id = attribute (svg, use.start, use.end, needle)) == NULL ||
          (image = g_hash_table_lookup (images, id)) == NULL || placed[image->number])
        continue;
      use.text = self->elements->pdata[image->number];
      placed[image->number] = TRUE;
      n_placed++;
      g_array_append_val (edits, use);
      /* With its line. */
      g_array_append_val (edits, ((Edit) { image->start, image->end + (svg->str[image->end] == '\n'), "" }));
    }
  return n_placed;
}

static void
apply_edits (GString *svg, GArray *edits)
{
  GString *out = g_string_sized_new (svg->len + svg->len / 4);
  gsize cursor = 0;

  g_array_sort (edits, compare_edits);
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);

      if (e->start < cursor)
        continue;
      g_string_append_len (out, svg->str + cursor, e->start - cursor);
      g_string_append (out, e->text);
      cursor = e->end;
    }
  g_string_append_len (out, svg->str + cursor, svg->len - cursor);
  g_string_truncate (svg, 0);
  g_string_append_len (svg, out->str, out->len);
  g_string_free (out, TRUE);
}

/* A stand-in is missing when cairo culled it, its text being clipped
 * away, as the glyphs would have been. When all are missing, cairo wrote
 * them in a way not foreseen here: the text then goes on top, at the end,
 * rather than be lost. */
void
straits_svg_text_insert (StraitsSvgText *self,
                         GString        *svg)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_autoptr(GString) rest = g_string_new (NULL);

  if (replace_stand_ins (self, svg, edits) == 0 && self->elements->len > 0)
    {
      const char *close = g_strrstr (svg->str, "</svg>");
      gsize at = close ? (gsize) (close - svg->str) : svg->len;

      g_debug ("No stand-ins for SVG text found: the text goes on top");
      for (guint i = 0; i < self->elements->len; i++)
        g_string_append_printf (rest, "%s\n", (const char *) self->elements->pdata[i]);
      g_array_append_val (edits, ((Edit) { at, at, rest->str }));
    }
  apply_edits (svg, edits);
}
