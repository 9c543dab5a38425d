#include "config.h"
#include "certificate.h"
#include "cmd.h"
#include "cmd_json.h"
#include "human_format.h"
#include "nls.h"
#include "plan_text.h"
#include "session.h"
#include "width.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum label {
	LABEL_BADGE, LABEL_STATE, LABEL_DONE, LABEL_PLANNED, LABEL_WORK, LABEL_HOURS,
	LABEL_PACE, LABEL_PROJECTED, LABEL_PLAN, LABEL_LOAD, N_LABELS
};

static const char *const labels[N_LABELS] = {
	[LABEL_BADGE] = N_("Badge:"),
	[LABEL_STATE] = N_("State:"),
	[LABEL_DONE] = N_("Done:"),
	[LABEL_PLANNED] = N_("Planned:"),
	[LABEL_WORK] = N_("Work:"),
	[LABEL_HOURS] = N_("Hours:"),
	[LABEL_PACE] = N_("Pace:"),
	[LABEL_PROJECTED] = N_("Projected:"),
	[LABEL_PLAN] = N_("Plan:"),
	[LABEL_LOAD] = N_("Load:"),
};

/* The values line up two columns after the widest label of the language
 * shown ("Projected:" in English). */
static void line(enum label label, const char *value)
{
	size_t column = 0;
	for (size_t i = 0; i < N_LABELS; i++)
		if (width_of(_(labels[i])) > column)
			column = width_of(_(labels[i]));
	width_print_padded(stdout, _(labels[label]), column + 1);
	printf(" %s\n", value);
}

static void print_state(const struct cert_status *st)
{
	char buf[128], d[HUMAN_MAX];
	if (st->state == CERT_EARNED) {
		human_date(st->earned_on, d, sizeof d);
		snprintf(buf, sizeof buf, _("earned on %s"), d);
	} else if (st->state == CERT_ALL_DONE) {
		human_date(st->all_done_on, d, sizeof d);
		snprintf(buf, sizeof buf, _("all modules done (on %s)"), d);
	} else {
		snprintf(buf, sizeof buf, "%s", certificate_state_name(st->state));
	}
	line(LABEL_STATE, buf);
}

/* What was planned to date and by Sunday, then work done and hours
 * studied against it: behind counts from the first, ahead from the
 * second. */
static void print_measures(const struct plan *pl)
{
	char buf[512], a[HUMAN_MAX], b[HUMAN_MAX], c[HUMAN_MAX], v[128];
	human_hours_unit(pl->planned_to_date, a, sizeof a);
	human_hours_unit(pl->planned_by_week_end, b, sizeof b);
	human_hours_unit(pl->effort, c, sizeof c);
	snprintf(buf, sizeof buf, _("%s to date, %s by Sunday (%s in all)"), a, b, c);
	line(LABEL_PLANNED, buf);
	human_hours_unit(pl->work_done, a, sizeof a);
	plan_verdict_text(plan_work_verdict(pl), v, sizeof v);
	/* TRANSLATORS: work done in hours, then a verdict ("on plan"). */
	snprintf(buf, sizeof buf, ngettext("%s done: %s", "%s done: %s",
					   human_hours_count(a)), a, v);
	line(LABEL_WORK, buf);
	human_logged_unit(pl->studied, a, sizeof a);
	plan_verdict_text(plan_hours_verdict(pl), v, sizeof v);
	/* TRANSLATORS: hours studied, then a verdict ("behind by 3 h"). */
	snprintf(buf, sizeof buf, ngettext("%s studied: %s", "%s studied: %s",
					   human_hours_count(a)), a, v);
	line(LABEL_HOURS, buf);
}

static void print_projection(const struct plan *pl)
{
	char buf[512], when[HUMAN_MAX], end[HUMAN_MAX], pace[HUMAN_MAX];
	human_date(pl->projected, when, sizeof when);
	human_date(pl->end, end, sizeof end);
	human_hours_unit(pl->work_pace, pace, sizeof pace);
	switch (pl->projection) {
	case PROJECTION_DONE:
		snprintf(buf, sizeof buf, "-");
		break;
	case PROJECTION_PLAN:
		if (pl->too_little_history)
			snprintf(buf, sizeof buf, ngettext("%s, the plan's end (less than %d day of "
							   "history to measure a pace)",
							   "%s, the plan's end (less than %d days of "
							   "history to measure a pace)",
							   PLAN_PROJECTION_DAYS),
				 when, PLAN_PROJECTION_DAYS);
		else
			snprintf(buf, sizeof buf, _("%s, the plan's end (the work is on plan)"), when);
		break;
	case PROJECTION_PACE:
		snprintf(buf, sizeof buf, _("%s at your recent pace, %s of work a week (plan ends %s)"),
			 when, pace, end);
		break;
	case PROJECTION_NONE:
		snprintf(buf, sizeof buf, _("none: %s (plan ends %s)"), pl->recent_pace > 0
			 ? _("too far off at your recent pace")
			 : pl->recent_days < PLAN_RECENT_DAYS ? _("no study since the start")
			 : _("no study in the last 4 weeks"), end);
		break;
	}
	line(LABEL_PROJECTED, buf);
}

static void print_status(const struct program_view *v, const struct cert_status *st)
{
	const struct program *p = v->program;
	const struct plan *pl = &v->plan;
	char buf[512], a[HUMAN_MAX], b[HUMAN_MAX], d[HUMAN_MAX], e[HUMAN_MAX];
	if (p->option)
		/* TRANSLATORS: id, title and option letter of a program. */
		printf(_("%s  %s (Option %c)\n"), p->id, p->title ? p->title : "", p->option);
	else
		printf("%s  %s\n", p->id, p->title ? p->title : "");
	if (p->badge)
		line(LABEL_BADGE, p->badge);
	print_state(st);
	snprintf(buf, sizeof buf, _("%d%% of the work (courses %zu/%zu, modules %zu/%zu)"),
		 plan_percent(pl), st->courses_done, st->n_courses, v->done.leaves_done,
		 v->done.leaves);
	line(LABEL_DONE, buf);
	print_measures(pl);
	human_hours_unit(pl->recent_pace, a, sizeof a);
	human_hours_unit(pl->pace, b, sizeof b);
	if (pl->pace_measured)
		snprintf(buf, sizeof buf, _("%s/week studied lately (plan: %s/week)"), a, b);
	else
		snprintf(buf, sizeof buf, _("plan: %s/week"), b);
	line(LABEL_PACE, buf);
	print_projection(pl);
	human_date(pl->start, d, sizeof d);
	human_date(pl->end, e, sizeof e);
	snprintf(buf, sizeof buf, ngettext("%s to %s, %d week", "%s to %s, %d weeks", pl->length),
		 d, e, pl->length);
	line(LABEL_PLAN, buf);
	if (pl->overloaded) {
		char factor[HUMAN_MAX];
		human_number(PLAN_CATCH_UP, factor, sizeof factor);
		human_date(pl->end_at_pace, d, sizeof d);
		snprintf(buf, sizeof buf, _("the work left does not fit by %s even at %s x the pace; "
					    "at %s/week you finish on %s"), e, factor, b, d);
		line(LABEL_LOAD, buf);
	}
	if (v->done.n_orphans)
		printf(ngettext("Note: %zu tick belongs to modules the spec no longer has; "
				"they are kept.\n",
				"Note: %zu ticks belong to modules the spec no longer has; "
				"they are kept.\n", v->done.n_orphans), v->done.n_orphans);
}

/* Before any choice, the status of every choice there is to make. */
static int print_unchosen(struct session *s)
{
	size_t shown = 0;
	for (size_t i = 0; i < s->cat.n_programs; i++) {
		const struct program *p = s->cat.programs[i];
		if (i > 0 && strcasecmp(s->cat.programs[i - 1]->group, p->group) == 0)
			continue;
		printf(_("%s: not chosen ("), p->group);
		for (size_t k = i; k < s->cat.n_programs &&
				   strcasecmp(s->cat.programs[k]->group, p->group) == 0; k++)
			printf("%s%s", k > i ? ", " : "", s->cat.programs[k]->id);
		printf(")\n");
		shown++;
	}
	if (shown)
		printf("%s", _("Choose with 'cursus choose ID'; 'cursus compare' shows the options.\n"));
	else
		printf("%s", _("No programs: see 'cursus list' and cursus(1) for where specs are "
			       "read.\n"));
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
		fprintf(stderr, "%s", _("cursus: status takes no arguments\n"));
		return 1;
	}
	if (cli->json)
		return cmd_on_program(cli, SESSION_READ, cmd_json_status,
				      cmd_json_status_unchosen, NULL);
	return cmd_on_program(cli, SESSION_READ, status_of_program, print_unchosen, NULL);
}
