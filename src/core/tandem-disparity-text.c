/* tandem-disparity-text.c — a disparity said in plain English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentence beside a disparity chart: "Over the last 12 months Black or
 * Black British patients were restrained 3.1 times as often per bed day as
 * White patients (95% interval 2.2 to 4.3); before the ‘cultural safety
 * huddles’ change it was 4.0 times." Every way a comparison can fail to be
 * a number (no reference, no events, small numbers hidden) has words of
 * its own, and an interval that includes 1 is never read as a difference.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-disparity-text.h"

/**
 * tandem_disparity_format_ratio:
 * @ratio: a ratio, 0 or more and finite
 *
 * Returns: (transfer full): the ratio as a person reads it: one decimal
 *   from 1 to 100 ("3.1"), none above ("140"), two significant figures
 *   below 1 ("0.45", "0.062")
 */
char *
tandem_disparity_format_ratio (double ratio)
{
  if (ratio >= 99.95)
    return g_strdup_printf ("%.0f", ratio);
  if (ratio >= 0.995)
    return g_strdup_printf ("%.1f", ratio);
  if (ratio >= 0.1)
    return g_strdup_printf ("%.2f", ratio);
  if (ratio > 0)
    return g_strdup_printf ("%.2g", ratio);
  return g_strdup ("0");
}

typedef struct
{
  const char *people;
  const char *events;
  char       *per;        /* " per bed day", or "" */
  const char *span;
  const char *group;
  const char *reference;
  guint       fewer;      /* "fewer than" this */
  gboolean    rate;
} Words;

static void
words_init (Words                        *w,
            const TandemDisparityWords   *words,
            const TandemDisparityOptions *options,
            const char * const           *names,
            guint                         group)
{
  w->people = words->people && *words->people ? words->people : _("people");
  w->events = words->events && *words->events ? words->events : _("had the event");
  w->rate = options->kind == TANDEM_DISPARITY_RATE;
  w->per = w->rate && words->exposure && *words->exposure
           ? g_strdup_printf (_(" per %s"), words->exposure) : g_strdup ("");
  w->span = words->span && *words->span ? words->span : _("Over the period");
  w->group = names[group];
  w->reference = options->reference != TANDEM_DISPARITY_NONE ? names[options->reference] : NULL;
  w->fewer = MAX (words->threshold, 1) + 1;
}

/* "Black or Black British patients were restrained fewer than 5 times" for
 * a rate's events; "fewer than 5 Black or Black British patients were
 * detained" for a proportion's people. */
static void
append_few (GString     *text,
            const Words *w,
            const char  *group)
{
  if (w->rate)
    g_string_append_printf (text, _("%s %s %s fewer than %u times"), group, w->people, w->events,
                            w->fewer);
  else
    g_string_append_printf (text, _("fewer than %u %s %s %s"), w->fewer, group, w->people,
                            w->events);
}

/* What the period compared says, without its final full stop. Returns
 * whether an earlier period may follow it. */
static gboolean
append_now (GString               *text,
            const Words           *w,
            const TandemDisparity *now,
            guint                  group,
            guint                  reference)
{
  const TandemDisparityGroup *g = &now->groups[group];

  if (reference == TANDEM_DISPARITY_NONE)
    {
      g_string_append_printf (text, _("%s there is no reference group to compare %s %s with"),
                              w->span, w->group, w->people);
      return FALSE;
    }
  switch (g->status)
    {
    case TANDEM_RATIO_REFERENCE:
      g_string_append_printf (text, _("%s %s are the group the others are compared with"),
                              w->group, w->people);
      return FALSE;
    case TANDEM_RATIO_NOT_STATED:
      if (!now->not_stated_suppressed && isfinite (now->not_stated_share))
        g_string_append_printf (text, _("%s the group was not stated for %.0f%% of the events: "
                                        "“%s” is a measure of how well groups are recorded, "
                                        "not a group to compare"),
                                w->span, now->not_stated_share * 100, w->group);
      else
        g_string_append_printf (text, _("“%s” is a measure of how well groups are recorded, "
                                        "not a group to compare"), w->group);
      return FALSE;
    case TANDEM_RATIO_NO_REFERENCE:
      g_string_append_printf (text, _("%s there are no figures for %s %s, so %s %s cannot be "
                                      "compared with them"),
                              w->span, w->reference, w->people, w->group, w->people);
      return TRUE;
    case TANDEM_RATIO_UNDEFINED:
      if (now->groups[reference].count == 0 && g->count == 0)
        g_string_append_printf (text, _("%s neither %s nor %s %s %s: there is nothing to compare"),
                                w->span, w->group, w->reference, w->people, w->events);
      else
        g_string_append_printf (text, _("%s there are no figures for %s %s to compare with %s %s"),
                                w->span, w->group, w->people, w->reference, w->people);
      return TRUE;
    case TANDEM_RATIO_ESTIMATED:
    case TANDEM_RATIO_INFINITE:
    default:
      break;
    }

  if (g->ratio_suppressed)
    {
      g_string_append_printf (text, "%s ", w->span);
      append_few (text, w, g->count_suppressed ? w->group : w->reference);
      g_string_append_printf (text, _(": the numbers are too small to share, so the comparison "
                                      "of %s and %s %s is not shown"),
                              w->group, w->reference, w->people);
      return TRUE;
    }

  if (g->status == TANDEM_RATIO_INFINITE)
    {
      g_autofree char *lcl = tandem_disparity_format_ratio (g->lcl);

      g_string_append_printf (text, _("%s no %s %s %s, so there is no ratio for %s %s; the 95%% "
                                      "interval says they %s at least %s times as often%s as %s "
                                      "%s"),
                              w->span, w->reference, w->people, w->events, w->group, w->people,
                              w->events, lcl, w->per, w->reference, w->people);
      return TRUE;
    }

  if (g->ratio == 0)
    {
      g_autofree char *ucl = tandem_disparity_format_ratio (g->ucl);

      if (g->ucl < 1)
        g_string_append_printf (text, _("%s no %s %s %s: clearly less often than %s %s (95%% "
                                        "interval 0 to %s times as often%s)"),
                                w->span, w->group, w->people, w->events, w->reference, w->people,
                                ucl, w->per);
      else
        g_string_append_printf (text, _("%s no %s %s %s, but that is no clear difference from %s "
                                        "%s: the 95%% interval runs from 0 to %s times as "
                                        "often%s"),
                                w->span, w->group, w->people, w->events, w->reference, w->people,
                                ucl, w->per);
      return TRUE;
    }

  {
    g_autofree char *ratio = tandem_disparity_format_ratio (g->ratio);
    g_autofree char *lcl = tandem_disparity_format_ratio (g->lcl);
    g_autofree char *ucl = tandem_disparity_format_ratio (g->ucl);

    if (g->lcl <= 1 && g->ucl >= 1)
      g_string_append_printf (text, _("%s there was no clear difference: %s %s %s %s times as "
                                      "often%s as %s %s, but the 95%% interval (%s to %s) "
                                      "includes 1"),
                              w->span, w->group, w->people, w->events, ratio, w->per,
                              w->reference, w->people, lcl, ucl);
    else
      g_string_append_printf (text, _("%s %s %s %s %s times as often%s as %s %s (95%% interval "
                                      "%s to %s)"),
                              w->span, w->group, w->people, w->events, ratio, w->per,
                              w->reference, w->people, lcl, ucl);
  }
  return TRUE;
}

/* "; before the ‘huddles’ change it was 4.0 times" */
static void
append_before (GString               *text,
               const Words           *w,
               const TandemDisparity *before,
               guint                  group,
               guint                  reference,
               const char            *change)
{
  const TandemDisparityGroup *g = &before->groups[group];

  g_string_append_printf (text, _("; before the ‘%s’ change "), change);
  if (g->ratio_suppressed)
    {
      g_string_append (text, _("the numbers were too small to share ("));
      append_few (text, w, g->count_suppressed ? w->group : w->reference);
      g_string_append (text, ")");
      return;
    }
  switch (g->status)
    {
    case TANDEM_RATIO_ESTIMATED:
      if (g->ratio == 0)
        g_string_append_printf (text, _("no %s %s %s"), w->group, w->people, w->events);
      else
        {
          g_autofree char *ratio = tandem_disparity_format_ratio (g->ratio);

          if (g->lcl <= 1 && g->ucl >= 1)
            g_string_append_printf (text, _("it was %s times, with no clear difference"), ratio);
          else
            g_string_append_printf (text, _("it was %s times"), ratio);
        }
      break;
    case TANDEM_RATIO_INFINITE:
      g_string_append_printf (text, _("no %s %s %s"), w->reference, w->people, w->events);
      break;
    case TANDEM_RATIO_UNDEFINED:
      if (before->groups[reference].count == 0 && g->count == 0)
        g_string_append_printf (text, _("neither group %s"), w->events);
      else
        g_string_append (text, _("there were no figures to compare"));
      break;
    case TANDEM_RATIO_NO_REFERENCE:
    case TANDEM_RATIO_REFERENCE:
    case TANDEM_RATIO_NOT_STATED:
    default:
      g_string_append (text, _("there were no figures to compare"));
      break;
    }
}

/**
 * tandem_disparity_dup_sentence:
 * @now: the comparison of the period the sentence is about (the last 12
 *   months, say), suppressed or not
 * @before: (nullable): the comparison of the period before @words' change,
 *   compared the same way, or %NULL to say nothing of it
 * @group: the index of the group the sentence is about
 * @names: the groups' names, as tandem_disparity_analyse() took them
 * @options: the options both comparisons were made with
 * @words: the measure's words
 *
 * Says what a comparison shows in one sentence, in plain English: how many
 * times as often the group's people had the event as the reference
 * group's, with the 95% interval; "no clear difference" when the interval
 * includes 1; "no … were restrained" when a group had no events; "fewer
 * than 5 …" when small numbers were hidden; and the earlier period's ratio
 * when there was a change.
 *
 * Returns: (transfer full): the sentence, ending in a full stop
 */
char *
tandem_disparity_dup_sentence (const TandemDisparity        *now,
                               const TandemDisparity        *before,
                               guint                         group,
                               const char * const           *names,
                               const TandemDisparityOptions *options,
                               const TandemDisparityWords   *words)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Words w;

  g_return_val_if_fail (now != NULL && names != NULL && options != NULL && words != NULL, NULL);
  g_return_val_if_fail (group < now->n_groups, NULL);
  g_return_val_if_fail (before == NULL || before->n_groups == now->n_groups, NULL);

  words_init (&w, words, options, names, group);
  if (append_now (text, &w, now, group, options->reference) &&
      before != NULL && words->change != NULL && *words->change != '\0')
    append_before (text, &w, before, group, options->reference, words->change);
  g_string_append_c (text, '.');
  g_free (w.per);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
