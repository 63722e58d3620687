/*
 * Unit tests of the PDF stage's inner parts: line breaking keeps every
 * character (the hyphen of "Val-de-Marne" stays), long words are cut,
 * marks stay on their base, widths agree with the embedded subset's, link targets
 * are percent-encoded and .md links become .pdf, anchors are GitHub's; the
 * official form leaves no line of a paragraph alone at a page break.
 */
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "pdf.h"
#include "pdf_fonts.h"
#include "pdf_lay.h"
#include "text.h"
#include "unit.h"

static struct fonts *F;

static struct lay *
new_lay(int md_links)
{
	struct lay_opts o = {NULL, md_links, LANG_EN, NULL};
	return lay_new(F, &o, NULL);
}

static float
width_of(const struct para *p, size_t from, size_t to)
{
	float w = 0;
	for (size_t i = from; i < to; i++)
		w += p->c[i].w;
	return w;
}

/* The text of [s, e) as UTF-8 (all BMP here). */
static char *
text_of(const struct para *p, size_t s, size_t e)
{
	struct buf b = BUF_INIT;
	for (size_t i = s; i < e; i++) {
		if (p->c[i].flags & ICH_HARD)
			continue;
		uint32_t c = fonts_code_text(F, p->c[i].face, p->c[i].cid);
		if (c < 0x80)
			buf_putc(&b, (char)c);
		else if (c < 0x800) {
			buf_putc(&b, (char)(0xC0 | c >> 6));
			buf_putc(&b, (char)(0x80 | (c & 0x3F)));
		} else {
			buf_putc(&b, (char)(0xE0 | c >> 12));
			buf_putc(&b, (char)(0x80 | (c >> 6 & 0x3F)));
			buf_putc(&b, (char)(0x80 | (c & 0x3F)));
		}
	}
	return buf_detach(&b);
}

/* Lines tile the paragraph: nothing lost, nothing added; what a break
 * leaves out is only spaces (or the forced break itself). */
static int
tiles(const struct para *p, const struct line *ln, size_t n)
{
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		if (ln[k].s != at || ln[k].e < ln[k].s || ln[k].next < ln[k].e)
			return 0;
		for (size_t i = ln[k].e; i < ln[k].next; i++)
			if (!(p->c[i].flags & (ICH_SPACE | ICH_HARD)))
				return 0;
		at = ln[k].next;
	}
	return at == p->n;
}

static void
test_hyphen(void)
{
	struct lay *L = new_lay(0);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	para_text(L, &p, "Đoàn công tác đến Val-de-Marne hôm qua");
	/* room for "Đoàn công tác đến Val-" and a little, not for "Val-de-" */
	const char *s = "Đoàn công tác đến Val-";
	size_t k = text_codepoints(s);
	struct line *ln;
	size_t n = para_break(NULL, &p, width_of(&p, 0, k) + 1, 1000, &ln);
	OK(n == 2, "pdf/break/hyphen-two-lines");
	char *a = text_of(&p, ln[0].s, ln[0].e), *b = text_of(&p, ln[1].s, ln[1].e);
	STR_EQ(a, "Đoàn công tác đến Val-", "pdf/break/hyphen-kept-at-line-end");
	STR_EQ(b, "de-Marne hôm qua", "pdf/break/hyphen-rest-on-next-line");
	OK(tiles(&p, ln, n), "pdf/break/hyphen-tiles");
	free(a);
	free(b);

	/* a hyphen between digits is no break: "-5" stays with its number */
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	para_text(L, &p, "nhiệt độ 10-15 độ");
	k = text_codepoints("nhiệt độ 10-");
	n = para_break(NULL, &p, width_of(&p, 0, k) + 0.5f, 1000, &ln);
	a = text_of(&p, ln[0].s, ln[0].e);
	STR_EQ(a, "nhiệt độ", "pdf/break/no-hyphen-break-between-digits");
	free(a);
	para_free(&p);
	lay_free(L);
}

static void
test_words(void)
{
	struct lay *L = new_lay(0);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	const char *s = "Báo cáo không nặng về thành tích mà tập trung vào nhiệm vụ cụ thể "
	                "của từng sở ngành địa phương trong chuyến thăm";
	para_text(L, &p, s);
	struct line *ln;
	size_t n = para_break(NULL, &p, 120, 1000, &ln);
	int ok = n > 2, fits = 1;
	struct buf all = BUF_INIT;
	for (size_t k = 0; k < n; k++) {
		char *t = text_of(&p, ln[k].s, ln[k].e);
		if (ln[k].w > 120.01f)
			fits = 0;
		/* every line ends at a word end: the next character is a space */
		if (k + 1 < n && !(p.c[ln[k].e].flags & ICH_SPACE))
			ok = 0;
		buf_printf(&all, "%s%s", k ? " " : "", t);
		free(t);
	}
	OK(ok, "pdf/break/at-spaces-only");
	OK(fits, "pdf/break/lines-fit");
	STR_EQ(buf_cstr(&all), s, "pdf/break/words-kept");
	OK(tiles(&p, ln, n), "pdf/break/words-tile");
	buf_free(&all);
	para_free(&p);
	lay_free(L);
}

static void
test_long_word(void)
{
	struct lay *L = new_lay(0);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	char word[401];
	memset(word, 'x', 400);
	word[400] = '\0';
	para_text(L, &p, word);
	struct line *ln;
	size_t n = para_break(NULL, &p, 50, 1000, &ln);
	size_t total = 0;
	int fits = 1;
	for (size_t k = 0; k < n; k++) {
		total += ln[k].e - ln[k].s;
		fits &= ln[k].w <= 50 && ln[k].e > ln[k].s;
	}
	OK(n > 10 && fits, "pdf/break/long-word-cut-to-width");
	INT_EQ(total, 400, "pdf/break/long-word-keeps-every-character");
	OK(tiles(&p, ln, n), "pdf/break/long-word-tiles");

	/* a mark without a precomposed form never starts a line */
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	for (int i = 0; i < 60; i++)
		para_text(L, &p, "q\xCC\x83"); /* q + U+0303 */
	n = para_break(NULL, &p, 37, 1000, &ln);
	int ok = n > 1;
	for (size_t k = 0; k < n; k++)
		ok &= !(p.c[ln[k].s].flags & ICH_MARK);
	OK(ok, "pdf/break/mark-stays-on-base");
	OK(tiles(&p, ln, n), "pdf/break/mark-tiles");
	para_free(&p);
	lay_free(L);
}

static void
test_cjk(void)
{
	struct lay *L = new_lay(0);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	para_text(L, &p, "長崎県長崎県長崎県長崎県、長崎県長崎県長崎県。長崎県");
	struct line *ln;
	size_t n = para_break(NULL, &p, 4 * 11 + 1, 1000, &ln);
	int ok = n > 3;
	for (size_t k = 0; k < n; k++) {
		ok &= ln[k].e - ln[k].s <= 4 && ln[k].e > ln[k].s;
		ok &= p.c[ln[k].s].cid != 0x3001 && p.c[ln[k].s].cid != 0x3002;
	}
	OK(ok, "pdf/break/cjk-between-ideographs-not-before-punctuation");
	OK(tiles(&p, ln, n), "pdf/break/cjk-tiles");

	/* hangul words keep together: the break is at the space */
	para_reset(&p, 0, 11, 0, 1.3f, 0);
	para_text(L, &p, "tỉnh 경상북도 và");
	n = para_break(NULL, &p, width_of(&p, 0, text_codepoints("tỉnh 경상")) + 0.5f, 1000, &ln);
	char *h = text_of(&p, ln[0].s, ln[0].e);
	STR_EQ(h, "tỉnh", "pdf/break/hangul-word-kept");
	free(h);

	para_reset(&p, FST_MONO, 9.5f, 0, 1.25f, 1);
	para_text(L, &p, "a\n\tb\n");
	n = para_break(NULL, &p, 400, 1000, &ln);
	INT_EQ(n, 2, "pdf/break/pre-lines");
	char *t = text_of(&p, ln[1].s, ln[1].e);
	STR_EQ(t, "    b", "pdf/break/pre-tab-to-spaces");
	free(t);
	para_free(&p);
	lay_free(L);
}

/* Widths used for breaking are those written in /W, and they are the
 * subset's own advances: a line never runs into the next run or past the
 * margin.  Every code has its glyph in the subset, nested composites
 * (ế = e + [circumflex + acute] in DejaVu) with their components. */
static void
test_widths(void)
{
	const char *s = "Sở Ngoại vụ tỉnh Cà Mau: chuyến thăm Đà Nẵng, Nghệ An — ẮẰẲẴẶ ỨỪỬỮỰ";
	struct lay *L = new_lay(0);
	struct para p = {0};
	para_reset(&p, 0, 1000, 0, 1.3f, 0);
	para_text(L, &p, s);
	float ours = width_of(&p, 0, p.n);
	struct font_embed e;
	char *err = NULL;
	OK(fonts_embed(F, p.c[0].face, &e, &err), "pdf/fonts/subset");
	long sum = 0;
	for (size_t i = 0; i < p.n; i++)
		if (p.c[i].cid <= e.ncodes)
			sum += e.width[p.c[i].cid];
	INT_EQ((long long)ours, (long long)sum, "pdf/fonts/width-equals-w-array");
	hb_blob_t *blob = hb_blob_create((const char *)e.ttf, (unsigned)e.len,
	                                 HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	unsigned upem = hb_face_get_upem(face);
	hb_font_set_scale(font, (int)upem, (int)upem);
	int same = e.ncodes > 0, drawn = e.ncodes > 0;
	for (size_t k = 1; k <= e.ncodes; k++) {
		unsigned adv = (unsigned)hb_font_get_glyph_h_advance(font, e.gid[k]);
		if (adv * 1000u / upem != e.width[k])
			same = 0;
		hb_glyph_extents_t x;
		if (e.ucs[k] != ' ' &&
		    (!e.gid[k] || !hb_font_get_glyph_extents(font, e.gid[k], &x) || !x.height))
			drawn = 0;
	}
	OK(same, "pdf/fonts/w-array-equals-subset-advances");
	OK(drawn, "pdf/fonts/every-code-has-its-glyph");
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	font_embed_free(&e);
	free(err);
	para_free(&p);
	lay_free(L);
}

static const char *
first_link(struct dl *dl)
{
	static char t[256];
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].kind == DL_LINK && dl->items[i].len < sizeof t) {
			memcpy(t, dl->text.data + dl->items[i].off, dl->items[i].len);
			t[dl->items[i].len] = '\0';
			return t;
		}
	return "(none)";
}

static void
link_case(int md_links, const char *url, const char *want, const char *name)
{
	struct lay *L = new_lay(md_links);
	lay_para_begin(L);
	lay_link_begin(L, url);
	lay_text(L, "liên kết");
	lay_link_end(L);
	lay_para_end(L);
	struct dl *dl = lay_finish(L);
	STR_EQ(first_link(dl), want, name);
	dl_free(dl);
	lay_free(L);
}

static void
test_links(void)
{
	link_case(0, "https://example.org/đà-nẵng?q=Cà Mau",
	          "https://example.org/%C4%91%C3%A0-n%E1%BA%B5ng?q=C%C3%A0%20Mau",
	          "pdf/link/percent-encoded");
	link_case(0, "javascript:alert(1)", "(none)", "pdf/link/javascript-dropped");
	link_case(0, "HTTPS://example.org/", "HTTPS://example.org/", "pdf/link/scheme-any-case");
	link_case(1, "doi-tac/nagasaki.md#lien-he", "doi-tac/nagasaki.pdf", "pdf/link/md-to-pdf");
	link_case(1, "../Báo cáo.MD", "../B%C3%A1o%20c%C3%A1o.pdf", "pdf/link/md-to-pdf-encoded");
	link_case(0, "doi-tac/nagasaki.md#lien-he", "doi-tac/nagasaki.md#lien-he",
	          "pdf/link/md-kept-without-option");
	link_case(1, "https://x.org/a.md", "https://x.org/a.md", "pdf/link/absolute-md-kept");

	/* repeated headings: "a", "a-1", and "a-1" itself becomes "a-1-1" */
	struct lay *L = new_lay(0);
	const char *titles[] = {"Kế hoạch", "Kế hoạch", "Kế hoạch-1", "Kế hoạch"};
	for (int i = 0; i < 4; i++) {
		lay_heading_begin(L, 2);
		lay_text(L, titles[i]);
		lay_heading_end(L, 0);
	}
	struct dl *dl = lay_finish(L);
	int ok = dl->nanchors == 4;
	const char *want[] = {"kế-hoạch", "kế-hoạch-1", "kế-hoạch-1-1", "kế-hoạch-2"};
	for (size_t i = 0; ok && i < 4; i++)
		ok = !strcmp(dl->anchors[i].name, want[i]);
	OK(ok, "pdf/anchor/repeated-headings-numbered");
	dl_free(dl);
	lay_free(L);

	char *a = text_anchor("Đà Nẵng (2025): Kế hoạch");
	STR_EQ(a, "đà-nẵng-2025-kế-hoạch", "pdf/anchor/github-style");
	free(a);
}

static int
contains(const struct buf *pdf, const char *s, size_t n)
{
	for (size_t i = 0; i + n <= pdf->len; i++) /* binary: no strstr */
		if (!memcmp(pdf->data + i, s, n))
			return 1;
	return 0;
}

/* "(\xFE\xFF...)": how a text string that is not ASCII is written, a
 * literal string of its UTF-16BE bytes, '(', ')' and '\\' escaped; ASCII
 * ones are literal strings as they are. */
static void
put_escaped(struct buf *b, unsigned char c)
{
	if (c == '(' || c == ')' || c == '\\')
		buf_putc(b, '\\');
	if (c == '\r' || c == '\n')
		buf_puts(b, c == '\r' ? "\\r" : "\\n");
	else
		buf_putc(b, (char)c);
}

static int
has_utf16(const struct buf *pdf, const char *s)
{
	struct buf h = BUF_INIT;
	buf_puts(&h, "(\xFE\xFF");
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		unsigned c = *p++;
		if (c >= 0xE0) {
			c = (c & 0x0F) << 12 | (unsigned)(p[0] & 0x3F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if (c >= 0xC0) {
			c = (c & 0x1F) << 6 | (p[0] & 0x3F);
			p++;
		}
		put_escaped(&h, (unsigned char)(c >> 8));
		put_escaped(&h, (unsigned char)c);
	}
	buf_putc(&h, ')');
	int found = contains(pdf, h.data, h.len);
	buf_free(&h);
	return found;
}

static void
test_info(void)
{
	const char *md = "Chỉ một đoạn, không có tiêu đề.\n";
	struct pdf_opts o = {0};
	o.name = "bien-ban";
	o.created = date_source_epoch();
	o.author = "Sở Ngoại vụ tỉnh Cà Mau";
	o.subject = "Báo cáo sau chuyến thăm";
	struct buf pdf = BUF_INIT;
	char *err = NULL;
	OK(pdf_from_markdown(md, strlen(md), &o, &pdf, NULL, &err), "pdf/info/renders");
	OK(has_utf16(&pdf, "Sở Ngoại vụ tỉnh Cà Mau"), "pdf/info/author-utf16");
	OK(has_utf16(&pdf, "Báo cáo sau chuyến thăm"), "pdf/info/subject-utf16");
	OK(contains(&pdf, "/Title (bien-ban)", 17), "pdf/info/title-falls-back-to-name");
	OK(!contains(&pdf, "/CreationDate", 13), "pdf/info/no-date-without-epoch");
	buf_free(&pdf);
	free(err);
}

/* The first characters of a text item, as Unicode (ASCII here). */
static void
item_text(const struct dl *dl, const struct dl_item *it, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)dl->text.data + it->off;
	const unsigned char *end = p + it->len;
	size_t k = 0;
	while (p < end && k + 1 < n) {
		uint32_t c = fonts_code_text(F, it->face, text_next_cp(&p));
		out[k++] = c < 0x80 ? (char)c : '?';
	}
	out[k] = '\0';
}

/* The official form (a document with front matter) keeps paragraphs
 * together at page breaks: never one line of a paragraph alone at the
 * foot of a page or at the head of the next. */
static void
test_keep_lines(void)
{
	struct form form = {0};
	struct lay_opts o = {NULL, 0, LANG_EN, &form};
	struct lay *L = lay_new(F, &o, NULL);
	struct buf b = BUF_INIT;
	unsigned seed = 7;
	for (int k = 0; k < 200; k++) { /* 1 to 5 lines at random, each opening with "pK" */
		seed = seed * 1103515245u + 12345u;
		buf_reset(&b);
		buf_printf(&b, "p%d", k);
		for (int w = 0; w < (int)(seed >> 16) % 5 * 14 + 3; w++)
			buf_puts(&b, " lorem");
		lay_para_begin(L);
		lay_text(L, buf_cstr(&b));
		lay_para_end(L);
	}
	buf_free(&b);
	struct dl *dl = lay_finish(L);
	lay_free(L);
	/* lines in reading order, each with its paragraph and page */
	int par[2000], page[2000], nl = 0, cur = -1;
	float y = -1;
	for (size_t i = 0; i < dl->n && nl < 2000; i++) {
		const struct dl_item *it = &dl->items[i];
		if (it->kind != DL_TEXT || it->y > dl->page_h - 50) /* page numbers */
			continue;
		char t[16];
		item_text(dl, it, t, sizeof t);
		if (t[0] == 'p' && t[1] >= '0' && t[1] <= '9')
			cur = atoi(t + 1);
		if (!nl || it->y != y || it->page != page[nl - 1]) {
			par[nl] = cur;
			page[nl++] = it->page;
			y = it->y;
		}
	}
	int splits = 0, alone = 0;
	for (int i = 0; i + 1 < nl; i++)
		if (page[i] != page[i + 1] && par[i] == par[i + 1]) {
			splits++;
			alone +=
			    (i == 0 || par[i - 1] != par[i]) ||
			    (i + 2 >= nl || par[i + 2] != par[i + 1] || page[i + 2] != page[i + 1]);
		}
	OK(dl->npages >= 3, "pdf/form/keep-lines/several-pages");
	OK(splits > 0, "pdf/form/keep-lines/some-paragraph-split");
	INT_EQ(alone, 0, "pdf/form/keep-lines/no-line-alone");
	dl_free(dl);
}

int
main(void)
{
	char *err = NULL;
	F = fonts_new(NULL, LANG_EN, NULL, &err);
	OK(F != NULL, "pdf/fonts/default-family-found");
	if (!F)
		return 1;
	test_hyphen();
	test_words();
	test_long_word();
	test_cjk();
	test_widths();
	test_links();
	test_info();
	test_keep_lines();
	fonts_free(F);

	struct fonts *none = fonts_new("No Such Family 123", LANG_EN, NULL, &err);
	OK(none == NULL && err && strstr(err, "No Such Family 123"), "pdf/fonts/unknown-family");
	free(err);
	fonts_cache_clear();
	return unit_failed ? 1 : 0;
}
