/* tandem-test-util.h — what the app tests share: waiting on the main loop,
 * finding widgets, screenshots, and a sample project in a window (with
 * insert_or_die () and remove_tree () from the core tests' util)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-application.h"
#include "tandem-measure.h"
#include "tandem-project.h"
#include "tandem-test-core-util.h"
#include "tandem-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @check is true; fails the test after 20 s rather
 * than waiting for a fixed time. */
#define WAIT_FOR(check)                                                        \
  G_STMT_START {                                                               \
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;           \
    while (!(check))                                                           \
      {                                                                        \
        g_main_context_iteration (NULL, FALSE);                                \
        if (g_get_monotonic_time () > deadline)                                \
          g_error ("Timed out waiting for: %s", #check);                       \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

/* Whether @widget is the one looked for; @data is the matcher's own. */
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* The first widget, depth first from @root itself, that @match accepts. */
GtkWidget *find_widget         (GtkWidget     *root,
                                Match          match,
                                gconstpointer  data);
/* The first widget, depth first from @root itself, of @type. */
GtkWidget *find_widget_of_type (GtkWidget     *root,
                                GType          type);

#define FIND(root, match, data) find_widget (GTK_WIDGET (root), match, data)
#define FIND_TYPE(root, type) find_widget (GTK_WIDGET (root), is_type, GSIZE_TO_POINTER (type))

/* Matchers for find_widget (). */
/* @data is a GType, as GSIZE_TO_POINTER (type). */
gboolean is_type                  (GtkWidget *widget, gconstpointer data);
/* gtk_widget_get_name () is @data. */
gboolean is_named                 (GtkWidget *widget, gconstpointer data);
/* An AdwPreferencesRow titled @data. */
gboolean is_row_titled            (GtkWidget *widget, gconstpointer data);
/* An AdwPreferencesGroup titled @data. */
gboolean is_group_titled          (GtkWidget *widget, gconstpointer data);
/* A GtkLabel whose label (with any mnemonic underscore or markup) is @data. */
gboolean is_label                 (GtkWidget *widget, gconstpointer data);
/* A GtkLabel whose shown text is @data. */
gboolean is_label_text            (GtkWidget *widget, gconstpointer data);
/* A GtkLabel whose shown text starts with @data, mapped or not. */
gboolean label_starts_with        (GtkWidget *widget, gconstpointer data);
/* The same, but only a label that is mapped (on screen). */
gboolean mapped_label_starts_with (GtkWidget *widget, gconstpointer data);
/* A GtkButton whose label is @data. */
gboolean is_button_labelled       (GtkWidget *widget, gconstpointer data);
/* Any widget whose tooltip text is @data. */
gboolean is_tooltip               (GtkWidget *widget, gconstpointer data);
/* A GtkEntry whose placeholder text is @data. */
gboolean is_entry_with_placeholder (GtkWidget *widget, gconstpointer data);

/* The toplevel window of @type transient for @parent, or NULL. */
GtkWindow *find_toplevel      (GType      type,
                               GtkWindow *parent);
/* Whether @window is still one of the toplevels. */
gboolean   is_open            (GtkWindow *window);
/* Destroys every toplevel transient for @parent (not @parent itself). */
void       destroy_transients (GtkWindow *parent);

/* Writes @widget as $TANDEM_SCREENSHOT_DIR/@name (PNG), if that variable is
 * set: first waits until it has a size, then runs @settle main-loop
 * iterations so that it is drawn as it will be seen. */
void save_screenshot     (GtkWidget  *widget,
                          const char *name,
                          guint       settle);
/* The same, at once, as the widget is now. */
void save_screenshot_now (GtkWidget  *widget,
                          const char *name);

/* Starts a GTK test program: settings in memory, no accessibility bus,
 * gtk_test_init () and adw_init (). Set LC_ALL or TZ before, if wanted. */
void test_init    (int    *argc,
                   char ***argv);
/* Runs the tests, then drops @app; returns what g_test_run () did. */
int  test_run_app (TandemApplication *app);

/* A TandemApplication registered (non-unique) on the session bus, for all of
 * one program's tests. */
TandemApplication *test_application_new (void);

/* Makes a temporary folder from @dir_template (in *@dir) and in it the ward
 * sample project @file_name (in *@path), written as @author if not NULL.
 * Returns the project, still open. */
TandemProject *create_sample_project (const char  *dir_template,
                                      const char  *file_name,
                                      const char  *author,
                                      char       **dir,
                                      char       **path);
/* Makes a temporary folder from @dir_template (in *@dir) and in it a new
 * project @file_name (in *@path), written as “Ada Coach”, with one team,
 * Willow Ward, and a blank diagram “Fewer restraints” (in *@diagram) whose
 * aim leads through “Calmer wards” and “Staff know the patients” to the
 * change idea “Safety huddle” (in *@idea). Returns the project, still open. */
TandemProject *create_diagram_project (const char  *dir_template,
                                       const char  *file_name,
                                       char       **dir,
                                       char       **path,
                                       char       **diagram,
                                       char       **idea);
/* Presses @keyval on @widget through the key bindings of its class; TRUE if
 * one handled it. */
gboolean       press_binding         (GtkWidget     *widget,
                                      guint          keyval);
/* The measure @id of @project, which must load. */
TandemMeasure *load_measure          (TandemProject *project,
                                      const char    *id);
/* A new project window of @app, referenced, sized @width × @height if @width
 * is above 0, and presented. */
TandemWindow  *new_test_window       (TandemApplication *app,
                                      int                width,
                                      int                height);
/* Opens @path in @window and waits until it is no longer busy (the project
 * may be NULL after, when opening failed). */
void           open_and_wait         (TandemWindow *window,
                                      const char   *path);
/* Opens @path in @window and waits until it is no longer busy and has the
 * project. */
void           open_and_wait_for_project (TandemWindow *window,
                                          const char   *path);

G_END_DECLS
