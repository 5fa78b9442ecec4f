/* tandem-merge-dialog.h — File → Merge…: choose another copy of the project,
 * bring in what it changed, and say what came in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-merge.h"

G_BEGIN_DECLS

void tandem_merge_dialog_present (GtkWindow     *parent,
                                  TandemProject *project);
void tandem_merge_file_into      (GtkWindow     *parent,
                                  TandemProject *project,
                                  const char    *theirs_path);

G_END_DECLS
