/* Reading fixture files for the unit tests. */
#ifndef CURSUS_TEST_FIXTURE_H
#define CURSUS_TEST_FIXTURE_H

#include <stddef.h>

/* Returns the malloc'd contents of TEST_DATA_DIR/name (or of an absolute
 * path), its length in *len; fails the test when it cannot be read. */
char *fixture_read(const char *name, size_t *len);
/* TEST_DATA_DIR/name, malloc'd. */
char *fixture_path(const char *name);

#endif
