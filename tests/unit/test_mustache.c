/*
 * Engine behaviour beyond the spec files: error messages carry the
 * template name and line, truthiness of our node scalars, limits, and the
 * context the escape callback is given.
 */
#include <stdlib.h>

#include "load.h"
#include "mustache.h"
#include "unit.h"
#include "xalloc.h"

/* The message of a template that must not parse. */
static char *
parse_err(const char *name, const char *src, enum lang lang)
{
	char *err = NULL;
	struct mst *t = mst_parse(name, src, strlen(src), lang, &err);
	if (t) {
		mst_free(t);
		return xstrdup("(parsed)");
	}
	return err ? err : xstrdup("(no message)");
}

static void
check_err(const char *test, const char *src, const char *want)
{
	char *e = parse_err("report.mustache", src, LANG_EN);
	STR_EQ(e, want, test);
	free(e);
}

static struct doc *
yaml(const char *s)
{
	struct diags dq = DIAGS_INIT;
	struct doc *d = load_yaml(s, strlen(s), "data.yaml", NULL, LANG_EN, &dq);
	diags_free(&dq);
	return d;
}

struct partials {
	const char *name[4];
	const char *text[4];
};

static int asked; /* partials get_partial gave */

static int
get_partial(void *ctx, const char *name, char **text, size_t *len)
{
	const struct partials *p = ctx;
	asked++;
	for (int i = 0; i < 4 && p && p->name[i]; i++)
		if (!strcmp(p->name[i], name)) {
			*text = xstrdup(p->text[i]);
			*len = strlen(p->text[i]);
			return 1;
		}
	return 0;
}

/* Render src over YAML data; returns the output or "ERR: message". */
static char *
render(const char *src, const char *data, const struct partials *parts,
       const struct mst_limits *lim)
{
	char *err = NULL;
	struct mst *t = mst_parse("t.mustache", src, strlen(src), LANG_EN, &err);
	if (!t) {
		char *r = xasprintf("ERR: %s", err);
		free(err);
		return r;
	}
	struct doc *d = yaml(data);
	struct buf out = BUF_INIT;
	char *r;
	if (mst_render_lim(t, d ? d->root : NULL, get_partial, (void *)parts, NULL, NULL, lim, &out,
	                   &err))
		r = buf_detach(&out);
	else {
		r = xasprintf("ERR: %s", err);
		free(err);
	}
	buf_free(&out);
	doc_free(d);
	mst_free(t);
	return r;
}

static void
check_render(const char *test, const char *src, const char *data, const char *want)
{
	char *r = render(src, data, NULL, NULL);
	STR_EQ(r, want, test);
	free(r);
}

/* An escaper that records how much output it was shown. */
static void
probe_escape(void *ctx, struct buf *out, const char *s, size_t len)
{
	buf_printf(out, "<%zu:", out->len);
	buf_put(out, s, len);
	buf_putc(out, '>');
	(void)ctx;
}

int
main(void)
{
	/* Errors: name, line, what. */
	check_err("mustache/err/unclosed-section", "# Báo cáo\n\n{{#tasks}}\n| {{title}} |\n",
	          "report.mustache:3: unclosed section 'tasks'");
	check_err("mustache/err/unclosed-inner-section", "{{#a}}\n{{#b}}\nx\n{{/a}}\n",
	          "report.mustache:4: close tag 'a' does not match section 'b' opened on line 2");
	check_err("mustache/err/stray-close", "a\nb\n{{/tasks}}\n",
	          "report.mustache:3: close tag 'tasks' without an open section");
	check_err("mustache/err/unclosed-tag", "line 1\nline 2 {{title\nline 3\n",
	          "report.mustache:2: unclosed tag");
	check_err("mustache/err/unclosed-triple", "x\n{{{title}}\n",
	          "report.mustache:2: unclosed tag");
	check_err("mustache/err/bad-delimiters", "\n\n{{=<%=}}\n",
	          "report.mustache:3: bad set-delimiter tag");
	check_err("mustache/err/delimiters-with-equals", "{{=<= =>=}}",
	          "report.mustache:1: bad set-delimiter tag");
	check_err("mustache/err/delimiters-three", "{{=a b c=}}",
	          "report.mustache:1: bad set-delimiter tag");
	check_err("mustache/err/empty-name", "a {{ }} b", "report.mustache:1: empty tag name");
	check_err("mustache/err/spaced-name", "\n{{#a b}}{{/a b}}",
	          "report.mustache:2: bad tag name 'a b'");
	check_err("mustache/err/after-delimiter-change", "{{=<% %>=}}\n<%#a%>\n{{/a}}\n",
	          "report.mustache:2: unclosed section 'a'");
	check_err("mustache/err/crlf-lines", "a\r\nb\r\n{{#x}}\r\n",
	          "report.mustache:3: unclosed section 'x'");
	char *deep = xcalloc(1, 70 * 8 + 1);
	for (int i = 0; i < 70; i++)
		strcat(deep, "{{#a}}\n");
	check_err("mustache/err/nesting-limit", deep,
	          "report.mustache:65: sections nested too deeply (limit 64)");
	free(deep);
	char *e = parse_err("bao-cao.mustache", "\n{{#nhiem_vu}}\n", LANG_VI);
	STR_EQ(e, "bao-cao.mustache:2: mục 'nhiem_vu' chưa được đóng", "mustache/err/vietnamese");
	free(e);

	/* Truthiness of node scalars (mustache.h). */
	check_render("mustache/truthy/plain-false", "{{#a}}x{{/a}}{{^a}}y{{/a}}", "a: false", "y");
	check_render("mustache/truthy/plain-FALSE", "{{#a}}x{{/a}}", "a: FALSE", "");
	check_render("mustache/truthy/quoted-false", "{{#a}}x{{/a}}", "a: 'false'", "x");
	check_render("mustache/truthy/null-tilde", "{{#a}}x{{/a}}{{^a}}y{{/a}}", "a: ~", "y");
	check_render("mustache/truthy/empty-value", "{{^a}}none{{/a}}", "a:", "none");
	check_render("mustache/truthy/quoted-empty", "{{^a}}none{{/a}}", "a: ''", "none");
	check_render("mustache/truthy/zero", "{{#a}}[{{.}}]{{/a}}", "a: 0", "[0]");
	check_render("mustache/truthy/empty-map", "{{#a}}x{{/a}}", "a: {}", "x");
	check_render("mustache/truthy/empty-seq", "{{#a}}x{{/a}}{{^a}}y{{/a}}", "a: []", "y");
	check_render("mustache/truthy/seq-of-falsy-items", "{{#a}}({{.}}){{/a}}", "a: [false, ~]",
	             "(false)()");

	/* Values print as written: no number reformatting in the engine. */
	check_render("mustache/value/number-as-written", "{{a}} {{b}} {{c}}",
	             "a: 1.10\nb: 0912345678\nc: 1e3", "1.10 0912345678 1e3");
	check_render("mustache/value/collections-print-nothing", "[{{a}}][{{b}}]",
	             "a: [1]\nb: {c: 1}", "[][]");
	check_render("mustache/value/vietnamese", "{{t}}", "t: Sở Ngoại vụ Cà Mau",
	             "Sở Ngoại vụ Cà Mau");

	/* An inline partial inside an indented one keeps the indentation. */
	struct partials p1 = {{"outer", "inner"}, {"a {{>inner}}\nb\n", "x\ny"}};
	char *r = render("- item\n  {{>outer}}\n", "{}", &p1, NULL);
	STR_EQ(r, "- item\n  a x\n  y\n  b\n", "mustache/partial/indent-inherited");
	free(r);
	/* A standalone partial line is removed with its line break (spec). */
	struct partials p5 = {{"inner"}, {"x"}};
	r = render("a\n  {{>inner}}\nb\n", "{}", &p5, NULL);
	STR_EQ(r, "a\n  xb\n", "mustache/partial/standalone-eats-line-break");
	free(r);

	/* Limits. */
	struct partials p2 = {{"p"}, {"{{>p}}"}};
	r = render("{{>p}}", "{}", &p2, NULL);
	STR_EQ(r, "ERR: p:1: template nesting too deep (limit 100)", "mustache/limit/recursion");
	free(r);
	struct partials p3 = {{"p"},
	                      {"{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}x{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}"}};
	struct mst_limits small = {30, 0, 10000};
	r = render("{{>p}}", "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", &p3, &small);
	STR_EQ(r, "ERR: p:1: template too complex (more than 10000 steps)", "mustache/limit/steps");
	free(r);
	struct mst_limits tiny = {0, 10, 0};
	r = render("{{#a}}{{.}}{{/a}}", "a: [aaaa, bbbb, cccc, dddd]", NULL, &tiny);
	STR_EQ(r, "ERR: t.mustache:1: output exceeds 10 bytes", "mustache/limit/output");
	free(r);
	struct partials p4 = {{"bad"}, {"ok\n{{#x}}\n"}};
	r = render("{{>bad}}", "{}", &p4, NULL);
	STR_EQ(r, "ERR: bad:2: unclosed section 'x'", "mustache/err/partial-names-itself");
	free(r);

	/* The escaper sees everything rendered so far, raw tags skip it. */
	struct mst *t = mst_parse("t", "ab{{x}}c{{{x}}}{{&x}}", 21, LANG_EN, NULL);
	struct doc *d = yaml("x: '*'");
	struct buf out = BUF_INIT;
	OK(t && mst_render(t, d->root, NULL, NULL, probe_escape, NULL, &out, NULL),
	   "mustache/escape/renders");
	STR_EQ(buf_cstr(&out), "ab<2:*>c**", "mustache/escape/sees-output");
	buf_free(&out);
	/* Appending: earlier contents of out are part of the context. */
	buf_puts(&out, "pre");
	mst_render(t, d->root, NULL, NULL, probe_escape, NULL, &out, NULL);
	STR_EQ(buf_cstr(&out), "preab<5:*>c**", "mustache/escape/appends");
	buf_free(&out);
	doc_free(d);
	mst_free(t);
	mst_free(NULL);

	/* Partials kept between renders: parsed once, the same output; one
	 * that does not parse is asked for, and fails, each time. */
	struct partials pk = {{"p", "bad"}, {"<{{x}}>", "{{#y}}"}};
	t = mst_parse("t", "{{>p}}{{>p}}", 12, LANG_EN, NULL);
	struct mst *tb = mst_parse("t", "{{>bad}}", 8, LANG_EN, NULL);
	d = yaml("x: 1");
	struct mst_kept *kept = NULL;
	asked = 0;
	for (int k = 0; k < 2; k++) {
		OK(t &&
		       mst_render_kept(t, d->root, get_partial, &pk, NULL, NULL, &kept, &out, NULL),
		   "mustache/kept/renders");
		STR_EQ(buf_cstr(&out), "<1><1>", "mustache/kept/same-output");
		buf_free(&out);
	}
	INT_EQ(asked, 1, "mustache/kept/parsed-once");
	for (int k = 0; k < 2; k++) {
		char *msg = NULL;
		OK(tb && !mst_render_kept(tb, d->root, get_partial, &pk, NULL, NULL, &kept, &out,
		                          &msg),
		   "mustache/kept/bad-fails");
		STR_EQ(msg, "bad:1: unclosed section 'y'", "mustache/kept/bad-message");
		free(msg);
		buf_free(&out);
	}
	INT_EQ(asked, 3, "mustache/kept/bad-asked-again");
	mst_kept_free(kept);
	mst_kept_free(NULL);
	doc_free(d);
	mst_free(t);
	mst_free(tb);

	OK(!mst_truthy(NULL), "mustache/truthy/null-pointer");
	return 0;
}
