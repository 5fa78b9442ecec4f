/* tandem-standards-private.h — what the standards' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-standards.h"

G_BEGIN_DECLS

#define TANDEM_STANDARDS_TEAM_GONE _("This team no longer exists: someone may have deleted it.")
#define TANDEM_STANDARDS_ROUND_GONE \
  _("This self-assessment round no longer exists: someone may have deleted it.")

char     *_tandem_standards_insert_response (TandemProject                  *project,
                                             const char                     *round_id,
                                             const TandemAssessmentResponse *response,
                                             double                          position,
                                             GError                        **error);
gboolean  _tandem_standards_check_response  (const TandemStandardsFramework *framework,
                                             const TandemAssessmentResponse *response,
                                             GError                        **error);
char     *_tandem_standards_fold            (const char *text);

G_END_DECLS
