#include "config.h"
#include "cmd.h"
#include "edits.h"
#include "hours.h"
#include "session.h"

#include <stdio.h>

static void report(const struct program_view *v, struct date day, double before,
		   double total, bool set)
{
	char d[16], a[32], t[32];
	date_format(day, d);
	effort_format_logged(set ? before : total - before, a, sizeof a);
	effort_format_logged(total, t, sizeof t);
	if (set)
		printf("Set %s to %s h (it was %s h)", d, t, a);
	else
		printf("Logged %s h on %s (%s h that day)", a, d, t);
	for (size_t w = 0; w < v->plan.n_weeks; w++) {
		const struct plan_week *week = &v->plan.weeks[w];
		if (date_compare(day, week->monday) >= 0 && date_compare(day, week->sunday) <= 0) {
			char logged[32], planned[32];
			effort_format_logged(week->logged, logged, sizeof logged);
			effort_format_hours(week->planned, planned, sizeof planned);
			printf("; week %d: %s of %s h", week->number, logged, planned);
		}
	}
	putchar('\n');
}

static int log_hours(struct session *s, struct program_view *v, void *ctx)
{
	const double *hours = ctx;
	struct cli *cli = s->cli;
	struct program *p = v->program;
	struct date day = cli->date_given ? cli->date : s->today;
	struct program_progress *pp = progress_get(&s->progress, p->id);
	double before = progress_hours_on(pp, day);
	double total = progress_round_hours(cli->set ? *hours : before + *hours);
	if (total > PROGRESS_MAX_HOURS_PER_DAY) {
		char d[16];
		date_format(day, d);
		fprintf(stderr, "cursus: that makes %g h on %s; a day has at most %g h\n",
			total, d, PROGRESS_MAX_HOURS_PER_DAY);
		return 1;
	}
	struct edit e;
	edit_make_hours(&e, p->id, day, total - before);
	bool saved = cmd_commit_edit(s, p, &e);
	edit_free(&e);
	if (!saved)
		return 1;
	/* The week's total in the report comes from the plan as saved. */
	program_view_free(v);
	if (!program_view_build(v, s, p))
		return 1;
	report(v, day, before, total, cli->set);
	return 0;
}

int cmd_log(struct cli *cli)
{
	double hours;
	if (cli->argc != 1) {
		fprintf(stderr, "cursus: usage: cursus log HOURS [--date DATE] [--set] "
			"(hours as 1.5, 1,5, 1h30 or 90min)\n");
		return 1;
	}
	if (!hours_parse(cli->argv[0], &hours)) {
		fprintf(stderr, "cursus: '%s' is not a number of hours "
			"(such as 1.5, 1,5, 1h30 or 90min)\n", cli->argv[0]);
		return 1;
	}
	/* Hours are kept to the hundredth: less would be logged as nothing. */
	if (hours > 0 && progress_round_hours(hours) <= 0) {
		fprintf(stderr, "cursus: '%s' is less than a hundredth of an hour\n", cli->argv[0]);
		return 1;
	}
	if (hours < 0 || (hours == 0 && !cli->set)) {
		fprintf(stderr, "cursus: hours must be more than 0 (to correct a day, use "
			"'cursus log HOURS --set --date DATE')\n");
		return 1;
	}
	if (!cmd_date_passed(cli, "hours are logged for days that have passed"))
		return 1;
	return cmd_on_program(cli, SESSION_WRITE, log_hours, NULL, &hours);
}
