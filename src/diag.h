/* Diagnostics: errors and warnings about input files, collected while
 * loading and printed by the caller as "cursus: FILE:LINE: message". */
#ifndef CURSUS_DIAG_H
#define CURSUS_DIAG_H

#include <stdio.h>
#include <stddef.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_severity severity;
	char *file;   /* may be NULL for problems not tied to a file */
	int line;     /* 1-based; 0 when the whole file is meant */
	char *message;
};

struct diag_list {
	struct diag *v;
	size_t n;
	size_t cap;
};

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
	      int line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t diag_count(const struct diag_list *dl, enum diag_severity sev);
/* Prints every diagnostic at or above min, in the order they were added. */
void diag_print(const struct diag_list *dl, FILE *out, enum diag_severity min);
void diag_free(struct diag_list *dl);

#endif
