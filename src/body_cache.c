#include "config.h"
#include "body_cache.h"
#include "cache_codec.h"
#include "xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Bump when the layout or what the body parser derives changes. 3: text
 * is in NFC with control characters made visible. */
#define BODY_MAGIC "cursus-body-cache 4 " PACKAGE_VERSION "\n"

/* ---- writing ---- */

static void put_long(struct strbuf *sb, long v)
{
	int64_t w = v;
	cache_put_raw(sb, &w, sizeof w);
}

static void put_strv(struct strbuf *sb, const struct strv *sv)
{
	cache_put_u32(sb, (uint32_t)sv->n);
	for (size_t i = 0; i < sv->n; i++)
		cache_put_str(sb, sv->v[i]);
}

static void put_topics(struct strbuf *sb, const struct topic *t, size_t n)
{
	cache_put_u32(sb, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		cache_put_str(sb, t[i].title);
		cache_put_u32(sb, (uint32_t)t[i].line);
		put_topics(sb, t[i].children, t[i].n_children);
	}
}

static void put_course(struct strbuf *sb, const struct course *c)
{
	cache_put_u32(sb, (uint32_t)c->number);
	cache_put_u32(sb, (uint32_t)c->stated_number);
	cache_put_str(sb, c->title);
	cache_put_str(sb, c->icon);
	cache_put_double(sb, c->hours);
	cache_put_u32(sb, (uint32_t)c->line);
	put_topics(sb, c->topics, c->n_topics);
	put_strv(sb, &c->skills);
}

static void put_body(struct strbuf *sb, const struct program *p)
{
	cache_put_str(sb, p->icon);
	cache_put_str(sb, p->heading);
	cache_put_str(sb, p->description);
	cache_put_u32(sb, (uint32_t)p->n_courses);
	for (size_t i = 0; i < p->n_courses; i++)
		put_course(sb, &p->courses[i]);
	put_strv(sb, &p->objectives);
	put_strv(sb, &p->skills);
	put_strv(sb, &p->instructor);
	put_strv(sb, &p->format);
	cache_put_double(sb, p->certificate.rating);
	cache_put_double(sb, p->certificate.rating_scale);
	put_long(sb, p->certificate.reviews);
	put_long(sb, p->certificate.enrolled);
	put_strv(sb, &p->certificate.lines);
	put_strv(sb, &p->choose_if);
	put_strv(sb, &p->watch_out);
	cache_put_u32(sb, (uint32_t)p->n_links);
	for (size_t i = 0; i < p->n_links; i++) {
		cache_put_str(sb, p->links[i].title);
		cache_put_str(sb, p->links[i].url);
	}
	cache_put_u32(sb, (uint32_t)p->n_sections);
	for (size_t i = 0; i < p->n_sections; i++) {
		cache_put_str(sb, p->sections[i].title);
		cache_put_str(sb, p->sections[i].text);
		cache_put_u32(sb, (uint32_t)p->sections[i].line);
	}
}

static void put_diags(struct strbuf *sb, const struct diag_list *d, size_t first)
{
	cache_put_u32(sb, (uint32_t)(d->n - first));
	for (size_t i = first; i < d->n; i++) {
		cache_put_u32(sb, (uint32_t)d->v[i].severity);
		cache_put_u32(sb, (uint32_t)d->v[i].line);
		cache_put_str(sb, d->v[i].message);
	}
}

/* ---- reading, every count bounded by what is left ---- */

static long get_long(struct cache_reader *r)
{
	int64_t w;
	cache_get_raw(r, &w, sizeof w);
	if (w < LONG_MIN || w > LONG_MAX)
		r->ok = false;
	return (long)w;
}

/* What the parser never leaves empty must not be empty here either. */
static void require(struct cache_reader *r, bool what)
{
	if (!what)
		r->ok = false;
}

/* The fewest bytes each kind of item takes, to refuse counts no input of
 * that length could hold before allocating for them. */
#define MIN_STR 4
#define MIN_TOPIC (MIN_STR + 4 + 4)
#define MIN_COURSE (4 + 4 + MIN_STR + MIN_STR + 8 + 4 + 4 + 4)

static bool get_strv(struct cache_reader *r, struct strv *sv)
{
	uint32_t n = cache_get_count(r, MIN_STR);
	for (uint32_t i = 0; i < n && r->ok; i++) {
		char *s = cache_get_str(r);
		if (!s)
			r->ok = false;
		else
			strv_push(sv, s);
	}
	return r->ok;
}

static struct topic *get_topics(struct cache_reader *r, size_t *n_out, int depth)
{
	uint32_t n = cache_get_count(r, MIN_TOPIC);
	*n_out = 0;
	if (!r->ok || n == 0)
		return NULL;
	if (depth > SPEC_MAX_TOPIC_DEPTH) {
		r->ok = false;
		return NULL;
	}
	struct topic *t = xcalloc(n, sizeof *t);
	for (uint32_t i = 0; i < n && r->ok; i++, (*n_out)++) {
		t[i].title = cache_get_str(r);
		t[i].line = (int)cache_get_u32(r);
		t[i].children = get_topics(r, &t[i].n_children, depth + 1);
		require(r, t[i].title != NULL);
	}
	return t;
}

static void get_course(struct cache_reader *r, struct course *c, int position)
{
	c->number = (int)cache_get_u32(r);
	c->stated_number = (int)cache_get_u32(r);
	c->title = cache_get_str(r);
	c->icon = cache_get_str(r);
	c->hours = cache_get_double(r);
	c->line = (int)cache_get_u32(r);
	c->topics = get_topics(r, &c->n_topics, 1);
	get_strv(r, &c->skills);
	require(r, c->title != NULL && c->number == position && c->stated_number >= 0 &&
		       c->line >= 0);
}

static void get_links(struct cache_reader *r, struct program *p)
{
	uint32_t n = cache_get_count(r, 2 * MIN_STR);
	if (!r->ok || n == 0)
		return;
	p->links = xcalloc(n, sizeof *p->links);
	for (uint32_t i = 0; i < n && r->ok; i++, p->n_links++) {
		p->links[i].title = cache_get_str(r);
		p->links[i].url = cache_get_str(r);
		require(r, p->links[i].title != NULL);
	}
}

static void get_sections(struct cache_reader *r, struct program *p)
{
	uint32_t n = cache_get_count(r, 2 * MIN_STR + 4);
	if (!r->ok || n == 0)
		return;
	p->sections = xcalloc(n, sizeof *p->sections);
	for (uint32_t i = 0; i < n && r->ok; i++, p->n_sections++) {
		p->sections[i].title = cache_get_str(r);
		p->sections[i].text = cache_get_str(r);
		p->sections[i].line = (int)cache_get_u32(r);
		require(r, p->sections[i].title && p->sections[i].text);
	}
}

static bool get_body(struct cache_reader *r, struct program *p)
{
	p->icon = cache_get_str(r);
	p->heading = cache_get_str(r);
	p->description = cache_get_str(r);
	uint32_t n = cache_get_count(r, MIN_COURSE);
	if (r->ok && n > 0) {
		p->courses = xcalloc(n, sizeof *p->courses);
		for (uint32_t i = 0; i < n && r->ok; i++, p->n_courses++)
			get_course(r, &p->courses[i], (int)i + 1);
	}
	get_strv(r, &p->objectives);
	get_strv(r, &p->skills);
	get_strv(r, &p->instructor);
	get_strv(r, &p->format);
	p->certificate.rating = cache_get_double(r);
	p->certificate.rating_scale = cache_get_double(r);
	p->certificate.reviews = get_long(r);
	p->certificate.enrolled = get_long(r);
	get_strv(r, &p->certificate.lines);
	get_strv(r, &p->choose_if);
	get_strv(r, &p->watch_out);
	get_links(r, p);
	get_sections(r, p);
	require(r, p->description != NULL);
	return r->ok;
}

/* The warnings, replayed once the whole entry has been read. */
static bool get_diags(struct cache_reader *r, const char *path, struct diag_list *out)
{
	uint32_t n = cache_get_count(r, 4 + 4 + MIN_STR);
	for (uint32_t i = 0; i < n && r->ok; i++) {
		uint32_t severity = cache_get_u32(r);
		int line = (int)cache_get_u32(r);
		char *message = cache_get_str(r);
		if (message && severity <= DIAG_ERROR)
			diag_add(out, (enum diag_severity)severity, path, line, "%s", message);
		else
			r->ok = false;
		free(message);
	}
	return r->ok;
}

/* ---- the entry for one spec ---- */

/* The entry is named after the spec's real path, which it also holds: two
 * paths whose names hash alike never take each other's entry. */
static char *entry_path(const char *spec_path, char **real_out)
{
	char *real = realpath(spec_path, NULL);
	char *path = real ? cache_file_for("body", real) : NULL;
	if (!path) {
		free(real);
		real = NULL;
	}
	*real_out = real;
	return path;
}

static bool entry_matches(struct cache_reader *r, const char *real, const struct stat *st)
{
	size_t magic = strlen(BODY_MAGIC);
	if ((size_t)(r->end - r->p) < magic || memcmp(r->p, BODY_MAGIC, magic) != 0)
		return false;
	r->p += magic;
	struct cache_key key, want = cache_key_of(st);
	cache_get_raw(r, &key, sizeof key);
	char *name = cache_get_str(r);
	bool same = r->ok && name && strcmp(name, real) == 0 &&
		    memcmp(&key, &want, sizeof key) == 0;
	free(name);
	return same;
}

bool body_cache_load(struct program *p, const struct stat *st, struct diag_list *diags)
{
	char *real;
	char *path = entry_path(p->path, &real);
	if (!path)
		return false;
	size_t len = 0;
	char *text = cache_read_file(path, &len);
	struct diag_list found = {0};
	bool ok = false;
	if (text && cache_unseal(text, &len)) {
		struct cache_reader r = { text, text + len, true };
		ok = entry_matches(&r, real, st) && get_body(&r, p) &&
		     get_diags(&r, p->path, &found) && r.p == r.end;
	}
	if (ok) {
		for (size_t i = 0; i < found.n; i++)
			diag_add(diags, found.v[i].severity, found.v[i].file, found.v[i].line,
				 "%s", found.v[i].message);
	} else if (text) {
		spec_body_clear(p); /* what a refused entry had filled */
	}
	diag_free(&found);
	free(text);
	free(path);
	free(real);
	return ok;
}

void body_cache_store(const struct program *p, const struct stat *st,
		      const struct diag_list *from, size_t first)
{
	if (time(NULL) - st->st_mtim.tv_sec < 2)
		return;
	char *real;
	char *path = entry_path(p->path, &real);
	if (!path)
		return;
	struct strbuf sb = {0};
	sb_adds(&sb, BODY_MAGIC);
	struct cache_key key = cache_key_of(st);
	cache_put_raw(&sb, &key, sizeof key);
	cache_put_str(&sb, real);
	put_body(&sb, p);
	put_diags(&sb, from, first);
	cache_seal(&sb);
	cache_write_file(path, sb.buf, sb.len);
	sb_free(&sb);
	free(path);
	free(real);
}
