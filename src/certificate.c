#include "config.h"
#include "certificate.h"

#include <math.h>
#include <string.h>

static enum cert_state state_of(const struct cert_status *st,
				const struct program_progress *pp,
				const struct completion *done, bool chosen)
{
	if (pp && pp->earned)
		return CERT_EARNED;
	if (!chosen)
		return CERT_NOT_CHOSEN;
	if (done->leaves > 0 && done->leaves_done == done->leaves)
		return CERT_ALL_DONE;
	if (done->leaves_done == 0 && st->logged <= 0)
		return CERT_NOT_STARTED;
	return CERT_IN_PROGRESS;
}

/* At the recent pace, the hours that remain end on this date. */
static void project(struct cert_status *st, const struct plan *pl, struct date today)
{
	if (st->state == CERT_ALL_DONE || st->state == CERT_EARNED) {
		st->has_projection = false;
		return;
	}
	if (pl->remaining <= 0) {
		st->has_projection = true;
		st->projected = today;
		return;
	}
	if (st->recent_pace <= 0)
		return;
	double days = ceil(pl->remaining / st->recent_pace * 7.0);
	if (days > 365.0 * 50)
		return; /* no date worth showing */
	struct date when = date_add_days(today, (int)days);
	if (!date_valid(when))
		return; /* past the last date cursus can write */
	st->has_projection = true;
	st->projected = when;
}

void certificate_status(struct cert_status *st, const struct program *p,
			const struct outline *o, const struct program_progress *pp,
			const struct completion *done, const struct plan *pl,
			bool chosen, struct date today)
{
	memset(st, 0, sizeof *st);
	st->percent = completion_percent(done, o, pl->course_hours);
	st->courses_done = completion_courses_done(done, o);
	st->n_courses = p->n_courses;
	st->logged = pl->logged;
	st->effort = pl->effort;
	if (pp) {
		struct date from = date_add_days(today, -(CERT_PACE_WEEKS * 7 - 1));
		st->recent_pace = progress_hours_between(pp, from, today) / CERT_PACE_WEEKS;
		st->earned_on = pp->earned_on;
	}
	for (size_t i = 0; i < o->n; i++)
		if (o->modules[i].leaf && done->done[i] &&
		    date_compare(done->done_on[i], st->all_done_on) > 0)
			st->all_done_on = done->done_on[i];
	st->state = state_of(st, pp, done, chosen);
	project(st, pl, today);
}

const char *certificate_state_name(enum cert_state state)
{
	switch (state) {
	case CERT_NOT_CHOSEN:
		return "not chosen";
	case CERT_NOT_STARTED:
		return "not started";
	case CERT_IN_PROGRESS:
		return "in progress";
	case CERT_ALL_DONE:
		return "all modules done";
	case CERT_EARNED:
		return "earned";
	}
	return "unknown";
}
