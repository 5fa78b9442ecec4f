/* tandem-coaching-page.c — the Coaching page: sessions, attendance, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-coaching-caseload.h"
#include "tandem-coaching-item.h"
#include "tandem-coaching-page-private.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"
#include "tandem-session-editor.h"

G_DEFINE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM_TYPE_PAGE)

/* ------------------------------------------------------------------------ */
/* Small things                                                             */

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
  return _tandem_coaching_month_now ();
}

/* ------------------------------------------------------------------------ */
/* The team: open actions, sessions, attendance                             */

/* @open: the team's open actions, which the page lists too */
static void
update_summary (TandemCoachingPage *self,
                TandemProject      *project,
                const char         *team,
                GPtrArray          *open,
                const char         *today)
{
  gint64 sessions = tandem_project_count (project, TANDEM_ENTITY_COACHING_SESSION,
                                          TANDEM_FIELD_COACHING_SESSION_TEAM_ID, team);
  gint64 actions = tandem_project_count (project, TANDEM_ENTITY_ACTION,
                                         TANDEM_FIELD_ACTION_TEAM_ID, team);
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

/* A team's rows, each measured word by word, are most of a team switch's
 * first frame: a new team's list starts with the rows a window can show at
 * once, and the rest follow a batch a frame, after that frame is drawn. */
#define SESSIONS_FIRST 12
#define SESSIONS_BATCH 12

static gboolean
grow_sessions_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  guint size = gtk_slice_list_model_get_size (self->sessions_shown);

  /* The first tick comes before the frame with the first rows. */
  if (!self->grow_drawn)
    {
      self->grow_drawn = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (size >= g_list_model_get_n_items (G_LIST_MODEL (self->sessions)))
    {
      gtk_slice_list_model_set_size (self->sessions_shown, G_MAXUINT);
      self->grow_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->sessions_shown, size + SESSIONS_BATCH);
  return G_SOURCE_CONTINUE;
}

/* Before @team's sessions replace another team's: only the first rows are
 * made now. The same team's sessions keep their rows (and the focus). */
static void
cut_sessions (TandemCoachingPage *self,
              const char         *team)
{
  if (g_strcmp0 (team, self->sessions_team) == 0)
    return;
  g_free (self->sessions_team);
  self->sessions_team = g_strdup (team);
  gtk_slice_list_model_set_size (self->sessions_shown, SESSIONS_FIRST);
  self->grow_drawn = FALSE;
  if (self->grow_tick == 0)
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_sessions_cb,
                                                    NULL, NULL);
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

  update_summary (self, project, team, open, today);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; open && i < open->len; i++)
      g_ptr_array_add (items, tandem_coaching_item_new_action (open->pdata[i], today));
    if (open && open->len == 0)
      g_ptr_array_add (items, tandem_coaching_item_new_placeholder (_("No open actions.")));
    tandem_coaching_item_store_update (self->open_actions, items);
  }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; sessions && i < sessions->len; i++)
      g_ptr_array_add (items, tandem_coaching_item_new_session (sessions->pdata[i], FALSE));
    if (sessions && sessions->len == 0)
      g_ptr_array_add (items, tandem_coaching_item_new_placeholder (_("No sessions yet. Choose New Session to log one.")));
    cut_sessions (self, team);
    tandem_coaching_item_store_update (self->sessions, items);
  }

  g_clear_pointer (&self->team_attendance, tandem_attendance_free);
  self->team_attendance = tandem_coaching_attendance (project, team, month, CHART_MONTHS, TRUE, NULL);
  if (self->team_attendance)
    {
      g_autofree char *text = _tandem_coaching_chart_text (self->team_attendance);
      gtk_drawing_area_set_content_height (self->team_chart,
                                           (int) tandem_coaching_attendance_height (self->team_attendance));
      gtk_label_set_label (self->team_chart_text, text);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->team_chart));
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  TandemCoachingPage *self = user_data;

  _tandem_coaching_draw_chart (area, cr, width, height, self->team_attendance);
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

static void
set_view (TandemCoachingPage *self,
          const char         *view)
{
  gtk_stack_set_visible_child_name (self->stack, view);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !g_str_equal (view, "session"));
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
      if (g_strcmp0 (visible, "session") == 0 && !tandem_session_editor_save (self->editor, FALSE))
        return;
      if (g_strcmp0 (visible, "session") == 0)
        tandem_session_editor_close (self->editor);
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

  if (tandem_session_editor_get_session_id (self->editor) &&
      !tandem_session_editor_save (self->editor, FALSE))
    {
      g_signal_handlers_block_by_func (button, caseload_toggled_cb, self);
      gtk_toggle_button_set_active (button, FALSE);
      g_signal_handlers_unblock_by_func (button, caseload_toggled_cb, self);
      return;
    }
  if (tandem_session_editor_get_session_id (self->editor))
    tandem_session_editor_close (self->editor);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (gtk_toggle_button_get_active (button) && project)
    tandem_coaching_caseload_reload (self->caseload, project);
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
  g_autoptr(TandemCoachingItem) item = tandem_coaching_item_store_get (G_LIST_MODEL (self->sessions), row);

  /* The placeholder row has no session. */
  if (item != NULL && tandem_coaching_item_get_id (item) != NULL)
    open_found_session (self, tandem_coaching_item_get_id (item),
                        tandem_coaching_item_get_team_id (item));
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
team_activated_cb (TandemCoachingCaseload *caseload,
                   const char             *team_id,
                   TandemCoachingPage     *self)
{
  g_autofree char *team = g_strdup (team_id);

  select_team (self, team);
  gtk_toggle_button_set_active (self->caseload_button, FALSE);
}

/* The session left the editor: back to the team, or every team. */
static void
editor_closed_cb (TandemSessionEditor *editor,
                  TandemCoachingPage  *self)
{
  set_view (self, gtk_toggle_button_get_active (self->caseload_button) ? "caseload" : "team");
}

/* ------------------------------------------------------------------------ */
/* TandemPage                                                               */

static void
update_templates (TandemCoachingPage *self,
                  TandemProject      *project)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) own = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = tandem_coaching_list_templates (project);
  /* Templates belong to the project, not the team: a team switch leaves
   * the menu as it is (making its popover again is most of the cost). */
  for (guint i = 0; i < self->templates->len; i++)
    {
      TandemCoachingTemplate *template_ = self->templates->pdata[i];

      g_string_append_printf (shown, "%s\x1f%s\x1e", template_->id ? template_->id : "",
                              template_->name);
    }
  if (g_strcmp0 (shown->str, self->templates_shown) != 0)
    {
      g_free (self->templates_shown);
      self->templates_shown = g_strdup (shown->str);
    }
  else
    {
      if (self->templates_dialog)
        tandem_coaching_templates_dialog_reload (self->templates_dialog);
      return;
    }
  menu = g_menu_new ();
  own = g_menu_new ();
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
  tandem_session_editor_set_editable (self->editor, editable);
  if (self->templates_dialog)
    tandem_coaching_templates_dialog_set_editable (self->templates_dialog, editable);
  tandem_session_editor_refresh (self->editor, project, team);
  if (project == NULL || team == NULL)
    return;

  update_templates (self, project);
  reload_team (self, project, team);
  if (g_strcmp0 (visible, "caseload") == 0)
    tandem_coaching_caseload_reload (self->caseload, project);
  if (g_strcmp0 (visible, "search") == 0)
    run_search (self);
}

static void
tandem_coaching_page_dispose (GObject *object)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (object);
  GtkListBox *lists[] = { self->open_list, self->sessions_list };

  /* Rows go first, removed from their lists: libadwaita 1.2's rows complain
   * when disposed along with their list. AdwBin then drops its child, the
   * template's box. */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i])
      gtk_list_box_bind_model (lists[i], NULL, NULL, NULL, NULL);
  if (self->templates_dialog)
    gtk_window_destroy (GTK_WINDOW (self->templates_dialog));
  if (self->grow_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
      self->grow_tick = 0;
    }
  G_OBJECT_CLASS (tandem_coaching_page_parent_class)->dispose (object);
}

static void
tandem_coaching_page_finalize (GObject *object)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (object);

  g_free (self->return_view);
  g_free (self->sessions_team);
  g_clear_object (&self->sessions_shown);
  g_clear_object (&self->sessions);
  g_clear_object (&self->open_actions);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->templates_shown, g_free);
  g_clear_pointer (&self->team_attendance, tandem_attendance_free);
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

  g_type_ensure (TANDEM_TYPE_COACHING_CASELOAD);
  g_type_ensure (TANDEM_TYPE_COACHING_SEARCH);
  g_type_ensure (TANDEM_TYPE_SESSION_EDITOR);

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
  CHILD (editor);
  CHILD (caseload);
  CHILD (search);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, caseload_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_closed_cb);

  _tandem_coaching_page_class_actions_init (klass);
}

static void
tandem_coaching_page_init (TandemCoachingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->open_actions = g_list_store_new (TANDEM_TYPE_COACHING_ITEM);
  self->sessions = g_list_store_new (TANDEM_TYPE_COACHING_ITEM);
  gtk_list_box_bind_model (self->open_list, G_LIST_MODEL (self->open_actions),
                           tandem_coaching_item_create_row, NULL, NULL);
  self->sessions_shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->sessions)),
                                                   0, G_MAXUINT);
  gtk_list_box_bind_model (self->sessions_list, G_LIST_MODEL (self->sessions_shown),
                           tandem_coaching_item_create_row, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->team_chart, draw_chart_cb, self, NULL);
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

  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));

  if (project == NULL)
    return;
  if (!tandem_session_editor_open (self->editor, project, session_id))
    return;
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
  return tandem_session_editor_get_session_id (self->editor);
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
  return tandem_session_editor_save (self->editor, FALSE);
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
  return tandem_session_editor_save (self->editor, TRUE);
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
  const char *session_id;

  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), FALSE);

  session_id = tandem_session_editor_get_session_id (self->editor);
  if (session_id)
    return tandem_coaching_export_session (project, session_id, format, path, error);
  return tandem_coaching_export_log (project, team, NULL, NULL, include_private, format, path, error);
}
