/* test-standards.c — Culture of Care standards: the framework in the file,
 * the figures against values worked by hand, the level's boundaries, a
 * measure's chart judged as evidence, a survey's CSV, undo and redo, a
 * locked file, an older file, check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-measure.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-standards.h"
#include "tandem-table-import.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-standards-XXXXXX", "standards.tandem",
                                            &fixture->dir, &fixture->path);
  fixture->team = add_team_or_die (fixture->project, "Willow Ward");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->team);
  free_tmp (&fixture->dir, &fixture->path);
}

static void
assert_close (double expected,
              double got)
{
  if (fabs (expected - got) > 1e-9)
    g_error ("expected %.10f, got %.10f", expected, got);
}

static char *
add_round (Fixture    *fixture,
           const char *date,
           int         headcount)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_assessment_round_add (fixture->project, fixture->team, date, headcount, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A response scoring @titles (NULL-terminated) with @scores. */
static char *
respond (Fixture              *fixture,
         const char           *round,
         TandemRespondentRole  role,
         const char * const   *titles,
         const int            *scores)
{
  g_autoptr(TandemAssessmentResponse) response = tandem_assessment_response_new (role);
  g_autoptr(GError) error = NULL;
  char *id;

  for (guint i = 0; titles[i] != NULL; i++)
    tandem_assessment_response_add_score (response, titles[i], scores[i], NULL);
  id = tandem_assessment_response_add (fixture->project, round, response, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static TandemStandardsReport *
report_of (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemStandardsReport *report = tandem_standards_report (fixture->project, fixture->team, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const TandemStandardFigures *
figures_of (const TandemRoundFigures *round,
            const char               *standard_id)
{
  for (guint i = 0; i < round->standards->len; i++)
    {
      const TandemStandardFigures *one = round->standards->pdata[i];

      if (g_str_equal (one->standard_id, standard_id))
        return one;
    }
  g_error ("no figures for %s", standard_id);
  return NULL;
}

/* The framework is shipped in every new file, with fixed ids, and edits
 * of it are undoable. */
static void
test_framework (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Lived Experience", "Safety", "Relationships", "Staff Support",
                           "Equality", "Avoiding Harm", "Needs Led", "Choice", "Environment",
                           "Things To Do", "Therapeutic Support", "Transparency" };

  framework = tandem_standards_framework_load (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (framework->standards->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpstr (((TandemStandard *) framework->standards->pdata[i])->title, ==, titles[i]);
  g_assert_cmpstr (((TandemStandard *) framework->standards->pdata[0])->id, ==,
                   "coc-lived-experience");
  g_assert_nonnull (strstr (((TandemStandard *) framework->standards->pdata[3])->hints,
                            "retention"));
  g_assert_cmpstr (framework->words[0], ==, "Emerging");
  g_assert_cmpstr (framework->words[4], ==, "Exemplar");
  assert_close (2.5, framework->thresholds[TANDEM_STANDARD_LEVEL_BRONZE]);
  assert_close (3.5, framework->thresholds[TANDEM_STANDARD_LEVEL_SILVER]);
  assert_close (4.2, framework->thresholds[TANDEM_STANDARD_LEVEL_GOLD]);
  g_assert_true (framework->needs_sustained[TANDEM_STANDARD_LEVEL_GOLD]);
  g_assert_false (framework->needs_sustained[TANDEM_STANDARD_LEVEL_SILVER]);
  g_assert_cmpuint (framework->types->len, ==, 6);
  g_assert_cmpstr (((TandemEvidenceType *) framework->types->pdata[0])->asks[TANDEM_STANDARD_LEVEL_GOLD],
                   ==, "Sustained for 12 months or more");
  g_assert_cmpstr (tandem_standards_framework_word (framework, 3.6), ==, "Strong");
  g_assert_cmpstr (tandem_standards_framework_find (framework, "things to do")->id, ==,
                   "coc-things-to-do");

  /* a trust adapts it */
  g_assert_true (tandem_standards_set_threshold (fixture->project, TANDEM_STANDARD_LEVEL_BRONZE,
                                                 "2.5", 2.75, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_standards_set_threshold (fixture->project, TANDEM_STANDARD_LEVEL_SILVER,
                                                  TANDEM_UNCHECKED, 2.6, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_standards_set_score_word (fixture->project, 3, "Embedded", "In place",
                                                  &error));
  g_assert_true (tandem_standard_set_field (fixture->project, "coc-choice", "title", "Choice",
                                            "Choice and rights", &error));
  g_assert_no_error (error);
  tandem_standards_framework_free (framework);
  framework = tandem_standards_framework_load (fixture->project, &error);
  assert_close (2.75, framework->thresholds[0]);
  g_assert_cmpstr (framework->words[2], ==, "In place");
  g_assert_cmpstr (tandem_standards_framework_find (framework, "coc-choice")->title, ==,
                   "Choice and rights");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (tandem_project_undo (fixture->project, &error));
      g_assert_no_error (error);
    }
  tandem_standards_framework_free (framework);
  framework = tandem_standards_framework_load (fixture->project, &error);
  assert_close (2.5, framework->thresholds[0]);
  g_assert_cmpstr (framework->words[2], ==, "Embedded");

  /* an editor that showed an older value meets a conflict */
  g_assert_false (tandem_standards_set_score_word (fixture->project, 3, "Something else",
                                                   "Mine", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
}

/* Worked by hand: three staff and two experts by experience; a headcount of
 * 4 is 75% (met), of 5 is 60% (not). */
static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *round = add_round (fixture, "2026-03-02", 4);
  g_autoptr(TandemStandardsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *two[] = { "Lived Experience", "Safety", NULL };
  const TandemRoundFigures *figures;
  const TandemStandardFigures *lived, *safety, *choice;
  g_autofree char *r1 = respond (fixture, round, TANDEM_RESPONDENT_STAFF, two, (int[]) { 4, 3 });
  g_autofree char *r2 = respond (fixture, round, TANDEM_RESPONDENT_STAFF, two, (int[]) { 4, 3 });
  g_autofree char *r3 = respond (fixture, round, TANDEM_RESPONDENT_STAFF, two, (int[]) { 5, 3 });
  g_autofree char *r4 = respond (fixture, round, TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE, two,
                                 (int[]) { 2, 3 });
  g_autofree char *r5 = respond (fixture, round, TANDEM_RESPONDENT_CARER, two, (int[]) { 3, 3 });

  report = report_of (fixture);
  g_assert_cmpuint (report->rounds->len, ==, 1);
  figures = report->rounds->pdata[0];
  g_assert_cmpuint (figures->n_staff, ==, 3);
  g_assert_cmpuint (figures->n_lived, ==, 2);
  lived = figures_of (figures, "coc-lived-experience");
  assert_close (13.0 / 3, lived->staff_mean);
  assert_close (2.5, lived->lived_mean);
  assert_close (13.0 / 3 - 2.5, lived->gap);
  assert_close (3.6, lived->mean);
  safety = figures_of (figures, "coc-safety");
  assert_close (0, safety->gap);
  assert_close (3, safety->mean);
  choice = figures_of (figures, "coc-choice");
  g_assert_true (isnan (choice->mean) && isnan (choice->gap));
  g_assert_cmpuint (figures->n_scored, ==, 2);
  assert_close (3.3, figures->average);
  assert_close (0.75, figures->completion);
  g_assert_true (figures->completion_met);
  g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_BRONZE);
  g_assert_cmpint (report->level->next_level, ==, TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_cmpuint (report->level->unevidenced->len, ==, 12);
  g_assert_cmpuint (report->level->types_below->len, ==, 6);
  g_assert_cmpuint (report->level->escalations->len, ==, 0);

  g_assert_true (tandem_assessment_round_set_headcount (fixture->project, round, "4", 5, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, tandem_standards_report_free);
  report = report_of (fixture);
  figures = report->rounds->pdata[0];
  assert_close (0.6, figures->completion);
  g_assert_false (figures->completion_met);
  {
    g_autofree char *all = NULL;

    g_ptr_array_add (report->level->missing, NULL);
    all = g_strjoinv ("\n", (char **) report->level->missing->pdata);
    g_assert_nonnull (strstr (all, "At least 75% of staff taking part in the self-assessment "
                                   "(now 60%)"));
    g_assert_nonnull (strstr (all, "An average score of 3.50 or more for Silver (now 3.30)"));
    g_assert_nonnull (strstr (all, "Quantitative data at Silver: Demonstrated trend or shift"));
  }
}

/* The thresholds at their edges: 2.49 is not Bronze, 2.5 is; 3.5 is Silver;
 * 4.2 without sustained outcomes is Silver, with them Gold. */
static void
test_level_boundaries (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *round = NULL;
  g_autoptr(TandemStandardsReport) report = NULL;

  framework = tandem_standards_framework_load (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 2.49, TRUE), ==,
                   TANDEM_STANDARD_LEVEL_NONE);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 2.5, FALSE), ==,
                   TANDEM_STANDARD_LEVEL_BRONZE);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 3.49, FALSE), ==,
                   TANDEM_STANDARD_LEVEL_BRONZE);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 3.5, FALSE), ==,
                   TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 4.19, TRUE), ==,
                   TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 4.2, FALSE), ==,
                   TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, 4.2, TRUE), ==,
                   TANDEM_STANDARD_LEVEL_GOLD);
  g_assert_cmpint (tandem_standards_framework_level_for (framework, NAN, TRUE), ==,
                   TANDEM_STANDARD_LEVEL_NONE);

  /* From scores: six standards at 2 and six at 3 average 2.5 exactly
   * (Bronze); one 3 fewer is 2.4166… and below Bronze, with escalations. */
  round = add_round (fixture, "2026-03-02", 0);
  {
    g_autoptr(TandemStandardsFramework) fw = tandem_standards_framework_load (fixture->project, NULL);
    const char *ids[13] = { NULL };
    int scores[12];
    g_autofree char *response = NULL;

    for (guint i = 0; i < 12; i++)
      {
        ids[i] = ((TandemStandard *) fw->standards->pdata[i])->id;
        scores[i] = i < 6 ? 2 : 3;
      }
    response = respond (fixture, round, TANDEM_RESPONDENT_STAFF, ids, scores);
    report = report_of (fixture);
    assert_close (2.5, report->level->average);
    g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_BRONZE);
    g_assert_cmpuint (report->level->escalations->len, ==, 0);
    g_assert_true (tandem_assessment_set_score (fixture->project, response, "coc-transparency",
                                                "3", 2, &error));
    g_assert_no_error (error);
    g_clear_pointer (&report, tandem_standards_report_free);
    report = report_of (fixture);
    assert_close (29.0 / 12, report->level->average);
    g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_NONE);
    g_assert_cmpuint (report->level->escalations->len, ==, 3);
    g_assert_cmpstr (report->level->escalations->pdata[0], ==, "A divisional support plan.");
  }
}

/* A weekly measure from 1 January 2024: @n_base points alternating 9 and
 * 11, then (if @after) a phase and the points of @after, alternating its
 * two values. */
static char *
constructed_measure (Fixture            *fixture,
                     const char         *name,
                     guint               n_base,
                     guint               n_after,
                     double              low,
                     double              high,
                     TandemSpcDirection  direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("INSERT INTO data_point (id, measure_id, date, value) VALUES ");
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  char *measure = tandem_measure_add (fixture->project, fixture->team, name, &error);
  char date[11];

  g_assert_no_error (error);
  if (direction != TANDEM_SPC_DIRECTION_INCREASE)
    {
      g_autofree char *update = g_strdup_printf ("UPDATE measure SET direction = 'decrease' "
                                                 "WHERE id = '%s'", measure);

      run_sql_or_die (fixture->project, update);
    }
  for (guint i = 0; i < n_base + n_after; i++)
    {
      double value = i < n_base ? (i % 2 ? 11 : 9) : (i % 2 ? high : low);

      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      g_string_append_printf (sql, "%s('%s-%u', '%s', '%s', %g)", i ? ", " : "", measure, i,
                              measure, date, value);
      if (i == n_base && n_after > 0)
        {
          TandemField fields[] = {
            { "measure_id", tandem_value_text (measure) },
            { "starts_on", tandem_value_text (date) },
            { "label", tandem_value_text ("The change") },
          };
          g_free (insert_or_die (fixture->project, "phase", fields, G_N_ELEMENTS (fields)));
        }
      g_date_add_days (day, 7);
    }
  run_sql_or_die (fixture->project, sql->str);
  return measure;
}

static TandemMeasureJudgement *
judge (Fixture    *fixture,
       const char *measure_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = tandem_measure_load (fixture->project, measure_id, &error);

  g_assert_no_error (error);
  return tandem_standards_judge_measure (measure);
}

/* Each decision on constructed series: no baseline; a baseline with no
 * signal; a shift; a shift held 11 months and 12; a shift the wrong way;
 * a measure that gets better by going down. */
static void
test_judge_measure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *short_base = constructed_measure (fixture, "Short", 8, 10, 15, 16,
                                                     TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *flat = constructed_measure (fixture, "Flat", 14, 14, 9, 11,
                                               TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *no_change = constructed_measure (fixture, "No change", 20, 0, 0, 0,
                                                    TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *shift = constructed_measure (fixture, "Shift", 14, 8, 15, 16,
                                                TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *eleven = constructed_measure (fixture, "Eleven months", 14, 53, 15, 16,
                                                 TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *twelve = constructed_measure (fixture, "Twelve months", 14, 54, 15, 16,
                                                 TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *wrong = constructed_measure (fixture, "Wrong way", 14, 8, 5, 6,
                                                TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *down = constructed_measure (fixture, "Fewer incidents", 14, 54, 5, 6,
                                               TANDEM_SPC_DIRECTION_DECREASE);
  g_autoptr(TandemMeasureJudgement) j = NULL;

  j = judge (fixture, short_base);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_NONE);
  g_assert_false (j->baseline);
  g_assert_cmpstr (j->baseline_reason, ==,
                   "Only 8 useful points before the first change (26 Feb 2024): a baseline needs 12.");
  g_assert_false (j->shift);
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, no_change);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_BASELINE);
  g_assert_nonnull (strstr (j->shift_reason, "No change is marked on the chart"));
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, flat);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_BASELINE);
  g_assert_true (j->baseline);
  g_assert_cmpstr (j->baseline_reason, ==,
                   "14 useful points before the first change (8 Apr 2024): a baseline needs 12.");
  g_assert_false (j->shift);
  g_assert_nonnull (strstr (j->shift_reason, "No shift or trend after the baseline"));
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, shift);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_SHIFT);
  g_assert_true (j->shift);
  g_assert_cmpstr (j->signal_date, ==, "2024-04-08");
  g_assert_nonnull (strstr (j->shift_reason, "a shift in the improving direction from 8 Apr 2024"));
  g_assert_false (j->sustained);
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, eleven);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_SHIFT);
  g_assert_false (j->sustained);
  g_assert_nonnull (strstr (j->sustained_reason, "has held for 11 months so far (to 7 Apr 2025)"));
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, twelve);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_SUSTAINED);
  g_assert_true (j->sustained);
  g_assert_nonnull (strstr (j->sustained_reason, "has held for 12 months (to 14 Apr 2025)"));
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, wrong);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_BASELINE);
  g_assert_false (j->shift);
  g_assert_nonnull (strstr (j->shift_reason, "a shift in the worsening direction from 8 Apr 2024"));
  g_clear_pointer (&j, tandem_measure_judgement_free);

  j = judge (fixture, down);
  g_assert_cmpint (j->verdict, ==, TANDEM_MEASURE_VERDICT_SUSTAINED);
}

/* Sustained outcomes make 4.2 Gold; a measure linked with no level takes
 * its chart's; evidence of every kind is listed with what it links to. */
static void
test_evidence_and_gold (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *twelve = constructed_measure (fixture, "Twelve months", 14, 54, 15, 16,
                                                 TANDEM_SPC_DIRECTION_INCREASE);
  g_autofree char *round = add_round (fixture, "2026-03-02", 1);
  g_autoptr(TandemStandardsFramework) fw = tandem_standards_framework_load (fixture->project, NULL);
  g_autoptr(TandemStandardsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[13] = { NULL };
  int scores[12];
  g_autofree char *response = NULL;
  g_autofree char *evidence = NULL;

  for (guint i = 0; i < 12; i++)
    {
      ids[i] = ((TandemStandard *) fw->standards->pdata[i])->id;
      scores[i] = i < 3 ? 5 : 4;   /* 51 / 12 = 4.25 */
    }
  response = respond (fixture, round, TANDEM_RESPONDENT_STAFF, ids, scores);
  report = report_of (fixture);
  g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_false (report->level->sustained_outcomes);

  {
    TandemEvidence link = { 0 };

    link.team_id = fixture->team;
    link.standard_id = (char *) "Relationships";
    link.type_id = (char *) "Quantitative data";
    link.level = TANDEM_STANDARD_LEVEL_NONE;
    link.measure_id = twelve;
    evidence = tandem_evidence_add (fixture->project, &link, &error);
    g_assert_no_error (error);

    /* two things at once, or a note with no level, are refused */
    link.note = (char *) "A story";
    g_assert_null (tandem_evidence_add (fixture->project, &link, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
    link.measure_id = NULL;
    g_assert_null (tandem_evidence_add (fixture->project, &link, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
    link.level = TANDEM_STANDARD_LEVEL_SILVER;
    link.type_id = (char *) "Co-production";
    g_free (tandem_evidence_add (fixture->project, &link, &error));
    g_assert_no_error (error);
    link.note = NULL;
    link.reference = (char *) "https://example.org/panel-minutes.pdf";
    link.type_id = (char *) "Governance";
    link.level = TANDEM_STANDARD_LEVEL_BRONZE;
    g_free (tandem_evidence_add (fixture->project, &link, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&report, tandem_standards_report_free);
  report = report_of (fixture);
  g_assert_true (report->level->sustained_outcomes);
  g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_GOLD);
  g_assert_cmpint (report->level->next_level, ==, TANDEM_STANDARD_LEVEL_NONE);
  g_assert_cmpuint (report->evidence->len, ==, 3);
  {
    const TandemEvidenceItem *first = report->evidence->pdata[0];

    g_assert_cmpstr (first->what, ==, "Twelve months");
    g_assert_cmpint (first->level, ==, TANDEM_STANDARD_LEVEL_GOLD);
    g_assert_nonnull (first->judgement);
    g_assert_cmpstr (first->evidence->added_on, ==, "2026-11-21");
  }
  g_assert_cmpuint (report->level->unevidenced->len, ==, 11);

  /* deleting the measure takes its link with it */
  g_assert_true (tandem_measure_delete (fixture->project, twelve, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (fixture->project, "standard_evidence", evidence));
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_true (tandem_project_exists (fixture->project, "standard_evidence", evidence));
}

static const char survey_bad[] =
  "Timestamp,Role,Lived Experience,Safety,Choice,Choice comment\n"
  "2026-03-01 10:00,Staff,4,3,5,We offer a choice of food\n"
  "2026-03-01 10:05,Expert by experience,2 - Developing,Strong,2,\n"
  "2026-03-01 10:06,Visitor,3,3,3,\n"
  "2026-03-01 10:07,staff,7,3,Excellent,\n"
  "2026-03-01 10:08,Carer,,,,\n";

static const char survey_good[] =
  "Timestamp,Role,Q1,Q2\n"
  "2026-03-01 10:00,Staff,4,3\n"
  "2026-03-01 10:05,EbE,2,Strong\n"
  "2026-03-01 10:06,Lived experience partner,3,\n";

static TandemSurveyImport *
read_survey (Fixture            *fixture,
             const char         *csv,
             const char * const *columns)
{
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TandemSurveyImport *import;

  table = tandem_table_parse (csv, -1, 0, &error);
  g_assert_no_error (error);
  import = tandem_standards_read_survey (fixture->project, table, columns, NULL, &error);
  g_assert_no_error (error);
  return import;
}

/* Every bad row by its line, and nothing saved; the good file, by its
 * columns mapped explicitly, is one change that undo takes back whole. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *round = add_round (fixture, "2026-03-02", 10);
  g_autoptr(TandemSurveyImport) import = read_survey (fixture, survey_bad, NULL);
  g_autoptr(GError) error = NULL;
  const TandemImportProblem *problem;

  g_assert_cmpuint (import->responses->len, ==, 2);
  g_assert_cmpuint (import->problems->len, ==, 3);
  problem = import->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->reason, ==, "“Visitor” is not a role: use staff, expert by experience, "
                                        "lived experience partner or carer");
  problem = import->problems->pdata[1];
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpstr (problem->reason, ==,
                   "“Lived Experience”: “7” is not a score from 1 to 5 (or its word, such as "
                   "Strong); “Choice”: “Excellent” is not a score from 1 to 5 (or its word, such as "
                   "Strong)");
  problem = import->problems->pdata[2];
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_cmpstr (problem->reason, ==, "no standard is scored");
  {
    const TandemAssessmentResponse *staff = import->responses->pdata[0];
    const TandemAssessmentResponse *ebe = import->responses->pdata[1];

    g_assert_cmpuint (staff->scores->len, ==, 3);
    g_assert_cmpstr (((TandemAssessmentScore *) staff->scores->pdata[2])->comment, ==,
                     "We offer a choice of food");
    g_assert_cmpint (ebe->role, ==, TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE);
    g_assert_cmpint (((TandemAssessmentScore *) ebe->scores->pdata[0])->score, ==, 2);
    g_assert_cmpint (((TandemAssessmentScore *) ebe->scores->pdata[1])->score, ==, 4);
  }
  g_assert_false (tandem_standards_save_survey (fixture->project, round, import, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_response", NULL, NULL), ==, 0);

  /* no role column, or a mapping to a column that is not there */
  {
    g_autoptr(TandemTable) table = tandem_table_parse ("Who,Safety\nStaff,3\n", -1, 0, NULL);
    const char *map[] = { "Safety=Q9", NULL };

    g_assert_null (tandem_standards_read_survey (fixture->project, table, NULL, NULL, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no column “role”"));
    g_clear_error (&error);
    g_assert_null (tandem_standards_read_survey (fixture->project, table, map, "Who", &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The file has no column “Q9” (for “Safety”).");
    g_clear_error (&error);
  }

  g_clear_pointer (&import, tandem_survey_import_free);
  {
    const char *map[] = { "Lived Experience=Q1", "Safety = Q2", NULL };

    import = read_survey (fixture, survey_good, map);
  }
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_true (tandem_standards_save_survey (fixture->project, round, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_response", NULL, NULL), ==, 3);
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 5);
  assert_undo_label (fixture->project, "Import 3 self-assessment responses");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_response", NULL, NULL), ==, 0);
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 0);
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 5);
}

/* Each edit is one change, undone and redone whole. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *round = add_round (fixture, "20/11/2026", 12);
  const char *all[] = { "Choice", "Safety", "Equality", NULL };
  g_autofree char *response = respond (fixture, round, TANDEM_RESPONDENT_STAFF, all,
                                       (int[]) { 3, 4, 2 });
  g_autofree char *priority = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next_review = NULL;
  TandemPanelReview review = { 0 };

  date = tandem_project_get_text (fixture->project, "assessment_round", round, "date");
  g_assert_cmpstr (date, ==, "2026-11-20");
  g_assert_null (tandem_assessment_round_add (fixture->project, fixture->team, "2026-11-20", 3,
                                              &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_assessment_round_add (fixture->project, fixture->team, "2026-02-30", 3,
                                              &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  assert_undo_label (fixture->project, "Add a self-assessment response");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 0);
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 3);

  priority = tandem_priority_add (fixture->project, fixture->team, "Choice", &error);
  g_assert_no_error (error);
  g_free (tandem_priority_add (fixture->project, fixture->team, "Safety", &error));
  g_free (tandem_priority_add (fixture->project, fixture->team, "Equality", &error));
  g_assert_no_error (error);
  g_assert_null (tandem_priority_add (fixture->project, fixture->team, "Environment", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  review.team_id = fixture->team;
  review.date = (char *) "2026-11-20";
  review.members = (char *) "Head of nursing, two experts by experience, QI lead";
  review.decision = TANDEM_PANEL_DECISION_BRONZE;
  review.conditions = (char *) "Evidence for Environment by the next review";
  panel = tandem_panel_review_add (fixture->project, &review, &error);
  g_assert_no_error (error);
  next_review = tandem_project_get_text (fixture->project, "panel_review", panel,
                                         "next_review_on");
  g_assert_cmpstr (next_review, ==, "2027-11-20");
  assert_undo_label (fixture->project, "Record the panel review of 20 Nov 2026");
  g_assert_true (tandem_panel_review_set_field (fixture->project, panel, "decision", "bronze",
                                                "silver", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  assert_text (fixture->project, "panel_review", panel, "decision", "bronze");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_false (tandem_project_exists (fixture->project, "panel_review", panel));
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_true (tandem_project_exists (fixture->project, "panel_review", panel));

  /* deleting a round takes its responses and scores, and undo brings them back */
  g_assert_true (tandem_assessment_round_delete (fixture->project, round, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 0);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "assessment_score", NULL, NULL), ==, 3);
}

/* Another program holding the file: "locked", nothing saved; then it goes. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  sqlite3 *other;

  reopen_impatient (&fixture->project, fixture->path, 150);
  other = hold_write_lock (fixture->path);
  id = tandem_assessment_round_add (fixture->project, fixture->team, "2026-03-02", 10, &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  release_write_lock (other);
  id = tandem_assessment_round_add (fixture->project, fixture->team, "2026-03-02", 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* A file from before format 7 gains the framework when it is opened. */
static void
test_older_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "Old.tandem", NULL);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (steps[5].version, ==, 6);
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1415671396", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO meta VALUES ('replica_id', 'old-replica');"
    "INSERT INTO change_txn (id, at, author, replica, label, kind, origin_replica, origin_id) VALUES "
    "  (1, '2025-03-01T09:00:00Z', 'Ada Coach', 'old-replica', 'Create project', 'create', "
    "   'old-replica', '1@2025-03-01T09:00:00Z');"
    "INSERT INTO team (id, name) VALUES ('team-w', 'Willow Ward');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = tandem_project_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_cmpint (count_or_die (project, "SELECT user_version FROM pragma_user_version"), ==,
                   TANDEM_SCHEMA_VERSION);
  framework = tandem_standards_framework_load (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (framework->standards->len, ==, 12);
  g_free (tandem_assessment_round_add (project, "team-w", "2026-03-02", 10, &error));
  g_assert_no_error (error);
}

/* `check` names a word it does not know and evidence of a standard that
 * does not exist, as for every other item. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  TandemPanelReview review = { 0 };
  TandemEvidence link = { 0 };

  review.team_id = fixture->team;
  review.date = (char *) "2026-11-20";
  review.decision = TANDEM_PANEL_DECISION_SILVER;
  g_free (tandem_panel_review_add (fixture->project, &review, &error));
  link.team_id = fixture->team;
  link.standard_id = (char *) "Safety";
  link.type_id = (char *) "Governance";
  link.level = TANDEM_STANDARD_LEVEL_BRONZE;
  link.note = (char *) "Safety dashboard reported to the division monthly";
  g_free (tandem_evidence_add (fixture->project, &link, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->project);
  run_sql_on_file (fixture->path,
                   "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
                   "UPDATE panel_review SET decision = 'platinum';"
                   "UPDATE standard_evidence SET standard_id = 'gone';");
  g_assert_cmpint (tandem_project_check_file (fixture->path, problems), ==, TANDEM_CHECK_PROBLEMS);
  g_ptr_array_add (problems, NULL);
  all = g_strjoinv ("\n", (char **) problems->pdata);
  g_assert_nonnull (strstr (all, "has the decision “platinum”, a word Tandem does not know"));
  g_assert_nonnull (strstr (all, "refers through its standard_id to the standard “gone”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/standards/framework", test_framework);
  ADD ("/standards/figures", test_figures);
  ADD ("/standards/level-boundaries", test_level_boundaries);
  ADD ("/standards/judge-measure", test_judge_measure);
  ADD ("/standards/evidence-and-gold", test_evidence_and_gold);
  ADD ("/standards/import", test_import);
  ADD ("/standards/undo-redo", test_undo_redo);
  ADD ("/standards/locked", test_locked);
  ADD ("/standards/older-format", test_older_format);
  ADD ("/standards/check", test_check);
#undef ADD

  return g_test_run ();
}
