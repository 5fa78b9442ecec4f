/* tandem-cli-people.c — `tandem-cli person add|list|edit|deactivate|merge|import`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team is named as elsewhere on the command line, a person by their name
 * (without regard to case or accents). Every command says what it did;
 * a bad value exits 2 and changes nothing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-people.h"
#include "tandem-person.h"
#include "tandem-team.h"

/* A subcommand's options, with what it opened and how it ends. */
typedef struct
{
  TandemProject *project;
  char          *team_id;
  GError        *error;
  int            status;
  char     *team;
  char     *name;
  char     *role_title;
  char     *taking_part_as;
  char     *organisation;
  char     *contact;
  gboolean  existing;
  gboolean  reactivate;
} Options;

static void
options_clear (Options *options)
{
  g_clear_object (&options->project);
  g_free (options->team_id);
  g_clear_error (&options->error);
  g_free (options->team);
  g_free (options->name);
  g_free (options->role_title);
  g_free (options->taking_part_as);
  g_free (options->organisation);
  g_free (options->contact);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The project at @path, and the team named @team (if one is asked for). */
static TandemProject *
open_with_team (const char  *path,
                const char  *team,
                gboolean     team_required,
                char       **team_id,
                int         *status)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  *team_id = NULL;
  if (team == NULL && team_required)
    {
      *status = tandem_cli_fail (2, "%s", _("Say which team with --team NAME."));
      return NULL;
    }
  if ((project = tandem_project_open (path, &error)) == NULL)
    {
      *status = tandem_cli_fail (2, "%s", error->message);
      return NULL;
    }
  if (team != NULL && (*team_id = tandem_team_find (project, team)) == NULL)
    {
      *status = tandem_cli_fail (2, _("There is no team called “%s” in %s."), team, path);
      return NULL;
    }
  return g_steal_pointer (&project);
}

/* Parses a subcommand's options, then opens the project, which follows
 * the other positional arguments, with the team its --team option named
 * (in *@team once parsed). */
static TandemProject *
start (const char    *parameters,
       const char    *summary,
       GOptionEntry  *entries,
       int           *argc,
       char        ***argv,
       int            n_positional,
       char * const  *team,
       gboolean       team_required,
       char         **team_id,
       int           *status)
{
  if (!tandem_cli_parse_options (parameters, summary, entries, argc, argv, n_positional, status))
    return NULL;
  return open_with_team ((*argv)[n_positional], *team, team_required, team_id, status);
}

/* The way of taking part @text names into *@value, or a refusal in *@status. */
static gboolean
parse_taking_part (const char         *text,
                   TandemTakingPartAs *value,
                   int                *status)
{
  if (tandem_person_parse_taking_part_as (text, value))
    return TRUE;
  *status = tandem_cli_fail (2, _("“%s” is not a way of taking part: use none, lived-experience "
                                  "partner, expert by experience, peer worker or carer."), text);
  return FALSE;
}

static const char *
describe (const TandemPerson *person,
          GString            *out)
{
  g_string_assign (out, person->name);
  if (person->role_title)
    g_string_append_printf (out, "\t%s", person->role_title);
  else
    g_string_append (out, "\t-");
  g_string_append_printf (out, "\t%s", tandem_taking_part_as_get_label (person->taking_part_as));
  g_string_append_printf (out, "\t%s", person->organisation ? person->organisation : "-");
  g_string_append_printf (out, "\t%s", person->contact ? person->contact : "-");
  if (!tandem_person_is_active (person))
    /* Translators: a person in a list, deactivated on a date */
    g_string_append_printf (out, "\t%s %s", _("inactive since"), person->inactive_since);
  return out->str;
}

#define DETAIL_OPTIONS(o) \
  { "role-title", 0, 0, G_OPTION_ARG_STRING, &(o).role_title, \
    N_("Their job or role, in their words"), "TITLE" }, \
  { "taking-part-as", 0, 0, G_OPTION_ARG_STRING, &(o).taking_part_as, \
    N_("The role they choose to take part as: none, lived-experience partner, expert by " \
       "experience, peer worker or carer"), "ROLE" }, \
  { "organisation", 0, 0, G_OPTION_ARG_STRING, &(o).organisation, \
    N_("Their organisation, for partners from community organisations"), "NAME" }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(o).contact, \
    N_("How they like to be contacted"), "TEXT" }

static int
person_add (int    argc,
            char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(TandemPerson) added = NULL;
  TandemPerson details = { 0 };
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("The team they join"), "TEAM" },
    DETAIL_OPTIONS (o),
    { "existing", 0, 0, G_OPTION_ARG_NONE, &o.existing,
      N_("NAME is someone already in the project (in another team): add them to this team too"),
      NULL },
    { NULL }
  };

  if (!tandem_cli_parse_options (_("NAME PROJECT"), _("Add a person to a team."), entries, &argc,
                                 &argv, 2, &o.status) ||
      !parse_taking_part (o.taking_part_as, &details.taking_part_as, &o.status) ||
      (o.project = open_with_team (argv[2], o.team, TRUE, &o.team_id, &o.status)) == NULL)
    return o.status;

  if (o.existing)
    {
      if (o.role_title || o.taking_part_as || o.organisation || o.contact)
        return tandem_cli_fail (2, "%s", _("--existing adds someone as they are: change their details with "
                                "“person edit”."));
      if ((id = tandem_person_find (o.project, NULL, argv[1], &o.error)) == NULL ||
          !tandem_person_add_to_team (o.project, id, o.team_id, &o.error))
        return tandem_cli_fail (2, "%s", o.error->message);
      added = tandem_person_get (o.project, id, NULL);
      printf (_("Added %s to %s\n"), added ? added->name : argv[1], o.team);
      return 0;
    }

  {
    g_autoptr(GPtrArray) team_people = tandem_person_list (o.project, o.team_id, &o.error);
    g_autofree char *same = NULL;

    if (team_people == NULL)
      return tandem_cli_fail (2, "%s", o.error->message);
    same = tandem_person_find (o.project, o.team_id, argv[1], NULL);
    for (guint i = 0; same != NULL && i < team_people->len; i++)
      if (g_str_equal (((TandemPerson *) team_people->pdata[i])->id, same))
        return tandem_cli_fail (2, _("%s already has someone called “%s”: change their details with "
                          "“person edit”."), o.team, argv[1]);
  }
  details.name = argv[1];
  details.role_title = o.role_title;
  details.organisation = o.organisation;
  details.contact = o.contact;
  if ((id = tandem_person_add (o.project, o.team_id, &details, &o.error)) == NULL)
    return tandem_cli_fail (2, "%s", o.error->message);
  added = tandem_person_get (o.project, id, NULL);
  printf (_("Added to %s: %s\n"), o.team, added ? describe (added, line) : argv[1]);
  return 0;
}

static int
person_list (int    argc,
             char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("Only this team's people"), "TEAM" },
    { NULL }
  };

  if ((o.project = start (_("PROJECT"), _("List a team's people (or everyone in the project), "
                                         "active first, by name: name, role title, taking part "
                                         "as, organisation, contact, separated by tabs."),
                        entries, &argc, &argv, 1, &o.team, FALSE, &o.team_id, &o.status)) == NULL)
    return o.status;
  if ((people = tandem_person_list (o.project, o.team_id, &o.error)) == NULL)
    return tandem_cli_fail (2, "%s", o.error->message);
  for (guint i = 0; i < people->len; i++)
    printf ("%s\n", describe (people->pdata[i], line));
  return 0;
}

static int
person_edit (int    argc,
             char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(TandemPerson) shown = NULL;
  g_autoptr(TandemPerson) saved = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  TandemPerson edited;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("The team to look for NAME in first"), "TEAM" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("A new name"), "NAME" },
    DETAIL_OPTIONS (o),
    { NULL }
  };

  if (!tandem_cli_parse_options (_("NAME PROJECT"),
                                 _("Change a person's details; an empty value clears one."),
                                 entries, &argc, &argv, 2, &o.status))
    return o.status;
  if (!o.name && !o.role_title && !o.taking_part_as && !o.organisation && !o.contact)
    return tandem_cli_fail (2, "%s", _("Say what to change: --name, --role-title, --taking-part-as, "
                            "--organisation or --contact."));
  if ((o.project = open_with_team (argv[2], o.team, FALSE, &o.team_id, &o.status)) == NULL)
    return o.status;
  if ((id = tandem_person_find (o.project, o.team_id, argv[1], &o.error)) == NULL ||
      (shown = tandem_person_get (o.project, id, &o.error)) == NULL)
    return tandem_cli_fail (2, "%s", o.error->message);
  edited = *shown;
  if (o.name)
    edited.name = o.name;
  if (o.role_title)
    edited.role_title = o.role_title;
  if (o.organisation)
    edited.organisation = o.organisation;
  if (o.contact)
    edited.contact = o.contact;
  if (o.taking_part_as && !parse_taking_part (o.taking_part_as, &edited.taking_part_as, &o.status))
    return o.status;
  if (!tandem_person_edit (o.project, shown, &edited, &o.error))
    return tandem_cli_fail (2, "%s", o.error->message);
  saved = tandem_person_get (o.project, id, NULL);
  printf (_("Changed: %s\n"), saved ? describe (saved, line) : argv[1]);
  return 0;
}

static int
person_deactivate (int    argc,
                   char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(TandemPerson) person = NULL;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("The team to look for NAME in first"), "TEAM" },
    { "reactivate", 0, 0, G_OPTION_ARG_NONE, &o.reactivate,
      N_("Make them active again instead"), NULL },
    { NULL }
  };

  if ((o.project = start (_("NAME PROJECT"), _("Mark a person as no longer taking part. Everything "
                                              "that names them stays; lists show them after the "
                                              "active."),
                        entries, &argc, &argv, 2, &o.team, FALSE, &o.team_id, &o.status)) == NULL)
    return o.status;
  if ((id = tandem_person_find (o.project, o.team_id, argv[1], &o.error)) == NULL ||
      !tandem_person_set_active (o.project, id, o.reactivate, &o.error) ||
      (person = tandem_person_get (o.project, id, &o.error)) == NULL)
    return tandem_cli_fail (2, "%s", o.error->message);
  if (o.reactivate)
    printf (_("%s is active\n"), person->name);
  else
    printf (_("%s is inactive since %s\n"), person->name, person->inactive_since);
  return 0;
}

static int
person_merge (int    argc,
              char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree char *keep = NULL;
  g_autofree char *other = NULL;
  g_autoptr(TandemPerson) kept = NULL;
  g_autoptr(TandemPerson) gone = NULL;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("The team to look for the names in first"),
      "TEAM" },
    { NULL }
  };

  if ((o.project = start (_("KEEP OTHER PROJECT"),
                        _("Merge two entries that are the same person: everything that names "
                          "OTHER (attendance, actions, change ideas, teams) moves to KEEP, and "
                          "OTHER goes."),
                        entries, &argc, &argv, 3, &o.team, FALSE, &o.team_id, &o.status)) == NULL)
    return o.status;
  if ((keep = tandem_person_find (o.project, o.team_id, argv[1], &o.error)) == NULL ||
      (other = tandem_person_find (o.project, o.team_id, argv[2], &o.error)) == NULL ||
      (kept = tandem_person_get (o.project, keep, &o.error)) == NULL ||
      (gone = tandem_person_get (o.project, other, &o.error)) == NULL ||
      !tandem_person_merge (o.project, keep, other, &o.error))
    return tandem_cli_fail (2, "%s", o.error->message);
  printf (_("Merged “%s” into “%s”\n"), gone->name, kept->name);
  return 0;
}

static int
person_import (int    argc,
               char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree char *contents = NULL;
  g_auto(TandemPersonImport) import = { 0 };
  gsize length;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("The team they join"), "TEAM" },
    { NULL }
  };

  if (!tandem_cli_parse_options (_("CSV PROJECT"),
                                 _("Add a list of people to a team from a CSV file with the "
                                   "columns name, role title, taking part as, organisation and "
                                   "contact (in that order, or in any order under a first row "
                                   "naming them). If any line is bad, nobody is added."),
                                 entries, &argc, &argv, 2, &o.status))
    return o.status;
  if (!g_file_get_contents (argv[1], &contents, &length, &o.error))
    return tandem_cli_fail (2, "%s", o.error->message);
  if ((o.project = open_with_team (argv[2], o.team, TRUE, &o.team_id, &o.status)) == NULL)
    return o.status;
  if (!tandem_person_import_csv (o.project, o.team_id, contents, (gssize) length, argv[1], &import,
                                 &o.error))
    return tandem_cli_fail (2, "%s", o.error->message);
  for (guint i = 0; i < import.already->len; i++)
    printf (_("%s: %s is already in %s: left as they are\n"), argv[1],
            (const char *) import.already->pdata[i], o.team);
  printf (ngettext ("Added %u person to %s", "Added %u people to %s", import.added),
          import.added, o.team);
  if (import.joined > 0)
    printf (ngettext (", and %u already in another team", ", and %u already in other teams",
                      import.joined), import.joined);
  printf ("\n");
  return 0;
}

static const struct
{
  const char *name;
  int       (*func) (int argc, char **argv);
} subcommands[] = {
  { "add", person_add },
  { "list", person_list },
  { "edit", person_edit },
  { "deactivate", person_deactivate },
  { "merge", person_merge },
  { "import", person_import },
};

/**
 * tandem_cli_person:
 * @argc: the arguments' count, from the word “person”
 * @argv: the arguments
 *
 * Runs `tandem-cli person SUBCOMMAND …`.
 *
 * Returns: the exit status: 0 done, 2 refused (nothing changed)
 */
int
tandem_cli_person (int    argc,
                   char **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].func (argc - 1, argv + 1);
  return tandem_cli_fail (2, "%s", _("Use “person add”, “person list”, “person edit”, “person deactivate”, "
                          "“person merge” or “person import”."));
}
