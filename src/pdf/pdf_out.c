/*
 * pdf_out.c: the display list as PDF: each page's content stream, written
 * here in one piece (pdf_content.c for its syntax), the glyphs of shaped
 * clusters as outlines, images, links, outlines and the document
 * information, in a document of pdf_hpdf.h; each face as the font
 * dictionaries of pdf_fontdict.c.  Text is written as codes (CIDs) so
 * that zero-width runs are kept.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "pdf_fontdict.h"
#include "pdf_hpdf.h"
#include "pdf_out.h"
#include "text.h"
#include "xalloc.h"

struct gform {         /* a glyph drawn as an outline */
	uint32_t key;  /* (face << 16 | glyph) + 1; 0: empty slot */
	unsigned upem; /* the face's units per em */
	size_t uses;   /* in the document */
	char *path;    /* its outline as path operators, font units, owned */
	size_t len;
	struct hpdf_obj *form; /* a form XObject of it, once made */
	int failed;            /* it could not be made */
};

/* A glyph drawn this often is a form XObject, written once; one drawn
 * less often goes inline, where the page's deflating shares its bytes. */
#define FORM_USES 4

struct out {                    /* one document being written */
	struct hpdf *h;         /* owned */
	struct hpdf_obj **font; /* per document face: its Type0 font */
	const uint16_t **w;     /* per document face: the width of each code */
	struct fonts *fonts;
	struct gform *gf; /* outlines made, open addressing */
	size_t gn, gcap;
	int nfont;
	struct hpdf_obj **img;  /* per image, loaded on first use */
	int *img_bad;           /* 1: could not be loaded */
	struct hpdf_obj **page; /* per page */
};

static int
load_fonts(struct out *o, struct fonts *f, char **err)
{
	o->nfont = fonts_count(f);
	o->fonts = f;
	o->font = xcalloc((size_t)o->nfont, sizeof *o->font);
	o->w = xcalloc((size_t)o->nfont, sizeof *o->w);
	for (int i = 0; i < o->nfont; i++) {
		struct font_embed e;
		int ok = fonts_embed(f, i, &e, err) && (o->font[i] = fontdict_embed(o->h, &e));
		o->w[i] = e.width;
		font_embed_free(&e);
		if (!ok) { /* fonts_embed says why; libharu may not have */
			if (!*err && !hpdf_failed(o->h, "embedding a font", err))
				*err = xstrdup("libharu: cannot embed a font");
			return 0;
		}
		if (hpdf_failed(o->h, "embedding a font", err))
			return 0;
	}
	return 1;
}

/* The entry of glyph g of document face, its outline made on first use. */
static struct gform *
glyph_entry(struct out *o, int face, uint32_t g)
{
	uint32_t key = ((uint32_t)face << 16 | (g & 0xFFFF)) + 1;
	if (o->gn * 2 >= o->gcap) { /* grow the open-addressing table */
		struct gform *old = o->gf;
		size_t oldcap = o->gcap;
		o->gcap = oldcap ? oldcap * 2 : 64;
		o->gf = xcalloc(o->gcap, sizeof *o->gf);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key) {
				size_t j = (old[i].key * 2654435761u) & (o->gcap - 1);
				while (o->gf[j].key)
					j = (j + 1) & (o->gcap - 1);
				o->gf[j] = old[i];
			}
		free(old);
	}
	size_t i = (key * 2654435761u) & (o->gcap - 1);
	while (o->gf[i].key && o->gf[i].key != key)
		i = (i + 1) & (o->gcap - 1);
	struct gform *e = &o->gf[i];
	if (!e->key) {
		struct buf path = BUF_INIT;
		unsigned u = fonts_glyph_path(o->fonts, face, g, &path);
		buf_puts(&path, "f\n");
		*e = (struct gform){key, u ? u : 1000, 0, NULL, path.len, NULL, 0};
		e->path = buf_detach(&path);
		o->gn++;
	}
	return e;
}

/* The form XObject of a glyph's outline, or NULL when it cannot be made. */
static struct hpdf_obj *
glyph_form(struct out *o, struct gform *e)
{
	if (e->form || e->failed)
		return e->form;
	struct hpdf_obj *f = hpdf_stream(o->h, e->path, e->len);
	struct hpdf_obj *bbox = f ? hpdf_array(o->h) : NULL;
	if (bbox) {
		hpdf_dict_name(f, "Subtype", "Form");
		/* marks and subscripts reach far from the origin */
		int lo = -2 * (int)e->upem, hi = 3 * (int)e->upem;
		int box[4] = {lo, lo, hi, hi};
		for (int k = 0; k < 4; k++)
			hpdf_array_num(bbox, box[k]);
		hpdf_dict_add(f, "BBox", bbox);
		e->form = f;
	}
	e->failed = !e->form;
	return e->form;
}

/* Glyph g of the face of text item it, drawn as its outline at (x, y): a
 * glyph of a shaped cluster whose characters go as invisible text.
 * Marked with its glyph id, for tools that compare with a shaper's. */
static void
put_path_glyph(struct out *o, struct hpdf_obj *page, struct buf *b, const struct dl_item *it,
               uint32_t g, float x, float y)
{
	struct gform *e = glyph_entry(o, it->face, g);
	struct hpdf_obj *form = e->uses >= FORM_USES ? glyph_form(o, e) : NULL;
	const char *name = form ? hpdf_xobject_name(page, form) : NULL;
	float s = it->h / (float)e->upem;
	buf_printf(b, "/Glyph << /GID %u >> BDC\nq\n", (unsigned)g);
	content_rgb(b, it->rgb, "rg");
	buf_printf(b, "%.7g 0 0 %.7g ", (double)s, (double)s); /* content_num keeps 3 decimals */
	content_op(b, "cm", 2, (float[]){x, y});
	if (name)
		buf_printf(b, "/%s Do\n", name);
	else
		buf_put(b, e->path, e->len);
	buf_puts(b, "Q\nEMC\n");
}

/* How often each glyph is drawn as an outline in the document. */
static void
count_glyphs(struct out *o, const struct dl *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->items[i];
		if (it->kind != DL_TEXT || !it->shaped || it->invisible)
			continue;
		const unsigned char *p = (const unsigned char *)dl->text.data + it->off;
		const unsigned char *end = p + it->len;
		for (const struct dl_glyph *g = &dl->glyphs[it->glyph]; p < end; g++) {
			text_next_cp(&p);
			if (g->kind == DLG_PATH)
				glyph_entry(o, it->face, g->glyph)->uses++;
		}
	}
}

/* A shaped run, code by code where the layout put it: text on the
 * baseline in one TJ, with the difference between the /W width of a code
 * and where the next goes; a code off the baseline (a mark) placed with
 * Tm; glyphs of clusters drawn as paths into paths (drawn after the text
 * object); their characters as invisible text, squeezed with Tz into the
 * cluster's width. */
static void
put_shaped(struct out *o, struct hpdf_obj *page, struct buf *b, struct buf *paths,
           const struct dl *dl, const struct dl_item *it, int *invisible)
{
	const uint16_t *w = o->w[it->face];
	const unsigned char *p = (const unsigned char *)dl->text.data + it->off, *end = p + it->len;
	const struct dl_glyph *g = &dl->glyphs[it->glyph];
	float em = it->h / 1000.0f, cur = 0, tz = 100;
	int open = 0, valid = 0; /* TJ open; cur is where the next code goes */
	for (; p < end; g++) {
		uint32_t code = text_next_cp(&p);
		float x = it->x + g->x, y = it->y + g->dy;
		if (g->kind == DLG_PATH) {
			if (!it->invisible)
				put_path_glyph(o, page, paths, it, g->glyph, x, y);
			continue;
		}
		int hide = it->invisible || g->kind == DLG_HIDDEN;
		float scale = 100;
		if (g->kind == DLG_HIDDEN && w[code] && g->adv > 0)
			scale = roundf(100000 * g->adv / ((float)w[code] * em)) / 1000;
		if (hide != *invisible || scale != tz || !valid || g->dy != 0) {
			if (open)
				buf_puts(b, "] TJ\n");
			open = 0;
			if (hide != *invisible)
				buf_puts(b, (*invisible = hide) ? "3 Tr\n" : "0 Tr\n");
			if (scale != tz)
				content_op(b, "Tz", 1, (float[]){tz = scale});
			content_op(b, "Tm", 6, (float[]){1, 0, 0, 1, x, y});
			buf_putc(b, '[');
			open = 1;
		} else if (fabsf(cur - x) * 1000.0f / (it->h * tz / 100) >= 0.01f) {
			content_num(b, (cur - x) * 1000.0f / (it->h * tz / 100));
		} else {
			x = cur; /* a rounding's worth: the next difference catches up */
		}
		buf_putc(b, '<');
		content_hex4(b, code);
		buf_putc(b, '>');
		cur = x + (float)w[code] * em * tz / 100;
		valid = g->dy == 0;
	}
	if (open)
		buf_puts(b, "] TJ\n");
	if (tz != 100)
		buf_puts(b, "100 Tz\n");
}

static struct hpdf_obj *
image(struct out *o, const struct dl *dl, size_t i, struct strlist *warnings, enum lang lang)
{
	if (o->img[i] || o->img_bad[i])
		return o->img[i];
	const struct dl_image *im = &dl->images[i];
	struct hpdf_obj *x = hpdf_image(o->h, im->data, im->len, im->png);
	if (!x) {
		/* an image libharu cannot read is a frame, not a failed document */
		o->img_bad[i] = 1;
		if (warnings) {
			char *m = xasprintf(L(lang, "ảnh %s: không đọc được, chỉ vẽ khung",
			                      "image %s: cannot be read, drawn as a frame"),
			                    im->path);
			strlist_push(warnings, m);
			free(m);
		}
		return NULL;
	}
	return o->img[i] = x;
}

/* The content stream of one page, written here rather than through
 * libharu's page operators: they format every number with their own
 * routine and check the graphics mode on every call, a fifth of the time
 * of a page.  Only resource names come from pdf_hpdf.c. */
static void
draw_page(struct out *o, const struct dl *dl, const size_t *idx, size_t n, struct hpdf_obj *page,
          struct buf *b, struct strlist *warnings, enum lang lang)
{
	uint32_t fill = 0xFFFFFFFFu, stroke = 0xFFFFFFFFu;
	float lw = -1;
	/* backgrounds first, then images, text, and lines on top */
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_FILL)
			continue;
		if (it->rgb != fill)
			content_rgb(b, fill = it->rgb, "rg");
		content_op(b, "re f", 4, (float[]){it->x, it->y, it->w, it->h});
	}
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_IMAGE)
			continue;
		struct hpdf_obj *im = image(o, dl, it->off, warnings, lang);
		const char *name = im ? hpdf_xobject_name(page, im) : NULL;
		if (name) {
			buf_puts(b, "q\n");
			content_op(b, "cm", 6, (float[]){it->w, 0, 0, it->h, it->x, it->y});
			buf_printf(b, "/%s Do\nQ\n", name);
		} else {
			if (lw != 0.5f)
				content_op(b, "w", 1, (float[]){lw = 0.5f});
			if (stroke != 0x808080u)
				content_rgb(b, stroke = 0x808080u, "RG");
			content_op(b, "re S", 4, (float[]){it->x, it->y, it->w, it->h});
		}
	}
	int face = -1, invisible = 0, text = 0;
	float size = 0;
	/* Runs that continue one baseline in the same face, size and colour
	 * (the words of a justified line, say) share one TJ, each placed by
	 * the difference from where the last one ended, not each by a Tm. */
	int tj = 0;               /* a TJ is open */
	float tj_x = 0, tj_y = 0; /* where its next code would go */
	struct buf paths = BUF_INIT;
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_TEXT || !it->len)
			continue;
		if (tj && !it->shaped && it->face == face && it->h == size &&
		    it->invisible == invisible && it->rgb == fill && it->y == tj_y) {
			float d = (tj_x - it->x) * 1000.0f / size;
			if (fabsf(d) >= 0.01f)
				content_num(b, d);
			tj_x =
			    it->x + content_codes(b, o->w[face], dl->text.data + it->off, it->len) *
			                size / 1000.0f;
			continue;
		}
		if (tj) {
			buf_puts(b, "] TJ\n");
			tj = 0;
		}
		if (!text) {
			buf_puts(b, "BT\n");
			text = 1;
		}
		if (it->face != face || it->h != size) {
			face = it->face;
			size = it->h;
			const char *name = hpdf_font_name(page, o->font[face]);
			buf_putc(b, '/'); /* without printf: once a run */
			buf_puts(b, name ? name : "F0");
			buf_putc(b, ' ');
			content_op(b, "Tf", 1, &size);
		}
		if (it->invisible != invisible) {
			invisible = it->invisible;
			buf_puts(b, invisible ? "3 Tr\n" : "0 Tr\n");
		}
		if (it->rgb != fill)
			content_rgb(b, fill = it->rgb, "rg");
		if (it->shaped) {
			put_shaped(o, page, b, &paths, dl, it, &invisible);
			continue;
		}
		content_op(b, "Tm", 6, (float[]){1, 0, 0, 1, it->x, it->y});
		buf_putc(b, '[');
		tj = 1;
		tj_y = it->y;
		tj_x = it->x + content_codes(b, o->w[face], dl->text.data + it->off, it->len) *
		                   size / 1000.0f;
	}
	if (tj)
		buf_puts(b, "] TJ\n");
	if (text)
		buf_puts(b, "ET\n");
	buf_put(b, paths.data, paths.len);
	buf_free(&paths);
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_LINE && it->kind != DL_FRAME)
			continue;
		if (it->lw != lw)
			content_op(b, "w", 1, (float[]){lw = it->lw});
		if (it->rgb != stroke)
			content_rgb(b, stroke = it->rgb, "RG");
		if (it->kind == DL_LINE) {
			content_op(b, "m", 2, (float[]){it->x, it->y});
			content_op(b, "l S", 2, (float[]){it->x + it->w, it->y + it->h});
		} else
			content_op(b, "re S", 4, (float[]){it->x, it->y, it->w, it->h});
	}
}

static void
links(struct out *o, const struct dl *dl, const struct dl_item *it)
{
	float rect[4] = {it->x, it->y, it->x + it->w, it->y + it->h};
	if (it->dest >= 0) {
		const struct dl_anchor *an = &dl->anchors[it->dest];
		hpdf_link(o->h, o->page[it->page], rect, o->page[an->page], an->y, NULL);
	} else {
		char *uri = xstrndup(dl->text.data + it->off, it->len);
		hpdf_link(o->h, o->page[it->page], rect, NULL, 0, uri);
		free(uri);
	}
}

static void
outlines(struct out *o, const struct dl *dl)
{
	struct olevel {
		int level;
		struct hpdf_obj *o;
	} stack[7];
	int n = 0;
	for (size_t i = 0; i < dl->nmarks; i++) {
		const struct dl_mark *m = &dl->marks[i];
		while (n && stack[n - 1].level >= m->level)
			n--;
		char *title = xstrndup(dl->text.data + m->off, m->len);
		struct hpdf_obj *ol = hpdf_outline(o->h, n ? stack[n - 1].o : NULL, title,
		                                   m->level <= 2, o->page[m->page], m->y);
		free(title);
		if (!ol)
			return;
		if (n < 7)
			stack[n++] = (struct olevel){m->level, ol};
	}
	if (dl->nmarks)
		hpdf_show_outlines(o->h);
}

int
pdfout_write(const struct dl *dl, struct fonts *f, const struct pdfout_info *in, struct buf *out,
             struct strlist *warnings, char **err)
{
	struct out o = {0};
	int rc = 0;
	size_t *idx = NULL, *start = NULL;
	struct buf content = BUF_INIT;
	o.h = hpdf_new(in->zd, err);
	if (!o.h || !load_fonts(&o, f, err))
		goto out;
	count_glyphs(&o, dl);
	o.img = xcalloc(dl->nimages + 1, sizeof *o.img);
	o.img_bad = xcalloc(dl->nimages + 1, sizeof *o.img_bad);
	o.page = xcalloc((size_t)dl->npages, sizeof *o.page);
	/* items by page, keeping their order */
	start = xcalloc((size_t)dl->npages + 1, sizeof *start);
	idx = xcalloc(dl->n + 1, sizeof *idx);
	for (size_t i = 0; i < dl->n; i++)
		start[dl->items[i].page + 1]++;
	for (int p = 0; p < dl->npages; p++)
		start[p + 1] += start[p];
	{
		size_t *fill = xcalloc((size_t)dl->npages, sizeof *fill);
		for (size_t i = 0; i < dl->n; i++) {
			int p = dl->items[i].page;
			idx[start[p] + fill[p]++] = i;
		}
		free(fill);
	}
	for (int p = 0; p < dl->npages; p++) {
		struct hpdf_obj *page = o.page[p] = hpdf_page(o.h, dl->page_w, dl->page_h);
		if (!page || hpdf_failed(o.h, "adding a page", err))
			goto out;
		buf_reset(&content);
		draw_page(&o, dl, idx + start[p], start[p + 1] - start[p], page, &content, warnings,
		          in->lang);
		hpdf_page_contents(o.h, page, content.data, content.len);
		if (hpdf_failed(o.h, "drawing a page", err))
			goto out;
	}
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].kind == DL_LINK && dl->items[i].len)
			links(&o, dl, &dl->items[i]);
	outlines(&o, dl);
	hpdf_info(o.h, "debrief " DEBRIEF_VERSION, in->title, in->author, in->subject, in->epoch);
	hpdf_lang(o.h, in->doc_lang);
	if (hpdf_failed(o.h, "finishing the document", err) || !hpdf_save(o.h, out, err))
		goto out;
	rc = 1;
out:
	hpdf_free(o.h);
	free(o.font);
	free(o.w);
	for (size_t i = 0; i < o.gcap; i++)
		free(o.gf[i].path);
	free(o.gf);
	buf_free(&content);
	free(o.img);
	free(o.img_bad);
	free(o.page);
	free(idx);
	free(start);
	return rc;
}
