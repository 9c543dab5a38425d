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
	f.pp->start = D(2026, 11, 23); /* chosen on a Monday: 18 weeks of 5 h */
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
	assert_date(D(2026, 12, 28), pl->weeks[5].monday);
	assert_date(D(2027, 1, 3), pl->weeks[5].sunday);
	assert_int_equal(pl->current, -1);
	assert_near(0, pl->planned_to_date);
	assert_int_equal(plan_work_verdict(pl).kind, VERDICT_NOT_STARTED);
	assert_int_equal(pl->projection, PROJECTION_PLAN);
	assert_date(pl->end, pl->projected);
	unload(&f);
}

/* Chosen on a Thursday: the first week gets its 4 days' share, and the
 * plan ends 18 weeks of days later, on a Wednesday. */
static void test_midweek_start(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 26);
	build(&f, D(2026, 11, 26));
	const struct plan *pl = &f.plan;
	assert_int_equal(pl->n_weeks, 19);
	assert_date(D(2027, 3, 31), pl->end);
	assert_near(5 * 4 / 7.0, pl->weeks[0].planned);
	assert_near(5, pl->weeks[1].planned);
	assert_near(5 * 3 / 7.0, pl->weeks[18].planned);
	double sum = 0;
	for (size_t w = 0; w < pl->n_weeks; w++)
		sum += pl->weeks[w].planned;
	assert_near(90, sum);
	/* on its first day, its own share is planned to date (to the end of
	 * today), and a learner who has not begun yet is within a day's share */
	assert_near(5 / 7.0, pl->planned_to_date);
	assert_int_equal(plan_hours_verdict(pl).kind, VERDICT_ON_PLAN);
	/* chosen on a Sunday, the learner is not behind the next day */
	f.pp->start = D(2026, 11, 29);
	build(&f, D(2026, 11, 30));
	assert_near(2 * 5 / 7.0, f.plan.planned_to_date);
	assert_int_equal(plan_hours_verdict(&f.plan).kind, VERDICT_BEHIND);
	/* ...with an hour studied on the Sunday */
	progress_hours_set(f.pp, D(2026, 11, 29), 1);
	build(&f, D(2026, 11, 30));
	assert_int_equal(plan_hours_verdict(&f.plan).kind, VERDICT_ON_PLAN);
	unload(&f);
}

static void test_p4b_spreads_evenly(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-B.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
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
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	f.pp->pace = 10;
	build(&f, D(2026, 11, 24));
	assert_int_equal(f.plan.n_weeks, 9);
	f.pp->pace = 4;
	build(&f, D(2026, 11, 24));
	assert_int_equal(f.plan.n_weeks, 23); /* 22.5 rounds up */
	assert_near(2, f.plan.weeks[22].planned);
	unload(&f);
}

/* Three weeks in, 7 h logged and nothing ticked: each week was planned
 * when it began, from the work that remained then, so weeks 2 and 3 ask
 * a little more; the hours planned to date are theirs. */
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
	assert_near(7, pl->studied);
	assert_near(3, pl->weeks[0].logged);
	assert_near(4, pl->weeks[1].logged);
	assert_int_equal(pl->weeks[0].when, WEEK_PAST);
	assert_int_equal(pl->weeks[2].when, WEEK_CURRENT);
	/* hours studied since the last tick count as far as the module in
	 * progress (1.1, a fifth of course 1's 16/51 of 90 h) goes */
	double first = 90 * 16.0 / 51 / 5;
	assert_near(5, pl->weeks[0].planned);
	assert_near((90 - 3) / 17.0, pl->weeks[1].planned);
	assert_near((90 - first) / 16.0, pl->weeks[2].planned);
	/* the plan's line, not the sum of the weeks that asked more to catch
	 * up: 21 of its 126 days, to the end of today */
	double p = 90 * 21 / 126.0;
	assert_near(p, pl->planned_to_date);
	assert_near(15, pl->planned_by_week_end);
	struct verdict hours = plan_hours_verdict(pl), work = plan_work_verdict(pl);
	assert_int_equal(hours.kind, VERDICT_BEHIND);
	assert_near(p - 7, hours.hours);
	assert_int_equal(work.kind, VERDICT_BEHIND);
	assert_near(p, work.hours);
	/* the weeks to come share what remains once this week's plan is done */
	for (size_t w = 3; w < 18; w++)
		assert_near((90 - first - (90 - first) / 16.0) / 15, pl->weeks[w].planned);
	assert_near(90, pl->remaining);
	assert_false(pl->overloaded);
	unload(&f);
}

/* Studying ahead within the week is on plan; more than the week asks is
 * ahead; each is said from what was planned by then. */
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
	assert_near(5, f.plan.planned_to_date);
	assert_near(5, f.plan.planned_by_week_end);
	struct verdict v = plan_hours_verdict(&f.plan);
	assert_int_equal(v.kind, VERDICT_AHEAD);
	assert_near(5, v.hours);
	build(&f, D(2026, 11, 30));
	assert_near(5 + 5 / 7.0, f.plan.planned_to_date);
	assert_int_equal(plan_hours_verdict(&f.plan).kind, VERDICT_ON_PLAN);
	/* today past the end: every week is past, everything planned */
	build(&f, D(2027, 6, 1));
	assert_int_equal(f.plan.current, 18);
	assert_near(90, f.plan.remaining);
	assert_int_equal(plan_work_verdict(&f.plan).kind, VERDICT_BEHIND);
	unload(&f);
}

/* Ticked content moves the courses of the weeks to come; the weeks that
 * have begun keep the courses they were planned with. */
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
	assert_int_equal(f.plan.weeks[2].n_slices, 1);
	assert_int_equal(f.plan.weeks[2].slices[0].course, 1); /* course 2 now */
	assert_int_equal(f.plan.weeks[0].slices[0].course, 0); /* the past stays */
	assert_int_equal(f.plan.weeks[1].slices[0].course, 0); /* as planned on Monday */
	/* course 1 done early: the rest is spread, no course gets more hours */
	assert_near(90 * 18.0 / 51, f.plan.course_hours[1]);
	assert_int_equal(plan_work_verdict(&f.plan).kind, VERDICT_AHEAD);
	unload(&f);
}

/* Each course's hours over the weeks. */
static double course_in_weeks(const struct plan *pl, size_t course)
{
	double sum = 0;
	for (size_t w = 0; w < pl->n_weeks; w++)
		sum += slice_of(&pl->weeks[w], course);
	return sum;
}

/* Hours studied with nothing ticked count as the first module under way
 * (as far as it goes): the weeks plan the rest of the work, and lay their
 * courses out from there, so that every course still gets its hours and
 * none is cut short at the end. */
static void test_work_under_way_lays_out_from_it(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 27);
	for (int d = 1; d <= 4; d++)
		progress_hours_set(f.pp, D(2026, 11, d), 5); /* before the start */
	build(&f, D(2026, 11, 27));
	const struct plan *pl = &f.plan;
	double first_module = pl->course_hours[0] / 5; /* 1.1 of five topics */
	double planned = 0;
	for (size_t w = 0; w < pl->n_weeks; w++)
		planned += pl->weeks[w].planned;
	assert_near(90 - first_module, planned);
	assert_near(pl->course_hours[0] - first_module, course_in_weeks(pl, 0));
	assert_near(pl->course_hours[1], course_in_weeks(pl, 1));
	assert_near(pl->course_hours[2], course_in_weeks(pl, 2));
	assert_near(0, pl->work_done); /* an estimate for the plan, not work done */

	/* later, its first module ticked and 3 h studied since: the weeks
	 * that begin now start past the next module, 1.2.1 (a third of 1.2),
	 * which those hours cover */
	progress_tick_add(f.pp, "1.1", f.o.modules[1].title, D(2026, 11, 29));
	progress_hours_set(f.pp, D(2026, 11, 30), 3);
	build(&f, D(2026, 12, 7));
	double rest = 0;
	for (size_t w = (size_t)pl->current; w < pl->n_weeks; w++)
		rest += pl->weeks[w].planned;
	assert_near(90 - first_module - first_module / 3, rest);
	assert_near(pl->course_hours[2], course_in_weeks(pl, 2));
	unload(&f);
}

static void tick_path(struct fixture *f, const char *path, struct date on)
{
	for (size_t i = 0; i < f->o.n; i++)
		if (strcmp(f->o.modules[i].path, path) == 0) {
			progress_tick_add(f->pp, path, f->o.modules[i].title, on);
			return;
		}
	fail_msg("no module %s", path);
}

/* A learner whose work is on plan still has a recent pace once there are
 * two weeks to measure it: 3 h each Monday, while the work keeps up. The
 * projection stays the plan's end. */
static void test_recent_pace_measured_on_plan(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	const char *paths[] = { "1.1", "1.2.1", "1.2.2", "1.2.3", "1.3" };
	for (size_t i = 0; i < 5; i++)
		tick_path(&f, paths[i], D(2026, 11, 23 + 5 * (int)i));
	for (int week = 0; week < 4; week++)
		progress_hours_set(f.pp, date_add_days(D(2026, 11, 23), 7 * week), 3);
	build(&f, D(2026, 11, 30)); /* one week: nothing to measure yet */
	assert_false(f.plan.pace_measured);
	build(&f, D(2026, 12, 15));
	assert_int_equal(plan_work_verdict(&f.plan).kind, VERDICT_ON_PLAN);
	assert_int_equal(f.plan.projection, PROJECTION_PLAN);
	assert_true(f.plan.pace_measured);
	/* since the start (23 days, less than 4 weeks), to the day: 12 h */
	assert_int_equal(f.plan.recent_days, 23);
	assert_near(12 / (23 / 7.0), f.plan.recent_pace);
	unload(&f);
}

/* Far behind: no week asks more than 1.5 x the pace, and the plan says
 * when the work ends at the pace. */
static void test_catch_up_capped(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, SHIPPED_SPECS_DIR "/P4-A.md");
	f.pp->has_start = true;
	f.pp->start = D(2026, 11, 23);
	build(&f, D(2027, 2, 22)); /* week 14 of 18, nothing done */
	const struct plan *pl = &f.plan;
	for (size_t w = 0; w < pl->n_weeks; w++)
		assert_true(pl->weeks[w].planned <= 7.5 + 1e-9);
	assert_true(pl->overloaded);
	assert_date(date_add_days(D(2027, 2, 22), 126 - 1), pl->end_at_pace);
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
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, false);
	assert_int_equal(st.state, CERT_NOT_CHOSEN);
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true);
	assert_int_equal(st.state, CERT_NOT_STARTED);
	assert_int_equal(f.plan.projection, PROJECTION_PLAN);

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
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true);
	assert_int_equal(st.state, CERT_IN_PROGRESS);
	/* topic 1.2 is one of course 1's 5 topics: a fifth of its 16/51 of 90 h */
	assert_near(90 * 16.0 / 51 / 5, f.plan.work_done);
	assert_int_equal(plan_percent(&f.plan), 6);
	assert_int_equal(st.courses_done, 0);
	/* four days of history: the projection is the plan's end */
	assert_int_equal(f.plan.projection, PROJECTION_PLAN);
	assert_date(f.plan.end, f.plan.projected);
	/* three weeks on at 1 h a week of study: the learner's own pace */
	progress_hours_set(f.pp, D(2026, 12, 3), 1);
	progress_hours_set(f.pp, D(2026, 12, 10), 1);
	build(&f, D(2026, 12, 17));
	assert_int_equal(f.plan.projection, PROJECTION_PACE);
	/* since the start (25 days), its first days' 4 h included */
	assert_near(6 / (25 / 7.0), f.plan.recent_pace);
	assert_true(date_compare(f.plan.projected, f.plan.end) > 0);

	/* everything ticked: all done, 100 %, nothing more planned */
	for (size_t i = 0; i < f.o.n; i++)
		if (f.o.modules[i].leaf && !f.done.done[i])
			progress_tick_add(f.pp, f.o.modules[i].path, f.o.modules[i].title,
					  D(2027, 3, 1));
	build(&f, D(2027, 3, 2));
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true);
	assert_int_equal(st.state, CERT_ALL_DONE);
	assert_int_equal(plan_percent(&f.plan), 100);
	assert_int_equal(plan_work_verdict(&f.plan).kind, VERDICT_DONE);
	for (long w = f.plan.current + 1; w < (long)f.plan.n_weeks; w++)
		assert_near(0, f.plan.weeks[w].planned);
	assert_int_equal(st.courses_done, 3);
	assert_date(D(2027, 3, 1), st.all_done_on);
	f.pp->earned = true;
	f.pp->earned_on = D(2027, 3, 20);
	certificate_status(&st, f.p, &f.o, f.pp, &f.done, &f.plan, true);
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
		assert_date(D(2027, 2, 17), f.plan.start);
		assert_date(D(2027, 2, 15), f.plan.weeks[0].monday);
		for (size_t w = 1; w < f.plan.n_weeks; w++) {
			assert_int_equal(date_weekday(f.plan.weeks[w].monday), 1);
			assert_int_equal(date_diff(f.plan.weeks[w - 1].monday, f.plan.weeks[w].monday), 7);
		}
		assert_date(D(2027, 8, 3), f.plan.end); /* 24 weeks of days later */
		assert_near(2, f.plan.weeks[5].logged); /* 22-28 March */
		assert_near(1, f.plan.weeks[3].logged); /* 8-14 March */
		assert_int_equal(f.plan.current, 6);
		assert_int_equal(f.plan.n_weeks, 25);
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
		cmocka_unit_test(test_midweek_start),
		cmocka_unit_test(test_catch_up_capped),
		cmocka_unit_test(test_p4b_spreads_evenly),
		cmocka_unit_test(test_pace_change),
		cmocka_unit_test(test_behind_and_replanned),
		cmocka_unit_test(test_ahead),
		cmocka_unit_test(test_replan_follows_ticks),
		cmocka_unit_test(test_work_under_way_lays_out_from_it),
		cmocka_unit_test(test_recent_pace_measured_on_plan),
		cmocka_unit_test(test_completion_and_status),
		cmocka_unit_test(test_ticks_survive_spec_changes),
		cmocka_unit_test(test_plan_across_daylight_saving),
		cmocka_unit_test(test_outline_paths),
	};
	return RUN_TESTS(tests);
}
