/* test-limits.c: every limit on hostile input, fed an input just over it.
 *
 * The limits (also listed in the help's security page):
 * - criteria pack: 16 MiB, JSON nesting 128, expression nesting 32;
 * - assessment: 16 MiB, JSON nesting 128;
 * - answers file of `preflight-cli import-answers`: 16 MiB, JSON nesting 128;
 * - bundle: 10,000 entries, names of at most 255 bytes without NUL or
 *   control characters, 2 GiB per entry, 16 GiB in all, 16 MiB per
 *   document (manifest.json, SHA256SUMS, assessment.json), no entry
 *   inflating past its declared size, no entries sharing compressed data,
 *   compression ratio at most 1032 (DEFLATE's ceiling) above 1 MiB,
 *   manifest nesting 128;
 * - every JSON document above holds exactly one top-level value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pf-json-guard.h"
#include "preflight.h"

#define MIB (1024 * 1024)
#define HOSTILE_DEPTH 100000

/* @prefix, then @depth "[" and as many "]", then @suffix. */
static GBytes *
nested_bytes (const char *prefix,
              guint       depth,
              const char *suffix)
{
  GString *s = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, suffix);

  return g_string_free_to_bytes (s);
}

/* A file of @size bytes (sparse: nothing is written) in the test's folder. */
static GFile *
sparse_file (const char *name,
             goffset     size)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), size, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
test_json_guard (void)
{
  g_autoptr(GBytes) ok = nested_bytes ("", PF_JSON_GUARD_MAX_DEPTH, "");
  g_autoptr(GBytes) deep = nested_bytes ("\n\n", PF_JSON_GUARD_MAX_DEPTH + 1, "");
  const char *strings = "{\"a\": \"[[[[{{{{\\\"[[[[\", \"b\": [\"]]]]\"]}";
  const char *escaped_backslash = "[\"\\\\\", [[]]]";
  guint line = 0;

  g_assert_cmpint (pf_json_guard_scan (g_bytes_get_data (ok, NULL), g_bytes_get_size (ok),
                                       PF_JSON_GUARD_MAX_DEPTH, &line), ==, PF_JSON_GUARD_OK);
  g_assert_cmpint (pf_json_guard_scan (g_bytes_get_data (deep, NULL), g_bytes_get_size (deep),
                                       PF_JSON_GUARD_MAX_DEPTH, &line), ==, PF_JSON_GUARD_TOO_DEEP);
  g_assert_cmpuint (line, ==, 3);

  /* Brackets inside strings (escaped quotes included) do not count. */
  g_assert_cmpint (pf_json_guard_scan (strings, strlen (strings), 2, NULL), ==, PF_JSON_GUARD_OK);
  g_assert_cmpint (pf_json_guard_scan (strings, strlen (strings), 1, NULL), ==,
                   PF_JSON_GUARD_TOO_DEEP);
  /* "\\" ends with an escaped backslash, not an escaped quote. */
  g_assert_cmpint (pf_json_guard_scan (escaped_backslash, strlen (escaped_backslash), 3, NULL), ==,
                   PF_JSON_GUARD_OK);
  g_assert_cmpint (pf_json_guard_scan (escaped_backslash, strlen (escaped_backslash), 2, NULL), ==,
                   PF_JSON_GUARD_TOO_DEEP);
  /* Stray closing brackets do not lower the count below zero. */
  g_assert_cmpint (pf_json_guard_scan ("]]][[", 5, 1, NULL), ==, PF_JSON_GUARD_TOO_DEEP);
  g_assert_cmpint (pf_json_guard_scan ("]\n[[1]]", 7, 2, NULL), ==, PF_JSON_GUARD_OK);
  g_assert_cmpint (pf_json_guard_scan (NULL, 0, 1, NULL), ==, PF_JSON_GUARD_OK);
}

/* The NULL-terminated @good inputs pass the guard, the @others show
 * @problem, and so does @bad, on line @bad_line. */
static void
assert_guard (PfJsonGuardProblem  problem,
              const char * const *good,
              const char * const *others,
              const char         *bad,
              guint               bad_line)
{
  guint line = 0;

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_cmpint (pf_json_guard_scan (good[i], strlen (good[i]), PF_JSON_GUARD_MAX_DEPTH, NULL),
                     ==, PF_JSON_GUARD_OK);
  for (guint i = 0; others[i] != NULL; i++)
    g_assert_cmpint (pf_json_guard_scan (others[i], strlen (others[i]), PF_JSON_GUARD_MAX_DEPTH,
                                         NULL), ==, problem);
  g_assert_cmpint (pf_json_guard_scan (bad, strlen (bad), PF_JSON_GUARD_MAX_DEPTH, &line), ==,
                   problem);
  g_assert_cmpuint (line, ==, bad_line);
}

/* json-glib 1.6 takes the last of "{}{}" as the root and leaks the first
 * (found by fuzz-determination). */
static void
test_json_single (void)
{
  static const char * const single[] = {
    "", "  {}\n", "{\"a\": [1, {\"b\": \"}{\"}]}", "[] ", "\"x\"", "12", "true", NULL
  };
  static const char * const several[] = {
    "{}{}", "[1] [2]", "{}\n\n{\"a\": 1}", "\"a\" \"b\"", "1 2", "{} x", "true{}", NULL
  };
  g_autoptr(GBytes) pack = g_bytes_new_static ("{}\n{}", 5);
  g_autoptr(GBytes) assessment = g_bytes_new_static ("{\"format\": \"preflight-assessment/1\"}[]", 38);
  g_autoptr(PfCriteriaPack) loaded_pack = NULL;
  g_autoptr(PfAssessment) loaded_assessment = NULL;
  g_autoptr(GError) error = NULL;

  assert_guard (PF_JSON_GUARD_SEVERAL_DOCUMENTS, single, several, "{}\n\n{}", 3);

  loaded_pack = pf_criteria_pack_new_from_bytes (pack, "two.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_null (loaded_pack);
  g_clear_error (&error);

  loaded_assessment = pf_assessment_new_from_bytes (assessment, "two.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED);
  g_assert_null (loaded_assessment);
}

/* json-glib 1.6 reads 1e999 as infinity and writes it back as "inf.0",
 * which is not JSON: an assessment saved after loading one could never be
 * opened again (found by fuzz-assessment). Loaders refuse such numbers. */
static void
test_json_numbers (void)
{
  static const char * const fine[] = {
    "", "[1, -2.5, 1e308, -1.7976931348623157e308, 1e-999, 0]", "{\"a\": \"1e999\"}",
    "[\"\\\"1e999\"]", "{\"a\": true, \"b\": null}", NULL
  };
  g_autofree char *long_mantissa = g_strnfill (400, '9');
  const char * const too_large[] = {
    "1e999", "[1, -1e400]", "{\"a\": 2e308}", "[8e+24444444444444444444444]", long_mantissa, NULL
  };
  static const char pack_text[] = "{\n\"x\": 1e999}";
  static const char assessment_text[] = "{\"format\": \"preflight-assessment/1\",\n\n\"n\": 1e999}";
  g_autoptr(GBytes) pack = g_bytes_new_static (pack_text, strlen (pack_text));
  g_autoptr(GBytes) assessment = g_bytes_new_static (assessment_text, strlen (assessment_text));
  g_autoptr(PfCriteriaPack) loaded_pack = NULL;
  g_autoptr(PfAssessment) loaded_assessment = NULL;
  g_autoptr(GError) error = NULL;

  assert_guard (PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, fine, too_large, "[\n1,\n1e999]", 3);

  loaded_pack = pf_criteria_pack_new_from_bytes (pack, "inf.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 2: a number is too large"));
  g_assert_null (loaded_pack);
  g_clear_error (&error);

  loaded_assessment = pf_assessment_new_from_bytes (assessment, "inf.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "inf.preflight: line 3: a number is too large"));
  g_assert_null (loaded_assessment);
}

static void
test_pack_too_large (void)
{
  g_autofree char *big = g_malloc0 (16 * MIB + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = sparse_file ("huge.pfpack.json", 16 * MIB + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfCriteriaPack) from_file = NULL;

  memset (big, ' ', 16 * MIB + 1);
  bytes = g_bytes_new_take (g_steal_pointer (&big), 16 * MIB + 1);
  pack = pf_criteria_pack_new_from_bytes (bytes, "huge.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_null (pack);
  g_clear_error (&error);

  /* Refused from its size alone: the sparse file is never read. */
  from_file = pf_criteria_pack_new_from_file (file, NULL, &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_null (from_file);
  g_assert_nonnull (strstr (error->message, "16 MiB"));
}

static void
test_pack_too_deep (void)
{
  g_autoptr(GBytes) bytes = nested_bytes ("{\"format\": \"preflight-pack/1\", \"x\": ",
                                          HOSTILE_DEPTH, "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;

  /* Without the guard json-glib 1.6 overflows the stack here. */
  pack = pf_criteria_pack_new_from_bytes (bytes, "deep.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_null (pack);
  g_assert_nonnull (strstr (error->message, "deep.pfpack.json: line 1: "));
}

static void
test_expression_too_deep (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PfExpression) expression = NULL;
  g_autoptr(GError) error = NULL;

  /* 40 nested "not": within the JSON limit, beyond the expression limit. */
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "{\"not\": ");
  g_string_append (text, "{\"all\": []}");
  for (guint i = 0; i < 40; i++)
    g_string_append_c (text, '}');

  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  expression = pf_expression_parse (node, "indicators[0].when", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_null (expression);
}

static void
test_assessment_too_large (void)
{
  g_autofree char *big = g_malloc (16 * MIB + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = sparse_file ("huge.preflight", 16 * MIB + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfAssessment) from_file = NULL;

  memset (big, ' ', 16 * MIB + 1);
  bytes = g_bytes_new_take (g_steal_pointer (&big), 16 * MIB + 1);
  assessment = pf_assessment_new_from_bytes (bytes, "huge.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_null (assessment);
  g_clear_error (&error);

  from_file = pf_assessment_load (file, NULL, &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_null (from_file);
}

static void
test_assessment_too_deep (void)
{
  g_autoptr(GBytes) bytes =
    nested_bytes ("{\"format\": \"preflight-assessment/1\", \"extra\": ", HOSTILE_DEPTH, "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;

  assessment = pf_assessment_new_from_bytes (bytes, "deep.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_null (assessment);
}

/* The environment of a child process: the isolated folders of this test
 * (G_TEST_OPTION_ISOLATE_DIRS only changes what GLib returns in-process). */
static char **
child_environment (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  return envp;
}

static int
run_cli (char       **envp,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PREFLIGHT_CLI");
  int status = -1;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* preflight-cli import-answers refuses @answers_name holding @contents,
 * saying @message, and leaves the assessment as it was. */
static void
assert_answers_refused (const char *answers_name,
                        GBytes     *contents,
                        const char *message)
{
  g_auto(GStrv) envp = child_environment ();
  g_autofree char *assessment = g_build_filename (g_get_user_cache_dir (), "a.preflight", NULL);
  g_autofree char *answers = g_build_filename (g_get_user_cache_dir (), answers_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_cmpint (run_cli (envp, NULL, "new", "-o", assessment, "--model", "M", NULL), ==, 0);
  g_file_get_contents (assessment, &before, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (answers, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                       &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (envp, &err, "import-answers", assessment, answers, NULL), ==, 1);
  g_assert_nonnull (strstr (err, message));

  /* Nothing changed on disk. */
  g_file_get_contents (assessment, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
}

static void
test_answers_too_deep (void)
{
  g_autoptr(GBytes) deep = nested_bytes ("{\"a.release_type\": ", HOSTILE_DEPTH, "}");

  assert_answers_refused ("deep.json", deep, "nests deeper than 128 levels");
}

/* A number beyond a double would be read as infinity. */
static void
test_answers_too_large (void)
{
  static const char answers[] = "{\"b.training_flop\": 1e999}";
  g_autoptr(GBytes) contents = g_bytes_new_static (answers, strlen (answers));

  assert_answers_refused ("inf.json", contents, "inf.json: line 1: a number is too large to store");
}

/* json-glib 1.6 turns escapes JSON does not have (octal \\256) and half of
 * a surrogate pair into bytes that are not UTF-8, and writes them back so:
 * the saved file could not be read again (found by fuzz-assessment).
 * Loaders refuse such escapes; JSON's own, and whole pairs, are text. */
static void
test_json_escapes (void)
{
  static const char * const text[] = {
    "", "[\"\\ud83d\\ude00\", \"\\u00e9\\u0041\"]", "\"\\\\ud800\"", "{\"\\n\\\"\": 1}",
    "[\"ud800\"]", "\"\\ud83d\\ude00\\ud83d\\ude00\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "256", NULL
  };
  static const char * const not_text[] = {
    "\"\\ud800\"", "\"\\udc00\"", "\"x\\uDBFFy\"", "\"\\ud800\\u0041\"", "\"\\ude00\\ud83d\"",
    "{\"\\ud800\": 1}", "\"sh\\256\"", "\"\\x41\"", "\"\\u12zz\"", "\"\\a\"", "\"end\\", "\"a\\u0000b\"", NULL
  };
  static const char pack_text[] = "{\n\"x\": \"\\ud800\"}";
  static const char assessment_text[] = "{\"format\": \"preflight-assessment/1\",\n\n"
                                        "\"n\": \"M\\udc00x\"}";
  static const char answers_text[] = "{\"a.checkpoint_hash\": \"\\ud800\"}";
  g_autoptr(GBytes) pack = g_bytes_new_static (pack_text, strlen (pack_text));
  g_autoptr(GBytes) assessment = g_bytes_new_static (assessment_text, strlen (assessment_text));
  g_autoptr(GBytes) answers = g_bytes_new_static (answers_text, strlen (answers_text));
  g_autoptr(PfCriteriaPack) loaded_pack = NULL;
  g_autoptr(PfAssessment) loaded_assessment = NULL;
  g_autoptr(GError) error = NULL;

  assert_guard (PF_JSON_GUARD_BAD_ESCAPE, text, not_text,
                "[\n\"\\ud83d\\ude00\",\n\"\\udfff\"]", 3);

  loaded_pack = pf_criteria_pack_new_from_bytes (pack, "half.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 2: a string holds an escape that does not make text"));
  g_assert_null (loaded_pack);
  g_clear_error (&error);

  loaded_assessment = pf_assessment_new_from_bytes (assessment, "half.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "half.preflight: line 3: a string holds an escape that does not"));
  g_assert_null (loaded_assessment);

  assert_answers_refused ("half.json", answers, "half.json: line 1: a string holds an escape that does not");
}

/* The scan parses only number tokens that could overflow a double: those
 * with an exponent or longer than 308 bytes. Around that bound, and past
 * the size it parses on the stack (512 bytes), tokens are judged as
 * g_ascii_strtod() reads them. */
static void
test_json_long_numbers (void)
{
  g_autofree char *nines_308 = g_strnfill (308, '9');
  g_autofree char *nines_309 = g_strnfill (309, '9');
  g_autofree char *nines_400 = g_strnfill (400, '9');
  g_autofree char *zeros_399 = g_strnfill (399, '0');
  g_autofree char *zeros_599 = g_strnfill (599, '0');
  /* 10^399 × 10^-400 and 10^599 × 10^-600: 0.1. */
  g_autofree char *tenth_400 = g_strconcat ("1", zeros_399, "e-400", NULL);
  g_autofree char *tenth_600 = g_strconcat ("[-1", zeros_599, "e-600]", NULL);
  /* 10^399 × 10^-90 = 10^309, negative exponent notwithstanding. */
  g_autofree char *too_large_400 = g_strconcat ("1", zeros_399, "e-90", NULL);
  g_autofree char *fraction = g_strconcat ("[0.", nines_400, "e308]", NULL);
  g_autofree char *late_point = g_strconcat (nines_308, ".5", NULL);
  g_autofree char *too_large_600 = g_strconcat ("[\n-1", zeros_599, "]", NULL);
  const char * const fits[] = {
    nines_308, tenth_400, tenth_600, fraction, late_point, NULL
  };
  const char * const too_large[] = {
    nines_309, nines_400, too_large_400, "1E999", "[-8E+400]", NULL
  };

  assert_guard (PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, fits, too_large, too_large_600, 2);
}

/* One scan looks for every problem: it reports the first in the file,
 * whatever its kind, on its line. */
static void
test_json_first_problem (void)
{
  static const struct {
    const char         *text;
    PfJsonGuardProblem  problem;
    guint               line;
  } cases[] = {
    { "{\"a\":\n[[[1]]]}", PF_JSON_GUARD_TOO_DEEP, 2 },
    { "{}\n\n\"x\"", PF_JSON_GUARD_SEVERAL_DOCUMENTS, 3 },
    { "[1,\n\n\n-2e400]", PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, 4 },
    { "[\"a\",\n\"b\\u0000\"]", PF_JSON_GUARD_BAD_ESCAPE, 2 },
    { "[\"\\ud800\",\n1e999]", PF_JSON_GUARD_BAD_ESCAPE, 1 },
    { "[\n1e999,\n\"\\ud800\"]", PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, 2 },
    { "{\"a\":\n[[[\n\"\\256\"]]]}", PF_JSON_GUARD_TOO_DEEP, 2 },
    { "{\"a\":\n\"\\256\",\n\"b\": [[[1]]]}", PF_JSON_GUARD_BAD_ESCAPE, 2 },
    { "{}\n[[[[]]]]", PF_JSON_GUARD_SEVERAL_DOCUMENTS, 2 },
    { "[[[[]]]]\n{}", PF_JSON_GUARD_TOO_DEEP, 1 },
    { "[1e999]\n{}", PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, 1 },
    { "{\"a\": 1}\n\n\"\\x\"", PF_JSON_GUARD_SEVERAL_DOCUMENTS, 3 },
    /* Both start at the same byte: the enum's order decides. */
    { "{}\n1e999", PF_JSON_GUARD_SEVERAL_DOCUMENTS, 2 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint line = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (pf_json_guard_scan (cases[i].text, strlen (cases[i].text), 3, &line), ==,
                       cases[i].problem);
      g_assert_cmpuint (line, ==, cases[i].line);
    }
}

/* A big document with everything the scan tracks (strings with brackets,
 * quotes, escapes and pairs in them, numbers with exponents), 4,003 lines,
 * with arrays and objects nesting @depth deep on the last line. */
static GString *
big_document (guint depth)
{
  GString *text = g_string_new ("{\"items\": [\n");

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "%s{\"id\": %u, \"x\": -%u.25e-3, "
                            "\"max\": 1.7976931348623157e308, \"text\": \"a [{ \\\"q\\\" }] \\\\ \\/ \\u00e9 \\ud83d\\ude00\\n\", "
                            "\"list\": [true, false, null, [[[%u]]]]}\n",
                            i > 0 ? "," : "", i, i, i);
  g_string_append (text, "],\n\"deep\": ");
  /* The root object is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  g_string_append (text, "1e300");
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");

  return text;
}

/* A big valid document passes the scan, as it passes json-glib; one level
 * deeper, it does not. */
static void
test_json_big_valid (void)
{
  g_autoptr(GString) valid = big_document (PF_JSON_GUARD_MAX_DEPTH);
  g_autoptr(GString) deep = big_document (PF_JSON_GUARD_MAX_DEPTH + 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint line = 0;

  json_parser_load_from_data (parser, valid->str, valid->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_json_guard_scan (valid->str, valid->len, PF_JSON_GUARD_MAX_DEPTH, &line), ==,
                   PF_JSON_GUARD_OK);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpint (pf_json_guard_scan (deep->str, deep->len, PF_JSON_GUARD_MAX_DEPTH, &line), ==,
                   PF_JSON_GUARD_TOO_DEEP);
  g_assert_cmpuint (line, ==, 4003);
}

/* A ZIP written byte by byte, so that a test can declare sizes it does not
 * hold, use names libarchive's writer would refuse, and point entries at
 * shared data. Stored or deflated entries. */
typedef struct {
  GByteArray *local;
  GByteArray *central;
  guint       n_entries;
} Zip;

static guint32
crc32_of (const guint8 *data,
          gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return ~crc;
}

static void
put16 (GByteArray *out,
       guint16     value)
{
  guint8 b[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

/* Raw DEFLATE (no zlib header), as in a ZIP entry, at the densest level. */
static GByteArray *
deflate_raw (const guint8 *data,
             gsize         len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9);
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  gsize read_total = 0;
  GConverterResult result;

  do
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      result = g_converter_convert (G_CONVERTER (compressor), data + read_total,
                                    len - read_total, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written,
                                    &error);
      g_assert_no_error (error);
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
    }
  while (result != G_CONVERTER_FINISHED);

  return out;
}

/* A local file header; @size is the uncompressed size it declares. */
static void
put_local_header (GByteArray *out,
                  const char *name,
                  gsize       name_len,
                  guint16     method,
                  guint32     crc,
                  guint32     compressed_size,
                  guint32     size)
{
  put32 (out, 0x04034b50);
  put16 (out, 20);           /* version needed */
  put16 (out, 0x0800);       /* UTF-8 names */
  put16 (out, method);
  put16 (out, 0);            /* time */
  put16 (out, 0x5b21);       /* date: 2025-09-01 */
  put32 (out, crc);
  put32 (out, compressed_size);
  put32 (out, size);
  put16 (out, name_len);
  put16 (out, 0);
  g_byte_array_append (out, (const guint8 *) name, name_len);
}

static Zip *
zip_new (void)
{
  Zip *zip = g_new0 (Zip, 1);

  zip->local = g_byte_array_new ();
  zip->central = g_byte_array_new ();
  return zip;
}

/* A central directory record for the entry whose local header is at
 * @offset (which may lie inside another entry's data). */
static void
zip_add_central (Zip        *zip,
                 const char *name,
                 gsize       name_len,
                 guint16     method,
                 guint32     crc,
                 guint32     compressed_size,
                 guint32     size,
                 guint32     offset)
{
  put32 (zip->central, 0x02014b50);
  put16 (zip->central, (3 << 8) | 20);  /* made by Unix */
  put16 (zip->central, 20);
  put16 (zip->central, 0x0800);
  put16 (zip->central, method);
  put16 (zip->central, 0);
  put16 (zip->central, 0x5b21);
  put32 (zip->central, crc);
  put32 (zip->central, compressed_size);
  put32 (zip->central, size);
  put16 (zip->central, name_len);
  put16 (zip->central, 0);          /* extra */
  put16 (zip->central, 0);          /* comment */
  put16 (zip->central, 0);          /* disk */
  put16 (zip->central, 0);          /* internal attributes */
  put32 (zip->central, 0100644u << 16);
  put32 (zip->central, offset);
  g_byte_array_append (zip->central, (const guint8 *) name, name_len);

  zip->n_entries++;
}

/* An entry whose data is @compressed as it is in the file (stored when
 * @method is 0, deflated when 8); @crc and @size are what the headers
 * declare of the uncompressed data. */
static void
zip_add_compressed (Zip          *zip,
                    const char   *name,
                    guint16       method,
                    const guint8 *compressed,
                    gsize         compressed_len,
                    guint32       crc,
                    guint32       size)
{
  guint32 offset = zip->local->len;

  put_local_header (zip->local, name, strlen (name), method, crc, compressed_len, size);
  g_byte_array_append (zip->local, compressed, compressed_len);
  zip_add_central (zip, name, strlen (name), method, crc, compressed_len, size, offset);
}

/* A stored entry. @declared_size: the uncompressed size the headers claim
 * (the real length of @data when 0). */
static void
zip_add (Zip        *zip,
         const char *name,
         gsize       name_len,
         const char *data,
         guint32     declared_size)
{
  gsize len = data != NULL ? strlen (data) : 0;
  guint32 crc = crc32_of ((const guint8 *) data, len);
  guint32 offset = zip->local->len;
  guint32 size = declared_size != 0 ? declared_size : len;

  put_local_header (zip->local, name, name_len, 0, crc, len, size);
  g_byte_array_append (zip->local, (const guint8 *) data, len);
  zip_add_central (zip, name, name_len, 0, crc, len, size, offset);
}

/* Writes the ZIP to the test's folder and frees @zip. */
static char *
zip_finish (Zip        *zip,
            const char *file_name)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), file_name, NULL);
  g_autoptr(GError) error = NULL;
  guint32 central_offset = zip->local->len;

  put32 (zip->central, 0x06054b50);
  put16 (zip->central, 0);
  put16 (zip->central, 0);
  put16 (zip->central, zip->n_entries);
  put16 (zip->central, zip->n_entries);
  put32 (zip->central, zip->central->len - 4 * 2 - 2 * 2);
  put32 (zip->central, central_offset);
  put16 (zip->central, 0);
  g_byte_array_append (zip->local, zip->central->data, zip->central->len);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, (const char *) zip->local->data, zip->local->len, &error);
  g_assert_no_error (error);

  g_byte_array_unref (zip->local);
  g_byte_array_unref (zip->central);
  g_free (zip);
  return g_steal_pointer (&path);
}

static void
assert_bundle_refused (const char *path,
                       int         code,
                       const char *message_part)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (pf_bundle_reader_verify (reader, NULL, &error));
  g_assert_error (error, PF_BUNDLE_ERROR, code);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_bundle_name_nul (void)
{
  static const char name[] = "evidence/a.txt\0/../../../etc/passwd";
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  /* libarchive would cut the name at the NUL and see "evidence/a.txt". */
  zip_add (zip, name, sizeof name - 1, "x", 0);
  path = zip_finish (zip, "nul.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_UNSAFE_PATH, "NUL");
}

static void
test_bundle_name_control (void)
{
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  zip_add (zip, "evidence/a\x1b[2Jb.txt", strlen ("evidence/a\x1b[2Jb.txt"), "x", 0);
  path = zip_finish (zip, "control.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_UNSAFE_PATH, "control character");
}

static void
test_bundle_name_long (void)
{
  g_autofree char *stem = g_strnfill (PF_BUNDLE_MAX_NAME_LENGTH - strlen ("evidence/") + 1, 'a');
  g_autofree char *name = g_strconcat ("evidence/", stem, NULL);
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  g_assert_cmpuint (strlen (name), ==, PF_BUNDLE_MAX_NAME_LENGTH + 1);
  zip_add (zip, name, strlen (name), "x", 0);
  path = zip_finish (zip, "long.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_UNSAFE_PATH, "255 bytes");
}

static void
test_bundle_entries (void)
{
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  for (guint i = 0; i <= PF_BUNDLE_MAX_ENTRIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("evidence/%05u.txt", i);

      zip_add (zip, name, strlen (name), NULL, 0);
    }
  path = zip_finish (zip, "many.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_TOO_LARGE, "10001 entries");
}

static void
test_bundle_total_size (void)
{
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  /* Each under the 2 GiB entry limit, 18 GiB together. */
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("evidence/part-%u.bin", i);

      zip_add (zip, name, strlen (name), "x", 0x7fffffff);
    }
  path = zip_finish (zip, "total.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_TOO_LARGE, "together");
}

static void
test_bundle_document_size (void)
{
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  zip_add (zip, "manifest.json", strlen ("manifest.json"), "{}", 16 * MIB + 1);
  path = zip_finish (zip, "document.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_TOO_LARGE, "manifest.json");
}

static void
test_bundle_past_declared_size (void)
{
  g_autofree guint8 *zeros = g_malloc0 (4 * MIB);
  g_autoptr(GByteArray) deflated = deflate_raw (zeros, 4 * MIB);
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  /* Headers that undersell the data: every declared size is within the
   * limits, the stream is not. The CRC is the real one, so only the size
   * can tell. */
  zip_add_compressed (zip, "evidence/disk.img", 8, deflated->data, deflated->len,
                      crc32_of (zeros, 4 * MIB), MIB);
  path = zip_finish (zip, "past-declared.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_SIZE_MISMATCH,
                         "“evidence/disk.img” inflates to more than the 1048576 bytes its ZIP "
                         "header declares");
}

static void
test_bundle_overlapping_entries (void)
{
  static const char a_name[] = "evidence/a.bin";
  static const char b_name[] = "evidence/b.bin";
  g_autofree guint8 *zeros = g_malloc0 (MIB);
  g_autoptr(GByteArray) kernel = deflate_raw (zeros, MIB);
  g_autoptr(GByteArray) b_header = g_byte_array_new ();
  g_autoptr(GByteArray) a_data = g_byte_array_new ();
  g_autoptr(GByteArray) a_plain = g_byte_array_new ();
  guint32 zeros_crc = crc32_of (zeros, MIB);
  guint8 stored_block[5];
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  /* Fifield's non-recursive bomb in small: entry a's DEFLATE stream is a
   * stored block quoting entry b's local header, then the kernel; entry b
   * is that header followed by the same kernel. Both CRCs and sizes are
   * right, each ratio is honest: only the overlap gives it away. */
  put_local_header (b_header, b_name, strlen (b_name), 8, zeros_crc, kernel->len, MIB);
  stored_block[0] = 0;  /* not final, stored */
  stored_block[1] = b_header->len & 0xff;
  stored_block[2] = b_header->len >> 8;
  stored_block[3] = ~stored_block[1];
  stored_block[4] = ~stored_block[2];
  g_byte_array_append (a_data, stored_block, sizeof stored_block);
  g_byte_array_append (a_data, b_header->data, b_header->len);
  g_byte_array_append (a_data, kernel->data, kernel->len);
  g_byte_array_append (a_plain, b_header->data, b_header->len);
  g_byte_array_append (a_plain, zeros, MIB);

  zip_add_compressed (zip, a_name, 8, a_data->data, a_data->len,
                      crc32_of (a_plain->data, a_plain->len), a_plain->len);
  zip_add_central (zip, b_name, strlen (b_name), 8, zeros_crc, kernel->len, MIB,
                   30 + strlen (a_name) + sizeof stored_block);
  path = zip_finish (zip, "overlap.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_SUSPICIOUS_RATIO,
                         "“evidence/b.bin” overlaps entry “evidence/a.bin”");
}

static void
test_bundle_ratio (void)
{
  g_autofree char *bzip2 = g_test_build_filename (G_TEST_DIST, "data", "bundle",
                                                  "bzip2-zeros.zip", NULL);
  g_autofree guint8 *zeros = g_malloc0 (16 * MIB);
  g_autoptr(GByteArray) deflated = deflate_raw (zeros, 16 * MIB);
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  /* DEFLATE at its densest stays under the limit: the entry gets past the
   * zip-bomb checks and the ZIP is refused only for lacking a manifest. */
  g_assert_cmpuint (16 * MIB / deflated->len, >, 1000);
  zip_add_compressed (zip, "evidence/zeros.bin", 8, deflated->data, deflated->len,
                      crc32_of (zeros, 16 * MIB), 16 * MIB);
  path = zip_finish (zip, "deflate-zeros.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_NOT_A_BUNDLE, "no manifest.json");

  /* The same 16 MiB of zeros as bzip2 (Python's zipfile, ZIP_BZIP2): 179
   * bytes, far denser than DEFLATE can be, so nothing Preflight writes. */
  assert_bundle_refused (bzip2, PF_BUNDLE_ERROR_SUSPICIOUS_RATIO,
                         "“evidence/zeros.bin” inflates more than 1032 times");
}

static void
test_bundle_manifest_too_deep (void)
{
  g_autoptr(GBytes) deep = nested_bytes ("{\"format\": \"preflight-bundle/1\", \"x\": ",
                                         HOSTILE_DEPTH, "}");
  g_autofree char *text = g_strndup (g_bytes_get_data (deep, NULL), g_bytes_get_size (deep));
  Zip *zip = zip_new ();
  g_autofree char *path = NULL;

  zip_add (zip, "manifest.json", strlen ("manifest.json"), text, 0);
  path = zip_finish (zip, "deep.zip");
  assert_bundle_refused (path, PF_BUNDLE_ERROR_MALFORMED_MANIFEST, "nests deeper than 128");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/limits/json-guard", test_json_guard);
  g_test_add_func ("/core/limits/json-single", test_json_single);
  g_test_add_func ("/core/limits/json-numbers", test_json_numbers);
  g_test_add_func ("/core/limits/json-escapes", test_json_escapes);
  g_test_add_func ("/core/limits/json-long-numbers", test_json_long_numbers);
  g_test_add_func ("/core/limits/json-first-problem", test_json_first_problem);
  g_test_add_func ("/core/limits/json-big-valid", test_json_big_valid);
  g_test_add_func ("/core/limits/pack-too-large", test_pack_too_large);
  g_test_add_func ("/core/limits/pack-too-deep", test_pack_too_deep);
  g_test_add_func ("/core/limits/expression-too-deep", test_expression_too_deep);
  g_test_add_func ("/core/limits/assessment-too-large", test_assessment_too_large);
  g_test_add_func ("/core/limits/assessment-too-deep", test_assessment_too_deep);
  g_test_add_func ("/core/limits/answers-too-deep", test_answers_too_deep);
  g_test_add_func ("/core/limits/answers-too-large", test_answers_too_large);
  g_test_add_func ("/core/limits/bundle-name-nul", test_bundle_name_nul);
  g_test_add_func ("/core/limits/bundle-name-control", test_bundle_name_control);
  g_test_add_func ("/core/limits/bundle-name-long", test_bundle_name_long);
  g_test_add_func ("/core/limits/bundle-entries", test_bundle_entries);
  g_test_add_func ("/core/limits/bundle-total-size", test_bundle_total_size);
  g_test_add_func ("/core/limits/bundle-document-size", test_bundle_document_size);
  g_test_add_func ("/core/limits/bundle-past-declared-size", test_bundle_past_declared_size);
  g_test_add_func ("/core/limits/bundle-overlapping-entries", test_bundle_overlapping_entries);
  g_test_add_func ("/core/limits/bundle-ratio", test_bundle_ratio);
  g_test_add_func ("/core/limits/bundle-manifest-too-deep", test_bundle_manifest_too_deep);

  return g_test_run ();
}
