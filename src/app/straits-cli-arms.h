/* straits-cli-arms.h: the arms-transfer commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-arms-chart.h"

G_BEGIN_DECLS

/* (transfer full) (nullable): NULL on error */
StraitsSipriRegister *straits_cli_arms_load_register (GVariantDict         *options,
                                                      GError              **error);
/* @filter, @actor, @by: (out) */
gboolean              straits_cli_arms_filter   (StraitsSipriRegister *reg,
                                                 GVariantDict         *options,
                                                 StraitsArmsFilter    *filter,
                                                 guint32              *actor,
                                                 StraitsArmsBy        *by,
                                                 GError              **error);
/* (transfer full) */
char                 *straits_cli_arms_title    (StraitsSipriRegister    *reg,
                                                 const StraitsArmsFilter *filter,
                                                 guint32                  actor,
                                                 StraitsArmsBy            by);
int                   straits_cli_arms_report   (GVariantDict         *options);
/* (transfer full) */
StraitsArmsChart     *straits_cli_arms_chart    (StraitsSipriRegister    *reg,
                                                 const StraitsArmsFilter *filter,
                                                 guint32                  actor,
                                                 StraitsArmsBy            by,
                                                 guint                    max_rows);
int                   straits_cli_arms_export_chart (GVariantDict     *options);

G_END_DECLS
