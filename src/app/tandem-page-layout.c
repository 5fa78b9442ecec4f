/* tandem-page-layout.c — lays out a page, or nothing while it is out of sight
 *
 * The window's four pages sit in one view stack, which measures every page
 * to find its own size. A page out of sight then costs as much as the one
 * in front whenever something changes everywhere at once — the text size
 * (workshop mode, large text), the contrast — and its widest row holds the
 * window wide. With this layout a page out of sight asks for no room and
 * lays nothing out; the window measures it afresh when it is shown. In
 * sight, it lays its child out as GtkBinLayout does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-page-layout.h"

struct _TandemPageLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemPageLayout, tandem_page_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
tandem_page_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  *minimum = *natural = 0;
  if (!gtk_widget_get_child_visible (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
tandem_page_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  if (!gtk_widget_get_child_visible (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
tandem_page_layout_class_init (TandemPageLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = tandem_page_layout_measure;
  manager_class->allocate = tandem_page_layout_allocate;
}

static void
tandem_page_layout_init (TandemPageLayout *self)
{
}

/**
 * tandem_page_layout_new:
 *
 * Returns: (transfer full): a layout for one of a view stack's pages
 */
GtkLayoutManager *
tandem_page_layout_new (void)
{
  return g_object_new (TANDEM_TYPE_PAGE_LAYOUT, NULL);
}
