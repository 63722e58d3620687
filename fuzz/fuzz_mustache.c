/*
 * Fuzz the template engine: parse any bytes as a template and render it
 * over a small fixed tree, with partials that include each other and the
 * input itself.  The first byte picks the escaper and the language.  Any
 * failure must come with a "name:line: " message, two renders must agree,
 * and limits keep it finite.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "md_escape.h"
#include "mustache.h"
#include "node.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena *arena;
static struct node *tree;

static struct node *
s(const char *v)
{
	return node_new_scalar(arena, v);
}

static void
build_tree(void)
{
	arena = arena_new();
	tree = node_new_map(arena);
	node_map_put(arena, tree, "title", s("# Báo cáo | *x* <b>"));
	node_map_put(arena, tree, "empty", s(""));
	node_map_put(arena, tree, "yes", node_new_bool(arena, 1));
	node_map_put(arena, tree, "no", node_new_bool(arena, 0));
	struct node *tasks = node_new_seq(arena);
	for (int i = 0; i < 3; i++) {
		struct node *t = node_new_map(arena);
		node_map_put(arena, t, "name", s(i ? "Gửi công văn\nđến Sở" : "[ ] a_b"));
		node_map_put(arena, t, "done", node_new_bool(arena, i == 1));
		struct node *sub = node_new_seq(arena);
		node_seq_push(arena, sub, s("x"));
		node_seq_push(arena, sub, s("{{title}}"));
		node_map_put(arena, t, "sub", sub);
		node_seq_push(arena, tasks, t);
	}
	node_map_put(arena, tree, "tasks", tasks);
	node_map_put(arena, tree, "none", node_new_seq(arena));
	struct node *a = node_new_map(arena);
	node_map_put(arena, a, "b", tree); /* a cycle: names are finite, so no matter */
	node_map_put(arena, tree, "a", a);
}

struct input {
	const char *p;
	size_t n;
};

static int
partial(void *ctx, const char *name, char **text, size_t *len)
{
	const struct input *in = ctx;
	const char *t = NULL;
	if (!strcmp(name, "self")) {
		*text = xstrndup(in->p, in->n);
		*len = in->n;
		return 1;
	}
	if (!strcmp(name, "row"))
		t = "| {{name}} | {{#done}}x{{/done}} |\n";
	else if (!strcmp(name, "list"))
		t = "{{#tasks}}\n  - {{name}}\n  {{>row}}\n{{/tasks}}\n";
	else if (!strcmp(name, "loop"))
		t = "{{>loop}}";
	else if (!strcmp(name, "bad"))
		t = "{{#x}}";
	if (!t)
		return 0;
	*text = xstrdup(t);
	*len = strlen(t);
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	if (!tree)
		build_tree();
	unsigned opt = data[0];
	struct input in = {(const char *)data + 1, size - 1};
	enum lang lang = opt & 4 ? LANG_EN : LANG_VI;
	/* 0: HTML, 1: Markdown rescanning, 2: none, 3: Markdown incremental. */
	mst_escape_fn esc = (opt & 3) == 0   ? mst_escape_html
	                    : (opt & 3) == 2 ? NULL
	                                     : md_escape_auto;
	struct md_auto ma;

	char *err = NULL;
	struct mst *t = mst_parse("fuzz", in.p, in.n, lang, &err);
	if (!t) {
		if (!err || strncmp(err, "fuzz:", 5) != 0)
			abort();
		free(err);
		return 0;
	}
	struct mst_limits lim = {20, 1 << 20, 200000};
	struct buf out[2] = {BUF_INIT, BUF_INIT};
	int ok[2];
	for (int k = 0; k < 2; k++) {
		memset(&ma, 0, sizeof ma);
		ok[k] = mst_render_lim(t, tree, partial, &in, esc, (opt & 3) == 3 ? &ma : NULL,
		                       &lim, &out[k], &err);
		if (!ok[k]) {
			if (!err || !strchr(err, ':'))
				abort();
			free(err);
			err = NULL;
		}
	}
	/* The same template and data give the same bytes. */
	if (ok[0] != ok[1] || (ok[0] && (out[0].len != out[1].len ||
	                                 memcmp(buf_cstr(&out[0]), buf_cstr(&out[1]), out[0].len))))
		abort();
	buf_free(&out[0]);
	buf_free(&out[1]);
	mst_free(t);
	return 0;
}
