/* straits-map-flows.h: arms transfers drawn on the map as directed arcs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-map-renderer.h"

G_BEGIN_DECLS

/* One flow of arms from one actor to another over a period. The ends are
 * actor ids of the dataset, or ISO 3166-1 alpha-3 codes of states. */
typedef struct {
  char *from;
  char *to;
  char *label;      /* the flow's text on the map, e.g. "Germany 835.9"; may be NULL */
  double tiv;       /* SIPRI TIV, millions: the arc's width */
  gboolean label_at_recipient; /* the label by the recipient's end, else the supplier's */
} StraitsMapFlow;

void   straits_map_flow_clear               (StraitsMapFlow     *flow);

/* Replaces the flows drawn (a copy of @flows is kept); @legend is the
 * legend's entry for them, e.g. "Arms transfers 2015–2019 (SIPRI TIV)". */
void   straits_map_renderer_set_flows       (StraitsMapRenderer  *self,
                                             const StraitsMapFlow *flows,
                                             guint                n_flows,
                                             const char          *legend);
/* Flows the last draw showed. */
guint  straits_map_renderer_get_n_drawn_flows (StraitsMapRenderer *self);

G_END_DECLS
