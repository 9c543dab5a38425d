/* libcmark, loaded on first use (see cmark_lazy.h for why). */
#include "config.h"
#include "cmark_lazy.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The name configure found; tests/unit/test_cmark_missing.c gives another. */
#ifndef CMARK_LAZY_SONAME
#define CMARK_LAZY_SONAME CURSUS_CMARK_SONAME
#endif

#define FN(field) { "cmark_" #field, offsetof(struct cmark_fns, field) }
static const struct {
	const char *name;
	size_t offset;
} symbols[] = {
	FN(parse_document), FN(node_free), FN(node_first_child), FN(node_next),
	FN(node_get_type), FN(node_get_heading_level), FN(node_get_literal),
	FN(node_get_url), FN(node_get_start_line), FN(iter_new), FN(iter_next),
	FN(iter_get_node), FN(iter_free),
};
#undef FN

static struct cmark_fns fns;
static enum { NOT_TRIED, LOADED, FAILED } load_state = NOT_TRIED;
static char failure[512];

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(failure, sizeof failure, fmt, ap);
	va_end(ap);
	load_state = FAILED;
}

/* The major and minor numbers: cmark changes its ABI between minor releases,
 * which is also why Debian's soname carries the full version. */
static int abi_of(int version)
{
	return version >> 8;
}

static bool same_abi(void *lib)
{
	int (*version)(void);
	void *sym = dlsym(lib, "cmark_version");
	if (!sym)
		return false;
	memcpy(&version, &sym, sizeof version);
	return abi_of(version()) == abi_of(CMARK_VERSION);
}

static bool find_symbols(void *lib)
{
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		void *sym = dlsym(lib, symbols[i].name);
		if (!sym) {
			fail("%s has no %s", CMARK_LAZY_SONAME, symbols[i].name);
			return false;
		}
		/* POSIX guarantees a function's address fits a void *. */
		memcpy((char *)&fns + symbols[i].offset, &sym, sizeof sym);
	}
	return true;
}

static void load(void)
{
	void *lib = dlopen(CMARK_LAZY_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		fail("cannot load %s (%s)", CMARK_LAZY_SONAME, dlerror());
		return;
	}
	if (!same_abi(lib)) {
		fail("%s is not the libcmark %s cursus was built with", CMARK_LAZY_SONAME,
		     CMARK_VERSION_STRING);
		dlclose(lib);
		return;
	}
	if (!find_symbols(lib)) {
		dlclose(lib);
		return;
	}
	load_state = LOADED;
}

const struct cmark_fns *cmark_lazy(const char **why)
{
	if (load_state == NOT_TRIED)
		load();
	if (load_state == LOADED)
		return &fns;
	if (why)
		*why = failure;
	return NULL;
}
