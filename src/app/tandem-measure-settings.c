/* tandem-measure-settings.c — a measure's settings and the change ideas
 * linked to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "About This Measure": its name, kind, definition, unit, which way is
 * better, target, frequency, chart, rules, baseline, multiplier and the
 * screening of large moving ranges, each saved on its own as one undoable
 * edit, checked against what the row showed so that another program's
 * change to the same field is kept, not written over. Then the change
 * ideas the measure is linked to, with a row to link another: its button
 * is the page's "measures.link" action, each link's button the page's
 * "measures.unlink" action with the change idea's id. A problem is
 * reported by the "failed" signal; "stale" asks the page to show the
 * measure as it stands again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enum-row.h"
#include "tandem-measure-settings.h"
#include "tandem-measures-page-private.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"
#include "tandem-table-import.h"

struct _TandemMeasureSettings
{
  GtkBox               parent_instance;

  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *definition_row;
  AdwEntryRow         *unit_row;
  AdwComboRow         *direction_row;
  AdwEntryRow         *target_row;
  AdwComboRow         *frequency_row;
  AdwComboRow         *chart_row;
  AdwComboRow         *rules_row;
  AdwEntryRow         *freeze_row;
  AdwEntryRow         *multiply_row;
  GtkSwitch           *screen_switch;
  AdwPreferencesGroup *link_group;
  AdwComboRow         *link_add_row;

  GPtrArray           *link_rows;
  GPtrArray           *unlinked;     /* the change ideas the combo row offers */

  TandemProject       *project;
  TandemMeasure       *measure;
  GPtrArray           *targets;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (TandemMeasureSettings, tandem_measure_settings, GTK_TYPE_BOX)

enum { FAILED, STALE, N_SIGNALS };
static guint signals[N_SIGNALS];

static TandemPage *
page_of (TandemMeasureSettings *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  return page ? TANDEM_PAGE (page) : NULL;
}

static void
fail (TandemMeasureSettings *self,
      const char            *heading,
      const GError          *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

static void
show_invalid (TandemMeasureSettings *self,
              const char            *heading,
              const char            *message)
{
  g_autoptr(GError) error = g_error_new_literal (TANDEM_PROJECT_ERROR,
                                                 TANDEM_PROJECT_ERROR_INVALID, message);
  fail (self, heading, error);
}

/* A conflict with another program's change: say so, and show what stands. */
static gboolean
take_conflict (TandemMeasureSettings *self,
               GtkWidget             *editor,
               const char            *field,
               const GError          *error)
{
  TandemPage *page = page_of (self);

  if (page == NULL || !tandem_shown_field_take_conflict (page, editor, self->measure->id, field, error))
    return FALSE;
  g_signal_emit (self, signals[STALE], 0);
  return TRUE;
}

/* One field of the measure, as one undoable edit, checked against what
 * @editor showed. */
static gboolean
update_measure_from (TandemMeasureSettings *self,
                     GtkWidget             *editor,
                     const char            *field,
                     TandemValue            value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->project == NULL || self->measure == NULL)
    return FALSE;
  id = g_strdup (self->measure->id);
  if (tandem_measure_set_field (self->project, id, field, tandem_shown_field_get_stored (editor), value,
                                &error))
    {
      tandem_shown_field_saved (editor, self->project);
      return TRUE;
    }
  if (!take_conflict (self, editor, field, error))
    fail (self, _("Could Not Change the Measure"), error);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                   */

static void
text_row_applied_cb (AdwEntryRow           *row,
                     TandemMeasureSettings *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double number;

  if (self->loading || self->measure == NULL)
    return;
  if (row == self->name_row)
    {
      if (*stripped == '\0')
        {
          show_invalid (self, _("The Measure Needs a Name"), _("Type a name for the measure."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "name", tandem_value_text (stripped));
    }
  else if (row == self->definition_row)
    update_measure_from (self, GTK_WIDGET (row), "definition",
                         tandem_value_text (*stripped ? stripped : NULL));
  else if (row == self->unit_row)
    update_measure_from (self, GTK_WIDGET (row), "unit",
                         tandem_value_text (*stripped ? stripped : NULL));
  else if (row == self->target_row)
    {
      /* People type 3,5 as often as 3.5 into a single field. */
      if (!tandem_parse_number (stripped, TRUE, &number))
        {
          show_invalid (self, _("Check the Target"), _("The target must be a number, or empty for none."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "target", _tandem_measures_number_value (number));
    }
  else if (row == self->freeze_row)
    {
      guint64 n = 0;

      if (*stripped && !g_ascii_string_to_unsigned (stripped, 10, 2, 100000, &n, NULL))
        {
          show_invalid (self, _("Check the Baseline"),
                        _("The baseline is a number of points, 2 or more, or empty to use them all."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "freeze",
                           *stripped ? tandem_value_int ((gint64) n) : tandem_value_null ());
    }
  else if (row == self->multiply_row)
    {
      if (!tandem_parse_number (*stripped ? stripped : "1", TRUE, &number) || !(number > 0))
        {
          show_invalid (self, _("Check the Multiplier"), _("Multiply by a number above 0, such as 100."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "multiply", tandem_value_double (number));
    }
}

static void
combo_changed_cb (AdwComboRow           *row,
                  GParamSpec            *pspec,
                  TandemMeasureSettings *self)
{
  int value = tandem_enum_row_get_value (row);

  if (self->loading || self->measure == NULL || value < 0)
    return;
  if (row == self->kind_row)
    update_measure_from (self, GTK_WIDGET (row), "kind",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_MEASURE_KIND, -1));
  else if (row == self->direction_row)
    update_measure_from (self, GTK_WIDGET (row), "direction",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_SPC_DIRECTION, -1));
  else if (row == self->frequency_row)
    update_measure_from (self, GTK_WIDGET (row), "frequency",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_MEASURE_FREQUENCY, -1));
  else if (row == self->chart_row)
    {
      g_autoptr(GError) error = NULL;

      if (tandem_measure_set_chart (self->project, self->measure->id,
                                    tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                    (TandemSpcChart) value, &error))
        tandem_shown_field_saved (GTK_WIDGET (row), self->project);
      else if (!take_conflict (self, GTK_WIDGET (row), "chart_type", error))
        fail (self, _("Could Not Change the Measure"), error);
    }
  else if (row == self->rules_row)
    {
      if (value == TANDEM_SPC_RULES_MDC && self->measure->chart == TANDEM_SPC_CHART_RUN)
        {
          show_invalid (self, _("Choose a Control Chart First"),
                        _("The Making Data Count rules need process limits, which a run chart does "
                          "not have. Choose an I chart or another control chart, or the IHI rules."));
          g_signal_emit (self, signals[STALE], 0);
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "rules",
                           tandem_enum_row_get_word (row, TANDEM_TYPE_SPC_RULES, TANDEM_SPC_RULES_DEFAULT));
    }
}

static void
screen_changed_cb (GtkSwitch             *sw,
                   GParamSpec            *pspec,
                   TandemMeasureSettings *self)
{
  if (self->loading || self->measure == NULL)
    return;
  update_measure_from (self, GTK_WIDGET (sw), "screen_mr", tandem_value_int (gtk_switch_get_active (sw)));
}

static void
fill_settings (TandemMeasureSettings *self)
{
  g_autofree char *target = _tandem_measures_format_number (self->measure->target);
  g_autofree char *multiply = _tandem_measures_format_number (self->measure->multiply);
  g_autofree char *freeze = self->measure->freeze ? g_strdup_printf ("%u", self->measure->freeze)
                                                  : g_strdup ("");
  const struct { AdwEntryRow *row; const char *field; const char *text; } rows[] = {
    { self->name_row, "name", self->measure->name },
    { self->definition_row, "definition", self->measure->definition },
    { self->unit_row, "unit", self->measure->unit },
    { self->target_row, "target", target },
    { self->multiply_row, "multiply", multiply },
    { self->freeze_row, "freeze", freeze },
  };
  /* A choice is saved against what its drop-down showed: another
   * program's change to the same field is then kept, not written over. */
  const struct { GtkWidget *editor; const char *field; } choices[] = {
    { GTK_WIDGET (self->kind_row), "kind" },
    { GTK_WIDGET (self->direction_row), "direction" },
    { GTK_WIDGET (self->frequency_row), "frequency" },
    { GTK_WIDGET (self->chart_row), "chart_type" },
    { GTK_WIDGET (self->rules_row), "rules" },
    { GTK_WIDGET (self->screen_switch), "screen_mr" },
  };

  /* A row the person is typing in keeps their words (see tandem-shown-field.c). */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    tandem_shown_field_fill (GTK_WIDGET (rows[i].row), self->project, TANDEM_ENTITY_MEASURE,
                             self->measure->id, rows[i].field, rows[i].text);
  tandem_enum_row_set_word (self->kind_row, TANDEM_TYPE_MEASURE_KIND, self->measure->kind);
  tandem_enum_row_set_value (self->direction_row, self->measure->direction);
  tandem_enum_row_set_word (self->frequency_row, TANDEM_TYPE_MEASURE_FREQUENCY, self->measure->frequency);
  tandem_enum_row_set_value (self->chart_row, self->measure->chart);
  tandem_enum_row_set_value (self->rules_row, self->measure->rules);
  gtk_switch_set_active (self->screen_switch, self->measure->screen_mr);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    tandem_shown_field_remember (choices[i].editor, self->project, TANDEM_ENTITY_MEASURE,
                                 self->measure->id, choices[i].field);
}

/* ------------------------------------------------------------------------ */
/* Change ideas linked to the measure                                         */

static gboolean
set_linked (TandemMeasureSettings *self,
            const char            *node_id,
            gboolean               linked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *measure_id = NULL;
  g_autofree char *node = g_strdup (node_id);

  if (self->project == NULL || self->measure == NULL || node == NULL)
    return FALSE;
  measure_id = g_strdup (self->measure->id);
  if (!tandem_measure_set_linked (self->project, measure_id, node, linked, &error))
    {
      fail (self, linked ? _("Could Not Link the Change Idea") : _("Could Not Unlink the Change Idea"), error);
      return FALSE;
    }
  if (!linked && page_of (self) != NULL)
    tandem_page_show_toast (page_of (self), _("Change idea unlinked"), TRUE);
  return TRUE;
}

/**
 * tandem_measure_settings_link:
 * @self: the settings
 *
 * Links the change idea chosen in "Link a change idea" to the measure, as
 * one undoable edit.
 *
 * Returns: whether it was linked
 */
gboolean
tandem_measure_settings_link (TandemMeasureSettings *self)
{
  guint i;

  g_return_val_if_fail (TANDEM_IS_MEASURE_SETTINGS (self), FALSE);

  i = adw_combo_row_get_selected (self->link_add_row);
  if (self->unlinked == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->unlinked->len)
    return FALSE;
  return set_linked (self, ((TandemLinkTarget *) self->unlinked->pdata[i])->node_id, TRUE);
}

/**
 * tandem_measure_settings_unlink:
 * @self: the settings
 * @node_id: a change idea linked to the measure
 *
 * Unlinks it, as one undoable edit, and says so.
 *
 * Returns: whether it was unlinked
 */
gboolean
tandem_measure_settings_unlink (TandemMeasureSettings *self,
                                const char            *node_id)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_SETTINGS (self), FALSE);
  return set_linked (self, node_id, FALSE);
}

static GtkWidget *
link_row (TandemMeasureSettings  *self,
          const TandemLinkTarget *link)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *escaped = g_markup_escape_text (link->title, -1);
  g_autofree char *accessible = g_strdup_printf (_("Unlink “%s”"), link->title);
  g_autofree char *tests = NULL;
  g_autofree char *subtitle = NULL;
  guint n_tests = 0;

  for (guint k = 0; self->targets && k < self->targets->len; k++)
    {
      const TandemLinkTarget *target = self->targets->pdata[k];

      if (target->pdsa_id && g_strcmp0 (target->node_id, link->node_id) == 0)
        n_tests++;
    }
  /* Say why a linked change idea may have nothing on the chart. */
  tests = n_tests > 0 ? g_strdup_printf (ngettext ("%u PDSA cycle", "%u PDSA cycles", n_tests), n_tests)
                      : g_strdup (_("no PDSA cycles yet, so nothing on the chart"));
  subtitle = link->diagram ? g_markup_printf_escaped ("%s · %s", link->diagram, tests)
                           : g_markup_escape_text (tests, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Unlink the Change Idea"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.unlink");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", link->node_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_links (TandemMeasureSettings *self,
            gboolean               editable)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_ideas = 0;

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->link_group, self->link_rows->pdata[i]);
  g_ptr_array_set_size (self->link_rows, 0);
  g_object_ref (self->link_add_row);
  adw_preferences_group_remove (self->link_group, GTK_WIDGET (self->link_add_row));

  for (guint i = 0; i < self->measure->links->len; i++)
    {
      GtkWidget *row = link_row (self, self->measure->links->pdata[i]);

      adw_preferences_group_add (self->link_group, row);
      g_ptr_array_add (self->link_rows, row);
    }

  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  self->unlinked = g_ptr_array_new ();
  for (guint i = 0; self->targets && i < self->targets->len; i++)
    {
      TandemLinkTarget *target = self->targets->pdata[i];
      gboolean linked = FALSE;

      if (target->pdsa_id)
        continue;
      n_ideas++;
      for (guint k = 0; k < self->measure->links->len && !linked; k++)
        linked = g_strcmp0 (((TandemLinkTarget *) self->measure->links->pdata[k])->node_id,
                            target->node_id) == 0;
      if (!linked)
        {
          g_ptr_array_add (self->unlinked, target);
          gtk_string_list_append (names, target->title);
        }
    }
  adw_combo_row_set_model (self->link_add_row, G_LIST_MODEL (names));
  if (n_ideas == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row),
                                 _("The team’s driver diagrams have no change ideas yet."));
  else if (self->unlinked->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row),
                                 _("Every change idea of the team is linked."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_add_row), editable && self->unlinked->len > 0);
  adw_preferences_group_add (self->link_group, GTK_WIDGET (self->link_add_row));
  g_object_unref (self->link_add_row);
}

/**
 * tandem_measure_settings_set_measure:
 * @self: the settings
 * @project: (nullable): the project
 * @measure: (nullable): the measure shown
 * @targets: (element-type TandemLinkTarget) (nullable): the team's change
 *   ideas and their PDSA cycles
 * @editable: whether the settings can be changed
 *
 * Shows the measure's settings (a row the person is typing in keeps their
 * words) and the change ideas linked to it.
 */
void
tandem_measure_settings_set_measure (TandemMeasureSettings *self,
                                     TandemProject         *project,
                                     TandemMeasure         *measure,
                                     GPtrArray             *targets,
                                     gboolean               editable)
{
  g_return_if_fail (TANDEM_IS_MEASURE_SETTINGS (self));

  g_set_object (&self->project, project);
  if (measure != NULL)
    tandem_measure_ref (measure);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  self->measure = measure;
  if (targets != NULL)
    g_ptr_array_ref (targets);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = targets;
  if (measure == NULL)
    return;

  self->loading = TRUE;
  fill_settings (self);
  fill_links (self, editable);
  {
    GtkWidget *editors[] = {
      GTK_WIDGET (self->name_row), GTK_WIDGET (self->kind_row),
      GTK_WIDGET (self->definition_row), GTK_WIDGET (self->unit_row), GTK_WIDGET (self->direction_row),
      GTK_WIDGET (self->target_row), GTK_WIDGET (self->frequency_row), GTK_WIDGET (self->chart_row),
      GTK_WIDGET (self->rules_row), GTK_WIDGET (self->freeze_row), GTK_WIDGET (self->multiply_row),
      GTK_WIDGET (self->screen_switch),
    };

    for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
      gtk_widget_set_sensitive (editors[i], editable);
  }
  self->loading = FALSE;
}

GtkWidget *
tandem_measure_settings_new (void)
{
  return g_object_new (TANDEM_TYPE_MEASURE_SETTINGS, NULL);
}

static void
tandem_measure_settings_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_MEASURE_SETTINGS);
  G_OBJECT_CLASS (tandem_measure_settings_parent_class)->dispose (object);
}

static void
tandem_measure_settings_finalize (GObject *object)
{
  TandemMeasureSettings *self = TANDEM_MEASURE_SETTINGS (object);

  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_measure_settings_parent_class)->finalize (object);
}

static void
tandem_measure_settings_class_init (TandemMeasureSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_measure_settings_dispose;
  object_class->finalize = tandem_measure_settings_finalize;

  /**
   * TandemMeasureSettings::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemMeasureSettings::stale:
   *
   * What the settings show is not what stands: show the measure again.
   */
  signals[STALE] = g_signal_new ("stale", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-measure-settings.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemMeasureSettings, name)
  CHILD (name_row);
  CHILD (kind_row);
  CHILD (definition_row);
  CHILD (unit_row);
  CHILD (direction_row);
  CHILD (target_row);
  CHILD (frequency_row);
  CHILD (chart_row);
  CHILD (rules_row);
  CHILD (freeze_row);
  CHILD (multiply_row);
  CHILD (screen_switch);
  CHILD (link_group);
  CHILD (link_add_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, text_row_applied_cb);
}

static void
tandem_measure_settings_init (TandemMeasureSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_rows = g_ptr_array_new ();
  tandem_enum_row_set_model (self->kind_row, TANDEM_TYPE_MEASURE_KIND,
                             TANDEM_ENUM_LABEL_FUNC (tandem_measure_kind_get_label));
  tandem_enum_row_set_model (self->direction_row, TANDEM_TYPE_SPC_DIRECTION,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_direction_get_label));
  tandem_enum_row_set_model (self->frequency_row, TANDEM_TYPE_MEASURE_FREQUENCY,
                             TANDEM_ENUM_LABEL_FUNC (tandem_measure_frequency_get_label));
  tandem_enum_row_set_model (self->chart_row, TANDEM_TYPE_SPC_CHART,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_chart_get_label));
  tandem_enum_row_set_model (self->rules_row, TANDEM_TYPE_SPC_RULES,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_rules_get_label));
  {
    AdwComboRow *combos[] = { self->kind_row, self->direction_row, self->frequency_row, self->chart_row,
                              self->rules_row };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect (combos[i], "notify::selected", G_CALLBACK (combo_changed_cb), self);
  }
  g_signal_connect (self->screen_switch, "notify::active", G_CALLBACK (screen_changed_cb), self);
}
