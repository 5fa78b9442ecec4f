/* tandem-contributions.h — who contributed what, per person and per role,
 * from the change log and the team's people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/* One person's (or one role's) contribution to a project or a diagram. */
typedef struct
{
  char  *name;            /* the author's name; for a role, the role in words */
  char  *role;            /* a person's role as stored (“lived_experience_partner”…),
                             or NULL when the name matches no one in the team */
  guint  people;          /* for a role: how many people; for a person: 1 */
  guint  items_added;     /* items they added that are still there */
  guint  changes_made;    /* changes (transactions) they made, undo and redo included */
  guint  ideas_proposed;  /* change ideas that name them as proposer */
  guint  cycles_run;      /* PDSA cycles they added */
  guint  comments;        /* comments and replies they wrote */
} TandemContribution;

void        tandem_contribution_free          (TandemContribution *contribution);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemContribution, tandem_contribution_free)

GPtrArray  *tandem_contributions_by_person    (TandemProject      *project,
                                               const char         *diagram_id,
                                               GError            **error);
GPtrArray  *tandem_contributions_by_role      (GPtrArray          *by_person);

G_END_DECLS
