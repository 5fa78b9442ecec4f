/* tandem-standards-response-dialog.c — one respondent's scores for a
 * self-assessment round, entered by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who answered (a role, and a person or no one), then a row per standard of
 * the framework in the file: a score typed as its number or its word (“3”,
 * “embedded”), shown as both (“3 Embedded”), or “Not scored”, and a comment.
 * Saving writes the response as one change; the page reloads on it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tandem-date.h"
#include "tandem-enum-row.h"
#include "tandem-person-chooser.h"
#include "tandem-standards-response-dialog.h"
#include "tandem-standards.h"

struct _TandemStandardsResponseDialog
{
  AdwWindow                 parent_instance;

  AdwWindowTitle           *window_title;
  GtkDropDown              *role_drop_down;
  GtkLabel                 *person_label;
  GtkBox                   *person_box;
  GtkGrid                  *scores_grid;
  GtkLabel                 *error_label;

  TandemPersonChooser      *person;
  TandemProject            *project;
  char                     *round_id;
  TandemStandardsFramework *framework;
  GPtrArray                *scores;     /* GtkSpinButton, one per standard */
  GPtrArray                *comments;   /* GtkEntry, one per standard */
};

G_DEFINE_FINAL_TYPE (TandemStandardsResponseDialog, tandem_standards_response_dialog, ADW_TYPE_WINDOW)

/* The score shown with its word; 0 is “Not scored”. */
static gboolean
score_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  TandemStandardsResponseDialog *self = user_data;
  int score = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  if (score < TANDEM_STANDARDS_SCORE_MIN)
    text = g_strdup (_("Not scored"));
  else
    text = g_strdup_printf ("%d %s", score, tandem_standards_framework_word (self->framework, score));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* What was typed: a number from 0 to 5, a score's word (or the start of
 * one), or nothing or “not scored” for none. */
static int
score_input_cb (GtkSpinButton *spin,
                double        *value,
                gpointer       user_data)
{
  TandemStandardsResponseDialog *self = user_data;
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (spin)), -1);
  char *end;
  long number;

  g_strstrip (typed);
  if (*typed == '\0' || g_str_has_prefix (typed, "not") || g_str_equal (typed, "-"))
    {
      *value = 0;
      return TRUE;
    }
  number = strtol (typed, &end, 10);
  if (end != typed && number >= 0 && number <= TANDEM_STANDARDS_SCORE_MAX)
    {
      *value = (double) number;
      return TRUE;
    }
  for (int score = TANDEM_STANDARDS_SCORE_MIN; score <= TANDEM_STANDARDS_SCORE_MAX; score++)
    {
      g_autofree char *word = g_utf8_casefold (self->framework->words[score - 1], -1);

      if (g_str_has_prefix (word, typed))
        {
          *value = score;
          return TRUE;
        }
    }
  return GTK_INPUT_ERROR;
}

static void
show_error (TandemStandardsResponseDialog *self,
            const char                    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemStandardsResponseDialog *self = TANDEM_STANDARDS_RESPONSE_DIALOG (widget);
  g_autoptr(TandemAssessmentResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *person_id = tandem_person_chooser_get_person_id (self->person);

  response = tandem_assessment_response_new ((TandemRespondentRole)
                                             gtk_drop_down_get_selected (self->role_drop_down));
  response->person_id = g_strdup (person_id);
  for (guint i = 0; i < self->scores->len; i++)
    {
      GtkSpinButton *spin = self->scores->pdata[i];
      const TandemStandard *standard = self->framework->standards->pdata[i];
      g_autofree char *comment = NULL;
      int score;

      gtk_spin_button_update (spin);
      score = gtk_spin_button_get_value_as_int (spin);
      if (score < TANDEM_STANDARDS_SCORE_MIN)
        continue;
      comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comments->pdata[i]))));
      tandem_assessment_response_add_score (response, standard->id, score, *comment ? comment : NULL);
    }
  if (response->scores->len == 0)
    {
      show_error (self, _("Nothing is scored yet: give at least one standard a score from 1 to 5 "
                          "(type its number or word). Nothing was saved."));
      if (self->scores->len > 0)
        gtk_widget_grab_focus (self->scores->pdata[0]);
      return;
    }
  id = tandem_assessment_response_add (self->project, self->round_id, response, &error);
  if (id == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the response: %s"), error->message);

      show_error (self, message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
last_comment_activate_cb (GtkEntry *entry,
                          gpointer  user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "response.save", NULL);
}

/* A label with a mnemonic on the first letter of @title that no other
 * field has taken, so every score can be reached with Alt. */
static char *
mnemonic_title (const char *title,
                GString    *taken)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean marked = FALSE;

  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '_')
        g_string_append (out, "__");
      else
        {
          if (!marked && g_ascii_isalpha (*p) && strchr (taken->str, g_ascii_tolower (*p)) == NULL)
            {
              g_string_append_c (out, '_');
              g_string_append_c (taken, g_ascii_tolower (*p));
              marked = TRUE;
            }
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fill_scores (TandemStandardsResponseDialog *self)
{
  /* Taken by the other fields and buttons: Respondent, Person, Save, Cancel. */
  g_autoptr(GString) taken = g_string_new ("rpsc");

  for (guint i = 0; i < self->framework->standards->len; i++)
    {
      const TandemStandard *standard = self->framework->standards->pdata[i];
      g_autofree char *text = mnemonic_title (standard->title, taken);
      g_autofree char *comment_name = g_strdup_printf (_("Comment on %s"), standard->title);
      GtkWidget *label = gtk_label_new_with_mnemonic (text);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, TANDEM_STANDARDS_SCORE_MAX, 1);
      GtkWidget *comment = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 14);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_signal_connect (spin, "output", G_CALLBACK (score_output_cb), self);
      g_signal_connect (spin, "input", G_CALLBACK (score_input_cb), self);
      score_output_cb (GTK_SPIN_BUTTON (spin), self);
      gtk_widget_set_hexpand (comment, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (comment), _("Comment (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      comment_name, -1);
      gtk_grid_attach (self->scores_grid, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->scores_grid, spin, 1, (int) i, 1, 1);
      gtk_grid_attach (self->scores_grid, comment, 2, (int) i, 1, 1);
      g_ptr_array_add (self->scores, spin);
      g_ptr_array_add (self->comments, comment);
      if (i + 1 == self->framework->standards->len)
        g_signal_connect (comment, "activate", G_CALLBACK (last_comment_activate_cb), self);
    }
}

static void
tandem_standards_response_dialog_dispose (GObject *object)
{
  TandemStandardsResponseDialog *self = TANDEM_STANDARDS_RESPONSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_RESPONSE_DIALOG);
  G_OBJECT_CLASS (tandem_standards_response_dialog_parent_class)->dispose (object);
}

static void
tandem_standards_response_dialog_finalize (GObject *object)
{
  TandemStandardsResponseDialog *self = TANDEM_STANDARDS_RESPONSE_DIALOG (object);

  g_clear_object (&self->project);
  g_free (self->round_id);
  g_clear_pointer (&self->framework, tandem_standards_framework_free);
  g_ptr_array_unref (self->scores);
  g_ptr_array_unref (self->comments);
  G_OBJECT_CLASS (tandem_standards_response_dialog_parent_class)->finalize (object);
}

static void
tandem_standards_response_dialog_class_init (TandemStandardsResponseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_response_dialog_dispose;
  object_class->finalize = tandem_standards_response_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, role_drop_down);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, person_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, person_box);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, scores_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsResponseDialog, error_label);

  gtk_widget_class_install_action (widget_class, "response.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "response.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "response.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "response.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "response.cancel", NULL);
}

static void
tandem_standards_response_dialog_init (TandemStandardsResponseDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scores = g_ptr_array_new ();
  self->comments = g_ptr_array_new ();
  for (int role = TANDEM_RESPONDENT_STAFF; role <= TANDEM_RESPONDENT_CARER; role++)
    gtk_string_list_append (roles, tandem_respondent_role_get_label (role));
  gtk_drop_down_set_model (self->role_drop_down, G_LIST_MODEL (roles));
  tandem_drop_down_name_button (self->role_drop_down);
  self->person = TANDEM_PERSON_CHOOSER (tandem_person_chooser_new (NULL, TRUE));
  gtk_box_prepend (self->person_box, GTK_WIDGET (self->person));
  gtk_label_set_mnemonic_widget (self->person_label,
                                 GTK_WIDGET (tandem_person_chooser_get_entry (self->person)));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (tandem_person_chooser_get_entry (self->person)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->person_label, NULL, -1);
}

/**
 * tandem_standards_response_dialog_new:
 * @project: the project
 * @team_id: the round's team (whose people may be chosen)
 * @round_id: the round the response goes into
 * @error: why it could not open
 *
 * Returns: (transfer floating) (nullable): the dialog, not yet shown
 */
TandemStandardsResponseDialog *
tandem_standards_response_dialog_new (TandemProject  *project,
                                      const char     *team_id,
                                      const char     *round_id,
                                      GError        **error)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  TandemStandardsResponseDialog *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if ((framework = tandem_standards_framework_load (project, error)) == NULL ||
      (rounds = tandem_assessment_round_list (project, team_id, error)) == NULL)
    return NULL;
  self = g_object_new (TANDEM_TYPE_STANDARDS_RESPONSE_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->round_id = g_strdup (round_id);
  self->framework = g_steal_pointer (&framework);
  for (guint i = 0; i < rounds->len; i++)
    {
      const TandemAssessmentRound *round = rounds->pdata[i];

      if (g_str_equal (round->id, round_id))
        {
          g_autofree char *day = tandem_describe_date (round->date);
          g_autofree char *subtitle = g_strdup_printf (_("Self-assessment round of %s"), day);

          adw_window_title_set_subtitle (self->window_title, subtitle);
        }
    }
  tandem_person_chooser_set_team (self->person, project, team_id);
  fill_scores (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->role_drop_down));
  return self;
}

guint
tandem_standards_response_dialog_get_n_standards (TandemStandardsResponseDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_RESPONSE_DIALOG (self), 0);
  return self->scores->len;
}

/**
 * tandem_standards_response_dialog_get_score:
 * @self: the dialog
 * @index: the standard's place in the framework
 *
 * Returns: (transfer none): the standard's score field
 */
GtkSpinButton *
tandem_standards_response_dialog_get_score (TandemStandardsResponseDialog *self,
                                            guint                          index)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_RESPONSE_DIALOG (self) && index < self->scores->len, NULL);
  return self->scores->pdata[index];
}

/**
 * tandem_standards_response_dialog_get_comment:
 * @self: the dialog
 * @index: the standard's place in the framework
 *
 * Returns: (transfer none): the standard's comment field
 */
GtkEditable *
tandem_standards_response_dialog_get_comment (TandemStandardsResponseDialog *self,
                                              guint                          index)
{
  g_return_val_if_fail (TANDEM_IS_STANDARDS_RESPONSE_DIALOG (self) && index < self->comments->len, NULL);
  return self->comments->pdata[index];
}
