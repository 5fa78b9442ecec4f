/* tandem-shown-field.c — what an editor showed of one field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two programs can edit one file, and each window refreshes when the other
 * writes. An editor (an entry, an entry row or a text view) that shows one
 * field of one item remembers what it showed, as the file stored it: a save
 * from it then passes that to the field's setter, so a change someone
 * else made meanwhile is never silently written over (both are kept as a
 * conflict). A refresh does not overwrite an editor the person is working
 * in (it has the focus, or holds words they have not saved): it keeps their
 * words and what they started from.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tandem-merge.h"
#include "tandem-plain-text.h"
#include "tandem-schema.h"
#include "tandem-shown-field.h"

#define SHOWN_KEY "tandem-shown-field"

typedef struct
{
  char     *key;      /* entity, id and field */
  char     *stored;   /* the field as the file held it when shown */
  char     *display;  /* the words the editor was given */
  char     *typed;    /* kept across a rebuild: what the person typed */
  char     *pending_stored;   /* a refresh kept out while the person */
  char     *pending_display;  /* was in the editor, shown when they leave it */
  gboolean  pending;
  gboolean  released; /* the next fill replaces whatever is there */
} Shown;

/* Forgets what was shown, as if nothing had been. */
static void
shown_clear (Shown *shown)
{
  g_free (shown->key);
  g_free (shown->stored);
  g_free (shown->display);
  g_free (shown->typed);
  g_free (shown->pending_stored);
  g_free (shown->pending_display);
  memset (shown, 0, sizeof *shown);
}

static void
shown_free (gpointer data)
{
  shown_clear (data);
  g_free (data);
}

/* The editors are the pages' own entries, rows, text views and drop-downs,
 * of many classes: what one showed rides on it, under one key. */
static Shown *
shown_lookup (GtkWidget *editor)
{
  return g_object_get_data (G_OBJECT (editor), SHOWN_KEY);
}

static char *
make_key (const char *entity,
          const char *id,
          const char *field)
{
  return g_strjoin ("\x1f", entity, id, field, NULL);
}

/* The field as the file holds it. An editor of an item not added yet is
 * named by a kind that is no table ("new-item", "new-phase"): nothing is
 * stored for it, and the file is not asked. */
static char *
dup_stored (TandemProject *project,
            const char    *entity,
            const char    *id,
            const char    *field)
{
  if (tandem_schema_lookup (entity) == NULL)
    return NULL;
  return tandem_project_get_text (project, entity, id, field);
}

static char *
editor_dup_text (GtkWidget *editor)
{
  if (GTK_IS_EDITABLE (editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return NULL;
}

static void
editor_set_text (GtkWidget  *editor,
                 const char *text)
{
  g_autofree char *now = editor_dup_text (editor);

  /* Setting the same text again would show an entry row's apply button. */
  if (g_strcmp0 (now, text ? text : "") == 0)
    return;
  if (GTK_IS_EDITABLE (editor))
    gtk_editable_set_text (GTK_EDITABLE (editor), text ? text : "");
  else if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text ? text : "", -1);
}

static gboolean
has_focus_within (GtkWidget *editor)
{
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor));
}

static gboolean
shown_is_edited (GtkWidget *editor,
                 Shown     *shown)
{
  g_autofree char *now = NULL;

  if (shown == NULL || shown->released)
    return FALSE;
  if (has_focus_within (editor))
    return TRUE;
  now = editor_dup_text (editor);
  return now != NULL && g_strcmp0 (now, shown->display ? shown->display : "") != 0;
}

/* The person left the editor: if they did not change it, it shows what a
 * refresh kept out while they were in it. */
static void
focus_left_cb (GtkEventControllerFocus *controller,
               gpointer                 data)
{
  GtkWidget *editor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Shown *shown = shown_lookup (editor);
  g_autofree char *now = editor_dup_text (editor);

  if (shown == NULL || !shown->pending ||
      g_strcmp0 (now, shown->display ? shown->display : "") != 0)
    return;
  shown->pending = FALSE;
  g_free (shown->stored);
  shown->stored = g_steal_pointer (&shown->pending_stored);
  g_free (shown->display);
  shown->display = g_steal_pointer (&shown->pending_display);
  editor_set_text (editor, shown->display);
}

/**
 * tandem_shown_field_fill:
 * @editor: a #GtkEditable or #GtkTextView
 * @project: the project
 * @entity: the kind of item it shows
 * @id: the item
 * @field: the field
 * @text: (nullable): the field as the editor shows it
 *
 * Shows @text in @editor and remembers the field as the file holds it now,
 * unless the person is working in the editor on the same field (it has the
 * focus, or holds words they have not saved): their words and what they
 * started from are kept.
 *
 * Returns: %TRUE if the editor now shows @text
 */
gboolean
tandem_shown_field_fill (GtkWidget     *editor,
                         TandemProject *project,
                         const char    *entity,
                         const char    *id,
                         const char    *field,
                         const char    *text)
{
  g_autofree char *stored = dup_stored (project, entity, id, field);

  return tandem_shown_field_fill_value (editor, entity, id, field, stored, text);
}

/**
 * tandem_shown_field_fill_value:
 * @editor: a #GtkEditable or #GtkTextView
 * @entity: the kind of item it shows
 * @id: the item
 * @field: the field
 * @stored: (nullable): the field as stored, in the copy @text comes from
 * @text: (nullable): the field as the editor shows it
 *
 * As tandem_shown_field_fill(), for a page that shows its own copy of the
 * items: a save is checked against @stored, what the person saw, even if
 * another program has changed the file since the copy was read.
 *
 * Returns: %TRUE if the editor now shows @text
 */
gboolean
tandem_shown_field_fill_value (GtkWidget  *editor,
                               const char *entity,
                               const char *id,
                               const char *field,
                               const char *stored,
                               const char *text)
{
  Shown *shown = shown_lookup (editor);
  g_autofree char *key = make_key (entity, id, field);
  g_autofree char *now = editor_dup_text (editor);

  if (shown && g_str_equal (shown->key, key) && shown_is_edited (editor, shown) &&
      g_strcmp0 (now, text ? text : "") != 0)
    {
      /* Kept for when the person leaves the editor without changing it. */
      g_free (shown->pending_stored);
      shown->pending_stored = g_strdup (stored);
      g_free (shown->pending_display);
      shown->pending_display = g_strdup (text ? text : "");
      shown->pending = TRUE;
      return FALSE;
    }
  tandem_shown_field_remember_value (editor, entity, id, field, stored);
  shown = shown_lookup (editor);
  shown->display = g_strdup (text ? text : "");
  editor_set_text (editor, text);
  return TRUE;
}

/**
 * tandem_shown_field_remember:
 * @editor: any widget that edits the field (a drop-down, say)
 * @project: the project
 * @entity: the kind of item it shows
 * @id: the item
 * @field: the field
 *
 * Remembers the field as the file holds it now, as what @editor showed.
 */
void
tandem_shown_field_remember (GtkWidget     *editor,
                             TandemProject *project,
                             const char    *entity,
                             const char    *id,
                             const char    *field)
{
  g_autofree char *stored = dup_stored (project, entity, id, field);

  tandem_shown_field_remember_value (editor, entity, id, field, stored);
}

/**
 * tandem_shown_field_remember_value:
 * @editor: any widget that edits the field (a drop-down, say)
 * @entity: the kind of item it shows
 * @id: the item
 * @field: the field
 * @stored: (nullable): the field as stored, as @editor shows it
 *
 * Remembers @stored as what @editor showed. A page that shows what it read
 * earlier (its own copy of the items) passes that copy's value: another
 * program may have changed the file since, and a save must be checked
 * against what the person saw.
 */
void
tandem_shown_field_remember_value (GtkWidget  *editor,
                                   const char *entity,
                                   const char *id,
                                   const char *field,
                                   const char *stored)
{
  Shown *shown = shown_lookup (editor);
  /* Copied first: @stored may be what the editor showed until now. */
  g_autofree char *key = make_key (entity, id, field);
  g_autofree char *copy = g_strdup (stored);

  if (shown == NULL)
    {
      shown = g_new0 (Shown, 1);
      g_object_set_data_full (G_OBJECT (editor), SHOWN_KEY, shown, shown_free);
      if (GTK_IS_EDITABLE (editor) || GTK_IS_TEXT_VIEW (editor))
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), NULL);
          gtk_widget_add_controller (editor, focus);
        }
    }
  else
    shown_clear (shown);
  shown->key = g_steal_pointer (&key);
  shown->stored = g_steal_pointer (&copy);
}

/**
 * tandem_shown_field_get_stored:
 * @editor: an editor filled with tandem_shown_field_fill() or
 *   tandem_shown_field_remember()
 *
 * Returns: (nullable): the field as the file held it when the editor showed
 *   it, to pass to a setter as what it showed; %NULL if it was empty
 */
const char *
tandem_shown_field_get_stored (GtkWidget *editor)
{
  Shown *shown = shown_lookup (editor);

  return shown ? shown->stored : NULL;
}

/**
 * tandem_shown_field_is_edited:
 * @editor: an editor filled with tandem_shown_field_fill()
 *
 * Returns: whether the person is working in @editor: it has the focus, or
 *   holds words other than those it was given
 */
gboolean
tandem_shown_field_is_edited (GtkWidget *editor)
{
  return shown_is_edited (editor, shown_lookup (editor));
}

/**
 * tandem_shown_field_is_changed:
 * @editor: an editor filled with tandem_shown_field_fill()
 *
 * Returns: whether @editor holds words other than those it was given: the
 *   person changed the field
 */
gboolean
tandem_shown_field_is_changed (GtkWidget *editor)
{
  Shown *shown = shown_lookup (editor);
  g_autofree char *now = editor_dup_text (editor);

  return shown != NULL && g_strcmp0 (now ? now : "", shown->display ? shown->display : "") != 0;
}

/**
 * tandem_shown_field_saved:
 * @editor: an editor filled with tandem_shown_field_fill()
 * @project: the project
 *
 * After a save from @editor: what it holds is what the file holds, and a
 * further save is checked against that.
 */
void
tandem_shown_field_saved (GtkWidget     *editor,
                          TandemProject *project)
{
  Shown *shown = shown_lookup (editor);
  g_auto(GStrv) parts = shown ? g_strsplit (shown->key, "\x1f", 3) : NULL;

  if (parts == NULL || g_strv_length (parts) != 3)
    return;
  g_free (shown->stored);
  shown->stored = dup_stored (project, parts[0], parts[1], parts[2]);
  g_free (shown->display);
  shown->display = editor_dup_text (editor);
  shown->released = FALSE;
  shown->pending = FALSE;
}

/**
 * tandem_shown_field_release:
 * @editor: an editor filled with tandem_shown_field_fill()
 *
 * Lets the next fill replace what @editor holds, focus or not: after a
 * conflict, when what was typed is kept in the conflict and the editor is
 * to show the value that stands.
 */
void
tandem_shown_field_release (GtkWidget *editor)
{
  Shown *shown = shown_lookup (editor);

  if (shown)
    shown->released = TRUE;
}

static void
save_typing (GtkWidget  *widget,
             GHashTable *typing)
{
  Shown *shown = shown_lookup (widget);

  if (shown && shown->display && shown_is_edited (widget, shown))
    {
      Shown *copy = g_new0 (Shown, 1);

      copy->key = g_strdup (shown->key);
      copy->stored = g_strdup (shown->stored);
      copy->display = g_strdup (shown->display);
      copy->typed = editor_dup_text (widget);
      g_hash_table_replace (typing, copy->key, copy);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    save_typing (child, typing);
}

/**
 * tandem_shown_field_is_released:
 * @editor: an editor
 *
 * Returns: whether tandem_shown_field_release() let the next fill replace
 *   what @editor holds
 */
gboolean
tandem_shown_field_is_released (GtkWidget *editor)
{
  Shown *shown = shown_lookup (editor);

  return shown != NULL && shown->released;
}

/**
 * tandem_shown_field_save_typing:
 * @container: a pane about to be rebuilt
 *
 * Keeps what the person is typing in the editors in @container, for
 * tandem_shown_field_restore_typing() to put back into the new editors of
 * the same fields.
 *
 * Returns: (transfer full): what is being typed, by field
 */
GHashTable *
tandem_shown_field_save_typing (GtkWidget *container)
{
  GHashTable *typing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shown_free);

  save_typing (container, typing);
  return typing;
}

/**
 * tandem_shown_field_restore_typing:
 * @container: a pane just rebuilt
 * @typing: what tandem_shown_field_save_typing() kept
 *
 * Puts what the person was typing back into the new editors of the same
 * fields, with what those editors had started from: a save from them is
 * checked against that, not against what the rebuilt pane was given.
 */
void
tandem_shown_field_restore_typing (GtkWidget  *container,
                                   GHashTable *typing)
{
  Shown *shown = shown_lookup (container);
  Shown *saved = shown ? g_hash_table_lookup (typing, shown->key) : NULL;

  if (saved)
    {
      /* What the rebuilt editor was given waits until the person leaves it. */
      g_free (shown->pending_stored);
      shown->pending_stored = g_steal_pointer (&shown->stored);
      g_free (shown->pending_display);
      shown->pending_display = g_steal_pointer (&shown->display);
      shown->pending = TRUE;
      shown->stored = g_strdup (saved->stored);
      shown->display = g_strdup (saved->display);
      editor_set_text (container, saved->typed);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (container); child;
       child = gtk_widget_get_next_sibling (child))
    tandem_shown_field_restore_typing (child, typing);
}

/* Who changed the field first, from the conflict just kept. */
static char *
dup_their_name (TandemProject *project,
                const char    *entity_id,
                const char    *field)
{
  g_autoptr(GPtrArray) conflicts = project ? tandem_project_list_conflicts (project) : NULL;
  char *name = NULL;

  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      TandemConflict *c = conflicts->pdata[i];

      if (g_strcmp0 (c->entity_id, entity_id) == 0 && g_strcmp0 (c->field, field) == 0 &&
          c->theirs_author && *c->theirs_author)
        {
          g_free (name);
          name = g_strdup (c->theirs_author);
        }
    }
  return name;
}

/**
 * tandem_shown_field_report_conflict:
 * @page: the page the editor is on
 * @entity_id: the item whose field met someone else's change
 * @field: the field
 * @error: the %TANDEM_PROJECT_ERROR_CONFLICT error
 *
 * Tells the person, in a toast over the window, that someone else changed
 * the field at the same time and both versions are kept, with a button that
 * opens the Conflicts window to choose.
 */
void
tandem_shown_field_report_conflict (TandemPage   *page,
                                    const char   *entity_id,
                                    const char   *field,
                                    const GError *error)
{
  TandemProject *project = tandem_page_get_project (page);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = dup_their_name (project, entity_id, field);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      tandem_page_show_error (page, _("Someone Else Changed This"), error);
      return;
    }
  if (name)
    title = g_strdup_printf (_("%s changed this at the same time — both versions are kept; "
                               "choose in Conflicts"), name);
  else
    title = g_strdup (_("Someone else changed this at the same time — both versions are kept; "
                        "choose in Conflicts"));
  toast = tandem_plain_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Conflicts"));
  adw_toast_set_action_name (toast, "win.review-conflicts");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * tandem_shown_field_take_conflict:
 * @page: the page the editor is on
 * @editor: (nullable): the editor the save came from
 * @entity_id: the item saved
 * @field: the field saved
 * @error: why the save failed
 *
 * After a save from @editor failed: if it met someone else's change, the
 * person is told (tandem_shown_field_report_conflict()) and @editor is
 * released, for the page to show the value that stands (what was typed is
 * kept in the conflict).
 *
 * Returns: %TRUE if @error was such a conflict; the page refreshes @editor
 */
gboolean
tandem_shown_field_take_conflict (TandemPage   *page,
                                  GtkWidget    *editor,
                                  const char   *entity_id,
                                  const char   *field,
                                  const GError *error)
{
  if (!g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
    return FALSE;
  tandem_shown_field_report_conflict (page, entity_id, field, error);
  if (editor)
    tandem_shown_field_release (editor);
  return TRUE;
}
