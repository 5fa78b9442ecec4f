/* tandem-help-window.c — the user guide, inside the app (F1)
 *
 * The guide is plain text in a resource (ui/help/topics.txt), shown as
 * labels a screen reader reads like any other text; it needs no browser or
 * help viewer, so it works the same installed, uninstalled and in Flatpak.
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
 * tandem_help_window_add_topics:
 * @self: the help window
 * @text: the guide: “= Title” starts a topic, “== Heading” a section, “- ”
 *   a bullet; blank lines end paragraphs; lines starting “#” are comments
 *
 * Returns: how many topics were added
 */
guint
tandem_help_window_add_topics (TandemHelpWindow *self,
                               const char       *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  GtkWidget *box = NULL;
  guint topics = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      gboolean ends_paragraph = *line == '\0' || *line == '=' || g_str_has_prefix (line, "- ");

      if (*line == '#')
        continue;
      if (ends_paragraph && paragraph->len > 0 && box)
        {
          gtk_box_append (GTK_BOX (box), text_label (paragraph->str, NULL));
          g_string_truncate (paragraph, 0);
        }

      if (g_str_has_prefix (line, "== "))
        {
          if (box)
            gtk_box_append (GTK_BOX (box), text_label (line + 3, "title-4"));
        }
      else if (g_str_has_prefix (line, "= "))
        {
          g_autofree char *name = g_strdup_printf ("topic-%u", self->n_topics++);
          GtkWidget *page = topic_page (line + 2, &box);

          gtk_stack_add_titled (self->stack, page, name, line + 2);
          topics++;
        }
      else if (g_str_has_prefix (line, "- "))
        {
          /* Translators: a bullet point in the user guide */
          g_autofree char *bullet = g_strdup_printf (_("• %s"), line + 2);
          GtkWidget *label = text_label (bullet, NULL);

          gtk_widget_set_margin_start (label, 12);
          if (box)
            gtk_box_append (GTK_BOX (box), label);
        }
      else if (*line != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line);
        }
    }
  if (paragraph->len > 0 && box)
    gtk_box_append (GTK_BOX (box), text_label (paragraph->str, NULL));
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
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/tandemqi/Tandem/help/topics.txt",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes)
    tandem_help_window_add_topics (self, g_bytes_get_data (bytes, NULL));
  return GTK_WINDOW (self);
}
