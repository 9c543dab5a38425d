#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fixture_path(const char *name)
{
	if (name[0] == '/') {
		char *p = malloc(strlen(name) + 1);
		assert_non_null(p);
		return strcpy(p, name);
	}
	size_t n = strlen(TEST_DATA_DIR) + strlen(name) + 2;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", TEST_DATA_DIR, name);
	return p;
}

char *fixture_read(const char *name, size_t *len)
{
	char *path = fixture_path(name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open fixture %s", path);
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap + 1);
	assert_non_null(buf);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
	}
	fclose(f);
	free(path);
	buf[n] = '\0';
	*len = n;
	return buf;
}
