/* pf-enums.c: placeholder until implemented. */
#include "config.h"

#include "pf-enums.h"
