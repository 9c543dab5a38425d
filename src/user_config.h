/* The learner's configuration file (PRODUCT.md §7): where their vault is,
 * and whether the planner uses colours. YAML, read with libyaml; optional.
 * Named user_config because config.h is autoconf's. */
#ifndef CURSUS_USER_CONFIG_H
#define CURSUS_USER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A data directory, and the line of the file that names it: an error
 * about the directory points the learner at that line. */
struct user_config_dir {
	char *path;  /* ~, $HOME expanded; a relative one joined to the file's folder */
	int line;
};

struct user_config {
	char *file;                   /* the file read; NULL: no configuration */
	struct user_config_dir *data; /* the data directories, in order */
	size_t n_data;
	size_t cap_data;
	bool no_color;                /* color: false */
};

/* The file to read: given (--config) when not NULL, else $CURSUS_CONFIG,
 * else $XDG_CONFIG_HOME/cursus/config, else ~/.config/cursus/config.
 * *required is set when the file was named (the option or the variable):
 * then a missing file is an error; the default one may be absent. */
char *user_config_path(const char *given, bool *required);

/* Reads the file at path into conf (zeroed first). A missing file is no
 * configuration, unless required. An unknown key is a warning in diags.
 * Returns false when the file cannot be read or is not a valid
 * configuration: the error, with its line, is in diags and conf is left
 * empty, so that no half of a broken file is ever applied. */
bool user_config_load(struct user_config *conf, const char *path, bool required,
		      struct diag_list *diags);

/* The same, from text already read; file names it in messages and is
 * where relative data directories are found. */
bool user_config_parse(struct user_config *conf, const char *text, size_t len,
		       const char *file, struct diag_list *diags);

void user_config_free(struct user_config *conf);

#endif
