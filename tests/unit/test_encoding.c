#include "config.h"
#include "unit.h"
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "utf8.h"

static struct decoded_text decode_ok(const char *bytes, size_t len)
{
	struct decoded_text dt;
	size_t bad = 0;
	enum encoding_status st = encoding_decode(bytes, len, &dt, &bad);
	if (st != ENCODING_OK)
		fail_msg("decode failed with status %d at %zu", st, bad);
	return dt;
}

/* The learner's real file comes out exactly as the shipped spec. */
static void test_seed_repairs_to_shipped_spec(void **state)
{
	(void)state;
	size_t raw_len, want_len;
	char *raw = fixture_read("P4-A.as-received.md", &raw_len);
	char *want = fixture_read(SHIPPED_SPECS_DIR "/P4-A.md", &want_len);
	struct decoded_text dt = decode_ok(raw, raw_len);
	assert_int_equal(dt.repair.kind, MOJIBAKE_MAC_ROMAN);
	assert_int_equal(dt.repair.passes, 1);
	assert_true(dt.repair.sequences > 100);
	assert_int_equal(dt.len, want_len);
	assert_memory_equal(dt.text, want, want_len);
	assert_non_null(strstr(dt.text, "Fondements de l'apprentissage automatique pour les chefs de produit"));
	assert_non_null(strstr(dt.text, "Facteurs humains dans l'IA"));
	assert_non_null(strstr(dt.text, "\xC3\x80 choisir (Option A)"));
	assert_non_null(strstr(dt.text, "# \xF0\x9F\x8F\x9B\xEF\xB8\x8F Duke")); /* 🏛️ */
	assert_non_null(strstr(dt.text, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x8F\xAB Instructeur")); /* 👨‍🏫 */
	assert_int_equal(encoding_suspects(dt.text, dt.len), 0);
	free(dt.text);
	free(raw);
	free(want);
}

/* Clean text, French and emoji alike, is left exactly as it is. */
static void test_clean_text_untouched(void **state)
{
	(void)state;
	size_t len;
	char *clean = fixture_read(SHIPPED_SPECS_DIR "/P4-B.md", &len);
	size_t out_len;
	struct repair_report rep;
	assert_null(encoding_repair(clean, len, &out_len, &rep));
	assert_int_equal(rep.sequences, 0);
	static const char *const french[] = {
		"Élève à l'école, déjà là : « ça va » — 5 €, 👨‍🏫 ✅ ⚠️",
		"l’été, l’équipe, d’où, qu’à", /* "’é" is Mac Roman for U+054E */
		"Ça, Öl, Ñandú, Æsir, Œuvre, ß",
		"Prix : 49 $ ou 45 € · 4,7/5 ★",
	};
	for (size_t i = 0; i < sizeof french / sizeof french[0]; i++)
		if (encoding_repair(french[i], strlen(french[i]), &out_len, &rep))
			fail_msg("clean text was changed: %s", french[i]);
	free(clean);
}

static void test_windows_1252_repair(void **state)
{
	(void)state;
	/* "Spécialisation – à la carte, l’été" seen through Windows-1252 */
	const char *damaged = "Sp\xC3\x83\xC2\xA9" "cialisation \xC3\xA2\xE2\x82\xAC\xE2\x80\x9C "
			      "\xC3\x83\xC2\xA0 la carte, l\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"
			      "\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9";
	struct decoded_text dt = decode_ok(damaged, strlen(damaged));
	assert_int_equal(dt.repair.kind, MOJIBAKE_WINDOWS_1252);
	assert_string_equal(dt.text, "Spécialisation – à la carte, l’été");
	assert_int_equal(dt.repair.sequences, 6);
	free(dt.text);
}

static void test_latin1_c1_controls_repair(void **state)
{
	(void)state;
	/* "À" is C3 80; through Latin-1 the 0x80 stays a C1 control U+0080 */
	const char *damaged = "\xC3\x83\xC2\x80 choisir";
	struct decoded_text dt = decode_ok(damaged, strlen(damaged));
	assert_string_equal(dt.text, "À choisir");
	free(dt.text);
}

static void test_double_damage_repaired_in_two_passes(void **state)
{
	(void)state;
	/* "é" -> Mac Roman "√©" -> Mac Roman again */
	const char *twice = "caf\xE2\x80\x9A\xC3\xA0\xC3\xB6\xC2\xAC\xC2\xA9 "
			    "cr\xE2\x80\x9A\xC3\xA0\xC3\xB6\xC2\xAC\xC3\x86me";
	struct decoded_text dt = decode_ok(twice, strlen(twice));
	assert_string_equal(dt.text, "café crème");
	assert_int_equal(dt.repair.passes, 2);
	free(dt.text);
}

static void test_mixed_clean_and_damaged(void **state)
{
	(void)state;
	/* one clean "é", one damaged "√©" on the same line */
	const char *mixed = "d\xC3\xA9j\xC3\xA0 vu, d\xE2\x88\x9A\xC2\xA9j\xE2\x88\x9A\xE2\x80\xA0 vu";
	struct decoded_text dt = decode_ok(mixed, strlen(mixed));
	assert_string_equal(dt.text, "déjà vu, déjà vu");
	free(dt.text);
}

static void test_bom_and_line_ends(void **state)
{
	(void)state;
	const char *in = "\xEF\xBB\xBFline one\r\nline two\rline three\n";
	struct decoded_text dt = decode_ok(in, strlen(in));
	assert_true(dt.had_bom);
	assert_true(dt.had_crlf);
	assert_string_equal(dt.text, "line one\nline two\nline three\n");
	free(dt.text);
	static const struct { const char *in, *out; bool cr; } ends[] = {
		{ "no CR at all\n", "no CR at all\n", false },
		{ "\r\nfirst", "\nfirst", true },
		{ "last\r", "last\n", true },
		{ "a\r\r\nb", "a\n\nb", true },
	};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		dt = decode_ok(ends[i].in, strlen(ends[i].in));
		assert_string_equal(dt.text, ends[i].out);
		assert_int_equal(dt.len, strlen(ends[i].out));
		assert_int_equal(dt.had_crlf, ends[i].cr);
		free(dt.text);
	}
}

static void test_invalid_utf8_offset(void **state)
{
	(void)state;
	static const struct { const char *bytes; size_t offset; } cases[] = {
		{ "Caf\xE9 latin-1", 3 },
		{ "ok \xC0\xAF overlong", 3 },
		{ "ok \xED\xA0\x80 surrogate", 3 },
		{ "ok \xF4\x90\x80\x80 too high", 3 },
		{ "truncated \xE2\x88", 10 },
		{ "\xEF\xBB\xBF" "bom then \xFF", 12 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct decoded_text dt;
		size_t bad = 999;
		size_t len = strlen(cases[i].bytes);
		assert_int_equal(encoding_decode(cases[i].bytes, len, &dt, &bad),
				 ENCODING_INVALID_UTF8);
		if (bad != cases[i].offset)
			fail_msg("case %zu: offset %zu, expected %zu", i, bad, cases[i].offset);
		assert_null(dt.text);
	}
}

static void test_nul_byte(void **state)
{
	(void)state;
	struct decoded_text dt;
	size_t bad = 0;
	assert_int_equal(encoding_decode("ab\0cd", 5, &dt, &bad), ENCODING_NUL_BYTE);
	assert_int_equal(bad, 2);
}

static void test_utf8_round_trip(void **state)
{
	(void)state;
	static const uint32_t cps[] = { 0x41, 0xE9, 0x20AC, 0x1F3DB, 0x10FFFF };
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[4];
		size_t n = utf8_encode(cps[i], buf);
		uint32_t back = 0;
		assert_int_equal(utf8_decode((const unsigned char *)buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_repairs_to_shipped_spec),
		cmocka_unit_test(test_clean_text_untouched),
		cmocka_unit_test(test_windows_1252_repair),
		cmocka_unit_test(test_latin1_c1_controls_repair),
		cmocka_unit_test(test_double_damage_repaired_in_two_passes),
		cmocka_unit_test(test_mixed_clean_and_damaged),
		cmocka_unit_test(test_bom_and_line_ends),
		cmocka_unit_test(test_invalid_utf8_offset),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_utf8_round_trip),
	};
	return RUN_TESTS(tests);
}
