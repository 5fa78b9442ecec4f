/* tandem-sample-ward.c — the sample project: three ward teams with a worked
 * driver diagram, measures, coaching records and a peer-support tracker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invented, and written as on TODAY like every table of the samples (see
 * tandem-sample.c).
 */

#define G_LOG_DOMAIN "Tandem-Sample"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-sample-private.h"

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

const SecondarySpec _tandem_sample_delderfield_secondaries[] = {
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

const char * const _tandem_sample_supervision_notes[] = {
  "Went through the month's work and set goals for next month.",
  "Talked about keeping to the peer role when the ward is short of staff.",
  "Planned how to offer debriefs in a way that keeps to peer values.",
  "Reflected on co-chairing the community meeting.",
  "Talked about the banding review and where the role could lead.",
  "Shared ideas for the evening activity group.",
  "Looked at how to say no to tasks outside the role, kindly.",
  "Talked about what to share of one's own story, and when.",
};

const char * const _tandem_sample_group_supervision_notes[] = {
  "Group supervision with peer workers from three wards: ideas for community meetings.",
  "Group supervision: what makes a ward round feel safe to speak in.",
  "Group supervision: sharing resources in other languages.",
  "Group supervision: looking after ourselves over winter.",
};

/* ------------------------------------------------------------------------ */
/* The ward sample                                                           */

/* Delderfield Ward's measures. */
static const MeasureSpec restrictive_measure = {
  "Restrictive practice incidents", "outcome",
  "Incidents of physical restraint, seclusion or rapid "
  "tranquilisation recorded on Datix in the week (Monday to "
  "Sunday). Physical restraint is any direct physical contact meant "
  "to prevent, restrict or subdue movement; seclusion is supervised "
  "confinement and isolation away from other patients; rapid "
  "tranquilisation is medication by the parenteral route.",
  "incidents", "decrease", NAN, "c", 1
};

static const MeasureSpec care_plans_measure = {
  "Patients with a co-produced care plan", "process",
  "Patients on the ward on Monday whose care plan was written with "
  "them (and their carer, if they wished), out of all patients on "
  "the ward on Monday. From the weekly care plan audit, done with a "
  "lived experience partner.",
  "%", "increase", 90, "p", 100
};

static const MeasureSpec activity_measure = {
  "Hours of patient activity", "process",
  "Average hours of meaningful activity per patient in the week "
  "(Monday to Sunday): groups, occupational therapy, education, "
  "exercise, leave with a purpose and evening activities, from the "
  "activity register. The standard is 20 hours a week.",
  "hours per patient", "increase", 20, "run", 1
};

static const MeasureSpec sickness_measure = {
  "Staff sickness", "balancing",
  "Hours lost to sickness absence as a percentage of contracted hours "
  "for the ward's nursing team in the week, from the e-rostering "
  "system. A balancing measure: the huddles must not add to pressure "
  "on staff.",
  "%", "decrease", NAN, "i", 1
};

/* Delderfield's occupied bed days in a week, by broad ethnic group (22
 * beds), and how much more often each group is restrained than White
 * patients: before the peer support worker's debriefs and the monthly
 * review by ethnicity, and after. Black patients about 3.6 times as often,
 * narrowing to about 1.9. Invented, in line with the national picture. */
static const struct
{
  const char *category;
  double      bed_days;
  double      before;
  double      after;
} delderfield_groups[] = {
  { "ethnicity-broad-white", 96, 1.0, 1.0 },
  { "ethnicity-broad-mixed", 8, 1.8, 1.3 },
  { "ethnicity-broad-asian", 15, 1.1, 1.0 },
  { "ethnicity-broad-black", 27, 3.6, 1.9 },
  { "ethnicity-broad-other", 5, 1.0, 1.0 },
  { "ethnicity-broad-z", 3, 1.3, 1.3 },
};

/* The restrictive-practice incidents of two years, week by week, by broad
 * ethnic group with occupied bed days: the last year's weeks add up to the
 * measure's own counts (@weekly), the year before has its own. Drawn from
 * a generator of their own, so that the rest of the sample is what it was
 * before they were added. */
static void
add_restrictive_by_ethnicity (Sample       *s,
                              const char   *measure,
                              const double  weekly[52])
{
  GRand *shared = s->rand;
  guint32 last = _tandem_sample_day (s, LAST_MONDAY);
  guint32 debriefs = _tandem_sample_day (s, "2026-05-11");

  ADD (s, "measure_breakdown",
       { "measure_id", TEXT (measure) },
       { "grouping_id", TEXT ("ethnicity-broad") },
       { "kind", TEXT ("rate") },
       { "per", REAL (1000) },
       { "denominator_name", TEXT ("occupied bed days") },
       { "domain", TEXT ("outcomes") },
       { "reference_id", TEXT ("ethnicity-broad-white") });

  s->rand = g_rand_new_with_seed (20240401);
  for (guint w = 0; w < 104; w++)
    {
      guint32 day = last - 7 * (103 - w);
      int left = w >= 52 ? (int) weekly[w - 52] : (int) _tandem_sample_random_poisson (s, 9.5);
      double weight[G_N_ELEMENTS (delderfield_groups)], rest = 0;
      char date[11];

      _tandem_sample_format_date (day, date);
      for (guint g = 0; g < G_N_ELEMENTS (delderfield_groups); g++)
        {
          weight[g] = delderfield_groups[g].bed_days *
                      (day < debriefs ? delderfield_groups[g].before : delderfield_groups[g].after);
          rest += weight[g];
        }
      /* the week's incidents shared among the groups by their weight */
      for (guint g = 0; g < G_N_ELEMENTS (delderfield_groups); g++)
        {
          int count = g + 1 < G_N_ELEMENTS (delderfield_groups)
                      ? (int) _tandem_sample_random_binomial (s, left, weight[g] / rest) : left;
          double bed_days = delderfield_groups[g].bed_days +
                            _tandem_sample_random_int (s, -2, 2) * (delderfield_groups[g].bed_days > 10);

          rest -= weight[g];
          left -= count;
          ADD (s, "breakdown_point",
               { "measure_id", TEXT (measure) },
               { "category_id", TEXT (delderfield_groups[g].category) },
               { "date", TEXT (date) },
               { "count", REAL (count) },
               { "denominator", REAL (bed_days) });
        }
    }
  g_rand_free (s->rand);
  s->rand = shared;
}

/* The care plan audit's earlier weeks, up to @until (a Julian day): a
 * baseline of a quarter, then the "What matters to me" conversations from
 * April 2025 lift it to about 45%, held for more than a year before the
 * "About me" profiles (the improvement the standards count as sustained).
 * Drawn from a generator of their own, so that the rest of the sample is
 * what it was before they were added. */
static void
add_care_plans_history (Sample     *s,
                        const char *measure,
                        guint32     until,
                        GPtrArray  *ideas)
{
  GRand *shared = s->rand;
  guint32 first = _tandem_sample_day (s, "2025-01-06");
  guint32 conversations = _tandem_sample_day (s, "2025-04-07");

  s->rand = g_rand_new_with_seed (20250407);
  for (guint32 day = first; day < until; day += 7)
    {
      int patients = _tandem_sample_random_int (s, 16, 20);
      double p = day < conversations ? 0.25 : 0.45;

      _tandem_sample_add_point (s, measure, day, _tandem_sample_random_binomial (s, patients, p), patients);
    }
  g_rand_free (s->rand);
  s->rand = shared;
  ADD (s, "phase",
       { "measure_id", TEXT (measure) },
       { "starts_on", TEXT (_tandem_sample_date (s, "2025-04-07")) },
       { "label", TEXT ("\"What matters to me\" conversations") });
  _tandem_sample_add_annotation (s, measure, _tandem_sample_date (s, "2025-04-07"),
                                 "\"What matters to me\" conversations begin, co-led by Marcus",
                                 ideas->pdata[IDEA_WHAT_MATTERS], NULL);
}

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
  guint32 last = _tandem_sample_day (s, LAST_MONDAY);
  guint32 huddle_pilot = _tandem_sample_day (s, "2026-03-02");
  guint32 huddles = _tandem_sample_day (s, "2026-03-30");
  guint32 about_me = _tandem_sample_day (s, "2026-05-04");
  guint32 evening = _tandem_sample_day (s, "2026-10-12");
  double weekly[52];

  restrictive = _tandem_sample_add_measure (s, team, &restrictive_measure, 0);
  for (guint w = 0; w < 52; w++)
    {
      guint32 day = last - 7 * (51 - w);
      double lambda = day < huddle_pilot ? 9.5 : day < huddles ? 8.0 : 4.5;

      weekly[w] = _tandem_sample_random_poisson (s, lambda);
      _tandem_sample_add_point (s, restrictive, day, weekly[w], 0);
    }
  add_restrictive_by_ethnicity (s, restrictive, weekly);
  ADD (s, "phase",
       { "measure_id", TEXT (restrictive) },
       { "starts_on", TEXT (_tandem_sample_date (s, "2026-03-30")) },
       { "label", TEXT ("Twice-daily safety huddles") });
  _tandem_sample_add_annotation (s, restrictive, _tandem_sample_date (s, "2026-03-02"), "Safety huddle on the early shift (PDSA 1)",
                                 ideas->pdata[IDEA_HUDDLE], pdsas->pdata[0]);
  _tandem_sample_add_annotation (s, restrictive, _tandem_sample_date (s, "2026-03-30"), "Huddles twice a day, with night staff (PDSA 2)",
                                 ideas->pdata[IDEA_HUDDLE], pdsas->pdata[1]);
  _tandem_sample_add_annotation (s, restrictive, _tandem_sample_date (s, "2026-05-11"), "Debriefs by the peer support worker begin",
                                 ideas->pdata[IDEA_DEBRIEF], NULL);
  _tandem_sample_add_measure_link (s, restrictive, ideas->pdata[IDEA_HUDDLE]);
  _tandem_sample_add_measure_link (s, restrictive, ideas->pdata[IDEA_DEBRIEF]);
  _tandem_sample_add_measure_link (s, restrictive, ideas->pdata[IDEA_RP_REVIEW]);

  care_plans = _tandem_sample_add_measure (s, team, &care_plans_measure, 1);
  add_care_plans_history (s, care_plans, last - 7 * 39, ideas);
  for (guint w = 0; w < 40; w++)
    {
      guint32 day = last - 7 * (39 - w);
      int patients = _tandem_sample_random_int (s, 16, 20);
      double p = day < about_me ? 0.45 : 0.78;

      _tandem_sample_add_point (s, care_plans, day, _tandem_sample_random_binomial (s, patients, p), patients);
    }
  _tandem_sample_add_annotation (s, care_plans, _tandem_sample_date (s, "2026-05-04"), "\"About me\" profiles adopted",
                                 ideas->pdata[IDEA_ABOUT_ME], NULL);
  ADD (s, "phase",
       { "measure_id", TEXT (care_plans) },
       { "starts_on", TEXT (_tandem_sample_date (s, "2026-05-04")) },
       { "label", TEXT ("\"About me\" profiles") });
  _tandem_sample_add_measure_link (s, care_plans, ideas->pdata[IDEA_ABOUT_ME]);
  _tandem_sample_add_measure_link (s, care_plans, ideas->pdata[IDEA_WHAT_MATTERS]);

  activity = _tandem_sample_add_measure (s, team, &activity_measure, 2);
  for (guint w = 0; w < 52; w++)
    {
      guint32 day = last - 7 * (51 - w);
      double hours = day < evening ? _tandem_sample_random_normal (s, 13.8, 1.2) : _tandem_sample_random_normal (s, 17.2, 0.8);

      _tandem_sample_add_point (s, activity, day, _tandem_sample_round_to (hours, 0.1), 0);
    }
  _tandem_sample_add_annotation (s, activity, _tandem_sample_date (s, "2026-10-12"), "Evening activity group starts",
                                 ideas->pdata[IDEA_EVENING_GROUP], NULL);
  _tandem_sample_add_annotation (s, activity, _tandem_sample_date (s, "2026-11-09"), "Evening group four nights a week (PDSA)",
                                 ideas->pdata[IDEA_EVENING_GROUP], pdsas->pdata[4]);
  _tandem_sample_add_measure_link (s, activity, ideas->pdata[IDEA_EVENING_GROUP]);

  sickness = _tandem_sample_add_measure (s, team, &sickness_measure, 3);
  for (guint w = 0; w < 36; w++)
    {
      guint32 day = last - 7 * (35 - w);

      double percent = _tandem_sample_random_normal (s, 5.2, 0.9);

      _tandem_sample_add_point (s, sickness, day, _tandem_sample_round_to (MAX (0.5, percent), 0.1), 0);
    }
  _tandem_sample_add_measure_link (s, sickness, ideas->pdata[IDEA_HUDDLE]);
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

      _tandem_sample_format_time (s, _tandem_sample_day (s, spec->date), spec->hour, spec->minute, starts_at);
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
            _tandem_sample_add_attendance (s, session, people[t]->pdata[p], ward_teams[t].people[p].title,
                                           (spec->present[t] & BIT (p)) != 0);

      for (guint a = 0; a < G_N_ELEMENTS (spec->actions) && spec->actions[a].what; a++)
        {
          const ActionSpec *action = &spec->actions[a];
          int team = action->team >= 0 ? action->team : spec->team;
          const char *carried = action->carried_from
                                ? g_hash_table_lookup (keyed, action->carried_from) : NULL;
          char *id = _tandem_sample_add_action (s, team_ids->pdata[team], session, action->what,
                                                people[team]->pdata[action->owner],
                                                _tandem_sample_date (s, action->due_on), action->status,
                                                _tandem_sample_date (s, action->closed_on), action->reason, carried);

          if (action->key != NULL && id != NULL)
            g_hash_table_insert (keyed, (gpointer) action->key, id);
          else
            g_free (id);
        }
      g_ptr_array_add (sessions, session);
    }
  return sessions;
}

/* A peer role of the ward sample, from its first day: trained then, and
 * supervised 1:1 on @day of each month from @first_month to @last_month of
 * 2026, with group supervision a fortnight later from @group_from (0: none). */
typedef struct
{
  const char *title;
  const char *band;
  double      hours;
  const char *start_date;
  gboolean    paired;
  const char *training;
  guint       first_month;
  guint       last_month;
  guint       day;
  guint       group_from;
} PeerRoleSpec;

static const PeerRoleSpec grace_role = {
  "Peer support worker", "Band 3", 37.5, "2026-01-19", FALSE,
  "Peer support foundation training, first week.", 2, 11, 3, 3,
};

static const PeerRoleSpec kofi_role = {
  "Peer support worker (young people's services)", "Band 4", 22.5, "2026-05-11", TRUE,
  "Peer support foundation training.", 6, 11, 10, 0,
};

/* @note counts the 1:1 notes used so far, across roles. */
static char *
add_peer_role (Sample             *s,
               const char         *team,
               const char         *worker,
               const char         *supervisor,
               const PeerRoleSpec *spec,
               guint              *note)
{
  const char * const *notes = _tandem_sample_supervision_notes;
  const char * const *group_notes = _tandem_sample_group_supervision_notes;
  const guint n_notes = G_N_ELEMENTS (_tandem_sample_supervision_notes);
  const guint n_group_notes = G_N_ELEMENTS (_tandem_sample_group_supervision_notes);
  char *role;

  role = INSERT (s, "peer_role",
                 { "team_id", TEXT (team) },
                 { "title", TEXT (spec->title) },
                 { "band", TEXT (spec->band) },
                 { "hours", REAL (spec->hours) },
                 { "start_date", TEXT (_tandem_sample_date (s, spec->start_date)) },
                 { "paired", INT (spec->paired) },
                 { "vacancy", INT (0) },
                 { "expected_supervision_per_month", REAL (2) },
                 { "person_id", TEXT (worker) },
                 { "supervisor_id", TEXT (supervisor) });
  _tandem_sample_add_supervision (s, role, _tandem_sample_day (s, spec->start_date), "training",
                                  spec->training);
  for (guint month = spec->first_month; month <= spec->last_month; month++)
    {
      char first[11];
      guint32 day;

      g_snprintf (first, sizeof first, "2026-%02u-%02u", month, spec->day);
      day = _tandem_sample_day (s, first);
      _tandem_sample_add_supervision (s, role, day, "one_to_one", notes[(*note)++ % n_notes]);
      if (spec->group_from != 0 && month >= spec->group_from)
        _tandem_sample_add_supervision (s, role, day + 14, "group",
                                        group_notes[month % n_group_notes]);
    }
  return role;
}

static void
add_peer_roles (Sample     *s,
                const char *delderfield,
                const char *parkview,
                GPtrArray  *delderfield_people,
                GPtrArray  *parkview_people)
{
  g_autofree char *grace = NULL;
  guint note = 0;

  /* Each worker is supervised by someone of their ward. */
  grace = add_peer_role (s, delderfield, delderfield_people->pdata[D_GRACE],
                         delderfield_people->pdata[D_SAMUEL], &grace_role, &note);
  _tandem_sample_add_supervision (s, grace, _tandem_sample_day (s, "2026-05-12"), "debrief",
                                  "Team debrief at the end of a hard shift: what went well and what support "
                                  "is needed.");
  g_free (add_peer_role (s, parkview, parkview_people->pdata[P_KOFI],
                        parkview_people->pdata[P_DANIEL], &kofi_role, &note));
}

/* Delderfield's Culture of Care self-assessment: two rounds six months
 * apart, staff and people with lived experience scoring each standard 1 to
 * 5. Staff rate the ward higher on Lived Experience and Choice than the
 * experts by experience do: that gap is the conversation to have. The
 * second round is a little better, most on the priorities. The means are
 * what each group scores on average, before the spread of a survey. */
static const struct
{
  const char *standard;
  double      staff;
  double      lived;
  gboolean    priority;
} delderfield_standards[] = {
  { "coc-lived-experience", 3.5, 2.0, TRUE },
  { "coc-safety", 3.0, 2.8, FALSE },
  { "coc-relationships", 2.7, 2.3, TRUE },
  { "coc-staff-support", 2.4, 2.6, FALSE },
  { "coc-equality", 2.6, 2.2, FALSE },
  { "coc-avoiding-harm", 2.8, 2.4, FALSE },
  { "coc-needs-led", 2.8, 2.6, FALSE },
  { "coc-choice", 3.4, 1.9, TRUE },
  { "coc-environment", 2.6, 2.5, FALSE },
  { "coc-things-to-do", 2.4, 2.1, FALSE },
  { "coc-therapeutic-support", 2.6, 2.4, FALSE },
  { "coc-transparency", 3.0, 2.6, FALSE },
};

#define DELDERFIELD_HEADCOUNT 24

static void
add_standards_round (Sample     *s,
                     const char *team,
                     const char *date,
                     guint       n_staff,
                     GPtrArray  *people,
                     double      better,
                     const char *choice_comment)
{
  g_autofree char *round = INSERT (s, "assessment_round",
                                   { "team_id", TEXT (team) },
                                   { "date", TEXT (_tandem_sample_date (s, date)) },
                                   { "headcount", INT (DELDERFIELD_HEADCOUNT) });
  /* four experts by experience, Marcus as the ward's lived experience
   * partner and Yvonne as a carer */
  const struct { const char *role; int person; } lived[] = {
    { "expert_by_experience", -1 }, { "expert_by_experience", -1 },
    { "expert_by_experience", -1 }, { "expert_by_experience", -1 },
    { "lived_experience_partner", D_MARCUS }, { "carer", D_YVONNE },
  };

  for (guint r = 0; r < n_staff + G_N_ELEMENTS (lived); r++)
    {
      gboolean staff = r < n_staff;
      const char *person = !staff && lived[r - n_staff].person >= 0
                           ? people->pdata[lived[r - n_staff].person] : NULL;
      g_autofree char *response = INSERT (s, "assessment_response",
                                          { "round_id", TEXT (round) },
                                          { "role", TEXT (staff ? "staff" : lived[r - n_staff].role) },
                                          { "person_id", TEXT (person) },
                                          { "position", REAL (r) });

      for (guint i = 0; i < G_N_ELEMENTS (delderfield_standards); i++)
        {
          double mean = (staff ? delderfield_standards[i].staff : delderfield_standards[i].lived) +
                        better * (delderfield_standards[i].priority ? 2 : 1);
          int score = (int) floor (_tandem_sample_random_normal (s, mean, 0.7) + 0.5);
          gboolean comment = r == n_staff && g_str_equal (delderfield_standards[i].standard,
                                                          "coc-choice");

          ADD (s, "assessment_score",
               { "response_id", TEXT (response) },
               { "standard_id", TEXT (delderfield_standards[i].standard) },
               { "score", INT (CLAMP (score, 1, 5)) },
               { "comment", TEXT (comment ? choice_comment : NULL) });
        }
    }
}

static void
add_evidence (Sample     *s,
              const char *team,
              const char *standard,
              const char *type,
              const char *level,
              const char *what,
              const char *id,
              const char *title)
{
  ADD (s, "standard_evidence",
       { "team_id", TEXT (team) },
       { "standard_id", TEXT (standard) },
       { "type_id", TEXT (type) },
       { "level", TEXT (level) },
       { what, TEXT (id) },
       { "title", TEXT (title) },
       { "added_on", TEXT (_tandem_sample_date (s, "2026-11-02")) });
}

static void
add_delderfield_standards (Sample     *s,
                           const char *team,
                           GPtrArray  *people,
                           GPtrArray  *ideas,
                           GPtrArray  *pdsas)
{
  GRand *shared = s->rand;
  g_autoptr(GPtrArray) measures = NULL;
  const struct { const char *standard; const char *ideas[3]; } priorities[] = {
    { "coc-lived-experience", { ideas->pdata[IDEA_WHAT_MATTERS], ideas->pdata[IDEA_ABOUT_ME] } },
    { "coc-choice", { ideas->pdata[IDEA_EASY_READ_RIGHTS] } },
    { "coc-relationships", { ideas->pdata[IDEA_DEBRIEF], ideas->pdata[IDEA_HUDDLE] } },
  };

  if (s->error != NULL)
    return;
  /* a generator of their own, so that the rest of the sample is what it was */
  s->rand = g_rand_new_with_seed (20260511);
  add_standards_round (s, team, "2026-05-11", 17, people, 0,
                       "Choice of food is good. Nobody explained my rights about leave until the "
                       "second week.");
  add_standards_round (s, team, "2026-11-09", 19, people, 0.25,
                       "The easy-read rights leaflet helped. Choice about medication still "
                       "depends on who is on shift.");
  g_rand_free (s->rand);
  s->rand = shared;

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      g_autofree char *priority = INSERT (s, "priority_standard",
                                          { "team_id", TEXT (team) },
                                          { "standard_id", TEXT (priorities[i].standard) },
                                          { "position", REAL (i) });

      for (guint n = 0; n < G_N_ELEMENTS (priorities[i].ideas) && priorities[i].ideas[n]; n++)
        ADD (s, "priority_link",
             { "priority_id", TEXT (priority) },
             { "node_id", TEXT (priorities[i].ideas[n]) });
    }

  measures = tandem_project_list_ids (s->project, "measure", "team_id", team, "position");
  if (measures->len < 4)
    return;
  /* the measures' levels are worked out from their charts */
  add_evidence (s, team, "coc-relationships", "coc-evidence-quantitative", NULL, "measure_id",
                measures->pdata[0], NULL);
  add_evidence (s, team, "coc-avoiding-harm", "coc-evidence-quantitative", NULL, "measure_id",
                measures->pdata[0], NULL);
  add_evidence (s, team, "coc-lived-experience", "coc-evidence-patient-experience", NULL,
                "measure_id", measures->pdata[1], NULL);
  add_evidence (s, team, "coc-things-to-do", "coc-evidence-quantitative", NULL, "measure_id",
                measures->pdata[2], NULL);
  add_evidence (s, team, "coc-staff-support", "coc-evidence-staff-experience", "bronze",
                "measure_id", measures->pdata[3], "Sickness watched while the huddles began");
  add_evidence (s, team, "coc-relationships", "coc-evidence-qi-method", "bronze", "node_id",
                ideas->pdata[IDEA_HUDDLE], NULL);
  add_evidence (s, team, "coc-safety", "coc-evidence-qi-method", "bronze", "pdsa_id",
                pdsas->pdata[0], NULL);
  add_evidence (s, team, "coc-equality", "coc-evidence-coproduction", "silver", "node_id",
                ideas->pdata[IDEA_RP_REVIEW], "Marcus co-chairs the monthly review by ethnicity");
  add_evidence (s, team, "coc-lived-experience", "coc-evidence-coproduction", "silver", "note",
                "Marcus Bell, the ward's lived experience partner, co-led the “What matters to "
                "me” conversations with the occupational therapist and now trains new staff in "
                "them. Two former patients joined the community meeting as experts by "
                "experience in September.", "What matters to me, co-led");
  add_evidence (s, team, "coc-transparency", "coc-evidence-governance", "bronze", "reference",
                "S:/Quality/Delderfield/Divisional quality report October 2026.pdf",
                "Divisional quality report, October 2026");
  add_evidence (s, team, "coc-choice", "coc-evidence-patient-experience", "bronze", "note",
                "Easy-read rights leaflets reviewed with the community meeting: patients asked "
                "for a version in Polish and one in Somali.", "Rights leaflets reviewed");

  ADD (s, "panel_review",
       { "team_id", TEXT (team) },
       { "date", TEXT (_tandem_sample_date (s, "2026-11-16")) },
       { "members", TEXT ("Helen Carver (associate director of nursing, chair); two experts by "
                          "experience from the trust's panel; Ruth Ellison (QI coach); a "
                          "matron from another division") },
       { "decision", TEXT ("bronze") },
       { "conditions", TEXT ("Evidence for Needs Led, Environment and Therapeutic Support by the "
                             "next review; at least 75% of staff taking part in the next self-assessment.") },
       { "next_review_on", TEXT (_tandem_sample_date (s, "2027-11-15")) });
}

void
_tandem_sample_populate_ward (Sample *s)
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
      g_ptr_array_add (teams, _tandem_sample_add_team (s, ward_teams[t].name, ward_trust,
                                                       ward_teams[t].service_type, t));
      people[t] = g_ptr_array_new_with_free_func (g_free);
      for (guint p = 0; p < G_N_ELEMENTS (ward_teams[t].people) &&
                        ward_teams[t].people[p].name; p++)
        g_ptr_array_add (people[t], _tandem_sample_add_person (s, teams->pdata[t],
                                                               ward_teams[t].people[p].name,
                                                               ward_teams[t].people[p].role, p));
    }

  /* Delderfield Ward: the Mental Health Act programme's diagram, worked through. */
  diagram = _tandem_sample_add_mha_diagram (s, teams->pdata[DELDERFIELD], "Delderfield Ward", primaries);
  secondaries = _tandem_sample_add_secondaries (s, diagram, primaries, 4, _tandem_sample_delderfield_secondaries,
                                                G_N_ELEMENTS (_tandem_sample_delderfield_secondaries), primary_children);
  ideas = _tandem_sample_add_ideas (s, diagram, secondaries, people[DELDERFIELD], delderfield_ideas,
                                    G_N_ELEMENTS (delderfield_ideas));
  pdsas = _tandem_sample_add_pdsas (s, ideas, delderfield_pdsas, G_N_ELEMENTS (delderfield_pdsas));
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
                     { "aim_by_when", TEXT (_tandem_sample_date (s, "2027-06-30")) });
  for (guint i = 0; i < G_N_ELEMENTS (parkview_primaries); i++)
    {
      park_primaries[i] = INSERT (s, "node",
                                  { "diagram_id", TEXT (park_diagram) },
                                  { "kind", TEXT ("primary") },
                                  { "title", TEXT (parkview_primaries[i]) },
                                  { "position", REAL (i) });
      _tandem_sample_add_link (s, park_diagram, park_aim, park_primaries[i], i);
    }
  park_secondaries = _tandem_sample_add_secondaries (s, park_diagram, park_primaries, 2, parkview_secondaries,
                                                     G_N_ELEMENTS (parkview_secondaries), park_children);
  park_ideas = _tandem_sample_add_ideas (s, park_diagram, park_secondaries, people[PARKVIEW], parkview_ideas,
                                         G_N_ELEMENTS (parkview_ideas));
  park_pdsas = _tandem_sample_add_pdsas (s, park_ideas, parkview_pdsas, G_N_ELEMENTS (parkview_pdsas));

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
  _tandem_sample_add_framework_status (s, teams->pdata[DELDERFIELD], delderfield_framework,
                                       G_N_ELEMENTS (delderfield_framework));
  _tandem_sample_add_framework_status (s, teams->pdata[PARKVIEW], parkview_framework,
                                       G_N_ELEMENTS (parkview_framework));
  add_peer_roles (s, teams->pdata[DELDERFIELD], teams->pdata[PARKVIEW], people[DELDERFIELD],
                  people[PARKVIEW]);

  /* Culture of Care standards: Delderfield's self-assessment and evidence. */
  add_delderfield_standards (s, teams->pdata[DELDERFIELD], people[DELDERFIELD], ideas, pdsas);

  for (guint i = 0; i < 4; i++)
    g_free (primaries[i]);
  for (guint i = 0; i < 2; i++)
    g_free (park_primaries[i]);
  for (guint t = 0; t < N_WARD_TEAMS; t++)
    g_ptr_array_unref (people[t]);
}
