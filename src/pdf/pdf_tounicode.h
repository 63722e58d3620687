/*
 * pdf_tounicode.h: the ToUnicode CMap of an embedded face
 * (pdf_tounicode.c).
 */
#ifndef PDF_TOUNICODE_H
#define PDF_TOUNICODE_H

#include "buf.h"
#include "pdf_fonts.h"

/* The CMap text of face e, appended to b. */
void tounicode_cmap(struct buf *b, const struct font_embed *e);

#endif
