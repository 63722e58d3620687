/*
 * Unit tests of shaping in the PDF stage: the unshaped path gives what
 * HarfBuzz gives for every code point it admits, in every style; shaped
 * clusters keep their characters and widths; Thai, Lao and Khmer break
 * between words, never inside a cluster; characters no face has are
 * reported once per run.
 */
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_fonts.h"
#include "pdf_lay.h"
#include "text.h"
#include "unit.h"

static struct fonts *F;

/* Every code point the unshaped path admits, in each of the 8 styles:
 * alone, shaped, it is its own glyph, with its own advance, unmoved. */
static void
test_unshaped_agrees(void)
{
	long admitted = 0, bad = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (!fonts_unshaped(cp))
			continue;
		admitted++;
		for (int st = 0; st < FST_N; st++)
			if (!fonts_unshaped_agrees(F, st, cp)) {
				if (bad++ < 5)
					printf("# U+%04X in style %d: shaping differs\n",
					       (unsigned)cp, st);
			}
	}
	printf("# %ld code points admitted unshaped\n", admitted);
	OK(admitted >= 40000, "pdf/shape/unshaped-admits-latin-vietnamese-cjk-hangul");
	INT_EQ(bad, 0, "pdf/shape/unshaped-agrees-with-harfbuzz-for-every-admitted-code-point");
	/* the comparison can fail: Khmer ោ is two glyphs once shaped */
	OK(!fonts_unshaped_agrees(F, 0, 0x17C4), "pdf/shape/agreement-check-sees-a-difference");
	OK(!fonts_unshaped(0x0EB3) && !fonts_unshaped(0x17D2) && !fonts_unshaped(0x0301) &&
	       !fonts_unshaped(0x200D),
	   "pdf/shape/complex-scripts-and-marks-are-shaped");
}

static struct lay *
new_lay(struct strlist *warnings)
{
	struct lay_opts o = {NULL, 0, LANG_EN, NULL};
	return lay_new(F, &o, warnings);
}

/* Lines tile the paragraph, and none begins inside a cluster. */
static int
tiles(const struct para *p, const struct line *ln, size_t n)
{
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		if (ln[k].s != at || ln[k].e < ln[k].s || ln[k].next < ln[k].e)
			return 0;
		if (p->c[ln[k].s].flags & (ICH_CONT | ICH_MARK))
			return 0;
		at = ln[k].next;
	}
	return at == p->n;
}

static char *
text_of(const struct para *p, size_t s, size_t e)
{
	struct buf b = BUF_INIT;
	for (size_t i = s; i < e; i++) {
		char u[4];
		buf_put(&b, u, text_put_utf8(u, p->c[i].cp));
	}
	return buf_detach(&b);
}

/* A name in a column as wide as its widest word: one word a line. */
static void
words(const char *name, const char *s, const char *const *want, size_t nwant)
{
	struct lay *L = new_lay(NULL);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.2f, 0);
	para_text(L, &p, s);
	float widest = 0, w = 0;
	for (size_t i = 0; i < p.n; i++) {
		if (i && (p.c[i].flags & ICH_WBRK)) {
			if (w > widest)
				widest = w;
			w = 0;
		}
		w += p.c[i].w;
	}
	if (w > widest)
		widest = w;
	struct line *ln;
	size_t n = para_break(L, &p, widest + 0.1f, 1000, &ln);
	char label[128];
	snprintf(label, sizeof label, "pdf/shape/%s/lines-tile-never-inside-a-cluster", name);
	OK(tiles(&p, ln, n), label);
	snprintf(label, sizeof label, "pdf/shape/%s/one-word-a-line", name);
	int same = n == nwant;
	for (size_t k = 0; k < n; k++) {
		char *t = text_of(&p, ln[k].s, ln[k].e);
		if (k >= nwant || strcmp(t, want[k])) {
			printf("# line %zu: %s, want %s\n", k + 1, t, k < nwant ? want[k] : "");
			same = 0;
		}
		free(t);
	}
	if (n != nwant)
		printf("# %zu lines, want %zu\n", n, nwant);
	OK(same, label);
	float minw, maxw;
	para_widths(&p, &minw, &maxw);
	snprintf(label, sizeof label, "pdf/shape/%s/narrowest-is-widest-word", name);
	OK(minw <= widest + 0.01f && minw >= widest - 0.01f, label);
	para_free(&p);
	lay_free(L);
}

/* A shaped cluster: its characters all there, its width HarfBuzz's. */
static void
test_clusters(void)
{
	struct lay *L = new_lay(NULL);
	struct para p = {0};
	para_reset(&p, 0, 10, 0, 1.2f, 0);
	const char *s = "ស្វាយរៀង";
	para_text(L, &p, s);
	char *t = text_of(&p, 0, p.n);
	STR_EQ(t, s, "pdf/shape/khmer/characters-kept-in-order");
	free(t);
	int heads = 0, conts = 0;
	float w = 0;
	for (size_t i = 0; i < p.n; i++) {
		heads += !!(p.c[i].flags & ICH_SHAPED);
		conts += !!(p.c[i].flags & ICH_CONT);
		w += p.c[i].w;
	}
	OK(heads >= 3 && conts >= 3 && heads + conts == (int)p.n,
	   "pdf/shape/khmer/characters-grouped-in-clusters");
	/* the width of the run is the sum of HarfBuzz's advances */
	float adv = 0;
	for (size_t g = 0; g < p.ng; g++)
		adv += p.g[g].adv;
	OK(adv > 0 && w > adv * 10 / 1000 - 0.001f && w < adv * 10 / 1000 + 0.001f,
	   "pdf/shape/khmer/width-is-shaped-advance");
	/* coeng + vo is one subscript glyph, not two */
	OK(p.ng < p.n, "pdf/shape/khmer/subscript-formed");
	para_free(&p);
	lay_free(L);
}

/* Lines of tall script hold their ink: stacked marks and subscripts of
 * one line never reach into the next. */
static void
test_line_height(void)
{
	struct lay *L = new_lay(NULL);
	struct para p = {0};
	para_reset(&p, 0, 11, 0, 1.2f, 0);
	para_text(L, &p, "ရန်ကုန်တိုင်းဒေသကြီး နေပြည်တော် ស្ត្រី ខ្មែរ ក្រសួងការបរទេស ผู้ใหญ่บ้าน ฝั่ง");
	struct line *ln;
	size_t n = para_break(L, &p, 60, 1000, &ln);
	int held = n > 2, taller = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = ln[k].s; i < ln[k].e; i++) {
			const struct ich *c = &p.c[i];
			if (!(c->flags & ICH_SHAPED))
				continue;
			held &= c->top * 11 / 1000.0f <= ln[k].asc &&
			        -c->bot * 11 / 1000.0f <= ln[k].desc;
			taller |= ln[k].asc + ln[k].desc > 11 * 1.2f + 0.01f;
		}
	OK(held, "pdf/shape/lines-hold-their-ink");
	OK(taller, "pdf/shape/tall-script-lines-grow");
	para_free(&p);
	lay_free(L);
}

/* One warning for a run of characters no face has, naming its script. */
static void
test_missing(void)
{
	struct strlist w = {0};
	struct lay *L = new_lay(NULL);
	struct fonts *f = fonts_new(NULL, LANG_EN, &w, &(char *){NULL});
	L->fonts = f;
	struct para p = {0};
	para_reset(&p, 0, 10, 0, 1.2f, 0);
	/* U+0378 twice, U+0379, U+2FFFD: unassigned, no face has them */
	para_text(L, &p, "a \xCD\xB8\xCD\xB9 \xCD\xB8\xF0\xAF\xBF\xBD b");
	INT_EQ(w.n, 1, "pdf/shape/missing/one-warning-per-run");
	OK(w.n == 1 && strstr(w.v[0], "U+0378 U+0379 U+2FFFD") && strstr(w.v[0], "unassigned"),
	   "pdf/shape/missing/names-script-and-each-character-once");
	para_text(L, &p, "\xCD\xB8");
	INT_EQ(w.n, 1, "pdf/shape/missing/reported-once");
	para_free(&p);
	lay_free(L);
	fonts_free(f);
	strlist_free(&w);
}

int
main(void)
{
	char *err = NULL;
	F = fonts_new(NULL, LANG_EN, NULL, &err);
	OK(F != NULL, "pdf/shape/fonts");
	if (!F)
		return 1;
	test_unshaped_agrees();
	test_clusters();
	/* the words a reader sees: "kingdom" "Cambodia", "governor" "Luang
	 * Prabang", "governor" "of the government" "province" */
	static const char *const khmer[] = {"ព្រះរាជាណាចក្រ", "កម្ពុជា"};
	words("khmer", "ព្រះរាជាណាចក្រកម្ពុជា", khmer, 2);
	static const char *const lao[] = {"ເຈົ້າແຂວງ", "ຫຼວງພະບາງ"};
	words("lao", "ເຈົ້າແຂວງຫຼວງພະບາງ", lao, 2);
	static const char *const thai[] = {"ผู้ว่า", "ราชการ", "จังหวัด"};
	words("thai", "ผู้ว่าราชการจังหวัด", thai, 3);
	test_line_height();
	test_missing();
	fonts_free(F);
	fonts_cache_clear();
	return unit_failed ? 1 : 0;
}
