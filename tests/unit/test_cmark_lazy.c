/* libcmark opened on first use (src/cmark_lazy.h): every function cursus
 * needs is found, and they are cmark's, giving the tree cmark gives. */
#include "config.h"
#include "unit.h"

#include <string.h>

#include "cmark_lazy.h"

static void test_cmark_lazy_finds_every_function(void **state)
{
	(void)state;
	const char *why = "untouched";
	const struct cmark_fns *cm = cmark_lazy(&why);
	assert_non_null(cm);
	assert_string_equal(why, "untouched");
	/* The table is only function pointers: none may be left NULL. */
	void *slots[sizeof *cm / sizeof(void *)];
	memcpy(slots, cm, sizeof slots);
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		assert_non_null(slots[i]);
	assert_ptr_equal(cmark_lazy(NULL), cm);
}

static void test_cmark_lazy_parses(void **state)
{
	(void)state;
	const struct cmark_fns *cm = cmark_lazy(NULL);
	assert_non_null(cm);
	const char *md = "# Title\n\n## Programme\n\n- [site](https://example.org)\n";
	cmark_node *doc = cm->parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	assert_non_null(doc);
	cmark_node *h1 = cm->node_first_child(doc);
	assert_int_equal(cm->node_get_type(h1), CMARK_NODE_HEADING);
	assert_int_equal(cm->node_get_heading_level(h1), 1);
	assert_string_equal(cm->node_get_literal(cm->node_first_child(h1)), "Title");
	cmark_node *h2 = cm->node_next(h1);
	assert_int_equal(cm->node_get_heading_level(h2), 2);
	assert_int_equal(cm->node_get_start_line(h2), 3);
	cmark_node *list = cm->node_next(h2);
	assert_int_equal(cm->node_get_type(list), CMARK_NODE_LIST);
	assert_null(cm->node_next(list));

	const char *url = NULL;
	cmark_iter *it = cm->iter_new(list);
	cmark_event_type ev;
	while ((ev = cm->iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cm->iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cm->node_get_type(n) == CMARK_NODE_LINK)
			url = cm->node_get_url(n);
	}
	assert_non_null(url);
	assert_string_equal(url, "https://example.org");
	cm->iter_free(it);
	cm->node_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmark_lazy_finds_every_function),
		cmocka_unit_test(test_cmark_lazy_parses),
	};
	return RUN_TESTS(tests);
}
