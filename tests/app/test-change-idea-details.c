/* test-change-idea-details.c — a change idea's people, equity focus and
 * PDSA cycles on their own: shown from the project, changed by a tick box,
 * read-only when the project is, and freed after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-change-idea-details.h"
#include "tandem-diagram.h"
#include "tandem-pdsa-row.h"
#include "tandem-person.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

typedef struct
{
  char                    *dir;
  TandemProject           *project;
  char                    *diagram;
  char                    *idea;
  char                    *pdsa;
  char                    *person;
  char                    *tag;
  GtkWindow               *window;
  TandemChangeIdeaDetails *part;
  guint                    failures;
} Fixture;

static void
failed_cb (TandemChangeIdeaDetails *part,
           const char              *heading,
           const GError            *error,
           Fixture                 *f)
{
  f->failures++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *primary = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  TandemPerson someone = { 0 };

  f->project = create_project_in_tmp ("tandem-change-idea-XXXXXX", "t.tandem", &f->dir, NULL);
  team = add_team_or_die (f->project, "Willow Ward");
  f->diagram = tandem_diagram_create (f->project, team, "Fewer restraints", TANDEM_DIAGRAM_TEMPLATE_BLANK,
                                      &error);
  g_assert_no_error (error);
  d = tandem_diagram_load (f->project, f->diagram, &error);
  g_assert_no_error (error);
  primary = tandem_diagram_add_child (f->project, tandem_diagram_get_node (d, 0)->id, "Calmer wards", &error);
  g_assert_no_error (error);
  f->idea = tandem_diagram_add_child (f->project, primary, "Safety huddle", &error);
  g_assert_no_error (error);
  f->pdsa = tandem_diagram_plan_pdsa (f->project, f->idea, "Huddle on one shift", "2026-11-02",
                                      "Does a huddle fit in", "It takes five minutes", &error);
  g_assert_no_error (error);
  someone.name = (char *) "Sam Partner";
  f->person = tandem_person_add (f->project, team, &someone, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_diagram_set_coproducer (f->project, f->idea, f->person, TRUE, &error));
  g_assert_no_error (error);
  f->tag = tandem_equity_tag_add (f->project, "Black and minority ethnic patients", &error);
  g_assert_no_error (error);

  f->part = g_object_ref_sink (TANDEM_CHANGE_IDEA_DETAILS (tandem_change_idea_details_new ()));
  g_signal_connect (f->part, "failed", G_CALLBACK (failed_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->part));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->part);
  g_free (f->diagram);
  g_free (f->idea);
  g_free (f->pdsa);
  g_free (f->person);
  g_free (f->tag);
  g_clear_object (&f->project);
  free_tmp (&f->dir, NULL);
}

static void
show (Fixture  *f,
      gboolean  editable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = tandem_diagram_load (f->project, f->diagram, &error);

  g_assert_no_error (error);
  tandem_change_idea_details_show (f->part, f->project, d, f->idea, editable);
}

static GtkWidget *
named (Fixture    *f,
       const char *kind,
       const char *id)
{
  g_autofree char *name = id ? g_strdup_printf ("%s:%s", kind, id) : g_strdup (kind);

  return find_widget (GTK_WIDGET (f->part), is_named, name);
}

static guint
count_of_type (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);
  return n;
}

static guint
count_named (GtkWidget  *widget,
             const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static guint
count_coproducers (Fixture *f)
{
  g_autoptr(GPtrArray) coproducers = tandem_diagram_list_coproducers (f->project, f->idea);

  return coproducers->len;
}

/* Who co-produced it and the equity tags are tick boxes; unticking takes
 * the credit back, ticking a tag saves it; the cycle open stays open when
 * the part is filled again. */
static void
test_shown_and_changed (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *credit, *tag, *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = NULL;

  show (f, TRUE);
  credit = named (f, "coproducer", f->person);
  g_assert_nonnull (credit);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (credit)));
  tag = named (f, "tag", f->tag);
  g_assert_nonnull (tag);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (tag)));
  g_assert_true (gtk_widget_get_sensitive (named (f, "add-pdsa", NULL)));
  g_assert_true (gtk_widget_get_sensitive (named (f, "proposed_by", NULL)));

  row = find_widget_of_type (GTK_WIDGET (f->part), TANDEM_TYPE_PDSA_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (tandem_pdsa_row_get_pdsa_id (TANDEM_PDSA_ROW (row)), ==, f->pdsa);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_cmpstr (tandem_change_idea_details_get_expanded_pdsa (f->part), ==, f->pdsa);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (credit), FALSE);
  g_assert_cmpuint (count_coproducers (f), ==, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tag), TRUE);
  d = tandem_diagram_load (f->project, f->diagram, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_diagram_get_node (d, tandem_diagram_find_node (d, f->idea))->tags->len, ==, 1);

  /* Filled again: one tick box for the tag, ticked; the credit gone; the
   * cycle still open. */
  show (f, TRUE);
  g_assert_null (named (f, "coproducer", f->person));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (f, "tag", f->tag))));
  row = find_widget_of_type (GTK_WIDGET (f->part), TANDEM_TYPE_PDSA_ROW);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpuint (count_of_type (GTK_WIDGET (f->part), TANDEM_TYPE_PDSA_ROW), ==, 1);
  {
    g_autofree char *tag_name = g_strdup_printf ("tag:%s", f->tag);

    g_assert_cmpuint (count_named (GTK_WIDGET (f->part), tag_name), ==, 1);
  }
  g_assert_cmpuint (f->failures, ==, 0);
}

/* Read-only: nothing can be ticked, chosen or planned. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  show (f, FALSE);
  g_assert_false (gtk_widget_get_sensitive (named (f, "coproducer", f->person)));
  g_assert_false (gtk_widget_get_sensitive (named (f, "tag", f->tag)));
  g_assert_false (gtk_widget_get_sensitive (named (f, "add-pdsa", NULL)));
  g_assert_false (gtk_widget_get_sensitive (named (f, "proposed_by", NULL)));
  g_assert_false (gtk_widget_get_sensitive (named (f, "coproducer-chooser", NULL)));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  g_test_add ("/change-idea-details/shown-and-changed", Fixture, NULL, fixture_set_up,
              test_shown_and_changed, fixture_tear_down);
  g_test_add ("/change-idea-details/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  return g_test_run ();
}
