/*
 * pdf_out.c: the display list as PDF bytes; the only file that calls
 * libharu.  Keeps clear of what libharu 2.3.0 gets wrong with TrueType
 * and Unicode (as measured on 2.3.0): each face is embedded as the
 * HarfBuzz subset it is, in font dictionaries built here with a bfchar
 * ToUnicode CMap; text is written as codes (CIDs) so that zero-width runs
 * are kept; text strings are UTF-16 written here, not by its encoders.
 */
#define ZLIB_CONST
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "pdf_content.h"
#include "pdf_out.h"
#include "pdf_tounicode.h"
#include "text.h"
#include "xalloc.h"

/*
 * libharu's internals this file relies on, as read in the headers of
 * libharu 2.3.0 (hpdf_objects.h, hpdf_pages.h, hpdf_streams.h):
 * - struct _HPDF_Doc's mmgr, xref and info: new dictionaries, streams,
 *   arrays and strings are made in the document's memory manager and
 *   added to its cross-reference table (HPDF_Dict_New, HPDF_DictStream_New,
 *   HPDF_Xref_Add), and the document information dictionary gets title,
 *   author and subject as UTF-16 text strings written here, which
 *   HPDF_SetInfoAttr would pass through its own encoders;
 * - a stream dictionary's filter, stream and write_fn: a stream deflated
 *   here (one z_stream for the document, level 3) is written as it is and
 *   its /Filter named by a write hook, since libharu names a filter only
 *   for what it deflates itself, at its own level, with a fresh z_stream
 *   per stream;
 * - a page's attr->contents: the page's content stream, written here in
 *   one piece rather than operator by operator through HPDF_Page_*;
 * - HPDF_Page_GetLocalFontName and HPDF_Page_GetXObjectName: the resource
 *   names of fonts and forms made outside libharu's font loaders;
 * - HPDF_MemCpy, which libharu calls through the dynamic linker for every
 *   byte it moves between streams: defined below, so that libharu's calls
 *   reach it instead.
 * Another release may move or change any of these without a word, so the
 * build stops on any other version than the one they were read from.
 */
#if !defined(HPDF_MAJOR_VERSION) || HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3 ||          \
    HPDF_BUGFIX_VERSION != 0
#error                                                                                             \
    "pdf_out.c uses libharu 2.3.0's internal object layer: read the internals listed above again in this libharu's headers, then change this check"
#endif

struct gform {         /* a glyph drawn as an outline */
	uint32_t key;  /* (face << 16 | glyph) + 1; 0: empty slot */
	unsigned upem; /* the face's units per em */
	size_t uses;   /* in the document */
	char *path;    /* its outline as path operators, font units, owned */
	size_t len;
	HPDF_Dict form; /* a form XObject of it, once made */
	int failed;     /* libharu could not make it */
};

/* A glyph drawn this often is a form XObject, written once; one drawn
 * less often goes inline, where the page's deflating shares its bytes. */
#define FORM_USES 4

struct out {                /* one document being written */
	HPDF_Doc doc;       /* owned */
	HPDF_STATUS err;    /* first libharu error, 0 if none */
	HPDF_STATUS detail; /* its detail number */
	HPDF_Dict *font;    /* per document face: its Type0 font (embed_font) */
	const uint16_t **w; /* per document face: the width of each code */
	struct fonts *fonts;
	struct gform *gf; /* outlines made, open addressing */
	size_t gn, gcap;
	int nfont;
	HPDF_Image *img;     /* per image, loaded on first use */
	int *img_bad;        /* 1: could not be loaded */
	HPDF_Page *page;     /* per page */
	z_stream z;          /* one deflater for every stream, reset between them */
	int zinit;           /* z is initialised */
	unsigned char *zbuf; /* deflated bytes of the last stream */
	size_t zcap;
};

/* libharu copies each byte of each stream four times (into the stream,
 * out of it into the document, out of that) through HPDF_MemCpy, a loop
 * of one byte at a time: the same copy by libc, returning the end of what
 * was written as libharu's does.  libharu's own calls resolve to this one
 * because libharu is linked as a shared library (-lhpdf). */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	memmove(out, in, n);
	return out + n;
}

/* libharu reports here and goes on; we check o->err where it matters. */
static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	struct out *o = user;
	if (!o->err) {
		o->err = e;
		o->detail = detail;
	}
}

static int
failed(struct out *o, const char *what, char **err)
{
	/* some faults are only recorded (HPDF_SetError), not reported */
	if (!o->err && HPDF_GetError(o->doc)) {
		o->err = HPDF_GetError(o->doc);
		o->detail = HPDF_GetErrorDetail(o->doc);
	}
	if (!o->err)
		return 0;
	*err = xasprintf("libharu: %s: error 0x%04X (detail %u)", what, (unsigned)o->err,
	                 (unsigned)o->detail);
	return 1;
}

/* The /Filter of a stream whose data is deflated here: libharu names a
 * filter only for what it deflates itself. */
static HPDF_STATUS
flate_key(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* zlib's level 3 rather than its default 6: on generated reports it takes
 * an eighth less time per report for 5% more bytes (bench/report.sh). */
#define DEFLATE_LEVEL 3

/* Writes data deflated into stream dictionary s.  One z_stream serves the
 * whole document: zlib's set-up for each stream, as libharu does it, costs
 * as much as deflating a small one. */
static int
put_deflated(struct out *o, HPDF_Dict s, const void *data, size_t len)
{
	if (len > UINT_MAX / 2)
		return 0;
	int r = o->zinit ? deflateReset(&o->z) : deflateInit(&o->z, DEFLATE_LEVEL);
	if (r != Z_OK)
		return 0;
	o->zinit = 1;
	size_t bound = deflateBound(&o->z, (uLong)len);
	o->zbuf = xgrow(o->zbuf, &o->zcap, bound, 1);
	o->z.next_in = data;
	o->z.avail_in = (uInt)len;
	o->z.next_out = o->zbuf;
	o->z.avail_out = (uInt)bound;
	if (deflate(&o->z, Z_FINISH) != Z_STREAM_END)
		return 0;
	s->filter = HPDF_STREAM_FILTER_NONE;
	s->write_fn = flate_key;
	return HPDF_Stream_Write(s->stream, o->zbuf, (HPDF_UINT)(bound - o->z.avail_out)) ==
	       HPDF_OK;
}

/* A stream object holding data, deflated. */
static HPDF_Dict
stream_of(struct out *o, const void *data, size_t len)
{
	HPDF_Dict s = HPDF_DictStream_New(o->doc->mmgr, o->doc->xref);
	return s && put_deflated(o, s, data, len) ? s : NULL;
}

/* An indirect dictionary. */
static HPDF_Dict
dict_of(struct out *o)
{
	HPDF_Dict d = HPDF_Dict_New(o->doc->mmgr);
	if (d && HPDF_Xref_Add(o->doc->xref, d) != HPDF_OK)
		return NULL; /* Xref_Add frees it */
	return d;
}

/* The ToUnicode CMap of a face (pdf_tounicode.c) as a stream. */
static HPDF_Dict
to_unicode(struct out *o, const struct font_embed *e)
{
	struct buf b = BUF_INIT;
	tounicode_cmap(&b, e);
	HPDF_Dict s = stream_of(o, b.data, b.len);
	buf_free(&b);
	return s;
}

/* /W: the width of every code, in runs within libharu's array limit. */
static HPDF_Array
widths(struct out *o, const struct font_embed *e)
{
	enum { RUN = 8192 };
	HPDF_Array w = HPDF_Array_New(o->doc->mmgr);
	for (size_t k = 1; w && k <= e->ncodes; k += RUN) {
		HPDF_Array run = HPDF_Array_New(o->doc->mmgr);
		if (!run)
			return NULL;
		HPDF_Array_AddNumber(w, (HPDF_INT32)k);
		for (size_t j = k; j < k + RUN && j <= e->ncodes; j++)
			HPDF_Array_AddNumber(run, e->width[j]);
		HPDF_Array_Add(w, run);
	}
	return w;
}

/* The CIDToGIDMap: two bytes, big-endian, per code from 0. */
static HPDF_Dict
cid_to_gid(struct out *o, const struct font_embed *e)
{
	size_t n = e->ncodes + 1;
	unsigned char *m = xmalloc(2 * n);
	for (size_t k = 0; k < n; k++) {
		m[2 * k] = (unsigned char)(e->gid[k] >> 8);
		m[2 * k + 1] = (unsigned char)e->gid[k];
	}
	HPDF_Dict s = stream_of(o, m, 2 * n);
	free(m);
	return s;
}

/* Face i as a Type0 font over a CIDFontType2 with the subset embedded as it
 * is.  libharu's own TrueType path (HPDF_LoadTTFont and HPDF_GetFont)
 * drops components of nested composite glyphs, writes an invalid
 * ToUnicode CMap, looks up all 65,536 code points of its encoder and
 * rewrites the font; none of it is needed here. */
static int
embed_font(struct out *o, const struct font_embed *e, int i)
{
	HPDF_MMgr m = o->doc->mmgr;
	HPDF_Dict file = stream_of(o, e->ttf, e->len);
	HPDF_Dict desc = dict_of(o), cid = dict_of(o), font = dict_of(o);
	HPDF_Array bbox = HPDF_Array_New(m), desc_list = HPDF_Array_New(m), w = widths(o, e);
	HPDF_Dict info = HPDF_Dict_New(m), map = cid_to_gid(o, e), tou = to_unicode(o, e);
	if (!file || !desc || !cid || !font || !bbox || !desc_list || !w || !info || !map || !tou)
		return 0;
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)e->len);

	HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	HPDF_Dict_AddName(desc, "FontName", e->name);
	HPDF_Dict_AddNumber(desc, "Flags", e->m.flags);
	for (int k = 0; k < 4; k++)
		HPDF_Array_AddNumber(bbox, e->m.bbox[k]);
	HPDF_Dict_Add(desc, "FontBBox", bbox);
	HPDF_Dict_AddNumber(desc, "ItalicAngle", e->m.italic_angle);
	HPDF_Dict_AddNumber(desc, "Ascent", e->m.ascent);
	HPDF_Dict_AddNumber(desc, "Descent", e->m.descent);
	HPDF_Dict_AddNumber(desc, "CapHeight", e->m.cap_height);
	HPDF_Dict_AddNumber(desc, "StemV", e->m.stem_v);
	HPDF_Dict_Add(desc, "FontFile2", file);

	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", e->name);
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(m, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(m, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_AddNumber(cid, "DW", e->width[0]);
	HPDF_Dict_Add(cid, "W", w);
	HPDF_Dict_Add(cid, "CIDToGIDMap", map);

	HPDF_Dict_AddName(font, "Type", "Font");
	HPDF_Dict_AddName(font, "Subtype", "Type0");
	HPDF_Dict_AddName(font, "BaseFont", e->name);
	HPDF_Dict_AddName(font, "Encoding", "Identity-H");
	HPDF_Array_Add(desc_list, cid);
	HPDF_Dict_Add(font, "DescendantFonts", desc_list);
	HPDF_Dict_Add(font, "ToUnicode", tou);

	o->font[i] = font;
	return 1;
}

static int
load_fonts(struct out *o, struct fonts *f, char **err)
{
	o->nfont = fonts_count(f);
	o->fonts = f;
	o->font = xcalloc((size_t)o->nfont, sizeof *o->font);
	o->w = xcalloc((size_t)o->nfont, sizeof *o->w);
	for (int i = 0; i < o->nfont; i++) {
		struct font_embed e;
		int ok = fonts_embed(f, i, &e, err) && embed_font(o, &e, i);
		o->w[i] = e.width;
		font_embed_free(&e);
		if (!ok) { /* fonts_embed says why; libharu may not have */
			if (!*err && !failed(o, "embedding a font", err))
				*err = xstrdup("libharu: cannot embed a font");
			return 0;
		}
		if (failed(o, "embedding a font", err))
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

/* The form XObject of a glyph's outline, or NULL when libharu fails. */
static HPDF_Dict
glyph_form(struct out *o, struct gform *e)
{
	if (e->form || e->failed)
		return e->form;
	HPDF_Dict f = HPDF_DictStream_New(o->doc->mmgr, o->doc->xref);
	HPDF_Array bbox = HPDF_Array_New(o->doc->mmgr);
	if (f && bbox) {
		HPDF_Dict_AddName(f, "Subtype", "Form");
		/* marks and subscripts reach far from the origin */
		int lo = -2 * (int)e->upem, hi = 3 * (int)e->upem;
		int box[4] = {lo, lo, hi, hi};
		for (int k = 0; k < 4; k++)
			HPDF_Array_AddNumber(bbox, box[k]);
		HPDF_Dict_Add(f, "BBox", bbox);
		if (put_deflated(o, f, e->path, e->len))
			e->form = f;
	}
	e->failed = !e->form;
	return e->form;
}

/* Glyph g of the face of text item it, drawn as its outline at (x, y): a
 * glyph of a shaped cluster whose characters go as invisible text.
 * Marked with its glyph id, for tools that compare with a shaper's. */
static void
put_path_glyph(struct out *o, HPDF_Page page, struct buf *b, const struct dl_item *it, uint32_t g,
               float x, float y)
{
	struct gform *e = glyph_entry(o, it->face, g);
	HPDF_Dict form = e->uses >= FORM_USES ? glyph_form(o, e) : NULL;
	const char *name = form ? HPDF_Page_GetXObjectName(page, form) : NULL;
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
put_shaped(struct out *o, HPDF_Page page, struct buf *b, struct buf *paths, const struct dl *dl,
           const struct dl_item *it, int *invisible)
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

static HPDF_Image
image(struct out *o, const struct dl *dl, size_t i, struct strlist *warnings, enum lang lang)
{
	if (o->img[i] || o->img_bad[i])
		return o->img[i];
	const struct dl_image *im = &dl->images[i];
	HPDF_Image h = im->png ? HPDF_LoadPngImageFromMem(o->doc, (const HPDF_BYTE *)im->data,
	                                                  (HPDF_UINT)im->len)
	                       : HPDF_LoadJpegImageFromMem(o->doc, (const HPDF_BYTE *)im->data,
	                                                   (HPDF_UINT)im->len);
	if (!h || o->err) {
		/* an image libharu cannot read is a frame, not a failed document */
		HPDF_ResetError(o->doc);
		o->err = 0;
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
	return o->img[i] = h;
}

/* The content stream of one page, written here rather than through
 * libharu's page operators: they format every number with their own
 * routine and check the graphics mode on every call, a fifth of the time
 * of a page.  Only resource names come from libharu. */
static void
draw_page(struct out *o, const struct dl *dl, const size_t *idx, size_t n, HPDF_Page page,
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
		HPDF_Image im = image(o, dl, it->off, warnings, lang);
		const char *name = im ? HPDF_Page_GetXObjectName(page, im) : NULL;
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
			const char *name = HPDF_Page_GetLocalFontName(page, o->font[face]);
			buf_printf(b, "/%s ", name ? name : "F0");
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

/* [page /XYZ left top null]: keeps the reader's zoom, which
 * HPDF_Destination_SetXYZ cannot express. */
static HPDF_Destination
dest(struct out *o, HPDF_Page page, float top)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(page);
	if (!d)
		return NULL;
	HPDF_Array_Clear(d);
	HPDF_Array_Add(d, page);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_AddReal(d, 0);
	HPDF_Array_AddReal(d, top);
	HPDF_Array_Add(d, HPDF_Null_New(o->doc->mmgr));
	return d;
}

static void
links(struct out *o, const struct dl *dl, const struct dl_item *it)
{
	HPDF_Rect rect = {it->x, it->y, it->x + it->w, it->y + it->h};
	HPDF_Annotation a;
	if (it->dest >= 0) {
		const struct dl_anchor *an = &dl->anchors[it->dest];
		a = HPDF_Page_CreateLinkAnnot(o->page[it->page], rect,
		                              dest(o, o->page[an->page], an->y));
	} else {
		char *uri = xstrndup(dl->text.data + it->off, it->len);
		a = HPDF_Page_CreateURILinkAnnot(o->page[it->page], rect, uri);
		free(uri);
	}
	if (a) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4); /* print */
	}
}

/* A PDF text string of UTF-8 s: ASCII as it is, anything else as UTF-16BE
 * after a byte order mark (libharu's UTF-8 encoder would do the same, at
 * the cost of building its 65,536-entry tables). */
static void *
text_string(struct out *o, const char *s)
{
	size_t len = strnlen(s, 16000); /* libharu's strings hold 65,535 bytes */
	int ascii = 1;
	for (size_t k = 0; k < len; k++)
		if ((unsigned char)s[k] >= 0x80)
			ascii = 0;
	if (ascii) {
		char *z = xstrndup(s, len);
		HPDF_String r = HPDF_String_New(o->doc->mmgr, z, NULL);
		free(z);
		return r;
	}
	struct buf b = BUF_INIT;
	buf_put(&b, "\xFE\xFF", 2);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		uint32_t c = text_next_cp(&p);
		if (c > 0xFFFF) {
			c -= 0x10000;
			uint32_t hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
			char u[4] = {(char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo};
			buf_put(&b, u, 4);
		} else {
			char u[2] = {(char)(c >> 8), (char)c};
			buf_put(&b, u, 2);
		}
	}
	HPDF_Binary r = HPDF_Binary_New(o->doc->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_free(&b);
	return r;
}

static void
outlines(struct out *o, const struct dl *dl)
{
	struct olevel {
		int level;
		HPDF_Outline o;
	} stack[7];
	int n = 0;
	for (size_t i = 0; i < dl->nmarks; i++) {
		const struct dl_mark *m = &dl->marks[i];
		while (n && stack[n - 1].level >= m->level)
			n--;
		HPDF_Outline ol = HPDF_CreateOutline(o->doc, n ? stack[n - 1].o : NULL, "", NULL);
		if (!ol)
			return;
		char *title = xstrndup(dl->text.data + m->off, m->len);
		HPDF_Dict_Add(ol, "Title", text_string(o, title));
		free(title);
		HPDF_Outline_SetOpened(ol, m->level <= 2);
		HPDF_Outline_SetDestination(ol, dest(o, o->page[m->page], m->y));
		if (n < 7)
			stack[n++] = (struct olevel){m->level, ol};
	}
	if (dl->nmarks)
		HPDF_SetPageMode(o->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
info(struct out *o, const struct pdfout_info *in)
{
	/* creates the info dictionary, which the text strings go into */
	HPDF_SetInfoAttr(o->doc, HPDF_INFO_CREATOR, "debrief " DEBRIEF_VERSION);
	HPDF_Dict dict = o->doc->info;
	if (!dict)
		return;
	if (in->title && *in->title)
		HPDF_Dict_Add(dict, "Title", text_string(o, in->title));
	if (in->author && *in->author)
		HPDF_Dict_Add(dict, "Author", text_string(o, in->author));
	if (in->subject && *in->subject)
		HPDF_Dict_Add(dict, "Subject", text_string(o, in->subject));
	if (in->epoch >= 0) {
		time_t t = (time_t)in->epoch;
		struct tm tm;
		if (gmtime_r(&t, &tm) && tm.tm_year + 1900 <= 9999) {
			HPDF_Date d = {
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			    tm.tm_sec,         'Z',           0,          0};
			HPDF_SetInfoDateAttr(o->doc, HPDF_INFO_CREATION_DATE, d);
			HPDF_SetInfoDateAttr(o->doc, HPDF_INFO_MOD_DATE, d);
		}
	}
}

int
pdfout_write(const struct dl *dl, struct fonts *f, const struct pdfout_info *in, struct buf *out,
             struct strlist *warnings, char **err)
{
	struct out o = {0};
	int rc = 0;
	size_t *idx = NULL, *start = NULL;
	struct buf content = BUF_INIT;
	o.doc = HPDF_New(on_error, &o);
	if (!o.doc) {
		*err = xstrdup("libharu: cannot create a document");
		return 0;
	}
	HPDF_SetCompressionMode(o.doc, HPDF_COMP_ALL);
	if (failed(&o, "setting up", err) || !load_fonts(&o, f, err))
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
		HPDF_Page page = o.page[p] = HPDF_AddPage(o.doc);
		if (!page || failed(&o, "adding a page", err))
			goto out;
		HPDF_Page_SetWidth(page, dl->page_w);
		HPDF_Page_SetHeight(page, dl->page_h);
		buf_reset(&content);
		draw_page(&o, dl, idx + start[p], start[p + 1] - start[p], page, &content, warnings,
		          in->lang);
		HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
		if (!put_deflated(&o, pa->contents, content.data, content.len) && !o.err)
			o.err = HPDF_FAILD_TO_ALLOC_MEM;
		if (failed(&o, "drawing a page", err))
			goto out;
	}
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].kind == DL_LINK && dl->items[i].len)
			links(&o, dl, &dl->items[i]);
	outlines(&o, dl);
	info(&o, in);
	if (failed(&o, "finishing the document", err))
		goto out;
	HPDF_STATUS saved = HPDF_SaveToStream(o.doc);
	if (failed(&o, "saving", err))
		goto out;
	if (saved != HPDF_OK) {
		*err = xasprintf("libharu: saving: error 0x%04X", (unsigned)saved);
		goto out;
	}
	HPDF_ResetStream(o.doc);
	for (;;) {
		HPDF_BYTE chunk[65536];
		HPDF_UINT32 len = sizeof chunk;
		HPDF_STATUS s = HPDF_ReadFromStream(o.doc, chunk, &len);
		buf_put(out, chunk, len);
		if (s == HPDF_STREAM_EOF)
			break;
		if (s != HPDF_OK) {
			*err = xstrdup("libharu: cannot read the saved document");
			goto out;
		}
	}
	rc = 1;
out:
	HPDF_Free(o.doc);
	free(o.font);
	free(o.w);
	for (size_t i = 0; i < o.gcap; i++)
		free(o.gf[i].path);
	free(o.gf);
	if (o.zinit)
		deflateEnd(&o.z);
	free(o.zbuf);
	buf_free(&content);
	free(o.img);
	free(o.img_bad);
	free(o.page);
	free(idx);
	free(start);
	return rc;
}
