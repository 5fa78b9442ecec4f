/* test-shown-field.c — what an editor showed of one field, on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-shown-field.h"
#include "tandem-test-util.h"

static char *
text_view_dup_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A fill shows the words and remembers the stored value; words the person
 * typed are kept from a refresh of the same field, until released; another
 * field replaces them. */
static void
test_fill_keeps_typing (void)
{
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());

  g_assert_null (tandem_shown_field_get_stored (entry));
  g_assert_false (tandem_shown_field_is_changed (entry));

  g_assert_true (tandem_shown_field_fill_value (entry, "node", "n1", "title",
                                                "Safer nights", "Safer nights"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Safer nights");
  g_assert_cmpstr (tandem_shown_field_get_stored (entry), ==, "Safer nights");
  g_assert_false (tandem_shown_field_is_changed (entry));
  g_assert_false (tandem_shown_field_is_edited (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Safer nights for all");
  g_assert_true (tandem_shown_field_is_changed (entry));
  g_assert_true (tandem_shown_field_is_edited (entry));

  /* Someone else saved the same field: the typing stays, and so does what
   * it started from, for the save to be checked against. */
  g_assert_false (tandem_shown_field_fill_value (entry, "node", "n1", "title",
                                                 "Quieter nights", "Quieter nights"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Safer nights for all");
  g_assert_cmpstr (tandem_shown_field_get_stored (entry), ==, "Safer nights");

  /* After a conflict, the value that stands replaces it. */
  g_assert_false (tandem_shown_field_is_released (entry));
  tandem_shown_field_release (entry);
  g_assert_true (tandem_shown_field_is_released (entry));
  g_assert_false (tandem_shown_field_is_edited (entry));
  g_assert_true (tandem_shown_field_fill_value (entry, "node", "n1", "title",
                                                "Quieter nights", "Quieter nights"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Quieter nights");
  g_assert_cmpstr (tandem_shown_field_get_stored (entry), ==, "Quieter nights");
  g_assert_false (tandem_shown_field_is_released (entry));

  /* The editor shows another item: what was typed is not kept. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "typed");
  g_assert_true (tandem_shown_field_fill_value (entry, "node", "n2", "title", NULL, ""));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_null (tandem_shown_field_get_stored (entry));
  g_assert_false (tandem_shown_field_is_changed (entry));

  g_assert_finalize_object (entry);
}

/* Remembering again, with the value the editor remembers now, keeps it. */
static void
test_remember_again (void)
{
  GtkWidget *drop_down = g_object_ref_sink (gtk_drop_down_new_from_strings ((const char *[]) { "a", "b", NULL }));

  tandem_shown_field_remember_value (drop_down, "measure", "m1", "direction", "up");
  g_assert_cmpstr (tandem_shown_field_get_stored (drop_down), ==, "up");
  tandem_shown_field_remember_value (drop_down, "measure", "m1", "direction",
                                     tandem_shown_field_get_stored (drop_down));
  g_assert_cmpstr (tandem_shown_field_get_stored (drop_down), ==, "up");
  tandem_shown_field_remember_value (drop_down, "measure", "m1", "direction", NULL);
  g_assert_null (tandem_shown_field_get_stored (drop_down));
  g_assert_false (tandem_shown_field_is_changed (drop_down));

  g_assert_finalize_object (drop_down);
}

/* A pane rebuilt while the person types: the new editor of the same field
 * gets their words back, and what they started from. */
static void
test_typing_across_rebuild (void)
{
  GtkWidget *old_pane = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *new_pane = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *old_notes = gtk_text_view_new ();
  GtkWidget *new_notes = gtk_text_view_new ();
  GtkWidget *old_title = gtk_entry_new ();
  GtkWidget *new_title = gtk_entry_new ();
  g_autoptr(GHashTable) typing = NULL;
  g_autofree char *notes = NULL;

  gtk_box_append (GTK_BOX (old_pane), old_title);
  gtk_box_append (GTK_BOX (old_pane), old_notes);
  tandem_shown_field_fill_value (old_title, "node", "n1", "title", "Title", "Title");
  tandem_shown_field_fill_value (old_notes, "node", "n1", "notes", "Notes", "Notes");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (old_notes)),
                            "Notes, longer", -1);
  g_assert_true (tandem_shown_field_is_changed (old_notes));
  g_assert_false (tandem_shown_field_is_changed (old_title));

  typing = tandem_shown_field_save_typing (old_pane);
  g_assert_cmpuint (g_hash_table_size (typing), ==, 1);

  gtk_box_append (GTK_BOX (new_pane), new_title);
  gtk_box_append (GTK_BOX (new_pane), new_notes);
  tandem_shown_field_fill_value (new_title, "node", "n1", "title", "Title 2", "Title 2");
  tandem_shown_field_fill_value (new_notes, "node", "n1", "notes", "Notes 2", "Notes 2");
  tandem_shown_field_restore_typing (new_pane, typing);

  notes = text_view_dup_text (new_notes);
  g_assert_cmpstr (notes, ==, "Notes, longer");
  g_assert_cmpstr (tandem_shown_field_get_stored (new_notes), ==, "Notes");
  g_assert_true (tandem_shown_field_is_changed (new_notes));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_title)), ==, "Title 2");
  g_assert_cmpstr (tandem_shown_field_get_stored (new_title), ==, "Title 2");

  g_assert_finalize_object (old_pane);
  g_assert_finalize_object (new_pane);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);
  g_test_add_func ("/shown-field/fill-keeps-typing", test_fill_keeps_typing);
  g_test_add_func ("/shown-field/remember-again", test_remember_again);
  g_test_add_func ("/shown-field/typing-across-rebuild", test_typing_across_rebuild);
  return g_test_run ();
}
