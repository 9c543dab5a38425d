/* Leaving curses for another program and coming back, as a shell escape
 * does (tig's and calcurse's external editor): def_prog_mode and endwin
 * give the terminal back as it was before the planner; the child runs in
 * the foreground; reset_prog_mode and a full redraw take it again.
 *
 * While the child runs, the planner ignores SIGINT and SIGQUIT (Ctrl-C
 * belongs to the pager or the editor, as system() has it), and SIGTSTP
 * is left to its default, so that Ctrl-Z stops both processes without
 * curses repainting the screen under the stopped child; fg resumes both.
 * A SIGTERM or SIGHUP meanwhile only sets the planner's flag, which the
 * loop reads once the child is done. A resize meanwhile is taken up on
 * return. */
#include "config.h"
#include "ui_external.h"
#include "nls.h"
#include "strbuf.h"
#include "xalloc.h"

#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* One word at *s, its quotes taken off; false when a quote stays open. */
static bool next_word(const char **s, struct strbuf *word)
{
	const char *c = *s;
	while (*c && !isspace((unsigned char)*c)) {
		if (*c == '\'' || *c == '"') {
			const char *end = strchr(c + 1, *c);
			if (!end)
				return false;
			sb_add(word, c + 1, (size_t)(end - c - 1));
			c = end + 1;
		} else {
			sb_addc(word, *c++);
		}
	}
	*s = c;
	return true;
}

char **external_argv(const char *command, const char *const *args, size_t n_args)
{
	struct strv words = {0};
	const char *s = command;
	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		struct strbuf word = {0};
		if (!next_word(&s, &word)) {
			sb_free(&word);
			strv_free(&words);
			return NULL;
		}
		strv_push(&words, sb_steal(&word));
	}
	if (words.n == 0) {
		strv_free(&words);
		return NULL;
	}
	for (size_t i = 0; i < n_args; i++)
		strv_push(&words, xstrdup(args[i]));
	strv_push(&words, NULL);
	return words.v;
}

void external_argv_free(char **argv)
{
	for (char **a = argv; a && *a; a++)
		free(*a);
	free(argv);
}

/* In the child: signals as a program started from a shell finds them,
 * then the program. A failed exec is told to the parent through the pipe,
 * which a successful one closes (close-on-exec). */
static void exec_child(char *const *argv, int report_fd)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvp(argv[0], argv);
	int err = errno;
	ssize_t ignored = write(report_fd, &err, sizeof err);
	(void)ignored;
	_exit(127);
}

/* The child's errno when it could not start, else 0. */
static int start_error(int fd)
{
	int err = 0;
	ssize_t n;
	while ((n = read(fd, &err, sizeof err)) < 0 && errno == EINTR)
		;
	return n == (ssize_t)sizeof err ? err : 0;
}

static int wait_child(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* The terminal may have changed size while the child had it. */
static void take_up_resize(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* Why the child failed: it could not start (err), it was lost (status
 * -1, wait_err the error of waitpid), or its exit status. */
static void describe(int status, int err, int wait_err, const char *name, char *why,
		     size_t size)
{
	if (err)
		snprintf(why, size, _("cannot start '%s': %s"), name, strerror(err));
	else if (status == -1)
		snprintf(why, size, _("lost '%s': %s"), name, strerror(wait_err));
	else if (WIFEXITED(status))
		snprintf(why, size, _("'%s' exited with status %d"), name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(why, size, _("'%s' was ended by signal %d"), name, WTERMSIG(status));
}

bool ui_external_run(char *const *argv, char *why, size_t why_size)
{
	int report[2];
	if (pipe(report) != 0) {
		snprintf(why, why_size, _("cannot start '%s': %s"), argv[0], strerror(errno));
		return false;
	}
	fcntl(report[0], F_SETFD, FD_CLOEXEC);
	fcntl(report[1], F_SETFD, FD_CLOEXEC);
	struct sigaction ignore = { .sa_handler = SIG_IGN }, deflt = { .sa_handler = SIG_DFL };
	struct sigaction old_int, old_quit, old_tstp;
	sigemptyset(&ignore.sa_mask);
	sigemptyset(&deflt.sa_mask);

	def_prog_mode();
	endwin();
	fflush(stdout);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	sigaction(SIGTSTP, &deflt, &old_tstp);
	pid_t pid = fork();
	if (pid == 0)
		exec_child(argv, report[1]);
	int fork_err = pid < 0 ? errno : 0;
	close(report[1]);
	int err = pid < 0 ? fork_err : start_error(report[0]);
	close(report[0]);
	int status = pid < 0 ? 0 : wait_child(pid);
	int wait_err = status == -1 ? errno : 0; /* before the calls below change it */
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);

	reset_prog_mode();
	take_up_resize();
	clearok(curscr, TRUE); /* whatever the child left, the next frame covers */
	refresh();
	bool ok = !err && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!ok)
		describe(status, err, wait_err, argv[0], why, why_size);
	return ok;
}
