/* test-measure-data-table.c — the measure's data table on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tandem-measure-data-table.h"
#include "tandem-test-util.h"

static GPtrArray *
points_new (const char *second_value_note)
{
  static TandemDataPoint points[] = {
    { (char *) "p1", (char *) "2026-01-05", 4, NAN, NULL, FALSE },
    { (char *) "p2", (char *) "2026-01-12", NAN, NAN, NULL, TRUE },
    { (char *) "p3", (char *) "2026-01-19", 3, 10, (char *) "busy", FALSE },
  };
  GPtrArray *array = g_ptr_array_new ();

  points[1].note = (char *) second_value_note;
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    g_ptr_array_add (array, &points[i]);
  return array;
}

static void
assert_item_text (GListModel *model,
                  guint       i,
                  const char *property,
                  const char *expected)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, i);
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  g_assert_cmpstr (text, ==, expected);
}

/* The rows are items with the values and what the table shows of them; a
 * reload replaces only the row that changed and keeps the choice. */
static void
test_items (void)
{
  GtkWidget *window = gtk_window_new ();
  TandemMeasureDataTable *table = TANDEM_MEASURE_DATA_TABLE (tandem_measure_data_table_new ());
  g_autoptr(GPtrArray) points = points_new (NULL);
  g_autoptr(GPtrArray) changed = points_new ("agency staff");
  GListModel *model = tandem_measure_data_table_get_model (table);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) first_again = NULL;
  GtkSingleSelection *selection;
  GtkWidget *view;

  g_object_ref_sink (table);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  tandem_measure_data_table_set_points (table, points, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  assert_item_text (model, 0, "date-text", "5 Jan 2026");
  assert_item_text (model, 1, "value-text", "missing");
  assert_item_text (model, 1, "excluded-text", "left out");
  assert_item_text (model, 2, "denominator-text", "10");
  assert_item_text (model, 2, "note", "busy");

  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (table))));
  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpstr (tandem_measure_value_get_id (tandem_measure_data_table_get_selected (table)), ==, "p2");

  first = g_list_model_get_item (model, 0);
  tandem_measure_data_table_set_points (table, changed, TRUE);
  first_again = g_list_model_get_item (model, 0);
  g_assert_true (first == first_again);
  assert_item_text (model, 1, "note", "agency staff");
  g_assert_cmpstr (tandem_measure_value_get_id (tandem_measure_data_table_get_selected (table)), ==, "p2");

  g_ptr_array_set_size (changed, 1);
  tandem_measure_data_table_set_points (table, changed, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (tandem_measure_data_table_get_selected (table));

  g_clear_object (&first);
  g_clear_object (&first_again);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (table);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add_func ("/measure-data-table/items", test_items);
  return g_test_run ();
}
