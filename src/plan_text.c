#include "config.h"
#include "plan_text.h"
#include "effort.h"

#include <math.h>
#include <stdio.h>

void plan_verdict_text(struct verdict v, char *buf, size_t size)
{
	char h[32];
	effort_format_hours_unit(v.hours, h, sizeof h);
	switch (v.kind) {
	case VERDICT_NOT_STARTED: snprintf(buf, size, "not started"); break;
	case VERDICT_ON_PLAN: snprintf(buf, size, "on plan"); break;
	case VERDICT_AHEAD: snprintf(buf, size, "ahead by %s", h); break;
	case VERDICT_BEHIND: snprintf(buf, size, "behind by %s", h); break;
	case VERDICT_DONE: snprintf(buf, size, "all done"); break;
	}
}

void plan_course_hours_text(const struct program *p, const struct plan *pl, size_t course,
			    char *buf, size_t size)
{
	char planned[32], stated[32];
	effort_format_hours_unit(pl->course_hours[course], planned, sizeof planned);
	double hours = p->courses[course].hours;
	if (hours <= 0) {
		snprintf(buf, size, "%s planned (no hours published)", planned);
		return;
	}
	effort_format_hours_unit(hours, stated, sizeof stated);
	if (fabs(hours - pl->course_hours[course]) < 0.05)
		snprintf(buf, size, "%s", stated);
	else
		snprintf(buf, size, "%s stated, %s planned", stated, planned);
}
