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

int
main(void)
{
	test_every_code_point();
	test_strings();
	test_clusters();
	return unit_failed != 0;
}
