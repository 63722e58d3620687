/*
 * mustache.c: the template engine.  Parsing turns template text into an op
 * tree (lowdown template.c: children and parent links, plus one "all" list
 * so teardown is one loop); rendering walks it over a context stack of
 * nodes and appends to a struct buf.  It never knows what the output is:
 * escaping is a callback, partial text comes from a callback.
 */
#include "mustache.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define MAX_NEST 64  /* sections nested in one template */
#define MAX_DELIM 16 /* bytes of a set delimiter */

#define DEF_DEPTH 100
#define DEF_OUTPUT ((size_t)64 << 20)
#define DEF_STEPS ((size_t)50 * 1000 * 1000)

enum op_type {
	OP_ROOT,     /* the template; children are the body */
	OP_TEXT,     /* literal text */
	OP_VAR,      /* {{x}}: escaped */
	OP_RAW,      /* {{{x}}}, {{&x}}: not escaped */
	OP_SECTION,  /* {{#x}}...{{/x}} */
	OP_INVERTED, /* {{^x}}...{{/x}} */
	OP_PARTIAL   /* {{>x}} */
};

struct op {
	enum op_type type;
	unsigned line;           /* where the tag (or text) starts, 1-based */
	char *s;                 /* TEXT: the literal; others: the name; owned */
	size_t len;              /* bytes of s */
	char *indent;            /* PARTIAL alone on its line: the whitespace before it; owned */
	size_t indent_len;       /* bytes of indent */
	int standalone;          /* PARTIAL: the tag was alone on its line */
	struct op *parent;       /* enclosing section or root; NULL for root */
	struct op *child, *last; /* body of ROOT, SECTION, INVERTED */
	struct op *next;         /* next sibling */
	struct op *all;          /* next op of the template, any level (teardown) */
};

struct mst {
	char *name;     /* used in messages; owned */
	enum lang lang; /* of messages */
	struct op *root;
	struct op *all; /* every op, root included */
};

/* ==== parsing ==== */

struct parser {
	struct mst *t;
	const char *src;
	size_t len;
	char otag[MAX_DELIM + 1], ctag[MAX_DELIM + 1]; /* current delimiters */
	size_t olen, clen;
	struct op *cur; /* innermost open section, or the root */
	unsigned depth; /* open sections */
	size_t lpos;    /* line cache: src[0..lpos) holds lline-1 line breaks */
	unsigned lline;
	char *err; /* first error, "name:line: message" */
};

/* 1-based line of src[pos].  Positions mostly grow, so keep a cursor. */
static unsigned
line_at(struct parser *p, size_t pos)
{
	if (pos < p->lpos) {
		p->lpos = 0;
		p->lline = 1;
	}
	for (; p->lpos < pos; p->lpos++)
		if (p->src[p->lpos] == '\n')
			p->lline++;
	return p->lline;
}

/* Record the first error; returns 0 so callers can "return perr(...)". */
static int perr(struct parser *p, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
perr(struct parser *p, unsigned line, const char *fmt, ...)
{
	if (p->err)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->err = xasprintf("%s:%u: %s", p->t->name, line, msg);
	free(msg);
	return 0;
}

static struct op *
op_new(struct mst *t, enum op_type type, unsigned line, const char *s, size_t len)
{
	struct op *o = xcalloc(1, sizeof *o);
	o->type = type;
	o->line = line;
	o->s = xstrndup(s ? s : "", s ? len : 0);
	o->len = s ? len : 0;
	o->all = t->all;
	t->all = o;
	return o;
}

static void
op_append(struct op *parent, struct op *o)
{
	o->parent = parent;
	if (parent->last)
		parent->last->next = o;
	else
		parent->child = o;
	parent->last = o;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* First occurrence of pat[plen] (plen > 0) in s[n], or NULL. */
static const char *
find(const char *s, size_t n, const char *pat, size_t plen)
{
	while (n >= plen) {
		const char *c = memchr(s, pat[0], n - plen + 1);
		if (!c)
			return NULL;
		if (memcmp(c, pat, plen) == 0)
			return c;
		n -= (size_t)(c - s) + 1;
		s = c + 1;
	}
	return NULL;
}

/* A printable rendering of a name for messages: at most 60 bytes. */
#define NAMEFMT "'%.*s'"
#define NAMEARG(s, n) (int)((n) > 60 ? 60 : (n)), (s)

/* Trim whitespace around s[*n]; returns the new start. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n && is_space(*s)) {
		s++;
		(*n)--;
	}
	while (*n && is_space(s[*n - 1]))
		(*n)--;
	return s;
}

/* A tag name: non-empty, no whitespace inside. */
static int
check_name(struct parser *p, unsigned line, const char *s, size_t n)
{
	if (n == 0)
		return perr(p, line, "%s", L(p->t->lang, "thẻ thiếu tên", "empty tag name"));
	for (size_t i = 0; i < n; i++)
		if (is_space(s[i]) || s[i] == '\0')
			return perr(
			    p, line,
			    L(p->t->lang, "tên thẻ không hợp lệ " NAMEFMT, "bad tag name " NAMEFMT),
			    NAMEARG(s, n));
	return 1;
}

/* "{{=<% %>=}}": content is "<% %>"; two blank-separated delimiters,
 * neither containing '=' or whitespace. */
static int
set_delims(struct parser *p, unsigned line, const char *s, size_t n)
{
	s = trim(s, &n);
	size_t a = 0;
	while (a < n && !is_space(s[a]))
		a++;
	size_t b = a;
	while (b < n && is_space(s[b]))
		b++;
	size_t c = b;
	while (c < n && !is_space(s[c]))
		c++;
	int ok = a > 0 && a <= MAX_DELIM && c > b && c - b <= MAX_DELIM && c == n;
	for (size_t i = 0; ok && i < n; i++)
		if (s[i] == '=' || s[i] == '\0')
			ok = 0;
	if (!ok)
		return perr(
		    p, line, "%s",
		    L(p->t->lang, "thẻ đổi dấu phân cách không hợp lệ", "bad set-delimiter tag"));
	memcpy(p->otag, s, a);
	p->otag[a] = '\0';
	p->olen = a;
	memcpy(p->ctag, s + b, c - b);
	p->ctag[c - b] = '\0';
	p->clen = c - b;
	return 1;
}

/* Where the tag at src[t] (ending before src[end]) would be standalone:
 * only blanks between the line start and the tag, and between the tag
 * and the line end.  Returns 1 and sets *ls (line start) and *next (past
 * the line break, or the end of the template). */
static int
standalone(const struct parser *p, size_t t, size_t end, size_t *ls, size_t *next)
{
	size_t i = t;
	while (i > 0 && is_blank(p->src[i - 1]))
		i--;
	if (i > 0 && p->src[i - 1] != '\n')
		return 0;
	size_t j = end;
	while (j < p->len && is_blank(p->src[j]))
		j++;
	if (j < p->len) {
		if (p->src[j] == '\n')
			j++;
		else if (p->src[j] == '\r' && j + 1 < p->len && p->src[j + 1] == '\n')
			j += 2;
		else
			return 0;
	}
	*ls = i;
	*next = j;
	return 1;
}

static void
add_text(struct parser *p, unsigned line, size_t from, size_t to)
{
	if (to <= from)
		return;
	op_append(p->cur, op_new(p->t, OP_TEXT, line, p->src + from, to - from));
}

/* Parse one tag whose open delimiter is at src[t]; *pos is where the text
 * before it started, and becomes where the next text starts. */
static int
parse_tag(struct parser *p, size_t t, size_t *pos)
{
	/* Lines in increasing positions, so the cursor never rewinds. */
	unsigned text_line = line_at(p, *pos);
	unsigned line = line_at(p, t);
	size_t cs = t + p->olen; /* content start */
	char sigil = cs < p->len ? p->src[cs] : '\0';
	char endm[MAX_DELIM + 2]; /* what ends the tag */
	size_t endlen;
	switch (sigil) {
	case '{':
	case '=':
		endm[0] = sigil == '{' ? '}' : '=';
		memcpy(endm + 1, p->ctag, p->clen);
		endlen = p->clen + 1;
		cs++;
		break;
	case '!':
	case '#':
	case '^':
	case '/':
	case '>':
	case '&':
		cs++;
		/* fall through */
	default:
		memcpy(endm, p->ctag, p->clen);
		endlen = p->clen;
		break;
	}
	const char *e = cs <= p->len ? find(p->src + cs, p->len - cs, endm, endlen) : NULL;
	if (!e)
		return perr(p, line, "%s", L(p->t->lang, "thẻ chưa được đóng", "unclosed tag"));
	size_t ce = (size_t)(e - p->src), end = ce + endlen;
	size_t n = ce - cs;
	const char *name = trim(p->src + cs, &n);

	int can_stand = sigil == '!' || sigil == '#' || sigil == '^' || sigil == '/' ||
	                sigil == '>' || sigil == '=';
	size_t ls = 0, next = end;
	int alone = can_stand && standalone(p, t, end, &ls, &next);
	add_text(p, text_line, *pos, alone ? ls : t);
	*pos = alone ? next : end;

	struct op *o;
	switch (sigil) {
	case '!': return 1;
	case '=': return set_delims(p, line, p->src + cs, ce - cs);
	case '/':
		if (!check_name(p, line, name, n))
			return 0;
		if (p->cur->type == OP_ROOT)
			return perr(p, line,
			            L(p->t->lang, "thẻ đóng " NAMEFMT " không có mục mở tương ứng",
			              "close tag " NAMEFMT " without an open section"),
			            NAMEARG(name, n));
		if (n != p->cur->len || memcmp(name, p->cur->s, n) != 0)
			return perr(
			    p, line,
			    L(p->t->lang,
			      "thẻ đóng " NAMEFMT " không khớp với mục " NAMEFMT " mở ở dòng %u",
			      "close tag " NAMEFMT " does not match section " NAMEFMT
			      " opened on line %u"),
			    NAMEARG(name, n), NAMEARG(p->cur->s, p->cur->len), p->cur->line);
		p->cur = p->cur->parent;
		p->depth--;
		return 1;
	case '#':
	case '^':
		if (!check_name(p, line, name, n))
			return 0;
		if (p->depth >= MAX_NEST)
			return perr(p, line,
			            L(p->t->lang, "các mục lồng nhau quá sâu (giới hạn %u)",
			              "sections nested too deeply (limit %u)"),
			            MAX_NEST);
		o = op_new(p->t, sigil == '#' ? OP_SECTION : OP_INVERTED, line, name, n);
		op_append(p->cur, o);
		p->cur = o;
		p->depth++;
		return 1;
	case '>':
		if (!check_name(p, line, name, n))
			return 0;
		o = op_new(p->t, OP_PARTIAL, line, name, n);
		if (alone) {
			o->standalone = 1;
			o->indent = xstrndup(p->src + ls, t - ls);
			o->indent_len = t - ls;
		}
		op_append(p->cur, o);
		return 1;
	default:
		if (!check_name(p, line, name, n))
			return 0;
		o = op_new(p->t, sigil == '{' || sigil == '&' ? OP_RAW : OP_VAR, line, name, n);
		op_append(p->cur, o);
		return 1;
	}
}

struct mst *
mst_parse(const char *name, const char *src, size_t len, enum lang lang, char **err)
{
	struct mst *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name ? name : "template");
	t->lang = lang;
	t->root = op_new(t, OP_ROOT, 1, NULL, 0);

	struct parser p = {0};
	p.t = t;
	p.src = src ? src : "";
	p.len = src ? len : 0;
	memcpy(p.otag, "{{", 3);
	memcpy(p.ctag, "}}", 3);
	p.olen = p.clen = 2;
	p.cur = t->root;
	p.lpos = 0;
	p.lline = 1;

	size_t pos = 0, from = 0;
	for (;;) {
		const char *o =
		    from <= p.len ? find(p.src + from, p.len - from, p.otag, p.olen) : NULL;
		if (!o) {
			add_text(&p, line_at(&p, pos), pos, p.len);
			break;
		}
		if (!parse_tag(&p, (size_t)(o - p.src), &pos))
			break;
		from = pos;
	}
	if (!p.err && p.cur != t->root)
		perr(&p, p.cur->line,
		     L(lang, "mục " NAMEFMT " chưa được đóng", "unclosed section " NAMEFMT),
		     NAMEARG(p.cur->s, p.cur->len));
	if (p.err) {
		mst_free(t);
		if (err)
			*err = p.err;
		else
			free(p.err);
		return NULL;
	}
	return t;
}

void
mst_free(struct mst *t)
{
	if (!t)
		return;
	struct op *o = t->all;
	while (o) {
		struct op *next = o->all;
		free(o->s);
		free(o->indent);
		free(o);
		o = next;
	}
	free(t->name);
	free(t);
}

/* ==== rendering ==== */

struct pcache {
	char *name;    /* partial name; owned */
	struct mst *t; /* parsed partial, NULL when not found; owned */
	struct pcache *next;
};

struct rstate {
	mst_partial_fn pf;
	void *pctx;
	mst_escape_fn esc;
	void *ectx;
	struct buf *out;
	size_t out0;               /* out->len when rendering started */
	enum lang lang;            /* of messages */
	struct mst_limits lim;     /* with defaults filled in */
	const struct node **stack; /* context stack, top at n-1 */
	size_t n, cap;
	struct buf indent;    /* prepended to each template line */
	int bol;              /* at the beginning of a template line */
	unsigned depth;       /* sections and partials being rendered */
	size_t steps;         /* ops executed */
	struct pcache *cache; /* partials parsed so far */
	char *err;            /* first error; owned */
};

static int rerr(struct rstate *st, const char *tname, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
rerr(struct rstate *st, const char *tname, unsigned line, const char *fmt, ...)
{
	if (st->err)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	st->err = xasprintf("%s:%u: %s", tname, line, msg);
	free(msg);
	return 0;
}

/* Value of key k[klen] in a map, or NULL. */
static const struct node *
map_get(const struct node *m, const char *k, size_t klen)
{
	if (!m || m->kind != NODE_MAP)
		return NULL;
	for (size_t i = 0; i < m->len; i++) {
		const struct node *key = m->pairs[i].key;
		if (key && key->kind == NODE_SCALAR && key->len == klen &&
		    memcmp(key->str, k, klen) == 0)
			return m->pairs[i].value;
	}
	return NULL;
}

/* Resolve a (dotted) name against the stack; NULL when it fails. */
static const struct node *
lookup(const struct rstate *st, const char *name, size_t len)
{
	if (st->n == 0)
		return NULL;
	if (len == 1 && name[0] == '.')
		return st->stack[st->n - 1];
	const char *dot = memchr(name, '.', len);
	size_t k = dot ? (size_t)(dot - name) : len;
	const struct node *v = NULL;
	size_t i = st->n;
	while (i-- > 0)
		if ((v = map_get(st->stack[i], name, k)) != NULL)
			break;
	while (v && dot) {
		const char *seg = dot + 1;
		size_t rest = len - (size_t)(seg - name);
		dot = memchr(seg, '.', rest);
		k = dot ? (size_t)(dot - seg) : rest;
		v = map_get(v, seg, k);
	}
	return v;
}

int
mst_truthy(const struct node *n)
{
	if (!n)
		return 0;
	switch (n->kind) {
	case NODE_SEQ: return n->len > 0;
	case NODE_MAP: return 1;
	case NODE_SCALAR:
		if (n->len == 0 || node_is_null(n))
			return 0;
		if (n->plain && (!strcmp(n->str, "false") || !strcmp(n->str, "False") ||
		                 !strcmp(n->str, "FALSE")))
			return 0;
		return 1;
	}
	return 0;
}

static void
push(struct rstate *st, const struct node *n)
{
	st->stack = xgrow(st->stack, &st->cap, st->n + 1, sizeof *st->stack);
	st->stack[st->n++] = n;
}

static int
check_output(struct rstate *st, const struct mst *t, const struct op *o)
{
	if (st->out->len - st->out0 <= st->lim.max_output)
		return 1;
	return rerr(st, t->name, o->line,
	            L(st->lang, "kết quả vượt quá %zu byte", "output exceeds %zu bytes"),
	            st->lim.max_output);
}

/* Template text: the indentation goes before each line it starts. */
static void
emit_text(struct rstate *st, const char *s, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) + 1 : len;
		if (st->bol && st->indent.len)
			buf_put(st->out, st->indent.data, st->indent.len);
		buf_put(st->out, s, n);
		st->bol = nl != NULL;
		s += n;
		len -= n;
	}
}

static void
emit_value(struct rstate *st, const struct node *v, int escape)
{
	const char *s = node_text(v);
	if (!s || v->len == 0)
		return;
	if (st->bol && st->indent.len)
		buf_put(st->out, st->indent.data, st->indent.len);
	st->bol = 0;
	if (escape && st->esc)
		st->esc(st->ectx, st->out, s, v->len);
	else
		buf_put(st->out, s, v->len);
}

static int render_ops(struct rstate *st, const struct mst *t, const struct op *o);

/* The parsed partial "name", from the cache or through the callback.
 * Returns 1 with *pt set (NULL: no such partial), 0 on a parse error. */
static int
get_partial(struct rstate *st, const struct op *o, struct mst **pt)
{
	for (struct pcache *c = st->cache; c; c = c->next)
		if (!strcmp(c->name, o->s)) {
			*pt = c->t;
			return 1;
		}
	struct pcache *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(o->s);
	c->next = st->cache;
	st->cache = c;
	char *text = NULL;
	size_t len = 0;
	if (st->pf && st->pf(st->pctx, o->s, &text, &len) == 1) {
		char *perrmsg = NULL;
		c->t = mst_parse(o->s, text ? text : "", text ? len : 0, st->lang, &perrmsg);
		free(text);
		if (!c->t) {
			if (!st->err)
				st->err = perrmsg;
			else
				free(perrmsg);
			return 0;
		}
	} else
		free(text);
	*pt = c->t;
	return 1;
}

static int
render_partial(struct rstate *st, const struct op *o)
{
	struct mst *pt;
	if (!get_partial(st, o, &pt))
		return 0;
	if (!pt)
		return 1;
	size_t saved = st->indent.len;
	if (o->standalone) {
		buf_put(&st->indent, o->indent, o->indent_len);
		st->bol = 1;
	}
	int ok = render_ops(st, pt, pt->root->child);
	st->indent.len = saved;
	if (st->indent.data)
		st->indent.data[saved] = '\0';
	return ok;
}

static int
render_section(struct rstate *st, const struct mst *t, const struct op *o)
{
	const struct node *v = lookup(st, o->s, o->len);
	int truthy = mst_truthy(v);
	if (o->type == OP_INVERTED) {
		return truthy ? 1 : render_ops(st, t, o->child);
	}
	if (!truthy)
		return 1;
	if (v->kind == NODE_SEQ) {
		for (size_t i = 0; i < v->len; i++) {
			push(st, v->items[i]);
			int ok = render_ops(st, t, o->child);
			st->n--;
			if (!ok)
				return 0;
		}
		return 1;
	}
	push(st, v);
	int ok = render_ops(st, t, o->child);
	st->n--;
	return ok;
}

/* Render the ops o, o->next, ... of template t. */
static int
render_ops(struct rstate *st, const struct mst *t, const struct op *o)
{
	if (!o)
		return 1;
	if (st->depth >= st->lim.max_depth)
		return rerr(st, t->name, o->line,
		            L(st->lang, "mẫu lồng nhau quá sâu (giới hạn %u)",
		              "template nesting too deep (limit %u)"),
		            st->lim.max_depth);
	st->depth++;
	int ok = 1;
	for (; ok && o; o = o->next) {
		if (++st->steps > st->lim.max_steps) {
			ok = rerr(st, t->name, o->line,
			          L(st->lang, "mẫu quá phức tạp (hơn %zu bước)",
			            "template too complex (more than %zu steps)"),
			          st->lim.max_steps);
			break;
		}
		switch (o->type) {
		case OP_TEXT: emit_text(st, o->s, o->len); break;
		case OP_VAR:
		case OP_RAW: emit_value(st, lookup(st, o->s, o->len), o->type == OP_VAR); break;
		case OP_SECTION:
		case OP_INVERTED: ok = render_section(st, t, o); break;
		case OP_PARTIAL: ok = render_partial(st, o); break;
		case OP_ROOT: break;
		}
		if (ok)
			ok = check_output(st, t, o);
	}
	st->depth--;
	return ok;
}

struct mst_kept {
	struct pcache *list;
};

static void
pcache_free(struct pcache *c)
{
	while (c) {
		struct pcache *next = c->next;
		mst_free(c->t);
		free(c->name);
		free(c);
		c = next;
	}
}

void
mst_kept_free(struct mst_kept *k)
{
	if (!k)
		return;
	pcache_free(k->list);
	free(k);
}

static int
render(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
       mst_escape_fn esc, void *ectx, const struct mst_limits *lim, struct mst_kept **kept,
       struct buf *out, char **err)
{
	struct rstate st = {0};
	if (kept && *kept) {
		st.cache = (*kept)->list;
		(*kept)->list = NULL;
	}
	st.pf = pf;
	st.pctx = pctx;
	st.esc = esc;
	st.ectx = ectx;
	st.out = out;
	st.out0 = out->len;
	st.lang = t->lang;
	if (lim)
		st.lim = *lim;
	if (!st.lim.max_depth)
		st.lim.max_depth = DEF_DEPTH;
	if (!st.lim.max_output)
		st.lim.max_output = DEF_OUTPUT;
	if (!st.lim.max_steps)
		st.lim.max_steps = DEF_STEPS;
	st.bol = 1;
	push(&st, data);

	int ok = render_ops(&st, t, t->root->child);

	free(st.stack);
	buf_free(&st.indent);
	if (kept) { /* the partials that parsed go back, the others */
		if (!*kept)
			*kept = xcalloc(1, sizeof **kept);
		while (st.cache) {
			struct pcache *next = st.cache->next;
			if (st.cache->t) {
				st.cache->next = (*kept)->list;
				(*kept)->list = st.cache;
			} else {
				st.cache->next = NULL;
				pcache_free(st.cache);
			}
			st.cache = next;
		}
	}
	pcache_free(st.cache);
	if (!ok) {
		if (err)
			*err = st.err;
		else
			free(st.err);
		return 0;
	}
	return 1;
}

int
mst_render_lim(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
               mst_escape_fn esc, void *ectx, const struct mst_limits *lim, struct buf *out,
               char **err)
{
	return render(t, data, pf, pctx, esc, ectx, lim, NULL, out, err);
}

int
mst_render(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
           mst_escape_fn esc, void *ectx, struct buf *out, char **err)
{
	return render(t, data, pf, pctx, esc, ectx, NULL, NULL, out, err);
}

int
mst_render_kept(const struct mst *t, const struct node *data, mst_partial_fn pf, void *pctx,
                mst_escape_fn esc, void *ectx, struct mst_kept **kept, struct buf *out, char **err)
{
	return render(t, data, pf, pctx, esc, ectx, NULL, kept, out, err);
}

void
mst_escape_html(void *ctx, struct buf *out, const char *s, size_t len)
{
	(void)ctx;
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_put(out, s + from, i - from);
		buf_puts(out, rep);
		from = i + 1;
	}
	buf_put(out, s + from, len - from);
}
