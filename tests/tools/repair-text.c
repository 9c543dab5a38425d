/* Prints a file decoded the way cursus reads specs (BOM dropped, LF line
 * ends, mojibake repaired). Used to make data/specs/P4-A.md from the
 * learner's file, and by the test that checks it still comes out the same. */
#include "config.h"
#include "encoding.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: repair-text FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	do {
		if (len + 65536 > cap) {
			cap = (cap + 65536) * 2;
			buf = realloc(buf, cap);
			if (!buf)
				return 1;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	struct decoded_text dt;
	size_t bad;
	if (encoding_decode(buf, len, &dt, &bad) != ENCODING_OK) {
		fprintf(stderr, "%s: cannot decode at byte %zu\n", argv[1], bad);
		return 1;
	}
	fwrite(dt.text, 1, dt.len, stdout);
	fprintf(stderr, "%s: %zu sequences repaired as %s\n", argv[1],
		dt.repair.sequences, mojibake_name(dt.repair.kind));
	free(dt.text);
	free(buf);
	return 0;
}
