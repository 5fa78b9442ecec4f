/* tandem-change-idea-details.c — a change idea's people, equity focus and PDSA cycles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the node details pane only a change idea has: who proposed
 * it, who co-produced it (each unticked to take the credit back, anyone
 * else found by typing their name), whom it is meant to make things fairer
 * for, and its PDSA cycles, one open at a time, with a button to plan a
 * new one. The pane fills it again whenever it fills itself; it reports
 * what failed, and saves that met another program's change, through its
 * signals.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-change-idea-details.h"
#include "tandem-pdsa-row.h"
#include "tandem-person-chooser.h"
#include "tandem-shown-field.h"

struct _TandemChangeIdeaDetails
{
  GtkBox               parent_instance;

  TandemPersonChooser *proposed_by;
  GtkBox              *coproducers_box;
  TandemPersonChooser *coproducer_chooser;
  GtkBox              *tags_box;
  AdwPreferencesGroup *cycles_group;
  GtkWidget           *add_pdsa;

  TandemProject       *project;
  TandemDiagram       *diagram;
  char                *node_id;
  gboolean             editable;
  gboolean             filling;
  GPtrArray           *pdsa_rows;       /* the cycles shown, owned by cycles_group */
  char                *expanded_pdsa;   /* the PDSA cycle open */

  /* The New PDSA Cycle dialog's parts, while it is open (it is modal). */
  GtkEditable         *pdsa_entries[4];
  char                *pdsa_node;
};

G_DEFINE_FINAL_TYPE (TandemChangeIdeaDetails, tandem_change_idea_details, GTK_TYPE_BOX)

enum
{
  FAILED,
  SAVE_FAILED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill (TandemChangeIdeaDetails *self);

static void
show_error (TandemChangeIdeaDetails *self,
            const char              *heading,
            const GError            *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

/* The other item a tick box pairs the change idea with, from its name
 * (“coproducer:ID”, “tag:ID”). */
static const char *
paired_id (GtkWidget *check)
{
  const char *colon = strchr (gtk_widget_get_name (check), ':');

  return colon ? colon + 1 : NULL;
}

static void
tag_toggled_cb (GtkCheckButton          *check,
                TandemChangeIdeaDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (self->filling || id == NULL)
    return;
  if (!tandem_diagram_set_tag (self->project, id, paired_id (GTK_WIDGET (check)),
                               gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Change the Tag"), error);
}

static void
coproducer_toggled_cb (GtkCheckButton          *check,
                       TandemChangeIdeaDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (self->filling || id == NULL)
    return;
  if (!tandem_diagram_set_coproducer (self->project, id, paired_id (GTK_WIDGET (check)),
                                      gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Change Who Co-produced It"), error);
}

/* A tick box that pairs the change idea with a person or a tag. */
static GtkWidget *
pair_check (TandemChangeIdeaDetails *self,
            const char              *label,
            const char              *kind,
            const char              *other_id,
            gboolean                 on,
            GCallback                toggled)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  g_autofree char *name = g_strdup_printf ("%s:%s", kind, other_id);

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
  gtk_widget_set_sensitive (check, self->editable);
  gtk_widget_set_name (check, name);
  g_signal_connect (check, "toggled", toggled, self);
  return check;
}

/* Someone chosen (or added to the team by the chooser) as having proposed
 * the change idea: checked against what the chooser showed, so another
 * program's choice is kept, not written over. */
static void
proposed_by_chosen_cb (TandemPersonChooser     *chooser,
                       const char              *person_id,
                       TandemChangeIdeaDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);
  GtkWidget *editor = GTK_WIDGET (chooser);

  if (self->filling || id == NULL)
    return;
  if (tandem_diagram_set_field (self->project, id, TANDEM_FIELD_NODE_PROPOSED_BY,
                                tandem_shown_field_get_stored (editor), person_id, &error))
    tandem_shown_field_saved (editor, self->project);
  else
    g_signal_emit (self, signals[SAVE_FAILED], 0, editor, id, TANDEM_FIELD_NODE_PROPOSED_BY, error);
}

static void
coproducer_chosen_cb (TandemPersonChooser     *chooser,
                      const char              *person_id,
                      TandemChangeIdeaDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->node_id);

  if (self->filling || id == NULL || person_id == NULL)
    return;
  if (!tandem_diagram_set_coproducer (self->project, id, person_id, TRUE, &error))
    show_error (self, _("Could Not Change Who Co-produced It"), error);
}

/* ------------------------------------------------------------------------ */
/* PDSA cycles                                                              */

static void
pdsa_response_cb (AdwMessageDialog        *dialog,
                  const char              *response,
                  TandemChangeIdeaDetails *self)
{
  GtkEditable **entries = self->pdsa_entries;
  g_autofree char *node = g_steal_pointer (&self->pdsa_node);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!g_str_equal (response, "add") || self->project == NULL)
    return;
  /* The cycle and its plan are one change, so one undo takes them away. */
  id = tandem_diagram_plan_pdsa (self->project, node, gtk_editable_get_text (entries[0]),
                                 gtk_editable_get_text (entries[1]), gtk_editable_get_text (entries[2]),
                                 gtk_editable_get_text (entries[3]), &error);
  if (id == NULL)
    {
      show_error (self, _("Could Not Add the PDSA Cycle"), error);
      return;
    }
  g_free (self->expanded_pdsa);
  self->expanded_pdsa = g_steal_pointer (&id);
  fill (self);
}

static void
add_pdsa_clicked_cb (GtkButton               *button,
                     TandemChangeIdeaDetails *self)
{
  static const char * const labels[] = {
    N_("Name of the test"), N_("Started on (YYYY-MM-DD, empty for today)"),
    N_("Plan: what we want to find out"), N_("Plan: what we predict will happen"),
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("New PDSA Cycle"),
                                                _("Plan a small test of this change idea. What happened, what "
                                                  "you learned and what you decided can be added as you go.")));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEditable **entries = self->pdsa_entries;

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (self->pdsa_entries));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _(labels[i]), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry);
      entries[i] = GTK_EDITABLE (entry);
    }
  gtk_editable_set_text (entries[0], _("First small test"));
  adw_message_dialog_set_extra_child (dialog, box);
  g_free (self->pdsa_node);
  self->pdsa_node = g_strdup (self->node_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (pdsa_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pdsa_save_failed_cb (TandemPdsaRow           *row,
                     GtkWidget               *editor,
                     const char              *pdsa_id,
                     const char              *field,
                     const GError            *error,
                     TandemChangeIdeaDetails *self)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, editor, pdsa_id, field, error);
}

/* A decision chosen from a drop-down is saved once the drop-down has
 * finished with it: saving fills the pane again, drop-down and all. */
typedef struct
{
  TandemChangeIdeaDetails *self;
  char                    *pdsa_id;
  char                    *value;
  char                    *shown;     /* what the drop-down showed, as stored */
} Decision;

static gboolean
save_decision_cb (gpointer data)
{
  Decision *decision = data;
  TandemChangeIdeaDetails *self = decision->self;
  g_autoptr(GError) error = NULL;

  if (self->project && self->editable &&
      !tandem_diagram_set_pdsa_field (self->project, decision->pdsa_id, "act_decision",
                                      decision->shown, decision->value, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, NULL, decision->pdsa_id, "act_decision", error);
  g_object_unref (decision->self);
  g_free (decision->pdsa_id);
  g_free (decision->shown);
  g_free (decision->value);
  g_free (decision);
  return G_SOURCE_REMOVE;
}

static void
pdsa_decision_chosen_cb (TandemPdsaRow           *row,
                         const char              *word,
                         GtkWidget               *editor,
                         TandemChangeIdeaDetails *self)
{
  Decision *decision;

  if (self->filling)
    return;
  decision = g_new0 (Decision, 1);
  decision->self = g_object_ref (self);
  decision->pdsa_id = g_strdup (tandem_pdsa_row_get_pdsa_id (row));
  decision->value = g_strdup (word);
  decision->shown = editor ? g_strdup (tandem_shown_field_get_stored (editor)) : NULL;
  /* Ahead of drawing: at the default idle priority a busy frame clock (a
   * slow machine, an animation) can hold the save back for seconds. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, save_decision_cb, decision, NULL);
}

static void
pdsa_failed_cb (TandemPdsaRow           *row,
                const char              *heading,
                const GError            *error,
                TandemChangeIdeaDetails *self)
{
  show_error (self, heading, error);
}

static void
pdsa_toast_cb (TandemPdsaRow           *row,
               const char              *title,
               TandemChangeIdeaDetails *self)
{
  g_signal_emit (self, signals[TOAST], 0, title);
}

static void
pdsa_expanded_cb (AdwExpanderRow          *row,
                  GParamSpec              *pspec,
                  TandemChangeIdeaDetails *self)
{
  if (self->filling)
    return;
  g_free (self->expanded_pdsa);
  self->expanded_pdsa = adw_expander_row_get_expanded (row)
                        ? g_strdup (tandem_pdsa_row_get_pdsa_id (TANDEM_PDSA_ROW (row))) : NULL;
}

/* One PDSA cycle, open if it was open before the pane was filled again. */
static GtkWidget *
pdsa_row (TandemChangeIdeaDetails *self,
          TandemPdsaSummary       *cycle)
{
  GtkWidget *row = tandem_pdsa_row_new (self->project, cycle->id, self->editable);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (self->expanded_pdsa, cycle->id) == 0);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (pdsa_expanded_cb), self);
  g_signal_connect (row, "save-failed", G_CALLBACK (pdsa_save_failed_cb), self);
  g_signal_connect (row, "decision-chosen", G_CALLBACK (pdsa_decision_chosen_cb), self);
  g_signal_connect (row, "failed", G_CALLBACK (pdsa_failed_cb), self);
  g_signal_connect (row, "toast", G_CALLBACK (pdsa_toast_cb), self);
  return row;
}

/* ------------------------------------------------------------------------ */

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
fill (TandemChangeIdeaDetails *self)
{
  TandemProject *project = self->project;
  const TandemDiagramNode *node = NULL;
  const char *team_id;
  int i;

  self->filling = TRUE;
  remove_children (self->coproducers_box);
  remove_children (self->tags_box);
  for (guint r = 0; r < self->pdsa_rows->len; r++)
    adw_preferences_group_remove (self->cycles_group, self->pdsa_rows->pdata[r]);
  g_ptr_array_set_size (self->pdsa_rows, 0);

  if (project != NULL && self->diagram != NULL && self->node_id != NULL &&
      (i = tandem_diagram_find_node (self->diagram, self->node_id)) >= 0)
    node = tandem_diagram_get_node (self->diagram, i);
  if (node == NULL)
    {
      self->filling = FALSE;
      return;
    }
  team_id = tandem_diagram_get_team_id (self->diagram);

  tandem_person_chooser_set_team (self->proposed_by, project, team_id);
  tandem_person_chooser_set_person_id (self->proposed_by, node->proposed_by);
  gtk_widget_set_sensitive (GTK_WIDGET (self->proposed_by), self->editable);
  /* What it shows is this page's copy of the node: a choice is checked
   * against the copy. */
  tandem_shown_field_remember_value (GTK_WIDGET (self->proposed_by), TANDEM_ENTITY_NODE, self->node_id,
                                     TANDEM_FIELD_NODE_PROPOSED_BY, node->proposed_by);

  {
    g_autoptr(GPtrArray) coproducers = tandem_diagram_list_coproducers (project, node->id);

    for (guint c = 0; c < coproducers->len; c++)
      {
        TandemNamedItem *person = coproducers->pdata[c];

        gtk_box_append (self->coproducers_box,
                        pair_check (self, person->name, "coproducer", person->id, TRUE,
                                    G_CALLBACK (coproducer_toggled_cb)));
      }
  }
  tandem_person_chooser_set_team (self->coproducer_chooser, project, team_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->coproducer_chooser), self->editable);

  for (guint t = 0; t < tandem_diagram_get_n_tags (self->diagram); t++)
    {
      const TandemDiagramTag *tag = tandem_diagram_get_tag (self->diagram, t);
      gboolean on = FALSE;

      for (guint n = 0; n < node->tags->len; n++)
        on |= g_array_index (node->tags, guint, n) == t;
      gtk_box_append (self->tags_box,
                      pair_check (self, tag->name, "tag", tag->id, on, G_CALLBACK (tag_toggled_cb)));
    }

  {
    g_autoptr(GPtrArray) pdsa = tandem_diagram_list_pdsa (project, node->id);

    for (guint c = 0; c < pdsa->len; c++)
      {
        GtkWidget *row = pdsa_row (self, pdsa->pdata[c]);

        g_ptr_array_add (self->pdsa_rows, row);
        adw_preferences_group_add (self->cycles_group, row);
      }
  }
  gtk_widget_set_sensitive (self->add_pdsa, self->editable);
  self->filling = FALSE;
}

static void
tandem_change_idea_details_dispose (GObject *object)
{
  TandemChangeIdeaDetails *self = TANDEM_CHANGE_IDEA_DETAILS (object);

  g_clear_object (&self->project);
  g_clear_object (&self->diagram);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CHANGE_IDEA_DETAILS);
  G_OBJECT_CLASS (tandem_change_idea_details_parent_class)->dispose (object);
}

static void
tandem_change_idea_details_finalize (GObject *object)
{
  TandemChangeIdeaDetails *self = TANDEM_CHANGE_IDEA_DETAILS (object);

  g_ptr_array_unref (self->pdsa_rows);
  g_free (self->node_id);
  g_free (self->expanded_pdsa);
  g_free (self->pdsa_node);
  G_OBJECT_CLASS (tandem_change_idea_details_parent_class)->finalize (object);
}

static void
tandem_change_idea_details_class_init (TandemChangeIdeaDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_change_idea_details_dispose;
  object_class->finalize = tandem_change_idea_details_finalize;

  /**
   * TandemChangeIdeaDetails::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemChangeIdeaDetails::save-failed:
   * @editor: (nullable): the editor the save came from
   * @id: the node or PDSA cycle saved
   * @field: the field saved
   * @error: why; perhaps another program changed the same field
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 4, GTK_TYPE_WIDGET, G_TYPE_STRING,
                                       G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemChangeIdeaDetails::toast:
   * @title: what was done, to be offered for undoing
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TANDEM_TYPE_PERSON_CHOOSER);
  g_type_ensure (TANDEM_TYPE_PDSA_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-change-idea-details.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, proposed_by);
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, coproducers_box);
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, coproducer_chooser);
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, tags_box);
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, cycles_group);
  gtk_widget_class_bind_template_child (widget_class, TandemChangeIdeaDetails, add_pdsa);
  gtk_widget_class_bind_template_callback (widget_class, proposed_by_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, coproducer_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_pdsa_clicked_cb);
}

static void
tandem_change_idea_details_init (TandemChangeIdeaDetails *self)
{
  self->editable = TRUE;
  self->pdsa_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_change_idea_details_new:
 *
 * Returns: (transfer floating): an empty part, until it is shown a change idea
 */
GtkWidget *
tandem_change_idea_details_new (void)
{
  return g_object_new (TANDEM_TYPE_CHANGE_IDEA_DETAILS, NULL);
}

/**
 * tandem_change_idea_details_show:
 * @self: the change idea's part of the details
 * @project: (nullable): the project
 * @diagram: (nullable): the diagram as loaded from @project
 * @node_id: (nullable): a change idea of @diagram
 * @editable: whether it can be changed
 *
 * Fills the part again for @node_id. The PDSA cycle open stays open.
 */
void
tandem_change_idea_details_show (TandemChangeIdeaDetails *self,
                                 TandemProject           *project,
                                 TandemDiagram           *diagram,
                                 const char              *node_id,
                                 gboolean                 editable)
{
  g_return_if_fail (TANDEM_IS_CHANGE_IDEA_DETAILS (self));

  g_set_object (&self->project, project);
  g_set_object (&self->diagram, diagram);
  if (g_strcmp0 (self->node_id, node_id) != 0)
    {
      g_free (self->node_id);
      self->node_id = g_strdup (node_id);
    }
  self->editable = editable;
  fill (self);
}

/**
 * tandem_change_idea_details_get_expanded_pdsa:
 * @self: the change idea's part of the details
 *
 * Returns: (nullable): the PDSA cycle shown open
 */
const char *
tandem_change_idea_details_get_expanded_pdsa (TandemChangeIdeaDetails *self)
{
  g_return_val_if_fail (TANDEM_IS_CHANGE_IDEA_DETAILS (self), NULL);
  return self->expanded_pdsa;
}
