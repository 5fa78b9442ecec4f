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
 * The tables below are written as on TODAY. A sample made on another day has
 * every date moved by the whole weeks between TODAY and the clock's today
 * (Mondays stay Mondays), so it always shows recent sessions, actions due
 * soon and one or two overdue, and last week's data. Words that name a month
 * or a season say which date they mean, {month:2026-11-11} or
 * {season:2026-12-15}, and are written for the date moved.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-defaults.h"
#include "tandem-sample.h"

#define SAMPLE_SEED  20261121u
#define LAST_MONDAY  "2026-11-16"   /* the last week of data */
#define TODAY        "2026-11-21"   /* when the sample is set: actions due before it are overdue */
#define COACH        "Ruth Ellison"

#define BIT(n) (1u << (n))

#define TEXT(s) tandem_value_text (s)
#define INT(n)  tandem_value_int (n)
#define REAL(x) tandem_value_double (x)

/* INSERT (s, "entity", { "field", TEXT (…) }, …) returns the new id (or NULL
 * once anything has failed); ADD does the same and forgets the id. */
#define INSERT(s, entity, ...) \
  sample_insert ((s), (entity), (const TandemField[]) { __VA_ARGS__ }, \
                 G_N_ELEMENTS (((const TandemField[]) { __VA_ARGS__ })))
#define ADD(s, entity, ...) g_free (INSERT (s, entity, __VA_ARGS__))

typedef struct
{
  TandemProject *project;
  GRand         *rand;
  GTimeZone     *london;
  GError        *error;                          /* the first failure: the rest is skipped */
  char          *tags[TANDEM_N_EQUITY_TAGS];     /* built-in tag ids, NULL if renamed */
  GPtrArray     *framework_items;                /* peer-support items, in order */
  gint64         shift;                          /* days every date moves: whole weeks */
  GStringChunk  *words;                          /* dates and texts written for the shift */
} Sample;

typedef struct
{
  const char *name;
  const char *role;
  const char *title;    /* job or part, as shown in attendance */
} PersonSpec;

typedef struct
{
  const char *title;
  guint       primaries;    /* BIT (index) of the primary drivers it serves */
} SecondarySpec;

typedef struct
{
  const char *title;
  const char *description;
  const char *status;
  int         proposed_by;
  guint       coproducers;  /* BIT (person index) */
  const char *level;
  guint       secondaries;  /* BIT (secondary index) */
  guint       tags;         /* BIT (TandemEquityTag) */
} IdeaSpec;

typedef struct
{
  int         idea;
  const char *title;
  const char *started_on;
  const char *ended_on;
  const char *objective;
  const char *questions;
  const char *predictions;
  const char *logistics;
  const char *do_notes;
  const char *study_notes;
  const char *act_decision;
  const char *act_notes;
} PdsaSpec;

typedef struct
{
  const char *key;            /* named so that a later action can carry it on */
  int         team;           /* -1: the session's own team */
  int         owner;
  const char *what;
  const char *due_on;
  const char *status;
  const char *closed_on;
  const char *reason;
  const char *carried_from;   /* the key of an earlier action */
} ActionSpec;

typedef struct
{
  int         team;
  const char *date;
  int         hour;
  int         minute;
  int         minutes;
  const char *kind;
  gboolean    online;
  guint       present[3];     /* BIT (person index), per team */
  guint       apologies[3];
  const char *check_in;
  const char *notes;
  const char *advice;
  const char *agreements;
  int         confidence;
  int         momentum;
  ActionSpec  actions[3];
} SessionSpec;

typedef struct
{
  int         item;           /* position in the peer-support framework */
  const char *status;
  const char *evidence;
  const char *owner;
  const char *target_date;
  const char *last_reviewed;
} FrameworkStatusSpec;

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
/* The ward sample                                                           */

static const char ward_trust[] = "Fernbrook Valley NHS Foundation Trust";

enum { DELDERFIELD, PARKVIEW, ROWAN_VIEW, N_WARD_TEAMS };

enum { D_JOANNA, D_SAMUEL, D_PRIYA, D_TOMASZ, D_MARCUS, D_GRACE, D_YVONNE, D_HELEN };
enum { P_RACHEL, P_DANIEL, P_LEAH, P_KOFI, P_NADIA, P_IMOGEN };
enum { R_OWEN, R_CHLOE, R_ELEANOR, R_JAMAL, R_SIAN, R_MARTIN };

static const struct
{
  const char *name;
  const char *service_type;
  PersonSpec  people[8];
} ward_teams[N_WARD_TEAMS] = {
  { "Delderfield Ward", "Adult acute", {
      { "Joanna Whitlock", "staff", "Ward manager" },
      { "Samuel Adeyemi", "staff", "Deputy ward manager" },
      { "Priya Raman", "staff", "Occupational therapist" },
      { "Tomasz Nowak", "staff", "Healthcare assistant" },
      { "Marcus Bell", "lived_experience_partner", "Lived experience partner" },
      { "Grace Mensah", "peer_support_worker", "Peer support worker" },
      { "Yvonne Clarke", "carer", "Carer representative" },
      { "Helen Carver", "senior_sponsor", "Associate director of nursing" },
    } },
  { "Parkview GAU", "Children and young people (general adolescent unit)", {
      { "Rachel Oduya", "staff", "Ward manager" },
      { "Daniel Fry", "staff", "Clinical psychologist" },
      { "Leah Marsh", "expert_by_experience", "Expert by experience" },
      { "Kofi Asante", "peer_support_worker", "Peer support worker" },
      { "Nadia Hussain", "carer", "Parent carer representative" },
      { "Imogen Hale", "senior_sponsor", "Clinical director" },
    } },
  { "Rowan View", "Learning disability and autism (non-secure)", {
      { "Owen Pryce", "staff", "Ward manager" },
      { "Chloe Fenwick", "staff", "Speech and language therapist" },
      { "Eleanor Brooks", "staff", "Positive behaviour support practitioner" },
      { "Jamal Rahman", "expert_by_experience", "Expert by experience" },
      { "Sian Howells", "lived_experience_partner", "Lived experience partner" },
      { "Martin Ashby", "senior_sponsor", "Deputy director of operations" },
    } },
};

static const SecondarySpec delderfield_secondaries[] = {
  { "Everyone is asked, on admission and throughout their stay, about their culture, faith, "
    "language and communication needs", BIT (0) },
  { "Interpreters, easy-read and accessible information are there whenever they are needed",
    BIT (0) | BIT (1) },
  { "Care and activities are planned with patients and carers, in their own words", BIT (1) },
  { "Lived experience practitioners take part in ward rounds, community meetings and debriefs",
    BIT (1) | BIT (2) },
  { "Restrictive practice is reviewed by ethnicity, learning disability and autism, with "
    "patients and lived experience practitioners", BIT (2) },
  { "Staff have protected time and training to understand racism, ableism and trauma",
    BIT (2) | BIT (3) },
  { "The ward shares a language and a set of relational practices for noticing and "
    "challenging discrimination", BIT (3) },
  { "Carers and community organisations are welcomed as partners", BIT (0) | BIT (3) },
};

#define T(tag) BIT (TANDEM_EQUITY_TAG_ ## tag)

enum { IDEA_CULTURE_CONVERSATION = 0, IDEA_ABOUT_ME = 1, IDEA_EASY_READ_RIGHTS = 4,
       IDEA_WHAT_MATTERS = 6, IDEA_DEBRIEF = 10, IDEA_RP_REVIEW = 11, IDEA_HUDDLE = 12,
       IDEA_EVENING_GROUP = 19 };

static const IdeaSpec delderfield_ideas[] = {
  { "Culture and identity conversation in the first 72 hours, led by a peer support worker",
    "A relaxed conversation, not a form: food, faith, language, family, what helps and what "
    "harms. The peer support worker shares a little of their own story first.",
    "testing", D_GRACE, BIT (D_GRACE) | BIT (D_MARCUS), "coproduction", BIT (0),
    T (RACE_AND_ETHNICITY) | T (RELIGION_AND_FAITH) | T (CULTURE_AND_LANGUAGE) },
  { "One-page \"About me\" profile, written with the patient, at the front of the care plan",
    NULL, "adopted", D_MARCUS, BIT (D_MARCUS) | BIT (D_PRIYA), "coproduction",
    BIT (0) | BIT (2),
    T (CULTURE_AND_LANGUAGE) | T (LEARNING_DISABILITY) | T (AUTISM) },
  { "Faith and spiritual care offered on admission and every week",
    "Includes a weekly prayer and reflection group run with the chaplaincy and a patient.",
    "testing", D_YVONNE, 0, "consultation", BIT (0), T (RELIGION_AND_FAITH) },
  { "Interpreters booked for every ward round and tribunal as standard, not on request",
    NULL, "adopted", D_SAMUEL, BIT (D_YVONNE), "engagement", BIT (1),
    T (CULTURE_AND_LANGUAGE) },
  { "Easy-read rights leaflet (section 132) written with experts by experience",
    NULL, "testing", D_MARCUS, BIT (D_MARCUS) | BIT (D_PRIYA), "codesign", BIT (1),
    T (LEARNING_DISABILITY) | T (AUTISM) },
  { "Sensory check on admission, with a sensory kit offered to everyone",
    NULL, "testing", D_PRIYA, BIT (D_PRIYA) | BIT (D_MARCUS), "codesign", BIT (0) | BIT (1),
    T (AUTISM) | T (LEARNING_DISABILITY) },
  { "Patients write the \"what matters to me\" part of their care plan first",
    NULL, "adopted", D_MARCUS, BIT (D_MARCUS) | BIT (D_JOANNA), "coproduction", BIT (2), 0 },
  { "Carers invited to every care programme approach (CPA) review, online or in person",
    NULL, "testing", D_YVONNE, BIT (D_YVONNE) | BIT (D_SAMUEL), "codesign", BIT (2) | BIT (7),
    T (CULTURE_AND_LANGUAGE) | T (LOCATION) },
  { "A peer support worker at every ward round",
    NULL, "adopted", D_GRACE, BIT (D_GRACE), "coproduction", BIT (3), 0 },
  { "Community meeting chaired jointly by a patient and a lived experience partner",
    NULL, "testing", D_MARCUS, BIT (D_MARCUS) | BIT (D_GRACE), "coproduction", BIT (3),
    T (RACE_AND_ETHNICITY) },
  { "Debrief offered to every patient after restraint, by a peer support worker",
    "Patients helped write the debrief questions. What is learned goes to the monthly "
    "restrictive practice review.",
    "adopted", D_GRACE, BIT (D_GRACE) | BIT (D_MARCUS) | BIT (D_SAMUEL), "codesign",
    BIT (3) | BIT (4),
    T (RACE_AND_ETHNICITY) | T (LEARNING_DISABILITY) | T (AUTISM) },
  { "Monthly restrictive practice review by ethnicity, with lived experience partners",
    NULL, "adopted", D_JOANNA, BIT (D_MARCUS) | BIT (D_HELEN), "coproduction", BIT (4),
    T (RACE_AND_ETHNICITY) | T (LEARNING_DISABILITY) | T (AUTISM) },
  { "Twice-daily safety huddle to spot early signs of distress and plan de-escalation",
    "Ten minutes, standing, at the start of the early and late shifts, with a one-page "
    "prompt written with a lived experience partner.",
    "adopted", D_SAMUEL, BIT (D_SAMUEL) | BIT (D_TOMASZ) | BIT (D_MARCUS), "engagement",
    BIT (4) | BIT (5), 0 },
  { "Reverse mentoring: senior staff paired with lived experience partners from racialised "
    "communities",
    NULL, "idea", D_HELEN, BIT (D_MARCUS), "codesign", BIT (5), T (RACE_AND_ETHNICITY) },
  { "Anti-racism training co-delivered by lived experience practitioners",
    NULL, "testing", D_MARCUS, BIT (D_MARCUS) | BIT (D_JOANNA), "codesign", BIT (5) | BIT (6),
    T (RACE_AND_ETHNICITY) | T (RELIGION_AND_FAITH) },
  { "\"Words we use\": a shared glossary for the ward, written with patients",
    "Adapted after the first version: patients asked for fewer words and examples of what "
    "to say instead.",
    "adapted", D_MARCUS, BIT (D_MARCUS) | BIT (D_GRACE) | BIT (D_PRIYA), "coproduction",
    BIT (6),
    T (RACE_AND_ETHNICITY) | T (CULTURE_AND_LANGUAGE) |
    T (SEXUAL_ORIENTATION_AND_GENDER_IDENTITY) },
  { "A \"pause\" phrase that anyone (patient, carer or staff) can use to stop and question "
    "discriminatory practice",
    NULL, "idea", D_GRACE, 0, "codesign", BIT (6),
    T (RACE_AND_ETHNICITY) | T (SEXUAL_ORIENTATION_AND_GENDER_IDENTITY) | T (SEX) },
  { "Partnership with a local Black-led community organisation for visits and activities",
    NULL, "testing", D_HELEN, BIT (D_YVONNE) | BIT (D_GRACE), "engagement", BIT (7),
    T (RACE_AND_ETHNICITY) | T (CULTURE_AND_LANGUAGE) | T (LOCATION) },
  { "Pictorial weekly activity timetable",
    "Abandoned: patients found the pictures childish. The work went into the easy-read "
    "leaflet instead.",
    "abandoned", D_TOMASZ, 0, "informing", BIT (1),
    T (LEARNING_DISABILITY) | T (AUTISM) },
  { "Evening activity group run by staff and patients, towards 20 hours of activity a week",
    NULL, "testing", D_TOMASZ, BIT (D_TOMASZ) | BIT (D_GRACE), "codesign", BIT (2),
    T (AGE) | T (SOCIOECONOMIC_STATUS) },
};

static const PdsaSpec delderfield_pdsas[] = {
  { IDEA_HUDDLE, "Safety huddle at the start of the early shift", "2026-03-02", "2026-03-29",
    "Find out whether a ten-minute huddle at the start of the early shift helps staff spot "
    "early signs of distress and plan de-escalation.",
    "Will the huddle happen every day? Do staff find it useful? Does restraint go down on "
    "the early shift?",
    "The huddle will happen on at least 5 days out of 7. Incidents on the early shift will "
    "fall a little.",
    "Led by the nurse in charge at 07:45, standing, ten minutes, using a one-page prompt "
    "written with Marcus.",
    "The huddle happened on 24 of 28 days. Night staff asked to join because most "
    "incidents start in the evening.",
    "Early-shift incidents fell from about 5 to 3 a week; evening incidents did not change. "
    "Staff found the prompt useful.",
    "adapt", "Add a second huddle at the start of the late shift, with night staff." },
  { IDEA_HUDDLE, "Twice-daily huddles, with night staff", "2026-03-30", "2026-05-10",
    "Test a second huddle at the start of the late shift.",
    "Can we run two huddles a day? Do evening incidents fall?",
    "Both huddles will happen on most days; evening incidents will fall.",
    "Late-shift huddle at 14:15 during handover; night staff join by arriving ten minutes "
    "early, agreed with the roster.",
    "Both huddles happened on 37 of 42 days.",
    "Restrictive-practice incidents fell from about 9 a week to about 5 and stayed there.",
    "adopt", "Huddles are now part of every shift. Protected in the staffing plan." },
  { IDEA_CULTURE_CONVERSATION, "Culture and identity conversation with the next five admissions",
    "2026-06-01", "2026-06-28",
    "Find out whether a conversation led by a peer support worker helps people share what "
    "matters to them about culture, faith and language.",
    "Will people want to have the conversation? What do they tell us that we did not know?",
    "At least 4 of 5 people will take part; we will learn something new from each.",
    "Grace offers the conversation within 72 hours of admission; notes agreed with the "
    "person go into the \"About me\" profile.",
    "Five people were offered it and four took part. Two asked for a faith leader to visit.",
    "People said it felt like a conversation, not an assessment. The question list was too "
    "long.",
    "adapt", "Cut the questions to five. Test again with the next ten admissions." },
  { IDEA_EASY_READ_RIGHTS, "Easy-read rights leaflet with three patients", "2026-07-06",
    "2026-08-02",
    "Test whether an easy-read version of the section 132 rights leaflet helps people "
    "understand their rights.",
    "Do people understand their rights better? Which pages help most?",
    "People will be able to say in their own words at least two of their rights.",
    "Marcus and Priya go through the leaflet with three patients who ask for it.",
    "All three used it; one asked for an audio version.",
    "Everyone could name at least two rights. The appeal page needed a clearer picture.",
    "adapt", "Redraw the appeal page and record an audio version." },
  { IDEA_EVENING_GROUP, "Evening group four nights a week", "2026-11-09", NULL,
    "See how many hours of activity a week the evening group adds when it runs four nights "
    "a week.",
    "Will staff be free to run it four nights? Will patients come?",
    "It will run on at least 3 nights and add about 3 hours a week per patient.",
    "Tomasz and two patients plan the week's activities at the Monday community meeting.",
    "First week: ran four nights out of four.", NULL, NULL, NULL },
};

static const SecondarySpec parkview_secondaries[] = {
  { "Staff understand the cultures, faiths and identities of the young people they care for",
    BIT (0) | BIT (1) },
  { "Young people lead parts of life on the unit", BIT (0) },
  { "Families can take part whatever their language, distance or working hours", BIT (1) },
};

static const char * const parkview_primaries[] = {
  "Young people shape how the unit works day to day",
  "Families are partners in care",
};

static const IdeaSpec parkview_ideas[] = {
  { "Identity and culture session in the first week, led by a peer support worker",
    NULL, "testing", P_KOFI, BIT (P_KOFI) | BIT (P_LEAH), "coproduction", BIT (0) | BIT (1),
    T (RACE_AND_ETHNICITY) | T (CULTURE_AND_LANGUAGE) |
    T (SEXUAL_ORIENTATION_AND_GENDER_IDENTITY) },
  { "Hair and skin care products for Black young people stocked on the unit",
    NULL, "adopted", P_LEAH, BIT (P_LEAH) | BIT (P_NADIA), "codesign", BIT (0),
    T (RACE_AND_ETHNICITY) },
  { "Youth council with a small budget for activities on the unit",
    NULL, "idea", P_LEAH, BIT (P_LEAH), "coproduction", BIT (1), T (AGE) },
  { "Family video calls in the evenings and at weekends",
    NULL, "testing", P_NADIA, BIT (P_NADIA) | BIT (P_RACHEL), "codesign", BIT (2),
    T (LOCATION) | T (SOCIOECONOMIC_STATUS) },
};

static const PdsaSpec parkview_pdsas[] = {
  { 0, "First version of the identity and culture session", "2026-10-01", "2026-10-14",
    "Try the identity and culture session with new admissions.",
    "Do young people want it? What do they tell us?",
    "Most young people will take part.",
    "Kofi offers the session in the first week, using a list of questions.",
    "Three young people took part.",
    "Leah said the questions felt like a form. Young people opened up more when Kofi shared "
    "a little of his own story first.",
    "adapt", "Rewrite the questions with two young people." },
  { 0, "Rewritten questions with the next three admissions", "2026-10-19", "2026-11-09",
    "Test the questions young people rewrote.",
    "Do young people feel listened to?",
    "All three will say they felt listened to.",
    "Kofi and Leah run the session together.",
    "Two young people took part; the third was not ready and was offered it again later.",
    "Both said they felt listened to.",
    "adapt", "Keep the new questions. Next, agree with young people what goes into the care plan." },
};

static const SessionSpec ward_sessions[] = {
  { DELDERFIELD, "2026-09-29", 14, 0, 120, "executive", FALSE,
    { BIT (D_HELEN) | BIT (D_JOANNA) | BIT (D_MARCUS), 0, 0 }, { BIT (D_SAMUEL), 0, 0 },
    "Two-minute check-in. Helen said she felt stretched after a busy month but glad of the "
    "protected time. Marcus felt grounded.",
    "Looked at three months of restrictive-practice data by ethnicity. Black patients are "
    "still more likely to be restrained than white patients on the ward. Agreed this is the "
    "focus for the next quarter. Helen asked how the board can support change led by the "
    "ward without taking it over.",
    "Keep the ethnicity breakdown on the ward's own run chart, not only in board reports. "
    "Let the ward team choose the next change ideas: the executive role is to remove "
    "barriers, such as finding protected time for huddles.",
    "Helen will sponsor protected time for the twice-daily safety huddles. Restrictive "
    "practice data by ethnicity will be reviewed every month with the lived experience "
    "partners.",
    3, 3,
    { { NULL, -1, D_HELEN, "Ask the board for protected time for twice-daily safety huddles",
        "2026-10-13", "done", "2026-10-12", NULL, NULL },
      { NULL, -1, D_JOANNA, "Share restrictive-practice data by ethnicity with the lived "
        "experience partners before the next review", "2026-10-20", "done", "2026-10-19",
        NULL, NULL } } },
  { DELDERFIELD, "2026-10-08", 10, 0, 240, "collaborative_workshop", FALSE,
    { BIT (D_JOANNA) | BIT (D_MARCUS) | BIT (D_GRACE), BIT (P_RACHEL) | BIT (P_LEAH),
      BIT (R_OWEN) | BIT (R_JAMAL) },
    { 0, BIT (P_KOFI), 0 },
    "Everyone did the two-minute check-in in pairs: \"What am I feeling in my body right "
    "now? Do I need connection, rest or support?\"",
    "Learning session for all three teams. Each team told its ward story and showed its "
    "run charts on the big screen and on A3 prints. Table discussions on co-producing "
    "change ideas with people with lived experience, and on making equity visible by "
    "tagging ideas.",
    "Tag every change idea with the equity groups it is meant to help. What is not tagged "
    "and counted stays invisible.",
    "Teams will tag their change ideas before the next workshop. Rowan View will share its "
    "easy-read care plan template with Parkview.",
    4, 4,
    { { NULL, -1, D_JOANNA, "Tag every change idea on the driver diagram with its equity focus",
        "2026-10-30", "done", "2026-10-28", NULL, NULL },
      { NULL, ROWAN_VIEW, R_OWEN, "Send Rowan View's easy-read care plan template to Parkview",
        "2026-10-22", "open", NULL, NULL, NULL },
      { NULL, PARKVIEW, P_RACHEL, "Invite Leah to co-present Parkview's ward story at the "
        "next workshop", "2026-11-27", "open", NULL, NULL, NULL } } },
  { PARKVIEW, "2026-10-15", 16, 0, 60, "frontline_delivery", TRUE,
    { 0, BIT (P_RACHEL) | BIT (P_LEAH) | BIT (P_KOFI) | BIT (P_DANIEL), 0 },
    { 0, BIT (P_NADIA), 0 },
    "Check-in. Kofi felt a bit depleted after a hard week on the unit, so the group agreed "
    "to keep the session light and focused.",
    "Reviewed the first two weeks of the identity and culture session for new admissions. "
    "Three young people have had it so far. Leah said the questions felt like a form; young "
    "people opened up more when Kofi shared a little of his own story first.",
    "Test on a small scale: rewrite the questions with two young people and try the new "
    "version with the next three admissions before changing anything else.",
    "Leah and Kofi will rewrite the questions with young people. Rachel will check whether "
    "family video calls can be booked for evenings.",
    3, 3,
    { { NULL, -1, P_LEAH, "Rewrite the identity and culture questions with two young people",
        "2026-10-29", "done", "2026-10-27", NULL, NULL },
      { "parkview-calls", -1, P_RACHEL, "Find out whether family video calls can be booked "
        "for evenings and weekends", "2026-10-29", "dropped", "2026-10-29",
        "Carried forward: still waiting to hear from IT", NULL } } },
  { ROWAN_VIEW, "2026-10-20", 13, 30, 90, "service_leadership", FALSE,
    { 0, 0, BIT (R_OWEN) | BIT (R_CHLOE) | BIT (R_JAMAL) | BIT (R_SIAN) | BIT (R_ELEANOR) },
    { 0, 0, BIT (R_MARTIN) },
    "Check-in with picture cards so that everyone could take part. Jamal said he felt calm "
    "and ready. Chloe asked for a quieter room next time.",
    "Talked about what makes ward rounds hard for autistic patients: noise, too many people "
    "and not knowing what will be asked. Jamal and Sian described what helped them. The "
    "team wants to try a short meeting before the ward round with an easy-read agenda.",
    "Keep the change idea small and specific. Decide what you will count before you start, "
    "for example how many people had an easy-read agenda before their ward round.",
    "Try an easy-read ward-round agenda for two weeks. Meet in the quiet room next time.",
    3, 2,
    { { NULL, -1, R_CHLOE, "Draft an easy-read ward-round agenda with Jamal", "2026-11-03",
        "done", "2026-11-02", NULL, NULL },
      { NULL, -1, R_OWEN, "Book the quiet room for the next coaching session", "2026-11-10",
        "done", "2026-10-21", NULL, NULL },
      { NULL, -1, R_OWEN, "Ask Martin to join the next session", "2026-11-17", "done",
        "2026-11-17", NULL, NULL } } },
  { DELDERFIELD, "2026-10-27", 14, 0, 120, "executive", FALSE,
    { BIT (D_HELEN) | BIT (D_JOANNA) | BIT (D_MARCUS) | BIT (D_SAMUEL), 0, 0 }, { 0, 0, 0 },
    "Check-in. Joanna said she felt proud of the team: the huddles have happened twice a "
    "day on most days this month.",
    "Reviewed the restrictive-practice chart: incidents have stayed below the old average "
    "since {month:2026-04-06} and the chart shows a shift. Talked about keeping the huddles "
    "going through {season:2026-12-15} staffing pressures. Reflection: \"What change would you like to make but "
    "are yet to make?\" Helen named reverse mentoring.",
    "Celebrate the shift with the whole team and with the patients who helped design the "
    "debriefs. Watch the balancing measure: make sure the huddles are not adding to staff "
    "sickness.",
    "Huddles will be protected in the {season:2026-12-15} staffing plan. Reverse mentoring will be "
    "scoped with the lived experience partners.",
    4, 4,
    { { NULL, -1, D_HELEN, "Write the huddles into the {season:2026-12-15} staffing plan", "2026-11-10",
        "open", NULL, NULL, NULL },
      { NULL, -1, D_MARCUS, "Scope reverse mentoring with the lived experience partners",
        "2026-11-24", "open", NULL, NULL, NULL },
      { NULL, -1, D_JOANNA, "Share the restrictive-practice chart at the community meeting",
        "2026-11-06", "done", "2026-11-05", NULL, NULL } } },
  { DELDERFIELD, "2026-10-28", 10, 0, 90, "frontline_delivery", FALSE,
    { BIT (D_JOANNA) | BIT (D_SAMUEL) | BIT (D_PRIYA) | BIT (D_TOMASZ) | BIT (D_MARCUS) |
      BIT (D_GRACE), 0, 0 },
    { BIT (D_YVONNE), 0, 0 },
    "Two-minute check-in. Tomasz said he felt tired after nights but wanted to be here.",
    "Reviewed last time's actions: every change idea now has its equity tags. Looked at "
    "hours of patient activity: the ward averages about 15 hours a week against the "
    "20-hour standard. The evening activity group has run three times, led by Tomasz and "
    "two patients.",
    "Plan the next PDSA cycle for the evening group: one change at a time, and predict how "
    "many hours it will add.",
    "Run the evening group four nights a week for two weeks and count the hours.",
    3, 4,
    { { "delderfield-pdsa-plan", -1, D_TOMASZ, "Write a PDSA plan for running the evening "
        "group four nights a week", "2026-11-04", "dropped", "2026-11-04",
        "Carried forward: not started because of staffing", NULL },
      { NULL, -1, D_GRACE, "Ask patients at the community meeting which evening activities "
        "they want", "2026-11-04", "done", "2026-11-03", NULL, NULL } } },
  { PARKVIEW, "2026-10-29", 16, 0, 60, "frontline_delivery", TRUE,
    { 0, BIT (P_RACHEL) | BIT (P_LEAH) | BIT (P_KOFI) | BIT (P_NADIA), 0 },
    { 0, BIT (P_DANIEL), 0 },
    "Check-in. Everyone said they felt present; Nadia joined from work on her phone.",
    "The rewritten identity and culture questions were tried with two new admissions. Both "
    "young people said they felt listened to. Nadia said families still cannot join "
    "evening meetings because calls can only be booked in office hours.",
    "You have evidence that the new questions work: keep testing with the next admissions "
    "and write down one sentence from each young person about how it felt.",
    "Carry forward the evening video calls. Keep testing the new questions.",
    4, 3,
    { { NULL, -1, P_RACHEL, "Get IT approval for family video calls in the evenings and at "
        "weekends", "2026-11-12", "open", NULL, NULL, "parkview-calls" },
      { NULL, -1, P_KOFI, "Write down one sentence of feedback from each young person after "
        "the identity session", "2026-11-26", "open", NULL, NULL, NULL } } },
  { DELDERFIELD, "2026-11-04", 10, 0, 90, "frontline_delivery", FALSE,
    { BIT (D_JOANNA) | BIT (D_PRIYA) | BIT (D_TOMASZ) | BIT (D_MARCUS) | BIT (D_GRACE) |
      BIT (D_YVONNE), 0, 0 },
    { BIT (D_SAMUEL), 0, 0 },
    "Check-in. Grace said she felt grounded. Yvonne said it was her first session back and "
    "she felt welcome.",
    "Marcus and Grace shared what patients said at the community meeting: they want "
    "cooking, music and a prayer group in the evenings. Yvonne said carers are still not "
    "always invited to CPA reviews.",
    "Ask the patients who suggested activities to help run them: that is co-production, "
    "not just consultation.",
    "Add a prayer and reflection group to the evening timetable. Check carers' invitations "
    "for every CPA review this month.",
    4, 4,
    { { NULL, -1, D_TOMASZ, "Write a PDSA plan for running the evening group four nights a "
        "week", "2026-11-11", "done", "2026-11-10", NULL, "delderfield-pdsa-plan" },
      { NULL, -1, D_PRIYA, "Set up a weekly prayer and reflection group with the chaplaincy "
        "and a patient", "2026-11-18", "done", "2026-11-18", NULL, NULL },
      { NULL, -1, D_JOANNA, "Find a cooking budget for the evening group", "2026-11-11",
        "dropped", "2026-11-11",
        "No budget this year; the community organisation will bring ingredients instead",
        NULL } } },
  { DELDERFIELD, "2026-11-11", 10, 0, 90, "frontline_delivery", FALSE,
    { BIT (D_JOANNA) | BIT (D_SAMUEL) | BIT (D_MARCUS) | BIT (D_GRACE) | BIT (D_TOMASZ), 0, 0 },
    { BIT (D_PRIYA), 0, 0 },
    "Check-in. Samuel said he felt overwhelmed by staffing this week, so the team agreed to "
    "keep the session to the essentials.",
    "Short session. The evening group ran four nights out of four. Went through the plan "
    "for the anti-racism training with Marcus, who will co-deliver it.",
    "When the ward is this stretched, protect what is working (the huddles and the evening "
    "group) and pause new tests.",
    "Pause new PDSA cycles for two weeks. Keep the huddles and the evening group going.",
    2, 3,
    { { NULL, -1, D_JOANNA, "Book dates for the first anti-racism training session "
        "co-delivered by Marcus", "2026-11-25", "open", NULL, NULL, NULL },
      { NULL, -1, D_TOMASZ, "Count the activity hours for the evening group PDSA",
        "2026-11-18", "done", "2026-11-18", NULL, NULL },
      { NULL, -1, D_SAMUEL, "Check that carers were invited to every CPA review in "
        "{month:2026-11-11}",
        "2026-11-30", "open", NULL, NULL, NULL } } },
  { PARKVIEW, "2026-11-12", 16, 0, 60, "frontline_delivery", TRUE,
    { 0, BIT (P_RACHEL) | BIT (P_KOFI) | BIT (P_LEAH) | BIT (P_DANIEL) | BIT (P_IMOGEN), 0 },
    { 0, BIT (P_NADIA), 0 },
    "Check-in. Imogen joined for the first time and said she wanted to listen.",
    "Five young people have now had the identity and culture session. Daniel suggested "
    "adding it to the care plan template. Imogen offered to help with the IT approval for "
    "evening calls.",
    "Before adding it to the template, agree with young people which parts of the session "
    "go into the care plan and which stay private.",
    "Leah will run a focus group with young people on what goes into the care plan.",
    4, 4,
    { { NULL, -1, P_LEAH, "Run a focus group with young people on what goes into the care plan",
        "2026-11-26", "open", NULL, NULL, NULL },
      { NULL, -1, P_IMOGEN, "Raise evening family video calls at the digital board",
        "2026-11-19", "open", NULL, NULL, NULL } } },
  { ROWAN_VIEW, "2026-11-17", 13, 30, 90, "service_leadership", FALSE,
    { 0, 0, BIT (R_OWEN) | BIT (R_CHLOE) | BIT (R_JAMAL) | BIT (R_SIAN) | BIT (R_MARTIN) },
    { 0, 0, BIT (R_ELEANOR) },
    "Check-in with picture cards, in the quiet room. Jamal said the room helped.",
    "Four people had the easy-read ward-round agenda; three said they knew what to expect. "
    "Martin asked what the team needs from him. The answer: time for the speech and "
    "language therapist to make more easy-read materials.",
    "Count it: note each week how many people had an easy-read agenda and plot it on a run "
    "chart.",
    "Keep the agenda going and start a weekly count. Martin will look at therapy time.",
    4, 3,
    { { NULL, -1, R_ELEANOR, "Start a weekly count of people given an easy-read ward-round "
        "agenda", "2026-11-24", "open", NULL, NULL, NULL },
      { NULL, -1, R_MARTIN, "Look at protected time for making easy-read materials",
        "2026-12-15", "open", NULL, NULL, NULL } } },
  { DELDERFIELD, "2026-11-18", 10, 0, 90, "frontline_delivery", FALSE,
    { BIT (D_JOANNA) | BIT (D_SAMUEL) | BIT (D_PRIYA) | BIT (D_MARCUS) | BIT (D_GRACE) |
      BIT (D_TOMASZ) | BIT (D_YVONNE), 0, 0 },
    { 0, 0, 0 },
    "Check-in. Priya said she felt proud: six people came to the first prayer and "
    "reflection group.",
    "Reviewed actions: the prayer and reflection group has started and carers' invitations "
    "are being checked. Activity reached 18 hours a week, the highest yet. Reflection: "
    "\"What would you like to do now, and who do you need to connect with?\" The team wants "
    "to connect with the local Black-led community organisation about evening visits.",
    "The activity chart shows a run of points above the old median: keep going, and note "
    "the evening group on the chart.",
    "Invite the community organisation to the next community meeting.",
    4, 5,
    { { NULL, -1, D_GRACE, "Invite the community organisation to the next community meeting",
        "2026-11-25", "open", NULL, NULL, NULL },
      { NULL, -1, D_TOMASZ, "Add a note about the evening group to the activity chart",
        "2026-11-20", "done", "2026-11-19", NULL, NULL } } },
};

static const FrameworkStatusSpec delderfield_framework[] = {
  { 0, "in_place", "The trust's lead peer support worker sits on the ward's steering group.",
    "Helen Carver", NULL, "2026-10-27" },
  { 1, "in_place", "Peer roles are in the workforce plan; HR guidance agreed in {month:2025-12-08}.",
    "Helen Carver", NULL, "2026-10-27" },
  { 2, "in_place", "Team session on working alongside peers held in {month:2026-01-12}, before Grace "
    "started.", "Joanna Whitlock", NULL, "2026-10-28" },
  { 3, "in_progress", "Grace is sometimes asked to cover healthcare assistant tasks when the "
    "ward is short; raised in supervision and at the staffing meeting.", "Joanna Whitlock",
    "2026-12-31", "2026-11-18" },
  { 4, "in_place", "Interview panel chaired by Marcus.", "Marcus Bell", NULL, "2026-10-28" },
  { 5, "in_place", "Questions and scoring written with the peer network.", "Marcus Bell", NULL,
    "2026-10-28" },
  { 6, "in_progress", "Role description being rewritten with Grace.", "Grace Mensah",
    "2026-12-15", "2026-11-18" },
  { 9, "in_progress", "Foundation training done; CPD budget agreed but not yet used.",
    "Joanna Whitlock", "2027-01-31", "2026-11-04" },
  { 11, "in_place", "Monthly 1:1 with the trust's peer supervisor and monthly group "
    "supervision with peers from other wards.", "Grace Mensah", NULL, "2026-11-04" },
  { 13, "planning", "First meeting with a local Black-led community organisation being "
    "arranged.", "Helen Carver", "2026-12-31", "2026-11-18" },
  { 19, "in_progress", "The role is Band 3; a banding review has been asked for, as the remit "
    "matches Band 4.", "Helen Carver", "2027-03-31", "2026-10-27" },
  { 29, "in_place", "Foundation training in the first month.", NULL, NULL, "2026-11-04" },
  { 30, "in_place", "Monthly, with peers from three wards.", NULL, NULL, "2026-11-04" },
  { 31, "in_place", "Monthly, with the trust's peer supervisor.", NULL, NULL, "2026-11-04" },
  { 32, "in_progress", "A lead peer support worker post is being recruited.", "Helen Carver",
    "2027-02-28", "2026-10-27" },
  { 33, "not_started", NULL, NULL, NULL, NULL },
  { 34, "in_place", "Role description, induction pack and peer values guide.", NULL, NULL,
    "2026-11-04" },
  { 35, "planning", "CPD plan to be agreed at the next appraisal.", "Joanna Whitlock",
    "2027-01-31", "2026-11-04" },
};

static const FrameworkStatusSpec parkview_framework[] = {
  { 0, "in_progress", "Peer leadership comes from the adult service for now.", "Imogen Hale",
    "2027-03-31", "2026-11-12" },
  { 2, "in_place", "Whole-team session before Kofi started, with Leah.", "Rachel Oduya", NULL,
    "2026-10-15" },
  { 4, "in_place", "Young people's panel took part in Kofi's interview.", "Leah Marsh", NULL,
    "2026-10-15" },
  { 9, "in_progress", "Foundation training done; training on working with young people "
    "booked.", "Rachel Oduya", "2027-01-31", "2026-11-12" },
  { 11, "in_progress", "Supervision is from the adult service; a supervisor who knows young "
    "people's services is being found.", "Imogen Hale", "2027-01-31", "2026-11-12" },
  { 14, "planning", "Talking to a youth organisation about culturally appropriate peer support.",
    "Kofi Asante", "2027-03-31", "2026-11-12" },
  { 30, "not_started", NULL, NULL, NULL, NULL },
  { 31, "in_place", "Monthly 1:1 peer supervision.", NULL, NULL, "2026-11-12" },
};

static const char * const supervision_notes[] = {
  "Went through the month's work and set goals for next month.",
  "Talked about keeping to the peer role when the ward is short of staff.",
  "Planned how to offer debriefs in a way that keeps to peer values.",
  "Reflected on co-chairing the community meeting.",
  "Talked about the banding review and where the role could lead.",
  "Shared ideas for the evening activity group.",
  "Looked at how to say no to tasks outside the role, kindly.",
  "Talked about what to share of one's own story, and when.",
};

static const char * const group_supervision_notes[] = {
  "Group supervision with peer workers from three wards: ideas for community meetings.",
  "Group supervision: what makes a ward round feel safe to speak in.",
  "Group supervision: sharing resources in other languages.",
  "Group supervision: looking after ourselves over winter.",
};

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
  const char *name;
  const char *kind;
  const char *definition;
  const char *unit;
  const char *direction;
  double      target;       /* NAN for none */
  const char *chart_type;
  double      multiply;
  double      baseline;     /* mean before the change (a rate for p charts) */
  double      improved;     /* mean after it */
  double      spread;       /* standard deviation (ignored for counts and p charts) */
  double      denominator;  /* typical denominator for p charts, 0 for none */
} MeasureTemplate;

static const MeasureTemplate national_measures[NATIONAL_MEASURES_EACH] = {
  { "Restrictive practice incidents", "outcome",
    "Incidents of physical restraint, seclusion or rapid tranquilisation recorded on Datix "
    "in the week (Monday to Sunday).", "incidents", "decrease", NAN, "c", 1, 8, 5, 0, 0 },
  { "Prone restraint", "outcome",
    "Incidents of restraint in the prone (face-down) position recorded in the week.",
    "incidents", "decrease", 0, "c", 1, 1.2, 0.6, 0, 0 },
  { "Seclusion episodes", "outcome",
    "Episodes of supervised confinement and isolation away from other patients that began "
    "in the week.", "episodes", "decrease", NAN, "c", 1, 2.5, 1.6, 0, 0 },
  { "Patients with a co-produced care plan", "process",
    "Patients on the ward on Monday whose care plan was written with them (and their carer, "
    "if they wished), out of all patients on the ward.", "%", "increase", 90, "p", 100,
    0.5, 0.75, 0, 18 },
  { "Hours of patient activity", "process",
    "Average hours of meaningful activity per patient in the week, from the activity "
    "register. Standard: 20 hours a week.", "hours per patient", "increase", 20, "run", 1,
    13, 16.5, 1.5, 0 },
  { "Hours of therapy", "process",
    "Average hours of psychological or occupational therapy per patient in the week. "
    "Standard: 5 hours a week.", "hours per patient", "increase", 5, "run", 1,
    3.2, 4.1, 0.5, 0 },
  { "Bank and agency shifts", "balancing",
    "Nursing shifts filled by bank or agency staff as a percentage of all nursing shifts in "
    "the week.", "%", "decrease", NAN, "i", 1, 24, 20, 4, 0 },
  { "Patient experience score", "outcome",
    "Average score (0 to 10) for \"I felt listened to\" in the weekly patient experience "
    "survey (PREM).", "score", "increase", 8, "i", 1, 6.1, 7.0, 0.6, 0 },
  { "Staff sickness", "balancing",
    "Hours lost to sickness absence as a percentage of contracted hours for the ward's "
    "nursing team in the week.", "%", "decrease", NAN, "i", 1, 5.5, 5.2, 0.9, 0 },
  { "Average length of stay of discharged patients", "balancing",
    "Average length of stay, in days, of the patients discharged in the week.", "days",
    "neutral", NAN, "run", 1, 38, 36, 6, 0 },
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
static guint32
sample_day (Sample     *s,
            const char *iso)
{
  return (guint32) (julian_day (iso) + s->shift);
}

static void
format_date (guint32  julian,
             char     out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* The same, as text that lasts as long as the sample is being made. */
static const char *
sample_date (Sample     *s,
             const char *iso)
{
  char moved[11];

  if (iso == NULL)
    return NULL;
  format_date (sample_day (s, iso), moved);
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
      g_date_set_julian (&date, sample_day (s, iso));
      g_string_append (out, (g_str_equal (kind, "month") ? months : seasons)
                            [g_date_get_month (&date) - 1]);
      rest = open + used;
    }
  g_string_append (out, rest);
  return g_string_chunk_insert_const (s->words, out->str);
}

static char *
sample_insert (Sample            *s,
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
static void
format_time (Sample   *s,
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

static int
random_int (Sample *s,
            int     low,
            int     high)
{
  return g_rand_int_range (s->rand, low, high + 1);
}

static gboolean
random_chance (Sample *s,
               double  p)
{
  return g_rand_double (s->rand) < p;
}

static const char *
random_pick (Sample             *s,
             const char * const *strings,
             guint               n)
{
  return strings[g_rand_int_range (s->rand, 0, n)];
}

#define PICK(s, array) random_pick ((s), (array), G_N_ELEMENTS (array))

static double
random_normal (Sample *s,
               double  mean,
               double  sd)
{
  double u1 = 1.0 - g_rand_double (s->rand);
  double u2 = g_rand_double (s->rand);

  return mean + sd * sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static double
random_poisson (Sample *s,
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

static double
random_binomial (Sample *s,
                 int     n,
                 double  p)
{
  int k = 0;

  for (int i = 0; i < n; i++)
    if (g_rand_double (s->rand) < p)
      k++;
  return k;
}

static double
round_to (double value,
          double step)
{
  return round (value / step) * step;
}

/* ------------------------------------------------------------------------ */
/* Building blocks                                                           */

static char *
add_team (Sample     *s,
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

static char *
add_person (Sample     *s,
            const char *team,
            const char *name,
            const char *role,
            double      position)
{
  return INSERT (s, "person",
                 { "team_id", TEXT (team) },
                 { "name", TEXT (name) },
                 { "role", TEXT (role) },
                 { "brings_lived_experience", INT (role_brings_lived_experience (role)) },
                 { "position", REAL (position) });
}

static void
add_link (Sample     *s,
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

static void
add_tags (Sample     *s,
          const char *node,
          guint       tags)
{
  for (guint t = 0; t < TANDEM_N_EQUITY_TAGS; t++)
    if ((tags & BIT (t)) && s->tags[t] != NULL)
      ADD (s, "node_tag", { "node_id", TEXT (node) }, { "tag_id", TEXT (s->tags[t]) });
}

static void
add_coproducers (Sample     *s,
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
static char *
add_mha_diagram (Sample     *s,
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
                { "aim_by_when", TEXT (sample_date (s, "2027-03-31")) });

  for (guint i = 0; i < 4; i++)
    {
      primaries[i] = INSERT (s, "node",
                             { "diagram_id", TEXT (diagram) },
                             { "kind", TEXT ("primary") },
                             { "title", TEXT (mha_primaries[i]) },
                             { "group_id", TEXT (groups[i / 2]) },
                             { "position", REAL (i) });
      add_link (s, diagram, aim, primaries[i], i);
    }

  g_free (groups[0]);
  g_free (groups[1]);
  return diagram;
}

static GPtrArray *
add_secondaries (Sample              *s,
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
          add_link (s, diagram, primaries[p], id, children[p]++);
      g_ptr_array_add (ids, id);
    }
  return ids;
}

static GPtrArray *
add_ideas (Sample         *s,
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
          add_link (s, diagram, secondaries->pdata[k], id, children[k]++);
      add_coproducers (s, id, people, specs[i].coproducers);
      add_tags (s, id, specs[i].tags);
      g_ptr_array_add (ids, id);
    }
  return ids;
}

static GPtrArray *
add_pdsas (Sample         *s,
           GPtrArray      *ideas,
           const PdsaSpec *specs,
           guint           n_specs)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_specs; i++)
    g_ptr_array_add (ids, INSERT (s, "pdsa_cycle",
                                  { "node_id", TEXT (ideas->pdata[specs[i].idea]) },
                                  { "title", TEXT (specs[i].title) },
                                  { "started_on", TEXT (sample_date (s, specs[i].started_on)) },
                                  { "ended_on", TEXT (sample_date (s, specs[i].ended_on)) },
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

static char *
add_measure (Sample     *s,
             const char *team,
             const char *name,
             const char *kind,
             const char *definition,
             const char *unit,
             const char *direction,
             double      target,
             const char *chart_type,
             double      multiply,
             double      position)
{
  gboolean run = g_str_equal (chart_type, "run");

  return INSERT (s, "measure",
                 { "team_id", TEXT (team) },
                 { "name", TEXT (name) },
                 { "kind", TEXT (kind) },
                 { "definition", TEXT (definition) },
                 { "unit", TEXT (unit) },
                 { "direction", TEXT (direction) },
                 { "target", isnan (target) ? tandem_value_null () : REAL (target) },
                 { "frequency", TEXT ("weekly") },
                 { "chart_type", TEXT (chart_type) },
                 { "rules", TEXT (run ? "ihi" : "mdc") },
                 { "multiply", REAL (multiply) },
                 { "position", REAL (position) });
}

static void
add_point (Sample     *s,
           const char *measure,
           guint32     julian,
           double      value,
           double      denominator)
{
  char date[11];

  format_date (julian, date);
  ADD (s, "data_point",
       { "measure_id", TEXT (measure) },
       { "date", TEXT (date) },
       { "value", REAL (value) },
       { "denominator", denominator > 0 ? REAL (denominator) : tandem_value_null () });
}

static void
add_measure_link (Sample     *s,
                  const char *measure,
                  const char *node)
{
  ADD (s, "measure_link", { "measure_id", TEXT (measure) }, { "node_id", TEXT (node) });
}

static void
add_annotation (Sample     *s,
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

static void
add_attendance (Sample     *s,
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

static char *
add_action (Sample     *s,
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

static void
add_supervision (Sample     *s,
                 const char *role,
                 guint32     julian,
                 const char *kind,
                 const char *note)
{
  char date[11];

  format_date (julian, date);
  ADD (s, "supervision",
       { "role_id", TEXT (role) },
       { "date", TEXT (date) },
       { "kind", TEXT (kind) },
       { "note", TEXT (note) });
}

static void
add_framework_status (Sample                    *s,
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
           { "target_date", TEXT (sample_date (s, specs[i].target_date)) },
           { "last_reviewed", TEXT (sample_date (s, specs[i].last_reviewed)) });
    }
}

/* ------------------------------------------------------------------------ */
/* The ward sample                                                           */

/* Four measures for Delderfield Ward. Restrictive practice really shifts down
 * once the twice-daily huddles start: the phase and the notes on the chart
 * mark it. */
static void
add_delderfield_measures (Sample     *s,
                          const char *team,
                          GPtrArray  *ideas,
                          GPtrArray  *pdsas)
{
  g_autofree char *restrictive = NULL;
  g_autofree char *care_plans = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *sickness = NULL;
  guint32 last = sample_day (s, LAST_MONDAY);
  guint32 huddle_pilot = sample_day (s, "2026-03-02");
  guint32 huddles = sample_day (s, "2026-03-30");
  guint32 about_me = sample_day (s, "2026-05-04");
  guint32 evening = sample_day (s, "2026-10-12");

  restrictive = add_measure (s, team, "Restrictive practice incidents", "outcome",
                             "Incidents of physical restraint, seclusion or rapid "
                             "tranquilisation recorded on Datix in the week (Monday to "
                             "Sunday). Physical restraint is any direct physical contact meant "
                             "to prevent, restrict or subdue movement; seclusion is supervised "
                             "confinement and isolation away from other patients; rapid "
                             "tranquilisation is medication by the parenteral route.",
                             "incidents", "decrease", NAN, "c", 1, 0);
  for (guint w = 0; w < 52; w++)
    {
      guint32 day = last - 7 * (51 - w);
      double lambda = day < huddle_pilot ? 9.5 : day < huddles ? 8.0 : 4.5;

      add_point (s, restrictive, day, random_poisson (s, lambda), 0);
    }
  ADD (s, "phase",
       { "measure_id", TEXT (restrictive) },
       { "starts_on", TEXT (sample_date (s, "2026-03-30")) },
       { "label", TEXT ("Twice-daily safety huddles") });
  add_annotation (s, restrictive, sample_date (s, "2026-03-02"), "Safety huddle on the early shift (PDSA 1)",
                  ideas->pdata[IDEA_HUDDLE], pdsas->pdata[0]);
  add_annotation (s, restrictive, sample_date (s, "2026-03-30"), "Huddles twice a day, with night staff (PDSA 2)",
                  ideas->pdata[IDEA_HUDDLE], pdsas->pdata[1]);
  add_annotation (s, restrictive, sample_date (s, "2026-05-11"), "Debriefs by the peer support worker begin",
                  ideas->pdata[IDEA_DEBRIEF], NULL);
  add_measure_link (s, restrictive, ideas->pdata[IDEA_HUDDLE]);
  add_measure_link (s, restrictive, ideas->pdata[IDEA_DEBRIEF]);
  add_measure_link (s, restrictive, ideas->pdata[IDEA_RP_REVIEW]);

  care_plans = add_measure (s, team, "Patients with a co-produced care plan", "process",
                            "Patients on the ward on Monday whose care plan was written with "
                            "them (and their carer, if they wished), out of all patients on "
                            "the ward on Monday. From the weekly care plan audit, done with a "
                            "lived experience partner.",
                            "%", "increase", 90, "p", 100, 1);
  for (guint w = 0; w < 40; w++)
    {
      guint32 day = last - 7 * (39 - w);
      int patients = random_int (s, 16, 20);
      double p = day < about_me ? 0.45 : 0.78;

      add_point (s, care_plans, day, random_binomial (s, patients, p), patients);
    }
  add_annotation (s, care_plans, sample_date (s, "2026-05-04"), "\"About me\" profiles adopted",
                  ideas->pdata[IDEA_ABOUT_ME], NULL);
  add_measure_link (s, care_plans, ideas->pdata[IDEA_ABOUT_ME]);
  add_measure_link (s, care_plans, ideas->pdata[IDEA_WHAT_MATTERS]);

  activity = add_measure (s, team, "Hours of patient activity", "process",
                          "Average hours of meaningful activity per patient in the week "
                          "(Monday to Sunday): groups, occupational therapy, education, "
                          "exercise, leave with a purpose and evening activities, from the "
                          "activity register. The standard is 20 hours a week.",
                          "hours per patient", "increase", 20, "run", 1, 2);
  for (guint w = 0; w < 52; w++)
    {
      guint32 day = last - 7 * (51 - w);
      double hours = day < evening ? random_normal (s, 13.8, 1.2) : random_normal (s, 17.2, 0.8);

      add_point (s, activity, day, round_to (hours, 0.1), 0);
    }
  add_annotation (s, activity, sample_date (s, "2026-10-12"), "Evening activity group starts",
                  ideas->pdata[IDEA_EVENING_GROUP], NULL);
  add_annotation (s, activity, sample_date (s, "2026-11-09"), "Evening group four nights a week (PDSA)",
                  ideas->pdata[IDEA_EVENING_GROUP], pdsas->pdata[4]);
  add_measure_link (s, activity, ideas->pdata[IDEA_EVENING_GROUP]);

  sickness = add_measure (s, team, "Staff sickness", "balancing",
                          "Hours lost to sickness absence as a percentage of contracted hours "
                          "for the ward's nursing team in the week, from the e-rostering "
                          "system. A balancing measure: the huddles must not add to pressure "
                          "on staff.",
                          "%", "decrease", NAN, "i", 1, 3);
  for (guint w = 0; w < 36; w++)
    {
      guint32 day = last - 7 * (35 - w);

      double percent = random_normal (s, 5.2, 0.9);

      add_point (s, sickness, day, round_to (MAX (0.5, percent), 0.1), 0);
    }
  add_measure_link (s, sickness, ideas->pdata[IDEA_HUDDLE]);
}

static GPtrArray *
add_ward_sessions (Sample    *s,
                   GPtrArray *team_ids,
                   GPtrArray *people[N_WARD_TEAMS])
{
  g_autoptr(GHashTable) keyed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (ward_sessions); i++)
    {
      const SessionSpec *spec = &ward_sessions[i];
      char starts_at[24];
      char *session;

      format_time (s, sample_day (s, spec->date), spec->hour, spec->minute, starts_at);
      session = INSERT (s, "coaching_session",
                        { "team_id", TEXT (team_ids->pdata[spec->team]) },
                        { "starts_at", TEXT (starts_at) },
                        { "minutes", INT (spec->minutes) },
                        { "kind", TEXT (spec->kind) },
                        { "online", INT (spec->online) },
                        { "coach", TEXT (COACH) },
                        { "check_in", TEXT (spec->check_in) },
                        { "notes", TEXT (spec->notes) },
                        { "advice", TEXT (spec->advice) },
                        { "agreements", TEXT (spec->agreements) },
                        { "confidence", INT (spec->confidence) },
                        { "momentum", INT (spec->momentum) });

      for (guint t = 0; t < N_WARD_TEAMS; t++)
        for (guint p = 0; p < people[t]->len; p++)
          if ((spec->present[t] | spec->apologies[t]) & BIT (p))
            add_attendance (s, session, people[t]->pdata[p], ward_teams[t].people[p].title,
                            (spec->present[t] & BIT (p)) != 0);

      for (guint a = 0; a < G_N_ELEMENTS (spec->actions) && spec->actions[a].what; a++)
        {
          const ActionSpec *action = &spec->actions[a];
          int team = action->team >= 0 ? action->team : spec->team;
          const char *carried = action->carried_from
                                ? g_hash_table_lookup (keyed, action->carried_from) : NULL;
          char *id = add_action (s, team_ids->pdata[team], session, action->what,
                                 people[team]->pdata[action->owner],
                                 sample_date (s, action->due_on), action->status,
                                 sample_date (s, action->closed_on), action->reason, carried);

          if (action->key != NULL && id != NULL)
            g_hash_table_insert (keyed, (gpointer) action->key, id);
          else
            g_free (id);
        }
      g_ptr_array_add (sessions, session);
    }
  return sessions;
}

static void
add_peer_roles (Sample     *s,
                const char *delderfield,
                const char *parkview)
{
  g_autofree char *grace = NULL;
  g_autofree char *kofi = NULL;
  guint note = 0;

  grace = INSERT (s, "peer_role",
                  { "team_id", TEXT (delderfield) },
                  { "title", TEXT ("Peer support worker") },
                  { "band", TEXT ("Band 3") },
                  { "hours", REAL (37.5) },
                  { "start_date", TEXT (sample_date (s, "2026-01-19")) },
                  { "paired", INT (0) },
                  { "vacancy", INT (0) },
                  { "expected_supervision_per_month", REAL (2) });
  add_supervision (s, grace, sample_day (s, "2026-01-19"), "training",
                   "Peer support foundation training, first week.");
  for (guint month = 2; month <= 11; month++)
    {
      char first[11];

      g_snprintf (first, sizeof first, "2026-%02u-03", month);
      add_supervision (s, grace, sample_day (s, first), "one_to_one",
                       supervision_notes[note++ % G_N_ELEMENTS (supervision_notes)]);
      if (month >= 3)
        add_supervision (s, grace, sample_day (s, first) + 14, "group",
                         group_supervision_notes[month % G_N_ELEMENTS (group_supervision_notes)]);
    }
  add_supervision (s, grace, sample_day (s, "2026-05-12"), "debrief",
                   "Team debrief at the end of a hard shift: what went well and what support "
                   "is needed.");

  kofi = INSERT (s, "peer_role",
                 { "team_id", TEXT (parkview) },
                 { "title", TEXT ("Peer support worker (young people's services)") },
                 { "band", TEXT ("Band 4") },
                 { "hours", REAL (22.5) },
                 { "start_date", TEXT (sample_date (s, "2026-05-11")) },
                 { "paired", INT (1) },
                 { "vacancy", INT (0) },
                 { "expected_supervision_per_month", REAL (2) });
  add_supervision (s, kofi, sample_day (s, "2026-05-11"), "training",
                   "Peer support foundation training.");
  for (guint month = 6; month <= 11; month++)
    {
      char first[11];

      g_snprintf (first, sizeof first, "2026-%02u-10", month);
      add_supervision (s, kofi, sample_day (s, first), "one_to_one",
                       supervision_notes[note++ % G_N_ELEMENTS (supervision_notes)]);
    }
}

static void
populate_ward (Sample *s)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) secondaries = NULL;
  g_autoptr(GPtrArray) ideas = NULL;
  g_autoptr(GPtrArray) pdsas = NULL;
  g_autoptr(GPtrArray) park_secondaries = NULL;
  g_autoptr(GPtrArray) park_ideas = NULL;
  g_autoptr(GPtrArray) park_pdsas = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *park_diagram = NULL;
  g_autofree char *park_aim = NULL;
  char *primaries[4] = { NULL, };
  char *park_primaries[2] = { NULL, };
  guint primary_children[4] = { 0, };
  guint park_children[2] = { 0, };
  GPtrArray *people[N_WARD_TEAMS];

  for (guint t = 0; t < N_WARD_TEAMS; t++)
    {
      g_ptr_array_add (teams, add_team (s, ward_teams[t].name, ward_trust,
                                        ward_teams[t].service_type, t));
      people[t] = g_ptr_array_new_with_free_func (g_free);
      for (guint p = 0; p < G_N_ELEMENTS (ward_teams[t].people) &&
                        ward_teams[t].people[p].name; p++)
        g_ptr_array_add (people[t], add_person (s, teams->pdata[t],
                                                ward_teams[t].people[p].name,
                                                ward_teams[t].people[p].role, p));
    }

  /* Delderfield Ward: the Mental Health Act programme's diagram, worked through. */
  diagram = add_mha_diagram (s, teams->pdata[DELDERFIELD], "Delderfield Ward", primaries);
  secondaries = add_secondaries (s, diagram, primaries, 4, delderfield_secondaries,
                                 G_N_ELEMENTS (delderfield_secondaries), primary_children);
  ideas = add_ideas (s, diagram, secondaries, people[DELDERFIELD], delderfield_ideas,
                     G_N_ELEMENTS (delderfield_ideas));
  pdsas = add_pdsas (s, ideas, delderfield_pdsas, G_N_ELEMENTS (delderfield_pdsas));
  add_delderfield_measures (s, teams->pdata[DELDERFIELD], ideas, pdsas);

  /* Parkview GAU: a smaller diagram of its own. */
  park_diagram = INSERT (s, "diagram",
                         { "team_id", TEXT (teams->pdata[PARKVIEW]) },
                         { "name", TEXT ("Identity, culture and family") },
                         { "position", REAL (0) });
  park_aim = INSERT (s, "node",
                     { "diagram_id", TEXT (park_diagram) },
                     { "kind", TEXT ("aim") },
                     { "title", TEXT ("Young people on Parkview GAU, and their families, say "
                                      "that their culture, faith and identity are understood "
                                      "and respected in their care.") },
                     { "position", REAL (0) },
                     { "aim_what", TEXT ("Young people and families feel their culture, faith "
                                         "and identity are understood and respected") },
                     { "aim_who", TEXT ("Young people on Parkview GAU and their families") },
                     { "aim_how_much", TEXT ("8 in 10 answer \"yes, always\" in the monthly "
                                             "feedback survey") },
                     { "aim_by_when", TEXT (sample_date (s, "2027-06-30")) });
  for (guint i = 0; i < G_N_ELEMENTS (parkview_primaries); i++)
    {
      park_primaries[i] = INSERT (s, "node",
                                  { "diagram_id", TEXT (park_diagram) },
                                  { "kind", TEXT ("primary") },
                                  { "title", TEXT (parkview_primaries[i]) },
                                  { "position", REAL (i) });
      add_link (s, park_diagram, park_aim, park_primaries[i], i);
    }
  park_secondaries = add_secondaries (s, park_diagram, park_primaries, 2, parkview_secondaries,
                                      G_N_ELEMENTS (parkview_secondaries), park_children);
  park_ideas = add_ideas (s, park_diagram, park_secondaries, people[PARKVIEW], parkview_ideas,
                          G_N_ELEMENTS (parkview_ideas));
  park_pdsas = add_pdsas (s, park_ideas, parkview_pdsas, G_N_ELEMENTS (parkview_pdsas));

  /* Coaching, with a few sessions tied to what they discussed. */
  sessions = add_ward_sessions (s, teams, people);
  if (s->error == NULL)
    {
      g_autoptr(GPtrArray) measures = tandem_project_list_ids (s->project, "measure", "team_id",
                                                               teams->pdata[DELDERFIELD],
                                                               "position");

      ADD (s, "session_link",
           { "session_id", TEXT (sessions->pdata[4]) },
           { "node_id", TEXT (ideas->pdata[IDEA_HUDDLE]) },
           { "measure_id", TEXT (measures->len > 0 ? measures->pdata[0] : NULL) });
      ADD (s, "session_link",
           { "session_id", TEXT (sessions->pdata[5]) },
           { "measure_id", TEXT (measures->len > 2 ? measures->pdata[2] : NULL) });
      ADD (s, "session_link",
           { "session_id", TEXT (sessions->pdata[2]) },
           { "node_id", TEXT (park_ideas->pdata[0]) },
           { "pdsa_id", TEXT (park_pdsas->pdata[0]) });
      ADD (s, "session_link",
           { "session_id", TEXT (sessions->pdata[11]) },
           { "pdsa_id", TEXT (pdsas->pdata[4]) });
    }

  /* The peer-support tracker, partly filled in. */
  add_framework_status (s, teams->pdata[DELDERFIELD], delderfield_framework,
                        G_N_ELEMENTS (delderfield_framework));
  add_framework_status (s, teams->pdata[PARKVIEW], parkview_framework,
                        G_N_ELEMENTS (parkview_framework));
  add_peer_roles (s, teams->pdata[DELDERFIELD], teams->pdata[PARKVIEW]);

  for (guint i = 0; i < 4; i++)
    g_free (primaries[i]);
  for (guint i = 0; i < 2; i++)
    g_free (park_primaries[i]);
  for (guint t = 0; t < N_WARD_TEAMS; t++)
    g_ptr_array_unref (people[t]);
}

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
  guint n_chosen = G_N_ELEMENTS (delderfield_secondaries) + G_N_ELEMENTS (more_secondaries);
  guint chosen[G_N_ELEMENTS (delderfield_secondaries) + G_N_ELEMENTS (more_secondaries)];

  diagram = add_mha_diagram (s, team, ward, primaries);

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
      spec = chosen[i] < G_N_ELEMENTS (delderfield_secondaries)
             ? &delderfield_secondaries[chosen[i]]
             : &more_secondaries[chosen[i] - G_N_ELEMENTS (delderfield_secondaries)];
      id = INSERT (s, "node",
                   { "diagram_id", TEXT (diagram) },
                   { "kind", TEXT ("secondary") },
                   { "title", TEXT (spec->title) },
                   { "position", REAL (i) });
      for (guint p = 0; p < 4; p++)
        if (spec->primaries & BIT (p))
          add_link (s, diagram, primaries[p], id, primary_children[p]++);
      g_ptr_array_add (secondaries, id);
    }

  for (guint i = 0; i < n_ideas; i++)
    {
      /* Exactly the programme's number of race-equity ideas, spread at random
       * (selection sampling: each idea is picked with the chance that keeps
       * the total exact). */
      gboolean race = g_rand_int_range (s->rand, 0, *ideas_left) < (gint32) *race_left;
      const char *title = race ? PICK (s, race_idea_titles) : PICK (s, general_idea_titles);
      guint links = random_chance (s, 0.3) ? random_subset (s, 8, 2) : random_subset (s, 8, 1);
      guint coproducers = random_subset (s, NATIONAL_PEOPLE_EACH, random_int (s, 0, 2));
      guint tags = 0;
      const char *status = random_status (s);
      const char *proposed_by = people->pdata[random_int (s, 0, people->len - 1)];
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
          add_link (s, diagram, secondaries->pdata[k], id, secondary_children[k]++);
      add_coproducers (s, id, people, coproducers);
      add_tags (s, id, tags);

      if (g_str_equal (status, "testing") && random_chance (s, 0.3))
        {
          char started[11];

          format_date (sample_day (s, LAST_MONDAY) - random_int (s, 7, 120), started);
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
  guint32 today = sample_day (s, TODAY);
  guint32 first = sample_day (s, LAST_MONDAY) - 7 * (NATIONAL_SESSIONS_EACH - 1) + team_index % 5;
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
      gboolean online = random_chance (s, 0.3);
      const char *check_in = PICK (s, session_check_ins);
      const char *notes = PICK (s, session_notes);
      const char *advice = PICK (s, session_advice);
      const char *agreements = PICK (s, session_agreements);
      int confidence = random_int (s, 2, 5);
      int momentum = random_int (s, 2, 5);
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

      format_time (s, day, hour, 0, starts_at);
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

      attendees = random_subset (s, NATIONAL_PEOPLE_EACH, random_int (s, 4, 7));
      if (g_str_equal (kind, "executive"))
        attendees |= BIT (0) | BIT (1);
      for (guint p = 0; p < NATIONAL_PEOPLE_EACH; p++)
        {
          gboolean present = random_chance (s, 0.85);

          if (attendees & BIT (p))
            add_attendance (s, session, people->pdata[p], national_people[p].title, present);
        }

      /* Sessions come in pairs whose actions add up to eight. */
      if (w % 2 == 0)
        swing = random_int (s, -2, 2);
      n_actions = NATIONAL_ACTIONS_EACH + (w % 2 == 0 ? swing : -swing);

      for (int a = 0; a < n_actions; a++)
        {
          guint32 due = day + (random_chance (s, 0.5) ? 7 : 14);
          guint32 closed = due + random_int (s, -3, 3);
          const char *what = PICK (s, action_whats);
          const char *owner = people->pdata[random_int (s, 0, NATIONAL_PEOPLE_EACH - 1)];
          const char *reason = PICK (s, dropped_reasons);
          double r = g_rand_double (s->rand);
          const char *status = "open";
          char due_on[11], closed_on[11];
          g_autofree char *carried_from = NULL;
          g_autofree char *id = NULL;

          format_date (due, due_on);
          format_date (MIN (closed, today), closed_on);
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
          id = add_action (s, team, session, what, owner, due_on, status,
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
  guint32 first = sample_day (s, LAST_MONDAY) - 7 * (NATIONAL_POINTS_EACH - 1);

  for (guint m = 0; m < NATIONAL_MEASURES_EACH; m++)
    {
      const MeasureTemplate *tmpl = &national_measures[m];
      gboolean shifts = random_chance (s, 0.5);
      guint change_week = random_int (s, 40, 80);
      g_autofree char *measure = NULL;

      measure = add_measure (s, team, tmpl->name, tmpl->kind, tmpl->definition, tmpl->unit,
                             tmpl->direction, tmpl->target, tmpl->chart_type, tmpl->multiply, m);
      for (guint w = 0; w < NATIONAL_POINTS_EACH; w++)
        {
          double mean = shifts && w >= change_week ? tmpl->improved : tmpl->baseline;
          double value, denominator = 0;

          if (tmpl->denominator > 0)
            {
              denominator = random_int (s, (int) tmpl->denominator - 3,
                                        (int) tmpl->denominator + 2);
              value = random_binomial (s, (int) denominator, mean);
            }
          else if (g_str_equal (tmpl->chart_type, "c"))
            value = random_poisson (s, mean);
          else
            {
              value = random_normal (s, mean, tmpl->spread);
              value = round_to (MAX (0, value), 0.1);
            }
          add_point (s, measure, first + 7 * w, value, denominator);
        }

      if (shifts && ideas->len > 0)
        {
          const char *idea = ideas->pdata[random_int (s, 0, ideas->len - 1)];
          char date[11];

          format_date (first + 7 * change_week, date);
          ADD (s, "phase",
               { "measure_id", TEXT (measure) },
               { "starts_on", TEXT (date) },
               { "label", TEXT ("After the change") });
          add_annotation (s, measure, date, "Change introduced", idea, NULL);
          add_measure_link (s, measure, idea);
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
  guint32 today = sample_day (s, TODAY);
  g_autofree char *role = NULL;
  const char *band;
  double hours;
  gboolean paired;
  char start[11];

  for (guint i = 0; i < s->framework_items->len; i++)
    {
      if (random_chance (s, 0.4))
        continue;
      ADD (s, "framework_status",
           { "team_id", TEXT (team) },
           { "item_id", TEXT (s->framework_items->pdata[i]) },
           { "status", TEXT (PICK (s, statuses)) });
    }

  format_date (today - random_int (s, 60, 600), start);
  band = random_chance (s, 0.5) ? "Band 3" : "Band 4";
  hours = random_chance (s, 0.5) ? 37.5 : 22.5;
  paired = random_chance (s, 0.4);
  role = INSERT (s, "peer_role",
                 { "team_id", TEXT (team) },
                 { "title", TEXT ("Peer support worker") },
                 { "band", TEXT (band) },
                 { "hours", REAL (hours) },
                 { "start_date", TEXT (start) },
                 { "paired", INT (paired) },
                 { "expected_supervision_per_month", REAL (2) });
  for (guint m = 0; m < 10; m++)
    add_supervision (s, role, today - 30 * (m + 1), m % 2 ? "group" : "one_to_one",
                     m % 2 ? PICK (s, group_supervision_notes) : PICK (s, supervision_notes));
}

static void
populate_national (Sample *s)
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

      team = add_team (s, ward, national_trusts[t % G_N_ELEMENTS (national_trusts)],
                       service_type, t);
      for (guint p = 0; p < NATIONAL_PEOPLE_EACH; p++)
        {
          const char *first = PICK (s, first_names);
          const char *last = PICK (s, last_names);
          g_autofree char *name = g_strdup_printf ("%s %s", first, last);

          g_ptr_array_add (people, add_person (s, team, name, national_people[p].role, p));
        }

      add_national_diagram (s, team, ward, people, shares[t], &race_left, &ideas_left, ideas);
      add_national_sessions (s, team, t, people);
      add_national_measures (s, team, ideas);
      add_national_peer_support (s, team);
    }

  g_assert (s->error != NULL || (race_left == 0 && ideas_left == 0));
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

  s.project = project;
  s.shift = weeks_since_written () * 7;
  s.words = g_string_chunk_new (4096);
  s.rand = g_rand_new_with_seed (SAMPLE_SEED);
  s.london = g_time_zone_new_identifier ("Europe/London");
  if (s.london == NULL)
    s.london = g_time_zone_new_utc ();
  for (guint i = 0; i < TANDEM_N_EQUITY_TAGS; i++)
    s.tags[i] = tandem_defaults_find_equity_tag (project, i);
  s.framework_items = tandem_project_list_ids (project, "framework_item", "framework",
                                               TANDEM_FRAMEWORK_PEER_SUPPORT, "position");

  if (scale == TANDEM_SAMPLE_WARD)
    populate_ward (&s);
  else
    populate_national (&s);

  sample_clear (&s);
  if (s.error != NULL)
    {
      tandem_project_rollback (project);
      g_propagate_error (error, s.error);
      return FALSE;
    }
  return tandem_project_commit (project, error);
}
