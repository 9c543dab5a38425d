#include "config.h"
#include "ui_actions.h"
#include "nls.h"

#include <curses.h>

#define CTRL(c) ((c) & 0x1f)

/* The texts are marked N_ and translated where they are shown (the help
 * screen, the bottom line). Key letters are the same in every language;
 * only the names of keys (Space, Enter, Up) are translated. */
const struct action_def ui_actions[] = {
	{ ACT_UP, N_("Up k"), { KEY_UP, 'k' }, N_("move up"), NULL },
	{ ACT_DOWN, N_("Down j"), { KEY_DOWN, 'j' }, N_("move down"), NULL },
	{ ACT_LEFT, N_("Left h"), { KEY_LEFT, 'h' }, N_("close a course; previous option"), NULL },
	{ ACT_RIGHT, N_("Right l"), { KEY_RIGHT, 'l' }, N_("open a course; next option"), NULL },
	{ ACT_PAGE_UP, N_("PgUp"), { KEY_PPAGE }, N_("a page up"), NULL },
	{ ACT_PAGE_DOWN, N_("PgDn"), { KEY_NPAGE }, N_("a page down"), NULL },
	{ ACT_HOME, N_("Home g"), { KEY_HOME, 'g' }, N_("first line"), NULL },
	{ ACT_END, N_("End G"), { KEY_END, 'G' }, N_("last line"), NULL },
	{ ACT_NEXT_PANE, "Tab", { '\t' }, N_("next pane"), NULL },
	{ ACT_PREV_PANE, N_("S-Tab"), { KEY_BTAB }, N_("previous pane"), NULL },
	{ ACT_TICK, N_("Space"), { ' ' }, N_("tick or untick the module"),
	  /* TRANSLATORS: the hints ("Spc tick", "Ret open", "+/- hours",
	   * "L log", ...) make the bottom line, nine of them two spaces
	   * apart: together they must fit in 80 columns (63 characters for
	   * the nine), or the last give way ("? help" and "q quit" stay).
	   * Keep each key letter. */
	  N_("Spc tick") },
	{ ACT_OPEN, N_("Enter"), { '\n', '\r', KEY_ENTER },
	  N_("open or close a course; open a link in $PAGER; choose"), N_("Ret open") },
	{ ACT_MORE_HOURS, "+", { '+', '=' }, N_("log half an hour on the selected week"),
	  N_("+/- hours") },
	{ ACT_LESS_HOURS, "-", { '-' }, N_("take half an hour back from the selected week"), NULL },
	{ ACT_LOG_HOURS, "L", { 'L' }, N_("type the hours studied"), N_("L log") },
	{ ACT_UNDO, "u", { 'u' }, N_("undo"), N_("u undo") },
	{ ACT_REDO, "U ^R", { 'U', CTRL('r') }, N_("redo"), NULL },
	{ ACT_REPLAN, "R", { 'R' }, N_("re-plan when the work left no longer fits"), NULL },
	{ ACT_EDIT, "e", { 'e' }, N_("edit the spec at the selected module, then reload it"),
	  NULL },
	{ ACT_SEARCH, "/", { '/' }, N_("search the modules"), N_("/ find") },
	{ ACT_SEARCH_NEXT, "n", { 'n' }, N_("next match"), NULL },
	{ ACT_SEARCH_PREV, "N", { 'N' }, N_("previous match"), NULL },
	{ ACT_OPTIONS, "o", { 'o' }, N_("compare and choose the options"), N_("o options") },
	{ ACT_HELP, "?", { '?', KEY_F(1) }, N_("this help"), N_("? help") },
	{ ACT_REDRAW, "^L", { CTRL('l') }, N_("redraw the screen"), NULL },
	{ ACT_QUIT, "q", { 'q' }, N_("quit (everything is already saved)"), N_("q quit") },
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
