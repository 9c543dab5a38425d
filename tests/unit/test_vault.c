/* The vault: the walk of a data directory (vault_walk.c), what a note is
 * (spec_note_kind), and the catalogue over tests/data/vault.
 *
 * Linked with -Wl,--wrap=fstatat,--wrap=openat (Makefile.am): the wrappers
 * below make a file or a folder really disappear between the moment the
 * walk reads its name and the moment it looks at it, and make a folder
 * unreadable even to root. */
#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "vault_walk.h"

/* ---- the wrappers ---- */

static const char *vanishing_file;   /* removed when the walk stats it */
static const char *vanishing_folder; /* removed (with its one note) when opened */
static const char *locked_folder;    /* opening it fails with EACCES */

int __real_fstatat(int dfd, const char *name, struct stat *st, int flags);
int __real_openat(int dfd, const char *name, int flags, ...);
int __wrap_fstatat(int dfd, const char *name, struct stat *st, int flags);
int __wrap_openat(int dfd, const char *name, int flags, ...);

int __wrap_fstatat(int dfd, const char *name, struct stat *st, int flags)
{
	if (vanishing_file && strcmp(name, vanishing_file) == 0)
		assert_int_equal(unlinkat(dfd, name, 0), 0);
	return __real_fstatat(dfd, name, st, flags);
}

int __wrap_openat(int dfd, const char *name, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (vanishing_folder && strcmp(name, vanishing_folder) == 0) {
		char note[256];
		snprintf(note, sizeof note, "%s/note.md", name);
		assert_int_equal(unlinkat(dfd, note, 0), 0);
		assert_int_equal(unlinkat(dfd, name, AT_REMOVEDIR), 0);
	}
	if (locked_folder && strcmp(name, locked_folder) == 0) {
		errno = EACCES;
		return -1;
	}
	return __real_openat(dfd, name, flags, mode);
}

/* ---- a scratch vault ---- */

static char *scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = malloc(4096);
	assert_non_null(dir);
	snprintf(dir, 4096, "%s/cursus-vault.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_tree(char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* Makes dir/rel (and its folders) holding text. */
static void put(const char *dir, const char *rel, const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *slash = strchr(path + strlen(dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void link_at(const char *dir, const char *rel, const char *target)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	assert_int_equal(symlink(target, path), 0);
}

struct walk_seen {
	struct strbuf text;
	const char *dir;
};

/* One line per note: "rel", or "rel!error" for a link to nowhere. */
static void note_seen(void *ctx, struct vault_note *note, int dfd, const char *name)
{
	struct walk_seen *ws = ctx;
	sb_adds(&ws->text, note->rel);
	if (note->err) {
		sb_addf(&ws->text, "!%s", strerror(note->err));
		assert_int_equal(dfd, -1);
		assert_null(name);
	} else {
		/* the note can be reached as name in the folder open as dfd */
		struct stat st;
		assert_int_equal(fstatat(dfd, name, &st, 0), 0);
		assert_true(st.st_ino == note->ino && st.st_size == note->size);
	}
	sb_addc(&ws->text, '\n');
	/* the path is the directory's, then the note's below it */
	size_t dir_len = strlen(ws->dir);
	while (dir_len > 1 && ws->dir[dir_len - 1] == '/')
		dir_len--;
	assert_int_equal(strncmp(note->path, ws->dir, dir_len), 0);
	assert_string_equal(note->path + dir_len + 1, note->rel);
	assert_int_equal(note->path_len, strlen(note->path));
}

/* The notes of one walk, a line each. */
static char *walk_text(struct vault_walk *w, const char *dir, struct diag_list *diags,
		       enum vault_result *result)
{
	struct walk_seen ws = { .dir = dir };
	sb_adds(&ws.text, "");
	int err = 0;
	*result = vault_walk_dir(w, dir, note_seen, &ws, diags, &err);
	return sb_steal(&ws.text);
}

/* Walks dir with w: it ends as want says, and its notes are want_text
 * (unless NULL). */
static void expect_walk(struct vault_walk *w, const char *dir, struct diag_list *diags,
			enum vault_result want, const char *want_text)
{
	enum vault_result r;
	char *text = walk_text(w, dir, diags, &r);
	assert_int_equal(r, want);
	if (want_text)
		assert_string_equal(text, want_text);
	free(text);
}

static char *walk_one(const char *dir, struct diag_list *diags)
{
	struct vault_walk w = {0};
	enum vault_result result;
	char *text = walk_text(&w, dir, diags, &result);
	assert_int_equal(result, VAULT_WALKED);
	vault_walk_free(&w);
	return text;
}

/* ---- the walk ---- */

static const char vault_notes_expected[] =
	"Accueil.md\n"
	"Daily/2024/01/2024-01-15.md\n"
	"Daily/2024/01/2024-01-16.md\n"
	"Formations/Brouillons/broken-spec.md\n"
	"Formations/IA/P4-A.md\n"
	"Formations/IA/P4-B.md\n"
	"Formations/IA/choice-duke-vs-ibm.md\n"
	"Notes/Lire.markdown\n"
	"Notes/Sans front matter.md\n"
	"Notes/id-et-tags.md\n"
	"Notes/id-seul.md\n"
	"Notes/jamais-ferme.md\n"
	"Notes/latin1.md\n"
	"Projets/Cursus/Idees/Idee profonde.md\n"
	"Templates/Daily.md\n"
	"Templates/Formation.md\n";

/* Every note of the fixture, sorted, three folders deep; nothing of
 * .obsidian, .trash, the image, the canvas or the .txt. */
static void test_walk_fixture(void **state)
{
	(void)state;
	char *dir = fixture_path("vault");
	struct diag_list diags = {0};
	char *text = walk_one(dir, &diags);
	assert_string_equal(text, vault_notes_expected);
	assert_int_equal(diags.n, 0);
	free(text);
	free(dir);
	diag_free(&diags);
}

static void test_note_names(void **state)
{
	(void)state;
	assert_true(vault_is_note_name("a.md"));
	assert_true(vault_is_note_name("Notes.MD"));
	assert_true(vault_is_note_name("b.markdown"));
	assert_true(vault_is_note_name("c.MarkDown"));
	assert_false(vault_is_note_name("a.m"));
	assert_false(vault_is_note_name("a.nd"));
	assert_false(vault_is_note_name(".hidden.md"));
	assert_false(vault_is_note_name(".md"));
	assert_false(vault_is_note_name("md"));
	assert_false(vault_is_note_name("plan.canvas"));
	assert_false(vault_is_note_name("a.md.bak"));
	assert_false(vault_is_note_name("image.png"));
}

/* A link to its parent (a loop), a link back into the walk, a folder
 * outside linked twice, a note linked twice, links to nowhere. */
static void test_walk_links(void **state)
{
	(void)state;
	char *dir = scratch(), *outside = scratch();
	put(dir, "a/one.md", "# one\n");
	put(dir, "b/two.md", "# two\n");
	put(outside, "ext.md", "# outside\n");
	put(outside, "deeper/ext2.md", "# deeper\n");
	link_at(dir, "a/loop", "..");            /* the vault itself, again */
	link_at(dir, "b/to-a", "../a");          /* back into the walk */
	link_at(dir, "c-ext", outside);          /* out of the vault... */
	link_at(dir, "d-ext-again", outside);    /* ...twice: walked once */
	link_at(dir, "one-again.md", "a/one.md"); /* a note twice: once */
	link_at(dir, "nowhere.md", "missing.md"); /* to nowhere: said */
	link_at(dir, "loop-x.md", "loop-y.md");
	link_at(dir, "loop-y.md", "loop-x.md");
	link_at(dir, "gone-folder", "missing"); /* to no folder: nothing */
	struct diag_list diags = {0};
	char *text = walk_one(dir, &diags);
	assert_string_equal(text,
			    "a/one.md\n"
			    "b/two.md\n"
			    "c-ext/deeper/ext2.md\n"
			    "c-ext/ext.md\n"
			    "loop-x.md!Too many levels of symbolic links\n"
			    "loop-y.md!Too many levels of symbolic links\n"
			    "nowhere.md!No such file or directory\n");
	assert_int_equal(diags.n, 0);
	free(text);
	diag_free(&diags);
	remove_tree(dir);
	remove_tree(outside);
}

/* A note met twice otherwise: a hard link; a note reached through a link
 * to it before its folder is walked through a link to that; a note linked
 * to from a data directory, then met in the next one. */
static void test_walk_notes_met_twice(void **state)
{
	(void)state;
	char *dir = scratch(), *outside = scratch(), *next = scratch();
	put(dir, "a/note.md", "# note\n");
	char from[4200], to[4200];
	snprintf(from, sizeof from, "%s/a/note.md", dir);
	snprintf(to, sizeof to, "%s/b-hard.md", dir);
	assert_int_equal(link(from, to), 0); /* sorts after a/note.md */
	put(outside, "ext.md", "# outside\n");
	char ext[4200];
	snprintf(ext, sizeof ext, "%s/ext.md", outside);
	link_at(dir, "e1.md", ext);     /* the note first... */
	link_at(dir, "e2", outside);    /* ...then its folder */
	put(next, "mine.md", "# next\n");
	char theirs[4200];
	snprintf(theirs, sizeof theirs, "%s/mine.md", next);
	link_at(dir, "f.md", theirs);   /* a note of the next directory */

	struct diag_list diags = {0};
	struct vault_walk w = {0};
	expect_walk(&w, dir, &diags, VAULT_WALKED, "a/note.md\ne1.md\nf.md\n");
	expect_walk(&w, next, &diags, VAULT_WALKED, "");
	vault_walk_free(&w);
	assert_int_equal(diags.n, 0);
	diag_free(&diags);
	remove_tree(dir);
	remove_tree(outside);
	remove_tree(next);
}

/* A file and a folder that disappear while the walk goes: not a word. */
static void test_walk_vanishing(void **state)
{
	(void)state;
	char *dir = scratch();
	put(dir, "stays.md", "# stays\n");
	put(dir, "vanishing.md", "# goes\n");
	put(dir, "going/note.md", "# goes too\n");
	put(dir, "sub/stays-too.md", "# stays\n");
	vanishing_file = "vanishing.md";
	vanishing_folder = "going";
	struct diag_list diags = {0};
	char *text = walk_one(dir, &diags);
	vanishing_file = vanishing_folder = NULL;
	assert_string_equal(text, "stays.md\nsub/stays-too.md\n");
	assert_int_equal(diags.n, 0);
	struct stat st;
	assert_int_not_equal(stat(dir, &st), -1);
	free(text);
	diag_free(&diags);
	remove_tree(dir);
}

/* A folder that cannot be read: a warning naming it, the rest walked. */
static void test_walk_unreadable_folder(void **state)
{
	(void)state;
	char *dir = scratch();
	put(dir, "open/a.md", "# a\n");
	put(dir, "locked/b.md", "# b\n");
	locked_folder = "locked";
	struct diag_list diags = {0};
	char *text = walk_one(dir, &diags);
	locked_folder = NULL;
	assert_string_equal(text, "open/a.md\n");
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].severity, DIAG_WARNING);
	char want[4200];
	snprintf(want, sizeof want, "%s/locked", dir);
	assert_string_equal(diags.v[0].file, want);
	assert_non_null(strstr(diags.v[0].message, "Permission denied"));
	free(text);
	diag_free(&diags);
	remove_tree(dir);
}

/* Two data directories, one inside the other, or one twice: no folder
 * is walked twice, no note found twice. */
static void test_walk_overlapping_dirs(void **state)
{
	(void)state;
	char *dir = scratch();
	put(dir, "top.md", "# top\n");
	put(dir, "sub/inner.md", "# inner\n");
	char sub[4200];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	struct diag_list diags = {0};

	struct vault_walk w = {0};
	expect_walk(&w, dir, &diags, VAULT_WALKED, "sub/inner.md\ntop.md\n");
	expect_walk(&w, sub, &diags, VAULT_SEEN, "");
	expect_walk(&w, dir, &diags, VAULT_SEEN, NULL);
	vault_walk_free(&w);

	expect_walk(&w, sub, &diags, VAULT_WALKED, "inner.md\n");
	expect_walk(&w, dir, &diags, VAULT_WALKED, "top.md\n"); /* sub is not walked again */
	vault_walk_free(&w);

	/* with a trailing slash, the paths have one slash (note_seen checks) */
	char slashed[4300];
	snprintf(slashed, sizeof slashed, "%s//", sub);
	expect_walk(&w, slashed, &diags, VAULT_WALKED, "inner.md\n");
	vault_walk_free(&w);

	/* a directory that cannot be opened says why */
	snprintf(slashed, sizeof slashed, "%s/missing", dir);
	int err;
	assert_int_equal(vault_walk_dir(&w, slashed, note_seen, NULL, &diags, &err),
			 VAULT_UNREADABLE);
	assert_int_equal(err, ENOENT);
	vault_walk_free(&w);
	assert_int_equal(diags.n, 0);
	diag_free(&diags);
	remove_tree(dir);
}

/* Folders nested deeper than VAULT_MAX_DEPTH: a warning, no crash. */
static void test_walk_depth(void **state)
{
	(void)state;
	char *dir = scratch();
	char rel[4096] = "";
	for (int i = 0; i < VAULT_MAX_DEPTH + 2; i++)
		strcat(rel, "d/");
	strcat(rel, "deep.md");
	put(dir, rel, "# deep\n");
	put(dir, "d/shallow.md", "# shallow\n");
	struct diag_list diags = {0};
	char *text = walk_one(dir, &diags);
	assert_string_equal(text, "d/shallow.md\n");
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].severity, DIAG_WARNING);
	assert_non_null(strstr(diags.v[0].message, "folders deep"));
	free(text);
	diag_free(&diags);
	remove_tree(dir);
}

/* ---- what a note is ---- */

static enum note_kind kind_of(const char *text)
{
	char *dir = scratch();
	put(dir, "note.md", text);
	char path[4200];
	snprintf(path, sizeof path, "%s/note.md", dir);
	struct diag_list diags = {0};
	enum note_kind kind = spec_note_kind(path, &diags);
	assert_int_equal(diags.n, 0); /* whatever it is, not a word */
	enum note_kind again;
	struct program *p = spec_load_note(path, &again, &diags);
	assert_int_equal(again, kind);
	if (kind != NOTE_SPEC)
		assert_int_equal(diags.n, 0);
	spec_free(p);
	diag_free(&diags);
	remove_tree(dir);
	return kind;
}

static void test_note_kinds(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum note_kind kind;
	} cases[] = {
		{ "", NOTE_EMPTY },
		{ "# A note\n", NOTE_NO_FRONT },
		{ "\n---\nid: X-A\nnom: x\n---\n", NOTE_NO_FRONT },
		{ "---\n---\n", NOTE_NO_ID },
		{ "---\ntags: [a, b]\ncreated: 2024-01-01\n---\n", NOTE_NO_ID },
		{ "---\nnom: \"No id\"\neffort: 10h\n---\n", NOTE_NO_ID },
		{ "---\nid: 20240115\n---\n", NOTE_ID_ONLY },
		{ "---\nid: X-A\nprix: 10\nurl: x\ntags: [a]\n---\n", NOTE_ID_ONLY },
		{ "---\nid: X-A\nmeta:\n  nom: indented, not top-level\n---\n", NOTE_ID_ONLY },
		{ "---\nid:\ntitle: x\n---\n", NOTE_EMPTY_ID },
		{ "---\nid: \"\"\ntitle: x\n---\n", NOTE_EMPTY_ID },
		{ "---\nid: ~\ntitle: x\n---\n", NOTE_EMPTY_ID },
		{ "---\nid: # later\ntitle: x\n---\n", NOTE_EMPTY_ID },
		{ "---\nid: \"{{id}}\"\nnom: \"{{title}}\"\n---\n", NOTE_TEMPLATE },
		{ "---\nid: <% tp.file.title %>\nnom: x\n---\n", NOTE_TEMPLATE },
		{ "---\ndate: {{date}}\ntitle: \"{{title}}\"\n---\n", NOTE_NO_ID },
		{ "---\nid: X-A\nnom: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\ntitle: x\n...\n", NOTE_SPEC },
		{ "---\nid: X-A\nname: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\neffort: 10h\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\ninstitution: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\nprovider: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\nbadge: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\nstatut: x\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\nstatus: x\n---\n", NOTE_SPEC },
		{ "\xEF\xBB\xBF---\r\n\"id\": X-A\r\n'nom' : x\r\n---\r\n", NOTE_SPEC },
		{ "---\nid:\n  - a list\nnom: x\n---\n", NOTE_SPEC }, /* broken, but a spec */
		{ "---\nid: X-A\nnom: [unclosed\n---\n", NOTE_SPEC },
		{ "---\nid: X-A\nnom: x\n\n# never closed\n", NOTE_SPEC },
		{ "---\ntags: x\n\n# never closed\n", NOTE_NO_ID },
		{ "---\nid: X-A\n---\nnom: in the body, not the front matter\n", NOTE_ID_ONLY },
		{ "---\ntags: [caf\xE9]\n---\n\xE9t\xE9\n", NOTE_NO_ID },
		{ "---\nid: X-A\nnom: caf\xE9\n---\n", NOTE_SPEC },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum note_kind kind = kind_of(cases[i].text);
		if (kind != cases[i].kind)
			fail_msg("case %zu (%s): %s, expected %s", i, cases[i].text,
				 spec_note_kind_text(kind), spec_note_kind_text(cases[i].kind));
	}
}

/* A note that is not a spec is never read past its front matter: a 9 MB
 * note is no error, and neither is a note whose body is not UTF-8. */
static void test_large_notes(void **state)
{
	(void)state;
	char *dir = scratch();
	size_t n = 9u * 1024 * 1024;
	char *text = malloc(n + 64);
	assert_non_null(text);
	strcpy(text, "---\ntags: [big]\n---\n");
	memset(text + strlen(text), 'a', n);
	text[n + 20] = '\0';
	put(dir, "big.md", text);
	memset(text, 'b', n);
	text[n] = '\0';
	put(dir, "one-line.md", text);
	free(text);
	char path[4200];
	struct diag_list diags = {0};
	snprintf(path, sizeof path, "%s/big.md", dir);
	assert_int_equal(spec_note_kind(path, &diags), NOTE_NO_ID);
	snprintf(path, sizeof path, "%s/one-line.md", dir);
	assert_int_equal(spec_note_kind(path, &diags), NOTE_NO_FRONT);
	snprintf(path, sizeof path, "%s/missing.md", dir);
	assert_int_equal(spec_note_kind(path, &diags), NOTE_GONE);
	assert_int_equal(diags.n, 0);
	diag_free(&diags);
	remove_tree(dir);
}

/* ---- the catalogue of the fixture ---- */

static void test_catalog_of_the_vault(void **state)
{
	(void)state;
	unsetenv("CURSUS_PATH");
	struct strv dirs = {0};
	strv_push(&dirs, fixture_path("vault"));
	struct catalog cat = {0};
	catalog_set_path(&cat, &dirs, NULL);
	assert_true(catalog_load(&cat));
	assert_int_equal(cat.n_programs, 2);
	assert_string_equal(cat.programs[0]->id, "P4-A");
	assert_string_equal(cat.programs[1]->id, "P4-B");
	assert_non_null(strstr(cat.programs[0]->path, "/vault/Formations/IA/P4-A.md"));
	assert_int_equal(cat.n_specs, 3);
	assert_int_equal(cat.n_failed, 1);
	assert_int_equal(cat.n_skipped, 13);
	assert_int_equal(cat.notes.n, 16);
	/* the one error: the broken spec, at its line */
	assert_int_equal(cat.diags.n, 1);
	assert_int_equal(cat.diags.v[0].severity, DIAG_ERROR);
	assert_non_null(strstr(cat.diags.v[0].file, "broken-spec.md"));
	assert_int_equal(cat.diags.v[0].line, 4);
	/* why each note was skipped */
	bool template = false, id_only = false, no_front = false;
	size_t skipped = 0;
	for (size_t i = 0; i < cat.notes.n; i++) {
		const char *path = cat.notes.v[i];
		enum note_kind why = cat.note_kinds[i];
		skipped += why != NOTE_SPEC && why != NOTE_UNREADABLE;
		template |= strstr(path, "Templates/Formation.md") && why == NOTE_TEMPLATE;
		id_only |= strstr(path, "Notes/id-seul.md") && why == NOTE_ID_ONLY;
		no_front |= strstr(path, "Accueil.md") && why == NOTE_NO_FRONT;
	}
	assert_int_equal(skipped, cat.n_skipped);
	assert_true(template);
	assert_true(id_only);
	assert_true(no_front);
	catalog_free(&cat);

	/* the same vault twice, and a folder of it: the same catalogue */
	char *inner = fixture_path("vault/Formations");
	strv_push(&dirs, inner);
	strv_push(&dirs, fixture_path("vault"));
	catalog_set_path(&cat, &dirs, NULL);
	assert_true(catalog_load(&cat));
	assert_int_equal(cat.n_programs, 2);
	assert_int_equal(cat.n_failed, 1);
	assert_int_equal(cat.notes.n, 16);
	assert_int_equal(cat.diags.n, 1);
	catalog_free(&cat);
	strv_free(&dirs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_fixture),
		cmocka_unit_test(test_note_names),
		cmocka_unit_test(test_walk_links),
		cmocka_unit_test(test_walk_notes_met_twice),
		cmocka_unit_test(test_walk_vanishing),
		cmocka_unit_test(test_walk_unreadable_folder),
		cmocka_unit_test(test_walk_overlapping_dirs),
		cmocka_unit_test(test_walk_depth),
		cmocka_unit_test(test_note_kinds),
		cmocka_unit_test(test_large_notes),
		cmocka_unit_test(test_catalog_of_the_vault),
	};
	return RUN_TESTS(tests);
}
