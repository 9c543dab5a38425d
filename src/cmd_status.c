#include "config.h"
#include "certificate.h"
#include "cmd.h"
#include "session.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void line(const char *label, const char *value)
{
	printf("%-11s %s\n", label, value);
}

static void print_status(const struct program_view *v, const struct cert_status *st,
			 struct date today)
{
	const struct program *p = v->program;
	char buf[160], a[32], b[32], d[16];
	printf("%s  %s%s%c%s\n", p->id, p->title ? p->title : "",
	       p->option ? " (Option " : "", p->option ? p->option : ' ',
	       p->option ? ")" : "");
	if (p->badge)
		line("Badge:", p->badge);
	if (st->state == CERT_EARNED) {
		date_format(st->earned_on, d);
		snprintf(buf, sizeof buf, "earned on %s", d);
		line("State:", buf);
	} else if (st->state == CERT_ALL_DONE) {
		date_format(st->all_done_on, d);
		snprintf(buf, sizeof buf, "all modules done (on %s)", d);
		line("State:", buf);
	} else {
		line("State:", certificate_state_name(st->state));
	}
	snprintf(buf, sizeof buf, "%.0f%% (courses %zu/%zu, modules %zu/%zu)", floor(st->percent),
		 st->courses_done, st->n_courses, v->done.leaves_done, v->done.leaves);
	line("Done:", buf);
	effort_format_logged_unit(st->logged, a, sizeof a);
	effort_format_hours_unit(st->effort, b, sizeof b);
	snprintf(buf, sizeof buf, "%s of %s logged", a, b);
	line("Hours:", buf);
	effort_format_hours_unit(st->recent_pace, a, sizeof a);
	effort_format_hours_unit(v->plan.pace, b, sizeof b);
	snprintf(buf, sizeof buf, "%s/week over the last %d weeks (plan: %s/week)", a,
		 CERT_PACE_WEEKS, b);
	line("Pace:", buf);
	date_format(v->plan.end, d);
	if (st->has_projection) {
		char pd[16];
		date_format(st->projected, pd);
		snprintf(buf, sizeof buf, "%s at that pace (plan ends %s)", pd, d);
	} else if (st->state == CERT_ALL_DONE || st->state == CERT_EARNED) {
		snprintf(buf, sizeof buf, "-");
	} else if (st->recent_pace > 0) {
		snprintf(buf, sizeof buf, "none: too far off at that pace (plan ends %s)", d);
	} else {
		snprintf(buf, sizeof buf, "none: no hours logged in the last %d weeks (plan ends %s)",
			 CERT_PACE_WEEKS, d);
	}
	line("Projected:", buf);
	if (v->plan.current >= 0 && st->state != CERT_EARNED && st->state != CERT_ALL_DONE) {
		effort_format_hours_unit(fabs(v->plan.balance), a, sizeof a);
		if (fabs(v->plan.balance) < 0.05)
			snprintf(buf, sizeof buf, "on plan");
		else
			snprintf(buf, sizeof buf, "%s by %s", v->plan.balance < 0 ? "behind" : "ahead", a);
		line("Balance:", buf);
	}
	if (v->done.n_orphans)
		printf("Note: %zu tick%s belong%s to modules the spec no longer has; they are kept.\n",
		       v->done.n_orphans, v->done.n_orphans == 1 ? "" : "s",
		       v->done.n_orphans == 1 ? "s" : "");
	(void)today;
}

/* Before any choice, the status of every choice there is to make. */
static int print_unchosen(struct session *s)
{
	size_t shown = 0;
	for (size_t i = 0; i < s->cat.n_programs; i++) {
		const struct program *p = s->cat.programs[i];
		if (i > 0 && strcasecmp(s->cat.programs[i - 1]->group, p->group) == 0)
			continue;
		printf("%s: not chosen (", p->group);
		for (size_t k = i; k < s->cat.n_programs &&
				   strcasecmp(s->cat.programs[k]->group, p->group) == 0; k++)
			printf("%s%s", k > i ? ", " : "", s->cat.programs[k]->id);
		printf(")\n");
		shown++;
	}
	if (shown)
		printf("Choose with 'cursus choose ID'; 'cursus compare' shows the options.\n");
	else
		printf("No programs: see 'cursus list' and cursus(1) for where specs are read.\n");
	return 0;
}

static int status_of_program(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	struct cert_status st;
	certificate_status(&st, v->program, &v->outline, v->progress, &v->done, &v->plan,
			   session_is_chosen(s, v->program), s->today);
	print_status(v, &st, s->today);
	return 0;
}

int cmd_status(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: status takes no arguments\n");
		return 1;
	}
	return cmd_on_program(cli, SESSION_READ, status_of_program, print_unchosen, NULL);
}
