/* test-cli.c: preflight-cli end to end: exit statuses, output, and files
 * left untouched on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "preflight.h"

typedef struct {
  char   *dir;    /* a private folder for the files of one test */
  char  **envp;   /* the environment of the child: the test's isolated dirs */
} Fixture;

typedef struct {
  int     status;
  GBytes *out_bytes;
  char   *out;
  char   *err;
} Result;

static void
result_free (Result *result)
{
  g_bytes_unref (result->out_bytes);
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *data_dirs = g_strjoinv (":", (char **) g_get_system_data_dirs ());
  g_autofree char *config_dirs = g_strjoinv (":", (char **) g_get_system_config_dirs ());

  /* G_TEST_OPTION_ISOLATE_DIRS changes what GLib returns in this process
   * but leaves traps (/dev/null) in the environment: hand the isolated
   * folders to the child explicitly. */
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_setenv (fixture->envp, "HOME", g_get_home_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_DIRS", data_dirs, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_CONFIG_DIRS", config_dirs, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "LC_ALL", "C.UTF-8", TRUE);
  fixture->envp = g_environ_unsetenv (fixture->envp, "SOURCE_DATE_EPOCH");

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_free (fixture->dir);
  g_strfreev (fixture->envp);
}

static char *
work_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return len > 0 ? g_strndup (data, len) : g_strdup ("");
}

static Result *
run_cliv (Fixture     *fixture,
          const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PREFLIGHT_CLI");
  Result *result = g_new0 (Result, 1);

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, fixture->envp);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &result->out_bytes, &err_bytes, &error);
  g_assert_no_error (error);

  /* A crash is never an acceptable answer, whatever the input. */
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  result->out = bytes_to_string (result->out_bytes);
  result->err = bytes_to_string (err_bytes);

  g_test_message ("preflight-cli %s → %d\nstdout: %s\nstderr: %s",
                  args[0] != NULL ? args[0] : "", result->status, result->out, result->err);

  return result;
}

#define run_cli(fixture, ...) run_cliv ((fixture), (const char *[]) { __VA_ARGS__, NULL })

/* Exit 1 comes with exactly one line on stderr, "preflight-cli: reason". */
static void
assert_failed (Result     *result,
               const char *needle)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "preflight-cli: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  if (needle != NULL)
    g_assert_nonnull (strstr (result->err, needle));
}

static void
assert_usage_error (Result *result)
{
  g_assert_cmpint (result->status, ==, 2);
  g_assert_true (g_str_has_prefix (result->err, "preflight-cli: "));
  g_assert_nonnull (strstr (result->err, "--help"));
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autofree char *text = bytes_to_string (bytes);

  return parse_json (text);
}

/* The string @name of @object's object member @member. */
static const char *
nested_string (JsonObject *object,
               const char *member,
               const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), name);
}

static char *
evaluate_outcome (Fixture    *fixture,
                  const char *path)
{
  g_autoptr(Result) result = run_cli (fixture, "evaluate", path, "--json");
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "outcome"));
}

static char *
new_mini_assessment (Fixture    *fixture,
                     const char *name)
{
  g_autofree char *pack = data_path ("mini.pfpack.json");
  char *path = work_path (fixture, name);
  g_autoptr(Result) result = run_cli (fixture, "new", "-o", path, "--pack", pack,
                                      "--model", "Test model", "--model-version", "1");

  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const char *commands[] = {
    "packs", "validate-pack", "new", "answer", "import-answers", "attach", "evaluate", "compare",
    "timeline",
  };
  g_autoptr(Result) help = run_cli (fixture, "--help");

  g_assert_cmpint (help->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Result) help_cmd = run_cli (fixture, "help", commands[i]);
      g_autoptr(Result) cmd_help = run_cli (fixture, commands[i], "--help");
      g_autofree char *usage = g_strdup_printf ("preflight-cli %s", commands[i]);

      g_assert_nonnull (strstr (help->out, commands[i]));
      g_assert_cmpint (help_cmd->status, ==, 0);
      g_assert_nonnull (strstr (help_cmd->out, usage));
      g_assert_cmpint (cmd_help->status, ==, 0);
      g_assert_cmpstr (cmd_help->out, ==, help_cmd->out);
    }

  {
    g_autoptr(Result) new_help = run_cli (fixture, "new", "--help");
    g_autoptr(Result) timeline_help = run_cli (fixture, "help", "timeline");

    g_assert_nonnull (strstr (new_help->out, "--output"));
    g_assert_nonnull (strstr (new_help->out, "--model-version"));
    g_assert_nonnull (strstr (timeline_help->out, "--release"));
  }

  {
    g_autoptr(Result) none = run_cli (fixture, NULL);
    g_autoptr(Result) unknown = run_cli (fixture, "frobnicate");
    g_autoptr(Result) help_unknown = run_cli (fixture, "help", "frobnicate");
    g_autoptr(Result) help_two = run_cli (fixture, "help", "new", "answer");
    g_autoptr(Result) no_output = run_cli (fixture, "new");
    g_autoptr(Result) extra = run_cli (fixture, "new", "-o", "x", "surplus");
    g_autoptr(Result) missing = run_cli (fixture, "answer", "file.preflight");
    g_autoptr(Result) bad_option = run_cli (fixture, "evaluate", "--bogus", "file.preflight");
    g_autoptr(Result) no_release = run_cli (fixture, "timeline");
    g_autoptr(Result) bad_marking = run_cli (fixture, "attach", "a", "b", "--marking", "secret");

    g_assert_cmpint (none->status, ==, 2);
    assert_usage_error (unknown);
    g_assert_nonnull (strstr (unknown->err, "frobnicate"));
    assert_usage_error (help_unknown);
    assert_usage_error (help_two);
    assert_usage_error (no_output);
    assert_usage_error (extra);
    g_assert_nonnull (strstr (extra->err, "surplus"));
    assert_usage_error (missing);
    assert_usage_error (bad_option);
    assert_usage_error (no_release);
    assert_usage_error (bad_marking);
    g_assert_nonnull (strstr (bad_marking->err, "secret"));
  }
}

static void
test_validate_pack (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *mini = data_path ("mini.pfpack.json");
  g_autofree char *bogus = data_path ("bogus-type.pfpack.json");
  g_autofree char *missing = work_path (fixture, "missing.pfpack.json");
  g_autoptr(Result) valid = run_cli (fixture, "validate-pack", mini);
  g_autoptr(Result) invalid = run_cli (fixture, "validate-pack", bogus);
  g_autoptr(Result) absent = run_cli (fixture, "validate-pack", missing);

  g_assert_cmpint (valid->status, ==, 0);
  g_assert_cmpstr (valid->out, ==, "valid: cli-test 1.0.0 (4 questions, 2 indicators)\n");
  assert_failed (invalid, "sections[0].questions[0].type");
  g_assert_nonnull (strstr (invalid->err, "bogus"));
  assert_failed (absent, "missing.pfpack.json");
}

static void
test_packs (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GFile) install_dir = pf_pack_catalog_get_install_dir ();
  g_autofree char *bogus = data_path ("bogus-type.pfpack.json");
  g_autoptr(GBytes) bogus_bytes = read_file (bogus);
  g_autoptr(GFile) broken = g_file_get_child (install_dir, "broken.pfpack.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *builtin_line = g_strdup_printf ("%s\t", PF_BUILTIN_PACK_ID);
  g_autoptr(Result) before = run_cli (fixture, "packs");
  g_autofree char *assessment = NULL;

  g_assert_cmpint (before->status, ==, 0);
  g_assert_true (g_str_has_prefix (before->out, builtin_line));
  g_assert_nonnull (strstr (before->out, "\tbuilt-in\t"));
  g_assert_null (strstr (before->out, "cli-test"));
  g_assert_cmpstr (before->err, ==, "");

  /* A pack given to new as a file is installed, once. */
  assessment = new_mini_assessment (fixture, "installed.preflight");
  {
    g_autoptr(Result) after = run_cli (fixture, "packs");
    g_autofree char *again_path = work_path (fixture, "again.preflight");
    g_autofree char *mini = data_path ("mini.pfpack.json");
    g_autoptr(Result) again = run_cli (fixture, "new", "-o", again_path, "--pack", mini);
    g_autoptr(Result) by_id = NULL;
    g_autofree char *by_id_path = work_path (fixture, "by-id.preflight");

    g_assert_cmpint (after->status, ==, 0);
    g_assert_nonnull (strstr (after->out, "cli-test\t1.0.0\tdraft\tinstalled\tCommand-line test pack\n"));
    g_assert_cmpint (again->status, ==, 0);

    by_id = run_cli (fixture, "new", "-o", by_id_path, "--pack", "cli-test");
    g_assert_cmpint (by_id->status, ==, 0);
  }

  /* An invalid installed pack is reported, and the others still listed. */
  g_file_replace_contents (broken, g_bytes_get_data (bogus_bytes, NULL),
                           g_bytes_get_size (bogus_bytes), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Result) with_problem = run_cli (fixture, "packs");

    g_assert_cmpint (with_problem->status, ==, 0);
    g_assert_nonnull (strstr (with_problem->out, "cli-test\t1.0.0"));
    g_assert_nonnull (strstr (with_problem->err, "broken.pfpack.json"));
  }
}

static void
test_new_and_evaluate (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = work_path (fixture, "empty.preflight");
  g_autoptr(Result) created = run_cli (fixture, "new", "-o", path, "--model", "Frontier-1",
                                       "--release-date", "2026-10-01");
  g_autoptr(Result) json = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) exists = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfPackCatalog) catalog = NULL;
  PfCriteriaPack *pack;
  g_autoptr(PfDetermination) determination = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  json = run_cli (fixture, "evaluate", path, "--json");
  g_assert_cmpint (json->status, ==, 0);
  root = parse_json (json->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "outcome"),
                   ==, "incomplete");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "format"),
                   ==, PF_DETERMINATION_FORMAT);

  /* --json is exactly the bundle's determination.json. */
  assessment = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_model_name (assessment), ==, "Frontier-1");
  g_assert_cmpstr (pf_assessment_get_release_date (assessment), ==, "2026-10-01");
  catalog = pf_pack_catalog_new ();
  pack = pf_pack_catalog_lookup (catalog, PF_BUILTIN_PACK_ID, NULL, &error);
  g_assert_no_error (error);
  pf_assessment_set_pack (assessment, pack, &error);
  g_assert_no_error (error);
  determination = pf_determination_new (pack, assessment);
  expected = pf_determination_to_bytes (determination);
  g_assert_true (g_bytes_equal (expected, json->out_bytes));

  text = run_cli (fixture, "evaluate", path);
  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, pf_outcome_get_label (PF_OUTCOME_INCOMPLETE)));
  g_assert_nonnull (strstr (text->out, pf_determination_get_caveats (determination)[0]));

  /* Never overwrites. */
  before = read_file (path);
  exists = run_cli (fixture, "new", "-o", path);
  assert_failed (exists, "exists");
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  {
    g_autofree char *other = work_path (fixture, "other.preflight");
    g_autoptr(Result) bad_date = run_cli (fixture, "new", "-o", other, "--release-date", "2026-02-30");
    g_autoptr(Result) bad_pack = run_cli (fixture, "new", "-o", other, "--pack", "no-such-pack");
    g_autofree char *bogus = data_path ("bogus-type.pfpack.json");
    g_autoptr(Result) invalid_pack = run_cli (fixture, "new", "-o", other, "--pack", bogus);

    assert_failed (bad_date, "2026-02-30");
    assert_failed (bad_pack, "no-such-pack");
    assert_failed (invalid_pack, "sections[0].questions[0].type");
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* new --from: the next checkpoint starts from the earlier one's answers,
 * each to be reviewed, with the earlier one's pack. */
static void
test_new_from_previous (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *previous = new_mini_assessment (fixture, "previous.preflight");
  g_autofree char *next = work_path (fixture, "next.preflight");
  g_autofree char *other = work_path (fixture, "other.preflight");
  g_autofree char *missing = work_path (fixture, "missing.preflight");
  g_autoptr(Result) yes = run_cli (fixture, "answer", previous, "a.exploits", "yes");
  g_autoptr(Result) created = NULL;
  g_autoptr(Result) with_pack = NULL;
  g_autoptr(Result) no_previous = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *outcome = NULL;
  JsonObject *object;
  JsonObject *answer;

  g_assert_cmpint (yes->status, ==, 0);
  created = run_cli (fixture, "new", "-o", next, "--from", previous, "--model-version", "2");
  g_assert_cmpint (created->status, ==, 0);
  g_assert_nonnull (strstr (created->out, "Carried over 1 answer"));

  root = parse_json_file (next);
  object = json_node_get_object (root);
  g_assert_cmpstr (nested_string (object, "model", "name"), ==, "Test model");
  g_assert_cmpstr (nested_string (object, "model", "version"), ==, "2");
  g_assert_cmpstr (nested_string (object, "pack", "id"), ==, "cli-test");
  answer = json_object_get_object_member (json_object_get_object_member (object, "answers"),
                                          "a.exploits");
  g_assert_true (json_object_get_boolean_member (answer, "value"));
  g_assert_true (json_object_get_boolean_member (answer, "needs_review"));
  outcome = evaluate_outcome (fixture, next);
  g_assert_cmpstr (outcome, ==, "likely-covered");

  with_pack = run_cli (fixture, "new", "-o", other, "--from", previous, "--pack", "cli-test");
  assert_usage_error (with_pack);
  no_previous = run_cli (fixture, "new", "-o", other, "--from", missing);
  assert_failed (no_previous, "missing.preflight");
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* compare: what moved from one checkpoint's assessment to the next, in
 * words and as JSON; never writes either file. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *previous = new_mini_assessment (fixture, "previous.preflight");
  g_autofree char *next = work_path (fixture, "next.preflight");
  g_autofree char *other = work_path (fixture, "other.preflight");
  g_autoptr(Result) no = run_cli (fixture, "answer", previous, "a.exploits", "no");
  g_autoptr(Result) success = run_cli (fixture, "answer", previous, "a.success", "20");
  g_autoptr(Result) created = NULL;
  g_autoptr(Result) yes = NULL;
  g_autoptr(Result) same = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(GBytes) previous_before = NULL;
  g_autoptr(GBytes) next_before = NULL;
  g_autoptr(GBytes) previous_after = NULL;
  g_autoptr(GBytes) next_after = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *change;
  JsonArray *answers, *now_firing, *no_longer_firing;

  g_assert_cmpint (no->status, ==, 0);
  g_assert_cmpint (success->status, ==, 0);
  created = run_cli (fixture, "new", "-o", next, "--from", previous, "--model-version", "2");
  g_assert_cmpint (created->status, ==, 0);

  /* Carried over and only flagged for review: nothing to report. */
  same = run_cli (fixture, "compare", previous, next);
  g_assert_cmpint (same->status, ==, 0);
  g_assert_nonnull (strstr (same->out, "Previous: Test model 1: Likely not covered\n"));
  g_assert_nonnull (strstr (same->out, "Current: Test model 2: Likely not covered\n"));
  g_assert_nonnull (strstr (same->out, "The draft outcome is the same."));
  g_assert_nonnull (strstr (same->out, "No answer changed."));

  yes = run_cli (fixture, "answer", next, "a.exploits", "yes");
  g_assert_cmpint (yes->status, ==, 0);
  previous_before = read_file (previous);
  next_before = read_file (next);

  text = run_cli (fixture, "compare", previous, next);
  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Current: Test model 2: Likely covered\n"));
  g_assert_nonnull (strstr (text->out, "The draft outcome changed."));
  g_assert_nonnull (strstr (text->out, "1 answer changed:\n  • a.exploits: "));
  g_assert_nonnull (strstr (text->out, "    No → Yes\n"));
  g_assert_nonnull (strstr (text->out, "Indicators that fire now and did not before:\n"
                                       "  • exploit-dev: Unaided exploit development\n"));
  g_assert_null (strstr (text->out, "no longer fire"));

  json = run_cli (fixture, "compare", "--json", previous, next);
  g_assert_cmpint (json->status, ==, 0);
  root = parse_json (json->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "preflight-comparison/1");
  g_assert_cmpstr (json_object_get_string_member (object, "pack"), ==, "cli-test");
  g_assert_cmpstr (nested_string (object, "previous", "outcome"), ==, "likely-not-covered");
  g_assert_cmpstr (nested_string (object, "current", "outcome"), ==, "likely-covered");
  answers = json_object_get_array_member (object, "answers");
  g_assert_cmpuint (json_array_get_length (answers), ==, 1);
  change = json_array_get_object_element (answers, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "question"), ==, "a.exploits");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (change, "before"),
                                                  "value"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (change, "after"),
                                                 "value"));
  now_firing = json_object_get_array_member (object, "indicators_now_firing");
  g_assert_cmpuint (json_array_get_length (now_firing), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (now_firing, 0),
                                                  "id"), ==, "exploit-dev");
  no_longer_firing = json_object_get_array_member (object, "indicators_no_longer_firing");
  g_assert_cmpuint (json_array_get_length (no_longer_firing), ==, 0);

  /* Without PREVIOUS, the one NEXT was made from, found beside it. */
  {
    g_autoptr(Result) found = run_cli (fixture, "compare", next);
    g_autoptr(Result) none = run_cli (fixture, "compare", previous);

    g_assert_cmpint (found->status, ==, 0);
    g_assert_cmpstr (found->out, ==, text->out);
    assert_failed (none, "was not made from an earlier assessment");
  }

  /* The other way round, the indicator stops firing. */
  {
    g_autoptr(Result) reverse = run_cli (fixture, "compare", next, previous);

    g_assert_cmpint (reverse->status, ==, 0);
    g_assert_nonnull (strstr (reverse->out, "    Yes → No\n"));
    g_assert_nonnull (strstr (reverse->out,
                              "Indicators that no longer fire:\n  • exploit-dev: "));
  }

  {
    g_autoptr(Result) built_in = run_cli (fixture, "new", "-o", other, "--model", "Other");
    g_autoptr(Result) other_pack = NULL;
    g_autoptr(Result) none = run_cli (fixture, "compare");
    g_autoptr(Result) three = run_cli (fixture, "compare", previous, next, next);
    g_autoptr(Result) missing = run_cli (fixture, "compare", previous, "missing.preflight");

    g_assert_cmpint (built_in->status, ==, 0);
    other_pack = run_cli (fixture, "compare", previous, other);
    assert_failed (other_pack, "different criteria packs");
    g_assert_nonnull (strstr (other_pack->err, "cli-test"));
    assert_usage_error (none);
    assert_usage_error (three);
    assert_failed (missing, "missing.preflight");
  }

  previous_after = read_file (previous);
  next_after = read_file (next);
  g_assert_true (g_bytes_equal (previous_before, previous_after));
  g_assert_true (g_bytes_equal (next_before, next_after));

  /* Moved away, the earlier assessment is not found; the message says how
   * to name it. */
  {
    g_autofree char *moved = g_build_filename (g_get_user_cache_dir (), "previous.preflight", NULL);
    g_autoptr(Result) lost = NULL;

    g_assert_cmpint (g_rename (previous, moved), ==, 0);
    lost = run_cli (fixture, "compare", next);
    assert_failed (lost, "(model version 1) is not in");
    g_assert_nonnull (strstr (lost->err, "preflight-cli compare PREVIOUS CURRENT"));
  }
}

static void
test_answer (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *path = new_mini_assessment (fixture, "answer.preflight");
  g_autofree char *outcome = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answers;

  outcome = evaluate_outcome (fixture, path);
  g_assert_cmpstr (outcome, ==, "incomplete");

  {
    g_autoptr(Result) yes = run_cli (fixture, "answer", path, "a.exploits", "yes");

    g_assert_cmpint (yes->status, ==, 0);
    g_clear_pointer (&outcome, g_free);
    outcome = evaluate_outcome (fixture, path);
    g_assert_cmpstr (outcome, ==, "likely-covered");
  }

  /* Rejected values leave the file as it was. */
  before = read_file (path);
  {
    g_autoptr(Result) out_of_range = run_cli (fixture, "answer", path, "a.success", "150");
    g_autoptr(Result) not_number = run_cli (fixture, "answer", path, "a.success", "lots");
    g_autoptr(Result) bad_option = run_cli (fixture, "answer", path, "a.release", "telepathy");
    g_autoptr(Result) bad_question = run_cli (fixture, "answer", path, "a.nope", "1");
    /* "--" lets a value start with a dash: this reaches the range check. */
    g_autoptr(Result) negative = run_cli (fixture, "answer", path, "a.success", "--", "-5");
    g_autoptr(GBytes) after = NULL;

    assert_failed (out_of_range, "a.success");
    g_assert_nonnull (strstr (out_of_range->err, "100"));
    assert_failed (not_number, "a.success");
    assert_failed (bad_option, "a.release");
    g_assert_nonnull (strstr (bad_option->err, "api, open-weights"));
    assert_failed (bad_question, "a.nope");
    assert_failed (negative, "a.success");

    after = read_file (path);
    g_assert_true (g_bytes_equal (before, after));
  }

  {
    g_autoptr(Result) number = run_cli (fixture, "answer", path, "a.success", "42.5");
    g_autoptr(Result) unknown = run_cli (fixture, "answer", path, "a.exploits", "unknown");

    g_assert_cmpint (number->status, ==, 0);
    g_assert_cmpint (unknown->status, ==, 0);
  }

  root = parse_json_file (path);
  answers = json_object_get_object_member (json_node_get_object (root), "answers");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (answers, "a.success"),
                                                    "value"), ==, 42.5);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answers, "a.exploits"),
                                                  "state"), ==, "unknown");
  g_clear_pointer (&outcome, g_free);
  outcome = evaluate_outcome (fixture, path);
  g_assert_cmpstr (outcome, ==, "incomplete");
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = new_mini_assessment (fixture, "truncated.preflight");
  g_autoptr(GBytes) whole = read_file (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2, &error);
  g_assert_no_error (error);
  before = read_file (path);

  {
    g_autoptr(Result) evaluate = run_cli (fixture, "evaluate", path);
    g_autoptr(Result) answer = run_cli (fixture, "answer", path, "a.exploits", "no");
    g_autofree char *answers = work_path (fixture, "answers.json");
    g_autoptr(Result) import = NULL;

    write_file (answers, "{\"a.exploits\": false}");
    import = run_cli (fixture, "import-answers", path, answers);

    assert_failed (evaluate, "truncated.preflight");
    assert_failed (answer, NULL);
    assert_failed (import, NULL);
  }

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_import_answers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = new_mini_assessment (fixture, "import.preflight");
  g_autofree char *answers = work_path (fixture, "answers.json");
  g_autoptr(GBytes) before = read_file (path);
  g_autofree char *outcome = NULL;
  static const struct {
    const char *json;
    const char *named;
  } bad[] = {
    { "{\"a.exploits\": false, \"a.bogus\": 3}", "a.bogus" },
    { "{\"a.exploits\": false, \"a.success\": 150}", "a.success" },
    { "{\"a.success\": 20, \"a.exploits\": \"maybe\"}", "a.exploits" },
    { "{\"a.release\": \"telepathy\"}", "a.release" },
    { "[\"a.exploits\", true]", "answers.json" },
    { "{\"a.exploits\": fal", "answers.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Result) result = NULL;
      g_autoptr(GBytes) after = NULL;

      write_file (answers, bad[i].json);
      result = run_cli (fixture, "import-answers", path, answers);
      assert_failed (result, bad[i].named);
      after = read_file (path);
      g_assert_true (g_bytes_equal (before, after));
    }

  {
    g_autoptr(Result) good = NULL;
    g_autoptr(Result) text = NULL;

    write_file (answers, "{\"a.exploits\": false, \"a.success\": 20, \"a.release\": \"unknown\"}");
    good = run_cli (fixture, "import-answers", path, answers);
    g_assert_cmpint (good->status, ==, 0);
    outcome = evaluate_outcome (fixture, path);
    g_assert_cmpstr (outcome, ==, "likely-not-covered");

    text = run_cli (fixture, "evaluate", path);
    g_assert_cmpint (text->status, ==, 0);
    g_assert_null (strstr (text->out, "High success on held-out tasks"));
  }

  {
    g_autoptr(Result) more = NULL;
    g_autoptr(Result) text = NULL;

    write_file (answers, "{\"a.success\": 75}");
    more = run_cli (fixture, "import-answers", path, answers);
    g_assert_cmpint (more->status, ==, 0);
    g_clear_pointer (&outcome, g_free);
    outcome = evaluate_outcome (fixture, path);
    g_assert_cmpstr (outcome, ==, "borderline");

    /* The fired indicator, its reason, its placeholder status, its answers. */
    text = run_cli (fixture, "evaluate", path);
    g_assert_cmpint (text->status, ==, 0);
    g_assert_nonnull (strstr (text->out, "High success on held-out tasks"));
    g_assert_nonnull (strstr (text->out, "The success rate is at or above the cut-off."));
    g_assert_nonnull (strstr (text->out, "Placeholder: a draft rule that no public source fixes"));
    g_assert_nonnull (strstr (text->out, "a.success = "));
    g_assert_null (strstr (text->out, "Unaided exploit development"));
  }
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const char report[] = "Evaluation report: 3 of 40 tasks solved.\n";
  g_autofree char *path = new_mini_assessment (fixture, "attach.preflight");
  g_autofree char *evidence = work_path (fixture, "report.txt");
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, report, -1);
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(Result) before_json = NULL;
  g_autoptr(Result) after_json = NULL;
  g_autoptr(Result) attached = NULL;
  g_autoptr(JsonNode) before_root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *item;
  JsonArray *questions;
  gint64 answered_before, answered_after;

  write_file (evidence, report);
  before_json = run_cli (fixture, "evaluate", path, "--json");
  g_assert_cmpint (before_json->status, ==, 0);

  {
    g_autoptr(GBytes) before = read_file (path);
    g_autoptr(Result) bad_question = run_cli (fixture, "attach", path, evidence,
                                              "--question", "a.nope");
    g_autofree char *missing = work_path (fixture, "missing.pdf");
    g_autoptr(Result) missing_file = run_cli (fixture, "attach", path, missing);
    g_autoptr(GBytes) after = NULL;

    assert_failed (bad_question, "a.nope");
    assert_failed (missing_file, "missing.pdf");
    g_assert_nonnull (strstr (missing_file->err, "Could not attach"));
    after = read_file (path);
    g_assert_true (g_bytes_equal (before, after));
  }

  attached = run_cli (fixture, "attach", path, evidence, "--question", "a.report",
                      "--title", "Eval report", "--marking", "cci");
  g_assert_cmpint (attached->status, ==, 0);
  g_assert_true (pf_evidence_store_contains (store, sha256, strlen (report)));

  root = parse_json_file (path);
  item = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                      "evidence"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Eval report");
  g_assert_cmpstr (json_object_get_string_member (item, "sha256"), ==, sha256);
  g_assert_cmpint (json_object_get_int_member (item, "size"), ==, strlen (report));
  g_assert_cmpstr (json_object_get_string_member (item, "marking"), ==, "cci");
  g_assert_cmpstr (json_object_get_string_member (item, "original_name"), ==, "report.txt");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "media_type"), "text/"));
  questions = json_object_get_array_member (item, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (questions, 0), ==, "a.report");

  /* A file name that is not UTF-8 is recorded with U+FFFD in place of the
   * bad byte, and the assessment can still be read. */
  {
    g_autofree char *latin1 = work_path (fixture, "caf\xe9.txt");
    g_autoptr(Result) attached_latin1 = NULL;
    g_autoptr(JsonNode) again = NULL;
    JsonObject *second;

    write_file (latin1, "café\n");
    attached_latin1 = run_cli (fixture, "attach", path, latin1);
    g_assert_cmpint (attached_latin1->status, ==, 0);
    again = parse_json_file (path);
    second = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (again), "evidence"), 1);
    g_assert_cmpstr (json_object_get_string_member (second, "original_name"), ==,
                     "caf\xef\xbf\xbd.txt");
    g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "caf\xef\xbf\xbd.txt");
  }

  /* The evidence question now counts as answered (the new file links none). */
  after_json = run_cli (fixture, "evaluate", path, "--json");
  g_assert_cmpint (after_json->status, ==, 0);
  before_root = parse_json (before_json->out);
  after_root = parse_json (after_json->out);
  answered_before = json_object_get_int_member (
    json_object_get_object_member (json_node_get_object (before_root), "progress"), "answered");
  answered_after = json_object_get_int_member (
    json_object_get_object_member (json_node_get_object (after_root), "progress"), "answered");
  g_assert_cmpint (answered_after, ==, answered_before + 1);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *ics = work_path (fixture, "plan.ics");
  g_autofree char *ics2 = work_path (fixture, "plan2.ics");
  g_autoptr(Result) plain = run_cli (fixture, "timeline", "--release", "2026-10-01");
  g_autoptr(Result) first = NULL;
  g_autoptr(Result) second = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  g_assert_cmpint (plain->status, ==, 0);
  g_assert_nonnull (strstr (plain->out, "2026-08-02"));
  g_assert_nonnull (strstr (plain->out, "2026-09-01"));
  g_assert_nonnull (strstr (plain->out, "2026-10-01"));
  g_assert_true (strstr (plain->out, "2026-08-02") < strstr (plain->out, "2026-09-01"));

  /* Reproducible with SOURCE_DATE_EPOCH (2026-11-26T04:16:22Z). */
  fixture->envp = g_environ_setenv (fixture->envp, "SOURCE_DATE_EPOCH", "1795666582", TRUE);
  first = run_cli (fixture, "timeline", "--release", "2026-10-01", "--ics", ics);
  second = run_cli (fixture, "timeline", "--release", "2026-10-01", "--ics", ics2);
  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpint (second->status, ==, 0);
  a = read_file (ics);
  b = read_file (ics2);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpint (g_stat (ics, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = bytes_to_string (a);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20260901\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND;VALUE=DATE:20260902\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:20261126T041622Z\r\n"));

  {
    g_autoptr(Result) bad_date = run_cli (fixture, "timeline", "--release", "2026-02-30");
    g_autofree char *blocked = g_build_filename (ics, "inside.ics", NULL);
    g_autoptr(Result) bad_target = run_cli (fixture, "timeline", "--release", "2026-10-01",
                                            "--ics", blocked);

    assert_failed (bad_date, "2026-02-30");
    assert_failed (bad_target, "inside.ics");
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/cli/usage", test_usage);
  ADD ("/core/cli/validate-pack", test_validate_pack);
  ADD ("/core/cli/packs", test_packs);
  ADD ("/core/cli/new-evaluate", test_new_and_evaluate);
  ADD ("/core/cli/new-from-previous", test_new_from_previous);
  ADD ("/core/cli/compare", test_compare);
  ADD ("/core/cli/answer", test_answer);
  ADD ("/core/cli/truncated", test_truncated);
  ADD ("/core/cli/import-answers", test_import_answers);
  ADD ("/core/cli/attach", test_attach);
  ADD ("/core/cli/timeline", test_timeline);
#undef ADD

  return g_test_run ();
}
