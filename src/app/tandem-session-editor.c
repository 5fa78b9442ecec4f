/* tandem-session-editor.c — one coaching session, to fill in as it
 * happens: when and how, who took part, the words, the ratings, the actions
 * agreed and what was discussed, saved as the person types; the review of
 * earlier actions and the attendance are widgets of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-checked-edit.h"
#include "tandem-clock.h"
#include "tandem-coaching.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"
#include "tandem-comments-panel.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-page.h"
#include "tandem-person-chooser.h"
#include "tandem-plain-text.h"
#include "tandem-session-attendance.h"
#include "tandem-session-editor.h"
#include "tandem-session-review.h"
#include "tandem-shown-field.h"

#define N_TEXTS 4

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

struct _TandemSessionEditor
{
  AdwBin                   parent_instance;

  GtkLabel                *session_title;
  GtkWidget               *template_button;
  GtkWidget               *delete_button;
  GtkWidget               *save_button;
  TandemSessionReview     *review;
  AdwEntryRow             *date_row;
  AdwEntryRow             *time_row;
  GtkSpinButton           *minutes_spin;
  AdwComboRow             *kind_row;
  AdwEntryRow             *own_kind_row;
  GtkSwitch               *online_switch;
  AdwEntryRow             *coach_row;
  GtkSwitch               *private_switch;
  TandemSessionAttendance *attendance;
  GtkBox                  *texts_box;
  GtkTextView             *text_views[N_TEXTS];
  AdwComboRow             *confidence_row;
  AdwComboRow             *momentum_row;
  GtkListBox              *actions_list;
  char                    *actions_shown;  /* what actions_list's rows show, to rebuild only on change */
  GPtrArray               *action_ids;     /* the action each row of actions_list shows */
  AdwEntryRow             *action_what_row;
  TandemPersonChooser     *action_owner_chooser;
  AdwEntryRow             *action_due_row;
  GtkListBox              *links_list;
  TandemCommentsPanel     *comments_panel;  /* the session's comment threads */

  TandemProject           *project;
  char                    *session_id;      /* the session in the editor */
  char                    *session_team;
  GPtrArray               *kinds;           /* stored kinds, as in kind_row */
  GPtrArray               *links;           /* TandemSessionLink, as in links_list */
  GPtrArray               *link_checks;     /* GtkCheckButton per link */
  guint                    save_source;     /* a save waiting for a pause in typing */
  gboolean                 filling;         /* the form is being filled from the file */
  gboolean                 saving;
};

enum {
  PROP_0,
  PROP_SESSION_ID,
  N_PROPS
};

enum {
  CLOSED,
  SESSION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSessionEditor, tandem_session_editor, ADW_TYPE_BIN)

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


/* A date as a person types it in any date field: day first (20/11/2026) or
 * year-month-day; @date is the year-month-day it means. */
static gboolean
typed_date (const char *text,
            char        date[11])
{
  return tandem_read_typed_date (text, date, NULL);
}


static void
fill_texts_box (TandemSessionEditor *self)
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

static void reload_editor_lists (TandemSessionEditor *self);
static void save_after          (TandemSessionEditor *self,
                                 guint               delay);


static void
delete_action_cb (GtkButton          *button,
                  TandemSessionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint i = row ? (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : G_MAXUINT;
  g_autofree char *action = i < self->action_ids->len ? g_strdup (self->action_ids->pdata[i]) : NULL;
  g_autoptr(GError) error = NULL;

  if (action == NULL)
    return;
  if (!tandem_coaching_delete_action (self->project, action, &error))
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Delete the Action"), error);
      return;
    }
  _tandem_coaching_show_toast (GTK_WIDGET (self), _("Action deleted"), TRUE);
}

static void
reload_editor_lists (TandemSessionEditor *self)
{
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GString) shown = NULL;

  session = tandem_coaching_get_session (project, self->session_id, &error);
  if (session == NULL)
    return;

  tandem_session_review_reload (self->review, project, session, today);
  shown = g_string_new (session->id);

  actions = tandem_coaching_list_actions (project, self->session_id, NULL);
  _tandem_coaching_append_shown (shown, actions, today);
  if (_tandem_coaching_still_shown (&self->actions_shown, shown))
    return;
  _tandem_coaching_clear_list (self->actions_list);
  g_ptr_array_set_size (self->action_ids, 0);
  for (guint i = 0; actions && i < actions->len; i++)
    {
      TandemAction *action = actions->pdata[i];
      g_autofree char *subtitle = _tandem_coaching_describe_action (action, today);
      g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), action->what);
      AdwActionRow *row = _tandem_coaching_text_row (action->what, subtitle);
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (tandem_action_is_overdue (action, today))
        _tandem_coaching_mark_overdue (row);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete action"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      delete_label, -1);
      g_signal_connect (delete, "clicked", G_CALLBACK (delete_action_cb), self);
      adw_action_row_add_suffix (row, delete);
      gtk_list_box_append (self->actions_list, GTK_WIDGET (row));
      g_ptr_array_add (self->action_ids, g_strdup (action->id));
    }
  if (actions && actions->len == 0)
    _tandem_coaching_add_placeholder (self->actions_list, _("No actions agreed yet."));
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
remember_shown (TandemSessionEditor *self,
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
fill_fields (TandemSessionEditor *self,
             TandemSession      *session,
             gboolean            keep_typing)
{
  TandemProject *project = self->project;
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


static void chosen_cb (GObject            *object,
                       GParamSpec         *pspec,
                       TandemSessionEditor *self);

/* Fills the editor from the file: called when a session is opened, not when
 * the project changes, so what the person is typing is never overwritten. */
static void
load_editor (TandemSessionEditor *self,
             TandemSession      *session)
{
  TandemProject *project = self->project;

  fill_fields (self, session, FALSE);
  self->filling = TRUE;

  /* Who took part: the team's people, each present, sending apologies or
   * not recorded. */
  tandem_session_attendance_load (self->attendance, project, session->team_id, session->id);
  tandem_person_chooser_set_team (self->action_owner_chooser, project, session->team_id);

  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_ptr_array_set_size (self->link_checks, 0);
  self->links = tandem_coaching_list_links (project, session->team_id, session->id, NULL);
  _tandem_coaching_clear_list (self->links_list);
  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      TandemSessionLink *link = self->links->pdata[i];
      const char *kind = g_str_equal (link->entity, TANDEM_ENTITY_NODE) ? _("Change idea")
                         : g_str_equal (link->entity, TANDEM_ENTITY_PDSA_CYCLE) ? _("PDSA cycle")
                         : _("Measure");
      AdwActionRow *row = _tandem_coaching_text_row (link->title, kind);
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
    _tandem_coaching_add_placeholder (self->links_list, _("This team has no change ideas, PDSA cycles or measures yet."));

  gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  tandem_person_chooser_set_person_id (self->action_owner_chooser, NULL);
  self->filling = FALSE;
}

static gboolean session_vanished (TandemSessionEditor *self,
                                  gboolean            typing,
                                  const GError       *error);

/* Writes the form to the file as one change. Unchanged fields are left
 * alone, so saving an untouched session changes nothing. While @typing (a
 * pause, a paragraph ended, a field left), a date or time not finished yet
 * is left for later instead of refused, and the fields the person is in
 * keep their words. */
static gboolean
save_editor_full (TandemSessionEditor *self,
                  gboolean            typing)
{
  TandemProject *project = self->project;
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
  g_autoptr(GArray) attendance = NULL;
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (TandemLinkChoice));
  int confidence = (int) adw_combo_row_get_selected (self->confidence_row);
  gboolean saved_ok;
  int momentum = (int) adw_combo_row_get_selected (self->momentum_row);
  gboolean when_ok;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session_id == NULL || project == NULL || tandem_project_get_read_only (project))
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
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Session"), error);
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
  kind = _tandem_coaching_stripped (editable_text (self->own_kind_row));
  if (kind == NULL && self->kinds)
    {
      guint k = adw_combo_row_get_selected (self->kind_row);
      kind = g_strdup (k < self->kinds->len ? self->kinds->pdata[k] : TANDEM_SESSION_KIND_OTHER);
    }
  coach = _tandem_coaching_stripped (editable_text (self->coach_row));

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

  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      TandemSessionLink *link = self->links->pdata[i];
      TandemLinkChoice choice = {
        link->entity, link->id, gtk_check_button_get_active (self->link_checks->pdata[i]),
      };

      g_array_append_val (links, choice);
    }

  attendance = tandem_session_attendance_get_choices (self->attendance);
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
          _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Session"), error);
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
          tandem_session_attendance_reread (self->attendance, project, saved->team_id, saved->id);
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
        tandem_session_attendance_reread (self->attendance, project, saved->team_id, saved->id);
        g_clear_pointer (&self->links, g_ptr_array_unref);
        self->links = tandem_coaching_list_links (project, saved->team_id, saved->id, NULL);
      }
  }
  reload_editor_lists (self);
  if (error)
    {
      /* What was typed is kept in the conflict, for a person to choose. */
      {
        GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

        if (page != NULL)
          tandem_shown_field_report_conflict (TANDEM_PAGE (page), self->session_id, conflict_field,
                                              error);
      }
      return typing;
    }
  return TRUE;
}

static gboolean
save_editor (TandemSessionEditor *self)
{
  return save_editor_full (self, FALSE);
}

static void
close_editor (TandemSessionEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  tandem_comments_panel_set_item (self->comments_panel, NULL, NULL, NULL);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->session_team, g_free);
  tandem_session_attendance_clear (self->attendance);
  g_signal_emit (self, signals[CLOSED], 0);
}

static gboolean
typing_paused_cb (gpointer data)
{
  TandemSessionEditor *self = data;

  self->save_source = 0;
  save_editor_full (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The person changed the form: it is saved after @delay ms, unless they
 * change it again meanwhile. */
static void
save_after (TandemSessionEditor *self,
            guint               delay)
{
  if (self->filling || self->saving || self->session_id == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay, typing_paused_cb, self);
}

static void
typed_cb (gpointer            editor,
          TandemSessionEditor *self)
{
  save_after (self, TYPING_PAUSE_MS);
}

static void
chosen_cb (GObject            *object,
           GParamSpec         *pspec,
           TandemSessionEditor *self)
{
  save_after (self, 0);
}

/* A paragraph ended: what was written is one change. */
static void
text_inserted_cb (GtkTextBuffer      *buffer,
                  GtkTextIter        *where,
                  const char         *text,
                  int                 length,
                  TandemSessionEditor *self)
{
  if (memchr (text, '\n', length) != NULL)
    save_after (self, 0);
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               TandemSessionEditor     *self)
{
  if (self->save_source != 0)
    save_editor_full (self, TRUE);
}

/* What a session that went held of the person's words, to keep. */
typedef struct
{
  TandemSessionEditor    *editor;
  char                   *team_id;
  char                   *starts_at;
  TandemCoachingTemplate  base;
  char                   *text;
} KeptSession;

static void
kept_session_free (gpointer data)
{
  KeptSession *kept = data;

  g_object_unref (kept->editor);
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
  TandemSessionEditor *self = kept->editor;
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (g_str_equal (response, "new") && project &&
      tandem_project_exists (project, TANDEM_ENTITY_TEAM, kept->team_id))
    id = tandem_coaching_log_session (project, kept->team_id, kept->starts_at, &kept->base, &error);
  if (id)
    {
      g_signal_emit (self, signals[SESSION_ACTIVATED], 0, id, kept->team_id);
      _tandem_coaching_show_toast (GTK_WIDGET (self), _("Your words are in a new session"), TRUE);
      return;
    }
  /* Anything else, Escape included, keeps the words on the clipboard. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), kept->text);
  if (error)
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Keep the Session"), error);
  else
    _tandem_coaching_show_toast (GTK_WIDGET (self), _("Your words are on the clipboard"), FALSE);
}

/* The session in the editor is no longer in the file: deleted here, by
 * Undo, or by another program. If words typed in it (or an action being
 * written) were not saved yet, Undo could not bring them back: the
 * session's words are shown, to copy or to keep as a new session.
 *
 * Returns: %TRUE if nothing typed was left out of the file */
static gboolean
session_vanished (TandemSessionEditor *self,
                  gboolean            typing,
                  const GError       *error)
{
  TandemProject *project = self->project;
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
    g_autofree char *what = _tandem_coaching_stripped (editable_text (self->action_what_row));
    g_autofree char *due = _tandem_coaching_stripped (editable_text (self->action_due_row));

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
          _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Session"), gone);
        }
      return TRUE;
    }

  kept = g_new0 (KeptSession, 1);
  kept->editor = g_object_ref (self);
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
  kept->base.kind = _tandem_coaching_stripped (editable_text (self->own_kind_row));
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
let_session_go (TandemSessionEditor *self,
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
watch_leaving (TandemSessionEditor *self,
               GtkWidget          *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (field, focus);
}


static void
back_clicked_cb (GtkButton          *button,
                 TandemSessionEditor *self)
{
  if (save_editor (self))
    close_editor (self);
}

static void
save_clicked_cb (GtkButton          *button,
                 TandemSessionEditor *self)
{
  if (self->session_id != NULL && save_editor (self))
    _tandem_coaching_show_toast (GTK_WIDGET (self), _("Session saved"), FALSE);
}

static void
delete_clicked_cb (GtkButton          *button,
                   TandemSessionEditor *self)
{
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *team = NULL;

  /* What was typed last is saved first, so that Undo brings it all back. */
  if (!save_editor_full (self, TRUE) && self->session_id == NULL)
    return;
  id = g_strdup (self->session_id);
  team = g_strdup (self->session_team);
  close_editor (self);
  if (!tandem_coaching_delete_session (project, id, &error))
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Delete the Session"), error);
      g_signal_emit (self, signals[SESSION_ACTIVATED], 0, id, team);
      return;
    }
  _tandem_coaching_show_toast (GTK_WIDGET (self), _("Session deleted"), TRUE);
}

static void
add_action_clicked_cb (GtkButton          *button,
                       TandemSessionEditor *self)
{
  TandemProject *project = self->project;
  g_autofree char *what = _tandem_coaching_stripped (editable_text (self->action_what_row));
  g_autofree char *due = _tandem_coaching_stripped (editable_text (self->action_due_row));
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
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Add the Action"), error);
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
                           TandemSessionEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  TandemProject *project = self->project;
  g_autofree char *name = _tandem_coaching_stripped (gtk_editable_get_text (entry));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->session_id == NULL)
    return;
  if (name == NULL)
    {
      g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the template a name."));
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Template"), error);
      return;
    }
  id = tandem_coaching_save_template (project, name, self->session_id, &error);
  if (id == NULL)
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Template"), error);
  else
    _tandem_coaching_show_toast (GTK_WIDGET (self), _("Template saved: it is in the New Session menu"), FALSE);
}

static void
save_template_clicked_cb (GtkButton          *button,
                          TandemSessionEditor *self)
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
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


static void
attendance_changed_cb (TandemSessionAttendance *attendance,
                       TandemSessionEditor     *self)
{
  /* Saved at once, as every choice in the editor is. */
  save_after (self, 0);
}

static void
set_session_id (TandemSessionEditor *self,
                const char          *session_id,
                const char          *team_id)
{
  if (g_strcmp0 (self->session_id, session_id) == 0)
    return;
  g_free (self->session_id);
  self->session_id = g_strdup (session_id);
  g_free (self->session_team);
  self->session_team = g_strdup (team_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

/**
 * tandem_session_editor_open:
 * @self: the editor
 * @project: the project
 * @session_id: a session
 *
 * Saves the session in the editor, if another, then fills the editor from
 * the file with @session_id, last time's actions to review, its comments.
 * What fails is shown over the page.
 *
 * Returns: %TRUE if @session_id is in the editor
 */
gboolean
tandem_session_editor_open (TandemSessionEditor *self,
                            TandemProject       *project,
                            const char          *session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSession) session = NULL;

  g_return_val_if_fail (TANDEM_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (self->session_id && g_strcmp0 (self->session_id, session_id) != 0 && !save_editor (self))
    return FALSE;
  session = tandem_coaching_get_session (project, session_id, &error);
  if (session == NULL)
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Open the Session"), error);
      return FALSE;
    }
  g_set_object (&self->project, project);
  set_session_id (self, session_id, session->team_id);
  load_editor (self, session);
  reload_editor_lists (self);
  tandem_comments_panel_set_item (self->comments_panel, project, TANDEM_ENTITY_COACHING_SESSION,
                                  session_id);
  return TRUE;
}

/**
 * tandem_session_editor_refresh:
 * @self: the editor
 * @project: (nullable): the project, as it is now
 * @team_id: (nullable): the team the page shows
 *
 * The file changed: the session in the editor went (deleted, undone,
 * another team shown) and is let go, its words kept; or else it shows what
 * the file holds (after Undo, or another program's change), apart from a
 * field the person is in.
 */
void
tandem_session_editor_refresh (TandemSessionEditor *self,
                               TandemProject       *project,
                               const char          *team_id)
{
  g_return_if_fail (TANDEM_IS_SESSION_EDITOR (self));

  if (self->session_id == NULL)
    return;
  g_set_object (&self->project, project);
  if (!self->saving &&
      (project == NULL || team_id == NULL || g_strcmp0 (self->session_team, team_id) != 0 ||
       !tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id)))
    let_session_go (self, project);
  else if (!self->saving && self->save_source == 0)
    {
      g_autoptr(TandemSession) session = tandem_coaching_get_session (project, self->session_id, NULL);

      if (session)
        fill_fields (self, session, TRUE);
    }
  if (self->session_id && project != NULL && team_id != NULL)
    reload_editor_lists (self);
}

/**
 * tandem_session_editor_save:
 * @self: the editor
 * @typing: whether the person is still at it (a pause, a window about to
 *   close, a change about to be undone): a date not finished is left as it
 *   was, not refused
 *
 * Saves the session in the editor, if any, showing any error.
 *
 * Returns: %TRUE if there is nothing unsaved
 */
gboolean
tandem_session_editor_save (TandemSessionEditor *self,
                            gboolean             typing)
{
  g_return_val_if_fail (TANDEM_IS_SESSION_EDITOR (self), FALSE);
  return save_editor_full (self, typing);
}

/**
 * tandem_session_editor_close:
 * @self: the editor
 *
 * Lets the session go without saving: TandemSessionEditor::closed follows.
 */
void
tandem_session_editor_close (TandemSessionEditor *self)
{
  g_return_if_fail (TANDEM_IS_SESSION_EDITOR (self));
  close_editor (self);
}

/**
 * tandem_session_editor_set_editable:
 * @self: the editor
 * @editable: whether the project can be changed
 */
void
tandem_session_editor_set_editable (TandemSessionEditor *self,
                                    gboolean             editable)
{
  g_return_if_fail (TANDEM_IS_SESSION_EDITOR (self));

  gtk_widget_set_sensitive (self->save_button, editable);
  gtk_widget_set_sensitive (self->delete_button, editable);
  gtk_widget_set_sensitive (self->template_button, editable);
}

/**
 * tandem_session_editor_get_session_id:
 * @self: the editor
 *
 * Returns: (nullable): the session in the editor
 */
const char *
tandem_session_editor_get_session_id (TandemSessionEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION_EDITOR (self), NULL);
  return self->session_id;
}

/**
 * tandem_session_editor_focus_date:
 * @self: the editor
 *
 * Puts the keyboard on the session's date, the first thing to fill in.
 */
void
tandem_session_editor_focus_date (TandemSessionEditor *self)
{
  g_return_if_fail (TANDEM_IS_SESSION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

static void
tandem_session_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemSessionEditor *self = TANDEM_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_session_editor_dispose (GObject *object)
{
  TandemSessionEditor *self = TANDEM_SESSION_EDITOR (object);

  /* Rows go first, removed from their lists: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->actions_list)
    _tandem_coaching_clear_list (self->actions_list);
  if (self->links_list)
    _tandem_coaching_clear_list (self->links_list);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->link_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SESSION_EDITOR);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_session_editor_parent_class)->dispose (object);
}

static void
tandem_session_editor_finalize (GObject *object)
{
  TandemSessionEditor *self = TANDEM_SESSION_EDITOR (object);

  g_free (self->session_id);
  g_free (self->session_team);
  g_free (self->actions_shown);
  g_ptr_array_unref (self->action_ids);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->link_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_session_editor_parent_class)->finalize (object);
}

static void
tandem_session_editor_class_init (TandemSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_session_editor_get_property;
  object_class->dispose = tandem_session_editor_dispose;
  object_class->finalize = tandem_session_editor_finalize;

  properties[PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemSessionEditor::closed:
   * @self: the editor
   *
   * The session left the editor: the person went back, deleted it, or it
   * is no longer in the file.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TandemSessionEditor::session-activated:
   * @self: the editor
   * @session_id: a session to open: the words of one that went, kept as a
   *   new session, or one that could not be deleted
   * @team_id: its team
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (TANDEM_TYPE_PERSON_CHOOSER);
  g_type_ensure (TANDEM_TYPE_SESSION_ATTENDANCE);
  g_type_ensure (TANDEM_TYPE_SESSION_REVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-session-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemSessionEditor, name)
  CHILD (session_title);
  CHILD (template_button);
  CHILD (delete_button);
  CHILD (save_button);
  CHILD (review);
  CHILD (date_row);
  CHILD (time_row);
  CHILD (minutes_spin);
  CHILD (kind_row);
  CHILD (own_kind_row);
  CHILD (online_switch);
  CHILD (coach_row);
  CHILD (private_switch);
  CHILD (attendance);
  CHILD (texts_box);
  CHILD (confidence_row);
  CHILD (momentum_row);
  CHILD (actions_list);
  CHILD (action_what_row);
  CHILD (action_owner_chooser);
  CHILD (action_due_row);
  CHILD (links_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendance_changed_cb);
}

static void
tandem_session_editor_init (TandemSessionEditor *self)
{
  g_autoptr(GtkStringList) confidence = rating_model ();
  g_autoptr(GtkStringList) momentum = rating_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_checks = g_ptr_array_new ();
  self->action_ids = g_ptr_array_new_with_free_func (g_free);
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
  /* Comments (the panel has its own heading) come last in the session,
   * after what was discussed. */
  {
    GtkWidget *discussed = gtk_widget_get_ancestor (GTK_WIDGET (self->links_list),
                                                    ADW_TYPE_PREFERENCES_GROUP);

    self->comments_panel = TANDEM_COMMENTS_PANEL (tandem_comments_panel_new ());
    gtk_box_append (GTK_BOX (gtk_widget_get_parent (discussed)), GTK_WIDGET (self->comments_panel));
  }
}

GtkWidget *
tandem_session_editor_new (void)
{
  return g_object_new (TANDEM_TYPE_SESSION_EDITOR, NULL);
}
