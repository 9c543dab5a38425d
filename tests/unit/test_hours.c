#include "config.h"
#include "unit.h"

#include <math.h>
#include <string.h>

#include "hours.h"

struct accepted {
	const char *text;
	double hours;
};

/* What people type, and what they mean by it. */
static const struct accepted typed_ok[] = {
	{ "1.5", 1.5 }, { "1,5", 1.5 }, { ".5", 0.5 }, { ",25", 0.25 },
	{ "16", 16 }, { "0", 0 }, { "2.3", 2.3 }, { "0.1", 0.1 },
	{ "1.5h", 1.5 }, { "2 h", 2 }, { "2H", 2 }, { "1,5 h", 1.5 },
	{ "1h30", 1.5 }, { "1h05", 1 + 5.0 / 60 }, { "1h5", 1 + 5.0 / 60 },
	{ "0h45", 0.75 }, { "1h30m", 1.5 }, { "1h30min", 1.5 }, { "2h0", 2 },
	{ "90min", 1.5 }, { "90 min", 1.5 }, { "45m", 0.75 }, { "30MIN", 0.5 },
	{ "1,5min", 0.025 }, { " 1.5 ", 1.5 }, { "\t2h\t", 2 },
	{ "-3", -3 }, { "-1h30", -1.5 }, { "007", 7 },
};

/* What strtod() would have read as something else, and plain junk. */
static const char *const typed_bad[] = {
	"", " ", "h", "min", "-", "--1", "+1", "0x10", "0X1A", "1e1", "1E1",
	"1e-1", "inf", "INF", "nan", "infinity", "1.", "1,", "1.5.5", "1,5,5",
	"1..5", "1.5x", "1.5 hours", "1hh", "1h75", "1h60", "1h030", "1.5h30",
	"1h 30", "1 h 30", "1h30s", "1mo", "1 2", "- 1", "1-", "abc", "١", "1\n",
	"99999999999", "1000000000",
};

/* The machine form: nothing but digits and a point. */
static const struct accepted plain_ok[] = {
	{ "16", 16 }, { "2.5", 2.5 }, { "0", 0 }, { "0.25", 0.25 }, { "24", 24 },
	{ "1.333333", 1.333333 },
};

static const char *const plain_bad[] = {
	"", "1,5", ".5", "1.", "-1", "+1", " 1", "1 ", "1h", "90min", "1h30",
	"0x10", "1e1", "inf", "nan", "1.5.5", "99999999999",
};

static void test_typed(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof typed_ok / sizeof typed_ok[0]; i++) {
		double h = -99;
		if (!hours_parse(typed_ok[i].text, &h))
			fail_msg("'%s' was refused", typed_ok[i].text);
		if (fabs(h - typed_ok[i].hours) > 1e-12)
			fail_msg("'%s' read as %g, not %g", typed_ok[i].text, h,
				 typed_ok[i].hours);
	}
	for (size_t i = 0; i < sizeof typed_bad / sizeof typed_bad[0]; i++) {
		double h = -99;
		if (hours_parse(typed_bad[i], &h))
			fail_msg("'%s' was accepted as %g", typed_bad[i], h);
		assert_true(h == -99); /* a refusal leaves *hours alone */
	}
}

static void test_plain(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof plain_ok / sizeof plain_ok[0]; i++) {
		double h = -99;
		if (!hours_parse_plain(plain_ok[i].text, &h))
			fail_msg("'%s' was refused", plain_ok[i].text);
		if (h != plain_ok[i].hours) /* read exactly as the C literal */
			fail_msg("'%s' read as %.17g", plain_ok[i].text, h);
	}
	for (size_t i = 0; i < sizeof plain_bad / sizeof plain_bad[0]; i++) {
		double h = -99;
		if (hours_parse_plain(plain_bad[i], &h))
			fail_msg("'%s' was accepted as %g", plain_bad[i], h);
	}
}

/* The scanner the effort reader shares: how much it reads, and that it
 * leaves the rest. */
static void test_scan(void **state)
{
	(void)state;
	double v = 0;
	assert_int_equal(hours_scan_number("16,5 h", ",.", false, &v), 4);
	assert_true(v == 16.5);
	assert_int_equal(hours_scan_number("16. h", ",.", false, &v), 2);
	assert_true(v == 16);
	assert_int_equal(hours_scan_number(".5", ",.", false, &v), 0);
	assert_int_equal(hours_scan_number(".5", ",.", true, &v), 2);
	assert_true(v == 0.5);
	assert_int_equal(hours_scan_number("1,5", ".", false, &v), 1);
	assert_int_equal(hours_scan_number("x1", ",.", true, &v), 0);
	const char *long_one = "123456789012345678901234567890.5";
	assert_int_equal(hours_scan_number(long_one, ".", false, &v), strlen(long_one));
	assert_true(v == HOURS_NUMBER_CAP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typed),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_scan),
	};
	return RUN_TESTS(tests);
}
