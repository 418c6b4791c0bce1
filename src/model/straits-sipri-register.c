/* straits-sipri-register.c
 *
 * Reads the register in one pass over the bytes, line by line. Problems
 * are collected, all of them, and a file with any error yields nothing: a
 * half-imported register would show wrong totals without saying so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-diagnostic.h"
#include "straits-sipri-register.h"
#include "straits-safe-file.h"

G_DEFINE_QUARK (straits-sipri-error-quark, straits_sipri_error)

struct _StraitsSipriRegister
{
  GObject parent_instance;

  char *filename;
  char *data_as_of;
  GStringChunk *strings;
  GArray *actors;            /* StraitsSipriActor */
  GArray *deliveries;        /* StraitsSipriDelivery */
  GHashTable *actor_by_id;   /* id -> index + 1 */
  GHashTable *actor_by_name; /* SIPRI name -> index + 1 */
  guint first_year, last_year;
};

G_DEFINE_FINAL_TYPE (StraitsSipriRegister, straits_sipri_register, G_TYPE_OBJECT)

/* Names ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *id;
  StraitsSipriActorKind kind;
} NameEntry;

/* SIPRI's names, exactly as its exports write them, and the ids they stand
 * for. States get ISO 3166-1 alpha-3 (Kosovo the code the EU uses, XKX);
 * states that no longer exist their ISO 3166-3 alpha-3. "European Union**"
 * and "NATO**" get the ids datasets give them ("eu", "nato"). */
static const NameEntry name_table[] = {
  { "Afghanistan", "AFG", STRAITS_SIPRI_STATE },
  { "Albania", "ALB", STRAITS_SIPRI_STATE },
  { "Algeria", "DZA", STRAITS_SIPRI_STATE },
  { "Angola", "AGO", STRAITS_SIPRI_STATE },
  { "Antigua and Barbuda", "ATG", STRAITS_SIPRI_STATE },
  { "Argentina", "ARG", STRAITS_SIPRI_STATE },
  { "Armenia", "ARM", STRAITS_SIPRI_STATE },
  { "Aruba", "ABW", STRAITS_SIPRI_STATE },
  { "Australia", "AUS", STRAITS_SIPRI_STATE },
  { "Austria", "AUT", STRAITS_SIPRI_STATE },
  { "Azerbaijan", "AZE", STRAITS_SIPRI_STATE },
  { "Bahamas", "BHS", STRAITS_SIPRI_STATE },
  { "Bahrain", "BHR", STRAITS_SIPRI_STATE },
  { "Bangladesh", "BGD", STRAITS_SIPRI_STATE },
  { "Barbados", "BRB", STRAITS_SIPRI_STATE },
  { "Belarus", "BLR", STRAITS_SIPRI_STATE },
  { "Belgium", "BEL", STRAITS_SIPRI_STATE },
  { "Belize", "BLZ", STRAITS_SIPRI_STATE },
  { "Benin", "BEN", STRAITS_SIPRI_STATE },
  { "Bhutan", "BTN", STRAITS_SIPRI_STATE },
  { "Bolivia", "BOL", STRAITS_SIPRI_STATE },
  { "Bosnia-Herzegovina", "BIH", STRAITS_SIPRI_STATE },
  { "Botswana", "BWA", STRAITS_SIPRI_STATE },
  { "Brazil", "BRA", STRAITS_SIPRI_STATE },
  { "Brunei", "BRN", STRAITS_SIPRI_STATE },
  { "Bulgaria", "BGR", STRAITS_SIPRI_STATE },
  { "Burkina Faso", "BFA", STRAITS_SIPRI_STATE },
  { "Burundi", "BDI", STRAITS_SIPRI_STATE },
  { "Cabo Verde", "CPV", STRAITS_SIPRI_STATE },
  { "Cambodia", "KHM", STRAITS_SIPRI_STATE },
  { "Cameroon", "CMR", STRAITS_SIPRI_STATE },
  { "Canada", "CAN", STRAITS_SIPRI_STATE },
  { "Central African Republic", "CAF", STRAITS_SIPRI_STATE },
  { "Chad", "TCD", STRAITS_SIPRI_STATE },
  { "Chile", "CHL", STRAITS_SIPRI_STATE },
  { "China", "CHN", STRAITS_SIPRI_STATE },
  { "Colombia", "COL", STRAITS_SIPRI_STATE },
  { "Comoros", "COM", STRAITS_SIPRI_STATE },
  { "Congo", "COG", STRAITS_SIPRI_STATE },
  { "Costa Rica", "CRI", STRAITS_SIPRI_STATE },
  { "Cote d'Ivoire", "CIV", STRAITS_SIPRI_STATE },
  { "Croatia", "HRV", STRAITS_SIPRI_STATE },
  { "Cuba", "CUB", STRAITS_SIPRI_STATE },
  { "Cyprus", "CYP", STRAITS_SIPRI_STATE },
  { "Czechia", "CZE", STRAITS_SIPRI_STATE },
  { "DR Congo", "COD", STRAITS_SIPRI_STATE },
  { "Denmark", "DNK", STRAITS_SIPRI_STATE },
  { "Djibouti", "DJI", STRAITS_SIPRI_STATE },
  { "Dominican Republic", "DOM", STRAITS_SIPRI_STATE },
  { "Ecuador", "ECU", STRAITS_SIPRI_STATE },
  { "Egypt", "EGY", STRAITS_SIPRI_STATE },
  { "El Salvador", "SLV", STRAITS_SIPRI_STATE },
  { "Equatorial Guinea", "GNQ", STRAITS_SIPRI_STATE },
  { "Eritrea", "ERI", STRAITS_SIPRI_STATE },
  { "Estonia", "EST", STRAITS_SIPRI_STATE },
  { "Ethiopia", "ETH", STRAITS_SIPRI_STATE },
  { "Fiji", "FJI", STRAITS_SIPRI_STATE },
  { "Finland", "FIN", STRAITS_SIPRI_STATE },
  { "France", "FRA", STRAITS_SIPRI_STATE },
  { "Gabon", "GAB", STRAITS_SIPRI_STATE },
  { "Gambia", "GMB", STRAITS_SIPRI_STATE },
  { "Georgia", "GEO", STRAITS_SIPRI_STATE },
  { "Germany", "DEU", STRAITS_SIPRI_STATE },
  { "Ghana", "GHA", STRAITS_SIPRI_STATE },
  { "Greece", "GRC", STRAITS_SIPRI_STATE },
  { "Guatemala", "GTM", STRAITS_SIPRI_STATE },
  { "Guinea", "GIN", STRAITS_SIPRI_STATE },
  { "Guyana", "GUY", STRAITS_SIPRI_STATE },
  { "Honduras", "HND", STRAITS_SIPRI_STATE },
  { "Hungary", "HUN", STRAITS_SIPRI_STATE },
  { "Iceland", "ISL", STRAITS_SIPRI_STATE },
  { "India", "IND", STRAITS_SIPRI_STATE },
  { "Indonesia", "IDN", STRAITS_SIPRI_STATE },
  { "Iran", "IRN", STRAITS_SIPRI_STATE },
  { "Iraq", "IRQ", STRAITS_SIPRI_STATE },
  { "Ireland", "IRL", STRAITS_SIPRI_STATE },
  { "Israel", "ISR", STRAITS_SIPRI_STATE },
  { "Italy", "ITA", STRAITS_SIPRI_STATE },
  { "Jamaica", "JAM", STRAITS_SIPRI_STATE },
  { "Japan", "JPN", STRAITS_SIPRI_STATE },
  { "Jordan", "JOR", STRAITS_SIPRI_STATE },
  { "Kazakhstan", "KAZ", STRAITS_SIPRI_STATE },
  { "Kenya", "KEN", STRAITS_SIPRI_STATE },
  { "Kosovo", "XKX", STRAITS_SIPRI_STATE },
  { "Kuwait", "KWT", STRAITS_SIPRI_STATE },
  { "Kyrgyzstan", "KGZ", STRAITS_SIPRI_STATE },
  { "Laos", "LAO", STRAITS_SIPRI_STATE },
  { "Latvia", "LVA", STRAITS_SIPRI_STATE },
  { "Lebanon", "LBN", STRAITS_SIPRI_STATE },
  { "Lesotho", "LSO", STRAITS_SIPRI_STATE },
  { "Liberia", "LBR", STRAITS_SIPRI_STATE },
  { "Libya", "LBY", STRAITS_SIPRI_STATE },
  { "Lithuania", "LTU", STRAITS_SIPRI_STATE },
  { "Luxembourg", "LUX", STRAITS_SIPRI_STATE },
  { "Madagascar", "MDG", STRAITS_SIPRI_STATE },
  { "Malawi", "MWI", STRAITS_SIPRI_STATE },
  { "Malaysia", "MYS", STRAITS_SIPRI_STATE },
  { "Maldives", "MDV", STRAITS_SIPRI_STATE },
  { "Mali", "MLI", STRAITS_SIPRI_STATE },
  { "Malta", "MLT", STRAITS_SIPRI_STATE },
  { "Mauritania", "MRT", STRAITS_SIPRI_STATE },
  { "Mauritius", "MUS", STRAITS_SIPRI_STATE },
  { "Mexico", "MEX", STRAITS_SIPRI_STATE },
  { "Moldova", "MDA", STRAITS_SIPRI_STATE },
  { "Mongolia", "MNG", STRAITS_SIPRI_STATE },
  { "Montenegro", "MNE", STRAITS_SIPRI_STATE },
  { "Morocco", "MAR", STRAITS_SIPRI_STATE },
  { "Mozambique", "MOZ", STRAITS_SIPRI_STATE },
  { "Myanmar", "MMR", STRAITS_SIPRI_STATE },
  { "Namibia", "NAM", STRAITS_SIPRI_STATE },
  { "Nepal", "NPL", STRAITS_SIPRI_STATE },
  { "Netherlands", "NLD", STRAITS_SIPRI_STATE },
  { "New Zealand", "NZL", STRAITS_SIPRI_STATE },
  { "Nicaragua", "NIC", STRAITS_SIPRI_STATE },
  { "Niger", "NER", STRAITS_SIPRI_STATE },
  { "Nigeria", "NGA", STRAITS_SIPRI_STATE },
  { "North Korea", "PRK", STRAITS_SIPRI_STATE },
  { "North Macedonia", "MKD", STRAITS_SIPRI_STATE },
  { "Norway", "NOR", STRAITS_SIPRI_STATE },
  { "Oman", "OMN", STRAITS_SIPRI_STATE },
  { "Pakistan", "PAK", STRAITS_SIPRI_STATE },
  { "Palestine", "PSE", STRAITS_SIPRI_STATE },
  { "Panama", "PAN", STRAITS_SIPRI_STATE },
  { "Papua New Guinea", "PNG", STRAITS_SIPRI_STATE },
  { "Paraguay", "PRY", STRAITS_SIPRI_STATE },
  { "Peru", "PER", STRAITS_SIPRI_STATE },
  { "Philippines", "PHL", STRAITS_SIPRI_STATE },
  { "Poland", "POL", STRAITS_SIPRI_STATE },
  { "Portugal", "PRT", STRAITS_SIPRI_STATE },
  { "Qatar", "QAT", STRAITS_SIPRI_STATE },
  { "Romania", "ROU", STRAITS_SIPRI_STATE },
  { "Russia", "RUS", STRAITS_SIPRI_STATE },
  { "Rwanda", "RWA", STRAITS_SIPRI_STATE },
  { "Saudi Arabia", "SAU", STRAITS_SIPRI_STATE },
  { "Senegal", "SEN", STRAITS_SIPRI_STATE },
  { "Serbia", "SRB", STRAITS_SIPRI_STATE },
  { "Seychelles", "SYC", STRAITS_SIPRI_STATE },
  { "Sierra Leone", "SLE", STRAITS_SIPRI_STATE },
  { "Singapore", "SGP", STRAITS_SIPRI_STATE },
  { "Slovakia", "SVK", STRAITS_SIPRI_STATE },
  { "Slovenia", "SVN", STRAITS_SIPRI_STATE },
  { "Solomon Islands", "SLB", STRAITS_SIPRI_STATE },
  { "Somalia", "SOM", STRAITS_SIPRI_STATE },
  { "South Africa", "ZAF", STRAITS_SIPRI_STATE },
  { "South Korea", "KOR", STRAITS_SIPRI_STATE },
  { "South Sudan", "SSD", STRAITS_SIPRI_STATE },
  { "Spain", "ESP", STRAITS_SIPRI_STATE },
  { "Sri Lanka", "LKA", STRAITS_SIPRI_STATE },
  { "Sudan", "SDN", STRAITS_SIPRI_STATE },
  { "Suriname", "SUR", STRAITS_SIPRI_STATE },
  { "Sweden", "SWE", STRAITS_SIPRI_STATE },
  { "Switzerland", "CHE", STRAITS_SIPRI_STATE },
  { "Syria", "SYR", STRAITS_SIPRI_STATE },
  { "Taiwan", "TWN", STRAITS_SIPRI_STATE },
  { "Tajikistan", "TJK", STRAITS_SIPRI_STATE },
  { "Tanzania", "TZA", STRAITS_SIPRI_STATE },
  { "Thailand", "THA", STRAITS_SIPRI_STATE },
  { "Timor-Leste", "TLS", STRAITS_SIPRI_STATE },
  { "Togo", "TGO", STRAITS_SIPRI_STATE },
  { "Tonga", "TON", STRAITS_SIPRI_STATE },
  { "Trinidad and Tobago", "TTO", STRAITS_SIPRI_STATE },
  { "Tunisia", "TUN", STRAITS_SIPRI_STATE },
  { "Turkiye", "TUR", STRAITS_SIPRI_STATE },
  { "Turkmenistan", "TKM", STRAITS_SIPRI_STATE },
  { "UAE", "ARE", STRAITS_SIPRI_STATE },
  { "Uganda", "UGA", STRAITS_SIPRI_STATE },
  { "Ukraine", "UKR", STRAITS_SIPRI_STATE },
  { "United Kingdom", "GBR", STRAITS_SIPRI_STATE },
  { "United States", "USA", STRAITS_SIPRI_STATE },
  { "Uruguay", "URY", STRAITS_SIPRI_STATE },
  { "Uzbekistan", "UZB", STRAITS_SIPRI_STATE },
  { "Vanuatu", "VUT", STRAITS_SIPRI_STATE },
  { "Venezuela", "VEN", STRAITS_SIPRI_STATE },
  { "Viet Nam", "VNM", STRAITS_SIPRI_STATE },
  { "Western Sahara", "ESH", STRAITS_SIPRI_STATE },
  { "Yemen", "YEM", STRAITS_SIPRI_STATE },
  { "Zambia", "ZMB", STRAITS_SIPRI_STATE },
  { "Zimbabwe", "ZWE", STRAITS_SIPRI_STATE },
  { "eSwatini", "SWZ", STRAITS_SIPRI_STATE },
  { "Soviet Union", "SUN", STRAITS_SIPRI_HISTORICAL_STATE },
  { "Czechoslovakia", "CSK", STRAITS_SIPRI_HISTORICAL_STATE },
  { "East Germany (GDR)", "DDR", STRAITS_SIPRI_HISTORICAL_STATE },
  { "Yugoslavia", "YUG", STRAITS_SIPRI_HISTORICAL_STATE },
  { "Serbia and Montenegro", "SCG", STRAITS_SIPRI_HISTORICAL_STATE },
  { "European Union**", "eu", STRAITS_SIPRI_ORGANISATION },
  { "NATO**", "nato", STRAITS_SIPRI_ORGANISATION },
  /* No ISO code; SIPRI does not mark it as a non-state actor either. */
  { "Northern Cyprus", NULL, STRAITS_SIPRI_NON_STATE },
  { "unknown supplier(s)", NULL, STRAITS_SIPRI_UNKNOWN },
  { "unknown recipient(s)", NULL, STRAITS_SIPRI_UNKNOWN },
};

static GHashTable *
name_index (void)
{
  static GHashTable *index;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (name_table); i++)
        g_hash_table_insert (index, (gpointer) name_table[i].name, (gpointer) &name_table[i]);
      g_once_init_leave (&ready, 1);
    }
  return index;
}

const char *
straits_sipri_map_name (const char            *name,
                        StraitsSipriActorKind *kind)
{
  const NameEntry *entry = g_hash_table_lookup (name_index (), name);
  StraitsSipriActorKind k;

  if (entry != NULL)
    k = entry->kind;
  else if (g_str_has_suffix (name, "**"))
    k = STRAITS_SIPRI_ORGANISATION;
  else if (g_str_has_suffix (name, "*"))
    k = STRAITS_SIPRI_NON_STATE;
  else
    k = STRAITS_SIPRI_UNMAPPED;
  if (kind != NULL)
    *kind = k;
  return entry != NULL ? entry->id : NULL;
}

/* Reading ------------------------------------------------------------------ */

/* Through the model's common reader (straits-safe-file.h): opened once,
 * checked on the descriptor (a regular file, not over the limit) before a
 * byte is read. Its refusals keep their message (the path and the reason)
 * and are sorted into this importer's error codes. */
static GBytes *
read_register_file (const char *filename, GError **error)
{
  g_autoptr(GError) local = NULL;
  GBytes *bytes = straits_safe_file_read (filename, STRAITS_SIPRI_MAX_SIZE,
                                          STRAITS_SAFE_FILE_FOLLOW_LINKS, &local);
  int code = STRAITS_SIPRI_ERROR_IO;

  if (bytes != NULL)
    return bytes;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    code = STRAITS_SIPRI_ERROR_TOO_LARGE;
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
           || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    code = STRAITS_SIPRI_ERROR_NOT_REGULAR;
  g_set_error_literal (error, STRAITS_SIPRI_ERROR, code, local->message);
  return NULL;
}

/* Parsing ------------------------------------------------------------------ */

static const char *const columns[STRAITS_SIPRI_N_COLUMNS] = {
  "SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description",
  "Armament category", "Order date", "Order date is estimate", "Numbers delivered",
  "Numbers delivered is estimate", "Delivery year", "Delivery year is estimate", "Status",
  "SIPRI estimate", "TIV deal unit", "TIV delivery values", "Local production",
};

enum {
  COL_ID, COL_SUPPLIER, COL_RECIPIENT, COL_DESIGNATION, COL_DESCRIPTION, COL_CATEGORY,
  COL_ORDER, COL_ORDER_EST, COL_NUMBERS, COL_NUMBERS_EST, COL_YEAR, COL_YEAR_EST, COL_STATUS,
  COL_SIPRI_ESTIMATE, COL_TIV_UNIT, COL_TIV, COL_LOCAL,
};

/* A line can have more fields than the register; the rest are counted. */
#define MAX_FIELDS (STRAITS_SIPRI_N_COLUMNS + 3)

typedef struct {
  StraitsSipriRegister *reg;
  const char *display_name;
  GPtrArray *diags;
  guint n_errors;
  gboolean stopped;
  GHashTable *unmapped;        /* name -> GArray of guint line numbers */
  GString *fields[MAX_FIELDS];
  guint columns[MAX_FIELDS];   /* 1-based byte column where each field starts */
  guint n_fields;
  guint line;
} Parser;

static void
add_problem (Parser *p, StraitsSeverity severity, guint line, guint column, const char *path,
             const char *message)
{
  StraitsDiagnostic *d;

  if (p->stopped)
    return;
  if (severity == STRAITS_SEVERITY_ERROR && ++p->n_errors > STRAITS_SIPRI_MAX_ERRORS)
    {
      p->stopped = TRUE;
      message = _("too many errors; the rest of the file was not checked");
      line = column = 0;
      path = NULL;
    }
  d = straits_diagnostic_new (severity, p->display_name, path, message);
  d->line = line;
  d->column = column;
  g_ptr_array_add (p->diags, d);
}

G_GNUC_PRINTF (4, 5) static void
line_error (Parser *p, guint field, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (p, STRAITS_SEVERITY_ERROR, p->line, field < p->n_fields ? p->columns[field] : 0, path, message);
}

/* Splits one line (without its line end) into fields: comma-separated,
 * double quotes around fields with commas, "" for a quote inside them, and
 * SIPRI's ';' at the end of every line. FALSE after reporting a problem. */
static gboolean
split_fields (Parser *p, const char *text, gsize len)
{
  gsize pos = 0;

  if (len > 0 && text[len - 1] == ';')
    len--;
  p->n_fields = 0;
  for (;;)
    {
      GString *field = p->n_fields < MAX_FIELDS ? p->fields[p->n_fields] : NULL;

      if (field != NULL)
        {
          g_string_truncate (field, 0);
          p->columns[p->n_fields] = (guint) pos + 1;
        }
      if (pos < len && text[pos] == '"')
        {
          gsize start = pos++;

          for (;;)
            {
              if (pos >= len)
                {
                  add_problem (p, STRAITS_SEVERITY_ERROR, p->line, (guint) start + 1, NULL,
                               _("a quoted field is not closed on its line"));
                  return FALSE;
                }
              if (text[pos] == '"' && pos + 1 < len && text[pos + 1] == '"')
                {
                  if (field) g_string_append_c (field, '"');
                  pos += 2;
                }
              else if (text[pos] == '"')
                {
                  pos++;
                  break;
                }
              else
                {
                  if (field) g_string_append_c (field, text[pos]);
                  pos++;
                }
            }
          if (pos < len && text[pos] != ',')
            {
              add_problem (p, STRAITS_SEVERITY_ERROR, p->line, (guint) pos + 1, NULL,
                           _("a closing quote is followed by text instead of a comma"));
              return FALSE;
            }
        }
      else
        {
          const char *comma = memchr (text + pos, ',', len - pos);
          gsize end = comma ? (gsize) (comma - text) : len;

          if (field) g_string_append_len (field, text + pos, (gssize) (end - pos));
          pos = end;
        }
      p->n_fields++;
      if (pos >= len)
        return TRUE;
      pos++; /* the comma: another field follows, empty at the end */
    }
}

static const char *
field (Parser *p, guint index)
{
  return p->fields[index]->str;
}

/* "Yes", "No" or nothing (FALSE). */
static gboolean
parse_flag (Parser *p, guint index, gboolean *out)
{
  const char *text = field (p, index);

  *out = g_str_equal (text, "Yes");
  if (*out || g_str_equal (text, "No") || *text == '\0')
    return TRUE;
  line_error (p, index, columns[index], _("“%s” is neither Yes nor No"), text);
  return FALSE;
}

/* A plain decimal number as SIPRI writes it ("12", "0.25"), or "?" and a
 * trailing "?" for uncertain data. @given is FALSE for an empty field or a
 * lone "?". */
static gboolean
parse_number (Parser *p, guint index, double *out, gboolean *given, gboolean *uncertain)
{
  const char *text = field (p, index);
  gsize len = strlen (text);
  guint digits = 0, points = 0;

  *given = FALSE;
  *uncertain = len > 0 && text[len - 1] == '?';
  if (*uncertain)
    len--;
  if (len == 0)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (text[i]))
        digits++;
      else if (text[i] == '.')
        points++;
      else
        digits = 0, i = len;
    }
  if (digits == 0 || points > 1 || len > 15)
    {
      line_error (p, index, columns[index], _("“%s” is not a number"), text);
      return FALSE;
    }
  *out = g_ascii_strtod (text, NULL);
  *given = TRUE;
  return TRUE;
}

/* A year: four digits, perhaps with "?". */
static gboolean
parse_year (Parser *p, guint index, gboolean required, guint16 *out, gboolean *uncertain)
{
  const char *text = field (p, index);
  double value = 0;
  gboolean given;

  if (!parse_number (p, index, &value, &given, uncertain))
    return FALSE;
  if (!given && !required)
    {
      *out = 0;
      return TRUE;
    }
  if (!given || value != floor (value) || value < 1900 || value > 2200)
    {
      line_error (p, index, columns[index], _("“%s” is not a year"), text);
      return FALSE;
    }
  *out = (guint16) value;
  return TRUE;
}

/* The actor of SIPRI's @name, added on first sight. */
static guint32
intern_actor (Parser *p, const char *name)
{
  StraitsSipriRegister *reg = p->reg;
  gpointer found = g_hash_table_lookup (reg->actor_by_name, name);
  StraitsSipriActor actor;
  const char *id;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  actor.name = g_string_chunk_insert_const (reg->strings, name);
  id = straits_sipri_map_name (name, &actor.kind);
  /* An unknown name keeps itself as its id, unless that is some
   * state's code: then it is marked as SIPRI's. */
  if (id == NULL && g_hash_table_contains (reg->actor_by_id, name))
    {
      g_autofree char *marked = g_strconcat ("sipri:", name, NULL);
      id = g_string_chunk_insert_const (reg->strings, marked);
    }
  actor.id = id ? g_string_chunk_insert_const (reg->strings, id) : actor.name;
  g_array_append_val (reg->actors, actor);
  g_hash_table_insert (reg->actor_by_name, (gpointer) actor.name, GUINT_TO_POINTER (reg->actors->len));
  g_hash_table_insert (reg->actor_by_id, (gpointer) actor.id, GUINT_TO_POINTER (reg->actors->len));
  return reg->actors->len - 1;
}

static guint32
actor_field (Parser *p, guint index)
{
  const char *name = field (p, index);
  guint32 actor;

  if (*name == '\0')
    {
      line_error (p, index, columns[index], _("the name is empty"));
      return G_MAXUINT32;
    }
  actor = intern_actor (p, name);
  if (g_array_index (p->reg->actors, StraitsSipriActor, actor).kind == STRAITS_SIPRI_UNMAPPED)
    {
      GArray *lines = g_hash_table_lookup (p->unmapped, name);

      if (lines == NULL)
        {
          lines = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (p->unmapped, g_strdup (name), lines);
        }
      if (lines->len == 0 || g_array_index (lines, guint, lines->len - 1) != p->line)
        g_array_append_val (lines, p->line);
    }
  return actor;
}

static const char *
intern_field (Parser *p, guint index)
{
  return g_string_chunk_insert_const (p->reg->strings, field (p, index));
}

/* One data line into a delivery; FALSE after reporting its problems. */
static gboolean
parse_delivery (Parser *p, StraitsSipriDelivery *d)
{
  gboolean ok = TRUE, given, uncertain, flag;
  double value = 0;

  memset (d, 0, sizeof *d);
  d->line = p->line;
  if (!parse_number (p, COL_ID, &value, &given, &uncertain))
    ok = FALSE;
  else if (!given)
    ok = FALSE, line_error (p, COL_ID, columns[COL_ID], _("the deal number is missing"));
  else if (uncertain || value != floor (value) || value > G_MAXUINT32)
    ok = FALSE, line_error (p, COL_ID, columns[COL_ID], _("“%s” is not a deal number"), field (p, COL_ID));
  d->deal_id = (guint32) value;
  d->supplier = actor_field (p, COL_SUPPLIER);
  d->recipient = actor_field (p, COL_RECIPIENT);
  ok &= d->supplier != G_MAXUINT32 && d->recipient != G_MAXUINT32;
  d->designation = intern_field (p, COL_DESIGNATION);
  d->description = intern_field (p, COL_DESCRIPTION);
  d->category = intern_field (p, COL_CATEGORY);
  d->status = intern_field (p, COL_STATUS);
  if (*d->category == '\0')
    ok = FALSE, line_error (p, COL_CATEGORY, columns[COL_CATEGORY], _("the armament category is empty"));

  ok &= parse_year (p, COL_ORDER, FALSE, &d->order_year, &uncertain);
  ok &= parse_flag (p, COL_ORDER_EST, &flag);
  d->order_estimate = flag || uncertain;
  ok &= parse_number (p, COL_NUMBERS, &value, &given, &uncertain);
  d->numbers = given && value == floor (value) && value < G_MAXINT32 ? (gint32) value : -1;
  ok &= parse_flag (p, COL_NUMBERS_EST, &flag);
  d->numbers_estimate = flag || uncertain;
  ok &= parse_year (p, COL_YEAR, TRUE, &d->year, &uncertain);
  ok &= parse_flag (p, COL_YEAR_EST, &flag);
  d->year_estimate = flag || uncertain;
  ok &= parse_number (p, COL_SIPRI_ESTIMATE, &value, &given, &uncertain);
  ok &= parse_number (p, COL_TIV_UNIT, &value, &given, &uncertain);
  d->tiv_unit = given ? value : NAN;
  ok &= parse_number (p, COL_TIV, &value, &given, &uncertain);
  d->tiv = given ? value : 0;
  d->has_tiv = given;
  ok &= parse_flag (p, COL_LOCAL, &flag);
  d->local_production = flag;
  return ok;
}

static void
handle_data_line (Parser *p, const char *text, gsize len)
{
  StraitsSipriDelivery delivery;
  const char *bad;

  if (len == 0 || (len == 1 && text[0] == ';'))
    return;
  if (!g_utf8_validate (text, (gssize) len, &bad))
    {
      add_problem (p, STRAITS_SEVERITY_ERROR, p->line, (guint) (bad - text) + 1, NULL,
                   _("the line is not valid UTF-8 text"));
      return;
    }
  if (!split_fields (p, text, len))
    return;
  if (p->n_fields != STRAITS_SIPRI_N_COLUMNS)
    {
      g_autofree char *message = g_strdup_printf (_("%u fields where the register has %u"),
                                                  p->n_fields, STRAITS_SIPRI_N_COLUMNS);
      add_problem (p, STRAITS_SEVERITY_ERROR, p->line, 0, NULL, message);
      return;
    }
  if (parse_delivery (p, &delivery) && p->n_errors == 0)
    g_array_append_val (p->reg->deliveries, delivery);
}

/* Is this the header? It is known by its first column; the others must
 * then be SIPRI's, in SIPRI's order. */
static gboolean
handle_header_line (Parser *p, const char *text, gsize len)
{
  static const char first[] = "SIPRI AT Database ID,";

  if (len < sizeof first - 1 || memcmp (text, first, sizeof first - 1) != 0)
    return FALSE;
  if (!split_fields (p, text, len))
    return TRUE;
  for (guint i = 0; i < MAX (p->n_fields, STRAITS_SIPRI_N_COLUMNS); i++)
    {
      const char *found = i < p->n_fields && i < MAX_FIELDS ? field (p, i) : NULL;

      if (i >= STRAITS_SIPRI_N_COLUMNS || found == NULL || !g_str_equal (found, columns[i]))
        {
          g_autofree char *message = NULL;

          if (i >= STRAITS_SIPRI_N_COLUMNS)
            message = g_strdup_printf (_("the header has %u columns; a trade register has %u"),
                                       p->n_fields, STRAITS_SIPRI_N_COLUMNS);
          else if (found == NULL)
            message = g_strdup_printf (_("the header ends before column %u, “%s”"), i + 1, columns[i]);
          else
            message = g_strdup_printf (_("column %u is “%s” where a trade register has “%s”"),
                                       i + 1, found, columns[i]);
          add_problem (p, STRAITS_SEVERITY_ERROR, p->line, i < p->n_fields ? p->columns[MIN (i, MAX_FIELDS - 1)] : 0,
                       NULL, message);
          break;
        }
    }
  return TRUE;
}

/* "Data generated: 12 Feb 2026 12:26:12 PM;" gives "12 Feb 2026". */
static void
handle_preamble_line (Parser *p, const char *text, gsize len)
{
  static const char prefix[] = "Data generated: ";
  g_autofree char *rest = NULL;
  g_auto(GStrv) words = NULL;

  if (len < sizeof prefix - 1 || memcmp (text, prefix, sizeof prefix - 1) != 0 ||
      !g_utf8_validate (text, (gssize) len, NULL))
    return;
  rest = g_strndup (text + sizeof prefix - 1, len - (sizeof prefix - 1));
  g_strdelimit (rest, ";", ' ');
  g_strstrip (rest);
  words = g_strsplit (rest, " ", 4);
  g_free (p->reg->data_as_of);
  p->reg->data_as_of = g_strv_length (words) >= 3 ? g_strjoin (" ", words[0], words[1], words[2], NULL)
                                                 : g_strdup (rest);
}

/* Lines end in CR LF as SIPRI writes them, in LF, or in CR alone. */
static const char *
next_line (const char *pos, const char *end, gsize *len)
{
  const char *stop = pos;

  while (stop < end && *stop != '\r' && *stop != '\n')
    stop++;
  *len = (gsize) (stop - pos);
  if (stop < end && *stop == '\r')
    return stop + 1 < end && stop[1] == '\n' ? stop + 2 : stop + 1;
  return stop < end ? stop + 1 : stop;
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* One warning per unknown name, with the lines it is on. */
static void
report_unmapped (Parser *p)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, p->unmapped);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GArray *lines = g_hash_table_lookup (p->unmapped, name);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;

      g_array_sort (lines, compare_uint);
      for (guint l = 0; l < lines->len && l < 20; l++)
        g_string_append_printf (list, l == 0 ? "%u" : ", %u", g_array_index (lines, guint, l));
      if (lines->len > 20)
        g_string_append_printf (list, _(" and %u more"), lines->len - 20);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” is not a name Straits knows (line %s); it is kept as an actor of its own",
                                              "“%s” is not a name Straits knows (lines %s); it is kept as an actor of its own",
                                              lines->len),
                                 name, list->str);
      add_problem (p, STRAITS_SEVERITY_WARNING, g_array_index (lines, guint, 0), 0, NULL, message);
    }
}

static void
parse (Parser *p, const char *text, gsize size)
{
  const char *pos = text, *end = text + size;
  gboolean in_data = FALSE;

  while (pos < end && !p->stopped)
    {
      gsize len;
      const char *line = pos;

      pos = next_line (pos, end, &len);
      p->line++;
      if (in_data)
        handle_data_line (p, line, len);
      else if (handle_header_line (p, line, len))
        in_data = TRUE;
      else
        handle_preamble_line (p, line, len);
    }
  if (!in_data)
    add_problem (p, STRAITS_SEVERITY_ERROR, 0, 0, NULL,
                 _("no header line (“SIPRI AT Database ID,Supplier,Recipient,…”): "
                   "this is not a SIPRI trade register"));
  else if (p->n_errors == 0 && p->reg->deliveries->len == 0)
    add_problem (p, STRAITS_SEVERITY_ERROR, 0, 0, NULL, _("the register has no deliveries"));
  report_unmapped (p);
}

static void
note_years (StraitsSipriRegister *self)
{
  self->first_year = G_MAXUINT;
  self->last_year = 0;
  for (guint i = 0; i < self->deliveries->len; i++)
    {
      guint year = g_array_index (self->deliveries, StraitsSipriDelivery, i).year;

      self->first_year = MIN (self->first_year, year);
      self->last_year = MAX (self->last_year, year);
    }
}

StraitsSipriRegister *
straits_sipri_register_load_bytes (GBytes      *bytes,
                                   const char  *display_name,
                                   GPtrArray  **diagnostics,
                                   GError     **error)
{
  g_autoptr(StraitsSipriRegister) self = g_object_new (STRAITS_TYPE_SIPRI_REGISTER, NULL);
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  Parser p = { self, display_name, diags };
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  guint n_errors;

  g_return_val_if_fail (bytes != NULL, NULL);

  self->filename = g_strdup (display_name);
  p.unmapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < MAX_FIELDS; i++)
    p.fields[i] = g_string_sized_new (64);
  if (size > STRAITS_SIPRI_MAX_SIZE)
    add_problem (&p, STRAITS_SEVERITY_ERROR, 0, 0, NULL, _("the file is larger than a trade register can be"));
  else
    parse (&p, text ? text : "", size);
  for (guint i = 0; i < MAX_FIELDS; i++)
    g_string_free (p.fields[i], TRUE);
  g_hash_table_unref (p.unmapped);

  n_errors = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);
  if (n_errors > 0)
    {
      const StraitsDiagnostic *first = g_ptr_array_index (diags, 0);
      g_autofree char *line = straits_diagnostic_to_string (first);

      if (n_errors == 1)
        g_set_error_literal (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_INVALID, line);
      else
        g_set_error (error, STRAITS_SIPRI_ERROR, STRAITS_SIPRI_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)", "%s (and %u more errors)", n_errors - 1),
                     line, n_errors - 1);
    }
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&diags);
  if (n_errors > 0)
    return NULL;
  note_years (self);
  return g_steal_pointer (&self);
}

StraitsSipriRegister *
straits_sipri_register_load_file (const char  *filename,
                                  GPtrArray  **diagnostics,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  StraitsSipriRegister *self;

  g_return_val_if_fail (filename != NULL, NULL);

  bytes = read_register_file (filename, error);
  if (bytes == NULL)
    return NULL;
  self = straits_sipri_register_load_bytes (bytes, filename, diagnostics, error);
  return self;
}

/* The object ------------------------------------------------------------------ */

static void
straits_sipri_register_finalize (GObject *object)
{
  StraitsSipriRegister *self = STRAITS_SIPRI_REGISTER (object);

  g_free (self->filename);
  g_free (self->data_as_of);
  g_array_unref (self->actors);
  g_array_unref (self->deliveries);
  g_hash_table_unref (self->actor_by_id);
  g_hash_table_unref (self->actor_by_name);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (straits_sipri_register_parent_class)->finalize (object);
}

static void
straits_sipri_register_class_init (StraitsSipriRegisterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = straits_sipri_register_finalize;
}

static void
straits_sipri_register_init (StraitsSipriRegister *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->actors = g_array_new (FALSE, FALSE, sizeof (StraitsSipriActor));
  self->deliveries = g_array_new (FALSE, FALSE, sizeof (StraitsSipriDelivery));
  self->actor_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->actor_by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
straits_sipri_register_get_filename (StraitsSipriRegister *self)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), NULL);
  return self->filename;
}

const char *
straits_sipri_register_get_data_as_of (StraitsSipriRegister *self)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), NULL);
  return self->data_as_of;
}

char *
straits_sipri_register_citation (StraitsSipriRegister *self)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), NULL);
  if (self->data_as_of == NULL)
    return g_strdup (_("SIPRI Arms Transfers Database, TIV (millions)"));
  /* Translators: SIPRI's terms require the database's name as it is */
  return g_strdup_printf (_("SIPRI Arms Transfers Database, data generated %s, TIV (millions)"), self->data_as_of);
}

guint
straits_sipri_register_get_n_actors (StraitsSipriRegister *self)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), 0);
  return self->actors->len;
}

const StraitsSipriActor *
straits_sipri_register_get_actor (StraitsSipriRegister *self,
                                  guint                 index)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);
  return &g_array_index (self->actors, StraitsSipriActor, index);
}

guint
straits_sipri_register_get_n_deliveries (StraitsSipriRegister *self)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), 0);
  return self->deliveries->len;
}

const StraitsSipriDelivery *
straits_sipri_register_get_delivery (StraitsSipriRegister *self,
                                     guint                 index)
{
  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), NULL);
  g_return_val_if_fail (index < self->deliveries->len, NULL);
  return &g_array_index (self->deliveries, StraitsSipriDelivery, index);
}

void
straits_sipri_register_get_years (StraitsSipriRegister *self,
                                  guint                *first,
                                  guint                *last)
{
  g_return_if_fail (STRAITS_IS_SIPRI_REGISTER (self));
  *first = self->first_year;
  *last = self->last_year;
}

guint32
straits_sipri_register_find_actor (StraitsSipriRegister *self,
                                   const char           *id_or_name)
{
  gpointer found;

  g_return_val_if_fail (STRAITS_IS_SIPRI_REGISTER (self), G_MAXUINT32);
  found = g_hash_table_lookup (self->actor_by_id, id_or_name);
  if (found == NULL)
    found = g_hash_table_lookup (self->actor_by_name, id_or_name);
  return found ? GPOINTER_TO_UINT (found) - 1 : G_MAXUINT32;
}
