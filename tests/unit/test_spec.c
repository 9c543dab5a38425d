#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spec.h"

static struct program *load_fixture(const char *name, struct diag_list *diags)
{
	char *path = fixture_path(name);
	struct program *p = spec_load(path, diags);
	free(path);
	if (!p) {
		diag_print(diags, stderr, DIAG_WARNING);
		fail_msg("%s did not load", name);
	}
	return p;
}

static bool has_diag(const struct diag_list *dl, enum diag_severity sev, int line,
		     const char *text)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].severity == sev && dl->v[i].line == line &&
		    strstr(dl->v[i].message, text))
			return true;
	return false;
}

static void assert_diag(const struct diag_list *dl, enum diag_severity sev, int line,
			const char *text)
{
	if (!has_diag(dl, sev, line, text)) {
		diag_print(dl, stderr, DIAG_WARNING);
		fail_msg("no %s on line %d with '%s'", sev == DIAG_ERROR ? "error" : "warning",
			 line, text);
	}
}

/* Checks the learner's Option A as PRODUCT.md describes it. */
static void assert_p4a(const struct program *p)
{
	assert_string_equal(p->id, "P4-A");
	assert_string_equal(p->group, "P4");
	assert_int_equal(p->option, 'A');
	assert_string_equal(p->title, "AI Product Management Specialization");
	assert_string_equal(p->institution, "Duke University");
	assert_string_equal(p->status, "À choisir (Option A)");
	assert_string_equal(p->prestige, "5/5");
	assert_string_equal(p->price, "Gratuit (Audit)");
	assert_string_equal(p->badge, "Certificat Professionnel Duke University");
	assert_int_equal(p->effort.known, EFFORT_HOURS | EFFORT_MONTHS | EFFORT_PACE);
	assert_int_equal(p->effort.derived, 0);
	assert_true(p->effort.hours == 90 && p->effort.months == 4 &&
		    p->effort.hours_per_week == 5);
	assert_string_equal(p->icon, "🏛️");
	assert_string_equal(p->heading, "Duke University : AI Product Management Specialization");

	assert_int_equal(p->n_courses, 3);
	static const char *const titles[] = {
		"Fondements de l'apprentissage automatique pour les chefs de produit",
		"Gérer les projets d'apprentissage automatique",
		"Facteurs humains dans l'IA",
	};
	static const double hours[] = { 16, 18, 17 };
	static const size_t topics[] = { 5, 7, 5 };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(p->courses[i].number, (int)i + 1);
		assert_int_equal(p->courses[i].stated_number, (int)i + 1);
		assert_string_equal(p->courses[i].title, titles[i]);
		assert_true(p->courses[i].hours == hours[i]);
		assert_int_equal(p->courses[i].n_topics, topics[i]);
	}
	const struct topic *t = &p->courses[0].topics[1];
	assert_string_equal(t->title, "Types d'algorithmes de ML et leurs applications");
	assert_int_equal(t->n_children, 3);
	assert_string_equal(t->children[0].title, "Apprentissage supervisé");
	assert_int_equal(t->line, 24);
	assert_int_equal(p->courses[0].skills.n, 3);
	assert_string_equal(p->courses[1].skills.v[3], "Leadership technique");
	assert_int_equal(spec_count_topics(p->courses[2].topics, p->courses[2].n_topics), 18);

	static const char *const start = "Cette spécialisation en gestion";
	assert_true(strncmp(p->description, start, strlen(start)) == 0);
	assert_int_equal(p->objectives.n, 5);
	assert_int_equal(p->skills.n, 9);
	assert_string_equal(p->skills.v[0], "Project Management : Gestion de projets ML de bout en bout");
	assert_int_equal(p->instructor.n, 4);
	assert_string_equal(p->instructor.v[0], "Jon Reifschneider - Duke University");
	assert_string_equal(p->format.v[2], "  Cours 1 : 16h");
	assert_true(p->certificate.rating == 4.7 && p->certificate.rating_scale == 5);
	assert_int_equal(p->certificate.reviews, 875);
	assert_int_equal(p->certificate.enrolled, 54993);
	assert_int_equal(p->choose_if.n, 6);
	assert_int_equal(p->watch_out.n, 3);
	assert_string_equal(p->watch_out.v[0], "Moins d'outils pratiques que l'option IBM");
	assert_int_equal(p->n_links, 3);
	assert_string_equal(p->links[1].text, "Duke University");
	assert_string_equal(p->links[1].target, "https://www.duke.edu/");
	assert_int_equal(p->n_sections, 0);
	assert_int_equal(p->n_extra_keys, 0);
}

static void test_seed_as_received(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("P4-A.as-received.md", &diags);
	assert_p4a(p);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 1);
	assert_diag(&diags, DIAG_WARNING, 5, "repaired Mac Roman mojibake: 142 damaged sequences");
	spec_free(p);
	diag_free(&diags);
}

static void test_shipped_p4a(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture(SHIPPED_SPECS_DIR "/P4-A.md", &diags);
	assert_p4a(p);
	assert_int_equal(diags.n, 0);
	spec_free(p);
	diag_free(&diags);
}

static void test_shipped_p4b(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture(SHIPPED_SPECS_DIR "/P4-B.md", &diags);
	assert_int_equal(diags.n, 0);
	assert_string_equal(p->id, "P4-B");
	assert_string_equal(p->group, "P4");
	assert_int_equal(p->option, 'B');
	assert_true(p->effort.hours == 120);
	assert_int_equal(p->n_courses, 10);
	for (size_t i = 0; i < p->n_courses; i++) {
		assert_true(p->courses[i].hours < 0); /* no invented hours */
		assert_true(p->courses[i].n_topics > 0);
	}
	assert_null(p->prestige);
	assert_true(p->certificate.rating == 4.7);
	assert_true(p->choose_if.n > 0 && p->watch_out.n > 0);
	spec_free(p);
	diag_free(&diags);
}

static void test_english_keys_and_headings(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("ok/english.md", &diags);
	assert_int_equal(diags.n, 0);
	assert_string_equal(p->title, "Machine Learning for Everyone");
	assert_string_equal(p->institution, "Example University");
	assert_string_equal(p->price, "Free to audit");
	assert_int_equal(p->option, 'B');
	assert_true(p->effort.months == 4 && p->effort.hours_per_week == 5);
	assert_int_equal(p->effort.derived, EFFORT_HOURS);
	assert_int_equal(p->n_courses, 2);
	assert_string_equal(p->courses[0].title, "Foundations");
	assert_true(p->courses[0].hours == 10);
	assert_string_equal(p->courses[1].title, "Practice");
	assert_string_equal(p->courses[1].icon, "💻");
	assert_true(p->courses[1].hours < 0);
	assert_int_equal(p->courses[0].n_topics, 2);
	assert_int_equal(p->courses[0].topics[0].n_children, 1);
	assert_int_equal(p->courses[0].skills.n, 1);
	assert_string_equal(p->description, "A plain English spec.");
	assert_int_equal(p->objectives.n, 1);
	assert_int_equal(p->skills.n, 1);
	assert_string_equal(p->instructor.v[0], "Ada Lovelace");
	assert_true(p->certificate.rating == 4.5);
	assert_int_equal(p->certificate.reviews, 1234);
	assert_int_equal(p->certificate.enrolled, 12000);
	assert_string_equal(p->choose_if.v[0], "You like maths");
	assert_string_equal(p->watch_out.v[0], "Few projects");
	assert_string_equal(p->links[0].target, "https://example.org/ml");
	assert_int_equal(p->n_extra_keys, 1);
	assert_string_equal(p->extra_keys[0].key, "level");
	assert_string_equal(p->extra_keys[0].value, "Beginner");
	assert_int_equal(p->n_sections, 1);
	assert_string_equal(p->sections[0].title, "Lab notes");
	assert_string_equal(p->sections[0].text,
			    "Anything the reader does not know is kept.\n- as text");
	spec_free(p);
	diag_free(&diags);
}

static void test_values_are_never_typed(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("ok/values.md", &diags);
	assert_string_equal(p->title, "NO"); /* no Norway problem */
	assert_string_equal(p->prestige, "5");
	assert_string_equal(p->price, "0");
	assert_string_equal(p->institution, "IBM, SkillUp");
	assert_diag(&diags, DIAG_WARNING, 6, "'institution' is a list");
	assert_int_equal(p->n_extra_keys, 2);
	assert_string_equal(p->extra_keys[0].key, "empty");
	assert_string_equal(p->extra_keys[0].value, "");
	assert_string_equal(p->extra_keys[1].value, "kept and shown");
	assert_true(p->effort.months == 6 && p->effort.hours_per_week == 5);
	spec_free(p);
	diag_free(&diags);
}

static void test_bom_crlf_and_dots(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("ok/bom-crlf.md", &diags);
	assert_string_equal(p->id, "BOM-A");
	assert_string_equal(p->title, "Windows file");
	assert_int_equal(p->n_courses, 1);
	assert_string_equal(p->courses[0].topics[0].children[0].title, "Sous-sujet");
	assert_int_equal(p->courses[0].topics[1].line, 12);
	spec_free(p);
	p = load_fixture("ok/dots-closer.md", &diags);
	assert_string_equal(p->id, "DOTS-A");
	assert_int_equal(p->front_end_line, 4);
	assert_int_equal(p->n_courses, 1);
	assert_int_equal(p->courses[0].line, 7);
	assert_int_equal(diags.n, 0);
	spec_free(p);
	diag_free(&diags);
}

static void test_windows_1252_spec(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("ok/windows-1252.md", &diags);
	assert_string_equal(p->title, "Spécialisation – à la carte");
	assert_string_equal(p->status, "À choisir (Option A)");
	assert_diag(&diags, DIAG_WARNING, 3, "repaired Windows-1252 mojibake");
	spec_free(p);
	diag_free(&diags);
}

static void test_course_heading_edge_cases(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("ok/courses-edge.md", &diags);
	assert_int_equal(p->n_courses, 7);
	assert_string_equal(p->courses[0].title, "Cours sans numéro ni heures");
	assert_int_equal(p->courses[0].stated_number, 0);
	assert_true(p->courses[0].hours < 0);
	assert_true(p->courses[1].hours == 16.5);
	assert_string_equal(p->courses[1].title, "Heures décimales");
	for (size_t i = 2; i <= 4; i++)
		assert_true(p->courses[i].hours < 0);
	assert_diag(&diags, DIAG_WARNING, 15, "course hours '0h' ignored");
	assert_diag(&diags, DIAG_WARNING, 16, "course hours '-3h' ignored");
	assert_diag(&diags, DIAG_WARNING, 17, "course hours '99999h' ignored");
	assert_diag(&diags, DIAG_WARNING, 18, "course numbered 7 is course 6 in order");
	assert_string_equal(p->courses[6].title, "Parenthèse (optionnel)");
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	spec_free(p);
	diag_free(&diags);
}

struct bad_case {
	const char *file;
	int line;
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{ "empty.md", 1, "empty file: a spec starts with a '---' line" },
	{ "no-front-matter.md", 1, "no front matter: a spec starts with a '---' line" },
	{ "unclosed.md", 1, "front matter is never closed" },
	{ "empty-front.md", 2, "front matter is empty: at least 'id' is required" },
	{ "tabs.md", 4, "tab in indentation: YAML indents with spaces only" },
	{ "billion-laughs.md", 3, "YAML anchors (&name) are not allowed" },
	{ "alias.md", 3, "YAML aliases (*name) are not allowed" },
	{ "duplicate-key.md", 5, "duplicate key 'nom' (first set on line 3)" },
	{ "duplicate-alias.md", 4, "'title' repeats 'nom' set on line 3" },
	{ "mapping-value.md", 3, "'nom' must be a string, not a mapping" },
	{ "nested-list-value.md", 4, "'institution' must be a string or a list of strings" },
	{ "no-id.md", 1, "front matter has no 'id' (it is required)" },
	{ "bad-id.md", 2, "id '../../etc/passwd' is not usable" },
	{ "slash-id.md", 2, "id 'P9/A' is not usable" },
	{ "invalid-utf8.md", 3, "invalid UTF-8 at byte offset 23 (byte 0xE9)" },
	{ "nul-byte.md", 3, "NUL byte at byte offset 23" },
	{ "not-a-mapping.md", 2, "front matter must be 'key: value' lines" },
	{ "yaml-syntax.md", 4, "front matter is not valid YAML" },
};

static void test_bad_specs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		char name[64];
		snprintf(name, sizeof name, "bad/%s", c->file);
		char *path = fixture_path(name);
		struct diag_list diags = {0};
		struct program *p = spec_load(path, &diags);
		if (p)
			fail_msg("%s loaded", c->file);
		if (diag_count(&diags, DIAG_ERROR) != 1 ||
		    !has_diag(&diags, DIAG_ERROR, c->line, c->message)) {
			diag_print(&diags, stderr, DIAG_WARNING);
			fail_msg("%s: expected line %d: %s", c->file, c->line, c->message);
		}
		assert_string_equal(diags.v[diags.n - 1].file, path);
		/* Reading the front matter alone finds the same problem. */
		struct diag_list front = {0};
		assert_null(spec_load_front(path, &front));
		assert_true(has_diag(&front, DIAG_ERROR, c->line, c->message));
		diag_free(&front);
		diag_free(&diags);
		free(path);
	}
}

static void test_negative_effort_is_a_warning(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load_fixture("bad/negative-effort.md", &diags);
	assert_int_equal(p->effort.known, 0);
	assert_diag(&diags, DIAG_WARNING, 3, "negative duration");
	spec_free(p);
	diag_free(&diags);
}

static char *write_temp(const char *text, size_t len)
{
	char tmpl[] = "/tmp/cursus-test-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	char *path = malloc(sizeof tmpl);
	assert_non_null(path);
	return strcpy(path, tmpl);
}

/* Thousands of nested list levels: read to the depth limit, no deeper,
 * and no recursion without bound. */
static void test_deeply_nested_topics(void **state)
{
	(void)state;
	const int depth = 2000;
	size_t cap = (size_t)depth * (size_t)depth * 2 + 4096, len = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	len += (size_t)snprintf(text, cap, "---\nid: \"DEEP-A\"\n---\n## Programme\n### Cours 1 : Deep\n");
	for (int d = 0; d < depth; d++) {
		memset(text + len, ' ', (size_t)d * 2);
		len += (size_t)d * 2;
		len += (size_t)snprintf(text + len, cap - len, "- level %d\n", d + 1);
	}
	char *path = write_temp(text, len);
	struct diag_list diags = {0};
	struct program *p = spec_load(path, &diags);
	assert_non_null(p);
	const struct topic *t = p->courses[0].topics;
	int levels = 0;
	while (t) {
		levels++;
		t = t->n_children ? t->children : NULL;
	}
	assert_int_equal(levels, SPEC_MAX_TOPIC_DEPTH);
	assert_diag(&diags, DIAG_WARNING, 6 + SPEC_MAX_TOPIC_DEPTH,
		    "lists nested deeper than");
	spec_free(p);
	diag_free(&diags);
	unlink(path);
	free(path);
	free(text);
}

static void test_front_only_then_body(void **state)
{
	(void)state;
	char *path = fixture_path("P4-A.as-received.md");
	struct diag_list diags = {0};
	struct program *p = spec_load_front(path, &diags);
	assert_non_null(p);
	assert_false(p->body_loaded);
	assert_int_equal(p->n_courses, 0);
	assert_string_equal(p->title, "AI Product Management Specialization");
	assert_true(spec_load_body(p, &diags));
	assert_true(p->body_loaded);
	assert_p4a(p);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 1); /* repair said once */
	spec_free(p);
	diag_free(&diags);
	free(path);
}

static void test_unreadable_paths(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	assert_null(spec_load("/nonexistent/spec.md", &diags));
	assert_diag(&diags, DIAG_ERROR, 0, "cannot read: No such file or directory");
	assert_null(spec_load("/tmp", &diags));
	assert_diag(&diags, DIAG_ERROR, 0, "not a regular file");
	diag_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_as_received),
		cmocka_unit_test(test_shipped_p4a),
		cmocka_unit_test(test_shipped_p4b),
		cmocka_unit_test(test_english_keys_and_headings),
		cmocka_unit_test(test_values_are_never_typed),
		cmocka_unit_test(test_bom_crlf_and_dots),
		cmocka_unit_test(test_windows_1252_spec),
		cmocka_unit_test(test_course_heading_edge_cases),
		cmocka_unit_test(test_bad_specs),
		cmocka_unit_test(test_negative_effort_is_a_warning),
		cmocka_unit_test(test_deeply_nested_topics),
		cmocka_unit_test(test_front_only_then_body),
		cmocka_unit_test(test_unreadable_paths),
	};
	return RUN_TESTS(tests);
}
