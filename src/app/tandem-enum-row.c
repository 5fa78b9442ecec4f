/* tandem-enum-row.c — a combo row or drop-down offering the values of a
 * stored enum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row's model is an AdwEnumListModel of the enum's GType, each value
 * shown by its translated label from core; what is stored is the value's
 * nick, the word the file keeps.
 */

#include "config.h"

#include "tandem-enum-row.h"
#include "tandem-stored-enums.h"

static char *
item_label (AdwEnumListItem *item,
            gpointer         label)
{
  return g_strdup (((TandemEnumLabelFunc) label) (adw_enum_list_item_get_value (item)));
}

/* ------------------------------------------------------------------------ */
/* Whole labels                                                             */

/* The words a combo row shows for @item: by its expression, or the string
 * of a string list. */
static char *
row_item_text (AdwComboRow *row,
               GObject     *item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

static gboolean
selected_to_opacity (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      data)
{
  g_value_set_double (to, g_value_get_boolean (from) ? 1.0 : 0.0);
  return TRUE;
}

static void
whole_label_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  in_list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  /* Wrapped, never cut: “Children and young people (PICU)” and “Children
   * and young people (general adolescent unit)” must be told apart. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), in_list ? 40 : 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (in_list)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* Shown for the chosen one; the others keep its room. */
      g_object_bind_property_full (list_item, "selected", check, "opacity", G_BINDING_SYNC_CREATE,
                                   selected_to_opacity, NULL, NULL, NULL);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_list_item_set_child (list_item, box);
}

static void
whole_label_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char *text = row_item_text (row, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static GtkListItemFactory *
whole_label_factory (AdwComboRow *row,
                     gboolean     in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (whole_label_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect_object (factory, "bind", G_CALLBACK (whole_label_bind_cb), row, 0);
  return factory;
}

/**
 * tandem_combo_row_show_whole_labels:
 * @row: a combo row
 *
 * Shows every choice of @row whole, wrapped over lines if need be, in the
 * row and in its list: libadwaita's own labels cut a choice at twenty
 * characters, which leaves two long choices looking the same.
 */
void
tandem_combo_row_show_whole_labels (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) shown = whole_label_factory (row, FALSE);
  g_autoptr(GtkListItemFactory) listed = whole_label_factory (row, TRUE);

  adw_combo_row_set_factory (row, shown);
  adw_combo_row_set_list_factory (row, listed);
}

/**
 * tandem_enum_row_set_model:
 * @row: a combo row
 * @enum_type: a stored enum's type
 * @label: the enum's label function
 *
 * Makes @row offer every value of @enum_type, in the enum's order, each
 * shown (and named to assistive technologies) by @label.
 */
void
tandem_enum_row_set_model (AdwComboRow         *row,
                           GType                enum_type,
                           TandemEnumLabelFunc  label)
{
  g_autoptr(AdwEnumListModel) model = adw_enum_list_model_new (enum_type);

  adw_combo_row_set_expression (row, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                  G_CALLBACK (item_label),
                                                                  (gpointer) label, NULL));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  tandem_combo_row_show_whole_labels (row);
}

/**
 * tandem_enum_row_get_value:
 * @row: a combo row given a model by tandem_enum_row_set_model()
 *
 * Returns: the enum value chosen, or -1 if none is
 */
int
tandem_enum_row_get_value (AdwComboRow *row)
{
  AdwEnumListItem *item = adw_combo_row_get_selected_item (row);

  return item ? adw_enum_list_item_get_value (item) : -1;
}

/**
 * tandem_enum_row_set_value:
 * @row: a combo row given a model by tandem_enum_row_set_model()
 * @value: one of the enum's values
 *
 * Shows @value as chosen.
 */
void
tandem_enum_row_set_value (AdwComboRow *row,
                           int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (row));

  adw_combo_row_set_selected (row, adw_enum_list_model_find_position (model, value));
}

/**
 * tandem_enum_row_get_word:
 * @row: a combo row given a model by tandem_enum_row_set_model()
 * @enum_type: its enum's type
 * @null_value: the value stored as NULL, or -1
 *
 * Returns: the chosen value as it is stored: its nick, or NULL
 */
TandemValue
tandem_enum_row_get_word (AdwComboRow *row,
                          GType        enum_type,
                          int          null_value)
{
  int value = tandem_enum_row_get_value (row);

  if (value == null_value)
    return tandem_value_text (NULL);
  return tandem_value_text (tandem_stored_enum_to_word (enum_type, value));
}

/**
 * tandem_enum_row_set_word:
 * @row: a combo row given a model by tandem_enum_row_set_model()
 * @enum_type: its enum's type
 * @word: (nullable): a stored word
 *
 * Shows the value stored as @word as chosen; the enum's first value if
 * @word is none of its words (NULL, for an enum whose first value is
 * stored as NULL).
 */
void
tandem_enum_row_set_word (AdwComboRow *row,
                          GType        enum_type,
                          const char  *word)
{
  int value;

  if (!tandem_stored_enum_from_word (enum_type, word, &value))
    {
      adw_combo_row_set_selected (row, 0);
      return;
    }
  tandem_enum_row_set_value (row, value);
}

/**
 * tandem_enum_drop_down_new:
 * @enum_type: a stored enum's type
 * @label: the enum's label function
 *
 * Returns: (transfer floating): a drop-down offering every value of
 *   @enum_type, in the enum's order, each shown by @label
 */
GtkWidget *
tandem_enum_drop_down_new (GType                enum_type,
                           TandemEnumLabelFunc  label)
{
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (adw_enum_list_model_new (enum_type)),
                                            gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                         G_CALLBACK (item_label),
                                                                         (gpointer) label, NULL));

  tandem_drop_down_name_button (GTK_DROP_DOWN (drop_down));
  return drop_down;
}

/**
 * tandem_drop_down_name_button:
 * @drop_down: a drop-down
 *
 * GTK 4.8's drop-down holds a toggle button of its own with no name, which
 * a screen reader announces as “GtkToggleButton”: this names it by the
 * drop-down (whose own name is given where it is made, before or after).
 */
void
tandem_drop_down_name_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      drop_down, NULL, -1);
}

/**
 * tandem_enter_on_check_button:
 * @window: the window a key controller watches
 * @keyval: the key pressed
 * @state: its modifiers
 * @default_button: the window's default button
 * @action: the action it runs
 *
 * A tick box would take Enter as Space and change; Enter there is the
 * window's default action, as in an entry.  Buttons and drop-downs keep
 * Enter for themselves.  For a key controller's ::key-pressed.
 *
 * Returns: whether the key was taken
 */
gboolean
tandem_enter_on_check_button (GtkWidget       *window,
                              guint            keyval,
                              GdkModifierType  state,
                              GtkWidget       *default_button,
                              const char      *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_CHECK_BUTTON) != NULL)
    {
      /* The default button is insensitive while its action is disabled. */
      if (!gtk_widget_is_sensitive (default_button))
        return TRUE;
      return gtk_widget_activate_action (window, action, NULL);
    }
  return FALSE;
}

/**
 * tandem_enum_drop_down_get_value:
 * @drop_down: a drop-down made by tandem_enum_drop_down_new()
 *
 * Returns: the enum value chosen, or -1 if none is
 */
int
tandem_enum_drop_down_get_value (GtkDropDown *drop_down)
{
  AdwEnumListItem *item = gtk_drop_down_get_selected_item (drop_down);

  return item ? adw_enum_list_item_get_value (item) : -1;
}

/**
 * tandem_enum_drop_down_set_value:
 * @drop_down: a drop-down made by tandem_enum_drop_down_new()
 * @value: one of the enum's values
 *
 * Shows @value as chosen.
 */
void
tandem_enum_drop_down_set_value (GtkDropDown *drop_down,
                                 int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (drop_down));

  gtk_drop_down_set_selected (drop_down, adw_enum_list_model_find_position (model, value));
}
