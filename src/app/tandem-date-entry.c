/* tandem-date-entry.c — the one date field: typed day-first or ISO, or chosen on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every date a person types in Tandem goes through this widget, so that each
 * takes the same forms: 20/11/2026 (day first, as in the UK), 2026-11-20,
 * or a day chosen on the calendar beside it. What it holds is read with
 * tandem_date_entry_get_date(), which gives yyyy-mm-dd, and a chosen day is
 * written as yyyy-mm-dd, the form the rest of the page shows in its fields.
 * It is a #GtkEditable (its text is the entry's), so code that reads or
 * fills a text field reads and fills it the same way.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"

struct _TandemDateEntry
{
  GtkWidget       parent_instance;

  GtkEntry       *entry;
  GtkWidget      *button;
};

enum
{
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char typed_forms[] =
  N_("Type the date as 20/11/2026 (day first) or 2026-11-20, or choose it on the calendar");

static void tandem_date_entry_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemDateEntry, tandem_date_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      tandem_date_entry_editable_init))

/* What a calendar button writes into: the field beside it (or the row it
 * is in), and whether the field is applied when a day is chosen. */
typedef struct
{
  GtkEditable *target;     /* weak */
  GtkCalendar *calendar;
  GtkWidget   *button;
  gboolean     choosing;
  gboolean     apply;
} CalendarChoice;

static void
calendar_choice_free (gpointer  data,
                      GClosure *closure)
{
  CalendarChoice *choice = data;

  g_clear_weak_pointer (&choice->target);
  g_free (choice);
}

/* The calendar opens on the day typed, else on today. */
static void
popover_shown_cb (CalendarChoice *choice)
{
  g_autoptr(GDateTime) day = NULL;
  char date[11];
  int y, m, d;

  if (choice->target != NULL &&
      tandem_read_typed_date (gtk_editable_get_text (choice->target), date, NULL) &&
      sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3)
    day = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (day == NULL)
    day = tandem_clock_now_local ();
  choice->choosing = TRUE;
  gtk_calendar_select_day (choice->calendar, day);
  choice->choosing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (choice->calendar));
}

static void
day_selected_cb (CalendarChoice *choice)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  if (choice->choosing || choice->target == NULL)
    return;
  day = gtk_calendar_get_date (choice->calendar);
  iso = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (choice->target, iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (choice->button));
  gtk_widget_grab_focus (GTK_WIDGET (choice->target));
  gtk_editable_set_position (choice->target, -1);
  /* A row saved by its apply signal saves the chosen day at once. */
  if (choice->apply && ADW_IS_ENTRY_ROW (choice->target))
    g_signal_emit_by_name (choice->target, "apply");
}

/**
 * tandem_date_calendar_button_new:
 * @target: the date field the chosen day is written into, as yyyy-mm-dd
 * @apply: whether to emit #AdwEntryRow::apply on @target after (for rows
 *   that save when applied)
 *
 * A button beside (or inside) any date field that opens a calendar on the
 * day typed, or on today; Enter or a click on a day writes it into the
 * field and gives the field the keyboard back. Every date field in Tandem
 * has one, so each can be typed or chosen alike.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
tandem_date_calendar_button_new (GtkEditable *target,
                                 gboolean     apply)
{
  CalendarChoice *choice = g_new0 (CalendarChoice, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_set_weak_pointer (&choice->target, target);
  choice->apply = apply;
  choice->button = button;
  choice->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (choice->calendar, "day-selected", G_CALLBACK (day_selected_cb), choice);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (choice->calendar));
  /* The choice goes with the popover, after the calendar inside it. */
  g_signal_connect_data (popover, "show", G_CALLBACK (popover_shown_cb), choice,
                         calendar_choice_free, G_CONNECT_SWAPPED);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose on a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose on a Calendar"), -1);
  /* GTK 4.8 puts a toggle button inside: a screen reader names it too. */
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose on a Calendar"), -1);
  return button;
}

/**
 * tandem_date_row_add_calendar:
 * @row: an entry row that holds a date
 * @apply: as for tandem_date_calendar_button_new()
 *
 * Puts a calendar button at the end of @row and says in its tooltip which
 * forms it takes.
 */
void
tandem_date_row_add_calendar (AdwEntryRow *row,
                              gboolean     apply)
{
  adw_entry_row_add_suffix (row, tandem_date_calendar_button_new (GTK_EDITABLE (row), apply));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _(typed_forms));
}

static void
entry_activated_cb (TandemDateEntry *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static GtkEditable *
tandem_date_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (TANDEM_DATE_ENTRY (editable)->entry);
}

static void
tandem_date_entry_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = tandem_date_entry_get_delegate;
}

static gboolean
tandem_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TANDEM_DATE_ENTRY (widget)->entry));
}

static gboolean
tandem_date_entry_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  return gtk_widget_grab_focus (widget);
}

static void
tandem_date_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemDateEntry *self = TANDEM_DATE_ENTRY (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  if (prop_id == PROP_PLACEHOLDER_TEXT)
    gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_date_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemDateEntry *self = TANDEM_DATE_ENTRY (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  if (prop_id == PROP_PLACEHOLDER_TEXT)
    g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_date_entry_dispose (GObject *object)
{
  TandemDateEntry *self = TANDEM_DATE_ENTRY (object);
  GtkWidget *child;

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->entry = NULL;
  self->button = NULL;
  G_OBJECT_CLASS (tandem_date_entry_parent_class)->dispose (object);
}

static void
tandem_date_entry_class_init (TandemDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_date_entry_dispose;
  object_class->set_property = tandem_date_entry_set_property;
  object_class->get_property = tandem_date_entry_get_property;
  widget_class->grab_focus = tandem_date_entry_grab_focus;
  widget_class->mnemonic_activate = tandem_date_entry_mnemonic_activate;
  g_object_class_install_property (object_class, PROP_PLACEHOLDER_TEXT,
                                   g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * TandemDateEntry::activate:
   *
   * Enter in the field, as #GtkEntry::activate.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tandem-date-entry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_date_entry_init (TandemDateEntry *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Date, e.g. 2026-03-02"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), _(typed_forms));
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activated_cb), self);

  self->button = tandem_date_calendar_button_new (GTK_EDITABLE (self->entry), FALSE);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
tandem_date_entry_new (void)
{
  return g_object_new (TANDEM_TYPE_DATE_ENTRY, NULL);
}

/**
 * tandem_date_entry_get_date:
 * @self: a date field
 * @date: (out caller-allocates): the date, yyyy-mm-dd
 *
 * Reads the field as 20/11/2026 (day first) or 2026-11-20.
 *
 * Returns: whether it holds a real date
 */
gboolean
tandem_date_entry_get_date (TandemDateEntry *self,
                            char             date[11])
{
  g_return_val_if_fail (TANDEM_IS_DATE_ENTRY (self), FALSE);

  return tandem_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)), TANDEM_DATE_AUTO,
                            date);
}

/**
 * tandem_date_entry_set_date:
 * @self: a date field
 * @iso: (nullable): a date, yyyy-mm-dd, or %NULL to empty it
 */
void
tandem_date_entry_set_date (TandemDateEntry *self,
                            const char      *iso)
{
  g_return_if_fail (TANDEM_IS_DATE_ENTRY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), iso ? iso : "");
}

/**
 * tandem_date_entry_get_entry:
 * @self: a date field
 *
 * Returns: (transfer none): the text field inside, for its placeholder,
 *   Enter and accessible label
 */
GtkEntry *
tandem_date_entry_get_entry (TandemDateEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_ENTRY (self), NULL);
  return self->entry;
}
