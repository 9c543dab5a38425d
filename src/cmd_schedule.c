#include "config.h"
#include "cmd.h"
#include "cmd_json.h"
#include "human_format.h"
#include "nls.h"
#include "plan_text.h"
#include "session.h"
#include "strbuf.h"
#include "width.h"

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
			char h[HUMAN_MAX];
			human_hours_unit(s->hours, h, sizeof h);
			sb_addf(&sb, " (%s)", h);
		}
	}
	return sb_steal(&sb);
}

/* The table's columns, as wide as their heading or their widest value
 * in the language shown (and never narrower than they have always been,
 * so that numbers of any size line up as before). */
struct columns {
	size_t week, day, month, planned, logged;
};

static size_t wider(size_t min, const char *text)
{
	size_t w = width_of(text);
	return w > min ? w : min;
}

static struct columns table_columns(const struct plan *pl)
{
	struct columns c = {
		.week = wider(4, _("Week")),
		.day = wider(wider(0, _("Monday")), _("Sunday")),
		.month = wider((size_t)human_month_width(), _("Month")),
		.planned = wider(7, _("Planned")),
		.logged = wider(7, _("Logged")),
	};
	for (size_t w = 0; w < pl->n_weeks; w++) {
		char d[HUMAN_MAX];
		human_day(pl->weeks[w].monday, d, sizeof d);
		c.day = wider(c.day, d);
		human_day(pl->weeks[w].sunday, d, sizeof d);
		c.day = wider(c.day, d);
	}
	return c;
}

/* text after spaces, up to width columns */
static void print_right(const char *text, size_t width)
{
	for (size_t w = width_of(text); w < width; w++)
		putchar(' ');
	fputs(text, stdout);
}

static void print_header(const struct columns *c)
{
	fputs("  ", stdout);
	print_right(_("Week"), c->week);
	fputs("  ", stdout);
	width_print_padded(stdout, _("Monday"), c->day);
	fputs("  ", stdout);
	width_print_padded(stdout, _("Sunday"), c->day);
	fputs("  ", stdout);
	width_print_padded(stdout, _("Month"), c->month);
	fputs("  ", stdout);
	print_right(_("Planned"), c->planned);
	fputs("  ", stdout);
	print_right(_("Logged"), c->logged);
	printf("  %s\n", _("Courses"));
}

static void print_week(const struct plan_week *w, const struct program *p,
		       const struct columns *c)
{
	char monday[HUMAN_MAX], sunday[HUMAN_MAX], planned[HUMAN_MAX], logged[HUMAN_MAX];
	human_day(w->monday, monday, sizeof monday);
	human_day(w->sunday, sunday, sizeof sunday);
	human_hours_unit(w->planned, planned, sizeof planned);
	if (w->when == WEEK_FUTURE && w->logged <= 0)
		snprintf(logged, sizeof logged, "-");
	else
		human_logged_unit(w->logged, logged, sizeof logged);
	char *courses = courses_text(w, p);
	printf("%s %*d  ", w->when == WEEK_CURRENT ? ">" : " ", (int)c->week, w->number);
	width_print_padded(stdout, monday, c->day);
	fputs("  ", stdout);
	width_print_padded(stdout, sunday, c->day);
	char month[HUMAN_MAX];
	human_month(w->thursday, month, sizeof month);
	fputs("  ", stdout);
	width_print_padded(stdout, month, c->month);
	fputs("  ", stdout);
	print_right(planned, c->planned);
	fputs("  ", stdout);
	print_right(logged, c->logged);
	printf("  %s\n", courses);
	free(courses);
}

/* Hours logged outside the plan's weeks: a row of their own, so that the
 * Logged column adds up to every hour logged. */
static void print_outside(const char *label, double hours)
{
	if (hours <= 0)
		return;
	char logged[HUMAN_MAX];
	human_logged_unit(hours, logged, sizeof logged);
	fputs("  ", stdout);
	width_print_padded(stdout, label, 40);
	fputs("  ", stdout);
	print_right(logged, 7);
	putchar('\n');
}

/* Where today stands: this week, then work and hours against the plan. */
static void print_today(const struct plan *pl, struct date today)
{
	char t[HUMAN_MAX], when[HUMAN_MAX], w[HUMAN_MAX], l[HUMAN_MAX], p[HUMAN_MAX], v[128];
	human_day(today, t, sizeof t);
	if (pl->current < 0) {
		human_date(pl->start, when, sizeof when);
		printf(_("Today is %s: the plan starts on %s.\n"), t, when);
	} else if (pl->current >= (long)pl->n_weeks) {
		human_date(pl->end, when, sizeof when);
		printf(_("Today is %s: the plan ended on %s.\n"), t, when);
	} else {
		const struct plan_week *week = &pl->weeks[pl->current];
		human_logged_unit(week->logged, w, sizeof w);
		human_hours_unit(week->planned, p, sizeof p);
		printf(_("Today is %s, week %d: %s of %s this week.\n"), t, week->number, w, p);
	}
	char q[HUMAN_MAX];
	human_hours_unit(pl->planned_to_date, p, sizeof p);
	human_hours_unit(pl->planned_by_week_end, q, sizeof q);
	printf(_("Planned: %s to date, %s by Sunday.\n"), p, q);
	human_hours_unit(pl->work_done, w, sizeof w);
	human_logged_unit(pl->studied, l, sizeof l);
	plan_verdict_text(plan_work_verdict(pl), v, sizeof v);
	printf(ngettext("Work: %s done: %s.\n", "Work: %s done: %s.\n",
			human_hours_count(w)), w, v);
	plan_verdict_text(plan_hours_verdict(pl), v, sizeof v);
	printf(ngettext("Hours: %s studied: %s.\n", "Hours: %s studied: %s.\n",
			human_hours_count(l)), l, v);
	if (pl->overloaded) {
		char end[HUMAN_MAX], pace[HUMAN_MAX], factor[HUMAN_MAX];
		human_date(pl->end_at_pace, when, sizeof when);
		human_date(pl->end, end, sizeof end);
		human_hours_unit(pl->pace, pace, sizeof pace);
		human_number(PLAN_CATCH_UP, factor, sizeof factor);
		printf(_("The work left does not fit by %s, even at %s x the pace: at %s/week you "
			 "finish on %s.\n"), end, factor, pace, when);
	}
}

static int print_schedule(struct session *s, struct program_view *v, void *ctx)
{
	(void)ctx;
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	char effort[HUMAN_MAX], pace[HUMAN_MAX], start[HUMAN_MAX], end[HUMAN_MAX];
	human_hours_unit(pl->effort, effort, sizeof effort);
	human_hours_unit(pl->pace, pace, sizeof pace);
	human_date(pl->start, start, sizeof start);
	human_date(pl->end, end, sizeof end);
	printf("%s  %s\n", p->id, p->title ? p->title : "");
	printf(ngettext("%s at %s/week, %d week, %s to %s\n\n",
			"%s at %s/week, %d weeks, %s to %s\n\n", pl->length),
	       effort, pace, pl->length, start, end);
	struct columns c = table_columns(pl);
	print_header(&c);
	print_outside(_("Before the plan's first week"), pl->logged_before);
	for (size_t w = 0; w < pl->n_weeks; w++)
		print_week(&pl->weeks[w], p, &c);
	print_outside(_("After the plan's last week"), pl->logged_after);
	putchar('\n');
	for (size_t k = 0; k < p->n_courses; k++) {
		char h[128];
		plan_course_hours_text(p, pl->course_hours, k, h, sizeof h);
		printf(_("Course %d: %s (%s)\n"), p->courses[k].number, p->courses[k].title, h);
	}
	putchar('\n');
	print_today(pl, s->today);
	return 0;
}

int cmd_schedule(struct cli *cli)
{
	if (cli->argc != 0) {
		fprintf(stderr, "%s", _("cursus: schedule takes no arguments\n"));
		return 1;
	}
	if (cli->json)
		return cmd_on_program(cli, SESSION_READ, cmd_json_schedule, NULL, NULL);
	return cmd_on_program(cli, SESSION_READ, print_schedule, NULL, NULL);
}
