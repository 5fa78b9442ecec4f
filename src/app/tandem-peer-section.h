/* tandem-peer-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-peer-support.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEER_SECTION (tandem_peer_section_get_type ())

G_DECLARE_INTERFACE (TandemPeerSection, tandem_peer_section, TANDEM, PEER_SECTION, GtkWidget)

/* A view of the peer-support page (checklist, roles, timeline). It edits the
 * file itself and tells its page what came of it through signals:
 * “failed” (a title, the editor or %NULL, the entity and field the editor
 * showed, the error), “done” (a toast and whether the change can be undone)
 * and “reload-requested”. */
struct _TandemPeerSectionInterface
{
  GTypeInterface parent_iface;

  void (*set_report) (TandemPeerSection             *self,
                      TandemProject                 *project,
                      const TandemPeerSupportReport *report,
                      gboolean                       editable);
  void (*rebuild)    (TandemPeerSection             *self);
  void (*restore)    (TandemPeerSection             *self);
};

void tandem_peer_section_set_report     (TandemPeerSection             *self,
                                         TandemProject                 *project,
                                         const TandemPeerSupportReport *report,
                                         gboolean                       editable);
void tandem_peer_section_rebuild        (TandemPeerSection             *self);
void tandem_peer_section_restore        (TandemPeerSection             *self);
void tandem_peer_section_failed         (gpointer                       self,
                                         const char                    *title,
                                         GtkWidget                     *editor,
                                         const char                    *id,
                                         const char                    *field,
                                         const GError                  *error);
void tandem_peer_section_done           (gpointer                       self,
                                         const char                    *toast,
                                         gboolean                       undo);
void tandem_peer_section_request_reload (gpointer                       self);

/* Where the person was in a section, kept across its rebuilds: the widget
 * each key named, the expander rows left open, and what to focus next. A
 * widget's key is its name, so the GTK Inspector and the tests see it. */
typedef struct
{
  GHashTable *keyed;        /* key → widget, for the last build */
  GHashTable *expanded;     /* keys of expander rows left open */
  char       *focus_after;  /* a key to focus after the next build */
  char       *pending;      /* the key to focus once this build is done */
  gboolean    building;
} TandemPeerPlace;

void            tandem_peer_place_init        (TandemPeerPlace *place);
void            tandem_peer_place_clear       (TandemPeerPlace *place);
void            tandem_peer_place_remember    (TandemPeerPlace *place,
                                               GtkWidget       *widget,
                                               const char      *key);
void            tandem_peer_place_begin       (TandemPeerPlace *place,
                                               GtkWidget       *section);
void            tandem_peer_place_restore     (TandemPeerPlace *place);
void            tandem_peer_place_focus_after (TandemPeerPlace *place,
                                               const char      *key);
gboolean        tandem_peer_place_toggle      (TandemPeerPlace *place,
                                               const char      *key);
AdwExpanderRow *tandem_peer_place_expander    (TandemPeerPlace *place,
                                               const char      *key,
                                               const char      *title);
GtkWidget      *tandem_peer_place_entry_row   (TandemPeerPlace *place,
                                               const char      *title,
                                               const char      *text,
                                               const char      *key,
                                               gboolean         editable);
GtkWidget      *tandem_peer_place_field_row   (TandemPeerPlace *place,
                                               const char      *title,
                                               const char      *text,
                                               const char      *key,
                                               gboolean         editable);
GtkWidget      *tandem_peer_date_row          (GtkWidget       *row);
void            tandem_peer_clear_list        (GtkListBox      *list);

G_END_DECLS
