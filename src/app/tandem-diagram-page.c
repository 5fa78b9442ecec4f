/* tandem-diagram-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-page.h"

struct _TandemDiagramPage
{
  TandemPage     parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (TandemDiagramPage, tandem_diagram_page, TANDEM_TYPE_PAGE)

/* Until the page's editor lands, it says plainly what the file holds. */
static char *
describe (TandemProject *project,
          const char    *team)
{
  g_autoptr(GPtrArray) diagrams = tandem_project_list_ids (project, "diagram", "team_id", team, "position");
  gint64 ideas = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = 0; i < diagrams->len; i++)
    {
      g_autoptr(GPtrArray) nodes = tandem_project_list_ids (project, "node", "diagram_id",
                                                            diagrams->pdata[i], NULL);
      for (guint j = 0; j < nodes->len; j++)
        {
          g_autofree char *kind = tandem_project_get_text (project, "node", nodes->pdata[j], "kind");
          ideas += g_strcmp0 (kind, "change_idea") == 0;
        }
    }
  a = g_strdup_printf (ngettext ("Driver diagrams for this team: %u.",
                                 "Driver diagrams for this team: %u.", diagrams->len), diagrams->len);
  b = g_strdup_printf (ngettext ("Change ideas: %" G_GINT64_FORMAT ".",
                                 "Change ideas: %" G_GINT64_FORMAT ".", ideas), ideas);
  return g_strjoin (" ", a, b,
                    _("The diagram editor, with keyboard editing, an outline view and printing, "
                      "is coming in a later version of Tandem. Everything here is kept safe in "
                      "the project file."), NULL);
}

static void
tandem_diagram_page_reload (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autofree char *text = NULL;

  if (project == NULL || team == NULL)
    return;
  text = describe (project, team);
  adw_status_page_set_description (self->status, text);
}

static void
tandem_diagram_page_class_init (TandemDiagramPageClass *klass)
{
  static const char * const entities[] = { "diagram", "node", "node_link", "node_group", "node_tag", "pdsa_cycle", NULL };
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  page_class->entities = entities;
  page_class->reload = tandem_diagram_page_reload;
}

static void
tandem_diagram_page_init (TandemDiagramPage *self)
{
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "view-list-bullet-symbolic");
  adw_status_page_set_title (self->status, _("Driver Diagrams"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->status));
}
