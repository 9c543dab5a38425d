#include "config.h"
#include "certificate.h"
#include "cmd.h"
#include "cmd_json.h"
#include "plan_text.h"
#include "session.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void line(const char *label, const char *value)
{
	printf("%-11s %s\n", label, value);
}

static void print_state(const struct cert_status *st)
{
	char buf[64], d[16];
	if (st->state == CERT_EARNED) {
		date_format(st->earned_on, d);
		snprintf(buf, sizeof buf, "earned on %s", d);
	} else if (st->state == CERT_ALL_DONE) {
		date_format(st->all_done_on, d);
		snprintf(buf, sizeof buf, "all modules done (on %s)", d);
	} else {
		snprintf(buf, sizeof buf, "%s", certificate_state_name(st->state));
	}
	line("State:", buf);
}

/* What was planned to date and by Sunday, then work done and hours
 * studied against it: behind counts from the first, ahead from the
 * second. */
static void print_measures(const struct plan *pl)
{
	char buf[200], a[32], b[32], c[32], v[64];
	effort_format_hours_unit(pl->planned_to_date, a, sizeof a);
	effort_format_hours_unit(pl->planned_by_week_end, b, sizeof b);
	effort_format_hours_unit(pl->effort, c, sizeof c);
	snprintf(buf, sizeof buf, "%s to date, %s by Sunday (%s in all)", a, b, c);
	line("Planned:", buf);
	effort_format_hours_unit(pl->work_done, a, sizeof a);
	plan_verdict_text(plan_work_verdict(pl), v, sizeof v);
	snprintf(buf, sizeof buf, "%s done: %s", a, v);
	line("Work:", buf);
	effort_format_logged_unit(pl->studied, a, sizeof a);
	plan_verdict_text(plan_hours_verdict(pl), v, sizeof v);
	snprintf(buf, sizeof buf, "%s studied: %s", a, v);
	line("Hours:", buf);
}

static void print_projection(const struct plan *pl)
{
	char buf[200], when[16], end[16], pace[32];
	date_format(pl->projected, when);
	date_format(pl->end, end);
	effort_format_hours_unit(pl->work_pace, pace, sizeof pace);
	switch (pl->projection) {
	case PROJECTION_DONE:
		snprintf(buf, sizeof buf, "-");
		break;
	case PROJECTION_PLAN:
		if (pl->too_little_history)
			snprintf(buf, sizeof buf, "%s, the plan's end (less than %d days of history "
				 "to measure a pace)", when, PLAN_PROJECTION_DAYS);
		else
			snprintf(buf, sizeof buf, "%s, the plan's end (the work is on plan)", when);
		break;
	case PROJECTION_PACE:
		snprintf(buf, sizeof buf, "%s at your recent pace, %s of work a week (plan ends %s)",
			 when, pace, end);
		break;
	case PROJECTION_NONE:
		snprintf(buf, sizeof buf, "none: %s (plan ends %s)", pl->recent_pace > 0
			 ? "too far off at your recent pace" : "no study in the last 4 weeks", end);
		break;
	}
	line("Projected:", buf);
}

static void print_status(const struct program_view *v, const struct cert_status *st)
{
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	char buf[200], a[32], b[32], d[16], e[16];
	printf("%s  %s%s%c%s\n", p->id, p->title ? p->title : "",
	       p->option ? " (Option " : "", p->option ? p->option : ' ',
	       p->option ? ")" : "");
	if (p->badge)
		line("Badge:", p->badge);
	print_state(st);
	snprintf(buf, sizeof buf, "%d%% of the work (courses %zu/%zu, modules %zu/%zu)",
		 plan_percent(pl), st->courses_done, st->n_courses, v->done.leaves_done,
		 v->done.leaves);
	line("Done:", buf);
	print_measures(pl);
	effort_format_hours_unit(pl->recent_pace, a, sizeof a);
	effort_format_hours_unit(pl->pace, b, sizeof b);
	if (pl->projection == PROJECTION_PACE || pl->projection == PROJECTION_NONE)
		snprintf(buf, sizeof buf, "%s/week studied lately (plan: %s/week)", a, b);
	else
		snprintf(buf, sizeof buf, "plan: %s/week", b);
	line("Pace:", buf);
	print_projection(pl);
	date_format(pl->start, d);
	date_format(pl->end, e);
	snprintf(buf, sizeof buf, "%s to %s, %d weeks", d, e, pl->length);
	line("Plan:", buf);
	if (pl->overloaded) {
		date_format(pl->end_at_pace, d);
		snprintf(buf, sizeof buf, "the work left does not fit by %s even at %g x the pace; "
			 "at %s/week you finish on %s", e, PLAN_CATCH_UP, b, d);
		line("Load:", buf);
	}
	if (v->done.n_orphans)
		printf("Note: %zu tick%s belong%s to modules the spec no longer has; they are kept.\n",
		       v->done.n_orphans, v->done.n_orphans == 1 ? "" : "s",
		       v->done.n_orphans == 1 ? "s" : "");
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
			   session_is_chosen(s, v->program));
	print_status(v, &st);
	return 0;
}

int cmd_status(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: status takes no arguments\n");
		return 1;
	}
	if (cli->json)
		return cmd_on_program(cli, SESSION_READ, cmd_json_status,
				      cmd_json_status_unchosen, NULL);
	return cmd_on_program(cli, SESSION_READ, status_of_program, print_unchosen, NULL);
}
