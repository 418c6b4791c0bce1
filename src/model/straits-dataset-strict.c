/* straits-dataset-strict.c: the extra checks of `straits --check --strict`
 *
 * A curated dataset promises more than a valid one: every item cites a
 * source at a place a reader can find ("Heading, para. N"), every relation
 * of a dated type has a start, and directed relations name their ends'
 * roles in the type's order. These checks read a loaded dataset; the
 * loader has already refused roles given in the wrong order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-dataset.h"

#define PARA_MARK "para. "

/* "Heading, para. 3" gives "Heading" and 3; "para. 2" (a paragraph of an
 * untitled opening) gives "" and 2. FALSE for anything else. */
gboolean
straits_locator_parse (const char  *locator,
                       char       **heading,
                       guint       *paragraph)
{
  const char *mark, *digits;
  char *end = NULL;
  guint64 n;

  if (locator == NULL)
    return FALSE;
  if (g_str_has_prefix (locator, PARA_MARK))
    mark = locator;
  else
    {
      mark = g_strrstr (locator, ", " PARA_MARK);
      if (mark == NULL || mark == locator)
        return FALSE;
    }
  digits = mark == locator ? mark + strlen (PARA_MARK) : mark + 2 + strlen (PARA_MARK);
  if (!g_ascii_isdigit (*digits))
    return FALSE;
  n = g_ascii_strtoull (digits, &end, 10);
  if (*end != '\0' || n == 0 || n > G_MAXUINT)
    return FALSE;
  if (heading != NULL)
    *heading = g_strndup (locator, (gsize) (mark - locator));
  if (paragraph != NULL)
    *paragraph = (guint) n;
  return TRUE;
}

typedef struct {
  StraitsDataset *ds;
  GPtrArray *diags;
} Strict;

static void
complain (Strict *S, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
complain (Strict *S, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (S->diags, straits_diagnostic_new (STRAITS_SEVERITY_ERROR,
                                                     straits_dataset_get_filename (S->ds),
                                                     path, message));
}

/* The locator names a section of the source and a paragraph it has, when
 * the source lists its sections. */
static void
check_locator (Strict *S, const char *path, const StraitsCitation *c)
{
  const StraitsSource *src = straits_dataset_get_source (S->ds, c->source);
  g_autofree char *heading = NULL;
  guint paragraph = 0;

  if (c->locator == NULL || c->locator[0] == '\0')
    {
      complain (S, path, _("the citation of “%s” has no locator"), src->id);
      return;
    }
  if (src->n_sections == 0)
    return;
  if (!straits_locator_parse (c->locator, &heading, &paragraph))
    {
      complain (S, path, _("the locator “%s” is not “Heading, para. N”"), c->locator);
      return;
    }
  for (guint k = 0; k < src->n_sections; k++)
    if (g_str_equal (src->headings[k], heading))
      {
        if (paragraph > src->paragraphs[k])
          complain (S, path, _("“%s” has %u paragraphs, not %u"),
                    heading[0] ? heading : _("the untitled opening"), src->paragraphs[k], paragraph);
        return;
      }
  if (heading[0] != '\0')
    complain (S, path, _("“%s” is not a heading of “%s”"), heading, src->title);
  else
    complain (S, path, _("“%s” has no untitled opening: name the section"), src->title);
}

static void
check_citations (Strict *S, const char *list, guint index, const char *id, StraitsCitations c)
{
  g_autofree char *item = g_strdup_printf ("%s[%u]", list, index);

  if (c.n == 0)
    complain (S, item, _("“%s” cites no source"), id);
  for (guint i = 0; i < c.n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.sources[%u].locator", item, i);

      check_locator (S, path, &c.items[i]);
    }
}

static void
check_relation (Strict *S, guint i, const StraitsRelation *r)
{
  const StraitsTypeDef *t = straits_dataset_get_relation_type (S->ds, r->type);
  g_autofree char *path = g_strdup_printf ("relations[%u]", i);

  if (t->dated && !straits_date_is_set (&r->start) && !r->start_unknown)
    complain (S, path, _("“%s” relations are dated, but “%s” has no start (a date or “unknown”)"),
              t->id, r->id);
  if (t->from_role != NULL && !r->mutual && !r->has_roles)
    complain (S, path, _("“%s” does not say which end is the %s and which the %s (“roles”)"),
              r->id, t->from_role, t->to_role);
  if (t->from_role != NULL && r->mutual)
    complain (S, path, _("“%s” relations point %s → %s and cannot be mutual"),
              t->id, t->from_role, t->to_role);
}

/* Diagnostics for what a curated dataset must also get right; an empty
 * array when it passes. */
GPtrArray *
straits_dataset_check_strict (StraitsDataset *self)
{
  Strict S = { self, g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free) };

  g_return_val_if_fail (STRAITS_IS_DATASET (self), S.diags);

  for (guint i = 0; i < straits_dataset_get_n_actors (self); i++)
    check_citations (&S, "actors", i, straits_dataset_get_actor (self, i)->id,
                     straits_dataset_get_actor (self, i)->citations);
  for (guint i = 0; i < straits_dataset_get_n_groupings (self); i++)
    {
      const StraitsGrouping *g = straits_dataset_get_grouping (self, i);

      check_citations (&S, "groupings", i, g->id, g->citations);
      for (guint k = 0; k < g->n_groups; k++)
        {
          g_autofree char *list = g_strdup_printf ("groupings[%u].groups", i);

          check_citations (&S, list, k, g->groups[k].id, g->groups[k].citations);
        }
    }
  for (guint i = 0; i < straits_dataset_get_n_relations (self); i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (self, i);

      check_citations (&S, "relations", i, r->id, r->citations);
      check_relation (&S, i, r);
    }
  for (guint i = 0; i < straits_dataset_get_n_events (self); i++)
    check_citations (&S, "events", i, straits_dataset_get_event (self, i)->id,
                     straits_dataset_get_event (self, i)->citations);
  for (guint i = 0; i < straits_dataset_get_n_figures (self); i++)
    check_citations (&S, "figures", i, straits_dataset_get_figure (self, i)->id,
                     straits_dataset_get_figure (self, i)->citations);
  for (guint i = 0; i < straits_dataset_get_n_annotations (self); i++)
    check_citations (&S, "annotations", i, straits_dataset_get_annotation (self, i)->id,
                     straits_dataset_get_annotation (self, i)->citations);
  return S.diags;
}
