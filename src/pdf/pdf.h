/*
 * pdf.h: Markdown (GitHub-flavoured) to an archival A4 PDF: embedded
 * subset Unicode fonts with fallback for other scripts, bookmarks, links,
 * page numbers, tables split across pages; deterministic bytes.
 */
#ifndef PDF_H
#define PDF_H

#include <stddef.h>

#include "buf.h"
#include "debrief.h"
#include "strlist.h"

/* What one thread keeps from a document to the next: zlib's state, about
 * 260 KB that each document would otherwise set up and give back.  Given
 * to one document at a time (pdf_opts.ctx); pdf_ctx_free when done. */
struct pdf_ctx;
struct pdf_ctx *pdf_ctx_new(void);
void pdf_ctx_free(struct pdf_ctx *c);

struct pdf_opts {
	const char *title;       /* NULL: first heading, else name */
	const char *name;        /* title of last resort (file name); NULL: none */
	const char *author;      /* document info; NULL: none */
	const char *subject;     /* document info; NULL: none */
	const char *font_family; /* NULL: "Liberation Serif" */
	const char *base_dir;    /* for relative image paths; NULL: none allowed */
	int md_links_to_pdf;     /* relative links "x.md" / "x.md#a" become "x.pdf" */
	enum lang lang;          /* for messages */
	const char *file;        /* names the input in messages; NULL: none */
	long long created;       /* creation date, seconds since 1970; -1: none */
	struct pdf_ctx *ctx;     /* NULL: the document sets up its own */
	const char *doc_lang;    /* the document's language ("vi", "en") when the caller
	                          * knows it; the front matter's lang comes first;
	                          * NULL: none is said */
};

/* Render Markdown md[len] to PDF bytes appended to *out.  A YAML front
 * matter block at the top (docs/official-report.md) lays the document out
 * in the official form; when it is malformed *err says "FILE:LINE:COL: …".  Returns 1, or 0
 * with *err (caller frees).  Warnings (e.g. "no font has the Khmer
 * characters ..., drawn as boxes") are appended to warnings (may be NULL).  The creation date comes
 * from SOURCE_DATE_EPOCH only; without it the file carries no date. */
int pdf_from_markdown(const char *md, size_t len, const struct pdf_opts *o, struct buf *out,
                      struct strlist *warnings, char **err);

#endif
