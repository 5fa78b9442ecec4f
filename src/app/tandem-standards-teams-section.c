/* tandem-standards-teams-section.c — the Standards page's “Across the Project”: standards × teams, each team's latest round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every team's latest self-assessment round side by side, from
 * tandem_standards_teams(): a column per team headed by its name, its
 * level and the round's date and completion, then each standard's mean in
 * the heatmap's look (the number, its word and a shade, never the shade
 * alone). The standards' names stay in place while the teams scroll
 * sideways, each row kept level with its names by a size group. A team's
 * name is a button whose action is "win.select-team" with its id; the team
 * shown is marked. The grid is built anew only when its figures change. A team with no round has one cell that says
 * so.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-date.h"
#include "tandem-standards-teams-section.h"
#include "tandem-standards-teams.h"

/* The rows above the standards: the teams' names, levels, rounds. */
#define HEADER_ROWS 3

struct _TandemStandardsTeamsSection
{
  AdwPreferencesGroup  parent_instance;

  GtkLabel            *summary;
  GtkWidget           *tables;
  GtkGrid             *titles;
  GtkGrid             *grid;
  GPtrArray           *headers;     /* the teams' buttons, in the grid */
  char                *figures;     /* what the grid shows, to tell whether it changed */
};

G_DEFINE_FINAL_TYPE (TandemStandardsTeamsSection, tandem_standards_teams_section,
                     ADW_TYPE_PREFERENCES_GROUP)

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A cell shown as @text, read out as @spoken; in @rows' size group unless
 * it spans rows. Only a cell that spans rows wraps: a size group measures
 * its rows' heights at natural widths, which a wrapped label may not get. */
static GtkWidget *
cell (GtkGrid          *grid,
      GPtrArray        *rows,
      int               column,
      int               row,
      int               height,
      const char       *text,
      const char       *spoken,
      GtkAccessibleRole role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role, "label", text,
                                   "xalign", 0.5,
                                   "justify", GTK_JUSTIFY_CENTER, "wrap", height > 1,
                                   "width-chars", height > 1 ? 10 : -1,
                                   "max-width-chars", 10, "margin-start", 6, "margin-end", 6,
                                   "margin-top", 3, "margin-bottom", 3, NULL);

  if (spoken)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_grid_attach (grid, label, column, row, 1, height);
  if (height == 1)
    gtk_size_group_add_widget (rows->pdata[row], label);
  return label;
}

static void
shade (GtkWidget *label,
       double     mean)
{
  g_autofree char *css = g_strdup_printf ("standards-score-%d",
                                          isnan (mean) ? 0 : CLAMP ((int) floor (mean + 0.5), 1, 5));

  gtk_widget_add_css_class (label, "standards-cell");
  gtk_widget_add_css_class (label, css);
}

static void
row_title (TandemStandardsTeamsSection *self,
           GPtrArray                   *rows,
           int                          row,
           const char                  *title,
           gboolean                     header)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                             : GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                                   "label", title, "xalign", 0.0,
                                   "margin-start", 6, "margin-end", 6,
                                   "margin-top", 3, "margin-bottom", 3, NULL);

  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->titles, label, 0, row, 1, 1);
  gtk_size_group_add_widget (rows->pdata[row], label);
}

/* Marks the header of the team shown, or unmarks another's. */
static void
mark_header (GtkWidget *header,
             gboolean   shown)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (header));
  const char *name = gtk_label_get_text (GTK_LABEL (label));
  g_autofree char *tooltip = g_strdup_printf (_("Show %s’s standards"), name);
  g_autofree char *spoken = shown ? g_strdup_printf (_("%s, the team shown"), name)
                                  : g_strdup (name);

  if (shown)
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "accent");
    }
  else
    {
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "accent");
    }
  gtk_widget_set_tooltip_text (header, shown ? NULL : tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
}

static void
mark_team_shown (TandemStandardsTeamsSection *self,
                 const char                  *team_id)
{
  for (guint i = 0; i < self->headers->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (self->headers->pdata[i]);

      mark_header (self->headers->pdata[i],
                   g_strcmp0 (g_variant_get_string (target, NULL), team_id) == 0);
    }
}

/* A team's name heads its column, wrapped at a fixed width (so the least
 * width it can get is the one its height was measured at), as a button
 * that shows that team. */
static void
team_header (TandemStandardsTeamsSection *self,
             GPtrArray                   *rows,
             int                          column,
             const TandemTeamStandards   *team)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", team->team_name, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, "justify", GTK_JUSTIFY_CENTER,
                                   "width-chars", 12, "max-width-chars", 12, NULL);
  GtkWidget *header = g_object_new (GTK_TYPE_BUTTON, "child", label, "valign", GTK_ALIGN_END,
                                    "action-name", "win.select-team",
                                    "action-target", g_variant_new_string (team->team_id), NULL);

  gtk_widget_add_css_class (header, "flat");
  gtk_grid_attach (self->grid, header, column, 0, 1, 1);
  gtk_size_group_add_widget (rows->pdata[0], header);
  g_ptr_array_add (self->headers, header);
}

/* Everything the grid shows of @teams, to rebuild it only when that
 * changed: choosing another team then keeps the grid, its scrolling and
 * the keyboard's place in it. */
static char *
describe_figures (const TandemStandardsTeams *teams)
{
  const TandemStandardsFramework *framework = teams->framework;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    g_string_append_printf (out, "%s\x1f", framework->words[i]);
  for (guint s = 0; s < framework->standards->len; s++)
    g_string_append_printf (out, "%s\x1f", ((TandemStandard *) framework->standards->pdata[s])->title);
  for (guint t = 0; t < teams->teams->len; t++)
    {
      const TandemTeamStandards *team = teams->teams->pdata[t];

      g_string_append_printf (out, "\x1e%s\x1f%s\x1f%s\x1f%s\x1f%u %u %.17g %d %.17g %d",
                              team->team_id, team->team_name, team->round_id ? team->round_id : "",
                              team->date ? team->date : "", team->n_staff, team->n_lived,
                              team->completion, team->completion_met, team->average, team->level);
      for (guint s = 0; s < framework->standards->len; s++)
        g_string_append_printf (out, " %.17g", team->means[s]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
team_column (TandemStandardsTeamsSection *self,
             const TandemStandardsTeams  *teams,
             GPtrArray                   *rows,
             int                          column,
             const TandemTeamStandards   *team)
{
  const TandemStandardsFramework *framework = teams->framework;
  g_autofree char *day = NULL;
  g_autofree char *level = NULL;
  g_autofree char *level_spoken = NULL;
  g_autofree char *round = NULL;
  g_autofree char *round_spoken = NULL;
  GtkWidget *label;

  if (team->round_id == NULL)
    {
      g_autofree char *spoken = g_strdup_printf (_("%s: no self-assessment round yet"),
                                                 team->team_name);

      label = cell (self->grid, rows, column, 1, (int) framework->standards->len + HEADER_ROWS - 1,
                    _("No self-assessment round yet"), spoken, GTK_ACCESSIBLE_ROLE_CELL);
      gtk_widget_add_css_class (label, "dim-label");
      shade (label, NAN);
      return;
    }

  if (isnan (team->average))
    {
      level = g_strdup (_("–\nnot scored"));
      level_spoken = g_strdup_printf (_("%s: no scores in the latest round"), team->team_name);
    }
  else
    {
      const char *word = team->level == TANDEM_STANDARD_LEVEL_NONE
                         ? _("Below Bronze") : tandem_standard_level_get_label (team->level);

      level = g_strdup_printf ("%.2f\n%s", team->average, word);
      level_spoken = g_strdup_printf (_("%s: average %.2f, %s"), team->team_name, team->average,
                                      word);
    }
  label = cell (self->grid, rows, column, 1, 1, level, level_spoken, GTK_ACCESSIBLE_ROLE_CELL);
  gtk_widget_add_css_class (label, "heading");

  day = tandem_describe_date (team->date);
  if (isnan (team->completion))
    round = g_strdup_printf (ngettext ("%s\n%u staff", "%s\n%u staff", team->n_staff), day,
                             team->n_staff);
  else
    round = g_strdup_printf (_("%s\n%.0f%% of staff"), day, team->completion * 100);
  {
    g_autofree char *flat = g_strdelimit (g_strdup (round), "\n", ' ');

    round_spoken = g_strdup_printf (_("%s: latest round %s%s"), team->team_name, flat,
                                    !isnan (team->completion) && !team->completion_met
                                    ? _(", under 75%") : "");
  }
  label = cell (self->grid, rows, column, 2, 1, round, round_spoken, GTK_ACCESSIBLE_ROLE_CELL);
  if (!isnan (team->completion) && !team->completion_met)
    gtk_widget_set_tooltip_text (label, _("Under 75% of the staff took part"));

  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];
      double mean = team->means[s];
      g_autofree char *text = NULL;
      g_autofree char *spoken = NULL;

      text = isnan (mean) ? g_strdup (_("–\nnot scored"))
                          : g_strdup_printf ("%.1f\n%s", mean,
                                             tandem_standards_framework_word (framework, mean));
      spoken = isnan (mean)
               ? g_strdup_printf (_("%s, %s: not scored"), standard->title, team->team_name)
               : g_strdup_printf (_("%s, %s: %.1f %s"), standard->title, team->team_name, mean,
                                  tandem_standards_framework_word (framework, mean));
      label = cell (self->grid, rows, column, (int) s + HEADER_ROWS, 1, text, spoken,
                    GTK_ACCESSIBLE_ROLE_CELL);
      shade (label, mean);
    }
}

static void
tandem_standards_teams_section_finalize (GObject *object)
{
  TandemStandardsTeamsSection *self = TANDEM_STANDARDS_TEAMS_SECTION (object);

  g_ptr_array_unref (self->headers);
  g_free (self->figures);
  G_OBJECT_CLASS (tandem_standards_teams_section_parent_class)->finalize (object);
}

static void
tandem_standards_teams_section_class_init (TandemStandardsTeamsSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_standards_teams_section_finalize;
}

static void
tandem_standards_teams_section_init (TandemStandardsTeamsSection *self)
{
  GtkWidget *scroller;

  self->headers = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Across the Project"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Every team's latest round side by side: the level its "
                                           "scores reach (evidence aside), then each standard's "
                                           "mean score, the number, its word "
                                           "and a shade, darker for a higher score. Choose a "
                                           "team's name to show its standards."));
  self->summary = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->summary));

  self->tables = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  self->titles = GTK_GRID (g_object_new (GTK_TYPE_GRID, "row-spacing", 2, "valign", GTK_ALIGN_START,
                                         NULL));
  self->grid = GTK_GRID (g_object_new (GTK_TYPE_GRID, "row-spacing", 2, "column-spacing", 2,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mean score by standard and team"), -1);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW, "vscrollbar-policy", GTK_POLICY_NEVER,
                           "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                           "propagate-natural-height", TRUE, "propagate-natural-width", TRUE,
                           "hexpand", TRUE, "child", self->grid, NULL);
  gtk_box_append (GTK_BOX (self->tables), GTK_WIDGET (self->titles));
  gtk_box_append (GTK_BOX (self->tables), scroller);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->tables);
}

/**
 * tandem_standards_teams_section_new:
 *
 * Returns: (transfer floating): a section showing nothing yet
 */
GtkWidget *
tandem_standards_teams_section_new (void)
{
  return g_object_new (TANDEM_TYPE_STANDARDS_TEAMS_SECTION, NULL);
}

/**
 * tandem_standards_teams_section_show:
 * @self: the section
 * @project: (nullable): a project
 * @team_id: (nullable): the team the page shows, named without a button
 *
 * Reads every team's latest round from @project and shows them.
 */
void
tandem_standards_teams_section_show (TandemStandardsTeamsSection *self,
                                     TandemProject               *project,
                                     const char                  *team_id)
{
  g_autoptr(TandemStandardsTeams) teams = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *figures = NULL;
  guint n_rounds = 0;

  g_return_if_fail (TANDEM_IS_STANDARDS_TEAMS_SECTION (self));

  teams = project ? tandem_standards_teams (project, &error) : NULL;
  figures = teams ? describe_figures (teams) : NULL;
  if (figures != NULL && g_strcmp0 (figures, self->figures) == 0)
    {
      mark_team_shown (self, team_id);
      return;
    }
  g_free (self->figures);
  self->figures = g_steal_pointer (&figures);
  g_ptr_array_set_size (self->headers, 0);
  clear_grid (self->titles);
  clear_grid (self->grid);
  gtk_widget_set_visible (self->tables, FALSE);
  if (project == NULL)
    return;
  if (teams == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The teams' standards could not be read: %s"),
                                               error->message);

      gtk_label_set_text (self->summary, text);
      return;
    }
  for (guint t = 0; t < teams->teams->len; t++)
    if (((TandemTeamStandards *) teams->teams->pdata[t])->round_id != NULL)
      n_rounds++;
  if (n_rounds == 0)
    {
      gtk_label_set_text (self->summary,
                          _("No team has a self-assessment round yet. Each team's latest round "
                            "appears here beside the others once it has one."));
      return;
    }
  {
    g_autofree char *text =
      g_strdup_printf (ngettext ("%u of %u teams has a self-assessment round.",
                                 "%u of %u teams have a self-assessment round.", n_rounds),
                       n_rounds, teams->teams->len);

    gtk_label_set_text (self->summary, text);
  }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint r = 0; r < teams->framework->standards->len + HEADER_ROWS; r++)
    g_ptr_array_add (rows, gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL));
  row_title (self, rows, 0, _("Standard"), TRUE);
  row_title (self, rows, 1, _("Scores reach"), FALSE);
  row_title (self, rows, 2, _("Latest round"), FALSE);
  for (guint s = 0; s < teams->framework->standards->len; s++)
    row_title (self, rows, (int) s + HEADER_ROWS,
               ((TandemStandard *) teams->framework->standards->pdata[s])->title, FALSE);
  for (guint t = 0; t < teams->teams->len; t++)
    {
      const TandemTeamStandards *team = teams->teams->pdata[t];

      team_header (self, rows, (int) t, team);
      team_column (self, teams, rows, (int) t, team);
    }
  mark_team_shown (self, team_id);
  gtk_widget_set_visible (self->tables, TRUE);
}
