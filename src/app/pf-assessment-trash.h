/* pf-assessment-trash.h: the folder where deleted assessments wait, in the
 * assessments folder, until the user restores them or empties it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One deleted assessment, as the trash lists it. */
typedef struct
{
  GFile   *file;     /* in the trash folder */
  char    *title;    /* model name and version, or the file name when unreadable */
  gint64   deleted;  /* unix time of the move into the trash */
  guint64  size;     /* bytes */
} PfTrashedAssessment;

void pf_trashed_assessment_free (PfTrashedAssessment *trashed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfTrashedAssessment, pf_trashed_assessment_free)

#define PF_TYPE_ASSESSMENT_TRASH (pf_assessment_trash_get_type ())
G_DECLARE_FINAL_TYPE (PfAssessmentTrash, pf_assessment_trash, PF, ASSESSMENT_TRASH, GObject)

/* The trash of @assessments_dir: its "trash" subfolder. */
PfAssessmentTrash *pf_assessment_trash_new         (GFile              *assessments_dir);
/* (transfer none): the trash of pf_application_dup_assessments_dir(), one
 * per process so that every view hears ::changed from the others. */
PfAssessmentTrash *pf_assessment_trash_get_default (void);
GFile             *pf_assessment_trash_get_folder  (PfAssessmentTrash  *self);

/* Moves @file into the trash, numbering its name ("1-name") when an
 * earlier deletion holds it. Returns the file in the trash. */
GFile             *pf_assessment_trash_add         (PfAssessmentTrash  *self,
                                                    GFile              *file,
                                                    GError            **error);
/* (element-type PfTrashedAssessment): newest deletion first; empty when
 * the trash folder does not exist. @total_size (optional) gets the bytes
 * they take together. */
GPtrArray         *pf_assessment_trash_list        (PfAssessmentTrash  *self,
                                                    guint64            *total_size,
                                                    GError            **error);
/* Moves @trashed back into the assessments folder under a free name (its
 * own, else numbered: never over another file). Returns where it went.
 * G_IO_ERROR_EXISTS, and the file stays in the trash, when an assessment
 * with its id is in the folder: two copies of one id would be confused. */
GFile             *pf_assessment_trash_restore     (PfAssessmentTrash  *self,
                                                    GFile              *trashed,
                                                    GError            **error);
/* Deletes every file in the trash for good. What cannot be deleted stays;
 * the first failure is reported after trying the rest. */
gboolean           pf_assessment_trash_empty       (PfAssessmentTrash  *self,
                                                    GError            **error);

/* Signal ::changed (): add, restore or empty changed what the trash or the
 * assessments folder holds. */

G_END_DECLS
