#include "config.h"
#include "completion.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static long module_of_tick(const struct outline *o, const struct tick *t)
{
	long at = outline_find(o, t->path);
	if (at >= 0 && (!t->title[0] || strcmp(o->modules[at].title, t->title) == 0))
		return at;
	long found = -1;
	for (size_t i = 0; t->title[0] && i < o->n; i++) {
		if (strcmp(o->modules[i].title, t->title) != 0)
			continue;
		if (found >= 0)
			return -1; /* two modules with that title: cannot tell */
		found = (long)i;
	}
	return found;
}

static void mark_done(struct completion *c, const struct outline *o, size_t m,
		      struct date on)
{
	for (size_t k = m; k < o->modules[m].end; k++) {
		if (!o->modules[k].leaf)
			continue;
		if (!c->done[k] || date_compare(on, c->done_on[k]) < 0)
			c->done_on[k] = on;
		c->done[k] = true;
	}
}

/* Parents come before their children in the outline, so walking it
 * backwards settles every child before its parent. */
static void settle_parents(struct completion *c, const struct outline *o)
{
	for (size_t i = o->n; i-- > 0;) {
		if (o->modules[i].leaf)
			continue;
		bool all = true;
		struct date last = { 0, 0, 0 };
		for (size_t k = i + 1; k < o->modules[i].end; k++) {
			if (!o->modules[k].leaf)
				continue;
			all &= c->done[k];
			if (c->done[k] && date_compare(c->done_on[k], last) > 0)
				last = c->done_on[k];
		}
		c->done[i] = all;
		c->done_on[i] = last;
	}
}

void completion_compute(struct completion *c, const struct outline *o,
			const struct program_progress *pp)
{
	memset(c, 0, sizeof *c);
	c->n = o->n;
	c->done = xcalloc(o->n, sizeof *c->done);
	c->done_on = xcalloc(o->n, sizeof *c->done_on);
	c->n_ticks = pp ? pp->n_ticks : 0;
	c->tick_module = xcalloc(c->n_ticks, sizeof *c->tick_module);
	for (size_t t = 0; t < c->n_ticks; t++) {
		long m = module_of_tick(o, &pp->ticks[t]);
		c->tick_module[t] = m;
		if (m < 0)
			c->n_orphans++;
		else
			mark_done(c, o, (size_t)m, pp->ticks[t].date);
	}
	settle_parents(c, o);
	for (size_t i = 0; i < o->n; i++) {
		c->leaves += o->modules[i].leaf;
		c->leaves_done += o->modules[i].leaf && c->done[i];
	}
}

void completion_free(struct completion *c)
{
	free(c->done);
	free(c->done_on);
	free(c->tick_module);
	memset(c, 0, sizeof *c);
}

double completion_course_fraction(const struct completion *c, const struct outline *o,
				  size_t course_module)
{
	size_t leaves = 0, done = 0;
	for (size_t k = course_module; k < o->modules[course_module].end; k++) {
		if (!o->modules[k].leaf)
			continue;
		leaves++;
		done += c->done[k];
	}
	return leaves ? (double)done / (double)leaves : 0;
}

double completion_percent(const struct completion *c, const struct outline *o,
			  const double *course_hours)
{
	double total = 0, done = 0;
	for (size_t i = 0; i < o->n; i++) {
		if (o->modules[i].depth != 0)
			continue;
		double w = course_hours[o->modules[i].course];
		total += w;
		done += w * completion_course_fraction(c, o, i);
	}
	return total > 0 ? 100.0 * done / total : 0;
}

size_t completion_courses_done(const struct completion *c, const struct outline *o)
{
	size_t n = 0;
	for (size_t i = 0; i < o->n; i++)
		n += o->modules[i].depth == 0 && c->done[i];
	return n;
}
