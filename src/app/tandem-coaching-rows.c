/* tandem-coaching-rows.c — rows and words the Coaching page's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"
#include "tandem-date.h"
#include "tandem-legibility.h"
#include "tandem-page.h"

void
_tandem_coaching_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

AdwActionRow *
_tandem_coaching_text_row (const char *title,
                           const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* What people typed is shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle)
    adw_action_row_set_subtitle (row, subtitle);
  return row;
}

void
_tandem_coaching_add_placeholder (GtkListBox *list,
                                  const char *text)
{
  AdwActionRow *row = _tandem_coaching_text_row (text, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  gtk_list_box_append (list, GTK_WIDGET (row));
}

char *
_tandem_coaching_stripped (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    {
      g_free (copy);
      return NULL;
    }
  return copy;
}

char *
_tandem_coaching_local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;

  return day ? tandem_describe_date (day) : g_strdup (iso ? iso : "");
}

char *
_tandem_coaching_describe_action (const TandemAction *action,
                                  const char         *today)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, action->owner_name ? action->owner_name : _("No one named yet"));
  if (action->due_on)
    {
      g_autofree char *due = tandem_describe_date (action->due_on);
      g_string_append_printf (text, _(" · due %s"), due);
    }
  if (action->session_starts_at)
    {
      g_autofree char *day = _tandem_coaching_local_date (action->session_starts_at);
      g_string_append_printf (text, _(" · agreed %s"), day);
    }
  if (action->carried_from)
    g_string_append (text, _(" · carried forward"));
  if (action->status == TANDEM_ACTION_DONE)
    g_string_append (text, _(" · done"));
  else if (action->carried_to != NULL)
    {
      g_autofree char *due = tandem_describe_date (action->carried_to_due);
      g_string_append_printf (text, _(" · carried forward to %s"), due ? due : "");
    }
  else if (action->status == TANDEM_ACTION_DROPPED)
    g_string_append_printf (text, _(" · dropped: %s"), action->reason ? action->reason : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Overdue stands out in words and with an icon, not by colour alone. */
void
_tandem_coaching_mark_overdue (AdwActionRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (_("Overdue"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "error");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_prefix (row, box);
}

char *
_tandem_coaching_chart_text (const TandemAttendance *attendance)
{
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < attendance->n_teams; t++)
    {
      guint total = attendance->team_sessions[t];

      if (text->len)
        g_string_append_c (text, '\n');
      if (total == 0)
        g_string_append_printf (text, _("%s: no sessions in the last %u months."),
                                attendance->team_names[t], attendance->n_months);
      else
        g_string_append_printf (text, ngettext ("%s: %u session in the last %u months; %u%% had someone with lived experience present.",
                                                "%s: %u sessions in the last %u months; %u%% had someone with lived experience present.",
                                                total),
                                attendance->team_names[t], total, attendance->n_months,
                                (guint) (100.0 * attendance->team_with_le[t] / total + 0.5));
    }
  return g_string_free (text, FALSE);
}

/* What rows of @actions show, as one string: a list whose rows would show
 * the same is left as it is, so that a save as the person works (which
 * reloads the lists) never takes a row from under a click. */
void
_tandem_coaching_append_shown (GString    *shown,
                               GPtrArray  *actions,
                               const char *today)
{
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      TandemAction *action = actions->pdata[i];
      g_autofree char *subtitle = _tandem_coaching_describe_action (action, today);

      g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1f%d\x1e", action->id, action->what,
                              subtitle, tandem_action_is_overdue (action, today));
    }
  g_string_append_c (shown, '\x1d');
}

/* Whether the list *@shown describes already shows @now; if not, @now is
 * kept as what it will show. */
gboolean
_tandem_coaching_still_shown (char    **shown,
                              GString  *now)
{
  if (g_strcmp0 (*shown, now->str) == 0)
    return TRUE;
  g_free (*shown);
  *shown = g_strdup (now->str);
  return FALSE;
}

/* Draws @attendance on @area, in the system's (or workshop mode's) large
 * text. */
void
_tandem_coaching_draw_chart (GtkDrawingArea         *area,
                             cairo_t                *cr,
                             int                     width,
                             int                     height,
                             const TandemAttendance *attendance)
{
  double scale;

  if (attendance == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));
  cairo_scale (cr, scale, scale);
  tandem_coaching_draw_attendance (cr, width / scale, height / scale, attendance);
}

char *
_tandem_coaching_month_now (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_local ();

  return g_date_time_format (now, "%Y-%m");
}

/* A widget of the page shows an error, or a toast, over the page it is in
 * (none, on its own in a test: the message is logged). */
void
_tandem_coaching_show_error (GtkWidget    *widget,
                             const char   *heading,
                             const GError *error)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, TANDEM_TYPE_PAGE);

  if (page != NULL)
    tandem_page_show_error (TANDEM_PAGE (page), heading, error);
  else
    g_message ("%s: %s", heading, error ? error->message : "");
}

void
_tandem_coaching_show_toast (GtkWidget  *widget,
                             const char *title,
                             gboolean    with_undo)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, TANDEM_TYPE_PAGE);

  if (page != NULL)
    tandem_page_show_toast (TANDEM_PAGE (page), title, with_undo);
  else
    g_message ("%s", title);
}
