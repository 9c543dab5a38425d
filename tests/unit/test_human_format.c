#include "config.h"
#include "unit.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "human_format.h"

#define FR "fr_FR.UTF-8"
#define NNBSP "\xE2\x80\xAF" /* U+202F, glibc's thousands separator in French */

static const struct date monday_23 = { 2026, 11, 23 };
static const struct date sunday_1 = { 2026, 11, 1 };

/* Back to the program's start: everything "C", cursus's own forms. */
static int c_locale(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	human_format_use_numeric(NULL);
	return 0;
}

/* The French of fr_FR.UTF-8, as locale_setup leaves it: LC_CTYPE and
 * LC_TIME the user's, LC_NUMERIC "C" for the program and French for
 * display. Skipped where the locale is not installed (CI generates it). */
static int french(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, FR) || !setlocale(LC_TIME, FR))
		return 0;
	human_format_use_numeric(FR);
	return 0;
}

static void need_french(void)
{
	if (strcmp(setlocale(LC_TIME, NULL), FR) != 0)
		skip(); /* fr_FR.UTF-8 is not installed: locale-gen it */
}

#define EXPECT(call, want)                                      \
	do {                                                    \
		char buf_[HUMAN_MAX];                           \
		call;                                           \
		assert_string_equal(buf_, want);                \
	} while (0)

/* An English or C user sees what cursus has always shown. */
static void test_own_forms(void **state)
{
	(void)state;
	EXPECT(human_hours(2.5, buf_, sizeof buf_), "2.5");
	EXPECT(human_hours(16, buf_, sizeof buf_), "16");
	EXPECT(human_hours(28.25, buf_, sizeof buf_), "28.3");
	EXPECT(human_hours_unit(1234.5, buf_, sizeof buf_), "1234.5 h");
	EXPECT(human_logged(0.25, buf_, sizeof buf_), "0.25");
	EXPECT(human_logged_unit(3, buf_, sizeof buf_), "3 h");
	EXPECT(human_count(54993, buf_, sizeof buf_), "54993");
	EXPECT(human_count(-7, buf_, sizeof buf_), "-7");
	EXPECT(human_number(4.7, buf_, sizeof buf_), "4.7");
	EXPECT(human_date(monday_23, buf_, sizeof buf_), "2026-11-23");
	EXPECT(human_day(monday_23, buf_, sizeof buf_), "2026-11-23");
	EXPECT(human_day_short(monday_23, buf_, sizeof buf_), "11-23");
	assert_false(human_dates_localized());
}

/* English locales keep them too, installed or not: "54,993" and
 * "Mon 23 Nov" would change what an English user sees today. */
static void test_english_keeps_own_forms(void **state)
{
	(void)state;
	human_format_use_numeric("en_US.UTF-8");
	EXPECT(human_count(54993, buf_, sizeof buf_), "54993");
	EXPECT(human_hours(2.5, buf_, sizeof buf_), "2.5");
	human_format_use_numeric("C.UTF-8");
	EXPECT(human_count(54993, buf_, sizeof buf_), "54993");
	human_format_use_numeric("POSIX");
	EXPECT(human_logged(1.25, buf_, sizeof buf_), "1.25");
}

/* A locale that is not installed falls back to cursus's forms. */
static void test_missing_locale(void **state)
{
	(void)state;
	human_format_use_numeric("xx_YY.UTF-8");
	EXPECT(human_hours(2.5, buf_, sizeof buf_), "2.5");
	EXPECT(human_count(54993, buf_, sizeof buf_), "54993");
}

static void test_french_numbers(void **state)
{
	(void)state;
	need_french();
	EXPECT(human_hours(2.5, buf_, sizeof buf_), "2,5");
	EXPECT(human_hours_unit(2.5, buf_, sizeof buf_), "2,5 h");
	EXPECT(human_hours(16, buf_, sizeof buf_), "16");
	EXPECT(human_logged_unit(0.25, buf_, sizeof buf_), "0,25 h");
	EXPECT(human_count(54993, buf_, sizeof buf_), "54" NNBSP "993");
	EXPECT(human_count(999, buf_, sizeof buf_), "999");
	EXPECT(human_count(1234567, buf_, sizeof buf_), "1" NNBSP "234" NNBSP "567");
	EXPECT(human_count(-54993, buf_, sizeof buf_), "-54" NNBSP "993");
	EXPECT(human_hours_unit(1234.5, buf_, sizeof buf_), "1" NNBSP "234,5 h");
	EXPECT(human_number(4.7, buf_, sizeof buf_), "4,7");
	EXPECT(human_number(1.5, buf_, sizeof buf_), "1,5");
	/* the count French agrees with: the whole part of what is shown */
	assert_int_equal(human_hours_count("1,5 h"), 1);
	assert_int_equal(human_hours_count("0 h"), 0);
	assert_int_equal(human_hours_count("2 h"), 2);
	assert_int_equal(human_hours_count("1" NNBSP "234,5 h"), 1234);
}

/* The program's own LC_NUMERIC stays "C": parsers, the progress file,
 * ICS, CSV and json-c keep their decimal point. */
static void test_program_keeps_c_numeric(void **state)
{
	(void)state;
	need_french();
	assert_string_equal(setlocale(LC_NUMERIC, NULL), "C");
	char buf[16];
	snprintf(buf, sizeof buf, "%.2f", 2.5);
	assert_string_equal(buf, "2.50");
}

static void test_french_dates(void **state)
{
	(void)state;
	need_french();
	assert_true(human_dates_localized());
	EXPECT(human_day(monday_23, buf_, sizeof buf_), "lun. 23 nov.");
	EXPECT(human_day(sunday_1, buf_, sizeof buf_), "dim. 1er nov.");
	EXPECT(human_date(((struct date){ 2027, 4, 1 }), buf_, sizeof buf_), "1er avril 2027");
	EXPECT(human_date(monday_23, buf_, sizeof buf_), "23 nov. 2026");
	EXPECT(human_date(((struct date){ 2027, 2, 8 }), buf_, sizeof buf_), "8 févr. 2027");
	EXPECT(human_day_short(monday_23, buf_, sizeof buf_), "23/11");
	EXPECT(human_day_short(((struct date){ 2027, 1, 4 }), buf_, sizeof buf_), "04/01");
	EXPECT(human_day(((struct date){ 2026, 12, 2 }), buf_, sizeof buf_), "mer. 2 déc.");
}

/* The schedule's month column: LC_TIME's abbreviations, English's in C
 * (PRODUCT.md section 2: real month names), and the widest of the twelve
 * for the column's width. */
static void test_months(void **state)
{
	(void)state;
	EXPECT(human_month(monday_23, buf_, sizeof buf_), "Nov");
	EXPECT(human_month(((struct date){ 2026, 12, 2 }), buf_, sizeof buf_), "Dec");
	EXPECT(human_month(((struct date){ 10000, 5, 1 }), buf_, sizeof buf_), "May");
	EXPECT(human_month(((struct date){ 2026, 13, 1 }), buf_, sizeof buf_), "XX");
	assert_int_equal(human_month_width(), 3);
}

static void test_french_months(void **state)
{
	(void)state;
	need_french();
	EXPECT(human_month(monday_23, buf_, sizeof buf_), "nov.");
	EXPECT(human_month(((struct date){ 2026, 12, 2 }), buf_, sizeof buf_), "déc.");
	EXPECT(human_month(((struct date){ 2027, 2, 8 }), buf_, sizeof buf_), "févr.");
	EXPECT(human_month(((struct date){ 2027, 7, 8 }), buf_, sizeof buf_), "juil.");
	EXPECT(human_month(((struct date){ 2027, 5, 8 }), buf_, sizeof buf_), "mai");
	/* "févr." is five columns in six bytes */
	assert_int_equal(human_month_width(), 5);
}

/* A date cursus cannot write is never shown as another date. */
static void test_date_out_of_range(void **state)
{
	(void)state;
	struct date bad = { 10000, 1, 1 };
	EXPECT(human_date(bad, buf_, sizeof buf_), "XXXX-XX-XX");
	EXPECT(human_day_short(bad, buf_, sizeof buf_), "XX-XX");
}

/* On an ASCII terminal the narrow no-break space cannot be shown: the
 * digits stay together, the decimal comma stays. */
static void test_french_numbers_ascii_terminal(void **state)
{
	(void)state;
	need_french();
	setlocale(LC_CTYPE, "C");
	human_format_use_numeric(FR);
	EXPECT(human_count(54993, buf_, sizeof buf_), "54993");
	EXPECT(human_hours(2.5, buf_, sizeof buf_), "2,5");
}

/* A buffer too small cuts the text, never overruns it. */
static void test_small_buffer(void **state)
{
	(void)state;
	char buf[4];
	human_count(54993, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
	human_day(monday_23, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_own_forms, c_locale),
		cmocka_unit_test_setup(test_english_keeps_own_forms, c_locale),
		cmocka_unit_test_setup(test_missing_locale, c_locale),
		cmocka_unit_test_setup(test_date_out_of_range, c_locale),
		cmocka_unit_test_setup(test_small_buffer, c_locale),
		cmocka_unit_test_setup(test_months, c_locale),
		cmocka_unit_test_setup(test_french_numbers, french),
		cmocka_unit_test_setup(test_program_keeps_c_numeric, french),
		cmocka_unit_test_setup(test_french_dates, french),
		cmocka_unit_test_setup(test_french_months, french),
		cmocka_unit_test_setup(test_french_numbers_ascii_terminal, french),
	};
	return RUN_TESTS(tests);
}
