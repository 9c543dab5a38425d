/* Rounding, smaller and larger, without libm.
 *
 * round(), lround(), fmin() and fmax() were all cursus took from libm, and
 * mapping one more shared library costs every start of the planner about
 * 0.3 ms on the benchmark machine (bench/README.md). floor(), ceil() and
 * fabs() are expanded inline by the compiler when it optimises. */
#ifndef CURSUS_NUM_H
#define CURSUS_NUM_H

/* v rounded to the nearest whole number, halves away from zero: what
 * round() returns (but +0 for small negatives). NaN and infinities come
 * back unchanged, as do magnitudes from 2^52, which are already whole. */
static inline double num_round(double v)
{
	if (!(v > -4503599627370496.0 && v < 4503599627370496.0))
		return v;
	double whole = (double)(long long)v; /* towards zero, exact here */
	double frac = v - whole;             /* exact too */
	if (frac >= 0.5)
		whole += 1;
	else if (frac <= -0.5)
		whole -= 1;
	return whole;
}

/* The smaller and the larger of two numbers (neither is ever NaN here). */
static inline double num_min(double a, double b)
{
	return a < b ? a : b;
}

static inline double num_max(double a, double b)
{
	return a > b ? a : b;
}

#endif
