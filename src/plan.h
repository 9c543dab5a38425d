/* The weekly schedule of PRODUCT.md §2: ceil(effort / pace) weeks from a
 * Monday, courses laid out in order in proportion to their hours; once
 * weeks have passed, what remains is spread over the weeks that remain and
 * the plan says how far behind or ahead the learner is. */
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

struct plan_slice {
	size_t course;
	double hours;
};

enum week_time { WEEK_PAST, WEEK_CURRENT, WEEK_FUTURE };

struct plan_week {
	int number;            /* 1-based */
	struct date monday, sunday;
	int month;             /* 1-based month of the plan */
	double planned;
	double logged;
	enum week_time when;
	struct plan_slice *slices;
	size_t n_slices;
};

/* What made plan_build fail: the pace (too many weeks), or the start
 * (the plan would run past DATE_LAST). */
enum plan_fault { PLAN_FAULT_NONE, PLAN_FAULT_PACE, PLAN_FAULT_START };

struct plan {
	enum plan_fault fault; /* set when plan_build fails */
	double effort;         /* hours */
	double pace;           /* hours per week */
	struct date start;     /* a Monday */
	struct date end;       /* the last week's Sunday */
	double *course_hours;  /* each course's share of the effort */
	size_t n_courses;
	struct plan_week *weeks;
	size_t n_weeks;
	long current;          /* today's week; -1 before the start, n_weeks after */
	double logged;         /* up to and including today */
	double expected;       /* what the first plan expected by last week's end */
	double balance;        /* logged - expected: ahead when > 0 */
	double remaining;      /* effort - logged, never below 0 */
};

/* pp and done may be NULL. Fails (message in *error, pl->fault saying
 * which value is at fault) when the pace would make an absurd plan, or the
 * plan would end after DATE_LAST. */
bool plan_build(struct plan *pl, const struct program *p, const struct outline *o,
		const struct program_progress *pp, const struct completion *done,
		struct date today, char **error);
void plan_free(struct plan *pl);

#endif
