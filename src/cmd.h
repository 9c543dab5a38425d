/* One function per command, each in its own cmd_*.c file. They print to
 * stdout, report problems on stderr, and return the exit status. */
#ifndef CURSUS_CMD_H
#define CURSUS_CMD_H

#include "catalog.h"
#include "cli.h"

int cmd_list(struct cli *cli);
int cmd_show(struct cli *cli);
int cmd_check(struct cli *cli);
int cmd_compare(struct cli *cli);
int cmd_choose(struct cli *cli);
int cmd_tick(struct cli *cli);
int cmd_log(struct cli *cli);
int cmd_schedule(struct cli *cli);
int cmd_status(struct cli *cli);
int cmd_earned(struct cli *cli);
int cmd_export(struct cli *cli);
int cmd_merge(struct cli *cli);

/* Loads the catalogue of the search path; prints errors about a broken
 * --data directory. Returns false when nothing can be listed. */
bool cmd_open_catalog(struct cli *cli, struct catalog *cat);
/* Says on stderr that no spec is on the path, and where it looked (for
 * list and the planner). */
void cmd_say_no_specs(const struct catalog *cat);

struct session;
struct program_view;
struct program;
struct edit;

/* True when --date, if given, is not after today; else says why (after
 * "is after today (DATE): ", the reason, such as "hours are logged for
 * days that have passed") and returns false. */
bool cmd_date_passed(const struct cli *cli, const char *reason);

/* Saves an edit of p's progress through session_commit. */
bool cmd_commit_edit(struct session *s, struct program *p, struct edit *e);

/* Prints what the session gathered (errors and warnings) on stderr, and
 * forgets it. */
void cmd_report(struct session *s);
typedef int (*cmd_program_fn)(struct session *s, struct program_view *v, void *ctx);
typedef int (*cmd_no_choice_fn)(struct session *s);

/* The frame of the planner commands: opens the session (locked for
 * writing), finds the program the command acts on, builds its view and
 * runs fn on it. Before any choice, runs no_choice instead when given.
 * Returns fn's status, or 1 when a step failed (after saying why). */
int cmd_on_program(struct cli *cli, int mode, cmd_program_fn fn,
		   cmd_no_choice_fn no_choice, void *ctx);

#endif
