/*
 * diag_out.c: findings as text (compiler style, optional colour), JSON,
 * SARIF 2.1.0, GitHub workflow commands and JUnit XML.  It only formats:
 * the findings arrive final and in output order; escaping is escape.c's.
 */
#include "diag_out.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "explain.h"
#include "catalogue.h"
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

/* Findings by severity (info, warning, error), counted as they are written. */
struct counts {
	size_t n[3];
};

static void
counted(struct counts *c, const struct diag *d)
{
	if (d->sev <= SEV_ERROR)
		c->n[d->sev]++;
}

/* Files that could not be read: the formats that list files name them,
 * and the summary line counts them. */
static size_t
count_unreadable(const struct out_opts *o)
{
	size_t n = 0;
	for (size_t i = 0; i < o->nfiles; i++)
		n += o->files[i].error != NULL;
	return n;
}

static void
summary(struct buf *b, const struct counts *c, const struct out_opts *o)
{
	size_t e = c->n[SEV_ERROR], w = c->n[SEV_WARNING], i = c->n[SEV_INFO];
	size_t u = count_unreadable(o);
	if (o->lang == LANG_EN) {
		buf_printf(b, "%zu %s checked: %zu %s", o->nchecked,
		           o->nchecked == 1 ? "file" : "files", e, e == 1 ? "error" : "errors");
		if (o->shown_from <= SEV_WARNING)
			buf_printf(b, ", %zu %s", w, w == 1 ? "warning" : "warnings");
		if (o->shown_from <= SEV_INFO)
			buf_printf(b, ", %zu %s", i, i == 1 ? "info" : "infos");
		else
			buf_puts(b, o->shown_from == SEV_WARNING
			                ? " (infos not listed)"
			                : " (warnings and infos not listed)");
	} else {
		buf_printf(b, "Đã kiểm tra %zu tệp: %zu lỗi", o->nchecked, e);
		if (o->shown_from <= SEV_WARNING)
			buf_printf(b, ", %zu cảnh báo", w);
		if (o->shown_from <= SEV_INFO)
			buf_printf(b, ", %zu thông tin", i);
		else
			buf_puts(b, o->shown_from == SEV_WARNING
			                ? " (không liệt kê thông tin)"
			                : " (không liệt kê cảnh báo và thông tin)");
	}
	if (o->own_errors_only)
		buf_puts(b,
		         L(o->lang,
		           "; với từng hồ sơ chỉ liệt kê lỗi định dạng, các phát hiện khác: xem "
		           "debrief check",
		           "; of each record's own findings only its format errors are listed, the "
		           "rest: see debrief check"));
	/* named on standard error above, and the exit status 2 */
	if (u && o->lang == LANG_EN)
		buf_printf(b, "; %zu %s could not be read", u, u == 1 ? "file" : "files");
	else if (u)
		buf_printf(b, "; %zu tệp không đọc được", u);
	buf_putc(b, '\n');
}

/* ":" and v in decimal, as ":%u" would write it: without printf, as
 * every finding has two. */
static void
put_colon_uint(struct buf *b, unsigned v)
{
	char s[16];
	size_t i = sizeof s;
	do
		s[--i] = (char)('0' + v % 10);
	while (v /= 10);
	s[--i] = ':';
	buf_put(b, s + i, sizeof s - i);
}

/* "file:line:col", "file:line" or "file", as far as the position is known. */
static void
position(struct buf *b, const struct diag *d)
{
	escape_text(b, d->file);
	if (d->mark.line) {
		put_colon_uint(b, d->mark.line);
		if (d->mark.col)
			put_colon_uint(b, d->mark.col);
	}
}

/* ---- text ---- */

static const char *const sev_colour[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m", ""};
static const char *const rule_colour[] = {"\033[36m", "\033[35m", "\033[31m", ""};

/* What is complete of b onto f, when there is much of it: a run's
 * findings need not be held twice, once as findings and once as output. */
static void
spill(struct buf *b, FILE *f)
{
	if (f && b->len >= 65536) {
		(void)fwrite(b->data, 1, b->len, f); /* the caller checks ferror(f) */
		buf_reset(b);
	}
}

/* One finding of the text output. */
static void
text_one(struct buf *b, const struct diag *d, const struct out_opts *o, size_t nth)
{
	int s = d->sev <= SEV_ERROR ? (int)d->sev : SEV_OFF;
	if (o->color) {
		buf_puts(b, "\033[1m");
		position(b, d);
		buf_printf(b, ":\033[0m %s%s\033[0m: ", sev_colour[s], sev_name(d->sev));
		escape_text(b, d->msg);
		buf_printf(b, " [%s%s\033[0m]\n", rule_colour[s], d->rule);
	} else {
		diag_line(b, d);
	}
}

/* Every finding of g, in order, through one (given its place), what is
 * complete of b written to f as it goes; counted by severity into c.
 * Returns how many. */
static size_t
each_finding(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f,
             struct counts *c,
             void (*one)(struct buf *, const struct diag *, const struct out_opts *, size_t))
{
	size_t n = 0;
	struct diags dq;
	for (size_t k = 0; k < g->n; k++) {
		g->get(g->ctx, k, &dq);
		for (size_t i = 0; i < dq.n; i++) {
			spill(b, f);
			counted(c, &dq.v[i]);
			one(b, &dq.v[i], o, n++);
		}
	}
	return n;
}

static void
out_text(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f)
{
	struct counts c = {{0}};
	each_finding(b, g, o, f, &c, text_one);
	summary(b, &c, o);
}

void
diag_line(struct buf *b, const struct diag *d)
{
	position(b, d);
	buf_puts(b, ": ");
	buf_puts(b, sev_name(d->sev));
	buf_puts(b, ": ");
	escape_text(b, d->msg);
	buf_puts(b, " [");
	buf_puts(b, d->rule);
	buf_puts(b, "]\n");
}

void
diag_eprint(const struct diags *dq, int errors_only)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dq->n; i++)
		if (!errors_only || dq->v[i].sev == SEV_ERROR)
			diag_line(&b, &dq->v[i]);
	fputs(buf_cstr(&b), stderr);
	buf_free(&b);
}

/* ---- json ---- */

/* Line or column: a number counted from 1, null when unknown. */
static void
json_pos(struct buf *b, unsigned v)
{
	if (v)
		buf_printf(b, "%u", v);
	else
		buf_puts(b, "null");
}

/* One finding of the JSON output, the nth. */
static void
json_one(struct buf *b, const struct diag *d, const struct out_opts *o, size_t nth)
{
	buf_puts(b, nth ? ",\n    {\"file\": " : "\n    {\"file\": ");
	escape_json_str(b, d->file);
	buf_puts(b, ", \"line\": ");
	json_pos(b, d->mark.line);
	buf_puts(b, ", \"column\": ");
	json_pos(b, d->mark.col);
	buf_puts(b, ", \"rule\": ");
	escape_json_str(b, d->rule);
	buf_puts(b, ", \"severity\": ");
	escape_json_str(b, sev_name(d->sev));
	buf_puts(b, ", \"message\": ");
	escape_json_str(b, d->msg);
	buf_puts(b, ", \"guidance\": ");
	escape_json_ids(b, d->guidance);
	buf_putc(b, '}');
}

/* What follows the n findings: the unreadable files and the summary. */
static void
json_end(struct buf *b, const struct counts *c, size_t n, const struct out_opts *o)
{
	buf_puts(b, n ? "\n  ],\n  \"unreadable\": [" : "],\n  \"unreadable\": [");
	size_t nbad = 0;
	for (size_t i = 0; i < o->nfiles; i++) {
		if (!o->files[i].error)
			continue;
		buf_puts(b, nbad++ ? ",\n    {\"file\": " : "\n    {\"file\": ");
		escape_json_str(b, o->files[i].name);
		buf_puts(b, ", \"message\": ");
		escape_json_str(b, o->files[i].error);
		buf_putc(b, '}');
	}
	buf_puts(b, nbad ? "\n  ],\n" : "],\n");
	buf_printf(b,
	           "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
	           "\"infos\": %zu, \"unreadable\": %zu}\n}\n",
	           o->nchecked, c->n[SEV_ERROR], c->n[SEV_WARNING], c->n[SEV_INFO], nbad);
}

static void
out_json(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f)
{
	buf_printf(b, "{\n  \"version\": %d,\n  \"findings\": [", JSON_FORMAT_VERSION);
	struct counts c = {{0}};
	size_t n = each_finding(b, g, o, f, &c, json_one);
	json_end(b, &c, n, o);
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

/* A rule id as a SARIF name: "prep-objectives" → "PrepObjectives". */
static void
sarif_name(struct buf *b, const char *id)
{
	int up = 1;
	for (const char *p = id; *p; p++) {
		if (*p == '-') {
			up = 1;
			continue;
		}
		buf_putc(b, up && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		up = 0;
	}
}

static void
sarif_rule(struct buf *b, const char *id, const struct rule *r, enum sev sev,
           const struct out_opts *o, int first)
{
	const char *when = r ? L(o->lang, r->when_vi, r->when_en) : NULL;
	const char *why = r ? L(o->lang, r->why_vi, r->why_en) : NULL;
	buf_puts(b, first ? "\n" : ",\n");
	buf_puts(b, "            {\n              \"id\": ");
	escape_json_str(b, id);
	buf_puts(b, ",\n              \"name\": \"");
	sarif_name(b, id);
	buf_puts(b, "\",\n              \"shortDescription\": {\"text\": ");
	escape_json_str(b, when && *when ? when : id);
	buf_puts(b, "},\n");
	if (why && *why) {
		buf_puts(b, "              \"fullDescription\": {\"text\": ");
		escape_json_str(b, why);
		buf_puts(b, "},\n");
	}
	if (r) {
		/* What `debrief explain` prints, for the alert's help panel. */
		struct buf h = BUF_INIT;
		explain_rule(&h, r, o->lang, 0);
		buf_puts(b, "              \"help\": {\"text\": ");
		escape_json_str(b, buf_cstr(&h));
		buf_reset(&h);
		explain_rule(&h, r, o->lang, 1);
		buf_puts(b, ", \"markdown\": ");
		escape_json_str(b, buf_cstr(&h));
		buf_puts(b, "},\n");
		buf_free(&h);
	}
	buf_printf(b, "              \"defaultConfiguration\": {\"level\": \"%s\"},\n",
	           sarif_level(sev));
	buf_puts(b, "              \"properties\": {\"guidance\": ");
	escape_json_ids(b, r ? r->guidance : "");
	buf_puts(b, "}\n            }");
}

/* A file as SARIF and GitHub annotations name it, whatever way the path
 * was typed: without empty or "." components ("./a//b/./c" is "a/b/c"), and
 * relative to the current directory when it lies under it.  ".." is kept:
 * a link may come before it.  Both the location and the fingerprint use
 * it; GitHub puts an annotation on a pull request's file only when it is
 * named so ("./a.yaml" is on no file). */
struct sarif_paths {
	char *cwd[2]; /* the current directory, physical and as $PWD names it */
	size_t ncwd;
	const char *last; /* the last file asked for, and its path */
	char *last_path;
};

static char *
path_clean(const char *p)
{
	char *out = xmalloc(strlen(p) + 2), *o = out;
	int abs = p[0] == '/';
	if (abs)
		*o++ = '/';
	while (*p) {
		while (*p == '/')
			p++;
		const char *s = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - s);
		if (!len || (len == 1 && s[0] == '.'))
			continue;
		if (o > out + abs)
			*o++ = '/';
		memcpy(o, s, len);
		o += len;
	}
	if (o == out)
		*o++ = '.';
	*o = '\0';
	return out;
}

static void
sarif_paths_init(struct sarif_paths *sp)
{
	*sp = (struct sarif_paths){0};
	char *phys = getcwd(NULL, 0);
	if (phys) {
		sp->cwd[sp->ncwd++] = path_clean(phys);
		free(phys);
	}
	const char *pwd = getenv("PWD");
	struct stat a, b;
	if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		char *c = path_clean(pwd);
		if (!sp->ncwd || strcmp(c, sp->cwd[0]))
			sp->cwd[sp->ncwd++] = c;
		else
			free(c);
	}
}

static void
sarif_paths_free(struct sarif_paths *sp)
{
	for (size_t i = 0; i < sp->ncwd; i++)
		free(sp->cwd[i]);
	free(sp->last_path);
}

/* Whether a clean path has a ".." component. */
static int
has_dotdot(const char *p)
{
	for (; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p))
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || !p[2]))
			return 1;
	return 0;
}

/* The path of file, owned by sp until the next call; an absolute path
 * with ".." stays absolute, as the directory it names may not be under
 * the current one. */
static const char *
sarif_path(struct sarif_paths *sp, const char *file)
{
	if (sp->last && !strcmp(sp->last, file))
		return sp->last_path;
	free(sp->last_path);
	char *c = path_clean(file);
	for (size_t i = 0; c[0] == '/' && i < sp->ncwd; i++) {
		const char *d = sp->cwd[i];
		size_t n = strlen(d);
		const char *rel = !strcmp(d, "/")                                ? c + 1
		                  : !strncmp(c, d, n) && c[n] == '/' && c[n + 1] ? c + n + 1
		                                                                 : NULL;
		if (rel && *rel && !has_dotdot(rel)) {
			memmove(c, rel, strlen(rel) + 1);
			break;
		}
	}
	sp->last = file;
	sp->last_path = c;
	return c;
}

/* The start of a physicalLocation object, left open: its artifact
 * location, relative paths against the root the run was started from
 * (%SRCROOT%, the repository in CI), others as file URIs. */
static void
sarif_artifact(struct buf *b, struct sarif_paths *sp, const char *file)
{
	struct buf uri = BUF_INIT;
	file = sarif_path(sp, file);
	if (file[0] == '/')
		buf_puts(&uri, "file://");
	escape_uri_path(&uri, file);
	buf_puts(b, "{\"artifactLocation\": {\"uri\": \"");
	escape_json(b, buf_cstr(&uri));
	buf_puts(b, file[0] == '/' ? "\"}" : "\", \"uriBaseId\": \"%SRCROOT%\"}");
	buf_free(&uri);
}

/* FNV-1a, 64 bits, over s and its terminating NUL. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

/* The same over a message with every run of digits as one '#': a message
 * may name another line ("first at line 5"), which moves with it. */
static uint64_t
fnv_words(uint64_t h, const char *s)
{
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			while (s[1] >= '0' && s[1] <= '9')
				s++;
		}
		h ^= (unsigned char)(*s >= '0' && *s <= '9' ? '#' : *s);
		h *= 0x100000001b3ULL;
	}
	return fnv(h, "");
}

struct fp {
	uint64_t h;
	size_t i;
};

static int
cmp_fp(const void *a, const void *b)
{
	const struct fp *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Fingerprints that survive lines moving: file, rule and message (its
 * numbers aside), and which of the identical findings it is.  Returns dq->n
 * hashes.  The file is part of the hash, so a group (every finding about
 * its file) is counted on its own. */
static uint64_t *
sarif_fingerprints(const struct diags *dq, struct sarif_paths *sp)
{
	struct fp *k = xcalloc(dq->n + 1, sizeof *k);
	uint64_t *out = xcalloc(dq->n + 1, sizeof *out);
	for (size_t i = 0; i < dq->n; i++) {
		uint64_t h = 0xcbf29ce484222325ULL;
		h = fnv(h, sarif_path(sp, dq->v[i].file));
		h = fnv(h, dq->v[i].rule);
		k[i] = (struct fp){fnv_words(h, dq->v[i].msg), i};
	}
	qsort(k, dq->n, sizeof *k, cmp_fp);
	for (size_t i = 0, nth = 0; i < dq->n; i++) {
		nth = i && k[i].h == k[i - 1].h ? nth + 1 : 0;
		uint64_t h = k[i].h;
		for (size_t v = nth; v; v >>= 8) {
			h ^= v & 0xff;
			h *= 0x100000001b3ULL;
		}
		out[k[i].i] = h;
	}
	free(k);
	return out;
}

/* One result of the SARIF output, the nth, with its rule's index and
 * fingerprint. */
static void
sarif_result(struct buf *b, struct sarif_paths *sp, const struct diag *d, size_t idx, uint64_t fp,
             size_t nth)
{
	buf_puts(b, nth ? ",\n" : "\n");
	buf_puts(b, "        {\n          \"ruleId\": ");
	escape_json_str(b, d->rule);
	buf_printf(b, ",\n          \"ruleIndex\": %zu,\n", idx);
	buf_printf(b, "          \"level\": \"%s\",\n", sarif_level(d->sev));
	buf_puts(b, "          \"message\": {\"text\": ");
	escape_json_str(b, d->msg);
	buf_puts(b, "},\n          \"locations\": [\n            {\"physicalLocation\": ");
	sarif_artifact(b, sp, d->file);
	if (d->mark.line) {
		buf_printf(b, ", \"region\": {\"startLine\": %u", d->mark.line);
		if (d->mark.col)
			buf_printf(b, ", \"startColumn\": %u", d->mark.col);
		buf_putc(b, '}');
	}
	buf_printf(b,
	           "}}\n          ],\n"
	           "          \"partialFingerprints\": {\"debriefFinding/v1\": "
	           "\"%016llx\"}\n        }",
	           (unsigned long long)fp);
}

static void
out_sarif(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f)
{
	struct sarif_rules sr = {0};
	struct sarif_paths sp;
	struct diags dq;
	size_t n = 0;
	sarif_paths_init(&sp);
	/* The rules come first: learn the extra rule ids from every result. */
	for (size_t k = 0; k < g->n; k++) {
		g->get(g->ctx, k, &dq);
		for (size_t i = 0; i < dq.n; i++)
			sarif_rule_index(&sr, &dq.v[i]);
		n += dq.n;
	}

	buf_puts(b, "{\n  \"$schema\": "
	            "\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
	            "sarif-schema-2.1.0.json\",\n"
	            "  \"version\": \"2.1.0\",\n"
	            "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
	            "          \"name\": \"debrief\",\n"
	            "          \"version\": \"" DEBRIEF_VERSION "\",\n"
	            "          \"rules\": [");
	for (size_t i = 0; i < rule_count; i++)
		sarif_rule(b, rule_table[i].id, &rule_table[i], rule_table[i].sev, o, i == 0);
	for (size_t i = 0; i < sr.nextra; i++)
		sarif_rule(b, sr.extra[i], NULL, sr.extra_sev[i], o, rule_count + i == 0);
	buf_puts(b, rule_count + sr.nextra ? "\n          ]\n" : "]\n");
	buf_puts(b, "        }\n      },\n");
	/* A file that could not be read is a failure of the run, with the file. */
	size_t nbad = count_unreadable(o);
	buf_printf(b, "      \"invocations\": [\n        {\"executionSuccessful\": %s",
	           nbad ? "false" : "true");
	if (nbad) {
		buf_puts(b, ", \"toolExecutionNotifications\": [");
		for (size_t i = 0, k = 0; i < o->nfiles; i++) {
			if (!o->files[i].error)
				continue;
			buf_puts(b, k++ ? ",\n" : "\n");
			buf_puts(b, "          {\"level\": \"error\", \"message\": {\"text\": ");
			escape_json_str(b, o->files[i].error);
			buf_puts(b, "}, \"locations\": [{\"physicalLocation\": ");
			sarif_artifact(b, &sp, o->files[i].name);
			buf_puts(b, "}}]}");
		}
		buf_puts(b, "\n        ]");
	}
	buf_puts(b, "}\n      ],\n");
	/* Columns count code points, as the YAML parser counts them. */
	buf_puts(b, "      \"columnKind\": \"unicodeCodePoints\",\n");
	buf_puts(b, "      \"results\": [");
	for (size_t k = 0, nth = 0; k < g->n; k++) {
		g->get(g->ctx, k, &dq);
		uint64_t *fps = sarif_fingerprints(&dq, &sp);
		for (size_t i = 0; i < dq.n; i++) {
			spill(b, f);
			sarif_result(b, &sp, &dq.v[i], sarif_rule_index(&sr, &dq.v[i]), fps[i],
			             nth++);
		}
		free(fps);
	}
	buf_printf(b, "%s]\n    }\n  ]\n}\n", n ? "\n      " : "");
	free(sr.extra);
	free(sr.extra_sev);
	sarif_paths_free(&sp);
}

/* ---- github ---- */

/* One finding as a workflow command, about file (as sarif_path names it). */
static void
github_one(struct buf *b, const struct diag *d, const char *file)
{
	const char *cmd = d->sev == SEV_ERROR     ? "error"
	                  : d->sev == SEV_WARNING ? "warning"
	                                          : "notice";
	buf_printf(b, "::%s file=", cmd);
	escape_gh_property(b, file);
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

static void
out_github(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f)
{
	struct counts c = {{0}};
	struct sarif_paths sp;
	sarif_paths_init(&sp);
	struct diags dq;
	for (size_t k = 0; k < g->n; k++) {
		g->get(g->ctx, k, &dq);
		for (size_t i = 0; i < dq.n; i++) {
			spill(b, f);
			counted(&c, &dq.v[i]);
			github_one(b, &dq.v[i], sarif_path(&sp, dq.v[i].file));
		}
		sp.last = NULL; /* the group's strings are not kept past the next get() */
	}
	for (size_t i = 0; i < o->nfiles; i++) {
		if (!o->files[i].error)
			continue;
		buf_puts(b, "::error file=");
		escape_gh_property(b, sarif_path(&sp, o->files[i].name));
		buf_puts(b, ",title=debrief::");
		escape_gh_data(b, o->files[i].error);
		buf_putc(b, '\n');
	}
	sarif_paths_free(&sp);
	summary(b, &c, o);
}

/* ---- junit ---- */

/* A group of findings about one file, by its name. */
struct group {
	const char *file;
	size_t k; /* its index among the groups */
	int used;
};

static int
cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* One <testcase> for a file (b NULL: only counted): the findings of its
 * groups at or above --fail-on in one failure, the others in the test
 * case's own output, a file that could not be read as an error.  Adds
 * to *failures and *errors. */
static void
junit_case(struct buf *b, const struct out_file *f, const struct diag_groups *dg,
           const struct group *g, size_t ng, const struct out_opts *o, size_t *failures,
           size_t *errors)
{
	struct buf fail = BUF_INIT, rest = BUF_INIT, line = BUF_INIT;
	size_t nfail = 0, nrest = 0;
	struct diags dq;
	for (size_t k = 0; k < ng; k++) {
		dg->get(dg->ctx, g[k].k, &dq);
		for (size_t i = 0; i < dq.n; i++) {
			const struct diag *d = &dq.v[i];
			int fails = d->sev >= o->fail_on;
			nfail += fails;
			nrest += !fails;
			if (!b)
				continue;
			buf_reset(&line);
			position(&line, d);
			buf_printf(&line, ": %s: %s [%s]", sev_name(d->sev), d->msg, d->rule);
			escape_xml(fails ? &fail : &rest, buf_cstr(&line));
			buf_puts(fails ? &fail : &rest, "&#10;");
		}
	}
	*errors += f->error != NULL;
	*failures += nfail > 0;
	if (!b)
		return;
	buf_puts(b, "    <testcase classname=\"debrief.check\" name=\"");
	escape_xml(b, f->name);
	buf_puts(b, "\" file=\"");
	escape_xml(b, f->name);
	buf_printf(b, "\" time=\"%.3f\"", f->secs);
	if (!nfail && !nrest && !f->error) {
		buf_puts(b, "/>\n");
	} else {
		buf_puts(b, ">\n");
		if (f->error) {
			buf_puts(b, "      <error type=\"unreadable\" message=\"");
			escape_xml(b, f->error);
			buf_puts(b, "\"/>\n");
		}
		if (nfail) {
			buf_printf(b, "      <failure type=\"%s\" message=\"",
			           sev_name(o->fail_on));
			if (o->lang == LANG_EN)
				buf_printf(b, "%zu %s at or above %s", nfail,
				           nfail == 1 ? "finding" : "findings",
				           sev_name(o->fail_on));
			else
				buf_printf(b, "%zu phát hiện từ mức %s trở lên", nfail,
				           o->fail_on == SEV_ERROR     ? "lỗi"
				           : o->fail_on == SEV_WARNING ? "cảnh báo"
				                                       : "thông tin");
			buf_printf(b, "\">%s</failure>\n", buf_cstr(&fail));
		}
		if (rest.len)
			buf_printf(b, "      <system-out>%s</system-out>\n", buf_cstr(&rest));
		buf_puts(b, "    </testcase>\n");
	}
	buf_free(&fail);
	buf_free(&rest);
	buf_free(&line);
}

/* Every test case in order (b NULL: only counted): one per file of the
 * run, then one per other file findings are about. */
static void
junit_cases(struct buf *b, const struct diag_groups *dg, struct group *g, size_t ng,
            const struct out_opts *o, FILE *out, size_t *tests, size_t *failures, size_t *errors,
            double *secs)
{
	for (size_t k = 0; k < ng; k++)
		g[k].used = 0;
	for (size_t f = 0; f < o->nfiles; f++) {
		const char *name = o->files[f].name;
		size_t lo = 0, hi = ng;
		while (lo < hi) { /* first group of this file */
			size_t mid = (lo + hi) / 2;
			if (strcmp(g[mid].file, name) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < ng && !strcmp(g[end].file, name) && !g[end].used)
			g[end++].used = 1;
		if (b)
			spill(b, out);
		junit_case(b, &o->files[f], dg, g + lo, end - lo, o, failures, errors);
		*secs += o->files[f].secs;
		++*tests;
	}
	/* Findings about a file outside the list still appear. */
	for (size_t k = 0; k < ng; k++)
		if (!g[k].used) {
			size_t end = k;
			while (end < ng && !strcmp(g[end].file, g[k].file))
				g[end++].used = 1;
			struct out_file other = {g[k].file, 0, NULL};
			if (b)
				spill(b, out);
			junit_case(b, &other, dg, g + k, end - k, o, failures, errors);
			++*tests;
		}
}

static void
out_junit(struct buf *b, const struct diag_groups *dg, const struct out_opts *o, FILE *f)
{
	/* Sorted by file name, so that each file finds its groups quickly;
	 * never NULL, even with no finding. */
	struct group *g = xcalloc(dg->n + 1, sizeof *g);
	for (size_t k = 0; k < dg->n; k++)
		g[k] = (struct group){dg->name(dg->ctx, k), k, 0};
	if (dg->n > 1)
		qsort(g, dg->n, sizeof *g, cmp_group);
	/* The counts head the output: count first, then write. */
	size_t tests = 0, failures = 0, errors = 0;
	double secs = 0;
	junit_cases(NULL, dg, g, dg->n, o, NULL, &tests, &failures, &errors, &secs);
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(b,
	           "<testsuites name=\"debrief check\" tests=\"%zu\" failures=\"%zu\" "
	           "errors=\"%zu\" time=\"%.3f\">\n"
	           "  <testsuite name=\"debrief check\" tests=\"%zu\" failures=\"%zu\" "
	           "errors=\"%zu\" skipped=\"0\" time=\"%.3f\">\n",
	           tests, failures, errors, secs, tests, failures, errors, secs);
	size_t t2 = 0, f2 = 0, e2 = 0;
	double s2 = 0;
	junit_cases(b, dg, g, dg->n, o, f, &t2, &f2, &e2, &s2);
	buf_puts(b, "  </testsuite>\n</testsuites>\n");
	free(g);
}

/* An array of findings as groups: each run of consecutive findings about
 * one file. */
struct array_groups {
	const struct diags *dq;
	size_t *from; /* [n + 1]: group k is dq->v[from[k] .. from[k + 1]) */
};

static const char *
array_name(void *ctx, size_t k)
{
	const struct array_groups *ag = ctx;
	return ag->dq->v[ag->from[k]].file;
}

static void
array_get(void *ctx, size_t k, struct diags *dq)
{
	const struct array_groups *ag = ctx;
	dq->v = ag->dq->v + ag->from[k];
	dq->n = dq->cap = ag->from[k + 1] - ag->from[k];
}

void
diag_out(struct buf *b, const struct diags *dq, const struct out_opts *o)
{
	struct array_groups ag = {dq, xcalloc(dq->n + 1, sizeof *ag.from)};
	size_t n = 0;
	for (size_t i = 0; i < dq->n; i++)
		if (!i || strcmp(dq->v[i - 1].file, dq->v[i].file))
			ag.from[n++] = i;
	ag.from[n] = dq->n;
	struct diag_groups g = {n, array_name, array_get, &ag};
	diag_out_groups(b, &g, o, NULL);
	free(ag.from);
}

void
diag_out_groups(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f)
{
	switch (o->format) {
	case OUT_TEXT: out_text(b, g, o, f); break;
	case OUT_JSON: out_json(b, g, o, f); break;
	case OUT_SARIF: out_sarif(b, g, o, f); break;
	case OUT_GITHUB: out_github(b, g, o, f); break;
	case OUT_JUNIT: out_junit(b, g, o, f); break;
	}
}
