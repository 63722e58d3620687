/*
 * pdf_fonts.h: the faces a PDF draws with.  Faces are found through
 * fontconfig, measured and checked for coverage with HarfBuzz, and
 * subset for embedding.  Only pdf_fonts.c includes <fontconfig.h> and
 * <hb-subset.h>.
 */
#ifndef PDF_FONTS_H
#define PDF_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "debrief.h"
#include "strlist.h"

/* A style is a bit set; 8 styles in all. */
enum { FST_BOLD = 1, FST_ITALIC = 2, FST_MONO = 4, FST_N = 8 };

struct fonts; /* one document's faces and the code points drawn with each */

/* How one code point is drawn. */
struct glyph {
	int face;     /* document face index, 0 .. fonts_count()-1 */
	int width;    /* advance in 1/1000 em, truncated; also its /W entry */
	uint32_t cid; /* code written to the PDF: per face, 1, 2, ... in order
	               * of first use (0: .notdef, past 65,535 codes) */
	int missing;  /* no face has cp: the face's .notdef box is drawn */
};

/* A face's numbers for its FontDescriptor, 1/1000 em. */
struct font_metrics {
	int bbox[4], ascent, descent, cap_height, italic_angle, stem_v, flags;
};

struct subset; /* a subset made, as the cache of pdf_fonts.c keeps it */

/* One document face as it is embedded: a Type0 font whose CIDs are the
 * codes of struct glyph. */
struct font_embed {
	unsigned char *ttf; /* TrueType subset of the glyphs drawn, owned;
	                     * NULL when z is given instead */
	size_t len;         /* bytes of the subset */
	unsigned char *z;   /* the subset as hpdf_stream deflates it, owned, or
	                     * NULL: deflate ttf, then fonts_embed_keep */
	size_t zlen;
	struct subset *made; /* the subset, to keep (fonts_embed_keep), owned */
	char name[80];       /* BaseFont: a subset tag, '+' and the PostScript name */
	size_t ncodes;       /* codes 1 .. ncodes; arrays below have ncodes + 1 */
	uint16_t *gid;       /* glyph of each code in the subset (CIDToGIDMap), owned */
	/* the document's own, valid while it lives: */
	const uint16_t *width; /* advance of each code, [0] .notdef (/W, /DW) */
	const uint32_t *ucs;   /* code point each code stands for (ToUnicode) */
	struct font_metrics m;
};

/* Faces of family (NULL: "Liberation Serif") and Liberation Mono.  Returns
 * NULL and *err when the family is not installed or has no TrueType
 * outlines.  Warnings about missing characters go to warnings (may be
 * NULL), one line per run (fonts_missing), in lang. */
struct fonts *fonts_new(const char *family, enum lang lang, struct strlist *warnings, char **err);
void fonts_free(struct fonts *f);

/* The face, width and code for cp in style; the code point is recorded as
 * drawn.  A code point no face has is drawn as a box; it is reported
 * (fonts_missing) unless quiet. */
void fonts_glyph(struct fonts *f, int style, uint32_t cp, int quiet, struct glyph *g);

/* One glyph of shaped text: advance and offset in 1/1000 em. */
struct sglyph {
	uint32_t code;  /* code written, unless drawn as a path (0) */
	uint32_t glyph; /* its glyph in the face */
	float adv, dx, dy;
	float top, bot;   /* its ink, from the baseline, 1/1000 em */
	uint32_t cluster; /* index in the text of its cluster's first character */
	uint8_t path;     /* drawn as a path */
};

/* Shapes text[0 .. n), every character of which document face i has, with
 * HarfBuzz: substitutions, reordering, mark positioning, kerning.  Glyphs
 * come in visual order into *g (grown, *cap its size), each cluster's
 * glyphs together, clusters in text order; returns their number.  A
 * cluster of one character drawn by its own glyph, unmoved, has the code
 * that character has unshaped.  The glyphs of any other cluster are
 * drawn as paths (fonts_glyph_path), which extract as nothing; the
 * cluster's characters go beside them as invisible text, so that every
 * extractor reads them in the order typed, whatever the glyph order. */
size_t fonts_shape(struct fonts *f, int i, const uint32_t *text, size_t n, struct sglyph **g,
                   size_t *cap);

/* The outline of glyph in document face i as PDF path operators in font
 * units (filled by the caller); returns the face's units per em. */
unsigned fonts_glyph_path(const struct fonts *f, int i, uint32_t glyph, struct buf *b);

/* 1 when cp may be drawn unshaped, with its own glyph and advance, in a
 * run made only of such characters: Latin (Vietnamese precomposed),
 * punctuation, CJK and hangul syllables. */
int fonts_unshaped(uint32_t cp);
/* 1 when shaping cp alone in the face style draws it with gives what the
 * unshaped path gives: its own glyph, advance, no offset (tests). */
int fonts_unshaped_agrees(struct fonts *f, int style, uint32_t cp);

/* Reports characters no face has, one line for a run of them naming the
 * script and each character not reported before. */
void fonts_missing(struct fonts *f, const uint32_t *cp, size_t n);

/* Number of document faces (each was drawn with at least once). */
int fonts_count(const struct fonts *f);

/* Face i ready to embed: a TrueType subset of the glyphs drawn with it
 * (hinting, GSUB, GPOS, GDEF and kern dropped; .notdef kept as a box; the
 * glyph ids kept when text was shaped with it), its codes and metrics.  Returns 1, or 0 and *err;
 * font_embed_free frees *e either way. */
int fonts_embed(struct fonts *f, int face, struct font_embed *e, char **err);
/* Keeps the subset of e and z[zlen], its deflated bytes, for documents
 * that ask for the same subset of the same face (a bounded cache): their
 * fonts_embed gives z instead of ttf. */
void fonts_embed_keep(struct font_embed *e, const unsigned char *z, size_t zlen);
void font_embed_free(struct font_embed *e);

/* The code point that code stands for in face, or 0 (none, or a glyph
 * shaping gave that has no text of its own). */
uint32_t fonts_code_text(const struct fonts *f, int face, uint32_t code);

/* The code of cp in document face i as invisible text beside a cluster
 * drawn as paths: its own glyph and advance, but at least a tenth of an
 * em (a mark's is 0), so that it takes a share of the cluster's width. */
uint32_t fonts_hidden_code(struct fonts *f, int i, uint32_t cp);

/* The advance of code in face, 1/1000 em (its /W entry), or 0. */
int fonts_code_width(const struct fonts *f, int face, uint32_t code);

/* Drops the process-wide cache of faces and fontconfig state.  Runs at
 * exit by itself; fuzz targets may call it to start afresh. */
void fonts_cache_clear(void);

#endif
