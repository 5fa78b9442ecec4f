/* tandem-breakdown-import.c — data by group read from a table and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table (tandem-table-import.c reads the cells) comes in one of two
 * shapes: long (date, group, count, denominator) or wide (a date, then a
 * column per group, with one denominator column or one per group). Every
 * bad row is listed with its line; the good ones are saved as one undoable
 * change.
 */

#define G_LOG_DOMAIN "Tandem-Breakdown"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-breakdown-private.h"
#include "tandem-change.h"

static void
row_free (gpointer data)
{
  TandemBreakdownRow *row = data;

  g_free (row->category_id);
  g_free (row);
}

void
tandem_breakdown_import_free (TandemBreakdownImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->problems);
  g_free (import);
}

/* What is wrong with a row's figures, or NULL. */
static char *
check_figures (TandemBreakdownKind  kind,
               double               count,
               double               denominator)
{
  if (isnan (count))
    return g_strdup (_("the count is missing"));
  if (count < 0 || floor (count) != count || !isfinite (count))
    return g_strdup_printf (_("the count %g is not a whole number, 0 or more"), count);
  if (isnan (denominator))
    return g_strdup (_("the denominator is missing"));
  if (denominator < 0 || !isfinite (denominator))
    return g_strdup_printf (_("the denominator %g is below 0"), denominator);
  if (denominator == 0 && count > 0)
    return g_strdup_printf (_("%g events but a denominator of 0"), count);
  if (kind == TANDEM_BREAKDOWN_PROPORTION && floor (denominator) != denominator)
    return g_strdup_printf (_("the denominator %g is not a number of people"), denominator);
  if (kind == TANDEM_BREAKDOWN_PROPORTION && count > denominator)
    return g_strdup_printf (_("%g people with the event is more than the %g people counted"),
                            count, denominator);
  return NULL;
}

typedef struct
{
  TandemBreakdownImport *import;
  GPtrArray             *categories;
  TandemBreakdownKind    kind;
  GHashTable            *seen;     /* "date\x1fcategory" → first line */
} Reader;

static void G_GNUC_PRINTF (3, 4)
add_problem (Reader     *reader,
             guint       line,
             const char *format,
             ...)
{
  TandemImportProblem *problem = g_new0 (TandemImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->import->problems, problem);
}

static char *
shorten (const char *cell)
{
  if (g_utf8_strlen (cell, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (cell, 0, 40);
      return g_strdup_printf ("%s…", start);
    }
  return g_strdup (cell);
}

static void
unknown_group (Reader     *reader,
               guint       line,
               const char *cell,
               gboolean    broad)
{
  g_autofree char *shown = shorten (cell);
  TandemEthnicCategory ethnic;
  gboolean has_broad_groups = FALSE;

  for (guint i = 0; i < reader->categories->len; i++)
    if (((TandemGroupCategory *) reader->categories->pdata[i])->broad_group < TANDEM_N_BROAD_GROUPS)
      has_broad_groups = TRUE;

  if (*cell == '\0')
    add_problem (reader, line, "%s", _("the group is empty"));
  else if (has_broad_groups && tandem_ethnic_category_lookup (cell, &ethnic))
    add_problem (reader, line, _("“%s” is an ethnic category, but this measure is broken down by "
                                 "broad groups: give its broad group, %s"), shown,
                 tandem_broad_group_get_label (tandem_ethnic_category_get_broad_group (ethnic)));
  else if (broad)
    add_problem (reader, line, _("“%s” is a broad group of several categories of this measure’s "
                                 "grouping: give the categories, or break the measure down by the "
                                 "broad groups"), shown);
  else
    add_problem (reader, line, _("“%s” is not a group of this measure’s grouping"), shown);
}

/* A read row, unless its figures are bad or its period and group came
 * before. */
static void
add_row (Reader                    *reader,
         guint                      line,
         const char                *date,
         const TandemGroupCategory *category,
         double                     count,
         double                     denominator)
{
  g_autofree char *bad = check_figures (reader->kind, count, denominator);
  g_autofree char *key = NULL;
  TandemBreakdownRow *row;
  guint earlier;

  if (bad != NULL)
    {
      add_problem (reader, line, "%s: %s", category->label, bad);
      return;
    }
  key = g_strdup_printf ("%s\x1f%s", date, category->id);
  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (reader->seen, key));
  if (earlier != 0)
    {
      add_problem (reader, line, _("%s on %s is already on line %u"), category->label, date,
                   earlier);
      return;
    }
  g_hash_table_insert (reader->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
  row = g_new0 (TandemBreakdownRow, 1);
  row->line = line;
  g_strlcpy (row->date, date, sizeof row->date);
  row->category_id = g_strdup (category->id);
  row->count = count;
  row->denominator = denominator;
  g_ptr_array_add (reader->import->rows, row);
}

static gboolean
header_is (const char         *cell,
           const char * const *names,
           const char         *also)
{
  g_autofree char *folded = _tandem_breakdown_fold (cell);
  g_autofree char *extra = also ? _tandem_breakdown_fold (also) : NULL;

  return g_strv_contains (names, folded) || (extra != NULL && *extra && g_str_equal (folded, extra));
}

static const char * const group_names[] = {
  "group", "ethnicity", "ethnic group", "ethnic category", "ethnic origin", "category", NULL
};
static const char * const count_names[] = {
  "count", "value", "events", "number", "numerator", "incidents", NULL
};
static const char * const denominator_names[] = {
  "denominator", "n", "bed days", "occupied bed days", "exposure", "people", "patients", NULL
};

static gboolean
read_number (Reader      *reader,
             guint        line,
             const char  *cell,
             gboolean     decimal_comma,
             const char  *what,
             double      *value)
{
  if (tandem_parse_number (cell, decimal_comma, value))
    return TRUE;
  {
    g_autofree char *shown = shorten (cell);

    add_problem (reader, line, _("the %s “%s” is not a number"), what, shown);
  }
  return FALSE;
}

/* The count and denominator of row @r, from their columns. */
static gboolean
read_figures (Reader                    *reader,
              const TandemTable         *table,
              guint                      r,
              const TandemImportOptions *options,
              guint                      count_column,
              guint                      denominator_column,
              double                    *count,
              double                    *denominator)
{
  guint line = g_array_index (table->lines, guint, r);

  return read_number (reader, line, tandem_table_get_cell (table, r, count_column),
                      options->decimal_comma, _("count"), count) &&
         read_number (reader, line, tandem_table_get_cell (table, r, denominator_column),
                      options->decimal_comma, _("denominator"), denominator);
}

static gboolean
read_date (Reader                    *reader,
           const TandemTable         *table,
           guint                      r,
           const TandemImportOptions *options,
           char                       date[11])
{
  const char *cell = tandem_table_get_cell (table, r, (guint) options->date_column);
  guint line = g_array_index (table->lines, guint, r);
  g_autofree char *shown = shorten (cell);

  if (tandem_parse_date (cell, options->date_format, date))
    return TRUE;
  if (*cell == '\0')
    add_problem (reader, line, "%s", _("the date is empty"));
  else
    add_problem (reader, line, _("“%s” is not a date"), shown);
  return FALSE;
}

/* date, group, count, denominator: by the header's names, else in that order. */
static void
read_long (Reader                    *reader,
           const TandemTable         *table,
           const TandemImportOptions *options,
           int                        group_column,
           const char                *denominator_name)
{
  int count_column = -1, denominator_column = -1;

  if (options->has_header)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *cell = tandem_table_get_cell (table, 0, c);

          if ((int) c == group_column || (int) c == options->date_column)
            continue;
          if (count_column < 0 && header_is (cell, count_names, NULL))
            count_column = (int) c;
          else if (denominator_column < 0 && header_is (cell, denominator_names, denominator_name))
            denominator_column = (int) c;
        }
      if (count_column < 0 || denominator_column < 0)
        {
          add_problem (reader, g_array_index (table->lines, guint, 0), "%s",
                       count_column < 0
                       ? _("no column of counts: name one “count” in the header")
                       : _("no column of denominators: name one “denominator” in the header"));
          return;
        }
    }
  else
    {
      count_column = 2;
      denominator_column = 3;
    }

  for (guint r = options->has_header ? 1 : 0; r < table->rows->len; r++)
    {
      guint line = g_array_index (table->lines, guint, r);
      const char *group_cell = tandem_table_get_cell (table, r, (guint) group_column);
      const TandemGroupCategory *category;
      char date[11];
      double count, denominator;
      gboolean broad;

      if (!read_date (reader, table, r, options, date))
        continue;
      category = _tandem_breakdown_match_category (reader->categories, group_cell, &broad);
      if (category == NULL)
        {
          unknown_group (reader, line, group_cell, broad);
          continue;
        }
      if (!read_figures (reader, table, r, options, (guint) count_column,
                         (guint) denominator_column, &count, &denominator))
        continue;
      add_row (reader, line, date, category, count, denominator);
    }
}

/* A header naming a group's denominator: the group's name then
 * "denominator", "n" or the measure's name for its denominator ("Black or
 * Black British bed days", "White (n)", "Asian - denominator"). The group's
 * part, or NULL. */
static char *
denominator_of (const char *cell,
                const char *denominator_name)
{
  g_autofree char *folded = _tandem_breakdown_fold (cell);
  const char *suffixes[] = { "denominator", "n", denominator_name };
  gsize length = strlen (folded);

  /* "White (n)" reads as "White n" */
  if (length > 0 && (folded[length - 1] == ')' || folded[length - 1] == ']'))
    folded[--length] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *suffix = suffixes[i] ? _tandem_breakdown_fold (suffixes[i]) : NULL;
      g_autofree char *group = NULL;
      gsize n = suffix ? strlen (suffix) : 0;

      if (n == 0 || length <= n || !g_str_has_suffix (folded, suffix) ||
          strchr (" -:([,_", folded[length - n - 1]) == NULL)
        continue;
      group = g_strndup (folded, length - n);
      while (*group != '\0' && strchr (" -:([,_", group[strlen (group) - 1]) != NULL)
        group[strlen (group) - 1] = '\0';
      if (*group != '\0')
        return g_steal_pointer (&group);
    }
  return NULL;
}

typedef struct
{
  guint                      column;
  const TandemGroupCategory *category;
  int                        denominator_column;  /* its own, or the shared one, or -1 */
} WideColumn;

/* A date column, then a column of counts per group, with one column of
 * denominators for every group or one per group. */
static void
read_wide (Reader                    *reader,
           const TandemTable         *table,
           const TandemImportOptions *options,
           const char                *denominator_name)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (WideColumn));
  g_autoptr(GHashTable) own_denominators = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint header_line = g_array_index (table->lines, guint, 0);
  int shared = -1;
  guint n_problems = reader->import->problems->len;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *cell = tandem_table_get_cell (table, 0, c);
      g_autofree char *group_part = NULL;
      const TandemGroupCategory *category;
      gboolean broad;

      if ((int) c == options->date_column)
        continue;
      if (*cell == '\0')
        {
          add_problem (reader, header_line, _("column %u has no name: name the group it counts"),
                       c + 1);
          continue;
        }
      if (shared < 0 && header_is (cell, denominator_names, denominator_name))
        {
          shared = (int) c;
          continue;
        }
      category = _tandem_breakdown_match_category (reader->categories, cell, &broad);
      if (category != NULL)
        {
          WideColumn column = { c, category, -1 };

          for (guint i = 0; i < columns->len; i++)
            if (g_array_index (columns, WideColumn, i).category == category)
              {
                add_problem (reader, header_line, _("the columns %u and %u are both %s"),
                             g_array_index (columns, WideColumn, i).column + 1, c + 1,
                             category->label);
                category = NULL;
                break;
              }
          if (category != NULL)
            g_array_append_val (columns, column);
          continue;
        }
      group_part = denominator_of (cell, denominator_name);
      if (group_part != NULL &&
          (category = _tandem_breakdown_match_category (reader->categories, group_part, &broad)) != NULL)
        {
          g_hash_table_insert (own_denominators, (gpointer) category, GUINT_TO_POINTER (c + 1));
          continue;
        }
      unknown_group (reader, header_line, cell, broad);
    }

  for (guint i = 0; i < columns->len; i++)
    {
      WideColumn *column = &g_array_index (columns, WideColumn, i);
      guint own = GPOINTER_TO_UINT (g_hash_table_lookup (own_denominators, column->category));

      column->denominator_column = own > 0 ? (int) own - 1 : shared;
      if (column->denominator_column < 0)
        add_problem (reader, header_line, _("no denominators for %s: add a column “%s "
                                            "denominator”, or one “denominator” for every group"),
                     column->category->label, column->category->label);
    }
  if (columns->len == 0 && reader->import->problems->len == n_problems)
    add_problem (reader, header_line, "%s", _("no column names a group of this measure’s grouping"));
  if (reader->import->problems->len > n_problems)
    return;

  for (guint r = 1; r < table->rows->len; r++)
    {
      guint line = g_array_index (table->lines, guint, r);
      char date[11];

      if (!read_date (reader, table, r, options, date))
        continue;
      for (guint i = 0; i < columns->len; i++)
        {
          const WideColumn *column = &g_array_index (columns, WideColumn, i);
          double count, denominator;

          if (!read_figures (reader, table, r, options, column->column,
                             (guint) column->denominator_column, &count, &denominator))
            continue;
          /* an empty count for a group is no data for it that period */
          if (isnan (count) && (isnan (denominator) || column->denominator_column == shared))
            continue;
          add_row (reader, line, date, column->category, count, denominator);
        }
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const TandemImportProblem *x = *(TandemImportProblem * const *) a;
  const TandemImportProblem *y = *(TandemImportProblem * const *) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/**
 * tandem_breakdown_read_table:
 * @project: a project
 * @measure_id: a measure broken down by a grouping
 * @table: the cells of a CSV file or of pasted cells
 * @error: return location for an error
 *
 * Reads data by group for the measure, without saving anything. A long
 * table has a column of dates, one of groups, one of counts and one of
 * denominators (by those names in a header, else in that order); a wide one
 * has a header with a date column, then a column of counts per group, and
 * one column of denominators for all of them or one per group ("White
 * denominator"). Groups are found by their code or label, or for ethnicity
 * any way the NHS writes them. Each bad row is listed with its line and
 * reason: an unknown group, a bad date or number, a count that is not a
 * whole number, events with no denominator, a group and period twice.
 *
 * Returns: (transfer full) (nullable): the rows and the problems, or %NULL
 *   with @error set when the measure is not broken down
 */
TandemBreakdownImport *
tandem_breakdown_read_table (TandemProject      *project,
                             const char         *measure_id,
                             const TandemTable  *table,
                             GError            **error)
{
  g_autoptr(TandemBreakdown) breakdown = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemBreakdownImport) import = g_new0 (TandemBreakdownImport, 1);
  TandemImportOptions options;
  Reader reader;
  int group_column = -1;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL && table != NULL, NULL);

  if (!_tandem_breakdown_get_with_categories (project, measure_id, &breakdown, &categories, error))
    return NULL;

  import->rows = g_ptr_array_new_with_free_func (row_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_import_problem_free);
  reader.import = import;
  reader.categories = categories;
  reader.kind = breakdown->kind;
  reader.seen = seen;

  tandem_table_guess_options (table, &options);
  if (options.has_header)
    for (guint c = 0; c < table->n_columns && group_column < 0; c++)
      if ((int) c != options.date_column &&
          header_is (tandem_table_get_cell (table, 0, c), group_names, NULL))
        group_column = (int) c;
  if (!options.has_header)
    {
      options.date_column = 0;
      group_column = 1;
    }
  /* a decimal comma where cells are not separated by commas */
  if (table->delimiter != ',')
    for (guint r = options.has_header ? 1 : 0; r < table->rows->len && !options.decimal_comma; r++)
      for (guint c = 0; c < table->n_columns; c++)
        if ((int) c != options.date_column && (int) c != group_column &&
            strchr (tandem_table_get_cell (table, r, c), ',') != NULL)
          options.decimal_comma = TRUE;

  import->wide = group_column < 0;
  if (import->wide)
    read_wide (&reader, table, &options, breakdown->denominator_name);
  else if (!options.has_header && table->n_columns < 4)
    add_problem (&reader, g_array_index (table->lines, guint, 0), "%s",
                 _("a table without a header needs four columns: date, group, count and "
                   "denominator"));
  else
    read_long (&reader, table, &options, group_column, breakdown->denominator_name);

  if (import->rows->len == 0 && import->problems->len == 0)
    add_problem (&reader, g_array_index (table->lines, guint, 0), "%s",
                 _("there are no rows of data"));
  g_ptr_array_sort (import->problems, compare_problems);
  return g_steal_pointer (&import);
}

/**
 * tandem_breakdown_save_rows:
 * @project: a project
 * @measure_id: a measure broken down by a grouping
 * @rows: (element-type TandemBreakdownRow): the data, each for a category
 *   of the measure's grouping
 * @label: the change's name, for Undo ("Import 96 rows by group")
 * @error: return location for an error
 *
 * Saves data by group as one undoable change: a row for a period and
 * category the measure has already replaces its count and denominator, the
 * others are added. All of them or, if any is refused (its line named),
 * none.
 *
 * Returns: %TRUE if every row was saved
 */
gboolean
tandem_breakdown_save_rows (TandemProject  *project,
                            const char     *measure_id,
                            GPtrArray      *rows,
                            const char     *label,
                            GError        **error)
{
  static const char * const fields[] = {
    TANDEM_FIELD_BREAKDOWN_POINT_MEASURE_ID, TANDEM_FIELD_BREAKDOWN_POINT_CATEGORY_ID,
    TANDEM_FIELD_BREAKDOWN_POINT_DATE, TANDEM_FIELD_BREAKDOWN_POINT_COUNT,
    TANDEM_FIELD_BREAKDOWN_POINT_DENOMINATOR,
  };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(TandemBreakdown) breakdown = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) in_grouping = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (TandemValue));
  guint n_new = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL && rows != NULL, FALSE);

  if (!_tandem_breakdown_get_with_categories (project, measure_id, &breakdown, &categories, error))
    return FALSE;
  for (guint i = 0; i < categories->len; i++)
    g_hash_table_add (in_grouping, ((TandemGroupCategory *) categories->pdata[i])->id);

  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const TandemBreakdownRow *row = rows->pdata[i];
      g_autofree char *bad = check_figures (breakdown->kind, row->count, row->denominator);
      g_autofree char *existing = NULL;
      char date[11];
      gboolean found = FALSE;

      if (bad == NULL && !tandem_parse_iso_date (row->date, date))
        bad = g_strdup_printf (_("“%s” is not a date"), row->date);
      if (bad == NULL && (row->category_id == NULL ||
                          !g_hash_table_contains (in_grouping, row->category_id)))
        bad = g_strdup (_("the group is not in the measure’s grouping"));
      if (bad != NULL)
        {
          if (row->line > 0)
            g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("Line %u: %s."), row->line, bad);
          else
            g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, "%s", bad);
          return FALSE;
        }
      if (!_tandem_db_query_text (project, error, &existing, &found,
                                  "SELECT id FROM breakdown_point WHERE measure_id = ?1 "
                                  "AND date = ?2 AND category_id = ?3", "sss",
                                  measure_id, row->date, row->category_id))
        return FALSE;
      if (found)
        {
          g_autoptr(TandemBreakdownPoint) old = NULL;

          old = _tandem_db_get (project, error, &_tandem_breakdown_point_shape, "",
                                "SELECT " _TANDEM_BREAKDOWN_POINT_COLUMNS
                                " FROM breakdown_point WHERE id = ?1", "s", existing);

          if (old == NULL)
            return FALSE;
          if ((old->count != row->count &&
               !tandem_project_update (project, TANDEM_ENTITY_BREAKDOWN_POINT, existing,
                                       TANDEM_FIELD_BREAKDOWN_POINT_COUNT,
                                       tandem_value_double (row->count), error)) ||
              (old->denominator != row->denominator &&
               !tandem_project_update (project, TANDEM_ENTITY_BREAKDOWN_POINT, existing,
                                       TANDEM_FIELD_BREAKDOWN_POINT_DENOMINATOR,
                                       tandem_value_double (row->denominator), error)))
            return FALSE;
          continue;
        }
      {
        /* The values borrow the rows' text, which outlives them. */
        TandemValue v[] = {
          tandem_value_text (measure_id), tandem_value_text (row->category_id),
          tandem_value_text (row->date), tandem_value_double (row->count),
          tandem_value_double (row->denominator),
        };

        g_array_append_vals (values, v, G_N_ELEMENTS (v));
        n_new++;
      }
    }
  if (n_new > 0 &&
      !_tandem_project_insert_rows (project, TANDEM_ENTITY_BREAKDOWN_POINT, fields,
                                    G_N_ELEMENTS (fields), (const TandemValue *) values->data,
                                    n_new, error))
    return FALSE;
  return tandem_change_commit (&change, error);
}
