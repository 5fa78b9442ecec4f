/* tandem-standards-import.c — a survey tool's export of a self-assessment: one row per respondent, a column per standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells come from the one CSV reader (tandem_table_parse() reads them
 * with tandem_csv_read()). The first row names the columns: a role column,
 * and a column per standard named as the standard is (any case, spacing or
 * punctuation), or mapped explicitly ("Lived Experience=Q1"); a column
 * named after a standard followed by "comment" holds comments. Other
 * columns (a timestamp, an email address) are left alone. A score is 1 to
 * 5, or its word ("Strong"), or a number followed by words ("4 - Strong");
 * an empty cell is not answered. Every bad row is named by its line, and
 * nothing is saved unless every row is good.
 */

#define G_LOG_DOMAIN "Tandem-Standards"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-change.h"
#include "tandem-db-private.h"
#include "tandem-standards-private.h"

typedef struct
{
  int         role;        /* the role column, or -1 */
  GPtrArray  *standards;   /* per column: a TandemStandard of the framework, or NULL */
  GPtrArray  *comments;    /* per column: the standard whose comments it holds, or NULL */
} Columns;

void
tandem_survey_import_free (TandemSurveyImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->responses, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static gboolean
role_from_cell (const char           *cell,
                TandemRespondentRole *role)
{
  static const struct { const char *folded; TandemRespondentRole role; } roles[] = {
    { "staff", TANDEM_RESPONDENT_STAFF },
    { "staffmember", TANDEM_RESPONDENT_STAFF },
    { "expertbyexperience", TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE },
    { "expertsbyexperience", TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE },
    { "ebe", TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE },
    { "livedexperiencepartner", TANDEM_RESPONDENT_LIVED_EXPERIENCE_PARTNER },
    { "lep", TANDEM_RESPONDENT_LIVED_EXPERIENCE_PARTNER },
    { "carer", TANDEM_RESPONDENT_CARER },
  };
  g_autofree char *folded = _tandem_standards_fold (cell);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (folded, roles[i].folded))
      {
        *role = roles[i].role;
        return TRUE;
      }
  return FALSE;
}

/* 1 to 5, or 0 if the cell is none of the ways a score is written. */
static int
score_from_cell (const TandemStandardsFramework *framework,
                 const char                     *cell)
{
  g_autofree char *folded = NULL;

  if (cell[0] >= '1' && cell[0] <= '5' && !g_ascii_isdigit (cell[1]) && cell[1] != '.' &&
      cell[1] != ',')
    return cell[0] - '0';
  folded = _tandem_standards_fold (cell);
  for (int s = 0; s < TANDEM_STANDARDS_SCORE_MAX; s++)
    {
      g_autofree char *word = _tandem_standards_fold (framework->words[s]);

      if (*word && g_str_equal (word, folded))
        return s + 1;
    }
  return 0;
}

static char *
shorten (const char *cell)
{
  if (g_utf8_strlen (cell, -1) <= 40)
    return g_strdup (cell);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (cell, 40) - cell), cell);
}

static gboolean
map_columns (const TandemStandardsFramework *framework,
             const TandemTable              *table,
             const char * const             *explicit,
             const char                     *role_column,
             Columns                        *columns,
             GError                        **error)
{
  g_autofree char *role_folded = _tandem_standards_fold (role_column ? role_column : "role");
  guint n_columns = table->n_columns;
  guint n_standards = 0;

  columns->role = -1;
  columns->standards = g_ptr_array_new ();
  columns->comments = g_ptr_array_new ();
  g_ptr_array_set_size (columns->standards, n_columns);
  g_ptr_array_set_size (columns->comments, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = tandem_table_get_cell (table, 0, c);
      g_autofree char *folded = _tandem_standards_fold (header);

      if (columns->role < 0 && g_str_equal (folded, role_folded))
        {
          columns->role = (int) c;
          continue;
        }
      if (explicit != NULL)
        continue;
      for (guint s = 0; s < framework->standards->len; s++)
        {
          const TandemStandard *standard = framework->standards->pdata[s];
          g_autofree char *title = _tandem_standards_fold (standard->title);
          g_autofree char *comment = g_strconcat (title, "comment", NULL);

          if (g_str_equal (folded, title) && columns->standards->pdata[c] == NULL)
            columns->standards->pdata[c] = (gpointer) standard, n_standards++;
          else if (g_str_equal (folded, comment))
            columns->comments->pdata[c] = (gpointer) standard;
        }
    }

  for (guint i = 0; explicit != NULL && explicit[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (explicit[i], "=", 2);
      const TandemStandard *standard;
      g_autofree char *wanted = NULL;
      gboolean found = FALSE;

      if (parts[0] == NULL || parts[1] == NULL)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” does not map a standard to a column: write it as "
                         "“Lived Experience=Q1”."), explicit[i]);
          return FALSE;
        }
      g_strstrip (parts[0]);
      g_strstrip (parts[1]);
      if ((standard = tandem_standards_framework_find (framework, parts[0])) == NULL)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("There is no standard “%s”."), parts[0]);
          return FALSE;
        }
      wanted = _tandem_standards_fold (parts[1]);
      for (guint c = 0; c < n_columns && !found; c++)
        {
          g_autofree char *folded = _tandem_standards_fold (tandem_table_get_cell (table, 0, c));

          if (g_str_equal (folded, wanted) && (int) c != columns->role)
            {
              found = TRUE;
              if (columns->standards->pdata[c] == NULL)
                n_standards++;
              columns->standards->pdata[c] = (gpointer) standard;
            }
        }
      if (!found)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("The file has no column “%s” (for “%s”)."), parts[1], standard->title);
          return FALSE;
        }
    }

  if (columns->role < 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The file has no column “%s” saying who answered (staff, expert by "
                     "experience, lived experience partner or carer)."),
                   role_column ? role_column : "role");
      return FALSE;
    }
  if (n_standards == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("No column of the file is named after a standard (such as "
                             "“Lived Experience”): name them so, or map them."));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_standards_read_survey:
 * @project: a project (for its framework)
 * @table: the file's cells, the first row naming the columns
 * @columns: (nullable) (array zero-terminated=1): “Standard=Column” pairs
 *   mapping every standard read, or %NULL to find them by their names
 * @role_column: (nullable): the column saying who answered (“role” if
 *   %NULL)
 * @error: return location for an error the whole file has (no role
 *   column, no standard's column, a mapping that names nothing)
 *
 * Reads a survey's rows: one response per respondent (anonymous), and
 * every bad row by its line.
 *
 * Returns: (transfer full) (nullable): what was read
 */
TandemSurveyImport *
tandem_standards_read_survey (TandemProject      *project,
                              const TandemTable  *table,
                              const char * const *columns,
                              const char         *role_column,
                              GError            **error)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(TandemSurveyImport) import = g_new0 (TandemSurveyImport, 1);
  Columns map = { -1, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }
  if ((framework = tandem_standards_framework_load (project, error)) == NULL)
    return NULL;
  ok = map_columns (framework, table, columns, role_column, &map, error);
  import->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_assessment_response_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_import_problem_free);

  for (guint r = 1; ok && r < table->rows->len; r++)
    {
      guint line = g_array_index (table->lines, guint, r);
      const char *role_cell = tandem_table_get_cell (table, r, (guint) map.role);
      g_autoptr(TandemAssessmentResponse) response = NULL;
      g_autoptr(GString) reasons = g_string_new (NULL);
      TandemRespondentRole role = TANDEM_RESPONDENT_STAFF;

      if (!role_from_cell (role_cell, &role))
        {
          g_autofree char *shown = shorten (role_cell);

          if (*role_cell)
            g_string_append_printf (reasons, _("“%s” is not a role: use staff, expert by "
                                               "experience, lived experience partner or carer"),
                                    shown);
          else
            g_string_append (reasons, _("the role is empty: use staff, expert by experience, lived "
                                        "experience partner or carer"));
        }
      response = tandem_assessment_response_new (role);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const TandemStandard *standard = map.standards->pdata[c];
          const char *cell = tandem_table_get_cell (table, r, c);
          int score;

          if (standard == NULL || *cell == '\0')
            continue;
          score = score_from_cell (framework, cell);
          if (score == 0)
            {
              g_autofree char *shown = shorten (cell);

              g_string_append_printf (reasons, _("%s“%s”: “%s” is not a score from 1 to 5 (or its "
                                                 "word, such as %s)"), reasons->len ? "; " : "",
                                      standard->title, shown, framework->words[3]);
              continue;
            }
          tandem_assessment_response_add_score (response, standard->id, score, NULL);
        }
      /* comments belong to the standard's score in the same row */
      for (guint c = 0; c < table->n_columns; c++)
        {
          const TandemStandard *standard = map.comments->pdata[c];
          const char *cell = tandem_table_get_cell (table, r, c);

          if (standard == NULL || *cell == '\0')
            continue;
          for (guint i = 0; i < response->scores->len; i++)
            {
              TandemAssessmentScore *score = response->scores->pdata[i];

              if (g_str_equal (score->standard_id, standard->id))
                {
                  g_free (score->comment);
                  score->comment = g_strdup (cell);
                }
            }
        }
      if (reasons->len == 0 && response->scores->len == 0)
        g_string_append (reasons, _("no standard is scored"));
      if (reasons->len == 0)
        {
          g_autoptr(GError) invalid = NULL;

          if (_tandem_standards_check_response (framework, response, &invalid))
            {
              g_ptr_array_add (import->responses, g_steal_pointer (&response));
              continue;
            }
          g_string_append (reasons, invalid->message);
        }
      {
        TandemImportProblem *problem = g_new0 (TandemImportProblem, 1);

        problem->line = line;
        problem->reason = g_string_free (g_steal_pointer (&reasons), FALSE);
        g_ptr_array_add (import->problems, problem);
      }
    }
  g_clear_pointer (&map.standards, g_ptr_array_unref);
  g_clear_pointer (&map.comments, g_ptr_array_unref);
  if (!ok)
    return NULL;
  return g_steal_pointer (&import);
}

/**
 * tandem_standards_save_survey:
 * @project: a project
 * @round_id: the round the responses are for
 * @import: what tandem_standards_read_survey() read, with no problems
 * @error: return location for an error
 *
 * Adds every response read to the round, as one undoable change; nothing
 * is saved if the import has a bad row.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_standards_save_survey (TandemProject      *project,
                              const char         *round_id,
                              TandemSurveyImport *import,
                              GError            **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *label = NULL;
  gint64 count = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (round_id != NULL && import != NULL, FALSE);

  if (import->problems->len > 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   ngettext ("%u row is bad: nothing was imported.",
                             "%u rows are bad: nothing was imported.", import->problems->len),
                   import->problems->len);
      return FALSE;
    }
  if (!_tandem_db_still_there (project, TANDEM_ENTITY_ASSESSMENT_ROUND, round_id,
                               TANDEM_STANDARDS_ROUND_GONE, error) ||
      !_tandem_db_query_int (project, error, &count, NULL,
                             "SELECT count(*) FROM assessment_response WHERE round_id = ?1", "s",
                             round_id))
    return FALSE;
  label = g_strdup_printf (ngettext ("Import %u self-assessment response",
                                     "Import %u self-assessment responses", import->responses->len),
                           import->responses->len);
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  for (guint i = 0; i < import->responses->len; i++)
    {
      g_autofree char *id = _tandem_standards_insert_response (project, round_id,
                                                               import->responses->pdata[i],
                                                               (double) (count + i), error);

      if (id == NULL)
        return FALSE;
    }
  return tandem_change_commit (&change, error);
}
