/* tandem-session-editor.c — one coaching session, to fill in as it
 * happens: when and how, who took part, the words, the ratings, the actions
 * agreed and what was discussed, saved as the person types; the review of
 * earlier actions and the attendance are widgets of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-coaching.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"
#include "tandem-comments-panel.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-person-chooser.h"
#include "tandem-session-editor-private.h"
#include "tandem-shown-field.h"

/* The editor saves as the person types: a pause this long, the end of a
 * paragraph or leaving a field makes one change, so that Undo takes back
 * what was written since, not a single keystroke. */
#define TYPING_PAUSE_MS 2000

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

char *
_tandem_session_editor_text (GtkTextView *view)
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

static void
fill_texts_box (TandemSessionEditor *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(_tandem_session_texts[i].title));
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

static void save_after          (TandemSessionEditor *self,
                                 guint               delay);

void
_tandem_session_editor_reload_lists (TandemSessionEditor *self)
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
      g_signal_connect (delete, "clicked", G_CALLBACK (_tandem_session_editor_delete_action_cb), self);
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
                TandemProject       *project,
                const char          *session_id,
                gboolean             keep_typing)
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
                                   session_id, _tandem_session_texts[i].field);
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
void
_tandem_session_editor_fill_fields (TandemSessionEditor *self,
                                    TandemSession       *session,
                                    gboolean             keep_typing)
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
      g_autofree char *now = _tandem_session_editor_text (self->text_views[i]);

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
             TandemSession       *session)
{
  TandemProject *project = self->project;

  _tandem_session_editor_fill_fields (self, session, FALSE);
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

static void
close_editor (TandemSessionEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  tandem_comments_panel_set_item (self->comments_panel, NULL, NULL, NULL);
  set_session_id (self, NULL, NULL);
  tandem_session_attendance_clear (self->attendance);
  g_signal_emit (self, signals[CLOSED], 0);
}

static gboolean
typing_paused_cb (gpointer data)
{
  TandemSessionEditor *self = data;

  self->save_source = 0;
  _tandem_session_editor_save_full (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The person changed the form: it is saved after @delay ms, unless they
 * change it again meanwhile. */
static void
save_after (TandemSessionEditor *self,
            guint                delay)
{
  if (self->filling || self->saving || self->session_id == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay, typing_paused_cb, self);
}

static void
typed_cb (gpointer             editor,
          TandemSessionEditor *self)
{
  save_after (self, TYPING_PAUSE_MS);
}

static void
chosen_cb (GObject             *object,
           GParamSpec          *pspec,
           TandemSessionEditor *self)
{
  save_after (self, 0);
}

/* A paragraph ended: what was written is one change. */
static void
text_inserted_cb (GtkTextBuffer       *buffer,
                  GtkTextIter         *where,
                  const char          *text,
                  int                  length,
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
    _tandem_session_editor_save_full (self, TRUE);
}

static void
watch_leaving (TandemSessionEditor *self,
               GtkWidget           *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (field, focus);
}


void
_tandem_session_editor_emit_session_activated (TandemSessionEditor *self,
                                               const char          *session_id,
                                               const char          *team_id)
{
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session_id, team_id);
}

static void
attendance_changed_cb (TandemSessionAttendance *attendance,
                       TandemSessionEditor     *self)
{
  /* Saved at once, as every choice in the editor is. */
  save_after (self, 0);
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

  if (self->session_id && g_strcmp0 (self->session_id, session_id) != 0 && !tandem_session_editor_save (self, FALSE))
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
  _tandem_session_editor_reload_lists (self);
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
    _tandem_session_editor_let_go (self, project);
  else if (!self->saving && self->save_source == 0)
    {
      g_autoptr(TandemSession) session = tandem_coaching_get_session (project, self->session_id, NULL);

      if (session)
        _tandem_session_editor_fill_fields (self, session, TRUE);
    }
  if (self->session_id && project != NULL && team_id != NULL)
    _tandem_session_editor_reload_lists (self);
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
  return _tandem_session_editor_save_full (self, typing);
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
  gtk_widget_class_bind_template_callback (widget_class, attendance_changed_cb);
  _tandem_session_editor_class_actions_init (widget_class);
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