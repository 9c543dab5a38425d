#include "config.h"
#include "edits.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void add_tick(struct edit *e, const char *path, const char *title, struct date on)
{
	e->ticks = xrealloc(e->ticks, (e->n_ticks + 1) * sizeof *e->ticks);
	e->ticks[e->n_ticks++] = (struct tick){ .path = xstrdup(path),
						.title = xstrdup(title ? title : ""), .date = on };
}

static void start(struct edit *e, enum edit_kind kind, const char *program_id)
{
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->program_id = xstrdup(program_id);
}

bool edit_make_tick(struct edit *e, const char *program_id, const struct outline *o,
		    const struct completion *done, size_t m, struct date on)
{
	start(e, EDIT_TICK, program_id);
	for (size_t k = m; k < o->modules[m].end; k++)
		if (o->modules[k].leaf && !done->done[k])
			add_tick(e, o->modules[k].path, o->modules[k].title, on);
	if (e->n_ticks == 0)
		edit_free(e);
	return e->n_ticks > 0;
}

bool edit_make_untick(struct edit *e, const char *program_id, const struct outline *o,
		      const struct completion *done, const struct program_progress *pp,
		      size_t m)
{
	start(e, EDIT_UNTICK, program_id);
	for (size_t t = 0; pp && t < pp->n_ticks; t++) {
		long at = done->tick_module[t];
		if (at >= (long)m && at < (long)o->modules[m].end)
			add_tick(e, pp->ticks[t].path, pp->ticks[t].title, pp->ticks[t].date);
	}
	if (e->n_ticks == 0)
		edit_free(e);
	return e->n_ticks > 0;
}

void edit_make_hours(struct edit *e, const char *program_id, struct date day, double delta)
{
	start(e, EDIT_HOURS, program_id);
	e->day = day;
	e->delta = delta;
}

static void put_ticks(struct program_progress *pp, const struct edit *e)
{
	for (size_t i = 0; i < e->n_ticks; i++)
		if (progress_tick_find(pp, &e->ticks[i]) < 0)
			progress_tick_add(pp, e->ticks[i].path, e->ticks[i].title, e->ticks[i].date);
}

static void take_ticks(struct program_progress *pp, const struct edit *e)
{
	for (size_t i = 0; i < e->n_ticks; i++) {
		long at = progress_tick_find(pp, &e->ticks[i]);
		if (at >= 0)
			progress_tick_remove(pp, (size_t)at);
	}
}

void edit_make_replan(struct edit *e, const char *program_id, struct date day)
{
	start(e, EDIT_REPLAN, program_id);
	e->day = day;
}

static void replan(struct program_progress *pp, struct edit *e, bool inverse)
{
	if (inverse) {
		if (pp->replanned && date_compare(pp->replanned_on, e->day) == 0) {
			pp->replanned = e->was_replanned;
			pp->replanned_on = e->was_replanned_on;
		}
		return;
	}
	e->was_replanned = pp->replanned;
	e->was_replanned_on = pp->replanned_on;
	pp->replanned = true;
	pp->replanned_on = e->day;
}

bool edit_apply(struct progress *pr, struct edit *e, bool inverse)
{
	struct program_progress *pp = progress_get(pr, e->program_id);
	switch (e->kind) {
	case EDIT_TICK:
		if (inverse)
			take_ticks(pp, e);
		else
			put_ticks(pp, e);
		return true;
	case EDIT_UNTICK:
		if (inverse)
			put_ticks(pp, e);
		else
			take_ticks(pp, e);
		return true;
	case EDIT_HOURS: {
		double total = progress_round_logged(progress_hours_on(pp, e->day) +
						     (inverse ? -e->delta : e->delta));
		if (total < 0 || total > PROGRESS_MAX_HOURS_PER_DAY)
			return false;
		progress_hours_set(pp, e->day, total);
		return true;
	}
	case EDIT_REPLAN:
		replan(pp, e, inverse);
		return true;
	}
	return false;
}

void edit_free(struct edit *e)
{
	for (size_t i = 0; i < e->n_ticks; i++) {
		free(e->ticks[i].path);
		free(e->ticks[i].title);
	}
	free(e->ticks);
	free(e->program_id);
	memset(e, 0, sizeof *e);
}

void edit_stack_push(struct edit_stack *st, struct edit *e)
{
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 16;
		st->v = xrealloc(st->v, st->cap * sizeof *st->v);
	}
	st->v[st->n++] = *e;
}

long edit_stack_last_of(const struct edit_stack *st, const char *program_id)
{
	for (size_t i = st->n; i-- > 0;)
		if (strcmp(st->v[i].program_id, program_id) == 0)
			return (long)i;
	return -1;
}

struct edit edit_stack_take(struct edit_stack *st, size_t i)
{
	struct edit e = st->v[i];
	memmove(&st->v[i], &st->v[i + 1], (st->n - i - 1) * sizeof *st->v);
	st->n--;
	return e;
}

void edit_stack_drop(struct edit_stack *st, const char *program_id)
{
	size_t kept = 0;
	for (size_t i = 0; i < st->n; i++) {
		if (strcmp(st->v[i].program_id, program_id) == 0)
			edit_free(&st->v[i]);
		else
			st->v[kept++] = st->v[i];
	}
	st->n = kept;
}

void edit_stack_free(struct edit_stack *st)
{
	for (size_t i = 0; i < st->n; i++)
		edit_free(&st->v[i]);
	free(st->v);
	memset(st, 0, sizeof *st);
}
