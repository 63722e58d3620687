/*
 * explain.c: the commands that show the catalogue: `debrief rules` lists
 * every rule (text or JSON), `debrief explain RULE` prints one rule's
 * rationale with the verbatim quotes of the guidance it enforces.  Reads
 * only the tables of rules.c and guidance.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "escape.h"
#include "explain.h"
#include "guidance.h"
#include "md_escape.h"
#include "catalogue.h"
#include "xalloc.h"

static const char rules_usage[] = "usage: debrief rules [--format text|json] [--lang vi|en]\n"
                                  "       debrief rules --help\n";

static const char explain_usage[] =
    "usage: debrief explain [--format text|markdown] [--lang vi|en] RULE\n"
    "       debrief explain --help\n";

int
cmd_rules(int argc, char **argv)
{
	struct cli c = {.cmd = "rules",
	                .usage = rules_usage,
	                .common = CLI_FORMAT | CLI_LANG,
	                .formats = "text, json"};
	int rc = cli_parse(&c, argc, argv);
	if (rc >= 0)
		return rc;
	if (c.next < argc)
		return cli_error(&c, "đối số thừa: %s", "unexpected argument: %s", argv[c.next]);
	enum lang lang = c.lang;
	const char *format = c.format ? c.format : "text";
	struct buf b = BUF_INIT;
	if (!strcmp(format, "json")) {
		buf_printf(&b, "{\n  \"version\": %d,\n  \"rules\": [\n", JSON_FORMAT_VERSION);
		for (size_t i = 0; i < rule_count; i++) {
			const struct rule *ru = &rule_table[i];
			buf_puts(&b, "    {\"id\": ");
			escape_json_str(&b, ru->id);
			buf_puts(&b, ", \"severity\": ");
			escape_json_str(&b, sev_name(ru->sev));
			buf_puts(&b, ", \"guidance\": ");
			escape_json_ids(&b, ru->guidance);
			buf_puts(&b, ", \"group\": ");
			escape_json_str(&b, ru->group);
			buf_puts(&b, ", \"when\": ");
			escape_json_str(&b, L(lang, ru->when_vi, ru->when_en));
			buf_puts(&b, i + 1 < rule_count ? "},\n" : "}\n");
		}
		buf_puts(&b, "  ]\n}\n");
	} else {
		for (size_t i = 0; i < rule_count; i++) {
			const struct rule *ru = &rule_table[i];
			buf_printf(&b, "%-28s %-13s %-8s %s\n", ru->id, rules_sev_label(ru),
			           *ru->guidance ? ru->guidance : "-",
			           L(lang, ru->when_vi, ru->when_en));
		}
	}
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_USAGE;
}

/* Paragraph wrapped at width code points after indent spaces. */
static void
wrap(struct buf *b, const char *s, int indent, size_t width)
{
	size_t col = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (!n)
			break;
		char *w = xstrndup(s, n);
		size_t cps = 0;
		for (const unsigned char *p = (const unsigned char *)w; *p; p++)
			cps += (*p & 0xC0) != 0x80;
		if (col && col + 1 + cps > width) {
			buf_putc(b, '\n');
			col = 0;
		}
		if (!col)
			buf_printf(b, "%*s", indent, "");
		else {
			buf_putc(b, ' ');
			col++;
		}
		buf_puts(b, w);
		col += cps;
		free(w);
		s += n;
	}
	if (col)
		buf_putc(b, '\n');
}

/* s[0..n) escaped, the spaces around it as they are: beside a code span
 * they are plain spaces, never at the start of a line. */
static void
md_words(struct buf *b, const char *s, size_t n, int at_start)
{
	size_t lead = 0, trail = 0;
	while (!at_start && lead < n && s[lead] == ' ')
		buf_putc(b, s[lead++]);
	while (trail < n - lead && s[n - 1 - trail] == ' ')
		trail++;
	md_escape_in(b, MD_BLOCK, s + lead, n - lead - trail);
	buf_printf(b, "%.*s", (int)trail, s + n - trail);
}

/* Markdown of catalogue text: `code` stays a code span (nothing inside
 * one is markup), the rest is escaped all the same. */
static void
md_text(struct buf *b, const char *s)
{
	for (int first = 1;; first = 0) {
		const char *open = strchr(s, '`'), *close = open ? strchr(open + 1, '`') : NULL;
		if (!close) {
			md_words(b, s, strlen(s), first);
			return;
		}
		md_words(b, s, (size_t)(open - s), first);
		buf_printf(b, "%.*s", (int)(close - open + 1), open);
		s = close + 1;
	}
}

void
explain_rule(struct buf *b, const struct rule *ru, enum lang lang, int markdown)
{
	const char *group = L(lang, "Nhóm", "Group"), *guid = L(lang, "Hướng dẫn", "Guidance");
	const char *when = L(lang, "Khi nào", "When");
	const char *ids = *ru->guidance ? ru->guidance : "-";
	/* the group's id, as configurations and JSON name it, after its words */
	const char *gl = rules_group_label(ru->group, lang);
	char *gs = gl ? xasprintf("%s (%s)", gl, ru->group) : xstrdup(ru->group);
	if (markdown) {
		buf_printf(b, "**%s** (%s)  \n%s: %s  \n%s: %s  \n%s: ", ru->id,
		           rules_sev_label(ru), group, gs, guid, ids, when);
		md_text(b, L(lang, ru->when_vi, ru->when_en));
		buf_puts(b, "\n\n");
		md_text(b, L(lang, ru->why_vi, ru->why_en));
		buf_putc(b, '\n');
	} else {
		buf_printf(b, "%s (%s)\n", ru->id, rules_sev_label(ru));
		buf_printf(b, "%s: %s\n%s: %s\n", group, gs, guid, ids);
		buf_printf(b, "%s: %s\n\n", when, L(lang, ru->when_vi, ru->when_en));
		wrap(b, L(lang, ru->why_vi, ru->why_en), 0, 76);
	}
	free(gs);
	const char *g = ru->guidance;
	while (*g) {
		size_t n = strcspn(g, " ");
		char *gid = xstrndup(g, n);
		const struct guidance *gd = guidance_find(gid);
		free(gid);
		g += n;
		while (*g == ' ')
			g++;
		if (!gd)
			continue;
		const struct guidance_source *src = guidance_source_find(gd->source);
		const char *title = src ? L(lang, src->title_vi, src->title_en) : gd->source;
		char *q = guidance_quote(gd);
		if (markdown) {
			buf_printf(b, "\n**%s** — ", gd->id);
			md_text(b, title);
			buf_puts(b, "\n\n> ");
			md_text(b, q);
			buf_puts(b, "\n>\n> ");
			md_text(b, L(lang, gd->gloss_vi, gd->gloss));
			buf_putc(b, '\n');
		} else {
			buf_printf(b, "\n%s — %s\n", gd->id, title);
			buf_printf(b, "  %s\n  %s\n", q, L(lang, gd->gloss_vi, gd->gloss));
		}
		free(q);
	}
}

int
cmd_explain(int argc, char **argv)
{
	struct cli c = {.cmd = "explain",
	                .usage = explain_usage,
	                .common = CLI_FORMAT | CLI_LANG,
	                .formats = "text, markdown"};
	int rc = cli_parse(&c, argc, argv);
	if (rc >= 0)
		return rc;
	if (c.next + 1 != argc)
		return cli_error(&c, "cần đúng một mã quy tắc (RULE)",
		                 "exactly one RULE id is needed", NULL);
	enum lang lang = c.lang;
	const char *format = c.format ? c.format : "text";
	const char *id = argv[c.next];
	const struct rule *ru = rule_find(id);
	if (!ru) {
		const char *s = rules_suggest(id);
		if (s)
			fprintf(stderr,
			        L(lang, "debrief: không có quy tắc '%s'; có phải '%s'?\n",
			          "debrief: no rule '%s'; did you mean '%s'?\n"),
			        id, s);
		else
			fprintf(stderr,
			        L(lang, "debrief: không có quy tắc '%s' (xem debrief rules)\n",
			          "debrief: no rule '%s' (see debrief rules)\n"),
			        id);
		return EXIT_USAGE;
	}
	struct buf b = BUF_INIT;
	explain_rule(&b, ru, lang, !strcmp(format, "markdown"));
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_USAGE;
}
