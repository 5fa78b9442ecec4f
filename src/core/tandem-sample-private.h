/* tandem-sample-private.h — what the ward sample and the national sample
 * share: the state of a sample being made, its random numbers and dates, and
 * the building blocks that add a team, a person, a measure or a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-defaults.h"
#include "tandem-project.h"
#include "tandem-sample.h"

G_BEGIN_DECLS

#define LAST_MONDAY  "2026-11-16"   /* the last week of data */
#define TODAY        "2026-11-21"   /* when the sample is set: actions due before it are overdue */
#define COACH        "Ruth Ellison"

#define BIT(n) (1u << (n))

#define TEXT(s) tandem_value_text (s)
#define INT(n)  tandem_value_int (n)
#define REAL(x) tandem_value_double (x)

/* INSERT (s, "entity", { "field", TEXT (…) }, …) returns the new id (or NULL
 * once anything has failed); ADD does the same and forgets the id. */
#define INSERT(s, entity, ...) \
  _tandem_sample_insert ((s), (entity), (const TandemField[]) { __VA_ARGS__ }, \
                         G_N_ELEMENTS (((const TandemField[]) { __VA_ARGS__ })))
#define ADD(s, entity, ...) g_free (INSERT (s, entity, __VA_ARGS__))

#define T(tag) BIT (TANDEM_EQUITY_TAG_ ## tag)

#define PICK(s, array) _tandem_sample_random_pick ((s), (array), G_N_ELEMENTS (array))

typedef struct
{
  TandemProject *project;
  GRand         *rand;
  GTimeZone     *london;
  GError        *error;                          /* the first failure: the rest is skipped */
  char          *tags[TANDEM_N_EQUITY_TAGS];     /* built-in tag ids, NULL if renamed */
  GPtrArray     *framework_items;                /* peer-support items, in order */
  gint64         shift;                          /* days every date moves: whole weeks */
  GStringChunk  *words;                          /* dates and texts written for the shift */
  TandemSampleTeamFunc  team_project;            /* split: a project of its own for each team */
  gpointer              team_project_data;
} Sample;

typedef struct
{
  const char *name;
  const char *role;
  const char *title;    /* job or part, as shown in attendance */
} PersonSpec;

typedef struct
{
  const char *title;
  guint       primaries;    /* BIT (index) of the primary drivers it serves */
} SecondarySpec;

typedef struct
{
  const char *title;
  const char *description;
  const char *status;
  int         proposed_by;
  guint       coproducers;  /* BIT (person index) */
  const char *level;
  guint       secondaries;  /* BIT (secondary index) */
  guint       tags;         /* BIT (TandemEquityTag) */
} IdeaSpec;

typedef struct
{
  int         idea;
  const char *title;
  const char *started_on;
  const char *ended_on;
  const char *objective;
  const char *questions;
  const char *predictions;
  const char *logistics;
  const char *do_notes;
  const char *study_notes;
  const char *act_decision;
  const char *act_notes;
} PdsaSpec;

/* A measure of a sample: weekly, on the usual rules of its chart. */
typedef struct
{
  const char *name;
  const char *kind;
  const char *definition;
  const char *unit;
  const char *direction;
  double      target;       /* NAN for none */
  const char *chart_type;
  double      multiply;
} MeasureSpec;

typedef struct
{
  int         item;           /* position in the peer-support framework */
  const char *status;
  const char *evidence;
  const char *owner;
  const char *target_date;
  const char *last_reviewed;
} FrameworkStatusSpec;

/* Tables of the ward sample that the national one draws on too. Keep each
 * size in step with its table in tandem-sample.c: a longer table does not
 * compile, but a shorter one would be padded with empty entries. */
extern const SecondarySpec _tandem_sample_delderfield_secondaries[8];
extern const char * const _tandem_sample_supervision_notes[8];
extern const char * const _tandem_sample_group_supervision_notes[4];

G_GNUC_INTERNAL char *_tandem_sample_insert (Sample            *s,
                                             const char        *entity,
                                             const TandemField *fields,
                                             guint              n_fields);
G_GNUC_INTERNAL const char *_tandem_sample_date (Sample     *s,
                                                 const char *iso);
G_GNUC_INTERNAL guint32 _tandem_sample_day (Sample     *s,
                                            const char *iso);
G_GNUC_INTERNAL void _tandem_sample_format_date (guint32  julian,
                                                 char     out[11]);
G_GNUC_INTERNAL void _tandem_sample_format_time (Sample   *s,
                                                 guint32   julian,
                                                 int       hour,
                                                 int       minute,
                                                 char      out[24]);
G_GNUC_INTERNAL int _tandem_sample_random_int (Sample *s,
                                               int     low,
                                               int     high);
G_GNUC_INTERNAL gboolean _tandem_sample_random_chance (Sample *s,
                                                       double  p);
G_GNUC_INTERNAL const char *_tandem_sample_random_pick (Sample             *s,
                                                        const char * const *strings,
                                                        guint               n);
G_GNUC_INTERNAL double _tandem_sample_random_normal (Sample *s,
                                                     double  mean,
                                                     double  sd);
G_GNUC_INTERNAL double _tandem_sample_random_poisson (Sample *s,
                                                      double  lambda);
G_GNUC_INTERNAL double _tandem_sample_random_binomial (Sample *s,
                                                       int     n,
                                                       double  p);
G_GNUC_INTERNAL double _tandem_sample_round_to (double value,
                                                double step);
G_GNUC_INTERNAL char *_tandem_sample_add_team (Sample     *s,
                                               const char *name,
                                               const char *organisation,
                                               const char *service_type,
                                               double      position);
G_GNUC_INTERNAL char *_tandem_sample_add_person (Sample     *s,
                                                 const char *team,
                                                 const char *name,
                                                 const char *role,
                                                 double      position);
G_GNUC_INTERNAL void _tandem_sample_add_link (Sample     *s,
                                              const char *diagram,
                                              const char *parent,
                                              const char *child,
                                              double      position);
G_GNUC_INTERNAL void _tandem_sample_add_tags (Sample     *s,
                                              const char *node,
                                              guint       tags);
G_GNUC_INTERNAL void _tandem_sample_add_coproducers (Sample     *s,
                                                     const char *node,
                                                     GPtrArray  *people,
                                                     guint       members);
G_GNUC_INTERNAL char *_tandem_sample_add_mha_diagram (Sample     *s,
                                                      const char *team,
                                                      const char *ward,
                                                      char       *primaries[4]);
G_GNUC_INTERNAL char *_tandem_sample_add_measure (Sample            *s,
                                                  const char        *team,
                                                  const MeasureSpec *spec,
                                                  double             position);
G_GNUC_INTERNAL void _tandem_sample_add_point (Sample     *s,
                                               const char *measure,
                                               guint32     julian,
                                               double      value,
                                               double      denominator);
G_GNUC_INTERNAL void _tandem_sample_add_measure_link (Sample     *s,
                                                      const char *measure,
                                                      const char *node);
G_GNUC_INTERNAL void _tandem_sample_add_annotation (Sample     *s,
                                                    const char *measure,
                                                    const char *date,
                                                    const char *text,
                                                    const char *node,
                                                    const char *pdsa);
G_GNUC_INTERNAL void _tandem_sample_add_attendance (Sample     *s,
                                                    const char *session,
                                                    const char *person,
                                                    const char *role,
                                                    gboolean    present);
G_GNUC_INTERNAL char *_tandem_sample_add_action (Sample     *s,
                                                 const char *team,
                                                 const char *session,
                                                 const char *what,
                                                 const char *owner,
                                                 const char *due_on,
                                                 const char *status,
                                                 const char *closed_on,
                                                 const char *reason,
                                                 const char *carried_from);
G_GNUC_INTERNAL void _tandem_sample_add_supervision (Sample     *s,
                                                     const char *role,
                                                     guint32     julian,
                                                     const char *kind,
                                                     const char *note);

G_GNUC_INTERNAL GPtrArray *_tandem_sample_add_secondaries (Sample              *s,
                                                           const char          *diagram,
                                                           char               **primaries,
                                                           guint                n_primaries,
                                                           const SecondarySpec *specs,
                                                           guint                n_specs,
                                                           guint               *children);
G_GNUC_INTERNAL GPtrArray *_tandem_sample_add_ideas (Sample         *s,
                                                     const char     *diagram,
                                                     GPtrArray      *secondaries,
                                                     GPtrArray      *people,
                                                     const IdeaSpec *specs,
                                                     guint           n_specs);
G_GNUC_INTERNAL GPtrArray *_tandem_sample_add_pdsas (Sample         *s,
                                                     GPtrArray      *ideas,
                                                     const PdsaSpec *specs,
                                                     guint           n_specs);
G_GNUC_INTERNAL void _tandem_sample_add_framework_status (Sample                    *s,
                                                          const char                *team,
                                                          const FrameworkStatusSpec *specs,
                                                          guint                      n_specs);

/* When the sample is split, puts the team about to be added (the
 * @index-th, called @name) in a project of its own, the one before it
 * finished; a no-op otherwise. */
G_GNUC_INTERNAL void _tandem_sample_start_team (Sample     *s,
                                                guint       index,
                                                const char *name);

/* In tandem-sample-ward.c and tandem-sample-national.c. */
G_GNUC_INTERNAL void _tandem_sample_populate_ward     (Sample *s);
G_GNUC_INTERNAL void _tandem_sample_populate_national (Sample *s);

G_END_DECLS
