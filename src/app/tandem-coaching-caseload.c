/* tandem-coaching-caseload.c — every team at a glance: the sessions booked
 * ahead, the teams with overdue actions first, then those not seen for
 * longest, and every team's attendance; choosing a session or a team asks
 * for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-coaching-caseload.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"

struct _TandemCoachingCaseload
{
  AdwBin            parent_instance;

  GtkListBox       *upcoming_list;
  GtkListBox       *teams_list;
  GtkDrawingArea   *caseload_chart;

  GPtrArray        *upcoming;    /* TandemSession, one per row of upcoming_list */
  GPtrArray        *teams;       /* TandemCaseloadTeam, one per row of teams_list */
  TandemAttendance *attendance;
};

enum {
  SESSION_ACTIVATED,
  TEAM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCoachingCaseload, tandem_coaching_caseload, ADW_TYPE_BIN)

static AdwActionRow *
team_row (const TandemCaseloadTeam *team)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  AdwActionRow *row;

  if (team->last_seen == NULL)
    g_string_append (subtitle, _("Not seen yet"));
  else
    {
      g_autofree char *day = _tandem_coaching_local_date (team->last_seen);
      g_string_append_printf (subtitle, ngettext ("Last seen %d day ago (%s)",
                                                  "Last seen %d days ago (%s)",
                                                  team->days_since_seen),
                              team->days_since_seen, day);
    }
  if (team->next_session)
    {
      g_autofree char *day = _tandem_coaching_local_date (team->next_session);
      g_string_append_printf (subtitle, _(" · next session %s"), day);
    }
  g_string_append_printf (subtitle, ngettext (" · %u open action", " · %u open actions",
                                              team->n_open), team->n_open);
  if (team->n_overdue)
    g_string_append_printf (subtitle, _(", %u overdue"), team->n_overdue);

  row = _tandem_coaching_text_row (team->team_name, subtitle->str);
  if (team->n_overdue)
    _tandem_coaching_mark_overdue (row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/**
 * tandem_coaching_caseload_reload:
 * @self: the caseload
 * @project: the project
 *
 * Shows every team of @project as the file holds it now.
 */
void
tandem_coaching_caseload_reload (TandemCoachingCaseload *self,
                                 TandemProject          *project)
{
  g_autofree char *now = tandem_coaching_now ();
  g_autofree char *month = _tandem_coaching_month_now ();

  g_return_if_fail (TANDEM_IS_COACHING_CASELOAD (self));

  _tandem_coaching_clear_list (self->teams_list);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->teams = tandem_coaching_caseload (project, now, NULL);
  for (guint i = 0; self->teams && i < self->teams->len; i++)
    gtk_list_box_append (self->teams_list, GTK_WIDGET (team_row (self->teams->pdata[i])));

  _tandem_coaching_clear_list (self->upcoming_list);
  g_clear_pointer (&self->upcoming, g_ptr_array_unref);
  self->upcoming = tandem_coaching_list_upcoming (project, now, 20, NULL);
  for (guint i = 0; self->upcoming && i < self->upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list,
                         _tandem_coaching_session_row (self->upcoming->pdata[i], TRUE));
  if (self->upcoming && self->upcoming->len == 0)
    _tandem_coaching_add_placeholder (self->upcoming_list, _("No sessions booked ahead."));

  g_clear_pointer (&self->attendance, tandem_attendance_free);
  self->attendance = tandem_coaching_attendance (project, NULL, month, CHART_MONTHS, TRUE, NULL);
  if (self->attendance)
    {
      g_autofree char *text = _tandem_coaching_chart_text (self->attendance);
      gtk_drawing_area_set_content_height (self->caseload_chart,
                                           (int) tandem_coaching_attendance_height (self->attendance));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->caseload_chart),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->caseload_chart));
}

/**
 * tandem_coaching_caseload_get_n_teams:
 * @self: the caseload
 *
 * Returns: how many teams the caseload lists
 */
guint
tandem_coaching_caseload_get_n_teams (TandemCoachingCaseload *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_CASELOAD (self), 0);
  return self->teams ? self->teams->len : 0;
}

/**
 * tandem_coaching_caseload_get_team_id:
 * @self: the caseload
 * @position: a row of the teams, from 0
 *
 * Returns: (nullable): the team that row shows
 */
const char *
tandem_coaching_caseload_get_team_id (TandemCoachingCaseload *self,
                                      guint                   position)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_CASELOAD (self), NULL);

  if (self->teams == NULL || position >= self->teams->len)
    return NULL;
  return ((TandemCaseloadTeam *) self->teams->pdata[position])->team_id;
}

static void
upcoming_activated_cb (GtkListBox             *list,
                       GtkListBoxRow          *row,
                       TandemCoachingCaseload *self)
{
  guint i = (guint) gtk_list_box_row_get_index (row);
  TandemSession *session;

  /* The placeholder row has no session. */
  if (self->upcoming == NULL || i >= self->upcoming->len)
    return;
  session = self->upcoming->pdata[i];
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session->id, session->team_id);
}

static void
team_activated_cb (GtkListBox             *list,
                   GtkListBoxRow          *row,
                   TandemCoachingCaseload *self)
{
  guint i = (guint) gtk_list_box_row_get_index (row);
  g_autofree char *team = g_strdup (tandem_coaching_caseload_get_team_id (self, i));

  if (team != NULL)
    g_signal_emit (self, signals[TEAM_ACTIVATED], 0, team);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  TandemCoachingCaseload *self = user_data;

  _tandem_coaching_draw_chart (area, cr, width, height, self->attendance);
}

static void
tandem_coaching_caseload_dispose (GObject *object)
{
  TandemCoachingCaseload *self = TANDEM_COACHING_CASELOAD (object);

  /* Rows go first, removed from their lists: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->teams_list)
    _tandem_coaching_clear_list (self->teams_list);
  if (self->upcoming_list)
    _tandem_coaching_clear_list (self->upcoming_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_CASELOAD);
  G_OBJECT_CLASS (tandem_coaching_caseload_parent_class)->dispose (object);
}

static void
tandem_coaching_caseload_finalize (GObject *object)
{
  TandemCoachingCaseload *self = TANDEM_COACHING_CASELOAD (object);

  g_clear_pointer (&self->upcoming, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->attendance, tandem_attendance_free);
  G_OBJECT_CLASS (tandem_coaching_caseload_parent_class)->finalize (object);
}

static void
tandem_coaching_caseload_class_init (TandemCoachingCaseloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_coaching_caseload_dispose;
  object_class->finalize = tandem_coaching_caseload_finalize;

  /**
   * TandemCoachingCaseload::session-activated:
   * @self: the caseload
   * @session_id: the session chosen
   * @team_id: its team
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * TandemCoachingCaseload::team-activated:
   * @self: the caseload
   * @team_id: the team chosen
   */
  signals[TEAM_ACTIVATED] =
    g_signal_new ("team-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-coaching-caseload.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingCaseload, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingCaseload, teams_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingCaseload, caseload_chart);
  gtk_widget_class_bind_template_callback (widget_class, upcoming_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_activated_cb);
}

static void
tandem_coaching_caseload_init (TandemCoachingCaseload *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->caseload_chart, draw_chart_cb, self, NULL);
}

GtkWidget *
tandem_coaching_caseload_new (void)
{
  return g_object_new (TANDEM_TYPE_COACHING_CASELOAD, NULL);
}
