/* tandem-team.h — the teams of a project: adding, finding, changing and
 * deleting them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-project.h"

G_BEGIN_DECLS

/* A team as the file holds it; the text fields are %NULL when not said. */
typedef struct
{
  char   *id;
  char   *name;
  char   *organisation;
  char   *service_type;
  char   *ward;
  double  position;
} TandemTeam;

void        tandem_team_free               (TandemTeam        *team);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemTeam, tandem_team_free)

GPtrArray  *tandem_team_list               (TandemProject     *project,
                                            GError           **error);
TandemTeam *tandem_team_get                (TandemProject     *project,
                                            const char        *team_id,
                                            GError           **error);
char       *tandem_team_find               (TandemProject     *project,
                                            const char        *name);
char       *tandem_team_create             (TandemProject     *project,
                                            const char        *name,
                                            const char        *organisation,
                                            const char        *service_type,
                                            const char        *ward,
                                            GError           **error);
gboolean    tandem_team_set_field          (TandemProject     *project,
                                            const char        *team_id,
                                            const char        *field,
                                            const char        *shown,
                                            const char        *value,
                                            GError           **error);
gboolean    tandem_team_edit               (TandemProject     *project,
                                            const TandemTeam  *shown,
                                            const TandemTeam  *edited,
                                            GError           **error);
gboolean    tandem_team_delete             (TandemProject     *project,
                                            const char        *team_id,
                                            GError           **error);

G_END_DECLS
