/* pf-net-fixture.c: what the net tests share: a small valid bundle, free
 * loopback ports and helper processes that die with the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <archive.h>
#include <archive_entry.h>

#include "pf-net-fixture.h"

#define FIXED_MTIME 1780358400  /* 2026-06-02 */

static void
add_entry (struct archive *a,
           const char     *path,
           const guint8   *data,
           gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, path);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, FIXED_MTIME, 0);
  g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (a, data, size), ==, (la_ssize_t) size);
  archive_entry_free (entry);
}

GFile *
pf_net_fixture_make_bundle (const char *dir,
                            const char *name,
                            gsize       payload_size,
                            guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree guint8 *payload = g_malloc (payload_size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *payload_sha = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *manifest_sha = NULL;
  g_autofree char *sums = NULL;
  struct archive *a;

  for (gsize i = 0; i < payload_size; i++)
    payload[i] = (guint8) g_rand_int_range (rand, 0, 256);
  payload_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, payload, payload_size);

  manifest = g_strdup_printf ("{\n  \"format\": \"preflight-bundle/1\",\n"
                              "  \"files\": [ { \"path\": \"evidence/payload.bin\", "
                              "\"sha256\": \"%s\", \"size\": %" G_GSIZE_FORMAT ", "
                              "\"media_type\": \"application/octet-stream\", "
                              "\"role\": \"evidence\" } ]\n}\n",
                              payload_sha, payload_size);
  manifest_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, manifest, -1);
  sums = g_strdup_printf ("%s  manifest.json\n%s  evidence/payload.bin\n",
                          manifest_sha, payload_sha);

  a = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_zip_set_compression_store (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  add_entry (a, "manifest.json", (const guint8 *) manifest, strlen (manifest));
  add_entry (a, "SHA256SUMS", (const guint8 *) sums, strlen (sums));
  add_entry (a, "evidence/payload.bin", payload, payload_size);
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);

  return g_file_new_for_path (path);
}

guint16
pf_net_fixture_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

char **
pf_net_fixture_environ (const char *home)
{
  g_auto(GStrv) envp = NULL;
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (cache, 0700), ==, 0);

  envp = g_environ_setenv (NULL, "PATH", g_getenv ("PATH") != NULL ? g_getenv ("PATH")
                                                                 : "/usr/bin:/bin:/usr/sbin",
                           TRUE);
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);

  return g_steal_pointer (&envp);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocess *
pf_net_fixture_spawn (char               **envp,
                      const char          *cwd,
                      GSubprocessFlags     flags,
                      const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  return process;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

gboolean
pf_net_fixture_iterate_until (gboolean *done,
                              guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return *done;
}

void
pf_net_fixture_run (char               **envp,
                    const char          *cwd,
                    const char * const  *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  gboolean done = FALSE;

  process = pf_net_fixture_spawn (envp, cwd, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                  | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  g_subprocess_wait_async (process, NULL, wait_cb, &done);
  if (!pf_net_fixture_iterate_until (&done, 60000))
    {
      g_subprocess_force_exit (process);
      g_error ("%s did not finish within 60 s", argv[0]);
    }
  if (!g_subprocess_get_successful (process))
    g_error ("%s %s failed", argv[0], argv[1]);
}

gboolean
pf_net_fixture_wait_for_port (guint16 port,
                              guint   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;

      g_socket_client_set_timeout (client, 1);
      connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
      if (connection != NULL)
        return TRUE;
      g_usleep (50 * 1000);
    }

  return FALSE;
}

void
pf_net_fixture_stop (GSubprocess *process)
{
  gboolean done = FALSE;

  if (process == NULL || g_subprocess_get_identifier (process) == NULL)
    return;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, wait_cb, &done);
  if (!pf_net_fixture_iterate_until (&done, 5000))
    {
      /* SIGKILL cannot be ignored: the wait ends promptly now. */
      g_subprocess_force_exit (process);
      g_assert_true (pf_net_fixture_iterate_until (&done, 5000));
    }
}

void
pf_net_fixture_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        pf_net_fixture_remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

guint
pf_net_fixture_count_lines (const char *path,
                            const char *needle)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      count++;

  return count;
}
