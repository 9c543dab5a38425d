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

/* "é" as "e" + U+0301 (NFD) and as U+00E9 (NFC). */
#define E_NFD "e\xCC\x81"
#define E_NFC "\xC3\xA9"

static void test_fold_nfd(void **state)
{
	(void)state;
	char *f = text_fold("Comp" E_NFD "tences acquises");
	assert_string_equal(f, "competences acquises");
	free(f);
	f = text_fold("E\xCC\x81LE\xCC\x80VE"); /* ÉLÈVE in NFD capitals */
	assert_string_equal(f, "eleve");
	free(f);
	/* a mark NFC cannot compose onto its letter goes too */
	f = text_fold("Q\xCC\x81uoi");
	assert_string_equal(f, "quoi");
	free(f);
}

/* text_is_clean is the two checks it stands for, in one pass. */
static void test_is_clean(void **state)
{
	(void)state;
	static const struct { const char *s; bool clean; } cases[] = {
		{ "plain ASCII\twith tab\n", true },
		{ "G\xC3\xA9rer l\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xF0\x9F\x93\x9A", true },
		{ "", true },
		{ "ESC \x1B[2J", false },
		{ "DEL \x7F", false },
		{ "CR \r", false },
		{ "C1 \xC2\x9B", false },
		{ "bidi \xE2\x80\xAE", false },
		{ "isolate \xE2\x81\xA6", false },
		{ "NFD e\xCC\x81", false },
		{ "ohm \xE2\x84\xA6", false },
		{ "not UTF-8 \xFF", false },
		{ "cut \xE2\x80", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i].s;
		size_t n = strlen(s);
		uint32_t cp;
		bool both = !text_find_control(s, n, &cp) && text_is_nfc(s, n);
		if (text_is_clean(s, n) != cases[i].clean || both != cases[i].clean)
			fail_msg("'%s': clean %d, the two checks %d, expected %d", s,
				 text_is_clean(s, n), both, cases[i].clean);
	}
}

static void test_nfc(void **state)
{
	(void)state;
	char *n = text_nfc("Comp" E_NFD "tences");
	assert_string_equal(n, "Comp" E_NFC "tences");
	free(n);
	n = text_nfc("\xE2\x84\xAB"); /* ANGSTROM SIGN is Å in NFC */
	assert_string_equal(n, "\xC3\x85");
	free(n);
	size_t len = 0;
	n = text_nfc_n("abc" E_NFD "xyz", 4 + 2, &len); /* "abc" + e + U+0301 */
	assert_string_equal(n, "abc" E_NFC);
	assert_int_equal(len, 5);
	free(n);
	/* the quick check: sure for Latin, punctuation and emoji only */
	static const char stable[] = "Caf\xC3\xA9 \xE2\x80\x99 \xE2\x98\x95 \xF0\x9F\x8F\x9B\xEF\xB8\x8F";
	assert_true(text_is_nfc(stable, strlen(stable)));
	n = text_nfc(stable);
	assert_string_equal(n, stable);
	free(n);
	assert_false(text_is_nfc("e\xCC\x81", 3));
	assert_false(text_is_nfc("\xE2\x84\xAB", 3));
	n = text_nfc("\xFFnot UTF-8 e\xCC\x81"); /* kept as it is */
	assert_string_equal(n, "\xFFnot UTF-8 e\xCC\x81");
	free(n);
}

static void test_visible_controls(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "a\x1b]0;title\x07" "b", "a^[]0;title^Gb" },
		{ "\x1b[2J\x1b[H", "^[[2J^[[H" },
		{ "tab\tand\nnewline kept", "tab\tand\nnewline kept" },
		{ "bs\x08 del\x7f cr\r", "bs^H del^? cr^M" },
		{ "C1 \xC2\x9B" "31m \xC2\x85 \xC2\x80", "C1 \xEF\xBF\xBD" "31m \xEF\xBF\xBD \xEF\xBF\xBD" },
		{ "\xC2\xA0 no-break space is text", "\xC2\xA0 no-break space is text" },
		{ "RLO \xE2\x80\xAE" "txt.exe PDI \xE2\x81\xA9", "RLO \xEF\xBF\xBD" "txt.exe PDI \xEF\xBF\xBD" },
		{ "dash \xE2\x80\x94 ellipsis \xE2\x80\xA6 kept", "dash \xE2\x80\x94 ellipsis \xE2\x80\xA6 kept" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *v = text_visible_controls(cases[i][0]);
		assert_string_equal(v, cases[i][1]);
		uint32_t cp;
		assert_null(text_find_control(v, strlen(v), &cp));
		free(v);
	}
	uint32_t cp = 0;
	const char *s = "ok \xC3\xA9 \xC2\x9D!";
	assert_ptr_equal(text_find_control(s, strlen(s), &cp), s + 6);
	assert_int_equal(cp, 0x9D);
	assert_true(text_is_control_cp(0x1B) && text_is_control_cp(0x7F) &&
		    text_is_control_cp(0x9F) && text_is_control_cp(0x00));
	assert_true(text_is_control_cp(0x202E) && text_is_control_cp(0x2066));
	assert_false(text_is_control_cp(0x2014) || text_is_control_cp(0x2026));
	assert_false(text_is_control_cp('\t') || text_is_control_cp('\n') ||
		     text_is_control_cp(0xA0) || text_is_control_cp(' '));
}

static void test_similar_title(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b;
		bool similar;
	} cases[] = {
		{ "Identifier quand et comment le ML peut être appliqué",
		  "Identifier quand et comment le ML peut être appliqué (cas concrets)", true },
		{ "Identifier quand et comment le ML peut être appliqué",
		  "identifier quand et comment le ML peut etre applique", true },
		{ "Apprentissage supervisé", "Apprentissage  supervise\xCC\x81 !", true },
		{ "Fondements du ML pour les PM", "Fondements de ML pour les PM", true },
		{ "Pipeline de ML : de la donnée au modèle",
		  "Pipeline de ML : des données au modèle", true },
		{ "Cas d'usage", "Études de cas d'usage réels", true },
		{ "Introduction", "Conclusion", false },
		{ "Identifier quand et comment le ML peut être appliqué",
		  "Éthique et gouvernance des données", false },
		{ "Apprentissage supervisé", "Apprentissage par renforcement", false },
		{ "IA", "Gestion de projets IA", false },   /* too short to tell */
		{ "ML", "ML", false },                      /* exact is matched elsewhere */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(text_similar_title(cases[i].a, cases[i].b), cases[i].similar);
		assert_int_equal(text_similar_title(cases[i].b, cases[i].a), cases[i].similar);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_is_clean),
		cmocka_unit_test(test_split_icon),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_fold_nfd),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_visible_controls),
		cmocka_unit_test(test_similar_title),
	};
	return RUN_TESTS(tests);
}
