/* tandem-measures-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURES_PAGE (tandem_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasuresPage, tandem_measures_page, TANDEM, MEASURES_PAGE, TandemPage)

G_END_DECLS
