#include "config.h"
#include "progress_file.h"
#include "atomic_file.h"
#include "hours.h"
#include "human_format.h"
#include "nls.h"
#include "outline.h"
#include "strbuf.h"
#include "utf8.h"
#include "whole_file.h"
#include "user_dirs.h"
#include "xalloc.h"
#include "yaml_error.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* ---- where the file is ---- */

char *progress_file_path(const char *cli_state)
{
	if (cli_state && *cli_state)
		return xstrdup(cli_state);
	const char *env = getenv("CURSUS_STATE");
	if (env && *env)
		return xstrdup(env);
	return user_xdg_path("XDG_STATE_HOME", ".local/state", "cursus/progress.yaml");
}

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

/* mkdir -p, new directories 0700: progress is private. */
static bool make_dirs(const char *dir, struct diag_list *diags)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return true;
		diag_add(diags, DIAG_ERROR, dir, 0, "%s", _("not a directory"));
		return false;
	}
	if (errno != ENOENT) {
		diag_add(diags, DIAG_ERROR, dir, 0, "%s", strerror(errno));
		return false;
	}
	char *parent = dir_of(dir);
	bool ok = strcmp(parent, dir) == 0 || make_dirs(parent, diags);
	free(parent);
	if (ok && mkdir(dir, 0700) != 0 && errno != EEXIST) {
		diag_add(diags, DIAG_ERROR, dir, 0, _("cannot create directory: %s"),
			 strerror(errno));
		ok = false;
	}
	return ok;
}

/* The progress file is a regular file or a link to one. Anything else at
 * that path (a FIFO, a device, a directory) is the learner's, is refused,
 * and is never read, waited for, or replaced by a regular file. */
static bool is_regular_or_absent(const char *path, struct diag_list *diags)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return true;
		diag_add(diags, DIAG_ERROR, path, 0, "%s", errno == ENOTDIR
			 ? _("not a directory: a folder on this path is a file") : strerror(errno));
		return false;
	}
	if (S_ISREG(st.st_mode))
		return true;
	const char *kind = S_ISDIR(st.st_mode) ? _("a directory")
			 : S_ISFIFO(st.st_mode) ? _("a FIFO")
			 : S_ISCHR(st.st_mode) ? _("a character device")
			 : S_ISBLK(st.st_mode) ? _("a block device")
			 : S_ISSOCK(st.st_mode) ? _("a socket") : _("not a regular file");
	/* TRANSLATORS: %s is what the path is ("a directory", "a FIFO"). */
	diag_add(diags, DIAG_ERROR, path, 0,
		 _("is %s, not a progress file; cursus keeps progress only in a regular "
		   "file (or a link to one) and leaves this one untouched"), kind);
	return false;
}

/* ---- locking ---- */

int progress_file_lock(const char *path, struct diag_list *diags)
{
	char *target = atomic_link_target(path);
	char *dir = dir_of(target);
	char *lock_path = atomic_lock_name(target);
	int fd = -1;
	if (is_regular_or_absent(target, diags) && make_dirs(dir, diags)) {
		fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0)
			diag_add(diags, DIAG_ERROR, lock_path, 0, _("cannot open the lock: %s"),
				 strerror(errno));
		else if (flock(fd, LOCK_EX) != 0) {
			diag_add(diags, DIAG_ERROR, lock_path, 0, _("cannot lock: %s"),
				 strerror(errno));
			close(fd);
			fd = -1;
		} else {
			/* A writer killed mid-save left its temporary file;
			 * holding the lock, we know no other writer is at work. */
			atomic_remove_stale_temps(target);
		}
	}
	free(lock_path);
	free(dir);
	free(target);
	return fd;
}

void progress_file_unlock(int fd)
{
	if (fd >= 0) {
		flock(fd, LOCK_UN);
		close(fd);
	}
}

/* ---- reading ---- */

struct reader {
	const char *file;
	yaml_document_t doc;
	struct diag_list *diags;
	unsigned char *seen; /* nodes already visited: a second visit is an alias */
	size_t n_nodes;
	int minor;           /* the file's minor format version */
};

static int node_line(yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

static bool bad(struct reader *r, yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool bad(struct reader *r, yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(r->diags, DIAG_ERROR, r->file, n ? node_line(n) : 0, "%s", msg);
	return false;
}

static yaml_node_t *node_at(struct reader *r, int index)
{
	yaml_node_t *n = yaml_document_get_node(&r->doc, index);
	if (!n)
		return NULL;
	size_t i = (size_t)(index - 1);
	if (i < r->n_nodes && r->seen[i]++) {
		bad(r, n, "%s", _("YAML anchors and aliases are not allowed in the progress file "
				  "(this value is used twice)"));
		return NULL;
	}
	return n;
}

static bool expect_kind(struct reader *r, yaml_node_t *n, yaml_node_type_t kind,
			const char *what)
{
	if (n->type == kind)
		return true;
	const char *want = kind == YAML_MAPPING_NODE ? _("a mapping")
			 : kind == YAML_SCALAR_NODE ? _("a single value") : _("a list");
	/* TRANSLATORS: a key of the progress file or what it holds ("a
	 * tick"), then what it must be ("a mapping", "a list"). */
	return bad(r, n, _("%s must be %s"), what, want);
}

static const char *scalar(yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static bool read_number(struct reader *r, yaml_node_t *n, const char *what,
			double max, double *out)
{
	if (!expect_kind(r, n, YAML_SCALAR_NODE, what))
		return false;
	/* Plain decimals, as cursus writes them: strtod alone would also take
	 * "0x10", "1e1" and "inf". */
	double v;
	if (!hours_parse_plain(scalar(n), &v) || v <= 0 || v > max) {
		char most[HUMAN_MAX];
		human_number(max, most, sizeof most);
		diag_add(r->diags, DIAG_ERROR, r->file, node_line(n),
			 _("%s '%s' is not a number of hours above 0 and at most %s (such as "
			   "2 or 1.5); correct or remove this line"), what, scalar(n), most);
		return false;
	}
	*out = v;
	return true;
}

static bool read_date(struct reader *r, yaml_node_t *n, const char *what, struct date *out)
{
	if (!expect_kind(r, n, YAML_SCALAR_NODE, what))
		return false;
	if (!date_parse(scalar(n), out)) {
		/* TRANSLATORS: what holds the date, the date as written, and
		 * what is wrong with it ("is not a date (YYYY-MM-DD)"). */
		diag_add(r->diags, DIAG_ERROR, r->file, node_line(n), _("%s '%s' %s"), what,
			 scalar(n), date_parse_problem(scalar(n)));
		return false;
	}
	return true;
}

typedef bool (*pair_fn)(struct reader *r, yaml_node_t *key, yaml_node_t *value,
			void *ctx);

struct key_ref {
	const char *key;
	size_t pair;
};

static int key_ref_order(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->pair > y->pair) - (x->pair < y->pair);
}

/* For each pair of a mapping, the pair where its key first appeared, or
 * -1 when the key is new there. Found by sorting the keys: comparing each
 * key with all those before it took minutes on a file of many days. */
static long *first_pairs(struct reader *r, yaml_node_t *map)
{
	yaml_node_pair_t *pairs = map->data.mapping.pairs.start;
	size_t n = (size_t)(map->data.mapping.pairs.top - pairs);
	struct key_ref *refs = xcalloc(n, sizeof *refs);
	long *first = xcalloc(n, sizeof *first);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, pairs[i].key);
		first[i] = -1;
		if (k && k->type == YAML_SCALAR_NODE)
			refs[m++] = (struct key_ref){ scalar(k), i };
	}
	qsort(refs, m, sizeof *refs, key_ref_order);
	for (size_t i = 1; i < m; i++)
		if (strcmp(refs[i].key, refs[i - 1].key) == 0)
			first[refs[i].pair] = first[refs[i - 1].pair] >= 0
					      ? first[refs[i - 1].pair] : (long)refs[i - 1].pair;
	free(refs);
	return first;
}

/* Calls fn for each key/value of a mapping whose keys are single values;
 * a key met twice is an error. */
static bool each_pair(struct reader *r, yaml_node_t *map, const char *what,
		      pair_fn fn, void *ctx)
{
	if (!expect_kind(r, map, YAML_MAPPING_NODE, what))
		return false;
	yaml_node_pair_t *pairs = map->data.mapping.pairs.start;
	long *first = first_pairs(r, map);
	bool ok = true;
	for (yaml_node_pair_t *p = pairs; ok && p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(r, p->key), *v = node_at(r, p->value);
		if (!k || !v) {
			ok = false;
		} else if (!expect_kind(r, k, YAML_SCALAR_NODE, _("a key"))) {
			ok = false;
		} else if (first[p - pairs] >= 0) {
			yaml_node_t *other = yaml_document_get_node(&r->doc,
								     pairs[first[p - pairs]].key);
			diag_add(r->diags, DIAG_ERROR, r->file, node_line(k),
				 _("duplicate key '%s' in %s (first on line %d)"), scalar(k), what,
				 node_line(other));
			ok = false;
		} else {
			ok = fn(r, k, v, ctx);
		}
	}
	free(first);
	return ok;
}

/* A copy of a value cursus does not know, to write it back as it was. */
static bool read_raw(struct reader *r, yaml_node_t *n, struct raw_yaml *out)
{
	memset(out, 0, sizeof *out);
	if (n->type == YAML_SCALAR_NODE) {
		out->kind = RAW_SCALAR;
		out->text = xstrdup(scalar(n));
		out->style = (int)n->data.scalar.style;
		return true;
	}
	yaml_node_item_t *items = NULL;
	size_t n_items = 0;
	if (n->type == YAML_SEQUENCE_NODE) {
		out->kind = RAW_LIST;
		out->style = (int)n->data.sequence.style;
		items = n->data.sequence.items.start;
		n_items = (size_t)(n->data.sequence.items.top - items);
	} else {
		out->kind = RAW_MAP;
		out->style = (int)n->data.mapping.style;
		n_items = 2 * (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	}
	out->items = n_items ? xcalloc(n_items, sizeof *out->items) : NULL;
	for (size_t i = 0; i < n_items; i++, out->n_items++) {
		const yaml_node_pair_t *pair = items ? NULL : &n->data.mapping.pairs.start[i / 2];
		yaml_node_t *item = node_at(r, items ? items[i] : i % 2 ? pair->value : pair->key);
		if (!item || !read_raw(r, item, &out->items[i])) {
			raw_yaml_free(out);
			return false;
		}
	}
	return true;
}

/* A key this cursus does not know is kept and written back: a newer minor
 * version of the format adds keys, and a file must survive a save by an
 * older cursus. In a file of a version this cursus knows whole, it is
 * most likely a typo, which the learner is told about. */
static bool unknown_key(struct reader *r, yaml_node_t *k, yaml_node_t *v,
			struct extras *x, const char *where)
{
	struct raw_yaml value;
	if (!read_raw(r, v, &value))
		return false;
	extras_add(x, scalar(k), value);
	if (r->minor <= PROGRESS_FORMAT_MINOR)
		diag_add(r->diags, DIAG_WARNING, r->file, node_line(k),
			 _("unknown key '%s' in %s: kept as it is, but not used"), scalar(k), where);
	return true;
}

struct tick_ctx {
	struct tick tick;
	bool has_date;
};

static bool read_tick_field(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct tick_ctx *tc = ctx;
	const char *key = scalar(k);
	if (strcmp(key, "date") == 0)
		return (tc->has_date = read_date(r, v, _("tick date"), &tc->tick.date));
	if (strcmp(key, "path") == 0 || strcmp(key, "title") == 0) {
		if (!expect_kind(r, v, YAML_SCALAR_NODE, key))
			return false;
		char **slot = key[0] == 'p' ? &tc->tick.path : &tc->tick.title;
		free(*slot);
		*slot = xstrdup(scalar(v));
		return true;
	}
	return unknown_key(r, k, v, &tc->tick.extras, _("a tick"));
}

static bool read_tick(struct reader *r, yaml_node_t *item, struct program_progress *pp)
{
	struct tick_ctx tc = {0};
	bool ok = each_pair(r, item, _("a tick"), read_tick_field, &tc);
	if (ok && (!tc.tick.path || !outline_path_valid(tc.tick.path)))
		ok = bad(r, item, "%s", _("a tick needs a 'path' such as 1.2.1"));
	else if (ok && !tc.has_date)
		ok = bad(r, item, _("tick '%s' has no date"), tc.tick.path);
	if (ok) {
		struct tick *t = progress_tick_add(pp, tc.tick.path, tc.tick.title, tc.tick.date);
		t->extras = tc.tick.extras;
	} else {
		extras_free(&tc.tick.extras);
	}
	free(tc.tick.path);
	free(tc.tick.title);
	return ok;
}

static bool read_ticks(struct reader *r, yaml_node_t *list, struct program_progress *pp)
{
	if (!expect_kind(r, list, YAML_SEQUENCE_NODE, "ticks"))
		return false;
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *item = node_at(r, *it);
		if (!item || !read_tick(r, item, pp))
			return false;
	}
	return true;
}

static bool read_day(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct program_progress *pp = ctx;
	struct date day;
	double hours;
	if (!read_date(r, k, _("day"), &day) ||
	    !read_number(r, v, "hours", PROGRESS_MAX_HOURS_PER_DAY, &hours))
		return false;
	progress_hours_set(pp, day, hours); /* a day given twice is refused */
	return true;
}

struct week_ctx {
	double planned;
	bool has_planned;
	struct week_course *courses;
	size_t n;
};

static bool read_week_course(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct week_ctx *wc = ctx;
	char *end;
	long course = strtol(scalar(k), &end, 10);
	double hours;
	if (*end || course < 1 || course > 9999)
		return bad(r, k, _("course '%s' is not a course number"), scalar(k));
	if (!read_number(r, v, _("course hours"), 168, &hours))
		return false;
	wc->courses = xrealloc(wc->courses, (wc->n + 1) * sizeof *wc->courses);
	wc->courses[wc->n++] = (struct week_course){ (int)course, hours };
	return true;
}

static bool read_week_field(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct week_ctx *wc = ctx;
	if (strcmp(scalar(k), "planned") == 0) {
		wc->has_planned = true;
		if (expect_kind(r, v, YAML_SCALAR_NODE, "planned") &&
		    strcmp(scalar(v), "0") == 0)
			return (wc->planned = 0, true); /* a week with nothing left to plan */
		return read_number(r, v, _("planned hours"), 168, &wc->planned);
	}
	if (strcmp(scalar(k), "courses") == 0)
		return each_pair(r, v, _("a week's courses"), read_week_course, wc);
	return bad(r, k, _("unknown key '%s' in a week"), scalar(k));
}

/* A past week as it was planned: "2026-11-23: {planned: 5, courses: {1: 5}}". */
static bool read_week(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct program_progress *pp = ctx;
	struct date monday;
	struct week_ctx wc = {0};
	bool ok = read_date(r, k, _("week"), &monday) &&
		  each_pair(r, v, _("a week"), read_week_field, &wc);
	if (ok && date_weekday(monday) != 1)
		ok = bad(r, k, _("week '%s' does not begin on a Monday"), scalar(k));
	else if (ok && !wc.has_planned)
		ok = bad(r, k, _("week '%s' has no 'planned' hours"), scalar(k));
	if (ok)
		progress_week_record(pp, monday, wc.planned, wc.courses, wc.n);
	free(wc.courses);
	return ok;
}

static bool read_program_field(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct program_progress *pp = ctx;
	const char *key = scalar(k);
	if (strcmp(key, "start") == 0) {
		pp->start_line = node_line(v);
		return (pp->has_start = read_date(r, v, "start", &pp->start));
	}
	if (strcmp(key, "pace") == 0) {
		pp->pace_line = node_line(v);
		/* Kept to the hundredth, as it is written: a pace that rounds
		 * to 0 would be saved as "0", which is then refused. */
		if (!read_number(r, v, "pace", 168, &pp->pace))
			return false;
		pp->pace = progress_round_hours(pp->pace);
		return pp->pace > 0 ||
		       bad(r, v, _("pace '%s' is less than a hundredth of an hour; correct or remove "
			     "this line (without it, the spec's pace is used)"), scalar(v));
	}
	if (strcmp(key, "replanned") == 0)
		return (pp->replanned = read_date(r, v, "replanned", &pp->replanned_on));
	if (strcmp(key, "weeks") == 0)
		return each_pair(r, v, "weeks", read_week, pp);
	if (strcmp(key, "earned") == 0)
		return (pp->earned = read_date(r, v, "earned", &pp->earned_on));
	if (strcmp(key, "ticks") == 0)
		return read_ticks(r, v, pp);
	if (strcmp(key, "hours") == 0)
		return each_pair(r, v, "hours", read_day, pp);
	return unknown_key(r, k, v, &pp->extras, _("a program"));
}

/* An older cursus compared ids with their case, so a file may hold the
 * same program twice ("P4-A", "p4-a"): the two are read as one, their
 * ticks and hours together, unless their settings disagree, which only
 * the learner can settle. */
static bool fold_program(struct reader *r, yaml_node_t *k, struct program_progress *into,
			 struct program_progress *from)
{
	const char *clash = (into->has_start && from->has_start &&
			     date_compare(into->start, from->start) != 0) ? "start"
			  : (into->pace > 0 && from->pace > 0 && into->pace != from->pace) ? "pace"
			  : (into->earned && from->earned &&
			     date_compare(into->earned_on, from->earned_on) != 0) ? "earned" : NULL;
	if (clash)
		/* TRANSLATORS: a program id as written, as written before,
		 * and the key their values differ in ("start", "pace"). */
		return bad(r, k, _("program '%s' is '%s' again, with another case and another "
				   "'%s': keep one of the two and delete the other"), scalar(k),
			   into->id, clash);
	if (from->has_start && !into->has_start)
		into->start = from->start, into->has_start = true, into->start_line = from->start_line;
	if (from->pace > 0 && into->pace <= 0)
		into->pace = from->pace, into->pace_line = from->pace_line;
	if (from->earned && !into->earned)
		into->earned = true, into->earned_on = from->earned_on;
	for (size_t i = 0; i < from->n_ticks; i++) {
		const struct tick *t = &from->ticks[i];
		if (progress_tick_find(into, t) < 0)
			progress_tick_add(into, t->path, t->title, t->date);
	}
	for (size_t i = 0; i < from->n_hours; i++) {
		struct date day = from->hours[i].date;
		double total = progress_round_logged(progress_hours_on(into, day) +
						     from->hours[i].hours);
		/* refused now, rather than by the next save: it would not read back */
		if (total > PROGRESS_MAX_HOURS_PER_DAY) {
			char d[16], t[HUMAN_MAX], most[HUMAN_MAX];
			date_format(day, d);
			human_logged(total, t, sizeof t);
			human_logged(PROGRESS_MAX_HOURS_PER_DAY, most, sizeof most);
			/* TRANSLATORS: a program id as written, its hours on a
			 * day with those of its other spelling, the day, and
			 * the most a day holds. */
			return bad(r, k, _("program '%s' has %s h on %s with its other spelling, "
					   "more than the %s h of a day: correct the two"),
				   scalar(k), t, d, most);
		}
		progress_hours_set(into, day, total);
	}
	extras_copy(&into->extras, &from->extras);
	return true;
}

static bool read_program(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct progress *pr = ctx;
	struct program_progress *known = progress_find(pr, scalar(k));
	if (!known)
		return each_pair(r, v, _("a program"), read_program_field,
				 progress_get(pr, scalar(k)));
	struct progress again = {0};
	struct program_progress *pp = progress_get(&again, scalar(k));
	bool ok = each_pair(r, v, _("a program"), read_program_field, pp) &&
		  fold_program(r, k, known, pp);
	progress_free(&again);
	return ok;
}

static bool read_choice(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct progress *pr = ctx;
	if (!expect_kind(r, v, YAML_SCALAR_NODE, _("a choice")))
		return false;
	const char *before = progress_choice(pr, scalar(k)); /* the group with another case */
	if (before && strcasecmp(before, scalar(v)) != 0)
		return bad(r, k, _("the choice for '%s' is made again with another case, and "
				   "differs ('%s', '%s'): keep one of the two"), scalar(k), before,
			   scalar(v));
	if (before)
		return true; /* the same choice, spelled twice: the first spelling stays */
	char *current = pr->current; /* progress_choose moves it; keep ours */
	pr->current = NULL;
	progress_choose(pr, scalar(k), scalar(v));
	free(pr->current);
	pr->current = current;
	return true;
}

/* "MAJOR" or "MAJOR.MINOR". Read before the other keys, since what an
 * unknown key means depends on it. */
static bool read_version(struct reader *r, yaml_node_t *root, struct progress *pr)
{
	yaml_node_t *v = NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && strcmp(scalar(k), "version") == 0)
			v = yaml_document_get_node(&r->doc, p->value);
	}
	if (!v)
		return bad(r, root, "%s", _("the progress file has no 'version'"));
	if (!expect_kind(r, v, YAML_SCALAR_NODE, "version"))
		return false;
	const char *text = scalar(v);
	char *end;
	long major = isdigit((unsigned char)text[0]) ? strtol(text, &end, 10) : 0;
	long minor = 0;
	if (major >= 1 && *end == '.' && isdigit((unsigned char)end[1]))
		minor = strtol(end + 1, &end, 10);
	if (major < 1 || major > INT_MAX || minor > INT_MAX || *end)
		return bad(r, v, _("version '%s' is not a format number"), text);
	if (major > PROGRESS_FORMAT_VERSION) {
		diag_add(r->diags, DIAG_ERROR, r->file, node_line(v),
			 _("written by a newer cursus (format %ld; this one knows %d); "
			   "it is left untouched"), major, PROGRESS_FORMAT_VERSION);
		pr->version = (int)major; /* kept when it fails: not damaged */
		return false;
	}
	pr->version = (int)major;
	pr->minor = r->minor = (int)minor;
	return true;
}

static bool read_top(struct reader *r, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct progress *pr = ctx;
	const char *key = scalar(k);
	if (strcmp(key, "version") == 0)
		return true; /* read first, by read_version */
	if (strcmp(key, "current") == 0) {
		if (!expect_kind(r, v, YAML_SCALAR_NODE, "current"))
			return false;
		free(pr->current);
		pr->current = xstrdup(scalar(v));
		return true;
	}
	if (strcmp(key, "choices") == 0)
		return each_pair(r, v, "choices", read_choice, pr);
	if (strcmp(key, "programs") == 0)
		return each_pair(r, v, "programs", read_program, pr);
	return unknown_key(r, k, v, &pr->extras, _("the progress file"));
}

static bool parse_document(struct reader *r, struct progress *pr)
{
	yaml_node_t *root = yaml_document_get_root_node(&r->doc);
	if (!root) {
		pr->version = PROGRESS_FORMAT_VERSION; /* an empty file: no progress yet */
		return true;
	}
	r->n_nodes = (size_t)(r->doc.nodes.top - r->doc.nodes.start);
	r->seen = xcalloc(r->n_nodes, 1);
	r->seen[0] = 1;
	bool ok = expect_kind(r, root, YAML_MAPPING_NODE, _("the progress file")) &&
		  read_version(r, root, pr) &&
		  each_pair(r, root, _("the progress file"), read_top, pr);
	free(r->seen);
	return ok;
}

/* Reports the first line of text that git left as a conflict marker
 * ("<<<<<<< ours", "=======", "|||||||", ">>>>>>> theirs"): YAML would call
 * it a syntax error somewhere else, which tells the learner nothing. */
static bool has_conflict_marker(const char *text, size_t len, const char *file,
				struct diag_list *diags)
{
	static const char *const markers[] = { "<<<<<<<", "=======", "|||||||", ">>>>>>>" };
	int line = 1;
	for (const char *at = text, *end = text + len; at < end; line++) {
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		size_t n = nl ? (size_t)(nl - at) : (size_t)(end - at);
		for (size_t m = 0; m < sizeof markers / sizeof *markers; m++) {
			if (n < 7 || memcmp(at, markers[m], 7) != 0 ||
			    (n > 7 && at[7] != ' ' && at[7] != '\r'))
				continue;
			diag_add(diags, DIAG_ERROR, file, line,
				 _("a git conflict marker (%s): the file is in the middle of a merge; "
				   "resolve it, or let 'cursus merge' do it (see cursus(1)); "
				   "the file is left untouched"), markers[m]);
			return true;
		}
		if (!nl)
			break;
		at = nl + 1;
	}
	return false;
}

/* The line of the first YAML comment in text, or 0. libyaml's loader
 * drops comments and its emitter cannot write them, so a file holding one
 * is read but never written over (the learner's note would be lost). A
 * '#' starts a comment at the start of a line or after a blank, outside
 * quotes; the progress file's values are one line each. */
static int first_comment_line(const char *text, size_t len)
{
	int line = 1;
	char quote = 0;
	char prev = '\n';
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\n') {
			line++;
			quote = 0;
		} else if (quote == '"' && c == '\\') {
			/* an escaped character, perhaps a quote; never past the end,
			 * never a line's end */
			if (i + 1 < len && text[i + 1] != '\n')
				c = text[++i];
		} else if (quote && c == quote) {
			quote = 0;
		} else if (!quote && (c == '"' || c == '\'')) {
			quote = c;
		} else if (!quote && c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
			return line;
		}
		prev = c;
	}
	return 0;
}

/* A progress file nests 5 deep (programs, a program, its ticks, a tick). */
#define PROGRESS_MAX_DEPTH 32

static bool stream_error(struct diag_list *diags, const char *file, int line,
			 const char *what)
{
	/* TRANSLATORS: %s says what is wrong with the file's YAML. */
	diag_add(diags, DIAG_ERROR, file, line, _("%s; the file is left untouched"), what);
	return false;
}

/* Checks the whole stream with the event parser before the loader, which
 * reads only the first document: anything after it (a second document,
 * text after "...") would be dropped by the next save, so it is refused.
 * The nesting is checked here too, because libyaml's loader takes time in
 * the square of the nesting of flow collections ("[[[[..." of a few
 * hundred KB took minutes); the event parser stops at the limit. */
static bool check_stream(const char *text, size_t len, const char *file,
			 struct diag_list *diags)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return true; /* the loader says it cannot start */
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	int depth = 0, documents = 0;
	bool ok = true, done = false, ended = false;
	yaml_event_t ev;
	while (ok && !done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			char what[512];
			int at = yaml_error(&parser, 1, what, sizeof what);
			char *msg = ended
				? xasprintf("%s", _("text after the end of the document: a progress "
						    "file holds one, and cursus would not keep the rest"))
				/* TRANSLATORS: libyaml's own (English) words follow. */
				: xasprintf(_("not valid YAML: %s"), what);
			ok = stream_error(diags, file, at, msg);
			free(msg);
			break;
		}
		int line = (int)ev.start_mark.line + 1;
		if (ev.type == YAML_DOCUMENT_START_EVENT && ++documents > 1)
			ok = stream_error(diags, file, line, _("a second YAML document starts here: "
					  "a progress file holds one, and cursus would not keep the rest"));
		else if ((ev.type == YAML_SEQUENCE_START_EVENT ||
			  ev.type == YAML_MAPPING_START_EVENT) && ++depth > PROGRESS_MAX_DEPTH) {
			char *msg = xasprintf(_("nested more than %d levels deep: not a progress file"),
					      PROGRESS_MAX_DEPTH);
			ok = stream_error(diags, file, line, msg);
			free(msg);
		} else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT)
			depth--;
		done = ev.type == YAML_STREAM_END_EVENT;
		ended |= ev.type == YAML_DOCUMENT_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return ok;
}

bool progress_parse(const char *text, size_t len, const char *file,
		    struct progress *pr, struct diag_list *diags)
{
	memset(pr, 0, sizeof *pr);
	size_t bad_at;
	if (memchr(text, '\0', len) || !utf8_validate(text, len, &bad_at)) {
		const char *nul = memchr(text, '\0', len);
		size_t at = nul ? (size_t)(nul - text) : bad_at;
		diag_add(diags, DIAG_ERROR, file, text_line_of(text, at),
			 _("not UTF-8 text (byte offset %zu); the file is left untouched"), at);
		return false;
	}
	if (has_conflict_marker(text, len, file, diags) || !check_stream(text, len, file, diags))
		return false;
	int comment_line = first_comment_line(text, len);
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		diag_add(diags, DIAG_ERROR, file, 0, "%s", _("cannot start the YAML parser"));
		return false;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	struct reader r = { .file = file, .diags = diags };
	bool ok = yaml_parser_load(&parser, &r.doc);
	if (!ok) {
		char what[512];
		int at = yaml_error(&parser, 1, what, sizeof what);
		diag_add(diags, DIAG_ERROR, file, at, _("not valid YAML: %s"), what);
	} else {
		ok = parse_document(&r, pr);
		yaml_document_delete(&r.doc);
	}
	yaml_parser_delete(&parser);
	if (!ok) {
		int version = pr->version;
		progress_free(pr);
		pr->version = version;
	} else {
		pr->comment_line = comment_line;
	}
	return ok;
}

static char *read_all(const char *path, size_t *len, bool *missing, struct diag_list *diags)
{
	int err;
	char *text = whole_file_read(path, PROGRESS_FILE_MAX_BYTES, len, &err);
	*missing = !text && err == ENOENT;
	if (!text && err == EFBIG)
		diag_add(diags, DIAG_ERROR, path, 0, "%s", _("too large for a progress file"));
	else if (!text && !*missing)
		diag_add(diags, DIAG_ERROR, path, 0, _("cannot read: %s"), strerror(err));
	return text;
}

/* A file that cannot be read: where the version before cursus's last
 * save is, when there is one (atomic_file.c keeps it). */
static void point_at_backup(const char *path, struct diag_list *diags)
{
	char *target = atomic_link_target(path); /* saves go through links */
	char *bak = atomic_backup_name(target);
	free(target);
	struct stat st;
	if (stat(bak, &st) == 0 && S_ISREG(st.st_mode))
		diag_add(diags, DIAG_WARNING, path, 0,
			 _("the version before cursus's last save is in %s"), bak);
	free(bak);
}

bool progress_file_load(const char *path, struct progress *pr, struct diag_list *diags)
{
	memset(pr, 0, sizeof *pr);
	if (!is_regular_or_absent(path, diags))
		return false;
	size_t len = 0;
	bool missing;
	char *text = read_all(path, &len, &missing, diags);
	if (!text) {
		pr->version = PROGRESS_FORMAT_VERSION;
		return missing;
	}
	bool ok = progress_parse(text, len, path, pr, diags);
	free(text);
	if (!ok && pr->version <= PROGRESS_FORMAT_VERSION) /* damaged, not newer */
		point_at_backup(path, diags);
	return ok;
}

/* ---- writing ---- */

static int write_to_strbuf(void *data, unsigned char *buffer, size_t size)
{
	sb_add(data, (const char *)buffer, size);
	return 1;
}

struct emitter {
	yaml_emitter_t e;
	bool ok;
};

static void emit(struct emitter *em, yaml_event_t *ev)
{
	if (em->ok && !yaml_emitter_emit(&em->e, ev))
		em->ok = false;
}

static void emit_scalar(struct emitter *em, const char *text, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, (int)strlen(text),
				     1, 1, style);
	emit(em, &ev);
}

static void emit_plain(struct emitter *em, const char *text)
{
	emit_scalar(em, text, YAML_PLAIN_SCALAR_STYLE);
}

static void emit_map_start(struct emitter *em, yaml_mapping_style_t style)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, style);
	emit(em, &ev);
}

static void emit_map_end(struct emitter *em)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
}

static void emit_date(struct emitter *em, struct date d)
{
	char buf[16];
	date_format(d, buf);
	emit_plain(em, buf);
}

/* Hours to the hundredth ("1.5"), or to four places where a day's log in
 * 300ths of an hour has no hundredth ("0.3333" for 20 min): enough for
 * read_day to find the same 300th again. */
static void emit_hours(struct emitter *em, double hours)
{
	char buf[32];
	hours = progress_round_logged(hours);
	double hundredths = progress_round_hours(hours);
	bool exact = fabs(hours - hundredths) < 1e-9;
	snprintf(buf, sizeof buf, exact ? "%.2f" : "%.4f", exact ? hundredths : hours);
	char *end = buf + strlen(buf) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
	emit_plain(em, buf);
}

static void emit_raw(struct emitter *em, const struct raw_yaml *v)
{
	yaml_event_t ev;
	if (v->kind == RAW_SCALAR) {
		emit_scalar(em, v->text, (yaml_scalar_style_t)v->style);
		return;
	}
	if (v->kind == RAW_LIST)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
						     (yaml_sequence_style_t)v->style);
	else
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
						    (yaml_mapping_style_t)v->style);
	emit(em, &ev);
	for (size_t i = 0; i < v->n_items; i++)
		emit_raw(em, &v->items[i]);
	if (v->kind == RAW_LIST)
		yaml_sequence_end_event_initialize(&ev);
	else
		yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
}

/* The keys a newer cursus wrote, after ours, as they were read. */
static void emit_extras(struct emitter *em, const struct extras *x)
{
	for (size_t i = 0; i < x->n; i++) {
		emit_plain(em, x->keys[i]);
		emit_raw(em, &x->values[i]);
	}
}

/* One week a line: "2026-11-23: {planned: 5, courses: {1: 5}}". */
static void emit_weeks(struct emitter *em, const struct program_progress *pp)
{
	if (!pp->n_weeks)
		return;
	emit_plain(em, "weeks");
	emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
	for (size_t i = 0; i < pp->n_weeks; i++) {
		const struct week_record *w = &pp->weeks[i];
		emit_date(em, w->monday);
		emit_map_start(em, YAML_FLOW_MAPPING_STYLE);
		emit_plain(em, "planned");
		emit_hours(em, w->planned);
		emit_plain(em, "courses");
		emit_map_start(em, YAML_FLOW_MAPPING_STYLE);
		for (size_t k = 0; k < w->n_courses; k++) {
			char n[16];
			snprintf(n, sizeof n, "%d", w->courses[k].course);
			emit_plain(em, n);
			emit_hours(em, w->courses[k].hours);
		}
		emit_map_end(em);
		emit_map_end(em);
	}
	emit_map_end(em);
}

/* One fact per line: ticks are one-line flow mappings, hours one line a day. */
static void emit_program(struct emitter *em, const struct program_progress *pp)
{
	emit_plain(em, pp->id);
	emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
	if (pp->has_start) {
		emit_plain(em, "start");
		emit_date(em, pp->start);
	}
	if (pp->pace > 0) {
		emit_plain(em, "pace");
		emit_hours(em, pp->pace);
	}
	if (pp->earned) {
		emit_plain(em, "earned");
		emit_date(em, pp->earned_on);
	}
	if (pp->replanned) {
		emit_plain(em, "replanned");
		emit_date(em, pp->replanned_on);
	}
	if (pp->n_ticks) {
		emit_plain(em, "ticks");
		yaml_event_t ev;
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		emit(em, &ev);
		for (size_t i = 0; i < pp->n_ticks; i++) {
			emit_map_start(em, YAML_FLOW_MAPPING_STYLE);
			emit_plain(em, "path");
			/* quoted, or "1.2" would be a number to other YAML readers */
			emit_scalar(em, pp->ticks[i].path, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
			emit_plain(em, "date");
			emit_date(em, pp->ticks[i].date);
			emit_plain(em, "title");
			emit_scalar(em, pp->ticks[i].title, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
			emit_extras(em, &pp->ticks[i].extras);
			emit_map_end(em);
		}
		yaml_sequence_end_event_initialize(&ev);
		emit(em, &ev);
	}
	if (pp->n_hours) {
		emit_plain(em, "hours");
		emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
		for (size_t i = 0; i < pp->n_hours; i++) {
			emit_date(em, pp->hours[i].date);
			emit_hours(em, pp->hours[i].hours);
		}
		emit_map_end(em);
	}
	emit_weeks(em, pp);
	emit_extras(em, &pp->extras);
	emit_map_end(em);
}

static bool program_is_empty(const struct program_progress *pp)
{
	return !pp->has_start && pp->pace <= 0 && !pp->earned && !pp->n_ticks && !pp->n_hours &&
	       !pp->replanned && !pp->n_weeks && !pp->extras.n;
}

/* The lowest minor version that holds what is written. */
static int minor_needed(const struct progress *pr)
{
	int minor = pr->minor;
	for (size_t i = 0; i < pr->n_programs && minor < 1; i++)
		if (pr->programs[i].n_weeks || pr->programs[i].replanned)
			minor = 1;
	return minor;
}

static void emit_progress(struct emitter *em, const struct progress *pr)
{
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(em, &ev);
	emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
	/* The lowest version that holds what is written (a file without
	 * recorded weeks stays "1" for an older cursus); a newer minor
	 * version read is written back as such, with its keys. */
	char version[32];
	int minor = minor_needed(pr);
	if (minor > 0)
		snprintf(version, sizeof version, "%d.%d", PROGRESS_FORMAT_VERSION, minor);
	else
		snprintf(version, sizeof version, "%d", PROGRESS_FORMAT_VERSION);
	emit_plain(em, "version");
	emit_plain(em, version);
	if (pr->current) {
		emit_plain(em, "current");
		emit_plain(em, pr->current);
	}
	if (pr->n_choices) {
		emit_plain(em, "choices");
		emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
		for (size_t i = 0; i < pr->n_choices; i++) {
			emit_plain(em, pr->choices[i].group);
			emit_plain(em, pr->choices[i].id);
		}
		emit_map_end(em);
	}
	size_t kept = 0;
	for (size_t i = 0; i < pr->n_programs; i++)
		kept += !program_is_empty(&pr->programs[i]);
	if (kept) {
		emit_plain(em, "programs");
		emit_map_start(em, YAML_BLOCK_MAPPING_STYLE);
		for (size_t i = 0; i < pr->n_programs; i++)
			if (!program_is_empty(&pr->programs[i]))
				emit_program(em, &pr->programs[i]);
		emit_map_end(em);
	}
	emit_extras(em, &pr->extras);
	emit_map_end(em);
	yaml_document_end_event_initialize(&ev, 1);
	emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(em, &ev);
}

char *progress_format(const struct progress *pr, size_t *len)
{
	struct strbuf out = {0};
	struct emitter em = { .ok = true };
	if (!yaml_emitter_initialize(&em.e))
		return NULL;
	yaml_emitter_set_output(&em.e, write_to_strbuf, &out);
	yaml_emitter_set_unicode(&em.e, 1);
	yaml_emitter_set_width(&em.e, -1);
	yaml_emitter_set_indent(&em.e, 2);
	emit_progress(&em, pr);
	if (em.ok)
		em.ok = yaml_emitter_flush(&em.e);
	yaml_emitter_delete(&em.e);
	if (!em.ok) {
		sb_free(&out);
		return NULL;
	}
	*len = out.len;
	return sb_steal(&out);
}

/* What is written must read back: a value that cannot (a pace rounded to
 * 0) would lock the learner out of every command. Checked on the text
 * itself, which costs a parse of a few KB. */
static bool reads_back(const char *text, size_t len, const char *path,
		       struct diag_list *diags)
{
	struct diag_list problems = {0};
	struct progress back;
	bool ok = progress_parse(text, len, path, &back, &problems);
	if (ok)
		progress_free(&back);
	else
		diag_add(diags, DIAG_ERROR, path, 0, _("not saved: the new progress would not read "
						       "back (%s); the previous progress is unchanged"),
			 problems.n ? problems.v[0].message : "?");
	diag_free(&problems);
	return ok;
}

bool progress_file_save(const char *path, const struct progress *pr,
			struct diag_list *diags)
{
	size_t len;
	char *text = progress_format(pr, &len);
	if (!text) {
		diag_add(diags, DIAG_ERROR, path, 0, "%s", _("cannot format the progress"));
		return false;
	}
	if (pr->comment_line > 0) {
		diag_add(diags, DIAG_ERROR, path, pr->comment_line,
			 "%s", _("a comment, which cursus cannot keep when it saves: nothing was "
				 "saved; move the note out of the progress file, then try again"));
		free(text);
		return false;
	}
	if (!reads_back(text, len, path, diags)) {
		free(text);
		return false;
	}
	char *target = atomic_link_target(path);
	char *dir = dir_of(target);
	const char *step = NULL;
	bool dir_synced = true;
	bool ok = is_regular_or_absent(target, diags) && make_dirs(dir, diags);
	if (ok && !atomic_write(target, text, len, 0600, true, &step, &dir_synced)) {
		diag_add(diags, DIAG_ERROR, path, 0,
			 _("cannot save (%s: %s); the previous progress is unchanged"),
			 _(step), strerror(errno));
		ok = false;
	}
	if (ok && !dir_synced)
		diag_add(diags, DIAG_WARNING, dir, 0,
			 _("saved, but the directory could not be synced: %s"), strerror(errno));
	free(dir);
	free(target);
	free(text);
	return ok;
}
