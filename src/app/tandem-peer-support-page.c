/* tandem-peer-support-page.c — the peer-support implementation tracker:
 * progress, the framework's checklist, peer roles and supervision, and the
 * coach's view of every team (the checklist, roles and timeline are widgets
 * of their own, TandemPeerSection; the page reads the file and rebuilds them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-legibility.h"
#include "tandem-peer-checklist.h"
#include "tandem-peer-roles.h"
#include "tandem-peer-support-chart.h"
#include "tandem-peer-support-page.h"
#include "tandem-peer-timeline.h"
#include "tandem-print.h"
#include "tandem-shown-field.h"

struct _TandemPeerSupportPage
{
  TandemPage                 parent_instance;

  GtkStack                  *views;
  GtkLabel                  *summary_label;
  GtkDrawingArea            *progress_area;
  GtkLabel                  *progress_text;
  GtkLabel                  *support_text;
  GtkLabel                  *retention_text;
  GtkLabel                  *supervision_text;
  GtkScrolledWindow         *checklist_scroll;
  TandemPeerChecklist       *checklist;
  GtkScrolledWindow         *roles_scroll;
  TandemPeerRoles           *roles;
  GtkDrawingArea            *heatmap_area;
  GtkLabel                  *caseload_text;
  GtkScrolledWindow         *timeline_scroll;
  TandemPeerTimeline        *timeline;

  TandemPeerSupportReport   *report;
  TandemPeerSupportCaseload *caseload;

  guint                      rebuild_id;
};

G_DEFINE_FINAL_TYPE (TandemPeerSupportPage, tandem_peer_support_page, TANDEM_TYPE_PAGE)

static void tandem_peer_support_page_reload (TandemPage *page);

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */

static void
draw_card (cairo_t *cr,
           int      width,
           int      height)
{
  double r = 8;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The system's high contrast, or the chart style's, or workshop mode's. */
static TandemPeerSupportStyle
chart_style (GtkDrawingArea *area)
{
  return tandem_legibility_get_high_contrast (GTK_WIDGET (area))
           ? TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST : TANDEM_PEER_SUPPORT_STYLE_STANDARD;
}

static void
draw_progress_cb (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  TandemPeerSupportPage *self = user_data;
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->report == NULL)
    return;
  draw_card (cr, width, height);
  /* The system's (or workshop mode's) large text. */
  cairo_scale (cr, scale, scale);
  tandem_peer_support_draw_progress_full (cr, 14, 12, width / scale - 28, self->report->stages,
                                          chart_style (area));
}

static void
progress_resized_cb (GtkDrawingArea        *area,
                     int                    width,
                     int                    height,
                     TandemPeerSupportPage *self)
{
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->report == NULL)
    return;
  if (width <= 0)
    width = 700;
  gtk_drawing_area_set_content_height (area, (int) ceil ((tandem_peer_support_progress_height (
                                         self->report->stages, MAX (width / scale - 28, 100))
                                         + 24) * scale));
}

static void
draw_heatmap_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  TandemPeerSupportPage *self = user_data;
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->caseload == NULL || self->caseload->teams->len == 0)
    return;
  draw_card (cr, width, height);
  cairo_scale (cr, scale, scale);
  tandem_peer_support_draw_heatmap_full (cr, 14, 12, width / scale - 28, self->caseload, 0,
                                         self->caseload->teams->len, chart_style (area));
}

static void
heatmap_resized_cb (GtkDrawingArea        *area,
                    int                    width,
                    int                    height,
                    TandemPeerSupportPage *self)
{
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->caseload == NULL)
    return;
  if (width <= 0)
    width = 700;
  gtk_drawing_area_set_content_height (area, (int) ceil ((tandem_peer_support_heatmap_height (
                                         self->caseload, 0, self->caseload->teams->len,
                                         MAX (width / scale - 28, 100)) + 24) * scale));
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

static void
show_words (TandemPeerSupportPage *self)
{
  TandemPeerSupportReport *report = self->report;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GPtrArray) support = tandem_peer_support_describe_support (report);
  g_autoptr(GString) supervision = g_string_new (NULL);
  g_autoptr(GString) retention = g_string_new (NULL);
  g_autofree char *progress = tandem_peer_support_describe_progress (report->stages);
  g_autofree char *support_text = NULL;
  g_autofree char *summary = NULL;
  guint in_place = 0, applies = 0;

  for (guint i = 0; i < report->items->len; i++)
    {
      const TandemTrackerItem *item = report->items->pdata[i];
      in_place += item->status == TANDEM_ITEM_IN_PLACE;
      applies += item->status != TANDEM_ITEM_NOT_APPLICABLE;
    }
  /* The first two sentences say what the file holds, as every page does. */
  summary = g_strdup_printf (_("Peer-support roles: %" G_GINT64_FORMAT ". Framework items tracked: "
                               "%" G_GINT64_FORMAT ". In place: %u of the %u items that apply."),
                             tandem_project_count (project, TANDEM_ENTITY_PEER_ROLE,
                                                   TANDEM_FIELD_PEER_ROLE_TEAM_ID, report->team_id),
                             tandem_project_count (project, TANDEM_ENTITY_FRAMEWORK_STATUS,
                                                   TANDEM_FIELD_FRAMEWORK_STATUS_TEAM_ID,
                                                   report->team_id),
                             in_place, applies);
  gtk_label_set_text (self->summary_label, summary);

  gtk_label_set_text (self->progress_text, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, progress, -1);

  g_ptr_array_add (support, NULL);
  support_text = g_strjoinv ("\n", (char **) support->pdata);
  gtk_label_set_text (self->support_text, support_text);

  for (guint y = 0; y < 3; y++)
    {
      g_autofree char *line = tandem_peer_support_describe_retention (&report->retention[y]);
      g_string_append_printf (retention, "%s%s", y ? "\n" : "", line);
    }
  gtk_label_set_text (self->retention_text, retention->str);

  for (guint i = 0; i < report->roles->len; i++)
    {
      const TandemPeerRole *role = report->roles->pdata[i];
      g_autofree char *line = tandem_peer_support_describe_supervision (role);
      g_string_append_printf (supervision, "%s%s: %s", i ? "\n" : "", role->title, line);
    }
  if (report->roles->len == 0)
    g_string_append (supervision, _("No peer roles yet: add them under Roles."));
  gtk_label_set_text (self->supervision_text, supervision->str);
}

/* ------------------------------------------------------------------------ */
/* Printing and exporting                                                   */

static gboolean
showing_caseload (TandemPeerSupportPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "caseload") == 0;
}

static void
report_free_cb (gpointer data)
{
  tandem_peer_support_report_free (data);
}

static void
caseload_free_cb (gpointer data)
{
  tandem_peer_support_caseload_free (data);
}

static void
tandem_peer_support_page_print (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;

  if (showing_caseload (self))
    {
      TandemPeerSupportCaseload *caseload = tandem_peer_support_caseload_new (project, &error);
      if (caseload == NULL)
        {
          tandem_page_show_error (page, _("Could Not Print"), error);
          return;
        }
      tandem_print_pages (window, _("Peer-support caseload overview"), TANDEM_PAPER_A4, TRUE,
                          tandem_peer_support_caseload_n_pages (caseload),
                          tandem_peer_support_draw_caseload_page, caseload, caseload_free_cb, NULL);
    }
  else
    {
      TandemPeerSupportReport *report = tandem_peer_support_report_new (
        project, tandem_page_get_team_id (page), NULL, &error);
      if (report == NULL)
        {
          tandem_page_show_error (page, _("Could Not Print"), error);
          return;
        }
      tandem_print_pages (window, _("Peer-support summary"), TANDEM_PAPER_A4, FALSE, 1,
                          tandem_peer_support_draw_summary_page, report, report_free_cb, NULL);
    }
}

static void
export_response_cb (GtkNativeDialog       *dialog,
                    int                    response,
                    TandemPeerSupportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error_literal (&error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                               _("Choose a file on this computer or a mounted drive."));
          tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export"), error);
        }
      else if (!tandem_peer_support_page_export_to (self, path, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export"), error);
      else
        tandem_page_show_toast (TANDEM_PAGE (self), _("Exported"), FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
tandem_peer_support_page_export (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (showing_caseload (self))
    name = g_strdup (_("Peer-support caseload overview.pdf"));
  else
    {
      g_autofree char *team = tandem_project_get_text (tandem_page_get_project (page),
                                                       TANDEM_ENTITY_TEAM,
                                                       tandem_page_get_team_id (page),
                                                       TANDEM_FIELD_TEAM_NAME);
      name = g_strdup_printf (_("%s peer-support summary.pdf"), team ? team : _("Team"));
      g_strdelimit (name, "/\\", '-');
    }

  dialog = gtk_file_chooser_native_new (showing_caseload (self) ? _("Export the Caseload Overview")
                                                                : _("Export the Team's Summary"),
                                        window, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (png, _("PNG image (first page)"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing (first page)"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------------ */
/* What the views tell the page                                             */

/* A conflict is reported (what was typed is kept in it) and the row shows
 * the value that stands; anything else is an error. */
static void
section_failed_cb (TandemPeerSupportPage *self,
                   const char            *title,
                   GtkWidget             *editor,
                   const char            *id,
                   const char            *field,
                   const GError          *error)
{
  if (editor != NULL &&
      tandem_shown_field_take_conflict (TANDEM_PAGE (self), editor, id, field, error))
    tandem_peer_support_page_reload (TANDEM_PAGE (self));
  else
    tandem_page_show_error (TANDEM_PAGE (self), title, error);
}

static void
section_done_cb (TandemPeerSupportPage *self,
                 const char            *toast,
                 gboolean               undo)
{
  tandem_page_show_toast (TANDEM_PAGE (self), toast, undo);
}

static void
section_reload_requested_cb (TandemPeerSupportPage *self)
{
  tandem_peer_support_page_reload (TANDEM_PAGE (self));
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tandem_peer_support_page_select_view (TANDEM_PEER_SUPPORT_PAGE (widget),
                                        g_variant_get_string (parameter, NULL));
}

static void
view_changed_cb (GtkStack              *views,
                 GParamSpec            *pspec,
                 TandemPeerSupportPage *self)
{
  /* The timeline is built on arrival and dropped on leaving. */
  tandem_peer_timeline_set_shown (self->timeline,
                                  g_strcmp0 (gtk_stack_get_visible_child_name (views), "timeline") == 0);
}

/* ------------------------------------------------------------------------ */
/* Reloading                                                                */

static gboolean
rebuild_cb (gpointer user_data)
{
  TandemPeerSupportPage *self = user_data;
  TandemPeerSection *sections[] = {
    TANDEM_PEER_SECTION (self->checklist), TANDEM_PEER_SECTION (self->roles),
    TANDEM_PEER_SECTION (self->timeline)
  };
  g_autoptr(GHashTable) typing = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  int cursor = -1;
  double checklist_at, roles_at, timeline_at;

  self->rebuild_id = 0;
  checklist_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->checklist_scroll));
  roles_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->roles_scroll));
  timeline_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->timeline_scroll));

  /* What is being typed survives the rebuild, with where the cursor was. */
  typing = tandem_shown_field_save_typing (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus && GTK_IS_EDITABLE (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    cursor = gtk_editable_get_position (GTK_EDITABLE (focus));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    tandem_peer_section_rebuild (sections[i]);
  tandem_shown_field_restore_typing (GTK_WIDGET (self), typing);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->checklist_scroll), checklist_at);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->roles_scroll), roles_at);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->timeline_scroll), timeline_at);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    tandem_peer_section_restore (sections[i]);
  focus = root ? gtk_root_get_focus (root) : NULL;
  /* Focusing selects everything: the next key would replace it. */
  if (cursor >= 0 && focus && GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), cursor);
  return G_SOURCE_REMOVE;
}

static void
tandem_peer_support_page_reload (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *caseload_words = NULL;

  g_clear_pointer (&self->report, tandem_peer_support_report_free);
  g_clear_pointer (&self->caseload, tandem_peer_support_caseload_free);

  if (project != NULL && team != NULL)
    {
      self->report = tandem_peer_support_report_new (project, team, NULL, &error);
      if (self->report == NULL)
        g_warning ("Could not read the peer-support tracker: %s", error->message);
      g_clear_error (&error);
    }
  if (project != NULL)
    {
      self->caseload = tandem_peer_support_caseload_new (project, &error);
      if (self->caseload == NULL)
        g_warning ("Could not read the caseload: %s", error->message);
    }

  /* The rows are rebuilt once the signal that changed them is over: the
   * change may come from one of them (a status chosen in its drop-down). */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);

  tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->checklist), project, self->report,
                                  tandem_page_get_editable (page));
  tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->roles), project, self->report,
                                  tandem_page_get_editable (page));
  tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->timeline), project, self->report,
                                  tandem_page_get_editable (page));
  if (self->report != NULL)
    show_words (self);
  if (self->caseload != NULL)
    {
      caseload_words = tandem_peer_support_describe_caseload (self->caseload);
      gtk_label_set_text (self->caseload_text, caseload_words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->heatmap_area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caseload_words, -1);
    }
  progress_resized_cb (self->progress_area, gtk_widget_get_width (GTK_WIDGET (self->progress_area)),
                       0, self);
  heatmap_resized_cb (self->heatmap_area, gtk_widget_get_width (GTK_WIDGET (self->heatmap_area)),
                      0, self);
  gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap_area));
}

/* ------------------------------------------------------------------------ */
/* The class                                                                */

static void
tandem_peer_support_page_dispose (GObject *object)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->views != NULL)
    g_signal_handlers_disconnect_by_func (self->views, view_changed_cb, self);
  /* The views keep no copy of the report the page frees. */
  if (self->checklist != NULL)
    {
      tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->checklist), NULL, NULL, FALSE);
      tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->roles), NULL, NULL, FALSE);
      tandem_peer_section_set_report (TANDEM_PEER_SECTION (self->timeline), NULL, NULL, FALSE);
    }
  g_clear_pointer (&self->report, tandem_peer_support_report_free);
  g_clear_pointer (&self->caseload, tandem_peer_support_caseload_free);
  G_OBJECT_CLASS (tandem_peer_support_page_parent_class)->dispose (object);
}

static void
tandem_peer_support_page_class_init (TandemPeerSupportPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_FRAMEWORK_STATUS, TANDEM_ENTITY_FRAMEWORK_ITEM, TANDEM_ENTITY_PEER_ROLE,
    TANDEM_ENTITY_SUPERVISION, TANDEM_ENTITY_TEAM, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  g_type_ensure (TANDEM_TYPE_PEER_CHECKLIST);
  g_type_ensure (TANDEM_TYPE_PEER_ROLES);
  g_type_ensure (TANDEM_TYPE_PEER_TIMELINE);
  object_class->dispose = tandem_peer_support_page_dispose;
  page_class->entities = entities;
  page_class->reload = tandem_peer_support_page_reload;
  page_class->print = tandem_peer_support_page_print;
  page_class->export = tandem_peer_support_page_export;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-peer-support-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, views);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, progress_area);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, progress_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, support_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, retention_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, supervision_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, checklist_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, checklist);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, roles_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, roles);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, heatmap_area);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, caseload_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, timeline_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, section_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_reload_requested_cb);
  gtk_widget_class_install_action (widget_class, "peer-support.show-view", "s", show_view_activated);
}

static void
tandem_peer_support_page_init (TandemPeerSupportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->progress_area, draw_progress_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->heatmap_area, draw_heatmap_cb, self, NULL);
  g_signal_connect (self->progress_area, "resize", G_CALLBACK (progress_resized_cb), self);
  g_signal_connect (self->heatmap_area, "resize", G_CALLBACK (heatmap_resized_cb), self);
  g_signal_connect (self->views, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self);
}

/**
 * tandem_peer_support_page_select_view:
 * @self: the page
 * @name: “progress”, “checklist”, “roles”, “timeline” or “caseload”
 *
 * Shows one of the page's views, as its switcher does.
 */
void
tandem_peer_support_page_select_view (TandemPeerSupportPage *self,
                                      const char            *name)
{
  g_return_if_fail (TANDEM_IS_PEER_SUPPORT_PAGE (self));
  gtk_stack_set_visible_child_name (self->views, name);
}

/**
 * tandem_peer_support_page_export_to:
 * @self: the page
 * @path: a file ending in .pdf, .png or .svg
 * @error: return location for an error
 *
 * Exports what the page shows, as Export… does once a file is chosen: the
 * caseload overview when the All Teams view is showing, otherwise the
 * team's one-page summary.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_peer_support_page_export_to (TandemPeerSupportPage  *self,
                                    const char             *path,
                                    GError                **error)
{
  TandemPage *page = TANDEM_PAGE (self);
  TandemProject *project = tandem_page_get_project (page);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  TandemExportFormat format = TANDEM_EXPORT_PDF;
  double width, height;

  g_return_val_if_fail (TANDEM_IS_PEER_SUPPORT_PAGE (self), FALSE);

  if (g_str_has_suffix (lower, ".png"))
    format = TANDEM_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = TANDEM_EXPORT_SVG;

  if (showing_caseload (self))
    {
      g_autoptr(TandemPeerSupportCaseload) caseload = tandem_peer_support_caseload_new (project, error);
      guint n_pages;

      if (caseload == NULL)
        return FALSE;
      n_pages = format == TANDEM_EXPORT_PDF ? tandem_peer_support_caseload_n_pages (caseload) : 1;
      tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
      return tandem_export_pages (path, format, width, height, n_pages, 150,
                                  tandem_peer_support_draw_caseload_page, caseload, error);
    }
  else
    {
      g_autoptr(TandemPeerSupportReport) report = tandem_peer_support_report_new (
        project, tandem_page_get_team_id (page), NULL, error);

      if (report == NULL)
        return FALSE;
      tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
      return tandem_export_pages (path, format, width, height, 1, 150,
                                  tandem_peer_support_draw_summary_page, report, error);
    }
}
