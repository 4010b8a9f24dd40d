/* test-ui-crash.c: the real app, answering questions, killed with SIGKILL
 * at random moments, 50 times: the assessment file always opens and holds
 * every answer made more than one second before the kill.
 *
 * The test drives the app over a private D-Bus session bus through
 * org.gtk.Actions and the test-only action app.test-answer (registered when
 * PREFLIGHT_TEST_ACTIONS=1), which sets answers through the same path as
 * the question rows: pf_assessment_set_value() and the session's autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "preflight.h"

#define BUILTIN_PACK "/io/github/preflightapp/Preflight/packs/frontier-cyber-draft.pfpack.json"
#define N_RUNS 50
#define SAFE_AGE_US G_USEC_PER_SEC

typedef struct {
  char   *question_id;
  char   *value;       /* the JSON text sent */
  gint64  made;        /* monotonic time the app had applied it */
  gint64  killed;      /* monotonic time its app was killed */
} Step;

static void
step_free (Step *step)
{
  g_free (step->question_id);
  g_free (step->value);
  g_free (step);
}

static GDBusConnection *
connect_bus (const char *address)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

/* The PID of the process that owns the app's name, or 0. */
static guint32
name_owner_pid (GDBusConnection *bus)
{
  g_autoptr(GVariant) owner = NULL;
  g_autoptr(GVariant) pid = NULL;
  const char *unique;
  guint32 value;

  owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetNameOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (owner == NULL)
    return 0;
  g_variant_get (owner, "(&s)", &unique);

  pid = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                     g_variant_new ("(s)", unique), G_VARIANT_TYPE ("(u)"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (pid == NULL)
    return 0;
  g_variant_get (pid, "(u)", &value);

  return value;
}

/* Waits until @pid owns the app's name (0: until no one does); fails if
 * @child, when not 0, exits first. */
static void
wait_for_owner (GDBusConnection *bus,
                guint32          pid,
                GPid             child)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int status;

  while (name_owner_pid (bus) != pid)
    {
      if (child != 0 && waitpid (child, &status, WNOHANG) == child)
        g_error ("the app exited before it was ready (wait status %d)", status);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
}

static void
answer (GDBusConnection *bus,
        const char      *object_path,
        Step            *step)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder parameter;

  g_variant_builder_init (&parameter, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameter, "v",
                         g_variant_new ("(ss)", step->question_id, step->value));

  /* Returns once the app has run the action, so the answer is made. */
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "test-answer", &parameter,
                                                      NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  step->made = g_get_monotonic_time ();
}

/* Every answer made SAFE_AGE_US before its app was killed is in @file:
 * for each question, the value on disk is the last one made that long
 * before a kill, or one sent after it. */
static void
check_file (GFile     *file,
            GPtrArray *steps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = pf_assessment_load (file, NULL, &error);
  g_autoptr(GHashTable) last_safe = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);

      if (step->made != 0 && step->made <= step->killed - SAFE_AGE_US)
        g_hash_table_insert (last_safe, step->question_id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (last_safe, step->question_id));
      PfAnswer *saved;
      g_autofree char *saved_json = NULL;
      gboolean found = FALSE;

      if (first != i + 1)
        continue;

      saved = pf_assessment_get_answer (assessment, step->question_id);
      g_assert_nonnull (saved);
      g_assert_nonnull (pf_answer_get_value (saved));
      saved_json = json_to_string (pf_answer_get_value (saved), FALSE);
      for (guint j = i; j < steps->len && !found; j++)
        {
          Step *later = g_ptr_array_index (steps, j);

          found = g_str_equal (later->question_id, step->question_id) &&
                  g_str_equal (later->value, saved_json);
        }
      if (!found)
        g_error ("%s: the file holds %s, the answer made %.2f s before the kill was %s",
                 step->question_id, saved_json,
                 (step->killed - step->made) / (double) G_USEC_PER_SEC, step->value);
      checked++;
    }

  g_test_message ("%u answers checked, %u made", checked, steps->len);
}

static char **
child_environment (const char *bus_address,
                   const char *display)
{
  char **envp = g_get_environ ();
  const char *asan_options;

  /* G_TEST_OPTION_ISOLATE_DIRS changes what GLib returns here only: hand
   * the isolated folders to the app explicitly. */
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  envp = g_environ_setenv (envp, "PREFLIGHT_TEST_ACTIONS", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_setenv (envp, "DISPLAY", display, TRUE);
  /* Criticals still abort the app, but not warnings about the desktop
   * (a missing SVG icon loader on a bare CI image is not what this tests). */
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);
  /* In the sanitizer build (build-aux/sanitize): the app dies by SIGKILL, so
   * LeakSanitizer never reports from it and its allocation stacks need no
   * slow unwinding, which would make its start-up outlast answer()'s
   * timeout. The last occurrence of an ASan option wins. */
  asan_options = g_environ_getenv (envp, "ASAN_OPTIONS");
  if (asan_options != NULL)
    {
      g_autofree char *fast = g_strconcat (asan_options, ":fast_unwind_on_malloc=1", NULL);

      envp = g_environ_setenv (envp, "ASAN_OPTIONS", fast, TRUE);
    }
  return envp;
}

static void
test_kill_while_answering (void)
{
  g_autoptr(GTestDBus) dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GPtrArray) text_questions = g_ptr_array_new ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_autofree char *object_path = g_strdelimit (g_strconcat ("/", APP_ID, NULL), ".", '/');
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) envp = NULL;
  const char *app = g_getenv ("PREFLIGHT_APP");
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GPtrArray *questions;

  g_assert_nonnull (app);

  /* g_test_dbus_up() unsets DISPLAY (no X11 autolaunch): keep xvfb-run's. */
  g_assert_nonnull (display);
  g_test_dbus_up (dbus);
  bus = connect_bus (g_test_dbus_get_bus_address (dbus));
  envp = child_environment (g_test_dbus_get_bus_address (dbus), display);

  pack = pf_criteria_pack_new_from_resource (BUILTIN_PACK, &error);
  g_assert_no_error (error);
  questions = pf_criteria_pack_get_questions (pack);
  for (guint i = 0; i < questions->len; i++)
    if (pf_question_get_question_type (questions->pdata[i]) == PF_QUESTION_TEXT)
      g_ptr_array_add (text_questions, questions->pdata[i]);
  g_assert_cmpuint (text_questions->len, >=, 2);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_cache_dir (), "crash.preflight", NULL);
  file = g_file_new_for_path (path);
  assessment = pf_assessment_new (pack);
  pf_assessment_set_model_name (assessment, "Crash");
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      const char *argv[] = { app, path, NULL };
      gint64 kill_at, killed;
      GPid pid;
      int status;

      g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);
      wait_for_owner (bus, pid, pid);

      kill_at = G_MAXINT64;
      for (guint k = 0; g_get_monotonic_time () < kill_at; k++)
        {
          Step *step = g_new0 (Step, 1);
          PfQuestion *question = text_questions->pdata[(run + k) % text_questions->len];

          step->question_id = g_strdup (pf_question_get_id (question));
          step->value = g_strdup_printf ("\"run %u, answer %u\"", run, k);
          g_ptr_array_add (steps, step);
          answer (bus, object_path, step);
          /* The kill comes at a random moment once the app has answered. */
          if (k == 0)
            kill_at = step->made + g_test_rand_int_range (50, 1300) * 1000;
          g_usleep (g_test_rand_int_range (10, 60) * 1000);
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      killed = g_get_monotonic_time ();
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      for (guint i = steps->len; i > 0 && ((Step *) steps->pdata[i - 1])->killed == 0; i--)
        ((Step *) steps->pdata[i - 1])->killed = killed;
      check_file (file, steps);

      /* The bus drops the dead app's name before the next one starts. */
      wait_for_owner (bus, 0, 0);
    }

  g_test_dbus_down (dbus);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/crash/kill-while-answering", test_kill_while_answering);

  return g_test_run ();
}
