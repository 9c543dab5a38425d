/* libcmark, loaded on first use.
 *
 * cursus links libcmark by name only (dlopen) so that a start which finds
 * every spec body in the cache (src/body_cache.c) never maps it: on the
 * machines we measure, mapping it and relocating its 2,000-odd pointers cost
 * ~0.5 ms, a twelfth of the planner's first frame (bench/README.md). Only
 * spec_body.c parses Markdown, through this table. */
#ifndef CURSUS_CMARK_LAZY_H
#define CURSUS_CMARK_LAZY_H

#include <cmark.h>

/* The functions cursus calls, with the types cmark.h gives them. */
struct cmark_fns {
	__typeof__(cmark_parse_document) *parse_document;
	__typeof__(cmark_node_free) *node_free;
	__typeof__(cmark_node_first_child) *node_first_child;
	__typeof__(cmark_node_next) *node_next;
	__typeof__(cmark_node_get_type) *node_get_type;
	__typeof__(cmark_node_get_heading_level) *node_get_heading_level;
	__typeof__(cmark_node_get_literal) *node_get_literal;
	__typeof__(cmark_node_get_url) *node_get_url;
	__typeof__(cmark_node_get_start_line) *node_get_start_line;
	__typeof__(cmark_iter_new) *iter_new;
	__typeof__(cmark_iter_next) *iter_next;
	__typeof__(cmark_iter_get_node) *iter_get_node;
	__typeof__(cmark_iter_free) *iter_free;
};

/* The table, loading the library on the first call. NULL when it cannot be
 * loaded or is not the version cursus was built with; then *why says what
 * went wrong (a static string, valid until the next call). */
const struct cmark_fns *cmark_lazy(const char **why);

#endif
