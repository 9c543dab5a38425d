/* The body cache is only an accelerator: a body read through it is the
 * body the parser gives, warnings included; a changed, recent, damaged or
 * disabled entry is never used. */
#include "config.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "body_cache.h"
#include "fixture.h"
#include "spec.h"
#include "xalloc.h"

static char work[] = "/tmp/cursus-body-cache.XXXXXX";

static int make_work(void **state)
{
	(void)state;
	strcpy(work, "/tmp/cursus-body-cache.XXXXXX");
	if (!mkdtemp(work))
		return -1;
	char *cache = xasprintf("%s/cache", work);
	setenv("XDG_CACHE_HOME", cache, 1);
	unsetenv("CURSUS_CACHE");
	free(cache);
	return 0;
}

static int remove_work(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", work);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Copies a fixture into the work directory, dated an hour ago so that the
 * cache will keep it. */
static char *spec_copy(const char *from, const char *name)
{
	size_t len;
	char *text = fixture_read(from, &len);
	char *path = xasprintf("%s/%s", work, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(text);
	struct timeval past[2];
	gettimeofday(&past[0], NULL);
	past[0].tv_sec -= 3600;
	past[1] = past[0];
	assert_int_equal(utimes(path, past), 0);
	return path;
}

/* The one entry in the cache directory, or NULL when there is none. */
static char *cache_entry(void)
{
	char *cmd = xasprintf("ls %s/cache/cursus/body-* 2>/dev/null", work);
	FILE *ls = popen(cmd, "r");
	free(cmd);
	char line[4096] = "";
	bool found = ls && fgets(line, sizeof line, ls) != NULL;
	if (ls)
		pclose(ls);
	if (!found)
		return NULL;
	line[strcspn(line, "\n")] = '\0';
	return xstrdup(line);
}

/* Front matter, then the body through spec_load_body, as the planner and
 * the commands read a spec; the warnings rendered as text. */
static struct program *load_body(const char *path, char **warnings)
{
	struct diag_list d = {0};
	struct program *p = spec_load_front(path, &d);
	assert_non_null(p);
	diag_free(&d);
	assert_true(spec_load_body(p, &d));
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	diag_print(&d, out, DIAG_WARNING);
	fclose(out);
	diag_free(&d);
	*warnings = text;
	return p;
}

static void assert_same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_same_strv(const struct strv *a, const struct strv *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		assert_string_equal(a->v[i], b->v[i]);
}

static void assert_same_topics(const struct topic *a, const struct topic *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(a[i].title, b[i].title);
		assert_int_equal(a[i].line, b[i].line);
		assert_int_equal(a[i].n_children, b[i].n_children);
		assert_same_topics(a[i].children, b[i].children, a[i].n_children);
	}
}

static void assert_same_body(const struct program *a, const struct program *b)
{
	assert_same_str(a->title, b->title);
	assert_same_str(a->icon, b->icon);
	assert_same_str(a->heading, b->heading);
	assert_same_str(a->description, b->description);
	assert_int_equal(a->n_courses, b->n_courses);
	for (size_t i = 0; i < a->n_courses; i++) {
		const struct course *x = &a->courses[i], *y = &b->courses[i];
		assert_int_equal(x->number, y->number);
		assert_int_equal(x->stated_number, y->stated_number);
		assert_same_str(x->title, y->title);
		assert_same_str(x->icon, y->icon);
		assert_true(x->hours == y->hours);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->n_topics, y->n_topics);
		assert_same_topics(x->topics, y->topics, x->n_topics);
		assert_same_strv(&x->skills, &y->skills);
	}
	assert_same_strv(&a->objectives, &b->objectives);
	assert_same_strv(&a->skills, &b->skills);
	assert_same_strv(&a->instructor, &b->instructor);
	assert_same_strv(&a->format, &b->format);
	assert_true(a->certificate.rating == b->certificate.rating);
	assert_true(a->certificate.rating_scale == b->certificate.rating_scale);
	assert_int_equal(a->certificate.reviews, b->certificate.reviews);
	assert_int_equal(a->certificate.enrolled, b->certificate.enrolled);
	assert_same_strv(&a->certificate.lines, &b->certificate.lines);
	assert_same_strv(&a->choose_if, &b->choose_if);
	assert_same_strv(&a->watch_out, &b->watch_out);
	assert_int_equal(a->n_links, b->n_links);
	for (size_t i = 0; i < a->n_links; i++) {
		assert_same_str(a->links[i].title, b->links[i].title);
		assert_same_str(a->links[i].url, b->links[i].url);
	}
	assert_int_equal(a->n_sections, b->n_sections);
	for (size_t i = 0; i < a->n_sections; i++) {
		assert_string_equal(a->sections[i].title, b->sections[i].title);
		assert_string_equal(a->sections[i].text, b->sections[i].text);
		assert_int_equal(a->sections[i].line, b->sections[i].line);
	}
}

/* Parsed, then read back from the cache: the same body, the same warnings. */
static void check_round_trip(const char *fixture)
{
	char *path = spec_copy(fixture, "spec.md");
	setenv("CURSUS_CACHE", "off", 1);
	char *w_parsed, *w_cold, *w_warm;
	struct program *parsed = load_body(path, &w_parsed);
	assert_null(cache_entry());
	unsetenv("CURSUS_CACHE");
	struct program *cold = load_body(path, &w_cold);
	char *entry = cache_entry();
	assert_non_null(entry);
	struct program *warm = load_body(path, &w_warm);
	assert_same_body(parsed, cold);
	assert_same_body(parsed, warm);
	assert_string_equal(w_parsed, w_cold);
	assert_string_equal(w_parsed, w_warm);
	spec_free(parsed);
	spec_free(cold);
	spec_free(warm);
	free(w_parsed);
	free(w_cold);
	free(w_warm);
	assert_int_equal(unlink(entry), 0);
	free(entry);
	free(path);
}

static void test_body_cache_round_trip(void **state)
{
	(void)state;
	check_round_trip(SHIPPED_SPECS_DIR "/P4-A.md");
	check_round_trip(SHIPPED_SPECS_DIR "/P4-B.md");
	check_round_trip("ok/courses-edge.md");
	check_round_trip("ok/english.md");
	check_round_trip("ok/windows-1252.md");
}

/* The warnings come back from the cache, not only the body. */
static void test_body_cache_keeps_warnings(void **state)
{
	(void)state;
	char *path = spec_copy("ok/courses-edge.md", "edge.md");
	char *cold, *warm;
	spec_free(load_body(path, &cold));
	spec_free(load_body(path, &warm));
	assert_non_null(strstr(warm, "edge.md:15: warning: course hours '0h' ignored"));
	assert_non_null(strstr(warm, "course numbered 8 is course 7 in order"));
	assert_string_equal(cold, warm);
	free(cold);
	free(warm);
	char *entry = cache_entry();
	unlink(entry);
	free(entry);
	free(path);
}

/* An edited spec is read again, even when the entry is still there. */
static void test_body_cache_sees_a_change(void **state)
{
	(void)state;
	char *path = spec_copy(SHIPPED_SPECS_DIR "/P4-A.md", "change.md");
	char *w;
	struct program *p = load_body(path, &w);
	free(w);
	assert_string_equal(p->courses[2].title, "Facteurs humains dans l'IA");
	spec_free(p);
	size_t len;
	char *text = fixture_read(path, &len);
	char *at = strstr(text, "Facteurs humains");
	assert_non_null(at);
	memcpy(at, "Facteurs HUMAINS", 16);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
	free(text);
	char *entry = cache_entry();
	assert_non_null(entry);
	p = load_body(path, &w);
	assert_string_equal(p->courses[2].title, "Facteurs HUMAINS dans l'IA");
	spec_free(p);
	free(w);
	unlink(entry);
	free(entry);
	free(path);
}

/* A file changed in the last seconds may change again within the same
 * clock tick: it is not remembered. */
static void test_body_cache_skips_recent_files(void **state)
{
	(void)state;
	char *path = spec_copy(SHIPPED_SPECS_DIR "/P4-B.md", "recent.md");
	assert_int_equal(utimes(path, NULL), 0);
	char *w;
	spec_free(load_body(path, &w));
	free(w);
	assert_null(cache_entry());
	free(path);
}

/* Every cut and every changed byte of an entry: the body read is still
 * the parser's (the entry's checksum refuses it). Under the sanitizers
 * this also shows that no length in it is trusted. */
static void test_body_cache_survives_damage(void **state)
{
	(void)state;
	char *path = spec_copy("ok/courses-edge.md", "damaged.md");
	setenv("CURSUS_CACHE", "off", 1);
	char *w;
	struct program *parsed = load_body(path, &w);
	free(w);
	unsetenv("CURSUS_CACHE");
	spec_free(load_body(path, &w));
	free(w);
	char *entry = cache_entry();
	assert_non_null(entry);
	size_t len;
	char *good = fixture_read(entry, &len);
	for (size_t i = 0; i < len * 2; i++) {
		FILE *f = fopen(entry, "wb");
		assert_non_null(f);
		if (i < len) {
			fwrite(good, 1, i, f); /* cut at i */
		} else {
			size_t at = i - len;
			fwrite(good, 1, len, f);
			fseek(f, (long)at, SEEK_SET);
			fputc(good[at] ^ 0x5a, f); /* one byte changed */
		}
		fclose(f);
		struct diag_list d = {0};
		struct program *p = spec_load_front(path, &d);
		assert_non_null(p);
		assert_true(spec_load_body(p, &d));
		diag_free(&d);
		assert_same_body(parsed, p);
		spec_free(p);
	}
	spec_free(parsed);
	free(good);
	free(entry);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_body_cache_round_trip, make_work,
						remove_work),
		cmocka_unit_test_setup_teardown(test_body_cache_keeps_warnings, make_work,
						remove_work),
		cmocka_unit_test_setup_teardown(test_body_cache_sees_a_change, make_work,
						remove_work),
		cmocka_unit_test_setup_teardown(test_body_cache_skips_recent_files, make_work,
						remove_work),
		cmocka_unit_test_setup_teardown(test_body_cache_survives_damage, make_work,
						remove_work),
	};
	return RUN_TESTS(tests);
}
