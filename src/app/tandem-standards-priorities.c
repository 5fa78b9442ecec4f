/* tandem-standards-priorities.c — a team's priority standards for the
 * improvement phase, each linked to the drivers and change ideas of the
 * team's driver diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per priority says what it is linked to by name; its Link menu
 * ticks the diagram's drivers and change ideas on and off, and Remove takes
 * it away. Below, a standard is chosen and added. Every edit is one change
 * through the core; the page reloads on it and shows the section again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram.h"
#include "tandem-enum-row.h"
#include "tandem-page.h"
#include "tandem-standards-priorities.h"

/* One item of a team's diagrams a priority can be linked to. */
typedef struct
{
  char *id;
  char *name;   /* “Primary driver: Safer nights” */
} Node;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->id);
  g_free (node->name);
  g_free (node);
}

struct _TandemStandardsPriorities
{
  GtkWidget      parent_instance;

  GtkLabel      *status_label;
  GtkListBox    *list;
  GtkWidget     *form;
  GtkDropDown   *standard_drop_down;

  TandemProject *project;
  char          *team_id;
  GPtrArray     *standard_ids;   /* the drop-down's, in its order */
  GPtrArray     *nodes;          /* Node */
};

G_DEFINE_FINAL_TYPE (TandemStandardsPriorities, tandem_standards_priorities, GTK_TYPE_WIDGET)

static void
show_error (TandemStandardsPriorities *self,
            const char                *heading,
            const GError              *error)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  if (page)
    tandem_page_show_error (TANDEM_PAGE (page), heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

static const Node *
find_node (TandemStandardsPriorities *self,
           const char                *id)
{
  for (guint i = 0; i < self->nodes->len; i++)
    if (g_str_equal (((Node *) self->nodes->pdata[i])->id, id))
      return self->nodes->pdata[i];
  return NULL;
}

/* The drivers and change ideas of every diagram of the team. */
static void
load_nodes (TandemStandardsPriorities *self)
{
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (self->project, self->team_id, NULL);

  g_ptr_array_set_size (self->nodes, 0);
  for (guint d = 0; diagrams && d < diagrams->len; d++)
    {
      g_autoptr(TandemDiagram) diagram = tandem_diagram_load (self->project, diagrams->pdata[d], NULL);

      for (guint i = 0; diagram && i < tandem_diagram_get_n_nodes (diagram); i++)
        {
          const TandemDiagramNode *item = tandem_diagram_get_node (diagram, i);
          g_autofree char *kind = NULL;
          Node *node;

          if (item->kind == TANDEM_NODE_AIM)
            continue;
          kind = g_strdup (tandem_node_kind_label (item->kind));
          kind[0] = g_ascii_toupper (kind[0]);
          node = g_new0 (Node, 1);
          node->id = g_strdup (item->id);
          node->name = g_strdup_printf ("%s: %s", kind, item->title);
          g_ptr_array_add (self->nodes, node);
        }
    }
}

static void
set_linked (TandemStandardsPriorities *self,
            const char                *priority_id,
            const char                *node_id,
            gboolean                   linked)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!tandem_priority_set_linked (self->project, priority_id, node_id, linked, &error))
    show_error (self, linked ? _("Could Not Link the Priority") : _("Could Not Unlink the Priority"),
                error);
}

/* What one tick box of a Link menu links. */
typedef struct
{
  TandemStandardsPriorities *self;   /* owns the menu */
  char                      *priority_id;
  char                      *node_id;
} Link;

static void
link_free (gpointer  data,
           GClosure *closure)
{
  Link *link = data;

  g_free (link->priority_id);
  g_free (link->node_id);
  g_free (link);
}

static void
link_toggled_cb (GtkCheckButton *check,
                 Link           *link)
{
  set_linked (link->self, link->priority_id, link->node_id, gtk_check_button_get_active (check));
}

static GtkWidget *
link_menu (TandemStandardsPriorities *self,
           const TandemPriority      *priority,
           const char                *standard)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *name = g_strdup_printf (_("Link %s to drivers and change ideas"), standard);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Link…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = self->nodes->pdata[i];
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (node->name);
      Link *link = g_new0 (Link, 1);
      gboolean linked = FALSE;

      /* Long titles wrap rather than widen the menu past the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      node->name, -1);

      for (guint n = 0; n < priority->node_ids->len; n++)
        linked |= g_str_equal (priority->node_ids->pdata[n], node->id);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
      link->self = self;
      link->priority_id = g_strdup (priority->id);
      link->node_id = g_strdup (node->id);
      g_signal_connect_data (check, "toggled", G_CALLBACK (link_toggled_cb), link, link_free, 0);
      gtk_box_append (GTK_BOX (box), check);
    }
  if (self->nodes->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("The team's driver diagram has no drivers or "
                                                    "change ideas yet.")));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
priority_row (TandemStandardsPriorities      *self,
              const TandemStandardsFramework *framework,
              const TandemPriority           *priority,
              gboolean                        editable)
{
  const TandemStandard *standard = tandem_standards_framework_find (framework, priority->standard_id);
  const char *title = standard ? standard->title : priority->standard_id;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("Remove"));
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s from the priorities"), title);
  g_autoptr(GString) linked = g_string_new (NULL);

  for (guint n = 0; n < priority->node_ids->len; n++)
    {
      const Node *node = find_node (self, priority->node_ids->pdata[n]);

      if (node)
        g_string_append_printf (linked, "%s%s", linked->len ? "; " : "", node->name);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (linked->len)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Linked to %s."), linked->str);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Not linked to a driver or change idea yet."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "priorities.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (priority->id));
  if (editable)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link_menu (self, priority, title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

/**
 * tandem_standards_priorities_show:
 * @self: the section
 * @project: the project
 * @report: the team's figures, with its priorities
 * @editable: whether the project may be changed
 *
 * Shows the team's priorities and what each is linked to, and offers the
 * standards not yet chosen.
 */
void
tandem_standards_priorities_show (TandemStandardsPriorities   *self,
                                  TandemProject               *project,
                                  const TandemStandardsReport *report,
                                  gboolean                     editable)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;
  guint n = report->priorities->len;

  g_return_if_fail (TANDEM_IS_STANDARDS_PRIORITIES (self));
  g_set_object (&self->project, project);
  g_free (self->team_id);
  self->team_id = g_strdup (report->team_id);
  load_nodes (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, priority_row (self, report->framework,
                                                   report->priorities->pdata[i], editable));
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);

  g_ptr_array_set_size (self->standard_ids, 0);
  for (guint s = 0; s < report->framework->standards->len; s++)
    {
      const TandemStandard *standard = report->framework->standards->pdata[s];
      gboolean chosen = FALSE;

      for (guint i = 0; i < n; i++)
        chosen |= g_str_equal (((TandemPriority *) report->priorities->pdata[i])->standard_id,
                               standard->id);
      if (chosen)
        continue;
      gtk_string_list_append (names, standard->title);
      g_ptr_array_add (self->standard_ids, g_strdup (standard->id));
    }
  gtk_drop_down_set_model (self->standard_drop_down, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (self->form, editable);

  if (n == 0)
    gtk_label_set_text (self->status_label,
                        _("No priority standards yet. After the self-assessment, choose the standards "
                          "to work on: the framework asks for 2–3 priority standards."));
  else if (n < 2)
    gtk_label_set_text (self->status_label,
                        _("One priority standard so far: the framework asks for 2–3 priority "
                          "standards."));
  else if (n > TANDEM_STANDARDS_MAX_PRIORITIES)
    {
      g_autofree char *text = g_strdup_printf (_("%u priority standards are chosen, too many: the "
                                                 "framework asks for 2–3 priority standards. Remove "
                                                 "one."), n);

      gtk_label_set_text (self->status_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("%u priority standards, as the framework asks (2–3)."),
                                               n);

      gtk_label_set_text (self->status_label, text);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemStandardsPriorities *self = TANDEM_STANDARDS_PRIORITIES (widget);
  guint chosen = gtk_drop_down_get_selected (self->standard_drop_down);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->project == NULL || chosen >= self->standard_ids->len)
    return;
  id = tandem_priority_add (self->project, self->team_id, self->standard_ids->pdata[chosen], &error);
  if (id == NULL)
    show_error (self, _("Could Not Add the Priority"), error);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemStandardsPriorities *self = TANDEM_STANDARDS_PRIORITIES (widget);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!tandem_priority_remove (self->project, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("Could Not Remove the Priority"), error);
}

/* (priority id, node id, linked): what a Link menu's tick does. */
static void
set_linked_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *priority_id, *node_id;
  gboolean linked;

  g_variant_get (parameter, "(&s&sb)", &priority_id, &node_id, &linked);
  set_linked (TANDEM_STANDARDS_PRIORITIES (widget), priority_id, node_id, linked);
}

static void
tandem_standards_priorities_dispose (GObject *object)
{
  TandemStandardsPriorities *self = TANDEM_STANDARDS_PRIORITIES (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_standards_priorities_parent_class)->dispose (object);
}

static void
tandem_standards_priorities_finalize (GObject *object)
{
  TandemStandardsPriorities *self = TANDEM_STANDARDS_PRIORITIES (object);

  g_free (self->team_id);
  g_ptr_array_unref (self->standard_ids);
  g_ptr_array_unref (self->nodes);
  G_OBJECT_CLASS (tandem_standards_priorities_parent_class)->finalize (object);
}

static void
tandem_standards_priorities_class_init (TandemStandardsPrioritiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_standards_priorities_dispose;
  object_class->finalize = tandem_standards_priorities_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "priorities.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "priorities.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "priorities.set-linked", "(ssb)",
                                   set_linked_action);
}

static void
tandem_standards_priorities_init (TandemStandardsPriorities *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *add;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->standard_ids = g_ptr_array_new_with_free_func (g_free);
  self->nodes = g_ptr_array_new_with_free_func (node_free);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_selectable (self->status_label, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Priority standards"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->form = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->form, 6);
  self->standard_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->standard_drop_down), _("Standard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->standard_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Standard to make a priority"), -1);
  tandem_drop_down_name_button (self->standard_drop_down);
  gtk_box_append (GTK_BOX (self->form), GTK_WIDGET (self->standard_drop_down));
  add = gtk_button_new_with_mnemonic (_("Add Pr_iority"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "priorities.add");
  gtk_box_append (GTK_BOX (self->form), add);
  gtk_widget_set_parent (self->form, GTK_WIDGET (self));
}
