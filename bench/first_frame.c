/* first_frame [OPTIONS] -- COMMAND [ARGS...]
 *
 * Runs a full-screen program on a pseudo-terminal of a fixed size and
 * measures the time from just before fork() until the program's output
 * contains MARKER (the last text of its first complete frame), then types
 * 'q' and waits for it to end. Repeats this and prints, on one line,
 *   runs=R median_ms=.. mean_ms=.. stddev_ms=.. min_ms=.. max_ms=.. cpu_ms=..
 *   maxrss_kb=.. minflt=..
 * where cpu_ms is the median of the program's user + system time over the
 * whole run (start to quit), maxrss_kb the largest peak RSS of the program
 * over the runs and minflt the largest count of its minor page faults (all
 * from wait4(), as /usr/bin/time reports them). On a virtual machine a
 * start costs page faults more than instructions, hence the last one.
 *
 * With -s KEYS, after the first frame it types KEYS keystrokes, 'j' and 'k'
 * in turn, one at a time: each is sent only once the program has drawn the
 * previous one and is back waiting for input (it has written output since
 * the key was sent and /proc/PID/syscall shows it blocked in poll, select or
 * read). Then 'q'. This is the scripted session that valgrind measures.
 *
 * Options:
 *   -r RUNS     timed runs (default 10)
 *   -w WARMUP   untimed runs first (default 2)
 *   -s KEYS     keystrokes of the scripted session (default 0)
 *   -m MARKER   the text that ends the first frame (default "q qui": the end
 *               of the planner's key hints, the bottom line, drawn last; at 80
 *               columns its last letter follows in the same write)
 *   -c COLS, -l LINES   the terminal's size (default 80x24)
 *   -t SECONDS  give up on a run after this long (default 120)
 *   -v          copy the program's output to stderr
 *   -a FILE     also append each timed run to FILE, one line per run:
 *               "FIRST_FRAME_MS CPU_MS" (bench/run.sh interleaves programs
 *               in rounds and takes the statistics over all of them)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cols = 80, lines = 24, keys, verbose;
static const char *append_to;
static double timeout_s = 120;
static const char *marker = "q qui";

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads what is there on the master, waiting at most ms; returns bytes read,
 * 0 on timeout, -1 at the end (the program closed its terminal). */
static ssize_t read_some(int fd, char *buf, size_t cap, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r = poll(&p, 1, ms);
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	if (r == 0)
		return 0;
	ssize_t n = read(fd, buf, cap);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0)
		return -1; /* EIO: the slave side is closed */
	if (verbose)
		fwrite(buf, 1, (size_t)n, stderr);
	return n;
}

/* True when the program sits in a system call that waits for input. */
static int waiting_for_input(pid_t pid)
{
	char path[64], text[256];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	char *end;
	long nr = strtol(text, &end, 10);
	if (end == text)
		return 0; /* "running" */
	/* x86-64: read, poll, select, pselect6, ppoll, epoll_wait, epoll_pwait */
	return nr == 0 || nr == 7 || nr == 23 || nr == 270 || nr == 271 || nr == 232 ||
	       nr == 281;
}

struct run {
	double first_frame; /* seconds, or < 0 when it never came */
	double cpu;         /* user + system seconds of the whole run */
	long maxrss_kb;
	long minflt;
	int ok;
};

static void put_key(int fd, char c)
{
	while (write(fd, &c, 1) < 0 && errno == EINTR)
		;
}

/* Waits until the program has written output since *seen_output was reset
 * and is back waiting for input. */
static int wait_idle(int fd, pid_t pid, int seen_output, double deadline)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read_some(fd, buf, sizeof buf, seen_output ? 0 : 50);
		if (n < 0)
			return 0;
		if (n > 0) {
			seen_output = 1;
			continue;
		}
		if (seen_output && waiting_for_input(pid)) {
			/* Nothing more came while we looked: it is idle. */
			n = read_some(fd, buf, sizeof buf, 0);
			if (n == 0)
				return 1;
			if (n < 0)
				return 0;
			continue;
		}
		if (now() > deadline)
			return 0;
		if (seen_output) {
			struct timespec ts = { 0, 200000 }; /* 0.2 ms */
			nanosleep(&ts, NULL);
		}
	}
}

static struct run run_once(char **argv)
{
	struct run r = { -1, 0, 0, 0, 0 };
	struct winsize ws = { .ws_row = (unsigned short)lines, .ws_col = (unsigned short)cols };
	int fd;
	double t0 = now();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("first_frame: forkpty");
		return r;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "first_frame: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	double deadline = t0 + timeout_s;
	/* Find the marker, which may straddle two reads. */
	size_t mlen = strlen(marker);
	char buf[65536 + 256];
	size_t keep = 0;
	int found = 0, ended = 0;
	while (!found && !ended) {
		int ms = (int)((deadline - now()) * 1000);
		if (ms <= 0)
			break;
		ssize_t n = read_some(fd, buf + keep, sizeof buf - 256 - keep, ms);
		if (n < 0) {
			ended = 1;
			break;
		}
		size_t have = keep + (size_t)n;
		if (memmem(buf, have, marker, mlen)) {
			r.first_frame = now() - t0;
			found = 1;
			break;
		}
		keep = have < mlen ? have : mlen - 1;
		memmove(buf, buf + have - keep, keep);
	}
	int ok = found;
	if (found && keys > 0) {
		ok = wait_idle(fd, pid, 1, now() + timeout_s);
		for (int i = 0; ok && i < keys; i++) {
			put_key(fd, i % 2 ? 'k' : 'j');
			ok = wait_idle(fd, pid, 0, now() + timeout_s);
		}
		if (!ok)
			fprintf(stderr, "first_frame: the session stalled\n");
	}
	if (ok)
		put_key(fd, 'q');
	else
		kill(pid, SIGKILL);
	/* Drain until the program closes the terminal, then reap it. */
	double end_by = now() + timeout_s;
	while (!ended && now() < end_by) {
		if (read_some(fd, buf, sizeof buf - 256, 100) < 0)
			ended = 1;
	}
	if (!ended)
		kill(pid, SIGKILL);
	int status = 0;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	close(fd);
	r.maxrss_kb = ru.ru_maxrss;
	r.minflt = ru.ru_minflt;
	r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	r.ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!found)
		fprintf(stderr, "first_frame: the marker '%s' never came\n", marker);
	else if (!r.ok)
		fprintf(stderr, "first_frame: the program did not end cleanly (status %d)\n",
			status);
	return r;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int runs = 10, warmup = 2, c;
	while ((c = getopt(argc, argv, "+r:w:s:m:c:l:t:va:")) != -1) {
		switch (c) {
		case 'r': runs = atoi(optarg); break;
		case 'w': warmup = atoi(optarg); break;
		case 's': keys = atoi(optarg); break;
		case 'm': marker = optarg; break;
		case 'c': cols = atoi(optarg); break;
		case 'l': lines = atoi(optarg); break;
		case 't': timeout_s = atof(optarg); break;
		case 'v': verbose = 1; break;
		case 'a': append_to = optarg; break;
		default:
			fprintf(stderr, "usage: first_frame [-r RUNS] [-w WARMUP] [-s KEYS] "
				"[-m MARKER] [-c COLS] [-l LINES] [-t SECONDS] [-v] [-a FILE] "
				"-- COMMAND...\n");
			return 2;
		}
	}
	if (optind >= argc || runs < 1 || !*marker) {
		fprintf(stderr, "first_frame: no command (first_frame -- COMMAND...)\n");
		return 2;
	}
	char **cmd = argv + optind;
	FILE *log = NULL;
	if (append_to && !(log = fopen(append_to, "a"))) {
		perror(append_to);
		return 2;
	}
	for (int i = 0; i < warmup; i++)
		if (!run_once(cmd).ok)
			return 1;
	double *t = calloc((size_t)runs, sizeof *t);
	double *cpu = calloc((size_t)runs, sizeof *cpu);
	long maxrss = 0, minflt = 0;
	double sum = 0;
	for (int i = 0; i < runs; i++) {
		struct run r = run_once(cmd);
		if (!r.ok)
			return 1;
		t[i] = r.first_frame;
		cpu[i] = r.cpu;
		sum += t[i];
		if (log)
			fprintf(log, "%.3f %.3f\n", t[i] * 1e3, cpu[i] * 1e3);
		if (r.maxrss_kb > maxrss)
			maxrss = r.maxrss_kb;
		if (r.minflt > minflt)
			minflt = r.minflt;
	}
	double mean = sum / runs, var = 0;
	for (int i = 0; i < runs; i++)
		var += (t[i] - mean) * (t[i] - mean);
	double sd = runs > 1 ? sqrt(var / (runs - 1)) : 0;
	qsort(t, (size_t)runs, sizeof *t, compare_double);
	qsort(cpu, (size_t)runs, sizeof *cpu, compare_double);
	double median = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
	double cpu_median = runs % 2 ? cpu[runs / 2] : (cpu[runs / 2 - 1] + cpu[runs / 2]) / 2;
	printf("runs=%d median_ms=%.3f mean_ms=%.3f stddev_ms=%.3f min_ms=%.3f max_ms=%.3f "
	       "cpu_ms=%.3f maxrss_kb=%ld minflt=%ld\n",
	       runs, median * 1e3, mean * 1e3, sd * 1e3, t[0] * 1e3, t[runs - 1] * 1e3,
	       cpu_median * 1e3, maxrss, minflt);
	free(t);
	free(cpu);
	if (log && fclose(log) != 0) {
		perror(append_to);
		return 1;
	}
	return 0;
}
