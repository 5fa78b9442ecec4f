/* tandem-session-review.h — a session's review of the actions agreed at
 * earlier sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SESSION_REVIEW (tandem_session_review_get_type ())

G_DECLARE_FINAL_TYPE (TandemSessionReview, tandem_session_review, TANDEM, SESSION_REVIEW, AdwBin)

GtkWidget  *tandem_session_review_new           (void);
void        tandem_session_review_reload        (TandemSessionReview *self,
                                                 TandemProject       *project,
                                                 const TandemSession *session,
                                                 const char          *today);
guint       tandem_session_review_get_n_actions (TandemSessionReview *self);
const char *tandem_session_review_get_action_id (TandemSessionReview *self,
                                                 guint                position);

G_END_DECLS
