/* The Schedule pane: every week of the plan with planned and logged hours
 * and a bar; this week highlighted and kept in view. The selected week is
 * the one +, - and L log hours on. */
#include "config.h"
#include "ui_app.h"
#include "human_format.h"
#include "nls.h"
#include "plan_text.h"
#include "ui_list.h"
#include "width.h"
#include "strbuf.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* This week when the plan is under way, else its first or last week. */
static int today_week(const struct plan *pl)
{
	if (pl->current < 0)
		return 0;
	if (pl->current >= (long)pl->n_weeks)
		return (int)pl->n_weeks - 1;
	return (int)pl->current;
}

static void place(struct app *a, struct pane *p, int h)
{
	if (p->placed)
		return;
	p->placed = true;
	p->selected = today_week(&a->view.plan);
	p->top = p->selected - h / 3; /* some past weeks above, the rest below */
	ui_list_scroll_to(&p->selected, &p->top, (int)a->view.plan.n_weeks, h);
}

static char *courses_of(const struct app *a, const struct plan_week *w)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < w->n_slices; i++)
		sb_addf(&sb, "%s%d", i ? "+" : "", a->program->courses[w->slices[i].course].number);
	return sb_steal(&sb);
}

/* The month a week belongs to: the one that holds most of its days, its
 * Thursday's (as ISO 8601 gives a week to a year), in the LC_TIME
 * locale's words ("Nov", "déc."), padded to the widest month's columns. */
static void week_month(const struct plan_week *w, int month_w, char *buf, size_t size)
{
	char name[HUMAN_MAX];
	human_month(w->thursday, name, sizeof name);
	int pad = month_w - (int)width_of(name);
	snprintf(buf, size, "%s%*s", name, pad > 0 ? pad : 0, "");
}

/* Columns before the bar: the mark, the week's number, its Monday
 * (five columns), its month (month_w), with a space after each. */
static int left_width(int month_w)
{
	return 1 + 3 + 1 + 5 + 1 + month_w + 1;
}

static void draw_week(struct app *a, const struct plan_week *w, int y, struct rect r,
		      int month_w, enum style st)
{
	char monday[HUMAN_MAX], logged[HUMAN_MAX], planned[HUMAN_MAX], month[2 * HUMAN_MAX];
	human_day_short(w->monday, monday, sizeof monday);
	human_logged(w->logged, logged, sizeof logged);
	human_hours(w->planned, planned, sizeof planned);
	week_month(w, month_w, month, sizeof month);
	char *courses = courses_of(a, w);
	const char *mark = w->when == WEEK_CURRENT ? draw_symbol("\xE2\x96\xB6", ">") : " ";
	char left[4 * HUMAN_MAX];
	/* "▶ 12 03-02 Mar " then the bar, then "1.5/5.4 2+3" */
	snprintf(left, sizeof left, "%s%3d %s %s ", mark, w->number, monday, month);
	char right[160];
	snprintf(right, sizeof right, " %s/%s %s",
		 w->when == WEEK_FUTURE && w->logged <= 0 ? "-" : logged, planned, courses);
	free(courses);
	int lw = left_width(month_w);
	int bar_w = r.w - lw - 14;
	if (bar_w > 12)
		bar_w = 12;
	if (st == STYLE_NORMAL && w->when == WEEK_CURRENT)
		st = STYLE_CURRENT;
	draw_text(y, r.x, lw, left, st);
	int x = r.x + lw;
	if (bar_w >= 3) {
		enum style bar = st;
		if (w->when == WEEK_PAST)
			bar = w->logged + 0.05 >= w->planned ? STYLE_AHEAD : STYLE_BEHIND;
		draw_bar(y, x, bar_w, w->planned > 0 ? w->logged / w->planned : 0,
			 st == STYLE_SELECTED ? st : bar);
		x += bar_w;
	}
	if (r.x + r.w - x > 0)
		draw_text(y, x, r.x + r.w - x, right, st);
}

static void schedule_draw(struct app *a, struct pane *p, struct rect r, bool focused)
{
	if (r.h < 2)
		return;
	const struct plan *pl = &a->view.plan;
	char head[256], amount[128];
	plan_verdict_text(plan_hours_verdict(pl), amount, sizeof amount);
	if (pl->current < 0 || pl->current >= (long)pl->n_weeks)
		snprintf(head, sizeof head, ngettext(" Schedule  %d week", " Schedule  %d weeks",
						     (unsigned long)pl->length), pl->length);
	else
		/* TRANSLATORS: the Schedule pane's heading, with the verdict
		 * on the hours studied ("behind by 3 h"); 35 columns at 80x24. */
		snprintf(head, sizeof head, _(" Schedule  hours %s"), amount);
	int h = r.h - 1;
	place(a, p, h);
	ui_list_scroll_to(&p->selected, &p->top, (int)pl->n_weeks, h);
	draw_pane_head(r.y, r.x, r.w, head, focused, p->top > 0,
		       p->top + h < (int)pl->n_weeks);
	int month_w = human_month_width(); /* once a frame, not once a week */
	for (int i = 0; i < h && p->top + i < (int)pl->n_weeks; i++) {
		bool sel = p->top + i == p->selected;
		enum style st = !sel ? STYLE_NORMAL : focused ? STYLE_SELECTED : STYLE_SELECTED_DIM;
		draw_week(a, &pl->weeks[p->top + i], r.y + 1 + i, r, month_w, st);
	}
}

static struct pane_request schedule_action(struct app *a, struct pane *p,
					   enum action act, struct rect r)
{
	int n = (int)a->view.plan.n_weeks;
	if (ui_list_move(&p->selected, &p->top, act, n, r.h - 1))
		return PANE_DONE;
	if (act != ACT_OPEN)
		return PANE_NOT_MINE;
	p->selected = today_week(&a->view.plan); /* Enter: back to this week */
	ui_list_scroll_to(&p->selected, &p->top, n, r.h - 1);
	return PANE_DONE;
}

static struct pane_request schedule_click(struct app *a, struct pane *p, struct rect r,
					  int y, int x)
{
	if (y >= 1 && p->top + y - 1 < (int)a->view.plan.n_weeks)
		p->selected = p->top + y - 1;
	(void)r;
	(void)x;
	return PANE_DONE;
}

static void schedule_wheel(struct app *a, struct pane *p, struct rect r, int dir)
{
	p->selected += dir;
	ui_list_scroll_to(&p->selected, &p->top, (int)a->view.plan.n_weeks, r.h - 1);
}

const struct pane_ops pane_schedule_ops = {
	.name = N_("Schedule"),
	.draw = schedule_draw,
	.action = schedule_action,
	.click = schedule_click,
	.wheel = schedule_wheel,
};
