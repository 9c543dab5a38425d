/* Links in a spec: every form found in the body with its line (and none in
 * code), then resolved in a vault as PRODUCT.md §1 says. */
#include "config.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "links.h"
#include "spec.h"

static const char front[] =
	"---\n"
	"id: \"L1-A\"\n"
	"effort: \"10h\"\n"
	"---\n";

/* Writes front + body as dir/name and loads it. */
static struct program *load_body(const char *dir, const char *name, const char *body)
{
	char *path = NULL;
	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(front, f);
	fputs(body, f);
	assert_int_equal(fclose(f), 0);
	struct diag_list diags = {0};
	struct program *p = spec_load(path, &diags);
	if (!p)
		diag_print(&diags, stderr, DIAG_WARNING);
	assert_non_null(p);
	diag_free(&diags);
	unlink(path);
	free(path);
	return p;
}

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/cursus-links-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return strdup(tmpl);
}

static void assert_link(const struct link *l, enum link_kind kind, const char *text,
			const char *target, int line)
{
	assert_int_equal(l->kind, kind);
	assert_string_equal(l->text, text);
	assert_string_equal(l->target, target);
	assert_int_equal(l->line, line);
}

static void test_every_form_with_its_line(void **state)
{
	(void)state;
	char *dir = temp_dir();
	struct program *p = load_body(dir, "s.md",
		"# Title\n"                                                   /* 5 */
		"\n"
		"See [one](other.md) and [two](sub/other.md#heading).\n"      /* 7 */
		"Then [[other]], [[other|Other text]],\n"                     /* 8 */
		"[[other#heading]] and [[ other#heading | Both ]].\n"         /* 9 */
		"A [site](https://example.org/a) and <https://b.example>.\n"  /* 10 */
		"\n"
		"## Programme\n"
		"### Cours 1 : Un (5h)\n"
		"**Contenu :**\n"
		"- topic with [[deep/note]]\n"                                /* 15 */
		"- `[[in code]]` and [not [[inside]] a link](x.md)\n"        /* 16 */
		"\n"
		"```\n"
		"[[in a block]] [block](b.md)\n"
		"```\n"
		"\n"
		"    [[indented code]]\n"
		"\n"
		"[[[[nested]]]] [[|no target]] [[]] [[open\n"                 /* 24 */
		"close]]\n");
	assert_int_equal(p->n_links, 11);
	assert_link(&p->links[0], LINK_MARKDOWN, "one", "other.md", 7);
	assert_link(&p->links[1], LINK_MARKDOWN, "two", "sub/other.md#heading", 7);
	assert_link(&p->links[2], LINK_WIKI, "other", "other", 8);
	assert_link(&p->links[3], LINK_WIKI, "Other text", "other", 8);
	assert_link(&p->links[4], LINK_WIKI, "other#heading", "other#heading", 9);
	assert_link(&p->links[5], LINK_WIKI, "Both", "other#heading", 9);
	assert_link(&p->links[6], LINK_WEB, "site", "https://example.org/a", 10);
	assert_link(&p->links[7], LINK_WEB, "https://b.example", "https://b.example", 10);
	assert_link(&p->links[8], LINK_WIKI, "deep/note", "deep/note", 15);
	/* a link's own text is not searched for wikilinks */
	assert_link(&p->links[9], LINK_MARKDOWN, "not [[inside]] a link", "x.md", 16);
	/* "[[]]" and "[[|text]]" lead nowhere; a line break ends a wikilink */
	assert_link(&p->links[10], LINK_WIKI, "nested", "nested", 24);
	spec_free(p);
	rmdir(dir);
	free(dir);
}

static void test_links_section_keeps_plain_items(void **state)
{
	(void)state;
	char *dir = temp_dir();
	struct program *p = load_body(dir, "s.md",
		"# T\n"
		"## Liens utiles\n"
		"- [Coursera](https://www.coursera.org/x)\n"
		"- [[Comparison]]\n"
		"- Forum: none yet\n"
		"- Two: [a](a.md) [b](b.md)\n");
	assert_int_equal(p->n_links, 4);
	assert_link(&p->links[1], LINK_WIKI, "Comparison", "Comparison", 8);
	assert_link(&p->links[3], LINK_MARKDOWN, "b", "b.md", 10);
	assert_int_equal(p->link_items.n, 1);
	assert_string_equal(p->link_items.v[0], "Forum: none yet");
	spec_free(p);
	rmdir(dir);
	free(dir);
}

/* ---- resolution, in a vault that need not exist: notes are names ---- */

struct vault_fixture {
	struct strv dirs, notes;
};

static void vault_add(struct strv *sv, const char *s)
{
	strv_push(sv, strdup(s));
}

static void vault_fixture(struct vault_fixture *f)
{
	memset(f, 0, sizeof *f);
	vault_add(&f->dirs, "/vault/main");
	vault_add(&f->dirs, "/vault/second/");
	static const char *const notes[] = {
		"/vault/main/specs/s.md",
		"/vault/main/specs/other.md",
		"/vault/main/specs/sub/My Note.md",
		"/vault/main/notes/Other Note.md",
		"/vault/main/notes/dup.md",
		"/vault/main/specs/dup.md",
		"/vault/main/a/b/c/far.md",
		"/vault/main/z/far.md",
		"/vault/main/zb/c/x.md",
		"/vault/main/Re\xCC\x81sume\xCC\x81.md", /* NFD, as macOS writes names */
		"/vault/second/Elsewhere.md",
		"/vault/main/notes/Long Form.markdown", /* the walk reads these too */
		"/vault/main/notes/Both.markdown",      /* found before Both.md */
		"/vault/main/notes/Both.md",
		NULL,
	};
	for (const char *const *n = notes; *n; n++)
		vault_add(&f->notes, *n);
}

static void vault_fixture_free(struct vault_fixture *f)
{
	strv_free(&f->dirs);
	strv_free(&f->notes);
}

/* Resolves one link of the spec /vault/main/specs/s.md. */
static struct link_resolution *resolve_one(const struct vault_fixture *f, enum link_kind kind,
					   const char *target)
{
	struct link l = { kind, (char *)"text", (char *)target, 1 };
	return links_resolve("/vault/main/specs/s.md", &l, 1, &f->dirs, &f->notes);
}

static void assert_present(const struct vault_fixture *f, enum link_kind kind,
			   const char *target, const char *path, const char *relative)
{
	struct link_resolution *r = resolve_one(f, kind, target);
	if (r->state != LINK_PRESENT)
		fail_msg("'%s' is %s, not present", target, link_state_name(r->state));
	assert_string_equal(r->path, path);
	assert_string_equal(r->relative, relative);
	assert_true(r->is_note);
	links_free(r, 1);
}

static void assert_state(const struct vault_fixture *f, enum link_kind kind,
			 const char *target, enum link_state state)
{
	struct link_resolution *r = resolve_one(f, kind, target);
	if (r->state != state)
		fail_msg("'%s' is %s, not %s", target, link_state_name(r->state),
			 link_state_name(state));
	assert_null(r->path);
	links_free(r, 1);
}

static void test_markdown_links(void **state)
{
	(void)state;
	struct vault_fixture f;
	vault_fixture(&f);
	assert_present(&f, LINK_MARKDOWN, "other.md", "/vault/main/specs/other.md",
		       "specs/other.md");
	assert_present(&f, LINK_MARKDOWN, "./other.md#A%20heading", "/vault/main/specs/other.md",
		       "specs/other.md");
	assert_present(&f, LINK_MARKDOWN, "sub/My%20Note.md#x", "/vault/main/specs/sub/My Note.md",
		       "specs/sub/My Note.md");
	assert_present(&f, LINK_MARKDOWN, "../notes/Other%20Note.md",
		       "/vault/main/notes/Other Note.md", "notes/Other Note.md");
	/* without ".md", as Obsidian may write them; or ".markdown" */
	assert_present(&f, LINK_MARKDOWN, "other", "/vault/main/specs/other.md", "specs/other.md");
	assert_present(&f, LINK_MARKDOWN, "../notes/Long%20Form",
		       "/vault/main/notes/Long Form.markdown", "notes/Long Form.markdown");
	/* into another data directory of the vault; an absolute path */
	assert_present(&f, LINK_MARKDOWN, "../../second/Elsewhere.md",
		       "/vault/second/Elsewhere.md", "Elsewhere.md");
	assert_present(&f, LINK_MARKDOWN, "/vault/main/z/far.md", "/vault/main/z/far.md",
		       "z/far.md");
	/* "%C3%A9" is "é", composed: the NFD file name is the same name */
	assert_present(&f, LINK_MARKDOWN, "../R%C3%A9sum%C3%A9.md",
		       "/vault/main/Re\xCC\x81sume\xCC\x81.md", "Résumé.md");
	/* a heading of the spec itself */
	assert_present(&f, LINK_MARKDOWN, "#Programme", "/vault/main/specs/s.md", "specs/s.md");
	/* paths are compared as written on disk: no case folding */
	assert_state(&f, LINK_MARKDOWN, "OTHER.md", LINK_MISSING);
	assert_state(&f, LINK_MARKDOWN, "nothere.md", LINK_MISSING);
	assert_state(&f, LINK_MARKDOWN, "sub", LINK_MISSING);
	assert_state(&f, LINK_MARKDOWN, "../../../etc/passwd.md", LINK_OUTSIDE);
	assert_state(&f, LINK_MARKDOWN, "../../elsewhere/x.md", LINK_OUTSIDE);
	assert_state(&f, LINK_MARKDOWN, "/etc/hosts", LINK_OUTSIDE);
	assert_state(&f, LINK_WEB, "https://example.org/other.md", LINK_IS_WEB);
	vault_fixture_free(&f);
}

static void test_wikilinks(void **state)
{
	(void)state;
	struct vault_fixture f;
	vault_fixture(&f);
	/* by file name anywhere in the vault, without regard to case */
	assert_present(&f, LINK_WIKI, "other note", "/vault/main/notes/Other Note.md",
		       "notes/Other Note.md");
	assert_present(&f, LINK_WIKI, "OTHER NOTE#Heading", "/vault/main/notes/Other Note.md",
		       "notes/Other Note.md");
	/* a note named .markdown answers to its name, with or without it */
	assert_present(&f, LINK_WIKI, "long form", "/vault/main/notes/Long Form.markdown",
		       "notes/Long Form.markdown");
	assert_present(&f, LINK_WIKI, "notes/Long Form.markdown",
		       "/vault/main/notes/Long Form.markdown", "notes/Long Form.markdown");
	/* an ending named is that file's; without one, .md comes first */
	assert_state(&f, LINK_WIKI, "Long Form.md", LINK_MISSING);
	assert_present(&f, LINK_WIKI, "both", "/vault/main/notes/Both.md", "notes/Both.md");
	assert_present(&f, LINK_WIKI, "Both.MD", "/vault/main/notes/Both.md", "notes/Both.md");
	assert_present(&f, LINK_WIKI, "both.markdown", "/vault/main/notes/Both.markdown",
		       "notes/Both.markdown");
	assert_present(&f, LINK_WIKI, "Other Note.md", "/vault/main/notes/Other Note.md",
		       "notes/Other Note.md");
	assert_present(&f, LINK_WIKI, "elsewhere", "/vault/second/Elsewhere.md", "Elsewhere.md");
	/* composed or not, and in any case, "résumé" is one name: the file is
	 * opened by its own name, shown composed */
	assert_present(&f, LINK_WIKI, "RÉSUMÉ", "/vault/main/Re\xCC\x81sume\xCC\x81.md",
		       "Résumé.md");
	/* the nearest: the spec's own folder first, then the shortest path */
	assert_present(&f, LINK_WIKI, "dup", "/vault/main/specs/dup.md", "specs/dup.md");
	assert_present(&f, LINK_WIKI, "far", "/vault/main/z/far.md", "z/far.md");
	/* a folder names the end of a path, at a folder's boundary */
	assert_present(&f, LINK_WIKI, "b/c/far", "/vault/main/a/b/c/far.md", "a/b/c/far.md");
	assert_present(&f, LINK_WIKI, "a/b/c/far", "/vault/main/a/b/c/far.md", "a/b/c/far.md");
	assert_present(&f, LINK_WIKI, "Notes/dup", "/vault/main/notes/dup.md", "notes/dup.md");
	assert_state(&f, LINK_WIKI, "b/c/x", LINK_MISSING); /* zb/c/x.md is not b/c/x */
	assert_state(&f, LINK_WIKI, "b/far", LINK_MISSING);
	assert_state(&f, LINK_WIKI, "missing one", LINK_MISSING);
	assert_present(&f, LINK_WIKI, "Other", "/vault/main/specs/other.md", "specs/other.md");
	/* a heading of the spec itself */
	assert_present(&f, LINK_WIKI, "#Programme", "/vault/main/specs/s.md", "specs/s.md");
	vault_fixture_free(&f);
}

/* A vault named by relative paths, as --data data/specs gives it, and a
 * file that is not a note, which only the file system can tell. */
static void test_relative_vault_and_other_files(void **state)
{
	(void)state;
	char *dir = temp_dir();
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(mkdir("vault", 0700), 0);
	FILE *pdf = fopen("vault/brochure.pdf", "w");
	assert_non_null(pdf);
	fclose(pdf);
	struct strv dirs = {0}, notes = {0};
	vault_add(&dirs, "vault");
	vault_add(&notes, "vault/s.md");
	vault_add(&notes, "vault/n.md");
	struct link l[] = {
		{ LINK_MARKDOWN, (char *)"n", (char *)"n.md", 1 },
		{ LINK_WIKI, (char *)"n", (char *)"N", 2 },
		{ LINK_MARKDOWN, (char *)"pdf", (char *)"brochure.pdf", 3 },
		{ LINK_MARKDOWN, (char *)"up", (char *)"../n.md", 4 },
		{ LINK_MARKDOWN, (char *)"gone", (char *)"gone.pdf", 5 },
	};
	struct link_resolution *r = links_resolve("vault/s.md", l, 5, &dirs, &notes);
	assert_int_equal(r[0].state, LINK_PRESENT);
	assert_string_equal(r[0].path, "vault/n.md");
	assert_string_equal(r[0].relative, "n.md");
	assert_int_equal(r[1].state, LINK_PRESENT);
	assert_string_equal(r[1].path, "vault/n.md");
	assert_int_equal(r[2].state, LINK_PRESENT);
	assert_false(r[2].is_note);
	assert_string_equal(r[2].relative, "brochure.pdf");
	assert_int_equal(r[3].state, LINK_OUTSIDE);
	assert_int_equal(r[4].state, LINK_MISSING);
	links_free(r, 5);
	strv_free(&dirs);
	strv_free(&notes);
	unlink("vault/brochure.pdf");
	rmdir("vault");
	assert_int_equal(chdir("/"), 0);
	rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_form_with_its_line),
		cmocka_unit_test(test_links_section_keeps_plain_items),
		cmocka_unit_test(test_markdown_links),
		cmocka_unit_test(test_wikilinks),
		cmocka_unit_test(test_relative_vault_and_other_files),
	};
	return RUN_TESTS(tests);
}
