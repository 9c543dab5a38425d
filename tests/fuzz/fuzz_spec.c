/* libFuzzer target: the spec reader on a whole file, then the outline,
 * completion and plan built on what it read. The reader works on paths,
 * so the input is written to one temporary file per process. */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "completion.h"
#include "diag.h"
#include "outline.h"
#include "plan.h"
#include "spec.h"

static char spec_path[4096];
static int spec_fd = -1;

static void remove_spec_file(void)
{
	if (spec_fd >= 0)
		unlink(spec_path);
}

/* /dev/shm keeps the file off the disk; TMPDIR or /tmp otherwise. */
static void open_spec_file(void)
{
	const char *dirs[] = { "/dev/shm", getenv("TMPDIR"), "/tmp" };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && spec_fd < 0; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(spec_path, sizeof spec_path, "%s/fuzz_spec.XXXXXX", dirs[i]);
		spec_fd = mkstemp(spec_path);
	}
	if (spec_fd < 0) {
		perror("fuzz_spec: mkstemp");
		abort();
	}
	/* libFuzzer leaves by _exit() on a timeout or when out of memory, so
	 * the file is unlinked now and read through /proc where it can be. */
	char proc_path[64];
	snprintf(proc_path, sizeof proc_path, "/proc/self/fd/%d", spec_fd);
	if (access(proc_path, R_OK) == 0 && unlink(spec_path) == 0)
		snprintf(spec_path, sizeof spec_path, "%s", proc_path);
	else
		atexit(remove_spec_file);
}

static void write_spec_file(const uint8_t *data, size_t size)
{
	size_t done = 0;
	while (done < size) {
		ssize_t n = pwrite(spec_fd, data + done, size - done, (off_t)done);
		if (n <= 0) {
			perror("fuzz_spec: pwrite");
			abort();
		}
		done += (size_t)n;
	}
	if (ftruncate(spec_fd, (off_t)size) != 0) {
		perror("fuzz_spec: ftruncate");
		abort();
	}
}

/* The model on a loaded program: arithmetic on odd specs (no courses,
 * huge hours) must neither crash nor loop. */
static void exercise_model(const struct program *p)
{
	struct outline o;
	outline_build(&o, p);
	struct completion c;
	completion_compute(&c, &o, NULL);
	struct plan pl;
	char *err = NULL;
	if (plan_build(&pl, p, &o, NULL, &c, (struct date){ 2026, 11, 24 }, &err))
		plan_free(&pl);
	free(err);
	completion_free(&c);
	outline_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (spec_fd < 0)
		open_spec_file();
	write_spec_file(data, size);

	struct diag_list diags = {0};
	struct program *p = spec_load(spec_path, &diags);
	if (p)
		exercise_model(p);
	spec_free(p);
	diag_free(&diags);

	p = spec_load_front(spec_path, &diags);
	if (p && spec_load_body(p, &diags))
		exercise_model(p);
	spec_free(p);
	diag_free(&diags);
	return 0;
}
