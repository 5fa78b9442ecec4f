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
  return gtk_drop_down_new (G_LIST_MODEL (adw_enum_list_model_new (enum_type)),
                            gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                         G_CALLBACK (item_label), (gpointer) label,
                                                         NULL));
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
