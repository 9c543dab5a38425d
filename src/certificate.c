#include "config.h"
#include "certificate.h"
#include "nls.h"

#include <math.h>
#include <string.h>

static enum cert_state state_of(const struct plan *pl, const struct program_progress *pp,
				const struct completion *done, bool chosen)
{
	if (pp && pp->earned)
		return CERT_EARNED;
	if (!chosen)
		return CERT_NOT_CHOSEN;
	if (done->leaves > 0 && done->leaves_done == done->leaves)
		return CERT_ALL_DONE;
	if (done->leaves_done == 0 && pl->studied <= 0)
		return CERT_NOT_STARTED;
	return CERT_IN_PROGRESS;
}

void certificate_status(struct cert_status *st, const struct program *p,
			const struct outline *o, const struct program_progress *pp,
			const struct completion *done, const struct plan *pl,
			bool chosen)
{
	memset(st, 0, sizeof *st);
	st->courses_done = completion_courses_done(done, o);
	st->n_courses = p->n_courses;
	if (pp)
		st->earned_on = pp->earned_on;
	for (size_t i = 0; i < o->n; i++)
		if (o->modules[i].leaf && done->done[i] &&
		    date_compare(done->done_on[i], st->all_done_on) > 0)
			st->all_done_on = done->done_on[i];
	st->state = state_of(pl, pp, done, chosen);
}

const char *certificate_state_name(enum cert_state state)
{
	switch (state) {
	case CERT_NOT_CHOSEN:
		return _("not chosen");
	case CERT_NOT_STARTED:
		return _("not started");
	case CERT_IN_PROGRESS:
		return _("in progress");
	case CERT_ALL_DONE:
		return _("all modules done");
	case CERT_EARNED:
		return _("earned");
	}
	return "unknown";
}
