/* pf-report-html.c: the report as one self-contained HTML5 document.
 *
 * No scripts and nothing fetched: the CSS is inline, the chart is inline
 * SVG, and the only URLs are the plain links to the pack's sources. On
 * paper the marking repeats on every page: fixed banners sit in the page
 * margins while an invisible table header and footer keep the text clear
 * of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-report"

#include "config.h"

#include <string.h>

#include "pf-report-private.h"

static const char stylesheet[] =
  ":root { color-scheme: light; }\n"
  "body { margin: 0; font: 15px/1.45 \"Cantarell\", \"DejaVu Sans\", \"Helvetica Neue\", Arial, "
  "sans-serif; color: #1a1a1a; background: #ffffff; }\n"
  "main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }\n"
  ".marking { border: 2px solid #1a1a1a; padding: 0.35rem 1rem; text-align: center; "
  "font-weight: bold; background: #ffffff; }\n"
  ".marking .statement { display: block; font-weight: normal; font-size: 0.8rem; }\n"
  ".layout { border-collapse: collapse; width: 100%; }\n"
  ".layout > thead, .layout > tfoot { display: none; }\n"
  ".layout > tbody > tr > td { padding: 0; }\n"
  "h1 { font-size: 2rem; margin: 1.5rem 0 0.25rem; }\n"
  "h2 { font-size: 1.5rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1a1a1a; }\n"
  "h3 { font-size: 1.15rem; margin: 1.5rem 0 0.4rem; }\n"
  "h4 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }\n"
  ".subtitle { font-size: 1.3rem; margin: 0 0 1rem; }\n"
  "p { margin: 0.4rem 0; }\n"
  ".small, .detail { font-size: 0.85em; color: #4d4d4d; }\n"
  ".detail { display: block; }\n"
  ".warning { border-left: 5px solid #1a1a1a; padding: 0.3rem 0.7rem; font-weight: bold; }\n"
  ".outcome { border: 3px solid #1a1a1a; padding: 0.6rem 1rem; margin: 0.8rem 0; }\n"
  ".outcome .label { font-size: 1.4rem; font-weight: bold; margin: 0; }\n"
  "table.data, table.fields { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }\n"
  "table.data th, table.data td { border: 1px solid #8c8c8c; padding: 0.3rem 0.45rem; "
  "text-align: left; vertical-align: top; overflow-wrap: anywhere; }\n"
  "table.data th { background: #e6e6e6; }\n"
  "table.data tr { break-inside: avoid; }\n"
  "table.fields th, table.fields td { text-align: left; vertical-align: top; "
  "padding: 0.15rem 0.8rem 0.15rem 0; overflow-wrap: anywhere; }\n"
  "table.fields th { width: 30%; }\n"
  ".mono { font-family: \"DejaVu Sans Mono\", monospace; font-size: 0.85em; }\n"
  "ul { margin: 0.3rem 0 0.8rem; padding-left: 1.4rem; }\n"
  "a { color: #0b3d91; }\n"
  "svg.chart { display: block; max-width: 100%; height: auto; margin: 0.5rem 0 1rem; }\n"
  "@page { size: auto; margin: 22mm 16mm; "
  "@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-size: 9pt; } }\n"
  "@media print {\n"
  "  body { font-size: 10pt; }\n"
  "  main { max-width: none; padding: 0; }\n"
  "  .marking { position: fixed; left: 0; right: 0; padding: 1mm 4mm; font-size: 9pt; "
  "-webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  .marking-top { top: 0; }\n"
  "  .marking-bottom { bottom: 0; }\n"
  "  .layout > thead { display: table-header-group; }\n"
  "  .layout > tfoot { display: table-footer-group; }\n"
  "  h2 { break-before: page; }\n"
  "  h2, h3, h4 { break-after: avoid; }\n"
  "  a { color: inherit; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* Only web links become links: a pack from elsewhere must not smuggle in a
 * javascript: or file: URL. */
static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

static void
append_marking (GString           *out,
                const PfReportDoc *doc,
                const char        *where)
{
  g_string_append_printf (out, "<div class=\"marking marking-%s\" role=\"note\">", where);
  append_escaped (out, doc->marking_text);
  if (doc->marking_statement != NULL)
    {
      g_string_append (out, "<span class=\"statement\">");
      append_escaped (out, doc->marking_statement);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</div>\n");
}

static void
append_cell_content (GString            *out,
                     const PfReportCell *cell)
{
  append_escaped (out, cell->text);
  if (cell->detail != NULL)
    {
      g_string_append (out, "<span class=\"detail\">");
      append_escaped (out, cell->detail);
      g_string_append (out, "</span>");
    }
}

static void
append_table (GString             *out,
              const PfReportBlock *block)
{
  g_string_append (out, "<table class=\"data\">\n<colgroup>");
  for (guint i = 0; i < block->columns->len; i++)
    {
      const PfReportColumn *column = &g_array_index (block->columns, PfReportColumn, i);
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.0f", column->width * 100.0);
      g_string_append_printf (out, "<col style=\"width: %s%%\">", width);
    }
  g_string_append (out, "</colgroup>\n<thead><tr>");
  for (guint i = 0; i < block->columns->len; i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, g_array_index (block->columns, PfReportColumn, i).title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < block->rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint i = 0; i < cells->len; i++)
        {
          gboolean mono = g_array_index (block->columns, PfReportColumn, i).monospace;

          g_string_append (out, mono ? "<td class=\"mono\">" : "<td>");
          append_cell_content (out, &g_array_index (cells, PfReportCell, i));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_fields (GString             *out,
               const PfReportBlock *block)
{
  g_string_append (out, "<table class=\"fields\">\n");
  for (guint i = 0; i < block->fields->len; i++)
    {
      const PfReportCell *field = &g_array_index (block->fields, PfReportCell, i);

      g_string_append (out, "<tr><th scope=\"row\">");
      append_escaped (out, field->text);
      g_string_append (out, "</th><td>");
      append_escaped (out, field->detail);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

/* Horizontal stacked bars, one per domain: solid for true, hatched for
 * unknown, white for false, each segment labelled with its count, so the
 * chart reads the same printed in black and white. */
static void
append_chart (GString             *out,
              const PfReportBlock *block)
{
  const guint label_width = 230, bar_width = 300, row_height = 30, legend_height = 34;
  guint max_total = 1;
  guint height = block->bars->len * row_height + legend_height + 8;
  const struct {
    const char *fill;
    const char *label;
    const char *text_fill;
  } kinds[] = {
    { "#262626", "true (fired)", "#ffffff" },
    { "url(#pf-hatch)", "unknown", "#000000" },
    { "#ffffff", "false", "#000000" },
  };

  for (guint i = 0; i < block->bars->len; i++)
    {
      const PfReportBar *bar = &g_array_index (block->bars, PfReportBar, i);

      max_total = MAX (max_total, bar->n_true + bar->n_unknown + bar->n_false);
    }

  g_string_append_printf (out,
                          "<svg class=\"chart\" "
                          "viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\" role=\"img\" "
                          "font-family=\"DejaVu Sans, sans-serif\" font-size=\"13\">\n<title>",
                          label_width + bar_width + 150, height,
                          label_width + bar_width + 150, height);
  append_escaped (out, block->text);
  g_string_append (out,
                   "</title>\n<defs><pattern id=\"pf-hatch\" width=\"6\" height=\"6\" "
                   "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                   "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000000\" "
                   "stroke-width=\"2\"/></pattern></defs>\n");

  for (guint i = 0; i < block->bars->len; i++)
    {
      const PfReportBar *bar = &g_array_index (block->bars, PfReportBar, i);
      const guint counts[] = { bar->n_true, bar->n_unknown, bar->n_false };
      guint y = i * row_height;
      guint x = label_width;

      g_string_append_printf (out, "<text x=\"0\" y=\"%u\">", y + 19);
      append_escaped (out, bar->domain);
      g_string_append (out, "</text>\n");

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          guint width = counts[k] * bar_width / max_total;

          if (counts[k] == 0)
            continue;
          g_string_append_printf (out,
                                  "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"22\" "
                                  "fill=\"%s\" stroke=\"#000000\"/>",
                                  x, y + 4, width, kinds[k].fill);
          if (k == 1)
            g_string_append_printf (out,
                                    "<rect x=\"%u\" y=\"%u\" width=\"16\" height=\"16\" "
                                    "fill=\"#ffffff\"/>",
                                    x + width / 2 - 8, y + 7);
          g_string_append_printf (out,
                                  "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\" "
                                  "fill=\"%s\">%u</text>\n",
                                  x + width / 2, y + 20, kinds[k].text_fill, counts[k]);
          x += width;
        }

      g_string_append_printf (out,
                              "<text x=\"%u\" y=\"%u\" font-size=\"12\">%u true, %u unknown, "
                              "%u false</text>\n",
                              label_width + bar_width + 8, y + 19,
                              bar->n_true, bar->n_unknown, bar->n_false);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint x = label_width + k * 130;
      guint y = block->bars->len * row_height + 12;

      g_string_append_printf (out,
                              "<rect x=\"%u\" y=\"%u\" width=\"18\" height=\"14\" fill=\"%s\" "
                              "stroke=\"#000000\"/><text x=\"%u\" y=\"%u\">%s</text>\n",
                              x, y, kinds[k].fill, x + 24, y + 12, kinds[k].label);
    }
  g_string_append (out, "</svg>\n");
}

static void
append_paragraph (GString             *out,
                  const PfReportBlock *block)
{
  static const char * const classes[] = {
    [PF_REPORT_STYLE_BODY] = NULL,
    [PF_REPORT_STYLE_SMALL] = "small",
    [PF_REPORT_STYLE_WARNING] = "warning",
    [PF_REPORT_STYLE_BULLET] = NULL,
  };
  const char *tag = block->style == PF_REPORT_STYLE_BULLET ? "li" : "p";

  if (classes[block->style] != NULL)
    g_string_append_printf (out, "<%s class=\"%s\">", tag, classes[block->style]);
  else
    g_string_append_printf (out, "<%s>", tag);

  if (is_web_url (block->url))
    {
      g_string_append (out, "<a href=\"");
      append_escaped (out, block->url);
      g_string_append (out, "\">");
      append_escaped (out, block->text);
      g_string_append (out, "</a>");
    }
  else
    {
      append_escaped (out, block->text);
    }

  if (block->detail != NULL)
    {
      g_string_append (out, "<span class=\"detail\">");
      append_escaped (out, block->detail);
      g_string_append (out, "</span>");
    }
  g_string_append_printf (out, "</%s>\n", tag);
}

static void
append_block (GString             *out,
              const PfReportBlock *block)
{
  switch (block->kind)
    {
    case PF_REPORT_BLOCK_TITLE:
      g_string_append (out, "<header>\n<h1>");
      append_escaped (out, block->text);
      g_string_append (out, "</h1>\n<p class=\"subtitle\">");
      append_escaped (out, block->detail);
      g_string_append (out, "</p>\n</header>\n");
      break;

    case PF_REPORT_BLOCK_HEADING:
      /* h1 is the title; sections are h2. */
      g_string_append_printf (out, "<h%u id=\"", block->level + 1);
      append_escaped (out, block->anchor);
      g_string_append (out, "\">");
      append_escaped (out, block->text);
      g_string_append_printf (out, "</h%u>\n", block->level + 1);
      break;

    case PF_REPORT_BLOCK_PARAGRAPH:
      append_paragraph (out, block);
      break;

    case PF_REPORT_BLOCK_FIELDS:
      append_fields (out, block);
      break;

    case PF_REPORT_BLOCK_TABLE:
      append_table (out, block);
      break;

    case PF_REPORT_BLOCK_OUTCOME:
      g_string_append (out, "<div class=\"outcome\"><p class=\"label\">Outcome: ");
      append_escaped (out, block->text);
      g_string_append (out, "</p><p>");
      append_escaped (out, block->detail);
      g_string_append (out, "</p></div>\n");
      break;

    case PF_REPORT_BLOCK_CHART:
      append_chart (out, block);
      break;

    default:
      g_assert_not_reached ();
    }
}

GBytes *
pf_report_doc_to_html (const PfReportDoc *doc)
{
  GString *out = g_string_new (NULL);
  gboolean in_list = FALSE;

  g_string_append (out,
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Preflight\">\n<title>");
  append_escaped (out, doc->title);
  g_string_append (out, "</title>\n<style>\n");
  /* The PCII statement makes the banner taller: reserve more room. */
  g_string_append (out, stylesheet);
  g_string_append_printf (out, "@media print { .marking-space { height: %s; } }\n",
                          doc->marking_statement != NULL ? "16mm" : "9mm");
  g_string_append (out, "</style>\n</head>\n<body>\n");

  append_marking (out, doc, "top");
  g_string_append (out,
                   "<table class=\"layout\" role=\"presentation\">"
                   "<thead><tr><td><div class=\"marking-space\"></div></td></tr></thead>"
                   "<tfoot><tr><td><div class=\"marking-space\"></div></td></tr></tfoot>\n"
                   "<tbody><tr><td>\n<main>\n");

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (doc->blocks, i);
      gboolean bullet = block->kind == PF_REPORT_BLOCK_PARAGRAPH &&
                        block->style == PF_REPORT_STYLE_BULLET;

      if (bullet && !in_list)
        g_string_append (out, "<ul>\n");
      else if (!bullet && in_list)
        g_string_append (out, "</ul>\n");
      in_list = bullet;

      append_block (out, block);
    }
  if (in_list)
    g_string_append (out, "</ul>\n");

  g_string_append (out, "</main>\n</td></tr></tbody></table>\n");
  append_marking (out, doc, "bottom");
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
