#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "user_config.h"

static void clear_env(void)
{
	unsetenv("CURSUS_CONFIG");
	unsetenv("CURSUS_PATH");
	unsetenv("CURSUS_SHIPPED_SPECS");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/learner", 1);
}

/* Parses text as the file /etc/learner/config; true when it is good. */
static bool parse(struct user_config *conf, struct diag_list *diags, const char *text)
{
	return user_config_parse(conf, text, strlen(text), "/etc/learner/config", diags);
}

static void test_data_as_one_string(void **state)
{
	(void)state;
	clear_env();
	struct user_config conf;
	struct diag_list diags = {0};
	assert_true(parse(&conf, &diags, "# my vault\ndata: /srv/notes\n"));
	assert_int_equal(diags.n, 0);
	assert_string_equal(conf.file, "/etc/learner/config");
	assert_int_equal(conf.n_data, 1);
	assert_string_equal(conf.data[0].path, "/srv/notes");
	assert_int_equal(conf.data[0].line, 2);
	assert_false(conf.no_color);
	user_config_free(&conf);
}

static void test_data_as_a_list(void **state)
{
	(void)state;
	clear_env();
	struct user_config conf;
	struct diag_list diags = {0};
	assert_true(parse(&conf, &diags,
			  "data:\n"
			  "  - /srv/notes\n"
			  "  - Formations\n"
			  "  - \"with space/x\"\n"
			  "color: true\n"));
	assert_int_equal(diags.n, 0);
	assert_int_equal(conf.n_data, 3);
	assert_string_equal(conf.data[0].path, "/srv/notes");
	/* relative: from the configuration's folder, not the current one */
	assert_string_equal(conf.data[1].path, "/etc/learner/Formations");
	assert_string_equal(conf.data[2].path, "/etc/learner/with space/x");
	assert_int_equal(conf.data[0].line, 2);
	assert_int_equal(conf.data[1].line, 3);
	assert_int_equal(conf.data[2].line, 4);
	user_config_free(&conf);

	/* the flow form is the same list */
	assert_true(parse(&conf, &diags, "data: [/a, /b]\n"));
	assert_int_equal(conf.n_data, 2);
	assert_string_equal(conf.data[1].path, "/b");
	user_config_free(&conf);
	assert_int_equal(diags.n, 0);
}

static void test_home_expanded(void **state)
{
	(void)state;
	clear_env();
	static const struct {
		const char *value;
		const char *path;
	} cases[] = {
		{ "~", "/home/learner" },
		{ "~/Notes/Formations", "/home/learner/Notes/Formations" },
		{ "$HOME/Notes", "/home/learner/Notes" },
		{ "${HOME}/Notes", "/home/learner/Notes" },
		{ "$HOME", "/home/learner" },
		{ "~root/notes", NULL }, /* root's home, whatever it is here */
		/* only a whole $HOME, and only at the start */
		{ "$HOMEWORK/x", "/etc/learner/$HOMEWORK/x" },
		{ "x/~/y", "/etc/learner/x/~/y" },
		{ "/a/$HOME", "/a/$HOME" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = NULL;
		assert_true(asprintf(&text, "data: \"%s\"\n", cases[i].value) > 0);
		struct user_config conf;
		struct diag_list diags = {0};
		assert_true(parse(&conf, &diags, text));
		assert_int_equal(conf.n_data, 1);
		if (cases[i].path)
			assert_string_equal(conf.data[0].path, cases[i].path);
		else
			assert_true(conf.data[0].path[0] == '/' &&
				    strstr(conf.data[0].path, "~") == NULL);
		user_config_free(&conf);
		free(text);
	}

	/* a user that does not exist is an error at its line */
	struct user_config conf;
	struct diag_list diags = {0};
	assert_false(parse(&conf, &diags, "color: on\ndata: ~no-such-user-here/x\n"));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	assert_int_equal(diags.v[0].line, 2);
	assert_non_null(strstr(diags.v[0].message, "no user 'no-such-user-here'"));
	diag_free(&diags);
}

static void test_unknown_key_is_a_warning(void **state)
{
	(void)state;
	clear_env();
	struct user_config conf;
	struct diag_list diags = {0};
	assert_true(parse(&conf, &diags,
			  "data: /srv/notes\n"
			  "colour: false\n"
			  "editor:\n"
			  "  name: vim\n"
			  "  args: [-u, NONE]\n"
			  "color: false\n"));
	assert_int_equal(diags.n, 2);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 2);
	assert_string_equal(diags.v[0].file, "/etc/learner/config");
	assert_int_equal(diags.v[0].line, 2);
	assert_non_null(strstr(diags.v[0].message, "unknown key 'colour'"));
	assert_int_equal(diags.v[1].line, 3);
	assert_non_null(strstr(diags.v[1].message, "unknown key 'editor'"));
	/* the rest of the file is read: the nested value was skipped whole */
	assert_int_equal(conf.n_data, 1);
	assert_true(conf.no_color);
	user_config_free(&conf);
	diag_free(&diags);
}

static void test_broken_files(void **state)
{
	(void)state;
	clear_env();
	static const struct {
		const char *text;
		int line;
		const char *says;
	} cases[] = {
		{ "data:\n  a: 1\n", 2, "not a mapping" },
		{ "color: true\ndata: {a: 1}\n", 2, "not a mapping" },
		{ "data: /srv\ncolor: maybe\n", 2, "color 'maybe' is not true or false" },
		{ "color: 1\n", 1, "color '1'" },
		{ "color: [true]\n", 1, "color must be true or false" },
		{ "data:\n\t- /srv\n", 2, "a tab indents this line" },
		/* a tab inside a block scalar: named on its own line */
		{ "data: |\n  a\n\tb\n", 3, "a tab indents this line" },
		{ "data: /srv\n---\ncolor: true\n", 2, "a second YAML document" },
		{ "data: /a\ncolor: off\ndata: /b\n", 3, "'data' is given twice (first on line 1)" },
		{ "data: [/a, [/b]]\n", 1, "not a list" },
		{ "data:\n  - /a\n  -\n", 3, "a data directory is empty" },
		/* a quote left open: named where it opens, not at the end */
		{ "data: \"/a\n", 1, "while scanning a quoted scalar" },
		{ "data: [/a\n", 2, "not valid YAML" },
		{ "just words\n", 1, "must be keys and values" },
		{ "- /srv/notes\n", 1, "must be keys and values" },
		{ "? [a, b]\n: c\n", 1, "a key must be a plain word" },
		{ "data: \xff\n", 1, "not valid YAML" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct user_config conf;
		struct diag_list diags = {0};
		bool ok = parse(&conf, &diags, cases[i].text);
		if (ok || diags.n != 1 || diags.v[0].line != cases[i].line ||
		    !strstr(diags.v[0].message, cases[i].says)) {
			print_error("case %zu: %s gave %zu diagnostics, first: line %d: %s\n", i,
				    cases[i].text, diags.n, diags.n ? diags.v[0].line : 0,
				    diags.n ? diags.v[0].message : "(none)");
			fail();
		}
		assert_int_equal(diags.v[0].severity, DIAG_ERROR);
		assert_string_equal(diags.v[0].file, "/etc/learner/config");
		/* nothing of a broken file is kept, not even its good first half */
		assert_null(conf.file);
		assert_int_equal(conf.n_data, 0);
		assert_false(conf.no_color);
		diag_free(&diags);
	}

	/* the warning about an unknown key is dropped when the file breaks */
	struct user_config conf;
	struct diag_list diags = {0};
	assert_false(parse(&conf, &diags, "colour: off\ncolor: maybe\n"));
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].line, 2);
	diag_free(&diags);
}

static void test_color_values(void **state)
{
	(void)state;
	clear_env();
	static const struct {
		const char *value;
		bool no_color;
	} cases[] = {
		{ "true", false }, { "True", false }, { "yes", false }, { "on", false },
		{ "ON", false }, { "\"true\"", false },
		{ "false", true }, { "FALSE", true }, { "no", true }, { "No", true },
		{ "off", true }, { "'off'", true },
		{ "", false }, { "~", false }, { "null", false }, /* no value: the default */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = NULL;
		assert_true(asprintf(&text, "color: %s\n", cases[i].value) > 0);
		struct user_config conf;
		struct diag_list diags = {0};
		assert_true(parse(&conf, &diags, text));
		assert_int_equal(diags.n, 0);
		if (conf.no_color != cases[i].no_color)
			fail_msg("color: %s gave no_color %d", cases[i].value, conf.no_color);
		user_config_free(&conf);
		free(text);
	}
}

static void test_empty_files(void **state)
{
	(void)state;
	clear_env();
	static const char *const texts[] = {
		"", "\n", "# nothing yet\n", "---\n", "---\n...\n", "data:\ncolor:\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct user_config conf;
		struct diag_list diags = {0};
		assert_true(parse(&conf, &diags, texts[i]));
		assert_int_equal(diags.n, 0);
		assert_int_equal(conf.n_data, 0);
		assert_false(conf.no_color);
		user_config_free(&conf);
	}
}

static void test_which_file(void **state)
{
	(void)state;
	clear_env();
	bool required;
	char *path = user_config_path(NULL, &required);
	assert_string_equal(path, "/home/learner/.config/cursus/config");
	assert_false(required);
	free(path);

	setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
	path = user_config_path(NULL, &required);
	assert_string_equal(path, "/xdg/config/cursus/config");
	assert_false(required);
	free(path);

	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "relative/config", 1);
	path = user_config_path(NULL, &required);
	assert_string_equal(path, "/home/learner/.config/cursus/config");
	free(path);

	/* CURSUS_CONFIG names the file (an empty one is not set) */
	setenv("CURSUS_CONFIG", "", 1);
	path = user_config_path(NULL, &required);
	assert_string_equal(path, "/home/learner/.config/cursus/config");
	free(path);
	setenv("CURSUS_CONFIG", "/env/config.yaml", 1);
	path = user_config_path(NULL, &required);
	assert_string_equal(path, "/env/config.yaml");
	assert_true(required);
	free(path);

	/* --config wins over all of them */
	path = user_config_path("given.yaml", &required);
	assert_string_equal(path, "given.yaml");
	assert_true(required);
	free(path);
}

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/cursus-config-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return strdup(tmpl);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_loading_files(void **state)
{
	(void)state;
	clear_env();
	char *dir = temp_dir();
	char *file = NULL, *missing = NULL;
	assert_true(asprintf(&file, "%s/config", dir) > 0);
	assert_true(asprintf(&missing, "%s/none", dir) > 0);
	struct user_config conf;
	struct diag_list diags = {0};

	/* the default file missing: no configuration, nothing to say */
	assert_true(user_config_load(&conf, missing, false, &diags));
	assert_int_equal(diags.n, 0);
	assert_null(conf.file);
	assert_int_equal(conf.n_data, 0);
	/* a file that was named (--config, CURSUS_CONFIG) must be there */
	assert_false(user_config_load(&conf, missing, true, &diags));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	assert_string_equal(diags.v[0].file, missing);
	assert_non_null(strstr(diags.v[0].message, "No such file"));
	diag_free(&diags);
	/* a directory is not a configuration, named or not */
	assert_false(user_config_load(&conf, dir, false, &diags));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	diag_free(&diags);

	/* a relative data directory is found beside the file */
	write_text(file, "data: Notes\ncolor: no\n");
	assert_true(user_config_load(&conf, file, false, &diags));
	assert_int_equal(diags.n, 0);
	assert_string_equal(conf.file, file);
	char *notes = NULL;
	assert_true(asprintf(&notes, "%s/Notes", dir) > 0);
	assert_string_equal(conf.data[0].path, notes);
	assert_true(conf.no_color);
	user_config_free(&conf);

	/* /dev/null: the way to say "no configuration" */
	assert_true(user_config_load(&conf, "/dev/null", true, &diags));
	assert_int_equal(diags.n, 0);
	assert_int_equal(conf.n_data, 0);
	user_config_free(&conf);

	unlink(file);
	rmdir(dir);
	free(notes);
	free(file);
	free(missing);
	free(dir);
}

/* PRODUCT.md §1: --data, else CURSUS_PATH, else the configuration's data,
 * else XDG_DATA_HOME's specs and the shipped ones. */
static void test_search_order(void **state)
{
	(void)state;
	clear_env();
	char *ok = fixture_path("ok"), *mixed = fixture_path("mixed");
	char *text = NULL;
	assert_true(asprintf(&text, "data:\n  - %s\n  - %s\n", ok, mixed) > 0);
	struct user_config conf;
	struct diag_list diags = {0};
	assert_true(parse(&conf, &diags, text));

	struct catalog cat = {0};
	assert_true(catalog_set_path(&cat, NULL, &conf));
	assert_int_equal(cat.dirs.n, 2);
	assert_string_equal(cat.dirs.v[0], ok);
	assert_string_equal(cat.dirs.v[1], mixed);
	assert_true(cat.dirs_explicit);
	catalog_free(&cat);

	setenv("CURSUS_PATH", "/from/env", 1);
	assert_true(catalog_set_path(&cat, NULL, &conf));
	assert_int_equal(cat.dirs.n, 1);
	assert_string_equal(cat.dirs.v[0], "/from/env");
	catalog_free(&cat);

	struct strv data = {0};
	strv_push(&data, strdup("/from/option"));
	assert_true(catalog_set_path(&cat, &data, &conf));
	assert_int_equal(cat.dirs.n, 1);
	assert_string_equal(cat.dirs.v[0], "/from/option");
	catalog_free(&cat);
	strv_free(&data);

	/* no configured data: as before there was a configuration */
	unsetenv("CURSUS_PATH");
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	struct user_config empty;
	assert_true(parse(&empty, &diags, "color: off\n"));
	cat = (struct catalog){0};
	assert_true(catalog_set_path(&cat, NULL, &empty));
	assert_int_equal(cat.dirs.n, 2);
	assert_string_equal(cat.dirs.v[0], "/xdg/data/cursus/specs");
	assert_string_equal(cat.dirs.v[1], CURSUS_PKGDATA_SPECS);
	assert_false(cat.dirs_explicit);
	catalog_free(&cat);
	user_config_free(&empty);

	user_config_free(&conf);
	free(text);
	free(ok);
	free(mixed);
}

static void test_missing_configured_dir(void **state)
{
	(void)state;
	clear_env();
	char *ok = fixture_path("ok");
	char *text = NULL;
	assert_true(asprintf(&text, "color: true\ndata:\n  - %s\n  - /nonexistent/vault\n", ok) > 0);
	struct user_config conf;
	struct diag_list diags = {0};
	assert_true(parse(&conf, &diags, text));
	struct catalog cat = {0};
	assert_false(catalog_set_path(&cat, NULL, &conf));
	assert_int_equal(diag_count(&cat.diags, DIAG_ERROR), 1);
	assert_string_equal(cat.diags.v[0].file, "/etc/learner/config");
	assert_int_equal(cat.diags.v[0].line, 4);
	assert_non_null(strstr(cat.diags.v[0].message, "'/nonexistent/vault'"));
	/* the directories that are there stay on the path */
	assert_int_equal(cat.dirs.n, 1);
	assert_string_equal(cat.dirs.v[0], ok);
	catalog_free(&cat);

	/* overridden by --data, the configured directories are not looked at */
	struct strv data = {0};
	strv_push(&data, strdup(ok));
	assert_true(catalog_set_path(&cat, &data, &conf));
	assert_int_equal(cat.diags.n, 0);
	catalog_free(&cat);
	strv_free(&data);
	user_config_free(&conf);
	free(text);
	free(ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_as_one_string),
		cmocka_unit_test(test_data_as_a_list),
		cmocka_unit_test(test_home_expanded),
		cmocka_unit_test(test_unknown_key_is_a_warning),
		cmocka_unit_test(test_broken_files),
		cmocka_unit_test(test_color_values),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_which_file),
		cmocka_unit_test(test_loading_files),
		cmocka_unit_test(test_search_order),
		cmocka_unit_test(test_missing_configured_dir),
	};
	return RUN_TESTS(tests);
}
