/* tandem-measures-page-private.h — what the Measures page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-chart-view.h"
#include "tandem-comments-panel.h"
#include "tandem-measure-data-entry.h"
#include "tandem-measure-data-table.h"
#include "tandem-measure-notes.h"
#include "tandem-measure-settings.h"
#include "tandem-measures-page.h"
#include "tandem-project.h"

G_BEGIN_DECLS

struct _TandemMeasuresPage
{
  TandemPage              parent_instance;

  AdwLeaflet             *leaflet;
  GtkLabel               *description;
  GtkListBox             *measure_list;
  GtkStack               *content_stack;
  GtkLabel               *measure_title;
  GtkToggleButton        *contrast_button;
  TandemChartView        *chart_view;
  GtkLabel               *point_label;
  GtkLabel               *summary_label;
  TandemMeasureDataEntry *data_entry;
  TandemMeasureDataTable *data_table;
  TandemMeasureNotes     *notes;
  TandemMeasureSettings  *settings;
  TandemCommentsPanel    *comments_panel;
  TandemEquitySection    *equity_section;
  TandemEquityOverview   *equity_overview;
  gboolean                showing_overview;
  GtkWindow              *edit_dialog;

  GtkStringList          *measure_ids;   /* the list's items: the team's measures, by id */
  GHashTable             *measure_names; /* id -> name, for the list's rows */
  GPtrArray              *targets;       /* the team's change ideas and PDSA cycles */

  char                   *measure_id;
  TandemMeasure          *measure;
  char                   *summary;
  gboolean                loading;
};

/* tandem-measures-page-actions.c */
void         _tandem_measures_page_class_actions_init (TandemMeasuresPageClass *klass);
void         _tandem_measures_page_update_actions     (TandemMeasuresPage      *self);

/* tandem-measures-page.c: what the page's parts write numbers with */
char        *_tandem_measures_format_number           (double                   value);
TandemValue  _tandem_measures_number_value            (double                   value);

G_END_DECLS
