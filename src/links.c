/* Links resolved in the vault. Paths are compared as text, made absolute
 * and normal ("a/./b/../c" is "a/c") and in NFC, so that a link and the
 * catalogue's name of a note meet whatever way each was written; only a
 * link to a file that is not a note (a PDF) asks the file system. */
#include "config.h"
#include "links.h"
#include "nls.h"
#include "text.h"
#include "vault_walk.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

/* A note is read (made normal, its name folded) only once its file name
 * may be the one looked for: most notes of a large vault never are. */
struct link_note {
	const char *path;      /* as the catalogue has it */
	const char *base;      /* its file name, in path */
	const char *ext;       /* its ending, in base: ".md", ".markdown" */
	bool ready;            /* the fields below are set */
	char *norm;            /* absolute, normal, NFC */
	size_t dir_len;        /* norm's data directory: its first dir_len bytes */
	char *key;             /* the path from the data directory, without
				* ".md", case folded: what [[folder/name]] matches */
	const char *name_key;  /* key's last part: what [[name]] matches */
	size_t depth;          /* folders between the data directory and it */
	bool beside_spec;      /* in the spec's own folder */
};

struct vault {
	char **dirs;           /* normal, absolute */
	size_t n_dirs;
	struct link_note *notes;
	size_t n_notes;
	char *spec_norm;
	char *spec_folder;     /* normal, absolute */
};

const char *link_state_name(enum link_state state)
{
	switch (state) {
	case LINK_IS_WEB: return _("web");
	case LINK_PRESENT: return _("present");
	case LINK_MISSING: return _("missing");
	case LINK_OUTSIDE: return _("outside the vault");
	}
	return "?";
}

/* ---- paths as text ---- */

/* path made absolute (from the working directory) and normal: no ".",
 * "..", or empty parts; "/" alone for the root. */
static char *path_normal(const char *path)
{
	char cwd[4096] = "";
	if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
		strcpy(cwd, "/");
	char *whole = xasprintf("%s/%s", cwd, path);
	struct strbuf out = {0};
	const char *s = whole;
	while (*s) {
		while (*s == '/')
			s++;
		size_t n = strcspn(s, "/");
		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* nothing */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = out.len ? strrchr(out.buf, '/') : NULL;
			if (slash) {
				out.len = (size_t)(slash - out.buf);
				out.buf[out.len] = '\0';
			}
		} else {
			sb_addc(&out, '/');
			sb_add(&out, s, n);
		}
		s += n;
	}
	free(whole);
	if (!out.len)
		sb_addc(&out, '/');
	char *normal = sb_steal(&out);
	char *nfc = text_nfc(normal);
	free(normal);
	return nfc;
}

static char *folder_of(const char *normal)
{
	const char *slash = strrchr(normal, '/');
	return slash == normal ? xstrdup("/") : xstrndup(normal, (size_t)(slash - normal));
}

/* True when normal path lies in normal dir (not dir itself). */
static bool path_in(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1) /* the root */
		return path[1] != '\0';
	return strncmp(path, dir, n) == 0 && path[n] == '/' && path[n + 1] != '\0';
}

/* The length of the data directory holding path (the longest, should
 * one be inside another), or 0 when none does. */
static size_t dir_of(const struct vault *v, const char *path)
{
	size_t best = 0;
	for (size_t i = 0; i < v->n_dirs; i++) {
		size_t n = strlen(v->dirs[i]);
		if (path_in(path, v->dirs[i]) && n > best)
			best = n;
	}
	return best;
}

static const char *relative_part(const char *path, size_t dir_len)
{
	return dir_len == 1 ? path + 1 : path + dir_len + 1;
}

static int hex_value(char c)
{
	return isdigit((unsigned char)c) ? c - '0'
	     : isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : -1;
}

/* "My%20note.md" is "My note.md"; a '%' that begins no escape (or one of
 * a NUL) stays as it is. */
static char *percent_decode(const char *s, size_t n)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		int hi = s[i] == '%' && i + 2 < n ? hex_value(s[i + 1]) : -1;
		int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
		if (hi >= 0 && lo >= 0 && (hi || lo)) {
			sb_addc(&sb, (char)(hi * 16 + lo));
			i += 2;
		} else {
			sb_addc(&sb, s[i]);
		}
	}
	return sb_steal(&sb);
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* ASCII letters folded, the rest as it is. */
static char *fold_ascii(const char *s)
{
	char *folded = xstrdup(s);
	for (char *c = folded; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return folded;
}

/* Compared without case as Obsidian compares names: Unicode case
 * folding, in NFC. An ASCII name (most are) folds and composes to its
 * ASCII letters folded, without the look into utf8proc's tables. */
static char *fold_case(const char *s)
{
	if (is_ascii(s))
		return fold_ascii(s);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
					  UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n >= 0)
		return (char *)out;
	return fold_ascii(s); /* not UTF-8: ASCII letters alone */
}

/* ---- the vault ---- */

static struct link_note *note_ready(const struct vault *v, struct link_note *vn)
{
	if (vn->ready)
		return vn;
	vn->ready = true;
	const char *path = vn->path;
	vn->norm = path_normal(path);
	vn->dir_len = dir_of(v, vn->norm);
	const char *rel = vn->dir_len ? relative_part(vn->norm, vn->dir_len)
				      : strrchr(vn->norm, '/') + 1;
	char *name = xstrdup(rel);
	name[strlen(name) - vault_note_extension(name)] = '\0';
	vn->key = fold_case(name);
	vn->ext = vn->base + strlen(vn->base) - vault_note_extension(vn->base);
	free(name);
	const char *slash = strrchr(vn->key, '/');
	vn->name_key = slash ? slash + 1 : vn->key;
	vn->depth = 0;
	for (const char *c = rel; *c; c++)
		vn->depth += *c == '/';
	char *folder = folder_of(vn->norm);
	vn->beside_spec = strcmp(folder, v->spec_folder) == 0;
	free(folder);
	return vn;
}

static void vault_open(struct vault *v, const char *spec_path, const struct strv *dirs,
		       const struct strv *notes)
{
	memset(v, 0, sizeof *v);
	v->dirs = xcalloc(dirs->n + 1, sizeof *v->dirs);
	for (size_t i = 0; i < dirs->n; i++)
		v->dirs[v->n_dirs++] = path_normal(dirs->v[i]);
	v->spec_norm = path_normal(spec_path);
	v->spec_folder = folder_of(v->spec_norm);
	v->notes = xcalloc(notes->n + 1, sizeof *v->notes);
	for (size_t i = 0; i < notes->n; i++) {
		struct link_note *vn = &v->notes[v->n_notes++];
		const char *slash = strrchr(notes->v[i], '/');
		vn->path = notes->v[i];
		vn->base = slash ? slash + 1 : notes->v[i];
	}
}

static void vault_close(struct vault *v)
{
	for (size_t i = 0; i < v->n_dirs; i++)
		free(v->dirs[i]);
	free(v->dirs);
	for (size_t i = 0; i < v->n_notes; i++) {
		free(v->notes[i].norm);
		free(v->notes[i].key);
	}
	free(v->notes);
	free(v->spec_norm);
	free(v->spec_folder);
}

/* An ASCII file name is its own NFC: it can be told apart unread. */
static const struct link_note *note_at(const struct vault *v, const char *norm)
{
	const char *base = strrchr(norm, '/') + 1;
	for (size_t i = 0; i < v->n_notes; i++) {
		struct link_note *vn = &v->notes[i];
		if (is_ascii(vn->base) && strcmp(vn->base, base) != 0)
			continue;
		if (strcmp(note_ready(v, vn)->norm, norm) == 0)
			return vn;
	}
	return NULL;
}

/* False when the note's file name cannot be the folded name key: both in
 * ASCII and not alike but for case (and the extension). */
static bool may_be_named(const struct link_note *vn, const char *key)
{
	if (!is_ascii(vn->base) || !is_ascii(key))
		return true;
	size_t n = strlen(vn->base) - vault_note_extension(vn->base);
	return n == strlen(key) && strncasecmp(vn->base, key, n) == 0;
}

static void set_present(struct link_resolution *r, const char *path, const char *norm,
			size_t dir_len, bool is_note)
{
	r->state = LINK_PRESENT;
	r->path = xstrdup(path);
	r->relative = xstrdup(dir_len ? relative_part(norm, dir_len) : norm);
	r->is_note = is_note;
}

static void set_note(struct link_resolution *r, const struct link_note *vn)
{
	set_present(r, vn->path, vn->norm, vn->dir_len, true);
}

/* "#heading" alone, or nothing before it: the spec itself. */
static void set_self(struct link_resolution *r, const struct vault *v, const char *spec_path)
{
	const struct link_note *self = note_at(v, v->spec_norm);
	if (self)
		set_note(r, self);
	else
		set_present(r, spec_path, v->spec_norm, dir_of(v, v->spec_norm), true);
}

/* A file that is not a Markdown note, such as a PDF beside the notes. */
static bool other_file(const char *norm)
{
	const char *name = strrchr(norm, '/') + 1;
	const char *dot = strrchr(name, '.');
	struct stat st;
	return dot && dot != name && !vault_note_extension(name) && stat(norm, &st) == 0 &&
	       S_ISREG(st.st_mode);
}

static bool has_extension(const char *norm)
{
	const char *name = strrchr(norm, '/') + 1;
	const char *dot = strrchr(name, '.');
	return dot && dot != name;
}

static void resolve_markdown(const struct vault *v, const char *spec_path,
			     const char *target, struct link_resolution *r)
{
	char *path = percent_decode(target, strcspn(target, "#?"));
	if (!*path) {
		free(path);
		set_self(r, v, spec_path);
		return;
	}
	char *joined = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", v->spec_folder, path);
	char *norm = path_normal(joined);
	free(joined);
	free(path);
	size_t dir_len = dir_of(v, norm);
	const struct link_note *vn = dir_len ? note_at(v, norm) : NULL;
	if (!dir_len) {
		r->state = LINK_OUTSIDE;
	} else if (vn) {
		set_note(r, vn);
	} else if (!has_extension(norm)) { /* [text](other), as Obsidian writes it */
		for (const struct note_extension *e = vault_note_extensions; !vn && e->name; e++) {
			char *note = xasprintf("%s%s", norm, e->name);
			if ((vn = note_at(v, note)) != NULL)
				set_note(r, vn);
			free(note);
		}
	} else if (other_file(norm)) {
		set_present(r, norm, norm, dir_len, false);
	}
	free(norm);
}

/* Which of two notes named alike a wikilink means: the one in the spec's
 * own folder, else the one nearest its data directory, else the shorter
 * path, else the ".md" beside a ".markdown" (as [text](name) tries them),
 * else the first found (the catalogue lists the first directory first). */
static bool nearer(const struct link_note *a, const struct link_note *b)
{
	if (!b)
		return true;
	if (a->beside_spec != b->beside_spec)
		return a->beside_spec;
	if (a->depth != b->depth)
		return a->depth < b->depth;
	size_t ka = strlen(a->key), kb = strlen(b->key);
	if (ka != kb)
		return ka < kb;
	return strlen(a->ext) < strlen(b->ext);
}

static bool wiki_matches(const struct link_note *vn, const char *key, bool has_folder)
{
	if (!has_folder)
		return strcmp(vn->name_key, key) == 0;
	size_t nk = strlen(vn->key), n = strlen(key);
	return nk >= n && strcmp(vn->key + nk - n, key) == 0 &&
	       (nk == n || vn->key[nk - n - 1] == '/');
}

static void resolve_wiki(const struct vault *v, const char *spec_path, const char *target,
			 struct link_resolution *r)
{
	char *raw = xstrndup(target, strcspn(target, "#"));
	char *name = text_trim(raw);
	free(raw);
	/* [[name.markdown]] means that file, not a name.md beside it */
	size_t ext_len = vault_note_extension(name);
	char *ext = xstrdup(name + strlen(name) - ext_len);
	name[strlen(name) - ext_len] = '\0';
	if (!*name) {
		free(ext);
		free(name);
		set_self(r, v, spec_path);
		return;
	}
	char *nfc = text_nfc(name[0] == '/' ? name + 1 : name);
	char *key = fold_case(nfc);
	bool has_folder = strchr(key, '/') != NULL;
	const struct link_note *best = NULL;
	const char *slash = strrchr(key, '/');
	const char *name_key = slash ? slash + 1 : key;
	for (size_t i = 0; i < v->n_notes; i++) {
		struct link_note *vn = &v->notes[i];
		if (!may_be_named(vn, name_key))
			continue;
		note_ready(v, vn);
		if (vn->dir_len && (!*ext || strcasecmp(vn->ext, ext) == 0) &&
		    wiki_matches(vn, key, has_folder) && nearer(vn, best))
			best = vn;
	}
	if (best)
		set_note(r, best);
	free(ext);
	free(key);
	free(nfc);
	free(name);
}

struct link_resolution *links_resolve(const char *spec_path, const struct link *links,
				      size_t n, const struct strv *dirs,
				      const struct strv *notes)
{
	if (n == 0)
		return NULL;
	struct link_resolution *r = xcalloc(n, sizeof *r);
	struct vault v;
	bool opened = false;
	for (size_t i = 0; i < n; i++) {
		r[i].state = LINK_MISSING;
		if (links[i].kind == LINK_WEB) {
			r[i].state = LINK_IS_WEB;
			continue;
		}
		if (!opened) /* only for a spec that links to notes */
			vault_open(&v, spec_path, dirs, notes), opened = true;
		if (links[i].kind == LINK_MARKDOWN)
			resolve_markdown(&v, spec_path, links[i].target, &r[i]);
		else
			resolve_wiki(&v, spec_path, links[i].target, &r[i]);
	}
	if (opened)
		vault_close(&v);
	return r;
}

void links_free(struct link_resolution *r, size_t n)
{
	for (size_t i = 0; r && i < n; i++) {
		free(r[i].path);
		free(r[i].relative);
	}
	free(r);
}
