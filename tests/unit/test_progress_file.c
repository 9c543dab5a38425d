#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress_file.h"
#include "xalloc.h"

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

static void test_load_good_file(void **state)
{
	(void)state;
	char *path = fixture_path("progress/good.yaml");
	struct progress pr;
	struct diag_list diags = {0};
	assert_true(progress_file_load(path, &pr, &diags));
	assert_int_equal(diags.n, 0);
	assert_int_equal(pr.version, 1);
	assert_string_equal(pr.current, "P4");
	assert_string_equal(progress_choice(&pr, "P4"), "P4-A");
	struct program_progress *pp = progress_find(&pr, "P4-A");
	assert_non_null(pp);
	assert_true(pp->has_start);
	assert_int_equal(date_compare(pp->start, D(2026, 11, 23)), 0);
	assert_true(pp->pace == 4.5);
	assert_int_equal(pp->n_ticks, 2);
	assert_string_equal(pp->ticks[0].path, "1.2"); /* 1.2 sorts before 1.10 */
	assert_string_equal(pp->ticks[1].title, "A tick whose module left the spec");
	assert_int_equal(pp->n_hours, 2);
	assert_true(progress_hours_total(pp) == 3.5);
	assert_int_equal(progress_find(&pr, "P4-B")->n_ticks, 1);
	progress_free(&pr);
	free(path);
}

/* Formatting and reading again gives the same progress, byte for byte. */
static void test_round_trip(void **state)
{
	(void)state;
	size_t len;
	char *text = fixture_read("progress/good.yaml", &len);
	struct progress pr;
	struct diag_list diags = {0};
	assert_true(progress_parse(text, len, "good.yaml", &pr, &diags));
	size_t out_len;
	char *out = progress_format(&pr, &out_len);
	assert_non_null(out);
	struct progress again;
	assert_true(progress_parse(out, out_len, "formatted", &again, &diags));
	size_t again_len;
	char *out2 = progress_format(&again, &again_len);
	assert_string_equal(out, out2);
	/* one fact per line, stable order, the way the fixture is written */
	assert_string_equal(out, text);
	progress_free(&pr);
	progress_free(&again);
	free(out);
	free(out2);
	free(text);
}

/* Every day's hours a log can make, each 300th of an hour up to 24 h,
 * are written and read back as the same value; the whole hundredths as
 * before ("1.5"), the others to four places ("0.3333"). */
static void test_logged_hours_round_trip(void **state)
{
	(void)state;
	struct progress pr = {0};
	struct program_progress *pp = progress_get(&pr, "P4-A");
	int steps = (int)PROGRESS_MAX_HOURS_PER_DAY * PROGRESS_LOG_STEPS_PER_HOUR;
	struct date day = D(2000, 1, 1);
	for (int k = 1; k <= steps; k++, day = date_add_days(day, 1))
		progress_hours_set(pp, day, (double)k / PROGRESS_LOG_STEPS_PER_HOUR);
	size_t len;
	char *out = progress_format(&pr, &len);
	assert_non_null(strstr(out, "2000-01-01: 0.0033\n"));
	assert_non_null(strstr(out, "2000-01-03: 0.01\n"));
	assert_non_null(strstr(out, "2000-01-05: 0.0167\n")); /* a minute */
	struct progress again;
	struct diag_list diags = {0};
	assert_true(progress_parse(out, len, "formatted", &again, &diags));
	struct program_progress *back = progress_find(&again, "P4-A");
	assert_int_equal(back->n_hours, steps);
	day = D(2000, 1, 1);
	for (int k = 1; k <= steps; k++, day = date_add_days(day, 1))
		if (progress_hours_on(back, day) != (double)k / PROGRESS_LOG_STEPS_PER_HOUR)
			fail_msg("%d/300 h read back as %.17g", k, progress_hours_on(back, day));
	progress_free(&pr);
	progress_free(&again);
	free(out);
}

/* A newer minor version's keys, at every level, survive a save byte for
 * byte, with no warning; in a version-1 file an unknown key is a warning
 * (a typo, most likely) and is kept as well. */
static void test_unknown_keys_kept(void **state)
{
	(void)state;
	size_t len;
	char *text = fixture_read("progress/newer-minor.yaml", &len);
	struct progress pr;
	struct diag_list diags = {0};
	assert_true(progress_parse(text, len, "newer-minor.yaml", &pr, &diags));
	assert_int_equal(diags.n, 0);
	size_t out_len;
	char *out = progress_format(&pr, &out_len);
	assert_string_equal(out, text);
	progress_free(&pr);
	free(out);
	free(text);

	text = fixture_read("progress/unknown-key.yaml", &len);
	assert_true(progress_parse(text, len, "unknown-key.yaml", &pr, &diags));
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].severity, DIAG_WARNING);
	assert_int_equal(diags.v[0].line, 2);
	assert_non_null(strstr(diags.v[0].message, "unknown key 'programmes' in the progress file"));
	out = progress_format(&pr, &out_len);
	assert_string_equal(out, "version: 1\nprogrammes:\n  P4-A: {}\n");
	diag_free(&diags);
	progress_free(&pr);
	free(out);
	free(text);
}

/* Ids are the same whatever their case: one program, found by either
 * spelling, the first spelling kept; hours of both spellings added. */
static void test_ids_without_case(void **state)
{
	(void)state;
	const char *text = "version: 1\nchoices:\n  P4: P4-A\nprograms:\n"
			   "  P4-A:\n    hours:\n      2026-11-23: 1\n"
			   "  p4-a:\n    hours:\n      2026-11-23: 2\n      2026-11-24: 1\n";
	struct progress pr;
	struct diag_list diags = {0};
	assert_true(progress_parse(text, strlen(text), "case.yaml", &pr, &diags));
	assert_int_equal(pr.n_programs, 1);
	assert_string_equal(pr.programs[0].id, "P4-A");
	assert_ptr_equal(progress_find(&pr, "p4-A"), &pr.programs[0]);
	assert_true(progress_hours_total(&pr.programs[0]) == 4);
	assert_string_equal(progress_choice(&pr, "p4"), "P4-A");
	progress_choose(&pr, "p4", "P4-B");
	assert_int_equal(pr.n_choices, 1);
	assert_string_equal(pr.choices[0].group, "P4");
	assert_ptr_equal(progress_get(&pr, "p4-a"), &pr.programs[0]);
	assert_int_equal(pr.n_programs, 1);
	progress_free(&pr);

	/* the two spellings' hours of a day still make at most a day: more
	 * could not be saved, so the file is refused as read */
	text = "version: 1\nprograms:\n  P4-A:\n    hours:\n      2026-11-23: 20\n"
	       "  p4-a:\n    hours:\n      2026-11-23: 10\n";
	assert_false(progress_parse(text, strlen(text), "case.yaml", &pr, &diags));
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].line, 6);
	assert_non_null(strstr(diags.v[0].message, "30 h on 2026-11-23 with its other spelling"));
	diag_free(&diags);
}

struct bad_case {
	const char *file;
	int line;
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{ "not-yaml.yaml", 3, "not valid YAML" },
	{ "newer.yaml", 1, "written by a newer cursus (format 2; this one knows 1)" },
	{ "no-version.yaml", 1, "the progress file has no 'version'" },
	{ "too-many-hours.yaml", 5, "hours '25' is not a number of hours above 0 and at most 24" },
	{ "negative-hours.yaml", 5, "hours '-1' is not a number" },
	{ "bad-date.yaml", 4, "start '2026-02-30' is not a date: that day does not exist" },
	{ "bad-path.yaml", 5, "a tick needs a 'path' such as 1.2.1" },
	{ "tick-no-date.yaml", 5, "tick '1.2' has no date" },
	{ "duplicate-key.yaml", 4, "duplicate key 'P4' in choices (first on line 3)" },
	{ "alias.yaml", 2, "YAML anchors and aliases are not allowed" },
	{ "second-document.yaml", 3, "a second YAML document starts here" },
	{ "after-end.yaml", 4, "text after the end of the document" },
	{ "conflict-markers.yaml", 4, "a git conflict marker (<<<<<<<)" },
	{ "hex-hours.yaml", 5, "hours '0x10' is not a number of hours" },
	{ "exponent-hours.yaml", 5, "hours '1e1' is not a number of hours" },
	{ "newer-dotted.yaml", 1, "written by a newer cursus (format 3; this one knows 1)" },
	{ "wrong-kind.yaml", 3, "choices must be a mapping" },
	{ "bad-pace.yaml", 4, "pace 'fast' is not a number" },
	{ "not-utf8.yaml", 3, "not UTF-8 text (byte offset 23)" },
};

static void test_bad_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		char name[64];
		snprintf(name, sizeof name, "progress/%s", c->file);
		char *path = fixture_path(name);
		struct progress pr;
		struct diag_list diags = {0};
		if (progress_file_load(path, &pr, &diags))
			fail_msg("%s loaded", c->file);
		bool found = false;
		for (size_t k = 0; k < diags.n; k++)
			found |= diags.v[k].line == c->line && strstr(diags.v[k].message, c->message) &&
				 strcmp(diags.v[k].file, path) == 0;
		if (!found) {
			diag_print(&diags, stderr, DIAG_WARNING);
			fail_msg("%s: expected line %d: %s", c->file, c->line, c->message);
		}
		diag_free(&diags);
		free(path);
	}
}

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/cursus-progress-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return strdup(tmpl);
}

/* Saving creates the directories 0700 and the file 0600 whatever the
 * umask, keeps a backup, and a missing file reads as no progress. */
static void test_save_permissions_and_backup(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char *path = NULL;
	assert_true(asprintf(&path, "%s/deep/er/progress.yaml", dir) > 0);
	mode_t old = umask(0);
	struct progress pr;
	struct diag_list diags = {0};
	assert_true(progress_file_load(path, &pr, &diags)); /* missing: empty */
	assert_int_equal(pr.n_choices, 0);
	progress_choose(&pr, "P4", "P4-A");
	assert_true(progress_file_save(path, &pr, &diags));
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *deep = NULL;
	assert_true(asprintf(&deep, "%s/deep/er", dir) > 0);
	assert_int_equal(stat(deep, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	progress_choose(&pr, "P4", "P4-B");
	assert_true(progress_file_save(path, &pr, &diags));
	umask(old);
	char *bak = NULL;
	assert_true(asprintf(&bak, "%s/deep/er/.progress.yaml.cursus-bak", dir) > 0);
	struct progress before, after;
	assert_true(progress_file_load(bak, &before, &diags));
	assert_true(progress_file_load(path, &after, &diags));
	assert_string_equal(progress_choice(&before, "P4"), "P4-A");
	assert_string_equal(progress_choice(&after, "P4"), "P4-B");
	assert_int_equal(diags.n, 0);
	progress_free(&pr);
	progress_free(&before);
	progress_free(&after);
	char *cmd = NULL;
	assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(bak);
	free(deep);
	free(path);
	free(dir);
}

/* A progress file kept as a symbolic link stays a link. */
static void test_save_through_symlink(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char *real = NULL, *link_path = NULL;
	assert_true(asprintf(&real, "%s/real.yaml", dir) > 0);
	assert_true(asprintf(&link_path, "%s/progress.yaml", dir) > 0);
	assert_int_equal(symlink("real.yaml", link_path), 0);
	struct progress pr = { .version = 1 };
	struct diag_list diags = {0};
	progress_choose(&pr, "P4", "P4-A");
	assert_true(progress_file_save(link_path, &pr, &diags));
	struct stat st;
	assert_int_equal(lstat(link_path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(real, &st), 0);
	assert_true(st.st_size > 0);
	progress_free(&pr);
	unlink(link_path);
	unlink(real);
	char *bak = NULL;
	assert_true(asprintf(&bak, "%s/.real.yaml.cursus-lock", dir) > 0);
	unlink(bak);
	rmdir(dir);
	free(bak);
	free(real);
	free(link_path);
	free(dir);
}

/* A state path whose parent is a file: a clear error, nothing written. */
static void test_save_errors(void **state)
{
	(void)state;
	struct progress pr = { .version = 1 };
	struct diag_list diags = {0};
	assert_false(progress_file_save("/etc/passwd/progress.yaml", &pr, &diags));
	assert_true(diag_count(&diags, DIAG_ERROR) >= 1);
	assert_non_null(strstr(diags.v[0].message, "not a directory"));
	diag_free(&diags);
	assert_int_equal(progress_file_lock("/etc/passwd/progress.yaml", &diags), -1);
	diag_free(&diags);
}

/* Reading: a missing file is an empty progress; a directory or an oversized
 * file is an error naming the file; a large file is read whole. */
static void test_load_errors(void **state)
{
	(void)state;
	char dir[] = "/tmp/cursus-progress-read.XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct progress pr;
	struct diag_list diags = {0};
	char *missing = xasprintf("%s/none.yaml", dir);
	assert_true(progress_file_load(missing, &pr, &diags));
	assert_int_equal(diags.n, 0);
	assert_int_equal(pr.n_choices, 0);
	progress_free(&pr);

	assert_false(progress_file_load(dir, &pr, &diags));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	assert_string_equal(diags.v[0].file, dir);
	assert_non_null(strstr(diags.v[0].message, "is a directory, not a progress file"));
	diag_free(&diags);

	char *big = xasprintf("%s/big.yaml", dir);
	FILE *f = fopen(big, "w");
	assert_non_null(f);
	assert_int_equal(ftruncate(fileno(f), PROGRESS_FILE_MAX_BYTES + 1), 0);
	fclose(f);
	assert_false(progress_file_load(big, &pr, &diags));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	assert_string_equal(diags.v[0].message, "too large for a progress file");
	diag_free(&diags);

	/* 300 KB of valid progress: 5,000 days of hours, all read. */
	f = fopen(big, "w");
	assert_non_null(f);
	fputs("version: 1\nprograms:\n  P4-A:\n    hours:\n", f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "      %04d-%02d-%02d: 1.5  # a comment to make the line long\n",
			2000 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
	fclose(f);
	assert_true(progress_file_load(big, &pr, &diags));
	assert_int_equal(diags.n, 0);
	assert_int_equal(progress_find(&pr, "P4-A")->n_hours, 5000);
	progress_free(&pr);

	unlink(big);
	rmdir(dir);
	free(big);
	free(missing);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_good_file),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_logged_hours_round_trip),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_unknown_keys_kept),
		cmocka_unit_test(test_ids_without_case),
		cmocka_unit_test(test_save_permissions_and_backup),
		cmocka_unit_test(test_save_through_symlink),
		cmocka_unit_test(test_save_errors),
		cmocka_unit_test(test_load_errors),
	};
	return RUN_TESTS(tests);
}
