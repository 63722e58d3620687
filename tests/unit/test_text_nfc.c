/*
 * Unit tests of text_nfc's shortcut: every character text_nfc_for_sure
 * accepts is unchanged by NFC, has combining class 0 and is never the
 * second of a canonical composition, so no string of them can change.
 * Checked over every code point against utf8proc's own tables, and on
 * strings that must still be composed.
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "text.h"
#include "unit.h"

static size_t
put(char *out, uint32_t c)
{
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)out);
}

static void
test_every_code_point(void)
{
	/* characters that follow another in some canonical decomposition */
	static unsigned char second[0x110000];
	for (uint32_t c = 0; c < 0x110000; c++) {
		utf8proc_int32_t d[8];
		int last = 0;
		utf8proc_ssize_t n =
		    utf8proc_decompose_char((utf8proc_int32_t)c, d, 8, UTF8PROC_DECOMPOSE, &last);
		for (utf8proc_ssize_t k = 1; k < n && k < 8; k++)
			second[d[k]] = 1;
	}
	size_t accepted = 0, wrong = 0;
	uint32_t first_wrong = 0;
	for (uint32_t c = 1; c < 0x110000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		char s[8] = {0};
		put(s, c);
		if (!text_nfc_for_sure(s))
			continue;
		accepted++;
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
		             UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		int bad = !nfc || strcmp((char *)nfc, s) ||
		          utf8proc_get_property((utf8proc_int32_t)c)->combining_class || second[c];
		free(nfc);
		if (bad && !wrong++)
			first_wrong = c;
	}
	OK(accepted > 30000, "text/nfc/shortcut-covers-vietnamese-cjk-hangul");
	INT_EQ(wrong, 0, "text/nfc/shortcut-only-stable-starters");
	if (wrong)
		printf("  first: U+%04X\n", (unsigned)first_wrong);
}

static void
test_strings(void)
{
	static const char *const cases[][2] = {
	    {"Sở Ngoại vụ tỉnh Cà Mau — “Đà Nẵng”", "Sở Ngoại vụ tỉnh Cà Mau — “Đà Nẵng”"},
	    {"長崎県 경상북도", "長崎県 경상북도"},
	    {"q\xCC\x81", "q\xCC\x81"},                   /* q + acute: no precomposed form */
	    {"Vie\xCC\xA3\xCC\x82t", "Việt"},             /* marks out of order, composed */
	    {"\xEA\xB0\x80\xE1\x86\xA8", "\xEA\xB0\x81"}, /* 가 + jamo ᆨ = 각 */
	    {"a\xE2\x80\x80z", "a\xE2\x80\x82z"},         /* U+2000 is U+2002 */
	    {"caf\x65\xCC\x81", "caf\xC3\xA9"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *n = text_nfc(cases[i][0]);
		char name[64];
		snprintf(name, sizeof name, "text/nfc/string-%zu", i + 1);
		STR_EQ(n, cases[i][1], name);
		free(n);
	}
	char *bad = text_nfc("a\xFF"
	                     "b");
	STR_EQ(bad,
	       "a\xFF"
	       "b",
	       "text/nfc/invalid-utf8-kept");
	free(bad);
}

/* A text cut after n characters keeps each whole: a Thai consonant with
 * its vowel mark, a letter with a combining accent. */
static void
test_clusters(void)
{
	INT_EQ(text_clusters_prefix("จังหวัด", 1), strlen("จั"), "text/clusters/thai-mark-kept");
	INT_EQ(text_clusters_prefix("e\xCC\x81"
	                            "tat",
	                            1),
	       3, "text/clusters/combining-accent-kept");
	INT_EQ(text_clusters_prefix("abc", 2), 2, "text/clusters/ascii");
	INT_EQ(text_clusters_prefix("ab", 5), 2, "text/clusters/shorter-whole");
	INT_EQ(text_clusters_prefix("a\xFF"
	                            "b",
	                            2),
	       2, "text/clusters/invalid-byte-one");
}

/* text_nfc normalises only the pieces around what the shortcut cannot
 * vouch for, cut before ASCII characters: the same as utf8proc over the
 * whole text, on texts mixing ASCII with marks, Lao, Thai, jamo and
 * singletons; a text that is not valid UTF-8 is kept whole, as utf8proc
 * refuses it. */
static void
test_pieces(void)
{
	static const uint32_t pool[] = {
	    'a',    'e',    'o',    ' ',    '\n',   'x',    'A',    0x301,  0x300,  0x323,
	    0x309,  0x303,  0x302,  0x306,  0x31B,  0xE9,   0x1EC7, 0x1EA1, 0x0EAB, 0x0EBC,
	    0x0EB8, 0x0EC8, 0x0EB9, 0x0ECB, 0x0EB3, 0x0E38, 0x0E48, 0x0E33, 0x17D2, 0x17B6,
	    0x1100, 0x1161, 0x11A8, 0xAC00, 0x212B, 0x2126, 0x0344, 0x0958, 0x093C, 0x0DD9,
	    0x0DCF, 0x05B7, 0x05BC, 0x0653, 0x0654, 0x0F71, 0x0F72, 0x3099, 0x304B, 0x0307,
	};
	unsigned long seed = 12345;
	size_t differ = 0;
	for (int it = 0; it < 20000; it++) {
		char s[256];
		size_t n = 0;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		int len = 1 + (int)(seed >> 33) % 40;
		for (int k = 0; k < len; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			n += put(s + n, pool[(seed >> 33) % (sizeof pool / sizeof pool[0])]);
		}
		s[n] = '\0';
		utf8proc_uint8_t *whole = NULL;
		utf8proc_map((const utf8proc_uint8_t *)s, 0, &whole,
		             UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		char *got = text_nfc(s);
		if (!whole || strcmp((char *)whole, got))
			differ++;
		free(whole);
		free(got);
	}
	INT_EQ(differ, 0, "text/nfc/pieces-as-whole");
	/* an overlong NUL the shortcut passes, then a piece to compose */
	char *bad = text_nfc("\xC0\x80 cafe\xCC\x81");
	STR_EQ(bad, "\xC0\x80 cafe\xCC\x81", "text/nfc/pieces-invalid-kept-whole");
	free(bad);
}

int
main(void)
{
	test_every_code_point();
	test_strings();
	test_pieces();
	test_clusters();
	return unit_failed != 0;
}
