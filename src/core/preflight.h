/* preflight.h: the whole public API of libpreflight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-answer.h"
#include "pf-assessment.h"
#include "pf-bundle.h"
#include "pf-bundle-reader.h"
#include "pf-bundle-writer.h"
#include "pf-comparison.h"
#include "pf-criteria-pack.h"
#include "pf-determination.h"
#include "pf-enums.h"
#include "pf-evidence-item.h"
#include "pf-evidence-store.h"
#include "pf-expression.h"
#include "pf-indicator.h"
#include "pf-oscal.h"
#include "pf-pack-catalog.h"
#include "pf-pack-text.h"
#include "pf-question.h"
#include "pf-receipt.h"
#include "pf-report.h"
#include "pf-safe-file.h"
#include "pf-section.h"
#include "pf-signoff.h"
#include "pf-submission.h"
#include "pf-timeline.h"
#include "pf-timestamp.h"
#include "pf-token-store.h"
