/* straits-window-private.h: the window's state, shared by the files that
 * make up the window: straits-window.c (views, selection, time, style),
 * -loading, -search, -actions, -presentation, -arms, -compare, -dates
 * and -types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-atlas.h"
#include "straits-bookmarks.h"
#include "straits-map-view.h"
#include "straits-session.h"
#include "straits-side-panel.h"
#include "straits-time-bar.h"
#include "straits-view-info.h"
#include "straits-window.h"

G_BEGIN_DECLS

/* The map's sizes are multiplied by at least this while presenting (more
 * on a monitor tall enough for the slide type scale to ask for more). */
#define STRAITS_PROJECTOR_SCALE 1.6

/* A search result: what kind of item (straits-window-search.c) and its index. */
typedef struct {
  guint kind;
  guint32 index;
} StraitsSearchHit;

struct _StraitsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *view_stack;
  StraitsMapView *map_view;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkListBox *search_results;
  GtkWidget *search_results_scroller;
  GArray *search_hits;              /* StraitsSearchHit, one per row of search_results */
  AdwStatusPage *empty_page;
  GtkLabel *status_label;
  GMenu *recent_section;
  gboolean recent_watched;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;         /* the menu button's, given it as it first opens */
  AdwFlap *flap;
  StraitsSidePanel *side_panel;
  StraitsTimeBar *time_bar;
  StraitsSelection group_selection; /* while the map shows a group's members */
  GCancellable *measuring;

  /* Presentation mode: slides are the dataset's views, then bookmarks. */
  AdwHeaderBar *header_bar;
  AdwViewSwitcherBar *switcher_bar;
  GtkRevealer *slide_revealer;
  GtkLabel *slide_label;
  GtkRevealer *notes_revealer;      /* N: the notes on the slide, with one monitor */
  GtkLabel *notes_label;
  GtkWidget *presenter_console;     /* with two monitors, on the presenter's */
  int audience_width, audience_height; /* the audience's monitor, pixels */
  GArray *slides;                   /* StraitsSlide, from the session */
  guint slide;
  gboolean presenting;
  gboolean flap_was_revealed;
  gboolean presentation_high_contrast; /* the high-contrast style while presenting */
  StraitsConvention convention;        /* how disputed and occupied areas are drawn */
  gboolean show_legend;                /* the map's legend in the window (always while presenting) */

  GSettings *settings;
  StraitsSession *session;      /* what the application holds: dataset, layers, atlas, bookmarks */
  GFileMonitor *monitor;
  guint reload_id;
  gboolean reload_pending;   /* the file changed while it was being loaded */
  GCancellable *loading;
  GPtrArray *views;            /* StraitsViewInfo */
  char *current_view;
  gboolean rebuilding_views;
  GHashTable *scenes;          /* view id → StraitsMapScene, shown before in this dataset */
  /* The first view's renderer, drawn ahead of the window with the dataset
   * being shown (straits-window-loading.c), for that view's scene. */
  StraitsMapRenderer *warm;
  cairo_surface_t *warm_frame;
  char *warm_view;
  guint ahead_id;              /* the views not shown, to be drawn ahead */
  guint rest_id;               /* the date or selection has rested: draw them ahead again */

  /* A SIPRI trade register added to the dataset (straits-window-arms.c). */
  GFileMonitor *sipri_monitor;
  GCancellable *sipri_loading;
  guint sipri_reload_id;

  /* Two dates side by side (straits-window-dates.c); NULL when not split. */
  GtkWidget *compare_box;           /* the two halves, in the map's overlay */
  StraitsMapView *compare_view;     /* the right half: a copy of the left's scene at its date */
  GtkLabel *compare_left_label;     /* each half's date, in its corner */
  GtkLabel *compare_right_label;
  GtkSpinButton *compare_year;      /* the right half's year */
  StraitsMapScene *compare_left_scene; /* the left's scene, followed */
  gboolean compare_syncing;         /* copying extent or selection across: no echo */

  /* The Relation Types menu (straits-window-types.c). */
  GtkMenuButton *types_button;
  GtkBox *types_list;               /* a check button per relation type */
  gboolean types_list_stale;        /* filled as the menu next opens */
  GSimpleActionGroup *type_actions; /* "relation-type.N": whether type N is drawn */
  StraitsMapScene *types_scene;     /* the map's scene, followed */
};

/* straits-window.c */
/* straits-window-views.c */
void                    _straits_window_rebuild_view_pages    (StraitsWindow      *self);
void                    _straits_window_queue_views_ahead     (StraitsWindow      *self);
/* straits-window.c */
void                    _straits_window_apply_time            (StraitsWindow      *self);
void                    _straits_window_apply_territorial_seas (StraitsWindow     *self);
void                    _straits_window_show_view             (StraitsWindow      *self,
                                                               const char         *id);
const StraitsViewInfo  *_straits_window_find_view_info         (StraitsWindow      *self,
                                                               const char         *id);
gboolean                _straits_window_time_is_all            (StraitsWindow      *self);
/* A dataset file as Open reads it: JSON, an ODS or XLSX workbook, a zip or
 * folder of CSV files, or one CSV file of such a folder. Any thread.
 * @diagnostics: (out) (transfer full) (nullable) */
StraitsDataset         *_straits_window_load_dataset           (const char         *path,
                                                                GPtrArray         **diagnostics);
/* Open's filters (datasets, workbooks, all files) on @chooser. */
void                    _straits_window_add_dataset_filters    (GtkFileChooser     *chooser);
StraitsDate             _straits_window_time_slider_date       (StraitsWindow      *self);
void                    _straits_window_set_time               (StraitsWindow      *self,
                                                               const StraitsDate  *date);
void                    _straits_window_apply_map_style        (StraitsWindow      *self);
void                    _straits_window_show_text_toast        (StraitsWindow      *self,
                                                                const char         *text);

void                    _straits_window_update_titles          (StraitsWindow      *self);
void                    _straits_window_report_failure         (StraitsWindow      *self,
                                                               GFile              *file,
                                                               GPtrArray          *diagnostics);

void                    _straits_window_show_dataset           (StraitsWindow      *self,
                                                               StraitsDataset     *dataset,
                                                               GFile              *file);
void                    _straits_window_show_entry             (StraitsWindow      *self,
                                                               StraitsHistoryKind  kind,
                                                               guint32             index);
typedef void (*StraitsWindowLaterFunc) (StraitsWindow *self, guint kind, guint32 index);
void                    _straits_window_later                  (StraitsWindow      *self,
                                                               StraitsWindowLaterFunc func,
                                                               guint               kind,
                                                               guint32             index);
void                    _straits_window_select_group           (StraitsWindow      *self,
                                                               guint32             grouping,
                                                               guint32             group);

/* straits-window-loading.c */
void                    _straits_window_class_loading_init     (GtkWidgetClass     *widget_class);
void                    _straits_window_loading_init           (StraitsWindow      *self);
void                    _straits_window_watch_recent           (StraitsWindow      *self);

/* straits-window-compare.c */
void                    _straits_window_class_compare_init     (GtkWidgetClass     *widget_class);
void                    _straits_window_apply_changes          (StraitsWindow      *self);
void                    _straits_window_changes_shown          (StraitsWindow      *self);

/* straits-window-search.c */
void                    _straits_window_class_search_init      (GtkWidgetClass     *widget_class);
void                    _straits_window_search_init            (StraitsWindow      *self);

/* straits-window-actions.c */
void                    _straits_window_class_actions_init     (GtkWidgetClass     *widget_class);
void                    _straits_window_actions_init           (StraitsWindow      *self);

/* straits-window-arms.c */
void                    _straits_window_class_arms_init        (GtkWidgetClass     *widget_class);
void                    _straits_window_arms_init              (StraitsWindow      *self);
void                    _straits_window_arms_dispose           (StraitsWindow      *self);
void                    _straits_window_arms_apply             (StraitsWindow      *self);
void                    _straits_window_arms_dataset_shown     (StraitsWindow      *self);

/* straits-window-presentation.c */
void                    _straits_window_class_presentation_init (GtkWidgetClass   *widget_class);
void                    _straits_window_presentation_init      (StraitsWindow      *self);
void                    _straits_window_presentation_dispose   (StraitsWindow      *self);

/* straits-window-types.c */
void                    _straits_window_class_types_init     (GtkWidgetClass     *widget_class);
void                    _straits_window_types_init           (StraitsWindow      *self);
void                    _straits_window_types_dispose        (StraitsWindow      *self);

/* straits-window-dates.c */
void                    _straits_window_dates_init           (StraitsWindow      *self);
void                    _straits_window_dates_dispose        (StraitsWindow      *self);
/* (transfer none) (nullable): the right half's scene while split */
StraitsMapScene        *_straits_window_dates_scene          (StraitsWindow      *self);

/* straits-window.c: the kind of style the window's maps have now. */
StraitsMapStyleKind _straits_window_style_kind (StraitsWindow *self);
/* straits-window.c: the style maps have on screen, of @kind. Pure: the
 * thread that reads the dataset ahead of the window calls it too. */
void _straits_window_screen_style (StraitsMapStyle     *style,
                                   StraitsMapStyleKind  kind);

G_END_DECLS
