/* The Modules pane: courses, topics and sub-topics as a tree, with their
 * boxes; Enter opens a course, Space ticks. */
#include "config.h"
#include "ui_app.h"
#include "human_format.h"
#include "nls.h"
#include "ui_list.h"
#include "width.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Module lines shown in the modules pane: indexes into the outline. */
static size_t pane_modules_visible(const struct app *a, size_t *out, size_t cap)
{
	const struct outline *o = &a->view.outline;
	size_t n = 0;
	for (size_t i = 0; i < o->n && n < cap;) {
		out[n++] = i;
		const struct module *m = &o->modules[i];
		i = m->depth == 0 && !a->open[m->course] ? m->end : i + 1;
	}
	return n;
}

/* The visible lines, malloc'd. */
static size_t *visible(const struct app *a, size_t *n)
{
	size_t *v = xmalloc((a->view.outline.n + 1) * sizeof *v);
	*n = pane_modules_visible(a, v, a->view.outline.n);
	return v;
}

long pane_modules_selected(const struct app *a)
{
	if (!a->view_ok)
		return -1;
	size_t n;
	size_t *v = visible(a, &n);
	int sel = a->panes[PANE_MODULES].selected;
	long m = sel >= 0 && (size_t)sel < n ? (long)v[sel] : -1;
	free(v);
	return m;
}

/* Selects module m if it is shown. */
static void select_shown(struct app *a, size_t m)
{
	size_t n;
	size_t *v = visible(a, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i] == m)
			a->panes[PANE_MODULES].selected = (int)i;
	free(v);
}

void pane_modules_select(struct app *a, size_t m)
{
	a->open[a->view.outline.modules[m].course] = true;
	select_shown(a, m);
}

/* "[x]" done, "[-]" begun, "[ ]" not yet. */
static const char *box(const struct app *a, size_t m)
{
	const struct outline *o = &a->view.outline;
	if (a->view.done.done[m])
		return "[x]";
	for (size_t k = m; k < o->modules[m].end; k++)
		if (o->modules[k].leaf && a->view.done.done[k])
			return "[-]";
	return "[ ]";
}

/* Where the box starts on a module's line, for clicks. */
static int box_column(const struct module *m)
{
	return m->depth * 2 + 2;
}

/* A course's hours, short: "16 h" when the plan keeps the spec's,
 * "16→28.2 h" (stated, planned) when it scales them, "12 h plan" when the
 * spec publishes none. */
static void course_hours(const struct app *a, size_t course, char *buf, size_t size)
{
	double stated = a->program->courses[course].hours;
	double planned = a->view.plan.course_hours[course];
	char s[HUMAN_MAX], p[HUMAN_MAX];
	human_hours(stated, s, sizeof s);
	human_hours_unit(planned, p, sizeof p);
	if (stated <= 0)
		/* TRANSLATORS: a course's hours from the plan when the spec
		 * publishes none ("12 h plan"). */
		snprintf(buf, size, _("%s plan"), p);
	else if (fabs(stated - planned) < 0.05)
		snprintf(buf, size, "%s", p);
	else
		snprintf(buf, size, "%s%s%s", s, draw_symbol("\xE2\x86\x92", "->"), p);
}

static void draw_line(struct app *a, size_t m, int y, struct rect r, enum style st)
{
	const struct module *mod = &a->view.outline.modules[m];
	const char *expander = " ";
	if (mod->depth == 0 && !mod->leaf)
		expander = a->open[mod->course] ? draw_symbol("\xE2\x96\xBE", "v")
						: draw_symbol("\xE2\x96\xB8", ">");
	char right[192] = "";
	if (mod->depth == 0) {
		size_t leaves = outline_leaf_count(&a->view.outline, m), done = 0;
		for (size_t k = m; k < mod->end; k++)
			done += a->view.outline.modules[k].leaf && a->view.done.done[k];
		char h[160];
		course_hours(a, mod->course, h, sizeof h);
		snprintf(right, sizeof right, " %zu/%zu %s", done, leaves, h);
	}
	char *left = xasprintf("%*s%s %s %s %s", mod->depth * 2, "", expander, box(a, m),
			       mod->path, mod->title);
	int rw = (int)width_of(right); /* columns: "→" and a narrow no-break space are one each */
	if (rw > r.w / 2)
		rw = 0;
	if (st == STYLE_NORMAL && a->view.done.done[m])
		st = STYLE_DONE;
	draw_text(y, r.x, r.w - rw, left, st);
	if (rw)
		draw_text_right(y, r.x + r.w - rw, rw, right, st == STYLE_DONE ? STYLE_DONE : STYLE_DIM);
	free(left);
}

static void modules_draw(struct app *a, struct pane *p, struct rect r, bool focused)
{
	if (r.h < 2)
		return;
	char head[128];
	snprintf(head, sizeof head, _(" Modules  %zu/%zu done"), a->view.done.leaves_done,
		 a->view.done.leaves);
	size_t n;
	size_t *v = visible(a, &n);
	int h = r.h - 1;
	ui_list_scroll_to(&p->selected, &p->top, (int)n, h);
	draw_pane_head(r.y, r.x, r.w, head, focused, p->top > 0, p->top + h < (int)n);
	for (int i = 0; i < h && p->top + i < (int)n; i++) {
		bool sel = p->top + i == p->selected;
		enum style st = !sel ? STYLE_NORMAL : focused ? STYLE_SELECTED : STYLE_SELECTED_DIM;
		draw_line(a, v[p->top + i], r.y + 1 + i, r, st);
	}
	free(v);
}

/* Opens or closes the course of module m; closing selects the course. */
static void set_open(struct app *a, size_t m, bool open)
{
	const struct outline *o = &a->view.outline;
	size_t course = m;
	while (o->modules[course].depth != 0)
		course = o->modules[course].parent;
	a->open[o->modules[m].course] = open;
	select_shown(a, open ? m : course);
}

static struct pane_request modules_action(struct app *a, struct pane *p,
					  enum action act, struct rect r)
{
	size_t n;
	size_t *v = visible(a, &n);
	if (n == 0) {
		free(v);
		return PANE_NOT_MINE;
	}
	if (p->selected >= (int)n)
		p->selected = (int)n - 1;
	size_t m = v[p->selected];
	free(v);
	if (ui_list_move(&p->selected, &p->top, act, (int)n, r.h - 1))
		return PANE_DONE;
	const struct module *mod = &a->view.outline.modules[m];
	switch (act) {
	case ACT_TICK: return (struct pane_request){ PANE_TOGGLE_TICK, m };
	case ACT_OPEN:
		set_open(a, m, mod->depth == 0 ? !a->open[mod->course] : false);
		break;
	case ACT_RIGHT: set_open(a, m, true); break;
	case ACT_LEFT: set_open(a, m, false); break;
	default: return PANE_NOT_MINE;
	}
	ui_list_scroll_to(&p->selected, &p->top, (int)n, r.h - 1);
	return PANE_DONE;
}

static struct pane_request modules_click(struct app *a, struct pane *p, struct rect r,
					 int y, int x)
{
	size_t n;
	size_t *v = visible(a, &n);
	int line = p->top + y - 1;
	struct pane_request req = PANE_DONE;
	if (y >= 1 && line < (int)n) {
		size_t m = v[line];
		const struct module *mod = &a->view.outline.modules[m];
		p->selected = line;
		int bx = box_column(mod);
		if (x >= bx && x < bx + 3)
			req = (struct pane_request){ PANE_TOGGLE_TICK, m };
		else if (mod->depth == 0 && x < bx)
			set_open(a, m, !a->open[mod->course]);
	}
	free(v);
	(void)r;
	return req;
}

static void modules_wheel(struct app *a, struct pane *p, struct rect r, int dir)
{
	size_t n;
	size_t *v = visible(a, &n);
	free(v);
	p->top += dir * 3;
	if (p->top > (int)n - (r.h - 1))
		p->top = (int)n - (r.h - 1);
	if (p->top < 0)
		p->top = 0;
	if (p->selected < p->top)
		p->selected = p->top;
	if (p->selected >= p->top + r.h - 1)
		p->selected = p->top + r.h - 2;
}

const struct pane_ops pane_modules_ops = {
	.name = N_("Modules"),
	.draw = modules_draw,
	.action = modules_action,
	.click = modules_click,
	.wheel = modules_wheel,
};
