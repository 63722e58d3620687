/* Unit tests of the output escaping (JSON, XML, GitHub, URI) and of the
 * corner cases of each format: unknown positions, guidance lists. */
#include <stdlib.h>

#include "diag_out.h"
#include "escape.h"
#include "unit.h"
#include "xalloc.h"

static struct buf b = BUF_INIT;

static const char *
esc(void (*fn)(struct buf *, const char *), const char *s)
{
	buf_reset(&b);
	fn(&b, s);
	return buf_cstr(&b);
}

static const char *
render(const struct diags *dq, enum out_format f)
{
	static const struct out_file files[] = {{"a b.yaml", 0.25, NULL},
	                                        {"gone.yaml", 0, "cannot open"}};
	struct out_opts o = {f, LANG_EN, 0, SEV_WARNING, 1, files, 2, SEV_INFO, 0};
	buf_reset(&b);
	diag_out(&b, dq, &o);
	return buf_cstr(&b);
}

int
main(void)
{
	/* JSON */
	STR_EQ(esc(escape_json, "a\"b\\c"), "a\\\"b\\\\c", "json/quote-backslash");
	STR_EQ(esc(escape_json, "\n\r\t\b\f"), "\\n\\r\\t\\b\\f", "json/short-escapes");
	STR_EQ(esc(escape_json, "\x01\x1f\x7f"), "\\u0001\\u001f\\u007f", "json/control-u-escapes");
	STR_EQ(esc(escape_json, "Cà Mau 長崎県 😀"), "Cà Mau 長崎県 😀", "json/utf8-passes");
	STR_EQ(esc(escape_json, "a\xffz"), "a\xef\xbf\xbdz", "json/invalid-byte-replaced");
	STR_EQ(esc(escape_json, "a\xc3"), "a\xef\xbf\xbd", "json/truncated-sequence-replaced");
	STR_EQ(esc(escape_json, "\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd", "json/overlong-replaced");
	STR_EQ(esc(escape_json, "\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
	       "json/surrogate-replaced");
	STR_EQ(esc(escape_json, "\xf4\x90\x80\x80"),
	       "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "json/beyond-10ffff-replaced");
	STR_EQ(esc(escape_json, "/<>'"), "/<>'", "json/others-literal");
	/* runs of plain text (ASCII and UTF-8) around every kind of escape */
	STR_EQ(esc(escape_json, "Hà \"Nội\"\n\x01x\xff\xc3\xa0\\"),
	       "Hà \\\"Nội\\\"\\n\\u0001x\xef\xbf\xbdà\\\\", "json/runs-around-escapes");
	STR_EQ(esc(escape_json, ""), "", "json/empty");

	/* XML */
	STR_EQ(esc(escape_xml, "a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;", "xml/entities");
	STR_EQ(esc(escape_xml, "a\nb\tc\rd"), "a&#10;b&#9;c&#13;d", "xml/whitespace-references");
	STR_EQ(esc(escape_xml, "a\x01\x1b[0mb"), "a\\x01\\x1B[0mb", "xml/controls-shown");
	STR_EQ(esc(escape_xml, "\xef\xbf\xbf"), "\xef\xbf\xbd", "xml/uffff-replaced");
	STR_EQ(esc(escape_xml, "Đà Nẵng"), "Đà Nẵng", "xml/utf8-passes");
	STR_EQ(esc(escape_xml, "\xe1\xba"), "\xef\xbf\xbd\xef\xbf\xbd", "xml/truncated-replaced");

	/* GitHub workflow commands */
	STR_EQ(esc(escape_gh_data, "50% a:b, c\r\nd"), "50%25 a:b, c%0D%0Ad", "github/data");
	STR_EQ(esc(escape_gh_property, "50% a:b, c\r\nd"), "50%25 a%3Ab%2C c%0D%0Ad",
	       "github/property");

	STR_EQ(esc(escape_gh_data, "a\x1b]0;x\x07"
	                           "b"),
	       "a%1B]0;x%07b", "github/controls-encoded");

	/* Text for a terminal or a log */
	STR_EQ(esc(escape_text, "a\n::error file=x::y"), "a\\n::error file=x::y",
	       "text/newline-escaped");
	STR_EQ(esc(escape_text, "\x1b]0;PWNED\x07\r\t\x7f"), "\\x1B]0;PWNED\\x07\\r\\t\\x7F",
	       "text/controls-escaped");
	STR_EQ(esc(escape_text, "a\xc2\x9b"
	                        "b"),
	       "a\\x9Bb", "text/c1-escaped");
	STR_EQ(esc(escape_text, "a\xe2\x80\xae"
	                        "b\xe2\x81\xa6"
	                        "c"),
	       "a\\u202Eb\\u2066c", "text/bidi-escaped");
	STR_EQ(esc(escape_text, "Đà Nẵng 長崎県 \\"), "Đà Nẵng 長崎県 \\", "text/utf8-passes");
	STR_EQ(esc(escape_text, "a\xff"
	                        "b"),
	       "a\xef\xbf\xbd"
	       "b",
	       "text/invalid-replaced");

	/* URI paths */
	STR_EQ(esc(escape_uri_path, "records/2017 Cà Mau.yaml"),
	       "records/2017%20C%C3%A0%20Mau.yaml", "uri/space-and-utf8");
	STR_EQ(esc(escape_uri_path, "a\\b:c#d?e%f"), "a/b%3Ac%23d%3Fe%25f", "uri/reserved");
	STR_EQ(esc(escape_uri_path, "a-b_c.d~e"), "a-b_c.d~e", "uri/unreserved-kept");

	/* Formats */
	struct diags dq = DIAGS_INIT;
	diags_add(&dq, "a b.yaml", (struct mark){0, 0}, SEV_ERROR, "yaml-limit", "", "too big");
	diags_add(&dq, "a b.yaml", (struct mark){7, 0}, SEV_WARNING, "follow-plan", "G7 G19",
	          "no \"plan\" <here>");
	struct diags cq = DIAGS_INIT;
	diags_add(&cq, "x\n::error file=y::z", (struct mark){1, 1}, SEV_ERROR, "schema-date", "",
	          "'\x1b[2J'");
	STR_EQ(render(&cq, OUT_TEXT),
	       "x\\n::error file=y::z:1:1: error: '\\x1B[2J' [schema-date]\n"
	       "1 file checked: 1 error, 0 warnings, 0 infos; 1 file could not be read\n",
	       "text/controls-in-file-and-message");
	diags_free(&cq);
	STR_EQ(render(&dq, OUT_TEXT),
	       "a b.yaml: error: too big [yaml-limit]\n"
	       "a b.yaml:7: warning: no \"plan\" <here> [follow-plan]\n"
	       "1 file checked: 1 error, 1 warning, 0 infos; 1 file could not be read\n",
	       "text/unknown-position");
	const char *j = render(&dq, OUT_JSON);
	OK(strstr(j, "\"line\": null, \"column\": null") != NULL, "json/unknown-position-null");
	OK(strstr(j, "\"line\": 7, \"column\": null") != NULL, "json/unknown-column-null");
	OK(strstr(j, "\"guidance\": [\"G7\", \"G19\"]") != NULL, "json/guidance-list");
	OK(strstr(j, "\"message\": \"no \\\"plan\\\" <here>\"") != NULL, "json/message-escaped");
	OK(strstr(j, "\"unreadable\": [\n    {\"file\": \"gone.yaml\", \"message\": \"cannot "
	             "open\"}") != NULL,
	   "json/unreadable-file");
	OK(strstr(j, "{\n  \"version\": 1,\n") == j, "json/version-first");
	const char *g = render(&dq, OUT_GITHUB);
	OK(strstr(g, "::error file=a b.yaml,title=yaml-limit::too big\n") != NULL,
	   "github/no-position");
	OK(strstr(g, "::warning file=a b.yaml,line=7,title=follow-plan::") != NULL,
	   "github/line-only");
	OK(strstr(g, "::error file=gone.yaml,title=debrief::cannot open\n") != NULL,
	   "github/unreadable-file");
	const char *s = render(&dq, OUT_SARIF);
	OK(strstr(s, "\"uri\": \"a%20b.yaml\", \"uriBaseId\": \"%SRCROOT%\"}}") != NULL,
	   "sarif/no-region-when-unknown");
	OK(strstr(s, "\"executionSuccessful\": false") != NULL, "sarif/unreadable-fails-run");
	OK(strstr(s, "\"uri\": \"gone.yaml\"") != NULL, "sarif/unreadable-file-named");
	OK(strstr(s, "\"name\": \"FollowPlan\"") != NULL, "sarif/rule-name");
	OK(strstr(s, "\"region\": {\"startLine\": 7}") != NULL, "sarif/line-only-region");
	const char *x = render(&dq, OUT_JUNIT);
	OK(strstr(x, "tests=\"2\" failures=\"1\" errors=\"1\"") != NULL, "junit/one-case-per-file");
	OK(strstr(x, "message=\"2 findings at or above warning\"") != NULL,
	   "junit/fail-on-warning-counts-both");
	OK(strstr(x, "file=\"a b.yaml\" time=\"0.250\"") != NULL, "junit/file-and-time");
	OK(strstr(x, "<error type=\"unreadable\" message=\"cannot open\"/>") != NULL,
	   "junit/unreadable-is-error");
	OK(strstr(x, "no &quot;plan&quot; &lt;here&gt; [follow-plan]") != NULL,
	   "junit/body-escaped");

	diags_free(&dq);

	/* SARIF fingerprints: the same finding on another line keeps its
	 * fingerprint; two identical findings in one file get two. */
	diags_add(&dq, "r.yaml", (struct mark){3, 1}, SEV_ERROR, "follow-plan", "", "same");
	diags_add(&dq, "r.yaml", (struct mark){9, 1}, SEV_ERROR, "follow-plan", "", "same");
	char *before = xstrdup(strstr(render(&dq, OUT_SARIF), "\"results\""));
	dq.v[0].mark.line = 30;
	dq.v[1].mark.line = 90;
	const char *after = strstr(render(&dq, OUT_SARIF), "\"results\"");
	const char *f1 = strstr(before, "debriefFinding/v1"),
	           *f2 = strstr(after, "debriefFinding/v1");
	OK(f1 && f2 && !strncmp(f1, f2, 40), "sarif/fingerprint-survives-line-move");
	OK(f1 && strstr(f1 + 1, "debriefFinding/v1") &&
	       strncmp(f1, strstr(f1 + 1, "debriefFinding/v1"), 40),
	   "sarif/identical-findings-differ");
	free(before);
	diags_free(&dq);

	j = render(&dq, OUT_JSON);
	STR_EQ(j,
	       "{\n  \"version\": 1,\n  \"findings\": [],\n  \"unreadable\": [\n    {\"file\": "
	       "\"gone.yaml\", \"message\": \"cannot open\"}\n  ],\n  \"summary\": {\"files\": 1, "
	       "\"errors\": 0, \"warnings\": 0, \"infos\": 0, \"unreadable\": 1}\n}\n",
	       "json/empty");
	buf_free(&b);
	return unit_failed != 0;
}
