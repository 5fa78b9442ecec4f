/* tandem-standards-evidence.c — a team's priority standards, evidence and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit here is one undoable change, checked as tandem-standards.c
 * checks the framework's and the rounds'.
 */

#define G_LOG_DOMAIN "Tandem-Standards"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-change.h"
#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-db-private.h"
#include "tandem-enums.h"
#include "tandem-standards-private.h"
#include "tandem-stored-enums.h"

#define EVIDENCE_COLUMNS "id, team_id, standard_id, type_id, level, measure_id, node_id, " \
                         "pdsa_id, session_id, note, reference, title, added_on"
#define PANEL_COLUMNS "id, team_id, date, members, decision, conditions, next_review_on"

static const TandemDbColumn evidence_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, team_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, standard_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, type_id),
  TANDEM_DB_ENUM_COLUMN (TandemEvidence, level, tandem_standard_level_get_type,
                         TANDEM_STANDARD_LEVEL_NONE),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, measure_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, node_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, pdsa_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, session_id),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, note),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, reference),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, title),
  TANDEM_DB_COLUMN (TEXT, TandemEvidence, added_on),
};
static const TandemDbShape evidence_shape =
  TANDEM_DB_SHAPE (TandemEvidence, tandem_evidence_free, evidence_columns);

static const TandemDbColumn panel_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemPanelReview, id),
  TANDEM_DB_COLUMN (TEXT, TandemPanelReview, team_id),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemPanelReview, date),
  TANDEM_DB_COLUMN (TEXT, TandemPanelReview, members),
  TANDEM_DB_ENUM_COLUMN (TandemPanelReview, decision, tandem_panel_decision_get_type,
                         TANDEM_PANEL_DECISION_NONE),
  TANDEM_DB_COLUMN (TEXT, TandemPanelReview, conditions),
  TANDEM_DB_COLUMN (TEXT, TandemPanelReview, next_review_on),
};
static const TandemDbShape panel_shape =
  TANDEM_DB_SHAPE (TandemPanelReview, tandem_panel_review_free, panel_columns);

#define PRIORITY_GONE _("This priority no longer exists: someone may have deleted it.")
#define EVIDENCE_GONE _("This evidence no longer exists: someone may have deleted it.")
#define PANEL_GONE _("This panel review no longer exists: someone may have deleted it.")

/* ------------------------------------------------------------------------ */
/* Priority standards                                                       */

void
tandem_priority_free (TandemPriority *priority)
{
  if (priority == NULL)
    return;
  g_free (priority->id);
  g_free (priority->standard_id);
  g_clear_pointer (&priority->node_ids, g_ptr_array_unref);
  g_free (priority);
}

/**
 * tandem_priority_add:
 * @project: a project
 * @team_id: a team
 * @standard_id: a standard (by id or title)
 * @error: return location for an error
 *
 * Makes a standard one of the team's priorities for the improvement phase
 * (three at most), as one undoable change.
 *
 * Returns: (transfer full) (nullable): the priority's id
 */
char *
tandem_priority_add (TandemProject  *project,
                     const char     *team_id,
                     const char     *standard_id,
                     GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  const TandemStandard *standard;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  gint64 count = 0, same = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL && standard_id != NULL, NULL);

  if ((framework = tandem_standards_framework_load (project, error)) == NULL ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_TEAM, team_id, TANDEM_STANDARDS_TEAM_GONE,
                               error))
    return NULL;
  if ((standard = tandem_standards_framework_find (framework, standard_id)) == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("There is no standard “%s”."), standard_id);
      return NULL;
    }
  if (!_tandem_db_query_int (project, error, &count, NULL,
                             "SELECT count(*) FROM priority_standard WHERE team_id = ?1", "s",
                             team_id) ||
      !_tandem_db_query_int (project, error, &same, NULL,
                             "SELECT count(*) FROM priority_standard WHERE team_id = ?1 "
                             "AND standard_id = ?2", "ss", team_id, standard->id))
    return NULL;
  if (same > 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("“%s” is a priority already."), standard->title);
      return NULL;
    }
  if (count >= TANDEM_STANDARDS_MAX_PRIORITIES)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The team has %d priority standards already: the improvement phase works "
                     "on two or three. Take one away first."), TANDEM_STANDARDS_MAX_PRIORITIES);
      return NULL;
    }
  label = g_strdup_printf (_("Make “%s” a priority"), standard->title);
  {
    TandemField fields[] = {
      { TANDEM_FIELD_PRIORITY_STANDARD_TEAM_ID, tandem_value_text (team_id) },
      { TANDEM_FIELD_PRIORITY_STANDARD_STANDARD_ID, tandem_value_text (standard->id) },
      { TANDEM_FIELD_PRIORITY_STANDARD_POSITION, tandem_value_double ((double) count) },
    };

    if (!tandem_change_begin (&change, project, label, error) ||
        (id = tandem_project_insert (project, TANDEM_ENTITY_PRIORITY_STANDARD, fields,
                                     G_N_ELEMENTS (fields), error)) == NULL ||
        !tandem_change_commit (&change, error))
      return NULL;
  }
  return g_steal_pointer (&id);
}

/**
 * tandem_priority_remove:
 * @project: a project
 * @priority_id: a priority
 * @error: return location for an error
 *
 * Returns: %TRUE if the standard is no longer a priority (its links to the
 *   diagram go with it), as one undoable change
 */
gboolean
tandem_priority_remove (TandemProject  *project,
                        const char     *priority_id,
                        GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return _tandem_db_still_there (project, TANDEM_ENTITY_PRIORITY_STANDARD, priority_id,
                                 PRIORITY_GONE, error) &&
         _tandem_db_delete (project, TANDEM_ENTITY_PRIORITY_STANDARD, priority_id,
                            _("Remove a priority standard"), error);
}

/**
 * tandem_priority_set_linked:
 * @project: a project
 * @priority_id: a priority
 * @node_id: a driver or change idea of one of the team's diagrams
 * @linked: link or unlink
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (or already so), as one undoable change
 */
gboolean
tandem_priority_set_linked (TandemProject  *project,
                            const char     *priority_id,
                            const char     *node_id,
                            gboolean        linked,
                            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *link_id = NULL;
  gint64 same_team = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (priority_id != NULL && node_id != NULL, FALSE);

  if (!_tandem_db_still_there (project, TANDEM_ENTITY_PRIORITY_STANDARD, priority_id,
                               PRIORITY_GONE, error) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_NODE, node_id,
                               _("This item of the diagram no longer exists."), error) ||
      !_tandem_db_query_int (project, error, &same_team, NULL,
                             "SELECT count(*) FROM priority_standard p JOIN node n ON n.id = ?2 "
                             "JOIN diagram d ON d.id = n.diagram_id "
                             "WHERE p.id = ?1 AND d.team_id = p.team_id", "ss", priority_id, node_id) ||
      !_tandem_db_query_text (project, error, &link_id, NULL,
                              "SELECT id FROM priority_link WHERE priority_id = ?1 AND node_id = ?2",
                              "ss", priority_id, node_id))
    return FALSE;
  if (same_team == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A priority is linked to the team’s own driver diagrams only."));
      return FALSE;
    }
  if ((link_id != NULL) == linked)
    return TRUE;
  if (!tandem_change_begin (&change, project,
                            linked ? _("Link a priority to the diagram")
                                   : _("Unlink a priority from the diagram"), error))
    return FALSE;
  if (linked)
    {
      TandemField fields[] = {
        { TANDEM_FIELD_PRIORITY_LINK_PRIORITY_ID, tandem_value_text (priority_id) },
        { TANDEM_FIELD_PRIORITY_LINK_NODE_ID, tandem_value_text (node_id) },
      };
      g_autofree char *id = tandem_project_insert (project, TANDEM_ENTITY_PRIORITY_LINK, fields,
                                                   G_N_ELEMENTS (fields), error);

      if (id == NULL)
        return FALSE;
    }
  else if (!tandem_project_delete (project, TANDEM_ENTITY_PRIORITY_LINK, link_id, error))
    return FALSE;
  return tandem_change_commit (&change, error);
}

static void
attach_link (TandemDbStmt *stmt,
             gpointer      data)
{
  GHashTable *by_id = data;
  TandemPriority *priority = g_hash_table_lookup (by_id, _tandem_db_column_peek (stmt, 0));

  if (priority != NULL)
    g_ptr_array_add (priority->node_ids, _tandem_db_column_text (stmt, 1));
}

static void
add_priority (TandemDbStmt *stmt,
              gpointer      data)
{
  TandemPriority *priority = g_new0 (TandemPriority, 1);

  priority->id = _tandem_db_column_text (stmt, 0);
  priority->standard_id = _tandem_db_column_text (stmt, 1);
  priority->node_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (data, priority);
}

/**
 * tandem_priority_list:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemPriority) (nullable): the
 *   team's priority standards, each with the diagram items it is linked to
 */
GPtrArray *
tandem_priority_list (TandemProject  *project,
                      const char     *team_id,
                      GError        **error)
{
  g_autoptr(GPtrArray) priorities = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_priority_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!_tandem_db_each_row (project, error, 2, add_priority, priorities,
                            "SELECT id, standard_id FROM priority_standard WHERE team_id = ?1 "
                            "ORDER BY position, rowid", "s", team_id))
    return NULL;
  for (guint i = 0; i < priorities->len; i++)
    g_hash_table_insert (by_id, ((TandemPriority *) priorities->pdata[i])->id, priorities->pdata[i]);
  if (!_tandem_db_each_row (project, error, 2, attach_link, by_id,
                            "SELECT l.priority_id, l.node_id FROM priority_link l "
                            "JOIN priority_standard p ON p.id = l.priority_id "
                            "JOIN node n ON n.id = l.node_id "
                            "WHERE p.team_id = ?1 ORDER BY n.position, l.rowid", "s", team_id))
    return NULL;
  return g_steal_pointer (&priorities);
}

/* ------------------------------------------------------------------------ */
/* Evidence                                                                 */

void
tandem_evidence_free (TandemEvidence *evidence)
{
  _tandem_db_free_row (&evidence_shape, evidence);
}

/* The one thing a piece of evidence links to must be the team's own. */
static gboolean
check_evidence_target (TandemProject         *project,
                       const TandemEvidence  *evidence,
                       GError               **error)
{
  static const struct { gsize offset; const char *sql; } targets[] = {
    { G_STRUCT_OFFSET (TandemEvidence, measure_id),
      "SELECT count(*) FROM measure WHERE id = ?1 AND team_id = ?2" },
    { G_STRUCT_OFFSET (TandemEvidence, node_id),
      "SELECT count(*) FROM node n JOIN diagram d ON d.id = n.diagram_id "
      "WHERE n.id = ?1 AND d.team_id = ?2" },
    { G_STRUCT_OFFSET (TandemEvidence, pdsa_id),
      "SELECT count(*) FROM pdsa_cycle p JOIN node n ON n.id = p.node_id "
      "JOIN diagram d ON d.id = n.diagram_id WHERE p.id = ?1 AND d.team_id = ?2" },
    { G_STRUCT_OFFSET (TandemEvidence, session_id),
      "SELECT count(*) FROM coaching_session WHERE id = ?1 AND team_id = ?2" },
  };
  guint n_set = (evidence->note != NULL) + (evidence->reference != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, evidence, targets[i].offset);
      gint64 found = 0;

      if (id == NULL)
        continue;
      n_set++;
      if (!_tandem_db_query_int (project, error, &found, NULL, targets[i].sql, "ss", id,
                                 evidence->team_id))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("Evidence links to the team’s own measures, diagram items, PDSA "
                                 "cycles and coaching sessions: this one is not the team’s, or no "
                                 "longer exists."));
          return FALSE;
        }
    }
  if (n_set != 1)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A piece of evidence links to one thing: a measure, a diagram item, "
                             "a PDSA cycle, a coaching session, a note or a file or web address."));
      return FALSE;
    }
  if (evidence->level == TANDEM_STANDARD_LEVEL_NONE && evidence->measure_id == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Say which level this evidence is offered at: only a measure’s "
                             "level can be worked out from its chart."));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_evidence_add:
 * @project: a project
 * @evidence: the team, the standard (id or title), the type of evidence
 *   (id or title), its level (or %TANDEM_STANDARD_LEVEL_NONE for a measure,
 *   whose chart decides), exactly one thing it links to, and a title or
 *   none; @id and @added_on are not read
 * @error: return location for an error
 *
 * Links evidence to a standard, as one undoable change. A file or web page
 * is kept by reference, never copied in.
 *
 * Returns: (transfer full) (nullable): the evidence's id
 */
char *
tandem_evidence_add (TandemProject         *project,
                     const TandemEvidence  *evidence,
                     GError               **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  const TandemStandard *standard;
  const TandemEvidenceType *type;
  g_autofree char *note = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  TandemEvidence checked;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (evidence != NULL && evidence->team_id != NULL, NULL);

  if ((framework = tandem_standards_framework_load (project, error)) == NULL ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_TEAM, evidence->team_id,
                               TANDEM_STANDARDS_TEAM_GONE, error))
    return NULL;
  if ((standard = tandem_standards_framework_find (framework, evidence->standard_id)) == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("There is no standard “%s”."), evidence->standard_id ? evidence->standard_id : "");
      return NULL;
    }
  if ((type = tandem_standards_framework_find_type (framework, evidence->type_id)) == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("There is no type of evidence “%s”."), evidence->type_id ? evidence->type_id : "");
      return NULL;
    }
  if (evidence->level != TANDEM_STANDARD_LEVEL_NONE &&
      tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, evidence->level) == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A level is Bronze, Silver or Gold."));
      return NULL;
    }
  if (!_tandem_standards_clean_text (evidence->note, NOTE_MAX, FALSE, _("note"), &note, error) ||
      !_tandem_standards_clean_text (evidence->reference, REFERENCE_MAX, FALSE, _("file or web address"),
                                     &reference, error) ||
      !_tandem_standards_clean_text (evidence->title, TITLE_MAX, FALSE, _("evidence’s title"), &title, error))
    return NULL;
  checked = *evidence;
  checked.note = note;
  checked.reference = reference;
  if (!check_evidence_target (project, &checked, error))
    return NULL;

  today = tandem_clock_dup_today ();
  label = g_strdup_printf (_("Link evidence to “%s”"), standard->title);
  {
    const char *level = evidence->level == TANDEM_STANDARD_LEVEL_NONE ? NULL :
      tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, evidence->level);
    TandemField fields[] = {
      { TANDEM_FIELD_STANDARD_EVIDENCE_TEAM_ID, tandem_value_text (evidence->team_id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_STANDARD_ID, tandem_value_text (standard->id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_TYPE_ID, tandem_value_text (type->id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_LEVEL, tandem_value_text (level) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_MEASURE_ID, tandem_value_text (evidence->measure_id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_NODE_ID, tandem_value_text (evidence->node_id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_PDSA_ID, tandem_value_text (evidence->pdsa_id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_SESSION_ID, tandem_value_text (evidence->session_id) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_NOTE, tandem_value_text (note) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_REFERENCE, tandem_value_text (reference) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_TITLE, tandem_value_text (title) },
      { TANDEM_FIELD_STANDARD_EVIDENCE_ADDED_ON, tandem_value_text (today) },
    };

    if (!tandem_change_begin (&change, project, label, error) ||
        (id = tandem_project_insert (project, TANDEM_ENTITY_STANDARD_EVIDENCE, fields,
                                     G_N_ELEMENTS (fields), error)) == NULL ||
        !tandem_change_commit (&change, error))
      return NULL;
  }
  return g_steal_pointer (&id);
}

/**
 * tandem_evidence_set_field:
 * @project: a project
 * @evidence_id: a piece of evidence
 * @field: “title”, “level” (bronze, silver, gold, or empty for a measure
 *   whose chart decides), “note” or “reference” (only for evidence that is
 *   a note or a reference; neither can be emptied)
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @value: (nullable): the new value
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_evidence_set_field (TandemProject  *project,
                           const char     *evidence_id,
                           const char     *field,
                           const char     *shown,
                           const char     *value,
                           GError        **error)
{
  g_autoptr(TandemEvidence) evidence = NULL;
  g_autofree char *clean = NULL;
  int level;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (evidence_id != NULL && field != NULL, FALSE);

  evidence = _tandem_db_get (project, error, &evidence_shape, EVIDENCE_GONE,
                             "SELECT " EVIDENCE_COLUMNS " FROM standard_evidence WHERE id = ?1",
                             "s", evidence_id);
  if (evidence == NULL)
    return FALSE;
  if (g_str_equal (field, TANDEM_FIELD_STANDARD_EVIDENCE_TITLE))
    {
      if (!_tandem_standards_clean_text (value, TITLE_MAX, FALSE, _("evidence’s title"), &clean, error))
        return FALSE;
    }
  else if (g_str_equal (field, TANDEM_FIELD_STANDARD_EVIDENCE_LEVEL))
    {
      if (value != NULL && *value != '\0' &&
          !tandem_stored_enum_from_word (TANDEM_TYPE_STANDARD_LEVEL, value, &level))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” is not a level: use bronze, silver or gold."), value);
          return FALSE;
        }
      clean = value && *value ? g_strdup (value) : NULL;
      if (clean == NULL && evidence->measure_id == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("Only a measure’s level can be worked out from its chart: say "
                                 "which level this evidence is offered at."));
          return FALSE;
        }
    }
  else
    {
      gboolean note = g_str_equal (field, TANDEM_FIELD_STANDARD_EVIDENCE_NOTE);

      g_return_val_if_fail (note || g_str_equal (field, TANDEM_FIELD_STANDARD_EVIDENCE_REFERENCE),
                            FALSE);
      if ((note ? evidence->note : evidence->reference) == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               note ? _("This evidence is not a note.")
                                    : _("This evidence is not a file or web address."));
          return FALSE;
        }
      if (!_tandem_standards_clean_text (value, note ? NOTE_MAX : REFERENCE_MAX, TRUE,
                                         note ? _("note") : _("file or web address"), &clean, error))
        return FALSE;
    }
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_STANDARD_EVIDENCE, evidence_id, field, shown,
                                        tandem_value_text (clean), _("Change evidence"), EVIDENCE_GONE, error);
}

/**
 * tandem_evidence_delete:
 * @project: a project
 * @evidence_id: a piece of evidence
 * @error: return location for an error
 *
 * Unlinks evidence (what it linked to stays), as one undoable change.
 *
 * Returns: %TRUE if deleted
 */
gboolean
tandem_evidence_delete (TandemProject  *project,
                        const char     *evidence_id,
                        GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return _tandem_db_still_there (project, TANDEM_ENTITY_STANDARD_EVIDENCE, evidence_id,
                                 EVIDENCE_GONE, error) &&
         _tandem_db_delete (project, TANDEM_ENTITY_STANDARD_EVIDENCE, evidence_id,
                            _("Unlink evidence"), error);
}

/**
 * tandem_evidence_list:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemEvidence) (nullable): the
 *   team's evidence, by standard and type in the framework's order
 */
GPtrArray *
tandem_evidence_list (TandemProject  *project,
                      const char     *team_id,
                      GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &evidence_shape,
                          "SELECT e.id, e.team_id, e.standard_id, e.type_id, e.level, "
                          "e.measure_id, e.node_id, e.pdsa_id, e.session_id, e.note, e.reference, "
                          "e.title, e.added_on FROM standard_evidence e "
                          "LEFT JOIN standard s ON s.id = e.standard_id "
                          "LEFT JOIN evidence_type t ON t.id = e.type_id "
                          "WHERE e.team_id = ?1 ORDER BY s.position, t.position, e.rowid",
                          "s", team_id);
}

/* ------------------------------------------------------------------------ */
/* Panel reviews                                                            */

void
tandem_panel_review_free (TandemPanelReview *review)
{
  _tandem_db_free_row (&panel_shape, review);
}

/**
 * tandem_panel_review_add:
 * @project: a project
 * @review: the team, the date, the members, the decision, the conditions
 *   and the next review's date (if not given: a year on, the annual
 *   light-touch review); @id is not read
 * @error: return location for an error
 *
 * Records a panel review, as one undoable change.
 *
 * Returns: (transfer full) (nullable): its id
 */
char *
tandem_panel_review_add (TandemProject            *project,
                         const TandemPanelReview  *review,
                         GError                  **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *members = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *label = NULL;
  g_autofree char *described = NULL;
  g_autofree char *id = NULL;
  const char *decision;
  char date[11], next[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (review != NULL && review->team_id != NULL, NULL);

  decision = tandem_stored_enum_to_word (TANDEM_TYPE_PANEL_DECISION, review->decision);
  if (decision == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A panel’s decision is none, Bronze, Silver or Gold."));
      return NULL;
    }
  if (!_tandem_standards_check_date (review->date, _("panel’s date"), date, error) ||
      !_tandem_standards_clean_text (review->members, MEMBERS_MAX, FALSE, _("list of panel members"), &members,
                                     error) ||
      !_tandem_standards_clean_text (review->conditions, COMMENT_MAX, FALSE, _("conditions"), &conditions, error))
    return NULL;
  if (review->next_review_on != NULL && *review->next_review_on != '\0')
    {
      if (!_tandem_standards_check_date (review->next_review_on, _("next review’s date"), next, error))
        return NULL;
      if (strcmp (next, date) <= 0)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("The next review comes after the panel."));
          return NULL;
        }
    }
  else
    {
      g_autoptr(GDate) day = g_date_new ();
      guint year, month, mday;

      /* the annual light-touch review */
      sscanf (date, "%4u-%2u-%2u", &year, &month, &mday);
      g_date_set_dmy (day, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
      g_date_add_years (day, 1);
      g_snprintf (next, sizeof next, "%04u-%02u-%02u", g_date_get_year (day),
                  g_date_get_month (day), g_date_get_day (day));
    }
  if (!_tandem_db_still_there (project, TANDEM_ENTITY_TEAM, review->team_id,
                               TANDEM_STANDARDS_TEAM_GONE, error))
    return NULL;

  described = tandem_describe_date (date);
  label = g_strdup_printf (_("Record the panel review of %s"), described);
  {
    TandemField fields[] = {
      { TANDEM_FIELD_PANEL_REVIEW_TEAM_ID, tandem_value_text (review->team_id) },
      { TANDEM_FIELD_PANEL_REVIEW_DATE, tandem_value_text (date) },
      { TANDEM_FIELD_PANEL_REVIEW_MEMBERS, tandem_value_text (members) },
      { TANDEM_FIELD_PANEL_REVIEW_DECISION, tandem_value_text (decision) },
      { TANDEM_FIELD_PANEL_REVIEW_CONDITIONS, tandem_value_text (conditions) },
      { TANDEM_FIELD_PANEL_REVIEW_NEXT_REVIEW_ON, tandem_value_text (next) },
    };

    if (!tandem_change_begin (&change, project, label, error) ||
        (id = tandem_project_insert (project, TANDEM_ENTITY_PANEL_REVIEW, fields,
                                     G_N_ELEMENTS (fields), error)) == NULL ||
        !tandem_change_commit (&change, error))
      return NULL;
  }
  return g_steal_pointer (&id);
}

/**
 * tandem_panel_review_set_field:
 * @project: a project
 * @review_id: a panel review
 * @field: “date”, “members”, “decision” (none, bronze, silver, gold),
 *   “conditions” or “next_review_on”
 * @shown: (nullable): what the editor showed, or %TANDEM_UNCHECKED
 * @value: (nullable): the new value
 * @error: return location for an error
 *
 * Returns: %TRUE if saved, as one undoable change
 */
gboolean
tandem_panel_review_set_field (TandemProject  *project,
                               const char     *review_id,
                               const char     *field,
                               const char     *shown,
                               const char     *value,
                               GError        **error)
{
  g_autofree char *clean = NULL;
  char date[11];
  int decision;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (review_id != NULL && field != NULL, FALSE);

  if (g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_DATE) ||
      g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_NEXT_REVIEW_ON))
    {
      gboolean optional = g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_NEXT_REVIEW_ON);

      if (!(optional && (value == NULL || *value == '\0')))
        {
          if (!_tandem_standards_check_date (value, optional ? _("next review’s date") : _("panel’s date"), date,
                                             error))
            return FALSE;
          clean = g_strdup (date);
        }
    }
  else if (g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_DECISION))
    {
      if (value == NULL || !tandem_stored_enum_from_word (TANDEM_TYPE_PANEL_DECISION, value,
                                                          &decision))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” is not a decision: use none, bronze, silver or gold."),
                       value ? value : "");
          return FALSE;
        }
      clean = g_strdup (value);
    }
  else
    {
      gboolean members = g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_MEMBERS);

      g_return_val_if_fail (members || g_str_equal (field, TANDEM_FIELD_PANEL_REVIEW_CONDITIONS),
                            FALSE);
      if (!_tandem_standards_clean_text (value, members ? MEMBERS_MAX : COMMENT_MAX, FALSE,
                                         members ? _("list of panel members") : _("conditions"), &clean, error))
        return FALSE;
    }
  return _tandem_standards_set_checked (project, TANDEM_ENTITY_PANEL_REVIEW, review_id, field, shown,
                                        tandem_value_text (clean), _("Change a panel review"), PANEL_GONE, error);
}

/**
 * tandem_panel_review_delete:
 * @project: a project
 * @review_id: a panel review
 * @error: return location for an error
 *
 * Returns: %TRUE if deleted, as one undoable change
 */
gboolean
tandem_panel_review_delete (TandemProject  *project,
                            const char     *review_id,
                            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return _tandem_db_still_there (project, TANDEM_ENTITY_PANEL_REVIEW, review_id, PANEL_GONE,
                                 error) &&
         _tandem_db_delete (project, TANDEM_ENTITY_PANEL_REVIEW, review_id,
                            _("Delete a panel review"), error);
}

/**
 * tandem_panel_review_list:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemPanelReview) (nullable): the
 *   team's panel reviews, by date
 */
GPtrArray *
tandem_panel_review_list (TandemProject  *project,
                          const char     *team_id,
                          GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &panel_shape,
                          "SELECT " PANEL_COLUMNS " FROM panel_review WHERE team_id = ?1 "
                          "ORDER BY date, rowid", "s", team_id);
}

