/* tandem-chart-view.c — a measure's chart on screen, with hover and keyboard reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with tandem_chart_draw(), the renderer that prints and exports. The
 * pointer over a point shows its description as a tooltip; with the keyboard
 * focus, Left/Right (Home/End) move from point to point and the point's
 * description becomes the widget's accessible description, so a screen
 * reader says "12 March 2026: 9 incidents, part of a shift of 7 below the
 * mean". The "point-focused" signal lets the page show the same words.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-chart-view.h"
#include "tandem-legibility.h"

struct _TandemChartView
{
  GtkWidget    parent_instance;

  TandemChart *chart;
  gssize       focus;
  gssize       hover;
  char        *point_text;
  gboolean     high_contrast;
};

enum {
  POINT_FOCUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemChartView, tandem_chart_view, GTK_TYPE_WIDGET)

static void
update_description (TandemChartView *self)
{
  const TandemSpcResult *result = self->chart ? tandem_chart_get_result (self->chart) : NULL;
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->point_text, g_free);
  if (result && self->focus >= 0 && (gsize) self->focus < result->n_points)
    self->point_text = tandem_chart_describe_point (self->chart, (gsize) self->focus);

  summary = self->chart ? tandem_chart_dup_summary (self->chart) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->point_text ? self->point_text : summary,
                                  -1);
  g_signal_emit (self, signals[POINT_FOCUSED], 0, self->focus);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TandemChartView          *self)
{
  gssize point = self->chart ? tandem_chart_find_point (self->chart, x, y, 14) : -1;

  if (point == self->hover)
    return;
  self->hover = point;
  if (point >= 0)
    {
      g_autofree char *text = tandem_chart_describe_point (self->chart, (gsize) point);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            TandemChartView *self)
{
  gssize point = self->chart ? tandem_chart_find_point (self->chart, x, y, 14) : -1;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (point >= 0)
    tandem_chart_view_focus_point (self, point);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TandemChartView       *self)
{
  const TandemSpcResult *result = self->chart ? tandem_chart_get_result (self->chart) : NULL;
  gssize n, point;

  if (result == NULL || result->n_points == 0)
    return FALSE;
  n = (gssize) result->n_points;
  point = self->focus;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      point = point < 0 ? n - 1 : MAX (point - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      point = point < 0 ? 0 : MIN (point + 1, n - 1);
      break;
    case GDK_KEY_Home:
      point = 0;
      break;
    case GDK_KEY_End:
      point = n - 1;
      break;
    case GDK_KEY_Page_Up:
      point = MAX ((point < 0 ? 0 : point) - 10, 0);
      break;
    case GDK_KEY_Page_Down:
      point = MIN ((point < 0 ? 0 : point) + 10, n - 1);
      break;
    default:
      return FALSE;
    }
  tandem_chart_view_focus_point (self, point);
  return TRUE;
}

static void
tandem_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TandemChartView *self = TANDEM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tandem_chart_set_focus (self->chart, gtk_widget_has_focus (widget) ? self->focus : -1);
  /* The system's (or workshop mode's) large text and high contrast. */
  tandem_chart_set_text_scale (self->chart, tandem_legibility_get_text_scale (widget));
  tandem_chart_set_style (self->chart,
                          self->high_contrast || tandem_legibility_get_high_contrast (widget)
                            ? TANDEM_CHART_STYLE_HIGH_CONTRAST : TANDEM_CHART_STYLE_SCREEN);
  tandem_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static void
tandem_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 800;
    }
  else
    {
      *minimum = 300;
      *natural = 460;
    }
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  TandemChartView         *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tandem_chart_view_finalize (GObject *object)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  g_clear_pointer (&self->chart, tandem_chart_free);
  g_free (self->point_text);
  G_OBJECT_CLASS (tandem_chart_view_parent_class)->finalize (object);
}

static void
tandem_chart_view_class_init (TandemChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tandem_chart_view_finalize;
  widget_class->snapshot = tandem_chart_view_snapshot;
  widget_class->measure = tandem_chart_view_measure;

  /**
   * TandemChartView::point-focused:
   * @point: the point with the keyboard focus, or -1
   */
  signals[POINT_FOCUSED] = g_signal_new ("point-focused", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_LONG);
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_chart_view_init (TandemChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focus = -1;
  self->hover = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tandem_chart_view_new (void)
{
  return g_object_new (TANDEM_TYPE_CHART_VIEW, NULL);
}

/**
 * tandem_chart_view_set_measure:
 * @self: a chart view
 * @measure: (nullable): the measure to chart
 *
 * Analyses and shows @measure. The focused point stays where it was if the
 * chart still has it (an edit elsewhere on the page must not move it).
 */
void
tandem_chart_view_set_measure (TandemChartView *self,
                               TandemMeasure   *measure)
{
  const TandemSpcResult *result;

  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));

  g_clear_pointer (&self->chart, tandem_chart_free);
  if (measure)
    {
      g_autofree char *label = g_strdup_printf (_("Chart of “%s”. Use the arrow keys to go from "
                                                  "point to point."), measure->name);
      self->chart = tandem_chart_new (measure);
      tandem_chart_set_style (self->chart, self->high_contrast ? TANDEM_CHART_STYLE_HIGH_CONTRAST
                                                               : TANDEM_CHART_STYLE_SCREEN);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  result = self->chart ? tandem_chart_get_result (self->chart) : NULL;
  if (result == NULL || self->focus >= (gssize) result->n_points)
    self->focus = -1;
  self->hover = -1;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_chart_view_get_chart:
 * @self: a chart view
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
TandemChart *
tandem_chart_view_get_chart (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
tandem_chart_view_set_high_contrast (TandemChartView *self,
                                     gboolean         high_contrast)
{
  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));
  self->high_contrast = high_contrast;
  if (self->chart)
    tandem_chart_set_style (self->chart, high_contrast ? TANDEM_CHART_STYLE_HIGH_CONTRAST
                                                       : TANDEM_CHART_STYLE_SCREEN);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gssize
tandem_chart_view_get_focus_point (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), -1);
  return self->focus;
}

/**
 * tandem_chart_view_focus_point:
 * @self: a chart view
 * @point: a point, or -1 for none
 *
 * Moves the keyboard's point to @point and describes it.
 */
void
tandem_chart_view_focus_point (TandemChartView *self,
                               gssize           point)
{
  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));
  self->focus = point;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_chart_view_get_point_text:
 * @self: a chart view
 *
 * Returns: (nullable): the description of the focused point
 */
const char *
tandem_chart_view_get_point_text (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);
  return self->point_text;
}
