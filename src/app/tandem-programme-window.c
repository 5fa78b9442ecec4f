/* tandem-programme-window.c — a programme's dashboard: the teams' files of a
 * folder (or a list of files) read together on another thread, the totals in
 * words, a table of teams that sorts by any figure, and the files that were
 * not counted and why; the folder is watched, and a team opens in its own
 * project window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-export.h"
#include "tandem-programme-card.h"
#include "tandem-programme-heatmap.h"
#include "tandem-programme-item.h"
#include "tandem-programme-report.h"
#include "tandem-programme-window.h"

struct _TandemProgrammeWindow
{
  AdwWindow         parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *empty_page;
  AdwStatusPage    *error_page;
  GtkLabel         *totals_label;
  GtkLabel         *summary_label;
  GtkSearchEntry   *search_entry;
  GtkToggleButton  *attention_button;
  AdwViewStack     *view_stack;
  GtkColumnView    *column_view;
  GtkGridView      *grid_view;
  TandemProgrammeHeatmap *heatmap;
  GtkWidget        *not_counted_box;
  GtkListBox       *not_counted_list;

  GStrv             paths;
  GCancellable     *reading;
  TandemProgramme  *programme;
  GListStore       *teams;
  GtkFilterListModel *shown;      /* the teams the search and “Needs Attention” let through */
  GtkCustomFilter  *filter;
  char             *search;       /* what is searched for, casefolded */
};

G_DEFINE_FINAL_TYPE (TandemProgrammeWindow, tandem_programme_window, ADW_TYPE_WINDOW)

static void
show_toast (TandemProgrammeWindow *self,
            const char            *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static char *
describe_files (TandemProgrammeWindow       *self,
                const TandemProgrammeTotals *totals)
{
  g_autoptr(GString) text = g_string_new (NULL);

  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  if (n_shown < totals->n_teams)
    g_string_append_printf (text, ngettext ("Showing %u of %u team", "Showing %u of %u teams",
                                            totals->n_teams),
                            n_shown, totals->n_teams);
  else
    g_string_append_printf (text, ngettext ("%u team", "%u teams", totals->n_teams),
                            totals->n_teams);
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%u file read", "%u files read", totals->n_read),
                          totals->n_read);
  if (totals->n_refused > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u refused", "%u refused", totals->n_refused),
                              totals->n_refused);
    }
  if (totals->n_duplicates > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u copy counted once",
                                              "%u copies counted once", totals->n_duplicates),
                              totals->n_duplicates);
    }
  g_string_append (text, " · ");
  /* TRANSLATORS: the report's dates; PDSA cycles and sessions count the 90
   * days up to the second */
  g_string_append_printf (text, _("%s to %s"), tandem_programme_get_from (self->programme),
                          tandem_programme_get_to (self->programme));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
not_counted_row (const TandemProgrammeFile *file)
{
  g_autofree char *name = g_path_get_basename (file->path);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (file->state == TANDEM_PROGRAMME_FILE_REFUSED
                                      ? _("Refused") : _("Copy"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), file->reason ? file->reason : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (row, file->path);
  gtk_widget_add_css_class (state, file->state == TANDEM_PROGRAMME_FILE_REFUSED
                                     ? "error" : "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), state);
  return row;
}

static void
update_summary (TandemProgrammeWindow *self)
{
  g_autofree char *summary = NULL;

  if (self->programme == NULL)
    return;
  summary = describe_files (self, tandem_programme_get_totals (self->programme));
  gtk_label_set_label (self->summary_label, summary);
}

static gboolean
filter_team (gpointer item,
             gpointer user_data)
{
  TandemProgrammeWindow *self = user_data;

  if (gtk_toggle_button_get_active (self->attention_button) &&
      !tandem_programme_item_needs_attention (item))
    return FALSE;
  return tandem_programme_item_matches (item, self->search ? self->search : "");
}

static void
search_changed_cb (TandemProgrammeWindow *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
attention_toggled_cb (TandemProgrammeWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_toggle_button_get_active (self->attention_button)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
shown_changed_cb (GListModel            *model,
                  guint                  position,
                  guint                  removed,
                  guint                  added,
                  TandemProgrammeWindow *self)
{
  update_summary (self);
}

/* Shows the programme's figures as they are now: after the first reading,
 * and each time a watched file has been read again. */
static void
update_dashboard (TandemProgrammeWindow *self)
{
  GPtrArray *files = tandem_programme_get_files (self->programme);
  const TandemProgrammeTotals *totals = tandem_programme_get_totals (self->programme);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *words = NULL;
  GtkWidget *child;
  gboolean any_not_counted = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->not_counted_list))))
    gtk_list_box_remove (self->not_counted_list, child);

  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state == TANDEM_PROGRAMME_FILE_READ)
        for (guint t = 0; t < file->teams->len; t++)
          g_ptr_array_add (items, tandem_programme_item_new (file->teams->pdata[t]));
      else
        {
          gtk_list_box_append (self->not_counted_list, not_counted_row (file));
          any_not_counted = TRUE;
        }
    }
  g_list_store_splice (self->teams, 0, g_list_model_get_n_items (G_LIST_MODEL (self->teams)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->not_counted_box, any_not_counted);

  words = tandem_programme_describe_ideas (totals);
  if (totals->n_teams_with_standards > 0)
    {
      g_autofree char *standards = tandem_programme_describe_standards (totals);
      char *both = g_strconcat (words, "\n", standards, NULL);

      g_free (words);
      words = both;
    }
  gtk_label_set_label (self->totals_label, words);
  update_summary (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.export", files->len > 0);
  gtk_stack_set_visible_child_name (self->stack, files->len > 0 ? "dashboard" : "empty");
}

static void
programme_changed_cb (TandemProgramme       *programme,
                      const char            *path,
                      TandemProgrammeWindow *self)
{
  update_dashboard (self);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TandemProgramme *programme = tandem_programme_open ((const char * const *) task_data,
                                                      NULL, NULL, &error);

  if (programme == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, programme, g_object_unref);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TandemProgrammeWindow *self = TANDEM_PROGRAMME_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProgramme) programme = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->reading)
    return;
  g_clear_object (&self->reading);
  gtk_spinner_stop (self->spinner);
  if (programme == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->programme = g_steal_pointer (&programme);
  g_signal_connect_object (self->programme, "changed", G_CALLBACK (programme_changed_cb),
                           self, 0);
  if (!tandem_programme_watch (self->programme, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Changes to the folder will not show: %s"),
                                                error->message);
      show_toast (self, title);
    }
  update_dashboard (self);
}

static void
read_programme (TandemProgrammeWindow *self)
{
  g_autoptr(GTask) task = NULL;

  self->reading = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.export", FALSE);

  task = g_task_new (self, self->reading, read_done_cb, NULL);
  g_task_set_task_data (task, g_strdupv (self->paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, read_thread);
}

/* A team's file opens in a project window of its own, at that team, the
 * way the app opens any project: at @page ("" for where it is) and the item
 * there ("" for none). */
static void
open_team (TandemProgrammeWindow *self,
           TandemProgrammeItem   *item,
           const char            *page,
           const char            *item_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-team", "(ssss)",
                              tandem_programme_item_get_path (item),
                              tandem_programme_item_get_team_id (item), page, item_id);
}

/* A team's row opens its file at that team. */
static void
row_activated_cb (GtkColumnView         *view,
                  guint                  position,
                  TandemProgrammeWindow *self)
{
  g_autoptr(TandemProgrammeItem) item =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (item == NULL)
    return;
  open_team (self, item, "", "");
}

/* A chart opens its team at the measure it draws. */
static void
chart_activated_cb (GtkGridView           *view,
                    guint                  position,
                    TandemProgrammeWindow *self)
{
  g_autoptr(TandemProgrammeItem) item =
    g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (view)), position);
  GPtrArray *links;

  if (item == NULL)
    return;
  links = tandem_programme_item_get_measure_links (item);
  if (links->len == 0)
    open_team (self, item, "measures", "");
  else
    open_team (self, item, "measures", ((TandemProgrammeMeasureLink *) links->pdata[0])->id);
}

static void
show_export_error (TandemProgrammeWindow *self,
                   const char            *path,
                   const char            *reason)
{
  g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s"), path, reason);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Could Not Export the Report"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog       *dialog,
                    int                    response,
                    TandemProgrammeWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT && self->programme != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL)
    return;
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      show_export_error (self, name, _("reports can only be written to local folders."));
      return;
    }

  /* Through the one export writer, which never writes over a project and
   * replaces the file only when all of it was written. */
  if (g_str_has_suffix (path, ".pdf"))
    ok = tandem_programme_export_pdf (self->programme, NULL, path, NULL, NULL, &error);
  else
    {
      text = g_str_has_suffix (path, ".json") ? tandem_programme_to_json (self->programme)
                                              : tandem_programme_to_markdown (self->programme);
      ok = tandem_export_text (path, text, NULL, NULL, &error);
    }
  if (!ok)
    show_export_error (self, path, error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *title = g_strdup_printf (_("The report was written to “%s”"), name);

      show_toast (self, title);
    }
}

static GtkFileFilter *
report_filter (const char *name,
               const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* The report goes where a person keeps documents, unless they say otherwise;
 * a name ending “.pdf” gets the printed report, “.json” the figures for
 * scripts, any other Markdown. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemProgrammeWindow *self = TANDEM_PROGRAMME_WINDOW (widget);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (documents && g_file_test (documents,
                                                                           G_FILE_TEST_IS_DIR)
                                                 ? documents : g_get_home_dir ());
  g_autoptr(GtkFileFilter) pdf = report_filter (_("PDF report"), "*.pdf");
  g_autoptr(GtkFileFilter) markdown = report_filter (_("Markdown report"), "*.md");
  g_autoptr(GtkFileFilter) json = report_filter (_("JSON figures"), "*.json");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Programme Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Programme report.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A figure's cell: a link to where the team makes it. */
typedef struct
{
  GtkListItem           *list_item;
  TandemProgrammeColumn  column;
} FigureLink;

static void
figure_clicked_cb (GtkButton  *button,
                   FigureLink *link)
{
  TandemProgrammeItem *item = gtk_list_item_get_item (link->list_item);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (button),
                                               TANDEM_TYPE_PROGRAMME_WINDOW);

  if (item != NULL && window != NULL)
    open_team (TANDEM_PROGRAMME_WINDOW (window), item, tandem_programme_column_page (link->column),
               "");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);
  const char *page = tandem_programme_column_page (GPOINTER_TO_INT (column));
  GtkWidget *button;

  if (tandem_programme_column_is_number (GPOINTER_TO_INT (column)))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (page == NULL)
    {
      gtk_list_item_set_child (list_item, label);
      return;
    }

  /* The measures' figure is a menu of the team's measures, each opening the
   * Measures page at it; every other figure opens the page it is made on. */
  if (GPOINTER_TO_INT (column) == TANDEM_PROGRAMME_COLUMN_MEASURES_IMPROVING)
    {
      button = gtk_menu_button_new ();
      gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
    }
  else
    {
      FigureLink *link = g_new0 (FigureLink, 1);

      link->list_item = list_item;
      link->column = GPOINTER_TO_INT (column);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      g_signal_connect_data (button, "clicked", G_CALLBACK (figure_clicked_cb), link,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "programme-figure");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_list_item_set_child (list_item, button);
}

static const char *
page_title (const char *page)
{
  if (g_str_equal (page, "diagram"))
    return _("Driver Diagram");
  if (g_str_equal (page, "coaching"))
    return _("Coaching");
  if (g_str_equal (page, "measures"))
    return _("Measures");
  if (g_str_equal (page, "standards"))
    return _("Standards");
  return _("Peer Support");
}

/* The team's measures, each with where it stands, as links to it. */
static GMenuModel *
measures_menu (TandemProgrammeItem *item)
{
  GMenu *menu = g_menu_new ();
  GPtrArray *links = tandem_programme_item_get_measure_links (item);

  for (guint i = 0; i < links->len; i++)
    {
      const TandemProgrammeMeasureLink *link = links->pdata[i];
      g_autoptr(GMenuItem) entry = NULL;
      g_autofree char *label = NULL;
      GVariant *target;

      switch (link->state)
        {
        case TANDEM_PROGRAMME_MEASURE_IMPROVING:
          /* TRANSLATORS: a measure's name, then where it stands */
          label = g_strdup_printf (_("%s — improving"), link->name);
          break;
        case TANDEM_PROGRAMME_MEASURE_NO_SIGNAL:
          label = g_strdup_printf (_("%s — no signal"), link->name);
          break;
        case TANDEM_PROGRAMME_MEASURE_NO_DATA:
        default:
          label = g_strdup_printf (_("%s — no data in 12 weeks"), link->name);
          break;
        }
      target = g_variant_new ("(ssss)", tandem_programme_item_get_path (item),
                              tandem_programme_item_get_team_id (item), "measures", link->id);
      entry = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (entry, "app.open-team", target);
      g_menu_append_item (menu, entry);
    }
  return G_MENU_MODEL (menu);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  column)
{
  TandemProgrammeItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = tandem_programme_item_dup_text (item, GPOINTER_TO_INT (column));
  const char *page = tandem_programme_column_page (GPOINTER_TO_INT (column));
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = child;

  if (GTK_IS_BUTTON (child))
    label = gtk_button_get_child (GTK_BUTTON (child));
  else if (GTK_IS_MENU_BUTTON (child))
    label = gtk_menu_button_get_child (GTK_MENU_BUTTON (child));
  gtk_label_set_label (GTK_LABEL (label), text);

  if (GPOINTER_TO_INT (column) == TANDEM_PROGRAMME_COLUMN_TEAM)
    {
      g_autofree char *attention = tandem_programme_item_dup_attention (item);

      gtk_widget_set_tooltip_text (label, attention);
    }
  else if (GTK_IS_MENU_BUTTON (child))
    {
      g_autoptr(GMenuModel) menu = measures_menu (item);
      /* TRANSLATORS: a tooltip; the team's name */
      g_autofree char *tooltip = g_strdup_printf (_("Open one of %s’s measures"),
                                                  tandem_programme_item_get_team_name (item));

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (child), menu);
      gtk_widget_set_sensitive (child, g_menu_model_get_n_items (menu) > 0);
      gtk_widget_set_tooltip_text (child, tooltip);
      /* A screen reader says the figure, then where it leads. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
  else if (page != NULL && *text == '\0')
    /* A figure the team does not have (no standards round): nothing, not a link. */
    gtk_widget_set_visible (child, FALSE);
  else if (page != NULL)
    {
      /* TRANSLATORS: a tooltip; the team's name, then a page of its window */
      g_autofree char *tooltip = g_strdup_printf (_("Open %s at %s"),
                                                  tandem_programme_item_get_team_name (item),
                                                  page_title (page));

      gtk_widget_set_visible (child, TRUE);
      gtk_widget_set_tooltip_text (child, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
}

/* ------------------------------------------------------------------------ */
/* Small multiples: each team's key measure, drawn when its card is shown    */

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, tandem_programme_card_new ());
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  tandem_programme_card_bind (TANDEM_PROGRAMME_CARD (gtk_list_item_get_child (list_item)),
                              gtk_list_item_get_item (list_item));
}

static void
card_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  tandem_programme_card_unbind (TANDEM_PROGRAMME_CARD (gtk_list_item_get_child (list_item)));
}

static void
add_columns (TandemProgrammeWindow *self)
{
  for (int i = 0; i < TANDEM_PROGRAMME_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkExpression *expression =
        gtk_property_expression_new (TANDEM_TYPE_PROGRAMME_ITEM, NULL,
                                     tandem_programme_column_property (i));
      GtkSorter *sorter = tandem_programme_column_sorts_by_number (i)
                            ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                            : GTK_SORTER (gtk_string_sorter_new (expression));
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (tandem_programme_column_title (i), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* The names are cut short only past a width that shows most whole. */
      if (i == TANDEM_PROGRAMME_COLUMN_TEAM)
        gtk_column_view_column_set_fixed_width (column, 200);
      else if (i == TANDEM_PROGRAMME_COLUMN_FILE)
        gtk_column_view_column_set_fixed_width (column, 170);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (sorter);
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemProgrammeWindow *self = TANDEM_PROGRAMME_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tandem_programme_window_dispose (GObject *object)
{
  TandemProgrammeWindow *self = TANDEM_PROGRAMME_WINDOW (object);

  if (self->reading)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (self->programme)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PROGRAMME_WINDOW);
  G_OBJECT_CLASS (tandem_programme_window_parent_class)->dispose (object);
}

static void
tandem_programme_window_finalize (GObject *object)
{
  TandemProgrammeWindow *self = TANDEM_PROGRAMME_WINDOW (object);

  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->teams);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (tandem_programme_window_parent_class)->finalize (object);
}

static void
tandem_programme_window_class_init (TandemProgrammeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_programme_window_dispose;
  object_class->finalize = tandem_programme_window_finalize;

  g_type_ensure (TANDEM_TYPE_PROGRAMME_HEATMAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-programme-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemProgrammeWindow, name)
  CHILD (toast_overlay);
  CHILD (window_title);
  CHILD (stack);
  CHILD (spinner);
  CHILD (empty_page);
  CHILD (error_page);
  CHILD (totals_label);
  CHILD (summary_label);
  CHILD (search_entry);
  CHILD (attention_button);
  CHILD (view_stack);
  CHILD (column_view);
  CHILD (grid_view);
  CHILD (heatmap);
  CHILD (not_counted_box);
  CHILD (not_counted_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attention_toggled_cb);

  gtk_widget_class_install_action (widget_class, "programme.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "programme.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "programme.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_programme_window_init (TandemProgrammeWindow *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GtkNoSelection) cards = NULL;
  g_autoptr(GtkListItemFactory) card_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  self->teams = g_list_store_new (TANDEM_TYPE_PROGRAMME_ITEM);

  /* One filter for both views: the table sorts what it lets through, the
   * charts show it in the folder's order. */
  self->filter = gtk_custom_filter_new (filter_team, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->teams)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self, 0);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->shown)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (card_factory, "setup", G_CALLBACK (card_setup_cb), NULL);
  g_signal_connect (card_factory, "bind", G_CALLBACK (card_bind_cb), NULL);
  g_signal_connect (card_factory, "unbind", G_CALLBACK (card_unbind_cb), NULL);
  gtk_grid_view_set_factory (self->grid_view, card_factory);
  cards = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (cards));
  tandem_programme_heatmap_set_model (self->heatmap, G_LIST_MODEL (self->shown));
}

/* The window's subtitle: the folder, or how many files were chosen. */
static char *
describe_paths (const char * const *paths)
{
  guint n = g_strv_length ((char **) paths);

  if (n == 1)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[0]);

      return g_file_get_parse_name (file);
    }
  return g_strdup_printf (ngettext ("%u project file", "%u project files", n), n);
}

/**
 * tandem_programme_window_new:
 * @application: the application
 * @paths: (array zero-terminated=1): a folder of the teams' project files,
 *   or the files themselves
 *
 * A window that reads @paths as a programme on another thread and shows
 * its dashboard, following the folder as its files change.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
tandem_programme_window_new (GtkApplication     *application,
                             const char * const *paths)
{
  TandemProgrammeWindow *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  self = g_object_new (TANDEM_TYPE_PROGRAMME_WINDOW, "application", application, NULL);
  self->paths = g_strdupv ((char **) paths);
  subtitle = describe_paths (paths);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  read_programme (self);
  return GTK_WINDOW (self);
}

/**
 * tandem_programme_window_get_programme:
 * @self: a programme window
 *
 * Returns: (transfer none) (nullable): the programme, or %NULL while its
 *   files are first read or if they could not be
 */
TandemProgramme *
tandem_programme_window_get_programme (TandemProgrammeWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMME_WINDOW (self), NULL);
  return self->programme;
}
