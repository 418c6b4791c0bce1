/* straits-dlopen-private.h: how PROJ and GEOS are opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <dlfcn.h>

/* PROJ and GEOS bind their symbols in their own dependencies first
 * (RTLD_DEEPBIND), not in the whole process's: each of PROJ's relocations
 * was looked up through GTK's hundred libraries before reaching
 * libstdc++ or libcurl, and opening it took 9.4 ms, against 4.8 ms so
 * (issue 20). The start's first frame came 7 ms sooner (medians of 25
 * starts each, in turn): opening PROJ in the thread that reads the
 * dataset also slowed GTK's set-up on the main thread. Neither library
 * shares anything with the rest of the process that binding could split
 * (Straits frees nothing they allocate). The sanitizers, which replace
 * malloc for the whole process, refuse deep binding: their builds bind
 * as usual. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STRAITS_DLOPEN_BINDS_DEEP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define STRAITS_DLOPEN_BINDS_DEEP 0
#endif
#endif
#ifndef STRAITS_DLOPEN_BINDS_DEEP
#define STRAITS_DLOPEN_BINDS_DEEP 1
#endif

#if STRAITS_DLOPEN_BINDS_DEEP && defined(RTLD_DEEPBIND)
#define STRAITS_DLOPEN_FLAGS (RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND)
#else
#define STRAITS_DLOPEN_FLAGS (RTLD_LAZY | RTLD_LOCAL)
#endif
