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
#include "tandem-coaching-item.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"

struct _TandemCoachingCaseload
{
  AdwBin            parent_instance;

  GtkListBox       *upcoming_list;
  GtkListBox       *teams_list;
  GtkDrawingArea   *caseload_chart;

  GListStore       *upcoming;    /* TandemCoachingItem, shown by upcoming_list */
  GListStore       *teams;       /* TandemCoachingItem, shown by teams_list */
  TandemAttendance *attendance;
};

enum {
  SESSION_ACTIVATED,
  TEAM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCoachingCaseload, tandem_coaching_caseload, ADW_TYPE_BIN)

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
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) team_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) upcoming_items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TANDEM_IS_COACHING_CASELOAD (self));

  teams = tandem_coaching_caseload (project, now, NULL);
  for (guint i = 0; teams && i < teams->len; i++)
    g_ptr_array_add (team_items, tandem_coaching_item_new_team (teams->pdata[i]));
  tandem_coaching_item_store_update (self->teams, team_items);

  upcoming = tandem_coaching_list_upcoming (project, now, 20, NULL);
  for (guint i = 0; upcoming && i < upcoming->len; i++)
    g_ptr_array_add (upcoming_items, tandem_coaching_item_new_session (upcoming->pdata[i], TRUE));
  if (upcoming && upcoming->len == 0)
    g_ptr_array_add (upcoming_items, tandem_coaching_item_new_placeholder (_("No sessions booked ahead.")));
  tandem_coaching_item_store_update (self->upcoming, upcoming_items);

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
  return g_list_model_get_n_items (G_LIST_MODEL (self->teams));
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
  g_autoptr(TandemCoachingItem) item = NULL;

  g_return_val_if_fail (TANDEM_IS_COACHING_CASELOAD (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->teams), position);
  /* The store holds the item, and so its id, after this reference goes. */
  return item ? tandem_coaching_item_get_id (item) : NULL;
}

static void
upcoming_activated_cb (GtkListBox             *list,
                       GtkListBoxRow          *row,
                       TandemCoachingCaseload *self)
{
  g_autoptr(TandemCoachingItem) item = tandem_coaching_item_store_get (G_LIST_MODEL (self->upcoming), row);

  /* The placeholder row has no session. */
  if (item != NULL && tandem_coaching_item_get_id (item) != NULL)
    g_signal_emit (self, signals[SESSION_ACTIVATED], 0, tandem_coaching_item_get_id (item),
                   tandem_coaching_item_get_team_id (item));
}

static void
team_activated_cb (GtkListBox             *list,
                   GtkListBoxRow          *row,
                   TandemCoachingCaseload *self)
{
  g_autoptr(TandemCoachingItem) item = tandem_coaching_item_store_get (G_LIST_MODEL (self->teams), row);
  /* Whoever hears it may reload the caseload, and the item with it. */
  g_autofree char *team = item ? g_strdup (tandem_coaching_item_get_id (item)) : NULL;

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
    gtk_list_box_bind_model (self->teams_list, NULL, NULL, NULL, NULL);
  if (self->upcoming_list)
    gtk_list_box_bind_model (self->upcoming_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_CASELOAD);
  G_OBJECT_CLASS (tandem_coaching_caseload_parent_class)->dispose (object);
}

static void
tandem_coaching_caseload_finalize (GObject *object)
{
  TandemCoachingCaseload *self = TANDEM_COACHING_CASELOAD (object);

  g_clear_object (&self->upcoming);
  g_clear_object (&self->teams);
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
  self->upcoming = g_list_store_new (TANDEM_TYPE_COACHING_ITEM);
  self->teams = g_list_store_new (TANDEM_TYPE_COACHING_ITEM);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           tandem_coaching_item_create_row, NULL, NULL);
  gtk_list_box_bind_model (self->teams_list, G_LIST_MODEL (self->teams),
                           tandem_coaching_item_create_row, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->caseload_chart, draw_chart_cb, self, NULL);
}

GtkWidget *
tandem_coaching_caseload_new (void)
{
  return g_object_new (TANDEM_TYPE_COACHING_CASELOAD, NULL);
}
