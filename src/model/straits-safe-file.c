/* straits-safe-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "straits-safe-file.h"

#define MAX_LINK_HOPS 40

static gboolean
refuse (GError     **error,
        GIOErrorEnum code,
        const char  *path,
        const char  *reason)
{
  g_set_error (error, G_IO_ERROR, code, _("Cannot read “%s”: %s"), path, reason);
  return FALSE;
}

static gboolean
refuse_errno (GError **error, const char *path, int saved_errno)
{
  return refuse (error, g_io_error_from_errno (saved_errno), path, g_strerror (saved_errno));
}

static gboolean
refuse_too_large (GError **error, const char *path, gsize max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *reason = g_strdup_printf (_("it is larger than %s"), limit);

  return refuse (error, G_IO_ERROR_MESSAGE_TOO_LARGE, path, reason);
}

/* The checks on what was opened: never on the name, which may have been
 * replaced since. */
static gboolean
check_opened (int fd, const char *path, gsize max_size, gsize *size, GError **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    return refuse_errno (error, path, errno);
  if (S_ISDIR (st.st_mode))
    return refuse (error, G_IO_ERROR_IS_DIRECTORY, path, _("it is a folder"));
  if (!S_ISREG (st.st_mode))
    return refuse (error, G_IO_ERROR_NOT_REGULAR_FILE, path,
                   _("it is not a regular file (pipes, devices and sockets are not read)"));
  if ((guint64) st.st_size > max_size)
    return refuse_too_large (error, path, max_size);
  *size = (gsize) st.st_size;
  return TRUE;
}

/* Reads to the end, but never more than @max_size bytes: the file may grow
 * while it is read. */
static char *
read_bounded (int fd, const char *path, gsize expected, gsize max_size, gsize *length, GError **error)
{
  gsize capacity = MIN (expected, max_size) + 1, used = 0;
  g_autofree char *data = g_malloc (capacity + 1);

  while (TRUE)
    {
      gssize n;

      if (used == capacity)
        {
          if (used > max_size)
            {
              refuse_too_large (error, path, max_size);
              return NULL;
            }
          capacity = MIN (MAX (capacity * 2, 4096), max_size + 1);
          data = g_realloc (data, capacity + 1);
        }
      n = read (fd, data + used, capacity - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          refuse_errno (error, path, errno);
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  if (used > max_size)
    {
      refuse_too_large (error, path, max_size);
      return NULL;
    }
  data[used] = '\0';
  *length = used;
  return g_steal_pointer (&data);
}

/* Opens @path as straits_safe_file_read() says; -1 with @error set. */
static int
open_checked (const char *path, gsize max_size, StraitsSafeFileFlags flags, gsize *size, GError **error)
{
  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  int open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  int fd;

  if (flags & STRAITS_SAFE_FILE_NO_FOLLOW)
    open_flags |= O_NOFOLLOW;
  do
    fd = open (path, open_flags);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP && (flags & STRAITS_SAFE_FILE_NO_FOLLOW))
        refuse (error, G_IO_ERROR_TOO_MANY_LINKS, path,
                _("it is a symbolic link, which is not followed here"));
      else
        refuse_errno (error, path, saved);
      return -1;
    }
  if (!check_opened (fd, path, max_size, size, error))
    {
      close (fd);
      return -1;
    }
  return fd;
}

GBytes *
straits_safe_file_read (const char            *path,
                        gsize                  max_size,
                        StraitsSafeFileFlags   flags,
                        GError               **error)
{
  gboolean mapped;

  return straits_safe_file_read_or_map (path, max_size, G_MAXSIZE, flags, &mapped, error);
}

GBytes *
straits_safe_file_read_or_map (const char            *path,
                               gsize                  max_size,
                               gsize                  map_from,
                               StraitsSafeFileFlags   flags,
                               gboolean              *mapped,
                               GError               **error)
{
  gsize expected = 0, length = 0;
  int fd;
  char *data;

  g_return_val_if_fail (path != NULL && mapped != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE - 1, NULL);

  *mapped = FALSE;
  fd = open_checked (path, max_size, flags, &expected, error);
  if (fd < 0)
    return NULL;
  if (expected >= map_from && expected > 0)
    {
      g_autoptr(GError) map_error = NULL;
      g_autoptr(GMappedFile) map = g_mapped_file_new_from_fd (fd, FALSE, &map_error);
      g_autoptr(GBytes) whole = NULL;

      close (fd);
      if (map == NULL)
        {
          /* GLib's message has no name for a descriptor. */
          refuse (error, G_IO_ERROR_FAILED, path, map_error->message);
          return NULL;
        }
      *mapped = TRUE;
      whole = g_mapped_file_get_bytes (map);
      /* The size checked is the size mapped: a file grown since is cut. */
      return g_bytes_new_from_bytes (whole, 0, MIN (expected, g_bytes_get_size (whole)));
    }
  data = read_bounded (fd, path, expected, max_size, &length, error);
  close (fd);
  return data ? g_bytes_new_take (data, length) : NULL;
}

/* Guarded reads ---------------------------------------------------------- */

static __thread sigjmp_buf *guard_jump;

static void
on_bus_error (int signal_number, siginfo_t *info, void *context)
{
  (void) info;
  (void) context;
  if (guard_jump != NULL)
    siglongjmp (*guard_jump, 1);
  /* Not a guarded read: the default action, once the access is retried. */
  signal (signal_number, SIG_DFL);
}

static gpointer
install_bus_handler (gpointer unused)
{
  struct sigaction action = { 0 };

  (void) unused;
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset (&action.sa_mask);
  sigaction (SIGBUS, &action, NULL);
  return NULL;
}

gboolean
straits_safe_file_run_guarded (void     (*func) (gpointer data),
                               gpointer   data)
{
  static GOnce installed = G_ONCE_INIT;
  sigjmp_buf jump;

  g_return_val_if_fail (func != NULL && guard_jump == NULL, FALSE);
  g_once (&installed, install_bus_handler, NULL);
  if (sigsetjmp (jump, 1) != 0)
    {
      guard_jump = NULL;
      return FALSE;
    }
  guard_jump = &jump;
  func (data);
  guard_jump = NULL;
  return TRUE;
}

char *
straits_safe_file_write_target (const char *path)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  for (guint hop = 0; hop < MAX_LINK_HOPS; hop++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (link == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_canonicalize_filename (link, dir);
    }
  return g_steal_pointer (&current);
}

/* @dir exists as a folder of this user's, mode 0700, not a link. */
static gboolean
own_private_dir (const char *dir, GError **error)
{
  struct stat st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (lstat (dir, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != geteuid ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is not a folder of this user's own: nothing is written there"), dir);
      return FALSE;
    }
  if ((st.st_mode & 0777) != 0700 && chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot make the folder “%s” private: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
straits_safe_file_write_private (const char    *dir,
                                 const char    *name,
                                 const void    *data,
                                 gsize          length,
                                 GError       **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd, saved = 0;

  if (!own_private_dir (dir, error))
    return FALSE;
  fd = g_mkstemp_full (temp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    saved = errno;
  else if ((errno = 0, !write_all (fd, data, length)) || fsync (fd) != 0)
    saved = errno ? errno : EIO;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (temp, path) != 0)
    saved = errno;
  if (saved != 0)
    {
      if (fd >= 0)
        g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
