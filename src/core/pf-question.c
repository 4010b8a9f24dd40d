/* pf-question.c: placeholder until implemented. */
#include "config.h"

#include "pf-question.h"
