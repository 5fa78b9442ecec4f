/* tandem-coaching-text.c — a session's record, as Markdown and iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Coaching"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-coaching-text.h"

static void
section_free (TandemRecordSection *section)
{
  g_free (section->heading);
  g_free (section->text);
  g_free (section);
}

void
tandem_session_record_free (TandemSessionRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->session_id);
  g_free (record->title);
  g_free (record->when);
  g_free (record->facts);
  g_clear_pointer (&record->sections, g_ptr_array_unref);
  g_free (record);
}

static void
add_section (TandemSessionRecord *record,
             const char          *heading,
             const char          *text)
{
  TandemRecordSection *section;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    return;
  section = g_new0 (TandemRecordSection, 1);
  section->heading = g_strdup (heading);
  section->text = g_steal_pointer (&stripped);
  g_ptr_array_add (record->sections, section);
}

/**
 * tandem_coaching_format_when:
 * @starts_at: a session's start, ISO 8601
 * @minutes: its length, or 0
 *
 * Returns: (transfer full): when the session is, in local time and words:
 *   “Wednesday 18 November 2026, 10:00 to 11:30”
 */
char *
tandem_coaching_format_when (const char *starts_at,
                             int         minutes)
{
  g_autoptr(GDateTime) utc = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;

  if (utc == NULL)
    return g_strdup (starts_at ? starts_at : "");
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%A %-d %B %Y");
  start = g_date_time_format (local, "%H:%M");
  if (minutes <= 0)
    return g_strdup_printf ("%s, %s", day, start);
  end = g_date_time_add_minutes (local, minutes);
  finish = g_date_time_format (end, "%H:%M");
  /* TRANSLATORS: a day, then a start and end time */
  return g_strdup_printf (_("%s, %s to %s"), day, start, finish);
}

static char *
action_line (const TandemAction *action,
             const char         *today)
{
  g_autoptr(GString) line = g_string_new ("• ");

  g_string_append (line, action->what);
  if (action->owner_name)
    g_string_append_printf (line, " — %s", action->owner_name);
  if (action->due_on)
    g_string_append_printf (line, _(" — by %s"), action->due_on);
  if (action->status == TANDEM_ACTION_DONE)
    g_string_append (line, _(" — done"));
  else if (action->carried_to != NULL)
    g_string_append_printf (line, _(" — carried forward to %s"),
                            action->carried_to_due ? action->carried_to_due : "");
  else if (action->status == TANDEM_ACTION_DROPPED)
    g_string_append_printf (line, _(" — dropped: %s"), action->reason ? action->reason : "");
  else if (tandem_action_is_overdue (action, today))
    g_string_append (line, _(" — OVERDUE"));
  else
    g_string_append (line, _(" — open"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* “Lived experience partner” says the same as “Lived-experience partner”. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  g_strdelimit (x, "-", ' ');
  g_strdelimit (y, "-", ' ');
  return g_str_equal (x, y);
}

static const char *
link_label (const char *entity)
{
  if (g_strcmp0 (entity, "node") == 0)
    return _("Change idea");
  if (g_strcmp0 (entity, "pdsa_cycle") == 0)
    return _("PDSA cycle");
  return _("Measure");
}

/**
 * tandem_coaching_session_record:
 * @project: a project
 * @session_id: a session
 * @today: today, YYYY-MM-DD, for marking overdue actions
 * @error: return location for an error
 *
 * Gathers what a session's record says: when, who took part and who sent
 * apologies, the check-in, notes, advice and agreements, the team's
 * confidence and momentum, the actions agreed, the earlier actions still
 * open, those it reviewed (done, dropped or carried forward), and what was
 * discussed.
 *
 * Returns: (transfer full) (nullable): the record
 */
TandemSessionRecord *
tandem_coaching_session_record (TandemProject  *project,
                                const char     *session_id,
                                const char     *today,
                                GError        **error)
{
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) apologies = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  TandemSessionRecord *record;

  session = tandem_coaching_get_session (project, session_id, error);
  if (session == NULL ||
      !(people = tandem_coaching_list_attendees (project, session->team_id, session_id, error)) ||
      !(actions = tandem_coaching_list_actions (project, session_id, error)) ||
      !(review = tandem_coaching_list_actions_to_review (project, session->team_id,
                                                         session->starts_at, error)) ||
      !(reviewed = tandem_coaching_list_reviewed_actions (project, session_id, error)) ||
      !(links = tandem_coaching_list_links (project, session->team_id, session_id, error)))
    return NULL;

  record = g_new0 (TandemSessionRecord, 1);
  record->session_id = g_strdup (session_id);
  record->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  record->title = g_strdup_printf (_("Coaching session: %s"), session->team_name);
  record->when = tandem_coaching_format_when (session->starts_at, session->minutes);
  record->private = session->private;
  {
    g_autoptr(GString) facts = g_string_new (tandem_coaching_kind_label (session->kind));

    g_string_append_printf (facts, " · %s", session->online ? _("Online") : _("In person"));
    if (session->minutes > 0)
      g_string_append_printf (facts, ngettext (" · %d minute", " · %d minutes", session->minutes),
                              session->minutes);
    if (session->coach && *session->coach)
      g_string_append_printf (facts, _(" · Coach: %s"), session->coach);
    record->facts = g_string_free (g_steal_pointer (&facts), FALSE);
  }

  for (guint i = 0; i < people->len; i++)
    {
      TandemAttendee *a = people->pdata[i];
      GString *list = a->status == TANDEM_ATTENDANCE_PRESENT ? present
                      : a->status == TANDEM_ATTENDANCE_APOLOGIES ? apologies : NULL;

      if (list == NULL)
        continue;
      g_string_append_printf (list, "• %s — %s", a->name, tandem_coaching_role_label (a->person_role));
      if (a->title && *a->title && !same_words (a->title, tandem_coaching_role_label (a->person_role)))
        g_string_append_printf (list, ", %s", a->title);
      g_string_append_c (list, '\n');
    }
  add_section (record, _("Who took part"), present->str);
  add_section (record, _("Apologies"), apologies->str);
  add_section (record, _("Check-in"), session->check_in);
  add_section (record, _("Notes"), session->notes);
  add_section (record, _("Advice given"), session->advice);
  add_section (record, _("Agreements"), session->agreements);

  if (session->confidence > 0)
    g_string_append_printf (text, _("Confidence: %d out of 5\n"), session->confidence);
  if (session->momentum > 0)
    g_string_append_printf (text, _("Momentum: %d out of 5\n"), session->momentum);
  add_section (record, _("How the team rated itself"), text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < actions->len; i++)
    {
      g_autofree char *line = action_line (actions->pdata[i], today);
      g_string_append_printf (text, "%s\n", line);
    }
  add_section (record, _("Actions agreed"), text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < review->len; i++)
    {
      g_autofree char *line = action_line (review->pdata[i], today);
      g_string_append_printf (text, "%s\n", line);
    }
  add_section (record, _("Earlier actions still open"), text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < reviewed->len; i++)
    {
      g_autofree char *line = action_line (reviewed->pdata[i], today);
      g_string_append_printf (text, "%s\n", line);
    }
  add_section (record, _("Reviewed in this session"), text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < links->len; i++)
    {
      TandemSessionLink *link = links->pdata[i];

      if (link->link_id)
        g_string_append_printf (text, "• %s: %s\n", link_label (link->entity), link->title);
    }
  add_section (record, _("Discussed"), text->str);
  return record;
}

/**
 * tandem_coaching_log_records:
 * @project: a project
 * @team_id: a team
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @include_private: whether to include sessions marked private
 * @today: today, YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemSessionRecord) (nullable): the
 *   records of a team's sessions, oldest first: its log
 */
GPtrArray *
tandem_coaching_log_records (TandemProject  *project,
                             const char     *team_id,
                             const char     *from,
                             const char     *to,
                             gboolean        include_private,
                             const char     *today,
                             GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) records = NULL;

  sessions = tandem_coaching_list_sessions (project, team_id, from, to, include_private, error);
  if (sessions == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_session_record_free);
  for (guint i = sessions->len; i > 0; i--)
    {
      TandemSession *session = sessions->pdata[i - 1];
      TandemSessionRecord *record = tandem_coaching_session_record (project, session->id, today, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

/* Text as Markdown shows it, not as Markdown reads it: &, < and > as
 * entities, so no HTML in a name or a note passes through; the marks of
 * emphasis, code, links and headings backslashed; and, at the start of a
 * line, whatever would begin a list, a rule, a heading underline or a code
 * block. Backslashes and entities, because every Markdown reader knows
 * them and the text stays readable as it is. */
static void
append_markdown_text (GString    *out,
                      const char *text,
                      gboolean    line_start)
{
  const char *p = text ? text : "";

  if (line_start)
    {
      const char *digits;

      while (*p == ' ' || *p == '\t')
        p++;
      for (digits = p; g_ascii_isdigit (*digits); digits++)
        ;
      if (digits > p && (*digits == '.' || *digits == ')'))
        {
          g_string_append_len (out, p, digits - p);
          g_string_append_c (out, '\\');
          p = digits;
        }
      else if (*p == '-' || *p == '+' || *p == '=' || *p == '~')
        g_string_append_c (out, '\\');
    }
  for (; *p; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\r': case '\n':
        g_string_append_c (out, ' ');
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static void
append_markdown (GString                   *out,
                 const TandemSessionRecord *record,
                 const char                *heading)
{
  g_string_append_printf (out, "%s ", heading);
  append_markdown_text (out, record->title, FALSE);
  g_string_append (out, "\n\n**");
  append_markdown_text (out, record->when, FALSE);
  g_string_append (out, "**  \n");
  append_markdown_text (out, record->facts, TRUE);
  g_string_append (out, "\n\n");
  if (record->private)
    g_string_append_printf (out, "*%s*\n\n", _("Private: not to be shared beyond the team."));
  for (guint i = 0; i < record->sections->len; i++)
    {
      TandemRecordSection *section = record->sections->pdata[i];
      g_auto(GStrv) lines = g_strsplit (section->text, "\n", -1);

      g_string_append_printf (out, "%s# ", heading);
      append_markdown_text (out, section->heading, FALSE);
      g_string_append (out, "\n\n");
      for (guint l = 0; lines[l]; l++)
        {
          if (g_str_has_prefix (lines[l], "• "))
            {
              g_string_append (out, "- ");
              append_markdown_text (out, lines[l] + strlen ("• "), TRUE);
              g_string_append_c (out, '\n');
            }
          else if (lines[l][0] != '\0')
            {
              append_markdown_text (out, lines[l], TRUE);
              g_string_append (out, "  \n");
            }
          else
            g_string_append (out, "\n");
        }
      g_string_append (out, "\n");
    }
}

/**
 * tandem_session_record_markdown:
 * @record: a session's record
 *
 * Returns: (transfer full): the record as Markdown, to paste into an email
 */
char *
tandem_session_record_markdown (const TandemSessionRecord *record)
{
  GString *out = g_string_new (NULL);

  append_markdown (out, record, "#");
  return g_string_free (out, FALSE);
}

static void
append_text (GString                   *out,
             const TandemSessionRecord *record,
             const char                *rule)
{
  glong width = g_utf8_strlen (record->title, -1);

  g_string_append_printf (out, "%s\n", record->title);
  for (glong i = 0; i < width; i++)
    g_string_append (out, rule);
  g_string_append_printf (out, "\n%s\n%s\n\n", record->when, record->facts);
  if (record->private)
    g_string_append_printf (out, "%s\n\n", _("Private: not to be shared beyond the team."));
  for (guint i = 0; i < record->sections->len; i++)
    {
      TandemRecordSection *section = record->sections->pdata[i];

      g_string_append_printf (out, "%s\n", section->heading);
      g_string_append (out, section->text);
      g_string_append (out, g_str_has_suffix (section->text, "\n") ? "\n" : "\n\n");
    }
}

/**
 * tandem_session_record_text:
 * @record: a session's record
 *
 * Returns: (transfer full): the record as plain text, for an email or a
 *   message that shows no Markdown
 */
char *
tandem_session_record_text (const TandemSessionRecord *record)
{
  GString *out = g_string_new (NULL);

  append_text (out, record, "=");
  return g_string_free (out, FALSE);
}

/**
 * tandem_coaching_log_text:
 * @records: (element-type TandemSessionRecord): the sessions, oldest first
 * @team_name: the team
 *
 * Returns: (transfer full): a team's log as plain text
 */
char *
tandem_coaching_log_text (GPtrArray  *records,
                          const char *team_name)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", team_name);
  g_string_append_printf (out, ngettext ("%u coaching session.\n\n", "%u coaching sessions.\n\n",
                                         records->len), records->len);
  for (guint i = 0; i < records->len; i++)
    append_text (out, records->pdata[i], "-");
  return g_string_free (out, FALSE);
}

/**
 * tandem_coaching_log_markdown:
 * @records: (element-type TandemSessionRecord): the sessions, oldest first
 * @team_name: the team
 *
 * Returns: (transfer full): a team's log as Markdown
 */
char *
tandem_coaching_log_markdown (GPtrArray  *records,
                              const char *team_name)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "# ");
  append_markdown_text (out, team_name, FALSE);
  g_string_append (out, "\n\n");
  g_string_append_printf (out, ngettext ("%u coaching session.\n\n", "%u coaching sessions.\n\n",
                                         records->len), records->len);
  for (guint i = 0; i < records->len; i++)
    {
      g_string_append (out, "---\n\n");
      append_markdown (out, records->pdata[i], "##");
    }
  return g_string_free (out, FALSE);
}

/* RFC 5545: escape text values, and fold lines longer than 75 octets
 * without splitting a character. */
static void
ics_line (GString    *out,
          const char *name,
          const char *value,
          gboolean    is_text)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize width = 0;

  g_string_append_c (line, ':');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (is_text && (*p == '\\' || *p == ';' || *p == ','))
        g_string_append_c (line, '\\');
      if (is_text && *p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }
  for (const char *p = line->str; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize n = next - p;

      if (width + n > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, n);
      width += n;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static char *
ics_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/**
 * tandem_coaching_calendar:
 * @project: a project
 * @team_id: (nullable): a team, or %NULL for every team
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @include_private: whether to include sessions marked private; when they
 *   are included, only their time and team are written
 * @stamp: (nullable): the time to stamp the events with, ISO 8601; %NULL: now
 * @error: return location for an error
 *
 * Writes sessions as an iCalendar file (RFC 5545), so that they land in the
 * coach's calendar. Each event's UID is the session's id, so importing
 * again updates the events rather than duplicating them.
 *
 * Returns: (transfer full) (nullable): the calendar
 */
char *
tandem_coaching_calendar (TandemProject  *project,
                          const char     *team_id,
                          const char     *from,
                          const char     *to,
                          gboolean        include_private,
                          const char     *stamp,
                          GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *dtstamp = NULL;
  GString *out;

  sessions = tandem_coaching_list_sessions (project, team_id, from, to, include_private, error);
  if (sessions == NULL)
    return NULL;
  stamp_time = stamp ? g_date_time_new_from_iso8601 (stamp, NULL) : tandem_clock_now_utc ();
  if (stamp_time == NULL)
    stamp_time = tandem_clock_now_utc ();
  dtstamp = ics_time (stamp_time);

  out = g_string_new (NULL);
  ics_line (out, "BEGIN", "VCALENDAR", FALSE);
  ics_line (out, "VERSION", "2.0", FALSE);
  ics_line (out, "PRODID", "-//Tandem//Coaching sessions " PACKAGE_VERSION "//EN", FALSE);
  ics_line (out, "CALSCALE", "GREGORIAN", FALSE);
  ics_line (out, "METHOD", "PUBLISH", FALSE);
  for (guint i = sessions->len; i > 0; i--)
    {
      TandemSession *session = sessions->pdata[i - 1];
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (session->starts_at, NULL);
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *dtstart = NULL;
      g_autofree char *dtend = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GString) description = g_string_new (NULL);

      if (start == NULL)
        continue;
      end = g_date_time_add_minutes (start, session->minutes > 0 ? session->minutes : 60);
      uid = g_strdup_printf ("%s@tandemqi.org", session->id);
      dtstart = ics_time (start);
      dtend = ics_time (end);
      summary = g_strdup_printf (_("Coaching: %s (%s)"), session->team_name,
                                 tandem_coaching_kind_label (session->kind));

      ics_line (out, "BEGIN", "VEVENT", FALSE);
      ics_line (out, "UID", uid, FALSE);
      ics_line (out, "DTSTAMP", dtstamp, FALSE);
      ics_line (out, "DTSTART", dtstart, FALSE);
      ics_line (out, "DTEND", dtend, FALSE);
      ics_line (out, "SUMMARY", summary, TRUE);
      ics_line (out, "LOCATION", session->online ? _("Online") : _("In person"), TRUE);
      if (session->private)
        ics_line (out, "CLASS", "PRIVATE", FALSE);
      else
        {
          if (session->coach)
            g_string_append_printf (description, _("Coach: %s\n"), session->coach);
          if (session->agreements)
            g_string_append_printf (description, _("Agreements: %s\n"), session->agreements);
          if (description->len > 0)
            ics_line (out, "DESCRIPTION", description->str, TRUE);
        }
      ics_line (out, "END", "VEVENT", FALSE);
    }
  ics_line (out, "END", "VCALENDAR", FALSE);
  return g_string_free (out, FALSE);
}
