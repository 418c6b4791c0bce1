/* straits-dataset-loader.c: reads, validates and indexes a dataset file
 *
 * The loader checks everything a hand-written file can get wrong and keeps
 * going after a problem, so that one run of `straits --check` lists them
 * all (up to STRAITS_DATASET_MAX_ERRORS).
 *
 * Items refer to pools (citations, index lists, string lists) by offset
 * while loading, since the pools still grow; finish_pools() turns the
 * offsets into pointers once nothing grows any more.
 *
 * This file reads the file and finishes the dataset; the values and the
 * items are read in straits-dataset-loader-json.c and
 * straits-dataset-loader-items.c (straits-dataset-loader-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-country-names.h"
#include "straits-dataset-loader-private.h"
#include "straits-json-scan.h"
#include "straits-safe-file.h"

/* What a load may use besides the file itself: LOAD_BUDGET_FACTOR times
 * its size, and LOAD_BUDGET_FLOOR at least (docs/dataset-format.md). */
#define LOAD_BUDGET_FACTOR 8
#define LOAD_BUDGET_FLOOR ((gsize) 64 << 20)
/* Files this large are mapped rather than read, and the pages read are
 * given back RELEASE_BYTES at a time (release_read_text()): below, the
 * file's copy costs little (bench/bench-load.c --scale=16 measures it). */
#define MAP_FROM ((gsize) 16 << 20)
#define RELEASE_BYTES ((gsize) 4 << 20)
/* What json-glib takes per value it parses, about, on 64-bit systems. */
#define TREE_BYTES_PER_VALUE 128

/* Memory --------------------------------------------------------------- */

static gsize
array_bytes (GArray *array)
{
  /* Arrays grow by doubling: up to twice what they hold. */
  return 2 * (gsize) array->len * g_array_get_element_size (array);
}

/* About what the dataset being built takes so far. */
static gsize
loader_footprint (Loader *L)
{
  StraitsDataset *ds = L->ds;
  GArray *arrays[] = { ds->sources, ds->relation_types, ds->event_types, ds->actors,
                       ds->groupings, ds->relations, ds->events, ds->figures, ds->views,
                       ds->annotations, ds->citations, ds->indices, ds->groups,
                       ds->figure_values, ds->coords };
  GHashTable *tables[] = { ds->source_ids, ds->relation_type_ids, ds->event_type_ids,
                           ds->actor_ids, ds->iso3_ids, ds->grouping_ids, ds->relation_ids,
                           ds->event_ids, ds->figure_ids, ds->view_ids, ds->annotation_ids };
  gsize bytes = L->string_bytes + 2 * (gsize) ds->strvs->len * sizeof (gpointer) +
                2 * (gsize) L->actor_countries->len * sizeof (gpointer) +
                (gsize) L->diags->len * 256;

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    bytes += array_bytes (arrays[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    bytes += (gsize) g_hash_table_size (tables[i]) * 64;
  return bytes;
}

/* Whether @extra more bytes fit the budget; refuses the file once they
 * do not, before they are taken. */
static gboolean
within_budget (Loader *L, gsize extra)
{
  g_autofree char *budget = NULL, *message = NULL;

  if (L->over_budget)
    return FALSE;
  if (loader_footprint (L) + extra <= L->budget)
    return TRUE;
  budget = g_format_size (L->budget);
  message = g_strdup_printf (_("reading this file would take more than %s of memory, the most a "
                               "dataset may use (%d times its size, at least %d MB): it holds too "
                               "many items, or too much in members Straits ignores"),
                             budget, LOAD_BUDGET_FACTOR, (int) (LOAD_BUDGET_FLOOR >> 20));
  g_ptr_array_add (L->diags, straits_diagnostic_new (STRAITS_SEVERITY_ERROR, L->file, NULL, message));
  L->n_errors++;
  L->over_budget = TRUE;
  L->stop = TRUE;
  return FALSE;
}

static gsize
tree_cost (gsize n_values, gsize n_bytes)
{
  return n_values * TREE_BYTES_PER_VALUE + n_bytes;
}

/* Returns FALSE when the file is not a dataset this version can read, in
 * which case nothing else is worth checking. */
static gboolean
check_format (Loader *L, JsonObject *root, GError **error)
{
  Ctx top = { NULL, NULL, 0 };
  const char *format = _straits_want_string (L, &top, root, "format", REQUIRED, 64);
  double version = 0;

  if (format == NULL || !g_str_equal (format, "straits-dataset"))
    {
      if (format != NULL)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (NULL, "format"),
                         _("not a Straits dataset: “format” must be “straits-dataset”"));
      return FALSE;
    }
  if (!_straits_want_number (L, &top, root, "format_version", REQUIRED, 1, G_MAXINT, &version))
    return FALSE;
  if (version != floor (version))
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (NULL, "format_version"),
                       _("the format version must be a whole number"));
      return FALSE;
    }
  if (version > STRAITS_DATASET_FORMAT_VERSION)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (NULL, "format_version"),
                       _("format version %g is newer than this version of Straits reads (%d)"),
                       version, STRAITS_DATASET_FORMAT_VERSION);
      g_set_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_VERSION,
                   _("%s: format version %g is newer than this version of Straits reads (%d)"),
                   L->file, version, STRAITS_DATASET_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The top level is read in steps, each needing the members before it:
 * relations refer to actors and types, events to relations and
 * annotations. */
typedef enum {
  STEP_FORMAT,
  STEP_METADATA,
  STEP_VOCABULARY,
  STEP_SOURCES,
  STEP_ACTORS,
  STEP_GROUPINGS,
  STEP_ANNOTATIONS,
  STEP_RELATIONS,
  STEP_EVENTS,
  STEP_FIGURES,
  STEP_VIEWS,
  N_STEPS
} Step;

static const char *const step_members[N_STEPS] = {
  "format", "metadata", "vocabulary", "sources", "actors", "groupings", "annotations",
  "relations", "events", "figures", "views",
};

/* Every member name the format has, at any level: members with another
 * name are not parsed (straits_json_append_pruned()). _straits_check_members()
 * says when a list of known members names one missing here. */
static const char *const format_member_names[] = {
  "actor", "actors", "against", "annotations", "attested", "authors", "base", "bound", "change",
  "colour", "$comment", "country", "date", "dated", "description", "direction", "doi", "east",
  "end", "event_types", "events", "feature", "figures", "format", "format_version", "from",
  "geometry", "grouping", "groupings", "groups", "heading", "id", "iso3", "kind", "label",
  "language", "licence", "line", "location", "locator", "members", "memberships", "metadata", "name", "names", "north",
  "note", "of", "overlays", "paragraphs", "period", "place", "point", "publisher", "quote",
  "region", "relation_types", "relations", "role", "roles", "$schema", "sections", "short_name",
  "source", "sources", "south", "stance", "start", "strength", "subject", "subtitle", "summary",
  "text", "time", "title", "to", "type", "unit", "unrounded", "url", "value", "values", "version",
  "views", "vocabulary", "west", "whole", NULL
};

static GHashTable *
new_name_set (const char *const *names)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) names[i]);
  return set;
}

static const char *const top_level_members[] = {
  "format", "format_version", "metadata", "vocabulary", "sources", "actors", "groupings",
  "relations", "events", "figures", "views", "annotations", NULL
};

static const LoadItemFunc step_loaders[N_STEPS] = {
  [STEP_SOURCES] = _straits_load_source,
  [STEP_ACTORS] = _straits_load_actor,
  [STEP_GROUPINGS] = _straits_load_grouping,
  [STEP_ANNOTATIONS] = _straits_load_annotation,
  [STEP_RELATIONS] = _straits_load_relation,
  [STEP_EVENTS] = _straits_load_event,
  [STEP_FIGURES] = _straits_load_figure,
  [STEP_VIEWS] = _straits_load_view,
};

static GArray *
step_items (Loader *L, Step step)
{
  switch (step)
    {
    case STEP_SOURCES: return L->ds->sources;
    case STEP_ACTORS: return L->ds->actors;
    case STEP_GROUPINGS: return L->ds->groupings;
    case STEP_ANNOTATIONS: return L->ds->annotations;
    case STEP_RELATIONS: return L->ds->relations;
    case STEP_EVENTS: return L->ds->events;
    case STEP_FIGURES: return L->ds->figures;
    case STEP_VIEWS: return L->ds->views;
    default: return NULL;
    }
}

/* Runs @step on @root; its list has already been read when @streamed.
 * Returns FALSE when the file is refused and nothing more is worth reading. */
static gboolean
run_step (Loader      *L,
          JsonObject  *root,
          Step         step,
          gboolean     streamed,
          GError     **error)
{
  switch (step)
    {
    case STEP_FORMAT:
      return check_format (L, root, error);
    case STEP_METADATA:
      _straits_load_metadata (L, root);
      break;
    case STEP_VOCABULARY:
      _straits_load_vocabulary (L, root);
      break;
    default:
      if (!streamed)
        _straits_load_list (L, root, NULL, step_members[step], step_items (L, step), step_loaders[step]);
      if (step == STEP_ACTORS)
        _straits_resolve_actor_countries (L);
      break;
    }
  return TRUE;
}

static void add_file_problem (GPtrArray *diags, const char *file, guint line, guint column,
                              const char *message);

/* Reading in pieces ----------------------------------------------------
 *
 * json-glib builds the whole tree before handing it over, and for a large
 * file building and freeing that tree costs more than the parse itself.
 * The strict check has already found where each top-level member and each
 * element of the top-level lists stands, so json-glib parses the small
 * members one by one and the lists a slice at a time; each slice is read
 * into the model and dropped before the next is parsed. */

#define SLICE_ELEMENTS 256
#define SLICE_BYTES ((gsize) 1 << 20)

typedef struct {
  Loader *L;
  const char *text;
  GArray *outline;         /* StraitsJsonMember */
  JsonParser *parser;
  GString *buffer;
  GError *parse_error;     /* json-glib refused a piece */
  gboolean mapped;         /* the text is a mapped file: read pages may go */
} Pieces;

/* A mapped file's pages in [@from, @to) leave this process's memory once
 * read (those partly outside stay): the page cache keeps them, and they
 * are read again if a diagnostic needs its place. The memory of a load
 * is then what it builds, not that plus the file. Returns where the next
 * release may start. */
static gsize
release_read_text (const Pieces *p, gsize from, gsize to)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize first = (from + page - 1) / page * page, last = to / page * page;

  if (!p->mapped || last < first + RELEASE_BYTES)
    return from;
  /* The mapping starts on a page; only an advice, so its failure is not one. */
  (void) madvise ((char *) p->text + first, last - first, MADV_DONTNEED);
  return last;
}

static JsonNode *
parse_piece (Pieces *p, const char *piece, gsize length)
{
  if (p->parse_error != NULL)
    return NULL;
  if (!json_parser_load_from_data (p->parser, piece, (gssize) length, &p->parse_error))
    return NULL;
  return json_parser_steal_root (p->parser);
}

static const StraitsJsonMember *
find_member (Pieces *p, const char *name)
{
  for (guint i = 0; i < p->outline->len; i++)
    {
      const StraitsJsonMember *m = &g_array_index (p->outline, StraitsJsonMember, i);

      if (g_str_equal (m->name, name))
        return m;
    }
  return NULL;
}

/* Parses @length bytes of @piece once the budget has room for their tree. */
static JsonNode *
parse_within_budget (Pieces *p, const char *piece, gsize length, gsize n_values)
{
  if (!within_budget (p->L, tree_cost (n_values, length)))
    return NULL;
  return parse_piece (p, piece, length);
}

/* Reads the elements of the top-level list @m, a slice at a time: at most
 * SLICE_ELEMENTS of them, or SLICE_BYTES of text (one at least). The list
 * grows with what is read, never from how long the text says it is. */
static void
load_list_in_slices (Pieces *p, const StraitsJsonMember *m, Step step)
{
  GArray *items = step_items (p->L, step);
  gsize pos = m->value.start, unreleased = m->value.start;
  guint index = 0;
  StraitsJsonSpan span;
  gboolean more = straits_json_next_element (p->text, m->value.end, &pos, &span);

  while (more && !p->L->stop && p->parse_error == NULL)
    {
      g_autoptr(JsonNode) slice = NULL;
      gsize n_values = 0;
      guint count = 0;
      JsonArray *array;

      g_string_truncate (p->buffer, 0);
      g_string_append_c (p->buffer, '[');
      do
        {
          if (count++ > 0)
            g_string_append_c (p->buffer, ',');
          n_values += straits_json_append_pruned (p->buffer, p->text, span.start, span.end,
                                                  p->L->known_names);
          more = straits_json_next_element (p->text, m->value.end, &pos, &span);
        }
      while (more && count < SLICE_ELEMENTS && p->buffer->len < SLICE_BYTES);
      g_string_append_c (p->buffer, ']');
      slice = parse_within_budget (p, p->buffer->str, p->buffer->len, n_values);
      if (slice == NULL)
        return;
      array = json_node_get_array (slice);
      for (guint i = 0; i < json_array_get_length (array) && !p->L->stop; i++)
        _straits_load_item (p->L, m->name, index + i, json_array_get_element (array, i), items,
                            step_loaders[step]);
      index += count;
      unreleased = release_read_text (p, unreleased, pos);
    }
}

/* A top-level object holding every member except the lists read in
 * slices, which stand in it as empty arrays. */
static JsonObject *
parse_small_members (Pieces *p)
{
  JsonObject *root = json_object_new ();

  for (guint i = 0; i < p->outline->len && p->parse_error == NULL && !p->L->stop; i++)
    {
      const StraitsJsonMember *m = &g_array_index (p->outline, StraitsJsonMember, i);
      JsonNode *value;

      if (!g_hash_table_contains (p->L->known_names, m->name))
        /* Unknown: reported by _straits_check_members(), never parsed. */
        value = json_node_init_null (json_node_alloc ());
      else if (m->is_array)
        {
          /* json_node_init_array() takes a reference of its own. */
          g_autoptr(JsonArray) empty = json_array_new ();

          value = json_node_init_array (json_node_alloc (), empty);
        }
      else
        {
          gsize n_values;

          g_string_truncate (p->buffer, 0);
          n_values = straits_json_append_pruned (p->buffer, p->text, m->value.start, m->value.end,
                                                 p->L->known_names);
          value = parse_within_budget (p, p->buffer->str, p->buffer->len, n_values);
        }
      if (value != NULL)
        json_object_set_member (root, m->name, value);
    }
  return root;
}

static gboolean
is_list_step (Step step)
{
  return step_loaders[step] != NULL;
}

/* Reads the dataset from @outline; FALSE with @parse_error set when
 * json-glib refused a piece the strict check let through. */
static gboolean
load_in_pieces (Loader      *L,
                const char  *text,
                gboolean     mapped,
                GArray      *outline,
                GError     **error,
                GError     **parse_error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  Pieces p = { L, text, outline, parser, buffer, NULL, mapped };
  g_autoptr(JsonObject) root = parse_small_members (&p);
  Ctx top = { NULL, NULL, 0 };

  _straits_check_members (L, &top, root, top_level_members);
  for (Step step = 0; step < N_STEPS && p.parse_error == NULL; step++)
    {
      const StraitsJsonMember *m = is_list_step (step) ? find_member (&p, step_members[step]) : NULL;

      if (m != NULL && m->is_array)
        load_list_in_slices (&p, m, step);
      if (L->stop || !run_step (L, root, step, m != NULL && m->is_array, error))
        break;
    }
  if (p.parse_error != NULL)
    {
      g_propagate_error (parse_error, p.parse_error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the outline can stand for the file: a top-level object whose
 * member names need no decoding. */
static gboolean
outline_is_usable (GArray *outline)
{
  if (outline->len == 0)
    return FALSE;
  for (guint i = 0; i < outline->len; i++)
    if (strchr (g_array_index (outline, StraitsJsonMember, i).name, '\\') != NULL)
      return FALSE;
  return TRUE;
}

/* Reads the whole tree at once, as json-glib gives it. */
static gboolean
load_whole_tree (Loader      *L,
                 const char  *text,
                 gsize        length,
                 GError     **error,
                 GError     **parse_error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) pruned = g_string_new (NULL);
  Ctx top = { NULL, NULL, 0 };
  JsonNode *root;
  gsize n_values = straits_json_append_pruned (pruned, text, 0, length, L->known_names);

  if (!within_budget (L, tree_cost (n_values, pruned->len)))
    return TRUE;
  if (!json_parser_load_from_data (parser, pruned->str, (gssize) pruned->len, parse_error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      add_file_problem (L->diags, L->file, 1, 1, _("the top level must be a JSON object"));
      return TRUE;
    }
  _straits_check_members (L, &top, json_node_get_object (root), top_level_members);
  for (Step step = 0; step < N_STEPS; step++)
    if (!run_step (L, json_node_get_object (root), step, FALSE, error))
      break;
  return TRUE;
}

/* Pools ---------------------------------------------------------------- */

#define FIX(field, pool, type) \
  ((field) = pool_ptr ((field), (pool), sizeof (type)))

static StraitsCitations
fix_citations (StraitsDataset *ds, StraitsCitations c)
{
  c.items = pool_ptr (c.items, ds->citations->data, sizeof (StraitsCitation));
  return c;
}

/* Actors' names in the interface's language: the dataset's own names
 * for it, else for states iso-codes' translation (Türkei, Allemagne);
 * the dataset's name is kept for search. */
/* The dataset's own name for the actor in the interface's language: the
 * first of the languages the interface would take ("de_DE", "de") that
 * the actor's names give. */
static const char *
own_translation (const StraitsActor *a)
{
  const char *const *languages = g_get_language_names ();

  for (guint l = 0; a->names != NULL && languages[l] != NULL; l++)
    {
      g_autofree char *tag = g_strdelimit (g_strdup (languages[l]), "_", '-');
      char *dot = strchr (tag, '.');

      if (dot != NULL)
        *dot = '\0';
      if (g_str_equal (tag, "C") || g_str_has_prefix (tag, "en"))
        return NULL;
      for (guint k = 0; a->names[k] != NULL; k += 2)
        if (g_ascii_strcasecmp (a->names[k], tag) == 0)
          return a->names[k + 1];
    }
  return NULL;
}

static void
translate_country_names (StraitsDataset *ds)
{
  for (guint i = 0; i < ds->actors->len; i++)
    {
      StraitsActor *a = &g_array_index (ds->actors, StraitsActor, i);
      const char *translated = own_translation (a);

      if (translated == NULL &&
          (a->kind != STRAITS_ACTOR_STATE || (translated = straits_country_name_translated (a->iso3)) == NULL))
        continue;
      a->dataset_name = a->name;
      a->name = translated;
      if (a->short_name != NULL)
        a->short_name = translated;
    }
}

static void
finish_pools (StraitsDataset *ds)
{
  const char **strvs = (const char **) ds->strvs->pdata;
  guint32 *indices = (guint32 *) (gpointer) ds->indices->data;

  FIX (ds->metadata.authors, strvs, char *);
  for (guint i = 0; i < ds->sources->len; i++)
    {
      StraitsSource *s = &g_array_index (ds->sources, StraitsSource, i);
      FIX (s->authors, strvs, char *);
      FIX (s->headings, strvs, char *);
      FIX (s->paragraphs, indices, guint32);
    }
  for (guint i = 0; i < ds->actors->len; i++)
    {
      StraitsActor *a = &g_array_index (ds->actors, StraitsActor, i);
      FIX (a->memberships, strvs, char *);
      FIX (a->names, strvs, char *);
      a->citations = fix_citations (ds, a->citations);
    }
  for (guint i = 0; i < ds->groups->len; i++)
    {
      StraitsGroup *g = &g_array_index (ds->groups, StraitsGroup, i);
      FIX (g->members, indices, guint32);
      g->citations = fix_citations (ds, g->citations);
    }
  for (guint i = 0; i < ds->groupings->len; i++)
    {
      StraitsGrouping *g = &g_array_index (ds->groupings, StraitsGrouping, i);
      FIX (g->groups, ds->groups->data, StraitsGroup);
      g->citations = fix_citations (ds, g->citations);
    }
  for (guint i = 0; i < ds->relations->len; i++)
    {
      StraitsRelation *r = &g_array_index (ds->relations, StraitsRelation, i);
      r->citations = fix_citations (ds, r->citations);
    }
  for (guint i = 0; i < ds->events->len; i++)
    {
      StraitsEvent *e = &g_array_index (ds->events, StraitsEvent, i);
      FIX (e->actors, indices, guint32);
      FIX (e->relations, indices, guint32);
      e->citations = fix_citations (ds, e->citations);
    }
  for (guint i = 0; i < ds->figures->len; i++)
    {
      StraitsFigure *f = &g_array_index (ds->figures, StraitsFigure, i);
      FIX (f->values, ds->figure_values->data, StraitsFigureValue);
      f->citations = fix_citations (ds, f->citations);
    }
  for (guint i = 0; i < ds->views->len; i++)
    {
      StraitsView *v = &g_array_index (ds->views, StraitsView, i);
      FIX (v->relation_types, indices, guint32);
      FIX (v->overlays, strvs, char *);
    }
  for (guint i = 0; i < ds->annotations->len; i++)
    {
      StraitsAnnotation *a = &g_array_index (ds->annotations, StraitsAnnotation, i);
      FIX (a->coords, ds->coords->data, double[2]);
      a->citations = fix_citations (ds, a->citations);
    }
}

/* Entry points --------------------------------------------------------- */

static void
add_file_problem (GPtrArray  *diags,
                  const char *file,
                  guint       line,
                  guint       column,
                  const char *message)
{
  StraitsDiagnostic *d = straits_diagnostic_new (STRAITS_SEVERITY_ERROR, file, NULL, message);

  d->line = line;
  d->column = column;
  g_ptr_array_add (diags, d);
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: WHAT". */
static void
add_syntax_problem (GPtrArray  *diags,
                    const char *file,
                    const char *parser_message)
{
  guint line = 0, column = 0;
  const char *what = strstr (parser_message, "Parse error: ");
  g_autofree char *message = NULL;

  if (sscanf (parser_message, "<data>:%u:%u:", &line, &column) != 2)
    line = column = 0;
  message = g_strdup_printf (_("syntax error: %s"), what ? what + strlen ("Parse error: ")
                                                         : parser_message);
  add_file_problem (diags, file, line, column, message);
}

static void
locate_diagnostics (GPtrArray  *diags,
                    const char *text,
                    gsize       length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = NULL;

  for (guint i = 0; i < diags->len; i++)
    {
      StraitsDiagnostic *d = g_ptr_array_index (diags, i);

      if (d->path != NULL && d->line == 0)
        g_hash_table_add (wanted, d->path);
    }
  if (g_hash_table_size (wanted) == 0)
    return;
  found = straits_json_locate (text, length, wanted);
  for (guint i = 0; i < diags->len; i++)
    {
      StraitsDiagnostic *d = g_ptr_array_index (diags, i);
      const guint *where = d->path ? g_hash_table_lookup (found, d->path) : NULL;

      if (where != NULL && d->line == 0)
        {
          d->line = where[0];
          d->column = where[1];
        }
    }
}

/* Problems in the order they stand in the file; those without a place
 * (file-level ones) first. */
static int
compare_diagnostics (gconstpointer a, gconstpointer b)
{
  const StraitsDiagnostic *da = *(StraitsDiagnostic *const *) a;
  const StraitsDiagnostic *db = *(StraitsDiagnostic *const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  return da->column < db->column ? -1 : da->column > db->column;
}

static StraitsDataset *
fail (GPtrArray  *diags,
      GPtrArray **out_diags,
      GError    **error,
      int         code,
      const char *file)
{
  guint n = straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR);

  if (error != NULL && *error == NULL)
    {
      StraitsDiagnostic *first = NULL;

      for (guint i = 0; i < diags->len && first == NULL; i++)
        if (((StraitsDiagnostic *) g_ptr_array_index (diags, i))->severity == STRAITS_SEVERITY_ERROR)
          first = g_ptr_array_index (diags, i);
      if (first != NULL && n > 1)
        {
          g_autofree char *text = straits_diagnostic_to_string (first);
          g_set_error (error, STRAITS_DATASET_ERROR, code,
                       g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)",
                                    "%s (and %u more errors)", n - 1),
                       text, n - 1);
        }
      else if (first != NULL)
        {
          g_autofree char *text = straits_diagnostic_to_string (first);
          g_set_error_literal (error, STRAITS_DATASET_ERROR, code, text);
        }
      else
        g_set_error (error, STRAITS_DATASET_ERROR, code, _("%s: cannot be loaded"), file);
    }
  if (out_diags != NULL)
    *out_diags = g_ptr_array_ref (diags);
  return NULL;
}

/* The size limit ------------------------------------------------------- */

static guint max_size_mb_override;

void
straits_dataset_set_max_size_mb (guint mb)
{
  g_return_if_fail (mb <= STRAITS_DATASET_MAX_MB_CEILING);
  max_size_mb_override = mb;
}

gsize
straits_dataset_get_max_size (void)
{
  const char *text = g_getenv (STRAITS_DATASET_MAX_MB_VARIABLE);
  guint64 mb = STRAITS_DATASET_DEFAULT_MAX_MB;

  /* Read at each load, so that a change to the environment (a test's)
   * counts; a value that is not a whole number in range is ignored. */
  if (max_size_mb_override > 0)
    mb = max_size_mb_override;
  else if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, STRAITS_DATASET_MAX_MB_CEILING, &mb, NULL))
    mb = STRAITS_DATASET_DEFAULT_MAX_MB;
  return (gsize) mb << 20;
}

/* Names the limit and how to raise it; @length 0 when unknown. */
static char *
too_large_message (guint64 length)
{
  guint limit_mb = (guint) (straits_dataset_get_max_size () >> 20);

  if (length == 0)
    return g_strdup_printf (_("the file is too large (at most %u MB; the environment variable %s or the option "
                              "--max-dataset-mb raises the limit)"),
                            limit_mb, STRAITS_DATASET_MAX_MB_VARIABLE);
  return g_strdup_printf (_("the file is too large (%u MB; at most %u MB; the environment variable %s or the "
                            "option --max-dataset-mb raises the limit)"),
                          (guint) MAX (length >> 20, (guint64) limit_mb + 1), limit_mb,
                          STRAITS_DATASET_MAX_MB_VARIABLE);
}

/* Reads @text; @mapped when it is a mapped file whose read pages may be
 * given back (release_read_text()). */
static StraitsDataset *
load_text (const char  *text,
           gsize        length,
           gboolean     mapped,
           const char  *display_name,
           GPtrArray  **out_diags,
           GError     **error)
{
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(StraitsDataset) ds = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) actor_countries = NULL;
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GHashTable) warning_kinds = g_hash_table_new_full (NULL, NULL, NULL, _straits_warning_kind_free);
  g_autoptr(GHashTable) known_names = new_name_set (format_member_names);
  StraitsJsonProblem problem = { 0 };
  gsize budget;
  gboolean read;
  Loader L = { 0 };

  if (display_name == NULL)
    display_name = "<data>";
  if (out_diags != NULL)
    *out_diags = NULL;

  if (length == 0)
    {
      add_file_problem (diags, display_name, 0, 0, _("the file is empty"));
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_SYNTAX, display_name);
    }
  if (length > straits_dataset_get_max_size ())
    {
      g_autofree char *message = too_large_message (length);

      add_file_problem (diags, display_name, 0, 0, message);
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_TOO_LARGE, display_name);
    }
  outline = straits_json_outline_new ();
  if (!straits_json_prescan (text, length, STRAITS_DATASET_MAX_DEPTH, outline, &problem))
    {
      gboolean encoding = problem.message && (strstr (problem.message, "UTF-8") || strstr (problem.message, "NUL"));
      add_file_problem (diags, display_name, problem.line, problem.column, problem.message);
      straits_json_problem_clear (&problem);
      return fail (diags, out_diags, error,
                   encoding ? STRAITS_DATASET_ERROR_ENCODING : STRAITS_DATASET_ERROR_SYNTAX,
                   display_name);
    }

  ds = _straits_dataset_new_empty (display_name);
  actor_countries = g_ptr_array_new ();
  budget = MAX (LOAD_BUDGET_FLOOR, LOAD_BUDGET_FACTOR * length);
  L = (Loader) { ds, display_name, diags, 0, FALSE, actor_countries, budget, 0, FALSE,
                 warning_kinds, known_names };
  if (mapped)
    /* The check read it all: what the pieces read comes back a page at a time. */
    (void) madvise ((char *) text, length, MADV_DONTNEED);
  read = outline_is_usable (outline) && load_in_pieces (&L, text, mapped, outline, error, &parse_error);
  if (!read)
    {
      /* Start again on the whole tree: it reads files whose top level is
       * not a plain object, and json-glib places its errors in the file. */
      g_clear_error (&parse_error);
      g_ptr_array_set_size (diags, 0);
      g_clear_object (&ds);
      ds = _straits_dataset_new_empty (display_name);
      g_ptr_array_set_size (actor_countries, 0);
      g_hash_table_remove_all (warning_kinds);
      L = (Loader) { ds, display_name, diags, 0, FALSE, actor_countries, budget, 0, FALSE,
                     warning_kinds, known_names };
      read = load_whole_tree (&L, text, length, error, &parse_error);
    }
  if (!read)
    {
      g_ptr_array_set_size (diags, 0);
      add_syntax_problem (diags, display_name, parse_error->message);
      return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_SYNTAX, display_name);
    }

  locate_diagnostics (diags, text, length);
  g_ptr_array_sort (diags, compare_diagnostics);
  _straits_summarize_warnings (&L);
  if (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR) > 0)
    return fail (diags, out_diags, error,
                 L.over_budget ? STRAITS_DATASET_ERROR_TOO_LARGE : STRAITS_DATASET_ERROR_INVALID,
                 display_name);

  finish_pools (ds);
  translate_country_names (ds);
  _straits_dataset_build_index (ds);
  if (out_diags != NULL)
    *out_diags = g_steal_pointer (&diags);
  return g_steal_pointer (&ds);
}

StraitsDataset *
straits_dataset_load_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GPtrArray  **out_diags,
                            GError     **error)
{
  gsize length = 0;
  const char *text;

  g_return_val_if_fail (bytes != NULL, NULL);
  text = g_bytes_get_data (bytes, &length);
  return load_text (text, length, FALSE, display_name, out_diags, error);
}

typedef struct {
  const char *text;
  gsize length;
  const char *filename;
  GPtrArray **out_diags;
  GError **error;
  StraitsDataset *result;
} MappedLoad;

static void
run_mapped_load (gpointer data)
{
  MappedLoad *m = data;

  m->result = load_text (m->text, m->length, TRUE, m->filename, m->out_diags, m->error);
}

/* A mapped file that another program shortens while it loads is a file
 * that could not be read, not the end of Straits (SIGBUS). What the load
 * had built by then is lost: a rare case, and an unknown state to free. */
static StraitsDataset *
load_mapped (const char *text, gsize length, const char *filename, GPtrArray **out_diags, GError **error)
{
  MappedLoad m = { text, length, filename, out_diags, error, NULL };
  g_autoptr(GPtrArray) diags = NULL;

  if (straits_safe_file_run_guarded (run_mapped_load, &m))
    return m.result;
  if (error != NULL)
    g_clear_error (error);
  diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  add_file_problem (diags, filename, 0, 0, _("the file was shortened while it was read; open it again once it is written"));
  return fail (diags, out_diags, error, STRAITS_DATASET_ERROR_IO, filename);
}

/* The loader's own words for a file it could not read. */
static const char *
read_problem (const GError *read_error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("this is a folder, not a dataset file");
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return _("this is not a regular file");
  return read_error->message;
}

StraitsDataset *
straits_dataset_load_file (const char  *filename,
                           GPtrArray  **out_diags,
                           GError     **error)
{
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  gboolean mapped = FALSE;
  const char *text;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  if (out_diags != NULL)
    *out_diags = NULL;

  /* Opened once and checked on the descriptor, so that a file swapped
   * after a check (a FIFO, a huge file) cannot slip through it. */
  bytes = straits_safe_file_read_or_map (filename, straits_dataset_get_max_size (), MAP_FROM,
                                         STRAITS_SAFE_FILE_FOLLOW_LINKS, &mapped, &read_error);
  if (bytes == NULL)
    {
      gboolean too_large = g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);

      if (too_large)
        {
          GStatBuf st;
          g_autofree char *message = NULL;

          /* Only for the message: the check itself was on the descriptor. */
          message = too_large_message (g_stat (filename, &st) == 0 ? (guint64) st.st_size : 0);
          add_file_problem (diags, filename, 0, 0, message);
        }
      else
        add_file_problem (diags, filename, 0, 0, read_problem (read_error));
      return fail (diags, out_diags, error,
                   too_large ? STRAITS_DATASET_ERROR_TOO_LARGE : STRAITS_DATASET_ERROR_IO, filename);
    }
  text = g_bytes_get_data (bytes, &length);
  if (!mapped)
    return load_text (text, length, FALSE, filename, out_diags, error);
  return load_mapped (text, length, filename, out_diags, error);
}
