/* straits-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "straits-session.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_APPLICATION (straits_application_get_type ())
G_DECLARE_FINAL_TYPE (StraitsApplication, straits_application, STRAITS, APPLICATION, AdwApplication)

/* (transfer full) */
StraitsApplication *straits_application_new (void);
/* What the application holds (created on first use). (transfer none) */
StraitsSession     *straits_application_get_session (StraitsApplication *self);

/* Work in a thread that must end before the process does; quitting waits
 * until each hold is released. */
void straits_application_hold_work    (StraitsApplication *self);
void straits_application_release_work (StraitsApplication *self);

G_END_DECLS
