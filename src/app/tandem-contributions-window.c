/* tandem-contributions-window.c — who contributed what, per role and per
 * person, for the whole project or one diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-contributions.h"
#include "tandem-contributions-window.h"
#include "tandem-enum-row.h"

struct _TandemContributionsWindow
{
  AdwWindow      parent_instance;

  GtkWidget     *scope_dropdown;
  GtkStringList *scope_names;
  GPtrArray     *scope_ids;      /* NULL first, for the whole project */
  GtkWidget     *summary_label;
  GtkWidget     *roles_grid;
  GtkWidget     *people_grid;
  GtkWidget     *stack;

  TandemProject *project;
  gulong         changed_id;
};

G_DEFINE_FINAL_TYPE (TandemContributionsWindow, tandem_contributions_window, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
grid_cell (GtkWidget  *grid,
           int         column,
           int         row,
           const char *text,
           gboolean    heading,
           gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  /* Headings wrap; names and roles stay on one line, as far as they can. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (!heading)
    gtk_label_set_width_chars (GTK_LABEL (label), number ? 3 : MIN (g_utf8_strlen (text, -1), 24));
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_hexpand (label, column == 0);
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static void
grid_number (GtkWidget *grid,
             int        column,
             int        row,
             guint      value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  grid_cell (grid, column, row, text, FALSE, TRUE);
}

static void
fill_grid (GtkWidget *grid,
           GPtrArray *rows,
           gboolean   by_role)
{
  const char *headings[] = {
    by_role ? _("Role") : _("Person"),
    by_role ? _("People") : _("Role"),
    _("Items added"), _("Changes"), _("Ideas proposed"), _("PDSA cycles"), _("Comments"),
  };

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    grid_cell (grid, c, 0, headings[c], TRUE, c >= 2);

  for (guint i = 0; i < rows->len; i++)
    {
      const TandemContribution *row = rows->pdata[i];
      int r = i + 1;

      grid_cell (grid, 0, r, row->name, FALSE, FALSE);
      if (by_role)
        grid_number (grid, 1, r, row->people);
      else
        grid_cell (grid, 1, r, row->role ? tandem_coaching_role_label (row->role)
                                         : _("Not in the team’s people"), FALSE, FALSE);
      grid_number (grid, 2, r, row->items_added);
      grid_number (grid, 3, r, row->changes_made);
      grid_number (grid, 4, r, row->ideas_proposed);
      grid_number (grid, 5, r, row->cycles_run);
      grid_number (grid, 6, r, row->comments);
    }
}

static gboolean
brings_lived_experience (const char *role)
{
  return g_strcmp0 (role, "lived_experience_partner") == 0 ||
         g_strcmp0 (role, "peer_support_worker") == 0 ||
         g_strcmp0 (role, "expert_by_experience") == 0 ||
         g_strcmp0 (role, "carer") == 0;
}

static void
reload (TandemContributionsWindow *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->scope_dropdown));
  const char *diagram_id = NULL;
  guint ideas = 0, lived = 0;

  if (self->project == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->scope_ids->len)
    diagram_id = self->scope_ids->pdata[selected];

  people = tandem_contributions_by_person (self->project, diagram_id, &error);
  if (people == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The contributions could not be read: %s"),
                                               error->message);
      gtk_label_set_label (GTK_LABEL (self->summary_label), text);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "tables");
      clear_grid (self->roles_grid);
      clear_grid (self->people_grid);
      return;
    }
  roles = tandem_contributions_by_role (people);

  for (guint i = 0; i < roles->len; i++)
    {
      const TandemContribution *role = roles->pdata[i];

      ideas += role->ideas_proposed;
      if (brings_lived_experience (role->role))
        lived += role->ideas_proposed;
    }
  if (ideas > 0)
    summary = g_strdup_printf (ngettext ("%u of %u change idea named with a proposer came from "
                                         "people with lived experience (partners, experts by "
                                         "experience, peer support workers and carers).",
                                         "%u of %u change ideas named with a proposer came from "
                                         "people with lived experience (partners, experts by "
                                         "experience, peer support workers and carers).",
                                         ideas), lived, ideas);
  else
    summary = g_strdup (_("No change idea names who proposed it yet."));
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);

  fill_grid (self->roles_grid, roles, TRUE);
  fill_grid (self->people_grid, people, FALSE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), people->len > 0 ? "tables" : "empty");
}

static void
reload_scopes (TandemContributionsWindow *self,
               const char                *select_diagram)
{
  g_autoptr(GPtrArray) teams = NULL;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->scope_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_set_size (self->scope_ids, 0);
  g_ptr_array_add (self->scope_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("Whole project")));

  teams = tandem_project_list_ids (self->project, TANDEM_ENTITY_TEAM, NULL, NULL,
                                   TANDEM_FIELD_TEAM_POSITION);
  for (guint t = 0; t < teams->len; t++)
    {
      g_autoptr(GPtrArray) diagrams = tandem_project_list_ids (self->project,
                                                               TANDEM_ENTITY_DIAGRAM,
                                                               TANDEM_FIELD_DIAGRAM_TEAM_ID,
                                                               teams->pdata[t],
                                                               TANDEM_FIELD_DIAGRAM_POSITION);
      g_autofree char *team = tandem_project_get_text (self->project, TANDEM_ENTITY_TEAM,
                                                       teams->pdata[t],
                                                       TANDEM_FIELD_TEAM_NAME);

      for (guint d = 0; d < diagrams->len; d++)
        {
          g_autofree char *name = tandem_project_get_text (self->project, TANDEM_ENTITY_DIAGRAM,
                                                           diagrams->pdata[d],
                                                           TANDEM_FIELD_DIAGRAM_NAME);

          if (g_strcmp0 (select_diagram, diagrams->pdata[d]) == 0)
            selected = self->scope_ids->len;
          g_ptr_array_add (self->scope_ids, g_strdup (diagrams->pdata[d]));
          /* Translators: a diagram in the list of what to count; %s: team, %s: diagram */
          g_ptr_array_add (names, g_strdup_printf (_("%s — %s"), team ? team : "",
                                                   name ? name : ""));
        }
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->scope_names, 0, old_n, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scope_dropdown), selected);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */

static void
scope_selected_cb (GtkDropDown               *dropdown,
                   GParamSpec                *pspec,
                   TandemContributionsWindow *self)
{
  reload (self);
}

static void
project_changed_cb (TandemProject             *project,
                    const char                *entity,
                    TandemContributionsWindow *self)
{
  reload (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
tandem_contributions_window_dispose (GObject *object)
{
  TandemContributionsWindow *self = TANDEM_CONTRIBUTIONS_WINDOW (object);

  if (self->project && self->changed_id)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_contributions_window_parent_class)->dispose (object);
}

static void
tandem_contributions_window_finalize (GObject *object)
{
  TandemContributionsWindow *self = TANDEM_CONTRIBUTIONS_WINDOW (object);

  g_clear_pointer (&self->scope_ids, g_ptr_array_unref);
  g_clear_object (&self->scope_names);
  G_OBJECT_CLASS (tandem_contributions_window_parent_class)->finalize (object);
}

static void
tandem_contributions_window_class_init (TandemContributionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_contributions_window_dispose;
  object_class->finalize = tandem_contributions_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
section (GtkWidget  *page,
         const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_widget_add_css_class (frame, "card");
  gtk_box_append (GTK_BOX (frame), grid);
  gtk_box_append (GTK_BOX (page), heading);
  gtk_box_append (GTK_BOX (page), frame);
  return grid;
}

static void
tandem_contributions_window_init (TandemContributionsWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scope_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scope_label = gtk_label_new_with_mnemonic (_("_Count for"));
  GtkWidget *note = gtk_label_new (_("Counted from the change log by the name written on each "
                                     "change, and matched to the team’s people by name. Items "
                                     "a project was created with, and items since deleted, are "
                                     "not counted as added."));
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (self), _("Contributions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 620);

  self->scope_ids = g_ptr_array_new_with_free_func (g_free);
  self->scope_names = gtk_string_list_new (NULL);
  self->scope_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->scope_names)), NULL);
  tandem_drop_down_name_button (GTK_DROP_DOWN (self->scope_dropdown));
  gtk_label_set_mnemonic_widget (GTK_LABEL (scope_label), self->scope_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Count for"), -1);
  gtk_widget_set_hexpand (self->scope_dropdown, TRUE);
  gtk_box_append (GTK_BOX (scope_box), scope_label);
  gtk_box_append (GTK_BOX (scope_box), self->scope_dropdown);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_widget_set_margin_top (self->summary_label, 12);

  gtk_box_append (GTK_BOX (page), self->summary_label);
  self->roles_grid = section (page, _("By role"));
  self->people_grid = section (page, _("By person"));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_margin_top (note, 12);
  gtk_box_append (GTK_BOX (page), note);

  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  gtk_widget_set_margin_top (page, 6);
  gtk_widget_set_margin_bottom (page, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Contributions Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Changes made here will be credited to whoever makes them."));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "tables");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  gtk_widget_set_margin_start (scope_box, 12);
  gtk_widget_set_margin_end (scope_box, 12);
  gtk_widget_set_margin_top (scope_box, 12);
  {
    GtkWidget *scope_clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (scope_clamp), 900);
    adw_clamp_set_child (ADW_CLAMP (scope_clamp), scope_box);
    gtk_box_append (GTK_BOX (outer), scope_clamp);
  }
  gtk_box_append (GTK_BOX (outer), self->stack);

  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), outer);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * tandem_contributions_window_new:
 * @parent: (nullable): the project window
 * @project: the project
 * @diagram_id: (nullable): the diagram to count for at first, or %NULL for
 *   the whole project
 *
 * Returns: (transfer none): a window of who contributed what
 */
GtkWindow *
tandem_contributions_window_new (GtkWindow     *parent,
                                 TandemProject *project,
                                 const char    *diagram_id)
{
  TandemContributionsWindow *self;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  /* Closed with the project window, which it would otherwise keep open. */
  self = g_object_new (TANDEM_TYPE_CONTRIBUTIONS_WINDOW, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->project = g_object_ref (project);
  reload_scopes (self, diagram_id);
  g_signal_connect (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_selected_cb),
                    self);
  self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  reload (self);
  return GTK_WINDOW (self);
}

/**
 * tandem_contributions_window_set_scope:
 * @self: a contributions window
 * @diagram_id: (nullable): a diagram, or %NULL for the whole project
 *
 * Counts for one diagram or the whole project.
 */
void
tandem_contributions_window_set_scope (TandemContributionsWindow *self,
                                       const char                *diagram_id)
{
  g_return_if_fail (TANDEM_IS_CONTRIBUTIONS_WINDOW (self));

  for (guint i = 0; i < self->scope_ids->len; i++)
    if (g_strcmp0 (self->scope_ids->pdata[i], diagram_id) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scope_dropdown), i);
}
