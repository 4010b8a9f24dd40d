/* pf-report-private.h: the report as a list of blocks, shared by the HTML and
 * PDF writers so that both show exactly the same content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pf-enums.h"

G_BEGIN_DECLS

typedef enum {
  PF_REPORT_BLOCK_TITLE,      /* the cover title: text, detail = subtitle */
  PF_REPORT_BLOCK_HEADING,    /* level 1 (section), 2 or 3; anchor */
  PF_REPORT_BLOCK_PARAGRAPH,  /* text with a style; url makes it a link */
  PF_REPORT_BLOCK_FIELDS,     /* label/value pairs (cover details) */
  PF_REPORT_BLOCK_TABLE,      /* columns and rows; the header repeats on each page */
  PF_REPORT_BLOCK_OUTCOME,    /* the outcome box: text = label, detail = summary */
  PF_REPORT_BLOCK_CHART,      /* indicator states per domain */
} PfReportBlockKind;

typedef enum {
  PF_REPORT_STYLE_BODY,
  PF_REPORT_STYLE_SMALL,      /* secondary information */
  PF_REPORT_STYLE_WARNING,    /* placeholders, stale sign-offs: boxed and bold */
  PF_REPORT_STYLE_BULLET,     /* one item of a list; consecutive ones form the list */
} PfReportStyle;

typedef struct {
  char *text;
  char *detail;               /* nullable: a second, smaller line */
} PfReportCell;

typedef struct {
  char     *title;
  double    width;            /* fraction of the text width */
  gboolean  monospace;        /* hashes and ids */
} PfReportColumn;

/* One domain of the indicator chart. */
typedef struct {
  char  *domain;
  guint  n_true;
  guint  n_unknown;
  guint  n_false;
} PfReportBar;

typedef struct {
  PfReportBlockKind  kind;
  PfReportStyle      style;
  guint              level;
  char              *anchor;  /* headings: a stable id */
  char              *text;
  char              *detail;
  char              *url;     /* paragraphs: nullable link target */
  GArray            *fields;  /* (element-type PfReportCell) text = label, detail = value */
  GArray            *columns; /* (element-type PfReportColumn) */
  GPtrArray         *rows;    /* (element-type GArray of PfReportCell) */
  GArray            *bars;    /* (element-type PfReportBar) */
} PfReportBlock;

typedef struct {
  char      *title;           /* document title (HTML <title>, PDF metadata) */
  char      *author;          /* organisation, nullable */
  char      *modified;        /* ISO 8601 UTC: the assessment's modified time */
  PfMarking  marking;
  char      *marking_text;    /* printed at the top and bottom of every page */
  char      *marking_statement; /* nullable: PCII's express statement, printed with it */
  GPtrArray *blocks;          /* (element-type PfReportBlock) */
} PfReportDoc;

typedef enum {
  PF_REPORT_PAPER_A4,
  PF_REPORT_PAPER_LETTER,
} PfReportPaper;

void     pf_report_doc_free        (PfReportDoc       *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReportDoc, pf_report_doc_free)

/* pf-report-html.c */
GBytes  *pf_report_doc_to_html     (const PfReportDoc *doc);

/* pf-report-pdf.c */
/* PREFLIGHT_PAPER=a4|letter, else the locale's LC_PAPER. */
PfReportPaper pf_report_paper_for_locale (void);
GBytes  *pf_report_doc_to_pdf      (const PfReportDoc *doc,
                                    PfReportPaper      paper,
                                    GError           **error);

G_END_DECLS
