/* pf-pack-catalog.c: placeholder until implemented. */
#include "config.h"

#include "pf-pack-catalog.h"
