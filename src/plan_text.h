/* The plan's verdicts in words, for every view that shows one: one
 * wording, so that the title bar, the panes, the commands and the
 * exports never say it differently. */
#ifndef CURSUS_PLAN_TEXT_H
#define CURSUS_PLAN_TEXT_H

#include <stddef.h>

#include "plan.h"

/* "on plan", "ahead by 2 h", "behind by 3.5 h", "not started", "all done". */
void plan_verdict_text(struct verdict v, char *buf, size_t size);
/* A course's hours, from its plan hours (plan_course_hours): "16 h
 * stated, 28.2 h planned", "16 h" when the plan keeps the spec's, "12 h
 * planned, no hours published". */
void plan_course_hours_text(const struct program *p, const double *course_hours, size_t course,
			    char *buf, size_t size);

#endif
