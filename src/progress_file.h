/* The progress file of PRODUCT.md §3: YAML read with libyaml's loader and
 * written with its emitter, saved atomically (temporary file, fsync,
 * rename, fsync of the directory) with a backup of the previous version,
 * and locked so that two cursus processes never lose each other's changes.
 * A file that cannot be read is never written over. */
#ifndef CURSUS_PROGRESS_FILE_H
#define CURSUS_PROGRESS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "progress.h"

/* Largest progress file we read: years of daily logs are a few hundred KB. */
#define PROGRESS_FILE_MAX_BYTES (16u * 1024 * 1024)

/* --state, else $CURSUS_STATE, else $XDG_STATE_HOME/cursus/progress.yaml. */
char *progress_file_path(const char *cli_state);

/* Takes the lock that serialises writers (a lock file beside the progress
 * file, created with its directory, 0700). Returns the lock's descriptor,
 * or -1 after adding an error. */
int progress_file_lock(const char *path, struct diag_list *diags);
void progress_file_unlock(int fd);

/* Reads the file; a missing file is an empty progress. On error nothing is
 * kept (but the version of a newer file) and the caller must not save over
 * the file; a damaged one is said with where cursus's backup is. */
bool progress_file_load(const char *path, struct progress *pr, struct diag_list *diags);
/* Parses progress text (what load reads), for tests and fuzzing. On error
 * pr is empty but for pr->version, the format of a newer file (not a
 * damaged one). */
bool progress_parse(const char *text, size_t len, const char *file,
		    struct progress *pr, struct diag_list *diags);
/* Writes the progress as YAML text (malloc'd). */
char *progress_format(const struct progress *pr, size_t *len);
/* Saves atomically; on failure the old file is left as it was. */
bool progress_file_save(const char *path, const struct progress *pr,
			struct diag_list *diags);

#endif
