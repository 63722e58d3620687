/*
 * load.c: the only file that includes <yaml.h>.  Consumes libyaml's event
 * stream and builds the node tree in one arena, checking what libyaml
 * 0.2.5 does not: duplicate keys, UTF-8 validity and NUL bytes, more than
 * one document, and bounds on depth, scalar size, node count and alias
 * expansion (alias bombs).  libyaml marks are 0-based; +1 happens here.
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "xalloc.h"

void
load_limits_default(struct load_limits *lim)
{
	lim->max_file = 8u << 20;
	lim->max_scalar = 1u << 20;
	lim->max_depth = 64;
	lim->max_nodes = 1000000;
	lim->max_aliases = 10000;
}

struct anchor {
	char *name;	    /* owned */
	struct node *node;  /* in the arena */
	size_t weight;	    /* nodes below it, aliases expanded */
};

struct frame {
	struct node *node;  /* collection being filled */
	struct node *key;   /* map: pending key, NULL when a key is due */
	size_t weight;	    /* nodes so far, aliases expanded */
	char *anchor;	    /* owned: anchor of this collection, or NULL */
};

struct loader {
	const char *name;
	const struct load_limits *lim;
	enum lang lang;
	struct diags *dq;
	struct doc *doc;
	struct arena *arena;
	struct frame *stack;
	size_t depth, cap;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
	size_t nodes, aliases;
	int failed;
};

static struct mark
mk(yaml_mark_t m)
{
	struct mark r = {(unsigned)m.line + 1, (unsigned)m.column + 1};
	return r;
}

static void
finding(struct loader *ld, struct mark m, enum sev sev, const char *rule, const char *vi,
	const char *en, const char *arg)
{
	diags_add(ld->dq, ld->name, m, sev, rule, "", L(ld->lang, vi, en), arg ? arg : "");
}

static int
fail(struct loader *ld, struct mark m, const char *rule, const char *vi, const char *en,
     const char *arg)
{
	finding(ld, m, SEV_ERROR, rule, vi, en, arg);
	ld->failed = 1;
	return 0;
}

static struct anchor *
find_anchor(struct loader *ld, const char *name)
{
	/* Latest definition wins: YAML allows an anchor to be redefined. */
	for (size_t i = ld->nanchors; i-- > 0;)
		if (!strcmp(ld->anchors[i].name, name))
			return &ld->anchors[i];
	return NULL;
}

static void
add_anchor(struct loader *ld, char *name, struct node *n, size_t weight)
{
	ld->anchors = xgrow(ld->anchors, &ld->anchors_cap, ld->nanchors + 1, sizeof *ld->anchors);
	ld->anchors[ld->nanchors].name = name;
	ld->anchors[ld->nanchors].node = n;
	ld->anchors[ld->nanchors].weight = weight;
	ld->nanchors++;
}

/* Attach a finished node to its parent (or as the root). */
static int
attach(struct loader *ld, struct node *n, size_t weight, struct mark m)
{
	ld->nodes += weight;
	if (ld->nodes > ld->lim->max_nodes)
		return fail(ld, m, "yaml-limit", "tài liệu có quá nhiều nút (quá %s)",
			    "document has too many nodes (over %s)", "max_nodes");
	if (ld->depth == 0) {
		ld->doc->root = n;
		return 1;
	}
	struct frame *f = &ld->stack[ld->depth - 1];
	f->weight += weight;
	struct node *c = f->node;
	if (c->kind == NODE_SEQ) {
		node_seq_push(ld->arena, c, n);
		return 1;
	}
	if (!f->key) {
		/* A key: check duplicates among scalar keys. */
		if (n->kind == NODE_SCALAR) {
			for (size_t i = 0; i < c->len; i++) {
				struct node *k = c->pairs[i].key;
				if (k->kind == NODE_SCALAR && k->len == n->len &&
				    !memcmp(k->str, n->str, n->len)) {
					char *msg = xasprintf("%u:%u", k->mark.line, k->mark.col);
					finding(ld, n->mark, SEV_ERROR, "yaml-duplicate-key",
						"khóa bị lặp lại (đã có ở dòng %s); giá trị sau sẽ âm thầm thay giá trị trước",
						"duplicate key (first at %s); the later value would silently win",
						msg);
					free(msg);
					break;
				}
			}
		}
		f->key = n;
		return 1;
	}
	/* The value: append the pair (node_map_put copies a key string; do it by hand). */
	struct node tmp = *c;
	node_map_put(ld->arena, &tmp, "", n);
	tmp.pairs[tmp.len - 1].key = f->key;
	*c = tmp;
	f->key = NULL;
	return 1;
}

static int
check_text(struct loader *ld, const char *s, size_t len, struct mark m)
{
	if (memchr(s, '\0', len))
		return fail(ld, m, "yaml-encoding", "văn bản chứa byte NUL%s",
			    "text contains a NUL byte%s", "");
	return 1;
}

static int
on_scalar(struct loader *ld, yaml_event_t *ev)
{
	struct mark m = mk(ev->start_mark);
	size_t len = ev->data.scalar.length;
	if (len > ld->lim->max_scalar)
		return fail(ld, m, "yaml-limit", "giá trị quá dài (giới hạn %s byte)",
			    "value too long (limit %s bytes)", "1048576");
	const char *s = (const char *)ev->data.scalar.value;
	if (!check_text(ld, s, len, m))
		return 0;
	struct node *n = arena_alloc(ld->arena, sizeof *n);
	n->kind = NODE_SCALAR;
	n->mark = m;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (ev->data.scalar.tag)
		n->tag = arena_strdup(ld->arena, (const char *)ev->data.scalar.tag);
	if (text_is_nfc(s)) {
		n->str = arena_strndup(ld->arena, s, len);
		n->len = len;
	} else {
		char *nfc = text_nfc(s);
		finding(ld, m, SEV_INFO, "text-not-nfc",
			"văn bản không ở dạng chuẩn Unicode NFC (dấu tách rời)%s; đã chuẩn hóa khi xuất",
			"text is not in Unicode NFC (decomposed diacritics)%s; normalised for output",
			"");
		n->str = arena_strdup(ld->arena, nfc);
		n->len = strlen(nfc);
		free(nfc);
	}
	if (ev->data.scalar.anchor)
		add_anchor(ld, xstrdup((const char *)ev->data.scalar.anchor), n, 1);
	return attach(ld, n, 1, m);
}

static int
on_start(struct loader *ld, yaml_event_t *ev, enum node_kind kind)
{
	struct mark m = mk(ev->start_mark);
	if (ld->depth >= ld->lim->max_depth)
		return fail(ld, m, "yaml-limit", "lồng nhau quá sâu (giới hạn %s cấp)",
			    "nesting too deep (limit %s levels)", "64");
	struct node *n = kind == NODE_MAP ? node_new_map(ld->arena) : node_new_seq(ld->arena);
	n->mark = m;
	yaml_char_t *anchor = kind == NODE_MAP ? ev->data.mapping_start.anchor
					       : ev->data.sequence_start.anchor;
	yaml_char_t *tag = kind == NODE_MAP ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
	if (tag)
		n->tag = arena_strdup(ld->arena, (const char *)tag);
	ld->stack = xgrow(ld->stack, &ld->cap, ld->depth + 1, sizeof *ld->stack);
	struct frame *f = &ld->stack[ld->depth++];
	f->node = n;
	f->key = NULL;
	f->weight = 1;
	f->anchor = anchor ? xstrdup((const char *)anchor) : NULL;
	return 1;
}

static int
on_end(struct loader *ld, yaml_event_t *ev)
{
	struct frame f = ld->stack[--ld->depth];
	if (f.anchor)
		add_anchor(ld, f.anchor, f.node, f.weight);
	return attach(ld, f.node, f.weight, f.node->mark);
}

static int
on_alias(struct loader *ld, yaml_event_t *ev)
{
	struct mark m = mk(ev->start_mark);
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *a = find_anchor(ld, name);
	if (!a)
		return fail(ld, m, "yaml-syntax", "bí danh '%s' không trỏ tới neo nào",
			    "alias '%s' names no anchor", name);
	if (++ld->aliases > ld->lim->max_aliases)
		return fail(ld, m, "yaml-limit", "quá nhiều bí danh (alias)%s",
			    "too many aliases%s", "");
	return attach(ld, a->node, a->weight, m);
}

static void
parser_error(struct loader *ld, yaml_parser_t *p)
{
	struct mark m = mk(p->problem_mark);
	const char *problem = p->problem ? p->problem : "syntax error";
	if (p->error == YAML_READER_ERROR) {
		/* The reader reports offsets, not lines: find the line ourselves. */
		fail(ld, m, "yaml-encoding", "mã hóa không hợp lệ: %s", "invalid encoding: %s", problem);
		return;
	}
	char *msg = p->context ? xasprintf("%s %s", p->context, problem) : xstrdup(problem);
	fail(ld, m, "yaml-syntax", "YAML không hợp lệ: %s", "malformed YAML: %s", msg);
	free(msg);
}

/* Line and column of byte offset off. */
static struct mark
mark_at(const char *data, size_t off)
{
	struct mark m = {1, 1};
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n') {
			m.line++;
			m.col = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			m.col++;
		}
	}
	return m;
}

struct doc *
load_yaml(const char *data, size_t len, const char *name, const struct load_limits *lim_in,
	  enum lang lang, struct diags *dq)
{
	struct load_limits lim_default;
	if (!lim_in) {
		load_limits_default(&lim_default);
		lim_in = &lim_default;
	}
	struct loader ld = {0};
	ld.name = name;
	ld.lim = lim_in;
	ld.lang = lang;
	ld.dq = dq;
	struct mark top = {1, 1};
	if (len > lim_in->max_file) {
		fail(&ld, top, "yaml-limit", "tệp quá lớn (giới hạn %s byte)",
		     "file too large (limit %s bytes)", "8388608");
		return NULL;
	}
	/* libyaml stops at a NUL and reports invalid UTF-8 by offset only:
	 * check both first, with a line and column. */
	const char *nul = memchr(data, '\0', len);
	size_t bad = text_utf8_check(data, nul ? (size_t)(nul - data) : len);
	if (nul && bad == (size_t)(nul - data)) {
		fail(&ld, mark_at(data, bad), "yaml-encoding", "tệp chứa byte NUL%s",
		     "file contains a NUL byte%s", "");
		return NULL;
	}
	if (bad < len) {
		fail(&ld, mark_at(data, bad), "yaml-encoding", "tệp không phải UTF-8 hợp lệ%s",
		     "file is not valid UTF-8%s", "");
		return NULL;
	}

	ld.arena = arena_new();
	ld.doc = arena_alloc(ld.arena, sizeof *ld.doc);
	ld.doc->arena = ld.arena;
	ld.doc->file = arena_strdup(ld.arena, name);

	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	int docs = 0, done = 0;
	while (!done && !ld.failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&ld, &parser);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT: done = 1; break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				fail(&ld, mk(ev.start_mark), "yaml-multiple-documents",
				     "tệp có nhiều hơn một tài liệu YAML%s; mỗi tệp chỉ ghi một chuyến đi",
				     "file holds more than one YAML document%s; one record per file",
				     "");
			break;
		case YAML_SCALAR_EVENT: on_scalar(&ld, &ev); break;
		case YAML_SEQUENCE_START_EVENT: on_start(&ld, &ev, NODE_SEQ); break;
		case YAML_MAPPING_START_EVENT: on_start(&ld, &ev, NODE_MAP); break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT: on_end(&ld, &ev); break;
		case YAML_ALIAS_EVENT: on_alias(&ld, &ev); break;
		default: break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	for (size_t i = 0; i < ld.depth; i++)
		free(ld.stack[i].anchor);
	free(ld.stack);
	for (size_t i = 0; i < ld.nanchors; i++)
		free(ld.anchors[i].name);
	free(ld.anchors);
	if (ld.failed) {
		arena_free(ld.arena);
		return NULL;
	}
	return ld.doc;
}
