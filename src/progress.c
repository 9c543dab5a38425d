#include "config.h"
#include "progress.h"
#include "outline.h"
#include "xalloc.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void raw_yaml_free(struct raw_yaml *v)
{
	for (size_t i = 0; i < v->n_items; i++)
		raw_yaml_free(&v->items[i]);
	free(v->items);
	free(v->text);
	memset(v, 0, sizeof *v);
}

void extras_add(struct extras *x, const char *key, struct raw_yaml value)
{
	/* A handful of keys at most: growing one at a time is enough. */
	x->keys = xrealloc(x->keys, (x->n + 1) * sizeof *x->keys);
	x->values = xrealloc(x->values, (x->n + 1) * sizeof *x->values);
	x->keys[x->n] = xstrdup(key);
	x->values[x->n++] = value;
}

void extras_free(struct extras *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->keys[i]);
		raw_yaml_free(&x->values[i]);
	}
	free(x->keys);
	free(x->values);
	memset(x, 0, sizeof *x);
}

static struct raw_yaml raw_yaml_copy(const struct raw_yaml *v)
{
	struct raw_yaml c = { v->kind, v->text ? xstrdup(v->text) : NULL, v->style, NULL,
			      v->n_items };
	if (v->n_items)
		c.items = xcalloc(v->n_items, sizeof *c.items);
	for (size_t i = 0; i < v->n_items; i++)
		c.items[i] = raw_yaml_copy(&v->items[i]);
	return c;
}

void extras_copy(struct extras *to, const struct extras *from)
{
	for (size_t i = 0; i < from->n; i++)
		extras_add(to, from->keys[i], raw_yaml_copy(&from->values[i]));
}

static void tick_free(struct tick *t)
{
	free(t->path);
	free(t->title);
	extras_free(&t->extras);
}

static void program_progress_free(struct program_progress *pp)
{
	free(pp->id);
	for (size_t i = 0; i < pp->n_ticks; i++)
		tick_free(&pp->ticks[i]);
	free(pp->ticks);
	free(pp->hours);
	for (size_t i = 0; i < pp->n_weeks; i++)
		free(pp->weeks[i].courses);
	free(pp->weeks);
	extras_free(&pp->extras);
}

void progress_free(struct progress *pr)
{
	free(pr->current);
	for (size_t i = 0; i < pr->n_choices; i++) {
		free(pr->choices[i].group);
		free(pr->choices[i].id);
	}
	free(pr->choices);
	for (size_t i = 0; i < pr->n_programs; i++)
		program_progress_free(&pr->programs[i]);
	free(pr->programs);
	extras_free(&pr->extras);
	memset(pr, 0, sizeof *pr);
}

const char *progress_choice(const struct progress *pr, const char *group)
{
	for (size_t i = 0; i < pr->n_choices; i++)
		if (strcasecmp(pr->choices[i].group, group) == 0)
			return pr->choices[i].id;
	return NULL;
}

void progress_choose(struct progress *pr, const char *group, const char *id)
{
	free(pr->current);
	pr->current = xstrdup(group);
	size_t i = 0;
	while (i < pr->n_choices && strcasecmp(pr->choices[i].group, group) < 0)
		i++;
	if (i < pr->n_choices && strcasecmp(pr->choices[i].group, group) == 0) {
		free(pr->choices[i].id);
		pr->choices[i].id = xstrdup(id);
		return;
	}
	XGROW(pr->choices, pr->cap_choices, pr->n_choices + 1);
	memmove(&pr->choices[i + 1], &pr->choices[i],
		(pr->n_choices - i) * sizeof *pr->choices);
	pr->choices[i] = (struct choice){ xstrdup(group), xstrdup(id) };
	pr->n_choices++;
}

/* Where id is or would go among the programs, sorted by id: a binary
 * search, since the reader looks up every program of the file in turn. */
static size_t program_index(const struct progress *pr, const char *id)
{
	size_t lo = 0, hi = pr->n_programs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcasecmp(pr->programs[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct program_progress *progress_find(const struct progress *pr, const char *id)
{
	size_t i = program_index(pr, id);
	if (i < pr->n_programs && strcasecmp(pr->programs[i].id, id) == 0)
		return &pr->programs[i];
	return NULL;
}

struct program_progress *progress_get(struct progress *pr, const char *id)
{
	struct program_progress *pp = progress_find(pr, id);
	if (pp)
		return pp;
	size_t i = program_index(pr, id);
	XGROW(pr->programs, pr->cap_programs, pr->n_programs + 1);
	memmove(&pr->programs[i + 1], &pr->programs[i],
		(pr->n_programs - i) * sizeof *pr->programs);
	memset(&pr->programs[i], 0, sizeof pr->programs[i]);
	pr->programs[i].id = xstrdup(id);
	pr->n_programs++;
	return &pr->programs[i];
}

static int tick_order(const struct tick *t, const char *path, const char *title)
{
	int c = outline_path_compare(t->path, path);
	return c ? c : strcmp(t->title, title);
}

struct tick *progress_tick_add(struct program_progress *pp, const char *path,
			       const char *title, struct date date)
{
	title = title ? title : "";
	size_t i = 0;
	while (i < pp->n_ticks && tick_order(&pp->ticks[i], path, title) <= 0)
		i++;
	XGROW(pp->ticks, pp->cap_ticks, pp->n_ticks + 1);
	memmove(&pp->ticks[i + 1], &pp->ticks[i], (pp->n_ticks - i) * sizeof *pp->ticks);
	pp->ticks[i] = (struct tick){ xstrdup(path), xstrdup(title), date, {0} };
	pp->n_ticks++;
	return &pp->ticks[i];
}

long progress_tick_find(const struct program_progress *pp, const struct tick *t)
{
	for (size_t i = 0; i < pp->n_ticks; i++)
		if (strcmp(pp->ticks[i].path, t->path) == 0 &&
		    strcmp(pp->ticks[i].title, t->title) == 0)
			return (long)i;
	return -1;
}

void progress_tick_remove(struct program_progress *pp, size_t i)
{
	tick_free(&pp->ticks[i]);
	memmove(&pp->ticks[i], &pp->ticks[i + 1], (pp->n_ticks - i - 1) * sizeof *pp->ticks);
	pp->n_ticks--;
}

double progress_round_hours(double hours)
{
	return round(hours * 100.0) / 100.0;
}

double progress_round_logged(double hours)
{
	return round(hours * PROGRESS_LOG_STEPS_PER_HOUR) / PROGRESS_LOG_STEPS_PER_HOUR;
}

bool progress_too_few_to_log(double hours)
{
	return progress_round_hours(hours) <= 0;
}

double progress_hours_on(const struct program_progress *pp, struct date day)
{
	for (size_t i = 0; i < pp->n_hours; i++)
		if (date_compare(pp->hours[i].date, day) == 0)
			return pp->hours[i].hours;
	return 0;
}

/* Where key is or would go in an array of n records of `size` bytes
 * sorted by the date at `offset` in each: a binary search, since the
 * reader adds years of days one at a time. */
static size_t date_index(const void *records, size_t n, size_t size, size_t offset,
			 struct date key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct date d;
		memcpy(&d, (const char *)records + mid * size + offset, sizeof d);
		if (date_compare(d, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t day_index(const struct program_progress *pp, struct date day)
{
	return date_index(pp->hours, pp->n_hours, sizeof *pp->hours,
			  offsetof(struct day_hours, date), day);
}

void progress_hours_set(struct program_progress *pp, struct date day, double hours)
{
	hours = progress_round_logged(hours);
	size_t i = day_index(pp, day);
	bool exists = i < pp->n_hours && date_compare(pp->hours[i].date, day) == 0;
	if (exists && hours <= 0) {
		memmove(&pp->hours[i], &pp->hours[i + 1],
			(pp->n_hours - i - 1) * sizeof *pp->hours);
		pp->n_hours--;
	} else if (exists) {
		pp->hours[i].hours = hours;
	} else if (hours > 0) {
		XGROW(pp->hours, pp->cap_hours, pp->n_hours + 1);
		memmove(&pp->hours[i + 1], &pp->hours[i], (pp->n_hours - i) * sizeof *pp->hours);
		pp->hours[i] = (struct day_hours){ day, hours };
		pp->n_hours++;
	}
}

double progress_hours_between(const struct program_progress *pp, struct date first,
			      struct date last)
{
	double sum = 0;
	for (size_t i = 0; i < pp->n_hours; i++)
		if (date_compare(pp->hours[i].date, first) >= 0 &&
		    date_compare(pp->hours[i].date, last) <= 0)
			sum += pp->hours[i].hours;
	return progress_round_logged(sum);
}

double progress_hours_total(const struct program_progress *pp)
{
	double sum = 0;
	for (size_t i = 0; i < pp->n_hours; i++)
		sum += pp->hours[i].hours;
	return progress_round_logged(sum);
}

static size_t week_index(const struct program_progress *pp, struct date monday)
{
	return date_index(pp->weeks, pp->n_weeks, sizeof *pp->weeks,
			  offsetof(struct week_record, monday), monday);
}

const struct week_record *progress_week(const struct program_progress *pp, struct date monday)
{
	size_t i = pp ? week_index(pp, monday) : 0;
	return pp && i < pp->n_weeks && date_compare(pp->weeks[i].monday, monday) == 0
		       ? &pp->weeks[i] : NULL;
}

void progress_week_record(struct program_progress *pp, struct date monday, double planned,
			  const struct week_course *courses, size_t n)
{
	size_t i = week_index(pp, monday);
	if (i < pp->n_weeks && date_compare(pp->weeks[i].monday, monday) == 0)
		return;
	XGROW(pp->weeks, pp->cap_weeks, pp->n_weeks + 1);
	memmove(&pp->weeks[i + 1], &pp->weeks[i], (pp->n_weeks - i) * sizeof *pp->weeks);
	struct week_record *w = &pp->weeks[i];
	*w = (struct week_record){ monday, progress_round_hours(planned), NULL, 0 };
	if (n) {
		w->courses = xcalloc(n, sizeof *w->courses);
		for (size_t k = 0; k < n; k++)
			w->courses[k] = (struct week_course){ courses[k].course,
							      progress_round_hours(courses[k].hours) };
		w->n_courses = n;
	}
	pp->n_weeks++;
}
