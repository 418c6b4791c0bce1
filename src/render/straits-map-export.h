/* straits-map-export.h: the old name of straits-export.h
 *
 * Kept only for src/widgets/straits-arms-page.c, which another change is
 * restructuring at the same time: delete this file once that includes
 * straits-export.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-export.h"
