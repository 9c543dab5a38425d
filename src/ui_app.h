/* What the planner's parts share: the session, the program shown and
 * everything derived from it, the panes, undo and redo, the message line.
 * The model does the work; the UI shows it and sends it edits. */
#ifndef CURSUS_UI_APP_H
#define CURSUS_UI_APP_H

#include <stdbool.h>
#include <sys/stat.h>

#include "edits.h"
#include "links.h"
#include "session.h"
#include "ui_actions.h"
#include "ui_draw.h"

struct app;
struct pane;

/* What a pane asks of the loop after an action or a click: handlers
 * return what must happen and the loop does it, so that no pane calls
 * back into ui.c. */
struct pane_request {
	enum { PANE_IGNORED, PANE_HANDLED, PANE_TOGGLE_TICK, PANE_OPEN_LINK } what;
	/* PANE_TOGGLE_TICK: the module to tick, or untick if done;
	 * PANE_OPEN_LINK: the program's link to open */
	size_t index;
};
#define PANE_NOT_MINE ((struct pane_request){ PANE_IGNORED, 0 })
#define PANE_DONE ((struct pane_request){ PANE_HANDLED, 0 })

/* One pane behind a small table of operations, as tmux does its modes. */
struct pane_ops {
	const char *name;
	void (*draw)(struct app *a, struct pane *p, struct rect r, bool focused);
	struct pane_request (*action)(struct app *a, struct pane *p, enum action act,
				      struct rect r);
	/* A click at (y, x) inside r; button 1, or the wheel (dir -1/+1). */
	struct pane_request (*click)(struct app *a, struct pane *p, struct rect r, int y,
				     int x);
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

struct app {
	struct cli *cli;
	struct session s;
	struct program *program;    /* NULL until an option is chosen */
	struct program_view view;
	bool view_ok;
	struct link_resolution *links; /* where each of the program's links leads */
	size_t n_links;
	char view_error[256];       /* why the view could not be built */
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

	struct edit_stack undo, redo; /* every program's; undo takes the shown one's */
	char *search;
	char message[512];
	bool message_error;
	size_t copies_owed;         /* conflict copies found and not yet said */
	struct stat state_seen;     /* the progress file as last read */
	bool state_exists;
};

/* Shows msg on the bottom line until the next key. */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The first error of d, with its file and line, as the message; frees d. */
void app_message_diags(struct app *a, struct diag_list *d);
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

/* The pane operations, each in its pane_*.c file. */
extern const struct pane_ops pane_modules_ops;
extern const struct pane_ops pane_schedule_ops;
extern const struct pane_ops pane_certificate_ops;

/* The module selected in the modules pane (an index into the outline), or
 * -1 when there is none (no plan, or nothing shown). */
long pane_modules_selected(const struct app *a);
/* Selects module m in the modules pane, opening its course. */
void pane_modules_select(struct app *a, size_t m);

/* The chooser, help and prompt, each in its ui_*.c file. */
void chooser_open(struct app *a);
void chooser_draw(struct app *a);
void chooser_action(struct app *a, enum action act);
void help_draw(struct app *a);
void help_action(struct app *a, enum action act);
/* Asks for a line of text on the bottom line, with the screen drawn by
 * draw under it; false when cancelled. */
bool ui_prompt(struct app *a, void (*draw)(struct app *), const char *label, char *buf,
	       size_t size);

/* True once SIGTERM, SIGHUP or SIGINT asked the planner to end. */
bool ui_quit_requested(void);


#endif
