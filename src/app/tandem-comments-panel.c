/* tandem-comments-panel.c — the comment threads of one item, to embed in a
 * page's details pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-comments.h"
#include "tandem-comments-panel.h"

struct _TandemCommentsPanel
{
  AdwBin         parent_instance;

  GtkWidget     *threads_box;
  GtkWidget     *empty_label;
  GtkWidget     *add_box;
  GtkWidget     *add_entry;
  GtkWidget     *add_button;
  GtkWidget     *error_label;

  TandemProject *project;
  char          *entity;
  char          *entity_id;
  gulong         changed_id;

  /* thread id → reply being written, kept across reloads */
  GHashTable    *drafts;
  /* thread ids whose reply box is open */
  GHashTable    *replying;
  /* resolved thread ids the person has expanded */
  GHashTable    *expanded;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCommentsPanel, tandem_comments_panel, ADW_TYPE_BIN)

/* One thread's widgets, shared by the handlers of its buttons, entry and
 * expander; each handler holds a reference, so it goes with the last. */
typedef struct
{
  TandemCommentsPanel *panel;      /* owns the thread's widgets */
  char                *id;
  gboolean             resolved;
  GtkWidget           *reply_box;
  GtkWidget           *reply_entry;
} Thread;

static void
thread_clear (gpointer data)
{
  Thread *thread = data;

  g_free (thread->id);
}

static void
thread_unref (Thread *thread)
{
  g_rc_box_release_full (thread, thread_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Thread, thread_unref)

static void
thread_release (gpointer  data,
                GClosure *closure)
{
  thread_unref (data);
}

static void
thread_connect (Thread     *thread,
                gpointer    instance,
                const char *signal,
                GCallback   callback)
{
  g_signal_connect_data (instance, signal, callback, g_rc_box_acquire (thread),
                         thread_release, 0);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static gboolean
is_editable (TandemCommentsPanel *self)
{
  return self->project != NULL && self->entity_id != NULL &&
         !tandem_project_get_read_only (self->project);
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (iso == NULL || (utc = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  now = tandem_clock_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: when a comment was written today; a strftime format */
    return g_date_time_format (local, _("Today, %H:%M"));
  /* Translators: when a comment was written; a strftime format */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static void
show_error (TandemCommentsPanel *self,
            const char          *heading,
            const GError        *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", heading, error->message);

  gtk_label_set_label (GTK_LABEL (self->error_label), text);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static void
clear_error (TandemCommentsPanel *self)
{
  gtk_widget_set_visible (self->error_label, FALSE);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static void reload (TandemCommentsPanel *self);

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */

static void
add_comment (TandemCommentsPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *text;

  if (!is_editable (self))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  id = tandem_comments_add (self->project, self->entity, self->entity_id, text, &error);
  if (id == NULL)
    {
      show_error (self, _("Could not add the comment"), error);
      return;
    }
  clear_error (self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_clicked_cb (GtkButton           *button,
                TandemCommentsPanel *self)
{
  add_comment (self);
}

static void
add_activated_cb (GtkEntry            *entry,
                  TandemCommentsPanel *self)
{
  add_comment (self);
}

static void
add_text_changed_cb (GtkEditable         *editable,
                     TandemCommentsPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, *text != '\0');
}

static void
send_reply (Thread *thread)
{
  TandemCommentsPanel *self = thread->panel;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!is_editable (self))
    return;
  id = tandem_comments_reply (self->project, thread->id,
                              gtk_editable_get_text (GTK_EDITABLE (thread->reply_entry)), &error);
  if (id == NULL)
    {
      show_error (self, _("Could not add the reply"), error);
      return;
    }
  clear_error (self);
  g_hash_table_remove (self->drafts, thread->id);
  g_hash_table_remove (self->replying, thread->id);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reply_activated_cb (GtkEntry *entry,
                    Thread   *thread)
{
  send_reply (thread);
}

static void
send_clicked_cb (GtkButton *button,
                 Thread    *thread)
{
  send_reply (thread);
}

static void
reply_text_changed_cb (GtkEditable *editable,
                       Thread      *thread)
{
  g_hash_table_insert (thread->panel->drafts, g_strdup (thread->id),
                       g_strdup (gtk_editable_get_text (editable)));
}

static void
reply_clicked_cb (GtkButton *button,
                  Thread    *thread)
{
  TandemCommentsPanel *self = thread->panel;
  gboolean open = !gtk_widget_get_visible (thread->reply_box);

  if (open)
    g_hash_table_add (self->replying, g_strdup (thread->id));
  else
    g_hash_table_remove (self->replying, thread->id);
  gtk_widget_set_visible (thread->reply_box, open);
  if (open)
    gtk_widget_grab_focus (thread->reply_entry);
}

static void
resolve_clicked_cb (GtkButton *button,
                    Thread    *thread)
{
  TandemCommentsPanel *self = thread->panel;
  gboolean resolve = !thread->resolved;
  g_autoptr(GError) error = NULL;
  /* The reload below lets go of this thread's widgets, and of @thread. */
  g_autofree char *id = g_strdup (thread->id);

  if (!is_editable (self))
    return;
  if (!tandem_comments_set_resolved (self->project, id, resolve, &error))
    {
      show_error (self, resolve ? _("Could not resolve the comment")
                                : _("Could not reopen the comment"), error);
      return;
    }
  clear_error (self);
  if (resolve)
    g_hash_table_remove (self->expanded, id);
  else
    g_hash_table_remove (self->replying, id);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
expander_toggled_cb (GtkExpander *expander,
                     GParamSpec  *pspec,
                     Thread      *thread)
{
  if (gtk_expander_get_expanded (expander))
    g_hash_table_add (thread->panel->expanded, g_strdup (thread->id));
  else
    g_hash_table_remove (thread->panel->expanded, thread->id);
}

static void
project_changed_cb (TandemProject       *project,
                    const char          *entity,
                    TandemCommentsPanel *self)
{
  /* Another window, another program or undo changed the comments. */
  reload (self);
}

/* ------------------------------------------------------------------------ */
/* Building the threads                                                     */

static GtkWidget *
comment_widget (const TandemComment *comment,
                gboolean             is_reply)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = gtk_label_new (comment->author ? comment->author : _("Someone"));
  g_autofree char *when_text = format_time (comment->created_at);
  GtkWidget *when = gtk_label_new (when_text);
  GtkWidget *text = gtk_label_new (comment->text);

  gtk_widget_add_css_class (author, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_box_append (GTK_BOX (header), author);
  gtk_box_append (GTK_BOX (header), when);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  {
    g_autofree char *name = g_strdup_printf (is_reply ? _("Reply from %s") : _("Comment from %s"),
                                             comment->author ? comment->author : _("Someone"));
    set_label (text, name);
  }

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);
  if (is_reply)
    {
      gtk_widget_set_margin_start (box, 18);
      gtk_widget_set_margin_top (box, 6);
    }
  return box;
}

static GtkWidget *
thread_widget (TandemCommentsPanel *self,
               const TandemComment *thread)
{
  g_autoptr(Thread) shared = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reply_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reply_entry = gtk_entry_new ();
  GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send"));
  GtkWidget *reply = gtk_button_new_with_mnemonic (_("_Reply"));
  GtkWidget *resolve = gtk_button_new_with_mnemonic (thread->resolved ? _("Re_open")
                                                                      : _("Re_solve"));
  gboolean editable = is_editable (self);
  const char *draft = g_hash_table_lookup (self->drafts, thread->id);

  shared = g_rc_box_new0 (Thread);
  shared->panel = self;
  shared->id = g_strdup (thread->id);
  shared->resolved = thread->resolved;
  shared->reply_box = reply_box;
  shared->reply_entry = reply_entry;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 6);
  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_set_margin_start (inner, 12);
    gtk_widget_set_margin_end (inner, 12);
    gtk_widget_set_margin_top (inner, 10);
    gtk_widget_set_margin_bottom (inner, 10);
    gtk_box_append (GTK_BOX (inner), comment_widget (thread, FALSE));
    for (guint i = 0; i < thread->replies->len; i++)
      gtk_box_append (GTK_BOX (inner), comment_widget (thread->replies->pdata[i], TRUE));

    /* Answering */
    gtk_widget_set_hexpand (reply_entry, TRUE);
    gtk_entry_set_placeholder_text (GTK_ENTRY (reply_entry), _("Write a reply…"));
    set_label (reply_entry, _("Reply"));
    if (draft)
      gtk_editable_set_text (GTK_EDITABLE (reply_entry), draft);
    thread_connect (shared, reply_entry, "activate", G_CALLBACK (reply_activated_cb));
    thread_connect (shared, reply_entry, "changed", G_CALLBACK (reply_text_changed_cb));
    gtk_widget_set_tooltip_text (send, _("Send the reply"));
    thread_connect (shared, send, "clicked", G_CALLBACK (send_clicked_cb));
    gtk_box_append (GTK_BOX (reply_box), reply_entry);
    gtk_box_append (GTK_BOX (reply_box), send);
    gtk_widget_set_margin_top (reply_box, 6);
    gtk_widget_set_visible (reply_box, editable && !thread->resolved &&
                                       g_hash_table_contains (self->replying, thread->id));
    gtk_box_append (GTK_BOX (inner), reply_box);

    /* Reply and resolve */
    gtk_widget_set_margin_top (buttons, 6);
    gtk_widget_set_halign (buttons, GTK_ALIGN_END);
    gtk_widget_add_css_class (reply, "flat");
    gtk_widget_add_css_class (resolve, "flat");
    gtk_widget_set_tooltip_text (reply, _("Reply to this comment"));
    gtk_widget_set_tooltip_text (resolve, thread->resolved ? _("Reopen this comment")
                                                           : _("Mark this comment as resolved"));
    thread_connect (shared, reply, "clicked", G_CALLBACK (reply_clicked_cb));
    thread_connect (shared, resolve, "clicked", G_CALLBACK (resolve_clicked_cb));
    gtk_widget_set_visible (reply, !thread->resolved);
    gtk_box_append (GTK_BOX (buttons), reply);
    gtk_box_append (GTK_BOX (buttons), resolve);
    gtk_widget_set_visible (buttons, editable);
    gtk_box_append (GTK_BOX (inner), buttons);

    gtk_box_append (GTK_BOX (card), inner);
  }

  if (!thread->resolved)
    return card;

  /* Resolved threads are folded away, one line each, until opened. */
  {
    GtkWidget *expander;
    g_autofree char *first_line = g_strdup (thread->text);
    g_autofree char *title = NULL;
    char *newline = strchr (first_line, '\n');

    if (newline)
      *newline = '\0';
    /* Translators: a resolved comment thread, folded; %s: who wrote it, %s: its first line */
    title = g_strdup_printf (_("Resolved — %s: %s"),
                             thread->author ? thread->author : _("Someone"), first_line);
    expander = gtk_expander_new (title);
    gtk_label_set_ellipsize (GTK_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (expander))),
                             PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class (gtk_expander_get_label_widget (GTK_EXPANDER (expander)), "dim-label");
    gtk_expander_set_child (GTK_EXPANDER (expander), card);
    gtk_expander_set_expanded (GTK_EXPANDER (expander),
                               g_hash_table_contains (self->expanded, thread->id));
    thread_connect (shared, expander, "notify::expanded", G_CALLBACK (expander_toggled_cb));
    gtk_widget_set_margin_bottom (expander, 6);
    gtk_widget_set_margin_top (card, 6);
    return expander;
  }
}

static void
reload (TandemCommentsPanel *self)
{
  g_autoptr(GPtrArray) threads = NULL;
  GtkWidget *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* Keep the keyboard focus in the panel when the thread holding it goes. */
  if (focus && gtk_widget_is_ancestor (focus, self->threads_box))
    {
      if (!gtk_widget_get_visible (self->add_box) || !gtk_widget_grab_focus (self->add_entry))
        gtk_root_set_focus (root, NULL);
    }

  while ((child = gtk_widget_get_first_child (self->threads_box)))
    gtk_box_remove (GTK_BOX (self->threads_box), child);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->project != NULL && self->entity_id != NULL);
  gtk_widget_set_visible (self->add_box, is_editable (self));

  if (self->project == NULL || self->entity_id == NULL)
    {
      gtk_widget_set_visible (self->empty_label, TRUE);
      return;
    }

  threads = tandem_comments_list (self->project, self->entity, self->entity_id);
  /* Open threads first, then the resolved ones folded away. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < threads->len; i++)
      {
        const TandemComment *thread = threads->pdata[i];

        if (thread->resolved != (pass == 1))
          continue;
        gtk_box_append (GTK_BOX (self->threads_box), thread_widget (self, thread));
      }
  gtk_widget_set_visible (self->empty_label, threads->len == 0);
  gtk_widget_set_visible (self->threads_box, threads->len > 0);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
disconnect_project (TandemCommentsPanel *self)
{
  if (self->project && self->changed_id)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->project);
}

static void
tandem_comments_panel_dispose (GObject *object)
{
  TandemCommentsPanel *self = TANDEM_COMMENTS_PANEL (object);

  disconnect_project (self);
  G_OBJECT_CLASS (tandem_comments_panel_parent_class)->dispose (object);
}

static void
tandem_comments_panel_finalize (GObject *object)
{
  TandemCommentsPanel *self = TANDEM_COMMENTS_PANEL (object);

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->replying, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  G_OBJECT_CLASS (tandem_comments_panel_parent_class)->finalize (object);
}

static void
tandem_comments_panel_class_init (TandemCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_comments_panel_dispose;
  object_class->finalize = tandem_comments_panel_finalize;

  /**
   * TandemCommentsPanel::changed:
   *
   * Emitted after this panel adds, answers, resolves or reopens a comment.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "comments-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_comments_panel_init (TandemCommentsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Comments"));

  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->replying = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->entity = g_strdup (TANDEM_ENTITY_NODE);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  self->empty_label = gtk_label_new (_("No comments yet"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->threads_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), self->threads_box);

  self->add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->add_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->add_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->add_entry), _("Add a comment…"));
  set_label (self->add_entry, _("New comment"));
  g_signal_connect (self->add_entry, "activate", G_CALLBACK (add_activated_cb), self);
  g_signal_connect (self->add_entry, "changed", G_CALLBACK (add_text_changed_cb), self);
  self->add_button = gtk_button_new_with_mnemonic (_("_Comment"));
  gtk_widget_set_tooltip_text (self->add_button, _("Add this comment"));
  gtk_widget_set_sensitive (self->add_button, FALSE);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->add_box), self->add_entry);
  gtk_box_append (GTK_BOX (self->add_box), self->add_button);
  gtk_box_append (GTK_BOX (box), self->add_box);

  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  adw_bin_set_child (ADW_BIN (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comments"), -1);
  reload (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
tandem_comments_panel_new (void)
{
  return g_object_new (TANDEM_TYPE_COMMENTS_PANEL, NULL);
}

/**
 * tandem_comments_panel_set_item:
 * @self: a panel
 * @project: (nullable): the project
 * @entity: the kind of item: “node”, “pdsa_cycle”, “measure” or “coaching_session”
 * @entity_id: (nullable): the item, or %NULL to show none
 *
 * Shows the comments on one item, and follows changes to them made
 * elsewhere (undo, another window, another program on the same file).
 */
void
tandem_comments_panel_set_item (TandemCommentsPanel *self,
                                TandemProject       *project,
                                const char          *entity,
                                const char          *entity_id)
{
  gboolean same_item;

  g_return_if_fail (TANDEM_IS_COMMENTS_PANEL (self));
  g_return_if_fail (project == NULL || TANDEM_IS_PROJECT (project));

  same_item = project == self->project && g_strcmp0 (entity, self->entity) == 0 &&
              g_strcmp0 (entity_id, self->entity_id) == 0;

  if (project != self->project)
    {
      disconnect_project (self);
      if (project)
        {
          self->project = g_object_ref (project);
          self->changed_id = g_signal_connect (project, "changed::comment",
                                               G_CALLBACK (project_changed_cb), self);
        }
    }
  if (!same_item)
    {
      g_free (self->entity);
      self->entity = g_strdup (entity ? entity : TANDEM_ENTITY_NODE);
      g_free (self->entity_id);
      self->entity_id = g_strdup (entity_id);
      g_hash_table_remove_all (self->drafts);
      g_hash_table_remove_all (self->replying);
      g_hash_table_remove_all (self->expanded);
      gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
      clear_error (self);
    }
  reload (self);
}

/**
 * tandem_comments_panel_reload:
 * @self: a panel
 *
 * Reads the item's comments again.
 */
void
tandem_comments_panel_reload (TandemCommentsPanel *self)
{
  g_return_if_fail (TANDEM_IS_COMMENTS_PANEL (self));
  reload (self);
}
