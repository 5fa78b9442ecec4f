/* tandem-cli-analyse-groups.c — `tandem-cli analyse --by-group`: disparity between groups as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a broken-down measure from CSV (date, group, value, denominator; a
 * header naming them, or those four in that order), compares every group
 * with a reference group over the whole span and each calendar quarter
 * with tandem_disparity_analyse(), and prints the figures as JSON. Groups
 * are NHS ethnic categories (by code or label) or broad groups; a file
 * gives one or the other. Exit status: 0 done, 2 bad arguments or input
 * (each bad row named with its line), 1 the output could not be written.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-analyse-groups.h"
#include "tandem-disparity.h"
#include "tandem-groups.h"
#include "tandem-table-import.h"

#define STATUS_OK          0
#define STATUS_WRITE_ERROR 1
#define STATUS_BAD_INPUT   2

typedef struct
{
  gboolean             by_group;
  char                *kind;
  char                *reference;
  char                *per;
  gboolean             pool;
  gboolean             suppress;
  guint                threshold;
  gboolean             help;
} Arguments;

/* What the file's groups are. */
typedef enum
{
  LEVEL_UNKNOWN,
  LEVEL_CATEGORY,
  LEVEL_BROAD,
} Level;

typedef struct
{
  const char  *name;          /* the file's name, or "standard input" */
  GArray      *rows;          /* TandemDisparityRow, group a category or broad group */
  Level        level;
  guint        category_line; /* the first row naming a category (not "Not stated") */
  guint        broad_line;    /* the first row naming a broad group */
  GArray      *problems;      /* Problem, sorted by line before they are shown */
} Input;

typedef struct
{
  guint  line;
  char  *text;
} Problem;

static gboolean
suppress_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  Arguments *args = data;

  args->suppress = TRUE;
  return tandem_cli_groups_parse_threshold (value, &args->threshold, error);
}

/**
 * tandem_cli_groups_parse_threshold:
 * @value: (nullable): what --suppress was given, or %NULL for the default
 * @threshold: (out): the largest count to hide
 * @error: return location for an option error naming the value
 *
 * Returns: whether @value is a whole number of events, 0 or more
 */
gboolean
tandem_cli_groups_parse_threshold (const char  *value,
                                   guint       *threshold,
                                   GError     **error)
{
  guint64 number = TANDEM_DISPARITY_DEFAULT_THRESHOLD;

  if (value != NULL &&
      !g_ascii_string_to_unsigned (value, 10, 0, 1000000, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--suppress: “%s” is not a whole number of events, 0 or more"), value);
      return FALSE;
    }
  *threshold = (guint) number;
  return TRUE;
}

static gboolean
read_all (FILE        *in,
          const char  *filename,
          char       **contents,
          gsize       *length,
          GError     **error)
{
  g_autoptr(GString) text = NULL;
  char buffer[65536];
  size_t n;

  if (!g_str_equal (filename, "-"))
    return g_file_get_contents (filename, contents, length, error);
  text = g_string_new (NULL);
  while ((n = fread (buffer, 1, sizeof buffer, in)) > 0)
    g_string_append_len (text, buffer, (gssize) n);
  if (ferror (in))
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Could not read standard input: %s"), g_strerror (errno));
      return FALSE;
    }
  *length = text->len;
  *contents = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
header_is (const char         *cell,
           const char * const *names)
{
  g_autofree char *folded = g_utf8_casefold (cell, -1);

  g_strstrip (folded);
  return g_strv_contains (names, folded);
}

/* Which column holds what: by the header's names, or date, group, value,
 * denominator in that order when there is no header. */
static gboolean
choose_columns (const TandemTable   *table,
                TandemImportOptions *options,
                int                 *group_column,
                Input               *input,
                FILE                *err)
{
  static const char * const group_names[] = {
    "group", "ethnicity", "ethnic group", "ethnic category", "ethnic origin", "category", NULL
  };
  static const char * const denominator_names[] = {
    "bed days", "occupied bed days", "exposure", "people", "patients", NULL
  };

  tandem_table_guess_options (table, options);
  *group_column = -1;
  if (!options->has_header)
    {
      if (table->n_columns < 4)
        {
          tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: the file needs four columns: date, group, value and denominator"),
                input->name);
          return FALSE;
        }
      options->date_column = 0;
      *group_column = 1;
      options->value_column = 2;
      options->denominator_column = 3;
      options->note_column = -1;
      return TRUE;
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *cell = tandem_table_get_cell (table, 0, c);

      if (*group_column < 0 && header_is (cell, group_names))
        *group_column = (int) c;
      else if (options->denominator_column < 0 && header_is (cell, denominator_names))
        options->denominator_column = (int) c;
    }
  if (*group_column < 0)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: no column of groups: the header names none of group, ethnicity "
                   "or category"), input->name);
      return FALSE;
    }
  if (options->denominator_column < 0)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: no column of denominators: name it “denominator” (bed days, "
                   "people…) in the header"), input->name);
      return FALSE;
    }
  if (options->value_column == *group_column || options->date_column == *group_column)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: the columns of dates, groups and values must differ"), input->name);
      return FALSE;
    }
  options->note_column = -1;
  return TRUE;
}

/* Bed days may be the only column with decimals: 3,5 there means a decimal
 * comma too, where commas do not separate the cells. */
static void
guess_decimal_comma (const TandemTable   *table,
                     TandemImportOptions *options)
{
  if (table->delimiter == ',' || options->denominator_column < 0)
    return;
  for (guint r = options->has_header ? 1 : 0; r < table->rows->len; r++)
    if (strchr (tandem_table_get_cell (table, r, (guint) options->denominator_column), ',') != NULL)
      options->decimal_comma = TRUE;
}

static void G_GNUC_PRINTF (3, 4)
problem (Input      *input,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  Problem bad = { line, NULL };

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  bad.text = g_strdup_printf (_("%s: line %u: %s"), input->name, line, reason);
  g_array_append_val (input->problems, bad);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;

  return x->line < y->line ? -1 : x->line > y->line;
}

static void
problem_clear (gpointer data)
{
  Problem *bad = data;

  g_free (bad->text);
}

/* One row's group, count and denominator, checked; a problem noted if not. */
static void
read_row (Input                  *input,
          const TandemImportRow  *imported,
          const char             *group_cell,
          TandemDisparityKind     kind)
{
  TandemDisparityRow row = { "", 0, imported->value, imported->denominator };
  TandemEthnicCategory category;
  TandemBroadGroup broad;
  guint line = imported->line;

  if (tandem_ethnic_category_lookup (group_cell, &category))
    {
      row.group = category;
      if (category != TANDEM_ETHNIC_NOT_STATED && input->category_line == 0)
        input->category_line = line;
    }
  else if (tandem_broad_group_lookup (group_cell, &broad))
    {
      /* marked as broad until the file's level is known */
      row.group = TANDEM_N_ETHNIC_CATEGORIES + broad;
      if (input->broad_line == 0)
        input->broad_line = line;
    }
  else if (*group_cell == '\0')
    {
      problem (input, line, _("the group is empty"));
      return;
    }
  else
    {
      problem (input, line, _("“%s” is not an ethnic category or broad group (a code from A "
                              "to Z, a label such as “White British” or “African”, or a broad "
                              "group such as “Black or Black British”)"), group_cell);
      return;
    }

  if (isnan (row.count))
    problem (input, line, _("the value (the count) is missing"));
  else if (row.count < 0 || floor (row.count) != row.count)
    problem (input, line, _("the value %g is not a count: a whole number, 0 or more"),
             row.count);
  else if (isnan (row.denominator))
    problem (input, line, _("the denominator is missing"));
  else if (row.denominator == 0 && row.count > 0)
    problem (input, line, _("%g events but a denominator of 0"), row.count);
  else if (kind == TANDEM_DISPARITY_PROPORTION && floor (row.denominator) != row.denominator)
    problem (input, line, _("the denominator %g is not a number of people"), row.denominator);
  else if (kind == TANDEM_DISPARITY_PROPORTION && row.count > row.denominator)
    problem (input, line, _("%g people with the event is more than the %g people counted"),
             row.count, row.denominator);
  else
    {
      g_strlcpy (row.date, imported->date, sizeof row.date);
      g_array_append_val (input->rows, row);
    }
}


static gboolean
read_input (Input              *input,
            const char         *contents,
            gsize               length,
            TandemDisparityKind kind,
            FILE               *err)
{
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TandemImportOptions options;
  int group_column;
  guint r = 0;

  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s: %s", input->name, error->message);
      return FALSE;
    }
  if (!choose_columns (table, &options, &group_column, input, err))
    return FALSE;
  guess_decimal_comma (table, &options);

  import = tandem_table_import (table, &options);
  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *bad = import->problems->pdata[i];

      problem (input, bad->line, "%s", bad->reason);
    }
  for (guint i = 0; i < import->rows->len; i++)
    {
      const TandemImportRow *imported = import->rows->pdata[i];

      /* the table row the imported row came from: rows keep their order */
      while (g_array_index (table->lines, guint, r) != imported->line)
        r++;
      read_row (input, imported, tandem_table_get_cell (table, r, (guint) group_column), kind);
    }

  if (input->category_line > 0 && input->broad_line > 0)
    problem (input, MAX (input->category_line, input->broad_line),
             _("the file mixes ethnic categories (line %u) and broad groups (line %u): give "
               "one or the other, so nothing is counted twice"),
             input->category_line, input->broad_line);
  if (input->problems->len > 0)
    {
      g_array_sort (input->problems, compare_problems);
      for (guint i = 0; i < input->problems->len; i++)
        fprintf (err, "%s\n", g_array_index (input->problems, Problem, i).text);
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: nothing analysed: fix the rows above"), input->name);
      return FALSE;
    }
  if (input->rows->len == 0)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: nothing analysed: the file has no rows of data"), input->name);
      return FALSE;
    }

  input->level = input->broad_line > 0 ? LEVEL_BROAD : LEVEL_CATEGORY;
  for (guint i = 0; i < input->rows->len; i++)
    {
      TandemDisparityRow *row = &g_array_index (input->rows, TandemDisparityRow, i);

      if (row->group >= TANDEM_N_ETHNIC_CATEGORIES)
        row->group -= TANDEM_N_ETHNIC_CATEGORIES;
      else if (input->level == LEVEL_BROAD)
        row->group = tandem_ethnic_category_get_broad_group (row->group);
    }
  return TRUE;
}

/* At the broad level, from categories. */
static void
pool_rows (Input *input)
{
  if (input->level == LEVEL_BROAD)
    return;
  for (guint i = 0; i < input->rows->len; i++)
    {
      TandemDisparityRow *row = &g_array_index (input->rows, TandemDisparityRow, i);

      row->group = tandem_ethnic_category_get_broad_group (row->group);
    }
  input->level = LEVEL_BROAD;
}

static const char *
status_word (TandemRatioStatus status)
{
  switch (status)
    {
    case TANDEM_RATIO_ESTIMATED: return "estimated";
    case TANDEM_RATIO_REFERENCE: return "reference";
    case TANDEM_RATIO_NOT_STATED: return "not-stated";
    case TANDEM_RATIO_NO_REFERENCE: return "no-reference";
    case TANDEM_RATIO_INFINITE: return "infinite";
    case TANDEM_RATIO_UNDEFINED: return "undefined";
    default: g_assert_not_reached ();
    }
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (floor (value) == value && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static char *
fewer_than (guint threshold)
{
  return g_strdup_printf (_("fewer than %u"), threshold + 1);
}

static void
add_group (JsonBuilder                  *builder,
           const TandemDisparityPeriod  *period,
           guint                         g,
           Level                         level,
           const Arguments              *args,
           const char                   *reference_name)
{
  const TandemDisparityGroup *group = &period->disparity->groups[g];
  gboolean ratio_shown = !group->ratio_suppressed;

  json_builder_begin_object (builder);
  if (level == LEVEL_CATEGORY)
    {
      char code[2] = { tandem_ethnic_category_get_code (g), '\0' };

      add_string (builder, "group", tandem_ethnic_category_get_label (g));
      add_string (builder, "code", code);
    }
  else
    add_string (builder, "group", tandem_broad_group_get_label (g));

  if (group->count_suppressed)
    {
      g_autofree char *words = fewer_than (args->threshold);

      add_number (builder, "count", NAN);
      add_string (builder, "count_text", words);
    }
  else
    add_number (builder, "count", group->count);
  add_number (builder, "denominator", group->denominator);
  add_number (builder, "rate", group->count_suppressed ? NAN : group->rate);
  add_number (builder, "ratio", ratio_shown ? group->ratio : NAN);
  add_number (builder, "ratio_lcl", ratio_shown ? group->lcl : NAN);
  add_number (builder, "ratio_ucl", ratio_shown ? group->ucl : NAN);

  if (!period->has_data[g])
    add_string (builder, "status", "no-data");
  else
    add_string (builder, "status", status_word (group->status));
  if (group->corrected)
    {
      json_builder_set_member_name (builder, "corrected");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (group->ratio_suppressed)
    {
      json_builder_set_member_name (builder, "ratio_suppressed");
      json_builder_add_boolean_value (builder, TRUE);
    }

  /* the figures JSON cannot hold as numbers, said in words */
  if (!period->has_data[g])
    add_string (builder, "note", _("No denominator for this group in this period: no rate."));
  else if (group->status == TANDEM_RATIO_INFINITE && ratio_shown)
    {
      g_autofree char *note =
        g_strdup_printf (_("%s had no events, so the ratio and the interval's upper end are "
                           "infinite; the lower end is shown."), reference_name);
      add_string (builder, "note", note);
    }
  else if (group->status == TANDEM_RATIO_UNDEFINED)
    {
      g_autofree char *note =
        g_strdup_printf (_("Neither this group nor %s had any events: there is no ratio."),
                         reference_name);
      add_string (builder, "note", note);
    }
  else if (group->status == TANDEM_RATIO_NO_REFERENCE)
    {
      g_autofree char *note =
        g_strdup_printf (_("%s has no denominator in this period: there is no ratio."),
                         reference_name);
      add_string (builder, "note", note);
    }
  json_builder_end_object (builder);
}

static void
add_period (JsonBuilder                  *builder,
            const TandemDisparityPeriod  *period,
            const gboolean               *present,
            guint                         n_groups,
            guint                         not_stated,
            Level                         level,
            const Arguments              *args,
            const char                   *reference_name)
{
  const TandemDisparity *disparity = period->disparity;

  json_builder_begin_object (builder);
  if (period->quarter > 0)
    {
      g_autofree char *quarter = g_strdup_printf ("%d Q%d", period->year, period->quarter);

      add_string (builder, "quarter", quarter);
    }
  add_string (builder, "from", period->from);
  add_string (builder, "to", period->to);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint g = 0; g < n_groups; g++)
    if (present[g] && g != not_stated)
      add_group (builder, period, g, level, args, reference_name);
  json_builder_end_array (builder);

  add_number (builder, "not_stated_share",
              disparity->not_stated_suppressed ? NAN : disparity->not_stated_share);
  if (present[not_stated])
    {
      const TandemDisparityGroup *group = &disparity->groups[not_stated];

      json_builder_set_member_name (builder, "not_stated");
      json_builder_begin_object (builder);
      if (group->count_suppressed)
        {
          g_autofree char *words = fewer_than (args->threshold);

          add_number (builder, "count", NAN);
          add_string (builder, "count_text", words);
        }
      else
        add_number (builder, "count", group->count);
      add_number (builder, "denominator", group->denominator);
      add_number (builder, "denominator_share", disparity->not_stated_denominator_share);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static char *
write_json (const TandemDisparitySeries  *series,
            const TandemDisparityOptions *options,
            const gboolean               *present,
            guint                         n_groups,
            Level                         level,
            const Arguments              *args,
            const char                   *reference_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean rate = options->kind == TANDEM_DISPARITY_RATE;

  json_builder_begin_object (builder);
  add_string (builder, "kind", rate ? "rate" : "proportion");
  add_number (builder, "per", options->per);
  add_string (builder, "level", level == LEVEL_BROAD ? "broad" : "category");
  add_string (builder, "reference", reference_name);
  add_number (builder, "confidence_percent", 95);
  add_string (builder, "method", rate
              ? "exact conditional (Clopper-Pearson on a/(a+b), as R's poisson.test)"
              : "Katz log interval (0.5 added to every cell when one is 0)");
  if (args->suppress)
    {
      g_autofree char *note =
        g_strdup_printf (_("Counts from 1 to %u are hidden (shown as “fewer than %u”), "
                           "with the rates and ratios computed from them."),
                         args->threshold, args->threshold + 1);

      json_builder_set_member_name (builder, "suppression");
      json_builder_begin_object (builder);
      add_number (builder, "threshold", args->threshold);
      add_string (builder, "note", note);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "whole");
  add_period (builder, series->whole, present, n_groups, options->not_stated, level, args,
              reference_name);
  json_builder_set_member_name (builder, "quarters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < series->quarters->len; i++)
    add_period (builder, series->quarters->pdata[i], present, n_groups, options->not_stated,
                level, args, reference_name);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* The reference group's index at the file's level. */
static gboolean
find_reference (const char *text,
                Level       level,
                guint      *reference,
                FILE       *err)
{
  TandemEthnicCategory category;
  TandemBroadGroup broad;

  if (text == NULL)
    {
      *reference = level == LEVEL_BROAD ? TANDEM_BROAD_WHITE : TANDEM_ETHNIC_WHITE_BRITISH;
      return TRUE;
    }
  if (level == LEVEL_BROAD && tandem_broad_group_lookup (text, &broad))
    *reference = broad;
  else if (level == LEVEL_CATEGORY && tandem_ethnic_category_lookup (text, &category))
    *reference = category;
  else if (level == LEVEL_BROAD && tandem_ethnic_category_lookup (text, &category))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--reference: “%s” is an ethnic category, but the groups compared are "
                   "broad groups (White, Mixed, Asian or Asian British, Black or Black "
                   "British, Other)"), text);
      return FALSE;
    }
  else if (level == LEVEL_CATEGORY && tandem_broad_group_lookup (text, &broad))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--reference: “%s” is a broad group, but the groups compared are ethnic "
                   "categories; name a category, or add --pool to compare broad groups"), text);
      return FALSE;
    }
  else
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--reference: “%s” is not an ethnic category or broad group"), text);
      return FALSE;
    }
  if ((level == LEVEL_BROAD && *reference == TANDEM_BROAD_NOT_STATED) ||
      (level == LEVEL_CATEGORY && *reference == TANDEM_ETHNIC_NOT_STATED))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--reference: “Not stated” cannot be the reference group"));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_cli_groups_read:
 * @filename: the CSV file, or "-" for @in
 * @in: standard input
 * @kind: (nullable): --kind: "rate" (the default) or "proportion"
 * @per: (nullable): --per: a number above 0 (default 1000 for rates, 100
 *   for proportions)
 * @reference: (nullable): --reference: a category or broad group by code
 *   or label (default White British, or White for broad groups)
 * @pool: --pool: compare broad groups pooled from the categories
 * @groups: (out caller-allocates): filled in; clear it with
 *   tandem_cli_groups_clear() whatever this returns
 * @err: where messages go
 *
 * Reads a broken-down measure's CSV as `analyse --by-group` and `chart
 * --by-group` take it (date, group, value, denominator), checks every row
 * and the options, and gives the rows and the options to analyse them
 * with. Each bad row is named with its line on @err.
 *
 * Returns: %FALSE (and the reason on @err) for bad options or input
 */
gboolean
tandem_cli_groups_read (const char      *filename,
                        FILE            *in,
                        const char      *kind,
                        const char      *per,
                        const char      *reference,
                        gboolean         pool,
                        TandemCliGroups *groups,
                        FILE            *err)
{
  g_autoptr(GArray) problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Input input = { NULL, NULL, LEVEL_UNKNOWN, 0, 0, problems };
  TandemDisparityOptions *options = &groups->options;
  gsize length;

  memset (groups, 0, sizeof *groups);
  groups->rows = g_array_new (FALSE, FALSE, sizeof (TandemDisparityRow));
  input.rows = groups->rows;
  g_array_set_clear_func (problems, problem_clear);
  tandem_disparity_options_init (options);

  if (kind == NULL || g_str_equal (kind, "rate"))
    options->kind = TANDEM_DISPARITY_RATE;
  else if (g_str_equal (kind, "proportion"))
    {
      options->kind = TANDEM_DISPARITY_PROPORTION;
      options->per = 100;
    }
  else
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--kind: “%s” is not rate or proportion"), kind);
      return FALSE;
    }
  if (per != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (per));
      char *end = NULL;

      options->per = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0' || !isfinite (options->per) || options->per <= 0)
        {
          tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("--per: “%s” is not a number above 0"), per);
          return FALSE;
        }
    }

  groups->name = g_strdup (g_str_equal (filename, "-") ? _("standard input") : filename);
  input.name = groups->name;
  if (!read_all (in, filename, &contents, &length, &error))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s", error->message);
      return FALSE;
    }
  if (!read_input (&input, contents, length, options->kind, err))
    return FALSE;
  if (pool)
    pool_rows (&input);

  groups->broad = input.level == LEVEL_BROAD;
  groups->n_groups = groups->broad ? TANDEM_N_BROAD_GROUPS : TANDEM_N_ETHNIC_CATEGORIES;
  for (guint g = 0; g < groups->n_groups; g++)
    groups->names[g] = groups->broad ? tandem_broad_group_get_label (g)
                                     : tandem_ethnic_category_get_label (g);
  for (guint i = 0; i < groups->rows->len; i++)
    groups->present[g_array_index (groups->rows, TandemDisparityRow, i).group] = TRUE;
  options->not_stated = groups->broad ? TANDEM_BROAD_NOT_STATED : TANDEM_ETHNIC_NOT_STATED;
  if (!find_reference (reference, input.level, &options->reference, err))
    return FALSE;
  if (!groups->present[options->reference])
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, _("%s: the reference group “%s” has no rows; choose another with --reference"),
                          groups->name, groups->names[options->reference]);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_cli_groups_clear:
 * @groups: what tandem_cli_groups_read() filled in
 */
void
tandem_cli_groups_clear (TandemCliGroups *groups)
{
  g_clear_pointer (&groups->rows, g_array_unref);
  g_clear_pointer (&groups->name, g_free);
}

/**
 * tandem_cli_analyse_is_by_group:
 * @argc: number of arguments
 * @argv: `analyse`'s arguments
 *
 * Returns: whether `analyse` was asked for --by-group
 */
gboolean
tandem_cli_analyse_is_by_group (int    argc,
                                char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      if (g_str_equal (argv[i], "--by-group"))
        return TRUE;
    }
  return FALSE;
}

/**
 * tandem_cli_analyse_groups_streams:
 * @argc: number of arguments
 * @argv: the arguments, @argv[0] being "analyse"
 * @in: standard input, read when the file is "-"
 * @out: where the JSON goes
 * @err: where messages go
 *
 * Runs `tandem-cli analyse --by-group [--kind rate|proportion] [--reference
 * GROUP] [--per N] [--pool] [--suppress[=N]] FILE.csv`.
 *
 * Returns: the exit status: 0, 2 for bad arguments or input, 1 if the output
 *   could not be written
 */
int
tandem_cli_analyse_groups_streams (int    argc,
                                   char **argv,
                                   FILE  *in,
                                   FILE  *out,
                                   FILE  *err)
{
  Arguments args = { .threshold = TANDEM_DISPARITY_DEFAULT_THRESHOLD };
  GOptionEntry entries[] = {
    { "by-group", 0, 0, G_OPTION_ARG_NONE, &args.by_group,
      "Compare groups (ethnic categories or broad groups)", NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &args.kind,
      "rate (events per exposure, the default) or proportion (people with the event "
      "among people)", "KIND" },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &args.reference,
      "The group the others are compared with, by code or label (default White British, "
      "or White for broad groups)", "GROUP" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &args.per,
      "Rates per N of the denominator (default 1000 for rates, 100 for proportions)", "N" },
    { "pool", 0, 0, G_OPTION_ARG_NONE, &args.pool,
      "Pool the categories into broad groups (Not stated is never pooled)", NULL },
    { "suppress", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) suppress_cb,
      "For sharing: hide counts from 1 to N (default 4) and the figures made from them",
      "[N]" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &args.help, "Show this help", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDisparitySeries) series = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) strv = NULL;
  TandemCliGroups groups = { NULL };
  GOptionGroup *group;
  Level level;
  int status = STATUS_BAD_INPUT;

  g_return_val_if_fail (argc >= 1, STATUS_BAD_INPUT);

  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  context = g_option_context_new ("--by-group FILE.csv");
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
    "Compares groups' rates with a reference group's, over the whole span and each\n"
    "calendar quarter, with 95% intervals, and prints them as JSON. FILE.csv (or - for\n"
    "standard input) has the columns date, group, value and denominator; a group is\n"
    "an NHS ethnic category (code or label) or a broad group.");
  group = g_option_group_new (NULL, NULL, NULL, &args, NULL);
  g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (context, group);

  if (!g_option_context_parse_strv (context, &strv, &error))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "analyse: %s", error->message);
      goto out;
    }
  if (args.help)
    {
      g_autofree char *help_text = g_option_context_get_help (context, TRUE, NULL);

      fputs (help_text, out);
      status = STATUS_OK;
      goto out;
    }
  if (g_strv_length (strv) != 2)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "analyse: %s", g_strv_length (strv) < 2 ? "which file? Give one CSV file, or -"
                                                         : "give only one CSV file");
      goto out;
    }

  if (!tandem_cli_groups_read (strv[1], in, args.kind, args.per, args.reference, args.pool,
                               &groups, err))
    goto out;
  level = groups.broad ? LEVEL_BROAD : LEVEL_CATEGORY;

  series = tandem_disparity_analyse ((const TandemDisparityRow *) (gpointer) groups.rows->data,
                                     groups.rows->len, groups.names, groups.n_groups,
                                     &groups.options, &error);
  if (series == NULL)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s: %s", groups.name, error->message);
      goto out;
    }
  if (args.suppress)
    tandem_disparity_series_suppress (series, &groups.options, args.threshold);

  json = write_json (series, &groups.options, groups.present, groups.n_groups, level, &args,
                     groups.names[groups.options.reference]);
  if (fputs (json, out) == EOF || fputc ('\n', out) == EOF || fflush (out) != 0)
    {
      fprintf (err, "tandem-cli: could not write the result: %s\n", g_strerror (errno));
      status = STATUS_WRITE_ERROR;
      goto out;
    }
  status = STATUS_OK;

out:
  tandem_cli_groups_clear (&groups);
  g_free (args.kind);
  g_free (args.reference);
  g_free (args.per);
  return status;
}
