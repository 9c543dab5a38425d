#include "config.h"
#include "catalog_cache.h"
#include "atomic_file.h"
#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bump when the record layout or what the reader derives changes. */
#define CACHE_MAGIC "cursus-catalog-cache 2 " PACKAGE_VERSION "\n"

struct cache_key {
	uint64_t ino;
	int64_t size;
	int64_t mtime_sec;
	int64_t mtime_nsec;
};

/* One spec: its name, its key, and its front matter serialised. */
struct cache_record {
	char *name;          /* owned */
	struct cache_key key;
	const char *data;    /* into the cache's buffer, or owned when own */
	size_t len;
	bool own;
};

static struct cache_key key_of(const struct stat *st)
{
	return (struct cache_key){ (uint64_t)st->st_ino, (int64_t)st->st_size,
				   (int64_t)st->st_mtim.tv_sec, (int64_t)st->st_mtim.tv_nsec };
}

/* ---- serialising a program's front matter ---- */

static void put_raw(struct strbuf *sb, const void *v, size_t n)
{
	sb_add(sb, v, n);
}

static void put_u32(struct strbuf *sb, uint32_t v)
{
	put_raw(sb, &v, sizeof v);
}

static void put_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		put_u32(sb, UINT32_MAX);
		return;
	}
	size_t n = strlen(s);
	put_u32(sb, (uint32_t)n);
	put_raw(sb, s, n);
}

static void put_double(struct strbuf *sb, double d)
{
	put_raw(sb, &d, sizeof d);
}

static void serialise(struct strbuf *sb, const struct program *p)
{
	put_str(sb, p->id);
	put_str(sb, p->group);
	put_u32(sb, (uint32_t)(unsigned char)p->option);
	put_str(sb, p->title);
	put_str(sb, p->institution);
	put_str(sb, p->effort_text);
	put_double(sb, p->effort.hours);
	put_double(sb, p->effort.months);
	put_double(sb, p->effort.hours_per_week);
	put_u32(sb, p->effort.known);
	put_u32(sb, p->effort.derived);
	put_str(sb, p->price);
	put_str(sb, p->prestige);
	put_str(sb, p->url);
	put_str(sb, p->badge);
	put_str(sb, p->status);
	put_u32(sb, (uint32_t)p->front_end_line);
	put_u32(sb, (uint32_t)p->n_extra_keys);
	for (size_t i = 0; i < p->n_extra_keys; i++) {
		put_str(sb, p->extra_keys[i].key);
		put_str(sb, p->extra_keys[i].value);
		put_u32(sb, (uint32_t)p->extra_keys[i].line);
	}
}

/* ---- reading it back, every length checked ---- */

struct reader {
	const char *p, *end;
	bool ok;
};

static void get_raw(struct reader *r, void *out, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

static uint32_t get_u32(struct reader *r)
{
	uint32_t v;
	get_raw(r, &v, sizeof v);
	return v;
}

static char *get_str(struct reader *r)
{
	uint32_t n = get_u32(r);
	if (!r->ok || n == UINT32_MAX)
		return NULL;
	if ((size_t)(r->end - r->p) < n) {
		r->ok = false;
		return NULL;
	}
	char *s = xstrndup(r->p, n);
	r->p += n;
	return s;
}

static double get_double(struct reader *r)
{
	double d;
	get_raw(r, &d, sizeof d);
	return d;
}

static struct program *deserialise(const char *data, size_t len, const char *path)
{
	struct reader r = { data, data + len, true };
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->id = get_str(&r);
	p->group = get_str(&r);
	p->option = (char)get_u32(&r);
	p->title = get_str(&r);
	p->institution = get_str(&r);
	p->effort_text = get_str(&r);
	p->effort.hours = get_double(&r);
	p->effort.months = get_double(&r);
	p->effort.hours_per_week = get_double(&r);
	p->effort.known = get_u32(&r);
	p->effort.derived = get_u32(&r);
	p->price = get_str(&r);
	p->prestige = get_str(&r);
	p->url = get_str(&r);
	p->badge = get_str(&r);
	p->status = get_str(&r);
	p->front_end_line = (int)get_u32(&r);
	uint32_t n = get_u32(&r);
	if (r.ok && n <= len / 12) {
		p->extra_keys = xcalloc(n ? n : 1, sizeof *p->extra_keys);
		for (uint32_t i = 0; i < n && r.ok; i++, p->n_extra_keys++) {
			p->extra_keys[i].key = get_str(&r);
			p->extra_keys[i].value = get_str(&r);
			p->extra_keys[i].line = (int)get_u32(&r);
		}
	} else {
		r.ok = false;
	}
	if (!r.ok || r.p != r.end || !p->id || !p->group) {
		spec_free(p);
		return NULL;
	}
	return p;
}

/* ---- the cache file ---- */

static char *cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/cursus", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	return xasprintf("%s/.cache/cursus", home);
}

/* FNV-1a of the directory's real path: one cache file per directory. */
static char *cache_path_for(const char *dir)
{
	const char *off = getenv("CURSUS_CACHE");
	if (off && strcmp(off, "off") == 0)
		return NULL;
	char *base = cache_dir();
	char *real = realpath(dir, NULL);
	char *path = NULL;
	if (base && real) {
		uint64_t h = 1469598103934665603ULL;
		for (const char *s = real; *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ULL;
		path = xasprintf("%s/catalog-%016llx", base, (unsigned long long)h);
	}
	free(real);
	free(base);
	return path;
}

static void free_records(struct cache_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		if (v[i].own)
			free((char *)v[i].data);
	}
	free(v);
}

static bool read_records(struct catalog_cache *c, const char *text, size_t len)
{
	size_t magic = strlen(CACHE_MAGIC);
	if (len < magic || memcmp(text, CACHE_MAGIC, magic) != 0)
		return false;
	struct reader r = { text + magic, text + len, true };
	uint32_t n = get_u32(&r);
	if (!r.ok || n > len / 16)
		return false;
	c->old = xcalloc(n ? n : 1, sizeof *c->old);
	for (uint32_t i = 0; i < n && r.ok; i++) {
		struct cache_record *rec = &c->old[c->n_old++];
		rec->name = get_str(&r);
		get_raw(&r, &rec->key, sizeof rec->key);
		uint32_t dlen = get_u32(&r);
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
	if (r.ok)
		return true;
	free_records(c->old, c->n_old);
	c->old = NULL;
	c->n_old = 0;
	return false;
}

/* The whole file in one read: it is a few MB for 10,000 specs. */
static char *read_whole(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *buf = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size < (off_t)1 << 30) {
		size_t want = (size_t)st.st_size, got = 0;
		buf = xmalloc(want);
		while (got < want) {
			ssize_t n = read(fd, buf + got, want - got);
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got != want) {
			free(buf);
			buf = NULL;
		}
		*len = got;
	}
	close(fd);
	return buf;
}

void cache_open(struct catalog_cache *c, const char *dir)
{
	memset(c, 0, sizeof *c);
	c->path = cache_path_for(dir);
	if (!c->path)
		return;
	size_t len = 0;
	c->buffer = read_whole(c->path, &len);
	if (!c->buffer || !read_records(c, c->buffer, len))
		c->dirty = true;
}

struct program *cache_lookup(struct catalog_cache *c, const char *name,
			     const char *path, const struct stat *st)
{
	while (c->next_old < c->n_old && strcmp(c->old[c->next_old].name, name) < 0) {
		c->next_old++;
		c->dirty = true; /* a file has gone */
	}
	if (c->next_old >= c->n_old || strcmp(c->old[c->next_old].name, name) != 0)
		return NULL;
	struct cache_record *rec = &c->old[c->next_old++];
	struct cache_key key = key_of(st);
	if (memcmp(&rec->key, &key, sizeof key) != 0)
		return NULL;
	struct program *p = deserialise(rec->data, rec->len, path);
	if (p) {
		/* carried over to the next cache as it is */
		XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
		c->fresh[c->n_fresh++] = *rec;
		rec->name = NULL;
		rec->own = false;
	}
	return p;
}

void cache_keep(struct catalog_cache *c, const char *name, const struct stat *st,
		const struct program *p)
{
	if (!c->path)
		return;
	struct strbuf sb = {0};
	serialise(&sb, p);
	size_t len = sb.len;
	XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
	c->fresh[c->n_fresh++] = (struct cache_record){
		.name = xstrdup(name), .key = key_of(st), .data = sb_steal(&sb), .len = len,
		.own = true,
	};
	c->dirty = true;
}

static void write_cache(struct catalog_cache *c)
{
	struct strbuf out = {0};
	sb_adds(&out, CACHE_MAGIC);
	put_u32(&out, (uint32_t)c->n_fresh);
	for (size_t i = 0; i < c->n_fresh; i++) {
		const struct cache_record *rec = &c->fresh[i];
		put_str(&out, rec->name);
		put_raw(&out, &rec->key, sizeof rec->key);
		put_u32(&out, (uint32_t)rec->len);
		put_raw(&out, rec->data, rec->len);
	}
	char *dir = cache_dir();
	char *parent = dir ? xstrdup(dir) : NULL;
	char *slash = parent ? strrchr(parent, '/') : NULL;
	if (slash && slash != parent) {
		*slash = '\0';
		mkdir(parent, 0700); /* ~/.cache may not exist yet */
	}
	free(parent);
	if (dir && (mkdir(dir, 0700) == 0 || errno == EEXIST)) {
		const char *step;
		bool synced;
		atomic_write(c->path, out.buf, out.len, 0600, false, &step, &synced);
	}
	free(dir);
	sb_free(&out);
}

void cache_close(struct catalog_cache *c)
{
	if (c->path && (c->dirty || c->next_old < c->n_old))
		write_cache(c);
	free_records(c->old, c->n_old);
	free_records(c->fresh, c->n_fresh);
	free(c->buffer);
	free(c->path);
	memset(c, 0, sizeof *c);
}
