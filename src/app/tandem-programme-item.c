/* tandem-programme-item.c — one team of a programme, as a row of its table:
 * each figure a property the table's columns sort by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-programme-item.h"

struct _TandemProgrammeItem
{
  GObject  parent_instance;

  char    *path;
  char    *file;
  char    *team_id;
  char    *team;
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
    "peer-support-progress",
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
    case TANDEM_PROGRAMME_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tandem_programme_column_is_number (TandemProgrammeColumn column)
{
  return column != TANDEM_PROGRAMME_COLUMN_TEAM && column != TANDEM_PROGRAMME_COLUMN_FILE;
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
    case TANDEM_PROGRAMME_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}
