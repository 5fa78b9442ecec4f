/* tandem-help-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_HELP_WINDOW (tandem_help_window_get_type ())

/**
 * TandemHelpKind:
 * @TANDEM_HELP_TOPIC: starts a topic (a page of the guide); the text is its title
 * @TANDEM_HELP_HEADING: a section heading within a topic
 * @TANDEM_HELP_PARAGRAPH: a paragraph
 * @TANDEM_HELP_BULLET: one item of a list
 */
typedef enum
{
  TANDEM_HELP_TOPIC,
  TANDEM_HELP_HEADING,
  TANDEM_HELP_PARAGRAPH,
  TANDEM_HELP_BULLET,
} TandemHelpKind;

/* One piece of the guide; text is untranslated (marked with N_()). */
typedef struct
{
  TandemHelpKind  kind;
  const char     *text;
} TandemHelpBlock;

/* The user guide, in tandem-help-topics.c. */
extern const TandemHelpBlock tandem_help_guide[];
extern const guint           tandem_help_guide_length;

G_DECLARE_FINAL_TYPE (TandemHelpWindow, tandem_help_window, TANDEM, HELP_WINDOW, AdwWindow)

GtkWindow *tandem_help_window_new        (GtkWindow             *parent);
guint      tandem_help_window_add_blocks (TandemHelpWindow      *self,
                                          const TandemHelpBlock *blocks,
                                          guint                  n_blocks);

G_END_DECLS
