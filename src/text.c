/*
 * text.c: the only file that calls utf8proc.  Validation, normalisation and
 * folding for comparison; no rendering.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "xalloc.h"

size_t
text_utf8_check(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return i;
		i += (size_t)n;
	}
	return len;
}

int
text_is_nfc(const char *s)
{
	/* Fast path: ASCII is always NFC. */
	const unsigned char *p = (const unsigned char *)s;
	while (*p && *p < 0x80)
		p++;
	if (!*p)
		return 1;
	char *n = text_nfc(s);
	int same = strcmp(n, s) == 0;
	free(n);
	return same;
}

char *
text_nfc(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0 || !out)
		return xstrdup(s);
	char *r = xstrdup((char *)out);
	free(out);
	return r;
}

char *
text_fold(const char *s)
{
	utf8proc_uint8_t *dec = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &dec,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
					      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
	struct buf b = BUF_INIT;
	if (n < 0 || !dec)
		return xstrdup("");
	int space = 1; /* suppress leading space */
	const utf8proc_uint8_t *p = dec;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0)
			break;
		p += k;
		if (cp == 0x0111 || cp == 0x0110) /* đ has no decomposition */
			cp = 'd';
		utf8proc_category_t c = utf8proc_category(cp);
		int word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			   (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
		if (!word) {
			if (!space)
				buf_putc(&b, ' ');
			space = 1;
			continue;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t e = utf8proc_encode_char(cp, enc);
		buf_put(&b, enc, (size_t)e);
		space = 0;
	}
	free(dec);
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

size_t
text_codepoints(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
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
	case UTF8PROC_CATEGORY_NO:
		return TEXT_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return p->ignorable ? TEXT_IGNORABLE : TEXT_MARK;
	case UTF8PROC_CATEGORY_ZS:
		return (cp == 0xA0 || cp == 0x2007 || cp == 0x202F) ? TEXT_OTHER : TEXT_SPACE;
	case UTF8PROC_CATEGORY_CC:
		return TEXT_CONTROL;
	default:
		return p->ignorable ? TEXT_IGNORABLE : TEXT_OTHER;
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
