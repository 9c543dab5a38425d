#include "config.h"
#include "hours.h"

#include <string.h>
#include <strings.h>

/* Not isdigit(): the grammar is ASCII whatever the locale. */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Up to this many significant digits a mantissa is exact in 64 bits. */
#define MANTISSA_LIMIT 100000000000000000ULL

/* mant × 10^scale; dividing by an exact power of ten (scale >= -22)
 * rounds once, so "2.3" is the same double as the literal 2.3. */
static double scaled(unsigned long long mant, int scale)
{
	double v = (double)mant, power = 1;
	for (int i = 0; i < (scale < 0 ? -scale : scale) && power < 1e23; i++)
		power *= 10;
	v = scale < 0 ? v / power : v * power;
	return v < HOURS_NUMBER_CAP ? v : HOURS_NUMBER_CAP;
}

size_t hours_scan_number(const char *s, const char *seps, bool bare_fraction,
			 double *value)
{
	const char *p = s;
	unsigned long long mant = 0;
	int scale = 0;
	for (; is_digit(*p); p++) {
		if (mant < MANTISSA_LIMIT)
			mant = mant * 10 + (unsigned)(*p - '0');
		else
			scale++; /* digits past the limit only count for size */
	}
	bool whole = p > s;
	if (*p && strchr(seps, *p) && is_digit(p[1]) && (whole || bare_fraction)) {
		for (p++; is_digit(*p); p++) {
			if (mant < MANTISSA_LIMIT && scale <= 0) {
				mant = mant * 10 + (unsigned)(*p - '0');
				scale--;
			}
		}
	}
	if (p == s)
		return 0;
	*value = scaled(mant, scale);
	return (size_t)(p - s);
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* "min" or "m", in any case: returns its length, or 0. */
static size_t minute_unit(const char *p)
{
	if (strncasecmp(p, "min", 3) == 0)
		return 3;
	return *p == 'm' || *p == 'M' ? 1 : 0;
}

/* After "1h": "30", "05", "30m", "30min", the minutes of an hour.
 * Returns the bytes read, 0 when they are not minutes. */
static size_t read_minutes(const char *p, double *minutes)
{
	size_t n = 0;
	while (is_digit(p[n]) && n < 3)
		n++;
	if (n == 0 || n > 2)
		return 0;
	int m = n == 1 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
	if (m >= 60)
		return 0;
	*minutes = m;
	return n + minute_unit(p + n);
}

/* The unit after a number of n bytes at number; returns where the text
 * goes on, or NULL when the unit is wrong. */
static const char *read_unit(const char *number, size_t n, double *v)
{
	const char *p = skip_blanks(number + n);
	if (*p == 'h' || *p == 'H') {
		p++;
		if (!is_digit(*p))
			return p;
		double minutes;
		size_t m = read_minutes(p, &minutes);
		if (m == 0 || strspn(number, "0123456789") != n)
			return NULL; /* "1h75", "1.5h30" */
		*v += minutes / 60;
		return p + m;
	}
	size_t m = minute_unit(p);
	if (m)
		*v /= 60;
	return p + m;
}

bool hours_parse(const char *text, double *hours)
{
	const char *p = skip_blanks(text);
	bool negative = *p == '-';
	p += negative;
	double v;
	size_t n = hours_scan_number(p, ",.", true, &v);
	if (n == 0 || v >= HOURS_NUMBER_CAP)
		return false;
	p = read_unit(p, n, &v);
	if (!p || *skip_blanks(p))
		return false;
	*hours = negative ? -v : v;
	return true;
}

bool hours_parse_plain(const char *text, double *hours)
{
	double v;
	size_t n = hours_scan_number(text, ".", false, &v);
	if (n == 0 || text[n] != '\0' || v >= HOURS_NUMBER_CAP)
		return false;
	*hours = v;
	return true;
}
