/* tandem-measure-edit-dialog.c — changing a phase or a note on a measure's
 * chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phase: its start, its label and the measure's baseline. A note: its
 * date, its text and the PDSA cycle or change idea it is about. "edit.save"
 * saves them as one undoable change, from what the window showed (a field
 * someone else changed meanwhile is kept as a conflict), or says in the
 * window what to correct.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-entry.h"
#include "tandem-link-target-drop-down.h"
#include "tandem-measure-edit-dialog.h"

struct _TandemMeasureEditDialog
{
  AdwWindow        parent_instance;

  GtkGrid         *grid;
  GtkLabel        *date_label;
  TandemDateEntry *date_entry;
  GtkLabel        *text_label;
  GtkEntry        *text_entry;
  GtkLabel        *freeze_label;
  GtkEntry        *freeze_entry;
  GtkLabel        *freeze_hint;
  GtkLabel        *about_label;
  GtkDropDown     *link_drop;
  GtkLabel        *error_label;

  TandemProject   *project;
  TandemMeasure   *shown;      /* the measure as it was when the window opened */
  char            *measure_id;
  char            *item_id;
  gboolean         phase;
  GPtrArray       *targets;
};

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_MEASURE_ID,
  PROP_ITEM_ID,
  N_PROPS
};

enum
{
  CONFLICT,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemMeasureEditDialog, tandem_measure_edit_dialog, ADW_TYPE_WINDOW)

static void
fail (TandemMeasureEditDialog *self,
      const char              *message,
      GtkWidget               *focus)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (focus)
    gtk_widget_grab_focus (focus);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemMeasureEditDialog *self = TANDEM_MEASURE_EDIT_DIALOG (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean text_missing = *stripped == '\0';
  char date[11];

  if (!tandem_date_entry_get_date (self->date_entry, date))
    {
      fail (self, _("Type the date as 2026-03-02 or 02/03/2026 (day, month, year)."),
            GTK_WIDGET (self->date_entry));
      return;
    }
  if (self->phase)
    {
      g_autofree char *freeze = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->freeze_entry))));
      guint64 n = 0;

      if (*freeze && !g_ascii_string_to_unsigned (freeze, 10, 2, 100000, &n, NULL))
        {
          fail (self, _("The baseline is a number of points, 2 or more, or empty to use them all."),
                GTK_WIDGET (self->freeze_entry));
          return;
        }
      /* Saved from what the window showed: a field someone else changed
       * meanwhile is kept as a conflict, not written over. */
      id = tandem_measure_save_phase (self->project, self->shown, self->item_id, date, stripped,
                                      (int) n, &error);
    }
  else
    {
      const TandemLinkTarget *target = tandem_link_target_at (self->targets,
                                                              gtk_drop_down_get_selected (self->link_drop));

      text_missing = text_missing && target == NULL;
      id = tandem_measure_save_note (self->project, self->shown, self->item_id, date, stripped,
                                     target ? target->node_id : NULL, target ? target->pdsa_id : NULL,
                                     &error);
    }
  if (id == NULL && g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
    {
      /* The rest is saved and what was typed is kept in the conflict. */
      g_signal_emit (self, signals[CONFLICT], 0, self->phase ? "label" : "text", error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (id == NULL)
    {
      if (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID))
        fail (self, error->message, text_missing ? GTK_WIDGET (self->text_entry)
                                                 : GTK_WIDGET (self->date_entry));
      else
        g_signal_emit (self, signals[FAILED], 0,
                       self->phase ? _("Could Not Change the Phase") : _("Could Not Change the Note"), error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_measure_edit_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TandemMeasureEditDialog *self = TANDEM_MEASURE_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_MEASURE_ID:
      g_value_set_string (value, self->measure_id);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_edit_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  TandemMeasureEditDialog *self = TANDEM_MEASURE_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    case PROP_MEASURE_ID:
      g_free (self->measure_id);
      self->measure_id = g_value_dup_string (value);
      break;
    case PROP_ITEM_ID:
      g_free (self->item_id);
      self->item_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The field to type in first has the focus once the window is shown. */
static void
tandem_measure_edit_dialog_show (GtkWidget *widget)
{
  TandemMeasureEditDialog *self = TANDEM_MEASURE_EDIT_DIALOG (widget);

  GTK_WIDGET_CLASS (tandem_measure_edit_dialog_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

static void
tandem_measure_edit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_MEASURE_EDIT_DIALOG);
  G_OBJECT_CLASS (tandem_measure_edit_dialog_parent_class)->dispose (object);
}

static void
tandem_measure_edit_dialog_finalize (GObject *object)
{
  TandemMeasureEditDialog *self = TANDEM_MEASURE_EDIT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->shown, tandem_measure_unref);
  g_free (self->measure_id);
  g_free (self->item_id);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_measure_edit_dialog_parent_class)->finalize (object);
}

static void
tandem_measure_edit_dialog_class_init (TandemMeasureEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_measure_edit_dialog_get_property;
  object_class->set_property = tandem_measure_edit_dialog_set_property;
  object_class->dispose = tandem_measure_edit_dialog_dispose;
  object_class->finalize = tandem_measure_edit_dialog_finalize;
  widget_class->show = tandem_measure_edit_dialog_show;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE_ID] =
    g_param_spec_string ("measure-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemMeasureEditDialog::conflict:
   * @field: the field someone else changed meanwhile
   * @error: the conflict
   *
   * The rest is saved and what was typed is kept in the conflict; the
   * window closes next.
   */
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemMeasureEditDialog::failed:
   * @heading: what could not be done
   * @error: why
   *
   * Nothing was saved; the window stays open.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-measure-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, text_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, freeze_label);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, freeze_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, freeze_hint);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, about_label);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureEditDialog, error_label);

  gtk_widget_class_install_action (widget_class, "edit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_measure_edit_dialog_init (TandemMeasureEditDialog *self)
{
  GtkEntry *date = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  date = tandem_date_entry_get_entry (self->date_entry);
  gtk_entry_set_activates_default (date, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->date_label, NULL, -1);
}

static TandemMeasureEditDialog *
edit_dialog_new (TandemProject *project,
                 TandemMeasure *measure,
                 const char    *item_id,
                 gboolean       phase,
                 const char    *date,
                 const char    *text)
{
  TandemMeasureEditDialog *self = g_object_new (TANDEM_TYPE_MEASURE_EDIT_DIALOG,
                                                "project", project,
                                                "measure-id", measure->id,
                                                "item-id", item_id,
                                                "title", phase ? _("Change the Phase") : _("Change the Note"),
                                                NULL);

  self->shown = tandem_measure_ref (measure);
  self->phase = phase;
  tandem_date_entry_set_date (self->date_entry, date);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), text ? text : "");
  return self;
}

/**
 * tandem_measure_edit_dialog_new_for_phase:
 * @project: the project
 * @measure: the measure as shown
 * @phase: one of its phases
 *
 * Returns: (transfer floating): the window to change @phase and the
 *   measure's baseline, not yet shown
 */
TandemMeasureEditDialog *
tandem_measure_edit_dialog_new_for_phase (TandemProject     *project,
                                          TandemMeasure     *measure,
                                          const TandemPhase *phase)
{
  TandemMeasureEditDialog *self;
  g_autofree char *freeze = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure != NULL && phase != NULL, NULL);

  self = edit_dialog_new (project, measure, phase->id, TRUE, phase->starts_on, phase->label);
  gtk_label_set_text_with_mnemonic (self->date_label, _("_Starts on"));
  gtk_label_set_text_with_mnemonic (self->text_label, _("_What changed"));
  gtk_entry_set_placeholder_text (self->text_entry, _("e.g. after the new observation policy"));
  freeze = measure->freeze ? g_strdup_printf ("%u", measure->freeze) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->freeze_entry), freeze ? freeze : "");
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_hint), TRUE);
  return self;
}

/**
 * tandem_measure_edit_dialog_new_for_note:
 * @project: the project
 * @measure: the measure as shown
 * @note: one of its notes (not one from a linked PDSA cycle)
 * @targets: (element-type TandemLinkTarget) (nullable): what the note can be about
 *
 * Returns: (transfer floating): the window to change @note, not yet shown
 */
TandemMeasureEditDialog *
tandem_measure_edit_dialog_new_for_note (TandemProject          *project,
                                         TandemMeasure          *measure,
                                         const TandemAnnotation *note,
                                         GPtrArray              *targets)
{
  TandemMeasureEditDialog *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure != NULL && note != NULL, NULL);

  self = edit_dialog_new (project, measure, note->id, FALSE, note->date, note->text);
  self->targets = targets ? g_ptr_array_ref (targets) : NULL;
  gtk_label_set_text_with_mnemonic (self->date_label, _("_Date"));
  gtk_label_set_text_with_mnemonic (self->text_label, _("_What happened"));
  gtk_entry_set_placeholder_text (self->text_entry, _("What happened (optional if linked)"));
  self->link_drop = tandem_link_target_drop_down_new (targets, _("The PDSA cycle or change idea the note is about"));
  gtk_drop_down_set_selected (self->link_drop, tandem_link_target_position (targets, note->node_id, note->pdsa_id));
  gtk_label_set_mnemonic_widget (self->about_label, GTK_WIDGET (self->link_drop));
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), TRUE);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->link_drop), 1, 2, 1, 1);
  return self;
}

const char *
tandem_measure_edit_dialog_get_measure_id (TandemMeasureEditDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_EDIT_DIALOG (self), NULL);
  return self->measure_id;
}

const char *
tandem_measure_edit_dialog_get_item_id (TandemMeasureEditDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_EDIT_DIALOG (self), NULL);
  return self->item_id;
}

/**
 * tandem_measure_edit_dialog_get_error_text:
 * @self: the dialog
 *
 * Returns: (nullable): what the window says to correct, %NULL if nothing
 */
const char *
tandem_measure_edit_dialog_get_error_text (TandemMeasureEditDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_EDIT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
