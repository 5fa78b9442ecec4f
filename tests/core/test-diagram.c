/* test-diagram.c — driver diagrams: the layered graph, its edits, pasting, templates, equity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-defaults.h"
#include "tandem-diagram.h"
#include "tandem-measure.h"
#include "tandem-merge.h"
#include "tandem-project-private.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *team;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemField fields[] = {
    { "name", tandem_value_text ("Osprey Ward") },
    { "position", tandem_value_double (99) },   /* after the sample's teams */
  };

  f->project = create_project_in_tmp ("tandem-diagram-XXXXXX", "Test.tandem", &f->dir, NULL);
  tandem_project_set_author (f->project, "Ada Obi");
  if (data != NULL)
    {
      g_assert_true (tandem_sample_populate (f->project, TANDEM_SAMPLE_WARD, &error));
      g_assert_no_error (error);
    }
  f->team = tandem_project_insert (f->project, "team", fields, G_N_ELEMENTS (fields), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  free_tmp (&f->dir, NULL);
  g_free (f->team);
}

static TandemDiagram *
load (Fixture    *f,
      const char *diagram)
{
  g_autoptr(GError) error = NULL;
  TandemDiagram *d = tandem_diagram_load (f->project, diagram, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static const TandemDiagramNode *
node_by_id (TandemDiagram *d,
            const char    *id)
{
  int i = tandem_diagram_find_node (d, id);

  g_assert_cmpint (i, >=, 0);
  return tandem_diagram_get_node (d, i);
}

static guint
count_kind (TandemDiagram  *d,
            TandemNodeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    n += tandem_diagram_get_node (d, i)->kind == kind;
  return n;
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_undo (f->project, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_redo (f->project, &error));
  g_assert_no_error (error);
}

/* The sample's Delderfield diagram: 20 change ideas, some serving several
 * secondary drivers, primaries in two lenses. */
static void
test_load_sample (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], &names);
  g_autoptr(TandemDiagram) d = NULL;
  GArray *roots;
  const TandemDiagramNode *aim;
  guint shared = 0;

  g_assert_cmpuint (diagrams->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "Equity of experience under the Mental Health Act");
  d = load (f, diagrams->pdata[0]);
  g_assert_cmpstr (tandem_diagram_get_team_id (d), ==, teams->pdata[0]);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_AIM), ==, 1);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_PRIMARY), ==, 4);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_SECONDARY), ==, 8);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_CHANGE_IDEA), ==, 20);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 2);
  g_assert_cmpstr (tandem_diagram_get_group (d, 0)->name, ==, "Individual patient and carer lens");
  g_assert_cmpuint (tandem_diagram_get_n_tags (d), ==, TANDEM_N_EQUITY_TAGS);
  g_assert_cmpstr (tandem_diagram_get_tag (d, 0)->code, ==, "RE");

  roots = tandem_diagram_get_roots (d);
  g_assert_cmpuint (roots->len, ==, 1);
  aim = tandem_diagram_get_node (d, g_array_index (roots, guint, 0));
  g_assert_cmpint (aim->kind, ==, TANDEM_NODE_AIM);
  g_assert_cmpuint (aim->children->len, ==, 4);
  g_assert_nonnull (aim->aim_by_when);

  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);

      if (node->kind == TANDEM_NODE_CHANGE_IDEA)
        {
          g_assert_cmpuint (node->parents->len, >=, 1);
          g_assert_cmpint (node->status, !=, TANDEM_IDEA_STATUS_NONE);
          shared += node->parents->len > 1;
        }
      if (node->kind == TANDEM_NODE_PRIMARY)
        g_assert_cmpint (node->group, >=, 0);
      /* Links go between adjacent columns, both ways round. */
      for (guint c = 0; c < node->children->len; c++)
        {
          const TandemDiagramNode *child =
            tandem_diagram_get_node (d, g_array_index (node->children, guint, c));
          gboolean back = FALSE;

          g_assert_cmpint (child->kind, ==, node->kind + 1);
          for (guint p = 0; p < child->parents->len; p++)
            back |= g_array_index (child->parents, guint, p) == i;
          g_assert_true (back);
        }
    }
  g_assert_cmpuint (shared, >, 0);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *mha = NULL;
  g_autofree char *culture = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  blank = tandem_diagram_create (f->project, f->team, "  Our diagram ", TANDEM_DIAGRAM_TEMPLATE_BLANK, &error);
  g_assert_no_error (error);
  mha = tandem_diagram_create (f->project, f->team, "MHA", TANDEM_DIAGRAM_TEMPLATE_MHA, &error);
  g_assert_no_error (error);
  culture = tandem_diagram_create (f->project, f->team, "Culture of Care",
                                   TANDEM_DIAGRAM_TEMPLATE_CULTURE_OF_CARE, &error);
  g_assert_no_error (error);
  g_assert_null (tandem_diagram_create (f->project, f->team, "   ", TANDEM_DIAGRAM_TEMPLATE_BLANK, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);

  ids = tandem_diagram_list (f->project, f->team, &names);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpstr (names->pdata[0], ==, "Our diagram");
  g_assert_cmpstr (ids->pdata[2], ==, culture);

  d = load (f, blank);
  g_assert_cmpuint (tandem_diagram_get_n_nodes (d), ==, 1);
  g_assert_cmpint (tandem_diagram_get_node (d, 0)->kind, ==, TANDEM_NODE_AIM);
  g_clear_object (&d);

  d = load (f, mha);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_PRIMARY), ==, 4);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 2);
  g_assert_cmpstr (tandem_diagram_get_group (d, 1)->name, ==, "Systemic lens");
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);
      if (node->kind == TANDEM_NODE_AIM)
        {
          g_assert_true (g_str_has_prefix (node->title, "Improve the equity of experience"));
          /* Two primaries in each lens, the individual lens first. */
          for (guint c = 0; c < 4; c++)
            g_assert_cmpint (tandem_diagram_get_node (d, g_array_index (node->children, guint, c))->group,
                             ==, c < 2 ? 0 : 1);
        }
      else
        g_assert_cmpuint (node->parents->len, ==, 1);
    }
  g_clear_object (&d);

  d = load (f, culture);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_PRIMARY), ==, 12);
  g_clear_object (&d);

  /* One change each: undo takes the Culture of Care diagram away whole. */
  undo (f);
  g_assert_false (tandem_project_exists (f->project, "diagram", culture));
  g_assert_cmpint (tandem_project_count (f->project, "node", "diagram_id", culture), ==, 0);
}

/* A detail of a node or part of a PDSA cycle the setters do not change is
 * refused by name, and nothing is saved. */
static void
test_unknown_detail (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_BLANK, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  const char *aim = tandem_diagram_get_node (d, 0)->id;
  g_autofree char *idea = tandem_diagram_add_child (f->project, aim, "Huddles", &error);
  g_autofree char *pdsa = NULL;

  g_assert_no_error (error);
  pdsa = tandem_diagram_plan_pdsa (f->project, idea, "Huddle on one shift", "2026-11-02", NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_false (tandem_diagram_set_field (f->project, aim, "colour", TANDEM_UNCHECKED, "red", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "a driver diagram item has no detail called “colour”");
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "colour", TANDEM_UNCHECKED, "red",
                                                 &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "a PDSA cycle has no part called “colour”");
  g_clear_error (&error);
  g_assert_true (tandem_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (f->project, "pdsa_cycle", pdsa));
}

static void
test_add_edit_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_BLANK, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  const char *aim = tandem_diagram_get_node (d, 0)->id;
  g_autofree char *p1 = NULL, *p2 = NULL, *s1 = NULL, *s2 = NULL, *c1 = NULL, *c2 = NULL, *c3 = NULL;
  g_autofree char *label = NULL;
  guint n_deleted = 0;

  p1 = tandem_diagram_add_child (f->project, aim, "Staff feel safe", &error);
  g_assert_no_error (error);
  label = tandem_project_dup_undo_label (f->project);
  g_assert_cmpstr (label, ==, "Add primary driver");
  /* Enter on the aim adds a primary driver; Enter on a driver adds its sibling after it. */
  p2 = tandem_diagram_add_sibling (f->project, aim, NULL, "Patients are heard", &error);
  g_assert_no_error (error);
  s1 = tandem_diagram_add_child (f->project, p1, "Debriefs", &error);
  s2 = tandem_diagram_add_child (f->project, p1, "Supervision", &error);
  c1 = tandem_diagram_add_child (f->project, s1, "Peer debrief after restraint", &error);
  c3 = tandem_diagram_add_child (f->project, s1, "Daily huddle", &error);
  c2 = tandem_diagram_add_sibling (f->project, c1, NULL, "  Reflective practice  ", &error);
  g_assert_no_error (error);

  g_assert_null (tandem_diagram_add_child (f->project, c1, "Too deep", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_diagram_add_child (f->project, s1, "   ", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&d);
  d = load (f, diagram);
  {
    const TandemDiagramNode *n = node_by_id (d, s1);
    g_assert_cmpuint (n->children->len, ==, 3);
    /* The sibling went straight after c1, before c3. */
    g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (n->children, guint, 0))->id, ==, c1);
    g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (n->children, guint, 1))->id, ==, c2);
    g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (n->children, guint, 2))->id, ==, c3);
    g_assert_cmpstr (node_by_id (d, c2)->title, ==, "Reflective practice");
    g_assert_cmpint (node_by_id (d, c2)->status, ==, TANDEM_IDEA_STATUS_IDEA);
    g_assert_cmpint (node_by_id (d, p2)->kind, ==, TANDEM_NODE_PRIMARY);
  }

  g_assert_true (tandem_diagram_set_title (f->project, c1, TANDEM_UNCHECKED, "Peer-led debrief", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_diagram_set_field (f->project, c1, "status", TANDEM_UNCHECKED, "testing", &error));
  g_assert_true (tandem_diagram_set_field (f->project, c1, "coproduction_level", TANDEM_UNCHECKED, "codesign", &error));
  g_assert_false (tandem_diagram_set_field (f->project, c1, "status", TANDEM_UNCHECKED, "finished", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_field (f->project, c1, "kind", TANDEM_UNCHECKED, "aim", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* c1 also serves s2: deleting s1 keeps c1 (linked to s2), deletes c2 and c3. */
  g_assert_true (tandem_diagram_link (f->project, s2, c1, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_diagram_link (f->project, s2, c1, &error));
  g_clear_error (&error);
  g_assert_false (tandem_diagram_link (f->project, p2, c1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tandem_diagram_delete_node (f->project, s1, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 3);
  g_clear_pointer (&label, g_free);
  label = tandem_project_dup_undo_label (f->project);
  g_assert_cmpstr (label, ==, "Delete secondary driver and 2 items under it");
  g_assert_true (tandem_project_exists (f->project, "node", c1));
  g_assert_false (tandem_project_exists (f->project, "node", c2));
  g_assert_false (tandem_project_exists (f->project, "node", c3));
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (node_by_id (d, c1)->parents->len, ==, 1);

  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (node_by_id (d, s1)->children->len, ==, 3);
  g_assert_cmpuint (node_by_id (d, c1)->parents->len, ==, 2);
  g_assert_cmpstr (node_by_id (d, c1)->title, ==, "Peer-led debrief");
  g_assert_cmpint (node_by_id (d, c1)->status, ==, TANDEM_IDEA_STATUS_TESTING);
  g_assert_cmpint (node_by_id (d, c1)->level, ==, TANDEM_COPRODUCTION_CODESIGN);
  redo (f);
  g_assert_false (tandem_project_exists (f->project, "node", c3));
  undo (f);

  /* Unlink keeps the last link. */
  g_assert_true (tandem_diagram_unlink (f->project, s2, c1, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_diagram_unlink (f->project, s1, c1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_move_reparent_collapse (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_MHA, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
  g_autofree char *aim_id = g_strdup (aim->id);
  g_autofree char *p0 = g_strdup (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 0))->id);
  g_autofree char *p1 = g_strdup (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 1))->id);
  g_autofree char *s = NULL;

  /* Ctrl+Down on the first primary: it becomes the second. */
  g_assert_true (tandem_diagram_move_node (f->project, p0, aim_id, +1, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  aim = node_by_id (d, aim_id);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 0))->id, ==, p1);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 1))->id, ==, p0);
  /* Already at the top: nothing to do, and nothing on the undo stack. */
  g_assert_true (tandem_diagram_move_node (f->project, p1, aim_id, -1, &error));
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  aim = node_by_id (d, aim_id);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 0))->id, ==, p0);

  s = tandem_diagram_add_child (f->project, p0, "Interpreters as standard", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_diagram_reparent (f->project, s, p0, p1, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (node_by_id (d, s)->parents->len, ==, 1);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (node_by_id (d, s)->parents, guint, 0))->id, ==, p1);
  g_assert_false (tandem_diagram_reparent (f->project, s, p1, aim_id, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (node_by_id (d, s)->parents, guint, 0))->id, ==, p0);

  g_assert_true (tandem_diagram_set_collapsed (f->project, p0, TRUE, &error));
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_true (node_by_id (d, p0)->collapsed);
  /* Adding under a folded branch unfolds it. */
  g_free (tandem_diagram_add_child (f->project, p0, "Another", &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_false (node_by_id (d, p0)->collapsed);
}

static void
test_outline_parse (void)
{
  g_autoptr(GArray) lines = tandem_outline_parse (
    "Staff feel safe\n"
    "  - Debriefs\n"
    "      * Peer debrief after restraint\n"
    "      * 2. Daily huddle\n"
    "\n"
    "  - Supervision\n"
    "\t\t1. Monthly reflective practice\n"
    "Patients are heard\n"
    "   -5 degrees outside\n"
    "  • Bullet\n");
  static const struct { guint depth; const char *title; } expected[] = {
    { 0, "Staff feel safe" }, { 1, "Debriefs" }, { 2, "Peer debrief after restraint" },
    { 2, "2. Daily huddle" }, { 1, "Supervision" }, { 2, "Monthly reflective practice" },
    { 0, "Patients are heard" }, { 1, "-5 degrees outside" }, { 1, "Bullet" },
  };

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    {
      TandemOutlineLine *line = &g_array_index (lines, TandemOutlineLine, i);
      g_assert_cmpstr (line->title, ==, expected[i].title);
      g_assert_cmpuint (line->depth, ==, expected[i].depth);
    }
  g_clear_pointer (&lines, g_array_unref);
  lines = tandem_outline_parse ("   \n\n");
  g_assert_cmpuint (lines->len, ==, 0);
}

static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_BLANK, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  g_autofree char *aim = g_strdup (tandem_diagram_get_node (d, 0)->id);
  g_autofree char *label = NULL;
  guint n;

  n = tandem_diagram_paste_outline (f->project, aim,
                                    "Staff feel safe\n"
                                    "  Debriefs\n"
                                    "    Peer debrief\n"
                                    "      Too deep: becomes a change idea\n"
                                    "  Supervision\n"
                                    "Patients are heard\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  label = tandem_project_dup_undo_label (f->project);
  g_assert_cmpstr (label, ==, "Paste 6 items");
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_PRIMARY), ==, 2);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_SECONDARY), ==, 2);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_CHANGE_IDEA), ==, 2);
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);
      if (node->kind == TANDEM_NODE_CHANGE_IDEA)
        {
          const TandemDiagramNode *parent =
            tandem_diagram_get_node (d, g_array_index (node->parents, guint, 0));
          g_assert_cmpstr (parent->title, ==, "Debriefs");
        }
    }
  undo (f);
  g_assert_cmpint (tandem_project_count (f->project, "node", "diagram_id", diagram), ==, 1);

  g_assert_cmpuint (tandem_diagram_paste_outline (f->project, aim, "\n  \n", &error), ==, 0);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_equity_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(TandemEquitySummary) s = NULL;
  g_autoptr(TandemEquitySummary) all = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  g_autofree char *tag = NULL;
  guint race = 0, testing = 0;
  const char *idea = NULL;

  s = tandem_equity_summary_new (f->project, teams->pdata[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_ideas, ==, 20);
  g_assert_cmpuint (s->tag_names->len, ==, TANDEM_N_EQUITY_TAGS);
  g_assert_cmpstr (s->tag_names->pdata[0], ==, "Race and ethnicity");

  /* The same figures, counted by hand from the loaded diagram. */
  diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  d = load (f, diagrams->pdata[0]);
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);
      if (node->kind != TANDEM_NODE_CHANGE_IDEA)
        continue;
      testing += node->status == TANDEM_IDEA_STATUS_TESTING;
      for (guint t = 0; t < node->tags->len; t++)
        race += g_array_index (node->tags, guint, t) == 0;
      if (node->tags->len == 0)
        idea = node->id;
    }
  g_assert_cmpuint (g_array_index (s->tag_counts, guint, 0), ==, race);
  g_assert_cmpuint (s->n_testing, ==, testing);
  g_assert_cmpuint (s->statuses[TANDEM_IDEA_STATUS_TESTING], ==, testing);
  {
    guint levels = 0;
    for (guint l = 0; l < TANDEM_N_COPRODUCTION_LEVELS; l++)
      levels += s->levels[l];
    g_assert_cmpuint (levels, ==, 20);
  }

  all = tandem_equity_summary_new (f->project, NULL, NULL, &error);
  g_assert_cmpuint (all->n_ideas, >, s->n_ideas);

  /* Tagging an untagged idea moves the count by one; undo moves it back. */
  g_assert_nonnull (idea);
  tag = tandem_defaults_find_equity_tag (f->project, TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY);
  g_assert_true (tandem_diagram_set_tag (f->project, idea, tag, TRUE, &error));
  g_assert_true (tandem_diagram_set_tag (f->project, idea, tag, TRUE, &error));
  g_clear_pointer (&s, tandem_equity_summary_free);
  s = tandem_equity_summary_new (f->project, teams->pdata[0], NULL, &error);
  g_assert_cmpuint (g_array_index (s->tag_counts, guint, 0), ==, race + 1);
  undo (f);
  g_clear_pointer (&s, tandem_equity_summary_free);
  s = tandem_equity_summary_new (f->project, NULL, diagrams->pdata[0], &error);
  g_assert_cmpuint (g_array_index (s->tag_counts, guint, 0), ==, race);
}

static void
test_details_and_history (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  g_autoptr(TandemDiagram) d = load (f, diagrams->pdata[0]);
  g_autoptr(GPtrArray) people = tandem_diagram_list_people (f->project, teams->pdata[0]);
  g_autoptr(GPtrArray) history = NULL;
  guint with_pdsa = 0, with_measures = 0;

  g_assert_cmpuint (people->len, ==, 8);
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);
      g_autoptr(GPtrArray) pdsa = tandem_diagram_list_pdsa (f->project, node->id);
      g_autoptr(GPtrArray) measures = tandem_diagram_list_measures (f->project, node->id);
      g_autoptr(GPtrArray) coproducers = tandem_diagram_list_coproducers (f->project, node->id);

      g_assert_cmpuint (pdsa->len, ==, node->n_pdsa);
      with_pdsa += pdsa->len > 0;
      with_measures += measures->len > 0;
      if (node->kind != TANDEM_NODE_CHANGE_IDEA)
        g_assert_cmpuint (coproducers->len, ==, 0);
    }
  g_assert_cmpuint (with_pdsa, >, 0);

  /* The sample came with the project; an edit is credited to its author. */
  {
    const char *id = tandem_diagram_get_node (d, 0)->id;
    history = tandem_diagram_node_history (f->project, id);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_true (tandem_diagram_set_title (f->project, id, TANDEM_UNCHECKED, "A clearer aim", &error));
    g_assert_no_error (error);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = tandem_diagram_node_history (f->project, id);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (((TandemHistoryEntry *) history->pdata[0])->author, ==, "Ada Obi");
    g_assert_cmpstr (((TandemHistoryEntry *) history->pdata[0])->label, ==, "Edit aim");
  }
}

static const char *
child_id (TandemDiagram           *d,
          const TandemDiagramNode *node,
          guint                    i)
{
  g_assert_cmpuint (i, <, node->children->len);
  return tandem_diagram_get_node (d, g_array_index (node->children, guint, i))->id;
}

static void
test_place_and_shift (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_MHA, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
  g_autofree char *aim_id = g_strdup (aim->id);
  g_autofree char *p0 = g_strdup (child_id (d, aim, 0));
  g_autofree char *p1 = g_strdup (child_id (d, aim, 1));
  g_autofree char *p3 = g_strdup (child_id (d, aim, 3));
  g_autofree char *s0 = tandem_diagram_add_child (f->project, p0, "S0", NULL);
  g_autofree char *s1 = tandem_diagram_add_child (f->project, p0, "S1", NULL);
  g_autofree char *s2 = tandem_diagram_add_child (f->project, p0, "S2", NULL);
  g_autofree char *t0 = tandem_diagram_add_child (f->project, p1, "T0", NULL);
  g_autofree char *idea = tandem_diagram_add_child (f->project, s1, "An idea", NULL);
  const TandemDiagramNode *n;

  /* Dropped between two siblings: exactly there. */
  g_assert_true (tandem_diagram_place_node (f->project, s2, p0, p0, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  n = node_by_id (d, p0);
  g_assert_cmpstr (child_id (d, n, 0), ==, s2);
  g_assert_cmpstr (child_id (d, n, 1), ==, s0);
  g_assert_cmpstr (child_id (d, n, 2), ==, s1);

  /* Dropped under another parent, before its first child: reparented there, in one undo. */
  g_assert_true (tandem_diagram_place_node (f->project, s1, p0, p1, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  n = node_by_id (d, p1);
  g_assert_cmpuint (n->children->len, ==, 2);
  g_assert_cmpstr (child_id (d, n, 0), ==, s1);
  g_assert_cmpstr (child_id (d, n, 1), ==, t0);
  g_assert_cmpuint (node_by_id (d, p0)->children->len, ==, 2);
  /* The wrong column is refused. */
  g_assert_false (tandem_diagram_place_node (f->project, s1, p1, aim_id, 0, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (node_by_id (d, p1)->children->len, ==, 1);
  g_assert_cmpstr (child_id (d, node_by_id (d, p0), 2), ==, s1);

  /* Ctrl+Left on S1: a primary driver just below P0, with its idea now a secondary driver. */
  g_assert_true (tandem_diagram_shift_level (f->project, s1, p0, -1, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  aim = node_by_id (d, aim_id);
  g_assert_cmpuint (aim->children->len, ==, 5);
  g_assert_cmpstr (child_id (d, aim, 1), ==, s1);
  g_assert_cmpint (node_by_id (d, s1)->kind, ==, TANDEM_NODE_PRIMARY);
  g_assert_cmpint (node_by_id (d, s1)->group, ==, node_by_id (d, p0)->group);
  g_assert_cmpint (node_by_id (d, idea)->kind, ==, TANDEM_NODE_SECONDARY);
  g_assert_cmpuint (node_by_id (d, p0)->children->len, ==, 2);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_CHANGE_IDEA), ==, 0);
  /* A primary driver cannot go left of the aim. */
  g_assert_false (tandem_diagram_shift_level (f->project, s1, aim_id, -1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* One undo puts the whole branch back. */
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpint (node_by_id (d, s1)->kind, ==, TANDEM_NODE_SECONDARY);
  g_assert_cmpint (node_by_id (d, s1)->group, ==, -1);
  g_assert_cmpint (node_by_id (d, idea)->kind, ==, TANDEM_NODE_CHANGE_IDEA);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (node_by_id (d, s1)->parents, guint, 0))->id, ==, p0);

  /* Ctrl+Right on S0 (below S2): a change idea under S2. */
  g_assert_true (tandem_diagram_shift_level (f->project, s0, p0, +1, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  n = node_by_id (d, s0);
  g_assert_cmpint (n->kind, ==, TANDEM_NODE_CHANGE_IDEA);
  g_assert_cmpint (n->status, ==, TANDEM_IDEA_STATUS_IDEA);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (n->parents, guint, 0))->id, ==, s2);
  /* The first child has nothing above it to go under. */
  g_assert_false (tandem_diagram_shift_level (f->project, s2, p0, +1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* S1 has a change idea under it: no column for it to the right. */
  g_assert_true (tandem_diagram_place_node (f->project, s1, p0, p0, 1, &error));
  g_assert_false (tandem_diagram_shift_level (f->project, s1, p0, +1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A branch with something shared with another branch stays put. */
  g_assert_true (tandem_diagram_link (f->project, t0, idea, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_diagram_shift_level (f->project, s1, p0, -1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A primary driver goes under the one above it. */
  g_assert_true (tandem_diagram_shift_level (f->project, p3, aim_id, +1, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpint (node_by_id (d, p3)->kind, ==, TANDEM_NODE_SECONDARY);
  g_assert_cmpint (node_by_id (d, p3)->group, ==, -1);
}

static void
test_people_measures_pdsa (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  g_autoptr(TandemDiagram) d = load (f, diagrams->pdata[0]);
  g_autoptr(GPtrArray) people = tandem_diagram_list_people (f->project, teams->pdata[0]);
  g_autoptr(GPtrArray) measures = tandem_project_list_ids (f->project, "measure", "team_id", teams->pdata[0], "position");
  g_autoptr(GPtrArray) list = NULL;
  const char *idea = NULL;
  const char *person = ((TandemNamedItem *) people->pdata[people->len - 1])->id;
  g_autofree char *pdsa = NULL;
  g_autofree char *text = NULL;
  guint before;

  for (guint i = 0; i < tandem_diagram_get_n_nodes (d) && idea == NULL; i++)
    if (tandem_diagram_get_node (d, i)->kind == TANDEM_NODE_CHANGE_IDEA)
      idea = tandem_diagram_get_node (d, i)->id;
  g_assert_nonnull (idea);

  /* Co-producers: on, on again (nothing to do), off; each undoable. */
  list = tandem_diagram_list_coproducers (f->project, idea);
  before = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (tandem_diagram_set_coproducer (f->project, idea, person, TRUE, &error));
  g_assert_true (tandem_diagram_set_coproducer (f->project, idea, person, TRUE, &error));
  g_assert_no_error (error);
  list = tandem_diagram_list_coproducers (f->project, idea);
  g_assert_cmpuint (list->len, ==, before + 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  text = tandem_project_dup_undo_label (f->project);
  g_assert_cmpstr (text, ==, "Add co-producer");
  g_clear_pointer (&text, g_free);
  undo (f);
  list = tandem_diagram_list_coproducers (f->project, idea);
  g_assert_cmpuint (list->len, ==, before);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Linked measures. */
  g_assert_cmpuint (measures->len, >, 0);
  list = tandem_diagram_list_measures (f->project, idea);
  before = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);
  for (guint m = 0; m < measures->len; m++)
    g_assert_true (tandem_diagram_set_measure_link (f->project, idea, measures->pdata[m], TRUE, &error));
  list = tandem_diagram_list_measures (f->project, idea);
  g_assert_cmpuint (list->len, ==, measures->len);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (tandem_diagram_set_measure_link (f->project, idea, measures->pdata[0], FALSE, &error));
  list = tandem_diagram_list_measures (f->project, idea);
  g_assert_cmpuint (list->len, ==, measures->len - 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_no_error (error);

  /* A PDSA cycle: plan, do, study, act; a bad date or decision is refused. */
  pdsa = tandem_diagram_add_pdsa (f->project, idea, "  Try it on Tuesdays ", "2025-02-03", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdsa);
  g_assert_true (tandem_diagram_set_pdsa_field (f->project, pdsa, "do_notes", TANDEM_UNCHECKED, "Ran it twice", &error));
  g_assert_true (tandem_diagram_set_pdsa_field (f->project, pdsa, "study_notes", TANDEM_UNCHECKED, "Fewer incidents than predicted", &error));
  g_assert_true (tandem_diagram_set_pdsa_field (f->project, pdsa, "act_decision", TANDEM_UNCHECKED, "adapt", &error));
  g_assert_true (tandem_diagram_set_pdsa_field (f->project, pdsa, "ended_on", TANDEM_UNCHECKED, "2025-02-17", &error));
  g_assert_no_error (error);
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "title");
  g_assert_cmpstr (text, ==, "Try it on Tuesdays");
  g_clear_pointer (&text, g_free);
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "study_notes");
  g_assert_cmpstr (text, ==, "Fewer incidents than predicted");
  g_clear_pointer (&text, g_free);
  /* Day first is taken as in every date field, but only a day that exists. */
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "ended_on", TANDEM_UNCHECKED, "31/02/2025", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* Ten characters are not enough: a sign or a space is not a digit. */
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "ended_on", TANDEM_UNCHECKED, "2025-+2-17", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "ended_on", TANDEM_UNCHECKED, "2025-02-1 ", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "act_decision", TANDEM_UNCHECKED, "shrug", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_pdsa_field (f->project, pdsa, "id", TANDEM_UNCHECKED, "x", &error));
  g_clear_error (&error);
  undo (f);   /* the end date */
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "ended_on");
  g_assert_null (text);
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "act_decision");
  g_assert_cmpstr (text, ==, "adapt");
  g_clear_pointer (&text, g_free);
  g_assert_true (tandem_diagram_delete_pdsa (f->project, pdsa, &error));
  g_assert_false (tandem_project_exists (f->project, "pdsa_cycle", pdsa));
  undo (f);
  g_assert_true (tandem_project_exists (f->project, "pdsa_cycle", pdsa));

  /* Typed day first, kept year-month-day. */
  g_assert_true (tandem_diagram_set_pdsa_field (f->project, pdsa, "ended_on", TANDEM_UNCHECKED, "17/02/2025", &error));
  g_assert_no_error (error);
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "ended_on");
  g_assert_cmpstr (text, ==, "2025-02-17");
  g_clear_pointer (&text, g_free);
}

static void
test_groups_and_tags (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = tandem_diagram_create (f->project, f->team, "D", TANDEM_DIAGRAM_TEMPLATE_MHA, NULL);
  g_autoptr(TandemDiagram) d = load (f, diagram);
  const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
  g_autofree char *p0 = g_strdup (child_id (d, aim, 0));
  g_autofree char *group = NULL;
  g_autofree char *old_group = g_strdup (tandem_diagram_get_group (d, 0)->id);
  g_autofree char *tag = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *s = NULL;
  guint n_tags = tandem_diagram_get_n_tags (d);

  /* Groups: add, rename, recolour, assign, delete (its drivers stay, ungrouped). */
  group = tandem_diagram_add_group (f->project, diagram, " Staff lens ", "#c64600", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_diagram_set_group_field (f->project, group, "name", "Workforce lens", &error));
  g_assert_true (tandem_diagram_set_group_field (f->project, group, "colour", "#613583", &error));
  g_assert_false (tandem_diagram_set_group_field (f->project, group, "colour", "purple", &error));
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_group_field (f->project, group, "name", "   ", &error));
  g_clear_error (&error);
  g_assert_true (tandem_diagram_set_field (f->project, p0, "group_id", TANDEM_UNCHECKED, group, &error));
  g_assert_no_error (error);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 3);
  g_assert_cmpstr (tandem_diagram_get_group (d, 2)->name, ==, "Workforce lens");
  g_assert_cmpstr (tandem_diagram_get_group (d, 2)->colour, ==, "#613583");
  g_assert_cmpint (node_by_id (d, p0)->group, ==, 2);
  g_assert_cmpuint (tandem_diagram_count_group_uses (f->project, old_group), ==, 1);
  g_assert_true (tandem_diagram_delete_group (f->project, group, &error));
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 2);
  g_assert_cmpint (node_by_id (d, p0)->group, ==, -1);
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpint (node_by_id (d, p0)->group, ==, 2);

  /* Equity tags: add (not twice), rename, count uses, remove from the list and its items. */
  tag = tandem_equity_tag_add (f->project, "Care leavers", &error);
  g_assert_no_error (error);
  g_assert_null (tandem_equity_tag_add (f->project, "care LEAVERS", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_equity_tag_rename (f->project, tag, "Young people leaving care", &error));
  g_assert_no_error (error);
  s = tandem_diagram_add_child (f->project, p0, "S", NULL);
  idea = tandem_diagram_add_child (f->project, s, "Idea", NULL);
  g_assert_true (tandem_diagram_set_tag (f->project, idea, tag, TRUE, &error));
  g_assert_cmpuint (tandem_equity_tag_count_uses (f->project, tag), ==, 1);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (tandem_diagram_get_n_tags (d), ==, n_tags + 1);
  g_assert_cmpstr (tandem_diagram_get_tag (d, n_tags)->name, ==, "Young people leaving care");
  g_assert_cmpuint (node_by_id (d, idea)->tags->len, ==, 1);
  g_assert_true (tandem_equity_tag_delete (f->project, tag, &error));
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (tandem_diagram_get_n_tags (d), ==, n_tags);
  g_assert_cmpuint (node_by_id (d, idea)->tags->len, ==, 0);
  undo (f);
  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (node_by_id (d, idea)->tags->len, ==, 1);
}

static void
test_authorship (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  g_autoptr(TandemDiagram) d = load (f, diagrams->pdata[0]);
  const char *aim = tandem_diagram_get_node (d, 0)->id;
  g_autofree char *idea = NULL;
  g_autoptr(GHashTable) table = NULL;
  TandemAuthorship *a;

  table = tandem_diagram_authorship (f->project, diagrams->pdata[0]);
  g_assert_cmpuint (g_hash_table_size (table), ==, tandem_diagram_get_n_nodes (d));
  a = g_hash_table_lookup (table, aim);
  g_assert_nonnull (a->added_by);     /* whoever made the project */
  g_assert_null (a->changed_by);
  g_clear_pointer (&table, g_hash_table_unref);

  idea = tandem_diagram_add_sibling (f->project, aim, NULL, "Added by Ada", &error);
  g_assert_no_error (error);
  tandem_project_set_author (f->project, "Ben Carr");
  g_assert_true (tandem_diagram_set_title (f->project, aim, TANDEM_UNCHECKED, "Ben's aim", &error));
  /* Folding is not a change of the words. */
  g_assert_true (tandem_diagram_set_collapsed (f->project, idea, TRUE, &error));
  g_assert_no_error (error);
  table = tandem_diagram_authorship (f->project, diagrams->pdata[0]);
  a = g_hash_table_lookup (table, idea);
  g_assert_cmpstr (a->added_by, ==, "Ada Obi");
  g_assert_nonnull (a->added_at);
  g_assert_null (a->changed_by);
  a = g_hash_table_lookup (table, aim);
  g_assert_cmpstr (a->changed_by, ==, "Ben Carr");
}

static void
test_tag_codes (void)
{
  static const struct { const char *name, *code; } cases[] = {
    { "Race and ethnicity", "RE" }, { "Autism", "Aut" }, { "Age", "Age" },
    { "Specific groups (homeless, refugees, young offenders)", "SG" },
    { "Sexual orientation and gender identity", "SOGI" }, { "", "?" },
    { "Culture & language", "CL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = tandem_equity_tag_code (cases[i].name);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

/* Two programs on one file: a rename from an editor that showed older words
 * keeps the other person's and records both, rather than overwriting. */
static void
test_rename_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  g_autoptr(TandemDiagram) d = load (f, diagrams->pdata[0]);
  const char *aim = tandem_diagram_get_node (d, 0)->id;
  g_autofree char *shown = g_strdup (tandem_diagram_get_node (d, 0)->title);
  g_autoptr(TandemProject) other = tandem_project_open (tandem_project_get_path (f->project), &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  tandem_project_set_author (other, "Ben Carr");
  g_assert_true (tandem_diagram_set_title (other, aim, TANDEM_UNCHECKED, "Ben's words", &error));
  g_assert_no_error (error);

  g_assert_false (tandem_diagram_set_title (f->project, aim, shown, "Ada's words", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  title = tandem_project_get_text (f->project, "node", aim, "title");
  g_assert_cmpstr (title, ==, "Ben's words");
  g_assert_cmpuint (tandem_project_count_conflicts (f->project), ==, 1);
  {
    g_autoptr(GPtrArray) conflicts = tandem_project_list_conflicts (f->project);
    TandemConflict *c = conflicts->pdata[0];

    g_assert_cmpstr (c->field, ==, "title");
    g_assert_cmpstr (c->source, ==, "live");
    g_assert_true ((g_strcmp0 (c->mine_value, "Ada's words") == 0 &&
                    g_strcmp0 (c->theirs_value, "Ben's words") == 0) ||
                   (g_strcmp0 (c->mine_value, "Ben's words") == 0 &&
                    g_strcmp0 (c->theirs_value, "Ada's words") == 0));
  }

  /* From the words now there, the rename goes through. */
  g_assert_true (tandem_diagram_set_title (f->project, aim, "Ben's words", "Ada's words",
                                           &error));
  g_assert_no_error (error);
  g_free (title);
  title = tandem_project_get_text (other, "node", aim, "title");
  g_assert_cmpstr (title, ==, "Ada's words");
}

/* A file written by another program may hold titles that are not UTF-8:
 * they come back valid, with what can be read of them kept. */
static void
test_invalid_utf8_titles (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  g_autoptr(TandemDiagram) before = load (f, diagrams->pdata[0]);
  g_autoptr(TandemDiagram) d = NULL;
  g_autoptr(TandemProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (tandem_project_get_path (f->project));
  g_autofree char *text = NULL;
  const char *ids[3];
  guint n = 0;
  sqlite3 *db = _tandem_project_get_db (f->project);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < tandem_diagram_get_n_nodes (before) && n < G_N_ELEMENTS (ids); i++)
    ids[n++] = tandem_diagram_get_node (before, i)->id;
  g_assert_cmpuint (n, ==, 3);
  /* As text with a stray byte, as text cut inside a character, as a blob. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE node SET title = CASE id "
                                       "WHEN ?1 THEN CAST (X'4265747465722063617265FF' AS TEXT) "
                                       "WHEN ?2 THEN CAST (X'436166C3' AS TEXT) "
                                       "ELSE X'5226442000FE57617264' END "
                                       "WHERE id IN (?1, ?2, ?3)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, i + 1, ids[i], -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 3);
  sqlite3_finalize (stmt);
  g_clear_object (&f->project);

  reopened = tandem_project_open (path, &error);
  g_assert_no_error (error);
  f->project = g_object_ref (reopened);
  d = load (f, diagrams->pdata[0]);
  g_assert_cmpstr (node_by_id (d, ids[0])->title, ==, "Better care\xef\xbf\xbd");
  g_assert_cmpstr (node_by_id (d, ids[1])->title, ==, "Caf\xef\xbf\xbd");
  g_assert_cmpstr (node_by_id (d, ids[2])->title, ==, "R&D \xef\xbf\xbd\xef\xbf\xbdWard");
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    g_assert_true (g_utf8_validate (tandem_diagram_get_node (d, i)->title, -1, NULL));
  text = tandem_project_get_text (f->project, "node", ids[2], "title");
  g_assert_cmpstr (text, ==, "R&D \xef\xbf\xbd\xef\xbf\xbdWard");
}

/* A PDSA cycle with its plan is one change: one undo takes it all away, and
 * a plan the file refuses leaves no cycle. */
static void
test_plan_pdsa (Fixture       *f,
                gconstpointer  data)
{
  static const char count_log[] = "SELECT count(*) FROM change_log";
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *pdsa = NULL;
  g_autofree char *text = NULL;
  gint64 logged;

  diagram = tandem_diagram_create (f->project, f->team, "Fewer falls", TANDEM_DIAGRAM_TEMPLATE_BLANK, &error);
  g_assert_no_error (error);
  {
    TandemField fields[] = {
      { "diagram_id", tandem_value_text (diagram) },
      { "kind", tandem_value_text ("change_idea") },
      { "title", tandem_value_text ("Safety huddle") },
    };
    idea = insert_or_die (f->project, "node", fields, G_N_ELEMENTS (fields));
  }

  pdsa = tandem_diagram_plan_pdsa (f->project, idea, "Huddle on nights", "2026-03-02",
                                   "Does a huddle help?", "Fewer falls at night", &error);
  g_assert_no_error (error);
  text = tandem_project_dup_undo_label (f->project);
  g_assert_cmpstr (text, ==, "Add PDSA cycle");
  g_clear_pointer (&text, g_free);
  text = tandem_project_get_text (f->project, "pdsa_cycle", pdsa, "plan_predictions");
  g_assert_cmpstr (text, ==, "Fewer falls at night");
  g_clear_pointer (&text, g_free);
  undo (f);
  g_assert_false (tandem_project_exists (f->project, "pdsa_cycle", pdsa));
  g_assert_cmpint (tandem_project_count (f->project, "pdsa_cycle", "node_id", idea), ==, 0);

  /* The predictions are refused after the cycle and its objective were written. */
  run_sql_or_die (f->project, "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF plan_predictions "
                  "ON pdsa_cycle BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (f->project, count_log);
  g_assert_null (tandem_diagram_plan_pdsa (f->project, idea, "Huddle on nights", "2026-03-02",
                                           "Does a huddle help?", "Fewer falls", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (tandem_diagram_plan_pdsa (f->project, idea, "Huddle", "2 March", NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  run_sql_or_die (f->project, "DROP TRIGGER refuse");
  g_assert_cmpint (tandem_project_count (f->project, "pdsa_cycle", "node_id", idea), ==, 0);
  g_assert_cmpint (count_or_die (f->project, count_log), ==, logged);
}

static void
assert_locked (GError *error)
{
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Test.tandem"));
  g_assert_nonnull (strstr (error->message, "Try again"));
}

/* While another program holds the file, a read and a write of a diagram (and
 * of a measure) say "locked, try again", never a generic failure or a
 * silently short list; once it lets go, the same calls go through. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (tandem_project_get_path (f->project));
  g_autofree char *diagram = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *child = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *aim = NULL;
  sqlite3 *other = NULL;

  diagram = tandem_diagram_create (f->project, f->team, "Flow", TANDEM_DIAGRAM_TEMPLATE_MHA, &error);
  g_assert_no_error (error);
  d = load (f, diagram);
  aim = g_strdup (tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0))->id);
  reopen_impatient (&f->project, path, 150);

  other = hold_write_lock (path);

  /* Reads */
  g_assert_null (tandem_diagram_load (f->project, diagram, &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_null (tandem_measure_list_link_targets (f->project, f->team, &error));
  assert_locked (error);
  g_clear_error (&error);

  /* Writes */
  g_assert_null (tandem_diagram_add_child (f->project, aim, "Huddles", &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (tandem_diagram_set_collapsed (f->project, aim, TRUE, &error));
  assert_locked (error);
  g_clear_error (&error);

  release_write_lock (other);
  tandem_project_set_default_busy_timeout (5000);

  g_clear_object (&d);
  d = load (f, diagram);
  g_assert_cmpuint (tandem_diagram_get_n_nodes (d), ==, 5);
  targets = tandem_measure_list_link_targets (f->project, f->team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 0);
  child = tandem_diagram_add_child (f->project, aim, "Huddles", &error);
  g_assert_no_error (error);
  g_assert_nonnull (child);
  g_assert_true (tandem_diagram_set_collapsed (f->project, aim, TRUE, &error));
  g_assert_no_error (error);
  idea = tandem_project_get_text (f->project, "node", child, "title");
  g_assert_cmpstr (idea, ==, "Huddles");
}

/* A read whose API has no GError, made while another program holds the
 * file, says so in a warning naming the file, rather than passing for an
 * empty list. */
static void
test_locked_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *pdsa = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  sqlite3 *other = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*?Test.tandem? is locked*");
      g_test_trap_assert_stdout ("*while locked: 0*after: 1*");
      return;
    }

  path = g_strdup (tandem_project_get_path (f->project));
  diagram = tandem_diagram_create (f->project, f->team, "Flow", TANDEM_DIAGRAM_TEMPLATE_MHA, &error);
  g_assert_no_error (error);
  d = load (f, diagram);
  idea = g_strdup (tandem_diagram_get_node (d, 1)->id);
  pdsa = tandem_diagram_add_pdsa (f->project, idea, "Huddles", "2026-03-02", &error);
  g_assert_no_error (error);
  reopen_impatient (&f->project, path, 150);

  other = hold_write_lock (path);
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  cycles = tandem_diagram_list_pdsa (f->project, idea);
  g_print ("while locked: %u\n", cycles->len);
  g_clear_pointer (&cycles, g_ptr_array_unref);
  release_write_lock (other);

  cycles = tandem_diagram_list_pdsa (f->project, idea);
  g_print ("after: %u\n", cycles->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/diagram/load-sample", Fixture, "sample", fixture_set_up, test_load_sample, fixture_tear_down);
  g_test_add ("/diagram/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/diagram/unknown-detail", Fixture, NULL, fixture_set_up, test_unknown_detail,
              fixture_tear_down);
  g_test_add ("/diagram/add-edit-delete", Fixture, NULL, fixture_set_up, test_add_edit_delete, fixture_tear_down);
  g_test_add ("/diagram/move-reparent-collapse", Fixture, NULL, fixture_set_up,
              test_move_reparent_collapse, fixture_tear_down);
  g_test_add_func ("/diagram/outline-parse", test_outline_parse);
  g_test_add ("/diagram/paste", Fixture, NULL, fixture_set_up, test_paste, fixture_tear_down);
  g_test_add ("/diagram/equity-summary", Fixture, "sample", fixture_set_up, test_equity_summary, fixture_tear_down);
  g_test_add ("/diagram/details-history", Fixture, "sample", fixture_set_up,
              test_details_and_history, fixture_tear_down);
  g_test_add_func ("/diagram/tag-codes", test_tag_codes);
  g_test_add ("/diagram/place-and-shift", Fixture, NULL, fixture_set_up, test_place_and_shift, fixture_tear_down);
  g_test_add ("/diagram/people-measures-pdsa", Fixture, "sample", fixture_set_up,
              test_people_measures_pdsa, fixture_tear_down);
  g_test_add ("/diagram/groups-and-tags", Fixture, NULL, fixture_set_up, test_groups_and_tags, fixture_tear_down);
  g_test_add ("/diagram/plan-pdsa", Fixture, NULL, fixture_set_up, test_plan_pdsa, fixture_tear_down);
  g_test_add ("/diagram/authorship", Fixture, "sample", fixture_set_up, test_authorship, fixture_tear_down);
  g_test_add ("/diagram/rename-conflict", Fixture, "sample", fixture_set_up,
              test_rename_conflict, fixture_tear_down);
  g_test_add ("/diagram/invalid-utf8-titles", Fixture, "sample", fixture_set_up,
              test_invalid_utf8_titles, fixture_tear_down);
  g_test_add ("/diagram/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/diagram/locked-list", Fixture, NULL, fixture_set_up, test_locked_list,
              fixture_tear_down);
  return g_test_run ();
}
