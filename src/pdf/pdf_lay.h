/*
 * pdf_lay.h: what the layout files share (pdf_layout.c: blocks and pages;
 * pdf_inline.c: inline content and line breaking; pdf_table.c: tables).
 * Nothing outside them includes it.
 */
#ifndef PDF_LAY_H
#define PDF_LAY_H

#include <stddef.h>
#include <stdint.h>

#include "pdf_layout.h"
#include "strmap.h"

/* ---- inline content ---- */

enum {
	ICH_SPACE = 1 << 0,    /* breakable space */
	ICH_LETTER = 1 << 1,   /* letter (not an ASCII digit) */
	ICH_HYPHEN = 1 << 2,   /* '-' or U+2010: a line may end after it */
	ICH_CJK = 1 << 3,      /* Han, kana: breakable on both sides */
	ICH_CLOSE = 1 << 4,    /* closing punctuation: never starts a line */
	ICH_OPEN = 1 << 5,     /* opening punctuation: never ends a line */
	ICH_MARK = 1 << 6,     /* combining mark: never starts a line */
	ICH_HARD = 1 << 7,     /* forced line break (not drawn) */
	ICH_INVIS = 1 << 8,    /* extracted, not painted */
	ICH_OBJ = 1 << 9,      /* an image; cid is its index in para.obj */
	ICH_MISSING = 1 << 10, /* no face has it: a drawn box over invisible text */
	ICH_SHAPED = 1 << 11,  /* first of a shaped cluster: draws para.g[g0, g0 + ng) */
	ICH_CONT = 1 << 12,    /* in a shaped cluster after its first: no glyph of its
	                        * own, no width, never starts a line */
	ICH_WBRK = 1 << 13     /* a word of Thai, Lao, Khmer or Myanmar starts here */
};

/* DECO_SUPER: smaller and raised (a footnote's number) */
enum { DECO_STRIKE = 1, DECO_UNDER = 2, DECO_CODEBG = 4, DECO_SUPER = 8 };

struct istyle {       /* one inline style */
	uint8_t font; /* FST_* */
	uint8_t deco; /* DECO_* */
	float size;   /* points */
	uint32_t rgb; /* text colour */
	int link;     /* index in lay.links, -1 none */
};

struct ich {            /* one character (or object) of a paragraph */
	uint32_t cid;   /* code written; object index for ICH_OBJ */
	uint32_t cp;    /* the character */
	uint32_t style; /* index in para.st */
	float w;        /* advance in points; a shaped cluster's on its first */
	uint32_t g0;    /* ICH_SHAPED: its glyphs in para.g */
	uint32_t ng;
	int16_t top, bot; /* ICH_SHAPED: its cluster's ink, 1/1000 em */
	uint8_t face;     /* document face */
	uint16_t flags;   /* ICH_* */
};

struct pglyph {            /* a glyph of a shaped cluster */
	uint32_t code;     /* code written, unless drawn as a path */
	uint32_t glyph;    /* glyph in the face */
	float adv, dx, dy; /* 1/1000 em */
	int path;          /* drawn as a path (see fonts_shape) */
};

struct iobj {         /* an inline image */
	int image;    /* index in dl.images */
	float w, h;   /* natural size, points */
	float dw, dh; /* size drawn, after para_break */
};

struct para { /* the inline content of one block or table cell */
	struct ich *c;
	size_t n, cap;
	struct istyle *st; /* styles; 0 is the block's */
	size_t nst, capst;
	struct iobj *obj;
	size_t nobj, capobj;
	struct pglyph *g; /* glyphs of shaped clusters */
	size_t ng, capg;
	uint32_t *stack; /* open spans, as style indices */
	size_t nstack, capstack;
	struct line *ln; /* the lines of para_break, kept for the next one */
	size_t capln;
	float lead;   /* line height / font size */
	int pre;      /* code or HTML block: spaces kept, '\n' breaks */
	unsigned col; /* pre: column, for tab stops */
};

struct line {            /* one line of a paragraph */
	size_t s, e;     /* characters drawn: [s, e), trailing spaces left out */
	size_t next;     /* first character of the next line */
	float w;         /* width of [s, e) */
	float asc, desc; /* above and below the baseline, leading included */
};

/* ---- containers and the layout state ---- */

enum ctr_kind { CTR_QUOTE, CTR_LIST, CTR_ITEM };

struct ctr {         /* an open block quote, list or list item */
	int kind;    /* enum ctr_kind */
	float left;  /* x where its content starts */
	int indents; /* counted in lay.visible */
	int vis;     /* lay.visible when opened */
	/* CTR_QUOTE */
	float bar_x;            /* x of the bar; bar drawn only at visible depths */
	int bar;                /* draws a bar */
	float bar_top, bar_bot; /* open bar segment on the current page; top < 0: none */
	/* CTR_LIST */
	int ordered, paren, tight, tasks;
	int next;       /* next item number */
	int depth;      /* bullet lists around it, for the bullet shape */
	float marker_w; /* marker column */
	int nested;     /* inside the item of a tight list */
	/* CTR_ITEM */
	int task;    /* -1 none, 0 open, 1 done */
	int number;  /* ordered: its number */
	int pending; /* marker not drawn yet */
};

struct table;

struct names {             /* strings to ints */
	struct strmap map; /* keys owned when own */
	int own;           /* keys are freed with the table */
};

struct page_style;
struct form;

/* What add_char (pdf_inline.c) makes of a character in a style: its
 * code, face, width and flags, worked out once a document.  A report is
 * some 3,600 characters of a few dozen different ones. */
#define CHARS_KEPT 1024 /* a power of two */

struct chinfo {
	uint32_t key;   /* (style's font << 21 | code point) + 1; 0: empty */
	uint32_t cid;   /* as struct glyph */
	uint16_t width; /* 1/1000 em; 0 for an ignorable character no face has */
	uint16_t flags; /* ICH_* */
	uint8_t face;
	uint8_t need; /* SHAPE_*: what para_shape may have to do for it */
};

#define PARAS_KEPT 32

struct lay {
	struct fonts *fonts;         /* not owned */
	const struct page_style *st; /* pdf_style.h: plain, or the official form's */
	struct dl *dl;               /* owned until lay_finish */
	struct lay_opts o;           /* base_dir borrowed */
	struct strlist *warnings;    /* not owned; may be NULL */
	int page;                    /* current page, 0-based */
	float y;                     /* top of the next line box */
	float left, right;           /* content edges at the current depth */
	int at_top;                  /* nothing on this page yet */
	int form_closed;             /* the official form's footer is drawn */
	float pending;               /* space owed before the next block */
	int suppress;                /* first block in a container: no space before */
	struct ctr *ctr;             /* open containers, outermost first */
	size_t nctr, capctr;
	int visible;      /* indenting containers open (capped depth) */
	int quotes;       /* block quotes open */
	size_t npending;  /* list markers waiting for a line */
	struct para para; /* paragraph or heading being collected */
	struct para *cur; /* where inline content goes; NULL: dropped */
	int heading;      /* level of the heading being collected, else 0 */
	int held;         /* level of a heading collected (L->para, L->htext) and
	                   * not placed yet: the table after it is, first */
	struct buf htext; /* its plain text */
	int in_tight;     /* the paragraph is in a tight list item */
	char **links;     /* link targets */
	size_t nlinks, caplinks;
	int *link_stack; /* open links */
	size_t nlink_stack, caplink_stack;
	struct table *tab;      /* table being collected */
	struct names anchor_at; /* anchor name -> index in dl.anchors (keys borrowed) */
	struct names suffix;    /* anchor base -> next "-N" to try (keys owned) */
	/* characters by key, one a slot, the last one met */
	struct chinfo chars[CHARS_KEPT];
	/* paragraphs given back (para_give), their memory kept for the next
	 * ones taken (table cells, list markers, the form's lines) */
	struct para spare[PARAS_KEPT];
	size_t nspare;
};

/* pdf_layout.c */
void lay_page_break(struct lay *L);
/* Room for a box of height need at the cursor: owed space applied or a
 * new page begun; pending list markers drawn at baseline top - asc.
 * Returns the top of the box. */
float lay_box_begin(struct lay *L, float need, float asc);
/* Moves the cursor down by h, extending quote bars alongside. */
void lay_advance(struct lay *L, float h);
float lay_room(const struct lay *L);
/* Places a heading held for the table after it (else does nothing and
 * returns 1): full, the points the table's header and first row take,
 * least those of the header and the row's first line.  Returns 0 when
 * the heading could keep only least below it: the first row must then be
 * split under the header, not moved to the next page. */
int lay_heading_held(struct lay *L, float full, float least);
float lay_page_room(const struct lay *L); /* on an empty page */
void lay_block_space(struct lay *L, float before);

/* pdf_inline.c */
void para_reset(struct para *p, int font, float size, uint32_t rgb, float lead, int pre);
void para_free(struct para *p);
/* Its memory down to what it holds: a table's cells wait, all of them,
 * until the table ends. */
void para_fit(struct para *p);
/* A paragraph, para_reset with these, in the memory of one given back if
 * any; para_give gives it back (and leaves it zeroed), lay_free frees
 * them. */
void para_take(struct lay *L, struct para *p, int font, float size, uint32_t rgb, float lead,
               int pre);
void para_give(struct lay *L, struct para *p);
void para_text(struct lay *L, struct para *p, const char *s);
void para_hard(struct para *p);
void para_span(struct para *p, int font_set, int deco_set, uint32_t rgb, int link);
void para_span_end(struct para *p);
void para_object(struct lay *L, struct para *p, int image, float w, float h);
/* pdf_shape.c: shapes, finds word boundaries in and reports characters
 * no face has of p->c[from, n), the characters para_text added; need
 * says which of these some of them may ask for (SHAPE_*, or'ed). */
enum { SHAPE_MISSING = 1, SHAPE_RUNS = 2, SHAPE_WORDS = 4 };
void para_shape(struct lay *L, struct para *p, size_t from, unsigned need);
/* Thai, Lao, Khmer, Myanmar: scripts written without spaces between words. */
int shape_sea(uint32_t cp);
/* Whether p->c[s, e) has a character of a right-to-left script. */
int shape_has_rtl(const struct para *p, size_t s, size_t e);
/* The characters of p->c[s, e), a line, in the order they are drawn from
 * left to right (each right-to-left run reversed, by the bidirectional
 * algorithm in a left-to-right paragraph); NULL when that is their own
 * order.  Caller frees. */
size_t *shape_visual(const struct para *p, size_t s, size_t e);
/* Breaks p into lines of at most width; images shrink to width and maxh.
 * Returns the number of lines in *lines, which p keeps until its next
 * para_break, para_give or para_free. */
size_t para_break(struct lay *L, struct para *p, float width, float maxh, struct line **lines);
/* Narrowest width without breaking inside a word, and the width of the
 * longest forced line, both in points. */
void para_widths(const struct para *p, float *minw, float *maxw);
/* Draws line ln with its left end at x (align 'c' or 'r' within width). */
void para_draw_line(struct lay *L, struct para *p, const struct line *ln, float x, float baseline,
                    float width, int align);
/* Draws s in one style at x (or ending at x when right), returns its width. */
float lay_string(struct lay *L, int font, float size, uint32_t rgb, int invisible, float x,
                 float baseline, const char *s, int right);

/* pdf_form.c */
void form_begin(struct lay *L); /* official style, header and title */
void form_end(struct lay *L);   /* recipients and signature */
void form_page_marks(struct lay *L, int page);

/* pdf_table.c */
void table_free(struct lay *L, struct table *t);

#endif
