/* tandem-programme.h — a programme: many teams' project files read together,
 * read-only and in parallel, for a collaborative's dashboard and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-diagram.h"
#include "tandem-disparity.h"
#include "tandem-peer-support.h"
#include "tandem-standards-teams.h"

G_BEGIN_DECLS

/* The windows the dashboard looks back over, ending on the report's last day. */
#define TANDEM_PROGRAMME_RECENT_DAYS      90   /* PDSA cycles, coaching sessions */
#define TANDEM_PROGRAMME_SIGNAL_DAYS      84   /* 12 weeks: signals on measures */
#define TANDEM_PROGRAMME_UNSEEN_DAYS      60   /* no session in this long: said as missing */

typedef enum
{
  TANDEM_PROGRAMME_FILE_READ,
  TANDEM_PROGRAMME_FILE_REFUSED,
  TANDEM_PROGRAMME_FILE_DUPLICATE,
} TandemProgrammeFileState;

/* One calendar quarter of the programme (or of one team). */
typedef struct
{
  int    year;
  int    quarter;               /* 1–4 */
  char   from[11];              /* its first day, or the report's first day */
  char   to[11];                /* its last day, or the report's last day */
  guint  new_ideas;             /* change ideas added (or, for those that came with
                                 * the file, first tested) in the quarter */
  guint  new_race_ideas;        /* of them, tagged race equity */
  guint  pdsa_started;
  guint  sessions;
  guint  sessions_with_lived_experience;
} TandemProgrammeQuarter;

/* A group's ratio against the reference group over the last twelve months
 * of a measure broken down by group. */
typedef struct
{
  char              *measure;
  char              *group;
  char              *reference;
  char              *from;
  char              *to;
  TandemRatioStatus  status;
  double             ratio;     /* NAN unless estimated */
  double             lcl;
  double             ucl;
} TandemProgrammeRatio;

/* Where a team's measure stands in the 12 weeks up to the report's last day. */
typedef enum
{
  TANDEM_PROGRAMME_MEASURE_IMPROVING,   /* a signal of improvement */
  TANDEM_PROGRAMME_MEASURE_NO_SIGNAL,   /* data, but no signal of improvement */
  TANDEM_PROGRAMME_MEASURE_NO_DATA,     /* no data */
} TandemProgrammeMeasureState;

/* One of a team's measures, for a figure that opens it. */
typedef struct
{
  char                        *id;
  char                        *name;
  TandemProgrammeMeasureState  state;
} TandemProgrammeMeasureLink;

/* One standard's average in a team's latest self-assessment round: a cell
 * of the programme's heatmap. */
typedef struct
{
  char   *id;                   /* the standard's id, the same in every file */
  char   *title;                /* its name in the team's file */
  double  mean;                 /* everyone's mean score, NAN if no one scored it */
  char   *word;                 /* the framework's word for it, NULL if not scored */
} TandemProgrammeStandardScore;

/* A team's Standards level from its latest self-assessment round, as the
 * Standards page's "Across the Project" works it out. */
typedef struct
{
  char       *date;             /* the round's date */
  guint       n_staff;          /* staff who took part */
  int         headcount;        /* 0 if not known */
  gboolean    counts;           /* at least 75% of the staff took part */
  double      average;          /* the mean of the standards' means, NAN if none scored */
  int         level;            /* a TandemStandardLevel, or TANDEM_STANDARD_LEVEL_NONE */
  GPtrArray  *scores;           /* TandemProgrammeStandardScore, in the framework's order */
} TandemProgrammeStandards;

/* The figures of one team, as of the report's last day. */
typedef struct
{
  char         *file;                  /* the project file it is in */
  char         *team_id;
  char         *name;
  char         *organisation;
  char         *service_type;

  guint         n_ideas;
  guint         statuses[TANDEM_N_IDEA_STATUSES];
  guint         levels[TANDEM_N_COPRODUCTION_LEVELS];
  guint         n_tagged;              /* with at least one equity tag */
  GPtrArray    *tag_names;             /* char *, race equity first */
  GArray       *tag_counts;            /* guint, one per name */
  guint         n_race_ideas;

  guint         n_pdsa_recent;         /* started in the last 90 days */
  guint         n_sessions_recent;     /* coaching sessions in the last 90 days */
  guint         n_sessions_recent_le;  /* of them, with lived experience present */
  char         *last_session;          /* starts_at, or NULL if never */
  int           days_since_session;    /* -1: never */
  guint         n_open_actions;
  guint         n_overdue_actions;

  guint         n_measures;
  guint         n_measures_improving;  /* a signal of improvement in the last 12 weeks */
  guint         n_measures_no_signal;  /* data in the last 12 weeks but no signal */
  GPtrArray    *measures_without_data; /* char *: no data in the last 12 weeks */
  GPtrArray    *measure_links;         /* TandemProgrammeMeasureLink, by position: the
                                        * first is the team's key measure */

  guint         framework_applicable;  /* peer-support framework items that apply */
  guint         framework_in_place;
  guint         peer_roles;            /* filled, not ended */
  guint         peer_vacancies;
  guint         supervision_behind;    /* roles supervised less often than expected */
  guint         supervision_records;   /* all kinds, ever */
  TandemRetention retention[3];

  GPtrArray    *ratios;                /* TandemProgrammeRatio */
  GArray       *quarters;              /* TandemProgrammeQuarter */

  TandemProgrammeStandards *standards; /* NULL: no self-assessment round */
} TandemProgrammeTeam;

/* One file of the programme. */
typedef struct
{
  char                     *path;
  TandemProgrammeFileState  state;
  char                     *reason;        /* why it was refused, or the duplicate's note */
  char                     *identity;      /* the project it is a copy of */
  char                     *last_change;   /* its last recorded change, ISO 8601 */
  gint64                    n_changes;     /* how many changes it records */
  gboolean                  older_format;  /* read through an update made in memory */
  guint                     generation;    /* how many times it has been read */
  gboolean                  reused;        /* its figures kept from an earlier read in
                                            * this process, the file unchanged since
                                            * and the day the same */
  GPtrArray                *teams;         /* TandemProgrammeTeam; empty unless read */
} TandemProgrammeFile;

/* The programme's figures: the sum over every team of every file read,
 * each copy of a project counted once. */
typedef struct
{
  guint         n_files;
  guint         n_read;
  guint         n_refused;
  guint         n_duplicates;
  guint         n_teams;

  guint         n_ideas;
  guint         statuses[TANDEM_N_IDEA_STATUSES];
  guint         levels[TANDEM_N_COPRODUCTION_LEVELS];
  guint         n_tagged;
  GPtrArray    *tag_names;             /* race equity first, then by first seen */
  GArray       *tag_counts;
  guint         n_race_ideas;

  guint         n_pdsa_recent;
  guint         n_sessions_recent;
  guint         n_sessions_recent_le;
  guint         n_teams_unseen;        /* no session in the last 60 days */
  guint         n_open_actions;
  guint         n_overdue_actions;

  guint         n_measures;
  guint         n_measures_improving;
  guint         n_measures_no_signal;
  guint         n_measures_without_data;

  guint         framework_applicable;
  guint         framework_in_place;
  guint         peer_roles;
  guint         peer_vacancies;
  guint         supervision_behind;
  guint         supervision_records;
  TandemRetention retention[3];

  guint         n_teams_with_standards; /* with a self-assessment round */
  guint         n_teams_at_level[3];   /* at Bronze, Silver, Gold (by TandemStandardLevel),
                                        * in a round that counts (75% took part) */

  GArray       *quarters;              /* TandemProgrammeQuarter */
} TandemProgrammeTotals;

#define TANDEM_TYPE_PROGRAMME (tandem_programme_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgramme, tandem_programme, TANDEM, PROGRAMME, GObject)

TandemProgramme             *tandem_programme_open            (const char * const  *paths,
                                                               const char          *from,
                                                               const char          *to,
                                                               GError             **error);
const char                  *tandem_programme_get_from        (TandemProgramme     *self);
const char                  *tandem_programme_get_to          (TandemProgramme     *self);
GPtrArray                   *tandem_programme_get_files       (TandemProgramme     *self);
const TandemProgrammeTotals *tandem_programme_get_totals      (TandemProgramme     *self);
gboolean                     tandem_programme_reread          (TandemProgramme     *self,
                                                               const char          *path);
gboolean                     tandem_programme_watch           (TandemProgramme     *self,
                                                               GError             **error);

char                        *tandem_programme_format_count    (guint                n);
char                        *tandem_programme_format_share    (guint                part,
                                                               guint                whole);
char                        *tandem_programme_describe_ideas  (const TandemProgrammeTotals *totals);
char                        *tandem_programme_to_json         (TandemProgramme     *self);
char                        *tandem_programme_to_markdown     (TandemProgramme     *self);

/* In tandem-programme-team.c: one team's figures. */
TandemProgrammeTeam         *tandem_programme_team_read       (TandemProject       *project,
                                                               const char          *team_id,
                                                               const char          *from,
                                                               const char          *to,
                                                               GError             **error);
void                         tandem_programme_team_set_standards (TandemProgrammeTeam *team,
                                                               const TandemStandardsFramework *framework,
                                                               const TandemTeamStandards *standards);
char                        *tandem_programme_describe_standards (const TandemProgrammeTotals *totals);
char                        *tandem_programme_describe_level  (const TandemProgrammeStandards *standards);
const char                  *tandem_programme_level_word      (const TandemProgrammeStandards *standards);
const TandemProgrammeStandardScore *tandem_programme_standards_find (const TandemProgrammeStandards *standards,
                                                               const char          *standard_id);
void                         tandem_programme_standard_score_free (TandemProgrammeStandardScore *score);
TandemProgrammeStandards    *tandem_programme_standards_copy  (const TandemProgrammeStandards *standards);
void                         tandem_programme_standards_free  (TandemProgrammeStandards *standards);
GPtrArray                   *tandem_programme_list_standards  (TandemProgramme     *self);
TandemProgrammeTeam         *tandem_programme_team_copy       (const TandemProgrammeTeam *team);
void                         tandem_programme_team_free       (TandemProgrammeTeam *team);
void                         tandem_programme_ratio_free      (TandemProgrammeRatio *ratio);
void                         tandem_programme_measure_link_free (TandemProgrammeMeasureLink *link);
const char                  *tandem_programme_race_tag_name   (void);
GArray                      *tandem_programme_quarters_new    (const char          *from,
                                                               const char          *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemProgrammeTeam, tandem_programme_team_free)

G_END_DECLS
