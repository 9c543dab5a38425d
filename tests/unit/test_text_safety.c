/* Spec text as data: NFD specs read as NFC, control characters never
 * survive loading, and ticks find titles edited in place. */
#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "completion.h"
#include "outline.h"
#include "progress.h"
#include "spec.h"
#include "text.h"

static struct program *load(const char *name, struct diag_list *diags)
{
	char *path = fixture_path(name);
	struct program *p = spec_load(path, diags);
	free(path);
	assert_non_null(p);
	return p;
}

static void test_nfd_spec(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load("nfd/P4-A.md", &diags);
	assert_int_equal(diags.n, 0);
	assert_string_equal(p->status, "\xC3\x80 choisir (Option A)");
	assert_int_equal(p->n_courses, 3);
	assert_int_equal(p->courses[0].skills.n, 3); /* "Compétences :" recognised */
	assert_string_equal(p->courses[0].topics[1].children[0].title,
			    "Apprentissage supervis\xC3\xA9");
	assert_string_equal(p->courses[1].title,
			    "G\xC3\xA9rer les projets d'apprentissage automatique");
	spec_free(p);
	diag_free(&diags);
}

static bool topics_clean(const struct topic *t, size_t n)
{
	uint32_t cp;
	for (size_t i = 0; i < n; i++)
		if (text_find_control(t[i].title, strlen(t[i].title), &cp) ||
		    !topics_clean(t[i].children, t[i].n_children))
			return false;
	return true;
}

static void test_control_spec(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = load("controls/CTL-A.md", &diags);
	uint32_t cp;
	assert_null(text_find_control(p->title, strlen(p->title), &cp));
	assert_string_equal(p->title, "Titre ^[]0;pwned^G du programme");
	assert_string_equal(p->institution, "Escaped ^[[31mred^[[0m school");
	assert_string_equal(p->badge, "raw C1 \xEF\xBF\xBD" "2J here");
	assert_string_equal(p->courses[0].title, "S\xC3\xA9" "curit\xC3\xA9 ^[[2J du terminal");
	assert_true(topics_clean(p->courses[0].topics, p->courses[0].n_topics));
	assert_int_equal(p->courses[0].n_topics, 4);
	assert_string_equal(p->courses[0].skills.v[0], "Rester ^G calme");
	/* one warning per line with controls, on that line; no error */
	static const int lines[] = { 3, 7, 11, 13, 14, 15, 19, 4 };
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_int_equal(diags.n, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < diags.n; i++) {
		assert_int_equal(diags.v[i].severity, DIAG_WARNING);
		assert_int_equal(diags.v[i].line, lines[i]);
		assert_non_null(strstr(diags.v[i].message, "control character U+"));
	}
	spec_free(p);
	diag_free(&diags);
}

/* A file full of controls gets ten warnings and a count, not one per line. */
static void test_many_control_lines(void **state)
{
	(void)state;
	char path[] = "/tmp/cursus-controls-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("---\nid: \"MANY-A\"\nnom: \"Many\"\n---\n# Many\n"
	      "## Programme\n### Cours 1 : Un\n**Contenu :**\n", f);
	for (int i = 0; i < 25; i++)
		fprintf(f, "- Topic %d \a\a bell\n", i + 1);
	fclose(f);
	struct diag_list diags = {0};
	struct program *p = spec_load(path, &diags);
	unlink(path);
	assert_non_null(p);
	assert_int_equal(diags.n, 11);
	assert_int_equal(diags.v[0].line, 9);
	assert_int_equal(diags.v[9].line, 18);
	assert_string_equal(diags.v[10].message, "control characters on 15 more lines");
	assert_string_equal(p->courses[0].topics[24].title, "Topic 25 ^G^G bell");
	spec_free(p);
	diag_free(&diags);
}

/* A spec written to a file of its own, loaded with its body. */
static struct program *load_text(const char *text)
{
	char path[] = "/tmp/cursus-inline-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	struct diag_list diags = {0};
	struct program *p = spec_load(path, &diags);
	unlink(path);
	assert_non_null(p);
	assert_true(spec_load_body(p, &diags));
	diag_free(&diags);
	return p;
}

/* Text that dropped markup or decoded a reference is composed and cleaned
 * again; the body's own characters come through as they are. */
static void test_inline_text_clean(void **state)
{
	(void)state;
	/* no reference: the accent meets its e once the markup is dropped */
	struct program *p = load_text(
		"---\nid: \"INL-A\"\nnom: \"Inline\"\n---\n# Inline\n"
		"## Programme\n### Cours 1 : Un\n**Contenu :**\n"
		"- Caf\xC3\xA9 cr\xC3\xA8me\n"
		"- Cafe*\xCC\x81*\n");
	const struct topic *t = p->courses[0].topics;
	assert_int_equal(p->courses[0].n_topics, 2);
	assert_string_equal(t[0].title, "Caf\xC3\xA9 cr\xC3\xA8me");
	assert_string_equal(t[1].title, "Caf\xC3\xA9");
	spec_free(p);
	/* references, and a bare & */
	p = load_text("---\nid: \"INL-B\"\nnom: \"Inline\"\n---\n# Inline\n"
		      "## Programme\n### Cours 1 : Un\n**Contenu :**\n"
		      "- Cafe&#x301; R&D\n"
		      "- Bell &#7; here\n");
	t = p->courses[0].topics;
	assert_int_equal(p->courses[0].n_topics, 2);
	assert_string_equal(t[0].title, "Caf\xC3\xA9 R&D");
	assert_string_equal(t[1].title, "Bell ^G here");
	spec_free(p);
	/* the only reference in a body that is otherwise plain, in each
	 * numeric form cmark decodes; a bare & beside it */
	const char *refs[] = { "&#7;", "&#X9B;", "&#x9b;" };
	const char *shown[] = { "^G", "\xEF\xBF\xBD", "\xEF\xBF\xBD" };
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "---\nid: \"INL-R\"\nnom: \"Ref\"\n---\n# Ref\n"
			 "## Programme\n### Cours 1 : Q & R\n**Contenu :**\n- A %s B\n", refs[i]);
		p = load_text(text);
		char want[64];
		snprintf(want, sizeof want, "A %s B", shown[i]);
		assert_string_equal(p->courses[0].topics[0].title, want);
		assert_string_equal(p->courses[0].title, "Q & R");
		spec_free(p);
	}
	/* a named reference alone: U+0311 composes with its e */
	p = load_text("---\nid: \"INL-N\"\nnom: \"Named\"\n---\n# Named\n"
		      "## Programme\n### Cours 1 : Un\n**Contenu :**\n- Cafe&DownBreve;\n");
	assert_string_equal(p->courses[0].topics[0].title, "Caf\xC8\x87");
	spec_free(p);
	/* a plain body: no reference, nothing NFC could change */
	p = load_text("---\nid: \"INL-C\"\nnom: \"Plain\"\n---\n# Plain\n"
		      "## Programme\n### Cours 1 : \xC3\x89t\xC3\xA9 (2h)\n**Contenu :**\n"
		      "- *Apprentissage* supervis\xC3\xA9 \xF0\x9F\x93\x9A\n");
	assert_string_equal(p->courses[0].title, "\xC3\x89t\xC3\xA9");
	assert_string_equal(p->courses[0].topics[0].title,
			    "Apprentissage supervis\xC3\xA9 \xF0\x9F\x93\x9A");
	spec_free(p);
}

static long tick_at(const struct program_progress *pp, const struct completion *c,
		    const char *path)
{
	for (size_t t = 0; t < pp->n_ticks; t++)
		if (strcmp(pp->ticks[t].path, path) == 0)
			return c->tick_module[t];
	fail_msg("no tick at %s", path);
	return -3;
}

/* The matching rule, on the shipped P4-A's outline. */
static void test_tick_matching(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct program *p = spec_load(SHIPPED_SPECS_DIR "/P4-A.md", &diags);
	assert_non_null(p);
	struct outline o;
	outline_build(&o, p);
	struct program_progress pp = {0};
	struct date d = { 2026, 11, 24 };
	/* 1.3's title lost a suffix since the tick: edited in place */
	progress_tick_add(&pp, "1.3", "Identifier quand et comment le ML peut \xC3\xAAtre "
			  "appliqu\xC3\xA9 (ancien)", d);
	/* a different module now at 1.1 */
	progress_tick_add(&pp, "1.1", "\xC3\x89thique et gouvernance des donn\xC3\xA9" "es", d);
	/* an NFD title whose module moved */
	progress_tick_add(&pp, "9", "Apprentissage supervise\xCC\x81", d);
	/* 1.4's module, ticked at 1.5: its exact title claims 1.4 ... */
	progress_tick_add(&pp, "1.5", "Cas d'usage et applications r\xC3\xA9" "elles", d);
	/* ... so a similar title ticked at 1.4 is not 1.4's */
	progress_tick_add(&pp, "1.4", "Cas d'usage et applications", d);
	progress_tick_add(&pp, "1.2.2", "Apprentissage non supervis\xC3\xA9", d);

	struct completion c;
	completion_compute(&c, &o, &pp);
	assert_int_equal(tick_at(&pp, &c, "1.3"), outline_find(&o, "1.3"));
	assert_int_equal(tick_at(&pp, &c, "1.1"), -1);
	assert_int_equal(tick_at(&pp, &c, "9"), outline_find(&o, "1.2.1"));
	assert_int_equal(tick_at(&pp, &c, "1.5"), outline_find(&o, "1.4"));
	assert_int_equal(tick_at(&pp, &c, "1.4"), -1);
	assert_int_equal(tick_at(&pp, &c, "1.2.2"), outline_find(&o, "1.2.2"));
	assert_int_equal(c.n_orphans, 2);
	assert_true(c.done[outline_find(&o, "1.3")]);
	assert_false(c.done[outline_find(&o, "1.1")]);

	completion_free(&c);
	for (size_t t = 0; t < pp.n_ticks; t++) {
		free(pp.ticks[t].path);
		free(pp.ticks[t].title);
	}
	free(pp.ticks);
	outline_free(&o);
	spec_free(p);
	diag_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfd_spec),
		cmocka_unit_test(test_control_spec),
		cmocka_unit_test(test_many_control_lines),
		cmocka_unit_test(test_inline_text_clean),
		cmocka_unit_test(test_tick_matching),
	};
	return RUN_TESTS(tests);
}
