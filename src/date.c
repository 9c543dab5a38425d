#include "config.h"
#include "date.h"
#include "num.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Noon keeps a day a day across daylight-saving jumps of an hour or two. */
static struct tm to_tm(struct date d)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return tm;
}

static struct date from_tm(const struct tm *tm)
{
	return (struct date){ tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday };
}

static bool date_valid(struct date d)
{
	if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 ||
	    d.day < 1 || d.day > 31)
		return false;
	struct tm tm = to_tm(d);
	if (mktime(&tm) == (time_t)-1)
		return false;
	struct date back = from_tm(&tm);
	return date_compare(back, d) == 0;
}

bool date_parse(const char *text, struct date *out)
{
	int y, m, d, n = 0;
	if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || text[4] != '-' || text[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return false;
	struct date date = { y, m, d };
	if (!date_valid(date))
		return false;
	*out = date;
	return true;
}

void date_format(struct date d, char *buf)
{
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
		 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

struct date date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return from_tm(&tm);
}

struct date date_add_days(struct date d, int days)
{
	struct tm tm = to_tm(d);
	tm.tm_mday += days;
	mktime(&tm);
	return from_tm(&tm);
}

int date_diff(struct date a, struct date b)
{
	struct tm ta = to_tm(a), tb = to_tm(b);
	double seconds = difftime(mktime(&tb), mktime(&ta));
	return (int)num_round(seconds / 86400.0);
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

int date_weekday(struct date d)
{
	struct tm tm = to_tm(d);
	mktime(&tm);
	return tm.tm_wday == 0 ? 7 : tm.tm_wday;
}

struct date date_monday(struct date d)
{
	return date_add_days(d, 1 - date_weekday(d));
}
