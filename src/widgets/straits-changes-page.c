/* straits-changes-page.c
 *
 * One row per item added, removed or changed, its heading in bold and its
 * fields under it; the dataset's text is escaped, since rows are markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-changes-page.h"
#include "straits-dataset-diff.h"

struct _StraitsChangesPage
{
  GtkWidget parent_instance;

  GtkLabel *heading;          /* bound so that dispose_template unparents them */
  GtkLabel *summary;
  GtkWidget *scroller;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (StraitsChangesPage, straits_changes_page, GTK_TYPE_WIDGET)

static GtkWidget *
item_row (const StraitsDiffItem *item)
{
  g_auto(GStrv) lines = straits_diff_item_describe (item);
  g_autofree char *fields = g_strjoinv ("\n", lines + 1);
  g_autofree char *markup = lines[1] != NULL ? g_markup_printf_escaped ("<b>%s</b>\n%s", lines[0], fields)
                                             : g_markup_printf_escaped ("<b>%s</b>", lines[0]);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

void
straits_changes_page_set (StraitsChangesPage *self,
                          GPtrArray          *changes,
                          const char         *since)
{
  GtkWidget *child;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (STRAITS_IS_CHANGES_PAGE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  /* Translators: the Changes page's heading; %s is the version compared with, e.g. "1.0 (2025-03-01)" */
  heading = g_strdup_printf (_("Changes since %s"), since != NULL ? since : "");
  gtk_label_set_text (self->heading, heading);
  if (changes == NULL || changes->len == 0)
    summary = g_strdup (_("Nothing changed."));
  else
    summary = straits_diff_summary (changes);
  gtk_label_set_text (self->summary, summary);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    gtk_list_box_append (self->list, item_row (g_ptr_array_index (changes, i)));
  gtk_widget_set_visible (self->scroller, changes != NULL && changes->len > 0);
}

static void
straits_changes_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STRAITS_TYPE_CHANGES_PAGE);
  G_OBJECT_CLASS (straits_changes_page_parent_class)->dispose (object);
}

static void
straits_changes_page_class_init (StraitsChangesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = straits_changes_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsChangesPage, heading);
  gtk_widget_class_bind_template_child (widget_class, StraitsChangesPage, summary);
  gtk_widget_class_bind_template_child (widget_class, StraitsChangesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, StraitsChangesPage, list);
}

static void
straits_changes_page_init (StraitsChangesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
straits_changes_page_new (void)
{
  return g_object_new (STRAITS_TYPE_CHANGES_PAGE, NULL);
}
