/* libFuzzer target: the configuration file's reader (user_config.c). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "user_config.h"

/* What a reader that said yes hands on: directories with a name and a
 * line inside the file; one that said no leaves nothing to use and an
 * error that says why. */
static void check_result(bool ok, const struct user_config *conf, const struct diag_list *diags)
{
	if (!ok) {
		if (conf->n_data != 0 || diag_count(diags, DIAG_ERROR) == 0) {
			fprintf(stderr, "fuzz_config: refused with %zu directories, no error\n",
				conf->n_data);
			abort();
		}
		return;
	}
	for (size_t i = 0; i < conf->n_data; i++)
		if (!conf->data[i].path || !conf->data[i].path[0] || conf->data[i].line < 1) {
			fprintf(stderr, "fuzz_config: directory %zu is empty or has no line\n", i);
			abort();
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so that a read past the end is caught */
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	setenv("HOME", "/home/learner", 1);
	struct user_config conf = {0};
	struct diag_list diags = {0};
	bool ok = user_config_parse(&conf, text, size, "/home/learner/.config/cursus/config",
				    &diags);
	check_result(ok, &conf, &diags);
	user_config_free(&conf);
	diag_free(&diags);
	free(text);
	return 0;
}
