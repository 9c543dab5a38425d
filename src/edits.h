/* The learner's changes to the progress (ticks, unticks, hours, a
 * re-plan), as values that can be applied, and reversed for undo. Each
 * edit is applied to the progress as it is on disk at that moment, so
 * that an edit made here and one made by another cursus meanwhile both
 * survive: ticks are added or removed one by one, hours are added as a
 * difference. */
#ifndef CURSUS_EDITS_H
#define CURSUS_EDITS_H

#include <stdbool.h>
#include <stddef.h>

#include "completion.h"
#include "date.h"
#include "outline.h"
#include "progress.h"

enum edit_kind { EDIT_TICK, EDIT_UNTICK, EDIT_HOURS, EDIT_REPLAN };

struct edit {
	enum edit_kind kind;
	char *program_id;
	struct tick *ticks;   /* added by EDIT_TICK, removed by EDIT_UNTICK */
	size_t n_ticks;
	struct date day;      /* EDIT_HOURS; EDIT_REPLAN: the plan made anew then */
	double delta;         /* hours added to that day (negative to remove) */
	bool was_replanned;   /* EDIT_REPLAN: the re-plan it replaced, if any, */
	struct date was_replanned_on; /* as the file had it when it was made */
};

/* An edit that ticks module m: every leaf below it not done yet. Returns
 * false (and no edit) when there is nothing to tick. */
bool edit_make_tick(struct edit *e, const char *program_id, const struct outline *o,
		    const struct completion *done, size_t m, struct date on);
/* An edit that removes the ticks belonging to m and below; false when
 * there are none. pp is the progress done was computed from. */
bool edit_make_untick(struct edit *e, const char *program_id, const struct outline *o,
		      const struct completion *done, const struct program_progress *pp,
		      size_t m);
void edit_make_hours(struct edit *e, const char *program_id, struct date day, double delta);
/* An edit that makes the plan anew on day (R: the end the work left
 * reaches at the pace). */
void edit_make_replan(struct edit *e, const char *program_id, struct date day);

/* Applies e, or undoes it with inverse. Returns false (changing nothing)
 * when it would leave a day with more than 24 h or less than 0. A re-plan
 * notes, as it is applied, the one it replaces; undone, it puts that back
 * unless the plan was made anew since (another cursus, a new pace). */
bool edit_apply(struct progress *pr, struct edit *e, bool inverse);
void edit_free(struct edit *e);

/* The planner's undo (or redo) history. It holds every program's edits,
 * but undo takes only those of the program shown: an edit of another
 * program would change figures out of sight. Edits of two programs touch
 * different parts of the progress, so taking one out of the middle of
 * the history leaves the others valid. */
struct edit_stack {
	struct edit *v;
	size_t n, cap;
};

/* Takes ownership of e. */
void edit_stack_push(struct edit_stack *st, struct edit *e);
/* The index of program_id's last edit, or -1 when it has none. */
long edit_stack_last_of(const struct edit_stack *st, const char *program_id);
/* Removes the edit at index i and hands it to the caller. */
struct edit edit_stack_take(struct edit_stack *st, size_t i);
/* Forgets program_id's edits (a new edit makes its redo history moot). */
void edit_stack_drop(struct edit_stack *st, const char *program_id);
void edit_stack_free(struct edit_stack *st);

#endif
