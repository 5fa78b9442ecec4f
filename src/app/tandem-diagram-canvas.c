/* tandem-diagram-canvas.c — the driver diagram drawn on screen: select, pan, zoom, drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas draws with the render layer's tandem_diagram_layout_draw(), the
 * same function that prints and exports, clipped to what is on screen. It
 * knows nothing of the project: it reports selection, activation and drops,
 * and the page turns them into edits.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-diagram-canvas.h"
#include "tandem-legibility.h"

#define MIN_ZOOM 0.15
#define MAX_ZOOM 4.0
/* The size of a box's title in the layout (its "Sans 9" at 72 dpi), used
 * when the layout has no box to ask. */
#define BODY_TEXT_POINTS 9.0
/* Zoom to fit shows a box's title no smaller than this many pixels (times
 * the large-text factor): a larger diagram is fitted to the width, or shown
 * at this size, and scrolls. */
#define READABLE_TEXT_PIXELS 8.0

struct _TandemDiagramCanvas
{
  GtkWidget            parent_instance;

  TandemDiagramLayout *layout;
  double               zoom;
  double               ox, oy;        /* the top left of the view, in layout points × zoom */
  int                  selected;      /* node index */
  int                  drop_target;
  TandemDropPlace      drop_place;
  GHashTable          *open_comments;
  int                  dragging;      /* node index being dragged, or -1 */
  gboolean             panning;
  double               drag_ox, drag_oy;
  gboolean             fit_pending;
  double               text_scale;    /* the large-text factor the zoom was fitted for */
  gboolean             workshop;      /* the view was chosen for workshop mode */
  char                *description;   /* what assistive technology is told */
};

enum {
  SELECTION_CHANGED,
  NODE_ACTIVATED,
  NODE_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemDiagramCanvas, tandem_diagram_canvas, GTK_TYPE_WIDGET)

static void
clamp_offset (TandemDiagramCanvas *self)
{
  double w = 0, h = 0;
  double vw = gtk_widget_get_width (GTK_WIDGET (self));
  double vh = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout)
    tandem_diagram_layout_get_size (self->layout, &w, &h);
  /* Keep some of the diagram in view, wherever one pans. */
  self->ox = CLAMP (self->ox, -vw * 0.8, MAX (0, w * self->zoom - vw * 0.2));
  self->oy = CLAMP (self->oy, -vh * 0.8, MAX (0, h * self->zoom - vh * 0.2));
}

static int
node_at (TandemDiagramCanvas *self,
         double               x,
         double               y)
{
  int box;

  if (self->layout == NULL)
    return -1;
  box = tandem_diagram_layout_box_at (self->layout, (x + self->ox) / self->zoom,
                                      (y + self->oy) / self->zoom);
  return box < 0 ? -1 : (int) tandem_diagram_layout_get_box (self->layout, box)->node;
}

static void
update_accessible (TandemDiagramCanvas *self)
{
  const TandemDiagramNode *node = NULL;
  g_autofree char *text = NULL;
  /* How to work in the canvas, and how to leave it: Tab is taken there. */
  const char *keys = _("Arrow keys move between items; Tab adds an item to the right, Enter one "
                       "below, F2 edits the words. Ctrl+Tab leaves the canvas.");

  if (self->layout && self->selected >= 0 &&
      (guint) self->selected < tandem_diagram_get_n_nodes (tandem_diagram_layout_get_diagram (self->layout)))
    node = tandem_diagram_get_node (tandem_diagram_layout_get_diagram (self->layout), self->selected);
  if (node)
    text = g_strdup_printf (_("Selected %s: %s. %s"), tandem_node_kind_label (node->kind),
                            node->title, keys);
  else
    text = g_strdup_printf (_("Nothing selected. The outline lists every item of the diagram for "
                              "reading and editing. %s"), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  g_free (self->description);
  self->description = g_steal_pointer (&text);
}

static void
select_node (TandemDiagramCanvas *self,
             int                  node,
             gboolean             notify)
{
  if (self->selected == node)
    return;
  self->selected = node;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (notify)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Scrolls as little as needed to show the node (in workshop mode, with
 * some of its neighbours, so that a room can follow where it is). */
static void
reveal_node (TandemDiagramCanvas *self,
             int                  node)
{
  GdkRectangle r;
  double vw = gtk_widget_get_width (GTK_WIDGET (self));
  double vh = gtk_widget_get_height (GTK_WIDGET (self));
  double mx = 12, my = 12;

  if (vw <= 0 || !tandem_diagram_canvas_get_node_rect (self, node, &r))
    return;
  if (self->workshop)
    {
      mx = MAX (12, MIN (vw / 8, (vw - r.width) / 2));
      my = MAX (12, MIN (vh / 8, (vh - r.height) / 2));
    }
  if (r.x < mx)
    self->ox += r.x - mx;
  else if (r.x + r.width > vw - mx)
    self->ox += MIN (r.x - mx, r.x + r.width - vw + mx);
  if (r.y < my)
    self->oy += r.y - my;
  else if (r.y + r.height > vh - my)
    self->oy += MIN (r.y - my, r.y + r.height - vh + my);
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The size a box's title is drawn at in the layout, in layout points. */
static double
body_text_points (TandemDiagramCanvas *self)
{
  guint n = self->layout ? tandem_diagram_layout_get_n_boxes (self->layout) : 0;
  TandemDiagram *diagram = self->layout ? tandem_diagram_layout_get_diagram (self->layout) : NULL;

  for (guint i = 0; i < n; i++)
    {
      const TandemDiagramBox *box = tandem_diagram_layout_get_box (self->layout, i);
      const PangoFontDescription *font;

      if (tandem_diagram_get_node (diagram, box->node)->kind == TANDEM_NODE_AIM || box->text == NULL)
        continue;
      font = pango_layout_get_font_description (box->text);
      if (font && pango_font_description_get_size (font) > 0)
        return (double) pango_font_description_get_size (font) / PANGO_SCALE;
      break;
    }
  return BODY_TEXT_POINTS;
}

/* Workshop mode: close enough that a box's title is as large as the
 * window's (already large) type, centred on the selection or the aim. The
 * whole diagram stays one key away (zoom to fit). */
static void
zoom_for_reading (TandemDiagramCanvas *self)
{
  double w, h, vw = gtk_widget_get_width (GTK_WIDGET (self)), vh = gtk_widget_get_height (GTK_WIDGET (self));
  GArray *aims;
  int b = -1;

  if (self->layout == NULL || vw <= 0 || vh <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->text_scale = tandem_legibility_get_text_scale (GTK_WIDGET (self));
  self->workshop = TRUE;
  self->zoom = CLAMP (tandem_legibility_get_text_pixels (GTK_WIDGET (self)) / body_text_points (self),
                      MIN_ZOOM, MAX_ZOOM);
  tandem_diagram_layout_get_size (self->layout, &w, &h);
  if (self->selected >= 0)
    b = tandem_diagram_layout_find_box (self->layout, self->selected);
  aims = tandem_diagram_layout_get_column (self->layout, TANDEM_NODE_AIM);
  if (b < 0 && aims->len > 0)
    b = g_array_index (aims, guint, 0);
  if (b >= 0)
    {
      const TandemDiagramBox *box = tandem_diagram_layout_get_box (self->layout, b);
      double margin = 24 * self->zoom;

      /* Centred, but no further past the diagram's edges than a margin. */
      self->ox = (box->x + box->width / 2) * self->zoom - vw / 2;
      self->oy = (box->y + box->height / 2) * self->zoom - vh / 2;
      self->ox = w * self->zoom <= vw ? (w * self->zoom - vw) / 2
                 : CLAMP (self->ox, -margin, w * self->zoom - vw + margin);
      self->oy = h * self->zoom <= vh ? (h * self->zoom - vh) / 2
                 : CLAMP (self->oy, -margin, h * self->zoom - vh + margin);
    }
  else
    self->ox = self->oy = 0;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Keyboard                                                                 */

static int
neighbour (TandemDiagramCanvas *self,
           guint                keyval)
{
  TandemDiagram *diagram = tandem_diagram_layout_get_diagram (self->layout);
  const TandemDiagramNode *node;
  int box = tandem_diagram_layout_find_box (self->layout, self->selected);
  GArray *column;

  if (box < 0)
    {
      GArray *first = tandem_diagram_layout_get_column (self->layout, TANDEM_NODE_AIM);
      return first->len ? (int) tandem_diagram_layout_get_box (self->layout, g_array_index (first, guint, 0))->node : -1;
    }
  node = tandem_diagram_get_node (diagram, self->selected);
  column = tandem_diagram_layout_get_column (self->layout, node->kind);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      for (guint i = 0; i < node->parents->len; i++)
        if (tandem_diagram_layout_find_box (self->layout, g_array_index (node->parents, guint, i)) >= 0)
          return g_array_index (node->parents, guint, i);
      return -1;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      for (guint i = 0; i < node->children->len; i++)
        if (tandem_diagram_layout_find_box (self->layout, g_array_index (node->children, guint, i)) >= 0)
          return g_array_index (node->children, guint, i);
      return -1;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      for (guint i = 0; i < column->len; i++)
        if ((int) g_array_index (column, guint, i) == box)
          {
            gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
            if (up && i > 0)
              return tandem_diagram_layout_get_box (self->layout, g_array_index (column, guint, i - 1))->node;
            if (!up && i + 1 < column->len)
              return tandem_diagram_layout_get_box (self->layout, g_array_index (column, guint, i + 1))->node;
          }
      return -1;
    default:
      return -1;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TandemDiagramCanvas   *self)
{
  int next;

  if (self->layout == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Up: case GDK_KEY_Down:
    case GDK_KEY_KP_Left: case GDK_KEY_KP_Right: case GDK_KEY_KP_Up: case GDK_KEY_KP_Down:
      next = neighbour (self, keyval);
      if (next >= 0)
        {
          select_node (self, next, TRUE);
          reveal_node (self, next);
        }
      return TRUE;   /* arrows stay in the canvas, even at an edge */
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* Pointer                                                                  */

static void
pressed_cb (GtkGestureClick     *gesture,
            int                  n_press,
            double               x,
            double               y,
            TandemDiagramCanvas *self)
{
  int node = node_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (node >= 0)
    select_node (self, node, TRUE);
  if (n_press == 2 && node >= 0)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               TandemDiagramCanvas *self)
{
  self->dragging = node_at (self, x, y);
  self->panning = self->dragging < 0;
  self->drag_ox = self->ox;
  self->drag_oy = self->oy;
  self->drop_target = -1;
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                TandemDiagramCanvas *self)
{
  double x, y;

  if (self->panning)
    {
      self->ox = self->drag_ox - dx;
      self->oy = self->drag_oy - dy;
      clamp_offset (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (self->dragging < 0 || hypot (dx, dy) < 8)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  {
    int target = -1;
    TandemDropPlace place = TANDEM_DROP_ONTO;

    if (!tandem_diagram_canvas_find_drop (self, self->dragging, x + dx, y + dy, &target, &place))
      target = -1;
    if (target != self->drop_target || place != self->drop_place)
      {
        self->drop_target = target;
        self->drop_place = place;
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
  }
}

static void
drag_end_cb (GtkGestureDrag      *gesture,
             double               dx,
             double               dy,
             TandemDiagramCanvas *self)
{
  int node = self->dragging, target = self->drop_target;
  TandemDropPlace place = self->drop_place;

  self->dragging = -1;
  self->panning = FALSE;
  self->drop_target = -1;
  self->drop_place = TANDEM_DROP_ONTO;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (node >= 0 && target >= 0)
    g_signal_emit (self, signals[NODE_DROPPED], 0, node, target, (int) place);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TandemDiagramCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    tandem_diagram_canvas_zoom_by (self, dy < 0 ? 1.15 : 1 / 1.15);
  else
    tandem_diagram_canvas_pan (self, dx * 40, dy * 40);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Widget                                                                   */

static void
tandem_diagram_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TandemDiagramCanvas *self = TANDEM_DIAGRAM_CANVAS (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  TandemDiagramDrawOptions options = { self->selected, self->drop_target, TRUE, self->drop_place,
                                       self->open_comments, tandem_legibility_get_high_contrast (widget) };
  cairo_t *cr;

  /* Large text (the system's, or workshop mode's) zooms the diagram in;
   * workshop mode goes close enough to read from the back of a room. */
  if (self->text_scale != tandem_legibility_get_text_scale (widget) ||
      self->workshop != tandem_legibility_get_workshop (widget))
    self->fit_pending = TRUE;
  if (self->fit_pending && self->layout && w > 0)
    {
      self->fit_pending = FALSE;
      if (tandem_legibility_get_workshop (widget))
        zoom_for_reading (self);
      else
        tandem_diagram_canvas_zoom_to_fit (self);
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->layout)
    {
      cairo_translate (cr, -self->ox, -self->oy);
      cairo_scale (cr, self->zoom, self->zoom);
      tandem_diagram_layout_draw (self->layout, cr, &options);
    }
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      /* Solid black and thicker in high contrast, like GTK's own rings there. */
      gboolean contrast = options.high_contrast;
      GdkRGBA focus = contrast ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 0.1, 0.37, 0.75, 0.6 };
      float line = contrast ? 3 : 2;
      float width[4] = { line, line, line, line };
      GdkRGBA colours[4] = { focus, focus, focus, focus };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline, width, colours);
    }
}

static void
tandem_diagram_canvas_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 400;
}

static void
tandem_diagram_canvas_dispose (GObject *object)
{
  TandemDiagramCanvas *self = TANDEM_DIAGRAM_CANVAS (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->open_comments, g_hash_table_unref);
  G_OBJECT_CLASS (tandem_diagram_canvas_parent_class)->dispose (object);
}

static void
tandem_diagram_canvas_finalize (GObject *object)
{
  TandemDiagramCanvas *self = TANDEM_DIAGRAM_CANVAS (object);

  g_free (self->description);
  G_OBJECT_CLASS (tandem_diagram_canvas_parent_class)->finalize (object);
}

static void
tandem_diagram_canvas_class_init (TandemDiagramCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_diagram_canvas_dispose;
  object_class->finalize = tandem_diagram_canvas_finalize;
  widget_class->snapshot = tandem_diagram_canvas_snapshot;
  widget_class->measure = tandem_diagram_canvas_measure;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
  signals[NODE_DROPPED] = g_signal_new ("node-dropped", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "diagramcanvas");
}

static void
tandem_diagram_canvas_init (TandemDiagramCanvas *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  self->zoom = 1;
  self->selected = -1;
  self->drop_target = -1;
  self->dragging = -1;
  self->fit_pending = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram canvas"), -1);
  update_accessible (self);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
tandem_diagram_canvas_new (void)
{
  return g_object_new (TANDEM_TYPE_DIAGRAM_CANVAS, NULL);
}

/**
 * tandem_diagram_canvas_set_layout:
 * @self: a canvas
 * @layout: (nullable): what to show
 *
 * Shows a new layout of the diagram, keeping the zoom and the view (a new
 * diagram is zoomed to fit). Keeps the selection by index: callers that
 * reload set it again.
 */
void
tandem_diagram_canvas_set_layout (TandemDiagramCanvas *self,
                                  TandemDiagramLayout *layout)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self));

  if (self->layout == NULL || layout == NULL ||
      g_strcmp0 (tandem_diagram_get_id (tandem_diagram_layout_get_diagram (self->layout)),
                 tandem_diagram_get_id (tandem_diagram_layout_get_diagram (layout))) != 0)
    {
      self->fit_pending = TRUE;
      self->selected = -1;
    }
  g_set_object (&self->layout, layout);
  self->dragging = -1;
  self->drop_target = -1;
  if (self->layout && self->selected >= 0 &&
      (guint) self->selected >= tandem_diagram_get_n_nodes (tandem_diagram_layout_get_diagram (layout)))
    self->selected = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
tandem_diagram_canvas_get_selected (TandemDiagramCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), -1);
  return self->selected;
}

/**
 * tandem_diagram_canvas_set_selected:
 * @self: a canvas
 * @node: a node index, or -1
 *
 * Selects a node and scrolls it into view, without emitting
 * #TandemDiagramCanvas::selection-changed.
 */
void
tandem_diagram_canvas_set_selected (TandemDiagramCanvas *self,
                                    int                  node)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self));
  select_node (self, node, FALSE);
  if (node >= 0 && !self->fit_pending)
    reveal_node (self, node);
}

double
tandem_diagram_canvas_get_zoom (TandemDiagramCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), 1);
  return self->zoom;
}

/**
 * tandem_diagram_canvas_get_text_pixels:
 * @self: a canvas
 *
 * Returns: how tall a box's title is on screen, in pixels (its font size
 *   at the present zoom)
 */
double
tandem_diagram_canvas_get_text_pixels (TandemDiagramCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), 0);
  return body_text_points (self) * self->zoom;
}

/**
 * tandem_diagram_canvas_zoom_by:
 * @self: a canvas
 * @factor: how much larger (or, below 1, smaller)
 *
 * Zooms about the middle of the view.
 */
void
tandem_diagram_canvas_zoom_by (TandemDiagramCanvas *self,
                               double               factor)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);

  self->ox = (self->ox + cx) * zoom / self->zoom - cx;
  self->oy = (self->oy + cy) * zoom / self->zoom - cy;
  self->zoom = zoom;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_diagram_canvas_zoom_to_fit:
 * @self: a canvas
 *
 * Shows the whole diagram, down to a zoom where a box's title is still
 * readable (READABLE_TEXT_PIXELS); a larger diagram is fitted to the view's
 * width, or shown at that smallest zoom, from the top, and scrolls. In
 * workshop mode, the whole diagram however small.
 */
void
tandem_diagram_canvas_zoom_to_fit (TandemDiagramCanvas *self)
{
  double w, h, vw = gtk_widget_get_width (GTK_WIDGET (self)), vh = gtk_widget_get_height (GTK_WIDGET (self));
  double smallest, largest;

  if (self->layout == NULL || vw <= 0 || vh <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  tandem_diagram_layout_get_size (self->layout, &w, &h);
  /* Large text (the system's, or workshop mode's) asks for a closer view
   * rather than the whole diagram: at 1.6 the words are full size. */
  self->text_scale = tandem_legibility_get_text_scale (GTK_WIDGET (self));
  self->workshop = tandem_legibility_get_workshop (GTK_WIDGET (self));
  largest = MIN (self->text_scale, MAX_ZOOM);
  smallest = self->workshop ? MIN_ZOOM
             : MIN (READABLE_TEXT_PIXELS * self->text_scale / body_text_points (self), largest);
  self->zoom = MIN (vw / w, vh / h);
  /* Too small to read whole: as wide as the view, scrolled from the top. */
  if (self->zoom < smallest)
    self->zoom = vw / w;
  self->zoom = CLAMP (self->zoom, smallest, largest);
  self->ox = MIN (0, (w * self->zoom - vw) / 2);
  self->oy = MIN (0, (h * self->zoom - vh) / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_diagram_canvas_get_node_rect:
 * @self: a canvas
 * @node: a node index
 * @rect: (out): where its box is, in the canvas's coordinates
 *
 * Returns: whether the node is shown
 */
gboolean
tandem_diagram_canvas_get_node_rect (TandemDiagramCanvas *self,
                                     int                  node,
                                     GdkRectangle        *rect)
{
  const TandemDiagramBox *box;
  int b;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), FALSE);
  if (self->layout == NULL || (b = tandem_diagram_layout_find_box (self->layout, node)) < 0)
    return FALSE;
  box = tandem_diagram_layout_get_box (self->layout, b);
  rect->x = (int) (box->x * self->zoom - self->ox);
  rect->y = (int) (box->y * self->zoom - self->oy);
  rect->width = (int) (box->width * self->zoom);
  rect->height = (int) (box->height * self->zoom);
  return TRUE;
}

void
tandem_diagram_canvas_pan (TandemDiagramCanvas *self,
                           double               dx,
                           double               dy)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self));
  self->ox += dx;
  self->oy += dy;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_diagram_canvas_find_drop:
 * @self: a canvas
 * @node: the node being dragged
 * @x: where the pointer is, in the canvas's coordinates
 * @y: where the pointer is
 * @target: (out): the node the drop is relative to
 * @place: (out): onto @target (a new parent, in the column to the left),
 *   or just before or after it (in the same column, under its parent)
 *
 * Works out where a dragged box would land: over a box in the column to its
 * left, under that box; over (or in the gap beside) a box of its own column,
 * above or below it, whichever half the pointer is in.
 *
 * Returns: whether @node can be dropped there
 */
gboolean
tandem_diagram_canvas_find_drop (TandemDiagramCanvas *self,
                                 int                  node,
                                 double               x,
                                 double               y,
                                 int                 *target,
                                 TandemDropPlace     *place)
{
  TandemDiagram *diagram;
  const TandemDiagramNode *dragged, *over;
  double lx, ly;
  int hit;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), FALSE);
  if (self->layout == NULL || node < 0)
    return FALSE;
  diagram = tandem_diagram_layout_get_diagram (self->layout);
  dragged = tandem_diagram_get_node (diagram, node);
  if (dragged->kind == TANDEM_NODE_AIM)
    return FALSE;
  lx = (x + self->ox) / self->zoom;
  ly = (y + self->oy) / self->zoom;
  hit = node_at (self, x, y);
  if (hit < 0)
    {
      /* In the gap between two boxes of its own column: the nearer one. */
      GArray *column = tandem_diagram_layout_get_column (self->layout, dragged->kind);
      double best = 12;

      for (guint i = 0; i < column->len; i++)
        {
          const TandemDiagramBox *box = tandem_diagram_layout_get_box (self->layout, g_array_index (column, guint, i));
          double distance = ly < box->y ? box->y - ly : ly - (box->y + box->height);

          if (lx >= box->x && lx <= box->x + box->width && distance >= 0 && distance < best)
            {
              best = distance;
              hit = box->node;
            }
        }
    }
  if (hit < 0 || hit == node)
    return FALSE;
  over = tandem_diagram_get_node (diagram, hit);
  if (over->kind + 1 == dragged->kind)
    {
      *target = hit;
      *place = TANDEM_DROP_ONTO;
      return TRUE;
    }
  if (over->kind == dragged->kind && over->parents->len > 0)
    {
      const TandemDiagramBox *box = tandem_diagram_layout_get_box (self->layout,
                                      tandem_diagram_layout_find_box (self->layout, hit));

      *target = hit;
      *place = ly < box->y + box->height / 2 ? TANDEM_DROP_BEFORE : TANDEM_DROP_AFTER;
      return TRUE;
    }
  return FALSE;
}

/**
 * tandem_diagram_canvas_set_comment_counts:
 * @self: a canvas
 * @counts: (nullable) (transfer none): node id → GUINT_TO_POINTER (open
 *   comments), from tandem_comments_open_counts()
 *
 * Shows a badge with the count of open comments on each box that has any.
 */
void
tandem_diagram_canvas_set_comment_counts (TandemDiagramCanvas *self,
                                          GHashTable          *counts)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self));
  g_clear_pointer (&self->open_comments, g_hash_table_unref);
  self->open_comments = counts ? g_hash_table_ref (counts) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_diagram_canvas_get_comment_count:
 * @self: a canvas
 * @node_id: a node
 *
 * Returns: the count of open comments its badge shows (0: no badge)
 */
guint
tandem_diagram_canvas_get_comment_count (TandemDiagramCanvas *self,
                                         const char          *node_id)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), 0);
  if (self->open_comments == NULL || node_id == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->open_comments, node_id));
}

/**
 * tandem_diagram_canvas_get_layout:
 * @self: a canvas
 *
 * Returns: (transfer none) (nullable): what it shows
 */
TandemDiagramLayout *
tandem_diagram_canvas_get_layout (TandemDiagramCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), NULL);
  return self->layout;
}

/**
 * tandem_diagram_canvas_get_description:
 * @self: a canvas
 *
 * Returns: (transfer none): the description assistive technology is given:
 *   the selection, and the keys that work in the canvas and leave it
 */
const char *
tandem_diagram_canvas_get_description (TandemDiagramCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_CANVAS (self), NULL);
  return self->description;
}
