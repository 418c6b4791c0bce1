/* straits-projection-private.h: how a projection is set up, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <proj.h>
#include <glib.h>

#include "straits-projection.h"

G_BEGIN_DECLS

/* The PROJ string the atlas uses for a CRS code it knows, or NULL. */
const char *_straits_projection_known_string (const char *definition);

/* WGS84 lon/lat in degrees → @definition (x, y); through PROJ's database
 * when @through_database, else as a pipeline where the definition allows.
 * @from_pipeline: (out) (optional): whether it was built as a pipeline.
 * (transfer full) (nullable) */
PJ *_straits_projection_create (PJ_CONTEXT *ctx,
                                const char *definition,
                                gboolean    through_database,
                                gboolean   *from_pipeline);

/* Whether PROJ has been set up for @self: a projection made from its
 * memo is not, until it needs an answer the memo does not hold. */
gboolean _straits_projection_is_set_up (StraitsProjection *self);

G_END_DECLS
