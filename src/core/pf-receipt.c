/* pf-receipt.c: placeholder until implemented. */
#include "config.h"

#include "pf-receipt.h"
