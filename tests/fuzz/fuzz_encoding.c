/* libFuzzer target: decoding a spec file's bytes. What comes out must be
 * valid UTF-8 without CR, and when nothing was repaired it must be the
 * input less its BOM with CRLF and lone CR turned into LF. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "utf8.h"

static void broken(const char *what)
{
	fprintf(stderr, "fuzz_encoding: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	struct decoded_text out;
	size_t bad = 0;
	if (encoding_decode(bytes, size, &out, &bad) != ENCODING_OK) {
		if (bad >= size && size > 0)
			broken("bad offset past the end of the input");
		return 0;
	}
	if (!out.text || strlen(out.text) != out.len)
		broken("text length does not match len");
	if (!utf8_validate(out.text, out.len, NULL))
		broken("output is not valid UTF-8");
	if (memchr(out.text, '\r', out.len))
		broken("output holds a CR");

	if (out.repair.sequences == 0) {
		size_t skip = size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		char *want = malloc(size + 1);
		size_t n = 0;
		for (size_t i = skip; i < size; i++) {
			if (bytes[i] == '\r') {
				if (i + 1 < size && bytes[i + 1] == '\n')
					continue;
				want[n++] = '\n';
			} else {
				want[n++] = bytes[i];
			}
		}
		if (n != out.len || memcmp(want, out.text, n) != 0)
			broken("unrepaired output differs from the normalised input");
		if (out.had_bom != (skip > 0))
			broken("had_bom is wrong");
		free(want);
	}
	free(out.text);
	return 0;
}
