/* straits-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-paths.h"
#include "straits-session.h"

#include "straits-dataset-diff.h"

struct _StraitsSession
{
  GObject parent_instance;

  StraitsAtlas *atlas;
  StraitsDataset *dataset;
  GFile *file;
  StraitsSipriRegister *sipri;
  GFile *sipri_file;
  StraitsMaritimeReport *maritime;
  StraitsBookmarks *bookmarks;    /* NULL until first asked for */
  char *bookmarks_path;
  StraitsDataset *baseline;       /* the version compared with, or NULL */
  GPtrArray *changes;             /* StraitsDiffItem from baseline to dataset */
};

G_DEFINE_FINAL_TYPE (StraitsSession, straits_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_SIPRI,
  PROP_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
straits_session_finalize (GObject *object)
{
  StraitsSession *self = STRAITS_SESSION (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->sipri);
  g_clear_object (&self->sipri_file);
  g_clear_pointer (&self->maritime, straits_maritime_report_free);
  g_clear_pointer (&self->bookmarks, straits_bookmarks_free);
  g_clear_pointer (&self->bookmarks_path, g_free);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  /* Last: projected maps of the atlas may be shared until here. */
  g_clear_pointer (&self->atlas, straits_atlas_free);
  G_OBJECT_CLASS (straits_session_parent_class)->finalize (object);
}

static void
straits_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  StraitsSession *self = STRAITS_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SIPRI:
      g_value_set_object (value, self->sipri);
      break;
    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_session_class_init (StraitsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = straits_session_finalize;
  object_class->get_property = straits_session_get_property;

  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, STRAITS_TYPE_DATASET, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_SIPRI] = g_param_spec_object ("sipri", NULL, NULL, STRAITS_TYPE_SIPRI_REGISTER, flags);
  properties[PROP_BASELINE] = g_param_spec_object ("baseline", NULL, NULL, STRAITS_TYPE_DATASET, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
straits_session_init (StraitsSession *self)
{
  g_autofree char *basemap_dir = g_build_filename (straits_data_dir (), "basemap", NULL);
  g_autofree char *cache_dir = straits_cache_dir ();

  self->atlas = straits_atlas_new (basemap_dir);
  /* A start after the first projects its first view from the memo
   * (straits-projection-memo.c), written as the application quits. */
  straits_atlas_set_cache_dir (self->atlas, cache_dir);
  self->bookmarks_path = straits_bookmarks_default_path ();
}

StraitsSession *
straits_session_new (void)
{
  return g_object_new (STRAITS_TYPE_SESSION, NULL);
}

StraitsAtlas *
straits_session_get_atlas (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->atlas;
}

StraitsDataset *
straits_session_get_dataset (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->dataset;
}

/* @baseline, and @changes from it to the dataset (taken). */
static void
take_baseline (StraitsSession *self, StraitsDataset *baseline, GPtrArray *changes)
{
  g_autoptr(StraitsDataset) kept = baseline != NULL ? g_object_ref (baseline) : NULL;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_set_object (&self->baseline, kept);
  self->changes = changes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

GFile *
straits_session_get_file (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->file;
}

void
straits_session_set_dataset (StraitsSession *self,
                             StraitsDataset *dataset,
                             GFile          *file)
{
  gboolean same_file = file != NULL && self->file != NULL && g_file_equal (file, self->file);
  g_autoptr(StraitsDataset) previous = self->dataset != NULL ? g_object_ref (self->dataset) : NULL;

  g_return_if_fail (STRAITS_IS_SESSION (self));
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->dataset, dataset))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  /* A comparison belongs to the file it was made for. A reload keeps it,
   * so that the changes of several saves add up; without one, a reload
   * that changed something compares with the version it replaced. */
  if (!same_file)
    straits_session_set_baseline (self, NULL);
  else if (self->baseline != NULL)
    straits_session_set_baseline (self, self->baseline);
  else if (previous != NULL && dataset != NULL && previous != dataset)
    {
      GPtrArray *changes = straits_dataset_diff (previous, dataset);

      /* The diff made to see whether anything changed is the one kept. */
      if (changes->len > 0)
        take_baseline (self, previous, changes);
      else
        g_ptr_array_unref (changes);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

StraitsDataset *
straits_session_get_baseline (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->baseline;
}

GPtrArray *
straits_session_get_changes (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->changes;
}

void
straits_session_set_baseline (StraitsSession *self,
                              StraitsDataset *baseline)
{
  g_return_if_fail (STRAITS_IS_SESSION (self));
  take_baseline (self, baseline, baseline != NULL && self->dataset != NULL
                                   ? straits_dataset_diff (baseline, self->dataset) : NULL);
}

StraitsSipriRegister *
straits_session_get_sipri (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->sipri;
}

GFile *
straits_session_get_sipri_file (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->sipri_file;
}

void
straits_session_set_sipri (StraitsSession       *self,
                           StraitsSipriRegister *sipri,
                           GFile                *file)
{
  g_return_if_fail (STRAITS_IS_SESSION (self));
  g_set_object (&self->sipri_file, file);
  if (g_set_object (&self->sipri, sipri))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIPRI]);
}

const StraitsMaritimeReport *
straits_session_get_maritime (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->maritime;
}

void
straits_session_take_maritime (StraitsSession        *self,
                               StraitsMaritimeReport *report)
{
  g_return_if_fail (STRAITS_IS_SESSION (self));
  g_clear_pointer (&self->maritime, straits_maritime_report_free);
  self->maritime = report;
}

StraitsBookmarks *
straits_session_get_bookmarks (StraitsSession  *self,
                               GError         **error)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  if (self->bookmarks == NULL)
    self->bookmarks = straits_bookmarks_load (self->bookmarks_path, error);
  return self->bookmarks;
}

gboolean
straits_session_save_bookmarks (StraitsSession  *self,
                                GError         **error)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), FALSE);
  return straits_bookmarks_save (straits_session_get_bookmarks (self, NULL), self->bookmarks_path, error);
}

const char *
straits_session_get_bookmarks_path (StraitsSession *self)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return self->bookmarks_path;
}

GArray *
straits_session_list_slides (StraitsSession *self,
                             guint           n_views)
{
  g_return_val_if_fail (STRAITS_IS_SESSION (self), NULL);
  return straits_bookmarks_list_slides (straits_session_get_bookmarks (self, NULL), n_views, self->dataset);
}
