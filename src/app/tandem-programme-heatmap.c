/* tandem-programme-heatmap.c — the programme's teams × standards heatmap:
 * a row for each team shown that has a self-assessment round (its name, a
 * button that opens it at its Standards page; its level; then each
 * standard's mean from its latest round), in the look of the Standards
 * page's “Across the Project” (the number and its word on the score's
 * shade, never the shade alone), each cell read out as “Safety, Willow
 * Ward: 3.4 Embedded”. The teams are the table's: the same search and
 * “Needs Attention” let them through. The grid is built when the heatmap
 * is shown, and anew when they change while it is shown; what changes while
 * it is hidden waits until it is shown again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-programme-heatmap.h"
#include "tandem-programme-item.h"

struct _TandemProgrammeHeatmap
{
  GtkBox      parent_instance;

  GtkLabel   *summary;
  GtkGrid    *grid;
  GListModel *teams;        /* TandemProgrammeItem */
  gboolean    stale;        /* the grid is not the teams': build it when shown */
};

G_DEFINE_FINAL_TYPE (TandemProgrammeHeatmap, tandem_programme_heatmap, GTK_TYPE_BOX)

static GtkWidget *
cell (TandemProgrammeHeatmap *self,
      int                     column,
      int                     row,
      const char             *text,
      const char             *spoken,
      GtkAccessibleRole       role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, "label", text,
                                   "xalign", column < 2 ? 0.0 : 0.5,
                                   "justify", column < 2 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER,
                                   "margin-start", 6, "margin-end", 6, "margin-top", 3,
                                   "margin-bottom", 3, NULL);

  if (spoken != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                    -1);
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
  return label;
}

/* The standards of every team shown, each once, in the order first met. */
static GPtrArray *
list_standards (GListModel *teams)
{
  GPtrArray *columns = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (teams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (teams, i);
      const TandemProgrammeStandards *standards = tandem_programme_item_get_standards (item);

      for (guint s = 0; standards != NULL && s < standards->scores->len; s++)
        {
          const TandemProgrammeStandardScore *score = standards->scores->pdata[s];
          gboolean seen = FALSE;

          for (guint c = 0; c < columns->len && !seen; c++)
            seen = g_str_equal (((TandemProgrammeStandardScore *) columns->pdata[c])->id,
                                score->id);
          if (!seen)
            g_ptr_array_add (columns, (gpointer) score);
        }
    }
  return columns;
}

static void
team_row (TandemProgrammeHeatmap *self,
          GPtrArray              *columns,
          int                     row,
          TandemProgrammeItem    *item)
{
  const TandemProgrammeStandards *standards = tandem_programme_item_get_standards (item);
  const char *name = tandem_programme_item_get_team_name (item);
  g_autofree char *level = tandem_programme_item_dup_text (item,
                                                           TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL);
  g_autofree char *level_spoken = g_strdup_printf (_("%s: %s"), name, level);
  g_autofree char *described = tandem_programme_describe_level (standards);
  /* TRANSLATORS: a tooltip; the team's name */
  g_autofree char *tooltip = g_strdup_printf (_("Open %s at Standards"), name);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON, "child", label, "halign", GTK_ALIGN_START,
                                    "action-name", "app.open-team",
                                    "action-target",
                                    g_variant_new ("(ssss)", tandem_programme_item_get_path (item),
                                                   tandem_programme_item_get_team_id (item),
                                                   "standards", ""),
                                    "tooltip-text", tooltip, NULL);
  GtkWidget *level_label;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_grid_attach (self->grid, button, 0, row, 1, 1);

  level_label = cell (self, 1, row, level, level_spoken, GTK_ACCESSIBLE_ROLE_CELL);
  gtk_widget_add_css_class (level_label, "heading");
  gtk_widget_set_tooltip_text (level_label, described);

  for (guint c = 0; c < columns->len; c++)
    {
      const TandemProgrammeStandardScore *column = columns->pdata[c];
      const TandemProgrammeStandardScore *score = tandem_programme_standards_find (standards,
                                                                                   column->id);
      double mean = score ? score->mean : NAN;
      g_autofree char *text = NULL;
      g_autofree char *spoken = NULL;
      g_autofree char *css = g_strdup_printf ("standards-score-%d",
                                              isnan (mean) ? 0
                                              : CLAMP ((int) floor (mean + 0.5), 1, 5));

      if (isnan (mean))
        {
          text = g_strdup (_("–\nnot scored"));
          /* TRANSLATORS: a standard, a team */
          spoken = g_strdup_printf (_("%s, %s: not scored"), column->title, name);
        }
      else
        {
          text = g_strdup_printf ("%.1f\n%s", mean, score->word);
          /* TRANSLATORS: a standard, a team, its mean score and the score's word */
          spoken = g_strdup_printf (_("%s, %s: %.1f %s"), column->title, name, mean, score->word);
        }
      label = cell (self, (int) c + 2, row, text, spoken, GTK_ACCESSIBLE_ROLE_CELL);
      gtk_widget_add_css_class (label, "standards-cell");
      gtk_widget_add_css_class (label, css);
    }
}

static void
rebuild (TandemProgrammeHeatmap *self)
{
  g_autoptr(GPtrArray) columns = NULL;
  GtkWidget *child;
  guint n, with = 0;
  int row = 1;

  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (self->teams == NULL)
    return;

  columns = list_standards (self->teams);
  n = g_list_model_get_n_items (self->teams);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (self->teams, i);

      if (tandem_programme_item_get_standards (item) == NULL)
        continue;
      team_row (self, columns, row++, item);
      with++;
    }
  if (with > 0)
    {
      GtkWidget *label;

      label = cell (self, 0, 0, _("Team"), NULL, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
      gtk_widget_add_css_class (label, "heading");
      label = cell (self, 1, 0, _("Standards level"), NULL, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
      gtk_widget_add_css_class (label, "heading");
      for (guint c = 0; c < columns->len; c++)
        {
          label = cell (self, (int) c + 2, 0,
                        ((TandemProgrammeStandardScore *) columns->pdata[c])->title, NULL,
                        GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
          gtk_widget_set_valign (label, GTK_ALIGN_END);
          gtk_widget_add_css_class (label, "heading");
        }
    }

  if (n == 0)
    gtk_label_set_label (self->summary, _("No team is shown."));
  else if (with == 0)
    gtk_label_set_label (self->summary, _("None of the teams shown has a self-assessment round "
                                          "yet."));
  else
    {
      g_autofree char *summary =
        g_strdup_printf (ngettext ("Each team’s latest self-assessment round: %u of the %u "
                                   "team shown has one; teams without one are not listed.",
                                   "Each team’s latest self-assessment round: %u of the %u "
                                   "teams shown have one; teams without one are not listed.",
                                   n), with, n);

      gtk_label_set_label (self->summary, summary);
    }
}

/* Builds the grid now if it is shown, or when it next is. */
static void
update (TandemProgrammeHeatmap *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

static void
teams_changed_cb (GListModel             *teams,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  TandemProgrammeHeatmap *self)
{
  update (self);
}

static void
tandem_programme_heatmap_map (GtkWidget *widget)
{
  TandemProgrammeHeatmap *self = TANDEM_PROGRAMME_HEATMAP (widget);

  /* before its children are mapped, so that it is shown as it is */
  if (self->stale)
    rebuild (self);
  GTK_WIDGET_CLASS (tandem_programme_heatmap_parent_class)->map (widget);
}

static void
tandem_programme_heatmap_dispose (GObject *object)
{
  TandemProgrammeHeatmap *self = TANDEM_PROGRAMME_HEATMAP (object);

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, teams_changed_cb, self);
  g_clear_object (&self->teams);
  G_OBJECT_CLASS (tandem_programme_heatmap_parent_class)->dispose (object);
}

static void
tandem_programme_heatmap_class_init (TandemProgrammeHeatmapClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_programme_heatmap_dispose;
  GTK_WIDGET_CLASS (klass)->map = tandem_programme_heatmap_map;
}

static void
tandem_programme_heatmap_init (TandemProgrammeHeatmap *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 3);
  gtk_grid_set_column_spacing (self->grid, 3);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Standards of each team"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), scrolled);
}

/**
 * tandem_programme_heatmap_set_model:
 * @self: a heatmap
 * @teams: (nullable): the teams to show, #TandemProgrammeItem
 *
 * Shows @teams' standards, and follows them as they change: the grid is
 * built when the heatmap is shown, not while it is hidden.
 */
void
tandem_programme_heatmap_set_model (TandemProgrammeHeatmap *self,
                                    GListModel             *teams)
{
  g_return_if_fail (TANDEM_IS_PROGRAMME_HEATMAP (self));

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, teams_changed_cb, self);
  g_set_object (&self->teams, teams);
  if (teams != NULL)
    g_signal_connect (teams, "items-changed", G_CALLBACK (teams_changed_cb), self);
  update (self);
}
