/* straits-map-flows.h: arms transfers drawn on the map as directed curves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-map-renderer.h"

G_BEGIN_DECLS

/* StraitsMapFlow and the flows shown are the scene's
 * (straits_map_scene_set_flows). */

/* Flows the last draw showed. */
guint  straits_map_renderer_get_n_drawn_flows (StraitsMapRenderer *self);

G_END_DECLS
