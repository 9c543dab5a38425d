/* The Certificate pane: where the certificate stands. */
#include "config.h"
#include "certificate.h"
#include "ui_app.h"
#include "strbuf.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
	const char *label;
	char value[160];
	enum style style;
};

static size_t status_lines(struct app *a, struct line *out)
{
	const struct program_view *v = &a->view;
	struct cert_status st;
	certificate_status(&st, a->program, &v->outline, v->progress, &v->done, &v->plan,
			   session_is_chosen(&a->s, a->program), a->s.today);
	size_t n = 0;
	char x[32], y[32], d[16];
	out[n] = (struct line){ "Badge", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%s", a->program->badge ? a->program->badge : "-");
	out[n] = (struct line){ "State", "", STYLE_NORMAL };
	if (st.state == CERT_EARNED) {
		date_format(st.earned_on, d);
		snprintf(out[n].value, sizeof out->value, "earned on %s", d);
		out[n].style = STYLE_AHEAD;
	} else {
		snprintf(out[n].value, sizeof out->value, "%s", certificate_state_name(st.state));
	}
	n++;
	out[n] = (struct line){ "Done", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%.0f%%", floor(st.percent));
	out[n] = (struct line){ "Courses", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%zu/%zu", st.courses_done, st.n_courses);
	effort_format_logged_unit(st.logged, x, sizeof x);
	effort_format_hours_unit(st.effort, y, sizeof y);
	out[n] = (struct line){ "Hours", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%s of %s", x, y);
	effort_format_hours_unit(st.recent_pace, x, sizeof x);
	out[n] = (struct line){ "Pace", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%s/week (4 weeks)", x);
	out[n] = (struct line){ "Projected", "", STYLE_NORMAL };
	if (st.has_projection)
		date_format(st.projected, out[n].value);
	else
		snprintf(out[n].value, sizeof out->value, "-");
	n++;
	date_format(v->plan.end, d);
	out[n] = (struct line){ "Plan ends", "", STYLE_NORMAL };
	snprintf(out[n++].value, sizeof out->value, "%s", d);
	if (v->plan.current > 0 && v->plan.current < (long)v->plan.n_weeks) {
		out[n] = (struct line){ "Balance", "", STYLE_NORMAL };
		effort_format_hours_unit(fabs(v->plan.balance), x, sizeof x);
		if (fabs(v->plan.balance) < 0.05)
			snprintf(out[n].value, sizeof out->value, "on plan");
		else
			snprintf(out[n].value, sizeof out->value, "%s by %s",
				 v->plan.balance < 0 ? "behind" : "ahead", x);
		out[n++].style = v->plan.balance < -0.05 ? STYLE_BEHIND : STYLE_AHEAD;
	}
	if (v->done.n_orphans) {
		out[n] = (struct line){ "Kept", "", STYLE_DIM };
		snprintf(out[n++].value, sizeof out->value, "%zu tick%s of removed modules",
			 v->done.n_orphans, v->done.n_orphans == 1 ? "" : "s");
	}
	return n;
}

#define CERT_LINES 12
#define LABEL_W 11

static void certificate_draw(struct app *a, struct pane *p, struct rect r, bool focused)
{
	if (r.h < 2)
		return;
	draw_text(r.y, r.x, r.w, " Certificate", focused ? STYLE_HEADER_FOCUS : STYLE_HEADER);
	struct line lines[CERT_LINES];
	size_t n = status_lines(a, lines);
	int h = r.h - 1;
	if (p->top > (int)n - h)
		p->top = (int)n - h;
	if (p->top < 0)
		p->top = 0;
	for (int i = 0; i < h && p->top + i < (int)n; i++) {
		const struct line *l = &lines[p->top + i];
		int y = r.y + 1 + i;
		char label[32];
		snprintf(label, sizeof label, " %s", l->label);
		draw_text(y, r.x, LABEL_W, label, STYLE_DIM);
		draw_text(y, r.x + LABEL_W, r.w - LABEL_W, l->value, l->style);
	}
}

static struct pane_request certificate_action(struct app *a, struct pane *p,
					      enum action act, struct rect r)
{
	(void)a;
	(void)r;
	switch (act) {
	case ACT_UP: p->top = p->top > 0 ? p->top - 1 : 0; break;
	case ACT_DOWN: p->top++; break;
	case ACT_HOME: p->top = 0; break;
	default: return PANE_NOT_MINE;
	}
	return PANE_DONE;
}

const struct pane_ops pane_certificate_ops = {
	.name = "Certificate",
	.draw = certificate_draw,
	.action = certificate_action,
};
