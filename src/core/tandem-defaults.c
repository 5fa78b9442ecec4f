/* tandem-defaults.c — what every new project starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-defaults.h"

/* The equity groups named in the programme's sources. They are ordinary,
 * editable tags: a project can rename them or add finer ones ("White Other"
 * hides a lot). */
static const char * const equity_tags[TANDEM_N_EQUITY_TAGS] = {
  N_("Race and ethnicity"),
  N_("Religion and faith"),
  N_("Culture and language"),
  N_("Learning disability"),
  N_("Autism"),
  N_("Sexual orientation and gender identity"),
  N_("Sex"),
  N_("Age"),
  N_("Pregnancy and maternity"),
  N_("Socioeconomic status"),
  N_("Location"),
  N_("Specific groups (homeless, refugees, young offenders)"),
};

typedef struct
{
  const char *stage;
  const char *kind;
  const char *title;
} FrameworkItem;

/* The national peer-support implementation framework: a checklist per stage,
 * then the support that peer support workers need, which most trusts do not
 * yet provide. */
static const FrameworkItem peer_support[] = {
  { N_("Preparation"), "item", N_("Peer leadership guides the introduction of peer roles") },
  { N_("Preparation"), "item", N_("The organisation is prepared for peer roles") },
  { N_("Preparation"), "item", N_("The ward team is ready to welcome and work with peer workers") },
  { N_("Preparation"), "item", N_("Peer roles stay true to peer values (role fidelity)") },

  { N_("Recruitment"), "item", N_("Recruitment is led by people with lived experience") },
  { N_("Recruitment"), "item", N_("Recruitment is values-based") },
  { N_("Recruitment"), "item", N_("The role has a clear remit") },
  { N_("Recruitment"), "item", N_("Roles are advertised where peers will see them") },
  { N_("Recruitment"), "item", N_("Recruitment days and interviews are held") },

  { N_("Workforce development"), "item", N_("Training for the role and ongoing CPD") },
  { N_("Workforce development"), "item", N_("Induction into the ward and the peer role") },
  { N_("Workforce development"), "item", N_("Peer supervision") },
  { N_("Workforce development"), "item", N_("Support with common challenges") },

  { N_("Cultural competency"), "item",
    N_("Partnerships with voluntary and community (VCSE) organisations") },
  { N_("Cultural competency"), "item", N_("Culturally appropriate peer support") },
  { N_("Cultural competency"), "item", N_("Culturally appropriate peer advocacy") },

  { N_("Career structures"), "item", N_("A lived-experience framework") },
  { N_("Career structures"), "item", N_("Peers as leaders") },
  { N_("Career structures"), "item", N_("A full peer career structure") },
  { N_("Career structures"), "item", N_("Fair Agenda for Change banding") },
  { N_("Career structures"), "item", N_("Peer identity is protected") },
  { N_("Career structures"), "item", N_("Peers shape services as well as deliver them") },

  { N_("Evaluation"), "item", N_("We measure what matters") },
  { N_("Evaluation"), "item", N_("We look at impact beyond narrow metrics") },
  { N_("Evaluation"), "item", N_("Evaluation is aligned with peer values") },
  { N_("Evaluation"), "item", N_("Stories and data are used together") },
  { N_("Evaluation"), "item", N_("We learn as we go") },

  { N_("Peer leadership and networks"), "item", N_("Peer leaders are developed") },
  { N_("Peer leadership and networks"), "item", N_("Peers join networks across providers") },

  { N_("Support in place"), "support", N_("Training for the role") },
  { N_("Support in place"), "support", N_("Group peer supervision") },
  { N_("Support in place"), "support", N_("1:1 peer supervision") },
  { N_("Support in place"), "support", N_("Specialist peer-work leadership") },
  { N_("Support in place"), "support", N_("Support or training for managers") },
  { N_("Support in place"), "support", N_("Written role resources") },
  { N_("Support in place"), "support", N_("Ongoing training and CPD") },
};

static const char * const service_types[] = {
  N_("Adult acute"),
  N_("Older adult acute"),
  N_("Psychiatric intensive care (PICU)"),
  N_("Dementia"),
  N_("Children and young people (general adolescent unit)"),
  N_("Children and young people (PICU)"),
  N_("Learning disability and autism (secure)"),
  N_("Learning disability and autism (non-secure)"),
  N_("Adult low secure"),
  N_("Adult medium secure"),
  NULL
};

static gboolean
install_equity_tags (TandemProject  *project,
                     GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (equity_tags); i++)
    {
      TandemField fields[] = {
        { "name", tandem_value_text (_(equity_tags[i])) },
        { "builtin", tandem_value_int (1) },
        { "position", tandem_value_double (i) },
      };
      g_autofree char *id = tandem_project_insert (project, "equity_tag", fields,
                                                   G_N_ELEMENTS (fields), error);
      if (id == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
install_peer_support (TandemProject  *project,
                      GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (peer_support); i++)
    {
      TandemField fields[] = {
        { "framework", tandem_value_text (TANDEM_FRAMEWORK_PEER_SUPPORT) },
        { "framework_version", tandem_value_int (1) },
        { "stage", tandem_value_text (_(peer_support[i].stage)) },
        { "kind", tandem_value_text (peer_support[i].kind) },
        { "title", tandem_value_text (_(peer_support[i].title)) },
        { "builtin", tandem_value_int (1) },
        { "position", tandem_value_double (i) },
      };
      g_autofree char *id = tandem_project_insert (project, "framework_item", fields,
                                                   G_N_ELEMENTS (fields), error);
      if (id == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * tandem_defaults_install:
 * @project: a project open for editing
 * @error: return location for an error
 *
 * Adds what every new project starts with: the built-in equity tags and the
 * peer-support implementation framework, in the language Tandem is running
 * in. It runs inside the caller's change if one is open, otherwise in a
 * creation change of its own (recorded, but not on the undo stack). Parts the
 * project already has (built-in tags, the peer-support framework) are left
 * alone, so calling it twice adds nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_defaults_install (TandemProject  *project,
                         GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!tandem_project_begin_creation (project, _("Add equity tags and frameworks"), error))
    return FALSE;

  if (tandem_project_count (project, "equity_tag", "builtin", "1") == 0)
    ok = install_equity_tags (project, error);
  if (ok && tandem_project_count (project, "framework_item", "framework",
                                  TANDEM_FRAMEWORK_PEER_SUPPORT) == 0)
    ok = install_peer_support (project, error);

  if (!ok)
    {
      tandem_project_rollback (project);
      return FALSE;
    }
  return tandem_project_commit (project, error);
}

/**
 * tandem_defaults_equity_tag_name:
 * @tag: a built-in equity tag
 *
 * Returns: (transfer none): its name as installed, in the language Tandem is
 *   running in
 */
const char *
tandem_defaults_equity_tag_name (TandemEquityTag tag)
{
  g_return_val_if_fail ((guint) tag < TANDEM_N_EQUITY_TAGS, NULL);

  return _(equity_tags[tag]);
}

/**
 * tandem_defaults_find_equity_tag:
 * @project: a project
 * @tag: a built-in equity tag
 *
 * Finds the built-in tag by its name; a tag the project has renamed is not
 * found.
 *
 * Returns: (transfer full) (nullable): the tag's id, or %NULL
 */
char *
tandem_defaults_find_equity_tag (TandemProject   *project,
                                 TandemEquityTag  tag)
{
  g_autoptr(GPtrArray) ids = NULL;
  const char *name;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail ((guint) tag < TANDEM_N_EQUITY_TAGS, NULL);

  name = _(equity_tags[tag]);
  ids = tandem_project_list_ids (project, "equity_tag", "builtin", "1", "position");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *text = tandem_project_get_text (project, "equity_tag",
                                                       ids->pdata[i], "name");
      if (g_strcmp0 (text, name) == 0)
        return g_strdup (ids->pdata[i]);
    }
  return NULL;
}

/**
 * tandem_defaults_service_types:
 *
 * The kinds of inpatient service Tandem suggests for a team, translated into
 * the language Tandem is running in (translated once, at the first call).
 *
 * Returns: (transfer none) (array zero-terminated=1): the service types
 */
const char * const *
tandem_defaults_service_types (void)
{
  static gsize initialised = 0;
  static const char *translated[G_N_ELEMENTS (service_types)];

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; service_types[i] != NULL; i++)
        translated[i] = _(service_types[i]);
      translated[G_N_ELEMENTS (service_types) - 1] = NULL;
      g_once_init_leave (&initialised, 1);
    }
  return translated;
}
