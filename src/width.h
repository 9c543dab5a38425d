/* Display width of UTF-8 text in terminal columns (mbrtowc + wcwidth), the
 * one helper every alignment and truncation goes through. It decodes UTF-8
 * whatever the user's locale, so widths are right even under LANG=C. */
#ifndef CURSUS_WIDTH_H
#define CURSUS_WIDTH_H

#include <stddef.h>
#include <stdio.h>

/* Columns taken by s; control characters count as 1, like their
 * replacement when drawn. */
size_t width_of(const char *s);
/* Columns taken by the first n bytes of s. */
size_t width_of_n(const char *s, size_t n);
/* Bytes of s that fit in max columns without cutting a character. */
size_t width_prefix_bytes(const char *s, size_t max);
/* A copy of s cut to at most max columns, ending in ellipsis ("…", or
 * "~" when ascii) when cut. */
char *width_truncate(const char *s, size_t max, int ascii);
/* Prints s and then spaces up to width columns. */
void width_print_padded(FILE *out, const char *s, size_t width);

#endif
