/* tandem-peer-support.c — the peer-support implementation tracker: the
 * framework's checklist per team, peer roles, supervision and what follows
 * (what the page and the summary say of it is in tandem-peer-support-report.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-PeerSupport"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-checked-edit.h"
#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-defaults.h"
#include "tandem-peer-support.h"
#include "tandem-peer-support-private.h"
#include "tandem-stored-enums.h"

static const char * const status_labels[TANDEM_N_ITEM_STATUSES] = {
  N_("Not started"), N_("Planning"), N_("In progress"), N_("In place"), N_("Not applicable"),
};

static const char * const kind_labels[TANDEM_N_SUPERVISION_KINDS] = {
  N_("1:1 supervision"), N_("Group supervision"), N_("Debrief"), N_("Training"),
};

/* What a change says of what it was about when someone deleted it meanwhile. */
static const char team_gone[] = N_("This team no longer exists: someone may have deleted it.");
static const char item_gone[] = N_("This item is no longer in the framework: someone may have "
                                   "deleted it.");
static const char role_gone[] = N_("This role no longer exists: someone may have deleted it.");

/* The exemplary trust's retention of peer workers after 1, 2 and 3 years. */
static const double retention_benchmark[3] = { 98, 88, 81 };

#define DAYS_PER_MONTH (365.25 / 12)
#define SUPERVISION_WINDOW_DAYS 91
#define SUPERVISION_MIN_DAYS 28

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static void
date_to_iso (const GDate *date,
             char        *iso)
{
  g_snprintf (iso, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static void tracker_item_free   (gpointer data);
static void peer_role_free      (gpointer data);
static void record_free         (gpointer data);
static void status_change_free  (gpointer data);

/* The rows of the tables, as the queries below read them. */
#define ITEM_COLUMN(kind, member) TANDEM_DB_COLUMN (kind, TandemTrackerItem, member)
static const TandemDbColumn item_columns[] = {
  ITEM_COLUMN (TEXT, item_id), ITEM_COLUMN (TEXT_OR_EMPTY, stage), ITEM_COLUMN (UNREAD, support),
  ITEM_COLUMN (TEXT_OR_EMPTY, title), ITEM_COLUMN (BOOL, builtin),
  ITEM_COLUMN (INT, framework_version), ITEM_COLUMN (TEXT, status_id),
  TANDEM_DB_ENUM_COLUMN (TandemTrackerItem, status, tandem_item_status_get_type,
                         TANDEM_ITEM_NOT_STARTED),
  ITEM_COLUMN (TEXT, evidence), ITEM_COLUMN (TEXT, owner),
  ITEM_COLUMN (TEXT, target_date), ITEM_COLUMN (TEXT, last_reviewed),
};
#undef ITEM_COLUMN

/* An item's kind is read as whether it is support. */
static gboolean
tracker_item_finish (TandemDbStmt *stmt,
                     gpointer      item)
{
  ((TandemTrackerItem *) item)->support = g_strcmp0 (_tandem_db_column_peek (stmt, 2), "support") == 0;
  return TRUE;
}

static const TandemDbShape item_shape =
  TANDEM_DB_SHAPE_FINISHED (TandemTrackerItem, tracker_item_free, item_columns, tracker_item_finish);

#define ROLE_COLUMN(kind, member) TANDEM_DB_COLUMN (kind, TandemPeerRole, member)
static const TandemDbColumn role_columns[] = {
  ROLE_COLUMN (TEXT, id), ROLE_COLUMN (TEXT_OR_EMPTY, title), ROLE_COLUMN (TEXT, band),
  ROLE_COLUMN (DOUBLE_OR_NAN, hours), ROLE_COLUMN (TEXT, start_date),
  ROLE_COLUMN (TEXT, end_date), ROLE_COLUMN (TEXT, leaving_reason), ROLE_COLUMN (BOOL, paired),
  ROLE_COLUMN (BOOL, vacancy), ROLE_COLUMN (DOUBLE_OR_NAN, expected_per_month),
  ROLE_COLUMN (TEXT, person_id), ROLE_COLUMN (TEXT, person_name),
  ROLE_COLUMN (TEXT, supervisor_id), ROLE_COLUMN (TEXT, supervisor_name),
};
#undef ROLE_COLUMN
static const TandemDbShape role_shape = TANDEM_DB_SHAPE (TandemPeerRole, peer_role_free, role_columns);

#define RECORD_COLUMN(kind, member) TANDEM_DB_COLUMN (kind, TandemSupervisionRecord, member)
static const TandemDbColumn record_columns[] = {
  RECORD_COLUMN (TEXT, id), RECORD_COLUMN (TEXT, role_id), RECORD_COLUMN (TEXT, date),
  TANDEM_DB_ENUM_COLUMN (TandemSupervisionRecord, kind, tandem_supervision_kind_get_type,
                         TANDEM_SUPERVISION_ONE_TO_ONE),
  RECORD_COLUMN (TEXT, note),
};
#undef RECORD_COLUMN
static const TandemDbShape record_shape = TANDEM_DB_SHAPE (TandemSupervisionRecord, record_free,
                                                           record_columns);

/* A status the log gave an item; the row is left out for a value that is
 * none. */
static gboolean
status_change_finish (TandemDbStmt *stmt,
                      gpointer      item)
{
  TandemStatusChange *change = item;

  return _tandem_db_column_is_text (stmt, 2) &&
         tandem_item_status_from_string (_tandem_db_column_peek (stmt, 2), &change->status);
}

static const TandemDbColumn status_change_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemStatusChange, at),
  TANDEM_DB_COLUMN (TEXT, TandemStatusChange, author),
  TANDEM_DB_COLUMN (UNREAD, TandemStatusChange, status),
};
static const TandemDbShape status_change_shape =
  TANDEM_DB_SHAPE_FINISHED (TandemStatusChange, status_change_free, status_change_columns,
                            status_change_finish);

static void
tracker_item_free (gpointer data)
{
  _tandem_db_free_row (&item_shape, data);
}

static void
peer_role_free (gpointer data)
{
  TandemPeerRole *role = data;

  _tandem_db_clear_row (&role_shape, role);
  g_free (role->last_supervision);
  g_free (role);
}

static void
record_free (gpointer data)
{
  _tandem_db_free_row (&record_shape, data);
}

static void
status_change_free (gpointer data)
{
  _tandem_db_free_row (&status_change_shape, data);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

/**
 * tandem_item_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the word stored in the file for @status
 */
const char *
tandem_item_status_to_string (TandemItemStatus status)
{
  g_return_val_if_fail ((guint) status < TANDEM_N_ITEM_STATUSES, NULL);
  return tandem_stored_enum_to_word (TANDEM_TYPE_ITEM_STATUS, status);
}

/**
 * tandem_item_status_from_string:
 * @text: the word stored in the file
 * @status: (out): the status
 *
 * Returns: whether @text names a status
 */
gboolean
tandem_item_status_from_string (const char       *text,
                                TandemItemStatus *status)
{
  return tandem_stored_enum_from_word (TANDEM_TYPE_ITEM_STATUS, text, (int *) status);
}

/**
 * tandem_item_status_label:
 * @status: a status
 *
 * Returns: (transfer none): @status in plain words, translated
 */
const char *
tandem_item_status_label (TandemItemStatus status)
{
  g_return_val_if_fail ((guint) status < TANDEM_N_ITEM_STATUSES, NULL);
  return _(status_labels[status]);
}

/**
 * tandem_supervision_kind_to_string:
 * @kind: a kind of record
 *
 * Returns: (transfer none): the word stored in the file for @kind
 */
const char *
tandem_supervision_kind_to_string (TandemSupervisionKind kind)
{
  g_return_val_if_fail ((guint) kind < TANDEM_N_SUPERVISION_KINDS, NULL);
  return tandem_stored_enum_to_word (TANDEM_TYPE_SUPERVISION_KIND, kind);
}

/**
 * tandem_supervision_kind_from_string:
 * @text: the word stored in the file
 * @kind: (out): the kind
 *
 * Returns: whether @text names a kind of record
 */
gboolean
tandem_supervision_kind_from_string (const char            *text,
                                     TandemSupervisionKind *kind)
{
  return tandem_stored_enum_from_word (TANDEM_TYPE_SUPERVISION_KIND, text, (int *) kind);
}

/**
 * tandem_supervision_kind_label:
 * @kind: a kind of record
 *
 * Returns: (transfer none): @kind in plain words, translated
 */
const char *
tandem_supervision_kind_label (TandemSupervisionKind kind)
{
  g_return_val_if_fail ((guint) kind < TANDEM_N_SUPERVISION_KINDS, NULL);
  return _(kind_labels[kind]);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

/**
 * tandem_peer_support_list_items:
 * @project: a project
 * @team_id: the team
 * @error: return location for an error
 *
 * Lists every item of the peer-support framework, the national ones and the
 * project's own, in framework order, each with where @team_id stands on it.
 * Items the team has not recorded anything about are “not started”.
 *
 * Returns: (transfer full) (element-type TandemTrackerItem): the items, or
 *   %NULL on error
 */
GPtrArray *
tandem_peer_support_list_items (TandemProject  *project,
                                const char     *team_id,
                                GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &item_shape,
                          "SELECT i.id, i.stage, i.kind, i.title, i.builtin, i.framework_version, "
                          "  s.id, s.status, s.evidence, s.owner, s.target_date, s.last_reviewed "
                          "FROM framework_item i "
                          "LEFT JOIN framework_status s ON s.item_id = i.id AND s.team_id = ?1 "
                          "WHERE i.framework = ?2 ORDER BY i.position, i.id",
                          "ss", team_id, TANDEM_FRAMEWORK_PEER_SUPPORT);
}

/**
 * tandem_peer_support_stage_progress:
 * @items: (element-type TandemTrackerItem): a team's items, in framework order
 *
 * Counts the items of each stage by status, stages in the order they first
 * appear.
 *
 * Returns: (transfer full) (element-type TandemStageProgress): one entry per stage
 */
GPtrArray *
tandem_peer_support_stage_progress (GPtrArray *items)
{
  GPtrArray *stages = g_ptr_array_new_with_free_func (stage_progress_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      const TandemTrackerItem *item = items->pdata[i];
      TandemStageProgress *stage = g_hash_table_lookup (by_name, item->stage);

      if (stage == NULL)
        {
          stage = g_new0 (TandemStageProgress, 1);
          stage->stage = g_strdup (item->stage);
          g_ptr_array_add (stages, stage);
          g_hash_table_insert (by_name, stage->stage, stage);
        }
      stage->counts[item->status]++;
      stage->total++;
    }
  return stages;
}

/**
 * tandem_stage_progress_fraction:
 * @stage: a stage's counts
 *
 * The share of a stage's items that are in place, leaving out the items the
 * team marked as not applicable.
 *
 * Returns: between 0 and 1, or -1 when no item applies
 */
double
tandem_stage_progress_fraction (const TandemStageProgress *stage)
{
  guint applies = stage->total - stage->counts[TANDEM_ITEM_NOT_APPLICABLE];

  if (applies == 0)
    return -1;
  return (double) stage->counts[TANDEM_ITEM_IN_PLACE] / applies;
}

/* How often a role has had 1:1 or group supervision lately: over the last
 * three months it was filled (up to today, or to when it ended). */
static gboolean
count_supervision (TandemProject   *project,
                   TandemPeerRole  *role,
                   const char      *today,
                   GError         **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  GDate end, start, begun;
  char from[11], to[11];
  gint64 count;
  int days;

  stmt = _tandem_db_query (project, error,
                           "SELECT count(*), "
                           "  max(CASE WHEN kind IN ('one_to_one', 'group') THEN date END) "
                           "FROM supervision WHERE role_id = ?1", "s", role->id);
  /* An aggregate: always one row. */
  if (stmt == NULL || _tandem_db_step (project, stmt, error) == TANDEM_DB_FAILED)
    return FALSE;
  _tandem_db_assert_columns (stmt, 2);
  role->n_records = _tandem_db_column_int (stmt, 0);
  role->last_supervision = _tandem_db_column_text (stmt, 1);

  role->per_month = NAN;
  if (role->vacancy || !date_from_iso (today, &end))
    return TRUE;
  if (date_from_iso (role->end_date, &start) && g_date_compare (&start, &end) < 0)
    end = start;
  start = end;
  g_date_subtract_days (&start, SUPERVISION_WINDOW_DAYS);
  if (date_from_iso (role->start_date, &begun) && g_date_compare (&begun, &start) > 0)
    start = begun;
  days = g_date_days_between (&start, &end);
  if (days < SUPERVISION_MIN_DAYS)
    return TRUE;

  date_to_iso (&start, from);
  date_to_iso (&end, to);
  if (!_tandem_db_query_int (project, error, &count, NULL,
                             "SELECT count(*) FROM supervision WHERE role_id = ?1 "
                             "AND kind IN ('one_to_one', 'group') AND date >= ?2 AND date <= ?3",
                             "sss", role->id, from, to))
    return FALSE;
  role->per_month = count * DAYS_PER_MONTH / days;
  return TRUE;
}

/**
 * tandem_peer_support_list_roles:
 * @project: a project
 * @team_id: the team
 * @today: (nullable): the day to count up to, YYYY-MM-DD; %NULL for today
 * @error: return location for an error
 *
 * Lists the team's peer roles and vacancies, earliest start first, each with
 * how many records it has and how often it has had 1:1 or group supervision
 * over the last three months it was filled (per month; %NAN when it has been
 * filled for less than four weeks, or is vacant).
 *
 * Returns: (transfer full) (element-type TandemPeerRole): the roles, or %NULL
 *   on error
 */
GPtrArray *
tandem_peer_support_list_roles (TandemProject  *project,
                                const char     *team_id,
                                const char     *today,
                                GError        **error)
{
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *now = today ? g_strdup (today) : tandem_peer_support_today ();

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  roles = _tandem_db_list (project, error, &role_shape,
                           "SELECT r.id, r.title, r.band, r.hours, r.start_date, r.end_date, "
                           "  r.leaving_reason, r.paired, r.vacancy, "
                           "  r.expected_supervision_per_month, r.person_id, holder.name, "
                           "  r.supervisor_id, supervisor.name "
                           "FROM peer_role r "
                           "LEFT JOIN person holder ON holder.id = r.person_id "
                           "LEFT JOIN person supervisor ON supervisor.id = r.supervisor_id "
                           "WHERE r.team_id = ?1 "
                           "ORDER BY r.start_date IS NULL, r.start_date, r.title, r.id",
                           "s", team_id);
  if (roles == NULL)
    return NULL;

  for (guint i = 0; i < roles->len; i++)
    if (!count_supervision (project, roles->pdata[i], now, error))
      return NULL;
  return g_steal_pointer (&roles);
}

/**
 * tandem_peer_support_list_records:
 * @project: a project
 * @role_id: a peer role
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemSupervisionRecord): the role's
 *   supervision, debrief and training records, newest first, or %NULL on error
 */
GPtrArray *
tandem_peer_support_list_records (TandemProject  *project,
                                  const char     *role_id,
                                  GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &record_shape,
                          "SELECT id, role_id, date, kind, note FROM supervision "
                          "WHERE role_id = ?1 ORDER BY date DESC, id", "s", role_id);
}

/**
 * tandem_peer_support_status_history:
 * @project: a project
 * @status_id: a team's record for one item
 * @error: return location for an error
 *
 * Reads from the change log every status the item has had for the team, with
 * when and by whom, oldest first. Statuses set when the project was created
 * (the sample) are not in the log and so not listed.
 *
 * Returns: (transfer full) (element-type TandemStatusChange): the changes, or
 *   %NULL on error
 */
GPtrArray *
tandem_peer_support_status_history (TandemProject  *project,
                                    const char     *status_id,
                                    GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  /* The file is untrusted: json_extract() only on valid JSON. */
  return _tandem_db_list (project, error, &status_change_shape,
                          "SELECT t.at, t.author, CASE WHEN l.op = 'update' THEN l.new_value "
                          "  WHEN json_valid (l.new_value) "
                          "    THEN json_extract (l.new_value, '$.status') END "
                          "FROM change_log l JOIN change_txn t ON t.id = l.txn "
                          "WHERE l.entity_id = ?1 AND l.entity = 'framework_status' "
                          "  AND (l.op = 'insert' OR (l.op = 'update' AND l.field = 'status')) "
                          "ORDER BY l.seq", "s", status_id);
}

/**
 * tandem_peer_support_retention:
 * @roles: (element-type TandemPeerRole): a team's roles
 * @today: (nullable): the day to count to, YYYY-MM-DD; %NULL for today
 * @retention: (out caller-allocates) (array fixed-size=3): at 1, 2 and 3 years
 *
 * Retention the way the exemplary trust counts it: of the peer workers who
 * started at least N years ago, how many were still in post N years after
 * they started. Vacancies and roles without a start date are left out.
 */
void
tandem_peer_support_retention (GPtrArray       *roles,
                               const char      *today,
                               TandemRetention  retention[3])
{
  g_autofree char *now = today ? g_strdup (today) : tandem_peer_support_today ();
  GDate end_of_count;

  date_from_iso (now, &end_of_count);
  for (guint y = 0; y < 3; y++)
    {
      retention[y].years = y + 1;
      retention[y].eligible = 0;
      retention[y].retained = 0;
      retention[y].benchmark = retention_benchmark[y];
    }
  if (!g_date_valid (&end_of_count))
    return;

  for (guint i = 0; i < roles->len; i++)
    {
      const TandemPeerRole *role = roles->pdata[i];
      GDate start, ended;
      gboolean has_ended;

      if (role->vacancy || !date_from_iso (role->start_date, &start))
        continue;
      has_ended = date_from_iso (role->end_date, &ended);
      for (guint y = 0; y < 3; y++)
        {
          GDate anniversary = start;

          g_date_add_years (&anniversary, y + 1);
          if (g_date_compare (&anniversary, &end_of_count) > 0)
            continue;
          retention[y].eligible++;
          if (!has_ended || g_date_compare (&ended, &anniversary) >= 0)
            retention[y].retained++;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

/* The team's record of an item: FALSE if it could not be read; *@id NULL
 * when there is none yet. */
static gboolean
find_status_id (TandemProject  *project,
                const char     *team_id,
                const char     *item_id,
                char          **id,
                GError        **error)
{
  return _tandem_db_query_text (project, error, id, NULL,
                                "SELECT id FROM framework_status WHERE team_id = ?1 AND item_id = ?2",
                                "ss", team_id, item_id);
}

static gboolean
check_team_and_item (TandemProject  *project,
                     const char     *team_id,
                     const char     *item_id,
                     GError        **error)
{
  return _tandem_db_still_there (project, "team", team_id, _(team_gone), error) &&
         _tandem_db_still_there (project, "framework_item", item_id, _(item_gone), error);
}

/* Begins @change on the team's record of an item, found in *@status_id; when
 * the team has none yet, makes it with @values (at most two) as part of the
 * change and leaves *@status_id NULL. */
static gboolean
begin_on_record (TandemChange       *change,
                 TandemProject      *project,
                 const char         *team_id,
                 const char         *item_id,
                 const char         *label,
                 const TandemField  *values,
                 guint               n_values,
                 char              **status_id,
                 GError            **error)
{
  TandemField fields[4] = {
    { "team_id", tandem_value_text (team_id) },
    { "item_id", tandem_value_text (item_id) },
  };
  g_autofree char *id = NULL;

  g_assert (n_values <= 2);
  if (!check_team_and_item (project, team_id, item_id, error) ||
      !tandem_change_begin (change, project, label, error) ||
      !find_status_id (project, team_id, item_id, status_id, error))
    return FALSE;
  if (*status_id != NULL)
    return TRUE;
  memcpy (fields + 2, values, n_values * sizeof (TandemField));
  id = tandem_project_insert (project, "framework_status", fields, 2 + n_values, error);
  return id != NULL;
}

static gboolean
set_status (TandemProject     *project,
            const char        *team_id,
            const char        *item_id,
            TandemItemStatus   status,
            gboolean           check,
            const char        *shown,
            const char        *today,
            GError           **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *now = today ? g_strdup (today) : tandem_peer_support_today ();
  g_autofree char *status_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old = NULL;
  const char *word;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail ((guint) status < TANDEM_N_ITEM_STATUSES, FALSE);

  word = tandem_item_status_to_string (status);
  /* TRANSLATORS: shown as “Undo Mark item as In place” */
  label = g_strdup_printf (_("Mark item as %s"), tandem_item_status_label (status));
  {
    TandemField values[] = {
      { "status", tandem_value_text (word) },
      { "last_reviewed", tandem_value_text (now) },
    };

    if (!begin_on_record (&change, project, team_id, item_id, label, values,
                          G_N_ELEMENTS (values), &status_id, error))
      return FALSE;
  }
  if (status_id == NULL)
    return tandem_change_commit (&change, error);

  old = tandem_project_get_text (project, "framework_status", status_id, "status");
  if (g_strcmp0 (old, word) == 0)
    return tandem_project_update (project, "framework_status", status_id, "last_reviewed",
                                  tandem_value_text (now), error) &&
           tandem_change_commit (&change, error);
  /* From a drop-down, checked against what it showed: a conflict keeps both
   * statuses, and theirs stands. */
  ok = tandem_project_update_checked (project, "framework_status", status_id, "status", check,
                                      shown, tandem_value_text (word), error);
  if (ok)
    ok = tandem_project_update (project, "framework_status", status_id, "last_reviewed",
                                tandem_value_text (now), error);
  return tandem_project_end_checked (project, ok, error);
}

/**
 * tandem_peer_support_set_status:
 * @project: a project
 * @team_id: the team
 * @item_id: a framework item
 * @status: where the team now stands on it
 * @shown: (nullable): the status as stored when the person saw it (%NULL
 *   when none was), or %TANDEM_UNCHECKED
 * @today: (nullable): the date of the review, YYYY-MM-DD; %NULL for today
 * @error: return location for an error
 *
 * Records where a team stands on one item, as one undoable change that also
 * sets the item's “last reviewed” date. The old status stays in the change
 * log, which is the item's history. Checked against @shown as
 * %TANDEM_UNCHECKED describes: if another program changed the status since,
 * theirs stands, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_peer_support_set_status (TandemProject     *project,
                                const char        *team_id,
                                const char        *item_id,
                                TandemItemStatus   status,
                                const char        *shown,
                                const char        *today,
                                GError           **error)
{
  return set_status (project, team_id, item_id, status, shown != TANDEM_UNCHECKED, shown, today,
                     error);
}

static gboolean
set_item_text (TandemProject  *project,
               const char     *team_id,
               const char     *item_id,
               const char     *field,
               gboolean        check,
               const char     *shown,
               const char     *text,
               GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  static const struct { const char *field; const char *label; gboolean date; } fields[] = {
    { "evidence", N_("Change evidence"), FALSE },
    { "owner", N_("Change owner"), FALSE },
    { "target_date", N_("Change target date"), TRUE },
    { "last_reviewed", N_("Change date last reviewed"), TRUE },
  };
  g_autofree char *status_id = NULL;
  g_autofree char *value = NULL;
  gint which = -1;
  char iso[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      which = i;
  if (which < 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a framework item has no note called “%s”", field ? field : "(null)");
      return FALSE;
    }

  value = g_strstrip (g_strdup (text ? text : ""));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  if (value != NULL && fields[which].date)
    {
      if (!tandem_peer_support_parse_date (value, iso, error))
        return FALSE;
      g_free (value);
      value = g_strdup (iso);
    }
  {
    TandemField values[] = { { field, tandem_value_text (value) } };

    if (!begin_on_record (&change, project, team_id, item_id, _(fields[which].label), values,
                          G_N_ELEMENTS (values), &status_id, error))
      return FALSE;
  }
  if (status_id != NULL)
    {
      g_autofree char *old = tandem_project_get_text (project, "framework_status", status_id,
                                                      field);
      if (g_strcmp0 (old, value) != 0)
        return tandem_project_finish_update (project, "framework_status", status_id, field, check,
                                             shown, tandem_value_text (value), error);
    }
  return tandem_change_commit (&change, error);
}

/**
 * tandem_peer_support_set_item_text:
 * @project: a project
 * @team_id: the team
 * @item_id: a framework item
 * @field: “evidence”, “owner”, “target_date” or “last_reviewed”
 * @shown: (nullable): the note as the editor showed it, as stored (dates
 *   as yyyy-mm-dd; %NULL for empty), or %TANDEM_UNCHECKED
 * @text: (nullable): the new text; empty or %NULL clears it; dates may be
 *   typed as 31/12/2026 or 2026-12-31
 * @error: return location for an error
 *
 * Changes one of the notes the team keeps on an item, as one undoable change.
 * A date that is not a date is refused and nothing changes. Checked against
 * @shown as %TANDEM_UNCHECKED describes: if someone else changed the note
 * meanwhile, theirs stays, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_peer_support_set_item_text (TandemProject  *project,
                                   const char     *team_id,
                                   const char     *item_id,
                                   const char     *field,
                                   const char     *shown,
                                   const char     *text,
                                   GError        **error)
{
  return set_item_text (project, team_id, item_id, field, shown != TANDEM_UNCHECKED, shown, text,
                        error);
}

static char *
check_title (const char  *title,
             const char  *what,
             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

  if (*trimmed == '\0' || g_utf8_strlen (trimmed, -1) > 500)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Give the %s a name of up to 500 letters."), what);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/**
 * tandem_peer_support_add_item:
 * @project: a project
 * @stage: the stage to add it to (an existing stage, or a new one, which
 *   comes last)
 * @title: what the item is
 * @error: return location for an error
 *
 * Adds the project's own item to the peer-support framework, after the
 * stage's last item. The national items stay as they are: the project's own
 * are marked as not built in, so they can be told apart (and deleted).
 *
 * Returns: (transfer full) (nullable): the new item's id
 */
char *
tandem_peer_support_add_item (TandemProject  *project,
                              const char     *stage,
                              const char     *title,
                              GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stage_name = NULL;
  g_autofree char *kind = NULL;
  double position = 0, next = NAN;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if ((name = check_title (title, _("item"), error)) == NULL ||
      (stage_name = check_title (stage, _("stage"), error)) == NULL)
    return NULL;

  /* After the stage's last item, before the next stage's first. An
   * aggregate: always one row. */
  stmt = _tandem_db_query (project, error,
                           "SELECT max(position), (SELECT kind FROM framework_item "
                           "    WHERE framework = ?1 AND stage = ?2 ORDER BY position LIMIT 1), "
                           "  (SELECT min(position) FROM framework_item WHERE framework = ?1 "
                           "    AND position > (SELECT max(position) FROM framework_item "
                           "      WHERE framework = ?1 AND stage = ?2)), "
                           "  (SELECT max(position) FROM framework_item WHERE framework = ?1) "
                           "FROM framework_item WHERE framework = ?1 AND stage = ?2",
                           "ss", TANDEM_FRAMEWORK_PEER_SUPPORT, stage_name);
  if (stmt == NULL || _tandem_db_step (project, stmt, error) == TANDEM_DB_FAILED)
    return NULL;
  _tandem_db_assert_columns (stmt, 4);
  if (!_tandem_db_column_is_null (stmt, 0))
    {
      position = _tandem_db_column_double (stmt, 0);
      kind = _tandem_db_column_text (stmt, 1);
      if (_tandem_db_column_is_number (stmt, 2))
        next = _tandem_db_column_double (stmt, 2);
      position = isnan (next) ? position + 1 : (position + next) / 2;
    }
  else if (!_tandem_db_column_is_null (stmt, 3))
    position = _tandem_db_column_double (stmt, 3) + 1;
  g_clear_pointer (&stmt, _tandem_db_release);

  {
    TandemField fields[] = {
      { "framework", tandem_value_text (TANDEM_FRAMEWORK_PEER_SUPPORT) },
      { "framework_version", tandem_value_int (1) },
      { "stage", tandem_value_text (stage_name) },
      { "kind", tandem_value_text (g_strcmp0 (kind, "support") == 0 ? "support" : "item") },
      { "title", tandem_value_text (name) },
      { "builtin", tandem_value_int (0) },
      { "position", tandem_value_double (position) },
    };

    return _tandem_db_insert_change (project, _("Add item to the framework"), "framework_item",
                                     fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_peer_support_delete_item:
 * @project: a project
 * @item_id: one of the project's own framework items
 * @error: return location for an error
 *
 * Deletes an item the project added, and every team's record of it, as one
 * undoable change. Items of the national framework cannot be deleted (a team
 * marks them “not applicable” instead), so that the framework stays whole.
 *
 * Returns: %TRUE if the item is deleted
 */
gboolean
tandem_peer_support_delete_item (TandemProject  *project,
                                 const char     *item_id,
                                 GError        **error)
{
  g_autofree char *builtin = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!_tandem_db_query_text (project, error, &builtin, NULL,
                              "SELECT CAST (builtin AS TEXT) FROM framework_item WHERE id = ?1",
                              "s", item_id))
    return FALSE;
  if (g_strcmp0 (builtin, "0") != 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           builtin == NULL
                             ? _(item_gone)
                             : _("Items of the national framework stay in it. Mark the item "
                                 "“Not applicable” if it does not apply to a team."));
      return FALSE;
    }
  return _tandem_db_delete (project, "framework_item", item_id, _("Delete framework item"), error);
}

/**
 * tandem_peer_support_add_role:
 * @project: a project
 * @team_id: the team
 * @title: (nullable): the post's title; “Peer support worker” if empty
 * @error: return location for an error
 *
 * Adds a peer role to a team as one undoable change. Only the role's terms
 * and support are kept, never health information about the worker.
 *
 * Returns: (transfer full) (nullable): the new role's id
 */
char *
tandem_peer_support_add_role (TandemProject  *project,
                              const char     *team_id,
                              const char     *title,
                              GError        **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  name = g_strstrip (g_strdup (title ? title : ""));
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Peer support worker"));
    }
  else if (g_utf8_strlen (name, -1) > 500)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Give the %s a name of up to 500 letters."), _("role"));
      return NULL;
    }
  if (!_tandem_db_still_there (project, "team", team_id, _(team_gone), error))
    return NULL;
  {
    TandemField fields[] = {
      { "team_id", tandem_value_text (team_id) },
      { "title", tandem_value_text (name) },
    };

    return _tandem_db_insert_change (project, _("Add peer role"), "peer_role", fields,
                                     G_N_ELEMENTS (fields), error);
  }
}

static gboolean
parse_number (const char  *text,
              double       min,
              double       max,
              const char  *what,
              double      *number,
              GError     **error)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  *number = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (*number) || *number < min || *number > max)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("“%s” cannot be used as %s: write a number from %g to %g."),
                   text, what, min, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_role_field (TandemProject  *project,
                const char     *role_id,
                const char     *field,
                gboolean        check,
                const char     *shown,
                const char     *text,
                GError        **error)
{
  static const struct { const char *field; const char *label; char type; } fields[] = {
    { "title", N_("Change role title"), 't' },
    { "band", N_("Change band"), 's' },
    { "hours", N_("Change hours"), 'h' },
    { "start_date", N_("Change start date"), 'd' },
    { "end_date", N_("Change end date"), 'd' },
    { "leaving_reason", N_("Change reason for leaving"), 's' },
    { "paired", N_("Change whether the role works in a pair"), 'b' },
    { "vacancy", N_("Change whether the role is vacant"), 'b' },
    { "expected_supervision_per_month", N_("Change expected supervision"), 'e' },
    { "person_id", N_("Change who holds the role"), 'p' },
    { "supervisor_id", N_("Change the role’s supervisor"), 'p' },
  };
  g_autofree char *value = NULL;
  g_autofree char *other = NULL;
  TandemValue stored = tandem_value_null ();
  gint which = -1;
  char iso[11];
  double number;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      which = i;
  if (which < 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a peer role has no field called “%s”", field ? field : "(null)");
      return FALSE;
    }
  if (!_tandem_db_still_there (project, "peer_role", role_id, _(role_gone), error))
    return FALSE;

  value = g_strstrip (g_strdup (text ? text : ""));
  switch (fields[which].type)
    {
    case 't':
      {
        char *checked = check_title (value, _("role"), error);
        if (checked == NULL)
          return FALSE;
        g_free (value);
        value = checked;
        stored = tandem_value_text (value);
      }
      break;
    case 's':
      stored = tandem_value_text (*value ? value : NULL);
      break;
    case 'b':
      stored = tandem_value_int (g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0);
      break;
    case 'h':
    case 'e':
      if (*value)
        {
          if (!parse_number (value, 0, fields[which].type == 'h' ? 80 : 31,
                             fields[which].type == 'h' ? _("hours a week")
                                                       : _("supervision sessions a month"),
                             &number, error))
            return FALSE;
          stored = tandem_value_double (number);
        }
      break;
    case 'p':
      /* Someone of the project, or no one. */
      if (*value)
        {
          if (!_tandem_db_still_there (project, TANDEM_ENTITY_PERSON, value,
                                       _("That person is no longer in the project."), error))
            return FALSE;
          stored = tandem_value_text (value);
        }
      break;
    case 'd':
      if (*value)
        {
          GDate mine, theirs;

          if (!tandem_peer_support_parse_date (value, iso, error))
            return FALSE;
          stored = tandem_value_text (iso);
          date_from_iso (iso, &mine);
          other = tandem_project_get_text (project, "peer_role", role_id,
                                           g_str_equal (field, "start_date") ? "end_date"
                                                                             : "start_date");
          if (date_from_iso (other, &theirs) &&
              (g_str_equal (field, "start_date") ? g_date_compare (&mine, &theirs) > 0
                                                 : g_date_compare (&mine, &theirs) < 0))
            {
              g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                                   _("A role cannot end before it starts. Check the start "
                                     "and end dates."));
              return FALSE;
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!tandem_project_begin (project, _(fields[which].label), error))
    return FALSE;
  return tandem_project_finish_update (project, "peer_role", role_id, field, check, shown, stored,
                                       error);
}

/**
 * tandem_peer_support_set_role_field:
 * @project: a project
 * @role_id: a peer role
 * @field: “title”, “band”, “hours”, “start_date”, “end_date”,
 *   “leaving_reason”, “paired”, “vacancy” or “expected_supervision_per_month”
 * @shown: (nullable): the term as the editor showed it, as stored (%NULL
 *   for empty; “paired” and “vacancy” as “0” or “1”), or %TANDEM_UNCHECKED
 * @text: (nullable): the value as typed; empty or %NULL clears it (a title
 *   cannot be cleared); “paired” and “vacancy” take “0” or “1”
 * @error: return location for an error
 *
 * Changes one of a role's terms as one undoable change, after checking the
 * value: hours from 0 to 80 a week, supervision from 0 to 31 a month, real
 * dates, an end date no earlier than the start. A value that fails is
 * refused with a message that says what would do, and nothing changes.
 * Checked against @shown as %TANDEM_UNCHECKED describes: if someone else
 * changed the term meanwhile, theirs stays, both are kept, and the call
 * fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_peer_support_set_role_field (TandemProject  *project,
                                    const char     *role_id,
                                    const char     *field,
                                    const char     *shown,
                                    const char     *text,
                                    GError        **error)
{
  return set_role_field (project, role_id, field, shown != TANDEM_UNCHECKED, shown, text, error);
}

/**
 * tandem_peer_support_add_record:
 * @project: a project
 * @role_id: a peer role
 * @date: when, as typed (31/12/2026 or 2026-12-31)
 * @kind: 1:1 or group supervision, a debrief or training
 * @note: (nullable): a note on what it covered (not on the worker's health)
 * @error: return location for an error
 *
 * Records one supervision, debrief or training session for a role, as one
 * undoable change.
 *
 * Returns: (transfer full) (nullable): the new record's id
 */
char *
tandem_peer_support_add_record (TandemProject          *project,
                                const char             *role_id,
                                const char             *date,
                                TandemSupervisionKind   kind,
                                const char             *note,
                                GError                **error)
{
  g_autofree char *text = NULL;
  char iso[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail ((guint) kind < TANDEM_N_SUPERVISION_KINDS, NULL);

  if (!tandem_peer_support_parse_date (date, iso, error))
    return NULL;
  if (!_tandem_db_still_there (project, "peer_role", role_id, _(role_gone), error))
    return NULL;
  text = g_strstrip (g_strdup (note ? note : ""));
  {
    TandemField fields[] = {
      { "role_id", tandem_value_text (role_id) },
      { "date", tandem_value_text (iso) },
      { "kind", tandem_value_text (tandem_supervision_kind_to_string (kind)) },
      { "note", tandem_value_text (*text ? text : NULL) },
    };

    return _tandem_db_insert_change (project, _("Add supervision record"), "supervision",
                                     fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_peer_support_delete_record:
 * @project: a project
 * @record_id: a supervision record
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete supervision record”, undoable)
 */
gboolean
tandem_peer_support_delete_record (TandemProject  *project,
                                   const char     *record_id,
                                   GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  return _tandem_db_delete (project, "supervision", record_id, _("Delete supervision record"),
                            error);
}

/**
 * tandem_peer_support_delete_role:
 * @project: a project
 * @role_id: a peer role
 * @error: return location for an error
 *
 * Deletes a peer role with its supervision records, as one undoable change
 * (“Delete peer role”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_peer_support_delete_role (TandemProject  *project,
                                 const char     *role_id,
                                 GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (role_id != NULL, FALSE);

  return _tandem_db_delete (project, "peer_role", role_id, _("Delete peer role"), error);
}
