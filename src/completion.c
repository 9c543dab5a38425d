#include "config.h"
#include "completion.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What exact_module says when two modules have the tick's title. */
#define AMBIGUOUS (-2)

/* True when two PATHs are in the same course ("1.2" and "1.3.1"). */
static bool same_course(const char *a, const char *b)
{
	size_t n = strcspn(a, ".");
	return n == strcspn(b, ".") && strncmp(a, b, n) == 0;
}

/* The one module with the tick's title exactly, in the tick's course
 * (in_course) or in the others; -1 when none, AMBIGUOUS when several. */
static long module_titled(const struct outline *o, const struct tick *t, const char *title,
			  bool in_course)
{
	long found = -1;
	for (size_t i = 0; title[0] && i < o->n; i++) {
		if (same_course(o->modules[i].path, t->path) != in_course ||
		    strcmp(o->modules[i].title, title) != 0)
			continue;
		if (found >= 0)
			return AMBIGUOUS; /* cannot tell which */
		found = (long)i;
	}
	return found;
}

/* The module with the tick's title exactly: the one at its PATH, else the
 * one module of its course with that title (the spec moved it within the
 * course), else -1. The title is in NFC: a progress file written from an
 * NFD spec by an older cursus holds NFD titles, and the spec reader gives
 * NFC ones. */
static long exact_module(const struct outline *o, const struct tick *t, const char *title)
{
	long at = outline_find(o, t->path);
	if (at >= 0 && (!title[0] || strcmp(o->modules[at].title, title) == 0))
		return at;
	return module_titled(o, t, title, true);
}

/* A title edited in place ("... (cas concrets)" appended): the module at
 * the tick's PATH when its title is similar (text_similar_title), unless
 * a tick matched that module exactly: then it is another module that
 * moved there, and this tick's module left the spec. */
static long edited_module(const struct outline *o, const struct tick *t, const char *title,
			  const bool *claimed)
{
	long at = outline_find(o, t->path);
	if (at < 0 || claimed[at] || !text_similar_title(o->modules[at].title, title))
		return -1;
	return at;
}

/* In order, so that the nearer explanation wins: the same title at the
 * PATH or in the course (for every tick first), then a similar title at
 * the PATH, then the same title in another course (the module moved
 * there). A course often repeats a title ("Quiz final") in another. */
static void match_ticks(struct completion *c, const struct outline *o,
			const struct program_progress *pp)
{
	bool *claimed = xcalloc(o->n ? o->n : 1, sizeof *claimed);
	char **titles = xcalloc(c->n_ticks ? c->n_ticks : 1, sizeof *titles);
	for (size_t t = 0; t < c->n_ticks; t++) {
		titles[t] = text_nfc(pp->ticks[t].title);
		c->tick_module[t] = exact_module(o, &pp->ticks[t], titles[t]);
		if (c->tick_module[t] >= 0)
			claimed[c->tick_module[t]] = true;
	}
	for (size_t t = 0; t < c->n_ticks; t++) {
		if (c->tick_module[t] == -1 && titles[t][0])
			c->tick_module[t] = edited_module(o, &pp->ticks[t], titles[t], claimed);
		if (c->tick_module[t] == -1)
			c->tick_module[t] = module_titled(o, &pp->ticks[t], titles[t], false);
		if (c->tick_module[t] == AMBIGUOUS)
			c->tick_module[t] = -1;
		free(titles[t]);
	}
	free(titles);
	free(claimed);
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
	match_ticks(c, o, pp);
	for (size_t t = 0; t < c->n_ticks; t++) {
		long m = c->tick_module[t];
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
