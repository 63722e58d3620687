/* Unit tests of the loader: tree shape, marks, anchors and aliases, keys,
 * encodings, limits and the messages of every finding it makes. */
#include <stdlib.h>

#include "buf.h"
#include "load.h"
#include "unit.h"

static struct doc *
loadn(const char *s, size_t n, const struct load_limits *lim, enum lang lang, struct diags *dq)
{
	diags_free(dq);
	return load_yaml(s, n, "t.yaml", lim, lang, dq);
}

static struct doc *
load(const char *s, struct diags *dq)
{
	return loadn(s, strlen(s), NULL, LANG_EN, dq);
}

/* The first finding of rule, or NULL. */
static const struct diag *
rule(const struct diags *dq, const char *id)
{
	for (size_t i = 0; i < dq->n; i++)
		if (!strcmp(dq->v[i].rule, id))
			return &dq->v[i];
	return NULL;
}

static int
at(const struct diag *d, unsigned line, unsigned col)
{
	return d && d->mark.line == line && d->mark.col == col;
}

static int
says(const struct diag *d, const char *text)
{
	return d && strstr(d->msg, text) != NULL;
}

static void
test_tree(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: &x {b: 1, c: [1, 2]}\nd: *x\ne: \"Cà Mau\"\n", &dq);
	OK(d && d->root && d->root->kind == NODE_MAP, "load/map-root");
	INT_EQ(node_count(d ? d->root : NULL), 3, "load/three-pairs");
	STR_EQ(node_text(node_path(d ? d->root : NULL, "d.b")), "1", "load/alias-resolves");
	OK(d && node_get(d->root, "a") == node_get(d->root, "d"), "load/alias-shares-the-node");
	INT_EQ(d ? node_get(d->root, "e")->mark.line : 0, 3, "load/mark-line-1-based");
	INT_EQ(d ? node_get(d->root, "e")->mark.col : 0, 4, "load/mark-col-1-based");
	INT_EQ(dq.n, 0, "load/clean-has-no-findings");
	doc_free(d);

	d = load("", &dq);
	OK(d && !d->root && dq.n == 0, "load/empty-file");
	doc_free(d);
	d = load("# only a comment\n", &dq);
	OK(d && !d->root && dq.n == 0, "load/comment-only");
	doc_free(d);
	d = loadn(NULL, 0, NULL, LANG_EN, &dq);
	OK(d && !d->root, "load/null-data");
	doc_free(d);
	d = load("just text\n", &dq);
	STR_EQ(node_str(d ? d->root : NULL), "just text", "load/scalar-document");
	doc_free(d);
	d = load("- a\n- b\n", &dq);
	OK(d && d->root->kind == NODE_SEQ && d->root->len == 2, "load/sequence-document");
	doc_free(d);
	d = load("a: []\nb: {}\nc:\n", &dq);
	OK(d && node_get(d->root, "a")->kind == NODE_SEQ && node_count(node_get(d->root, "a")) == 0,
	   "load/empty-sequence");
	OK(d && node_get(d->root, "b")->kind == NODE_MAP, "load/empty-map");
	OK(d && node_is_null(node_get(d->root, "c")), "load/empty-value-is-null");
	doc_free(d);

	d = load("\xef\xbb\xbf"
	         "a: 1\n",
	         &dq);
	OK(d && dq.n == 0 && node_get_key(d->root, "a")->mark.col == 1, "load/bom");
	doc_free(d);
	d = load("a: 1\r\nb: x\r\n", &dq);
	OK(d && dq.n == 0 && node_get(d->root, "b")->mark.line == 2, "load/crlf");
	STR_EQ(node_text(node_get(d ? d->root : NULL, "b")), "x", "load/crlf-value");
	doc_free(d);
	d = load("a:\tb\n", &dq);
	STR_EQ(node_text(node_get(d ? d->root : NULL, "a")), "b", "load/tab-after-colon");
	doc_free(d);
	d = load("a:\n\tb: 1\n", &dq);
	OK(!d && at(rule(&dq, "yaml-syntax"), 2, 1), "load/tab-indentation-refused");
	doc_free(d);

	d = load("a: !!str 123\nb: 123\nc: !!str null\nd: ! 5\n", &dq);
	OK(d && !node_get(d->root, "a")->plain && node_get(d->root, "b")->plain,
	   "load/str-tag-clears-plain");
	STR_EQ(d ? node_get(d->root, "a")->tag : NULL, "tag:yaml.org,2002:str",
	       "load/tag-expanded");
	OK(d && !node_is_null(node_get(d->root, "c")), "load/str-tag-null-is-text");
	OK(d && !node_get(d->root, "d")->plain, "load/bang-tag-clears-plain");
	doc_free(d);

	d = load("? [a, b]\n: c\n", &dq);
	OK(d && d->root->len == 1 && d->root->pairs[0].key->kind == NODE_SEQ, "load/complex-key");
	doc_free(d);
	diags_free(&dq);
}

static void
test_anchors(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: &x 1\nb: &x 2\nc: *x\n", &dq);
	STR_EQ(node_text(node_get(d ? d->root : NULL, "c")), "2", "anchor/redefined-latest-wins");
	doc_free(d);
	d = load("a: &x [&x 1, 2]\nb: *x\n", &dq);
	STR_EQ(node_text(node_get(d ? d->root : NULL, "b")), "1", "anchor/redefined-inside");
	doc_free(d);
	d = load("a: &x [1, *x]\n", &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "contains it"), "anchor/recursive-sequence");
	OK(at(rule(&dq, "yaml-syntax"), 1, 11), "anchor/recursive-position");
	d = load("&x {a: {b: *x}}\n", &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "contains it"), "anchor/recursive-map");
	d = load("a: &x 1\nb: &x [*x]\n", &dq);
	OK(!d && rule(&dq, "yaml-syntax"), "anchor/recursive-after-redefinition");
	d = load("a: *nope\n", &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "'*nope' names no anchor"), "anchor/undefined");
	OK(at(rule(&dq, "yaml-syntax"), 1, 4), "anchor/undefined-position");
	d = load("a: &k key\n*k : v\n", &dq);
	STR_EQ(node_text(node_get(d ? d->root : NULL, "key")), "v", "anchor/alias-as-key");
	doc_free(d);

	/* Billion laughs: 10 levels of 10 aliases stops at max_nodes. */
	struct buf b = BUF_INIT;
	buf_puts(&b, "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 10; i++)
		buf_printf(
		    &b, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n",
		    i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	d = load(buf_cstr(&b), &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "more than 1000000 nodes"), "anchor/billion-laughs");
	/* l4 stands for 111,111 nodes: the aliases of l5 cross a million. */
	OK(rule(&dq, "yaml-limit") && rule(&dq, "yaml-limit")->mark.line == 6,
	   "anchor/billion-laughs-stops-at-l5");
	buf_free(&b);
	diags_free(&dq);
}

static void
test_keys(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: 1\nb: 2\na: 3\n", &dq);
	OK(d != NULL, "keys/duplicate-still-loads");
	OK(at(rule(&dq, "yaml-duplicate-key"), 3, 1), "keys/duplicate-position");
	OK(says(rule(&dq, "yaml-duplicate-key"), "'a' (first at line 1, column 1)"),
	   "keys/duplicate-message");
	doc_free(d);
	d = load("C\xc3\xa0: 1\nCa\xcc\x80: 2\n", &dq);
	OK(d && rule(&dq, "yaml-duplicate-key") && rule(&dq, "text-not-nfc"),
	   "keys/duplicate-after-nfc");
	doc_free(d);
	d = load("\"a\": 1\na: 2\n", &dq);
	OK(d && rule(&dq, "yaml-duplicate-key"), "keys/duplicate-quoted-and-plain");
	doc_free(d);

	/* 20,000 keys: the hash path, a duplicate at the end, one in the middle. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 20000; i++)
		buf_printf(&b, "key%d: %d\n", i, i);
	d = load(buf_cstr(&b), &dq);
	OK(d && dq.n == 0 && node_count(d->root) == 20000, "keys/20000-unique");
	doc_free(d);
	buf_puts(&b, "key19999: again\nkey7: again\n");
	d = load(buf_cstr(&b), &dq);
	INT_EQ(dq.n, 2, "keys/20000-two-duplicates");
	OK(dq.n == 2 && at(&dq.v[0], 20001, 1) && says(&dq.v[0], "first at line 20000"),
	   "keys/20000-duplicate-last");
	OK(dq.n == 2 && at(&dq.v[1], 20002, 1) && says(&dq.v[1], "first at line 8,"),
	   "keys/20000-duplicate-early");
	doc_free(d);
	buf_free(&b);

	d = load("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n", &dq);
	OK(d && at(rule(&dq, "yaml-merge-key"), 3, 3), "keys/merge-key-found");
	OK(d && node_count(node_get(d->root, "m")) == 1 && node_get(node_get(d->root, "m"), "y"),
	   "keys/merge-key-pair-dropped");
	doc_free(d);
	d = load("\"<<\": 1\n", &dq);
	OK(d && !rule(&dq, "yaml-merge-key") && node_get(d->root, "<<"),
	   "keys/quoted-lt-lt-is-a-key");
	doc_free(d);
	diags_free(&dq);
}

static void
test_encoding(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: \"x\xff\"\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 1, 6), "encoding/invalid-utf8");
	OK(says(rule(&dq, "yaml-encoding"), "0xFF"), "encoding/invalid-utf8-byte");
	d = load("\xc3\xa9t\xc3\xa9: \xe0\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 1, 6), "encoding/column-in-code-points");
	d = load("\xef\xbb\xbf"
	         "a: \xff\n",
	         &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 1, 4), "encoding/bom-not-counted");
	d = load("a: 1\r\nb: \xff\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 2, 4), "encoding/after-crlf");
	d = load("a: 1\rb: \xff\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 2, 4), "encoding/after-cr");
	d = loadn("a: 1\nbb: \0\n", 10, NULL, LANG_EN, &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 2, 5), "encoding/nul-byte");
	OK(says(rule(&dq, "yaml-encoding"), "NUL"), "encoding/nul-byte-message");
	d = load("a: \"x\\0y\"\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 1, 4), "encoding/nul-escape");
	d = load("a: b\x01\n", &dq);
	OK(!d && at(rule(&dq, "yaml-encoding"), 1, 5), "encoding/control-character");
	OK(says(rule(&dq, "yaml-encoding"), "U+0001"), "encoding/control-character-named");
	d = loadn("\xff\xfe"
	          "a\0:\0",
	          6, NULL, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-encoding"), "UTF-16"), "encoding/utf16");
	d = load("a: Ca\xcc\x80 Mau\n", &dq);
	OK(d && at(rule(&dq, "text-not-nfc"), 1, 4), "encoding/nfd-reported");
	STR_EQ(node_text(node_get(d ? d->root : NULL, "a")), "C\xc3\xa0 Mau",
	       "encoding/nfd-normalised");
	doc_free(d);

	/* Pasted NFD text: one cause, one finding, at the first value, counted. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 150; i++)
		buf_puts(&b, "- Ca\xcc\x80\n");
	d = load(buf_cstr(&b), &dq);
	INT_EQ(dq.n, 1, "encoding/nfd-one-finding");
	OK(dq.n == 1 && at(&dq.v[0], 1, 3) && says(&dq.v[0], "150 values"), "encoding/nfd-counted");
	doc_free(d);
	buf_free(&b);

	/* Other findings of one rule are capped, the rest counted. */
	b = (struct buf)BUF_INIT;
	buf_puts(&b, "a: 0\n");
	for (int i = 0; i < 150; i++)
		buf_puts(&b, "a: 1\n");
	d = load(buf_cstr(&b), &dq);
	INT_EQ(dq.n, 101, "findings-per-rule-capped");
	OK(dq.n == 101 && at(&dq.v[100], 102, 1) && says(&dq.v[100], "50 more findings"),
	   "capped-findings-counted");
	doc_free(d);
	buf_free(&b);
	d = load("a: Sở Ngoại vụ\nb: coopération décentralisée, à côté\n", &dq);
	OK(d && dq.n == 0, "encoding/unicode-text-is-clean");
	doc_free(d);
	diags_free(&dq);
}

static void
test_limits(void)
{
	struct diags dq = DIAGS_INIT;
	struct load_limits lim;
	load_limits_default(&lim);
	OK(lim.max_file >= 16u << 20 && lim.max_nodes >= 1000000,
	   "limits/defaults-fit-a-big-record");

	lim.max_depth = 3;
	struct doc *d = loadn("[[[[1]]]]", 9, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "deeper than 3 levels"), "limits/depth");
	OK(at(rule(&dq, "yaml-limit"), 1, 4), "limits/depth-position");
	d = loadn("[[[1]]]", 7, &lim, LANG_EN, &dq);
	OK(d != NULL, "limits/depth-at-the-limit");
	doc_free(d);
	load_limits_default(&lim);

	lim.max_scalar = 4;
	d = loadn("a: hello\n", 9, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "value of 5 bytes exceeds the limit of 4 bytes"),
	   "limits/scalar");
	load_limits_default(&lim);

	lim.max_file = 4;
	d = loadn("a: hello\n", 9, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "larger than the limit of 4 bytes"), "limits/file");
	d = loadn("a: hello\n", 9, &lim, LANG_VI, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "tệp lớn hơn giới hạn 4 byte"), "limits/file-vi");
	/* and what to do about it */
	OK(!d && says(rule(&dq, "yaml-limit"), "hãy kiểm tra lại đây có đúng là tệp hồ sơ không"),
	   "limits/file-vi-what-to-do");
	load_limits_default(&lim);

	lim.max_aliases = 3;
	d = loadn("a: &a x\nb: [*a, *a, *a, *a]\n", 27, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "more than 3"), "limits/aliases");
	OK(at(rule(&dq, "yaml-limit"), 2, 17), "limits/aliases-position");
	load_limits_default(&lim);

	/* aliases of a long value: few nodes, but their text counted each time */
	lim.max_text = 22; /* keys count too: a, b, k */
	d = loadn("a: &a 0123456789\nb: [*a]\n", 25, &lim, LANG_EN, &dq);
	OK(d != NULL, "limits/text-at-the-limit");
	doc_free(d);
	d = loadn("a: &a 0123456789\nb: [*a, *a]\n", 29, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "more than 22 bytes of text"), "limits/text");
	OK(at(rule(&dq, "yaml-limit"), 2, 9), "limits/text-position");
	d = loadn("a: &a [0123456789]\nb: {k: *a}\n", 30, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "more than 22 bytes of text"),
	   "limits/text-collection");
	load_limits_default(&lim);
	OK(lim.max_text >= lim.max_file, "limits/text-default");

	lim.max_nodes = 5;
	d = loadn("[1, 2, 3, 4, 5]", 15, &lim, LANG_EN, &dq);
	OK(!d && says(rule(&dq, "yaml-limit"), "more than 5 nodes"), "limits/nodes");
	d = loadn("[1, 2, 3, 4]", 12, &lim, LANG_EN, &dq);
	OK(d != NULL, "limits/nodes-at-the-limit");
	doc_free(d);
	diags_free(&dq);
}

static void
test_messages(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: [1, 2\n", &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "did not find expected ',' or ']'"),
	   "syntax/english");
	OK(says(rule(&dq, "yaml-syntax"), "flow sequence started at line 1, column 4"),
	   "syntax/context-position");
	d = loadn("a: [1, 2\n", 9, NULL, LANG_VI, &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "thiếu dấu ',' hoặc ']'"), "syntax/vietnamese");
	OK(!says(rule(&dq, "yaml-syntax"), "did not"), "syntax/vietnamese-has-no-english");
	OK(says(rule(&dq, "yaml-syntax"), "bắt đầu ở dòng 1, cột 4"), "syntax/vietnamese-context");
	d = loadn("a: b: c\n", 8, NULL, LANG_VI, &dq);
	OK(!d && says(rule(&dq, "yaml-syntax"), "đặt cả giá trị trong dấu ngoặc kép"),
	   "syntax/vietnamese-colon-in-value");
	OK(at(rule(&dq, "yaml-syntax"), 1, 5), "syntax/position");
	d = loadn("a: b\n  c: d\n", 12, NULL, LANG_VI, &dq); /* indentation, not a colon */
	OK(!d && says(rule(&dq, "yaml-syntax"), "không được đặt giá trị"),
	   "syntax/vietnamese-colon");
	d = load("a: 1\n---\nb: 2\n", &dq);
	OK(!d && at(rule(&dq, "yaml-multiple-documents"), 2, 1), "syntax/two-documents");
	d = load("---\na: 1\n...\n", &dq);
	OK(d && dq.n == 0, "syntax/one-explicit-document");
	doc_free(d);
	/* a last line "---" opens a document with nothing in it: one record */
	d = load("a: 1\n---\n", &dq);
	OK(d && dq.n == 0, "syntax/empty-second-document");
	doc_free(d);
	d = load("a: 1\n---\n# the end\n", &dq);
	OK(d && dq.n == 0, "syntax/empty-second-document-comment");
	doc_free(d);
	d = load("a: 1\n---\n---\n", &dq);
	OK(!d && at(rule(&dq, "yaml-multiple-documents"), 2, 1), "syntax/three-documents");
	diags_free(&dq);
	d = load("a: 1\n---\n- b\n", &dq);
	OK(!d && at(rule(&dq, "yaml-multiple-documents"), 2, 1), "syntax/second-document-list");
	diags_free(&dq);
}

int
main(void)
{
	test_tree();
	test_anchors();
	test_keys();
	test_encoding();
	test_limits();
	test_messages();
	return unit_failed != 0;
}
