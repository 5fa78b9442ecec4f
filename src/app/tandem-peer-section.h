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

/* What a section's list models hold: one row's worth of the report, as
 * properties the row binds to. A subclass installs its properties with
 * tandem_peer_item_class_install(); the first is the "id" that finds the
 * item again in the next report. Setting a property to what it holds
 * already notifies nothing, so that a reload changes only what changed. */
#define TANDEM_TYPE_PEER_ITEM (tandem_peer_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (TandemPeerItem, tandem_peer_item, TANDEM, PEER_ITEM, GObject)

struct _TandemPeerItemClass
{
  GObjectClass parent_class;

  guint        n_properties;
};

void        tandem_peer_item_class_install (TandemPeerItemClass  *klass,
                                            GParamSpec          **pspecs,
                                            guint                 n_pspecs);
const char *tandem_peer_item_get_id        (TandemPeerItem       *self);
const char *tandem_peer_item_get_string    (TandemPeerItem       *self,
                                            const char           *name);
int         tandem_peer_item_get_int       (TandemPeerItem       *self,
                                            const char           *name);
gboolean    tandem_peer_item_get_boolean   (TandemPeerItem       *self,
                                            const char           *name);
GListStore *tandem_peer_item_get_children  (TandemPeerItem       *self);
void        tandem_peer_store_sync         (GListStore           *store,
                                            GPtrArray            *items);

AdwExpanderRow *tandem_peer_expander       (const char           *key,
                                            const char           *title);
GtkWidget      *tandem_peer_entry_row      (const char           *title,
                                            const char           *text,
                                            const char           *key,
                                            gboolean              editable);
GtkWidget      *tandem_peer_field_row      (const char           *title,
                                            const char           *text,
                                            const char           *key,
                                            gboolean              editable);
GtkWidget      *tandem_peer_date_row       (GtkWidget            *row);
GtkWidget      *tandem_peer_find_named     (GtkWidget            *root,
                                            const char           *name);

G_END_DECLS
