/* tandem-standards-framework-dialog.c — adapt the framework a trust runs:
 * the average each level needs, the word of each score and the standards'
 * names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save writes each value that was changed through the core's setters, each
 * checked against the value the dialog showed, so a change someone else
 * made meanwhile is kept as a conflict rather than overwritten. Everything
 * is checked before anything is written: an empty word or name, or levels
 * that do not rise from Bronze to Gold, are refused in the dialog with
 * what was typed kept. Escape cancels.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checked-edit.h"
#include "tandem-enums.h"
#include "tandem-names.h"
#include "tandem-standards-framework-dialog.h"
#include "tandem-standards.h"
#include "tandem-stored-enums.h"

struct _TandemStandardsFrameworkDialog
{
  AdwWindow                 parent_instance;

  GtkLabel                 *error_label;
  AdwPreferencesGroup      *levels_group;
  AdwPreferencesGroup      *words_group;
  AdwPreferencesGroup      *standards_group;

  AdwActionRow             *level_rows[TANDEM_N_STANDARD_LEVELS];
  GtkSpinButton            *thresholds[TANDEM_N_STANDARD_LEVELS];
  AdwEntryRow              *words[TANDEM_STANDARDS_SCORE_MAX];
  GPtrArray                *titles;

  TandemProject            *project;
  TandemStandardsFramework *framework;
  /* each threshold as the file held it, as text: what the editor showed */
  char                     *thresholds_shown[TANDEM_N_STANDARD_LEVELS];
};

G_DEFINE_FINAL_TYPE (TandemStandardsFrameworkDialog, tandem_standards_framework_dialog,
                     ADW_TYPE_WINDOW)

static void
show_error (TandemStandardsFrameworkDialog *self,
            const char                     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Each value the dialog holds is checked before anything is written. */
static gboolean
check_typed (TandemStandardsFrameworkDialog *self,
             double                          wanted[TANDEM_N_STANDARD_LEVELS])
{
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    {
      gtk_spin_button_update (self->thresholds[i]);
      wanted[i] = gtk_spin_button_get_value (self->thresholds[i]);
    }
  for (int i = 1; i < TANDEM_N_STANDARD_LEVELS; i++)
    if (wanted[i] <= wanted[i - 1])
      {
        g_autofree char *message =
          g_strdup_printf (_("The averages must rise from Bronze to Silver to Gold: %.2f, %.2f "
                             "and %.2f do not."), wanted[0], wanted[1], wanted[2]);

        show_error (self, message);
        gtk_widget_grab_focus (GTK_WIDGET (self->thresholds[i]));
        return FALSE;
      }
  for (int i = 0; i < TANDEM_STANDARDS_SCORE_MAX; i++)
    {
      g_autofree char *word = row_text (self->words[i]);

      if (*word == '\0')
        {
          g_autofree char *message = g_strdup_printf (_("Give the word for %d: it cannot be "
                                                        "empty."), i + 1);

          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->words[i]));
          return FALSE;
        }
    }
  for (guint i = 0; i < self->titles->len; i++)
    {
      g_autofree char *title = row_text (self->titles->pdata[i]);

      if (*title == '\0')
        {
          show_error (self, _("Give each standard a name: it cannot be empty."));
          gtk_widget_grab_focus (self->titles->pdata[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_threshold (TandemStandardsFrameworkDialog *self,
                int                             level,
                double                          value,
                GError                        **error)
{
  return tandem_standards_set_threshold (self->project, level, self->thresholds_shown[level], value,
                                         error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemStandardsFrameworkDialog *self = TANDEM_STANDARDS_FRAMEWORK_DIALOG (widget);
  const TandemStandardsFramework *framework = self->framework;
  g_autoptr(GError) error = NULL;
  double wanted[TANDEM_N_STANDARD_LEVELS];
  gboolean ok = TRUE;

  if (!check_typed (self, wanted))
    return;
  /* Lowered levels from the bottom up, then raised ones from the top down,
   * so the averages rise at every step, as the file requires. */
  for (int i = 0; ok && i < TANDEM_N_STANDARD_LEVELS; i++)
    if (wanted[i] < framework->thresholds[i])
      ok = save_threshold (self, i, wanted[i], &error);
  for (int i = TANDEM_N_STANDARD_LEVELS - 1; ok && i >= 0; i--)
    if (wanted[i] > framework->thresholds[i])
      ok = save_threshold (self, i, wanted[i], &error);
  for (int i = 0; ok && i < TANDEM_STANDARDS_SCORE_MAX; i++)
    {
      g_autofree char *word = row_text (self->words[i]);

      if (!g_str_equal (word, framework->words[i]))
        ok = tandem_standards_set_score_word (self->project, i + TANDEM_STANDARDS_SCORE_MIN,
                                              framework->words[i], word, &error);
    }
  for (guint i = 0; ok && i < self->titles->len; i++)
    {
      const TandemStandard *standard = framework->standards->pdata[i];
      g_autofree char *title = row_text (self->titles->pdata[i]);

      if (!g_str_equal (title, standard->title))
        ok = tandem_standard_set_field (self->project, standard->id, TANDEM_FIELD_STANDARD_TITLE,
                                        standard->title, title, &error);
    }
  if (!ok)
    {
      /* What was saved before stays (each change can be undone); what was
       * typed stays in the dialog. */
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_standards_framework_dialog_dispose (GObject *object)
{
  TandemStandardsFrameworkDialog *self = TANDEM_STANDARDS_FRAMEWORK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_FRAMEWORK_DIALOG);
  G_OBJECT_CLASS (tandem_standards_framework_dialog_parent_class)->dispose (object);
}

static void
tandem_standards_framework_dialog_finalize (GObject *object)
{
  TandemStandardsFrameworkDialog *self = TANDEM_STANDARDS_FRAMEWORK_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->framework, tandem_standards_framework_free);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    g_free (self->thresholds_shown[i]);
  G_OBJECT_CLASS (tandem_standards_framework_dialog_parent_class)->finalize (object);
}

static void
tandem_standards_framework_dialog_class_init (TandemStandardsFrameworkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_framework_dialog_dispose;
  object_class->finalize = tandem_standards_framework_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-framework-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsFrameworkDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsFrameworkDialog, levels_group);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsFrameworkDialog, words_group);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsFrameworkDialog,
                                        standards_group);

  gtk_widget_class_install_action (widget_class, "framework.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "framework.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "framework.save", NULL);
}

static void
typed_cb (TandemStandardsFrameworkDialog *self)
{
  show_error (self, NULL);
}

static void
tandem_standards_framework_dialog_init (TandemStandardsFrameworkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->titles = g_ptr_array_new ();
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->thresholds[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (TANDEM_STANDARDS_SCORE_MIN,
                                                                            TANDEM_STANDARDS_SCORE_MAX,
                                                                            0.05));
      gtk_spin_button_set_digits (self->thresholds[i], 2);
      gtk_widget_set_valign (GTK_WIDGET (self->thresholds[i]), GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_standard_level_get_label (i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->thresholds[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->thresholds[i]));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->thresholds[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_swapped (self->thresholds[i], "value-changed", G_CALLBACK (typed_cb), self);
      adw_preferences_group_add (self->levels_group, row);
      self->level_rows[i] = ADW_ACTION_ROW (row);
    }
  for (int i = 0; i < TANDEM_STANDARDS_SCORE_MAX; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Score %d"), i + TANDEM_STANDARDS_SCORE_MIN);

      self->words[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->words[i]), title);
      g_signal_connect_swapped (self->words[i], "changed", G_CALLBACK (typed_cb), self);
      adw_preferences_group_add (self->words_group, GTK_WIDGET (self->words[i]));
    }
}

/**
 * tandem_standards_framework_dialog_new:
 * @parent: (nullable): the project window
 * @project: the project
 * @error: return location for an error
 *
 * The dialog shows the framework as the file holds it, and saves it itself
 * when asked, then closes.
 *
 * Returns: (transfer full) (nullable): the dialog, not yet shown, or %NULL
 *   if the framework could not be read
 */
TandemStandardsFrameworkDialog *
tandem_standards_framework_dialog_new (GtkWindow      *parent,
                                       TandemProject  *project,
                                       GError        **error)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GPtrArray) level_ids = NULL;
  TandemStandardsFrameworkDialog *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  framework = tandem_standards_framework_load (project, error);
  if (framework == NULL)
    return NULL;
  self = g_object_new (TANDEM_TYPE_STANDARDS_FRAMEWORK_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);

  /* The thresholds as stored, to check a change against. */
  level_ids = tandem_project_list_ids (project, TANDEM_ENTITY_STANDARD_LEVEL, NULL, NULL, NULL);
  for (guint i = 0; i < level_ids->len; i++)
    {
      g_autofree char *word = tandem_project_get_text (project, TANDEM_ENTITY_STANDARD_LEVEL,
                                                       level_ids->pdata[i],
                                                       TANDEM_FIELD_STANDARD_LEVEL_LEVEL);
      int level;

      if (tandem_stored_enum_from_word (TANDEM_TYPE_STANDARD_LEVEL, word, &level))
        {
          g_free (self->thresholds_shown[level]);
          self->thresholds_shown[level] =
            tandem_project_get_text (project, TANDEM_ENTITY_STANDARD_LEVEL, level_ids->pdata[i],
                                     TANDEM_FIELD_STANDARD_LEVEL_THRESHOLD);
        }
    }
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    {
      gtk_spin_button_set_value (self->thresholds[i], framework->thresholds[i]);
      if (framework->needs_sustained[i])
        adw_action_row_set_subtitle (self->level_rows[i], _("and sustained outcomes"));
    }
  for (int i = 0; i < TANDEM_STANDARDS_SCORE_MAX; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->words[i]), framework->words[i]);
  for (guint i = 0; i < framework->standards->len; i++)
    {
      const TandemStandard *standard = framework->standards->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Standard %u"), i + 1);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), standard->title);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (typed_cb), self);
      adw_preferences_group_add (self->standards_group, row);
      g_ptr_array_add (self->titles, row);
    }
  self->framework = g_steal_pointer (&framework);
  show_error (self, NULL);
  return self;
}

/**
 * tandem_standards_framework_dialog_get_threshold:
 * @self: the dialog
 * @level: a #TandemStandardLevel
 *
 * Returns: (transfer none): the level's average, as typed
 */
GtkSpinButton *
tandem_standards_framework_dialog_get_threshold (TandemStandardsFrameworkDialog *self,
                                                 int                             level)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_FRAMEWORK_DIALOG (self), NULL);
  g_return_val_if_fail (level >= 0 && level < TANDEM_N_STANDARD_LEVELS, NULL);

  return self->thresholds[level];
}

/**
 * tandem_standards_framework_dialog_get_word:
 * @self: the dialog
 * @score: 1 to 5
 *
 * Returns: (transfer none): the score's word, as typed
 */
GtkEditable *
tandem_standards_framework_dialog_get_word (TandemStandardsFrameworkDialog *self,
                                            int                             score)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_FRAMEWORK_DIALOG (self), NULL);
  g_return_val_if_fail (score >= TANDEM_STANDARDS_SCORE_MIN && score <= TANDEM_STANDARDS_SCORE_MAX,
                        NULL);

  return GTK_EDITABLE (self->words[score - TANDEM_STANDARDS_SCORE_MIN]);
}

/**
 * tandem_standards_framework_dialog_get_title:
 * @self: the dialog
 * @index: a standard's place in the framework
 *
 * Returns: (transfer none): the standard's name, as typed
 */
GtkEditable *
tandem_standards_framework_dialog_get_title (TandemStandardsFrameworkDialog *self,
                                             guint                           index)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_FRAMEWORK_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);

  return GTK_EDITABLE (self->titles->pdata[index]);
}
