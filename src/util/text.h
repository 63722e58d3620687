/*
 * text.h: Unicode text as records hold it: UTF-8 validity, NFC, and the
 * accent- and case-insensitive form used to compare words, owners, place
 * names and to build ASCII slugs.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length (1..4) of the valid UTF-8 sequence at s, of at most avail bytes
 * (a NUL-terminated s may pass SIZE_MAX: a NUL ends any sequence), or 0
 * when s starts an invalid one: overlong forms, surrogates and values past
 * U+10FFFF are invalid too (RFC 3629). */
size_t text_utf8_len(const unsigned char *s, size_t avail);
/* Offset of the first invalid UTF-8 byte, or len when the text is valid. */
size_t text_utf8_check(const char *s, size_t len);
/* The same, setting *nfc to 1 when every character of the valid text is
 * one text_nfc_for_sure takes: the text, and any part of it or text made
 * of its parts, is NFC. */
size_t text_utf8_check_nfc(const char *s, size_t len, int *nfc);
/* The code point UTF-8 at *s begins with, advancing past it; 0 at the
 * terminating NUL (not passed).  A byte that starts no valid sequence
 * reads as U+FFFD. */
uint32_t text_next_cp(const unsigned char **s);
/* Writes c as UTF-8 into out (room for 4 bytes), returns the length (0
 * for a value beyond U+10FFFF, which writes nothing): utf8proc's encoder. */
size_t text_put_utf8(char *out, uint32_t c);
/* 1 when s is already NFC. */
int text_is_nfc(const char *s);
/* 1 when s is NFC for certain without asking utf8proc: made only of
 * characters that never change nor combine under NFC (those of
 * Vietnamese, English, CJK and Korean text); 0: ask it.  utf8proc_map is
 * otherwise a tenth of a report's time. */
int text_nfc_for_sure(const char *s);
/* The same of s, when its length len is known (s[len] is its NUL). */
int text_nfc_for_sure_n(const char *s, size_t len);
/* The value of hexadecimal digit c (either case), or -1. */
int text_hexval(int c);
/* The number the digits at s write in base 10 or 16 (either case), as
 * strtoull reads them but without its locale, white space, sign or "0x":
 * ULLONG_MAX past it; *end after the last digit (s when there is none).
 * For the files debrief writes itself, read back by the thousand lines. */
unsigned long long text_ull(const char *s, int base, char **end);
/* NFC form of s (a new string; s itself when utf8proc refuses it). */
char *text_nfc(const char *s);
/* Folded form: NFC, lower case, diacritics removed, đ→d, runs of space and
 * punctuation other than letters/digits collapsed to one space, trimmed.
 * "  Sở  Ngoại-vụ " → "so ngoai vu".  Caller frees. */
char *text_fold(const char *s);
/* Optimal string alignment distance (Levenshtein with adjacent
 * transpositions) on bytes, for "did you mean"; SIZE_MAX when either
 * string is longer than TEXT_DISTANCE_MAX bytes. */
#define TEXT_DISTANCE_MAX 64
size_t text_distance(const char *a, const char *b);
/* Spaces, tabs and line ends collapsed to one space and trimmed: "  a \n b "
 * → "a b".  Caller frees. */
char *text_squeeze(const char *s);
/* 1 when s is NULL or holds only spaces, tabs and line ends. */
int text_blank(const char *s);
/* 1 when s is all one pair of parentheses, "(tên đối tác)": how the
 * skeleton of `debrief new` marks a value still to fill in. */
int text_placeholder(const char *s);
/* The candidate nearest to word by text_distance, within a third of its
 * length (at least 2); NULL when none is that near.  For "did you mean". */
const char *text_nearest(const char *word, const char *const *cand, size_t n);
/* ASCII slug: folded, spaces to '-': "Đà Nẵng" → "da-nang".  Caller frees;
 * never empty ("x" when nothing is left). */
char *text_slug(const char *s);
/* Which legacy Vietnamese encoding s (valid UTF-8) looks like, read as
 * Latin-1/cp1252 and saved as Unicode ("mojibake"): 0 none, 1 TCVN3 (ABC),
 * 2 VNI.  "Së Ngo¹i vô" is TCVN3 and "Sôû Ngoaïi vuï" VNI for "Sở Ngoại
 * vụ".  Tuned to stay quiet on French, German, Spanish, Italian,
 * Portuguese, English and romaji, and on Unicode Vietnamese. */
int text_looks_legacy(const char *s);
/* Number of code points of valid UTF-8. */
size_t text_codepoints(const char *s);
/* The bytes of s's first max user-perceived characters (extended grapheme
 * clusters: a Thai consonant with its vowel mark, a letter with its
 * combining accents), so that a text cut there keeps whole characters. */
size_t text_clusters_prefix(const char *s, size_t max);

/* Coarse Unicode class of one code point, enough for line breaking. */
enum text_class {
	TEXT_OTHER,     /* symbols, punctuation, unassigned */
	TEXT_LETTER,    /* L* and N* (letters and digits) */
	TEXT_SPACE,     /* Zs that may break a line (not U+00A0, U+2007, U+202F) */
	TEXT_MARK,      /* Mn, Mc, Me: never starts a line */
	TEXT_IGNORABLE, /* default-ignorable (U+200B, U+FEFF, ...): no visible form */
	TEXT_CONTROL    /* Cc */
};
enum text_class text_class(unsigned long cp);
/* GitHub-style heading anchor: lower case, letters, digits, '-' and '_'
 * kept, spaces to '-', everything else dropped: "Đà Nẵng (2025)" →
 * "đà-nẵng-2025".  Caller frees. */
char *text_anchor(const char *s);

/* Upper case ("Sở Ngoại vụ" → "SỞ NGOẠI VỤ"), NFC.  Caller frees. */
char *text_upper(const char *s);
/* Diacritics of Latin letters removed, case kept, đ→d ("Tây Ninh" → "Tay
 * Ninh"); other scripts' marks kept.  Caller frees. */
char *text_unaccent(const char *s);

#endif
