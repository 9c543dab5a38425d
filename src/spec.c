#include "config.h"
#include "spec.h"
#include "encoding.h"
#include "nls.h"
#include "spec_parse.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The front matter of any sane spec fits here; we read more only when the
 * closing fence is not found in it. */
#define FRONT_READ_CHUNK 4096

struct spec_text {
	char *bytes;        /* as read */
	size_t n_bytes;
	bool cut;           /* a front matter never closed: cut short */
	int dfd;            /* the file is name in the folder open as dfd */
	const char *name;   /* (AT_FDCWD and its path, unless the walk's) */
	bool regular;       /* the walk saw a regular file */
	bool gone_ok;       /* a file that does not exist is not an error... */
	bool gone;          /* ...and this one does not */
	struct decoded_text decoded;
	const char *yaml;   /* inside decoded.text */
	size_t yaml_len;
	const char *body;
	size_t body_len;
	int body_first_line;
	bool stable;        /* every character one NFC leaves as it is */
};

static bool is_fence(const char *line, size_t len, bool closing)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 3 && memcmp(line, "---", 3) == 0)
		return true;
	return closing && len == 3 && memcmp(line, "...", 3) == 0;
}

/* False when the first len bytes of a file, its first line not complete,
 * cannot begin a '---' line: a file of a single long line (or of zeros)
 * without front matter is not read to its end. */
static bool may_open_front(const char *s, size_t len)
{
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	for (size_t i = 0; i < len; i++)
		if (i < 3 ? s[i] != '-' : !strchr(" \t\r", s[i]) || s[i] == '\0')
			return false;
	return true;
}

/* Offset just past the line that closes the front matter in raw bytes that
 * may still have CRs or a BOM, or 0 when no closing fence is there. The
 * scan resumes at offset *from, line *line_from (0-based), and leaves them
 * at the first line not yet complete: the file is read a chunk at a time,
 * and scanning it all again for each chunk took minutes on a large file
 * whose front matter is never closed. */
static size_t raw_front_end(const char *s, size_t len, size_t *from, size_t *line_from)
{
	size_t pos = *from, line_no = *line_from;
	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		if (!nl && line_no == 0 && !may_open_front(s, len))
			return len; /* no front matter: no need to read to the line's end */
		if (!nl)
			break; /* the last line may be incomplete: read on */
		size_t end = (size_t)(nl - s);
		size_t start = pos;
		if (line_no == 0 && end - start >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			start += 3;
		size_t n = end - start;
		if (n > 0 && s[start + n - 1] == '\r')
			n--;
		if (line_no > 0 && is_fence(s + start, n, true))
			return end + 1;
		if (line_no == 0 && !is_fence(s + start, n, false))
			return end + 1; /* no front matter at all: nothing more needed */
		pos = end + 1;
		line_no++;
	}
	*from = pos;
	*line_from = line_no;
	return 0;
}

/* The error for a file larger than a spec may be. */
static void too_large(const char *path, struct diag_list *diags)
{
	diag_add(diags, DIAG_ERROR, path, 0, _("file too large (a spec may have at most %u bytes)"),
		 SPEC_MAX_BYTES);
}

/* Reads the whole file, or when front_only just enough to hold the front
 * matter: a note of the vault that is not a spec may be of any size, and
 * its body is never read. A front matter never closed within the most a
 * spec may hold is cut there (st->cut). */
static bool read_spec_bytes(const char *path, bool front_only, struct spec_text *st,
			    struct diag_list *diags)
{
	/* open, then fstat: one look-up of the path (none when the caller
	 * has the note's folder open). O_NONBLOCK: a FIFO named like a spec
	 * is refused below, never waited on. */
	int fd = openat(st->dfd, st->name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat sb;
	if (fd < 0 && errno == ENOENT && st->gone_ok) {
		st->gone = true;
		return false;
	}
	/* a note of the walk is a regular file, and its front matter is cut
	 * short when it is too long: no need to ask */
	if (fd < 0 || (!(st->regular && front_only) && fstat(fd, &sb) != 0)) {
		diag_add(diags, DIAG_ERROR, path, 0, _("cannot read: %s"), strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (st->regular && front_only)
		sb = (struct stat){ .st_mode = S_IFREG };
	if (!S_ISREG(sb.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, 0, "%s", _("not a regular file"));
		close(fd);
		return false;
	}
	if (!front_only && (unsigned long long)sb.st_size > SPEC_MAX_BYTES) {
		diag_add(diags, DIAG_ERROR, path, 0,
			 _("file too large (%lld bytes; a spec may have at most %u)"),
			 (long long)sb.st_size, SPEC_MAX_BYTES);
		close(fd);
		return false;
	}
	/* A front matter is read a chunk at a time, so that the reading stops
	 * at its end; a whole file into one buffer of its size and a byte,
	 * which the read that finds the end (or that it grew) fills. */
	size_t chunk = FRONT_READ_CHUNK;
	if (!front_only && (size_t)sb.st_size >= chunk)
		chunk = (size_t)sb.st_size + 1;
	size_t cap = 0, len = 0, scanned = 0, scanned_lines = 0;
	char *buf = NULL;
	bool ok = true;
	for (;;) {
		if (front_only || cap - len < 2)
			XGROW(buf, cap, len + chunk + 1);
		ssize_t n = read(fd, buf + len, front_only ? chunk : cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			n = 0; /* a regular file until the walk looked, a FIFO now */
		if (n < 0) {
			diag_add(diags, DIAG_ERROR, path, 0, _("cannot read: %s"), strerror(errno));
			ok = false;
			break;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > SPEC_MAX_BYTES) {
			if (front_only) {
				st->cut = true;
				break;
			}
			too_large(path, diags);
			ok = false;
			break;
		}
		if (front_only) {
			size_t end = raw_front_end(buf, len, &scanned, &scanned_lines);
			if (end) {
				len = end;
				break;
			}
		}
	}
	close(fd);
	if (!ok) {
		free(buf);
		return false;
	}
	buf = buf ? buf : xmalloc(1);
	buf[len] = '\0';
	st->bytes = buf;
	st->n_bytes = len;
	return true;
}

/* The length of the line at s (up to end), without its line end. */
static size_t line_length(const char *s, const char *end, const char **next)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	*next = nl ? nl + 1 : end;
	size_t n = (size_t)((nl ? nl : end) - s);
	return n > 0 && s[n - 1] == '\r' ? n - 1 : n;
}

/* What the note whose raw bytes (up to the end of its front matter at
 * least) are s is: the one place where cursus decides what a spec is. */
static enum note_kind classify(const char *s, size_t len)
{
	const char *end = s + len, *next;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	if (s == end)
		return NOTE_EMPTY;
	if (!is_fence(s, line_length(s, end, &next), false))
		return NOTE_NO_FRONT;
	const char *yaml = next;
	for (const char *line = yaml; line < end; line = next)
		if (is_fence(line, line_length(line, end, &next), true))
			return spec_front_kind(yaml, (size_t)(line - yaml));
	return spec_front_kind(yaml, (size_t)(end - yaml)); /* never closed */
}

const char *spec_note_kind_text(enum note_kind kind)
{
	switch (kind) {
	case NOTE_SPEC: return _("a spec");
	case NOTE_EMPTY: return _("an empty file");
	case NOTE_NO_FRONT: return _("no front matter");
	case NOTE_NO_ID: return _("no 'id' in its front matter");
	case NOTE_EMPTY_ID: return _("its 'id' is empty");
	case NOTE_TEMPLATE: return _("a template: its 'id' is a placeholder");
	case NOTE_ID_ONLY:
		return _("'id' but no other spec key (effort, nom, institution, badge, statut)");
	case NOTE_UNREADABLE: return _("cannot be read");
	case NOTE_GONE: return _("no longer there");
	}
	return "?";
}

static bool decode_spec(const char *path, struct spec_text *st, bool report_repair,
			struct diag_list *diags)
{
	size_t bad = 0;
	switch (encoding_decode(st->bytes, st->n_bytes, &st->decoded, &bad)) {
	case ENCODING_OK:
		break;
	case ENCODING_NUL_BYTE:
		diag_add(diags, DIAG_ERROR, path, text_line_of(st->bytes, bad),
			 _("NUL byte at byte offset %zu: this is a binary file, not a spec"),
			 bad);
		return false;
	case ENCODING_INVALID_UTF8:
		diag_add(diags, DIAG_ERROR, path, text_line_of(st->bytes, bad),
			 _("invalid UTF-8 at byte offset %zu (byte 0x%02X); save the file as UTF-8"),
			 bad, (unsigned char)st->bytes[bad]);
		return false;
	}
	const struct repair_report *r = &st->decoded.repair;
	if (report_repair && r->sequences > 0)
		/* TRANSLATORS: an encoding ("Windows-1252"), a count, ",
		 * damaged more than once" or nothing, then the first damaged
		 * text and its repair. */
		diag_add(diags, DIAG_WARNING, path, r->first_line,
			 ngettext("repaired %s mojibake: %zu damaged sequence%s (first '%s' -> '%s')",
				  "repaired %s mojibake: %zu damaged sequences%s (first '%s' -> '%s')",
				  r->sequences),
			 mojibake_name(r->kind), r->sequences,
			 r->passes > 1 ? _(", damaged more than once") : "",
			 r->example_bad, r->example_good);
	return true;
}

/* Finds the YAML and the body in the decoded text. */
static bool split_front_matter(const char *path, struct spec_text *st,
			       struct diag_list *diags)
{
	const char *s = st->decoded.text;
	size_t len = st->decoded.len;
	if (len == 0) {
		diag_add(diags, DIAG_ERROR, path, 1,
			 "%s", _("empty file: a spec starts with a '---' line and its front matter"));
		return false;
	}
	const char *nl = memchr(s, '\n', len);
	size_t first_len = nl ? (size_t)(nl - s) : len;
	if (!is_fence(s, first_len, false)) {
		diag_add(diags, DIAG_ERROR, path, 1,
			 "%s", _("no front matter: a spec starts with a '---' line"));
		return false;
	}
	size_t pos = nl ? first_len + 1 : len;
	int line = 2;
	while (pos < len) {
		const char *e = memchr(s + pos, '\n', len - pos);
		size_t n = e ? (size_t)(e - (s + pos)) : len - pos;
		if (is_fence(s + pos, n, true)) {
			st->yaml = s + first_len + 1;
			st->yaml_len = pos - (first_len + 1);
			st->body = e ? e + 1 : s + len;
			st->body_len = (size_t)(s + len - st->body);
			st->body_first_line = line + 1;
			return true;
		}
		pos += n + 1;
		line++;
	}
	diag_add(diags, DIAG_ERROR, path, 1,
		 "%s", _("front matter is never closed: no '---' or '...' line after this one"));
	return false;
}

static void spec_text_free(struct spec_text *st)
{
	free(st->bytes);
	free(st->decoded.text);
}

static const char *control_name(uint32_t cp)
{
	switch (cp) {
	case 0x07: return " (BEL)";
	case 0x08: return " (BS)";
	case 0x0D: return " (CR)";
	case 0x1B: return " (ESC)";
	case 0x7F: return " (DEL)";
	case 0x9B: return " (CSI)";
	case 0x9D: return " (OSC)";
	}
	return "";
}

/* Lines past this many with control characters are counted, not listed:
 * one warning per line is useful, thousands are not. */
#define CONTROL_LINES_LISTED 10

/* Warns about each line, from line `from` on, that holds a control
 * character, naming the first one. */
static void report_controls(const char *path, const struct spec_text *st, int from,
			    struct diag_list *diags)
{
	const char *pos = st->decoded.text, *end = pos + st->decoded.len, *at;
	int line = 1, last = 0, lines = 0;
	uint32_t cp;
	while ((at = text_find_control(pos, (size_t)(end - pos), &cp))) {
		for (const char *nl; (nl = memchr(pos, '\n', (size_t)(at - pos))); line++)
			pos = nl + 1;
		if (line >= from && line != last && lines++ < CONTROL_LINES_LISTED)
			diag_add(diags, DIAG_WARNING, path, line,
				 _("control character U+%04X%s in the text, shown as a visible "
				   "stand-in: spec text never drives the terminal"), (unsigned)cp,
				 control_name(cp));
		last = line;
		pos = at + (cp < 0x80 ? 1 : 2);
	}
	if (lines > CONTROL_LINES_LISTED)
		diag_add(diags, DIAG_WARNING, path, 0,
			 ngettext("control characters on %d more line",
				  "control characters on %d more lines", lines - CONTROL_LINES_LISTED),
			 lines - CONTROL_LINES_LISTED);
}

/* The text every later step sees: control characters made visible (also
 * because libyaml refuses some of them outright) and Unicode in NFC. The
 * controls are reported from line `from` on. */
static void clean_text(const char *path, struct spec_text *st, int from,
		       struct diag_list *diags)
{
	struct decoded_text *d = &st->decoded;
	if (text_is_clean(d->text, d->len)) {
		st->stable = true;
		return;
	}
	uint32_t cp;
	if (text_find_control(d->text, d->len, &cp)) { /* rare: scan again to report */
		report_controls(path, st, from, diags);
		size_t n;
		char *visible = text_visible_controls_n(d->text, d->len, &n);
		free(d->text);
		d->text = visible;
		d->len = n;
	}
	st->stable = text_is_nfc(d->text, d->len);
	if (st->stable)
		return;
	char *nfc = text_nfc_n(d->text, d->len, &d->len);
	free(d->text);
	d->text = nfc;
}

/* Decodes, cleans and splits the bytes read; frees them on failure. */
static bool prepare_text(const char *path, bool report_repair, struct spec_text *st,
			 struct diag_list *diags)
{
	if (decode_spec(path, st, report_repair, diags) &&
	    split_front_matter(path, st, diags)) {
		/* the front matter's controls were reported with its repair */
		clean_text(path, st, report_repair ? 1 : st->body_first_line, diags);
		/* neither step touches a fence or a line end: this finds the
		 * same lines in the clean text */
		if (split_front_matter(path, st, diags))
			return true;
	}
	spec_text_free(st);
	return false;
}

static bool load_text(const char *path, bool front_only, bool report_repair,
		      struct spec_text *st, struct diag_list *diags)
{
	*st = (struct spec_text){ .dfd = AT_FDCWD, .name = path };
	return read_spec_bytes(path, front_only, st, diags) &&
	       prepare_text(path, report_repair, st, diags);
}

/* A spec without a title in its front matter is named by its heading. */
static void body_done(struct program *p)
{
	p->body_loaded = true;
	if (!p->title && p->heading)
		p->title = xstrdup(p->heading);
}

/* The program of the text read and prepared (which it frees). */
static struct program *parse(const char *path, struct spec_text *st, bool with_body,
			     struct diag_list *diags)
{
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->front_end_line = st->body_first_line - 1;
	bool ok = spec_front_parse(p, st->yaml, st->yaml_len, 2, diags);
	if (ok && with_body) {
		ok = spec_body_parse(p, st->body, st->body_len, st->stable, st->body_first_line,
				     diags);
		if (ok)
			body_done(p);
	}
	spec_text_free(st);
	if (!ok) {
		spec_free(p);
		return NULL;
	}
	return p;
}

static struct program *load(const char *path, bool with_body, struct diag_list *diags)
{
	struct spec_text st;
	if (!load_text(path, !with_body, true, &st, diags))
		return NULL;
	return parse(path, &st, with_body, diags);
}

/* Reads the start of the note at path (name in the folder open as dfd;
 * regular when the walk saw a regular file there), up to the end of its
 * front matter, and says what the note is. */
static bool read_note(int dfd, const char *name, const char *path, bool regular,
		      struct spec_text *st, enum note_kind *kind, struct diag_list *diags)
{
	*st = (struct spec_text){
		.dfd = dfd, .name = name, .regular = regular, .gone_ok = true,
	};
	if (!read_spec_bytes(path, true, st, diags)) {
		*kind = st->gone ? NOTE_GONE : NOTE_UNREADABLE;
		return false;
	}
	*kind = classify(st->bytes, st->n_bytes);
	return true;
}

enum note_kind spec_note_kind(const char *path, struct diag_list *diags)
{
	struct spec_text st;
	enum note_kind kind;
	if (read_note(AT_FDCWD, path, path, false, &st, &kind, diags))
		spec_text_free(&st);
	return kind;
}

static struct program *load_note(int dfd, const char *name, const char *path, bool regular,
				 enum note_kind *kind, struct diag_list *diags)
{
	struct spec_text st;
	if (!read_note(dfd, name, path, regular, &st, kind, diags))
		return NULL;
	if (*kind != NOTE_SPEC) {
		spec_text_free(&st);
		return NULL;
	}
	if (st.cut) {
		too_large(path, diags);
		spec_text_free(&st);
		return NULL;
	}
	if (!prepare_text(path, true, &st, diags))
		return NULL;
	return parse(path, &st, false, diags);
}

struct program *spec_load_note(const char *path, enum note_kind *kind, struct diag_list *diags)
{
	return load_note(AT_FDCWD, path, path, false, kind, diags);
}

struct program *spec_load_note_at(int dfd, const char *name, const char *path,
				  enum note_kind *kind, struct diag_list *diags)
{
	return load_note(dfd, name, path, true, kind, diags);
}

struct program *spec_load_front(const char *path, struct diag_list *diags)
{
	return load(path, false, diags);
}

struct program *spec_load(const char *path, struct diag_list *diags)
{
	return load(path, true, diags);
}

bool spec_load_body(struct program *p, struct diag_list *diags)
{
	if (p->body_loaded)
		return true;
	struct spec_text st;
	/* The repair was reported when the front matter was read. */
	if (!load_text(p->path, false, false, &st, diags))
		return false;
	bool ok = spec_body_parse(p, st.body, st.body_len, st.stable, st.body_first_line,
				  diags);
	spec_text_free(&st);
	if (!ok)
		return false;
	body_done(p);
	return true;
}

static void topics_free(struct topic *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].title);
		topics_free(t[i].children, t[i].n_children);
	}
	free(t);
}

static void body_free(struct program *p)
{
	p->body_loaded = false;
	free(p->icon);
	free(p->heading);
	free(p->description);
	for (size_t i = 0; i < p->n_courses; i++) {
		struct course *c = &p->courses[i];
		free(c->title);
		free(c->icon);
		topics_free(c->topics, c->n_topics);
		strv_free(&c->skills);
	}
	free(p->courses);
	strv_free(&p->objectives);
	strv_free(&p->skills);
	strv_free(&p->instructor);
	strv_free(&p->format);
	strv_free(&p->certificate.lines);
	strv_free(&p->choose_if);
	strv_free(&p->watch_out);
	for (size_t i = 0; i < p->n_links; i++) {
		free(p->links[i].text);
		free(p->links[i].target);
	}
	free(p->links);
	strv_free(&p->link_items);
	for (size_t i = 0; i < p->n_sections; i++) {
		free(p->sections[i].title);
		free(p->sections[i].text);
	}
	free(p->sections);
}

void spec_free(struct program *p)
{
	if (!p)
		return;
	body_free(p);
	free(p->path);
	free(p->id);
	free(p->group);
	free(p->title);
	free(p->institution);
	free(p->effort_text);
	free(p->price);
	free(p->prestige);
	free(p->url);
	free(p->badge);
	free(p->status);
	for (size_t i = 0; i < p->n_extra_keys; i++) {
		free(p->extra_keys[i].key);
		free(p->extra_keys[i].value);
	}
	free(p->extra_keys);
	free(p);
}

double spec_stated_course_hours(const struct program *p)
{
	double sum = 0;
	for (size_t i = 0; i < p->n_courses; i++)
		if (p->courses[i].hours > 0)
			sum += p->courses[i].hours;
	return sum;
}

size_t spec_count_topics(const struct topic *topics, size_t n)
{
	size_t count = n;
	for (size_t i = 0; i < n; i++)
		count += spec_count_topics(topics[i].children, topics[i].n_children);
	return count;
}
