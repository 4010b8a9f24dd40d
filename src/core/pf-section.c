/* pf-section.c: placeholder until implemented. */
#include "config.h"

#include "pf-section.h"
