/* The help screen, made from the table of actions. */
#include "config.h"
#include "ui_app.h"

#include <stdio.h>

void help_draw(struct app *a)
{
	int y0 = 1, h = a->rows - 3;
	draw_text(y0, 0, a->cols, " Keys (any key to close; everything is saved as you go)",
		  STYLE_HEADER_FOCUS);
	int n = ui_n_actions + 1;
	if (a->help_top > n - h)
		a->help_top = n - h;
	if (a->help_top < 0)
		a->help_top = 0;
	for (int i = 0; i < h && a->help_top + i < n; i++) {
		int k = a->help_top + i, y = y0 + 1 + i;
		if (k == ui_n_actions) {
			draw_text(y, 0, a->cols, "  Mouse      click selects, click a box ticks, "
				  "the wheel scrolls", STYLE_DIM);
			continue;
		}
		char keys[32];
		snprintf(keys, sizeof keys, "  %-10s ", ui_actions[k].keys_label);
		draw_text(y, 0, 13, keys, STYLE_CURRENT);
		draw_text(y, 13, a->cols - 13, ui_actions[k].help, STYLE_NORMAL);
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
