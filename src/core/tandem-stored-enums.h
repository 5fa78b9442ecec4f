/* tandem-stored-enums.h — the fixed choices a project file stores as words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every column the schema limits to a list of words (a CHECK (... IN (...))
 * list) has an enum, here or in its area's header. glib-mkenums turns each
 * into a GEnum type (tandem-enums.h) whose value nicks are the stored words,
 * so reading and writing a word is a nick lookup; the only hand-written
 * table per enum is its translated label, below.
 */

#pragma once

#include <glib-object.h>

#include "tandem-enums.h"
#include "tandem-spc.h"

G_BEGIN_DECLS

/* change_txn.kind: what a transaction in the change log did. */
typedef enum
{
  TANDEM_CHANGE_KIND_EDIT,
  TANDEM_CHANGE_KIND_UNDO,
  TANDEM_CHANGE_KIND_REDO,
  TANDEM_CHANGE_KIND_CREATE,
} TandemChangeKind;

/* change_log.op: what one logged step did to its row. */
typedef enum
{
  TANDEM_CHANGE_OP_INSERT,
  TANDEM_CHANGE_OP_UPDATE,
  TANDEM_CHANGE_OP_DELETE,
} TandemChangeOp;

/* conflict.source: how two values of one field came to disagree. */
typedef enum
{
  TANDEM_CONFLICT_SOURCE_MERGE,
  TANDEM_CONFLICT_SOURCE_LIVE,
} TandemConflictSource;

/* person.role */
typedef enum
{
  TANDEM_PERSON_ROLE_STAFF,
  TANDEM_PERSON_ROLE_LIVED_EXPERIENCE_PARTNER, /*< nick=lived_experience_partner >*/
  TANDEM_PERSON_ROLE_PEER_SUPPORT_WORKER,      /*< nick=peer_support_worker >*/
  TANDEM_PERSON_ROLE_EXPERT_BY_EXPERIENCE,     /*< nick=expert_by_experience >*/
  TANDEM_PERSON_ROLE_CARER,
  TANDEM_PERSON_ROLE_SENIOR_SPONSOR,           /*< nick=senior_sponsor >*/
  TANDEM_PERSON_ROLE_COACH,
  TANDEM_PERSON_ROLE_OTHER,
} TandemPersonRole;

/* person.taking_part_as: the role a person chooses to take part as (never a
 * diagnosis); NONE, taking part as no one in particular, is stored as NULL. */
typedef enum
{
  TANDEM_TAKING_PART_AS_NONE,
  TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER, /*< nick=lived_experience_partner >*/
  TANDEM_TAKING_PART_AS_EXPERT_BY_EXPERIENCE,     /*< nick=expert_by_experience >*/
  TANDEM_TAKING_PART_AS_PEER_WORKER,              /*< nick=peer_worker >*/
  TANDEM_TAKING_PART_AS_CARER,
} TandemTakingPartAs;

/* pdsa_cycle.act_decision; NONE is stored as NULL. */
typedef enum
{
  TANDEM_ACT_DECISION_NONE,
  TANDEM_ACT_DECISION_ADOPT,
  TANDEM_ACT_DECISION_ADAPT,
  TANDEM_ACT_DECISION_ABANDON,
} TandemActDecision;

/* measure.kind */
typedef enum
{
  TANDEM_MEASURE_KIND_OUTCOME,
  TANDEM_MEASURE_KIND_PROCESS,
  TANDEM_MEASURE_KIND_BALANCING,
} TandemMeasureKind;

/* measure.frequency */
typedef enum
{
  TANDEM_MEASURE_FREQUENCY_DAILY,
  TANDEM_MEASURE_FREQUENCY_WEEKLY,
  TANDEM_MEASURE_FREQUENCY_MONTHLY,
} TandemMeasureFrequency;

/* attendance.status */
typedef enum
{
  TANDEM_ATTENDANCE_PRESENT,
  TANDEM_ATTENDANCE_APOLOGIES,
} TandemAttendanceStatus;

/* action.status: a coaching action is open until it is done or dropped. */
typedef enum
{
  TANDEM_ACTION_OPEN,
  TANDEM_ACTION_DONE,
  TANDEM_ACTION_DROPPED,
} TandemActionStatus;

/* framework_item.kind */
typedef enum
{
  TANDEM_FRAMEWORK_ITEM_KIND_ITEM,
  TANDEM_FRAMEWORK_ITEM_KIND_SUPPORT,
} TandemFrameworkItemKind;

const char *tandem_stored_enum_to_word   (GType       enum_type,
                                          int         value);
gboolean    tandem_stored_enum_from_word (GType       enum_type,
                                          const char *word,
                                          int        *value);

const char *tandem_change_kind_get_label          (TandemChangeKind        kind);
const char *tandem_change_op_get_label            (TandemChangeOp          op);
const char *tandem_conflict_source_get_label      (TandemConflictSource    source);
const char *tandem_person_role_get_label          (TandemPersonRole        role);
const char *tandem_taking_part_as_get_label       (TandemTakingPartAs      taking_part_as);
const char *tandem_act_decision_get_label         (TandemActDecision       decision);
const char *tandem_measure_kind_get_label         (TandemMeasureKind       kind);
const char *tandem_measure_frequency_get_label    (TandemMeasureFrequency  frequency);
const char *tandem_attendance_status_get_label    (TandemAttendanceStatus  status);
const char *tandem_action_status_get_label        (TandemActionStatus      status);
const char *tandem_framework_item_kind_get_label  (TandemFrameworkItemKind kind);
const char *tandem_spc_chart_get_label            (TandemSpcChart          chart);
const char *tandem_spc_rules_get_label            (TandemSpcRules          rules);
const char *tandem_spc_direction_get_label        (TandemSpcDirection      direction);

G_END_DECLS
