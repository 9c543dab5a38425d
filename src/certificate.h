/* Where the certificate stands (PRODUCT.md §2): its state, the share done,
 * courses, hours, recent pace and the completion date that pace projects. */
#ifndef CURSUS_CERTIFICATE_H
#define CURSUS_CERTIFICATE_H

#include <stdbool.h>
#include <stddef.h>

#include "completion.h"
#include "date.h"
#include "outline.h"
#include "plan.h"
#include "progress.h"
#include "spec.h"

enum cert_state {
	CERT_NOT_CHOSEN,
	CERT_NOT_STARTED,
	CERT_IN_PROGRESS,
	CERT_ALL_DONE,
	CERT_EARNED,
};

/* The figures themselves (percent, hours, pace, projection, verdicts)
 * are the plan's: this adds the certificate's state and counts. */
struct cert_status {
	enum cert_state state;
	size_t courses_done, n_courses;
	struct date earned_on;
	struct date all_done_on; /* when the last module was ticked */
};

void certificate_status(struct cert_status *st, const struct program *p,
			const struct outline *o, const struct program_progress *pp,
			const struct completion *done, const struct plan *pl,
			bool chosen);
const char *certificate_state_name(enum cert_state state);

#endif
