/* tandem-stored-enums.c — stored words through the enums' nicks, and each
 * enum's label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-stored-enums.h"

/**
 * tandem_stored_enum_to_word:
 * @enum_type: one of the generated enum types (tandem-enums.h)
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the word stored in the file for
 *   @value (its nick), or %NULL if @value is not one of the type's values
 */
const char *
tandem_stored_enum_to_word (GType enum_type,
                            int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* The classes of static enum types are never finalized, so the nick
   * outlives the reference taken here. */
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value (klass, value);
  return found ? found->value_nick : NULL;
}

/**
 * tandem_stored_enum_from_word:
 * @enum_type: one of the generated enum types (tandem-enums.h)
 * @word: (nullable): a word as stored in a file
 * @value: (out): the value whose nick is @word; untouched if there is none
 *
 * Returns: whether @word is one of the type's stored words
 */
gboolean
tandem_stored_enum_from_word (GType       enum_type,
                              const char *word,
                              int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (word == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, word);
  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Labels: one table per enum, in the order of its values                    */

#define LABEL_FROM(table, value) \
  ((guint) (value) < G_N_ELEMENTS (table) ? _(table[value]) : "")

/**
 * tandem_change_kind_get_label:
 * @kind: what a transaction in the change log did
 *
 * Returns: (transfer none): @kind in words, translated
 */
const char *
tandem_change_kind_get_label (TandemChangeKind kind)
{
  static const char * const labels[] = {
    N_("Edit"), N_("Undo"), N_("Redo"), N_("Creation of the project"),
  };
  return LABEL_FROM (labels, kind);
}

/**
 * tandem_change_op_get_label:
 * @op: what a logged step did to its row
 *
 * Returns: (transfer none): @op in words, translated
 */
const char *
tandem_change_op_get_label (TandemChangeOp op)
{
  static const char * const labels[] = {
    N_("Added"), N_("Changed"), N_("Deleted"),
  };
  return LABEL_FROM (labels, op);
}

/**
 * tandem_conflict_source_get_label:
 * @source: how two values of one field came to disagree
 *
 * Returns: (transfer none): @source in words, translated
 */
const char *
tandem_conflict_source_get_label (TandemConflictSource source)
{
  static const char * const labels[] = {
    N_("Combined from another copy"), N_("Changed by someone else at the same time"),
  };
  return LABEL_FROM (labels, source);
}

/**
 * tandem_person_role_get_label:
 * @role: a person's role
 *
 * Returns: (transfer none): the role in the user's words, translated
 */
const char *
tandem_person_role_get_label (TandemPersonRole role)
{
  static const char * const labels[] = {
    N_("Staff"), N_("Lived-experience partner"), N_("Peer support worker"),
    N_("Expert by experience"), N_("Carer"), N_("Senior sponsor"), N_("Coach"), N_("Other"),
  };
  return LABEL_FROM (labels, role);
}

/**
 * tandem_taking_part_as_get_label:
 * @taking_part_as: the role a person chooses to take part as
 *
 * Returns: (transfer none): the role in the user's words, translated
 */
const char *
tandem_taking_part_as_get_label (TandemTakingPartAs taking_part_as)
{
  static const char * const labels[] = {
    N_("No particular role"), N_("Lived-experience partner"), N_("Expert by experience"),
    N_("Peer worker"), N_("Carer"),
  };
  return LABEL_FROM (labels, taking_part_as);
}

/**
 * tandem_act_decision_get_label:
 * @decision: what a PDSA cycle decided
 *
 * Returns: (transfer none): the decision in words, translated
 */
const char *
tandem_act_decision_get_label (TandemActDecision decision)
{
  static const char * const labels[] = {
    N_("Not decided yet"), N_("Adopt"), N_("Adapt"), N_("Abandon"),
  };
  return LABEL_FROM (labels, decision);
}

/**
 * tandem_measure_kind_get_label:
 * @kind: a kind of measure
 *
 * Returns: (transfer none): the kind in words, translated
 */
const char *
tandem_measure_kind_get_label (TandemMeasureKind kind)
{
  static const char * const labels[] = {
    N_("Outcome"), N_("Process"), N_("Balancing"),
  };
  return LABEL_FROM (labels, kind);
}

/**
 * tandem_measure_frequency_get_label:
 * @frequency: how often a measure is taken
 *
 * Returns: (transfer none): the frequency in words, translated
 */
const char *
tandem_measure_frequency_get_label (TandemMeasureFrequency frequency)
{
  static const char * const labels[] = {
    N_("Daily"), N_("Weekly"), N_("Monthly"),
  };
  return LABEL_FROM (labels, frequency);
}

/**
 * tandem_attendance_status_get_label:
 * @status: whether a person came to a coaching session
 *
 * Returns: (transfer none): the status in words, translated
 */
const char *
tandem_attendance_status_get_label (TandemAttendanceStatus status)
{
  static const char * const labels[] = {
    N_("Present"), N_("Apologies"),
  };
  return LABEL_FROM (labels, status);
}

/**
 * tandem_action_status_get_label:
 * @status: where a coaching action stands
 *
 * Returns: (transfer none): the status in words, translated
 */
const char *
tandem_action_status_get_label (TandemActionStatus status)
{
  static const char * const labels[] = {
    N_("Open"), N_("Done"), N_("Dropped"),
  };
  return LABEL_FROM (labels, status);
}

/**
 * tandem_framework_item_kind_get_label:
 * @kind: the kind of an implementation framework's item
 *
 * Returns: (transfer none): the kind in words, translated
 */
const char *
tandem_framework_item_kind_get_label (TandemFrameworkItemKind kind)
{
  static const char * const labels[] = {
    N_("Framework item"), N_("Support peer workers need"),
  };
  return LABEL_FROM (labels, kind);
}

/**
 * tandem_spc_chart_get_label:
 * @chart: a chart type
 *
 * Returns: (transfer none): its name for people ("C chart (counts)"), translated
 */
const char *
tandem_spc_chart_get_label (TandemSpcChart chart)
{
  static const char * const labels[] = {
    N_("Run chart"),
    N_("I chart (individual values)"),
    N_("Moving range chart"),
    N_("X-bar chart (averages)"),
    N_("S chart (spread)"),
    N_("T chart (time between events)"),
    N_("P chart (proportions)"),
    N_("P′ chart (proportions, Laney)"),
    N_("C chart (counts)"),
    N_("U chart (rates)"),
    N_("U′ chart (rates, Laney)"),
    N_("G chart (cases between events)"),
  };
  return LABEL_FROM (labels, chart);
}

/**
 * tandem_spc_rules_get_label:
 * @rules: a rule set
 *
 * Returns: (transfer none): its name for people ("Making Data Count rules"),
 *   translated; an unknown value reads as the usual rules
 */
const char *
tandem_spc_rules_get_label (TandemSpcRules rules)
{
  static const char * const labels[] = {
    N_("Usual rules for the chart"), N_("Anhøj rules"), N_("IHI run chart rules"),
    N_("Making Data Count rules"),
  };
  return _(labels[(guint) rules < G_N_ELEMENTS (labels) ? rules : TANDEM_SPC_RULES_DEFAULT]);
}

/**
 * tandem_spc_direction_get_label:
 * @direction: which way is better for a measure
 *
 * Returns: (transfer none): the direction in words, translated
 */
const char *
tandem_spc_direction_get_label (TandemSpcDirection direction)
{
  static const char * const labels[] = {
    N_("Higher is better"), N_("Lower is better"), N_("Neither"),
  };
  return LABEL_FROM (labels, direction);
}
