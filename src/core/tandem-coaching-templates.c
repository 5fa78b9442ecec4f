/* tandem-coaching-templates.c — what a coaching session can start from: the
 * built-in templates and the coach's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Coaching"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-coaching.h"
#include "tandem-coaching-private.h"

/* ------------------------------------------------------------------------ */
/* Templates                                                                */

static TandemCoachingTemplate *
template_new (const char *id,
              const char *name,
              const char *kind,
              int         minutes,
              gboolean    online,
              const char *check_in,
              const char *notes,
              const char *advice,
              const char *agreements)
{
  TandemCoachingTemplate *template_ = g_new0 (TandemCoachingTemplate, 1);

  template_->id = g_strdup (id);
  template_->name = g_strdup (name);
  template_->kind = g_strdup (kind);
  template_->minutes = minutes;
  template_->online = online;
  template_->check_in = g_strdup (check_in);
  template_->notes = g_strdup (notes);
  template_->advice = g_strdup (advice);
  template_->agreements = g_strdup (agreements);
  return template_;
}

/**
 * tandem_coaching_list_templates:
 * @project: a project
 *
 * The templates a session can start from: the programme's two built-in ones
 * (the 2-minute check-in and the reflection prompts), then the coach's own,
 * saved in the project.
 *
 * Returns: (transfer full) (element-type TandemCoachingTemplate): the templates
 */
GPtrArray *
tandem_coaching_list_templates (TandemProject *project)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_coaching_template_free);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (templates, template_new (
    NULL, _("Two-minute check-in"), NULL, 0, FALSE,
    _("Two-minute check-in, for everyone:\n"
      "• What am I feeling in my body right now?\n"
      "• Am I grounded, regulated and present?\n"
      "• Am I feeling depleted, overwhelmed or dysregulated?\n"
      "• Do I need connection, rest or support?"),
    _("Review of last time's actions:\n"), NULL, NULL));
  g_ptr_array_add (templates, template_new (
    NULL, _("Reflection prompts"), NULL, 0, FALSE, NULL,
    _("Reflection:\n"
      "• What are you proud of?\n"
      "• What change would you like to make but are yet to make?\n"
      "• What would you like to do now, and who do you need to connect with?"),
    NULL, NULL));

  own = _tandem_db_list (project, &error, &_tandem_coaching_template_shape,
                        "SELECT id, name, kind, minutes, online, check_in, notes, advice, "
                        "agreements FROM coaching_template ORDER BY position, name", NULL);
  if (own == NULL)
    {
      /* Without a way to say so, the built-in templates still serve. */
      g_warning ("%s", error->message);
      return templates;
    }
  g_ptr_array_extend_and_steal (templates, g_steal_pointer (&own));
  return templates;
}

/**
 * tandem_coaching_save_template:
 * @project: a project
 * @name: the template's name
 * @session_id: the session whose kind, length and text to keep
 * @error: return location for an error
 *
 * Saves a session's shape and words as one of the coach's own templates.
 *
 * Returns: (transfer full) (nullable): the template's id
 */
char *
tandem_coaching_save_template (TandemProject  *project,
                               const char     *name,
                               const char     *session_id,
                               GError        **error)
{
  g_autoptr(TandemSession) session = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  session = tandem_coaching_get_session (project, session_id, error);
  if (session == NULL)
    return NULL;
  {
    TandemField fields[] = {
      { "name", tandem_value_text (name) },
      { "kind", tandem_value_text (session->kind) },
      { "minutes", session->minutes > 0 ? tandem_value_int (session->minutes) : tandem_value_null () },
      { "online", tandem_value_int (session->online) },
      { "check_in", tandem_value_text (session->check_in) },
      { "notes", tandem_value_text (session->notes) },
      { "advice", tandem_value_text (session->advice) },
      { "agreements", tandem_value_text (session->agreements) },
      { "position", tandem_value_double (tandem_clock_real_time () / 1e6) },
    };

    return _tandem_db_insert_change (project, _("Save session template"), "coaching_template",
                                     fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_coaching_rename_template:
 * @project: a project
 * @template_id: one of the coach's own templates
 * @name: its new name
 * @error: return location for an error
 *
 * Renames a template, as one undoable change (“Rename session template”).
 * Built-in templates have no id and cannot be renamed.
 *
 * Returns: %TRUE if it was renamed
 */
gboolean
tandem_coaching_rename_template (TandemProject  *project,
                                 const char     *template_id,
                                 const char     *name,
                                 GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A template needs a name."));
      return FALSE;
    }
  if (!tandem_change_begin (&change, project, _("Rename session template"), error))
    return FALSE;
  return tandem_project_update (project, "coaching_template", template_id,
                                "name", tandem_value_text (stripped), error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_coaching_delete_template:
 * @project: a project
 * @template_id: one of the coach's own templates
 * @error: return location for an error
 *
 * Deletes a template, as one undoable change (“Delete session template”).
 * Sessions started from it keep their words.
 *
 * Returns: %TRUE if it was deleted
 */
gboolean
tandem_coaching_delete_template (TandemProject  *project,
                                 const char     *template_id,
                                 GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  return _tandem_db_delete (project, "coaching_template", template_id,
                            _("Delete session template"), error);
}
