/*
 * rules_prep.c: the preparation rules of docs/rules.md (prep-*), which apply to
 * planned and completed records alike, and the host-language table that
 * prep-language reads.  Only reads the record; findings go through
 * rules_emit.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "countries.h"
#include "rules_int.h"
#include "text.h"
#include "xalloc.h"

/* Country (ISO 3166-1 alpha-2) → the languages materials may be in to
 * count as "host language" (G18).  Several languages: any one will do.
 * Configuration (host_languages) is consulted first. */
/* A country by name in a sentence ("Lào"), or its code when the table
 * lacks it. */
static const char *
country_of(const char *code, enum lang lang)
{
	const char *n = code ? country_name(code, lang) : NULL;
	return n ? n : code ? code : "?";
}

const char *
rules_host_langs(const struct config *cfg, const char *country)
{
	if (!country)
		return NULL;
	for (size_t i = 0; cfg && i < cfg->nhost_lang; i++)
		if (!strcmp(cfg->host_lang_country[i], country))
			return cfg->host_lang_lang[i];
	return country_languages(country);
}

/* ---- words ---- */

/* Words that carry no topic: joining words and the generic words of
 * every cooperation field ("lĩnh vực hợp tác phát triển …"). */
static const char *const stop_words[] = {
    "va",   "cua",   "cac",    "nhung",       "cho",         "voi",  "trong", "ve",  "tai",
    "la",   "o",     "tu",     "den",         "theo",        "mot",  "nhu",   "hop", "tac",
    "linh", "vuc",   "phat",   "trien",       "nganh",       "the",  "and",   "of",  "for",
    "in",   "on",    "to",     "a",           "an",          "with", "by",    "at",  "or",
    "s",    "field", "sector", "cooperation", "development",
};

static int
in_list(const char *w, size_t n, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++) /* the first byte rules out most */
		if ((!n || list[i][0] == w[0]) && strlen(list[i]) == n && !strncmp(list[i], w, n))
			return 1;
	return 0;
}

static int
is_stop(const char *w, size_t n)
{
	return in_list(w, n, stop_words, sizeof stop_words / sizeof stop_words[0]);
}

/* The topic words of a text: folded, stop words dropped, in order. */
struct words {
	char *buf; /* owned: the folded text, cut into words */
	char **v;  /* owned array of pointers into buf */
	size_t n;
};

static void
words_of(const char *text, struct words *w)
{
	w->buf = text_fold(text ? text : "");
	w->v = xcalloc(strlen(w->buf) / 2 + 1, sizeof *w->v);
	w->n = 0;
	for (char *p = w->buf; *p;) {
		while (*p == ' ')
			p++;
		char *s = p;
		while (*p && *p != ' ')
			p++;
		size_t n = (size_t)(p - s);
		if (*p)
			*p++ = '\0';
		if (n && !is_stop(s, n))
			w->v[w->n++] = s;
	}
}

static void
words_free(struct words *w)
{
	free(w->buf);
	free(w->v);
}

static int
words_has(const struct words *w, const char *x)
{
	for (size_t i = 0; i < w->n; i++)
		if (!strcmp(w->v[i], x))
			return 1;
	return 0;
}

static int
words_has_pair(const struct words *w, const char *x, const char *y)
{
	for (size_t i = 0; i + 1 < w->n; i++)
		if (!strcmp(w->v[i], x) && !strcmp(w->v[i + 1], y))
			return 1;
	return 0;
}

/* Do a field and one priority or need share a word?  In Vietnamese a word
 * is mostly two syllables and a lone syllable says little ("tạo" of "tái
 * tạo" and "đào tạo"), so two adjacent syllables must match unless one
 * side is a single syllable.  Other languages: any shared word. */
static int
words_overlap(const struct words *f, const struct words *p, int vi)
{
	if (vi && (f->n == 1 || p->n == 1)) {
		const struct words *one = f->n == 1 ? f : p, *other = one == f ? p : f;
		return words_has(other, one->v[0]);
	}
	for (size_t i = 0; i < f->n; i++) {
		if (!vi && words_has(p, f->v[i]))
			return 1;
		if (vi && i + 1 < f->n && words_has_pair(p, f->v[i], f->v[i + 1]))
			return 1;
	}
	return 0;
}

/* Friendship or exchange alone (G9, G15): every word is one of these. */
static const char *const friendship_words[] = {
    "huu",      "nghi",       "giao",      "luu",           "friendship",    "friendly",
    "exchange", "exchanges",  "goodwill",  "ket",           "nghia",         "twinning",
    "quan",     "he",         "relations", "relationship",  "ties",          "tang",
    "cuong",    "thuc",       "day",       "strengthen",    "strengthening", "nhan",
    "dan",      "people",     "mutual",    "understanding", "hieu",          "biet",
    "doan",     "solidarity", "tham",      "vieng",         "visits",        "visit",
};
/* The words that make a field friendship-only in the first place. */
static const char *const friendship_core[] = {
    "huu", "nghi", "giao", "luu", "friendship", "exchange", "exchanges", "goodwill", "twinning",
};

static int
friendship_only(const char *field)
{
	struct words w;
	words_of(field, &w);
	int core = 0, other = 0;
	for (size_t i = 0; i < w.n; i++) {
		size_t n = strlen(w.v[i]);
		if (in_list(w.v[i], n, friendship_core,
		            sizeof friendship_core / sizeof friendship_core[0]))
			core = 1;
		else if (!in_list(w.v[i], n, friendship_words,
		                  sizeof friendship_words / sizeof friendship_words[0]))
			other = 1;
	}
	words_free(&w);
	return core && !other;
}

/* ---- partners and materials ---- */

static const char *
pname(const struct partner *p)
{
	if (p->name.s)
		return p->name.s;
	if (p->id.s)
		return p->id.s;
	return "?";
}

/* The material is for partner p: its audience is p, all, or not given. */
static int
material_for(const struct material *m, const struct partner *p)
{
	return m->audience_all || m->audience == p || !m->audience_ref.s;
}

/* The material is in language code lang ("zh-TW" counts as "zh"). */
static int
material_in(const struct material *m, const char *lang, size_t n)
{
	for (size_t i = 0; i < m->langs.n; i++) {
		const char *l = m->langs.v[i].s;
		if (l && !strncmp(l, lang, n) && (l[n] == '\0' || l[n] == '-' || l[n] == '_'))
			return 1;
	}
	return 0;
}

/* Some material for p is in one of the space-separated languages. */
static int
covered(const struct record *r, const struct partner *p, const char *langs)
{
	for (const char *s = langs; *s;) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		for (size_t i = 0; n && i < r->nmaterials; i++)
			if (material_for(&r->materials[i], p) &&
			    material_in(&r->materials[i], s, n))
				return 1;
		s += n;
	}
	return 0;
}

static int
langs_has_en(const char *langs)
{
	char *pad = xasprintf(" %s ", langs);
	int r = strstr(pad, " en ") != NULL;
	free(pad);
	return r;
}

/* ---- the rules ---- */

/* The schema has said that a field of preparation, or preparation
 * itself, is missing or wrong. */
static int
prep_told(const struct rctx *c, const char *field)
{
	return rules_told_top(c, "preparation") || rules_told(c, c->r->preparation_mark, field);
}

static void
prep_what(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->direction != DIR_OUTBOUND || r->npromote || prep_told(c, "promote"))
		return;
	rules_emit(c, rules_mark(c, r->preparation_mark, r->preparation_mark), "prep-what",
	           SEV_ERROR, "%s",
	           L(c->ctx->lang,
	             "chưa trả lời câu hỏi \"xúc tiến cái gì\": mục 'preparation.promote' để trống "
	             "(sản phẩm ưu thế, dữ liệu xúc tiến)",
	             "nothing says what to promote: 'preparation.promote' is empty (strongest "
	             "products, promotion data)"));
}

static void
prep_whom(struct rctx *c)
{
	for (size_t i = 0; i < c->r->npartners; i++) {
		const struct partner *p = &c->r->partners[i];
		if (p->needs.n || p->priorities.n)
			continue;
		/* needs or the profile misspelt, or their values rejected: said */
		if (rules_told(c, p->mark, "needs") || rules_told(c, p->mark, "profile") ||
		    rules_told(c, p->profile_mark, "priorities"))
			continue;
		rules_emit(
		    c, rules_mark(c, p->mark, p->mark), "prep-whom", SEV_ERROR,
		    L(c->ctx->lang,
		      "đối tác '%s' chưa có 'needs' hay 'profile.priorities': cần tìm hiểu kỹ "
		      "nhu cầu của đối tác",
		      "partner '%s' has neither 'needs' nor 'profile.priorities': research "
		      "what it needs"),
		    pname(p));
	}
}

static void
prep_how(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->occasion_kind != OCC_NONE)
		return;
	/* a misspelt 'occasion' or 'kind', or a word not allowed: the schema said it */
	if (rules_told_top(c, "occasion") || rules_told(c, r->occasion_mark, "kind"))
		return;
	rules_emit(c, rules_mark(c, r->occasion_mark, r->occasion_mark), "prep-how", SEV_WARNING,
	           "%s",
	           L(c->ctx->lang,
	             "chưa chọn hình thức tổ chức: thiếu 'occasion.kind' (standalone, "
	             "major_event, anniversary)",
	             "no format chosen: 'occasion.kind' is missing (standalone, major_event, "
	             "anniversary)"));
}

static void
prep_agency(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->direction != DIR_OUTBOUND)
		return;
	if (!r->agency_consulted.set) {
		/* a misspelt 'consulted' or a date the schema rejected: said there */
		if (rules_told_top(c, "agency") || rules_told(c, r->agency_mark, "consulted"))
			return;
		rules_emit(
		    c, rules_mark(c, r->agency_mark, r->agency_mark), "prep-agency", SEV_WARNING,
		    "%s",
		    L(c->ctx->lang,
		      "không có ngày tham vấn cơ quan đại diện (agency.consulted) trước chuyến đi",
		      "no date of consulting the representative agency (agency.consulted) "
		      "before the visit"));
		return;
	}
	if (!r->start.set || date_days(r->agency_consulted.d, 0) < date_days(r->start.d, 0))
		return;
	char a[11], b[11];
	date_iso(r->agency_consulted.d, a);
	date_iso(r->start.d, b);
	rules_emit(c, r->agency_consulted.mark, "prep-agency", SEV_WARNING,
	           L(c->ctx->lang,
	             "ngày tham vấn cơ quan đại diện (%s) không trước ngày bắt đầu chuyến đi (%s)",
	             "the representative agency was consulted on %s, not before the visit (%s)"),
	           a, b);
}

/* Two materials aim at different partners (both named, not "all"). */
static int
different_partners(const struct material *a, const struct material *b)
{
	if (a->audience_all || b->audience_all || !a->audience_ref.s || !b->audience_ref.s)
		return 0;
	if (a->audience && b->audience)
		return a->audience != b->audience;
	char *x = text_fold(a->audience_ref.s), *y = text_fold(b->audience_ref.s);
	int d = strcmp(x, y) != 0;
	free(x);
	free(y);
	return d;
}

static void
prep_one_size(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->npartners < 2)
		return;
	for (size_t i = 0; i < r->nmaterials; i++) {
		const struct material *m = &r->materials[i];
		if (m->kind != MAT_PRESENTATION || !(m->audience_all || !m->audience_ref.s))
			continue;
		char *t = rules_short(m->title.s);
		if (m->audience_all)
			rules_emit(
			    c, rules_mark(c, m->audience_ref.mark, m->mark), "prep-one-size",
			    SEV_WARNING,
			    L(c->ctx->lang,
			      "bài trình bày '%s' dùng chung cho mọi đối tác (audience: all): "
			      "tránh dùng “1 bài” cho mọi đối tác",
			      "presentation '%s' is one talk for all partners (audience: "
			      "all): tailor it to each partner"),
			    t);
		else
			rules_emit(
			    c, rules_mark(c, m->mark, m->mark), "prep-one-size", SEV_WARNING,
			    L(c->ctx->lang,
			      "bài trình bày '%s' không ghi dành cho đối tác nào (audience): "
			      "tránh dùng “1 bài” cho mọi đối tác",
			      "presentation '%s' names no partner (audience): tailor it to "
			      "each partner"),
			    t);
		free(t);
	}
	/* The same title handed to two different partners. */
	char **titles = xcalloc(r->nmaterials ? r->nmaterials : 1, sizeof *titles);
	for (size_t i = 0; i < r->nmaterials; i++)
		titles[i] = r->materials[i].title.s ? text_fold(r->materials[i].title.s) : NULL;
	for (size_t j = 1; j < r->nmaterials; j++) {
		const struct material *b = &r->materials[j];
		for (size_t i = 0; titles[j] && *titles[j] && i < j; i++) {
			const struct material *a = &r->materials[i];
			if (!titles[i] || strcmp(titles[i], titles[j]) || !different_partners(a, b))
				continue;
			char *t = rules_short(b->title.s);
			rules_emit(c, rules_mark(c, b->mark, b->mark), "prep-one-size", SEV_WARNING,
			           L(c->ctx->lang,
			             "tài liệu '%s' dùng cho cả '%s' và '%s': cần nội dung riêng "
			             "cho từng đối tác",
			             "material '%s' serves both '%s' and '%s': tailor it to "
			             "each partner"),
			           t, a->audience ? pname(a->audience) : a->audience_ref.s,
			           b->audience ? pname(b->audience) : b->audience_ref.s);
			free(t);
			break;
		}
	}
	for (size_t i = 0; i < r->nmaterials; i++)
		free(titles[i]);
	free(titles);
}

/* "tiếng Hà Lan, tiếng Pháp; mã nl fr" / "Dutch, French; code nl fr": the
 * host languages by name, with the codes materials are tagged with. */
static char *
host_said(const char *host, enum lang lang)
{
	struct buf b = BUF_INIT;
	char *codes = xstrdup(host);
	for (char *save = NULL, *t = strtok_r(codes, " ", &save); t;
	     t = strtok_r(NULL, " ", &save)) {
		const char *n = language_name(t, lang);
		buf_printf(&b, "%s%s", b.len ? ", " : "", n ? n : t);
	}
	free(codes);
	buf_printf(&b, L(lang, "; mã %s", "; code %s"), host);
	char *s = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return s;
}

static void
prep_language(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->direction != DIR_OUTBOUND || prep_told(c, "materials"))
		return;
	/* a material whose languages or audience the schema rejected would
	 * be missed here: its finding says it */
	for (size_t i = 0; i < r->nmaterials; i++)
		if (rules_told(c, r->materials[i].mark, "lang") ||
		    rules_told(c, r->materials[i].mark, "audience"))
			return;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		if (p->response == RESP_DECLINED)
			continue; /* not visited: nothing to hand it */
		const char *host = rules_host_langs(c->ctx->cfg, p->country.s);
		char *hs = host ? host_said(host, c->ctx->lang) : NULL;
		int en = covered(r, p, "en");
		struct mark m = rules_mark(c, p->mark, p->mark);
		if (host && !langs_has_en(host)) {
			int h = covered(r, p, host);
			if (!en && !h)
				rules_emit(
				    c, m, "prep-language", SEV_ERROR,
				    L(c->ctx->lang,
				      "không có tài liệu tiếng Anh cũng như tiếng bản địa (%s) "
				      "cho đối tác '%s'",
				      "no material in English or in the host language (%s) for "
				      "partner '%s'"),
				    hs, pname(p));
			else if (!h)
				rules_emit(
				    c, m, "prep-language", SEV_WARNING,
				    L(c->ctx->lang,
				      "chưa có tài liệu tiếng bản địa (%s) cho đối tác '%s'",
				      "no material in the host language (%s) for partner '%s'"),
				    hs, pname(p));
			else if (!en)
				rules_emit(c, m, "prep-language", SEV_WARNING,
				           L(c->ctx->lang,
				             "chưa có tài liệu tiếng Anh cho đối tác '%s'",
				             "no material in English for partner '%s'"),
				           pname(p));
		} else if (host) {
			/* English is the host language: one language, both halves. */
			if (!en && !covered(r, p, host))
				rules_emit(
				    c, m, "prep-language", SEV_ERROR,
				    L(c->ctx->lang,
				      "không có tài liệu tiếng Anh (tiếng bản địa: %s) cho đối "
				      "tác '%s'",
				      "no material in English (the host language: %s) for "
				      "partner '%s'"),
				    hs, pname(p));
		} else if (!en && !record_reported(r, p->mark, "country")) {
			/* Host language unknown: only the English half can be judged.  A
			 * country the schema rejected has had its finding already. */
			rules_emit(c, m, "prep-language", SEV_WARNING,
			           L(c->ctx->lang,
			             "chưa có tài liệu tiếng Anh cho đối tác '%s' (chưa xác định "
			             "được tiếng bản địa của %s, mã %s; khai báo ở "
			             "'host_languages' trong tệp cấu hình)",
			             "no material in English for partner '%s' (the host language "
			             "of %s, code %s, is unknown; set it under 'host_languages' "
			             "in the configuration)"),
			           pname(p), country_of(p->country.s, c->ctx->lang),
			           p->country.s ? p->country.s : "?");
		}
		free(hs);
	}
}

static void
prep_concise(struct rctx *c)
{
	long limit = c->ctx->cfg->presentation_pages;
	for (size_t i = 0; i < c->r->nmaterials; i++) {
		const struct material *m = &c->r->materials[i];
		if (m->kind != MAT_PRESENTATION || m->pages <= limit)
			continue;
		char *t = rules_short(m->title.s);
		rules_emit(
		    c, rules_mark(c, m->mark, m->mark), "prep-concise", SEV_INFO,
		    L(c->ctx->lang,
		      "bài trình bày '%s' dài %ld trang, quá giới hạn %ld: cần ngắn gọn, dễ hiểu",
		      "presentation '%s' has %ld pages, over the limit of %ld: keep it "
		      "concise"),
		    t, m->pages, limit);
		free(t);
	}
}

static void
prep_objectives(struct rctx *c)
{
	const struct record *r = c->r;
	for (size_t i = 0; i < r->nobjectives; i++) {
		const struct objective *o = &r->objectives[i];
		if (!text_blank(o->field.s) &&
		    (!text_blank(o->project.s) || !text_blank(o->roadmap.s)))
			return;
	}
	if (prep_told(c, "objectives"))
		return;
	rules_emit(c, rules_mark(c, r->preparation_mark, r->preparation_mark), "prep-objectives",
	           SEV_ERROR, "%s",
	           L(c->ctx->lang,
	             "không có mục tiêu nào ghi lĩnh vực (field) kèm dự án (project) hoặc lộ trình "
	             "(roadmap)",
	             "no objective names a field with a project or a roadmap"));
}

static void
prep_friendship_only(struct rctx *c)
{
	const struct record *r = c->r;
	const struct objective *first = NULL;
	for (size_t i = 0; i < r->nobjectives; i++) {
		const struct objective *o = &r->objectives[i];
		if (text_blank(o->field.s))
			continue;
		if (!friendship_only(o->field.s))
			return;
		if (!first)
			first = o;
	}
	if (!first)
		return;
	char *f = rules_short(first->field.s);
	rules_emit(
	    c, rules_mark(c, first->field.mark, first->mark), "prep-friendship-only", SEV_WARNING,
	    L(c->ctx->lang,
	      "mọi mục tiêu chỉ là hữu nghị, giao lưu ('%s'): cần lĩnh vực, dự án hợp tác cụ "
	      "thể",
	      "every objective is friendship or exchange only ('%s'): name concrete fields "
	      "and projects"),
	    f);
	free(f);
}

static int
texts_overlap(const struct words *f, const struct texts *t, int vi)
{
	int hit = 0;
	for (size_t i = 0; !hit && i < t->n; i++) {
		struct words p;
		words_of(t->v[i].s, &p);
		hit = p.n && words_overlap(f, &p, vi);
		words_free(&p);
	}
	return hit;
}

static void
prep_partner_interest(struct rctx *c)
{
	const struct record *r = c->r;
	int vi = !r->lang.s || !strcmp(r->lang.s, "vi");
	for (size_t i = 0; i < r->nobjectives; i++) {
		const struct objective *o = &r->objectives[i];
		const struct partner *p = o->partner;
		if (!p && !o->partner_ref.s && r->npartners == 1)
			p = &r->partners[0];
		if (!p || text_blank(o->field.s) || (!p->priorities.n && !p->needs.n))
			continue;
		struct words f;
		words_of(o->field.s, &f);
		int match = !f.n || texts_overlap(&f, &p->priorities, vi) ||
		            texts_overlap(&f, &p->needs, vi);
		words_free(&f);
		if (match)
			continue;
		char *fs = rules_short(o->field.s);
		rules_emit(c, rules_mark(c, o->field.mark, o->mark), "prep-partner-interest",
		           SEV_WARNING,
		           L(c->ctx->lang,
		             "lĩnh vực '%s' không khớp ưu tiên hay nhu cầu nào của đối tác '%s'",
		             "field '%s' matches none of the priorities or needs of partner '%s'"),
		           fs, pname(p));
		free(fs);
	}
}

static void
prep_asks_aid(struct rctx *c)
{
	for (size_t i = 0; i < c->r->nasks; i++) {
		const struct ask *a = &c->r->asks[i];
		if (a->kind != ASK_AID && a->kind != ASK_FUNDING)
			continue;
		char *w = rules_short(a->what.s);
		rules_emit(c, rules_mark(c, a->kind_mark, a->mark), "prep-asks-aid", SEV_WARNING,
		           L(c->ctx->lang,
		             "đề nghị '%s' là đề nghị %s (kind: %s): không nên trông chờ hỗ trợ từ "
		             "phía bạn",
		             "ask '%s' asks for %s (kind: %s): do not go expecting aid"),
		           w,
		           a->kind == ASK_AID ? L(c->ctx->lang, "viện trợ", "aid")
		                              : L(c->ctx->lang, "tài trợ", "funding"),
		           a->kind == ASK_AID ? "aid" : "funding");
		free(w);
	}
}

/* Folded names of businesses and associations, matched as whole words. */
static const char *const business_words[] = {
    "doanh nghiep",
    "doanh nhan",
    "cong ty",
    "tap doan",
    "hiep hoi",
    "phong thuong mai",
    "lien doan cong thuong",
    "ngan hang",
    "vcci",
    "company",
    "corporation",
    "corp",
    "co ltd",
    "ltd",
    "inc",
    "jsc",
    "llc",
    "gmbh",
    "sarl",
    "plc",
    "association",
    "chamber",
    "business",
    "businesses",
    "enterprise",
    "enterprises",
    "bank",
};
/* Scripts without spaces: plain substrings. */
static const char *const business_cjk[] = {"株式会社", "有限会社", "商工会議所", "協会", "組合"};

static int
business_org(const char *org)
{
	if (text_blank(org))
		return 0;
	for (size_t i = 0; i < sizeof business_cjk / sizeof business_cjk[0]; i++)
		if (strstr(org, business_cjk[i]))
			return 1;
	char *f = text_fold(org);
	int hit = 0;
	for (size_t i = 0; !hit && i < sizeof business_words / sizeof business_words[0]; i++)
		hit = rules_has_phrase(f, business_words[i]);
	free(f);
	return hit;
}

static void
prep_businesses(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->direction != DIR_OUTBOUND || r->nbusinesses || rules_told_top(c, "delegation") ||
	    rules_told(c, r->delegation_mark, "businesses"))
		return;
	for (size_t i = 0; i < r->npartners; i++)
		if (r->partners[i].kind == PK_BUSINESS)
			return;
	if (r->has_head && business_org(r->head.org.s))
		return;
	for (size_t i = 0; i < r->nmembers; i++)
		if (business_org(r->members[i].org.s))
			return;
	for (size_t i = 0; i < r->ncontacts; i++)
		if (business_org(r->contacts[i].org.s))
			return;
	rules_emit(
	    c, rules_mark(c, r->delegation_mark, r->delegation_mark), "prep-businesses", SEV_INFO,
	    "%s",
	    L(c->ctx->lang,
	      "đoàn không có doanh nghiệp hay hiệp hội nào (delegation.businesses, thành viên, "
	      "người liên hệ): nên mời doanh nghiệp có nhu cầu tham gia",
	      "no business or association in the delegation or among contacts "
	      "(delegation.businesses): invite businesses that have a need"));
}

static void
prep_timing(struct rctx *c)
{
	const struct record *r = c->r;
	if (!r->start.set || r->occasion_kind == OCC_ANNIVERSARY)
		return;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		/* A refusal has no anniversary worth marking. */
		if (!p->stage_since.set || p->stage == STAGE_DECLINED)
			continue;
		int years = r->start.d.y - p->stage_since.d.y;
		if (years <= 0 || years % 5)
			continue;
		rules_emit(
		    c, rules_mark(c, p->stage_since.mark, p->mark), "prep-timing", SEV_INFO,
		    L(c->ctx->lang,
		      "năm %d tròn %d năm quan hệ với '%s' (từ %d): nên tận dụng dịp kỷ niệm "
		      "(occasion.kind: anniversary)",
		      "%d marks %d years of the relationship with '%s' (since %d): an "
		      "opening to use (occasion.kind: anniversary)"),
		    r->start.d.y, years, pname(p), p->stage_since.d.y);
	}
}

static void
prep_partner_profile(struct rctx *c)
{
	const struct record *r = c->r;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		if (!p->has_profile) {
			if (rules_told(c, p->mark, "profile"))
				continue; /* misspelt, or not a mapping: said */
			rules_emit(
			    c, rules_mark(c, p->mark, p->mark), "prep-partner-profile", SEV_WARNING,
			    L(c->ctx->lang, "đối tác '%s' chưa có hồ sơ thông tin cơ bản (profile)",
			      "partner '%s' has no profile"),
			    pname(p));
			continue;
		}
		if (!p->profile_updated.set || !r->start.set)
			continue;
		struct date cut = r->start.d;
		cut.y -= 2;
		if (cut.m == 2 && cut.d == 29)
			cut.d = 28;
		/* A month-precision date counts as its last day: the kinder reading. */
		if (date_days(p->profile_updated.d, 1) >= date_days(cut, 0))
			continue;
		char u[11];
		date_iso(p->profile_updated.d, u);
		rules_emit(
		    c, rules_mark(c, p->profile_updated.mark, p->profile_mark),
		    "prep-partner-profile", SEV_WARNING,
		    L(c->ctx->lang,
		      "hồ sơ đối tác '%s' cập nhật lần cuối %s, hơn 2 năm trước chuyến đi",
		      "profile of partner '%s' was last updated %s, more than 2 years before "
		      "the visit"),
		    pname(p), u);
	}
}

void
rules_prep(struct rctx *c)
{
	prep_what(c);
	prep_whom(c);
	prep_how(c);
	prep_agency(c);
	prep_one_size(c);
	prep_language(c);
	prep_concise(c);
	prep_objectives(c);
	prep_friendship_only(c);
	prep_partner_interest(c);
	prep_asks_aid(c);
	prep_businesses(c);
	prep_timing(c);
	prep_partner_profile(c);
}
