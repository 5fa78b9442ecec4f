/* tandem-pdsa-row.c — one PDSA cycle in a change idea's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folded, the row shows the cycle's name and dates (and the decision, once
 * taken); unfolded, every part of it to edit: plan, do, study, act. It reads
 * the cycle from the project and saves what is typed in it; what it cannot
 * save, and the decision chosen (saved by its owner once the drop-down has
 * finished with it), it hands back by signals.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-diagram.h"
#include "tandem-enum-row.h"
#include "tandem-pdsa-row.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

/* The parts of a cycle, in the order of the template's entry rows. */
static const char * const parts[] = {
  "title", "started_on", "ended_on", "plan_objective", "plan_questions", "plan_predictions",
  "plan_logistics", "do_notes", "study_notes", "act_notes",
};

struct _TandemPdsaRow
{
  AdwExpanderRow  parent_instance;

  AdwEntryRow    *entries[G_N_ELEMENTS (parts)];
  AdwComboRow    *act_decision;
  GtkButton      *delete_button;

  TandemProject  *project;
  char           *pdsa_id;
  gboolean        editable;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (TandemPdsaRow, tandem_pdsa_row, ADW_TYPE_EXPANDER_ROW)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_PDSA_ID,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  FAILED,
  SAVE_FAILED,
  DECISION_CHOSEN,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_applied_cb (AdwEntryRow   *entry,
                  TandemPdsaRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdsa = g_strdup (self->pdsa_id);
  const char *field = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (self->entries[i] == entry)
      field = parts[i];
  if (self->filling || field == NULL)
    return;
  if (tandem_diagram_set_pdsa_field (self->project, pdsa, field,
                                     tandem_shown_field_get_stored (GTK_WIDGET (entry)),
                                     gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    tandem_shown_field_saved (GTK_WIDGET (entry), self->project);
  else
    g_signal_emit (self, signals[SAVE_FAILED], 0, entry, pdsa, field, error, &handled);
}

static void
decision_changed_cb (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     TandemPdsaRow *self)
{
  TandemValue word = tandem_enum_row_get_word (row, TANDEM_TYPE_ACT_DECISION, TANDEM_ACT_DECISION_NONE);

  if (self->filling || tandem_enum_row_get_value (row) < 0)
    return;
  g_signal_emit (self, signals[DECISION_CHOSEN], 0, word.s, row);
}

static void
delete_clicked_cb (GtkButton     *button,
                   TandemPdsaRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdsa = g_strdup (self->pdsa_id);   /* the row goes with the reload */

  g_object_ref (self);
  if (!tandem_diagram_delete_pdsa (self->project, pdsa, &error))
    g_signal_emit (self, signals[FAILED], 0, _("Could Not Delete the PDSA Cycle"), error);
  else
    g_signal_emit (self, signals[TOAST], 0, _("Deleted the PDSA cycle"));
  g_object_unref (self);
}

static void
fill (TandemPdsaRow *self)
{
  g_autofree char *decided = NULL;
  g_autofree char *when = NULL;
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup_printf ("pdsa:%s", self->pdsa_id);
  g_autofree char *decision_name = g_strdup_printf ("pdsa:%s:act_decision", self->pdsa_id);
  int selected = TANDEM_ACT_DECISION_NONE;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *entry = GTK_WIDGET (self->entries[i]);
      g_autofree char *value = tandem_project_get_text (self->project, TANDEM_ENTITY_PDSA_CYCLE,
                                                        self->pdsa_id, parts[i]);
      g_autofree char *entry_name = g_strdup_printf ("pdsa:%s:%s", self->pdsa_id, parts[i]);

      tandem_shown_field_fill (entry, self->project, TANDEM_ENTITY_PDSA_CYCLE, self->pdsa_id,
                               parts[i], value);
      gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
      gtk_widget_set_name (entry, entry_name);
      /* Dates typed day first or year-month-day, or chosen on a calendar. */
      if (g_str_has_suffix (parts[i], "_on") && self->editable)
        tandem_date_row_add_calendar (self->entries[i], TRUE);
      if (i == 0)
        title = g_steal_pointer (&value);
      else if (i == 1)
        started = tandem_describe_date (value);
      else if (i == 2)
        ended = tandem_describe_date (value);
    }

  decided = tandem_project_get_text (self->project, TANDEM_ENTITY_PDSA_CYCLE, self->pdsa_id,
                                     TANDEM_FIELD_PDSA_CYCLE_ACT_DECISION);
  tandem_stored_enum_from_word (TANDEM_TYPE_ACT_DECISION, decided, &selected);
  when = g_strdup_printf ("%s%s%s%s%s", started ? started : "", ended ? " – " : "",
                          ended ? ended : "",
                          selected ? _(" · decided: ") : "",
                          selected == TANDEM_ACT_DECISION_ADOPT ? _("adopt")
                          : selected == TANDEM_ACT_DECISION_ADAPT ? _("adapt")
                          : selected == TANDEM_ACT_DECISION_ABANDON ? _("abandon") : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title && *title ? title : _("Untitled test"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), when);
  gtk_widget_set_name (GTK_WIDGET (self), name);

  tandem_enum_row_set_model (self->act_decision, TANDEM_TYPE_ACT_DECISION,
                             TANDEM_ENUM_LABEL_FUNC (tandem_act_decision_get_label));
  tandem_enum_row_set_value (self->act_decision, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->act_decision), self->editable);
  gtk_widget_set_name (GTK_WIDGET (self->act_decision), decision_name);
  tandem_shown_field_remember_value (GTK_WIDGET (self->act_decision), TANDEM_ENTITY_PDSA_CYCLE,
                                     self->pdsa_id, TANDEM_FIELD_PDSA_CYCLE_ACT_DECISION, decided);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), self->editable);
  self->filling = FALSE;
}

static void
tandem_pdsa_row_constructed (GObject *object)
{
  TandemPdsaRow *self = TANDEM_PDSA_ROW (object);

  G_OBJECT_CLASS (tandem_pdsa_row_parent_class)->constructed (object);
  if (self->project && self->pdsa_id)
    fill (self);
}

static void
tandem_pdsa_row_finalize (GObject *object)
{
  TandemPdsaRow *self = TANDEM_PDSA_ROW (object);

  g_clear_object (&self->project);
  g_free (self->pdsa_id);
  G_OBJECT_CLASS (tandem_pdsa_row_parent_class)->finalize (object);
}

static void
tandem_pdsa_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemPdsaRow *self = TANDEM_PDSA_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_PDSA_ID:
      g_value_set_string (value, self->pdsa_id);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_pdsa_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemPdsaRow *self = TANDEM_PDSA_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_PDSA_ID:
      self->pdsa_id = g_value_dup_string (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_pdsa_row_class_init (TandemPdsaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_pdsa_row_constructed;
  object_class->finalize = tandem_pdsa_row_finalize;
  object_class->get_property = tandem_pdsa_row_get_property;
  object_class->set_property = tandem_pdsa_row_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PDSA_ID] =
    g_param_spec_string ("pdsa-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemPdsaRow::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemPdsaRow::save-failed:
   * @editor: the part whose words could not be saved
   * @pdsa_id: the cycle
   * @field: the part's field
   * @error: why (a conflict with another program's change, or another error)
   *
   * Returns: %TRUE if the handler took a conflict and will refresh the row
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       g_signal_accumulator_true_handled, NULL, NULL,
                                       G_TYPE_BOOLEAN, 4, GTK_TYPE_WIDGET, G_TYPE_STRING, G_TYPE_STRING,
                                       G_TYPE_ERROR);
  /**
   * TandemPdsaRow::decision-chosen:
   * @word: the decision, as stored ("adopt", "adapt", "abandon"), or %NULL
   * @editor: the drop-down it was chosen in
   */
  signals[DECISION_CHOSEN] = g_signal_new ("decision-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_STRING, GTK_TYPE_WIDGET);
  /**
   * TandemPdsaRow::toast:
   * @title: what was done, to be offered for undoing
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-pdsa-row.ui");
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_widget_class_bind_template_child_full (widget_class, parts[i], FALSE,
                                               G_STRUCT_OFFSET (TandemPdsaRow, entries)
                                               + i * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, TandemPdsaRow, act_decision);
  gtk_widget_class_bind_template_child (widget_class, TandemPdsaRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, decision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
tandem_pdsa_row_init (TandemPdsaRow *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_pdsa_row_new:
 * @project: the project the cycle is in
 * @pdsa_id: the cycle
 * @editable: whether its parts can be changed
 *
 * Returns: (transfer floating): a row showing the cycle as it is in @project
 */
GtkWidget *
tandem_pdsa_row_new (TandemProject *project,
                     const char    *pdsa_id,
                     gboolean       editable)
{
  return g_object_new (TANDEM_TYPE_PDSA_ROW, "project", project, "pdsa-id", pdsa_id,
                       "editable", editable, NULL);
}

/**
 * tandem_pdsa_row_get_pdsa_id:
 * @self: a PDSA row
 *
 * Returns: the cycle it shows
 */
const char *
tandem_pdsa_row_get_pdsa_id (TandemPdsaRow *self)
{
  g_return_val_if_fail (TANDEM_IS_PDSA_ROW (self), NULL);
  return self->pdsa_id;
}
