/* tandem-coaching-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_PAGE (tandem_coaching_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM, COACHING_PAGE, TandemPage)

G_END_DECLS
