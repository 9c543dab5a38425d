#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "certificate.h"
#include "completion.h"
#include "outline.h"
#include "plan.h"
#include "progress.h"
#include "spec.h"

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

static void assert_near(double want, double got)
{
	if (fabs(want - got) > 0.01)
		fail_msg("expected %g, got %g", want, got);
}

static void assert_date(struct date want, struct date got)
{
	if (date_compare(want, got) != 0)
		fail_msg("expected %04d-%02d-%02d, got %04d-%02d-%02d", want.year, want.month,
			 want.day, got.year, got.month, got.day);
}

struct fixture {
	struct program *p;
	struct outline o;
	struct progress pr;
	struct program_progress *pp;
	struct completion done;
	struct plan plan;
	struct diag_list diags;
};

static void load(struct fixture *f, const char *spec)
{
	memset(f, 0, sizeof *f);
	f->p = spec_load(spec, &f->diags);
	assert_non_null(f->p);
	outline_build(&f->o, f->p);
	f->pp = progress_get(&f->pr, f->p->id);
}

static void build(struct fixture *f, struct date today)
{
	completion_free(&f->done);
	plan_free(&f->plan);
	completion_compute(&f->done, &f->o, f->pp);
	char *err = NULL;
	if (!plan_build(&f->plan, f->p, &f->o, f->pp, &f->done, today, &err))
		fail_msg("plan failed: %s", err);
}

static void unload(struct fixture *f)
{
	plan_free(&f->plan);
	completion_free(&f->done);
	outline_free(&f->o);
	progress_free(&f->pr);
	spec_free(f->p);
	diag_free(&f->diags);
}

static double slice_of(const struct plan_week *w, size_t course)
{
	for (size_t i = 0; i < w->n_slices; i++)
		if (w->slices[i].course == course)
			return w->slices[i].hours;
	return 0;
}

static void test_p4a_plan(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 25); /* a Wednesday: the plan starts that Monday */
	build(&f, D(2026, 11, 20));
	const struct plan *pl = &f.plan;
	assert_near(90, pl->effort);
	assert_near(5, pl->pace);
	assert_int_equal(pl->n_weeks, 18);
	assert_date(D(2026, 11, 23), pl->start);
	assert_date(D(2027, 3, 28), pl->end);
	/* 16/18/17 h scaled to 90 h */
	assert_near(90 * 16.0 / 51, pl->course_hours[0]);
	assert_near(90 * 18.0 / 51, pl->course_hours[1]);
	assert_near(90 * 17.0 / 51, pl->course_hours[2]);
	/* week 6 ends course 1 (28.24 h) and begins course 2 */
	const struct plan_week *w6 = &pl->weeks[5];
	assert_int_equal(w6->n_slices, 2);
	assert_near(90 * 16.0 / 51 - 25, slice_of(w6, 0));
	assert_near(30 - 90 * 16.0 / 51, slice_of(w6, 1));
	/* weeks: Monday to Sunday, months, all 5 h */
	for (size_t w = 0; w < pl->n_weeks; w++) {
		assert_int_equal(date_weekday(pl->weeks[w].monday), 1);
		assert_int_equal(date_diff(pl->weeks[w].monday, pl->weeks[w].sunday), 6);
		assert_near(5, pl->weeks[w].planned);
		assert_int_equal(pl->weeks[w].when, WEEK_FUTURE);
		double sum = 0;
		for (size_t k = 0; k < pl->weeks[w].n_slices; k++)
			sum += pl->weeks[w].slices[k].hours;
		assert_near(5, sum);
	}
	assert_int_equal(pl->weeks[0].month, 1);
	assert_int_equal(pl->weeks[4].month, 1);
	assert_int_equal(pl->weeks[5].month, 2);
	assert_int_equal(pl->weeks[17].month, 4);
	/* week 5 spans the new year? no: week 6 is 2026-12-28 to 2027-01-03 */
	assert_date(D(2026, 12, 28), pl->weeks[5].monday);
	assert_date(D(2027, 1, 3), pl->weeks[5].sunday);
	assert_int_equal(pl->current, -1);
	assert_near(0, pl->expected);
	unload(&f);
}

static void test_p4b_spreads_evenly(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-B.md");
	build(&f, D(2026, 11, 24));
	assert_int_equal(f.plan.n_weeks, 24);
	for (size_t c = 0; c < 10; c++)
		assert_near(12, f.plan.course_hours[c]);
	/* course 1 fills weeks 1-2 and 2/5 of week 3 */
	assert_near(5, slice_of(&f.plan.weeks[0], 0));
	assert_near(2, slice_of(&f.plan.weeks[2], 0));
	assert_near(3, slice_of(&f.plan.weeks[2], 1));
	unload(&f);
}

static void test_pace_change(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->pace = 10;
	build(&f, D(2026, 11, 24));
	assert_int_equal(f.plan.n_weeks, 9);
	f.pp->pace = 4;
	build(&f, D(2026, 11, 24));
	assert_int_equal(f.plan.n_weeks, 23); /* 22.5 rounds up */
	assert_near(2, f.plan.weeks[22].planned);
	unload(&f);
}

/* Three weeks in, 7 h logged instead of 15: behind, and the rest spread. */
static void test_behind_and_replanned(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	progress_hours_set(f.pp, D(2026, 11, 24), 3);
	progress_hours_set(f.pp, D(2026, 12, 2), 4);
	build(&f, D(2026, 12, 13)); /* Sunday of week 3 */
	const struct plan *pl = &f.plan;
	assert_int_equal(pl->current, 2);
	assert_near(7, pl->logged);
	assert_near(10, pl->expected); /* weeks 1 and 2; week 3 is not over */
	assert_near(-3, pl->balance);
	assert_near(3, pl->weeks[0].logged);
	assert_near(4, pl->weeks[1].logged);
	assert_int_equal(pl->weeks[0].when, WEEK_PAST);
	assert_int_equal(pl->weeks[2].when, WEEK_CURRENT);
	/* past weeks keep their plan; 83 h over the 16 weeks that remain */
	assert_near(5, pl->weeks[1].planned);
	for (size_t w = 2; w < 18; w++)
		assert_near(83.0 / 16, pl->weeks[w].planned);
	assert_near(83, pl->remaining);
	unload(&f);
}

static void test_ahead(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	progress_hours_set(f.pp, D(2026, 11, 23), 6);
	progress_hours_set(f.pp, D(2026, 11, 24), 4);
	build(&f, D(2026, 11, 29));
	assert_near(0, f.plan.expected);
	assert_near(10, f.plan.balance);
	build(&f, D(2026, 11, 30));
	assert_near(5, f.plan.expected);
	assert_near(5, f.plan.balance);
	/* today past the end: everything is past */
	build(&f, D(2027, 6, 1));
	assert_int_equal(f.plan.current, 18);
	assert_near(90, f.plan.expected);
	assert_near(80, f.plan.remaining);
	unload(&f);
}

/* Ticked content moves the courses of the weeks that remain. */
static void test_replan_follows_ticks(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	for (size_t i = 0; i < f.o.n; i++)
		if (f.o.modules[i].course == 0 && f.o.modules[i].leaf)
			progress_tick_add(f.pp, f.o.modules[i].path, f.o.modules[i].title,
					  D(2026, 11, 30));
	build(&f, D(2026, 12, 1));
	assert_int_equal(f.plan.weeks[1].n_slices, 1);
	assert_int_equal(f.plan.weeks[1].slices[0].course, 1); /* course 2 now */
	assert_int_equal(f.plan.weeks[0].slices[0].course, 0); /* the past stays */
	unload(&f);
}

static void test_completion_and_status(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	build(&f, D(2026, 11, 24));
	struct cert_status st;
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, false, D(2026, 11, 24));
	assert_int_equal(st.state, CERT_NOT_CHOSEN);
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true, D(2026, 11, 24));
	assert_int_equal(st.state, CERT_NOT_STARTED);
	assert_false(st.has_projection);

	/* the three sub-topics of 1.2 make 1.2 done, not course 1 */
	progress_tick_add(f.pp, "1.2.1", "Apprentissage supervisé", D(2026, 11, 24));
	progress_tick_add(f.pp, "1.2.2", "Apprentissage non supervisé", D(2026, 11, 25));
	progress_tick_add(f.pp, "1.2.3", "Apprentissage par renforcement", D(2026, 11, 26));
	progress_hours_set(f.pp, D(2026, 11, 24), 2);
	progress_hours_set(f.pp, D(2026, 11, 26), 2);
	build(&f, D(2026, 11, 26));
	long t12 = outline_find(&f.o, "1.2");
	assert_true(f.done.done[t12]);
	assert_date(D(2026, 11, 26), f.done.done_on[t12]);
	assert_false(f.done.done[outline_find(&f.o, "1")]);
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true, D(2026, 11, 26));
	assert_int_equal(st.state, CERT_IN_PROGRESS);
	/* course 1 weighs 16/51 and has 7 leaves, 3 done */
	assert_near(100.0 * (16.0 / 51) * (3.0 / 7), st.percent);
	assert_int_equal(st.courses_done, 0);
	assert_near(1, st.recent_pace); /* 4 h over 4 weeks */
	assert_true(st.has_projection);
	assert_date(date_add_days(D(2026, 11, 26), 86 * 7), st.projected);

	/* everything ticked: all done; then earned */
	for (size_t i = 0; i < f.o.n; i++)
		if (f.o.modules[i].leaf && !f.done.done[i])
			progress_tick_add(f.pp, f.o.modules[i].path, f.o.modules[i].title,
					  D(2027, 3, 1));
	build(&f, D(2027, 3, 2));
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true, D(2027, 3, 2));
	assert_int_equal(st.state, CERT_ALL_DONE);
	assert_near(100, st.percent);
	assert_int_equal(st.courses_done, 3);
	assert_date(D(2027, 3, 1), st.all_done_on);
	f.pp->earned = true;
	f.pp->earned_on = D(2027, 3, 20);
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true, D(2027, 3, 21));
	assert_int_equal(st.state, CERT_EARNED);
	unload(&f);
}

/* A tick follows its module when the spec moves it, and a tick whose
 * module is gone is kept as an orphan. */
static void test_ticks_survive_spec_changes(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	progress_tick_add(f.pp, "1.9", "Cas d'usage et applications réelles", D(2026, 11, 24));
	progress_tick_add(f.pp, "2.3", "A topic that was removed", D(2026, 11, 24));
	progress_tick_add(f.pp, "1.1", "", D(2026, 11, 24)); /* no title: by PATH */
	build(&f, D(2026, 11, 24));
	assert_true(f.done.done[outline_find(&f.o, "1.4")]);
	assert_true(f.done.done[outline_find(&f.o, "1.1")]);
	assert_false(f.done.done[outline_find(&f.o, "2.3")]);
	assert_int_equal(f.done.n_orphans, 1);
	assert_int_equal(f.done.leaves_done, 2);
	unload(&f);
}

/* A plan across the spring and autumn clock changes, in zones that have
 * them: every week still starts on a Monday, seven days after the last. */
static void test_plan_across_daylight_saving(void **state)
{
	(void)state;
	static const char *const zones[] = { "Europe/Paris", "America/New_York", NULL };
	for (const char *const *z = zones; *z; z++) {
		setenv("TZ", *z, 1);
		tzset();
		struct fixture f;
		load(&f, SHIPPED_SPECS_DIR "/P4-B.md"); /* 24 weeks */
		f.pp->has_start = true;
		f.pp->start = D(2027, 2, 17);
		progress_hours_set(f.pp, D(2027, 3, 28), 2); /* the night clocks change */
		progress_hours_set(f.pp, D(2027, 3, 14), 1);
		build(&f, D(2027, 4, 1));
		assert_date(D(2027, 2, 15), f.plan.start);
		for (size_t w = 1; w < f.plan.n_weeks; w++) {
			assert_int_equal(date_weekday(f.plan.weeks[w].monday), 1);
			assert_int_equal(date_diff(f.plan.weeks[w - 1].monday, f.plan.weeks[w].monday), 7);
		}
		assert_date(D(2027, 8, 1), f.plan.end); /* 24 weeks later, a Sunday */
		assert_near(2, f.plan.weeks[5].logged); /* 22-28 March */
		assert_near(1, f.plan.weeks[3].logged); /* 8-14 March */
		assert_int_equal(f.plan.current, 6);
		unload(&f);
	}
	setenv("TZ", "UTC", 1);
	tzset();
}

static void test_outline_paths(void **state)
{
	(void)state;
	assert_true(outline_path_valid("1"));
	assert_true(outline_path_valid("1.2.1"));
	assert_true(outline_path_valid("12.10"));
	static const char *const bad[] = { "", "0", "1.", ".1", "1..2", "1.0", "a", "1.2a",
		"-1", "01", NULL };
	for (const char *const *b = bad; *b; b++)
		if (outline_path_valid(*b))
			fail_msg("'%s' accepted", *b);
	assert_true(outline_path_compare("1.2", "1.10") < 0);
	assert_true(outline_path_compare("1.2", "1.2.1") < 0);
	assert_true(outline_path_compare("2", "1.9") > 0);
	assert_int_equal(outline_path_compare("3.1", "3.1"), 0);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_p4a_plan),
		cmocka_unit_test(test_p4b_spreads_evenly),
		cmocka_unit_test(test_pace_change),
		cmocka_unit_test(test_behind_and_replanned),
		cmocka_unit_test(test_ahead),
		cmocka_unit_test(test_replan_follows_ticks),
		cmocka_unit_test(test_completion_and_status),
		cmocka_unit_test(test_ticks_survive_spec_changes),
		cmocka_unit_test(test_plan_across_daylight_saving),
		cmocka_unit_test(test_outline_paths),
	};
	return RUN_TESTS(tests);
}
