/* tandem-equity-overview.c — the equity of outcomes overview: a team's broken-down measures by access, experience and outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What PCREF asks a trust to look at, for one team: every measure broken
 * down by group, under access, experience or outcomes, each with the
 * latest ratio (the last 12 months) of every group compared, the focus
 * groups first (Black or Black British, then Mixed), and whether the gap
 * has narrowed since the measure's latest change (or since the 12 months
 * before, without one). Said in words, never by colour. Categories are
 * pooled into broad groups here; the measure's own page shows them apart.
 * Choosing a measure activates "equity.show-measure" with its id.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-breakdown.h"
#include "tandem-disparity-text.h"
#include "tandem-equity-measure.h"
#include "tandem-equity-overview.h"
#include "tandem-measure.h"

struct _TandemEquityOverview
{
  GtkBox     parent_instance;

  GtkWidget *groups_box;
  GtkLabel  *empty_label;
  char      *text;
};

G_DEFINE_FINAL_TYPE (TandemEquityOverview, tandem_equity_overview, GTK_TYPE_BOX)

/* PCREF's focus: the broad groups most disadvantaged, first. */
static const char * const focus_groups[] = { "black", "mixed" };

static int
focus_rank (const char *group_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (focus_groups); i++)
    if (g_strcmp0 (group_id, focus_groups[i]) == 0)
      return (int) i;
  return G_N_ELEMENTS (focus_groups);
}

/* "Black or Black British: 2.4 times as often as White (95% interval 1.9
 * to 3.1), narrower than before ‘huddles’ (3.4)" */
static void
append_group (GString                 *text,
              const TandemEquityMeasure *equity,
              const TandemDisparity   *now,
              const TandemDisparity   *earlier,
              const char              *since,
              guint                    g)
{
  const TandemBreakdownAnalysis *analysis = equity->analysis;
  const TandemDisparityGroup *group = &now->groups[g];
  const char *name = analysis->group_names[g];
  const char *reference = analysis->group_names[analysis->options.reference];

  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (group->status == TANDEM_RATIO_ESTIMATED && group->ratio > 0)
    {
      g_autofree char *ratio = tandem_disparity_format_ratio (group->ratio);
      g_autofree char *lcl = tandem_disparity_format_ratio (group->lcl);
      g_autofree char *ucl = tandem_disparity_format_ratio (group->ucl);
      const TandemDisparityGroup *before = earlier ? &earlier->groups[g] : NULL;

      g_string_append_printf (text, _("%s: %s times as often as %s (95%% interval %s to %s%s)"),
                              name, ratio, reference, lcl, ucl,
                              group->lcl <= 1 && group->ucl >= 1 ? _(", no clear difference") : "");
      if (before != NULL && before->status == TANDEM_RATIO_ESTIMATED && before->ratio > 0)
        {
          g_autofree char *then = tandem_disparity_format_ratio (before->ratio);
          double gap_now = fabs (log (group->ratio)), gap_then = fabs (log (before->ratio));

          if (gap_now < gap_then - 1e-9)
            g_string_append_printf (text, _("; narrowed: %s %s"), then, since);
          else if (gap_now > gap_then + 1e-9)
            g_string_append_printf (text, _("; widened: %s %s"), then, since);
          else
            g_string_append_printf (text, _("; unchanged: %s %s"), then, since);
        }
      else
        g_string_append_printf (text, _("; no ratio %s to compare with"), since);
    }
  else if (group->status == TANDEM_RATIO_ESTIMATED)
    g_string_append_printf (text, _("%s: no events over the last 12 months"), name);
  else if (group->status == TANDEM_RATIO_INFINITE)
    g_string_append_printf (text, _("%s: events, but none among %s, so no ratio"), name, reference);
  else
    g_string_append_printf (text, _("%s: no figures to compare over the last 12 months"), name);
}

static int
compare_focus (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  char **ids = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int rank = focus_rank (ids[x]) - focus_rank (ids[y]);

  return rank != 0 ? rank : (int) x - (int) y;
}

/* The words of one measure's row, or NULL when it is not broken down. */
static char *
dup_measure_words (TandemProject        *project,
                   const TandemMeasure  *measure,
                   TandemBreakdownDomain *domain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdown) breakdown = tandem_breakdown_get (project, measure->id, NULL);
  g_autoptr(TandemEquityMeasure) equity = NULL;
  g_autoptr(TandemDisparity) earlier = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *since = NULL;
  const TandemDisparity *now;
  const TandemDisparityOptions *options;

  if (breakdown == NULL)
    return NULL;
  *domain = breakdown->domain;
  equity = tandem_equity_measure_load (project, measure->id, TRUE, &error);
  if (equity == NULL)
    return g_strdup (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND)
                     ? _("No data by group yet.") : error->message);
  options = &equity->analysis->options;
  if (options->reference == TANDEM_DISPARITY_NONE)
    return g_strdup (_("No reference group to compare with: choose one on the measure’s page."));
  now = equity->analysis->last_year->whole->disparity;
  if (!equity->analysis->last_year->whole->has_data[options->reference])
    return g_strdup (_("No figures for the reference group over the last 12 months."));
  earlier = tandem_equity_measure_compare_earlier (equity, &since);

  for (guint g = 0; g < equity->analysis->n_groups; g++)
    if (g != options->reference && g != options->not_stated &&
        equity->analysis->last_year->whole->has_data[g])
      g_array_append_val (order, g);
  g_array_sort_with_data (order, compare_focus, equity->analysis->group_ids);
  for (guint i = 0; i < order->len; i++)
    append_group (text, equity, now, earlier, since, g_array_index (order, guint, i));
  if (options->not_stated != TANDEM_DISPARITY_NONE && isfinite (now->not_stated_share) &&
      equity->analysis->last_year->whole->has_data[options->not_stated])
    g_string_append_printf (text, _("\nGroup not stated for %.0f%% of the events."),
                            now->not_stated_share * 100);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
domain_group (TandemBreakdownDomain domain)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *descriptions[] = {
    N_("Whether people get care: referrals, admissions, detentions under the Mental Health Act."),
    N_("What care is like: restraint, seclusion, rapid tranquillisation, complaints."),
    N_("What comes of it: length of stay, readmissions, recovery."),
  };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   tandem_breakdown_domain_get_label (domain));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(descriptions[domain]));
  return group;
}

/**
 * tandem_equity_overview_set_team:
 * @self: the overview
 * @project: (nullable): the project
 * @team_id: (nullable): the team
 *
 * Shows the team's broken-down measures afresh.
 */
void
tandem_equity_overview_set_team (TandemEquityOverview *self,
                                 TandemProject        *project,
                                 const char           *team_id)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  GtkWidget *groups[3] = { NULL };
  guint n_in[G_N_ELEMENTS (groups)] = { 0 };
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (TANDEM_IS_EQUITY_OVERVIEW (self));

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  if (project != NULL && team_id != NULL)
    measures = tandem_measure_list (project, team_id, NULL);
  for (guint d = 0; d < G_N_ELEMENTS (groups); d++)
    {
      groups[d] = domain_group ((TandemBreakdownDomain) d);
      gtk_box_append (GTK_BOX (self->groups_box), groups[d]);
    }

  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      const TandemMeasure *measure = measures->pdata[i];
      TandemBreakdownDomain domain = TANDEM_BREAKDOWN_OUTCOMES;
      g_autofree char *words = dup_measure_words (project, measure, &domain);
      GtkWidget *row;

      if (words == NULL || domain >= G_N_ELEMENTS (groups))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), measure->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "equity.show-measure");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", measure->id);
      gtk_widget_set_tooltip_text (row, _("Show the Measure"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[domain]), row);
      g_string_append_printf (all, "%s — %s\n%s\n", tandem_breakdown_domain_get_label (domain),
                              measure->name, words);
      n_in[domain]++;
      shown++;
    }

  for (guint d = 0; d < G_N_ELEMENTS (groups); d++)
    if (n_in[d] == 0)
      {
        g_autofree char *domain = g_utf8_strdown (tandem_breakdown_domain_get_label ((TandemBreakdownDomain) d), -1);
        g_autofree char *about = g_strdup_printf (_("No measure about %s is broken down by group yet."),
                                                  domain);
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), about);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[d]), row);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&all), FALSE);
}

/**
 * tandem_equity_overview_get_text:
 * @self: the overview
 *
 * Returns: what the overview shows, as text: per measure, its domain and
 *   name, then its groups' ratios
 */
const char *
tandem_equity_overview_get_text (TandemEquityOverview *self)
{
  g_return_val_if_fail (TANDEM_IS_EQUITY_OVERVIEW (self), NULL);
  return self->text;
}

static void
tandem_equity_overview_finalize (GObject *object)
{
  TandemEquityOverview *self = TANDEM_EQUITY_OVERVIEW (object);

  g_free (self->text);
  G_OBJECT_CLASS (tandem_equity_overview_parent_class)->finalize (object);
}

static void
tandem_equity_overview_class_init (TandemEquityOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_equity_overview_finalize;
}

static void
tandem_equity_overview_init (TandemEquityOverview *self)
{
  GtkWidget *title = gtk_label_new (_("Equity of Outcomes"));
  GtkWidget *description = gtk_label_new (_("Each measure broken down by group, over the last 12 "
                                             "months: how many times as often each group had the "
                                             "event as the reference group, Black or Black British "
                                             "and Mixed first, as the Patient and Carer Race Equality "
                                             "Framework asks, and whether the gap has narrowed."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  self->empty_label = GTK_LABEL (gtk_label_new (_("No measure of this team is broken down by group "
                                                  "yet: choose a measure, then what to break it "
                                                  "down by under “Equity: By Group”.")));
  gtk_label_set_xalign (self->empty_label, 0);
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self), title);
  gtk_box_append (GTK_BOX (self), description);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->empty_label));
  gtk_box_append (GTK_BOX (self), self->groups_box);
}

/**
 * tandem_equity_overview_new:
 *
 * Returns: (transfer floating): a new, empty overview
 */
GtkWidget *
tandem_equity_overview_new (void)
{
  return g_object_new (TANDEM_TYPE_EQUITY_OVERVIEW, NULL);
}
