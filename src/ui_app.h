/* What the planner's parts share: the session, the program shown and
 * everything derived from it, the panes, undo and redo, the message line.
 * The model does the work; the UI shows it and sends it edits. */
#ifndef CURSUS_UI_APP_H
#define CURSUS_UI_APP_H

#include <stdbool.h>
#include <sys/stat.h>

#include "edits.h"
#include "session.h"
#include "ui_actions.h"
#include "ui_draw.h"

struct app;
struct pane;

/* One pane behind a small table of operations, as tmux does its modes. */
struct pane_ops {
	const char *name;
	void (*draw)(struct app *a, struct pane *p, struct rect r, bool focused);
	/* Returns true when the action was the pane's to handle. */
	bool (*action)(struct app *a, struct pane *p, enum action act, struct rect r);
	/* A click at (y, x) inside r; button 1, or the wheel (dir -1/+1). */
	void (*click)(struct app *a, struct pane *p, struct rect r, int y, int x);
	void (*wheel)(struct app *a, struct pane *p, struct rect r, int dir);
};

struct pane {
	const struct pane_ops *ops;
	int selected;   /* a line of the pane's own list */
	int top;        /* first line shown */
	bool placed;    /* selection set for the current program */
};

enum { PANE_MODULES, PANE_SCHEDULE, PANE_CERTIFICATE, PANE_COUNT };
enum ui_mode { MODE_MAIN, MODE_CHOOSER, MODE_HELP };

struct edit_stack {
	struct edit *v;
	size_t n, cap;
};

struct app {
	struct cli *cli;
	struct session s;
	struct program *program;    /* NULL until an option is chosen */
	struct program_view view;
	bool view_ok;
	bool *open;                 /* per course: its topics shown */
	struct pane panes[PANE_COUNT];
	int focus;
	enum ui_mode mode;
	int rows, cols;
	struct rect pane_rects[PANE_COUNT]; /* as last drawn; h == 0 when hidden */

	/* the option chooser */
	struct program **options;
	size_t n_options;
	size_t chosen_option;
	int chooser_top;
	int help_top;

	struct edit_stack undo, redo;
	char *search;
	char message[512];
	bool message_error;
	struct stat state_seen;     /* the progress file as last read */
	bool state_exists;
};

/* Shows msg on the bottom line until the next key. */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Applies an edit to the progress on disk (locked, re-read, saved) and
 * shows the result; pushes it for undo unless it is an undo itself. */
bool app_commit(struct app *a, struct edit *e, bool inverse);
/* Rebuilds everything derived from the program and its progress. */
void app_rebuild(struct app *a);
/* Makes p the program shown (after a choice), resetting the panes. */
void app_show_program(struct app *a, struct program *p);
/* The day +/- and L log hours on for the schedule's selected week, or
 * false (with a message) when that week has not begun. */
bool app_log_day(struct app *a, struct date *day);
/* Ticks module m, or unticks it when it is done (saved, undoable). */
void app_toggle_tick(struct app *a, size_t m);
/* Draws the whole screen (also used under a prompt). */
void app_draw(struct app *a);

/* The pane operations, each in its pane_*.c file. */
extern const struct pane_ops pane_modules_ops;
extern const struct pane_ops pane_schedule_ops;
extern const struct pane_ops pane_certificate_ops;

/* Module lines shown in the modules pane: indexes into the outline. */
size_t pane_modules_visible(const struct app *a, size_t *out, size_t cap);
/* Selects module m in the modules pane, opening its course. */
void pane_modules_select(struct app *a, size_t m);

/* The chooser, help and prompt, each in its ui_*.c file. */
void chooser_open(struct app *a);
void chooser_draw(struct app *a);
void chooser_action(struct app *a, enum action act);
void help_draw(struct app *a);
void help_action(struct app *a, enum action act);
/* Asks for a line of text on the bottom line; false when cancelled. */
bool ui_prompt(struct app *a, const char *label, char *buf, size_t size);

/* True once SIGTERM, SIGHUP or SIGINT asked the planner to end. */
bool ui_quit_requested(void);

/* Moves a pane's selection for the movement actions (up, down, pages,
 * home, end) and keeps it in view in r; false for any other action. */
bool pane_move(struct pane *p, enum action act, int n, struct rect r);

/* Keeps sel within [0, n) and top so that sel is among h lines. */
void ui_scroll_to(int *sel, int *top, int n, int h);

#endif
