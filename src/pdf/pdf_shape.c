/*
 * pdf_shape.c: what a paragraph's characters need beyond one glyph each:
 * runs in one face shaped with HarfBuzz (fonts_shape) into clusters of
 * positioned glyphs (fonts_shape), word boundaries inside Thai, Lao, Khmer and Myanmar
 * text from ICU's dictionary-based line break iterator, the order a line
 * of Arabic or Hebrew among other text is drawn in (ICU's bidirectional
 * algorithm), and one warning per run of characters no face has.  The only
 * file calling ICU.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>

#include "pdf_lay.h"
#include "xalloc.h"

int
shape_sea(uint32_t cp)
{
	if (cp < 0x0E00) /* Latin and Vietnamese: most characters */
		return 0;
	return (cp >= 0x0E00 && cp <= 0x0EFF) || /* Thai, Lao */
	       (cp >= 0x1000 && cp <= 0x109F) || /* Myanmar */
	       (cp >= 0x1780 && cp <= 0x17FF) || /* Khmer */
	       (cp >= 0x19E0 && cp <= 0x19FF) || /* Khmer symbols */
	       (cp >= 0xA9E0 && cp <= 0xA9FF) || (cp >= 0xAA60 && cp <= 0xAA7F) || /* Myanmar */
	       cp == 0x200B || cp == 0x200C || cp == 0x200D; /* zero-width space, (non-)joiner */
}

/* A character of a script written from right to left, or one that opens
 * such a run: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation
 * forms, the right-to-left marks, embeddings, overrides and isolates. */
static int
rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
	       (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x061C || cp == 0x202B ||
	       cp == 0x202E || cp == 0x2067;
}

int
shape_has_rtl(const struct para *p, size_t s, size_t e)
{
	for (size_t k = s; k < e; k++)
		if (p->c[k].cp >= 0x0590 && rtl(p->c[k].cp))
			return 1;
	return 0;
}

size_t *
shape_visual(const struct para *p, size_t s, size_t e)
{
	if (!shape_has_rtl(p, s, e))
		return NULL;
	/* the line in UTF-16, and the character each unit is of */
	UChar *u = xcalloc(2 * (e - s) + 1, sizeof *u);
	size_t *of = xcalloc(2 * (e - s) + 1, sizeof *of), n = 0;
	for (size_t k = s; k < e; k++) {
		uint32_t cp = p->c[k].flags & ICH_OBJ ? 0xFFFC : p->c[k].cp;
		if (cp >= 0x10000) {
			u[n] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
			of[n++] = k;
			cp = 0xDC00 + (cp & 0x3FF);
		}
		u[n] = (UChar)cp;
		of[n++] = k;
	}
	size_t *order = NULL;
	UErrorCode err = U_ZERO_ERROR;
	UBiDi *bd = ubidi_openSized((int32_t)n, 0, &err);
	if (U_SUCCESS(err))
		ubidi_setPara(bd, u, (int32_t)n, UBIDI_LTR, NULL, &err);
	int32_t *map = xcalloc(n + 1, sizeof *map);
	if (U_SUCCESS(err))
		ubidi_getVisualMap(bd, map, &err);
	if (U_SUCCESS(err)) {
		/* each character once, where its first unit is seen */
		order = xcalloc(e - s, sizeof *order);
		size_t m = 0, last = (size_t)-1;
		for (size_t v = 0; v < n; v++) {
			size_t k = of[map[v]];
			if (k != last)
				order[m++] = k;
			last = k;
		}
	}
	ubidi_close(bd);
	free(map);
	free(of);
	free(u);
	return order;
}

/* One warning per run of characters no face has; spaces between them do
 * not end the run. */
static void
warn_missing(struct lay *L, struct para *p, size_t from)
{
	uint32_t *cps = NULL;
	size_t n = 0, cap = 0;
	for (size_t k = from; k <= p->n; k++) {
		const struct ich *c = k < p->n ? &p->c[k] : NULL;
		if (c && (c->flags & ICH_MISSING)) {
			cps = xgrow(cps, &cap, n + 1, sizeof *cps);
			cps[n++] = c->cp;
			continue;
		}
		if (c && (c->flags & ICH_SPACE) && n)
			continue;
		if (n)
			fonts_missing(L->fonts, cps, n);
		n = 0;
	}
	free(cps);
}

/* Shapes p->c[s, e), characters of one face, into clusters. */
static void
shape_run(struct lay *L, struct para *p, size_t s, size_t e, uint32_t **text, size_t *captext,
          struct sglyph **sg, size_t *capsg)
{
	size_t n = e - s;
	*text = xgrow(*text, captext, n, sizeof **text);
	for (size_t k = 0; k < n; k++)
		(*text)[k] = p->c[s + k].cp;
	int face = p->c[s].face;
	size_t ng = fonts_shape(L->fonts, face, *text, n, sg, capsg);
	for (size_t k = s; k < e; k++) {
		p->c[k].flags = (uint16_t)(p->c[k].flags | ICH_CONT);
		p->c[k].w = 0;
	}
	for (size_t g = 0, h; g < ng; g = h) {
		uint32_t a = (*sg)[g].cluster;
		for (h = g + 1; h < ng && (*sg)[h].cluster == a; h++)
			;
		struct ich *c = &p->c[s + a];
		float size = p->st[c->style].size, adv = 0, top = 0, bot = 0;
		c->flags = (uint16_t)((c->flags & ~ICH_CONT) | ICH_SHAPED);
		c->g0 = (uint32_t)p->ng;
		c->ng = (uint32_t)(h - g);
		p->g = xgrow(p->g, &p->capg, p->ng + (h - g), sizeof *p->g);
		for (size_t k = g; k < h; k++) {
			const struct sglyph *x = &(*sg)[k];
			p->g[p->ng++] =
			    (struct pglyph){x->code, x->glyph, x->adv, x->dx, x->dy, x->path};
			adv += x->adv;
			top = x->top > top ? x->top : top;
			bot = x->bot < bot ? x->bot : bot;
		}
		c->top = (int16_t)(top < 32767 ? top : 32767);
		c->bot = (int16_t)(bot > -32767 ? bot : -32767);
		c->w = adv * size / 1000.0f;
	}
}

/* Word boundaries of p->c[s, e), a run of Thai, Lao, Khmer or Myanmar. */
static void
word_breaks(struct para *p, size_t s, size_t e, UChar **u16, size_t *cap)
{
	*u16 = xgrow(*u16, cap, e - s, sizeof **u16);
	for (size_t k = s; k < e; k++) /* these scripts are in the BMP */
		(*u16)[k - s] = (UChar)p->c[k].cp;
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_LINE, "", *u16, (int32_t)(e - s), &err);
	if (U_FAILURE(err))
		return; /* no data: breaks at spaces only */
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		size_t k = s + (size_t)b;
		if (k > s && k < e && !(p->c[k].flags & (ICH_CONT | ICH_MARK)))
			p->c[k].flags |= ICH_WBRK;
	}
	ubrk_close(bi);
}

static int
plain(const struct ich *c)
{
	return !(c->flags & (ICH_MISSING | ICH_INVIS | ICH_OBJ | ICH_HARD));
}

/* fonts_unshaped, ASCII answered without the call */
static int
unshaped(uint32_t cp)
{
	return (cp >= 0x20 && cp <= 0x7E) || fonts_unshaped(cp);
}

void
para_shape(struct lay *L, struct para *p, size_t from, unsigned need)
{
	if (need & SHAPE_MISSING)
		warn_missing(L, p, from);
	uint32_t *text = NULL;
	struct sglyph *sg = NULL;
	UChar *u16 = NULL;
	size_t captext = 0, capsg = 0, capu = 0;
	for (size_t k = need & SHAPE_RUNS ? from : p->n; k < p->n;) {
		size_t e = k + 1;
		if (!plain(&p->c[k])) {
			k = e;
			continue;
		}
		int simple = unshaped(p->c[k].cp);
		for (; e < p->n && plain(&p->c[e]) && p->c[e].face == p->c[k].face; e++)
			simple &= unshaped(p->c[e].cp);
		if (!simple)
			shape_run(L, p, k, e, &text, &captext, &sg, &capsg);
		k = e;
	}
	for (size_t k = need & SHAPE_WORDS ? from : p->n; k < p->n;) {
		size_t e = k + 1;
		if (!shape_sea(p->c[k].cp)) {
			k = e;
			continue;
		}
		while (e < p->n && shape_sea(p->c[e].cp))
			e++;
		if (e - k > 1)
			word_breaks(p, k, e, &u16, &capu);
		k = e;
	}
	free(text);
	free(sg);
	free(u16);
}
