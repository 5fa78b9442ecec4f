/* tandem-session-attendance.c — who took part in a session: the team's
 * people, each with a button per attendance status, and a chooser to add
 * someone who took part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-coaching-rows.h"
#include "tandem-person.h"
#include "tandem-person-chooser.h"
#include "tandem-session-attendance.h"

struct _TandemSessionAttendance
{
  AdwBin               parent_instance;

  GtkListBox          *people_list;
  TandemPersonChooser *attendee_chooser;

  TandemProject       *project;
  char                *team_id;
  char                *session_id;
  GPtrArray           *people;          /* TandemAttendee, as in people_list */
  GPtrArray           *people_choices;  /* attendance buttons' box per person */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSessionAttendance, tandem_session_attendance, ADW_TYPE_BIN)

/* One of a person's attendance buttons, one per stored status in the
 * enum's order: pressing one releases the others; none pressed is not
 * recorded. */
static void
attendance_toggled_cb (GtkToggleButton         *button,
                       TandemSessionAttendance *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (button));

  /* Saved at once, as every choice in the editor is. */
  g_signal_emit (self, signals[CHANGED], 0);
  if (!gtk_toggle_button_get_active (button))
    return;
  for (GtkWidget *other = gtk_widget_get_first_child (parent); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    if (other != GTK_WIDGET (button))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (other), FALSE);
}

/* What pressing @status's button says of @name: its tooltip and its name
 * for assistive technology. */
static char *
attendance_description (TandemAttendanceStatus  status,
                        const char             *name)
{
  switch (status)
    {
    case TANDEM_ATTENDANCE_PRESENT:
      return g_strdup_printf (_("%s was present"), name);
    case TANDEM_ATTENDANCE_APOLOGIES:
      return g_strdup_printf (_("%s sent apologies"), name);
    default:
      return g_strdup_printf ("%s: %s", name, tandem_attendance_status_get_label (status));
    }
}

/* A person's attendance buttons, one per stored status. */
static GtkWidget *
attendance_buttons_new (TandemSessionAttendance *self,
                        const TandemAttendee    *person)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TANDEM_TYPE_ATTENDANCE_STATUS);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  for (guint i = 0; i < klass->n_values; i++)
    {
      TandemAttendanceStatus status = klass->values[i].value;
      g_autofree char *description = attendance_description (status, person->name);
      const char *label = tandem_attendance_status_get_label (status);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), person->status == status);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      gtk_widget_set_tooltip_text (button, description);
      g_signal_connect (button, "toggled", G_CALLBACK (attendance_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

/* The status whose button is pressed in @box (attendance_buttons_new()). */
static TandemAttendanceStatus
attendance_buttons_get_status (GtkWidget *box)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TANDEM_TYPE_ATTENDANCE_STATUS);
  guint i = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (box); button != NULL;
       button = gtk_widget_get_next_sibling (button), i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      return klass->values[i].value;
  return TANDEM_ATTENDANCE_NOT_RECORDED;
}

/* A row of the editor's Who Took Part: the person, with their attendance
 * buttons. */
static void
append_attendee_row (TandemSessionAttendance *self,
                     TandemAttendee          *person)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *box = attendance_buttons_new (self, person);
  AdwActionRow *row;

  subtitle = person->title && *person->title
             ? g_strdup_printf ("%s · %s", tandem_coaching_role_label (person->person_role), person->title)
             : g_strdup (tandem_coaching_role_label (person->person_role));
  row = _tandem_coaching_text_row (person->name, subtitle);
  adw_action_row_add_suffix (row, box);
  gtk_list_box_append (self->people_list, GTK_WIDGET (row));
  g_ptr_array_add (self->people_choices, box);
}

/* Someone chosen as having taken part is marked present. Someone the form
 * did not list (just added, or from another team, whom the chooser has
 * added to the team) gets a row: the list is read again in the file's
 * order, so that it matches the list saving reads, keeping what the form
 * says of everyone else. Saved with the rest of the form. */
static void
attendee_chosen_cb (TandemPersonChooser     *chooser,
                    const char              *person_id,
                    TandemSessionAttendance *self)
{
  TandemProject *project = self->project;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *people;

  if (person_id == NULL || project == NULL || self->session_id == NULL || self->team_id == NULL)
    return;
  for (guint i = 0; self->people && i < self->people->len; i++)
    {
      TandemAttendee *person = self->people->pdata[i];
      GtkWidget *box = self->people_choices->pdata[i];

      if (g_strcmp0 (person->person_id, person_id) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (box)), TRUE);
          return;
        }
      g_hash_table_insert (statuses, person->person_id,
                           GINT_TO_POINTER (attendance_buttons_get_status (box) + 1));
    }
  people = tandem_coaching_list_attendees (project, self->team_id, self->session_id, NULL);
  if (people == NULL)
    return;
  for (guint i = 0; i < people->len; i++)
    {
      TandemAttendee *person = people->pdata[i];
      gpointer status;

      if (g_str_equal (person->person_id, person_id))
        person->status = TANDEM_ATTENDANCE_PRESENT;
      else if (g_hash_table_lookup_extended (statuses, person->person_id, NULL, &status))
        person->status = GPOINTER_TO_INT (status) - 1;
    }
  g_hash_table_remove_all (statuses);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = people;
  g_ptr_array_set_size (self->people_choices, 0);
  _tandem_coaching_clear_list (self->people_list);
  for (guint i = 0; i < people->len; i++)
    append_attendee_row (self, people->pdata[i]);
}

static void
set_session (TandemSessionAttendance *self,
             TandemProject           *project,
             const char              *team_id,
             const char              *session_id)
{
  g_set_object (&self->project, project);
  if (g_strcmp0 (self->team_id, team_id) != 0)
    {
      g_free (self->team_id);
      self->team_id = g_strdup (team_id);
    }
  if (g_strcmp0 (self->session_id, session_id) != 0)
    {
      g_free (self->session_id);
      self->session_id = g_strdup (session_id);
    }
}

/**
 * tandem_session_attendance_load:
 * @self: the attendance
 * @project: the project
 * @team_id: the session's team
 * @session_id: the session
 *
 * Shows the team's people, each present, sending apologies or not recorded,
 * as the file holds them.
 */
void
tandem_session_attendance_load (TandemSessionAttendance *self,
                                TandemProject           *project,
                                const char              *team_id,
                                const char              *session_id)
{
  g_return_if_fail (TANDEM_IS_SESSION_ATTENDANCE (self));

  set_session (self, project, team_id, session_id);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_ptr_array_set_size (self->people_choices, 0);
  self->people = tandem_coaching_list_attendees (project, team_id, session_id, NULL);
  _tandem_coaching_clear_list (self->people_list);
  for (guint i = 0; self->people && i < self->people->len; i++)
    append_attendee_row (self, self->people->pdata[i]);
  if (self->people == NULL || self->people->len == 0)
    _tandem_coaching_add_placeholder (self->people_list,
                                      _("This team has no people yet: add someone who took part "
                                        "below, or add the team’s people from the team menu’s "
                                        "People."));
  tandem_person_chooser_set_team (self->attendee_chooser, project, team_id);
}

/**
 * tandem_session_attendance_reread:
 * @self: the attendance
 * @project: the project
 * @team_id: the session's team
 * @session_id: the session
 *
 * Reads the people again after a save, leaving the buttons as the person
 * left them.
 */
void
tandem_session_attendance_reread (TandemSessionAttendance *self,
                                  TandemProject           *project,
                                  const char              *team_id,
                                  const char              *session_id)
{
  g_return_if_fail (TANDEM_IS_SESSION_ATTENDANCE (self));

  set_session (self, project, team_id, session_id);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = tandem_coaching_list_attendees (project, team_id, session_id, NULL);
}

/**
 * tandem_session_attendance_clear:
 * @self: the attendance
 *
 * Forgets the session: a person chosen no longer changes anything.
 */
void
tandem_session_attendance_clear (TandemSessionAttendance *self)
{
  g_return_if_fail (TANDEM_IS_SESSION_ATTENDANCE (self));

  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->team_id, g_free);
}

/**
 * tandem_session_attendance_get_choices:
 * @self: the attendance
 *
 * Returns: (transfer full): a #TandemAttendanceChoice per person, as the
 *   buttons say; its strings belong to @self, until the next load
 */
GArray *
tandem_session_attendance_get_choices (TandemSessionAttendance *self)
{
  GArray *choices = g_array_new (FALSE, TRUE, sizeof (TandemAttendanceChoice));

  g_return_val_if_fail (TANDEM_IS_SESSION_ATTENDANCE (self), choices);

  for (guint i = 0; self->people && i < self->people->len && i < self->people_choices->len; i++)
    {
      TandemAttendee *person = self->people->pdata[i];
      TandemAttendanceChoice choice = {
        person->person_id,
        attendance_buttons_get_status (self->people_choices->pdata[i]),
        person->title,
      };

      g_array_append_val (choices, choice);
    }
  return choices;
}

static void
tandem_session_attendance_dispose (GObject *object)
{
  TandemSessionAttendance *self = TANDEM_SESSION_ATTENDANCE (object);

  /* Rows go first, removed from their list: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->people_list)
    _tandem_coaching_clear_list (self->people_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SESSION_ATTENDANCE);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_session_attendance_parent_class)->dispose (object);
}

static void
tandem_session_attendance_finalize (GObject *object)
{
  TandemSessionAttendance *self = TANDEM_SESSION_ATTENDANCE (object);

  g_free (self->team_id);
  g_free (self->session_id);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_ptr_array_unref (self->people_choices);
  G_OBJECT_CLASS (tandem_session_attendance_parent_class)->finalize (object);
}

static void
tandem_session_attendance_class_init (TandemSessionAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_session_attendance_dispose;
  object_class->finalize = tandem_session_attendance_finalize;

  /**
   * TandemSessionAttendance::changed:
   * @self: the attendance
   *
   * The person pressed an attendance button.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TANDEM_TYPE_PERSON_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-session-attendance.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSessionAttendance, people_list);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionAttendance, attendee_chooser);
  gtk_widget_class_bind_template_callback (widget_class, attendee_chosen_cb);
}

static void
tandem_session_attendance_init (TandemSessionAttendance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people_choices = g_ptr_array_new ();
}

GtkWidget *
tandem_session_attendance_new (void)
{
  return g_object_new (TANDEM_TYPE_SESSION_ATTENDANCE, NULL);
}
