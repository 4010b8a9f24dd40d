/* pf-safe-file.c: placeholder until implemented. */
#include "config.h"

#include "pf-safe-file.h"
