/*
 * pdf_out.c: the display list as PDF bytes; the only file that calls
 * libharu.  Works around what libharu 2.3.0 gets wrong (see
 * shared/notes/libharu.md): fonts are loaded as HarfBuzz subsets from a
 * memfd, every glyph is marked before saving (nested composites), the
 * ToUnicode CMap is rewritten as bfchar, text is written as CIDs so that
 * zero-width runs are kept, and info strings go through UTF-8.
 */
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pdf_out.h"
#include "xalloc.h"

struct out {                /* one document being written */
	HPDF_Doc doc;       /* owned */
	HPDF_STATUS err;    /* first libharu error, 0 if none */
	HPDF_STATUS detail; /* its detail number */
	HPDF_Font *font;    /* per document face */
	int *fd;            /* memfds of the subsets, open until saved */
	int nfont;
	HPDF_Image *img; /* per image, loaded on first use */
	int *img_bad;    /* 1: could not be loaded */
	HPDF_Page *page; /* per page */
};

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

static void
rgb(uint32_t c, float *r, float *g, float *b)
{
	*r = (float)(c >> 16 & 0xFF) / 255.0f;
	*g = (float)(c >> 8 & 0xFF) / 255.0f;
	*b = (float)(c & 0xFF) / 255.0f;
}

/* A ToUnicode CMap with one bfchar entry per code drawn: libharu's own is
 * its encoding CMap (begincidrange), which poppler rejects. */
static void
fix_tounicode(struct out *o, struct fonts *f, int i)
{
	uint32_t *cid, *ucs;
	size_t n = fonts_codes(f, i, &cid, &ucs);
	HPDF_Dict s = HPDF_DictStream_New(o->doc->mmgr, o->doc->xref);
	if (!s) {
		free(cid);
		free(ucs);
		return;
	}
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	struct buf b = BUF_INIT;
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t k = 0; k < n; k += 100) {
		size_t m = n - k < 100 ? n - k : 100;
		buf_printf(&b, "%zu beginbfchar\n", m);
		for (size_t j = k; j < k + m; j++) {
			uint32_t u = ucs[j];
			if (u > 0xFFFF) {
				u -= 0x10000;
				buf_printf(&b, "<%04X> <%04X%04X>\n", (unsigned)cid[j],
				           (unsigned)(0xD800 + (u >> 10)),
				           (unsigned)(0xDC00 + (u & 0x3FF)));
			} else
				buf_printf(&b, "<%04X> <%04X>\n", (unsigned)cid[j], (unsigned)u);
		}
		buf_puts(&b, "endbfchar\n");
	}
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	HPDF_Dict_Add(o->font[i], "ToUnicode", s);
	buf_free(&b);
	free(cid);
	free(ucs);
}

/* Codes are written as CIDs, so the encoding is Identity-H; libharu's own
 * UTF-8 CMap would be embedded once per font for nothing.  The descendant
 * font's CIDSystemInfo says (Identity-H) where (Identity) is meant. */
static void
identity_encoding(struct out *o, HPDF_Font font)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	HPDF_Dict_AddName(font, "Encoding", "Identity-H");
	if (fa->cmap_stream) { /* now referenced by nothing: leave it empty */
		static const char *const keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode",
		                                   NULL};
		for (const char *const *k = keys; *k; k++)
			HPDF_Dict_RemoveElement(fa->cmap_stream, *k);
		HPDF_MemStream_FreeData(fa->cmap_stream->stream);
		/* a key libharu did not add is not an error of the document */
		if (!o->err)
			HPDF_ResetError(o->doc);
	}
	if (fa->descendant_font) {
		HPDF_Dict si = HPDF_Dict_New(o->doc->mmgr);
		HPDF_Dict_Add(si, "Registry", HPDF_String_New(o->doc->mmgr, "Adobe", NULL));
		HPDF_Dict_Add(si, "Ordering", HPDF_String_New(o->doc->mmgr, "Identity", NULL));
		HPDF_Dict_AddNumber(si, "Supplement", 0);
		HPDF_Dict_Add(fa->descendant_font, "CIDSystemInfo", si);
	}
}

/* libharu 2.3.0 drops components of nested composite glyphs unless they
 * were drawn directly; the subsets are small, so keep every glyph. */
static void
mark_all_glyphs(HPDF_Font font)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)fa->fontdef->attr;
	memset(a->glyph_tbl.flgs, 1, a->num_glyphs);
}

/* The codes of the font being loaded, for codes_init (libharu calls an
 * encoder's init function with no context of its own). */
static const uint32_t *codes_now;
static size_t ncodes_now;

/* An encoder that names only the codes one font draws.  HPDF_GetFont with
 * the UTF-8 encoder looks up all 65,536 code points in the font to build
 * the widths and the CIDToGIDMap: most of the time of a report.  Codes are
 * written as CIDs (show_codes) and the encoding is replaced by Identity-H
 * (identity_encoding), so this encoder only ever serves that setup. */
static HPDF_STATUS
codes_init(HPDF_Encoder e)
{
	HPDF_STATUS ret = HPDF_CMapEncoder_InitAttr(e);
	if (ret != HPDF_OK)
		return ret;
	HPDF_CMapEncoderAttr a = (HPDF_CMapEncoderAttr)e->attr;
	uint32_t max = 0;
	for (size_t k = 0; k < ncodes_now; k++) {
		uint32_t c = codes_now[k];
		if (c == 0 || c > 0xFFFF)
			continue;
		a->cid_map[c >> 8][c & 0xFF] = (HPDF_UINT16)c;
		a->unicode_map[c >> 8][c & 0xFF] = (HPDF_UNICODE)c;
		if (c > max)
			max = c;
	}
	/* libharu writes widths and CIDToGIDMap for the CIDs below the highest
	 * one only: name one more, so that the highest code drawn is kept. */
	if (max < 0xFFFF) {
		max++;
		a->cid_map[max >> 8][max & 0xFF] = (HPDF_UINT16)max;
		a->unicode_map[max >> 8][max & 0xFF] = (HPDF_UNICODE)max;
	}
	HPDF_CidRange_Rec space = {0x0000, 0xFFFF, 0};
	if ((ret = HPDF_CMapEncoder_AddCodeSpaceRange(e, space)) != HPDF_OK)
		return ret;
	snprintf(a->registry, sizeof a->registry, "Adobe");
	snprintf(a->ordering, sizeof a->ordering, "Identity");
	a->suppliment = 0;
	a->writing_mode = HPDF_WMODE_HORIZONTAL;
	e->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
	return HPDF_OK;
}

/* Register the encoder of font i under a name of its own; NULL on failure. */
static const char *
codes_encoder(struct out *o, struct fonts *f, int i, char *name, size_t size, uint32_t **cid)
{
	uint32_t *ucs;
	ncodes_now = fonts_codes(f, i, cid, &ucs);
	free(ucs);
	codes_now = *cid;
	snprintf(name, size, "debrief-codes-%d", i);
	HPDF_Encoder e = HPDF_CMapEncoder_New(o->doc->mmgr, name, codes_init);
	if (!e || HPDF_Doc_RegisterEncoder(o->doc, e) != HPDF_OK)
		return NULL;
	return name;
}

static int
load_fonts(struct out *o, struct fonts *f, char **err)
{
	o->nfont = fonts_count(f);
	o->font = xcalloc((size_t)o->nfont, sizeof *o->font);
	o->fd = xcalloc((size_t)o->nfont, sizeof *o->fd);
	for (int i = 0; i < o->nfont; i++)
		o->fd[i] = -1;
	for (int i = 0; i < o->nfont; i++) {
		if (!fonts_subset(f, i, &o->fd[i], err))
			return 0;
		char path[64];
		snprintf(path, sizeof path, "/proc/self/fd/%d", o->fd[i]);
		const char *name = HPDF_LoadTTFontFromFile(o->doc, path, HPDF_TRUE);
		char ename[32];
		uint32_t *cid = NULL;
		const char *enc = name ? codes_encoder(o, f, i, ename, sizeof ename, &cid) : NULL;
		if (enc)
			o->font[i] = HPDF_GetFont(o->doc, name, enc);
		codes_now = NULL;
		ncodes_now = 0;
		free(cid);
		if (failed(o, "loading a font", err))
			return 0;
		if (!o->font[i]) {
			*err = xstrdup("libharu: cannot load a font subset");
			return 0;
		}
	}
	return 1;
}

/* Writes the codes of UTF-8 s as a hex string and Tj.  ShowText would
 * skip a run of zero width (a lone combining mark). */
static void
show_codes(HPDF_Page page, const char *s, size_t len, struct buf *tmp)
{
	buf_reset(tmp);
	buf_putc(tmp, '<');
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned c = *p++;
		if (c >= 0xE0 && p + 1 < end) {
			c = (c & 0x0F) << 12 | (unsigned)(p[0] & 0x3F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if (c >= 0xC0 && p < end) {
			c = (c & 0x1F) << 6 | (p[0] & 0x3F);
			p++;
		}
		static const char hex[] = "0123456789ABCDEF";
		char h[4] = {hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15], hex[c & 15]};
		buf_put(tmp, h, 4);
	}
	buf_puts(tmp, "> Tj\n");
	HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
	HPDF_Stream_WriteStr(pa->stream, buf_cstr(tmp));
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

static void
draw_page(struct out *o, const struct dl *dl, const size_t *idx, size_t n, HPDF_Page page,
          struct strlist *warnings, enum lang lang)
{
	float r, g, b;
	uint32_t fill = 0xFFFFFFFFu, stroke = 0xFFFFFFFFu;
	float lw = -1;
	/* backgrounds first, then images, text, and lines on top */
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_FILL)
			continue;
		if (it->rgb != fill) {
			rgb(fill = it->rgb, &r, &g, &b);
			HPDF_Page_SetRGBFill(page, r, g, b);
		}
		HPDF_Page_Rectangle(page, it->x, it->y, it->w, it->h);
		HPDF_Page_Fill(page);
	}
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_IMAGE)
			continue;
		HPDF_Image im = image(o, dl, it->off, warnings, lang);
		if (im)
			HPDF_Page_DrawImage(page, im, it->x, it->y, it->w, it->h);
		else {
			HPDF_Page_SetLineWidth(page, lw = 0.5f);
			HPDF_Page_SetRGBStroke(page, 0.5f, 0.5f, 0.5f);
			stroke = 0x808080u;
			HPDF_Page_Rectangle(page, it->x, it->y, it->w, it->h);
			HPDF_Page_Stroke(page);
		}
	}
	struct buf tmp = BUF_INIT;
	int face = -1, invisible = 0, text = 0;
	float size = 0;
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_TEXT || !it->len)
			continue;
		if (!text) {
			HPDF_Page_BeginText(page);
			text = 1;
		}
		if (it->face != face || it->h != size) {
			face = it->face;
			size = it->h;
			HPDF_Page_SetFontAndSize(page, o->font[face], size);
		}
		if (it->invisible != invisible) {
			invisible = it->invisible;
			HPDF_Page_SetTextRenderingMode(page,
			                               invisible ? HPDF_INVISIBLE : HPDF_FILL);
		}
		if (it->rgb != fill) {
			rgb(fill = it->rgb, &r, &g, &b);
			HPDF_Page_SetRGBFill(page, r, g, b);
		}
		HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, it->x, it->y);
		show_codes(page, dl->text.data + it->off, it->len, &tmp);
	}
	if (text)
		HPDF_Page_EndText(page);
	buf_free(&tmp);
	for (size_t k = 0; k < n; k++) {
		const struct dl_item *it = &dl->items[idx[k]];
		if (it->kind != DL_LINE && it->kind != DL_FRAME)
			continue;
		if (it->lw != lw)
			HPDF_Page_SetLineWidth(page, lw = it->lw);
		if (it->rgb != stroke) {
			rgb(stroke = it->rgb, &r, &g, &b);
			HPDF_Page_SetRGBStroke(page, r, g, b);
		}
		if (it->kind == DL_LINE) {
			HPDF_Page_MoveTo(page, it->x, it->y);
			HPDF_Page_LineTo(page, it->x + it->w, it->y + it->h);
		} else
			HPDF_Page_Rectangle(page, it->x, it->y, it->w, it->h);
		HPDF_Page_Stroke(page);
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

static void
outlines(struct out *o, const struct dl *dl)
{
	struct olevel {
		int level;
		HPDF_Outline o;
	} stack[7];
	int n = 0;
	HPDF_Encoder enc = HPDF_GetEncoder(o->doc, "UTF-8");
	for (size_t i = 0; i < dl->nmarks; i++) {
		const struct dl_mark *m = &dl->marks[i];
		while (n && stack[n - 1].level >= m->level)
			n--;
		char *title = xstrndup(dl->text.data + m->off, m->len);
		HPDF_Outline ol = HPDF_CreateOutline(o->doc, n ? stack[n - 1].o : NULL, title, enc);
		free(title);
		if (!ol)
			return;
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
	HPDF_SetCurrentEncoder(o->doc, "UTF-8"); /* before SetInfoAttr: UTF-16 strings */
	if (in->title && *in->title)
		HPDF_SetInfoAttr(o->doc, HPDF_INFO_TITLE, in->title);
	if (in->author && *in->author)
		HPDF_SetInfoAttr(o->doc, HPDF_INFO_AUTHOR, in->author);
	if (in->subject && *in->subject)
		HPDF_SetInfoAttr(o->doc, HPDF_INFO_SUBJECT, in->subject);
	HPDF_SetInfoAttr(o->doc, HPDF_INFO_CREATOR, "debrief " DEBRIEF_VERSION);
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
	o.doc = HPDF_New(on_error, &o);
	if (!o.doc) {
		*err = xstrdup("libharu: cannot create a document");
		return 0;
	}
	HPDF_SetCompressionMode(o.doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(o.doc);
	HPDF_SetCurrentEncoder(o.doc, "UTF-8");
	if (failed(&o, "setting up", err) || !load_fonts(&o, f, err))
		goto out;
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
		draw_page(&o, dl, idx + start[p], start[p + 1] - start[p], page, warnings,
		          in->lang);
		if (failed(&o, "drawing a page", err))
			goto out;
	}
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].kind == DL_LINK && dl->items[i].len)
			links(&o, dl, &dl->items[i]);
	outlines(&o, dl);
	info(&o, in);
	for (int i = 0; i < o.nfont; i++) {
		mark_all_glyphs(o.font[i]);
		fix_tounicode(&o, f, i);
		identity_encoding(&o, o.font[i]);
	}
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
	for (int i = 0; i < o.nfont; i++)
		if (o.fd[i] >= 0)
			close(o.fd[i]);
	free(o.fd);
	free(o.font);
	free(o.img);
	free(o.img_bad);
	free(o.page);
	free(idx);
	free(start);
	return rc;
}
