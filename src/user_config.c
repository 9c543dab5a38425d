#include "config.h"
#include "user_config.h"
#include "nls.h"
#include "user_dirs.h"
#include "whole_file.h"
#include "xalloc.h"
#include "yaml_error.h"

#include <errno.h>
#include <libgen.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* A configuration is a few lines; anything this large was named by
 * mistake (a video, a disk image) and is not read into memory. */
#define USER_CONFIG_MAX_BYTES (1024 * 1024)

/* ---- which file ---- */

char *user_config_path(const char *given, bool *required)
{
	*required = true;
	if (given)
		return xstrdup(given);
	const char *env = getenv("CURSUS_CONFIG");
	if (env && *env)
		return xstrdup(env);
	*required = false;
	return user_xdg_path("XDG_CONFIG_HOME", ".config", "cursus/config");
}

/* ---- data directories ---- */

/* The directory a data entry names: "~", "~/x", "~user/x", "$HOME/x" and
 * "${HOME}/x" start at a home directory, as in a shell; a relative path
 * starts at the configuration file's folder, so that what it means does
 * not depend on where cursus is started. NULL, with *problem, when "~user"
 * names nobody. */
static char *expand_dir(const char *text, const char *file, char **problem)
{
	const char *rest = NULL;
	char *home = NULL;
	if (text[0] == '~') {
		size_t n = strcspn(text + 1, "/");
		rest = text + 1 + n;
		if (n == 0) {
			home = xstrdup(user_home());
		} else {
			char *user = xstrndup(text + 1, n);
			struct passwd *pw = getpwnam(user);
			if (pw)
				home = xstrdup(pw->pw_dir);
			else
				*problem = xasprintf(_("data directory '%s': there is no user "
						       "'%s' on this system"), text, user);
			free(user);
			if (!home)
				return NULL;
		}
	} else if (strncmp(text, "$HOME", 5) == 0 && (text[5] == '/' || !text[5])) {
		home = xstrdup(user_home());
		rest = text + 5;
	} else if (strncmp(text, "${HOME}", 7) == 0 && (text[7] == '/' || !text[7])) {
		home = xstrdup(user_home());
		rest = text + 7;
	}
	if (home) {
		char *dir = xasprintf("%s%s", home, rest);
		free(home);
		return dir;
	}
	if (text[0] == '/')
		return xstrdup(text);
	char *copy = xstrdup(file);
	char *dir = xasprintf("%s/%s", dirname(copy), text);
	free(copy);
	return dir;
}

/* ---- reading ---- */

struct reader {
	yaml_parser_t parser;
	const char *text;
	size_t len;
	const char *file;
	struct user_config *conf;
	struct diag_list *diags;
	struct diag_list warnings; /* said only if the file is good: of a broken
				    * one, only what breaks it matters */
	yaml_event_t ev;       /* the current event */
	bool have_event;
	int data_line;         /* where data: was given, 0 before */
	int color_line;
};

static int ev_line(const struct reader *r)
{
	return (int)r->ev.start_mark.line + 1;
}

static bool bad(struct reader *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool bad(struct reader *r, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
	/* TRANSLATORS: %s says what is wrong with the configuration. */
	diag_add(r->diags, DIAG_ERROR, r->file, line, _("%s; the configuration is ignored"), msg);
	free(msg);
	return false;
}

/* Whether the given line (1-based) is indented with a tab: libyaml then
 * says "found character that cannot start any token", which does not
 * tell anyone what to change. */
static bool tab_indented(const struct reader *r, int line)
{
	const char *at = r->text, *end = r->text + r->len;
	for (int l = 1; l < line && at < end; l++) {
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		at = nl ? nl + 1 : end;
	}
	while (at < end && *at == ' ')
		at++;
	return at < end && *at == '\t';
}

static bool syntax_error(struct reader *r)
{
	char what[512];
	int line = yaml_error(&r->parser, 1, what, sizeof what);
	int at = (int)r->parser.problem_mark.line + 1; /* where libyaml stopped */
	if (tab_indented(r, at))
		return bad(r, at, "%s",
			   _("a tab indents this line: YAML indents with spaces only"));
	/* TRANSLATORS: libyaml's own (English) words follow. */
	return bad(r, line, _("not valid YAML: %s"), what);
}

/* Moves to the next event; false (with the error) when the text is not
 * YAML. */
static bool next(struct reader *r)
{
	if (r->have_event)
		yaml_event_delete(&r->ev);
	r->have_event = yaml_parser_parse(&r->parser, &r->ev);
	return r->have_event || syntax_error(r);
}

static const char *ev_scalar(const struct reader *r)
{
	return (const char *)r->ev.data.scalar.value;
}

/* An empty value ("data:" with nothing after it, "~", "null"), which
 * YAML reads as no value: as if the key were not there. */
static bool ev_is_null(const struct reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT || r->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = ev_scalar(r);
	return !v[0] || strcmp(v, "~") == 0 || strcasecmp(v, "null") == 0;
}

/* Moves past the value that starts at the current event (a scalar, an
 * alias, or a whole list or mapping). */
static bool skip_value(struct reader *r)
{
	int depth = 0;
	do {
		if (r->ev.type == YAML_SEQUENCE_START_EVENT || r->ev.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (r->ev.type == YAML_SEQUENCE_END_EVENT || r->ev.type == YAML_MAPPING_END_EVENT)
			depth--;
		if (depth == 0)
			return true;
	} while (next(r));
	return false;
}

static bool add_data_dir(struct reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT)
		return bad(r, ev_line(r), "%s", r->ev.type == YAML_MAPPING_START_EVENT
			   ? _("each data directory must be one path, not a mapping")
			   : r->ev.type == YAML_SEQUENCE_START_EVENT
			   ? _("each data directory must be one path, not a list")
			   : _("each data directory must be one path, not a YAML alias"));
	if (!ev_scalar(r)[0])
		return bad(r, ev_line(r), "%s", _("a data directory is empty"));
	char *problem = NULL;
	char *path = expand_dir(ev_scalar(r), r->file, &problem);
	if (!path) {
		bad(r, ev_line(r), "%s", problem);
		free(problem);
		return false;
	}
	struct user_config *conf = r->conf;
	XGROW(conf->data, conf->cap_data, conf->n_data + 1);
	conf->data[conf->n_data++] = (struct user_config_dir){ path, ev_line(r) };
	return true;
}

/* data: one directory, or a list of them. */
static bool read_data(struct reader *r)
{
	if (ev_is_null(r))
		return true;
	if (r->ev.type == YAML_SCALAR_EVENT)
		return add_data_dir(r);
	if (r->ev.type != YAML_SEQUENCE_START_EVENT)
		return bad(r, ev_line(r), "%s", r->ev.type == YAML_MAPPING_START_EVENT
			   ? _("data must be a directory or a list of directories, not a mapping")
			   : _("data must be a directory or a list of directories, "
			       "not a YAML alias"));
	while (next(r) && r->ev.type != YAML_SEQUENCE_END_EVENT)
		if (!add_data_dir(r))
			return false;
	return r->have_event;
}

/* color: a YAML boolean, as YAML 1.1 spells them (PyYAML and most
 * editors' YAML modes agree). */
static bool read_color(struct reader *r)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	if (ev_is_null(r))
		return true;
	if (r->ev.type != YAML_SCALAR_EVENT)
		return bad(r, ev_line(r), "%s", _("color must be true or false"));
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(ev_scalar(r), yes[i]) == 0) {
			r->conf->no_color = false;
			return true;
		}
		if (strcasecmp(ev_scalar(r), no[i]) == 0) {
			r->conf->no_color = true;
			return true;
		}
	}
	return bad(r, ev_line(r), _("color '%s' is not true or false (nor yes/no, on/off)"),
		   ev_scalar(r));
}

/* A key given twice would leave the reader guessing which one the
 * learner meant. */
static bool first_time(struct reader *r, int *seen_line, const char *key, int line)
{
	if (*seen_line)
		return bad(r, line, _("'%s' is given twice (first on line %d)"), key, *seen_line);
	*seen_line = line;
	return true;
}

static bool read_pair(struct reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT)
		return bad(r, ev_line(r), "%s",
			   _("a key must be a plain word, such as data or color"));
	int line = ev_line(r);
	char *key = xstrdup(ev_scalar(r));
	bool ok = next(r);
	if (ok && strcmp(key, "data") == 0) {
		ok = first_time(r, &r->data_line, key, line) && read_data(r);
	} else if (ok && strcmp(key, "color") == 0) {
		ok = first_time(r, &r->color_line, key, line) && read_color(r);
	} else if (ok) {
		/* A newer cursus's key, or a typo: said, never fatal. */
		diag_add(&r->warnings, DIAG_WARNING, r->file, line, _("unknown key '%s' (cursus "
			 "knows data and color); it is ignored"), key);
		ok = skip_value(r);
	}
	free(key);
	return ok;
}

/* The document: a mapping of keys, or nothing at all (a file of
 * comments, or "---" alone). */
static bool read_document(struct reader *r)
{
	if (!next(r))
		return false;
	if (ev_is_null(r))
		return next(r);
	if (r->ev.type != YAML_MAPPING_START_EVENT)
		return bad(r, ev_line(r), "%s", _("the configuration must be keys and values, "
						   "such as 'data: ~/Notes'"));
	while (next(r) && r->ev.type != YAML_MAPPING_END_EVENT)
		if (!read_pair(r))
			return false;
	return r->have_event && next(r);
}

static bool read_stream(struct reader *r)
{
	if (!next(r) || !next(r)) /* the stream's start, then what comes first */
		return false;
	if (r->ev.type == YAML_STREAM_END_EVENT)
		return true; /* an empty file */
	if (!read_document(r))
		return false;
	/* at the document's end: a second one is not silently dropped */
	if (!next(r))
		return false;
	if (r->ev.type == YAML_DOCUMENT_START_EVENT)
		return bad(r, ev_line(r), "%s", _("a second YAML document starts here, and a "
						   "configuration is one document"));
	return true;
}

bool user_config_parse(struct user_config *conf, const char *text, size_t len,
		       const char *file, struct diag_list *diags)
{
	memset(conf, 0, sizeof *conf);
	struct reader r = { .text = text, .len = len, .file = file, .conf = conf,
			    .diags = diags };
	if (!yaml_parser_initialize(&r.parser)) {
		diag_add(diags, DIAG_ERROR, file, 0, "%s", _("cannot start the YAML parser"));
		return false;
	}
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
	bool ok = read_stream(&r);
	if (r.have_event)
		yaml_event_delete(&r.ev);
	yaml_parser_delete(&r.parser);
	for (size_t i = 0; ok && i < r.warnings.n; i++)
		diag_add(diags, DIAG_WARNING, file, r.warnings.v[i].line, "%s",
			 r.warnings.v[i].message);
	diag_free(&r.warnings);
	if (!ok) {
		user_config_free(conf);
		return false;
	}
	conf->file = xstrdup(file);
	return true;
}

bool user_config_load(struct user_config *conf, const char *path, bool required,
		      struct diag_list *diags)
{
	memset(conf, 0, sizeof *conf);
	size_t len = 0;
	int err = 0;
	char *text = whole_stream_read(path, USER_CONFIG_MAX_BYTES, &len, &err);
	if (!text) {
		if ((err == ENOENT || err == ENOTDIR) && !required)
			return true;
		diag_add(diags, DIAG_ERROR, path, 0, _("cannot read the configuration: %s; "
			 "it is ignored"), err == EFBIG ? _("larger than 1 MB, so not one")
			 : strerror(err));
		return false;
	}
	bool ok = user_config_parse(conf, text, len, path, diags);
	free(text);
	return ok;
}

void user_config_free(struct user_config *conf)
{
	for (size_t i = 0; i < conf->n_data; i++)
		free(conf->data[i].path);
	free(conf->data);
	free(conf->file);
	memset(conf, 0, sizeof *conf);
}
