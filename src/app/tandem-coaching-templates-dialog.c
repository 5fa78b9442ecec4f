/* tandem-coaching-templates-dialog.c — Your Templates: rename one in place
 * (Enter or the tick applies), or delete it; the page offers Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-coaching-templates-dialog.h"

struct _TandemCoachingTemplatesDialog
{
  AdwMessageDialog  parent_instance;

  GtkListBox       *list;

  TandemProject    *project;
  GPtrArray        *templates;  /* the coach's own TandemCoachingTemplate, one per row */
  gboolean          editable;
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCoachingTemplatesDialog, tandem_coaching_templates_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The template a row (or a button in it) stands for. */
static const TandemCoachingTemplate *
template_for (TandemCoachingTemplatesDialog *self,
              GtkWidget                     *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  int index = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  if (index < 0 || self->templates == NULL || (guint) index >= self->templates->len)
    return NULL;
  return self->templates->pdata[index];
}

static void
fail (TandemCoachingTemplatesDialog *self,
      const char                    *title,
      const GError                  *error)
{
  g_signal_emit (self, signals[FAILED], 0, title, error);
}

static void
renamed_cb (AdwEntryRow                   *row,
            TandemCoachingTemplatesDialog *self)
{
  const TandemCoachingTemplate *template_ = template_for (self, GTK_WIDGET (row));
  g_autofree char *id = template_ ? g_strdup (template_->id) : NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL)
    return;
  if (!tandem_coaching_rename_template (self->project, id,
                                        gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    fail (self, _("Could Not Rename the Template"), error);
  else
    g_signal_emit (self, signals[CHANGED], 0, _("Template renamed"));
}

static void
delete_clicked_cb (GtkButton                     *button,
                   TandemCoachingTemplatesDialog *self)
{
  const TandemCoachingTemplate *template_ = template_for (self, GTK_WIDGET (button));
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (template_ == NULL)
    return;
  /* Copied: deleting reloads the list, and the template with it. */
  id = g_strdup (template_->id);
  title = g_strdup_printf (_("Template “%s” deleted"), template_->name);
  if (!tandem_coaching_delete_template (self->project, id, &error))
    fail (self, _("Could Not Delete the Template"), error);
  else
    g_signal_emit (self, signals[CHANGED], 0, title);
}

static GtkWidget *
template_row (TandemCoachingTemplatesDialog *self,
              const TandemCoachingTemplate  *template_)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), template_->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Template name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), template_->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (row), self->editable);
  g_signal_connect_object (row, "apply", G_CALLBACK (renamed_cb), self, 0);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  gtk_widget_set_sensitive (button, self->editable);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

static void
tandem_coaching_templates_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  TandemCoachingTemplatesDialog *self = TANDEM_COACHING_TEMPLATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_templates_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  TandemCoachingTemplatesDialog *self = TANDEM_COACHING_TEMPLATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      tandem_coaching_templates_dialog_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_templates_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (tandem_coaching_templates_dialog_parent_class)->constructed (object);
  tandem_coaching_templates_dialog_reload (TANDEM_COACHING_TEMPLATES_DIALOG (object));
}

static void
tandem_coaching_templates_dialog_dispose (GObject *object)
{
  TandemCoachingTemplatesDialog *self = TANDEM_COACHING_TEMPLATES_DIALOG (object);

  /* Rows go first, removed from their list: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->list)
    clear_list (self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_TEMPLATES_DIALOG);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_coaching_templates_dialog_parent_class)->dispose (object);
}

static void
tandem_coaching_templates_dialog_class_init (TandemCoachingTemplatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_coaching_templates_dialog_get_property;
  object_class->set_property = tandem_coaching_templates_dialog_set_property;
  object_class->constructed = tandem_coaching_templates_dialog_constructed;
  object_class->dispose = tandem_coaching_templates_dialog_dispose;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCoachingTemplatesDialog::changed:
   * @message: what was done, for a toast that offers Undo
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TandemCoachingTemplatesDialog::failed:
   * @title: what could not be done
   * @error: why
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-coaching-templates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingTemplatesDialog, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_coaching_templates_dialog_init (TandemCoachingTemplatesDialog *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_coaching_templates_dialog_new:
 * @parent: (nullable): the project window
 * @project: the project whose templates to show
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
TandemCoachingTemplatesDialog *
tandem_coaching_templates_dialog_new (GtkWindow     *parent,
                                      TandemProject *project)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return g_object_new (TANDEM_TYPE_COACHING_TEMPLATES_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "project", project,
                       NULL);
}

/**
 * tandem_coaching_templates_dialog_reload:
 * @self: the dialog
 *
 * Shows the templates the file holds now (after a rename, a delete or Undo).
 */
void
tandem_coaching_templates_dialog_reload (TandemCoachingTemplatesDialog *self)
{
  g_return_if_fail (TANDEM_IS_COACHING_TEMPLATES_DIALOG (self));

  clear_list (self->list);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  if (self->project == NULL)
    return;
  self->templates = tandem_coaching_list_templates (self->project);
  /* The templates that come with Tandem cannot be renamed or deleted. */
  for (guint i = self->templates->len; i > 0; i--)
    if (((TandemCoachingTemplate *) self->templates->pdata[i - 1])->id == NULL)
      g_ptr_array_remove_index (self->templates, i - 1);
  for (guint i = 0; i < self->templates->len; i++)
    gtk_list_box_append (self->list, template_row (self, self->templates->pdata[i]));
  if (self->templates->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No templates of your own. Save a session as a template "
                                       "to start new sessions from it."));
      gtk_list_box_append (self->list, row);
    }
}

/**
 * tandem_coaching_templates_dialog_get_n_templates:
 * @self: the dialog
 *
 * Returns: how many of the coach's own templates the dialog lists
 */
guint
tandem_coaching_templates_dialog_get_n_templates (TandemCoachingTemplatesDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_TEMPLATES_DIALOG (self), 0);
  return self->templates ? self->templates->len : 0;
}

gboolean
tandem_coaching_templates_dialog_get_editable (TandemCoachingTemplatesDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_TEMPLATES_DIALOG (self), FALSE);
  return self->editable;
}

/**
 * tandem_coaching_templates_dialog_set_editable:
 * @self: the dialog
 * @editable: whether the templates may be renamed and deleted (not in a
 *   project opened read-only)
 */
void
tandem_coaching_templates_dialog_set_editable (TandemCoachingTemplatesDialog *self,
                                               gboolean                       editable)
{
  g_return_if_fail (TANDEM_IS_COACHING_TEMPLATES_DIALOG (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  tandem_coaching_templates_dialog_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
