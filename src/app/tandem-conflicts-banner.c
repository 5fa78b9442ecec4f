/* tandem-conflicts-banner.c — a bar across the window while changes from
 * another copy or another person wait for a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-conflicts-banner.h"
#include "tandem-merge.h"

struct _TandemConflictsBanner
{
  AdwBin         parent_instance;

  GtkWidget     *revealer;
  GtkWidget     *label;
  GtkWidget     *button;

  TandemProject *project;
  gulong         changed_id;
  guint          recount_id;
  guint          count;
};

G_DEFINE_FINAL_TYPE (TandemConflictsBanner, tandem_conflicts_banner, ADW_TYPE_BIN)

static void
project_changed_cb (TandemProject         *project,
                    const char            *entity,
                    TandemConflictsBanner *self)
{
  tandem_conflicts_banner_update (self);
}

/* A conflict found while saving an edit ("live") is written without a
 * change to any item, so no "changed" tells of it: count again now and then
 * (a count over a small table). */
static gboolean
recount_cb (gpointer user_data)
{
  tandem_conflicts_banner_update (TANDEM_CONFLICTS_BANNER (user_data));
  return G_SOURCE_CONTINUE;
}

static void
disconnect_project (TandemConflictsBanner *self)
{
  g_clear_handle_id (&self->recount_id, g_source_remove);
  if (self->project && self->changed_id)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->project);
}

static void
tandem_conflicts_banner_dispose (GObject *object)
{
  disconnect_project (TANDEM_CONFLICTS_BANNER (object));
  G_OBJECT_CLASS (tandem_conflicts_banner_parent_class)->dispose (object);
}

static void
tandem_conflicts_banner_class_init (TandemConflictsBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_conflicts_banner_dispose;
}

static void
tandem_conflicts_banner_init (TandemConflictsBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  gtk_widget_add_css_class (box, "read-only-bar");
  self->label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  self->button = gtk_button_new_with_mnemonic (_("_Review"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("Choose which version of each change to keep"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.review-conflicts");
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), self->button);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  adw_bin_set_child (ADW_BIN (self), self->revealer);
}

GtkWidget *
tandem_conflicts_banner_new (void)
{
  return g_object_new (TANDEM_TYPE_CONFLICTS_BANNER, NULL);
}

/**
 * tandem_conflicts_banner_set_project:
 * @self: a banner
 * @project: (nullable): the window's project
 *
 * Shows the banner while @project has conflicts waiting, and follows it.
 */
void
tandem_conflicts_banner_set_project (TandemConflictsBanner *self,
                                     TandemProject         *project)
{
  g_return_if_fail (TANDEM_IS_CONFLICTS_BANNER (self));

  if (project != self->project)
    {
      disconnect_project (self);
      if (project)
        {
          self->project = g_object_ref (project);
          self->changed_id = g_signal_connect (project, "changed",
                                               G_CALLBACK (project_changed_cb), self);
          self->recount_id = g_timeout_add_seconds (2, recount_cb, self);
        }
    }
  tandem_conflicts_banner_update (self);
}

/**
 * tandem_conflicts_banner_update:
 * @self: a banner
 *
 * Counts the conflicts again.
 */
void
tandem_conflicts_banner_update (TandemConflictsBanner *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TANDEM_IS_CONFLICTS_BANNER (self));

  self->count = self->project ? tandem_project_count_conflicts (self->project) : 0;
  if (self->count > 0)
    {
      text = g_strdup_printf (ngettext ("%u change needs a decision: two people changed the "
                                        "same thing differently.",
                                        "%u changes need a decision: two people changed the "
                                        "same things differently.",
                                        self->count), self->count);
      gtk_label_set_label (GTK_LABEL (self->label), text);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), self->count > 0);
}

guint
tandem_conflicts_banner_get_count (TandemConflictsBanner *self)
{
  g_return_val_if_fail (TANDEM_IS_CONFLICTS_BANNER (self), 0);
  return self->count;
}
