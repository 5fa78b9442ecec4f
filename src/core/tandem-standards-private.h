/* tandem-standards-private.h — what the standards' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-standards.h"

G_BEGIN_DECLS

#define TITLE_MAX 200
#define HINTS_MAX 2000
#define WORD_MAX 100
#define ASKS_MAX 500
#define COMMENT_MAX 4000
#define NOTE_MAX 20000
#define REFERENCE_MAX 2000
#define MEMBERS_MAX 2000

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
gboolean  _tandem_standards_clean_text      (const char  *text,
                                             int          max,
                                             gboolean     required,
                                             const char  *what,
                                             char       **clean,
                                             GError     **error);
gboolean  _tandem_standards_check_date      (const char  *text,
                                             const char  *what,
                                             char         date[11],
                                             GError     **error);
gboolean  _tandem_standards_set_checked     (TandemProject  *project,
                                             const char     *entity,
                                             const char     *id,
                                             const char     *field,
                                             const char     *shown,
                                             TandemValue     value,
                                             const char     *label,
                                             const char     *gone,
                                             GError        **error);

G_END_DECLS
