#include "config.h"
#include "cache_codec.h"
#include "atomic_file.h"
#include "user_dirs.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* FNV-1a: fast, and any one byte changed changes it. */
uint64_t cache_hash(const void *data, size_t len)
{
	const unsigned char *s = data;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

/* FNV-1a over 8-byte words, the tail byte by byte: each step is a bijection
 * of the running value, so any one changed word changes the result, at an
 * eighth of the multiplications of cache_hash (the catalogue cache of
 * 10,000 specs is 3.5 MB, checked at every start). */
static uint64_t checksum(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i = 0;
	for (; i + sizeof(uint64_t) <= len; i += sizeof(uint64_t)) {
		uint64_t w;
		memcpy(&w, s + i, sizeof w);
		h = (h ^ w) * 1099511628211ULL;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

void cache_seal(struct strbuf *sb)
{
	uint64_t sum = checksum(sb->buf ? sb->buf : "", sb->len);
	cache_put_raw(sb, &sum, sizeof sum);
}

bool cache_unseal(const char *text, size_t *len)
{
	uint64_t stored;
	if (*len < sizeof stored)
		return false;
	memcpy(&stored, text + *len - sizeof stored, sizeof stored);
	if (stored != checksum(text, *len - sizeof stored))
		return false;
	*len -= sizeof stored;
	return true;
}

char *cache_file_for(const char *prefix, const char *name)
{
	const char *off = getenv("CURSUS_CACHE");
	if (off && strcmp(off, "off") == 0)
		return NULL;
	char *dir = user_xdg_path("XDG_CACHE_HOME", ".cache", "cursus");
	char *path = xasprintf("%s/%s-%016llx", dir, prefix,
			       (unsigned long long)cache_hash(name, strlen(name)));
	free(dir);
	return path;
}

/* A temporary file beside path, renamed over it, and not synced: a cache
 * torn by a crash fails its checksum and is made again, while syncing the
 * file and its directory took longer than reading a vault of 10,000
 * notes. */
static void replace_unsynced(const char *path, const char *text, size_t len)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp); /* 0600 */
	if (fd >= 0) {
		bool ok = atomic_write_all(fd, text, len);
		ok &= close(fd) == 0;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
}

void cache_write_file(const char *path, const char *text, size_t len)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		char *up = strrchr(dir, '/');
		if (up && up != dir) {
			*up = '\0';
			mkdir(dir, 0700); /* ~/.cache may not exist yet */
			*up = '/';
		}
		if (mkdir(dir, 0700) == 0 || errno == EEXIST)
			replace_unsynced(path, text, len);
	}
	free(dir);
}

void cache_put_raw(struct strbuf *sb, const void *v, size_t n)
{
	sb_add(sb, v, n);
}

void cache_put_u32(struct strbuf *sb, uint32_t v)
{
	cache_put_raw(sb, &v, sizeof v);
}

void cache_put_double(struct strbuf *sb, double d)
{
	cache_put_raw(sb, &d, sizeof d);
}

void cache_put_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		cache_put_u32(sb, UINT32_MAX);
		return;
	}
	size_t n = strlen(s);
	cache_put_u32(sb, (uint32_t)n);
	cache_put_raw(sb, s, n);
}

void cache_get_raw(struct cache_reader *r, void *out, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

uint32_t cache_get_u32(struct cache_reader *r)
{
	uint32_t v;
	cache_get_raw(r, &v, sizeof v);
	return v;
}

double cache_get_double(struct cache_reader *r)
{
	double d;
	cache_get_raw(r, &d, sizeof d);
	return d;
}

char *cache_get_str(struct cache_reader *r)
{
	uint32_t n = cache_get_u32(r);
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
