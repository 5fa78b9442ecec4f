/* tandem-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-error.h"

G_DEFINE_QUARK (tandem-project-error-quark, tandem_project_error)
