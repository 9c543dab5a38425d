/* What is done: the progress file's ticks matched to the modules of a
 * program. A tick belongs to the module at its PATH when the titles agree,
 * else to the one module with its title (the spec moved it), else to the
 * module at its PATH when the titles are similar (the title was edited in
 * place; text_similar_title) and no tick has that module's title, else to
 * none (the module left the spec; the tick is kept, an orphan). Titles
 * compare in NFC. A module with topics is done when all the leaves below
 * it are. */
#ifndef CURSUS_COMPLETION_H
#define CURSUS_COMPLETION_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "outline.h"
#include "progress.h"

struct completion {
	size_t n;                /* modules */
	bool *done;
	struct date *done_on;    /* for a module with topics, its last leaf's */
	long *tick_module;       /* per tick: its module, or -1 for an orphan */
	size_t n_ticks;
	size_t n_orphans;
	size_t leaves, leaves_done;
};

/* pp may be NULL (nothing done). */
void completion_compute(struct completion *c, const struct outline *o,
			const struct program_progress *pp);
void completion_free(struct completion *c);

/* Fraction (0..1) of course k's leaves that are done. */
double completion_course_fraction(const struct completion *c, const struct outline *o,
				  size_t course_module);
/* Percent of the program done, each course weighing its hours. */
double completion_percent(const struct completion *c, const struct outline *o,
			  const double *course_hours);
size_t completion_courses_done(const struct completion *c, const struct outline *o);

#endif
