/* tandem-plain-text.c — people's words in widgets that read markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-plain-text.h"

/**
 * tandem_plain_toast_new:
 * @title: what happened, as plain text (a team's or a file's name in it is
 *   shown as written, “R&D <Ward>” included)
 *
 * Returns: (transfer full): a toast titled @title
 */
AdwToast *
tandem_plain_toast_new (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

/**
 * tandem_plain_group_set_title:
 * @group: a preferences group
 * @title: (nullable): its title, as plain text
 */
void
tandem_plain_group_set_title (AdwPreferencesGroup *group,
                              const char          *title)
{
  g_autofree char *escaped = title ? g_markup_escape_text (title, -1) : NULL;

  adw_preferences_group_set_title (group, escaped ? escaped : "");
}

/**
 * tandem_plain_group_set_description:
 * @group: a preferences group
 * @description: (nullable): its description, as plain text
 */
void
tandem_plain_group_set_description (AdwPreferencesGroup *group,
                                    const char          *description)
{
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

/**
 * tandem_plain_check_button_new:
 * @label: the check button's words, with an underline before its mnemonic
 *
 * GTK 4.8 names a check button made with a mnemonic by its words with the
 * underline in them (“_Lower is better”), and a screen reader reads that
 * mark out: this one is named by its words as shown, and its words wrap.
 *
 * Returns: (transfer floating): a check button with the mnemonic
 */
GtkWidget *
tandem_plain_check_button_new (const char *label)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new_with_mnemonic (label);
  g_autofree char *words = tandem_plain_without_mnemonic (label);

  /* Its own label, so that long words wrap in a narrow dialog. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), check);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  return check;
}

/**
 * tandem_plain_without_mnemonic:
 * @label: words with an underline before their mnemonic (“Who will d_o it”)
 *
 * Returns: (transfer full): the words as shown: an underline marks the next
 *   character, and two stand for one
 */
char *
tandem_plain_without_mnemonic (const char *label)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (const char *c = label ? label : ""; *c; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (words, *c);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}
