/* tandem-defaults.h — what every new project starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemEquityTag:
 *
 * The built-in equity tags, in the order they are installed (and shown).
 */
typedef enum
{
  TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY,
  TANDEM_EQUITY_TAG_RELIGION_AND_FAITH,
  TANDEM_EQUITY_TAG_CULTURE_AND_LANGUAGE,
  TANDEM_EQUITY_TAG_LEARNING_DISABILITY,
  TANDEM_EQUITY_TAG_AUTISM,
  TANDEM_EQUITY_TAG_SEXUAL_ORIENTATION_AND_GENDER_IDENTITY,
  TANDEM_EQUITY_TAG_SEX,
  TANDEM_EQUITY_TAG_AGE,
  TANDEM_EQUITY_TAG_PREGNANCY_AND_MATERNITY,
  TANDEM_EQUITY_TAG_SOCIOECONOMIC_STATUS,
  TANDEM_EQUITY_TAG_LOCATION,
  TANDEM_EQUITY_TAG_SPECIFIC_GROUPS,
} TandemEquityTag;

#define TANDEM_N_EQUITY_TAGS (TANDEM_EQUITY_TAG_SPECIFIC_GROUPS + 1)

/* The framework name of the built-in peer-support implementation framework. */
#define TANDEM_FRAMEWORK_PEER_SUPPORT "peer-support"

gboolean            tandem_defaults_install         (TandemProject    *project,
                                                     GError          **error);
const char         *tandem_defaults_equity_tag_name (TandemEquityTag   tag);
char               *tandem_defaults_find_equity_tag (TandemProject    *project,
                                                     TandemEquityTag   tag);
const char * const *tandem_defaults_service_types   (void);

G_END_DECLS
