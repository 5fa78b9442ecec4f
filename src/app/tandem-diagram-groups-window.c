/* tandem-diagram-groups-window.c — a diagram's groups of primary drivers and the project's equity tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups are added, renamed, recoloured and deleted; tags added, renamed
 * and removed (a tag in use only after the person has been told where).
 * Each edit is one undoable change in the file. The window tells whoever
 * opened it what went wrong ("failed") and what to offer to undo ("toast"),
 * so that the page behind it says so where its other messages go.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-groups-window.h"
#include "tandem-diagram.h"
#include "tandem-enum-row.h"

struct _TandemDiagramGroupsWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *groups_group;
  AdwPreferencesGroup  *tags_group;

  TandemProject        *project;
  char                 *diagram_id;
  GPtrArray            *rows;          /* the rows the last fill added */
  char                 *removing_tag;  /* the tag the open question is about */
};

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DIAGRAM_ID,
  N_PROPS
};

enum
{
  FAILED,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemDiagramGroupsWindow, tandem_diagram_groups_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct
{
  const char *colour;
  const char *name;
} group_colours[] = {
  { NULL, N_("Automatic") },
  { "#1c71d8", N_("Blue") },
  { "#26a269", N_("Green") },
  { "#c64600", N_("Orange") },
  { "#613583", N_("Purple") },
  { "#a51d2d", N_("Red") },
  { "#865e3c", N_("Brown") },
  { "#5e5c64", N_("Grey") },
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static TandemDiagramGroupsWindow *
window_of (gpointer widget)
{
  return TANDEM_DIAGRAM_GROUPS_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (widget),
                                                                TANDEM_TYPE_DIAGRAM_GROUPS_WINDOW));
}

/* After an edit: says what failed, and shows the lists as the file has them. */
static void
edit_done (TandemDiagramGroupsWindow *self,
           gboolean                   ok,
           const char                *heading,
           const GError              *error)
{
  if (!ok)
    g_signal_emit (self, signals[FAILED], 0, heading, error);
  tandem_diagram_groups_window_reload (self);
}

static GtkWidget *
delete_button (const char *tooltip,
               const char *accessible,
               const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_name (button, name);
  return button;
}

static GtkWidget *
name_row (const char *title,
          const char *text,
          const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_set_name (row, name);
  return row;
}

/* Connects @callback with its own copy of the group's or tag's @id. */
static void
connect_with_id (gpointer    widget,
                 const char *signal,
                 GCallback   callback,
                 const char *id)
{
  g_signal_connect_data (widget, signal, callback, g_strdup (id), (GClosureNotify) G_CALLBACK (g_free), 0);
}

/* ------------------------------------------------------------------------ */
/* Groups                                                                   */

static void
group_name_applied_cb (AdwEntryRow *row,
                       const char  *group_id)
{
  TandemDiagramGroupsWindow *self = window_of (row);
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_diagram_set_group_field (self->project, group_id, "name",
                                                gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  edit_done (self, ok, _("Could Not Rename the Group"), error);
}

typedef struct
{
  TandemDiagramGroupsWindow *window;
  char                      *id;
  const char                *colour;    /* static */
} ColourLater;

/* The colour is saved once the drop-down has finished with the choice:
 * saving fills the lists afresh, drop-down and all. */
static gboolean
colour_later_cb (gpointer data)
{
  ColourLater *later = data;
  TandemDiagramGroupsWindow *self = later->window;
  g_autoptr(GError) error = NULL;

  if (self->project && self->rows)
    edit_done (self, tandem_diagram_set_group_field (self->project, later->id, "colour", later->colour, &error),
               _("Could Not Save the Change"), error);
  g_object_unref (later->window);
  g_free (later->id);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
group_colour_changed_cb (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         const char  *group_id)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  ColourLater *later;

  if (selected >= G_N_ELEMENTS (group_colours))
    return;
  later = g_new0 (ColourLater, 1);
  later->window = g_object_ref (window_of (dropdown));
  later->id = g_strdup (group_id);
  later->colour = group_colours[selected].colour;
  /* Ahead of drawing, as a busy frame clock could hold it back. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, colour_later_cb, later, NULL);
}

static void
group_delete_clicked_cb (GtkButton  *button,
                         const char *group_id)
{
  TandemDiagramGroupsWindow *self = window_of (button);
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_diagram_delete_group (self->project, group_id, &error);

  if (ok)
    g_signal_emit (self, signals[TOAST], 0, _("Deleted the group: its drivers are in no group now"));
  edit_done (self, ok, _("Could Not Delete the Group"), error);
}

static void
group_add_applied_cb (AdwEntryRow               *row,
                      TandemDiagramGroupsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_diagram_add_group (self->project, self->diagram_id,
                                                  gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error);

  edit_done (self, id != NULL, _("Could Not Add the Group"), error);
}

static GtkWidget *
group_row (TandemDiagramGroupsWindow *self,
           const TandemDiagramGroup  *info)
{
  guint uses = tandem_diagram_count_group_uses (self->project, info->id);
  g_autofree char *title = g_strdup_printf (ngettext ("Group of %u primary driver",
                                                      "Group of %u primary drivers", uses), uses);
  g_autofree char *name = g_strdup_printf ("group:%s", info->id);
  g_autofree char *colour_name = g_strdup_printf ("group-colour:%s", info->id);
  g_autofree char *delete_name = g_strdup_printf ("group-delete:%s", info->id);
  g_autofree char *colour_label = g_strdup_printf (_("Colour of “%s”"), info->name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete the group “%s”"), info->name);
  const char *labels[G_N_ELEMENTS (group_colours) + 1] = { NULL };
  GtkWidget *row, *colours, *remove;
  guint selected = 0;

  for (guint c = 0; c < G_N_ELEMENTS (group_colours); c++)
    {
      labels[c] = _(group_colours[c].name);
      if (g_strcmp0 (group_colours[c].colour, info->colour) == 0 ||
          (info->colour && group_colours[c].colour && g_ascii_strcasecmp (group_colours[c].colour, info->colour) == 0))
        selected = c;
    }
  row = name_row (title, info->name, name);
  connect_with_id (row, "apply", G_CALLBACK (group_name_applied_cb), info->id);
  colours = gtk_drop_down_new_from_strings (labels);
  tandem_drop_down_name_button (GTK_DROP_DOWN (colours));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (colours), selected);
  gtk_widget_set_valign (colours, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (colours, colour_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (colours), GTK_ACCESSIBLE_PROPERTY_LABEL, colour_label, -1);
  gtk_widget_set_name (colours, colour_name);
  connect_with_id (colours, "notify::selected", G_CALLBACK (group_colour_changed_cb), info->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), colours);
  remove = delete_button (_("Delete Group"), delete_label, delete_name);
  connect_with_id (remove, "clicked", G_CALLBACK (group_delete_clicked_cb), info->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

/* ------------------------------------------------------------------------ */
/* Equity tags                                                              */

static void
tag_rename_applied_cb (AdwEntryRow *row,
                       const char  *tag_id)
{
  TandemDiagramGroupsWindow *self = window_of (row);
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_equity_tag_rename (self->project, tag_id, gtk_editable_get_text (GTK_EDITABLE (row)),
                                          &error);

  edit_done (self, ok, _("Could Not Rename the Tag"), error);
}

static void
remove_tag (TandemDiagramGroupsWindow *self,
            const char                *tag_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_equity_tag_delete (self->project, tag_id, &error);

  if (ok)
    g_signal_emit (self, signals[TOAST], 0, _("Removed the equity tag"));
  edit_done (self, ok, _("Could Not Remove the Tag"), error);
}

static void
remove_tag_response_cb (AdwMessageDialog          *dialog,
                        const char                *response,
                        TandemDiagramGroupsWindow *self)
{
  g_autofree char *tag_id = g_steal_pointer (&self->removing_tag);

  if (g_str_equal (response, "remove") && tag_id)
    remove_tag (self, tag_id);
}

/* A tag in use is only removed once the person has been told where it is. */
static void
tag_remove_clicked_cb (GtkButton  *button,
                       const char *tag_id)
{
  TandemDiagramGroupsWindow *self = window_of (button);
  guint uses = tandem_equity_tag_count_uses (self->project, tag_id);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (uses == 0)
    {
      g_autofree char *id = g_strdup (tag_id);   /* the button goes with the fill */
      remove_tag (self, id);
      return;
    }
  name = tandem_project_get_text (self->project, TANDEM_ENTITY_EQUITY_TAG, tag_id, TANDEM_FIELD_EQUITY_TAG_NAME);
  heading = g_strdup_printf (_("Remove “%s”?"), name ? name : "");
  body = g_strdup_printf (ngettext ("It is on %u item. Removing it from the list takes it off that item "
                                    "too, and out of the equity summary. You can undo this.",
                                    "It is on %u items. Removing it from the list takes it off them "
                                    "too, and out of the equity summary. You can undo this.", uses), uses);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_free (self->removing_tag);
  self->removing_tag = g_strdup (tag_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_tag_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tag_add_applied_cb (AdwEntryRow               *row,
                    TandemDiagramGroupsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_equity_tag_add (self->project, gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  edit_done (self, id != NULL, _("Could Not Add the Tag"), error);
}

static GtkWidget *
tag_row (TandemDiagramGroupsWindow *self,
         const TandemDiagramTag    *tag)
{
  guint uses = tandem_equity_tag_count_uses (self->project, tag->id);
  g_autofree char *title = uses ? g_strdup_printf (ngettext ("On %u item", "On %u items", uses), uses)
                                : g_strdup (_("Not used yet"));
  g_autofree char *name = g_strdup_printf ("tag-name:%s", tag->id);
  g_autofree char *delete_name = g_strdup_printf ("tag-delete:%s", tag->id);
  g_autofree char *delete_label = g_strdup_printf (_("Remove the tag “%s”"), tag->name);
  GtkWidget *row, *remove;

  row = name_row (title, tag->name, name);
  connect_with_id (row, "apply", G_CALLBACK (tag_rename_applied_cb), tag->id);
  remove = delete_button (_("Remove Tag"), delete_label, delete_name);
  connect_with_id (remove, "clicked", G_CALLBACK (tag_remove_clicked_cb), tag->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

/* ------------------------------------------------------------------------ */
/* The window                                                               */

static void
add_row (TandemDiagramGroupsWindow *self,
         AdwPreferencesGroup       *group,
         GtkWidget                 *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (TandemDiagramGroupsWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
tandem_diagram_groups_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TandemDiagramGroupsWindow *self = TANDEM_DIAGRAM_GROUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DIAGRAM_ID:
      g_value_set_string (value, self->diagram_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_groups_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TandemDiagramGroupsWindow *self = TANDEM_DIAGRAM_GROUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_DIAGRAM_ID:
      tandem_diagram_groups_window_set_diagram_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_groups_window_dispose (GObject *object)
{
  TandemDiagramGroupsWindow *self = TANDEM_DIAGRAM_GROUPS_WINDOW (object);

  /* The rows go with the template; only the list of them is dropped. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DIAGRAM_GROUPS_WINDOW);
  G_OBJECT_CLASS (tandem_diagram_groups_window_parent_class)->dispose (object);
}

static void
tandem_diagram_groups_window_finalize (GObject *object)
{
  TandemDiagramGroupsWindow *self = TANDEM_DIAGRAM_GROUPS_WINDOW (object);

  g_free (self->diagram_id);
  g_free (self->removing_tag);
  G_OBJECT_CLASS (tandem_diagram_groups_window_parent_class)->finalize (object);
}

static void
tandem_diagram_groups_window_class_init (TandemDiagramGroupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_diagram_groups_window_get_property;
  object_class->set_property = tandem_diagram_groups_window_set_property;
  object_class->dispose = tandem_diagram_groups_window_dispose;
  object_class->finalize = tandem_diagram_groups_window_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIAGRAM_ID] =
    g_param_spec_string ("diagram-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemDiagramGroupsWindow::failed:
   * @heading: what failed, as a title
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemDiagramGroupsWindow::toast:
   * @title: what was done, to be offered for undoing
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-diagram-groups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramGroupsWindow, groups_group);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramGroupsWindow, tags_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_diagram_groups_window_init (TandemDiagramGroupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * tandem_diagram_groups_window_new:
 * @parent: (nullable): the window it is over
 * @project: the open project
 * @diagram_id: (nullable): the diagram whose groups it shows
 *
 * Returns: (transfer none): a new window, filled from the file
 */
TandemDiagramGroupsWindow *
tandem_diagram_groups_window_new (GtkWindow     *parent,
                                  TandemProject *project,
                                  const char    *diagram_id)
{
  TandemDiagramGroupsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  self = g_object_new (TANDEM_TYPE_DIAGRAM_GROUPS_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       "diagram-id", diagram_id,
                       NULL);
  tandem_diagram_groups_window_reload (self);
  return self;
}

const char *
tandem_diagram_groups_window_get_diagram_id (TandemDiagramGroupsWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_GROUPS_WINDOW (self), NULL);
  return self->diagram_id;
}

/**
 * tandem_diagram_groups_window_set_diagram_id:
 * @self: the window
 * @diagram_id: (nullable): the diagram whose groups it shows
 *
 * Shows another diagram's groups (the tags are the project's, the same for
 * every diagram).
 */
void
tandem_diagram_groups_window_set_diagram_id (TandemDiagramGroupsWindow *self,
                                             const char                *diagram_id)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_GROUPS_WINDOW (self));
  if (g_strcmp0 (self->diagram_id, diagram_id) == 0)
    return;
  g_free (self->diagram_id);
  self->diagram_id = g_strdup (diagram_id);
  if (self->project)
    tandem_diagram_groups_window_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM_ID]);
}

/**
 * tandem_diagram_groups_window_reload:
 * @self: the window
 *
 * Fills the window afresh from the file.
 */
void
tandem_diagram_groups_window_reload (TandemDiagramGroupsWindow *self)
{
  g_autoptr(TandemDiagram) diagram = NULL;

  g_return_if_fail (TANDEM_IS_DIAGRAM_GROUPS_WINDOW (self));
  if (self->rows == NULL || self->diagram_id == NULL ||
      (diagram = tandem_diagram_load (self->project, self->diagram_id, NULL)) == NULL)
    return;
  clear_rows (self);
  for (guint g = 0; g < tandem_diagram_get_n_groups (diagram); g++)
    add_row (self, self->groups_group, group_row (self, tandem_diagram_get_group (diagram, g)));
  add_row (self, self->groups_group, name_row (_("New group: type its name, then Enter"), NULL, "group-add"));
  g_signal_connect (self->rows->pdata[self->rows->len - 1], "apply", G_CALLBACK (group_add_applied_cb), self);

  for (guint t = 0; t < tandem_diagram_get_n_tags (diagram); t++)
    add_row (self, self->tags_group, tag_row (self, tandem_diagram_get_tag (diagram, t)));
  add_row (self, self->tags_group, name_row (_("New tag: type it, then Enter"), NULL, "tag-add"));
  g_signal_connect (self->rows->pdata[self->rows->len - 1], "apply", G_CALLBACK (tag_add_applied_cb), self);
}
