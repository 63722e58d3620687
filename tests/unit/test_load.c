/* Unit tests of the loader: tree shape, marks, anchors, duplicate keys. */
#include <stdlib.h>

#include "load.h"
#include "unit.h"

static struct doc *
load(const char *s, struct diags *dq)
{
	return load_yaml(s, strlen(s), "t.yaml", NULL, LANG_EN, dq);
}

static int
has_rule(const struct diags *dq, const char *rule)
{
	for (size_t i = 0; i < dq->n; i++)
		if (!strcmp(dq->v[i].rule, rule))
			return 1;
	return 0;
}

int
main(void)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load("a: &x {b: 1, c: [1, 2]}\nd: *x\ne: \"Cà Mau\"\n", &dq);
	OK(d && d->root && d->root->kind == NODE_MAP, "load/map-root");
	INT_EQ(node_count(d->root), 3, "load/three-pairs");
	STR_EQ(node_text(node_path(d->root, "d.b")), "1", "load/alias-resolves");
	INT_EQ(node_get(d->root, "e")->mark.line, 3, "load/mark-line-1-based");
	INT_EQ(node_get(d->root, "e")->mark.col, 4, "load/mark-col-1-based");
	INT_EQ(dq.n, 0, "load/clean-has-no-findings");
	doc_free(d);

	d = load("a: 1\nb: 2\na: 3\n", &dq);
	OK(d != NULL, "load/duplicate-key-still-loads");
	OK(has_rule(&dq, "yaml-duplicate-key"), "load/duplicate-key-found");
	INT_EQ(dq.v[0].mark.line, 3, "load/duplicate-key-line");
	doc_free(d);
	diags_free(&dq);

	d = load("a: [1, 2\n", &dq);
	OK(d == NULL && has_rule(&dq, "yaml-syntax"), "load/syntax-error");
	diags_free(&dq);

	d = load("a: 1\n---\nb: 2\n", &dq);
	OK(d == NULL && has_rule(&dq, "yaml-multiple-documents"), "load/two-documents");
	diags_free(&dq);

	d = load("a: \"x\xff\"\n", &dq);
	OK(d == NULL && has_rule(&dq, "yaml-encoding"), "load/invalid-utf8");
	INT_EQ(dq.n ? dq.v[0].mark.col : 0, 6, "load/invalid-utf8-column");
	diags_free(&dq);

	d = load("a: Ca\xcc\x80 Mau\n", &dq);
	OK(d && has_rule(&dq, "text-not-nfc"), "load/nfd-reported");
	STR_EQ(node_text(node_get(d ? d->root : NULL, "a")), "C\xc3\xa0 Mau", "load/nfd-normalised");
	doc_free(d);
	diags_free(&dq);
	return 0;
}
