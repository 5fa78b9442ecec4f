/* tandem-diagram.h — a driver diagram: a layered graph of aim, drivers and change ideas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checked-edit.h"
#include "tandem-project.h"

G_BEGIN_DECLS

/* The columns of a driver diagram, left to right. */
typedef enum
{
  TANDEM_NODE_AIM,
  TANDEM_NODE_PRIMARY,
  TANDEM_NODE_SECONDARY,
  TANDEM_NODE_CHANGE_IDEA, /*< nick=change_idea >*/
} TandemNodeKind;

#define TANDEM_N_NODE_KINDS (TANDEM_NODE_CHANGE_IDEA + 1)

typedef enum
{
  TANDEM_IDEA_STATUS_NONE,
  TANDEM_IDEA_STATUS_IDEA,
  TANDEM_IDEA_STATUS_TESTING,
  TANDEM_IDEA_STATUS_ADOPTED,
  TANDEM_IDEA_STATUS_ADAPTED,
  TANDEM_IDEA_STATUS_ABANDONED,
} TandemIdeaStatus;

#define TANDEM_N_IDEA_STATUSES (TANDEM_IDEA_STATUS_ABANDONED + 1)

/* The Ladder of Co-production, top ("doing with") to bottom ("doing to"). */
typedef enum
{
  TANDEM_COPRODUCTION_NONE,
  TANDEM_COPRODUCTION_COPRODUCTION,
  TANDEM_COPRODUCTION_CODESIGN,
  TANDEM_COPRODUCTION_ENGAGEMENT,
  TANDEM_COPRODUCTION_CONSULTATION,
  TANDEM_COPRODUCTION_INFORMING,
  TANDEM_COPRODUCTION_EDUCATING,
  TANDEM_COPRODUCTION_COERCION,
} TandemCoproductionLevel;

#define TANDEM_N_COPRODUCTION_LEVELS (TANDEM_COPRODUCTION_COERCION + 1)

typedef enum
{
  TANDEM_DIAGRAM_TEMPLATE_BLANK,
  TANDEM_DIAGRAM_TEMPLATE_MHA,
  TANDEM_DIAGRAM_TEMPLATE_CULTURE_OF_CARE,
} TandemDiagramTemplate;

#define TANDEM_N_DIAGRAM_TEMPLATES (TANDEM_DIAGRAM_TEMPLATE_CULTURE_OF_CARE + 1)

typedef struct
{
  char   *id;
  char   *name;
  char   *colour;     /* "#rrggbb" or NULL */
} TandemDiagramGroup;

typedef struct
{
  char   *id;
  char   *name;
  char   *code;       /* a short mark for the canvas ("RE" for "Race and ethnicity") */
} TandemDiagramTag;

/* One box of the diagram. parents and children hold indices into the
 * diagram's nodes, children in the order the person gave them. */
typedef struct
{
  char                    *id;
  TandemNodeKind           kind;
  char                    *title;
  char                    *description;
  int                      group;          /* index into the groups, or -1 */
  double                   position;
  gboolean                 collapsed;
  TandemIdeaStatus         status;
  TandemCoproductionLevel  level;
  char                    *proposed_by;    /* a person's id */
  char                    *aim_what;
  char                    *aim_who;
  char                    *aim_how_much;
  char                    *aim_by_when;
  GArray                  *tags;           /* guint indices into the tags */
  GArray                  *parents;        /* guint */
  GArray                  *children;       /* guint, in order */
  guint                    n_pdsa;
} TandemDiagramNode;

#define TANDEM_TYPE_DIAGRAM (tandem_diagram_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagram, tandem_diagram, TANDEM, DIAGRAM, GObject)

/* Reading */

TandemDiagram           *tandem_diagram_load               (TandemProject  *project,
                                                            const char     *diagram_id,
                                                            GError        **error);
const char              *tandem_diagram_get_id             (TandemDiagram  *self);
const char              *tandem_diagram_get_name           (TandemDiagram  *self);
const char              *tandem_diagram_get_team_id        (TandemDiagram  *self);
guint                    tandem_diagram_get_n_nodes        (TandemDiagram  *self);
const TandemDiagramNode *tandem_diagram_get_node           (TandemDiagram  *self,
                                                            guint           index);
int                      tandem_diagram_find_node          (TandemDiagram  *self,
                                                            const char     *id);
GArray                  *tandem_diagram_get_roots          (TandemDiagram  *self);
guint                    tandem_diagram_get_n_groups       (TandemDiagram  *self);
const TandemDiagramGroup *tandem_diagram_get_group         (TandemDiagram  *self,
                                                            guint           index);
guint                    tandem_diagram_get_n_tags         (TandemDiagram  *self);
const TandemDiagramTag  *tandem_diagram_get_tag            (TandemDiagram  *self,
                                                            guint           index);

GPtrArray               *tandem_diagram_list               (TandemProject  *project,
                                                            const char     *team_id,
                                                            GPtrArray     **names);

const char              *tandem_node_kind_to_string        (TandemNodeKind kind);
gboolean                 tandem_node_kind_from_string      (const char     *text,
                                                            TandemNodeKind *kind);
const char              *tandem_node_kind_label            (TandemNodeKind kind);
const char              *tandem_node_kind_column_label     (TandemNodeKind kind);
const char              *tandem_idea_status_to_string      (TandemIdeaStatus status);
TandemIdeaStatus         tandem_idea_status_from_string    (const char     *text);
const char              *tandem_idea_status_label          (TandemIdeaStatus status);
const char              *tandem_coproduction_to_string     (TandemCoproductionLevel level);
TandemCoproductionLevel  tandem_coproduction_from_string   (const char     *text);
const char              *tandem_coproduction_label         (TandemCoproductionLevel level);
char                    *tandem_equity_tag_code            (const char     *name);

/* Editing: each call is one logged, undoable change */

char     *tandem_diagram_create        (TandemProject          *project,
                                        const char             *team_id,
                                        const char             *name,
                                        TandemDiagramTemplate   template_,
                                        GError                **error);
char     *tandem_diagram_add_child     (TandemProject          *project,
                                        const char             *parent_id,
                                        const char             *title,
                                        GError                **error);
char     *tandem_diagram_add_sibling   (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *parent_id,
                                        const char             *title,
                                        GError                **error);
gboolean  tandem_diagram_set_title     (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *shown,
                                        const char             *title,
                                        GError                **error);
gboolean  tandem_diagram_set_field     (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *field,
                                        const char             *shown,
                                        const char             *value,
                                        GError                **error);
gboolean  tandem_diagram_delete_node   (TandemProject          *project,
                                        const char             *node_id,
                                        guint                  *n_deleted,
                                        GError                **error);
gboolean  tandem_diagram_move_node     (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *parent_id,
                                        int                     delta,
                                        GError                **error);
gboolean  tandem_diagram_reparent      (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *old_parent_id,
                                        const char             *new_parent_id,
                                        GError                **error);
gboolean  tandem_diagram_link          (TandemProject          *project,
                                        const char             *parent_id,
                                        const char             *child_id,
                                        GError                **error);
gboolean  tandem_diagram_unlink        (TandemProject          *project,
                                        const char             *parent_id,
                                        const char             *child_id,
                                        GError                **error);
gboolean  tandem_diagram_set_collapsed (TandemProject          *project,
                                        const char             *node_id,
                                        gboolean                collapsed,
                                        GError                **error);
gboolean  tandem_diagram_set_tag       (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *tag_id,
                                        gboolean                on,
                                        GError                **error);

/* Moving a node to an exact place, or a column left or right with what is
 * under it (Ctrl+Left/Right) */

gboolean  tandem_diagram_place_node    (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *old_parent_id,
                                        const char             *new_parent_id,
                                        guint                   index,
                                        GError                **error);
gboolean  tandem_diagram_shift_level   (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *parent_id,
                                        int                     direction,
                                        GError                **error);

/* A change idea's people, measures and PDSA cycles */

gboolean  tandem_diagram_set_coproducer (TandemProject         *project,
                                         const char            *node_id,
                                         const char            *person_id,
                                         gboolean               on,
                                         GError               **error);
gboolean  tandem_diagram_set_measure_link (TandemProject       *project,
                                           const char          *node_id,
                                           const char          *measure_id,
                                           gboolean             on,
                                           GError             **error);
char     *tandem_diagram_add_pdsa      (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *title,
                                        const char             *started_on,
                                        GError                **error);
gboolean  tandem_diagram_set_pdsa_field (TandemProject         *project,
                                         const char            *pdsa_id,
                                         const char            *field,
                                         const char            *shown,
                                         const char            *value,
                                         GError               **error);
gboolean  tandem_diagram_delete_pdsa   (TandemProject          *project,
                                        const char             *pdsa_id,
                                        GError                **error);
char     *tandem_diagram_plan_pdsa     (TandemProject          *project,
                                        const char             *node_id,
                                        const char             *title,
                                        const char             *started_on,
                                        const char             *objective,
                                        const char             *predictions,
                                        GError                **error);

/* Groups of primary drivers, and the project's equity tags */

char     *tandem_diagram_add_group     (TandemProject          *project,
                                        const char             *diagram_id,
                                        const char             *name,
                                        const char             *colour,
                                        GError                **error);
gboolean  tandem_diagram_set_group_field (TandemProject        *project,
                                          const char           *group_id,
                                          const char           *field,
                                          const char           *value,
                                          GError              **error);
gboolean  tandem_diagram_delete_group  (TandemProject          *project,
                                        const char             *group_id,
                                        GError                **error);
guint     tandem_diagram_count_group_uses (TandemProject       *project,
                                           const char          *group_id);
char     *tandem_equity_tag_add        (TandemProject          *project,
                                        const char             *name,
                                        GError                **error);
gboolean  tandem_equity_tag_rename     (TandemProject          *project,
                                        const char             *tag_id,
                                        const char             *name,
                                        GError                **error);
gboolean  tandem_equity_tag_delete     (TandemProject          *project,
                                        const char             *tag_id,
                                        GError                **error);
guint     tandem_equity_tag_count_uses (TandemProject          *project,
                                        const char             *tag_id);

/* Pasting an indented list typed up from a flip chart */

typedef struct
{
  guint  depth;     /* 0 for the least indented lines */
  char  *title;
} TandemOutlineLine;

GArray   *tandem_outline_parse         (const char             *text);
guint     tandem_diagram_paste_outline (TandemProject          *project,
                                        const char             *parent_id,
                                        const char             *text,
                                        GError                **error);

/* The equity summary */

typedef struct
{
  guint       n_ideas;
  guint       n_testing;
  guint       n_tagged;                                 /* with at least one tag */
  guint       statuses[TANDEM_N_IDEA_STATUSES];
  guint       levels[TANDEM_N_COPRODUCTION_LEVELS];
  GPtrArray  *tag_names;                                /* every project tag, in order */
  GArray     *tag_counts;                               /* guint, one per tag name */
} TandemEquitySummary;

TandemEquitySummary *tandem_equity_summary_new  (TandemProject        *project,
                                                 const char           *team_id,
                                                 const char           *diagram_id,
                                                 GError              **error);
void                 tandem_equity_summary_free (TandemEquitySummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemEquitySummary, tandem_equity_summary_free)

/* The details of one node */

typedef struct
{
  char *id;
  char *name;
} TandemNamedItem;

typedef struct
{
  char *id;
  char *title;
  char *started_on;
  char *ended_on;
  char *act_decision;
} TandemPdsaSummary;

typedef struct
{
  char *at;
  char *author;
  char *label;
} TandemHistoryEntry;

GPtrArray *tandem_diagram_list_people      (TandemProject *project,
                                            const char    *team_id);
GPtrArray *tandem_diagram_list_coproducers (TandemProject *project,
                                            const char    *node_id);
GPtrArray *tandem_diagram_list_pdsa        (TandemProject *project,
                                            const char    *node_id);
GPtrArray *tandem_diagram_list_measures    (TandemProject *project,
                                            const char    *node_id);
GPtrArray *tandem_diagram_node_history     (TandemProject *project,
                                            const char    *node_id);

/* Who added each node and who last changed it */
typedef struct
{
  char *added_by;
  char *added_at;     /* ISO 8601, or NULL when it came with the project */
  char *changed_by;   /* NULL if never changed since */
  char *changed_at;
} TandemAuthorship;

void        tandem_authorship_free          (TandemAuthorship *authorship);
GHashTable *tandem_diagram_authorship       (TandemProject *project,
                                             const char    *diagram_id);

G_END_DECLS
