/* tandem-conflicts-window.c — the fields two people changed differently,
 * each with both values, to keep one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-conflicts-window.h"
#include "tandem-merge.h"

struct _TandemConflictsWindow
{
  AdwWindow      parent_instance;

  GtkWidget     *stack;
  GtkWidget     *list;
  GtkWidget     *intro;

  TandemProject *project;
  gulong         changed_id;
};

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemConflictsWindow, tandem_conflicts_window, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

/* “aim_how_much” → “Aim how much”: the field as a person would say it. */
static char *
field_words (const char *field)
{
  static const struct { const char *field; const char *words; } known[] = {
    { "title", N_("Title") },
    { "name", N_("Name") },
    { "description", N_("Description") },
    { "status", N_("Status") },
    { "proposed_by", N_("Proposed by") },
    { "notes", N_("Notes") },
    { "position", N_("Order") },
  };
  char *words;

  if (field == NULL)
    return g_strdup (_("Whole item"));
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (field, known[i].field))
      return g_strdup (_(known[i].words));
  words = g_strdelimit (g_strdup (field), "_", ' ');
  if (*words)
    {
      g_autofree char *first = g_utf8_substring (words, 0, 1);
      g_autofree char *upper = g_utf8_strup (first, -1);
      char *rest = g_utf8_next_char (words);
      char *result = g_strconcat (upper, rest, NULL);

      g_free (words);
      words = result;
    }
  return words;
}

static char *
format_when (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || (utc = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  /* Translators: when a change was made; a strftime format */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static GtkWidget *
value_column (const char *heading,
              const char *value,
              const char *empty_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (value ? value : empty_text);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 30);
  if (value == NULL)
    gtk_widget_add_css_class (text, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */

/* conflict.keep (conflict id, whether to keep theirs): a row's Keep buttons. */
static void
keep_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TandemConflictsWindow *self = TANDEM_CONFLICTS_WINDOW (widget);
  g_autofree char *id = NULL;
  gboolean keep_theirs;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(sb)", &id, &keep_theirs);
  if (self->project == NULL)
    return;
  if (!tandem_project_resolve_conflict (self->project, id, keep_theirs, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Could Not Keep That Version"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  /* The button that has the focus is about to go with its row. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  tandem_conflicts_window_reload (self);
  g_signal_emit (self, signals[RESOLVED], 0);
}

static void
project_changed_cb (TandemProject         *project,
                    const char            *entity,
                    TandemConflictsWindow *self)
{
  tandem_conflicts_window_reload (self);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static GtkWidget *
conflict_row (TandemConflictsWindow *self,
              const TandemConflict  *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *mine, *theirs;
  g_autofree char *field = field_words (conflict->field);
  g_autofree char *title_text = NULL;
  g_autofree char *when = format_when (conflict->theirs_at);
  g_autofree char *mine_heading = NULL;
  g_autofree char *theirs_heading = NULL;
  g_autofree char *mine_tip = NULL;
  g_autofree char *theirs_tip = NULL;
  const char *mine_label, *theirs_label;
  const char *item = conflict->item_label ? conflict->item_label : conflict->entity;

  /* Translators: a conflict's heading; %s: the item, %s: the field */
  title_text = g_strdup_printf (_("“%s” — %s"), item, field);
  title = gtk_label_new (title_text);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);

  if (g_strcmp0 (conflict->source, "live") == 0)
    {
      /* Two people on one file: the other person's value was saved first
       * and stands; "mine" is the one that was not saved. */
      /* Translators: %s: who typed the value that was not saved */
      mine_heading = g_strdup_printf (_("Not saved — by %s"),
                                      conflict->mine_author ? conflict->mine_author : _("someone"));
      /* Translators: %s: who saved the value first, %s: when */
      theirs_heading = g_strdup_printf (_("Saved first — by %s, %s"),
                                        conflict->theirs_author ? conflict->theirs_author
                                                                : _("someone"), when);
      mine_tip = g_strdup_printf (_("Use the version that was not saved for “%s” — %s"), item, field);
      theirs_tip = g_strdup_printf (_("Keep the version saved first for “%s” — %s"), item, field);
      mine_label = _("Use _Unsaved");
      theirs_label = _("Keep _Saved");
    }
  else
    {
      /* Translators: %s: who made the change kept in this copy */
      mine_heading = g_strdup_printf (_("Kept now — by %s"),
                                      conflict->mine_author ? conflict->mine_author : _("someone"));
      /* Translators: %s: who made the other change, %s: when */
      theirs_heading = g_strdup_printf (_("Other version — by %s, %s"),
                                        conflict->theirs_author ? conflict->theirs_author
                                                                : _("someone"), when);
      mine_tip = g_strdup_printf (_("Keep the version kept now of “%s” — %s"), item, field);
      theirs_tip = g_strdup_printf (_("Keep the other version of “%s” — %s"), item, field);
      mine_label = _("Keep _Mine");
      theirs_label = _("Keep _Theirs");
    }
  mine = value_column (mine_heading, conflict->mine_value, _("(empty)"));
  theirs = value_column (theirs_heading, conflict->theirs_value, _("(empty, or deleted)"));
  gtk_box_append (GTK_BOX (values), mine);
  gtk_box_append (GTK_BOX (values), theirs);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  {
    GtkWidget *keep_mine = gtk_button_new_with_mnemonic (mine_label);
    GtkWidget *keep_theirs = gtk_button_new_with_mnemonic (theirs_label);

    gtk_widget_set_tooltip_text (keep_mine, mine_tip);
    gtk_widget_set_tooltip_text (keep_theirs, theirs_tip);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (keep_mine), "conflict.keep");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (keep_mine), "(sb)", conflict->id, FALSE);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (keep_theirs), "conflict.keep");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (keep_theirs), "(sb)", conflict->id, TRUE);
    gtk_box_append (GTK_BOX (buttons), keep_mine);
    gtk_box_append (GTK_BOX (buttons), keep_theirs);
  }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), values);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title_text, -1);
  return row;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
tandem_conflicts_window_dispose (GObject *object)
{
  TandemConflictsWindow *self = TANDEM_CONFLICTS_WINDOW (object);

  if (self->project && self->changed_id)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_conflicts_window_parent_class)->dispose (object);
}

static void
tandem_conflicts_window_class_init (TandemConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_conflicts_window_dispose;

  /**
   * TandemConflictsWindow::resolved:
   *
   * Emitted after a person keeps one version of a change.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "conflict.keep", "(sb)", keep_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_conflicts_window_init (TandemConflictsWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Changes That Need a Decision"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);

  self->intro = gtk_label_new (_("Two people changed the same thing differently. Both versions "
                                 "are kept until you choose: the one kept now is in the project "
                                 "meanwhile."));
  gtk_label_set_wrap (GTK_LABEL (self->intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->intro), 0);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes that need a decision"), -1);
  gtk_box_append (GTK_BOX (page), self->intro);
  gtk_box_append (GTK_BOX (page), self->list);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Needs a Decision"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every change has been settled."));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "conflicts");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), self->stack);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * tandem_conflicts_window_new:
 * @parent: (nullable): the project window
 * @project: the project
 *
 * Returns: (transfer none): a window listing @project's conflicts
 */
GtkWindow *
tandem_conflicts_window_new (GtkWindow     *parent,
                             TandemProject *project)
{
  TandemConflictsWindow *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  /* Closed with the project window: left open, it would keep the project
   * open (and stop seeing other programs' edits) after the person closed it. */
  self = g_object_new (TANDEM_TYPE_CONFLICTS_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  tandem_conflicts_window_reload (self);
  return GTK_WINDOW (self);
}

/**
 * tandem_conflicts_window_reload:
 * @self: a conflicts window
 *
 * Lists the conflicts again.
 */
void
tandem_conflicts_window_reload (TandemConflictsWindow *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;

  g_return_if_fail (TANDEM_IS_CONFLICTS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (self->project == NULL)
    return;
  conflicts = tandem_project_list_conflicts (self->project);
  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), conflict_row (self, conflicts->pdata[i]));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    conflicts->len > 0 ? "conflicts" : "empty");
}
