/*
 * config.c: the configuration of a collection, .debrief.yaml, found from
 * the current directory upward or given with --config FILE.  It changes
 * rule severities, sets thresholds and extends the data tables the rules
 * use.  A bad value is a finding (config-*) with file:line:col; the
 * default stays in force for it and the rest of the file still applies.
 *
 * The format (also in debrief(1), CONFIGURATION):
 *
 *   rules:                  # rule id → error | warning | info | off
 *     prep-concise: off
 *     follow-task-stale: warning
 *   presentation_pages: 15  # prep-concise: pages of a presentation (20)
 *   stale_days: 60          # follow-task-stale: days without update (90)
 *   report_days: 45         # follow-report: days after the visit (30)
 *   review_days: 120        # follow-reviews: days after the visit (90)
 *   cold_years: 3           # archive-cold-partner: years without visit (2)
 *   vague_owners:           # follow-task-owner: more vague words
 *     - các phòng chuyên môn
 *   host_languages:         # prep-language: country → language(s),
 *     BR: pt                # before the built-in table
 *     CH: fr de
 *   owner_aliases:          # archive, report, follow-task-duplicate:
 *     "Sở NN&MT": Sở Nông nghiệp và Môi trường    # another name of one department
 *   office:                 # report: the issuing office (official-report.md)
 *     parent: Ủy ban nhân dân tỉnh Tây Ninh
 *     name: Sở Ngoại vụ
 *     symbol: SNV
 *     place: Tây Ninh
 *     signer: {authority: KT. Giám đốc, title: Phó Giám đốc, name: Trần Văn Bình}
 *     recipients: [Bộ Ngoại giao (Cục Ngoại vụ)]
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "escape.h"
#include "fsutil.h"
#include "load.h"
#include "catalogue.h"
#include "config.h"
#include "countries.h"
#include "provinces.h"
#include "schema_fields.h"
#include "text.h"
#include "xalloc.h"

#define CONFIG_NAME ".debrief.yaml"
/* The other spelling, as a record may be .yml: read when the first is not
 * there, not left aside unsaid. */
#define CONFIG_NAME_YML ".debrief.yml"
#define CONFIG_MAX_BYTES (1u << 20)

void
config_default(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->sev = xcalloc(rule_count, sizeof *cfg->sev);
	for (size_t i = 0; i < rule_count; i++)
		cfg->sev[i] = (enum sev) - 1;
	cfg->presentation_pages = 20;
	cfg->stale_days = 90;
	cfg->report_days = 30;
	cfg->review_days = 90;
	cfg->cold_years = 2;
}

static void
free_strs(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

void
config_free(struct config *cfg)
{
	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->sev);
	free_strs(cfg->vague_owners, cfg->nvague_owners);
	free_strs(cfg->host_lang_country, cfg->nhost_lang);
	free_strs(cfg->host_lang_lang, cfg->nhost_lang);
	free_strs(cfg->owner_alias_from, cfg->nowner_alias);
	free_strs(cfg->owner_alias_to, cfg->nowner_alias);
	struct office *of = &cfg->office;
	free(of->parent);
	free(of->name);
	free(of->symbol);
	free(of->place);
	free(of->authority);
	free(of->authority2);
	free(of->title);
	free(of->signer);
	free_strs(of->recipients, of->nrecipients);
	memset(cfg, 0, sizeof *cfg);
}

static int
is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The file belongs to the user running debrief, or to root. */
static int
own_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && (st.st_uid == geteuid() || st.st_uid == 0);
}

/* The name of the file cand, found in the physical directory here: from
 * the current directory when dir was relative (".debrief.yaml",
 * "records/.debrief.yaml", "../.debrief.yaml"; not
 * "records/../.debrief.yaml", which a code-scanning service cannot place
 * in the repository), from the root when it was absolute; cand itself when
 * the current directory cannot be resolved. */
static char *
name_found(const char *dir, const char *here, char *cand)
{
	const char *base = strrchr(cand, '/') ? strrchr(cand, '/') + 1 : cand;
	char *cwd = NULL;
	struct buf out = BUF_INIT;
	if (dir && dir[0] == '/') {
		buf_printf(&out, "%s%s%s", here, strcmp(here, "/") ? "/" : "", base);
	} else if ((cwd = realpath(".", NULL))) {
		/* the longest common run of whole components, then ".." for
		 * each component of cwd past it, then here's rest */
		size_t common = 0;
		for (size_t i = 0;; i++) {
			int ec = cwd[i] == '\0' || cwd[i] == '/',
			    eh = here[i] == '\0' || here[i] == '/';
			if (ec && eh)
				common = i;
			if (cwd[i] != here[i] || !cwd[i])
				break;
		}
		for (const char *c = cwd + common; *c; c++)
			if (*c == '/' && c[1])
				buf_puts(&out, "../");
		const char *rest = here + common;
		while (*rest == '/')
			rest++;
		if (*rest)
			buf_printf(&out, "%s/", rest);
		buf_puts(&out, base);
	} else {
		return cand;
	}
	free(cwd);
	free(cand);
	return buf_detach(&out);
}

const char *
config_owner_alias(const struct config *cfg, const char *folded)
{
	for (size_t i = 0; cfg && i < cfg->nowner_alias; i++)
		if (!strcmp(cfg->owner_alias_from[i], folded))
			return cfg->owner_alias_to[i];
	return NULL;
}

const char *
config_owner_name(const struct config *cfg, const char *owner, const char *locality)
{
	if (!cfg || !cfg->nowner_alias || !owner)
		return owner;
	char *f = text_fold(owner);
	const char *to = config_owner_alias(cfg, f);
	if (!to && locality) {
		province_cut_own(f, locality);
		to = config_owner_alias(cfg, f);
	}
	free(f);
	return to ? to : owner;
}

const char *
config_name(const struct config *cfg, enum lang lang)
{
	return cfg->path ? cfg->path
	                 : L(lang, "mặc định (không đọc .debrief.yaml nào)",
	                     "defaults (no .debrief.yaml read)");
}

int
config_find(const char *dir, char **path)
{
	/* Walk up with relative prefixes ("../../.debrief.yaml"), stopping
	 * at the root; the file found is named by name_found. */
	struct buf prefix = BUF_INIT;
	char *here = realpath(dir ? dir : ".", NULL);
	int found = 0;
	if (!here)
		return 0;
	if (dir && strcmp(dir, ".")) {
		buf_puts(&prefix, dir);
		if (prefix.len && prefix.data[prefix.len - 1] != '/')
			buf_putc(&prefix, '/');
	}
	const char *h = getenv("HOME");
	char *home = h && *h ? realpath(h, NULL) : NULL;
	for (int depth = 0; depth < 256; depth++) {
		/* Anyone may plant a file in /tmp: in a directory anyone may
		 * write to, only a file of one's own (or root's) is read, and
		 * another's ends the search unread.  A checkout made with
		 * umask 0000 (GitLab's Docker runner) is such a directory,
		 * its files the runner's own. */
		struct stat st;
		int open_dir = stat(here, &st) == 0 && (st.st_mode & S_IWOTH);
		char *cand = xasprintf("%s%s", buf_cstr(&prefix), CONFIG_NAME);
		if (!is_file(cand)) {
			free(cand);
			cand = xasprintf("%s%s", buf_cstr(&prefix), CONFIG_NAME_YML);
		}
		if (is_file(cand)) {
			found = !open_dir || own_file(cand) ? 1 : -1;
			*path = name_found(dir, here, cand);
			break;
		}
		free(cand);
		/* the repository's root, or the home directory, ends the search */
		char *git = xasprintf("%s/.git", here);
		int top = access(git, F_OK) == 0 || (home && !strcmp(here, home));
		free(git);
		if (top)
			break;
		char *slash = strrchr(here, '/');
		if (!slash || !strcmp(here, "/"))
			break;
		if (slash == here)
			slash[1] = '\0';
		else
			*slash = '\0';
		buf_puts(&prefix, "../");
	}
	free(here);
	free(home);
	buf_free(&prefix);
	return found;
}

/* ---- loading ---- */

struct cload {
	const char *file;
	enum lang lang;
	struct config *cfg;
	struct diags *dq;
};

static void cfinding(struct cload *cl, const struct node *n, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
cfinding(struct cload *cl, const struct node *n, const char *rule, const char *fmt, ...)
{
	const struct rule *ru = rule_find(rule);
	struct mark m = n && n->mark.line ? n->mark : (struct mark){1, 1};
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(cl->dq, cl->file, m, ru ? ru->sev : SEV_ERROR, ru ? ru->id : rule, "", fmt, ap);
	va_end(ap);
}

static const char *
kind_word(const struct node *n, enum lang lang)
{
	switch (n->kind) {
	case NODE_MAP: return L(lang, "một ánh xạ", "a mapping");
	case NODE_SEQ: return L(lang, "một danh sách", "a list");
	default: return L(lang, "một giá trị đơn", "a single value");
	}
}

static int
want_map(struct cload *cl, const struct node *key, const struct node *v)
{
	if (v->kind == NODE_MAP || node_is_null(v))
		return v->kind == NODE_MAP;
	cfinding(
	    cl, v, "config-value",
	    L(cl->lang, "'%s' phải là một ánh xạ, không phải %s", "'%s' must be a mapping, not %s"),
	    key->str ? key->str : "?", kind_word(v, cl->lang));
	return 0;
}

static void
load_rules(struct cload *cl, const struct node *key, const struct node *map)
{
	static const char *const sevs[] = {"error", "warning", "info", "off"};
	if (!want_map(cl, key, map))
		return;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		const char *id = node_str(k);
		const struct rule *ru = rule_find(id);
		if (!ru) {
			const char *s = rules_suggest(id);
			if (s)
				cfinding(cl, k, "config-unknown-rule",
				         L(cl->lang, "không có quy tắc '%s'; có phải '%s'?",
				           "no rule '%s'; did you mean '%s'?"),
				         id ? id : "?", s);
			else
				cfinding(
				    cl, k, "config-unknown-rule",
				    L(cl->lang,
				      "không có quy tắc '%s' (xem danh sách bằng debrief rules)",
				      "no rule '%s' (debrief rules lists them)"),
				    id ? id : "?");
			continue;
		}
		const char *w = node_text(v);
		enum sev sev;
		if (v->kind != NODE_SCALAR || !w || !sev_parse(w, &sev)) {
			const char *s = w ? text_nearest(w, sevs, 4) : NULL;
			if (s)
				cfinding(cl, v, "config-value",
				         L(cl->lang,
				           "mức '%s' của %s không hợp lệ; có phải '%s'? (error, "
				           "warning, info, off)",
				           "severity '%s' of %s is not valid; did you mean '%s'? "
				           "(error, warning, info, off)"),
				         w, ru->id, s);
			else
				cfinding(cl, v, "config-value",
				         L(cl->lang,
				           "mức của %s phải là error, warning, info hoặc off",
				           "severity of %s must be error, warning, info or off"),
				         ru->id);
			continue;
		}
		cl->cfg->sev[ru - rule_table] = sev;
	}
}

static void
load_number(struct cload *cl, const struct node *key, const struct node *v, long lo, long hi,
            long *out)
{
	const char *s = v->kind == NODE_SCALAR && v->plain ? v->str : NULL;
	char *end = NULL;
	long n = 0;
	if (s && isdigit((unsigned char)*s)) {
		errno = 0;
		n = strtol(s, &end, 10);
	}
	if (!s && v->kind == NODE_SCALAR && isdigit((unsigned char)*v->str)) {
		errno = 0;
		n = strtol(v->str, &end, 10);
		if (!*end && !errno && n >= lo && n <= hi) {
			/* YAML reads "60" as text, as the configuration's schema does */
			cfinding(
			    cl, v, "config-value",
			    L(cl->lang,
			      "'%s: \"%s\"' phải là một số, không phải văn bản: bỏ dấu ngoặc kép",
			      "'%s: \"%s\"' must be a number, not text: write it without quotes"),
			    key->str ? key->str : "?", v->str);
			return;
		}
	}
	if (!end || *end || errno || n < lo || n > hi) {
		cfinding(cl, v, "config-value",
		         L(cl->lang, "'%s' phải là một số nguyên từ %ld đến %ld",
		           "'%s' must be a whole number from %ld to %ld"),
		         key->str ? key->str : "?", lo, hi);
		return;
	}
	*out = n;
}

static void
push(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

static void
push2(char ***a, char ***b, size_t *n, char *x, char *y)
{
	*a = xrealloc(*a, (*n + 1) * sizeof **a);
	*b = xrealloc(*b, (*n + 1) * sizeof **b);
	(*a)[*n] = x;
	(*b)[*n] = y;
	++*n;
}

static void
load_vague(struct cload *cl, const struct node *key, const struct node *seq)
{
	if (seq->kind != NODE_SEQ) {
		if (!node_is_null(seq))
			cfinding(cl, seq, "config-value",
			         L(cl->lang, "'%s' phải là một danh sách, không phải %s",
			           "'%s' must be a list, not %s"),
			         key->str ? key->str : "?", kind_word(seq, cl->lang));
		return;
	}
	for (size_t i = 0; i < seq->len; i++) {
		const struct node *v = seq->items[i];
		const char *s = v->kind == NODE_SCALAR ? node_text(v) : NULL;
		char *f = s ? text_fold(s) : NULL;
		if (!f || !*f) {
			cfinding(cl, v, "config-value",
			         L(cl->lang, "mỗi mục của vague_owners phải là một cụm từ",
			           "each item of vague_owners must be a phrase"));
			free(f);
			continue;
		}
		push(&cl->cfg->vague_owners, &cl->cfg->nvague_owners, f);
	}
}

/* Append the codes of one scalar ("fr de", "fr, de", any case) to b; 0
 * when bad, with *bad the code that is not one (caller frees). */
static int
lang_list(const char *s, struct buf *b, char **bad)
{
	int any = 0;
	while (*s) {
		while (*s == ' ' || *s == ',')
			s++;
		size_t n = strcspn(s, " ,");
		if (!n)
			break;
		/* a code as a material's lang takes it (schema_lang_code) */
		char w[4];
		if (!schema_lang_code(s, n, w)) {
			*bad = xstrndup(s, n);
			return 0;
		}
		if (b->len)
			buf_putc(b, ' ');
		buf_puts(b, w);
		any = 1;
		s += n;
	}
	return any;
}

static void
load_host_languages(struct cload *cl, const struct node *key, const struct node *map)
{
	if (!want_map(cl, key, map))
		return;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		const char *c = node_str(k);
		char code[6];
		if (!country_code(c, code)) { /* as a partner's country is checked */
			cfinding(cl, k, "config-value", "'%s' %s", c ? c : "?",
			         country_code_problem(cl->lang));
			continue;
		}
		struct buf b = BUF_INIT;
		int ok = 1;
		char *bad = NULL;
		if (v->kind == NODE_SEQ) {
			for (size_t j = 0; ok && j < v->len; j++)
				ok = v->items[j]->kind == NODE_SCALAR && node_text(v->items[j]) &&
				     lang_list(node_text(v->items[j]), &b, &bad);
			ok = ok && b.len;
		} else {
			ok = v->kind == NODE_SCALAR && node_text(v) &&
			     lang_list(node_text(v), &b, &bad);
		}
		if (bad) {
			/* a code no material could be tagged with: prep-language
			 * would ask for what no record can give */
			cfinding(
			    cl, v, "config-value",
			    L(cl->lang,
			      "'%s' (ngôn ngữ của %s) không phải là mã ngôn ngữ mà tài liệu "
			      "có thể ghi: hãy viết hai chữ cái theo ISO 639-1 hoặc ba chữ cái "
			      "theo ISO 639-2, như pt, hoặc nhiều mã như \"fr de\"",
			      "'%s' (language of %s) is no language code a material can carry: "
			      "write two letters of ISO 639-1 or three of ISO 639-2, such as "
			      "pt, or several such as \"fr de\""),
			    bad, c);
			free(bad);
			buf_free(&b);
			continue;
		}
		if (!ok) {
			cfinding(cl, v, "config-value",
			         L(cl->lang,
			           "ngôn ngữ của %s phải là mã ngôn ngữ như pt, hoặc nhiều mã như "
			           "\"fr de\"",
			           "language of %s must be a code such as pt, or several such as "
			           "\"fr de\""),
			         c);
			buf_free(&b);
			continue;
		}
		char *cc = xstrdup(code);
		push2(&cl->cfg->host_lang_country, &cl->cfg->host_lang_lang, &cl->cfg->nhost_lang,
		      cc, buf_detach(&b));
	}
}

static void
load_owner_aliases(struct cload *cl, const struct node *key, const struct node *map)
{
	if (!want_map(cl, key, map))
		return;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		const char *from = node_text(k), *to = v->kind == NODE_SCALAR ? node_text(v) : NULL;
		char *f = from ? text_fold(from) : NULL;
		if (!f || !*f || !to || text_blank(to)) {
			cfinding(
			    cl, !f || !*f ? k : v, "config-value",
			    L(cl->lang,
			      "owner_aliases ghép một tên với tên chính thức của đơn vị, cả hai "
			      "là văn bản",
			      "owner_aliases maps a name to the department's canonical name, both "
			      "text"));
			free(f);
			continue;
		}
		push2(&cl->cfg->owner_alias_from, &cl->cfg->owner_alias_to, &cl->cfg->nowner_alias,
		      f, xstrdup(to));
	}
}

/* ---- office: the issuing office of reports ---- */

/* A key the mapping does not know: a finding, with the nearest known one. */
static void
unknown_key(struct cload *cl, const struct node *k, const char *where, const char *const *keys,
            size_t n)
{
	const char *name = node_str(k) ? node_str(k) : "";
	const char *s = text_nearest(name, keys, n);
	if (s)
		cfinding(cl, k, "config-unknown-key",
		         L(cl->lang, "khóa '%s' không xác định trong %s; có phải '%s'?",
		           "unknown key '%s' in %s; did you mean '%s'?"),
		         name, where, s);
	else
		cfinding(cl, k, "config-unknown-key",
		         L(cl->lang, "khóa '%s' không xác định trong %s", "unknown key '%s' in %s"),
		         name, where);
}

/* One line of text (no line break), kept as written; NULL after a finding. */
static char *
office_text(struct cload *cl, const char *path, const struct node *v)
{
	const char *s = v->kind == NODE_SCALAR ? node_text(v) : NULL;
	if (!s || text_blank(s) || strchr(s, '\n')) {
		cfinding(
		    cl, v, "config-value",
		    L(cl->lang, "'%s' phải là một dòng văn bản", "'%s' must be one line of text"),
		    path);
		return NULL;
	}
	return xstrdup(s);
}

/* The symbol of the issuing body ("SNV"): letters, digits and '-', as in
 * "Số: 18/BC-SNV". */
static int
symbol_ok(const char *s)
{
	if (!*s || strlen(s) > 20)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!(isalnum(*p) || *p == '-' || *p >= 0x80))
			return 0;
	return 1;
}

static void
set_text(char **slot, char *s)
{
	if (!s)
		return;
	free(*slot);
	*slot = s;
}

/* The words an authority line opens with (Decree 30/2020/NĐ-CP, Appendix
 * I): ký thay, thừa lệnh, thừa ủy quyền and thay mặt sign for someone else,
 * under whose title the signer's own follows; quyền (acting) signs in the
 * head's title alone. */
static const char *const sign_prefix[] = {"KT", "TL", "TUQ", "TM", "Q"};
enum { SIGN_TM = 3, SIGN_Q = 4 }; /* their places in sign_prefix */

/* s with its prefix as the decree writes it ("kt giám đốc", "K.T. Giám
 * đốc" → "KT. giám đốc", "KT. Giám đốc"); *k the prefix (-1 when none),
 * *dotless set when it was written without its full stop. */
static char *
authority_canon(const char *s, int *k, int *dotless)
{
	*k = -1;
	*dotless = 0;
	size_t n = strcspn(s, " ");
	char w[8];
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			continue;
		if (m + 1 >= sizeof w || !isalpha((unsigned char)s[i]))
			return xstrdup(s);
		w[m++] = (char)toupper((unsigned char)s[i]);
	}
	w[m] = 0;
	for (size_t i = 0; i < sizeof sign_prefix / sizeof sign_prefix[0]; i++)
		if (!strcmp(w, sign_prefix[i]))
			*k = (int)i;
	if (*k < 0 || !s[n]) {
		*k = -1;
		return xstrdup(s);
	}
	*dotless = s[n - 1] != '.';
	return xasprintf("%s. %s", sign_prefix[*k], s + n + strspn(s + n, " "));
}

/* s, an authority line, with its prefix written as the decree does; which
 * prefix in *k.  A missing full stop is said at n. */
static char *
authority_line(struct cload *cl, const struct node *n, char *s, int *k)
{
	int dotless = 0;
	char *c = authority_canon(s, k, &dotless);
	if (dotless)
		cfinding(cl, n, "config-office",
		         L(cl->lang, "'%s' được ghi thành '%s': chữ viết tắt %s. có dấu chấm",
		           "'%s' is written '%s': the abbreviation %s. takes a full stop"),
		         s, c, sign_prefix[*k]);
	free(s);
	return c;
}

/* Whether s (what follows "TM. ") is one person's title rather than a
 * collective body: the titles of those who head a body alone. */
static int
names_a_head(const char *s)
{
	static const char *const head[] = {
	    "giam doc", "chu tich",   "truong ban", "chanh van phong", "tong lanh su",
	    "dai su",   "cuc truong", "vu truong",  "bo truong",       "pho "};
	char *f = text_fold(s);
	int hit = 0;
	for (size_t i = 0; !hit && i < sizeof head / sizeof head[0]; i++) {
		size_t n = strlen(head[i]);
		hit = !strncmp(f, head[i], n) &&
		      (f[n] == '\0' || f[n] == ' ' || head[i][n - 1] == ' ');
	}
	free(f);
	return hit;
}

/* The signature block as the decree sets it: a prefix with its full stop;
 * a second authority line only under TM. (a vice chairman signing for the
 * committee: TM. Ủy ban nhân dân, KT. Chủ tịch); a deputy signing for the
 * head (KT.); a title only under an authority that signs for someone.
 * What can be put right is, and said. */
static void
check_signer(struct cload *cl, const struct node *auth, const struct node *title)
{
	struct office *of = &cl->cfg->office;
	/* only a title, the head's ("Giám đốc"): the head signs under it
	 * alone, the line an authority gives */
	if (!of->authority && !of->authority2 && of->title && names_a_head(of->title)) {
		char *f = text_fold(of->title);
		if (strncmp(f, "pho ", 4)) {
			of->authority = of->title;
			of->title = NULL;
			auth = title;
			title = NULL;
		}
		free(f);
	}
	int k = -1, k2 = -1;
	const struct node *n1 = auth, *n2 = auth;
	if (auth && auth->kind == NODE_SEQ && auth->len) {
		n1 = auth->items[0];
		n2 = auth->items[auth->len - 1];
	}
	if (of->authority)
		of->authority = authority_line(cl, n1, of->authority, &k);
	if (of->authority2) {
		of->authority2 = authority_line(cl, n2, of->authority2, &k2);
		if (k != SIGN_TM) {
			cfinding(
			    cl, n1, "config-office",
			    L(cl->lang,
			      "khối chữ ký có hai dòng thẩm quyền khi thay mặt tập thể: dòng "
			      "đầu là 'TM. …' (như TM. Ủy ban nhân dân, KT. Chủ tịch), không "
			      "phải '%s'",
			      "an authority of two lines signs on behalf of a collective body: "
			      "its first line is 'TM. …' (as in TM. Ủy ban nhân dân, KT. Chủ "
			      "tịch), not '%s'"),
			    of->authority);
		}
		k = k2;
	}
	const char *last = of->authority2 ? of->authority2 : of->authority;
	const struct node *at = of->authority2 ? n2 : n1;
	of->for_someone = k >= 0 && k != SIGN_Q;
	if (of->authority && !strncmp(of->authority, "TM. ", 4) && names_a_head(of->authority + 4))
		cfinding(
		    cl, n1, "config-office",
		    L(cl->lang,
		      "'TM.' (thay mặt) chỉ dùng khi ký thay mặt một tập thể (TM. Ủy ban nhân "
		      "dân), không trước chức vụ của một người như '%s': người đứng đầu ký thì "
		      "không ghi chữ nào trước chức vụ, cấp phó ký thay thì ghi 'KT.'",
		      "'TM.' (on behalf of) is for signing on behalf of a collective body (TM. "
		      "Ủy ban nhân dân), not before one person's title as in '%s': the head "
		      "signs under the title alone, a deputy for the head under 'KT.'"),
		    of->authority);
	if (k == SIGN_Q && of->title)
		cfinding(cl, title, "config-office",
		         L(cl->lang,
		           "người ký quyền (Q.) ký bằng chức vụ của cấp trưởng, không ghi thêm "
		           "'title': khối chữ ký sẽ là '%s' rồi đến họ tên",
		           "an acting head (Q.) signs under the head's title alone, with no "
		           "'title': the signature block is '%s', then the name"),
		         last);
	if (!last || k >= 0)
		return;
	char *f = text_fold(last);
	int deputy = !strncmp(f, "pho ", 4);
	free(f);
	if (deputy) {
		const char *head = last + strcspn(last, " ");
		head += strspn(head, " ");
		cfinding(
		    cl, at, "config-office",
		    L(cl->lang,
		      "'%s' là cấp phó: cấp phó ký thay cấp trưởng, ghi 'authority: KT. %s' và "
		      "'title: %s'",
		      "'%s' is a deputy, who signs for the head: write 'authority: KT. %s' and "
		      "'title: %s'"),
		    last, head, last);
	} else if (of->title)
		cfinding(
		    cl, title, "config-office",
		    L(cl->lang,
		      "'title' chỉ ghi khi người ký ký thay (KT.), thừa lệnh (TL.), thừa ủy quyền "
		      "(TUQ.) hoặc thay mặt (TM.); 'authority: %s' không có chữ nào trong số đó "
		      "nên khối chữ ký sẽ có hai chức vụ: có phải 'KT. %s'?",
		      "a 'title' is written only when the signer signs for someone (KT., TL., "
		      "TUQ., TM.); 'authority: %s' has none of them, so the signature block "
		      "would carry two titles: did you mean 'KT. %s'?"),
		    last, last);
}

/* office.signer.authority: one line, or two under TM. */
static void
load_authority(struct cload *cl, const struct node *v)
{
	struct office *of = &cl->cfg->office;
	if (v->kind != NODE_SEQ) {
		set_text(&of->authority, office_text(cl, "office.signer.authority", v));
		return;
	}
	if (v->len < 1 || v->len > 2) {
		cfinding(cl, v, "config-value",
		         L(cl->lang,
		           "'office.signer.authority' là một dòng, hoặc hai dòng khi thay mặt tập "
		           "thể ([TM. Ủy ban nhân dân, KT. Chủ tịch]), không phải %zu dòng",
		           "'office.signer.authority' is one line, or two when signing on behalf "
		           "of a collective body ([TM. Ủy ban nhân dân, KT. Chủ tịch]), not %zu"),
		         v->len);
		return;
	}
	char *a = office_text(cl, "office.signer.authority", v->items[0]);
	char *b = v->len > 1 ? office_text(cl, "office.signer.authority", v->items[1]) : NULL;
	if (!a || (v->len > 1 && !b)) {
		free(a);
		free(b);
		return;
	}
	set_text(&of->authority, a);
	free(of->authority2);
	of->authority2 = b;
}

static void
load_signer(struct cload *cl, const struct node *key, const struct node *map)
{
	static const char *const keys[] = {"authority", "title", "name"};
	struct office *of = &cl->cfg->office;
	const struct node *auth = key, *title = key;
	if (map->kind == NODE_SCALAR && !node_is_null(map)) {
		/* the signer's name alone: say what the block needs */
		cfinding(cl, map, "config-value",
		         L(cl->lang,
		           "'office.signer' là một ánh xạ gồm thẩm quyền ký, chức vụ và họ tên: "
		           "{authority: KT. Giám đốc, title: Phó Giám đốc, name: %s}",
		           "'office.signer' is a mapping of the authority, title and name: "
		           "{authority: KT. Giám đốc, title: Phó Giám đốc, name: %s}"),
		         node_text(map));
		return;
	}
	if (!want_map(cl, key, map))
		return;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		const char *name = node_str(k) ? node_str(k) : "";
		if (!strcmp(name, "authority")) {
			load_authority(cl, v);
			auth = v;
		} else if (!strcmp(name, "title")) {
			set_text(&of->title, office_text(cl, "office.signer.title", v));
			title = v;
		} else if (!strcmp(name, "name"))
			set_text(&of->signer, office_text(cl, "office.signer.name", v));
		else
			unknown_key(cl, k, "office.signer", keys, 3);
	}
	check_signer(cl, auth, title);
}

/* A profile's parent, name or place naming a provincial-level unit merged
 * into another on 1 July 2025 ("Ủy ban nhân dân tỉnh Yên Bái"): its
 * reports would bear the name of a body that no longer exists.  Said at
 * the value, with the unit it is part of now. */
static void
check_not_abolished(struct cload *cl, const struct node *v, const char *s)
{
	if (!s)
		return;
	char *f = text_fold(s);
	int u = -1;
	for (const char *p = f; p && *p && u < 0; p = strchr(p, ' '), p = p ? p + 1 : NULL)
		if (province_abolished(p))
			u = province_lookup(p);
	free(f);
	if (u < 0)
		return;
	int city = province_units[u].kind == LOC_CITY;
	cfinding(cl, v, "config-office",
	         L(cl->lang,
	           "'%s' ghi tên đơn vị hành chính đã nhập vào %s %s từ ngày 1 tháng 7 năm 2025: "
	           "báo cáo sẽ mang một tên không còn; hãy ghi theo tên hiện nay",
	           "'%s' names a unit merged into %s%s on 1 July 2025: reports would bear a name "
	           "that no longer exists; write the present one"),
	         s, L(cl->lang, city ? "thành phố" : "tỉnh", ""), province_units[u].name);
}

/* Where the office stands: an embassy or consulate by its name; else the
 * province or city its parent ("Ủy ban nhân dân tỉnh Quảng Ninh"), its
 * name or its place (the unit, or a city of one: "Hạ Long") names, all
 * the same one.  An office none of these places is said to be so rather
 * than taken for one abroad: a report must not be issued in its name for
 * a province it may not be of. */
static void
place_office(struct cload *cl, const struct node *key, const struct node *placev, struct office *of)
{
	of->at = OFFICE_UNPLACED;
	of->unit = -1;
	if (agency_abroad_name(of->name)) {
		of->at = OFFICE_ABROAD;
		return;
	}
	int said[] = {province_named_in(of->parent), province_named_in(of->name),
	              province_of_place(of->place)};
	int u = -1;
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
		if (said[i] < 0)
			continue;
		if (u >= 0 && said[i] != u) {
			cfinding(
			    cl, key, "config-office",
			    L(cl->lang,
			      "hồ sơ cơ quan ghi hai tỉnh, thành phố khác nhau (%s và %s); báo "
			      "cáo để trống tên cơ quan, số, địa danh và người ký",
			      "the office profile names two provinces (%s and %s); reports "
			      "leave the issuing body, number, place and signer blank"),
			    province_shown(u, cl->lang), province_shown(said[i], cl->lang));
			return;
		}
		u = said[i];
	}
	if (u >= 0) {
		of->at = OFFICE_PROVINCE;
		of->unit = u;
		/* a provincial body's documents are dated at its province, not at
		 * the city inside it where it sits (Decree 30/2020, Appendix I) */
		if (of->place && province_lookup(of->place) < 0)
			cfinding(
			    cl, placev, "config-office",
			    L(cl->lang,
			      "địa danh trên văn bản của cơ quan cấp tỉnh là tên tỉnh, thành phố: "
			      "'place' ghi '%s', không phải '%s'",
			      "the place on a provincial body's documents is its province or city: "
			      "write 'place' as '%s', not '%s'"),
			    province_shown(u, LANG_VI), of->place);
		/* the province's people's committee itself has no parent body
		 * above its name (nor any line for one) */
		char *f = of->name ? text_fold(of->name) : NULL;
		static const char *const apex[] = {"uy ban nhan dan tinh ",
		                                   "uy ban nhan dan thanh pho ", "ubnd tinh ",
		                                   "ubnd thanh pho "};
		for (size_t i = 0; f && i < sizeof apex / sizeof apex[0]; i++)
			if (!strncmp(f, apex[i], strlen(apex[i])) && said[1] == u)
				of->apex = 1;
		free(f);
		return;
	}
	cfinding(cl, key, "config-office",
	         L(cl->lang,
	           "không xác định được cơ quan ghi ở 'office' thuộc tỉnh, thành phố nào: hãy ghi "
	           "'parent' như \"Ủy ban nhân dân tỉnh Quảng Ninh\" và 'place' là tỉnh, thành phố "
	           "nơi cơ quan đóng trụ sở; báo cáo để trống tên cơ quan, số, địa danh và người "
	           "ký",
	           "cannot tell which province the office profile belongs to: write 'parent' as "
	           "\"Ủy ban nhân dân tỉnh Quảng Ninh\" and 'place' as the province or the city "
	           "where the office sits; reports leave the issuing body, number, place and "
	           "signer blank"));
}

static void
load_office(struct cload *cl, const struct node *key, const struct node *map)
{
	static const char *const keys[] = {"parent", "name",   "symbol",
	                                   "place",  "signer", "recipients"};
	struct office *of = &cl->cfg->office;
	const struct node *placev = key;
	if (!want_map(cl, key, map))
		return;
	of->given = 1;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		const char *name = node_str(k) ? node_str(k) : "";
		if (!strcmp(name, "parent")) {
			set_text(&of->parent, office_text(cl, "office.parent", v));
			check_not_abolished(cl, v, of->parent);
		} else if (!strcmp(name, "name")) {
			set_text(&of->name, office_text(cl, "office.name", v));
			check_not_abolished(cl, v, of->name);
		} else if (!strcmp(name, "place")) {
			set_text(&of->place, office_text(cl, "office.place", v));
			placev = v;
			check_not_abolished(cl, v, of->place);
		} else if (!strcmp(name, "symbol")) {
			char *s = office_text(cl, "office.symbol", v);
			if (s && !symbol_ok(s)) {
				cfinding(cl, v, "config-value",
				         L(cl->lang,
				           "ký hiệu cơ quan '%s' chỉ gồm chữ, số và '-', như SNV",
				           "the office symbol '%s' takes letters, digits and '-' "
				           "only, such as SNV"),
				         s);
				free(s);
				s = NULL;
			} else if (s && !strncmp(s, "BC-", 3) && s[3]) {
				/* the type of document is the report's, not the body's */
				char *t = xstrdup(s + 3);
				cfinding(cl, v, "config-office",
				         L(cl->lang,
				           "ký hiệu cơ quan '%s' gồm cả loại văn bản (BC); báo cáo "
				           "ghi ký "
				           "hiệu là '%s' (Số: 18/BC-%s)",
				           "the office symbol '%s' includes the type of document "
				           "(BC); the "
				           "report takes '%s' (No.: 18/BC-%s)"),
				         s, t, t);
				free(s);
				s = t;
			}
			set_text(&of->symbol, s);
		} else if (!strcmp(name, "signer"))
			load_signer(cl, k, v);
		else if (!strcmp(name, "recipients")) {
			if (v->kind != NODE_SEQ) {
				cfinding(cl, v, "config-value",
				         L(cl->lang, "'%s' phải là một danh sách, không phải %s",
				           "'%s' must be a list, not %s"),
				         "office.recipients", kind_word(v, cl->lang));
				continue;
			}
			for (size_t j = 0; j < v->len; j++) {
				char *s = office_text(cl, "office.recipients", v->items[j]);
				if (s)
					push(&of->recipients, &of->nrecipients, s);
			}
		} else
			unknown_key(cl, k, "office", keys, sizeof keys / sizeof keys[0]);
	}
	/* What the report would leave blank, named once (an agency abroad is
	 * under the Ministry of Foreign Affairs, its parent when none is given) */
	place_office(cl, key, placev, of);
	struct {
		const char *path;
		const char *val;
	} need[] = {{"parent", of->parent || of->at == OFFICE_ABROAD || of->apex ? "" : NULL},
	            {"name", of->name},
	            {"symbol", of->symbol},
	            {"place", of->place},
	            {"signer.authority", of->authority},
	            {"signer.title", of->title || !of->for_someone ? "" : NULL},
	            {"signer.name", of->signer}};
	struct buf miss = BUF_INIT;
	size_t nmiss = 0;
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!need[i].val)
			buf_printf(&miss, "%s'%s'", nmiss++ ? ", " : "", need[i].path);
	if (nmiss == 1)
		cfinding(cl, key, "config-office",
		         L(cl->lang, "hồ sơ cơ quan thiếu %s; báo cáo để trống chỗ đó",
		           "the office profile lacks %s; the report leaves it blank"),
		         buf_cstr(&miss));
	else if (nmiss)
		cfinding(cl, key, "config-office",
		         L(cl->lang, "hồ sơ cơ quan thiếu %s; báo cáo để trống các chỗ đó",
		           "the office profile lacks %s; the report leaves those blank"),
		         buf_cstr(&miss));
	buf_free(&miss);
}

static const char *const config_keys[] = {
    "rules",      "presentation_pages", "stale_days",     "report_days",   "review_days",
    "cold_years", "vague_owners",       "host_languages", "owner_aliases", "office",
};

int
config_load(const char *file, enum lang lang, struct config *cfg, struct diags *dq, char **err)
{
	char *data = NULL, *rerr = NULL;
	size_t len = 0;
	*err = NULL;
	/* Callers may hand over a zeroed config: start from the defaults. */
	if (!cfg->sev)
		config_default(cfg);
	if (!fs_read(file, CONFIG_MAX_BYTES, &data, &len, &rerr)) {
		*err = rerr ? rerr : xstrdup("?");
		return 0;
	}
	struct load_limits lim;
	load_limits_default(&lim);
	size_t from = dq->n;
	struct doc *doc = load_yaml(data, len, file, &lim, lang, dq);
	free(data);
	int rc = 0;
	if (!doc) {
		/* the loader's own finding says where: "LINE:COL: …" */
		const struct diag *d = NULL;
		for (size_t i = from; i < dq->n && !d; i++)
			if (dq->v[i].mark.line && !strcmp(dq->v[i].file, file))
				d = &dq->v[i];
		const char *why =
		    L(lang, "tệp cấu hình không đọc được", "the configuration file cannot be read");
		*err = d ? xasprintf("%u:%u: %s: %s", d->mark.line, d->mark.col, why, d->msg)
		         : xstrdup(why);
		goto out;
	}
	const struct node *root = doc->root;
	if (root && root->kind != NODE_MAP) {
		*err = xstrdup(L(lang, "tệp cấu hình phải là một ánh xạ YAML",
		                 "the configuration file must be a YAML mapping"));
		goto out;
	}
	free(cfg->path);
	cfg->path = xstrdup(file);
	struct cload cl = {file, lang, cfg, dq};
	for (size_t i = 0; root && i < root->len; i++) {
		const struct node *k = root->pairs[i].key, *v = root->pairs[i].value;
		const char *name = node_str(k);
		if (!name)
			name = "";
		if (!strcmp(name, "rules"))
			load_rules(&cl, k, v);
		else if (!strcmp(name, "presentation_pages"))
			load_number(&cl, k, v, 1, 10000, &cfg->presentation_pages);
		else if (!strcmp(name, "stale_days"))
			load_number(&cl, k, v, 0, 36500, &cfg->stale_days);
		else if (!strcmp(name, "report_days"))
			load_number(&cl, k, v, 0, 36500, &cfg->report_days);
		else if (!strcmp(name, "review_days"))
			load_number(&cl, k, v, 0, 36500, &cfg->review_days);
		else if (!strcmp(name, "cold_years"))
			load_number(&cl, k, v, 1, 100, &cfg->cold_years);
		else if (!strcmp(name, "vague_owners"))
			load_vague(&cl, k, v);
		else if (!strcmp(name, "host_languages"))
			load_host_languages(&cl, k, v);
		else if (!strcmp(name, "owner_aliases"))
			load_owner_aliases(&cl, k, v);
		else if (!strcmp(name, "office"))
			load_office(&cl, k, v);
		else {
			const char *s = text_nearest(name, config_keys,
			                             sizeof config_keys / sizeof config_keys[0]);
			if (s)
				cfinding(&cl, k, "config-unknown-key",
				         L(lang, "khóa cấu hình '%s' không xác định; có phải '%s'?",
				           "unknown configuration key '%s'; did you mean '%s'?"),
				         name, s);
			else
				cfinding(&cl, k, "config-unknown-key",
				         L(lang, "khóa cấu hình '%s' không xác định",
				           "unknown configuration key '%s'"),
				         name);
		}
	}
	/* in the order of the file, as check prints them: the office's
	 * findings about what it lacks come after its keys are read */
	if (dq->n - from > 1) {
		struct diags part = {dq->v + from, dq->n - from, dq->n - from};
		diags_sort(&part);
	}
	rc = 1;
out:
	doc_free(doc);
	return rc;
}

/* A line on the configuration found but not read (config_find's -1):
 * into said when given, else on stderr, so that a run does not look as
 * though the file were applied, nor as though there were none. */
static void
say_refused(const char *path, enum lang lang, struct strlist *said)
{
	char *line = xasprintf(
	    "debrief: %s: %s\n", path,
	    L(lang,
	      "không đọc: tệp của người dùng khác, trong thư mục ai cũng ghi được; dùng cấu "
	      "hình mặc định",
	      "not read: another user's file, in a directory anyone may write to; the defaults "
	      "apply"));
	if (said)
		strlist_push(said, line);
	else
		escape_eprintf("%s", line);
	free(line);
}

/* .debrief.yaml from path's directory (path itself when it is a directory;
 * the current directory when path is NULL) upward.  The directory is
 * passed as written, so the file found is named as the user would name it. */
static char *
find_config_from(const char *path, enum lang lang, struct strlist *said)
{
	char *dir, *found = NULL;
	struct stat st;
	if (!path) {
		dir = xstrdup(".");
	} else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		dir = xstrdup(path);
	} else {
		const char *slash = strrchr(path, '/');
		dir =
		    slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
	}
	int r = config_find(dir, &found);
	if (r < 0)
		say_refused(found, lang, said);
	if (r != 1) {
		free(found);
		found = NULL;
	}
	free(dir);
	return found;
}

/* config_load, and a message on stderr when the file cannot be read
 * ("path:LINE:COL: …" when the loader knows where). */
static int
load_or_say(const char *path, enum lang lang, struct config *cfg, struct diags *dq,
            struct strlist *said)
{
	char *err = NULL;
	int ok = config_load(path, lang, cfg, dq, &err);
	if (!ok) {
		char *line = xasprintf(
		    "debrief: %s:%s%s\n", path, err && isdigit((unsigned char)*err) ? "" : " ",
		    err ? err : L(lang, "không đọc được cấu hình", "cannot read configuration"));
		if (said)
			strlist_push(said, line);
		else
			escape_eprintf("%s", line);
		free(line);
	}
	free(err);
	return ok;
}

int
config_for(const char *file, const char *first, enum lang lang, struct config *cfg,
           struct diags *dq)
{
	return config_for_said(file, first, lang, cfg, dq, NULL);
}

int
config_for_said(const char *file, const char *first, enum lang lang, struct config *cfg,
                struct diags *dq, struct strlist *said)
{
	char *path = NULL;
	if (file)
		path = xstrdup(file);
	else if (!first || !strcmp(first, "-") || !(path = find_config_from(first, lang, said)))
		path = find_config_from(NULL, lang, said);
	if (!path) {
		config_default(cfg);
		return 1;
	}
	memset(cfg, 0, sizeof *cfg);
	int ok = load_or_say(path, lang, cfg, dq, said);
	free(path);
	return ok;
}

/* ---- one configuration per file ---- */

struct config_set_entry {
	char *dir;  /* a record's directory as written */
	size_t cfg; /* index in cfgs, or SIZE_MAX: the defaults */
};

struct config_set_cfg {
	char *real; /* realpath of the file */
	struct config *cfg;
	int owned, ok;
};

struct config_set {
	struct config_set_entry *dirs;
	size_t ndirs, capdirs;
	struct config_set_cfg *cfgs;
	size_t ncfgs, capcfgs;
	struct config defaults;
	struct strlist *said;   /* config_set_say_into */
	struct strlist refused; /* realpaths of the files said not to be read */
};

void
config_set_say_into(struct config_set *cs, struct strlist *said)
{
	cs->said = said;
}

struct config_set *
config_set_new(struct config *run)
{
	struct config_set *cs = xcalloc(1, sizeof *cs);
	config_default(&cs->defaults);
	char *real = run && run->path ? realpath(run->path, NULL) : NULL;
	if (real) {
		cs->cfgs = xgrow(cs->cfgs, &cs->capcfgs, 1, sizeof *cs->cfgs);
		cs->cfgs[cs->ncfgs++] = (struct config_set_cfg){real, run, 0, 1};
	}
	return cs;
}

void
config_set_free(struct config_set *cs)
{
	if (!cs)
		return;
	for (size_t i = 0; i < cs->ndirs; i++)
		free(cs->dirs[i].dir);
	for (size_t i = 0; i < cs->ncfgs; i++) {
		free(cs->cfgs[i].real);
		if (cs->cfgs[i].owned) {
			config_free(cs->cfgs[i].cfg);
			free(cs->cfgs[i].cfg);
		}
	}
	free(cs->dirs);
	free(cs->cfgs);
	strlist_free(&cs->refused);
	config_free(&cs->defaults);
	free(cs);
}

const struct config *
config_set_for(struct config_set *cs, const char *record, enum lang lang, struct diags *dq)
{
	const char *slash = strrchr(record, '/');
	char *dir =
	    slash ? xstrndup(record, (size_t)(slash - record) + (slash == record)) : xstrdup(".");
	/* records come directory by directory: the latest first */
	size_t k = cs->ndirs;
	while (k > 0 && strcmp(cs->dirs[k - 1].dir, dir))
		k--;
	if (k > 0) {
		k--;
	} else {
		k = cs->ndirs;
		char *found = NULL, *real = NULL;
		size_t c = SIZE_MAX;
		int r = config_find(dir, &found);
		if (r < 0 && (real = realpath(found, NULL))) { /* said once */
			size_t i = 0;
			while (i < cs->refused.n && strcmp(cs->refused.v[i], real))
				i++;
			if (i == cs->refused.n) {
				say_refused(found, lang, cs->said);
				strlist_push(&cs->refused, real);
			}
			free(real);
			real = NULL;
		}
		if (r == 1 && (real = realpath(found, NULL))) {
			for (c = 0; c < cs->ncfgs && strcmp(cs->cfgs[c].real, real); c++)
				;
			if (c == cs->ncfgs) {
				struct config *cfg = xcalloc(1, sizeof *cfg);
				int ok = load_or_say(found, lang, cfg, dq, cs->said);
				cs->cfgs =
				    xgrow(cs->cfgs, &cs->capcfgs, cs->ncfgs + 1, sizeof *cs->cfgs);
				cs->cfgs[cs->ncfgs++] = (struct config_set_cfg){real, cfg, 1, ok};
				real = NULL;
			}
		}
		free(real);
		free(found);
		cs->dirs = xgrow(cs->dirs, &cs->capdirs, cs->ndirs + 1, sizeof *cs->dirs);
		cs->dirs[cs->ndirs++] = (struct config_set_entry){dir, c};
		dir = NULL;
	}
	free(dir);
	size_t c = cs->dirs[k].cfg;
	if (c == SIZE_MAX)
		return &cs->defaults;
	return cs->cfgs[c].ok ? cs->cfgs[c].cfg : NULL;
}
