/* pf-new-assessment-dialog.c: asks for the model, its version, the criteria
 * pack and the planned release date, then creates the assessment file;
 * or, for a new version of a model, starts from the previous assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-new-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-new-assessment-dialog.h"

struct _PfNewAssessmentDialog
{
  AdwWindow        parent_instance;

  PfPackCatalog   *catalog;  /* (owned) (nullable): NULL for a new version */
  PfAssessment    *previous; /* (owned) (nullable): the version it starts from */
  PfEvidenceStore *store;    /* (owned) */
  GSettings       *settings; /* (owned) */

  AdwPreferencesGroup *model_group;
  AdwEntryRow     *model_row;
  AdwEntryRow     *version_row;
  AdwComboRow     *pack_row;
  AdwEntryRow     *date_row;
  GtkLabel        *date_error;
};

G_DEFINE_FINAL_TYPE (PfNewAssessmentDialog, pf_new_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static PfCriteriaPack *
get_selected_pack (PfNewAssessmentDialog *self)
{
  GPtrArray *packs;
  guint selected;

  /* A new version keeps the pack of the one it starts from. */
  if (self->previous != NULL)
    return pf_assessment_get_pack (self->previous);

  packs = pf_pack_catalog_get_packs (self->catalog);
  selected = adw_combo_row_get_selected (self->pack_row);
  if (selected >= packs->len)
    return NULL;

  return g_ptr_array_index (packs, selected);
}

static char *
pack_label (PfCriteriaPack *pack)
{
  if (pf_criteria_pack_get_status (pack) == PF_PACK_STATUS_DRAFT)
    /* Translators: pack title, version; "draft" means not official criteria */
    return g_strdup_printf (_("%s %s (draft)"),
                            pf_pack_text (pf_criteria_pack_get_title (pack)),
                            pf_criteria_pack_get_version (pack));

  return g_strdup_printf ("%s %s",
                          pf_pack_text (pf_criteria_pack_get_title (pack)),
                          pf_criteria_pack_get_version (pack));
}

/* The release date is optional; when given, the core's timeline parser
 * decides whether it is a real YYYY-MM-DD date. */
static gboolean
validate_date (PfNewAssessmentDialog  *self,
               char                  **error_message)
{
  g_autofree char *date = dup_trimmed_text (self->date_row);
  g_autoptr(PfTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  if (*date == '\0')
    return TRUE;

  timeline = pf_timeline_new (date, &error);
  if (timeline == NULL)
    {
      *error_message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static void
update_create_enabled (PfNewAssessmentDialog *self)
{
  g_autofree char *model = dup_trimmed_text (self->model_row);
  g_autofree char *date_problem = NULL;
  gboolean date_ok = validate_date (self, &date_problem);

  gtk_label_set_label (self->date_error, date_problem ? date_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !date_ok);
  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 *model != '\0' && date_ok && get_selected_pack (self) != NULL);
}

static void
show_error (PfNewAssessmentDialog *self,
            const char            *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Could Not Create the Assessment"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfNewAssessmentDialog *self = PF_NEW_ASSESSMENT_DIALOG (widget);
  g_autofree char *model = dup_trimmed_text (self->model_row);
  g_autofree char *version = dup_trimmed_text (self->version_row);
  g_autofree char *date = dup_trimmed_text (self->date_row);
  g_autofree char *file_name = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfSession) session = NULL;
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack = get_selected_pack (self);

  g_return_if_fail (pack != NULL);

  if (self->previous != NULL)
    {
      assessment = pf_assessment_new_successor (self->previous);
    }
  else
    {
      g_autofree char *organisation = g_settings_get_string (self->settings,
                                                              "default-organisation");
      g_autofree char *contact = g_settings_get_string (self->settings, "default-contact");

      assessment = pf_assessment_new (pack);
      if (*organisation != '\0')
        pf_assessment_set_organisation (assessment, organisation);
      if (*contact != '\0')
        pf_assessment_set_contact (assessment, contact);
    }
  pf_assessment_set_model_name (assessment, model);
  if (*version != '\0')
    pf_assessment_set_model_version (assessment, version);
  if (*date != '\0')
    pf_assessment_set_release_date (assessment, date);

  file_name = g_strconcat (pf_assessment_get_id (assessment), ".preflight", NULL);
  file = g_file_get_child (dir, file_name);

  if (!pf_safe_file_make_private_dir (dir, &error) ||
      !pf_assessment_save (assessment, file, &error))
    {
      show_error (self, error->message);
      return;
    }

  session = pf_session_new (assessment, file, self->store);
  g_signal_emit (self, signals[CREATED], 0, session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pf_new_assessment_dialog_dispose (GObject *object)
{
  PfNewAssessmentDialog *self = PF_NEW_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->previous);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_new_assessment_dialog_parent_class)->dispose (object);
}

static void
pf_new_assessment_dialog_class_init (PfNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_new_assessment_dialog_dispose;

  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PF_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, model_group);
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, pack_row);
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PfNewAssessmentDialog, date_error);
  /* Bound for the tests only (no field): they check its sensitivity. */
  gtk_widget_class_bind_template_child_full (widget_class, "create_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, update_create_enabled);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_new_assessment_dialog_init (PfNewAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", FALSE);
}

PfNewAssessmentDialog *
pf_new_assessment_dialog_new (GtkWindow       *parent,
                              PfPackCatalog   *catalog,
                              PfEvidenceStore *store)
{
  PfNewAssessmentDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *packs;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_PACK_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (store), NULL);

  self = g_object_new (PF_TYPE_NEW_ASSESSMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->store = g_object_ref (store);

  packs = pf_pack_catalog_get_packs (catalog);
  for (guint i = 0; i < packs->len; i++)
    {
      g_autofree char *label = pack_label (g_ptr_array_index (packs, i));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->pack_row, G_LIST_MODEL (labels));
  update_create_enabled (self);

  return self;
}

PfNewAssessmentDialog *
pf_new_assessment_dialog_new_version (GtkWindow       *parent,
                                      PfAssessment    *previous,
                                      PfEvidenceStore *store)
{
  PfNewAssessmentDialog *self;
  PfCriteriaPack *pack;
  const char *name;
  const char *version;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *previous_text = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_ASSESSMENT (previous), NULL);
  g_return_val_if_fail (pf_assessment_get_pack (previous) != NULL, NULL);
  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (store), NULL);

  self = g_object_new (PF_TYPE_NEW_ASSESSMENT_DIALOG,
                       "transient-for", parent,
                       "title", _("Assess a New Version"),
                       NULL);
  self->previous = g_object_ref (previous);
  self->store = g_object_ref (store);

  pack = pf_assessment_get_pack (previous);
  name = pf_assessment_get_model_name (previous);
  version = pf_assessment_get_model_version (previous);
  previous_text = version != NULL ? g_strdup_printf ("%s %s", name, version) : g_strdup (name);
  /* TRANSLATORS: %s is the model and version assessed before, e.g. "Atlas 3.1" */
  description = g_strdup_printf (_("Starts from the answers given for “%s”, organisation, "
                                   "contact and marking included; each answer will need "
                                   "review. Evidence is not carried over: it describes the "
                                   "earlier version."), previous_text);
  adw_preferences_group_set_description (self->model_group, description);
  gtk_editable_set_text (GTK_EDITABLE (self->model_row), name != NULL ? name : "");

  label = pack_label (pack);
  gtk_string_list_append (labels, label);
  adw_combo_row_set_model (self->pack_row, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pack_row), FALSE);
  /* The name is there already; the version is what is new. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->version_row));
  update_create_enabled (self);

  return self;
}
