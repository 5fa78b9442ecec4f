/* tandem-measure.h — a measure, its data, phases and annotations, read for charting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-checked-edit.h"
#include "tandem-project.h"
#include "tandem-spc.h"

G_BEGIN_DECLS

/**
 * TandemDataPoint:
 * @id: the data point's id
 * @date: its date, yyyy-mm-dd
 * @value: the value (the numerator for a ratio), NAN if missing
 * @denominator: NAN if none
 * @note: (nullable): what happened
 * @excluded: left out of the calculations
 */
typedef struct
{
  char     *id;
  char     *date;
  double    value;
  double    denominator;
  char     *note;
  gboolean  excluded;
} TandemDataPoint;

/**
 * TandemPhase:
 * @id: the phase's id
 * @starts_on: the date of its first point
 * @label: (nullable): what changed ("after the new observation policy")
 */
typedef struct
{
  char *id;
  char *starts_on;
  char *label;
} TandemPhase;

/**
 * TandemAnnotation:
 * @id: the annotation's id
 * @date: the date it is drawn at
 * @text: (nullable): the note
 * @node_id: (nullable): the change idea it is about
 * @pdsa_id: (nullable): the PDSA cycle it is about
 * @linked_title: (nullable): the title of the PDSA cycle, else of the change idea
 * @from_link: %TRUE for a PDSA cycle of a change idea linked to the measure,
 *   drawn at the date it started; such a marker is not an annotation row
 *   (@id is %NULL) and goes when the link goes
 */
typedef struct
{
  char     *id;
  char     *date;
  char     *text;
  char     *node_id;
  char     *pdsa_id;
  char     *linked_title;
  gboolean  from_link;
} TandemAnnotation;

/**
 * TandemLinkTarget:
 * @node_id: a change idea of one of the team's driver diagrams
 * @pdsa_id: (nullable): one of its PDSA cycles, %NULL for the change idea itself
 * @title: the PDSA cycle's title, else the change idea's
 * @idea_title: the change idea's title
 * @diagram: the name of its driver diagram
 * @started_on: (nullable): when the PDSA cycle started
 *
 * Something a measure or a note can be linked to.
 */
typedef struct
{
  char *node_id;
  char *pdsa_id;
  char *title;
  char *idea_title;
  char *diagram;
  char *started_on;
} TandemLinkTarget;

/**
 * TandemMeasure:
 *
 * One measure as stored, with its data points (in date order), phases,
 * annotations (with the PDSA cycles of its linked change ideas) and the
 * change ideas linked to it (#TandemLinkTarget, @pdsa_id %NULL).
 * Reference-counted and read-only once loaded.
 */
typedef struct
{
  char               *id;
  char               *team_id;
  char               *name;
  char               *kind;
  char               *definition;
  char               *unit;
  TandemSpcDirection  direction;
  double              target;
  char               *frequency;
  TandemSpcChart      chart;
  TandemSpcRules      rules;
  guint               freeze;
  gboolean            screen_mr;
  double              multiply;
  GPtrArray          *points;
  GPtrArray          *phases;
  GPtrArray          *annotations;
  GPtrArray          *links;
} TandemMeasure;

TandemMeasure   *tandem_measure_new        (void);
TandemMeasure   *tandem_measure_ref        (TandemMeasure        *measure);
void             tandem_measure_unref      (TandemMeasure        *measure);

GPtrArray       *tandem_measure_list       (TandemProject        *project,
                                            const char           *team_id,
                                            GError              **error);
TandemMeasure   *tandem_measure_load       (TandemProject        *project,
                                            const char           *measure_id,
                                            GError              **error);
char            *tandem_measure_find       (TandemProject        *project,
                                            const char           *name,
                                            GError              **error);

TandemSpcRules   tandem_measure_get_rules  (const TandemMeasure  *measure);
TandemSpcData   *tandem_measure_to_data    (const TandemMeasure  *measure,
                                            GArray              **point_of_row);
TandemSpcResult *tandem_measure_analyse    (const TandemMeasure  *measure,
                                            GError              **error);
gssize           tandem_measure_point_at   (const TandemSpcResult *result,
                                            const char           *date);

GPtrArray       *tandem_measure_list_link_targets (TandemProject  *project,
                                                   const char     *team_id,
                                                   GError        **error);
void             tandem_link_target_free   (TandemLinkTarget     *target);

/* Editing: each call is one logged, undoable change */

gboolean         tandem_measure_check_date (const TandemMeasure  *measure,
                                            const char           *date,
                                            gboolean              phase,
                                            GError              **error);
char            *tandem_measure_save_phase (TandemProject        *project,
                                            const TandemMeasure  *measure,
                                            const char           *phase_id,
                                            const char           *starts_on,
                                            const char           *label,
                                            int                   freeze,
                                            GError              **error);
char            *tandem_measure_save_note  (TandemProject        *project,
                                            const TandemMeasure  *measure,
                                            const char           *note_id,
                                            const char           *date,
                                            const char           *text,
                                            const char           *node_id,
                                            const char           *pdsa_id,
                                            GError              **error);
gboolean         tandem_measure_set_linked (TandemProject        *project,
                                            const char           *measure_id,
                                            const char           *node_id,
                                            gboolean              linked,
                                            GError              **error);

char            *tandem_measure_add        (TandemProject        *project,
                                            const char           *team_id,
                                            const char           *name,
                                            GError              **error);
char            *tandem_measure_add_set_up (TandemProject        *project,
                                            const char           *team_id,
                                            const char           *name,
                                            TandemSpcDirection    direction,
                                            TandemSpcChart        chart,
                                            const char           *unit,
                                            double                multiply,
                                            GError              **error);
gboolean         tandem_measure_delete     (TandemProject        *project,
                                            const char           *measure_id,
                                            GError              **error);
gboolean         tandem_measure_set_field  (TandemProject        *project,
                                            const char           *measure_id,
                                            const char           *field,
                                            const char           *shown,
                                            TandemValue           value,
                                            GError              **error);
gboolean         tandem_measure_set_chart  (TandemProject        *project,
                                            const char           *measure_id,
                                            const char           *shown,
                                            TandemSpcChart        chart,
                                            GError              **error);
char            *tandem_measure_add_value  (TandemProject        *project,
                                            const char           *measure_id,
                                            const char           *date,
                                            double                value,
                                            double                denominator,
                                            const char           *note,
                                            gboolean              excluded,
                                            GError              **error);
gboolean         tandem_measure_change_value (TandemProject      *project,
                                              const char         *point_id,
                                              TandemFieldEdit    *edits,
                                              guint               n_edits,
                                              GError            **error);
gboolean         tandem_measure_delete_value (TandemProject      *project,
                                              const char         *point_id,
                                              GError            **error);
gboolean         tandem_measure_delete_phase (TandemProject      *project,
                                              const char         *phase_id,
                                              GError            **error);
gboolean         tandem_measure_delete_note  (TandemProject      *project,
                                              const char         *note_id,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemMeasure, tandem_measure_unref)

G_END_DECLS
