/* tandem-standards.h — Culture of Care standards: the framework, a team's self-assessment, evidence, level and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-measure.h"
#include "tandem-project.h"
#include "tandem-table-import.h"

G_BEGIN_DECLS

/* assessment_response.role: who answered. Staff rate the ward; the others
 * are people with lived experience, whose view is set beside the staff's. */
typedef enum
{
  TANDEM_RESPONDENT_STAFF,
  TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE,     /*< nick=expert_by_experience >*/
  TANDEM_RESPONDENT_LIVED_EXPERIENCE_PARTNER, /*< nick=lived_experience_partner >*/
  TANDEM_RESPONDENT_CARER,
} TandemRespondentRole;

/* standard_level.level and standard_evidence.level */
typedef enum
{
  TANDEM_STANDARD_LEVEL_BRONZE,
  TANDEM_STANDARD_LEVEL_SILVER,
  TANDEM_STANDARD_LEVEL_GOLD,
} TandemStandardLevel;

#define TANDEM_N_STANDARD_LEVELS 3
/* No level: below Bronze, or (for evidence) none reached yet. */
#define TANDEM_STANDARD_LEVEL_NONE (-1)

/* panel_review.decision */
typedef enum
{
  TANDEM_PANEL_DECISION_NONE,
  TANDEM_PANEL_DECISION_BRONZE,
  TANDEM_PANEL_DECISION_SILVER,
  TANDEM_PANEL_DECISION_GOLD,
} TandemPanelDecision;

/* What a measure's chart shows as evidence: each step needs the one
 * before it. Not stored: worked out from the chart each time. */
typedef enum /*< skip >*/
{
  TANDEM_MEASURE_VERDICT_NONE,
  TANDEM_MEASURE_VERDICT_BASELINE,
  TANDEM_MEASURE_VERDICT_SHIFT,
  TANDEM_MEASURE_VERDICT_SUSTAINED,
} TandemMeasureVerdict;

#define TANDEM_STANDARDS_SCORE_MIN 1
#define TANDEM_STANDARDS_SCORE_MAX 5
/* The fewest useful points a baseline needs, the run-chart rules' minimum. */
#define TANDEM_STANDARDS_BASELINE_POINTS 12
/* How long an improvement must hold to be sustained. */
#define TANDEM_STANDARDS_SUSTAINED_MONTHS 12
/* The self-assessment counts when this share of the staff completed it. */
#define TANDEM_STANDARDS_COMPLETION_NEEDED 0.75
#define TANDEM_STANDARDS_MAX_PRIORITIES 3

/**
 * TandemStandard:
 * @id: its id (the twelve shipped have fixed ids, “coc-safety”…)
 * @title: its name (“Safety”)
 * @hints: (nullable): examples of evidence areas
 * @builtin: one of the framework's own
 * @position: its place in lists
 */
typedef struct
{
  char     *id;
  char     *title;
  char     *hints;
  gboolean  builtin;
  double    position;
} TandemStandard;

/**
 * TandemEvidenceType:
 * @id: its id
 * @title: its name (“Quantitative data”)
 * @asks: (array fixed-size=3): what Bronze, Silver and Gold ask of it
 * @builtin: one of the framework's own
 * @position: its place in lists
 */
typedef struct
{
  char     *id;
  char     *title;
  char     *asks[TANDEM_N_STANDARD_LEVELS];
  gboolean  builtin;
  double    position;
} TandemEvidenceType;

/**
 * TandemStandardsFramework:
 * @standards: (element-type TandemStandard): in their order
 * @types: (element-type TandemEvidenceType): in their order
 * @words: the word for each score, 1 to 5 at [0] to [4]
 * @thresholds: the average each level needs
 * @needs_sustained: whether a level also needs sustained outcomes
 *
 * The framework as the file holds it (a trust may adapt it).
 */
typedef struct
{
  GPtrArray *standards;
  GPtrArray *types;
  char      *words[TANDEM_STANDARDS_SCORE_MAX];
  double     thresholds[TANDEM_N_STANDARD_LEVELS];
  gboolean   needs_sustained[TANDEM_N_STANDARD_LEVELS];
} TandemStandardsFramework;

/**
 * TandemAssessmentRound:
 * @id: its id
 * @team_id: the team
 * @date: when, yyyy-mm-dd
 * @headcount: the team's staff then, 0 if not known
 */
typedef struct
{
  char *id;
  char *team_id;
  char *date;
  int   headcount;
} TandemAssessmentRound;

/**
 * TandemAssessmentScore:
 * @standard_id: the standard
 * @score: 1 to 5
 * @comment: (nullable): what the respondent said
 *
 * One answer of a response.
 */
typedef struct
{
  char *standard_id;
  int   score;
  char *comment;
} TandemAssessmentScore;

/**
 * TandemAssessmentResponse:
 * @id: its id
 * @round_id: the round
 * @role: who answered
 * @person_id: (nullable): a person of the project, or %NULL for anonymous
 * @position: its place in the round
 * @scores: (element-type TandemAssessmentScore): its answers
 */
typedef struct
{
  char                 *id;
  char                 *round_id;
  TandemRespondentRole  role;
  char                 *person_id;
  double                position;
  GPtrArray            *scores;
} TandemAssessmentResponse;

/**
 * TandemEvidence:
 * @id: its id
 * @team_id: the team
 * @standard_id: the standard it evidences
 * @type_id: its type of evidence
 * @level: a #TandemStandardLevel it is offered at, or
 *   %TANDEM_STANDARD_LEVEL_NONE for a measure whose level its chart decides
 * @measure_id: (nullable): a measure
 * @node_id: (nullable): a driver diagram's item (a change idea, a driver)
 * @pdsa_id: (nullable): a PDSA cycle
 * @session_id: (nullable): a coaching session
 * @note: (nullable): a note or story, in words
 * @reference: (nullable): a file's path or a web address (never copied in)
 * @title: (nullable): what to call it
 * @added_on: (nullable): when it was linked, yyyy-mm-dd
 *
 * Exactly one of @measure_id, @node_id, @pdsa_id, @session_id, @note and
 * @reference is set.
 */
typedef struct
{
  char *id;
  char *team_id;
  char *standard_id;
  char *type_id;
  int   level;
  char *measure_id;
  char *node_id;
  char *pdsa_id;
  char *session_id;
  char *note;
  char *reference;
  char *title;
  char *added_on;
} TandemEvidence;

/**
 * TandemPanelReview:
 * @id: its id
 * @team_id: the team
 * @date: when, yyyy-mm-dd
 * @members: (nullable): who sat on the panel
 * @decision: the level awarded, or none
 * @conditions: (nullable): conditions of the award
 * @next_review_on: (nullable): yyyy-mm-dd
 */
typedef struct
{
  char                *id;
  char                *team_id;
  char                *date;
  char                *members;
  TandemPanelDecision  decision;
  char                *conditions;
  char                *next_review_on;
} TandemPanelReview;

/**
 * TandemPriority:
 * @id: its id
 * @standard_id: the standard
 * @node_ids: (element-type utf8): the diagram items it is linked to
 */
typedef struct
{
  char      *id;
  char      *standard_id;
  GPtrArray *node_ids;
} TandemPriority;

/**
 * TandemMeasureJudgement:
 * @verdict: the furthest step the chart shows
 * @baseline: at least 12 useful points before the first change
 * @shift: a shift or trend in the improving direction after the baseline
 * @sustained: a phase begun on or after that signal, over 12 months or
 *   more, with no signal in the worsening direction
 * @signal_date: (nullable): the first point of the improving signal
 * @baseline_reason: why, in words
 * @shift_reason: why, in words
 * @sustained_reason: why, in words
 *
 * What a measure's chart shows as quantitative evidence.
 */
typedef struct
{
  TandemMeasureVerdict  verdict;
  gboolean              baseline;
  gboolean              shift;
  gboolean              sustained;
  char                 *signal_date;
  char                 *baseline_reason;
  char                 *shift_reason;
  char                 *sustained_reason;
} TandemMeasureJudgement;

/**
 * TandemStandardFigures:
 * @standard_id: the standard
 * @n_staff: staff who scored it
 * @n_lived: people with lived experience who scored it
 * @staff_mean: the staff's mean score, NAN if none
 * @lived_mean: the mean of people with lived experience, NAN if none
 * @gap: @staff_mean − @lived_mean, NAN unless both are there
 * @mean: everyone's mean, NAN if no one scored it
 */
typedef struct
{
  char   *standard_id;
  guint   n_staff;
  guint   n_lived;
  double  staff_mean;
  double  lived_mean;
  double  gap;
  double  mean;
} TandemStandardFigures;

/**
 * TandemRoundFigures:
 * @round: the round
 * @n_staff: staff responses
 * @n_lived: responses of people with lived experience
 * @completion: @n_staff out of the headcount, NAN if it is not known
 * @completion_met: at least 75% of the staff took part
 * @standards: (element-type TandemStandardFigures): in the framework's order
 * @average: the mean of the standards' means (those scored), NAN if none
 * @n_scored: how many standards were scored
 */
typedef struct
{
  TandemAssessmentRound *round;
  guint                  n_staff;
  guint                  n_lived;
  double                 completion;
  gboolean               completion_met;
  GPtrArray             *standards;
  double                 average;
  guint                  n_scored;
} TandemRoundFigures;

/**
 * TandemEvidenceItem:
 * @evidence: the link as stored
 * @what: what it links to, in words (a measure's name, a note's text…)
 * @level: the level it supports: as offered, or as the measure's chart
 *   shows; %TANDEM_STANDARD_LEVEL_NONE if none yet
 * @judgement: (nullable): for a measure whose chart decides, what it shows
 */
typedef struct
{
  TandemEvidence         *evidence;
  char                   *what;
  int                    level;
  TandemMeasureJudgement *judgement;
} TandemEvidenceItem;

/**
 * TandemStandardsLevel:
 * @average: the latest round's average, NAN if there is none
 * @level: the level it reaches, %TANDEM_STANDARD_LEVEL_NONE below Bronze
 * @sustained_outcomes: a measure linked as evidence shows an improvement
 *   sustained for 12 months
 * @next_level: the level above, %TANDEM_STANDARD_LEVEL_NONE at Gold
 * @missing: (element-type utf8): what the next level needs, in words
 * @unevidenced: (element-type utf8): ids of standards with no evidence
 * @types_below: (element-type utf8): ids of types of evidence with
 *   nothing at the next level or above
 * @escalations: (element-type utf8): what follows from being below Bronze
 */
typedef struct
{
  double     average;
  int        level;
  gboolean   sustained_outcomes;
  int        next_level;
  GPtrArray *missing;
  GPtrArray *unevidenced;
  GPtrArray *types_below;
  GPtrArray *escalations;
} TandemStandardsLevel;

/**
 * TandemStandardsReport:
 * @team_id: the team
 * @team_name: its name
 * @framework: the framework
 * @rounds: (element-type TandemRoundFigures): by date
 * @priorities: (element-type TandemPriority): in their order
 * @evidence: (element-type TandemEvidenceItem): by standard, then type
 * @level: from the latest round and the evidence
 * @panels: (element-type TandemPanelReview): by date
 *
 * Every figure of a team's standards, for the page, the JSON export and the
 * accreditation pack.
 */
typedef struct
{
  char                     *team_id;
  char                     *team_name;
  TandemStandardsFramework *framework;
  GPtrArray                *rounds;
  GPtrArray                *priorities;
  GPtrArray                *evidence;
  TandemStandardsLevel     *level;
  GPtrArray                *panels;
} TandemStandardsReport;

/**
 * TandemSurveyImport:
 * @responses: (element-type TandemAssessmentResponse): one per good row
 * @problems: (element-type TandemImportProblem): every bad row, by line
 *
 * A survey tool's export as read, before it is saved.
 */
typedef struct
{
  GPtrArray *responses;
  GPtrArray *problems;
} TandemSurveyImport;

/* The framework */
TandemStandardsFramework *tandem_standards_framework_load (TandemProject  *project,
                                                           GError        **error);
void              tandem_standards_framework_free   (TandemStandardsFramework *framework);
const TandemStandard *tandem_standards_framework_find (const TandemStandardsFramework *framework,
                                                       const char               *title_or_id);
const TandemEvidenceType *tandem_standards_framework_find_type
                                                    (const TandemStandardsFramework *framework,
                                                     const char               *title_or_id);
const char       *tandem_standards_framework_word   (const TandemStandardsFramework *framework,
                                                     double                    score);
int               tandem_standards_framework_level_for (const TandemStandardsFramework *framework,
                                                        double                    average,
                                                        gboolean                  sustained);
gboolean          tandem_standard_set_field         (TandemProject  *project,
                                                     const char     *standard_id,
                                                     const char     *field,
                                                     const char     *shown,
                                                     const char     *value,
                                                     GError        **error);
gboolean          tandem_standards_set_score_word   (TandemProject  *project,
                                                     int             score,
                                                     const char     *shown,
                                                     const char     *word,
                                                     GError        **error);
gboolean          tandem_standards_set_threshold    (TandemProject        *project,
                                                     TandemStandardLevel   level,
                                                     const char           *shown,
                                                     double                threshold,
                                                     GError              **error);
gboolean          tandem_evidence_type_set_field    (TandemProject  *project,
                                                     const char     *type_id,
                                                     const char     *field,
                                                     const char     *shown,
                                                     const char     *value,
                                                     GError        **error);

/* Self-assessment */
char             *tandem_assessment_round_add       (TandemProject  *project,
                                                     const char     *team_id,
                                                     const char     *date,
                                                     int             headcount,
                                                     GError        **error);
GPtrArray        *tandem_assessment_round_list      (TandemProject  *project,
                                                     const char     *team_id,
                                                     GError        **error);
char             *tandem_assessment_round_find      (TandemProject  *project,
                                                     const char     *team_id,
                                                     const char     *date,
                                                     GError        **error);
gboolean          tandem_assessment_round_set_headcount (TandemProject  *project,
                                                         const char     *round_id,
                                                         const char     *shown,
                                                         int             headcount,
                                                         GError        **error);
gboolean          tandem_assessment_round_delete    (TandemProject  *project,
                                                     const char     *round_id,
                                                     GError        **error);
void              tandem_assessment_round_free      (TandemAssessmentRound *round);

char             *tandem_assessment_response_add    (TandemProject                  *project,
                                                     const char                     *round_id,
                                                     const TandemAssessmentResponse *response,
                                                     GError                        **error);
GPtrArray        *tandem_assessment_response_list   (TandemProject  *project,
                                                     const char     *round_id,
                                                     GError        **error);
gboolean          tandem_assessment_set_score       (TandemProject  *project,
                                                     const char     *response_id,
                                                     const char     *standard_id,
                                                     const char     *shown,
                                                     int             score,
                                                     GError        **error);
gboolean          tandem_assessment_response_delete (TandemProject  *project,
                                                     const char     *response_id,
                                                     GError        **error);
TandemAssessmentResponse *tandem_assessment_response_new (TandemRespondentRole role);
void              tandem_assessment_response_add_score (TandemAssessmentResponse *response,
                                                        const char               *standard_id,
                                                        int                       score,
                                                        const char               *comment);
void              tandem_assessment_response_free   (TandemAssessmentResponse *response);

TandemSurveyImport *tandem_standards_read_survey    (TandemProject      *project,
                                                     const TandemTable  *table,
                                                     const char * const *columns,
                                                     const char         *role_column,
                                                     GError            **error);
gboolean          tandem_standards_save_survey      (TandemProject      *project,
                                                     const char         *round_id,
                                                     TandemSurveyImport *import,
                                                     GError            **error);
void              tandem_survey_import_free         (TandemSurveyImport *import);

/* Priorities */
char             *tandem_priority_add               (TandemProject  *project,
                                                     const char     *team_id,
                                                     const char     *standard_id,
                                                     GError        **error);
gboolean          tandem_priority_remove            (TandemProject  *project,
                                                     const char     *priority_id,
                                                     GError        **error);
gboolean          tandem_priority_set_linked        (TandemProject  *project,
                                                     const char     *priority_id,
                                                     const char     *node_id,
                                                     gboolean        linked,
                                                     GError        **error);
GPtrArray        *tandem_priority_list              (TandemProject  *project,
                                                     const char     *team_id,
                                                     GError        **error);
void              tandem_priority_free              (TandemPriority *priority);

/* Evidence */
char             *tandem_evidence_add               (TandemProject         *project,
                                                     const TandemEvidence  *evidence,
                                                     GError               **error);
gboolean          tandem_evidence_set_field         (TandemProject  *project,
                                                     const char     *evidence_id,
                                                     const char     *field,
                                                     const char     *shown,
                                                     const char     *value,
                                                     GError        **error);
gboolean          tandem_evidence_delete            (TandemProject  *project,
                                                     const char     *evidence_id,
                                                     GError        **error);
GPtrArray        *tandem_evidence_list              (TandemProject  *project,
                                                     const char     *team_id,
                                                     GError        **error);
void              tandem_evidence_free              (TandemEvidence *evidence);

/* Panel reviews */
char             *tandem_panel_review_add           (TandemProject            *project,
                                                     const TandemPanelReview  *review,
                                                     GError                  **error);
gboolean          tandem_panel_review_set_field     (TandemProject  *project,
                                                     const char     *review_id,
                                                     const char     *field,
                                                     const char     *shown,
                                                     const char     *value,
                                                     GError        **error);
gboolean          tandem_panel_review_delete        (TandemProject  *project,
                                                     const char     *review_id,
                                                     GError        **error);
GPtrArray        *tandem_panel_review_list          (TandemProject  *project,
                                                     const char     *team_id,
                                                     GError        **error);
void              tandem_panel_review_free          (TandemPanelReview *review);

/* Figures */
TandemMeasureJudgement *tandem_standards_judge_measure (const TandemMeasure *measure);
void              tandem_measure_judgement_free     (TandemMeasureJudgement *judgement);
TandemRoundFigures *tandem_standards_round_figures  (TandemProject                  *project,
                                                     const TandemStandardsFramework *framework,
                                                     const TandemAssessmentRound    *round,
                                                     GError                        **error);
void              tandem_round_figures_free         (TandemRoundFigures *figures);
TandemStandardsReport *tandem_standards_report      (TandemProject  *project,
                                                     const char     *team_id,
                                                     GError        **error);
void              tandem_standards_report_free      (TandemStandardsReport *report);
char             *tandem_standards_report_to_json   (const TandemStandardsReport *report);

const char       *tandem_respondent_role_get_label  (TandemRespondentRole role);
const char       *tandem_standard_level_get_label   (TandemStandardLevel  level);
const char       *tandem_panel_decision_get_label   (TandemPanelDecision  decision);
const char       *tandem_measure_verdict_to_string  (TandemMeasureVerdict verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemStandardsFramework, tandem_standards_framework_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemAssessmentRound, tandem_assessment_round_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemAssessmentResponse, tandem_assessment_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSurveyImport, tandem_survey_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPriority, tandem_priority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemEvidence, tandem_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPanelReview, tandem_panel_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemMeasureJudgement, tandem_measure_judgement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemRoundFigures, tandem_round_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemStandardsReport, tandem_standards_report_free)

G_END_DECLS
