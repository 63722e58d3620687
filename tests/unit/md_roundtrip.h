/*
 * md_roundtrip.h: the round-trip check shared by tests/unit/test_md_escape.c
 * and fuzz/fuzz_md_escape.c.  A template with {{x}} in one context is
 * rendered by our engine with md_escape_auto, parsed by cmark-gfm with the
 * report's extensions, and must read back as exactly the text (one-line
 * contexts: md_oneline of it), with the structure a plain word gives.
 */
#ifndef MD_ROUNDTRIP_H
#define MD_ROUNDTRIP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "md_escape.h"
#include "mustache.h"
#include "node.h"
#include "xalloc.h"

#define PLACEHOLDER "XPLACEHOLDERX"  /* stands for {{x}} */
#define PLACEHOLDER2 "YPLACEHOLDERY" /* stands for {{y}} */

struct ctx {
	const char *name;
	const char *tmpl;
	int oneline;    /* reads back as md_oneline(text) */
	int needs_text; /* markup around it (emphasis, setext line) needs text, or reads as text */
};

static const struct ctx ctxs[] = {
    {"block-alone", "Intro.\n\n{{x}}\n\nEnd.\n", 0, 0},
    {"block-after-label", "Ghi chú: {{x}}\nnext line\n", 0, 0},
    {"block-two-in-line", "{{x}} and {{x}}\n", 0, 0},
    {"block-strong", "Text **{{x}}** more _{{x}}_\n", 0, 1},
    {"list-item", "- a\n- {{x}}\n- c\n", 0, 0},
    {"ordered-item", "1. a\n2. {{x}}\n3. c\n", 0, 0},
    {"nested-item", "- top\n  - {{x}}\n  - b\n", 0, 0},
    {"task-item", "- [ ] {{x}}\n- [x] done\n", 0, 0},
    {"quote", "> {{x}}\n> more\n", 0, 0},
    {"quote-list", "> - {{x}}\n", 0, 0},
    {"heading", "## {{x}}\n\ntext\n", 1, 0},
    {"heading-after-text", "# Báo cáo {{x}}\n", 1, 0},
    {"table", "| A | B | C |\n|---|:-:|---|\n| {{x}} | y |{{x}}|\n| z | {{x}} | w |\n", 1, 0},
    {"table-in-list", "- item\n\n  | A | B |\n  |---|---|\n  | {{x}} | b |\n", 1, 0},
    {"link-text", "See [{{x}}](https://example.org) now.\n", 1, 0},
    {"link-text-in-cell", "| [{{x}}](https://e.org) | b |\n|---|---|\n", 1, 0},
    {"block-after-paragraph", "Intro line\n{{x}}\n", 0, 0},
    {"setext-heading", "{{x}}\n===\n", 0, 1},
    {"adjacent", "{{x}}{{y}}\n", 0, 0},
    {"adjacent-in-item", "1. {{x}}{{y}}\n", 0, 0},
    {"adjacent-mid-line", "Ghi chú {{x}}{{y}}\n", 0, 0},
    {"adjacent-in-cell", "| {{x}}{{y}} | b |\n|---|---|\n", 1, 0},
    /* A container prefix longer than md_pos.cont: lazy continuation. */
    {"deep-quote", "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > - {{x}}\n",
     0, 0},
};
#define NCTX (sizeof ctxs / sizeof ctxs[0])

static inline cmark_node *
parse(const char *md, size_t len)
{
	static const char *ext[] = {"table", "strikethrough", "autolink", "tasklist"};
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (size_t i = 0; i < 4; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, md, len);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* An autolinked e-mail address: mailto:X around the text X (md_escape.h). */
static inline int
is_email_link(cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	cmark_node *c = cmark_node_first_child(n);
	return url && !strncmp(url, "mailto:", 7) && c && !cmark_node_next(c) &&
	       cmark_node_get_type(c) == CMARK_NODE_TEXT &&
	       !strcmp(cmark_node_get_literal(c), url + 7);
}

/* Text as read back (text, code, breaks) and the shape: every other node,
 * nested, with heading levels, list types and link targets. */
static inline void
collect(cmark_node *doc, struct buf *text, struct buf *shape)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			buf_puts(text, cmark_node_get_literal(n));
			if (t == CMARK_NODE_CODE)
				buf_puts(shape, "code;");
			continue;
		}
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			buf_putc(text, '\n');
			continue;
		}
		if (t == CMARK_NODE_LINK && is_email_link(n))
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			buf_puts(shape, ")");
			continue;
		}
		buf_puts(shape, cmark_node_get_type_string(n));
		if (t == CMARK_NODE_HEADING)
			buf_printf(shape, "%d", cmark_node_get_heading_level(n));
		if (t == CMARK_NODE_LIST)
			buf_printf(shape, "%d", (int)cmark_node_get_list_type(n));
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
			buf_printf(shape, "<%s>", cmark_node_get_url(n));
		if (cmark_node_get_literal(n)) /* html, code blocks: never expected */
			buf_printf(shape, "[%s]", cmark_node_get_literal(n));
		/* Leaves have no EXIT event. */
		int leaf = t == CMARK_NODE_THEMATIC_BREAK || t == CMARK_NODE_CODE_BLOCK ||
		           t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
		buf_puts(shape, leaf ? ";" : "(");
	}
	cmark_iter_free(it);
}

/* Render tmpl with x and y through the engine and the contextual escaper
 * (incremental when inc, else rescanning the line at each value). */
static inline char *
render_with(const char *tmpl, const char *x, size_t xlen, const char *y, size_t ylen, int inc)
{
	struct md_auto ma;
	memset(&ma, 0, sizeof ma);
	struct arena *a = arena_new();
	struct node *data = node_new_map(a);
	node_map_put(a, data, "x", node_new_scalarn(a, x, xlen));
	node_map_put(a, data, "y", node_new_scalarn(a, y, ylen));
	char *err = NULL;
	struct mst *t = mst_parse("t", tmpl, strlen(tmpl), LANG_EN, &err);
	struct buf out = BUF_INIT;
	if (!t || !mst_render(t, data, NULL, NULL, md_escape_auto, inc ? &ma : NULL, &out, &err)) {
		printf("template error: %s\n", err);
		free(err);
	}
	mst_free(t);
	arena_free(a);
	return buf_detach(&out);
}

/* Both ways must write the same bytes; a mismatch aborts the check. */
static inline char *
render(const char *tmpl, const char *x, size_t xlen, const char *y, size_t ylen)
{
	char *a = render_with(tmpl, x, xlen, y, ylen, 1);
	char *b = render_with(tmpl, x, xlen, y, ylen, 0);
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "incremental context differs:\n%s\n--- rescanning:\n%s\n", a, b);
		abort();
	}
	free(b);
	return a;
}

/* Replace every "ph" in s by r; a new string. */
static inline char *
replace(const char *s, const char *ph, const char *r)
{
	struct buf b = BUF_INIT;
	const char *p;
	while ((p = strstr(s, ph)) != NULL) {
		buf_put(&b, s, (size_t)(p - s));
		buf_puts(&b, r);
		s = p + strlen(ph);
	}
	buf_puts(&b, s);
	return buf_detach(&b);
}

/* Drop all whitespace, in place. */
static inline void
squeeze(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++)
		if (!strchr(" \t\n", *r))
			*w++ = *r;
	*w = '\0';
}

/* Do x and y survive context c?  Returns 1, or 0 with a message in *why. */
static inline int
roundtrip2(const struct ctx *c, const char *x, size_t xlen, const char *y, size_t ylen, char **why)
{
	*why = NULL;
	int ymatters = strstr(c->tmpl, "{{y}}") != NULL;
	size_t total = xlen + (ymatters ? ylen : 0);
	if (total == 0 && c->needs_text)
		return 1;
	char *md = render(c->tmpl, x, xlen, y, ylen);
	char *ref =
	    render(c->tmpl, PLACEHOLDER, strlen(PLACEHOLDER), PLACEHOLDER2, strlen(PLACEHOLDER2));
	char *xt = c->oneline ? md_oneline(x, xlen) : xstrndup(x, xlen);
	char *yt = c->oneline ? md_oneline(y, ylen) : xstrndup(y, ylen);
	struct buf got = BUF_INIT, shape = BUF_INIT, rtext = BUF_INIT, rshape = BUF_INIT;
	cmark_node *d1 = parse(md, strlen(md)), *d2 = parse(ref, strlen(ref));
	collect(d1, &got, &shape);
	collect(d2, &rtext, &rshape);
	char *tmp = replace(buf_cstr(&rtext), PLACEHOLDER, xt);
	char *want_text = replace(tmp, PLACEHOLDER2, yt);
	int empty = !*xt && (!ymatters || !*yt);
	if (empty) {
		/* Nothing to read back: the template's own blanks and line
		 * breaks around it may go (an empty paragraph is no paragraph),
		 * but nothing may appear. */
		squeeze(want_text);
		squeeze(got.data ? got.data : want_text);
		got.len = got.data ? strlen(got.data) : 0;
	}
	int ok = 1;
	if (strcmp(buf_cstr(&got), want_text) != 0) {
		*why = xasprintf(
		    "[%s] text differs\n--- markdown:\n%s\n--- got text:\n%s\n--- want:\n%s",
		    c->name, md, buf_cstr(&got), want_text);
		ok = 0;
	} else if (strcmp(buf_cstr(&shape), buf_cstr(&rshape)) != 0 &&
	           !(total == 0 && !c->oneline)) {
		/* An empty text may leave out a paragraph: nothing else. */
		*why = xasprintf(
		    "[%s] structure differs\n--- markdown:\n%s\n--- got:\n%s\n--- want:\n%s",
		    c->name, md, buf_cstr(&shape), buf_cstr(&rshape));
		ok = 0;
	}
	cmark_node_free(d1);
	cmark_node_free(d2);
	buf_free(&got);
	buf_free(&shape);
	buf_free(&rtext);
	buf_free(&rshape);
	free(tmp);
	free(want_text);
	free(xt);
	free(yt);
	free(md);
	free(ref);
	return ok;
}

/* The same value as x and y. */
static inline int
roundtrip(const struct ctx *c, const char *v, size_t vlen, char **why)
{
	return roundtrip2(c, v, vlen, v, vlen, why);
}

#endif
