#include "config.h"
#include "plan.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hours below this are rounding noise, not work. */
#define EPSILON 1e-6

/* The effort a plan of p spreads: the spec's, else its courses', else a
 * default per course. */
static double plan_effort(const struct program *p)
{
	if (p->effort.known & EFFORT_HOURS)
		return p->effort.hours;
	double stated = spec_stated_course_hours(p);
	if (stated > 0)
		return stated;
	return PLAN_DEFAULT_COURSE_HOURS * (double)(p->n_courses ? p->n_courses : 1);
}

/* The learner's pace, else the spec's, else the default. */
static double plan_pace(const struct program *p, const struct program_progress *pp)
{
	if (pp && pp->pace > 0)
		return pp->pace;
	if (p->effort.known & EFFORT_PACE)
		return p->effort.hours_per_week;
	return PLAN_DEFAULT_PACE;
}

/* Each course's share of the effort: its stated hours scaled so that they
 * add up to the effort; courses without hours count as the average of
 * those with, or all alike when none has any. */
static void share_effort(struct plan *pl, const struct program *p)
{
	size_t n = p->n_courses;
	pl->n_courses = n;
	pl->course_hours = xcalloc(n ? n : 1, sizeof *pl->course_hours);
	double stated = 0;
	size_t with = 0;
	for (size_t i = 0; i < n; i++)
		if (p->courses[i].hours > 0)
			stated += p->courses[i].hours, with++;
	double fill = with ? stated / (double)with : 1.0;
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		pl->course_hours[i] = p->courses[i].hours > 0 ? p->courses[i].hours : fill;
		sum += pl->course_hours[i];
	}
	for (size_t i = 0; i < n; i++)
		pl->course_hours[i] *= pl->effort / sum;
}

static void add_slice(struct plan_week *w, size_t course, double hours)
{
	if (hours < EPSILON)
		return;
	w->slices = xrealloc(w->slices, (w->n_slices + 1) * sizeof *w->slices);
	w->slices[w->n_slices++] = (struct plan_slice){ course, hours };
}

/* Lays amounts[] (hours per course, in order) over weeks[first..], each
 * week taking its planned hours; a week may end one course and begin the
 * next. */
static void lay_out(struct plan *pl, const double *amounts, size_t first)
{
	size_t c = 0;
	double left_in_course = pl->n_courses ? amounts[0] : 0;
	for (size_t w = first; w < pl->n_weeks; w++) {
		double room = pl->weeks[w].planned;
		while (room > EPSILON && c < pl->n_courses) {
			double take = fmin(room, left_in_course);
			add_slice(&pl->weeks[w], c, take);
			room -= take;
			left_in_course -= take;
			if (left_in_course <= EPSILON && ++c < pl->n_courses)
				left_in_course = amounts[c];
		}
	}
}

static void make_weeks(struct plan *pl)
{
	pl->weeks = xcalloc(pl->n_weeks, sizeof *pl->weeks);
	for (size_t w = 0; w < pl->n_weeks; w++) {
		struct plan_week *week = &pl->weeks[w];
		week->number = (int)w + 1;
		week->monday = date_add_days(pl->start, (int)w * 7);
		week->sunday = date_add_days(week->monday, 6);
		week->month = 1 + (int)floor((double)w / WEEKS_PER_MONTH + EPSILON);
		double from = (double)w * pl->pace;
		week->planned = fmin(pl->pace, pl->effort - from);
	}
	pl->end = pl->weeks[pl->n_weeks - 1].sunday;
	lay_out(pl, pl->course_hours, 0);
}

static void place_today(struct plan *pl, const struct program_progress *pp, struct date today)
{
	long days = date_diff(pl->start, today);
	if (days < 0)
		pl->current = -1;
	else if (days / 7 >= (long)pl->n_weeks)
		pl->current = (long)pl->n_weeks;
	else
		pl->current = days / 7;
	for (size_t w = 0; w < pl->n_weeks; w++) {
		struct plan_week *week = &pl->weeks[w];
		week->when = (long)w < pl->current ? WEEK_PAST
			   : (long)w == pl->current ? WEEK_CURRENT : WEEK_FUTURE;
		if (pp)
			week->logged = progress_hours_between(pp, week->monday, week->sunday);
	}
	/* What the first plan expected by the end of last week: a week is
	 * judged once it is over, not while it is being lived. */
	pl->expected = 0;
	for (long w = 0; w < pl->current && w < (long)pl->n_weeks; w++)
		pl->expected += pl->weeks[w].planned;
	pl->logged = pp ? progress_hours_between(pp, (struct date){ 1900, 1, 1 }, today) : 0;
	pl->balance = pl->logged - pl->expected;
	pl->remaining = fmax(0, pl->effort - pl->logged);
}

/* From today's week on, what remains (in hours: the effort less what was
 * logged before this week; in content: what is not ticked yet) is spread
 * evenly over the weeks that remain, unless it is just what the first plan
 * has left for them: a learner on plan keeps the plan they started with. */
static void replan_rest(struct plan *pl, const struct outline *o,
			const struct program_progress *pp, const struct completion *done)
{
	if (pl->current < 0 || pl->current >= (long)pl->n_weeks)
		return;
	size_t first = (size_t)pl->current;
	double before = pp ? progress_hours_between(pp, (struct date){ 1900, 1, 1 },
						    date_add_days(pl->weeks[first].monday, -1))
			   : 0;
	double rest = fmax(0, pl->effort - before);
	double first_plan_rest = 0;
	for (size_t w = first; w < pl->n_weeks; w++)
		first_plan_rest += pl->weeks[w].planned;
	bool on_plan = fabs(rest - first_plan_rest) < 0.01;
	double *amounts = xcalloc(pl->n_courses ? pl->n_courses : 1, sizeof *amounts);
	double content = 0;
	for (size_t i = 0; i < o->n; i++) {
		if (o->modules[i].depth != 0)
			continue;
		size_t c = o->modules[i].course;
		double left = done ? 1.0 - completion_course_fraction(done, o, i) : 1.0;
		amounts[c] = pl->course_hours[c] * left;
		content += amounts[c];
	}
	for (size_t c = 0; c < pl->n_courses && content > EPSILON; c++)
		amounts[c] *= rest / content;
	for (size_t w = first; w < pl->n_weeks; w++) {
		free(pl->weeks[w].slices);
		pl->weeks[w].slices = NULL;
		pl->weeks[w].n_slices = 0;
		if (!on_plan)
			pl->weeks[w].planned = rest / (double)(pl->n_weeks - first);
	}
	if (content > EPSILON)
		lay_out(pl, amounts, first);
	free(amounts);
}

/* Every week of the plan must have dates cursus can write: past
 * 9999-12-31 a year would need five digits. */
static bool fits_calendar(const struct plan *pl, char **error)
{
	struct date end = date_add_days(pl->start, (int)pl->n_weeks * 7 - 1);
	if (date_valid(end))
		return true;
	char start[11], last[11];
	date_format(pl->start, start);
	date_format(DATE_LAST, last);
	*error = xasprintf("a plan of %zu week%s from %s would end after %s, the last "
			   "date cursus handles", pl->n_weeks, pl->n_weeks == 1 ? "" : "s",
			   start, last);
	return false;
}

bool plan_build(struct plan *pl, const struct program *p, const struct outline *o,
		const struct program_progress *pp, const struct completion *done,
		struct date today, char **error)
{
	memset(pl, 0, sizeof *pl);
	pl->effort = plan_effort(p);
	pl->pace = plan_pace(p, pp);
	double weeks = ceil(pl->effort / pl->pace - EPSILON);
	if (weeks > PLAN_MAX_WEEKS) {
		*error = xasprintf("%g h at %g h/week would take %.0f weeks (more than %d)",
				   pl->effort, pl->pace, weeks, PLAN_MAX_WEEKS);
		pl->fault = PLAN_FAULT_PACE;
		return false;
	}
	pl->n_weeks = weeks < 1 ? 1 : (size_t)weeks;
	pl->start = date_monday(pp && pp->has_start ? pp->start : today);
	if (!fits_calendar(pl, error)) {
		pl->fault = PLAN_FAULT_START;
		return false;
	}
	share_effort(pl, p);
	make_weeks(pl);
	place_today(pl, pp, today);
	replan_rest(pl, o, pp, done);
	return true;
}

void plan_free(struct plan *pl)
{
	for (size_t w = 0; w < pl->n_weeks; w++)
		free(pl->weeks[w].slices);
	free(pl->weeks);
	free(pl->course_hours);
	memset(pl, 0, sizeof *pl);
}
