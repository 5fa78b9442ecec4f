/* tandem-schema.c — the project file's tables, their migrations and their shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-error.h"
#include "tandem-schema.h"

/* Version 1 covers all four areas of the app. Every entity table has a text UUID
 * primary key so rows made in two copies of a file never collide. Foreign keys
 * say what happens to children; Tandem performs those deletions itself so that
 * each one is written to the change log (and can be undone), the clauses here
 * describe the rule and guard integrity. */
static const char schema_v1[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT);"

  "CREATE TABLE change_txn ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  replica TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'create')),"
  "  target INTEGER REFERENCES change_txn (id));"

  "CREATE TABLE change_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  txn INTEGER NOT NULL REFERENCES change_txn (id),"
  "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  field TEXT,"
  "  old_value,"
  "  new_value);"
  "CREATE INDEX change_log_by_entity ON change_log (entity_id);"
  "CREATE INDEX change_log_by_txn ON change_log (txn);"

  "CREATE TABLE team ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  organisation TEXT,"
  "  service_type TEXT,"
  "  ward TEXT,"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE person ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT REFERENCES team (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'lived_experience_partner',"
  "    'peer_support_worker', 'expert_by_experience', 'carer', 'senior_sponsor', 'coach',"
  "    'other')),"
  "  brings_lived_experience INTEGER NOT NULL DEFAULT 0 CHECK (brings_lived_experience IN (0, 1)),"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX person_by_team ON person (team_id);"

  "CREATE TABLE equity_tag ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  builtin INTEGER NOT NULL DEFAULT 0,"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE diagram ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  template TEXT,"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX diagram_by_team ON diagram (team_id);"

  "CREATE TABLE node_group ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  diagram_id TEXT NOT NULL REFERENCES diagram (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  colour TEXT,"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE node ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  diagram_id TEXT NOT NULL REFERENCES diagram (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('aim', 'primary', 'secondary', 'change_idea')),"
  "  title TEXT NOT NULL DEFAULT '' CHECK (length (title) <= 2000),"
  "  description TEXT,"
  "  group_id TEXT REFERENCES node_group (id) ON DELETE SET NULL,"
  "  position REAL NOT NULL DEFAULT 0,"
  "  collapsed INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT CHECK (status IN ('idea', 'testing', 'adopted', 'adapted', 'abandoned')),"
  "  proposed_by TEXT REFERENCES person (id) ON DELETE SET NULL,"
  "  coproduction_level TEXT CHECK (coproduction_level IN ('coproduction', 'codesign',"
  "    'engagement', 'consultation', 'informing', 'educating', 'coercion')),"
  "  aim_what TEXT,"
  "  aim_who TEXT,"
  "  aim_how_much TEXT,"
  "  aim_by_when TEXT);"
  "CREATE INDEX node_by_diagram ON node (diagram_id);"

  "CREATE TABLE node_link ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  diagram_id TEXT NOT NULL REFERENCES diagram (id) ON DELETE CASCADE,"
  "  parent_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  child_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  position REAL NOT NULL DEFAULT 0,"
  "  UNIQUE (parent_id, child_id));"
  "CREATE INDEX node_link_by_child ON node_link (child_id);"
  "CREATE INDEX node_link_by_diagram ON node_link (diagram_id);"

  "CREATE TABLE node_tag ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  node_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  tag_id TEXT NOT NULL REFERENCES equity_tag (id) ON DELETE CASCADE,"
  "  UNIQUE (node_id, tag_id));"
  "CREATE INDEX node_tag_by_tag ON node_tag (tag_id);"

  "CREATE TABLE node_coproducer ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  node_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  UNIQUE (node_id, person_id));"
  "CREATE INDEX node_coproducer_by_person ON node_coproducer (person_id);"

  "CREATE TABLE pdsa_cycle ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  node_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  started_on TEXT,"
  "  ended_on TEXT,"
  "  plan_objective TEXT,"
  "  plan_questions TEXT,"
  "  plan_predictions TEXT,"
  "  plan_logistics TEXT,"
  "  do_notes TEXT,"
  "  study_notes TEXT,"
  "  act_decision TEXT CHECK (act_decision IN ('adopt', 'adapt', 'abandon')),"
  "  act_notes TEXT,"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX pdsa_cycle_by_node ON pdsa_cycle (node_id);"

  "CREATE TABLE measure ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  kind TEXT NOT NULL DEFAULT 'outcome' CHECK (kind IN ('outcome', 'process', 'balancing')),"
  "  definition TEXT,"
  "  unit TEXT,"
  "  direction TEXT NOT NULL DEFAULT 'increase'"
  "    CHECK (direction IN ('increase', 'decrease', 'neutral')),"
  "  target REAL,"
  "  frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('daily', 'weekly', 'monthly')),"
  "  chart_type TEXT NOT NULL DEFAULT 'run' CHECK (chart_type IN ('run', 'i', 'mr', 'xbar', 's',"
  "    't', 'p', 'pp', 'c', 'u', 'up', 'g')),"
  "  rules TEXT CHECK (rules IN ('anhoej', 'ihi', 'mdc')),"
  "  freeze INTEGER CHECK (freeze IS NULL OR freeze >= 2),"
  "  screen_mr INTEGER NOT NULL DEFAULT 1,"
  "  multiply REAL NOT NULL DEFAULT 1 CHECK (multiply > 0),"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX measure_by_team ON measure (team_id);"

  "CREATE TABLE measure_link ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  node_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  UNIQUE (measure_id, node_id));"
  "CREATE INDEX measure_link_by_node ON measure_link (node_id);"

  "CREATE TABLE data_point ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  value REAL,"
  "  denominator REAL,"
  "  note TEXT,"
  "  excluded INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX data_point_by_measure ON data_point (measure_id, date);"

  "CREATE TABLE phase ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  starts_on TEXT NOT NULL,"
  "  label TEXT);"
  "CREATE INDEX phase_by_measure ON phase (measure_id);"

  "CREATE TABLE annotation ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  text TEXT,"
  "  node_id TEXT REFERENCES node (id) ON DELETE SET NULL,"
  "  pdsa_id TEXT REFERENCES pdsa_cycle (id) ON DELETE SET NULL);"
  "CREATE INDEX annotation_by_measure ON annotation (measure_id);"
  "CREATE INDEX annotation_by_node ON annotation (node_id);"
  "CREATE INDEX annotation_by_pdsa ON annotation (pdsa_id);"

  "CREATE TABLE coaching_session ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  starts_at TEXT NOT NULL,"
  "  minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),"
  "  kind TEXT NOT NULL DEFAULT 'frontline_delivery',"
  "  online INTEGER NOT NULL DEFAULT 0,"
  "  coach TEXT,"
  "  check_in TEXT,"
  "  notes TEXT,"
  "  advice TEXT,"
  "  agreements TEXT,"
  "  confidence INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 1 AND 5),"
  "  momentum INTEGER CHECK (momentum IS NULL OR momentum BETWEEN 1 AND 5),"
  "  private INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX coaching_session_by_team ON coaching_session (team_id, starts_at);"

  "CREATE TABLE attendance ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  session_id TEXT NOT NULL REFERENCES coaching_session (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT,"
  "  status TEXT NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'apologies')),"
  "  UNIQUE (session_id, person_id));"
  "CREATE INDEX attendance_by_person ON attendance (person_id);"

  "CREATE TABLE action ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  session_id TEXT REFERENCES coaching_session (id) ON DELETE SET NULL,"
  "  what TEXT NOT NULL CHECK (length (what) BETWEEN 1 AND 2000),"
  "  owner_id TEXT REFERENCES person (id) ON DELETE SET NULL,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  closed_on TEXT,"
  "  reason TEXT,"
  "  carried_from TEXT REFERENCES action (id) ON DELETE SET NULL);"
  "CREATE INDEX action_by_team ON action (team_id, status);"
  "CREATE INDEX action_by_session ON action (session_id);"
  "CREATE INDEX action_by_owner ON action (owner_id);"
  "CREATE INDEX action_by_carried_from ON action (carried_from);"

  "CREATE TABLE session_link ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  session_id TEXT NOT NULL REFERENCES coaching_session (id) ON DELETE CASCADE,"
  "  node_id TEXT REFERENCES node (id) ON DELETE CASCADE,"
  "  pdsa_id TEXT REFERENCES pdsa_cycle (id) ON DELETE CASCADE,"
  "  measure_id TEXT REFERENCES measure (id) ON DELETE CASCADE);"
  "CREATE INDEX session_link_by_session ON session_link (session_id);"
  "CREATE INDEX session_link_by_node ON session_link (node_id);"
  "CREATE INDEX session_link_by_pdsa ON session_link (pdsa_id);"
  "CREATE INDEX session_link_by_measure ON session_link (measure_id);"

  "CREATE TABLE framework_item ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  framework TEXT NOT NULL,"
  "  framework_version INTEGER NOT NULL DEFAULT 1,"
  "  stage TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'item' CHECK (kind IN ('item', 'support')),"
  "  title TEXT NOT NULL,"
  "  builtin INTEGER NOT NULL DEFAULT 0,"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE framework_status ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL REFERENCES framework_item (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'planning',"
  "    'in_progress', 'in_place', 'not_applicable')),"
  "  evidence TEXT,"
  "  owner TEXT,"
  "  target_date TEXT,"
  "  last_reviewed TEXT,"
  "  UNIQUE (team_id, item_id));"
  "CREATE INDEX framework_status_by_item ON framework_status (item_id);"

  "CREATE TABLE peer_role ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  band TEXT,"
  "  hours REAL CHECK (hours IS NULL OR hours BETWEEN 0 AND 80),"
  "  start_date TEXT,"
  "  end_date TEXT,"
  "  leaving_reason TEXT,"
  "  paired INTEGER NOT NULL DEFAULT 0,"
  "  vacancy INTEGER NOT NULL DEFAULT 0,"
  "  expected_supervision_per_month REAL);"
  "CREATE INDEX peer_role_by_team ON peer_role (team_id);"

  "CREATE TABLE supervision ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  role_id TEXT NOT NULL REFERENCES peer_role (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('one_to_one', 'group', 'debrief', 'training')),"
  "  note TEXT);"
  "CREATE INDEX supervision_by_role ON supervision (role_id);"

  "CREATE TABLE comment ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  parent_id TEXT REFERENCES comment (id) ON DELETE CASCADE,"
  "  author TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  resolved INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX comment_by_entity ON comment (entity_id);"
  "CREATE INDEX comment_by_parent ON comment (parent_id);";

/* The full-text index over coaching notes and actions, and the coach's own
 * session templates. The index is not kept up to date by triggers (Tandem
 * refuses files with triggers): tandem-coaching.c brings it up to date from
 * the change log before each search (content a project is created with is
 * not logged row by row, so a creating transaction rebuilds it). It keeps its own copy of the text so
 * that a row can be taken out of it without knowing what it said; each
 * session or action has one row, numbered in coaching_search_doc. */
#define COACHING_SEARCH_FTS \
  "CREATE VIRTUAL TABLE coaching_search USING fts5 (" \
  "check_in, notes, advice, agreements, action, " \
  "tokenize = 'unicode61 remove_diacritics 2')"

static const char schema_v2[] =
  "CREATE TABLE coaching_template ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  kind TEXT,"
  "  minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),"
  "  online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),"
  "  check_in TEXT,"
  "  notes TEXT,"
  "  advice TEXT,"
  "  agreements TEXT,"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE coaching_search_doc ("
  "  doc INTEGER PRIMARY KEY,"
  "  item_id TEXT NOT NULL UNIQUE);"

  COACHING_SEARCH_FTS ";"

  "INSERT INTO coaching_search_doc (item_id) SELECT id FROM coaching_session ORDER BY rowid;"
  "INSERT INTO coaching_search_doc (item_id) SELECT id FROM action ORDER BY rowid;"
  "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action)"
  "  SELECT d.doc, s.check_in, s.notes, s.advice, s.agreements, NULL"
  "  FROM coaching_search_doc d JOIN coaching_session s ON s.id = d.item_id;"
  "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action)"
  "  SELECT d.doc, NULL, NULL, NULL, NULL, a.what || coalesce (char (10) || a.reason, '')"
  "  FROM coaching_search_doc d JOIN action a ON a.id = d.item_id;"
  "INSERT INTO meta (key, value) VALUES ('coaching_search_seq',"
  "  (SELECT coalesce (max (seq), 0) FROM change_log));"
  "INSERT INTO meta (key, value) VALUES ('coaching_search_txn',"
  "  (SELECT coalesce (max (id), 0) FROM change_txn));";

/* Every change gets an identity that travels with it from copy to copy, so a
 * merge can tell which of another copy's changes this one already has: the
 * copy it was first made in and an id unique there. Changes made before
 * format 3 are given one from what they already record (the same in every
 * copy of the file, so copies agree on their shared history). Changes that
 * came in by a merge are marked, so that they never go on anyone's undo
 * stack. The conflict table keeps both values of a field two people changed,
 * until a person chooses. */
static const char schema_v3[] =
  "ALTER TABLE change_txn ADD COLUMN origin_replica TEXT;"
  "ALTER TABLE change_txn ADD COLUMN origin_id TEXT;"
  "ALTER TABLE change_txn ADD COLUMN merged_at TEXT;"
  "UPDATE change_txn SET origin_replica = replica, origin_id = id || '@' || at;"
  "CREATE UNIQUE INDEX change_txn_by_origin ON change_txn (origin_replica, origin_id);"

  "CREATE TABLE conflict ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  mine_value,"
  "  theirs_value,"
  "  mine_author TEXT,"
  "  theirs_author TEXT,"
  "  theirs_at TEXT,"
  "  source TEXT NOT NULL CHECK (source IN ('merge', 'live')),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX conflict_by_entity ON conflict (entity_id, field);";

/* People become a part of the project that teams share: a person belongs to
 * any number of teams (team_member), so a lived-experience lead who works
 * with three teams is one person, and deleting a team takes its memberships,
 * not the people, who stay in the history of the others. person.team_id is
 * no longer written: a file's people move into memberships here, and a
 * person brought back from an older copy's history with a team_id counts as
 * a member of that team (tandem-person.c reads both).
 *
 * The new columns may all be NULL, because undoing a delete from before this
 * format (or merging an older copy) inserts the row as it was logged then,
 * without them: NULL taking_part_as is taking part as no one in particular,
 * NULL inactive_since is active. taking_part_as is the role a person chooses
 * to take part as, never a diagnosis; the older role and
 * brings_lived_experience are set from it so older readers agree. A
 * membership moved here has an id made from its person's and team's, so two
 * copies of one file updated apart give it the same id and can merge. */
static const char schema_v4[] =
  "ALTER TABLE person ADD COLUMN role_title TEXT CHECK (length (role_title) <= 200);"
  "ALTER TABLE person ADD COLUMN taking_part_as TEXT CHECK (taking_part_as IN ("
  "'lived_experience_partner', 'expert_by_experience', 'peer_worker', 'carer'));"
  "ALTER TABLE person ADD COLUMN organisation TEXT CHECK (length (organisation) <= 200);"
  "ALTER TABLE person ADD COLUMN contact TEXT CHECK (length (contact) <= 500);"
  "ALTER TABLE person ADD COLUMN inactive_since TEXT;"

  "CREATE TABLE team_member ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  UNIQUE (team_id, person_id));"
  "CREATE INDEX team_member_by_person ON team_member (person_id);"

  "UPDATE person SET taking_part_as = CASE role"
  "  WHEN 'lived_experience_partner' THEN 'lived_experience_partner'"
  "  WHEN 'expert_by_experience' THEN 'expert_by_experience'"
  "  WHEN 'peer_support_worker' THEN 'peer_worker'"
  "  WHEN 'carer' THEN 'carer' END,"
  "  role_title = CASE role"
  "  WHEN 'peer_support_worker' THEN 'Peer support worker'"
  "  WHEN 'senior_sponsor' THEN 'Senior sponsor'"
  "  WHEN 'coach' THEN 'Coach' END;"
  "INSERT INTO team_member (id, team_id, person_id)"
  "  SELECT id || '@' || team_id, team_id, id FROM person"
  "  WHERE team_id IN (SELECT id FROM team);"
  "UPDATE person SET team_id = NULL;";

/* A peer role names the person who holds it and the person who supervises
 * them, both people of the project (a supervisor is often in another team).
 * Either may be empty: a vacancy has no one, and a role may have no named
 * supervisor yet. A person deleted by mistake leaves the role, not the
 * role's history; the people module refuses to delete someone a role names. */
static const char schema_v5[] =
  "ALTER TABLE peer_role ADD COLUMN person_id TEXT REFERENCES person (id) ON DELETE SET NULL;"
  "ALTER TABLE peer_role ADD COLUMN supervisor_id TEXT REFERENCES person (id) ON DELETE SET NULL;"
  "CREATE INDEX peer_role_by_person ON peer_role (person_id);"
  "CREATE INDEX peer_role_by_supervisor ON peer_role (supervisor_id);";

/* Measures broken down by a grouping (equity of outcomes). A grouping is a
 * set of categories: ethnicity comes built in, twice (the seventeen NHS
 * ethnic categories, and the five broad groups they pool into), and a
 * project adds its own (age band, sex, learning disability or autism…). A
 * category's label may be edited ("White Other" hides a lot); its code, for
 * ethnicity the NHS letter, and its broad group stay as they are. "Not
 * stated" is marked so that it is never pooled and its share can be shown
 * as a figure of data quality. A measure's breakdown says which grouping,
 * whether it is a rate (events per exposure, per N) or a proportion, what
 * its denominator is called, which domain it is about and which category
 * the others are compared with; the data are a count and a denominator per
 * measure, period and category. The built-in rows have fixed ids, so that
 * copies of one file updated apart agree on them and merge. */
static const char schema_v6[] =
  "CREATE TABLE grouping ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE grouping_category ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  grouping_id TEXT NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,"
  "  code TEXT CHECK (length (code) BETWEEN 1 AND 20),"
  "  label TEXT NOT NULL CHECK (length (label) BETWEEN 1 AND 200),"
  "  broad_group TEXT CHECK (broad_group IN ('white', 'mixed', 'asian', 'black', 'other')),"
  "  not_stated INTEGER NOT NULL DEFAULT 0 CHECK (not_stated IN (0, 1)),"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX grouping_category_by_grouping ON grouping_category (grouping_id);"

  "CREATE TABLE measure_breakdown ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL UNIQUE REFERENCES measure (id) ON DELETE CASCADE,"
  "  grouping_id TEXT NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'rate' CHECK (kind IN ('rate', 'proportion')),"
  "  per REAL NOT NULL DEFAULT 1000 CHECK (per > 0),"
  "  denominator_name TEXT CHECK (length (denominator_name) <= 200),"
  "  domain TEXT NOT NULL DEFAULT 'outcomes' CHECK (domain IN ('access', 'experience',"
  "    'outcomes')),"
  "  reference_id TEXT REFERENCES grouping_category (id) ON DELETE SET NULL);"
  "CREATE INDEX measure_breakdown_by_grouping ON measure_breakdown (grouping_id);"
  "CREATE INDEX measure_breakdown_by_reference ON measure_breakdown (reference_id);"

  "CREATE TABLE breakdown_point ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  category_id TEXT NOT NULL REFERENCES grouping_category (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  count REAL NOT NULL CHECK (count >= 0 AND count = CAST (count AS INTEGER)),"
  "  denominator REAL NOT NULL CHECK (denominator >= 0),"
  "  UNIQUE (measure_id, date, category_id));"
  "CREATE INDEX breakdown_point_by_category ON breakdown_point (category_id);"

  "INSERT INTO grouping (id, name, builtin, position) VALUES"
  "  ('ethnicity', 'Ethnicity', 1, 0),"
  "  ('ethnicity-broad', 'Ethnicity (broad groups)', 1, 1);"
  "INSERT INTO grouping_category (id, grouping_id, code, label, broad_group, not_stated,"
  "  position) VALUES"
  "  ('ethnicity-A', 'ethnicity', 'A', 'White British', 'white', 0, 0),"
  "  ('ethnicity-B', 'ethnicity', 'B', 'White Irish', 'white', 0, 1),"
  "  ('ethnicity-C', 'ethnicity', 'C', 'Any other White background', 'white', 0, 2),"
  "  ('ethnicity-D', 'ethnicity', 'D', 'White and Black Caribbean', 'mixed', 0, 3),"
  "  ('ethnicity-E', 'ethnicity', 'E', 'White and Black African', 'mixed', 0, 4),"
  "  ('ethnicity-F', 'ethnicity', 'F', 'White and Asian', 'mixed', 0, 5),"
  "  ('ethnicity-G', 'ethnicity', 'G', 'Any other mixed background', 'mixed', 0, 6),"
  "  ('ethnicity-H', 'ethnicity', 'H', 'Indian', 'asian', 0, 7),"
  "  ('ethnicity-J', 'ethnicity', 'J', 'Pakistani', 'asian', 0, 8),"
  "  ('ethnicity-K', 'ethnicity', 'K', 'Bangladeshi', 'asian', 0, 9),"
  "  ('ethnicity-L', 'ethnicity', 'L', 'Any other Asian background', 'asian', 0, 10),"
  "  ('ethnicity-M', 'ethnicity', 'M', 'Caribbean', 'black', 0, 11),"
  "  ('ethnicity-N', 'ethnicity', 'N', 'African', 'black', 0, 12),"
  "  ('ethnicity-P', 'ethnicity', 'P', 'Any other Black background', 'black', 0, 13),"
  "  ('ethnicity-R', 'ethnicity', 'R', 'Chinese', 'other', 0, 14),"
  "  ('ethnicity-S', 'ethnicity', 'S', 'Any other ethnic group', 'other', 0, 15),"
  "  ('ethnicity-Z', 'ethnicity', 'Z', 'Not stated', NULL, 1, 16),"
  "  ('ethnicity-broad-white', 'ethnicity-broad', NULL, 'White', 'white', 0, 0),"
  "  ('ethnicity-broad-mixed', 'ethnicity-broad', NULL, 'Mixed', 'mixed', 0, 1),"
  "  ('ethnicity-broad-asian', 'ethnicity-broad', NULL, 'Asian or Asian British', 'asian', 0, 2),"
  "  ('ethnicity-broad-black', 'ethnicity-broad', NULL, 'Black or Black British', 'black', 0, 3),"
  "  ('ethnicity-broad-other', 'ethnicity-broad', NULL, 'Other', 'other', 0, 4),"
  "  ('ethnicity-broad-z', 'ethnicity-broad', NULL, 'Not stated', NULL, 1, 5);";

/* Culture of Care standards: the framework as data, per team its
 * self-assessment rounds, priorities, evidence and panel reviews. The
 * framework (twelve standards with hints of evidence, the words of the five
 * scores, the three levels' thresholds, and the types of evidence with what
 * each level asks of them) is shipped as the default with fixed ids, so
 * that copies of one file updated apart agree on it and merge, and a trust
 * may edit it. A round is a date and the team's staff headcount then; each
 * response is one respondent's, staff or someone with lived experience (a
 * person of the project, or anonymous), with a score of 1 to 5 and a
 * comment per standard. A piece of evidence links a standard and a type of
 * evidence to exactly one thing: a measure, a diagram item, a PDSA cycle, a
 * coaching session, a note or story in words, or a file or web page by
 * reference (never copied in). Its level is the one it is offered at; a
 * measure's may be left empty, to be worked out from its chart. Deleting
 * what a piece of evidence links to deletes the link. */
static const char schema_v7[] =
  "CREATE TABLE standard ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  title TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 200),"
  "  hints TEXT CHECK (length (hints) <= 2000),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE standard_score_word ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  score INTEGER NOT NULL UNIQUE CHECK (score BETWEEN 1 AND 5),"
  "  word TEXT NOT NULL CHECK (length (word) BETWEEN 1 AND 100));"

  "CREATE TABLE standard_level ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  level TEXT NOT NULL UNIQUE CHECK (level IN ('bronze', 'silver', 'gold')),"
  "  threshold REAL NOT NULL CHECK (threshold BETWEEN 1 AND 5),"
  "  needs_sustained INTEGER NOT NULL DEFAULT 0 CHECK (needs_sustained IN (0, 1)));"

  "CREATE TABLE evidence_type ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  title TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 200),"
  "  bronze TEXT CHECK (length (bronze) <= 500),"
  "  silver TEXT CHECK (length (silver) <= 500),"
  "  gold TEXT CHECK (length (gold) <= 500),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  position REAL NOT NULL DEFAULT 0);"

  "CREATE TABLE assessment_round ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  headcount INTEGER CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 100000));"
  "CREATE INDEX assessment_round_by_team ON assessment_round (team_id, date);"

  "CREATE TABLE assessment_response ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  round_id TEXT NOT NULL REFERENCES assessment_round (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'expert_by_experience',"
  "    'lived_experience_partner', 'carer')),"
  "  person_id TEXT REFERENCES person (id) ON DELETE SET NULL,"
  "  position REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX assessment_response_by_round ON assessment_response (round_id);"
  "CREATE INDEX assessment_response_by_person ON assessment_response (person_id);"

  "CREATE TABLE assessment_score ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  response_id TEXT NOT NULL REFERENCES assessment_response (id) ON DELETE CASCADE,"
  "  standard_id TEXT NOT NULL REFERENCES standard (id) ON DELETE CASCADE,"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
  "  comment TEXT CHECK (length (comment) <= 4000),"
  "  UNIQUE (response_id, standard_id));"
  "CREATE INDEX assessment_score_by_standard ON assessment_score (standard_id);"

  "CREATE TABLE priority_standard ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  standard_id TEXT NOT NULL REFERENCES standard (id) ON DELETE CASCADE,"
  "  position REAL NOT NULL DEFAULT 0,"
  "  UNIQUE (team_id, standard_id));"
  "CREATE INDEX priority_standard_by_standard ON priority_standard (standard_id);"

  "CREATE TABLE priority_link ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  priority_id TEXT NOT NULL REFERENCES priority_standard (id) ON DELETE CASCADE,"
  "  node_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  UNIQUE (priority_id, node_id));"
  "CREATE INDEX priority_link_by_node ON priority_link (node_id);"

  "CREATE TABLE standard_evidence ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  standard_id TEXT NOT NULL REFERENCES standard (id) ON DELETE CASCADE,"
  "  type_id TEXT NOT NULL REFERENCES evidence_type (id) ON DELETE CASCADE,"
  "  level TEXT CHECK (level IN ('bronze', 'silver', 'gold')),"
  "  measure_id TEXT REFERENCES measure (id) ON DELETE CASCADE,"
  "  node_id TEXT REFERENCES node (id) ON DELETE CASCADE,"
  "  pdsa_id TEXT REFERENCES pdsa_cycle (id) ON DELETE CASCADE,"
  "  session_id TEXT REFERENCES coaching_session (id) ON DELETE CASCADE,"
  "  note TEXT CHECK (length (note) BETWEEN 1 AND 20000),"
  "  reference TEXT CHECK (length (reference) BETWEEN 1 AND 2000),"
  "  title TEXT CHECK (length (title) <= 200),"
  "  added_on TEXT,"
  "  CHECK ((measure_id IS NOT NULL) + (node_id IS NOT NULL) + (pdsa_id IS NOT NULL) +"
  "    (session_id IS NOT NULL) + (note IS NOT NULL) + (reference IS NOT NULL) = 1),"
  "  CHECK (level IS NOT NULL OR measure_id IS NOT NULL));"
  "CREATE INDEX standard_evidence_by_team ON standard_evidence (team_id, standard_id);"
  "CREATE INDEX standard_evidence_by_standard ON standard_evidence (standard_id);"
  "CREATE INDEX standard_evidence_by_type ON standard_evidence (type_id);"
  "CREATE INDEX standard_evidence_by_measure ON standard_evidence (measure_id);"
  "CREATE INDEX standard_evidence_by_node ON standard_evidence (node_id);"
  "CREATE INDEX standard_evidence_by_pdsa ON standard_evidence (pdsa_id);"
  "CREATE INDEX standard_evidence_by_session ON standard_evidence (session_id);"

  "CREATE TABLE panel_review ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  members TEXT CHECK (length (members) <= 2000),"
  "  decision TEXT NOT NULL DEFAULT 'none' CHECK (decision IN ('none', 'bronze', 'silver',"
  "    'gold')),"
  "  conditions TEXT CHECK (length (conditions) <= 4000),"
  "  next_review_on TEXT);"
  "CREATE INDEX panel_review_by_team ON panel_review (team_id, date);"

  "INSERT INTO standard (id, title, hints, builtin, position) VALUES"
  "  ('coc-lived-experience', 'Lived Experience', 'PREOMs; patient councils; experts by "
  "experience in roles at all levels', 1, 0),"
  "  ('coc-safety', 'Safety', 'A safe-care dashboard; learning from PSIRF; safeguarding', 1, 1),"
  "  ('coc-relationships', 'Relationships', 'Reduction in restrictive practice; Think Family', 1, 2),"
  "  ('coc-staff-support', 'Staff Support', 'Staff survey trends; retention; reduction in "
  "assaults on staff', 1, 3),"
  "  ('coc-equality', 'Equality', 'Outcomes monitored by ethnicity; anti-racist practice "
  "(PCREF)', 1, 4),"
  "  ('coc-avoiding-harm', 'Avoiding Harm', 'Trauma-informed care; reduction in prone "
  "restraint', 1, 5),"
  "  ('coc-needs-led', 'Needs Led', 'Physical-health data; autism-informed care', 1, 6),"
  "  ('coc-choice', 'Choice', 'Mental Health Act compliance; consent; faith and food', 1, 7),"
  "  ('coc-environment', 'Environment', 'Ward environment standards', 1, 8),"
  "  ('coc-things-to-do', 'Things To Do', '20 hours of activity offered a week; a daily plan',"
  "  1, 9),"
  "  ('coc-therapeutic-support', 'Therapeutic Support', '5 hours of therapy a week where "
  "applicable; psychology', 1, 10),"
  "  ('coc-transparency', 'Transparency', 'Freedom to speak up; open governance; supervision',"
  "  1, 11);"
  "INSERT INTO standard_score_word (id, score, word) VALUES"
  "  ('coc-score-1', 1, 'Emerging'), ('coc-score-2', 2, 'Developing'),"
  "  ('coc-score-3', 3, 'Embedded'), ('coc-score-4', 4, 'Strong'),"
  "  ('coc-score-5', 5, 'Exemplar');"
  "INSERT INTO standard_level (id, level, threshold, needs_sustained) VALUES"
  "  ('coc-level-bronze', 'bronze', 2.5, 0), ('coc-level-silver', 'silver', 3.5, 0),"
  "  ('coc-level-gold', 'gold', 4.2, 1);"
  "INSERT INTO evidence_type (id, title, bronze, silver, gold, builtin, position) VALUES"
  "  ('coc-evidence-quantitative', 'Quantitative data', 'Baseline established',"
  "   'Demonstrated trend or shift', 'Sustained for 12 months or more', 1, 0),"
  "  ('coc-evidence-patient-experience', 'Patient experience', 'PREOMs reviewed',"
  "   'Positive measurable change', 'Sustained excellence', 1, 1),"
  "  ('coc-evidence-staff-experience', 'Staff experience', 'Engagement evidence',"
  "   'Two or more indicators improved', 'Sustained improvement', 1, 2),"
  "  ('coc-evidence-coproduction', 'Co-production', 'Experts by experience involved',"
  "   'An expert by experience co-leads an element', 'Embedded in governance', 1, 3),"
  "  ('coc-evidence-governance', 'Governance', 'Divisional reporting',"
  "   'Committee-level reporting', 'Influences trust policy', 1, 4),"
  "  ('coc-evidence-qi-method', 'QI method', 'QI tools used', 'Sustained measurable change',"
  "   'Continuous improvement culture', 1, 5);";

static const TandemMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
  { 7, schema_v7 },
};

/* Tables that are bookkeeping, not entities a person edits: the change log,
 * merge conflicts, and the coaching search index with the tables FTS5 keeps
 * for it. */
static const char * const internal_tables[] = {
  "meta", "change_txn", "change_log", "conflict",
  "coaching_search_doc", "coaching_search", "coaching_search_data", "coaching_search_idx",
  "coaching_search_content", "coaching_search_docsize", "coaching_search_config",
  NULL
};

/* Virtual tables, whose definition in a file must be exactly Tandem's own:
 * an untrusted file could otherwise point one at something else. */
static const struct { const char *name; const char *sql; } virtual_tables[] = {
  { "coaching_search", COACHING_SEARCH_FTS },
};

typedef struct
{
  GHashTable *by_name;   /* char * → TandemEntity * */
  GPtrArray  *names;     /* NULL-terminated */
} TandemSchemaCache;

const TandemMigration *
tandem_schema_get_migrations (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}

static gboolean
exec_or_error (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   "%s", msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static int
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/**
 * tandem_schema_migrate:
 * @db: an open, writable database
 * @steps: ordered migration steps
 * @n_steps: how many
 * @error: return location for an error
 *
 * Brings @db from its user_version up to the last step's version, running every
 * step that is newer than the file in one transaction: either all of them apply
 * or the file is left exactly as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_schema_migrate (sqlite3               *db,
                       const TandemMigration *steps,
                       guint                  n_steps,
                       GError               **error)
{
  int version = get_user_version (db);

  if (version < 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  if (n_steps == 0 || version >= steps[n_steps - 1].version)
    return TRUE;

  if (!exec_or_error (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *bump = NULL;

      if (steps[i].version <= version)
        continue;

      bump = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      if (!exec_or_error (db, steps[i].sql, error) || !exec_or_error (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "Could not update the project to format %d: ",
                          steps[i].version);
          return FALSE;
        }
    }

  if (!exec_or_error (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

#ifdef TANDEM_SCHEMA_GENERATOR
static gboolean
is_internal_table (const char *name)
{
  return g_strv_contains (internal_tables, name);
}
#endif

static TandemEntity *
entity_new (const char *name)
{
  TandemEntity *entity = g_new0 (TandemEntity, 1);

  entity->name = g_intern_string (name);
  entity->columns = g_ptr_array_new ();
  entity->children = g_array_new (FALSE, FALSE, sizeof (TandemChildLink));
  return entity;
}

static void
entity_build_sql (TandemEntity *entity)
{
  g_autoptr(GString) select = g_string_new ("SELECT json_object (");
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  g_string_append_printf (insert, "INSERT INTO %s (", entity->name);
  for (guint i = 0; i < entity->columns->len; i++)
    {
      const char *column = g_ptr_array_index (entity->columns, i);
      const char *sep = i ? ", " : "";

      g_string_append_printf (select, "%s'%s', %s", sep, column, column);
      g_string_append_printf (insert, "%s%s", sep, column);
      g_string_append_printf (values, "%sjson_extract (?1, '$.%s')", sep, column);
    }
  g_string_append_printf (select, ") FROM %s WHERE id = ?1", entity->name);
  g_string_append_printf (insert, ") VALUES (%s)", values->str);

  entity->select_json = g_string_free (g_steal_pointer (&select), FALSE);
  entity->insert_json = g_string_free (g_steal_pointer (&insert), FALSE);
}

/* The shape of every entity is read from a private in-memory database built
 * from our own migrations, never from the file being opened: the file is
 * untrusted, and the table and column names used to build SQL must be ours. */
#ifdef TANDEM_SCHEMA_GENERATOR
static TandemSchemaCache *
schema_cache_build (void)
{
  TandemSchemaCache *cache = g_new0 (TandemSchemaCache, 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  g_autoptr(GError) error = NULL;

  cache->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  cache->names = g_ptr_array_new ();

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !tandem_schema_migrate (db, migrations, G_N_ELEMENTS (migrations), &error))
    g_error ("Tandem's own schema does not build: %s",
             error ? error->message : sqlite3_errmsg (db));

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &tables, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      sqlite3_stmt *info = NULL;
      TandemEntity *entity;

      if (is_internal_table (name))
        continue;

      entity = entity_new (name);
      if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                              -1, &info, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_bind_text (info, 1, name, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_ptr_array_add (entity->columns,
                         (gpointer) g_intern_string ((const char *) sqlite3_column_text (info, 0)));
      sqlite3_finalize (info);

      g_assert (entity->columns->len > 0 &&
                g_str_equal (g_ptr_array_index (entity->columns, 0), "id"));
      entity_build_sql (entity);
      g_hash_table_insert (cache->by_name, (gpointer) entity->name, entity);
      g_ptr_array_add (cache->names, (gpointer) entity->name);
    }
  sqlite3_finalize (tables);
  g_ptr_array_add (cache->names, NULL);

  /* Children: every foreign key that points at an entity. */
  for (guint i = 0; cache->names->pdata[i] != NULL; i++)
    {
      const char *child = cache->names->pdata[i];
      sqlite3_stmt *fks = NULL;

      if (sqlite3_prepare_v2 (db, "SELECT \"table\", \"from\", on_delete "
                              "FROM pragma_foreign_key_list (?1)", -1, &fks, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_bind_text (fks, 1, child, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (fks) == SQLITE_ROW)
        {
          const char *parent = (const char *) sqlite3_column_text (fks, 0);
          const char *on_delete = (const char *) sqlite3_column_text (fks, 2);
          TandemEntity *parent_entity = g_hash_table_lookup (cache->by_name, parent);
          TandemChildLink link;

          if (parent_entity == NULL)
            continue;
          link.entity = child;
          link.column = g_intern_string ((const char *) sqlite3_column_text (fks, 1));
          link.rule = g_strcmp0 (on_delete, "SET NULL") == 0 ? TANDEM_CHILD_CLEAR
                                                              : TANDEM_CHILD_DELETE;
          g_array_append_val (parent_entity->children, link);
        }
      sqlite3_finalize (fks);
    }

  sqlite3_close (db);
  return cache;
}
#else
#include "tandem-schema-shape.h"

/* The same shape, from the description tandem-schema-gen made at build time
 * with the function above: building a database in memory on every start cost
 * more than the rest of a command-line export. */
static TandemSchemaCache *
schema_cache_build (void)
{
  TandemSchemaCache *cache = g_new0 (TandemSchemaCache, 1);

  cache->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  cache->names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (tandem_schema_shape); i++)
    {
      TandemEntity *entity = entity_new (tandem_schema_shape[i].name);

      for (guint c = 0; tandem_schema_shape[i].columns[c] != NULL; c++)
        g_ptr_array_add (entity->columns,
                         (gpointer) g_intern_static_string (tandem_schema_shape[i].columns[c]));
      entity_build_sql (entity);
      g_hash_table_insert (cache->by_name, (gpointer) entity->name, entity);
      g_ptr_array_add (cache->names, (gpointer) entity->name);
    }
  g_ptr_array_add (cache->names, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tandem_schema_shape); i++)
    {
      TandemEntity *entity = g_hash_table_lookup (cache->by_name, tandem_schema_shape[i].name);

      for (const TandemSchemaShapeChild *child = tandem_schema_shape[i].children;
           child->entity != NULL; child++)
        {
          TandemChildLink link;

          link.entity = g_intern_static_string (child->entity);
          link.column = g_intern_static_string (child->column);
          link.rule = child->clear ? TANDEM_CHILD_CLEAR : TANDEM_CHILD_DELETE;
          g_array_append_val (entity->children, link);
        }
    }
  return cache;
}

#include "tandem-schema-image.h"

/**
 * tandem_schema_new_image:
 * @size: (out): the image's size in bytes
 *
 * The empty database of the current format, as running every migration on a
 * new file with Tandem's application id makes it (tandem-schema-gen made it
 * that way at build time): the same tables, indexes, triggers, format and
 * rows, with no free pages. Writing it to a file is much quicker than
 * running the migrations, which parse the whole schema again at every step.
 *
 * Returns: (transfer full): the bytes of the database; free with g_free()
 */
guint8 *
tandem_schema_new_image (gsize *size)
{
  guint8 *image = g_malloc0 (TANDEM_SCHEMA_IMAGE_SIZE);
  const unsigned char *bytes = tandem_schema_image_bytes;

  for (guint i = 0; i < G_N_ELEMENTS (tandem_schema_image_runs); i++)
    {
      memcpy (image + tandem_schema_image_runs[i].offset, bytes, tandem_schema_image_runs[i].length);
      bytes += tandem_schema_image_runs[i].length;
    }
  *size = TANDEM_SCHEMA_IMAGE_SIZE;
  return image;
}
#endif

static TandemSchemaCache *
schema_cache (void)
{
  static gsize initialised = 0;
  static TandemSchemaCache *cache = NULL;

  if (g_once_init_enter (&initialised))
    {
      cache = schema_cache_build ();
      g_once_init_leave (&initialised, 1);
    }
  return cache;
}

/**
 * tandem_schema_lookup:
 * @entity: a table name
 *
 * Returns: (nullable): the entity of that name, or %NULL if Tandem has none
 */
const TandemEntity *
tandem_schema_lookup (const char *entity)
{
  if (entity == NULL)
    return NULL;
  return g_hash_table_lookup (schema_cache ()->by_name, entity);
}

/**
 * tandem_schema_has_column:
 * @entity: an entity
 * @column: a column name
 *
 * Returns: whether @entity has a column called @column
 */
gboolean
tandem_schema_has_column (const TandemEntity *entity,
                          const char         *column)
{
  if (column == NULL)
    return FALSE;
  for (guint i = 0; i < entity->columns->len; i++)
    if (g_str_equal (g_ptr_array_index (entity->columns, i), column))
      return TRUE;
  return FALSE;
}

/**
 * tandem_schema_list_entities:
 *
 * Returns: (transfer none): the names of every entity table, %NULL-terminated
 */
const char * const *
tandem_schema_list_entities (void)
{
  return (const char * const *) schema_cache ()->names->pdata;
}

/**
 * tandem_schema_verify:
 * @db: a database that claims to be a current Tandem project
 * @error: return location for an error
 *
 * Checks that every table Tandem uses is there with every column, and that the
 * file holds no triggers or views (Tandem makes none, and a file from elsewhere
 * must not run code of its own when we write to it).
 *
 * Returns: %TRUE if the schema is Tandem's
 */
gboolean
tandem_schema_verify (sqlite3  *db,
                      GError  **error)
{
  const char * const *names = tandem_schema_list_entities ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema "
                          "WHERE type IN ('trigger', 'view')", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM,
                           "it contains triggers or views that Tandem does not make");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* Every column of every table in one query, then compared with ours: one
   * query per column made this most of the cost of opening a project. */
  if (sqlite3_prepare_v2 (db, "SELECT m.name, p.name FROM sqlite_schema AS m "
                          "JOIN pragma_table_info (m.name) AS p WHERE m.type = 'table'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  {
    g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    int rc;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (present, g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "\x1f",
                                              (const char *) sqlite3_column_text (stmt, 1), NULL));
    if (rc != SQLITE_DONE)
      {
        g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                     "%s", sqlite3_errmsg (db));
        ok = FALSE;
      }

    for (guint i = 0; ok && names[i] != NULL; i++)
      {
        const TandemEntity *entity = tandem_schema_lookup (names[i]);

        for (guint c = 0; ok && c < entity->columns->len; c++)
          {
            const char *column = g_ptr_array_index (entity->columns, c);
            g_autofree char *key = g_strconcat (entity->name, "\x1f", column, NULL);

            if (!g_hash_table_contains (present, key))
              {
                g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM,
                             "the table “%s” or its column “%s” is missing", entity->name, column);
                ok = FALSE;
              }
          }
      }
  }

  sqlite3_finalize (stmt);
  stmt = NULL;
  if (ok && sqlite3_prepare_v2 (db, "SELECT count(*) FROM pragma_table_info (?1)",
                                -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (virtual_tables); i++)
    {
      sqlite3_stmt *vtab = NULL;

      if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' "
                              "AND name = ?1", -1, &vtab, NULL) != SQLITE_OK)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                       "%s", sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_bind_text (vtab, 1, virtual_tables[i].name, -1, SQLITE_STATIC);
      if (sqlite3_step (vtab) != SQLITE_ROW ||
          g_strcmp0 ((const char *) sqlite3_column_text (vtab, 0), virtual_tables[i].sql) != 0)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM,
                       "the table “%s” is not the one Tandem makes", virtual_tables[i].name);
          ok = FALSE;
        }
      sqlite3_finalize (vtab);
    }

  for (guint i = 0; ok && internal_tables[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, internal_tables[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM,
                       "the table “%s” is missing", internal_tables[i]);
          ok = FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return ok;
}
