#include "config.h"
#include "vault_walk.h"
#include "strbuf.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* ---- device and inode numbers met ---- */

struct vault_inode {
	dev_t dev;
	ino_t ino;
	bool used;
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
		if (!slots[i].used || (slots[i].dev == dev && slots[i].ino == ino))
			return &slots[i];
}

/* Keeps the table at most half full. */
static void seen_grow(struct vault_seen *s)
{
	if (2 * (s->n + 1) <= s->cap)
		return;
	size_t cap = s->cap ? 2 * s->cap : 64;
	struct vault_inode *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].used)
			*seen_slot(slots, cap, s->slots[i].dev, s->slots[i].ino) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

/* Notes st as met; false when it had been met already. */
static bool seen_add(struct vault_seen *s, const struct stat *st)
{
	seen_grow(s);
	struct vault_inode *slot = seen_slot(s->slots, s->cap, st->st_dev, st->st_ino);
	if (slot->used)
		return false;
	*slot = (struct vault_inode){ st->st_dev, st->st_ino, true };
	s->n++;
	return true;
}

/* ---- the walk of one data directory ---- */

struct walker {
	struct vault_walk *w;
	struct vault_notes found;  /* in the order met */
	struct diag_list *diags;
	const char *dir;
	size_t dir_len;            /* without its trailing slashes */
	int dir_fd;
	struct strbuf rel;         /* the folder walked, below dir: "" or "a/b/" */
	struct strv links;         /* links to folders met, followed afterwards */
};

static bool ends_with(const char *name, size_t n, const char *ext)
{
	size_t k = strlen(ext);
	return n > k && strcasecmp(name + n - k, ext) == 0;
}

bool vault_is_note_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && (ends_with(name, n, ".md") || ends_with(name, n, ".markdown"));
}

/* dir/rel/name (name may be empty: the folder itself, without a slash). */
static char *path_of(const struct walker *wk, const char *name)
{
	const char *rel = wk->rel.buf ? wk->rel.buf : "";
	size_t rel_len = wk->rel.len;
	if (!*name && rel_len > 0)
		rel_len--; /* the folder: no slash at the end */
	return xasprintf("%.*s/%.*s%s", (int)wk->dir_len, wk->dir, (int)rel_len, rel, name);
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
		 "cannot read this folder: %s; the notes in it are not read", strerror(err));
	free(path);
}

static void add_note(struct walker *wk, const char *name, const struct stat *st, int err)
{
	struct vault_notes *f = &wk->found;
	XGROW(f->v, f->cap, f->n + 1);
	char *path = path_of(wk, name);
	f->v[f->n++] = (struct vault_note){
		.path = path, .rel = path + wk->dir_len + 1, .st = *st, .err = err,
	};
}

static void walk_folder(struct walker *wk, int fd, int depth);

/* Walks the folder open as fd, below dir as rel (ending in '/'), unless it
 * was walked already. Takes fd over. */
static void walk_folder_at(struct walker *wk, int fd, const char *rel, int depth)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !seen_add(&wk->w->folders, &st)) {
		close(fd);
		return;
	}
	size_t mark = wk->rel.len;
	sb_adds(&wk->rel, rel);
	if (depth > VAULT_MAX_DEPTH) {
		char *path = path_of(wk, "");
		diag_add(wk->diags, DIAG_WARNING, path, 0,
			 "more than %d folders deep: the notes in this folder are not read",
			 VAULT_MAX_DEPTH);
		free(path);
		close(fd);
	} else {
		walk_folder(wk, fd, depth);
	}
	wk->rel.len = mark;
	wk->rel.buf[mark] = '\0';
}

static void enter_folder(struct walker *wk, int dfd, const char *name, int depth)
{
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (!gone(errno))
			warn_folder(wk, name, errno);
		return;
	}
	char *rel = xasprintf("%s/", name);
	walk_folder_at(wk, fd, rel, depth);
	free(rel);
}

static void take_regular(struct walker *wk, int dfd, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, 0) != 0) {
		if (!gone(errno)) {
			char *path = path_of(wk, name);
			diag_add(wk->diags, DIAG_WARNING, path, 0, "cannot read: %s", strerror(errno));
			free(path);
		}
		return;
	}
	if (S_ISREG(st.st_mode))
		add_note(wk, name, &st, 0);
}

/* A link: to a note, kept as a note; to a folder, followed once the
 * folders themselves are walked, so that a folder that is both in the
 * vault and linked to is found where it is. */
static void take_link(struct walker *wk, int dfd, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, 0) != 0) {
		/* to nowhere, or around in a circle: a note that cannot be
		 * read, if it is named like one (unless the link went away) */
		int err = errno;
		if (vault_is_note_name(name) && fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			add_note(wk, name, &st, err);
		return;
	}
	if (S_ISDIR(st.st_mode))
		strv_push(&wk->links, xasprintf("%s%s", wk->rel.buf ? wk->rel.buf : "", name));
	else if (S_ISREG(st.st_mode) && vault_is_note_name(name))
		add_note(wk, name, &st, 0);
}

static void take_entry(struct walker *wk, int dfd, const struct dirent *de, int depth)
{
	const char *name = de->d_name;
	unsigned char type = de->d_type;
	if (type == DT_UNKNOWN) { /* some file systems do not say */
		struct stat st;
		if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			return;
		type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG
			: S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
	}
	if (type == DT_REG && vault_is_note_name(name))
		take_regular(wk, dfd, name);
	else if (type == DT_DIR)
		enter_folder(wk, dfd, name, depth + 1);
	else if (type == DT_LNK)
		take_link(wk, dfd, name);
}

static void walk_folder(struct walker *wk, int fd, int depth)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		warn_folder(wk, "", errno);
		close(fd);
		return;
	}
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(d);
		if (!de) {
			if (errno && !gone(errno))
				warn_folder(wk, "", errno);
			break;
		}
		if (de->d_name[0] != '.') /* hidden: .obsidian, .git, .trash */
			take_entry(wk, dirfd(d), de, depth);
	}
	closedir(d);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int folder_depth(const char *rel)
{
	int depth = 1;
	for (; *rel; rel++)
		depth += *rel == '/';
	return depth;
}

/* The links to folders, in order of their paths (so that which way in to
 * a folder linked twice is taken does not depend on the order of readdir),
 * and then the links found in those. */
static void follow_links(struct walker *wk)
{
	while (wk->links.n > 0) {
		struct strv batch = wk->links;
		memset(&wk->links, 0, sizeof wk->links);
		qsort(batch.v, batch.n, sizeof *batch.v, compare_strings);
		for (size_t i = 0; i < batch.n; i++) {
			int fd = openat(wk->dir_fd, batch.v[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (fd < 0) {
				if (!gone(errno))
					warn_folder(wk, batch.v[i], errno);
				continue;
			}
			char *rel = xasprintf("%s/", batch.v[i]);
			walk_folder_at(wk, fd, rel, folder_depth(batch.v[i]));
			free(rel);
		}
		strv_free(&batch);
	}
}

static int compare_notes(const void *a, const void *b)
{
	return strcmp(((const struct vault_note *)a)->rel, ((const struct vault_note *)b)->rel);
}

/* Sorted by path; a note met already (here by another path, or under an
 * earlier directory) is dropped. */
static void keep_new_notes(struct walker *wk, struct vault_notes *out)
{
	struct vault_notes *f = &wk->found;
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, compare_notes);
	for (size_t i = 0; i < f->n; i++) {
		if (!seen_add(&wk->w->notes, &f->v[i].st)) {
			free(f->v[i].path);
			continue;
		}
		XGROW(out->v, out->cap, out->n + 1);
		out->v[out->n++] = f->v[i];
	}
	free(f->v);
}

enum vault_result vault_walk_dir(struct vault_walk *w, const char *dir, struct vault_notes *out,
				 struct diag_list *diags, int *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		*err = errno;
		if (fd >= 0)
			close(fd);
		return VAULT_UNREADABLE;
	}
	if (!seen_add(&w->folders, &st)) {
		close(fd);
		return VAULT_SEEN;
	}
	struct walker wk = { .w = w, .diags = diags, .dir = dir, .dir_len = strlen(dir) };
	while (wk.dir_len > 0 && dir[wk.dir_len - 1] == '/')
		wk.dir_len--;
	wk.dir_fd = dup(fd);
	if (wk.dir_fd < 0) {
		*err = errno;
		close(fd);
		return VAULT_UNREADABLE;
	}
	walk_folder(&wk, fd, 0);
	follow_links(&wk);
	close(wk.dir_fd);
	sb_free(&wk.rel);
	keep_new_notes(&wk, out);
	return VAULT_WALKED;
}

void vault_walk_free(struct vault_walk *w)
{
	free(w->folders.slots);
	free(w->notes.slots);
	memset(w, 0, sizeof *w);
}

void vault_notes_free(struct vault_notes *notes)
{
	for (size_t i = 0; i < notes->n; i++)
		free(notes->v[i].path);
	free(notes->v);
	memset(notes, 0, sizeof *notes);
}
