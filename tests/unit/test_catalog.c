#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"

static void clear_env(void)
{
	unsetenv("CURSUS_PATH");
	unsetenv("CURSUS_SHIPPED_SPECS");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/nonexistent-home", 1);
}

static void load_dirs(struct catalog *cat, const char *const *names)
{
	struct strv dirs = {0};
	for (; *names; names++)
		strv_push(&dirs, fixture_path(*names));
	catalog_set_path(cat, &dirs, NULL);
	strv_free(&dirs);
	catalog_load(cat);
}

static void test_data_dirs_first_wins(void **state)
{
	(void)state;
	clear_env();
	struct catalog cat = {0};
	load_dirs(&cat, (const char *const[]){ "shadow1", SHIPPED_SPECS_DIR, NULL });
	assert_int_equal(cat.n_programs, 2);
	struct program *a = catalog_find(&cat, "P4-A");
	assert_non_null(a);
	assert_string_equal(a->title, "Shadowing copy of P4-A");
	assert_non_null(catalog_find(&cat, "p4-b")); /* ids match ignoring case */
	assert_int_equal(cat.diags.n, 0);
	catalog_free(&cat);

	load_dirs(&cat, (const char *const[]){ SHIPPED_SPECS_DIR, "shadow1", NULL });
	assert_string_equal(catalog_find(&cat, "P4-A")->title,
			    "AI Product Management Specialization");
	catalog_free(&cat);
}

static void test_broken_spec_does_not_hide_the_others(void **state)
{
	(void)state;
	clear_env();
	struct catalog cat = {0};
	load_dirs(&cat, (const char *const[]){ "mixed", NULL });
	assert_int_equal(cat.n_programs, 4);
	/* sorted naturally: DUP-A, GOOD-A, P9-A, P10-A */
	assert_string_equal(cat.programs[0]->id, "DUP-A");
	assert_string_equal(cat.programs[0]->title, "First duplicate");
	assert_string_equal(cat.programs[1]->id, "GOOD-A");
	assert_string_equal(cat.programs[2]->id, "P9-A");
	assert_string_equal(cat.programs[3]->id, "P10-A");
	assert_int_equal(cat.n_failed, 2);
	assert_int_equal(diag_count(&cat.diags, DIAG_ERROR), 2);
	bool broken = false, dup = false;
	for (size_t i = 0; i < cat.diags.n; i++) {
		const struct diag *d = &cat.diags.v[i];
		broken |= strstr(d->file, "broken.md") && d->line == 4 &&
			  strstr(d->message, "started on line 3");
		dup |= strstr(d->file, "dup2.md") &&
		       strstr(d->message, "id 'DUP-A' is already used by");
	}
	assert_true(broken);
	assert_true(dup);
	catalog_free(&cat);
}

static void test_cursus_path_and_xdg(void **state)
{
	(void)state;
	clear_env();
	char *s1 = fixture_path("shadow1"), *mixed = fixture_path("mixed");
	char *env = malloc(strlen(s1) + strlen(mixed) + 8);
	assert_non_null(env);
	sprintf(env, "%s::%s:", s1, mixed);
	setenv("CURSUS_PATH", env, 1);
	struct catalog cat = {0};
	catalog_set_path(&cat, NULL, NULL);
	assert_int_equal(cat.dirs.n, 2);
	assert_string_equal(cat.dirs.v[0], s1);
	assert_string_equal(cat.dirs.v[1], mixed);
	catalog_free(&cat);

	/* --data overrides CURSUS_PATH */
	struct strv data = {0};
	strv_push(&data, strdup(mixed));
	catalog_set_path(&cat, &data, NULL);
	assert_int_equal(cat.dirs.n, 1);
	assert_true(cat.dirs_explicit);
	catalog_free(&cat);
	strv_free(&data);

	/* without either: XDG_DATA_HOME, then the shipped specs */
	unsetenv("CURSUS_PATH");
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_int_equal(cat.dirs.n, 2);
	assert_string_equal(cat.dirs.v[0], "/xdg/data/cursus/specs");
	assert_string_equal(cat.dirs.v[1], CURSUS_PKGDATA_SPECS);
	catalog_free(&cat);

	/* CURSUS_SHIPPED_SPECS (set by the build's src/cursus) moves the
	 * shipped specs; a relative one is ignored, like XDG's */
	setenv("CURSUS_SHIPPED_SPECS", "/source/data/specs", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_int_equal(cat.dirs.n, 2);
	assert_string_equal(cat.dirs.v[1], "/source/data/specs");
	catalog_free(&cat);
	setenv("CURSUS_SHIPPED_SPECS", "data/specs", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_string_equal(cat.dirs.v[1], CURSUS_PKGDATA_SPECS);
	catalog_free(&cat);
	unsetenv("CURSUS_SHIPPED_SPECS");

	/* a relative XDG_DATA_HOME is ignored, as the XDG spec says */
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/learner", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_string_equal(cat.dirs.v[0], "/home/learner/.local/share/cursus/specs");
	catalog_free(&cat);
	free(env);
	free(s1);
	free(mixed);
}

static void test_missing_dirs(void **state)
{
	(void)state;
	clear_env();
	struct catalog cat = {0};
	/* a directory of the default path that does not exist is skipped */
	setenv("XDG_DATA_HOME", "/nonexistent/data", 1);
	setenv("CURSUS_SHIPPED_SPECS", "/nonexistent/shipped", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_true(catalog_load(&cat));
	assert_int_equal(cat.diags.n, 0);
	catalog_free(&cat);
	/* one of CURSUS_PATH is skipped with a warning: it was named */
	setenv("CURSUS_PATH", "/nonexistent/specs", 1);
	catalog_set_path(&cat, NULL, NULL);
	assert_true(catalog_load(&cat));
	assert_int_equal(cat.diags.n, 1);
	assert_int_equal(cat.diags.v[0].severity, DIAG_WARNING);
	assert_string_equal(cat.diags.v[0].file, "/nonexistent/specs");
	catalog_free(&cat);
	/* an explicit one is an error */
	struct strv data = {0};
	strv_push(&data, strdup("/nonexistent/specs"));
	catalog_set_path(&cat, &data, NULL);
	assert_false(catalog_load(&cat));
	assert_int_equal(diag_count(&cat.diags, DIAG_ERROR), 1);
	assert_non_null(strstr(cat.diags.v[0].message, "cannot read directory"));
	catalog_free(&cat);
	strv_free(&data);
}

static void test_id_compare(void **state)
{
	(void)state;
	assert_true(catalog_id_compare("P9-A", "P10-A") < 0);
	assert_true(catalog_id_compare("P4-A", "P4-B") < 0);
	assert_true(catalog_id_compare("p4-a", "P4-A") == 0);
	assert_true(catalog_id_compare("P4", "P4-A") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_dirs_first_wins),
		cmocka_unit_test(test_broken_spec_does_not_hide_the_others),
		cmocka_unit_test(test_cursus_path_and_xdg),
		cmocka_unit_test(test_missing_dirs),
		cmocka_unit_test(test_id_compare),
	};
	return RUN_TESTS(tests);
}
