/* tandem-diagram-layout.h — where each box of a driver diagram goes, and drawing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tandem-diagram.h"

G_BEGIN_DECLS

/* One box on the canvas, in points, origin at the diagram's top left. */
typedef struct
{
  guint         node;        /* index into the diagram's nodes */
  double        x, y, width, height;
  PangoLayout  *text;        /* the title, wrapped to the box */
  PangoLayout  *marks;       /* status, tags, PDSA count (change ideas), or NULL */
  PangoLayout  *group;       /* the group's name (primary drivers), or NULL */
  guint         n_folded;    /* children hidden because the branch is folded */
  PangoLayout  *credit;      /* who added and last changed it, or NULL */
} TandemDiagramBox;

typedef struct
{
  guint from;                /* box indices */
  guint to;
} TandemDiagramEdge;

/* Where a dragged box would go, relative to the drop target. */
typedef enum
{
  TANDEM_DROP_ONTO,          /* under it, as its child */
  TANDEM_DROP_BEFORE,        /* just above it, under the same parent */
  TANDEM_DROP_AFTER,         /* just below it */
} TandemDropPlace;

typedef struct
{
  int              selected;        /* node index, or -1 */
  int              drop_target;     /* node index, or -1 */
  gboolean         legend;          /* draw the key at the top */
  TandemDropPlace  drop_place;
  GHashTable      *open_comments;   /* node id → GUINT_TO_POINTER (count), or NULL */
  gboolean         high_contrast;   /* black on white, strong outlines, groups by pattern */
} TandemDiagramDrawOptions;

#define TANDEM_TYPE_DIAGRAM_LAYOUT (tandem_diagram_layout_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramLayout, tandem_diagram_layout, TANDEM, DIAGRAM_LAYOUT, GObject)

TandemDiagramLayout    *tandem_diagram_layout_new          (TandemDiagram       *diagram,
                                                            const char          *focus_id);
TandemDiagramLayout    *tandem_diagram_layout_new_full     (TandemDiagram       *diagram,
                                                            const char          *focus_id,
                                                            GHashTable          *authorship);
TandemDiagram          *tandem_diagram_layout_get_diagram  (TandemDiagramLayout *self);
void                    tandem_diagram_layout_get_size     (TandemDiagramLayout *self,
                                                            double              *width,
                                                            double              *height);
guint                   tandem_diagram_layout_get_n_boxes  (TandemDiagramLayout *self);
const TandemDiagramBox *tandem_diagram_layout_get_box      (TandemDiagramLayout *self,
                                                            guint                index);
int                     tandem_diagram_layout_find_box     (TandemDiagramLayout *self,
                                                            int                  node);
int                     tandem_diagram_layout_box_at       (TandemDiagramLayout *self,
                                                            double               x,
                                                            double               y);
guint                   tandem_diagram_layout_get_n_edges  (TandemDiagramLayout *self);
const TandemDiagramEdge *tandem_diagram_layout_get_edge    (TandemDiagramLayout *self,
                                                            guint                index);
GArray                 *tandem_diagram_layout_get_column   (TandemDiagramLayout *self,
                                                            TandemNodeKind       kind);
guint                   tandem_diagram_layout_count_crossings (TandemDiagramLayout *self);
void                    tandem_diagram_layout_draw         (TandemDiagramLayout *self,
                                                            cairo_t             *cr,
                                                            const TandemDiagramDrawOptions *options);

/* Pages for printing and export: the whole diagram on one page, or a poster
 * tiled across columns × rows pages with overlap and alignment marks. */
typedef struct _TandemDiagramPages TandemDiagramPages;

TandemDiagramPages *tandem_diagram_pages_new        (TandemDiagramLayout *layout,
                                                     const char          *title,
                                                     const char          *subtitle,
                                                     guint                columns,
                                                     guint                rows);
void                tandem_diagram_pages_free       (TandemDiagramPages  *pages);
void                tandem_diagram_pages_set_high_contrast (TandemDiagramPages *pages,
                                                            gboolean            high_contrast);
gboolean            tandem_diagram_pages_prefer_landscape (TandemDiagramLayout *layout,
                                                           double               paper_width,
                                                           double               paper_height,
                                                           guint                columns,
                                                           guint                rows);
guint               tandem_diagram_pages_get_n_pages (TandemDiagramPages *pages);
void                tandem_diagram_draw_page        (cairo_t             *cr,
                                                     double               width,
                                                     double               height,
                                                     guint                page_nr,
                                                     gpointer             pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemDiagramPages, tandem_diagram_pages_free)

G_END_DECLS
