/* straits-safe-file.h: reading a file that someone else may replace
 *
 * Datasets, bookmarks and caches are files a user or another program can
 * swap for a FIFO, a device, a symbolic link or a huge file at any time,
 * also between a check and the read. So the file is opened once, without
 * blocking, and everything is checked on the open descriptor: a regular
 * file, not larger than a limit, read to its end under that limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  STRAITS_SAFE_FILE_FOLLOW_LINKS = 0,
  STRAITS_SAFE_FILE_NO_FOLLOW    = 1 << 0, /* a symbolic link is refused (caches) */
} StraitsSafeFileFlags;

/* The contents of @path, at most @max_size bytes, or NULL with an error in
 * G_IO_ERROR that names the path and the reason: NOT_FOUND,
 * PERMISSION_DENIED, IS_DIRECTORY, NOT_REGULAR_FILE, TOO_MANY_LINKS (a
 * link refused), MESSAGE_TOO_LARGE, or another errno code. The data is
 * followed by a NUL byte that the length does not count.
 * (transfer full) (nullable): NULL on error */
GBytes *straits_safe_file_read (const char            *path,
                                gsize                  max_size,
                                StraitsSafeFileFlags   flags,
                                GError               **error);

/* As straits_safe_file_read(), with the same checks on the descriptor,
 * but a file of @map_from bytes or more is mapped into memory rather than
 * read (*@mapped is then TRUE): its pages are the page cache's, and a
 * reader may give back those it has read (madvise MADV_DONTNEED) to keep
 * its memory to what it builds. A page past the end of a file truncated
 * since is an error (SIGBUS): read it within straits_safe_file_run_guarded().
 * No NUL byte follows a mapped file's data.
 * @mapped: (out); (transfer full) (nullable): NULL on error */
GBytes *straits_safe_file_read_or_map (const char            *path,
                                       gsize                  max_size,
                                       gsize                  map_from,
                                       StraitsSafeFileFlags   flags,
                                       gboolean              *mapped,
                                       GError               **error);

/* Runs @func (@data) where a read of a mapped file that has been
 * truncated since (SIGBUS) ends @func rather than the process: FALSE
 * then, and what @func had allocated is lost. Only the calling thread is
 * guarded; calls do not nest. */
gboolean straits_safe_file_run_guarded (void     (*func) (gpointer data),
                                        gpointer   data);

/* The path a write to @path should replace so that a symbolic link stays
 * a link: its final target (which may not exist yet), else @path.
 * (transfer full) */
char   *straits_safe_file_write_target (const char *path);

/* Writes @data as @name in @dir, a folder of Straits' own: it is made
 * (mode 0700) when missing and refused when it is a link or belongs to
 * someone else. The data goes to a new temporary file (O_EXCL, O_NOFOLLOW,
 * mode 0600), synced, then renamed over @name, which replaces a link
 * there instead of writing through it. */
gboolean straits_safe_file_write_private (const char    *dir,
                                          const char    *name,
                                          const void    *data,
                                          gsize          length,
                                          GError       **error);

G_END_DECLS
