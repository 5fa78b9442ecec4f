/* tandem-wrap-layout.c — children side by side, or one above the other when
 * there is not room for them all on one line
 *
 * For a row's buttons in a narrow window (a phone, half a small screen):
 * a box of buttons asks for its one-line width naturally but needs only its
 * widest button, so the row's words keep their room. libadwaita 1.2 has no
 * breakpoints; this is the small part of one that rows need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-wrap-layout.h"

struct _TandemWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (TandemWrapLayout, tandem_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width of all the children on one line, at their natural widths. */
static int
line_width (TandemWrapLayout *self,
            GtkWidget        *widget)
{
  int width = 0, n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural;
      n++;
    }
  return width + MAX (n - 1, 0) * self->spacing;
}

static GtkSizeRequestMode
tandem_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tandem_wrap_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  TandemWrapLayout *self = TANDEM_WRAP_LAYOUT (manager);
  gboolean one_line = orientation == GTK_ORIENTATION_VERTICAL &&
                      (for_size < 0 || for_size >= line_width (self, widget));
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      n++;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Naturally on one line; at least as wide as the widest. */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat;
        }
      else if (one_line)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
    }
  if (n > 1 && orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural += (n - 1) * self->spacing;
  else if (n > 1 && !one_line)
    {
      *minimum += (n - 1) * self->spacing;
      *natural += (n - 1) * self->spacing;
    }
  *natural = MAX (*natural, *minimum);
}

static void
tandem_wrap_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  TandemWrapLayout *self = TANDEM_WRAP_LAYOUT (manager);
  gboolean one_line = width >= line_width (self, widget);
  int x = 0, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (one_line)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_nat, NULL, NULL);
          gtk_widget_allocate (child, child_nat, height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
          x += child_nat + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_nat, NULL, NULL);
          gtk_widget_allocate (child, width, child_nat, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
          y += child_nat + self->spacing;
        }
    }
}

static void
tandem_wrap_layout_class_init (TandemWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = tandem_wrap_layout_get_request_mode;
  manager_class->measure = tandem_wrap_layout_measure;
  manager_class->allocate = tandem_wrap_layout_allocate;
}

static void
tandem_wrap_layout_init (TandemWrapLayout *self)
{
}

/**
 * tandem_wrap_layout_new:
 * @spacing: the gap between children, across or down
 *
 * Returns: (transfer full): a layout that puts a widget's children on one
 *   line when they fit at their natural widths, else one above the other
 */
GtkLayoutManager *
tandem_wrap_layout_new (int spacing)
{
  TandemWrapLayout *self = g_object_new (TANDEM_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  return GTK_LAYOUT_MANAGER (self);
}
