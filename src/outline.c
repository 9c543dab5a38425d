#include "config.h"
#include "outline.h"
#include "xalloc.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* path: a module path as built below, shorter than OUTLINE_PATH_MAX */
static size_t add_module(struct outline *o, const char *path, const char *title,
			 int depth, size_t course, size_t parent, int line)
{
	XGROW(o->modules, o->cap, o->n + 1);
	struct module *m = &o->modules[o->n];
	memset(m, 0, sizeof *m);
	size_t n = strlen(path);
	assert(n < sizeof m->path);
	memcpy(m->path, path, n + 1);
	m->title = title;
	m->depth = depth;
	m->course = course;
	m->parent = parent;
	m->line = line;
	return o->n++;
}

static void add_topics(struct outline *o, const struct topic *t, size_t n,
		       const char *parent_path, size_t parent, size_t course, int depth)
{
	for (size_t i = 0; i < n; i++) {
		char path[OUTLINE_PATH_MAX];
		snprintf(path, sizeof path, "%s.%zu", parent_path, i + 1);
		size_t me = add_module(o, path, t[i].title, depth, course, parent, t[i].line);
		add_topics(o, t[i].children, t[i].n_children, path, me, course, depth + 1);
		o->modules[me].end = o->n;
		o->modules[me].leaf = t[i].n_children == 0;
	}
}

void outline_build(struct outline *o, const struct program *p)
{
	memset(o, 0, sizeof *o);
	for (size_t c = 0; c < p->n_courses; c++) {
		const struct course *course = &p->courses[c];
		char path[OUTLINE_PATH_MAX];
		snprintf(path, sizeof path, "%d", course->number);
		size_t me = add_module(o, path, course->title, 0, c, o->n, course->line);
		add_topics(o, course->topics, course->n_topics, path, me, c, 1);
		o->modules[me].end = o->n;
		o->modules[me].leaf = course->n_topics == 0;
	}
}

void outline_free(struct outline *o)
{
	free(o->modules);
	memset(o, 0, sizeof *o);
}

long outline_find(const struct outline *o, const char *path)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->modules[i].path, path) == 0)
			return (long)i;
	return -1;
}

bool outline_path_valid(const char *text)
{
	const char *s = text;
	if (strlen(text) >= OUTLINE_PATH_MAX)
		return false;
	for (;;) {
		if (!isdigit((unsigned char)*s) || *s == '0')
			return false;
		while (isdigit((unsigned char)*s))
			s++;
		if (*s == '\0')
			return true;
		if (*s++ != '.')
			return false;
	}
}

int outline_path_compare(const char *a, const char *b)
{
	while (*a && *b) {
		char *ea, *eb;
		unsigned long na = strtoul(a, &ea, 10), nb = strtoul(b, &eb, 10);
		if (ea == a || eb == b) /* not numbers: plain order */
			return strcmp(a, b);
		if (na != nb)
			return na < nb ? -1 : 1;
		a = *ea == '.' ? ea + 1 : ea;
		b = *eb == '.' ? eb + 1 : eb;
	}
	return (*a != '\0') - (*b != '\0');
}

size_t outline_leaf_count(const struct outline *o, size_t i)
{
	size_t count = 0;
	for (size_t k = i; k < o->modules[i].end; k++)
		count += o->modules[k].leaf;
	return count;
}
