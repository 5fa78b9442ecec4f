/* tandem-session-editor-private.h — what the session editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"
#include "tandem-comments-panel.h"
#include "tandem-date.h"
#include "tandem-person-chooser.h"
#include "tandem-session-attendance.h"
#include "tandem-session-editor.h"
#include "tandem-session-review.h"

G_BEGIN_DECLS

#define N_TEXTS 4

/* The session's words, each a field of the file with its heading. */
/* The editor saves as the person types: a pause this long, the end of a
 * paragraph or leaving a field makes one change, so that Undo takes back
 * what was written since, not a single keystroke. */
#define TYPING_PAUSE_MS 2000

static const struct { const char *field; const char *title; } _tandem_session_texts[N_TEXTS] = {
  { "check_in", N_("Chec_k-in") },
  { "notes", N_("_Notes") },
  { "advice", N_("Ad_vice given") },
  { "agreements", N_("A_greements") },
};

struct _TandemSessionEditor
{
  AdwBin                   parent_instance;

  GtkLabel                *session_title;
  GtkWidget               *template_button;
  GtkWidget               *delete_button;
  GtkWidget               *save_button;
  TandemSessionReview     *review;
  AdwEntryRow             *date_row;
  AdwEntryRow             *time_row;
  GtkSpinButton           *minutes_spin;
  AdwComboRow             *kind_row;
  AdwEntryRow             *own_kind_row;
  GtkSwitch               *online_switch;
  AdwEntryRow             *coach_row;
  GtkSwitch               *private_switch;
  TandemSessionAttendance *attendance;
  GtkBox                  *texts_box;
  GtkTextView             *text_views[N_TEXTS];
  AdwComboRow             *confidence_row;
  AdwComboRow             *momentum_row;
  GtkListBox              *actions_list;
  char                    *actions_shown;  /* what actions_list's rows show, to rebuild only on change */
  GPtrArray               *action_ids;     /* the action each row of actions_list shows */
  AdwEntryRow             *action_what_row;
  TandemPersonChooser     *action_owner_chooser;
  AdwEntryRow             *action_due_row;
  GtkListBox              *links_list;
  TandemCommentsPanel     *comments_panel;  /* the session's comment threads */

  TandemProject           *project;
  char                    *session_id;      /* the session in the editor */
  char                    *session_team;
  GPtrArray               *kinds;           /* stored kinds, as in kind_row */
  GPtrArray               *links;           /* TandemSessionLink, as in links_list */
  GPtrArray               *link_checks;     /* GtkCheckButton per link */
  guint                    save_source;     /* a save waiting for a pause in typing */
  gboolean                 filling;         /* the form is being filled from the file */
  gboolean                 saving;
};

static inline const char *
editable_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A date as a person types it in any date field: day first (20/11/2026) or
 * year-month-day; @date is the year-month-day it means. */
static inline gboolean
typed_date (const char *text,
            char        date[11])
{
  return tandem_read_typed_date (text, date, NULL);
}

char     *_tandem_session_editor_text                   (GtkTextView         *view);
void      _tandem_session_editor_fill_fields            (TandemSessionEditor *self,
                                                         TandemSession       *session,
                                                         gboolean             keep_typing);
void      _tandem_session_editor_reload_lists           (TandemSessionEditor *self);
void      _tandem_session_editor_emit_session_activated (TandemSessionEditor *self,
                                                         const char          *session_id,
                                                         const char          *team_id);
void      _tandem_session_editor_delete_action_cb       (GtkButton           *button,
                                                         TandemSessionEditor *self);
void      _tandem_session_editor_class_actions_init     (GtkWidgetClass      *widget_class);

/* tandem-session-editor-save.c */
gboolean  _tandem_session_editor_save_full              (TandemSessionEditor *self,
                                                         gboolean             typing);
gboolean  _tandem_session_editor_vanished               (TandemSessionEditor *self,
                                                         gboolean             typing,
                                                         const GError        *error);
void      _tandem_session_editor_let_go                 (TandemSessionEditor *self,
                                                         TandemProject       *project);

G_END_DECLS
