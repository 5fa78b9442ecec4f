/* tandem-measure-data-table.c — a measure's values as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The values of the measure shown, one row each: date, value, what it is
 * out of, the note and whether it is left out of the calculations. Each row
 * is a TandemMeasureValue in a GListStore, shown by the columns of the
 * template through property lookups. The table keeps its selection by id
 * across reloads, is one Tab stop, and passes Delete, Enter and Ctrl+V on to
 * the page as the "measures.delete-value", "measures.edit-value" and
 * "measures.paste" actions.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-measure-data-table.h"

/* ------------------------------------------------------------------------ */
/* One value                                                                  */

struct _TandemMeasureValue
{
  GObject   parent_instance;

  char     *id;
  char     *date;
  double    value;
  double    denominator;
  char     *note;
  gboolean  excluded;
};

G_DEFINE_FINAL_TYPE (TandemMeasureValue, tandem_measure_value, G_TYPE_OBJECT)

enum
{
  VALUE_PROP_0,
  VALUE_PROP_ID,
  VALUE_PROP_DATE,
  VALUE_PROP_VALUE,
  VALUE_PROP_DENOMINATOR,
  VALUE_PROP_NOTE,
  VALUE_PROP_EXCLUDED,
  VALUE_PROP_DATE_TEXT,
  VALUE_PROP_VALUE_TEXT,
  VALUE_PROP_DENOMINATOR_TEXT,
  VALUE_PROP_EXCLUDED_TEXT,
  N_VALUE_PROPS
};

static GParamSpec *value_props[N_VALUE_PROPS];

static char *
nice_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  text = g_date_time_format (dt, "%-d %b %Y");
  return g_strdup (g_strstrip (text));
}

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  g_snprintf (buffer, sizeof buffer, "%.10g", value);
  return g_strdup (buffer);
}

static void
tandem_measure_value_finalize (GObject *object)
{
  TandemMeasureValue *self = TANDEM_MEASURE_VALUE (object);

  g_free (self->id);
  g_free (self->date);
  g_free (self->note);
  G_OBJECT_CLASS (tandem_measure_value_parent_class)->finalize (object);
}

static void
tandem_measure_value_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemMeasureValue *self = TANDEM_MEASURE_VALUE (object);

  switch (prop_id)
    {
    case VALUE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case VALUE_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case VALUE_PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case VALUE_PROP_DENOMINATOR:
      g_value_set_double (value, self->denominator);
      break;
    case VALUE_PROP_NOTE:
      g_value_set_string (value, self->note ? self->note : "");
      break;
    case VALUE_PROP_EXCLUDED:
      g_value_set_boolean (value, self->excluded);
      break;
    case VALUE_PROP_DATE_TEXT:
      g_value_take_string (value, nice_date (self->date));
      break;
    case VALUE_PROP_VALUE_TEXT:
      g_value_take_string (value, isnan (self->value) ? g_strdup (_("missing")) : number_text (self->value));
      break;
    case VALUE_PROP_DENOMINATOR_TEXT:
      g_value_take_string (value, number_text (self->denominator));
      break;
    case VALUE_PROP_EXCLUDED_TEXT:
      g_value_set_string (value, self->excluded ? _("left out") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_value_class_init (TandemMeasureValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_measure_value_finalize;
  object_class->get_property = tandem_measure_value_get_property;

  value_props[VALUE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  value_props[VALUE_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  value_props[VALUE_PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                       0, flags);
  value_props[VALUE_PROP_DENOMINATOR] = g_param_spec_double ("denominator", NULL, NULL, -G_MAXDOUBLE,
                                                             G_MAXDOUBLE, 0, flags);
  value_props[VALUE_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  value_props[VALUE_PROP_EXCLUDED] = g_param_spec_boolean ("excluded", NULL, NULL, FALSE, flags);
  /* What the table shows: the date in words, "missing", "left out". */
  value_props[VALUE_PROP_DATE_TEXT] = g_param_spec_string ("date-text", NULL, NULL, NULL, flags);
  value_props[VALUE_PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  value_props[VALUE_PROP_DENOMINATOR_TEXT] = g_param_spec_string ("denominator-text", NULL, NULL, NULL,
                                                                  flags);
  value_props[VALUE_PROP_EXCLUDED_TEXT] = g_param_spec_string ("excluded-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_VALUE_PROPS, value_props);
}

static void
tandem_measure_value_init (TandemMeasureValue *self)
{
  self->value = NAN;
  self->denominator = NAN;
}

/**
 * tandem_measure_value_new:
 * @point: a value of a measure
 *
 * Returns: (transfer full): a row of the table, a copy of @point
 */
TandemMeasureValue *
tandem_measure_value_new (const TandemDataPoint *point)
{
  TandemMeasureValue *self = g_object_new (TANDEM_TYPE_MEASURE_VALUE, NULL);

  self->id = g_strdup (point->id);
  self->date = g_strdup (point->date);
  self->value = point->value;
  self->denominator = point->denominator;
  self->note = g_strdup (point->note);
  self->excluded = point->excluded;
  return self;
}

const char *
tandem_measure_value_get_id (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), NULL);
  return self->id;
}

const char *
tandem_measure_value_get_date (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), NULL);
  return self->date;
}

double
tandem_measure_value_get_value (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), NAN);
  return self->value;
}

double
tandem_measure_value_get_denominator (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), NAN);
  return self->denominator;
}

/* Returns: (nullable): the note, %NULL when there is none */
const char *
tandem_measure_value_get_note (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), NULL);
  return self->note;
}

gboolean
tandem_measure_value_get_excluded (TandemMeasureValue *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_VALUE (self), FALSE);
  return self->excluded;
}

static gboolean
same_value (TandemMeasureValue *a,
            TandemMeasureValue *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 && a->excluded == b->excluded &&
         (a->value == b->value || (isnan (a->value) && isnan (b->value))) &&
         (a->denominator == b->denominator || (isnan (a->denominator) && isnan (b->denominator)));
}

/* ------------------------------------------------------------------------ */
/* The table                                                                  */

struct _TandemMeasureDataTable
{
  GtkWidget            parent_instance;

  GtkWidget           *scroller;
  GtkColumnView       *view;
  GtkColumnViewColumn *denominator_column;

  GListStore          *values;
  GtkSingleSelection  *selection;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (TandemMeasureDataTable, tandem_measure_data_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* Focus on the first thing that takes it after (or before) @widget, in the
 * order Tab goes: the table is one stop, however many rows it has. */
static gboolean
focus_past (GtkWidget        *widget,
            GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *sibling = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         sibling != NULL;
         sibling = forward ? gtk_widget_get_next_sibling (sibling) : gtk_widget_get_prev_sibling (sibling))
      if (gtk_widget_get_visible (sibling) && gtk_widget_child_focus (sibling, direction))
        return TRUE;
  return FALSE;
}

/* The table by keyboard: the arrow keys choose a value, Enter goes to the
 * page's form to change it, Delete deletes it, Ctrl+V pastes cells from a
 * spreadsheet, Tab leaves it. */
static gboolean
key_pressed_cb (GtkEventControllerKey  *controller,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                TandemMeasureDataTable *self)
{
  gboolean chosen = tandem_measure_data_table_get_selected (self) != NULL;

  state &= gtk_accelerator_get_default_mod_mask ();
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & ~GDK_SHIFT_MASK) == 0)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);

      focus_past (GTK_WIDGET (self), back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) && state == 0 && self->editable && chosen)
    return gtk_widget_activate_action (GTK_WIDGET (self), "measures.delete-value", NULL);
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && state == 0 && chosen)
    return gtk_widget_activate_action (GTK_WIDGET (self), "measures.edit-value", NULL);
  if ((keyval == GDK_KEY_v || keyval == GDK_KEY_V) && state == GDK_CONTROL_MASK && self->editable)
    return gtk_widget_activate_action (GTK_WIDGET (self), "measures.paste", NULL);
  return FALSE;
}

static void
selection_changed_cb (TandemMeasureDataTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SELECTED]);
}

static void
tandem_measure_data_table_dispose (GObject *object)
{
  TandemMeasureDataTable *self = TANDEM_MEASURE_DATA_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_MEASURE_DATA_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->values);
  G_OBJECT_CLASS (tandem_measure_data_table_parent_class)->dispose (object);
}

static void
tandem_measure_data_table_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TandemMeasureDataTable *self = TANDEM_MEASURE_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, tandem_measure_data_table_get_selected (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_data_table_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TandemMeasureDataTable *self = TANDEM_MEASURE_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      tandem_measure_data_table_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_data_table_class_init (TandemMeasureDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_measure_data_table_dispose;
  object_class->get_property = tandem_measure_data_table_get_property;
  object_class->set_property = tandem_measure_data_table_set_property;

  /**
   * TandemMeasureDataTable:selected: (nullable)
   *
   * The value chosen in the table.
   */
  props[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, TANDEM_TYPE_MEASURE_VALUE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * TandemMeasureDataTable:editable:
   *
   * Whether Delete and Ctrl+V change the measure's values.
   */
  props[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  g_type_ensure (TANDEM_TYPE_MEASURE_VALUE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-measure-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataTable, view);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataTable, denominator_column);
}

static void
tandem_measure_data_table_init (TandemMeasureDataTable *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->values = g_list_store_new (TANDEM_TYPE_MEASURE_VALUE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->values)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys choose a value, Enter changes it, Delete deletes it, "
                                    "Ctrl+V pastes cells from a spreadsheet"), -1);
}

GtkWidget *
tandem_measure_data_table_new (void)
{
  return g_object_new (TANDEM_TYPE_MEASURE_DATA_TABLE, NULL);
}

/**
 * tandem_measure_data_table_set_points:
 * @self: the table
 * @points: (element-type TandemDataPoint): the measure's values, in order
 * @show_denominator: whether the chart needs what each value is out of
 *
 * Shows @points. A row whose value did not change keeps its item, and the
 * chosen value stays chosen (by id) while it is still there.
 */
void
tandem_measure_data_table_set_points (TandemMeasureDataTable *self,
                                      GPtrArray              *points,
                                      gboolean                show_denominator)
{
  TandemMeasureValue *selected;
  g_autofree char *selected_id = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint restore = GTK_INVALID_LIST_POSITION;
  guint n_old, common, i = 0;

  g_return_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self));

  selected = tandem_measure_data_table_get_selected (self);
  selected_id = selected ? g_strdup (selected->id) : NULL;
  items = g_ptr_array_new_full (points->len, g_object_unref);
  for (guint k = 0; k < points->len; k++)
    {
      TandemMeasureValue *item = tandem_measure_value_new (points->pdata[k]);

      if (selected_id && g_str_equal (item->id, selected_id))
        restore = k;
      g_ptr_array_add (items, item);
    }
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->values));
  common = MIN (n_old, items->len);
  /* Only the rows that differ are replaced, each run of them in one change:
   * an edit redraws its row, another measure replaces all its rows at once
   * (row by row, the view would rebind rows once per row). */
  while (i < common)
    {
      guint run = i;

      for (; i < common; i++)
        {
          g_autoptr(TandemMeasureValue) old = g_list_model_get_item (G_LIST_MODEL (self->values), i);

          if (same_value (old, items->pdata[i]))
            break;
        }
      if (i > run)
        g_list_store_splice (self->values, run, i - run, items->pdata + run, i - run);
      else
        i++;
    }
  if (n_old != items->len)
    g_list_store_splice (self->values, common, n_old - common, items->pdata + common,
                         items->len - common);
  gtk_single_selection_set_selected (self->selection, restore);
  gtk_column_view_column_set_visible (self->denominator_column, show_denominator);
}

/**
 * tandem_measure_data_table_get_selected:
 * @self: the table
 *
 * Returns: (transfer none) (nullable): the chosen value
 */
TandemMeasureValue *
tandem_measure_data_table_get_selected (TandemMeasureDataTable *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self), NULL);
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

void
tandem_measure_data_table_unselect (TandemMeasureDataTable *self)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * tandem_measure_data_table_get_model:
 * @self: the table
 *
 * Returns: (transfer none): the values shown, as TandemMeasureValue items
 */
GListModel *
tandem_measure_data_table_get_model (TandemMeasureDataTable *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self), NULL);
  return G_LIST_MODEL (self->values);
}

void
tandem_measure_data_table_set_editable (TandemMeasureDataTable *self,
                                        gboolean                editable)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EDITABLE]);
}

gboolean
tandem_measure_data_table_get_editable (TandemMeasureDataTable *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_TABLE (self), FALSE);
  return self->editable;
}
