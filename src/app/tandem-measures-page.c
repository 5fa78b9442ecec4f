/* tandem-measures-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-measures-page.h"

struct _TandemMeasuresPage
{
  TandemPage     parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (TandemMeasuresPage, tandem_measures_page, TANDEM_TYPE_PAGE)

/* Until the page's editor lands, it says plainly what the file holds. */
static char *
describe (TandemProject *project,
          const char    *team)
{
  g_autoptr(GPtrArray) measures = tandem_project_list_ids (project, "measure", "team_id", team, "position");
  gint64 points = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = 0; i < measures->len; i++)
    points += tandem_project_count (project, "data_point", "measure_id", measures->pdata[i]);
  a = g_strdup_printf (ngettext ("Measures for this team: %u.",
                                 "Measures for this team: %u.", measures->len), measures->len);
  b = g_strdup_printf (ngettext ("Data points: %" G_GINT64_FORMAT ".",
                                 "Data points: %" G_GINT64_FORMAT ".", points), points);
  return g_strjoin (" ", a, b,
                    _("Run charts and SPC charts, with their rules analysed and ready to print, "
                      "are coming in a later version of Tandem."), NULL);
}

static void
tandem_measures_page_reload (TandemPage *page)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autofree char *text = NULL;

  if (project == NULL || team == NULL)
    return;
  text = describe (project, team);
  adw_status_page_set_description (self->status, text);
}

static void
tandem_measures_page_class_init (TandemMeasuresPageClass *klass)
{
  static const char * const entities[] = { "measure", "data_point", "phase", "annotation", NULL };
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  page_class->entities = entities;
  page_class->reload = tandem_measures_page_reload;
}

static void
tandem_measures_page_init (TandemMeasuresPage *self)
{
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (self->status, _("Measures and Charts"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->status));
}
