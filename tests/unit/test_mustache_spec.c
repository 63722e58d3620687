/*
 * The Mustache spec's core modules (the .yml files of tests/data/mustache-spec),
 * read with our own YAML loader and run through our engine with HTML
 * escaping, one "mustache/<file>/<test name>" line per test.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "fsutil.h"
#include "load.h"
#include "mustache.h"
#include "unit.h"
#include "xalloc.h"

static const char *files[] = {"comments", "delimiters", "interpolation",
                              "inverted", "partials",   "sections"};

/* A plain YAML 1.2 core-schema number, as a typed loader would see it,
 * written in its shortest form: 1.210 → "1.21", 85 → "85".  The engine
 * prints text as it is (mustache.h), so numbers are the data's business. */
static const char *
canon_number(struct arena *a, const char *s)
{
	char *end;
	errno = 0;
	long long ll = strtoll(s, &end, 10);
	if (*s && !*end && errno == 0)
		return arena_printf(a, "%lld", ll);
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')))
		return s;
	double d = strtod(s, &end);
	if (*end || !isfinite(d))
		return s;
	for (int prec = 1; prec <= 17; prec++) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%.*g", prec, d);
		if (strtod(tmp, NULL) == d)
			return arena_strdup(a, tmp);
	}
	return s;
}

static void
canon_tree(struct arena *a, struct node *n, unsigned depth)
{
	if (!n || depth > 100)
		return;
	switch (n->kind) {
	case NODE_SCALAR:
		if (n->plain) {
			const char *c = canon_number(a, n->str);
			if (c != n->str) {
				n->str = c;
				n->len = strlen(c);
			}
		}
		break;
	case NODE_SEQ:
		for (size_t i = 0; i < n->len; i++)
			canon_tree(a, n->items[i], depth + 1);
		break;
	case NODE_MAP:
		for (size_t i = 0; i < n->len; i++)
			canon_tree(a, n->pairs[i].value, depth + 1);
		break;
	}
}

/* Partials come from the test's "partials" map. */
static int
spec_partial(void *ctx, const char *name, char **text, size_t *len)
{
	const struct node *v = node_get(ctx, name);
	if (!v || v->kind != NODE_SCALAR)
		return 0;
	*text = xstrndup(v->str, v->len);
	*len = v->len;
	return 1;
}

static void
run_test(const char *file, struct arena *a, struct node *t)
{
	char name[300];
	snprintf(name, sizeof name, "mustache/%s/%s", file, node_str(node_get(t, "name")));
	const struct node *tmpl = node_get(t, "template");
	const struct node *want = node_get(t, "expected");
	struct node *data = node_get(t, "data");
	if (!tmpl || !want || tmpl->kind != NODE_SCALAR || want->kind != NODE_SCALAR) {
		printf("FAIL %s: test has no template or expected text\n", name);
		unit_failed++;
		return;
	}
	canon_tree(a, data, 0);
	char *err = NULL;
	struct mst *m = mst_parse("test", tmpl->str, tmpl->len, LANG_EN, &err);
	struct buf out = BUF_INIT;
	if (!m || !mst_render(m, data, spec_partial, node_get(t, "partials"), mst_escape_html, NULL,
	                      &out, &err)) {
		printf("FAIL %s: %s\n", name, err ? err : "?");
		unit_failed++;
	} else if (out.len != want->len || memcmp(buf_cstr(&out), want->str, want->len) != 0) {
		printf("FAIL %s: got \"%s\", want \"%s\"\n", name, buf_cstr(&out), want->str);
		unit_failed++;
	} else
		printf("ok %s\n", name);
	free(err);
	buf_free(&out);
	mst_free(m);
}

int
main(void)
{
	const char *top = getenv("TOP");
	if (!top || !*top)
		top = "../..";
	size_t ran = 0;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		char path[4096], *data = NULL, *err = NULL;
		size_t len = 0;
		snprintf(path, sizeof path, "%s/tests/data/mustache-spec/%s.yml", top, files[f]);
		if (!fs_read(path, 1 << 24, &data, &len, &err)) {
			printf("FAIL mustache/%s: %s: %s\n", files[f], path, err);
			free(err);
			unit_failed++;
			continue;
		}
		struct diags dq = DIAGS_INIT;
		struct doc *d = load_yaml(data, len, path, NULL, LANG_EN, &dq);
		struct node *tests = d ? node_get(d->root, "tests") : NULL;
		if (!tests || tests->kind != NODE_SEQ || tests->len == 0) {
			printf("FAIL mustache/%s: no tests loaded from %s\n", files[f], path);
			unit_failed++;
		} else {
			for (size_t i = 0; i < tests->len; i++)
				run_test(files[f], d->arena, tests->items[i]);
			ran += tests->len;
		}
		doc_free(d);
		diags_free(&dq);
		free(data);
	}
	/* the six core modules hold 125 tests: fewer means some went unseen */
	OK(ran >= 125, "mustache/all-tests");
	return 0;
}
