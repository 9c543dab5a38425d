#include "config.h"
#include "cmd.h"
#include "cmd_json.h"
#include "plan_text.h"
#include "session.h"
#include "strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>

/* "1 (3.9 h) + 2 (1.1 h)", or "1" when the week holds one course. */
static char *courses_text(const struct plan_week *w, const struct program *p)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < w->n_slices; i++) {
		const struct plan_slice *s = &w->slices[i];
		if (i)
			sb_adds(&sb, " + ");
		sb_addf(&sb, "%d", p->courses[s->course].number);
		if (w->n_slices > 1) {
			char h[32];
			effort_format_hours_unit(s->hours, h, sizeof h);
			sb_addf(&sb, " (%s)", h);
		}
	}
	return sb_steal(&sb);
}

static void print_week(const struct plan_week *w, const struct program *p)
{
	char monday[16], sunday[16], planned[32], logged[32];
	date_format(w->monday, monday);
	date_format(w->sunday, sunday);
	effort_format_hours_unit(w->planned, planned, sizeof planned);
	if (w->when == WEEK_FUTURE && w->logged <= 0)
		snprintf(logged, sizeof logged, "-");
	else
		effort_format_logged_unit(w->logged, logged, sizeof logged);
	char *courses = courses_text(w, p);
	printf("%s %4d  %s  %s  %5d  %7s  %7s  %s\n", w->when == WEEK_CURRENT ? ">" : " ",
	       w->number, monday, sunday, w->month, planned, logged, courses);
	free(courses);
}

/* Hours logged outside the plan's weeks: a row of their own, so that the
 * Logged column adds up to every hour logged. */
static void print_outside(const char *label, double hours)
{
	if (hours <= 0)
		return;
	char logged[32];
	effort_format_logged_unit(hours, logged, sizeof logged);
	printf("  %-40s  %7s\n", label, logged);
}

/* Where today stands: this week, then work and hours against the plan. */
static void print_today(const struct plan *pl, struct date today)
{
	char t[16], when[16], w[32], l[32], p[32], v[64];
	date_format(today, t);
	if (pl->current < 0) {
		date_format(pl->start, when);
		printf("Today is %s: the plan starts on %s.\n", t, when);
	} else if (pl->current >= (long)pl->n_weeks) {
		date_format(pl->end, when);
		printf("Today is %s: the plan ended on %s.\n", t, when);
	} else {
		const struct plan_week *week = &pl->weeks[pl->current];
		effort_format_logged_unit(week->logged, w, sizeof w);
		effort_format_hours_unit(week->planned, p, sizeof p);
		printf("Today is %s, week %d: %s of %s this week.\n", t, week->number, w, p);
	}
	char q[32];
	effort_format_hours_unit(pl->planned_to_date, p, sizeof p);
	effort_format_hours_unit(pl->planned_by_week_end, q, sizeof q);
	printf("Planned: %s to date, %s by Sunday.\n", p, q);
	effort_format_hours_unit(pl->work_done, w, sizeof w);
	effort_format_logged_unit(pl->studied, l, sizeof l);
	plan_verdict_text(plan_work_verdict(pl), v, sizeof v);
	printf("Work: %s done: %s.\n", w, v);
	plan_verdict_text(plan_hours_verdict(pl), v, sizeof v);
	printf("Hours: %s studied: %s.\n", l, v);
	if (pl->overloaded) {
		char end[16], pace[32];
		date_format(pl->end_at_pace, when);
		date_format(pl->end, end);
		effort_format_hours_unit(pl->pace, pace, sizeof pace);
		printf("The work left does not fit by %s, even at %g x the pace: at %s/week you "
		       "finish on %s.\n", end, PLAN_CATCH_UP, pace, when);
	}
}

static int print_schedule(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	char effort[32], pace[32], start[16], end[16];
	effort_format_hours_unit(pl->effort, effort, sizeof effort);
	effort_format_hours_unit(pl->pace, pace, sizeof pace);
	date_format(pl->start, start);
	date_format(pl->end, end);
	printf("%s  %s\n", p->id, p->title ? p->title : "");
	printf("%s at %s/week, %d weeks, %s to %s\n\n", effort, pace, pl->length, start, end);
	printf("  Week  Monday      Sunday      Month  Planned   Logged  Courses\n");
	print_outside("Before the plan's first week", pl->logged_before);
	for (size_t w = 0; w < pl->n_weeks; w++)
		print_week(&pl->weeks[w], p);
	print_outside("After the plan's last week", pl->logged_after);
	putchar('\n');
	for (size_t c = 0; c < p->n_courses; c++) {
		char h[64];
		plan_course_hours_text(p, pl, c, h, sizeof h);
		printf("Course %d: %s (%s)\n", p->courses[c].number, p->courses[c].title, h);
	}
	putchar('\n');
	print_today(pl, s->today);
	return 0;
}

int cmd_schedule(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: schedule takes no arguments\n");
		return 1;
	}
	if (cli->json)
		return cmd_on_program(cli, SESSION_READ, cmd_json_schedule, NULL, NULL);
	return cmd_on_program(cli, SESSION_READ, print_schedule, NULL, NULL);
}
