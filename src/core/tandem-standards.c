/* tandem-standards.c — Culture of Care standards: the framework, rounds, responses, priorities, evidence and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The framework is data in the file (tandem-schema.c ships the default with
 * fixed ids), so a trust can adapt its standards, words and thresholds.
 * Every edit here is one undoable change; a field an editor showed is
 * checked against the file as TANDEM_UNCHECKED describes. The figures are
 * worked out in tandem-standards-figures.c, a survey's CSV is read in
 * tandem-standards-import.c.
 */

#define G_LOG_DOMAIN "Tandem-Standards"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-change.h"
#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-db-private.h"
#include "tandem-enums.h"
#include "tandem-standards-private.h"
#include "tandem-stored-enums.h"


#define STANDARD_COLUMNS "id, title, hints, builtin, position"
#define TYPE_COLUMNS "id, title, bronze, silver, gold, builtin, position"
#define ROUND_COLUMNS "id, team_id, date, headcount"
#define RESPONSE_COLUMNS "id, round_id, role, person_id, position"

static void standard_free (TandemStandard *standard);
static void evidence_type_free (TandemEvidenceType *type);

static const TandemDbColumn standard_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemStandard, id),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemStandard, title),
  TANDEM_DB_COLUMN (TEXT, TandemStandard, hints),
  TANDEM_DB_COLUMN (BOOL, TandemStandard, builtin),
  TANDEM_DB_COLUMN (DOUBLE, TandemStandard, position),
};
static const TandemDbShape standard_shape =
  TANDEM_DB_SHAPE (TandemStandard, standard_free, standard_columns);

static const TandemDbColumn type_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemEvidenceType, id),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemEvidenceType, title),
  TANDEM_DB_COLUMN (TEXT, TandemEvidenceType, asks[TANDEM_STANDARD_LEVEL_BRONZE]),
  TANDEM_DB_COLUMN (TEXT, TandemEvidenceType, asks[TANDEM_STANDARD_LEVEL_SILVER]),
  TANDEM_DB_COLUMN (TEXT, TandemEvidenceType, asks[TANDEM_STANDARD_LEVEL_GOLD]),
  TANDEM_DB_COLUMN (BOOL, TandemEvidenceType, builtin),
  TANDEM_DB_COLUMN (DOUBLE, TandemEvidenceType, position),
};
static const TandemDbShape type_shape =
  TANDEM_DB_SHAPE (TandemEvidenceType, evidence_type_free, type_columns);

static const TandemDbColumn round_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemAssessmentRound, id),
  TANDEM_DB_COLUMN (TEXT, TandemAssessmentRound, team_id),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemAssessmentRound, date),
  TANDEM_DB_COLUMN (INT, TandemAssessmentRound, headcount),
};
static const TandemDbShape round_shape =
  TANDEM_DB_SHAPE (TandemAssessmentRound, tandem_assessment_round_free, round_columns);

static const TandemDbColumn response_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemAssessmentResponse, id),
  TANDEM_DB_COLUMN (TEXT, TandemAssessmentResponse, round_id),
  TANDEM_DB_ENUM_COLUMN (TandemAssessmentResponse, role, tandem_respondent_role_get_type,
                         TANDEM_RESPONDENT_STAFF),
  TANDEM_DB_COLUMN (TEXT, TandemAssessmentResponse, person_id),
  TANDEM_DB_COLUMN (DOUBLE, TandemAssessmentResponse, position),
};
static const TandemDbShape response_shape =
  TANDEM_DB_SHAPE (TandemAssessmentResponse, tandem_assessment_response_free, response_columns);

#define STANDARD_GONE _("This standard no longer exists: someone may have deleted it.")
#define TYPE_GONE _("This type of evidence no longer exists: someone may have deleted it.")
#define RESPONSE_GONE _("This response no longer exists: someone may have deleted it.")

/* ------------------------------------------------------------------------ */
/* Checking what a person gives                                             */

/* Case and punctuation folded away, for matching names. */
char *
_tandem_standards_fold (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* @text without spaces around, or NULL for empty; FALSE with @error set if
 * longer than @max characters (or empty where it is @required). */
gboolean
_tandem_standards_clean_text (const char  *text,
                              int          max,
                              gboolean     required,
                              const char  *what,
                              char       **clean,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0' && required)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Give the %s: it cannot be empty."), what);
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > max)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The %s is too long: keep it to %d characters."), what, max);
      return FALSE;
    }
  *clean = *stripped ? g_steal_pointer (&stripped) : NULL;
  return TRUE;
}

gboolean
_tandem_standards_check_date (const char  *text,
                              const char  *what,
                              char         date[11],
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || !tandem_read_typed_date (text, date, &local_error))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The %s “%s” is not a date: write it as 20/11/2026 or 2026-11-20."), what,
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_score (int      score,
             GError **error)
{
  if (score < TANDEM_STANDARDS_SCORE_MIN || score > TANDEM_STANDARDS_SCORE_MAX)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("A score is 1 to 5, not %d."), score);
      return FALSE;
    }
  return TRUE;
}

/* One field changed in a change of its own, checked against @shown. */
gboolean
_tandem_standards_set_checked (TandemProject  *project,
                               const char     *entity,
                               const char     *id,
                               const char     *field,
                               const char     *shown,
                               TandemValue     value,
                               const char     *label,
                               const char     *gone,
                               GError        **error)
{
  if (!_tandem_db_still_there (project, entity, id, gone, error) ||
      !tandem_project_begin (project, label, error))
    return FALSE;
  return tandem_project_finish_update (project, entity, id, field, shown != TANDEM_UNCHECKED,
                                       shown, value, error);
}

/* ------------------------------------------------------------------------ */
/* The framework                                                            */

static void
standard_free (TandemStandard *standard)
{
  _tandem_db_free_row (&standard_shape, standard);
}

static void
evidence_type_free (TandemEvidenceType *type)
{
  _tandem_db_free_row (&type_shape, type);
}

void
tandem_standards_framework_free (TandemStandardsFramework *framework)
{
  if (framework == NULL)
    return;
  g_clear_pointer (&framework->standards, g_ptr_array_unref);
  g_clear_pointer (&framework->types, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    g_free (framework->words[i]);
  g_free (framework);
}

typedef struct
{
  TandemStandardsFramework *framework;
} FrameworkRead;

static void
add_word (TandemDbStmt *stmt,
          gpointer      data)
{
  TandemStandardsFramework *framework = data;
  gint64 score = _tandem_db_column_int (stmt, 0);

  if (score >= TANDEM_STANDARDS_SCORE_MIN && score <= TANDEM_STANDARDS_SCORE_MAX)
    {
      g_free (framework->words[score - 1]);
      framework->words[score - 1] = _tandem_db_column_text (stmt, 1);
    }
}

static void
add_level (TandemDbStmt *stmt,
           gpointer      data)
{
  TandemStandardsFramework *framework = data;
  int level;

  if (tandem_stored_enum_from_word (TANDEM_TYPE_STANDARD_LEVEL, _tandem_db_column_peek (stmt, 0),
                                    &level) &&
      _tandem_db_column_is_number (stmt, 1))
    {
      framework->thresholds[level] = _tandem_db_column_double (stmt, 1);
      framework->needs_sustained[level] = _tandem_db_column_bool (stmt, 2);
    }
}

/**
 * tandem_standards_framework_load:
 * @project: a project
 * @error: return location for an error
 *
 * Reads the framework as the file holds it. A score with no word is given
 * its number; a level with no threshold in the file (a damaged file) gets
 * the shipped one.
 *
 * Returns: (transfer full) (nullable): the framework
 */
TandemStandardsFramework *
tandem_standards_framework_load (TandemProject  *project,
                                 GError        **error)
{
  g_autoptr(TandemStandardsFramework) framework = g_new0 (TandemStandardsFramework, 1);
  const double shipped[] = { 2.5, 3.5, 4.2 };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  for (guint i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    {
      framework->thresholds[i] = shipped[i];
      framework->needs_sustained[i] = i == TANDEM_STANDARD_LEVEL_GOLD;
    }
  framework->standards = _tandem_db_list (project, error, &standard_shape,
                                          "SELECT " STANDARD_COLUMNS " FROM standard "
                                          "ORDER BY position, rowid", "");
  if (framework->standards == NULL)
    return NULL;
  framework->types = _tandem_db_list (project, error, &type_shape,
                                      "SELECT " TYPE_COLUMNS " FROM evidence_type "
                                      "ORDER BY position, rowid", "");
  if (framework->types == NULL ||
      !_tandem_db_each_row (project, error, 2, add_word, framework,
                            "SELECT score, word FROM standard_score_word", "") ||
      !_tandem_db_each_row (project, error, 3, add_level, framework,
                            "SELECT level, threshold, needs_sustained FROM standard_level", ""))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    if (framework->words[i] == NULL)
      framework->words[i] = g_strdup_printf ("%u", i + 1);
  return g_steal_pointer (&framework);
}

/**
 * tandem_standards_framework_find:
 * @framework: a framework
 * @title_or_id: a standard's id, or its title in any case and spacing
 *
 * Returns: (nullable): the standard
 */
const TandemStandard *
tandem_standards_framework_find (const TandemStandardsFramework *framework,
                                 const char                     *title_or_id)
{
  g_autofree char *wanted = _tandem_standards_fold (title_or_id);

  for (guint i = 0; i < framework->standards->len; i++)
    {
      const TandemStandard *standard = framework->standards->pdata[i];
      g_autofree char *title = _tandem_standards_fold (standard->title);

      if (g_strcmp0 (standard->id, title_or_id) == 0 || (*wanted && g_str_equal (title, wanted)))
        return standard;
    }
  return NULL;
}

/**
 * tandem_standards_framework_find_type:
 * @framework: a framework
 * @title_or_id: a type of evidence's id, or its title in any case and spacing
 *
 * Returns: (nullable): the type of evidence
 */
const TandemEvidenceType *
tandem_standards_framework_find_type (const TandemStandardsFramework *framework,
                                      const char                     *title_or_id)
{
  g_autofree char *wanted = _tandem_standards_fold (title_or_id);

  for (guint i = 0; i < framework->types->len; i++)
    {
      const TandemEvidenceType *type = framework->types->pdata[i];
      g_autofree char *title = _tandem_standards_fold (type->title);

      if (g_strcmp0 (type->id, title_or_id) == 0 || (*wanted && g_str_equal (title, wanted)))
        return type;
    }
  return NULL;
}

/**
 * tandem_standards_framework_word:
 * @framework: a framework
 * @score: a score or a mean of scores, 1 to 5
 *
 * Returns: (nullable): the word of the nearest whole score (“Strong” for
 *   3.6), or %NULL for NAN
 */
const char *
tandem_standards_framework_word (const TandemStandardsFramework *framework,
                                 double                          score)
{
  int whole;

  if (isnan (score))
    return NULL;
  whole = (int) floor (score + 0.5);
  whole = CLAMP (whole, TANDEM_STANDARDS_SCORE_MIN, TANDEM_STANDARDS_SCORE_MAX);
  return framework->words[whole - 1];
}

/**
 * tandem_standards_framework_level_for:
 * @framework: a framework
 * @average: the average of the standards' scores
 * @sustained: whether sustained outcomes are shown
 *
 * The highest level whose threshold @average reaches, and whose need for
 * sustained outcomes (Gold's) is met. An average is compared as rounded to
 * two places, as it is shown: 2.499 is not Bronze, 2.5 is.
 *
 * Returns: a #TandemStandardLevel, or %TANDEM_STANDARD_LEVEL_NONE
 */
int
tandem_standards_framework_level_for (const TandemStandardsFramework *framework,
                                      double                          average,
                                      gboolean                        sustained)
{
  int level = TANDEM_STANDARD_LEVEL_NONE;

  if (isnan (average))
    return level;
  /* floating sums of whole scores are a hair off what they are */
  average = floor (average * 1e6 + 0.5) / 1e6;
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    if (average >= framework->thresholds[i] && (sustained || !framework->needs_sustained[i]))
      level = i;
  return level;
}

/**
 * tandem_standard_set_field:
 * @project: a project
 * @standard_id: a standard
 * @field: “title” or “hints”
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @value: (nullable): the new text (a title cannot be empty)
 * @error: return location for an error
 *
 * Adapts a standard of the framework, as one undoable change.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_standard_set_field (TandemProject  *project,
                           const char     *standard_id,
                           const char     *field,
                           const char     *shown,
                           const char     *value,
                           GError        **error)
{
  gboolean title;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (standard_id != NULL && field != NULL, FALSE);

  title = g_str_equal (field, TANDEM_FIELD_STANDARD_TITLE);
  g_return_val_if_fail (title || g_str_equal (field, TANDEM_FIELD_STANDARD_HINTS), FALSE);
  if (!_tandem_standards_clean_text (value, title ? TITLE_MAX : HINTS_MAX, title,
                                     title ? _("standard’s name") : _("standard’s evidence areas"), &clean, error))
    return FALSE;
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_STANDARD, standard_id, field, shown,
                                        tandem_value_text (clean),
                                        title ? _("Rename standard") : _("Change a standard’s evidence areas"),
                                        STANDARD_GONE, error);
}

/**
 * tandem_standards_set_score_word:
 * @project: a project
 * @score: 1 to 5
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @word: the word for the score (“Embedded”)
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_standards_set_score_word (TandemProject  *project,
                                 int             score,
                                 const char     *shown,
                                 const char     *word,
                                 GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!check_score (score, error) ||
      !_tandem_standards_clean_text (word, WORD_MAX, TRUE, _("score’s word"), &clean, error) ||
      !_tandem_db_query_text (project, error, &id, NULL,
                              "SELECT id FROM standard_score_word WHERE score = ?1", "i", score))
    return FALSE;
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_STANDARD_SCORE_WORD, id,
                                        TANDEM_FIELD_STANDARD_SCORE_WORD_WORD, shown, tandem_value_text (clean),
                                        _("Change a score’s word"),
                                        _("The word for this score is missing from the file."), error);
}

/**
 * tandem_standards_set_threshold:
 * @project: a project
 * @level: a level
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @threshold: the average the level needs, 1 to 5, above the level
 *   below's and under the level above's
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_standards_set_threshold (TandemProject        *project,
                                TandemStandardLevel   level,
                                const char           *shown,
                                double                threshold,
                                GError              **error)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autofree char *id = NULL;
  const char *word = tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, level);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if ((framework = tandem_standards_framework_load (project, error)) == NULL)
    return FALSE;
  if (!isfinite (threshold) || threshold < TANDEM_STANDARDS_SCORE_MIN ||
      threshold > TANDEM_STANDARDS_SCORE_MAX ||
      (level > 0 && threshold <= framework->thresholds[level - 1]) ||
      (level + 1 < TANDEM_N_STANDARD_LEVELS && threshold >= framework->thresholds[level + 1]))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("%s needs an average from 1 to 5, above the level below’s and under the "
                     "level above’s."), tandem_standard_level_get_label (level));
      return FALSE;
    }
  if (!_tandem_db_query_text (project, error, &id, NULL,
                              "SELECT id FROM standard_level WHERE level = ?1", "s", word))
    return FALSE;
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_STANDARD_LEVEL, id,
                                        TANDEM_FIELD_STANDARD_LEVEL_THRESHOLD, shown, tandem_value_double (threshold),
                                        _("Change a level’s threshold"),
                                        _("This level is missing from the file."), error);
}

/**
 * tandem_evidence_type_set_field:
 * @project: a project
 * @type_id: a type of evidence
 * @field: “title”, “bronze”, “silver” or “gold”
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @value: (nullable): the new text (a title cannot be empty)
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_evidence_type_set_field (TandemProject  *project,
                                const char     *type_id,
                                const char     *field,
                                const char     *shown,
                                const char     *value,
                                GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean title;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (type_id != NULL && field != NULL, FALSE);

  title = g_str_equal (field, TANDEM_FIELD_EVIDENCE_TYPE_TITLE);
  g_return_val_if_fail (title || g_str_equal (field, TANDEM_FIELD_EVIDENCE_TYPE_BRONZE) ||
                        g_str_equal (field, TANDEM_FIELD_EVIDENCE_TYPE_SILVER) ||
                        g_str_equal (field, TANDEM_FIELD_EVIDENCE_TYPE_GOLD), FALSE);
  if (!_tandem_standards_clean_text (value, title ? TITLE_MAX : ASKS_MAX, title,
                                     title ? _("type of evidence’s name") : _("level’s requirement"), &clean, error))
    return FALSE;
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_EVIDENCE_TYPE, type_id, field, shown,
                                        tandem_value_text (clean), _("Change a type of evidence"), TYPE_GONE, error);
}

/* ------------------------------------------------------------------------ */
/* Self-assessment rounds                                                   */

void
tandem_assessment_round_free (TandemAssessmentRound *round)
{
  _tandem_db_free_row (&round_shape, round);
}

static gboolean
check_headcount (int      headcount,
                 GError **error)
{
  if (headcount < 0 || headcount > 100000)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The staff headcount is a whole number of people, not %d."), headcount);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_assessment_round_add:
 * @project: a project
 * @team_id: a team
 * @date: the round's date (20/11/2026 or 2026-11-20)
 * @headcount: the team's staff at the time, 0 if not known
 * @error: return location for an error
 *
 * Adds a self-assessment round, as one undoable change. A team has one
 * round a day.
 *
 * Returns: (transfer full) (nullable): the round's id
 */
char *
tandem_assessment_round_add (TandemProject  *project,
                             const char     *team_id,
                             const char     *date,
                             int             headcount,
                             GError        **error)
{
  g_autofree char *label = NULL;
  g_autofree char *described = NULL;
  gint64 existing = 0;
  char day[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  if (!_tandem_standards_check_date (date, _("round’s date"), day, error) || !check_headcount (headcount, error) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_TEAM, team_id, TANDEM_STANDARDS_TEAM_GONE,
                               error) ||
      !_tandem_db_query_int (project, error, &existing, NULL,
                             "SELECT count(*) FROM assessment_round WHERE team_id = ?1 AND date = ?2",
                             "ss", team_id, day))
    return NULL;
  described = tandem_describe_date (day);
  if (existing > 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The team has a self-assessment round on %s already."), described);
      return NULL;
    }
  label = g_strdup_printf (_("Add the self-assessment round of %s"), described);
  {
    g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
    TandemField fields[] = {
      { TANDEM_FIELD_ASSESSMENT_ROUND_TEAM_ID, tandem_value_text (team_id) },
      { TANDEM_FIELD_ASSESSMENT_ROUND_DATE, tandem_value_text (day) },
      { TANDEM_FIELD_ASSESSMENT_ROUND_HEADCOUNT,
        headcount > 0 ? tandem_value_int (headcount) : tandem_value_null () },
    };
    g_autofree char *id = NULL;

    if (!tandem_change_begin (&change, project, label, error) ||
        (id = tandem_project_insert (project, TANDEM_ENTITY_ASSESSMENT_ROUND, fields,
                                     G_N_ELEMENTS (fields), error)) == NULL ||
        !tandem_change_commit (&change, error))
      return NULL;
    return g_steal_pointer (&id);
  }
}

/**
 * tandem_assessment_round_list:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemAssessmentRound) (nullable):
 *   the team's rounds, by date
 */
GPtrArray *
tandem_assessment_round_list (TandemProject  *project,
                              const char     *team_id,
                              GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &round_shape,
                          "SELECT " ROUND_COLUMNS " FROM assessment_round WHERE team_id = ?1 "
                          "ORDER BY date, rowid", "s", team_id);
}

/**
 * tandem_assessment_round_find:
 * @project: a project
 * @team_id: a team
 * @date: a date as a person writes it
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the team's round of that date, or
 *   %NULL with @error set (%TANDEM_PROJECT_ERROR_NOT_FOUND if none)
 */
char *
tandem_assessment_round_find (TandemProject  *project,
                              const char     *team_id,
                              const char     *date,
                              GError        **error)
{
  g_autofree char *id = NULL;
  char day[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!_tandem_standards_check_date (date, _("round’s date"), day, error) ||
      !_tandem_db_query_text (project, error, &id, NULL,
                              "SELECT id FROM assessment_round WHERE team_id = ?1 AND date = ?2",
                              "ss", team_id, day))
    return NULL;
  if (id == NULL)
    {
      g_autofree char *described = tandem_describe_date (day);

      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("The team has no self-assessment round on %s: add it with “standards round "
                     "add” first."), described);
    }
  return g_steal_pointer (&id);
}

/**
 * tandem_assessment_round_set_headcount:
 * @project: a project
 * @round_id: a round
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @headcount: the team's staff then, 0 if not known
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_assessment_round_set_headcount (TandemProject  *project,
                                       const char     *round_id,
                                       const char     *shown,
                                       int             headcount,
                                       GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return check_headcount (headcount, error) &&
         _tandem_standards_set_checked (project, TANDEM_ENTITY_ASSESSMENT_ROUND, round_id,
                                        TANDEM_FIELD_ASSESSMENT_ROUND_HEADCOUNT, shown,
                                        headcount > 0 ? tandem_value_int (headcount) : tandem_value_null (),
                                        _("Change the staff headcount"), TANDEM_STANDARDS_ROUND_GONE, error);
}

/**
 * tandem_assessment_round_delete:
 * @project: a project
 * @round_id: a round
 * @error: return location for an error
 *
 * Deletes a round with its responses, as one undoable change.
 *
 * Returns: %TRUE if deleted
 */
gboolean
tandem_assessment_round_delete (TandemProject  *project,
                                const char     *round_id,
                                GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return _tandem_db_still_there (project, TANDEM_ENTITY_ASSESSMENT_ROUND, round_id,
                                 TANDEM_STANDARDS_ROUND_GONE, error) &&
         _tandem_db_delete (project, TANDEM_ENTITY_ASSESSMENT_ROUND, round_id,
                            _("Delete self-assessment round"), error);
}

/* ------------------------------------------------------------------------ */
/* Responses                                                                */

static void
score_free (TandemAssessmentScore *score)
{
  g_free (score->standard_id);
  g_free (score->comment);
  g_free (score);
}

/**
 * tandem_assessment_response_new:
 * @role: who answered
 *
 * Returns: (transfer full): a response with no answers yet, to fill with
 *   tandem_assessment_response_add_score() and save with
 *   tandem_assessment_response_add()
 */
TandemAssessmentResponse *
tandem_assessment_response_new (TandemRespondentRole role)
{
  TandemAssessmentResponse *response = g_new0 (TandemAssessmentResponse, 1);

  response->role = role;
  response->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  return response;
}

/**
 * tandem_assessment_response_add_score:
 * @response: a response
 * @standard_id: a standard
 * @score: 1 to 5
 * @comment: (nullable): what the respondent said
 */
void
tandem_assessment_response_add_score (TandemAssessmentResponse *response,
                                      const char               *standard_id,
                                      int                       score,
                                      const char               *comment)
{
  TandemAssessmentScore *one = g_new0 (TandemAssessmentScore, 1);

  one->standard_id = g_strdup (standard_id);
  one->score = score;
  one->comment = comment && *comment ? g_strdup (comment) : NULL;
  g_ptr_array_add (response->scores, one);
}

void
tandem_assessment_response_free (TandemAssessmentResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->scores, g_ptr_array_unref);
  _tandem_db_free_row (&response_shape, response);
}

gboolean
_tandem_standards_check_response (const TandemStandardsFramework *framework,
                                  const TandemAssessmentResponse *response,
                                  GError                        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (tandem_stored_enum_to_word (TANDEM_TYPE_RESPONDENT_ROLE, response->role) == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A respondent is staff, an expert by experience, a lived experience "
                             "partner or a carer."));
      return FALSE;
    }
  for (guint i = 0; i < response->scores->len; i++)
    {
      const TandemAssessmentScore *score = response->scores->pdata[i];
      const TandemStandard *standard = tandem_standards_framework_find (framework,
                                                                        score->standard_id);

      if (standard == NULL)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("There is no standard “%s”."), score->standard_id);
          return FALSE;
        }
      if (!g_hash_table_add (seen, standard->id))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” is scored twice in one response."), standard->title);
          return FALSE;
        }
      if (!check_score (score->score, error))
        return FALSE;
      if (score->comment && g_utf8_strlen (score->comment, -1) > COMMENT_MAX)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("A comment is too long: keep it to %d characters."), COMMENT_MAX);
          return FALSE;
        }
    }
  return TRUE;
}

/* Within a change: the response and its scores. */
char *
_tandem_standards_insert_response (TandemProject                  *project,
                                   const char                     *round_id,
                                   const TandemAssessmentResponse *response,
                                   double                          position,
                                   GError                        **error)
{
  TandemField fields[] = {
    { TANDEM_FIELD_ASSESSMENT_RESPONSE_ROUND_ID, tandem_value_text (round_id) },
    { TANDEM_FIELD_ASSESSMENT_RESPONSE_ROLE,
      tandem_value_text (tandem_stored_enum_to_word (TANDEM_TYPE_RESPONDENT_ROLE, response->role)) },
    { TANDEM_FIELD_ASSESSMENT_RESPONSE_PERSON_ID, tandem_value_text (response->person_id) },
    { TANDEM_FIELD_ASSESSMENT_RESPONSE_POSITION, tandem_value_double (position) },
  };
  g_autofree char *id = tandem_project_insert (project, TANDEM_ENTITY_ASSESSMENT_RESPONSE, fields,
                                               G_N_ELEMENTS (fields), error);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < response->scores->len; i++)
    {
      const TandemAssessmentScore *score = response->scores->pdata[i];
      TandemField score_fields[] = {
        { TANDEM_FIELD_ASSESSMENT_SCORE_RESPONSE_ID, tandem_value_text (id) },
        { TANDEM_FIELD_ASSESSMENT_SCORE_STANDARD_ID, tandem_value_text (score->standard_id) },
        { TANDEM_FIELD_ASSESSMENT_SCORE_SCORE, tandem_value_int (score->score) },
        { TANDEM_FIELD_ASSESSMENT_SCORE_COMMENT, tandem_value_text (score->comment) },
      };
      g_autofree char *score_id = tandem_project_insert (project, TANDEM_ENTITY_ASSESSMENT_SCORE,
                                                         score_fields, G_N_ELEMENTS (score_fields),
                                                         error);

      if (score_id == NULL)
        return NULL;
    }
  return g_steal_pointer (&id);
}

/* Standards named by title in @response become their ids. */
static void
resolve_standards (const TandemStandardsFramework *framework,
                   TandemAssessmentResponse       *response)
{
  for (guint i = 0; i < response->scores->len; i++)
    {
      TandemAssessmentScore *score = response->scores->pdata[i];
      const TandemStandard *standard = tandem_standards_framework_find (framework,
                                                                        score->standard_id);

      if (standard != NULL && !g_str_equal (standard->id, score->standard_id))
        {
          g_free (score->standard_id);
          score->standard_id = g_strdup (standard->id);
        }
    }
}

/**
 * tandem_assessment_response_add:
 * @project: a project
 * @round_id: a round
 * @response: who answered (a person of the project, or anonymous) and the
 *   scores (standards by id or title), 1 to 5, each with a comment or none
 * @error: return location for an error
 *
 * Adds one respondent's answers to a round, as one undoable change.
 *
 * Returns: (transfer full) (nullable): the response's id
 */
char *
tandem_assessment_response_add (TandemProject                  *project,
                                const char                     *round_id,
                                const TandemAssessmentResponse *response,
                                GError                        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(TandemAssessmentResponse) resolved = NULL;
  g_autofree char *id = NULL;
  gint64 count = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (round_id != NULL && response != NULL, NULL);

  if ((framework = tandem_standards_framework_load (project, error)) == NULL ||
      !_tandem_standards_check_response (framework, response, error) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_ASSESSMENT_ROUND, round_id,
                               TANDEM_STANDARDS_ROUND_GONE, error) ||
      (response->person_id != NULL &&
       !_tandem_db_still_there (project, TANDEM_ENTITY_PERSON, response->person_id,
                                _("This person is no longer in the project."), error)) ||
      !_tandem_db_query_int (project, error, &count, NULL,
                             "SELECT count(*) FROM assessment_response WHERE round_id = ?1", "s",
                             round_id))
    return NULL;

  resolved = tandem_assessment_response_new (response->role);
  resolved->person_id = g_strdup (response->person_id);
  for (guint i = 0; i < response->scores->len; i++)
    {
      const TandemAssessmentScore *score = response->scores->pdata[i];

      tandem_assessment_response_add_score (resolved, score->standard_id, score->score,
                                            score->comment);
    }
  resolve_standards (framework, resolved);

  if (!tandem_change_begin (&change, project, _("Add a self-assessment response"), error) ||
      (id = _tandem_standards_insert_response (project, round_id, resolved, (double) count,
                                               error)) == NULL ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

static void
attach_score (TandemDbStmt *stmt,
              gpointer      data)
{
  GHashTable *by_id = data;
  TandemAssessmentResponse *response = g_hash_table_lookup (by_id,
                                                            _tandem_db_column_peek (stmt, 0));
  TandemAssessmentScore *score;

  if (response == NULL || !_tandem_db_column_is_number (stmt, 2))
    return;
  score = g_new0 (TandemAssessmentScore, 1);
  score->standard_id = _tandem_db_column_text (stmt, 1);
  score->score = (int) _tandem_db_column_int (stmt, 2);
  score->comment = _tandem_db_column_text (stmt, 3);
  g_ptr_array_add (response->scores, score);
}

/**
 * tandem_assessment_response_list:
 * @project: a project
 * @round_id: a round
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemAssessmentResponse)
 *   (nullable): the round's responses with their answers, in their order
 */
GPtrArray *
tandem_assessment_response_list (TandemProject  *project,
                                 const char     *round_id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  responses = _tandem_db_list (project, error, &response_shape,
                               "SELECT " RESPONSE_COLUMNS " FROM assessment_response "
                               "WHERE round_id = ?1 ORDER BY position, rowid", "s", round_id);
  if (responses == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      TandemAssessmentResponse *response = responses->pdata[i];

      response->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
      g_hash_table_insert (by_id, response->id, response);
    }
  if (!_tandem_db_each_row (project, error, 4, attach_score, by_id,
                            "SELECT s.response_id, s.standard_id, s.score, s.comment "
                            "FROM assessment_score s JOIN assessment_response r "
                            "ON r.id = s.response_id WHERE r.round_id = ?1 ORDER BY s.rowid",
                            "s", round_id))
    return NULL;
  return g_steal_pointer (&responses);
}

/**
 * tandem_assessment_set_score:
 * @project: a project
 * @response_id: a response
 * @standard_id: a standard
 * @shown: (nullable): the score the editor showed as text (%NULL for none),
 *   or %TANDEM_UNCHECKED
 * @score: 1 to 5, or 0 to take the answer away
 * @error: return location for an error
 *
 * Scores one standard of a response, or changes or clears its score, as
 * one undoable change.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_assessment_set_score (TandemProject  *project,
                             const char     *response_id,
                             const char     *standard_id,
                             const char     *shown,
                             int             score,
                             GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *score_id = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (response_id != NULL && standard_id != NULL, FALSE);

  if ((score != 0 && !check_score (score, error)) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_ASSESSMENT_RESPONSE, response_id,
                               RESPONSE_GONE, error) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_STANDARD, standard_id, STANDARD_GONE, error) ||
      !_tandem_db_query_text (project, error, &score_id, NULL,
                              "SELECT id FROM assessment_score WHERE response_id = ?1 "
                              "AND standard_id = ?2", "ss", response_id, standard_id))
    return FALSE;
  if (score_id != NULL)
    current = tandem_project_get_text (project, TANDEM_ENTITY_ASSESSMENT_SCORE, score_id,
                                       TANDEM_FIELD_ASSESSMENT_SCORE_SCORE);
  if (shown != TANDEM_UNCHECKED && g_strcmp0 (shown, current) != 0)
    {
      /* Someone else scored it meanwhile: theirs stays. */
      if (score_id != NULL)
        {
          if (!tandem_project_begin (project, _("Change a score"), error))
            return FALSE;
          return tandem_project_finish_update (project, TANDEM_ENTITY_ASSESSMENT_SCORE, score_id,
                                               TANDEM_FIELD_ASSESSMENT_SCORE_SCORE, TRUE, shown,
                                               tandem_value_int (score), error);
        }
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT,
                           _("Someone else took this score away meanwhile."));
      return FALSE;
    }
  if (!tandem_change_begin (&change, project, score ? _("Change a score") : _("Clear a score"),
                            error))
    return FALSE;
  if (score_id == NULL && score != 0)
    {
      TandemField fields[] = {
        { TANDEM_FIELD_ASSESSMENT_SCORE_RESPONSE_ID, tandem_value_text (response_id) },
        { TANDEM_FIELD_ASSESSMENT_SCORE_STANDARD_ID, tandem_value_text (standard_id) },
        { TANDEM_FIELD_ASSESSMENT_SCORE_SCORE, tandem_value_int (score) },
      };
      g_autofree char *id = tandem_project_insert (project, TANDEM_ENTITY_ASSESSMENT_SCORE, fields,
                                                   G_N_ELEMENTS (fields), error);

      if (id == NULL)
        return FALSE;
    }
  else if (score_id != NULL && score == 0)
    {
      if (!tandem_project_delete (project, TANDEM_ENTITY_ASSESSMENT_SCORE, score_id, error))
        return FALSE;
    }
  else if (score_id != NULL &&
           !tandem_project_update (project, TANDEM_ENTITY_ASSESSMENT_SCORE, score_id,
                                   TANDEM_FIELD_ASSESSMENT_SCORE_SCORE, tandem_value_int (score),
                                   error))
    return FALSE;
  return tandem_change_commit (&change, error);
}

/**
 * tandem_assessment_response_delete:
 * @project: a project
 * @response_id: a response
 * @error: return location for an error
 *
 * Returns: %TRUE if deleted with its answers, as one undoable change
 */
gboolean
tandem_assessment_response_delete (TandemProject  *project,
                                   const char     *response_id,
                                   GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return _tandem_db_still_there (project, TANDEM_ENTITY_ASSESSMENT_RESPONSE, response_id,
                                 RESPONSE_GONE, error) &&
         _tandem_db_delete (project, TANDEM_ENTITY_ASSESSMENT_RESPONSE, response_id,
                            _("Delete a self-assessment response"), error);
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

const char *
tandem_respondent_role_get_label (TandemRespondentRole role)
{
  switch (role)
    {
    case TANDEM_RESPONDENT_STAFF:
      return _("Staff");
    case TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE:
      return _("Expert by experience");
    case TANDEM_RESPONDENT_LIVED_EXPERIENCE_PARTNER:
      return _("Lived experience partner");
    case TANDEM_RESPONDENT_CARER:
      return _("Carer");
    default:
      return NULL;
    }
}

const char *
tandem_standard_level_get_label (TandemStandardLevel level)
{
  switch (level)
    {
    case TANDEM_STANDARD_LEVEL_BRONZE:
      return _("Bronze");
    case TANDEM_STANDARD_LEVEL_SILVER:
      return _("Silver");
    case TANDEM_STANDARD_LEVEL_GOLD:
      return _("Gold");
    default:
      return NULL;
    }
}

const char *
tandem_panel_decision_get_label (TandemPanelDecision decision)
{
  switch (decision)
    {
    case TANDEM_PANEL_DECISION_NONE:
      return _("No level awarded");
    case TANDEM_PANEL_DECISION_BRONZE:
      return _("Bronze");
    case TANDEM_PANEL_DECISION_SILVER:
      return _("Silver");
    case TANDEM_PANEL_DECISION_GOLD:
      return _("Gold");
    default:
      return NULL;
    }
}
