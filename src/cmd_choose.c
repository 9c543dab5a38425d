#include "config.h"
#include "cmd.h"
#include "human_format.h"
#include "nls.h"
#include "session.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct choice_ctx {
	struct program *p;
	const struct cli *cli;
	struct date today;
	bool replan;
};

static bool apply_choice(struct progress *pr, void *ctx, struct diag_list *diags)
{
	(void)diags;
	const struct choice_ctx *c = ctx;
	progress_choose(pr, c->p->group, c->p->id);
	struct program_progress *pp = progress_get(pr, c->p->id);
	if (c->cli->start_given || !pp->has_start) {
		pp->start = c->cli->start_given ? c->cli->start : c->today;
		pp->has_start = true;
		pp->start_line = 0; /* no longer the file's */
	}
	bool new_pace = c->cli->pace_default || c->cli->pace > 0;
	if (new_pace) {
		pp->pace = c->cli->pace_default ? 0 : progress_round_hours(c->cli->pace);
		pp->pace_line = 0; /* no longer the file's */
	}
	/* A new start begins the plan again; a new pace or a re-plan makes
	 * it anew from today (once it has begun): the work left at the pace,
	 * the weeks gone by kept as they were. */
	if (c->cli->start_given)
		pp->replanned = false;
	else if ((new_pace || c->replan) && date_compare(c->today, pp->start) > 0) {
		pp->replanned = true;
		pp->replanned_on = c->today;
	}
	return true;
}

/* --replan: when the work left no longer fits by the plan's end, the end
 * moves to the day it ends at the pace (what status and schedule say). */
static bool replan_end(struct session *s, struct program *p, struct choice_ctx *c)
{
	struct program_view v;
	if (!progress_find(&s->progress, p->id) || !program_view_build(&v, s, p)) {
		fprintf(stderr, _("cursus: %s has no plan yet to re-plan: choose it first\n"), p->id);
		return false;
	}
	bool fits = !v.plan.overloaded;
	c->replan = !fits;
	program_view_free(&v);
	if (fits)
		fprintf(stderr, _("cursus: %s: the work left fits by the plan's end; nothing to "
				  "re-plan\n"), p->id);
	return !fits;
}

static void report(const struct program_view *v, bool switched)
{
	const struct program *p = v->program;
	char start[HUMAN_MAX], end[HUMAN_MAX], pace[HUMAN_MAX], effort[HUMAN_MAX];
	human_date(v->plan.start, start, sizeof start);
	human_date(v->plan.end, end, sizeof end);
	human_hours(v->plan.pace, pace, sizeof pace);
	human_hours(v->plan.effort, effort, sizeof effort);
	/* TRANSLATORS: a program's id, its group, its title. */
	printf(switched ? _("Switched to %s for %s: %s\n") : _("Chose %s for %s: %s\n"),
	       p->id, p->group, p->title ? p->title : p->id);
	printf(ngettext("Plan: %s h at %s h/week, %d week, from %s to %s\n",
			"Plan: %s h at %s h/week, %d weeks, from %s to %s\n", v->plan.length),
	       effort, pace, v->plan.length, start, end);
}

/* Choosing records the option for its group and makes it the program the
 * other commands act on. The progress of every option is kept, so
 * switching back loses nothing; the start is set the first time only,
 * unless --start says otherwise. Nothing is saved unless the new plan can
 * be built. */
int cmd_choose(struct cli *cli)
{
	if (cli->argc != 1) {
		fprintf(stderr, "%s", _("cursus: usage: cursus choose ID [--start DATE] "
					"[--pace HOURS|default]\n"));
		return 1;
	}
	struct session s;
	if (!session_open(&s, cli, SESSION_WRITE)) {
		cmd_report(&s);
		session_close(&s);
		return 1;
	}
	int status = 1;
	struct program *p = catalog_find(&s.cat, cli->argv[0]);
	if (!p) {
		fprintf(stderr, _("cursus: no program with id '%s' (see 'cursus list')\n"),
			cli->argv[0]);
		goto out;
	}
	if (!spec_load_body(p, &s.diags))
		goto out;
	const char *before = progress_choice(&s.progress, p->group);
	bool switched = before && strcasecmp(before, p->id) != 0;
	struct choice_ctx c = { p, cli, s.today, false };
	if (cli->replan && !replan_end(&s, p, &c))
		goto out;
	struct program_view v;
	if (!session_commit(&s, p, apply_choice, &c) || !program_view_build(&v, &s, p))
		goto out;
	report(&v, switched);
	program_view_free(&v);
	status = 0;
out:
	cmd_report(&s);
	session_close(&s);
	return status;
}
