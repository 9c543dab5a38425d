/* Reading the free-text effort of a program ("90h (4 mois à 5h/semaine)",
 * "120 h", "4 months at 5 hours a week", "6 mois, 5 h/sem") into total
 * hours, months and hours per week, deriving the parts that are missing. */
#ifndef CURSUS_EFFORT_H
#define CURSUS_EFFORT_H

#include <stdbool.h>

enum effort_part {
	EFFORT_HOURS = 1 << 0,
	EFFORT_MONTHS = 1 << 1,
	EFFORT_PACE = 1 << 2,
};

struct effort {
	double hours;          /* total; meaningful when known & EFFORT_HOURS */
	double months;
	double hours_per_week;
	unsigned known;        /* parts stated or derived */
	unsigned derived;      /* parts computed from the others */
};

/* 52 weeks over 12 months: what "4 months" means in weeks. */
#define WEEKS_PER_MONTH (52.0 / 12.0)

/* Fills *out from text. Returns false with a message in *error (to free)
 * when the text states something impossible (negative or absurd numbers).
 * Text with no recognisable number leaves out->known == 0 and returns true. */
bool effort_parse(const char *text, struct effort *out, char **error);

/* Reads a stand-alone duration in hours such as "16h", "16,5 h", "2 heures".
 * Returns false when text is not one. */
bool effort_parse_hours(const char *text, double *hours);

/* Formats a number of hours without a useless ".0" ("16", "16.5"). */
void effort_format_hours(double hours, char *buf, unsigned size);

/* Hours someone logged are shown as typed, to the hundredth: "0.25". */
void effort_format_logged(double hours, char *buf, unsigned size);

/* "90 h, 4 months, 5 h/week" with the parts that are known, or "" */
void effort_describe(const struct effort *e, char *buf, unsigned size);
#endif
