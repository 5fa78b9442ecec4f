/* tandem-coaching.h — coaching sessions, attendance, actions and their search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-project.h"
#include "tandem-stored-enums.h"

G_BEGIN_DECLS

/* Built-in kinds of session, stored in coaching_session.kind; a coach may
 * also type a kind of their own, which is stored as typed. */
#define TANDEM_SESSION_KIND_EXECUTIVE "executive"
#define TANDEM_SESSION_KIND_SERVICE_LEADERSHIP "service_leadership"
#define TANDEM_SESSION_KIND_FRONTLINE "frontline_delivery"
#define TANDEM_SESSION_KIND_WORKSHOP "collaborative_workshop"
#define TANDEM_SESSION_KIND_OTHER "other"

/* How a person took part in a session when nothing is recorded: no
 * attendance row, so no stored word and not a value of the enum. */
#define TANDEM_ATTENDANCE_NOT_RECORDED ((TandemAttendanceStatus) -1)

typedef struct
{
  char     *id;
  char     *team_id;
  char     *team_name;
  char     *starts_at;      /* ISO 8601, UTC: 2026-11-18T10:00:00Z */
  int       minutes;        /* 0: not given */
  char     *kind;
  gboolean  online;
  char     *coach;
  char     *check_in;
  char     *notes;
  char     *advice;
  char     *agreements;
  int       confidence;     /* 1–5, 0: not rated */
  int       momentum;       /* 1–5, 0: not rated */
  gboolean  private;
  guint     n_present;
  guint     n_apologies;
  gboolean  lived_experience_present;
  guint     n_actions;      /* agreed in this session */
  guint     n_open_actions;
} TandemSession;

typedef struct
{
  char     *id;             /* the attendance row, NULL if not recorded */
  char     *person_id;
  char     *name;
  char     *person_role;    /* person.role: staff, lived_experience_partner… */
  char     *title;          /* the role written in the attendance, such as a job */
  TandemAttendanceStatus status; /* or TANDEM_ATTENDANCE_NOT_RECORDED */
  gboolean  lived_experience;
} TandemAttendee;

typedef struct
{
  char *id;
  char *team_id;
  char *session_id;
  char *session_starts_at;
  char *what;
  char *owner_id;
  char *owner_name;
  char *due_on;             /* YYYY-MM-DD or NULL */
  TandemActionStatus status;
  char *closed_on;
  char *reason;
  char *carried_from;
  char *carried_to;         /* the copy that carried it forward, or NULL */
  char *carried_to_due;     /* that copy's due date */
} TandemAction;

typedef struct
{
  char  *entity;            /* node, pdsa_cycle or measure */
  char  *id;
  char  *title;
  char  *link_id;           /* the session_link row, NULL if not linked */
} TandemSessionLink;

typedef struct
{
  char  *team_id;
  char  *team_name;
  char  *last_seen;         /* starts_at of the last session before now, or NULL */
  char  *next_session;      /* starts_at of the next one, or NULL */
  int    days_since_seen;   /* -1: never seen */
  guint  n_open;
  guint  n_overdue;
} TandemCaseloadTeam;

typedef struct
{
  char     *item_id;        /* a session or an action */
  gboolean  is_action;
  char     *session_id;     /* the session, or the one that agreed the action */
  char     *team_id;
  char     *team_name;
  char     *starts_at;
  gboolean  private;
  char     *snippet;        /* with TANDEM_MATCH_START … TANDEM_MATCH_END around matches */
} TandemSearchHit;

/* Marks around the matched words in TandemSearchHit.snippet (private-use
 * characters, which never occur in what people type). */
#define TANDEM_MATCH_START "\xee\x80\x80"
#define TANDEM_MATCH_END   "\xee\x80\x81"

typedef struct
{
  char     *id;             /* NULL for a built-in template */
  char     *name;
  char     *kind;
  int       minutes;
  gboolean  online;
  char     *check_in;
  char     *notes;
  char     *advice;
  char     *agreements;
} TandemCoachingTemplate;

typedef struct
{
  guint       n_teams;
  char      **team_names;    /* n_teams */
  guint       n_months;
  int         first_year;
  int         first_month;   /* 1–12 */
  guint      *sessions;      /* n_teams × n_months, row by row */
  guint      *team_sessions; /* per team: sessions in the whole range */
  guint      *team_with_le;  /* per team: of those, with lived experience present */
} TandemAttendance;

void        tandem_session_free             (TandemSession           *session);
void        tandem_attendee_free            (TandemAttendee          *attendee);
void        tandem_action_free              (TandemAction            *action);
void        tandem_session_link_free        (TandemSessionLink       *link);
void        tandem_caseload_team_free       (TandemCaseloadTeam      *team);
void        tandem_search_hit_free          (TandemSearchHit         *hit);
void        tandem_coaching_template_free   (TandemCoachingTemplate  *template_);
void        tandem_attendance_free          (TandemAttendance        *attendance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSession, tandem_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemAction, tandem_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemAttendance, tandem_attendance_free)

const char *tandem_coaching_kind_label      (const char              *kind);
const char *tandem_coaching_role_label      (const char              *person_role);
const char * const *tandem_coaching_builtin_kinds (void);
GPtrArray  *tandem_coaching_list_kinds      (TandemProject           *project);

char       *tandem_coaching_today           (void);
char       *tandem_coaching_now             (void);
gboolean    tandem_action_is_overdue        (const TandemAction      *action,
                                             const char              *today);

GPtrArray  *tandem_coaching_list_sessions   (TandemProject           *project,
                                             const char              *team_id,
                                             const char              *from,
                                             const char              *to,
                                             gboolean                 include_private,
                                             GError                 **error);
TandemSession *tandem_coaching_get_session  (TandemProject           *project,
                                             const char              *session_id,
                                             GError                 **error);
GPtrArray  *tandem_coaching_list_attendees  (TandemProject           *project,
                                             const char              *team_id,
                                             const char              *session_id,
                                             GError                 **error);
GPtrArray  *tandem_coaching_list_actions    (TandemProject           *project,
                                             const char              *session_id,
                                             GError                 **error);
GPtrArray  *tandem_coaching_list_actions_to_review (TandemProject    *project,
                                             const char              *team_id,
                                             const char              *before,
                                             GError                 **error);
GPtrArray  *tandem_coaching_list_reviewed_actions (TandemProject  *project,
                                                 const char     *session_id,
                                                 GError        **error);
GPtrArray  *tandem_coaching_list_links      (TandemProject           *project,
                                             const char              *team_id,
                                             const char              *session_id,
                                             GError                 **error);
char       *tandem_coaching_find_previous   (TandemProject           *project,
                                             const char              *team_id,
                                             const char              *before);

GPtrArray  *tandem_coaching_caseload        (TandemProject           *project,
                                             const char              *now,
                                             GError                 **error);
GPtrArray  *tandem_coaching_list_upcoming   (TandemProject           *project,
                                             const char              *now,
                                             guint                    limit,
                                             GError                 **error);

char       *tandem_coaching_log_session     (TandemProject           *project,
                                             const char              *team_id,
                                             const char              *starts_at,
                                             const TandemCoachingTemplate *template_,
                                             GError                 **error);
gboolean    tandem_coaching_set_attendance  (TandemProject           *project,
                                             const char              *session_id,
                                             const char              *person_id,
                                             TandemAttendanceStatus   status,
                                             const char              *title,
                                             GError                 **error);
gboolean    tandem_coaching_set_link        (TandemProject           *project,
                                             const char              *session_id,
                                             const char              *entity,
                                             const char              *item_id,
                                             gboolean                 linked,
                                             GError                 **error);
char       *tandem_coaching_add_action      (TandemProject           *project,
                                             const char              *session_id,
                                             const char              *what,
                                             const char              *owner_id,
                                             const char              *due_on,
                                             GError                 **error);
gboolean    tandem_coaching_mark_done       (TandemProject           *project,
                                             const char              *action_id,
                                             const char              *today,
                                             GError                 **error);
char       *tandem_coaching_carry_forward   (TandemProject           *project,
                                             const char              *action_id,
                                             const char              *session_id,
                                             const char              *due_on,
                                             const char              *today,
                                             GError                 **error);
gboolean    tandem_coaching_drop            (TandemProject           *project,
                                             const char              *action_id,
                                             const char              *reason,
                                             const char              *today,
                                             GError                 **error);

GPtrArray  *tandem_coaching_list_templates  (TandemProject           *project);
char       *tandem_coaching_save_template   (TandemProject           *project,
                                             const char              *name,
                                             const char              *session_id,
                                             GError                 **error);

gboolean    tandem_coaching_rename_template (TandemProject           *project,
                                             const char              *template_id,
                                             const char              *name,
                                             GError                 **error);
gboolean    tandem_coaching_delete_template (TandemProject           *project,
                                             const char              *template_id,
                                             GError                 **error);

guint       tandem_coaching_count_private   (TandemProject           *project);
gboolean    tandem_coaching_save_copy_without_private (TandemProject *project,
                                             const char              *path,
                                             GError                 **error);

gboolean    tandem_coaching_update_index    (TandemProject           *project,
                                             GError                 **error);
GPtrArray  *tandem_coaching_search          (TandemProject           *project,
                                             const char              *text,
                                             guint                    limit,
                                             GError                 **error);
char       *tandem_coaching_snippet_markup  (const char              *snippet);

TandemAttendance *tandem_coaching_attendance (TandemProject          *project,
                                             const char              *team_id,
                                             const char              *last_month,
                                             guint                    n_months,
                                             gboolean                 include_private,
                                             GError                 **error);

/* Who came to a session, as a session's form says (see
 * tandem_coaching_set_attendance()). */
typedef struct
{
  const char *person_id;
  TandemAttendanceStatus status;  /* or TANDEM_ATTENDANCE_NOT_RECORDED */
  const char *title;        /* the role written in the attendance */
} TandemAttendanceChoice;

/* What a session is linked to, as a session's form says (see
 * tandem_coaching_set_link()). */
typedef struct
{
  const char *entity;       /* node, pdsa_cycle or measure */
  const char *item_id;
  gboolean    linked;
} TandemLinkChoice;

gboolean    tandem_coaching_edit_session    (TandemProject           *project,
                                             const char              *session_id,
                                             TandemFieldEdit         *fields,
                                             guint                    n_fields,
                                             const TandemAttendanceChoice *attendance,
                                             guint                    n_attendance,
                                             const TandemLinkChoice  *links,
                                             guint                    n_links,
                                             GError                 **error);
gboolean    tandem_coaching_delete_session  (TandemProject           *project,
                                             const char              *session_id,
                                             GError                 **error);
gboolean    tandem_coaching_delete_action   (TandemProject           *project,
                                             const char              *action_id,
                                             GError                 **error);

G_END_DECLS
