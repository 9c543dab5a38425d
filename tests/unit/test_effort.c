#include "config.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

#include "effort.h"

struct effort_case {
	const char *text;
	unsigned stated;   /* parts the text states */
	double hours, months, pace;
};

#define H EFFORT_HOURS
#define M EFFORT_MONTHS
#define P EFFORT_PACE

static const struct effort_case cases[] = {
	/* the learner's own forms */
	{ "90h (4 mois à 5h/semaine)", H | M | P, 90, 4, 5 },
	{ "120h (6 mois à 5h/semaine)", H | M | P, 120, 6, 5 },
	{ "120 h", H, 120, 0, 0 },
	{ "6 mois, 5 h/sem", M | P, 130, 6, 5 },
	{ "environ 90 heures au total", H, 90, 0, 0 },
	{ "4 mois à 5 heures par semaine", M | P, 87, 4, 5 },
	{ "16,5h", H, 16.5, 0, 0 },
	{ "3 mois (10 h hebdomadaires)", M | P, 130, 3, 10 },
	/* English */
	{ "4 months at 5 hours a week", M | P, 87, 4, 5 },
	{ "120 hours", H, 120, 0, 0 },
	{ "40 hrs over 8 weeks", H | M, 40, 1.8, 5.1 },
	{ "10 h/week for 3 months", M | P, 130, 3, 10 },
	{ "about 60 hours, 5 hrs per week", H | P, 60, 2.8, 5 },
	{ "4-6 months", M, 0, 5, 0 },
	{ "2 to 4 months at 6h/wk", M | P, 78, 3, 6 },
	{ "30 hours total; 3 hours weekly", H | P, 30, 2.3, 3 },
	/* the first of each kind wins */
	{ "90h (environ 100 heures)", H, 90, 0, 0 },
	/* nothing to read */
	{ "self-paced", 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0 },
	{ "Option 2", 0, 0, 0, 0 },
};

static void assert_near(double expected, double actual)
{
	if (fabs(expected - actual) > 0.051)
		fail_msg("expected %g, got %g", expected, actual);
}

static void test_effort_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct effort_case *c = &cases[i];
		struct effort e;
		char *err = NULL;
		if (!effort_parse(c->text, &e, &err))
			fail_msg("'%s': unexpected error %s", c->text, err);
		unsigned stated = e.known & ~e.derived;
		if (stated != c->stated)
			fail_msg("'%s': stated parts %u, expected %u", c->text, stated, c->stated);
		if (c->hours)
			assert_near(c->hours, e.hours);
		if (c->months)
			assert_near(c->months, e.months);
		if (c->pace)
			assert_near(c->pace, e.hours_per_week);
	}
}

static void test_effort_derives_months_from_hours_and_pace(void **state)
{
	(void)state;
	struct effort e;
	char *err = NULL;
	assert_true(effort_parse("90 h at 5 h/week", &e, &err));
	assert_int_equal(e.known, H | M | P);
	assert_int_equal(e.derived, M);
	assert_near(4.2, e.months); /* 18 weeks */
}

static void test_effort_refuses_impossible_numbers(void **state)
{
	(void)state;
	static const char *const bad[] = { "-40h", "0 h", "99999 h", "5 mois à 200h/semaine",
		"0 months", "(-3h)", NULL };
	for (const char *const *t = bad; *t; t++) {
		struct effort e;
		char *err = NULL;
		if (effort_parse(*t, &e, &err))
			fail_msg("'%s' was accepted", *t);
		assert_non_null(err);
		assert_int_equal(e.known, 0);
		free(err);
	}
}

static void test_effort_parse_hours(void **state)
{
	(void)state;
	double h = 0;
	assert_true(effort_parse_hours("16h", &h));
	assert_near(16, h);
	assert_true(effort_parse_hours("16,5 h", &h));
	assert_near(16.5, h);
	assert_true(effort_parse_hours("2 heures", &h));
	assert_near(2, h);
	assert_true(effort_parse_hours("-3h", &h));
	assert_near(-3, h);
	assert_false(effort_parse_hours("optionnel", &h));
	assert_false(effort_parse_hours("16h, projet", &h));
	assert_false(effort_parse_hours("4 mois", &h));
}

static void test_effort_describe(void **state)
{
	(void)state;
	struct effort e;
	char *err = NULL, buf[96];
	assert_true(effort_parse("90h (4 mois à 5h/semaine)", &e, &err));
	effort_describe(&e, buf, sizeof buf);
	assert_string_equal(buf, "90 h, 4 months, 5 h/week");
	assert_true(effort_parse("16,5h", &e, &err));
	effort_describe(&e, buf, sizeof buf);
	assert_string_equal(buf, "16.5 h");
	assert_true(effort_parse("1 month", &e, &err));
	effort_describe(&e, buf, sizeof buf);
	assert_string_equal(buf, "1 month");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_effort_table),
		cmocka_unit_test(test_effort_derives_months_from_hours_and_pace),
		cmocka_unit_test(test_effort_refuses_impossible_numbers),
		cmocka_unit_test(test_effort_parse_hours),
		cmocka_unit_test(test_effort_describe),
	};
	return RUN_TESTS(tests);
}
