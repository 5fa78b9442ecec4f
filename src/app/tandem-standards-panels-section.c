/* tandem-standards-panels-section.c — the Standards page's Panel Reviews:
 * each panel's decision, members, conditions and next review, a reminder of
 * when the next is due, and the form that records a panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page hands it the team's figures on every reload. Its action
 * standards.add-panel adds the panel typed in the form through the core;
 * the page then reloads and shows the section again. The reminder counts
 * the days from the clock's today (tandem-clock.h), so tests can fix it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-page.h"
#include "tandem-standards-panels-section.h"
#include "tandem-standards-row.h"

struct _TandemStandardsPanelsSection
{
  AdwPreferencesGroup  parent_instance;

  GtkLabel            *reminder_label;
  GtkListBox          *panels_list;
  GtkWidget           *panel_form;
  GtkLabel            *panel_date_label;
  TandemDateEntry     *panel_date;
  GtkEntry            *panel_members;
  GtkDropDown         *panel_decision;
  GtkEntry            *panel_conditions;
  GtkLabel            *panel_next_label;
  TandemDateEntry     *panel_next;

  GListStore          *rows;
  TandemProject       *project;
  char                *team_id;
};

G_DEFINE_FINAL_TYPE (TandemStandardsPanelsSection, tandem_standards_panels_section,
                     ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (TandemStandardsPanelsSection *self,
            const char                   *heading,
            const GError                 *error)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  if (page)
    tandem_page_show_error (TANDEM_PAGE (page), heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

/* When the latest panel's next review is due, from today. */
static void
show_reminder (TandemStandardsPanelsSection *self,
               const TandemPanelReview      *latest)
{
  g_autofree char *today = tandem_clock_dup_today ();
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  GDate due, on;
  int days;

  if (latest == NULL)
    {
      gtk_label_set_text (self->reminder_label,
                          _("No panel review yet. Once the self-assessment is done and the evidence "
                            "gathered, record the panel's decision here."));
      return;
    }
  if (latest->next_review_on == NULL)
    {
      gtk_label_set_text (self->reminder_label, _("The latest panel set no next review date."));
      return;
    }
  when = tandem_describe_date (latest->next_review_on);
  g_date_clear (&due, 1);
  g_date_clear (&on, 1);
  g_date_set_parse (&due, latest->next_review_on);
  g_date_set_parse (&on, today);
  days = g_date_valid (&due) && g_date_valid (&on) ? g_date_days_between (&on, &due) : 0;
  if (days < 0)
    text = g_strdup_printf (ngettext ("The next panel review is past due: it was due on %s, %d "
                                      "day ago.",
                                      "The next panel review is past due: it was due on %s, %d "
                                      "days ago.", -days), when, -days);
  else if (days == 0)
    text = g_strdup_printf (_("The next panel review is due today, %s."), when);
  else if (days <= 90)
    text = g_strdup_printf (ngettext ("The next panel review is due soon: on %s, in %d day.",
                                      "The next panel review is due soon: on %s, in %d days.",
                                      days), when, days);
  else
    text = g_strdup_printf (_("The next panel review is due on %s."), when);
  gtk_label_set_text (self->reminder_label, text);
}

/**
 * tandem_standards_panels_section_show:
 * @self: the section
 * @project: (nullable): the project
 * @report: (nullable): the team's figures, with its panel reviews; %NULL
 *   empties the list
 * @editable: whether the project may be changed
 *
 * Shows the team's panel reviews, oldest first, and when the next is due.
 */
void
tandem_standards_panels_section_show (TandemStandardsPanelsSection *self,
                                      TandemProject                *project,
                                      const TandemStandardsReport  *report,
                                      gboolean                      editable)
{
  const TandemPanelReview *latest = NULL;

  g_return_if_fail (TANDEM_IS_STANDARDS_PANELS_SECTION (self));
  g_list_store_remove_all (self->rows);
  if (report)
    g_set_object (&self->project, project);
  else
    g_clear_object (&self->project);
  g_free (self->team_id);
  self->team_id = report ? g_strdup (report->team_id) : NULL;
  if (report == NULL)
    return;

  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *review = report->panels->pdata[i];
      g_autofree char *day = tandem_describe_date (review->date);
      g_autofree char *next = tandem_describe_date (review->next_review_on);
      g_autofree char *title = g_strdup_printf (_("Panel of %s: %s"), day,
                                                tandem_panel_decision_get_label (review->decision));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autoptr(TandemStandardsRow) row = NULL;

      if (review->members && *review->members)
        g_string_append_printf (subtitle, _("Members: %s. "), review->members);
      if (review->conditions && *review->conditions)
        g_string_append_printf (subtitle, _("Conditions: %s. "), review->conditions);
      if (review->next_review_on)
        g_string_append_printf (subtitle, _("Next review: %s."), next);
      row = tandem_standards_row_new (title, subtitle->len ? subtitle->str : NULL, NULL, NULL, NULL);
      g_list_store_append (self->rows, row);
      latest = review;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->panels_list), report->panels->len > 0);
  show_reminder (self, latest);
  gtk_widget_set_sensitive (self->panel_form, editable);
}

static void
add_panel_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemStandardsPanelsSection *self = TANDEM_STANDARDS_PANELS_SECTION (widget);
  const char *next_text = gtk_editable_get_text (GTK_EDITABLE (tandem_date_entry_get_entry (self->panel_next)));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TandemPanelReview review = { 0 };
  char date[11], next[11];

  if (self->project == NULL)
    return;
  if (!tandem_date_entry_get_date (self->panel_date, date))
    g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("Give the panel's date, such as 20/11/2026."));
  else if (*next_text && !tandem_date_entry_get_date (self->panel_next, next))
    g_set_error (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("“%s” is not a date: give the next review's date, such as 20/11/2027."), next_text);
  if (error)
    {
      show_error (self, _("Could Not Add the Panel Review"), error);
      return;
    }
  review.team_id = self->team_id;
  review.date = date;
  review.members = (char *) gtk_editable_get_text (GTK_EDITABLE (self->panel_members));
  review.decision = gtk_drop_down_get_selected (self->panel_decision);
  review.conditions = (char *) gtk_editable_get_text (GTK_EDITABLE (self->panel_conditions));
  review.next_review_on = *next_text ? next : NULL;
  if (review.members[0] == '\0')
    review.members = NULL;
  if (review.conditions[0] == '\0')
    review.conditions = NULL;
  id = tandem_panel_review_add (self->project, &review, &error);
  if (id == NULL)
    show_error (self, _("Could Not Add the Panel Review"), error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->panel_members), "");
      gtk_editable_set_text (GTK_EDITABLE (self->panel_conditions), "");
    }
}

static void
tandem_standards_panels_section_dispose (GObject *object)
{
  TandemStandardsPanelsSection *self = TANDEM_STANDARDS_PANELS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_PANELS_SECTION);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_standards_panels_section_parent_class)->dispose (object);
}

static void
tandem_standards_panels_section_finalize (GObject *object)
{
  TandemStandardsPanelsSection *self = TANDEM_STANDARDS_PANELS_SECTION (object);

  g_clear_object (&self->rows);
  g_free (self->team_id);
  G_OBJECT_CLASS (tandem_standards_panels_section_parent_class)->finalize (object);
}

static void
tandem_standards_panels_section_class_init (TandemStandardsPanelsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_panels_section_dispose;
  object_class->finalize = tandem_standards_panels_section_finalize;

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-panels-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panels_list);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_form);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_date_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_date);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_members);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_decision);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_conditions);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_next_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPanelsSection, panel_next);

  gtk_widget_class_install_action (widget_class, "standards.add-panel", NULL, add_panel_action);
}

/* The date entry's text is what the label's mnemonic focuses and names. */
static void
label_date_entry (GtkLabel        *label,
                  TandemDateEntry *entry)
{
  GtkWidget *text = GTK_WIDGET (tandem_date_entry_get_entry (entry));

  gtk_label_set_mnemonic_widget (label, text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
}

static void
tandem_standards_panels_section_init (TandemStandardsPanelsSection *self)
{
  g_autoptr(GtkStringList) decisions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  gtk_list_box_bind_model (self->panels_list, G_LIST_MODEL (self->rows),
                           tandem_standards_row_create_widget, NULL, NULL);

  for (int i = TANDEM_PANEL_DECISION_NONE; i <= TANDEM_PANEL_DECISION_GOLD; i++)
    gtk_string_list_append (decisions, tandem_panel_decision_get_label (i));
  gtk_drop_down_set_model (self->panel_decision, G_LIST_MODEL (decisions));
  tandem_drop_down_name_button (self->panel_decision);

  gtk_widget_set_name (GTK_WIDGET (self->panel_date), "panel-date");
  gtk_widget_set_name (GTK_WIDGET (self->panel_next), "panel-next");
  gtk_widget_set_name (GTK_WIDGET (self->panel_decision), "panel-decision");
  label_date_entry (self->panel_date_label, self->panel_date);
  label_date_entry (self->panel_next_label, self->panel_next);
}
