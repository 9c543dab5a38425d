#include "config.h"
#include "catalog.h"
#include "cache_codec.h"
#include "catalog_cache.h"
#include "nls.h"
#include "user_config.h"
#include "user_dirs.h"
#include "vault_walk.h"
#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void split_path_list(const char *list, struct strv *out)
{
	const char *s = list;
	while (*s) {
		const char *colon = strchr(s, ':');
		size_t n = colon ? (size_t)(colon - s) : strlen(s);
		if (n > 0)
			strv_push(out, xstrndup(s, n));
		s += n + (colon ? 1 : 0);
	}
}

/* The configuration's data directories. Named by the learner, like
 * --data: one that cannot be read is an error, said at its line of the
 * configuration (where it is corrected), and left out of the path. */
static bool set_configured_path(struct catalog *cat, const struct user_config *conf)
{
	bool ok = true;
	for (size_t i = 0; i < conf->n_data; i++) {
		const struct user_config_dir *dir = &conf->data[i];
		DIR *d = opendir(dir->path);
		if (!d) {
			diag_add(&cat->diags, DIAG_ERROR, conf->file, dir->line,
				 _("data directory '%s': %s"), dir->path, strerror(errno));
			ok = false;
			continue;
		}
		closedir(d);
		strv_push(&cat->dirs, xstrdup(dir->path));
	}
	cat->dirs_explicit = true;
	return ok;
}

bool catalog_set_path(struct catalog *cat, const struct strv *data_dirs,
		      const struct user_config *conf)
{
	if (data_dirs && data_dirs->n > 0) {
		for (size_t i = 0; i < data_dirs->n; i++)
			strv_push(&cat->dirs, xstrdup(data_dirs->v[i]));
		cat->dirs_explicit = true;
		return true;
	}
	const char *env = getenv("CURSUS_PATH");
	if (env && *env) {
		split_path_list(env, &cat->dirs);
		cat->dirs_named = cat->dirs.n > 0;
		if (cat->dirs.n > 0)
			return true;
	}
	if (conf && conf->n_data > 0)
		return set_configured_path(cat, conf);
	strv_push(&cat->dirs, user_xdg_path("XDG_DATA_HOME", ".local/share", "cursus/specs"));
	/* The shipped specs. The build's src/cursus (a script, never
	 * installed) names the source tree's data/specs here, so that the
	 * program itself holds no path of the build tree. */
	const char *shipped = getenv("CURSUS_SHIPPED_SPECS");
	strv_push(&cat->dirs, xstrdup(shipped && shipped[0] == '/' ? shipped
							       : CURSUS_PKGDATA_SPECS));
	return true;
}

/* Compares two runs of digits by value: fewer digits (once leading zeros
 * are skipped) is smaller; as many, the first differing digit decides. */
static int compare_numbers(const char **pa, const char **pb)
{
	const char *a = *pa, *b = *pb;
	while (*a == '0')
		a++;
	while (*b == '0')
		b++;
	size_t na = 0, nb = 0;
	while (isdigit((unsigned char)a[na]))
		na++;
	while (isdigit((unsigned char)b[nb]))
		nb++;
	int c = na != nb ? (na < nb ? -1 : 1) : memcmp(a, b, na);
	*pa = a + na;
	*pb = b + nb;
	return c;
}

int catalog_id_compare(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			int c = compare_numbers(&a, &b);
			if (c)
				return c;
			continue;
		}
		int ca = toupper((unsigned char)*a), cb = toupper((unsigned char)*b);
		if (ca != cb)
			return ca - cb;
		a++, b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* ---- what the catalogue cache keeps of a note: what it is, and a
 * spec's front matter ---- */

/* Bump when what a record holds, or what the front matter's reader derives
 * (spec_front.c), changes: records of another version are read again from
 * their note. 1: text in NFC with control characters made visible; 2:
 * what the note is (enum note_kind) first, the front matter only for a
 * spec. */
#define FRONT_RECORD_VERSION 2u

static void front_encode(struct strbuf *sb, const struct program *p)
{
	cache_put_u32(sb, FRONT_RECORD_VERSION);
	cache_put_u32(sb, NOTE_SPEC);
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

/* A note that is not a spec: what it is, nothing else. */
static void other_encode(struct strbuf *sb, enum note_kind kind)
{
	cache_put_u32(sb, FRONT_RECORD_VERSION);
	cache_put_u32(sb, (uint32_t)kind);
}

static bool is_skipped_kind(uint32_t kind)
{
	return kind != NOTE_SPEC && kind != NOTE_UNREADABLE && kind != NOTE_GONE &&
	       kind <= NOTE_GONE;
}

/* The front matter, from r (past the version and the kind). */
static struct program *front_decode(struct cache_reader *r, size_t len, const char *path)
{
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->id = cache_get_str(r);
	p->group = cache_get_str(r);
	p->option = (char)cache_get_u32(r);
	p->title = cache_get_str(r);
	p->institution = cache_get_str(r);
	p->effort_text = cache_get_str(r);
	p->effort.hours = cache_get_double(r);
	p->effort.months = cache_get_double(r);
	p->effort.hours_per_week = cache_get_double(r);
	p->effort.known = cache_get_u32(r);
	p->effort.derived = cache_get_u32(r);
	p->price = cache_get_str(r);
	p->prestige = cache_get_str(r);
	p->url = cache_get_str(r);
	p->badge = cache_get_str(r);
	p->status = cache_get_str(r);
	p->front_end_line = (int)cache_get_u32(r);
	uint32_t n = cache_get_u32(r);
	if (r->ok && n <= len / 12) {
		p->extra_keys = xcalloc(n ? n : 1, sizeof *p->extra_keys);
		for (uint32_t i = 0; i < n && r->ok; i++, p->n_extra_keys++) {
			p->extra_keys[i].key = cache_get_str(r);
			p->extra_keys[i].value = cache_get_str(r);
			p->extra_keys[i].line = (int)cache_get_u32(r);
		}
	} else {
		r->ok = false;
	}
	if (!r->ok || r->p != r->end || !p->id || !p->group) {
		spec_free(p);
		return NULL;
	}
	return p;
}

/* What says that a note is unchanged since it was read. */
static struct cache_key key_of(const struct vault_note *note)
{
	return (struct cache_key){ (uint64_t)note->ino, (int64_t)note->size,
				   (int64_t)note->mtime.tv_sec, (int64_t)note->mtime.tv_nsec };
}

/* What the cache says of a note: true when it knows (*kind, and *p for a
 * spec), false when the note must be read. */
static bool cached_note(struct catalog_cache *cache, const struct vault_note *note,
			enum note_kind *kind, struct program **p)
{
	size_t len = 0;
	struct cache_key key = key_of(note);
	size_t rel_len = note->path_len - (size_t)(note->rel - note->path);
	const char *data = catalog_cache_find(cache, note->rel, rel_len, &key, &len);
	if (!data)
		return false;
	struct cache_reader r = { data, data + len, true };
	uint32_t version = cache_get_u32(&r), k = cache_get_u32(&r);
	if (!r.ok || version != FRONT_RECORD_VERSION)
		return false;
	*p = NULL;
	*kind = (enum note_kind)k;
	if (k == NOTE_SPEC)
		return (*p = front_decode(&r, len, note->path)) != NULL;
	return is_skipped_kind(k) && r.p == r.end;
}

/* Keeps what a note is; a broken spec is not kept, so that it is read, and
 * reported, every time. */
static void store_note(struct catalog_cache *cache, const struct vault_note *note,
		       enum note_kind kind, const struct program *p)
{
	struct strbuf sb = {0};
	if (p)
		front_encode(&sb, p);
	else if (is_skipped_kind(kind))
		other_encode(&sb, kind);
	else
		return;
	struct cache_key key = key_of(note);
	catalog_cache_store(cache, note->rel, &key, sb.buf, sb.len);
	sb_free(&sb);
}

/* While loading, each program remembers the rank of its directory so that
 * shadowing can be settled in one sort instead of a search per file. */
struct ranked {
	struct program *p;
	size_t dir_rank;
	size_t file_rank;
};

/* Natural order of ids (the order programs are listed in), then the id
 * without regard to case (ids never differ by case alone), then where each
 * was found: one sort both orders the catalogue and puts each id's
 * shadowed copies right after the one that wins. */
static int compare_ranked(const void *a, const void *b)
{
	const struct ranked *ra = a, *rb = b;
	int c = catalog_id_compare(ra->p->id, rb->p->id);
	if (!c)
		c = strcasecmp(ra->p->id, rb->p->id);
	if (c)
		return c;
	if (ra->dir_rank != rb->dir_rank)
		return ra->dir_rank < rb->dir_rank ? -1 : 1;
	return ra->file_rank < rb->file_rank ? -1 : ra->file_rank > rb->file_rank;
}

struct loading {
	struct ranked *v;
	size_t n, cap;
};

/* Keeps the note (its path copied, and its kind), and counts it as
 * skipped, or keeps its program for the sort. */
static void take_note(struct catalog *cat, struct loading *ld, const char *path,
		      size_t path_len, enum note_kind kind, struct program *p, size_t dir_rank, size_t file_rank)
{
	if (kind == NOTE_GONE)
		return; /* removed since the walk found it */
	XGROW(cat->note_kinds, cat->cap_kinds, cat->notes.n + 1);
	cat->note_kinds[cat->notes.n] = (unsigned char)kind;
	strv_push(&cat->notes, strpool_add(&cat->note_paths, path, path_len));
	if (kind == NOTE_UNREADABLE || (kind == NOTE_SPEC && !p)) {
		cat->n_specs += kind == NOTE_SPEC;
		cat->n_failed++;
		return;
	}
	if (kind != NOTE_SPEC) {
		cat->n_skipped++;
		return;
	}
	cat->n_specs++;
	XGROW(ld->v, ld->cap, ld->n + 1);
	ld->v[ld->n++] = (struct ranked){ p, dir_rank, file_rank };
}

/* One data directory's walk: its cache, opened at its first note (a
 * directory inside one walked before has none of its own to touch). */
struct dir_load {
	struct catalog *cat;
	struct loading *ld;
	size_t rank;
	size_t n_notes;
	struct catalog_cache cache;
	bool cache_open;
};

/* Room for as many more notes as the cache had records: a vault's notes
 * are mostly those of last time, and the lists grown by doubling copied
 * half a million instructions' worth in a vault of 10,000 notes. */
static void make_room(struct catalog *cat, size_t notes)
{
	XGROW(cat->notes.v, cat->notes.cap, cat->notes.n + notes);
	XGROW(cat->note_kinds, cat->cap_kinds, cat->notes.n + notes);
}

/* A note of the walk: what the cache says of it, else what it says. */
static void load_note(void *ctx, struct vault_note *note, int dfd, const char *name)
{
	struct dir_load *dl = ctx;
	struct catalog *cat = dl->cat;
	enum note_kind kind = NOTE_UNREADABLE;
	struct program *p = NULL;
	if (!dl->cache_open) {
		catalog_cache_open(&dl->cache, cat->dirs.v[dl->rank]);
		dl->cache_open = true;
		make_room(cat, dl->cache.n_old);
	}
	if (note->err) {
		diag_add(&cat->diags, DIAG_ERROR, note->path, 0, _("cannot read: %s"),
			 strerror(note->err));
	} else if (!cached_note(&dl->cache, note, &kind, &p)) {
		p = spec_load_note_at(dfd, name, note->path, &kind, &cat->diags);
		store_note(&dl->cache, note, kind, p);
	}
	take_note(cat, dl->ld, note->path, note->path_len, kind, p, dl->rank, dl->n_notes++);
}

static bool load_dir(struct catalog *cat, size_t rank, struct vault_walk *walk,
		     struct loading *ld)
{
	const char *dir = cat->dirs.v[rank];
	struct dir_load dl = { .cat = cat, .ld = ld, .rank = rank };
	int err = 0;
	enum vault_result r = vault_walk_dir(walk, dir, load_note, &dl, &cat->diags, &err);
	if (dl.cache_open)
		catalog_cache_close(&dl.cache);
	if (r != VAULT_UNREADABLE)
		return true; /* VAULT_SEEN: inside a directory walked before */
	if (cat->dirs_explicit) {
		diag_add(&cat->diags, DIAG_ERROR, dir, 0, _("cannot read directory: %s"),
			 strerror(err));
		return false;
	}
	/* the default directories need not exist; those of CURSUS_PATH
	 * were named, and one missing is likely a typo */
	if (err != ENOENT || cat->dirs_named)
		diag_add(&cat->diags, DIAG_WARNING, dir, 0, _("cannot read directory: %s"),
			 strerror(err));
	return true;
}

char *catalog_dirs_text(const struct catalog *cat)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < cat->dirs.n; i++) {
		if (i)
			sb_adds(&sb, ", ");
		sb_adds(&sb, cat->dirs.v[i]);
	}
	return sb_steal(&sb);
}

/* Keeps the first of each id: an earlier directory shadows a later one;
 * the same id twice in one directory is an error. */
static void keep_first_of_each_id(struct catalog *cat, struct loading *ld)
{
	if (ld->n > 1)
		qsort(ld->v, ld->n, sizeof *ld->v, compare_ranked);
	size_t first = 0; /* the entry kept for the current id */
	for (size_t i = 0; i < ld->n; i++) {
		struct ranked *r = &ld->v[i];
		if (i == 0 || strcasecmp(ld->v[first].p->id, r->p->id) != 0) {
			first = i;
			XGROW(cat->programs, cat->cap_programs, cat->n_programs + 1);
			cat->programs[cat->n_programs++] = r->p;
			continue;
		}
		const struct ranked *kept = &ld->v[first];
		if (kept->dir_rank == r->dir_rank) {
			diag_add(&cat->diags, DIAG_ERROR, r->p->path, 0,
				 _("id '%s' is already used by %s; this file is ignored"),
				 r->p->id, kept->p->path);
			cat->n_failed++;
		}
		spec_free(r->p);
	}
}

bool catalog_load(struct catalog *cat)
{
	struct loading ld = {0};
	struct vault_walk walk = {0};
	bool ok = true;
	for (size_t i = 0; i < cat->dirs.n; i++)
		ok &= load_dir(cat, i, &walk, &ld);
	vault_walk_free(&walk);
	keep_first_of_each_id(cat, &ld);
	free(ld.v);
	return ok;
}

struct program *catalog_find(const struct catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n_programs; i++)
		if (strcasecmp(cat->programs[i]->id, id) == 0)
			return cat->programs[i];
	return NULL;
}

void catalog_free(struct catalog *cat)
{
	for (size_t i = 0; i < cat->n_programs; i++)
		spec_free(cat->programs[i]);
	free(cat->programs);
	strv_free(&cat->dirs);
	free(cat->notes.v); /* its strings are note_paths' */
	memset(&cat->notes, 0, sizeof cat->notes);
	strpool_free(&cat->note_paths);
	free(cat->note_kinds);
	diag_free(&cat->diags);
	cat->programs = NULL;
	cat->n_programs = cat->cap_programs = 0;
	cat->note_kinds = NULL;
	cat->cap_kinds = cat->n_skipped = 0;
	cat->n_specs = cat->n_failed = 0;
}
