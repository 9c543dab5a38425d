#include "config.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "human_format.h"
#include "outline.h"
#include "plan.h"
#include "progress.h"
#include "spec.h"
#include "utf8.h"

#ifndef SHIPPED_SPECS_DIR
#error "SHIPPED_SPECS_DIR must point at data/specs"
#endif

#define PYTHON "/usr/bin/python3"

/* A Tuesday: the plan starts on Monday 2026-11-23. */
static const struct date today = { 2026, 11, 24 };

struct planned {
	struct program *p;
	struct diag_list diags;
	struct outline outline;
	struct plan plan;
};

/* Chosen on Monday 2026-11-23: whole weeks. */
static void build_plan(struct planned *f)
{
	char *err = NULL;
	outline_build(&f->outline, f->p);
	struct program_progress pp = { .has_start = true, .start = { 2026, 11, 23 } };
	if (!plan_build(&f->plan, f->p, &f->outline, &pp, NULL, today, &err))
		fail_msg("plan_build: %s", err);
}

static int setup_p4a(void **state)
{
	struct planned *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->p = spec_load(SHIPPED_SPECS_DIR "/P4-A.md", &f->diags);
	if (!f->p) {
		diag_print(&f->diags, stderr, DIAG_WARNING);
		fail_msg("P4-A.md did not load");
	}
	build_plan(f);
	*state = f;
	return 0;
}

static int teardown_planned(void **state)
{
	struct planned *f = *state;
	plan_free(&f->plan);
	outline_free(&f->outline);
	spec_free(f->p);
	diag_free(&f->diags);
	free(f);
	return 0;
}

/* A program made by hand, with the characters each format must escape. */
static char odd_id[] = "T-1";
static char odd_title[] = "Rock, Paper; Scissors\\Lizard\nSpock";
static char odd_course1[] = "Say \"hi\", then; go\\back | forth";
static char odd_course2[] = "Two\nlines";

static struct course odd_courses[] = {
	{ .number = 1, .title = odd_course1, .hours = 6 },
	{ .number = 2, .title = odd_course2, .hours = 4 },
};

static struct program odd_program = {
	.id = odd_id,
	.title = odd_title,
	.effort = { .hours = 10, .hours_per_week = 5, .known = EFFORT_HOURS | EFFORT_PACE },
	.courses = odd_courses,
	.n_courses = 2,
	.body_loaded = true,
};

static int setup_odd(void **state)
{
	struct planned *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->p = &odd_program;
	build_plan(f);
	*state = f;
	return 0;
}

static int teardown_odd(void **state)
{
	struct planned *f = *state;
	/* f->p is static: nothing to free */
	plan_free(&f->plan);
	outline_free(&f->outline);
	free(f);
	return 0;
}

/* ---- helpers ---- */

static void assert_starts_with(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("expected to start with:\n%s\ngot:\n%.*s", prefix,
			 (int)strlen(prefix), s);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *s = hay; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		n++;
	return n;
}

/* Every line ends in CRLF (no bare CR or LF anywhere) and, when max is
 * not 0, has at most max octets before it. Returns the number of lines. */
static size_t assert_crlf_lines(const char *doc, size_t len, size_t max)
{
	size_t lines = 0, start = 0;
	assert_true(len >= 2 && doc[len - 2] == '\r' && doc[len - 1] == '\n');
	for (size_t i = 0; i < len; i++) {
		if (doc[i] == '\r' && (i + 1 >= len || doc[i + 1] != '\n'))
			fail_msg("bare CR at offset %zu", i);
		if (doc[i] != '\n')
			continue;
		if (i == 0 || doc[i - 1] != '\r')
			fail_msg("bare LF at offset %zu", i);
		if (max && i - 1 - start > max)
			fail_msg("line %zu has %zu octets: %.*s", lines + 1, i - 1 - start,
				 (int)(i - 1 - start), doc + start);
		lines++;
		start = i + 1;
	}
	return lines;
}

/* Checks the folding of each physical line of an iCalendar document: it is
 * valid UTF-8 on its own (a fold never splits a sequence), a continuation
 * starts with a space and follows a line that really was full, and any
 * other line starts with a property name. */
static void assert_folding(const char *doc)
{
	size_t prev_len = 0;
	for (const char *line = doc; *line;) {
		const char *eol = strstr(line, "\r\n");
		assert_non_null(eol);
		size_t n = (size_t)(eol - line), bad;
		if (!utf8_validate(line, n, &bad))
			fail_msg("line '%.*s' is not valid UTF-8 at %zu", (int)n, line, bad);
		if (line[0] == ' ') {
			/* the fold point can back off at most 3 bytes from 75 */
			if (prev_len < 72)
				fail_msg("needless fold after %zu octets", prev_len);
		} else {
			size_t name = strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-");
			if (name == 0 || (line[name] != ':' && line[name] != ';'))
				fail_msg("line '%.*s' is neither a property nor a continuation",
					 (int)n, line);
		}
		prev_len = n;
		line = eol + 2;
	}
}

/* The document with every fold (CRLF and one space) taken out. */
static char *unfold(const char *doc)
{
	size_t n = strlen(doc), j = 0;
	char *out = malloc(n + 1);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		if (doc[i] == '\r' && doc[i + 1] == '\n' && doc[i + 2] == ' ') {
			i += 2;
			continue;
		}
		out[j++] = doc[i];
	}
	out[j] = '\0';
	return out;
}

/* The value of property name in the event whose UID is uid, malloc'd. */
static char *event_prop(const char *ics, const char *uid, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "\r\nUID:%s\r\n", uid);
	const char *ev = strstr(ics, key);
	if (!ev)
		fail_msg("no event %s", uid);
	const char *end = strstr(ev, "\r\nEND:VEVENT\r\n");
	snprintf(key, sizeof key, "\r\n%s", name);
	const char *at = strstr(ev, key);
	if (!at || at > end)
		fail_msg("event %s has no %s", uid, name);
	at += strlen(key);
	const char *eol = strstr(at, "\r\n");
	char *v = malloc((size_t)(eol - at) + 1);
	assert_non_null(v);
	memcpy(v, at, (size_t)(eol - at));
	v[eol - at] = '\0';
	return v;
}

static void assert_prop(const char *ics, const char *uid, const char *name,
			const char *expected)
{
	char *v = event_prop(ics, uid, name);
	assert_string_equal(v, expected);
	free(v);
}

/* Fields of a CSV record starting at *s (RFC 4180 quoting); moves *s past
 * the record's CRLF. */
static size_t csv_record_fields(const char **s)
{
	size_t fields = 1;
	bool quoted = false;
	const char *p = *s;
	for (; *p; p++) {
		if (*p == '"')
			quoted = !quoted; /* "" toggles twice */
		else if (!quoted && *p == ',')
			fields++;
		else if (!quoted && *p == '\r' && p[1] == '\n')
			break;
	}
	assert_false(quoted);
	*s = *p ? p + 2 : p;
	return fields;
}

/* Lines of a Markdown table other than its header and delimiter rows. */
static size_t md_table_rows(const char *md)
{
	size_t rows = 0;
	for (const char *line = md; *line;) {
		if (strncmp(line, "| ", 2) == 0 && strncmp(line, "| Week ", 7) != 0 &&
		    strncmp(line, "| ---", 5) != 0)
			rows++;
		const char *eol = strchr(line, '\n');
		if (!eol)
			break;
		line = eol + 1;
	}
	return rows;
}

/* ---- the format names ---- */

static void test_export_format_parse(void **state)
{
	(void)state;
	enum export_format f = EXPORT_CSV;
	assert_true(export_format_parse("ics", &f));
	assert_int_equal(f, EXPORT_ICS);
	assert_true(export_format_parse("CSV", &f));
	assert_int_equal(f, EXPORT_CSV);
	assert_true(export_format_parse("Md", &f));
	assert_int_equal(f, EXPORT_MD);
	f = EXPORT_ICS;
	assert_true(export_format_parse("MarkDown", &f));
	assert_int_equal(f, EXPORT_MD);
	static const char *const bad[] = { "", "ical", "ics ", "mdx", "m", "markdow",
		"pdf", NULL };
	for (const char *const *b = bad; *b; b++) {
		f = EXPORT_CSV;
		if (export_format_parse(*b, &f))
			fail_msg("'%s' was accepted", *b);
		assert_int_equal(f, EXPORT_CSV);
	}
}

/* ---- iCalendar ---- */

static void test_export_ics_p4a(void **state)
{
	struct planned *f = *state;
	assert_int_equal(f->plan.n_weeks, 18);
	size_t len;
	char *ics = export_plan(EXPORT_ICS, f->p, &f->plan, today, &len);
	assert_int_equal(strlen(ics), len);
	assert_crlf_lines(ics, len, 75);
	assert_folding(ics);
	assert_starts_with(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
			   "PRODID:-//cursus//cursus " PACKAGE_VERSION "//EN\r\n"
			   "CALSCALE:GREGORIAN\r\n");
	assert_int_equal(count(ics, "\r\nBEGIN:VEVENT\r\n"), 18);
	assert_int_equal(count(ics, "\r\nEND:VEVENT\r\n"), 18);
	assert_int_equal(count(ics, "\r\nTRANSP:TRANSPARENT\r\n"), 18);
	assert_non_null(strstr(ics, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));

	char *u = unfold(ics);
	size_t bad;
	assert_true(utf8_validate(u, strlen(u), &bad));
	assert_non_null(strstr(u, "\r\nX-WR-CALNAME:P4-A — AI Product Management "
				  "Specialization\r\n"));
	assert_prop(u, "cursus-P4-A-week-1@cursus", "DTSTAMP:", "20261124T000000Z");
	assert_prop(u, "cursus-P4-A-week-1@cursus", "DTSTART;VALUE=DATE:", "20261123");
	assert_prop(u, "cursus-P4-A-week-1@cursus", "DTEND;VALUE=DATE:", "20261130");
	assert_prop(u, "cursus-P4-A-week-18@cursus", "DTSTART;VALUE=DATE:", "20270322");
	assert_prop(u, "cursus-P4-A-week-18@cursus", "DTEND;VALUE=DATE:", "20270329");
	/* Week 6 ends course 1 (90 h * 16/51 = 28.2 h) and begins course 2. */
	assert_prop(u, "cursus-P4-A-week-6@cursus", "SUMMARY:",
		    "P4-A week 6: 5 h — Fondements de l'apprentissage automatique pour "
		    "les chefs de produit\\, Gérer les projets d'apprentissage automatique");
	assert_prop(u, "cursus-P4-A-week-6@cursus", "DESCRIPTION:",
		    "Planned: 5 h\\nLogged: 0 h\\n"
		    "Course 1: Fondements de l'apprentissage automatique pour les chefs "
		    "de produit — 3.2 h\\n"
		    "Course 2: Gérer les projets d'apprentissage automatique — 1.8 h");
	assert_prop(u, "cursus-P4-A-week-18@cursus", "SUMMARY:",
		    "P4-A week 18: 5 h — Facteurs humains dans l'IA");
	free(u);
	free(ics);
}

/* The same inputs give the same bytes: nothing depends on the clock. */
static void test_export_ics_reproducible(void **state)
{
	struct planned *f = *state;
	size_t a_len, b_len;
	char *a = export_plan(EXPORT_ICS, f->p, &f->plan, today, &a_len);
	char *b = export_plan(EXPORT_ICS, f->p, &f->plan, today, &b_len);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	free(a);
	free(b);
}

static void test_export_ics_escapes_text(void **state)
{
	struct planned *f = *state;
	assert_int_equal(f->plan.n_weeks, 2);
	size_t len;
	char *ics = export_plan(EXPORT_ICS, f->p, &f->plan, today, &len);
	assert_crlf_lines(ics, len, 75);
	assert_folding(ics);
	char *u = unfold(ics);
	assert_non_null(strstr(u, "\r\nX-WR-CALNAME:T-1 — Rock\\, Paper\\; "
				  "Scissors\\\\Lizard\\nSpock\r\n"));
	assert_prop(u, "cursus-T-1-week-2@cursus", "SUMMARY:",
		    "T-1 week 2: 5 h — Say \"hi\"\\, then\\; go\\\\back | forth\\, Two\\nlines");
	assert_prop(u, "cursus-T-1-week-2@cursus", "DESCRIPTION:",
		    "Planned: 5 h\\nLogged: 0 h\\n"
		    "Course 1: Say \"hi\"\\, then\\; go\\\\back | forth — 1 h\\n"
		    "Course 2: Two\\nlines — 4 h");
	free(u);
	free(ics);
}

/* A long title of accented letters and emoji, so that many fold points
 * fall inside a sequence and must move back to its start. */
static void test_export_ics_folds_utf8(void **state)
{
	(void)state;
	static char id[] = "U-1";
	static char title[400];
	static const char *const pieces[] = { "é", "🏛️", "à", "€", "x" };
	size_t used = 0;
	for (size_t i = 0; used + 8 < sizeof title; i++)
		used += (size_t)snprintf(title + used, sizeof title - used, "%s",
					 pieces[i % 5]);
	struct course course = { .number = 1, .title = title, .hours = 1 };
	struct program p = {
		.id = id,
		.title = title,
		.effort = { .hours = 5, .hours_per_week = 5, .known = EFFORT_HOURS | EFFORT_PACE },
		.courses = &course,
		.n_courses = 1,
	};
	struct planned f = { .p = &p };
	build_plan(&f);
	size_t len;
	char *ics = export_plan(EXPORT_ICS, &p, &f.plan, today, &len);
	assert_crlf_lines(ics, len, 75);
	assert_folding(ics);
	char *u = unfold(ics);
	char *summary = event_prop(u, "cursus-U-1-week-1@cursus", "SUMMARY:");
	assert_starts_with(summary, "U-1 week 1: 5 h — ");
	assert_string_equal(summary + strlen("U-1 week 1: 5 h — "), title);
	free(summary);
	free(u);
	free(ics);
	plan_free(&f.plan);
	outline_free(&f.outline);
}

/* ---- a second reader: python3-icalendar ---- */

static char *ics_check_script(void)
{
	const char *top = getenv("TOP_SRCDIR");
	const char *rel = "/tests/cli/ics_check.py";
	/* Without the test environment (a test run by hand), the source tree
	 * is two levels above the shipped specs. */
	const char *base = top && *top ? top : SHIPPED_SPECS_DIR "/../..";
	size_t n = strlen(base) + strlen(rel) + 1;
	char *path = malloc(n);
	assert_non_null(path);
	snprintf(path, n, "%s%s", base, rel);
	return path;
}

/* Writes doc to a temporary file and runs ics_check.py on it; fails on any
 * "not ok" it prints. Skips when there is no Python or script to run. */
static void run_ics_check(const char *doc, size_t len, int events)
{
	char *script = ics_check_script();
	if (access(PYTHON, X_OK) != 0 || access(script, R_OK) != 0 || strchr(script, '\'')) {
		free(script);
		skip();
	}
	const char *tmpdir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/cursus-export-XXXXXX.ics",
		 tmpdir && *tmpdir && !strchr(tmpdir, '\'') ? tmpdir : "/tmp");
	int fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	assert_true(write(fd, doc, len) == (ssize_t)len);
	assert_int_equal(close(fd), 0);

	char cmd[8192];
	snprintf(cmd, sizeof cmd, PYTHON " '%s' '%s' %d 2>&1", script, path, events);
	FILE *out = popen(cmd, "r");
	assert_non_null(out);
	char report[1 << 14];
	size_t n = fread(report, 1, sizeof report - 1, out);
	report[n] = '\0';
	int status = pclose(out);
	unlink(path);
	free(script);
	if (status != 0)
		fail_msg("ics_check.py failed (status %d):\n%s", status, report);
	if (strstr(report, "1..0 # SKIP"))
		skip();
	if (strstr(report, "not ok") || !strstr(report, "\n1.."))
		fail_msg("ics_check.py:\n%s", report);
}

static void test_export_ics_icalendar_reads_it(void **state)
{
	struct planned *f = *state;
	size_t len;
	char *ics = export_plan(EXPORT_ICS, f->p, &f->plan, today, &len);
	run_ics_check(ics, len, (int)f->plan.n_weeks);
	free(ics);
}

/* Escaped commas, semicolons, backslashes and newlines read back as they
 * were written. */
static void test_export_ics_icalendar_reads_escapes(void **state)
{
	struct planned *f = *state;
	size_t len;
	char *ics = export_plan(EXPORT_ICS, f->p, &f->plan, today, &len);
	run_ics_check(ics, len, (int)f->plan.n_weeks);
	free(ics);
}

/* ---- CSV ---- */

static void test_export_csv_p4a(void **state)
{
	struct planned *f = *state;
	size_t len;
	char *csv = export_plan(EXPORT_CSV, f->p, &f->plan, today, &len);
	assert_int_equal(strlen(csv), len);
	assert_int_equal(assert_crlf_lines(csv, len, 0), 19);
	const char *s = csv;
	for (int row = 0; row < 19; row++)
		assert_int_equal(csv_record_fields(&s), 7);
	assert_starts_with(csv, "week,start,end,month,planned_hours,logged_hours,courses\r\n"
			   "1,2026-11-23,2026-11-29,1,5,0,1: Fondements de l'apprentissage "
			   "automatique pour les chefs de produit (5 h)\r\n");
	assert_non_null(strstr(csv, "\r\n6,2026-12-28,2027-01-03,2,5,0,"
				    "1: Fondements de l'apprentissage automatique pour les chefs "
				    "de produit (3.2 h); 2: Gérer les projets d'apprentissage "
				    "automatique (1.8 h)\r\n"));
	assert_non_null(strstr(csv, "\r\n18,2027-03-22,2027-03-28,4,5,0,"
				    "3: Facteurs humains dans l'IA (5 h)\r\n"));
	free(csv);
}

static void test_export_csv_quotes(void **state)
{
	struct planned *f = *state;
	size_t len;
	char *csv = export_plan(EXPORT_CSV, f->p, &f->plan, today, &len);
	assert_string_equal(csv,
		"week,start,end,month,planned_hours,logged_hours,courses\r\n"
		"1,2026-11-23,2026-11-29,1,5,0,\"1: Say \"\"hi\"\", then; go\\back | forth (5 h)\"\r\n"
		"2,2026-11-30,2026-12-06,1,5,0,\"1: Say \"\"hi\"\", then; go\\back | forth (1 h); "
		"2: Two\nlines (4 h)\"\r\n");
	const char *s = csv;
	for (int row = 0; row < 3; row++)
		assert_int_equal(csv_record_fields(&s), 7);
	assert_int_equal(*s, '\0');
	free(csv);
}

/* ---- Markdown ---- */

static void test_export_md_p4a(void **state)
{
	struct planned *f = *state;
	size_t len;
	char *md = export_plan(EXPORT_MD, f->p, &f->plan, today, &len);
	assert_int_equal(strlen(md), len);
	assert_null(strchr(md, '\r'));
	assert_starts_with(md, "# AI Product Management Specialization\n\n"
			   "P4-A · Duke University\n\n");
	assert_non_null(strstr(md, "**Effort:** 90 h · **Pace:** 5 h/week · **Start:** 2026-11-23"
				   " · **End:** 2027-03-28 (18 weeks)\n"));
	assert_non_null(strstr(md, "\n| Week | Dates | Month | Planned | Logged | Courses |\n"));
	assert_int_equal(md_table_rows(md), 18);
	assert_int_equal(count(md, "▶ "), 2); /* the row and the legend */
	assert_non_null(strstr(md, "\n| ▶ 1 | 2026-11-23 – 2026-11-29 | Nov | 5 h | 0 h | "
				   "1: Fondements de l'apprentissage automatique pour les chefs "
				   "de produit (5 h) |\n"));
	assert_non_null(strstr(md, "\n| 18 | 2027-03-22 – 2027-03-28 | Mar | 5 h | - | "
				   "3: Facteurs humains dans l'IA (5 h) |\n"));
	free(md);
}

static void test_export_md_escapes_cells(void **state)
{
	struct planned *f = *state;
	char *md = export_plan(EXPORT_MD, f->p, &f->plan, today, NULL);
	assert_starts_with(md, "# Rock, Paper; Scissors\\\\Lizard Spock\n\nT-1\n\n");
	assert_int_equal(md_table_rows(md), 2);
	assert_non_null(strstr(md, "\n| 2 | 2026-11-30 – 2026-12-06 | Dec | 5 h | - | "
				   "1: Say \"hi\", then; go\\\\back \\| forth (1 h); "
				   "2: Two lines (4 h) |\n"));
	free(md);
}

/* ---- with hours logged ---- */

/* Two weeks into P4-A with 5 h logged, on Wednesday of week 3: the hours
 * show in each format, and the rest is spread over the weeks left. */
static void test_export_logged_hours(void **state)
{
	struct planned *f = *state;
	struct progress pr = {0};
	struct program_progress *pp = progress_get(&pr, "P4-A");
	pp->has_start = true;
	pp->start = (struct date){ 2026, 11, 23 };
	progress_hours_set(pp, (struct date){ 2026, 11, 24 }, 3);
	progress_hours_set(pp, (struct date){ 2026, 12, 1 }, 2);
	struct plan pl;
	char *err = NULL;
	assert_true(plan_build(&pl, f->p, &f->outline, pp, NULL, (struct date){ 2026, 12, 9 },
			       &err));

	char *csv = export_plan(EXPORT_CSV, f->p, &pl, today, NULL);
	assert_non_null(strstr(csv, "\r\n1,2026-11-23,2026-11-29,1,5,3,"));
	/* nothing ticked: each week planned when it began, from the work left
	 * then (the hours studied count in the module in progress) */
	assert_non_null(strstr(csv, "\r\n2,2026-11-30,2026-12-06,1,5.1,2,"));
	assert_non_null(strstr(csv, "\r\n3,2026-12-07,2026-12-13,1,5.3,0,"));
	free(csv);

	char *ics = export_plan(EXPORT_ICS, f->p, &pl, today, NULL);
	char *u = unfold(ics);
	char *desc = event_prop(u, "cursus-P4-A-week-2@cursus", "DESCRIPTION:");
	assert_starts_with(desc, "Planned: 5.1 h\\nLogged: 2 h\\nCourse 1: ");
	free(desc);
	free(u);
	free(ics);

	char *md = export_plan(EXPORT_MD, f->p, &pl, today, NULL);
	assert_non_null(strstr(md, "\n| ▶ 3 | 2026-12-07 – 2026-12-13 | Dec | 5.3 h | 0 h | "));
	/* how far behind is plan.c's business; what the page says is ours */
	struct verdict work = plan_work_verdict(&pl), hours = plan_hours_verdict(&pl);
	assert_int_equal(work.kind, VERDICT_BEHIND);
	assert_int_equal(hours.kind, VERDICT_BEHIND);
	char w[32], h[32], footer[200];
	human_hours_unit(work.hours, w, sizeof w);
	human_hours_unit(hours.hours, h, sizeof h);
	snprintf(footer, sizeof footer, "\nDone 0%% of the work (0 h of 90 h): behind by %s. "
		 "Studied 5 h: behind by %s. ▶ marks the current week.\n", w, h);
	assert_non_null(strstr(md, footer));
	free(md);
	plan_free(&pl);
	progress_free(&pr);
}

/* The plan of the shipped P4-A, or of the hand-made program. */
#define P4A(test) cmocka_unit_test_setup_teardown(test, setup_p4a, teardown_planned)
#define ODD(test) cmocka_unit_test_setup_teardown(test, setup_odd, teardown_odd)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_format_parse),
		P4A(test_export_ics_p4a),
		P4A(test_export_ics_reproducible),
		ODD(test_export_ics_escapes_text),
		cmocka_unit_test(test_export_ics_folds_utf8),
		P4A(test_export_ics_icalendar_reads_it),
		ODD(test_export_ics_icalendar_reads_escapes),
		P4A(test_export_csv_p4a),
		ODD(test_export_csv_quotes),
		P4A(test_export_md_p4a),
		ODD(test_export_md_escapes_cells),
		P4A(test_export_logged_hours),
	};
	return RUN_TESTS(tests);
}
