/* straits-country-names.h: countries' names in the interface's language
 *
 * From the iso-codes package's gettext catalogues (domain "iso_3166-1"),
 * as GNOME applications translate country names. English stays as the
 * dataset or the basemap gives it (the EU's short names).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The short name of the country with ISO 3166-1 alpha-3 @code in the
 * interface's language, or NULL when the interface is in English, the
 * code is unknown or no translation reads as a short name. Thread-safe;
 * the string lives as long as the process.
 * (transfer none) (nullable); @code: (nullable) */
const char *straits_country_name_translated (const char *code);

G_END_DECLS
