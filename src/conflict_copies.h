/* Conflict copies that sync tools leave beside the progress file when two
 * machines changed it at once (PRODUCT.md §3, "Two machines"). Listing
 * only: nothing is printed, moved or removed here. */
#ifndef CURSUS_CONFLICT_COPIES_H
#define CURSUS_CONFLICT_COPIES_H

#include <stddef.h>

/* The conflict copies of state_path in its directory (of the file a
 * symbolic link points to, where the sync tool sees it), for a base name
 * STEM.EXT such as progress.yaml:
 *   Syncthing  STEM.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT
 *   Dropbox    STEM (NAME's conflicted copy YYYY-MM-DD).EXT,
 *              STEM (conflicted copy YYYY-MM-DD).EXT
 * Sets *paths to a malloc'd array of malloc'd paths (directory/name),
 * sorted, or NULL when there is none, and returns how many. A directory
 * that cannot be read has none. Free with progress_conflict_copies_free. */
size_t progress_conflict_copies(const char *state_path, char ***paths);
void progress_conflict_copies_free(char **paths, size_t n);

#endif
