/* A course spec: one certificate program read from a Markdown file with
 * YAML front matter. This is the data layer's model of what the file says;
 * the planner's state (ticks, hours) lives elsewhere. */
#ifndef CURSUS_SPEC_H
#define CURSUS_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "effort.h"
#include "strbuf.h"

/* Topics nest: a course's topics, their sub-topics, and so on. */
struct topic {
	char *title;
	int line;
	struct topic *children;
	size_t n_children;
};

struct course {
	int number;       /* position, 1-based: what PATHs use */
	int stated_number;/* the N of "Cours N", 0 when absent */
	char *title;
	char *icon;       /* leading emoji of the heading, or NULL */
	double hours;     /* < 0 when the heading gives none */
	int line;
	struct topic *topics;
	size_t n_topics;
	struct strv skills;
};

enum link_kind {
	LINK_WEB,        /* a URL with a scheme (https:, mailto:): never resolved */
	LINK_MARKDOWN,   /* [text](other.md#heading), relative to the spec's folder */
	LINK_WIKI,       /* [[other#heading|text]], found by name in the vault */
};

/* A link anywhere in the body, as written; links.c says where it leads. */
struct link {
	enum link_kind kind;
	char *text;      /* what the reader sees: the link text, or the alias */
	char *target;    /* the URL or path as written (percent-encoded, with
			  * its #heading), or the wikilink's "other#heading" */
	int line;
};

struct keyval {
	char *key;
	char *value;
	int line;
};

/* A section the reader does not know, kept as text. */
struct extra_section {
	char *title;
	char *text;
	int line;
};

struct certificate_facts {
	double rating;    /* out of rating_scale; < 0 when unknown */
	double rating_scale;
	long reviews;     /* < 0 when unknown */
	long enrolled;    /* < 0 when unknown */
	struct strv lines;
};

struct program {
	char *path;
	char *id;
	char *group;      /* id before the last '-', or the whole id */
	char option;      /* 'A', 'B'... from the status or the id, or 0 */

	/* front matter */
	char *title;
	char *institution;
	char *effort_text;
	struct effort effort;
	char *price;
	char *prestige;
	char *url;
	char *badge;
	char *status;
	struct keyval *extra_keys;
	size_t n_extra_keys;
	int front_end_line; /* the line that closes the front matter */

	/* body, filled by spec_load_body */
	bool body_loaded;
	char *icon;
	char *heading;      /* the H1 without its icon */
	char *description;
	struct course *courses;
	size_t n_courses;
	struct strv objectives;
	struct strv skills;
	struct strv instructor;
	struct strv format;
	struct certificate_facts certificate;
	struct strv choose_if;
	struct strv watch_out;
	struct link *links;  /* every link of the body, in reading order */
	size_t n_links;
	struct strv link_items; /* items of the Links section that hold no link */
	struct extra_section *sections;
	size_t n_sections;
};

/* Largest spec file we read; anything bigger is not a course spec. */
#define SPEC_MAX_BYTES (8u * 1024 * 1024)
/* Topics nested deeper than this are ignored, with a warning. */
#define SPEC_MAX_TOPIC_DEPTH 8

/* What a Markdown note of the learner's vault is (PRODUCT.md §1): a spec
 * when its front matter has an 'id' and at least one other spec key
 * (effort, nom/title/name, institution/provider, badge, statut/status);
 * any other note is no concern of cursus's, and is skipped quietly. */
enum note_kind {
	NOTE_SPEC,
	NOTE_EMPTY,        /* an empty file */
	NOTE_NO_FRONT,     /* no front matter */
	NOTE_NO_ID,        /* front matter without 'id' */
	NOTE_EMPTY_ID,     /* 'id' with no value */
	NOTE_TEMPLATE,     /* 'id' is a template's placeholder: {{...}}, <%...%> */
	NOTE_ID_ONLY,      /* 'id' and no other spec key */
	NOTE_UNREADABLE,   /* the file cannot be read: not known */
	NOTE_GONE,         /* the file is no more (removed since it was found) */
};

/* Why a note is not a spec, in a few words ("no front matter"). */
const char *spec_note_kind_text(enum note_kind kind);

/* What the note at path is, from the start of the file up to the end of
 * its front matter (never its body). The judgement is made on the front
 * matter's top-level keys, so a spec whose YAML is broken is still a spec
 * (to be reported), and a note in any encoding is judged alike. Only
 * NOTE_UNREADABLE adds to diags (an error); a file that does not exist is
 * NOTE_GONE, without a word, for the caller to judge. */
enum note_kind spec_note_kind(const char *path, struct diag_list *diags);
/* The front matter of the note at path when it is a spec: the program, or
 * NULL after adding errors to diags when the spec is broken. For a note
 * that is not a spec, NULL and nothing in diags: its problems (encoding,
 * YAML) are no one's concern. *kind says which. */
struct program *spec_load_note(const char *path, enum note_kind *kind, struct diag_list *diags);
/* The same for a regular file the walk found (vault_walk.h): name in the
 * folder open as dfd, path to name it in messages. */
struct program *spec_load_note_at(int dfd, const char *name, const char *path,
				  enum note_kind *kind, struct diag_list *diags);

/* Reads the front matter of the spec at path (not its body), whatever the
 * front matter says (see spec_load_note for notes that may not be specs).
 * Returns NULL after adding an error to diags when the file cannot be
 * used. */
struct program *spec_load_front(const char *path, struct diag_list *diags);
/* Reads the body too; returns false (with errors in diags) on failure. */
bool spec_load_body(struct program *p, struct diag_list *diags);
/* Both at once. */
struct program *spec_load(const char *path, struct diag_list *diags);
void spec_free(struct program *p);

/* Total of the courses' stated hours (0 when none states any). */
double spec_stated_course_hours(const struct program *p);
/* Number of topics at every depth below a course. */
size_t spec_count_topics(const struct topic *topics, size_t n);

#endif
