/*
 * rules_text.c: text-legacy-encoding, Vietnamese typed in the old TCVN3
 * (ABC) or VNI fonts and pasted into a record: "Së Ngo¹i vô" or "Sôû
 * Ngoaïi vuï" for "Sở Ngoại vụ".  Looks at every scalar value of the
 * record's tree; only reads.
 */
#include <stdlib.h>

#include "rules_int.h"
#include "xalloc.h"

#define MAX_FINDINGS 10 /* per record; the rest are counted in one more */

/* Next code point of valid UTF-8 (the loader checked it). */
static unsigned
next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = *s++;
	int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (extra)
		c &= 0x3Fu >> extra;
	for (; extra && (*s & 0xC0) == 0x80; extra--)
		c = (c << 6) | (*s++ & 0x3F);
	*p = s;
	return c;
}

static int
ascii_letter(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
ascii_lower(unsigned c)
{
	return c >= 'a' && c <= 'z';
}

static int
ascii_vowel(unsigned c)
{
	switch (c | 0x20) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y': return 1;
	}
	return 0;
}

/* Latin-1 symbols that TCVN3 uses for Vietnamese letters (µ à, ¸ á, ¹ ạ,
 * « ô, © â, ¬ ơ, ® đ …); after a letter they are never punctuation. */
static int
tcvn3_symbol(unsigned c)
{
	return (c >= 0xA1 && c <= 0xAC) || c == 0xAE || (c >= 0xB5 && c <= 0xBE);
}

/* Latin-1 letters VNI puts after a vowel as its marks (aø à, eä ệ, oï ọ,
 * ôû ở …) that Vietnamese written in Unicode never has. */
static int
vni_mark(unsigned c)
{
	switch (c) {
	case 0xE4:
	case 0xE5:
	case 0xEB:
	case 0xEF:
	case 0xF6:
	case 0xF8:
	case 0xFB:
	case 0xFC: return 1;
	}
	return 0;
}

/* 1: TCVN3, 2: VNI, 0: nothing alike.  One TCVN3 sign is enough (a letter
 * then a symbol, or a capital inside a lower-case word: "ViÖt"); VNI marks
 * also occur in French or German names ("Noël"), so it takes two. */
static int
legacy_kind(const char *s)
{
	unsigned prev = ' ', cur, next;
	int vni = 0;
	const unsigned char *p = (const unsigned char *)s;
	if (!*p)
		return 0;
	cur = next_cp(&p);
	while (cur) {
		next = *p ? next_cp(&p) : 0;
		if (cur >= 0x80 && cur <= 0xFF) {
			/* Not TCVN3: ® after a brand, a closing guillemet, Catalan l·l. */
			int catalan = cur == 0xB7 && (prev | 0x20) == 'l' && (next | 0x20) == 'l';
			int inside = cur != 0xAE && cur != 0xAB && cur != 0xBB;
			if (tcvn3_symbol(cur) && ascii_letter(prev) && !catalan &&
			    (inside || ascii_letter(next)))
				return 1;
			if (cur >= 0xC0 && cur <= 0xDE && cur != 0xD7 && ascii_lower(prev) &&
			    ascii_lower(next))
				return 1;
			if (vni_mark(cur) && (ascii_vowel(prev) || prev == 0xF4 || prev == 0xE2))
				vni++;
			/* VNI writes Đ/đ as Ñ/ñ before a vowel at a word's start. */
			if ((cur == 0xD1 || cur == 0xF1) && !ascii_letter(prev) &&
			    ascii_vowel(next))
				vni++;
		}
		prev = cur;
		cur = next;
	}
	return vni >= 2 ? 2 : 0;
}

struct walk {
	struct rctx *c;
	size_t found;
};

static void
walk(struct walk *w, const struct node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case NODE_SCALAR: {
		int k = n->str ? legacy_kind(n->str) : 0;
		if (!k)
			return;
		if (++w->found > MAX_FINDINGS)
			return;
		char *t = rules_short(n->str);
		if (k == 1)
			rules_emit(w->c, n->mark, "text-legacy-encoding", SEV_WARNING,
			           L(w->c->ctx->lang,
			             "'%s' có vẻ là chữ Việt gõ bằng phông TCVN3 (ABC), không phải "
			             "Unicode: hãy chuyển mã (ví dụ bằng Unikey)",
			             "'%s' looks like Vietnamese typed in a TCVN3 (ABC) font, not "
			             "Unicode: convert it (e.g. with Unikey)"),
			           t);
		else
			rules_emit(
			    w->c, n->mark, "text-legacy-encoding", SEV_WARNING,
			    L(w->c->ctx->lang,
			      "'%s' có vẻ là chữ Việt gõ bằng phông VNI, không phải Unicode: "
			      "hãy chuyển mã (ví dụ bằng Unikey)",
			      "'%s' looks like Vietnamese typed in a VNI font, not Unicode: "
			      "convert it (e.g. with Unikey)"),
			    t);
		free(t);
		return;
	}
	case NODE_SEQ:
		for (size_t i = 0; i < n->len; i++)
			walk(w, n->items[i]);
		return;
	case NODE_MAP:
		for (size_t i = 0; i < n->len; i++)
			walk(w, n->pairs[i].value);
		return;
	}
}

void
rules_text(struct rctx *c)
{
	struct walk w = {c, 0};
	walk(&w, c->r->root);
	if (w.found > MAX_FINDINGS)
		rules_emit(c, rules_root_mark(c), "text-legacy-encoding", SEV_WARNING,
		           L(c->ctx->lang,
		             "còn %zu giá trị khác cũng có vẻ gõ bằng phông cũ (TCVN3, VNI)",
		             "%zu more values also look like text in an old font (TCVN3, VNI)"),
		           w.found - MAX_FINDINGS);
}
