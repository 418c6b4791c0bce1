/* bench-synthetic.c: a synthetic dataset in the bundled file's format,
 * written to a temporary file: actors, relations of every type between
 * random pairs, and dated meetings, each citing a source. Seeded, so that
 * every run and every benchmark reads the same file. Written as it is
 * made, a few MB at a time, so that a large scale costs no memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bench-synthetic.h"

static const char *relation_types[] = { "procurement", "co-production", "dispute", "dialogue" };
static const char *stances[] = { "cooperative", "neutral", "adversarial" };

static void
append_header (GString *s)
{
  g_string_append (s, "{\n\"format\": \"straits-dataset\", \"format_version\": 1,\n"
                      "\"metadata\": {\"title\": \"Synthetic benchmark dataset\", \"version\": \"1\"},\n"
                      "\"vocabulary\": {\"relation_types\": [");
  for (guint i = 0; i < G_N_ELEMENTS (relation_types); i++)
    g_string_append_printf (s, "%s{\"id\": \"%s\", \"label\": \"%s\", \"colour\": \"#336699\"}",
                            i ? ", " : "", relation_types[i], relation_types[i]);
  g_string_append (s, "], \"event_types\": [{\"id\": \"meeting\", \"label\": \"Meeting\"}]},\n"
                      "\"sources\": [{\"id\": \"src\", \"title\": \"Synthetic source\"}],\n\"actors\": [\n");
}

#define FLUSH_BYTES (4u << 20)

/* Writes out @s once it holds FLUSH_BYTES. */
static void
flush_when_full (GString *s, FILE *f, gboolean always)
{
  if (s->len < FLUSH_BYTES && !always)
    return;
  g_assert (fwrite (s->str, 1, s->len, f) == s->len);
  g_string_truncate (s, 0);
}

static void
append_relations (GString *s, FILE *f, GRand *rand, guint n_actors, guint n_relations)
{
  for (guint i = 0; i < n_relations; i++)
    {
      guint from = g_rand_int_range (rand, 0, n_actors);
      guint to = (from + 1 + g_rand_int_range (rand, 0, n_actors - 1)) % n_actors;

      g_string_append_printf (s, "%s{\"id\":\"R%06u\",\"from\":\"A%04u\",\"to\":\"A%04u\","
                                 "\"type\":\"%s\",\"stance\":\"%s\",\"strength\":0.%u,"
                                 "\"start\":\"%u-%02u\",\"summary\":\"Relation %u\","
                                 "\"sources\":[{\"source\":\"src\",\"locator\":\"Section %u\"}]}",
                              i ? ",\n" : "", i, from, to, relation_types[i % 4], stances[i % 3],
                              g_rand_int_range (rand, 1, 9), g_rand_int_range (rand, 1990, 2026),
                              g_rand_int_range (rand, 1, 13), i, i % 12);
      flush_when_full (s, f, FALSE);
    }
}

static void
append_events (GString *s, FILE *f, GRand *rand, guint n_actors, guint n_events)
{
  for (guint i = 0; i < n_events; i++)
    {
      guint a = g_rand_int_range (rand, 0, n_actors);
      guint b = (a + 1 + g_rand_int_range (rand, 0, n_actors - 1)) % n_actors;

      g_string_append_printf (s, "%s{\"id\":\"E%06u\",\"date\":\"%u-%02u-%02u\",\"type\":\"meeting\","
                                 "\"title\":\"Event %u\",\"actors\":[\"A%04u\",\"A%04u\"],"
                                 "\"sources\":[{\"source\":\"src\",\"locator\":\"Section %u\"}]}",
                              i ? ",\n" : "", i, g_rand_int_range (rand, 1990, 2026),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i,
                              a, b, i % 12);
      flush_when_full (s, f, FALSE);
    }
}

/* The path of a new file, alone in a new temporary folder, holding the
 * dataset at @scale (1 is the load benchmark's 50 MB); its length in
 * *@size. The caller removes both (bench_synthetic_dataset_remove()). */
char *
bench_synthetic_dataset (guint  scale,
                         gsize *size)
{
  guint n_actors = BENCH_SYNTHETIC_N_ACTORS * scale;
  GString *s = g_string_sized_new (FLUSH_BYTES + 4096);
  GRand *rand = g_rand_new_with_seed (42);
  g_autofree char *dir = g_dir_make_tmp ("straits-bench-XXXXXX", NULL);
  char *path;
  FILE *f;

  g_assert (scale >= 1 && dir != NULL);
  path = g_build_filename (dir, "synthetic.json", NULL);
  f = fopen (path, "wb");
  g_assert (f != NULL);
  append_header (s);
  for (guint i = 0; i < n_actors; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"A%04u\", \"kind\": \"company\", \"name\": \"Actor number %u\", "
                                 "\"memberships\": [\"EU\"]}",
                              i ? ",\n" : "", i, i);
      flush_when_full (s, f, FALSE);
    }
  g_string_append (s, "],\n\"relations\": [\n");
  append_relations (s, f, rand, n_actors, BENCH_SYNTHETIC_N_RELATIONS * scale);
  g_string_append (s, "],\n\"events\": [\n");
  append_events (s, f, rand, n_actors, BENCH_SYNTHETIC_N_EVENTS * scale);
  g_string_append (s, "]\n}\n");
  flush_when_full (s, f, TRUE);
  *size = (gsize) ftell (f);
  g_assert (fclose (f) == 0);
  g_string_free (s, TRUE);
  g_rand_free (rand);
  return path;
}

/* Removes the file bench_synthetic_dataset() wrote, and its folder. */
void
bench_synthetic_dataset_remove (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The heap in use (every arena, the worker threads' too), bytes. */
gsize
bench_heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();

  return mi.uordblks + mi.hblkhd;
}
