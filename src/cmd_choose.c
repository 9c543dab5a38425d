#include "config.h"
#include "cmd.h"
#include "session.h"

#include <stdio.h>
#include <string.h>

/* Choosing records the option for its group and makes it the program the
 * other commands act on. The progress of every option is kept, so
 * switching back loses nothing; the start is set the first time only,
 * unless --start says otherwise. */
int cmd_choose(struct cli *cli)
{
	if (cli->argc != 1) {
		fprintf(stderr, "cursus: usage: cursus choose ID [--start DATE] [--pace HOURS]\n");
		return 1;
	}
	struct session s;
	if (!session_open(&s, cli, SESSION_WRITE)) {
		session_close(&s);
		return 1;
	}
	int status = 1;
	struct program *p = catalog_find(&s.cat, cli->argv[0]);
	if (!p) {
		fprintf(stderr, "cursus: no program with id '%s' (see 'cursus list')\n",
			cli->argv[0]);
		goto out;
	}
	struct diag_list diags = {0};
	bool body = spec_load_body(p, &diags);
	diag_print(&diags, stderr, DIAG_ERROR);
	diag_free(&diags);
	if (!body)
		goto out;
	const char *before = progress_choice(&s.progress, p->group);
	bool switched = before && strcmp(before, p->id) != 0;
	progress_choose(&s.progress, p->group, p->id);
	struct program_progress *pp = progress_get(&s.progress, p->id);
	if (cli->start_given || !pp->has_start) {
		pp->start = date_monday(cli->start_given ? cli->start : s.today);
		pp->has_start = true;
	}
	if (cli->pace > 0)
		pp->pace = cli->pace;
	/* A choice whose plan cannot be built (too long, past 9999-12-31)
	 * is refused before anything is saved. */
	struct program_view v;
	if (!program_view_build(&v, &s, p))
		goto out;
	if (!session_save(&s)) {
		program_view_free(&v);
		goto out;
	}
	char start[16], end[16], pace[32], effort[32];
	date_format(v.plan.start, start);
	date_format(v.plan.end, end);
	effort_format_hours(v.plan.pace, pace, sizeof pace);
	effort_format_hours(v.plan.effort, effort, sizeof effort);
	printf("%s %s for %s: %s\n", switched ? "Switched to" : "Chose",
	       p->id, p->group, p->title ? p->title : p->id);
	printf("Plan: %s h at %s h/week, %zu weeks, from %s to %s\n", effort, pace,
	       v.plan.n_weeks, start, end);
	program_view_free(&v);
	status = 0;
out:
	session_close(&s);
	return status;
}
