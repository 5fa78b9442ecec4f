/* tandem-page.c — what every area page of a project window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-page.h"
#include "tandem-plain-text.h"

typedef struct
{
  TandemProject *project;
  char          *team_id;
  gulong         changed_id;
  gboolean       stale;  /* out of sight when it should have reloaded */
} TandemPagePrivate;

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TEAM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TandemPage, tandem_page, ADW_TYPE_BIN)

/* Shows the project and team afresh, now. */
static void
reload_now (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);
  TandemPageClass *klass = TANDEM_PAGE_GET_CLASS (self);

  priv->stale = FALSE;
  if (klass->reload)
    klass->reload (self);
}

/* A page out of sight in a window on screen (another page in front) shows
 * the project afresh when it comes into view, not before: a team switch or
 * an edit reloads the page in front only. A page with no window on screen
 * (nothing is in front) reloads at once. */
static void
reload (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (parent != NULL && gtk_widget_get_mapped (parent) && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  reload_now (self);
}

/* Coming into view: a page out of date reloads before its rows are mapped,
 * so the first frame shows the current team and data. */
static void
tandem_page_map (GtkWidget *widget)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (TANDEM_PAGE (widget));

  if (priv->stale)
    reload_now (TANDEM_PAGE (widget));
  GTK_WIDGET_CLASS (tandem_page_parent_class)->map (widget);
}

static void
project_changed_cb (TandemProject *project,
                    const char    *entity,
                    TandemPage    *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);
  const char * const *entities = TANDEM_PAGE_GET_CLASS (self)->entities;

  /* A change that deleted the page's team: the window is about to show
   * another team, so there is nothing of this one left to show. */
  if (priv->team_id && !tandem_project_exists (project, TANDEM_ENTITY_TEAM, priv->team_id))
    return;
  if (entities == NULL || g_strv_contains (entities, entity))
    reload (self);
}

static void
tandem_page_dispose (GObject *object)
{
  TandemPage *self = TANDEM_PAGE (object);
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  if (priv->project)
    g_clear_signal_handler (&priv->changed_id, priv->project);
  g_clear_object (&priv->project);
  G_OBJECT_CLASS (tandem_page_parent_class)->dispose (object);
}

static void
tandem_page_finalize (GObject *object)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (TANDEM_PAGE (object));

  g_free (priv->team_id);
  G_OBJECT_CLASS (tandem_page_parent_class)->finalize (object);
}

static void
tandem_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (TANDEM_PAGE (object));

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, priv->project);
      break;
    case PROP_TEAM_ID:
      g_value_set_string (value, priv->team_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TandemPage *self = TANDEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tandem_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_TEAM_ID:
      tandem_page_set_team_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_page_class_init (TandemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_page_dispose;
  object_class->finalize = tandem_page_finalize;
  object_class->get_property = tandem_page_get_property;
  object_class->set_property = tandem_page_set_property;
  widget_class->map = tandem_page_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM_ID] =
    g_param_spec_string ("team-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_page_init (TandemPage *self)
{
}

/**
 * tandem_page_get_project:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the project the page shows
 */
TandemProject *
tandem_page_get_project (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_PAGE (self), NULL);
  return priv->project;
}

/**
 * tandem_page_set_project:
 * @self: a page
 * @project: (nullable): the project to show
 *
 * The page follows the project's changes (including other programs' ones)
 * to the kinds of item its class lists.
 */
void
tandem_page_set_project (TandemPage    *self,
                         TandemProject *project)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_PAGE (self));

  if (priv->project == project)
    return;
  if (priv->project)
    g_clear_signal_handler (&priv->changed_id, priv->project);
  g_set_object (&priv->project, project);
  if (project)
    priv->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  reload (self);
}

const char *
tandem_page_get_team_id (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_PAGE (self), NULL);
  return priv->team_id;
}

/**
 * tandem_page_set_team_id:
 * @self: a page
 * @team_id: (nullable): the team whose work the page shows
 */
void
tandem_page_set_team_id (TandemPage *self,
                         const char *team_id)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_PAGE (self));

  if (g_strcmp0 (priv->team_id, team_id) == 0)
    return;
  g_free (priv->team_id);
  priv->team_id = g_strdup (team_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
  reload (self);
}

/**
 * tandem_page_get_stale:
 * @self: a page
 *
 * Returns: whether the page, out of sight, has yet to show a change of its
 *   project or team (it will when it comes into view)
 */
gboolean
tandem_page_get_stale (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_PAGE (self), FALSE);
  return priv->stale;
}

/**
 * tandem_page_ensure_current:
 * @self: a page
 *
 * Reloads the page now if it is out of date (out of sight when its project
 * or team changed), as before printing or exporting what it shows.
 */
void
tandem_page_ensure_current (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_PAGE (self));
  if (priv->stale)
    reload_now (self);
}

/**
 * tandem_page_get_editable:
 * @self: a page
 *
 * Returns: whether there is a project and it can be changed
 */
gboolean
tandem_page_get_editable (TandemPage *self)
{
  TandemPagePrivate *priv = tandem_page_get_instance_private (self);

  return priv->project != NULL && !tandem_project_get_read_only (priv->project);
}

/**
 * tandem_page_show_error:
 * @self: a page
 * @heading: what failed, as a title
 * @error: why
 *
 * Shows an error over the page's window. Pages keep what the person typed
 * when an edit fails, so nothing is lost.
 */
void
tandem_page_show_error (TandemPage   *self,
                        const char   *heading,
                        const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tandem_page_show_toast:
 * @self: a page
 * @title: what happened
 * @with_undo: whether to offer Undo (for anything destructive)
 */
void
tandem_page_show_toast (TandemPage *self,
                        const char *title,
                        gboolean    with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = tandem_plain_toast_new (title);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

gboolean
tandem_page_can_print (TandemPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PAGE (self), FALSE);
  return TANDEM_PAGE_GET_CLASS (self)->print != NULL && tandem_page_get_team_id (self) != NULL;
}

/**
 * tandem_page_print:
 * @self: a page
 *
 * Prints what the page shows, with the print dialog and its preview; a
 * page out of date reloads first.
 */
void
tandem_page_print (TandemPage *self)
{
  g_return_if_fail (TANDEM_IS_PAGE (self));
  if (tandem_page_can_print (self))
    {
      tandem_page_ensure_current (self);
      TANDEM_PAGE_GET_CLASS (self)->print (self);
    }
}

gboolean
tandem_page_can_export (TandemPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PAGE (self), FALSE);
  return TANDEM_PAGE_GET_CLASS (self)->export != NULL && tandem_page_get_team_id (self) != NULL;
}

/**
 * tandem_page_export:
 * @self: a page
 *
 * Exports what the page shows to a file the person chooses; a page out of
 * date reloads first.
 */
void
tandem_page_export (TandemPage *self)
{
  g_return_if_fail (TANDEM_IS_PAGE (self));
  if (tandem_page_can_export (self))
    {
      tandem_page_ensure_current (self);
      TANDEM_PAGE_GET_CLASS (self)->export (self);
    }
}
