#include "config.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

static void assert_date(struct date want, struct date got)
{
	if (date_compare(want, got) != 0)
		fail_msg("expected %04d-%02d-%02d, got %04d-%02d-%02d", want.year, want.month,
			 want.day, got.year, got.month, got.day);
}

static void test_parse(void **state)
{
	(void)state;
	struct date d;
	assert_true(date_parse("2026-11-24", &d));
	assert_date(D(2026, 11, 24), d);
	assert_true(date_parse("2028-02-29", &d)); /* leap year */
	static const char *const bad[] = { "2026-02-29", "2026-02-30", "2026-13-01",
		"2026-00-10", "2026-1-5", "26-11-24", "2026/11/24", "2026-11-24x", "",
		"2026-11-2a", " 2026-11-24", "2026-+1-05", "+026-11-24", "2026-11- 4", NULL };
	for (const char *const *b = bad; *b; b++)
		if (date_parse(*b, &d))
			fail_msg("'%s' was accepted", *b);
	char buf[16];
	date_format(D(2027, 3, 8), buf);
	assert_string_equal(buf, "2027-03-08");
}

/* Across months, years and both daylight-saving changes, in zones that
 * have them; a day is always a day. */
static void test_arithmetic_in_many_zones(void **state)
{
	(void)state;
	static const char *const zones[] = { "UTC", "Europe/Paris", "America/New_York",
		"Australia/Lord_Howe", "Pacific/Apia", NULL };
	for (const char *const *z = zones; *z; z++) {
		setenv("TZ", *z, 1);
		tzset();
		assert_date(D(2027, 1, 4), date_add_days(D(2026, 12, 28), 7));
		assert_date(D(2027, 3, 1), date_add_days(D(2027, 2, 22), 7));
		assert_date(D(2028, 2, 29), date_add_days(D(2028, 2, 28), 1));
		/* Europe and the US change clocks at the end of March / early March
		 * and again in the autumn */
		assert_date(D(2027, 3, 29), date_add_days(D(2027, 3, 22), 7));
		assert_date(D(2027, 3, 15), date_add_days(D(2027, 3, 8), 7));
		assert_date(D(2026, 11, 2), date_add_days(D(2026, 10, 26), 7));
		assert_date(D(2026, 10, 19), date_add_days(D(2026, 10, 26), -7));
		assert_int_equal(date_diff(D(2027, 3, 22), D(2027, 3, 29)), 7);
		assert_int_equal(date_diff(D(2026, 11, 23), D(2027, 3, 28)), 125);
		assert_int_equal(date_diff(D(2027, 1, 1), D(2026, 12, 31)), -1);
		for (int i = 0; i < 800; i++) { /* every day of two years round-trips */
			struct date a = date_add_days(D(2026, 1, 1), i);
			assert_int_equal(date_diff(D(2026, 1, 1), a), i);
			assert_int_equal(date_weekday(date_monday(a)), 1);
		}
	}
	setenv("TZ", "UTC", 1);
	tzset();
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(2026, 11, 23)), 1); /* a Monday */
	assert_int_equal(date_weekday(D(2026, 11, 29)), 7);
	assert_date(D(2026, 11, 23), date_monday(D(2026, 11, 29)));
	assert_date(D(2026, 11, 23), date_monday(D(2026, 11, 23)));
	assert_date(D(2026, 12, 28), date_monday(D(2027, 1, 3))); /* across the year */
}

/* Samoa skipped 2011-12-30 by moving across the date line; the date still
 * exists, and the days around it are still one apart. */
static void test_skipped_day_in_apia(void **state)
{
	(void)state;
	setenv("TZ", "Pacific/Apia", 1);
	tzset();
	struct date d;
	assert_true(date_parse("2011-12-30", &d));
	assert_date(D(2011, 12, 30), d);
	assert_date(D(2011, 12, 30), date_add_days(D(2011, 12, 29), 1));
	assert_date(D(2011, 12, 31), date_add_days(D(2011, 12, 30), 1));
	assert_int_equal(date_diff(D(2011, 12, 29), D(2011, 12, 31)), 2);
	assert_int_equal(date_weekday(D(2011, 12, 30)), 5); /* a Friday */
	assert_date(D(2011, 12, 26), date_monday(D(2011, 12, 31)));
	setenv("TZ", "UTC", 1);
	tzset();
}

/* Known distances, worked out by hand, across the rules of leap years. */
static void test_known_values(void **state)
{
	(void)state;
	static const struct {
		struct date from;
		int days;
		struct date to;
	} cases[] = {
		{ { 2026, 1, 31 }, 1, { 2026, 2, 1 } },
		{ { 2026, 2, 28 }, 1, { 2026, 3, 1 } },       /* not a leap year */
		{ { 2024, 2, 28 }, 1, { 2024, 2, 29 } },      /* a leap year */
		{ { 2000, 2, 28 }, 1, { 2000, 2, 29 } },      /* 400 divides it */
		{ { 1900, 2, 28 }, 1, { 1900, 3, 1 } },       /* 100 does, 400 not */
		{ { 2100, 2, 28 }, 1, { 2100, 3, 1 } },
		{ { 2026, 12, 31 }, 1, { 2027, 1, 1 } },
		{ { 2024, 1, 1 }, 366, { 2025, 1, 1 } },
		{ { 2025, 1, 1 }, 365, { 2026, 1, 1 } },
		{ { 1900, 1, 1 }, 36524, { 2000, 1, 1 } },
		{ { 1970, 1, 1 }, 20454, { 2026, 1, 1 } },
		{ { 2000, 3, 1 }, -1, { 2000, 2, 29 } },
		{ { 1900, 1, 1 }, 2958463, { 9999, 12, 31 } },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_date(cases[i].to, date_add_days(cases[i].from, cases[i].days));
		assert_int_equal(date_diff(cases[i].from, cases[i].to), cases[i].days);
		assert_date(cases[i].from, date_add_days(cases[i].to, -cases[i].days));
	}
	assert_int_equal(date_weekday(D(1900, 1, 1)), 1);  /* a Monday */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 6);  /* a Saturday */
	assert_int_equal(date_weekday(D(9999, 12, 31)), 5); /* a Friday */
	assert_int_equal(date_weekday(D(1969, 12, 31)), 3); /* a Wednesday */
}

/* The limits: dates outside them are refused, arithmetic past them is
 * visible as such, and formatting never wraps a year round. */
static void test_limits(void **state)
{
	(void)state;
	struct date d;
	assert_true(date_parse("9999-12-31", &d));
	assert_true(date_parse("1900-01-01", &d));
	assert_false(date_parse("1899-12-31", &d));
	assert_false(date_parse("0000-01-01", &d));
	assert_true(date_valid(DATE_LAST));
	assert_true(date_valid(DATE_FIRST));
	struct date after = date_add_days(DATE_LAST, 1);
	assert_date(D(10000, 1, 1), after);
	assert_false(date_valid(after));
	assert_false(date_valid(date_add_days(DATE_FIRST, -1)));
	char buf[16];
	date_format(after, buf);
	assert_string_equal(buf, "XXXX-XX-XX");
	date_format(DATE_LAST, buf);
	assert_string_equal(buf, "9999-12-31");
	assert_false(date_valid(D(2026, 2, 29)));
	assert_false(date_valid(D(2026, 4, 31)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_arithmetic_in_many_zones),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_skipped_day_in_apia),
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_limits),
	};
	return RUN_TESTS(tests);
}
