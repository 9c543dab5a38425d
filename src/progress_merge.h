/* Merging two progress files that grew apart (PRODUCT.md §3, "Two
 * machines"): the git merge driver's three-way merge, and the two-file
 * merge of a sync tool's conflict copy. Pure: no files, no printing. */
#ifndef CURSUS_PROGRESS_MERGE_H
#define CURSUS_PROGRESS_MERGE_H

#include <stdbool.h>

#include "diag.h"
#include "progress.h"

/* Folds other's changes into cur, which holds the current side on entry
 * and the merged progress on return. Merging in place keeps whatever of
 * cur the merge does not know (unknown keys of a newer minor version).
 *
 * With a base (their common ancestor), what changed on one side only is
 * taken, ticks made on either side are kept, a tick removed on one side
 * is removed, and the hours of a day add up (cur + other - base). Without
 * one (NULL: a conflict copy), ticks are the union, a day keeps the larger
 * of its two hours, and a setting set on one side only is taken.
 *
 * A setting (a group's choice, current, a program's start, pace or earned)
 * that the two sides changed differently, or a day that would exceed
 * PROGRESS_MAX_HOURS_PER_DAY, keeps cur's value and adds one error to
 * conflicts (no file, the message "WHAT: kept X, the other side has Y").
 * Without a base, a day the two files give different hours keeps the
 * larger and adds a warning: only the learner knows whether they add up.
 * Returns true when there was no conflict. */
bool progress_merge(struct progress *cur, const struct progress *base,
		    const struct progress *other, struct diag_list *conflicts);

#endif
