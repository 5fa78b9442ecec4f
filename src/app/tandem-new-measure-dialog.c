/* tandem-new-measure-dialog.c — the window that makes a measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its name (focused), which way is better (asked, never assumed: a harm
 * measure is better lower) and what it counts or measures, which suggests
 * the chart (a C chart for counts of events, a P chart for how many out of
 * how many…). "new.create" adds the measure as one undoable change and says
 * so with ::created.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enum-row.h"
#include "tandem-measure.h"
#include "tandem-new-measure-dialog.h"

struct _TandemNewMeasureDialog
{
  AdwWindow       parent_instance;

  GtkEntry       *name_entry;
  GtkCheckButton *direction[3];
  GtkDropDown    *shape;
  GtkButton      *create_button;

  TandemProject  *project;
  char           *team_id;
};

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_TEAM_ID,
  N_PROPS
};

enum
{
  CREATED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemNewMeasureDialog, tandem_new_measure_dialog, ADW_TYPE_WINDOW)

/* What a new measure counts or measures, and the chart that fits it, in the
 * order of the template's list. */
static const struct
{
  TandemSpcChart  chart;
  const char     *unit;
  double          multiply;
} measure_shapes[] = {
  { TANDEM_SPC_CHART_RUN, NULL, 1 },
  { TANDEM_SPC_CHART_C, NULL, 1 },
  { TANDEM_SPC_CHART_U, NULL, 1 },
  { TANDEM_SPC_CHART_P, "%", 100 },
  { TANDEM_SPC_CHART_I, NULL, 1 },
};

static const TandemSpcDirection directions[] = {
  TANDEM_SPC_DIRECTION_INCREASE, TANDEM_SPC_DIRECTION_DECREASE, TANDEM_SPC_DIRECTION_NEUTRAL,
};

/* A name nobody on the team has used yet: "New measure", "New measure 2"… */
static char *
unused_measure_name (GPtrArray *measures)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (_("New measure"))
                                          : g_strdup_printf (_("New measure %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; i < measures->len; i++)
        if (g_strcmp0 (((TandemMeasure *) measures->pdata[i])->name, candidate) == 0)
          taken = TRUE;
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* Create only with a name and an answer to which way is better. */
static void
changed_cb (TandemNewMeasureDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  gboolean chosen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->direction); i++)
    chosen = chosen || gtk_check_button_get_active (self->direction[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new.create", chosen && *name != '\0');
}

/* Enter on a tick box is the window's default action. */
static gboolean
key_pressed_cb (TandemNewMeasureDialog *self,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state)
{
  return tandem_enter_on_check_button (GTK_WIDGET (self), keyval, state,
                                       GTK_WIDGET (self->create_button), "new.create");
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemNewMeasureDialog *self = TANDEM_NEW_MEASURE_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  guint shape = gtk_drop_down_get_selected (self->shape);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int direction = -1;

  for (guint i = 0; i < G_N_ELEMENTS (self->direction); i++)
    if (gtk_check_button_get_active (self->direction[i]))
      direction = (int) directions[i];
  if (direction < 0 || *name == '\0')
    return;
  if (shape >= G_N_ELEMENTS (measure_shapes))
    shape = 0;
  id = tandem_measure_add_set_up (self->project, self->team_id, name, (TandemSpcDirection) direction,
                                  measure_shapes[shape].chart, measure_shapes[shape].unit,
                                  measure_shapes[shape].multiply, &error);
  if (id == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, _("Could Not Add a Measure"), error);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_new_measure_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TandemNewMeasureDialog *self = TANDEM_NEW_MEASURE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_new_measure_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TandemNewMeasureDialog *self = TANDEM_NEW_MEASURE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    case PROP_TEAM_ID:
      g_free (self->team_id);
      self->team_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The field to type in first has the focus once the window is shown. */
static void
tandem_new_measure_dialog_show (GtkWidget *widget)
{
  TandemNewMeasureDialog *self = TANDEM_NEW_MEASURE_DIALOG (widget);

  GTK_WIDGET_CLASS (tandem_new_measure_dialog_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
tandem_new_measure_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_NEW_MEASURE_DIALOG);
  G_OBJECT_CLASS (tandem_new_measure_dialog_parent_class)->dispose (object);
}

static void
tandem_new_measure_dialog_finalize (GObject *object)
{
  TandemNewMeasureDialog *self = TANDEM_NEW_MEASURE_DIALOG (object);

  g_clear_object (&self->project);
  g_free (self->team_id);
  G_OBJECT_CLASS (tandem_new_measure_dialog_parent_class)->finalize (object);
}

static void
tandem_new_measure_dialog_class_init (TandemNewMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_new_measure_dialog_get_property;
  object_class->set_property = tandem_new_measure_dialog_set_property;
  object_class->dispose = tandem_new_measure_dialog_dispose;
  object_class->finalize = tandem_new_measure_dialog_finalize;
  widget_class->show = tandem_new_measure_dialog_show;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM_ID] =
    g_param_spec_string ("team-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemNewMeasureDialog::created:
   * @measure_id: the new measure
   *
   * The measure is added, as one undoable change, and the window closed.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TandemNewMeasureDialog::failed:
   * @heading: what could not be done
   * @error: why
   *
   * Nothing was added; the window stays open.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-new-measure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemNewMeasureDialog, name_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "higher_check", FALSE,
                                             G_STRUCT_OFFSET (TandemNewMeasureDialog, direction[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "lower_check", FALSE,
                                             G_STRUCT_OFFSET (TandemNewMeasureDialog, direction[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "neither_check", FALSE,
                                             G_STRUCT_OFFSET (TandemNewMeasureDialog, direction[2]));
  gtk_widget_class_bind_template_child (widget_class, TandemNewMeasureDialog, shape);
  gtk_widget_class_bind_template_child (widget_class, TandemNewMeasureDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "new.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_new_measure_dialog_init (TandemNewMeasureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  changed_cb (self);
}

/**
 * tandem_new_measure_dialog_new:
 * @project: the project
 * @team_id: the team the measure is for
 * @error: why the team's measures could not be read
 *
 * Returns: (transfer floating) (nullable): the window, its name one the
 *   team has not used, not yet shown
 */
TandemNewMeasureDialog *
tandem_new_measure_dialog_new (TandemProject  *project,
                               const char     *team_id,
                               GError        **error)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *name = NULL;
  TandemNewMeasureDialog *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  measures = tandem_measure_list (project, team_id, error);
  if (measures == NULL)
    return NULL;
  name = unused_measure_name (measures);
  self = g_object_new (TANDEM_TYPE_NEW_MEASURE_DIALOG,
                       "project", project,
                       "team-id", team_id,
                       NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  return self;
}

const char *
tandem_new_measure_dialog_get_team_id (TandemNewMeasureDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_NEW_MEASURE_DIALOG (self), NULL);
  return self->team_id;
}

/**
 * tandem_new_measure_dialog_get_name:
 * @self: the dialog
 *
 * Returns: (transfer none): the field with the measure's name
 */
GtkEditable *
tandem_new_measure_dialog_get_name (TandemNewMeasureDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_NEW_MEASURE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_entry);
}
