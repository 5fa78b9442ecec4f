/* tandem-breakdown.h — a measure broken down by a grouping: its settings, its data per group, the disparity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-disparity.h"
#include "tandem-groups.h"
#include "tandem-project.h"
#include "tandem-table-import.h"

G_BEGIN_DECLS

/* measure_breakdown.kind */
typedef enum
{
  TANDEM_BREAKDOWN_RATE,
  TANDEM_BREAKDOWN_PROPORTION,
} TandemBreakdownKind;

/* measure_breakdown.domain: what PCREF asks a trust to look at. */
typedef enum
{
  TANDEM_BREAKDOWN_ACCESS,
  TANDEM_BREAKDOWN_EXPERIENCE,
  TANDEM_BREAKDOWN_OUTCOMES,
} TandemBreakdownDomain;

/* The built-in groupings' ids: the seventeen NHS ethnic categories, and
 * the broad groups they pool into. */
#define TANDEM_GROUPING_ETHNICITY       "ethnicity"
#define TANDEM_GROUPING_ETHNICITY_BROAD "ethnicity-broad"

/* A rate's default unit: per 1,000 (bed days); a proportion's: per 100. */
#define TANDEM_BREAKDOWN_DEFAULT_PER_RATE       1000
#define TANDEM_BREAKDOWN_DEFAULT_PER_PROPORTION 100

/**
 * TandemGrouping:
 * @id: its id
 * @name: its name ("Ethnicity", "Age band")
 * @builtin: one of the two ethnicity groupings every project has
 * @position: its place in lists
 */
typedef struct
{
  char     *id;
  char     *name;
  gboolean  builtin;
  double    position;
} TandemGrouping;

/**
 * TandemGroupCategory:
 * @id: its id
 * @grouping_id: the grouping it is in
 * @code: (nullable): its code (the NHS letter for ethnicity)
 * @label: its label, as the project has it (editable)
 * @broad_group: the broad ethnic group it pools into, or
 *   %TANDEM_N_BROAD_GROUPS when it pools into none (user-made groupings,
 *   "Not stated")
 * @not_stated: the category of people whose group was not recorded: never
 *   pooled, never given a ratio, its share a figure of data quality
 * @position: its place in the grouping
 */
typedef struct
{
  char             *id;
  char             *grouping_id;
  char             *code;
  char             *label;
  TandemBroadGroup  broad_group;
  gboolean          not_stated;
  double            position;
} TandemGroupCategory;

/**
 * TandemBreakdown:
 * @id: its id
 * @measure_id: the measure
 * @grouping_id: the grouping it is broken down by
 * @kind: rate or proportion
 * @per: the rate is per this many units of the denominator
 * @denominator_name: (nullable): what the denominator is ("occupied bed days")
 * @domain: access, experience or outcomes
 * @reference_id: (nullable): the category the others are compared with
 */
typedef struct
{
  char                  *id;
  char                  *measure_id;
  char                  *grouping_id;
  TandemBreakdownKind    kind;
  double                 per;
  char                  *denominator_name;
  TandemBreakdownDomain  domain;
  char                  *reference_id;
} TandemBreakdown;

/**
 * TandemBreakdownPoint:
 * @id: its id
 * @category_id: its category
 * @date: the period's date, yyyy-mm-dd
 * @count: events, or people with the event
 * @denominator: the exposure, or the people
 */
typedef struct
{
  char   *id;
  char   *category_id;
  char   *date;
  double  count;
  double  denominator;
} TandemBreakdownPoint;

/**
 * TandemBreakdownRow:
 * @line: where it came from (a file's line), for messages; 0 if nowhere
 * @date: yyyy-mm-dd
 * @category_id: its category
 * @count: a whole number, 0 or more
 * @denominator: 0 or more
 *
 * One period's figures for one category, to be saved.
 */
typedef struct
{
  guint   line;
  char    date[11];
  char   *category_id;
  double  count;
  double  denominator;
} TandemBreakdownRow;

/**
 * TandemBreakdownImport:
 * @rows: (element-type TandemBreakdownRow): the rows read, in the file's order
 * @problems: (element-type TandemImportProblem): every bad row, by line
 * @wide: the file had a column per group
 *
 * A table of data by group as read for one measure, before it is saved.
 */
typedef struct
{
  GPtrArray *rows;
  GPtrArray *problems;
  gboolean   wide;
} TandemBreakdownImport;

/**
 * TandemBreakdownAnalysis:
 * @n_groups: how many groups were compared
 * @group_names: (array length=n_groups): their labels
 * @group_ids: (array length=n_groups): their category ids, or for pooled
 *   broad groups the word of the broad group ("black"), "not_stated" for
 *   "Not stated"
 * @options: how they were compared (reference and "Not stated" indexes)
 * @series: the whole span and each calendar quarter
 * @last_year: the same for the twelve months up to the last date with data
 *   (the days after the same day a year before it): its @whole is the
 *   figure "over the last 12 months"
 * @rows: (element-type TandemDisparityRow): the rows compared, each with
 *   the index of its group, for drawing (tandem-equity-chart.h)
 *
 * A broken-down measure's disparity.
 */
typedef struct
{
  guint                   n_groups;
  char                  **group_names;
  char                  **group_ids;
  TandemDisparityOptions  options;
  TandemDisparitySeries  *series;
  TandemDisparitySeries  *last_year;
  GArray                 *rows;
} TandemBreakdownAnalysis;

/* The largest small-number threshold a project may set. */
#define TANDEM_BREAKDOWN_MAX_THRESHOLD 99

GPtrArray        *tandem_grouping_list               (TandemProject           *project,
                                                      GError                 **error);
char             *tandem_grouping_find               (TandemProject           *project,
                                                      const char              *name,
                                                      GError                 **error);
char             *tandem_grouping_add                (TandemProject           *project,
                                                      const char              *name,
                                                      const char * const      *labels,
                                                      const char              *not_stated_label,
                                                      GError                 **error);
char             *tandem_grouping_default_reference  (TandemProject           *project,
                                                     const char              *grouping_id);
GPtrArray        *tandem_grouping_list_categories    (TandemProject           *project,
                                                      const char              *grouping_id,
                                                      GError                 **error);
gboolean          tandem_group_category_set_label    (TandemProject           *project,
                                                      const char              *category_id,
                                                      const char              *label,
                                                      GError                 **error);
char             *tandem_group_category_find         (TandemProject           *project,
                                                      const char              *grouping_id,
                                                      const char              *text,
                                                      GError                 **error);
void              tandem_grouping_free               (TandemGrouping          *grouping);
void              tandem_group_category_free         (TandemGroupCategory     *category);

TandemBreakdown  *tandem_breakdown_get               (TandemProject           *project,
                                                      const char              *measure_id,
                                                      GError                 **error);
gboolean          tandem_breakdown_set               (TandemProject           *project,
                                                      const TandemBreakdown   *settings,
                                                      GError                 **error);
void              tandem_breakdown_free              (TandemBreakdown         *breakdown);

TandemBreakdownImport *tandem_breakdown_read_table   (TandemProject           *project,
                                                      const char              *measure_id,
                                                      const TandemTable       *table,
                                                      GError                 **error);
void              tandem_breakdown_import_free       (TandemBreakdownImport   *import);
gboolean          tandem_breakdown_save_rows         (TandemProject           *project,
                                                      const char              *measure_id,
                                                      GPtrArray               *rows,
                                                      const char              *label,
                                                      GError                 **error);

GPtrArray        *tandem_breakdown_list_points       (TandemProject           *project,
                                                      const char              *measure_id,
                                                      GError                 **error);
void              tandem_breakdown_point_free        (TandemBreakdownPoint    *point);

TandemBreakdownAnalysis *tandem_breakdown_analyse    (TandemProject           *project,
                                                      const char              *measure_id,
                                                      gboolean                 pooled,
                                                      GError                 **error);
void              tandem_breakdown_analysis_free     (TandemBreakdownAnalysis *analysis);

guint             tandem_breakdown_get_threshold     (TandemProject           *project);
gboolean          tandem_breakdown_set_threshold     (TandemProject           *project,
                                                      guint                    threshold,
                                                      GError                 **error);

const char       *tandem_breakdown_kind_get_label    (TandemBreakdownKind      kind);
const char       *tandem_breakdown_domain_get_label  (TandemBreakdownDomain    domain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemGrouping, tandem_grouping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemGroupCategory, tandem_group_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemBreakdown, tandem_breakdown_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemBreakdownImport, tandem_breakdown_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemBreakdownPoint, tandem_breakdown_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemBreakdownAnalysis, tandem_breakdown_analysis_free)

G_END_DECLS
