/* tandem-cli-export-groups.h — `tandem-cli export chart --view`: a project's broken-down measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-chart.h"
#include "tandem-equity-chart.h"
#include "tandem-export.h"

G_BEGIN_DECLS

/**
 * TandemCliExportGroups:
 * @project: the project file's path
 * @measure: the measure's name
 * @team: (nullable): its team's name
 * @view: small multiples or the disparity chart
 * @suppress: hide small counts, for sharing
 * @threshold_given: @threshold was given (--suppress=N); else the
 *   project's own threshold is used
 * @threshold: the largest count to hide, as given
 * @format: the file's format
 * @width: the page's width, in points
 * @height: its height
 * @dpi: a PNG's resolution
 * @style: the chart's style
 * @output: the file to write, or "-"
 *
 * What `export chart --view` was asked for.
 */
typedef struct
{
  const char         *project;
  const char         *measure;
  const char         *team;
  TandemEquityView    view;
  gboolean            suppress;
  gboolean            threshold_given;
  guint               threshold;
  TandemExportFormat  format;
  double              width;
  double              height;
  double              dpi;
  TandemChartStyle    style;
  const char         *output;
} TandemCliExportGroups;

int tandem_cli_export_groups (const TandemCliExportGroups *request,
                              TandemExportFonts           *fonts);

G_END_DECLS
