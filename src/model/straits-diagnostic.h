/* straits-diagnostic.h: one problem found in a dataset, with its place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bytes of a key or string that a message quotes, at most. */
#define STRAITS_DIAGNOSTIC_MAX_QUOTE 64

typedef enum {
  STRAITS_SEVERITY_ERROR,
  STRAITS_SEVERITY_WARNING,
} StraitsSeverity;

typedef struct {
  StraitsSeverity severity;
  char *file;     /* as the user named it */
  guint line;     /* 1-based; 0 when unknown */
  guint column;   /* 1-based; 0 when unknown */
  char *path;     /* JSON path such as "relations[12].to"; NULL for the whole file */
  char *message;  /* plain text, never markup */
} StraitsDiagnostic;

/* (transfer full) */
StraitsDiagnostic *straits_diagnostic_new      (StraitsSeverity          severity,
                                                const char              *file,
                                                const char              *path,
                                                const char              *message);
void               straits_diagnostic_free     (StraitsDiagnostic       *diagnostic);
/* (transfer full) */
char              *straits_diagnostic_to_string (const StraitsDiagnostic *diagnostic);
/* (transfer full) */
char              *straits_diagnostic_excerpt  (const char              *text,
                                                gsize                    max_bytes);
guint              straits_diagnostics_count   (GPtrArray               *diagnostics,
                                                StraitsSeverity          severity);
/* The edit distance of two short words, letters compared case-folded, or
 * G_MAXUINT for words longer than 64 bytes; for "did you mean …?". */
guint              straits_edit_distance       (const char              *a,
                                                const char              *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsDiagnostic, straits_diagnostic_free)

G_END_DECLS
