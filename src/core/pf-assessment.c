/* pf-assessment.c: placeholder until implemented. */
#include "config.h"

#include "pf-assessment.h"
