/* pf-assessment.h: the assessment document (*.preflight): answers, evidence
 * references, sign-offs and submission receipts of one model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pf-answer.h"
#include "pf-criteria-pack.h"
#include "pf-evidence-item.h"
#include "pf-receipt.h"
#include "pf-signoff.h"

G_BEGIN_DECLS

#define PF_ASSESSMENT_FORMAT "preflight-assessment/1"

#define PF_ASSESSMENT_ERROR (pf_assessment_error_quark ())
typedef enum {
  PF_ASSESSMENT_ERROR_MALFORMED,       /* not JSON, truncated, wrong shape (names the JSON path) */
  PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT,  /* "format" missing or foreign */
  PF_ASSESSMENT_ERROR_INVALID_VALUE,   /* an answer that does not fit its question */
  PF_ASSESSMENT_ERROR_UNKNOWN_QUESTION,
  PF_ASSESSMENT_ERROR_UNKNOWN_EVIDENCE,
  PF_ASSESSMENT_ERROR_PACK_MISMATCH,   /* the pack's id/version/sha256 differ */
  PF_ASSESSMENT_ERROR_TOO_LARGE,
  PF_ASSESSMENT_ERROR_IO,
  PF_ASSESSMENT_ERROR_CHANGED_ON_DISK, /* another program wrote the file since it was read */
} PfAssessmentError;

GQuark pf_assessment_error_quark (void);

#define PF_TYPE_ASSESSMENT (pf_assessment_get_type ())
G_DECLARE_FINAL_TYPE (PfAssessment, pf_assessment, PF, ASSESSMENT, GObject)

/* A new, empty assessment for @pack with a random UUID and created =
 * modified = now. */
PfAssessment   *pf_assessment_new                (PfCriteriaPack  *pack);
/* A new assessment of the next checkpoint of @previous's model, which must
 * have its pack: the same pack, model name, organisation, contact and
 * marking, and every answer record (values, unknowns, notes) carried over
 * and marked as needing review, since each must be confirmed for the new
 * weights. Not carried: the model version and the release date, which are
 * the new checkpoint's own; evidence, which describes the old checkpoint;
 * sign-offs and receipts. It records @previous's id and model version
 * (pf_assessment_get_previous_id()), to be compared with it later. */
PfAssessment   *pf_assessment_new_successor      (PfAssessment    *previous);
/* Parses an assessment; the pack it names is not resolved here (see
 * pf_assessment_get_pack_id() and PfPackCatalog). Never changes the file. */
PfAssessment   *pf_assessment_new_from_bytes     (GBytes          *bytes,
                                                  const char      *origin,
                                                  GError         **error);
PfAssessment   *pf_assessment_load               (GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* The *.preflight file in @folder whose assessment has the id @id; NULL and
 * G_IO_ERROR_NOT_FOUND when none has. Files that do not load are passed
 * over. */
GFile          *pf_assessment_find_in_folder     (GFile           *folder,
                                                  const char      *id,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* Serialises to pretty-printed JSON (stable member order; unknown members
 * read from a newer version are written back). */
GBytes         *pf_assessment_to_bytes           (PfAssessment    *self);
/* Atomic save (temporary file in the same folder, fsync, rename), mode 0600
 * whatever the umask; remembers @file as the assessment's file. Saving to
 * the assessment's own file fails with PF_ASSESSMENT_ERROR_CHANGED_ON_DISK,
 * and leaves the file alone, when it no longer holds what this assessment
 * last read from it or wrote to it: another program (preflight-cli, a
 * second copy of the app) wrote it in between. */
gboolean        pf_assessment_save               (PfAssessment    *self,
                                                  GFile           *file,
                                                  GError         **error);
/* Serialises on the calling thread, writes in a worker thread. */
void            pf_assessment_save_async         (PfAssessment    *self,
                                                  GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean        pf_assessment_save_finish        (PfAssessment    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
/* Nullable: the file it was loaded from or last saved to. */
GFile          *pf_assessment_get_file           (PfAssessment    *self);
/* Another program renamed the assessment's file to @file: it is the
 * assessment's file from now on, and still holds what the assessment last
 * read from it or wrote to it. */
void            pf_assessment_file_moved         (PfAssessment    *self,
                                                  GFile           *file);
/* The next save replaces the file whatever it holds by then: the user
 * chose this assessment's version over the one on disk. */
void            pf_assessment_forget_disk_contents (PfAssessment  *self);
/* Whether the assessment's file now holds something else than what this
 * assessment last read from it or wrote to it (FALSE when it is gone,
 * unreadable, or the assessment has no file). A stat first: the file is
 * read only when its modification time moved, so a writer that keeps the
 * time is noticed by the next save instead. */
gboolean        pf_assessment_changed_on_disk    (PfAssessment    *self);

/* Binds the pack the answers refer to (checks id and version; a different
 * sha256 is reported as PF_ASSESSMENT_ERROR_PACK_MISMATCH). Needed by the
 * answer setters, which check values against their question. */
gboolean        pf_assessment_set_pack           (PfAssessment    *self,
                                                  PfCriteriaPack  *pack,
                                                  GError         **error);
/* Nullable until set_pack. */
PfCriteriaPack *pf_assessment_get_pack           (PfAssessment    *self);
const char     *pf_assessment_get_pack_id        (PfAssessment    *self);
const char     *pf_assessment_get_pack_version   (PfAssessment    *self);
const char     *pf_assessment_get_pack_sha256    (PfAssessment    *self);

/* Metadata (properties of the same names; setters emit ::changed). */
const char     *pf_assessment_get_id             (PfAssessment    *self);
const char     *pf_assessment_get_created        (PfAssessment    *self);
const char     *pf_assessment_get_modified       (PfAssessment    *self);
const char     *pf_assessment_get_model_name     (PfAssessment    *self);
void            pf_assessment_set_model_name     (PfAssessment    *self,
                                                  const char      *model_name);
const char     *pf_assessment_get_model_version  (PfAssessment    *self);
/* Nullable: the id and model version of the assessment this one was made
 * from with pf_assessment_new_successor(). */
const char     *pf_assessment_get_previous_id    (PfAssessment    *self);
const char     *pf_assessment_get_previous_model_version (PfAssessment *self);
/* "Name Version" as the user reads it; "Unnamed model" (translated) stands
 * for a missing name. */
char           *pf_assessment_dup_model_label    (PfAssessment    *self);
void            pf_assessment_set_model_version  (PfAssessment    *self,
                                                  const char      *model_version);
const char     *pf_assessment_get_organisation   (PfAssessment    *self);
void            pf_assessment_set_organisation   (PfAssessment    *self,
                                                  const char      *organisation);
const char     *pf_assessment_get_contact        (PfAssessment    *self);
void            pf_assessment_set_contact        (PfAssessment    *self,
                                                  const char      *contact);
/* YYYY-MM-DD or NULL. */
const char     *pf_assessment_get_release_date   (PfAssessment    *self);
void            pf_assessment_set_release_date   (PfAssessment    *self,
                                                  const char      *release_date);
/* The bundle-level confidentiality marking. */
PfMarking       pf_assessment_get_marking        (PfAssessment    *self);
void            pf_assessment_set_marking        (PfAssessment    *self,
                                                  PfMarking        marking);

/* Answers. Nullable when the question was never touched. */
PfAnswer       *pf_assessment_get_answer         (PfAssessment    *self,
                                                  const char      *question_id);
/* Sorted question ids that have an answer record (a new array of strings;
 * free it with g_ptr_array_unref()). */
GPtrArray      *pf_assessment_list_answered_ids  (PfAssessment    *self);
/* Sets an answered value after pf_question_check_value(); keeps the note
 * and review flag. */
gboolean        pf_assessment_set_value          (PfAssessment    *self,
                                                  const char      *question_id,
                                                  JsonNode        *value,
                                                  GError         **error);
gboolean        pf_assessment_mark_unknown       (PfAssessment    *self,
                                                  const char      *question_id,
                                                  GError         **error);
/* Removes the value (state back to unanswered); keeps note and flag. */
void            pf_assessment_clear_value        (PfAssessment    *self,
                                                  const char      *question_id);
void            pf_assessment_set_needs_review   (PfAssessment    *self,
                                                  const char      *question_id,
                                                  gboolean         needs_review);
/* Clears the review flag of each of @question_ids (question id strings)
 * that has one, as one change ("changed" with no question id). */
void            pf_assessment_clear_needs_review (PfAssessment    *self,
                                                  GPtrArray       *question_ids);
void            pf_assessment_set_note           (PfAssessment    *self,
                                                  const char      *question_id,
                                                  const char      *note);

/* Evidence references (the bytes live in PfEvidenceStore). Element type
 * PfEvidenceItem, in the order added. */
GPtrArray      *pf_assessment_get_evidence       (PfAssessment    *self);
const PfEvidenceItem *pf_assessment_lookup_evidence (PfAssessment *self,
                                                     const char   *evidence_id);
/* Copies @item; replaces an item with the same id. */
void            pf_assessment_put_evidence       (PfAssessment    *self,
                                                  const PfEvidenceItem *item);
gboolean        pf_assessment_remove_evidence    (PfAssessment    *self,
                                                  const char      *evidence_id);

/* Sign-offs, element type PfSignoff, oldest first. */
GPtrArray      *pf_assessment_get_signoffs       (PfAssessment    *self);
/* Copies @signoff (its content_sha256 is filled in from the current content
 * when NULL). */
void            pf_assessment_add_signoff        (PfAssessment    *self,
                                                  const PfSignoff *signoff);
gboolean        pf_assessment_signoff_is_stale   (PfAssessment    *self,
                                                  const PfSignoff *signoff);
/* Lower-case hex SHA-256 over what a reviewer reviews: metadata, answers and
 * evidence references (not sign-offs, receipts or modified). */
char           *pf_assessment_dup_content_hash   (PfAssessment    *self);

/* Receipts of uploads, element type PfReceipt, oldest first. */
GPtrArray      *pf_assessment_get_receipts       (PfAssessment    *self);
void            pf_assessment_add_receipt        (PfAssessment    *self,
                                                  const PfReceipt *receipt);

/* Signal ::changed (const char *question_id_or_null) is emitted after every
 * change, with the question id when one answer changed. */

G_END_DECLS
