/* The option chooser: the alternatives of a group side by side, as
 * `cursus compare` shows them; Left/Right select, Enter chooses. */
#include "config.h"
#include "compare_table.h"
#include "ui_app.h"
#include "nls.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The group the chooser offers: the program's own, else the first group
 * with alternatives, else the first program's. */
static const char *chooser_group(const struct app *a)
{
	if (a->program)
		return a->program->group;
	const struct catalog *cat = &a->s.cat;
	for (size_t i = 0; i + 1 < cat->n_programs; i++)
		if (strcasecmp(cat->programs[i]->group, cat->programs[i + 1]->group) == 0)
			return cat->programs[i]->group;
	return cat->programs[0]->group;
}

void chooser_open(struct app *a)
{
	const char *group = chooser_group(a);
	const struct catalog *cat = &a->s.cat;
	free(a->options);
	a->options = xcalloc(cat->n_programs, sizeof *a->options);
	a->n_options = 0;
	a->chosen_option = 0;
	const char *chosen = progress_choice(&a->s.progress, group);
	for (size_t i = 0; i < cat->n_programs; i++) {
		struct program *p = cat->programs[i];
		if (strcasecmp(p->group, group) != 0)
			continue;
		struct diag_list d = {0};
		bool ok = spec_load_body(p, &d);
		if (!ok && !a->message[0])
			app_message_diags(a, &d); /* left out of the options, and said */
		diag_free(&d);
		if (!ok)
			continue;
		if (chosen && strcasecmp(chosen, p->id) == 0)
			a->chosen_option = a->n_options;
		a->options[a->n_options++] = p;
	}
	a->chooser_top = 0;
	a->mode = MODE_CHOOSER;
}

/* The group's choice when the chooser cannot offer it (its spec is
 * broken, or gone), else NULL: the learner must know that Enter would
 * replace it. */
static const char *lost_choice(const struct app *a)
{
	if (a->n_options == 0)
		return NULL;
	const char *chosen = progress_choice(&a->s.progress, a->options[0]->group);
	for (size_t i = 0; chosen && i < a->n_options; i++)
		if (strcasecmp(a->options[i]->id, chosen) == 0)
			return NULL;
	return chosen;
}

void chooser_draw(struct app *a)
{
	int y0 = 1, h = a->rows - 3;
	char head[256];
	const char *lost = lost_choice(a);
	if (lost)
		/* TRANSLATORS: the program chosen, then its group ("P4");
		 * 80 columns. */
		snprintf(head, sizeof head, _(" %s, chosen for %s, cannot be read (see 'cursus check'): "
					     "Enter picks another"),
			 lost, a->options[0]->group);
	else
		/* TRANSLATORS: %s is a group of options ("P4"); 80 columns. */
		snprintf(head, sizeof head, a->program
			 ? _(" Choose an option for %s: Left/Right to select, Enter to choose, q to go back")
			 : _(" Choose an option for %s: Left/Right to select, Enter to choose, q to quit"),
			 a->n_options ? a->options[0]->group : "");
	draw_text(y0, 0, a->cols, head, lost ? STYLE_BEHIND : STYLE_HEADER_FOCUS);
	if (a->n_options == 0)
		return;
	struct strv lines = {0};
	struct compare_layout lay;
	compare_table(a->options, a->n_options, (size_t)a->cols, &lines, &lay);
	/* A table taller than the screen keeps its last row to say that
	 * there is more, and which way ("watch out" is often below). */
	bool overflows = (int)lines.n > h && h > 1;
	if (overflows)
		h--;
	if (a->chooser_top > (int)lines.n - h)
		a->chooser_top = (int)lines.n - h;
	if (a->chooser_top < 0)
		a->chooser_top = 0;
	if (overflows) {
		bool below = a->chooser_top + h < (int)lines.n;
		char more[128];
		snprintf(more, sizeof more, " %s %s", draw_arrow(!below),
			 below ? _("more below (Down)") : _("more above (Up)"));
		draw_text(y0 + 1 + h, 0, a->cols, more, STYLE_DIM);
	}
	int col_x = (int)(lay.label_w + lay.gap + a->chosen_option * (lay.col_w + lay.gap));
	for (int i = 0; i < h && a->chooser_top + i < (int)lines.n; i++) {
		int y = y0 + 1 + i;
		draw_text(y, 0, a->cols, lines.v[a->chooser_top + i], STYLE_NORMAL);
		/* The first two lines name the options: mark the selected one. */
		if (a->chooser_top + i < 2 && col_x < a->cols) {
			const struct program *p = a->options[a->chosen_option];
			char *name = a->chooser_top + i == 0 && p->option
				? xasprintf(_("Option %c"), p->option) : xstrdup(p->id);
			int w = (int)lay.col_w < a->cols - col_x ? (int)lay.col_w : a->cols - col_x;
			draw_text(y, col_x, w, name, STYLE_SELECTED);
			free(name);
		}
	}
	strv_free(&lines);
}

void chooser_action(struct app *a, enum action act)
{
	switch (act) {
	case ACT_LEFT:
	case ACT_PREV_PANE:
		if (a->chosen_option > 0)
			a->chosen_option--;
		break;
	case ACT_RIGHT:
	case ACT_NEXT_PANE:
		if (a->chosen_option + 1 < a->n_options)
			a->chosen_option++;
		break;
	case ACT_UP:
		a->chooser_top--;
		break;
	case ACT_DOWN:
		a->chooser_top++;
		break;
	case ACT_PAGE_UP:
		a->chooser_top -= a->rows / 2;
		break;
	case ACT_PAGE_DOWN:
		a->chooser_top += a->rows / 2;
		break;
	case ACT_QUIT:
	case ACT_OPTIONS:
		if (a->program)
			a->mode = MODE_MAIN;
		break;
	case ACT_HELP:
		a->mode = MODE_HELP;
		break;
	default:
		break;
	}
}
