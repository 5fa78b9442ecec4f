/* tandem-breakdown.c — a measure broken down by a grouping: its settings, its data per group, the disparity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grouping (ethnicity, built in; age band, sex… made by a project) has
 * categories; a measure broken down by one keeps a count and a denominator
 * per period per category, and is compared group by group with a reference
 * through tandem-disparity.c. Every edit here is one undoable change. Data
 * come from a table, read and saved by tandem-breakdown-import.c.
 */

#define G_LOG_DOMAIN "Tandem-Breakdown"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-breakdown-private.h"
#include "tandem-change.h"
#include "tandem-db-private.h"
#include "tandem-enums.h"
#include "tandem-stored-enums.h"

#define LABEL_MAX 200

#define GROUPING_COLUMNS "id, name, builtin, position"
#define CATEGORY_COLUMNS "id, grouping_id, code, label, broad_group, not_stated, position"
#define BREAKDOWN_COLUMNS "id, measure_id, grouping_id, kind, per, denominator_name, domain, " \
                          "reference_id"

static const TandemDbColumn grouping_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemGrouping, id),
  TANDEM_DB_COLUMN (TEXT, TandemGrouping, name),
  TANDEM_DB_COLUMN (BOOL, TandemGrouping, builtin),
  TANDEM_DB_COLUMN (DOUBLE, TandemGrouping, position),
};
static const TandemDbShape grouping_shape =
  TANDEM_DB_SHAPE (TandemGrouping, tandem_grouping_free, grouping_columns);

static const TandemDbColumn category_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemGroupCategory, id),
  TANDEM_DB_COLUMN (TEXT, TandemGroupCategory, grouping_id),
  TANDEM_DB_COLUMN (TEXT, TandemGroupCategory, code),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemGroupCategory, label),
  TANDEM_DB_ENUM_COLUMN (TandemGroupCategory, broad_group, tandem_broad_group_get_type,
                         TANDEM_N_BROAD_GROUPS),
  TANDEM_DB_COLUMN (BOOL, TandemGroupCategory, not_stated),
  TANDEM_DB_COLUMN (DOUBLE, TandemGroupCategory, position),
};
static const TandemDbShape category_shape =
  TANDEM_DB_SHAPE (TandemGroupCategory, tandem_group_category_free, category_columns);

static const TandemDbColumn breakdown_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemBreakdown, id),
  TANDEM_DB_COLUMN (TEXT, TandemBreakdown, measure_id),
  TANDEM_DB_COLUMN (TEXT, TandemBreakdown, grouping_id),
  TANDEM_DB_ENUM_COLUMN (TandemBreakdown, kind, tandem_breakdown_kind_get_type,
                         TANDEM_BREAKDOWN_RATE),
  TANDEM_DB_COLUMN (FINITE_OR_NAN, TandemBreakdown, per),
  TANDEM_DB_COLUMN (TEXT, TandemBreakdown, denominator_name),
  TANDEM_DB_ENUM_COLUMN (TandemBreakdown, domain, tandem_breakdown_domain_get_type,
                         TANDEM_BREAKDOWN_OUTCOMES),
  TANDEM_DB_COLUMN (TEXT, TandemBreakdown, reference_id),
};
static const TandemDbShape breakdown_shape =
  TANDEM_DB_SHAPE (TandemBreakdown, tandem_breakdown_free, breakdown_columns);

static const TandemDbColumn point_columns[] = {
  TANDEM_DB_COLUMN (TEXT, TandemBreakdownPoint, id),
  TANDEM_DB_COLUMN (TEXT, TandemBreakdownPoint, category_id),
  TANDEM_DB_COLUMN (TEXT_OR_EMPTY, TandemBreakdownPoint, date),
  TANDEM_DB_COLUMN (DOUBLE_OR_NAN, TandemBreakdownPoint, count),
  TANDEM_DB_COLUMN (DOUBLE_OR_NAN, TandemBreakdownPoint, denominator),
};
const TandemDbShape _tandem_breakdown_point_shape =
  TANDEM_DB_SHAPE (TandemBreakdownPoint, tandem_breakdown_point_free, point_columns);

#define MEASURE_GONE _("This measure no longer exists: someone may have deleted it.")
#define GROUPING_GONE _("This grouping no longer exists: someone may have deleted it.")
#define CATEGORY_GONE _("This group no longer exists: someone may have deleted it.")

/* ------------------------------------------------------------------------ */
/* Matching what a file or a person writes to a category                    */

char *
_tandem_breakdown_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  return g_strdup (g_strstrip (folded));
}

/* A label as it is kept: trimmed, not empty, not too long. */
static char *
clean_label (const char  *label,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label ? label : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the group a label."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > LABEL_MAX)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("That label is too long: keep it under %d characters."), LABEL_MAX);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* The category of @categories that @text names: its code or label as the
 * project has it, in any case; for ethnicity, any way the NHS categories
 * and broad groups are written (tandem-groups.c). NULL if none or if the
 * name fits more than one (a broad group, where the grouping has its
 * categories), with *@broad set in that case. */
const TandemGroupCategory *
_tandem_breakdown_match_category (GPtrArray  *categories,
                                  const char *text,
                                  gboolean   *broad)
{
  g_autofree char *wanted = _tandem_breakdown_fold (text);
  TandemEthnicCategory ethnic;
  TandemBroadGroup group;
  const TandemGroupCategory *found = NULL;

  *broad = FALSE;
  if (*wanted == '\0')
    return NULL;
  for (guint i = 0; i < categories->len; i++)
    {
      const TandemGroupCategory *category = categories->pdata[i];
      g_autofree char *code = _tandem_breakdown_fold (category->code);
      g_autofree char *label = _tandem_breakdown_fold (category->label);

      if ((category->code != NULL && g_str_equal (code, wanted)) || g_str_equal (label, wanted))
        return category;
    }

  if (tandem_ethnic_category_lookup (text, &ethnic))
    {
      char code[2] = { tandem_ethnic_category_get_code (ethnic), '\0' };

      for (guint i = 0; i < categories->len; i++)
        {
          const TandemGroupCategory *category = categories->pdata[i];

          if (g_strcmp0 (category->code, code) == 0 ||
              (ethnic == TANDEM_ETHNIC_NOT_STATED && category->not_stated))
            return category;
        }
    }

  if (tandem_broad_group_lookup (text, &group))
    {
      guint n = 0;

      for (guint i = 0; i < categories->len; i++)
        {
          const TandemGroupCategory *category = categories->pdata[i];

          if (group == TANDEM_BROAD_NOT_STATED ? category->not_stated
                                               : category->broad_group == group)
            {
              found = category;
              n++;
            }
        }
      if (n == 1)
        return found;
      *broad = n > 1;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Groupings and their categories                                           */

void
tandem_grouping_free (TandemGrouping *grouping)
{
  _tandem_db_free_row (&grouping_shape, grouping);
}

void
tandem_group_category_free (TandemGroupCategory *category)
{
  _tandem_db_free_row (&category_shape, category);
}

/**
 * tandem_grouping_list:
 * @project: a project
 * @error: return location for an error
 *
 * The project's groupings, the two built-in ethnicity ones first.
 *
 * Returns: (transfer full) (element-type TandemGrouping) (nullable): the
 *   groupings, or %NULL if they could not be read
 */
GPtrArray *
tandem_grouping_list (TandemProject  *project,
                      GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &grouping_shape,
                          "SELECT " GROUPING_COLUMNS " FROM grouping "
                          "ORDER BY builtin DESC, position, rowid", "");
}

/**
 * tandem_grouping_find:
 * @project: a project
 * @name: a grouping's name, in any case
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the grouping's id, or %NULL with
 *   @error set (%TANDEM_PROJECT_ERROR_NOT_FOUND if none has that name)
 */
char *
tandem_grouping_find (TandemProject  *project,
                      const char     *name,
                      GError        **error)
{
  g_autoptr(GPtrArray) groupings = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  groupings = tandem_grouping_list (project, error);
  if (groupings == NULL)
    return NULL;
  wanted = _tandem_breakdown_fold (name);
  for (guint i = 0; i < groupings->len; i++)
    {
      const TandemGrouping *grouping = groupings->pdata[i];
      g_autofree char *folded = _tandem_breakdown_fold (grouping->name);

      if (g_str_equal (folded, wanted))
        return g_strdup (grouping->id);
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
               _("There is no grouping called “%s”."), name);
  return NULL;
}

/**
 * tandem_grouping_default_reference:
 * @project: a project
 * @grouping_id: a grouping
 *
 * The group the others are compared with when no one has said: the
 * grouping's first that may be one (White British, or White, for the built-in
 * ethnicity groupings; never “Not stated”). The app and the CLI both use it.
 *
 * Returns: (transfer full) (nullable): its id, or %NULL when the grouping
 *   has none or cannot be read
 */
char *
tandem_grouping_default_reference (TandemProject *project,
                                   const char    *grouping_id)
{
  g_autoptr(GPtrArray) categories = tandem_grouping_list_categories (project, grouping_id, NULL);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const TandemGroupCategory *category = categories->pdata[i];

      if (!category->not_stated)
        return g_strdup (category->id);
    }
  return NULL;
}

/**
 * tandem_grouping_list_categories:
 * @project: a project
 * @grouping_id: a grouping
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemGroupCategory) (nullable):
 *   the grouping's categories in their order, or %NULL if they could not
 *   be read
 */
GPtrArray *
tandem_grouping_list_categories (TandemProject  *project,
                                 const char     *grouping_id,
                                 GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (grouping_id != NULL, NULL);

  return _tandem_db_list (project, error, &category_shape,
                          "SELECT " CATEGORY_COLUMNS " FROM grouping_category "
                          "WHERE grouping_id = ?1 ORDER BY position, rowid", "s", grouping_id);
}

/**
 * tandem_grouping_add:
 * @project: a project
 * @name: the grouping's name ("Age band")
 * @labels: (array zero-terminated=1): its categories' labels, in order
 * @not_stated_label: (nullable): a last category for people whose group
 *   was not recorded ("Not known"), or %NULL for none
 * @error: return location for an error
 *
 * Adds a grouping a project makes for itself, with its categories, in one
 * undoable change. Names of groupings and labels within one must differ
 * (in any case), so that a file's columns find one each.
 *
 * Returns: (transfer full) (nullable): the new grouping's id
 */
char *
tandem_grouping_add (TandemProject       *project,
                     const char          *name,
                     const char * const  *labels,
                     const char          *not_stated_label,
                     GError             **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *id = NULL;
  g_autofree char *change_label = NULL;
  guint n_labels;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (labels != NULL, NULL);

  clean_name = g_strstrip (g_strdup (name ? name : ""));
  if (*clean_name == '\0' || g_utf8_strlen (clean_name, -1) > LABEL_MAX)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Give the grouping a name of 1 to %d characters."), LABEL_MAX);
      return NULL;
    }
  existing = tandem_grouping_find (project, clean_name, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("There is already a grouping called “%s”."), clean_name);
      return NULL;
    }
  if (!g_error_matches (local_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  n_labels = g_strv_length ((char **) labels);
  for (guint i = 0; i <= n_labels; i++)
    {
      const char *label = i < n_labels ? labels[i] : not_stated_label;
      char *one;

      if (i == n_labels && label == NULL)
        break;
      one = clean_label (label, error);
      if (one == NULL)
        return NULL;
      g_ptr_array_add (clean, one);
      if (!g_hash_table_add (seen, _tandem_breakdown_fold (one)))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” is given twice: each group needs a label of its own."), one);
          return NULL;
        }
    }
  if (n_labels < 2)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A grouping needs at least two groups to compare."));
      return NULL;
    }

  change_label = g_strdup_printf (_("Add the grouping “%s”"), clean_name);
  if (!tandem_change_begin (&change, project, change_label, error))
    return NULL;
  {
    gint64 n_groupings = tandem_project_count (project, TANDEM_ENTITY_GROUPING, NULL, NULL);
    TandemField fields[] = {
      { TANDEM_FIELD_GROUPING_NAME, tandem_value_text (clean_name) },
      { TANDEM_FIELD_GROUPING_BUILTIN, tandem_value_int (0) },
      { TANDEM_FIELD_GROUPING_POSITION, tandem_value_double ((double) n_groupings) },
    };

    id = tandem_project_insert (project, TANDEM_ENTITY_GROUPING, fields, G_N_ELEMENTS (fields),
                                error);
    if (id == NULL)
      return NULL;
  }
  for (guint i = 0; i < clean->len; i++)
    {
      TandemField fields[] = {
        { TANDEM_FIELD_GROUPING_CATEGORY_GROUPING_ID, tandem_value_text (id) },
        { TANDEM_FIELD_GROUPING_CATEGORY_LABEL, tandem_value_text (clean->pdata[i]) },
        { TANDEM_FIELD_GROUPING_CATEGORY_NOT_STATED, tandem_value_int (i == n_labels) },
        { TANDEM_FIELD_GROUPING_CATEGORY_POSITION, tandem_value_double (i) },
      };
      g_autofree char *category = tandem_project_insert (project, TANDEM_ENTITY_GROUPING_CATEGORY,
                                                         fields, G_N_ELEMENTS (fields), error);

      if (category == NULL)
        return NULL;
    }
  if (!tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_group_category_set_label:
 * @project: a project
 * @category_id: a category of any grouping
 * @label: its new label
 * @error: return location for an error
 *
 * Relabels a category ("White Other" → "Any other White background, incl.
 * Gypsy, Roma and Traveller"), as one undoable change. Its code and broad
 * group stay; a label another category of the grouping has is refused.
 *
 * Returns: %TRUE if the label was changed (or was already that)
 */
gboolean
tandem_group_category_set_label (TandemProject  *project,
                                 const char     *category_id,
                                 const char     *label,
                                 GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemGroupCategory) category = NULL;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *change_label = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (category_id != NULL, FALSE);

  clean = clean_label (label, error);
  if (clean == NULL)
    return FALSE;
  category = _tandem_db_get (project, error, &category_shape, CATEGORY_GONE,
                             "SELECT " CATEGORY_COLUMNS " FROM grouping_category WHERE id = ?1",
                             "s", category_id);
  if (category == NULL)
    return FALSE;
  if (g_str_equal (category->label, clean))
    return TRUE;
  siblings = tandem_grouping_list_categories (project, category->grouping_id, error);
  if (siblings == NULL)
    return FALSE;
  folded = _tandem_breakdown_fold (clean);
  for (guint i = 0; i < siblings->len; i++)
    {
      const TandemGroupCategory *other = siblings->pdata[i];
      g_autofree char *other_label = _tandem_breakdown_fold (other->label);

      if (!g_str_equal (other->id, category->id) && g_str_equal (other_label, folded))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("Another group is already labelled “%s”."), other->label);
          return FALSE;
        }
    }

  change_label = g_strdup_printf (_("Relabel the group “%s”"), category->label);
  return tandem_change_begin (&change, project, change_label, error) &&
         tandem_project_update (project, TANDEM_ENTITY_GROUPING_CATEGORY, category_id,
                                TANDEM_FIELD_GROUPING_CATEGORY_LABEL, tandem_value_text (clean),
                                error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_group_category_find:
 * @project: a project
 * @grouping_id: a grouping
 * @text: a category as a person writes it: its code or its label, in any
 *   case; for ethnicity, any way the NHS writes its categories
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the category's id, or %NULL with
 *   @error set (%TANDEM_PROJECT_ERROR_NOT_FOUND if the grouping has none
 *   such)
 */
char *
tandem_group_category_find (TandemProject  *project,
                            const char     *grouping_id,
                            const char     *text,
                            GError        **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  const TandemGroupCategory *found;
  gboolean broad;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (grouping_id != NULL && text != NULL, NULL);

  categories = tandem_grouping_list_categories (project, grouping_id, error);
  if (categories == NULL)
    return NULL;
  found = _tandem_breakdown_match_category (categories, text, &broad);
  if (found == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   broad ? _("“%s” is a broad group of several categories here: name one "
                             "category.")
                         : _("There is no group “%s” in this grouping."), text);
      return NULL;
    }
  return g_strdup (found->id);
}

/* ------------------------------------------------------------------------ */
/* A measure's breakdown                                                    */

void
tandem_breakdown_free (TandemBreakdown *breakdown)
{
  _tandem_db_free_row (&breakdown_shape, breakdown);
}

/**
 * tandem_breakdown_get:
 * @project: a project
 * @measure_id: a measure
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): how the measure is broken down, or
 *   %NULL with @error set (%TANDEM_PROJECT_ERROR_NOT_FOUND when it is not)
 */
TandemBreakdown *
tandem_breakdown_get (TandemProject  *project,
                      const char     *measure_id,
                      GError        **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  found = _tandem_db_list (project, error, &breakdown_shape,
                           "SELECT " BREAKDOWN_COLUMNS " FROM measure_breakdown "
                           "WHERE measure_id = ?1", "s", measure_id);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The measure is not broken down by group: set its breakdown first."));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/* How the measure is broken down, into *@breakdown, and its grouping's
 * categories, into *@categories (both freed by the caller); FALSE with
 * @error set if either cannot be read. */
gboolean
_tandem_breakdown_get_with_categories (TandemProject    *project,
                                       const char       *measure_id,
                                       TandemBreakdown **breakdown,
                                       GPtrArray       **categories,
                                       GError          **error)
{
  *breakdown = tandem_breakdown_get (project, measure_id, error);
  if (*breakdown == NULL)
    return FALSE;
  *categories = tandem_grouping_list_categories (project, (*breakdown)->grouping_id, error);
  return *categories != NULL;
}

static gboolean
set_if_changed (TandemProject  *project,
                const char     *id,
                const char     *field,
                TandemValue     value,
                gboolean        changed,
                GError        **error)
{
  return !changed || tandem_project_update (project, TANDEM_ENTITY_MEASURE_BREAKDOWN, id, field,
                                            value, error);
}

/**
 * tandem_breakdown_set:
 * @project: a project
 * @settings: the measure (@measure_id) and how it is broken down; @id is
 *   not read; a @per that is not a number takes the kind's default (1,000
 *   for a rate, 100 for a proportion)
 * @error: return location for an error
 *
 * Breaks a measure down by a grouping, or changes how, in one undoable
 * change. The reference must be a category of the grouping and not "Not
 * stated". A measure with data by group keeps its grouping: its data would
 * be in the other grouping's categories.
 *
 * Returns: %TRUE if the settings were saved
 */
gboolean
tandem_breakdown_set (TandemProject          *project,
                      const TandemBreakdown  *settings,
                      GError                **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemBreakdown) old = NULL;
  g_autoptr(TandemGroupCategory) reference = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *measure_name = NULL;
  g_autofree char *denominator = NULL;
  g_autofree char *label = NULL;
  const char *kind_word, *domain_word;
  double per;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (settings != NULL && settings->measure_id != NULL, FALSE);
  g_return_val_if_fail (settings->grouping_id != NULL, FALSE);

  kind_word = tandem_stored_enum_to_word (TANDEM_TYPE_BREAKDOWN_KIND, settings->kind);
  domain_word = tandem_stored_enum_to_word (TANDEM_TYPE_BREAKDOWN_DOMAIN, settings->domain);
  g_return_val_if_fail (kind_word != NULL && domain_word != NULL, FALSE);

  per = settings->per;
  if (isnan (per))
    per = settings->kind == TANDEM_BREAKDOWN_RATE ? TANDEM_BREAKDOWN_DEFAULT_PER_RATE
                                                  : TANDEM_BREAKDOWN_DEFAULT_PER_PROPORTION;
  if (!isfinite (per) || per <= 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("The unit must be a number above 0, such as 1000 for “per 1,000 "
                             "bed days”."));
      return FALSE;
    }
  denominator = g_strstrip (g_strdup (settings->denominator_name ? settings->denominator_name : ""));
  if (g_utf8_strlen (denominator, -1) > LABEL_MAX)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The denominator’s name is too long: keep it under %d characters."),
                   LABEL_MAX);
      return FALSE;
    }
  if (*denominator == '\0')
    g_clear_pointer (&denominator, g_free);

  if (!_tandem_db_still_there (project, TANDEM_ENTITY_MEASURE, settings->measure_id,
                               MEASURE_GONE, error) ||
      !_tandem_db_still_there (project, TANDEM_ENTITY_GROUPING, settings->grouping_id,
                               GROUPING_GONE, error))
    return FALSE;
  if (settings->reference_id != NULL)
    {
      reference = _tandem_db_get (project, error, &category_shape, CATEGORY_GONE,
                                  "SELECT " CATEGORY_COLUMNS " FROM grouping_category "
                                  "WHERE id = ?1", "s", settings->reference_id);
      if (reference == NULL)
        return FALSE;
      if (!g_str_equal (reference->grouping_id, settings->grouping_id))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("The reference group “%s” is not in the measure’s grouping."),
                       reference->label);
          return FALSE;
        }
      if (reference->not_stated)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("“%s” cannot be the reference: the others are compared with a group "
                         "whose people are known."), reference->label);
          return FALSE;
        }
    }

  old = tandem_breakdown_get (project, settings->measure_id, &local_error);
  if (old == NULL && !g_error_matches (local_error, TANDEM_PROJECT_ERROR,
                                       TANDEM_PROJECT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (old != NULL && !g_str_equal (old->grouping_id, settings->grouping_id) &&
      tandem_project_count (project, TANDEM_ENTITY_BREAKDOWN_POINT,
                            TANDEM_FIELD_BREAKDOWN_POINT_MEASURE_ID, settings->measure_id) > 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("The measure has data by group already: its grouping cannot change "
                             "while they are there."));
      return FALSE;
    }

  measure_name = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE, settings->measure_id,
                                          TANDEM_FIELD_MEASURE_NAME);
  label = g_strdup_printf (old ? _("Change how “%s” is broken down")
                               : _("Break “%s” down by group"), measure_name ? measure_name : "");
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  if (old == NULL)
    {
      TandemField fields[] = {
        { TANDEM_FIELD_MEASURE_BREAKDOWN_MEASURE_ID, tandem_value_text (settings->measure_id) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_GROUPING_ID, tandem_value_text (settings->grouping_id) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_KIND, tandem_value_text (kind_word) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_PER, tandem_value_double (per) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_DENOMINATOR_NAME, tandem_value_text (denominator) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_DOMAIN, tandem_value_text (domain_word) },
        { TANDEM_FIELD_MEASURE_BREAKDOWN_REFERENCE_ID, tandem_value_text (settings->reference_id) },
      };
      g_autofree char *id = tandem_project_insert (project, TANDEM_ENTITY_MEASURE_BREAKDOWN,
                                                   fields, G_N_ELEMENTS (fields), error);

      if (id == NULL)
        return FALSE;
    }
  else if (!set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_GROUPING_ID,
                            tandem_value_text (settings->grouping_id),
                            !g_str_equal (old->grouping_id, settings->grouping_id), error) ||
           !set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_KIND,
                            tandem_value_text (kind_word), old->kind != settings->kind, error) ||
           !set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_PER,
                            tandem_value_double (per), old->per != per, error) ||
           !set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_DENOMINATOR_NAME,
                            tandem_value_text (denominator),
                            g_strcmp0 (old->denominator_name, denominator) != 0, error) ||
           !set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_DOMAIN,
                            tandem_value_text (domain_word), old->domain != settings->domain,
                            error) ||
           !set_if_changed (project, old->id, TANDEM_FIELD_MEASURE_BREAKDOWN_REFERENCE_ID,
                            tandem_value_text (settings->reference_id),
                            g_strcmp0 (old->reference_id, settings->reference_id) != 0, error))
    return FALSE;
  return tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* Data by group                                                            */

void
tandem_breakdown_point_free (TandemBreakdownPoint *point)
{
  _tandem_db_free_row (&_tandem_breakdown_point_shape, point);
}

/**
 * tandem_breakdown_list_points:
 * @project: a project
 * @measure_id: a measure
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemBreakdownPoint) (nullable):
 *   the measure's data by group, by date and then in the grouping's order
 */
GPtrArray *
tandem_breakdown_list_points (TandemProject  *project,
                              const char     *measure_id,
                              GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  return _tandem_db_list (project, error, &_tandem_breakdown_point_shape,
                          "SELECT p.id, p.category_id, p.date, p.count, p.denominator "
                          "FROM breakdown_point AS p "
                          "LEFT JOIN grouping_category AS c ON c.id = p.category_id "
                          "WHERE p.measure_id = ?1 ORDER BY p.date, c.position, p.rowid",
                          "s", measure_id);
}

/* ------------------------------------------------------------------------ */
/* The disparity                                                            */

void
tandem_breakdown_analysis_free (TandemBreakdownAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_strfreev (analysis->group_names);
  g_strfreev (analysis->group_ids);
  tandem_disparity_series_free (analysis->series);
  tandem_disparity_series_free (analysis->last_year);
  g_clear_pointer (&analysis->rows, g_array_unref);
  g_free (analysis);
}

/* The same day a year before @date (28 February for 29 February). */
static void
year_before (const char *date,
             char        before[11])
{
  g_autoptr(GDate) day = g_date_new ();

  g_date_set_parse (day, date);
  if (!g_date_valid (day))
    {
      g_strlcpy (before, date, 11);
      return;
    }
  g_date_subtract_years (day, 1);
  g_snprintf (before, 11, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

/**
 * tandem_breakdown_analyse:
 * @project: a project
 * @measure_id: a measure broken down by a grouping, with data
 * @pooled: pool ethnic categories into their broad groups ("Not stated"
 *   never is); a grouping without broad groups is compared as it is
 * @error: return location for an error
 *
 * Compares each group of the measure with its reference group
 * (tandem_disparity_analyse()): over the whole span, per calendar quarter,
 * and over the twelve months up to the last date with data. Pooled, the
 * reference is the broad group of the reference category. "Not stated"
 * gets a rate and its share, never a ratio.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error
 *   set (the measure is not broken down or has no data; a
 *   #TANDEM_DISPARITY_ERROR when the reference has no data)
 */
TandemBreakdownAnalysis *
tandem_breakdown_analyse (TandemProject  *project,
                          const char     *measure_id,
                          gboolean        pooled,
                          GError        **error)
{
  g_autoptr(TandemBreakdown) breakdown = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (TandemDisparityRow));
  g_autoptr(GArray) recent = g_array_new (FALSE, FALSE, sizeof (TandemDisparityRow));
  g_autoptr(TandemBreakdownAnalysis) analysis = g_new0 (TandemBreakdownAnalysis, 1);
  guint broad_index[TANDEM_N_BROAD_GROUPS];
  guint broad_members[TANDEM_N_BROAD_GROUPS] = { 0 };
  char last[11] = "", since[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  if (!_tandem_breakdown_get_with_categories (project, measure_id, &breakdown, &categories, error))
    return NULL;
  points = tandem_breakdown_list_points (project, measure_id, error);
  if (points == NULL)
    return NULL;
  if (points->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The measure has no data by group yet."));
      return NULL;
    }

  tandem_disparity_options_init (&analysis->options);
  analysis->options.kind = breakdown->kind == TANDEM_BREAKDOWN_PROPORTION
                           ? TANDEM_DISPARITY_PROPORTION : TANDEM_DISPARITY_RATE;
  analysis->options.per = isnan (breakdown->per) ? TANDEM_BREAKDOWN_DEFAULT_PER_RATE : breakdown->per;

  for (guint g = 0; g < TANDEM_N_BROAD_GROUPS; g++)
    broad_index[g] = TANDEM_DISPARITY_NONE;
  for (guint i = 0; i < categories->len; i++)
    {
      const TandemGroupCategory *category = categories->pdata[i];

      if (category->broad_group < TANDEM_N_BROAD_GROUPS)
        broad_members[category->broad_group]++;
    }

  /* A group per category, or per broad group with "Not stated" and any
   * category without one left as they are. */
  for (guint i = 0; i < categories->len; i++)
    {
      const TandemGroupCategory *category = categories->pdata[i];
      TandemBroadGroup broad = category->broad_group;
      guint index;

      if (pooled && !category->not_stated && broad < TANDEM_N_BROAD_GROUPS)
        {
          if (broad_index[broad] == TANDEM_DISPARITY_NONE)
            {
              broad_index[broad] = names->len;
              g_ptr_array_add (names, g_strdup (broad_members[broad] == 1
                                                ? category->label
                                                : tandem_broad_group_get_label (broad)));
              g_ptr_array_add (ids, g_strdup (tandem_stored_enum_to_word (TANDEM_TYPE_BROAD_GROUP,
                                                                          broad)));
            }
          index = broad_index[broad];
        }
      else
        {
          index = names->len;
          g_ptr_array_add (names, g_strdup (category->label));
          g_ptr_array_add (ids, g_strdup (pooled && category->not_stated ? "not_stated"
                                                                         : category->id));
        }
      g_hash_table_insert (group_of, category->id, GUINT_TO_POINTER (index + 1));
      if (category->not_stated && analysis->options.not_stated == TANDEM_DISPARITY_NONE)
        analysis->options.not_stated = index;
      if (g_strcmp0 (category->id, breakdown->reference_id) == 0)
        analysis->options.reference = index;
    }

  for (guint i = 0; i < points->len; i++)
    {
      const TandemBreakdownPoint *point = points->pdata[i];
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (group_of, point->category_id));
      TandemDisparityRow row;

      if (index == 0)
        continue;   /* a category of another grouping, from a damaged file */
      g_strlcpy (row.date, point->date, sizeof row.date);
      row.group = index - 1;
      row.count = point->count;
      row.denominator = point->denominator;
      g_array_append_val (rows, row);
      if (strcmp (point->date, last) > 0)
        g_strlcpy (last, point->date, sizeof last);
    }
  year_before (last, since);
  for (guint i = 0; i < rows->len; i++)
    {
      const TandemDisparityRow *row = &g_array_index (rows, TandemDisparityRow, i);

      if (strcmp (row->date, since) > 0)
        g_array_append_val (recent, *row);
    }

  g_ptr_array_add (names, NULL);
  g_ptr_array_add (ids, NULL);
  analysis->n_groups = names->len - 1;
  analysis->group_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  analysis->group_ids = (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);

  analysis->series = tandem_disparity_analyse ((const TandemDisparityRow *) rows->data, rows->len,
                                               (const char * const *) analysis->group_names,
                                               analysis->n_groups, &analysis->options, error);
  if (analysis->series == NULL)
    return NULL;
  analysis->last_year = tandem_disparity_analyse ((const TandemDisparityRow *) recent->data,
                                                  recent->len,
                                                  (const char * const *) analysis->group_names,
                                                  analysis->n_groups, &analysis->options, error);
  if (analysis->last_year == NULL)
    return NULL;
  analysis->rows = g_steal_pointer (&rows);
  return g_steal_pointer (&analysis);
}

/* The project's small-number threshold, kept with the file (not in the
 * person's preferences) so that every export of it hides the same. */
#define THRESHOLD_KEY "disparity_threshold"

/**
 * tandem_breakdown_get_threshold:
 * @project: a project
 *
 * The project's small-number threshold: exports meant for sharing hide
 * counts from 1 to it, and the ratios made from them
 * (tandem_disparity_suppress()). A file that has none, or one that is not a
 * whole number from 1 to %TANDEM_BREAKDOWN_MAX_THRESHOLD, has the default,
 * %TANDEM_DISPARITY_DEFAULT_THRESHOLD ("fewer than 5").
 *
 * Returns: the threshold
 */
guint
tandem_breakdown_get_threshold (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 threshold;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), TANDEM_DISPARITY_DEFAULT_THRESHOLD);

  if (!_tandem_db_query_text (project, &error, &text, NULL,
                              "SELECT value FROM meta WHERE key = ?1", "s", THRESHOLD_KEY))
    {
      g_debug ("No small-number threshold read: %s", error->message);
      return TANDEM_DISPARITY_DEFAULT_THRESHOLD;
    }
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, TANDEM_BREAKDOWN_MAX_THRESHOLD, &threshold, NULL))
    return TANDEM_DISPARITY_DEFAULT_THRESHOLD;
  return (guint) threshold;
}

/**
 * tandem_breakdown_set_threshold:
 * @project: a project
 * @threshold: from 1 to %TANDEM_BREAKDOWN_MAX_THRESHOLD
 * @error: return location for an error
 *
 * Sets the project's small-number threshold (see
 * tandem_breakdown_get_threshold()). It is a setting of the file, not an
 * edit of its content: it is not undone and a merge does not carry it.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
tandem_breakdown_set_threshold (TandemProject  *project,
                                guint           threshold,
                                GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (threshold < 1 || threshold > TANDEM_BREAKDOWN_MAX_THRESHOLD)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The small-number threshold must be a whole number from 1 to %u."),
                   TANDEM_BREAKDOWN_MAX_THRESHOLD);
      return FALSE;
    }
  text = g_strdup_printf ("%u", threshold);
  return tandem_change_begin (&change, project, _("Set the small-number threshold"), error) &&
         _tandem_db_run (project, error, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         "ss", THRESHOLD_KEY, text) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_breakdown_kind_get_label:
 * @kind: a kind of broken-down measure
 *
 * Returns: its name, translated
 */
const char *
tandem_breakdown_kind_get_label (TandemBreakdownKind kind)
{
  switch (kind)
    {
    case TANDEM_BREAKDOWN_RATE: return _("Rate (events per exposure)");
    case TANDEM_BREAKDOWN_PROPORTION: return _("Proportion (people with the event)");
    default: g_return_val_if_reached ("");
    }
}

/**
 * tandem_breakdown_domain_get_label:
 * @domain: what a broken-down measure is about
 *
 * Returns: its name, translated
 */
const char *
tandem_breakdown_domain_get_label (TandemBreakdownDomain domain)
{
  switch (domain)
    {
    case TANDEM_BREAKDOWN_ACCESS: return _("Access");
    case TANDEM_BREAKDOWN_EXPERIENCE: return _("Experience");
    case TANDEM_BREAKDOWN_OUTCOMES: return _("Outcomes");
    default: g_return_val_if_reached ("");
    }
}
