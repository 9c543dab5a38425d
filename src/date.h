/* Calendar dates for the planner: parsing, arithmetic, weeks. Pure
 * proleptic-Gregorian arithmetic: whether a date exists, and how many
 * days lie between two, never depend on the time zone (Samoa skipped
 * 2011-12-30, but the date still exists for a study plan). */
#ifndef CURSUS_DATE_H
#define CURSUS_DATE_H

#include <stdbool.h>

struct date {
	int year;
	int month;  /* 1-12 */
	int day;    /* 1-31 */
};

/* The dates cursus reads, plans and writes: four-digit years, so that a
 * date is always YYYY-MM-DD. 1900-01-01 is a Monday. */
#define DATE_FIRST ((struct date){ 1900, 1, 1 })
#define DATE_LAST ((struct date){ 9999, 12, 31 })

/* Parses "YYYY-MM-DD"; false for anything else or a day that does not
 * exist (2026-02-30). */
bool date_parse(const char *text, struct date *out);
/* True when d exists and lies within DATE_FIRST..DATE_LAST. */
bool date_valid(struct date d);
/* Why date_parse refused text: "is not a date (YYYY-MM-DD)", or another
 * phrase to follow the text in a message. */
const char *date_parse_problem(const char *text);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); a date outside the
 * limits is written "XXXX-XX-XX", never as another date. */
void date_format(struct date d, char *buf);
/* Today in the local time zone. */
struct date date_today(void);
/* d moved by days; the result may lie outside the limits, so that a
 * caller can tell (date_valid) rather than get a wrapped date. */
struct date date_add_days(struct date d, int days);
/* Days from a to b (negative when b is before a). */
int date_diff(struct date a, struct date b);
int date_compare(struct date a, struct date b);
/* 1 = Monday ... 7 = Sunday, as ISO 8601 counts. */
int date_weekday(struct date d);
/* The Monday of d's week. */
struct date date_monday(struct date d);

#endif
