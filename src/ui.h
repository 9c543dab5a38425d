/* The full-screen planner (PRODUCT.md §5). */
#ifndef CURSUS_UI_H
#define CURSUS_UI_H

#include "cli.h"

/* Runs the planner until the learner quits; returns the exit status. */
int ui_run(struct cli *cli);

#endif
