/* tandem-cli-analyse-groups.h — `tandem-cli analyse --by-group`: disparity between groups as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include "tandem-disparity.h"
#include "tandem-groups.h"

G_BEGIN_DECLS

/**
 * TandemCliGroups:
 * @name: the file's name for messages ("standard input" for -)
 * @rows: (element-type TandemDisparityRow): every row, checked
 * @broad: the groups are broad groups (given, or pooled); else categories
 * @names: the groups' names, @n_groups of them
 * @n_groups: %TANDEM_N_BROAD_GROUPS or %TANDEM_N_ETHNIC_CATEGORIES
 * @present: per group, whether it has a row
 * @options: the kind, per, reference and "Not stated" to analyse with
 *
 * A broken-down measure read from CSV by tandem_cli_groups_read().
 */
typedef struct
{
  char                   *name;
  GArray                 *rows;
  gboolean                broad;
  const char             *names[TANDEM_N_ETHNIC_CATEGORIES];
  guint                   n_groups;
  gboolean                present[TANDEM_N_ETHNIC_CATEGORIES];
  TandemDisparityOptions  options;
} TandemCliGroups;

gboolean tandem_cli_groups_read              (const char      *filename,
                                              FILE            *in,
                                              const char      *kind,
                                              const char      *per,
                                              const char      *reference,
                                              gboolean         pool,
                                              TandemCliGroups *groups,
                                              FILE            *err);
void     tandem_cli_groups_clear             (TandemCliGroups *groups);
gboolean tandem_cli_groups_parse_threshold   (const char      *value,
                                              guint           *threshold,
                                              GError         **error);

gboolean tandem_cli_analyse_is_by_group      (int    argc,
                                              char **argv);
int      tandem_cli_analyse_groups_streams   (int    argc,
                                              char **argv,
                                              FILE  *in,
                                              FILE  *out,
                                              FILE  *err);

G_END_DECLS
