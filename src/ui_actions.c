#include "config.h"
#include "ui_actions.h"

#include <curses.h>

#define CTRL(c) ((c) & 0x1f)

const struct action_def ui_actions[] = {
	{ ACT_UP, "Up k", { KEY_UP, 'k' }, "move up", NULL },
	{ ACT_DOWN, "Down j", { KEY_DOWN, 'j' }, "move down", NULL },
	{ ACT_LEFT, "Left h", { KEY_LEFT, 'h' }, "close a course; previous option", NULL },
	{ ACT_RIGHT, "Right l", { KEY_RIGHT, 'l' }, "open a course; next option", NULL },
	{ ACT_PAGE_UP, "PgUp", { KEY_PPAGE }, "a page up", NULL },
	{ ACT_PAGE_DOWN, "PgDn", { KEY_NPAGE }, "a page down", NULL },
	{ ACT_HOME, "Home g", { KEY_HOME, 'g' }, "first line", NULL },
	{ ACT_END, "End G", { KEY_END, 'G' }, "last line", NULL },
	{ ACT_NEXT_PANE, "Tab", { '\t' }, "next pane", NULL },
	{ ACT_PREV_PANE, "S-Tab", { KEY_BTAB }, "previous pane", NULL },
	{ ACT_TICK, "Space", { ' ' }, "tick or untick the module", "Spc tick" },
	{ ACT_OPEN, "Enter", { '\n', '\r', KEY_ENTER },
	  "open or close a course; open a link in $PAGER; choose", "Ret open" },
	{ ACT_MORE_HOURS, "+", { '+', '=' }, "log half an hour on the selected week", "+/- hours" },
	{ ACT_LESS_HOURS, "-", { '-' }, "take half an hour back from the selected week", NULL },
	{ ACT_LOG_HOURS, "L", { 'L' }, "type the hours studied", "L log" },
	{ ACT_UNDO, "u", { 'u' }, "undo", "u undo" },
	{ ACT_REDO, "U ^R", { 'U', CTRL('r') }, "redo", NULL },
	{ ACT_REPLAN, "R", { 'R' }, "re-plan when the work left no longer fits", NULL },
	{ ACT_EDIT, "e", { 'e' }, "edit the spec at the selected module, then reload it", NULL },
	{ ACT_SEARCH, "/", { '/' }, "search the modules", "/ find" },
	{ ACT_SEARCH_NEXT, "n", { 'n' }, "next match", NULL },
	{ ACT_SEARCH_PREV, "N", { 'N' }, "previous match", NULL },
	{ ACT_OPTIONS, "o", { 'o' }, "compare and choose the options", "o options" },
	{ ACT_HELP, "?", { '?', KEY_F(1) }, "this help", "? help" },
	{ ACT_REDRAW, "^L", { CTRL('l') }, "redraw the screen", NULL },
	{ ACT_QUIT, "q", { 'q' }, "quit (everything is already saved)", "q quit" },
};

const int ui_n_actions = (int)(sizeof ui_actions / sizeof ui_actions[0]);

enum action ui_action_for_key(int key)
{
	for (int i = 0; i < ui_n_actions; i++)
		for (int k = 0; k < ACTION_MAX_KEYS && ui_actions[i].keys[k]; k++)
			if (ui_actions[i].keys[k] == key)
				return ui_actions[i].action;
	return ACT_NONE;
}
