/* pf-evidence-store.c: placeholder until implemented. */
#include "config.h"

#include "pf-evidence-store.h"
