/* tandem-standards-row.c — the rows of the Standards page's lists: what a
 * row says and the action its button runs; a round's row opens out to its
 * responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-person.h"
#include "tandem-standards-row.h"
#include "tandem-standards.h"

G_DEFINE_FINAL_TYPE (TandemStandardsRow, tandem_standards_row, G_TYPE_OBJECT)

static void
tandem_standards_row_finalize (GObject *object)
{
  TandemStandardsRow *self = TANDEM_STANDARDS_ROW (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->action);
  g_free (self->action_label);
  g_free (self->target);
  g_free (self->extra_action);
  g_free (self->extra_label);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_standards_row_parent_class)->finalize (object);
}

static void
tandem_standards_row_class_init (TandemStandardsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_standards_row_finalize;
}

static void
tandem_standards_row_init (TandemStandardsRow *self)
{
}

/**
 * tandem_standards_row_new:
 * @title: what it says
 * @subtitle: (nullable): below it
 * @action: (nullable): its button's action, with a string parameter
 * @action_label: (nullable): the button's label, with a mnemonic
 * @target: (nullable): the action's parameter
 *
 * Returns: (transfer full): a new row
 */
TandemStandardsRow *
tandem_standards_row_new (const char *title,
                          const char *subtitle,
                          const char *action,
                          const char *action_label,
                          const char *target)
{
  TandemStandardsRow *row = g_object_new (TANDEM_TYPE_STANDARDS_ROW, NULL);

  row->title = g_strdup (title);
  row->subtitle = g_strdup (subtitle);
  row->action = g_strdup (action);
  row->action_label = g_strdup (action_label);
  row->target = g_strdup (target);
  return row;
}

static GtkWidget *
suffix_button (const char *label,
               const char *action,
               const char *target,
               const char *about)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *name = g_strdup_printf ("%s: %s", label, about);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

/**
 * tandem_standards_row_create_widget:
 * @item: a #TandemStandardsRow
 * @user_data: unused
 *
 * Returns: (transfer floating): its row, with its button if it has one
 */
GtkWidget *
tandem_standards_row_create_widget (gpointer item,
                                    gpointer user_data)
{
  TandemStandardsRow *row = item;
  GtkWidget *widget = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->title);
  if (row->subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), row->subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
  if (row->extra_action)
    adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                               suffix_button (row->extra_label, row->extra_action,
                                              row->target, row->title));
  if (row->action)
    adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                               suffix_button (row->action_label, row->action,
                                              row->target, row->title));
  return widget;
}

/* A round: its buttons, and its responses to open out, each deletable. */
GtkWidget *
tandem_standards_row_create_round_widget (gpointer item,
                                          gpointer user_data)
{
  TandemStandardsRow *row = item;
  GtkWidget *widget = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widget), row->subtitle);
  /* Each goes before the last added: Add Response comes first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget),
                               suffix_button (_("Import Responses…"), "standards.import",
                                              row->target, row->title));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget),
                               /* No mnemonic: Alt+R is the page's button for the latest round. */
                               suffix_button (_("Add Response…"), "standards.add-response",
                                              row->target, row->title));
  for (guint i = 0; row->children && i < row->children->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (widget), tandem_standards_row_create_widget (row->children->pdata[i], NULL));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (widget),
                                         row->children != NULL && row->children->len > 0);
  return widget;
}

/* A round's responses: the count by role in words, and a row for each
 * (who, how many standards scored) to delete it by. */
char *
tandem_standards_row_describe_responses (TandemProject  *project,
                                         GPtrArray      *responses,
                                         GPtrArray     **rows)
{
  guint counts[TANDEM_RESPONDENT_CARER + 1] = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);

  *rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; responses && i < responses->len; i++)
    {
      const TandemAssessmentResponse *response = responses->pdata[i];
      g_autoptr(TandemPerson) person = response->person_id
                                       ? tandem_person_get (project, response->person_id, NULL) : NULL;
      TandemStandardsRow *row = g_object_new (TANDEM_TYPE_STANDARDS_ROW, NULL);
      double sum = 0;

      if (response->role <= TANDEM_RESPONDENT_CARER)
        counts[response->role]++;
      for (guint s = 0; s < response->scores->len; s++)
        sum += ((TandemAssessmentScore *) response->scores->pdata[s])->score;
      row->title = g_strdup_printf ("%s: %s", tandem_respondent_role_get_label (response->role),
                                    person ? person->name : _("anonymous"));
      row->subtitle = response->scores->len
                      ? g_strdup_printf (ngettext ("%u standard scored, average %.1f",
                                                   "%u standards scored, average %.1f",
                                                   response->scores->len),
                                         response->scores->len, sum / response->scores->len)
                      : g_strdup (_("Nothing scored"));
      row->action = g_strdup ("standards.delete-response");
      /* No mnemonic: one per response, and Alt+D is the round's date. */
      row->action_label = g_strdup (_("Delete"));
      row->target = g_strdup (response->id);
      g_ptr_array_add (*rows, row);
    }
  for (int role = TANDEM_RESPONDENT_STAFF; role <= TANDEM_RESPONDENT_CARER; role++)
    if (counts[role])
      g_string_append_printf (out, "%s%u %s", out->len ? ", " : "", counts[role],
                              tandem_respondent_role_get_label (role));
  if (out->len == 0)
    return g_strdup (_("No responses yet."));
  return g_strdup_printf (ngettext ("%u response: %s.", "%u responses: %s.", responses->len),
                          responses->len, out->str);
}
