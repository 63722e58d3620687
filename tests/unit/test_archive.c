/* Unit tests of the archive model on records built in memory: merging of
 * partners, localities under their 2025 units, owner aliases, register
 * order, the archive-* rules, and pages independent of input order. */
#include <stdlib.h>

#include "archive.h"
#include "archive_pages.h"
#include "buf.h"
#include "unit.h"

static struct text
T(const char *s) {
	struct text t = {s, {1, 1}};
	return t;
}

static struct rdate
D(const char *s) {
	struct rdate r;
	memset(&r, 0, sizeof r);
	if (s && date_parse(s, 1, &r.d) == DATE_OK)
		r.set = 1;
	return r;
}

/* A record with one partner; tasks and more partners added by the test. */
static struct record *
mk(const char *id, const char *loc, enum direction dir, const char *start, const char *end,
   const char *pname, const char *country, enum stage stage)
{
	struct record *r = calloc(1, sizeof *r);
	r->id = T(id);
	r->title = T(id);
	r->file = id;
	r->direction = dir;
	r->start = D(start);
	r->end = D(end);
	r->status = STATUS_COMPLETED;
	r->locality_name = T(loc);
	r->partners = calloc(4, sizeof *r->partners);
	r->npartners = 1;
	r->partners[0].name = T(pname);
	r->partners[0].country = T(country);
	r->partners[0].kind = PK_PREFECTURE;
	r->partners[0].has_relationship = stage != STAGE_NONE;
	r->partners[0].stage = stage;
	r->tasks = calloc(4, sizeof *r->tasks);
	return r;
}

static void
task(struct record *r, const char *text, const char *owner, const char *due, enum task_status st)
{
	struct task *t = &r->tasks[r->ntasks++];
	t->task = T(text);
	t->owner = T(owner);
	t->due = D(due);
	t->status = st;
	t->partner = &r->partners[0];
}

static void
rfree(struct record *r)
{
	free(r->partners);
	free(r->tasks);
	free(r);
}

static size_t
find_partner(const struct archive *a, const char *slug)
{
	for (size_t k = 0; k < a->npartners; k++)
		if (!strcmp(a->partners[k].slug, slug))
			return k;
	return (size_t)-1;
}

enum { N = 6 };

static struct archive *
build(struct record **recs, const int *order, struct config *cfg, struct diags *dq)
{
	struct date today = {2025, 9, 1};
	struct archive *a = archive_new(today, cfg);
	for (int i = 0; i < N; i++)
		archive_add(a, recs[order[i]]);
	archive_finish(a, 1);
	struct check_ctx ctx = {today, LANG_EN, cfg};
	rules_archive_run(a, &ctx, dq);
	return a;
}

int
main(void)
{
	struct record *r[N];
	r[0] = mk("2017-qnam", "Quảng Nam", DIR_OUTBOUND, "2017-06-10", "2017-06-14", "Nagasaki",
	          "JP", STAGE_MOU);
	r[0]->partners[0].stage_since = D("2017-06");
	task(r[0], "Send the draft MOU", "Sở Ngoại vụ", "2017-10-31", TASK_OPEN);
	task(r[0], "Done already", "Sở Ngoại vụ", "2017-09-01", TASK_DONE);
	r[1] = mk("2019-danang", "Thành phố Đà Nẵng", DIR_INBOUND, "2019-05-12", "2019-05-14",
	          "  nagasaki ", "JP", STAGE_NONE);
	task(r[1], "Prepare the return visit", "sở  ngoại vụ", "2019-12", TASK_IN_PROGRESS);
	task(r[1], "Trade fair booth", "SNV", "2030-01-01", TASK_OPEN);
	r[2] = mk("2023-yenbai", "Yên Bái", DIR_OUTBOUND, "2023-10-12", "2023-10-15",
	          "Val-de-Marne", "FR", STAGE_EXPLORING);
	r[2]->partners[0].kind = PK_DEPARTMENT;
	task(r[2], "Tourism brochure in French", "Sở Văn hóa, Thể thao và Du lịch", NULL,
	     TASK_OPEN);
	r[3] = mk("2024-laocai", "Lào Cai", DIR_OUTBOUND, "2024-03-01", "2024-03-03", "Nagasaki",
	          "FR", STAGE_PROSPECT); /* same name, other country */
	r[4] = mk("2022-oita-a", "Tuyên Quang", DIR_OUTBOUND, "2022-02-01", "2022-02-02",
	          "Oita Prefecture", "JP", STAGE_SISTER);
	r[4]->partners[0].id = T("oita");
	r[4]->partners[0].stage_since = D("2010-01");
	r[5] = mk("2021-oita-b", "Hà Giang", DIR_INBOUND, "2021-02-01", "2021-02-02", "Ōita", "JP",
	          STAGE_EXPLORING);
	r[5]->partners[0].id = T("OITA");

	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	char *from[] = {"snv"}, *to[] = {"Sở Ngoại vụ"};
	cfg.owner_alias_from = from;
	cfg.owner_alias_to = to;
	cfg.nowner_alias = 1;
	cfg.cold_years = 2;

	const int fwd[N] = {0, 1, 2, 3, 4, 5}, rev[N] = {5, 4, 3, 2, 1, 0};
	struct diags dq = DIAGS_INIT, dq2 = DIAGS_INIT;
	struct archive *a = build(r, fwd, &cfg, &dq);

	/* localities: Quảng Nam and "Thành phố Đà Nẵng" are Đà Nẵng now */
	const struct arc_rec *q = NULL, *d = NULL;
	for (size_t i = 0; i < a->nrecs; i++) {
		if (!strcmp(a->recs[i].id, "2017-qnam"))
			q = &a->recs[i];
		if (!strcmp(a->recs[i].id, "2019-danang"))
			d = &a->recs[i];
	}
	OK(q && d && q->loc == d->loc, "archive/quang-nam-grouped-under-da-nang");
	STR_EQ(q ? a->locs[q->loc].name : NULL, "Đà Nẵng", "archive/unit-name");
	STR_EQ(q ? q->loc_used : NULL, "Quảng Nam", "archive/name-used-kept");
	OK(d && d->loc_used == NULL, "archive/prefix-is-not-another-name");

	/* partners: JP Nagasaki twice (spacing, case), FR Nagasaki apart, Oita by id */
	INT_EQ(a->npartners, 4, "archive/partners-merged");
	size_t jp = find_partner(a, "jp-nagasaki"), fr = find_partner(a, "fr-nagasaki");
	size_t oita = find_partner(a, "jp-oita");
	OK(jp != (size_t)-1 && fr != (size_t)-1, "archive/same-name-other-country-apart");
	OK(oita != (size_t)-1, "archive/slug-from-earliest-name");
	INT_EQ(jp != (size_t)-1 ? a->partners[jp].nrecs : 0, 2, "archive/jp-nagasaki-two-visits");
	INT_EQ(oita != (size_t)-1 ? a->partners[oita].nrecs : 0, 2, "archive/merged-by-id");
	OK(oita != (size_t)-1 && a->partners[oita].stage == STAGE_SISTER,
	   "archive/current-stage-highest-of-localities");

	/* owners: "sở  ngoại vụ" and the alias SNV join "Sở Ngoại vụ" of Đà Nẵng */
	INT_EQ(a->nowners, 2, "archive/owners-normalised");
	STR_EQ(a->owners[0].name, "Sở Ngoại vụ (Đà Nẵng)", "archive/owner-most-overdue-first");
	INT_EQ(a->owners[0].ntasks, 3, "archive/done-tasks-left-out");
	INT_EQ(a->owners[0].nspellings, 3, "archive/spellings-kept");
	OK(a->tasks[a->owners[0].tasks[0]].overdue && a->tasks[a->owners[0].tasks[1]].overdue &&
	       !a->tasks[a->owners[0].tasks[2]].overdue,
	   "archive/overdue-first");
	STR_EQ(a->tasks[a->owners[0].tasks[0]].text, "Send the draft MOU",
	       "archive/oldest-due-first");

	/* rules: Nagasaki (mou, last visit 2019) has gone cold; Oita (sister,
	 * visited 2022) has too; Sở Ngoại vụ has overdue tasks from two visits */
	OK(jp != (size_t)-1 && a->partners[jp].cold, "archive/cold-partner");
	OK(fr != (size_t)-1 && !a->partners[fr].cold, "archive/prospect-never-cold");
	OK(a->owners[0].flagged && !a->owners[1].flagged, "archive/open-tasks-flagged");
	size_t ncold = 0, nopen = 0;
	for (size_t i = 0; i < dq.n; i++) {
		ncold += !strcmp(dq.v[i].rule, "archive-cold-partner");
		nopen += !strcmp(dq.v[i].rule, "archive-open-tasks");
	}
	INT_EQ(ncold, 2, "archive/cold-findings");
	INT_EQ(nopen, 1, "archive/open-tasks-findings");

	/* statistics: JP: 3 localities (Đà Nẵng, Tuyên Quang) ... */
	const struct arc_country *cj = NULL;
	for (size_t c = 0; c < a->ncountries; c++)
		if (!strcmp(a->countries[c].country, "JP"))
			cj = &a->countries[c];
	OK(cj != NULL, "archive/country-jp");
	INT_EQ(cj ? cj->locs : 0, 2, "archive/jp-localities"); /* Đà Nẵng, Tuyên Quang (Hà Giang) */
	INT_EQ(cj ? cj->partners : 0, 2, "archive/jp-partner-localities");
	INT_EQ(cj ? cj->coop_locs : 0, 2, "archive/jp-cooperating-localities");

	/* the same records in the opposite order give the same pages */
	struct archive *b = build(r, rev, &cfg, &dq2);
	struct buf x = BUF_INIT, y = BUF_INIT;
	diags_sort(&dq);
	diags_sort(&dq2);
	arc_page_index(&x, a, LANG_EN);
	arc_page_tasks(&x, a, LANG_VI);
	for (size_t k = 0; k < a->npartners; k++)
		arc_page_partner(&x, a, k, LANG_EN);
	arc_json(&x, a, &dq, LANG_EN, NULL, NULL, NULL);
	arc_page_index(&y, b, LANG_EN);
	arc_page_tasks(&y, b, LANG_VI);
	for (size_t k = 0; k < b->npartners; k++)
		arc_page_partner(&y, b, k, LANG_EN);
	arc_json(&y, b, &dq2, LANG_EN, NULL, NULL, NULL);
	OK(x.len == y.len && !memcmp(x.data, y.data, x.len), "archive/independent-of-input-order");
	buf_free(&x);
	buf_free(&y);

	archive_free(a);
	archive_free(b);
	diags_free(&dq);
	diags_free(&dq2);
	for (int i = 0; i < N; i++)
		rfree(r[i]);

	/* A country code the schema would not let through (a cache entry
	 * whose bytes were changed but whose hash was made again) still
	 * names a file of the archive's own characters, which the manifest
	 * can list and a later run remove. */
	struct record *odd = mk("2024-odd", "Hải Phòng", DIR_INBOUND, "2024-04-01", "2024-04-02",
	                        "Kitakyushu", "J\x01/.", STAGE_NONE);
	struct archive *c = archive_new((struct date){2025, 9, 1}, &cfg);
	archive_add(c, odd);
	archive_finish(c, 1);
	STR_EQ(c->npartners ? c->partners[0].slug : "", "j-kitakyushu",
	       "archive/odd-country-slug-plain");
	archive_free(c);
	rfree(odd);

	/* one consulate, its name written in Vietnamese in one record and in
	 * English in another: one agency, shown as the earlier record wrote it */
	struct record *vi = mk("2024-vi", "Hải Phòng", DIR_OUTBOUND, "2024-04-01", "2024-04-02",
	                       "Kitakyushu", "JP", STAGE_NONE),
	              *en = mk("2025-en", "Hải Phòng", DIR_OUTBOUND, "2025-04-01", "2025-04-02",
	                       "Kitakyushu", "JP", STAGE_NONE);
	vi->has_agency = en->has_agency = 1;
	vi->agency_name = T("Tổng Lãnh sự quán Việt Nam tại Fukuoka");
	en->agency_name = T("Consulate General of Viet Nam in Fukuoka");
	struct archive *g = archive_new((struct date){2025, 9, 1}, &cfg);
	archive_add(g, en);
	archive_add(g, vi);
	archive_finish(g, 1);
	INT_EQ(g->nagencies, 1, "archive/agency-one-in-two-languages");
	STR_EQ(g->nagencies ? g->agencies[0].name : "", "Tổng Lãnh sự quán Việt Nam tại Fukuoka",
	       "archive/agency-named-by-earliest");
	archive_free(g);
	rfree(vi);
	rfree(en);

	/* partners named only in Thai: each page keeps its name when another
	 * such partner comes */
	struct record *t1 = mk("2024-t1", "Nghệ An", DIR_OUTBOUND, "2024-04-01", "2024-04-02",
	                       "จังหวัดนครพนม", "TH", STAGE_NONE),
	              *t2 = mk("2024-t2", "Nghệ An", DIR_OUTBOUND, "2024-05-01", "2024-05-02",
	                       "จังหวัดกระบี่", "TH", STAGE_NONE);
	struct archive *h1 = archive_new((struct date){2025, 9, 1}, &cfg),
	               *h2 = archive_new((struct date){2025, 9, 1}, &cfg);
	archive_add(h1, t1);
	archive_finish(h1, 1);
	archive_add(h2, t1);
	archive_add(h2, t2);
	archive_finish(h2, 1);
	const char *alone = h1->npartners ? h1->partners[0].slug : "";
	OK(strncmp(alone, "th-x", 4) == 0 && strlen(alone) == 12,
	   "archive/script-name-slug-hashed");
	int kept = 0;
	for (size_t k = 0; k < h2->npartners; k++)
		kept |= !strcmp(h2->partners[k].slug, alone);
	OK(kept && h2->npartners == 2 && strcmp(h2->partners[0].slug, h2->partners[1].slug),
	   "archive/script-name-slug-stable");
	archive_free(h1);
	archive_free(h2);
	rfree(t1);
	rfree(t2);
	return 0;
}
