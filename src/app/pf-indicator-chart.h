/* pf-indicator-chart.h: indicator states (fired / not fired / unknown) per
 * domain, as stacked bars with counts written out and a legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "preflight.h"

G_BEGIN_DECLS

#define PF_TYPE_INDICATOR_CHART (pf_indicator_chart_get_type ())
G_DECLARE_FINAL_TYPE (PfIndicatorChart, pf_indicator_chart, PF, INDICATOR_CHART, GtkDrawingArea)

GtkWidget *pf_indicator_chart_new               (void);
/* @determination may be NULL (an empty chart). */
void       pf_indicator_chart_set_determination (PfIndicatorChart *self,
                                                 PfDetermination  *determination);
/* The chart as text (also its accessible description), one domain a line. */
char      *pf_indicator_chart_dup_text          (PfIndicatorChart *self);

G_END_DECLS
