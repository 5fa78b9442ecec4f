/* tandem-standards-evidence-dialog.c — link a piece of evidence of any kind
 * to a standard: a measure, a change idea, a PDSA cycle, a coaching
 * session, a note or story typed in, or a file by reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is kept where it is: the evidence holds its path (chosen with a
 * file chooser or typed) or a web address, never a copy. What was typed
 * stays in the dialog when the evidence cannot be added, with the reason
 * above it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-date.h"
#include "tandem-enum-row.h"
#include "tandem-measure.h"
#include "tandem-standards-evidence-dialog.h"
#include "tandem-standards.h"

#define N_LINKED_KINDS (TANDEM_EVIDENCE_KIND_SESSION + 1)

struct _TandemStandardsEvidenceDialog
{
  AdwWindow                 parent_instance;

  GtkLabel                 *error_label;
  AdwComboRow              *standard_row;
  AdwComboRow              *type_row;
  AdwComboRow              *kind_row;
  AdwComboRow              *target_row;
  AdwEntryRow              *reference_row;
  AdwComboRow              *level_row;
  AdwEntryRow              *title_row;
  GtkWidget                *note_group;
  GtkTextView              *note_view;

  TandemProject            *project;
  char                     *team_id;
  TandemStandardsFramework *framework;
  /* what each kind that links to something in the project can link to */
  GPtrArray                *target_ids[N_LINKED_KINDS];
  GtkStringList            *target_names[N_LINKED_KINDS];
};

G_DEFINE_FINAL_TYPE (TandemStandardsEvidenceDialog, tandem_standards_evidence_dialog,
                     ADW_TYPE_WINDOW)

static void
show_error (TandemStandardsEvidenceDialog *self,
            const char                    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
kind_changed_cb (TandemStandardsEvidenceDialog *self)
{
  static const char * const titles[N_LINKED_KINDS] = {
    N_("_Measure"), N_("Change _idea"), N_("_PDSA cycle"), N_("Coachin_g session"),
  };
  TandemEvidenceKind kind = tandem_standards_evidence_dialog_get_kind (self);
  gboolean linked = kind < N_LINKED_KINDS;

  gtk_widget_set_visible (GTK_WIDGET (self->target_row), linked);
  if (linked)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _(titles[kind]));
      adw_combo_row_set_model (self->target_row, G_LIST_MODEL (self->target_names[kind]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                                   self->target_ids[kind]->len > 0 ? NULL
                                   : kind == TANDEM_EVIDENCE_KIND_MEASURE
                                   ? _("The team has no measures yet.")
                                   : kind == TANDEM_EVIDENCE_KIND_SESSION
                                   ? _("The team has no coaching sessions yet.")
                                   : kind == TANDEM_EVIDENCE_KIND_PDSA
                                   ? _("The team's driver diagrams have no PDSA cycles yet.")
                                   : _("The team's driver diagrams have no change ideas yet."));
    }
  gtk_widget_set_visible (self->note_group, kind == TANDEM_EVIDENCE_KIND_NOTE);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_row), kind == TANDEM_EVIDENCE_KIND_REFERENCE);
  /* A measure's level is worked out from its chart. */
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), kind != TANDEM_EVIDENCE_KIND_MEASURE);
  show_error (self, NULL);
}

static void
typed_cb (TandemStandardsEvidenceDialog *self)
{
  show_error (self, NULL);
}

static void
type_changed_cb (TandemStandardsEvidenceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  const TandemEvidenceType *type;
  g_autoptr(GString) asks = g_string_new (NULL);

  if (self->framework == NULL || selected >= self->framework->types->len)
    return;
  type = self->framework->types->pdata[selected];
  for (int l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
    if (type->asks[l] && *type->asks[l])
      g_string_append_printf (asks, "%s%s: %s", asks->len ? "; " : "",
                              tandem_standard_level_get_label (l), type->asks[l]);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->type_row), asks->str);
}

static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

/* A path this computer can check: not a web address, nor a Windows drive
 * or share another computer may reach. */
static gboolean
is_local_path (const char *reference)
{
  return reference[0] == '/' || reference[0] == '~';
}

/* The reference as kept: a file:// address becomes its path; a path
 * starting with ~ is the home folder's. NULL, with @message set, when a
 * path on this computer is not there. */
static char *
clean_reference (const char  *typed,
                 char       **message)
{
  g_autofree char *path = NULL;

  if (g_str_has_prefix (typed, "file://"))
    path = g_filename_from_uri (typed, NULL, NULL);
  else if (typed[0] == '~')
    path = g_build_filename (g_get_home_dir (), typed + 1, NULL);
  else
    path = g_strdup (typed);
  if (path == NULL)
    {
      *message = g_strdup_printf (_("“%s” is not a file's address: type its path, or use Choose "
                                    "File… to find it."), typed);
      return NULL;
    }
  if (is_local_path (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *message = g_strdup_printf (_("There is no file “%s” on this computer: check the path, or use "
                                    "Choose File… to find it."), path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemStandardsEvidenceDialog *self = TANDEM_STANDARDS_EVIDENCE_DIALOG (widget);
  TandemEvidenceKind kind = tandem_standards_evidence_dialog_get_kind (self);
  guint standard = adw_combo_row_get_selected (self->standard_row);
  guint type = adw_combo_row_get_selected (self->type_row);
  g_autofree char *title = row_text (self->title_row);
  g_autofree char *note = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  TandemEvidence evidence = { 0 };

  if (self->framework == NULL)
    return;
  if (standard >= self->framework->standards->len || type >= self->framework->types->len)
    {
      show_error (self, _("Choose the standard and the type of evidence."));
      return;
    }
  evidence.team_id = self->team_id;
  evidence.standard_id = ((TandemStandard *) self->framework->standards->pdata[standard])->id;
  evidence.type_id = ((TandemEvidenceType *) self->framework->types->pdata[type])->id;
  evidence.level = kind == TANDEM_EVIDENCE_KIND_MEASURE
                   ? TANDEM_STANDARD_LEVEL_NONE : (int) adw_combo_row_get_selected (self->level_row);
  evidence.title = title;
  if (kind < N_LINKED_KINDS)
    {
      guint target = adw_combo_row_get_selected (self->target_row);
      char *target_id;

      if (target >= self->target_ids[kind]->len)
        {
          show_error (self, adw_action_row_get_subtitle (ADW_ACTION_ROW (self->target_row)));
          return;
        }
      target_id = self->target_ids[kind]->pdata[target];
      if (kind == TANDEM_EVIDENCE_KIND_MEASURE)
        evidence.measure_id = target_id;
      else if (kind == TANDEM_EVIDENCE_KIND_CHANGE_IDEA)
        evidence.node_id = target_id;
      else if (kind == TANDEM_EVIDENCE_KIND_PDSA)
        evidence.pdsa_id = target_id;
      else
        evidence.session_id = target_id;
    }
  else if (kind == TANDEM_EVIDENCE_KIND_NOTE)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (*note == '\0')
        {
          show_error (self, _("Type the note or story first."));
          gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
          return;
        }
      evidence.note = note;
    }
  else
    {
      g_autofree char *typed = row_text (self->reference_row);

      if (typed == NULL)
        {
          show_error (self, _("Choose a file with Choose File…, or type a file's path or a web "
                              "address."));
          gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
          return;
        }
      reference = clean_reference (typed, &message);
      if (reference == NULL)
        {
          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
          return;
        }
      evidence.reference = reference;
    }

  id = tandem_evidence_add (self->project, &evidence, &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen_cb (GtkNativeDialog               *chooser,
                int                            response,
                TandemStandardsEvidenceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *uri = file && path == NULL ? g_file_get_uri (file) : NULL;

      if (path || uri)
        gtk_editable_set_text (GTK_EDITABLE (self->reference_row), path ? path : uri);
      show_error (self, NULL);
    }
  g_object_unref (chooser);
  gtk_window_present (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Evidence's File (Kept Where It Is)"),
                                         GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
tandem_standards_evidence_dialog_dispose (GObject *object)
{
  TandemStandardsEvidenceDialog *self = TANDEM_STANDARDS_EVIDENCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_EVIDENCE_DIALOG);
  G_OBJECT_CLASS (tandem_standards_evidence_dialog_parent_class)->dispose (object);
}

static void
tandem_standards_evidence_dialog_finalize (GObject *object)
{
  TandemStandardsEvidenceDialog *self = TANDEM_STANDARDS_EVIDENCE_DIALOG (object);

  g_clear_object (&self->project);
  g_free (self->team_id);
  g_clear_pointer (&self->framework, tandem_standards_framework_free);
  for (guint k = 0; k < N_LINKED_KINDS; k++)
    {
      g_clear_pointer (&self->target_ids[k], g_ptr_array_unref);
      g_clear_object (&self->target_names[k]);
    }
  G_OBJECT_CLASS (tandem_standards_evidence_dialog_parent_class)->finalize (object);
}

static void
tandem_standards_evidence_dialog_class_init (TandemStandardsEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_evidence_dialog_dispose;
  object_class->finalize = tandem_standards_evidence_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, standard_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceDialog, note_view);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "evidence.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "evidence.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "evidence.add", NULL);
}

static void
tandem_standards_evidence_dialog_init (TandemStandardsEvidenceDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (kinds, _("A measure (its level from its chart)"));
  gtk_string_list_append (kinds, _("A change idea"));
  gtk_string_list_append (kinds, _("A PDSA cycle"));
  gtk_string_list_append (kinds, _("A coaching session"));
  gtk_string_list_append (kinds, _("A note or story"));
  gtk_string_list_append (kinds, _("A file or web address (kept where it is)"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    gtk_string_list_append (levels, tandem_standard_level_get_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  for (guint k = 0; k < N_LINKED_KINDS; k++)
    {
      self->target_ids[k] = g_ptr_array_new_with_free_func (g_free);
      self->target_names[k] = gtk_string_list_new (NULL);
    }
  gtk_widget_set_name (GTK_WIDGET (self->kind_row), "evidence-kind");
  gtk_widget_set_name (GTK_WIDGET (self->reference_row), "evidence-reference");
  gtk_widget_set_name (GTK_WIDGET (self->note_view), "evidence-note");
  gtk_widget_set_name (GTK_WIDGET (self->title_row), "evidence-title");
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (type_changed_cb), self);
  g_signal_connect_swapped (self->reference_row, "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (typed_cb), self);
  tandem_combo_row_show_whole_labels (self->kind_row);
  tandem_combo_row_show_whole_labels (self->target_row);
}

static void
add_target (TandemStandardsEvidenceDialog *self,
            TandemEvidenceKind             kind,
            const char                    *id,
            const char                    *name)
{
  g_ptr_array_add (self->target_ids[kind], g_strdup (id));
  gtk_string_list_append (self->target_names[kind], name);
}

/**
 * tandem_standards_evidence_dialog_new:
 * @parent: (nullable): the project window
 * @project: the project
 * @team_id: the team whose evidence it is
 * @error: return location for an error
 *
 * The dialog offers the framework's standards and types of evidence, and
 * the team's measures, change ideas, PDSA cycles and coaching sessions (by
 * date); it adds the evidence itself when asked and closes. Escape cancels.
 *
 * Returns: (transfer full) (nullable): the dialog, not yet shown, or %NULL
 *   if the framework could not be read
 */
TandemStandardsEvidenceDialog *
tandem_standards_evidence_dialog_new (GtkWindow      *parent,
                                      TandemProject  *project,
                                      const char     *team_id,
                                      GError        **error)
{
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GtkStringList) standards = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  TandemStandardsEvidenceDialog *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  framework = tandem_standards_framework_load (project, error);
  if (framework == NULL ||
      (measures = tandem_measure_list (project, team_id, error)) == NULL ||
      (targets = tandem_measure_list_link_targets (project, team_id, error)) == NULL ||
      (sessions = tandem_coaching_list_sessions (project, team_id, NULL, NULL, TRUE, error)) == NULL)
    return NULL;

  self = g_object_new (TANDEM_TYPE_STANDARDS_EVIDENCE_DIALOG,
                       "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->team_id = g_strdup (team_id);
  for (guint i = 0; i < framework->standards->len; i++)
    gtk_string_list_append (standards, ((TandemStandard *) framework->standards->pdata[i])->title);
  for (guint i = 0; i < framework->types->len; i++)
    gtk_string_list_append (types, ((TandemEvidenceType *) framework->types->pdata[i])->title);
  self->framework = g_steal_pointer (&framework);

  for (guint i = 0; i < measures->len; i++)
    {
      const TandemMeasure *measure = measures->pdata[i];

      add_target (self, TANDEM_EVIDENCE_KIND_MEASURE, measure->id, measure->name);
    }
  for (guint i = 0; i < targets->len; i++)
    {
      const TandemLinkTarget *target = targets->pdata[i];

      if (target->pdsa_id == NULL)
        add_target (self, TANDEM_EVIDENCE_KIND_CHANGE_IDEA, target->node_id, target->title);
      else
        {
          g_autofree char *day = tandem_describe_date (target->started_on);
          g_autofree char *name = target->started_on
                                  ? g_strdup_printf (_("%s (%s, begun %s)"), target->title,
                                                     target->idea_title, day)
                                  : g_strdup_printf ("%s (%s)", target->title, target->idea_title);

          add_target (self, TANDEM_EVIDENCE_KIND_PDSA, target->pdsa_id, name);
        }
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      const TandemSession *session = sessions->pdata[i];
      g_autofree char *date = g_strndup (session->starts_at, 10);
      g_autofree char *day = tandem_describe_date (date);
      g_autofree char *name = g_strdup_printf (session->private ? _("%s, %s (private)") : "%s, %s",
                                               day, tandem_coaching_kind_label (session->kind));

      add_target (self, TANDEM_EVIDENCE_KIND_SESSION, session->id, name);
    }

  adw_combo_row_set_model (self->standard_row, G_LIST_MODEL (standards));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  type_changed_cb (self);
  kind_changed_cb (self);
  return self;
}

/**
 * tandem_standards_evidence_dialog_set_kind:
 * @self: the dialog
 * @kind: what the evidence is
 */
void
tandem_standards_evidence_dialog_set_kind (TandemStandardsEvidenceDialog *self,
                                           TandemEvidenceKind             kind)
{
  g_return_if_fail (TANDEM_IS_STANDARDS_EVIDENCE_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

/**
 * tandem_standards_evidence_dialog_get_kind:
 * @self: the dialog
 *
 * Returns: what the evidence is, as chosen
 */
TandemEvidenceKind
tandem_standards_evidence_dialog_get_kind (TandemStandardsEvidenceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected <= TANDEM_EVIDENCE_KIND_REFERENCE ? (TandemEvidenceKind) selected
                                                    : TANDEM_EVIDENCE_KIND_MEASURE;
}
