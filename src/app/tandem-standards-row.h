/* tandem-standards-row.h — the rows of the Standards page's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_ROW (tandem_standards_row_get_type ())
G_DECLARE_FINAL_TYPE (TandemStandardsRow, tandem_standards_row, TANDEM, STANDARDS_ROW, GObject)

/* One row of a list: what it says, and the action its button runs. */
struct _TandemStandardsRow
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *action;        /* nullable: the button's action */
  char      *action_label;  /* its label */
  char      *target;        /* the action's string parameter */
  char      *extra_action;  /* nullable: a second button's action, same parameter */
  char      *extra_label;   /* its label */
  GPtrArray *children;      /* nullable: rows shown under it (a round's responses) */
};

TandemStandardsRow *tandem_standards_row_new (const char *title,
                                              const char *subtitle,
                                              const char *action,
                                              const char *action_label,
                                              const char *target);
GtkWidget *tandem_standards_row_create_widget       (gpointer item,
                                                     gpointer user_data);
GtkWidget *tandem_standards_row_create_round_widget (gpointer item,
                                                     gpointer user_data);
char      *tandem_standards_row_describe_responses  (TandemProject  *project,
                                                     GPtrArray      *responses,
                                                     GPtrArray     **rows);

G_END_DECLS
