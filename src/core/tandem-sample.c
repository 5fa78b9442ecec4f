/* tandem-sample.c — the sample project and the national benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is invented: the trusts, the people and the numbers. The
 * wards are the pilot wards named in the programme's documents, used as ward
 * names only. Measures are weekly counts and rates, never anything about one
 * patient. All numbers come from one GRand with a fixed seed, so a sample is
 * the same every time it is made (apart from the ids).
 *
 * The ward sample (tandem-sample-ward.c) and the national sample
 * (tandem-sample-national.c) share the content, helpers and building blocks
 * here. Their tables are written as on TODAY. A sample made on another day has
 * every date moved by the whole weeks between TODAY and the clock's today
 * (Mondays stay Mondays), so it always shows recent sessions, actions due
 * soon and one or two overdue, and last week's data. Words that name a month
 * or a season say which date they mean, {month:2026-11-11} or
 * {season:2026-12-15}, and are written for the date moved.
 */

#define G_LOG_DOMAIN "Tandem-Sample"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-defaults.h"
#include "tandem-sample.h"
#include "tandem-sample-private.h"

#define SAMPLE_SEED  20261121u

/* ------------------------------------------------------------------------ */
/* Shared content: the Mental Health Act QI programme's driver diagram       */

static const char mha_diagram_name[] = "Equity of experience under the Mental Health Act";

static const char mha_aim[] =
  "Improve the equity of experience for people from ethnically diverse backgrounds and "
  "people with a learning disability & autistic people when detained under the Mental "
  "Health Act in hospitals across England, including improving the cultural "
  "appropriateness of care they receive.";

static const char * const mha_lenses[2] = {
  "Individual patient and carer lens",
  "Systemic lens",
};

static const char * const mha_lens_colours[2] = { "#1c71d8", "#26a269" };

static const char * const mha_primaries[4] = {
  "Patients and their carers are empowered to share their individual experiences and "
  "diverse needs with staff on the ward",
  "Patients, their carers, and lived experience practitioners work in partnership with "
  "staff to deliver support that meets people's individual and diverse needs",
  "Staff work alongside patients and lived experience practitioners to explore and "
  "understand the barriers that compromise equity in the settings they work in",
  "Patients & carers, staff and lived experience practitioners adopt a shared discourse "
  "and co-produced set of relational practices that empower them to proactively "
  "challenge discriminatory practice, and promote equitable system change",
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static guint32
julian_day (const char *iso)
{
  unsigned year = 0, month = 0, day = 0;
  GDate date;

  g_date_clear (&date, 1);
  if (sscanf (iso, "%u-%u-%u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    g_error ("Sample date %s is not a date", iso);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* A date of the tables, moved to the day the sample is made. */
guint32
_tandem_sample_day (Sample     *s,
                    const char *iso)
{
  return (guint32) (julian_day (iso) + s->shift);
}

void
_tandem_sample_format_date (guint32  julian,
                            char     out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* The same, as text that lasts as long as the sample is being made. */
const char *
_tandem_sample_date (Sample     *s,
                     const char *iso)
{
  char moved[11];

  if (iso == NULL)
    return NULL;
  _tandem_sample_format_date (_tandem_sample_day (s, iso), moved);
  return g_string_chunk_insert_const (s->words, moved);
}

/* Expands {month:DATE} and {season:DATE} in @text for the moved DATE: the
 * sample's text is in English, whatever the language of the app. */
static const char *
sample_words (Sample     *s,
              const char *text)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  static const char * const seasons[] = {   /* by month, in the northern hemisphere */
    "winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "autumn",
    "autumn", "autumn", "winter",
  };
  g_autoptr(GString) out = NULL;
  const char *rest = text;
  const char *open;

  if (text == NULL || strchr (text, '{') == NULL)
    return text;
  out = g_string_new (NULL);
  while ((open = strchr (rest, '{')) != NULL)
    {
      char kind[8] = "";
      char iso[11] = "";
      int used = 0;
      GDate date;

      g_string_append_len (out, rest, open - rest);
      if (sscanf (open, "{%7[a-z]:%10[0-9-]}%n", kind, iso, &used) != 2 || used == 0 ||
          (!g_str_equal (kind, "month") && !g_str_equal (kind, "season")))
        g_error ("Sample text has a bad {…}: %s", text);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, _tandem_sample_day (s, iso));
      g_string_append (out, (g_str_equal (kind, "month") ? months : seasons)
                            [g_date_get_month (&date) - 1]);
      rest = open + used;
    }
  g_string_append (out, rest);
  return g_string_chunk_insert_const (s->words, out->str);
}

char *
_tandem_sample_insert (Sample            *s,
                       const char        *entity,
                       const TandemField *fields,
                       guint              n_fields)
{
  g_autofree TandemField *written = NULL;

  if (s->error != NULL)
    return NULL;
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].value.type == TANDEM_VALUE_TEXT && strchr (fields[i].value.s, '{') != NULL)
      {
        if (written == NULL)
          written = g_memdup2 (fields, n_fields * sizeof *fields);
        written[i].value.s = sample_words (s, fields[i].value.s);
      }
  return tandem_project_insert (s->project, entity, written ? written : fields, n_fields,
                                &s->error);
}

/* A time on the ward's clock, stored in UTC like every other time in the file. */
void
_tandem_sample_format_time (Sample   *s,
                            guint32   julian,
                            int       hour,
                            int       minute,
                            char      out[24])
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  local = g_date_time_new (s->london, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), hour, minute, 0);
  utc = g_date_time_to_utc (local);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_strlcpy (out, text, 24);
}

int
_tandem_sample_random_int (Sample *s,
                           int     low,
                           int     high)
{
  return g_rand_int_range (s->rand, low, high + 1);
}

gboolean
_tandem_sample_random_chance (Sample *s,
                              double  p)
{
  return g_rand_double (s->rand) < p;
}

const char *
_tandem_sample_random_pick (Sample             *s,
                            const char * const *strings,
                            guint               n)
{
  return strings[g_rand_int_range (s->rand, 0, n)];
}

double
_tandem_sample_random_normal (Sample *s,
                              double  mean,
                              double  sd)
{
  double u1 = 1.0 - g_rand_double (s->rand);
  double u2 = g_rand_double (s->rand);

  return mean + sd * sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

double
_tandem_sample_random_poisson (Sample *s,
                               double  lambda)
{
  double limit = exp (-lambda);
  double p = 1.0;
  int k = -1;

  do
    {
      k++;
      p *= g_rand_double (s->rand);
    }
  while (p > limit);
  return k;
}

double
_tandem_sample_random_binomial (Sample *s,
                                int     n,
                                double  p)
{
  int k = 0;

  for (int i = 0; i < n; i++)
    if (g_rand_double (s->rand) < p)
      k++;
  return k;
}

double
_tandem_sample_round_to (double value,
                         double step)
{
  return round (value / step) * step;
}

/* ------------------------------------------------------------------------ */
/* Building blocks                                                           */

char *
_tandem_sample_add_team (Sample     *s,
                         const char *name,
                         const char *organisation,
                         const char *service_type,
                         double      position)
{
  return INSERT (s, "team",
                 { "name", TEXT (name) },
                 { "organisation", TEXT (organisation) },
                 { "service_type", TEXT (service_type) },
                 { "ward", TEXT (name) },
                 { "position", REAL (position) });
}

/* Only people whose part in the team is a lived-experience one (which they
 * chose) are marked as bringing lived experience: nothing is inferred about
 * anyone else. */
static gboolean
role_brings_lived_experience (const char *role)
{
  return g_str_equal (role, "lived_experience_partner") ||
         g_str_equal (role, "peer_support_worker") ||
         g_str_equal (role, "expert_by_experience") ||
         g_str_equal (role, "carer");
}

char *
_tandem_sample_add_person (Sample     *s,
                           const char *team,
                           const char *name,
                           const char *role,
                           double      position)
{
  const char *taking_part_as = g_str_equal (role, "peer_support_worker") ? "peer_worker"
                               : role_brings_lived_experience (role) ? role : NULL;
  const char *role_title = g_str_equal (role, "peer_support_worker") ? "Peer support worker"
                           : g_str_equal (role, "senior_sponsor") ? "Senior sponsor"
                           : g_str_equal (role, "coach") ? "Coach" : NULL;
  char *person = INSERT (s, "person",
                         { "name", TEXT (name) },
                         { "role", TEXT (role) },
                         { "brings_lived_experience", INT (role_brings_lived_experience (role)) },
                         { "role_title", TEXT (role_title) },
                         { "taking_part_as", TEXT (taking_part_as) },
                         { "position", REAL (position) });

  if (person != NULL)
    ADD (s, "team_member", { "team_id", TEXT (team) }, { "person_id", TEXT (person) });
  return person;
}

void
_tandem_sample_add_link (Sample     *s,
                         const char *diagram,
                         const char *parent,
                         const char *child,
                         double      position)
{
  ADD (s, "node_link",
       { "diagram_id", TEXT (diagram) },
       { "parent_id", TEXT (parent) },
       { "child_id", TEXT (child) },
       { "position", REAL (position) });
}

void
_tandem_sample_add_tags (Sample     *s,
                         const char *node,
                         guint       tags)
{
  for (guint t = 0; t < TANDEM_N_EQUITY_TAGS; t++)
    if ((tags & BIT (t)) && s->tags[t] != NULL)
      ADD (s, "node_tag", { "node_id", TEXT (node) }, { "tag_id", TEXT (s->tags[t]) });
}

void
_tandem_sample_add_coproducers (Sample     *s,
                                const char *node,
                                GPtrArray  *people,
                                guint       members)
{
  for (guint i = 0; i < people->len; i++)
    if (members & BIT (i))
      ADD (s, "node_coproducer",
           { "node_id", TEXT (node) },
           { "person_id", TEXT (people->pdata[i]) });
}

/* The diagram, its two lenses, the aim and the four primary drivers of the
 * Mental Health Act programme. */
char *
_tandem_sample_add_mha_diagram (Sample     *s,
                                const char *team,
                                const char *ward,
                                char       *primaries[4])
{
  g_autofree char *aim = NULL;
  g_autofree char *who = NULL;
  char *groups[2] = { NULL, NULL };
  char *diagram;

  diagram = INSERT (s, "diagram",
                    { "team_id", TEXT (team) },
                    { "name", TEXT (mha_diagram_name) },
                    { "position", REAL (0) });
  for (guint i = 0; i < 2; i++)
    groups[i] = INSERT (s, "node_group",
                        { "diagram_id", TEXT (diagram) },
                        { "name", TEXT (mha_lenses[i]) },
                        { "colour", TEXT (mha_lens_colours[i]) },
                        { "position", REAL (i) });

  who = g_strdup_printf ("People from ethnically diverse backgrounds, people with a learning "
                         "disability and autistic people detained under the Mental Health "
                         "Act on %s", ward);
  aim = INSERT (s, "node",
                { "diagram_id", TEXT (diagram) },
                { "kind", TEXT ("aim") },
                { "title", TEXT (mha_aim) },
                { "position", REAL (0) },
                { "aim_what", TEXT ("Equity of experience, including culturally appropriate "
                                    "care") },
                { "aim_who", TEXT (who) },
                { "aim_how_much", TEXT ("Restrictive practice down by a third, and no gap by "
                                        "ethnicity; 9 in 10 patients with a co-produced care "
                                        "plan") },
                { "aim_by_when", TEXT (_tandem_sample_date (s, "2027-03-31")) });

  for (guint i = 0; i < 4; i++)
    {
      primaries[i] = INSERT (s, "node",
                             { "diagram_id", TEXT (diagram) },
                             { "kind", TEXT ("primary") },
                             { "title", TEXT (mha_primaries[i]) },
                             { "group_id", TEXT (groups[i / 2]) },
                             { "position", REAL (i) });
      _tandem_sample_add_link (s, diagram, aim, primaries[i], i);
    }

  g_free (groups[0]);
  g_free (groups[1]);
  return diagram;
}

GPtrArray *
_tandem_sample_add_secondaries (Sample              *s,
                                const char          *diagram,
                                char               **primaries,
                                guint                n_primaries,
                                const SecondarySpec *specs,
                                guint                n_specs,
                                guint               *children)    /* per primary, for link positions */
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_specs; i++)
    {
      char *id = INSERT (s, "node",
                         { "diagram_id", TEXT (diagram) },
                         { "kind", TEXT ("secondary") },
                         { "title", TEXT (specs[i].title) },
                         { "position", REAL (i) });

      for (guint p = 0; p < n_primaries; p++)
        if (specs[i].primaries & BIT (p))
          _tandem_sample_add_link (s, diagram, primaries[p], id, children[p]++);
      g_ptr_array_add (ids, id);
    }
  return ids;
}

GPtrArray *
_tandem_sample_add_ideas (Sample         *s,
                          const char     *diagram,
                          GPtrArray      *secondaries,
                          GPtrArray      *people,
                          const IdeaSpec *specs,
                          guint           n_specs)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *children = g_new0 (guint, secondaries->len);

  for (guint i = 0; i < n_specs; i++)
    {
      char *id = INSERT (s, "node",
                         { "diagram_id", TEXT (diagram) },
                         { "kind", TEXT ("change_idea") },
                         { "title", TEXT (specs[i].title) },
                         { "description", TEXT (specs[i].description) },
                         { "position", REAL (i) },
                         { "status", TEXT (specs[i].status) },
                         { "proposed_by", TEXT (people->pdata[specs[i].proposed_by]) },
                         { "coproduction_level", TEXT (specs[i].level) });

      for (guint k = 0; k < secondaries->len; k++)
        if (specs[i].secondaries & BIT (k))
          _tandem_sample_add_link (s, diagram, secondaries->pdata[k], id, children[k]++);
      _tandem_sample_add_coproducers (s, id, people, specs[i].coproducers);
      _tandem_sample_add_tags (s, id, specs[i].tags);
      g_ptr_array_add (ids, id);
    }
  return ids;
}

GPtrArray *
_tandem_sample_add_pdsas (Sample         *s,
                          GPtrArray      *ideas,
                          const PdsaSpec *specs,
                          guint           n_specs)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_specs; i++)
    g_ptr_array_add (ids, INSERT (s, "pdsa_cycle",
                                  { "node_id", TEXT (ideas->pdata[specs[i].idea]) },
                                  { "title", TEXT (specs[i].title) },
                                  { "started_on", TEXT (_tandem_sample_date (s, specs[i].started_on)) },
                                  { "ended_on", TEXT (_tandem_sample_date (s, specs[i].ended_on)) },
                                  { "plan_objective", TEXT (specs[i].objective) },
                                  { "plan_questions", TEXT (specs[i].questions) },
                                  { "plan_predictions", TEXT (specs[i].predictions) },
                                  { "plan_logistics", TEXT (specs[i].logistics) },
                                  { "do_notes", TEXT (specs[i].do_notes) },
                                  { "study_notes", TEXT (specs[i].study_notes) },
                                  { "act_decision", TEXT (specs[i].act_decision) },
                                  { "act_notes", TEXT (specs[i].act_notes) },
                                  { "position", REAL (i) }));
  return ids;
}

char *
_tandem_sample_add_measure (Sample            *s,
                            const char        *team,
                            const MeasureSpec *spec,
                            double             position)
{
  gboolean run = g_str_equal (spec->chart_type, "run");

  return INSERT (s, "measure",
                 { "team_id", TEXT (team) },
                 { "name", TEXT (spec->name) },
                 { "kind", TEXT (spec->kind) },
                 { "definition", TEXT (spec->definition) },
                 { "unit", TEXT (spec->unit) },
                 { "direction", TEXT (spec->direction) },
                 { "target", isnan (spec->target) ? tandem_value_null () : REAL (spec->target) },
                 { "frequency", TEXT ("weekly") },
                 { "chart_type", TEXT (spec->chart_type) },
                 { "rules", TEXT (run ? "ihi" : "mdc") },
                 { "multiply", REAL (spec->multiply) },
                 { "position", REAL (position) });
}

void
_tandem_sample_add_point (Sample     *s,
                          const char *measure,
                          guint32     julian,
                          double      value,
                          double      denominator)
{
  char date[11];

  _tandem_sample_format_date (julian, date);
  ADD (s, "data_point",
       { "measure_id", TEXT (measure) },
       { "date", TEXT (date) },
       { "value", REAL (value) },
       { "denominator", denominator > 0 ? REAL (denominator) : tandem_value_null () });
}

void
_tandem_sample_add_measure_link (Sample     *s,
                                 const char *measure,
                                 const char *node)
{
  ADD (s, "measure_link", { "measure_id", TEXT (measure) }, { "node_id", TEXT (node) });
}

void
_tandem_sample_add_annotation (Sample     *s,
                               const char *measure,
                               const char *date,
                               const char *text,
                               const char *node,
                               const char *pdsa)
{
  ADD (s, "annotation",
       { "measure_id", TEXT (measure) },
       { "date", TEXT (date) },
       { "text", TEXT (text) },
       { "node_id", TEXT (node) },
       { "pdsa_id", TEXT (pdsa) });
}

void
_tandem_sample_add_attendance (Sample     *s,
                               const char *session,
                               const char *person,
                               const char *role,
                               gboolean    present)
{
  ADD (s, "attendance",
       { "session_id", TEXT (session) },
       { "person_id", TEXT (person) },
       { "role", TEXT (role) },
       { "status", TEXT (present ? "present" : "apologies") });
}

char *
_tandem_sample_add_action (Sample     *s,
                           const char *team,
                           const char *session,
                           const char *what,
                           const char *owner,
                           const char *due_on,
                           const char *status,
                           const char *closed_on,
                           const char *reason,
                           const char *carried_from)
{
  return INSERT (s, "action",
                 { "team_id", TEXT (team) },
                 { "session_id", TEXT (session) },
                 { "what", TEXT (what) },
                 { "owner_id", TEXT (owner) },
                 { "due_on", TEXT (due_on) },
                 { "status", TEXT (status) },
                 { "closed_on", TEXT (closed_on) },
                 { "reason", TEXT (reason) },
                 { "carried_from", TEXT (carried_from) });
}

void
_tandem_sample_add_supervision (Sample     *s,
                                const char *role,
                                guint32     julian,
                                const char *kind,
                                const char *note)
{
  char date[11];

  _tandem_sample_format_date (julian, date);
  ADD (s, "supervision",
       { "role_id", TEXT (role) },
       { "date", TEXT (date) },
       { "kind", TEXT (kind) },
       { "note", TEXT (note) });
}

void
_tandem_sample_add_framework_status (Sample                    *s,
                                     const char                *team,
                                     const FrameworkStatusSpec *specs,
                                     guint                      n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      if ((guint) specs[i].item >= s->framework_items->len)
        continue;
      ADD (s, "framework_status",
           { "team_id", TEXT (team) },
           { "item_id", TEXT (s->framework_items->pdata[specs[i].item]) },
           { "status", TEXT (specs[i].status) },
           { "evidence", TEXT (specs[i].evidence) },
           { "owner", TEXT (specs[i].owner) },
           { "target_date", TEXT (_tandem_sample_date (s, specs[i].target_date)) },
           { "last_reviewed", TEXT (_tandem_sample_date (s, specs[i].last_reviewed)) });
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/* Whole weeks from TODAY to the clock's today, rounded down: the sample's
 * own today falls in the last seven days. */
static gint64
weeks_since_written (void)
{
  g_autofree char *today = tandem_clock_dup_today ();
  gint64 days = (gint64) julian_day (today) - (gint64) julian_day (TODAY);

  return days >= 0 ? days / 7 : -((-days + 6) / 7);
}

static void
sample_init (Sample *s)
{
  s->shift = weeks_since_written () * 7;
  s->words = g_string_chunk_new (4096);
  s->rand = g_rand_new_with_seed (SAMPLE_SEED);
  s->london = g_time_zone_new_identifier ("Europe/London");
  if (s->london == NULL)
    s->london = g_time_zone_new_utc ();
}

/* The sample goes on in @project: its built-in tags and framework items. */
static void
sample_use_project (Sample        *s,
                    TandemProject *project)
{
  s->project = project;
  for (guint i = 0; i < TANDEM_N_EQUITY_TAGS; i++)
    {
      g_free (s->tags[i]);
      s->tags[i] = tandem_defaults_find_equity_tag (project, i);
    }
  g_clear_pointer (&s->framework_items, g_ptr_array_unref);
  s->framework_items = tandem_project_list_ids (project, "framework_item", "framework",
                                                TANDEM_FRAMEWORK_PEER_SUPPORT, "position");
}

/* A split sample's team is finished: its project is saved and closed. */
static void
sample_finish_team (Sample *s)
{
  g_autoptr(TandemProject) project = g_steal_pointer (&s->project);

  if (project == NULL)
    return;
  if (s->error != NULL)
    tandem_project_rollback (project);
  else
    tandem_project_commit (project, &s->error);
}

void
_tandem_sample_start_team (Sample     *s,
                           guint       index,
                           const char *name)
{
  g_autoptr(TandemProject) project = NULL;

  if (s->team_project == NULL || s->error != NULL)
    return;
  sample_finish_team (s);
  if (s->error != NULL)
    return;
  project = s->team_project (index, name, s->team_project_data, &s->error);
  if (project == NULL)
    return;
  tandem_project_set_author (project, "Tandem sample");
  if (!tandem_project_begin_creation (project, _("Add the national sample"), &s->error))
    return;
  if (tandem_project_count (project, "equity_tag", NULL, NULL) == 0 &&
      !tandem_defaults_install (project, &s->error))
    {
      tandem_project_rollback (project);
      return;
    }
  sample_use_project (s, g_steal_pointer (&project));
}

static void
sample_clear (Sample *s)
{
  g_clear_pointer (&s->rand, g_rand_free);
  g_clear_pointer (&s->london, g_time_zone_unref);
  g_clear_pointer (&s->framework_items, g_ptr_array_unref);
  g_clear_pointer (&s->words, g_string_chunk_free);
  for (guint i = 0; i < TANDEM_N_EQUITY_TAGS; i++)
    g_clear_pointer (&s->tags[i], g_free);
}

/**
 * tandem_sample_populate:
 * @project: a newly created project
 * @scale: which sample
 * @error: return location for an error
 *
 * Fills @project with invented sample content: at %TANDEM_SAMPLE_WARD the
 * sample project (three ward teams, one worked driver diagram with measures,
 * coaching records and a peer-support tracker), at %TANDEM_SAMPLE_NATIONAL a
 * national programme at full scale for benchmarks. The project's built-in
 * content is installed first if it is not there yet. Everything is added in
 * one creation change, which is not on the undo stack; on failure nothing is
 * added. The sample is set around the day it is made (tandem_clock_dup_today()),
 * its dates moved by whole weeks; made on the same day, it is the same every
 * time, apart from the ids.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_sample_populate (TandemProject      *project,
                        TandemSampleScale   scale,
                        GError            **error)
{
  Sample s = { 0, };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (scale == TANDEM_SAMPLE_WARD || scale == TANDEM_SAMPLE_NATIONAL, FALSE);

  if (!tandem_project_begin_creation (project, scale == TANDEM_SAMPLE_WARD
                                               ? _("Add the sample project")
                                               : _("Add the national sample"), error))
    return FALSE;

  if (tandem_project_count (project, "equity_tag", NULL, NULL) == 0 &&
      !tandem_defaults_install (project, error))
    {
      tandem_project_rollback (project);
      return FALSE;
    }

  sample_init (&s);
  sample_use_project (&s, project);

  if (scale == TANDEM_SAMPLE_WARD)
    _tandem_sample_populate_ward (&s);
  else
    _tandem_sample_populate_national (&s);

  sample_clear (&s);
  if (s.error != NULL)
    {
      tandem_project_rollback (project);
      g_propagate_error (error, s.error);
      return FALSE;
    }
  return tandem_project_commit (project, error);
}

/**
 * tandem_sample_populate_split:
 * @scale: which sample: only %TANDEM_SAMPLE_NATIONAL is split
 * @team_project: makes the new project each team goes in
 * @user_data: for @team_project
 * @error: return location for an error
 *
 * Makes the national sample as one project per team, the way a programme's
 * teams each keep their own file: the same teams with the same content as
 * tandem_sample_populate() makes in one file (apart from the ids), each
 * added to its project in one creation change. On failure the team being
 * added is rolled back; the projects of the teams before it are kept, and
 * the caller removes them if it wants none.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_sample_populate_split (TandemSampleScale      scale,
                              TandemSampleTeamFunc   team_project,
                              gpointer               user_data,
                              GError               **error)
{
  Sample s = { 0, };

  g_return_val_if_fail (scale == TANDEM_SAMPLE_NATIONAL, FALSE);
  g_return_val_if_fail (team_project != NULL, FALSE);

  sample_init (&s);
  s.team_project = team_project;
  s.team_project_data = user_data;
  _tandem_sample_populate_national (&s);
  sample_finish_team (&s);
  sample_clear (&s);
  if (s.error != NULL)
    {
      g_propagate_error (error, s.error);
      return FALSE;
    }
  return TRUE;
}
