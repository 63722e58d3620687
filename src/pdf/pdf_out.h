/* pdf_out.h: a display list written as PDF bytes (pdf_out.c). */
#ifndef PDF_OUT_H
#define PDF_OUT_H

#include "buf.h"
#include "debrief.h"
#include "strlist.h"
#include "pdf_fonts.h"
#include "pdf_dl.h"

struct deflater;

struct pdfout_info {
	const char *title;    /* document info; NULL: none */
	const char *author;   /* NULL: none */
	const char *subject;  /* NULL: none */
	long long epoch;      /* creation date, seconds since 1970; < 0: none */
	enum lang lang;       /* messages */
	struct deflater *zd;  /* zlib's state kept between documents; NULL: none */
	const char *doc_lang; /* the document's language, for the catalog; NULL: none */
};

/* Appends the PDF to *out.  Returns 1, or 0 and *err (caller frees). */
int pdfout_write(const struct dl *dl, struct fonts *f, const struct pdfout_info *info,
                 struct buf *out, struct strlist *warnings, char **err);

#endif
