/* straits-projection-memo.c: a projection's answers, kept for the next start
 *
 * Projecting the first view at start took 13-25 ms of the thread that
 * reads the dataset, on the way to the first frame (issue 20): opening
 * PROJ and the 40 libraries it brings and setting the projection up,
 * 6-8 ms, and the 1:10m basemap's 154 722 points with their boxes,
 * 16-20 ms. A start after the first reads them back instead, in 2-5 ms.
 *
 * The memo is a GVariant in the user's cache folder, one file for each
 * projection definition. It is read only when written for the same
 * definition by the same PROJ library file (its size and time, in the
 * identity), and an array only for the same input, bit for bit: an array
 * is keyed by 128 bits of hash over its lon, lat values and its length,
 * a point by its lon, lat themselves. A file that does not parse as the
 * type, or is for something else, is ignored and replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "straits-safe-file.h"
#include "straits-projection-memo-private.h"

/* Bump when the file's layout or meaning changes. */
#define MEMO_FORMAT "straits-projection-memo-1"
/* Format, identity, hash of the content, points, arrays. */
#define MEMO_TYPE "(ssta(dddd)a(ttad))"
/* The limit of every cache file (README, "Files Straits reads and keeps"). */
#define MAX_MEMO_SIZE (64u << 20)
/* Points one by one (labels, actors, events): what one run adds at most,
 * and what a file keeps at most, those added in the run first. */
#define MAX_POINTS 65536
/* Arrays' points one run adds at most (a basemap has up to 155 000). */
#define MAX_FRESH_ARRAY_POINTS (1u << 20)
/* Arrays a file keeps at most: those added or used in the run that
 * writes it first, so that arrays of an older basemap fall off. */
#define MAX_KEPT_ARRAYS 4
/* Memo files kept in the folder: one a definition, the oldest removed. */
#define MAX_MEMO_FILES 16

typedef struct {
  StraitsMemoKey key;
  const double *xy;
  double *owned;          /* what xy points to, computed in this run */
  GVariant *kept;         /* what xy points into, read from the file */
  gint used;              /* read back in this run (atomic) */
} MemoArray;

struct _StraitsProjectionMemo
{
  char *path;
  char *identity;
  GVariant *loaded;       /* the points read, which the table points into, or NULL */
  GHashTable *points;     /* const double[4] (lon, lat, x, y) → itself; read only once loaded */
  GArray *arrays;         /* MemoArray; read only once loaded */

  GMutex lock;            /* guards what follows */
  GHashTable *fresh_points;
  GArray *fresh_arrays;
  gsize fresh_array_points;
};

static guint
point_hash (gconstpointer key)
{
  guint64 bits[2];

  memcpy (bits, key, sizeof bits);
  bits[0] ^= bits[1] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (bits[0] ^ (bits[0] >> 32));
}

static gboolean
point_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, 2 * sizeof (double)) == 0;
}

static inline guint64
rotl (guint64 v, int k)
{
  return (v << k) | (v >> (64 - k));
}

static guint64
fmix (guint64 k)
{
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  return k ^ (k >> 33);
}

/* Two independent 64-bit lanes over values' bits: 0.3 ms for the 1:10m
 * basemap, where a cryptographic checksum took 5 ms. The memo is the
 * user's own file, read back for the user's own input: the hash guards
 * against change and damage, not against an adversary. */
typedef struct {
  guint64 a, b;
} Hasher;

static void
hasher_init (Hasher *h, guint64 seed)
{
  h->a = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ seed;
  h->b = G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F) + seed;
}

static inline void
hasher_add_word (Hasher *h, guint64 w)
{
  h->a = rotl (h->a ^ w, 27) * G_GUINT64_CONSTANT (0x87c37b91114253d5);
  h->b = rotl (h->b + w, 31) * G_GUINT64_CONSTANT (0x4cf5ad432745937f);
}

static void
hasher_add (Hasher *h, const double *values, gsize n_values)
{
  for (gsize i = 0; i < n_values; i++)
    {
      guint64 w;

      memcpy (&w, &values[i], sizeof w);
      hasher_add_word (h, w);
    }
}

static void
array_key (const double *xy, gsize n_points, StraitsMemoKey *key)
{
  Hasher h;

  hasher_init (&h, 2 * n_points);
  hasher_add (&h, xy, 2 * n_points);
  key->h1 = fmix (h.a);
  key->h2 = fmix (h.b ^ h.a);
  key->n_points = n_points;
}

/* Over everything a memo holds: a damaged file is not read. */
static guint64
hash_content (GVariant *points, GVariant *arrays)
{
  gsize n_values = 0, n_arrays = g_variant_n_children (arrays);
  const double *values = g_variant_get_fixed_array (points, &n_values, 4 * sizeof (double));
  Hasher h;

  hasher_init (&h, n_values);
  hasher_add (&h, values, 4 * n_values);
  for (gsize i = 0; i < n_arrays; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (arrays, i);
      g_autoptr(GVariant) xy = g_variant_get_child_value (entry, 2);
      guint64 h1, h2;
      gsize n = 0;
      const double *out = g_variant_get_fixed_array (xy, &n, sizeof (double));

      g_variant_get (entry, "(tt@ad)", &h1, &h2, NULL);
      hasher_add_word (&h, h1);
      hasher_add_word (&h, h2);
      hasher_add_word (&h, n);
      hasher_add (&h, out, n);
    }
  return fmix (h.a) ^ fmix (h.b);
}

StraitsProjectionMemo *
_straits_projection_memo_new (const char *path,
                              const char *identity)
{
  StraitsProjectionMemo *memo = g_new0 (StraitsProjectionMemo, 1);

  memo->path = g_strdup (path);
  memo->identity = g_strdup (identity);
  memo->points = g_hash_table_new (point_hash, point_equal);
  memo->arrays = g_array_new (FALSE, FALSE, sizeof (MemoArray));
  memo->fresh_points = g_hash_table_new_full (point_hash, point_equal, g_free, NULL);
  memo->fresh_arrays = g_array_new (FALSE, FALSE, sizeof (MemoArray));
  g_mutex_init (&memo->lock);
  return memo;
}

static void
index_loaded (StraitsProjectionMemo *memo, GVariant *points, GVariant *arrays)
{
  gsize n_values = 0, n_arrays = g_variant_n_children (arrays);
  const double *values = g_variant_get_fixed_array (points, &n_values, 4 * sizeof (double));

  for (gsize i = 0; i < n_values; i++)
    g_hash_table_add (memo->points, (gpointer) (values + 4 * i));
  for (gsize i = 0; i < n_arrays; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (arrays, i);
      MemoArray a = { 0 };
      gsize n = 0;

      /* xy points into a.kept, held as long as the memo. */
      g_variant_get (entry, "(tt@ad)", &a.key.h1, &a.key.h2, &a.kept);
      a.xy = g_variant_get_fixed_array (a.kept, &n, sizeof (double));
      a.key.n_points = n / 2;
      g_array_append_val (memo->arrays, a);
    }
}

StraitsProjectionMemo *
_straits_projection_memo_load (const char *path,
                               const char *identity)
{
  g_autoptr(GBytes) bytes = straits_safe_file_read (path, MAX_MEMO_SIZE, STRAITS_SAFE_FILE_NO_FOLLOW, NULL);

  return bytes != NULL ? _straits_projection_memo_from_bytes (bytes, path, identity) : NULL;
}

GVariant *
_straits_projection_memo_seal (GVariant   *points,
                               GVariant   *arrays,
                               const char *identity)
{
  return g_variant_ref_sink (g_variant_new ("(sst@a(dddd)@a(ttad))", MEMO_FORMAT, identity,
                                            hash_content (points, arrays), points, arrays));
}

StraitsProjectionMemo *
_straits_projection_memo_from_bytes (GBytes     *bytes,
                                     const char *path,
                                     const char *identity)
{
  g_autoptr(GVariant) loaded = NULL, points = NULL, arrays = NULL;
  const char *format, *written_for;
  StraitsProjectionMemo *memo;
  guint64 sum;

  /* Not trusted: a damaged file reads as default values, never past its end. */
  loaded = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEMO_TYPE), bytes, FALSE));
  g_variant_get (loaded, "(&s&st@a(dddd)@a(ttad))", &format, &written_for, &sum, &points, &arrays);
  if (!g_str_equal (format, MEMO_FORMAT) || !g_str_equal (written_for, identity) ||
      hash_content (points, arrays) != sum)
    return NULL;
  memo = _straits_projection_memo_new (path, identity);
  memo->loaded = g_variant_ref (points);
  index_loaded (memo, points, arrays);
  return memo;
}

static void
memo_array_clear (gpointer data)
{
  MemoArray *a = data;

  g_free (a->owned);
  g_clear_pointer (&a->kept, g_variant_unref);
}

void
_straits_projection_memo_free (StraitsProjectionMemo *memo)
{
  if (memo == NULL)
    return;
  g_hash_table_unref (memo->points);
  g_array_set_clear_func (memo->arrays, memo_array_clear);
  g_array_unref (memo->arrays);
  g_clear_pointer (&memo->loaded, g_variant_unref);
  g_hash_table_unref (memo->fresh_points);
  g_array_set_clear_func (memo->fresh_arrays, memo_array_clear);
  g_array_unref (memo->fresh_arrays);
  g_mutex_clear (&memo->lock);
  g_free (memo->identity);
  g_free (memo->path);
  g_free (memo);
}

gboolean
_straits_projection_memo_point (StraitsProjectionMemo *memo,
                                double                 lon,
                                double                 lat,
                                double                *x,
                                double                *y)
{
  const double key[2] = { lon, lat };
  const double *found = g_hash_table_lookup (memo->points, key);

  if (found == NULL)
    return FALSE;
  *x = found[2];
  *y = found[3];
  return TRUE;
}

static const MemoArray *
find_array (GArray *arrays, const StraitsMemoKey *key)
{
  for (guint i = 0; i < arrays->len; i++)
    {
      const MemoArray *a = &g_array_index (arrays, MemoArray, i);

      if (a->key.h1 == key->h1 && a->key.h2 == key->h2 && a->key.n_points == key->n_points)
        return a;
    }
  return NULL;
}

gboolean
_straits_projection_memo_array (StraitsProjectionMemo *memo,
                                double                *xy,
                                gsize                  n_points,
                                StraitsMemoKey        *key)
{
  const MemoArray *found;

  array_key (xy, n_points, key);
  if ((found = find_array (memo->arrays, key)) == NULL)
    return FALSE;
  memcpy (xy, found->xy, 2 * n_points * sizeof (double));
  g_atomic_int_set ((gint *) &found->used, TRUE);
  return TRUE;
}

void
_straits_projection_memo_add_point (StraitsProjectionMemo *memo,
                                    double                 lon,
                                    double                 lat,
                                    double                 x,
                                    double                 y)
{
  const double entry[4] = { lon, lat, x, y };

  g_mutex_lock (&memo->lock);
  if (g_hash_table_size (memo->fresh_points) < MAX_POINTS &&
      !g_hash_table_contains (memo->fresh_points, entry))
    g_hash_table_add (memo->fresh_points, g_memdup2 (entry, sizeof entry));
  g_mutex_unlock (&memo->lock);
}

void
_straits_projection_memo_add_array (StraitsProjectionMemo *memo,
                                    const StraitsMemoKey  *key,
                                    const double          *xy)
{
  MemoArray a = { .key = *key };

  g_mutex_lock (&memo->lock);
  if (memo->fresh_array_points + key->n_points <= MAX_FRESH_ARRAY_POINTS &&
      find_array (memo->fresh_arrays, key) == NULL && find_array (memo->arrays, key) == NULL)
    {
      a.xy = a.owned = g_memdup2 (xy, 2 * key->n_points * sizeof (double));
      g_array_append_val (memo->fresh_arrays, a);
      memo->fresh_array_points += key->n_points;
    }
  g_mutex_unlock (&memo->lock);
}

static void
add_points (GVariantBuilder *points, GHashTable *table, guint *room)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  for (; *room > 0 && g_hash_table_iter_next (&iter, &key, NULL); (*room)--)
    {
      const double *p = key;

      g_variant_builder_add (points, "(dddd)", p[0], p[1], p[2], p[3]);
    }
}

/* Adds @from's arrays whose use is @used (any, when -1). */
static void
add_arrays (GVariantBuilder *arrays, GArray *from, int used, guint *room)
{
  for (guint i = 0; *room > 0 && i < from->len; i++)
    {
      const MemoArray *a = &g_array_index (from, MemoArray, i);

      if (used >= 0 && (g_atomic_int_get (&a->used) != 0) != (used != 0))
        continue;
      g_variant_builder_add (arrays, "(tt@ad)", a->key.h1, a->key.h2,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, a->xy, 2 * a->key.n_points,
                                                        sizeof (double)));
      (*room)--;
    }
}

/* Called with the lock held. What this run added or used goes first. */
static GVariant *
memo_to_variant_locked (StraitsProjectionMemo *memo)
{
  g_autoptr(GVariant) points = NULL, arrays = NULL;
  GVariantBuilder builder;
  guint room = MAX_POINTS;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dddd)"));
  add_points (&builder, memo->fresh_points, &room);
  add_points (&builder, memo->points, &room);
  points = g_variant_ref_sink (g_variant_builder_end (&builder));
  room = MAX_KEPT_ARRAYS;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ttad)"));
  add_arrays (&builder, memo->fresh_arrays, -1, &room);
  add_arrays (&builder, memo->arrays, TRUE, &room);
  add_arrays (&builder, memo->arrays, FALSE, &room);
  arrays = g_variant_ref_sink (g_variant_builder_end (&builder));
  return _straits_projection_memo_seal (points, arrays, memo->identity);
}

GVariant *
_straits_projection_memo_contents (StraitsProjectionMemo *memo)
{
  GVariant *v;

  g_mutex_lock (&memo->lock);
  v = memo_to_variant_locked (memo);
  g_mutex_unlock (&memo->lock);
  return v;
}

typedef struct {
  gint64 mtime;
  char *path;
} MemoFile;

static void
memo_file_free (gpointer data)
{
  g_free (((MemoFile *) data)->path);
  g_free (data);
}

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  const MemoFile *fa = *(MemoFile * const *) a, *fb = *(MemoFile * const *) b;

  return (fb->mtime > fa->mtime) - (fb->mtime < fa->mtime);
}

/* Other definitions' memos beyond the newest MAX_MEMO_FILES are removed
 * (a memo read back is touched as it is saved, see below):
 * a dataset of its own box brings a definition of its own. */
static void
remove_oldest_memos (const char *dirname)
{
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (memo_file_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, "projection-") || !g_str_has_suffix (name, ".gvariant"))
        continue;
      path = g_build_filename (dirname, name, NULL);
      if (g_lstat (path, &st) == 0)
        {
          MemoFile *f = g_new (MemoFile, 1);

          f->mtime = st.st_mtime;
          f->path = g_steal_pointer (&path);
          g_ptr_array_add (found, f);
        }
    }
  g_ptr_array_sort (found, newest_first);
  for (guint i = MAX_MEMO_FILES; i < found->len; i++)
    g_unlink (((MemoFile *) g_ptr_array_index (found, i))->path);
}

gboolean
_straits_projection_memo_save (StraitsProjectionMemo  *memo,
                               GError                **error)
{
  g_autoptr(GVariant) v = NULL;
  g_autofree char *dir = g_path_get_dirname (memo->path);
  g_autofree char *name = g_path_get_basename (memo->path);
  gboolean written;

  g_mutex_lock (&memo->lock);
  if (g_hash_table_size (memo->fresh_points) == 0 && memo->fresh_arrays->len == 0)
    {
      g_mutex_unlock (&memo->lock);
      /* Nothing new to write; its time says it was used, so that the
       * oldest memos removed are the ones no start reads any more. */
      if (memo->loaded != NULL)
        utimensat (AT_FDCWD, memo->path, NULL, AT_SYMLINK_NOFOLLOW);
      return TRUE;
    }
  v = memo_to_variant_locked (memo);
  g_mutex_unlock (&memo->lock);
  written = straits_safe_file_write_private (dir, name, g_variant_get_data (v), g_variant_get_size (v), error);
  if (written)
    remove_oldest_memos (dir);
  return written;
}
