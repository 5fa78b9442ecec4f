/* tandem-node-details.c — the details of the node selected in a driver diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its words, the aim's parts, its group, a change idea's status, level,
 * proposer, co-producers, equity tags and PDSA cycles, the nodes it serves,
 * the measures linked to it, its history and its comments. Each editor saves
 * to the project as it is used; what the pane cannot do itself (report an
 * error, offer an undo, show another node) it hands back by signals, and the
 * buttons that open the page's dialogs activate the page's actions.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-change-idea-details.h"
#include "tandem-comments-panel.h"
#include "tandem-diagram.h"
#include "tandem-node-details.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

struct _TandemNodeDetails
{
  AdwBin          parent_instance;

  GtkBox         *box;

  TandemProject  *project;
  TandemDiagram  *diagram;
  char           *node_id;
  gboolean        editable;
  gboolean        filling_details;
  GtkWidget      *change_idea;      /* kept across refills */
  GtkWidget      *comments_heading;
  GtkWidget      *comments_panel;   /* kept across refills */
};

G_DEFINE_FINAL_TYPE (TandemNodeDetails, tandem_node_details, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DIAGRAM,
  PROP_NODE_ID,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  FAILED,
  SAVE_FAILED,
  TOAST,
  SELECT_NODE,
  COMMENTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static void
show_error (TandemNodeDetails *self,
            const char        *heading,
            const GError      *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

static const TandemDiagramNode *
selected_node (TandemNodeDetails *self)
{
  int i;

  if (self->diagram == NULL || self->node_id == NULL
      || (i = tandem_diagram_find_node (self->diagram, self->node_id)) < 0)
    return NULL;
  return tandem_diagram_get_node (self->diagram, i);
}

/* After a save from the details pane failed: a conflict is reported (what
 * was typed is kept in it) and the editor shows the value that stands. */
static void
details_save_failed (TandemNodeDetails *self,
                     GtkWidget         *editor,
                     const char        *id,
                     const char        *field,
                     const GError      *error)
{
  gboolean taken = FALSE;

  g_signal_emit (self, signals[SAVE_FAILED], 0, editor, id, field, error, &taken);
  if (taken)
    tandem_node_details_refresh (self);
  else
    show_error (self, _("Could Not Save the Change"), error);
}

/* A detail typed in @editor, checked against what it showed: another
 * program's change to the same detail is kept, not written over. */
static void
set_field (TandemNodeDetails *self,
           GtkWidget         *editor,
           const char        *field,
           const char        *value)
{
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (self->filling_details || id == NULL)
    return;
  if (tandem_diagram_set_field (project, id, field, tandem_shown_field_get_stored (editor), value,
                                &error))
    tandem_shown_field_saved (editor, project);
  else
    details_save_failed (self, editor, id, field, error);
}

/* A choice from a drop-down is saved once the drop-down has finished with
 * it: saving rebuilds the details, drop-down and all. */
typedef struct
{
  TandemNodeDetails *page;
  char              *id;
  const char        *field;     /* interned */
  char              *value;
  char              *shown;     /* what the drop-down showed, as stored */
} SetLater;

static gboolean
set_later_cb (gpointer data)
{
  SetLater *later = data;
  TandemNodeDetails *self = later->page;
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (project && self->editable)
    ok = tandem_diagram_set_field (project, later->id, later->field, later->shown,
                                   later->value, &error);
  if (!ok)
    details_save_failed (self, NULL, later->id, later->field, error);
  g_object_unref (later->page);
  g_free (later->id);
  g_free (later->shown);
  g_free (later->value);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
set_later (TandemNodeDetails *self,
           const char        *id,
           const char        *field,
           const char        *value,
           GtkWidget         *editor)
{
  SetLater *later = g_new0 (SetLater, 1);

  later->shown = editor ? g_strdup (tandem_shown_field_get_stored (editor)) : NULL;
  later->page = g_object_ref (self);
  later->id = g_strdup (id);
  later->field = g_intern_string (field);
  later->value = g_strdup (value);
  /* Ahead of drawing: at the default idle priority a busy frame clock (a
   * slow machine, an animation) can hold the save back for seconds. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_later_cb, later, NULL);
}

/* What an editor in the details changes, carried by its signal handler:
 * a PDSA cycle's or the node's field, or the tag, person, measure or parent
 * it pairs the node with. */
typedef struct
{
  TandemNodeDetails *page;
  char              *id;
  const char        *field;    /* interned */
  GPtrArray         *values;   /* a drop-down's stored words, or NULL */
} Target;

static void
target_free (gpointer  data,
             GClosure *closure)
{
  Target *target = data;

  g_free (target->id);
  g_clear_pointer (&target->values, g_ptr_array_unref);
  g_free (target);
}

static void
connect_target (gpointer           widget,
                const char        *signal,
                GCallback          callback,
                TandemNodeDetails *self,
                const char        *id,
                const char        *field,
                GPtrArray         *values)   /* taken */
{
  Target *target = g_new0 (Target, 1);

  target->page = self;
  target->id = g_strdup (id);
  target->field = field ? g_intern_string (field) : NULL;
  target->values = values;
  g_signal_connect_data (widget, signal, callback, target, target_free, 0);
}

static void
combo_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Target      *target)
{
  TandemNodeDetails *self = target->page;
  guint selected = adw_combo_row_get_selected (row);

  if (selected < target->values->len && !self->filling_details && self->node_id)
    set_later (self, self->node_id, target->field, target->values->pdata[selected],
               GTK_WIDGET (row));
}

static GtkWidget *
combo_row (TandemNodeDetails *self,
           const char        *title,
           const char        *field,
           GPtrArray         *labels,     /* NULL-terminated; taken */
           GPtrArray         *values,     /* taken; NULL entries clear the field */
           const char        *current)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) labels->pdata);
  guint selected = 0;

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (values->pdata[i], current) == 0)
      selected = i;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, field);
  /* What it shows is this page's copy of the node, which another program
   * may have changed since: a choice is checked against the copy. */
  tandem_shown_field_remember_value (row, TANDEM_ENTITY_NODE, self->node_id, field, current);
  connect_target (row, "notify::selected", G_CALLBACK (combo_changed_cb), self, NULL, field, values);
  g_ptr_array_unref (labels);
  return row;
}

static void
measure_toggled_cb (GtkCheckButton *check,
                    Target         *target)
{
  TandemNodeDetails *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (self->filling_details || id == NULL)
    return;
  if (!tandem_diagram_set_measure_link (self->project, id,
                                        target->id,
                                        gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Link the Measure"), error);
}

/* A check box that pairs the selected node with a tag, a person or a measure. */
static GtkWidget *
pair_check (TandemNodeDetails *self,
            const char        *label,
            const char        *name,
            const char        *kind,
            const char        *other_id,
            gboolean           on,
            GCallback          toggled)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
  gtk_widget_set_sensitive (check, self->editable);
  gtk_widget_set_name (check, name);
  connect_target (check, "toggled", toggled, self, other_id, NULL, NULL);
  return check;
}

static void
entry_applied_cb (AdwEntryRow *row,
                  Target      *target)
{
  set_field (target->page, GTK_WIDGET (row), target->field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
entry_row (TandemNodeDetails *self,
           const char        *title,
           const char        *field,
           const char        *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  /* The page's copy of the node: a save is checked against what it shows. */
  tandem_shown_field_fill_value (row, TANDEM_ENTITY_NODE, self->node_id, field, value, value);
  gtk_widget_set_name (row, field);
  connect_target (row, "apply", G_CALLBACK (entry_applied_cb), self, NULL, field, NULL);
  return row;
}

/* A time from the change log, in the person's time zone. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) at = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
  char *text;

  if (iso == NULL)
    return NULL;
  if (local == NULL)
    return g_strdup (iso);
  text = g_date_time_format (local, "%e %b %Y %H:%M");
  return g_strstrip (text);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* People's words, not markup: "Patients & carers" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
unlink_clicked_cb (GtkButton *button,
                   Target    *target)
{
  TandemNodeDetails *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (!tandem_diagram_unlink (self->project,
                              target->id, id, &error))
    show_error (self, _("Could Not Remove the Link"), error);
  g_signal_emit (self, signals[SELECT_NODE], 0, id);
}

static GtkWidget *
group (const char *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  return g;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static void
change_idea_failed_cb (TandemChangeIdeaDetails *change_idea,
                       const char              *heading,
                       const GError            *error,
                       TandemNodeDetails       *self)
{
  show_error (self, heading, error);
}

static void
change_idea_save_failed_cb (TandemChangeIdeaDetails *change_idea,
                            GtkWidget               *editor,
                            const char              *id,
                            const char              *field,
                            const GError            *error,
                            TandemNodeDetails       *self)
{
  details_save_failed (self, editor, id, field, error);
}

static void
change_idea_toast_cb (TandemChangeIdeaDetails *change_idea,
                      const char              *title,
                      TandemNodeDetails       *self)
{
  g_signal_emit (self, signals[TOAST], 0, title);
}

/* A change idea's status and co-production level, among its details; its
 * people, equity focus and PDSA cycles follow in a part of their own. */
static void
fill_change_idea (TandemNodeDetails       *self,
                  const TandemDiagramNode *node,
                  GtkWidget               *details)
{
  GPtrArray *labels, *values;

  labels = g_ptr_array_new ();
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 1; s < TANDEM_N_IDEA_STATUSES; s++)
    {
      g_ptr_array_add (labels, (gpointer) tandem_idea_status_label (s));
      g_ptr_array_add (values, g_strdup (tandem_idea_status_to_string (s)));
    }
  g_ptr_array_add (labels, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             combo_row (self, _("Status"), "status", labels, values,
                                        tandem_idea_status_to_string (node->status)));

  labels = g_ptr_array_new ();
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < TANDEM_N_COPRODUCTION_LEVELS; l++)
    {
      g_ptr_array_add (labels, (gpointer) tandem_coproduction_label (l));
      g_ptr_array_add (values, g_strdup (tandem_coproduction_to_string (l)));
    }
  g_ptr_array_add (labels, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             combo_row (self, _("Co-production level"), "coproduction_level", labels, values,
                                        tandem_coproduction_to_string (node->level)));

  tandem_change_idea_details_show (TANDEM_CHANGE_IDEA_DETAILS (self->change_idea), self->project,
                                   self->diagram, node->id, self->editable);
  gtk_box_append (self->box, self->change_idea);
}

/**
 * tandem_node_details_refresh:
 * @self: a node details pane
 *
 * Fills the pane again from its diagram and project, keeping the keyboard
 * focus on the same control and what is being typed.
 */
void
tandem_node_details_refresh (TandemNodeDetails *self)
{
  TandemProject *project = self->project;
  const TandemDiagramNode *node = selected_node (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  GtkWidget *child, *details, *title, *kind_label, *button;
  g_autofree char *kind = NULL;
  g_autoptr(GHashTable) typing = NULL;
  int cursor = -1;

  /* Keep the keyboard focus on the same control when the pane is rebuilt. */
  for (GtkWidget *w = focus; w && w != GTK_WIDGET (self->box); w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == NULL)
      {
        focus = NULL;
        break;
      }
  if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->box)))
    for (GtkWidget *w = focus; w && w != GTK_WIDGET (self->box) && focus_name == NULL;
         w = gtk_widget_get_parent (w))
      if (g_strcmp0 (gtk_widget_get_name (w), G_OBJECT_TYPE_NAME (w)) != 0)
        focus_name = g_strdup (gtk_widget_get_name (w));

  /* What is being typed survives the rebuild, with where the cursor was. */
  typing = tandem_shown_field_save_typing (GTK_WIDGET (self->box));
  if (focus_name && GTK_IS_EDITABLE (focus))
    cursor = gtk_editable_get_position (GTK_EDITABLE (focus));

  self->filling_details = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);

  if (node == NULL || project == NULL)
    {
      GtkWidget *hint = gtk_label_new (_("Select an item to see its details."));
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (self->box, hint);
      self->filling_details = FALSE;
      return;
    }

  kind = g_strdup (tandem_node_kind_label (node->kind));
  kind[0] = g_ascii_toupper (kind[0]);
  kind_label = gtk_label_new (kind);
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_widget_add_css_class (kind_label, "heading");
  gtk_box_append (self->box, kind_label);
  title = gtk_label_new (node->title[0] ? node->title : _("(nothing written yet)"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_box_append (self->box, title);
  button = gtk_button_new_with_mnemonic (_("_Edit Words (F2)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagram.edit");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_name (button, "edit-words");
  gtk_box_append (self->box, button);

  details = group (_("Details"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             entry_row (self, _("Description"), "description", node->description));
  if (node->kind == TANDEM_NODE_AIM)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), entry_row (self, _("What"), "aim_what", node->aim_what));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), entry_row (self, _("For whom"), "aim_who", node->aim_who));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 entry_row (self, _("How much"), "aim_how_much", node->aim_how_much));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 entry_row (self, _("By when"), "aim_by_when", node->aim_by_when));
    }
  if (node->kind == TANDEM_NODE_PRIMARY && tandem_diagram_get_n_groups (self->diagram) > 0)
    {
      GPtrArray *labels = g_ptr_array_new ();
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (labels, (gpointer) _("No group"));
      g_ptr_array_add (values, NULL);
      for (guint g = 0; g < tandem_diagram_get_n_groups (self->diagram); g++)
        {
          g_ptr_array_add (labels, tandem_diagram_get_group (self->diagram, g)->name);
          g_ptr_array_add (values, g_strdup (tandem_diagram_get_group (self->diagram, g)->id));
        }
      g_ptr_array_add (labels, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 combo_row (self, _("Group"), "group_id", labels, values,
                                            node->group >= 0 ? tandem_diagram_get_group (self->diagram, node->group)->id : NULL));
    }
  gtk_box_append (self->box, details);
  if (node->kind == TANDEM_NODE_CHANGE_IDEA)
    fill_change_idea (self, node, details);

  if (node->parents->len > 0)
    {
      GtkWidget *links = group (_("Serves"));
      for (guint p = 0; p < node->parents->len; p++)
        {
          const TandemDiagramNode *parent = tandem_diagram_get_node (self->diagram, g_array_index (node->parents, guint, p));
          GtkWidget *row = text_row (parent->title, NULL);

          if (node->parents->len > 1 && self->editable)
            {
              GtkWidget *unlink = gtk_button_new_from_icon_name ("edit-delete-symbolic");
              g_autofree char *name = g_strdup_printf ("unlink:%s", parent->id);

              gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (unlink, _("Remove This Link"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Remove this link"), -1);
              gtk_widget_add_css_class (unlink, "flat");
              gtk_widget_set_name (unlink, name);
              connect_target (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self, parent->id, NULL, NULL);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (links), row);
        }
      button = gtk_button_new_with_mnemonic (_("Also _Link To…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagram.link");
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_name (button, "also-link");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (links), button);
      gtk_box_append (self->box, links);
    }

  {
    g_autoptr(GPtrArray) linked_now = tandem_diagram_list_measures (project, node->id);
    g_autoptr(GPtrArray) measures = tandem_project_list_ids (project, TANDEM_ENTITY_MEASURE,
                                                             TANDEM_FIELD_MEASURE_TEAM_ID,
                                                             tandem_diagram_get_team_id (self->diagram),
                                                             TANDEM_FIELD_MEASURE_POSITION);
    GtkWidget *linked = group (_("Linked measures"));

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (linked),
                                           measures->len > 0
                                           ? _("The measures that show whether this is making a difference.")
                                           : _("The team has no measures yet: add them in Measures."));
    for (guint m = 0; m < measures->len; m++)
      {
        const char *measure = measures->pdata[m];
        g_autofree char *measure_name = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE,
                                                                 measure, TANDEM_FIELD_MEASURE_NAME);
        g_autofree char *name = g_strdup_printf ("measure:%s", measure);
        gboolean on = FALSE;

        for (guint l = 0; l < linked_now->len; l++)
          on |= g_strcmp0 (((TandemNamedItem *) linked_now->pdata[l])->id, measure) == 0;
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (linked),
                                   pair_check (self, measure_name ? measure_name : "", name,
                                               TANDEM_ENTITY_MEASURE,
                                               measure, on, G_CALLBACK (measure_toggled_cb)));
      }
    gtk_box_append (self->box, linked);
  }

  {
    g_autoptr(GPtrArray) history = tandem_diagram_node_history (project, node->id);
    g_autoptr(GHashTable) authorship = tandem_diagram_authorship (project, tandem_diagram_get_id (self->diagram));
    TandemAuthorship *credit = g_hash_table_lookup (authorship, node->id);
    GtkWidget *changes = group (_("History"));

    /* Who added it and who last changed it, before the whole story. */
    if (credit && credit->added_by)
      {
        g_autofree char *when = local_time (credit->added_at);
        GtkWidget *row = text_row (_("Added by"), NULL);
        g_autofree char *subtitle = g_strdup_printf ("%s%s%s", credit->added_by, when ? " · " : "",
                                                     when ? when : "");

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_widget_set_name (row, "added-by");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), row);
      }
    {
      g_autofree char *when = credit ? local_time (credit->changed_at) : NULL;
      GtkWidget *row = text_row (_("Last changed by"), NULL);
      g_autofree char *subtitle = credit && credit->changed_by
                                  ? g_strdup_printf ("%s%s%s", credit->changed_by, when ? " · " : "",
                                                     when ? when : "")
                                  : g_strdup (_("Not changed since it was added"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "changed-by");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), row);
    }

    for (guint h = 0; h < history->len && h < 12; h++)
      {
        TandemHistoryEntry *entry = history->pdata[h];
        g_autofree char *when = local_time (entry->at);

        {
          g_autofree char *subtitle = g_strdup_printf ("%s%s%s", entry->author ? entry->author : "",
                                                       when ? " · " : "", when ? when : "");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), text_row (entry->label, subtitle));
        }
      }
    gtk_box_append (self->box, changes);
  }

  gtk_box_append (self->box, self->comments_heading);
  gtk_box_append (self->box, self->comments_panel);
  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (self->comments_panel), project,
                                  TANDEM_ENTITY_NODE, node->id);
  tandem_shown_field_restore_typing (GTK_WIDGET (self->box), typing);
  self->filling_details = FALSE;

  if (focus_name)
    {
      GtkWidget *again = find_named (GTK_WIDGET (self->box), focus_name);
      if (again)
        {
          gtk_widget_grab_focus (again);
          /* Focusing selects everything: the next key would replace it. */
          if (cursor >= 0 && GTK_IS_EDITABLE (again))
            gtk_editable_set_position (GTK_EDITABLE (again), cursor);
        }
    }
}


static void
panel_changed_cb (TandemCommentsPanel *panel,
                  TandemNodeDetails   *self)
{
  g_signal_emit (self, signals[COMMENTS_CHANGED], 0);
}

static void
tandem_node_details_dispose (GObject *object)
{
  TandemNodeDetails *self = TANDEM_NODE_DETAILS (object);

  if (self->comments_panel)
    tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (self->comments_panel), NULL, NULL, NULL);
  g_clear_object (&self->comments_panel);
  g_clear_object (&self->comments_heading);
  g_clear_object (&self->change_idea);
  g_clear_object (&self->project);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (tandem_node_details_parent_class)->dispose (object);
}

static void
tandem_node_details_finalize (GObject *object)
{
  TandemNodeDetails *self = TANDEM_NODE_DETAILS (object);

  g_free (self->node_id);
  G_OBJECT_CLASS (tandem_node_details_parent_class)->finalize (object);
}

static void
tandem_node_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemNodeDetails *self = TANDEM_NODE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_NODE_ID:
      g_value_set_string (value, self->node_id);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_node_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemNodeDetails *self = TANDEM_NODE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (g_set_object (&self->project, g_value_get_object (value)))
        {
          tandem_node_details_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DIAGRAM:
      if (g_set_object (&self->diagram, g_value_get_object (value)))
        {
          tandem_node_details_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NODE_ID:
      if (set_str (&self->node_id, g_value_get_string (value)))
        {
          tandem_node_details_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_EDITABLE:
      if (self->editable != g_value_get_boolean (value))
        {
          self->editable = g_value_get_boolean (value);
          tandem_node_details_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_node_details_class_init (TandemNodeDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_node_details_dispose;
  object_class->finalize = tandem_node_details_finalize;
  object_class->get_property = tandem_node_details_get_property;
  object_class->set_property = tandem_node_details_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL, TANDEM_TYPE_DIAGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE_ID] =
    g_param_spec_string ("node-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemNodeDetails::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemNodeDetails::save-failed:
   * @editor: (nullable): the editor the save came from
   * @id: the node or PDSA cycle saved
   * @field: the field saved
   * @error: why
   *
   * Emitted before the pane reports a failed save itself: a handler that
   * takes a conflict with another program's change returns %TRUE, and the
   * pane then shows the value that stands.
   *
   * Returns: %TRUE if the failure was taken as a conflict
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       g_signal_accumulator_true_handled, NULL, NULL,
                                       G_TYPE_BOOLEAN, 4, GTK_TYPE_WIDGET, G_TYPE_STRING, G_TYPE_STRING,
                                       G_TYPE_ERROR);
  /**
   * TandemNodeDetails::toast:
   * @title: what was done, to be offered for undoing
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TandemNodeDetails::select-node:
   * @node_id: the node to show selected again (after a link was removed,
   *   by the parent it is now reached through)
   */
  signals[SELECT_NODE] = g_signal_new ("select-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TandemNodeDetails::comments-changed:
   *
   * A comment was added, resolved or removed in the pane.
   */
  signals[COMMENTS_CHANGED] = g_signal_new ("comments-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-node-details.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemNodeDetails, box);
}

static void
tandem_node_details_init (TandemNodeDetails *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->comments_heading = g_object_ref_sink (gtk_label_new (_("Comments")));
  gtk_label_set_xalign (GTK_LABEL (self->comments_heading), 0);
  gtk_widget_add_css_class (self->comments_heading, "heading");
  self->comments_panel = g_object_ref_sink (tandem_comments_panel_new ());
  gtk_widget_set_name (self->comments_panel, "comments");
  g_signal_connect (self->comments_panel, "changed", G_CALLBACK (panel_changed_cb), self);
  self->change_idea = g_object_ref_sink (tandem_change_idea_details_new ());
  g_signal_connect (self->change_idea, "failed", G_CALLBACK (change_idea_failed_cb), self);
  g_signal_connect (self->change_idea, "save-failed", G_CALLBACK (change_idea_save_failed_cb), self);
  g_signal_connect (self->change_idea, "toast", G_CALLBACK (change_idea_toast_cb), self);
  tandem_node_details_refresh (self);
}

/**
 * tandem_node_details_new:
 *
 * Returns: (transfer floating): a pane showing "Select an item…" until it
 *   is given a project, a diagram and a node
 */
GtkWidget *
tandem_node_details_new (void)
{
  return g_object_new (TANDEM_TYPE_NODE_DETAILS, NULL);
}

/**
 * tandem_node_details_show:
 * @self: a node details pane
 * @project: (nullable): the project
 * @diagram: (nullable): the diagram as loaded from @project
 * @node_id: (nullable): the node to show
 * @editable: whether the node can be changed
 *
 * Shows @node_id, filling the pane once however many of these changed.
 */
void
tandem_node_details_show (TandemNodeDetails *self,
                          TandemProject     *project,
                          TandemDiagram     *diagram,
                          const char        *node_id,
                          gboolean           editable)
{
  g_return_if_fail (TANDEM_IS_NODE_DETAILS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  if (g_set_object (&self->diagram, diagram))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
  if (set_str (&self->node_id, node_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE_ID]);
  if (self->editable != editable)
    {
      self->editable = editable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
  tandem_node_details_refresh (self);
  g_object_thaw_notify (G_OBJECT (self));
}
