/* The Certificate pane: where the certificate stands. */
#include "config.h"
#include "certificate.h"
#include "human_format.h"
#include "nls.h"
#include "ui_app.h"
#include "plan_text.h"
#include "strbuf.h"
#include "width.h"
#include "xalloc.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The labels on the left, translated when shown; the value column starts
 * after the widest. */
enum label {
	LABEL_BADGE, LABEL_STATE, LABEL_DONE, LABEL_PLANNED, LABEL_WORK, LABEL_HOURS,
	LABEL_PACE, LABEL_PROJECTED, LABEL_PLAN_ENDS, LABEL_TOO_MUCH, LABEL_KEPT, LABEL_LINKS,
	N_LABELS
};

/* TRANSLATORS: the Certificate pane's labels: 9 columns at most, so
 * that the values keep their 24 columns at 80x24. */
static const char *const labels[N_LABELS] = {
	[LABEL_BADGE] = N_("Badge"),
	[LABEL_STATE] = N_("State"),
	[LABEL_DONE] = N_("Done"),
	[LABEL_PLANNED] = N_("Planned"),
	[LABEL_WORK] = N_("Work"),
	[LABEL_HOURS] = N_("Hours"),
	[LABEL_PACE] = N_("Pace"),
	[LABEL_PROJECTED] = N_("Projected"),
	[LABEL_PLAN_ENDS] = N_("Plan ends"),
	[LABEL_TOO_MUCH] = N_("Too much"),
	[LABEL_KEPT] = N_("Kept"),
	[LABEL_LINKS] = N_("Links"),
};

/* The status's values: 11 at most (Badge to Kept). */
#define STATUS_VALUES 11
struct value {
	enum label label;
	char text[160];
	enum style style;
};

static void add(struct value *out, size_t *n, enum label label, enum style style,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add(struct value *out, size_t *n, enum label label, enum style style,
		const char *fmt, ...)
{
	if (*n >= STATUS_VALUES) /* status_values adds as many at most */
		return;
	out[*n] = (struct value){ label, "", style };
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out[*n].text, sizeof out->text, fmt, ap);
	va_end(ap);
	(*n)++;
}

static enum style verdict_style(struct verdict v)
{
	return v.kind == VERDICT_BEHIND ? STYLE_BEHIND
	     : v.kind == VERDICT_AHEAD || v.kind == VERDICT_DONE ? STYLE_AHEAD : STYLE_NORMAL;
}

/* Every figure is the plan's (PRODUCT.md §2), formatted. */
static size_t status_values(struct app *a, struct value *out)
{
	const struct program_view *v = &a->view;
	const struct plan *pl = &v->plan;
	struct cert_status st;
	certificate_status(&st, a->program, &v->outline, v->progress, &v->done, pl,
			   session_is_chosen(&a->s, a->program));
	size_t n = 0;
	char x[HUMAN_MAX], y[HUMAN_MAX], d[HUMAN_MAX], verdict[128];
	add(out, &n, LABEL_BADGE, STYLE_NORMAL, "%s", a->program->badge ? a->program->badge : "-");
	if (st.state == CERT_EARNED) {
		human_date(st.earned_on, d, sizeof d);
		add(out, &n, LABEL_STATE, STYLE_AHEAD, _("earned on %s"), d);
	} else {
		add(out, &n, LABEL_STATE, STYLE_NORMAL, "%s", certificate_state_name(st.state));
	}
	add(out, &n, LABEL_DONE, STYLE_NORMAL, _("%d%%, courses %zu/%zu"), plan_percent(pl),
	    st.courses_done, st.n_courses);
	human_hours_unit(pl->planned_to_date, x, sizeof x);
	human_hours_unit(pl->planned_by_week_end, y, sizeof y);
	add(out, &n, LABEL_PLANNED, STYLE_NORMAL, _("%s, %s by Sunday"), x, y);
	struct verdict work = plan_work_verdict(pl), hours = plan_hours_verdict(pl);
	human_hours_unit(pl->work_done, x, sizeof x);
	plan_verdict_text(work, verdict, sizeof verdict);
	/* TRANSLATORS: hours (of work done, or studied), then a verdict
	 * ("on plan", "behind by 3 h"). */
	add(out, &n, LABEL_WORK, verdict_style(work), _("%s: %s"), x, verdict);
	human_logged_unit(pl->studied, x, sizeof x);
	plan_verdict_text(hours, verdict, sizeof verdict);
	add(out, &n, LABEL_HOURS, verdict_style(hours), _("%s: %s"), x, verdict);
	human_hours_unit(pl->recent_pace, x, sizeof x);
	human_hours_unit(pl->pace, y, sizeof y);
	if (pl->pace_measured)
		/* TRANSLATORS: the recent pace, then the plan's ("5 h"). */
		add(out, &n, LABEL_PACE, STYLE_NORMAL, _("%s/week (plan %s)"), x, y);
	else
		add(out, &n, LABEL_PACE, STYLE_NORMAL, _("%s/week (plan)"), y);
	human_date(pl->projected, d, sizeof d);
	if (pl->projection == PROJECTION_PACE)
		add(out, &n, LABEL_PROJECTED, STYLE_NORMAL, _("%s (your pace)"), d);
	else if (pl->projection == PROJECTION_PLAN)
		add(out, &n, LABEL_PROJECTED, STYLE_NORMAL, _("%s (plan's end)"), d);
	else
		add(out, &n, LABEL_PROJECTED, STYLE_NORMAL, "-");
	human_date(pl->end, d, sizeof d);
	add(out, &n, LABEL_PLAN_ENDS, STYLE_NORMAL, "%s", d);
	if (pl->overloaded) {
		human_date(pl->end_at_pace, d, sizeof d);
		/* TRANSLATORS: R re-plans, and the plan then ends on this
		 * date, at the pace; 24 columns at 80x24. */
		add(out, &n, LABEL_TOO_MUCH, STYLE_BEHIND, _("R: ends on %s"), d);
	}
	if (v->done.n_orphans)
		add(out, &n, LABEL_KEPT, STYLE_DIM,
		    ngettext("%zu tick of removed modules", "%zu ticks of removed modules",
			     (unsigned long)v->done.n_orphans), v->done.n_orphans);
	return n;
}

/* The status values wrapped: at 80x24 in French, "Travail" holds 27
 * columns in 24. A line is a part of a value, which takes VALUE_LINES at
 * most. */
#define VALUE_LINES 3
#define CERT_LINES (VALUE_LINES * STATUS_VALUES)
struct status {
	struct value values[STATUS_VALUES];
	struct line {
		const struct value *value;
		unsigned char start, len; /* bytes of its text */
		bool continued;           /* not the value's first line */
	} lines[CERT_LINES];
	size_t n_lines;
};
_Static_assert(sizeof ((struct value *)0)->text <= UCHAR_MAX, "a line's start and length");
/* The value column's start: one space, the label, at least one space. */
#define LABEL_W 11

/* The labels in the user's language, and the column they take, found
 * once: the language is set at start, and a frame asks for a label on
 * every line (a gettext() lookup costs about 1,500 instructions, even in
 * English). */
static const char *translated[N_LABELS];
static int label_column;

static void translate_labels(void)
{
	if (label_column)
		return;
	label_column = LABEL_W;
	for (int i = 0; i < N_LABELS; i++) {
		translated[i] = _(labels[i]);
		int w = (int)width_of(translated[i]) + 2;
		if (w > label_column)
			label_column = w;
	}
}

static int label_width(void)
{
	translate_labels();
	return label_column;
}

static const char *label_text(enum label l)
{
	translate_labels();
	return translated[l];
}

/* Whether the word at s is a unit, which stays with the figure before it
 * ("16,7 h", "5 h/sem.", "23 %"). */
static bool is_unit(const char *s)
{
	return *s == 'h' || *s == '%';
}

/* Whether the value may go on to a new line at its space i. */
static bool may_break(const char *s, size_t i)
{
	return s[i] == ' ' && i > 0 && !(isdigit((unsigned char)s[i - 1]) && is_unit(s + i + 1));
}

/* Whether cutting s after n bytes loses a figure, or part of one, or the
 * unit of the last one kept. */
static bool cut_loses_figure(const char *s, size_t n)
{
	if (strpbrk(s + n, "0123456789"))
		return true;
	size_t kept = n, cut = n; /* around the spaces at the cut */
	while (kept > 0 && s[kept - 1] == ' ')
		kept--;
	while (s[cut] == ' ')
		cut++;
	return kept > 0 && isdigit((unsigned char)s[kept - 1]) && (kept < n || cut > n) &&
	       is_unit(s + cut);
}

/* The bytes of s that go on a line of width columns: up to the last
 * space that fits where it may break, else as many as fit. */
static size_t fitting_part(const char *s, int width)
{
	size_t len = strlen(s);
	if (width <= 0 || width_of(s) <= (size_t)width)
		return len;
	size_t n = width_prefix_bytes(s, (size_t)width);
	for (size_t i = n; i > 0; i--)
		if (may_break(s, i))
			return i;
	return n > 0 ? n : len;
}

/* The status lines for a value column of width. A value the model
 * formats goes on over the lines below (3 at most), cut between words,
 * when cutting it at the edge would lose a figure: at 80x24 in French,
 * "Travail 21,5 h : en avance de 17" was 17,2 h. Anything else (the
 * badge, a date's words) is cut at the edge, as names are elsewhere, so
 * that the links stay in view. */
static size_t status_lines(struct app *a, int width, struct status *st)
{
	size_t n = status_values(a, st->values), k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *text = st->values[i].text, *s = text;
		bool wraps = st->values[i].label != LABEL_BADGE; /* the spec's words */
		for (int part = 0; (part == 0 || *s) && k < CERT_LINES; part++) {
			size_t len = strlen(s);
			/* a value wider than the column is shown cut one column
			 * short of the edge, where the ellipsis goes */
			if (wraps && part + 1 < VALUE_LINES && width > 1 &&
			    width_of(s) > (size_t)width &&
			    cut_loses_figure(s, width_prefix_bytes(s, (size_t)width - 1)))
				len = fitting_part(s, width);
			st->lines[k++] = (struct line){ &st->values[i], (unsigned char)(s - text),
							(unsigned char)len, part > 0 };
			for (s += len; *s == ' '; s++)
				;
		}
	}
	return st->n_lines = k;
}

/* The width of the status values in a pane of r. */
static int value_width(struct rect r)
{
	return r.w - label_width();
}

/* The program's links, when they have been resolved. */
static size_t n_links(const struct app *a)
{
	return a->links ? a->n_links : 0;
}

/* A link's line: its text, and a mark on the right where it does not
 * lead to a note the pager can open. */
static void draw_link(struct app *a, size_t k, int y, struct rect r, bool selected)
{
	const struct link *l = &a->program->links[k];
	const struct link_resolution *res = &a->links[k];
	const char *mark = "";
	enum style mark_style = STYLE_BEHIND;
	switch (res->state) {
	/* TRANSLATORS: a link's mark, right of its text: short. */
	case LINK_MISSING: mark = _("missing"); break;
	case LINK_OUTSIDE: mark = _("outside"); break;
	case LINK_IS_WEB: mark = _("web"), mark_style = STYLE_DIM; break;
	case LINK_PRESENT:
		if (!res->is_note)
			mark = _("file"), mark_style = STYLE_DIM;
		break;
	}
	int label_w = label_width();
	int value_w = r.w - label_w, mark_w = (int)width_of(mark);
	if (mark_w && mark_w + 2 > value_w / 2)
		mark_w = 0;
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	char label[64] = "";
	if (k == 0)
		snprintf(label, sizeof label, " %s", label_text(LABEL_LINKS));
	draw_text(y, r.x, label_w, label, STYLE_DIM);
	draw_text(y, r.x + label_w, value_w - (mark_w ? mark_w + 1 : 0), l->text, st);
	if (mark_w) {
		draw_text(y, r.x + r.w - mark_w - 1, 1, " ", st);
		draw_text_right(y, r.x + r.w - mark_w, mark_w, mark, selected ? st : mark_style);
	}
}

/* The status, then the links: the selected link (p->selected) kept in
 * the window when it moves. */
static void certificate_draw(struct app *a, struct pane *p, struct rect r, bool focused)
{
	if (r.h < 2)
		return;
	char head[64];
	snprintf(head, sizeof head, " %s", _(p->ops->name));
	struct status st;
	size_t ns = status_lines(a, value_width(r), &st), nl = n_links(a);
	int n = (int)(ns + nl), h = r.h - 1;
	if (p->selected >= (int)nl)
		p->selected = nl ? (int)nl - 1 : 0;
	if (p->top > n - h)
		p->top = n - h;
	if (p->top < 0)
		p->top = 0;
	draw_pane_head(r.y, r.x, r.w, head, focused, p->top > 0, p->top + h < n);
	for (int i = 0; i < h && p->top + i < n; i++) {
		int k = p->top + i, y = r.y + 1 + i;
		if (k >= (int)ns) {
			draw_link(a, (size_t)k - ns, y, r, focused && k - (int)ns == p->selected);
			continue;
		}
		const struct line *l = &st.lines[k];
		char label[64] = "", part[sizeof l->value->text];
		int label_w = label_width();
		if (!l->continued)
			snprintf(label, sizeof label, " %s", label_text(l->value->label));
		snprintf(part, sizeof part, "%.*s", (int)l->len, l->value->text + l->start);
		draw_text(y, r.x, label_w, label, STYLE_DIM);
		draw_text(y, r.x + label_w, r.w - label_w, part, l->value->style);
	}
}

/* Up and Down scroll the status until the links come into view, then
 * move from link to link. */
static void move_down(struct pane *p, int ns, int nl, int h)
{
	int line = ns + p->selected;
	if (nl == 0 || line >= p->top + h || p->selected == nl - 1) {
		p->top++; /* draw stops it at the end */
		return;
	}
	p->selected++;
	if (line + 1 >= p->top + h)
		p->top = line + 2 - h;
}

static void move_up(struct pane *p, int ns, int nl)
{
	int line = ns + p->selected;
	if (nl > 0 && p->selected > 0 && line >= p->top) {
		p->selected--;
		if (line - 1 < p->top)
			p->top = line - 1;
		return;
	}
	p->top = p->top > 0 ? p->top - 1 : 0;
}

static struct pane_request certificate_action(struct app *a, struct pane *p,
					      enum action act, struct rect r)
{
	struct status st;
	int ns = (int)status_lines(a, value_width(r), &st), nl = (int)n_links(a), h = r.h - 1;
	switch (act) {
	case ACT_UP: move_up(p, ns, nl); break;
	case ACT_DOWN: move_down(p, ns, nl, h); break;
	case ACT_HOME: p->top = 0, p->selected = 0; break;
	case ACT_END:
		p->selected = nl ? nl - 1 : 0;
		p->top = ns + nl - h;
		break;
	case ACT_OPEN:
		if (nl == 0)
			return PANE_NOT_MINE;
		/* a link out of sight is shown first, not opened unseen */
		if (ns + p->selected < p->top)
			p->top = ns + p->selected;
		else if (ns + p->selected >= p->top + h)
			p->top = ns + p->selected - h + 1;
		else
			return (struct pane_request){ .what = PANE_OPEN_LINK,
						      .index = (size_t)p->selected };
		break;
	default: return PANE_NOT_MINE;
	}
	return PANE_DONE;
}

/* A click on a link selects it. */
static struct pane_request certificate_click(struct app *a, struct pane *p, struct rect r,
					     int y, int x)
{
	(void)x;
	struct status st;
	int ns = (int)status_lines(a, value_width(r), &st), line = p->top + y - 1;
	if (y >= 1 && line >= ns && line < ns + (int)n_links(a))
		p->selected = line - ns;
	return PANE_DONE;
}

const struct pane_ops pane_certificate_ops = {
	.name = N_("Certificate"),
	.draw = certificate_draw,
	.action = certificate_action,
	.click = certificate_click,
};
