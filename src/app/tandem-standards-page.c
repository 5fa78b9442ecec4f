/* tandem-standards-page.c — the Standards page: a team's Culture of Care
 * self-assessment rounds, the staff and lived-experience views side by
 * side, the heatmap, priorities, evidence, the level and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from tandem_standards_report(), the one place they
 * are worked out (the CLI's JSON and the accreditation pack use it too).
 * The lists are list models of small items bound to list boxes; the
 * buttons are actions of the page, or of the section they are in: the
 * priorities, evidence and panel reviews are section widgets of their own
 * (tandem-standards-priorities.c, -evidence-section.c, -panels-section.c),
 * each shown again from the same report on every reload.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-standards-import-dialog.h"
#include "tandem-print.h"
#include "tandem-standards-evidence-section.h"
#include "tandem-standards-framework-dialog.h"
#include "tandem-standards-pack.h"
#include "tandem-standards-page.h"
#include "tandem-standards-panels-section.h"
#include "tandem-standards-priorities.h"
#include "tandem-standards-response-dialog.h"
#include "tandem-standards-row.h"
#include "tandem-standards-teams-section.h"
#include "tandem-standards.h"

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
  GtkWidget              *heatmap_empty_label;
  TandemStandardsPriorities *priorities_section;
  GtkWidget              *add_response_button;
  TandemStandardsTeamsSection *teams_section;
  TandemStandardsEvidenceSection *evidence_section;
  TandemStandardsPanelsSection *panels_section;

  GListStore             *rounds;

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

static void
show_level (TandemStandardsPage *self)
{
  const TandemStandardsReport *report = self->report;
  const TandemStandardsLevel *level = report->level;
  const TandemRoundFigures *latest = NULL;
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
  latest = report->rounds->pdata[report->rounds->len - 1];
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
  else if (latest->completion_met)
    heading = g_strdup_printf (_("Level reached: %s. Average score %.2f (%s)."),
                               tandem_standard_level_get_label (level->level), level->average,
                               tandem_standards_framework_word (report->framework, level->average));
  else
    heading = g_strdup_printf (_("Scores reach %s (average %.2f, %s), but the round does not "
                                 "count yet."),
                               tandem_standard_level_get_label (level->level), level->average,
                               tandem_standards_framework_word (report->framework, level->average));
  /* A round counts when 75% of the staff took part: said beside the level,
   * not only in the list of what the next level needs. */
  if (level->level != TANDEM_STANDARD_LEVEL_NONE && !isnan (level->average) &&
      !latest->completion_met)
    {
      g_autofree char *count = isnan (latest->completion)
        ? g_strdup (_("The round has no staff headcount, so the 75% rule cannot be checked."))
        : g_strdup_printf (_("Only %.0f%% of the staff took part, and a round counts when 75%% do."),
                           latest->completion * 100);
      g_autofree char *both = g_strdup_printf ("%s %s", heading, count);

      g_free (heading);
      heading = g_steal_pointer (&both);
    }
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
  gtk_widget_set_visible (self->heatmap_empty_label, report->rounds->len == 0);
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
tandem_standards_page_reload (TandemPage *page)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team_id = tandem_page_get_team_id (page);
  g_autoptr(GError) error = NULL;
  gboolean editable = tandem_page_get_editable (page);

  g_clear_pointer (&self->report, tandem_standards_report_free);
  g_list_store_remove_all (self->rounds);
  if (project != NULL && team_id != NULL)
    self->report = tandem_standards_report (project, team_id, &error);
  /* With no team, or its figures unreadable, these two sections empty. */
  tandem_standards_evidence_section_show (self->evidence_section, project, self->report, editable);
  tandem_standards_panels_section_show (self->panels_section, project, self->report, editable);
  if (project == NULL || team_id == NULL)
    return;
  if (self->report == NULL)
    {
      gtk_label_set_text (self->level_label, _("Could not read the team's standards"));
      gtk_label_set_text (self->level_detail, error->message);
      return;
    }
  show_level (self);
  show_rounds (self);
  show_views (self);
  show_heatmap (self);
  tandem_standards_priorities_show (self->priorities_section, project, self->report, editable);
  tandem_standards_teams_section_show (self->teams_section, project, team_id);
  gtk_widget_set_sensitive (self->round_form, editable);
  gtk_widget_set_visible (self->add_response_button, self->report->rounds->len > 0);
  gtk_widget_set_sensitive (self->add_response_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.framework", editable);
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
  /* A headcount typed and not yet left (Alt+A adds at once) counts. */
  gtk_spin_button_update (self->headcount_spin);
  id = tandem_assessment_round_add (project, tandem_page_get_team_id (TANDEM_PAGE (self)), date,
                                    gtk_spin_button_get_value_as_int (self->headcount_spin), &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Round"), error);
}

/* "standards.framework": the framework the trust adapts, in its own window. */
static void
framework_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (widget));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  TandemStandardsFrameworkDialog *dialog;

  if (project == NULL || !tandem_page_get_editable (TANDEM_PAGE (widget)))
    return;
  dialog = tandem_standards_framework_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  project, &error);
  if (dialog == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (widget), _("Could Not Read the Framework"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
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

/* ------------------------------------------------------------------------ */
/* Printing and exporting the accreditation pack                            */

static char *
pack_name (TandemStandardsPage *self)
{
  const char *team = self->report ? self->report->team_name : NULL;

  return team ? g_strdup_printf (_("%s accreditation pack"), team)
              : g_strdup (_("Accreditation pack"));
}

/**
 * tandem_standards_page_print_to_pdf:
 * @self: the page
 * @path: (nullable): write straight to this PDF, or %NULL for the print dialog
 *
 * Prints the team's accreditation pack on A4, the pages the CLI's
 * `export standards` writes, drawn by the same renderer.
 */
void
tandem_standards_page_print_to_pdf (TandemStandardsPage *self,
                                    const char          *path)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team_id = tandem_page_get_team_id (TANDEM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pack_name (self);
  TandemStandardsPack *pack;
  double width, height;
  guint n_pages;

  g_return_if_fail (TANDEM_IS_STANDARDS_PAGE (self));
  if (project == NULL || team_id == NULL)
    return;
  pack = tandem_standards_pack_new (project, team_id, &error);
  if (pack == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Print the Pack"), error);
      return;
    }
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_standards_pack_paginate (pack, width, height);
  tandem_print_pages (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, name, TANDEM_PAPER_A4,
                      FALSE, n_pages, tandem_standards_pack_draw_page, pack,
                      (GDestroyNotify) tandem_standards_pack_free, path);
}

static void
tandem_standards_page_print (TandemPage *page)
{
  tandem_standards_page_print_to_pdf (TANDEM_STANDARDS_PAGE (page), NULL);
}

/**
 * tandem_standards_page_export_to:
 * @self: the page
 * @path: the file to write
 * @json: write every figure as JSON, as `tandem-cli export standards
 *   --format json` does, rather than the pack's pages
 * @format: PDF (every page), or PNG or SVG (the cover), unless @json
 * @dpi: a PNG's resolution
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
tandem_standards_page_export_to (TandemStandardsPage  *self,
                                 const char           *path,
                                 gboolean              json,
                                 TandemExportFormat    format,
                                 double                dpi,
                                 GError              **error)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team_id = tandem_page_get_team_id (TANDEM_PAGE (self));
  g_autoptr(TandemStandardsReport) report = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_STANDARDS_PAGE (self), FALSE);
  if (project == NULL || team_id == NULL)
    {
      g_set_error_literal (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                           _("Choose a team to export its accreditation pack."));
      return FALSE;
    }
  if (!json)
    return tandem_standards_pack_export (project, team_id, format, path, dpi, NULL, NULL, error);
  report = tandem_standards_report (project, team_id, error);
  if (report == NULL)
    return FALSE;
  text = tandem_standards_report_to_json (report);
  return tandem_export_text (path, text, NULL, NULL, error);
}

static void
export_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    TandemStandardsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = file ? g_file_get_path (file) : NULL;
      g_autofree char *lower = chosen ? g_ascii_strdown (chosen, -1) : NULL;
      gboolean json = lower && g_str_has_suffix (lower, ".json");
      TandemExportFormat format = TANDEM_EXPORT_PDF;
      TandemPaper paper;
      double dpi;
      g_autofree char *path = tandem_print_export_choice (GTK_FILE_CHOOSER (chooser), &format,
                                                          &paper, &dpi);
      g_autoptr(GError) error = NULL;

      if (json)
        {
          g_free (path);
          path = g_strdup (chosen);
        }
      if (path && !tandem_standards_page_export_to (self, path, json, format, dpi, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export the Pack"), error);
      else if (path)
        tandem_page_show_toast (TANDEM_PAGE (self), _("Exported"), FALSE);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
tandem_standards_page_export (TandemPage *page)
{
  TandemStandardsPage *self = TANDEM_STANDARDS_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  const char *dpi_ids[] = { "150", "300", "600", NULL };
  const char *dpi_labels[] = { N_("150 dots per inch"), N_("300 dots per inch"),
                               N_("600 dots per inch"), NULL };
  const char *exts[] = { "pdf", "png", "svg", "json" };
  const char *filter_names[] = { N_("PDF document (the whole pack)"), N_("PNG image (its cover)"),
                                 N_("SVG drawing (its cover)"), N_("JSON (every figure, for scripts)") };

  if (self->report == NULL)
    return;
  name = pack_name (self);
  file_name = g_strdup_printf ("%s.pdf", name);
  g_strdelimit (file_name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export the Accreditation Pack"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", exts[i]);

      gtk_file_filter_set_name (filter, _(filter_names[i]));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  for (guint i = 0; dpi_labels[i]; i++)
    dpi_labels[i] = _(dpi_labels[i]);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "dpi", _("PNG resolution"), dpi_ids,
                               dpi_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "dpi", "150");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  page_class->print = tandem_standards_page_print;
  page_class->export = tandem_standards_page_export;

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  g_type_ensure (TANDEM_TYPE_STANDARDS_PRIORITIES);
  g_type_ensure (TANDEM_TYPE_STANDARDS_TEAMS_SECTION);
  g_type_ensure (TANDEM_TYPE_STANDARDS_EVIDENCE_SECTION);
  g_type_ensure (TANDEM_TYPE_STANDARDS_PANELS_SECTION);
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
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, heatmap_empty_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, priorities_section);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, add_response_button);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, teams_section);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, evidence_section);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsPage, panels_section);

  gtk_widget_class_install_action (widget_class, "standards.add-round", NULL, add_round_action);
  gtk_widget_class_install_action (widget_class, "standards.framework", NULL, framework_action);
  gtk_widget_class_install_action (widget_class, "standards.import", "s",
                                   tandem_standards_import_choose);
  gtk_widget_class_install_action (widget_class, "standards.add-response", "s", add_response_action);
  gtk_widget_class_install_action (widget_class, "standards.delete-response", "s",
                                   delete_response_action);
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

static void
tandem_standards_page_init (TandemStandardsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rounds = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  gtk_list_box_bind_model (self->rounds_list, G_LIST_MODEL (self->rounds), tandem_standards_row_create_round_widget,
                           NULL, NULL);
  label_date_entry (self->round_date_label, self->round_date);
  gtk_label_set_text (self->rounds_empty,
                      _("No self-assessment rounds yet. Add the first: its date and the team's staff "
                        "headcount, then import the survey's responses."));
}
