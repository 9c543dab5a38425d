/* Options side by side, as lines of text (see compare_table.c). */
#ifndef CURSUS_COMPARE_TABLE_H
#define CURSUS_COMPARE_TABLE_H

#include <stddef.h>

#include "spec.h"
#include "strbuf.h"

/* Narrower columns would break most words. */
#define COMPARE_MIN_COLUMN 12
#define COMPARE_GAP 2

struct compare_layout {
	size_t label_w;  /* the row names */
	size_t col_w;    /* each program's column */
	size_t gap;      /* between columns */
};

/* Appends the table of v[0..n) (bodies loaded) to out, one line a string,
 * at most total columns wide unless the columns cannot be narrower;
 * *layout (if not NULL) says where each column starts. */
void compare_table(struct program *const *v, size_t n, size_t total, struct strv *out,
		   struct compare_layout *layout);

#endif
