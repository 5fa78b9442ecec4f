/* tandem-author-prompt.c — asking, once and kindly, for the name written on
 * a person's changes when they have never set one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-author-prompt.h"
#include "tandem-wrap-layout.h"

struct _TandemAuthorPrompt
{
  AdwBin         parent_instance;

  GtkWidget     *revealer;
  GtkWidget     *label;

  GSettings     *settings;
  TandemProject *project;
};

G_DEFINE_FINAL_TYPE (TandemAuthorPrompt, tandem_author_prompt, ADW_TYPE_BIN)

static const char *
account_name (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || *real == '\0' || g_str_equal (real, "Unknown"))
    real = g_get_user_name ();
  return real;
}

static gboolean
should_ask (TandemAuthorPrompt *self)
{
  g_autofree char *name = NULL;

  if (self->settings == NULL || self->project == NULL ||
      tandem_project_get_read_only (self->project) ||
      g_settings_get_boolean (self->settings, "author-asked"))
    return FALSE;
  name = g_settings_get_string (self->settings, "author-name");
  return *g_strstrip (name) == '\0';
}

static void
update (TandemAuthorPrompt *self)
{
  gboolean ask = should_ask (self);

  if (ask)
    {
      /* Translators: %s is the name of the person's computer account */
      g_autofree char *text = g_strdup_printf (_("Your changes are signed “%s”, your account’s "
                                                 "name. Is that the name your team knows you "
                                                 "by?"), account_name ());
      gtk_label_set_label (GTK_LABEL (self->label), text);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), ask);
}

static void
settings_changed_cb (GSettings          *settings,
                     const char         *key,
                     TandemAuthorPrompt *self)
{
  update (self);
}

static void
name_changed_cb (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
name_activated_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  /* As the Save button does: answer, then close (a response by itself
   * leaves the dialog open). */
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    {
      adw_message_dialog_response (dialog, "save");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
dialog_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    TandemAuthorPrompt *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (self->settings == NULL)
    return;
  if (g_str_equal (response, "save"))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      if (*name)
        g_settings_set_string (self->settings, "author-name", name);
    }
  /* Asked once: whatever the answer, never again (Preferences can change it). */
  g_settings_set_boolean (self->settings, "author-asked", TRUE);
}

static void
set_name_clicked_cb (GtkButton          *button,
                     TandemAuthorPrompt *self)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Your Name"),
                                   _("This name is written on every change you make, so that "
                                     "your team can see who added and changed what. You can "
                                     "change it later in Preferences."));
  gtk_editable_set_text (GTK_EDITABLE (entry), account_name ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Not Now"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
keep_clicked_cb (GtkButton          *button,
                 TandemAuthorPrompt *self)
{
  if (self->settings)
    g_settings_set_boolean (self->settings, "author-asked", TRUE);
}

static void
tandem_author_prompt_dispose (GObject *object)
{
  TandemAuthorPrompt *self = TANDEM_AUTHOR_PROMPT (object);

  if (self->settings)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_author_prompt_parent_class)->dispose (object);
}

static void
tandem_author_prompt_class_init (TandemAuthorPromptClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_author_prompt_dispose;
}

static void
tandem_author_prompt_init (TandemAuthorPrompt *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *answers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *set_name = gtk_button_new_with_mnemonic (_("Set Your _Name…"));
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep It"));

  self->revealer = gtk_revealer_new ();
  gtk_widget_add_css_class (box, "read-only-bar");
  self->label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_valign (answers, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (set_name, _("Choose the name written on your changes"));
  gtk_widget_set_tooltip_text (keep, _("Sign changes with your account’s name, and do not ask again"));
  gtk_widget_add_css_class (keep, "flat");
  g_signal_connect (set_name, "clicked", G_CALLBACK (set_name_clicked_cb), self);
  g_signal_connect (keep, "clicked", G_CALLBACK (keep_clicked_cb), self);
  /* The answers side by side, or one above the other in a narrow window. */
  gtk_widget_set_layout_manager (answers, tandem_wrap_layout_new (6));
  gtk_box_append (GTK_BOX (answers), set_name);
  gtk_box_append (GTK_BOX (answers), keep);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), answers);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  adw_bin_set_child (ADW_BIN (self), self->revealer);
}

GtkWidget *
tandem_author_prompt_new (void)
{
  return g_object_new (TANDEM_TYPE_AUTHOR_PROMPT, NULL);
}

/**
 * tandem_author_prompt_set_project:
 * @self: a prompt
 * @settings: (nullable): the application's settings
 * @project: (nullable): the project the window shows
 *
 * Shows the prompt when @project can be edited, no author name was ever set
 * and the person was never asked; it hides for good once they answer either
 * way, in every window.
 */
void
tandem_author_prompt_set_project (TandemAuthorPrompt *self,
                                  GSettings          *settings,
                                  TandemProject      *project)
{
  g_return_if_fail (TANDEM_IS_AUTHOR_PROMPT (self));

  if (settings != self->settings)
    {
      if (self->settings)
        g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
      g_set_object (&self->settings, settings);
      if (settings)
        g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
    }
  g_set_object (&self->project, project);
  update (self);
}

gboolean
tandem_author_prompt_is_asking (TandemAuthorPrompt *self)
{
  g_return_val_if_fail (TANDEM_IS_AUTHOR_PROMPT (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}
