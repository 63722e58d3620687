/*
 * Round trip of record text through the report's Markdown: a template
 * with {{x}} in each context is rendered by our engine with md_escape_auto,
 * parsed by cmark-gfm with the report's extensions, and must give back
 * exactly the text (one-line contexts: md_oneline of it) with the same
 * document structure as a plain word in its place.  Hand-picked hostile
 * strings, all pairs of a token alphabet, and seeded random token strings.
 */
#include <stdint.h>
#include <stdlib.h>

#include "md_roundtrip.h"
#include "unit.h"

/* Every context; one ok/FAIL line named "md_escape/<set>/<label>". */
static int
check_all(const char *set, const char *label, const char *v, size_t vlen, int quiet)
{
	for (size_t i = 0; i < NCTX; i++) {
		char *why;
		if (!roundtrip(&ctxs[i], v, vlen, &why)) {
			printf("FAIL md_escape/%s/%s: %s\n", set, label, why);
			free(why);
			unit_failed++;
			return 0;
		}
	}
	if (!quiet)
		printf("ok md_escape/%s/%s\n", set, label);
	return 1;
}

static const struct {
	const char *label, *v;
} hostile[] = {
    {"empty", ""},
    {"plain", "Sở Ngoại vụ tỉnh Cà Mau"},
    {"hash", "# 1 | *x*"},
    {"hashes-end", "Title ##"},
    {"pipe", "a | b || c"},
    {"stars", "*a* **b** ***"},
    {"underscores", "_a_ __b__ snake_case ___"},
    {"backticks", "`code` ``x`` ```"},
    {"angle", "<a> x < y > z"},
    {"html", "<b>x</b>"},
    {"html-comment", "<!-- -->"},
    {"html-block", "<div>\nx\n</div>"},
    {"brackets", "[a](b) [c] [d]: e ![img](f)"},
    {"bang-end", "Chúc mừng!"},
    {"newlines", "a\nb\n\nc"},
    {"newline-only", "\n"},
    {"newlines-around", "\n\nmid\n\n"},
    {"crlf", "a\r\nb\r"},
    {"ordered", "1. one"},
    {"ordered-paren", "12) twelve"},
    {"big-number", "2024. năm"},
    {"dash", "- item"},
    {"dash-alone", "-"},
    {"quote", "> quoted"},
    {"plus", "+ plus"},
    {"fence-backtick", "```\ncode\n```"},
    {"fence-tilde", "~~~\ncode\n~~~"},
    {"thematic", "---"},
    {"setext-eq", "Title\n==="},
    {"setext-dash", "Title\n---"},
    {"table-like", "a | b\n--|--\nc | d"},
    {"table-colon", "a\n:-:"},
    {"backslash", "a\\b \\* \\"},
    {"trailing-backslash", "end\\"},
    {"backslash-pipe", "\\|"},
    {"entity", "&amp; &#35; &copy; AT&T &"},
    {"entity-end", "x &"},
    {"www", "www.x.com and WWW.Y.ORG"},
    {"http", "http://example.com/a_b?c=d&e=f and https://x.y"},
    {"ftp", "ftp://files.example.org"},
    {"angle-autolink", "<https://x.y>"},
    {"email", "lienhe@songoaivu.camau.gov.vn"},
    {"strike", "~~x~~ ~y~"},
    {"task", "[ ] task"},
    {"task-done", "[x] done"},
    {"tab", "a\tb"},
    {"tab-leading", "\tindented"},
    {"leading-spaces", "    code?"},
    {"trailing-spaces", "hard break?  "},
    {"spaces-only", "   "},
    {"spaces-newline", "a  \n  b"},
    {"controls", "bell\x07 esc\x1b del\x7f"},
    {"vietnamese", "Đoàn công tác của tỉnh Nagasaki thăm Cà Mau (tháng 7/2017)"},
    {"cjk", "長崎県 知事"},
    {"footnote", "[^1] note"},
    {"link-ref", "[x]: http://y"},
    {"image-bang", "![x]"},
    {"emphasis-edge", " *a* "},
    {"colon-slash", "a://b"},
    {"heading-in-text", "x\n# y\n## z"},
    {"html-entity-numeric", "&#x41;&#65;"},
    {"parens", "(a) [b) c]"},
    {"nul", "a\0b"},
};

/* Tokens for the generated sets. */
static const char *tokens[] = {
    "#",         "|",
    "*",         "_",
    "`",         "<",
    ">",         "[",
    "]",         "!",
    "\n",        "1.",
    "2)",        "-",
    "+",         "```",
    "~~~",       "---",
    "===",       "\\",
    "&amp;",     "&",
    "<b>x</b>",  "<!-- -->",
    "www.x.com", "http://a.b/c",
    "~~",        "[ ]",
    "\t",        " ",
    "  ",        "a",
    "Việt",      "長崎",
    ":",         "(",
    ")",         "=",
    ".",         "@",
    "\r",        "![",
    "](",        "x@y.zz",
    "\n\n",      "    ",
};
#define NTOK (sizeof tokens / sizeof tokens[0])

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Examples of the escaped form itself: readable where nothing is at risk. */
static void
check_escape(const char *name, enum md_ctx ctx, const char *v, const char *want)
{
	struct buf b = BUF_INIT;
	md_escape_in(&b, ctx, v, strlen(v));
	STR_EQ(buf_cstr(&b), want, name);
	buf_free(&b);
}

static void
check_where(const char *name, const char *out, enum md_ctx want, int bol, const char *cont)
{
	struct md_pos pos;
	md_where(out, strlen(out), &pos);
	char got[200], exp[200];
	snprintf(got, sizeof got, "%d/%d/'%.*s'", (int)pos.ctx, pos.bol, (int)pos.cont_len,
	         pos.cont);
	snprintf(exp, sizeof exp, "%d/%d/'%s'", (int)want, bol, cont);
	STR_EQ(got, exp, name);
}

/* Link destinations: exactly the text, in all three ways of writing one. */
static void
check_urls(void)
{
	static const char *urls[] = {
	    "https://example.org/a_b?c=d&e=f#g",
	    "https://vi.wikipedia.org/wiki/Cà_Mau",
	    "a b (c) <d> \\e",
	    "http://x/(y)",
	    ")(",
	    "&amp;",
	    "mailto:a@b.cd",
	    "",
	    "https://x.org/\x01\x1f",
	    "javascript:alert(1)",
	    " JavaScript:x",
	    "java\nscript:x",
	    "DATA:text/html,x",
	    "file:///etc/passwd",
	    "https://x/a\nb",
	};
	const char *tmpl = "[a]({{x}}) [b](<{{x}}>) [c](https://h/{{x}})\n";
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		const char *u = urls[i];
		char *md = render(tmpl, u, strlen(u), "", 0);
		cmark_node *doc = parse(md, strlen(md));
		const char *got[3] = {NULL, NULL, NULL};
		int k = 0;
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_LINK &&
			    k < 3)
				got[k++] = cmark_node_get_url(cmark_iter_get_node(it));
		cmark_iter_free(it);
		/* Expected: controls percent-encoded; spaces too in a started one. */
		struct buf w0 = BUF_INIT, w2 = BUF_INIT;
		int unsafe = i >= 9 && i <= 13;
		buf_puts(&w2, "https://h/");
		for (const char *c = u; *c && !unsafe; c++) {
			unsigned char ch = (unsigned char)*c;
			if (ch < 0x20 || ch == 0x7f) {
				buf_printf(&w0, "%%%02X", ch);
				buf_printf(&w2, "%%%02X", ch);
			} else if (ch == ' ') {
				buf_putc(&w0, ' ');
				buf_puts(&w2, "%20");
			} else {
				buf_putc(&w0, ch);
				buf_putc(&w2, ch);
			}
		}
		if (unsafe) {
			buf_puts(&w0, "");
			buf_reset(&w2);
			buf_puts(&w2, "https://h/");
		}
		char name[64];
		snprintf(name, sizeof name, "md_escape/url/%zu", i);
		int ok = k == 3 && !strcmp(got[0], buf_cstr(&w0)) &&
		         !strcmp(got[1], buf_cstr(&w0)) &&
		         (unsafe || !strcmp(got[2], buf_cstr(&w2)));
		if (ok)
			printf("ok %s\n", name);
		else {
			printf("FAIL %s: markdown %s→ %d links: '%s' '%s' '%s', want '%s' / '%s'\n",
			       name, md, k, k > 0 ? got[0] : "", k > 1 ? got[1] : "",
			       k > 2 ? got[2] : "", buf_cstr(&w0), buf_cstr(&w2));
			unit_failed++;
		}
		buf_free(&w0);
		buf_free(&w2);
		cmark_node_free(doc);
		free(md);
	}
}

int
main(void)
{
	/* The placeholder itself must survive, or nothing below means much. */
	check_all("self", "placeholder", PLACEHOLDER, strlen(PLACEHOLDER), 0);

	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		size_t len = strcmp(hostile[i].label, "nul") ? strlen(hostile[i].v) : 3;
		if (len == 3 && !strcmp(hostile[i].label, "nul")) {
			/* NUL reads back as U+FFFD (md_escape.h); check that alone. */
			struct buf b = BUF_INIT;
			md_escape_in(&b, MD_BLOCK, hostile[i].v, 3);
			STR_EQ(buf_cstr(&b),
			       "a\xef\xbf\xbd"
			       "b",
			       "md_escape/hostile/nul");
			buf_free(&b);
			continue;
		}
		check_all("hostile", hostile[i].label, hostile[i].v, len, 0);
	}

	/* Every token alone and every ordered pair, with a word around. */
	size_t fails = 0, n = 0;
	for (size_t i = 0; i < NTOK && fails < 5; i++)
		for (size_t j = 0; j < NTOK && fails < 5; j++) {
			char *v = xasprintf("%s%s", tokens[i], tokens[j]);
			char *w = xasprintf("x%s y%s", tokens[i], tokens[j]);
			fails += !check_all("pairs", v, v, strlen(v), 1);
			fails += !check_all("pairs", w, w, strlen(w), 1);
			n += 2;
			free(v);
			free(w);
		}
	if (!fails)
		printf("ok md_escape/pairs (%zu strings x %zu contexts)\n", n, NCTX);

	/* Seeded random strings of 1..8 tokens. */
	fails = 0;
	for (n = 0; n < 1500 && fails < 5; n++) {
		struct buf b = BUF_INIT;
		unsigned k = 1 + rnd(8);
		for (unsigned t = 0; t < k; t++)
			buf_puts(&b, tokens[rnd(NTOK)]);
		char label[32];
		snprintf(label, sizeof label, "%zu", n);
		fails += !check_all("random", label, buf_cstr(&b), b.len, 1);
		buf_free(&b);
	}
	if (!fails)
		printf("ok md_escape/random (%zu strings x %zu contexts)\n", n, NCTX);

	check_urls();

	/* Two values side by side: neither may complete a construct the
	 * other started. */
	static const char *pairs[][2] = {
	    {"ww", "w.x.com"}, {"www", ".x.com"}, {"http:", "//x.com"}, {"http:/", "/x.com"},
	    {"1", ". a"},      {"12", "3) a"},    {"&am", "p;"},        {"&", "amp;"},
	    {"!", "[a](b)"},   {"a", "@b.cd"},    {"x ", " "},          {"\\", "*a*"},
	    {"-", " a"},       {"#", " a"},       {"<b", ">"},          {"~", "~a~~"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char name[80], *why = NULL;
		int ok = 1, n2 = 0;
		snprintf(name, sizeof name, "md_escape/adjacent/%s+%s", pairs[i][0], pairs[i][1]);
		for (size_t k = 0; k < NCTX && ok; k++)
			if (strstr(ctxs[k].tmpl, "{{y}}")) {
				ok = roundtrip2(&ctxs[k], pairs[i][0], strlen(pairs[i][0]),
				                pairs[i][1], strlen(pairs[i][1]), &why);
				n2++;
			}
		if (ok && n2 < 4) {
			ok = 0;
			why = xasprintf("only %d contexts with {{y}}", n2);
		}
		if (ok)
			printf("ok %s\n", name);
		else {
			printf("FAIL %s: %s\n", name, why);
			unit_failed++;
		}
		free(why);
	}

	/* Context detection. */
	check_where("md_escape/where/empty", "", MD_BLOCK, 1, "");
	check_where("md_escape/where/new-line", "text\n", MD_BLOCK, 1, "");
	check_where("md_escape/where/mid-line", "Ghi chú: ", MD_BLOCK, 0, "");
	check_where("md_escape/where/list", "x\n- ", MD_BLOCK, 1, "  ");
	check_where("md_escape/where/ordered", "10. ", MD_BLOCK, 1, "    ");
	check_where("md_escape/where/task", "  - [ ] ", MD_BLOCK, 1, "    ");
	check_where("md_escape/where/quote-list", "> 1) a ", MD_BLOCK, 0, ">    ");
	check_where("md_escape/where/bold-not-list", "**Note:** ", MD_BLOCK, 0, "");
	check_where("md_escape/where/heading", "### ", MD_HEADING, 0, "");
	check_where("md_escape/where/heading-in-list", "- ## Title ", MD_HEADING, 0, "  ");
	check_where("md_escape/where/not-heading", "#hashtag ", MD_BLOCK, 0, "");
	check_where("md_escape/where/cell", "| a | ", MD_CELL, 0, "");
	check_where("md_escape/where/escaped-pipe", "a \\| b ", MD_BLOCK, 0, "");
	check_where("md_escape/where/link-text", "See [", MD_LINK_TEXT, 0, "");
	check_where("md_escape/where/link-closed", "See [a](b) ", MD_BLOCK, 0, "");
	check_where("md_escape/where/url", "See [a](", MD_URL, 0, "");
	check_where("md_escape/where/url-angle", "See [a](<", MD_URL_ANGLE, 0, "");
	check_where("md_escape/where/url-in-cell", "| [a](", MD_URL, 0, "");
	check_where("md_escape/where/link-in-cell", "| [", MD_CELL, 0, "");

	/* The escaped form stays readable where nothing is at risk. */
	check_escape("md_escape/form/plain", MD_BLOCK, "Sở Kế hoạch & Đầu tư (KH-ĐT), 2025.",
	             "Sở Kế hoạch & Đầu tư (KH-ĐT), 2025.");
	check_escape("md_escape/form/line-start", MD_BLOCK, "1. - # x", "1\\. - # x");
	check_escape("md_escape/form/hard-break", MD_BLOCK, "a\nb\n", "a\\\nb&#10;");
	check_escape("md_escape/form/cell-newline", MD_CELL, "a\n\nb\n", "a / b");
	check_escape("md_escape/form/cell-backslash", MD_CELL, "a\\|b", "a&#92;\\|b");
	check_escape("md_escape/form/edges", MD_CELL, " a ", "&#32;a&#32;");
	check_escape("md_escape/form/heading-hash", MD_HEADING, "C# 2", "C\\# 2");
	check_escape("md_escape/form/url-space", MD_URL, "a b", "<a b>");
	check_escape("md_escape/form/url-unsafe", MD_URL, "javascript:x", "");
	/* One struct md_auto follows its buffer: another buffer, or the same
	 * one emptied, starts afresh. */
	struct md_auto ma;
	memset(&ma, 0, sizeof ma);
	struct buf b1 = BUF_INIT, b2 = BUF_INIT;
	buf_puts(&b1, "| a | ");
	md_escape_auto(&ma, &b1, "x\ny", 3);
	buf_puts(&b2, "- ");
	md_escape_auto(&ma, &b2, "x\ny", 3);
	buf_reset(&b1);
	buf_puts(&b1, "[");
	md_escape_auto(&ma, &b1, "a\nb", 3);
	buf_puts(&b1, "](");
	md_escape_auto(&ma, &b1, "u v", 3);
	STR_EQ(buf_cstr(&b2), "- x\\\n  y", "md_escape/auto/other-buffer");
	STR_EQ(buf_cstr(&b1), "[a / b](<u v>", "md_escape/auto/emptied-buffer");
	buf_free(&b1);
	buf_free(&b2);

	char *o = md_oneline("\nA\n\nB\nC\n", 8);
	STR_EQ(o, "A / B / C", "md_escape/oneline");
	free(o);
	return 0;
}
