/* tandem-standards-import-dialog.h — importing a round's responses from a survey's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-standards-page.h"

G_BEGIN_DECLS

void tandem_standards_import_choose (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);

G_END_DECLS
