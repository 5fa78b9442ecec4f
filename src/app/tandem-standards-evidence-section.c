/* tandem-standards-evidence-section.c — the Standards page's Evidence: a
 * row per piece of evidence, the standards with none yet, and Add Evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page hands it the team's figures on every reload; its actions
 * (standards.add-evidence, standards.remove-evidence and
 * standards.open-evidence) are the section's own, each one change through
 * the core, after which the page reloads and shows the section again.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-page.h"
#include "tandem-standards-evidence-dialog.h"
#include "tandem-standards-evidence-section.h"
#include "tandem-standards-row.h"

struct _TandemStandardsEvidenceSection
{
  AdwPreferencesGroup  parent_instance;

  GtkLabel            *unevidenced_label;
  GtkListBox          *evidence_list;
  GtkWidget           *evidence_form;

  GListStore          *rows;
  TandemProject       *project;
  char                *team_id;
  GHashTable          *references;   /* evidence id → its file or web address */
};

G_DEFINE_FINAL_TYPE (TandemStandardsEvidenceSection, tandem_standards_evidence_section,
                     ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (TandemStandardsEvidenceSection *self,
            const char                     *heading,
            const GError                   *error)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  if (page)
    tandem_page_show_error (TANDEM_PAGE (page), heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

/* A web address, not a file's path (nor a Windows drive letter, “S:/…”). */
static gboolean
is_web_address (const char *reference)
{
  g_autofree char *scheme = g_uri_parse_scheme (reference);

  return (scheme != NULL && strlen (scheme) > 1 && !g_str_equal (scheme, "file")) ||
         g_str_has_prefix (reference, "www.");
}

/* The path a file reference names on this computer. */
static char *
reference_path (const char *reference)
{
  if (g_str_has_prefix (reference, "file:"))
    return g_filename_from_uri (reference, NULL, NULL);
  return g_strdup (reference);
}

/* What a piece of evidence is, in words: its kind, then what it links to. */
static char *
describe_evidence (const TandemEvidenceItem *item,
                   gboolean                 *is_file)
{
  const TandemEvidence *evidence = item->evidence;

  *is_file = FALSE;
  if (evidence->measure_id)
    return g_strdup_printf (_("Measure: %s"), item->what);
  if (evidence->node_id)
    return g_strdup_printf (_("Change idea: %s"), item->what);
  if (evidence->pdsa_id)
    return g_strdup_printf (_("PDSA cycle: %s"), item->what);
  if (evidence->session_id)
    return g_strdup (item->what);
  if (evidence->note)
    return evidence->title ? g_strdup_printf (_("Note or story, “%s”: %s"), evidence->title, item->what)
                           : g_strdup_printf (_("Note or story: %s"), item->what);
  if (evidence->reference && is_web_address (evidence->reference))
    return evidence->title ? g_strdup_printf (_("Web page, “%s”: %s"), evidence->title, evidence->reference)
                           : g_strdup_printf (_("Web page: %s"), evidence->reference);
  if (evidence->reference)
    {
      g_autofree char *path = reference_path (evidence->reference);
      gboolean found = path != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
      g_autofree char *named = evidence->title
                               ? g_strdup_printf (_("File (kept where it is), “%s”: %s"),
                                                  evidence->title, evidence->reference)
                               : g_strdup_printf (_("File (kept where it is): %s"),
                                                  evidence->reference);

      *is_file = TRUE;
      return found ? g_steal_pointer (&named)
                   : g_strdup_printf (_("%s. Not found on this computer: it may have been moved "
                                        "or renamed, or be on a drive this computer cannot reach"),
                                      named);
    }
  return g_strdup (item->what);
}

static const char *
standard_title (const TandemStandardsFramework *framework,
                const char                     *id)
{
  const TandemStandard *standard = tandem_standards_framework_find (framework, id);

  return standard ? standard->title : id;
}

static TandemStandardsRow *
evidence_row (const TandemStandardsFramework *framework,
              const TandemEvidenceItem       *item)
{
  const TandemEvidenceType *type = tandem_standards_framework_find_type (framework,
                                                                        item->evidence->type_id);
  g_autofree char *title = g_strdup_printf ("%s: %s",
                                            standard_title (framework, item->evidence->standard_id),
                                            type ? type->title : item->evidence->type_id);
  gboolean is_file;
  g_autofree char *what = describe_evidence (item, &is_file);
  g_autoptr(GString) subtitle = g_string_new (what);
  TandemStandardsRow *row;

  if (item->level == TANDEM_STANDARD_LEVEL_NONE)
    g_string_append (subtitle, _(". No level reached yet"));
  else
    g_string_append_printf (subtitle, _(". Supports %s"),
                            tandem_standard_level_get_label (item->level));
  if (item->judgement)
    g_string_append_printf (subtitle, _(". From its chart: %s %s %s"),
                            item->judgement->baseline_reason, item->judgement->shift_reason,
                            item->judgement->sustained_reason);
  else
    g_string_append_c (subtitle, '.');
  row = tandem_standards_row_new (title, subtitle->str, "standards.remove-evidence", _("Remove"),
                                  item->evidence->id);
  if (item->evidence->reference)
    {
      row->extra_action = g_strdup ("standards.open-evidence");
      row->extra_label = g_strdup (is_file ? _("Open") : _("Open in Browser"));
    }
  return row;
}

/**
 * tandem_standards_evidence_section_show:
 * @self: the section
 * @project: (nullable): the project
 * @report: (nullable): the team's figures, with its evidence; %NULL empties
 *   the list
 * @editable: whether the project may be changed
 *
 * Shows each piece of the team's evidence, what it supports, and the
 * standards with no evidence yet.
 */
void
tandem_standards_evidence_section_show (TandemStandardsEvidenceSection *self,
                                        TandemProject                  *project,
                                        const TandemStandardsReport    *report,
                                        gboolean                        editable)
{
  const TandemStandardsFramework *framework;
  g_autoptr(GString) unevidenced = NULL;

  g_return_if_fail (TANDEM_IS_STANDARDS_EVIDENCE_SECTION (self));
  g_list_store_remove_all (self->rows);
  g_hash_table_remove_all (self->references);
  if (report)
    g_set_object (&self->project, project);
  else
    g_clear_object (&self->project);
  g_free (self->team_id);
  self->team_id = report ? g_strdup (report->team_id) : NULL;
  if (report == NULL)
    return;
  gtk_widget_set_sensitive (self->evidence_form, editable);

  framework = report->framework;
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];
      g_autoptr(TandemStandardsRow) row = evidence_row (framework, item);

      if (item->evidence->reference)
        g_hash_table_insert (self->references, g_strdup (item->evidence->id),
                             g_strdup (item->evidence->reference));
      g_list_store_append (self->rows, row);
    }
  if (report->level->unevidenced->len == 0)
    gtk_label_set_text (self->unevidenced_label, _("Every standard has evidence."));
  else
    {
      g_autofree char *text = NULL;

      unevidenced = g_string_new (NULL);
      for (guint i = 0; i < report->level->unevidenced->len; i++)
        g_string_append_printf (unevidenced, "%s%s", i ? ", " : "",
                                standard_title (framework, report->level->unevidenced->pdata[i]));
      text = g_strdup_printf (_("No evidence yet for %u of the %u standards (all must be "
                                "evidenced): %s."),
                              report->level->unevidenced->len, framework->standards->len,
                              unevidenced->str);
      gtk_label_set_text (self->unevidenced_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), report->evidence->len > 0);
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemStandardsEvidenceSection *self = TANDEM_STANDARDS_EVIDENCE_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TandemStandardsEvidenceDialog *dialog;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->team_id == NULL || tandem_project_get_read_only (self->project))
    return;
  dialog = tandem_standards_evidence_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->project, self->team_id, &error);
  if (dialog == NULL)
    {
      show_error (self, _("Could Not Add Evidence"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "standards.open-evidence": a file by reference opened where it is, or a
 * web address in the browser. A file that is not there says so. */
static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemStandardsEvidenceSection *self = TANDEM_STANDARDS_EVIDENCE_SECTION (widget);
  const char *reference = g_hash_table_lookup (self->references,
                                               g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (reference == NULL)
    return;
  if (is_web_address (reference))
    uri = g_str_has_prefix (reference, "www.")
          ? g_strconcat ("https://", reference, NULL) : g_strdup (reference);
  else
    {
      path = reference_path (reference);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The file “%s” is not there: it may have been moved or renamed, or be on "
                       "a drive this computer cannot reach. The evidence keeps the path it was "
                       "given; once you know where the file is now, remove this evidence and "
                       "add the file again."), reference);
      else if ((uri = g_filename_to_uri (path, NULL, &error)) == NULL)
        g_prefix_error (&error, "%s: ", reference);
    }
  if (error != NULL)
    {
      show_error (self, _("Could Not Open the Evidence"), error);
      return;
    }
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemStandardsEvidenceSection *self = TANDEM_STANDARDS_EVIDENCE_SECTION (widget);
  GtkWidget *page = gtk_widget_get_ancestor (widget, TANDEM_TYPE_PAGE);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!tandem_evidence_delete (self->project, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("Could Not Remove the Evidence"), error);
  else if (page)
    tandem_page_show_toast (TANDEM_PAGE (page), _("Evidence removed"), TRUE);
}

static void
tandem_standards_evidence_section_dispose (GObject *object)
{
  TandemStandardsEvidenceSection *self = TANDEM_STANDARDS_EVIDENCE_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_STANDARDS_EVIDENCE_SECTION);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_standards_evidence_section_parent_class)->dispose (object);
}

static void
tandem_standards_evidence_section_finalize (GObject *object)
{
  TandemStandardsEvidenceSection *self = TANDEM_STANDARDS_EVIDENCE_SECTION (object);

  g_clear_object (&self->rows);
  g_free (self->team_id);
  g_hash_table_unref (self->references);
  G_OBJECT_CLASS (tandem_standards_evidence_section_parent_class)->finalize (object);
}

static void
tandem_standards_evidence_section_class_init (TandemStandardsEvidenceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_evidence_section_dispose;
  object_class->finalize = tandem_standards_evidence_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-standards-evidence-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceSection,
                                        unevidenced_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceSection, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TandemStandardsEvidenceSection, evidence_form);

  gtk_widget_class_install_action (widget_class, "standards.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "standards.remove-evidence", "s",
                                   remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "standards.open-evidence", "s",
                                   open_evidence_action);
}

static void
tandem_standards_evidence_section_init (TandemStandardsEvidenceSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TANDEM_TYPE_STANDARDS_ROW);
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->rows),
                           tandem_standards_row_create_widget, NULL, NULL);
}
