/* Where a user's files live: the home directory and the XDG base
 * directories, found the same way for the specs, the configuration and
 * the progress file. */
#ifndef CURSUS_USER_DIRS_H
#define CURSUS_USER_DIRS_H

/* $HOME, else the password database's home, else "/". */
const char *user_home(void);
/* The XDG base directory in var, else fallback below the home (XDG says a
 * relative value is invalid and must be ignored); then sub below it.
 * Newly allocated. */
char *user_xdg_path(const char *var, const char *fallback, const char *sub);

#endif
