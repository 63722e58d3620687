/*
 * load.c: the only file that includes <yaml.h>.  Consumes libyaml's event
 * stream and builds the node tree in one arena, checking what libyaml
 * 0.2.5 does not: duplicate keys, UTF-8 validity and NUL bytes, more than
 * one document, anchors and aliases, and bounds on depth, scalar size,
 * node count and alias expansion (alias bombs).  libyaml marks are
 * 0-based; +1 happens here.  libyaml's English messages are translated
 * here too.  It also gives libyaml its memory while a document is parsed.
 */
#include "load.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fsutil.h"
#include "strmap.h"
#include "text.h"
#include "xalloc.h"

void
load_limits_default(struct load_limits *lim)
{
	/* A record with 20,000 tasks and their updates is about 5 MB and
	 * 300,000 nodes: both limits leave room for three times that. */
	lim->max_file = 16u << 20;
	lim->max_scalar = 1u << 20;
	lim->max_depth = 64;
	lim->max_nodes = 1000000;
	lim->max_aliases = 10000;
	/* as much text as the largest file holds: only aliases make more */
	lim->max_text = lim->max_file;
}

/* ==== libyaml's memory ==== */

/* libyaml 0.2.5 takes all its memory through yaml_malloc, yaml_realloc,
 * yaml_strdup and yaml_free, and calls them through the dynamic linker,
 * so the program's own definitions below are the ones it calls.  While a
 * document is parsed (load_yaml_both), the thousands of small blocks a
 * record's tokens and events take come from a pool of that parse, by
 * size, each freed block kept for the next of its size, and the pool's
 * memory goes whole once the parser and its events are gone: a record's
 * check spent more on malloc and free for libyaml than on its own tree.
 * Outside a parse (and for large blocks) they are malloc's. */

enum {
	YP_STEP = 16,     /* block sizes, and their alignment */
	YP_CLASSES = 64,  /* pooled blocks: up to 1 KiB */
	YP_CHUNK = 32768, /* what the pool takes of malloc at a time */
};

struct yp_head {     /* before each block, YP_STEP bytes */
	size_t cls;  /* 1..YP_CLASSES: pooled, cls * YP_STEP bytes; 0: malloc's */
	size_t size; /* a block of malloc's: its size */
};

struct yp_chunk {
	struct yp_chunk *next;
	_Alignas(YP_STEP) unsigned char data[];
};

struct ypool {
	struct yp_chunk *chunks;
	unsigned char *at; /* the rest of the newest chunk */
	size_t room;
	void *freed[YP_CLASSES]; /* freed blocks by class, linked through their first bytes */
};

static _Thread_local struct ypool *ypool; /* the parse under way on this thread */

static void *
yp_alloc(struct ypool *p, size_t size)
{
	size_t cls = size ? (size + YP_STEP - 1) / YP_STEP : 1;
	if (cls > YP_CLASSES) {
		struct yp_head *h = malloc(sizeof *h + size);
		if (!h)
			return NULL;
		*h = (struct yp_head){0, size};
		return h + 1;
	}
	void *b = p->freed[cls - 1];
	if (b) {
		memcpy(&p->freed[cls - 1], b, sizeof(void *));
		return b;
	}
	size_t need = sizeof(struct yp_head) + cls * YP_STEP;
	if (p->room < need) {
		struct yp_chunk *c = malloc(sizeof *c + YP_CHUNK);
		if (!c)
			return NULL;
		c->next = p->chunks;
		p->chunks = c;
		p->at = c->data;
		p->room = YP_CHUNK;
	}
	struct yp_head *h = (struct yp_head *)(void *)p->at;
	p->at += need;
	p->room -= need;
	*h = (struct yp_head){cls, 0};
	return h + 1;
}

static void
yp_free(struct ypool *p, void *b)
{
	struct yp_head *h = (struct yp_head *)b - 1;
	if (!h->cls) {
		free(h);
		return;
	}
	memcpy(b, &p->freed[h->cls - 1], sizeof(void *));
	p->freed[h->cls - 1] = b;
}

void *yaml_malloc(size_t size);
void *yaml_realloc(void *ptr, size_t size);
void yaml_free(void *ptr);
yaml_char_t *yaml_strdup(const yaml_char_t *str);

/* While the loaded libyaml is tried (yp_check): how many of its blocks
 * came and went through the four functions below. */
static _Thread_local int yp_counting;
static _Thread_local size_t yp_got, yp_gone;

static void *
yp_counted(void *p)
{
	yp_got += yp_counting && p;
	return p;
}

void *
yaml_malloc(size_t size)
{
	return ypool ? yp_alloc(ypool, size) : yp_counted(malloc(size ? size : 1));
}

void *
yaml_realloc(void *ptr, size_t size)
{
	if (!ypool)
		return ptr ? realloc(ptr, size ? size : 1) : yp_counted(malloc(size ? size : 1));
	if (!ptr)
		return yp_alloc(ypool, size);
	struct yp_head *h = (struct yp_head *)ptr - 1;
	size_t have = h->cls ? h->cls * YP_STEP : h->size;
	if (size <= have)
		return ptr;
	if (!h->cls) {
		struct yp_head *n = realloc(h, sizeof *n + size);
		if (!n)
			return NULL;
		n->size = size;
		return n + 1;
	}
	void *n = yp_alloc(ypool, size);
	if (n) {
		memcpy(n, ptr, have);
		yp_free(ypool, ptr);
	}
	return n;
}

void
yaml_free(void *ptr)
{
	if (!ptr)
		return;
	yp_gone += yp_counting;
	if (ypool)
		yp_free(ypool, ptr);
	else
		free(ptr);
}

yaml_char_t *
yaml_strdup(const yaml_char_t *str)
{
	if (!str)
		return NULL;
	size_t n = strlen((const char *)str) + 1;
	yaml_char_t *p = yaml_malloc(n);
	return p ? memcpy(p, str, n) : NULL;
}

/* Whether the libyaml loaded takes all its memory here: 0.2.5, as Debian
 * builds it, calls these four through the dynamic linker; a build that
 * binds some of its calls within itself (link-time optimisation,
 * -Bsymbolic) would free with free() a block of the pool, or the other
 * way round.  So it is tried once on a document that takes the parser
 * through mappings, sequences, flow collections, anchors, aliases, tags,
 * block scalars, a comment and an error: every block it took must have
 * come here and gone here.  Otherwise its memory stays malloc's. */
static int yp_usable;
static pthread_once_t yp_once = PTHREAD_ONCE_INIT;

static void
yp_check(void)
{
	int major, minor, patch;
	yaml_get_version(&major, &minor, &patch);
	if (!(major == 0 && minor == 2 && patch == 5))
		return;
	static const char doc[] = "%YAML 1.1\n---\n# a comment\n"
	                          "a: &x {b: [1, 'two', \"th\\u00e9\"], c: !!str d}\n"
	                          "e: *x\n"
	                          "f: |\n  long\n  text\n"
	                          "g:\n  - h\n  - i: j\n"
	                          "k: [unclosed\n";
	yp_counting = 1;
	yp_got = yp_gone = 0;
	yaml_parser_t parser;
	if (yaml_parser_initialize(&parser)) {
		yaml_parser_set_input_string(&parser, (const unsigned char *)doc, sizeof doc - 1);
		yaml_event_t ev;
		while (yaml_parser_parse(&parser, &ev)) {
			int end = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
			if (end)
				break;
		}
		yaml_parser_delete(&parser);
	}
	yp_counting = 0;
	yp_usable = yp_got > 0 && yp_got == yp_gone;
}

/* The pool's memory, once nothing of libyaml's holds any. */
static void
yp_release(struct ypool *p)
{
	while (p->chunks) {
		struct yp_chunk *c = p->chunks;
		p->chunks = c->next;
		free(c);
	}
}

/* ==== the loader ==== */

/* A map with fewer keys than this is searched linearly for duplicates. */
#define LINEAR_KEYS 16

struct anchor {
	char *name;        /* owned */
	struct node *node; /* latest node defined with this name */
	size_t weight;     /* nodes it stands for, aliases expanded; 0 while open */
	size_t bytes;      /* bytes of text it stands for, aliases expanded */
};

struct frame {
	struct node *node;  /* collection being filled */
	size_t base;        /* its children start at ld->items[base] */
	size_t weight;      /* nodes so far, aliases expanded (saturating) */
	size_t bytes;       /* bytes of text so far, aliases expanded (saturating) */
	size_t anchor;      /* index in ld->anchors, or SIZE_MAX */
	struct strmap keys; /* map: scalar keys → pair index, once large */
	uint64_t seen;      /* map: a bit for each key so far, by key_bit */
	int drop;           /* map: drop the pending pair (a merge key, a repeat) */
};

/* Findings of one rule beyond this many are counted, not listed: a file
 * of a million decomposed scalars must not make a million messages. */
#define MAX_PER_RULE 100
#define NTALLY 12 /* more than the rules the loader has */

struct tally {
	const char *rule; /* NULL: free */
	enum sev sev;
	size_t n;          /* findings of the rule so far */
	struct mark first; /* where the first unlisted one was */
};

struct loader {
	const char *name;              /* file name for findings */
	const struct load_limits *lim; /* never NULL */
	enum lang lang;
	struct diags *dq;
	struct diags *other; /* the same findings in the other language, or NULL */
	struct doc *doc;
	struct arena *arena;
	struct frame *stack; /* owned; open collections, [depth] */
	size_t depth, cap;
	struct node **items; /* owned; children of open collections; maps alternate key, value */
	size_t nitems, items_cap;
	struct anchor *anchors; /* owned; one per distinct name */
	size_t nanchors, anchors_cap;
	struct strmap anchor_tab;   /* name → index in anchors */
	size_t nodes;               /* nodes so far, aliases expanded */
	size_t text;                /* bytes of text so far, aliases expanded */
	size_t aliases;             /* alias events so far */
	int failed;                 /* an error made the tree unusable */
	struct tally tally[NTALLY]; /* per rule, for MAX_PER_RULE */
	size_t nfd;                 /* values not in NFC: one cause, one finding */
	struct mark nfd_first;
	int nfc; /* every scalar is NFC: the file's characters all are, and no escape */
};

static struct mark
mk(yaml_mark_t m)
{
	struct mark r = {(unsigned)m.line + 1, (unsigned)m.column + 1};
	return r;
}

static size_t
sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Add a finding whose two messages take the same arguments. */
static void finding(struct loader *ld, struct mark m, enum sev sev, const char *rule,
                    const char *vi, const char *en, ...) __attribute__((format(printf, 5, 7)))
__attribute__((format(printf, 6, 7)));

static void
finding(struct loader *ld, struct mark m, enum sev sev, const char *rule, const char *vi,
        const char *en, ...)
{
	struct tally *t = ld->tally;
	while (t < ld->tally + NTALLY - 1 && t->rule && strcmp(t->rule, rule))
		t++;
	t->rule = rule, t->sev = sev;
	if (++t->n > MAX_PER_RULE) {
		if (t->n == MAX_PER_RULE + 1)
			t->first = m;
		return;
	}
	va_list ap;
	va_start(ap, en);
	if (ld->other) {
		va_list again;
		va_copy(again, ap);
		diags_vadd(ld->other, ld->name, m, sev, rule, "", L(!ld->lang, vi, en), again);
		va_end(again);
	}
	diags_vadd(ld->dq, ld->name, m, sev, rule, "", L(ld->lang, vi, en), ap);
	va_end(ap);
}

/* One finding per rule that had findings left out, into dq in lang. */
static void
tally_report(const struct loader *ld, struct diags *dq, enum lang lang)
{
	for (const struct tally *t = ld->tally; t < ld->tally + NTALLY && t->rule; t++)
		if (t->n > MAX_PER_RULE)
			diags_add(dq, ld->name, t->first, t->sev, t->rule, "",
			          L(lang,
			            "còn %zu phát hiện%s cùng loại từ đây đến cuối tệp không được "
			            "liệt kê",
			            "%zu more %s of this kind from here to the end of the "
			            "file not listed"),
			          t->n - MAX_PER_RULE,
			          L(lang, "", PL(t->n - MAX_PER_RULE, "finding", "findings")));
}

/* Text pasted from an NFD source decomposes every value alike: one finding
 * at the first value, with the count, into dq in lang. */
static void
nfd_report(const struct loader *ld, struct diags *dq, enum lang lang)
{
	if (ld->nfd == 1)
		diags_add(dq, ld->name, ld->nfd_first, SEV_INFO, "text-not-nfc", "",
		          L(lang,
		            "văn bản không ở dạng chuẩn Unicode NFC (dấu thanh tách rời khỏi chữ); "
		            "đã chuẩn hóa khi xuất",
		            "text is not in Unicode NFC (decomposed diacritics); normalised for "
		            "output"));
	else if (ld->nfd > 1)
		diags_add(dq, ld->name, ld->nfd_first, SEV_INFO, "text-not-nfc", "",
		          L(lang,
		            "%zu giá trị, từ giá trị này trở đi, không ở dạng chuẩn Unicode NFC "
		            "(dấu thanh tách rời khỏi chữ); đã chuẩn hóa khi xuất",
		            "%zu values, from this one on, are not in Unicode NFC (decomposed "
		            "diacritics); normalised for output"),
		          ld->nfd);
}

/* An error that makes the document unusable: loading stops.  Returns 0. */
#define FAIL(ld, m, rule, ...)                                                                     \
	(finding((ld), (m), SEV_ERROR, (rule), __VA_ARGS__), (ld)->failed = 1, 0)

/* A one-line quotation of s for a message: at most max code points,
 * control characters as spaces.  Caller frees. */
static char *
excerpt(const char *s, size_t len, size_t max)
{
	char *r = xmalloc((len < 4 * max ? len : 4 * max) + 4);
	size_t o = 0, cps = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) != 0x80 && cps++ == max) {
			memcpy(r + o, "\xe2\x80\xa6", 3); /* … */
			o += 3;
			break;
		}
		r[o++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	r[o] = '\0';
	return r;
}

/* Count n more nodes against max_nodes and bytes more of text against
 * max_text: a few aliases of a long value would otherwise make gigabytes
 * of a small file. */
static int
count_nodes(struct loader *ld, size_t n, size_t bytes, struct mark m)
{
	ld->nodes = sat_add(ld->nodes, n);
	ld->text = sat_add(ld->text, bytes);
	int nodes = ld->nodes > ld->lim->max_nodes;
	if (!nodes && ld->text <= ld->lim->max_text)
		return 1;
	return FAIL(ld, m, "yaml-limit",
	            nodes
	                ? "tài liệu quá lớn: hơn %zu nút (mỗi bí danh tính bằng số nút nó thay thế)"
	                : "tài liệu quá lớn: hơn %zu byte văn bản (mỗi bí danh tính bằng phần văn "
	                  "bản nó thay thế)",
	            nodes ? "document too large: more than %zu nodes (each alias counts as what it "
	                    "stands for)"
	                  : "document too large: more than %zu bytes of text (each alias counts as "
	                    "the text it stands for)",
	            nodes ? ld->lim->max_nodes : ld->lim->max_text);
}

static struct anchor *
anchor_find(struct loader *ld, const char *name)
{
	struct strmap_slot *sl = strmap_find(&ld->anchor_tab, name, strlen(name));
	return sl ? &ld->anchors[sl->idx] : NULL;
}

/* Define (or redefine: YAML allows it, the latest wins) an anchor. */
static size_t
anchor_define(struct loader *ld, const char *name, struct node *n, size_t weight, size_t bytes)
{
	struct strmap_slot *sl = strmap_find(&ld->anchor_tab, name, strlen(name));
	size_t i;
	if (sl) {
		i = sl->idx;
	} else {
		ld->anchors =
		    xgrow(ld->anchors, &ld->anchors_cap, ld->nanchors + 1, sizeof *ld->anchors);
		i = ld->nanchors++;
		ld->anchors[i].name = xstrdup(name);
		strmap_add(&ld->anchor_tab, ld->anchors[i].name, strlen(name), i);
	}
	ld->anchors[i].node = n;
	ld->anchors[i].weight = weight;
	ld->anchors[i].bytes = bytes;
	return i;
}

static int
is_merge_key(const struct node *k)
{
	if (k->kind != NODE_SCALAR || strcmp(k->str, "<<"))
		return 0;
	return k->tag ? !strcmp(k->tag, "tag:yaml.org,2002:merge") : k->plain;
}

/* One of 64 bits for a key, from its length and three of its bytes: a
 * key whose bit no earlier key of its map has is no duplicate, and most
 * keys are told so without comparing them with the others. */
static uint64_t
key_bit(const struct node *k)
{
	const unsigned char *s = (const unsigned char *)k->str;
	size_t n = k->len;
	uint32_t h = (uint32_t)n * 0x9E3779B1u ^ s[0] * 0x85EBCA6Bu ^ s[n > 1] * 0x27D4EB2Fu ^
	             s[n ? n - 1 : 0] * 0xC2B2AE35u;
	return (uint64_t)1 << (h >> 26);
}

/* A new key of the map in frame f (not yet pushed): merge keys and
 * duplicates, each pair dropped, so that a repeated key's first value is
 * the one every reader sees.  Duplicates are compared after NFC, as later
 * stages see them; maps beyond LINEAR_KEYS keys use a hash table. */
static void
check_key(struct loader *ld, struct frame *f, struct node *k)
{
	if (is_merge_key(k)) {
		finding(ld, k->mark, SEV_ERROR, "yaml-merge-key",
		        "khóa gộp '<<' không được định dạng hồ sơ hỗ trợ; hãy ghi đầy đủ các "
		        "trường thay vì gộp từ neo (cặp này bị bỏ qua)",
		        "merge key '<<' is not supported by the record format; write the fields "
		        "out instead of merging an anchor (this pair is ignored)");
		f->drop = 1;
		return;
	}
	if (k->kind != NODE_SCALAR)
		return; /* complex keys: the schema reports them */
	size_t nkeys = (ld->nitems - f->base) / 2;
	struct node **keys = nkeys ? ld->items + f->base : NULL;
	const struct node *first = NULL;
	if (nkeys < LINEAR_KEYS) {
		uint64_t bit = key_bit(k);
		int maybe = (f->seen & bit) != 0;
		f->seen |= bit;
		for (size_t i = 0; maybe && i < nkeys && !first; i++) {
			const struct node *o = keys[2 * i];
			if (o->kind == NODE_SCALAR && o->len == k->len &&
			    !memcmp(o->str, k->str, k->len))
				first = o;
		}
	} else {
		if (!f->keys.cap)
			for (size_t i = 0; i < nkeys; i++) {
				const struct node *o = keys[2 * i];
				if (o->kind == NODE_SCALAR &&
				    !strmap_find(&f->keys, o->str, o->len))
					strmap_add(&f->keys, o->str, o->len, i);
			}
		struct strmap_slot *sl = strmap_find(&f->keys, k->str, k->len);
		if (sl)
			first = keys[2 * sl->idx];
		else
			strmap_add(&f->keys, k->str, k->len, nkeys);
	}
	if (!first)
		return;
	char *q = excerpt(k->str, k->len, 60);
	finding(ld, k->mark, SEV_ERROR, "yaml-duplicate-key",
	        "khóa '%s' bị lặp lại (lần đầu ở dòng %u, cột %u); giá trị ghi sau bị bỏ qua: "
	        "hãy ghi khóa này một lần",
	        "duplicate key '%s' (first at line %u, column %u); the later value is left out: "
	        "write the key once",
	        q, first->mark.line, first->mark.col);
	free(q);
	f->drop = 1;
}

/* Give a finished node of the given weight and bytes of text to its
 * parent (or make it the root). */
static void
attach(struct loader *ld, struct node *n, size_t weight, size_t bytes)
{
	if (ld->depth == 0) {
		ld->doc->root = n;
		return;
	}
	struct frame *f = &ld->stack[ld->depth - 1];
	f->weight = sat_add(f->weight, weight);
	f->bytes = sat_add(f->bytes, bytes);
	if (f->node->kind == NODE_MAP) {
		if ((ld->nitems - f->base) % 2 == 0) {
			check_key(ld, f, n);
		} else if (f->drop) {
			ld->nitems--; /* the key goes, and its value never comes */
			f->drop = 0;
			return;
		}
	}
	ld->items = xgrow(ld->items, &ld->items_cap, ld->nitems + 1, sizeof *ld->items);
	ld->items[ld->nitems++] = n;
}

static int
on_scalar(struct loader *ld, yaml_event_t *ev)
{
	struct mark m = mk(ev->start_mark);
	size_t len = ev->data.scalar.length;
	const char *s = (const char *)ev->data.scalar.value;
	const char *tag = (const char *)ev->data.scalar.tag;
	if (!count_nodes(ld, 1, len, m))
		return 0;
	if (len > ld->lim->max_scalar)
		return FAIL(ld, m, "yaml-limit", "giá trị dài %zu byte, vượt giới hạn %zu byte",
		            "value of %zu bytes exceeds the limit of %zu bytes", len,
		            ld->lim->max_scalar);
	/* The file has no NUL (checked up front): this one came from "\0". */
	if (memchr(s, '\0', len))
		return FAIL(ld, m, "yaml-encoding",
		            "chuỗi chứa ký tự NUL (viết bằng \\0); văn bản không được chứa NUL",
		            "string contains a NUL character (written as \\0); text cannot hold "
		            "NUL");
	struct node *n = arena_alloc(ld->arena, sizeof *n);
	n->kind = NODE_SCALAR;
	n->mark = m;
	/* "!" and "!!str" make a plain scalar a string: never null/bool/number. */
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	           !(tag && (!strcmp(tag, "!") || !strcmp(tag, YAML_STR_TAG)));
	if (tag)
		n->tag = arena_strdup(ld->arena, tag);
	if (ld->nfc || text_nfc_for_sure_n(s, len) || text_is_nfc(s)) {
		n->str = arena_strndup(ld->arena, s, len);
		n->len = len;
	} else {
		char *nfc = text_nfc(s);
		if (!ld->nfd++)
			ld->nfd_first = m; /* one finding per file, with a count (nfd_report) */
		n->len = strlen(nfc);
		n->str = arena_strndup(ld->arena, nfc, n->len);
		free(nfc);
	}
	if (ev->data.scalar.anchor)
		anchor_define(ld, (const char *)ev->data.scalar.anchor, n, 1, len);
	attach(ld, n, 1, len);
	return 1;
}

static int
on_start(struct loader *ld, yaml_event_t *ev, enum node_kind kind)
{
	struct mark m = mk(ev->start_mark);
	if (ld->depth >= ld->lim->max_depth)
		return FAIL(ld, m, "yaml-limit", "lồng nhau quá sâu: hơn %u cấp",
		            "nesting deeper than %u levels", ld->lim->max_depth);
	if (!count_nodes(ld, 1, 0, m))
		return 0;
	struct node *n = kind == NODE_MAP ? node_new_map(ld->arena) : node_new_seq(ld->arena);
	n->mark = m;
	const char *anchor = (const char *)(kind == NODE_MAP ? ev->data.mapping_start.anchor
	                                                     : ev->data.sequence_start.anchor);
	const char *tag = (const char *)(kind == NODE_MAP ? ev->data.mapping_start.tag
	                                                  : ev->data.sequence_start.tag);
	if (tag)
		n->tag = arena_strdup(ld->arena, tag);
	ld->stack = xgrow(ld->stack, &ld->cap, ld->depth + 1, sizeof *ld->stack);
	struct frame *f = &ld->stack[ld->depth++];
	memset(f, 0, sizeof *f);
	f->node = n;
	f->base = ld->nitems;
	f->weight = 1;
	/* Defined now, with weight 0 until the end: an alias met before then
	 * names a collection that contains it. */
	f->anchor = anchor ? anchor_define(ld, anchor, n, 0, 0) : SIZE_MAX;
	return 1;
}

static int
on_end(struct loader *ld)
{
	struct frame f = ld->stack[--ld->depth];
	struct node *n = f.node;
	size_t k = ld->nitems - f.base;
	struct node **kids = k ? ld->items + f.base : NULL;
	if (n->kind == NODE_SEQ) {
		n->items = arena_alloc(ld->arena, (k ? k : 1) * sizeof *n->items);
		if (k)
			memcpy(n->items, kids, k * sizeof *n->items);
		n->len = n->cap = k;
	} else {
		n->len = n->cap = k / 2;
		n->pairs = arena_alloc(ld->arena, (k / 2 ? k / 2 : 1) * sizeof *n->pairs);
		for (size_t i = 0; i < k / 2; i++) {
			n->pairs[i].key = kids[2 * i];
			n->pairs[i].value = kids[2 * i + 1];
		}
	}
	ld->nitems = f.base;
	strmap_free(&f.keys);
	/* Unless a later node took the name while this one was open. */
	if (f.anchor != SIZE_MAX && ld->anchors[f.anchor].node == n) {
		ld->anchors[f.anchor].weight = f.weight;
		ld->anchors[f.anchor].bytes = f.bytes;
	}
	attach(ld, n, f.weight, f.bytes);
	return 1;
}

static int
on_alias(struct loader *ld, yaml_event_t *ev)
{
	struct mark m = mk(ev->start_mark);
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *a = anchor_find(ld, name);
	if (!a)
		return FAIL(ld, m, "yaml-syntax",
		            "bí danh '*%s' không trỏ tới neo nào (cần '&%s' ở phía trước)",
		            "alias '*%s' names no anchor (an '&%s' must come before it)", name,
		            name);
	if (!a->weight)
		return FAIL(ld, m, "yaml-syntax",
		            "bí danh '*%s' trỏ tới chính tập hợp đang chứa nó: hồ sơ không được "
		            "có vòng lặp",
		            "alias '*%s' names a collection that contains it: a record cannot be "
		            "recursive",
		            name);
	if (++ld->aliases > ld->lim->max_aliases)
		return FAIL(ld, m, "yaml-limit", "quá nhiều bí danh: hơn %zu",
		            "too many aliases: more than %zu", ld->lim->max_aliases);
	if (!count_nodes(ld, a->weight, a->bytes, m))
		return 0;
	attach(ld, a->node, a->weight, a->bytes);
	return 1;
}

/* ==== positions and messages ==== */

/* The character at p[i] (of p[0..len)) as libyaml counts lines: its
 * bytes in *step (CR LF is one), 1 when it breaks the line (CR, LF, NEL,
 * LS, PS). */
static int
yaml_char(const unsigned char *p, size_t i, size_t len, size_t *step)
{
	*step = 1;
	if (p[i] == '\r') {
		if (i + 1 < len && p[i + 1] == '\n')
			*step = 2;
		return 1;
	}
	if (p[i] == '\n')
		return 1;
	if (p[i] < 0x80)
		return 0;
	while (i + *step < len && (p[i + *step] & 0xC0) == 0x80)
		++*step;
	return (*step == 2 && p[i] == 0xC2 && p[i + 1] == 0x85) ||
	       (*step == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
	        (p[i + 2] == 0xA8 || p[i + 2] == 0xA9));
}

/* Line and column of byte offset off, counted as libyaml counts them:
 * columns in code points, CR LF, CR, LF, NEL, LS and PS as line breaks,
 * a byte order mark at the very start not counted.  data[0..off) must be
 * valid UTF-8. */
static struct mark
mark_at(const char *data, size_t off)
{
	const unsigned char *p = (const unsigned char *)data;
	struct mark m = {1, 1};
	size_t i = off >= 3 && !memcmp(p, "\xef\xbb\xbf", 3) ? 3 : 0;
	while (i < off) {
		size_t step;
		int brk = yaml_char(p, i, off, &step);
		if (brk) {
			m.line++;
			m.col = 1;
		} else {
			m.col++;
		}
		i += step;
	}
	return m;
}

/* libyaml's problem and context strings (0.2.5, parser, scanner and
 * reader) in Vietnamese.  A string not listed is quoted in English inside
 * the Vietnamese sentence. */
static const struct {
	const char *en, *vi;
} yaml_words[] = {
    {"did not find expected key", "không tìm thấy khóa ở chỗ cần có khóa"},
    {"did not find expected '-' indicator", "không tìm thấy dấu '-' của mục danh sách"},
    {"did not find expected node content", "không tìm thấy nội dung của nút"},
    {"did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']'"},
    {"did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}'"},
    {"did not find expected <document start>", "không tìm thấy dấu mở đầu tài liệu '---'"},
    {"did not find expected <stream-start>", "không tìm thấy điểm bắt đầu dữ liệu"},
    {"could not find expected ':'", "thiếu dấu ':' sau khóa"},
    {"mapping values are not allowed in this context",
     "không được đặt giá trị (dấu ':') ở vị trí này"},
    {"mapping keys are not allowed in this context", "không được đặt khóa ở vị trí này"},
    {"block sequence entries are not allowed in this context",
     "không được đặt mục danh sách '-' ở vị trí này"},
    {"found character that cannot start any token",
     "gặp ký tự không thể mở đầu thành phần YAML nào"},
    {"found unexpected end of stream", "tệp kết thúc khi cấu trúc còn dang dở"},
    {"found unexpected ':'", "gặp dấu ':' không đúng chỗ"},
    {"found unexpected document indicator",
     "gặp dấu phân cách tài liệu ('---' hoặc '...') không đúng chỗ"},
    {"found a tab character that violates indentation",
     "gặp ký tự tab làm sai thụt lề (hãy thụt lề bằng dấu cách)"},
    {"found a tab character where an indentation space is expected",
     "gặp ký tự tab ở chỗ cần dấu cách để thụt lề"},
    {"found unknown escape character", "gặp chuỗi thoát '\\' không hợp lệ"},
    {"found invalid Unicode character escape code", "mã thoát ký tự Unicode không hợp lệ"},
    {"did not find expected hexdecimal number",
     "thiếu chữ số thập lục phân sau '\\x', '\\u' hoặc '\\U'"},
    {"found an indentation indicator equal to 0", "chỉ báo thụt lề bằng 0"},
    {"did not find expected comment or line break", "chỉ được có chú thích hoặc xuống dòng ở đây"},
    {"found undefined tag handle", "gặp tiền tố thẻ (tag) chưa được khai báo"},
    {"did not find expected whitespace", "thiếu khoảng trắng"},
    {"did not find expected whitespace or line break", "thiếu khoảng trắng hoặc xuống dòng"},
    {"did not find expected alphabetic or numeric character", "thiếu chữ cái hoặc chữ số"},
    {"did not find expected tag URI", "thiếu URI của thẻ"},
    {"did not find URI escaped octet", "thiếu byte thoát '%' trong URI"},
    {"found an incorrect leading UTF-8 octet", "byte UTF-8 đầu không hợp lệ trong URI"},
    {"found an incorrect trailing UTF-8 octet", "byte UTF-8 sau không hợp lệ trong URI"},
    {"did not find the expected '>'", "thiếu dấu '>'"},
    {"did not find expected '!'", "thiếu dấu '!'"},
    {"found duplicate %YAML directive", "chỉ thị %YAML bị lặp lại"},
    {"found incompatible YAML document", "phiên bản YAML không tương thích"},
    {"found duplicate %TAG directive", "chỉ thị %TAG bị lặp lại"},
    {"found unknown directive name", "tên chỉ thị không xác định"},
    {"did not find expected directive name", "thiếu tên chỉ thị"},
    {"could not find expected directive name", "thiếu tên chỉ thị"},
    {"did not find expected digit or '.' character", "thiếu chữ số hoặc dấu '.'"},
    {"found extremely long version number", "số phiên bản quá dài"},
    {"did not find expected version number", "thiếu số phiên bản"},
    {"found unexpected non-alphabetical character", "gặp ký tự không phải chữ cái"},
    {"control characters are not allowed", "không được dùng ký tự điều khiển"},
    {"invalid leading UTF-8 octet", "byte UTF-8 đầu không hợp lệ"},
    {"invalid trailing UTF-8 octet", "byte UTF-8 sau không hợp lệ"},
    {"incomplete UTF-8 octet sequence", "chuỗi byte UTF-8 bị cụt"},
    {"invalid length of a UTF-8 sequence", "độ dài chuỗi byte UTF-8 không hợp lệ"},
    {"invalid Unicode character", "ký tự Unicode không hợp lệ"},
    {"input is too long", "dữ liệu quá dài"},
    {"while parsing a block mapping", "khi đọc một bảng khóa–giá trị dạng khối"},
    {"while parsing a block collection", "khi đọc một tập hợp dạng khối"},
    {"while parsing a flow mapping", "khi đọc một bảng khóa–giá trị trong '{ }'"},
    {"while parsing a flow sequence", "khi đọc một danh sách trong '[ ]'"},
    {"while parsing a block node", "khi đọc một nút dạng khối"},
    {"while parsing a flow node", "khi đọc một nút trong ngoặc"},
    {"while parsing a node", "khi đọc một nút"},
    {"while parsing a tag", "khi đọc một thẻ"},
    {"while parsing a %TAG directive", "khi đọc chỉ thị %TAG"},
    {"while parsing a tag directive", "khi đọc chỉ thị thẻ"},
    {"while scanning a simple key", "khi đọc một khóa"},
    {"while scanning a plain scalar", "khi đọc một giá trị không có dấu nháy"},
    {"while scanning a quoted scalar", "khi đọc một chuỗi trong dấu nháy"},
    {"while parsing a quoted scalar", "khi đọc một chuỗi trong dấu nháy"},
    {"while scanning a block scalar", "khi đọc một khối văn bản ('|' hoặc '>')"},
    {"while scanning an anchor", "khi đọc một neo ('&')"},
    {"while scanning an alias", "khi đọc một bí danh ('*')"},
    {"while scanning a tag", "khi đọc một thẻ ('!')"},
    {"while scanning a directive", "khi đọc một chỉ thị"},
    {"while scanning a %YAML directive", "khi đọc chỉ thị %YAML"},
    {"while scanning a %TAG directive", "khi đọc chỉ thị %TAG"},
    {"while scanning a tag directive", "khi đọc chỉ thị thẻ"},
    {"while scanning for the next token", "khi tìm thành phần tiếp theo"},
};

/* libyaml's text in the run's language; NULL when Vietnamese has no
 * translation (the caller quotes the English). */
static const char *
yaml_word(enum lang lang, const char *en)
{
	if (lang == LANG_EN)
		return en;
	for (size_t i = 0; i < sizeof yaml_words / sizeof yaml_words[0]; i++)
		if (!strcmp(yaml_words[i].en, en))
			return yaml_words[i].vi;
	return NULL;
}

/* The byte offset of a line and column as mark_at counts them (the
 * inverse of mark_at), or len when the text is shorter. */
static size_t
byte_at(const char *data, size_t len, struct mark m)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3) ? 3 : 0;
	unsigned line = 1, col = 1;
	while (i < len && (line < m.line || (line == m.line && col < m.col))) {
		size_t step;
		int brk = yaml_char(p, i, len, &step);
		if (brk && line == m.line)
			break; /* a column past the end of its line */
		if (brk) {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += step;
	}
	return i;
}

static void
parser_error(struct loader *ld, yaml_parser_t *p, const char *data, size_t len)
{
	const char *problem = p->problem ? p->problem : "syntax error";
	const char *vp = yaml_word(ld->lang, problem);
	if (p->error == YAML_READER_ERROR) {
		/* The reader knows only a byte offset; our own checks ran first,
		 * so what is left is a character YAML forbids. */
		struct mark m = mark_at(data, p->problem_offset);
		if (p->problem_value >= 0)
			(void)FAIL(ld, m, "yaml-encoding",
			           "ký tự U+%04X không được phép trong tệp YAML (%s)",
			           "character U+%04X is not allowed in a YAML file (%s)",
			           (unsigned)p->problem_value, vp ? vp : problem);
		else
			(void)FAIL(ld, m, "yaml-encoding", "mã hóa không hợp lệ (%s)",
			           "invalid encoding (%s)", vp ? vp : problem);
		return;
	}
	struct mark m = mk(p->problem_mark);
	/* A tab in the indentation: libyaml's words do not say "tab" every time.
	 * libyaml's index counts characters, not bytes: the line and column are
	 * what locate the problem in a text with Vietnamese in it. */
	size_t at = byte_at(data, len, m), bol = at;
	while (bol > 0 && data[bol - 1] != '\n')
		bol--;
	size_t tab = bol;
	while (tab < at && (data[tab] == ' ' || data[tab] == '-'))
		tab++;
	if (tab < len && tab <= at && data[tab] == '\t') {
		struct mark t = {m.line, (unsigned)(tab - bol) + 1};
		finding(ld, t, SEV_ERROR, "yaml-syntax",
		        "YAML không hợp lệ: dòng được thụt lề bằng ký tự tab; YAML chỉ thụt lề "
		        "bằng dấu cách",
		        "malformed YAML: a tab in the indentation; YAML indents with spaces only");
		ld->failed = 1;
		return;
	}
	/* A byte order mark that starts a line, past the one a file may begin
	 * with (two of them, or files joined into one): invisible, and libyaml
	 * then speaks of a key or a document start, not of it. */
	size_t from = len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
	for (size_t i = from; i + 3 <= len && i <= at; i++) {
		if (memcmp(data + i, "\xef\xbb\xbf", 3))
			continue;
		size_t b = i;
		while (b > from && data[b - 1] == ' ')
			b--;
		if (b > from && data[b - 1] != '\n' && data[b - 1] != '\r')
			continue;
		finding(
		    ld, mark_at(data, i), SEV_ERROR, "yaml-syntax",
		    "YAML không hợp lệ: ký tự ẩn U+FEFF (dấu thứ tự byte, BOM) ở đây; hãy xóa ký "
		    "tự này (chỉ đầu tệp mới được có một BOM)",
		    "malformed YAML: an invisible U+FEFF (byte order mark) here; delete it (only "
		    "the start of a file may have one)");
		ld->failed = 1;
		return;
	}
	/* "title: Hội nghị: xúc tiến": a colon and a space inside a plain value */
	int colon_before = 0; /* "key: value: more": a ": " before the problem on its line */
	for (size_t i = bol; i + 1 < at && i + 1 < len; i++)
		colon_before |= data[i] == ':' && (data[i + 1] == ' ' || data[i + 1] == '\t');
	if (!strcmp(problem, "mapping values are not allowed in this context") && colon_before) {
		finding(ld, m, SEV_ERROR, "yaml-syntax",
		        "YAML không hợp lệ: giá trị có dấu ':' và dấu cách ở giữa; đặt cả giá trị "
		        "trong dấu ngoặc kép (ví dụ title: \"Hội nghị: xúc tiến\")",
		        "malformed YAML: a value with ': ' inside it; put the whole value in "
		        "quotes (e.g. title: \"Conference: promotion\")");
		ld->failed = 1;
		return;
	}
	char *what = vp ? xstrdup(vp) : xasprintf("“%s” (thông báo của libyaml)", problem);
	if (p->context) {
		const char *vc = yaml_word(ld->lang, p->context);
		struct mark c = mk(p->context_mark);
		char *ctx = vc ? xstrdup(vc) : xasprintf("“%s”", p->context);
		if (c.line == m.line && c.col == m.col)
			finding(ld, m, SEV_ERROR, "yaml-syntax", "YAML không hợp lệ: %s (%s)",
			        "malformed YAML: %s (%s)", what, ctx);
		else
			finding(ld, m, SEV_ERROR, "yaml-syntax",
			        "YAML không hợp lệ: %s (%s bắt đầu ở dòng %u, cột %u)",
			        "malformed YAML: %s (%s started at line %u, column %u)", what, ctx,
			        c.line, c.col);
		free(ctx);
	} else {
		finding(ld, m, SEV_ERROR, "yaml-syntax", "YAML không hợp lệ: %s",
		        "malformed YAML: %s", what);
	}
	ld->failed = 1;
	free(what);
}

/* NUL bytes and invalid UTF-8, before libyaml sees the text (libyaml stops
 * at neither with a line and column).  Returns 0 after a finding. */
static int
check_bytes(struct loader *ld, const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		struct mark top = {1, 1};
		return FAIL(ld, top, "yaml-encoding",
		            "tệp được lưu ở dạng UTF-16; hãy lưu lại ở dạng UTF-8",
		            "the file is UTF-16; save it as UTF-8");
	}
	const char *nul = memchr(data, '\0', len);
	size_t upto = nul ? (size_t)(nul - data) : len;
	int nfc;
	size_t bad = text_utf8_check_nfc(data, upto, &nfc);
	/* A scalar's characters are the file's but for the escapes of a
	 * double-quoted one ("\u0301"): without a backslash, a file made of
	 * characters that never combine has every scalar NFC. */
	ld->nfc = nfc && !nul && !memchr(data, '\\', len);
	if (bad < upto)
		return FAIL(
		    ld, mark_at(data, bad), "yaml-encoding",
		    "byte 0x%02X không hợp lệ trong UTF-8: tệp phải được lưu ở dạng UTF-8 "
		    "(có thể tệp đang dùng mã Windows-1258, TCVN3 hoặc VNI)",
		    "byte 0x%02X is not valid UTF-8: the file must be saved as UTF-8 (it may "
		    "be in Windows-1258, TCVN3 or VNI)",
		    u[bad]);
	if (nul)
		return FAIL(ld, mark_at(data, upto), "yaml-encoding",
		            "tệp chứa byte NUL (0x00): không phải tệp văn bản UTF-8",
		            "the file contains a NUL byte (0x00): it is not a UTF-8 text file");
	return 1;
}

/* A second document, at m: one record per file. */
static void
second_document(struct loader *ld, struct mark m)
{
	(void)FAIL(ld, m, "yaml-multiple-documents",
	           "tệp có nhiều hơn một tài liệu YAML; mỗi tệp chỉ ghi một chuyến đi",
	           "the file holds more than one YAML document; one record per file");
}

struct doc *
load_yaml(const char *data, size_t len, const char *name, const struct load_limits *lim_in,
          enum lang lang, struct diags *dq)
{
	return load_yaml_both(data, len, name, lim_in, lang, dq, NULL);
}

struct doc *
load_yaml_both(const char *data, size_t len, const char *name, const struct load_limits *lim_in,
               enum lang lang, struct diags *dq, struct diags *other)
{
	struct load_limits lim_default;
	if (!lim_in) {
		load_limits_default(&lim_default);
		lim_in = &lim_default;
	}
	if (!data)
		data = "", len = 0;
	struct loader ld = {0};
	ld.name = name;
	ld.lim = lim_in;
	ld.lang = lang;
	ld.dq = dq;
	ld.other = other;
	if (len > lim_in->max_file) {
		struct mark top = {1, 1};
		/* Callers may hand over only the first max_file + 1 bytes. */
		(void)FAIL(&ld, top, "yaml-limit",
		           "tệp lớn hơn giới hạn %zu byte: không hồ sơ chuyến công tác nào lớn "
		           "đến vậy; hãy kiểm tra lại đây có đúng là tệp hồ sơ không",
		           "the file is larger than the limit of %zu bytes: no visit record comes "
		           "near it; check that this is the right file",
		           lim_in->max_file);
		return NULL;
	}
	if (!check_bytes(&ld, data, len))
		return NULL;

	ld.arena = arena_new();
	ld.doc = arena_alloc(ld.arena, sizeof *ld.doc);
	ld.doc->arena = ld.arena;
	ld.doc->file = arena_strdup(ld.arena, name);

	struct ypool pool = {0};
	pthread_once(&yp_once, yp_check);
	ypool = yp_usable ? &pool : NULL;
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	int docs = 0, done = 0;
	/* a second document is an error unless it is empty: a file that ends
	 * with a line "---" (as some tools write them) holds one record */
	struct mark second = {0, 0};
	while (!done && !ld.failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&ld, &parser, data, len);
			break;
		}
		if (docs > 1) {
			/* after the first document, only an empty one */
			int empty = ev.type == YAML_DOCUMENT_END_EVENT ||
			            ev.type == YAML_STREAM_END_EVENT ||
			            (ev.type == YAML_SCALAR_EVENT && !ev.data.scalar.length &&
			             ev.data.scalar.plain_implicit && !ev.data.scalar.anchor &&
			             !ev.data.scalar.tag);
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
			if (!empty)
				second_document(&ld, second);
			continue;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT: done = 1; break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				second = mk(ev.start_mark);
				/* directives say a document is meant, not an empty end */
				if (ev.data.document_start.version_directive ||
				    ev.data.document_start.tag_directives.start !=
				        ev.data.document_start.tag_directives.end)
					second_document(&ld, second);
			}
			break;
		case YAML_SCALAR_EVENT: on_scalar(&ld, &ev); break;
		case YAML_SEQUENCE_START_EVENT: on_start(&ld, &ev, NODE_SEQ); break;
		case YAML_MAPPING_START_EVENT: on_start(&ld, &ev, NODE_MAP); break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT: on_end(&ld); break;
		case YAML_ALIAS_EVENT: on_alias(&ld, &ev); break;
		default: break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	ypool = NULL;
	yp_release(&pool);
	for (size_t i = 0; i < ld.depth; i++)
		strmap_free(&ld.stack[i].keys);
	free(ld.stack);
	free(ld.items);
	for (size_t i = 0; i < ld.nanchors; i++)
		free(ld.anchors[i].name);
	free(ld.anchors);
	strmap_free(&ld.anchor_tab);
	tally_report(&ld, dq, lang);
	nfd_report(&ld, dq, lang);
	if (ld.failed) {
		arena_free(ld.arena);
		return NULL;
	}
	if (other) {
		tally_report(&ld, other, !lang);
		nfd_report(&ld, other, !lang);
	}
	return ld.doc;
}

struct doc *
load_file(const char *path, const struct load_limits *lim_in, enum lang lang, struct diags *dq,
          char **err)
{
	struct load_limits lim_default;
	if (!lim_in) {
		load_limits_default(&lim_default);
		lim_in = &lim_default;
	}
	*err = NULL;
	const char *name = fs_shown(path);
	/* read as the commands read a record (schema_file): a file over the
	 * limit is the loader's yaml-limit finding, in bounded memory */
	char *data;
	size_t len;
	if (!fs_read_head(path, lim_in->max_file + 1, &data, &len, err))
		return NULL;
	struct doc *d = load_yaml(data, len, name, lim_in, lang, dq);
	free(data);
	return d;
}
