/* pf-net-fixture.h: what the net tests share: a small valid bundle, free
 * loopback ports and helper processes that die with the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes a minimal bundle that PfBundleReader accepts into @dir, with one
 * evidence entry of @payload_size pseudo-random bytes (seeded by @seed, so
 * different seeds give different bundles), stored uncompressed. */
GFile       *pf_net_fixture_make_bundle   (const char  *dir,
                                           const char  *name,
                                           gsize        payload_size,
                                           guint32      seed);

/* A TCP port on 127.0.0.1 that was free a moment ago. */
guint16      pf_net_fixture_free_port     (void);

/* Environment for helper processes: PATH and LANG of the test, HOME and the
 * XDG folders under @home (the isolated test folders are no place for
 * daemons' sockets). */
char       **pf_net_fixture_environ       (const char  *home);

/* Spawns @argv with @envp in @cwd (nullable: the test's); the process gets
 * SIGTERM when the test process dies, even by a failed assertion. */
GSubprocess *pf_net_fixture_spawn         (char       **envp,
                                           const char  *cwd,
                                           GSubprocessFlags flags,
                                           const char * const *argv);

/* Runs @argv in @cwd to its end (at most 60 s) and asserts that it
 * succeeded. */
void         pf_net_fixture_run           (char       **envp,
                                           const char  *cwd,
                                           const char * const *argv);

/* Waits until something accepts connections on 127.0.0.1:@port, at most
 * @timeout_ms. */
gboolean     pf_net_fixture_wait_for_port (guint16      port,
                                           guint        timeout_ms);

/* Terminates @process (SIGTERM, then SIGKILL after 5 s) and reaps it. */
void         pf_net_fixture_stop          (GSubprocess *process);

/* Deletes @file and, for a folder, everything in it (no symlinks followed). */
void         pf_net_fixture_remove_tree   (GFile       *file);

/* Number of lines of @path that contain @needle; 0 when it does not exist. */
guint        pf_net_fixture_count_lines   (const char  *path,
                                           const char  *needle);

/* Runs the thread-default main context until *@done is set, at most
 * @timeout_ms; FALSE on timeout. */
gboolean     pf_net_fixture_iterate_until (gboolean    *done,
                                           guint        timeout_ms);

G_END_DECLS
