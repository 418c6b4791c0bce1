/* straits-cli-arms.h: the arms-transfer commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-arms-chart.h"

G_BEGIN_DECLS

StraitsSipriRegister *straits_cli_arms_load_register (GVariantDict         *options,
                                                      GError              **error);
gboolean              straits_cli_arms_filter   (StraitsSipriRegister *reg,
                                                 GVariantDict         *options,
                                                 StraitsArmsFilter    *filter,
                                                 guint32              *actor,
                                                 StraitsArmsBy        *by,
                                                 GError              **error);
char                 *straits_cli_arms_title    (StraitsSipriRegister    *reg,
                                                 const StraitsArmsFilter *filter,
                                                 guint32                  actor,
                                                 StraitsArmsBy            by);
int                   straits_cli_arms_report   (GVariantDict         *options);
StraitsArmsChart     *straits_cli_arms_chart    (StraitsSipriRegister    *reg,
                                                 const StraitsArmsFilter *filter,
                                                 guint32                  actor,
                                                 StraitsArmsBy            by,
                                                 guint                    max_rows);
int                   straits_cli_arms_export_chart (GVariantDict     *options);

G_END_DECLS
