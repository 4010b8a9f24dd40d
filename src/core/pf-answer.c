/* pf-answer.c: placeholder until implemented. */
#include "config.h"

#include "pf-answer.h"
