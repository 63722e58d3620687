/*
 * text.c: the only file that calls utf8proc.  Validation, normalisation
 * and folding for comparison, the edit distance "did you mean" uses, and
 * hexadecimal digits; no rendering.
 */
#include "text.h"

#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "xalloc.h"

size_t
text_utf8_len(const unsigned char *s, size_t avail)
{
	/* By hand (RFC 3629: no overlong forms, no surrogates, nothing past
	 * U+10FFFF): the whole input goes through here, mostly ASCII. */
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return n;
}

static int nfc_safe(long c);

/* text_utf8_check, and when safe is not NULL whether every code point of
 * the valid text is one nfc_safe takes (a text of such is NFC, and so is
 * any text made of pieces of it): one pass for both. */
static inline __attribute__((always_inline)) size_t
utf8_scan(const char *s, size_t len, int *safe)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			/* ASCII eight bytes at a time: most of any record */
			uint64_t w;
			while (i + 8 <= len && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080u)))
				i += 8;
			while (i < len && p[i] < 0x80)
				i++;
			continue;
		}
		/* two- and three-byte forms with no special case (Latin, most of
		 * the BMP: Vietnamese), as text_utf8_len would take them */
		unsigned c = p[i];
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
				if (safe && c > 0xCB) /* past U+02FF */
					*safe = 0;
				i += 2;
				continue;
			}
			return i;
		}
		if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
			if (i + 2 < len && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
				/* precomposed Vietnamese, U+1E00..U+1EFF, by its bytes */
				if (safe && *safe &&
				    !(c == 0xE1 && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB))
					*safe = nfc_safe((long)((c & 0x0F) << 12 |
					                        (p[i + 1] & 0x3Fu) << 6 |
					                        (p[i + 2] & 0x3Fu)));
				i += 3;
				continue;
			}
			return i;
		}
		size_t n = text_utf8_len(p + i, len - i);
		if (!n)
			return i;
		if (safe && *safe) {
			const unsigned char *q = p + i;
			*safe = nfc_safe(text_next_cp(&q));
		}
		i += n;
	}
	return len;
}

size_t
text_utf8_check(const char *s, size_t len)
{
	return utf8_scan(s, len, NULL);
}

size_t
text_utf8_check_nfc(const char *s, size_t len, int *nfc)
{
	*nfc = 1;
	return utf8_scan(s, len, nfc);
}

/* Code points that are NFC, have combining class 0 and never end a
 * canonical composition: a text made only of these is NFC.  Latin to
 * U+02FF, Latin Extended Additional (precomposed Vietnamese), punctuation,
 * currency, kana, CJK ideographs, Hangul syllables; checked against the
 * Unicode 14 tables. */
static int
nfc_safe(long c)
{
	return c <= 0x2FF || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x206F) ||
	       (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x3040 && c <= 0x3098) ||
	       (c >= 0x309B && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xAC00 && c <= 0xD7A3);
}

int
text_nfc_for_sure(const char *s)
{
	return text_nfc_for_sure_n(s, strlen(s));
}

/* How many bytes of s[len] open it with code points nfc_safe says are NFC:
 * len when all are. */
static size_t
nfc_sure_prefix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	for (;;) {
		uint64_t w; /* ASCII eight bytes at a time */
		while (end - p >= 8 && (memcpy(&w, p, 8), !(w & 0x8080808080808080u)))
			p += 8;
		while (p < end && *p < 0x80)
			p++;
		if (p == end)
			return len;
		/* U+0080..U+02FF and U+1E00..U+1EFF (Latin-1 to the IPA
		 * extensions, precomposed Vietnamese) by their bytes */
		if (*p >= 0xC2 && *p <= 0xCB && (p[1] & 0xC0) == 0x80) {
			p += 2;
			continue;
		}
		if (*p == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB && (p[2] & 0xC0) == 0x80) {
			p += 3;
			continue;
		}
		const unsigned char *at = p;
		if (!nfc_safe(text_next_cp(&p)))
			return (size_t)(at - (const unsigned char *)s);
	}
}

int
text_nfc_for_sure_n(const char *s, size_t len)
{
	return nfc_sure_prefix(s, len) == len;
}

int
text_hexval(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

unsigned long long
text_ull(const char *s, int base, char **end)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long long v = 0;
	unsigned d;
	if (base == 10) {
		for (; (d = (unsigned)*p - '0') < 10; p++)
			v = v * 10 + d;
	} else {
		for (;; p++) {
			unsigned c = *p;
			d = c - '0' < 10           ? c - '0'
			    : (c | 0x20) - 'a' < 6 ? (c | 0x20) - 'a' + 10
			                           : 99;
			if (d >= 16)
				break;
			v = v << 4 | d;
		}
	}
	*end = (char *)p;
	/* more digits than ULLONG_MAX has (20, 16), or as many: read again,
	 * with the bound */
	if ((size_t)(p - (const unsigned char *)s) < (base == 10 ? 20u : 17u))
		return v;
	unsigned long long w = 0, lim = ULLONG_MAX / (unsigned)base;
	unsigned rem = (unsigned)(ULLONG_MAX % (unsigned)base);
	for (const unsigned char *q = (const unsigned char *)s; q < p; q++) {
		unsigned c = *q;
		d = c - '0' < 10 ? c - '0' : (c | 0x20) - 'a' + 10;
		if (w > lim || (w == lim && d > rem))
			return ULLONG_MAX;
		w = w * (unsigned)base + d;
	}
	return w;
}

int
text_is_nfc(const char *s)
{
	/* nearly all real text, Vietnamese included, is answered here */
	if (text_nfc_for_sure(s))
		return 1;
	char *n = text_nfc(s);
	int same = strcmp(n, s) == 0;
	free(n);
	return same;
}

/* s[len] in NFC, normalised only between the ASCII characters around
 * what nfc_safe cannot vouch for, appended to b; 0 if utf8proc refuses a
 * part.  No canonical composition takes an ASCII character second, and
 * one has combining class 0, so that NFC of a text is NFC of its pieces
 * cut before ASCII characters: a report with a few words of Lao costs
 * those words, not the whole report. */
static int
nfc_pieces(const char *s, size_t len, struct buf *b)
{
	size_t pos = 0;
	while (pos < len) {
		size_t at = pos + nfc_sure_prefix(s + pos, len - pos);
		if (at == len) {
			buf_put(b, s + pos, len - pos);
			break;
		}
		size_t from = at, to = at;
		while (from > pos && (unsigned char)s[from - 1] >= 0x80)
			from--;
		if (from > pos)
			from--; /* the ASCII character before, whatever it composes with */
		while (to < len && (unsigned char)s[to] >= 0x80)
			to++;
		buf_put(b, s + pos, from - pos);
		utf8proc_uint8_t *out = NULL;
		utf8proc_ssize_t n =
		    utf8proc_map((const utf8proc_uint8_t *)s + from, (utf8proc_ssize_t)(to - from),
		                 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0 || !out) {
			free(out);
			return 0;
		}
		buf_put(b, out, (size_t)n);
		free(out);
		pos = to;
	}
	return 1;
}

char *
text_nfc(const char *s)
{
	size_t len = strlen(s);
	if (nfc_sure_prefix(s, len) == len)
		return xstrdup(s);
	/* valid UTF-8 as utf8proc reads it: pieces, else the whole */
	if (text_utf8_check(s, len) == len) {
		struct buf b = BUF_INIT;
		buf_reserve(&b, len + 1);
		if (nfc_pieces(s, len, &b))
			return buf_detach(&b);
		buf_free(&b);
	}
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0 || !out)
		return xstrdup(s);
	char *r = xstrdup((char *)out);
	free(out);
	return r;
}

/* Fold one code point (decompose, strip marks, case-fold, compatibility
 * forms) into out; returns how many code points, 0 for a stripped mark. */
static int
fold_cp(utf8proc_int32_t cp, utf8proc_int32_t *out, int cap)
{
	if (cp == 0x0111 || cp == 0x0110) { /* đ has no decomposition */
		out[0] = 'd';
		return 1;
	}
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
	    cp, out, cap,
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT, &last);
	if (n < 0 || n > cap) {
		out[0] = cp;
		return 1;
	}
	return (int)n;
}

static int
is_word_cp(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* What the Latin and Vietnamese range folds to, worked out once per code
 * point: folding names for every rule and every record was a large part
 * of check's time.  0 not known yet, FOLD_DROP a stripped mark, FOLD_SPACE
 * a separator, FOLD_SLOW anything that is not one ASCII character. */
enum { FOLD_DROP = 1, FOLD_SPACE = 2, FOLD_SLOW = 3, FOLD_SMALL = 0x2000 };
static _Thread_local unsigned char fold_small[FOLD_SMALL]; /* per thread: no locking */

static unsigned char
fold_small_cp(utf8proc_int32_t cp)
{
	unsigned char v = fold_small[cp];
	if (v)
		return v;
	utf8proc_int32_t out[8];
	int n = fold_cp(cp, out, 8);
	if (n == 0)
		v = FOLD_DROP;
	else if (n == 1 && !is_word_cp(out[0]))
		v = FOLD_SPACE;
	else if (n == 1 && out[0] < 0x80)
		v = (unsigned char)out[0];
	else
		v = FOLD_SLOW;
	fold_small[cp] = v;
	return v;
}

char *
text_fold(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 1; /* suppress leading space */
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = *p < 0x80 ? (cp = *p, 1) : utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			p++; /* invalid byte: a separator */
			cp = ' ';
		} else {
			p += k;
		}
		utf8proc_int32_t out[8];
		int n;
		if (cp < FOLD_SMALL) {
			unsigned char v = fold_small_cp(cp);
			if (v == FOLD_DROP)
				continue;
			if (v == FOLD_SPACE) {
				if (!space)
					buf_putc(&b, ' ');
				space = 1;
				continue;
			}
			if (v != FOLD_SLOW) {
				buf_putc(&b, v);
				space = 0;
				continue;
			}
		}
		n = fold_cp(cp, out, 8);
		for (int i = 0; i < n; i++) {
			if (!is_word_cp(out[i])) {
				if (!space)
					buf_putc(&b, ' ');
				space = 1;
				continue;
			}
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t e = utf8proc_encode_char(out[i], enc);
			buf_put(&b, enc, (size_t)e);
			space = 0;
		}
	}
	if (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

char *
text_slug(const char *s)
{
	char *f = text_fold(s);
	struct buf b = BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)f; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			buf_putc(&b, *p);
		else if (*p == ' ' && b.len && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
		/* other scripts (長崎県) leave nothing: ASCII only */
	}
	free(f);
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (!b.len)
		buf_putc(&b, 'x');
	return buf_detach(&b);
}

/* A code point that stands alone as a character whatever its neighbours
 * of the same kind: Latin (below the combining marks) and precomposed
 * Vietnamese. */
static int
simple_cp(utf8proc_int32_t c)
{
	return (c >= 0x20 && c < 0x300) || (c >= 0x1E00 && c <= 0x1EFF) || c == '\r' || c == '\n';
}

size_t
text_clusters_prefix(const char *s, size_t max)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	/* no more code points than max: no more characters, all of it */
	size_t cps = 0, at = 0;
	for (; p[at]; at++)
		if ((p[at] & 0xC0) != 0x80 && cps++ == max)
			break;
	if (!p[at])
		return at;
	utf8proc_int32_t prev = -1, cp, state = 0;
	size_t n = 0;
	at = 0;
	while (p[at]) {
		utf8proc_ssize_t len = 1;
		if (p[at] < 0x80)
			cp = p[at];
		else if ((len = utf8proc_iterate(p + at, -1, &cp)) <= 0) {
			cp = 0xFFFD; /* not UTF-8: a byte is a character of its own */
			len = 1;
		}
		/* between two letters of the Latin blocks or of precomposed
		 * Vietnamese (no combining mark among them) there is always a
		 * break but inside CR LF: the usual text asks utf8proc nothing */
		int plain =
		    prev >= 0 && simple_cp(prev) && simple_cp(cp) && !(prev == '\r' && cp == '\n');
		int brk = prev < 0 || plain || utf8proc_grapheme_break_stateful(prev, cp, &state);
		if (plain)
			state = 0;
		if (brk && n++ == max)
			return at;
		prev = cp;
		at += (size_t)len;
	}
	return at;
}

size_t
text_codepoints(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* ==== legacy Vietnamese encodings seen through Latin-1 ====
 *
 * TCVN3 puts each Vietnamese letter in one byte (ở = 0xEB, shown "ë"); VNI
 * writes a base letter and a byte for the marks (ở = "ô" + "û").  Read as
 * Latin-1, both give words no European language writes.  Each word is
 * decoded back under both encodings and kept as evidence only when it
 * makes one valid Vietnamese syllable (onset, vowel group, final, tone
 * rules).  A verdict needs a word with a clue European text never has (a
 * symbol such as "µ" inside a word, "ViÖt", "ø" after a vowel), more
 * decoded words than accented words that decode to nothing, and either
 * two decoded words or one in a text of at most three words. */

/* A letter of a decoded syllable. */
struct vl {
	char base; /* a-z; đ is 'd' with mod 'd' */
	char mod;  /* 0, '^' circumflex, '(' breve, '+' horn, 'd' stroke */
	char tone; /* 0, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng */
};

#define WORD_MAX 12 /* longer words are no syllable */

uint32_t
text_next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = *p;
	if (!c)
		return 0;
	p++;
	int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
	if (n < 0) {
		*s = p;
		return 0xFFFD;
	}
	if (n)
		c &= 0x3F >> n;
	for (int i = 0; i < n; i++, p++) {
		if ((*p & 0xC0) != 0x80) {
			*s = p;
			return 0xFFFD;
		}
		c = c << 6 | (*p & 0x3F);
	}
	*s = p;
	return c;
}

static int
ascii_letter(long c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
latin1_letter(long c)
{
	return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
}

/* Latin-1 symbols TCVN3 uses as letters: Â…Đ ă…đ (A2–AE), à ả ã á ạ
 * (B5–B9), ằ ẳ ẵ ắ (BB–BE), ì ("×"). */
static int
tcvn3_symbol(long c)
{
	return (c >= 0xA2 && c <= 0xAE) || (c >= 0xB5 && c <= 0xB9) || (c >= 0xBB && c <= 0xBE) ||
	       c == 0xD7;
}

/* TCVN3 byte c (A2–FE) as a letter: "base mod tone", or NULL; a line per
 * run of bytes (clang-format would put one entry on each line). */
/* clang-format off */
static const char *const tcvn3_letters[0x100 - 0xA2] = {
	[0xA2 - 0xA2] = "a^0", "e^0", "o^0", "o+0", "u+0", "dd0", "a(0", "a^0", "e^0", "o^0",
	"o+0", "u+0", "dd0",
	[0xB5 - 0xA2] = "a02", "a03", "a04", "a01", "a05",
	[0xBB - 0xA2] = "a(2", "a(3", "a(4", "a(1",
	[0xC6 - 0xA2] = "a(5", "a^2", "a^3", "a^4", "a^1", "a^5", "e02",
	[0xCE - 0xA2] = "e03", "e04", "e01", "e05", "e^2", "e^3", "e^4", "e^1", "e^5", "i02",
	"i03",
	[0xDC - 0xA2] = "i04", "i01", "i05", "o02",
	[0xE1 - 0xA2] = "o03", "o04", "o01", "o05", "o^2", "o^3", "o^4", "o^1", "o^5", "o+2",
	"o+3", "o+4", "o+1", "o+5", "u02",
	[0xF1 - 0xA2] = "u03", "u04", "u01", "u05", "u+2", "u+3", "u+4", "u+1", "u+5", "y02",
	"y03", "y04", "y01", "y05",
};
/* clang-format on */

/* Vowel groups of Vietnamese, without tones: A ă, B â, E ê, O ô, P ơ, U ư. */
static const char *const nuclei[] = {
    "a",   "A",   "B",   "e",   "E",   "i",   "o",   "O",   "P",   "u",   "U",   "y",   "ai", "ao",
    "au",  "ay",  "Bu",  "By",  "eo",  "Eu",  "ia",  "iE",  "iu",  "oa",  "oA",  "oe",  "oi", "oo",
    "Oi",  "Pi",  "ua",  "uB",  "uE",  "ui",  "uO",  "uP",  "uy",  "Ua",  "Ui",  "UP",  "Uu", "yE",
    "iEu", "oai", "oay", "oeo", "uBy", "uOi", "uya", "uyE", "uyu", "UPi", "UPu", "yEu",
};

static int
vl_vowel(const struct vl *v)
{
	return v->mod != 'd' && strchr("aeiouy", v->base) != NULL;
}

static char
vl_code(const struct vl *v)
{
	switch (v->mod) {
	case '(': return 'A';
	case '^': return v->base == 'a' ? 'B' : v->base == 'e' ? 'E' : 'O';
	case '+': return v->base == 'o' ? 'P' : 'U';
	default: return v->base;
	}
}

/* Does u[0..n) spell one Vietnamese syllable? */
static int
syllable(const struct vl *u, size_t n)
{
	static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
	                                     "th",  "tr", "b",  "c",  "d",  "g",  "h",  "k",  "l",
	                                     "m",   "n",  "p",  "r",  "s",  "t",  "v",  "x"};
	size_t i = 0;
	if (n && u[0].mod == 'd') {
		i = 1;
	} else {
		for (size_t k = 0; k < sizeof onsets / sizeof onsets[0]; k++) {
			size_t l = strlen(onsets[k]), j;
			for (j = 0;
			     j < l && j < n && u[j].base == onsets[k][j] && !u[j].mod && !u[j].tone;
			     j++)
				;
			/* "gi" and "qu" only when a vowel follows: "gì" is g + ì */
			if (j == l &&
			    (l < 2 || onsets[k][1] != 'i' || (l < n && vl_vowel(&u[l]))) &&
			    (strcmp(onsets[k], "qu") || (l < n && vl_vowel(&u[l])))) {
				i = l;
				break;
			}
		}
	}
	char nuc[4];
	size_t nv = 0, tone_at = SIZE_MAX;
	int tone = 0, marked = 0, tone_marked = 0;
	while (i < n && vl_vowel(&u[i]) && nv < 3) {
		if (u[i].tone) {
			if (tone)
				return 0;
			tone = u[i].tone, tone_at = nv, tone_marked = u[i].mod != 0;
		}
		marked |= u[i].mod != 0;
		nuc[nv++] = vl_code(&u[i++]);
	}
	nuc[nv] = '\0';
	if (!nv)
		return 0;
	int known = 0;
	for (size_t k = 0; k < sizeof nuclei / sizeof nuclei[0] && !known; k++)
		known = !strcmp(nuclei[k], nuc);
	if (!known)
		return 0;
	static const char *const finals[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
	const char *fin = NULL;
	for (size_t k = 0; k < sizeof finals / sizeof finals[0] && !fin; k++) {
		size_t l = strlen(finals[k]), j;
		for (j = 0; j < l && i + j < n && u[i + j].base == finals[k][j] && !u[i + j].mod &&
		            !u[i + j].tone;
		     j++)
			;
		if (j == l && i + l == n)
			fin = finals[k];
	}
	if (!fin)
		return 0;
	/* The tone sits on the marked vowel (ươ: on ơ), and not on a final
	 * glide (hái, not haí), except in "uy". */
	if (tone && marked && !tone_marked)
		return 0;
	if (tone && !*fin && nv >= 2 && tone_at == nv - 1 && strchr("iyou", nuc[nv - 1]) &&
	    strcmp(nuc, "uy"))
		return 0;
	/* After p, t, c, ch only sắc and nặng. */
	if (strchr("ptc", fin[0]) && *fin && tone != 1 && tone != 5)
		return 0;
	/* ă and â never end a syllable. */
	if (!*fin && (nuc[nv - 1] == 'A' || nuc[nv - 1] == 'B'))
		return 0;
	return 1;
}

/* Decode word w[0..n) as TCVN3.  Returns 0 (not a syllable with a
 * Latin-1 letter), 1 (weak evidence: only letters, "Néi") or 2 (a
 * symbol, or a capital after a small letter: "Hµ", "ViÖt"). */
static int
tcvn3_word(const long *w, size_t n)
{
	struct vl u[WORD_MAX];
	int special = 0, strong = 0, ascii = 0;
	if (n == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == 0xAA)
		return 0; /* "Mª", "Nª": an abbreviation, an ordinal */
	for (size_t i = 0; i < n; i++) {
		long c = w[i];
		if (ascii_letter(c)) {
			u[i].base = (char)(c | 0x20), u[i].mod = 0, u[i].tone = 0;
			ascii = 1;
			continue;
		}
		const char *t = c >= 0xA2 && c <= 0xFF ? tcvn3_letters[c - 0xA2] : NULL;
		if (!t || (c == 0xB5 && i == 0)) /* "µm": the micro sign */
			return 0;
		u[i].base = t[0], u[i].mod = t[1] == '0' ? 0 : t[1], u[i].tone = (char)(t[2] - '0');
		special = 1;
		if (tcvn3_symbol(c) || (c < 0xDF && i > 0 && w[i - 1] >= 'a' && w[i - 1] <= 'z'))
			strong = 1;
	}
	if (!special || !ascii || !syllable(u, n))
		return 0;
	return strong ? 2 : 1;
}

/* Decode word w[0..n) as VNI; same answers as tcvn3_word.  Weak: only
 * what European words show too (í ì ó ò, ù ï û after a plain vowel, é ë ü
 * ú after a, á à ã after o or e); strong: everything else. */
static int
vni_word(const long *w, size_t n)
{
	struct vl u[WORD_MAX];
	size_t k = 0;
	int special = 0, strong = 0, ascii = 0;
	for (size_t i = 0; i < n; i++) {
		long c = w[i], lc = c >= 0xC0 && c <= 0xDE ? c + 0x20 : c;
		struct vl *prev = k ? &u[k - 1] : NULL;
		if (ascii_letter(c)) {
			u[k].base = (char)(c | 0x20), u[k].mod = 0, u[k++].tone = 0;
			ascii = 1;
			continue;
		}
		special = 1;
		const char *p;
		if (lc == 0xF1) { /* ñ: đ */
			if (i)
				return 0;
			u[k].base = 'd', u[k].mod = 'd', u[k++].tone = 0;
			strong = 1;
		} else if (lc == 0xF4 || lc == 0xF6) { /* ô ö: ơ ư */
			if (lc == 0xF4 && prev && prev->base == 'u' && prev->mod == '+')
				strong = 1;
			u[k].base = lc == 0xF4 ? 'o' : 'u', u[k].mod = '+', u[k++].tone = 0;
		} else if ((p = strchr("\xed\xec\xe6\xf3\xf2", (int)lc)) && lc) { /* í ì æ ó ò */
			u[k].base = 'i', u[k].mod = 0,
			u[k++].tone = (char)(p - "\xed\xec\xe6\xf3\xf2" + 1);
		} else if ((p = strchr("\xf9\xf8\xfb\xf5\xef", (int)lc)) && lc) { /* tones */
			if (!prev || !vl_vowel(prev) || prev->tone)
				return 0;
			prev->tone = (char)(p - "\xf9\xf8\xfb\xf5\xef" + 1);
			strong |= lc == 0xF8 || lc == 0xF5 || prev->mod;
		} else if ((p = strchr("\xe2\xe1\xe0\xe5\xe3\xe4", (int)lc)) && lc) { /* ^ */
			if (!prev || prev->mod || prev->tone || !strchr("aeo", prev->base))
				return 0;
			prev->mod = '^';
			prev->tone = (char)(p - "\xe2\xe1\xe0\xe5\xe3\xe4");
			/* Weak: "hoá", "hoà" (Unicode the old way), "João", Irish
			 * "Seán"; strong: "aá", "ieá" (iế), "â", "ä", "å". */
			strong |= lc == 0xE2 || lc == 0xE4 || lc == 0xE5 || prev->base == 'a' ||
			          (prev->base == 'e' && k >= 2 && strchr("iy", u[k - 2].base));
		} else if ((p = strchr("\xea\xe9\xe8\xfa\xfc\xeb", (int)lc)) && lc) { /* ( */
			if (!prev || prev->mod || prev->tone || prev->base != 'a')
				return 0;
			prev->mod = '(';
			prev->tone = (char)(p - "\xea\xe9\xe8\xfa\xfc\xeb");
			strong |= lc == 0xEA || lc == 0xE8; /* not "aé", "aü", "aú", "aë" */
		} else {
			return 0;
		}
	}
	if (!special || !ascii || !syllable(u, k))
		return 0;
	return strong ? 2 : 1;
}

/* Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9):
 * text holding one is not mojibake. */
static int
vietnamese_unicode(long c)
{
	return c == 0x102 || c == 0x103 || c == 0x110 || c == 0x111 || c == 0x128 || c == 0x129 ||
	       c == 0x168 || c == 0x169 || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 ||
	       (c >= 0x1EA0 && c <= 0x1EF9);
}

struct legacy_count {
	size_t words;               /* words with a letter */
	size_t found[2], strong[2]; /* decoded syllables: [0] TCVN3, [1] VNI */
	size_t bad[2];              /* words with a Latin-1 letter that decode to none */
};

static void
legacy_word(struct legacy_count *lc, const long *w, size_t n, int overflow)
{
	int letter = 0;
	for (size_t i = 0; i < n && !letter; i++)
		letter = ascii_letter(w[i]) || latin1_letter(w[i]);
	if (!letter)
		return;
	lc->words++;
	int special = 0;
	for (size_t i = 0; i < n && !special; i++)
		special = !ascii_letter(w[i]);
	if (!special)
		return;
	int r[2] = {0, 0};
	if (!overflow)
		r[0] = tcvn3_word(w, n), r[1] = vni_word(w, n);
	for (int e = 0; e < 2; e++) {
		lc->found[e] += r[e] > 0;
		lc->strong[e] += r[e] == 2;
		lc->bad[e] += r[e] == 0;
	}
}

static int
legacy_verdict(const struct legacy_count *lc, int e)
{
	/* Plain ASCII words ("Nam", "Nagasaki") speak for neither side. */
	return lc->strong[e] >= 1 && lc->found[e] > lc->bad[e] &&
	       (lc->found[e] >= 2 || lc->found[e] * 3 >= lc->words);
}

int
text_looks_legacy(const char *s)
{
	/* Both encodings show as Latin-1 characters, U+0080–U+00FF: C2/C3. */
	const unsigned char *b = (const unsigned char *)s;
	while (*b && *b != 0xC2 && *b != 0xC3) /* one pass, not one per byte */
		b++;
	if (!*b)
		return 0;
	const unsigned char *q = (const unsigned char *)s;
	struct legacy_count lc = {0};
	long w[WORD_MAX], c, prev = 0;
	size_t n = 0;
	int overflow = 0, fmt = 0;
	/* TCVN3's ằ ("»") never starts or ends a word: one at a word's edge
	 * means the text quotes »like this« or «like this». */
	int quotes = 0;
	while ((c = text_next_cp(&q))) {
		if (vietnamese_unicode(c))
			return 0;
		if (prev == 0xBB && !ascii_letter(c) && !latin1_letter(c))
			quotes = 1;
		if (c == 0xBB && !ascii_letter(prev) && !latin1_letter(prev))
			quotes = 1;
		prev = c;
	}
	q = (const unsigned char *)s;
	do {
		c = text_next_cp(&q);
		if (c && (ascii_letter(c) || latin1_letter(c) ||
		          (tcvn3_symbol(c) && !(quotes && (c == 0xAB || c == 0xBB))))) {
			if (n < WORD_MAX)
				w[n++] = c;
			else
				overflow = 1;
			continue;
		}
		if (n && !fmt)
			legacy_word(&lc, w, n, overflow);
		n = 0, overflow = 0;
		fmt = c == '%'; /* "%s×%s" is a format, not "sì" */
	} while (c);
	int t = legacy_verdict(&lc, 0), v = legacy_verdict(&lc, 1);
	if (t && v)
		return lc.found[0] >= lc.found[1] ? 1 : 2;
	return t ? 1 : v ? 2 : 0;
}

enum text_class
text_class(unsigned long cp)
{
	if (cp > 0x10FFFF)
		return TEXT_OTHER;
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO: return TEXT_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: return p->ignorable ? TEXT_IGNORABLE : TEXT_MARK;
	case UTF8PROC_CATEGORY_ZS:
		return (cp == 0xA0 || cp == 0x2007 || cp == 0x202F) ? TEXT_OTHER : TEXT_SPACE;
	case UTF8PROC_CATEGORY_CC: return TEXT_CONTROL;
	default: return p->ignorable ? TEXT_IGNORABLE : TEXT_OTHER;
	}
}

char *
text_anchor(const char *s)
{
	struct buf b = BUF_INIT;
	char *n = text_nfc(s);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)n;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0)
			break;
		p += k;
		enum text_class c = text_class((unsigned long)cp);
		if (cp == ' ' || cp == '-')
			cp = '-';
		else if (cp != '_' && c != TEXT_LETTER && c != TEXT_MARK)
			continue;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		buf_put(&b, enc, (size_t)e);
	}
	free(n);
	return buf_detach(&b);
}

/* Each code point mapped by f (a utf8proc case or mark function); with
 * unmark, the diacritics of Latin letters (U+0300–U+036F) left out. */
static char *
map_cps(const char *s, utf8proc_int32_t (*f)(utf8proc_int32_t), int unmark)
{
	struct buf b = BUF_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			buf_putc(&b, (char)*p++);
			continue;
		}
		p += k;
		if (unmark && cp >= 0x300 && cp <= 0x36F)
			continue;
		utf8proc_uint8_t enc[4];
		buf_put(&b, enc, (size_t)utf8proc_encode_char(f(cp), enc));
	}
	char *n = text_nfc(buf_cstr(&b));
	buf_free(&b);
	return n;
}

char *
text_upper(const char *s)
{
	return map_cps(s, utf8proc_toupper, 0);
}

static utf8proc_int32_t
dstroke(utf8proc_int32_t cp)
{
	return cp == 0x111 ? 'd' : cp == 0x110 ? 'D' : cp;
}

/* Only the diacritics of Latin letters (U+0300–U+036F): the vowel signs and
 * tone marks of Thai, Lao or Khmer are letters of the word, not accents,
 * and a name in those scripts keeps them ("ການລົງທຶນ"). */
char *
text_unaccent(const char *s)
{
	utf8proc_uint8_t *d = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &d,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
		return xstrdup(s);
	char *r = map_cps((const char *)d, dstroke, 1);
	free(d);
	return r;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), on bytes; both strings at most TEXT_DISTANCE_MAX bytes. */
size_t
text_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t d[TEXT_DISTANCE_MAX + 1][TEXT_DISTANCE_MAX + 1];
	if (n > TEXT_DISTANCE_MAX || m > TEXT_DISTANCE_MAX)
		return SIZE_MAX;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t c = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

size_t
text_put_utf8(char *out, uint32_t c)
{
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)out);
}

const char *
text_nearest(const char *word, const char *const *cand, size_t n)
{
	if (!word)
		return NULL;
	size_t max = strlen(word) / 3, best = SIZE_MAX;
	const char *pick = NULL;
	if (max < 2)
		max = 2;
	for (size_t i = 0; i < n; i++) {
		size_t d = text_distance(word, cand[i]);
		if (d <= max && d < best) {
			best = d;
			pick = cand[i];
		}
	}
	return pick;
}

int
text_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

int
text_placeholder(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 2 && s[0] == '(' && s[n - 1] == ')' && !memchr(s + 1, '(', n - 2) &&
	       !memchr(s + 1, ')', n - 2);
}

char *
text_squeeze(const char *s)
{
	struct buf b = BUF_INIT;
	int sp = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			buf_putc(&b, ' ');
		sp = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}
