/* tandem-coaching-page-actions.c — the Coaching page's actions: a new
 * session, Your Templates, the search shortcut, printing and exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-coaching-page-private.h"
#include "tandem-coaching-render.h"
#include "tandem-print.h"

/* ------------------------------------------------------------------------ */
/* Printing and exporting                                                   */

static TandemCoachingDoc *
make_doc (TandemCoachingPage  *self,
          gboolean             include_private,
          GError             **error)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *name = NULL;
  g_autofree char *month = _tandem_coaching_page_month_now ();
  GPtrArray *records;
  TandemAttendance *attendance;

  if (tandem_coaching_page_get_session_id (self))
    {
      TandemSessionRecord *record =
        tandem_coaching_session_record (project, tandem_coaching_page_get_session_id (self),
                                        today, error);
      return record ? tandem_coaching_doc_new_record (record) : NULL;
    }
  records = tandem_coaching_log_records (project, team, NULL, NULL, include_private, today, error);
  if (records == NULL)
    return NULL;
  attendance = tandem_coaching_attendance (project, team, month, CHART_MONTHS, include_private, error);
  if (attendance == NULL)
    {
      g_ptr_array_unref (records);
      return NULL;
    }
  name = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team, TANDEM_FIELD_TEAM_NAME);
  return tandem_coaching_doc_new_log (records, name ? name : "", attendance);
}

static gboolean
has_private (TandemCoachingPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  g_autoptr(GPtrArray) all = tandem_coaching_list_sessions (project, team, NULL, NULL, TRUE, NULL);
  g_autoptr(GPtrArray) shared = tandem_coaching_list_sessions (project, team, NULL, NULL, FALSE, NULL);

  return all && shared && all->len != shared->len;
}

static void
print_with (TandemCoachingPage *self,
            gboolean            include_private)
{
  g_autoptr(GError) error = NULL;
  TandemCoachingDoc *doc = make_doc (self, include_private, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  double width, height;
  guint n_pages;

  if (doc == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Print"), error);
      return;
    }
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_coaching_doc_paginate (doc, width, height);
  tandem_print_pages (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                      tandem_coaching_page_get_session_id (self) ? _("Coaching session record")
                                                                 : _("Coaching log"),
                      TANDEM_PAPER_A4, FALSE, n_pages, tandem_coaching_doc_draw_page, doc,
                      tandem_coaching_doc_free, NULL);
}

static void
private_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     TandemCoachingPage *self)
{
  TandemCoachingPrivateChoice then = self->private_choice;

  if (g_str_equal (response, "cancel"))
    return;
  then (self, g_str_equal (response, "include"));
}

/* Sharing a log that holds private sessions: ask first, leaving them out
 * unless the coach chooses otherwise. */
static void
ask_private (TandemCoachingPage *self,
             TandemCoachingPrivateChoice then)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (tandem_coaching_page_get_session_id (self) != NULL || !has_private (self))
    {
      then (self, tandem_coaching_page_get_session_id (self) != NULL);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Include Private Sessions?"),
                                   _("Some of this team's sessions are marked private. Their notes "
                                     "may be sensitive. Leave them out unless everyone who will see "
                                     "this may read them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "include", _("_Include Them"),
                                    "leave-out", _("_Leave Them Out"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave-out",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "leave-out");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->private_choice = then;
  g_signal_connect_object (dialog, "response", G_CALLBACK (private_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    TandemCoachingPage *self)
{
  gboolean include_private = self->export_private;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !tandem_coaching_page_export_to_file (self, path, include_private, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export"), error);
      else if (path)
        tandem_page_show_toast (TANDEM_PAGE (self), _("Exported"), FALSE);
    }
  g_object_unref (dialog);
  /* Give the keyboard back to the project window. */
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    gtk_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_object_unref (self);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
export_with (TandemCoachingPage *self,
             gboolean            include_private)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *team_name = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team,
                                                        TANDEM_FIELD_TEAM_NAME);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (tandem_coaching_page_get_session_id (self))
    {
      g_autofree char *starts = tandem_project_get_text (project, TANDEM_ENTITY_COACHING_SESSION,
                                                         tandem_coaching_page_get_session_id (self),
                                                         TANDEM_FIELD_COACHING_SESSION_STARTS_AT);
      g_autofree char *day = g_strndup (starts ? starts : "", 10);
      name = g_strdup_printf (_("%s coaching %s.pdf"), team_name ? team_name : "", day);
    }
  else
    name = g_strdup_printf (_("%s coaching log.pdf"), team_name ? team_name : "");

  chooser = gtk_file_chooser_native_new (tandem_coaching_page_get_session_id (self)
                                         ? _("Export Session Record") : _("Export Coaching Log"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF, Markdown or calendar (.pdf, .md, .ics)"), "*");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf");
  add_filter (GTK_FILE_CHOOSER (chooser), _("Markdown, for email"), "*.md");
  add_filter (GTK_FILE_CHOOSER (chooser), _("Calendar (iCalendar)"), "*.ics");
  self->export_private = include_private;
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
new_session_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  const char *which = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = tandem_clock_now_local ();
  g_autoptr(GDateTime) hour = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *id = NULL;
  g_autoptr(TandemSession) last = NULL;
  TandemCoachingTemplate base = { 0 };
  const TandemCoachingTemplate *chosen = NULL;

  if (project == NULL || team == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return;
  if (tandem_coaching_page_get_session_id (self) && !tandem_coaching_page_save (self))
    return;

  hour = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), g_date_time_get_hour (now), 0, 0);
  utc = g_date_time_to_utc (hour);
  starts_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  /* Start like the team's last session (most teams keep a rhythm), with the
   * template's prompts. */
  previous = tandem_coaching_find_previous (project, team, NULL);
  last = previous ? tandem_coaching_get_session (project, previous, NULL) : NULL;
  if (which && *which && self->templates)
    {
      guint64 index = g_ascii_strtoull (which, NULL, 10);
      if (index < self->templates->len)
        chosen = self->templates->pdata[index];
    }
  if (chosen)
    base = *chosen;
  if (base.kind == NULL && last)
    base.kind = last->kind;
  if (base.minutes <= 0 && last)
    {
      base.minutes = last->minutes;
      base.online = last->online;
    }

  id = tandem_coaching_log_session (project, team, starts_at, &base, &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Log the Session"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  tandem_coaching_page_open_session (self, id);
  tandem_session_editor_focus_date (self->editor);
}

/* Your Templates: what the dialog did is told as the page tells its own. */
static void
templates_changed_cb (TandemCoachingTemplatesDialog *dialog,
                      const char                    *message,
                      TandemCoachingPage            *self)
{
  tandem_page_show_toast (TANDEM_PAGE (self), message, TRUE);
}

static void
templates_failed_cb (TandemCoachingTemplatesDialog *dialog,
                     const char                    *title,
                     const GError                  *error,
                     TandemCoachingPage            *self)
{
  tandem_page_show_error (TANDEM_PAGE (self), title, error);
}

static void
manage_templates_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->templates_dialog != NULL || project == NULL)
    return;
  self->templates_dialog = tandem_coaching_templates_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 project);
  g_object_add_weak_pointer (G_OBJECT (self->templates_dialog), (gpointer *) &self->templates_dialog);
  tandem_coaching_templates_dialog_set_editable (self->templates_dialog,
                                                 tandem_page_get_editable (TANDEM_PAGE (self)));
  g_signal_connect_object (self->templates_dialog, "changed", G_CALLBACK (templates_changed_cb), self, 0);
  g_signal_connect_object (self->templates_dialog, "failed", G_CALLBACK (templates_failed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->templates_dialog));
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_tandem_coaching_page_print (TandemPage *page)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (page);

  if (tandem_coaching_page_get_session_id (self) && !tandem_coaching_page_save (self))
    return;
  ask_private (self, print_with);
}

void
_tandem_coaching_page_export (TandemPage *page)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (page);

  if (tandem_coaching_page_get_session_id (self) && !tandem_coaching_page_save (self))
    return;
  ask_private (self, export_with);
}


void
_tandem_coaching_page_class_actions_init (TandemCoachingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "coaching.new-session", "s", new_session_activated);
  gtk_widget_class_install_action (widget_class, "coaching.manage-templates", NULL,
                                   manage_templates_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}
