/* tandem-diagram-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_PAGE (tandem_diagram_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramPage, tandem_diagram_page, TANDEM, DIAGRAM_PAGE, TandemPage)

G_END_DECLS
