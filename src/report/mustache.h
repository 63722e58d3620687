/*
 * mustache.h: logic-less templates (Mustache spec v1.4 core: variables,
 * sections, inverted sections, comments, partials, set delimiters) over
 * the generic tree of node.h.  A template is parsed once into an op tree
 * and rendered any number of times into a struct buf.
 *
 * Data model.  The context stack holds const struct node *.  A name is
 * split on '.'; its first part is looked up in the maps of the stack from
 * top to bottom, the other parts only in what the previous part found.
 * "." is the top of the stack.
 *
 * Truthiness (sections and inverted sections):
 *   falsy   a missing name; a null scalar (node_is_null: plain "", "~",
 *           "null"); a plain "false", "False" or "FALSE"; a scalar whose
 *           text is empty (quoted ""); an empty sequence.
 *   truthy  everything else: other scalars (quoted "false" and plain 0
 *           too: we compare text, not numbers), every map (even empty),
 *           non-empty sequences.
 * A truthy sequence renders the section once per item, with the item on
 * the stack; any other truthy value renders it once with the value on the
 * stack.
 *
 * Interpolation writes a scalar's text exactly as it is in the tree; null
 * scalars, maps, sequences and missing names write nothing.  Numbers are
 * not reformatted here: the tree is text, and "0912 345 678" or "1.10" in
 * a record must print as written.  Whoever builds the tree formats numbers
 * (report.c formats its own; the spec driver turns plain YAML numbers into
 * their shortest form, as a typed loader would, so 1.210 prints "1.21").
 *
 * Whitespace follows the spec: section, inverted, close, comment, partial
 * and set-delimiter tags alone on a line ("standalone") remove that line.
 * A standalone partial's leading whitespace is prepended to every line the
 * partial's own template text starts (not to line breaks inside
 * interpolated values); an inline partial keeps the current indentation.
 *
 * Escaping is the caller's: {{x}} goes through the escape callback, which
 * also sees everything rendered so far (so it can tell where it writes,
 * see md_escape.h); {{{x}}} and {{&x}} are written raw.
 *
 * Not supported (optional spec modules): lambdas, inheritance ({{$x}},
 * {{<x}}), dynamic partial names ({{>*x}}).  Such tags read as variables
 * or partials of that literal name.
 */
#ifndef MUSTACHE_H
#define MUSTACHE_H

#include <stddef.h>

#include "buf.h"
#include "debrief.h"
#include "node.h"

struct mst;

/* Look up partial "name".  Return 1 and set *text (malloc'd, the renderer
 * frees it) and *len when found; return 0 when there is no such partial,
 * which renders as nothing (spec). */
typedef int (*mst_partial_fn)(void *ctx, const char *name, char **text, size_t *len);

/* Append the escaped form of s[len] to out.  out holds everything rendered
 * so far, so out->data[0 .. out->len) may be inspected for context. */
typedef void (*mst_escape_fn)(void *ctx, struct buf *out, const char *s, size_t len);

/* Limits that keep any template and data finite; 0 picks the default. */
struct mst_limits {
	unsigned max_depth; /* nested sections and partials while rendering (default 100) */
	size_t max_output;  /* bytes of output (default 64 MiB) */
	size_t max_steps;   /* ops executed (default 50 million) */
};

/* Parse src[len]; "name" (e.g. "report.mustache") prefixes error messages
 * "name:LINE: message", written in lang.  Returns the template, or NULL
 * with *err set (caller frees) on a syntax error: unclosed tag, unclosed
 * section, mismatched or stray close tag, bad set-delimiter tag, empty or
 * spaced tag name, sections nested deeper than 64. */
struct mst *mst_parse(const char *name, const char *src, size_t len, enum lang lang, char **err);

/* Render t over data (may be NULL) into out, appending.  pf may be NULL
 * (no partials); esc NULL writes {{x}} unescaped.  Partials are parsed
 * once per call, with default delimiters, in t's language.  Returns 1, or
 * 0 with *err set (caller frees) when a partial does not parse or a limit
 * is reached; out then holds a partial result the caller should drop. */
int mst_render(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
               mst_escape_fn esc, void *ectx, struct buf *out, char **err);
/* The same with explicit limits (lim may be NULL for the defaults). */
int mst_render_lim(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
                   mst_escape_fn esc, void *ectx, const struct mst_limits *lim, struct buf *out,
                   char **err);

/* Partials parsed by earlier calls, for later ones whose partial callback
 * gives the same text for the same name (a run's template set): *kept is
 * NULL at first, is the caller's, and goes with mst_kept_free.  Only
 * partials that parsed are kept; the others are asked for again. */
struct mst_kept;
int mst_render_kept(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
                    mst_escape_fn esc, void *ectx, struct mst_kept **kept, struct buf *out,
                    char **err);
void mst_kept_free(struct mst_kept *k);

void mst_free(struct mst *t);

/* The spec's HTML escaper: & " < > as entities (and ' as &#39;). */
void mst_escape_html(void *ctx, struct buf *out, const char *s, size_t len);

/* Truthiness as defined above; exposed for tests and view-model code. */
int mst_truthy(const struct node *n);

#endif
