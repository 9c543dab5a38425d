/* Replacing a file so that a crash at any instant leaves the old or the new
 * contents, never a mix: write a temporary file in the same directory,
 * fsync it, rename it over the old one, fsync the directory. */
#ifndef CURSUS_ATOMIC_FILE_H
#define CURSUS_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Writes text to target with the given mode. With keep_backup the previous
 * file stays beside it (atomic_backup_name). On failure target is untouched, errno
 * says why and *step names what failed ("write", "rename"...). A synced
 * file whose directory could not be synced is still a success, with
 * *dir_synced false. */
bool atomic_write(const char *target, const char *text, size_t len, mode_t mode,
		  bool keep_backup, const char **step, bool *dir_synced);

/* Where a chain of symbolic links ends (malloc'd; path itself when it is
 * not a link): a file kept as a link (dotfiles in git) is replaced there,
 * so that the link survives. The file it names may not exist yet. */
char *atomic_link_target(const char *path);

/* Writes all of buf to fd, again after EINTR and short writes; false
 * with errno set on an error. */
bool atomic_write_all(int fd, const char *buf, size_t len);

/* The names of the files kept beside a target: ".BASE.cursus-bak" and
 * ".BASE.cursus-lock" in its directory (malloc'd). */
char *atomic_backup_name(const char *target);
char *atomic_lock_name(const char *target);

/* Removes the temporary files that a writer killed mid-write left beside
 * target (".BASE.cursus-tmp-*"), and no other file. Only for a caller that
 * holds a lock excluding every other writer of target. */
void atomic_remove_stale_temps(const char *target);

#endif
