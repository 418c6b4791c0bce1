/* straits-sipri-register.h: a SIPRI Arms Transfers Database trade register
 *
 * The CSV file SIPRI's "trade register" export writes: a preamble, a header
 * line, then one line per deal and delivery year. Names are SIPRI's English
 * short names; they are mapped to actor ids (ISO 3166-1 alpha-3 for states)
 * by an exact look-up, never by substrings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STRAITS_SIPRI_ERROR (straits_sipri_error_quark ())

typedef enum {
  STRAITS_SIPRI_ERROR_IO,
  STRAITS_SIPRI_ERROR_TOO_LARGE,
  STRAITS_SIPRI_ERROR_NOT_REGULAR,
  STRAITS_SIPRI_ERROR_INVALID,
} StraitsSipriError;

/* Refused before reading: a full register for every year is about 15 MB. */
#define STRAITS_SIPRI_MAX_SIZE (256u * 1024u * 1024u)
#define STRAITS_SIPRI_MAX_ERRORS 200
#define STRAITS_SIPRI_N_COLUMNS 17

typedef enum {
  STRAITS_SIPRI_STATE,            /* id: ISO 3166-1 alpha-3 */
  STRAITS_SIPRI_HISTORICAL_STATE, /* id: ISO 3166-3's former alpha-3 */
  STRAITS_SIPRI_ORGANISATION,     /* SIPRI marks them "**" */
  STRAITS_SIPRI_NON_STATE,        /* SIPRI marks them "*" */
  STRAITS_SIPRI_UNKNOWN,          /* "unknown supplier(s)", "unknown recipient(s)" */
  STRAITS_SIPRI_UNMAPPED,         /* a name the table does not know */
} StraitsSipriActorKind;

/* Actors that are not states keep their SIPRI name as their id. */
typedef struct {
  const char *id;
  const char *name;
  StraitsSipriActorKind kind;
} StraitsSipriActor;

/* One line of the register: one deal's deliveries in one year. */
typedef struct {
  const char *designation;
  const char *description;
  const char *category;   /* armament category */
  const char *status;     /* "New", "Second hand", … */
  guint32 deal_id;        /* SIPRI AT Database ID */
  guint32 supplier;       /* actor index */
  guint32 recipient;      /* actor index */
  guint32 line;           /* in the file, 1-based */
  gint32 numbers;         /* numbers delivered; -1 when not given */
  guint16 order_year;     /* 0 when not given */
  guint16 year;           /* delivery year */
  double tiv;             /* TIV of the year's deliveries (millions); 0 when empty */
  double tiv_unit;        /* TIV per unit; NAN when empty */
  guint has_tiv : 1;
  guint order_estimate : 1;
  guint numbers_estimate : 1;
  guint year_estimate : 1;
  guint local_production : 1;
} StraitsSipriDelivery;

#define STRAITS_TYPE_SIPRI_REGISTER (straits_sipri_register_get_type ())
G_DECLARE_FINAL_TYPE (StraitsSipriRegister, straits_sipri_register, STRAITS, SIPRI_REGISTER, GObject)

GQuark straits_sipri_error_quark (void);

/* Both return NULL and set @error when the file has any error; every
 * problem found, errors and warnings, is appended to @diagnostics
 * (StraitsDiagnostic) when it is given.
 * (transfer full) (nullable): NULL on error;
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsSipriRegister *straits_sipri_register_load_file  (const char  *filename,
                                                         GPtrArray  **diagnostics,
                                                         GError     **error);
/* (transfer full) (nullable): NULL on error;
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsSipriRegister *straits_sipri_register_load_bytes (GBytes      *bytes,
                                                         const char  *display_name,
                                                         GPtrArray  **diagnostics,
                                                         GError     **error);

/* (transfer none) */
const char *straits_sipri_register_get_filename    (StraitsSipriRegister *self);
/* "12 Feb 2026", from the preamble's "Data generated: …"; NULL when absent.
 * (transfer none) (nullable) */
const char *straits_sipri_register_get_data_as_of  (StraitsSipriRegister *self);
/* "SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)"
 * (transfer full) */
char       *straits_sipri_register_citation        (StraitsSipriRegister *self);

guint                       straits_sipri_register_get_n_actors     (StraitsSipriRegister *self);
/* (transfer none) */
const StraitsSipriActor    *straits_sipri_register_get_actor        (StraitsSipriRegister *self,
                                                                     guint                 index);
guint                       straits_sipri_register_get_n_deliveries (StraitsSipriRegister *self);
/* (transfer none) */
const StraitsSipriDelivery *straits_sipri_register_get_delivery     (StraitsSipriRegister *self,
                                                                     guint                 index);
/* @first, @last: (out) */
void                        straits_sipri_register_get_years        (StraitsSipriRegister *self,
                                                                     guint                *first,
                                                                     guint                *last);
/* By id (an ISO code, or the name of an actor that is not a state), then by
 * SIPRI's name; G_MAXUINT32 when absent. */
guint32                     straits_sipri_register_find_actor       (StraitsSipriRegister *self,
                                                                     const char           *id_or_name);

/* The id the table gives SIPRI's @name, or NULL when it has none (then
 * the name is its own id).
 * (transfer none) (nullable): a static id, NULL for a name the table does
 * not know; @kind: (out) (optional) */
const char *straits_sipri_map_name (const char            *name,
                                    StraitsSipriActorKind *kind);

G_END_DECLS
