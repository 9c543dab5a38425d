#include "config.h"
#include "progress_merge.h"
#include "hours.h"
#include "human_format.h"
#include "nls.h"
#include "outline.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct merge {
	bool two_file;     /* no base: absence on a side is not a removal */
	struct diag_list *conflicts;
	size_t n_conflicts;
};

/* A program one side does not have is a program with nothing set. */
static const struct program_progress no_program;

/* A conflict (an error: exit 1) or, as a warning, a value the learner
 * should look at. */
static void say(struct merge *m, enum diag_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct merge *m, enum diag_severity sev, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(m->conflicts, sev, NULL, 0, "%s", msg);
	m->n_conflicts += sev == DIAG_ERROR;
}

enum pick { KEEP_CUR, TAKE_OTHER, BOTH_CHANGED };

/* Who wins a setting. With a base, the side that changed it; without one,
 * the side that has it. Two different values otherwise are a conflict. */
static enum pick pick(const struct merge *m, bool cur_is_other, bool other_is_base,
		      bool cur_is_base, bool cur_set, bool other_set)
{
	if (cur_is_other)
		return KEEP_CUR;
	if (m->two_file)
		return !other_set ? KEEP_CUR : !cur_set ? TAKE_OTHER : BOTH_CHANGED;
	if (other_is_base)
		return KEEP_CUR;
	return cur_is_base ? TAKE_OTHER : BOTH_CHANGED;
}

/* Ids and groups are matched without regard to case, as the progress API
 * finds them. */
static bool same_name(const char *a, const char *b)
{
	return a && b ? strcasecmp(a, b) == 0 : a == b;
}

static enum pick pick_name(struct merge *m, const char *what, const char *c,
			   const char *b, const char *o)
{
	enum pick p = pick(m, same_name(c, o), same_name(o, b), same_name(c, b), c, o);
	if (p == BOTH_CHANGED)
		/* TRANSLATORS: what differs ("current", "choice for P4"), the
		 * value kept, the other side's. */
		say(m, DIAG_ERROR, _("%s: kept %s, the other side has %s"), what,
		    c ? c : _("none"), o ? o : _("none"));
	return p;
}

static void merge_current(struct merge *m, struct progress *cur, const struct progress *base,
			  const struct progress *other)
{
	if (pick_name(m, "current", cur->current, base ? base->current : NULL,
		      other->current) != TAKE_OTHER)
		return;
	free(cur->current);
	cur->current = other->current ? xstrdup(other->current) : NULL;
}

static void merge_choice(struct merge *m, struct progress *cur, const char *group,
			 const char *b, const char *o)
{
	char *what = xasprintf(_("choice for %s"), group);
	enum pick p = pick_name(m, what, progress_choice(cur, group), b, o);
	free(what);
	/* No command takes a choice back, so a choice missing from other is
	 * a hand edit; the current side's is kept. */
	if (p != TAKE_OTHER || !o)
		return;
	char *current = cur->current; /* progress_choose moves it: current is merged apart */
	cur->current = NULL;
	progress_choose(cur, group, o);
	free(cur->current);
	cur->current = current;
}

static void merge_choices(struct merge *m, struct progress *cur, const struct progress *base,
			  const struct progress *other)
{
	for (size_t i = 0; i < other->n_choices; i++) {
		const struct choice *oc = &other->choices[i];
		merge_choice(m, cur, oc->group, base ? progress_choice(base, oc->group) : NULL,
			     oc->id);
	}
	for (size_t i = 0; base && i < base->n_choices; i++)
		if (!progress_choice(other, base->choices[i].group))
			merge_choice(m, cur, base->choices[i].group, base->choices[i].id, NULL);
}

/* ---- a program's settings ---- */

static bool same_day(bool has_a, struct date a, bool has_b, struct date b)
{
	return has_a == has_b && (!has_a || date_compare(a, b) == 0);
}

static void format_day(bool has, struct date d, char *buf)
{
	if (has)
		date_format(d, buf);
	else
		snprintf(buf, 16, "%s", _("none"));
}

/* A date that may be unset (start, earned); returns true to take other's. */
static bool pick_day(struct merge *m, const char *id, const char *what,
		     bool has_c, struct date c, bool has_b, struct date b,
		     bool has_o, struct date o)
{
	enum pick p = pick(m, same_day(has_c, c, has_o, o), same_day(has_o, o, has_b, b),
			   same_day(has_c, c, has_b, b), has_c, has_o);
	if (p == BOTH_CHANGED) {
		char kept[16], theirs[16];
		format_day(has_c, c, kept);
		format_day(has_o, o, theirs);
		/* TRANSLATORS: a program id and the progress file's key that
		 * differs ("start", "earned"), the value kept, the other side's. */
		say(m, DIAG_ERROR, _("%s %s: kept %s, the other side has %s"), id, what, kept, theirs);
	}
	return p == TAKE_OTHER;
}

static bool same_pace(double a, double b)
{
	return progress_round_hours(a) == progress_round_hours(b);
}

static void format_pace(double pace, char *buf, size_t size)
{
	if (pace > 0)
		snprintf(buf, size, "%g", progress_round_hours(pace));
	else
		snprintf(buf, size, "%s", _("the default"));
}

static void merge_settings(struct merge *m, struct program_progress *c,
			   const struct program_progress *b, const struct program_progress *o)
{
	if (pick_day(m, c->id, "start", c->has_start, c->start, b->has_start, b->start,
		     o->has_start, o->start)) {
		c->has_start = o->has_start;
		c->start = o->start;
	}
	if (pick_day(m, c->id, "earned", c->earned, c->earned_on, b->earned, b->earned_on,
		     o->earned, o->earned_on)) {
		c->earned = o->earned;
		c->earned_on = o->earned_on;
	}
	enum pick p = pick(m, same_pace(c->pace, o->pace), same_pace(o->pace, b->pace),
			   same_pace(c->pace, b->pace), c->pace > 0, o->pace > 0);
	if (p == TAKE_OTHER)
		c->pace = o->pace;
	if (p == BOTH_CHANGED) {
		char kept[32], theirs[32];
		format_pace(c->pace, kept, sizeof kept);
		format_pace(o->pace, theirs, sizeof theirs);
		say(m, DIAG_ERROR, _("%s pace: kept %s, the other side has %s"), c->id, kept, theirs);
	}
}

/* ---- ticks ---- */

/* The date of a tick both sides have: the one a side changed, else the
 * earlier, when the module was first done. */
static struct date tick_date(struct date c, const struct date *b, struct date o)
{
	if (b && date_compare(c, *b) == 0)
		return o;
	if (b && date_compare(o, *b) == 0)
		return c;
	return date_compare(c, o) <= 0 ? c : o;
}

static void merge_ticks(const struct merge *m, struct program_progress *c,
			const struct program_progress *b, const struct program_progress *o)
{
	/* Unticked on the other side: gone from other, still here. */
	for (size_t i = 0; !m->two_file && i < b->n_ticks; i++) {
		long at = progress_tick_find(o, &b->ticks[i]) < 0 ? progress_tick_find(c, &b->ticks[i]) : -1;
		if (at >= 0)
			progress_tick_remove(c, (size_t)at);
	}
	for (size_t i = 0; i < o->n_ticks; i++) {
		const struct tick *t = &o->ticks[i];
		long ci = progress_tick_find(c, t), bi = m->two_file ? -1 : progress_tick_find(b, t);
		if (ci >= 0)
			c->ticks[ci].date = tick_date(c->ticks[ci].date,
						      bi >= 0 ? &b->ticks[bi].date : NULL, t->date);
		else if (bi < 0) /* ticked on the other side only */
			progress_tick_add(c, t->path, t->title, t->date);
		/* else unticked on this side: stays unticked */
	}
}

/* ---- hours ---- */

static void merge_day(struct merge *m, struct program_progress *c,
		      const struct program_progress *b, const struct program_progress *o,
		      struct date day)
{
	double cv = progress_hours_on(c, day), ov = progress_hours_on(o, day);
	/* Without a base nobody can tell a new hour from a copied one: the
	 * larger never counts one twice and never loses one. */
	double merged = m->two_file ? hours_max(cv, ov) : cv + ov - progress_hours_on(b, day);
	merged = progress_round_logged(merged);
	char d[16], kept[HUMAN_MAX], other[HUMAN_MAX];
	date_format(day, d);
	if (m->two_file && cv > 0 && ov > 0 &&
	    progress_round_hours(cv) != progress_round_hours(ov)) {
		/* The larger is kept, but the day may have been logged on both
		 * machines: the learner is the one who knows (named when the
		 * two differ as they are shown, to the hundredth). */
		human_logged(merged, kept, sizeof kept);
		human_logged(hours_min(cv, ov), other, sizeof other);
		say(m, DIAG_WARNING, _("%s hours on %s: kept %s, the other file has %s (without a "
				       "common ancestor they may add up: correct with 'cursus log "
				       "HOURS --set --date %s')"),
		    c->id, d, kept, other, d);
	}
	if (merged > PROGRESS_MAX_HOURS_PER_DAY) {
		char most[HUMAN_MAX];
		human_logged(cv, kept, sizeof kept);
		human_logged(merged, other, sizeof other);
		human_logged(PROGRESS_MAX_HOURS_PER_DAY, most, sizeof most);
		say(m, DIAG_ERROR, _("%s hours on %s: kept %s, the two sides together make %s, more "
				     "than %s in a day"), c->id, d, kept, other, most);
		return;
	}
	progress_hours_set(c, day, merged);
}

static void merge_hours(struct merge *m, struct program_progress *c,
			const struct program_progress *b, const struct program_progress *o)
{
	for (size_t i = 0; !m->two_file && i < b->n_hours; i++)
		merge_day(m, c, b, o, b->hours[i].date);
	for (size_t i = 0; i < o->n_hours; i++)
		if (m->two_file || progress_hours_on(b, o->hours[i].date) <= 0)
			merge_day(m, c, b, o, o->hours[i].date);
}

/* ---- the whole ---- */

/* The plan's history is derived, not chosen: the weeks either side
 * recorded are kept (this side's when both did), and the later re-plan
 * stands. Neither is ever a conflict. */
static void merge_history(struct program_progress *c, const struct program_progress *o)
{
	for (size_t i = 0; i < o->n_weeks; i++)
		progress_week_record(c, o->weeks[i].monday, o->weeks[i].planned, o->weeks[i].courses,
				     o->weeks[i].n_courses);
	if (o->replanned && (!c->replanned || date_compare(o->replanned_on, c->replanned_on) > 0)) {
		c->replanned = true;
		c->replanned_on = o->replanned_on;
	}
}

static void merge_program(struct merge *m, struct program_progress *c,
			  const struct program_progress *b, const struct program_progress *o)
{
	merge_settings(m, c, b, o);
	merge_ticks(m, c, b, o);
	merge_hours(m, c, b, o);
	merge_history(c, o);
}

static void merge_programs(struct merge *m, struct progress *cur, const struct progress *base,
			   const struct progress *other)
{
	for (size_t i = 0; i < other->n_programs; i++) {
		const struct program_progress *o = &other->programs[i];
		const struct program_progress *b = base ? progress_find(base, o->id) : NULL;
		merge_program(m, progress_get(cur, o->id), b ? b : &no_program, o);
	}
	/* In base, gone from other: everything of it was undone there. */
	for (size_t i = 0; base && i < base->n_programs; i++) {
		const struct program_progress *b = &base->programs[i];
		struct program_progress *c = progress_find(cur, b->id);
		if (c && !progress_find(other, b->id))
			merge_program(m, c, b, &no_program);
	}
}

bool progress_merge(struct progress *cur, const struct progress *base,
		    const struct progress *other, struct diag_list *conflicts)
{
	struct merge m = { .two_file = !base, .conflicts = conflicts };
	merge_choices(&m, cur, base, other);
	merge_current(&m, cur, base, other);
	merge_programs(&m, cur, base, other);
	return m.n_conflicts == 0;
}
