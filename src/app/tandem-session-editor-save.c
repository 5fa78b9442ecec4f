/* tandem-session-editor-save.c — the session editor writes the form to
 * the file, and keeps the person's words when the session went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-checked-edit.h"
#include "tandem-clock.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"
#include "tandem-plain-text.h"
#include "tandem-session-editor-private.h"
#include "tandem-shown-field.h"
#include "tandem-page.h"

/* Writes the form to the file as one change. Unchanged fields are left
 * alone, so saving an untouched session changes nothing. While @typing (a
 * pause, a paragraph ended, a field left), a date or time not finished yet
 * is left for later instead of refused, and the fields the person is in
 * keep their words. */
gboolean
_tandem_session_editor_save_full (TandemSessionEditor *self,
                                  gboolean             typing)
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
    return _tandem_session_editor_vanished (self, typing, error) && typing;

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
      char *text = _tandem_session_editor_text (self->text_views[i]);

      g_ptr_array_add (owned, text);
      SET (self->text_views[i], _tandem_session_texts[i].field, text, tandem_value_text (text));
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
        _tandem_session_editor_fill_fields (self, saved, FALSE);
        tandem_session_attendance_reread (self->attendance, project, saved->team_id, saved->id);
        g_clear_pointer (&self->links, g_ptr_array_unref);
        self->links = tandem_coaching_list_links (project, saved->team_id, saved->id, NULL);
      }
  }
  _tandem_session_editor_reload_lists (self);
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
kept_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          data)
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
      _tandem_session_editor_emit_session_activated (self, id, kept->team_id);
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
gboolean
_tandem_session_editor_vanished (TandemSessionEditor *self,
                                 gboolean             typing,
                                 const GError        *error)
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
      g_autofree char *now = _tandem_session_editor_text (self->text_views[i]);

      if (now == NULL)
        continue;
      unsaved |= g_strcmp0 (now, tandem_shown_field_get_stored (GTK_WIDGET (self->text_views[i]))) != 0;
      {
        g_autofree char *title = tandem_plain_without_mnemonic (_(_tandem_session_texts[i].title));
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
      tandem_session_editor_close (self);
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
  tandem_session_editor_close (self);

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
void
_tandem_session_editor_let_go (TandemSessionEditor *self,
                               TandemProject       *project)
{
  if (project && tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id))
    {
      _tandem_session_editor_save_full (self, TRUE);
      tandem_session_editor_close (self);
    }
  else if (project)
    _tandem_session_editor_vanished (self, TRUE, NULL);
  else
    tandem_session_editor_close (self);
}
