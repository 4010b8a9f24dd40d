/* pf-indicator.c: placeholder until implemented. */
#include "config.h"

#include "pf-indicator.h"
