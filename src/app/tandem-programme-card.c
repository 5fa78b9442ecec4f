/* tandem-programme-card.c — one team's card among the programme's small
 * multiples: its name, why it needs attention, and its key measure's chart,
 * read from the team's file on another thread once the card is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-programme-card.h"

#define THUMB_WIDTH  260
#define THUMB_HEIGHT 190

struct _TandemProgrammeCard
{
  GtkBox               parent_instance;

  GtkLabel            *team;
  GtkLabel            *attention;
  GtkWidget           *area;
  GtkLabel            *caption;
  TandemProgrammeItem *item;        /* the team shown, while bound */
};

G_DEFINE_FINAL_TYPE (TandemProgrammeCard, tandem_programme_card, GTK_TYPE_BOX)

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  TandemProgrammeCard *self = user_data;
  TandemChart *chart = self->item ? tandem_programme_item_get_chart (self->item) : NULL;

  if (chart == NULL)
    return;
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_SCREEN);
  tandem_chart_set_text_scale (chart, 0.8);
  tandem_chart_draw (chart, cr, width, height);
}

static void
show_chart_state (TandemProgrammeCard *self)
{
  GPtrArray *links = tandem_programme_item_get_measure_links (self->item);
  TandemChart *chart = tandem_programme_item_get_chart (self->item);
  const char *problem = tandem_programme_item_get_chart_problem (self->item);

  /* The chart carries its measure's name: the caption says why there is none. */
  if (links->len == 0)
    gtk_label_set_label (self->caption, _("No measures"));
  else if (problem != NULL)
    gtk_label_set_label (self->caption, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->caption), links->len == 0 || problem != NULL);
  gtk_widget_set_visible (self->area, links->len > 0 && problem == NULL);
  if (chart != NULL)
    {
      g_autofree char *summary = tandem_chart_dup_summary (chart);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
    }
  gtk_widget_queue_draw (self->area);
}

static void
chart_notify_cb (TandemProgrammeItem *item,
                 GParamSpec          *pspec,
                 TandemProgrammeCard *self)
{
  if (self->item == item)
    show_chart_state (self);
}

static void
tandem_programme_card_dispose (GObject *object)
{
  tandem_programme_card_unbind (TANDEM_PROGRAMME_CARD (object));
  G_OBJECT_CLASS (tandem_programme_card_parent_class)->dispose (object);
}

static void
tandem_programme_card_class_init (TandemProgrammeCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_programme_card_dispose;
}

static void
tandem_programme_card_init (TandemProgrammeCard *self)
{
  GtkWidget *box = GTK_WIDGET (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->team = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->team, 0.0);
  gtk_label_set_ellipsize (self->team, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->team), "heading");

  self->attention = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->attention, 0.0);
  gtk_label_set_ellipsize (self->attention, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->attention), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->attention), "warning");

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), THUMB_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_thumbnail, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Key measure"), -1);

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0.0);
  gtk_label_set_wrap (self->caption, TRUE);
  gtk_label_set_max_width_chars (self->caption, 36);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");

  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->team));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->attention));
  gtk_box_append (GTK_BOX (self), self->area);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->caption));
}

GtkWidget *
tandem_programme_card_new (void)
{
  return g_object_new (TANDEM_TYPE_PROGRAMME_CARD, NULL);
}

/**
 * tandem_programme_card_bind:
 * @self: a card
 * @item: the team to show
 *
 * Shows @item's team; its key measure is read then, on another thread, so
 * that 52 teams open as fast as 3, and drawn when it has been.
 */
void
tandem_programme_card_bind (TandemProgrammeCard *self,
                            TandemProgrammeItem *item)
{
  g_autofree char *attention = NULL;

  g_return_if_fail (TANDEM_IS_PROGRAMME_CARD (self));
  g_return_if_fail (TANDEM_IS_PROGRAMME_ITEM (item));

  tandem_programme_card_unbind (self);
  self->item = g_object_ref (item);
  attention = tandem_programme_item_dup_attention (item);
  gtk_label_set_label (self->team, tandem_programme_item_get_team_name (item));
  gtk_label_set_label (self->attention, attention ? attention : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention), attention != NULL);
  g_signal_connect_object (item, "notify::chart", G_CALLBACK (chart_notify_cb), self, 0);
  show_chart_state (self);
  tandem_programme_item_load_chart (item);
}

/**
 * tandem_programme_card_unbind:
 * @self: a card
 *
 * Lets go of the team shown, if any.
 */
void
tandem_programme_card_unbind (TandemProgrammeCard *self)
{
  g_return_if_fail (TANDEM_IS_PROGRAMME_CARD (self));

  if (self->item == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->item, chart_notify_cb, self);
  g_clear_object (&self->item);
}
