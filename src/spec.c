#include "config.h"
#include "spec.h"
#include "encoding.h"
#include "spec_parse.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The front matter of any sane spec fits here; we read more only when the
 * closing fence is not found in it. */
#define FRONT_READ_CHUNK 4096

struct spec_text {
	char *bytes;        /* as read */
	size_t n_bytes;
	struct decoded_text decoded;
	const char *yaml;   /* inside decoded.text */
	size_t yaml_len;
	const char *body;
	size_t body_len;
	int body_first_line;
};

static bool is_fence(const char *line, size_t len, bool closing)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 3 && memcmp(line, "---", 3) == 0)
		return true;
	return closing && len == 3 && memcmp(line, "...", 3) == 0;
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

/* Reads the whole file, or when front_only just enough to hold the front
 * matter. */
static bool read_spec_bytes(const char *path, bool front_only, struct spec_text *st,
			    struct diag_list *diags)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
		return false;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, 0, "not a regular file");
		return false;
	}
	if ((unsigned long long)sb.st_size > SPEC_MAX_BYTES) {
		diag_add(diags, DIAG_ERROR, path, 0,
			 "file too large (%lld bytes; a spec may have at most %u)",
			 (long long)sb.st_size, SPEC_MAX_BYTES);
		return false;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
		return false;
	}
	size_t cap = 0, len = 0, scanned = 0, scanned_lines = 0;
	char *buf = NULL;
	bool ok = true;
	for (;;) {
		XGROW(buf, cap, len + FRONT_READ_CHUNK + 1);
		size_t n = fread(buf + len, 1, FRONT_READ_CHUNK, f);
		len += n;
		if (n == 0) {
			if (ferror(f)) {
				diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s",
					 strerror(errno));
				ok = false;
			}
			break;
		}
		if (len > SPEC_MAX_BYTES) {
			diag_add(diags, DIAG_ERROR, path, 0,
				 "file too large (a spec may have at most %u bytes)",
				 SPEC_MAX_BYTES);
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
	fclose(f);
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

static bool decode_spec(const char *path, struct spec_text *st, bool report_repair,
			struct diag_list *diags)
{
	size_t bad = 0;
	switch (encoding_decode(st->bytes, st->n_bytes, &st->decoded, &bad)) {
	case ENCODING_OK:
		break;
	case ENCODING_NUL_BYTE:
		diag_add(diags, DIAG_ERROR, path, text_line_of(st->bytes, bad),
			 "NUL byte at byte offset %zu: this is a binary file, not a spec",
			 bad);
		return false;
	case ENCODING_INVALID_UTF8:
		diag_add(diags, DIAG_ERROR, path, text_line_of(st->bytes, bad),
			 "invalid UTF-8 at byte offset %zu (byte 0x%02X); save the file as UTF-8",
			 bad, (unsigned char)st->bytes[bad]);
		return false;
	}
	const struct repair_report *r = &st->decoded.repair;
	if (report_repair && r->sequences > 0)
		diag_add(diags, DIAG_WARNING, path, r->first_line,
			 "repaired %s mojibake: %zu damaged sequences%s (first '%s' -> '%s')",
			 mojibake_name(r->kind), r->sequences,
			 r->passes > 1 ? ", damaged more than once" : "",
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
			 "empty file: a spec starts with a '---' line and its front matter");
		return false;
	}
	const char *nl = memchr(s, '\n', len);
	size_t first_len = nl ? (size_t)(nl - s) : len;
	if (!is_fence(s, first_len, false)) {
		diag_add(diags, DIAG_ERROR, path, 1,
			 "no front matter: a spec starts with a '---' line");
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
		 "front matter is never closed: no '---' or '...' line after this one");
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
				 "control character U+%04X%s in the text, shown as a visible "
				 "stand-in: spec text never drives the terminal", (unsigned)cp,
				 control_name(cp));
		last = line;
		pos = at + (cp < 0x80 ? 1 : 2);
	}
	if (lines > CONTROL_LINES_LISTED)
		diag_add(diags, DIAG_WARNING, path, 0, "control characters on %d more lines",
			 lines - CONTROL_LINES_LISTED);
}

/* The text every later step sees: control characters made visible (also
 * because libyaml refuses some of them outright) and Unicode in NFC. The
 * controls are reported from line `from` on. */
static void clean_text(const char *path, struct spec_text *st, int from,
		       struct diag_list *diags)
{
	struct decoded_text *d = &st->decoded;
	uint32_t cp;
	if (text_find_control(d->text, d->len, &cp)) { /* rare: scan again to report */
		report_controls(path, st, from, diags);
		size_t n;
		char *visible = text_visible_controls_n(d->text, d->len, &n);
		free(d->text);
		d->text = visible;
		d->len = n;
	}
	if (text_is_nfc(d->text, d->len))
		return;
	char *nfc = text_nfc_n(d->text, d->len, &d->len);
	free(d->text);
	d->text = nfc;
}

static bool load_text(const char *path, bool front_only, bool report_repair,
		      struct spec_text *st, struct diag_list *diags)
{
	memset(st, 0, sizeof *st);
	if (!read_spec_bytes(path, front_only, st, diags))
		return false;
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

/* A spec without a title in its front matter is named by its heading. */
static void body_done(struct program *p)
{
	p->body_loaded = true;
	if (!p->title && p->heading)
		p->title = xstrdup(p->heading);
}

static struct program *load(const char *path, bool with_body, struct diag_list *diags)
{
	struct spec_text st;
	if (!load_text(path, !with_body, true, &st, diags))
		return NULL;
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->front_end_line = st.body_first_line - 1;
	bool ok = spec_front_parse(p, st.yaml, st.yaml_len, 2, diags);
	if (ok && with_body) {
		ok = spec_body_parse(p, st.body, st.body_len, st.body_first_line, diags);
		if (ok)
			body_done(p);
	}
	spec_text_free(&st);
	if (!ok) {
		spec_free(p);
		return NULL;
	}
	return p;
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
	bool ok = spec_body_parse(p, st.body, st.body_len, st.body_first_line, diags);
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
