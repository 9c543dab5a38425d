#include "config.h"
#include "cmd.h"
#include "edits.h"
#include "hours.h"
#include "human_format.h"
#include "nls.h"
#include "session.h"

#include <stdio.h>

static void report(const struct program_view *v, struct date day, double before,
		   double total, bool set)
{
	char d[HUMAN_MAX], a[HUMAN_MAX], t[HUMAN_MAX];
	human_day(day, d, sizeof d);
	human_logged(set ? before : total - before, a, sizeof a);
	human_logged(total, t, sizeof t);
	if (set)
		/* TRANSLATORS: a day, its hours now, its hours before. */
		printf(_("Set %s to %s h (it was %s h)"), d, t, a);
	else
		/* TRANSLATORS: the hours logged, the day, the day's hours now. */
		printf(_("Logged %s h on %s (%s h that day)"), a, d, t);
	for (size_t w = 0; w < v->plan.n_weeks; w++) {
		const struct plan_week *week = &v->plan.weeks[w];
		if (date_compare(day, week->monday) >= 0 && date_compare(day, week->sunday) <= 0) {
			char logged[HUMAN_MAX], planned[HUMAN_MAX];
			human_logged(week->logged, logged, sizeof logged);
			human_hours(week->planned, planned, sizeof planned);
			printf(_("; week %d: %s of %s h"), week->number, logged, planned);
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
	double total = progress_round_logged(cli->set ? *hours : before + *hours);
	if (total > PROGRESS_MAX_HOURS_PER_DAY) {
		char d[11], t[HUMAN_MAX], most[HUMAN_MAX];
		date_format(day, d);
		human_number(total, t, sizeof t);
		human_number(PROGRESS_MAX_HOURS_PER_DAY, most, sizeof most);
		fprintf(stderr, _("cursus: that makes %s h on %s; a day has at most %s h\n"),
			t, d, most);
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
		fprintf(stderr, "%s", _("cursus: usage: cursus log HOURS [--date DATE] [--set] "
					"(hours as 1.5, 1,5, 1h30 or 90min)\n"));
		return 1;
	}
	if (!hours_parse(cli->argv[0], &hours)) {
		fprintf(stderr, _("cursus: '%s' is not a number of hours "
				  "(such as 1.5, 1,5, 1h30 or 90min)\n"), cli->argv[0]);
		return 1;
	}
	if (hours > 0 && progress_too_few_to_log(hours)) {
		fprintf(stderr, _("cursus: '%s' is less than a hundredth of an hour\n"),
			cli->argv[0]);
		return 1;
	}
	if (hours < 0 || (hours == 0 && !cli->set)) {
		fprintf(stderr, "%s", _("cursus: hours must be more than 0 (to correct a day, use "
					"'cursus log HOURS --set --date DATE')\n"));
		return 1;
	}
	if (!cmd_date_passed(cli, _("hours are logged for days that have passed")))
		return 1;
	return cmd_on_program(cli, SESSION_WRITE, log_hours, NULL, &hours);
}
