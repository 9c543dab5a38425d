#include "config.h"
#include "effort.h"
#include "human_format.h"
#include "nls.h"
#include "hours.h"
#include "text.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper bounds past which a number is a typo, not a plan. */
#define MAX_TOTAL_HOURS 10000.0
#define MAX_MONTHS 120.0
#define MAX_PACE 168.0

enum unit { UNIT_NONE, UNIT_HOURS, UNIT_MONTHS, UNIT_WEEKS, UNIT_DAYS };

struct token_scan {
	const char *s;  /* folded text */
	size_t pos;
};

static const char *const hour_words[] = { "h", "hr", "hrs", "hour", "hours",
	"heure", "heures", "hs", NULL };
static const char *const month_words[] = { "mois", "month", "months", "mo",
	"mos", NULL };
static const char *const week_words[] = { "semaine", "semaines", "sem", "week",
	"weeks", "wk", "wks", "w", NULL };
static const char *const day_words[] = { "jour", "jours", "day", "days", "j",
	"d", NULL };
static const char *const per_words[] = { "a", "per", "par", "each", "every",
	"chaque", "an", "by", NULL };
static const char *const range_words[] = { "to", "a", NULL };
static const char *const weekly_words[] = { "hebdomadaire", "hebdomadaires",
	"hebdo", "weekly", NULL };

static bool word_in(const char *word, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(word, *list, n) == 0)
			return true;
	return false;
}

static void skip_blanks(struct token_scan *ts)
{
	while (ts->s[ts->pos] == ' ' || ts->s[ts->pos] == '\t')
		ts->pos++;
}

static bool is_word_byte(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* Reads a word at the scan position; returns its length (0 if none). */
static size_t read_word(struct token_scan *ts, const char **word)
{
	size_t start = ts->pos;
	while (is_word_byte((unsigned char)ts->s[ts->pos]))
		ts->pos++;
	*word = ts->s + start;
	return ts->pos - start;
}

/* Reads "12", "16,5", "16.5" with the number grammar of typed hours;
 * returns false when no digit is there. */
static bool read_number(struct token_scan *ts, double *value)
{
	size_t n = hours_scan_number(ts->s + ts->pos, ",.", false, value);
	ts->pos += n;
	return n > 0;
}

/* After a number: "-6", "– 6", " to 6", " à 6" make a range; we plan on
 * its middle. */
static void read_range_end(struct token_scan *ts, double *value)
{
	struct token_scan save = *ts;
	skip_blanks(ts);
	const char *w;
	size_t n;
	if (ts->s[ts->pos] == '-') {
		ts->pos++;
	} else if (strncmp(ts->s + ts->pos, "\xE2\x80\x93", 3) == 0) {
		ts->pos += 3;
	} else if ((n = read_word(ts, &w)) != 0 && word_in(w, n, range_words)) {
		/* "4 to 6", and "4 à 6" once folded */
	} else {
		*ts = save;
		return;
	}
	skip_blanks(ts);
	double hi;
	if (!read_number(ts, &hi)) {
		*ts = save;
		return;
	}
	*value = (*value + hi) / 2;
}

static enum unit classify_unit(const char *w, size_t n)
{
	if (word_in(w, n, hour_words))
		return UNIT_HOURS;
	if (word_in(w, n, month_words))
		return UNIT_MONTHS;
	if (word_in(w, n, week_words))
		return UNIT_WEEKS;
	if (word_in(w, n, day_words))
		return UNIT_DAYS;
	return UNIT_NONE;
}

/* After "5h": is it "/semaine", " a week", " par semaine", " weekly"? */
static bool read_per_week(struct token_scan *ts)
{
	struct token_scan save = *ts;
	const char *w;
	size_t n;
	skip_blanks(ts);
	if (ts->s[ts->pos] == '/') {
		ts->pos++;
		skip_blanks(ts);
		n = read_word(ts, &w);
		if (word_in(w, n, week_words))
			return true;
		*ts = save;
		return false;
	}
	n = read_word(ts, &w);
	if (n && word_in(w, n, weekly_words))
		return true;
	if (n && word_in(w, n, per_words)) {
		skip_blanks(ts);
		n = read_word(ts, &w);
		if (word_in(w, n, week_words))
			return true;
	}
	*ts = save;
	return false;
}

static double round1(double v)
{
	return round(v * 10) / 10;
}

static void derive_missing(struct effort *e)
{
	unsigned k = e->known;
	if ((k & EFFORT_HOURS) && (k & EFFORT_PACE) && !(k & EFFORT_MONTHS)) {
		e->months = round1(e->hours / e->hours_per_week / WEEKS_PER_MONTH);
		e->derived |= EFFORT_MONTHS;
	} else if ((k & EFFORT_MONTHS) && (k & EFFORT_PACE) && !(k & EFFORT_HOURS)) {
		e->hours = round(e->months * WEEKS_PER_MONTH * e->hours_per_week);
		e->derived |= EFFORT_HOURS;
	} else if ((k & EFFORT_HOURS) && (k & EFFORT_MONTHS) && !(k & EFFORT_PACE) &&
		   e->months > 0) {
		/* A few days in weeks ("0.2 wk") are 0 months once rounded to
		 * the tenth: no pace comes of them, not an infinite one. */
		e->hours_per_week = round1(e->hours / (e->months * WEEKS_PER_MONTH));
		e->derived |= EFFORT_PACE;
	}
	e->known |= e->derived;
}

static bool out_of_range(const char *what, double v, double max, char **error)
{
	if (v > 0 && v <= max)
		return false;
	char value[HUMAN_MAX], most[HUMAN_MAX];
	human_number(v, value, sizeof value);
	human_number(max, most, sizeof most);
	/* TRANSLATORS: what is out of range ("total hours"), its value, then
	 * the range it must lie in. */
	*error = xasprintf(_("%s %s is out of range (0 < %s <= %s)"), what, value, what, most);
	return true;
}

/* Records one quantity; the first of each kind wins, as in "90h (environ
 * 90 heures)". */
static void record(struct effort *e, enum effort_part part, double v)
{
	if (e->known & part)
		return;
	e->known |= part;
	if (part == EFFORT_HOURS)
		e->hours = v;
	else if (part == EFFORT_MONTHS)
		e->months = v;
	else
		e->hours_per_week = v;
}

bool effort_parse(const char *text, struct effort *out, char **error)
{
	memset(out, 0, sizeof *out);
	*error = NULL;
	char *folded = text_fold(text);
	struct token_scan ts = { folded, 0 };
	bool ok = true;

	while (ok && folded[ts.pos]) {
		bool negative = folded[ts.pos] == '-' &&
				isdigit((unsigned char)folded[ts.pos + 1]) &&
				(ts.pos == 0 || !isalnum((unsigned char)folded[ts.pos - 1]));
		if (negative)
			ts.pos++;
		double v;
		if (!read_number(&ts, &v)) {
			ts.pos++;
			continue;
		}
		read_range_end(&ts, &v);
		skip_blanks(&ts);
		const char *w;
		size_t n = read_word(&ts, &w);
		enum unit unit = classify_unit(w, n);
		if (unit == UNIT_NONE)
			continue;
		if (negative) {
			char value[HUMAN_MAX];
			human_number(v, value, sizeof value);
			*error = xasprintf(_("negative duration '-%s' in effort"), value);
			ok = false;
			break;
		}
		switch (unit) {
		case UNIT_HOURS:
			if (read_per_week(&ts)) {
				ok = !out_of_range(_("hours per week"), v, MAX_PACE, error);
				record(out, EFFORT_PACE, v);
			} else {
				ok = !out_of_range(_("total hours"), v, MAX_TOTAL_HOURS, error);
				record(out, EFFORT_HOURS, v);
			}
			break;
		case UNIT_MONTHS:
			ok = !out_of_range(_("months"), v, MAX_MONTHS, error);
			record(out, EFFORT_MONTHS, v);
			break;
		case UNIT_WEEKS:
			ok = !out_of_range(_("weeks"), v, MAX_MONTHS * WEEKS_PER_MONTH, error);
			record(out, EFFORT_MONTHS, round1(v / WEEKS_PER_MONTH));
			break;
		case UNIT_DAYS:
		case UNIT_NONE:
			break;
		}
	}
	free(folded);
	if (!ok) {
		out->known = 0;
		return false;
	}
	derive_missing(out);
	return true;
}

bool effort_parse_hours(const char *text, double *hours)
{
	char *folded = text_fold(text);
	struct token_scan ts = { folded, 0 };
	skip_blanks(&ts);
	bool negative = folded[ts.pos] == '-';
	if (negative)
		ts.pos++;
	double v;
	bool ok = false;
	if (read_number(&ts, &v)) {
		skip_blanks(&ts);
		const char *w;
		size_t n = read_word(&ts, &w);
		skip_blanks(&ts);
		ok = classify_unit(w, n) == UNIT_HOURS && folded[ts.pos] == '\0';
	}
	free(folded);
	if (ok)
		*hours = negative ? -v : v;
	return ok;
}

/* Writes n in decimal at buf; returns the length. */
static unsigned put_digits(unsigned long n, char *buf)
{
	char tmp[24];
	unsigned len = 0;
	do {
		tmp[len++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	for (unsigned i = 0; i < len; i++)
		buf[i] = tmp[len - 1 - i];
	return len;
}

/* Listing thousands of programs formats thousands of numbers: tenths are
 * written by hand rather than through printf's floating point. */
void effort_format_hours(double hours, char *buf, unsigned size)
{
	if (!(fabs(hours) < 1e12)) {
		snprintf(buf, size, "%g", hours);
		return;
	}
	long tenths = lround(hours * 10);
	char tmp[32];
	unsigned len = 0;
	if (tenths < 0) {
		tmp[len++] = '-';
		tenths = -tenths;
	}
	len += put_digits((unsigned long)tenths / 10, tmp + len);
	if (tenths % 10) {
		tmp[len++] = '.';
		tmp[len++] = (char)('0' + tenths % 10);
	}
	tmp[len] = '\0';
	snprintf(buf, size, "%s", tmp);
}

void effort_format_logged(double hours, char *buf, unsigned size)
{
	snprintf(buf, size, "%.2f", round(hours * 100) / 100);
	char *end = buf + strlen(buf) - 1;
	while (end > buf && *end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
}

void effort_describe(const struct effort *e, char *buf, unsigned size)
{
	char n[HUMAN_MAX], part[2 * HUMAN_MAX];
	size_t used = 0;
	buf[0] = '\0';
	if (e->known & EFFORT_HOURS) {
		human_hours(e->hours, n, sizeof n);
		used += (size_t)snprintf(buf + used, size - used, "%s h", n);
	}
	if ((e->known & EFFORT_MONTHS) && used < size) {
		human_hours(e->months, n, sizeof n);
		/* TRANSLATORS: a number of months to the tenth ("4", "1.5"):
		 * singular for exactly one. */
		snprintf(part, sizeof part, ngettext("%s month", "%s months", e->months == 1 ? 1 : 2),
			 n);
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", part);
	}
	if ((e->known & EFFORT_PACE) && used < size) {
		human_hours(e->hours_per_week, n, sizeof n);
		snprintf(part, sizeof part, _("%s h/week"), n);
		snprintf(buf + used, size - used, "%s%s", used ? ", " : "", part);
	}
}
