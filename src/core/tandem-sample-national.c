/* tandem-sample-national.c — the national sample: a programme of 52 teams
 * at full scale, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invented like the ward sample (see tandem-sample.c), from the same GRand,
 * dates and building blocks; only its size and spread are its own.
 */

#define G_LOG_DOMAIN "Tandem-Sample"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-sample-private.h"

/* ------------------------------------------------------------------------ */
/* The national sample                                                       */

#define NATIONAL_TEAMS           52
#define NATIONAL_CHANGE_IDEAS    3424
#define NATIONAL_RACE_IDEAS      223
#define NATIONAL_SESSIONS_EACH   50     /* 2,600 in all */
#define NATIONAL_ACTIONS_EACH    4      /* on average per session: 10,400 in all */
#define NATIONAL_MEASURES_EACH   10     /* 520 in all */
#define NATIONAL_POINTS_EACH     104    /* two years of weeks: 54,080 in all */
#define NATIONAL_PEOPLE_EACH     12

static const struct
{
  const char *ward;
  const char *service_type;
} pilot_wards[] = {
  { "Delderfield Ward", "Adult acute" },
  { "Logandene Ward", "Older adult acute" },
  { "PICU Miranda House", "Psychiatric intensive care (PICU)" },
  { "Osprey Ward", "Adult acute" },
  { "Shannon Ward", "Adult low secure" },
  { "Kent and Medway GAU", "Children and young people (general adolescent unit)" },
  { "Parkview GAU", "Children and young people (general adolescent unit)" },
  { "Bowman Ward", "Adult medium secure" },
  { "Rydal Ward", "Adult acute" },
  { "Calder Ward", "Learning disability and autism (secure)" },
  { "Forest Lodge", "Learning disability and autism (non-secure)" },
  { "Larches Ward", "Dementia" },
  { "Orion Unit", "Children and young people (PICU)" },
  { "Rowan View", "Learning disability and autism (non-secure)" },
};

static const char * const ward_name_stems[] = {
  "Ashdown", "Beech", "Bramble", "Cedar", "Chestnut", "Elm", "Fern", "Hawthorn", "Heather",
  "Holly", "Juniper", "Kestrel", "Lark", "Linden", "Maple", "Meadow", "Oak", "Poplar",
  "Primrose", "Sorrel", "Sycamore", "Willow", "Wren", "Avon", "Bluebell", "Foxglove",
  "Harbour", "Kingfisher", "Lavender", "Marigold", "Heron", "Orchard", "Riverside",
  "Skylark", "Swallow", "Thistle", "Wisteria", "Yew",
};

static const char * const ward_name_suffixes[] = {
  "Ward", "Unit", "Ward", "House", "Ward", "Lodge",
};

static const char * const national_service_types[] = {
  "Adult acute", "Older adult acute", "Psychiatric intensive care (PICU)", "Dementia",
  "Children and young people (general adolescent unit)", "Children and young people (PICU)",
  "Learning disability and autism (secure)", "Learning disability and autism (non-secure)",
  "Adult low secure", "Adult medium secure",
};

static const char * const national_trusts[] = {
  "Ashcombe and Wealdbury Partnership NHS Foundation Trust",
  "Brinsford Health NHS Trust",
  "Caldermoor NHS Foundation Trust",
  "Denholt Care NHS Trust",
  "Eastmere Coast NHS Foundation Trust",
  "Fernbrook Valley NHS Foundation Trust",
  "Greywater Partnership NHS Trust",
  "Hollinbridge Health NHS Foundation Trust",
  "Kestermere NHS Trust",
  "Merrowdale and Oldbeck NHS Foundation Trust",
  "Stourley Vale NHS Trust",
  "Westhaven Partnership NHS Foundation Trust",
  "Wyndle Valley NHS Trust",
};

static const char * const first_names[] = {
  "Aisha", "Alex", "Amara", "Ben", "Bethan", "Carlos", "Chidi", "Claire", "Dev", "Dylan",
  "Ellie", "Emeka", "Fatima", "Finn", "Gemma", "Hamza", "Hannah", "Ifeoma", "Isaac", "Jade",
  "Jasmin", "Joel", "Kai", "Kemi", "Laura", "Liam", "Lucy", "Malik", "Maya", "Niamh",
  "Nikhil", "Olu", "Omar", "Paige", "Ravi", "Rhys", "Rosa", "Sade", "Sam", "Simone",
  "Tariq", "Tess", "Usha", "Victor", "Wanjiru", "Will", "Yasmin", "Zainab",
};

static const char * const last_names[] = {
  "Abbott", "Achebe", "Ahmed", "Baines", "Bakare", "Carr", "Chauhan", "Dawson", "Douglas",
  "Ellis", "Evans", "Farah", "Fletcher", "Gill", "Grant", "Hale", "Hughes", "Iqbal",
  "Jackson", "Johal", "Kamara", "Kelly", "Lewis", "Lowe", "Mahmood", "Mbeki", "Morgan",
  "Naylor", "Nwosu", "Okoro", "Osei", "Parry", "Patel", "Quinn", "Reid", "Sandhu", "Shaw",
  "Singh", "Taylor", "Turner", "Usman", "Varley", "Walsh", "Wiśniewska", "Yates", "Young",
  "Zaman", "Zielinski",
};

/* The same twelve parts in every national team. */
static const PersonSpec national_people[NATIONAL_PEOPLE_EACH] = {
  { NULL, "senior_sponsor", "Senior sponsor" },
  { NULL, "staff", "Ward manager" },
  { NULL, "staff", "Deputy ward manager" },
  { NULL, "staff", "Consultant psychiatrist" },
  { NULL, "staff", "Occupational therapist" },
  { NULL, "staff", "Psychologist" },
  { NULL, "staff", "Staff nurse" },
  { NULL, "staff", "Healthcare assistant" },
  { NULL, "lived_experience_partner", "Lived experience partner" },
  { NULL, "peer_support_worker", "Peer support worker" },
  { NULL, "expert_by_experience", "Expert by experience" },
  { NULL, "carer", "Carer representative" },
};

/* The national teams draw their secondary drivers from Delderfield's and these. */
static const SecondarySpec more_secondaries[] = {
  { "Admission is calm, welcoming and explained in a way each person understands", BIT (0) },
  { "Families and carers are kept informed and involved from the first day", BIT (0) | BIT (1) },
  { "Patients choose how they spend their day, with at least 20 hours of activity a week",
    BIT (1) },
  { "Data on detention and restrictive practice is shared with the community it describes",
    BIT (2) | BIT (3) },
  { "Leaders model compassionate leadership and act on what they hear", BIT (2) },
  { "Peer roles are valued, supervised and part of the team", BIT (1) | BIT (2) },
  { "Complaints and concerns about discrimination are welcomed and acted on", BIT (3) },
  { "Every team member can name the equity gaps on their ward", BIT (2) | BIT (3) },
};

static const char * const race_idea_titles[] = {
  "Restrictive practice data reviewed by ethnicity every month",
  "Culture and identity conversation on admission, led by a peer support worker",
  "Hair and skin care products for Black patients stocked on the ward",
  "Partnership with a local Black-led community organisation",
  "Anti-racism training co-delivered by lived experience practitioners",
  "Reverse mentoring with lived experience partners from racialised communities",
  "Ward round checklist question: have we considered this person's culture and ethnicity?",
  "Debriefs after restraint that ask about experiences of racism",
  "Advocates from the person's own community offered at tribunals",
  "Race equity champions on every shift",
  "Patient and carer race equity forum each quarter",
  "Ethnicity recorded accurately, with the person's own words for it",
  "Culturally appropriate food chosen with patients",
  "Black-led peer support group on the ward",
  "Staff reflective practice on racial trauma",
  "Tribunal reports checked for biased language",
};

static const char * const general_idea_titles[] = {
  "Twice-daily safety huddle",
  "One-page \"About me\" profile at the front of the care plan",
  "Easy-read rights leaflet written with experts by experience",
  "Sensory check on admission and a sensory kit",
  "Peer support worker at every ward round",
  "Community meeting co-chaired by a patient",
  "Carers invited to every care review",
  "Interpreters booked as standard for ward rounds",
  "Evening activity group run with patients",
  "Welcome pack written by patients",
  "Quiet room redesigned with patients",
  "Faith and spiritual care offered weekly",
  "Post-incident debrief by a peer worker",
  "Patients write their own care plan goals first",
  "Shared glossary of the words we use",
  "\"Pause\" phrase anyone can use to question practice",
  "Weekly patient feedback in the community meeting",
  "Protected time for one-to-one conversations every shift",
  "Family video calls in the evenings and at weekends",
  "Easy-read ward-round agenda",
  "Learning disability and autism awareness led by experts by experience",
  "Gym and outdoor time every day",
  "Pictorial activity timetable",
  "Pre-ward-round meeting with the named nurse",
  "Patient-led ward newsletter",
  "Positive behaviour support plans written with the person",
  "Discharge planning from the first week",
  "Reduced noise at night",
  "Night-time routines chosen by patients",
  "Staff wellbeing check-in at handover",
};

static const char * const session_check_ins[] = {
  "Two-minute check-in: most of the team said they felt present and ready.",
  "Check-in. Two people said they felt depleted after a hard week; we kept the session short.",
  "Check-in in pairs. People named what they needed today: mostly connection and rest.",
  "Check-in. The team felt proud of last week's community meeting.",
  "Check-in with picture cards so that everyone could take part.",
  "Check-in. Several people joined online and said they felt rushed but glad to be here.",
};

static const char * const session_notes[] = {
  "Reviewed last time's actions and the run charts. Most actions are done.",
  "Talked about what patients said at the community meeting and which ideas to test next.",
  "Looked at restrictive practice by ethnicity: the gap is still there but smaller.",
  "Planned the next PDSA cycle and agreed what to count.",
  "Reflection: \"What are you proud of?\" The team named the work with lived experience "
  "partners.",
  "Talked about staffing pressures and what to protect when the ward is stretched.",
  "The lived experience partner led a discussion on what co-production means on this ward.",
  "Looked at the activity hours chart against the 20-hour standard.",
  "Reflection: \"What change would you like to make but are yet to make?\"",
  "Shared the ward story prepared for the next collaborative workshop.",
};

static const char * const session_advice[] = {
  "Test one change at a time, on a small scale, and predict what will happen.",
  "Keep the lived experience partners involved in choosing the next change ideas.",
  "Tag every change idea with the equity groups it is meant to help.",
  "Annotate the run chart when a change starts, so the story and the data sit together.",
  "Protect what is working before starting anything new.",
  "Ask the people the change is for what they think, before and after.",
  "Celebrate progress with the whole team, including patients and carers.",
  "Bring the data by ethnicity to the next session.",
};

static const char * const session_agreements[] = {
  "Carry on with the current PDSA cycle and review it next time.",
  "Share the run charts at the community meeting.",
  "Lived experience partner and ward manager to choose the next idea together.",
  "Review the actions at the start of the next session.",
  "Bring a ward story to the next workshop.",
  "Pause new tests for two weeks and protect what is working.",
};

static const char * const action_whats[] = {
  "Update the run chart and share it at the community meeting",
  "Write the plan for the next PDSA cycle",
  "Ask patients which evening activities they want",
  "Invite carers to the next care review",
  "Book an interpreter for the next ward round",
  "Review restrictive practice data by ethnicity with the lived experience partner",
  "Draft an easy-read version of the ward's welcome pack",
  "Meet the local community organisation",
  "Add equity tags to the new change ideas",
  "Arrange peer supervision for the peer support worker",
  "Ask the senior sponsor for protected time for huddles",
  "Collect feedback from patients on the new change",
  "Write up the ward story for the workshop",
  "Check that every patient has an \"About me\" profile",
  "Set a date for the next co-production meeting",
  "Count activity hours for the last four weeks",
  "Share the debrief themes with the whole team",
  "Book training co-delivered by lived experience practitioners",
};

static const char * const dropped_reasons[] = {
  "No longer needed after the ward's plans changed",
  "Overtaken by the trust's own programme",
  "Carried forward to the next session",
};

typedef struct
{
  MeasureSpec spec;
  double      baseline;     /* mean before the change (a rate for p charts) */
  double      improved;     /* mean after it */
  double      spread;       /* standard deviation (ignored for counts and p charts) */
  double      denominator;  /* typical denominator for p charts, 0 for none */
} MeasureTemplate;

static const MeasureTemplate national_measures[NATIONAL_MEASURES_EACH] = {
  { { "Restrictive practice incidents", "outcome",
      "Incidents of physical restraint, seclusion or rapid tranquilisation recorded on Datix "
      "in the week (Monday to Sunday).", "incidents", "decrease", NAN, "c", 1 }, 8, 5, 0, 0 },
  { { "Prone restraint", "outcome",
      "Incidents of restraint in the prone (face-down) position recorded in the week.",
      "incidents", "decrease", 0, "c", 1 }, 1.2, 0.6, 0, 0 },
  { { "Seclusion episodes", "outcome",
      "Episodes of supervised confinement and isolation away from other patients that began "
      "in the week.", "episodes", "decrease", NAN, "c", 1 }, 2.5, 1.6, 0, 0 },
  { { "Patients with a co-produced care plan", "process",
      "Patients on the ward on Monday whose care plan was written with them (and their carer, "
      "if they wished), out of all patients on the ward.", "%", "increase", 90, "p", 100 },
    0.5, 0.75, 0, 18 },
  { { "Hours of patient activity", "process",
      "Average hours of meaningful activity per patient in the week, from the activity "
      "register. Standard: 20 hours a week.", "hours per patient", "increase", 20, "run", 1 },
    13, 16.5, 1.5, 0 },
  { { "Hours of therapy", "process",
      "Average hours of psychological or occupational therapy per patient in the week. "
      "Standard: 5 hours a week.", "hours per patient", "increase", 5, "run", 1 },
    3.2, 4.1, 0.5, 0 },
  { { "Bank and agency shifts", "balancing",
      "Nursing shifts filled by bank or agency staff as a percentage of all nursing shifts in "
      "the week.", "%", "decrease", NAN, "i", 1 }, 24, 20, 4, 0 },
  { { "Patient experience score", "outcome",
      "Average score (0 to 10) for \"I felt listened to\" in the weekly patient experience "
      "survey (PREM).", "score", "increase", 8, "i", 1 }, 6.1, 7.0, 0.6, 0 },
  { { "Staff sickness", "balancing",
      "Hours lost to sickness absence as a percentage of contracted hours for the ward's "
      "nursing team in the week.", "%", "decrease", NAN, "i", 1 }, 5.5, 5.2, 0.9, 0 },
  { { "Average length of stay of discharged patients", "balancing",
      "Average length of stay, in days, of the patients discharged in the week.", "days",
      "neutral", NAN, "run", 1 }, 38, 36, 6, 0 },
};

/* ------------------------------------------------------------------------ */
/* The national sample                                                       */

/* How many change ideas each team has: uneven, as in life, adding up to the
 * programme's total exactly. */
static void
share_ideas (Sample *s,
             guint   shares[NATIONAL_TEAMS])
{
  double weights[NATIONAL_TEAMS];
  double total = 0;
  guint given = 0;

  for (guint t = 0; t < NATIONAL_TEAMS; t++)
    total += weights[t] = 0.5 + g_rand_double (s->rand);
  for (guint t = 0; t < NATIONAL_TEAMS; t++)
    given += shares[t] = (guint) floor (NATIONAL_CHANGE_IDEAS * weights[t] / total);
  for (guint t = 0; given < NATIONAL_CHANGE_IDEAS; t = (t + 1) % NATIONAL_TEAMS, given++)
    shares[t]++;
}

static const char *
random_status (Sample *s)
{
  double r = g_rand_double (s->rand);

  return r < 0.30 ? "idea" : r < 0.60 ? "testing" : r < 0.80 ? "adopted"
         : r < 0.90 ? "adapted" : "abandoned";
}

static const char *
random_level (Sample *s)
{
  static const char * const levels[] = {
    "coproduction", "coproduction", "codesign", "codesign", "codesign", "engagement",
    "engagement", "consultation", "consultation", "informing", "educating",
  };

  return PICK (s, levels);
}

/* Picks distinct indexes below n into out, as a bit mask. */
static guint
random_subset (Sample *s,
               guint   n,
               guint   count)
{
  guint mask = 0;
  guint chosen = 0;

  count = MIN (count, n);
  while (chosen < count)
    {
      guint bit = BIT (g_rand_int_range (s->rand, 0, n));

      if ((mask & bit) == 0)
        {
          mask |= bit;
          chosen++;
        }
    }
  return mask;
}

static int
random_other_tag_count (Sample *s)
{
  double r = g_rand_double (s->rand);

  return r < 0.45 ? 0 : r < 0.85 ? 1 : 2;
}

/* Any tag but race and ethnicity (which is counted out exactly), weighted so
 * that some groups are named far more often than others. */
static TandemEquityTag
random_other_tag (Sample *s)
{
  static const struct { TandemEquityTag tag; int weight; } weights[] = {
    { TANDEM_EQUITY_TAG_RELIGION_AND_FAITH, 8 },
    { TANDEM_EQUITY_TAG_CULTURE_AND_LANGUAGE, 14 },
    { TANDEM_EQUITY_TAG_LEARNING_DISABILITY, 14 },
    { TANDEM_EQUITY_TAG_AUTISM, 14 },
    { TANDEM_EQUITY_TAG_SEXUAL_ORIENTATION_AND_GENDER_IDENTITY, 5 },
    { TANDEM_EQUITY_TAG_SEX, 4 },
    { TANDEM_EQUITY_TAG_AGE, 10 },
    { TANDEM_EQUITY_TAG_PREGNANCY_AND_MATERNITY, 1 },
    { TANDEM_EQUITY_TAG_SOCIOECONOMIC_STATUS, 6 },
    { TANDEM_EQUITY_TAG_LOCATION, 5 },
    { TANDEM_EQUITY_TAG_SPECIFIC_GROUPS, 4 },
  };
  int total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    total += weights[i].weight;
  r = g_rand_int_range (s->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (r < weights[i].weight)
        return weights[i].tag;
      r -= weights[i].weight;
    }
  g_assert_not_reached ();
}

static void
add_national_diagram (Sample     *s,
                      const char *team,
                      const char *ward,
                      GPtrArray  *people,
                      guint       n_ideas,
                      guint      *race_left,
                      guint      *ideas_left,
                      GPtrArray  *team_ideas)
{
  g_autofree char *diagram = NULL;
  g_autoptr(GPtrArray) secondaries = g_ptr_array_new_with_free_func (g_free);
  char *primaries[4] = { NULL, };
  guint primary_children[4] = { 0, };
  guint secondary_children[8] = { 0, };
  guint n_chosen = G_N_ELEMENTS (_tandem_sample_delderfield_secondaries) + G_N_ELEMENTS (more_secondaries);
  guint chosen[G_N_ELEMENTS (_tandem_sample_delderfield_secondaries) + G_N_ELEMENTS (more_secondaries)];

  diagram = _tandem_sample_add_mha_diagram (s, team, ward, primaries);

  /* Eight secondary drivers drawn from the programme's common ones. */
  for (guint i = 0; i < n_chosen; i++)
    chosen[i] = i;
  for (guint i = 0; i < 8; i++)
    {
      guint j = g_rand_int_range (s->rand, i, n_chosen);
      guint tmp = chosen[i];
      const SecondarySpec *spec;
      char *id;

      chosen[i] = chosen[j];
      chosen[j] = tmp;
      spec = chosen[i] < G_N_ELEMENTS (_tandem_sample_delderfield_secondaries)
             ? &_tandem_sample_delderfield_secondaries[chosen[i]]
             : &more_secondaries[chosen[i] - G_N_ELEMENTS (_tandem_sample_delderfield_secondaries)];
      id = INSERT (s, "node",
                   { "diagram_id", TEXT (diagram) },
                   { "kind", TEXT ("secondary") },
                   { "title", TEXT (spec->title) },
                   { "position", REAL (i) });
      for (guint p = 0; p < 4; p++)
        if (spec->primaries & BIT (p))
          _tandem_sample_add_link (s, diagram, primaries[p], id, primary_children[p]++);
      g_ptr_array_add (secondaries, id);
    }

  for (guint i = 0; i < n_ideas; i++)
    {
      /* Exactly the programme's number of race-equity ideas, spread at random
       * (selection sampling: each idea is picked with the chance that keeps
       * the total exact). */
      gboolean race = g_rand_int_range (s->rand, 0, *ideas_left) < (gint32) *race_left;
      const char *title = race ? PICK (s, race_idea_titles) : PICK (s, general_idea_titles);
      guint links = _tandem_sample_random_chance (s, 0.3) ? random_subset (s, 8, 2) : random_subset (s, 8, 1);
      guint coproducers = random_subset (s, NATIONAL_PEOPLE_EACH, _tandem_sample_random_int (s, 0, 2));
      guint tags = 0;
      const char *status = random_status (s);
      const char *proposed_by = people->pdata[_tandem_sample_random_int (s, 0, people->len - 1)];
      const char *level = random_level (s);
      char *id;

      (*ideas_left)--;
      if (race)
        {
          (*race_left)--;
          tags |= T (RACE_AND_ETHNICITY);
        }
      for (int k = random_other_tag_count (s); k > 0; k--)
        tags |= BIT (random_other_tag (s));

      id = INSERT (s, "node",
                   { "diagram_id", TEXT (diagram) },
                   { "kind", TEXT ("change_idea") },
                   { "title", TEXT (title) },
                   { "position", REAL (i) },
                   { "status", TEXT (status) },
                   { "proposed_by", TEXT (proposed_by) },
                   { "coproduction_level", TEXT (level) });
      for (guint k = 0; k < 8; k++)
        if (links & BIT (k))
          _tandem_sample_add_link (s, diagram, secondaries->pdata[k], id, secondary_children[k]++);
      _tandem_sample_add_coproducers (s, id, people, coproducers);
      _tandem_sample_add_tags (s, id, tags);

      if (g_str_equal (status, "testing") && _tandem_sample_random_chance (s, 0.3))
        {
          char started[11];

          _tandem_sample_format_date (_tandem_sample_day (s, LAST_MONDAY) - _tandem_sample_random_int (s, 7, 120), started);
          ADD (s, "pdsa_cycle",
               { "node_id", TEXT (id) },
               { "title", TEXT ("First test on a small scale") },
               { "started_on", TEXT (started) },
               { "plan_objective", TEXT ("Find out whether the change works on this ward.") },
               { "plan_predictions", TEXT ("It will help most of the people it is for.") },
               { "position", REAL (0) });
        }
      g_ptr_array_add (team_ideas, id);
    }

  for (guint i = 0; i < 4; i++)
    g_free (primaries[i]);
}

static void
add_national_sessions (Sample     *s,
                       const char *team,
                       guint       team_index,
                       GPtrArray  *people)
{
  guint32 today = _tandem_sample_day (s, TODAY);
  guint32 first = _tandem_sample_day (s, LAST_MONDAY) - 7 * (NATIONAL_SESSIONS_EACH - 1) + team_index % 5;
  g_autofree char *carry = NULL;     /* an action carried forward to the next session */
  const char *carry_what = NULL;
  int swing = 0;

  for (guint w = 0; w < NATIONAL_SESSIONS_EACH; w++)
    {
      guint32 day = first + 7 * w;
      const char *kind = "frontline_delivery";
      int minutes = 90;
      int hour = 10;
      char starts_at[24];
      g_autofree char *session = NULL;
      gboolean online = _tandem_sample_random_chance (s, 0.3);
      const char *check_in = PICK (s, session_check_ins);
      const char *notes = PICK (s, session_notes);
      const char *advice = PICK (s, session_advice);
      const char *agreements = PICK (s, session_agreements);
      int confidence = _tandem_sample_random_int (s, 2, 5);
      int momentum = _tandem_sample_random_int (s, 2, 5);
      guint attendees;
      int n_actions;

      if (w % 4 == 0)
        {
          kind = "executive";
          minutes = 120;
          hour = 14;
        }
      else if (w % 8 == 6)
        {
          /* Workshops bring every team together, on the Thursday. */
          kind = "collaborative_workshop";
          minutes = 180;
          day = day - team_index % 5 + 3;
        }
      else if (w % 4 == 2)
        kind = "service_leadership";

      _tandem_sample_format_time (s, day, hour, 0, starts_at);
      session = INSERT (s, "coaching_session",
                        { "team_id", TEXT (team) },
                        { "starts_at", TEXT (starts_at) },
                        { "minutes", INT (minutes) },
                        { "kind", TEXT (kind) },
                        { "online", INT (online) },
                        { "coach", TEXT (COACH) },
                        { "check_in", TEXT (check_in) },
                        { "notes", TEXT (notes) },
                        { "advice", TEXT (advice) },
                        { "agreements", TEXT (agreements) },
                        { "confidence", INT (confidence) },
                        { "momentum", INT (momentum) });

      attendees = random_subset (s, NATIONAL_PEOPLE_EACH, _tandem_sample_random_int (s, 4, 7));
      if (g_str_equal (kind, "executive"))
        attendees |= BIT (0) | BIT (1);
      for (guint p = 0; p < NATIONAL_PEOPLE_EACH; p++)
        {
          gboolean present = _tandem_sample_random_chance (s, 0.85);

          if (attendees & BIT (p))
            _tandem_sample_add_attendance (s, session, people->pdata[p], national_people[p].title, present);
        }

      /* Sessions come in pairs whose actions add up to eight. */
      if (w % 2 == 0)
        swing = _tandem_sample_random_int (s, -2, 2);
      n_actions = NATIONAL_ACTIONS_EACH + (w % 2 == 0 ? swing : -swing);

      for (int a = 0; a < n_actions; a++)
        {
          guint32 due = day + (_tandem_sample_random_chance (s, 0.5) ? 7 : 14);
          guint32 closed = due + _tandem_sample_random_int (s, -3, 3);
          const char *what = PICK (s, action_whats);
          const char *owner = people->pdata[_tandem_sample_random_int (s, 0, NATIONAL_PEOPLE_EACH - 1)];
          const char *reason = PICK (s, dropped_reasons);
          double r = g_rand_double (s->rand);
          const char *status = "open";
          char due_on[11], closed_on[11];
          g_autofree char *carried_from = NULL;
          g_autofree char *id = NULL;

          _tandem_sample_format_date (due, due_on);
          _tandem_sample_format_date (MIN (closed, today), closed_on);
          /* Older actions have all been closed; a few recent ones are overdue. */
          if (due < today && (r < 0.78 || (due + 56 < today && r < 0.88)))
            status = "done";
          else if (due < today && (r < 0.88 || due + 56 < today))
            status = "dropped";
          if (!g_str_equal (status, "dropped"))
            reason = NULL;

          if (a == 0 && carry != NULL)
            {
              carried_from = g_steal_pointer (&carry);
              what = carry_what;
            }
          id = _tandem_sample_add_action (s, team, session, what, owner, due_on, status,
                                          g_str_equal (status, "open") ? NULL : closed_on, reason,
                                          carried_from);
          if (reason == dropped_reasons[G_N_ELEMENTS (dropped_reasons) - 1] && carry == NULL)
            {
              carry = g_steal_pointer (&id);
              carry_what = what;
            }
        }
    }
}

static void
add_national_measures (Sample     *s,
                       const char *team,
                       GPtrArray  *ideas)
{
  guint32 first = _tandem_sample_day (s, LAST_MONDAY) - 7 * (NATIONAL_POINTS_EACH - 1);

  for (guint m = 0; m < NATIONAL_MEASURES_EACH; m++)
    {
      const MeasureTemplate *tmpl = &national_measures[m];
      gboolean shifts = _tandem_sample_random_chance (s, 0.5);
      guint change_week = _tandem_sample_random_int (s, 40, 80);
      g_autofree char *measure = NULL;

      measure = _tandem_sample_add_measure (s, team, &tmpl->spec, m);
      for (guint w = 0; w < NATIONAL_POINTS_EACH; w++)
        {
          double mean = shifts && w >= change_week ? tmpl->improved : tmpl->baseline;
          double value, denominator = 0;

          if (tmpl->denominator > 0)
            {
              denominator = _tandem_sample_random_int (s, (int) tmpl->denominator - 3,
                                                       (int) tmpl->denominator + 2);
              value = _tandem_sample_random_binomial (s, (int) denominator, mean);
            }
          else if (g_str_equal (tmpl->spec.chart_type, "c"))
            value = _tandem_sample_random_poisson (s, mean);
          else
            {
              value = _tandem_sample_random_normal (s, mean, tmpl->spread);
              value = _tandem_sample_round_to (MAX (0, value), 0.1);
            }
          _tandem_sample_add_point (s, measure, first + 7 * w, value, denominator);
        }

      if (shifts && ideas->len > 0)
        {
          const char *idea = ideas->pdata[_tandem_sample_random_int (s, 0, ideas->len - 1)];
          char date[11];

          _tandem_sample_format_date (first + 7 * change_week, date);
          ADD (s, "phase",
               { "measure_id", TEXT (measure) },
               { "starts_on", TEXT (date) },
               { "label", TEXT ("After the change") });
          _tandem_sample_add_annotation (s, measure, date, "Change introduced", idea, NULL);
          _tandem_sample_add_measure_link (s, measure, idea);
        }
    }
}

static void
add_national_peer_support (Sample     *s,
                           const char *team)
{
  static const char * const statuses[] = {
    "not_started", "not_started", "planning", "in_progress", "in_progress", "in_place",
    "in_place", "not_applicable",
  };
  guint32 today = _tandem_sample_day (s, TODAY);
  g_autofree char *role = NULL;
  const char *band;
  double hours;
  gboolean paired;
  char start[11];

  for (guint i = 0; i < s->framework_items->len; i++)
    {
      if (_tandem_sample_random_chance (s, 0.4))
        continue;
      ADD (s, "framework_status",
           { "team_id", TEXT (team) },
           { "item_id", TEXT (s->framework_items->pdata[i]) },
           { "status", TEXT (PICK (s, statuses)) });
    }

  _tandem_sample_format_date (today - _tandem_sample_random_int (s, 60, 600), start);
  band = _tandem_sample_random_chance (s, 0.5) ? "Band 3" : "Band 4";
  hours = _tandem_sample_random_chance (s, 0.5) ? 37.5 : 22.5;
  paired = _tandem_sample_random_chance (s, 0.4);
  role = INSERT (s, "peer_role",
                 { "team_id", TEXT (team) },
                 { "title", TEXT ("Peer support worker") },
                 { "band", TEXT (band) },
                 { "hours", REAL (hours) },
                 { "start_date", TEXT (start) },
                 { "paired", INT (paired) },
                 { "expected_supervision_per_month", REAL (2) });
  for (guint m = 0; m < 10; m++)
    _tandem_sample_add_supervision (s, role, today - 30 * (m + 1), m % 2 ? "group" : "one_to_one",
                                    m % 2 ? PICK (s, _tandem_sample_group_supervision_notes) : PICK (s, _tandem_sample_supervision_notes));
}

/* The Culture of Care collaborative: twelve of the teams also work to the
 * standards. Each took part in a self-assessment round in the last few
 * months, half of them a baseline six months before as well: staff score
 * each standard 1 to 5, and so do people with lived experience (the
 * team's lived experience partner, an expert by experience or two and a
 * carer), who mostly score the ward lower. The teams are chosen to spread
 * across the levels (no level yet, Bronze, Silver), and two rounds fall
 * short of the 75% of staff a round needs to count. */
static const char * const coc_standards[] = {
  "coc-lived-experience", "coc-safety", "coc-relationships", "coc-staff-support",
  "coc-equality", "coc-avoiding-harm", "coc-needs-led", "coc-choice", "coc-environment",
  "coc-things-to-do", "coc-therapeutic-support", "coc-transparency",
};

static const struct
{
  guint    team;          /* which of the 52 */
  double   staff;         /* the staff's mean score in the latest round */
  double   gap;           /* how much lower people with lived experience score */
  int      headcount;     /* staff on the ward */
  int      n_staff;       /* of them, who answered the latest round */
  gboolean baseline;      /* a round six months before as well */
} standards_teams[] = {
  { 1, 3.0, 0.8, 22, 19, TRUE },
  { 4, 2.3, 0.4, 30, 17, FALSE },       /* 57%: does not count */
  { 6, 3.9, 0.6, 18, 16, TRUE },
  { 9, 2.9, 0.9, 26, 21, FALSE },
  { 13, 3.4, 1.0, 24, 20, TRUE },
  { 17, 2.1, 0.3, 20, 16, TRUE },
  { 22, 3.8, 0.5, 28, 18, FALSE },      /* 64%: does not count */
  { 26, 3.1, 0.7, 16, 13, FALSE },
  { 31, 2.4, 0.8, 21, 17, TRUE },
  { 37, 4.0, 0.4, 19, 17, TRUE },
  { 42, 3.3, 0.6, 25, 20, FALSE },
  { 48, 2.95, 1.2, 23, 18, TRUE },
};

static const char * const standards_comments[] = {
  "Staff are kind, but nobody explained my rights until the second week.",
  "The evening activities have made a real difference to the weekends.",
  "Choice about medication still depends on who is on shift.",
  "I felt listened to at the community meeting, less so at ward round.",
  "The new quiet room is used and valued.",
  "Carers are told more than before, but still late.",
};

static void
add_national_round (Sample     *s,
                    const char *team,
                    GPtrArray  *people,
                    guint32     day,
                    int         headcount,
                    int         n_staff,
                    double      staff_mean,
                    double      gap,
                    const double offsets[G_N_ELEMENTS (coc_standards)])
{
  /* people of the team with lived experience: the partner, the expert by
   * experience and the carer representative, then one who answered
   * without a name */
  static const struct { const char *role; int person; } lived[] = {
    { "lived_experience_partner", 8 }, { "expert_by_experience", 10 }, { "carer", 11 },
    { "expert_by_experience", -1 },
  };
  g_autofree char *round = NULL;
  char date[11];
  guint n_lived = (guint) _tandem_sample_random_int (s, 3, G_N_ELEMENTS (lived));
  guint commented = (guint) _tandem_sample_random_int (s, 0, G_N_ELEMENTS (coc_standards) - 1);
  const char *comment = PICK (s, standards_comments);

  _tandem_sample_format_date (day, date);
  round = INSERT (s, "assessment_round",
                  { "team_id", TEXT (team) },
                  { "date", TEXT (date) },
                  { "headcount", INT (headcount) });
  for (guint r = 0; r < (guint) n_staff + n_lived; r++)
    {
      gboolean staff = r < (guint) n_staff;
      const char *person = !staff && lived[r - n_staff].person >= 0
                           ? people->pdata[lived[r - n_staff].person] : NULL;
      g_autofree char *response = INSERT (s, "assessment_response",
                                          { "round_id", TEXT (round) },
                                          { "role", TEXT (staff ? "staff" : lived[r - n_staff].role) },
                                          { "person_id", TEXT (person) },
                                          { "position", REAL (r) });

      for (guint i = 0; i < G_N_ELEMENTS (coc_standards); i++)
        {
          double mean = (staff ? staff_mean : staff_mean - gap) + offsets[i];
          int score = (int) floor (_tandem_sample_random_normal (s, mean, 0.7) + 0.5);

          ADD (s, "assessment_score",
               { "response_id", TEXT (response) },
               { "standard_id", TEXT (coc_standards[i]) },
               { "score", INT (CLAMP (score, 1, 5)) },
               { "comment", TEXT (r == (guint) n_staff && i == commented ? comment : NULL) });
        }
    }
}

static void
add_national_standards (Sample     *s,
                        guint       team_index,
                        const char *team,
                        GPtrArray  *people)
{
  GRand *shared = s->rand;
  guint32 latest;
  double offsets[G_N_ELEMENTS (coc_standards)];
  guint k;

  for (k = 0; k < G_N_ELEMENTS (standards_teams); k++)
    if (standards_teams[k].team == team_index)
      break;
  if (k == G_N_ELEMENTS (standards_teams) || s->error != NULL)
    return;

  /* a generator of their own, so that the rest of the sample is what it was */
  s->rand = g_rand_new_with_seed (20260511 + team_index);
  /* each team stronger on some standards than others */
  for (guint i = 0; i < G_N_ELEMENTS (coc_standards); i++)
    offsets[i] = _tandem_sample_random_normal (s, 0, 0.35);
  /* the latest round on a Monday between four and sixteen weeks ago */
  latest = _tandem_sample_day (s, LAST_MONDAY) - 7 * (4 + team_index % 13);
  if (standards_teams[k].baseline)
    add_national_round (s, team, people, latest - 182, standards_teams[k].headcount,
                        standards_teams[k].n_staff - 2, standards_teams[k].staff - 0.3,
                        standards_teams[k].gap, offsets);
  add_national_round (s, team, people, latest, standards_teams[k].headcount,
                      standards_teams[k].n_staff, standards_teams[k].staff,
                      standards_teams[k].gap, offsets);
  g_rand_free (s->rand);
  s->rand = shared;
}

void
_tandem_sample_populate_national (Sample *s)
{
  guint shares[NATIONAL_TEAMS];
  guint race_left = NATIONAL_RACE_IDEAS;
  guint ideas_left = NATIONAL_CHANGE_IDEAS;

  share_ideas (s, shares);

  for (guint t = 0; t < NATIONAL_TEAMS && s->error == NULL; t++)
    {
      g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) ideas = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *generated = NULL;
      g_autofree char *team = NULL;
      const char *ward, *service_type;

      if (t < G_N_ELEMENTS (pilot_wards))
        {
          ward = pilot_wards[t].ward;
          service_type = pilot_wards[t].service_type;
        }
      else
        {
          guint g = t - G_N_ELEMENTS (pilot_wards);

          generated = g_strdup_printf ("%s %s", ward_name_stems[g],
                                       ward_name_suffixes[g % G_N_ELEMENTS (ward_name_suffixes)]);
          ward = generated;
          service_type = national_service_types[g % G_N_ELEMENTS (national_service_types)];
        }

      _tandem_sample_start_team (s, t, ward);
      if (s->error != NULL)
        break;
      team = _tandem_sample_add_team (s, ward, national_trusts[t % G_N_ELEMENTS (national_trusts)],
                                      service_type, t);
      for (guint p = 0; p < NATIONAL_PEOPLE_EACH; p++)
        {
          const char *first = PICK (s, first_names);
          const char *last = PICK (s, last_names);
          g_autofree char *name = g_strdup_printf ("%s %s", first, last);

          g_ptr_array_add (people, _tandem_sample_add_person (s, team, name, national_people[p].role, p));
        }

      add_national_diagram (s, team, ward, people, shares[t], &race_left, &ideas_left, ideas);
      add_national_sessions (s, team, t, people);
      add_national_measures (s, team, ideas);
      add_national_peer_support (s, team);
      add_national_standards (s, t, team, people);
    }

  g_assert (s->error != NULL || (race_left == 0 && ideas_left == 0));
}
