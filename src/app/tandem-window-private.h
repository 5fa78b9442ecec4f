/* tandem-window-private.h — what the window's files share
 *
 * tandem-window.c opens a project and shows its teams in the pages;
 * tandem-window-actions.c holds the window's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-page.h"
#include "tandem-window.h"

G_BEGIN_DECLS

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *team_dropdown;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkRevealer          *read_only_revealer;
  GtkStack             *main_stack;
  GtkStack             *project_stack;
  AdwViewStack         *view_stack;
  GtkLabel             *opening_label;
  GtkSpinner           *opening_spinner;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *new_project_button;
  TandemPage           *diagram_page;
  TandemPage           *measures_page;
  TandemPage           *coaching_page;
  TandemPage           *peer_support_page;
  TandemPage           *standards_page;
  GMenu                *recent_submenu;

  GFile                *file;
  TandemProject        *project;
  GCancellable         *opening;
  GPtrArray            *team_ids;
  GtkStringList        *team_names;
  char                 *team_id;
  char                 *pending_page;   /* tandem_window_show_item () before the file opened */
  char                 *pending_item;
  gboolean              reloading;
  GtkWidget            *conflicts_banner;
  GtkWidget            *author_prompt;
  gboolean              fullscreen_before_workshop;
  gboolean              only_for_file;  /* made to open one file: not kept if it fails */
  gboolean              copy_offers_private; /* the Save a Copy chooser asks about private sessions */
};

TandemPage *_tandem_window_get_visible_page    (TandemWindow      *self);
void        _tandem_window_update_actions      (TandemWindow      *self);
void        _tandem_window_class_actions_init  (TandemWindowClass *klass);
void        _tandem_window_actions_init        (TandemWindow      *self);

G_END_DECLS
