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

#include "debrief.h"
#include "fsutil.h"

/* A style is a bit set; 8 styles in all. */
enum { FST_BOLD = 1, FST_ITALIC = 2, FST_MONO = 4, FST_N = 8 };

struct fonts; /* one document's faces and the code points drawn with each */

/* How one code point is drawn. */
struct glyph {
	int face;     /* document face index, 0 .. fonts_count()-1 */
	int width;    /* advance in 1/1000 em, truncated as libharu does */
	uint32_t cid; /* code written to the PDF: cp, or a private-use stand-in */
	int missing;  /* no face has cp: the face's .notdef box is drawn */
};

/* Faces of family (NULL: "Liberation Serif") and Liberation Mono.  Returns
 * NULL and *err when the family is not installed or has no TrueType
 * outlines.  Warnings about missing characters go to warnings (may be
 * NULL), once per code point, in lang. */
struct fonts *fonts_new(const char *family, enum lang lang, struct strlist *warnings, char **err);
void fonts_free(struct fonts *f);

/* The face, width and code for cp in style; the code point is recorded as
 * drawn.  A code point no face has is drawn as a box; it is reported
 * unless quiet. */
void fonts_glyph(struct fonts *f, int style, uint32_t cp, int quiet, struct glyph *g);

/* Number of document faces (each was drawn with at least once). */
int fonts_count(const struct fonts *f);

/* A memfd holding face i as a TrueType subset of the code points drawn
 * with it (hinting, GSUB, GPOS, GDEF and kern dropped; .notdef kept as a
 * box).  Returns 1 and *fd (caller closes it after the PDF is saved), or 0
 * and *err. */
int fonts_subset(struct fonts *f, int face, int *fd, char **err);

/* Codes drawn with face i, ascending, and the text each one stands for
 * (a code point).  Returns the count; the arrays belong to the caller. */
size_t fonts_codes(const struct fonts *f, int face, uint32_t **cid, uint32_t **ucs);

/* Drops the process-wide cache of faces and fontconfig state.  Runs at
 * exit by itself; fuzz targets may call it to start afresh. */
void fonts_cache_clear(void);

#endif
