/* The learner's progress, as kept in the progress file: the option chosen
 * for each group, and for each program its start, pace, ticks and logged
 * hours. Pure data and the operations on it; reading and writing the file
 * is progress_file.c's job. */
#ifndef CURSUS_PROGRESS_H
#define CURSUS_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

/* The format is MAJOR[.MINOR]: a newer major version is refused; a newer
 * minor one adds keys, which this cursus keeps as they are and writes back
 * (struct extras). */
#define PROGRESS_FORMAT_VERSION 1
/* 1.1: a program's past weeks as they were planned ('weeks') and the day
 * its plan was last made anew ('replanned'). */
#define PROGRESS_FORMAT_MINOR 1
/* More than this in one day is a typo, not a study day. */
#define PROGRESS_MAX_HOURS_PER_DAY 24.0
/* Hours logged are kept to the 300th of an hour (12 seconds), the
 * largest step that holds both hundredths of an hour and whole minutes
 * exactly: 20 min logged three times makes 1 h, not 0.99. */
#define PROGRESS_LOG_STEPS_PER_HOUR 300

/* A YAML value cursus does not know, kept to be written back as it was
 * read: a scalar (text, with its style), or a list or mapping of values
 * (a mapping's items alternate key, value). */
struct raw_yaml {
	enum { RAW_SCALAR, RAW_LIST, RAW_MAP } kind;
	char *text;
	int style;            /* libyaml's scalar or collection style */
	struct raw_yaml *items;
	size_t n_items;
};

/* The keys of one mapping that cursus does not know, in file order. */
struct extras {
	char **keys;
	struct raw_yaml *values;
	size_t n;
};

void extras_add(struct extras *x, const char *key, struct raw_yaml value);
void extras_free(struct extras *x);
void raw_yaml_free(struct raw_yaml *v);
void extras_copy(struct extras *to, const struct extras *from);

struct tick {
	char *path;   /* "1.2.1" at the time of ticking */
	char *title;  /* the module's title then, to find it if PATHs move */
	struct date date;
	struct extras extras;
};

/* A week that has gone by, as it was planned then: its hours and how they
 * fell on the courses (by the spec's course numbers). Kept so that a
 * change of pace, or a tick dated in the past, never rewrites history. */
struct week_course {
	int course;
	double hours;
};

struct week_record {
	struct date monday;
	double planned;
	struct week_course *courses;
	size_t n_courses;
};

struct day_hours {
	struct date date;
	double hours;
};

struct program_progress {
	char *id;
	bool has_start;
	struct date start;
	double pace;          /* hours per week; 0: from the spec's effort */
	bool earned;
	struct date earned_on;
	struct tick *ticks;   /* sorted by PATH, then title */
	size_t n_ticks, cap_ticks;
	struct day_hours *hours; /* sorted by date */
	size_t n_hours, cap_hours;
	bool replanned;
	struct date replanned_on; /* the plan was made anew that day (a new
				   * pace, or the end moved to fit the work) */
	struct week_record *weeks; /* sorted by Monday */
	size_t n_weeks, cap_weeks;
	struct extras extras;
	int pace_line, start_line; /* where the file set them, for errors; 0: not read */
};

struct choice {
	char *group;
	char *id;
};

struct progress {
	int version;
	int minor;
	int comment_line;     /* the file's first comment: never saved over */
	char *current;        /* group of the program commands act on */
	struct choice *choices; /* sorted by group */
	size_t n_choices, cap_choices;
	struct program_progress *programs; /* sorted by id */
	size_t n_programs, cap_programs;
	struct extras extras;
};

void progress_free(struct progress *pr);

/* The chosen id for a group, or NULL. */
const char *progress_choice(const struct progress *pr, const char *group);
/* Sets the choice and makes the group current. */
void progress_choose(struct progress *pr, const char *group, const char *id);

struct program_progress *progress_find(const struct progress *pr, const char *id);
struct program_progress *progress_get(struct progress *pr, const char *id);

/* Ticks are a list, kept sorted by PATH: which module a tick belongs to is
 * decided by completion.c (by PATH and title), so that a tick whose module
 * left the spec stays in the file untouched. */
struct tick *progress_tick_add(struct program_progress *pp, const char *path,
			       const char *title, struct date date);
void progress_tick_remove(struct program_progress *pp, size_t index);
/* The index of the tick with t's PATH and title (the same tick), or -1. */
long progress_tick_find(const struct program_progress *pp, const struct tick *t);

/* The recorded week that begins on monday, or NULL. */
const struct week_record *progress_week(const struct program_progress *pp, struct date monday);
/* Records a week (its courses copied); a week recorded already is kept. */
void progress_week_record(struct program_progress *pp, struct date monday, double planned,
			  const struct week_course *courses, size_t n);

/* Hours logged on a day (0 when none). */
double progress_hours_on(const struct program_progress *pp, struct date day);
/* Sets the hours of a day; 0 removes the day. */
void progress_hours_set(struct program_progress *pp, struct date day, double hours);
/* Sum of the hours logged from first to last, inclusive. */
double progress_hours_between(const struct program_progress *pp, struct date first,
			      struct date last);
double progress_hours_total(const struct program_progress *pp);

/* Paces and planned hours are kept to the hundredth so that 0.1 + 0.2
 * is 0.3 in the file. */
double progress_round_hours(double hours);
/* Hours logged, to the PROGRESS_LOG_STEPS_PER_HOUR. */
double progress_round_logged(double hours);
/* Whether hours typed to be logged are too few to log: under a hundredth
 * of an hour, they would show as 0 h everywhere. */
bool progress_too_few_to_log(double hours);

#endif
