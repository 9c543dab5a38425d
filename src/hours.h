/* Hours as people type them ("1.5", "1,5", "1h30", "90min") and as the
 * progress file stores them ("1.5"): one strict grammar for the number,
 * shared with the effort reader, instead of strtod(), which also takes
 * "0x10", "1e1", "inf" and "nan". */
#ifndef CURSUS_HOURS_H
#define CURSUS_HOURS_H

#include <stdbool.h>
#include <stddef.h>

/* Numbers from this on read as this: that long, they are typos. */
#define HOURS_NUMBER_CAP 1e9

/* Reads a decimal number at s: digits, then optionally one byte of seps
 * and more digits ("16", "16,5"); with bare_fraction, also a number that
 * begins at the separator (".5"). A separator not followed by a digit is
 * not read. No sign, exponent, hex, inf or nan. Returns the bytes read,
 * 0 when s does not begin with a number. */
size_t hours_scan_number(const char *s, const char *seps, bool bare_fraction,
			 double *value);

/* What a person types: "1.5", "1,5", ".5", "2h", "2 h", "1h30", "1h30m",
 * "90min", "90 min", "45m", blanks around allowed, a leading '-' giving a
 * negative number (the callers refuse it with their own message). False
 * for anything else, trailing junk included. */
bool hours_parse(const char *text, double *hours);

/* The form written to files: digits and an optional '.' fraction ("16",
 * "2.5"), nothing else. */
bool hours_parse_plain(const char *text, double *hours);

/* The smaller and the larger of two hours. For hours, which are never NaN,
 * fmin() and fmax() give the same; but they would be all that cursus takes
 * from libm (round() and lround() are inlined: configure.ac), and loading
 * one more library costs every start about 0.2 ms (bench/README.md). */
static inline double hours_min(double a, double b)
{
	return a < b ? a : b;
}

static inline double hours_max(double a, double b)
{
	return a > b ? a : b;
}

#endif
