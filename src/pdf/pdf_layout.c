/*
 * pdf_layout.c: blocks on A4 pages: vertical spacing, page breaks,
 * block quotes with their bars, nested lists with bullets, numbers and
 * checkboxes, headings (bookmarks, anchors, kept with what follows), code
 * blocks, rules, images, links, page numbers.  Produces the display list;
 * never calls libharu.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "fsutil.h"
#include "pdf_lay.h"
#include "pdf_style.h"
#include "text.h"
#include "xalloc.h"

#define IMAGE_MAX_BYTES (32u << 20)
/* Decoded, an image costs 3 or 4 bytes a pixel in memory and in the PDF:
 * 25 million pixels (5000 x 5000) is more than a page shows. */
#define IMAGE_MAX_PIXELS 25000000ull
#define LINK_MAX_BYTES 4096u

/* ---- names: the headings' anchors in linear time ---- */

/* The value of key, or -1. */
static int
names_get(const struct names *t, const char *key)
{
	size_t *v = strmap_get(&t->map, key);
	return v ? (int)*v : -1;
}

/* Sets key to val (not negative).  An owning table takes key when it is
 * new and frees it otherwise; a borrowing one keeps the pointer. */
static void
names_put(struct names *t, char *key, int val)
{
	size_t *v = strmap_get(&t->map, key);
	if (v) {
		if (t->own)
			free(key);
		*v = (size_t)val;
	} else {
		strmap_add(&t->map, key, strlen(key), (size_t)val);
	}
}

static void
names_free(struct names *t)
{
	for (size_t i = 0; t->own && i < t->map.cap; i++)
		free((char *)t->map.v[i].s);
	strmap_free(&t->map);
}

/* ---- pages and vertical flow ---- */

struct lay *
lay_new(struct fonts *f, const struct lay_opts *o, struct strlist *warnings)
{
	struct lay *L = xcalloc(1, sizeof *L);
	L->fonts = f;
	L->o = *o;
	L->warnings = warnings;
	L->dl = xcalloc(1, sizeof *L->dl);
	L->dl->page_w = PAGE_W;
	L->dl->page_h = PAGE_H;
	L->st = &sty_plain;
	L->y = PAGE_H - L->st->mt;
	L->left = L->st->ml;
	L->right = PAGE_W - L->st->mr;
	L->at_top = 1;
	L->suffix.own = 1;
	if (o->form)
		form_begin(L);
	return L;
}

void
lay_free(struct lay *L)
{
	if (!L)
		return;
	dl_free(L->dl);
	free(L->ctr);
	para_free(&L->para);
	for (size_t i = 0; i < L->nspare; i++)
		para_free(&L->spare[i]);
	buf_free(&L->htext);
	for (size_t i = 0; i < L->nlinks; i++)
		free(L->links[i]);
	free(L->links);
	free(L->link_stack);
	table_free(L, L->tab);
	names_free(&L->anchor_at);
	names_free(&L->suffix);
	free(L);
}

/* Quote bars are drawn as one rectangle per quote and page. */
static void
bar_flush(struct lay *L, struct ctr *c)
{
	if (c->kind == CTR_QUOTE && c->bar && c->bar_top >= 0 && c->bar_top > c->bar_bot)
		dl_add_rect(L->dl, L->page, DL_FILL, c->bar_x, c->bar_bot, QUOTE_BAR_W,
		            c->bar_top - c->bar_bot, 0, QUOTE_BAR_RGB);
	c->bar_top = -1;
}

void
lay_page_break(struct lay *L)
{
	for (size_t i = 0; i < L->nctr && L->ctr[i].vis < MAX_VISIBLE_DEPTH; i++)
		bar_flush(L, &L->ctr[i]);
	L->page++;
	L->y = PAGE_H - L->st->mt;
	L->at_top = 1;
	L->pending = 0;
}

void
lay_advance(struct lay *L, float h)
{
	for (size_t i = 0; i < L->nctr && L->ctr[i].vis < MAX_VISIBLE_DEPTH; i++) {
		struct ctr *c = &L->ctr[i];
		if (c->kind != CTR_QUOTE || !c->bar)
			continue;
		if (c->bar_top < 0)
			c->bar_top = L->y;
		c->bar_bot = L->y - h;
	}
	L->y -= h;
	L->at_top = 0;
}

float
lay_room(const struct lay *L)
{
	return L->y - L->st->mb;
}

float
lay_page_room(const struct lay *L)
{
	(void)L;
	return PAGE_H - L->st->mt - L->st->mb;
}

void
lay_block_space(struct lay *L, float before)
{
	if (L->suppress)
		L->suppress = 0;
	else if (before > L->pending)
		L->pending = before;
}

/* Applies owed space now, before a container opens, so that a quote's bar
 * starts at its first line and not in the gap above it. */
static void
flush_space(struct lay *L)
{
	if (L->at_top)
		L->pending = 0;
	else if (L->pending > 0) {
		if (L->y - L->pending < L->st->mb)
			lay_page_break(L);
		else
			lay_advance(L, L->pending);
	}
	L->pending = 0;
}

/* A box at x; its extracted text "[x] " ends at the content edge. */
static void
checkbox(struct lay *L, float x, float content, float baseline, float size, int done)
{
	float b = size * CHECKBOX_SIZE, y = baseline - size * 0.06f;
	dl_add_rect(L->dl, L->page, DL_FRAME, x, y, b, b, 0.7f, 0x000000u);
	if (done) {
		dl_add_rect(L->dl, L->page, DL_LINE, x + b * 0.2f, y + b * 0.5f, b * 0.2f,
		            -b * 0.3f, 1.1f, 0);
		dl_add_rect(L->dl, L->page, DL_LINE, x + b * 0.4f, y + b * 0.2f, b * 0.45f,
		            b * 0.65f, 1.1f, 0);
	}
	/* extracted text says what the box shows */
	lay_string(L, 0, size, 0, 1, content - 1, baseline, done ? "[x] " : "[ ] ", 1);
}

static void
draw_marker(struct lay *L, size_t k, float baseline)
{
	struct ctr *it = &L->ctr[k], *ls = &L->ctr[k - 1];
	float size = L->st->body.size, box = size * CHECKBOX_SIZE;
	float right = it->left - MARKER_GAP;
	uint32_t rgb = L->quotes ? QUOTE_RGB : 0;
	/* beyond the visible depth items do not indent: their markers would
	 * pile up on their parents', so they are only extracted, not painted */
	int hidden = !it->indents;
	if (it->task >= 0) {
		if (hidden)
			lay_string(L, 0, size, 0, 1, it->left - 1, baseline,
			           it->task ? "[x] " : "[ ] ", 1);
		else
			checkbox(L, right - box, it->left, baseline, size, it->task);
		right -= box + 4;
	}
	if (ls->ordered) {
		char num[24];
		snprintf(num, sizeof num, "%d%c", it->number, ls->paren ? ')' : '.');
		lay_string(L, 0, size, rgb, hidden, right, baseline, num, 1);
	} else if (it->task < 0) {
		const char *b = bullets[ls->depth % (int)(sizeof bullets / sizeof bullets[0])];
		lay_string(L, 0, size, rgb, hidden, it->left - ls->marker_w, baseline, b, 0);
	}
}

float
lay_box_begin(struct lay *L, float need, float asc)
{
	if (!L->at_top) {
		if (L->y - L->pending - need < L->st->mb)
			lay_page_break(L);
		else if (L->pending > 0)
			lay_advance(L, L->pending);
	}
	L->pending = 0;
	L->suppress = 0;
	if (L->npending) {
		for (size_t k = 0; k < L->nctr; k++)
			if (L->ctr[k].kind == CTR_ITEM && L->ctr[k].pending) {
				L->ctr[k].pending = 0;
				draw_marker(L, k, L->y - asc);
			}
		L->npending = 0;
	}
	return L->y;
}

static struct ctr *
ctr_push(struct lay *L, int kind, int indent, float width)
{
	L->ctr = xgrow(L->ctr, &L->capctr, L->nctr + 1, sizeof *L->ctr);
	struct ctr *c = &L->ctr[L->nctr++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->vis = L->visible;
	c->bar_top = -1;
	c->task = -1;
	c->left = L->left;
	if (indent && L->visible < MAX_VISIBLE_DEPTH) {
		c->left += width;
		c->indents = 1;
		L->visible++;
	}
	return c;
}

static void
ctr_pop(struct lay *L)
{
	struct ctr *c = &L->ctr[--L->nctr];
	L->visible -= c->indents;
	L->left = L->nctr ? L->ctr[L->nctr - 1].left : L->st->ml;
}

/* ---- containers ---- */

void
lay_quote_begin(struct lay *L)
{
	lay_block_space(L, 0);
	flush_space(L);
	float x = L->left;
	struct ctr *c = ctr_push(L, CTR_QUOTE, 1, QUOTE_INDENT);
	c->bar = c->indents;
	c->bar_x = x + QUOTE_BAR_X;
	L->left = c->left;
	L->quotes++;
	L->suppress = 1;
}

void
lay_quote_end(struct lay *L)
{
	if (!L->nctr || L->ctr[L->nctr - 1].kind != CTR_QUOTE)
		return;
	bar_flush(L, &L->ctr[L->nctr - 1]);
	ctr_pop(L);
	L->quotes--;
	L->suppress = 0;
	if (L->st->body.after > L->pending)
		L->pending = L->st->body.after;
}

static int
in_tight_item(const struct lay *L)
{
	return L->nctr >= 2 && L->ctr[L->nctr - 1].kind == CTR_ITEM &&
	       L->ctr[L->nctr - 2].kind == CTR_LIST && L->ctr[L->nctr - 2].tight;
}

/* Width of the marker column for number n ("10." wider than "9."). */
static float
marker_width(const struct lay *L, int ordered, int n, int tasks)
{
	float size = L->st->body.size, w = LIST_INDENT;
	if (ordered) {
		char num[24];
		int k = snprintf(num, sizeof num, "%d", n);
		float need = (float)(k + 1) * size * 0.5f + size * 0.3f + MARKER_GAP +
		             (tasks ? size * CHECKBOX_SIZE + 4 : 0);
		if (need > w)
			w = need;
	}
	return w;
}

void
lay_list_begin(struct lay *L, int ordered, int start, int paren, int tight, int tasks)
{
	int nested = in_tight_item(L);
	int depth = 0;
	if (L->nctr >= 2 && L->ctr[L->nctr - 1].kind == CTR_ITEM)
		depth = L->ctr[L->nctr - 2].depth + 1;
	lay_block_space(L, 0);
	struct ctr *c = ctr_push(L, CTR_LIST, 0, 0);
	c->ordered = ordered;
	c->paren = paren;
	c->tight = tight;
	c->tasks = tasks;
	c->next = start;
	c->depth = depth;
	c->nested = nested;
	c->marker_w = marker_width(L, ordered, start, tasks);
}

void
lay_list_end(struct lay *L)
{
	if (!L->nctr || L->ctr[L->nctr - 1].kind != CTR_LIST)
		return;
	int nested = L->ctr[L->nctr - 1].nested;
	ctr_pop(L);
	L->suppress = 0;
	float after = nested ? 0 : L->st->body.after;
	if (after > L->pending)
		L->pending = after;
}

void
lay_item_begin(struct lay *L, int task)
{
	if (!L->nctr || L->ctr[L->nctr - 1].kind != CTR_LIST)
		return;
	struct ctr *ls = &L->ctr[L->nctr - 1];
	int number = ls->next++;
	float w = marker_width(L, ls->ordered, number, ls->tasks);
	if (w > ls->marker_w) /* numbers grow: 9. then 10. */
		ls->marker_w = w;
	w = ls->marker_w;
	flush_space(L);
	struct ctr *it = ctr_push(L, CTR_ITEM, 1, w);
	it->number = number;
	it->task = task;
	it->pending = 1;
	L->npending++;
	L->left = it->left;
	L->suppress = 1;
}

void
lay_item_end(struct lay *L)
{
	if (!L->nctr || L->ctr[L->nctr - 1].kind != CTR_ITEM)
		return;
	if (L->ctr[L->nctr - 1].pending) { /* empty item: its marker on a line of its own */
		float h = L->st->body.size * L->st->body.lead;
		lay_box_begin(L, h,
		              h - L->st->body.size * DESCENT -
		                  (L->st->body.lead - 1) * L->st->body.size / 2);
		lay_advance(L, h);
	}
	ctr_pop(L);
	L->suppress = 0;
}

/* ---- paragraphs, headings, code ---- */

static uint32_t
text_rgb(const struct lay *L, uint32_t rgb)
{
	return L->quotes && rgb == 0 ? QUOTE_RGB : rgb;
}

static void
inline_begin(struct lay *L, const struct bstyle *s)
{
	lay_block_space(L, s->before);
	para_reset(&L->para, s->font, s->size, text_rgb(L, s->rgb), s->lead, 0);
	L->cur = &L->para;
	L->nlink_stack = 0;
}

/* Draws line ln of p across width with its spaces widened (justified
 * text): each word is drawn on its own from its place. */
static void
draw_justified(struct lay *L, struct para *p, const struct line *ln, float x, float baseline,
               float width)
{
	size_t spaces = 0;
	for (size_t i = ln->s; i < ln->e; i++)
		spaces += (p->c[i].flags & ICH_SPACE) != 0;
	float gap = spaces ? (width - ln->w) / (float)spaces : 0;
	/* too loose, or words of a right-to-left run, whose order the line's
	 * own drawing decides: left as it is */
	if (!spaces || gap <= 0 || gap > p->st[0].size || shape_has_rtl(p, ln->s, ln->e)) {
		para_draw_line(L, p, ln, x, baseline, width, 0);
		return;
	}
	struct line w = *ln;
	for (size_t i = ln->s; i < ln->e;) {
		size_t j = i;
		float ww = 0;
		while (j < ln->e && !(p->c[j].flags & ICH_SPACE))
			ww += p->c[j++].w;
		while (j < ln->e && (p->c[j].flags & ICH_SPACE))
			ww += p->c[j++].w;
		w.s = i;
		w.e = j;
		w.w = ww;
		para_draw_line(L, p, &w, x, baseline, ww, 0);
		x += ww + (j < ln->e ? gap : 0);
		i = j;
	}
}

/* Places the lines of p; keep: room wanted below the first line (headings).
 * Returns the top of the first line, and its page in *page. */
static float
place_para(struct lay *L, struct para *p, float keep, int *page)
{
	float width = L->right - L->left, top0 = L->y;
	/* the first line of a body paragraph indented: its first character
	 * is made wider for the line breaking, then drawn further right */
	float indent =
	    !L->heading && !L->nctr && p->n && !(p->c[0].flags & ICH_OBJ) ? L->st->indent : 0;
	struct line *ln;
	if (indent > 0)
		p->c[0].w += indent;
	size_t n = para_break(L, p, width, lay_page_room(L) * IMAGE_MAX_H, &ln);
	if (indent > 0)
		p->c[0].w -= indent;
	if (n && ln[0].s > 0)
		indent = 0; /* the first character did not start the first line */
	if (n)
		ln[0].w -= indent;
	*page = L->page;
	for (size_t k = 0; k < n; k++) {
		float h = ln[k].asc + ln[k].desc, need = h + (k == 0 ? keep : 0);
		/* no first line alone at the foot of a page, no last line alone
		 * at the head of the next: a paragraph of three lines cannot be
		 * split at all */
		if (L->st->keep_lines && n >= 2 && (k == 0 || k + 2 == n))
			need += ln[k + 1].asc + ln[k + 1].desc;
		if (L->st->keep_lines && n == 3 && k == 0)
			need += ln[2].asc + ln[2].desc;
		float top = lay_box_begin(L, need, ln[k].asc);
		if (k == 0) {
			top0 = top;
			*page = L->page;
		}
		/* justified body text: not the last line, nor one a hard break ends */
		float x = L->left + (k == 0 ? indent : 0), w = width - (k == 0 ? indent : 0);
		if (L->st->justify && !L->heading && k + 1 < n && ln[k].e < p->n &&
		    !(p->c[ln[k].e].flags & ICH_HARD))
			draw_justified(L, p, &ln[k], x, top - ln[k].asc, w);
		else
			para_draw_line(L, p, &ln[k], x, top - ln[k].asc, w, 0);
		lay_advance(L, h);
	}
	return top0;
}

void
lay_para_begin(struct lay *L)
{
	inline_begin(L, &L->st->body);
	L->in_tight = in_tight_item(L);
}

void
lay_para_end(struct lay *L)
{
	int page;
	if (!L->cur)
		return;
	place_para(L, &L->para, 0, &page);
	L->cur = NULL;
	float after = L->in_tight ? 0 : L->st->body.after;
	if (after > L->pending)
		L->pending = after;
}

void
lay_heading_begin(struct lay *L, int level)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	inline_begin(L, &L->st->heading[level - 1]);
	L->heading = level;
	buf_reset(&L->htext);
}

/* Places the heading collected in L->para, level L->heading, with its
 * bookmark and anchor.  full > 0: a table follows, and its header rows and
 * first row take full points below the heading (gap included), least
 * points for the header and the first row's first line.  Returns 0 when
 * the heading, the header and the whole first row cannot share a page (the
 * heading then keeps least below it, and the row is split), else 1. */
static int
heading_place(struct lay *L, float full, float least)
{
	const struct bstyle *s = &L->st->heading[L->heading - 1];
	int page, whole = 1;
	/* a heading never ends a page: body lines must follow it (in the
	 * official form enough for a line, a table's header and first row) */
	float keep = L->st->heading_keep * L->st->body.size * L->st->body.lead;
	if (full > 0) {
		/* what the table below really needs, measured: below the
		 * heading's last line, the gap, the header rows and the first
		 * row (wrapped lines, images), never less than the estimate */
		float gap = s->after > L->st->table.before ? s->after : L->st->table.before;
		struct line *ln;
		size_t n = para_break(L, &L->para, L->right - L->left,
		                      lay_page_room(L) * IMAGE_MAX_H, &ln);
		float all = 0;
		for (size_t k = 0; k < n; k++)
			all += ln[k].asc + ln[k].desc;
		float rest = n ? all - ln[0].asc - ln[0].desc : 0;
		whole = all + gap + full <= lay_page_room(L);
		float below = rest + gap + (whole ? full : least);
		if (below > keep)
			keep = below;
	}
	float top = place_para(L, &L->para, keep, &page);
	char *raw = text_squeeze(buf_cstr(&L->htext)), *title = text_nfc(raw);
	free(raw);
	struct dl *dl = L->dl;
	if (*title) {
		dl->marks = xgrow(dl->marks, &dl->capmarks, dl->nmarks + 1, sizeof *dl->marks);
		dl->marks[dl->nmarks++] =
		    (struct dl_mark){L->heading, page, top, dl->text.len, strlen(title)};
		buf_puts(&dl->text, title);
		if (!dl->first_heading)
			dl->first_heading = xstrdup(title);
	}
	/* anchors as GitHub makes them: "a", "a-1", "a-2" */
	char *base = text_anchor(title), *name;
	if (names_get(&L->anchor_at, base) < 0) {
		name = xstrdup(base);
		free(base);
	} else {
		int k = names_get(&L->suffix, base);
		for (k = k < 1 ? 1 : k;; k++) {
			name = xasprintf("%s-%d", base, k);
			if (names_get(&L->anchor_at, name) < 0)
				break;
			free(name);
		}
		names_put(&L->suffix, base, k + 1);
	}
	dl->anchors = xgrow(dl->anchors, &dl->capanchors, dl->nanchors + 1, sizeof *dl->anchors);
	dl->anchors[dl->nanchors] = (struct dl_anchor){name, page, top};
	names_put(&L->anchor_at, name, (int)dl->nanchors++);
	free(title);
	L->heading = 0;
	if (s->after > L->pending)
		L->pending = s->after;
	return whole;
}

void
lay_heading_end(struct lay *L, int table_next)
{
	if (!L->cur || !L->heading)
		return;
	L->cur = NULL;
	if (table_next) {
		/* placed when the table is collected and can be measured
		 * (lay_heading_held); its text stays in L->para and L->htext */
		L->held = L->heading;
		L->heading = 0;
		return;
	}
	heading_place(L, 0, 0);
}

int
lay_heading_held(struct lay *L, float full, float least)
{
	if (!L->held)
		return 1;
	L->heading = L->held;
	L->held = 0;
	return heading_place(L, full, least);
}

/* Code blocks: lines kept, long ones wrapped, on a shaded box. */
static void
pre_block(struct lay *L, const struct bstyle *s, const char *text, int shade)
{
	lay_block_space(L, s->before);
	struct para *p = &L->para;
	para_reset(p, s->font, s->size, s->rgb, s->lead, 1);
	para_text(L, p, text);
	/* the text ends with its last newline: no empty line after it */
	if (p->n && (p->c[p->n - 1].flags & ICH_HARD))
		p->n--;
	float pad = shade ? CODE_PAD : 0, width = L->right - L->left - 2 * pad;
	struct line *ln;
	size_t n = para_break(L, p, width, lay_page_room(L) * IMAGE_MAX_H, &ln);
	struct line empty = {0, 0, 0, 0, s->size * ASCENT, s->size * DESCENT};
	if (!n) {
		ln = &empty;
		n = 1;
	}
	for (size_t k = 0; k < n; k++) {
		float pt = k == 0 ? pad : 0, pb = k + 1 == n ? pad : 0;
		float h = pt + ln[k].asc + ln[k].desc + pb;
		float top = lay_box_begin(L, h, pt + ln[k].asc);
		if (shade)
			dl_add_rect(L->dl, L->page, DL_FILL, L->left, top - h, L->right - L->left,
			            h, 0, CODE_BG_RGB);
		para_draw_line(L, p, &ln[k], L->left + pad, top - pt - ln[k].asc, width, 0);
		lay_advance(L, h);
	}
	if (s->after > L->pending)
		L->pending = s->after;
}

void
lay_code_block(struct lay *L, const char *text)
{
	pre_block(L, &L->st->code, text, 1);
}

/* A footnote's number in the text, smaller and raised; not in a heading's
 * bookmark. */
void
lay_note_ref(struct lay *L, const char *num)
{
	if (!L->cur || !num)
		return;
	para_span(L->cur, 0, DECO_SUPER, 0xFFFFFFFFu, -1);
	para_text(L, L->cur, num);
	para_span_end(L->cur);
}

void
lay_rule(struct lay *L)
{
	lay_block_space(L, L->st->rule.before);
	float h = 2;
	float top = lay_box_begin(L, h, 0);
	dl_add_rect(L->dl, L->page, DL_LINE, L->left, top - h / 2, L->right - L->left, 0, RULE_W,
	            RULE_RGB);
	lay_advance(L, h);
	if (L->st->rule.after > L->pending)
		L->pending = L->st->rule.after;
}

/* ---- inline content ---- */

void
lay_text(struct lay *L, const char *s)
{
	if (!L->cur)
		return;
	para_text(L, L->cur, s);
	if (L->heading)
		buf_puts(&L->htext, s);
}

void
lay_literal(struct lay *L, enum span kind, const char *s)
{
	if (!L->cur)
		return;
	(void)kind; /* SPAN_CODE: the only literal drawn as it is */
	para_span(L->cur, FST_MONO, DECO_CODEBG, 0xFFFFFFFFu, -1);
	lay_text(L, s);
	para_span_end(L->cur);
}

void
lay_softbreak(struct lay *L)
{
	lay_text(L, " ");
}

void
lay_hardbreak(struct lay *L)
{
	if (!L->cur)
		return;
	para_hard(L->cur);
	if (L->heading)
		buf_putc(&L->htext, ' ');
}

void
lay_span_begin(struct lay *L, enum span kind)
{
	if (!L->cur)
		return;
	switch (kind) {
	case SPAN_EMPH: para_span(L->cur, FST_ITALIC, 0, 0xFFFFFFFFu, -1); break;
	case SPAN_STRONG: para_span(L->cur, FST_BOLD, 0, 0xFFFFFFFFu, -1); break;
	case SPAN_STRIKE: para_span(L->cur, 0, DECO_STRIKE, 0xFFFFFFFFu, -1); break;
	case SPAN_CODE: para_span(L->cur, FST_MONO, DECO_CODEBG, 0xFFFFFFFFu, -1); break;
	}
}

void
lay_span_end(struct lay *L)
{
	if (L->cur)
		para_span_end(L->cur);
}

static int
scheme_len(const char *u)
{
	if (!isalpha((unsigned char)u[0]))
		return 0;
	int i = 1;
	while (isalnum((unsigned char)u[i]) || u[i] == '+' || u[i] == '-' || u[i] == '.')
		i++;
	return u[i] == ':' ? i : 0;
}

/* The URI a link points to: only web, mail and telephone schemes and
 * relative references; non-ASCII and unsafe bytes percent-encoded. */
static char *
link_target(const struct lay *L, const char *url)
{
	static const char *const ok[] = {"http", "https", "mailto", "ftp", "tel", NULL};
	if (!*url)
		return NULL;
	if (url[0] == '#')
		return xstrdup(url);
	int n = scheme_len(url);
	char *u = NULL;
	if (n) {
		const char *const *s = ok;
		while (*s && (strlen(*s) != (size_t)n || strncasecmp(*s, url, (size_t)n)))
			s++;
		if (!*s)
			return NULL;
		u = xstrdup(url);
	} else {
		u = xstrdup(url);
		if (L->o.md_links_to_pdf) {
			u[strcspn(u, "#?")] = '\0';
			size_t k = strlen(u);
			if (k > 3 && !strcasecmp(u + k - 3, ".md")) {
				u[k - 3] = '\0';
				char *v = xasprintf("%s.pdf", u);
				free(u);
				u = v;
			} else {
				free(u);
				u = xstrdup(url);
			}
		}
	}
	struct buf b = BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F || strchr("\"<>\\^`{|}", *p))
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	}
	free(u);
	return buf_detach(&b);
}

void
lay_link_begin(struct lay *L, const char *url)
{
	if (!L->cur)
		return;
	char *t = link_target(L, url);
	if (t && strlen(t) > LINK_MAX_BYTES) {
		/* each line the link's text takes repeats its target in the
		 * PDF, and libharu refuses strings past 64 KB */
		if (L->warnings) {
			char *m = xasprintf(L(L->o.lang,
			                      "liên kết %.40s… dài quá %u byte: chỉ hiện văn bản, "
			                      "không tạo liên kết",
			                      "link %.40s… is longer than %u bytes: shown as text, "
			                      "not as a link"),
			                    url, LINK_MAX_BYTES);
			strlist_push(L->warnings, m);
			free(m);
		}
		free(t);
		t = NULL;
	}
	int idx = -1;
	if (t) {
		L->links = xgrow(L->links, &L->caplinks, L->nlinks + 1, sizeof *L->links);
		idx = (int)L->nlinks;
		L->links[L->nlinks++] = t;
	}
	para_span(L->cur, 0, t ? DECO_UNDER : 0, t ? LINK_RGB : 0xFFFFFFFFu, idx);
}

void
lay_link_end(struct lay *L)
{
	lay_span_end(L);
}

static unsigned
be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* Pixel size of a PNG or JPEG; 0 when it is neither. */
static int
image_size(const unsigned char *d, size_t n, int *png, unsigned *w, unsigned *h)
{
	if (n >= 24 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8) && !memcmp(d + 12, "IHDR", 4)) {
		*png = 1;
		*w = be32(d + 16);
		*h = be32(d + 20);
		return *w > 0 && *h > 0 && *w < 100000 && *h < 100000;
	}
	if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return 0;
	*png = 0;
	size_t i = 2;
	while (i + 9 < n) {
		if (d[i] != 0xFF)
			return 0;
		unsigned m = d[i + 1];
		if (m == 0xFF) {
			i++;
			continue;
		}
		size_t len = (size_t)d[i + 2] << 8 | d[i + 3];
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			*h = (unsigned)d[i + 5] << 8 | d[i + 6];
			*w = (unsigned)d[i + 7] << 8 | d[i + 8];
			return *w > 0 && *h > 0;
		}
		if (len < 2)
			return 0;
		i += 2 + len;
	}
	return 0;
}

/* Loads a local image once per document.  Returns its index, or -1 with a
 * warning (the alt text is drawn instead). */
static int
load_image(struct lay *L, const char *url, const char *at, float *w, float *h)
{
	struct buf path = BUF_INIT;
	char *why = NULL, *data = NULL, *full = NULL;
	size_t len = 0;
	int idx = -1, png = 0;
	unsigned pw = 0, ph = 0;
	for (const char *p = url; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && text_hexval((unsigned char)p[1]) >= 0 &&
		    text_hexval((unsigned char)p[2]) >= 0) {
			buf_putc(&path, (char)(text_hexval((unsigned char)p[1]) * 16 +
			                       text_hexval((unsigned char)p[2])));
			p += 2;
		} else
			buf_putc(&path, *p);
	}
	const char *ps = buf_cstr(&path);
	if (!L->o.base_dir)
		why =
		    xstrdup(L(L->o.lang, "không nhúng ảnh ở đây", "images are not embedded here"));
	else if (scheme_len(url) || ps[0] == '/' || !strncmp(ps, "../", 3) || strstr(ps, "/../") ||
	         !strcmp(ps, "..") || strlen(ps) != path.len || !*ps)
		why = xstrdup(L(L->o.lang, "không phải tệp cục bộ trong thư mục của tài liệu",
		                "not a local file beside the document"));
	if (why)
		goto out;
	for (size_t i = 0; i < L->dl->nimages; i++)
		if (!strcmp(L->dl->images[i].path, ps)) {
			struct dl_image *im = &L->dl->images[i];
			image_size((unsigned char *)im->data, im->len, &png, &pw, &ph);
			idx = (int)i;
			goto out;
		}
	full = xasprintf("%s/%s", L->o.base_dir, ps);
	char *err = NULL;
	if (access(full, F_OK) == 0 && !fs_inside(L->o.base_dir, full)) {
		/* a link beside the document may not reach a file elsewhere */
		why = xstrdup(L(L->o.lang, "là liên kết tới tệp ngoài thư mục của tài liệu",
		                "a link to a file outside the document's directory"));
		goto out;
	}
	if (!fs_read(full, IMAGE_MAX_BYTES, &data, &len, &err)) {
		why = err;
		goto out;
	}
	if (!image_size((unsigned char *)data, len, &png, &pw, &ph)) {
		why =
		    xstrdup(L(L->o.lang, "không phải ảnh PNG hay JPEG", "not a PNG or JPEG image"));
		goto out;
	}
	if ((unsigned long long)pw * ph > IMAGE_MAX_PIXELS) {
		why = xasprintf(L(L->o.lang,
		                  "kích thước %u×%u điểm ảnh, vượt giới hạn %llu triệu điểm ảnh",
		                  "%u×%u pixels, more than the limit of %llu million pixels"),
		                pw, ph, IMAGE_MAX_PIXELS / 1000000);
		pw = ph = 0;
		goto out;
	}
	struct dl *dl = L->dl;
	dl->images = xgrow(dl->images, &dl->capimages, dl->nimages + 1, sizeof *dl->images);
	idx = (int)dl->nimages;
	dl->images[dl->nimages++] = (struct dl_image){data, len, png, xstrdup(ps)};
	data = NULL;
out:
	if (why && L->warnings) {
		char *m = xasprintf(L(L->o.lang, "%sảnh %s: %s; hiện văn bản thay thế",
		                      "%simage %s: %s; alt text shown"),
		                    at, url, why);
		strlist_push(L->warnings, m);
		free(m);
	}
	*w = (float)pw * 72.0f / IMAGE_DPI;
	*h = (float)ph * 72.0f / IMAGE_DPI;
	free(why);
	free(data);
	free(full);
	buf_free(&path);
	return idx;
}

void
lay_image(struct lay *L, const char *url, const char *alt, const char *at)
{
	if (!L->cur)
		return;
	float w, h;
	int idx = *url ? load_image(L, url, at, &w, &h) : -1;
	if (idx >= 0)
		para_object(L, L->cur, idx, w, h);
	else
		lay_text(L, alt);
}

/* ---- end ---- */

/* "#đà-nẵng" or "#%C4%91..." against the headings' anchors. */
static int
find_anchor(const struct lay *L, const char *target, size_t len)
{
	struct buf d = BUF_INIT;
	for (size_t i = 1; i < len; i++) {
		int a, b;
		if (target[i] == '%' && i + 2 < len &&
		    (a = text_hexval((unsigned char)target[i + 1])) >= 0 &&
		    (b = text_hexval((unsigned char)target[i + 2])) >= 0) {
			buf_putc(&d, (char)(a * 16 + b));
			i += 2;
		} else
			buf_putc(&d, target[i]);
	}
	char *nfc = text_nfc(buf_cstr(&d));
	int r = names_get(&L->anchor_at, nfc);
	if (r < 0) {
		char *a = text_anchor(nfc);
		r = names_get(&L->anchor_at, a);
		free(a);
	}
	free(nfc);
	buf_free(&d);
	return r;
}

struct dl *
lay_finish(struct lay *L)
{
	lay_heading_held(L, 0, 0); /* a table always ends first; in case */
	for (size_t i = 0; i < L->nctr && L->ctr[i].vis < MAX_VISIBLE_DEPTH; i++)
		bar_flush(L, &L->ctr[i]);
	if (L->o.form)
		form_end(L);
	struct dl *dl = L->dl;
	dl->npages = L->page + 1;
	/* internal links: to a heading, or nowhere */
	for (size_t i = 0; i < dl->n; i++) {
		struct dl_item *it = &dl->items[i];
		if (it->kind == DL_LINK && it->len && dl->text.data[it->off] == '#') {
			it->dest = find_anchor(L, dl->text.data + it->off, it->len);
			if (it->dest < 0)
				it->len = 0;
		}
	}
	for (int p = 0; p < dl->npages; p++) {
		char num[48];
		form_page_marks(L, p);
		if (L->st->numbers_top && p == 0)
			continue; /* the first page of a document carries no number */
		if (L->st->numbers_top)
			snprintf(num, sizeof num, "%d", p + 1);
		else
			snprintf(num, sizeof num, "%d / %d", p + 1, dl->npages);
		L->page = p;
		struct para tmp;
		para_take(L, &tmp, L->st->footer.font, L->st->footer.size, L->st->footer.rgb, 1, 0);
		para_text(L, &tmp, num);
		float w = 0;
		for (size_t k = 0; k < tmp.n; k++)
			w += tmp.c[k].w;
		para_give(L, &tmp);
		lay_string(L, L->st->footer.font, L->st->footer.size, L->st->footer.rgb, 0,
		           (PAGE_W - w) / 2, L->st->footer_y, num, 0);
	}
	L->dl = NULL;
	return dl;
}
