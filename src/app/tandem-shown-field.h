/* tandem-shown-field.h — what an editor showed of one field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-page.h"
#include "tandem-project.h"

G_BEGIN_DECLS

gboolean    tandem_shown_field_fill            (GtkWidget     *editor,
                                                TandemProject *project,
                                                const char    *entity,
                                                const char    *id,
                                                const char    *field,
                                                const char    *text);
gboolean    tandem_shown_field_fill_value      (GtkWidget     *editor,
                                                const char    *entity,
                                                const char    *id,
                                                const char    *field,
                                                const char    *stored,
                                                const char    *text);
void        tandem_shown_field_remember        (GtkWidget     *editor,
                                                TandemProject *project,
                                                const char    *entity,
                                                const char    *id,
                                                const char    *field);
void        tandem_shown_field_remember_value  (GtkWidget     *editor,
                                                const char    *entity,
                                                const char    *id,
                                                const char    *field,
                                                const char    *stored);
const char *tandem_shown_field_get_stored      (GtkWidget     *editor);
gboolean    tandem_shown_field_is_changed      (GtkWidget     *editor);
gboolean    tandem_shown_field_is_edited       (GtkWidget     *editor);
void        tandem_shown_field_saved           (GtkWidget     *editor,
                                                TandemProject *project);
gboolean    tandem_shown_field_is_released     (GtkWidget     *editor);
void        tandem_shown_field_release         (GtkWidget     *editor);
GHashTable *tandem_shown_field_save_typing     (GtkWidget     *container);
void        tandem_shown_field_restore_typing  (GtkWidget     *container,
                                                GHashTable    *typing);
void        tandem_shown_field_report_conflict (TandemPage    *page,
                                                const char    *entity_id,
                                                const char    *field,
                                                const GError  *error);
gboolean    tandem_shown_field_take_conflict   (TandemPage    *page,
                                                GtkWidget     *editor,
                                                const char    *entity_id,
                                                const char    *field,
                                                const GError  *error);

G_END_DECLS
