#include "config.h"
#include "vault_walk.h"
#include "nls.h"
#include "strbuf.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- device and inode numbers met ---- */

/* ino 0 marks a free slot: no file has inode 0. */
struct vault_inode {
	dev_t dev;
	ino_t ino;
};

static size_t inode_hash(dev_t dev, ino_t ino)
{
	uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)dev * 0xC2B2AE3D27D4EB4Full;
	return (size_t)(h ^ (h >> 29));
}

static struct vault_inode *seen_slot(struct vault_inode *slots, size_t cap, dev_t dev, ino_t ino)
{
	size_t mask = cap - 1;
	for (size_t i = inode_hash(dev, ino) & mask;; i = (i + 1) & mask)
		if (!slots[i].ino || (slots[i].dev == dev && slots[i].ino == ino))
			return &slots[i];
}

/* Keeps the table at most three quarters full. */
static void seen_grow(struct vault_seen *s)
{
	if (4 * (s->n + 1) <= 3 * s->cap)
		return;
	size_t cap = s->cap ? 2 * s->cap : 64;
	struct vault_inode *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].ino)
			*seen_slot(slots, cap, s->slots[i].dev, s->slots[i].ino) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

/* Notes (dev, ino) as met; false when it had been met already. */
static bool seen_add(struct vault_seen *s, dev_t dev, ino_t ino)
{
	if (!ino)
		return true; /* not a real inode: nothing to compare */
	seen_grow(s);
	struct vault_inode *slot = seen_slot(s->slots, s->cap, dev, ino);
	if (slot->ino)
		return false;
	*slot = (struct vault_inode){ dev, ino };
	s->n++;
	return true;
}

/* Whether a note is met for the first time. A note of one link met in a
 * folder cannot have been met before, as its folder is walked once,
 * unless some note was met through a symbolic link to it: until one is,
 * such notes are only listed, and hashed when that happens. (Hashing
 * every note as it came took 1.2 M instructions of a warm list's 16.7 M
 * in a vault of 10,000 notes, and a table of 256 KB.) */
static bool first_meeting(struct vault_walk *w, const struct stat *st, bool through_link)
{
	if (through_link && !w->hash_all) {
		for (size_t i = 0; i < w->n_unhashed; i++)
			seen_add(&w->notes, w->unhashed_dev, w->unhashed[i]);
		free(w->unhashed);
		w->unhashed = NULL;
		w->n_unhashed = w->cap_unhashed = 0;
		w->hash_all = true;
	}
	if (!w->n_unhashed)
		w->unhashed_dev = st->st_dev;
	/* the list keeps inodes alone, half the memory of the pairs (a page
	 * first touched costs 10 us here): a note on another device than
	 * the first is hashed at once */
	if (!w->hash_all && st->st_nlink == 1 && st->st_dev == w->unhashed_dev) {
		XGROW(w->unhashed, w->cap_unhashed, w->n_unhashed + 1);
		w->unhashed[w->n_unhashed++] = st->st_ino;
		return true;
	}
	return seen_add(&w->notes, st->st_dev, st->st_ino);
}

/* ---- the walk of one data directory ---- */

/* The entries of a folder worth a look (notes, folders, links), each as
 * its type (DT_REG, DT_DIR or DT_LNK) then its key: its name, a folder's
 * followed by '/'. Sorted by strcmp of their keys, they come in the
 * order that finds the notes in order of their paths, as a folder's
 * notes' paths go on after the slash. (Comparing names and types instead
 * took 3.9 M instructions in a vault of 10,000 notes, these keys 2.7 M.) */
struct entries {
	struct strbuf text;   /* type, key, NUL; type, key, NUL; ... */
	char **keys;          /* into text, once all are read */
	size_t n, cap_keys;
};

struct walker {
	struct vault_walk *w;
	vault_note_fn *fn;         /* told of each note */
	void *ctx;
	struct diag_list *diags;
	size_t dir_len;            /* of dir, without its trailing slashes */
	int dir_fd;
	struct strbuf path;        /* the folder walked: dir, '/', then its path
				    * below dir ("" or "a/b/"), to which a
				    * note's name is added while it is told of */
	struct strv links;         /* links met, followed afterwards */
	struct entries *levels;    /* a folder's entries, one for each depth
				    * (0 to VAULT_MAX_DEPTH), reused by the
				    * folders at that depth: a folder's own
				    * folders are one deeper, so none is in
				    * use twice; no allocation per folder */
};

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the name (n bytes) ends in ext (k bytes, lower case), ASCII
 * letters compared without case (".MD" is a note too). */
static bool ends_with(const char *name, size_t n, const char *ext, size_t k)
{
	if (n <= k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (ascii_lower(name[n - k + i]) != ext[i])
			return false;
	return true;
}

const struct note_extension vault_note_extensions[] = {
	{ ".md", 3 }, { ".markdown", 9 }, { NULL, 0 },
};

/* Asked of every file of the vault: strcasecmp(), which consults the
 * locale, took 0.44 M instructions of a warm list's 13.4 M on 10,000
 * notes. */
static size_t note_extension(const char *name, size_t n)
{
	for (const struct note_extension *e = vault_note_extensions; e->name; e++)
		if (ends_with(name, n, e->name, e->len))
			return e->len;
	return 0;
}

static bool is_note_name(const char *name, size_t n)
{
	return name[0] != '.' && note_extension(name, n) > 0;
}

size_t vault_note_extension(const char *name)
{
	return note_extension(name, strlen(name));
}

bool vault_is_note_name(const char *name)
{
	return is_note_name(name, strlen(name));
}

/* The folder walked, below dir: "" or "a/b/". */
static const char *rel_of(const struct walker *wk)
{
	return wk->path.buf + wk->dir_len + 1;
}

/* Adds name to the path of the folder walked, until cut_path(wk, mark). */
static size_t add_to_path(struct walker *wk, const char *name)
{
	size_t mark = wk->path.len;
	sb_adds(&wk->path, name);
	return mark;
}

static void cut_path(struct walker *wk, size_t mark)
{
	wk->path.len = mark;
	wk->path.buf[mark] = '\0';
}

/* A copy of dir/rel/name, for a warning (name may be empty: the folder
 * itself, without a slash). */
static char *path_of(const struct walker *wk, const char *name)
{
	size_t len = wk->path.len;
	if (!*name && len > wk->dir_len + 1)
		len--; /* the folder: no slash at the end */
	return xasprintf("%.*s%s", (int)len, wk->path.buf, name);
}

/* A file or folder that went away, or a link to nowhere or around in a
 * circle, while we walked: nothing to say. */
static bool gone(int err)
{
	return err == ENOENT || err == ENOTDIR || err == ELOOP;
}

static void warn_folder(struct walker *wk, const char *name, int err)
{
	char *path = path_of(wk, name);
	diag_add(wk->diags, DIAG_WARNING, path, 0,
		 _("cannot read this folder: %s; the notes in it are not read"), strerror(err));
	free(path);
}

/* Tells of the note named name in the folder open as dfd (or met through
 * a link to it), unless it was met already: the folders are walked before
 * the links, so a note is found where it is rather than where a link to
 * it is. Its path is the walker's, for the time of the call: no
 * allocation per note. */
static void add_note(struct walker *wk, int dfd, const char *name, const struct stat *st,
		     bool through_link, int err)
{
	if (!err && !first_meeting(wk->w, st, through_link))
		return;
	size_t mark = add_to_path(wk, name);
	struct vault_note note = {
		.path = wk->path.buf, .path_len = wk->path.len, .rel = rel_of(wk), .dev = st->st_dev, .ino = st->st_ino,
		.size = st->st_size, .mtime = st->st_mtim, .err = err,
	};
	wk->fn(wk->ctx, &note, err ? -1 : dfd, err ? NULL : name);
	cut_path(wk, mark);
}

static void walk_folder(struct walker *wk, int fd, int depth);

/* Walks the folder open as fd, below dir as rel (ending in '/'), unless it
 * was walked already. Takes fd over. */
static void walk_folder_at(struct walker *wk, int fd, const char *rel, int depth)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !seen_add(&wk->w->folders, st.st_dev, st.st_ino)) {
		close(fd);
		return;
	}
	size_t mark = add_to_path(wk, rel);
	if (depth > VAULT_MAX_DEPTH) {
		char *path = path_of(wk, "");
		diag_add(wk->diags, DIAG_WARNING, path, 0,
			 _("more than %d folders deep: the notes in this folder are not read"),
			 VAULT_MAX_DEPTH);
		free(path);
		close(fd);
	} else {
		walk_folder(wk, fd, depth);
	}
	cut_path(wk, mark);
}

/* Enters the folder whose key (its name, then '/') is key. */
static void enter_folder(struct walker *wk, int dfd, const char *key, int depth)
{
	char name[NAME_MAX + 1];
	size_t n = strlen(key) - 1;
	memcpy(name, key, n);
	name[n] = '\0';
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (!gone(errno))
			warn_folder(wk, name, errno);
		return;
	}
	walk_folder_at(wk, fd, key, depth);
}

static void take_regular(struct walker *wk, int dfd, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, 0) != 0) {
		if (!gone(errno)) {
			char *path = path_of(wk, name);
			diag_add(wk->diags, DIAG_WARNING, path, 0, _("cannot read: %s"),
				 strerror(errno));
			free(path);
		}
		return;
	}
	if (S_ISREG(st.st_mode))
		add_note(wk, dfd, name, &st, false, 0);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_entry(struct entries *e, unsigned char type, const char *name, size_t n)
{
	XGROW(e->text.buf, e->text.cap, e->text.len + n + 3);
	char *p = e->text.buf + e->text.len;
	*p++ = (char)type;
	memcpy(p, name, n);
	p += n;
	if (type == DT_DIR)
		*p++ = '/';
	*p++ = '\0';
	e->text.len = (size_t)(p - e->text.buf);
	e->n++;
}

/* Points e->keys at the keys, in order. */
static void sort_entries(struct entries *e)
{
	XGROW(e->keys, e->cap_keys, e->n);
	char *p = e->text.buf;
	for (size_t i = 0; i < e->n; i++) {
		e->keys[i] = p + 1;
		p += 1 + strlen(p + 1) + 1;
	}
	if (e->n > 1)
		qsort(e->keys, e->n, sizeof *e->keys, compare_strings);
}

/* Reads the folder's entries; false (with errno) on an error of readdir. */
static bool read_entries(DIR *d, struct entries *e)
{
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(d);
		if (!de)
			return errno == 0;
		const char *name = de->d_name;
		unsigned char type = de->d_type;
		if (name[0] == '.') /* hidden: .obsidian, .git, .trash */
			continue;
		if (type == DT_UNKNOWN) { /* some file systems do not say */
			struct stat st;
			if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
				continue;
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG
				: S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
		}
		size_t n = strlen(name);
		if (type == DT_DIR || type == DT_LNK || (type == DT_REG && is_note_name(name, n)))
			add_entry(e, type, name, n);
	}
}

static void walk_folder(struct walker *wk, int fd, int depth)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		warn_folder(wk, "", errno);
		close(fd);
		return;
	}
	struct entries *e = &wk->levels[depth];
	e->text.len = e->n = 0;
	if (!read_entries(d, e) && !gone(errno))
		warn_folder(wk, "", errno);
	sort_entries(e);
	for (size_t i = 0; i < e->n; i++) {
		const char *key = e->keys[i];
		unsigned char type = (unsigned char)key[-1];
		if (type == DT_REG)
			take_regular(wk, dirfd(d), key);
		else if (type == DT_DIR)
			enter_folder(wk, dirfd(d), key, depth + 1);
		else /* a link: followed once the folders themselves are walked */
			strv_push(&wk->links, xasprintf("%s%s", rel_of(wk), key));
	}
	closedir(d);
}

static int folder_depth(const char *rel)
{
	int depth = 1;
	for (; *rel; rel++)
		depth += *rel == '/';
	return depth;
}

/* A link, by its path below dir: to a note, a note; to a folder, walked
 * (unless walked already: a loop, a link back in); to nowhere or around
 * in a circle, a note that cannot be read if it is named like one. */
static void follow_link(struct walker *wk, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	bool note_name = vault_is_note_name(slash ? slash + 1 : rel);
	struct stat st;
	if (fstatat(wk->dir_fd, rel, &st, 0) != 0) {
		int err = errno;
		if (note_name && fstatat(wk->dir_fd, rel, &st, AT_SYMLINK_NOFOLLOW) == 0)
			add_note(wk, wk->dir_fd, rel, &st, true, err);
		return;
	}
	if (S_ISREG(st.st_mode) && note_name) {
		add_note(wk, wk->dir_fd, rel, &st, true, 0);
	} else if (S_ISDIR(st.st_mode)) {
		int fd = openat(wk->dir_fd, rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0) {
			if (!gone(errno))
				warn_folder(wk, rel, errno);
			return;
		}
		char *folder = xasprintf("%s/", rel);
		walk_folder_at(wk, fd, folder, folder_depth(rel));
		free(folder);
	}
}

/* The links, in order of their paths (so that which way in to a folder
 * linked twice is taken does not depend on the order of readdir), and
 * then the links found in the folders they lead to. */
static void follow_links(struct walker *wk)
{
	while (wk->links.n > 0) {
		struct strv batch = wk->links;
		memset(&wk->links, 0, sizeof wk->links);
		qsort(batch.v, batch.n, sizeof *batch.v, compare_strings);
		for (size_t i = 0; i < batch.n; i++)
			follow_link(wk, batch.v[i]);
		strv_free(&batch);
	}
}

enum vault_result vault_walk_dir(struct vault_walk *w, const char *dir, vault_note_fn *fn,
				 void *ctx, struct diag_list *diags, int *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		*err = errno;
		if (fd >= 0)
			close(fd);
		return VAULT_UNREADABLE;
	}
	if (!seen_add(&w->folders, st.st_dev, st.st_ino)) {
		close(fd);
		return VAULT_SEEN;
	}
	struct walker wk = {
		.w = w, .fn = fn, .ctx = ctx, .diags = diags, .dir_len = strlen(dir),
	};
	while (wk.dir_len > 0 && dir[wk.dir_len - 1] == '/')
		wk.dir_len--;
	wk.dir_fd = dup(fd);
	if (wk.dir_fd < 0) {
		*err = errno;
		close(fd);
		return VAULT_UNREADABLE;
	}
	sb_add(&wk.path, dir, wk.dir_len);
	sb_addc(&wk.path, '/');
	wk.levels = xcalloc(VAULT_MAX_DEPTH + 1, sizeof *wk.levels);
	walk_folder(&wk, fd, 0);
	follow_links(&wk);
	close(wk.dir_fd);
	sb_free(&wk.path);
	for (int i = 0; i <= VAULT_MAX_DEPTH; i++) {
		sb_free(&wk.levels[i].text);
		free(wk.levels[i].keys);
	}
	free(wk.levels);
	return VAULT_WALKED;
}

void vault_walk_free(struct vault_walk *w)
{
	free(w->folders.slots);
	free(w->notes.slots);
	free(w->unhashed);
	memset(w, 0, sizeof *w);
}
