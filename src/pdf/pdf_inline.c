/*
 * pdf_inline.c: the inline content of paragraphs, headings and table
 * cells: characters with their face and width, spans, images; line
 * breaking on real glyph widths (after spaces, after the hyphen of
 * "Val-de-Marne", around CJK, between Thai, Lao, Khmer and Myanmar words;
 * a word wider than the line is cut between clusters, never losing or
 * adding a character); drawing a line as text runs, shaped ones glyph by
 * glyph, with underlines, strike-through, code backgrounds and link
 * rectangles.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_lay.h"
#include "pdf_style.h"
#include "text.h"
#include "xalloc.h"

#define KEEP_RGB 0xFFFFFFFFu

void
para_reset(struct para *p, int font, float size, uint32_t rgb, float lead, int pre)
{
	p->n = p->nst = p->nobj = p->nstack = p->ng = 0;
	p->col = 0;
	p->lead = lead;
	p->pre = pre;
	p->st = xgrow(p->st, &p->capst, 1, sizeof *p->st);
	p->st[p->nst++] = (struct istyle){(uint8_t)font, 0, size, rgb, -1};
}

void
para_free(struct para *p)
{
	free(p->c);
	free(p->st);
	free(p->obj);
	free(p->g);
	free(p->stack);
	free(p->ln);
	memset(p, 0, sizeof *p);
}

void
para_fit(struct para *p)
{
	if (p->n && p->n < p->cap) {
		p->c = xrealloc(p->c, p->n * sizeof *p->c);
		p->cap = p->n;
	}
	if (p->nst && p->nst < p->capst) {
		p->st = xrealloc(p->st, p->nst * sizeof *p->st);
		p->capst = p->nst;
	}
	if (!p->nstack) {
		free(p->stack);
		p->stack = NULL;
		p->capstack = 0;
	}
}

void
para_take(struct lay *L, struct para *p, int font, float size, uint32_t rgb, float lead, int pre)
{
	if (L->nspare)
		*p = L->spare[--L->nspare];
	else
		memset(p, 0, sizeof *p);
	para_reset(p, font, size, rgb, lead, pre);
}

void
para_give(struct lay *L, struct para *p)
{
	if (L->nspare < PARAS_KEPT)
		L->spare[L->nspare++] = *p;
	else
		para_free(p);
	memset(p, 0, sizeof *p);
}

static uint32_t
cur_style(const struct para *p)
{
	return p->nstack ? p->stack[p->nstack - 1] : 0;
}

void
para_span(struct para *p, int font_set, int deco_set, uint32_t rgb, int link)
{
	struct istyle s = p->st[cur_style(p)];
	s.font = (uint8_t)(s.font | font_set);
	if ((deco_set & DECO_SUPER) && !(s.deco & DECO_SUPER))
		s.size *= SUPER_SIZE;
	s.deco = (uint8_t)(s.deco | deco_set);
	if (rgb != KEEP_RGB)
		s.rgb = rgb;
	if (link >= 0)
		s.link = link;
	p->st = xgrow(p->st, &p->capst, p->nst + 1, sizeof *p->st);
	p->st[p->nst] = s;
	p->stack = xgrow(p->stack, &p->capstack, p->nstack + 1, sizeof *p->stack);
	p->stack[p->nstack++] = (uint32_t)p->nst++;
}

void
para_span_end(struct para *p)
{
	if (p->nstack)
		p->nstack--;
}

static struct ich *
push(struct para *p)
{
	if (p->n >= p->cap) /* once a character, so no call while there is room */
		p->c = xgrow(p->c, &p->cap, p->n + 1, sizeof *p->c);
	struct ich *c = &p->c[p->n++];
	memset(c, 0, sizeof *c);
	c->style = cur_style(p);
	return c;
}

/* A line may break between any two of these characters (not the same set
 * as the fonts' CJK fallback, pdf_fonts.c). */
static int
breaks_anywhere(uint32_t cp)
{
	/* Han and kana: Korean writes spaces between words, so a name in
	 * hangul (경상북도) is not broken between its syllables */
	return (cp >= 0x2E80 && cp <= 0x312F) || (cp >= 0x3190 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int
in_list(uint32_t cp, const uint32_t *l)
{
	for (; *l; l++)
		if (*l == cp)
			return 1;
	return 0;
}

/* Closing and opening punctuation that a CJK line may not start or end with. */
static const uint32_t closing[] = {')',    ']',    '}',    ',',    '.',    ':',    ';',    '!',
                                   '?',    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF01, 0xFF1F, 0xFF1A,
                                   0xFF1B, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B,
                                   0x30FC, 0x3005, 0x2026, 0x30FB, 0};
static const uint32_t opening[] = {'(',    '[',    '{',    0xFF08, 0x300C, 0x300E,
                                   0x3010, 0x3014, 0x3008, 0x300A, 0};

/* What a character becomes in font style `font` (pdf_fonts.c gives its
 * code, face and width; fonts_glyph reports no missing character here:
 * para_shape reports runs). */
static struct chinfo
char_info(struct lay *L, int font, uint32_t cp)
{
	enum text_class k = text_class(cp);
	struct glyph g;
	fonts_glyph(L->fonts, font, cp, 1, &g);
	struct chinfo ci = {0, g.cid, (uint16_t)g.width, 0, (uint8_t)g.face, 0};
	if (k == TEXT_SPACE)
		ci.flags |= ICH_SPACE;
	else if (k == TEXT_LETTER && !(cp >= '0' && cp <= '9')) /* "10-15" keeps together */
		ci.flags |= ICH_LETTER;
	else if (k == TEXT_MARK)
		ci.flags |= ICH_MARK;
	if (g.missing && k == TEXT_IGNORABLE) {
		ci.flags |= ICH_INVIS;
		ci.width = 0;
	} else if (g.missing)
		ci.flags |= ICH_MISSING | ICH_INVIS;
	if (breaks_anywhere(cp))
		ci.flags |= ICH_CJK;
	if (cp == '-' || cp == 0x2010)
		ci.flags |= ICH_HYPHEN;
	/* both lists hold ASCII punctuation and characters from U+2026 on:
	 * the letters and digits of Latin and Vietnamese text, nearly every
	 * character of a report, need not walk them */
	int ascii_alnum = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
	if (cp < 0x80 ? !ascii_alnum : cp >= 0x2026) {
		if (in_list(cp, closing))
			ci.flags |= ICH_CLOSE;
		if (in_list(cp, opening))
			ci.flags |= ICH_OPEN;
	}
	if (g.missing)
		ci.need |= SHAPE_MISSING;
	if (!(cp >= 0x20 && cp <= 0x7E) && !fonts_unshaped(cp))
		ci.need |= SHAPE_RUNS;
	if (shape_sea(cp))
		ci.need |= SHAPE_WORDS;
	return ci;
}

/* Adds cp; returns what para_shape may have to do for it (SHAPE_*). */
static unsigned
add_char(struct lay *L, struct para *p, uint32_t cp)
{
	struct ich *c = push(p);
	const struct istyle *st = &p->st[c->style];
	struct chinfo ci;
	if (cp <= 0x1FFFFF) {
		uint32_t key = ((uint32_t)st->font << 21 | cp) + 1;
		struct chinfo *e = &L->chars[(cp ^ (uint32_t)st->font << 7) & (CHARS_KEPT - 1)];
		if (e->key != key) {
			*e = char_info(L, st->font, cp);
			e->key = key;
		}
		ci = *e;
	} else
		ci = char_info(L, st->font, cp);
	c->cid = ci.cid;
	c->cp = cp;
	c->face = ci.face;
	c->w = (float)ci.width * st->size / 1000.0f;
	c->flags |= ci.flags;
	p->col++;
	return ci.need;
}

void
para_text(struct lay *L, struct para *p, const char *s)
{
	char *nfc = NULL;
	size_t from = p->n;
	unsigned need = 0;
	for (const unsigned char *q = (const unsigned char *)s; *q; q++)
		if (*q >= 0x80) {
			if (!text_nfc_for_sure(s)) /* nearly always is: no copy */
				s = nfc = text_nfc(s);
			break;
		}
	const unsigned char *q = (const unsigned char *)s;
	while (*q) {
		uint32_t cp = *q < 0x80 ? *q++ : text_next_cp(&q); /* ASCII at once */
		if (cp == '\n' && p->pre) {
			para_hard(p);
			continue;
		}
		if (cp == '\t' && p->pre) {
			unsigned n = 4 - p->col % 4;
			while (n--)
				need |= add_char(L, p, ' ');
			continue;
		}
		if (cp == '\n' || cp == '\t' || cp == '\r')
			cp = ' ';
		need |= add_char(L, p, cp);
	}
	free(nfc);
	para_shape(L, p, from, need);
}

void
para_hard(struct para *p)
{
	push(p)->flags = ICH_HARD;
	p->col = 0;
}

void
para_object(struct lay *L, struct para *p, int image, float w, float h)
{
	(void)L;
	p->obj = xgrow(p->obj, &p->capobj, p->nobj + 1, sizeof *p->obj);
	p->obj[p->nobj] = (struct iobj){image, w, h, w, h};
	struct ich *c = push(p);
	c->cid = (uint32_t)p->nobj++;
	c->w = w;
	c->flags = ICH_OBJ;
}

/* May a line end after character i? */
static int
breakable(const struct para *p, size_t i)
{
	const struct ich *a = &p->c[i], *b = &p->c[i + 1];
	if (b->flags & (ICH_MARK | ICH_CONT))
		return 0;
	if (b->flags & ICH_WBRK)
		return 1;
	if (a->flags & ICH_SPACE)
		return !(b->flags & ICH_SPACE);
	if (b->flags & ICH_SPACE)
		return 0;
	if ((a->flags | b->flags) & ICH_OBJ)
		return 1;
	if (a->flags & ICH_HYPHEN)
		return i > 0 && (p->c[i - 1].flags & ICH_LETTER) && (b->flags & ICH_LETTER);
	if ((a->flags | b->flags) & ICH_CJK)
		return !(b->flags & ICH_CLOSE) && !(a->flags & ICH_OPEN);
	return 0;
}

static void
line_metrics(const struct para *p, struct line *ln, size_t end)
{
	float maxs = 0, objh = 0, top = 0, bot = 0;
	for (size_t k = ln->s; k < end; k++) {
		const struct ich *c = &p->c[k];
		if (c->flags & ICH_OBJ) {
			if (p->obj[c->cid].dh > objh)
				objh = p->obj[c->cid].dh;
		} else if (!(c->flags & ICH_HARD) && p->st[c->style].size > maxs)
			maxs = p->st[c->style].size;
		if (c->flags & ICH_SHAPED) { /* stacked marks, subscripts: their ink */
			float sz = p->st[c->style].size / 1000.0f, pad = 40 * sz;
			top = (float)c->top * sz + pad > top ? (float)c->top * sz + pad : top;
			bot = -(float)c->bot * sz + pad > bot ? -(float)c->bot * sz + pad : bot;
		}
	}
	if (maxs == 0)
		maxs = p->st[0].size;
	float half = (maxs * p->lead - maxs * (ASCENT + DESCENT)) / 2;
	ln->asc = maxs * ASCENT + half;
	if (objh + 1 > ln->asc)
		ln->asc = objh + 1;
	ln->desc = maxs * DESCENT + half;
	/* a line of tall script is as tall as its ink and a little more, so
	 * that lines never touch */
	if (top > ln->asc)
		ln->asc = top;
	if (bot > ln->desc)
		ln->desc = bot;
}

size_t
para_break(struct lay *L, struct para *p, float width, float maxh, struct line **lines)
{
	(void)L;
	size_t nl = 0;
	if (width < 1)
		width = 1;
	for (size_t k = 0; k < p->nobj; k++) {
		struct iobj *o = &p->obj[k];
		float s = 1;
		if (o->w > width)
			s = width / o->w;
		if (o->h * s > maxh)
			s = maxh / o->h;
		o->dw = o->w * s;
		o->dh = o->h * s;
	}
	for (size_t k = 0; k < p->n; k++)
		if (p->c[k].flags & ICH_OBJ)
			p->c[k].w = p->obj[p->c[k].cid].dw;
	size_t i = 0;
	while (i < p->n) {
		size_t s = i, j = i, last = (size_t)-1, e, next;
		float w = 0;
		int hard = 0;
		for (; j < p->n; j++) {
			const struct ich *c = &p->c[j];
			if (c->flags & ICH_HARD) {
				hard = 1;
				break;
			}
			/* a word as wide as the line fits: a table's column is
			 * its widest word and its padding, and the padding taken
			 * off again leaves a width a rounding short of the word */
			if (!(c->flags & ICH_SPACE) && j > s && w + c->w > width + 0.01f)
				break;
			w += c->w;
			if (j + 1 < p->n && breakable(p, j))
				last = j;
		}
		if (j == p->n || hard) {
			e = j;
			next = j + hard;
		} else if (last != (size_t)-1) {
			e = next = last + 1;
		} else {
			/* a word wider than the line: cut it, keeping marks on their
			 * base and clusters whole */
			e = j;
			while (e > s + 1 && (p->c[e].flags & (ICH_MARK | ICH_CONT)))
				e--;
			next = e;
		}
		struct line ln = {s, e, next, 0, 0, 0};
		while (ln.e > s && (p->c[ln.e - 1].flags & ICH_SPACE))
			ln.e--;
		for (size_t k = s; k < ln.e; k++)
			ln.w += p->c[k].w;
		line_metrics(p, &ln, e);
		p->ln = xgrow(p->ln, &p->capln, nl + 1, sizeof *p->ln);
		p->ln[nl++] = ln;
		i = next;
	}
	*lines = p->ln;
	return nl;
}

void
para_widths(const struct para *p, float *minw, float *maxw)
{
	float seg = 0, line = 0, trail = 0;
	*minw = *maxw = 0;
	for (size_t k = 0; k < p->n; k++) {
		const struct ich *c = &p->c[k];
		if (c->flags & ICH_HARD) {
			if (line - trail > *maxw)
				*maxw = line - trail;
			line = seg = trail = 0;
			continue;
		}
		/* images shrink with their column, so they ask for little */
		float w = (c->flags & ICH_OBJ) ? (c->w < 24 ? c->w : 24) : c->w;
		line += c->w;
		trail = (c->flags & ICH_SPACE) ? trail + c->w : 0;
		if (!(c->flags & ICH_SPACE))
			seg += w;
		if (seg > *minw)
			*minw = seg;
		if (k + 1 < p->n && breakable(p, k))
			seg = 0;
	}
	if (line - trail > *maxw)
		*maxw = line - trail;
}

static void
put_utf8(struct buf *b, uint32_t c)
{
	if (c < 0x80) { /* a face's first 127 codes: most of a document's */
		buf_putc(b, (int)c);
		return;
	}
	char u[4];
	buf_put(b, u, text_put_utf8(u, c));
}

static void
put_dlg(struct dl *dl, uint32_t code, float x, float dy, float adv, uint32_t glyph, int kind)
{
	/* no code left in the face (65,535 used): the glyph as an outline,
	 * no hidden text */
	if (!code && kind == DLG_TEXT)
		kind = DLG_PATH;
	else if (!code && kind == DLG_HIDDEN)
		return;
	dl->glyphs = xgrow(dl->glyphs, &dl->capglyphs, dl->nglyphs + 1, sizeof *dl->glyphs);
	dl->glyphs[dl->nglyphs++] = (struct dl_glyph){x, dy, adv, glyph, (uint8_t)kind};
	put_utf8(&dl->text, code ? code : 1); /* 0 would end the text */
}

/* Character k in a run drawn code by code, *pen points from its start: a
 * cluster drawn as paths is followed by its characters as hidden text. */
static void
put_glyphs(struct lay *L, const struct para *p, size_t k, float *pen)
{
	const struct ich *c = &p->c[k];
	float em = p->st[c->style].size / 1000.0f, x = *pen;
	if (c->flags & ICH_CONT)
		return;
	*pen += c->w;
	if (!(c->flags & ICH_SHAPED)) {
		put_dlg(L->dl, c->cid, x, 0, c->w, 0, DLG_TEXT);
		return;
	}
	int paths = 0;
	for (size_t g = c->g0; g < c->g0 + c->ng; g++) {
		const struct pglyph *y = &p->g[g];
		put_dlg(L->dl, y->code, x + y->dx * em, y->dy * em, y->adv * em, y->glyph,
		        y->path ? DLG_PATH : DLG_TEXT);
		x += y->adv * em;
		paths |= y->path;
	}
	if (!paths)
		return;
	/* the characters side by side, each a share of the cluster as wide as
	 * its code: extractors see them in order, none overlapping, no gap */
	size_t e = k + 1;
	float total = 0;
	for (; e < p->n && (p->c[e].flags & ICH_CONT); e++)
		;
	for (size_t t = k; t < e; t++)
		total += fonts_code_width(L->fonts, c->face,
		                          fonts_hidden_code(L->fonts, c->face, p->c[t].cp));
	x = *pen - c->w;
	for (size_t t = k; t < e; t++) {
		uint32_t code = fonts_hidden_code(L->fonts, c->face, p->c[t].cp);
		float share = c->w * (float)fonts_code_width(L->fonts, c->face, code) / total;
		put_dlg(L->dl, code, x, 0, share, 0, DLG_HIDDEN);
		x += share;
	}
}

static int
same_run(const struct para *p, const struct ich *a, const struct ich *b)
{
	if (a->face != b->face || ((a->flags ^ b->flags) & (ICH_INVIS | ICH_MISSING)) ||
	    ((a->flags | b->flags) & ICH_OBJ))
		return 0;
	if (a->style == b->style)
		return 1;
	const struct istyle *x = &p->st[a->style], *y = &p->st[b->style];
	return x->size == y->size && x->rgb == y->rgb && x->deco == y->deco && x->link == y->link;
}

struct linkrun {  /* a link's rectangle being extended along a line */
	int link; /* -1: none open */
	float x0, x1, y0, y1;
};

static void
link_flush(struct lay *L, struct linkrun *r)
{
	if (r->link >= 0 && r->x1 > r->x0)
		dl_add_link(L->dl, L->page, L->links[r->link], r->x0, r->y0, r->x1 - r->x0,
		            r->y1 - r->y0);
	r->link = -1;
}

static void
link_extend(struct lay *L, struct linkrun *r, int link, float x0, float x1, float y0, float y1)
{
	if (link != r->link)
		link_flush(L, r);
	if (link < 0)
		return;
	if (r->link < 0) {
		*r = (struct linkrun){link, x0, x1, y0, y1};
		return;
	}
	r->x1 = x1;
	if (y0 < r->y0)
		r->y0 = y0;
	if (y1 > r->y1)
		r->y1 = y1;
}

void
para_draw_line(struct lay *L, struct para *p, const struct line *ln, float x, float base,
               float width, int align)
{
	float cx = x;
	if (align == 'c' && ln->w < width)
		cx += (width - ln->w) / 2;
	else if (align == 'r' && ln->w < width)
		cx += width - ln->w;
	struct linkrun lr = {-1, 0, 0, 0, 0};
	/* the characters from left to right: a right-to-left run reversed */
	size_t *vis = shape_visual(p, ln->s, ln->e), n = ln->e - ln->s;
#define AT(v) (vis ? vis[v] : ln->s + (v))
	size_t v = 0;
	while (v < n) {
		size_t i = AT(v);
		const struct ich *c = &p->c[i];
		const struct istyle *st = &p->st[c->style];
		float baseline = base + (st->deco & DECO_SUPER ? st->size * SUPER_RISE : 0);
		if (c->flags & ICH_HARD) {
			v++;
			continue;
		}
		if (c->flags & ICH_OBJ) {
			const struct iobj *o = &p->obj[c->cid];
			dl_add_image(L->dl, L->page, o->image, cx, baseline, o->dw, o->dh);
			link_extend(L, &lr, st->link, cx, cx + o->dw, baseline, baseline + o->dh);
			cx += o->dw;
			v++;
			continue;
		}
		size_t u = v;
		float w = 0;
		size_t off = L->dl->text.len, glyph = L->dl->nglyphs;
		int shaped = 0;
		while (u < n && !(p->c[AT(u)].flags & ICH_HARD) && same_run(p, c, &p->c[AT(u)]))
			shaped |= p->c[AT(u++)].flags & (ICH_SHAPED | ICH_CONT);
		for (size_t t = v; t < u; t++) {
			if (shaped)
				put_glyphs(L, p, AT(t), &w);
			else {
				put_utf8(&L->dl->text, p->c[AT(t)].cid);
				w += p->c[AT(t)].w;
			}
		}
		float lo = baseline - st->size * DESCENT, hi = baseline + st->size * ASCENT;
		if (c->flags & ICH_MISSING) { /* the box says "a character is here" */
			float bx = cx;
			for (size_t t = v; t < u; t++) {
				float bw = p->c[AT(t)].w;
				dl_add_rect(L->dl, L->page, DL_FRAME, bx + bw * 0.12f, baseline,
				            bw * 0.76f, st->size * 0.68f, st->size * 0.05f,
				            st->rgb);
				bx += bw;
			}
		}
		if (st->deco & DECO_CODEBG)
			dl_add_rect(L->dl, L->page, DL_FILL, cx - 0.5f, lo, w + 1, hi - lo, 0,
			            CODE_BG_RGB);
		struct dl_item *it = dl_push(L->dl, L->page, DL_TEXT);
		it->face = c->face;
		it->invisible = !!(c->flags & ICH_INVIS);
		it->x = cx;
		it->y = baseline;
		it->w = w;
		it->h = st->size;
		it->rgb = st->rgb;
		it->off = off;
		it->len = L->dl->text.len - off;
		it->shaped = shaped != 0;
		it->glyph = glyph;
		if (st->deco & DECO_STRIKE)
			dl_add_rect(L->dl, L->page, DL_LINE, cx, baseline + st->size * 0.28f, w, 0,
			            st->size * STRIKE_W, st->rgb);
		if (st->deco & DECO_UNDER)
			dl_add_rect(L->dl, L->page, DL_LINE, cx, baseline - st->size * 0.11f, w, 0,
			            st->size * STRIKE_W, st->rgb);
		link_extend(L, &lr, st->link, cx, cx + w, lo, hi);
		cx += w;
		v = u;
	}
#undef AT
	free(vis);
	link_flush(L, &lr);
}

float
lay_string(struct lay *L, int font, float size, uint32_t rgb, int invisible, float x,
           float baseline, const char *s, int right)
{
	struct para p;
	para_take(L, &p, font, size, rgb, 1, 0);
	para_text(L, &p, s);
	struct line ln = {0, p.n, p.n, 0, 0, 0};
	for (size_t k = 0; k < p.n; k++) {
		ln.w += p.c[k].w;
		if (invisible)
			p.c[k].flags |= ICH_INVIS;
	}
	para_draw_line(L, &p, &ln, right ? x - ln.w : x, baseline, 0, 0);
	float w = ln.w;
	para_give(L, &p);
	return w;
}
