/* The help screen, made from the table of actions. */
#include "config.h"
#include "ui_app.h"
#include "nls.h"

#include <stdio.h>

/* The keys' column: two spaces, the keys, padded by display width (a
 * translated key name may hold accents: "Entrée"). */
#define HELP_KEYS_W 13

static void help_line(int y, int cols, const char *keys, const char *text, enum style key_st,
		      enum style text_st)
{
	char label[64];
	snprintf(label, sizeof label, "  %s", keys);
	draw_text(y, 0, HELP_KEYS_W, label, key_st);
	draw_text(y, HELP_KEYS_W, cols - HELP_KEYS_W, text, text_st);
}

void help_draw(struct app *a)
{
	int y0 = 1, h = a->rows - 3;
	draw_text(y0, 0, a->cols, _(" Keys (any key to close; everything is saved as you go)"),
		  STYLE_HEADER_FOCUS);
	int n = ui_n_actions + 1;
	if (a->help_top > n - h)
		a->help_top = n - h;
	if (a->help_top < 0)
		a->help_top = 0;
	for (int i = 0; i < h && a->help_top + i < n; i++) {
		int k = a->help_top + i, y = y0 + 1 + i;
		if (k == ui_n_actions)
			help_line(y, a->cols, _("Mouse"),
				  _("click selects, click a box ticks, the wheel scrolls"),
				  STYLE_DIM, STYLE_DIM);
		else
			help_line(y, a->cols, _(ui_actions[k].keys_label), _(ui_actions[k].help),
				  STYLE_CURRENT, STYLE_NORMAL);
	}
}

void help_action(struct app *a, enum action act)
{
	if (act == ACT_DOWN || act == ACT_PAGE_DOWN) {
		a->help_top += act == ACT_DOWN ? 1 : a->rows / 2;
		return;
	}
	if (act == ACT_UP || act == ACT_PAGE_UP) {
		a->help_top -= act == ACT_UP ? 1 : a->rows / 2;
		return;
	}
	a->mode = a->program ? MODE_MAIN : MODE_CHOOSER;
}
