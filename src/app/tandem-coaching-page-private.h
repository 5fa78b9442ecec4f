/* tandem-coaching-page-private.h — what the Coaching page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"
#include "tandem-coaching-page.h"
#include "tandem-coaching-search.h"
#include "tandem-coaching-templates-dialog.h"
#include "tandem-comments-panel.h"
#include "tandem-person-chooser.h"

G_BEGIN_DECLS

#define N_TEXTS 4
#define CHART_MONTHS 12

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

  GtkLabel            *session_title;
  GtkWidget           *template_button;
  GtkWidget           *delete_button;
  GtkWidget           *save_button;
  AdwPreferencesGroup *review_group;
  GtkListBox          *review_list;
  char                *review_shown;    /* what review_list's rows show, to rebuild only on change */
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  GtkSpinButton       *minutes_spin;
  AdwComboRow         *kind_row;
  AdwEntryRow         *own_kind_row;
  GtkSwitch           *online_switch;
  AdwEntryRow         *coach_row;
  GtkSwitch           *private_switch;
  GtkListBox          *people_list;
  TandemPersonChooser *attendee_chooser;
  GtkBox              *texts_box;
  GtkTextView         *text_views[N_TEXTS];
  AdwComboRow         *confidence_row;
  AdwComboRow         *momentum_row;
  GtkListBox          *actions_list;
  char                *actions_shown;   /* the same for actions_list */
  AdwEntryRow         *action_what_row;
  TandemPersonChooser *action_owner_chooser;
  AdwEntryRow         *action_due_row;
  GtkListBox          *links_list;
  TandemCommentsPanel *comments_panel;  /* the session's comment threads */

  GtkListBox          *upcoming_list;
  GtkListBox          *teams_list;
  GtkDrawingArea      *caseload_chart;

  TandemCoachingSearch *search;

  char                *session_id;      /* the session in the editor */
  char                *session_team;
  GPtrArray           *kinds;           /* stored kinds, as in kind_row */
  GPtrArray           *people;          /* TandemAttendee, as in people_list */
  GPtrArray           *people_choices;  /* attendance buttons' box per person */
  GPtrArray           *links;           /* TandemSessionLink, as in links_list */
  GPtrArray           *link_checks;     /* GtkCheckButton per link */
  GPtrArray           *templates;       /* TandemCoachingTemplate */
  TandemCoachingTemplatesDialog *templates_dialog;  /* Your Templates, while open */
  TandemAttendance    *team_attendance;
  TandemAttendance    *caseload_attendance;
  TandemCoachingPrivateChoice private_choice;  /* what to do after Include Private Sessions? */
  gboolean             export_private;  /* the export being chosen includes private sessions */
  char                *return_view;     /* where clearing a search goes back to */
  guint                save_source;     /* a save waiting for a pause in typing */
  gboolean             filling;         /* the form is being filled from the file */
  gboolean             saving;
};

char *_tandem_coaching_page_month_now          (void);
void  _tandem_coaching_page_print              (TandemPage              *page);
void  _tandem_coaching_page_export             (TandemPage              *page);
void  _tandem_coaching_page_class_actions_init (TandemCoachingPageClass *klass);

G_END_DECLS
