/* tandem-groups.c — the NHS ethnic categories and their broad groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Data arrive with the categories written in many ways: the code ("N"), the
 * short label ("African"), or the NHS's "Black or Black British - African",
 * with colons, dashes or commas, in any case. All of them are read here, in
 * English and in the person's language; anything else is not a category.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-groups.h"

typedef struct
{
  char              code;
  const char       *label;
  TandemBroadGroup  broad;
} Category;

static const Category categories[TANDEM_N_ETHNIC_CATEGORIES] = {
  { 'A', N_("White British"), TANDEM_BROAD_WHITE },
  { 'B', N_("White Irish"), TANDEM_BROAD_WHITE },
  { 'C', N_("Any other White background"), TANDEM_BROAD_WHITE },
  { 'D', N_("White and Black Caribbean"), TANDEM_BROAD_MIXED },
  { 'E', N_("White and Black African"), TANDEM_BROAD_MIXED },
  { 'F', N_("White and Asian"), TANDEM_BROAD_MIXED },
  { 'G', N_("Any other mixed background"), TANDEM_BROAD_MIXED },
  { 'H', N_("Indian"), TANDEM_BROAD_ASIAN },
  { 'J', N_("Pakistani"), TANDEM_BROAD_ASIAN },
  { 'K', N_("Bangladeshi"), TANDEM_BROAD_ASIAN },
  { 'L', N_("Any other Asian background"), TANDEM_BROAD_ASIAN },
  { 'M', N_("Caribbean"), TANDEM_BROAD_BLACK },
  { 'N', N_("African"), TANDEM_BROAD_BLACK },
  { 'P', N_("Any other Black background"), TANDEM_BROAD_BLACK },
  { 'R', N_("Chinese"), TANDEM_BROAD_OTHER },
  { 'S', N_("Any other ethnic group"), TANDEM_BROAD_OTHER },
  { 'Z', N_("Not stated"), TANDEM_BROAD_NOT_STATED },
};

static const char * const broad_labels[TANDEM_N_BROAD_GROUPS] = {
  N_("White"),
  N_("Mixed"),
  N_("Asian or Asian British"),
  N_("Black or Black British"),
  N_("Other"),
  N_("Not stated"),
};

/* Other names for the broad groups, as the NHS Data Dictionary and the 2011
 * and 2021 censuses head them; a category may be written after any of them
 * ("Other Ethnic Groups - Chinese"). Already in normalised form. */
static const struct
{
  TandemBroadGroup  group;
  const char       *name;
} broad_aliases[] = {
  { TANDEM_BROAD_MIXED, "mixed or multiple ethnic groups" },
  { TANDEM_BROAD_MIXED, "mixed or multiple" },
  { TANDEM_BROAD_ASIAN, "asian" },
  { TANDEM_BROAD_BLACK, "black" },
  { TANDEM_BROAD_BLACK, "black african caribbean or black british" },
  { TANDEM_BROAD_BLACK, "black black british caribbean or african" },
  { TANDEM_BROAD_OTHER, "other ethnic groups" },
  { TANDEM_BROAD_OTHER, "other ethnic group" },
  { TANDEM_BROAD_OTHER, "other" },
};

/* The "any other … background" categories as many records write them
 * ("White Other"); normalised. */
static const struct
{
  TandemEthnicCategory  category;
  const char           *name;
} category_aliases[] = {
  { TANDEM_ETHNIC_WHITE_OTHER, "white other" },
  { TANDEM_ETHNIC_MIXED_OTHER, "mixed other" },
  { TANDEM_ETHNIC_ASIAN_OTHER, "asian other" },
  { TANDEM_ETHNIC_BLACK_OTHER, "black other" },
};

/* Case folded, with dashes, colons, commas, slashes and runs of spaces made
 * one space and "&" made "and", so "Black or Black British - African" and
 * "black or black british: african" read alike. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *s = g_string_sized_new (strlen (folded));
  gboolean space = TRUE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        {
          if (!space)
            g_string_append_c (s, ' ');
          g_string_append (s, "and ");
          space = TRUE;
        }
      else if (g_unichar_isspace (c) || c == '-' || c == ':' || c == ',' || c == '/' ||
               c == ';' || c == '_' || c == 0x2013 || c == 0x2014 || c == 0x2010)
        {
          if (!space)
            g_string_append_c (s, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_unichar (s, c);
          space = FALSE;
        }
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* Whether @text is @label, in English or translated. */
static gboolean
names (const char *text,
       const char *label)
{
  g_autofree char *english = normalise (label);
  g_autofree char *translated = NULL;

  if (g_str_equal (text, english))
    return TRUE;
  translated = normalise (_(label));
  return g_str_equal (text, translated);
}

/* Whether @text is @label with one of @group's names before it. */
static gboolean
names_within (const char       *text,
              TandemBroadGroup  group,
              const char       *label)
{
  g_autofree char *english = normalise (label);
  g_autofree char *translated = normalise (_(label));
  g_autofree char *heading = normalise (broad_labels[group]);
  g_autofree char *heading_translated = normalise (_(broad_labels[group]));
  const char *headings[2 + G_N_ELEMENTS (broad_aliases)];
  guint n = 0;

  headings[n++] = heading;
  headings[n++] = heading_translated;
  for (guint i = 0; i < G_N_ELEMENTS (broad_aliases); i++)
    if (broad_aliases[i].group == group)
      headings[n++] = broad_aliases[i].name;

  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (headings[i]);

      if (strncmp (text, headings[i], length) == 0 && text[length] == ' ' &&
          (g_str_equal (text + length + 1, english) ||
           g_str_equal (text + length + 1, translated)))
        return TRUE;
    }
  return FALSE;
}

/**
 * tandem_ethnic_category_get_code:
 * @category: a category
 *
 * Returns: its NHS code, 'A' to 'Z'
 */
char
tandem_ethnic_category_get_code (TandemEthnicCategory category)
{
  g_return_val_if_fail (category < TANDEM_N_ETHNIC_CATEGORIES, '?');
  return categories[category].code;
}

/**
 * tandem_ethnic_category_get_label:
 * @category: a category
 *
 * Returns: its label, translated ("White British", "African"…)
 */
const char *
tandem_ethnic_category_get_label (TandemEthnicCategory category)
{
  g_return_val_if_fail (category < TANDEM_N_ETHNIC_CATEGORIES, "");
  return _(categories[category].label);
}

/**
 * tandem_ethnic_category_get_broad_group:
 * @category: a category
 *
 * Returns: the broad group it pools into; %TANDEM_BROAD_NOT_STATED for
 *   "Not stated" alone
 */
TandemBroadGroup
tandem_ethnic_category_get_broad_group (TandemEthnicCategory category)
{
  g_return_val_if_fail (category < TANDEM_N_ETHNIC_CATEGORIES, TANDEM_BROAD_NOT_STATED);
  return categories[category].broad;
}

/**
 * tandem_ethnic_category_lookup:
 * @text: a category as a file or a person writes it
 * @category: (out): the category
 *
 * Finds a category by its code ("N"), its label ("African"), or its label
 * after its broad group's name as the NHS writes it ("Black or Black British
 * - African", "Black African"), or "White Other" and the like for the "any
 * other … background" categories, in any case, with dashes, colons or
 * commas between, in English or translated. A broad group's own name is
 * not a category.
 *
 * Returns: whether @text names a category
 */
gboolean
tandem_ethnic_category_lookup (const char           *text,
                               TandemEthnicCategory *category)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  wanted = normalise (text);
  if (wanted[0] != '\0' && wanted[1] == '\0')
    {
      for (guint i = 0; i < TANDEM_N_ETHNIC_CATEGORIES; i++)
        if (g_ascii_tolower (categories[i].code) == wanted[0])
          {
            *category = i;
            return TRUE;
          }
      return FALSE;
    }
  for (guint i = 0; i < TANDEM_N_ETHNIC_CATEGORIES; i++)
    if (names (wanted, categories[i].label) ||
        names_within (wanted, categories[i].broad, categories[i].label))
      {
        *category = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (category_aliases); i++)
    if (g_str_equal (wanted, category_aliases[i].name))
      {
        *category = category_aliases[i].category;
        return TRUE;
      }
  return FALSE;
}

/**
 * tandem_broad_group_get_label:
 * @group: a broad group
 *
 * Returns: its label, translated ("Black or Black British"…)
 */
const char *
tandem_broad_group_get_label (TandemBroadGroup group)
{
  g_return_val_if_fail (group < TANDEM_N_BROAD_GROUPS, "");
  return _(broad_labels[group]);
}

/**
 * tandem_broad_group_lookup:
 * @text: a broad group as a file or a person writes it
 * @group: (out): the group
 *
 * Finds a broad group by its name ("Black or Black British"), or the shorter
 * or census names ("Black", "Other ethnic group"), in any case, in English
 * or translated. "Not stated" is %TANDEM_BROAD_NOT_STATED.
 *
 * Returns: whether @text names a broad group
 */
gboolean
tandem_broad_group_lookup (const char       *text,
                           TandemBroadGroup *group)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  wanted = normalise (text);
  for (guint i = 0; i < TANDEM_N_BROAD_GROUPS; i++)
    if (names (wanted, broad_labels[i]))
      {
        *group = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (broad_aliases); i++)
    if (g_str_equal (wanted, broad_aliases[i].name))
      {
        *group = broad_aliases[i].group;
        return TRUE;
      }
  return FALSE;
}

/**
 * tandem_ethnic_pool:
 * @by_category: (array fixed-size=17): a figure per category (a count or a
 *   denominator), indexed by #TandemEthnicCategory
 * @by_broad_group: (out caller-allocates) (array fixed-size=6): the sums per
 *   broad group, indexed by #TandemBroadGroup
 *
 * Pools the categories into their broad groups. "Not stated" is never added
 * to any of them: it is kept alone in %TANDEM_BROAD_NOT_STATED.
 */
void
tandem_ethnic_pool (const double *by_category,
                    double       *by_broad_group)
{
  for (guint g = 0; g < TANDEM_N_BROAD_GROUPS; g++)
    by_broad_group[g] = 0;
  for (guint c = 0; c < TANDEM_N_ETHNIC_CATEGORIES; c++)
    by_broad_group[categories[c].broad] += by_category[c];
}
