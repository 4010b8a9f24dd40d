/* pf-indicator-chart.c: a small cairo bar chart of indicator states by
 * domain. Colours come from the theme's named colours and every bar also
 * says its counts in words, so nothing rests on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-indicator-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-indicator-chart.h"

#define ROW_HEIGHT     30
#define BAR_HEIGHT     14
#define LEGEND_HEIGHT  28
#define LABEL_WIDTH    190
#define COUNTS_WIDTH   210

typedef struct
{
  char  *domain;
  guint  n_true;
  guint  n_false;
  guint  n_unknown;
} DomainCounts;

struct _PfIndicatorChart
{
  GtkDrawingArea  parent_instance;

  GArray         *domains;  /* (owned) (element-type DomainCounts), pack order */
};

G_DEFINE_FINAL_TYPE (PfIndicatorChart, pf_indicator_chart, GTK_TYPE_DRAWING_AREA)

static void
domain_counts_clear (gpointer data)
{
  DomainCounts *counts = data;

  g_clear_pointer (&counts->domain, g_free);
}

/* "vulnerability-discovery" → "Vulnerability discovery", in the user's
 * language (build-aux/pack-strings makes the same names for translators). */
static char *
domain_label (const char *domain)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (domain), "-_", ' ');
  g_autofree char *first = g_utf8_strup (spaced, g_utf8_next_char (spaced) - spaced);
  g_autofree char *label = g_strconcat (first, g_utf8_next_char (spaced), NULL);

  return g_strdup (pf_pack_text (label));
}

static char *
counts_text (const DomainCounts *counts)
{
  /* TRANSLATORS: indicator counts of one domain in the chart */
  return g_strdup_printf (_("%u fired · %u not fired · %u unknown"),
                          counts->n_true, counts->n_false, counts->n_unknown);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
draw_segment (cairo_t       *cr,
              double         x,
              double         y,
              double         width,
              const GdkRGBA *color,
              gboolean       hatched)
{
  if (width <= 0)
    return;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_rectangle (cr, x, y, width, BAR_HEIGHT);
  if (!hatched)
    {
      cairo_fill (cr);
      return;
    }

  /* Unknown is drawn hatched so it differs from the others by pattern too. */
  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  for (double hx = x - BAR_HEIGHT; hx < x + width; hx += 5)
    {
      cairo_move_to (cr, hx, y + BAR_HEIGHT);
      cairo_line_to (cr, hx + BAR_HEIGHT, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_text (PfIndicatorChart *self,
           cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           int               max_width,
           const GdkRGBA    *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int height;

  pango_layout_set_width (layout, max_width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  PfIndicatorChart *self = PF_INDICATOR_CHART (area);
  GdkRGBA fg, fired, unknown, not_fired;
  double bar_width = MAX (40, width - LABEL_WIDTH - COUNTS_WIDTH - 24);
  struct { const char *label; const GdkRGBA *color; gboolean hatched; } legend[3];
  double x = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  lookup_color (GTK_WIDGET (self), "accent_bg_color", &fired);
  lookup_color (GTK_WIDGET (self), "warning_color", &unknown);
  not_fired = fg;
  not_fired.alpha *= 0.25;

  for (guint i = 0; i < self->domains->len; i++)
    {
      const DomainCounts *counts = &g_array_index (self->domains, DomainCounts, i);
      guint total = counts->n_true + counts->n_false + counts->n_unknown;
      double y = i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
      double bx = LABEL_WIDTH + 12;
      g_autofree char *label = domain_label (counts->domain);
      g_autofree char *text = counts_text (counts);
      double w_true = total ? bar_width * counts->n_true / total : 0;
      double w_false = total ? bar_width * counts->n_false / total : 0;
      double w_unknown = total ? bar_width * counts->n_unknown / total : 0;

      draw_text (self, cr, label, 0, y, LABEL_WIDTH, &fg);
      draw_segment (cr, bx, y - BAR_HEIGHT / 2.0, w_true, &fired, FALSE);
      draw_segment (cr, bx + w_true, y - BAR_HEIGHT / 2.0, w_false, &not_fired, FALSE);
      draw_segment (cr, bx + w_true + w_false, y - BAR_HEIGHT / 2.0, w_unknown, &unknown, TRUE);
      draw_text (self, cr, text, bx + bar_width + 12, y, COUNTS_WIDTH, &fg);
    }

  legend[0].label = _("Fired");
  legend[0].color = &fired;
  legend[0].hatched = FALSE;
  legend[1].label = _("Not fired");
  legend[1].color = &not_fired;
  legend[1].hatched = FALSE;
  legend[2].label = _("Unknown");
  legend[2].color = &unknown;
  legend[2].hatched = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      double y = self->domains->len * ROW_HEIGHT + LEGEND_HEIGHT / 2.0;
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      legend[i].label);
      int text_width;

      draw_segment (cr, x, y - BAR_HEIGHT / 2.0, BAR_HEIGHT, legend[i].color, legend[i].hatched);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      draw_text (self, cr, legend[i].label, x + BAR_HEIGHT + 6, y, text_width + 1, &fg);
      x += BAR_HEIGHT + 6 + text_width + 18;
    }
}

static void
pf_indicator_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (pf_indicator_chart_parent_class)->css_changed (widget, change);

  /* Light/dark and accent changes arrive as CSS changes. */
  gtk_widget_queue_draw (widget);
}

static void
pf_indicator_chart_finalize (GObject *object)
{
  PfIndicatorChart *self = PF_INDICATOR_CHART (object);

  g_clear_pointer (&self->domains, g_array_unref);

  G_OBJECT_CLASS (pf_indicator_chart_parent_class)->finalize (object);
}

static void
pf_indicator_chart_class_init (PfIndicatorChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pf_indicator_chart_finalize;
  widget_class->css_changed = pf_indicator_chart_css_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pf_indicator_chart_init (PfIndicatorChart *self)
{
  self->domains = g_array_new (FALSE, TRUE, sizeof (DomainCounts));
  g_array_set_clear_func (self->domains, domain_counts_clear);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), LEGEND_HEIGHT);
  gtk_widget_set_size_request (GTK_WIDGET (self), LABEL_WIDTH + COUNTS_WIDTH + 64, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicators by domain"),
                                  -1);
}

GtkWidget *
pf_indicator_chart_new (void)
{
  return g_object_new (PF_TYPE_INDICATOR_CHART, NULL);
}

void
pf_indicator_chart_set_determination (PfIndicatorChart *self,
                                      PfDetermination  *determination)
{
  GPtrArray *results;
  g_autofree char *text = NULL;

  g_return_if_fail (PF_IS_INDICATOR_CHART (self));

  g_array_set_size (self->domains, 0);

  results = determination != NULL ? pf_determination_get_indicators (determination) : NULL;
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      const char *domain = pf_indicator_get_domain (result->indicator);
      DomainCounts *counts = NULL;

      for (guint j = 0; j < self->domains->len && counts == NULL; j++)
        if (g_strcmp0 (g_array_index (self->domains, DomainCounts, j).domain, domain) == 0)
          counts = &g_array_index (self->domains, DomainCounts, j);

      if (counts == NULL)
        {
          DomainCounts fresh = { g_strdup (domain), 0, 0, 0 };

          g_array_append_val (self->domains, fresh);
          counts = &g_array_index (self->domains, DomainCounts, self->domains->len - 1);
        }

      if (result->state == PF_TRUTH_TRUE)
        counts->n_true++;
      else if (result->state == PF_TRUTH_FALSE)
        counts->n_false++;
      else
        counts->n_unknown++;
    }

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       self->domains->len * ROW_HEIGHT + LEGEND_HEIGHT);
  text = pf_indicator_chart_dup_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

char *
pf_indicator_chart_dup_text (PfIndicatorChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PF_IS_INDICATOR_CHART (self), NULL);

  for (guint i = 0; i < self->domains->len; i++)
    {
      const DomainCounts *counts = &g_array_index (self->domains, DomainCounts, i);
      g_autofree char *label = domain_label (counts->domain);
      g_autofree char *line = counts_text (counts);

      g_string_append_printf (text, "%s%s: %s", i > 0 ? "\n" : "", label, line);
    }

  return g_string_free (text, FALSE);
}
