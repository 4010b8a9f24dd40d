/* pf-signoff.c: placeholder until implemented. */
#include "config.h"

#include "pf-signoff.h"
