/* A cache of what each spec's body says (courses, topics, sections and the
 * warnings found reading them), one file per spec under
 * $XDG_CACHE_HOME/cursus, keyed by inode, size and modification time. It
 * lets the planner, show, schedule and status start without Markdown
 * parsing. Like the catalogue cache it is only an accelerator: a missing,
 * stale or damaged entry is parsed again, never trusted; `cursus check`
 * never uses it. */
#ifndef CURSUS_BODY_CACHE_H
#define CURSUS_BODY_CACHE_H

#include <stdbool.h>
#include <sys/stat.h>

#include "diag.h"
#include "spec.h"

/* Fills p's body from the cache when it holds p->path as st describes it,
 * adding the warnings its parse gave to diags. False (p untouched) when it
 * does not. */
bool body_cache_load(struct program *p, const struct stat *st, struct diag_list *diags);
/* Remembers p's body as parsed from the file st describes, with the
 * warnings from[first..] its parse gave. A file changed in the last two
 * seconds is not remembered: a change in the same clock tick could leave
 * the key as it was. */
void body_cache_store(const struct program *p, const struct stat *st,
		      const struct diag_list *from, size_t first);

#endif
