/* tandem-enum-row.h — a combo row offering the values of a stored enum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

/* An enum's label function (tandem-stored-enums.h), taking its value. */
typedef const char *(*TandemEnumLabelFunc) (int value);

#define TANDEM_ENUM_LABEL_FUNC(f) ((TandemEnumLabelFunc) (f))

void        tandem_combo_row_show_whole_labels (AdwComboRow *row);

void        tandem_enum_row_set_model (AdwComboRow         *row,
                                       GType                enum_type,
                                       TandemEnumLabelFunc  label);
int         tandem_enum_row_get_value (AdwComboRow         *row);
void        tandem_enum_row_set_value (AdwComboRow         *row,
                                       int                  value);
TandemValue tandem_enum_row_get_word  (AdwComboRow         *row,
                                       GType                enum_type,
                                       int                  null_value);
void        tandem_enum_row_set_word  (AdwComboRow         *row,
                                       GType                enum_type,
                                       const char          *word);

GtkWidget  *tandem_enum_drop_down_new       (GType                enum_type,
                                             TandemEnumLabelFunc  label);
int         tandem_enum_drop_down_get_value (GtkDropDown         *drop_down);
void        tandem_enum_drop_down_set_value (GtkDropDown         *drop_down,
                                             int                  value);
void        tandem_drop_down_name_button    (GtkDropDown         *drop_down);
gboolean    tandem_enter_on_check_button    (GtkWidget           *window,
                                             guint                keyval,
                                             GdkModifierType      state,
                                             GtkWidget           *default_button,
                                             const char          *action);

G_END_DECLS
