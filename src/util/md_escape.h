/*
 * md_escape.h: record text → Markdown (GFM as cmark-gfm reads it with the
 * table, strikethrough, autolink and tasklist extensions) that reads back
 * as exactly that text and cannot change the document's structure: no
 * heading, list, quote, code, table row or cell, HTML, link, emphasis or
 * strikethrough can come from record text.
 *
 * Contexts.  Where text goes decides how it is escaped:
 *   MD_BLOCK      paragraph or list item text, also at the start of a line
 *   MD_HEADING    ATX heading text ("## {{title}}")
 *   MD_CELL       a GFM table cell ("| {{task}} |")
 *   MD_LINK_TEXT  between "[" and "]" of a link
 *   MD_URL        a link destination right after "](" (or inside one)
 *   MD_URL_ANGLE  a link destination after "](<"
 *
 * Contextual autoescaping.  md_escape_auto (an mst_escape_fn) looks at the
 * current output line, i.e. what the template has rendered since the last
 * line break, and picks the context (md_where):
 *   - inside an unclosed "](" destination → MD_URL (MD_URL_ANGLE after "](<");
 *   - else the line holds an unescaped "|" → MD_CELL (so table rows must
 *     have a pipe before the first variable, e.g. start with "|");
 *   - else inside an unclosed unescaped "[" → MD_LINK_TEXT;
 *   - else the line is an ATX heading ("#"… after the container) → MD_HEADING;
 *   - else MD_BLOCK.  The container prefix of the line (indentation, "> ",
 *     list markers "- ", "1. ", then an optional task box "[ ] ") tells
 *     whether the text starts a line, and gives the prefix that continues
 *     the container after a line break of the text ("- " → "  ").
 * Not recognised (templates must not put variables there): code spans and
 * fenced or indented code, raw HTML, link titles, reference definitions.
 *
 * Rules common to text contexts (all but the URL ones):
 *   - \ ` * _ [ ] < | ~ are backslash-escaped everywhere; "\" is written
 *     as "&#92;" in MD_CELL, so a following "|" can never look escaped;
 *   - & before "#", an ASCII letter or digit, or at the end of the text,
 *     and ! at the end of the text, are backslash-escaped (the template's
 *     next bytes cannot complete an entity or an image);
 *   - autolinks are defused: ":" before "/" or at the end of the text, and
 *     "." right after "www" (also when the output so far ends in "www"),
 *     are backslash-escaped.  An e-mail address (a@b.cd) still becomes a mailto
 *     link whose text is exactly the address: cmark-gfm finds those in the
 *     decoded text, where no escape can reach; it is inline only;
 *   - spaces and tabs at the start and end of the text and of each of its
 *     lines are written as "&#32;" / "&#9;" (cmark would trim them, or
 *     read them as indentation), as are ASCII control characters other
 *     than tab and line feed anywhere ("&#13;" for CR); NUL becomes U+FFFD
 *     (what cmark does with it);
 *   - at the start of a line (MD_BLOCK: the first line when only the
 *     container prefix, or that and at most 9 digits, precede it on the
 *     output line; every following line) # > - + = : . ) are backslash-
 *     escaped, and so is the "." or ")" after leading digits ("1\.").
 *     In the one-line contexts "#" is escaped everywhere.
 *
 * Line breaks (LF; a CR is kept as "&#13;"):
 *   - MD_BLOCK: a hard break ("\" at the end of the line) followed by the
 *     container prefix, so the paragraph goes on and the break survives;
 *     the final run of line feeds of the text (nothing can follow a hard
 *     break at the end of a paragraph) is written as "&#10;" each.  Parsed
 *     back, hard breaks, soft breaks and "&#10;" all read as "\n".
 *   - one-line contexts (MD_HEADING, MD_CELL, MD_LINK_TEXT): line feeds at
 *     the start and end of the text are dropped, and each run of line
 *     feeds inside it becomes MD_LINE_BREAK (" / "), a visible form with
 *     no HTML.  md_oneline() gives the text as it will read back.
 *
 * URLs: "\ ( ) < > &" are backslash-escaped, so the destination parsed
 * back is exactly the text.  In a fresh MD_URL destination a text with
 * spaces or control characters is wrapped in "<" ">"; when the template
 * already wrote part of the destination, spaces and control characters
 * are percent-encoded (%20, %0A...).  In MD_URL_ANGLE, line feeds and CRs
 * are percent-encoded.  A URL whose scheme is javascript:, vbscript:,
 * file: or data: (ignoring case, whitespace and control characters) is
 * written as nothing: the link stays, without a target.
 *
 * Input must be valid UTF-8 (the loader guarantees it); invalid bytes are
 * passed through, and cmark replaces them with U+FFFD.
 */
#ifndef MD_ESCAPE_H
#define MD_ESCAPE_H

#include <stddef.h>

#include "buf.h"

#define MD_LINE_BREAK " / "

enum md_ctx { MD_BLOCK, MD_HEADING, MD_CELL, MD_LINK_TEXT, MD_URL, MD_URL_ANGLE };

/* Where the next byte of an output goes. */
struct md_pos {
	enum md_ctx ctx;
	int bol;         /* MD_BLOCK: line-start rules apply (only the container
	                    prefix, perhaps with up to 9 digits, is on the line) */
	int fresh;       /* MD_URL: nothing of the destination is written yet */
	char cont[64];   /* MD_BLOCK: what continues the container on a new line */
	size_t cont_len; /* bytes of cont (0: lazy continuation) */
};

/* Context at the end of out[0..len) (rules above). */
void md_where(const char *out, size_t len, struct md_pos *pos);

/* Append s[len] escaped for pos. */
void md_escape(struct buf *out, const struct md_pos *pos, const char *s, size_t len);

/* Append s[len] escaped for ctx, as at the start of a line (MD_BLOCK), in a
 * fresh destination (MD_URL), with no container prefix. */
void md_escape_in(struct buf *out, enum md_ctx ctx, const char *s, size_t len);

/* What md_escape_auto keeps between calls on one output buffer, so each
 * call scans only what was appended since the last (linear time even for
 * a line of 20,000 values).  Zero it before the first call; the fields
 * are md_escape.c's. */
struct md_auto {
	const struct buf *out; /* the buffer scanned */
	size_t line;           /* offset where its current line starts */
	size_t upto;           /* offset scanned to */
	int st, esc, pipe;     /* scanner state */
	size_t depth, parens;  /* open "[", open "(" in a destination */
};

/* The mst_escape_fn for reports: the context of the end of out (as
 * md_where), then md_escape.  ctx is a zeroed struct md_auto used for
 * this output only (the engine only appends), or NULL to rescan the
 * current line on each call:
 *	struct md_auto ma = {0};
 *	ok = mst_render(t, view, load_partial, dir, md_escape_auto, &ma, &md, &err);
 */
void md_escape_auto(void *ctx, struct buf *out, const char *s, size_t len);

/* The text a one-line context reads back as (line feeds as above); a new
 * string the caller frees. */
char *md_oneline(const char *s, size_t len);

#endif
