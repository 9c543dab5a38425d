/* A program's modules (courses, topics, sub-topics) as one flat list in
 * reading order, each with the PATH the user ticks it by ("1", "1.2",
 * "1.2.1"). The planner, the commands and the screens all walk this list. */
#ifndef CURSUS_OUTLINE_H
#define CURSUS_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

#define OUTLINE_PATH_MAX 48

struct module {
	char path[OUTLINE_PATH_MAX];
	const char *title;   /* owned by the program */
	int depth;           /* 0 for a course */
	size_t course;       /* index of its course */
	size_t parent;       /* index of the parent module; itself for a course */
	size_t end;          /* one past its last descendant */
	bool leaf;           /* no topics below it */
	int line;            /* in the spec file */
};

struct outline {
	struct module *modules;
	size_t n;
	size_t cap;
};

void outline_build(struct outline *o, const struct program *p);
void outline_free(struct outline *o);
/* The module with this PATH, or -1. */
long outline_find(const struct outline *o, const char *path);
/* True when text looks like a PATH: "1", "1.2", "1.2.1" (no zeros). */
bool outline_path_valid(const char *text);
/* Orders PATHs numerically: 1.2 < 1.10 < 2. */
int outline_path_compare(const char *a, const char *b);
/* Number of leaves below module i (1 for a leaf). */
size_t outline_leaf_count(const struct outline *o, size_t i);

#endif
