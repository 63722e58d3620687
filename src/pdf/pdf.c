/*
 * pdf.c: Markdown to PDF.  Parses with cmark-gfm (tables, task lists, footnotes,
 * strikethrough, autolinks), walks the tree with cmark's iterator (no
 * recursion, so nesting depth cannot exhaust the stack) and drives the
 * layout; then hands the display list to pdf_out.c.  The only file that
 * walks cmark nodes.  Also the `debrief pdf` command.
 */
#include "pdf.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>

#include "cli.h"
#include "cmd.h"
#include "date.h"
#include "escape.h"
#include "fsutil.h"
#include "node.h"
#include "pdf_fonts.h"
#include "pdf_layout.h"
#include "pdf_deflate.h"
#include "pdf_out.h"
#include "text.h"
#include "xalloc.h"

#define MAX_MD_INPUT (64u << 20)

/* cmark-gfm asks for some 2,000 pieces of memory a report (nodes, their
 * text, the parser's buffers) and gives each back one by one.  Instead,
 * pieces of an arena (node.h), each after its size, given back all at
 * once with the document.  cmark's allocator takes no argument to find
 * the arena by, hence one a thread: a document is parsed, walked and
 * freed on one thread.  Only for a document of at most MD_ARENA_MAX
 * bytes: what the parser grows and gives back stays in the arena until
 * the end, which for a long page (an archive's dossier of 300 KB) is
 * megabytes more at once, on each thread. */
#define MD_ARENA_MAX ((size_t)64 << 10)
static _Thread_local struct arena *md_arena;

struct piece {
	size_t size;
	max_align_t data[];
};

static void *
md_calloc(size_t n, size_t size)
{
	if (size && n > (SIZE_MAX / 2) / size)
		abort(); /* as cmark's own allocator does when out of memory */
	struct piece *p = arena_alloc(md_arena, offsetof(struct piece, data) + n * size);
	p->size = n * size;
	return p->data;
}

static void *
md_realloc(void *old, size_t n)
{
	size_t had = 0;
	if (old) {
		had = ((struct piece *)(void *)((char *)old - offsetof(struct piece, data)))->size;
		if (n <= had)
			return old;
	}
	void *p = md_calloc(1, n);
	if (had)
		memcpy(p, old, had);
	return p;
}

static void
md_free(void *p)
{
	(void)p; /* given back with the arena */
}

static cmark_mem md_mem = {md_calloc, md_realloc, md_free};

/* md[len] with invalid bytes and NUL as U+FFFD (cmark would do the same). */
static char *
replaced(const char *md, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;
	while (i < len) {
		size_t ok = i + text_utf8_check(md + i, len - i); /* end of valid bytes */
		while (i < ok) {
			const char *z = memchr(md + i, '\0', ok - i);
			size_t e = z ? (size_t)(z - md) : ok;
			buf_put(&b, md + i, e - i);
			i = e;
			if (z) {
				buf_puts(&b, "\xEF\xBF\xBD");
				i++;
			}
		}
		if (i < len) { /* one U+FFFD for a broken sequence */
			buf_puts(&b, "\xEF\xBF\xBD");
			i++;
			while (i < len && ((unsigned char)md[i] & 0xC0) == 0x80)
				i++;
		}
	}
	return buf_detach(&b);
}

/* Valid UTF-8 without NUL, in NFC, so that what is measured is what is
 * drawn. */
static char *
clean_input(const char *md, size_t len)
{
	/* the usual case, Markdown debrief made, is copied once */
	char *s = text_utf8_check(md, len) == len && !memchr(md, '\0', len) ? xstrndup(md, len)
	                                                                    : replaced(md, len);
	if (text_nfc_for_sure(s))
		return s;
	char *n = text_nfc(s);
	free(s);
	return n;
}

static int
is_ext(cmark_node *n, const char *type)
{
	const char *t = cmark_node_get_type_string(n);
	return t && !strcmp(t, type);
}

static int
has_tasks(cmark_node *list)
{
	for (cmark_node *c = cmark_node_first_child(list); c; c = cmark_node_next(c))
		if (is_ext(c, "tasklist"))
			return 1;
	return 0;
}

/* The plain text of a node's inlines: an image's description (its alt
 * text), a heading's words. */
static char *
plain_text(cmark_node *img)
{
	struct buf b = BUF_INIT;
	cmark_iter *it = cmark_iter_new(img);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE: buf_puts(&b, cmark_node_get_literal(n)); break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK: buf_putc(&b, ' '); break;
		default: break;
		}
	}
	cmark_iter_free(it);
	return buf_detach(&b);
}

static void
extension(struct lay *L, cmark_node *n, int enter)
{
	const char *t = cmark_node_get_type_string(n);
	if (!t)
		return;
	if (!strcmp(t, "table")) {
		if (enter)
			lay_table_begin(L, cmark_gfm_extensions_get_table_columns(n),
			                cmark_gfm_extensions_get_table_alignments(n));
		else
			lay_table_end(L);
	} else if (!strcmp(t, "table_header") || !strcmp(t, "table_row")) {
		if (enter)
			lay_table_row_begin(L, !strcmp(t, "table_header") ||
			                           cmark_gfm_extensions_get_table_row_is_header(n));
		else
			lay_table_row_end(L);
	} else if (!strcmp(t, "table_cell")) {
		if (enter)
			lay_table_cell_begin(L);
		else
			lay_table_cell_end(L);
	} else if (!strcmp(t, "strikethrough")) {
		if (enter)
			lay_span_begin(L, SPAN_STRIKE);
		else
			lay_span_end(L);
	}
}

/* Whether heading n opens the annex of an official form: its words are
 * the front matter's annex. */
static int
opens_annex(cmark_node *n, const struct form *form)
{
	if (!form || !form->annex || !*form->annex)
		return 0;
	char *t = plain_text(n), *words = text_squeeze(t);
	int yes = !strcmp(words, form->annex);
	free(words);
	free(t);
	return yes;
}

/* What the walk needs besides the layout: where a node is in the file, to
 * say what it left out. */
struct walk {
	struct lay *L;
	const struct form *form;
	int prune;
	struct strlist *warnings; /* may be NULL */
	enum lang lang;           /* of the warnings */
	const char *src;          /* the Markdown parsed: the text after any front matter */
	unsigned line0;           /* lines before src in the file (the front matter's) */
	size_t *lines;            /* offsets in src of its lines, made when first needed */
	size_t nlines;
	unsigned said, unsaid; /* raw HTML reported, and past HTML_SAID_MAX not */
	int in_notes;          /* among the footnotes, at the end */
};

/* Raw HTML is reported node by node up to this many a document, then
 * counted. */
#define HTML_SAID_MAX 50

/* "LINE:COL: " of node n in the file (columns in characters), or "". */
static char *
where(struct walk *w, cmark_node *n)
{
	int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
	if (line < 1 || col < 1)
		return xstrdup("");
	if (!w->lines) {
		size_t cap = 0;
		for (size_t i = 0;; i++) {
			if (i == 0 || w->src[i - 1] == '\n') {
				w->lines = xgrow(w->lines, &cap, w->nlines + 1, sizeof *w->lines);
				w->lines[w->nlines++] = i;
			}
			if (!w->src[i])
				break;
		}
	}
	unsigned chars = 1;
	if ((size_t)line <= w->nlines) {
		const char *s = w->src + w->lines[line - 1];
		for (int i = 0; i < col - 1 && s[i] && s[i] != '\n'; i++)
			chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	} else
		chars = (unsigned)col;
	return xasprintf("%u:%u: ", w->line0 + (unsigned)line, chars);
}

/* Warns at node n: what (a short form of the HTML) left out, its text
 * shown or not. */
static void
html_left_out(struct walk *w, cmark_node *n, const char *what, int text_shown)
{
	if (!w->warnings)
		return;
	if (w->said >= HTML_SAID_MAX) {
		w->unsaid++;
		return;
	}
	w->said++;
	char *at = where(w, n);
	char *m =
	    xasprintf("%s%s %s%s", at, L(w->lang, "bỏ HTML thô", "raw HTML"), what,
	              text_shown ? L(w->lang, ", chỉ hiện chữ của nó", " left out, its text shown")
	                         : L(w->lang, "", " left out"));
	strlist_take(w->warnings, m);
	free(at);
}

/* HTML on one line and at most some 60 bytes, to be named in a message. */
static char *
html_short(const char *s)
{
	struct buf b = BUF_INIT;
	for (const char *p = s; *p; p++) {
		if (b.len >= 60 && ((unsigned char)*p & 0xC0) != 0x80) {
			buf_puts(&b, "…");
			break;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (b.len && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
		} else
			buf_putc(&b, *p);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.len--;
	char *s2 = xstrndup(b.data ? b.data : "", b.len);
	buf_free(&b);
	return s2;
}

/* <br>, <br/>, <br /> in any case. */
static int
is_br(const char *s)
{
	if (s[0] != '<' || (s[1] | 0x20) != 'b' || (s[2] | 0x20) != 'r')
		return 0;
	s += 3;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '/')
		s++;
	return s[0] == '>' && (!s[1] || s[1] == '\n');
}

/* Past the end of the first "end" at or after s, or at the end of s. */
static const char *
past(const char *s, const char *end)
{
	const char *e = strstr(s, end);
	return e ? e + strlen(end) : s + strlen(s);
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The text of an HTML block: tags, comments, scripts and styles left out
 * (each tag's name put once in *tags, as "<div>, <b>"), the common
 * entities decoded, white space collapsed, '\n' where a line break or a
 * block element was. */
static void
html_text(const char *s, struct buf *out, struct buf *tags)
{
	static const char *const blocks[] = {
	    "br",    "p",  "div", "li", "tr", "h1", "h2",         "h3",  "h4", "h5",      "h6",
	    "table", "ul", "ol",  "dl", "dt", "dd", "blockquote", "pre", "hr", "section", NULL};
	while (*s) {
		if (!strncmp(s, "<!--", 4)) {
			s = past(s + 4, "-->");
		} else if (s[0] == '<' && (s[1] == '?' || s[1] == '!')) {
			s = past(s + 2, s[1] == '?' ? "?>" : ">");
		} else if (s[0] == '<' && (is_alpha(s[1]) || (s[1] == '/' && is_alpha(s[2])))) {
			int closing = s[1] == '/';
			const char *name = s + 1 + closing;
			size_t k = 0;
			while (is_alpha(name[k]) || (name[k] >= '0' && name[k] <= '9') ||
			       name[k] == '-')
				k++;
			char low[16] = "";
			if (k < sizeof low) {
				for (size_t i = 0; i < k; i++)
					low[i] = (char)(name[i] | 0x20);
				low[k] = '\0';
			}
			/* to the '>' outside quoted attribute values */
			const char *p = name + k;
			char q = 0;
			while (*p && (q || *p != '>')) {
				if (q && *p == q)
					q = 0;
				else if (!q && (*p == '"' || *p == '\''))
					q = *p;
				p++;
			}
			s = *p ? p + 1 : p;
			char *named = xasprintf("<%.*s>", (int)k, name);
			for (char *c = named; *c; c++)
				*c = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
			char *had = xasprintf("%s, ", named);
			struct buf look = BUF_INIT;
			buf_puts(&look, ", ");
			buf_put(&look, tags->data ? tags->data : "", tags->len);
			buf_puts(&look, ", ");
			if (!closing && !strstr(buf_cstr(&look), had + 0)) {
				if (tags->len)
					buf_puts(tags, ", ");
				buf_puts(tags, named);
			}
			buf_free(&look);
			free(had);
			free(named);
			if (!closing && (!strcmp(low, "script") || !strcmp(low, "style"))) {
				char *end = xasprintf("</%s", low);
				const char *e = s;
				while (*e && strncasecmp(e, end, strlen(end)))
					e++;
				s = *e ? past(e, ">") : e;
				free(end);
			}
			for (const char *const *b = blocks; *b; b++)
				if (!strcmp(low, *b)) {
					buf_putc(out, '\n');
					break;
				}
		} else if (*s == '&') {
			static const struct {
				const char *name;
				const char *text;
			} ents[] = {{"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
			            {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", "\u00A0"}};
			size_t i = 0, n = sizeof ents / sizeof ents[0];
			while (i < n && strncmp(s, ents[i].name, strlen(ents[i].name)))
				i++;
			if (i < n) {
				buf_puts(out, ents[i].text);
				s += strlen(ents[i].name);
			} else if (s[1] == '#') {
				int hex = s[2] == 'x' || s[2] == 'X';
				char *e;
				unsigned long cp = strtoul(s + 2 + hex, &e, hex ? 16 : 10);
				if (*e == ';' && e > s + 2 + hex) {
					char u[4];
					if (cp == 0 || cp > 0x10FFFF ||
					    (cp >= 0xD800 && cp <= 0xDFFF))
						cp = 0xFFFD;
					buf_put(out, u, text_put_utf8(u, (uint32_t)cp));
					s = e + 1;
				} else
					buf_putc(out, *s++);
			} else
				buf_putc(out, *s++);
		} else if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (out->len && out->data[out->len - 1] != ' ' &&
			    out->data[out->len - 1] != '\n')
				buf_putc(out, ' ');
			s++;
		} else
			buf_putc(out, *s++);
	}
}

/* Raw HTML is not drawn as markup in a document to be signed: <br> is a
 * line break, an HTML block's text is a paragraph, and what is left out
 * is said. */
static void
html_block(struct walk *w, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	if (!s)
		return;
	struct buf text = BUF_INIT, tags = BUF_INIT;
	html_text(s, &text, &tags);
	int shown = 0;
	const char *t = buf_cstr(&text);
	while (*t) {
		size_t k = strcspn(t, "\n");
		size_t a = 0, b = k;
		while (a < b && t[a] == ' ')
			a++;
		while (b > a && t[b - 1] == ' ')
			b--;
		if (b > a) {
			char *seg = xstrndup(t + a, b - a);
			if (!shown)
				lay_para_begin(w->L);
			else
				lay_hardbreak(w->L);
			lay_text(w->L, seg);
			free(seg);
			shown = 1;
		}
		t += k + (t[k] == '\n');
	}
	if (shown)
		lay_para_end(w->L);
	char *what = tags.len ? xstrdup(buf_cstr(&tags)) : html_short(s);
	html_left_out(w, n, what, shown);
	free(what);
	buf_free(&text);
	buf_free(&tags);
}

static void
html_inline(struct walk *w, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	if (!s)
		return;
	if (is_br(s)) {
		lay_hardbreak(w->L);
		return;
	}
	char *what = html_short(s);
	html_left_out(w, n, what, 0);
	free(what);
}

/* Footnotes (cmark-gfm numbers the references and moves the definitions,
 * in their order, to the end of the document): a list after a rule. */
static void
footnote(struct walk *w, cmark_node *n, int enter)
{
	if (enter) {
		if (!w->in_notes) {
			lay_rule(w->L);
			lay_list_begin(w->L, 1, 1, 0, 1, 0);
			w->in_notes = 1;
		}
		lay_item_begin(w->L, -1);
		return;
	}
	lay_item_end(w->L);
	cmark_node *next = cmark_node_next(n);
	if (!next || cmark_node_get_type(next) != CMARK_NODE_FOOTNOTE_DEFINITION) {
		lay_list_end(w->L);
		w->in_notes = 0;
	}
}

/* Lays out the tree under doc.  prune: each block of the document and
 * each row of a table is freed once left (the iterator has already moved
 * past it), so that a long document's tree is never whole beside its
 * layout. */
static void
walk(cmark_node *doc, struct walk *w)
{
	struct lay *L = w->L;
	const struct form *form = w->form;
	int prune = w->prune;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE: enter ? lay_quote_begin(L) : lay_quote_end(L); break;
		case CMARK_NODE_LIST:
			if (enter)
				lay_list_begin(L, cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
				               cmark_node_get_list_start(n),
				               cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM,
				               cmark_node_get_list_tight(n), has_tasks(n));
			else
				lay_list_end(L);
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				lay_item_begin(
				    L, is_ext(n, "tasklist")
				           ? cmark_gfm_extensions_get_tasklist_item_checked(n)
				           : -1);
			else
				lay_item_end(L);
			break;
		case CMARK_NODE_CODE_BLOCK: lay_code_block(L, cmark_node_get_literal(n)); break;
		case CMARK_NODE_HTML_BLOCK: html_block(w, n); break;
		case CMARK_NODE_PARAGRAPH: enter ? lay_para_begin(L) : lay_para_end(L); break;
		case CMARK_NODE_HEADING:
			if (enter && opens_annex(n, form))
				lay_annex_begin(L);
			if (enter)
				lay_heading_begin(L, cmark_node_get_heading_level(n));
			else
				lay_heading_end(L, cmark_node_next(n) &&
				                       is_ext(cmark_node_next(n), "table"));
			break;
		case CMARK_NODE_THEMATIC_BREAK: lay_rule(L); break;
		case CMARK_NODE_TEXT: lay_text(L, cmark_node_get_literal(n)); break;
		case CMARK_NODE_SOFTBREAK: lay_softbreak(L); break;
		case CMARK_NODE_LINEBREAK: lay_hardbreak(L); break;
		case CMARK_NODE_CODE: lay_literal(L, SPAN_CODE, cmark_node_get_literal(n)); break;
		case CMARK_NODE_HTML_INLINE: html_inline(w, n); break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			if (enter) /* entered and exited: not a leaf to cmark's iterator */
				lay_note_ref(L, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION: footnote(w, n, enter); break;
		case CMARK_NODE_EMPH: enter ? lay_span_begin(L, SPAN_EMPH) : lay_span_end(L); break;
		case CMARK_NODE_STRONG:
			enter ? lay_span_begin(L, SPAN_STRONG) : lay_span_end(L);
			break;
		case CMARK_NODE_LINK:
			enter ? lay_link_begin(L, cmark_node_get_url(n)) : lay_link_end(L);
			break;
		case CMARK_NODE_IMAGE: {
			char *alt = plain_text(n), *at = where(w, n);
			lay_image(L, cmark_node_get_url(n), alt, at);
			free(alt);
			free(at);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT); /* the description is drawn */
			break;
		}
		case CMARK_NODE_DOCUMENT:
		case CMARK_NODE_CUSTOM_BLOCK:
		case CMARK_NODE_CUSTOM_INLINE:
		case CMARK_NODE_NONE: break;
		default: extension(L, n, enter); break;
		}
		cmark_node *up = prune && !enter ? cmark_node_parent(n) : NULL;
		if (up && (cmark_node_get_type(up) == CMARK_NODE_DOCUMENT || is_ext(up, "table")))
			cmark_node_free(n);
	}
	cmark_iter_free(it);
}

struct pdf_ctx {
	struct deflater zd;
};

struct pdf_ctx *
pdf_ctx_new(void)
{
	return xcalloc(1, sizeof(struct pdf_ctx));
}

void
pdf_ctx_free(struct pdf_ctx *c)
{
	if (!c)
		return;
	deflater_end(&c->zd);
	free(c);
}

/* The parsed document freed: with the arena, the tree, the parser and
 * every iterator were pieces of it. */
static void
tree_free(cmark_node **doc)
{
	if (md_arena)
		arena_free(md_arena);
	else if (*doc)
		cmark_node_free(*doc);
	md_arena = NULL;
	*doc = NULL;
}

/* 1 when s is only the dot leaders ("……………") and spaces a report leaves
 * for the clerk to fill in. */
static int
only_leaders(const char *s)
{
	for (; *s; s++)
		if (!strncmp(s, "…", strlen("…")))
			s += strlen("…") - 1;
		else if (*s != ' ')
			return 0;
	return 1;
}

int
pdf_from_markdown(const char *md, size_t len, const struct pdf_opts *o, struct buf *out,
                  struct strlist *warnings, char **err)
{
	int rc = 0;
	struct fonts *fonts = NULL;
	struct lay *L = NULL;
	struct dl *dl = NULL;
	cmark_node *doc = NULL;
	char *text = clean_input(md, len);
	md_arena = len <= MD_ARENA_MAX ? arena_new() : NULL;

	/* once per process: documents are converted on several threads */
	static pthread_once_t registered = PTHREAD_ONCE_INIT;
	pthread_once(&registered, cmark_gfm_core_extensions_ensure_registered);
	/* valid UTF-8: clean_input */
	const int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
	cmark_parser *p =
	    md_arena ? cmark_parser_new_with_mem(opts, &md_mem) : cmark_parser_new(opts);
	static const char *const ext[] = {"table", "tasklist", "strikethrough", "autolink"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(ext[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	struct form *form = NULL;
	size_t body = 0;
	char *ferr = NULL, *fwarn = NULL;
	int fok = form_parse(text, strlen(text), o->lang, &form, &body, &ferr, &fwarn);
	if (fwarn && warnings) {
		/* FILE:LINE:COL: warning: …, as the errors of the front matter */
		char *m = xasprintf("%s%s%s", o->file ? o->file : "", o->file ? ":" : "", fwarn);
		strlist_push(warnings, m);
		free(m);
	}
	free(fwarn);
	if (!fok) {
		*err = xasprintf("%s%s%s", o->file ? o->file : "", o->file ? ":" : "", ferr);
		free(ferr);
		cmark_parser_free(p);
		goto out;
	}
	cmark_parser_feed(p, text + body, strlen(text + body));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);

	/* A document in the official form describes itself: the same PDF
	 * whoever renders its Markdown (debrief report or debrief pdf).  Its
	 * language is the document's, not that of the messages: the run's. */
	enum lang lang = o->lang;
	const char *author = form ? form->issuer : o->author;
	if (author && only_leaders(author))
		author = NULL; /* a blank left for the clerk names no author */
	const char *subject = form ? form->type : o->subject;
	fonts = fonts_new(o->font_family, lang, warnings, err);
	if (!fonts)
		goto out;
	struct lay_opts lo = {o->base_dir, o->md_links_to_pdf, lang, form};
	L = lay_new(fonts, &lo, warnings);
	struct walk w = {L, form, !md_arena, warnings, o->lang, text + body, 0, NULL, 0, 0, 0, 0};
	for (size_t i = 0; i < body; i++)
		w.line0 += text[i] == '\n';
	walk(doc, &w); /* an arena's pieces go all at once: no pruning */
	if (w.unsaid && warnings) {
		char *m = xasprintf(L(o->lang, "bỏ HTML thô ở %u chỗ khác nữa",
		                      "raw HTML left out in %u more places"),
		                    w.unsaid);
		strlist_take(warnings, m);
	}
	free(w.lines);
	dl = lay_finish(L);
	/* the tree and the layout are done with: their memory goes before
	 * the PDF's objects are made (a long page's tree is some megabytes) */
	lay_free(L);
	L = NULL;
	tree_free(&doc);
	const char *title = o->title ? o->title : dl->first_heading ? dl->first_heading : o->name;
	/* what language the text is in, for readers and screen readers: the
	 * front matter's, which report writes, else the caller's when known */
	const char *doc_lang = form && form->lang ? form->lang : o->doc_lang;
	struct pdfout_info info = {
	    title, author, subject, o->created, lang, o->ctx ? &o->ctx->zd : NULL, doc_lang};
	rc = pdfout_write(dl, fonts, &info, out, warnings, err);
out:
	dl_free(dl);
	lay_free(L);
	fonts_free(fonts);
	form_free(form);
	tree_free(&doc);
	free(text);
	return rc;
}

/* ---- debrief pdf ---- */

static const char usage[] =
    "usage: debrief pdf [-o|--output OUT.pdf] [--title T] [--font FAMILY] [--lang vi|en]\n"
    "                   FILE.md\n"
    "       debrief pdf --help\n";

/* Line and column (from 1) of byte off in s. */
static void
position(const char *s, size_t off, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			++*col;
	}
}

static char *
default_output(const char *in)
{
	size_t n = strlen(in);
	if (n > 3 && !strcasecmp(in + n - 3, ".md"))
		n -= 3;
	else if (n > 9 && !strcasecmp(in + n - 9, ".markdown"))
		n -= 9;
	return xasprintf("%.*s.pdf", (int)n, in);
}

static char *
dir_of(const char *path)
{
	const char *s = strrchr(path, '/');
	if (!s)
		return xstrdup(".");
	if (s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}

static const char *
base_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* 1 when writing out would replace in (the same name, or the same file
 * through another name or a link). */
static int
same_file(const char *in, const char *out)
{
	struct stat a, b;
	if (!strcmp(in, "-") || !strcmp(out, "-"))
		return 0;
	if (!strcmp(in, out))
		return 1;
	return stat(in, &a) == 0 && stat(out, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

int
cmd_pdf(int argc, char **argv)
{
	const char *title = NULL, *font = NULL;
	const struct cli_opt own[] = {{"title", 0, 0, &title, NULL, NULL, NULL},
	                              {"font", 0, 0, &font, NULL, NULL, NULL},
	                              {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	struct cli c = {
	    .cmd = "pdf",
	    .usage = usage,
	    .usage_vi =
	        "FILE.md là - thì đọc từ đầu vào chuẩn; tệp PDF ghi vào -o, nếu không có -o\n"
	        "thì ghi cạnh FILE, hoặc ra đầu ra chuẩn khi đọc từ đầu vào chuẩn.\n",
	    .usage_en = "FILE.md - reads standard input; the PDF goes to -o, else next to FILE,\n"
	                "else (standard input) to standard output.\n",
	    .common = CLI_OUTPUT | CLI_LANG,
	    .own = own};
	int rc = cli_parse(&c, argc, argv);
	if (rc >= 0)
		return rc;
	rc = EXIT_USAGE;
	enum lang lang = c.lang;
	const char *output = c.output;
	fs_set_lang(lang);
	cli_warn_undated(&c);
	if (c.next != argc - 1)
		return cli_error(&c, "cần đúng một tệp Markdown (FILE hoặc -)",
		                 "exactly one Markdown FILE (or -) is needed", NULL);
	const char *in = argv[c.next];
	int from_stdin = !strcmp(in, "-");
	char *data = NULL, *err = NULL, *out_path = NULL, *base = NULL, *name = NULL;
	size_t len = 0;
	struct strlist warn = {0};
	struct buf pdf = BUF_INIT;
	const char *label = fs_shown(in);

	if (!output)
		output = from_stdin ? "-" : (out_path = default_output(in));
	if (same_file(in, output)) {
		escape_eprintf("debrief: %s: %s\n", output,
		               L(lang,
		                 "tệp đầu ra trùng với tệp đầu vào; không ghi đè lên tệp nguồn",
		                 "the output is the input file; the source is not overwritten"));
		goto out; /* refused before any work */
	}
	if (!fs_read(in, MAX_MD_INPUT, &data, &len, &err)) {
		escape_eprintf("debrief: %s: %s\n", label, err);
		goto out;
	}
	size_t bad = text_utf8_check(data, len);
	if (bad < len) {
		unsigned line, col;
		position(data, bad, &line, &col);
		escape_eprintf("%s:%u:%u: warning: %s\n", label, line, col,
		               L(lang, "UTF-8 không hợp lệ, thay bằng U+FFFD",
		                 "invalid UTF-8, replaced with U+FFFD"));
	}
	base = from_stdin ? xstrdup(".") : dir_of(in);
	if (!from_stdin) {
		const char *b = base_of(in);
		size_t n = strlen(b);
		if (n > 3 && !strcasecmp(b + n - 3, ".md"))
			n -= 3;
		name = xstrndup(b, n);
	}
	struct pdf_opts o = {
	    title, name, NULL, NULL, font, base, 0, lang, label, date_source_epoch(),
	    NULL,  NULL}; /* the document's language: its front matter's, if it says */
	if (!pdf_from_markdown(data, len, &o, &pdf, &warn, &err)) {
		if (!strncmp(err, label, strlen(label)) && err[strlen(label)] == ':')
			escape_eprintf("%s\n", err); /* FILE:LINE:COL: … */
		else
			escape_eprintf("debrief: %s: %s\n", label, err);
		goto out;
	}
	for (size_t i = 0; i < warn.n; i++) {
		const char *m = warn.v[i];
		size_t ll = strlen(label);
		if (!strncmp(m, label, ll) && m[ll] == ':') { /* FILE:LINE:COL: warning: … */
			escape_eprintf("%s\n", m);
			continue;
		}
		/* "LINE:COL: …", a place in the Markdown: FILE:LINE:COL: warning: … */
		size_t a = strspn(m, "0123456789"), b = a ? strspn(m + a + 1, "0123456789") : 0;
		if (a && m[a] == ':' && b && m[a + 1 + b] == ':' && m[a + 2 + b] == ' ')
			escape_eprintf("%s:%.*s: warning: %s\n", label, (int)(a + 1 + b), m,
			               m + a + 3 + b);
		else
			escape_eprintf("%s: warning: %s\n", label, m);
	}
	if (!strcmp(output, "-")) {
		if (fwrite(pdf.data, 1, pdf.len, stdout) != pdf.len || fflush(stdout)) {
			fprintf(stderr, "debrief: <stdout>: %s\n",
			        L(lang, "không ghi được", "write failed"));
			goto out;
		}
	} else {
		char *dir = dir_of(output);
		fs_sweep_temps(dir, base_of(output), 0, 60); /* a killed run's */
		int w = fs_write_atomic(dir, base_of(output), pdf.data, pdf.len, &err);
		free(dir);
		if (!w) {
			escape_eprintf("debrief: %s: %s\n", output, err);
			goto out;
		}
	}
	rc = EXIT_OK;
out:
	free(data);
	free(err);
	free(out_path);
	free(base);
	free(name);
	strlist_free(&warn);
	buf_free(&pdf);
	return rc;
}
