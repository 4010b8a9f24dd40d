/* pf-bundle-private.h: helpers the bundle writer, reader and OSCAL export share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pf-bundle.h"

G_BEGIN_DECLS

/* Entry names of a bundle, in the order the writer puts them. The manifest
 * and SHA256SUMS are the envelope: the manifest lists every other entry but
 * not SHA256SUMS (whose content depends on the manifest's own hash), and
 * SHA256SUMS lists every entry but itself. */
#define PF_BUNDLE_MANIFEST_PATH      "manifest.json"
#define PF_BUNDLE_CHECKSUMS_PATH     "SHA256SUMS"
#define PF_BUNDLE_ASSESSMENT_PATH    "assessment.json"
#define PF_BUNDLE_DETERMINATION_PATH "determination.json"
#define PF_BUNDLE_REPORT_HTML_PATH   "report.html"
#define PF_BUNDLE_REPORT_PDF_PATH    "report.pdf"
#define PF_BUNDLE_OSCAL_PATH         "oscal/assessment-results.json"
#define PF_BUNDLE_EVIDENCE_DIR       "evidence/"

/* Longest safe file name kept from an evidence file's original name. */
#define PF_BUNDLE_SAFE_NAME_MAX 100

/* A thread-safe relay of progress to the main context the work started in:
 * workers report as often as they like, the callback runs there, at most
 * one dispatch pending at a time, with the latest numbers. */
typedef struct _PfBundleProgress PfBundleProgress;

PfBundleProgress *pf_bundle_progress_new    (GFileProgressCallback callback,
                                             gpointer              callback_data);
void              pf_bundle_progress_unref  (PfBundleProgress     *self);
/* Any thread; @self may be NULL (no one listens). */
void              pf_bundle_progress_report (PfBundleProgress     *self,
                                             goffset               current,
                                             goffset               total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfBundleProgress, pf_bundle_progress_unref)

/* @name's base name with every character outside [A-Za-z0-9._-] replaced by
 * "_", at most PF_BUNDLE_SAFE_NAME_MAX bytes (the extension kept), never
 * empty, "." or "..". */
char      *pf_bundle_safe_file_name         (const char  *name);
/* Whether a file of @media_type is already compressed, so deflating it
 * again would cost time for nothing. */
gboolean   pf_bundle_media_type_is_compressed (const char *media_type);
/* The bundle paths of an assessment's evidence items (element type
 * PfEvidenceItem), in the same order: evidence/<12 hex of sha256>-<safe
 * name>, made unique (also ignoring case) with a counter. */
GPtrArray *pf_bundle_evidence_paths         (GPtrArray   *evidence);
/* Checks a ZIP entry name: relative, no "." or ".." or empty component, no
 * backslash, no control character, valid UTF-8, at most
 * PF_BUNDLE_MAX_NAME_LENGTH bytes. PF_BUNDLE_ERROR_UNSAFE_PATH otherwise. */
gboolean   pf_bundle_check_entry_name       (const char  *name,
                                             GError     **error);
/* Pretty-printed JSON with a final newline, the form every JSON entry of a
 * bundle is written in. */
GBytes    *pf_bundle_json_to_bytes          (JsonNode    *node);
/* Seconds since the epoch of an ISO 8601 time, or FALSE when it is not one. */
gboolean   pf_bundle_parse_time             (const char  *iso8601,
                                             gint64      *unix_time);

G_END_DECLS
