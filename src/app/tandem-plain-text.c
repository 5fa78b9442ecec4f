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
