/* tandem-page.h — what every area page of a project window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PAGE (tandem_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (TandemPage, tandem_page, TANDEM, PAGE, AdwBin)

/**
 * TandemPageClass:
 * @reload: show the current project and team afresh; called when either
 *   changes and when the project reports a change to one of the page's
 *   @entities (NULL-terminated, set in class_init); a page out of sight
 *   in a window on screen reloads when it comes into view instead
 * @print: print what the page shows (the window's Print…, Ctrl+P), or %NULL
 * @export: export what the page shows to a file (Export…, Ctrl+E), or %NULL
 */
struct _TandemPageClass
{
  AdwBinClass parent_class;

  const char * const *entities;

  void (*reload) (TandemPage *self);
  void (*print)  (TandemPage *self);
  void (*export) (TandemPage *self);

  gpointer padding[8];
};

TandemProject *tandem_page_get_project   (TandemPage    *self);
void           tandem_page_set_project   (TandemPage    *self,
                                          TandemProject *project);
const char    *tandem_page_get_team_id   (TandemPage    *self);
void           tandem_page_set_team_id   (TandemPage    *self,
                                          const char    *team_id);
gboolean       tandem_page_get_editable  (TandemPage    *self);
gboolean       tandem_page_get_stale     (TandemPage    *self);
void           tandem_page_ensure_current (TandemPage   *self);
gboolean       tandem_page_can_print     (TandemPage    *self);
void           tandem_page_print         (TandemPage    *self);
gboolean       tandem_page_can_export    (TandemPage    *self);
void           tandem_page_export        (TandemPage    *self);
void           tandem_page_show_error    (TandemPage    *self,
                                          const char    *heading,
                                          const GError  *error);
void           tandem_page_show_toast    (TandemPage    *self,
                                          const char    *title,
                                          gboolean       with_undo);

G_END_DECLS
