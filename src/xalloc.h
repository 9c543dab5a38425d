/* Allocation that never returns NULL: running out of memory in a planner
 * is not something we can recover from meaningfully, so we say so and exit. */
#ifndef CURSUS_XALLOC_H
#define CURSUS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows *ptr to hold at least need elements of elem bytes, doubling. */
void xgrow(void **ptr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The test of room is made here, so that adding to an array with room
 * left costs no call (need is evaluated twice). */
#define XGROW(arr, cap, need)                                                    \
	do {                                                                     \
		if ((need) > (cap))                                              \
			xgrow((void **)&(arr), &(cap), (need), sizeof *(arr));    \
	} while (0)

#endif
