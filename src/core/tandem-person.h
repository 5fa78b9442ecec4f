/* tandem-person.h — the people of a project: who they are, the teams they
 * belong to, and how they take part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-project.h"
#include "tandem-stored-enums.h"

G_BEGIN_DECLS

/* A person as the file holds them; the text fields are %NULL when not said.
 * Kept light on purpose: Tandem is not an HR system and holds no health
 * data, so there is no diagnosis, no date of birth, no address. */
typedef struct
{
  char               *id;
  char               *name;
  char               *role_title;      /* their job or role, in their words */
  TandemTakingPartAs  taking_part_as;  /* the role they choose to take part as */
  char               *organisation;    /* for partners from community organisations */
  char               *contact;         /* how they like to be contacted */
  char               *inactive_since;  /* a date, or %NULL while they are active */
} TandemPerson;

void          tandem_person_free               (TandemPerson        *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPerson, tandem_person_free)

gboolean      tandem_person_is_active          (const TandemPerson  *person);
gboolean      tandem_person_parse_taking_part_as (const char        *text,
                                                  TandemTakingPartAs *taking_part_as);

GPtrArray    *tandem_person_list               (TandemProject       *project,
                                                const char          *team_id,
                                                GError             **error);
GPtrArray    *tandem_person_find_prefix        (TandemProject       *project,
                                                const char          *team_id,
                                                const char          *prefix,
                                                GError             **error);
char         *tandem_person_find               (TandemProject       *project,
                                                const char          *team_id,
                                                const char          *name,
                                                GError             **error);
TandemPerson *tandem_person_get                (TandemProject       *project,
                                                const char          *person_id,
                                                GError             **error);
GPtrArray    *tandem_person_list_teams         (TandemProject       *project,
                                                const char          *person_id,
                                                GError             **error);

char         *tandem_person_add                (TandemProject       *project,
                                                const char          *team_id,
                                                const TandemPerson  *details,
                                                GError             **error);
gboolean      tandem_person_set_field          (TandemProject       *project,
                                                const char          *person_id,
                                                const char          *field,
                                                const char          *shown,
                                                const char          *value,
                                                GError             **error);
gboolean      tandem_person_edit               (TandemProject       *project,
                                                const TandemPerson  *shown,
                                                const TandemPerson  *edited,
                                                GError             **error);
gboolean      tandem_person_set_active         (TandemProject       *project,
                                                const char          *person_id,
                                                gboolean             active,
                                                GError             **error);
gboolean      tandem_person_delete             (TandemProject       *project,
                                                const char          *person_id,
                                                GError             **error);
gboolean      tandem_person_merge              (TandemProject       *project,
                                                const char          *keep_id,
                                                const char          *other_id,
                                                GError             **error);
gboolean      tandem_person_add_to_team        (TandemProject       *project,
                                                const char          *person_id,
                                                const char          *team_id,
                                                GError             **error);
gboolean      tandem_person_remove_from_team   (TandemProject       *project,
                                                const char          *person_id,
                                                const char          *team_id,
                                                GError             **error);

/**
 * TandemPersonImport:
 * @added: how many people were added to the team
 * @joined: how many people already in the project (in another team, by the
 *   same name) were added to the team
 * @already: (element-type utf8): the lines naming someone already in the
 *   team, left as they were, each as “line N: Name”
 *
 * What tandem_person_import_csv() did.
 */
typedef struct
{
  guint      added;
  guint      joined;
  GPtrArray *already;
} TandemPersonImport;

void          tandem_person_import_clear       (TandemPersonImport  *import);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TandemPersonImport, tandem_person_import_clear)

gboolean      tandem_person_read_csv           (const char          *text,
                                                gssize               length,
                                                const char          *file_name,
                                                GPtrArray          **people,
                                                GPtrArray          **problems,
                                                GError             **error);
gboolean      tandem_person_import_csv         (TandemProject       *project,
                                                const char          *team_id,
                                                const char          *text,
                                                gssize               length,
                                                const char          *file_name,
                                                TandemPersonImport  *import,
                                                GError             **error);

G_END_DECLS
