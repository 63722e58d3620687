/*
 * archive_stats.c: what the archive counts once the partners are merged:
 * the relationship of each (locality, partner) pair and so each partner's
 * current stage, and the statistics the source texts quote (localities
 * cooperating with partner localities of each country, agreements by
 * kind, delegations per year and direction).
 */
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "xalloc.h"

static const struct archive *sort_a; /* qsort has no context argument */

/* Order of stage strength for "the current stage": declined lowest. */
static int
stage_rank(enum stage s)
{
	switch (s) {
	case STAGE_DECLINED: return 1;
	case STAGE_PROSPECT: return 2;
	case STAGE_EXPLORING: return 3;
	case STAGE_MOU: return 4;
	case STAGE_SISTER: return 5;
	default: return 0;
	}
}

/* Localities × partners: the relationship of each pair is the latest stage
 * a record states for it; a partner's current stage is the highest of its
 * pairs, and the country statistics count pairs. */
struct pair {
	size_t loc, partner;
	enum stage stage;
	struct odate since;
	long rec;    /* record that stated the stage, -1 */
	int visited; /* its record is a completed visit the partner did not decline */
};

static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;
	if (p->partner != q->partner)
		return p->partner < q->partner ? -1 : 1;
	if (p->loc != q->loc)
		return p->loc < q->loc ? -1 : 1;
	if (p->rec != q->rec) {
		if (p->rec < 0 || q->rec < 0)
			return p->rec < 0 ? -1 : 1;
		return archive_rec_cmp(sort_a, (size_t)p->rec, (size_t)q->rec);
	}
	return 0;
}

static int
is_locality_kind(enum partner_kind k)
{
	return k == PK_NONE || k == PK_PREFECTURE || k == PK_REGION || k == PK_PROVINCE ||
	       k == PK_STATE || k == PK_CITY || k == PK_DEPARTMENT;
}

void
archive_finish_pairs(struct archive *a)
{
	struct pair *pv = xcalloc(a->nocc ? a->nocc : 1, sizeof *pv);
	for (size_t i = 0; i < a->nocc; i++) {
		const struct arc_occ *o = &a->occs[i];
		pv[i].loc = a->recs[o->rec].loc;
		pv[i].partner = o->partner;
		pv[i].stage = o->stage;
		pv[i].since = o->since;
		pv[i].rec = o->stage != STAGE_NONE ? (long)o->rec : -1;
		pv[i].visited =
		    a->recs[o->rec].status == STATUS_COMPLETED && o->response != RESP_DECLINED;
	}
	sort_a = a;
	qsort(pv, a->nocc, sizeof *pv, cmp_pair);
	/* Country statistics need distinct localities per country: collect
	 * (country, loc, coop, visited) entries and count after sorting. */
	struct cl {
		const char *country;
		size_t loc;
		int coop, visited;
	} *cl = xcalloc(a->nocc ? a->nocc : 1, sizeof *cl);
	size_t ncl = 0;
	for (size_t i = 0; i < a->nocc;) {
		size_t j = i;
		while (j < a->nocc && pv[j].partner == pv[i].partner && pv[j].loc == pv[i].loc)
			j++;
		/* the pair's latest stated stage is pv[j-1] when any was stated */
		const struct pair *last = &pv[j - 1];
		struct arc_partner *p = &a->partners[pv[i].partner];
		int coop =
		    last->rec >= 0 && (last->stage == STAGE_MOU || last->stage == STAGE_SISTER);
		int earlier = last->since.set && (!p->stage_since.set ||
		                                  date_cmp(last->since.d, p->stage_since.d) < 0);
		if (last->rec >= 0 && (stage_rank(last->stage) > stage_rank(p->stage) ||
		                       (last->stage == p->stage && earlier))) {
			p->stage = last->stage;
			p->stage_since = last->since;
		}
		p->nlocs++;
		p->ncoop += coop;
		cl[ncl].country = p->country;
		cl[ncl].loc = pv[i].loc;
		cl[ncl].coop = coop;
		cl[ncl].visited = 0;
		for (size_t k = i; k < j; k++)
			cl[ncl].visited |= pv[k].visited;
		ncl++;
		i = j;
	}
	free(pv);

	/* Countries in code order; partners are already sorted by country. */
	a->countries = xcalloc(a->npartners ? a->npartners : 1, sizeof *a->countries);
	a->ncountries = 0;
	for (size_t k = 0; k < a->npartners; k++) {
		const struct arc_partner *p = &a->partners[k];
		if (!a->ncountries || strcmp(a->countries[a->ncountries - 1].country, p->country))
			a->countries[a->ncountries++].country = p->country;
		struct arc_country *c = &a->countries[a->ncountries - 1];
		if (is_locality_kind(p->kind)) {
			c->partners += p->nvisits > 0; /* with a visit that took place */
			c->coop_partners += p->ncoop > 0;
		}
	}
	/* Visits with partners of the country, each record once a country: a
	 * planned one has not taken place (the years count it apart), and a
	 * partner that declined was not visited. */
	for (size_t i = 0; i < a->nrecs; i++) {
		const struct arc_rec *rr = &a->recs[i];
		if (rr->status != STATUS_COMPLETED)
			continue;
		for (size_t o = rr->occ0; o < rr->occ0 + rr->nocc; o++) {
			if (a->occs[o].response == RESP_DECLINED)
				continue;
			const char *cc = a->partners[a->occs[o].partner].country;
			int seen = 0;
			for (size_t q = rr->occ0; q < o && !seen; q++)
				seen = a->occs[q].response != RESP_DECLINED &&
				       !strcmp(a->partners[a->occs[q].partner].country, cc);
			for (size_t c = 0; c < a->ncountries && !seen; c++)
				if (!strcmp(a->countries[c].country, cc)) {
					a->countries[c].visits++;
					break;
				}
		}
	}
	/* distinct localities per country (with a visit, and cooperating) */
	size_t *ls = xcalloc(ncl ? ncl : 1, sizeof *ls);
	for (size_t c = 0; c < a->ncountries; c++) {
		struct arc_country *ct = &a->countries[c];
		for (int coop = 0; coop < 2; coop++) {
			size_t n = 0;
			for (size_t i = 0; i < ncl; i++)
				if (!strcmp(cl[i].country, ct->country) &&
				    (coop ? cl[i].coop : cl[i].visited))
					ls[n++] = cl[i].loc;
			qsort(ls, n, sizeof *ls, archive_cmp_size);
			size_t d = 0;
			for (size_t i = 0; i < n; i++)
				d += !i || ls[i] != ls[i - 1];
			if (coop)
				ct->coop_locs = d;
			else
				ct->locs = d;
		}
	}
	free(ls);
	free(cl);
}

void
archive_finish_stats(struct archive *a)
{
	a->years = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *a->years);
	for (size_t i = 0; i < a->nrecs; i++) {
		const struct arc_rec *rr = &a->recs[a->by_date[i]];
		if (!rr->start.y)
			continue; /* date unknown: in no year */
		if (!a->nyears || a->years[a->nyears - 1].year != rr->start.y)
			a->years[a->nyears++].year = rr->start.y;
		struct arc_year *y = &a->years[a->nyears - 1];
		if (rr->status != STATUS_COMPLETED)
			y->planned++;
		else if (rr->dir == DIR_INBOUND)
			y->inbound++;
		else if (rr->dir == DIR_OUTBOUND)
			y->outbound++;
		else
			y->undirected++; /* neither way: the record does not say */
	}
	for (size_t i = 0; i < a->nagr; i++)
		a->agr_by_kind[a->agrs[i].kind <= AGR_LETTER_OF_INTENT ? a->agrs[i].kind : 0]++;
}
