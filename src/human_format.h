/* How a number, hours and a date are shown to a person: in the user's
 * forms ("2,5 h", "54 993", "lun. 23 nov.") when the locale asks for them,
 * else in cursus's own, which an English or C locale keeps byte for byte
 * ("2.5 h", "54993", "2026-11-23"). Files written for machines (the
 * progress file, ICS, CSV, --json) never come through here. Pure: no
 * curses, no printing. */
#ifndef CURSUS_HUMAN_FORMAT_H
#define CURSUS_HUMAN_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

/* Room for any result of this module, terminator included. */
#define HUMAN_MAX 64

/* The count ngettext() takes for hours as they are shown ("1,5 h",
 * "1 234 h"): their whole part, so that French says "1,5 h étudiée" and
 * "2 h étudiées". */
unsigned long human_hours_count(const char *shown);

/* The locale whose LC_NUMERIC numbers are shown in, such as
 * "fr_FR.UTF-8", read once at start (the program itself keeps LC_NUMERIC
 * "C": parsers and files rely on a decimal point). NULL, "", an English,
 * C or POSIX locale, or one that is not installed: cursus's own forms.
 * Dates follow the program's LC_TIME, set by setlocale. */
void human_format_use_numeric(const char *locale_name);

/* True when dates are shown in the LC_TIME locale's words rather than
 * ISO (so that a view can give them the room they need). */
bool human_dates_localized(void);

/* Hours to the tenth without a useless ".0": "16", "16,5" (effort's
 * rounding, effort_format_hours). */
void human_hours(double hours, char *buf, size_t size);
/* "16,5 h" */
void human_hours_unit(double hours, char *buf, size_t size);
/* Hours someone logged, to the hundredth: "0,25" (effort_format_logged). */
void human_logged(double hours, char *buf, size_t size);
/* "0,25 h" */
void human_logged_unit(double hours, char *buf, size_t size);
/* A whole number with the locale's thousands separator: "54 993". */
void human_count(long n, char *buf, size_t size);
/* A number as %g writes it, with the locale's decimal point: "4,7". */
void human_number(double v, char *buf, size_t size);

/* A date with its year: "23 nov. 2026", or "2026-11-23". */
void human_date(struct date d, char *buf, size_t size);
/* A day of the plan, with its weekday: "lun. 23 nov.", or "2026-11-23". */
void human_day(struct date d, char *buf, size_t size);
/* Day and month in five columns: "23/11", or "11-23". */
void human_day_short(struct date d, char *buf, size_t size);
/* The month of d as the LC_TIME locale abbreviates it (strftime's %b):
 * "Nov", "nov.", "déc.". In every language, English's included. */
void human_month(struct date d, char *buf, size_t size);
/* Display columns of the widest of the twelve: 3 in English, 5 in French
 * ("févr.", "juil."), so that a column of months lines up. */
int human_month_width(void);

#endif
