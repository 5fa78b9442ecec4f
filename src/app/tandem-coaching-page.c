/* tandem-coaching-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching-page.h"

struct _TandemCoachingPage
{
  TandemPage     parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM_TYPE_PAGE)

/* Until the page's editor lands, it says plainly what the file holds. */
static char *
describe (TandemProject *project,
          const char    *team)
{
  g_autoptr(GPtrArray) actions = tandem_project_list_ids (project, "action", "team_id", team, NULL);
  gint64 sessions = tandem_project_count (project, "coaching_session", "team_id", team);
  gint64 open_actions = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = 0; i < actions->len; i++)
    {
      g_autofree char *status = tandem_project_get_text (project, "action", actions->pdata[i], "status");
      open_actions += g_strcmp0 (status, "open") == 0;
    }
  a = g_strdup_printf (ngettext ("Coaching sessions logged: %" G_GINT64_FORMAT ".",
                                 "Coaching sessions logged: %" G_GINT64_FORMAT ".", sessions),
                       sessions);
  b = g_strdup_printf (ngettext ("Actions: %u, %" G_GINT64_FORMAT " still open.",
                                 "Actions: %u, %" G_GINT64_FORMAT " still open.", actions->len),
                       actions->len, open_actions);
  return g_strjoin (" ", a, b,
                    _("The session log, with attendance and actions carried to the next session, "
                      "is coming in a later version of Tandem."), NULL);
}

static void
tandem_coaching_page_reload (TandemPage *page)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autofree char *text = NULL;

  if (project == NULL || team == NULL)
    return;
  text = describe (project, team);
  adw_status_page_set_description (self->status, text);
}

static void
tandem_coaching_page_class_init (TandemCoachingPageClass *klass)
{
  static const char * const entities[] = { "coaching_session", "attendance", "action", NULL };
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  page_class->entities = entities;
  page_class->reload = tandem_coaching_page_reload;
}

static void
tandem_coaching_page_init (TandemCoachingPage *self)
{
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "x-office-calendar-symbolic");
  adw_status_page_set_title (self->status, _("Coaching Sessions"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->status));
}
