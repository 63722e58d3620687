/*
 * pdf_style.h: how a PDF looks, as data (lowdown's term.h): page
 * geometry, one style per kind of block, colours and spacing.  For
 * direct inclusion into pdf_layout.c only; other layout files get these
 * values through struct lay.
 */
#ifndef PDF_STYLE_H
#define PDF_STYLE_H

#include <stdint.h>

#include "pdf_fonts.h"

/* A4 portrait in points, with 2 cm margins and the page number below. */
#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define MARGIN_L 56.69f
#define MARGIN_R 56.69f
#define MARGIN_T 56.69f
#define MARGIN_B 62.36f
#define FOOTER_Y 34.0f
#define FOOTER_SIZE 9.0f
#define FOOTER_RGB 0x555555u

/* Glyph extent as a fraction of the font size (Liberation: 0.891, 0.216). */
#define ASCENT 0.891f
#define DESCENT 0.216f

/* Nesting: each level indents until this depth, deeper levels stack in
 * place, so 10,000 nested quotes stay legible. */
#define MAX_VISIBLE_DEPTH 8
#define QUOTE_INDENT 14.0f
#define QUOTE_BAR_X 3.0f
#define QUOTE_BAR_W 2.0f
#define QUOTE_BAR_RGB 0xB8B8B8u
#define QUOTE_RGB 0x333333u
#define LIST_INDENT 18.0f /* bullets; ordered lists widen to fit numbers */
#define MARKER_GAP 5.0f
#define CHECKBOX_SIZE 0.72f /* of the font size */

#define RULE_RGB 0x999999u
#define RULE_W 0.75f
#define CODE_BG_RGB 0xF0F0F0u
#define CODE_PAD 4.0f
#define LINK_RGB 0x1A4D9Cu
#define STRIKE_W 0.06f   /* of the font size */
#define SUPER_SIZE 0.68f /* a superscript's size, of the text's */
#define SUPER_RISE 0.52f /* its baseline raised, of its own size */

#define TABLE_PAD_X 4.0f
#define TABLE_PAD_Y 2.5f
#define TABLE_MIN_COL 40.0f /* narrower columns go to a second group */
#define TABLE_BORDER_RGB 0x8C8C8Cu
#define TABLE_HEAD_BG_RGB 0xE6E6E6u
#define TABLE_BORDER_W 0.5f

/* Images: pixels at 96 per inch, never taller than this part of a page. */
#define IMAGE_DPI 96.0f
#define IMAGE_MAX_H 0.8f

#define STYLE_DATA static const __attribute__((unused))

struct bstyle {
	uint8_t font; /* FST_* bits */
	float size;   /* points */
	float lead;   /* line height / size */
	float before; /* space above, points */
	float after;  /* space below, points */
	uint32_t rgb; /* text colour */
};

/* One look of a whole document: the plain one (any Markdown), and the
 * administrative document's (a report with its front matter; see
 * docs/official-report.md: A4, margins 20/20/30/20 mm, body 13 pt serif,
 * tables 12 pt, page numbers at the top from page 2). */
struct page_style {
	struct bstyle body, heading[6], code, table, rule, footer;
	float ml, mr, mt, mb; /* margins: left, right, top, bottom */
	float footer_y;       /* baseline of the page number */
	int numbers_top;      /* page numbers centred at the top, from page 2 */
	int keep_lines;       /* no single line of a paragraph alone on a page */
	int prop_cols;        /* table room shared in proportion to what columns want */
	int justify;          /* body paragraphs justified */
	float indent;         /* first line of a body paragraph, points */
	float heading_keep;   /* body lines a heading keeps below it on its page */
};

#define MM(x) ((x)*72.0f / 25.4f)

STYLE_DATA struct page_style sty_plain = {
    {0, 11.0f, 1.32f, 0.0f, 7.0f, 0x000000u},
    {
        {FST_BOLD, 20.0f, 1.2f, 14.0f, 9.0f, 0x000000u},
        {FST_BOLD, 16.0f, 1.2f, 13.0f, 7.0f, 0x000000u},
        {FST_BOLD, 13.5f, 1.2f, 11.0f, 6.0f, 0x000000u},
        {FST_BOLD, 12.0f, 1.25f, 9.0f, 5.0f, 0x000000u},
        {FST_BOLD | FST_ITALIC, 11.0f, 1.3f, 8.0f, 4.0f, 0x000000u},
        {FST_ITALIC, 11.0f, 1.3f, 8.0f, 4.0f, 0x333333u},
    },
    {FST_MONO, 9.5f, 1.25f, 2.0f, 9.0f, 0x000000u},
    {0, 10.0f, 1.25f, 2.0f, 9.0f, 0x000000u},
    {0, 11.0f, 1.0f, 6.0f, 6.0f, RULE_RGB},
    {0, FOOTER_SIZE, 1.0f, 0.0f, 0.0f, FOOTER_RGB},
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    MARGIN_B,
    FOOTER_Y,
    0,
    0,
    0,
    0,
    0,
    2,
};

STYLE_DATA struct page_style sty_official = {
    {0, 13.0f, 1.2f, 0.0f, 6.0f, 0x000000u},
    {
        {FST_BOLD, 14.0f, 1.2f, 12.0f, 6.0f, 0x000000u},
        {FST_BOLD, 13.0f, 1.2f, 12.0f, 6.0f, 0x000000u},
        {FST_BOLD, 13.0f, 1.2f, 9.0f, 6.0f, 0x000000u},
        {FST_ITALIC, 13.0f, 1.2f, 6.0f, 4.0f, 0x000000u},
        {FST_ITALIC, 13.0f, 1.2f, 6.0f, 4.0f, 0x000000u},
        {FST_ITALIC, 13.0f, 1.2f, 6.0f, 4.0f, 0x000000u},
    },
    {FST_MONO, 11.0f, 1.2f, 2.0f, 6.0f, 0x000000u},
    {0, 12.0f, 1.15f, 3.0f, 8.0f, 0x000000u},
    {0, 13.0f, 1.0f, 6.0f, 6.0f, 0x000000u},
    {0, 13.0f, 1.0f, 0.0f, 0.0f, 0x000000u},
    MM(30),
    MM(20),
    MM(20),
    MM(20),
    PAGE_H - MM(12),
    1,
    1,
    1,
    1,
    MM(10),
    6,
};

/* Bullets by depth, then again. */
STYLE_DATA char *const bullets[] = {"\u2022", "\u25E6", "\u25AA"};

#endif
