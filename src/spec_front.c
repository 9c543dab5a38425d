/* The front matter: a flat YAML mapping of strings, read with libyaml's
 * event parser so that we see aliases, anchors and duplicate keys before
 * they can do harm, and so that no value is ever typed ("NO" stays "NO"). */
#include "config.h"
#include "nls.h"
#include "spec_parse.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yaml_error.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct known_key {
	const char *name;
	size_t offset;   /* of the char * field in struct program */
};

/* French keys first, then the English aliases PRODUCT.md lists. */
static const struct known_key known_keys[] = {
	{ "id", offsetof(struct program, id) },
	{ "nom", offsetof(struct program, title) },
	{ "title", offsetof(struct program, title) },
	{ "name", offsetof(struct program, title) },
	{ "institution", offsetof(struct program, institution) },
	{ "provider", offsetof(struct program, institution) },
	{ "effort", offsetof(struct program, effort_text) },
	{ "prix", offsetof(struct program, price) },
	{ "price", offsetof(struct program, price) },
	{ "prestige", offsetof(struct program, prestige) },
	{ "url", offsetof(struct program, url) },
	{ "badge", offsetof(struct program, badge) },
	{ "statut", offsetof(struct program, status) },
	{ "status", offsetof(struct program, status) },
};

/* Besides 'id', a note is a spec when its front matter has one of these
 * (PRODUCT.md §1): 'prix', 'prestige' or 'url' alone are common in
 * other notes. */
static const char *const spec_keys[] = {
	"effort", "nom", "title", "name", "institution", "provider", "badge",
	"statut", "status",
};

/* The keys Obsidian (and other vault tools) give notes, specs included:
 * known, so they are never warned about, even as lists. */
static const char *const vault_keys[] = {
	"tags", "aliases", "cssclasses", "cssclass", "created", "updated", "date",
	"publish", "permalink",
};

#define ID_MAX_LEN 64

struct front_parser {
	struct program *p;
	const char *file;
	int first_line;
	struct diag_list *diags;
	yaml_parser_t yaml;
	/* where each known field was set, to report duplicates */
	int field_line[sizeof known_keys / sizeof known_keys[0]];
	const char *field_key[sizeof known_keys / sizeof known_keys[0]];
	/* the unknown keys by hash (index + 1; 0 is free): comparing each
	 * key with all those before it took minutes on thousands of keys */
	size_t *extra_slots;
	size_t n_slots;     /* a power of two, at least twice the keys */
	size_t cap_extra;   /* of p->extra_keys */
};

static int line_of(const struct front_parser *fp, const yaml_mark_t *mark)
{
	return fp->first_line + (int)mark->line;
}

static void fail(struct front_parser *fp, const yaml_mark_t *mark, const char *msg)
{
	diag_add(fp->diags, DIAG_ERROR, fp->file, line_of(fp, mark), "%s", msg);
}

/* libyaml reports its own problems; we add the lines and say it is YAML. */
static void fail_yaml(struct front_parser *fp)
{
	char what[512];
	int line = yaml_error(&fp->yaml, fp->first_line, what, sizeof what);
	/* TRANSLATORS: libyaml's own (English) words follow. */
	diag_add(fp->diags, DIAG_ERROR, fp->file, line, _("front matter is not valid YAML: %s"),
		 what);
}

static bool next_event(struct front_parser *fp, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&fp->yaml, ev)) {
		fail_yaml(fp);
		return false;
	}
	if (ev->type == YAML_ALIAS_EVENT) {
		fail(fp, &ev->start_mark,
		     _("YAML aliases (*name) are not allowed in a spec; write the value out"));
		yaml_event_delete(ev);
		return false;
	}
	const yaml_char_t *anchor = NULL;
	if (ev->type == YAML_SCALAR_EVENT)
		anchor = ev->data.scalar.anchor;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		anchor = ev->data.sequence_start.anchor;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		anchor = ev->data.mapping_start.anchor;
	if (anchor) {
		fail(fp, &ev->start_mark,
		     _("YAML anchors (&name) are not allowed in a spec; write the value out"));
		yaml_event_delete(ev);
		return false;
	}
	return true;
}

/* The raw text had its control characters made visible, but a double-quoted
 * YAML escape ("\e", "\x1b", "\a") makes new ones, and "\u0301" can undo
 * NFC: each value is cleaned again, and a control is warned about here. */
static char *scalar_text(struct front_parser *fp, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	uint32_t cp;
	if (ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return xstrndup(v, len); /* no escapes: clean already */
	if (!text_find_control(v, len, &cp))
		return text_nfc_n(v, len, NULL);
	diag_add(fp->diags, DIAG_WARNING, fp->file, line_of(fp, &ev->start_mark),
		 _("control character U+%04X from a YAML escape, shown as a visible stand-in"),
		 (unsigned)cp);
	char *visible = text_visible_controls_n(v, len, &len);
	char *nfc = text_nfc_n(visible, len, NULL);
	free(visible);
	return nfc;
}

/* A list where a string was expected: its items joined by ", ". Lists of
 * lists or mappings are refused. */
static char *read_sequence(struct front_parser *fp, const char *key, bool *ok)
{
	struct strbuf sb = {0};
	yaml_event_t ev;
	*ok = false;
	while (next_event(fp, &ev)) {
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			*ok = true;
			return sb_steal(&sb);
		}
		if (ev.type != YAML_SCALAR_EVENT) {
			diag_add(fp->diags, DIAG_ERROR, fp->file, line_of(fp, &ev.start_mark),
				 _("'%s' must be a string or a list of strings"), key);
			yaml_event_delete(&ev);
			break;
		}
		if (sb.len)
			sb_adds(&sb, ", ");
		char *item = scalar_text(fp, &ev);
		sb_adds(&sb, item);
		free(item);
		yaml_event_delete(&ev);
	}
	sb_free(&sb);
	return NULL;
}

static bool in_list(const char *const *list, size_t n, const char *key, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], key, len) == 0)
			return true;
	return false;
}

static bool is_vault_key(const char *key)
{
	return in_list(vault_keys, sizeof vault_keys / sizeof vault_keys[0], key, strlen(key));
}

/* Reads the value after a key (on line key_line); a string, or NULL after
 * an error. */
static char *read_value(struct front_parser *fp, const char *key, int key_line)
{
	yaml_event_t ev;
	if (!next_event(fp, &ev))
		return NULL;
	char *value = NULL;
	bool ok = true;
	if (ev.type == YAML_SCALAR_EVENT) {
		value = scalar_text(fp, &ev);
	} else if (ev.type == YAML_SEQUENCE_START_EVENT) {
		value = read_sequence(fp, key, &ok);
		if (ok && !is_vault_key(key)) /* tags, aliases: lists by nature */
			diag_add(fp->diags, DIAG_WARNING, fp->file, key_line,
				 _("'%s' is a list; its items are joined into one string"), key);
	} else {
		diag_add(fp->diags, DIAG_ERROR, fp->file, key_line,
			 _("'%s' must be a string, not a mapping"), key);
	}
	yaml_event_delete(&ev);
	return value;
}

static int find_known_key(const char *key)
{
	for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++)
		if (strcmp(known_keys[i].name, key) == 0)
			return (int)i;
	return -1;
}

/* Aliases share a field: "nom" and "title" both set the title. */
static int first_key_of_field(int k)
{
	for (int i = 0; i < k; i++)
		if (known_keys[i].offset == known_keys[k].offset)
			return i;
	return k;
}

static bool store_known(struct front_parser *fp, int k, const char *key,
			char *value, int line)
{
	int field = first_key_of_field(k);
	if (fp->field_line[field]) {
		if (strcmp(fp->field_key[field], key) == 0)
			diag_add(fp->diags, DIAG_ERROR, fp->file, line,
				 _("duplicate key '%s' (first set on line %d)"), key,
				 fp->field_line[field]);
		else
			diag_add(fp->diags, DIAG_ERROR, fp->file, line,
				 /* TRANSLATORS: two keys of a spec that mean the
				  * same ("title", "nom"), the line of the first. */
				 _("'%s' repeats '%s' set on line %d (they are the same field)"),
				 key, fp->field_key[field], fp->field_line[field]);
		free(value);
		return false;
	}
	fp->field_line[field] = line;
	fp->field_key[field] = known_keys[k].name;
	/* memcpy: the field is a char *, but only its offset is known here */
	memcpy((char *)fp->p + known_keys[k].offset, &value, sizeof value);
	return true;
}

static size_t key_hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot that holds key, or the free one where it goes. */
static size_t *extra_slot(struct front_parser *fp, const char *key)
{
	size_t mask = fp->n_slots - 1;
	for (size_t i = key_hash(key) & mask;; i = (i + 1) & mask) {
		size_t *slot = &fp->extra_slots[i];
		if (!*slot || strcmp(fp->p->extra_keys[*slot - 1].key, key) == 0)
			return slot;
	}
}

/* Makes room for one more key, keeping the table at most half full. */
static void grow_extra_slots(struct front_parser *fp)
{
	const struct program *p = fp->p;
	if (2 * (p->n_extra_keys + 1) <= fp->n_slots)
		return;
	free(fp->extra_slots);
	fp->n_slots = fp->n_slots ? 2 * fp->n_slots : 16;
	fp->extra_slots = xcalloc(fp->n_slots, sizeof *fp->extra_slots);
	for (size_t i = 0; i < p->n_extra_keys; i++)
		*extra_slot(fp, p->extra_keys[i].key) = i + 1;
}

static bool store_extra(struct front_parser *fp, const char *key, char *value, int line)
{
	struct program *p = fp->p;
	grow_extra_slots(fp);
	size_t *slot = extra_slot(fp, key);
	if (*slot) {
		diag_add(fp->diags, DIAG_ERROR, fp->file, line,
			 _("duplicate key '%s' (first set on line %d)"), key,
			 p->extra_keys[*slot - 1].line);
		free(value);
		return false;
	}
	XGROW(p->extra_keys, fp->cap_extra, p->n_extra_keys + 1);
	p->extra_keys[p->n_extra_keys++] = (struct keyval){
		.key = xstrdup(key), .value = value, .line = line,
	};
	*slot = p->n_extra_keys;
	return true;
}

static bool read_pair(struct front_parser *fp, const yaml_event_t *key_ev)
{
	if (key_ev->type != YAML_SCALAR_EVENT) {
		fail(fp, &key_ev->start_mark, _("front matter keys must be plain words"));
		return false;
	}
	char *key = scalar_text(fp, key_ev);
	int line = line_of(fp, &key_ev->start_mark);
	char *value = read_value(fp, key, line);
	bool ok = value != NULL;
	if (ok) {
		int k = find_known_key(key);
		ok = k >= 0 ? store_known(fp, k, key, value, line)
			    : store_extra(fp, key, value, line);
	}
	free(key);
	return ok;
}

static bool read_mapping(struct front_parser *fp)
{
	yaml_event_t ev;
	bool ok = true;
	while (ok && next_event(fp, &ev)) {
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return true;
		}
		ok = read_pair(fp, &ev);
		yaml_event_delete(&ev);
	}
	return false;
}

/* Skips STREAM-START and DOCUMENT-START, then wants a mapping. */
static bool read_document(struct front_parser *fp)
{
	yaml_event_t ev;
	for (;;) {
		if (!next_event(fp, &ev))
			return false;
		yaml_event_type_t type = ev.type;
		yaml_mark_t mark = ev.start_mark;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_START_EVENT || type == YAML_DOCUMENT_START_EVENT)
			continue;
		if (type == YAML_MAPPING_START_EVENT)
			return read_mapping(fp);
		if (type == YAML_STREAM_END_EVENT)
			fail(fp, &mark, _("front matter is empty: at least 'id' is required"));
		else
			fail(fp, &mark, _("front matter must be 'key: value' lines"));
		return false;
	}
}

/* libyaml's message for a tab in indentation is cryptic; say it plainly. */
static bool check_tabs(struct front_parser *fp, const char *yaml, size_t len)
{
	int line = fp->first_line;
	bool at_line_start = true;
	for (size_t i = 0; i < len; i++) {
		if (yaml[i] == '\n') {
			line++;
			at_line_start = true;
		} else if (at_line_start && yaml[i] == '\t') {
			diag_add(fp->diags, DIAG_ERROR, fp->file, line,
				 "%s", _("tab in indentation: YAML indents with spaces only"));
			return false;
		} else if (yaml[i] != ' ') {
			at_line_start = false;
		}
	}
	return true;
}

static bool valid_id(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > ID_MAX_LEN || id[0] == '.' || id[0] == '-')
		return false;
	if (strstr(id, ".."))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("-_.", id[i]))
			return false;
	return true;
}

/* "À choisir (Option A)" -> 'A'; else the id's suffix "P4-B" -> 'B'. */
static char option_letter(const struct program *p)
{
	if (p->status) {
		char *folded = text_fold(p->status);
		char *at = strstr(folded, "option");
		char letter = 0;
		if (at) {
			at += strlen("option");
			while (*at == ' ')
				at++;
			if (isalnum((unsigned char)at[0]) && !isalnum((unsigned char)at[1]))
				letter = (char)toupper((unsigned char)at[0]);
		}
		free(folded);
		if (letter)
			return letter;
	}
	const char *dash = strrchr(p->id, '-');
	if (dash && isalpha((unsigned char)dash[1]) && dash[2] == '\0')
		return (char)toupper((unsigned char)dash[1]);
	return 0;
}

static bool finish_front(struct front_parser *fp)
{
	struct program *p = fp->p;
	if (!p->id) {
		diag_add(fp->diags, DIAG_ERROR, fp->file, fp->first_line - 1,
			 "%s", _("front matter has no 'id' (it is required)"));
		return false;
	}
	if (!valid_id(p->id)) {
		diag_add(fp->diags, DIAG_ERROR, fp->file, fp->field_line[0],
			 _("id '%s' is not usable: use letters, digits, '-', '_' or '.' "
			   "(at most %d, no '..', not starting with '.' or '-')"),
			 p->id, ID_MAX_LEN);
		return false;
	}
	const char *dash = strrchr(p->id, '-');
	p->group = dash && dash != p->id ? xstrndup(p->id, (size_t)(dash - p->id))
					 : xstrdup(p->id);
	p->option = option_letter(p);
	if (p->effort_text) {
		char *err = NULL;
		int field = first_key_of_field(find_known_key("effort"));
		if (!effort_parse(p->effort_text, &p->effort, &err)) {
			diag_add(fp->diags, DIAG_WARNING, fp->file, fp->field_line[field],
				 /* TRANSLATORS: the spec's effort as written, then
				  * what is wrong with it. */
				 _("effort '%s': %s; the effort is treated as unknown"),
				 p->effort_text, err);
			free(err);
		} else if (!(p->effort.known & EFFORT_HOURS)) {
			diag_add(fp->diags, DIAG_WARNING, fp->file, fp->field_line[field],
				 _("effort '%s' gives no total hours"), p->effort_text);
		}
	}
	return true;
}

bool spec_front_parse(struct program *p, const char *yaml, size_t len,
		      int first_line, struct diag_list *diags)
{
	struct front_parser fp = {
		.p = p, .file = p->path, .first_line = first_line, .diags = diags,
	};
	if (!check_tabs(&fp, yaml, len))
		return false;
	if (!yaml_parser_initialize(&fp.yaml)) {
		diag_add(diags, DIAG_ERROR, p->path, first_line, "%s",
			 _("cannot start the YAML parser"));
		return false;
	}
	yaml_parser_set_input_string(&fp.yaml, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&fp.yaml, YAML_UTF8_ENCODING);
	bool ok = read_document(&fp);
	yaml_parser_delete(&fp.yaml);
	free(fp.extra_slots);
	return ok && finish_front(&fp);
}

/* ---- what a note is: spec or not ---- */

/* A top-level "key: value" line of the front matter. */
struct top_line {
	const char *key, *value;
	size_t key_len, value_len;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads a top-level line ("key: value", "'key': value", "\"key\": value");
 * false for anything else (indented lines, comments, list items). */
static bool read_top_line(const char *line, size_t n, struct top_line *t)
{
	if (n == 0 || is_blank(line[0]) || strchr("#-[{?:!&*|>%@`", line[0]))
		return false;
	size_t i = 0;
	if (line[0] == '"' || line[0] == '\'') {
		const char *close = memchr(line + 1, line[0], n - 1);
		if (!close)
			return false;
		t->key = line + 1;
		t->key_len = (size_t)(close - t->key);
		for (i = (size_t)(close - line) + 1; i < n && is_blank(line[i]); i++)
			;
		if (i == n || line[i] != ':')
			return false;
	} else {
		while (i < n && !(line[i] == ':' && (i + 1 == n || is_blank(line[i + 1]))))
			i++;
		if (i == n)
			return false;
		t->key = line;
		t->key_len = i;
		while (t->key_len > 0 && is_blank(line[t->key_len - 1]))
			t->key_len--;
	}
	for (i++; i < n && is_blank(line[i]); i++)
		;
	t->value = line + i;
	t->value_len = i < n && line[i] == '#' ? 0 : n - i; /* "key: # note": no value */
	while (t->value_len > 0 && is_blank(t->value[t->value_len - 1]))
		t->value_len--;
	return t->key_len > 0;
}

static bool value_is(const struct top_line *t, const char *s)
{
	return t->value_len == strlen(s) && memcmp(t->value, s, t->value_len) == 0;
}

static bool value_has(const struct top_line *t, const char *s)
{
	size_t k = strlen(s);
	for (size_t i = 0; i + k <= t->value_len; i++)
		if (memcmp(t->value + i, s, k) == 0)
			return true;
	return false;
}

/* What the 'id' line says, next being the line after it: a value on
 * lines of its own below ("id:" then an indented or "- " line) is a value. */
static enum note_kind id_kind(const struct top_line *t, const char *next, size_t next_len)
{
	if (t->value_len == 0 || value_is(t, "~") || value_is(t, "null") || value_is(t, "Null") ||
	    value_is(t, "NULL") || value_is(t, "\"\"") || value_is(t, "''"))
		return next_len > 0 && (is_blank(next[0]) || next[0] == '-') ? NOTE_SPEC
									: NOTE_EMPTY_ID;
	if (value_has(t, "{{") || value_has(t, "<%"))
		return NOTE_TEMPLATE;
	return NOTE_SPEC;
}

enum note_kind spec_front_kind(const char *yaml, size_t len)
{
	enum note_kind id = NOTE_NO_ID;
	bool spec_key = false;
	const char *end = yaml + len;
	for (const char *line = yaml; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *next = nl ? nl + 1 : end;
		size_t n = (size_t)((nl ? nl : end) - line);
		if (n > 0 && line[n - 1] == '\r')
			n--;
		struct top_line t;
		if (read_top_line(line, n, &t)) {
			if (t.key_len == 2 && memcmp(t.key, "id", 2) == 0) {
				const char *nnl = memchr(next, '\n', (size_t)(end - next));
				if (id == NOTE_NO_ID)
					id = id_kind(&t, next, (size_t)((nnl ? nnl : end) - next));
			} else if (in_list(spec_keys, sizeof spec_keys / sizeof spec_keys[0],
					   t.key, t.key_len)) {
				spec_key = true;
			}
		}
		line = next;
	}
	if (id == NOTE_SPEC && !spec_key)
		return NOTE_ID_ONLY;
	return id;
}
