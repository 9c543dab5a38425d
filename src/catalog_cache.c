#include "config.h"
#include "catalog_cache.h"
#include "cache_codec.h"
#include "strbuf.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when the file's layout or what a record holds changes. 4: text
 * is in NFC with control characters made visible; 5: bidi controls too;
 * 6: the directory's path is kept, so that the file of a directory that
 * has gone can be found and removed; 7: the directory is a vault, walked
 * through: records are named by the note's path below it, and notes that
 * are not specs have one too. */
#define CACHE_MAGIC "cursus-catalog-cache 7 " PACKAGE_VERSION "\n"

/* In the file, a record is its name as cache_put_str writes it (length,
 * then the bytes), its key, the data's length, the data. Records are in
 * increasing order of names. */

/* ---- the cache file ---- */

/* Takes the n bytes at *p into out, and moves *p past them. */
static void take(const char **p, void *out, size_t n)
{
	memcpy(out, *p, n);
	*p += n;
}

/* The record at *pos (< end), which then moves past it; false when the
 * bytes are not a record. Read by hand rather than by cache_get_*: it is
 * read twice a note (checked when the cache is opened, then looked up),
 * and those calls made it six times as costly. */
static bool read_record(const char *end, const char **pos, struct cache_record *rec)
{
	const char *p = *pos;
	const size_t fixed = sizeof rec->name_len + sizeof rec->key + sizeof rec->len;
	if ((size_t)(end - p) < fixed)
		return false;
	take(&p, &rec->name_len, sizeof rec->name_len);
	if (rec->name_len == UINT32_MAX || (size_t)(end - p) - (fixed - sizeof rec->name_len) <
						   rec->name_len)
		return false;
	rec->name = p;
	p += rec->name_len;
	take(&p, &rec->key, sizeof rec->key);
	take(&p, &rec->len, sizeof rec->len);
	if ((size_t)(end - p) < rec->len)
		return false;
	rec->data = p;
	*pos = p + rec->len;
	return true;
}

/* strcmp of a record's name and a string. */
static int compare_name(const struct cache_record *rec, const char *name, size_t len)
{
	int c = memcmp(rec->name, name, rec->name_len < len ? rec->name_len : len);
	if (c)
		return c;
	return rec->name_len < len ? -1 : rec->name_len > len;
}

/* The magic and the directory the file is for; *dir_out (owned) is NULL
 * when they are not there. */
static void read_header(struct cache_reader *r, char **dir_out)
{
	size_t magic = strlen(CACHE_MAGIC);
	*dir_out = NULL;
	if ((size_t)(r->end - r->p) < magic || memcmp(r->p, CACHE_MAGIC, magic) != 0)
		return;
	r->p += magic;
	*dir_out = cache_get_str(r);
}

/* Checks that text (unsealed) is the cache of c's directory, its records
 * whole and in order, and notes where they begin. Nothing is copied: the
 * records are read from the file as they are looked up, a list of
 * thousands of notes touching no more memory than the file's. */
static bool check_records(struct catalog_cache *c, const char *text, size_t len)
{
	struct cache_reader r = { text, text + len, true };
	char *dir;
	read_header(&r, &dir);
	/* two directories whose paths hash alike never read each other's */
	bool same_dir = dir && strcmp(dir, c->dir) == 0;
	free(dir);
	uint32_t n = cache_get_u32(&r);
	if (!same_dir || !r.ok || n > len / 16)
		return false;
	const char *pos = r.p;
	struct cache_record prev = {0}, rec;
	for (uint32_t i = 0; i < n; i++) {
		if (!read_record(r.end, &pos, &rec) ||
		    (i > 0 && compare_name(&prev, rec.name, rec.name_len) >= 0))
			return false;
		prev = rec;
	}
	if (pos != r.end)
		return false;
	c->records = r.p;
	c->end = r.end;
	c->next = r.p;
	c->n_old = n;
	c->kept = xcalloc((n + 7) / 8 ? (n + 7) / 8 : 1, 1);
	return true;
}

/* The cache file, mapped rather than read: about 100 bytes a note, and a
 * page of a file already in memory costs a fraction of a fresh page of
 * the heap (bench/README.md). Its length; c->map is NULL when there is
 * none. */
static size_t map_file(struct catalog_cache *c)
{
	int fd = open(c->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < (1ull << 30)) {
		void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
		if (map != MAP_FAILED) {
			c->map = map;
			c->map_len = (size_t)st.st_size;
		}
	}
	close(fd);
	return c->map_len;
}

void catalog_cache_open(struct catalog_cache *c, const char *dir)
{
	memset(c, 0, sizeof *c);
	c->found = SIZE_MAX;
	/* one cache file per directory, named after its real path */
	c->dir = realpath(dir, NULL);
	c->path = c->dir ? cache_file_for("catalog", c->dir) : NULL;
	if (!c->path)
		return;
	size_t len = map_file(c);
	if (!c->map || !cache_unseal(c->map, &len) || !check_records(c, c->map, len))
		c->dirty = true;
}

static bool is_kept(const struct catalog_cache *c, size_t i)
{
	return c->kept[i / 8] & (1u << (i % 8));
}

static void set_kept(struct catalog_cache *c, size_t i, bool kept)
{
	if (kept)
		c->kept[i / 8] |= (unsigned char)(1u << (i % 8));
	else
		c->kept[i / 8] &= (unsigned char)~(1u << (i % 8));
}

const char *catalog_cache_find(struct catalog_cache *c, const char *name, size_t name_len,
			       const struct cache_key *key, size_t *len)
{
	struct cache_record rec;
	c->found = SIZE_MAX;
	/* the notes reached through links come after the others: for them,
	 * the search starts again from the first record */
	if (c->next_index > 0 && compare_name(&c->last, name, name_len) >= 0) {
		c->next = c->records;
		c->next_index = 0;
	}
	while (c->next_index < c->n_old) {
		const char *pos = c->next;
		read_record(c->end, &pos, &rec); /* checked when opened */
		int cmp = compare_name(&rec, name, name_len);
		if (cmp > 0)
			return NULL; /* a new note */
		c->next = pos;
		c->last = rec;
		size_t i = c->next_index++;
		if (cmp < 0)
			continue; /* a note that has gone */
		if (memcmp(&rec.key, key, sizeof *key) != 0)
			return NULL; /* changed */
		set_kept(c, i, true); /* carried over to the next cache as it is */
		c->found = i;
		*len = rec.len;
		return rec.data;
	}
	return NULL;
}

static void free_fresh(struct catalog_cache *c)
{
	for (size_t i = 0; i < c->n_fresh; i++) {
		free((char *)c->fresh[i].name);
		free((char *)c->fresh[i].data);
	}
	free(c->fresh);
}

void catalog_cache_store(struct catalog_cache *c, const char *name, const struct cache_key *key,
			 const char *data, size_t len)
{
	if (!c->path)
		return;
	c->dirty = true;
	/* the record just found for this note, which the caller could not
	 * decode, is not carried over */
	if (c->found != SIZE_MAX)
		set_kept(c, c->found, false);
	c->found = SIZE_MAX;
	/* A note changed in the last two seconds may change again within the
	 * same tick of the clock, same size, same inode: its key would not
	 * tell. It is read from the file until it is older. */
	if (time(NULL) - key->mtime_sec < 2)
		return;
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, data, len);
	XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
	c->fresh[c->n_fresh++] = (struct cache_record){
		.name = xstrdup(name), .name_len = (uint32_t)strlen(name), .key = *key,
		.data = copy, .len = (uint32_t)len,
	};
}

static void put_record(struct strbuf *out, const struct cache_record *rec)
{
	cache_put_u32(out, rec->name_len); /* as cache_put_str writes a string */
	cache_put_raw(out, rec->name, rec->name_len);
	cache_put_raw(out, &rec->key, sizeof rec->key);
	cache_put_u32(out, rec->len);
	cache_put_raw(out, rec->data, rec->len);
}

static int compare_records(const void *a, const void *b)
{
	const struct cache_record *x = a, *y = b;
	return compare_name(x, y->name, y->name_len);
}

/* The records carried over and the new ones, merged in order of names.
 * The new ones are sorted first: the walk tells of the notes met through
 * links after the others, and a file out of order is refused when read. */
static void write_cache(struct catalog_cache *c, size_t n_kept)
{
	if (c->n_fresh > 1)
		qsort(c->fresh, c->n_fresh, sizeof *c->fresh, compare_records);
	struct strbuf out = {0};
	sb_adds(&out, CACHE_MAGIC);
	cache_put_str(&out, c->dir);
	cache_put_u32(&out, (uint32_t)(n_kept + c->n_fresh));
	const char *pos = c->records;
	struct cache_record old;
	size_t i = 0, f = 0;
	bool have_old = false;
	for (;;) {
		while (!have_old && i < c->n_old) {
			read_record(c->end, &pos, &old);
			have_old = is_kept(c, i++);
		}
		if (!have_old && f == c->n_fresh)
			break;
		const struct cache_record *fresh = f < c->n_fresh ? &c->fresh[f] : NULL;
		if (have_old && (!fresh || compare_name(&old, fresh->name, fresh->name_len) < 0)) {
			put_record(&out, &old);
			have_old = false;
		} else {
			put_record(&out, fresh);
			f++;
		}
	}
	cache_seal(&out);
	cache_write_file(c->path, out.buf, out.len);
	sb_free(&out);
}

/* ---- pruning ---- */

/* True when the cache file at path is for a directory that no longer
 * exists. Only its header is read: the directory is named at the start. */
static bool for_a_gone_dir(int cache_dfd, const char *name)
{
	char head[PATH_MAX + 256];
	int fd = openat(cache_dfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n <= 0)
		return false;
	struct cache_reader r = { head, head + n, true };
	char *dir;
	read_header(&r, &dir);
	struct stat st;
	bool gone = dir && dir[0] == '/' && stat(dir, &st) != 0 && errno == ENOENT;
	free(dir);
	return gone;
}

/* A cache file being written (cache_write_file's "catalog-HASH.tmp-XXXXXX")
 * by a cursus that was killed before it renamed it: an hour old. */
static bool stale_temp(int cache_dfd, const char *name)
{
	struct stat st;
	return strncmp(name, "catalog-", 8) == 0 && strstr(name, ".tmp-") &&
	       fstatat(cache_dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       st.st_mtime < time(NULL) - 3600;
}

/* Removes the catalogue files of directories that have gone, those left
 * half written, and what earlier versions of cursus kept per spec body
 * (body-*): nothing reads those any more. */
static void prune(const char *cache_file)
{
	char *dir = xstrdup(cache_file);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	DIR *d = slash ? opendir(dir) : NULL;
	free(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		if (strncmp(name, "body-", 5) == 0 || stale_temp(dirfd(d), name) ||
		    (strncmp(name, "catalog-", 8) == 0 && !strstr(name, ".tmp-") &&
		     for_a_gone_dir(dirfd(d), name)))
			unlinkat(dirfd(d), name, 0);
	}
	closedir(d);
}

void catalog_cache_close(struct catalog_cache *c)
{
	size_t n_kept = 0;
	for (size_t i = 0; i < c->n_old; i++)
		n_kept += is_kept(c, i);
	/* written when a note changed, came or went */
	if (c->path && (c->dirty || n_kept < c->n_old)) {
		write_cache(c, n_kept);
		prune(c->path);
	}
	free_fresh(c);
	free(c->kept);
	if (c->map)
		munmap(c->map, c->map_len);
	free(c->path);
	free(c->dir);
	memset(c, 0, sizeof *c);
}
