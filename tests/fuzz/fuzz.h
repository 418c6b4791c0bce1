/* fuzz.h: the entry point each harness defines, for libFuzzer and for
 * fuzz-replay (which runs the committed corpus in the normal suite)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
