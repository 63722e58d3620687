/*
 * pdf_fontdict.h: the font dictionaries of an embedded face
 * (pdf_fontdict.c).
 */
#ifndef PDF_FONTDICT_H
#define PDF_FONTDICT_H

#include "pdf_fonts.h"
#include "pdf_hpdf.h"

/* Face e in document h as a Type0 font; NULL when an object cannot be
 * made (hpdf_failed says why, if libharu knows). */
struct hpdf_obj *fontdict_embed(struct hpdf *h, struct font_embed *e);

#endif
