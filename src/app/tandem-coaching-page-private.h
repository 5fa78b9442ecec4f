/* tandem-coaching-page-private.h — what the Coaching page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"
#include "tandem-coaching-caseload.h"
#include "tandem-coaching-page.h"
#include "tandem-coaching-rows.h"
#include "tandem-coaching-search.h"
#include "tandem-coaching-templates-dialog.h"
#include "tandem-session-editor.h"

G_BEGIN_DECLS

typedef void (*TandemCoachingPrivateChoice) (TandemCoachingPage *self,
                                             gboolean            include_private);

struct _TandemCoachingPage
{
  TandemPage           parent_instance;

  GtkLabel            *summary_label;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *caseload_button;
  AdwSplitButton      *new_button;
  GtkStack            *stack;

  AdwPreferencesGroup *open_group;
  GtkListBox          *open_list;
  GtkListBox          *sessions_list;
  GtkDrawingArea      *team_chart;
  GtkLabel            *team_chart_text;

  TandemSessionEditor *editor;
  TandemCoachingCaseload *caseload;
  TandemCoachingSearch *search;

  GListStore          *open_actions;    /* TandemCoachingItem, shown by open_list */
  GListStore          *sessions;        /* TandemCoachingItem, shown by sessions_list */
  GtkSliceListModel   *sessions_shown;  /* the first of them, which have rows so far */
  char                *sessions_team;   /* the team they are of */
  guint                grow_tick;       /* the tick callback that gives the rest rows */
  gboolean             grow_drawn;      /* a frame was drawn since the list was cut */
  GPtrArray           *templates;       /* TandemCoachingTemplate */
  char                *templates_shown; /* the ids and names the menu was made from */
  TandemCoachingTemplatesDialog *templates_dialog;  /* Your Templates, while open */
  TandemAttendance    *team_attendance;
  TandemCoachingPrivateChoice private_choice;  /* what to do after Include Private Sessions? */
  gboolean             export_private;  /* the export being chosen includes private sessions */
  char                *return_view;     /* where clearing a search goes back to */
};

char *_tandem_coaching_page_month_now          (void);
void  _tandem_coaching_page_print              (TandemPage              *page);
void  _tandem_coaching_page_export             (TandemPage              *page);
void  _tandem_coaching_page_class_actions_init (TandemCoachingPageClass *klass);

G_END_DECLS
