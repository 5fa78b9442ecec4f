/* tandem-peer-support-report.c — what the peer-support page and its printed
 * summary say: a team's report and caseload in words, its timeline, and
 * dates as people write and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-PeerSupport"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-defaults.h"
#include "tandem-peer-support.h"
#include "tandem-peer-support-private.h"

/* The share of NHS trusts with peer workers (28, survey of 2025) that do NOT
 * give each kind of support, in the order the framework installs them. */
static const struct
{
  int         percent;
  int         kept_as;      /* the kind of record that shows it given, or -1 */
  const char *support;      /* what is given, for the sentence that follows the record */
  const char *sentence_does;
  const char *sentence_working;
  const char *sentence_not_yet;
} national_support[] = {
  { 89, -1, NULL,
        N_("%d%% of trusts give no training for the role — this team does."),
        N_("%d%% of trusts give no training for the role — this team is working on it."),
        N_("%d%% of trusts give no training for the role — nor does this team yet.") },
  { 89, TANDEM_SUPERVISION_GROUP, N_("group peer supervision"),
        N_("%d%% of trusts give no group peer supervision — this team does."),
        N_("%d%% of trusts give no group peer supervision — this team is working on it."),
        N_("%d%% of trusts give no group peer supervision — nor does this team yet.") },
  { 86, TANDEM_SUPERVISION_ONE_TO_ONE, N_("1:1 peer supervision"),
        N_("%d%% of trusts give no 1:1 peer supervision — this team does."),
        N_("%d%% of trusts give no 1:1 peer supervision — this team is working on it."),
        N_("%d%% of trusts give no 1:1 peer supervision — nor does this team yet.") },
  { 79, -1, NULL,
        N_("%d%% of trusts have no specialist peer-work leadership — this team has."),
        N_("%d%% of trusts have no specialist peer-work leadership — this team is working on it."),
        N_("%d%% of trusts have no specialist peer-work leadership — nor has this team yet.") },
  { 79, -1, NULL,
        N_("%d%% of trusts give no support or training to managers — this team does."),
        N_("%d%% of trusts give no support or training to managers — this team is working on it."),
        N_("%d%% of trusts give no support or training to managers — nor does this team yet.") },
  { 75, -1, NULL,
        N_("%d%% of trusts have no written role resources — this team has."),
        N_("%d%% of trusts have no written role resources — this team is working on it."),
        N_("%d%% of trusts have no written role resources — nor has this team yet.") },
  { 57, TANDEM_SUPERVISION_TRAINING, N_("ongoing training or CPD"),
        N_("%d%% of trusts give no ongoing training or CPD — this team does."),
        N_("%d%% of trusts give no ongoing training or CPD — this team is working on it."),
        N_("%d%% of trusts give no ongoing training or CPD — nor does this team yet.") },
};

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */

/**
 * tandem_peer_support_parse_date:
 * @text: a date as a person types it: 2026-12-31 or 31/12/2026
 * @iso: (out caller-allocates): 11 bytes for the date as YYYY-MM-DD
 * @error: return location for an error
 *
 * Reads a date typed in either the international or the British way and
 * writes it the way the file stores dates. A date that does not exist
 * (31 April) is refused with an error that says how to write one.
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
tandem_peer_support_parse_date (const char  *text,
                                char        *iso,
                                GError     **error)
{
  return tandem_read_typed_date (text, iso, error);
}

/**
 * tandem_peer_support_format_date:
 * @iso: (nullable): a date as stored, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for people (“19 Jan 2026”),
 *   @iso itself if it is not a date, %NULL for %NULL
 */
char *
tandem_peer_support_format_date (const char *iso)
{
  return tandem_describe_date (iso);
}

/**
 * tandem_peer_support_today:
 *
 * Returns: (transfer full): today's local date as YYYY-MM-DD
 */
char *
tandem_peer_support_today (void)
{
  return tandem_clock_dup_today ();
}

/* ------------------------------------------------------------------------ */
/* The report and its words                                                 */

/**
 * tandem_peer_support_report_new:
 * @project: a project
 * @team_id: the team
 * @today: (nullable): the day the report is for, YYYY-MM-DD; %NULL for today
 * @error: return location for an error
 *
 * Gathers everything about a team's implementation as of @today: its
 * checklist and progress by stage, its roles and their supervision, and
 * retention. The report is a snapshot: it does not follow later changes.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL on error
 */
TandemPeerSupportReport *
tandem_peer_support_report_new (TandemProject  *project,
                                const char     *team_id,
                                const char     *today,
                                GError        **error)
{
  g_autoptr(TandemPeerSupportReport) report = g_new0 (TandemPeerSupportReport, 1);
  gboolean found;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!_tandem_db_query_text (project, error, &report->team_name, &found,
                              "SELECT name FROM team WHERE id = ?1", "s", team_id))
    return NULL;
  if (!found)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This team no longer exists: someone may have deleted it."));
      return NULL;
    }
  report->team_id = g_strdup (team_id);
  report->today = today ? g_strdup (today) : tandem_peer_support_today ();
  if ((report->items = tandem_peer_support_list_items (project, team_id, error)) == NULL ||
      (report->roles = tandem_peer_support_list_roles (project, team_id, report->today,
                                                       error)) == NULL)
    return NULL;
  report->stages = tandem_peer_support_stage_progress (report->items);
  for (guint i = 0; i < report->roles->len; i++)
    {
      const TandemPeerRole *role = report->roles->pdata[i];
      g_autoptr(GPtrArray) records = NULL;

      if (role->n_records == 0)
        continue;
      if ((records = tandem_peer_support_list_records (project, role->id, error)) == NULL)
        return NULL;
      for (guint r = 0; r < records->len; r++)
        report->records[((TandemSupervisionRecord *) records->pdata[r])->kind]++;
    }
  tandem_peer_support_retention (report->roles, report->today, report->retention);
  return g_steal_pointer (&report);
}

/**
 * tandem_peer_support_report_free:
 * @report: (nullable): a report
 */
void
tandem_peer_support_report_free (TandemPeerSupportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->team_id);
  g_free (report->team_name);
  g_free (report->today);
  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_clear_pointer (&report->stages, g_ptr_array_unref);
  g_clear_pointer (&report->roles, g_ptr_array_unref);
  g_free (report);
}

/**
 * tandem_peer_support_describe_progress:
 * @stages: (element-type TandemStageProgress): progress by stage
 *
 * The words for the progress chart, for screen readers and anyone who
 * prefers text: one sentence per stage.
 *
 * Returns: (transfer full): the text
 */
char *
tandem_peer_support_describe_progress (GPtrArray *stages)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      const TandemStageProgress *stage = stages->pdata[i];
      static const TandemItemStatus others[] = {
        TANDEM_ITEM_IN_PROGRESS, TANDEM_ITEM_PLANNING, TANDEM_ITEM_NOT_STARTED,
        TANDEM_ITEM_NOT_APPLICABLE,
      };

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%s: %u of %u item in place", "%s: %u of %u items in place",
                                              stage->total),
                              stage->stage, stage->counts[TANDEM_ITEM_IN_PLACE], stage->total);
      for (guint k = 0; k < G_N_ELEMENTS (others); k++)
        if (stage->counts[others[k]] > 0)
          {
            g_autofree char *word = g_utf8_strdown (tandem_item_status_label (others[k]), -1);
            g_string_append_printf (text, ", %u %s", stage->counts[others[k]], word);
          }
      g_string_append_c (text, '.');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tandem_peer_support_describe_retention:
 * @retention: retention at one point
 *
 * Returns: (transfer full): retention in plain words, against the exemplary
 *   trust's figure
 */
char *
tandem_peer_support_describe_retention (const TandemRetention *retention)
{
  if (retention->eligible == 0)
    return g_strdup_printf (ngettext ("After %u year: no peer worker here started that long ago "
                                      "yet. The exemplary trust keeps %.0f%%.",
                                      "After %u years: no peer worker here started that long ago "
                                      "yet. The exemplary trust keeps %.0f%%.", retention->years),
                            retention->years, retention->benchmark);
  return g_strdup_printf (ngettext ("After %u year: %u of %u peer workers still in post (%.0f%%). "
                                    "The exemplary trust keeps %.0f%%.",
                                    "After %u years: %u of %u peer workers still in post (%.0f%%). "
                                    "The exemplary trust keeps %.0f%%.", retention->years),
                          retention->years, retention->retained, retention->eligible,
                          100.0 * retention->retained / retention->eligible, retention->benchmark);
}

/**
 * tandem_peer_support_describe_supervision:
 * @role: a role
 *
 * Returns: (transfer full): who supervises the role's worker, and how often
 *   the role has had supervision lately against what the team expects, in
 *   plain words
 */
char *
tandem_peer_support_describe_supervision (const TandemPeerRole *role)
{
  g_autofree char *rate = NULL;
  g_autofree char *words = NULL;

  if (role->vacancy)
    return g_strdup (_("Vacant: no supervision to count."));
  if (role->n_records == 0 && role->start_date == NULL)
    words = g_strdup (_("No supervision recorded yet: add a start date and each session."));
  else if (isnan (role->per_month))
    words = g_strdup (_("Too soon to say how often supervision happens."));
  else
    {
      rate = g_strdup_printf (_("Supervision lately: %.1f a month."), role->per_month);
      if (isnan (role->expected_per_month))
        words = g_strdup_printf (_("%s The team has not said how often to expect it."), rate);
      /* Allow for a session falling just outside the three months counted. */
      else if (role->per_month + 0.05 >= role->expected_per_month)
        words = g_strdup_printf (_("%s The team expects %g: as expected."), rate,
                                 role->expected_per_month);
      else
        words = g_strdup_printf (_("%s The team expects %g: less than expected."), rate,
                                 role->expected_per_month);
    }
  if (role->supervisor_name == NULL)
    return g_steal_pointer (&words);
  /* Translators: the first %s is a name, the second how often supervision happens */
  return g_strdup_printf (_("Supervised by %s. %s"), role->supervisor_name, words);
}

/**
 * tandem_peer_support_describe_role:
 * @role: a role
 *
 * Returns: (transfer full): the role's terms in a line: who holds it, band,
 *   hours, dates, whether it works in a pair (“Grace Mensah · Band 3 ·
 *   37.5 hours a week · started 19 Jan 2026 · works in a pair”)
 */
char *
tandem_peer_support_describe_role (const TandemPeerRole *role)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (role->vacancy)
    g_ptr_array_add (parts, g_strdup (_("vacant")));
  else if (role->person_name != NULL)
    g_ptr_array_add (parts, g_strdup (role->person_name));
  /* A band written as a bare number (“4”, “8a”) says that it is the band. */
  if (role->band != NULL && g_ascii_isdigit (role->band[0]) && strlen (role->band) <= 3)
    g_ptr_array_add (parts, g_strdup_printf (_("Band %s"), role->band));
  else if (role->band != NULL)
    g_ptr_array_add (parts, g_strdup (role->band));
  if (!isnan (role->hours))
    g_ptr_array_add (parts, g_strdup_printf (_("%g hours a week"), role->hours));
  if (role->start_date != NULL)
    {
      g_autofree char *date = tandem_peer_support_format_date (role->start_date);
      g_ptr_array_add (parts, g_strdup_printf (_("started %s"), date));
    }
  if (role->end_date != NULL)
    {
      g_autofree char *date = tandem_peer_support_format_date (role->end_date);
      if (role->leaving_reason != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("left %s (%s)"), date, role->leaving_reason));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("left %s"), date));
    }
  g_ptr_array_add (parts, g_strdup (role->paired ? _("works in a pair or linked role")
                                                 : _("works as the only peer")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * tandem_peer_support_describe_support:
 * @report: a team's report
 *
 * Sets each kind of support peer workers need beside the national survey:
 * “89% of trusts give no training for the role — this team does.”
 *
 * Returns: (transfer full) (element-type utf8): one sentence per kind of
 *   support, the national ones first in framework order
 */
GPtrArray *
tandem_peer_support_describe_support (TandemPeerSupportReport *report)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint national = 0;

  for (guint i = 0; i < report->items->len; i++)
    {
      const TandemTrackerItem *item = report->items->pdata[i];

      if (!item->support)
        continue;
      if (item->builtin && national < G_N_ELEMENTS (national_support))
        {
          const char *format;
          char *line;
          int kept_as;

          switch (item->status)
            {
            case TANDEM_ITEM_IN_PLACE:
              format = national_support[national].sentence_does;
              break;
            case TANDEM_ITEM_PLANNING:
            case TANDEM_ITEM_IN_PROGRESS:
              format = national_support[national].sentence_working;
              break;
            case TANDEM_ITEM_NOT_STARTED:
            case TANDEM_ITEM_NOT_APPLICABLE:
            default:
              format = national_support[national].sentence_not_yet;
              break;
            }
          kept_as = national_support[national].kept_as;
          /* The record outranks the checklist: a team that keeps records of
           * the support is never told it gives none. */
          if (item->status != TANDEM_ITEM_IN_PLACE && kept_as >= 0 && report->records[kept_as] > 0)
            line = g_strdup_printf (ngettext ("%d%% of trusts give no %s — this team records %u "
                                              "session, though its checklist does not yet mark "
                                              "it in place.",
                                              "%d%% of trusts give no %s — this team records %u "
                                              "sessions, though its checklist does not yet mark "
                                              "it in place.",
                                              report->records[kept_as]),
                                    national_support[national].percent,
                                    _(national_support[national].support), report->records[kept_as]);
          else
            {
              /* The formats are our own, from the table above, each with one %d. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
              line = g_strdup_printf (_(format), national_support[national].percent);
#pragma GCC diagnostic pop
            }
          g_ptr_array_add (lines, line);
          national++;
        }
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s."), item->title,
                                                 tandem_item_status_label (item->status)));
    }
  return lines;
}

/**
 * tandem_peer_support_caseload_new:
 * @project: a project
 * @error: return location for an error
 *
 * Progress by stage for every team in the project, for the coach's caseload
 * view, read in a few queries whatever the number of teams.
 *
 * Returns: (transfer full) (nullable): the caseload, or %NULL on error
 */
/* The caseload being read, and each stage's number of items. */
typedef struct
{
  TandemPeerSupportCaseload *caseload;
  GHashTable                *teams;    /* team id → TandemTeamProgress */
  GArray                    *totals;   /* guint per stage */
} CaseloadRead;

static void
stage_row (TandemDbStmt *stmt,
           gpointer      data)
{
  CaseloadRead *read = data;
  guint total = _tandem_db_column_int (stmt, 1);

  _tandem_db_assert_columns (stmt, 2);
  g_ptr_array_add (read->caseload->stage_names, _tandem_db_column_text (stmt, 0));
  g_array_append_val (read->totals, total);
}

static void
team_row (TandemDbStmt *stmt,
          gpointer      data)
{
  CaseloadRead *read = data;
  GPtrArray *stage_names = read->caseload->stage_names;
  TandemTeamProgress *team = g_new0 (TandemTeamProgress, 1);

  _tandem_db_assert_columns (stmt, 2);
  team->team_id = _tandem_db_column_text (stmt, 0);
  team->team_name = _tandem_db_column_text (stmt, 1);
  team->stages = g_ptr_array_new_with_free_func (stage_progress_free);
  for (guint s = 0; s < stage_names->len; s++)
    {
      TandemStageProgress *stage = g_new0 (TandemStageProgress, 1);

      stage->stage = g_strdup (stage_names->pdata[s]);
      stage->total = g_array_index (read->totals, guint, s);
      stage->counts[TANDEM_ITEM_NOT_STARTED] = stage->total;
      g_ptr_array_add (team->stages, stage);
    }
  g_ptr_array_add (read->caseload->teams, team);
  g_hash_table_insert (read->teams, team->team_id, team);
}

static void
status_row (TandemDbStmt *stmt,
            gpointer      data)
{
  CaseloadRead *read = data;
  TandemTeamProgress *team;
  const char *stage_name = _tandem_db_column_peek (stmt, 1);
  TandemItemStatus status;
  guint count;

  _tandem_db_assert_columns (stmt, 4);
  team = g_hash_table_lookup (read->teams, _tandem_db_column_peek (stmt, 0));
  if (team == NULL || stage_name == NULL ||
      !tandem_item_status_from_string (_tandem_db_column_peek (stmt, 2), &status) ||
      status == TANDEM_ITEM_NOT_STARTED)
    return;
  count = _tandem_db_column_int (stmt, 3);
  for (guint s = 0; s < team->stages->len; s++)
    {
      TandemStageProgress *stage = team->stages->pdata[s];

      if (g_str_equal (stage->stage, stage_name))
        {
          count = MIN (count, stage->counts[TANDEM_ITEM_NOT_STARTED]);
          stage->counts[status] += count;
          stage->counts[TANDEM_ITEM_NOT_STARTED] -= count;
          break;
        }
    }
}

static void
roles_row (TandemDbStmt *stmt,
           gpointer      data)
{
  CaseloadRead *read = data;
  TandemTeamProgress *team;

  _tandem_db_assert_columns (stmt, 2);
  team = g_hash_table_lookup (read->teams, _tandem_db_column_peek (stmt, 0));
  if (team != NULL)
    team->roles = _tandem_db_column_int (stmt, 1);
}

/**
 * tandem_peer_support_caseload_new:
 * @project: a project
 * @error: return location for an error
 *
 * Progress by stage for every team in the project, for the coach's caseload
 * view, read in a few queries whatever the number of teams.
 *
 * Returns: (transfer full) (nullable): the caseload, or %NULL on error
 */
TandemPeerSupportCaseload *
tandem_peer_support_caseload_new (TandemProject  *project,
                                  GError        **error)
{
  /* Each binds ?1, if it has one, to the framework, or to today's date. */
  static const struct { const char *sql; TandemDbRowFunc row; const char *types; gboolean by_day; }
  reads[] = {
    { "SELECT stage, count(*) FROM framework_item WHERE framework = ?1 "
      "GROUP BY stage ORDER BY min(position), stage", stage_row, "s", FALSE },
    { "SELECT id, name FROM team ORDER BY position, id", team_row, "", FALSE },
    { "SELECT s.team_id, i.stage, s.status, count(*) FROM framework_status s "
      "JOIN framework_item i ON i.id = s.item_id WHERE i.framework = ?1 "
      "GROUP BY s.team_id, i.stage, s.status", status_row, "s", FALSE },
    { "SELECT team_id, count(*) FROM peer_role WHERE vacancy = 0 "
      "AND (end_date IS NULL OR end_date >= ?1) GROUP BY team_id", roles_row, "s", TRUE },
  };
  g_autoptr(TandemPeerSupportCaseload) caseload = g_new0 (TandemPeerSupportCaseload, 1);
  g_autoptr(GHashTable) teams = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autofree char *today = tandem_clock_dup_today ();
  CaseloadRead read = { caseload, teams, totals };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  caseload->stage_names = g_ptr_array_new_with_free_func (g_free);
  caseload->teams = g_ptr_array_new_with_free_func (team_progress_free);

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autoptr(TandemDbStmt) stmt = _tandem_db_prepare (project, reads[i].sql, error);

      if (stmt != NULL)
        _tandem_db_bind (stmt, reads[i].types,
                         reads[i].by_day ? today : TANDEM_FRAMEWORK_PEER_SUPPORT);
      if (!_tandem_db_each_row_of (project, stmt, reads[i].row, &read, error))
        return NULL;
    }
  return g_steal_pointer (&caseload);
}

/**
 * tandem_peer_support_caseload_free:
 * @caseload: (nullable): a caseload
 */
void
tandem_peer_support_caseload_free (TandemPeerSupportCaseload *caseload)
{
  if (caseload == NULL)
    return;
  g_clear_pointer (&caseload->stage_names, g_ptr_array_unref);
  g_clear_pointer (&caseload->teams, g_ptr_array_unref);
  g_free (caseload);
}

/**
 * tandem_peer_support_describe_caseload:
 * @caseload: a caseload
 *
 * The words for the caseload heat map: one line per team with the share of
 * each stage in place.
 *
 * Returns: (transfer full): the text
 */
char *
tandem_peer_support_describe_caseload (TandemPeerSupportCaseload *caseload)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint t = 0; t < caseload->teams->len; t++)
    {
      const TandemTeamProgress *team = caseload->teams->pdata[t];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:", team->team_name);
      for (guint s = 0; s < team->stages->len; s++)
        {
          const TandemStageProgress *stage = team->stages->pdata[s];
          double fraction = tandem_stage_progress_fraction (stage);

          if (fraction < 0)
            g_string_append_printf (text, _(" %s not applicable;"), stage->stage);
          else
            g_string_append_printf (text, _(" %s %.0f%% in place;"), stage->stage, 100 * fraction);
        }
      if (text->str[text->len - 1] == ';')
        text->str[text->len - 1] = '.';
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------ */
/* The timeline                                                             */

void
tandem_timeline_event_free (TandemTimelineEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->date);
  g_free (event->at);
  g_free (event->subject_id);
  g_free (event->text);
  g_free (event->author);
  g_free (event);
}

static void
add_event (GPtrArray          *events,
           const char         *date,
           const char         *at,
           TandemTimelineKind  kind,
           const char         *subject_id,
           char               *text,
           const char         *author)
{
  TandemTimelineEvent *event = g_new0 (TandemTimelineEvent, 1);

  event->date = g_strndup (date, 10);
  event->at = g_strdup (at);
  event->kind = kind;
  event->subject_id = g_strdup (subject_id);
  event->text = text;
  event->author = g_strdup (author);
  g_ptr_array_add (events, event);
}

/* Newest first; on one day, in the order things happen: a worker starts,
 * is supervised or trained, items move, a worker leaves. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  static const int order[] = { 2, 0, 3, 1, 1 };
  const TandemTimelineEvent *x = *(TandemTimelineEvent * const *) a;
  const TandemTimelineEvent *y = *(TandemTimelineEvent * const *) b;
  int c = strcmp (y->date, x->date);

  if (c == 0)
    c = order[y->kind] - order[x->kind];
  if (c == 0)
    c = g_strcmp0 (y->at, x->at);
  if (c == 0)
    c = strcmp (x->text, y->text);
  return c;
}

static void
status_event_row (TandemDbStmt *stmt,
                  gpointer      events)
{
  const char *at = _tandem_db_column_peek (stmt, 0);
  g_autofree char *item = NULL;
  TandemItemStatus status;

  _tandem_db_assert_columns (stmt, 5);
  if (at == NULL || strlen (at) < 10 || !_tandem_db_column_is_text (stmt, 4) ||
      !tandem_item_status_from_string (_tandem_db_column_peek (stmt, 4), &status))
    return;
  item = _tandem_db_column_text (stmt, 3);
  /* Translators: an item of the framework and the status it was given,
   * such as “Training for the role: In place”. */
  add_event (events, at, at, TANDEM_TIMELINE_STATUS, _tandem_db_column_peek (stmt, 2),
             g_strdup_printf (_("%s: %s"), item, tandem_item_status_label (status)),
             _tandem_db_column_peek (stmt, 1));
}

static void
role_event_row (TandemDbStmt *stmt,
                gpointer      events)
{
  const char *id = _tandem_db_column_peek (stmt, 0);
  g_autofree char *title = _tandem_db_column_text (stmt, 1);
  const char *start = _tandem_db_column_peek (stmt, 2);
  const char *end = _tandem_db_column_peek (stmt, 3);
  g_autofree char *reason = _tandem_db_column_text (stmt, 4);
  GDate date;

  _tandem_db_assert_columns (stmt, 5);
  if (start && date_from_iso (start, &date))
    add_event (events, start, NULL, TANDEM_TIMELINE_ROLE_STARTED, id,
               g_strdup_printf (_("%s: a peer worker started"), title), NULL);
  if (end && date_from_iso (end, &date))
    add_event (events, end, NULL, TANDEM_TIMELINE_ROLE_LEFT, id,
               reason && *reason
                 ? g_strdup_printf (_("%s: the peer worker left (%s)"), title, reason)
                 : g_strdup_printf (_("%s: the peer worker left"), title), NULL);
}

static void
supervision_event_row (TandemDbStmt *stmt,
                       gpointer      events)
{
  const char *day = _tandem_db_column_peek (stmt, 0);
  g_autofree char *note = NULL;
  g_autofree char *title = NULL;
  TandemSupervisionKind kind;
  GDate date;

  _tandem_db_assert_columns (stmt, 5);
  if (day == NULL || !date_from_iso (day, &date) ||
      !tandem_supervision_kind_from_string (_tandem_db_column_peek (stmt, 1), &kind))
    return;
  note = _tandem_db_column_text (stmt, 2);
  title = _tandem_db_column_text (stmt, 4);
  add_event (events, day, NULL,
             kind == TANDEM_SUPERVISION_TRAINING ? TANDEM_TIMELINE_TRAINING
                                                 : TANDEM_TIMELINE_SUPERVISION,
             _tandem_db_column_peek (stmt, 3),
             note && *note
               /* Translators: a kind of session, the role, and the note on it. */
               ? g_strdup_printf (_("%s for the %s: %s"), tandem_supervision_kind_label (kind),
                                  title, note)
               : g_strdup_printf (_("%s for the %s"), tandem_supervision_kind_label (kind),
                                  title), NULL);
}

/**
 * tandem_peer_support_timeline:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * A team's implementation as it happened: every status an item was given
 * (from the change log, with who gave it), peer workers starting and
 * leaving, and every supervision, debrief and training record, newest
 * first. Statuses a project was created with (the sample's) are not in the
 * change log and so not listed.
 *
 * Returns: (transfer full) (element-type TandemTimelineEvent): the events,
 *   or %NULL on error
 */
GPtrArray *
tandem_peer_support_timeline (TandemProject  *project,
                              const char     *team_id,
                              GError        **error)
{
  /* Each for the team ?1. The file is untrusted: json_extract() only on
   * valid JSON. */
  static const struct { const char *sql; TandemDbRowFunc row; } reads[] = {
    { "SELECT t.at, t.author, fs.id, i.title, "
      "  CASE WHEN l.op = 'update' THEN l.new_value "
      "  WHEN json_valid (l.new_value) THEN json_extract (l.new_value, '$.status') END "
      "FROM framework_status fs "
      "JOIN framework_item i ON i.id = fs.item_id "
      "JOIN change_log l ON l.entity_id = fs.id AND l.entity = 'framework_status' "
      "JOIN change_txn t ON t.id = l.txn "
      "WHERE fs.team_id = ?1 "
      "  AND (l.op = 'insert' OR (l.op = 'update' AND l.field = 'status'))", status_event_row },
    { "SELECT id, title, start_date, end_date, leaving_reason FROM peer_role "
      "WHERE team_id = ?1", role_event_row },
    { "SELECT s.date, s.kind, s.note, r.id, r.title FROM supervision s "
      "JOIN peer_role r ON r.id = s.role_id WHERE r.team_id = ?1", supervision_event_row },
  };
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_timeline_event_free);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autoptr(TandemDbStmt) stmt = _tandem_db_query (project, error, reads[i].sql, "s", team_id);

      if (!_tandem_db_each_row_of (project, stmt, reads[i].row, events, error))
        return NULL;
    }
  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}

/**
 * tandem_peer_support_describe_timeline:
 * @events: (element-type TandemTimelineEvent): a team's timeline
 * @limit: how many events to describe at most, 0 for all
 *
 * Returns: (transfer full): the timeline as text, one event a line, newest
 *   first, for a screen reader, printing or a summary
 */
char *
tandem_peer_support_describe_timeline (GPtrArray *events,
                                       guint      limit)
{
  GString *out = g_string_new (NULL);
  guint n = limit == 0 ? events->len : MIN (limit, events->len);

  if (events->len == 0)
    g_string_append (out, _("Nothing has happened yet: statuses given, peer workers starting "
                            "and leaving, and supervision and training appear here."));
  for (guint i = 0; i < n; i++)
    {
      const TandemTimelineEvent *event = events->pdata[i];
      g_autofree char *date = tandem_peer_support_format_date (event->date);

      if (i > 0)
        g_string_append_c (out, '\n');
      if (event->author)
        /* Translators: a date, what happened, and who recorded it. */
        g_string_append_printf (out, _("%s — %s (recorded by %s)"), date, event->text, event->author);
      else
        g_string_append_printf (out, _("%s — %s"), date, event->text);
    }
  if (n < events->len)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, ngettext ("…and %u earlier event.", "…and %u earlier events.",
                                             events->len - n), events->len - n);
    }
  return g_string_free (out, FALSE);
}
