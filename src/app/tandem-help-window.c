/* tandem-help-window.c — the user guide, inside the app (F1)
 *
 * The guide is translatable text in tandem-help-topics.c, shown as labels a
 * screen reader reads like any other text; it needs no browser or help
 * viewer, so it works the same installed, uninstalled and in Flatpak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-help-window.h"

struct _TandemHelpWindow
{
  AdwWindow  parent_instance;

  GtkStack  *stack;
  guint      n_topics;
};

G_DEFINE_FINAL_TYPE (TandemHelpWindow, tandem_help_window, ADW_TYPE_WINDOW)

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
topic_page (const char *title,
            GtkWidget **box_out)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), text_label (title, "title-1"));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  *box_out = box;
  return scrolled;
}

/**
 * tandem_help_window_add_blocks:
 * @self: the help window
 * @blocks: (array length=n_blocks): the guide, each text untranslated: a
 *   %TANDEM_HELP_TOPIC starts a page; blocks before the first are ignored
 * @n_blocks: how many
 *
 * Adds the topics, each text translated into the user's language.
 *
 * Returns: how many topics were added
 */
guint
tandem_help_window_add_blocks (TandemHelpWindow      *self,
                               const TandemHelpBlock *blocks,
                               guint                  n_blocks)
{
  GtkWidget *box = NULL;
  guint topics = 0;

  g_return_val_if_fail (TANDEM_IS_HELP_WINDOW (self), 0);

  for (guint i = 0; i < n_blocks; i++)
    {
      const char *text = _(blocks[i].text);

      if (blocks[i].kind == TANDEM_HELP_TOPIC)
        {
          g_autofree char *name = g_strdup_printf ("topic-%u", self->n_topics++);
          GtkWidget *page = topic_page (text, &box);

          gtk_stack_add_titled (self->stack, page, name, text);
          topics++;
        }
      else if (box == NULL)
        continue;
      else if (blocks[i].kind == TANDEM_HELP_HEADING)
        gtk_box_append (GTK_BOX (box), text_label (text, "title-4"));
      else if (blocks[i].kind == TANDEM_HELP_BULLET)
        {
          /* Translators: a bullet point in the user guide */
          g_autofree char *bullet = g_strdup_printf (_("• %s"), text);
          GtkWidget *label = text_label (bullet, NULL);

          gtk_widget_set_margin_start (label, 12);
          gtk_box_append (GTK_BOX (box), label);
        }
      else
        gtk_box_append (GTK_BOX (box), text_label (text, NULL));
    }
  return topics;
}

static void
tandem_help_window_class_init (TandemHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemHelpWindow, stack);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_help_window_init (TandemHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_help_window_new:
 * @parent: (nullable): the window asking for help
 *
 * Returns: (transfer none): the help window with the whole guide, to present
 */
GtkWindow *
tandem_help_window_new (GtkWindow *parent)
{
  TandemHelpWindow *self = g_object_new (TANDEM_TYPE_HELP_WINDOW, "transient-for", parent, NULL);

  tandem_help_window_add_blocks (self, tandem_help_guide, tandem_help_guide_length);
  return GTK_WINDOW (self);
}
