/* tandem-date.c — dates as people and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every date a person types or a file brings in is read here, strictly: the
 * whole text must be a date in the format (spaces around it aside), with a
 * month and day that exist. Anything else is refused rather than guessed at,
 * so 2020-01-257 is never stored as 2020-01-25.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-table-import.h"

/* What may follow a date: nothing, or for a spreadsheet's cells a time of day. */
typedef enum
{
  DATE_ONLY,
  DATE_OR_DATE_TIME,
} Ending;

/* Reads min to max digits at *s; never more, so 257 is not a day. */
static gboolean
read_digits (const char **s,
             guint        min,
             guint        max,
             guint       *value,
             guint       *length)
{
  guint v = 0, n = 0;

  while (g_ascii_isdigit ((*s)[n]))
    {
      if (n == max)
        return FALSE;
      v = v * 10 + (guint) ((*s)[n] - '0');
      n++;
    }
  if (n < min)
    return FALSE;
  *s += n;
  *value = v;
  if (length)
    *length = n;
  return TRUE;
}

static gboolean
read_separator (const char **s,
                const char  *allowed,
                char        *used)
{
  if (**s == '\0' || strchr (allowed, **s) == NULL || (*used && **s != *used))
    return FALSE;
  *used = **s;
  (*s)++;
  return TRUE;
}

/* A time of day after a date, as spreadsheets save one: 00:00, 00:00:00,
 * 00:00:00.000, with an optional Z. */
static gboolean
read_time_of_day (const char *s)
{
  guint hour, minute, second;

  if (*s != ' ' && *s != 'T')
    return FALSE;
  s++;
  if (!read_digits (&s, 1, 2, &hour, NULL) || hour > 23 || *s++ != ':' ||
      !read_digits (&s, 2, 2, &minute, NULL) || minute > 59)
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!read_digits (&s, 2, 2, &second, NULL) || second > 59)
        return FALSE;
      if (*s == '.')
        {
          s++;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }
  if (*s == 'Z')
    s++;
  return *s == '\0';
}

static gboolean
at_end (const char *s,
        Ending      ending)
{
  return *s == '\0' || (ending == DATE_OR_DATE_TIME && read_time_of_day (s));
}

static gboolean
make_date (guint year,
           guint month,
           guint day,
           char  date[11])
{
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  /* As "%04u-%02u-%02u" would write it, for a fraction of printf's cost on
   * each of an import's thousands of rows. */
  date[0] = (char) ('0' + year / 1000);
  date[1] = (char) ('0' + year / 100 % 10);
  date[2] = (char) ('0' + year / 10 % 10);
  date[3] = (char) ('0' + year % 10);
  date[4] = '-';
  date[5] = (char) ('0' + month / 10);
  date[6] = (char) ('0' + month % 10);
  date[7] = '-';
  date[8] = (char) ('0' + day / 10);
  date[9] = (char) ('0' + day % 10);
  date[10] = '\0';
  return TRUE;
}

/* @text without the spaces around it, as g_strstrip() leaves a copy: in
 * @buffer when it fits (a date always does), else in *@heap. */
static const char *
strip_spaces (const char  *text,
              char         buffer[64],
              char       **heap)
{
  const char *start = text ? text : "";
  gsize length;

  while (g_ascii_isspace (*start))
    start++;
  length = strlen (start);
  while (length > 0 && g_ascii_isspace (start[length - 1]))
    length--;
  if (length >= 64)
    return *heap = g_strndup (start, length);
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  return buffer;
}

/* A two-digit year is this century's. */
static gboolean
read_year (const char **s,
           gboolean     short_allowed,
           guint       *year)
{
  guint length;

  if (!read_digits (s, short_allowed ? 2 : 4, 4, year, &length) || length == 3)
    return FALSE;
  if (length == 2)
    *year += 2000;
  return TRUE;
}

static gboolean
read_date (const char       *s,
           TandemDateFormat  format,
           Ending            ending,
           char              date[11])
{
  guint year, month, day;
  char sep = '\0';

  switch (format)
    {
    case TANDEM_DATE_ISO:
      return read_year (&s, FALSE, &year) && read_separator (&s, "-/.", &sep) &&
             read_digits (&s, 1, 2, &month, NULL) && read_separator (&s, "-/.", &sep) &&
             read_digits (&s, 1, 2, &day, NULL) && at_end (s, ending) &&
             make_date (year, month, day, date);
    case TANDEM_DATE_DMY:
      return read_digits (&s, 1, 2, &day, NULL) && read_separator (&s, "-/.", &sep) &&
             read_digits (&s, 1, 2, &month, NULL) && read_separator (&s, "-/.", &sep) &&
             read_year (&s, TRUE, &year) && at_end (s, ending) &&
             make_date (year, month, day, date);
    case TANDEM_DATE_MDY:
      return read_digits (&s, 1, 2, &month, NULL) && read_separator (&s, "-/.", &sep) &&
             read_digits (&s, 1, 2, &day, NULL) && read_separator (&s, "-/.", &sep) &&
             read_year (&s, TRUE, &year) && at_end (s, ending) &&
             make_date (year, month, day, date);
    case TANDEM_DATE_MY:
      {
        const char *start = s;

        if (read_digits (&s, 1, 2, &month, NULL) && read_separator (&s, "-/.", &sep) &&
            read_year (&s, FALSE, &year) && at_end (s, ending))
          return make_date (year, month, 1, date);
        s = start;
        sep = '\0';
        return read_year (&s, FALSE, &year) && read_separator (&s, "-/.", &sep) &&
               read_digits (&s, 1, 2, &month, NULL) && at_end (s, ending) &&
               make_date (year, month, 1, date);
      }
    case TANDEM_DATE_EXCEL:
      {
        double serial;
        g_autoptr(GDate) when = NULL;

        if (!tandem_parse_number (s, FALSE, &serial) || isnan (serial) ||
            serial < 1 || serial > 110000)
          return FALSE;
        /* Day 1 is 1900-01-01, and Excel counts a 29 February 1900 that never
         * was: from day 61 on, day 0 is 1899-12-30. */
        when = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
        g_date_add_days (when, (guint) floor (serial) + (serial < 61 ? 1 : 0));
        return make_date (g_date_get_year (when), g_date_get_month (when),
                          g_date_get_day (when), date);
      }
    case TANDEM_DATE_AUTO:
    default:
      return FALSE;
    }
}

/**
 * tandem_parse_date:
 * @text: a date as a spreadsheet or a person writes it
 * @format: how it is written; %TANDEM_DATE_AUTO tries ISO, then day/month/year,
 *   then month/year, then a spreadsheet day number
 * @date: (out caller-allocates): the date as yyyy-mm-dd
 *
 * Reads the whole of @text (spaces around it aside) as one date in @format:
 * a year of four digits (or two, for day/month/year and month/day/year), a
 * month and day of one or two digits, the same separator (-, / or .) both
 * times, and at most a time of day after it (as spreadsheets save dates),
 * which is dropped. The month and day must exist (29 February only in a leap
 * year) and the year be 1900 to 2200. Anything else is refused, never cut
 * short or carried over into the next month.
 *
 * Returns: whether @text is a real date in that format
 */
gboolean
tandem_parse_date (const char       *text,
                   TandemDateFormat  format,
                   char              date[11])
{
  char buffer[64];
  g_autofree char *heap = NULL;
  const char *s = strip_spaces (text, buffer, &heap);

  if (format == TANDEM_DATE_AUTO)
    return read_date (s, TANDEM_DATE_ISO, DATE_OR_DATE_TIME, date) ||
           read_date (s, TANDEM_DATE_DMY, DATE_OR_DATE_TIME, date) ||
           read_date (s, TANDEM_DATE_MY, DATE_OR_DATE_TIME, date) ||
           read_date (s, TANDEM_DATE_EXCEL, DATE_ONLY, date);
  return read_date (s, format, format == TANDEM_DATE_EXCEL ? DATE_ONLY : DATE_OR_DATE_TIME,
                    date);
}

/**
 * tandem_parse_iso_date:
 * @text: a date typed as year-month-day
 * @date: (out caller-allocates): the date as yyyy-mm-dd
 *
 * Reads exactly YYYY-MM-DD (spaces around it aside): four digits, two, two,
 * with hyphens between, a date that exists, 1900 to 2200. This is the form
 * the file stores and the one asked for where a single date is typed
 * (sessions, actions, tests of change, date ranges on the command line).
 *
 * Returns: whether @text is such a date
 */
gboolean
tandem_parse_iso_date (const char *text,
                       char        date[11])
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  const char *p = s;
  guint year, month, day;

  return read_digits (&p, 4, 4, &year, NULL) && *p++ == '-' &&
         read_digits (&p, 2, 2, &month, NULL) && *p++ == '-' &&
         read_digits (&p, 2, 2, &day, NULL) && *p == '\0' &&
         make_date (year, month, day, date);
}

/**
 * tandem_read_typed_date:
 * @text: (nullable): a date as a person types it in a form
 * @date: (out caller-allocates): the date as yyyy-mm-dd
 * @error: return location for an error
 *
 * Reads a date typed in any of Tandem's date fields: day first, as in the
 * UK, with the whole year (20/11/2026, or with - or . between), or
 * year-month-day (2026-11-20), which is also what the calendar beside each
 * field writes. Every form that asks for one date reads it here, so each
 * takes the same forms.
 *
 * Returns: whether @text is such a date; otherwise %FALSE with @error set to
 *   %TANDEM_PROJECT_ERROR_INVALID and a message saying how to write it
 */
gboolean
tandem_read_typed_date (const char  *text,
                        char         date[11],
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *year = trimmed + strcspn (trimmed, "/-.");

  /* Day first only with the whole year (20/11/26 could be a slip) and no
   * time of day after it. */
  while (*year != '\0' && strpbrk (year + 1, "/-.") != NULL)
    year = strpbrk (year + 1, "/-.");
  if (tandem_parse_iso_date (trimmed, date) ||
      (strspn (trimmed, "0123456789/-.") == strlen (trimmed) && *year != '\0' &&
       strlen (year + 1) == 4 && tandem_parse_date (trimmed, TANDEM_DATE_DMY, date)))
    return TRUE;
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               _("“%s” is not a date. Write a date like 31/12/2026 or 2026-12-31, or choose it "
                 "on the calendar."), trimmed);
  return FALSE;
}

/**
 * tandem_describe_date:
 * @iso: (nullable): a date as stored, yyyy-mm-dd (a time after it is left out)
 *
 * The one way Tandem shows a date in its words, on screen and in print:
 * “20 Nov 2026”.
 *
 * Returns: (transfer full) (nullable): the date for people; %NULL for
 *   %NULL; @iso itself if it is not a date
 */
char *
tandem_describe_date (const char *iso)
{
  static const char * const months[] = {
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };
  char day[11];
  guint y, m, d;

  if (iso == NULL)
    return NULL;
  g_strlcpy (day, iso, sizeof day);
  if (!tandem_parse_iso_date (day, day) || sscanf (day, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return g_strdup (iso);
  /* Translators: a date: day, short month name, year (“20 Nov 2026”) */
  return g_strdup_printf (_("%u %s %u"), d, _(months[m - 1]), y);
}
