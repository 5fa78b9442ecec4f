/* test-programme.c — a programme of teams' files read together: good files,
 * refused ones, a copy, an older format, a file changed while open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-clock.h"
#include "tandem-defaults.h"
#include "tandem-programme.h"
#include "tandem-sample.h"
#include "tandem-schema.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

#define FROM "2026-01-01"
#define TO   "2026-11-21"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-programme-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A change idea under a new diagram's aim, tagged race equity or not, with a
 * PDSA cycle started on @started_on (if given). */
static void
add_idea (TandemProject *project,
          const char    *team,
          const char    *status,
          gboolean       race,
          const char    *started_on)
{
  g_autofree char *diagram = insert_or_die (project, "diagram", (TandemField[]) {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text ("Driver diagram") } }, 2);
  g_autofree char *idea = insert_or_die (project, "node", (TandemField[]) {
    { "diagram_id", tandem_value_text (diagram) },
    { "kind", tandem_value_text ("change_idea") },
    { "title", tandem_value_text ("Ask every patient how they want to be addressed") },
    { "status", tandem_value_text (status) } }, 4);

  if (race)
    {
      g_autofree char *tag = tandem_defaults_find_equity_tag (project,
                                                              TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY);
      g_free (insert_or_die (project, "node_tag", (TandemField[]) {
        { "node_id", tandem_value_text (idea) },
        { "tag_id", tandem_value_text (tag) } }, 2));
    }
  if (started_on)
    g_free (insert_or_die (project, "pdsa_cycle", (TandemField[]) {
      { "node_id", tandem_value_text (idea) },
      { "title", tandem_value_text ("First test") },
      { "started_on", tandem_value_text (started_on) } }, 3));
}

/* A project file with one team and its change ideas: @n_race of @n_ideas
 * tagged race equity, the first with a PDSA cycle 10 days before TO and
 * the second with one 100 days before. */
static char *
make_team_file (const char *dir,
                const char *file_name,
                const char *team_name,
                guint       n_ideas,
                guint       n_race)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  char *path = g_build_filename (dir, file_name, NULL);

  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = add_team_or_die (project, team_name);
  for (guint i = 0; i < n_ideas; i++)
    add_idea (project, team, i % 2 ? "testing" : "idea", i < n_race,
              i == 0 ? "2026-11-11" : i == 1 ? "2026-08-13" : NULL);
  return path;
}

/* An older file (format 2) with a team and one change idea. */
static char *
make_older_file (const char *dir)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", TANDEM_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  const TandemMigration *steps;
  char *path = g_build_filename (dir, "Older.tandem", NULL);
  guint n_steps;
  sqlite3 *db = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO team (id, name) VALUES ('t', 'Larches Ward');"
                                 "INSERT INTO diagram (id, team_id, name) VALUES ('d', 't', 'D');"
                                 "INSERT INTO node (id, diagram_id, kind, title, status) "
                                 "VALUES ('n', 'd', 'change_idea', 'Menus', 'adopted');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

/* Counted straight from the file, as another program would. */
static gint64
count_in_file (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

#define COUNT_IDEAS "SELECT count(*) FROM node WHERE kind = 'change_idea'"
#define COUNT_RACE \
  "SELECT count(*) FROM node_tag t JOIN equity_tag e ON e.id = t.tag_id " \
  "JOIN node n ON n.id = t.node_id WHERE n.kind = 'change_idea' AND e.name = 'Race and ethnicity'"

static const TandemProgrammeFile *
file_named (TandemProgramme *programme,
            const char      *name)
{
  GPtrArray *files = tandem_programme_get_files (programme);

  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];
      g_autofree char *base = g_path_get_basename (file->path);

      if (g_str_equal (base, name))
        return file;
    }
  g_assert_not_reached ();
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Good files, refused ones (foreign, damaged, newer), a copy and an older
 * format: each refused file is listed with its reason and the others are
 * read; the copy is counted once; the totals are the files' own counts. */
static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *osprey = make_team_file (fixture->dir, "Osprey.tandem", "Osprey Ward", 7, 2);
  g_autofree char *rydal = make_team_file (fixture->dir, "Rydal.tandem", "Rydal Ward", 5, 1);
  g_autofree char *older = make_older_file (fixture->dir);
  g_autofree char *copy = g_build_filename (fixture->dir, "Osprey (copy).tandem", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "Notes.tandem", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "Cut short.tandem", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "Newer.tandem", NULL);
  g_autofree char *ignored = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autoptr(GBytes) older_before = NULL;
  g_autoptr(GBytes) older_after = NULL;
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->dir, NULL };
  const TandemProgrammeTotals *totals;
  const TandemProgrammeFile *file;
  g_autofree char *words = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 ideas, race;

  /* The copy is older than its original, which is changed after copying. */
  g_assert_true (g_file_get_contents (osprey, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  {
    g_autoptr(TandemProject) project = tandem_project_open (osprey, &error);
    g_autofree char *team = tandem_team_find (project, "Osprey Ward");

    g_assert_no_error (error);
    add_idea (project, team, "adopted", TRUE, NULL);
  }
  g_assert_true (g_file_set_contents (foreign, "Not a project at all\n", -1, NULL));
  g_assert_true (g_file_set_contents (damaged, contents, length / 2, NULL));
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  run_sql_on_file (newer, "PRAGMA user_version = 999");
  g_assert_true (g_file_set_contents (ignored, "minutes", -1, NULL));
  older_before = read_bytes (older);

  programme = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (programme);
  totals = tandem_programme_get_totals (programme);

  g_assert_cmpuint (totals->n_files, ==, 7);
  g_assert_cmpuint (totals->n_read, ==, 3);
  g_assert_cmpuint (totals->n_refused, ==, 3);
  g_assert_cmpuint (totals->n_duplicates, ==, 1);
  g_assert_cmpuint (totals->n_teams, ==, 3);

  file = file_named (programme, "Notes.tandem");
  g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_REFUSED);
  g_assert_nonnull (strstr (file->reason, "Notes.tandem"));
  g_assert_cmpuint (file->teams->len, ==, 0);
  file = file_named (programme, "Cut short.tandem");
  g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_REFUSED);
  g_assert_nonnull (strstr (file->reason, "Cut short.tandem"));
  file = file_named (programme, "Newer.tandem");
  g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_REFUSED);
  g_assert_nonnull (strstr (file->reason, "newer version"));

  /* The copy changed last is the one counted. */
  file = file_named (programme, "Osprey (copy).tandem");
  g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_DUPLICATE);
  g_assert_nonnull (strstr (file->reason, "Osprey.tandem"));
  g_assert_cmpint (file_named (programme, "Osprey.tandem")->state, ==, TANDEM_PROGRAMME_FILE_READ);

  /* The older file is read as it would be updated, and left as it was. */
  file = file_named (programme, "Older.tandem");
  g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_READ);
  g_assert_true (file->older_format);
  g_assert_cmpuint (file->teams->len, ==, 1);
  g_assert_cmpstr (((TandemProgrammeTeam *) file->teams->pdata[0])->name, ==, "Larches Ward");
  older_after = read_bytes (older);
  g_assert_true (g_bytes_equal (older_before, older_after));

  /* The totals against each file's own counts, summed apart. */
  ideas = count_in_file (osprey, COUNT_IDEAS) + count_in_file (rydal, COUNT_IDEAS) +
          count_in_file (older, COUNT_IDEAS);
  race = count_in_file (osprey, COUNT_RACE) + count_in_file (rydal, COUNT_RACE);
  g_assert_cmpint (ideas, ==, 8 + 5 + 1);
  g_assert_cmpint (race, ==, 3 + 1);
  g_assert_cmpuint (totals->n_ideas, ==, ideas);
  g_assert_cmpuint (totals->n_race_ideas, ==, race);
  g_assert_cmpstr (totals->tag_names->pdata[0], ==, "Race and ethnicity");
  g_assert_cmpuint (g_array_index (totals->tag_counts, guint, 0), ==, race);
  g_assert_cmpuint (totals->statuses[TANDEM_IDEA_STATUS_ADOPTED], ==, 2);
  g_assert_cmpuint (totals->statuses[TANDEM_IDEA_STATUS_TESTING], ==, 3 + 2);
  words = tandem_programme_describe_ideas (totals);
  g_assert_cmpstr (words, ==, "14 change ideas; 4 (28.6%) focus on race equity");

  /* One PDSA cycle in each good file started within 90 days of TO, one not. */
  g_assert_cmpuint (totals->n_pdsa_recent, ==, 2);
  /* Both started in the report's quarters: Q3 (2026-08-13) and Q4 (2026-11-11). */
  g_assert_cmpuint (totals->quarters->len, ==, 4);
  g_assert_cmpuint (g_array_index (totals->quarters, TandemProgrammeQuarter, 2).pdsa_started, ==, 2);
  g_assert_cmpuint (g_array_index (totals->quarters, TandemProgrammeQuarter, 3).pdsa_started, ==, 2);
}

/* Bad dates are refused in words; an empty folder is an empty programme. */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->dir, NULL };

  programme = tandem_programme_open (paths, "2026-13-01", TO, &error);
  g_assert_null (programme);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  programme = tandem_programme_open (paths, TO, FROM, &error);
  g_assert_null (programme);
  g_clear_error (&error);

  programme = tandem_programme_open (paths, NULL, TO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_programme_get_from (programme), ==, "2025-11-22");
  g_assert_cmpuint (tandem_programme_get_files (programme)->len, ==, 0);
  g_assert_cmpuint (tandem_programme_get_totals (programme)->n_teams, ==, 0);
}

static void
changed_cb (TandemProgramme *programme,
            const char      *path,
            gpointer         user_data)
{
  char **changed = user_data;

  g_free (*changed);
  *changed = g_strdup (path);
}

static gboolean
too_long_cb (gpointer data)
{
  g_error ("The changed file was not read again within 30 seconds");
  return G_SOURCE_REMOVE;
}

/* A team's file changed while the programme is open is read again, alone. */
static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *osprey = make_team_file (fixture->dir, "Osprey.tandem", "Osprey Ward", 3, 0);
  g_autofree char *rydal = make_team_file (fixture->dir, "Rydal.tandem", "Rydal Ward", 2, 0);
  g_autofree char *canonical = NULL;
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->dir, NULL };
  g_autofree char *changed = NULL;
  guint guard;

  programme = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_programme_get_totals (programme)->n_ideas, ==, 5);
  g_assert_true (tandem_programme_watch (programme, &error));
  g_assert_no_error (error);
  g_signal_connect (programme, "changed", G_CALLBACK (changed_cb), &changed);

  {
    g_autoptr(TandemProject) project = tandem_project_open (rydal, &error);
    g_autofree char *team = tandem_team_find (project, "Rydal Ward");

    g_assert_no_error (error);
    add_idea (project, team, "idea", TRUE, NULL);
  }

  guard = g_timeout_add_seconds (30, too_long_cb, NULL);
  while (changed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  canonical = g_canonicalize_filename (rydal, NULL);
  g_assert_cmpstr (changed, ==, canonical);
  g_assert_cmpuint (tandem_programme_get_totals (programme)->n_ideas, ==, 6);
  g_assert_cmpuint (tandem_programme_get_totals (programme)->n_race_ideas, ==, 1);
  g_assert_cmpuint (file_named (programme, "Rydal.tandem")->generation, ==, 2);
  g_assert_cmpuint (file_named (programme, "Osprey.tandem")->generation, ==, 1);
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

/* Every one of two teams' figures is the same, and none is shared. */
static void
assert_same_team (const TandemProgrammeTeam *a,
                  const TandemProgrammeTeam *b)
{
  g_assert_true (a != b);
  g_assert_cmpstr (a->file, ==, b->file);
  g_assert_cmpstr (a->team_id, ==, b->team_id);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->organisation, ==, b->organisation);
  g_assert_cmpstr (a->service_type, ==, b->service_type);
  g_assert_cmpuint (a->n_ideas, ==, b->n_ideas);
  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    g_assert_cmpuint (a->statuses[i], ==, b->statuses[i]);
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    g_assert_cmpuint (a->levels[i], ==, b->levels[i]);
  g_assert_cmpuint (a->n_tagged, ==, b->n_tagged);
  g_assert_true (a->tag_names != b->tag_names);
  assert_same_strings (a->tag_names, b->tag_names);
  g_assert_true (a->tag_counts != b->tag_counts);
  g_assert_cmpuint (a->tag_counts->len, ==, b->tag_counts->len);
  for (guint i = 0; i < a->tag_counts->len; i++)
    g_assert_cmpuint (g_array_index (a->tag_counts, guint, i), ==,
                      g_array_index (b->tag_counts, guint, i));
  g_assert_cmpuint (a->n_race_ideas, ==, b->n_race_ideas);

  g_assert_cmpuint (a->n_pdsa_recent, ==, b->n_pdsa_recent);
  g_assert_cmpuint (a->n_sessions_recent, ==, b->n_sessions_recent);
  g_assert_cmpuint (a->n_sessions_recent_le, ==, b->n_sessions_recent_le);
  g_assert_cmpstr (a->last_session, ==, b->last_session);
  g_assert_true (a->last_session == NULL || a->last_session != b->last_session);
  g_assert_cmpint (a->days_since_session, ==, b->days_since_session);
  g_assert_cmpuint (a->n_open_actions, ==, b->n_open_actions);
  g_assert_cmpuint (a->n_overdue_actions, ==, b->n_overdue_actions);

  g_assert_cmpuint (a->n_measures, ==, b->n_measures);
  g_assert_cmpuint (a->n_measures_improving, ==, b->n_measures_improving);
  g_assert_cmpuint (a->n_measures_no_signal, ==, b->n_measures_no_signal);
  g_assert_true (a->measures_without_data != b->measures_without_data);
  assert_same_strings (a->measures_without_data, b->measures_without_data);
  g_assert_true (a->measure_links != b->measure_links);
  g_assert_cmpuint (a->measure_links->len, ==, b->measure_links->len);
  for (guint i = 0; i < a->measure_links->len; i++)
    {
      const TandemProgrammeMeasureLink *x = a->measure_links->pdata[i];
      const TandemProgrammeMeasureLink *y = b->measure_links->pdata[i];

      g_assert_true (x != y);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->state, ==, y->state);
    }

  g_assert_cmpuint (a->framework_applicable, ==, b->framework_applicable);
  g_assert_cmpuint (a->framework_in_place, ==, b->framework_in_place);
  g_assert_cmpuint (a->peer_roles, ==, b->peer_roles);
  g_assert_cmpuint (a->peer_vacancies, ==, b->peer_vacancies);
  g_assert_cmpuint (a->supervision_behind, ==, b->supervision_behind);
  g_assert_cmpuint (a->supervision_records, ==, b->supervision_records);
  for (guint i = 0; i < G_N_ELEMENTS (a->retention); i++)
    {
      g_assert_cmpuint (a->retention[i].years, ==, b->retention[i].years);
      g_assert_cmpuint (a->retention[i].eligible, ==, b->retention[i].eligible);
      g_assert_cmpuint (a->retention[i].retained, ==, b->retention[i].retained);
      assert_same_double (a->retention[i].benchmark, b->retention[i].benchmark);
    }

  g_assert_true (a->ratios != b->ratios);
  g_assert_cmpuint (a->ratios->len, ==, b->ratios->len);
  for (guint i = 0; i < a->ratios->len; i++)
    {
      const TandemProgrammeRatio *x = a->ratios->pdata[i];
      const TandemProgrammeRatio *y = b->ratios->pdata[i];

      g_assert_true (x != y);
      g_assert_cmpstr (x->measure, ==, y->measure);
      g_assert_cmpstr (x->group, ==, y->group);
      g_assert_cmpstr (x->reference, ==, y->reference);
      g_assert_cmpstr (x->from, ==, y->from);
      g_assert_cmpstr (x->to, ==, y->to);
      g_assert_cmpint (x->status, ==, y->status);
      assert_same_double (x->ratio, y->ratio);
      assert_same_double (x->lcl, y->lcl);
      assert_same_double (x->ucl, y->ucl);
    }

  g_assert_true (a->quarters != b->quarters);
  g_assert_cmpuint (a->quarters->len, ==, b->quarters->len);
  for (guint i = 0; i < a->quarters->len; i++)
    {
      const TandemProgrammeQuarter *x = &g_array_index (a->quarters, TandemProgrammeQuarter, i);
      const TandemProgrammeQuarter *y = &g_array_index (b->quarters, TandemProgrammeQuarter, i);

      g_assert_cmpint (x->year, ==, y->year);
      g_assert_cmpint (x->quarter, ==, y->quarter);
      g_assert_cmpstr (x->from, ==, y->from);
      g_assert_cmpstr (x->to, ==, y->to);
      g_assert_cmpuint (x->new_ideas, ==, y->new_ideas);
      g_assert_cmpuint (x->new_race_ideas, ==, y->new_race_ideas);
      g_assert_cmpuint (x->pdsa_started, ==, y->pdsa_started);
      g_assert_cmpuint (x->sessions, ==, y->sessions);
      g_assert_cmpuint (x->sessions_with_lived_experience, ==,
                        y->sessions_with_lived_experience);
    }
}

static void
set_clock (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  tandem_clock_set_now (now);
}

/* A programme opened again keeps the figures of each file that has not
 * changed (the same, figure by figure, as reading it afresh) and reads
 * again only the file that has; on another day, every file is read again. */
static void
test_unchanged_not_read_again (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *wards = g_build_filename (fixture->dir, "Wards.tandem", NULL);
  g_autofree char *rydal = make_team_file (fixture->dir, "Rydal.tandem", "Rydal Ward", 2, 0);
  g_autoptr(TandemProgramme) first = NULL;
  g_autoptr(TandemProgramme) second = NULL;
  g_autoptr(TandemProgramme) third = NULL;
  g_autoptr(TandemProgramme) fourth = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->dir, NULL };
  const TandemProgrammeFile *fresh, *kept;
  guint n_ratios = 0, n_links = 0, n_sessions = 0;

  set_clock ("2026-11-21T12:00:00Z");
  {
    g_autoptr(TandemProject) project = tandem_project_create (wards, &error);

    g_assert_no_error (error);
    g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
    g_assert_no_error (error);
  }

  first = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  g_assert_false (file_named (first, "Wards.tandem")->reused);
  g_assert_false (file_named (first, "Rydal.tandem")->reused);

  second = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  fresh = file_named (first, "Wards.tandem");
  kept = file_named (second, "Wards.tandem");
  g_assert_true (kept->reused);
  g_assert_true (file_named (second, "Rydal.tandem")->reused);
  g_assert_cmpint (kept->state, ==, TANDEM_PROGRAMME_FILE_READ);
  g_assert_cmpstr (kept->path, ==, fresh->path);
  g_assert_cmpstr (kept->identity, ==, fresh->identity);
  g_assert_cmpstr (kept->last_change, ==, fresh->last_change);
  g_assert_cmpint (kept->n_changes, ==, fresh->n_changes);
  g_assert_cmpint (kept->older_format, ==, fresh->older_format);
  g_assert_cmpuint (kept->teams->len, ==, 3);
  g_assert_cmpuint (kept->teams->len, ==, fresh->teams->len);
  for (guint t = 0; t < kept->teams->len; t++)
    {
      const TandemProgrammeTeam *team = kept->teams->pdata[t];

      assert_same_team (fresh->teams->pdata[t], team);
      n_ratios += team->ratios->len;
      n_links += team->measure_links->len;
      n_sessions += team->n_sessions_recent;
    }
  /* The sample has figures of every kind to copy. */
  g_assert_cmpuint (n_links, >, 0);
  g_assert_cmpuint (n_sessions, >, 0);
  g_test_message ("ratios compared: %u", n_ratios);
  g_assert_cmpuint (tandem_programme_get_totals (second)->n_ideas, ==,
                    tandem_programme_get_totals (first)->n_ideas);

  /* Rydal changes: it alone is read again. */
  {
    g_autoptr(TandemProject) project = tandem_project_open (rydal, &error);
    g_autofree char *team = tandem_team_find (project, "Rydal Ward");

    g_assert_no_error (error);
    add_idea (project, team, "idea", TRUE, NULL);
  }
  third = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  g_assert_false (file_named (third, "Rydal.tandem")->reused);
  g_assert_true (file_named (third, "Wards.tandem")->reused);
  g_assert_cmpuint (((TandemProgrammeTeam *) file_named (third, "Rydal.tandem")
                     ->teams->pdata[0])->n_ideas, ==, 3);
  g_assert_cmpuint (tandem_programme_get_totals (third)->n_ideas, ==,
                    tandem_programme_get_totals (first)->n_ideas + 1);

  /* The next day, the figures that look back from today are read again. */
  set_clock ("2026-11-22T09:00:00Z");
  fourth = tandem_programme_open (paths, FROM, TO, &error);
  set_clock ("2026-11-21T12:00:00Z");
  g_assert_no_error (error);
  g_assert_false (file_named (fourth, "Rydal.tandem")->reused);
  g_assert_false (file_named (fourth, "Wards.tandem")->reused);
}

/* Scribbles over three pages in the middle of @path, in place, and sets its
 * time of last change back: the same file, size and header as before, so
 * that only its inode's change time tells. */
static void
damage_in_place (const char *path)
{
  guint8 junk[4096 * 3];
  struct stat st;
  struct timespec times[2];
  int fd;

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fstat (fd, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 3 * (gint64) sizeof junk);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, st.st_size / 3 / 4096 * 4096), ==, sizeof junk);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (futimens (fd, times), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

/* A file found intact once is not read through again while unchanged (a
 * programme read a second time), but one damaged since is still refused
 * with its reason, even with its size and time of last change as before. */
static void
test_damaged_after_reading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *osprey = make_team_file (fixture->dir, "Osprey.tandem", "Osprey Ward", 60, 5);
  g_autofree char *rydal = make_team_file (fixture->dir, "Rydal.tandem", "Rydal Ward", 5, 1);
  const char *paths[] = { fixture->dir, NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TandemProgramme) programme = tandem_programme_open (paths, FROM, TO, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tandem_programme_get_totals (programme)->n_read, ==, 2);
      g_assert_cmpuint (tandem_programme_get_totals (programme)->n_ideas, ==, 65);
      g_assert_cmpint (file_named (programme, "Osprey.tandem")->reused, ==, i == 1);
    }

  damage_in_place (osprey);
  {
    g_autoptr(TandemProject) project = tandem_project_open_for_reading (osprey, &error);

    /* Opened, perhaps, but its check says what is wrong. */
    if (project != NULL)
      g_assert_false (tandem_project_confirm_intact (project, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  {
    g_autoptr(TandemProgramme) programme = tandem_programme_open (paths, FROM, TO, &error);
    const TandemProgrammeFile *file;

    g_assert_no_error (error);
    g_assert_cmpuint (tandem_programme_get_totals (programme)->n_read, ==, 1);
    g_assert_cmpuint (tandem_programme_get_totals (programme)->n_refused, ==, 1);
    file = file_named (programme, "Osprey.tandem");
    g_assert_cmpint (file->state, ==, TANDEM_PROGRAMME_FILE_REFUSED);
    g_assert_nonnull (strstr (file->reason, "Osprey.tandem"));
    g_assert_nonnull (strstr (file->reason, "damaged"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/programme/folder", test_folder);
  ADD ("/programme/dates", test_dates);
  ADD ("/programme/watch", test_watch);
  ADD ("/programme/damaged-after-reading", test_damaged_after_reading);
  ADD ("/programme/unchanged-not-read-again", test_unchanged_not_read_again);

  return g_test_run ();
}
