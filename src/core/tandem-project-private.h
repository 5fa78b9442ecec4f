/* tandem-project-private.h — for core itself and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-project.h"

G_BEGIN_DECLS

sqlite3 *_tandem_project_get_db (TandemProject *self);

G_END_DECLS
