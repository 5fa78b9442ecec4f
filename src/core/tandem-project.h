/* tandem-project.h — one project file: opening it safely, editing it, undoing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-error.h"
#include "tandem-names.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_VALUE_NULL,
  TANDEM_VALUE_INT,
  TANDEM_VALUE_DOUBLE,
  TANDEM_VALUE_TEXT,
} TandemValueType;

/* A value to store in one field. Text is borrowed, not copied. */
typedef struct
{
  TandemValueType  type;
  gint64           i;
  double           d;
  const char      *s;
} TandemValue;

typedef struct
{
  const char  *field;
  TandemValue  value;
} TandemField;

static inline TandemValue
tandem_value_null (void)
{
  TandemValue v = { TANDEM_VALUE_NULL, 0, 0, NULL };
  return v;
}

static inline TandemValue
tandem_value_text (const char *s)
{
  TandemValue v = { s ? TANDEM_VALUE_TEXT : TANDEM_VALUE_NULL, 0, 0, s };
  return v;
}

static inline TandemValue
tandem_value_int (gint64 i)
{
  TandemValue v = { TANDEM_VALUE_INT, i, 0, NULL };
  return v;
}

static inline TandemValue
tandem_value_double (double d)
{
  TandemValue v = { TANDEM_VALUE_DOUBLE, 0, d, NULL };
  return v;
}

typedef enum
{
  TANDEM_CHECK_GOOD = 0,
  TANDEM_CHECK_PROBLEMS = 1,
  TANDEM_CHECK_UNUSABLE = 2,
} TandemCheckResult;

#define TANDEM_TYPE_PROJECT (tandem_project_get_type ())

G_DECLARE_FINAL_TYPE (TandemProject, tandem_project, TANDEM, PROJECT, GObject)

void               tandem_project_set_default_busy_timeout (guint           milliseconds);

TandemProject     *tandem_project_create         (const char      *path,
                                                  GError         **error);
TandemProject     *tandem_project_open           (const char      *path,
                                                  GError         **error);
TandemProject     *tandem_project_open_for_reading (const char    *path,
                                                    GError       **error);
TandemProject     *tandem_project_open_in_memory (const char      *path,
                                                  GError         **error);
gboolean           tandem_project_confirm_intact (TandemProject   *self,
                                                  GError         **error);
void               tandem_project_confirm_intact_async
                                                 (TandemProject       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           tandem_project_confirm_intact_finish
                                                 (TandemProject   *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
TandemCheckResult  tandem_project_check_file     (const char      *path,
                                                  GPtrArray       *problems);

const char        *tandem_project_get_path       (TandemProject   *self);
char              *tandem_project_dup_title      (TandemProject   *self);
gboolean           tandem_project_get_read_only  (TandemProject   *self);
const char        *tandem_project_get_replica_id (TandemProject   *self);
char              *tandem_project_dup_identity   (TandemProject   *self,
                                                  char           **last_change,
                                                  gint64          *n_changes,
                                                  GError         **error);
const char        *tandem_project_get_author     (TandemProject   *self);
void               tandem_project_set_author     (TandemProject   *self,
                                                  const char      *author);

gboolean           tandem_project_save_copy      (TandemProject   *self,
                                                  const char      *path,
                                                  GError         **error);

gboolean           tandem_project_begin          (TandemProject   *self,
                                                  const char      *label,
                                                  GError         **error);
gboolean           tandem_project_begin_creation (TandemProject   *self,
                                                  const char      *label,
                                                  GError         **error);
gboolean           tandem_project_commit         (TandemProject   *self,
                                                  GError         **error);
void               tandem_project_rollback       (TandemProject   *self);

char              *tandem_project_insert         (TandemProject     *self,
                                                  const char        *entity,
                                                  const TandemField *fields,
                                                  guint              n_fields,
                                                  GError           **error);
gboolean           tandem_project_update         (TandemProject     *self,
                                                  const char        *entity,
                                                  const char        *id,
                                                  const char        *field,
                                                  TandemValue        value,
                                                  GError           **error);
gboolean           tandem_project_delete         (TandemProject     *self,
                                                  const char        *entity,
                                                  const char        *id,
                                                  GError           **error);

gboolean           tandem_project_can_undo       (TandemProject   *self);
gboolean           tandem_project_can_redo       (TandemProject   *self);
char              *tandem_project_dup_undo_label (TandemProject   *self);
char              *tandem_project_dup_redo_label (TandemProject   *self);
gboolean           tandem_project_undo           (TandemProject   *self,
                                                  GError         **error);
gboolean           tandem_project_redo           (TandemProject   *self,
                                                  GError         **error);

gboolean           tandem_project_exists         (TandemProject   *self,
                                                  const char      *entity,
                                                  const char      *id);
char              *tandem_project_get_text       (TandemProject   *self,
                                                  const char      *entity,
                                                  const char      *id,
                                                  const char      *field);
GPtrArray         *tandem_project_list_ids       (TandemProject   *self,
                                                  const char      *entity,
                                                  const char      *parent_field,
                                                  const char      *parent_id,
                                                  const char      *order_field);
gint64             tandem_project_count          (TandemProject   *self,
                                                  const char      *entity,
                                                  const char      *parent_field,
                                                  const char      *parent_id);
char              *tandem_project_dup_added_by   (TandemProject   *self,
                                                  const char      *id);

gboolean           tandem_project_poll           (TandemProject   *self);
void               tandem_project_watch          (TandemProject   *self,
                                                  guint            interval_ms);

G_END_DECLS
