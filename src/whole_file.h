/* Reading a file whole, for the files cursus reads in one piece (the
 * progress file, the catalogue cache). */
#ifndef CURSUS_WHOLE_FILE_H
#define CURSUS_WHOLE_FILE_H

#include <stddef.h>

/* The contents of path, NUL-terminated (*len does not count the NUL), in a
 * buffer sized from fstat() and grown only if the file grows while it is
 * read. NULL when it cannot be read, with *err set to errno, to EFBIG
 * when it holds more than max bytes, to EINVAL (EISDIR) when it is not a
 * regular file: a FIFO or a device is never read, nor waited for. */
char *whole_file_read(const char *path, size_t max, size_t *len, int *err);
/* The same, but a FIFO or a character device is read too (to its end,
 * waiting for it): for files that are only ever read, such as a
 * configuration given as "--config <(...)". A directory is EISDIR. */
char *whole_stream_read(const char *path, size_t max, size_t *len, int *err);

#endif
