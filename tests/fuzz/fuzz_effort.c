/* libFuzzer target: the free-text effort reader and its description. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effort.h"

/* Every part known, stated or derived, is a number the planner can use. */
static void check_parts(const char *text, const struct effort *e)
{
	const struct { unsigned part; double v; const char *name; } parts[] = {
		{ EFFORT_HOURS, e->hours, "hours" },
		{ EFFORT_MONTHS, e->months, "months" },
		{ EFFORT_PACE, e->hours_per_week, "hours per week" },
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if ((e->known & parts[i].part) && !(isfinite(parts[i].v) && parts[i].v >= 0)) {
			fprintf(stderr, "fuzz_effort: '%s' gives %s %g\n", text, parts[i].name,
				parts[i].v);
			abort();
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	struct effort e;
	char *error = NULL;
	char buf[96], small[12];
	if (effort_parse(text, &e, &error)) {
		/* 96 as the commands give it, and a small one that truncates */
		check_parts(text, &e);
		effort_describe(&e, buf, sizeof buf);
		effort_describe(&e, small, sizeof small);
	}
	free(error);

	double hours;
	if (effort_parse_hours(text, &hours))
		effort_format_hours(hours, buf, sizeof buf);
	free(text);
	return 0;
}
