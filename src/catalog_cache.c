#include "config.h"
#include "catalog_cache.h"
#include "cache_codec.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Bump when the record layout or what the reader derives changes. 4: text
 * is in NFC with control characters made visible. */
#define CACHE_MAGIC "cursus-catalog-cache 5 " PACKAGE_VERSION "\n"

/* One spec: its name, its key, and its front matter serialised. */
struct cache_record {
	char *name;          /* owned */
	struct cache_key key;
	const char *data;    /* into the cache's buffer, or owned when own */
	size_t len;
	bool own;
};

static void serialise(struct strbuf *sb, const struct program *p)
{
	cache_put_str(sb, p->id);
	cache_put_str(sb, p->group);
	cache_put_u32(sb, (uint32_t)(unsigned char)p->option);
	cache_put_str(sb, p->title);
	cache_put_str(sb, p->institution);
	cache_put_str(sb, p->effort_text);
	cache_put_double(sb, p->effort.hours);
	cache_put_double(sb, p->effort.months);
	cache_put_double(sb, p->effort.hours_per_week);
	cache_put_u32(sb, p->effort.known);
	cache_put_u32(sb, p->effort.derived);
	cache_put_str(sb, p->price);
	cache_put_str(sb, p->prestige);
	cache_put_str(sb, p->url);
	cache_put_str(sb, p->badge);
	cache_put_str(sb, p->status);
	cache_put_u32(sb, (uint32_t)p->front_end_line);
	cache_put_u32(sb, (uint32_t)p->n_extra_keys);
	for (size_t i = 0; i < p->n_extra_keys; i++) {
		cache_put_str(sb, p->extra_keys[i].key);
		cache_put_str(sb, p->extra_keys[i].value);
		cache_put_u32(sb, (uint32_t)p->extra_keys[i].line);
	}
}

/* ---- reading it back, every length checked ---- */

static struct program *deserialise(const char *data, size_t len, const char *path)
{
	struct cache_reader r = { data, data + len, true };
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->id = cache_get_str(&r);
	p->group = cache_get_str(&r);
	p->option = (char)cache_get_u32(&r);
	p->title = cache_get_str(&r);
	p->institution = cache_get_str(&r);
	p->effort_text = cache_get_str(&r);
	p->effort.hours = cache_get_double(&r);
	p->effort.months = cache_get_double(&r);
	p->effort.hours_per_week = cache_get_double(&r);
	p->effort.known = cache_get_u32(&r);
	p->effort.derived = cache_get_u32(&r);
	p->price = cache_get_str(&r);
	p->prestige = cache_get_str(&r);
	p->url = cache_get_str(&r);
	p->badge = cache_get_str(&r);
	p->status = cache_get_str(&r);
	p->front_end_line = (int)cache_get_u32(&r);
	uint32_t n = cache_get_u32(&r);
	if (r.ok && n <= len / 12) {
		p->extra_keys = xcalloc(n ? n : 1, sizeof *p->extra_keys);
		for (uint32_t i = 0; i < n && r.ok; i++, p->n_extra_keys++) {
			p->extra_keys[i].key = cache_get_str(&r);
			p->extra_keys[i].value = cache_get_str(&r);
			p->extra_keys[i].line = (int)cache_get_u32(&r);
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

/* One cache file per directory, named after its real path. */
static char *cache_path_for(const char *dir)
{
	char *real = realpath(dir, NULL);
	char *path = real ? cache_file_for("catalog", real) : NULL;
	free(real);
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
	struct cache_reader r = { text + magic, text + len, true };
	uint32_t n = cache_get_u32(&r);
	if (!r.ok || n > len / 16)
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
	if (r.ok)
		return true;
	free_records(c->old, c->n_old);
	c->old = NULL;
	c->n_old = 0;
	return false;
}

void cache_open(struct catalog_cache *c, const char *dir)
{
	memset(c, 0, sizeof *c);
	c->path = cache_path_for(dir);
	if (!c->path)
		return;
	size_t len = 0;
	c->buffer = cache_read_file(c->path, &len); /* a few MB at 10,000 specs */
	if (!c->buffer || !cache_unseal(c->buffer, &len) || !read_records(c, c->buffer, len))
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
	struct cache_key key = cache_key_of(st);
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
	c->dirty = true;
	/* A spec changed in the last two seconds may change again within the
	 * same tick of the clock, same size, same inode: its key would not
	 * tell. It is read from the file until it is older. */
	if (time(NULL) - st->st_mtim.tv_sec < 2)
		return;
	struct strbuf sb = {0};
	serialise(&sb, p);
	size_t len = sb.len;
	XGROW(c->fresh, c->cap_fresh, c->n_fresh + 1);
	c->fresh[c->n_fresh++] = (struct cache_record){
		.name = xstrdup(name), .key = cache_key_of(st), .data = sb_steal(&sb), .len = len,
		.own = true,
	};
}

static void write_cache(struct catalog_cache *c)
{
	struct strbuf out = {0};
	sb_adds(&out, CACHE_MAGIC);
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
