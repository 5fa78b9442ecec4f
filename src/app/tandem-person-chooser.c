/* tandem-person-chooser.c — choose one of a team's people by typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing offers the team's active people whose name, or a word of it,
 * starts with what was typed (without regard to case or accents), then
 * anyone of the project's other teams who fits, and last “Add ‘Name’…”
 * when no one in the team has that name. Enter takes the first offer;
 * Down moves into the offers. Choosing someone from another team adds them
 * to this team, and “Add” adds a new person: each one undoable change.
 */

#define G_LOG_DOMAIN "Tandem-App"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-person.h"
#include "tandem-person-chooser.h"
#include "tandem-plain-text.h"

/* Enough to choose from while typing; a longer name narrows it. */
#define MAX_OFFERS 8

struct _TandemPersonChooser
{
  GtkWidget      parent_instance;

  GtkLabel      *title_label;
  GtkEntry      *entry;
  GtkListBox    *offers_list;
  GtkLabel      *error_label;

  TandemProject *project;
  char          *team_id;
  char          *title;
  gboolean       keeps_choice;
  char          *person_id;     /* the one chosen, when the choice is kept */
  char          *person_name;
  GPtrArray     *offer_ids;     /* the offers' people, in the list's order */
  GPtrArray     *offer_names;
  guint          n_in_team;     /* the first offers are in the team */
  gboolean       offers_add;    /* the last row adds the typed name */
  gboolean       filling;
};

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_KEEPS_CHOICE,
  N_PROPS
};

enum
{
  PERSON_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemPersonChooser, tandem_person_chooser, GTK_TYPE_WIDGET)

static char *
typed_name (TandemPersonChooser *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

/* The same name as a person reads it: case and accents aside. */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *na = g_utf8_normalize (a, -1, G_NORMALIZE_ALL);
  g_autofree char *nb = g_utf8_normalize (b, -1, G_NORMALIZE_ALL);
  g_autofree char *fa = na ? g_utf8_casefold (na, -1) : NULL;
  g_autofree char *fb = nb ? g_utf8_casefold (nb, -1) : NULL;

  return fa != NULL && g_strcmp0 (fa, fb) == 0;
}

static void
show_text (TandemPersonChooser *self,
           const char          *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->filling = FALSE;
}

static void
clear_offers (TandemPersonChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->offers_list))) != NULL)
    gtk_list_box_remove (self->offers_list, child);
  g_ptr_array_set_size (self->offer_ids, 0);
  g_ptr_array_set_size (self->offer_names, 0);
  self->n_in_team = 0;
  self->offers_add = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->offers_list), FALSE);
}

static void
add_offer_row (TandemPersonChooser *self,
               const char          *title,
               const char          *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *description = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  description = subtitle ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_list_box_append (self->offers_list, row);
}

static gboolean
listed (GPtrArray  *ids,
        const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (ids->pdata[i], id))
      return TRUE;
  return FALSE;
}

static gboolean
has_person (GPtrArray  *people,
            const char *id)
{
  for (guint i = 0; people && i < people->len; i++)
    if (g_str_equal (((TandemPerson *) people->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

/* The offers for what is typed now. */
static void
update_offers (TandemPersonChooser *self)
{
  g_autofree char *typed = typed_name (self);
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  gboolean exact = FALSE;

  clear_offers (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->project == NULL || self->team_id == NULL || *typed == '\0' ||
      (self->person_name != NULL && g_str_equal (typed, self->person_name)))
    return;

  team = tandem_person_find_prefix (self->project, self->team_id, typed, NULL);
  everyone = tandem_person_find_prefix (self->project, NULL, typed, NULL);
  for (guint i = 0; team && i < team->len && self->offer_ids->len < MAX_OFFERS; i++)
    {
      TandemPerson *person = team->pdata[i];
      g_autofree char *details = NULL;

      if (!tandem_person_is_active (person))
        continue;
      exact |= same_name (person->name, typed);
      if (person->role_title && person->taking_part_as != TANDEM_TAKING_PART_AS_NONE)
        details = g_strdup_printf ("%s · %s", person->role_title,
                                   tandem_taking_part_as_get_label (person->taking_part_as));
      else if (person->taking_part_as != TANDEM_TAKING_PART_AS_NONE)
        details = g_strdup (tandem_taking_part_as_get_label (person->taking_part_as));
      else
        details = g_strdup (person->role_title);
      add_offer_row (self, person->name, details);
      g_ptr_array_add (self->offer_ids, g_strdup (person->id));
      g_ptr_array_add (self->offer_names, g_strdup (person->name));
    }
  self->n_in_team = self->offer_ids->len;
  for (guint i = 0; everyone && i < everyone->len && self->offer_ids->len < MAX_OFFERS; i++)
    {
      TandemPerson *person = everyone->pdata[i];

      if (!tandem_person_is_active (person) || listed (self->offer_ids, person->id) ||
          has_person (team, person->id))
        continue;
      add_offer_row (self, person->name, _("In another team: choosing adds them to this team"));
      g_ptr_array_add (self->offer_ids, g_strdup (person->id));
      g_ptr_array_add (self->offer_names, g_strdup (person->name));
    }
  if (!exact)
    {
      /* Translators: %s is the name as typed */
      g_autofree char *add = g_strdup_printf (_("Add “%s”…"), typed);

      add_offer_row (self, add, _("A new person in this team"));
      self->offers_add = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->offers_list), TRUE);
}

static void
show_error (TandemPersonChooser *self,
            GError              *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_chosen (TandemPersonChooser *self,
            const char          *person_id,
            const char          *name)
{
  g_autofree char *id = g_strdup (person_id);

  clear_offers (self);
  if (self->keeps_choice)
    {
      g_free (self->person_id);
      self->person_id = g_strdup (id);
      g_free (self->person_name);
      self->person_name = g_strdup (name);
      show_text (self, name);
    }
  else
    show_text (self, NULL);
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, id);
}

static void
offer_activated_cb (GtkListBox          *list,
                    GtkListBoxRow       *row,
                    TandemPersonChooser *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0)
    tandem_person_chooser_choose (self, (guint) index);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
entry_changed_cb (GtkEditable         *editable,
                  TandemPersonChooser *self)
{
  if (!self->filling)
    update_offers (self);
}

static void
entry_activated_cb (GtkEntry            *entry,
                    TandemPersonChooser *self)
{
  g_autofree char *typed = typed_name (self);

  if (*typed == '\0')
    {
      /* An empty choice clears one that is kept (“not recorded”). */
      if (self->keeps_choice && self->person_id != NULL)
        set_chosen (self, NULL, NULL);
      return;
    }
  if (self->person_name != NULL && g_str_equal (typed, self->person_name))
    return;
  if (self->offer_ids->len > 0 || self->offers_add)
    tandem_person_chooser_choose (self, 0);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      TandemPersonChooser   *self)
{
  GtkListBoxRow *first;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->offers_list)))
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if ((first = gtk_list_box_get_row_at_index (self->offers_list, 0)) != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      /* Put back what was chosen; a second Escape reaches the dialog. */
      clear_offers (self);
      show_text (self, self->keeps_choice ? self->person_name : NULL);
      return TRUE;
    }
  return FALSE;
}

/* Up from the first offer, or Escape, goes back to typing. */
static gboolean
offers_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       TandemPersonChooser   *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->offers_list, 0);

  if (keyval == GDK_KEY_Escape ||
      ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && focus == GTK_WIDGET (first)))
    {
      if (keyval == GDK_KEY_Escape)
        clear_offers (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
      return TRUE;
    }
  return FALSE;
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               TandemPersonChooser     *self)
{
  g_autofree char *typed = typed_name (self);

  /* Leaving a half-typed name shows what is really chosen, never a name
   * that was not. */
  if (self->keeps_choice && g_strcmp0 (typed, self->person_name ? self->person_name : "") != 0)
    {
      clear_offers (self);
      show_text (self, self->person_name);
    }
}

static void
tandem_person_chooser_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemPersonChooser *self = TANDEM_PERSON_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KEEPS_CHOICE:
      g_value_set_boolean (value, self->keeps_choice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_person_chooser_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemPersonChooser *self = TANDEM_PERSON_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_label_set_label (self->title_label, self->title ? self->title : "");
      gtk_widget_set_visible (GTK_WIDGET (self->title_label), self->title != NULL);
      {
        /* The title may carry a mnemonic (Alt+O), which is not read out. */
        g_autofree char *words = tandem_plain_without_mnemonic (self->title ? self->title
                                                                            : _("Person"));

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
      }
      break;
    case PROP_KEEPS_CHOICE:
      self->keeps_choice = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_person_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_PERSON_CHOOSER);
  G_OBJECT_CLASS (tandem_person_chooser_parent_class)->dispose (object);
}

static void
tandem_person_chooser_finalize (GObject *object)
{
  TandemPersonChooser *self = TANDEM_PERSON_CHOOSER (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->offer_ids, g_ptr_array_unref);
  g_clear_pointer (&self->offer_names, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_person_chooser_parent_class)->finalize (object);
}

static gboolean
tandem_person_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TANDEM_PERSON_CHOOSER (widget)->entry));
}

static void
tandem_person_chooser_class_init (TandemPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_person_chooser_get_property;
  object_class->set_property = tandem_person_chooser_set_property;
  object_class->dispose = tandem_person_chooser_dispose;
  object_class->finalize = tandem_person_chooser_finalize;
  widget_class->grab_focus = tandem_person_chooser_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEEPS_CHOICE] =
    g_param_spec_boolean ("keeps-choice", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemPersonChooser::person-chosen:
   * @person_id: (nullable): who was chosen; %NULL when a kept choice is
   *   cleared
   *
   * Someone was chosen (and added to the team first, if they were not in
   * it).
   */
  signals[PERSON_CHOSEN] =
    g_signal_new ("person-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPersonChooser, title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonChooser, entry);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonChooser, offers_list);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonChooser, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, offer_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_person_chooser_init (TandemPersonChooser *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->offer_ids = g_ptr_array_new_with_free_func (g_free);
  self->offer_names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (offers_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->offers_list), key);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * tandem_person_chooser_new:
 * @title: (nullable): what is being chosen (“Who will do it”), shown above
 *   the entry and read by a screen reader
 * @keeps_choice: %TRUE to show the one chosen in the entry (an owner),
 *   %FALSE to empty it for the next one (adding people who attended)
 *
 * Returns: (transfer floating): a new chooser, with no team yet
 */
GtkWidget *
tandem_person_chooser_new (const char *title,
                           gboolean    keeps_choice)
{
  return g_object_new (TANDEM_TYPE_PERSON_CHOOSER, "title", title, "keeps-choice", keeps_choice,
                       NULL);
}

/**
 * tandem_person_chooser_set_team:
 * @self: a chooser
 * @project: (nullable): the project
 * @team_id: (nullable): the team whose people it offers first, and that
 *   anyone chosen or added joins
 *
 * Sets where people are chosen from. What was typed is cleared.
 */
void
tandem_person_chooser_set_team (TandemPersonChooser *self,
                                TandemProject       *project,
                                const char          *team_id)
{
  g_return_if_fail (TANDEM_IS_PERSON_CHOOSER (self));

  g_set_object (&self->project, project);
  g_free (self->team_id);
  self->team_id = g_strdup (team_id);
  clear_offers (self);
  show_text (self, self->keeps_choice ? self->person_name : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), project != NULL && team_id != NULL);
}

/**
 * tandem_person_chooser_get_person_id:
 * @self: a chooser
 *
 * Returns: (nullable): the person chosen, when the choice is kept
 */
const char *
tandem_person_chooser_get_person_id (TandemPersonChooser *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_CHOOSER (self), NULL);
  return self->person_id;
}

/**
 * tandem_person_chooser_set_person_id:
 * @self: a chooser that keeps its choice
 * @person_id: (nullable): who is chosen, as the file says; %NULL for no one
 *
 * Shows @person_id as chosen, without emitting
 * #TandemPersonChooser::person-chosen.
 */
void
tandem_person_chooser_set_person_id (TandemPersonChooser *self,
                                     const char          *person_id)
{
  g_autoptr(TandemPerson) person = NULL;

  g_return_if_fail (TANDEM_IS_PERSON_CHOOSER (self));

  if (person_id != NULL && self->project != NULL)
    person = tandem_person_get (self->project, person_id, NULL);
  g_free (self->person_id);
  self->person_id = person ? g_strdup (person_id) : NULL;
  g_free (self->person_name);
  self->person_name = person ? g_strdup (person->name) : NULL;
  clear_offers (self);
  show_text (self, self->person_name);
}

/**
 * tandem_person_chooser_get_entry:
 * @self: a chooser
 *
 * Returns: (transfer none): where the name is typed
 */
GtkEditable *
tandem_person_chooser_get_entry (TandemPersonChooser *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

/**
 * tandem_person_chooser_get_n_matches:
 * @self: a chooser
 *
 * Returns: how many offers are shown for what is typed, “Add” included
 */
guint
tandem_person_chooser_get_n_matches (TandemPersonChooser *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_CHOOSER (self), 0);
  return self->offer_ids->len + (self->offers_add ? 1 : 0);
}

/**
 * tandem_person_chooser_get_match:
 * @self: a chooser
 * @index: an offer
 *
 * Returns: (nullable): the name the offer shows (“Add ‘Name’…” for the
 *   last, when it adds someone)
 */
const char *
tandem_person_chooser_get_match (TandemPersonChooser *self,
                                 guint                index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TANDEM_IS_PERSON_CHOOSER (self), NULL);

  if (index < self->offer_names->len)
    return self->offer_names->pdata[index];
  if ((row = gtk_list_box_get_row_at_index (self->offers_list, (int) index)) == NULL)
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (gtk_list_box_row_get_child (row))));
}

/**
 * tandem_person_chooser_choose:
 * @self: a chooser
 * @index: an offer, as tandem_person_chooser_get_match() counts
 *
 * Chooses an offer, as activating its row does: someone from another team
 * joins this one, and “Add” adds the typed name to the team, each as one
 * undoable change. If that cannot be saved, the chooser says why, keeps
 * what was typed, and nobody is chosen.
 *
 * Returns: whether someone was chosen
 */
gboolean
tandem_person_chooser_choose (TandemPersonChooser *self,
                              guint                index)
{
  /* Adding someone changes the project, and the page may rebuild the form
   * this chooser is in: it lives until the choice is made. */
  g_autoptr(TandemPersonChooser) alive = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TANDEM_IS_PERSON_CHOOSER (self), FALSE);

  if (self->project == NULL || self->team_id == NULL)
    return FALSE;
  if (index < self->offer_ids->len)
    {
      id = g_strdup (self->offer_ids->pdata[index]);
      name = g_strdup (self->offer_names->pdata[index]);
      if (index >= self->n_in_team &&
          !tandem_person_add_to_team (self->project, id, self->team_id, &error))
        {
          show_error (self, error);
          return FALSE;
        }
    }
  else if (index == self->offer_ids->len && self->offers_add)
    {
      TandemPerson details = { 0 };

      typed = typed_name (self);
      details.name = typed;
      if ((id = tandem_person_add (self->project, self->team_id, &details, &error)) == NULL)
        {
          show_error (self, error);
          return FALSE;
        }
      name = g_strdup (typed);
    }
  else
    return FALSE;
  set_chosen (self, id, name);
  return TRUE;
}
