/*
 * pdf_deflate.h: a PDF stream's bytes deflated (pdf_deflate.c).
 */
#ifndef PDF_DEFLATE_H
#define PDF_DEFLATE_H

#include <stddef.h>
#define ZLIB_CONST
#include <zlib.h>

/* One a document, or kept from one document to the next (pdf.h's
 * pdf_ctx); zeroed to start; deflater_end when done. */
struct deflater {
	z_stream z;
	int init;           /* z is initialised */
	unsigned char *out; /* the deflated bytes of the last stream */
	size_t len, cap;
};

/* data[len] deflated into d->out (d->len bytes).  0 when zlib fails. */
int deflater_run(struct deflater *d, const void *data, size_t len);
void deflater_end(struct deflater *d);

#endif
