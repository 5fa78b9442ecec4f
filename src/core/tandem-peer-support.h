/* tandem-peer-support.h — the peer-support implementation tracker: the
 * framework's checklist per team, peer roles, supervision and what follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemItemStatus:
 *
 * Where a team stands on one item of the framework, in the order the
 * work moves.
 */
typedef enum
{
  TANDEM_ITEM_NOT_STARTED, /*< nick=not_started >*/
  TANDEM_ITEM_PLANNING,
  TANDEM_ITEM_IN_PROGRESS, /*< nick=in_progress >*/
  TANDEM_ITEM_IN_PLACE, /*< nick=in_place >*/
  TANDEM_ITEM_NOT_APPLICABLE, /*< nick=not_applicable >*/
} TandemItemStatus;

#define TANDEM_N_ITEM_STATUSES (TANDEM_ITEM_NOT_APPLICABLE + 1)

/**
 * TandemSupervisionKind:
 *
 * The kinds of record kept for a peer role. 1:1 and group sessions count as
 * supervision; debriefs and training are kept but not counted as supervision.
 */
typedef enum
{
  TANDEM_SUPERVISION_ONE_TO_ONE, /*< nick=one_to_one >*/
  TANDEM_SUPERVISION_GROUP,
  TANDEM_SUPERVISION_DEBRIEF,
  TANDEM_SUPERVISION_TRAINING,
} TandemSupervisionKind;

#define TANDEM_N_SUPERVISION_KINDS (TANDEM_SUPERVISION_TRAINING + 1)

/* One framework item and where one team stands on it. */
typedef struct
{
  char             *item_id;
  char             *status_id;      /* NULL until the team has a record for it */
  char             *stage;
  char             *title;
  gboolean          support;        /* one of the kinds of support peer workers need */
  gboolean          builtin;        /* part of the national framework, not the project's own */
  int               framework_version;
  TandemItemStatus  status;
  char             *evidence;
  char             *owner;
  char             *target_date;
  char             *last_reviewed;
} TandemTrackerItem;

/* How far a team has come in one stage. */
typedef struct
{
  char  *stage;
  guint  counts[TANDEM_N_ITEM_STATUSES];
  guint  total;
} TandemStageProgress;

/* One peer role (or vacancy) and its supervision. No health information
 * about the worker is held: the role, its terms and its support only. */
typedef struct
{
  char     *id;
  char     *title;
  char     *band;
  double    hours;                  /* NAN when not given */
  char     *start_date;
  char     *end_date;
  char     *leaving_reason;
  gboolean  paired;
  gboolean  vacancy;
  double    expected_per_month;     /* NAN when the team has not set it */
  guint     n_records;              /* supervision, debrief and training records */
  char     *last_supervision;       /* the last 1:1 or group session, or NULL */
  double    per_month;              /* 1:1 and group sessions a month lately, NAN if too soon */
  char     *person_id;              /* who holds the role, or NULL */
  char     *person_name;
  char     *supervisor_id;          /* who supervises them, or NULL */
  char     *supervisor_name;
} TandemPeerRole;

typedef struct
{
  char                  *id;
  char                  *role_id;
  char                  *date;
  TandemSupervisionKind  kind;
  char                  *note;
} TandemSupervisionRecord;

/* One change of an item's status, from the change log. */
typedef struct
{
  char             *at;             /* ISO 8601 time */
  char             *author;
  TandemItemStatus  status;
} TandemStatusChange;

/* Retention of peer workers at one, two and three years. */
typedef struct
{
  guint  years;
  guint  eligible;                  /* roles started at least this long ago */
  guint  retained;                  /* of them, still in post at that point */
  double benchmark;                 /* the exemplary trust's figure, in percent */
} TandemRetention;

/* Everything about one team's implementation, as of one day: what the page,
 * the one-page summary and the CLI show. */
typedef struct
{
  char            *team_id;
  char            *team_name;
  char            *today;
  GPtrArray       *items;           /* TandemTrackerItem */
  GPtrArray       *stages;          /* TandemStageProgress */
  GPtrArray       *roles;           /* TandemPeerRole */
  TandemRetention  retention[3];
  guint            records[TANDEM_N_SUPERVISION_KINDS];  /* the team's records of each kind */
} TandemPeerSupportReport;

/* One team's progress for the coach's caseload view. */
typedef struct
{
  char      *team_id;
  char      *team_name;
  GPtrArray *stages;                /* TandemStageProgress, in the caseload's stage order */
  guint      roles;                 /* peer roles filled (not vacancies, not ended) */
} TandemTeamProgress;

typedef struct
{
  GPtrArray *stage_names;           /* char * */
  GPtrArray *teams;                 /* TandemTeamProgress */
} TandemPeerSupportCaseload;

/* What happened on one day in a team's implementation. */
typedef enum
{
  TANDEM_TIMELINE_STATUS,           /* an item's status changed (from the change log) */
  TANDEM_TIMELINE_ROLE_STARTED,     /* a peer worker started in a role */
  TANDEM_TIMELINE_ROLE_LEFT,        /* a peer worker left a role */
  TANDEM_TIMELINE_SUPERVISION,      /* 1:1 or group supervision, or a debrief */
  TANDEM_TIMELINE_TRAINING,
} TandemTimelineKind;

typedef struct
{
  char               *date;         /* YYYY-MM-DD */
  char               *at;           /* the time of a logged change, else NULL */
  TandemTimelineKind  kind;
  char               *subject_id;   /* the framework status or peer role */
  char               *text;         /* what happened, in words */
  char               *author;       /* who recorded a status change, else NULL */
} TandemTimelineEvent;

void        tandem_timeline_event_free          (TandemTimelineEvent   *event);
GPtrArray  *tandem_peer_support_timeline        (TandemProject         *project,
                                                 const char            *team_id,
                                                 GError               **error);
char       *tandem_peer_support_describe_timeline (GPtrArray           *events,
                                                 guint                  limit);

const char *tandem_item_status_to_string        (TandemItemStatus       status);
gboolean    tandem_item_status_from_string      (const char            *text,
                                                 TandemItemStatus      *status);
const char *tandem_item_status_label            (TandemItemStatus       status);
const char *tandem_supervision_kind_to_string   (TandemSupervisionKind  kind);
gboolean    tandem_supervision_kind_from_string (const char            *text,
                                                 TandemSupervisionKind *kind);
const char *tandem_supervision_kind_label       (TandemSupervisionKind  kind);

gboolean    tandem_peer_support_parse_date      (const char            *text,
                                                 char                  *iso,
                                                 GError               **error);
char       *tandem_peer_support_format_date     (const char            *iso);
char       *tandem_peer_support_today           (void);

GPtrArray  *tandem_peer_support_list_items      (TandemProject         *project,
                                                 const char            *team_id,
                                                 GError               **error);
GPtrArray  *tandem_peer_support_stage_progress  (GPtrArray             *items);
double      tandem_stage_progress_fraction      (const TandemStageProgress *stage);
GPtrArray  *tandem_peer_support_list_roles      (TandemProject         *project,
                                                 const char            *team_id,
                                                 const char            *today,
                                                 GError               **error);
GPtrArray  *tandem_peer_support_list_records    (TandemProject         *project,
                                                 const char            *role_id,
                                                 GError               **error);
GPtrArray  *tandem_peer_support_status_history  (TandemProject         *project,
                                                 const char            *status_id,
                                                 GError               **error);
void        tandem_peer_support_retention       (GPtrArray             *roles,
                                                 const char            *today,
                                                 TandemRetention        retention[3]);

gboolean    tandem_peer_support_set_status      (TandemProject         *project,
                                                 const char            *team_id,
                                                 const char            *item_id,
                                                 TandemItemStatus       status,
                                                 const char            *shown,
                                                 const char            *today,
                                                 GError               **error);
gboolean    tandem_peer_support_set_item_text   (TandemProject         *project,
                                                 const char            *team_id,
                                                 const char            *item_id,
                                                 const char            *field,
                                                 const char            *shown,
                                                 const char            *text,
                                                 GError               **error);
char       *tandem_peer_support_add_item        (TandemProject         *project,
                                                 const char            *stage,
                                                 const char            *title,
                                                 GError               **error);
gboolean    tandem_peer_support_delete_item     (TandemProject         *project,
                                                 const char            *item_id,
                                                 GError               **error);
char       *tandem_peer_support_add_role        (TandemProject         *project,
                                                 const char            *team_id,
                                                 const char            *title,
                                                 GError               **error);
gboolean    tandem_peer_support_set_role_field  (TandemProject         *project,
                                                 const char            *role_id,
                                                 const char            *field,
                                                 const char            *shown,
                                                 const char            *text,
                                                 GError               **error);
char       *tandem_peer_support_add_record      (TandemProject         *project,
                                                 const char            *role_id,
                                                 const char            *date,
                                                 TandemSupervisionKind  kind,
                                                 const char            *note,
                                                 GError               **error);
gboolean    tandem_peer_support_delete_record   (TandemProject         *project,
                                                 const char            *record_id,
                                                 GError               **error);
gboolean    tandem_peer_support_delete_role     (TandemProject         *project,
                                                 const char            *role_id,
                                                 GError               **error);

TandemPeerSupportReport   *tandem_peer_support_report_new        (TandemProject  *project,
                                                                  const char     *team_id,
                                                                  const char     *today,
                                                                  GError        **error);
void                       tandem_peer_support_report_free       (TandemPeerSupportReport *report);
char                      *tandem_peer_support_describe_progress (GPtrArray      *stages);
char                      *tandem_peer_support_describe_retention (const TandemRetention *retention);
char                      *tandem_peer_support_describe_supervision (const TandemPeerRole *role);
char                      *tandem_peer_support_describe_role     (const TandemPeerRole *role);
GPtrArray                 *tandem_peer_support_describe_support  (TandemPeerSupportReport *report);

TandemPeerSupportCaseload *tandem_peer_support_caseload_new      (TandemProject  *project,
                                                                  GError        **error);
void                       tandem_peer_support_caseload_free     (TandemPeerSupportCaseload *caseload);
char                      *tandem_peer_support_describe_caseload (TandemPeerSupportCaseload *caseload);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPeerSupportReport, tandem_peer_support_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPeerSupportCaseload, tandem_peer_support_caseload_free)

G_END_DECLS
