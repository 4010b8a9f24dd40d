/* pf-evidence-row.c: an evidence question: the files linked to it, and
 * Attach….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-evidence-row.h"

struct _PfEvidenceRow
{
  AdwExpanderRow   parent_instance;

  GPtrArray       *items;     /* (owned) (element-type GtkWidget): the rows listing files */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfEvidenceRow, pf_evidence_row, ADW_TYPE_EXPANDER_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static GtkWidget *
item_row_new (const PfEvidenceItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (item->size);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", item->original_name, size);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("text-x-generic-symbolic"));

  return row;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfEvidenceRow *self = PF_EVIDENCE_ROW (row);
  PfQuestionTools *tools = pf_question_row_get_tools (row);
  PfQuestion *question = pf_question_tools_get_question (tools);
  PfAssessment *assessment = pf_session_get_assessment (pf_question_tools_get_session (tools));
  GPtrArray *evidence = pf_assessment_get_evidence (assessment);
  const char *id = pf_question_get_id (question);
  g_autofree char *summary = NULL;
  guint n_linked = 0;

  for (guint i = 0; i < self->items->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->items, i));
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      GtkWidget *item_row;

      if (!pf_evidence_item_links_question (item, id))
        continue;

      item_row = item_row_new (item);
      g_ptr_array_add (self->items, item_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), item_row);
      n_linked++;
    }

  if (n_linked == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No evidence attached yet"));
      gtk_widget_add_css_class (empty, "dim-label");
      g_ptr_array_add (self->items, empty);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), empty);
      summary = pf_question_row_dup_short_help (question);
    }
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file attached", "%u files attached", n_linked),
                               n_linked);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
}

static void
pf_evidence_row_dispose (GObject *object)
{
  PfEvidenceRow *self = PF_EVIDENCE_ROW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_evidence_row_parent_class)->dispose (object);
}

static void
pf_evidence_row_class_init (PfEvidenceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_evidence_row_dispose;
}

static void
pf_evidence_row_init (PfEvidenceRow *self)
{
  self->items = g_ptr_array_new ();
}

GtkWidget *
pf_evidence_row_new (PfSession  *session,
                     PfQuestion *question)
{
  PfEvidenceRow *self = g_object_new (PF_TYPE_EVIDENCE_ROW, NULL);
  g_autofree char *label = NULL;
  PfQuestionTools *tools;
  GtkWidget *attach;

  attach = gtk_button_new_with_label (_("Attach…"));
  gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
  label = g_strdup_printf (_("Attach evidence for “%s”"),
                           pf_pack_text (pf_question_get_prompt (question)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (attach),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), attach);

  tools = pf_question_row_setup (GTK_WIDGET (self), session, question);
  g_signal_connect_object (attach, "clicked", G_CALLBACK (pf_question_tools_attach), tools,
                           G_CONNECT_SWAPPED);
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
