/* straits-graph-export.h: a dataset's actors and relations as a graph file
 *
 * For network tools (Gephi, networkx, Cytoscape): the actors are nodes and
 * the relations edges. docs/diff-and-graphs.md describes both formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_GRAPH_GEXF,  /* GEXF 1.3, .gexf */
  STRAITS_GRAPH_JGF,   /* JSON Graph Format v2, .json */
} StraitsGraphFormat;

gboolean straits_graph_format_from_filename (const char          *filename,
                                             StraitsGraphFormat  *format,
                                             GError             **error);

/* Whether the relation's edge has a direction: its type names roles and
 * the relation is not mutual. */
gboolean straits_relation_is_directed       (StraitsDataset        *dataset,
                                             const StraitsRelation *relation);

/* The whole file as text (UTF-8); @creator names the program in GEXF's
 * <meta>. (transfer full) */
char    *straits_graph_to_gexf              (StraitsDataset     *dataset,
                                             const char         *creator);
/* (transfer full) */
char    *straits_graph_to_jgf               (StraitsDataset     *dataset);

G_END_DECLS
