#include "config.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "width.h"

static void test_fold(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "Compétences acquises", "competences acquises" },
		{ "PROFIL IDÉAL", "profil ideal" },
		{ "Points d’attention", "points d'attention" },
		{ "Œuvre Æsir straße", "oeuvre aesir strasse" },
		{ "Ça, Ñandú, Ōsaka, Łódź", "ca, nandu, osaka, lodz" },
		{ "🏛️ Duke", "🏛️ duke" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = text_fold(cases[i][0]);
		assert_string_equal(f, cases[i][1]);
		free(f);
	}
	assert_true(text_has_prefix_word("programme (3 cours)", "programme"));
	assert_false(text_has_prefix_word("programmes", "programme"));
	assert_true(text_has_prefix_word("profil ideal pour", "profil ideal"));
}

/* A byte that is not UTF-8: folding keeps it, the ASCII form shows '?'. */
static void test_invalid_bytes(void **state)
{
	(void)state;
	char *folded = text_fold("\xC9T\xFF\xC3\xA9");
	assert_string_equal(folded, "\xC9t\xFF" "e");
	free(folded);
	char *ascii = text_ascii("\xC9T\xFF\xC3\xA9");
	assert_string_equal(ascii, "?T?e");
	free(ascii);
}

static void test_split_icon(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
		{ "🏛️ Duke University", "🏛️", "Duke University" },
		{ "👨‍🏫 Instructeur", "👨‍🏫", "Instructeur" },
		{ "✅ Choisir Duke si :", "✅", "Choisir Duke si :" },
		{ "⚠️ Points d'attention", "⚠️", "Points d'attention" },
		{ "  Description  ", NULL, "Description" },
		{ "Élan 🚀", NULL, "Élan 🚀" },
		{ "🇫🇷 France", "🇫🇷", "France" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *icon, *title;
		text_split_icon(cases[i][0], &icon, &title);
		if (cases[i][1])
			assert_string_equal(icon, cases[i][1]);
		else
			assert_null(icon);
		assert_string_equal(title, cases[i][2]);
		free(icon);
		free(title);
	}
}

static void test_ascii(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "Gérer les projets d’IA", "Gerer les projets d'IA" },
		{ "À choisir (Option A)", "A choisir (Option A)" },
		{ "Œuvre, Ĺubica, Łódź, ÉTÉ", "Oeuvre, Lubica, Lodz, ETE" },
		{ "🏛️ Duke – 5 € « ok »…", " Duke - 5 EUR \" ok \"..." },
		{ "日本", "??" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *a = text_ascii(cases[i][0]);
		assert_string_equal(a, cases[i][1]);
		free(a);
	}
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(width_of("abc"), 3);
	assert_int_equal(width_of("équipe"), 6);
	assert_int_equal(width_of("日本語"), 6);
	assert_int_equal(width_of("🚀"), 2);
	/* wcwidth's answer for a text-style emoji with VS16; terminals differ */
	assert_int_equal(width_of("🏛️"), 1);
	assert_int_equal(width_of("e\xCC\x81"), 1); /* e + combining acute */
	assert_int_equal(width_of("\xFF"), 1);       /* invalid byte: one column */
}

static void test_truncate(void **state)
{
	(void)state;
	char *t = width_truncate("Fondements de l'apprentissage", 12, 0);
	assert_string_equal(t, "Fondements …");
	assert_int_equal(width_of(t), 12);
	free(t);
	t = width_truncate("日本語のテキスト", 7, 0);
	assert_string_equal(t, "日本語…"); /* never half a wide character */
	free(t);
	t = width_truncate("Élève", 4, 1);
	assert_string_equal(t, "Élè~");
	free(t);
	t = width_truncate("short", 10, 0);
	assert_string_equal(t, "short");
	free(t);
	/* a variation selector stays with its emoji */
	assert_int_equal(width_prefix_bytes("🏛️x", 1), strlen("🏛️"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_split_icon),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_invalid_bytes),
	};
	return RUN_TESTS(tests);
}
