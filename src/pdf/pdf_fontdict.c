/*
 * pdf_fontdict.c: the font dictionaries of an embedded face: a Type0 font
 * (Identity-H, so the codes of the content streams are its CIDs) over a
 * CIDFontType2 with its widths (/W) and CIDToGIDMap, a FontDescriptor
 * with the HarfBuzz subset as it is (FontFile2), and the ToUnicode CMap
 * (pdf_tounicode.c); made of the objects of pdf_hpdf.h.
 *
 * libharu's own TrueType path (HPDF_LoadTTFont and HPDF_GetFont) drops
 * components of nested composite glyphs, writes an invalid ToUnicode
 * CMap, looks up all 65,536 code points of its encoder and rewrites the
 * font (as measured on 2.3.0); none of it is needed here.
 */
#include <stdlib.h>

#include "pdf_fontdict.h"
#include "pdf_tounicode.h"
#include "xalloc.h"

/* The ToUnicode CMap of a face (pdf_tounicode.c) as a stream. */
static struct hpdf_obj *
to_unicode(struct hpdf *h, const struct font_embed *e)
{
	struct buf b = BUF_INIT;
	tounicode_cmap(&b, e);
	struct hpdf_obj *s = hpdf_stream(h, b.data, b.len);
	buf_free(&b);
	return s;
}

/* /W: the width of every code, in runs within libharu's array limit. */
static struct hpdf_obj *
widths(struct hpdf *h, const struct font_embed *e)
{
	enum { RUN = 8192 };
	struct hpdf_obj *w = hpdf_array(h);
	for (size_t k = 1; w && k <= e->ncodes; k += RUN) {
		struct hpdf_obj *run = hpdf_array(h);
		if (!run)
			return NULL;
		hpdf_array_num(w, (int32_t)k);
		for (size_t j = k; j < k + RUN && j <= e->ncodes; j++)
			hpdf_array_num(run, e->width[j]);
		hpdf_array_add(w, run);
	}
	return w;
}

/* The CIDToGIDMap: two bytes, big-endian, per code from 0. */
static struct hpdf_obj *
cid_to_gid(struct hpdf *h, const struct font_embed *e)
{
	size_t n = e->ncodes + 1;
	unsigned char *m = xmalloc(2 * n);
	for (size_t k = 0; k < n; k++) {
		m[2 * k] = (unsigned char)(e->gid[k] >> 8);
		m[2 * k + 1] = (unsigned char)e->gid[k];
	}
	struct hpdf_obj *s = hpdf_stream(h, m, 2 * n);
	free(m);
	return s;
}

struct hpdf_obj *
fontdict_embed(struct hpdf *h, struct font_embed *e)
{
	/* made in this order, which numbers the objects */
	struct hpdf_obj *file =
	    e->z ? hpdf_stream_deflated(h, e->z, e->zlen) : hpdf_stream(h, e->ttf, e->len);
	if (file && !e->z) {
		size_t zlen;
		const unsigned char *z = hpdf_deflated(h, &zlen);
		fonts_embed_keep(e, z, zlen);
	}
	struct hpdf_obj *desc = hpdf_dict(h), *cid = hpdf_dict(h), *font = hpdf_dict(h);
	struct hpdf_obj *bbox = hpdf_array(h), *desc_list = hpdf_array(h), *w = widths(h, e);
	struct hpdf_obj *info = hpdf_dict_direct(h), *map = cid_to_gid(h, e),
	                *tou = to_unicode(h, e);
	if (!file || !desc || !cid || !font || !bbox || !desc_list || !w || !info || !map || !tou)
		return NULL;
	hpdf_dict_num(file, "Length1", (int32_t)e->len);

	hpdf_dict_name(desc, "Type", "FontDescriptor");
	hpdf_dict_name(desc, "FontName", e->name);
	hpdf_dict_num(desc, "Flags", e->m.flags);
	for (int k = 0; k < 4; k++)
		hpdf_array_num(bbox, e->m.bbox[k]);
	hpdf_dict_add(desc, "FontBBox", bbox);
	hpdf_dict_num(desc, "ItalicAngle", e->m.italic_angle);
	hpdf_dict_num(desc, "Ascent", e->m.ascent);
	hpdf_dict_num(desc, "Descent", e->m.descent);
	hpdf_dict_num(desc, "CapHeight", e->m.cap_height);
	hpdf_dict_num(desc, "StemV", e->m.stem_v);
	hpdf_dict_add(desc, "FontFile2", file);

	hpdf_dict_name(cid, "Type", "Font");
	hpdf_dict_name(cid, "Subtype", "CIDFontType2");
	hpdf_dict_name(cid, "BaseFont", e->name);
	hpdf_dict_add(info, "Registry", hpdf_string(h, "Adobe"));
	hpdf_dict_add(info, "Ordering", hpdf_string(h, "Identity"));
	hpdf_dict_num(info, "Supplement", 0);
	hpdf_dict_add(cid, "CIDSystemInfo", info);
	hpdf_dict_add(cid, "FontDescriptor", desc);
	hpdf_dict_num(cid, "DW", e->width[0]);
	hpdf_dict_add(cid, "W", w);
	hpdf_dict_add(cid, "CIDToGIDMap", map);

	hpdf_dict_name(font, "Type", "Font");
	hpdf_dict_name(font, "Subtype", "Type0");
	hpdf_dict_name(font, "BaseFont", e->name);
	hpdf_dict_name(font, "Encoding", "Identity-H");
	hpdf_array_add(desc_list, cid);
	hpdf_dict_add(font, "DescendantFonts", desc_list);
	hpdf_dict_add(font, "ToUnicode", tou);
	return font;
}
