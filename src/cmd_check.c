#include "config.h"
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* Ids must be unique within a directory; across directories the first
 * shadows the others, which is allowed. */
static bool same_directory(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	size_t la = sa ? (size_t)(sa - a) : 0, lb = sb ? (size_t)(sb - b) : 0;
	return la == lb && strncmp(a, b, la) == 0;
}

/* Reads one spec completely and says what it holds. */
static bool check_file(const char *path, struct diag_list *diags, struct strv *ids,
		       struct strv *id_paths)
{
	size_t before = diag_count(diags, DIAG_ERROR);
	struct program *p = spec_load(path, diags);
	if (!p)
		return false;
	for (size_t i = 0; i < ids->n; i++) {
		if (strcasecmp(ids->v[i], p->id) == 0 && same_directory(path, id_paths->v[i])) {
			diag_add(diags, DIAG_ERROR, path, 0, "id '%s' is also used by %s",
				 p->id, id_paths->v[i]);
			break;
		}
	}
	bool ok = diag_count(diags, DIAG_ERROR) == before;
	if (ok) {
		size_t topics = 0;
		for (size_t i = 0; i < p->n_courses; i++)
			topics += spec_count_topics(p->courses[i].topics, p->courses[i].n_topics);
		printf("%s: ok (%s, %zu course%s, %zu topic%s)\n", path, p->id,
		       p->n_courses, p->n_courses == 1 ? "" : "s", topics,
		       topics == 1 ? "" : "s");
		strv_push(ids, xstrdup(p->id));
		strv_push(id_paths, xstrdup(path));
	}
	spec_free(p);
	return ok;
}

/* Without FILE arguments: every spec file of every directory on the path,
 * shadowed ones included, since they are still files someone may edit. */
static void path_files(struct cli *cli, struct strv *files, struct diag_list *diags)
{
	struct catalog cat = {0};
	if (!catalog_set_path(&cat, &cli->data_dirs, &cli->config))
		for (size_t i = 0; i < cat.diags.n; i++)
			diag_add(diags, DIAG_ERROR, cat.diags.v[i].file, cat.diags.v[i].line,
				 "%s", cat.diags.v[i].message);
	for (size_t i = 0; i < cat.dirs.n; i++) {
		int err = 0;
		struct strv dir_files = {0};
		if (!catalog_dir_files(cat.dirs.v[i], &dir_files, &err)) {
			if (cat.dirs_explicit)
				diag_add(diags, DIAG_ERROR, cat.dirs.v[i], 0,
					 "cannot read directory: %s", strerror(err));
			continue;
		}
		for (size_t k = 0; k < dir_files.n; k++)
			strv_push(files, dir_files.v[k]);
		free(dir_files.v);
	}
	catalog_free(&cat);
}

int cmd_check(struct cli *cli)
{
	struct diag_list diags = {0};
	struct strv files = {0}, ids = {0}, id_paths = {0};
	if (cli->argc > 0)
		for (int i = 0; i < cli->argc; i++)
			strv_push(&files, xstrdup(cli->argv[i]));
	else
		path_files(cli, &files, &diags);

	size_t bad = 0;
	for (size_t i = 0; i < files.n; i++) {
		if (!check_file(files.v[i], &diags, &ids, &id_paths))
			bad++;
	}
	diag_print(&diags, stderr, DIAG_WARNING);
	int status = bad > 0 || diag_count(&diags, DIAG_ERROR) > 0 ? 1 : 0;
	if (files.n == 0 && status == 0)
		fprintf(stderr, "cursus: no spec files found\n");
	diag_free(&diags);
	strv_free(&files);
	strv_free(&ids);
	strv_free(&id_paths);
	return status;
}
