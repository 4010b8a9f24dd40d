/* pf-timeline.c: placeholder until implemented. */
#include "config.h"

#include "pf-timeline.h"
