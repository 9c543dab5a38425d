#include "config.h"
#include "plan.h"
#include "human_format.h"
#include "hours.h"
#include "nls.h"
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

static void share_effort(struct plan *pl, const struct program *p)
{
	pl->n_courses = p->n_courses;
	pl->course_hours = plan_course_hours(p);
}

/* Each course's stated hours scaled so that the courses add up to the
 * effort; courses without hours count as the average of those with, or
 * all alike when none has any. */
double *plan_course_hours(const struct program *p)
{
	size_t n = p->n_courses;
	double *hours = xcalloc(n ? n : 1, sizeof *hours);
	double effort = plan_effort(p);
	double stated = 0;
	size_t with = 0;
	for (size_t i = 0; i < n; i++)
		if (p->courses[i].hours > 0)
			stated += p->courses[i].hours, with++;
	double fill = with ? stated / (double)with : 1.0;
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		hours[i] = p->courses[i].hours > 0 ? p->courses[i].hours : fill;
		sum += hours[i];
	}
	for (size_t i = 0; i < n; i++)
		hours[i] *= effort / sum;
	return hours;
}

/* A course's topics share its plan hours equally, a topic's sub-topics
 * the topic's: each module's hours, parents before their children. */
static void share_modules(struct plan *pl, const struct outline *o)
{
	pl->module_hours = xcalloc(o->n ? o->n : 1, sizeof *pl->module_hours);
	for (size_t i = 0; i < o->n; i++) {
		const struct module *m = &o->modules[i];
		if (m->depth == 0)
			pl->module_hours[i] = m->course < pl->n_courses ? pl->course_hours[m->course] : 0;
		size_t children = 0;
		for (size_t k = i + 1; k < m->end; k = o->modules[k].end)
			children++;
		for (size_t k = i + 1; k < m->end; k = o->modules[k].end)
			pl->module_hours[k] = pl->module_hours[i] / (double)children;
	}
}

/* Work done before the day `before` (all of it when NULL): the plan hours
 * of the leaves ticked before then. */
static double work_before(const struct plan *pl, const struct outline *o,
			  const struct completion *done, const struct date *before)
{
	double w = 0;
	for (size_t i = 0; done && i < o->n; i++)
		if (o->modules[i].leaf && done->done[i] &&
		    (!before || date_compare(done->done_on[i], *before) < 0))
			w += pl->module_hours[i];
	return w;
}

/* The first leaf not ticked before `before` (now when NULL): the module
 * in progress then, and its plan hours. */
static double module_in_progress(const struct plan *pl, const struct outline *o,
				 const struct completion *done, const struct date *before)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->modules[i].leaf && !(done && done->done[i] &&
					    (!before || date_compare(done->done_on[i], *before) < 0)))
			return pl->module_hours[i];
	return 0;
}


/* The work under way at the end of the day before `before` (now when
 * NULL): the hours studied since the last tick, as far as they go in the
 * module in progress (the next tick records the rest). */
static double work_in_progress(const struct plan *pl, const struct program_progress *pp,
			       const struct outline *o, const struct completion *done,
			       const struct date *before)
{
	if (!pp)
		return 0;
	struct date last_tick = DATE_FIRST;
	for (size_t i = 0; done && i < o->n; i++)
		if (o->modules[i].leaf && done->done[i] &&
		    (!before || date_compare(done->done_on[i], *before) < 0) &&
		    date_compare(done->done_on[i], last_tick) > 0)
			last_tick = done->done_on[i];
	struct date until = before ? date_add_days(*before, -1) : DATE_LAST;
	double since = progress_hours_between(pp, date_add_days(last_tick, 1), until);
	return hours_min(since, module_in_progress(pl, o, done, before));
}

/* Work done by the end of the day before `before` (now when NULL), as far
 * as it can be told: the modules ticked, and the work under way. Used
 * alike by the weekly plan, a re-plan, the load and the projection, so
 * that they never disagree. */
static double work_estimate(const struct plan *pl, const struct program_progress *pp,
			    const struct outline *o, const struct completion *done,
			    const struct date *before)
{
	return work_before(pl, o, done, before) + work_in_progress(pl, pp, o, done, before);
}

static void add_slice(struct plan_week *w, size_t course, double hours)
{
	if (hours < EPSILON)
		return;
	if (w->n_slices && w->slices[w->n_slices - 1].course == course) {
		w->slices[w->n_slices - 1].hours += hours;
		return;
	}
	w->slices = xrealloc(w->slices, (w->n_slices + 1) * sizeof *w->slices);
	w->slices[w->n_slices++] = (struct plan_slice){ course, hours };
}

/* The week's courses: its planned hours taken from the leaves not ticked
 * before `before` (now, when NULL), in order, after skipping `skip` hours
 * of them (the work under way then, and what the weeks before it take). */
static void lay_out(struct plan *pl, const struct outline *o, const struct completion *done,
		    const struct date *before, double skip, struct plan_week *w)
{
	double want = w->planned;
	for (size_t i = 0; i < o->n && want > EPSILON; i++) {
		const struct module *m = &o->modules[i];
		bool ticked = done && done->done[i] &&
			      (!before || date_compare(done->done_on[i], *before) < 0);
		if (!m->leaf || ticked)
			continue;
		double h = pl->module_hours[i];
		double skipped = hours_min(skip, h);
		skip -= skipped;
		double take = hours_min(h - skipped, want);
		add_slice(w, m->course, take);
		want -= take;
	}
}

static int days_between(struct date first, struct date last)
{
	return date_diff(first, last) + 1;
}

/* The hours a week plans for the work that remains at its first day: the
 * pace, or more when the work left needs it to end on time (spread over
 * the days left), but never more than 1.5 x the pace. A learner ahead
 * keeps the pace and ends sooner. */
static double week_hours(struct plan *pl, const struct plan_week *w, double remaining)
{
	double weeks_left = days_between(w->first, pl->end) / 7.0;
	double rate = hours_max(pl->pace, remaining / weeks_left);
	if (rate > PLAN_CATCH_UP * pl->pace)
		rate = PLAN_CATCH_UP * pl->pace;
	double days = days_between(w->first, w->last);
	return hours_min(remaining, rate * days / 7.0);
}

static void make_weeks(struct plan *pl, const struct program_progress *pp, struct date today)
{
	struct date monday = date_monday(pl->start);
	pl->n_weeks = (size_t)(date_diff(monday, pl->end) / 7 + 1);
	pl->weeks = xcalloc(pl->n_weeks, sizeof *pl->weeks);
	pl->current = date_compare(today, pl->start) < 0 ? -1
		    : date_compare(today, pl->end) > 0 ? (long)pl->n_weeks
		    : date_diff(monday, today) / 7;
	for (size_t i = 0; i < pl->n_weeks; i++) {
		struct plan_week *w = &pl->weeks[i];
		w->number = (int)i + 1;
		w->monday = date_add_days(monday, (int)i * 7);
		w->sunday = date_add_days(w->monday, 6);
		w->thursday = date_add_days(w->monday, 3);
		w->first = i == 0 ? pl->start : w->monday;
		w->last = i + 1 == pl->n_weeks ? pl->end : w->sunday;
		w->month = 1 + (int)floor((double)date_diff(pl->start, w->first) / 7.0 /
					  WEEKS_PER_MONTH + EPSILON);
		w->when = (long)i < pl->current ? WEEK_PAST
			: (long)i == pl->current ? WEEK_CURRENT : WEEK_FUTURE;
		if (pp)
			w->logged = progress_hours_between(pp, w->monday, w->sunday);
	}
	if (pp) {
		pl->logged_before = progress_hours_between(pp, DATE_FIRST,
							   date_add_days(monday, -1));
		pl->logged_after = progress_hours_between(
			pp, date_add_days(pl->weeks[pl->n_weeks - 1].sunday, 1), DATE_LAST);
		pl->studied = progress_hours_between(pp, DATE_FIRST, today);
	}
}

/* A past week as the progress file recorded it (the plan then). */
static bool recorded_week(const struct program *p, const struct program_progress *pp,
			  struct plan_week *w)
{
	const struct week_record *r = progress_week(pp, w->monday);
	if (!r)
		return false;
	w->planned = r->planned;
	for (size_t k = 0; k < r->n_courses; k++)
		for (size_t c = 0; c < p->n_courses; c++)
			if (p->courses[c].number == r->courses[k].course)
				add_slice(w, c, r->courses[k].hours);
	return true;
}

/* Weeks that have begun were planned on their first day, from what was
 * done before it: that plan is theirs for good, and once past it is
 * recorded in the progress file (session_commit), so that neither a new
 * pace nor a tick dated in the past rewrites it. */
static void plan_begun_weeks(struct plan *pl, const struct program *p, const struct outline *o,
			     const struct program_progress *pp, const struct completion *done)
{
	for (long i = 0; i <= pl->current && i < (long)pl->n_weeks; i++) {
		struct plan_week *w = &pl->weeks[i];
		if (i < pl->current && recorded_week(p, pp, w))
			continue;
		double remaining = pl->effort - work_estimate(pl, pp, o, done, &w->first);
		w->planned = week_hours(pl, w, hours_max(0, remaining));
		/* Every module ticked: the week under way asks only what was
		 * done in it, nothing more. */
		if (pl->all_done && i == pl->current)
			w->planned = hours_min(w->planned,
					  pl->work_done - work_before(pl, o, done, &w->first));
		/* its courses begin where the work under way then stands */
		lay_out(pl, o, done, &w->first, work_in_progress(pl, pp, o, done, &w->first), w);
	}
}

/* The weeks to come share what will remain once this week's plan is
 * done, in order, from what is not ticked now. */
static void plan_future_weeks(struct plan *pl, const struct program_progress *pp,
			      const struct outline *o, const struct completion *done)
{
	double now = work_estimate(pl, pp, o, done, NULL);
	double left_this_week = 0;
	if (pl->current >= 0 && pl->current < (long)pl->n_weeks) {
		const struct plan_week *w = &pl->weeks[pl->current];
		double done_this_week = now - work_estimate(pl, pp, o, done, &w->first);
		left_this_week = hours_max(0, w->planned - done_this_week);
	}
	double remaining = pl->all_done ? 0 : hours_max(0, pl->effort - now - left_this_week);
	/* past the work under way, and what this week still asks */
	double skip = work_in_progress(pl, pp, o, done, NULL) + left_this_week;
	for (size_t i = (size_t)(pl->current + 1); i < pl->n_weeks; i++) {
		struct plan_week *w = &pl->weeks[i];
		w->planned = week_hours(pl, w, remaining);
		lay_out(pl, o, done, NULL, skip, w);
		skip += w->planned;
		remaining -= w->planned;
	}
}

/* The plan's line: from its anchor (the start, or the day it was last made
 * anew) the work left then, done evenly day by day to the end. */
static double line_at(const struct plan *pl, int days_gone)
{
	double span = days_between(pl->anchor, pl->end);
	double share = hours_min(1, hours_max(0, days_gone / span));
	return pl->effort - pl->left_at_anchor + pl->left_at_anchor * share;
}

/* P: where the plan's line stands at the end of today (PRODUCT.md §2: the
 * current week counted by days elapsed, today included), and at the end
 * of this week. A learner who has not yet studied today stands a day's
 * share below it, which the verdicts' tolerance allows. Weeks
 * that ask more to catch up do not move the line: the backlog is what
 * lies below it. */
static void planned_to_date(struct plan *pl, struct date today)
{
	if (pl->current < 0)
		return;
	if (pl->current >= (long)pl->n_weeks) {
		pl->planned_to_date = pl->planned_by_week_end = pl->effort;
		return;
	}
	const struct plan_week *w = &pl->weeks[pl->current];
	pl->planned_to_date = line_at(pl, date_diff(pl->anchor, today) + 1);
	pl->planned_by_week_end = line_at(pl, days_between(pl->anchor, w->last));
}

/* When the work left does not fit the weeks left at 1.5 x the pace, the
 * day it would end at the pace. */
static void check_load(struct plan *pl, const struct program_progress *pp,
		       const struct outline *o, const struct completion *done, struct date today)
{
	if (pl->remaining <= EPSILON || pl->current >= (long)pl->n_weeks)
		return;
	struct date from = pl->current < 0 ? pl->start : today;
	double left = pl->effort - work_estimate(pl, pp, o, done, &from);
	double weeks_left = days_between(from, pl->end) / 7.0;
	if (left / weeks_left <= PLAN_CATCH_UP * pl->pace + EPSILON)
		return;
	pl->overloaded = true;
	pl->end_at_pace = date_add_days(from, (int)ceil(left / pl->pace * 7 - EPSILON) - 1);
}

/* The outside view: at the learner's recent pace, and the hours they
 * have needed for each hour of planned work, when is the work done? The
 * hours logged since the last tick count as work in progress. Before two
 * weeks of history there is nothing to measure: the plan's end. */
static void project(struct plan *pl, const struct program_progress *pp,
		    const struct outline *o, const struct completion *done, struct date today)
{
	if (pl->all_done) {
		pl->projection = PROJECTION_DONE;
		return;
	}
	int history = date_compare(today, pl->start) < 0 ? 0 : days_between(pl->start, today);
	/* The last 4 weeks, or the time since the start when shorter (PRODUCT.md
	 * §2), to the day: whole weeks only would leave out the first days,
	 * and the hours studied in them. */
	int window = history < PLAN_RECENT_DAYS ? history : PLAN_RECENT_DAYS;
	pl->recent_days = window;
	if (pp && window >= 7)
		pl->recent_pace = progress_hours_between(pp, date_add_days(today, 1 - window),
							 today) / (window / 7.0);
	/* Too little history to measure a pace, or a learner on plan: the
	 * plan's end (the noise of a day's study would move it otherwise). */
	pl->too_little_history = !pp || history < PLAN_PROJECTION_DAYS;
	pl->pace_measured = !pl->too_little_history;
	if (pl->too_little_history || plan_work_verdict(pl).kind == VERDICT_ON_PLAN) {
		pl->projection = PROJECTION_PLAN;
		pl->projected = pl->end;
		return;
	}
	struct date last_tick = DATE_FIRST;
	for (size_t i = 0; done && i < o->n; i++)
		if (o->modules[i].leaf && done->done[i] &&
		    date_compare(done->done_on[i], last_tick) > 0)
			last_tick = done->done_on[i];
	double hours_then = progress_hours_between(pp, DATE_FIRST, last_tick);
	/* Hours run ahead of ticks by the module in progress and the days
	 * studied before the week's end: a ratio within that noise is 1. */
	double noise = 2 * pl->pace / 7 + pl->module_in_progress;
	bool measured = pl->work_done > EPSILON && hours_then > EPSILON &&
			fabs(hours_then - pl->work_done) > noise;
	double ratio = measured ? hours_then / pl->work_done : 1.0;
	/* Work done by now: the ticks, and the hours since the last one at
	 * the learner's ratio, as far as the module in progress goes. */
	double done_now = pl->work_done + hours_min((pl->studied - hours_then) / ratio,
					       pl->module_in_progress);
	double left = hours_max(0, pl->effort - done_now);
	pl->work_pace = pl->recent_pace / ratio;
	pl->projection = PROJECTION_NONE;
	if (pl->work_pace <= EPSILON)
		return;
	double days = ceil(left / pl->work_pace * 7 - EPSILON);
	struct date when = date_add_days(today, (int)hours_max(0, days));
	if (days > 365.0 * 50 || !date_valid(when))
		return; /* no date worth showing */
	pl->projection = PROJECTION_PACE;
	pl->projected = when;
}

/* The plan's last day: the work left at its anchor, at the pace, in days
 * from the anchor (the start: ceil(effort / pace) weeks). */
static bool place_end(struct plan *pl, char **error)
{
	double weeks = ceil(pl->left_at_anchor / pl->pace - EPSILON);
	if (weeks > PLAN_MAX_WEEKS) {
		char left[HUMAN_MAX], pace[HUMAN_MAX];
		human_number(pl->left_at_anchor, left, sizeof left);
		human_number(pl->pace, pace, sizeof pace);
		*error = xasprintf(_("%s h at %s h/week would take %.0f weeks (more than %d)"),
				   left, pace, weeks, PLAN_MAX_WEEKS);
		pl->fault = PLAN_FAULT_PACE;
		return false;
	}
	int days = (int)ceil(pl->left_at_anchor / pl->pace * 7 - EPSILON);
	pl->end = date_add_days(pl->anchor, days < 1 ? 0 : days - 1);
	pl->length = (date_diff(pl->start, pl->end) + 7) / 7;
	/* The last week must have dates cursus can write: past 9999-12-31 a
	 * year would need five digits. */
	struct date last_sunday = date_add_days(date_monday(pl->end), 6);
	if (date_valid(last_sunday))
		return true;
	char start[11], last[11];
	date_format(pl->start, start);
	date_format(DATE_LAST, last);
	*error = xasprintf(ngettext("a plan of %d week from %s would end after %s, the last "
				    "date cursus handles",
				    "a plan of %d weeks from %s would end after %s, the last "
				    "date cursus handles", pl->length), pl->length, start, last);
	pl->fault = PLAN_FAULT_START;
	return false;
}

/* The start, or the day the plan was last made anew (a new pace, a
 * re-plan), when that day lies after the start and is not to come: a
 * re-plan starts from where the learner stands then (work_estimate). */
static void place_anchor(struct plan *pl, const struct program_progress *pp,
			 const struct outline *o, const struct completion *done, struct date today)
{
	pl->anchor = pl->start;
	pl->module_in_progress = module_in_progress(pl, o, done, NULL);
	pl->left_at_anchor = pl->effort;
	if (!pp || !pp->replanned || date_compare(pp->replanned_on, pl->start) <= 0 ||
	    date_compare(pp->replanned_on, today) > 0)
		return;
	pl->anchor = pp->replanned_on;
	pl->studied_before_anchor = progress_hours_between(pp, DATE_FIRST,
							   date_add_days(pl->anchor, -1));
	pl->left_at_anchor = pl->effort - work_estimate(pl, pp, o, done, &pl->anchor);
	if (pl->left_at_anchor < EPSILON)
		pl->left_at_anchor = pl->effort; /* nothing left then: the plan as it was */
}

bool plan_build(struct plan *pl, const struct program *p, const struct outline *o,
		const struct program_progress *pp, const struct completion *done,
		struct date today, char **error)
{
	memset(pl, 0, sizeof *pl);
	pl->effort = plan_effort(p);
	pl->pace = plan_pace(p, pp);
	pl->start = pp && pp->has_start ? pp->start : today;
	share_effort(pl, p);
	share_modules(pl, o);
	pl->all_done = done && done->leaves > 0 && done->leaves_done == done->leaves;
	pl->work_done = pl->all_done ? pl->effort : work_before(pl, o, done, NULL);
	pl->remaining = hours_max(0, pl->effort - pl->work_done);
	place_anchor(pl, pp, o, done, today);
	if (!place_end(pl, error)) {
		enum plan_fault fault = pl->fault;
		plan_free(pl); /* nothing of a plan that cannot be is kept */
		pl->fault = fault;
		return false;
	}
	make_weeks(pl, pp, today);
	plan_begun_weeks(pl, p, o, pp, done);
	plan_future_weeks(pl, pp, o, done);
	planned_to_date(pl, today);
	check_load(pl, pp, o, done, today);
	project(pl, pp, o, done, today);
	return true;
}

void plan_free(struct plan *pl)
{
	for (size_t w = 0; w < pl->n_weeks; w++)
		free(pl->weeks[w].slices);
	free(pl->weeks);
	free(pl->course_hours);
	free(pl->module_hours);
	memset(pl, 0, sizeof *pl);
}

int plan_percent(const struct plan *pl)
{
	if (pl->all_done)
		return 100;
	int pct = pl->effort > 0 ? (int)floor(pl->work_done / pl->effort * 100 + EPSILON) : 0;
	return pct > 99 ? 99 : pct;
}

/* A measure against the plan: on plan from what was planned to date to
 * what is planned by this week's end, give or take `slack`. So a learner
 * at the plan's pace is on plan every day of the week, whichever days
 * they study. */
static struct verdict verdict_of(const struct plan *pl, double measure, double slack)
{
	if (pl->current < 0)
		return (struct verdict){ VERDICT_NOT_STARTED, 0 };
	if (measure < pl->planned_to_date - slack - EPSILON)
		return (struct verdict){ VERDICT_BEHIND, pl->planned_to_date - measure };
	if (measure > pl->planned_by_week_end + slack + EPSILON)
		return (struct verdict){ VERDICT_AHEAD, measure - pl->planned_by_week_end };
	return (struct verdict){ VERDICT_ON_PLAN, 0 };
}

/* Work counts a module once it is ticked: the one in progress is not held
 * against the learner, on top of a day's share. */
struct verdict plan_work_verdict(const struct plan *pl)
{
	if (pl->all_done)
		return (struct verdict){ VERDICT_DONE, 0 };
	return verdict_of(pl, pl->work_done, pl->pace / 7 + pl->module_in_progress);
}

/* Hours count from the plan's anchor: a plan made anew starts from the
 * work done then, and the hours studied since are measured against it.
 * Every module ticked with few hours logged is still said: under on
 * hours (PRODUCT.md §2). */
struct verdict plan_hours_verdict(const struct plan *pl)
{
	double since = pl->studied - pl->studied_before_anchor;
	return verdict_of(pl, pl->effort - pl->left_at_anchor + since, pl->pace / 7);
}
