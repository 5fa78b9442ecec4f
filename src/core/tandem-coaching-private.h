/* tandem-coaching-private.h — what the coaching files share: reading rows of
 * the file into coaching structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-coaching.h"
#include "tandem-db-private.h"

G_BEGIN_DECLS

/* Coaching structs as rows (see TandemDbShape). */
extern const TandemDbShape _tandem_coaching_search_hit_shape;
extern const TandemDbShape _tandem_coaching_template_shape;

G_END_DECLS
