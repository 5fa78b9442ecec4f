/* tandem-coaching-page.c — the Coaching page: sessions, attendance, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-coaching-page-private.h"
#include "tandem-date-entry.h"
#include "tandem-comments-panel.h"
#include "tandem-date.h"
#include "tandem-checked-edit.h"
#include "tandem-coaching-render.h"
#include "tandem-legibility.h"
#include "tandem-person.h"
#include "tandem-person-chooser.h"
#include "tandem-plain-text.h"
#include "tandem-shown-field.h"
#include "tandem-wrap-layout.h"

/* The editor saves as the person types: a pause this long, the end of a
 * paragraph or leaving a field makes one change, so that Undo takes back
 * what was written since, not a single keystroke. */
#define TYPING_PAUSE_MS 2000

static const struct { const char *field; const char *title; } texts[N_TEXTS] = {
  { "check_in", N_("Chec_k-in") },
  { "notes", N_("_Notes") },
  { "advice", N_("Ad_vice given") },
  { "agreements", N_("A_greements") },
};


G_DEFINE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM_TYPE_PAGE)

/* ------------------------------------------------------------------------ */
/* Small things                                                             */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static AdwActionRow *
text_row (const char *title,
          const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* What people typed is shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle)
    adw_action_row_set_subtitle (row, subtitle);
  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  AdwActionRow *row = text_row (text, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  gtk_list_box_append (list, GTK_WIDGET (row));
}

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  {
    g_autofree char *copy = g_strstrip (g_strdup (text));

    /* Only spaces is nothing. */
    if (*copy == '\0')
      {
        g_free (text);
        return NULL;
      }
  }
  return text;
}

static const char *
editable_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    {
      g_free (copy);
      return NULL;
    }
  return copy;
}

/* A date as a person types it in any date field: day first (20/11/2026) or
 * year-month-day; @date is the year-month-day it means. */
static gboolean
typed_date (const char *text,
            char        date[11])
{
  return tandem_read_typed_date (text, date, NULL);
}

static char *
local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;

  return day ? tandem_describe_date (day) : g_strdup (iso ? iso : "");
}

static char *
describe_action (const TandemAction *action,
                 const char         *today)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, action->owner_name ? action->owner_name : _("No one named yet"));
  if (action->due_on)
    {
      g_autofree char *due = tandem_describe_date (action->due_on);
      g_string_append_printf (text, _(" · due %s"), due);
    }
  if (action->session_starts_at)
    {
      g_autofree char *day = local_date (action->session_starts_at);
      g_string_append_printf (text, _(" · agreed %s"), day);
    }
  if (action->carried_from)
    g_string_append (text, _(" · carried forward"));
  if (action->status == TANDEM_ACTION_DONE)
    g_string_append (text, _(" · done"));
  else if (action->carried_to != NULL)
    {
      g_autofree char *due = tandem_describe_date (action->carried_to_due);
      g_string_append_printf (text, _(" · carried forward to %s"), due ? due : "");
    }
  else if (action->status == TANDEM_ACTION_DROPPED)
    g_string_append_printf (text, _(" · dropped: %s"), action->reason ? action->reason : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Overdue stands out in words and with an icon, not by colour alone. */
static void
mark_overdue (AdwActionRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (_("Overdue"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "error");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_prefix (row, box);
}

/* Another team is shown by the window's own action; a page on its own
 * (in tests) shows it itself. */
static void
select_team (TandemCoachingPage *self,
             const char         *team_id)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.select-team", "s", team_id))
    tandem_page_set_team_id (TANDEM_PAGE (self), team_id);
}

char *
_tandem_coaching_page_month_now (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_local ();

  return g_date_time_format (now, "%Y-%m");
}

/* ------------------------------------------------------------------------ */
/* The team: open actions, sessions, attendance                             */

static void
update_summary (TandemCoachingPage *self,
                TandemProject      *project,
                const char         *team)
{
  gint64 sessions = tandem_project_count (project, TANDEM_ENTITY_COACHING_SESSION,
                                          TANDEM_FIELD_COACHING_SESSION_TEAM_ID, team);
  gint64 actions = tandem_project_count (project, TANDEM_ENTITY_ACTION,
                                         TANDEM_FIELD_ACTION_TEAM_ID, team);
  g_autoptr(GPtrArray) open = tandem_coaching_list_actions_to_review (project, team, NULL, NULL);
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  guint overdue = 0;

  for (guint i = 0; open && i < open->len; i++)
    overdue += tandem_action_is_overdue (open->pdata[i], today);
  a = g_strdup_printf (_("Coaching sessions logged: %" G_GINT64_FORMAT "."), sessions);
  b = g_strdup_printf (_("Actions: %" G_GINT64_FORMAT ", %u still open."), actions,
                       open ? open->len : 0);
  c = overdue ? g_strdup_printf (ngettext ("%u is overdue.", "%u are overdue.", overdue), overdue)
              : g_strdup ("");
  {
    g_autofree char *text = g_strjoin (" ", a, b, c, NULL);
    gtk_label_set_label (self->summary_label, g_strstrip (text));
  }
}

static GtkWidget *
session_row (TandemSession *session,
             gboolean       with_team)
{
  g_autofree char *when = tandem_coaching_format_when (session->starts_at, session->minutes);
  g_autofree char *title = with_team ? g_strdup_printf ("%s — %s", session->team_name, when)
                                     : g_strdup (when);
  g_autoptr(GString) subtitle = g_string_new (tandem_coaching_kind_label (session->kind));
  AdwActionRow *row;

  g_string_append_printf (subtitle, " · %s", session->online ? _("Online") : _("In person"));
  g_string_append_printf (subtitle, ngettext (" · %u present", " · %u present", session->n_present),
                          session->n_present);
  if (session->lived_experience_present)
    g_string_append (subtitle, _(" · lived experience present"));
  g_string_append_printf (subtitle, ngettext (" · %u action", " · %u actions", session->n_actions),
                          session->n_actions);
  if (session->n_open_actions)
    g_string_append_printf (subtitle, _(", %u open"), session->n_open_actions);

  row = text_row (title, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (session->private)
    {
      GtkWidget *label = gtk_label_new (_("Private"));
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (row, label);
    }
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "session-id", g_strdup (session->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "team-id", g_strdup (session->team_id), g_free);
  return GTK_WIDGET (row);
}

static char *
chart_text (const TandemAttendance *attendance)
{
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < attendance->n_teams; t++)
    {
      guint total = attendance->team_sessions[t];

      if (text->len)
        g_string_append_c (text, '\n');
      if (total == 0)
        g_string_append_printf (text, _("%s: no sessions in the last %u months."),
                                attendance->team_names[t], attendance->n_months);
      else
        g_string_append_printf (text, ngettext ("%s: %u session in the last %u months; %u%% had someone with lived experience present.",
                                                "%s: %u sessions in the last %u months; %u%% had someone with lived experience present.",
                                                total),
                                attendance->team_names[t], total, attendance->n_months,
                                (guint) (100.0 * attendance->team_with_le[t] / total + 0.5));
    }
  return g_string_free (text, FALSE);
}

static void
reload_team (TandemCoachingPage *self,
             TandemProject      *project,
             const char         *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = tandem_coaching_list_actions_to_review (project, team, NULL, &error);
  g_autoptr(GPtrArray) sessions = tandem_coaching_list_sessions (project, team, NULL, NULL, TRUE, &error);
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *month = _tandem_coaching_page_month_now ();

  clear_list (self->open_list);
  for (guint i = 0; open && i < open->len; i++)
    {
      TandemAction *action = open->pdata[i];
      g_autofree char *subtitle = describe_action (action, today);
      AdwActionRow *row = text_row (action->what, subtitle);

      if (tandem_action_is_overdue (action, today))
        mark_overdue (row);
      gtk_list_box_append (self->open_list, GTK_WIDGET (row));
    }
  if (open && open->len == 0)
    add_placeholder (self->open_list, _("No open actions."));

  clear_list (self->sessions_list);
  for (guint i = 0; sessions && i < sessions->len; i++)
    gtk_list_box_append (self->sessions_list, session_row (sessions->pdata[i], FALSE));
  if (sessions && sessions->len == 0)
    add_placeholder (self->sessions_list, _("No sessions yet. Choose New Session to log one."));

  g_clear_pointer (&self->team_attendance, tandem_attendance_free);
  self->team_attendance = tandem_coaching_attendance (project, team, month, CHART_MONTHS, TRUE, NULL);
  if (self->team_attendance)
    {
      g_autofree char *text = chart_text (self->team_attendance);
      gtk_drawing_area_set_content_height (self->team_chart,
                                           (int) tandem_coaching_attendance_height (self->team_attendance));
      gtk_label_set_label (self->team_chart_text, text);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->team_chart));
}

/* ------------------------------------------------------------------------ */
/* Every team                                                               */

static void
reload_caseload (TandemCoachingPage *self,
                 TandemProject      *project)
{
  g_autofree char *now = tandem_coaching_now ();
  g_autofree char *month = _tandem_coaching_page_month_now ();
  g_autoptr(GPtrArray) teams = tandem_coaching_caseload (project, now, NULL);
  g_autoptr(GPtrArray) upcoming = tandem_coaching_list_upcoming (project, now, 20, NULL);

  clear_list (self->teams_list);
  for (guint i = 0; teams && i < teams->len; i++)
    {
      TandemCaseloadTeam *team = teams->pdata[i];
      g_autoptr(GString) subtitle = g_string_new (NULL);
      AdwActionRow *row;

      if (team->last_seen == NULL)
        g_string_append (subtitle, _("Not seen yet"));
      else
        {
          g_autofree char *day = local_date (team->last_seen);
          g_string_append_printf (subtitle, ngettext ("Last seen %d day ago (%s)",
                                                      "Last seen %d days ago (%s)",
                                                      team->days_since_seen),
                                  team->days_since_seen, day);
        }
      if (team->next_session)
        {
          g_autofree char *day = local_date (team->next_session);
          g_string_append_printf (subtitle, _(" · next session %s"), day);
        }
      g_string_append_printf (subtitle, ngettext (" · %u open action", " · %u open actions",
                                                  team->n_open), team->n_open);
      if (team->n_overdue)
        g_string_append_printf (subtitle, _(", %u overdue"), team->n_overdue);

      row = text_row (team->team_name, subtitle->str);
      if (team->n_overdue)
        mark_overdue (row);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "team-id", g_strdup (team->team_id), g_free);
      gtk_list_box_append (self->teams_list, GTK_WIDGET (row));
    }

  clear_list (self->upcoming_list);
  for (guint i = 0; upcoming && i < upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list, session_row (upcoming->pdata[i], TRUE));
  if (upcoming && upcoming->len == 0)
    add_placeholder (self->upcoming_list, _("No sessions booked ahead."));

  g_clear_pointer (&self->caseload_attendance, tandem_attendance_free);
  self->caseload_attendance = tandem_coaching_attendance (project, NULL, month, CHART_MONTHS, TRUE, NULL);
  if (self->caseload_attendance)
    {
      g_autofree char *text = chart_text (self->caseload_attendance);
      gtk_drawing_area_set_content_height (self->caseload_chart,
                                           (int) tandem_coaching_attendance_height (self->caseload_attendance));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->caseload_chart),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->caseload_chart));
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  TandemCoachingPage *self = user_data;
  TandemAttendance *attendance = area == self->team_chart ? self->team_attendance
                                                          : self->caseload_attendance;
  double scale;

  if (attendance == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* The system's (or workshop mode's) large text. */
  scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));
  cairo_scale (cr, scale, scale);
  tandem_coaching_draw_attendance (cr, width / scale, height / scale, attendance);
}

/* ------------------------------------------------------------------------ */
/* Search                                                                   */

static void
run_search (TandemCoachingPage *self)
{
  tandem_coaching_search_set_project (self->search, tandem_page_get_project (TANDEM_PAGE (self)));
  tandem_coaching_search_set_text (self->search,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  tandem_coaching_search_run (self->search);
}

/* ------------------------------------------------------------------------ */
/* The editor                                                               */

static void
fill_texts_box (TandemCoachingPage *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(texts[i].title));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      /* A heading with a mnemonic (Alt+N for the notes) that focuses the
       * text, for people who use the keyboard. */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (group, 12);
      gtk_box_append (GTK_BOX (group), label);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_size_request (view, -1, i == 1 ? 140 : 80);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (GTK_LABEL (label)), -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (group), frame);
      gtk_box_append (self->texts_box, group);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }
}

static GtkStringList *
rating_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not rated"));
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", i);
      gtk_string_list_append (list, n);
    }
  return list;
}

static void reload_editor_lists (TandemCoachingPage *self);
static void save_after          (TandemCoachingPage *self,
                                 guint               delay);

/* One of a person's attendance buttons, one per stored status in the
 * enum's order: pressing one releases the others; none pressed is not
 * recorded. */
static void
attendance_toggled_cb (GtkToggleButton    *button,
                       TandemCoachingPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (button));

  /* Saved at once, as every choice in the editor is. */
  save_after (self, 0);
  if (!gtk_toggle_button_get_active (button))
    return;
  for (GtkWidget *other = gtk_widget_get_first_child (parent); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    if (other != GTK_WIDGET (button))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (other), FALSE);
}

/* What pressing @status's button says of @name: its tooltip and its name
 * for assistive technology. */
static char *
attendance_description (TandemAttendanceStatus  status,
                        const char             *name)
{
  switch (status)
    {
    case TANDEM_ATTENDANCE_PRESENT:
      return g_strdup_printf (_("%s was present"), name);
    case TANDEM_ATTENDANCE_APOLOGIES:
      return g_strdup_printf (_("%s sent apologies"), name);
    default:
      return g_strdup_printf ("%s: %s", name, tandem_attendance_status_get_label (status));
    }
}

/* A person's attendance buttons, one per stored status. */
static GtkWidget *
attendance_buttons_new (TandemCoachingPage   *self,
                        const TandemAttendee *person)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TANDEM_TYPE_ATTENDANCE_STATUS);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  for (guint i = 0; i < klass->n_values; i++)
    {
      TandemAttendanceStatus status = klass->values[i].value;
      g_autofree char *description = attendance_description (status, person->name);
      const char *label = tandem_attendance_status_get_label (status);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), person->status == status);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      gtk_widget_set_tooltip_text (button, description);
      g_signal_connect (button, "toggled", G_CALLBACK (attendance_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

/* The status whose button is pressed in @box (attendance_buttons_new()). */
static TandemAttendanceStatus
attendance_buttons_get_status (GtkWidget *box)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TANDEM_TYPE_ATTENDANCE_STATUS);
  guint i = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (box); button != NULL;
       button = gtk_widget_get_next_sibling (button), i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      return klass->values[i].value;
  return TANDEM_ATTENDANCE_NOT_RECORDED;
}

static void
review_done_cb (GtkButton          *button,
                TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *action = g_object_get_data (G_OBJECT (button), "action-id");
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GError) error = NULL;

  if (!tandem_coaching_mark_done (project, action, today, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Mark the Action Done"), error);
}

static void
review_carry_cb (GtkButton          *button,
                 TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *action = g_object_get_data (G_OBJECT (button), "action-id");
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *date = stripped (gtk_editable_get_text (entry));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  /* Close the little form first: its row is about to be redrawn, and the
   * keyboard goes back to the window. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  id = tandem_coaching_carry_forward (project, action, self->session_id, date, today, &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Carry the Action Forward"), error);
}

static void
review_drop_cb (GtkButton          *button,
                TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *action = g_object_get_data (G_OBJECT (button), "action-id");
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GError) error = NULL;

  /* Close the little form first: its row is about to be redrawn, and the
   * keyboard goes back to the window. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (!tandem_coaching_drop (project, action, gtk_editable_get_text (entry), today, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Drop the Action"), error);
}

static void
entry_activate_cb (GtkEntry  *entry,
                   GtkButton *button)
{
  gtk_widget_activate (GTK_WIDGET (button));
}

/* A button that opens a small form: one field and a button to confirm. */
static GtkWidget *
form_button (TandemCoachingPage *self,
             const char         *label,
             const char         *accessible,
             const char         *field_label,
             const char         *initial,
             const char         *confirm,
             const char         *action_id,
             GCallback           callback)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (field_label);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (confirm);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), label);
  /* No mnemonic: every row has one of these. */
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (menu_button, accessible);
  if (gtk_widget_get_first_child (menu_button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu_button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field_label, -1);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "action-id", g_strdup (action_id), g_free);
  g_object_set_data (G_OBJECT (button), "entry", entry);
  g_signal_connect (button, "clicked", callback, self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), button);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  return menu_button;
}

static GtkWidget *
review_row (TandemCoachingPage *self,
            TandemAction       *action,
            const char         *today)
{
  g_autofree char *subtitle = describe_action (action, today);
  g_autofree char *done_label = g_strdup_printf (_("Mark “%s” done"), action->what);
  g_autofree char *carry_label = g_strdup_printf (_("Carry “%s” forward"), action->what);
  g_autofree char *drop_label = g_strdup_printf (_("Drop “%s”"), action->what);
  g_autofree char *next_due = NULL;
  AdwActionRow *row = text_row (action->what, subtitle);
  GtkWidget *done = gtk_button_new_with_label (_("Done"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  {
    g_autoptr(GDateTime) now = tandem_clock_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
    next_due = g_date_time_format (later, "%Y-%m-%d");
  }
  if (tandem_action_is_overdue (action, today))
    mark_overdue (row);
  adw_action_row_set_subtitle_lines (row, 2);
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, done_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  g_object_set_data_full (G_OBJECT (done), "action-id", g_strdup (action->id), g_free);
  g_signal_connect (done, "clicked", G_CALLBACK (review_done_cb), self);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* One above the other in a narrow window, leaving the action's words room. */
  gtk_widget_set_layout_manager (box, tandem_wrap_layout_new (6));
  gtk_box_append (GTK_BOX (box), done);
  gtk_box_append (GTK_BOX (box),
                  form_button (self, _("Carry Forward"), carry_label,
                               _("New date"), next_due, _("_Carry Forward"),
                               action->id, G_CALLBACK (review_carry_cb)));
  gtk_box_append (GTK_BOX (box),
                  form_button (self, _("Drop"), drop_label, _("Why is it dropped?"), NULL,
                               _("_Drop Action"), action->id, G_CALLBACK (review_drop_cb)));
  adw_action_row_add_suffix (row, box);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_strdup (action->id), g_free);
  return GTK_WIDGET (row);
}

/* An action this session has reviewed, with what became of it. */
static GtkWidget *
reviewed_row (TandemAction *action,
              const char   *today)
{
  g_autofree char *subtitle = describe_action (action, today);
  AdwActionRow *row = text_row (action->what, subtitle);
  const char *outcome = action->status == TANDEM_ACTION_DONE ? _("Done")
                        : action->carried_to != NULL ? _("Carried forward")
                        : _("Dropped");
  GtkWidget *label = gtk_label_new (outcome);

  adw_action_row_set_subtitle_lines (row, 2);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (row, label);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_strdup (action->id), g_free);
  return GTK_WIDGET (row);
}

/* The review list: the earlier actions still open, each with its three
 * buttons, then those this session has reviewed, each with its outcome. A
 * button pressed shows its outcome on its row at once, and the keyboard
 * stays on that row. */
/* What rows of @actions show, as one string: a list whose rows would show
 * the same is left as it is, so that a save as the person works (which
 * reloads the lists) never takes a row from under a click. */
static void
append_shown (GString    *shown,
              GPtrArray  *actions,
              const char *today)
{
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      TandemAction *action = actions->pdata[i];
      g_autofree char *subtitle = describe_action (action, today);

      g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1f%d\x1e", action->id, action->what,
                              subtitle, tandem_action_is_overdue (action, today));
    }
  g_string_append_c (shown, '\x1d');
}

/* Whether the list *@shown describes already shows @now; if not, @now is
 * kept as what it will show. */
static gboolean
still_shown (char    **shown,
             GString  *now)
{
  if (g_strcmp0 (*shown, now->str) == 0)
    return TRUE;
  g_free (*shown);
  *shown = g_strdup (now->str);
  return FALSE;
}

static void
reload_review (TandemCoachingPage  *self,
               const TandemSession *session,
               const char          *today)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  g_autoptr(GString) shown = g_string_new (session->id);
  g_autofree char *focus_id = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->review_list)))
    {
      /* Someone typing in a review form (a date, a reason, in its popover)
       * would lose their words if the list were rebuilt under them by a
       * refresh: the list waits for the next change. */
      if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus))
        return;
      for (GtkWidget *w = focus; w && focus_id == NULL; w = gtk_widget_get_parent (w))
        if (GTK_IS_LIST_BOX_ROW (w))
          focus_id = g_strdup (g_object_get_data (G_OBJECT (w), "action-id"));
    }
  review = tandem_coaching_list_actions_to_review (project, session->team_id, session->starts_at, NULL);
  reviewed = tandem_coaching_list_reviewed_actions (project, self->session_id, NULL);
  append_shown (shown, review, today);
  append_shown (shown, reviewed, today);
  if (still_shown (&self->review_shown, shown))
    return;
  clear_list (self->review_list);
  for (guint i = 0; review && i < review->len; i++)
    gtk_list_box_append (self->review_list, review_row (self, review->pdata[i], today));
  for (guint i = 0; reviewed && i < reviewed->len; i++)
    gtk_list_box_append (self->review_list, reviewed_row (reviewed->pdata[i], today));
  if (review && review->len == 0 && (reviewed == NULL || reviewed->len == 0))
    add_placeholder (self->review_list, _("Nothing left to review from earlier sessions."));
  if (focus_id != NULL)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->review_list)); row;
         row = gtk_widget_get_next_sibling (row))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "action-id"), focus_id) == 0)
        {
          gtk_widget_grab_focus (row);
          break;
        }
}

static void
delete_action_cb (GtkButton          *button,
                  TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *action = g_object_get_data (G_OBJECT (button), "action-id");
  g_autoptr(GError) error = NULL;

  if (!tandem_coaching_delete_action (project, action, &error))
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete the Action"), error);
      return;
    }
  tandem_page_show_toast (TANDEM_PAGE (self), _("Action deleted"), TRUE);
}

static void
reload_editor_lists (TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GString) shown = NULL;

  session = tandem_coaching_get_session (project, self->session_id, &error);
  if (session == NULL)
    return;

  reload_review (self, session, today);
  shown = g_string_new (session->id);

  actions = tandem_coaching_list_actions (project, self->session_id, NULL);
  append_shown (shown, actions, today);
  if (still_shown (&self->actions_shown, shown))
    return;
  clear_list (self->actions_list);
  for (guint i = 0; actions && i < actions->len; i++)
    {
      TandemAction *action = actions->pdata[i];
      g_autofree char *subtitle = describe_action (action, today);
      g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), action->what);
      AdwActionRow *row = text_row (action->what, subtitle);
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (tandem_action_is_overdue (action, today))
        mark_overdue (row);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete action"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      delete_label, -1);
      g_object_set_data_full (G_OBJECT (delete), "action-id", g_strdup (action->id), g_free);
      g_signal_connect (delete, "clicked", G_CALLBACK (delete_action_cb), self);
      adw_action_row_add_suffix (row, delete);
      gtk_list_box_append (self->actions_list, GTK_WIDGET (row));
    }
  if (actions && actions->len == 0)
    add_placeholder (self->actions_list, _("No actions agreed yet."));
}

static void
set_view (TandemCoachingPage *self,
          const char         *view)
{
  gtk_stack_set_visible_child_name (self->stack, view);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !g_str_equal (view, "session"));
}

/* Whether the person is in @editor: a refresh leaves it alone. */
static gboolean
is_typing_in (GtkWidget *editor)
{
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor));
}

/* What the form was filled from, as the file held it: a save writes only
 * what the person changed from it, checked against the file, so a change
 * someone else made meanwhile is kept (as a conflict) rather than written
 * over. With @keep_typing, a field the person is in keeps what it showed. */
static void
remember_shown (TandemCoachingPage *self,
                TandemProject      *project,
                const char         *session_id,
                gboolean            keep_typing)
{
  const struct { GtkWidget *editor; const char *field; } shown[] = {
    { GTK_WIDGET (self->date_row), "starts_at" },
    { GTK_WIDGET (self->minutes_spin), "minutes" },
    { GTK_WIDGET (self->kind_row), "kind" },
    { GTK_WIDGET (self->online_switch), "online" },
    { GTK_WIDGET (self->private_switch), "private" },
    { GTK_WIDGET (self->coach_row), "coach" },
    { GTK_WIDGET (self->confidence_row), "confidence" },
    { GTK_WIDGET (self->momentum_row), "momentum" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (!keep_typing || !(is_typing_in (shown[i].editor) ||
                          (shown[i].editor == GTK_WIDGET (self->date_row) &&
                           is_typing_in (GTK_WIDGET (self->time_row))) ||
                          (shown[i].editor == GTK_WIDGET (self->kind_row) &&
                           is_typing_in (GTK_WIDGET (self->own_kind_row)))))
      tandem_shown_field_remember (shown[i].editor, project, TANDEM_ENTITY_COACHING_SESSION,
                                   session_id, shown[i].field);
  for (guint i = 0; i < N_TEXTS; i++)
    if (!keep_typing || !is_typing_in (GTK_WIDGET (self->text_views[i])))
      tandem_shown_field_remember (GTK_WIDGET (self->text_views[i]), project,
                                   TANDEM_ENTITY_COACHING_SESSION,
                                   session_id, texts[i].field);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text,
                   gboolean     keep_typing)
{
  if (keep_typing && is_typing_in (GTK_WIDGET (editable)))
    return;
  /* Only when it differs, so the cursor stays where it is. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

/* The session's own fields, from the file. With @keep_typing (a refresh,
 * not an opening), the fields the person is in keep their words. */
static void
fill_fields (TandemCoachingPage *self,
             TandemSession      *session,
             gboolean            keep_typing)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (session->starts_at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
  g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : g_strdup ("");
  g_autofree char *when = tandem_coaching_format_when (session->starts_at, session->minutes);
  g_autofree char *title = g_strdup_printf ("%s — %s", session->team_name, when);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  const char * const values[N_TEXTS] = { session->check_in, session->notes, session->advice,
                                         session->agreements };
  guint kind_index = 0;
  gboolean own_kind = TRUE;

  self->filling = TRUE;
  gtk_label_set_label (self->session_title, title);
  set_editable_text (GTK_EDITABLE (self->date_row), date, keep_typing);
  set_editable_text (GTK_EDITABLE (self->time_row), time, keep_typing);
  gtk_spin_button_set_value (self->minutes_spin, session->minutes > 0 ? session->minutes : 90);
  gtk_switch_set_active (self->online_switch, session->online);
  gtk_switch_set_active (self->private_switch, session->private);
  set_editable_text (GTK_EDITABLE (self->coach_row), session->coach, keep_typing);

  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  self->kinds = tandem_coaching_list_kinds (project);
  for (guint i = 0; i < self->kinds->len; i++)
    {
      gtk_string_list_append (kind_labels, tandem_coaching_kind_label (self->kinds->pdata[i]));
      if (g_strcmp0 (self->kinds->pdata[i], session->kind) == 0)
        {
          kind_index = i;
          own_kind = FALSE;
        }
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  adw_combo_row_set_selected (self->kind_row, kind_index);
  set_editable_text (GTK_EDITABLE (self->own_kind_row), own_kind ? session->kind : NULL, keep_typing);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_views[i]);
      g_autofree char *now = text_view_get (self->text_views[i]);

      if (keep_typing && is_typing_in (GTK_WIDGET (self->text_views[i])))
        continue;
      if (g_strcmp0 (now, values[i]) != 0)
        gtk_text_buffer_set_text (buffer, values[i] ? values[i] : "", -1);
    }

  adw_combo_row_set_selected (self->confidence_row, CLAMP (session->confidence, 0, 5));
  adw_combo_row_set_selected (self->momentum_row, CLAMP (session->momentum, 0, 5));
  remember_shown (self, project, session->id, keep_typing);
  self->filling = FALSE;
}

/* A row of the editor's Who Took Part: the person, with their attendance
 * buttons. */
static void
append_attendee_row (TandemCoachingPage *self,
                     TandemAttendee     *person)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *box = attendance_buttons_new (self, person);
  AdwActionRow *row;

  subtitle = person->title && *person->title
             ? g_strdup_printf ("%s · %s", tandem_coaching_role_label (person->person_role), person->title)
             : g_strdup (tandem_coaching_role_label (person->person_role));
  row = text_row (person->name, subtitle);
  adw_action_row_add_suffix (row, box);
  gtk_list_box_append (self->people_list, GTK_WIDGET (row));
  g_ptr_array_add (self->people_choices, box);
}

/* Someone chosen as having taken part is marked present. Someone the form
 * did not list (just added, or from another team, whom the chooser has
 * added to the team) gets a row: the list is read again in the file's
 * order, so that it matches the list saving reads, keeping what the form
 * says of everyone else. Saved with the rest of the form. */
static void
attendee_chosen_cb (TandemPersonChooser *chooser,
                    const char          *person_id,
                    TandemCoachingPage  *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *people;

  if (person_id == NULL || self->session_id == NULL || self->session_team == NULL)
    return;
  for (guint i = 0; self->people && i < self->people->len; i++)
    {
      TandemAttendee *person = self->people->pdata[i];
      GtkWidget *box = self->people_choices->pdata[i];

      if (g_strcmp0 (person->person_id, person_id) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (box)), TRUE);
          return;
        }
      g_hash_table_insert (statuses, person->person_id,
                           GINT_TO_POINTER (attendance_buttons_get_status (box) + 1));
    }
  people = tandem_coaching_list_attendees (project, self->session_team, self->session_id, NULL);
  if (people == NULL)
    return;
  for (guint i = 0; i < people->len; i++)
    {
      TandemAttendee *person = people->pdata[i];
      gpointer status;

      if (g_str_equal (person->person_id, person_id))
        person->status = TANDEM_ATTENDANCE_PRESENT;
      else if (g_hash_table_lookup_extended (statuses, person->person_id, NULL, &status))
        person->status = GPOINTER_TO_INT (status) - 1;
    }
  g_hash_table_remove_all (statuses);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = people;
  g_ptr_array_set_size (self->people_choices, 0);
  clear_list (self->people_list);
  for (guint i = 0; i < people->len; i++)
    append_attendee_row (self, people->pdata[i]);
}
static void chosen_cb (GObject            *object,
                       GParamSpec         *pspec,
                       TandemCoachingPage *self);

/* Fills the editor from the file: called when a session is opened, not when
 * the project changes, so what the person is typing is never overwritten. */
static void
load_editor (TandemCoachingPage *self,
             TandemSession      *session)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  fill_fields (self, session, FALSE);
  self->filling = TRUE;

  /* Who took part: the team's people, each present, sending apologies or
   * not recorded. */
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_ptr_array_set_size (self->people_choices, 0);
  self->people = tandem_coaching_list_attendees (project, session->team_id, session->id, NULL);
  clear_list (self->people_list);
  for (guint i = 0; self->people && i < self->people->len; i++)
    append_attendee_row (self, self->people->pdata[i]);
  if (self->people == NULL || self->people->len == 0)
    add_placeholder (self->people_list, _("This team has no people yet: add someone who took part "
                                          "below, or add the team’s people from the team menu’s "
                                          "People."));
  tandem_person_chooser_set_team (self->attendee_chooser, project, session->team_id);
  tandem_person_chooser_set_team (self->action_owner_chooser, project, session->team_id);

  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_ptr_array_set_size (self->link_checks, 0);
  self->links = tandem_coaching_list_links (project, session->team_id, session->id, NULL);
  clear_list (self->links_list);
  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      TandemSessionLink *link = self->links->pdata[i];
      const char *kind = g_str_equal (link->entity, TANDEM_ENTITY_NODE) ? _("Change idea")
                         : g_str_equal (link->entity, TANDEM_ENTITY_PDSA_CYCLE) ? _("PDSA cycle")
                         : _("Measure");
      AdwActionRow *row = text_row (link->title, kind);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), link->link_id != NULL);
      g_signal_connect (check, "notify::active", G_CALLBACK (chosen_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      link->title, -1);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      gtk_list_box_append (self->links_list, GTK_WIDGET (row));
      g_ptr_array_add (self->link_checks, check);
    }
  if (self->links == NULL || self->links->len == 0)
    add_placeholder (self->links_list, _("This team has no change ideas, PDSA cycles or measures yet."));

  gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  tandem_person_chooser_set_person_id (self->action_owner_chooser, NULL);
  self->filling = FALSE;
}

static gboolean session_vanished (TandemCoachingPage *self,
                                  gboolean            typing,
                                  const GError       *error);

/* Writes the form to the file as one change. Unchanged fields are left
 * alone, so saving an untouched session changes nothing. While @typing (a
 * pause, a paragraph ended, a field left), a date or time not finished yet
 * is left for later instead of refused, and the fields the person is in
 * keep their words. */
static gboolean
save_editor_full (TandemCoachingPage *self,
                  gboolean            typing)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *coach = NULL;
  g_autofree char *iso = NULL;
  const char *date = editable_text (self->date_row);
  const char *time = editable_text (self->time_row);
  char day[11] = "";
  int minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  int hour = -1, minute = -1;
  const char *conflict_field = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *confidence_text = NULL;
  g_autofree char *momentum_text = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (TandemFieldEdit));
  g_autoptr(GArray) attendance = g_array_new (FALSE, TRUE, sizeof (TandemAttendanceChoice));
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (TandemLinkChoice));
  int confidence = (int) adw_combo_row_get_selected (self->confidence_row);
  gboolean saved_ok;
  int momentum = (int) adw_combo_row_get_selected (self->momentum_row);
  gboolean when_ok;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session_id == NULL || project == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return TRUE;
  session = tandem_coaching_get_session (project, self->session_id, &error);
  if (session == NULL)
    return session_vanished (self, typing, error) && typing;

  when_ok = typed_date (date, day) && sscanf (time, "%d:%d", &hour, &minute) == 2 &&
            hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
  if (!when_ok && !typing)
    {
      g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the date as day/month/year or year-month-day (for example "
                             "18/11/2026 or 2026-11-18), or choose it on the calendar, and the "
                             "time as hours:minutes (for example 10:00)."));
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Session"), error);
      return FALSE;
    }
  iso = when_ok ? g_strdup_printf ("%sT%02d:%02d:00", day, hour, minute) : NULL;
  if (iso)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      local = g_date_time_new_from_iso8601 (iso, zone);
    }
  utc = local ? g_date_time_to_utc (local) : NULL;
  starts_at = utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  kind = stripped (editable_text (self->own_kind_row));
  if (kind == NULL && self->kinds)
    {
      guint k = adw_combo_row_get_selected (self->kind_row);
      kind = g_strdup (k < self->kinds->len ? self->kinds->pdata[k] : TANDEM_SESSION_KIND_OTHER);
    }
  coach = stripped (editable_text (self->coach_row));

  /* Only what the person changed from what the form was filled from is
   * written, each checked against the file: a field someone else changed
   * meanwhile keeps their value and both are kept as a conflict. */
#define SET(editor, name, wanted, stored) \
  G_STMT_START { \
    TandemFieldEdit edit_ = { name, tandem_shown_field_get_stored (GTK_WIDGET (editor)), FALSE, \
                              stored, FALSE }; \
    edit_.changed = g_strcmp0 ((wanted), edit_.shown) != 0; \
    g_array_append_val (fields, edit_); \
    g_ptr_array_add (editors, (editor)); \
  } G_STMT_END

  if (starts_at)
    SET (self->date_row, "starts_at", starts_at, tandem_value_text (starts_at));
  minutes_text = g_strdup_printf ("%d", minutes);
  SET (self->minutes_spin, "minutes", minutes_text, tandem_value_int (minutes));
  SET (self->kind_row, "kind", kind, tandem_value_text (kind));
  SET (self->online_switch, "online", gtk_switch_get_active (self->online_switch) ? "1" : "0",
       tandem_value_int (gtk_switch_get_active (self->online_switch)));
  SET (self->private_switch, "private", gtk_switch_get_active (self->private_switch) ? "1" : "0",
       tandem_value_int (gtk_switch_get_active (self->private_switch)));
  SET (self->coach_row, "coach", coach, tandem_value_text (coach));
  for (guint i = 0; i < N_TEXTS; i++)
    {
      char *text = text_view_get (self->text_views[i]);

      g_ptr_array_add (owned, text);
      SET (self->text_views[i], texts[i].field, text, tandem_value_text (text));
    }
  confidence_text = confidence ? g_strdup_printf ("%d", confidence) : NULL;
  momentum_text = momentum ? g_strdup_printf ("%d", momentum) : NULL;
  SET (self->confidence_row, "confidence", confidence_text,
       confidence ? tandem_value_int (confidence) : tandem_value_null ());
  SET (self->momentum_row, "momentum", momentum_text,
       momentum ? tandem_value_int (momentum) : tandem_value_null ());
#undef SET

  for (guint i = 0; self->people && i < self->people->len; i++)
    {
      TandemAttendee *person = self->people->pdata[i];
      TandemAttendanceChoice choice = {
        person->person_id,
        attendance_buttons_get_status (self->people_choices->pdata[i]),
        person->title,
      };

      g_array_append_val (attendance, choice);
    }
  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      TandemSessionLink *link = self->links->pdata[i];
      TandemLinkChoice choice = {
        link->entity, link->id, gtk_check_button_get_active (self->link_checks->pdata[i]),
      };

      g_array_append_val (links, choice);
    }

  self->saving = TRUE;
  saved_ok = tandem_coaching_edit_session (project, self->session_id,
                                           (TandemFieldEdit *) fields->data, fields->len,
                                           (TandemAttendanceChoice *) attendance->data,
                                           attendance->len,
                                           (TandemLinkChoice *) links->data, links->len, &error);
  self->saving = FALSE;
  if (!saved_ok)
    {
      if (!g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
        {
          tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Session"), error);
          return FALSE;
        }
      for (guint i = 0; conflict_field == NULL && i < fields->len; i++)
        if (g_array_index (fields, TandemFieldEdit, i).conflict)
          conflict_field = g_array_index (fields, TandemFieldEdit, i).field;
    }

  /* Saved while the person types: what they wrote is what the file holds
   * now, and the form stays as it is under their hands. */
  if (typing && error == NULL)
    {
      g_autoptr(TandemSession) saved = tandem_coaching_get_session (project, self->session_id, NULL);

      for (guint i = 0; i < fields->len; i++)
        if (g_array_index (fields, TandemFieldEdit, i).changed)
          tandem_shown_field_saved (editors->pdata[i], project);
      if (saved)
        {
          g_autofree char *when = tandem_coaching_format_when (saved->starts_at, saved->minutes);
          g_autofree char *title = g_strdup_printf ("%s — %s", saved->team_name, when);

          gtk_label_set_label (self->session_title, title);
          g_clear_pointer (&self->people, g_ptr_array_unref);
          self->people = tandem_coaching_list_attendees (project, saved->team_id, saved->id, NULL);
          g_clear_pointer (&self->links, g_ptr_array_unref);
          self->links = tandem_coaching_list_links (project, saved->team_id, saved->id, NULL);
        }
      return TRUE;
    }

  /* Show what is saved: what the person changed is, and the fields they left
   * alone (or that met someone else's change) show what the file holds. */
  {
    g_autoptr(TandemSession) saved = tandem_coaching_get_session (project, self->session_id, NULL);
    if (saved)
      {
        fill_fields (self, saved, FALSE);
        g_clear_pointer (&self->people, g_ptr_array_unref);
        self->people = tandem_coaching_list_attendees (project, saved->team_id, saved->id, NULL);
        g_clear_pointer (&self->links, g_ptr_array_unref);
        self->links = tandem_coaching_list_links (project, saved->team_id, saved->id, NULL);
      }
  }
  reload_editor_lists (self);
  if (error)
    {
      /* What was typed is kept in the conflict, for a person to choose. */
      tandem_shown_field_report_conflict (TANDEM_PAGE (self), self->session_id, conflict_field, error);
      return typing;
    }
  return TRUE;
}

static gboolean
save_editor (TandemCoachingPage *self)
{
  return save_editor_full (self, FALSE);
}

static void
close_editor (TandemCoachingPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  tandem_comments_panel_set_item (self->comments_panel, NULL, NULL, NULL);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->session_team, g_free);
  set_view (self, gtk_toggle_button_get_active (self->caseload_button) ? "caseload" : "team");
}

static gboolean
typing_paused_cb (gpointer data)
{
  TandemCoachingPage *self = data;

  self->save_source = 0;
  save_editor_full (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The person changed the form: it is saved after @delay ms, unless they
 * change it again meanwhile. */
static void
save_after (TandemCoachingPage *self,
            guint               delay)
{
  if (self->filling || self->saving || self->session_id == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay, typing_paused_cb, self);
}

static void
typed_cb (gpointer            editor,
          TandemCoachingPage *self)
{
  save_after (self, TYPING_PAUSE_MS);
}

static void
chosen_cb (GObject            *object,
           GParamSpec         *pspec,
           TandemCoachingPage *self)
{
  save_after (self, 0);
}

/* A paragraph ended: what was written is one change. */
static void
text_inserted_cb (GtkTextBuffer      *buffer,
                  GtkTextIter        *where,
                  const char         *text,
                  int                 length,
                  TandemCoachingPage *self)
{
  if (memchr (text, '\n', length) != NULL)
    save_after (self, 0);
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               TandemCoachingPage      *self)
{
  if (self->save_source != 0)
    save_editor_full (self, TRUE);
}

/* What a session that went held of the person's words, to keep. */
typedef struct
{
  TandemCoachingPage     *page;
  char                   *team_id;
  char                   *starts_at;
  TandemCoachingTemplate  base;
  char                   *text;
} KeptSession;

static void
kept_session_free (gpointer data)
{
  KeptSession *kept = data;

  g_object_unref (kept->page);
  g_free (kept->team_id);
  g_free (kept->starts_at);
  g_free (kept->base.kind);
  g_free (kept->base.check_in);
  g_free (kept->base.notes);
  g_free (kept->base.advice);
  g_free (kept->base.agreements);
  g_free (kept->text);
  g_free (kept);
}

static void
kept_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  gpointer            data)
{
  KeptSession *kept = data;
  TandemCoachingPage *self = kept->page;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (g_str_equal (response, "new") && project &&
      tandem_project_exists (project, TANDEM_ENTITY_TEAM, kept->team_id))
    id = tandem_coaching_log_session (project, kept->team_id, kept->starts_at, &kept->base, &error);
  if (id)
    {
      if (g_strcmp0 (kept->team_id, tandem_page_get_team_id (TANDEM_PAGE (self))) != 0)
        select_team (self, kept->team_id);
      tandem_coaching_page_open_session (self, id);
      tandem_page_show_toast (TANDEM_PAGE (self), _("Your words are in a new session"), TRUE);
      return;
    }
  /* Anything else, Escape included, keeps the words on the clipboard. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), kept->text);
  if (error)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Keep the Session"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Your words are on the clipboard"), FALSE);
}

/* The session in the editor is no longer in the file: deleted here, by
 * Undo, or by another program. If words typed in it (or an action being
 * written) were not saved yet, Undo could not bring them back: the
 * session's words are shown, to copy or to keep as a new session.
 *
 * Returns: %TRUE if nothing typed was left out of the file */
static gboolean
session_vanished (TandemCoachingPage *self,
                  gboolean            typing,
                  const GError       *error)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GString) text = g_string_new (NULL);
  char *typed[N_TEXTS] = { NULL };
  KeptSession *kept;
  gboolean unsaved = FALSE;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *view, *scrolled;

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *now = text_view_get (self->text_views[i]);

      if (now == NULL)
        continue;
      unsaved |= g_strcmp0 (now, tandem_shown_field_get_stored (GTK_WIDGET (self->text_views[i]))) != 0;
      {
        g_autofree char *title = tandem_plain_without_mnemonic (_(texts[i].title));
        g_string_append_printf (text, "%s%s\n%s\n", text->len ? "\n" : "", title, now);
      }
      typed[i] = g_steal_pointer (&now);
    }
  {
    g_autofree char *what = stripped (editable_text (self->action_what_row));
    g_autofree char *due = stripped (editable_text (self->action_due_row));

    unsaved |= what != NULL;
    if (what)
      g_string_append_printf (text, "%s%s\n%s%s%s\n", text->len ? "\n" : "", _("Action"), what,
                              due ? " · " : "", due ? due : "");
  }
  if (!unsaved)
    {
      for (guint i = 0; i < N_TEXTS; i++)
        g_free (typed[i]);
      close_editor (self);
      if (!typing)
        {
          g_autoptr(GError) gone = error ? g_error_copy (error)
                                         : g_error_new_literal (TANDEM_PROJECT_ERROR,
                                                                TANDEM_PROJECT_ERROR_NOT_FOUND,
                                                                _("The session is no longer in the "
                                                                  "project: it was deleted, here or "
                                                                  "by another program."));
          tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Session"), gone);
        }
      return TRUE;
    }

  kept = g_new0 (KeptSession, 1);
  kept->page = g_object_ref (self);
  kept->team_id = g_strdup (self->session_team);
  {
    char day[11] = "";
    g_autofree char *iso = typed_date (editable_text (self->date_row), day)
                           ? g_strdup_printf ("%sT%s:00", day, editable_text (self->time_row))
                           : NULL;
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
    g_autoptr(GDateTime) local = iso ? g_date_time_new_from_iso8601 (iso, zone) : NULL;
    g_autoptr(GDateTime) now = tandem_clock_now_local ();
    g_autoptr(GDateTime) utc = g_date_time_to_utc (local ? local : now);

    kept->starts_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  kept->base.kind = stripped (editable_text (self->own_kind_row));
  if (kept->base.kind == NULL && self->kinds &&
      adw_combo_row_get_selected (self->kind_row) < self->kinds->len)
    kept->base.kind = g_strdup (self->kinds->pdata[adw_combo_row_get_selected (self->kind_row)]);
  kept->base.minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  kept->base.online = gtk_switch_get_active (self->online_switch);
  kept->base.check_in = typed[0];
  kept->base.notes = typed[1];
  kept->base.advice = typed[2];
  kept->base.agreements = typed[3];
  kept->text = g_string_free (g_steal_pointer (&text), FALSE);
  close_editor (self);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Session Is No Longer in the Project"),
                                   _("It was deleted, here, by Undo or by another program, before "
                                     "your latest words were saved. Keep the session’s words as a "
                                     "new session of the team, or copy them: closing this puts "
                                     "them on the clipboard."));
  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  /* Enter keeps them: the focus goes to the answers, not the words. */
  gtk_widget_set_focusable (view, FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), kept->text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your words"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy Them"),
                                    "new", _("_Keep as a New Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "new",
                                           project && kept->team_id &&
                                           tandem_project_exists (project, TANDEM_ENTITY_TEAM,
                                                                  kept->team_id));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  g_signal_connect_data (dialog, "response", G_CALLBACK (kept_response_cb), kept,
                         (GClosureNotify) (void (*) (void)) kept_session_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* The session in the editor leaves the page: another team is shown, or it
 * is no longer in the file. */
static void
let_session_go (TandemCoachingPage *self,
                TandemProject      *project)
{
  if (project && tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id))
    {
      save_editor_full (self, TRUE);
      close_editor (self);
    }
  else if (project)
    session_vanished (self, TRUE, NULL);
  else
    close_editor (self);
}

static void
watch_leaving (TandemCoachingPage *self,
               GtkWidget          *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (field, focus);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */

static void
search_changed_cb (GtkSearchEntry     *entry,
                   TandemCoachingPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (*text == '\0')
    {
      if (g_strcmp0 (visible, "search") == 0)
        set_view (self, self->return_view ? self->return_view : "team");
      return;
    }
  if (g_strcmp0 (visible, "search") != 0)
    {
      if (g_strcmp0 (visible, "session") == 0 && !save_editor (self))
        return;
      if (g_strcmp0 (visible, "session") == 0)
        close_editor (self);
      g_free (self->return_view);
      self->return_view = g_strdup (gtk_stack_get_visible_child_name (self->stack));
    }
  run_search (self);
  set_view (self, "search");
}

static void
caseload_toggled_cb (GtkToggleButton    *button,
                     TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  if (self->session_id && !save_editor (self))
    {
      g_signal_handlers_block_by_func (button, caseload_toggled_cb, self);
      gtk_toggle_button_set_active (button, FALSE);
      g_signal_handlers_unblock_by_func (button, caseload_toggled_cb, self);
      return;
    }
  g_clear_pointer (&self->session_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (gtk_toggle_button_get_active (button) && project)
    reload_caseload (self, project);
  set_view (self, gtk_toggle_button_get_active (button) ? "caseload" : "team");
}

static void
open_found_session (TandemCoachingPage *self,
                    const char         *session_id,
                    const char         *team_id)
{
  g_autofree char *team = g_strdup (team_id);
  g_autofree char *id = g_strdup (session_id);

  if (id == NULL)
    return;
  if (g_strcmp0 (team, tandem_page_get_team_id (TANDEM_PAGE (self))) != 0)
    select_team (self, team);
  tandem_coaching_page_open_session (self, id);
}

static void
session_activated_cb (GtkListBox         *list,
                      GtkListBoxRow      *row,
                      TandemCoachingPage *self)
{
  open_found_session (self, g_object_get_data (G_OBJECT (row), "session-id"),
                      g_object_get_data (G_OBJECT (row), "team-id"));
}

static void
search_session_activated_cb (TandemCoachingSearch *search,
                             const char           *session_id,
                             const char           *team_id,
                             TandemCoachingPage   *self)
{
  open_found_session (self, session_id, team_id);
}

static void
team_activated_cb (GtkListBox         *list,
                   GtkListBoxRow      *row,
                   TandemCoachingPage *self)
{
  g_autofree char *team = g_strdup (g_object_get_data (G_OBJECT (row), "team-id"));

  select_team (self, team);
  gtk_toggle_button_set_active (self->caseload_button, FALSE);
}

static void
back_clicked_cb (GtkButton          *button,
                 TandemCoachingPage *self)
{
  if (save_editor (self))
    close_editor (self);
}

static void
save_clicked_cb (GtkButton          *button,
                 TandemCoachingPage *self)
{
  if (self->session_id != NULL && save_editor (self))
    tandem_page_show_toast (TANDEM_PAGE (self), _("Session saved"), FALSE);
}

static void
delete_clicked_cb (GtkButton          *button,
                   TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* What was typed last is saved first, so that Undo brings it all back. */
  if (!save_editor_full (self, TRUE) && self->session_id == NULL)
    return;
  id = g_strdup (self->session_id);
  close_editor (self);
  if (!tandem_coaching_delete_session (project, id, &error))
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete the Session"), error);
      tandem_coaching_page_open_session (self, id);
      return;
    }
  tandem_page_show_toast (TANDEM_PAGE (self), _("Session deleted"), TRUE);
}

static void
add_action_clicked_cb (GtkButton          *button,
                       TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autofree char *what = stripped (editable_text (self->action_what_row));
  g_autofree char *due = stripped (editable_text (self->action_due_row));
  const char *owner = tandem_person_chooser_get_person_id (self->action_owner_chooser);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char due_day[11] = "";

  if (self->session_id == NULL ||
      !tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id))
    {
      session_vanished (self, FALSE, NULL);
      return;
    }
  if (what == NULL)
    g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("Say what will be done."));
  else if (due == NULL || tandem_read_typed_date (due, due_day, &error))
    id = tandem_coaching_add_action (project, self->session_id, what, owner,
                                     due != NULL ? due_day : NULL, &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Action"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  tandem_person_chooser_set_person_id (self->action_owner_chooser, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_what_row));
}

static void
template_name_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           TandemCoachingPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autofree char *name = stripped (gtk_editable_get_text (entry));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->session_id == NULL)
    return;
  if (name == NULL)
    {
      g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the template a name."));
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Template"), error);
      return;
    }
  id = tandem_coaching_save_template (project, name, self->session_id, &error);
  if (id == NULL)
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Template"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Template saved: it is in the New Session menu"), FALSE);
}

static void
save_template_clicked_cb (GtkButton          *button,
                          TandemCoachingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!save_editor (self))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save as Template"),
                                   _("New sessions can start from this session's kind, length, "
                                     "check-in, notes, advice and agreements."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Template name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* TandemPage                                                               */

static void
update_templates (TandemCoachingPage *self,
                  TandemProject      *project)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) own = g_menu_new ();

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = tandem_coaching_list_templates (project);
  g_menu_append (menu, _("Blank Session"), "coaching.new-session('')");
  for (guint i = 0; i < self->templates->len; i++)
    {
      TandemCoachingTemplate *template_ = self->templates->pdata[i];
      g_autofree char *target = g_strdup_printf ("%u", i);
      g_autoptr(GMenuItem) item = g_menu_item_new (template_->name, NULL);

      g_menu_item_set_action_and_target (item, "coaching.new-session", "s", target);
      g_menu_append_item (template_->id ? own : menu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (own)) > 0)
    {
      g_menu_append (own, _("Rename or Delete Templates…"), "coaching.manage-templates");
      g_menu_append_section (menu, _("Your Templates"), G_MENU_MODEL (own));
    }
  adw_split_button_set_menu_model (self->new_button, G_MENU_MODEL (menu));
  if (self->templates_dialog)
    tandem_coaching_templates_dialog_reload (self->templates_dialog);
}

static void
tandem_coaching_page_reload (TandemPage *page)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  const char *visible = gtk_stack_get_visible_child_name (self->stack);
  gboolean editable = tandem_page_get_editable (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coaching.new-session", editable && team != NULL);
  gtk_widget_set_sensitive (self->save_button, editable);
  gtk_widget_set_sensitive (self->delete_button, editable);
  gtk_widget_set_sensitive (self->template_button, editable);
  if (self->templates_dialog)
    tandem_coaching_templates_dialog_set_editable (self->templates_dialog, editable);
  if (project == NULL || team == NULL)
    {
      if (self->session_id && !self->saving)
        let_session_go (self, project);
      return;
    }

  /* The session in the editor went (deleted, undone, another team); or
   * else it shows what the file holds (after Undo, or another program's
   * change), apart from a field the person is in. */
  if (self->session_id && !self->saving &&
      (g_strcmp0 (self->session_team, team) != 0 ||
       !tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id)))
    let_session_go (self, project);
  else if (self->session_id && !self->saving && self->save_source == 0)
    {
      g_autoptr(TandemSession) session = tandem_coaching_get_session (project, self->session_id, NULL);

      if (session)
        fill_fields (self, session, TRUE);
    }

  update_summary (self, project, team);
  update_templates (self, project);
  reload_team (self, project, team);
  if (self->session_id)
    reload_editor_lists (self);
  if (g_strcmp0 (visible, "caseload") == 0)
    reload_caseload (self, project);
  if (g_strcmp0 (visible, "search") == 0)
    run_search (self);
}

static void
tandem_coaching_page_dispose (GObject *object)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (object);
  GtkListBox *lists[] = { self->open_list, self->sessions_list, self->review_list,
                          self->people_list, self->actions_list, self->links_list,
                          self->upcoming_list, self->teams_list };

  /* Rows go first, removed from their lists: libadwaita 1.2's rows complain
   * when disposed along with their list. AdwBin then drops its child, the
   * template's box. */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i])
      clear_list (lists[i]);
  g_clear_pointer (&self->review_shown, g_free);
  g_clear_pointer (&self->actions_shown, g_free);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->templates_dialog)
    gtk_window_destroy (GTK_WINDOW (self->templates_dialog));
  g_clear_pointer (&self->people_choices, g_ptr_array_unref);
  g_clear_pointer (&self->link_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_coaching_page_parent_class)->dispose (object);
}

static void
tandem_coaching_page_finalize (GObject *object)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (object);

  g_free (self->session_id);
  g_free (self->session_team);
  g_free (self->return_view);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->people_choices, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->link_checks, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->team_attendance, tandem_attendance_free);
  g_clear_pointer (&self->caseload_attendance, tandem_attendance_free);
  G_OBJECT_CLASS (tandem_coaching_page_parent_class)->finalize (object);
}

static void
tandem_coaching_page_class_init (TandemCoachingPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_COACHING_SESSION, TANDEM_ENTITY_ATTENDANCE, TANDEM_ENTITY_ACTION,
    TANDEM_ENTITY_SESSION_LINK, TANDEM_ENTITY_COACHING_TEMPLATE, TANDEM_ENTITY_PERSON,
    TANDEM_ENTITY_TEAM, TANDEM_ENTITY_NODE, TANDEM_ENTITY_PDSA_CYCLE, TANDEM_ENTITY_MEASURE, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  g_type_ensure (TANDEM_TYPE_PERSON_CHOOSER);
  g_type_ensure (TANDEM_TYPE_COACHING_SEARCH);

  object_class->dispose = tandem_coaching_page_dispose;
  object_class->finalize = tandem_coaching_page_finalize;
  page_class->entities = entities;
  page_class->reload = tandem_coaching_page_reload;
  page_class->print = _tandem_coaching_page_print;
  page_class->export = _tandem_coaching_page_export;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-coaching-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, name)
  CHILD (summary_label);
  CHILD (search_entry);
  CHILD (caseload_button);
  CHILD (new_button);
  CHILD (stack);
  CHILD (open_group);
  CHILD (open_list);
  CHILD (sessions_list);
  CHILD (team_chart);
  CHILD (team_chart_text);
  CHILD (session_title);
  CHILD (template_button);
  CHILD (delete_button);
  CHILD (save_button);
  CHILD (review_group);
  CHILD (review_list);
  CHILD (date_row);
  CHILD (time_row);
  CHILD (minutes_spin);
  CHILD (kind_row);
  CHILD (own_kind_row);
  CHILD (online_switch);
  CHILD (coach_row);
  CHILD (private_switch);
  CHILD (people_list);
  CHILD (texts_box);
  CHILD (confidence_row);
  CHILD (momentum_row);
  CHILD (actions_list);
  CHILD (action_what_row);
  CHILD (action_owner_chooser);
  CHILD (attendee_chooser);
  CHILD (action_due_row);
  CHILD (links_list);
  CHILD (upcoming_list);
  CHILD (teams_list);
  CHILD (caseload_chart);
  CHILD (search);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, caseload_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_chosen_cb);

  _tandem_coaching_page_class_actions_init (klass);
}

static void
tandem_coaching_page_init (TandemCoachingPage *self)
{
  g_autoptr(GtkStringList) confidence = rating_model ();
  g_autoptr(GtkStringList) momentum = rating_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->people_choices = g_ptr_array_new ();
  self->link_checks = g_ptr_array_new ();
  fill_texts_box (self);
  adw_combo_row_set_model (self->confidence_row, G_LIST_MODEL (confidence));
  adw_combo_row_set_model (self->momentum_row, G_LIST_MODEL (momentum));
  /* The form saves as the person works in it. */
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_views[i]);

      g_signal_connect (buffer, "changed", G_CALLBACK (typed_cb), self);
      g_signal_connect_after (buffer, "insert-text", G_CALLBACK (text_inserted_cb), self);
      watch_leaving (self, GTK_WIDGET (self->text_views[i]));
    }
  {
    AdwEntryRow *rows[] = { self->date_row, self->time_row, self->coach_row, self->own_kind_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_signal_connect (rows[i], "changed", G_CALLBACK (typed_cb), self);
        watch_leaving (self, GTK_WIDGET (rows[i]));
      }
  }
  /* Each date can be typed or chosen on a calendar; typing saves as it goes. */
  tandem_date_row_add_calendar (self->date_row, FALSE);
  tandem_date_row_add_calendar (self->action_due_row, FALSE);
  g_signal_connect (self->minutes_spin, "value-changed", G_CALLBACK (typed_cb), self);
  g_signal_connect (self->online_switch, "notify::active", G_CALLBACK (chosen_cb), self);
  g_signal_connect (self->private_switch, "notify::active", G_CALLBACK (chosen_cb), self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (chosen_cb), self);
  g_signal_connect (self->confidence_row, "notify::selected", G_CALLBACK (chosen_cb), self);
  g_signal_connect (self->momentum_row, "notify::selected", G_CALLBACK (chosen_cb), self);
  gtk_drawing_area_set_draw_func (self->team_chart, draw_chart_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->caseload_chart, draw_chart_cb, self, NULL);
  /* Comments (the panel has its own heading) come last in the session,
   * after what was discussed. */
  {
    GtkWidget *discussed = gtk_widget_get_ancestor (GTK_WIDGET (self->links_list),
                                                    ADW_TYPE_PREFERENCES_GROUP);

    self->comments_panel = TANDEM_COMMENTS_PANEL (tandem_comments_panel_new ());
    gtk_box_append (GTK_BOX (gtk_widget_get_parent (discussed)), GTK_WIDGET (self->comments_panel));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coaching.new-session", FALSE);
  /* AdwSplitButton 1.2 gives its arrow a tooltip but no accessible name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->new_button)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      {
        GtkWidget *inner = gtk_widget_get_first_child (child);

        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Start a session from a template"), -1);
        if (inner)
          gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Start a session from a template"), -1);
      }
  set_view (self, "team");
}

static TandemSessionsFormat
format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".txt") ||
      g_str_has_suffix (lower, ".markdown"))
    return TANDEM_SESSIONS_MARKDOWN;
  if (g_str_has_suffix (lower, ".ics"))
    return TANDEM_SESSIONS_ICS;
  return TANDEM_SESSIONS_PDF;
}

/* ------------------------------------------------------------------------ */
/* Public                                                                   */

/**
 * tandem_coaching_page_open_session:
 * @self: the page
 * @session_id: a session of the page's team
 *
 * Opens a session in the editor, with last time's actions to review.
 */
void
tandem_coaching_page_open_session (TandemCoachingPage *self,
                                   const char         *session_id)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSession) session = NULL;

  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));

  if (project == NULL)
    return;
  if (self->session_id && g_strcmp0 (self->session_id, session_id) != 0 && !save_editor (self))
    return;
  session = tandem_coaching_get_session (project, session_id, &error);
  if (session == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Open the Session"), error);
      return;
    }
  g_free (self->session_id);
  self->session_id = g_strdup (session_id);
  g_free (self->session_team);
  self->session_team = g_strdup (session->team_id);
  load_editor (self, session);
  reload_editor_lists (self);
  tandem_comments_panel_set_item (self->comments_panel, project, TANDEM_ENTITY_COACHING_SESSION,
                                  session_id);
  set_view (self, "session");
}

/**
 * tandem_coaching_page_get_session_id:
 * @self: the page
 *
 * Returns: (nullable): the session open in the editor
 */
const char *
tandem_coaching_page_get_session_id (TandemCoachingPage *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), NULL);
  return self->session_id;
}

/**
 * tandem_coaching_page_get_view:
 * @self: the page
 *
 * Returns: what the page shows: “team”, “session”, “caseload” or “search”
 */
const char *
tandem_coaching_page_get_view (TandemCoachingPage *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tandem_coaching_page_save:
 * @self: the page
 *
 * Saves the session in the editor, if any, showing any error.
 *
 * Returns: %TRUE if there is nothing unsaved
 */
gboolean
tandem_coaching_page_save (TandemCoachingPage *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), FALSE);
  return save_editor (self);
}

/**
 * tandem_coaching_page_save_typing:
 * @self: the page
 *
 * Saves what the person changed in the session editor that no pause in
 * typing has saved yet, leaving a date not finished as it was: for a
 * window about to close, or a change about to be undone.
 *
 * Returns: %FALSE if words typed could not be kept in the file (the session
 *   is no longer there: the page offers to keep them)
 */
gboolean
tandem_coaching_page_save_typing (TandemCoachingPage *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), FALSE);
  return save_editor_full (self, TRUE);
}

/**
 * tandem_coaching_page_export_to_file:
 * @self: the page
 * @path: the file: .pdf, .md or .ics
 * @include_private: for a team's log, whether to include private sessions
 * @error: return location for an error
 *
 * Exports what the page shows: the session in the editor as a one-page
 * record, or else the team's log. The format follows the file's name.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_coaching_page_export_to_file (TandemCoachingPage  *self,
                                     const char          *path,
                                     gboolean             include_private,
                                     GError             **error)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  TandemSessionsFormat format = format_for_path (path);

  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), FALSE);

  if (self->session_id)
    return tandem_coaching_export_session (project, self->session_id, format, path, error);
  return tandem_coaching_export_log (project, team, NULL, NULL, include_private, format, path, error);
}
