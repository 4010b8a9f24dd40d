/* pf-report-pdf.c: the report laid out with Pango on a cairo PDF surface.
 *
 * A small flow layout: blocks go down the page, text breaks between lines
 * across pages, table rows break between lines too and the table's header
 * row repeats on each page. It runs twice: once to count the pages, once to
 * write them with "Page n of N".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-report"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "pf-report-private.h"

/* Points (1/72 inch). */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0
#define MARGIN_X      56.0
#define EDGE          22.0    /* from the paper's edge to the marking banners */
#define BANNER_GAP    14.0    /* between a banner and the text */
#define CELL_PAD      3.5

#define FONT_BODY     "Sans 9.5"
#define FONT_BOLD     "Sans Bold 9.5"
#define FONT_SMALL    "Sans 8"
#define FONT_TABLE    "Sans 8.5"
#define FONT_TABLE_HEAD "Sans Bold 8.5"
#define FONT_MONO     "Monospace 7.5"
#define FONT_BANNER   "Sans Bold 9"

typedef struct {
  const PfReportDoc *doc;
  cairo_surface_t   *surface;     /* (owned) */
  cairo_t           *cr;          /* (owned) */
  PangoContext      *context;     /* (owned) */
  PangoLayout       *banner;      /* (owned) the marking, laid out once */
  double             page_width;
  double             page_height;
  double             left;        /* text column */
  double             width;
  double             top;         /* text area */
  double             bottom;
  double             y;
  double             content_top; /* where text starts on this page, below any table header */
  int                page;
  int                n_pages;     /* 0 while counting */
  int                outline[4];  /* parent outline item per heading level */
} PdfWriter;

PfReportPaper
pf_report_paper_for_locale (void)
{
  const char *forced = g_getenv ("PREFLIGHT_PAPER");
  const char *locale;

  if (forced != NULL && g_ascii_strcasecmp (forced, "letter") == 0)
    return PF_REPORT_PAPER_LETTER;
  if (forced != NULL && g_ascii_strcasecmp (forced, "a4") == 0)
    return PF_REPORT_PAPER_A4;

#ifdef _NL_PAPER_WIDTH
  {
    /* glibc returns these numbers (millimetres) in place of the pointer;
     * GTK's paper-size code reads them the same way. */
    union { unsigned int word; char *string; } paper_width, paper_height;

    paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
    paper_height.string = nl_langinfo (_NL_PAPER_HEIGHT);
    if (paper_width.word == 216 && paper_height.word == 279)
      return PF_REPORT_PAPER_LETTER;
    if (paper_width.word != 0)
      return PF_REPORT_PAPER_A4;
  }
#endif

  locale = setlocale (LC_CTYPE, NULL);
  if (locale != NULL && (strstr (locale, "_US") != NULL || strstr (locale, "_CA") != NULL))
    return PF_REPORT_PAPER_LETTER;

  return PF_REPORT_PAPER_A4;
}

static PangoLayout *
new_layout (PdfWriter  *w,
            const char *font,
            double      width,
            const char *text)
{
  PangoLayout *layout = pango_layout_new (w->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* @text with @detail (nullable) below it in a smaller, lighter type. */
static PangoLayout *
new_detail_layout (PdfWriter  *w,
                   const char *font,
                   double      width,
                   const char *text,
                   const char *detail)
{
  PangoLayout *layout = new_layout (w, font, width, NULL);
  g_autofree char *markup = NULL;

  if (detail != NULL && *detail != '\0')
    markup = g_markup_printf_escaped ("%s\n<span size=\"smaller\" foreground=\"#4d4d4d\">%s</span>",
                                      text != NULL ? text : "", detail);
  else
    markup = g_markup_escape_text (text != NULL ? text : "", -1);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return logical.height / (double) PANGO_SCALE;
}

/* Draws the lines of @layout from *first_line on, the first at @y, as long
 * as they end above @limit (at least one when @force); advances *first_line
 * and returns the height drawn. */
static double
draw_lines (PdfWriter   *w,
            PangoLayout *layout,
            int         *first_line,
            double       x,
            double       y,
            double       limit,
            gboolean     force)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean started = FALSE;
  double origin = 0.0, used = 0.0;
  int index = 0;

  do
    {
      PangoRectangle logical;
      double line_top, line_bottom;

      if (index++ < *first_line)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = logical.y / (double) PANGO_SCALE;
      line_bottom = (logical.y + logical.height) / (double) PANGO_SCALE;
      if (!started)
        origin = line_top;

      if (y + line_bottom - origin > limit && !(force && !started))
        break;

      cairo_move_to (w->cr, x + logical.x / (double) PANGO_SCALE,
                     y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - origin);
      pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
      used = line_bottom - origin;
      started = TRUE;
      (*first_line)++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return used;
}

static void
draw_banner (PdfWriter *w,
             double     y)
{
  double height = layout_height (w->banner);

  cairo_set_line_width (w->cr, 1.2);
  cairo_rectangle (w->cr, w->left, y, w->width, height + 8.0);
  cairo_stroke (w->cr);
  cairo_move_to (w->cr, w->left + 6.0, y + 4.0);
  pango_cairo_show_layout (w->cr, w->banner);
}

static void
begin_page (PdfWriter *w)
{
  double banner_height = layout_height (w->banner) + 8.0;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  w->page++;
  cairo_set_source_rgb (w->cr, 0, 0, 0);

  draw_banner (w, EDGE);
  draw_banner (w, w->page_height - EDGE - 12.0 - banner_height);

  /* While counting, the total is not known yet; the line has the same
   * height either way. */
  number = g_strdup_printf ("Page %d of %d", w->page, w->n_pages > 0 ? w->n_pages : w->page);
  footer = new_layout (w, FONT_SMALL, w->width, w->doc->title);
  pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (footer, pango_units_from_double (w->width * 0.7));
  cairo_move_to (w->cr, w->left, w->page_height - EDGE - 9.0);
  pango_cairo_show_layout (w->cr, footer);

  pango_layout_set_text (footer, number, -1);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_set_width (footer, pango_units_from_double (w->width));
  cairo_move_to (w->cr, w->left, w->page_height - EDGE - 9.0);
  pango_cairo_show_layout (w->cr, footer);

  w->top = EDGE + banner_height + BANNER_GAP;
  w->bottom = w->page_height - EDGE - 12.0 - banner_height - BANNER_GAP;
  w->y = w->top;
  w->content_top = w->top;
}

static void
new_page (PdfWriter *w)
{
  cairo_show_page (w->cr);
  begin_page (w);
}

/* Starts a new page unless @height still fits on this one. */
static void
need_space (PdfWriter *w,
            double     height)
{
  if (w->y + height > w->bottom && w->y > w->content_top)
    new_page (w);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         strpbrk (url, "'\\") == NULL;
}

/* Flows @layout at @x, breaking it across pages; @bar draws a rule at its
 * left (warnings); @url makes each piece a link. */
static void
flow_layout (PdfWriter   *w,
             PangoLayout *layout,
             double       x,
             gboolean     bar,
             const char  *url)
{
  int line = 0;
  int n_lines = pango_layout_get_line_count (layout);

  while (line < n_lines)
    {
      double y = w->y;
      double used;
      g_autofree char *link = NULL;

      if (is_web_url (url))
        {
          link = g_strdup_printf ("uri='%s'", url);
          cairo_tag_begin (w->cr, CAIRO_TAG_LINK, link);
        }
      used = draw_lines (w, layout, &line, x, y, w->bottom, w->y <= w->content_top);
      if (link != NULL)
        cairo_tag_end (w->cr, CAIRO_TAG_LINK);

      if (bar && used > 0)
        {
          cairo_set_line_width (w->cr, 3.0);
          cairo_move_to (w->cr, x - 7.0, y);
          cairo_line_to (w->cr, x - 7.0, y + used);
          cairo_stroke (w->cr);
        }
      w->y += used;
      if (line < n_lines)
        new_page (w);
    }
}

static void
write_title (PdfWriter           *w,
             const PfReportBlock *block)
{
  g_autoptr(PangoLayout) title = new_layout (w, "Sans Bold 22", w->width, block->text);
  g_autoptr(PangoLayout) subtitle = new_layout (w, "Sans 15", w->width, block->detail);

  w->y += 18.0;
  flow_layout (w, title, w->left, FALSE, NULL);
  w->y += 6.0;
  flow_layout (w, subtitle, w->left, FALSE, NULL);
  w->y += 18.0;
}

#define CHART_ROW 20.0

static double
chart_height (const PfReportBlock *chart)
{
  return (chart->bars->len + 1) * CHART_ROW + 10.0;
}

/* How much of @next must fit below a heading for the heading to stay on
 * this page: all of a chart, a table's header with a row, a few lines. */
static double
keep_with_heading (const PfReportBlock *next)
{
  if (next == NULL)
    return 0.0;

  switch (next->kind)
    {
    case PF_REPORT_BLOCK_CHART:
      return chart_height (next);
    case PF_REPORT_BLOCK_TABLE:
    case PF_REPORT_BLOCK_OUTCOME:
      return 70.0;
    case PF_REPORT_BLOCK_HEADING:
      return 80.0;
    default:
      return 40.0;
    }
}

static void
write_heading (PdfWriter           *w,
               const PfReportBlock *block,
               const PfReportBlock *next)
{
  static const char * const fonts[] = { NULL, "Sans Bold 15", "Sans Bold 12", "Sans Bold 10.5" };
  static const double space_before[] = { 0, 20.0, 14.0, 10.0 };
  guint level = CLAMP (block->level, 1, 3);
  g_autoptr(PangoLayout) layout = new_layout (w, fonts[level], w->width, block->text);
  double height = layout_height (layout);
  g_autofree char *destination = NULL;

  /* Keep a heading with the start of what follows it. */
  need_space (w, space_before[level] + height + keep_with_heading (next));
  if (w->y > w->content_top)
    w->y += space_before[level];

  destination = g_strdup_printf ("page=%d pos=[%d %d]", w->page, (int) w->left, (int) w->y);
  w->outline[level] = cairo_pdf_surface_add_outline (w->surface,
                                                     level == 1 ? CAIRO_PDF_OUTLINE_ROOT
                                                                : w->outline[level - 1],
                                                     block->text, destination,
                                                     level == 1 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0);

  flow_layout (w, layout, w->left, FALSE, NULL);
  if (level == 1)
    {
      cairo_set_line_width (w->cr, 1.5);
      cairo_move_to (w->cr, w->left, w->y + 2.0);
      cairo_line_to (w->cr, w->left + w->width, w->y + 2.0);
      cairo_stroke (w->cr);
      w->y += 6.0;
    }
  w->y += 5.0;
}

static void
write_paragraph (PdfWriter           *w,
                 const PfReportBlock *block)
{
  static const char * const fonts[] = {
    [PF_REPORT_STYLE_BODY] = FONT_BODY,
    [PF_REPORT_STYLE_SMALL] = FONT_SMALL,
    [PF_REPORT_STYLE_WARNING] = FONT_BOLD,
    [PF_REPORT_STYLE_BULLET] = FONT_BODY,
  };
  double indent = block->style == PF_REPORT_STYLE_BODY || block->style == PF_REPORT_STYLE_SMALL
                    ? 0.0 : 14.0;
  g_autoptr(PangoLayout) layout =
    new_detail_layout (w, fonts[block->style], w->width - indent, block->text, block->detail);

  if (block->style == PF_REPORT_STYLE_SMALL)
    cairo_set_source_rgb (w->cr, 0.3, 0.3, 0.3);

  need_space (w, MIN (layout_height (layout), 24.0));
  if (block->style == PF_REPORT_STYLE_BULLET)
    {
      double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

      cairo_arc (w->cr, w->left + 5.0, w->y + baseline - 3.0, 1.6, 0, 2 * G_PI);
      cairo_fill (w->cr);
    }

  flow_layout (w, layout, w->left + indent, block->style == PF_REPORT_STYLE_WARNING, block->url);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  w->y += block->style == PF_REPORT_STYLE_BULLET ? 3.0 : 6.0;
}

typedef struct {
  PangoLayout *layout;   /* (owned) */
  int          line;
  double       x;
  double       width;
} PdfCell;

static void
clear_cells (PdfCell *cells,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&cells[i].layout);
}

/* One row: drawn at w->y, broken between lines when it does not fit;
 * @header (nullable) is drawn again at the top of each new page. */
static void write_table_header (PdfWriter           *w,
                                const PfReportBlock *table);

static void
write_row (PdfWriter           *w,
           PdfCell             *cells,
           guint                n,
           gboolean             borders,
           const PfReportBlock *header)
{
  double height = 0.0;
  gboolean done = FALSE;

  for (guint i = 0; i < n; i++)
    height = MAX (height, layout_height (cells[i].layout));
  height += 2 * CELL_PAD;

  /* Break only rows that would not fit on a page of their own. */
  if (w->y + height > w->bottom && height < w->bottom - w->top - 40.0 && w->y > w->content_top)
    {
      new_page (w);
      if (header != NULL)
        write_table_header (w, header);
    }

  while (!done)
    {
      double used = 0.0;
      gboolean force = w->y <= w->content_top;

      done = TRUE;
      for (guint i = 0; i < n; i++)
        {
          if (cells[i].line < pango_layout_get_line_count (cells[i].layout))
            {
              double cell_used = draw_lines (w, cells[i].layout, &cells[i].line,
                                             cells[i].x + CELL_PAD, w->y + CELL_PAD,
                                             w->bottom - CELL_PAD, force);

              used = MAX (used, cell_used);
            }
          if (cells[i].line < pango_layout_get_line_count (cells[i].layout))
            done = FALSE;
        }

      if (used > 0.0 && borders)
        {
          cairo_set_source_rgb (w->cr, 0.5, 0.5, 0.5);
          cairo_set_line_width (w->cr, 0.5);
          for (guint i = 0; i < n; i++)
            cairo_rectangle (w->cr, cells[i].x, w->y, cells[i].width, used + 2 * CELL_PAD);
          cairo_stroke (w->cr);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
        }
      if (used > 0.0)
        w->y += used + 2 * CELL_PAD;

      if (!done)
        {
          new_page (w);
          if (header != NULL)
            write_table_header (w, header);
        }
    }
}

static guint
table_cells (PdfWriter           *w,
             const PfReportBlock *table,
             PdfCell             *cells)
{
  double x = w->left;

  for (guint i = 0; i < table->columns->len; i++)
    {
      const PfReportColumn *column = &g_array_index (table->columns, PfReportColumn, i);

      cells[i].x = x;
      cells[i].width = column->width * w->width;
      cells[i].line = 0;
      cells[i].layout = NULL;
      x += cells[i].width;
    }

  return table->columns->len;
}

static void
write_table_header (PdfWriter           *w,
                    const PfReportBlock *table)
{
  PdfCell cells[table->columns->len];
  guint n = table_cells (w, table, cells);
  double height = 0.0;

  for (guint i = 0; i < n; i++)
    {
      cells[i].layout = new_layout (w, FONT_TABLE_HEAD, cells[i].width - 2 * CELL_PAD,
                                    g_array_index (table->columns, PfReportColumn, i).title);
      height = MAX (height, layout_height (cells[i].layout));
    }

  cairo_set_source_rgb (w->cr, 0.88, 0.88, 0.88);
  cairo_rectangle (w->cr, w->left, w->y, w->width, height + 2 * CELL_PAD);
  cairo_fill (w->cr);
  cairo_set_source_rgb (w->cr, 0, 0, 0);

  write_row (w, cells, n, TRUE, NULL);
  w->content_top = w->y;
  clear_cells (cells, n);
}

static void
write_table (PdfWriter           *w,
             const PfReportBlock *table)
{
  PdfCell cells[table->columns->len];

  /* The header and at least a row or two. */
  need_space (w, 60.0);
  write_table_header (w, table);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      guint n = table_cells (w, table, cells);

      for (guint i = 0; i < n && i < row->len; i++)
        {
          const PfReportCell *cell = &g_array_index (row, PfReportCell, i);
          gboolean mono = g_array_index (table->columns, PfReportColumn, i).monospace;

          cells[i].layout = new_detail_layout (w, mono ? FONT_MONO : FONT_TABLE,
                                               cells[i].width - 2 * CELL_PAD,
                                               cell->text, cell->detail);
        }
      for (guint i = row->len; i < n; i++)
        cells[i].layout = new_layout (w, FONT_TABLE, cells[i].width - 2 * CELL_PAD, NULL);

      write_row (w, cells, n, TRUE, table);
      clear_cells (cells, n);
    }

  /* The header belongs to this table only. */
  w->content_top = MIN (w->content_top, w->top);
  w->y += 8.0;
}

static void
write_fields (PdfWriter           *w,
              const PfReportBlock *block)
{
  for (guint i = 0; i < block->fields->len; i++)
    {
      const PfReportCell *field = &g_array_index (block->fields, PfReportCell, i);
      PdfCell cells[2] = {
        { new_layout (w, FONT_BOLD, w->width * 0.3 - 2 * CELL_PAD, field->text), 0,
          w->left, w->width * 0.3 },
        { new_layout (w, FONT_BODY, w->width * 0.7 - 2 * CELL_PAD, field->detail), 0,
          w->left + w->width * 0.3, w->width * 0.7 },
      };

      write_row (w, cells, 2, FALSE, NULL);
      clear_cells (cells, 2);
    }
  w->y += 10.0;
}

static void
write_outcome (PdfWriter           *w,
               const PfReportBlock *block)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span size=\"x-large\" weight=\"bold\">"
                                                     "Outcome: %s</span>\n%s",
                                                     block->text, block->detail);
  g_autoptr(PangoLayout) layout = new_layout (w, FONT_BODY, w->width - 20.0, NULL);
  double height;

  pango_layout_set_markup (layout, markup, -1);
  height = layout_height (layout) + 16.0;
  need_space (w, height);

  cairo_set_line_width (w->cr, 2.5);
  cairo_rectangle (w->cr, w->left, w->y, w->width, height);
  cairo_stroke (w->cr);
  cairo_move_to (w->cr, w->left + 10.0, w->y + 8.0);
  pango_cairo_show_layout (w->cr, layout);
  w->y += height + 8.0;
}

static void
draw_hatch (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.8);
  for (double d = -height; d < width; d += 4.0)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* One chart segment: solid (true), hatched (unknown) or white (false),
 * with its count on a white or dark label so it reads in greyscale. */
static void
draw_segment (PdfWriter *w,
              guint      kind,
              guint      count,
              double     x,
              double     y,
              double     width,
              double     height)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) label = new_layout (w, "Sans Bold 8", -1, text);
  PangoRectangle ink;

  cairo_rectangle (w->cr, x, y, width, height);
  if (kind == 0)
    cairo_set_source_rgb (w->cr, 0.15, 0.15, 0.15);
  else
    cairo_set_source_rgb (w->cr, 1, 1, 1);
  cairo_fill (w->cr);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  if (kind == 1)
    draw_hatch (w->cr, x, y, width, height);
  cairo_set_line_width (w->cr, 0.8);
  cairo_rectangle (w->cr, x, y, width, height);
  cairo_stroke (w->cr);

  pango_layout_set_width (label, -1);
  pango_layout_get_pixel_extents (label, NULL, &ink);
  if (kind == 1)
    {
      cairo_set_source_rgb (w->cr, 1, 1, 1);
      cairo_rectangle (w->cr, x + (width - ink.width) / 2 - 2, y + 2, ink.width + 4, height - 4);
      cairo_fill (w->cr);
    }
  cairo_set_source_rgb (w->cr, kind == 0 ? 1 : 0, kind == 0 ? 1 : 0, kind == 0 ? 1 : 0);
  cairo_move_to (w->cr, x + (width - ink.width) / 2, y + (height - ink.height) / 2);
  pango_cairo_show_layout (w->cr, label);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
write_chart (PdfWriter           *w,
             const PfReportBlock *block)
{
  static const char * const legend[] = { "True (fired)", "Unknown", "False" };
  const double row_height = CHART_ROW, bar_height = 14.0;
  double label_width = w->width * 0.34, bar_width = w->width * 0.42;
  double height = chart_height (block);
  guint max_total = 1;

  for (guint i = 0; i < block->bars->len; i++)
    {
      const PfReportBar *bar = &g_array_index (block->bars, PfReportBar, i);

      max_total = MAX (max_total, bar->n_true + bar->n_unknown + bar->n_false);
    }

  /* The chart stays on one page when it fits on one. */
  if (height < w->bottom - w->top)
    need_space (w, height);

  for (guint i = 0; i < block->bars->len; i++)
    {
      const PfReportBar *bar = &g_array_index (block->bars, PfReportBar, i);
      const guint counts[] = { bar->n_true, bar->n_unknown, bar->n_false };
      g_autoptr(PangoLayout) name = new_layout (w, FONT_TABLE, label_width - 6.0, bar->domain);
      g_autofree char *summary = g_strdup_printf ("%u true, %u unknown, %u false",
                                                  bar->n_true, bar->n_unknown, bar->n_false);
      g_autoptr(PangoLayout) counts_text =
        new_layout (w, FONT_SMALL, w->width - label_width - bar_width - 8.0, summary);
      double x = w->left + label_width;

      need_space (w, row_height);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      cairo_move_to (w->cr, w->left, w->y + 2.0);
      pango_cairo_show_layout (w->cr, name);

      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        {
          double width = counts[k] * bar_width / max_total;

          if (counts[k] == 0)
            continue;
          draw_segment (w, k, counts[k], x, w->y + 1.0, width, bar_height);
          x += width;
        }

      cairo_move_to (w->cr, w->left + label_width + bar_width + 8.0, w->y + 3.0);
      pango_cairo_show_layout (w->cr, counts_text);
      w->y += row_height;
    }

  need_space (w, row_height);
  for (guint k = 0; k < G_N_ELEMENTS (legend); k++)
    {
      g_autoptr(PangoLayout) text = new_layout (w, FONT_SMALL, 100.0, legend[k]);
      double x = w->left + label_width + k * 95.0;

      cairo_rectangle (w->cr, x, w->y + 4.0, 14.0, 10.0);
      cairo_set_source_rgb (w->cr, k == 0 ? 0.15 : 1, k == 0 ? 0.15 : 1, k == 0 ? 0.15 : 1);
      cairo_fill (w->cr);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
      if (k == 1)
        draw_hatch (w->cr, x, w->y + 4.0, 14.0, 10.0);
      cairo_set_line_width (w->cr, 0.8);
      cairo_rectangle (w->cr, x, w->y + 4.0, 14.0, 10.0);
      cairo_stroke (w->cr);
      cairo_move_to (w->cr, x + 18.0, w->y + 3.0);
      pango_cairo_show_layout (w->cr, text);
    }
  w->y += row_height + 10.0;
}

static void
write_block (PdfWriter           *w,
             const PfReportBlock *block,
             const PfReportBlock *next)
{
  switch (block->kind)
    {
    case PF_REPORT_BLOCK_TITLE:
      write_title (w, block);
      break;

    case PF_REPORT_BLOCK_HEADING:
      write_heading (w, block, next);
      break;

    case PF_REPORT_BLOCK_PARAGRAPH:
      write_paragraph (w, block);
      break;

    case PF_REPORT_BLOCK_FIELDS:
      write_fields (w, block);
      break;

    case PF_REPORT_BLOCK_TABLE:
      write_table (w, block);
      break;

    case PF_REPORT_BLOCK_OUTCOME:
      write_outcome (w, block);
      break;

    case PF_REPORT_BLOCK_CHART:
      write_chart (w, block);
      break;

    default:
      g_assert_not_reached ();
    }
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  /* No array: the counting pass, whose output is thrown away. */
  if (closure != NULL)
    g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Lays out the whole document into @output (NULL: nowhere); returns the
 * number of pages, or 0 with @error set. */
static int
write_document (const PfReportDoc *doc,
                PfReportPaper      paper,
                int                n_pages,
                GByteArray        *output,
                GError           **error)
{
  PdfWriter w = { 0, };
  g_autofree char *marking = NULL;
  cairo_font_options_t *options;
  cairo_status_t status;

  w.doc = doc;
  w.n_pages = n_pages;
  w.page_width = paper == PF_REPORT_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  w.page_height = paper == PF_REPORT_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
  w.left = MARGIN_X;
  w.width = w.page_width - 2 * MARGIN_X;

  w.surface = cairo_pdf_surface_create_for_stream (append_to_array, output,
                                                   w.page_width, w.page_height);
  cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  if (doc->author != NULL)
    cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_SUBJECT, doc->marking_text);
  cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_CREATOR, "Preflight");
  /* Without these cairo writes the current time: the same input must give
   * the same bytes. */
  if (doc->modified != NULL)
    {
      cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_CREATE_DATE, doc->modified);
      cairo_pdf_surface_set_metadata (w.surface, CAIRO_PDF_METADATA_MOD_DATE, doc->modified);
    }

  w.cr = cairo_create (w.surface);
  w.context = pango_cairo_create_context (w.cr);
  /* One unit is one point; unhinted metrics keep both passes identical. */
  pango_cairo_context_set_resolution (w.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (w.context, options);
  cairo_font_options_destroy (options);

  if (doc->marking_statement != NULL)
    marking = g_markup_printf_escaped ("%s\n<span size=\"smaller\" weight=\"normal\">%s</span>",
                                       doc->marking_text, doc->marking_statement);
  else
    marking = g_markup_escape_text (doc->marking_text, -1);
  w.banner = new_layout (&w, FONT_BANNER, w.width - 12.0, NULL);
  pango_layout_set_alignment (w.banner, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (w.banner, marking, -1);

  begin_page (&w);
  for (guint i = 0; i < doc->blocks->len; i++)
    write_block (&w, g_ptr_array_index (doc->blocks, i),
                 i + 1 < doc->blocks->len ? g_ptr_array_index (doc->blocks, i + 1) : NULL);
  cairo_show_page (w.cr);

  g_clear_object (&w.banner);
  g_clear_object (&w.context);
  cairo_destroy (w.cr);
  cairo_surface_finish (w.surface);
  status = cairo_surface_status (w.surface);
  cairo_surface_destroy (w.surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write the PDF report: %s", cairo_status_to_string (status));
      return 0;
    }

  return w.page;
}

GBytes *
pf_report_doc_to_pdf (const PfReportDoc *doc,
                      PfReportPaper      paper,
                      GError           **error)
{
  g_autoptr(GByteArray) output = NULL;
  int n_pages;

  n_pages = write_document (doc, paper, 0, NULL, error);
  if (n_pages == 0)
    return NULL;

  output = g_byte_array_new ();
  if (write_document (doc, paper, n_pages, output, error) == 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}
