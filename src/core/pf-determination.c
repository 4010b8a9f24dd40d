/* pf-determination.c: placeholder until implemented. */
#include "config.h"

#include "pf-determination.h"
