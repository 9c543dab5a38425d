/* The plan of PRODUCT.md §2, computed once; every view formats it.
 *
 * The plan runs from the day the program was chosen (its start) to its
 * end, ceil(effort / pace) weeks later, in calendar weeks from Monday to
 * Sunday; a week the plan only partly covers gets its days' share. Each
 * week's hours are planned when it begins, from the work that remains
 * then (effort less the plan hours of the modules ticked before it),
 * spread over the days left to the end, never more than 1.5 x the pace:
 * so a week that has begun keeps its plan, and past weeks are history.
 * Work done (W, the plan hours of ticked modules) and hours studied (L)
 * are two measures, each compared with the hours planned to date (P). */
#ifndef CURSUS_PLAN_H
#define CURSUS_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "completion.h"
#include "date.h"
#include "outline.h"
#include "progress.h"
#include "spec.h"

/* When a spec gives no pace, nor hours for anything. */
#define PLAN_DEFAULT_PACE 5.0
#define PLAN_DEFAULT_COURSE_HOURS 10.0
/* A plan longer than this is a typo in the pace. */
#define PLAN_MAX_WEEKS 520
/* No week asks more than this times the pace to catch up. */
#define PLAN_CATCH_UP 1.5
/* The projection needs this many days of history; before, it is the
 * plan's end. */
#define PLAN_PROJECTION_DAYS 14
/* The learner's recent pace is measured over this many days (or since
 * the start, when shorter). */
#define PLAN_RECENT_DAYS 28

struct plan_slice {
	size_t course;
	double hours;
};

enum week_time { WEEK_PAST, WEEK_CURRENT, WEEK_FUTURE };

struct plan_week {
	int number;            /* 1-based */
	struct date monday, sunday;
	struct date first, last; /* the days of the week within the plan */
	int month;             /* 1-based month of the plan (--json, CSV) */
	struct date thursday;  /* names the week's calendar month, as ISO 8601
				* does: the month that holds most of its days */
	double planned;
	double logged;         /* Monday to Sunday */
	enum week_time when;
	struct plan_slice *slices;
	size_t n_slices;
};

/* What made plan_build fail: the pace (too many weeks), or the start
 * (the plan would run past DATE_LAST). */
enum plan_fault { PLAN_FAULT_NONE, PLAN_FAULT_PACE, PLAN_FAULT_START };

/* Where a measure (work done, hours studied) stands against the plan: on
 * plan while it lies between what was planned to date and what is planned
 * by the end of this week, give or take one day's share of the pace;
 * behind by how much it falls short of the first, ahead by how much it
 * passes the second. */
enum verdict_kind {
	VERDICT_NOT_STARTED,   /* today is before the plan's start */
	VERDICT_ON_PLAN,
	VERDICT_AHEAD,
	VERDICT_BEHIND,
	VERDICT_DONE,          /* every module is ticked */
};

struct verdict {
	enum verdict_kind kind;
	double hours;          /* ahead or behind by this much */
};

enum projection_kind {
	PROJECTION_DONE,       /* nothing remains */
	PROJECTION_PLAN,       /* too little history: the plan's end */
	PROJECTION_PACE,       /* at the learner's recent pace */
	PROJECTION_NONE,       /* no study lately, or too far off */
};

struct plan {
	enum plan_fault fault; /* set when plan_build fails */
	double effort;         /* hours */
	double pace;           /* hours per week */
	struct date start;     /* the first day of the plan */
	struct date end;       /* its last day */
	struct date anchor;    /* where its line begins: the start, or the day
				* it was last made anew */
	double left_at_anchor; /* the work left then */
	double studied_before_anchor; /* hours logged before it (re-planned) */
	double module_in_progress; /* plan hours of the first module not ticked */
	double *course_hours;  /* each course's plan hours */
	size_t n_courses;
	double *module_hours;  /* each outline module's plan hours */
	int length;            /* ceil(effort / pace): the plan's length in weeks */
	struct plan_week *weeks; /* the calendar weeks it covers (one more than
				  * length when it starts mid-week) */
	size_t n_weeks;
	long current;          /* today's week; -1 before the start, n_weeks after */
	bool all_done;         /* every module ticked */

	double work_done;      /* W: plan hours of the ticked modules */
	double studied;        /* L: hours logged up to today */
	double planned_to_date;  /* P: the plan's line at the end of today
				  * (the current week by days elapsed);
				  * the line runs evenly from the anchor's work
				  * done to the effort at the end */
	double planned_by_week_end; /* planned up to this week's Sunday */
	double remaining;      /* effort - W */
	double logged_before;  /* hours logged before the first week */
	double logged_after;   /* hours logged after the last week */

	bool overloaded;       /* the work left does not fit at 1.5 x the pace */
	struct date end_at_pace; /* when it ends at the pace (overloaded) */

	enum projection_kind projection;
	bool too_little_history; /* PROJECTION_PLAN for want of history, not
				  * because the learner is on plan */
	struct date projected; /* PROJECTION_PLAN or _PACE */
	bool pace_measured;    /* recent_pace measured: two weeks of history
				* and work left (on plan or not) */
	double recent_pace;    /* hours studied a week lately */
	int recent_days;       /* lately: the last 4 weeks, or since the start */
	double work_pace;      /* the work that pace does a week (hours / ratio) */
};

/* Each course's plan hours (PRODUCT.md §2), as plan_build shares them
 * out: p->n_courses of them (at least one), to free. */
double *plan_course_hours(const struct program *p);
/* pp and done may be NULL. Fails (message in *error, pl->fault saying
 * which value is at fault) when the pace would make an absurd plan, or the
 * plan would end after DATE_LAST. */
bool plan_build(struct plan *pl, const struct program *p, const struct outline *o,
		const struct program_progress *pp, const struct completion *done,
		struct date today, char **error);
void plan_free(struct plan *pl);

/* The share of the work done, rounded down: 100 only when every module is
 * ticked. The one percentage every view shows. */
int plan_percent(const struct plan *pl);
/* Where work done and hours studied stand against the plan. */
struct verdict plan_work_verdict(const struct plan *pl);
struct verdict plan_hours_verdict(const struct plan *pl);

#endif
