/* tandem-session-review.c — a session's review of the actions agreed at
 * earlier sessions: those still open, each to mark done, carry forward to a
 * new date or drop with a reason, then those this session has reviewed,
 * each with what became of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-coaching-rows.h"
#include "tandem-session-review.h"
#include "tandem-wrap-layout.h"

struct _TandemSessionReview
{
  AdwBin         parent_instance;

  GtkListBox    *review_list;

  TandemProject *project;
  char          *session_id;   /* the session reviewing */
  GPtrArray     *action_ids;   /* the action each row shows, in order */
  char          *shown;        /* what the rows show, to rebuild only on change */
};

G_DEFINE_FINAL_TYPE (TandemSessionReview, tandem_session_review, ADW_TYPE_BIN)

/* The action whose row holds @widget. */
static const char *
action_of (TandemSessionReview *self,
           GtkWidget           *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  if (row == NULL)
    return NULL;
  return tandem_session_review_get_action_id (self,
                                              (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

/* The field of the small form (form_button()) whose confirming button is
 * @button. */
static GtkEditable *
form_entry (GtkButton *button)
{
  return GTK_EDITABLE (gtk_widget_get_prev_sibling (GTK_WIDGET (button)));
}

static void
review_done_cb (GtkButton           *button,
                TandemSessionReview *self)
{
  const char *action = action_of (self, GTK_WIDGET (button));
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GError) error = NULL;

  if (!tandem_coaching_mark_done (self->project, action, today, &error))
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Mark the Action Done"), error);
}

static void
review_carry_cb (GtkButton           *button,
                 TandemSessionReview *self)
{
  g_autofree char *action = g_strdup (action_of (self, GTK_WIDGET (button)));
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *date = _tandem_coaching_stripped (gtk_editable_get_text (form_entry (button)));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  /* Close the little form first: its row is about to be redrawn, and the
   * keyboard goes back to the window. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  id = tandem_coaching_carry_forward (self->project, action, self->session_id, date, today, &error);
  if (id == NULL)
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Carry the Action Forward"), error);
}

static void
review_drop_cb (GtkButton           *button,
                TandemSessionReview *self)
{
  g_autofree char *action = g_strdup (action_of (self, GTK_WIDGET (button)));
  g_autofree char *reason = g_strdup (gtk_editable_get_text (form_entry (button)));
  g_autofree char *today = tandem_coaching_today ();
  g_autoptr(GError) error = NULL;

  /* Close the little form first: its row is about to be redrawn, and the
   * keyboard goes back to the window. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (!tandem_coaching_drop (self->project, action, reason, today, &error))
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Drop the Action"), error);
}

static void
entry_activate_cb (GtkEntry  *entry,
                   GtkButton *button)
{
  gtk_widget_activate (GTK_WIDGET (button));
}

/* A button that opens a small form: one field and a button to confirm,
 * right after the field. */
static GtkWidget *
form_button (TandemSessionReview *self,
             const char          *label,
             const char          *accessible,
             const char          *field_label,
             const char          *initial,
             const char          *confirm,
             GCallback            callback)
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
review_row (TandemSessionReview *self,
            TandemAction        *action,
            const char          *today)
{
  g_autofree char *subtitle = _tandem_coaching_describe_action (action, today);
  g_autofree char *done_label = g_strdup_printf (_("Mark “%s” done"), action->what);
  g_autofree char *carry_label = g_strdup_printf (_("Carry “%s” forward"), action->what);
  g_autofree char *drop_label = g_strdup_printf (_("Drop “%s”"), action->what);
  g_autofree char *next_due = NULL;
  AdwActionRow *row = _tandem_coaching_text_row (action->what, subtitle);
  GtkWidget *done = gtk_button_new_with_label (_("Done"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  {
    g_autoptr(GDateTime) now = tandem_clock_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
    next_due = g_date_time_format (later, "%Y-%m-%d");
  }
  if (tandem_action_is_overdue (action, today))
    _tandem_coaching_mark_overdue (row);
  adw_action_row_set_subtitle_lines (row, 2);
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, done_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  g_signal_connect (done, "clicked", G_CALLBACK (review_done_cb), self);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* One above the other in a narrow window, leaving the action's words room. */
  gtk_widget_set_layout_manager (box, tandem_wrap_layout_new (6));
  gtk_box_append (GTK_BOX (box), done);
  gtk_box_append (GTK_BOX (box),
                  form_button (self, _("Carry Forward"), carry_label,
                               _("New date"), next_due, _("_Carry Forward"),
                               G_CALLBACK (review_carry_cb)));
  gtk_box_append (GTK_BOX (box),
                  form_button (self, _("Drop"), drop_label, _("Why is it dropped?"), NULL,
                               _("_Drop Action"), G_CALLBACK (review_drop_cb)));
  adw_action_row_add_suffix (row, box);
  return GTK_WIDGET (row);
}

/* An action this session has reviewed, with what became of it. */
static GtkWidget *
reviewed_row (TandemAction *action,
              const char   *today)
{
  g_autofree char *subtitle = _tandem_coaching_describe_action (action, today);
  AdwActionRow *row = _tandem_coaching_text_row (action->what, subtitle);
  const char *outcome = action->status == TANDEM_ACTION_DONE ? _("Done")
                        : action->carried_to != NULL ? _("Carried forward")
                        : _("Dropped");
  GtkWidget *label = gtk_label_new (outcome);

  adw_action_row_set_subtitle_lines (row, 2);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (row, label);
  return GTK_WIDGET (row);
}

/**
 * tandem_session_review_reload:
 * @self: the review
 * @project: the project
 * @session: the session reviewing
 * @today: the day, year-month-day
 *
 * Shows the earlier actions still open, each with its three buttons, then
 * those @session has reviewed, each with its outcome. A button pressed
 * shows its outcome on its row at once, and the keyboard stays on that
 * row. Rows that would show the same are left as they are, and so is the
 * list while someone types in one of its forms.
 */
void
tandem_session_review_reload (TandemSessionReview *self,
                              TandemProject       *project,
                              const TandemSession *session,
                              const char          *today)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  g_autoptr(GString) shown = g_string_new (session->id);
  g_autofree char *focus_id = NULL;

  g_return_if_fail (TANDEM_IS_SESSION_REVIEW (self));

  g_set_object (&self->project, project);
  if (g_strcmp0 (self->session_id, session->id) != 0)
    {
      g_free (self->session_id);
      self->session_id = g_strdup (session->id);
    }
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->review_list)))
    {
      /* Someone typing in a review form (a date, a reason, in its popover)
       * would lose their words if the list were rebuilt under them by a
       * refresh: the list waits for the next change. */
      if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus))
        return;
      focus_id = g_strdup (action_of (self, focus));
    }
  review = tandem_coaching_list_actions_to_review (project, session->team_id, session->starts_at, NULL);
  reviewed = tandem_coaching_list_reviewed_actions (project, session->id, NULL);
  _tandem_coaching_append_shown (shown, review, today);
  _tandem_coaching_append_shown (shown, reviewed, today);
  if (_tandem_coaching_still_shown (&self->shown, shown))
    return;
  _tandem_coaching_clear_list (self->review_list);
  g_ptr_array_set_size (self->action_ids, 0);
  for (guint i = 0; review && i < review->len; i++)
    {
      TandemAction *action = review->pdata[i];

      gtk_list_box_append (self->review_list, review_row (self, action, today));
      g_ptr_array_add (self->action_ids, g_strdup (action->id));
    }
  for (guint i = 0; reviewed && i < reviewed->len; i++)
    {
      TandemAction *action = reviewed->pdata[i];

      gtk_list_box_append (self->review_list, reviewed_row (action, today));
      g_ptr_array_add (self->action_ids, g_strdup (action->id));
    }
  if (review && review->len == 0 && (reviewed == NULL || reviewed->len == 0))
    _tandem_coaching_add_placeholder (self->review_list,
                                      _("Nothing left to review from earlier sessions."));
  for (guint i = 0; focus_id != NULL && i < self->action_ids->len; i++)
    if (g_str_equal (self->action_ids->pdata[i], focus_id))
      {
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->review_list, (int) i)));
        break;
      }
}

/**
 * tandem_session_review_get_n_actions:
 * @self: the review
 *
 * Returns: how many actions the review shows, to review or reviewed
 */
guint
tandem_session_review_get_n_actions (TandemSessionReview *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION_REVIEW (self), 0);
  return self->action_ids->len;
}

/**
 * tandem_session_review_get_action_id:
 * @self: the review
 * @position: a row, from 0
 *
 * Returns: (nullable): the action that row shows
 */
const char *
tandem_session_review_get_action_id (TandemSessionReview *self,
                                     guint                position)
{
  g_return_val_if_fail (TANDEM_IS_SESSION_REVIEW (self), NULL);

  if (position >= self->action_ids->len)
    return NULL;
  return self->action_ids->pdata[position];
}

static void
tandem_session_review_dispose (GObject *object)
{
  TandemSessionReview *self = TANDEM_SESSION_REVIEW (object);

  /* Rows go first, removed from their list: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->review_list)
    _tandem_coaching_clear_list (self->review_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SESSION_REVIEW);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_session_review_parent_class)->dispose (object);
}

static void
tandem_session_review_finalize (GObject *object)
{
  TandemSessionReview *self = TANDEM_SESSION_REVIEW (object);

  g_free (self->session_id);
  g_free (self->shown);
  g_ptr_array_unref (self->action_ids);
  G_OBJECT_CLASS (tandem_session_review_parent_class)->finalize (object);
}

static void
tandem_session_review_class_init (TandemSessionReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_session_review_dispose;
  object_class->finalize = tandem_session_review_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-session-review.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSessionReview, review_list);
}

static void
tandem_session_review_init (TandemSessionReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->action_ids = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
tandem_session_review_new (void)
{
  return g_object_new (TANDEM_TYPE_SESSION_REVIEW, NULL);
}
