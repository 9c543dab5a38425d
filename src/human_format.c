#include "config.h"
#include "human_format.h"
#include "effort.h"
#include "width.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* The separators numbers are shown with: cursus's own until
 * human_format_use_numeric finds the user's. */
static struct {
	char point[8];
	char thousands[8];
	char grouping[8];
} numeric = { ".", "", "" };

/* Whether the locale named is of the language lang ("fr": "fr",
 * "fr_CA.UTF-8", "fr.utf8@euro"). */
static bool locale_language_is(const char *name, const char *lang)
{
	size_t n = strlen(lang);
	return name && strncmp(name, lang, n) == 0 && strchr("_.@", name[n]) != NULL;
}

/* An English, C or POSIX locale keeps the forms cursus has always shown
 * ("an English user sees exactly what they see today"): ISO dates, a
 * point, digits without separators. */
static bool own_forms(const char *name)
{
	if (!name || !*name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0)
		return true;
	return locale_language_is(name, "en");
}

/* A separator the terminal can show: a non-ASCII one (French's narrow
 * no-break space) only when the program's character set is UTF-8. */
static bool showable(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	return true;
}

static void copy_field(char *dst, size_t size, const char *src)
{
	if (src && strlen(src) < size)
		memcpy(dst, src, strlen(src) + 1);
}

void human_format_use_numeric(const char *locale_name)
{
	memcpy(numeric.point, ".", 2);
	numeric.thousands[0] = numeric.grouping[0] = '\0';
	if (own_forms(locale_name))
		return;
	locale_t loc = newlocale(LC_NUMERIC_MASK, locale_name, (locale_t)0);
	if (!loc)
		return; /* not installed: the fallback keeps cursus's forms */
	const char *point = nl_langinfo_l(RADIXCHAR, loc);
	const char *thousands = nl_langinfo_l(THOUSEP, loc);
	if (point && *point && showable(point))
		copy_field(numeric.point, sizeof numeric.point, point);
	if (thousands && *thousands && showable(thousands)) {
		copy_field(numeric.thousands, sizeof numeric.thousands, thousands);
		copy_field(numeric.grouping, sizeof numeric.grouping, nl_langinfo_l(GROUPING, loc));
	}
	freelocale(loc);
}

bool human_dates_localized(void)
{
	return !own_forms(setlocale(LC_TIME, NULL));
}

static void put(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + n < size) {
		memcpy(buf + *len, s, n);
		*len += n;
		buf[*len] = '\0';
	}
}

/* Whether a separator goes after the digit that has `right` digits to its
 * right: the locale's grouping gives the size of each group from the
 * right, its last size repeated, CHAR_MAX (or nothing) for no more. */
static bool group_edge(size_t right)
{
	const char *g = numeric.grouping;
	if (!numeric.thousands[0] || !g[0])
		return false;
	size_t edge = 0, k = 0;
	while (edge < right) {
		if (g[k] <= 0 || g[k] == CHAR_MAX)
			return false;
		edge += (size_t)g[k];
		if (g[k + 1])
			k++;
	}
	return edge == right;
}

/* A number written by cursus's own rules ("-1234.5") in the locale's
 * forms: the point replaced, the whole part grouped. */
static void localize(const char *plain, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	const char *p = plain;
	if (*p == '-')
		put(buf, size, &len, p++, 1);
	size_t n = strspn(p, "0123456789");
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && group_edge(n - i))
			put(buf, size, &len, numeric.thousands, strlen(numeric.thousands));
		put(buf, size, &len, p + i, 1);
	}
	for (p += n; *p; p++) {
		if (*p == '.')
			put(buf, size, &len, numeric.point, strlen(numeric.point));
		else
			put(buf, size, &len, p, 1);
	}
}

/* hours written by effort.c's format, in the locale's forms, and with
 * the unit after them when with_unit */
static void localized_hours(void (*format)(double, char *, unsigned), double hours,
			    bool with_unit, char *buf, size_t size)
{
	char plain[HUMAN_MAX], n[HUMAN_MAX];
	format(hours, plain, sizeof plain);
	localize(plain, n, sizeof n);
	snprintf(buf, size, with_unit ? "%s h" : "%s", n);
}

void human_hours(double hours, char *buf, size_t size)
{
	localized_hours(effort_format_hours, hours, false, buf, size);
}

void human_hours_unit(double hours, char *buf, size_t size)
{
	localized_hours(effort_format_hours, hours, true, buf, size);
}

void human_logged(double hours, char *buf, size_t size)
{
	localized_hours(effort_format_logged, hours, false, buf, size);
}

void human_logged_unit(double hours, char *buf, size_t size)
{
	localized_hours(effort_format_logged, hours, true, buf, size);
}

void human_count(long n, char *buf, size_t size)
{
	char plain[32];
	snprintf(plain, sizeof plain, "%ld", n);
	localize(plain, buf, size);
}

void human_number(double v, char *buf, size_t size)
{
	char plain[HUMAN_MAX];
	snprintf(plain, sizeof plain, "%g", v); /* LC_NUMERIC is "C": a point */
	localize(plain, buf, size);
}

enum date_form { FORM_DATE, FORM_DAY, FORM_DAY_SHORT };

/* The first of a month, which French writes "1er" (premier): in the
 * language of LC_TIME, as the month's name is. */
static const char *first_of_month(void)
{
	return locale_language_is(setlocale(LC_TIME, NULL), "fr") ? "1er" : "1";
}

/* The date's words under the program's LC_TIME, the day's number first
 * ("1er avr. 2027", "lun. 2 nov."); 0 when strftime fails. */
static size_t date_words(char *raw, size_t size, const struct tm *tm, const char *day,
			 enum date_form form)
{
	char weekday[HUMAN_MAX / 2] = "", month[HUMAN_MAX / 2];
	if (form == FORM_DAY_SHORT)
		return strftime(raw, size, "%d/%m", tm);
	if (form == FORM_DAY && !strftime(weekday, sizeof weekday, "%a ", tm))
		return 0;
	if (!strftime(month, sizeof month, form == FORM_DATE ? "%b %Y" : "%b", tm))
		return 0;
	int n = snprintf(raw, size, "%s%s %s", weekday, day, month);
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* A date in the locale's words, any doubled blank squeezed out. */
static void strftime_date(struct date d, enum date_form form, char *buf, size_t size)
{
	struct tm tm = {
		.tm_year = d.year - 1900,
		.tm_mon = d.month - 1,
		.tm_mday = d.day,
		.tm_wday = date_weekday(d) % 7, /* ISO's 7 is Sunday, tm's 0 */
	};
	char raw[HUMAN_MAX], day[16];
	snprintf(day, sizeof day, "%d", d.day);
	if (d.day == 1)
		snprintf(day, sizeof day, "%s", first_of_month());
	if (date_words(raw, sizeof raw, &tm, day, form) == 0)
		date_format(d, raw);
	size_t len = 0;
	for (const char *p = raw; *p && len + 1 < size; p++) {
		if (*p == ' ' && (len == 0 || buf[len - 1] == ' '))
			continue;
		buf[len++] = *p;
	}
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	buf[len] = '\0';
}

/* A date in cursus's own form ("2026-11-23", "11-23"), or the locale's. */
static void show_date(struct date d, enum date_form form, char *buf, size_t size)
{
	char iso[11];
	date_format(d, iso);
	if (!date_valid(d) || !human_dates_localized())
		snprintf(buf, size, "%s", form == FORM_DAY_SHORT ? iso + 5 : iso);
	else
		strftime_date(d, form, buf, size);
}

void human_date(struct date d, char *buf, size_t size)
{
	show_date(d, FORM_DATE, buf, size);
}

void human_day(struct date d, char *buf, size_t size)
{
	show_date(d, FORM_DAY, buf, size);
}

void human_day_short(struct date d, char *buf, size_t size)
{
	show_date(d, FORM_DAY_SHORT, buf, size);
}

void human_month(struct date d, char *buf, size_t size)
{
	/* the month's name needs no year: only a month that is none is
	 * shown as the unknown date_format shows ("XX") */
	struct tm tm = { .tm_year = 2000 - 1900, .tm_mon = d.month - 1, .tm_mday = 1 };
	if (size == 0)
		return;
	if (d.month < 1 || d.month > 12 || strftime(buf, size, "%b", &tm) == 0)
		snprintf(buf, size, "XX");
}

/* Measured once for each locale of LC_TIME (a program sets it once; the
 * tests change it): the Schedule pane asks at every frame, and twelve
 * strftime() calls are most of what it would cost. */
int human_month_width(void)
{
	static char measured_for[64];
	static int widest;
	const char *lc_time = setlocale(LC_TIME, NULL);
	if (widest && lc_time && strcmp(lc_time, measured_for) == 0)
		return widest;
	widest = 0;
	for (int m = 1; m <= 12; m++) {
		char name[HUMAN_MAX];
		human_month((struct date){ 2000, m, 1 }, name, sizeof name);
		int w = (int)width_of(name);
		if (w > widest)
			widest = w;
	}
	snprintf(measured_for, sizeof measured_for, "%s", lc_time ? lc_time : "");
	return widest;
}

unsigned long human_hours_count(const char *shown)
{
	unsigned long n = 0;
	size_t sep = strlen(numeric.thousands);
	for (const char *p = shown; *p;) {
		if (sep && strncmp(p, numeric.thousands, sep) == 0) { /* "1 234" */
			p += sep;
			continue;
		}
		if (*p < '0' || *p > '9')
			break;
		if (n < 100000000) /* past that, a count is a count */
			n = n * 10 + (unsigned long)(*p - '0');
		p++;
	}
	return n;
}
