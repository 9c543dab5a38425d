/* What the fuzz targets of tests/fuzz found, kept: every file of
 * tests/data/fuzz-regressions goes through the code path of the target
 * that found it, chosen by the start of its name:
 *
 *   spec-*       spec_load, spec_load_front then spec_load_body, and the
 *                outline, completion and plan of what loaded
 *   progress-*   progress_parse; what it accepts formats, reads back and
 *                formats again to the same text
 *   effort-*     effort_parse (every part it knows finite and >= 0),
 *                effort_parse_hours, effort_describe
 *   encoding-*   encoding_decode; its text is valid UTF-8 without CR, and
 *                the input less its BOM and CRs when nothing was repaired
 *
 * Each must return cleanly, and soon: some findings were not crashes but
 * work that grew with the square of the input. */
#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "completion.h"
#include "effort.h"
#include "encoding.h"
#include "outline.h"
#include "plan.h"
#include "progress_file.h"
#include "spec.h"
#include "utf8.h"

#define REGRESSIONS "fuzz-regressions"
/* CPU seconds any one input may take, sanitizers included; the quadratic
 * readers took minutes on these files. */
#define MAX_SECONDS 5.0

typedef void (*check_fn)(const char *name);

static const char *const kinds[] = { "spec-", "progress-", "effort-", "encoding-" };

/* The names of the directory's files, sorted; fails on a name that no
 * check claims, so that no input sits there unread. */
static char **list_inputs(size_t *n)
{
	char *dir_path = fixture_path(REGRESSIONS);
	DIR *dir = opendir(dir_path);
	if (!dir)
		fail_msg("cannot open %s", dir_path);
	char **names = NULL;
	size_t count = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		bool known = false;
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			known |= strncmp(de->d_name, kinds[k], strlen(kinds[k])) == 0;
		if (!known)
			fail_msg("%s/%s: name does not start with spec-, progress-, effort- "
				 "or encoding-", dir_path, de->d_name);
		names = realloc(names, (count + 1) * sizeof *names);
		assert_non_null(names);
		names[count] = strdup(de->d_name);
		assert_non_null(names[count]);
		count++;
	}
	closedir(dir);
	free(dir_path);
	for (size_t i = 1; i < count; i++) /* a few dozen names: insertion sort */
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	*n = count;
	return names;
}

/* Runs check on every input whose name starts with prefix, timing each. */
static void run_kind(const char *prefix, check_fn check)
{
	size_t n, ran = 0;
	char **names = list_inputs(&n);
	for (size_t i = 0; i < n; i++) {
		if (strncmp(names[i], prefix, strlen(prefix)) != 0)
			continue;
		char rel[512];
		snprintf(rel, sizeof rel, "%s/%s", REGRESSIONS, names[i]);
		print_message("# %s\n", names[i]);
		clock_t start = clock();
		check(rel);
		double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
		if (seconds > MAX_SECONDS)
			fail_msg("%s took %.1f s of CPU (at most %.0f): quadratic again?",
				 names[i], seconds, MAX_SECONDS);
		ran++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ran == 0)
		fail_msg("no %s* input in tests/data/%s", prefix, REGRESSIONS);
}

/* ---- spec ---- */

static void model_of(const struct program *p)
{
	struct outline o;
	outline_build(&o, p);
	struct completion c;
	completion_compute(&c, &o, NULL);
	assert_int_equal(c.n, o.n);
	struct plan pl;
	char *err = NULL;
	if (plan_build(&pl, p, &o, NULL, &c, (struct date){ 2026, 11, 24 }, &err)) {
		assert_true(pl.n_weeks >= 1 && pl.n_weeks <= PLAN_MAX_WEEKS);
		plan_free(&pl);
	} else {
		assert_non_null(err);
	}
	free(err);
	completion_free(&c);
	outline_free(&o);
}

static void check_spec(const char *name)
{
	char *path = fixture_path(name);
	struct diag_list diags = {0};
	struct program *p = spec_load(path, &diags);
	if (p)
		model_of(p);
	else
		assert_true(diag_count(&diags, DIAG_ERROR) > 0);
	spec_free(p);
	diag_free(&diags);

	p = spec_load_front(path, &diags);
	if (p && spec_load_body(p, &diags))
		model_of(p);
	spec_free(p);
	diag_free(&diags);
	free(path);
}

static void test_specs(void **state)
{
	(void)state;
	run_kind("spec-", check_spec);
}

/* ---- progress ---- */

static void check_progress(const char *name)
{
	size_t len;
	char *read = fixture_read(name, &len);
	/* As the fuzzer gives it: exactly len bytes, no NUL after them, so
	 * that AddressSanitizer sees a read past the end. */
	char *text = malloc(len ? len : 1);
	assert_non_null(text);
	memcpy(text, read, len);
	free(read);
	struct progress pr;
	struct diag_list diags = {0};
	if (!progress_parse(text, len, name, &pr, &diags)) {
		assert_true(diag_count(&diags, DIAG_ERROR) > 0);
		diag_free(&diags);
		free(text);
		return;
	}
	size_t len1, len2;
	char *text1 = progress_format(&pr, &len1);
	assert_non_null(text1);
	struct progress again;
	if (!progress_parse(text1, len1, "formatted", &again, &diags)) {
		diag_print(&diags, stderr, DIAG_WARNING);
		fail_msg("%s: what was formatted cannot be read back:\n%s", name, text1);
	}
	char *text2 = progress_format(&again, &len2);
	assert_non_null(text2);
	assert_int_equal(len1, len2);
	assert_memory_equal(text1, text2, len1);
	free(text1);
	free(text2);
	progress_free(&pr);
	progress_free(&again);
	diag_free(&diags);
	free(text);
}

static void test_progress(void **state)
{
	(void)state;
	run_kind("progress-", check_progress);
}

/* ---- effort ---- */

static void check_effort(const char *name)
{
	size_t len;
	char *text = fixture_read(name, &len); /* NUL-terminated */
	struct effort e;
	char *error = NULL;
	char buf[96], small[12];
	if (effort_parse(text, &e, &error)) {
		assert_null(error);
		/* every part known, stated or derived, is a usable number */
		if (e.known & EFFORT_HOURS)
			assert_true(isfinite(e.hours) && e.hours >= 0);
		if (e.known & EFFORT_MONTHS)
			assert_true(isfinite(e.months) && e.months >= 0);
		if (e.known & EFFORT_PACE)
			assert_true(isfinite(e.hours_per_week) && e.hours_per_week >= 0);
		effort_describe(&e, buf, sizeof buf);
		effort_describe(&e, small, sizeof small);
		assert_true(strlen(small) < sizeof small);
	} else {
		assert_non_null(error);
		assert_int_equal(e.known, 0);
	}
	free(error);
	double hours;
	if (effort_parse_hours(text, &hours))
		effort_format_hours(hours, buf, sizeof buf);
	free(text);
}

static void test_effort(void **state)
{
	(void)state;
	run_kind("effort-", check_effort);
}

/* ---- encoding ---- */

static void check_encoding(const char *name)
{
	size_t len;
	char *bytes = fixture_read(name, &len);
	struct decoded_text out;
	size_t bad = 0;
	if (encoding_decode(bytes, len, &out, &bad) != ENCODING_OK) {
		assert_true(bad < len);
		free(bytes);
		return;
	}
	assert_int_equal(strlen(out.text), out.len);
	assert_true(utf8_validate(out.text, out.len, NULL));
	assert_null(memchr(out.text, '\r', out.len));
	if (out.repair.sequences == 0) {
		size_t skip = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		char *want = malloc(len + 1);
		assert_non_null(want);
		size_t n = 0;
		for (size_t i = skip; i < len; i++) {
			if (bytes[i] != '\r')
				want[n++] = bytes[i];
			else if (i + 1 >= len || bytes[i + 1] != '\n')
				want[n++] = '\n';
		}
		assert_int_equal(n, out.len);
		assert_memory_equal(want, out.text, n);
		free(want);
	}
	free(out.text);
	free(bytes);
}

static void test_encoding(void **state)
{
	(void)state;
	run_kind("encoding-", check_encoding);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_specs),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_effort),
		cmocka_unit_test(test_encoding),
	};
	return RUN_TESTS(tests);
}
