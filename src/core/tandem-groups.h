/* tandem-groups.h — the NHS ethnic categories and their broad groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TandemEthnicCategory:
 *
 * The seventeen NHS ethnic categories (the 2001 census classification the
 * NHS Data Dictionary uses), in code order, A to Z.
 */
typedef enum /*< skip >*/
{
  TANDEM_ETHNIC_WHITE_BRITISH,       /* A */
  TANDEM_ETHNIC_WHITE_IRISH,         /* B */
  TANDEM_ETHNIC_WHITE_OTHER,         /* C */
  TANDEM_ETHNIC_MIXED_WHITE_BLACK_CARIBBEAN, /* D */
  TANDEM_ETHNIC_MIXED_WHITE_BLACK_AFRICAN,   /* E */
  TANDEM_ETHNIC_MIXED_WHITE_ASIAN,   /* F */
  TANDEM_ETHNIC_MIXED_OTHER,         /* G */
  TANDEM_ETHNIC_INDIAN,              /* H */
  TANDEM_ETHNIC_PAKISTANI,           /* J */
  TANDEM_ETHNIC_BANGLADESHI,         /* K */
  TANDEM_ETHNIC_ASIAN_OTHER,         /* L */
  TANDEM_ETHNIC_CARIBBEAN,           /* M */
  TANDEM_ETHNIC_AFRICAN,             /* N */
  TANDEM_ETHNIC_BLACK_OTHER,         /* P */
  TANDEM_ETHNIC_CHINESE,             /* R */
  TANDEM_ETHNIC_OTHER,               /* S */
  TANDEM_ETHNIC_NOT_STATED,          /* Z */
  TANDEM_N_ETHNIC_CATEGORIES
} TandemEthnicCategory;

/**
 * TandemBroadGroup:
 *
 * The five broad ethnic groups the categories pool into, and
 * %TANDEM_BROAD_NOT_STATED, which only "Not stated" (Z) belongs to: it is
 * never pooled with anything, so its share can be shown as a figure of data
 * quality. The file stores the first five as the words of their nicks
 * (grouping_category.broad_group); "Not stated" is marked there on its own.
 */
typedef enum
{
  TANDEM_BROAD_WHITE,
  TANDEM_BROAD_MIXED,
  TANDEM_BROAD_ASIAN,
  TANDEM_BROAD_BLACK,
  TANDEM_BROAD_OTHER,
  TANDEM_BROAD_NOT_STATED,  /*< skip >*/
  TANDEM_N_BROAD_GROUPS     /*< skip >*/
} TandemBroadGroup;

char              tandem_ethnic_category_get_code        (TandemEthnicCategory  category);
const char       *tandem_ethnic_category_get_label       (TandemEthnicCategory  category);
TandemBroadGroup  tandem_ethnic_category_get_broad_group (TandemEthnicCategory  category);
gboolean          tandem_ethnic_category_lookup          (const char           *text,
                                                          TandemEthnicCategory *category);

const char       *tandem_broad_group_get_label           (TandemBroadGroup      group);
gboolean          tandem_broad_group_lookup              (const char           *text,
                                                          TandemBroadGroup     *group);

void              tandem_ethnic_pool                     (const double         *by_category,
                                                          double               *by_broad_group);

G_END_DECLS
