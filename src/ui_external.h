/* Another program on the planner's terminal: the pager on a note, the
 * editor on a spec. Curses is left cleanly, the program runs in the
 * foreground, and the planner takes the screen back whole. */
#ifndef CURSUS_UI_EXTERNAL_H
#define CURSUS_UI_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* The words of a command such as "code --wait" or "'/opt/my editor' -f"
 * (white space separates them; single and double quotes group, as a
 * shell's simple quotes do, without running a shell), then the n_args
 * args, then NULL. NULL when a quote is left open or there is no word. */
char **external_argv(const char *command, const char *const *args, size_t n_args);
void external_argv_free(char **argv);

/* Runs argv (argv[0] looked up in PATH) and waits for it, curses left
 * meanwhile. True when it ran and exited 0; otherwise why says what
 * happened ("cannot start 'vi': No such file or directory", "exited with
 * status 1"). */
bool ui_external_run(char *const *argv, char *why, size_t why_size);

#endif
