#include "config.h"
#include "date.h"
#include "nls.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01, after Howard Hinnant's days_from_civil: years
 * are counted from March, so that the leap day ends a year, and eras of
 * 400 years repeat exactly. Valid for any year an int holds. */
static long days_from_civil(struct date d)
{
	long y = (long)d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;                                  /* 0..399 */
	long mp = (d.month + 9) % 12;                              /* March = 0 */
	long doy = (153 * mp + 2) / 5 + d.day - 1;                 /* 0..365 */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* 0..146096 */
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static struct date civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int day = (int)(doy - (153 * mp + 2) / 5 + 1);
	int month = (int)(mp < 10 ? mp + 3 : mp - 9);
	return (struct date){ (int)(yoe + era * 400 + (month <= 2)), month, day };
}

bool date_valid(struct date d)
{
	return d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	       d.day <= days_in_month(d.year, d.month) &&
	       date_compare(d, DATE_FIRST) >= 0 && date_compare(d, DATE_LAST) <= 0;
}

/* The number that the n ASCII digits at s write. */
static int digits_value(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* YYYY-MM-DD, digits where digits go; the date itself is not checked. */
static bool read_shape(const char *text, struct date *out)
{
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return false;
	*out = (struct date){ digits_value(text, 4), digits_value(text + 5, 2),
			      digits_value(text + 8, 2) };
	return true;
}

bool date_parse(const char *text, struct date *out)
{
	struct date date;
	if (!read_shape(text, &date) || !date_valid(date))
		return false;
	*out = date;
	return true;
}

const char *date_parse_problem(const char *text)
{
	struct date d;
	if (!read_shape(text, &d))
		return _("is not a date (YYYY-MM-DD)");
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
		return _("is not a date: that day does not exist");
	return _("is outside the dates cursus handles (1900-01-01 to 9999-12-31)");
}

void date_format(struct date d, char *buf)
{
	if (!date_valid(d)) {
		memcpy(buf, "XXXX-XX-XX", 11);
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* The one place the time zone matters: which day it is now. */
struct date date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

struct date date_add_days(struct date d, int days)
{
	return civil_from_days(days_from_civil(d) + days);
}

int date_diff(struct date a, struct date b)
{
	return (int)(days_from_civil(b) - days_from_civil(a));
}

int date_compare(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

/* 1970-01-01 was a Thursday (4). */
int date_weekday(struct date d)
{
	long z = days_from_civil(d);
	long wd = (z % 7 + 7 + 3) % 7; /* 0 = Monday */
	return (int)wd + 1;
}

struct date date_monday(struct date d)
{
	return date_add_days(d, 1 - date_weekday(d));
}
