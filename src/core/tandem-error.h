/* tandem-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_PROJECT_ERROR (tandem_project_error_quark ())

/**
 * TandemProjectError:
 * @TANDEM_PROJECT_ERROR_NOT_FOUND: the file does not exist (any more)
 * @TANDEM_PROJECT_ERROR_NOT_SQLITE: the file is not a database at all
 * @TANDEM_PROJECT_ERROR_NOT_TANDEM: a database, but not a Tandem project
 * @TANDEM_PROJECT_ERROR_TOO_NEW: made by a newer version of Tandem
 * @TANDEM_PROJECT_ERROR_CORRUPT: damaged or truncated
 * @TANDEM_PROJECT_ERROR_READ_ONLY: the project can only be read
 * @TANDEM_PROJECT_ERROR_LOCKED: another program holds the file
 * @TANDEM_PROJECT_ERROR_DISK_FULL: no space left to save a change
 * @TANDEM_PROJECT_ERROR_EXISTS: refusing to overwrite an existing file
 * @TANDEM_PROJECT_ERROR_INVALID: a value that cannot be stored
 * @TANDEM_PROJECT_ERROR_NOTHING_TO_UNDO: the undo (or redo) stack is empty
 * @TANDEM_PROJECT_ERROR_FAILED: anything else, with SQLite's own words
 * @TANDEM_PROJECT_ERROR_CONFLICT: someone else changed the same field first;
 *   both values are kept for a person to choose
 */
typedef enum
{
  TANDEM_PROJECT_ERROR_NOT_FOUND,
  TANDEM_PROJECT_ERROR_NOT_SQLITE,
  TANDEM_PROJECT_ERROR_NOT_TANDEM,
  TANDEM_PROJECT_ERROR_TOO_NEW,
  TANDEM_PROJECT_ERROR_CORRUPT,
  TANDEM_PROJECT_ERROR_READ_ONLY,
  TANDEM_PROJECT_ERROR_LOCKED,
  TANDEM_PROJECT_ERROR_DISK_FULL,
  TANDEM_PROJECT_ERROR_EXISTS,
  TANDEM_PROJECT_ERROR_INVALID,
  TANDEM_PROJECT_ERROR_NOTHING_TO_UNDO,
  TANDEM_PROJECT_ERROR_FAILED,
  TANDEM_PROJECT_ERROR_CONFLICT,
} TandemProjectError;

GQuark tandem_project_error_quark (void);

G_END_DECLS
