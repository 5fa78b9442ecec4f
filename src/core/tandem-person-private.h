/* tandem-person-private.h — what the people's files share: names folded
 * for comparing, details checked as the file keeps them, adding a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-person.h"

G_BEGIN_DECLS

#define TANDEM_PERSON_NAME_MAX 200
#define TANDEM_PERSON_DETAIL_MAX 200
#define TANDEM_PERSON_CONTACT_MAX 500

/* SQL: whether person @p belongs to team @team (both SQL expressions): a
 * membership, or the team_id a person brought back from an older copy's
 * history may carry. */
#define TANDEM_PERSON_IN_TEAM(p, team) \
  "(" p ".team_id = " team " OR EXISTS (SELECT 1 FROM team_member tm " \
  "WHERE tm.person_id = " p ".id AND tm.team_id = " team "))"

char     *_tandem_person_fold          (const char          *text);
char     *_tandem_person_clean_name    (const char          *name,
                                        GError             **error);
gboolean  _tandem_person_clean_detail  (const char          *value,
                                        int                  max,
                                        const char          *what,
                                        char               **clean,
                                        GError             **error);
gboolean  _tandem_person_check_taking_part_as (const char   *text,
                                        TandemTakingPartAs  *taking_part_as,
                                        GError             **error);
gboolean  _tandem_person_team_exists   (TandemProject       *project,
                                        const char          *team_id,
                                        GError             **error);
gboolean  _tandem_person_join_team     (TandemProject       *project,
                                        const char          *person_id,
                                        const char          *team_id,
                                        GError             **error);
char     *_tandem_person_insert        (TandemProject       *project,
                                        const char          *team_id,
                                        const TandemPerson  *clean,
                                        GError             **error);

G_END_DECLS
