/* The Markdown body, read by walking cmark's syntax tree: H2 headings open
 * the sections PRODUCT.md names, H3 headings under the programme are the
 * courses, and the lists after "Contenu :" / "Compétences :" labels are
 * their topics and skills. */
#include "config.h"
#include "nls.h"
#include "spec_parse.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum section {
	SEC_NONE,        /* before any H2 */
	SEC_DESCRIPTION,
	SEC_PROGRAMME,
	SEC_OBJECTIVES,
	SEC_SKILLS,
	SEC_INSTRUCTOR,
	SEC_FORMAT,
	SEC_CERTIFICATE,
	SEC_PROFILE,
	SEC_LINKS,
	SEC_OTHER,
};

/* Words that open each section, folded (no case, no accents). */
static const struct {
	enum section section;
	const char *words[8];
} section_words[] = {
	{ SEC_DESCRIPTION, { "description", "presentation", "overview", "about" } },
	{ SEC_PROGRAMME, { "programme", "program", "curriculum", "syllabus",
			   "courses", "cours" } },
	{ SEC_OBJECTIVES, { "objectifs", "objectif", "learning objectives",
			    "objectives", "what you will learn" } },
	{ SEC_SKILLS, { "competences", "skills", "skills you'll gain" } },
	{ SEC_INSTRUCTOR, { "instructeur", "instructeurs", "instructor",
			    "instructors", "formateur", "formateurs", "enseignant" } },
	{ SEC_FORMAT, { "format", "duree", "duration" } },
	{ SEC_CERTIFICATE, { "certificat", "certificate", "certification" } },
	{ SEC_PROFILE, { "profil ideal", "ideal profile", "profil", "profile" } },
	{ SEC_LINKS, { "liens utiles", "liens", "links", "useful links",
		       "ressources", "resources" } },
};

enum label { LABEL_NONE, LABEL_CONTENT, LABEL_SKILLS };
enum profile_list { PROFILE_NONE, PROFILE_CHOOSE, PROFILE_WATCH };

struct body_walk {
	struct program *p;
	struct diag_list *diags;
	int line_offset;          /* file line of the body's line 1, minus 1 */
	enum section section;
	struct extra_section *other;
	struct course *course;    /* the course being read, in the programme */
	enum label label;
	enum profile_list profile;
	size_t cap_courses, cap_links, cap_sections;
	bool warned_depth;
	/* The description and the open extra section's text grow here and
	 * are stored at the end: joining strings anew for each paragraph
	 * copied the whole text every time, and a spec of thousands of
	 * paragraphs took minutes to read. */
	struct strbuf description;
	struct strbuf other_text;
	/* No character reference in a body of NFC-stable characters without
	 * controls: every text cmark gives is made of the body's characters
	 * (less backslashes) and is clean as it comes (see clean_inline). */
	bool plain;
};

static int node_line(const struct body_walk *w, cmark_node *n)
{
	return w->line_offset + cmark_node_get_start_line(n);
}

/* cmark decodes character references: "&#27;" or "&#x9b;" make control
 * characters the raw text did not have, "&#x301;" an accent outside NFC
 * (as does "e*\u0301*" once the markup is dropped, unless no character of
 * the body is one NFC could change). Made visible and composed here too;
 * takes s over. */
static char *clean_inline(const struct body_walk *w, char *s)
{
	if (w->plain)
		return s;
	uint32_t cp;
	size_t len = strlen(s);
	bool has_control = text_find_control(s, len, &cp) != NULL;
	if (!has_control && text_is_nfc(s, len))
		return s; /* the usual case: no copy */
	char *visible = has_control ? text_visible_controls(s) : NULL;
	char *nfc = text_nfc(visible ? visible : s);
	free(visible);
	free(s);
	return nfc;
}

/* The text of a paragraph or heading, inline markup dropped. */
static char *inline_text(const struct body_walk *w, cmark_node *node)
{
	cmark_node *only = cmark_node_first_child(node);
	if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_TEXT)
		return clean_inline(w, text_trim(cmark_node_get_literal(only))); /* most */
	struct strbuf sb = {0};
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			sb_adds(&sb, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			sb_addc(&sb, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	char *raw = sb_steal(&sb);
	char *trimmed = text_trim(raw);
	free(raw);
	return clean_inline(w, trimmed);
}

/* The text of a list item: its first paragraph. */
static char *item_text(const struct body_walk *w, cmark_node *item)
{
	for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
			return inline_text(w, c);
	return xstrdup("");
}

/* The list nested in an item, if any. */
static cmark_node *item_sublist(cmark_node *item)
{
	for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LIST)
			return c;
	return NULL;
}

static void warn_depth(struct body_walk *w, cmark_node *list)
{
	if (w->warned_depth)
		return;
	w->warned_depth = true;
	diag_add(w->diags, DIAG_WARNING, w->p->path, node_line(w, list),
		 _("lists nested deeper than %d levels are ignored"), SPEC_MAX_TOPIC_DEPTH);
}

/* text (which it takes) after two spaces a level of depth */
static char *indented(char *text, int depth)
{
	if (depth == 0)
		return text;
	size_t pad = (size_t)depth * 2, len = strlen(text);
	char *out = xmalloc(pad + len + 1);
	memset(out, ' ', pad);
	memcpy(out + pad, text, len + 1);
	free(text);
	return out;
}

/* Flat items of a list, nested items indented by two spaces a level. */
static void list_lines(struct body_walk *w, cmark_node *list, int depth, struct strv *out)
{
	if (depth >= SPEC_MAX_TOPIC_DEPTH) {
		warn_depth(w, list);
		return;
	}
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
		char *text = item_text(w, it);
		if (*text)
			strv_push(out, indented(text, depth));
		else
			free(text);
		cmark_node *sub = item_sublist(it);
		if (sub)
			list_lines(w, sub, depth + 1, out);
	}
}

static void read_topics(struct body_walk *w, cmark_node *list, int depth,
			struct topic **out, size_t *n_out)
{
	if (depth >= SPEC_MAX_TOPIC_DEPTH) {
		warn_depth(w, list);
		return;
	}
	size_t cap = *n_out;
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
		char *title = item_text(w, it);
		if (!*title) {
			/* "- - x": an item that only holds a list; its items count
			 * at this level (and the depth still grows, so that a
			 * thousand such markers cannot recurse without end). */
			free(title);
			cmark_node *sub = item_sublist(it);
			if (sub)
				read_topics(w, sub, depth + 1, out, n_out);
			cap = *n_out; /* the call may have moved the array */
			continue;
		}
		XGROW(*out, cap, *n_out + 1);
		struct topic *t = &(*out)[(*n_out)++];
		*t = (struct topic){ .title = title, .line = node_line(w, it) };
		cmark_node *sub = item_sublist(it);
		if (sub)
			read_topics(w, sub, depth + 1, &t->children, &t->n_children);
	}
}

static enum section classify_section(const char *title)
{
	char *folded = text_fold(title);
	const char *s = text_skip_nonalnum(folded);
	enum section found = SEC_OTHER;
	for (size_t i = 0; i < sizeof section_words / sizeof section_words[0]; i++)
		for (size_t k = 0; section_words[i].words[k]; k++)
			if (found == SEC_OTHER && text_has_prefix_word(s, section_words[i].words[k]))
				found = section_words[i].section;
	free(folded);
	return found;
}

static bool folded_contains_any(const char *folded, const char *const *words)
{
	for (; *words; words++)
		if (strstr(folded, *words))
			return true;
	return false;
}

static enum profile_list classify_profile(const char *icon, const char *title)
{
	static const char *const choose[] = { "choisir", "choose", "pourquoi",
		"pour qui", "avantages", "points forts", "pros", "ideal si", NULL };
	static const char *const watch[] = { "attention", "watch out", "inconvenient",
		"limites", "points faibles", "cons", "a surveiller", "caveat", NULL };
	if (icon && strstr(icon, "\xE2\x9C\x85"))        /* ✅ */
		return PROFILE_CHOOSE;
	if (icon && strstr(icon, "\xE2\x9A\xA0"))        /* ⚠ */
		return PROFILE_WATCH;
	char *folded = text_fold(title);
	enum profile_list kind = PROFILE_NONE;
	if (folded_contains_any(folded, watch))
		kind = PROFILE_WATCH;
	else if (folded_contains_any(folded, choose))
		kind = PROFILE_CHOOSE;
	free(folded);
	return kind;
}

/* Takes "(16h)" off the end of a course title when it is a duration. */
static void take_hours(struct body_walk *w, struct course *c, int line)
{
	size_t n = strlen(c->title);
	if (n < 3 || c->title[n - 1] != ')')
		return;
	char *open = strrchr(c->title, '(');
	if (!open)
		return;
	char *inside = xstrndup(open + 1, (size_t)(c->title + n - 1 - (open + 1)));
	double hours;
	bool is_hours = effort_parse_hours(inside, &hours);
	if (is_hours) {
		if (hours <= 0 || hours > 1000)
			diag_add(w->diags, DIAG_WARNING, w->p->path, line,
				 _("course hours '%s' ignored: a course takes more than 0 and at most 1000 h"),
				 inside);
		else
			c->hours = hours;
		while (open > c->title && open[-1] == ' ')
			open--;
		*open = '\0';
	}
	free(inside);
}

/* "Cours 1 : Title (16h)", "Course 1: Title", "Module 2 - Title", or a
 * bare title, which is then numbered by its position. */
static void parse_course_heading(struct body_walk *w, struct course *c,
				 const char *text, int line)
{
	static const char *const prefixes[] = { "cours", "course", "module", NULL };
	const char *s = text;
	for (const char *const *pre = prefixes; *pre; pre++) {
		size_t n = strlen(*pre);
		const char *q = text + n;
		if (strncasecmp(text, *pre, n) != 0 || *q != ' ')
			continue;
		while (*q == ' ')
			q++;
		if (!isdigit((unsigned char)*q))
			continue;
		c->stated_number = (int)strtol(q, (char **)&q, 10);
		while (*q == ' ')
			q++;
		if (*q == ':' || *q == '-' || *q == '.')
			q++;
		else if (strncmp(q, "\xE2\x80\x93", 3) == 0 || strncmp(q, "\xE2\x80\x94", 3) == 0)
			q += 3;
		s = q;
		break;
	}
	c->title = text_trim(s);
	take_hours(w, c, line);
	if (!*c->title) {
		free(c->title);
		c->title = xasprintf("Course %d", c->number);
	}
	if (c->stated_number && c->stated_number != c->number)
		diag_add(w->diags, DIAG_WARNING, w->p->path, line,
			 _("course numbered %d is course %d in order; paths use %d"),
			 c->stated_number, c->number, c->number);
}

static void start_course(struct body_walk *w, cmark_node *heading)
{
	struct program *p = w->p;
	XGROW(p->courses, w->cap_courses, p->n_courses + 1);
	struct course *c = &p->courses[p->n_courses++];
	*c = (struct course){ .number = (int)p->n_courses, .hours = -1,
			      .line = node_line(w, heading) };
	char *text = inline_text(w, heading), *title;
	text_split_icon(text, &c->icon, &title);
	parse_course_heading(w, c, title, c->line);
	free(title);
	free(text);
	w->course = c;
	w->label = LABEL_NONE;
}

/* Stores the text of the extra section being read, before another opens
 * (which may move the sections array). */
static void close_other(struct body_walk *w)
{
	if (!w->other)
		return;
	free(w->other->text);
	w->other->text = sb_steal(&w->other_text);
}

static void start_section(struct body_walk *w, cmark_node *heading)
{
	close_other(w);
	char *text = inline_text(w, heading), *icon, *title;
	text_split_icon(text, &icon, &title);
	w->section = classify_section(title);
	w->course = NULL;
	w->label = LABEL_NONE;
	w->profile = PROFILE_NONE;
	w->other = NULL;
	if (w->section == SEC_OTHER) {
		struct program *p = w->p;
		XGROW(p->sections, w->cap_sections, p->n_sections + 1);
		w->other = &p->sections[p->n_sections++];
		*w->other = (struct extra_section){
			.title = title, .text = xstrdup(""), .line = node_line(w, heading),
		};
		title = NULL;
	}
	free(icon);
	free(title);
	free(text);
}

static void read_h1(struct body_walk *w, cmark_node *heading)
{
	if (w->p->heading)
		return;
	char *text = inline_text(w, heading);
	text_split_icon(text, &w->p->icon, &w->p->heading);
	free(text);
}

static void append_text(struct strbuf *dst, const char *text, const char *sep)
{
	if (dst->len)
		sb_adds(dst, sep);
	sb_adds(dst, text);
}

/* A paragraph such as "**Contenu :**" names the list that follows. */
static enum label paragraph_label(const char *text)
{
	char *folded = text_fold(text);
	const char *s = text_skip_nonalnum(folded);
	enum label label = LABEL_NONE;
	if (text_has_prefix_word(s, "contenu") || text_has_prefix_word(s, "content") ||
	    text_has_prefix_word(s, "topics") || text_has_prefix_word(s, "sujets") ||
	    text_has_prefix_word(s, "programme"))
		label = LABEL_CONTENT;
	else if (text_has_prefix_word(s, "competences") || text_has_prefix_word(s, "skills"))
		label = LABEL_SKILLS;
	free(folded);
	return label;
}

/* Reads a number such as "875", "54 993", "36,000" at s; returns where it
 * ends, or NULL. Thousands are grouped by a space or comma and 3 digits. */
static const char *read_count(const char *s, long *value)
{
	if (!isdigit((unsigned char)*s))
		return NULL;
	long v = 0;
	for (;;) {
		while (isdigit((unsigned char)*s)) {
			if (v < 100000000000L)
				v = v * 10 + (*s - '0');
			s++;
		}
		if ((*s == ' ' || *s == ',') && isdigit((unsigned char)s[1]) &&
		    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
		    !isdigit((unsigned char)s[4]))
			s++;
		else
			break;
	}
	*value = v;
	return s;
}

/* Picks the rating ("4.7/5"), reviews ("875 avis") and enrolment ("54 993+
 * inscrits") out of a line of the certificate section. */
static void scan_certificate_facts(struct certificate_facts *cf, const char *line)
{
	static const char *const review_words[] = { "avis", "reviews", "ratings",
		"evaluations", NULL };
	static const char *const enrol_words[] = { "inscrits", "inscriptions", "enrolled",
		"learners", "apprenants", "students", "etudiants", NULL };
	char *folded = text_fold(line);
	for (const char *s = folded; *s; s++) {
		if (!isdigit((unsigned char)*s) || (s > folded && (isdigit((unsigned char)s[-1]) ||
								s[-1] == '.' || s[-1] == ',')))
			continue;
		char *end;
		double d = strtod(s, &end);
		if (*end == ',' && isdigit((unsigned char)end[1]) && end[2] == '/') {
			/* "4,5/5": a French decimal comma */
			d += (end[1] - '0') / 10.0;
			end += 2;
		}
		if (*end == '/' && isdigit((unsigned char)end[1])) {
			double scale = strtod(end + 1, &end);
			if (cf->rating < 0 && scale > 0 && d <= scale)
				cf->rating = d, cf->rating_scale = scale;
			s = end - 1;
			continue;
		}
		long count;
		const char *q = read_count(s, &count);
		if (!q)
			continue;
		while (*q == '+' || *q == ' ')
			q++;
		for (const char *const *wd = review_words; *wd; wd++)
			if (cf->reviews < 0 && text_has_prefix_word(q, *wd))
				cf->reviews = count;
		for (const char *const *wd = enrol_words; *wd; wd++)
			if (cf->enrolled < 0 && text_has_prefix_word(q, *wd))
				cf->enrolled = count;
		s = q - 1;
	}
	free(folded);
}

/* ---- links ---- */

/* "https:", "mailto:", "//host/": a web link. One letter before the colon
 * is a drive ("C:"), not a scheme. */
static bool has_scheme(const char *url)
{
	if (url[0] == '/' && url[1] == '/')
		return true;
	const char *s = url;
	if (!isalpha((unsigned char)*s))
		return false;
	while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.')
		s++;
	return *s == ':' && s - url > 1;
}

/* Takes text (clean) and target (raw) over. */
static void add_link(struct body_walk *w, enum link_kind kind, char *text, char *target,
		     int line)
{
	struct program *p = w->p;
	XGROW(p->links, w->cap_links, p->n_links + 1);
	p->links[p->n_links++] = (struct link){
		.kind = kind, .text = text, .target = clean_inline(w, target), .line = line,
	};
}

static void add_markdown_link(struct body_walk *w, cmark_node *link)
{
	const char *url = cmark_node_get_url(link);
	if (!url || !*url)
		return;
	char *text = inline_text(w, link);
	if (!*text) { /* [](other.md), or an image alone: the target says it */
		free(text);
		text = clean_inline(w, xstrdup(url));
	}
	add_link(w, has_scheme(url) ? LINK_WEB : LINK_MARKDOWN, text, xstrdup(url),
		 node_line(w, link));
}

/* The next [[...]] in s: the offsets of its inside, [*in, *in_end). Like
 * Obsidian's, a wikilink holds no bracket and no line break. */
static bool find_wikilink(const char *s, size_t *in, size_t *in_end)
{
	for (const char *o = strstr(s, "[["); o; o = strstr(o + 1, "[[")) {
		const char *inside = o + 2;
		size_t n = strcspn(inside, "[]\n");
		if (n > 0 && inside[n] == ']' && inside[n + 1] == ']') {
			*in = (size_t)(inside - s);
			*in_end = *in + n;
			return true;
		}
	}
	return false;
}

/* "other#heading|text": the target before the bar, the text after it (the
 * target when there is none). */
static void add_wikilink(struct body_walk *w, const char *inside, size_t n, int line)
{
	char *raw = xstrndup(inside, n);
	char *bar = strchr(raw, '|');
	if (bar)
		*bar = '\0';
	char *target = text_trim(raw);
	char *alias = bar ? text_trim(bar + 1) : xstrdup("");
	free(raw);
	if (!*target) { /* [[|text]] leads nowhere */
		free(target);
		free(alias);
		return;
	}
	bool aliased = *alias != '\0';
	char *text = clean_inline(w, aliased ? alias : xstrdup(target));
	if (!aliased)
		free(alias);
	add_link(w, LINK_WIKI, text, target, line);
}

/* cmark does not know [[wikilinks]]: its brackets may come as text nodes of
 * their own, so a run of adjacent text nodes is read as one string. Code
 * spans and blocks are other nodes and are never read. */
static char *text_run(cmark_node *first)
{
	struct strbuf sb = {0};
	for (cmark_node *n = first; n && cmark_node_get_type(n) == CMARK_NODE_TEXT;
	     n = cmark_node_next(n))
		sb_adds(&sb, cmark_node_get_literal(n));
	return sb_steal(&sb);
}

/* A wikilink needs a '[' in the run: most runs have none and are not
 * copied. */
static bool run_has_bracket(cmark_node *first)
{
	for (cmark_node *n = first; n && cmark_node_get_type(n) == CMARK_NODE_TEXT;
	     n = cmark_node_next(n))
		if (strchr(cmark_node_get_literal(n), '['))
			return true;
	return false;
}

static bool starts_text_run(cmark_node *n)
{
	cmark_node *prev = cmark_node_previous(n);
	return cmark_node_get_type(n) == CMARK_NODE_TEXT &&
	       (!prev || cmark_node_get_type(prev) != CMARK_NODE_TEXT);
}

/* The wikilinks of a run of text, all on the run's line (a line break
 * would end the run). */
static void scan_wikilinks(struct body_walk *w, cmark_node *first)
{
	if (!run_has_bracket(first))
		return;
	char *text = text_run(first);
	size_t in, in_end;
	for (const char *s = text; find_wikilink(s, &in, &in_end); s += in_end + 2)
		add_wikilink(w, s + in, in_end - in, node_line(w, first));
	free(text);
}

/* Every link of the body, in reading order: cmark's link nodes, and the
 * wikilinks in text outside them. */
static void collect_links(struct body_walk *w, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int in_link = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
			if (ev == CMARK_EVENT_ENTER && in_link++ == 0)
				add_markdown_link(w, n);
			else if (ev == CMARK_EVENT_EXIT)
				in_link--;
		} else if (ev == CMARK_EVENT_ENTER && !in_link && starts_text_run(n)) {
			scan_wikilinks(w, n);
		}
	}
	cmark_iter_free(it);
}

static bool holds_link(cmark_node *node)
{
	bool found = false;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
			found = true;
		} else if (starts_text_run(n) && run_has_bracket(n)) {
			char *text = text_run(n);
			size_t in, in_end;
			found = find_wikilink(text, &in, &in_end);
			free(text);
		}
	}
	cmark_iter_free(it);
	return found;
}

/* The Links section's items that hold no link (a forum's name, say): its
 * links are among every link of the body. */
static void read_link_items(struct body_walk *w, cmark_node *list)
{
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
		if (holds_link(it))
			continue;
		char *text = item_text(w, it);
		if (*text)
			strv_push(&w->p->link_items, text);
		else
			free(text);
	}
}

static void read_course_list(struct body_walk *w, cmark_node *list)
{
	struct course *c = w->course;
	if (w->label == LABEL_SKILLS)
		list_lines(w, list, 0, &c->skills);
	else
		read_topics(w, list, 0, &c->topics, &c->n_topics);
}

static void read_list(struct body_walk *w, cmark_node *list)
{
	struct program *p = w->p;
	struct strv lines = {0};
	switch (w->section) {
	case SEC_PROGRAMME:
		if (w->course)
			read_course_list(w, list);
		return;
	case SEC_LINKS:
		read_link_items(w, list);
		return;
	case SEC_OBJECTIVES:
		list_lines(w, list, 0, &p->objectives);
		return;
	case SEC_SKILLS:
		list_lines(w, list, 0, &p->skills);
		return;
	case SEC_INSTRUCTOR:
		list_lines(w, list, 0, &p->instructor);
		return;
	case SEC_FORMAT:
		list_lines(w, list, 0, &p->format);
		return;
	case SEC_CERTIFICATE:
		list_lines(w, list, 0, &lines);
		for (size_t i = 0; i < lines.n; i++) {
			scan_certificate_facts(&p->certificate, lines.v[i]);
			strv_push(&p->certificate.lines, lines.v[i]);
		}
		free(lines.v);
		return;
	case SEC_PROFILE:
		if (w->profile == PROFILE_CHOOSE)
			list_lines(w, list, 0, &p->choose_if);
		else if (w->profile == PROFILE_WATCH)
			list_lines(w, list, 0, &p->watch_out);
		return;
	case SEC_NONE:
	case SEC_DESCRIPTION:
	case SEC_OTHER:
		break;
	}
	list_lines(w, list, 0, &lines);
	struct strbuf *dst = w->other ? &w->other_text : &w->description;
	for (size_t i = 0; i < lines.n; i++) {
		char *item = xasprintf("- %s", lines.v[i]);
		append_text(dst, item, "\n");
		free(item);
	}
	strv_free(&lines);
}

static void read_paragraph(struct body_walk *w, cmark_node *para)
{
	struct program *p = w->p;
	char *text = inline_text(w, para);
	switch (w->section) {
	case SEC_PROGRAMME:
		if (w->course)
			w->label = paragraph_label(text);
		break;
	case SEC_INSTRUCTOR:
		strv_push(&p->instructor, text);
		return;
	case SEC_FORMAT:
		strv_push(&p->format, text);
		return;
	case SEC_CERTIFICATE:
		scan_certificate_facts(&p->certificate, text);
		strv_push(&p->certificate.lines, text);
		return;
	case SEC_NONE:
	case SEC_DESCRIPTION:
		append_text(&w->description, text, "\n\n");
		break;
	case SEC_OTHER:
		append_text(&w->other_text, text, "\n\n");
		break;
	case SEC_OBJECTIVES:
	case SEC_SKILLS:
	case SEC_PROFILE:
	case SEC_LINKS:
		break;
	}
	free(text);
}

static void read_subheading(struct body_walk *w, cmark_node *heading)
{
	if (w->section == SEC_PROGRAMME) {
		start_course(w, heading);
		return;
	}
	char *text = inline_text(w, heading), *icon, *title;
	text_split_icon(text, &icon, &title);
	if (w->section == SEC_PROFILE)
		w->profile = classify_profile(icon, title);
	else if (w->section == SEC_OTHER)
		append_text(&w->other_text, title, "\n\n");
	free(icon);
	free(title);
	free(text);
}

static void read_block(struct body_walk *w, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		switch (cmark_node_get_heading_level(n)) {
		case 1:
			read_h1(w, n);
			break;
		case 2:
			start_section(w, n);
			break;
		case 3:
			read_subheading(w, n);
			break;
		default: /* deeper headings only label what follows */
			if (w->section == SEC_PROGRAMME && w->course) {
				char *text = inline_text(w, n);
				w->label = paragraph_label(text);
				free(text);
			}
			break;
		}
		break;
	case CMARK_NODE_PARAGRAPH:
		read_paragraph(w, n);
		break;
	case CMARK_NODE_LIST:
		read_list(w, n);
		break;
	default:
		break;
	}
}

/* Whether cmark may decode a character reference in s: "&name;", "&#233;"
 * or "&#xE9;" (told loosely: any letters or digits between & and ;). A
 * bare & ("Format & Durée") is text. */
static bool may_hold_reference(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *a = memchr(s, '&', len); a;
	     a = memchr(a + 1, '&', (size_t)(end - a - 1))) {
		const char *q = a + 1;
		if (q < end && *q == '#')
			q++;
		const char *name = q;
		while (q < end && isalnum((unsigned char)*q))
			q++;
		if (q > name && q < end && *q == ';')
			return true;
	}
	return false;
}

bool spec_body_parse(struct program *p, const char *body, size_t len, bool stable,
		     int first_line, struct diag_list *diags)
{
	cmark_node *doc = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	if (!doc) {
		diag_add(diags, DIAG_ERROR, p->path, first_line, "%s",
			 _("cannot parse the Markdown body"));
		return false;
	}
	struct body_walk w = {
		.p = p, .diags = diags, .line_offset = first_line - 1,
		.section = SEC_NONE, .plain = stable && !may_hold_reference(body, len),
	};
	p->certificate.rating = -1;
	p->certificate.reviews = -1;
	p->certificate.enrolled = -1;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		read_block(&w, n);
	collect_links(&w, doc);
	cmark_node_free(doc);
	close_other(&w);
	p->description = sb_steal(&w.description);
	return true;
}
