/* pf-ui-test.h: what the UI tests share: a process set up away from the
 * user's folders and session bus, waiting on the main loop, finding
 * widgets, and removing the folders a test made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-application.h"

G_BEGIN_DECLS

typedef gboolean (*PfUiTestCondition) (gpointer data);

/* Points the XDG data, config and cache folders below a new temporary
 * folder and the session bus at an address nobody answers (so no keyring
 * and no other instance to become unique against), then initialises GTK
 * for tests and libadwaita. Returns the temporary folder, for
 * pf_ui_test_remove_tree() once the tests have run. */
GFile         *pf_ui_test_init                 (int                 *argc,
                                                char              ***argv);

/* A PfApplication that opens files and is never unique, registered. */
PfApplication *pf_ui_test_register_application (void);

/* Runs the default main context until @condition holds; fails the test
 * when it still does not after @seconds. */
void           pf_ui_test_wait_until           (PfUiTestCondition    condition,
                                                gpointer             data,
                                                guint                seconds);

/* @root or the first widget below it, depth first, that is a @type; or
 * NULL. */
GtkWidget     *pf_ui_test_find_of_type         (GtkWidget           *root,
                                                GType                type);

/* The first shown toplevel window that is a @type, or NULL. */
gpointer       pf_ui_test_find_toplevel        (GType                type);

/* @root or the first preferences row below it, depth first, whose title
 * is @title; or NULL. */
GtkWidget     *pf_ui_test_find_row             (GtkWidget           *root,
                                                const char          *title);

/* @root or the first widget below it, depth first, that a GtkBuilder
 * built from an object with id @id; or NULL. */
GtkWidget     *pf_ui_test_find_built           (GtkWidget           *root,
                                                const char          *id);

/* The built-in criteria pack, as @app's catalog has it. */
PfCriteriaPack *pf_ui_test_builtin_pack        (PfApplication       *app);

/* The first boolean question of @pack that always applies. */
PfQuestion    *pf_ui_test_find_boolean_question (PfCriteriaPack     *pack);

/* Deletes the assessments folder and everything in it. */
void           pf_ui_test_reset_assessments    (void);

/* Saves a new assessment of the built-in pack, for model @model version
 * "1.0", in the assessments folder as <id>.preflight; returns the file. */
GFile         *pf_ui_test_write_assessment     (PfApplication       *app,
                                                const char          *model);

/* The template child @name of @widget, declared by class @type; fails the
 * test when there is none. */
gpointer       pf_ui_test_template_child       (gpointer             widget,
                                                GType                type,
                                                const char          *name);

/* Deletes @file and, if it is a folder, everything below it, without
 * following links; what cannot be deleted stays. */
void           pf_ui_test_remove_tree          (GFile               *file);

G_END_DECLS
