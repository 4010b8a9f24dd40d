/* pf-expression.c: placeholder until implemented. */
#include "config.h"

#include "pf-expression.h"
