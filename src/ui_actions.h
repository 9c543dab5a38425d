/* Every action of the planner, declared once: the key dispatcher, the help
 * screen and the key hints are all generated from ui_actions.c's table, so
 * they can never disagree. */
#ifndef CURSUS_UI_ACTIONS_H
#define CURSUS_UI_ACTIONS_H

#include <stdbool.h>

enum action {
	ACT_NONE = 0,
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT,
	ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_NEXT_PANE, ACT_PREV_PANE,
	ACT_TICK, ACT_OPEN,
	ACT_MORE_HOURS, ACT_LESS_HOURS, ACT_LOG_HOURS,
	ACT_UNDO, ACT_REDO, ACT_REPLAN, ACT_EDIT,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
	ACT_OPTIONS, ACT_HELP, ACT_REDRAW, ACT_QUIT,
	ACT_COUNT,
};

#define ACTION_MAX_KEYS 4

struct action_def {
	enum action action;
	const char *keys_label;  /* as the help screen shows the keys */
	int keys[ACTION_MAX_KEYS];
	const char *help;
	const char *hint;        /* short word for the bottom line, or NULL */
};

extern const struct action_def ui_actions[];
extern const int ui_n_actions;

/* The action a key stands for, or ACT_NONE. */
enum action ui_action_for_key(int key);

#endif
