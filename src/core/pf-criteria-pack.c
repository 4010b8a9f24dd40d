/* pf-criteria-pack.c: placeholder until implemented. */
#include "config.h"

#include "pf-criteria-pack.h"
