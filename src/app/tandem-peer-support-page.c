/* tandem-peer-support-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-peer-support-page.h"

struct _TandemPeerSupportPage
{
  TandemPage     parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (TandemPeerSupportPage, tandem_peer_support_page, TANDEM_TYPE_PAGE)

/* Until the page's editor lands, it says plainly what the file holds. */
static char *
describe (TandemProject *project,
          const char    *team)
{
  gint64 roles = tandem_project_count (project, "peer_role", "team_id", team);
  gint64 tracked = tandem_project_count (project, "framework_status", "team_id", team);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  a = g_strdup_printf (ngettext ("Peer-support roles: %" G_GINT64_FORMAT ".",
                                 "Peer-support roles: %" G_GINT64_FORMAT ".", roles), roles);
  b = g_strdup_printf (ngettext ("Framework items tracked: %" G_GINT64_FORMAT ".",
                                 "Framework items tracked: %" G_GINT64_FORMAT ".", tracked), tracked);
  return g_strjoin (" ", a, b,
                    _("The implementation tracker, against the national framework, is coming "
                      "in a later version of Tandem."), NULL);
}

static void
tandem_peer_support_page_reload (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autofree char *text = NULL;

  if (project == NULL || team == NULL)
    return;
  text = describe (project, team);
  adw_status_page_set_description (self->status, text);
}

static void
tandem_peer_support_page_class_init (TandemPeerSupportPageClass *klass)
{
  static const char * const entities[] = { "framework_status", "framework_item", "peer_role", "supervision", NULL };
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  page_class->entities = entities;
  page_class->reload = tandem_peer_support_page_reload;
}

static void
tandem_peer_support_page_init (TandemPeerSupportPage *self)
{
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "system-users-symbolic");
  adw_status_page_set_title (self->status, _("Peer-Support Implementation"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->status));
}
