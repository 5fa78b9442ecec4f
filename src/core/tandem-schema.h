/* tandem-schema.h — the project file's tables, their migrations and their shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "Tand" in ASCII: written to PRAGMA application_id of every project file. */
#define TANDEM_APPLICATION_ID 0x54616E64
#define TANDEM_SCHEMA_VERSION 7

typedef struct
{
  int         version;  /* the user_version after this step */
  const char *sql;      /* one or more statements */
} TandemMigration;

typedef enum
{
  TANDEM_CHILD_DELETE,  /* the child row goes with its parent */
  TANDEM_CHILD_CLEAR,   /* the child keeps living; its reference is set to NULL */
} TandemChildRule;

typedef struct
{
  const char      *entity;   /* child table */
  const char      *column;   /* its column that refers to the parent */
  TandemChildRule  rule;
} TandemChildLink;

typedef struct
{
  const char       *name;       /* table name, also the entity's name in the change log */
  GPtrArray        *columns;    /* of const char *: every column, "id" first */
  GArray           *children;   /* of TandemChildLink: rows that refer to this entity */
  char             *select_json; /* SELECT json_object(...) FROM name WHERE id = ?1 */
  char             *insert_json; /* INSERT INTO name (...) SELECT json_extract(?1, ...) */
} TandemEntity;

const TandemMigration *tandem_schema_get_migrations (guint *n_steps);

gboolean               tandem_schema_migrate        (sqlite3               *db,
                                                     const TandemMigration *steps,
                                                     guint                  n_steps,
                                                     GError               **error);

guint8                *tandem_schema_new_image      (gsize                 *size);

const TandemEntity    *tandem_schema_lookup         (const char            *entity);
gboolean               tandem_schema_has_column     (const TandemEntity    *entity,
                                                     const char            *column);
const char * const    *tandem_schema_list_entities  (void);

gboolean               tandem_schema_verify         (sqlite3               *db,
                                                     GError               **error);

G_END_DECLS
