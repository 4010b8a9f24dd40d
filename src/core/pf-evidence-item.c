/* pf-evidence-item.c: placeholder until implemented. */
#include "config.h"

#include "pf-evidence-item.h"
