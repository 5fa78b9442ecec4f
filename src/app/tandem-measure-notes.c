/* tandem-measure-notes.c — a measure's phases and the notes on its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists, each with a form below it: the phases (each with its own
 * centre line and limits) and the numbered notes on the chart, with what
 * each is about. A row's buttons are the page's "measures.edit-phase",
 * "measures.delete-phase", "measures.edit-note" and "measures.delete-note"
 * actions with the row's id; the forms' buttons are "measures.add-phase"
 * and "measures.add-note", which call the functions here. A problem is
 * reported by the "failed" signal.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-entry.h"
#include "tandem-link-target-drop-down.h"
#include "tandem-measure-notes.h"
#include "tandem-page.h"
#include "tandem-shown-field.h"

struct _TandemMeasureNotes
{
  GtkBox           parent_instance;

  GtkListBox      *phase_list;
  TandemDateEntry *phase_date_entry;
  GtkEntry        *phase_label_entry;
  GtkListBox      *annotation_list;
  TandemDateEntry *annotation_date_entry;
  GtkEntry        *annotation_text_entry;
  GtkWidget       *link_line;
  GtkDropDown     *annotation_link_drop;

  TandemProject   *project;
  TandemMeasure   *measure;
  GPtrArray       *targets;      /* what the drop-down offers */
  gboolean         editable;
};

G_DEFINE_FINAL_TYPE (TandemMeasureNotes, tandem_measure_notes, GTK_TYPE_BOX)

enum { FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fail (TandemMeasureNotes *self,
      const char         *heading,
      const GError       *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

static char *
nice_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  text = g_date_time_format (dt, "%-d %b %Y");
  return g_strdup (g_strstrip (text));
}

static GtkWidget *
child_row (TandemMeasureNotes *self,
           gboolean            phase,
           const char         *id,
           const char         *title,
           const char         *subtitle,
           const char         *edit_label,
           const char         *delete_label)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (id == NULL)
    return row;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->editable);
  /* Read-only, the row is not a button at all (and is not greyed out). */
  if (self->editable)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), phase ? "measures.edit-phase" : "measures.edit-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);

  for (guint k = 0; k < 2; k++)
    {
      const char *label = k == 0 ? edit_label : delete_label;
      GtkWidget *button = gtk_button_new_from_icon_name (k == 0 ? "document-edit-symbolic"
                                                                : "user-trash-symbolic");
      g_autofree char *accessible = g_strdup_printf ("%s: %s", label, title);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                      k == 0 ? (phase ? "measures.edit-phase" : "measures.edit-note")
                                             : (phase ? "measures.delete-phase" : "measures.delete-note"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
fill_children (TandemMeasureNotes *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list))))
    gtk_list_box_remove (self->phase_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->annotation_list))))
    gtk_list_box_remove (self->annotation_list, child);
  if (self->measure == NULL)
    return;

  for (guint i = 0; i < self->measure->phases->len; i++)
    {
      const TandemPhase *phase = self->measure->phases->pdata[i];
      g_autofree char *date = nice_date (phase->starts_on);
      g_autofree char *subtitle = g_strdup_printf (_("Starts on %s"), date);

      gtk_list_box_append (self->phase_list,
                           child_row (self, TRUE, phase->id,
                                      phase->label && *phase->label ? phase->label : _("New phase"),
                                      subtitle, _("Change Phase"), _("Delete Phase")));
    }
  for (guint i = 0; i < self->measure->annotations->len; i++)
    {
      const TandemAnnotation *annotation = self->measure->annotations->pdata[i];
      g_autofree char *date = nice_date (annotation->date);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      if (annotation->from_link)
        {
          title = g_strdup_printf (_("%u. PDSA cycle: %s"), i + 1,
                                   annotation->linked_title ? annotation->linked_title : "");
          subtitle = g_strdup_printf (_("%s · the start of a test of a linked change idea"), date);
        }
      else
        {
          title = g_strdup_printf ("%u. %s", i + 1,
                                   annotation->text ? annotation->text
                                   : annotation->linked_title ? annotation->linked_title : "");
          subtitle = annotation->linked_title
                     ? g_strdup_printf (annotation->pdsa_id ? _("%s · about the PDSA cycle “%s”")
                                                            : _("%s · about the change idea “%s”"),
                                        date, annotation->linked_title)
                     : g_strdup (date);
        }
      escaped = g_markup_escape_text (subtitle, -1);
      gtk_list_box_append (self->annotation_list,
                           child_row (self, FALSE, annotation->from_link ? NULL : annotation->id,
                                      title, escaped, _("Change Note"), _("Delete Note")));
    }
  /* An empty boxed list is drawn as a stray line. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_list), self->measure->phases->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), self->measure->annotations->len > 0);
}

/**
 * tandem_measure_notes_set_measure:
 * @self: the lists
 * @project: (nullable): the project
 * @measure: (nullable): the measure shown
 * @targets: (element-type TandemLinkTarget) (nullable): what a new note
 *   can be about: the team's change ideas and PDSA cycles
 * @editable: whether the rows are buttons that change them
 *
 * Shows the measure's phases and notes; what the note form is about stays
 * chosen if it is still offered.
 */
void
tandem_measure_notes_set_measure (TandemMeasureNotes *self,
                                  TandemProject      *project,
                                  TandemMeasure      *measure,
                                  GPtrArray          *targets,
                                  gboolean            editable)
{
  const TandemLinkTarget *chosen;
  g_autoptr(GListModel) model = NULL;

  g_return_if_fail (TANDEM_IS_MEASURE_NOTES (self));

  g_set_object (&self->project, project);
  if (measure != NULL)
    tandem_measure_ref (measure);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  self->measure = measure;
  self->editable = editable;
  fill_children (self);

  chosen = tandem_link_target_at (self->targets, gtk_drop_down_get_selected (self->annotation_link_drop));
  model = tandem_link_target_model_new (targets);
  gtk_drop_down_set_model (self->annotation_link_drop, model);
  gtk_drop_down_set_selected (self->annotation_link_drop,
                              chosen ? tandem_link_target_position (targets, chosen->node_id, chosen->pdsa_id) : 0);
  if (targets != NULL)
    g_ptr_array_ref (targets);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = targets;
  gtk_widget_set_sensitive (GTK_WIDGET (self->annotation_link_drop), editable);
}

/**
 * tandem_measure_notes_start_at:
 * @self: the lists
 * @date: the date of the value chosen in the data table
 *
 * The forms for a new phase or note start at the chosen value's date
 * (what the person is typing is kept, see tandem-shown-field.c).
 */
void
tandem_measure_notes_start_at (TandemMeasureNotes *self,
                               const char         *date)
{
  g_return_if_fail (TANDEM_IS_MEASURE_NOTES (self));

  if (self->measure == NULL)
    return;
  tandem_shown_field_fill (GTK_WIDGET (self->phase_date_entry), self->project, "new-phase",
                           self->measure->id, "starts_on", date);
  tandem_shown_field_fill (GTK_WIDGET (self->annotation_date_entry), self->project, "new-note",
                           self->measure->id, "date", date);
}

/* Reads the date of a new phase or note, or says what is wrong. */
static gboolean
read_child_date (TandemMeasureNotes *self,
                 TandemDateEntry    *entry,
                 char                date[11])
{
  g_autoptr(GError) error = NULL;

  if (tandem_date_entry_get_date (entry, date))
    return TRUE;
  error = g_error_new_literal (TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("Type the date as 2026-03-02 or 02/03/2026 (day, month, year)."));
  fail (self, _("Check the Date"), error);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  return FALSE;
}

/**
 * tandem_measure_notes_add_phase:
 * @self: the lists
 *
 * Starts the phase typed in the form, as one undoable edit.
 *
 * Returns: (transfer full) (nullable): the new phase's id, or %NULL
 *   ("failed" says why)
 */
char *
tandem_measure_notes_add_phase (TandemMeasureNotes *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phase_label_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  char *id = NULL;
  char date[11];

  g_return_val_if_fail (TANDEM_IS_MEASURE_NOTES (self), NULL);

  if (self->project == NULL || self->measure == NULL || !read_child_date (self, self->phase_date_entry, date))
    return NULL;
  id = tandem_measure_save_phase (self->project, self->measure, NULL, date, stripped, -1, &error);
  if (id == NULL)
    {
      fail (self, _("Could Not Start the Phase"), error);
      gtk_widget_grab_focus (*stripped ? GTK_WIDGET (self->phase_date_entry)
                                       : GTK_WIDGET (self->phase_label_entry));
      return NULL;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->phase_label_entry), "");
  return id;
}

/**
 * tandem_measure_notes_add_note:
 * @self: the lists
 *
 * Adds the note typed in the form, about what its drop-down chose, as one
 * undoable edit.
 *
 * Returns: (transfer full) (nullable): the new note's id, or %NULL
 *   ("failed" says why)
 */
char *
tandem_measure_notes_add_note (TandemMeasureNotes *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->annotation_text_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const TandemLinkTarget *target = NULL;
  g_autoptr(GError) error = NULL;
  char *id = NULL;
  char date[11];

  g_return_val_if_fail (TANDEM_IS_MEASURE_NOTES (self), NULL);

  target = tandem_link_target_at (self->targets, gtk_drop_down_get_selected (self->annotation_link_drop));
  if (self->project == NULL || self->measure == NULL ||
      !read_child_date (self, self->annotation_date_entry, date))
    return NULL;
  id = tandem_measure_save_note (self->project, self->measure, NULL, date, stripped,
                                 target ? target->node_id : NULL, target ? target->pdsa_id : NULL, &error);
  if (id == NULL)
    {
      fail (self, _("Could Not Add the Note"), error);
      gtk_widget_grab_focus (*stripped || target ? GTK_WIDGET (self->annotation_date_entry)
                                                 : GTK_WIDGET (self->annotation_text_entry));
      return NULL;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->annotation_text_entry), "");
  gtk_drop_down_set_selected (self->annotation_link_drop, 0);
  return id;
}

/**
 * tandem_measure_notes_delete:
 * @self: the lists
 * @phase: whether @id is a phase, else a note
 * @id: the phase or note
 *
 * Deletes it, as one undoable edit, and says so.
 *
 * Returns: whether it was deleted ("failed" says why not)
 */
gboolean
tandem_measure_notes_delete (TandemMeasureNotes *self,
                             gboolean            phase,
                             const char         *id)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);
  g_autofree char *copy = g_strdup (id);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_MEASURE_NOTES (self), FALSE);

  if (self->project == NULL || !self->editable)
    return FALSE;
  if (!(phase ? tandem_measure_delete_phase (self->project, copy, &error)
              : tandem_measure_delete_note (self->project, copy, &error)))
    {
      fail (self, _("Could Not Delete"), error);
      return FALSE;
    }
  if (page != NULL)
    tandem_page_show_toast (TANDEM_PAGE (page), phase ? _("Phase deleted") : _("Note deleted"), TRUE);
  return TRUE;
}

GtkWidget *
tandem_measure_notes_new (void)
{
  return g_object_new (TANDEM_TYPE_MEASURE_NOTES, NULL);
}

static void
tandem_measure_notes_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_MEASURE_NOTES);
  G_OBJECT_CLASS (tandem_measure_notes_parent_class)->dispose (object);
}

static void
tandem_measure_notes_finalize (GObject *object)
{
  TandemMeasureNotes *self = TANDEM_MEASURE_NOTES (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_measure_notes_parent_class)->finalize (object);
}

static void
tandem_measure_notes_class_init (TandemMeasureNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_measure_notes_dispose;
  object_class->finalize = tandem_measure_notes_finalize;

  /**
   * TandemMeasureNotes::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-measure-notes.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemMeasureNotes, name)
  CHILD (phase_list);
  CHILD (phase_date_entry);
  CHILD (phase_label_entry);
  CHILD (annotation_list);
  CHILD (annotation_date_entry);
  CHILD (annotation_text_entry);
  CHILD (link_line);
#undef CHILD
}

static void
tandem_measure_notes_init (TandemMeasureNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tandem_date_entry_get_entry (self->phase_date_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New phase starts on"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tandem_date_entry_get_entry (self->annotation_date_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date of the note"), -1);
  self->annotation_link_drop = tandem_link_target_drop_down_new (NULL, _("The PDSA cycle or change idea the note is about"));
  gtk_box_prepend (GTK_BOX (self->link_line), GTK_WIDGET (self->annotation_link_drop));
}
