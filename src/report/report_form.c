/*
 * report_form.c: what a report needs to be an administrative document
 * (docs/official-report.md): the header, number, place-date line, summary
 * line, recipients and signature block, from the office profile and the
 * record, as values of the template data ready to sit inside a YAML
 * double-quoted scalar of the report's front matter ("y_" keys); and the
 * programme and delegation of the visit for the body.  Blanks stand where
 * the profile or the record is silent, for the clerk to fill in.
 */
#include "report.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "countries.h"
#include "strlist.h"
#include "memo.h"
#include "provinces.h"
#include "text.h"
#include "xalloc.h"

/* What the clerk fills in by hand. */
#define BLANK "……………"

struct fview {
	struct arena *a;
	struct node *root;
	enum lang lang;
	const struct config *cfg;
};

/* s as the inside of a YAML double-quoted scalar, in the arena. */
static const char *
yq(struct fview *v, const char *s)
{
	struct buf b = BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(&b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			buf_printf(&b, "\\x%02X", *p);
		else
			buf_putc(&b, (char)*p);
	}
	const char *r = arena_strdup(v->a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

static void
put_y(struct fview *v, const char *key, const char *s)
{
	node_map_put(v->a, v->root, key, node_new_scalar(v->a, s ? yq(v, s) : ""));
}

/* put_y of an owned string, freed. */
static void
put_y_own(struct fview *v, const char *key, char *s)
{
	put_y(v, key, s);
	free(s);
}

static void
put_str(struct fview *v, struct node *m, const char *key, const char *s)
{
	node_map_put(v->a, m, key, node_new_scalar(v->a, s ? s : ""));
}

/* How many bytes of org open with the words s ends with, two or more of
 * them, compared folded ("Giám đốc Sở Y tế", "Sở Y tế tỉnh Điện Biên":
 * those of "Sở Y tế"); 0 when none do. */
static size_t
org_repeats(const char *s, const char *org)
{
	size_t best = 0, words = 0;
	char *fs = text_fold(s);
	size_t ls = strlen(fs);
	/* each end of a word of org, from its second on */
	for (const char *e = org; *e; e++) {
		if (*e != ' ' && (e[1] == ' ' || !e[1]) && ++words >= 2) {
			char *pre = xstrndup(org, (size_t)(e + 1 - org)), *fp = text_fold(pre);
			size_t lp = strlen(fp);
			if (lp <= ls && !strcmp(fs + ls - lp, fp) &&
			    (lp == ls || fs[ls - lp - 1] == ' '))
				best = (size_t)(e + 1 - org);
			free(pre);
			free(fp);
		}
	}
	free(fs);
	return best;
}

/* s after its first n words (and the spaces after them). */
static const char *
after_words(const char *s, size_t n)
{
	for (size_t w = 0; w < n; w++) {
		s += strcspn(s, " ");
		s += strspn(s, " ");
	}
	return s;
}

/* A department of body_names with the province or city it is of: "Sở Ngoại vụ
 * thành phố Cần Thơ" → "Department of Foreign Affairs of Can Tho City",
 * "Sở Công Thương Tây Ninh" → "… of Tay Ninh Province"; NULL for any other
 * name.  f is s folded. */
/* Body b of a province or city (city) named place in English: "Department
 * of Finance of Tay Ninh Province"; a body English names after its place,
 * "Tay Ninh Provincial Police", "Da Nang City Border Guard Command". */
static char *
body_of_place_en(const struct body_name *b, const char *place, int city)
{
	static const char *const place_first[] = {"cong an", "bo chi huy quan su",
	                                          "bo chi huy bo doi bien phong"};
	for (size_t i = 0; i < sizeof place_first / sizeof place_first[0]; i++)
		if (!strcmp(b->fold, place_first[i]))
			return xasprintf("%s %s %s", place, city ? "City" : "Provincial", b->en);
	return xasprintf("%s of %s %s", b->en, place, city ? "City" : "Province");
}

static char *
department_of_en(const char *s, const char *f)
{
	static const char *const unit[][3] = {{" tinh ", " tỉnh ", "Province"},
	                                      {" thanh pho ", " thành phố ", "City"}};
	for (size_t i = 0; i < nbody_names; i++) {
		size_t n = strlen(body_names[i].fold);
		if (strncmp(f, body_names[i].fold, n))
			continue;
		for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++) {
			size_t m = strlen(unit[u][0]);
			const char *at = strstr(s, unit[u][1]);
			if (strncmp(f + n, unit[u][0], m) || !f[n + m] || !at)
				continue;
			/* the place ends where a note in brackets opens, kept
			 * after the name as written ("Sở Kế hoạch và Đầu tư tỉnh
			 * Xiêng Khoảng (ພະແນກແຜນການ …)"); a province abroad that
			 * Vietnamese transcribes is named as English names it */
			const char *pl = at + strlen(unit[u][1]), *note = strstr(pl, " (");
			char *name = note ? xstrndup(pl, (size_t)(note - pl)) : xstrdup(pl);
			const char *abroad =
			    province_lookup(name) < 0 ? place_abroad_en(name, 0) : NULL;
			char *place = abroad ? xstrdup(abroad) : text_unaccent(name);
			char *t = body_of_place_en(&body_names[i], place, u == 1);
			free(place);
			free(name);
			if (note) {
				char *w = xasprintf("%s%s", t, note);
				free(t);
				t = w;
			}
			return t;
		}
		/* the province written after the department without its unit
		 * word, "Sở Công Thương Tây Ninh": as with it */
		if (f[n] != ' ')
			continue;
		size_t words = 1; /* the department's, then the province */
		for (const char *w = body_names[i].fold; *w; w++)
			words += *w == ' ';
		const char *tail = after_words(s, words);
		/* the bare word of the unit ("Sở Y tế thành phố", "Sở Y tế
		 * tỉnh"): the locality's own department, as it is without */
		static const char *const bare_unit[] = {"tinh", "thanh pho", "tp"};
		char *ft = text_fold(tail);
		int bare = 0;
		for (size_t k = 0; k < sizeof bare_unit / sizeof bare_unit[0]; k++)
			bare |= !strcmp(ft, bare_unit[k]);
		free(ft);
		if (bare)
			return xstrdup(body_names[i].en);
		int at = province_lookup(tail);
		if (at < 0)
			continue;
		/* the unit by its name, however the record spells it ("TP.HCM"
		 * is Ho Chi Minh City); a unit merged away in 2025 as written,
		 * and it was a province */
		int now = !province_abolished(tail);
		int city = now && province_units[at].kind == LOC_CITY;
		char *place = text_unaccent(now ? province_units[at].name : tail);
		char *t = body_of_place_en(&body_names[i], place, city);
		free(place);
		return t;
	}
	return NULL;
}

/* A unit named with the body it is part of, both of body_names: "Vụ Đông
 * Bắc Á (Bộ Ngoại giao)" or "Cục Lãnh sự, Bộ Ngoại giao" → "Department of
 * Northeast Asian Affairs, Ministry of Foreign Affairs"; NULL for any
 * other name. */
static char *
unit_of_body_en(const char *s)
{
	size_t n = strlen(s);
	const char *cut = NULL, *parent = NULL, *end = s + n;
	if (n && s[n - 1] == ')') {
		const char *open = strrchr(s, '(');
		if (open && open > s && open[-1] == ' ')
			cut = open - 1, parent = open + 1, end = s + n - 1;
	} else {
		for (const char *p = strstr(s, ", "); p; p = strstr(p + 1, ", "))
			cut = p, parent = p + 2;
	}
	if (!cut)
		return NULL;
	char *u = xstrndup(s, (size_t)(cut - s)), *b = xstrndup(parent, (size_t)(end - parent));
	char *fu = text_fold(u), *fb = text_fold(b);
	const struct body_name *bu = body_name_of(fu), *bb = body_name_of(fb);
	char *t = bu && bb ? xasprintf("%s, %s", bu->en, bb->en) : NULL;
	free(u);
	free(b);
	free(fu);
	free(fb);
	return t;
}

static char *
english_title(const char *s)
{
	char *f = text_fold(s);
	const char *hit = title_name_en(f);
	if (!hit)
		hit = division_title_en(f);
	const struct body_name *body = hit ? NULL : body_name_of(f);
	if (body)
		hit = body->en;
	char *dep = hit ? NULL : department_of_en(s, f);
	free(f);
	if (!hit && !dep)
		dep = unit_of_body_en(s);
	return dep ? dep : xstrdup(hit ? hit : s);
}

char *
report_title(const char *s, const char *locality, enum lang lang)
{
	if (lang != LANG_EN)
		return xstrdup(s);
	char *f = text_fold(s);
	const char *exact = title_name_en(f);
	if (exact) {
		free(f);
		return xstrdup(exact);
	}
	/* the longest title the body's name follows: "Phó Chủ tịch" of "Phó
	 * Chủ tịch UBND tỉnh", not "Phó" */
	size_t best = 0, words = 0;
	const char *en = NULL;
	for (size_t i = 0; i < ntitle_names; i++) {
		size_t n = strlen(title_names[i].fold);
		if (n > best && !strncmp(f, title_names[i].fold, n) && f[n] == ' ') {
			best = n;
			en = title_names[i].en;
		}
	}
	for (size_t i = 0; en && i < best; i++)
		words += f[i] == ' ';
	free(f);
	if (!en)
		return xstrdup(s);
	const char *body = after_words(s, words + 1);
	char *b = report_body_name(body, locality, LANG_EN);
	/* a body debrief has no English name for: the title as written, not
	 * half in each language */
	char *t = strcmp(b, body) ? xasprintf("%s of the %s", en, b) : xstrdup(s);
	free(b);
	return t;
}

/* A signer's title in English: a usual one, or one followed by the body it
 * is of, as a delegation's ("Giám đốc Sở Ngoại vụ" → "Director of the
 * Department of Foreign Affairs", "Chủ tịch UBND tỉnh" with the office's
 * province); any other as written. */
static char *
signer_title_en(const char *s, const char *home)
{
	char *t = english_title(s);
	if (strcmp(t, s))
		return t;
	free(t);
	return report_title(s, home, LANG_EN);
}

/* "KT. Giám đốc" → "KT. GIÁM ĐỐC" (vi), "p.p. DIRECTOR" (en); "Q. Giám đốc"
 * → "ACTING DIRECTOR", "TM. Ủy ban nhân dân" → "ON BEHALF OF THE PEOPLE'S
 * COMMITTEE", the whole line in upper case as in Vietnamese.  The profile
 * wrote the prefix as the decree does (config.c). */
static char *
authority(const char *s, const char *home, enum lang lang)
{
	static const char *const pre[][2] = {{"KT.", "p.p."},
	                                     {"TL.", "p.o."},
	                                     {"TUQ.", "BY AUTHORISATION OF THE"},
	                                     {"TM.", "ON BEHALF OF THE"},
	                                     {"Q.", "ACTING"}};
	if (!s)
		return xstrdup(BLANK);
	if (lang == LANG_VI)
		return text_upper(s);
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		size_t n = strlen(pre[i][0]);
		if (!strncmp(s, pre[i][0], n)) {
			const char *rest = s + n + strspn(s + n, " ");
			char *t = signer_title_en(rest, home), *u = text_upper(t);
			char *r = xasprintf("%s %s", pre[i][1], u);
			free(t);
			free(u);
			return r;
		}
	}
	char *t = signer_title_en(s, home), *u = text_upper(t);
	free(t);
	return u;
}

/* A province's or city's people's committee named by its unit however
 * the record spells it and its unit word ("Ủy ban nhân dân Thành phố Hồ
 * Chí Minh", "UBND TP.HCM" → "Ho Chi Minh City People's Committee"); NULL
 * for any other name, and for a unit merged away in 2025, named as
 * written (committee_name_en). */
static char *
committee_of_unit_en(const char *s)
{
	static const char *const ub[] = {"Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "};
	for (size_t i = 0; i < sizeof ub / sizeof ub[0]; i++) {
		size_t n = strlen(ub[i]);
		if (strncmp(s, ub[i], n))
			continue;
		int u = province_lookup(s + n);
		if (u < 0 || province_abolished(s + n))
			return NULL;
		const struct province_unit *p = &province_units[u];
		char *place = text_unaccent(p->name);
		char *t = xasprintf("%s %s People's Committee", place,
		                    p->kind == LOC_CITY ? "City" : "Provincial");
		free(place);
		return t;
	}
	return NULL;
}

/* The entry of body_names s names in English ("Department of Foreign
 * Affairs"), in any case, or NULL. */
static const struct body_name *
body_name_in_en(const char *s)
{
	char *f = text_fold(s);
	const struct body_name *b = body_name_of_en(f);
	free(f);
	return b;
}

/* A body's name as the report's language writes it: in English, people's
 * committees, representative agencies (agency_name_en: the place by the
 * country table, never a Vietnamese country's name in an English line) and
 * body_names' bodies translated. */
static char *
recipient_name(const char *s, enum lang lang)
{
	char *t;
	if (lang == LANG_VI) {
		/* an agency a record in English names in English
		 * ("Consulate General of Viet Nam in Osaka") as Vietnamese
		 * names it, so that it is one body with its Vietnamese name */
		t = agency_name_vi(s);
		if (t)
			return t;
		/* "sở ngoại vụ" as Vietnamese writes it, "Sở Ngoại vụ", and
		 * so "Department of Foreign Affairs", as a record in English
		 * names it */
		const struct body_name *en = body_name_in_en(s);
		const char *cap = en ? en->vi : body_name_capitalised(s);
		return xstrdup(cap ? cap : s);
	}
	t = committee_of_unit_en(s);
	if (!t)
		t = committee_name_en(s);
	if (t)
		return t;
	t = agency_name_en(s);
	if (t)
		return t;
	return english_title(s);
}

/* "Ủy ban nhân dân tỉnh Tây Ninh" → "TAY NINH PROVINCIAL PEOPLE'S COMMITTEE". */
static char *
body_name(const char *s, enum lang lang)
{
	if (!s)
		return xstrdup(BLANK);
	char *t = recipient_name(s, lang), *u = text_upper(t);
	free(t);
	return u;
}

/* The office's parent body: as the profile gives it, else, for one of Viet
 * Nam's representative agencies abroad, the Ministry of Foreign Affairs,
 * which every one of them is under; NULL when neither (a province's
 * people's committee has none). */
static const char *
office_parent(const struct office *of)
{
	if (of->parent)
		return of->parent;
	return of->given && of->at == OFFICE_ABROAD ? "Bộ Ngoại giao" : NULL;
}

/* The number without the label the form prints before it, as a record
 * may copy it from the document ("Số 18/BC-SNV", "số: 18", "No. 18"). */
static const char *
number_unlabelled(const char *n)
{
	static const char *const label[] = {"Số", "số", "SỐ", "No", "no", "NO"};
	for (size_t i = 0; i < sizeof label / sizeof label[0]; i++) {
		size_t k = strlen(label[i]);
		if (strncmp(n, label[i], k) || !strchr(" .:", n[k]) || !n[k])
			continue;
		const char *p = n + k + strspn(n + k, " .:");
		if (*p >= '0' && *p <= '9')
			return p;
	}
	return n;
}

/* "18" → "18/BC-SNV", "5" → "05/BC-SNV"; a number with its own symbol as
 * written; none → a blank before "/BC-SNV"; a number written with the
 * label "Số" or "No." without it. */
static char *
number(const char *n, const char *symbol)
{
	const char *sym = symbol ? symbol : BLANK;
	if (!n)
		return xasprintf("       /BC-%s", sym);
	n = number_unlabelled(n);
	if (strchr(n, '/'))
		return xstrdup(n);
	if (strspn(n, "0123456789") == strlen(n) && strlen(n) == 1)
		return xasprintf("0%s/BC-%s", n, sym);
	return xasprintf("%s/BC-%s", n, sym);
}

/* The place of the place-date line in Vietnamese: a province or
 * centrally-run city by its name alone, as the decree writes it ("Cà
 * Mau, ngày …"), not with the word of its unit a sentence puts before it
 * ("tỉnh Cà Mau", "Thành phố Hải Phòng"); Hồ Chí Minh City, whose unit
 * word is part of how it is named, with it, and any other place as
 * written. */
static char *
place_line_vi(const char *place)
{
	static const char *const unit[] = {"tỉnh ", "Tỉnh ", "thành phố ", "Thành phố "};
	for (size_t k = 0; k < sizeof unit / sizeof unit[0]; k++) {
		size_t n = strlen(unit[k]);
		if (strncmp(place, unit[k], n))
			continue;
		int u = province_lookup(place + n);
		if (u >= 0 && !strcmp(province_shown(u, LANG_VI), province_units[u].name))
			return xstrdup(place + n);
		/* "thành phố Hồ Chí Minh" opens the line with a capital */
		if (u >= 0 && place[0] == 't')
			return xasprintf("T%s", place + 1);
	}
	return xstrdup(place);
}

static void
put_date(struct fview *v, const struct office *of, const struct record *r)
{
	static const char *const mon[] = {"January",   "February", "March",    "April",
	                                  "May",       "June",     "July",     "August",
	                                  "September", "October",  "November", "December"};
	if (of->place && v->lang == LANG_EN) {
		/* a place abroad by its English name ("Viêng Chăn" → "Vientiane"),
		 * or as written when the tables do not know it, as a partner's is
		 * (its letters stripped of their marks, "Viên" → "Vien", would
		 * name no place); a Vietnamese one without its diacritics ("Tay
		 * Ninh") */
		const char *abroad = place_abroad_en(of->place, 0);
		/* a province or city by its name however the profile spells
		 * it: "TP. Hồ Chí Minh" → "Ho Chi Minh City", not "TP. Ho Chi
		 * Minh" */
		int u = abroad || of->at == OFFICE_ABROAD || province_abolished(of->place)
		            ? -1
		            : province_lookup(of->place);
		put_y_own(v, "y_place",
		          abroad                    ? xstrdup(abroad)
		          : of->at == OFFICE_ABROAD ? xstrdup(of->place)
		          : u >= 0                  ? text_unaccent(province_shown(u, LANG_EN))
		                                    : text_unaccent(of->place));
	} else if (of->place)
		put_y_own(v, "y_place", place_line_vi(of->place));
	else
		put_y(v, "y_place", BLANK);
	/* another body's report number and date are not this document's */
	const struct date *d = r->report_date.set && r->report_date.d.d &&
	                               !report_number_foreign(r, of) && !report_author_other(r, of)
	                           ? &r->report_date.d
	                           : NULL;
	put_y_own(v, "y_day", d ? xasprintf("%02d", d->d) : xstrdup("    "));
	/* months 1 and 2 take a leading zero, the others do not */
	put_y_own(v, "y_month", d ? xasprintf(d->m < 3 ? "%02d" : "%d", d->m) : xstrdup("    "));
	put_y(v, "y_month_name", d ? mon[d->m - 1] : "       ");
	put_y_own(v, "y_year", d ? xasprintf("%d", d->y) : xstrdup("      "));
}

/* Recipients in a list without repeats (by folded name, without the
 * record's own locality: "Sở Tài chính tỉnh Cà Mau" in a record of Cà Mau
 * is its "Sở Tài chính"). */
struct rlist {
	struct strlist names, folded;
	const char *own; /* the record's locality */
};

static void
rl_add(struct rlist *l, const char *s)
{
	if (!s || !*s)
		return;
	char *f = report_body_key(s, l->own); /* "UBND tỉnh X" is "Ủy ban nhân dân tỉnh X" */
	int dup = !*f;
	for (size_t i = 0; !dup && i < l->folded.n; i++)
		dup = !strcmp(l->folded.v[i], f);
	if (!dup) {
		strlist_push(&l->names, s);
		strlist_push(&l->folded, f);
	}
	free(f);
}

/* The people's committee of unit home, "Ủy ban nhân dân tỉnh Cà Mau", or
 * (bare 2) its office, "Văn phòng Ủy ban nhân dân tỉnh Cà Mau". */
static char *
committee_name(int home, int bare)
{
	const struct province_unit *u = &province_units[home];
	return xasprintf("%sỦy ban nhân dân %s %s", bare == 2 ? "Văn phòng " : "",
	                 u->kind == LOC_CITY ? "thành phố" : "tỉnh", u->name);
}

/* 1 when s is a people's committee named without its province ("UBND
 * tỉnh", "Ủy ban nhân dân"), 2 when it is that committee's office ("Văn
 * phòng UBND tỉnh"): in a record, the locality's own; else 0. */
static int
committee_bare(const char *s)
{
	static const char *const bare[] = {"uy ban nhan dan", "uy ban nhan dan tinh",
	                                   "uy ban nhan dan thanh pho", "uy ban nhan dan tp"};
	char *f = body_fold(s);
	const char *c = f;
	int office = !strncmp(c, "van phong ", strlen("van phong "));
	if (office)
		c += strlen("van phong ");
	int hit = 0;
	for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++)
		hit |= !strcmp(c, bare[i]);
	free(f);
	return hit ? 1 + office : 0;
}

/* What report_body_name and report_body_key answered lately, by the
 * language (the key alone: 2), the locality and the name: a report
 * names a body three times, a collection the same few bodies again and
 * again. */
static struct memo body_memo = MEMO_INIT;

static char *
body_memo_key(int lang, const char *s, const char *locality, size_t *n)
{
	const char *l = locality ? locality : "";
	size_t ls = strlen(s), ll = strlen(l);
	char *k = xmalloc(ls + ll + 3); /* lang, s, NUL, locality, NUL */
	k[0] = (char)('0' + lang);
	memcpy(k + 1, s, ls + 1);
	memcpy(k + ls + 2, l, ll + 1);
	*n = ls + ll + 3;
	return k;
}

static char *
body_name_made(const char *s, const char *locality, enum lang lang)
{
	int home = locality ? province_lookup(locality) : -1;
	int bare = home < 0 ? 0 : committee_bare(s);
	if (!bare)
		return recipient_name(s, lang);
	char *t = committee_name(home, bare), *u = recipient_name(t, lang);
	free(t);
	return u;
}

char *
report_body_name(const char *s, const char *locality, enum lang lang)
{
	size_t n;
	char *k = body_memo_key(lang, s, locality, &n), *t;
	if (!memo_find(&body_memo, k, n, &t, NULL)) {
		t = body_name_made(s, locality, lang);
		memo_keep(&body_memo, k, n, t, 0);
	}
	free(k);
	return t;
}

static char *
body_key(const char *s, const char *locality)
{
	char *t = report_body_name(s, locality, LANG_VI), *f = body_fold(t);
	free(t);
	province_cut_own(f, locality);
	/* "Công an thành phố" in a record of Hải Phòng is its "Công an
	 * thành phố Hải Phòng": the unit word alone names the locality too */
	province_cut_unit_word(f);
	return f;
}

char *
report_body_key(const char *s, const char *locality)
{
	size_t n;
	char *k = body_memo_key(2, s, locality, &n), *f;
	if (!memo_find(&body_memo, k, n, &f, NULL)) {
		f = body_key(s, locality);
		memo_keep(&body_memo, k, n, f, 0);
	}
	free(k);
	return f;
}

/* 1 when b is one of the province's boards and centres that, like its
 * departments, every province has one of and names after itself
 * ("Ban Quản lý Khu kinh tế tỉnh Quảng Trị", "Trung tâm Xúc tiến Đầu
 * tư, Thương mại và Du lịch tỉnh Hà Tĩnh"). */
static int
province_board(const char *b)
{
	static const char *const boards[] = {
	    "ban quan ly khu kinh te",
	    "ban quan ly cac khu cong nghiep",
	    "ban quan ly cac khu che xuat va cong nghiep",
	    "ban quan ly khu cong nghe cao",
	    "trung tam xuc tien dau tu",
	    "trung tam xuc tien dau tu thuong mai va du lich",
	};
	char *f = body_fold(b);
	int yes = 0;
	for (size_t i = 0; !yes && i < sizeof boards / sizeof boards[0]; i++)
		yes = !strcmp(f, boards[i]);
	free(f);
	return yes;
}

char *
report_body_recipient(const char *b, int unit, int home)
{
	int bare = home < 0 ? 0 : committee_bare(b);
	if (bare)
		return committee_name(home, bare);
	/* a body of the province named without it ("Công an tỉnh", "Bộ Chỉ
	 * huy Bộ đội Biên phòng tỉnh"): an office abroad names the
	 * locality's, "Công an tỉnh Tây Ninh" */
	static const char *const bare_unit[] = {" tỉnh", " thành phố"};
	size_t lb = strlen(b), stem = 0;
	for (size_t k = 0; unit >= 0 && k < sizeof bare_unit / sizeof bare_unit[0]; k++) {
		size_t n = strlen(bare_unit[k]);
		if (lb > n && !strcmp(b + lb - n, bare_unit[k]))
			stem = lb - n;
	}
	const struct province_unit *u = unit >= 0 ? &province_units[unit] : NULL;
	if (stem)
		return xasprintf("%.*s %s %s", (int)stem, b,
		                 u->kind == LOC_CITY ? "thành phố" : "tỉnh", u->name);
	/* "sở y tế", as typed in haste, is the department "Sở Y tế", named
	 * with the locality as its capitalised name is */
	const struct body_name *en = unit >= 0 ? body_name_in_en(b) : NULL;
	const char *cap = en ? en->vi : unit >= 0 ? body_name_capitalised(b) : NULL;
	if (cap)
		b = cap;
	if (unit < 0 || !(strncmp(b, "Sở ", strlen("Sở ")) == 0 || province_board(b)) ||
	    province_named_in(b) >= 0)
		return xstrdup(b);
	return xasprintf("%s %s %s", b, u->kind == LOC_CITY ? "thành phố" : "tỉnh", u->name);
}

/* A department with a task as a recipient, each body it names by
 * report_body_recipient.  Words that name no department ("TBD", "các sở,
 * ngành liên quan") are no recipient: the report cannot be sent to them. */
static void
rl_add_dept(struct rlist *l, const char *s, int unit, int home, const struct config *cfg)
{
	if (rules_owner_vague(s, cfg))
		return;
	/* "Sở Công Thương, Sở Tài chính": the report goes to each */
	struct strlist bodies = {0};
	rules_owner_bodies(s, &bodies);
	for (size_t i = 0; i < bodies.n; i++) {
		char *t = report_body_recipient(bodies.v[i], unit, home);
		rl_add(l, t);
		free(t);
	}
	strlist_free(&bodies);
}

/* Who receives the report (docs/official-report.md): the representative
 * agency, every department with a task (owner, then support), the parent
 * body, then the profile's additions.  The issuing office does not send
 * to itself: its copy is the file copy the template adds last.  An
 * embassy's or consulate's report goes first to the people's committee of
 * the locality, whose departments it names with their province. */
static void
put_recipients(struct fview *v, const struct office *of, const struct record *r)
{
	struct rlist l = {{0}, {0}, r->locality_name.s};
	if (of->name)
		rl_add(&l, of->name);
	/* a provincial office by the names of it a record may write: "Sở
	 * Ngoại vụ" with its province or city, or without when the profile
	 * gives them */
	if (of->name && of->at == OFFICE_PROVINCE) {
		const char *unit = province_units[of->unit].name;
		char *t = xasprintf("%s tỉnh %s", of->name, unit);
		rl_add(&l, t);
		free(t);
		t = xasprintf("%s thành phố %s", of->name, unit);
		rl_add(&l, t);
		free(t);
		static const char *const of_unit[] = {" tỉnh ", " thành phố "};
		for (size_t k = 0; k < sizeof of_unit / sizeof of_unit[0]; k++) {
			const char *at = strstr(of->name, of_unit[k]);
			if (at && at > of->name && province_named_in(of->name) == of->unit) {
				t = xstrndup(of->name, (size_t)(at - of->name));
				rl_add(&l, t);
				free(t);
			}
		}
	}
	/* and by its symbol, as a task's owner is often written: "SNV" */
	if (of->name && of->symbol)
		rl_add(&l, of->symbol);
	/* an embassy or consulate by its name in English too, as a record
	 * in English names it ("… tại Ô-xa-ca" is "… in Osaka") */
	char *en = of->name && of->at == OFFICE_ABROAD ? agency_name_en(of->name) : NULL;
	rl_add(&l, en);
	free(en);
	size_t self = l.names.n;
	rl_add(&l, r->agency_name.s);
	int unit = of->given && of->at == OFFICE_ABROAD && r->locality_name.s
	               ? province_lookup(r->locality_name.s)
	               : -1;
	if (unit >= 0) {
		char *t = committee_name(unit, 1);
		rl_add(&l, t);
		free(t);
	}
	int home = r->locality_name.s ? province_lookup(r->locality_name.s) : -1;
	for (size_t i = 0; i < r->ntasks; i++)
		rl_add_dept(&l, r->tasks[i].owner.s, unit, home, v->cfg);
	for (size_t i = 0; i < r->ntasks; i++)
		for (size_t k = 0; k < r->tasks[i].support.n; k++)
			rl_add_dept(&l, r->tasks[i].support.v[k].s, unit, home, v->cfg);
	rl_add(&l, office_parent(of));
	/* the profile's "Văn phòng UBND tỉnh" is its own province's, named
	 * in full as a task's is, and so one recipient with it */
	int own = of->at == OFFICE_PROVINCE ? of->unit : home;
	for (size_t i = 0; i < of->nrecipients; i++) {
		char *t = report_body_recipient(of->recipients[i], -1, own);
		rl_add(&l, t);
		free(t);
	}
	/* once more by the name as the report writes it: "Sở Khoa học và
	 * Công nghệ" and "department of science and technology" are one
	 * recipient in English, as the office is itself under either name */
	struct node *seq = node_new_seq(v->a);
	struct strlist said = {0};
	for (size_t i = 0; i < l.names.n; i++) {
		char *name = recipient_name(l.names.v[i], v->lang), *f = text_fold(name);
		int dup = 0;
		for (size_t k = 0; !dup && k < said.n; k++)
			dup = !strcmp(said.v[k], f);
		if (!dup && i >= self)
			node_seq_push(v->a, seq, node_new_scalar(v->a, yq(v, name)));
		strlist_take(&said, f);
		free(name);
	}
	node_map_put(v->a, v->root, "y_recipients", seq);
	strlist_free(&said);
	strlist_free(&l.names);
	strlist_free(&l.folded);
}

static const char *
partner_kind_word(enum partner_kind k, enum lang lang)
{
	switch (k) {
	case PK_PREFECTURE: return L(lang, "tỉnh", "Prefecture");
	case PK_PROVINCE: return L(lang, "tỉnh", "Province");
	case PK_REGION: return L(lang, "vùng", "Region");
	case PK_STATE: return L(lang, "bang", "State");
	case PK_CITY: return L(lang, "thành phố", "City");
	case PK_DEPARTMENT: return L(lang, "tỉnh", "Department"); /* a French département */
	default: return NULL;
	}
}

void
report_name_in_sentence(struct buf *b, const char *name)
{
	char *f = text_fold(name);
	size_t unit = place_unit_word(f, NULL);
	free(f);
	char *word = xstrndup(name, strcspn(name, " "));
	char *up = text_upper(word);
	/* "Tỉnh", not "TỈNH" nor "TP" */
	int lower = unit && name[0] >= 'A' && name[0] <= 'Z' && strcmp(up, word);
	free(up);
	free(word);
	if (lower) {
		buf_putc(b, (char)(name[0] - 'A' + 'a'));
		name++;
	}
	buf_puts(b, name);
}

/* "tỉnh Cà Mau" / "Ca Mau province"; a name that already says it as is,
 * its unit word inside the Vietnamese sentence it stands in in lower
 * case ("tại tỉnh Savannakhet" for "Tỉnh Savannakhet"). */
static void
place_name(struct buf *b, const char *name, const char *kind, enum lang lang)
{
	if (!kind) {
		if (lang == LANG_EN)
			buf_puts(b, name);
		else
			report_name_in_sentence(b, name);
		return;
	}
	char *fn = text_fold(name), *fk = text_fold(kind);
	size_t nk = strlen(fk);
	int has = !strncmp(fn, fk, nk) && (fn[nk] == ' ' || !fn[nk]);
	/* English puts the word after the name ("Ca Mau Province");
	 * Vietnamese before it, so a name that ends as the word sounds ("Hà
	 * Tĩnh", folded "ha tinh") still takes it: "tỉnh Hà Tĩnh" */
	if (lang == LANG_EN)
		has = has || (strlen(fn) > nk && !strcmp(fn + strlen(fn) - nk, fk));
	/* a name that opens with a unit of its own: "Khu tự trị dân tộc
	 * Choang Quảng Tây" is no "vùng Khu tự trị …"; "Đặc khu hành chính
	 * Hồng Kông" no "thành phố Đặc khu …" */
	int words;
	size_t unit = place_unit_word(fn, &words);
	if (lang != LANG_EN)
		has = has || unit || !strncmp(fn, "khu tu tri ", 11) || !strncmp(fn, "dac khu ", 8);
	free(fn);
	free(fk);
	if (has) {
		if (lang == LANG_EN)
			buf_puts(b, name);
		else
			report_name_in_sentence(b, name);
	} else if (lang == LANG_EN) {
		/* "Tỉnh Gyeonggi" as an English line writes it: "Gyeonggi
		 * Province", the Vietnamese word before the name left out */
		const char *rest = name;
		for (int w = 0; w < words; w++) {
			rest += strcspn(rest, " ");
			rest += strspn(rest, " ");
		}
		buf_printf(b, "%s %s", *rest ? rest : name, kind);
	} else {
		buf_printf(b, "%s %s", kind, name);
	}
}

const char *
report_partner_name(const struct partner *p, enum lang lang)
{
	/* "Tỉnh Savannakhet" without the Vietnamese word before it, as the
	 * summary line names it, "Savannakhet Province" */
	const char *en = lang == LANG_EN && p->name.s && partner_kind_word(p->kind, lang) &&
	                         !country_code_by_name(p->name.s)
	                     ? place_name_en(p->name.s)
	                     : NULL;
	return en ? en : p->name.s;
}

/* 1 when an English sentence names the place with "the": "the Guangxi
 * Zhuang Autonomous Region", "the Hong Kong Special Administrative
 * Region", "the Kurdistan Region"; not "Gyeonggi Province". */
static int
place_takes_the(const char *name, enum partner_kind k)
{
	size_t n = strlen(name);
	if (!strncmp(name, "the ", 4) || !strncmp(name, "The ", 4))
		return 0;
	/* an organisation named in English words, not by its letters ("the
	 * United Nations Development Programme", "UNDP"; a name in Vietnamese
	 * or in its own language takes none); "the University of …" */
	int ascii = 1;
	for (const char *c = name; *c; c++)
		ascii &= (unsigned char)*c < 0x80;
	if (k == PK_ORGANIZATION && ascii && strchr(name, ' '))
		return 1;
	if (k == PK_UNIVERSITY && !strncmp(name, "University of ", strlen("University of ")))
		return 1;
	if (k == PK_STATE && !strncmp(name, "State of ", strlen("State of ")))
		return 1;
	return n > 7 && !strcmp(name + n - 7, " Region");
}

/* How long name is without an English word for its kind it ends with, in
 * a Vietnamese sentence that puts its own word before it: "Gyeonggi
 * Province" is "tỉnh Gyeonggi", not "tỉnh Gyeonggi Province". */
static size_t
name_without_en_kind(const char *name, enum partner_kind k)
{
	/* the English words a place of each kind is officially named with:
	 * Korea's Gangwon and Jeonbuk are "State" since 2023 and 2024, its
	 * large cities "Metropolitan City", Seoul a "Special City" */
	static const struct {
		enum partner_kind k;
		const char *w;
	} en_words[] = {
	    {PK_PROVINCE, "Province"},
	    {PK_PROVINCE, "State"},
	    {PK_PROVINCE, "Prefecture"},
	    {PK_PREFECTURE, "Prefecture"},
	    {PK_PREFECTURE, "Province"},
	    {PK_STATE, "State"},
	    {PK_CITY, "Metropolitan City"},
	    {PK_CITY, "Special City"},
	    {PK_CITY, "City"},
	};
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof en_words / sizeof en_words[0]; i++) {
		size_t nw = strlen(en_words[i].w);
		if (en_words[i].k == k && n > nw + 1 && name[n - nw - 1] == ' ' &&
		    !strcasecmp(name + n - nw, en_words[i].w))
			return n - nw - 1;
	}
	return n;
}

void
report_partner_in_sentence(struct buf *b, const struct partner *p)
{
	const char *name = p->name.s;
	size_t keep = name_without_en_kind(name, p->kind);
	if (keep == strlen(name)) {
		report_name_in_sentence(b, name);
		return;
	}
	char *cut = xstrndup(name, keep);
	place_name(b, cut, partner_kind_word(p->kind, LANG_VI), LANG_VI);
	free(cut);
}

/* 1 when name ends with the Korean word of its kind as Korea romanises
 * it, "-do" for a province, "-si" for a city: "Gyeongsangnam-do" is the
 * province's English name, not "Gyeongsangnam-do Province". */
static int
names_korean_unit(const char *name, enum partner_kind k)
{
	const char *w = k == PK_PROVINCE ? "-do" : k == PK_CITY ? "-si" : NULL;
	size_t n = strlen(name);
	return w && n > 3 && !strcasecmp(name + n - 3, w);
}

/* The partners that declined the visit (declined set), or the others,
 * into b: "tỉnh A và tỉnh B, Nhật Bản", each country once, after the last
 * partner of a run in it; with local set, each one's own name after it.
 * 1 when the list ends with a country: English closes that apposition with
 * a comma when the sentence goes on ("Hyogo Prefecture, Japan, to …"). */
static int
partner_list(struct buf *b, struct fview *v, const struct record *r, int declined, int local)
{
	int country_last = 0;
	const struct partner **ps = xcalloc(r->npartners ? r->npartners : 1, sizeof *ps);
	size_t n = 0;
	for (size_t i = 0; i < r->npartners; i++)
		if (r->partners[i].name.s && (r->partners[i].response == RESP_DECLINED) == declined)
			ps[n++] = &r->partners[i];
	for (size_t i = 0; i < n; i++) {
		const struct partner *p = ps[i];
		/* partners of one country by commas, "tỉnh A, tỉnh B và vùng C,
		 * Pháp"; after a country, which has a comma of its own, by a
		 * semicolon, "tỉnh A, Nhật Bản; tỉnh B" */
		if (i)
			buf_puts(b, i + 1 == n     ? L(v->lang, " và ", " and ")
			            : country_last ? "; "
			                           : ", ");
		const char *name = report_partner_name(p, v->lang);
		const char *kind = partner_kind_word(p->kind, v->lang);
		if (v->lang == LANG_EN) {
			struct buf pn = BUF_INIT;
			/* "Gangwon State" a province by its own English
			 * word, not "Gangwon State Province" */
			if (name_without_en_kind(name, p->kind) < strlen(name) ||
			    names_korean_unit(name, p->kind))
				kind = NULL;
			/* a state as English names it in a sentence, "the
			 * State of California", not "California State" */
			if (p->kind == PK_STATE && kind && strncmp(name, "State of ", 9)) {
				buf_puts(&pn, "State of ");
				kind = NULL;
			}
			place_name(&pn, name, kind, v->lang);
			/* the first of those that declined opens the sentence */
			if (place_takes_the(buf_cstr(&pn), p->kind))
				buf_puts(b, declined && !i ? "The " : "the ");
			buf_puts(b, buf_cstr(&pn));
			buf_free(&pn);
		} else {
			size_t len = strlen(name), keep = name_without_en_kind(name, p->kind);
			char *cut = xstrndup(name, keep);
			/* "Guangxi Zhuang Autonomous Region" is no "vùng …" */
			if (p->kind == PK_REGION && len > 7 &&
			    !strcasecmp(name + len - 7, " region"))
				kind = NULL;
			/* Osaka and Kyoto (大阪府, 京都府) are "phủ", as Vietnamese
			 * names them, the other prefectures (県) "tỉnh" */
			size_t ll = p->local_name.s ? strlen(p->local_name.s) : 0;
			if (p->kind == PK_PREFECTURE && ll >= 3 &&
			    !strcmp(p->local_name.s + ll - 3, "府"))
				kind = "phủ";
			place_name(b, cut, kind, v->lang);
			free(cut);
		}
		if (local && p->local_name.s && strcmp(p->local_name.s, p->name.s)) {
			/* a name that ends in its own parenthesis, "Cơ quan Phát
			 * triển Pháp (AFD)", takes its own name inside it */
			if (b->len && b->data[b->len - 1] == ')') {
				b->len--;
				buf_printf(b, ", %s)", p->local_name.s);
			} else {
				buf_printf(b, " (%s)", p->local_name.s);
			}
		}
		/* an organisation (EU) is named by its own name, not as a country */
		const struct partner *q = i + 1 < n ? ps[i + 1] : NULL;
		const char *cn = p->country.s && !country_is_org(p->country.s)
		                     ? country_name_after_of(p->country.s, v->lang)
		                     : NULL;
		country_last = cn && !(q && q->country.s && !strcmp(q->country.s, p->country.s));
		if (country_last)
			buf_printf(b, ", %s", cn);
	}
	free(ps);
	return country_last;
}

/* The visit's two sides for the summary line: our locality, and the
 * partners with their countries ("tỉnh Nagasaki, Nhật Bản"). */
static void
put_sides(struct fview *v, const struct record *r)
{
	struct buf b = BUF_INIT;
	/* the locality as it was named at the time of the visit, with the unit
	 * it is part of since 1 July 2025 (provinces.h) */
	const char *then = NULL;
	int u = r->locality_name.s ? province_said(r->locality_name.s, r->locality_former_name.s,
	                                           r->start.set ? &r->start.d : NULL, &then)
	                           : -1;
	const char *now = u >= 0 ? province_units[u].name : r->locality_name.s;
	if (now) {
		enum locality_kind kind = u >= 0 ? province_units[u].kind : r->locality_kind;
		const char *kw = kind == LOC_CITY       ? L(v->lang, "thành phố", "City")
		                 : kind == LOC_PROVINCE ? L(v->lang, "tỉnh", "Province")
		                                        : NULL;
		/* in English as the Ministry writes it: "Ca Mau Province" */
		char *name = v->lang == LANG_EN ? text_unaccent(then ? then : now)
		                                : xstrdup(then ? then : now);
		/* every unit merged away in 2025 was a province */
		place_name(&b, name, then ? L(v->lang, "tỉnh", "Province") : kw, v->lang);
		free(name);
		if (then) {
			char *cur = v->lang == LANG_EN ? text_unaccent(now) : xstrdup(now);
			buf_puts(&b, L(v->lang, " (nay là ", " (now "));
			place_name(&b, cur, kw, v->lang);
			buf_putc(&b, ')');
			free(cur);
		}
	} else
		buf_puts(&b, BLANK);
	put_y(v, "y_locality", buf_cstr(&b));
	put_str(v, v->root, "locality_text", buf_cstr(&b));
	buf_reset(&b);
	/* the summary line names the partners visited, the opening sentence
	 * the same with each one's own name in its own script ("tỉnh Luang
	 * Prabang (ຫຼວງພະບາງ), Lào"); a partner that declined the visit
	 * (response: declined) was not visited: the body says it declined */
	struct buf t = BUF_INIT, d = BUF_INIT;
	partner_list(&b, v, r, 0, 0);
	node_map_put(v->a, v->root, "partners_country_last",
	             node_new_bool(v->a, partner_list(&t, v, r, 0, 1)));
	node_map_put(v->a, v->root, "declined_country_last",
	             node_new_bool(v->a, partner_list(&d, v, r, 1, 1)));
	put_y(v, "y_partners", b.len ? buf_cstr(&b) : BLANK);
	put_str(v, v->root, "partners_text", t.len ? buf_cstr(&t) : BLANK);
	/* a record naming no partner still says where it went, as a blank */
	node_map_put(v->a, v->root, "has_visited", node_new_bool(v->a, t.len || !d.len));
	put_str(v, v->root, "declined_text", d.len ? buf_cstr(&d) : NULL);
	node_map_put(v->a, v->root, "has_declined", node_new_bool(v->a, d.len > 0));
	buf_free(&d);
	buf_free(&t);
	buf_free(&b);
	node_map_put(v->a, v->root, "inbound", node_new_bool(v->a, r->direction == DIR_INBOUND));
	node_map_put(v->a, v->root, "outbound", node_new_bool(v->a, r->direction != DIR_INBOUND));
}

/* The programme (meetings in order) and the delegation, for the body. */
static void
put_programme(struct fview *v, const struct record *r)
{
	static const char *const kind_vi[] = {"",       "Chào xã giao", "Làm việc",
	                                      "Ký kết", "Khảo sát",     "Sự kiện"};
	static const char *const kind_en[] = {"",        "Courtesy call", "Working session",
	                                      "Signing", "Site visit",    "Event"};
	/* in the order of days, whatever the record's: a meeting without a
	 * date stays after the one it follows in the record */
	size_t *at = xcalloc(r->nmeetings ? r->nmeetings : 1, sizeof *at);
	long *day = xcalloc(r->nmeetings ? r->nmeetings : 1, sizeof *day);
	for (size_t i = 0; i < r->nmeetings; i++) {
		const struct meeting *m = &r->meetings[i];
		day[i] = m->date.set ? date_days(m->date.d, 0) : i ? day[i - 1] : -1;
		size_t k = i;
		for (; k > 0 && day[at[k - 1]] > day[i]; k--)
			at[k] = at[k - 1];
		at[k] = i;
	}
	struct node *seq = node_new_seq(v->a);
	for (size_t j = 0; j < r->nmeetings; j++) {
		const struct meeting *m = &r->meetings[at[j]];
		struct node *n = node_new_map(v->a);
		char buf[64] = "";
		if (m->date.set)
			date_human(m->date.d, v->lang, buf, sizeof buf);
		if (!strncmp(buf, "ngày", 4)) /* at the start of an item */
			buf[0] = 'N';
		put_str(v, n, "date", buf);
		/* one of the bodies debrief names in English, so named */
		const char *with = m->with.s;
		char *wt = with && v->lang == LANG_EN
		               ? report_body_name(with, r->locality_name.s, v->lang)
		               : NULL;
		put_str(v, n, "with", wt ? arena_strdup(v->a, wt) : with);
		free(wt);
		put_str(v, n, "kind", L(v->lang, kind_vi, kind_en)[m->kind]);
		put_str(v, n, "summary", m->summary.s);
		node_seq_push(v->a, seq, n);
	}
	free(at);
	free(day);
	node_map_put(v->a, v->root, "meetings", seq);
	node_map_put(v->a, v->root, "has_meetings", node_new_bool(v->a, r->nmeetings > 0));

	struct node *mem = node_new_seq(v->a);
	for (size_t i = 0; i < r->nmembers; i++) {
		const struct person *p = &r->members[i];
		if (!p->name.s)
			continue;
		struct node *n = node_new_map(v->a);
		/* "Giám đốc Sở Y tế" of "Sở Y tế tỉnh Điện Biên": "Giám đốc Sở Y
		 * tế tỉnh Điện Biên", the body said once */
		const char *name = p->name.s, *title = p->title.s, *org = p->org.s;
		const char **last = title ? &title : &name;
		size_t k = org ? org_repeats(*last, org) : 0;
		if (k) {
			*last = arena_printf(v->a, "%s%s", *last, org + k);
			org = NULL;
		}
		/* in English the titles and bodies debrief knows in English, and
		 * a member named by office alone ("Giám đốc Sở Ngoại vụ") as a
		 * title */
		const char *loc = r->locality_name.s;
		if (*last && v->lang == LANG_EN) {
			char *t = report_title(*last, loc, v->lang);
			*last = arena_strdup(v->a, t);
			free(t);
		}
		put_str(v, n, "name", name);
		if (org && v->lang == LANG_EN) {
			char *t = report_body_name(org, loc, v->lang);
			org = arena_strdup(v->a, t);
			free(t);
		}
		put_str(v, n, "title", title);
		put_str(v, n, "org", org);
		node_seq_push(v->a, mem, n);
	}
	node_map_put(v->a, v->root, "members", mem);
	struct node *bus = node_new_seq(v->a);
	for (size_t i = 0; i < r->nbusinesses; i++) {
		const struct business *b = &r->businesses[i];
		if (!b->name.s)
			continue;
		struct node *n = node_new_map(v->a);
		put_str(v, n, "name", b->name.s);
		put_str(v, n, "sector", b->sector.s);
		node_seq_push(v->a, bus, n);
	}
	node_map_put(v->a, v->root, "businesses", bus);
	/* the members under a label of their own: a list right after the
	 * programme's would read, and in Markdown be, more of the programme */
	node_map_put(v->a, v->root, "has_party",
	             node_new_bool(v->a, node_count(mem) || node_count(bus)));
	node_map_put(v->a, v->root, "has_delegation",
	             node_new_bool(v->a, (r->has_head && r->head.name.s) || node_count(mem) ||
	                                     node_count(bus)));
}

enum office_fit
report_office_fits(const struct office *of, const struct record *r, const char **ours,
                   const char **theirs, enum lang lang)
{
	if (!of->given || of->at == OFFICE_ABROAD)
		return OFFICE_FITS;
	if (of->at != OFFICE_PROVINCE)
		return OFFICE_NOT_PLACED;
	int ur = r->locality_name.s ? province_lookup(r->locality_name.s) : -1;
	if (ur < 0 || ur == of->unit)
		return OFFICE_FITS;
	/* as a message names them where no unit word goes before them:
	 * "TP. Hồ Chí Minh" */
	*ours = province_shown(of->unit, lang);
	*theirs = province_shown(ur, lang);
	return OFFICE_OTHER_PROVINCE;
}

const char *
report_number_foreign(const struct record *r, const struct office *of)
{
	const char *n = r->report_number.s;
	const char *bc = n ? strstr(n, "/BC-") : NULL;
	if (!bc || !of->given || !of->symbol)
		return NULL;
	const char *sym = bc + 4;
	char *fs = text_fold(sym), *fo = text_fold(of->symbol);
	size_t k = strlen(fo);
	/* the office's symbol, or it with the unit that drafted ("SNV-HTQT",
	 * folded "snv htqt") */
	int ours = !strncmp(fs, fo, k) && (!fs[k] || fs[k] == ' ');
	free(fs);
	free(fo);
	return ours ? NULL : sym;
}

/* a is b, or one of them the other with more words after it ("Sở Ngoại
 * vụ" and "Sở Ngoại vụ tỉnh Quảng Ninh") */
static int
same_body(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), k = la < lb ? la : lb;
	return k && !strncmp(a, b, k) && (a[k] == '\0' || a[k] == ' ') &&
	       (b[k] == '\0' || b[k] == ' ');
}

/* The key of the unit merged away on 1 July 2025 that a body's name ends
 * with ("Sở Ngoại vụ tỉnh Kiên Giang" → "kien giang"), or NULL.  Caller
 * frees. */
static char *
merged_unit_named(const char *name)
{
	if (!name)
		return NULL;
	char *f = text_fold(name), *key = NULL;
	for (const char *p = f; p && *p; p = strchr(p, ' '), p = p ? p + 1 : NULL)
		if (province_lookup(p) >= 0) {
			if (province_abolished(p))
				key = province_key(p);
			break;
		}
	free(f);
	return key;
}

/* 1 when the author is the body of a province merged away since ("Sở
 * Ngoại vụ tỉnh Kiên Giang" under An Giang's profile), which issued its
 * report before the office did anything in that province's name: another
 * body, whatever symbol ("BC-SNV") its number shares with the office, unless
 * the profile is that province's own, written before the reorganisation. */
static int
author_merged_away(const char *au, const struct office *of)
{
	char *k = of->at == OFFICE_PROVINCE ? merged_unit_named(au) : NULL;
	if (!k)
		return 0;
	int other = 1;
	const char *const own[] = {of->parent, of->name, of->place};
	for (size_t i = 0; other && i < sizeof own / sizeof own[0]; i++) {
		char *o = merged_unit_named(own[i]);
		other = !o || strcmp(o, k);
		free(o);
	}
	free(k);
	return other;
}

const char *
report_author_other(const struct record *r, const struct office *of)
{
	const char *au = r->has_report ? r->report_author.s : NULL;
	if (!au || !*au || !of->given || !of->name)
		return NULL;
	if (author_merged_away(au, of))
		return au;
	/* a number with a symbol says whose it is (report_number_foreign) */
	if (r->report_number.s && strchr(r->report_number.s, '/'))
		return NULL;
	/* the office under either of its names: a record in English names
	 * an embassy or consulate in English */
	int same = 0;
	for (int l = LANG_VI; !same && l <= LANG_EN; l++) {
		char *na = recipient_name(au, (enum lang)l),
		     *no = recipient_name(of->name, (enum lang)l);
		char *fa = body_fold(na), *fo = body_fold(no);
		same = same_body(fa, fo);
		free(fa);
		free(fo);
		free(na);
		free(no);
	}
	return same ? NULL : au;
}

char *
report_number_text(const struct record *r, const struct office *of)
{
	/* another body's number is not given this office's symbol */
	if (r->report_number.s && report_author_other(r, of))
		return xstrdup(number_unlabelled(r->report_number.s));
	return number(r->report_number.s, of->symbol);
}

void
report_form(struct arena *a, struct node *root, const struct record *r, const struct office *of,
            enum lang lang, int draft, const struct config *cfg)
{
	struct fview v = {a, root, lang, cfg};
	/* a people's committee heads its province: no line above its name */
	put_y_own(&v, "y_parent",
	          of->apex && !of->parent ? xstrdup("") : body_name(office_parent(of), lang));
	/* the issuing body is named in full: "UBND tỉnh …" abbreviates it,
	 * which the decree allows the parent body's line only */
	char *issuer = of->name && !strncmp(of->name, "UBND ", 5)
	                   ? xasprintf("Ủy ban nhân dân %s", of->name + 5)
	                   : NULL;
	put_y_own(&v, "y_issuer", body_name(issuer ? issuer : of->name, lang));
	free(issuer);
	put_y_own(&v, "y_number",
	          report_number_foreign(r, of) || report_author_other(r, of)
	              ? number(NULL, of->symbol)
	              : report_number_text(r, of));
	put_y(&v, "y_symbol", of->symbol ? of->symbol : BLANK);
	put_date(&v, of, r);
	put_sides(&v, r);
	put_recipients(&v, of, r);
	/* a title of the signer's own province's committee ("Chủ tịch UBND
	 * tỉnh") is the office's province's */
	const char *home =
	    of->at == OFFICE_PROVINCE ? province_units[of->unit].name : r->locality_name.s;
	put_y_own(&v, "y_authority", authority(of->authority, home, lang));
	put_y_own(&v, "y_authority2",
	          of->authority2 ? authority(of->authority2, home, lang) : xstrdup(""));
	/* an acting head (Q.) signs under the head's title alone, as check
	 * (config-office) says: a title the profile gives as well is not
	 * printed under it */
	const char *last = of->authority2 ? of->authority2 : of->authority;
	int acting = last && !strncmp(last, "Q. ", 3);
	if (of->title && !acting) {
		char *t = lang == LANG_EN ? signer_title_en(of->title, home) : xstrdup(of->title);
		put_y_own(&v, "y_title", text_upper(t));
		free(t);
	} else {
		/* one who signs for another has a title of their own: a blank */
		put_y(&v, "y_title", of->for_someone ? BLANK : NULL);
	}
	put_y(&v, "y_signer", of->signer ? of->signer : BLANK);
	node_map_put(a, root, "draft", node_new_bool(a, draft));
	node_map_put(a, root, "final", node_new_bool(a, !draft));
	/* an embassy or consulate did not receive the delegation that visited
	 * a province at home: its report is of that visit, not of receiving it */
	node_map_put(a, root, "received",
	             node_new_bool(a, r->direction == DIR_INBOUND &&
	                                  !(of->given && of->at == OFFICE_ABROAD)));
	put_programme(&v, r);
}
