/* straits-geos.c: GEOS's functions, looked up once (see
 * straits-geos-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define STRAITS_GEOS_LOADER
#include "config.h"

#ifdef STRAITS_GEOS_SONAME
#include "straits-dlopen-private.h"
#endif

#include "straits-geos-private.h"

StraitsGeosFunctions straits_geos;

#define STRAITS_GEOS_LOOK_UP(name) \
  if ((*(void **) &straits_geos.name = dlsym (library, #name)) == NULL) \
    g_error ("GEOS has no %s: %s", #name, dlerror ());
#define STRAITS_GEOS_TAKE(name) straits_geos.name = name;

void
straits_geos_load (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
#ifdef STRAITS_GEOS_SONAME
      /* A bare soname: dlopen() searches the system's library paths only. */
      void *library = dlopen (STRAITS_GEOS_SONAME, STRAITS_DLOPEN_FLAGS);

      if (library == NULL)
        g_error ("GEOS could not be opened: %s", dlerror ());
      STRAITS_GEOS_FUNCTIONS (STRAITS_GEOS_LOOK_UP)
#else
      STRAITS_GEOS_FUNCTIONS (STRAITS_GEOS_TAKE)
#endif
      g_once_init_leave (&loaded, 1);
    }
}
