/* tandem-help-topics.c — the user guide's text, shown by Help (F1)
 *
 * One entry per title, heading, paragraph or bullet, so each is one message
 * for translators. Keep the language plain and the guide true to the app:
 * check it when a page changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-help-window.h"

const TandemHelpBlock tandem_help_guide[] = {
  /* Translators: the pages of the user guide (Help, F1). Key names such
   * as Ctrl+N are English key labels; write them as keyboards in your
   * language label them. */
  { TANDEM_HELP_TOPIC, N_("Getting started") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Tandem keeps a team’s quality-improvement work in one project file: driver "
       "diagrams, measures and their charts, coaching sessions, and the peer-support"
       " implementation tracker.") },
  { TANDEM_HELP_HEADING, N_("Opening a project") },
  { TANDEM_HELP_BULLET, N_("New Project (Ctrl+N) asks where to keep the file, then opens it.") },
  { TANDEM_HELP_BULLET,
    N_("Open (Ctrl+O) opens a project file; recent projects are on the welcome page "
       "and in the main menu.") },
  { TANDEM_HELP_BULLET,
    N_("Open the Sample Project shows a realistic, invented project to explore. It "
       "is your own copy, so change anything you like.") },
  { TANDEM_HELP_HEADING, N_("Nothing to save") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Every change is saved the moment you make it. There is no Save button and "
       "nothing to lose if the laptop runs out of battery. Undo (Ctrl+Z) and Redo "
       "(Shift+Ctrl+Z) work even after closing Tandem and opening the project again.") },
  { TANDEM_HELP_HEADING, N_("Sharing a copy") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Save a Copy (Shift+Ctrl+S) writes a complete copy of the project, for "
       "example to send to a colleague or to keep a snapshot before a workshop. "
       "Merge a Copy… brings the copy’s changes back in later (see “Working "
       "together”).") },
  { TANDEM_HELP_TOPIC, N_("Teams") },
  { TANDEM_HELP_PARAGRAPH,
    N_("A project holds the work of one or more teams, such as a ward or a unit. "
       "Choose the team at the top left of the window; every page shows that team’s "
       "work.") },
  { TANDEM_HELP_BULLET,
    N_("New Team (Shift+Ctrl+T) adds a team: its name, organisation, service type "
       "and ward or unit.") },
  { TANDEM_HELP_BULLET, N_("Edit Team changes those details.") },
  { TANDEM_HELP_BULLET,
    N_("Delete Team removes the team and all its work. A message at the bottom of "
       "the window offers Undo straight away.") },
  { TANDEM_HELP_TOPIC, N_("Driver diagrams") },
  { TANDEM_HELP_PARAGRAPH,
    N_("A driver diagram links the aim to the primary drivers, the secondary drivers"
       " and the change ideas you test. A secondary driver can serve more than one "
       "primary driver, and a change idea more than one secondary driver. Open the "
       "Diagram page with Alt+1.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("The diagram can be edited in the canvas or in the outline beside it, with "
       "the same keys:") },
  { TANDEM_HELP_BULLET,
    N_("Tab moves through the page: the toolbar, the summary and its detail, the canvas "
       "or outline, then the details pane. Inside the canvas or the outline, Tab adds "
       "a child, Enter adds a sibling, and Ctrl+Tab (Ctrl+Shift+Tab going back) "
       "leaves it.") },
  { TANDEM_HELP_BULLET,
    N_("F2 edits the selected item’s title from anywhere on the page; in the canvas "
       "or the outline, just typing does too.") },
  { TANDEM_HELP_BULLET, N_("Delete removes the item; the message that follows offers Undo.") },
  { TANDEM_HELP_BULLET, N_("Ctrl+Up and Ctrl+Down move the item among its siblings.") },
  { TANDEM_HELP_BULLET,
    N_("Ctrl+Left makes an item one column more general: a change idea becomes a "
       "secondary driver just below the one it was under, and what is under it moves "
       "too. Ctrl+Right puts an item under the item above it, one column more "
       "specific.") },
  { TANDEM_HELP_BULLET,
    N_("Space folds or unfolds a branch, in the canvas and the outline alike. In the "
       "outline, Left and Right go to the parent and the first child.") },
  { TANDEM_HELP_BULLET,
    N_("Drag a box between two others to put it there, or onto a box in the column "
       "to its left to move it under that box; a green line shows where it will "
       "land.") },
  { TANDEM_HELP_BULLET,
    N_("Item → Groups and Equity Tags… names and colours the groups of primary "
       "drivers and edits the project’s list of equity tags.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("The details pane records each change idea’s status, tags, who proposed and "
       "co-produced it, the level of co-production, the equity groups it focuses on "
       "and its PDSA cycles, so that everyone can see whose ideas are being tested "
       "and which groups the work reaches.") },

  { TANDEM_HELP_TOPIC, N_("Measures and charts") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Measures are outcome, process or balancing measures, each with its data over"
       " time. Open the Measures page with Alt+2.") },
  { TANDEM_HELP_BULLET,
    N_("Settings: the kind of chart (a run chart or an SPC chart), the rules, the "
       "target and which direction is better.") },
  { TANDEM_HELP_BULLET,
    N_("Data: type values in, paste them from a spreadsheet, or import a CSV file "
       "after checking its preview.") },
  { TANDEM_HELP_BULLET, N_("Phases and notes mark changes in the process and events worth remembering.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("The chart marks the signals the rules find, such as a shift or a point "
       "outside the limits, by shape as well as colour, and the same signals are "
       "described in words beside the chart. With the chart focused, the arrow keys "
       "go from point to point and read each one out.") },

  { TANDEM_HELP_TOPIC, N_("Coaching sessions") },
  { TANDEM_HELP_PARAGRAPH,
    N_("The coaching log records each session: who came, what was discussed, the "
       "advice given and the actions agreed, with who will do them and by when. Open"
       " the Coaching page with Alt+3.") },
  { TANDEM_HELP_BULLET,
    N_("Start a session from a blank page, from the programme’s check-in and "
       "reflection prompts, or from your own templates.") },
  { TANDEM_HELP_BULLET,
    N_("Last time’s open actions are there to review: mark each done, carried "
       "forward or dropped.") },
  { TANDEM_HELP_BULLET, N_("The caseload view shows every team’s sessions together.") },
  { TANDEM_HELP_BULLET, N_("Search (Ctrl+F) looks through every note and action.") },

  { TANDEM_HELP_TOPIC, N_("Peer support") },
  { TANDEM_HELP_PARAGRAPH,
    N_("The peer-support tracker follows a team’s implementation of peer support "
       "against the national framework, stage by stage, with the checklist, the peer"
       " roles, the supervision and the support in place, and the team’s figures "
       "beside the national survey’s. Open the Peer Support page with Alt+4.") },

  { TANDEM_HELP_TOPIC, N_("Printing and exporting") },
  { TANDEM_HELP_PARAGRAPH, N_("Print (Ctrl+P) and Export (Ctrl+E) act on the page you are looking at.") },
  { TANDEM_HELP_BULLET,
    N_("Print shows a preview and lets you choose the paper (A4 or A3, portrait or "
       "landscape). The default paper size is in Preferences.") },
  { TANDEM_HELP_BULLET,
    N_("Export writes the same thing to a PDF, PNG or SVG file for slides, posters "
       "and emails.") },
  { TANDEM_HELP_BULLET,
    N_("A driver diagram can be printed as a poster across several sheets, with "
       "marks to line them up.") },
  { TANDEM_HELP_BULLET,
    N_("Coaching sessions print as one-page records or as a log, and can be exported"
       " as calendar files.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Charts and diagrams print with large type and thick lines for workshop "
       "walls. The command-line tool, tandem-cli, exports the same pages for "
       "programme teams and scripts.") },

  { TANDEM_HELP_TOPIC, N_("Working together") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Several people can work on one project file on a shared drive. Each change "
       "is saved at once and the others see it within a second or so, without "
       "opening the file again. If the file is busy because someone else is saving, "
       "Tandem waits a moment and tries again.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Every change records who made it. Set your name in Preferences (Ctrl+,); if "
       "you have never set it, Tandem asks once.") },
  { TANDEM_HELP_HEADING, N_("When two people change the same thing") },
  { TANDEM_HELP_PARAGRAPH,
    N_("If two people change the same field of the same item, nothing is lost: "
       "Tandem keeps both versions and a bar at the top of the window says so. "
       "Review lists each one; choose Keep Mine or Keep Theirs. When two people "
       "on one file saved the same field, the version saved first stands: choose "
       "Keep Saved or Use Unsaved.") },
  { TANDEM_HELP_HEADING, N_("Merging another copy") },
  { TANDEM_HELP_PARAGRAPH,
    N_("When a copy of the project has been changed elsewhere, for example on a "
       "laptop without the shared drive, Merge a Copy… in the main menu brings in "
       "everything that copy added, changed or deleted since the two last met. A "
       "summary says what came in. Where both copies changed the same field, both "
       "values are kept for you to choose between, as above. Merging the same copy "
       "twice changes nothing.") },
  { TANDEM_HELP_HEADING, N_("Comments") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Comments are conversations about an item: a box of the diagram, a measure or"
       " a coaching session. Write a comment, reply to one, and resolve it when it "
       "is settled; a resolved comment can be reopened. The diagram shows how many "
       "open comments a box has.") },
  { TANDEM_HELP_HEADING, N_("Contributions") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Each item shows who added it, and its history lists every change and who "
       "made it. Contributions, in the main menu, counts by role and by person the "
       "items added, the changes, the ideas proposed, the PDSA cycles and the "
       "comments, for the whole project or one diagram, so you can see, for example,"
       " how many change ideas came from lived-experience partners.") },
  { TANDEM_HELP_PARAGRAPH, N_("A file that only one person may change opens read-only and says so.") },

  { TANDEM_HELP_TOPIC, N_("People") },
  { TANDEM_HELP_PARAGRAPH,
    N_("People… in the main menu lists the team’s people: staff, and partners who "
       "bring lived experience. Each has a name, a job or role title, the role they "
       "choose to take part as (lived-experience partner, expert by experience, peer "
       "worker or carer; never a diagnosis), an organisation and how they like to be "
       "contacted. A person may belong to several teams.") },
  { TANDEM_HELP_BULLET,
    N_("Add someone, add someone from another team, or import a list from a CSV "
       "file: the import shows who it would add, and every line to fix, before it "
       "adds anyone.") },
  { TANDEM_HELP_BULLET,
    N_("Someone who has taken part is never deleted: deactivate them when they "
       "leave, and the history keeps them. Two entries for one person can be "
       "merged.") },
  { TANDEM_HELP_BULLET,
    N_("Wherever a person is named (who took part, who will do an action, who "
       "proposed or co-produced a change idea), type the start of their name and "
       "press Enter, or Down to go through what is offered. Someone not there yet "
       "is added with “Add ‘Name’…”.") },

  { TANDEM_HELP_TOPIC, N_("Workshop mode") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Workshop mode is for working around one projected screen: the window fills "
       "the screen, the text and the drawings become much larger, and the diagram "
       "and its outline can still be edited with the keyboard alone.") },
  { TANDEM_HELP_BULLET,
    N_("Turn it on and off with F11, or Workshop Mode in the main menu. Leaving it "
       "puts the window back as it was.") },
  { TANDEM_HELP_BULLET,
    N_("High Contrast in the main menu draws the charts and diagrams in black on "
       "white, for a dim projector or a bright room.") },

  { TANDEM_HELP_TOPIC, N_("Seeing and reading") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Tandem follows the system’s accessibility settings. With Large Text on, the "
       "charts and diagrams grow along with the rest of the window; with High "
       "Contrast on, charts are drawn in black on white, with the meaning carried by"
       " shapes and words rather than colour.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Everything in Tandem works with a screen reader: the diagram has an outline,"
       " each chart has its data table and a description of its signals in words.") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Preferences (Ctrl+,) also has a chart style: standard, workshop (large type "
       "and thick lines) or high contrast.") },

  { TANDEM_HELP_TOPIC, N_("Keyboard") },
  { TANDEM_HELP_PARAGRAPH,
    N_("Everything in Tandem can be done with the keyboard. Keyboard Shortcuts "
       "(Ctrl+?) lists them all.") },
  { TANDEM_HELP_BULLET,
    N_("Ctrl+N new project, Ctrl+O open, Shift+Ctrl+S save a copy, Ctrl+W close the "
       "window, Ctrl+Q quit.") },
  { TANDEM_HELP_BULLET, N_("Alt+1 to Alt+5 switch between the pages.") },
  { TANDEM_HELP_BULLET, N_("Ctrl+Z undo, Shift+Ctrl+Z redo, Ctrl+P print, Ctrl+E export.") },
  { TANDEM_HELP_BULLET, N_("F11 workshop mode, F1 this help, Ctrl+, preferences.") },

  { TANDEM_HELP_TOPIC, N_("When something goes wrong") },
  { TANDEM_HELP_PARAGRAPH, N_("Tandem never changes a file it cannot open. It tells you why:") },
  { TANDEM_HELP_BULLET, N_("“not a Tandem project”: the file was made by another program.") },
  { TANDEM_HELP_BULLET, N_("“made by a newer version of Tandem”: update Tandem to open it.") },
  { TANDEM_HELP_BULLET,
    N_("“damaged”: the file was cut short or spoiled, perhaps while copying; open a "
       "copy or a backup.") },
  { TANDEM_HELP_BULLET,
    N_("“in use by another program”: wait a moment or close it there, then try "
       "again.") },
  { TANDEM_HELP_BULLET, N_("“the disk is full”: free some space; everything saved before is safe.") },
};

const guint tandem_help_guide_length = G_N_ELEMENTS (tandem_help_guide);
