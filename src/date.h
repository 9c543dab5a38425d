/* Calendar dates for the planner: parsing, arithmetic, weeks. Built on
 * mktime() at noon so that daylight-saving changes never shift a day. */
#ifndef CURSUS_DATE_H
#define CURSUS_DATE_H

#include <stdbool.h>

struct date {
	int year;
	int month;  /* 1-12 */
	int day;    /* 1-31 */
};

/* Parses "YYYY-MM-DD"; false for anything else or a day that does not
 * exist (2026-02-30). */
bool date_parse(const char *text, struct date *out);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void date_format(struct date d, char *buf);
/* Today in the local time zone. */
struct date date_today(void);
struct date date_add_days(struct date d, int days);
/* Days from a to b (negative when b is before a). */
int date_diff(struct date a, struct date b);
int date_compare(struct date a, struct date b);
/* 1 = Monday ... 7 = Sunday, as ISO 8601 counts. */
int date_weekday(struct date d);
/* The Monday of d's week. */
struct date date_monday(struct date d);

#endif
