#include "config.h"
#include "ui_list.h"

void ui_list_scroll_to(int *sel, int *top, int n, int h)
{
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (h < 1)
		h = 1;
	if (*top > *sel)
		*top = *sel;
	if (*sel >= *top + h)
		*top = *sel - h + 1;
	if (*top > n - h)
		*top = n - h;
	if (*top < 0)
		*top = 0;
}

bool ui_list_move(int *sel, int *top, enum action act, int n, int h)
{
	int page = h > 1 ? h - 1 : 1;
	switch (act) {
	case ACT_UP: (*sel)--; break;
	case ACT_DOWN: (*sel)++; break;
	case ACT_PAGE_UP: *sel -= page; break;
	case ACT_PAGE_DOWN: *sel += page; break;
	case ACT_HOME: *sel = 0; break;
	case ACT_END: *sel = n - 1; break;
	default: return false;
	}
	ui_list_scroll_to(sel, top, n, h);
	return true;
}
