/*
 * pdf_dl.h: the display list, what the layout (blocks, inline runs,
 * tables, the official form) writes and pdf_out.c turns into PDF: text
 * runs as per-face codes, glyphs of shaped runs, fills, lines, images,
 * links, bookmarks and anchors, page by page.
 */
#ifndef PDF_DL_H
#define PDF_DL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum dl_kind {
	DL_TEXT,  /* a run in one face: x, y = baseline origin, h = size */
	DL_FILL,  /* filled rectangle: x, y = lower left, w, h */
	DL_LINE,  /* stroked line from (x, y) to (x + w, y + h), width lw */
	DL_FRAME, /* stroked rectangle, width lw */
	DL_IMAGE, /* image off in rect x, y, w, h */
	DL_LINK   /* clickable rect to target text[off, len) */
};

struct dl_item {
	int page;          /* 0-based */
	uint8_t kind;      /* enum dl_kind */
	uint8_t face;      /* DL_TEXT: document face */
	uint8_t invisible; /* DL_TEXT: extracted but not painted */
	float x, y, w, h;  /* see enum dl_kind */
	float lw;          /* line width */
	uint32_t rgb;      /* colour 0xRRGGBB */
	size_t off, len;   /* TEXT: UTF-8 codes in text; LINK: target; IMAGE: off = index */
	size_t glyph;      /* TEXT, shaped: its codes' positions from glyphs[glyph] */
	uint8_t shaped;    /* TEXT: positioned code by code, glyphs[glyph] on */
	int dest;          /* LINK: index in anchors for "#name", -1 for a URI */
};

enum dl_glyph_kind {
	DLG_TEXT,  /* its code drawn as text */
	DLG_PATH,  /* the glyph of a shaped cluster drawn as a path: ink only */
	DLG_HIDDEN /* a character of that cluster as invisible text, squeezed
	            * into adv: text only, in the order typed */
};

struct dl_glyph {       /* one code of a shaped run, in order */
	float x, dy;    /* origin, from the run's origin, points */
	float adv;      /* DLG_HIDDEN: width it takes, points */
	uint32_t glyph; /* DLG_PATH: its glyph in the face */
	uint8_t kind;   /* enum dl_glyph_kind */
};

struct dl_mark {         /* a bookmark */
	int level;       /* heading level 1..6 */
	int page;        /* 0-based */
	float y;         /* top of the heading */
	size_t off, len; /* title in text */
};

struct dl_anchor {  /* a heading as a link target "#name" */
	char *name; /* owned */
	int page;   /* 0-based */
	float y;    /* top of the heading */
};

struct dl_image {
	char *data; /* owned file bytes */
	size_t len;
	int png;    /* else JPEG */
	char *path; /* owned; relative to the base directory, decoded */
};

struct dl {
	struct dl_item *items; /* in drawing order within each page */
	size_t n, cap;
	struct buf text;         /* run texts, link targets, bookmark titles */
	struct dl_glyph *glyphs; /* of shaped runs */
	size_t nglyphs, capglyphs;
	struct dl_mark *marks;
	size_t nmarks, capmarks;
	struct dl_anchor *anchors;
	size_t nanchors, capanchors;
	struct dl_image *images;
	size_t nimages, capimages;
	int npages;
	float page_w, page_h;
	char *first_heading; /* owned plain text, NULL when none */
};

void dl_free(struct dl *dl);
/* A new item of kind on page (0-based), zeroed but for page, kind and
 * dest (-1). */
struct dl_item *dl_push(struct dl *dl, int page, int kind);
void dl_add_rect(struct dl *dl, int page, int kind, float x, float y, float w, float h, float lw,
                 uint32_t rgb);
void dl_add_link(struct dl *dl, int page, const char *target, float x, float y, float w, float h);
void dl_add_image(struct dl *dl, int page, int image, float x, float y, float w, float h);

#endif
