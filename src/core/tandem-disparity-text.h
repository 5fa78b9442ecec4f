/* tandem-disparity-text.h — a disparity said in plain English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-disparity.h"

G_BEGIN_DECLS

/**
 * TandemDisparityWords:
 * @people: who the groups are made of, plural ("patients"); %NULL for
 *   "people"
 * @events: what happened to them, past tense, after the people ("were
 *   restrained"); %NULL for "had the event"
 * @exposure: the denominator's unit, singular, for rates ("bed day"), said
 *   as "per bed day"; %NULL to say nothing of it (and for proportions)
 * @span: the period compared, as a sentence starts ("Over the last 12
 *   months"); %NULL for "Over the period"
 * @change: (nullable): the change the earlier period is before ("cultural
 *   safety huddles")
 * @threshold: the small-number threshold the figures were suppressed at
 *   (tandem_disparity_suppress()), for "fewer than 5"; 0 if they were not
 *
 * The words a measure gives its sentence.
 */
typedef struct
{
  const char *people;
  const char *events;
  const char *exposure;
  const char *span;
  const char *change;
  guint       threshold;
} TandemDisparityWords;

char *tandem_disparity_dup_sentence (const TandemDisparity        *now,
                                     const TandemDisparity        *before,
                                     guint                         group,
                                     const char * const           *names,
                                     const TandemDisparityOptions *options,
                                     const TandemDisparityWords   *words);
char *tandem_disparity_format_ratio (double                        ratio);

G_END_DECLS
