/* tandem-programme.c — a programme: a folder (or a list) of teams' project
 * files, each opened read-only on its own connection and read in parallel;
 * refused files listed with their reason, copies of one project counted
 * once, the folder watched so that a changed file is read again alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of one team are read in tandem-programme-team.c, and written
 * out (words, JSON, Markdown) in tandem-programme-report.c.
 */

#define G_LOG_DOMAIN "Tandem-Programme"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-programme.h"
#include "tandem-project-private.h"
#include "tandem-team.h"

/* How long a file is left to settle after it changes (a save, a sync) before
 * it is read again. */
#define SETTLE_MS 250

struct _TandemProgramme
{
  GObject                parent_instance;

  char                  *from;
  char                  *to;
  GPtrArray             *files;      /* TandemProgrammeFile, by path */
  GPtrArray             *folders;    /* char *: the folders given */
  GPtrArray             *monitors;   /* GFileMonitor, one per folder */
  GHashTable            *settling;   /* path → GSource id */
  GCancellable          *cancellable;
  TandemProgrammeTotals  totals;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemProgramme, tandem_programme, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Reading one file                                                         */

static void
programme_file_free (TandemProgrammeFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->reason);
  g_free (file->identity);
  g_free (file->last_change);
  g_clear_pointer (&file->teams, g_ptr_array_unref);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemProgrammeFile, programme_file_free)

static TandemProgrammeFile *
programme_file_new (const char *path)
{
  TandemProgrammeFile *file = g_new0 (TandemProgrammeFile, 1);

  file->path = g_strdup (path);
  file->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_team_free);
  return file;
}

static void
refuse (TandemProgrammeFile *file,
        const GError        *error)
{
  file->state = TANDEM_PROGRAMME_FILE_REFUSED;
  g_free (file->reason);
  file->reason = g_strdup (error->message);
  g_ptr_array_set_size (file->teams, 0);
}

/* Opens @path read-only (an older format updated in memory, never in the
 * file) and reads every team's figures. Nothing read is kept unless the
 * file's structural check passes; a refused file keeps only its reason. */
static TandemProgrammeFile *
read_file (const char *path,
           const char *from,
           const char *to)
{
  g_autoptr(TandemProgrammeFile) file = programme_file_new (path);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(TandemStandardsTeams) standards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) damage = NULL;

  /* Checked here, before reading: this is already one of several threads. */
  project = _tandem_project_open_checked_for_reading (path, &error);
  if (project == NULL &&
      g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      project = tandem_project_open_in_memory (path, &error);
      file->older_format = project != NULL;
    }
  if (project == NULL)
    {
      refuse (file, error);
      return g_steal_pointer (&file);
    }

  file->identity = tandem_project_dup_identity (project, &file->last_change,
                                                &file->n_changes, &error);
  if (error == NULL)
    teams = tandem_team_list (project, &error);
  /* Every team's standards at once: two queries for the whole file. */
  if (error == NULL)
    standards = tandem_standards_teams (project, &error);
  for (guint i = 0; teams != NULL && i < teams->len && error == NULL; i++)
    {
      const TandemTeam *team = teams->pdata[i];
      TandemProgrammeTeam *figures = tandem_programme_team_read (project, team->id, from, to,
                                                                 &error);
      if (figures == NULL)
        continue;
      for (guint s = 0; standards != NULL && s < standards->teams->len; s++)
        {
          const TandemTeamStandards *column = standards->teams->pdata[s];

          if (g_str_equal (column->team_id, team->id))
            tandem_programme_team_set_standards (figures, standards->framework, column);
        }
      g_ptr_array_add (file->teams, figures);
    }

  /* A damaged file can fail a read before its check ends: the check's
   * verdict says more. */
  if (!tandem_project_confirm_intact (project, &damage))
    refuse (file, damage);
  else if (error != NULL)
    refuse (file, error);
  else
    file->state = TANDEM_PROGRAMME_FILE_READ;
  return g_steal_pointer (&file);
}

static gpointer
copy_team (gconstpointer src,
           gpointer      data)
{
  return tandem_programme_team_copy (src);
}

static TandemProgrammeFile *
programme_file_copy (const TandemProgrammeFile *file)
{
  TandemProgrammeFile *copy = g_memdup2 (file, sizeof *file);

  copy->path = g_strdup (file->path);
  copy->reason = g_strdup (file->reason);
  copy->identity = g_strdup (file->identity);
  copy->last_change = g_strdup (file->last_change);
  copy->teams = g_ptr_array_copy (file->teams, copy_team, NULL);
  g_ptr_array_set_free_func (copy->teams, (GDestroyNotify) tandem_programme_team_free);
  return copy;
}

/* The files this process has read, by path: what was read from each, the
 * version of the file it was read from and the days it was read for. A
 * file read again unchanged, for the same days, on the same day (the
 * figures look back from today when no last day is given), is not read
 * again: a programme opened a second time reads only the files that
 * changed. Bounded, as a programme may hold hundreds of files: when full it
 * starts again. */
#define MAX_REMEMBERED_FILES 4096

typedef struct
{
  GBytes              *version;
  char                *from;
  char                *to;
  char                *today;
  TandemProgrammeFile *file;
} Remembered;

static GMutex remembered_lock;
static GHashTable *remembered_files;

static void
remembered_free (Remembered *remembered)
{
  g_bytes_unref (remembered->version);
  g_free (remembered->from);
  g_free (remembered->to);
  g_free (remembered->today);
  programme_file_free (remembered->file);
  g_free (remembered);
}

static TandemProgrammeFile *
recall (const char *path,
        GBytes     *version,
        const char *from,
        const char *to,
        const char *today)
{
  TandemProgrammeFile *file = NULL;
  const Remembered *remembered;

  g_mutex_lock (&remembered_lock);
  remembered = remembered_files ? g_hash_table_lookup (remembered_files, path) : NULL;
  if (remembered != NULL && g_bytes_equal (remembered->version, version) &&
      g_str_equal (remembered->from, from) && g_str_equal (remembered->to, to) &&
      g_str_equal (remembered->today, today))
    file = programme_file_copy (remembered->file);
  g_mutex_unlock (&remembered_lock);
  if (file != NULL)
    file->reused = TRUE;
  return file;
}

/* Keeps what was read from @file, if it was read and nothing wrote to the
 * file while it was (@before and @after, its versions then, are the same);
 * otherwise forgets what was kept. */
static void
remember (const TandemProgrammeFile *file,
          GBytes                    *before,
          GBytes                    *after,
          const char                *from,
          const char                *to,
          const char                *today)
{
  Remembered *remembered = NULL;

  if (file->state == TANDEM_PROGRAMME_FILE_READ && before != NULL && after != NULL &&
      g_bytes_equal (before, after))
    {
      remembered = g_new0 (Remembered, 1);
      remembered->version = g_bytes_ref (before);
      remembered->from = g_strdup (from);
      remembered->to = g_strdup (to);
      remembered->today = g_strdup (today);
      remembered->file = programme_file_copy (file);
    }
  g_mutex_lock (&remembered_lock);
  if (remembered_files == NULL ||
      (remembered != NULL && g_hash_table_size (remembered_files) >= MAX_REMEMBERED_FILES))
    {
      g_clear_pointer (&remembered_files, g_hash_table_unref);
      remembered_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) remembered_free);
    }
  if (remembered != NULL)
    g_hash_table_insert (remembered_files, g_strdup (file->path), remembered);
  else
    g_hash_table_remove (remembered_files, file->path);
  g_mutex_unlock (&remembered_lock);
}

/* read_file(), or what was read from @path before if it is unchanged and
 * @from, @to and @today are the same. */
static TandemProgrammeFile *
read_or_recall (const char *path,
                const char *from,
                const char *to,
                const char *today)
{
  g_autoptr(GBytes) before = _tandem_project_dup_file_version (path);
  g_autoptr(GBytes) after = NULL;
  TandemProgrammeFile *file = NULL;

  if (before != NULL && (file = recall (path, before, from, to, today)) != NULL)
    return file;
  file = read_file (path, from, to);
  after = _tandem_project_dup_file_version (path);
  remember (file, before, after, from, to, today);
  return file;
}

typedef struct
{
  GPtrArray  *files;
  const char *from;
  const char *to;
  const char *today;
} ReadAll;

static void
read_job (gpointer data,
          gpointer user_data)
{
  ReadAll *all = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  TandemProgrammeFile *slot = all->files->pdata[index];
  TandemProgrammeFile *file = read_or_recall (slot->path, all->from, all->to, all->today);

  /* Each job writes its own slot only. */
  file->generation = slot->generation + 1;
  all->files->pdata[index] = file;
  programme_file_free (slot);
}

/* ------------------------------------------------------------------------ */
/* Copies of one project, and the totals                                    */

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const TandemProgrammeFile *x = *(TandemProgrammeFile * const *) a;
  const TandemProgrammeFile *y = *(TandemProgrammeFile * const *) b;

  return strcmp (x->path, y->path);
}

/* Whether copy @a was changed after copy @b: by the time of its last
 * change, then (a clock that did not move) by how many it records. */
static gboolean
changed_later (const TandemProgrammeFile *a,
               const TandemProgrammeFile *b)
{
  int order = g_strcmp0 (a->last_change, b->last_change);

  return order > 0 || (order == 0 && a->n_changes > b->n_changes);
}

/* Of the files that are copies of one project, the one changed last is
 * counted; the others are noted as copies of it. */
static void
mark_copies (TandemProgramme *self)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->files->len; i++)
    {
      TandemProgrammeFile *file = self->files->pdata[i];
      TandemProgrammeFile *other;

      if (file->state == TANDEM_PROGRAMME_FILE_REFUSED)
        continue;
      file->state = TANDEM_PROGRAMME_FILE_READ;
      g_clear_pointer (&file->reason, g_free);
      if (file->identity == NULL)
        continue;
      other = g_hash_table_lookup (kept, file->identity);
      if (other == NULL || changed_later (file, other))
        g_hash_table_insert (kept, file->identity, file);
    }

  for (guint i = 0; i < self->files->len; i++)
    {
      TandemProgrammeFile *file = self->files->pdata[i];
      TandemProgrammeFile *counted;
      g_autofree char *name = NULL;

      if (file->state != TANDEM_PROGRAMME_FILE_READ || file->identity == NULL)
        continue;
      counted = g_hash_table_lookup (kept, file->identity);
      if (counted == file)
        continue;
      name = g_filename_display_basename (counted->path);
      file->state = TANDEM_PROGRAMME_FILE_DUPLICATE;
      file->reason = g_strdup_printf (_("A copy of the same project as “%s”: counted once, "
                                        "from that file, the copy with the latest changes. If "
                                        "both copies were edited, merge them."), name);
    }
}

static void
totals_clear (TandemProgrammeTotals *totals)
{
  g_clear_pointer (&totals->tag_names, g_ptr_array_unref);
  g_clear_pointer (&totals->tag_counts, g_array_unref);
  g_clear_pointer (&totals->quarters, g_array_unref);
  memset (totals, 0, sizeof *totals);
}

static void
add_tag (TandemProgrammeTotals *totals,
         const char            *name,
         guint                  count)
{
  for (guint i = 0; i < totals->tag_names->len; i++)
    if (g_str_equal (totals->tag_names->pdata[i], name))
      {
        g_array_index (totals->tag_counts, guint, i) += count;
        return;
      }
  g_ptr_array_add (totals->tag_names, g_strdup (name));
  g_array_append_val (totals->tag_counts, count);
}

static void
add_team (TandemProgrammeTotals     *totals,
          const TandemProgrammeTeam *team)
{
  totals->n_teams++;
  totals->n_ideas += team->n_ideas;
  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    totals->statuses[i] += team->statuses[i];
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    totals->levels[i] += team->levels[i];
  totals->n_tagged += team->n_tagged;
  for (guint i = 0; i < team->tag_names->len; i++)
    add_tag (totals, team->tag_names->pdata[i], g_array_index (team->tag_counts, guint, i));
  totals->n_race_ideas += team->n_race_ideas;

  totals->n_pdsa_recent += team->n_pdsa_recent;
  totals->n_sessions_recent += team->n_sessions_recent;
  totals->n_sessions_recent_le += team->n_sessions_recent_le;
  if (team->days_since_session < 0 || team->days_since_session > TANDEM_PROGRAMME_UNSEEN_DAYS)
    totals->n_teams_unseen++;
  totals->n_open_actions += team->n_open_actions;
  totals->n_overdue_actions += team->n_overdue_actions;

  totals->n_measures += team->n_measures;
  totals->n_measures_improving += team->n_measures_improving;
  totals->n_measures_no_signal += team->n_measures_no_signal;
  totals->n_measures_without_data += team->measures_without_data->len;

  totals->framework_applicable += team->framework_applicable;
  totals->framework_in_place += team->framework_in_place;
  totals->peer_roles += team->peer_roles;
  totals->peer_vacancies += team->peer_vacancies;
  totals->supervision_behind += team->supervision_behind;
  totals->supervision_records += team->supervision_records;
  for (guint y = 0; y < 3; y++)
    {
      totals->retention[y].years = team->retention[y].years;
      totals->retention[y].benchmark = team->retention[y].benchmark;
      totals->retention[y].eligible += team->retention[y].eligible;
      totals->retention[y].retained += team->retention[y].retained;
    }

  if (team->standards != NULL)
    {
      totals->n_teams_with_standards++;
      if (team->standards->counts && team->standards->level >= 0 &&
          team->standards->level < TANDEM_N_STANDARD_LEVELS)
        totals->n_teams_at_level[team->standards->level]++;
    }

  for (guint q = 0; q < totals->quarters->len && q < team->quarters->len; q++)
    {
      TandemProgrammeQuarter *sum = &g_array_index (totals->quarters, TandemProgrammeQuarter, q);
      const TandemProgrammeQuarter *one = &g_array_index (team->quarters, TandemProgrammeQuarter, q);

      sum->new_ideas += one->new_ideas;
      sum->new_race_ideas += one->new_race_ideas;
      sum->pdsa_started += one->pdsa_started;
      sum->sessions += one->sessions;
      sum->sessions_with_lived_experience += one->sessions_with_lived_experience;
    }
}

static void
update_totals (TandemProgramme *self)
{
  TandemProgrammeTotals *totals = &self->totals;

  mark_copies (self);
  totals_clear (totals);
  totals->tag_names = g_ptr_array_new_with_free_func (g_free);
  totals->tag_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  totals->quarters = tandem_programme_quarters_new (self->from, self->to);
  /* Race equity first, whether or not any team has used it. */
  add_tag (totals, tandem_programme_race_tag_name (), 0);

  totals->n_files = self->files->len;
  for (guint i = 0; i < self->files->len; i++)
    {
      const TandemProgrammeFile *file = self->files->pdata[i];

      switch (file->state)
        {
        case TANDEM_PROGRAMME_FILE_REFUSED:
          totals->n_refused++;
          continue;
        case TANDEM_PROGRAMME_FILE_DUPLICATE:
          totals->n_duplicates++;
          continue;
        case TANDEM_PROGRAMME_FILE_READ:
        default:
          totals->n_read++;
          break;
        }
      for (guint t = 0; t < file->teams->len; t++)
        add_team (totals, file->teams->pdata[t]);
    }
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
tandem_programme_dispose (GObject *object)
{
  TandemProgramme *self = TANDEM_PROGRAMME (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  if (self->settling != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->settling);
      while (g_hash_table_iter_next (&iter, NULL, &id))
        g_source_remove (GPOINTER_TO_UINT (id));
      g_clear_pointer (&self->settling, g_hash_table_unref);
    }
  G_OBJECT_CLASS (tandem_programme_parent_class)->dispose (object);
}

static void
tandem_programme_finalize (GObject *object)
{
  TandemProgramme *self = TANDEM_PROGRAMME (object);

  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  totals_clear (&self->totals);
  G_OBJECT_CLASS (tandem_programme_parent_class)->finalize (object);
}

static void
tandem_programme_class_init (TandemProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_programme_dispose;
  object_class->finalize = tandem_programme_finalize;

  /**
   * TandemProgramme::changed:
   * @self: the programme
   * @path: the file that was read again (or added, or is gone)
   *
   * Emitted when a watched folder's file has changed and has been read
   * again: the files and totals are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tandem_programme_init (TandemProgramme *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) programme_file_free);
  self->folders = g_ptr_array_new_with_free_func (g_free);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->settling = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

static gboolean
is_day (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
is_project_name (const char *name)
{
  return name[0] != '.' && g_str_has_suffix (name, ".tandem");
}

static gboolean
add_folder (TandemProgramme  *self,
            const char       *folder,
            GHashTable       *seen,
            GError          **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  g_ptr_array_add (self->folders, g_strdup (folder));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_project_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_hash_table_add (seen, g_strdup (path)))
        g_ptr_array_add (self->files, programme_file_new (path));
    }
  return TRUE;
}

static void
read_files (TandemProgramme *self)
{
  g_autofree char *today = tandem_clock_dup_today ();
  ReadAll all = { self->files, self->from, self->to, today };
  guint n_threads = MAX (1, MIN ((guint) g_get_num_processors (), self->files->len));
  GThreadPool *pool;

  if (self->files->len == 0)
    return;
  pool = g_thread_pool_new (read_job, &all, (int) n_threads, TRUE, NULL);
  for (guint i = 0; i < self->files->len; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/**
 * tandem_programme_open:
 * @paths: (array zero-terminated=1): project files and folders of them
 * @from: (nullable): the first day the report covers, YYYY-MM-DD; %NULL for
 *   a year before @to
 * @to: (nullable): the last day, which the figures are as of; %NULL for
 *   today (tandem_clock_dup_today())
 * @error: return location for an error
 *
 * Opens a programme: every file named, and every project file (“*.tandem”)
 * in every folder named, each read-only on its own connection, several at
 * once. A file Tandem refuses (damaged, not a project, from a newer
 * version) is listed with its reason and never stops the others; a file in
 * an older format is updated in memory, never on disk. Files that are
 * copies of one project are counted once, from the copy changed last.
 *
 * Returns: (transfer full) (nullable): the programme, or %NULL with @error
 *   set if a folder could not be read or the dates are not dates
 */
TandemProgramme *
tandem_programme_open (const char * const  *paths,
                       const char          *from,
                       const char          *to,
                       GError             **error)
{
  g_autoptr(TandemProgramme) self = g_object_new (TANDEM_TYPE_PROGRAMME, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate day;

  g_return_val_if_fail (paths != NULL, NULL);

  self->to = to ? g_strdup (to) : tandem_clock_dup_today ();
  g_date_clear (&day, 1);
  if (from == NULL)
    {
      int y, m, d;

      if (sscanf (self->to, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_date_set_dmy (&day, d, m, y);
          g_date_subtract_years (&day, 1);
          g_date_add_days (&day, 1);
          self->from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                        g_date_get_month (&day), g_date_get_day (&day));
        }
    }
  else
    self->from = g_strdup (from);
  if (!is_day (self->from) || !is_day (self->to) || strcmp (self->from, self->to) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The report’s dates must be days written as YYYY-MM-DD, the first no "
                     "later than the last (from “%s” to “%s”)."),
                   from ? from : "", self->to);
      return NULL;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_canonicalize_filename (paths[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!add_folder (self, path, seen, error))
            return NULL;
        }
      else if (g_hash_table_add (seen, g_strdup (path)))
        g_ptr_array_add (self->files, programme_file_new (path));
    }
  g_ptr_array_sort (self->files, compare_files);
  read_files (self);
  update_totals (self);
  return g_steal_pointer (&self);
}

const char *
tandem_programme_get_from (TandemProgramme *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  return self->from;
}

const char *
tandem_programme_get_to (TandemProgramme *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  return self->to;
}

/**
 * tandem_programme_get_files:
 * @self: a programme
 *
 * Returns: (transfer none) (element-type TandemProgrammeFile): its files,
 *   by path
 */
GPtrArray *
tandem_programme_get_files (TandemProgramme *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  return self->files;
}

/**
 * tandem_programme_get_totals:
 * @self: a programme
 *
 * Returns: (transfer none): the programme's figures, summed over the teams
 *   of every file read (copies counted once)
 */
const TandemProgrammeTotals *
tandem_programme_get_totals (TandemProgramme *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  return &self->totals;
}

static gint
find_file (TandemProgramme *self,
           const char      *path)
{
  for (guint i = 0; i < self->files->len; i++)
    if (g_str_equal (((TandemProgrammeFile *) self->files->pdata[i])->path, path))
      return (gint) i;
  return -1;
}

/* Puts a file read again (or NULL: gone) in the place of @path's. */
static void
replace_file (TandemProgramme     *self,
              const char          *path,
              TandemProgrammeFile *file)
{
  gint index = find_file (self, path);

  if (index >= 0 && file != NULL)
    {
      TandemProgrammeFile *old = self->files->pdata[index];

      file->generation = old->generation + 1;
      self->files->pdata[index] = file;
      programme_file_free (old);
    }
  else if (index >= 0)
    g_ptr_array_remove_index (self->files, index);
  else if (file != NULL)
    {
      file->generation = 1;
      g_ptr_array_add (self->files, file);
      g_ptr_array_sort (self->files, compare_files);
    }
  update_totals (self);
}

/**
 * tandem_programme_reread:
 * @self: a programme
 * @path: one of its files, a file added to one of its folders, or one gone
 *
 * Reads @path again, alone, and brings the totals up to date; a file that
 * is gone leaves the programme.
 *
 * Returns: %TRUE if the programme changed (the file was, or is now, one of it)
 */
gboolean
tandem_programme_reread (TandemProgramme *self,
                         const char      *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canonical = g_canonicalize_filename (path, NULL);
  if (!g_file_test (canonical, G_FILE_TEST_EXISTS))
    {
      if (find_file (self, canonical) < 0)
        return FALSE;
      replace_file (self, canonical, NULL);
      return TRUE;
    }
  today = tandem_clock_dup_today ();
  replace_file (self, canonical, read_or_recall (canonical, self->from, self->to, today));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Watching the folders                                                     */

typedef struct
{
  char *path;
  char *from;
  char *to;
  char *today;
} Reread;

static void
reread_free (Reread *reread)
{
  g_free (reread->path);
  g_free (reread->from);
  g_free (reread->to);
  g_free (reread->today);
  g_free (reread);
}

static void
reread_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Reread *reread = task_data;

  if (!g_file_test (reread->path, G_FILE_TEST_EXISTS))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, read_or_recall (reread->path, reread->from, reread->to,
                                                 reread->today),
                           (GDestroyNotify) programme_file_free);
}

static void
reread_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TandemProgramme *self = TANDEM_PROGRAMME (source);
  Reread *reread = g_task_get_task_data (G_TASK (result));
  TandemProgrammeFile *file = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      programme_file_free (file);
      return;
    }
  if (file == NULL && find_file (self, reread->path) < 0)
    return;
  replace_file (self, reread->path, file);
  g_signal_emit (self, signals[CHANGED], 0, reread->path);
}

/* A file waiting to settle: the programme does not hold itself alive for it
 * (dispose removes the wait). */
typedef struct
{
  TandemProgramme *self;
  char            *path;
} Settling;

static void
settling_free (Settling *settling)
{
  g_free (settling->path);
  g_free (settling);
}

static gboolean
settled_cb (gpointer data)
{
  Settling *settling = data;
  TandemProgramme *self = settling->self;
  g_autoptr(GTask) task = NULL;
  Reread *reread;

  reread = g_new0 (Reread, 1);
  reread->path = g_strdup (settling->path);
  reread->from = g_strdup (self->from);
  reread->to = g_strdup (self->to);
  reread->today = tandem_clock_dup_today ();
  task = g_task_new (self, self->cancellable, reread_cb, NULL);
  g_task_set_task_data (task, reread, (GDestroyNotify) reread_free);
  g_task_run_in_thread (task, reread_thread);
  g_hash_table_remove (self->settling, settling->path);
  return G_SOURCE_REMOVE;
}

static void
schedule_reread (TandemProgramme *self,
                 GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  Settling *settling;
  gpointer pending;
  guint id;

  if (path == NULL || name == NULL || !is_project_name (name))
    return;
  if (g_hash_table_lookup_extended (self->settling, path, NULL, &pending))
    g_source_remove (GPOINTER_TO_UINT (pending));

  settling = g_new0 (Settling, 1);
  settling->self = self;
  settling->path = g_strdup (path);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, SETTLE_MS, settled_cb, settling,
                           (GDestroyNotify) settling_free);
  g_hash_table_insert (self->settling, g_steal_pointer (&path), GUINT_TO_POINTER (id));
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  TandemProgramme *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      schedule_reread (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      schedule_reread (self, file);
      if (other != NULL)
        schedule_reread (self, other);
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/**
 * tandem_programme_watch:
 * @self: a programme
 * @error: return location for an error
 *
 * Watches the folders the programme was opened with (files named one by one
 * are not watched): a project file that changes there (saved, synced by the
 * trust's file sharing), appears or goes is read again alone, on another
 * thread, once it has settled; then #TandemProgramme::changed is emitted in
 * the thread-default main context of the caller.
 *
 * Returns: %TRUE if every folder is watched
 */
gboolean
tandem_programme_watch (TandemProgramme  *self,
                        GError          **error)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), FALSE);

  if (self->monitors->len > 0)
    return TRUE;
  for (guint i = 0; i < self->folders->len; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (self->folders->pdata[i]);
      GFileMonitor *monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES,
                                                        NULL, error);

      if (monitor == NULL)
        {
          g_ptr_array_set_size (self->monitors, 0);
          return FALSE;
        }
      g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed_cb), self, 0);
      g_ptr_array_add (self->monitors, monitor);
    }
  return TRUE;
}
