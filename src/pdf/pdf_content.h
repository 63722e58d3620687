/*
 * pdf_content.h: content stream syntax (pdf_content.c).
 */
#ifndef PDF_CONTENT_H
#define PDF_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Four upper-case hexadecimal digits of c. */
void content_hex4(struct buf *b, uint32_t c);
/* A number: at most three decimals, no trailing zeros, "0" for what is
 * not finite. */
void content_num(struct buf *b, float v);
/* n numbers separated by spaces, then the operator and a newline. */
void content_op(struct buf *b, const char *op, int n, const float *v);
/* Colour 0xRRGGBB with op ("rg", "RG"). */
void content_rgb(struct buf *b, uint32_t c, const char *op);
/* The UTF-8 codes s[len] (one per document code) as one hex string "<...>"
 * of a TJ; returns their width in thousandths of the size, from w (the
 * font's /W width of each code). */
float content_codes(struct buf *b, const uint16_t *w, const char *s, size_t len);

#endif
