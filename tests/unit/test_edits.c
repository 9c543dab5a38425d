#include "config.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "edits.h"
#include "outline.h"
#include "progress.h"
#include "spec.h"

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

struct world {
	struct program *p;
	struct outline o;
	struct progress pr;
	struct completion done;
	struct diag_list diags;
};

static void setup_world(struct world *w)
{
	memset(w, 0, sizeof *w);
	w->p = spec_load(SHIPPED_SPECS_DIR "/P4-A.md", &w->diags);
	assert_non_null(w->p);
	outline_build(&w->o, w->p);
	w->pr.version = 1;
	completion_compute(&w->done, &w->o, NULL);
}

static void recompute(struct world *w)
{
	completion_free(&w->done);
	completion_compute(&w->done, &w->o, progress_find(&w->pr, "P4-A"));
}

static void teardown_world(struct world *w)
{
	completion_free(&w->done);
	outline_free(&w->o);
	progress_free(&w->pr);
	spec_free(w->p);
	diag_free(&w->diags);
}

static void test_tick_and_undo(void **state)
{
	(void)state;
	struct world w;
	setup_world(&w);
	long course1 = outline_find(&w.o, "1");
	struct edit e;
	assert_true(edit_make_tick(&e, "P4-A", &w.o, &w.done, (size_t)course1, D(2026, 11, 24)));
	assert_int_equal(e.n_ticks, 7); /* the leaves of course 1 */
	assert_true(edit_apply(&w.pr, &e, false));
	recompute(&w);
	assert_true(w.done.done[course1]);
	assert_true(edit_apply(&w.pr, &e, true)); /* undo */
	recompute(&w);
	assert_false(w.done.done[course1]);
	assert_int_equal(progress_find(&w.pr, "P4-A")->n_ticks, 0);
	assert_true(edit_apply(&w.pr, &e, false)); /* redo */
	edit_free(&e);
	recompute(&w);
	/* nothing left to tick */
	assert_false(edit_make_tick(&e, "P4-A", &w.o, &w.done, (size_t)course1, D(2026, 11, 25)));
	teardown_world(&w);
}

/* A re-plan, undone, puts back the re-plan it replaced (as the progress
 * had it when it was applied), or none; made anew since by someone else,
 * it is left as they made it. */
static void test_replan_and_undo(void **state)
{
	(void)state;
	struct world w;
	setup_world(&w);
	struct program_progress *pp = progress_get(&w.pr, "P4-A");
	struct edit first, second;
	edit_make_replan(&first, "P4-A", D(2027, 2, 22));
	assert_true(edit_apply(&w.pr, &first, false));
	assert_true(pp->replanned);
	assert_int_equal(date_compare(pp->replanned_on, D(2027, 2, 22)), 0);
	edit_make_replan(&second, "P4-A", D(2027, 3, 1));
	assert_true(edit_apply(&w.pr, &second, false));
	assert_int_equal(date_compare(pp->replanned_on, D(2027, 3, 1)), 0);
	assert_true(edit_apply(&w.pr, &second, true)); /* back to the first */
	assert_true(pp->replanned);
	assert_int_equal(date_compare(pp->replanned_on, D(2027, 2, 22)), 0);
	assert_true(edit_apply(&w.pr, &first, true)); /* back to none */
	assert_false(pp->replanned);

	/* redone, then a new pace elsewhere re-plans on 2027-03-08: the
	 * undo of ours leaves that one */
	assert_true(edit_apply(&w.pr, &first, false));
	pp->replanned_on = D(2027, 3, 8);
	assert_true(edit_apply(&w.pr, &first, true));
	assert_true(pp->replanned);
	assert_int_equal(date_compare(pp->replanned_on, D(2027, 3, 8)), 0);
	edit_free(&first);
	edit_free(&second);
	teardown_world(&w);
}

/* Undoing an untick puts the ticks back with their first dates. */
static void test_untick_keeps_dates(void **state)
{
	(void)state;
	struct world w;
	setup_world(&w);
	struct program_progress *pp = progress_get(&w.pr, "P4-A");
	progress_tick_add(pp, "1.2.1", "Apprentissage supervisé", D(2026, 11, 1));
	progress_tick_add(pp, "9.9", "An orphan", D(2026, 11, 2));
	recompute(&w);
	struct edit e;
	long t12 = outline_find(&w.o, "1.2");
	assert_true(edit_make_untick(&e, "P4-A", &w.o, &w.done, pp, (size_t)t12));
	assert_int_equal(e.n_ticks, 1);
	edit_apply(&w.pr, &e, false);
	assert_int_equal(pp->n_ticks, 1); /* the orphan stays */
	edit_apply(&w.pr, &e, true);
	assert_int_equal(pp->n_ticks, 2);
	assert_int_equal(date_compare(pp->ticks[0].date, D(2026, 11, 1)), 0);
	edit_free(&e);
	teardown_world(&w);
}

/* Hours are a difference: an edit made elsewhere meanwhile is kept. */
static void test_hours_merge(void **state)
{
	(void)state;
	struct world w;
	setup_world(&w);
	struct edit e;
	edit_make_hours(&e, "P4-A", D(2026, 11, 24), 1.5);
	assert_true(edit_apply(&w.pr, &e, false));
	struct program_progress *pp = progress_get(&w.pr, "P4-A");
	progress_hours_set(pp, D(2026, 11, 24), progress_hours_on(pp, D(2026, 11, 24)) + 2);
	assert_true(edit_apply(&w.pr, &e, true)); /* undo ours only */
	assert_true(progress_hours_on(pp, D(2026, 11, 24)) == 2);
	edit_free(&e);
	edit_make_hours(&e, "P4-A", D(2026, 11, 24), 23);
	assert_false(edit_apply(&w.pr, &e, false)); /* 25 h: refused */
	assert_true(progress_hours_on(pp, D(2026, 11, 24)) == 2);
	edit_free(&e);
	edit_make_hours(&e, "P4-A", D(2026, 11, 24), -3);
	assert_false(edit_apply(&w.pr, &e, false)); /* below 0: refused */
	edit_free(&e);
	teardown_world(&w);
}

/* Undo takes the last edit of the program shown, not the last edit made:
 * after P4-A, P4-B, P4-A, undo on P4-B takes the middle one. */
static void test_stack_per_program(void **state)
{
	(void)state;
	struct edit_stack st = {0};
	const char *ids[] = { "P4-A", "P4-B", "P4-A" };
	for (int i = 0; i < 3; i++) {
		struct edit e;
		edit_make_hours(&e, ids[i], D(2026, 11, 24), i + 1);
		edit_stack_push(&st, &e);
	}
	assert_int_equal(edit_stack_last_of(&st, "P4-B"), 1);
	assert_int_equal(edit_stack_last_of(&st, "P4-A"), 2);
	assert_int_equal(edit_stack_last_of(&st, "P3"), -1);
	struct edit e = edit_stack_take(&st, 1);
	assert_string_equal(e.program_id, "P4-B");
	assert_true(e.delta == 2);
	edit_free(&e);
	assert_int_equal(st.n, 2);
	assert_int_equal(edit_stack_last_of(&st, "P4-B"), -1);
	assert_true(st.v[0].delta == 1 && st.v[1].delta == 3); /* order kept */
	edit_make_hours(&e, "P4-B", D(2026, 11, 25), 4);
	edit_stack_push(&st, &e);
	edit_stack_drop(&st, "P4-A");
	assert_int_equal(st.n, 1);
	assert_string_equal(st.v[0].program_id, "P4-B");
	edit_stack_free(&st);
	assert_int_equal(st.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tick_and_undo),
		cmocka_unit_test(test_untick_keeps_dates),
		cmocka_unit_test(test_hours_merge),
		cmocka_unit_test(test_stack_per_program),
		cmocka_unit_test(test_replan_and_undo),
	};
	return RUN_TESTS(tests);
}
