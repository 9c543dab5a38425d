#include "config.h"
#include "plan_text.h"
#include "human_format.h"
#include "nls.h"

#include <math.h>
#include <stdio.h>

void plan_verdict_text(struct verdict v, char *buf, size_t size)
{
	char h[HUMAN_MAX];
	human_hours_unit(v.hours, h, sizeof h);
	switch (v.kind) {
	case VERDICT_NOT_STARTED: snprintf(buf, size, "%s", _("not started")); break;
	case VERDICT_ON_PLAN: snprintf(buf, size, "%s", _("on plan")); break;
	/* TRANSLATORS: %s is hours with their unit ("2 h"). */
	case VERDICT_AHEAD: snprintf(buf, size, _("ahead by %s"), h); break;
	/* TRANSLATORS: %s is hours with their unit ("3.5 h"). */
	case VERDICT_BEHIND: snprintf(buf, size, _("behind by %s"), h); break;
	case VERDICT_DONE: snprintf(buf, size, "%s", _("all done")); break;
	}
}

void plan_course_hours_text(const struct program *p, const double *course_hours, size_t course,
			    char *buf, size_t size)
{
	char planned[HUMAN_MAX], stated[HUMAN_MAX];
	human_hours_unit(course_hours[course], planned, sizeof planned);
	double hours = p->courses[course].hours;
	if (hours <= 0) {
		snprintf(buf, size, _("%s planned, no hours published"), planned);
		return;
	}
	human_hours_unit(hours, stated, sizeof stated);
	if (fabs(hours - course_hours[course]) < 0.05)
		snprintf(buf, size, "%s", stated);
	else
		/* TRANSLATORS: the hours the spec states for a course, then
		 * the hours the plan gives it ("16 h stated, 28.2 h planned"). */
		snprintf(buf, size, _("%s stated, %s planned"), stated, planned);
}
