/* libFuzzer target: the free-text effort reader and its description. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effort.h"

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
		effort_describe(&e, buf, sizeof buf);
		effort_describe(&e, small, sizeof small);
	}
	free(error);

	double hours;
	if (effort_parse_hours(text, &hours)) {
		effort_format_hours(hours, buf, sizeof buf);
		effort_format_hours_unit(hours, buf, sizeof buf);
	}
	free(text);
	return 0;
}
