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

/* One note: its name, its key, and the record the caller made of it. */
struct cache_record {
	char *name;          /* owned: the path below the directory */
	struct cache_key key;
	const char *data;    /* into the cache's buffer, or owned when own */
	size_t len;
	bool own;
};

/* ---- the cache file ---- */

static void free_record(struct cache_record *rec)
{
	free(rec->name);
	if (rec->own)
		free((char *)rec->data);
}

static void free_records(struct cache_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free_record(&v[i]);
	free(v);
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

static bool read_records(struct catalog_cache *c, const char *text, size_t len)
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
	c->old = xcalloc(n ? n : 1, sizeof *c->old);
	for (uint32_t i = 0; i < n && r.ok; i++) {
		struct cache_record *rec = &c->old[c->n_old++];
		rec->name = cache_get_str(&r);
		cache_get_raw(&r, &rec->key, sizeof rec->key);
		uint32_t dlen = cache_get_u32(&r);
		if (r.ok && (size_t)(r.end - r.p) >= dlen) {
			rec->data = r.p; /* the buffer lives as long as the cache */
			rec->len = dlen;
			r.p += dlen;
		} else {
			r.ok = false;
		}
		if (!rec->name || (i > 0 && strcmp(c->old[i - 1].name, rec->name) >= 0))
			r.ok = false;
	}
	if (r.ok && r.p == r.end)
		return true;
	free_records(c->old, c->n_old);
	c->old = NULL;
	c->n_old = 0;
	return false;
}

void catalog_cache_open(struct catalog_cache *c, const char *dir)
{
	memset(c, 0, sizeof *c);
	/* one cache file per directory, named after its real path */
	c->dir = realpath(dir, NULL);
	c->path = c->dir ? cache_file_for("catalog", c->dir) : NULL;
	if (!c->path)
		return;
	size_t len = 0;
	c->buffer = cache_read_file(c->path, &len); /* a few MB at 10,000 specs */
	if (!c->buffer || !cache_unseal(c->buffer, &len) || !read_records(c, c->buffer, len))
		c->dirty = true;
}

const char *catalog_cache_find(struct catalog_cache *c, const char *name,
			       const struct stat *st, size_t *len)
{
	while (c->next_old < c->n_old && strcmp(c->old[c->next_old].name, name) < 0) {
		c->next_old++;
		c->dirty = true; /* a file has gone */
	}
	if (c->next_old >= c->n_old || strcmp(c->old[c->next_old].name, name) != 0)
		return NULL;
	struct cache_record *rec = &c->old[c->next_old++];
	struct cache_key key = cache_key_of(st);
	if (memcmp(&rec->key, &key, sizeof key) != 0)
		return NULL;
	/* carried over to the next cache as it is */
	XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
	c->fresh[c->n_fresh++] = *rec;
	rec->name = NULL;
	rec->own = false;
	*len = rec->len;
	return rec->data;
}

void catalog_cache_store(struct catalog_cache *c, const char *name, const struct stat *st,
			 const char *data, size_t len)
{
	if (!c->path)
		return;
	c->dirty = true;
	/* the record found for this file, which the caller could not decode */
	if (c->n_fresh > 0 && strcmp(c->fresh[c->n_fresh - 1].name, name) == 0)
		free_record(&c->fresh[--c->n_fresh]);
	/* A spec changed in the last two seconds may change again within the
	 * same tick of the clock, same size, same inode: its key would not
	 * tell. It is read from the file until it is older. */
	if (time(NULL) - st->st_mtim.tv_sec < 2)
		return;
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, data, len);
	XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
	c->fresh[c->n_fresh++] = (struct cache_record){
		.name = xstrdup(name), .key = cache_key_of(st), .data = copy, .len = len,
		.own = true,
	};
}

static void write_cache(struct catalog_cache *c)
{
	struct strbuf out = {0};
	sb_adds(&out, CACHE_MAGIC);
	cache_put_str(&out, c->dir);
	cache_put_u32(&out, (uint32_t)c->n_fresh);
	for (size_t i = 0; i < c->n_fresh; i++) {
		const struct cache_record *rec = &c->fresh[i];
		cache_put_str(&out, rec->name);
		cache_put_raw(&out, &rec->key, sizeof rec->key);
		cache_put_u32(&out, (uint32_t)rec->len);
		cache_put_raw(&out, rec->data, rec->len);
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

/* Removes the catalogue files of directories that have gone, and what
 * earlier versions of cursus kept per spec body (body-*): nothing reads
 * those any more. */
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
		if (strncmp(name, "body-", 5) == 0 ||
		    (strncmp(name, "catalog-", 8) == 0 && for_a_gone_dir(dirfd(d), name)))
			unlinkat(dirfd(d), name, 0);
	}
	closedir(d);
}

void catalog_cache_close(struct catalog_cache *c)
{
	if (c->path && (c->dirty || c->next_old < c->n_old)) {
		write_cache(c);
		prune(c->path);
	}
	free_records(c->old, c->n_old);
	free_records(c->fresh, c->n_fresh);
	free(c->buffer);
	free(c->path);
	free(c->dir);
	memset(c, 0, sizeof *c);
}
