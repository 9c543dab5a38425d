/* When libcmark cannot be opened, a spec's body is refused with an error
 * naming the file, the line and why; nothing crashes, nothing is guessed.
 * The loader is built here with the name of a library that is not there. */
#define CMARK_LAZY_SONAME "libcursus-test-no-such-cmark.so.0"
#include "../../src/cmark_lazy.c"

#include "unit.h"

#include <stdlib.h>

#include "diag.h"
#include "spec.h"
#include "spec_parse.h"
#include "xalloc.h"

static void test_cmark_missing_says_why(void **state)
{
	(void)state;
	const char *why = NULL;
	assert_null(cmark_lazy(&why));
	assert_non_null(why);
	assert_non_null(strstr(why, "cannot load libcursus-test-no-such-cmark.so.0"));
	/* Asked again, the same answer, without trying again. */
	const char *again = NULL;
	assert_null(cmark_lazy(&again));
	assert_string_equal(again, why);
}

static void test_cmark_missing_refuses_the_body(void **state)
{
	(void)state;
	struct program *p = xcalloc(1, sizeof *p);
	p->path = xstrdup("specs/P4-A.md");
	struct diag_list d = {0};
	const char *body = "## Programme\n\n### Cours 1 : Fondements\n";
	assert_false(spec_body_parse(p, body, strlen(body), 12, &d));
	assert_int_equal(diag_count(&d, DIAG_ERROR), 1);
	assert_string_equal(d.v[0].file, "specs/P4-A.md");
	assert_int_equal(d.v[0].line, 12);
	assert_non_null(strstr(d.v[0].message, "cannot read the Markdown body: cannot load "
				     "libcursus-test-no-such-cmark.so.0"));
	assert_int_equal(p->n_courses, 0);
	diag_free(&d);
	spec_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmark_missing_says_why),
		cmocka_unit_test(test_cmark_missing_refuses_the_body),
	};
	return RUN_TESTS(tests);
}
