/* tandem-author-prompt.h — asking, once and kindly, for the name written on
 * a person's changes when they have never set one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_AUTHOR_PROMPT (tandem_author_prompt_get_type ())

G_DECLARE_FINAL_TYPE (TandemAuthorPrompt, tandem_author_prompt, TANDEM, AUTHOR_PROMPT, AdwBin)

GtkWidget *tandem_author_prompt_new         (void);
void       tandem_author_prompt_set_project (TandemAuthorPrompt *self,
                                             GSettings          *settings,
                                             TandemProject      *project);
gboolean   tandem_author_prompt_is_asking   (TandemAuthorPrompt *self);

G_END_DECLS
