/* test-ui-export.c: the Export page exports a bundle that verifies, cancels
 * without leaving a file, and submits to a loopback server only after the
 * confirmation; the start view imports a bundle back into an equal
 * assessment; the Review page lists the receipt. All of it goes through the
 * preflight-transfer module, as in the app; without the module, export and
 * import say so and write nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define _GNU_SOURCE
#include <string.h>

#include <libsoup/soup.h>

#include "pf-application.h"
#include "pf-export-page.h"
#include "pf-preferences-window.h"
#include "pf-review-page.h"
#include "pf-session.h"
#include "pf-start-view.h"
#include "pf-transfer.h"
#include "pf-ui-test.h"
#include "pf-window.h"

static PfApplication *app;

static guint
count_children (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = NULL;
  guint n = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) || info == NULL)
        break;
      n++;
    }

  return n;
}

/* The message dialog on screen, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* What a click on a response's button does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
page_idle (gpointer data)
{
  return !pf_export_page_get_busy (data);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* An assessment of the built-in pack with one answer and one evidence file,
 * saved in the assessments folder, open in a session. */
typedef struct
{
  GFile        *dir;        /* a scratch folder for bundles */
  PfAssessment *assessment;
  PfSession    *session;
  GtkWindow    *window;
  GtkWidget    *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  PfCriteriaPack *pack = pf_pack_catalog_lookup (pf_application_get_pack_catalog (app),
                                                 PF_BUILTIN_PACK_ID, NULL, NULL);
  PfEvidenceStore *store = pf_application_get_evidence_store (app);
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  g_autoptr(GFile) assessments = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GPtrArray *questions;

  g_assert_nonnull (pack);
  tmp = g_dir_make_tmp ("test-ui-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_file_new_for_path (tmp);

  fixture->assessment = pf_assessment_new (pack);
  pf_assessment_set_model_name (fixture->assessment, "Falcon");
  pf_assessment_set_model_version (fixture->assessment, "2.1");
  pf_assessment_set_marking (fixture->assessment, PF_MARKING_CCI);

  questions = pf_criteria_pack_get_questions (pack);
  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);

      if (pf_question_get_question_type (question) == PF_QUESTION_BOOLEAN
          && pf_question_get_visible_if (question) == NULL)
        {
          g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), FALSE);

          pf_assessment_set_value (fixture->assessment, pf_question_get_id (question), value, &error);
          g_assert_no_error (error);
          break;
        }
    }

  /* Unique content per test: the store is shared by the whole run. */
  text = g_strdup_printf ("Evaluation log of %s\n", pf_assessment_get_id (fixture->assessment));
  evidence = g_file_get_child (fixture->dir, "eval-log.txt");
  g_file_replace_contents (evidence, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  item->sha256 = pf_evidence_store_add_file (store, evidence, &item->size, NULL, &error);
  g_assert_no_error (error);
  item->id = g_uuid_string_random ();
  item->title = g_strdup ("Evaluation log");
  item->media_type = g_strdup ("text/plain");
  item->original_name = g_strdup ("eval-log.txt");
  item->added = g_strdup ("2026-07-01T10:00:00Z");
  pf_assessment_put_evidence (fixture->assessment, item);

  name = g_strconcat (pf_assessment_get_id (fixture->assessment), ".preflight", NULL);
  file = g_file_get_child (assessments, name);
  pf_assessment_save (fixture->assessment, file, &error);
  g_assert_no_error (error);
  fixture->session = pf_session_new (fixture->assessment, file, store);

  fixture->page = pf_export_page_new (fixture->session);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  pf_page_shown (PF_PAGE (fixture->page));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fixture->window);
  pf_session_flush (fixture->session, &error);
  g_assert_no_error (error);

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->assessment);
  pf_ui_test_remove_tree (fixture->dir);
  g_clear_object (&fixture->dir);
  drain ();
}

static GFile *
export_bundle (Fixture *fixture)
{
  g_autoptr(GFile) bundle = g_file_get_child (fixture->dir, "falcon.preflight-bundle.zip");

  pf_export_page_export_to (PF_EXPORT_PAGE (fixture->page), bundle);
  g_assert_true (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  pf_ui_test_wait_until (page_idle, fixture->page, 30);
  g_assert_null (find_dialog ());

  return g_steal_pointer (&bundle);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_export_verifies (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) bundle = export_bundle (fixture);
  g_autoptr(GError) error = NULL;
  const PfTransferFunctions *transfer = pf_transfer_get (&error);
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GtkWidget *row;
  JsonObject *manifest;

  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (bundle, NULL));
  g_assert_true (g_file_equal (pf_export_page_get_exported_file (PF_EXPORT_PAGE (fixture->page)),
                               bundle));

  reader = transfer->bundle_reader_new (bundle);
  transfer->bundle_reader_verify_async (reader, NULL, NULL, NULL, on_result, &result);
  pf_ui_test_wait_until (has_result, &result, 30);
  g_assert_true (transfer->bundle_reader_verify_finish (reader, result, &error));
  g_assert_no_error (error);
  manifest = json_node_get_object (transfer->bundle_reader_get_manifest (reader));
  /* The marking chosen on the page is the bundle's. */
  g_assert_cmpstr (json_object_get_string_member (manifest, "marking"), ==,
                   pf_marking_to_string (PF_MARKING_CCI));

  row = pf_ui_test_find_row (fixture->page, "Bundle exported and verified");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, g_file_peek_path (bundle));
}

static void
test_marking_row (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (pf_ui_test_find_row (fixture->page, "Marking"));

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, PF_MARKING_CCI);
  adw_combo_row_set_selected (row, PF_MARKING_PCII);
  g_assert_cmpint (pf_assessment_get_marking (fixture->assessment), ==, PF_MARKING_PCII);
}

static void
test_missing_evidence_warned (Fixture       *fixture,
                              gconstpointer  data)
{
  PfEvidenceStore *store = pf_session_get_evidence_store (fixture->session);
  const PfEvidenceItem *item = g_ptr_array_index (pf_assessment_get_evidence (fixture->assessment), 0);
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (store, item->sha256);
  g_autoptr(GFile) bundle = g_file_get_child (fixture->dir, "missing.zip");
  g_autoptr(GError) error = NULL;

  g_assert_null (pf_ui_test_find_row (fixture->page, "1 evidence file is missing"));
  g_file_delete (blob, NULL, &error);
  g_assert_no_error (error);
  pf_page_shown (PF_PAGE (fixture->page));
  g_assert_nonnull (pf_ui_test_find_row (fixture->page, "1 evidence file is missing"));

  /* The export fails, says so in a dialog and leaves nothing. */
  pf_export_page_export_to (PF_EXPORT_PAGE (fixture->page), bundle);
  pf_ui_test_wait_until (page_idle, fixture->page, 30);
  g_assert_nonnull (find_dialog ());
  g_assert_false (g_file_query_exists (bundle, NULL));
  g_assert_null (pf_export_page_get_exported_file (PF_EXPORT_PAGE (fixture->page)));
}

static void
test_cancel_leaves_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) bundle = g_file_get_child (fixture->dir, "cancelled.zip");
  g_autoptr(GFile) evidence = g_file_get_child (fixture->dir, "eval-log.txt");

  /* Only the evidence source is in the folder before. */
  g_file_delete (evidence, NULL, NULL);
  g_assert_cmpuint (count_children (fixture->dir), ==, 0);

  pf_export_page_export_to (PF_EXPORT_PAGE (fixture->page), bundle);
  g_assert_true (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  gtk_widget_activate_action (fixture->page, "export.cancel", NULL);
  pf_ui_test_wait_until (page_idle, fixture->page, 30);

  g_assert_null (find_dialog ());
  g_assert_false (g_file_query_exists (bundle, NULL));
  g_assert_cmpuint (count_children (fixture->dir), ==, 0);
  g_assert_null (pf_export_page_get_exported_file (PF_EXPORT_PAGE (fixture->page)));
}

static gboolean
window_has_session (gpointer data)
{
  return pf_window_get_session (data) != NULL;
}

static void
test_import_restores (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) bundle = export_bundle (fixture);
  g_autoptr(GBytes) original = pf_assessment_to_bytes (fixture->assessment);
  g_autoptr(GBytes) restored = NULL;
  PfEvidenceStore *store = pf_session_get_evidence_store (fixture->session);
  const PfEvidenceItem *item = g_ptr_array_index (pf_assessment_get_evidence (fixture->assessment), 0);
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (store, item->sha256);
  g_autoptr(GFile) file = g_object_ref (pf_session_get_file (fixture->session));
  g_autoptr(GError) error = NULL;
  PfWindow *window;
  PfStartView *start_view;
  PfSession *session;
  AdwMessageDialog *dialog;
  guint n_before;

  /* Gone from this computer: only the bundle has it now. */
  pf_session_flush (fixture->session, &error);
  g_assert_no_error (error);
  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (blob, NULL, &error);
  g_assert_no_error (error);

  window = pf_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  start_view = PF_START_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW));
  g_assert_nonnull (start_view);
  n_before = g_list_model_get_n_items (pf_start_view_get_assessments (start_view));

  pf_start_view_import_bundle (start_view, bundle);
  pf_ui_test_wait_until (window_has_session, window, 30);

  session = pf_window_get_session (window);
  g_assert_true (g_file_equal (pf_session_get_file (session), file));
  restored = pf_assessment_to_bytes (pf_session_get_assessment (session));
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                   g_bytes_get_data (restored, NULL), g_bytes_get_size (restored));
  g_assert_true (pf_evidence_store_contains (store, item->sha256, item->size));
  g_assert_null (find_dialog ());

  /* A second import of the same id is refused and offers the first. */
  pf_window_set_session (window, NULL);
  pf_start_view_import_bundle (start_view, bundle);
  pf_ui_test_wait_until (dialog_shown, NULL, 30);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Assessment Already Here");
  respond (dialog, "open");
  pf_ui_test_wait_until (window_has_session, window, 30);
  g_assert_true (g_file_equal (pf_session_get_file (pf_window_get_session (window)), file));
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (start_view)), ==,
                    n_before + 1);

  pf_window_set_session (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_refuses_tampered (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) pdf = g_file_get_child (fixture->dir, "card.pdf");
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  g_autofree char *card = g_strdup_printf ("%%PDF-1.4 scanned card %s\n",
                                           pf_assessment_get_id (fixture->assessment));
  g_autoptr(GFile) assessments = pf_application_dup_assessments_dir ();
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  guint before = count_children (assessments);
  PfWindow *window;
  GtkWidget *start_view;
  AdwMessageDialog *dialog;
  char *at;

  g_file_replace_contents (pdf, card, strlen (card), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  item->sha256 = pf_evidence_store_add_file (pf_session_get_evidence_store (fixture->session),
                                             pdf, &item->size, NULL, &error);
  g_assert_no_error (error);
  item->id = g_uuid_string_random ();
  item->title = g_strdup ("Model card");
  item->media_type = g_strdup ("application/pdf");
  item->original_name = g_strdup ("card.pdf");
  item->added = g_strdup ("2026-07-01T10:00:00Z");
  pf_assessment_put_evidence (fixture->assessment, item);
  bundle = export_bundle (fixture);

  /* A PDF is stored, not deflated: its bytes are in the ZIP as they are. */
  g_file_load_contents (bundle, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  at = memmem (contents, length, "%PDF-1.4 scanned card", strlen ("%PDF-1.4 scanned card"));
  g_assert_nonnull (at);
  at[0] = 'e';
  g_file_replace_contents (bundle, contents, length, NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);

  window = pf_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  start_view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW);
  pf_start_view_import_bundle (PF_START_VIEW (start_view), bundle);
  pf_ui_test_wait_until (dialog_shown, NULL, 30);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the Bundle");
  /* The message names the entry. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "evidence/"));
  g_assert_null (pf_window_get_session (window));
  g_assert_cmpuint (count_children (assessments), ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without the module (a broken installation), export, import and the token
 * rows say so, naming the module and what to do, and write nothing. In a
 * process of its own: the module must not have been loaded yet. */
static void
test_module_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) assessments = pf_application_dup_assessments_dir ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  PfWindow *window;
  GtkWidget *start_view;
  GtkWidget *preferences;
  GtkWidget *status;
  const char *body;
  guint n_assessments;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  empty = g_file_get_child (fixture->dir, "no-modules");
  g_file_make_directory (empty, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("PREFLIGHT_MODULE_DIR", g_file_peek_path (empty), TRUE);
  g_assert_null (pf_transfer_get (&error));
  g_assert_error (error, PF_TRANSFER_ERROR, PF_TRANSFER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Export: the folder keeps only the evidence source and the empty folder. */
  bundle = g_file_get_child (fixture->dir, "falcon.preflight-bundle.zip");
  pf_export_page_export_to (PF_EXPORT_PAGE (fixture->page), bundle);
  g_assert_false (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, g_file_peek_path (empty)));
  g_assert_nonnull (strstr (body, "preflight-transfer"));
  g_assert_nonnull (strstr (body, "Reinstall Preflight"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_query_exists (bundle, NULL));
  g_assert_cmpuint (count_children (fixture->dir), ==, 2);
  g_assert_null (pf_export_page_get_exported_file (PF_EXPORT_PAGE (fixture->page)));

  /* Import: the file is never opened, so any file will do; nothing appears
   * in the assessments folder, not even the partial file. */
  g_file_replace_contents (bundle, "PK", 2, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  n_assessments = count_children (assessments);
  window = pf_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  start_view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW);
  pf_start_view_import_bundle (PF_START_VIEW (start_view), bundle);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the Bundle");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Reinstall Preflight"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
  g_assert_null (pf_window_get_session (window));
  g_assert_cmpuint (count_children (assessments), ==, n_assessments);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The token rows: the status says why there is none. */
  preferences = pf_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_editable_set_text (GTK_EDITABLE (pf_ui_test_find_row (preferences,
                                                            "Endpoint URL (https://…)")),
                         "https://submit.example.org/bundles");
  status = pf_ui_test_find_row (preferences, "Stored token");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)),
                            "Reinstall Preflight"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
}

/* A module of another build would call into a core it does not match: it is
 * refused, with both versions named. */
static void
test_module_stale (void)
{
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_nonnull (g_getenv ("PF_TEST_STALE_MODULE_DIR"));
  g_setenv ("PREFLIGHT_MODULE_DIR", g_getenv ("PF_TEST_STALE_MODULE_DIR"), TRUE);
  g_assert_null (pf_transfer_get (&error));
  g_assert_error (error, PF_TRANSFER_ERROR, PF_TRANSFER_ERROR_INCOMPATIBLE);
  g_assert_nonnull (strstr (error->message, "belongs to Preflight 0.0.0-stale, not to this "
                                            "Preflight " PACKAGE_VERSION));
  g_assert_nonnull (strstr (error->message, "Reinstall Preflight"));
}

/* Submission */

typedef struct
{
  SoupServer *server;
  char       *endpoint;
  GBytes     *stored;
  guint       puts;
  guint       failures;  /* answer this many PUTs with 503 first */
} Server;

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *server = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (method, "HEAD"))
    {
      if (server->stored == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/zip", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (server->stored, NULL),
                                        g_bytes_get_size (server->stored));
      return;
    }

  g_assert_cmpstr (method, ==, "PUT");
  server->puts++;
  if (server->puts <= server->failures)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }

  g_clear_pointer (&server->stored, g_bytes_unref);
  server->stored = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
}

static void
server_start (Server *server)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  soup_server_listen (server->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->endpoint = g_strdup_printf ("http://127.0.0.1:%d/uploads", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
server_stop (Server *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->endpoint, g_free);
  g_clear_pointer (&server->stored, g_bytes_unref);
}

static void
on_progress_text (GtkProgressBar *bar,
                  GParamSpec     *pspec,
                  GPtrArray      *texts)
{
  g_ptr_array_add (texts, g_strdup (gtk_progress_bar_get_text (bar)));
}

static gboolean
texts_contain (GPtrArray  *texts,
               const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_submit (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Server server = { 0 };
  AdwMessageDialog *dialog;
  const char *body;
  GPtrArray *receipts;
  const PfReceipt *receipt;
  GtkWidget *review;
  GtkWidget *bar;

  server_start (&server);
  server.failures = 1;
  g_settings_set_string (settings, "submission-endpoint", server.endpoint);

  bundle = export_bundle (fixture);
  bytes = g_file_load_bytes (bundle, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Declining sends nothing. */
  pf_export_page_submit (PF_EXPORT_PAGE (fixture->page), bundle);
  pf_ui_test_wait_until (dialog_shown, NULL, 30);
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, server.endpoint));
  g_assert_nonnull (strstr (body, pf_marking_get_label (PF_MARKING_CCI)));
  g_assert_nonnull (strstr (body, "falcon.preflight-bundle.zip"));
  respond (dialog, "cancel");
  drain ();
  g_assert_false (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  g_assert_cmpuint (server.puts, ==, 0);
  g_assert_cmpuint (pf_assessment_get_receipts (fixture->assessment)->len, ==, 0);

  /* Confirming uploads it, through one retry, and keeps the receipt. */
  bar = pf_ui_test_find_of_type (fixture->page, GTK_TYPE_PROGRESS_BAR);
  g_signal_connect (bar, "notify::text", G_CALLBACK (on_progress_text), texts);
  gtk_widget_activate_action (fixture->page, "export.submit", NULL);
  pf_ui_test_wait_until (dialog_shown, NULL, 30);
  respond (find_dialog (), "submit");
  g_assert_true (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  pf_ui_test_wait_until (page_idle, fixture->page, 30);
  g_signal_handlers_disconnect_by_func (bar, on_progress_text, texts);

  g_assert_null (find_dialog ());
  g_assert_true (texts_contain (texts, "Retrying in 1 s"));
  g_assert_cmpuint (server.puts, ==, 2);
  g_assert_nonnull (server.stored);
  g_assert_true (g_bytes_equal (server.stored, bytes));

  receipts = pf_assessment_get_receipts (fixture->assessment);
  g_assert_cmpuint (receipts->len, ==, 1);
  receipt = g_ptr_array_index (receipts, 0);
  g_assert_true (g_str_has_prefix (receipt->url, server.endpoint));
  g_assert_cmpuint (receipt->status, ==, 201);
  g_assert_cmpuint (receipt->size, ==, g_bytes_get_size (bytes));
  g_assert_nonnull (pf_ui_test_find_row (fixture->page, receipt->url));

  /* The submission history on the Review page. */
  review = pf_review_page_new (fixture->session);
  g_object_ref_sink (review);
  g_assert_nonnull (pf_ui_test_find_row (review, receipt->url));
  g_object_unref (review);

  g_settings_reset (settings, "submission-endpoint");
  server_stop (&server);
}

static void
test_submit_needs_endpoint (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) bundle = export_bundle (fixture);

  pf_export_page_submit (PF_EXPORT_PAGE (fixture->page), bundle);
  drain ();
  g_assert_false (pf_export_page_get_busy (PF_EXPORT_PAGE (fixture->page)));
  g_assert_null (find_dialog ());
}

static gboolean
token_status_known (gpointer data)
{
  const char *subtitle = adw_action_row_get_subtitle (data);

  return subtitle != NULL && g_str_has_prefix (subtitle, "The keyring is not available");
}

static void
test_preferences_submission (void)
{
  g_autoptr(GSettings) settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
  GtkWidget *window = pf_preferences_window_new (NULL);
  g_autofree char *stored = NULL;
  GtkWidget *endpoint, *status;

  gtk_window_present (GTK_WINDOW (window));
  endpoint = pf_ui_test_find_row (window, "Endpoint URL (https://…)");
  status = pf_ui_test_find_row (window, "Stored token");
  g_assert_nonnull (endpoint);
  g_assert_nonnull (status);

  /* The endpoint is a setting; the token's state comes from the keyring,
   * which this test run does not have. */
  gtk_editable_set_text (GTK_EDITABLE (endpoint), "https://submit.example.org/bundles");
  stored = g_settings_get_string (settings, "submission-endpoint");
  g_assert_cmpstr (stored, ==, "https://submit.example.org/bundles");
  pf_ui_test_wait_until (token_status_known, status, 30);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "submission-endpoint");
  drain ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) home = NULL;
  int status;

  /* No session bus: no keyring, so submissions go without a token. */
  home = pf_ui_test_init (&argc, &argv);
  app = pf_ui_test_register_application ();

#define ADD(path, func) \
  g_test_add ("/ui/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("export-verifies", test_export_verifies);
  ADD ("marking-row", test_marking_row);
  ADD ("missing-evidence-warned", test_missing_evidence_warned);
  ADD ("cancel-leaves-nothing", test_cancel_leaves_nothing);
  ADD ("import-restores", test_import_restores);
  ADD ("import-refuses-tampered", test_import_refuses_tampered);
  ADD ("submit", test_submit);
  ADD ("submit-needs-endpoint", test_submit_needs_endpoint);
  ADD ("module-missing", test_module_missing);

#undef ADD

  g_test_add_func ("/ui/export/preferences-submission", test_preferences_submission);
  g_test_add_func ("/ui/export/module-stale", test_module_stale);

  status = g_test_run ();

  g_clear_object (&app);
  pf_ui_test_remove_tree (home);

  return status;
}
