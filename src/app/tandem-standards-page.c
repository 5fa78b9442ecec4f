/* tandem-standards-page.c — the Standards page: a team's Culture of Care
 * self-assessment rounds, the staff and lived-experience views side by
 * side, the heatmap, priorities, evidence, the level and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from tandem_standards_report(), the one place they
 * are worked out (the CLI's JSON and the accreditation pack use it too).
 * The lists are list models of small items bound to list boxes; the
 * buttons are actions of the page.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-measure.h"
#include "tandem-standards-import-dialog.h"
#include "tandem-standards-page.h"
#include "tandem-standards-priorities.h"
#include "tandem-standards-response-dialog.h"
#include "tandem-standards-row.h"
#include "tandem-standards.h"

/* The rows of the lists (tandem-standards-row.c), by their old names here. */
static void
append_row (GListStore *store,
            const char *title,
            const char *subtitle,
            const char *action,
            const char *action_label,
            const char *target)
{
  TandemStandardsRow *row = tandem_standards_row_new (title, subtitle, action, action_label, target);

  g_list_store_append (store, row);
  g_object_unref (row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return tandem_standards_row_create_widget (item, user_data);
}

/* ------------------------------------------------------------------------ */
/* The page                                                                 */

struct _TandemStandardsPage
{
  TandemPage              parent_instance;

  GtkLabel               *level_label;
  GtkLabel               *level_detail;
  GtkLabel               *rounds_empty;
  GtkListBox             *rounds_list;
  GtkWidget              *round_form;
  GtkLabel               *round_date_label;
  TandemDateEntry        *round_date;
  GtkSpinButton          *headcount_spin;
  GtkLabel               *gap_label;
  GtkGrid                *views_grid;
  GtkGrid                *heatmap_grid;
  TandemStandardsPriorities *priorities_section;
  GtkWidget              *add_response_button;
  GtkLabel               *unevidenced_label;
  GtkListBox             *evidence_list;
  GtkWidget              *evidence_form;
  GtkDropDown            *evidence_standard;
  GtkDropDown            *evidence_type;
  GtkDropDown            *evidence_target;
  GtkDropDown            *evidence_level;
  GtkLabel               *reminder_label;
  GtkListBox             *panels_list;
  GtkWidget              *panel_form;
  GtkLabel               *panel_date_label;
  TandemDateEntry        *panel_date;
  GtkEntry               *panel_members;
  GtkDropDown            *panel_decision;
  GtkEntry               *panel_conditions;
  GtkLabel               *panel_next_label;
  TandemDateEntry        *panel_next;

  GListStore             *rounds;
  GListStore             *evidence;
  GListStore             *panels;
  GtkStringList          *standard_names;
  GtkStringList          *type_names;
  GtkStringList          *target_names;
  GPtrArray              *standard_ids;
  GPtrArray              *type_ids;
  GPtrArray              *target_ids;    /* "m:" a measure's id, "n:" a change idea's */

  TandemStandardsReport  *report;
};

G_DEFINE_FINAL_TYPE (TandemStandardsPage, tandem_standards_page, TANDEM_TYPE_PAGE)

static char *
score_text (const TandemStandardsFramework *framework,
            double                          score)
{
  if (isnan (score))
    return g_strdup (_("not scored"));
  return g_strdup_printf ("%.1f %s", score, tandem_standards_framework_word (framework, score));
}

static const char *
standard_title (const TandemStandardsFramework *framework,
                const char                     *id)
{
  const TandemStandard *standard = tandem_standards_framework_find (framework, id);

  return standard ? standard->title : id;
}

static char *
join_titles (const TandemStandardsFramework *framework,
             GPtrArray                      *ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", standard_title (framework, ids->pdata[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
show_level (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemStandardsLevel *level = report->level;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *heading = NULL;

  if (report->rounds->len == 0)
    {
      gtk_label_set_text (self->level_label, _("No level yet"));
      gtk_label_set_text (self->level_detail,
                          _("No self-assessment rounds yet. Start with a round: give its date and "
                            "the team's staff headcount under Self-Assessment Rounds, then import "
                            "the survey's responses (one row per respondent, a column per "
                            "standard)."));
      return;
    }
  if (isnan (level->average))
    heading = g_strdup (_("No level yet: the latest round has no scores. Add a response to it, or "
                          "import the survey's responses."));
  else if (level->level == TANDEM_STANDARD_LEVEL_NONE)
    heading = g_strdup_printf (_("Below Bronze. Average score %.2f (%s)."), level->average,
                               tandem_standards_framework_word (report->framework, level->average));
  else if (level->unevidenced->len > 0)
    /* All twelve must be evidenced at every level: the scores alone are
     * not the level. */
    heading = g_strdup_printf (ngettext ("Scores reach %s (average %.2f, %s), but %u standard has "
                                         "no evidence yet, and every one must be evidenced for "
                                         "the level.",
                                         "Scores reach %s (average %.2f, %s), but %u standards "
                                         "have no evidence yet, and every one must be evidenced "
                                         "for the level.", level->unevidenced->len),
                               tandem_standard_level_get_label (level->level), level->average,
                               tandem_standards_framework_word (report->framework, level->average),
                               level->unevidenced->len);
  else
    heading = g_strdup_printf (_("Level reached: %s. Average score %.2f (%s)."),
                               tandem_standard_level_get_label (level->level), level->average,
                               tandem_standards_framework_word (report->framework, level->average));
  gtk_label_set_text (self->level_label, heading);

  if (level->next_level != TANDEM_STANDARD_LEVEL_NONE && level->missing->len > 0)
    {
      g_string_append_printf (detail, _("For %s the team still needs:"),
                              tandem_standard_level_get_label (level->next_level));
      for (guint i = 0; i < level->missing->len; i++)
        g_string_append_printf (detail, "\n• %s", (const char *) level->missing->pdata[i]);
    }
  else if (level->next_level == TANDEM_STANDARD_LEVEL_NONE)
    g_string_append (detail, _("Gold is the highest level."));
  if (level->escalations->len > 0)
    {
      g_string_append_printf (detail, "%s%s", detail->len ? "\n" : "",
                              _("Below Bronze, so these follow:"));
      for (guint i = 0; i < level->escalations->len; i++)
        g_string_append_printf (detail, "\n• %s", (const char *) level->escalations->pdata[i]);
    }
  gtk_label_set_text (self->level_detail, detail->str);
}

static void
show_rounds (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  g_list_store_remove_all (self->rounds);
  for (guint i = 0; i < report->rounds->len; i++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[i];
      g_autofree char *day = tandem_describe_date (round->round->date);
      g_autofree char *title = g_strdup_printf (_("Round of %s"), day);
      g_autofree char *completion = NULL;
      g_autofree char *average = score_text (report->framework, round->average);
      g_autofree char *subtitle = NULL;
      g_autofree char *by_role = NULL;
      g_autoptr(GPtrArray) responses = NULL;
      g_autoptr(GPtrArray) children = NULL;
      g_autoptr(TandemStandardsRow) row = NULL;

      if (isnan (round->completion))
        completion = g_strdup_printf (_("%u staff took part; the headcount is not known, so the 75%% "
                                        "rule cannot be checked"), round->n_staff);
      else if (round->completion_met)
        completion = g_strdup_printf (_("%u of %d staff took part (%.0f%%): the 75%% needed is met"),
                                      round->n_staff, round->round->headcount,
                                      round->completion * 100);
      else
        {
          int needed = (int) ceil (TANDEM_STANDARDS_COMPLETION_NEEDED * round->round->headcount);

          completion = g_strdup_printf (_("%u of %d staff took part (%.0f%%): under the 75%% "
                                          "needed, %d more must take part"),
                                        round->n_staff, round->round->headcount,
                                        round->completion * 100, needed - (int) round->n_staff);
        }
      responses = tandem_assessment_response_list (project, round->round->id, NULL);
      by_role = tandem_standards_row_describe_responses (project, responses, &children);
      subtitle = g_strdup_printf (_("%s. %u with lived experience. Average %s. %s"), completion,
                                  round->n_lived, average, by_role);
      /* Its responses before it is shown: the list makes its widget at once. */
      row = tandem_standards_row_new (title, subtitle, NULL, NULL, round->round->id);
      row->children = g_steal_pointer (&children);
      g_list_store_append (self->rounds, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_empty), report->rounds->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_list), report->rounds->len > 0);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A cell of an accessible table: shown @text, read out as @spoken. */
static GtkWidget *
cell (GtkGrid    *grid,
      int         column,
      int         row,
      const char *text,
      const char *spoken,
      gboolean    header)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                             : GTK_ACCESSIBLE_ROLE_CELL,
                                   "label", text, "xalign", column == 0 ? 0.0 : 0.5,
                                   "justify", column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER,
                                   "wrap", FALSE, "margin-start", 6, "margin-end", 6,
                                   "margin-top", 3, "margin-bottom", 3, NULL);

  if (spoken)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const TandemStandardFigures *x = *(TandemStandardFigures * const *) a;
  const TandemStandardFigures *y = *(TandemStandardFigures * const *) b;
  double dx = fabs (x->gap), dy = fabs (y->gap);

  return dx < dy ? 1 : dx > dy ? -1 : 0;
}

static void
show_views (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemStandardsFramework *framework = report->framework;
  const TandemRoundFigures *latest;
  g_autoptr(GPtrArray) gaps = g_ptr_array_new ();
  g_autoptr(GString) words = g_string_new (NULL);

  clear_grid (self->views_grid);
  if (report->rounds->len == 0)
    {
      gtk_label_set_text (self->gap_label, _("The views appear once a round has responses."));
      gtk_widget_set_visible (GTK_WIDGET (self->views_grid), FALSE);
      return;
    }
  latest = report->rounds->pdata[report->rounds->len - 1];
  gtk_widget_set_visible (GTK_WIDGET (self->views_grid), TRUE);
  cell (self->views_grid, 0, 0, _("Standard"), NULL, TRUE);
  cell (self->views_grid, 1, 0, _("Staff"), NULL, TRUE);
  cell (self->views_grid, 2, 0, _("Lived experience"), NULL, TRUE);
  cell (self->views_grid, 3, 0, _("Gap"), NULL, TRUE);
  for (guint i = 0; i < latest->standards->len; i++)
    {
      const TandemStandardFigures *figures = latest->standards->pdata[i];
      const char *title = standard_title (framework, figures->standard_id);
      g_autofree char *staff = score_text (framework, figures->staff_mean);
      g_autofree char *lived = score_text (framework, figures->lived_mean);
      g_autofree char *gap = isnan (figures->gap) ? g_strdup ("–")
                                                  : g_strdup_printf ("%+.1f", figures->gap);
      g_autofree char *staff_spoken = g_strdup_printf (_("%s, staff: %s"), title, staff);
      g_autofree char *lived_spoken = g_strdup_printf (_("%s, lived experience: %s"), title, lived);
      g_autofree char *gap_spoken = isnan (figures->gap)
                                    ? g_strdup_printf (_("%s, gap: not known"), title)
                                    : g_strdup_printf (_("%s, gap: staff %.1f higher"), title,
                                                       figures->gap);

      cell (self->views_grid, 0, (int) i + 1, title, NULL, FALSE);
      cell (self->views_grid, 1, (int) i + 1, staff, staff_spoken, FALSE);
      cell (self->views_grid, 2, (int) i + 1, lived, lived_spoken, FALSE);
      cell (self->views_grid, 3, (int) i + 1, gap, gap_spoken, FALSE);
      if (!isnan (figures->gap) && fabs (figures->gap) >= 0.5)
        g_ptr_array_add (gaps, (gpointer) figures);
    }

  if (latest->n_lived == 0)
    g_string_append (words, _("No one with lived experience has scored the latest round yet: import "
                              "their responses to see where the views differ."));
  else if (gaps->len == 0)
    g_string_append (words, _("Staff and people with lived experience score every standard within "
                              "half a point of each other."));
  else
    {
      g_ptr_array_sort (gaps, compare_gaps);
      g_string_append (words, _("The biggest gaps, the conversations to have:"));
      for (guint i = 0; i < gaps->len && i < 3; i++)
        {
          const TandemStandardFigures *figures = gaps->pdata[i];

          g_string_append_printf (words, _("\n• %s: staff score it %s, people with lived experience "
                                           "%s"),
                                  standard_title (framework, figures->standard_id),
                                  tandem_standards_framework_word (framework, figures->staff_mean),
                                  tandem_standards_framework_word (framework, figures->lived_mean));
          g_string_append_printf (words, _(" (%.1f against %.1f)."), figures->staff_mean,
                                  figures->lived_mean);
        }
    }
  gtk_label_set_text (self->gap_label, words->str);
}

static void
show_heatmap (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemStandardsFramework *framework = report->framework;

  clear_grid (self->heatmap_grid);
  gtk_widget_set_visible (GTK_WIDGET (self->heatmap_grid), report->rounds->len > 0);
  if (report->rounds->len == 0)
    return;
  cell (self->heatmap_grid, 0, 0, _("Standard"), NULL, TRUE);
  for (guint r = 0; r < report->rounds->len; r++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[r];
      g_autofree char *day = tandem_describe_date (round->round->date);

      cell (self->heatmap_grid, (int) r + 1, 0, day, NULL, TRUE);
    }
  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];

      cell (self->heatmap_grid, 0, (int) s + 1, standard->title, NULL, FALSE);
      for (guint r = 0; r < report->rounds->len; r++)
        {
          const TandemRoundFigures *round = report->rounds->pdata[r];
          double mean = NAN;
          g_autofree char *text = NULL;
          g_autofree char *spoken = NULL;
          g_autofree char *css = NULL;
          g_autofree char *day = tandem_describe_date (round->round->date);
          GtkWidget *label;

          for (guint i = 0; i < round->standards->len; i++)
            {
              const TandemStandardFigures *figures = round->standards->pdata[i];

              if (g_str_equal (figures->standard_id, standard->id))
                mean = figures->mean;
            }
          text = isnan (mean) ? g_strdup (_("–\nnot scored"))
                              : g_strdup_printf ("%.1f\n%s", mean,
                                                 tandem_standards_framework_word (framework, mean));
          spoken = isnan (mean)
                   ? g_strdup_printf (_("%s, round of %s: not scored"), standard->title, day)
                   : g_strdup_printf (_("%s, round of %s: %.1f, %s"), standard->title, day, mean,
                                      tandem_standards_framework_word (framework, mean));
          label = cell (self->heatmap_grid, (int) r + 1, (int) s + 1, text, spoken, FALSE);
          css = g_strdup_printf ("standards-score-%d",
                                 isnan (mean) ? 0 : CLAMP ((int) floor (mean + 0.5), 1, 5));
          gtk_widget_add_css_class (label, "standards-cell");
          gtk_widget_add_css_class (label, css);
        }
    }
}

static void
show_evidence (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemStandardsFramework *framework = report->framework;
  g_autofree char *unevidenced = join_titles (framework, report->level->unevidenced);

  g_list_store_remove_all (self->evidence);
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];
      const TandemEvidenceType *type = tandem_standards_framework_find_type (framework,
                                                                            item->evidence->type_id);
      g_autofree char *title = g_strdup_printf ("%s: %s",
                                                standard_title (framework, item->evidence->standard_id),
                                                type ? type->title : item->evidence->type_id);
      g_autoptr(GString) subtitle = g_string_new (item->what);

      if (item->level == TANDEM_STANDARD_LEVEL_NONE)
        g_string_append (subtitle, _(". No level reached yet"));
      else
        g_string_append_printf (subtitle, _(". Supports %s"),
                                tandem_standard_level_get_label (item->level));
      if (item->judgement)
        g_string_append_printf (subtitle, _(". From its chart: %s %s %s"),
                                item->judgement->baseline_reason, item->judgement->shift_reason,
                                item->judgement->sustained_reason);
      else
        g_string_append_c (subtitle, '.');
      append_row (self->evidence, title, subtitle->str, "standards.remove-evidence", _("_Remove"),
                  item->evidence->id);
    }
  if (report->level->unevidenced->len == 0)
    gtk_label_set_text (self->unevidenced_label, _("Every standard has evidence."));
  else
    {
      g_autofree char *text = g_strdup_printf (_("No evidence yet for %u of the %u standards (all "
                                                 "must be evidenced): %s."),
                                               report->level->unevidenced->len,
                                               framework->standards->len, unevidenced);
      gtk_label_set_text (self->unevidenced_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), report->evidence->len > 0);
}

static void
show_panels (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemPanelReview *latest = NULL;
  g_autofree char *today = tandem_clock_dup_today ();

  g_list_store_remove_all (self->panels);
  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *review = report->panels->pdata[i];
      g_autofree char *day = tandem_describe_date (review->date);
      g_autofree char *next = tandem_describe_date (review->next_review_on);
      g_autofree char *title = g_strdup_printf (_("Panel of %s: %s"), day,
                                                tandem_panel_decision_get_label (review->decision));
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (review->members && *review->members)
        g_string_append_printf (subtitle, _("Members: %s. "), review->members);
      if (review->conditions && *review->conditions)
        g_string_append_printf (subtitle, _("Conditions: %s. "), review->conditions);
      if (review->next_review_on)
        g_string_append_printf (subtitle, _("Next review: %s."), next);
      append_row (self->panels, title, subtitle->len ? subtitle->str : NULL, NULL, NULL, NULL);
      latest = review;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->panels_list), report->panels->len > 0);
  if (latest == NULL)
    gtk_label_set_text (self->reminder_label,
                        _("No panel review yet. Once the self-assessment is done and the evidence "
                          "gathered, record the panel's decision here."));
  else if (latest->next_review_on == NULL)
    gtk_label_set_text (self->reminder_label, _("The latest panel set no next review date."));
  else
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *text = NULL;
      g_autofree char *when = tandem_describe_date (latest->next_review_on);
      GDate due, on;
      int days;

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
}

static void
fill_choices (TandemStandardsPage *self,
              TandemProject       *project,
              const char          *team_id,
              GPtrArray           *targets)
{
  const TandemStandardsFramework *framework = self->report->framework;
  g_autoptr(GPtrArray) measures = tandem_measure_list (project, team_id, NULL);
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->standard_names));
  g_ptr_array_set_size (self->standard_ids, 0);
  g_ptr_array_set_size (self->type_ids, 0);
  g_ptr_array_set_size (self->target_ids, 0);
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < framework->standards->len; i++)
      {
        const TandemStandard *standard = framework->standards->pdata[i];

        g_ptr_array_add (names, standard->title);
        g_ptr_array_add (self->standard_ids, g_strdup (standard->id));
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->standard_names, 0, n, (const char * const *) names->pdata);
  }
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < framework->types->len; i++)
      {
        const TandemEvidenceType *type = framework->types->pdata[i];

        g_ptr_array_add (names, type->title);
        g_ptr_array_add (self->type_ids, g_strdup (type->id));
      }
    g_ptr_array_add (names, NULL);
    n = g_list_model_get_n_items (G_LIST_MODEL (self->type_names));
    gtk_string_list_splice (self->type_names, 0, n, (const char * const *) names->pdata);
  }
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; measures && i < measures->len; i++)
      {
        const TandemMeasure *measure = measures->pdata[i];

        g_ptr_array_add (names, g_strdup_printf (_("Measure: %s"), measure->name));
        g_ptr_array_add (self->target_ids, g_strconcat ("m:", measure->id, NULL));
      }
    for (guint i = 0; targets && i < targets->len; i++)
      {
        const TandemLinkTarget *target = targets->pdata[i];

        if (target->pdsa_id != NULL)
          continue;
        g_ptr_array_add (names, g_strdup_printf (_("Change idea: %s"), target->title));
        g_ptr_array_add (self->target_ids, g_strconcat ("n:", target->node_id, NULL));
      }
    g_ptr_array_add (names, NULL);
    n = g_list_model_get_n_items (G_LIST_MODEL (self->target_names));
    gtk_string_list_splice (self->target_names, 0, n, (const char * const *) names->pdata);
  }
  gtk_widget_set_sensitive (self->evidence_form,
                            self->target_ids->len > 0 && tandem_page_get_editable (TANDEM_PAGE (self)));
}

static void
tandem_standards_page_reload (TandemPage *page)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team_id = tandem_page_get_team_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gboolean editable = tandem_page_get_editable (page);

  g_clear_pointer (&self->report, tandem_standards_report_free);
  g_list_store_remove_all (self->rounds);
  g_list_store_remove_all (self->evidence);
  g_list_store_remove_all (self->panels);
  if (project == NULL || team_id == NULL)
    return;
  self->report = tandem_standards_report (project, team_id, &error);
  if (self->report == NULL)
    {
      gtk_label_set_text (self->level_label, _("Could not read the team's standards"));
      gtk_label_set_text (self->level_detail, error->message);
      return;
    }
  targets = tandem_measure_list_link_targets (project, team_id, NULL);
  show_level (self);
  show_rounds (self);
  show_views (self);
  show_heatmap (self);
  tandem_standards_priorities_show (self->priorities_section, project, self->report, editable);
  show_evidence (self);
  show_panels (self);
  fill_choices (self, project, team_id, targets);
  gtk_widget_set_sensitive (self->round_form, editable);
  gtk_widget_set_visible (self->add_response_button, self->report->rounds->len > 0);
  gtk_widget_set_sensitive (self->add_response_button, editable);
  gtk_widget_set_sensitive (self->panel_form, editable);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
add_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];

  if (project == NULL || tandem_page_get_team_id (TANDEM_PAGE (self)) == NULL)
    return;
  if (!tandem_date_entry_get_date (self->round_date, date))
    {
      g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the round's date, such as 20/11/2026."));
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Round"), error);
      return;
    }
  id = tandem_assessment_round_add (project, tandem_page_get_team_id (TANDEM_PAGE (self)), date,
                                    gtk_spin_button_get_value_as_int (self->headcount_spin), &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Round"), error);
}

static void
add_response_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *round_id = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  TandemStandardsResponseDialog *dialog;

  if (project == NULL || self->report == NULL || self->report->rounds->len == 0)
    return;
  /* No round named: the latest. */
  if (*round_id == '\0')
    round_id = ((TandemRoundFigures *) self->report->rounds->pdata[self->report->rounds->len - 1])
               ->round->id;
  dialog = tandem_standards_response_dialog_new (project, self->report->team_id, round_id, &error);
  if (dialog == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add a Response"), error);
      return;
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    return;
  if (!tandem_assessment_response_delete (project, g_variant_get_string (parameter, NULL), &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete the Response"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Response deleted"), TRUE);
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  guint standard = gtk_drop_down_get_selected (self->evidence_standard);
  guint type = gtk_drop_down_get_selected (self->evidence_type);
  guint target = gtk_drop_down_get_selected (self->evidence_target);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TandemEvidence evidence = { 0 };
  const char *target_id;

  if (project == NULL || standard >= self->standard_ids->len || type >= self->type_ids->len ||
      target >= self->target_ids->len)
    return;
  target_id = self->target_ids->pdata[target];
  evidence.team_id = (char *) tandem_page_get_team_id (TANDEM_PAGE (self));
  evidence.standard_id = self->standard_ids->pdata[standard];
  evidence.type_id = self->type_ids->pdata[type];
  if (g_str_has_prefix (target_id, "m:"))
    {
      /* A measure's level is worked out from its chart. */
      evidence.measure_id = (char *) target_id + 2;
      evidence.level = TANDEM_STANDARD_LEVEL_NONE;
    }
  else
    {
      evidence.node_id = (char *) target_id + 2;
      evidence.level = (int) gtk_drop_down_get_selected (self->evidence_level);
    }
  id = tandem_evidence_add (project, &evidence, &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Evidence"), error);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    return;
  if (!tandem_evidence_delete (project, g_variant_get_string (parameter, NULL), &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Remove the Evidence"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Evidence removed"), TRUE);
}

static void
add_panel_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *next_text = gtk_editable_get_text (GTK_EDITABLE (tandem_date_entry_get_entry (self->panel_next)));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TandemPanelReview review = { 0 };
  char date[11], next[11];

  if (project == NULL)
    return;
  if (!tandem_date_entry_get_date (self->panel_date, date))
    g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("Give the panel's date, such as 20/11/2026."));
  else if (*next_text && !tandem_date_entry_get_date (self->panel_next, next))
    g_set_error (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("“%s” is not a date: give the next review's date, such as 20/11/2027."), next_text);
  if (error)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Panel Review"), error);
      return;
    }
  review.team_id = (char *) tandem_page_get_team_id (TANDEM_PAGE (self));
  review.date = date;
  review.members = (char *) gtk_editable_get_text (GTK_EDITABLE (self->panel_members));
  review.decision = gtk_drop_down_get_selected (self->panel_decision);
  review.conditions = (char *) gtk_editable_get_text (GTK_EDITABLE (self->panel_conditions));
  review.next_review_on = *next_text ? next : NULL;
  if (review.members[0] == '\0')
    review.members = NULL;
  if (review.conditions[0] == '\0')
    review.conditions = NULL;
  id = tandem_panel_review_add (project, &review, &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Panel Review"), error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->panel_members), "");
      gtk_editable_set_text (GTK_EDITABLE (self->panel_conditions), "");
    }
}

/* ------------------------------------------------------------------------ */

static void
tandem_standards_page_dispose (GObject *object)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (object);

  g_clear_pointer (&self->report, tandem_standards_report_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_PAGE);
  G_OBJECT_CLASS (tandem_standards_page_parent_class)->dispose (object);
}

static void
tandem_standards_page_finalize (GObject *object)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (object);

  g_clear_object (&self->rounds);
  g_clear_object (&self->evidence);
  g_clear_object (&self->panels);
  g_clear_object (&self->standard_names);
  g_clear_object (&self->type_names);
  g_clear_object (&self->target_names);
  g_clear_pointer (&self->standard_ids, g_ptr_array_unref);
  g_clear_pointer (&self->type_ids, g_ptr_array_unref);
  g_clear_pointer (&self->target_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_standards_page_parent_class)->finalize (object);
}

static void
tandem_standards_page_class_init (TandemStandardsPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_STANDARD, TANDEM_ENTITY_STANDARD_SCORE_WORD, TANDEM_ENTITY_STANDARD_LEVEL,
    TANDEM_ENTITY_EVIDENCE_TYPE, TANDEM_ENTITY_ASSESSMENT_ROUND, TANDEM_ENTITY_ASSESSMENT_RESPONSE,
    TANDEM_ENTITY_ASSESSMENT_SCORE, TANDEM_ENTITY_PRIORITY_STANDARD, TANDEM_ENTITY_PRIORITY_LINK,
    TANDEM_ENTITY_STANDARD_EVIDENCE, TANDEM_ENTITY_PANEL_REVIEW, TANDEM_ENTITY_MEASURE,
    TANDEM_ENTITY_DATA_POINT, TANDEM_ENTITY_PHASE, TANDEM_ENTITY_NODE, TANDEM_ENTITY_TEAM, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  object_class->dispose = tandem_standards_page_dispose;
  object_class->finalize = tandem_standards_page_finalize;
  page_class->entities = entities;
  page_class->reload = tandem_standards_page_reload;

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  g_type_ensure (TANDEM_TYPE_STANDARDS_PRIORITIES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, level_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, level_detail);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, rounds_empty);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, round_form);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, round_date_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, round_date);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, headcount_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, gap_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, views_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, heatmap_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, priorities_section);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, add_response_button);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, unevidenced_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_form);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_standard);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_type);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_target);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_level);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panels_list);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_form);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_date_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_date);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_members);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_decision);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_conditions);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_next_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panel_next);

  gtk_widget_class_install_action (widget_class, "standards.add-round", NULL, add_round_action);
  gtk_widget_class_install_action (widget_class, "standards.import", "s",
                                   tandem_standards_import_choose);
  gtk_widget_class_install_action (widget_class, "standards.add-response", "s", add_response_action);
  gtk_widget_class_install_action (widget_class, "standards.delete-response", "s",
                                   delete_response_action);
  gtk_widget_class_install_action (widget_class, "standards.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "standards.remove-evidence", "s",
                                   remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "standards.add-panel", NULL, add_panel_action);
}

static void
label_date_entry (GtkLabel        *label,
                  TandemDateEntry *entry)
{
  GtkWidget *text = GTK_WIDGET (tandem_date_entry_get_entry (entry));

  gtk_label_set_mnemonic_widget (label, text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
}

static GtkStringList *
choices (GtkDropDown *drop_down)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  tandem_drop_down_name_button (drop_down);
  return list;
}

static void
tandem_standards_page_init (TandemStandardsPage *self)
{
  g_autoptr(GtkStringList) decisions = NULL;
  g_autoptr(GtkStringList) levels = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rounds = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  self->evidence = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  self->panels = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  gtk_list_box_bind_model (self->rounds_list, G_LIST_MODEL (self->rounds), tandem_standards_row_create_round_widget,
                           NULL, NULL);
  gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->evidence), create_row_cb, NULL,
                           NULL);
  gtk_list_box_bind_model (self->panels_list, G_LIST_MODEL (self->panels), create_row_cb, NULL, NULL);

  self->standard_ids = g_ptr_array_new_with_free_func (g_free);
  self->type_ids = g_ptr_array_new_with_free_func (g_free);
  self->target_ids = g_ptr_array_new_with_free_func (g_free);
  self->standard_names = choices (self->evidence_standard);
  self->type_names = choices (self->evidence_type);
  self->target_names = choices (self->evidence_target);

  levels = gtk_string_list_new (NULL);
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    gtk_string_list_append (levels, tandem_standard_level_get_label (i));
  gtk_drop_down_set_model (self->evidence_level, G_LIST_MODEL (levels));
  tandem_drop_down_name_button (self->evidence_level);

  decisions = gtk_string_list_new (NULL);
  for (int i = TANDEM_PANEL_DECISION_NONE; i <= TANDEM_PANEL_DECISION_GOLD; i++)
    gtk_string_list_append (decisions, tandem_panel_decision_get_label (i));
  gtk_drop_down_set_model (self->panel_decision, G_LIST_MODEL (decisions));
  tandem_drop_down_name_button (self->panel_decision);

  gtk_widget_set_name (GTK_WIDGET (self->panel_date), "panel-date");
  gtk_widget_set_name (GTK_WIDGET (self->panel_next), "panel-next");
  gtk_widget_set_name (GTK_WIDGET (self->panel_decision), "panel-decision");
  label_date_entry (self->round_date_label, self->round_date);
  label_date_entry (self->panel_date_label, self->panel_date);
  label_date_entry (self->panel_next_label, self->panel_next);
  gtk_label_set_text (self->rounds_empty,
                      _("No self-assessment rounds yet. Add the first: its date and the team's staff "
                        "headcount, then import the survey's responses."));
}
