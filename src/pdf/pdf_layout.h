/*
 * pdf_layout.h: the layout API that pdf.c drives while it walks the
 * Markdown tree (blocks begin and end, inline text arrives in order), and
 * the display list it produces for pdf_out.c: every page as positioned
 * text runs, rules, boxes, images, links and bookmarks.
 */
#ifndef PDF_LAYOUT_H
#define PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "debrief.h"
#include "strlist.h"
#include "pdf_dl.h"
#include "pdf_fonts.h"

/* ---- layout API (pdf.c) ---- */

struct lay;

/* The parts of an administrative document (pdf_form.c), from the YAML
 * front matter of the Markdown: each a line as printed, NULL when absent. */
struct form {
	char *parent, *issuer, *number;    /* header, left column */
	char *nation, *motto, *place_date; /* header, right column */
	char *type, *summary;              /* the title */
	char *recipients_label;            /* "Nơi nhận:" */
	char **recipients;                 /* one a line; "- " and ";" added */
	size_t nrecipients;
	char **signer; /* authority lines, upper case */
	size_t nsigner;
	char *signer_name;
	char *draft; /* the mark on every page of a draft, else NULL */
	char *annex; /* the heading the annex opens with: after the footer, on a page of its own */
	char *lang;  /* "vi" or "en": the document's language */
};

/* The front matter of md[len]: 1 with *out NULL when there is none, 1
 * with *out (form_free) and the offset of the body in *body, or 0 with
 * *err ("line:col: why", caller frees) when it is malformed.  *warn gets
 * what is read but not as written ("line:col: warning: why", caller
 * frees; NULL when nothing): a lang other than vi or en, laid out as if
 * absent. */
int form_parse(const char *md, size_t len, enum lang lang, struct form **out, size_t *body,
               char **err, char **warn);
void form_free(struct form *f);

struct lay_opts {
	const char *base_dir;    /* images relative to it; NULL: no images */
	int md_links_to_pdf;     /* "x.md#a" links become "x.pdf" */
	enum lang lang;          /* warnings */
	const struct form *form; /* the official form around the body; NULL: plain */
};

enum span { SPAN_EMPH, SPAN_STRONG, SPAN_STRIKE, SPAN_CODE };

struct lay *lay_new(struct fonts *f, const struct lay_opts *o, struct strlist *warnings);
void lay_free(struct lay *L);

void lay_quote_begin(struct lay *L);
void lay_quote_end(struct lay *L);
/* paren: "1)" rather than "1."; tasks: some item has a checkbox */
void lay_list_begin(struct lay *L, int ordered, int start, int paren, int tight, int tasks);
void lay_list_end(struct lay *L);
/* task: -1 none, 0 open, 1 done */
void lay_item_begin(struct lay *L, int task);
void lay_item_end(struct lay *L);
void lay_para_begin(struct lay *L);
void lay_para_end(struct lay *L);
void lay_heading_begin(struct lay *L, int level);
/* table_next: a table comes right after the heading; the heading is then
 * placed with that table, so that it keeps the table's real header and
 * first row below it */
void lay_heading_end(struct lay *L, int table_next);
void lay_code_block(struct lay *L, const char *text);
void lay_rule(struct lay *L);
/* The official form's footer (recipients, signature) now, and what follows
 * on a new page: the annex comes after the signature (Decree 30/2020). */
void lay_annex_begin(struct lay *L);

void lay_text(struct lay *L, const char *s);
void lay_literal(struct lay *L, enum span kind, const char *s); /* code span */
/* A footnote's number (num) where it is referred to: smaller, raised. */
void lay_note_ref(struct lay *L, const char *num);
void lay_softbreak(struct lay *L);
void lay_hardbreak(struct lay *L);
void lay_span_begin(struct lay *L, enum span kind);
void lay_span_end(struct lay *L);
void lay_link_begin(struct lay *L, const char *url);
void lay_link_end(struct lay *L);
/* An image, else its alt text; at ("line:col: ", may be "") opens the
 * warning that says why it is not shown. */
void lay_image(struct lay *L, const char *url, const char *alt, const char *at);

/* aligns[ncols]: 'l', 'c', 'r' or 0 */
void lay_table_begin(struct lay *L, int ncols, const uint8_t *aligns);
void lay_table_row_begin(struct lay *L, int header);
void lay_table_cell_begin(struct lay *L);
void lay_table_cell_end(struct lay *L);
void lay_table_row_end(struct lay *L);
void lay_table_end(struct lay *L);

/* Ends the layout: page numbers "N / M" added.  The display list belongs
 * to the caller (dl_free). */
struct dl *lay_finish(struct lay *L);

#endif
