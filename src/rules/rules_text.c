/*
 * rules_text.c: text-legacy-encoding, Vietnamese typed in the old TCVN3
 * (ABC) or VNI fonts and pasted into a record: "Së Ngo¹i vô" or "Sôû
 * Ngoaïi vuï" for "Sở Ngoại vụ".  Looks at every scalar value of the
 * record's tree with text_looks_legacy (text.c); only reads.  And
 * text-placeholder: a value still the blank that `debrief new` left in
 * its skeleton, "(tên đối tác)", which would reach the report as written.
 */
#include <stdlib.h>

#include "rules_int.h"
#include "text.h"
#include "xalloc.h"

#define MAX_FINDINGS 10 /* per record; the rest are counted in one more */

struct walk {
	struct rctx *c;
	size_t found;
};

static void
walk(struct walk *w, const struct node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case NODE_SCALAR: {
		if (text_placeholder(n->str)) {
			rules_emit(
			    w->c, n->mark, "text-placeholder", SEV_WARNING,
			    L(w->c->ctx->lang,
			      "'%s' vẫn là chỗ trống của bản khung (debrief new): hãy điền giá "
			      "trị, hoặc xóa dòng nếu mục này không bắt buộc",
			      "'%s' is still a blank of the skeleton (debrief new): fill in the "
			      "value, or delete the line if the field is optional"),
			    n->str);
			return;
		}
		int k = n->str ? text_looks_legacy(n->str) : 0;
		if (!k)
			return;
		if (++w->found > MAX_FINDINGS)
			return;
		char *t = rules_short(n->str);
		if (k == 1)
			rules_emit(w->c, n->mark, "text-legacy-encoding", SEV_WARNING,
			           L(w->c->ctx->lang,
			             "'%s' có vẻ là chữ Việt gõ bằng phông TCVN3 (ABC), không phải "
			             "Unicode: hãy chuyển mã (ví dụ bằng Unikey)",
			             "'%s' looks like Vietnamese typed in a TCVN3 (ABC) font, not "
			             "Unicode: convert it (e.g. with Unikey)"),
			           t);
		else
			rules_emit(
			    w->c, n->mark, "text-legacy-encoding", SEV_WARNING,
			    L(w->c->ctx->lang,
			      "'%s' có vẻ là chữ Việt gõ bằng phông VNI, không phải Unicode: "
			      "hãy chuyển mã (ví dụ bằng Unikey)",
			      "'%s' looks like Vietnamese typed in a VNI font, not Unicode: "
			      "convert it (e.g. with Unikey)"),
			    t);
		free(t);
		return;
	}
	case NODE_SEQ:
		for (size_t i = 0; i < n->len; i++)
			walk(w, n->items[i]);
		return;
	case NODE_MAP:
		for (size_t i = 0; i < n->len; i++)
			walk(w, n->pairs[i].value);
		return;
	}
}

void
rules_text(struct rctx *c)
{
	struct walk w = {c, 0};
	walk(&w, c->r->root);
	if (w.found > MAX_FINDINGS)
		rules_emit(c, rules_root_mark(c), "text-legacy-encoding", SEV_WARNING,
		           L(c->ctx->lang,
		             "còn %zu giá trị khác%s cũng có vẻ gõ bằng phông cũ (TCVN3, VNI)",
		             "%zu more %s in what looks like an old font (TCVN3, VNI)"),
		           w.found - MAX_FINDINGS,
		           L(c->ctx->lang, "", PL(w.found - MAX_FINDINGS, "value", "values")));
}
