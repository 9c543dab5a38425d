/* progress_merge: each kind of fact changed on one side, on both sides
 * the same way and on both sides differently; and the listing of sync
 * tools' conflict copies. Progress is written as one-line flow YAML. */
#include "config.h"
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conflict_copies.h"
#include "progress_file.h"
#include "progress_merge.h"
#include "xalloc.h"

#define E "{version: 1}"
#define V(x) "{version: 1, " x "}"
#define P(x) V("programs: {P4-A: {" x "}}")
#define TICK(path, date) "{path: \"" path "\", date: " date "}"
#define T11 TICK("1.1", "2026-01-05")
#define T12 TICK("1.2", "2026-01-06")
#define CHOICE(id) "current: P4, choices: {P4: " id "}"

struct merge_case {
	const char *name;
	const char *base; /* NULL: the two-file form */
	const char *cur, *other, *want;
	size_t conflicts;
	const char *says; /* the first conflict's message */
};

static const struct merge_case cases[] = {
	/* ticks */
	{ "tick made on the other side", E, E, P("ticks: [" T11 "]"), P("ticks: [" T11 "]"), 0, NULL },
	{ "tick made on this side", E, P("ticks: [" T11 "]"), E, P("ticks: [" T11 "]"), 0, NULL },
	{ "ticks made on both sides", E, P("ticks: [" T11 "]"), P("ticks: [" T12 "]"),
	  P("ticks: [" T11 ", " T12 "]"), 0, NULL },
	{ "same tick on both sides keeps the earlier date", E,
	  P("ticks: [" TICK("1.1", "2026-01-07") "]"), P("ticks: [" T11 "]"),
	  P("ticks: [" T11 "]"), 0, NULL },
	{ "tick removed on the other side", P("ticks: [" T11 "]"), P("ticks: [" T11 "]"), E, E, 0, NULL },
	{ "tick removed on this side stays removed", P("ticks: [" T11 "]"), E,
	  P("ticks: [" T11 ", " T12 "]"), P("ticks: [" T12 "]"), 0, NULL },
	{ "tick's date changed on one side", P("ticks: [" T11 "]"), P("ticks: [" T11 "]"),
	  P("ticks: [" TICK("1.1", "2026-01-09") "]"), P("ticks: [" TICK("1.1", "2026-01-09") "]"), 0, NULL },
	/* hours */
	{ "hours on different days", E, P("hours: {2026-01-05: 2}"), P("hours: {2026-01-06: 3}"),
	  P("hours: {2026-01-05: 2, 2026-01-06: 3}"), 0, NULL },
	{ "hours on the same day add up", P("hours: {2026-01-05: 1}"),
	  P("hours: {2026-01-05: 3}"), P("hours: {2026-01-05: 2.5}"), P("hours: {2026-01-05: 4.5}"), 0, NULL },
	{ "a new day on both sides adds up", E, P("hours: {2026-01-05: 2}"),
	  P("hours: {2026-01-05: 1.5}"), P("hours: {2026-01-05: 3.5}"), 0, NULL },
	{ "a day removed on one side", P("hours: {2026-01-05: 2, 2026-01-06: 1}"),
	  P("hours: {2026-01-05: 2, 2026-01-06: 1}"), P("hours: {2026-01-06: 1}"),
	  P("hours: {2026-01-06: 1}"), 0, NULL },
	{ "a day lowered on one side, raised on the other", P("hours: {2026-01-05: 3}"),
	  P("hours: {2026-01-05: 1}"), P("hours: {2026-01-05: 4}"), P("hours: {2026-01-05: 2}"), 0, NULL },
	{ "a day lowered by both to 0 or below is removed", P("hours: {2026-01-05: 3}"),
	  P("hours: {2026-01-05: 1}"), P("hours: {2026-01-05: 0.5}"), E, 0, NULL },
	{ "20 min on each side make 40 min, exactly", P("hours: {2026-01-05: 0.3333}"),
	  P("hours: {2026-01-05: 0.6667}"), P("hours: {2026-01-05: 0.6667}"),
	  P("hours: {2026-01-05: 1}"), 0, NULL },
	{ "a minute's hours and hundredths add up", E, P("hours: {2026-01-05: 0.0167}"),
	  P("hours: {2026-01-05: 0.01}"), P("hours: {2026-01-05: 0.0267}"), 0, NULL },
	{ "more than 24 h in a day is a conflict", E, P("hours: {2026-01-05: 20}"),
	  P("hours: {2026-01-05: 6}"), P("hours: {2026-01-05: 20}"), 1,
	  "P4-A hours on 2026-01-05: kept 20, the two sides together make 26, more than 24 in a day" },
	/* choices and current */
	{ "choice made on the other side", E, E, V(CHOICE("P4-A")), V(CHOICE("P4-A")), 0, NULL },
	{ "same choice on both sides", E, V(CHOICE("P4-A")), V(CHOICE("P4-A")), V(CHOICE("P4-A")), 0, NULL },
	{ "same choice in another case keeps this spelling", E, V(CHOICE("P4-A")),
	  V(CHOICE("p4-a")), V(CHOICE("P4-A")), 0, NULL },
	{ "choice changed on the other side", V(CHOICE("P4-A")), V(CHOICE("P4-A")),
	  V(CHOICE("P4-B")), V(CHOICE("P4-B")), 0, NULL },
	{ "choices made differently", E, V(CHOICE("P4-A")), V(CHOICE("P4-B")), V(CHOICE("P4-A")), 1,
	  "choice for P4: kept P4-A, the other side has P4-B" },
	{ "choices in two groups; current set differently", E, V(CHOICE("P4-A")),
	  V("current: P5, choices: {P5: P5-X}"), V("current: P4, choices: {P4: P4-A, P5: P5-X}"), 1,
	  "current: kept P4, the other side has P5" },
	/* a program's settings */
	{ "pace changed on the other side", P("pace: 5"), P("pace: 5"), P("pace: 6"), P("pace: 6"), 0, NULL },
	{ "pace back to the default on one side", P("pace: 5"), P("pace: 5"), E, E, 0, NULL },
	{ "same pace on both sides", P("pace: 5"), P("pace: 6"), P("pace: 6"), P("pace: 6"), 0, NULL },
	{ "pace changed differently", P("pace: 5"), P("pace: 6"), P("pace: 7"), P("pace: 6"), 1,
	  "P4-A pace: kept 6, the other side has 7" },
	{ "pace set differently from the default on both sides", E, P("pace: 6"), P("pace: 7"),
	  P("pace: 6"), 1, "P4-A pace: kept 6, the other side has 7" },
	{ "start changed on this side", P("start: 2026-01-05"), P("start: 2026-01-12"),
	  P("start: 2026-01-05"), P("start: 2026-01-12"), 0, NULL },
	{ "start changed differently", P("start: 2026-01-05"), P("start: 2026-01-12"),
	  P("start: 2026-01-19"), P("start: 2026-01-12"), 1,
	  "P4-A start: kept 2026-01-12, the other side has 2026-01-19" },
	{ "earned on the other side", E, E, P("earned: 2026-05-01"), P("earned: 2026-05-01"), 0, NULL },
	{ "earned undone on the other side", P("earned: 2026-05-01"), P("earned: 2026-05-01"), E, E, 0, NULL },
	{ "earned on different days", E, P("earned: 2026-05-01"), P("earned: 2026-05-02"),
	  P("earned: 2026-05-01"), 1, "P4-A earned: kept 2026-05-01, the other side has 2026-05-02" },
	{ "a conflict does not stop the rest", P("pace: 5"), P("pace: 6"),
	  P("pace: 7, ticks: [" T11 "], hours: {2026-01-05: 1}"),
	  P("pace: 6, ticks: [" T11 "], hours: {2026-01-05: 1}"), 1,
	  "P4-A pace: kept 6, the other side has 7" },
	/* two files, no base */
	{ "two files: ticks are the union", NULL, P("ticks: [" T11 "]"), P("ticks: [" T12 "]"),
	  P("ticks: [" T11 ", " T12 "]"), 0, NULL },
	{ "two files: a tick only here is kept", NULL, P("ticks: [" T11 "]"), E,
	  P("ticks: [" T11 "]"), 0, NULL },
	{ "two files: the same day takes the larger", NULL,
	  P("hours: {2026-01-05: 2, 2026-01-06: 1}"), P("hours: {2026-01-05: 3}"),
	  P("hours: {2026-01-05: 3, 2026-01-06: 1}"), 0, NULL },
	{ "recorded weeks of both sides are kept, the later re-plan stands", E,
	  P("replanned: 2026-02-02, weeks: {2026-01-05: {planned: 5, courses: {1: 5}}}"),
	  P("replanned: 2026-02-09, weeks: {2026-01-12: {planned: 5.3, courses: {1: 5.3}}}"),
	  P("replanned: 2026-02-09, weeks: {2026-01-05: {planned: 5, courses: {1: 5}}, "
	    "2026-01-12: {planned: 5.3, courses: {1: 5.3}}}"), 0, NULL },
	{ "two files: the same hours are not counted twice", NULL, P("hours: {2026-01-05: 2}"),
	  P("hours: {2026-01-05: 2}"), P("hours: {2026-01-05: 2}"), 0, NULL },
	{ "two files: a setting on one side only is taken", NULL, E,
	  V(CHOICE("P4-A") ", programs: {P4-A: {pace: 6}}"),
	  V(CHOICE("P4-A") ", programs: {P4-A: {pace: 6}}"), 0, NULL },
	{ "two files: differing settings are conflicts", NULL, P("pace: 5"), P("pace: 6"),
	  P("pace: 5"), 1, "P4-A pace: kept 5, the other side has 6" },
};

static void parse(const char *text, const char *what, struct progress *pr)
{
	struct diag_list diags = {0};
	if (!progress_parse(text, strlen(text), what, pr, &diags)) {
		diag_print(&diags, stderr, DIAG_WARNING);
		fail_msg("%s does not parse: %s", what, text);
	}
	diag_free(&diags);
}

static char *format(const struct progress *pr)
{
	size_t len;
	char *text = progress_format(pr, &len);
	assert_non_null(text);
	return text;
}

/* Merges the two files without a base; the merged hours of 2026-01-05,
 * the notes in notes. */
static double merge_two_files(const char *cur_text, const char *other_text,
			      struct diag_list *notes)
{
	struct progress cur, other;
	parse(cur_text, "current", &cur);
	parse(other_text, "other", &other);
	assert_true(progress_merge(&cur, NULL, &other, notes));
	double hours = progress_hours_on(progress_find(&cur, "P4-A"), (struct date){ 2026, 1, 5 });
	progress_free(&cur);
	progress_free(&other);
	return hours;
}

/* Without a base, a day the two files disagree on keeps the larger and is
 * named for the learner to check; it is not a conflict. */
static void test_two_file_day_note(void **state)
{
	(void)state;
	struct diag_list notes = {0};
	assert_true(merge_two_files(P("hours: {2026-01-05: 2, 2026-01-06: 1}"),
				    P("hours: {2026-01-05: 3, 2026-01-06: 1}"), &notes) == 3);
	assert_int_equal(notes.n, 1);
	assert_int_equal(notes.v[0].severity, DIAG_WARNING);
	assert_non_null(strstr(notes.v[0].message, "P4-A hours on 2026-01-05: kept 3, the other "
					     "file has 2"));
	diag_free(&notes);

	/* days apart by less than they show (20 min, 0.33 h) are not named:
	 * the larger is kept */
	assert_true(merge_two_files(P("hours: {2026-01-05: 0.33}"),
				    P("hours: {2026-01-05: 0.3333}"), &notes) == 1.0 / 3);
	assert_int_equal(notes.n, 0);

	/* and a note's hours are said as they are shown */
	assert_true(merge_two_files(P("hours: {2026-01-05: 0.5}"),
				    P("hours: {2026-01-05: 0.3333}"), &notes) == 0.5);
	assert_int_equal(notes.n, 1);
	assert_non_null(strstr(notes.v[0].message, "kept 0.5, the other file has 0.33 "));
	diag_free(&notes);
}

/* The merge of one case, checked against what parsing the wanted text and
 * formatting it gives. */
static void check_case(const struct merge_case *c)
{
	struct progress base = {0}, cur, other, want;
	if (c->base)
		parse(c->base, "base", &base);
	parse(c->cur, "current", &cur);
	parse(c->other, "other", &other);
	parse(c->want, "want", &want);
	struct diag_list conflicts = {0};
	bool clean = progress_merge(&cur, c->base ? &base : NULL, &other, &conflicts);
	char *got = format(&cur), *expected = format(&want);
	if (strcmp(got, expected) != 0)
		fail_msg("%s:\n--- got\n%s--- want\n%s", c->name, got, expected);
	size_t n_conflicts = diag_count(&conflicts, DIAG_ERROR);
	if (n_conflicts != c->conflicts || clean != (c->conflicts == 0))
		fail_msg("%s: %zu conflicts (clean: %d), want %zu", c->name, n_conflicts,
			 clean, c->conflicts);
	if (c->says && strcmp(conflicts.v[0].message, c->says) != 0)
		fail_msg("%s: says '%s', want '%s'", c->name, conflicts.v[0].message, c->says);
	free(got);
	free(expected);
	diag_free(&conflicts);
	progress_free(&base);
	progress_free(&cur);
	progress_free(&other);
	progress_free(&want);
}

static void test_merge_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

/* The base and the other side are read, never changed. */
static void test_merge_leaves_inputs(void **state)
{
	(void)state;
	struct progress base, cur, other;
	parse(P("pace: 5, hours: {2026-01-05: 1}"), "base", &base);
	parse(P("pace: 6, hours: {2026-01-05: 3}"), "current", &cur);
	parse(P("pace: 7, ticks: [" T11 "], hours: {2026-01-05: 2}"), "other", &other);
	char *base_before = format(&base), *other_before = format(&other);
	struct diag_list conflicts = {0};
	assert_false(progress_merge(&cur, &base, &other, &conflicts));
	char *base_after = format(&base), *other_after = format(&other);
	assert_string_equal(base_after, base_before);
	assert_string_equal(other_after, other_before);
	assert_true(progress_hours_on(progress_find(&cur, "P4-A"),
				      (struct date){ 2026, 1, 5 }) == 4);
	free(base_before);
	free(other_before);
	free(base_after);
	free(other_after);
	diag_free(&conflicts);
	progress_free(&base);
	progress_free(&cur);
	progress_free(&other);
}

/* ---- conflict copies ---- */

static void touch(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	close(fd);
	free(path);
}

static const char *const copies[] = {
	"progress (Jane's conflicted copy 2026-01-05).yaml",
	"progress (conflicted copy 2026-01-06).yaml",
	"progress.sync-conflict-20260105-101112-ABCDEF1.yaml",
};

static const char *const not_copies[] = {
	"progress.yaml", "progress.yaml.bak", "progress.yaml.lock",
	".progress.yaml.cursus-tmp-a1b2c3", "progress (copy).yaml",
	"progress.sync-conflict-2026-01-05.yaml",
	"progress.sync-conflict-20260105-101112-ABCDEF1.yml",
	"other.sync-conflict-20260105-101112-ABCDEF1.yaml",
	"other (conflicted copy 2026-01-05).yaml",
	"progress (conflicted copy 2026-01-05).yaml.bak",
};

static void test_conflict_copies(void **state)
{
	(void)state;
	char dir[] = "/tmp/cursus-copies.XXXXXX";
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++)
		touch(dir, copies[i]);
	for (size_t i = 0; i < sizeof not_copies / sizeof not_copies[0]; i++)
		touch(dir, not_copies[i]);
	char *state_path = xasprintf("%s/progress.yaml", dir);
	char **paths;
	size_t n = progress_conflict_copies(state_path, &paths);
	assert_int_equal(n, sizeof copies / sizeof copies[0]);
	for (size_t i = 0; i < n; i++) {
		char *want = xasprintf("%s/%s", dir, copies[i]);
		assert_string_equal(paths[i], want);
		free(want);
	}
	progress_conflict_copies_free(paths, n);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(state_path);
}

static void test_conflict_copies_no_dir(void **state)
{
	(void)state;
	char **paths = (char **)&paths;
	assert_int_equal(progress_conflict_copies("/nonexistent/cursus/progress.yaml", &paths), 0);
	assert_null(paths);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_cases),
		cmocka_unit_test(test_two_file_day_note),
		cmocka_unit_test(test_merge_leaves_inputs),
		cmocka_unit_test(test_conflict_copies),
		cmocka_unit_test(test_conflict_copies_no_dir),
	};
	return RUN_TESTS(tests);
}
