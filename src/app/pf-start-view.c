/* pf-start-view.c: the list of assessments, or the welcome page when there
 * is none; deleting moves the file to a trash folder, undoable from a toast;
 * Import Bundle… verifies a submission bundle and restores its assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-start-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-assessment-trash.h"
#include "pf-file-chooser.h"
#include "pf-menu-button.h"
#include "pf-partial-import.h"
#include "pf-start-view.h"
#include "pf-tooltip.h"
#include "pf-transfer.h"
#include "pf-width-first-layout.h"

struct _PfStartView
{
  AdwBin           parent_instance;

  PfPackCatalog   *catalog;      /* (owned) (nullable) */
  GListStore      *assessments;  /* (owned) of GFile */
  GCancellable    *import_cancellable;  /* (owned) (nullable): running import */
  GFile           *import_partial;      /* (owned) (nullable): where it writes */
  AdwToast        *import_toast;        /* (owned) (nullable) */
  gboolean         disposed;            /* a late import result touches no widget */
  /* Assessments written by other programs or windows appear by themselves. */
  GFileMonitor    *folder_monitor;      /* (owned) (nullable) */
  guint            folder_reload_source;
  gboolean         stale;               /* the folder changed while hidden */

  AdwToastOverlay *toast_overlay;
  GtkMenuButton   *menu_button;
  GMenuModel      *primary_menu;
  GtkStack        *stack;
  GtkLabel        *pack_label;
  GtkListBox      *list_box;
};

/* Saves and copies arrive as bursts of events: list the folder once. */
#define FOLDER_RELOAD_DELAY_MS 300

G_DEFINE_FINAL_TYPE (PfStartView, pf_start_view, ADW_TYPE_BIN)

enum {
  OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one row shows, read from one file. */
typedef struct {
  GFile           *file;
  PfAssessment    *assessment;     /* nullable when unreadable */
  PfDetermination *determination;  /* nullable when its pack is missing */
  char            *problem;        /* nullable */
  gint64           modified;       /* unix time, for sorting */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->file);
  g_clear_object (&entry->assessment);
  g_clear_object (&entry->determination);
  g_clear_pointer (&entry->problem, g_free);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

static Entry *
read_entry (PfStartView *self,
            GFile       *file)
{
  g_autoptr(Entry) entry = g_new0 (Entry, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  PfCriteriaPack *pack;

  entry->file = g_object_ref (file);
  entry->assessment = pf_assessment_load (file, NULL, &error);
  if (entry->assessment == NULL)
    {
      entry->problem = g_strdup (error->message);
      return g_steal_pointer (&entry);
    }

  modified = g_date_time_new_from_iso8601 (pf_assessment_get_modified (entry->assessment), NULL);
  if (modified != NULL)
    entry->modified = g_date_time_to_unix (modified);

  if (self->catalog == NULL)
    return g_steal_pointer (&entry);

  pack = pf_pack_catalog_lookup (self->catalog,
                                 pf_assessment_get_pack_id (entry->assessment),
                                 pf_assessment_get_pack_version (entry->assessment),
                                 NULL);
  if (pack == NULL)
    {
      entry->problem = g_strdup_printf (_("Criteria pack %s %s is not installed"),
                                        pf_assessment_get_pack_id (entry->assessment),
                                        pf_assessment_get_pack_version (entry->assessment));
      return g_steal_pointer (&entry);
    }

  if (!pf_assessment_set_pack (entry->assessment, pack, &error))
    {
      entry->problem = g_strdup (error->message);
      return g_steal_pointer (&entry);
    }

  entry->determination = pf_determination_new (pack, entry->assessment);

  return g_steal_pointer (&entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;

  if (ea->modified != eb->modified)
    return ea->modified < eb->modified ? 1 : -1;

  return g_strcmp0 (g_file_peek_path (ea->file), g_file_peek_path (eb->file));
}

/* "Just now", "5 minutes ago", "Today at 14:03", "Yesterday", "3 Nov 2026". */
static char *
format_modified (gint64 modified)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (modified);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  GTimeSpan age = g_date_time_difference (now, then);

  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Changed just now"));

  if (age < G_TIME_SPAN_HOUR)
    {
      int minutes = (int) (age / G_TIME_SPAN_MINUTE);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed %d minute ago",
                                           "Changed %d minutes ago", minutes),
                              minutes);
    }

  if (g_date_time_get_year (now) == g_date_time_get_year (then) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (then))
    {
      g_autofree char *time = g_date_time_format (then, "%H:%M");

      /* Translators: %s is a time such as 14:03 */
      return g_strdup_printf (_("Changed today at %s"), time);
    }

  if (g_date_time_get_year (yesterday) == g_date_time_get_year (then) &&
      g_date_time_get_day_of_year (yesterday) == g_date_time_get_day_of_year (then))
    return g_strdup (_("Changed yesterday"));

  {
    /* Translators: a date as strftime() formats it, e.g. "3 Nov 2026";
     * adjust the order to your language. */
    g_autofree char *date = g_date_time_format (then, _("%-d %b %Y"));

    /* Translators: %s is a date such as 3 Nov 2026 */
    return g_strdup_printf (_("Changed %s"), date);
  }
}

static const char *
outcome_css_class (PfOutcome outcome)
{
  /* The JSON spellings double as the CSS classes of style.css. */
  return pf_outcome_to_string (outcome);
}

/* @show_pack: FALSE when the heading already names the one pack all rows use. */
static GtkWidget *
create_row (PfStartView *self,
            Entry       *entry,
            gboolean     show_pack)
{
  g_autofree char *title = NULL;
  g_autofree char *delete_label = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *path = g_file_peek_path (entry->file);
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (entry->assessment != NULL)
    {
      title = pf_assessment_dup_model_label (entry->assessment);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "start.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    {
      title = g_file_get_basename (entry->file);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (entry->determination != NULL)
    {
      PfCriteriaPack *pack = pf_assessment_get_pack (entry->assessment);
      PfOutcome outcome = pf_determination_get_outcome (entry->determination);
      GtkWidget *badge;
      guint answered, total;

      pf_determination_get_progress (entry->determination, &answered, &total);
      if (show_pack)
        g_string_append_printf (subtitle, "%s · ",
                                pf_pack_text (pf_criteria_pack_get_title (pack)));
      /* Translators: progress of the questionnaire, e.g. "12 of 57 answered" */
      g_string_append_printf (subtitle, _("%u of %u answered"), answered, total);

      badge = gtk_label_new (pf_outcome_get_label (outcome));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "outcome-badge");
      gtk_widget_add_css_class (badge, outcome_css_class (outcome));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      /* The row reads as one sentence to screen readers. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, badge, NULL,
                                      -1);
    }
  else if (entry->problem != NULL)
    {
      g_string_append (subtitle, entry->problem);
    }

  if (entry->assessment != NULL)
    {
      g_autofree char *modified = format_modified (entry->modified);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, modified);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  /* One line, ellipsized only when the window is narrow (the tooltip then
   * has it all): a wrapping subtitle beside the badge is laid out by Pango
   * at every width GTK tries, which made the first frame of a list of 20
   * assessments 1.5 × a bare window's (bench/run, DESIGN.md §8). */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  pf_width_first_layout_install_in_row (row);
  pf_tooltip_set_text (row, subtitle->str);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  pf_tooltip_set_text (button, _("Delete Assessment"));
  /* Translators: %s is the model name and version */
  delete_label = g_strdup_printf (_("Delete “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "start.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  if (entry->assessment != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

/* The pack every listed assessment uses, or NULL when they differ or one
 * has none (unreadable, or its pack is missing): said once above the
 * list, not on every row. */
static PfCriteriaPack *
find_common_pack (GPtrArray *entries)
{
  PfCriteriaPack *common = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      PfCriteriaPack *pack = entry->determination != NULL
                             ? pf_assessment_get_pack (entry->assessment) : NULL;

      if (pack == NULL || (common != NULL && pack != common))
        return NULL;
      common = pack;
    }

  return common;
}

/* The file whose row has the keyboard focus, or NULL. */
static GFile *
dup_focused_file (PfStartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->assessments),
                                gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

/* A reload replaces every row: the focus goes back to the same file's row,
 * so that a save in another window does not throw a keyboard or screen
 * reader user out of the list. */
static void
restore_focus (PfStartView *self,
               GFile       *focused)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (g_file_equal (file, focused))
        {
          gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, i)));
          return;
        }
    }

  /* Deleted meanwhile: the list keeps the focus. */
  gtk_widget_child_focus (GTK_WIDGET (self->list_box), GTK_DIR_TAB_FORWARD);
}

void
pf_start_view_reload (PfStartView *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) focused = NULL;
  PfCriteriaPack *common_pack;
  GtkWidget *child;

  g_return_if_fail (PF_IS_START_VIEW (self));

  self->stale = FALSE;
  dir = pf_application_dup_assessments_dir ();
  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("Could not list %s: %s", g_file_peek_path (dir), error->message);

  while (children != NULL)
    {
      GFileInfo *info;
      GFile *file;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, &error))
        {
          g_message ("Could not list %s: %s", g_file_peek_path (dir), error->message);
          break;
        }
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), ".preflight"))
        g_ptr_array_add (entries, read_entry (self, file));
    }

  g_ptr_array_sort (entries, compare_entries);

  common_pack = find_common_pack (entries);
  if (common_pack != NULL)
    {
      g_autofree char *pack_text = NULL;

      /* Translators: %s is the title of a criteria pack, %s its version */
      pack_text = g_strdup_printf (_("Criteria pack: %s %s"),
                                   pf_pack_text (pf_criteria_pack_get_title (common_pack)),
                                   pf_criteria_pack_get_version (common_pack));
      gtk_label_set_text (self->pack_label, pack_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pack_label), common_pack != NULL);

  focused = dup_focused_file (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_list_store_remove_all (self->assessments);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      gtk_list_box_append (self->list_box, create_row (self, entry, common_pack == NULL));
      g_list_store_append (self->assessments, entry->file);
    }

  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  if (focused != NULL && entries->len > 0)
    restore_focus (self, focused);
}

static void
show_problem (PfStartView *self,
              const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  g_signal_emit (widget, signals[OPEN_FILE], 0, file);
}

static void
delete_file (PfStartView *self,
             GFile       *file)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  /* The trash's ::changed reloads this view (and the other windows'). */
  target = pf_assessment_trash_add (pf_assessment_trash_get_default (), file, &error);
  if (target == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the assessment: %s"),
                                                  error->message);
      show_problem (self, message);
      return;
    }

  toast = adw_toast_new (_("Assessment deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "start.undo-delete");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new ("(ss)",
                                                    g_file_peek_path (target),
                                                    g_file_peek_path (file)));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PfStartView      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  delete_file (self, file);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfStartView *self = PF_START_VIEW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Assessment?"),
                                   _("Its answers, notes, evidence links and sign-offs will "
                                     "be removed from the list. You can undo this right "
                                     "after."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (dialog, "response::delete",
                           G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PfStartView *self = PF_START_VIEW (widget);
  const char *trashed_path, *original_path;
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_get (param, "(&s&s)", &trashed_path, &original_path);
  trashed = g_file_new_for_path (trashed_path);
  original = g_file_new_for_path (original_path);

  /* No overwrite: if a file took its place, the trashed copy stays put. */
  if (!g_file_move (trashed, original, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not restore the assessment: %s"),
                                                  error->message);
      show_problem (self, message);
      return;
    }

  pf_start_view_reload (self);
}

/* Import */

static PfEvidenceStore *
dup_evidence_store (PfStartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (PF_IS_APPLICATION (app))
    return g_object_ref (pf_application_get_evidence_store (PF_APPLICATION (app)));

  return pf_evidence_store_new_default ();
}

static void
show_import_error (PfStartView *self,
                   GFile       *bundle,
                   const char  *message)
{
  g_autofree char *name = g_file_get_basename (bundle);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Could Not Import the Bundle"), NULL);
  /* Translators: bundle file name, then why it was refused */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s”: %s"), name, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_existing_response (AdwMessageDialog *dialog,
                           const char       *response,
                           PfStartView      *self)
{
  g_signal_emit (self, signals[OPEN_FILE], 0, g_object_get_data (G_OBJECT (dialog), "file"));
}

static void
offer_existing (PfStartView *self,
                GFile       *existing)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Assessment Already Here"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This bundle holds an assessment that is already in your "
                                    "list (%s). A second copy with the same id would be "
                                    "confused with the first, so it was not imported."),
                                  g_file_peek_path (existing));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Existing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (existing), g_object_unref);
  g_signal_connect_object (dialog, "response::open",
                           G_CALLBACK (on_open_existing_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_import (PfStartView *self)
{
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_partial);
  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.import", TRUE);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PfStartView) self = user_data;
  const PfTransferFunctions *transfer = pf_transfer_loaded ();
  PfBundleReader *reader = (PfBundleReader *) object;
  GFile *bundle = transfer->bundle_reader_get_file (reader);
  g_autoptr(GFile) partial = g_object_ref (self->import_partial);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *id;

  assessment = transfer->bundle_reader_import_finish (reader, result, &error);
  if (self->disposed)
    {
      if (assessment != NULL)
        g_file_delete (partial, NULL, NULL);
      return;
    }
  end_import (self);

  if (assessment == NULL)
    {
      if (!g_error_matches (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, bundle, error->message);
      return;
    }

  /* The id names the file, so it must not be able to name another place. */
  id = pf_assessment_get_id (assessment);
  if (!g_uuid_string_is_valid (id))
    {
      g_autofree char *message = g_strdup_printf (_("the assessment id “%s” in assessment.json "
                                                    "is not a UUID"), id);

      g_file_delete (partial, NULL, NULL);
      show_import_error (self, bundle, message);
      return;
    }

  dir = pf_application_dup_assessments_dir ();
  name = g_strconcat (id, ".preflight", NULL);
  target = g_file_get_child (dir, name);
  if (g_file_query_exists (target, NULL))
    {
      g_file_delete (partial, NULL, NULL);
      offer_existing (self, target);
      return;
    }

  if (!g_file_move (partial, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    {
      g_file_delete (partial, NULL, NULL);
      show_import_error (self, bundle, error->message);
      return;
    }

  pf_start_view_reload (self);
  g_signal_emit (self, signals[OPEN_FILE], 0, target);
}

void
pf_start_view_import_bundle (PfStartView *self,
                             GFile       *bundle)
{
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partial_name = NULL;
  const PfTransferFunctions *transfer;

  g_return_if_fail (PF_IS_START_VIEW (self));
  g_return_if_fail (G_IS_FILE (bundle));

  if (self->import_cancellable != NULL)
    return;

  /* First: without the module nothing may be written. */
  transfer = pf_transfer_get (&error);
  if (transfer == NULL)
    {
      show_import_error (self, bundle, error->message);
      return;
    }

  dir = pf_application_dup_assessments_dir ();
  if (!pf_safe_file_make_private_dir (dir, &error))
    {
      show_import_error (self, bundle, error->message);
      return;
    }

  /* Imported under a name the list ignores; renamed to <id>.preflight once
   * the id is known to be new. */
  partial_name = pf_partial_import_dup_name ();
  self->import_partial = g_file_get_child (dir, partial_name);
  self->import_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.import", FALSE);

  self->import_toast = g_object_ref (adw_toast_new (_("Verifying and importing the bundle…")));
  adw_toast_set_timeout (self->import_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->import_toast));

  reader = transfer->bundle_reader_new (bundle);
  store = dup_evidence_store (self);
  transfer->bundle_reader_import_async (reader, store, self->import_partial,
                                        self->import_cancellable, NULL, NULL,
                                        on_imported, g_object_ref (self));
}

static void
on_bundle_chosen (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfStartView) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) bundle = NULL;

  files = pf_file_chooser_open_finish (result, NULL);
  if (files == NULL || g_list_model_get_n_items (files) == 0)
    return;

  bundle = g_list_model_get_item (files, 0);
  pf_start_view_import_bundle (self, bundle);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = pf_file_chooser_new_bundle_filter ();

  pf_file_chooser_open_async (GTK_WINDOW (gtk_widget_get_root (widget)), _("Import Bundle"),
                              FALSE, filter, NULL, on_bundle_chosen, g_object_ref (widget));
}

static gboolean
folder_reload_cb (gpointer user_data)
{
  PfStartView *self = user_data;

  self->folder_reload_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pf_start_view_reload (self);
  else
    self->stale = TRUE;

  return G_SOURCE_REMOVE;
}

/* Only .preflight files are listed; a save renames a temporary file to one. */
static void
on_folder_event (PfStartView       *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  gboolean listed = g_str_has_suffix (g_file_peek_path (file), ".preflight")
                    || (other_file != NULL
                        && g_str_has_suffix (g_file_peek_path (other_file), ".preflight"));

  if (listed && self->folder_reload_source == 0)
    self->folder_reload_source = g_timeout_add (FOLDER_RELOAD_DELAY_MS, folder_reload_cb, self);
}

static void
pf_start_view_map (GtkWidget *widget)
{
  PfStartView *self = PF_START_VIEW (widget);

  if (self->stale)
    pf_start_view_reload (self);

  GTK_WIDGET_CLASS (pf_start_view_parent_class)->map (widget);
}

static void
pf_start_view_dispose (GObject *object)
{
  PfStartView *self = PF_START_VIEW (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->folder_reload_source, g_source_remove);
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  g_clear_object (&self->folder_monitor);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_partial);
  g_clear_object (&self->import_toast);
  g_clear_object (&self->catalog);
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (pf_start_view_parent_class)->dispose (object);
}

/* The template's tooltips, set in code: see pf_tooltip_set_template_texts(). */
static const PfTemplateTooltip tooltips[] = {
  { "open_button", N_("Open an assessment file (Ctrl+O)") },
  { "new_button", N_("New Assessment (Ctrl+N)") },
  { "menu_button", N_("Main Menu") },
  { "import_button", N_("Restore an assessment and its evidence from a submission bundle") },
};

static void
pf_start_view_class_init (PfStartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_start_view_dispose;
  widget_class->map = pf_start_view_map;

  signals[OPEN_FILE] =
    g_signal_new ("open-file",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-start-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PfStartView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfStartView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PfStartView, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PfStartView, stack);
  gtk_widget_class_bind_template_child (widget_class, PfStartView, pack_label);
  gtk_widget_class_bind_template_child (widget_class, PfStartView, list_box);

  gtk_widget_class_install_action (widget_class, "start.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "start.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "start.undo-delete", "(ss)", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "start.import", NULL, import_action);
}

static void
pf_start_view_init (PfStartView *self)
{
  g_autoptr(GFile) dir = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pf_tooltip_set_template_texts (GTK_WIDGET (self),
                                 tooltips, G_N_ELEMENTS (tooltips));
  pf_menu_button_set_menu_on_demand (self->menu_button, self->primary_menu);

  self->assessments = g_list_store_new (G_TYPE_FILE);
  /* Deleting here or in another window, and restoring from the
   * preferences, change what the list holds. */
  g_signal_connect_object (pf_assessment_trash_get_default (), "changed",
                           G_CALLBACK (pf_start_view_reload), self, G_CONNECT_SWAPPED);

  dir = pf_application_dup_assessments_dir ();
  self->folder_monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->folder_monitor != NULL)
    g_signal_connect_object (self->folder_monitor, "changed", G_CALLBACK (on_folder_event), self,
                             G_CONNECT_SWAPPED);
}

void
pf_start_view_set_pack_catalog (PfStartView   *self,
                                PfPackCatalog *catalog)
{
  g_return_if_fail (PF_IS_START_VIEW (self));
  g_return_if_fail (!catalog || PF_IS_PACK_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  pf_start_view_reload (self);
}

GListModel *
pf_start_view_get_assessments (PfStartView *self)
{
  g_return_val_if_fail (PF_IS_START_VIEW (self), NULL);

  return G_LIST_MODEL (self->assessments);
}
