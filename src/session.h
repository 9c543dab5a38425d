/* What a planner command works with: the catalogue, the progress file (read,
 * and locked when the command will write), today, and the program it acts
 * on. Shared by the commands and, later, the full-screen planner. */
#ifndef CURSUS_SESSION_H
#define CURSUS_SESSION_H

#include <stdbool.h>

#include "catalog.h"
#include "cli.h"
#include "completion.h"
#include "outline.h"
#include "plan.h"
#include "progress.h"

struct session {
	struct cli *cli;
	struct catalog cat;
	char *state_path;
	struct progress progress;
	int lock_fd;
	struct date today;
	struct diag_list diags;
};

enum session_mode {
	SESSION_READ,
	SESSION_WRITE,
	/* SESSION_READ without the look for conflict copies, which the
	 * caller makes when it can show them: the planner, once its first
	 * frame is on the screen */
	SESSION_READ_COPIES_LATER,
};

/* Loads the catalogue and the progress (locked for SESSION_WRITE) and,
 * but for SESSION_READ_COPIES_LATER, notes the conflict copies beside the
 * progress file. Returns false when the command cannot go on. Nothing is
 * printed here: what went wrong is in s->cat.diags and s->diags, for the
 * command or the planner to show. */
bool session_open(struct session *s, struct cli *cli, enum session_mode mode);
/* Adds a warning to s->diags for each sync tool's conflict copy beside the
 * progress file, which holds changes made on another machine; returns how
 * many there are. */
size_t session_notice_conflict_copies(struct session *s);
/* How many conflict copies there are, said nowhere. */
size_t session_count_conflict_copies(const struct session *s);
/* A change to the progress: returns false, with the reason in diags, when
 * it cannot be made. */
typedef bool (*session_change_fn)(struct progress *pr, void *ctx, struct diag_list *diags);

/* The one way a change is saved, by every command and by the planner:
 * under the lock (taken here unless the session holds it), read the file
 * as it is now, apply the change, check that the plan of `checked` (the
 * program changed; NULL: none) still builds, save. On success s->progress
 * is the new state. On failure nothing is saved, s->progress is as it
 * was, and s->diags says why. */
bool session_commit(struct session *s, struct program *checked,
		    session_change_fn change, void *ctx);
void session_close(struct session *s);

/* The program the command acts on: --program (an id, or a group's choice),
 * else the current group's choice, else the only choice there is. Adds
 * why there is none to s->diags and returns NULL. The body is loaded. */
struct program *session_program(struct session *s);
/* The same program, found without a word when there is none (the
 * planner then offers the choice instead). The body is not loaded. */
struct program *session_find_program(const struct session *s);
/* True when p is the option chosen for its group. */
bool session_is_chosen(const struct session *s, const struct program *p);

/* Everything derived from a program and its progress, in one place. */
struct program_view {
	struct program *program;
	struct program_progress *progress; /* may be NULL */
	struct outline outline;
	struct completion done;
	struct plan plan;
};

/* Builds the view of p from the session's progress; on failure adds why
 * to s->diags (naming the line of the progress file that set the value at
 * fault, and how to change it). */
bool program_view_build(struct program_view *v, struct session *s, struct program *p);
void program_view_free(struct program_view *v);

#endif
