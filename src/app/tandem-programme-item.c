/* tandem-programme-item.c — one team of a programme, as a row of its table:
 * each figure a property the table's columns sort by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-programme-item.h"
#include "tandem-project.h"

struct _TandemProgrammeItem
{
  GObject  parent_instance;

  char    *path;
  char    *file;
  char    *team_id;
  char    *team;
  char    *organisation;
  char    *service_type;
  guint    ideas;
  guint    race_ideas;
  guint    coproduced_ideas;
  guint    pdsa_recent;
  guint    sessions_recent;
  guint    sessions_recent_le;
  int      days_since_session;
  guint    open_actions;
  guint    overdue_actions;
  guint    measures;
  guint    measures_improving;
  guint    framework_applicable;
  guint    framework_in_place;
  guint    measures_without_data;
  GPtrArray *measure_links;      /* TandemProgrammeMeasureLink, by position */
  TandemProgrammeStandards *standards; /* NULL: no self-assessment round */

  /* The key measure's chart, read from the file when first shown. */
  TandemChart  *chart;
  char         *chart_problem;
  gboolean      chart_loading;
};

/* One property per column, in the columns' order. */
enum
{
  PROP_0,
  PROP_TEAM,
  PROP_FILE,
  PROP_IDEAS,
  PROP_RACE_SHARE,
  PROP_COPRODUCTION_SHARE,
  PROP_PDSA_RECENT,
  PROP_SESSIONS_RECENT,
  PROP_OVERDUE_ACTIONS,
  PROP_LIVED_EXPERIENCE_SHARE,
  PROP_MEASURES_IMPROVING,
  PROP_PEER_SUPPORT_PROGRESS,
  PROP_STANDARDS_LEVEL,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemProgrammeItem, tandem_programme_item, G_TYPE_OBJECT)

/* A share as a fraction, or -1 where there is nothing to share (sorted
 * below every team that has a figure). */
static double
share (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : -1.0;
}

static char *
format_share (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup (C_("no figure", "—"));
  return g_strdup_printf ("%.1f%%", 100.0 * part / whole);
}

/* The level as a number to sort by: Gold highest, a round that does not
 * count just below the same level in one that does, “No level yet” below
 * Bronze, and a team with no round last. */
static double
standards_rank (TandemProgrammeItem *self)
{
  if (self->standards == NULL)
    return -2.0;
  return self->standards->level + (self->standards->counts ? 0.5 : 0.0);
}

static void
tandem_programme_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemProgrammeItem *self = TANDEM_PROGRAMME_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEAM: g_value_set_string (value, self->team); break;
    case PROP_FILE: g_value_set_string (value, self->file); break;
    case PROP_IDEAS: g_value_set_uint (value, self->ideas); break;
    case PROP_RACE_SHARE: g_value_set_double (value, share (self->race_ideas, self->ideas)); break;
    case PROP_COPRODUCTION_SHARE:
      g_value_set_double (value, share (self->coproduced_ideas, self->ideas));
      break;
    case PROP_PDSA_RECENT: g_value_set_uint (value, self->pdsa_recent); break;
    case PROP_SESSIONS_RECENT: g_value_set_uint (value, self->sessions_recent); break;
    case PROP_OVERDUE_ACTIONS: g_value_set_uint (value, self->overdue_actions); break;
    case PROP_LIVED_EXPERIENCE_SHARE:
      g_value_set_double (value, share (self->sessions_recent_le, self->sessions_recent));
      break;
    case PROP_MEASURES_IMPROVING: g_value_set_uint (value, self->measures_improving); break;
    case PROP_PEER_SUPPORT_PROGRESS:
      g_value_set_double (value, share (self->framework_in_place, self->framework_applicable));
      break;
    case PROP_STANDARDS_LEVEL: g_value_set_double (value, standards_rank (self)); break;
    case PROP_CHART: g_value_set_pointer (value, self->chart); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_programme_item_finalize (GObject *object)
{
  TandemProgrammeItem *self = TANDEM_PROGRAMME_ITEM (object);

  g_free (self->path);
  g_free (self->file);
  g_free (self->team_id);
  g_free (self->team);
  g_free (self->organisation);
  g_free (self->service_type);
  g_clear_pointer (&self->measure_links, g_ptr_array_unref);
  g_clear_pointer (&self->standards, tandem_programme_standards_free);
  g_clear_pointer (&self->chart, tandem_chart_free);
  g_free (self->chart_problem);
  G_OBJECT_CLASS (tandem_programme_item_parent_class)->finalize (object);
}

static void
tandem_programme_item_class_init (TandemProgrammeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = tandem_programme_item_get_property;
  object_class->finalize = tandem_programme_item_finalize;

  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_IDEAS] = g_param_spec_uint ("ideas", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RACE_SHARE] = g_param_spec_double ("race-share", NULL, NULL,
                                                     -1.0, 1.0, -1.0, flags);
  properties[PROP_COPRODUCTION_SHARE] = g_param_spec_double ("coproduction-share", NULL, NULL,
                                                             -1.0, 1.0, -1.0, flags);
  properties[PROP_PDSA_RECENT] = g_param_spec_uint ("pdsa-recent", NULL, NULL,
                                                    0, G_MAXUINT, 0, flags);
  properties[PROP_SESSIONS_RECENT] = g_param_spec_uint ("sessions-recent", NULL, NULL,
                                                        0, G_MAXUINT, 0, flags);
  properties[PROP_OVERDUE_ACTIONS] = g_param_spec_uint ("overdue-actions", NULL, NULL,
                                                        0, G_MAXUINT, 0, flags);
  properties[PROP_LIVED_EXPERIENCE_SHARE] = g_param_spec_double ("lived-experience-share",
                                                                 NULL, NULL,
                                                                 -1.0, 1.0, -1.0, flags);
  properties[PROP_MEASURES_IMPROVING] = g_param_spec_uint ("measures-improving", NULL, NULL,
                                                           0, G_MAXUINT, 0, flags);
  properties[PROP_PEER_SUPPORT_PROGRESS] = g_param_spec_double ("peer-support-progress",
                                                                NULL, NULL,
                                                                -1.0, 1.0, -1.0, flags);
  properties[PROP_STANDARDS_LEVEL] = g_param_spec_double ("standards-level", NULL, NULL,
                                                          -2.0, 3.0, -2.0, flags);
  /* The key measure's chart (a TandemChart), once read; notified then. */
  properties[PROP_CHART] = g_param_spec_pointer ("chart", NULL, NULL,
                                                 flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_programme_item_init (TandemProgrammeItem *self)
{
}

/**
 * tandem_programme_item_new:
 * @team: a team's figures, read from its file
 *
 * Returns: (transfer full): the team as a row of the programme's table
 */
TandemProgrammeItem *
tandem_programme_item_new (const TandemProgrammeTeam *team)
{
  TandemProgrammeItem *self = g_object_new (TANDEM_TYPE_PROGRAMME_ITEM, NULL);

  self->path = g_strdup (team->file);
  self->file = g_path_get_basename (team->file);
  self->team_id = g_strdup (team->team_id);
  self->team = g_strdup (team->name);
  self->organisation = g_strdup (team->organisation);
  self->service_type = g_strdup (team->service_type);
  self->ideas = team->n_ideas;
  self->race_ideas = team->n_race_ideas;
  self->coproduced_ideas = team->levels[TANDEM_COPRODUCTION_COPRODUCTION] +
                           team->levels[TANDEM_COPRODUCTION_CODESIGN];
  self->pdsa_recent = team->n_pdsa_recent;
  self->sessions_recent = team->n_sessions_recent;
  self->sessions_recent_le = team->n_sessions_recent_le;
  self->days_since_session = team->days_since_session;
  self->open_actions = team->n_open_actions;
  self->overdue_actions = team->n_overdue_actions;
  self->measures = team->n_measures;
  self->measures_improving = team->n_measures_improving;
  self->framework_applicable = team->framework_applicable;
  self->framework_in_place = team->framework_in_place;
  self->measures_without_data = team->measures_without_data->len;
  self->measure_links =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_measure_link_free);
  for (guint i = 0; i < team->measure_links->len; i++)
    {
      const TandemProgrammeMeasureLink *from = team->measure_links->pdata[i];
      TandemProgrammeMeasureLink *link = g_new0 (TandemProgrammeMeasureLink, 1);

      link->id = g_strdup (from->id);
      link->name = g_strdup (from->name);
      link->state = from->state;
      g_ptr_array_add (self->measure_links, link);
    }
  self->standards = tandem_programme_standards_copy (team->standards);
  return self;
}

const char *
tandem_programme_item_get_path (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->path;
}

const char *
tandem_programme_item_get_team_id (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->team_id;
}

const char *
tandem_programme_item_get_team_name (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->team;
}

/* The property @column sorts by. */
const char *
tandem_programme_column_property (TandemProgrammeColumn column)
{
  static const char * const names[TANDEM_PROGRAMME_N_COLUMNS] = {
    "team", "file", "ideas", "race-share", "coproduction-share", "pdsa-recent",
    "sessions-recent", "overdue-actions", "lived-experience-share", "measures-improving",
    "peer-support-progress", "standards-level",
  };

  g_return_val_if_fail (column < TANDEM_PROGRAMME_N_COLUMNS, NULL);
  return names[column];
}

const char *
tandem_programme_column_title (TandemProgrammeColumn column)
{
  switch (column)
    {
    case TANDEM_PROGRAMME_COLUMN_TEAM: return _("Team");
    case TANDEM_PROGRAMME_COLUMN_FILE: return _("File");
    case TANDEM_PROGRAMME_COLUMN_IDEAS: return _("Change ideas");
    case TANDEM_PROGRAMME_COLUMN_RACE_SHARE: return _("Race equity");
    case TANDEM_PROGRAMME_COLUMN_COPRODUCTION_SHARE: return _("Co-produced");
    case TANDEM_PROGRAMME_COLUMN_PDSA_RECENT: return _("PDSA, 90 days");
    case TANDEM_PROGRAMME_COLUMN_SESSIONS_RECENT: return _("Sessions, 90 days");
    case TANDEM_PROGRAMME_COLUMN_ACTIONS: return _("Actions open / overdue");
    case TANDEM_PROGRAMME_COLUMN_LIVED_EXPERIENCE_SHARE: return _("Lived experience");
    case TANDEM_PROGRAMME_COLUMN_MEASURES_IMPROVING: return _("Measures improving");
    case TANDEM_PROGRAMME_COLUMN_PEER_SUPPORT_PROGRESS: return _("Peer-support framework");
    case TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL: return _("Standards level");
    case TANDEM_PROGRAMME_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tandem_programme_column_is_number (TandemProgrammeColumn column)
{
  return column != TANDEM_PROGRAMME_COLUMN_TEAM && column != TANDEM_PROGRAMME_COLUMN_FILE &&
         column != TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL;
}

/* Whether @column's property is a number: the figures, and the Standards
 * level (shown in words, sorted by rank). */
gboolean
tandem_programme_column_sorts_by_number (TandemProgrammeColumn column)
{
  return tandem_programme_column_is_number (column) ||
         column == TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL;
}

/**
 * tandem_programme_item_dup_text:
 * @self: a team's row
 * @column: one of the table's columns
 *
 * Returns: (transfer full): the figure as the table shows it
 */
char *
tandem_programme_item_dup_text (TandemProgrammeItem   *self,
                                TandemProgrammeColumn  column)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);

  switch (column)
    {
    case TANDEM_PROGRAMME_COLUMN_TEAM: return g_strdup (self->team);
    case TANDEM_PROGRAMME_COLUMN_FILE: return g_strdup (self->file);
    case TANDEM_PROGRAMME_COLUMN_IDEAS: return g_strdup_printf ("%u", self->ideas);
    case TANDEM_PROGRAMME_COLUMN_RACE_SHARE: return format_share (self->race_ideas, self->ideas);
    case TANDEM_PROGRAMME_COLUMN_COPRODUCTION_SHARE:
      return format_share (self->coproduced_ideas, self->ideas);
    case TANDEM_PROGRAMME_COLUMN_PDSA_RECENT: return g_strdup_printf ("%u", self->pdsa_recent);
    case TANDEM_PROGRAMME_COLUMN_SESSIONS_RECENT:
      if (self->days_since_session < 0)
        return g_strdup (_("none ever"));
      return g_strdup_printf ("%u", self->sessions_recent);
    case TANDEM_PROGRAMME_COLUMN_ACTIONS:
      return g_strdup_printf ("%u / %u", self->open_actions, self->overdue_actions);
    case TANDEM_PROGRAMME_COLUMN_LIVED_EXPERIENCE_SHARE:
      return format_share (self->sessions_recent_le, self->sessions_recent);
    case TANDEM_PROGRAMME_COLUMN_MEASURES_IMPROVING:
      /* TRANSLATORS: measures improving of the team's measures, as “2 of 5” */
      return g_strdup_printf (_("%u of %u"), self->measures_improving, self->measures);
    case TANDEM_PROGRAMME_COLUMN_PEER_SUPPORT_PROGRESS:
      if (self->framework_applicable == 0)
        return g_strdup (C_("no figure", "—"));
      /* TRANSLATORS: framework items in place of those that apply, as “4 of 10” */
      return g_strdup_printf (_("%u of %u"), self->framework_in_place,
                              self->framework_applicable);
    case TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL:
      /* Nothing for a team without a self-assessment round. */
      if (self->standards == NULL)
        return g_strdup ("");
      if (!self->standards->counts)
        /* TRANSLATORS: a Standards level from a round under 75% of the staff */
        return g_strdup_printf (_("%s (does not count)"),
                                tandem_programme_level_word (self->standards));
      return g_strdup (tandem_programme_level_word (self->standards));
    case TANDEM_PROGRAMME_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
folded_contains (const char *text,
                 const char *folded)
{
  g_autofree char *folded_text = NULL;

  if (text == NULL)
    return FALSE;
  folded_text = g_utf8_casefold (text, -1);
  return strstr (folded_text, folded) != NULL;
}

/**
 * tandem_programme_item_matches:
 * @self: a team's row
 * @folded: what was searched for, folded with g_utf8_casefold()
 *
 * Returns: whether the team's name, organisation, service, file name or
 *   Standards level holds @folded (every team holds "")
 */
gboolean
tandem_programme_item_matches (TandemProgrammeItem *self,
                               const char          *folded)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  return *folded == '\0' ||
         folded_contains (self->team, folded) ||
         folded_contains (self->organisation, folded) ||
         folded_contains (self->service_type, folded) ||
         folded_contains (self->file, folded) ||
         folded_contains (tandem_programme_level_word (self->standards), folded);
}

static gboolean
unseen (TandemProgrammeItem *self)
{
  return self->days_since_session < 0 || self->days_since_session > TANDEM_PROGRAMME_UNSEEN_DAYS;
}

static gboolean
without_data (TandemProgrammeItem *self)
{
  return self->measures == 0 || self->measures_without_data > 0;
}

/**
 * tandem_programme_item_needs_attention:
 * @self: a team's row
 *
 * Returns: whether the team has had no coaching session in the last 60
 *   days, has overdue actions, or has a measure without data in the last
 *   12 weeks (or no measures at all)
 */
gboolean
tandem_programme_item_needs_attention (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), FALSE);
  return unseen (self) || self->overdue_actions > 0 || without_data (self);
}

/**
 * tandem_programme_item_dup_attention:
 * @self: a team's row
 *
 * Returns: (transfer full) (nullable): why the team needs attention, as
 *   “No session in 60 days · 2 overdue actions”, or %NULL if it does not
 */
char *
tandem_programme_item_dup_attention (TandemProgrammeItem *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);

  if (self->days_since_session < 0)
    g_string_append (text, _("No coaching session yet"));
  else if (unseen (self))
    g_string_append_printf (text, _("No session in %u days"), TANDEM_PROGRAMME_UNSEEN_DAYS);
  if (self->overdue_actions > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u overdue action", "%u overdue actions",
                                              self->overdue_actions), self->overdue_actions);
    }
  if (without_data (self))
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      if (self->measures == 0)
        g_string_append (text, _("No measures"));
      else
        g_string_append_printf (text, ngettext ("%u measure without data in 12 weeks",
                                                "%u measures without data in 12 weeks",
                                                self->measures_without_data),
                                self->measures_without_data);
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tandem_programme_item_get_measure_links:
 * @self: a team's row
 *
 * Returns: (transfer none) (element-type TandemProgrammeMeasureLink): the
 *   team's measures by position, each with where it stands; the first is
 *   its key measure
 */
GPtrArray *
tandem_programme_item_get_measure_links (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->measure_links;
}

/**
 * tandem_programme_item_get_standards:
 * @self: a team's row
 *
 * Returns: (nullable): the team's Standards level and heatmap row, %NULL
 *   if it has no self-assessment round
 */
const TandemProgrammeStandards *
tandem_programme_item_get_standards (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->standards;
}

/**
 * tandem_programme_column_page:
 * @column: one of the table's columns
 *
 * Returns: (nullable): the page of the team's window where the figure in
 *   @column is made, or %NULL for the team's name and file
 */
const char *
tandem_programme_column_page (TandemProgrammeColumn column)
{
  switch (column)
    {
    case TANDEM_PROGRAMME_COLUMN_IDEAS:
    case TANDEM_PROGRAMME_COLUMN_RACE_SHARE:
    case TANDEM_PROGRAMME_COLUMN_COPRODUCTION_SHARE:
    case TANDEM_PROGRAMME_COLUMN_PDSA_RECENT:
      return "diagram";
    case TANDEM_PROGRAMME_COLUMN_SESSIONS_RECENT:
    case TANDEM_PROGRAMME_COLUMN_ACTIONS:
    case TANDEM_PROGRAMME_COLUMN_LIVED_EXPERIENCE_SHARE:
      return "coaching";
    case TANDEM_PROGRAMME_COLUMN_MEASURES_IMPROVING:
      return "measures";
    case TANDEM_PROGRAMME_COLUMN_PEER_SUPPORT_PROGRESS:
      return "peer-support";
    case TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL:
      return "standards";
    case TANDEM_PROGRAMME_COLUMN_TEAM:
    case TANDEM_PROGRAMME_COLUMN_FILE:
    case TANDEM_PROGRAMME_N_COLUMNS:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------------ */
/* The key measure's chart                                                  */

static void
chart_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TandemProgrammeItem *self = source;
  const TandemProgrammeMeasureLink *key = self->measure_links->pdata[0];
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  TandemMeasure *measure = NULL;

  /* Read-only, as the programme read it: a file from an older format is
   * updated in memory, never on the shared drive. */
  project = tandem_project_open_for_reading (self->path, &error);
  if (project == NULL &&
      g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      project = tandem_project_open_in_memory (self->path, &error);
    }
  if (project != NULL)
    measure = tandem_measure_load (project, key->id, &error);
  /* Nothing made from a file is shown unless its check passes. */
  if (measure != NULL && !tandem_project_confirm_intact (project, &error))
    g_clear_pointer (&measure, tandem_measure_unref);
  if (measure == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, tandem_chart_new (measure), (GDestroyNotify) tandem_chart_free);
  tandem_measure_unref (measure);
}

static void
chart_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TandemProgrammeItem *self = TANDEM_PROGRAMME_ITEM (source);
  g_autoptr(GError) error = NULL;

  self->chart_loading = FALSE;
  self->chart = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->chart == NULL)
    self->chart_problem = g_strdup (error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * tandem_programme_item_load_chart:
 * @self: a team's row
 *
 * Reads the team's key measure (its first) from its file on another
 * thread, once, for a chart drawn small; #TandemProgrammeItem:chart is
 * notified when it has been read, or could not be. A team without measures
 * has no chart and nothing is read.
 */
void
tandem_programme_item_load_chart (TandemProgrammeItem *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TANDEM_IS_PROGRAMME_ITEM (self));

  if (self->chart || self->chart_problem || self->chart_loading || self->measure_links->len == 0)
    return;
  self->chart_loading = TRUE;
  task = g_task_new (self, NULL, chart_done_cb, NULL);
  g_task_run_in_thread (task, chart_thread);
}

/**
 * tandem_programme_item_get_chart:
 * @self: a team's row
 *
 * Returns: (transfer none) (nullable): the key measure's chart, once read
 */
TandemChart *
tandem_programme_item_get_chart (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->chart;
}

/**
 * tandem_programme_item_get_chart_problem:
 * @self: a team's row
 *
 * Returns: (nullable): why the key measure could not be read, if it could not
 */
const char *
tandem_programme_item_get_chart_problem (TandemProgrammeItem *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_ITEM (self), NULL);
  return self->chart_problem;
}
