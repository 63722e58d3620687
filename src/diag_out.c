/*
 * diag_out.c: findings as text (compiler style, optional colour), JSON,
 * SARIF 2.1.0, GitHub workflow commands and JUnit XML.  It only formats:
 * the findings arrive final and in output order; escaping is escape.c's.
 */
#include "diag_out.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "rules.h"
#include "xalloc.h"

int
out_format_parse(const char *s, enum out_format *out)
{
	static const char *names[] = {"text", "json", "sarif", "github", "junit"};
	for (int i = 0; i < 5; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum out_format)i;
			return 1;
		}
	return 0;
}

int
out_color_wanted(int fd)
{
	const char *no = getenv("NO_COLOR"), *force = getenv("FORCE_COLOR");
	/* An explicit opt-out wins over everything (no-color.org). */
	if (no && *no)
		return 0;
	if (force && *force && strcmp(force, "0"))
		return 1;
	return isatty(fd);
}

static size_t
count(const struct diags *dq, enum sev s)
{
	return diags_count(dq, s);
}

static void
summary(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	size_t e = count(dq, SEV_ERROR), w = count(dq, SEV_WARNING), i = count(dq, SEV_INFO);
	if (o->lang == LANG_EN)
		buf_printf(b, "%zu %s checked: %zu %s, %zu %s, %zu %s\n", o->nchecked,
		           o->nchecked == 1 ? "file" : "files", e, e == 1 ? "error" : "errors", w,
		           w == 1 ? "warning" : "warnings", i, i == 1 ? "note" : "notes");
	else
		buf_printf(b, "Đã kiểm tra %zu tệp: %zu lỗi, %zu cảnh báo, %zu thông tin\n",
		           o->nchecked, e, w, i);
}

/* "file:line:col", "file:line" or "file", as far as the position is known. */
static void
position(struct buf *b, const struct diag *d)
{
	buf_puts(b, d->file);
	if (d->mark.line) {
		buf_printf(b, ":%u", d->mark.line);
		if (d->mark.col)
			buf_printf(b, ":%u", d->mark.col);
	}
}

/* ---- text ---- */

static const char *const sev_colour[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m", ""};
static const char *const rule_colour[] = {"\033[36m", "\033[35m", "\033[31m", ""};

static void
out_text(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	for (size_t i = 0; i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		int s = d->sev <= SEV_ERROR ? (int)d->sev : SEV_OFF;
		if (o->color) {
			buf_puts(b, "\033[1m");
			position(b, d);
			buf_printf(b, ":\033[0m %s%s\033[0m: %s [%s%s\033[0m]\n", sev_colour[s],
			           sev_name(d->sev), d->msg, rule_colour[s], d->rule);
		} else {
			position(b, d);
			buf_printf(b, ": %s: %s [%s]\n", sev_name(d->sev), d->msg, d->rule);
		}
	}
	summary(b, dq, o);
}

/* ---- json ---- */

static void
json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	escape_json(b, s);
	buf_putc(b, '"');
}

/* A space-separated id list ("G8 G19") as a JSON array. */
static void
json_ids(struct buf *b, const char *ids)
{
	buf_putc(b, '[');
	const char *p = ids ? ids : "";
	int first = 1;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		char *id = xstrndup(p, n);
		buf_puts(b, first ? "" : ", ");
		json_str(b, id);
		free(id);
		first = 0;
		p += n;
	}
	buf_putc(b, ']');
}

/* Line or column: a number counted from 1, null when unknown. */
static void
json_pos(struct buf *b, unsigned v)
{
	if (v)
		buf_printf(b, "%u", v);
	else
		buf_puts(b, "null");
}

static void
out_json(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	buf_puts(b, "{\n  \"findings\": [");
	for (size_t i = 0; i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		buf_puts(b, i ? ",\n    {\"file\": " : "\n    {\"file\": ");
		json_str(b, d->file);
		buf_puts(b, ", \"line\": ");
		json_pos(b, d->mark.line);
		buf_puts(b, ", \"column\": ");
		json_pos(b, d->mark.col);
		buf_puts(b, ", \"rule\": ");
		json_str(b, d->rule);
		buf_puts(b, ", \"severity\": ");
		json_str(b, sev_name(d->sev));
		buf_puts(b, ", \"message\": ");
		json_str(b, d->msg);
		buf_puts(b, ", \"guidance\": ");
		json_ids(b, d->guidance);
		buf_putc(b, '}');
	}
	buf_puts(b, dq->n ? "\n  ],\n" : "],\n");
	buf_printf(b,
	           "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
	           "\"infos\": %zu}\n}\n",
	           o->nchecked, count(dq, SEV_ERROR), count(dq, SEV_WARNING), count(dq, SEV_INFO));
}

/* ---- sarif ---- */

static const char *
sarif_level(enum sev s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* Rules of the SARIF driver: the catalogue, then any id a finding carries
 * that the catalogue does not know (so every result has a ruleIndex). */
struct sarif_rules {
	const char **extra; /* ids, static */
	enum sev *extra_sev;
	size_t nextra, cap, cap_sev;
};

static size_t
sarif_rule_index(struct sarif_rules *sr, const struct diag *d)
{
	for (size_t i = 0; i < rule_count; i++)
		if (!strcmp(rule_table[i].id, d->rule))
			return i;
	for (size_t i = 0; i < sr->nextra; i++)
		if (!strcmp(sr->extra[i], d->rule))
			return rule_count + i;
	sr->extra = xgrow(sr->extra, &sr->cap, sr->nextra + 1, sizeof *sr->extra);
	sr->extra_sev = xgrow(sr->extra_sev, &sr->cap_sev, sr->nextra + 1, sizeof *sr->extra_sev);
	sr->extra[sr->nextra] = d->rule;
	sr->extra_sev[sr->nextra] = d->sev;
	return rule_count + sr->nextra++;
}

static void
sarif_rule(struct buf *b, const char *id, const char *when, const char *why, const char *guidance,
           enum sev sev, int first)
{
	buf_puts(b, first ? "\n" : ",\n");
	buf_puts(b, "            {\n              \"id\": ");
	json_str(b, id);
	buf_puts(b, ",\n              \"shortDescription\": {\"text\": ");
	json_str(b, when && *when ? when : id);
	buf_puts(b, "},\n");
	if (why && *why) {
		buf_puts(b, "              \"fullDescription\": {\"text\": ");
		json_str(b, why);
		buf_puts(b, "},\n");
	}
	buf_printf(b, "              \"defaultConfiguration\": {\"level\": \"%s\"},\n",
	           sarif_level(sev));
	buf_puts(b, "              \"properties\": {\"guidance\": ");
	json_ids(b, guidance);
	buf_puts(b, "}\n            }");
}

static void
out_sarif(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	struct sarif_rules sr = {0};
	struct buf res = BUF_INIT;
	/* Results first, to learn the extra rule ids. */
	for (size_t i = 0; i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		size_t idx = sarif_rule_index(&sr, d);
		buf_puts(&res, i ? ",\n" : "\n");
		buf_puts(&res, "        {\n          \"ruleId\": ");
		json_str(&res, d->rule);
		buf_printf(&res, ",\n          \"ruleIndex\": %zu,\n", idx);
		buf_printf(&res, "          \"level\": \"%s\",\n", sarif_level(d->sev));
		buf_puts(&res, "          \"message\": {\"text\": ");
		json_str(&res, d->msg);
		buf_puts(&res, "},\n          \"locations\": [\n            {\"physicalLocation\": "
		               "{\"artifactLocation\": {\"uri\": \"");
		struct buf uri = BUF_INIT;
		escape_uri_path(&uri, d->file);
		escape_json(&res, buf_cstr(&uri));
		buf_free(&uri);
		buf_puts(&res, "\"}");
		if (d->mark.line) {
			buf_printf(&res, ", \"region\": {\"startLine\": %u", d->mark.line);
			if (d->mark.col)
				buf_printf(&res, ", \"startColumn\": %u", d->mark.col);
			buf_putc(&res, '}');
		}
		buf_puts(&res, "}}\n          ]\n        }");
	}

	buf_puts(b, "{\n  \"$schema\": "
	            "\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
	            "sarif-schema-2.1.0.json\",\n"
	            "  \"version\": \"2.1.0\",\n"
	            "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
	            "          \"name\": \"debrief\",\n"
	            "          \"version\": \"" DEBRIEF_VERSION "\",\n"
	            "          \"rules\": [");
	for (size_t i = 0; i < rule_count; i++) {
		const struct rule *r = &rule_table[i];
		sarif_rule(b, r->id, L(o->lang, r->when_vi, r->when_en),
		           L(o->lang, r->why_vi, r->why_en), r->guidance, r->sev, i == 0);
	}
	for (size_t i = 0; i < sr.nextra; i++)
		sarif_rule(b, sr.extra[i], NULL, NULL, "", sr.extra_sev[i], rule_count + i == 0);
	buf_puts(b, rule_count + sr.nextra ? "\n          ]\n" : "]\n");
	buf_puts(b, "        }\n      },\n");
	/* Columns count code points, as the YAML parser counts them. */
	buf_puts(b, "      \"columnKind\": \"unicodeCodePoints\",\n");
	buf_printf(b, "      \"results\": [%s%s]\n    }\n  ]\n}\n", buf_cstr(&res),
	           dq->n ? "\n      " : "");
	buf_free(&res);
	free(sr.extra);
	free(sr.extra_sev);
}

/* ---- github ---- */

static void
out_github(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	for (size_t i = 0; i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		const char *cmd = d->sev == SEV_ERROR     ? "error"
		                  : d->sev == SEV_WARNING ? "warning"
		                                          : "notice";
		buf_printf(b, "::%s file=", cmd);
		escape_gh_property(b, d->file);
		if (d->mark.line) {
			buf_printf(b, ",line=%u", d->mark.line);
			if (d->mark.col)
				buf_printf(b, ",col=%u", d->mark.col);
		}
		buf_puts(b, ",title=");
		escape_gh_property(b, d->rule);
		buf_puts(b, "::");
		escape_gh_data(b, d->msg);
		buf_putc(b, '\n');
	}
	summary(b, dq, o);
}

/* ---- junit ---- */

/* A run of consecutive findings about one file. */
struct group {
	const char *file;
	size_t from, to;
	int used;
};

static int
cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	return x->from < y->from ? -1 : x->from > y->from;
}

/* One <testsuite> for file; returns the number of test cases written. */
static size_t
junit_suite(struct buf *b, const char *file, const struct diags *dq, const struct group *g,
            size_t ng, const struct out_opts *o)
{
	size_t tests = 0, failures = 0;
	for (size_t k = 0; k < ng; k++)
		for (size_t i = g[k].from; i < g[k].to; i++)
			failures += dq->v[i].sev >= o->fail_on;
	tests = failures ? failures : 1;
	buf_puts(b, "  <testsuite name=\"");
	escape_xml(b, file);
	buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n", tests,
	           failures);
	struct buf rest = BUF_INIT, line = BUF_INIT;
	for (size_t k = 0; k < ng; k++)
		for (size_t i = g[k].from; i < g[k].to; i++) {
			const struct diag *d = &dq->v[i];
			buf_reset(&line);
			position(&line, d);
			buf_printf(&line, ": %s: %s [%s]", sev_name(d->sev), d->msg, d->rule);
			if (d->sev < o->fail_on) {
				escape_xml(&rest, buf_cstr(&line));
				buf_puts(&rest, "&#10;");
				continue;
			}
			buf_puts(b, "    <testcase classname=\"");
			escape_xml(b, file);
			buf_puts(b, "\" name=\"");
			escape_xml(b, d->rule);
			if (d->mark.line)
				buf_printf(b, " %u:%u", d->mark.line, d->mark.col);
			buf_puts(b, "\">\n      <failure type=\"");
			escape_xml(b, d->rule);
			buf_puts(b, "\" message=\"");
			escape_xml(b, d->msg);
			buf_puts(b, "\">");
			escape_xml(b, buf_cstr(&line));
			buf_puts(b, "</failure>\n    </testcase>\n");
		}
	if (!failures) {
		buf_puts(b, "    <testcase classname=\"");
		escape_xml(b, file);
		buf_puts(b, "\" name=\"check\"/>\n");
	}
	if (rest.len)
		buf_printf(b, "    <system-out>%s</system-out>\n", buf_cstr(&rest));
	buf_puts(b, "  </testsuite>\n");
	buf_free(&rest);
	buf_free(&line);
	return tests;
}

static void
out_junit(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	/* At most one run per finding; never NULL, even with no finding. */
	struct group *g = xcalloc(dq->n + 1, sizeof *g);
	size_t ng = 0;
	for (size_t i = 0; i < dq->n; i++) {
		if (ng && !strcmp(g[ng - 1].file, dq->v[i].file)) {
			g[ng - 1].to = i + 1;
			continue;
		}
		g[ng++] = (struct group){dq->v[i].file, i, i + 1, 0};
	}
	/* Sorted by file name, so that each file finds its runs quickly. */
	if (ng > 1)
		qsort(g, ng, sizeof *g, cmp_group);

	size_t tests = 0, failures = 0;
	for (size_t i = 0; i < dq->n; i++)
		failures += dq->v[i].sev >= o->fail_on;
	struct buf body = BUF_INIT;
	for (size_t f = 0; f < o->nfiles; f++) {
		struct group key = {o->files[f], 0, 0, 0};
		size_t lo = 0, hi = ng;
		while (lo < hi) { /* first group of this file */
			size_t mid = (lo + hi) / 2;
			if (strcmp(g[mid].file, key.file) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < ng && !strcmp(g[end].file, key.file) && !g[end].used)
			g[end++].used = 1;
		tests += junit_suite(&body, key.file, dq, g + lo, end - lo, o);
	}
	/* Findings about a file outside the list still appear. */
	for (size_t k = 0; k < ng; k++)
		if (!g[k].used) {
			size_t end = k;
			while (end < ng && !strcmp(g[end].file, g[k].file))
				g[end++].used = 1;
			tests += junit_suite(&body, g[k].file, dq, g + k, end - k, o);
		}
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(
	    b, "<testsuites name=\"debrief check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
	    tests, failures);
	buf_puts(b, buf_cstr(&body));
	buf_puts(b, "</testsuites>\n");
	buf_free(&body);
	free(g);
}

void
diag_out(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	switch (o->format) {
	case OUT_TEXT: out_text(b, dq, o); break;
	case OUT_JSON: out_json(b, dq, o); break;
	case OUT_SARIF: out_sarif(b, dq, o); break;
	case OUT_GITHUB: out_github(b, dq, o); break;
	case OUT_JUNIT: out_junit(b, dq, o); break;
	}
}
