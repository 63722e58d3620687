/*
 * rules_archive.c: the rules across a collection (docs/rules.md, "Across a
 * collection"): archive-cold-partner and archive-open-tasks.  Computed here
 * only, over the archive model, for both `archive` (pages, stderr) and
 * `check` over several files (through the collection of rules.c).
 */
#include "archive.h"

#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "countries.h"
#include "rules_int.h"

static enum sev
default_sev(const char *id, enum sev dflt)
{
	const struct rule *r = rule_find(id);
	return r ? r->sev : dflt;
}

/* 1 when the configuration switches the rule off for the collection. */
static int
rule_off(const char *id, const struct config *cfg)
{
	const struct rule *r = rule_find(id);
	if (!r || !cfg || !cfg->sev)
		return 0;
	return cfg->sev[r - rule_table] == SEV_OFF;
}

static const char *
stage_word(enum stage s, enum lang lang)
{
	/* only mou and sister partners can go cold */
	return s == STAGE_SISTER
	           ? L(lang, "kết nghĩa", "a sister relationship")
	           : L(lang, "ghi nhớ hợp tác (MOU)", "a memorandum of understanding");
}

/* "Nagasaki (Nhật Bản)": the country by name in a sentence. */
static const char *
country_said(const char *code, enum lang lang)
{
	const char *n = country_name(code, lang);
	return n ? n : code;
}

/* "today" minus n years, 29 February becoming 28. */
static struct date
years_before(struct date d, long n)
{
	struct date r = {d.y - (int)n, d.m, d.d};
	if (r.m == 2 && r.d == 29 && !((r.y % 4 == 0 && r.y % 100 != 0) || r.y % 400 == 0))
		r.d = 28;
	return r;
}

/* Whether a visit with partner k is being prepared: a record of it not
 * completed, not declined, that has not ended by today. */
static int
visit_ahead(const struct archive *a, size_t k, long today)
{
	const struct arc_partner *p = &a->partners[k];
	for (size_t i = 0; i < p->nrecs; i++) {
		const struct arc_rec *r = &a->recs[p->recs[i]];
		if (r->status != STATUS_COMPLETED && r->end.y && date_days(r->end, 1) >= today &&
		    archive_rec_visits_partner(a, p->recs[i], k))
			return 1;
	}
	return 0;
}

static void
cold_partners(struct archive *a, const struct check_ctx *ctx, struct diags *dq)
{
	const char *id = "archive-cold-partner";
	long years = ctx->cfg && ctx->cfg->cold_years > 0 ? ctx->cfg->cold_years : 2;
	long cutoff = date_days(years_before(ctx->today, years), 0);
	int off = rule_off(id, ctx->cfg);
	enum sev sev = default_sev(id, SEV_WARNING);
	enum lang L = ctx->lang;
	for (size_t k = 0; k < a->npartners; k++) {
		struct arc_partner *p = &a->partners[k];
		if (p->stage != STAGE_MOU && p->stage != STAGE_SISTER)
			continue;
		char when[16];
		/* the latest visit either way, as the pages date it
		 * (archive_partner_last); one a record leaves undated may be
		 * recent: no claim */
		long ret;
		struct date last = archive_partner_last(a, k, &ret);
		int undated = p->last_visit >= 0 && !a->recs[p->last_visit].end.y;
		for (size_t i = 0; i < p->nrecs && !undated; i++)
			undated = a->recs[p->recs[i]].recip_undated &&
			          archive_rec_visits_partner(a, p->recs[i], k);
		if (p->last_visit >= 0 || last.y || undated) {
			if (undated || date_days(last, 1) >= cutoff)
				continue;
			date_iso(last, when);
		} else if (p->stage_since.set) {
			/* never visited: cold once the relationship itself is that old */
			if (date_days(p->stage_since.d, 1) >= cutoff)
				continue;
			when[0] = '\0';
		} else {
			continue; /* never visited, and how old the relationship is is not
			           * said: "more than two years" would be a guess */
		}
		/* a visit being prepared is what the rule asks for */
		if (visit_ahead(a, k, date_days(ctx->today, 0)))
			continue;
		p->cold = !off;
		const struct arc_occ *o = &a->occs[p->latest_occ];
		const char *file = a->recs[o->rec].file;
		if (when[0])
			diags_add(dq, file, o->mark, sev, id, "G7 G22",
			          L(L,
			            "đối tác %s (%s) có quan hệ %s nhưng không có chuyến thăm "
			            "nào theo cả hai chiều từ %s (quá %ld năm)",
			            "partner %s (%s) has %s but has had no visit in either "
			            "direction since %s (more than %ld years)"),
			          p->name, country_said(p->country, L), stage_word(p->stage, L),
			          when, years);
		else
			diags_add(dq, file, o->mark, sev, id, "G7 G22",
			          L(L,
			            "đối tác %s (%s) có quan hệ %s nhưng chưa có chuyến thăm "
			            "nào theo cả hai chiều được ghi nhận (quá %ld năm)",
			            "partner %s (%s) has %s but no visit in either direction "
			            "is recorded (more than %ld years)"),
			          p->name, country_said(p->country, L), stage_word(p->stage, L),
			          years);
	}
}

static void
open_tasks(struct archive *a, const struct check_ctx *ctx, struct diags *dq)
{
	const char *id = "archive-open-tasks";
	int off = rule_off(id, ctx->cfg);
	enum sev sev = default_sev(id, SEV_INFO);
	enum lang L = ctx->lang;
	for (size_t o = 0; o < a->nowners; o++) {
		struct arc_owner *w = &a->owners[o];
		if (w->nvisits_overdue < 2 || w->vague)
			continue; /* "TBD" is no department to hold to account */
		w->flagged = !off;
		/* point at its most overdue task: the register lists it first */
		const struct arc_task *t = &a->tasks[w->tasks[0]];
		diags_add(dq, a->recs[t->rec].file, t->mark, sev, id, "G8",
		          L(L, "%s có %zu nhiệm vụ quá hạn từ %zu chuyến công tác khác nhau",
		            "%s holds %zu overdue tasks from %zu different visits"),
		          L(L, w->name, w->name_en), w->noverdue, w->nvisits_overdue);
	}
}

void
rules_archive_run(struct archive *a, const struct check_ctx *ctx, struct diags *dq)
{
	cold_partners(a, ctx, dq);
	open_tasks(a, ctx, dq);
}
