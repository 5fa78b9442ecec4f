/* tandem-person-import.c — a list of people added to a team from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is read with the one CSV reader, tandem_csv_read(), and every
 * line is checked before anything is written: one bad line and nobody is
 * added, with every bad line named. Then the people are added in one
 * undoable change.
 */

#define G_LOG_DOMAIN "Tandem-Person"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-csv.h"
#include "tandem-db-private.h"
#include "tandem-person-private.h"

enum { COL_NAME, COL_ROLE_TITLE, COL_TAKING_PART_AS, COL_ORGANISATION, COL_CONTACT, N_COLS };

/* The words a header may use for each column, folded. */
static const char * const header_words[N_COLS][5] = {
  { "name", "full name", "person", NULL },
  { "role title", "role", "job title", "job", "title" },
  { "taking part as", "takes part as", "taking part", NULL },
  { "organisation", "organization", NULL },
  { "contact", "contact preference", "contact by", NULL },
};

typedef struct
{
  TandemPerson *person;
  guint         line;
} ImportRow;

typedef struct
{
  int        columns[N_COLS];  /* the cell of each column, or -1 */
  guint      n_columns;
  gboolean   started;
  GArray    *rows;             /* of ImportRow */
  GPtrArray *problems;         /* “line N: …” */
} Importer;

static void
import_row_clear (ImportRow *row)
{
  g_clear_pointer (&row->person, tandem_person_free);
}

static int
header_column (const char *cell)
{
  g_autofree char *folded = g_strstrip (_tandem_person_fold (cell));

  g_strdelimit (folded, "-_", ' ');
  for (int c = 0; c < N_COLS; c++)
    for (guint w = 0; w < G_N_ELEMENTS (header_words[c]) && header_words[c][w]; w++)
      if (g_str_equal (folded, header_words[c][w]))
        return c;
  return -1;
}

static void
add_problem (Importer   *importer,
             guint       line,
             const char *reason)
{
  g_ptr_array_add (importer->problems, g_strdup_printf (_("line %u: %s"), line, reason));
}

/* A first row that names the columns sets their order; else the columns
 * are name, role title, taking part as, organisation, contact. */
static gboolean
read_header (Importer     *importer,
             TandemCsvRow *row)
{
  gboolean header = header_column (row->cells[0]) == COL_NAME;

  for (int c = 0; c < N_COLS; c++)
    importer->columns[c] = header ? -1 : c;
  importer->n_columns = header ? row->n_cells : N_COLS;
  if (!header)
    return FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      int column = header_column (row->cells[i]);

      if (column < 0)
        {
          g_autofree char *reason = g_strdup_printf (_("the column “%s” is not one Tandem knows: "
                                                       "use name, role title, taking part as, "
                                                       "organisation and contact"),
                                                     row->cells[i]);
          add_problem (importer, row->line, reason);
        }
      else if (importer->columns[column] >= 0)
        {
          g_autofree char *reason = g_strdup_printf (_("the column “%s” is named twice"),
                                                     row->cells[i]);
          add_problem (importer, row->line, reason);
        }
      else
        importer->columns[column] = (int) i;
    }
  return TRUE;
}

static const char *
cell (Importer     *importer,
      TandemCsvRow *row,
      int           column)
{
  int i = importer->columns[column];

  return i >= 0 && (guint) i < row->n_cells ? row->cells[i] : NULL;
}

static gboolean
import_row_cb (TandemCsvRow  *row,
               gpointer       user_data,
               GError       **error)
{
  Importer *importer = user_data;
  g_autoptr(TandemPerson) person = g_new0 (TandemPerson, 1);
  g_autoptr(GError) problem = NULL;
  const char *taking_part_as;
  ImportRow kept;

  if (!importer->started)
    {
      importer->started = TRUE;
      if (read_header (importer, row))
        return TRUE;
    }
  if (row->n_cells > importer->n_columns)
    {
      g_autofree char *reason = tandem_csv_describe_width (row->n_cells, importer->n_columns,
                                                           row->delimiter);
      add_problem (importer, row->line, reason);
      return TRUE;
    }
  taking_part_as = cell (importer, row, COL_TAKING_PART_AS);
  if (!(person->name = _tandem_person_clean_name (cell (importer, row, COL_NAME), &problem)) ||
      !_tandem_person_clean_detail (cell (importer, row, COL_ROLE_TITLE), TANDEM_PERSON_DETAIL_MAX, _("role title"),
                     &person->role_title, &problem) ||
      !_tandem_person_check_taking_part_as (taking_part_as, &person->taking_part_as, &problem) ||
      !_tandem_person_clean_detail (cell (importer, row, COL_ORGANISATION), TANDEM_PERSON_DETAIL_MAX, _("organisation"),
                     &person->organisation, &problem) ||
      !_tandem_person_clean_detail (cell (importer, row, COL_CONTACT), TANDEM_PERSON_CONTACT_MAX, _("contact preference"),
                     &person->contact, &problem))
    {
      add_problem (importer, row->line, problem->message);
      return TRUE;
    }
  kept.person = g_steal_pointer (&person);
  kept.line = row->line;
  g_array_append_val (importer->rows, kept);
  return TRUE;
}

/* The one person of the project called @name (folded) other than in
 * @team_people, or %NULL if there is none or more than one. */
static const TandemPerson *
only_one_called (GPtrArray  *everyone,
                 const char *folded_name)
{
  const TandemPerson *found = NULL;

  for (guint i = 0; i < everyone->len; i++)
    {
      g_autofree char *name = _tandem_person_fold (((TandemPerson *) everyone->pdata[i])->name);

      if (g_str_equal (name, folded_name))
        {
          if (found != NULL)
            return NULL;
          found = everyone->pdata[i];
        }
    }
  return found;
}

/* Reads every line of the list into @importer; fails only when the text
 * cannot be read as a list at all. */
static gboolean
read_list (const char  *text,
           gssize       length,
           const char  *file_name,
           Importer    *importer,
           GError     **error)
{
  g_autoptr(GError) read_error = NULL;

  g_array_set_clear_func (importer->rows, (GDestroyNotify) import_row_clear);
  if (tandem_csv_read (text, length, 0, import_row_cb, importer, NULL, &read_error))
    return TRUE;
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, "%s: %s",
               file_name, read_error->message);
  return FALSE;
}

/**
 * tandem_person_read_csv:
 * @text: a list of people, as tandem_person_import_csv() reads it
 * @length: its length in bytes, or -1 if nul-terminated
 * @file_name: the file as the person named it, for messages
 * @people: (out) (transfer full) (element-type TandemPerson): the people
 *   the good lines name, in order, their details cleaned as they would be
 *   kept
 * @problems: (out) (transfer full) (element-type utf8): each bad line,
 *   as “line N: reason”
 * @error: return location for an error
 *
 * Reads a list of people without adding anyone, so that an import can be
 * shown before it is made: what tandem_person_import_csv() would add, and
 * every line it would refuse.
 *
 * Returns: %TRUE if the text could be read as a list (even with bad
 *   lines); %FALSE with @error naming @file_name if it could not
 */
gboolean
tandem_person_read_csv (const char  *text,
                        gssize       length,
                        const char  *file_name,
                        GPtrArray  **people,
                        GPtrArray  **problems,
                        GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_person_free);
  Importer importer = { { 0 }, 0, FALSE, rows, bad };

  g_return_val_if_fail (people != NULL && problems != NULL, FALSE);

  if (!read_list (text, length, file_name ? file_name : _("the list"), &importer, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (good, g_steal_pointer (&g_array_index (rows, ImportRow, i).person));
  *people = g_steal_pointer (&good);
  *problems = g_steal_pointer (&bad);
  return TRUE;
}

/**
 * tandem_person_import_clear:
 * @import: what an import did
 *
 * Frees what @import holds.
 */
void
tandem_person_import_clear (TandemPersonImport *import)
{
  g_clear_pointer (&import->already, g_ptr_array_unref);
  import->added = import->joined = 0;
}

/**
 * tandem_person_import_csv:
 * @project: a project
 * @team_id: the team the people join
 * @text: CSV (or tab-separated cells) with the columns name, role title,
 *   taking part as, organisation and contact, in that order, or in any
 *   order under a first row that names them
 * @length: its length in bytes, or -1 if nul-terminated
 * @file_name: the file as the person named it, for messages
 * @import: (out caller-allocates): what was done; clear it with
 *   tandem_person_import_clear()
 * @error: return location for an error
 *
 * Adds a list of people to a team, as one undoable change (“Import
 * people”). Someone the team already has (the same name, without regard to
 * case or accents) is left as they are and listed in @import; someone the
 * project has in another team, and only one person by that name, joins
 * this team rather than being added twice. If any line is bad, nothing is
 * added: the call fails with %TANDEM_PROJECT_ERROR_INVALID and a message
 * that names @file_name and lists every bad line with its reason.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_person_import_csv (TandemProject       *project,
                          const char          *team_id,
                          const char          *text,
                          gssize               length,
                          const char          *file_name,
                          TandemPersonImport  *import,
                          GError             **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) team_people = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GHashTable) in_team = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  Importer importer = { { 0 }, 0, FALSE, rows, problems };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  import->added = import->joined = 0;
  import->already = g_ptr_array_new_with_free_func (g_free);
  if (file_name == NULL)
    file_name = _("the list");

  if (!_tandem_person_team_exists (project, team_id, error) ||
      !read_list (text, length, file_name, &importer, error))
    return FALSE;
  if (problems->len > 0)
    {
      g_autofree char *lines = NULL;

      g_ptr_array_add (problems, NULL);
      lines = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Nobody was imported from %s: fix these lines and try again.\n%s"),
                   file_name, lines);
      return FALSE;
    }
  if (rows->len == 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Nobody was imported from %s: it names no one."), file_name);
      return FALSE;
    }

  if ((team_people = tandem_person_list (project, team_id, error)) == NULL ||
      (everyone = tandem_person_list (project, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < team_people->len; i++)
    g_hash_table_add (in_team, _tandem_person_fold (((TandemPerson *) team_people->pdata[i])->name));

  if (!tandem_change_begin (&change, project, _("Import people"), error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const ImportRow *row = &g_array_index (rows, ImportRow, i);
      const TandemPerson *p = row->person;
      g_autofree char *folded = _tandem_person_fold (p->name);
      const TandemPerson *elsewhere;
      g_autofree char *id = NULL;

      if (g_hash_table_contains (in_team, folded))
        {
          g_ptr_array_add (import->already, g_strdup_printf (_("line %u: %s"), row->line, p->name));
          continue;
        }
      if ((elsewhere = only_one_called (everyone, folded)) != NULL)
        {
          if (!_tandem_person_join_team (project, elsewhere->id, team_id, error))
            return FALSE;
          import->joined++;
        }
      else
        {
          id = _tandem_person_insert (project, team_id, p, error);
          if (id == NULL)
            return FALSE;
          import->added++;
        }
      g_hash_table_add (in_team, g_steal_pointer (&folded));
    }
  return tandem_change_commit (&change, error);
}
