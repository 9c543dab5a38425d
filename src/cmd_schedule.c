#include "config.h"
#include "cmd.h"
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

/* One honest sentence about today. */
static void print_balance(const struct plan *pl, struct date today)
{
	char t[16], when[16], h[32], e[32];
	date_format(today, t);
	if (pl->current < 0) {
		date_format(pl->start, when);
		printf("Today is %s: the plan starts on %s.\n", t, when);
		return;
	}
	effort_format_hours_unit(fabs(pl->balance), h, sizeof h);
	effort_format_hours_unit(pl->expected, e, sizeof e);
	char logged[32];
	effort_format_logged_unit(pl->logged, logged, sizeof logged);
	if (pl->current >= (long)pl->n_weeks) {
		date_format(pl->end, when);
		char r[32];
		effort_format_hours_unit(pl->remaining, r, sizeof r);
		printf("Today is %s: the plan ended on %s; %s logged, %s remain.\n", t, when,
		       logged, r);
		return;
	}
	const struct plan_week *week = &pl->weeks[pl->current];
	char wl[32], wp[32];
	effort_format_logged_unit(week->logged, wl, sizeof wl);
	effort_format_hours_unit(week->planned, wp, sizeof wp);
	printf("Today is %s, week %d: %s of %s this week.\n", t, week->number, wl, wp);
	if (pl->current == 0)
		return;
	if (fabs(pl->balance) < 0.05)
		printf("On plan: %s logged, %s planned by the end of last week.\n", logged, e);
	else
		printf("%s by %s: %s logged, %s planned by the end of last week.\n",
		       pl->balance < 0 ? "Behind" : "Ahead", h, logged, e);
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
	printf("%s at %s/week, %zu weeks, %s to %s\n\n", effort, pace, pl->n_weeks, start, end);
	printf("  Week  Monday      Sunday      Month  Planned   Logged  Courses\n");
	for (size_t w = 0; w < pl->n_weeks; w++)
		print_week(&pl->weeks[w], p);
	putchar('\n');
	for (size_t c = 0; c < p->n_courses; c++) {
		char h[32];
		effort_format_hours_unit(pl->course_hours[c], h, sizeof h);
		printf("Course %d: %s (%s)\n", p->courses[c].number, p->courses[c].title, h);
	}
	putchar('\n');
	print_balance(pl, s->today);
	return 0;
}

int cmd_schedule(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "cursus: schedule takes no arguments\n");
		return 1;
	}
	return cmd_on_program(cli, SESSION_READ, print_schedule, NULL, NULL);
}
