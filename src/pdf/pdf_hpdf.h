/*
 * pdf_hpdf.h: libharu behind a narrow door (pdf_hpdf.c, the only file
 * that includes libharu).  A document is a tree of PDF objects that
 * libharu numbers and serializes; what goes in it is decided by the
 * callers: the font dictionaries (pdf_fontdict.c) and the pages
 * (pdf_out.c).  Objects are made in the document and freed with it.
 * A call that fails records the document's first error, which
 * hpdf_failed() turns into a message.
 */
#ifndef PDF_HPDF_H
#define PDF_HPDF_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct hpdf;     /* one document being written */
struct hpdf_obj; /* a dictionary, array, stream, page or image in it */
struct deflater; /* pdf_deflate.h */

/* A document, or NULL and *err (caller frees).  Its streams are deflated
 * with zd, which the caller keeps from one document to the next, else
 * (NULL) with a deflater of the document's own. */
struct hpdf *hpdf_new(struct deflater *zd, char **err);
void hpdf_free(struct hpdf *h);
/* 1 and *err ("libharu: what: error ...") when an error is recorded. */
int hpdf_failed(struct hpdf *h, const char *what, char **err);

/* An indirect dictionary (an object of its own), or NULL. */
struct hpdf_obj *hpdf_dict(struct hpdf *h);
/* A direct dictionary (written inside its holder), or NULL. */
struct hpdf_obj *hpdf_dict_direct(struct hpdf *h);
/* A direct array, or NULL. */
struct hpdf_obj *hpdf_array(struct hpdf *h);
/* An indirect stream of data[len], deflated, or NULL. */
struct hpdf_obj *hpdf_stream(struct hpdf *h, const void *data, size_t len);
/* An indirect stream of z[zlen], data deflated as hpdf_stream deflates
 * it (hpdf_deflated), written as it is; or NULL. */
struct hpdf_obj *hpdf_stream_deflated(struct hpdf *h, const void *z, size_t zlen);
/* The deflated bytes of the last stream hpdf_stream made, *len of them;
 * valid until the next stream. */
const unsigned char *hpdf_deflated(const struct hpdf *h, size_t *len);
/* A direct string object of s, its bytes as they are, or NULL. */
struct hpdf_obj *hpdf_string(struct hpdf *h, const char *s);

/* Entries of a dictionary; obj belongs to it from then on. */
void hpdf_dict_add(struct hpdf_obj *d, const char *key, struct hpdf_obj *obj);
void hpdf_dict_num(struct hpdf_obj *d, const char *key, int32_t v);
void hpdf_dict_name(struct hpdf_obj *d, const char *key, const char *name);
/* Elements of an array; obj belongs to it from then on. */
void hpdf_array_add(struct hpdf_obj *a, struct hpdf_obj *obj);
void hpdf_array_num(struct hpdf_obj *a, int32_t v);

/* A new last page of w × h points, or NULL. */
struct hpdf_obj *hpdf_page(struct hpdf *h, float w, float ht);
/* The page's content stream: data[len], deflated.  0 on failure. */
int hpdf_page_contents(struct hpdf *h, struct hpdf_obj *page, const void *data, size_t len);
/* The page's resource name of a font or an XObject (a form or an image),
 * added to its resources on first use; NULL on failure. */
const char *hpdf_font_name(struct hpdf_obj *page, struct hpdf_obj *font);
const char *hpdf_xobject_name(struct hpdf_obj *page, struct hpdf_obj *xobject);

/* A PNG (png) or JPEG image of data[len], or NULL when libharu cannot read
 * it; that failure is not the document's. */
struct hpdf_obj *hpdf_image(struct hpdf *h, const void *data, size_t len, int png);

/* A link over rect (x0, y0, x1, y1) of page: to height top of page to,
 * or, when to is NULL, to uri.  No border; printed. */
void hpdf_link(struct hpdf *h, struct hpdf_obj *page, const float rect[4], struct hpdf_obj *to,
               float top, const char *uri);
/* Links to URIs made by libharu's own calls from now on, as the check of
 * the smaller ones hpdf_link makes (tests/unit/test_pdf_links.c). */
void hpdf_plain_links(struct hpdf *h);
/* An outline entry under parent (NULL: the top) titled title (UTF-8),
 * going to height top of page, its children shown when opened; NULL on
 * failure. */
struct hpdf_obj *hpdf_outline(struct hpdf *h, struct hpdf_obj *parent, const char *title,
                              int opened, struct hpdf_obj *page, float top);
/* The reader opens the outlines. */
void hpdf_show_outlines(struct hpdf *h);

/* The document information: creator, and title, author and subject
 * (UTF-8; NULL or "": none); dates from epoch (seconds since 1970; < 0:
 * none). */
void hpdf_info(struct hpdf *h, const char *creator, const char *title, const char *author,
               const char *subject, long long epoch);

/* The document's language in its catalog (/Lang, a language tag such as
 * "vi"); NULL or "": none. */
void hpdf_lang(struct hpdf *h, const char *tag);

/* Appends the document's bytes to *out.  Returns 1, or 0 and *err. */
int hpdf_save(struct hpdf *h, struct buf *out, char **err);

#endif
