/*
 * pdf_content.c: the syntax of content streams as debrief writes them:
 * numbers with at most three decimals, operators with their operands,
 * colours, and runs of codes as hexadecimal strings.  Pure text: no
 * libharu here.
 */
#include "pdf_content.h"

#include <math.h>

#include "text.h"

void
content_hex4(struct buf *b, uint32_t c)
{
	static const char hex[] = "0123456789ABCDEF";
	char h[4] = {hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15], hex[c & 15]};
	buf_put(b, h, 4);
}

/* A number for a content stream: at most three decimals, no trailing
 * zeros, "0" for what is not finite. */
void
content_num(struct buf *b, float v)
{
	char t[32], *e = t + sizeof t, *p = e;
	if (!(v > -1e9f && v < 1e9f))
		v = 0;
	long long m = llroundf(v * 1000.0f);
	int neg = m < 0;
	if (neg)
		m = -m;
	long long ip = m / 1000;
	int fr = (int)(m % 1000), nf = 3;
	while (nf && fr % 10 == 0) {
		fr /= 10;
		nf--;
	}
	for (int k = 0; k < nf; k++, fr /= 10)
		*--p = (char)('0' + fr % 10);
	if (nf)
		*--p = '.';
	do
		*--p = (char)('0' + ip % 10);
	while (ip /= 10);
	if (neg)
		*--p = '-';
	buf_put(b, p, (size_t)(e - p));
}

/* Numbers separated by spaces, then the operator and a newline. */
void
content_op(struct buf *b, const char *op, int n, const float *v)
{
	for (int k = 0; k < n; k++) {
		content_num(b, v[k]);
		buf_putc(b, ' ');
	}
	buf_puts(b, op);
	buf_putc(b, '\n');
}

void
content_rgb(struct buf *b, uint32_t c, const char *op)
{
	float v[3] = {(float)(c >> 16 & 0xFF) / 255.0f, (float)(c >> 8 & 0xFF) / 255.0f,
	              (float)(c & 0xFF) / 255.0f};
	content_op(b, op, 3, v);
}

float
content_codes(struct buf *b, const uint16_t *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	float adv = 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	/* a code takes one byte of s at least: room for all at once */
	buf_reserve(b, 4 * len + 2);
	char *o = b->data + b->len;
	*o++ = '<';
	while (p < end) {
		/* codes under 128, most of them, are one byte */
		uint32_t code = *p && *p < 0x80 ? *p++ : text_next_cp(&p);
		o[0] = hex[code >> 12 & 15];
		o[1] = hex[code >> 8 & 15];
		o[2] = hex[code >> 4 & 15];
		o[3] = hex[code & 15];
		o += 4;
		adv += w[code];
	}
	*o++ = '>';
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
	return adv;
}
