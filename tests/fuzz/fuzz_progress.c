/* libFuzzer target: the progress file reader. What it accepts must format
 * to text that it accepts again, and formatting that must give the same
 * text: a saved file is read back as it was written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "progress_file.h"

static void broken(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_progress: %s\n", what);
	if (text)
		fprintf(stderr, "--- formatted:\n%s\n---\n", text);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct progress pr;
	struct diag_list diags = {0};
	if (!progress_parse((const char *)data, size, "fuzz", &pr, &diags)) {
		diag_free(&diags);
		return 0;
	}
	size_t len1;
	char *text1 = progress_format(&pr, &len1);
	if (!text1)
		broken("cannot format what was read", NULL);

	struct progress again;
	if (!progress_parse(text1, len1, "formatted", &again, &diags)) {
		diag_print(&diags, stderr, DIAG_WARNING);
		broken("cannot read back what was formatted", text1);
	}
	size_t len2;
	char *text2 = progress_format(&again, &len2);
	if (!text2)
		broken("cannot format what was read back", text1);
	if (len1 != len2 || memcmp(text1, text2, len1) != 0) {
		fprintf(stderr, "--- second format:\n%s\n---\n", text2);
		broken("formatting is not stable", text1);
	}
	free(text1);
	free(text2);
	progress_free(&pr);
	progress_free(&again);
	diag_free(&diags);
	return 0;
}
