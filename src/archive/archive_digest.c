/*
 * archive_digest.c: what a page of the archive is made of, as a digest, so
 * that a page whose inputs have not changed is not made again
 * (archive_write.c).  A record stands for itself by its key (the hash of
 * its bytes, name and the run: arc_rec.key); what the model merges across
 * records (a partner's stage, a department's name, a locality's name, a
 * slug) is hashed as the model has it, so that a page changes when a
 * record it does not draw on changes what it shows.  Positions in the
 * model's arrays are never hashed: they move when a record comes or goes.
 * What many pages share (a partner, a record with what the collection made
 * of it) is hashed once, before the pages are made.
 * A record's row names its partners by their links only, so a record's
 * digest holds what a link shows of each partner (its name and page), not
 * what the partner's other records make of it: one changed task would
 * otherwise make again every page listing any record of the same partner.
 * The pages that show a partner's standing (its dossier, and the agency
 * dossiers' table of relationships) hash the partner whole.
 */
#include "archive.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "par.h"
#include "xalloc.h"

struct arc_digests {
	const struct archive *a;
	unsigned char run[HASH_LEN];
	unsigned char (*partner)[HASH_LEN]; /* [npartners]: h_partner */
	unsigned char (*plink)[HASH_LEN];   /* [npartners]: h_partner_link */
	unsigned char (*rec)[HASH_LEN];     /* [nrecs]: h_record */
	unsigned char (*con)[HASH_LEN];     /* [nrecs]: h_contacts */
	unsigned char all[HASH_LEN];        /* every record, in date order */
};

static void
h_str(struct hash_ctx *h, const char *s)
{
	hash_update(h, s ? "s" : "n", 1);
	if (s)
		hash_update(h, s, strlen(s) + 1);
}

static void
h_num(struct hash_ctx *h, long long v)
{
	hash_update(h, &v, sizeof v);
}

static void
h_date(struct hash_ctx *h, struct date d)
{
	h_num(h, d.y);
	h_num(h, d.m);
	h_num(h, d.d);
}

static void
h_odate(struct hash_ctx *h, struct odate d)
{
	h_num(h, d.set);
	h_date(h, d.d);
}

/* A record by what it is, not where it sits; -1: none. */
static void
h_rec_ref(struct hash_ctx *h, const struct archive *a, long ri)
{
	if (ri < 0)
		hash_update(h, "-", 1);
	else
		hash_update(h, a->recs[ri].key, HASH_LEN);
}

/* An occurrence: its record and its rank there. */
static void
h_occ_ref(struct hash_ctx *h, const struct archive *a, long oi)
{
	h_rec_ref(h, a, oi < 0 ? -1 : (long)a->occs[oi].rec);
	h_num(h, oi < 0 ? -1 : (long long)(oi - (long)a->recs[a->occs[oi].rec].occ0));
}

/* A partner as a link to its dossier shows it, in a visit's or a task's
 * row: what it is called and where its page is. */
static void
h_partner_link(struct hash_ctx *h, const struct archive *a, size_t p)
{
	const struct arc_partner *x = &a->partners[p];
	h_str(h, x->country);
	h_str(h, x->name);
	h_str(h, x->local_name);
	h_str(h, x->id);
	h_str(h, x->slug);
	h_num(h, x->kind);
}

/* What the model made of a partner out of all its records. */
static void
h_partner(struct hash_ctx *h, const struct archive *a, size_t p)
{
	const struct arc_partner *x = &a->partners[p];
	h_partner_link(h, a, p);
	h_num(h, (long long)x->nrecs);
	for (size_t i = 0; i < x->nrecs; i++)
		h_rec_ref(h, a, (long)x->recs[i]);
	for (size_t i = 0; i < x->nstages; i++) {
		h_rec_ref(h, a, (long)x->stages[i].rec);
		h_num(h, x->stages[i].stage);
		h_odate(h, x->stages[i].since);
	}
	h_num(h, x->stage);
	h_odate(h, x->stage_since);
	h_occ_ref(h, a, x->profile_occ);
	h_occ_ref(h, a, x->needs_occ);
	h_rec_ref(h, a, x->last_visit);
	h_num(h, (long long)x->nvisits);
	h_num(h, (long long)x->nplanned);
	h_num(h, (long long)x->ndeclined);
	h_occ_ref(h, a, x->latest_occ);
	h_num(h, (long long)x->nopen);
	h_num(h, (long long)x->noverdue);
	h_num(h, x->cold);
	h_num(h, (long long)x->nlocs);
	h_num(h, (long long)x->ncoop);
}

/* A department as a task row shows it (its counts are the register's,
 * which is made of every record). */
static void
h_owner(struct hash_ctx *h, const struct archive *a, size_t o)
{
	const struct arc_owner *w = &a->owners[o];
	h_str(h, w->key);
	h_str(h, w->name);
	h_num(h, w->vague);
}

/* A record and what other records make of it: its locality's and agency's
 * names, its partners' links, the departments of its tasks. */
static void
h_record(struct hash_ctx *h, const struct arc_digests *d, size_t ri)
{
	const struct archive *a = d->a;
	const struct arc_rec *r = &a->recs[ri];
	h_rec_ref(h, a, (long)ri);
	h_str(h, a->locs[r->loc].key);
	h_str(h, a->locs[r->loc].name);
	if (r->agency >= 0) {
		h_str(h, a->agencies[r->agency].name);
		h_str(h, a->agencies[r->agency].slug);
		h_num(h, a->agencies[r->agency].kind);
	}
	for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++)
		hash_update(h, d->plink[a->occs[o].partner], HASH_LEN);
	for (size_t t = r->task0; t < r->task0 + r->ntask; t++) {
		h_num(h, a->tasks[t].overdue);
		for (size_t k = 0; k < a->tasks[t].nowner; k++)
			h_owner(h, a, a->tasks[t].owner[k]);
	}
}

/* A record's contacts as a list of contacts shows them: each with the
 * record's id and date (its first and latest record, its date when it
 * has none of its own) and its partner's link, not the record's other
 * content. */
static void
h_contacts(struct hash_ctx *h, const struct archive *a, size_t ri)
{
	const struct arc_rec *r = &a->recs[ri];
	h_str(h, r->id);
	h_date(h, r->start);
	for (size_t i = r->con0; i < r->con0 + r->ncon; i++) {
		const struct arc_contact *c = &a->cons[i];
		h_num(h, c->side);
		h_str(h, c->key);
		h_str(h, c->name);
		h_str(h, c->title);
		h_str(h, c->org);
		h_str(h, c->email);
		h_str(h, c->phone);
		h_str(h, c->notes);
		h_odate(h, c->since);
		h_str(h, c->occ >= 0 ? a->partners[a->occs[c->occ].partner].slug : NULL);
	}
}

/* The partners' digests, then the records' (which name their partners'
 * links), DIGEST_CHUNK items a piece of work, on the run's threads. */
#define DIGEST_CHUNK 256

static void
digest_partners(void *vd, size_t c)
{
	struct arc_digests *d = vd;
	const struct archive *a = d->a;
	struct hash_ctx h;
	for (size_t p = c * DIGEST_CHUNK; p < a->npartners && p < (c + 1) * DIGEST_CHUNK; p++) {
		hash_init(&h);
		h_partner(&h, a, p);
		hash_final(&h, d->partner[p]);
		hash_init(&h);
		h_partner_link(&h, a, p);
		hash_final(&h, d->plink[p]);
	}
}

static void
digest_records(void *vd, size_t c)
{
	struct arc_digests *d = vd;
	const struct archive *a = d->a;
	struct hash_ctx h;
	for (size_t i = c * DIGEST_CHUNK; i < a->nrecs && i < (c + 1) * DIGEST_CHUNK; i++) {
		hash_init(&h);
		h_record(&h, d, i);
		hash_final(&h, d->rec[i]);
		hash_init(&h);
		h_contacts(&h, a, i);
		hash_final(&h, d->con[i]);
	}
}

static void
digest_none(void *vd, size_t c)
{
}

struct arc_digests *
archive_digests(const struct archive *a, const unsigned char run[HASH_LEN], int jobs)
{
	struct arc_digests *d = xcalloc(1, sizeof *d);
	d->a = a;
	memcpy(d->run, run, HASH_LEN);
	d->partner = xcalloc(a->npartners ? a->npartners : 1, sizeof *d->partner);
	d->plink = xcalloc(a->npartners ? a->npartners : 1, sizeof *d->plink);
	d->rec = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *d->rec);
	d->con = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *d->con);
	size_t ahead = par_ahead(jobs, PAR_AHEAD_SMALL);
	par_run((a->npartners + DIGEST_CHUNK - 1) / DIGEST_CHUNK, jobs, ahead, d, digest_partners,
	        digest_none);
	par_run((a->nrecs + DIGEST_CHUNK - 1) / DIGEST_CHUNK, jobs, ahead, d, digest_records,
	        digest_none);
	/* once, not once a page: 20,000 records are 20,000 keys to hash */
	struct hash_ctx h;
	hash_init(&h);
	for (size_t i = 0; i < a->nrecs; i++) /* in date order: whatever order they came in */
		h_rec_ref(&h, a, (long)a->by_date[i]);
	for (size_t i = 0; i < a->nleft; i++) { /* and the files left out, which the index names */
		const struct arc_left *l = &a->left[i];
		h_str(&h, l->file);
		h_num(&h, l->mark.line);
		h_num(&h, l->mark.col);
		h_str(&h, l->rule);
		h_str(&h, l->msg);
	}
	hash_final(&h, d->all);
	return d;
}

void
archive_digests_free(struct arc_digests *d)
{
	if (!d)
		return;
	free(d->partner);
	free(d->plink);
	free(d->rec);
	free(d->con);
	free(d);
}

static void
h_begin(struct hash_ctx *h, const struct arc_digests *d, const char *what)
{
	hash_init(h);
	hash_update(h, d->run, HASH_LEN);
	h_str(h, what);
}

uint64_t
archive_digest_all(const struct arc_digests *d, const char *what)
{
	struct hash_ctx h;
	h_begin(&h, d, what);
	hash_update(&h, d->all, HASH_LEN);
	return hash_final64(&h);
}

uint64_t
archive_digest_year(const struct arc_digests *d, int year, const char *what)
{
	const struct archive *a = d->a;
	struct hash_ctx h;
	h_begin(&h, d, what);
	h_num(&h, year);
	/* in date order, as the page lists them: by_date has a year's records
	 * together, found by halving */
	size_t lo = 0, hi = a->nrecs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->recs[a->by_date[mid]].start.y < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < a->nrecs && a->recs[a->by_date[i]].start.y == year; i++)
		hash_update(&h, d->rec[a->by_date[i]], HASH_LEN);
	return hash_final64(&h);
}

uint64_t
archive_digest_owner(const struct arc_digests *d, size_t o, const char *what)
{
	const struct archive *a = d->a;
	const struct arc_owner *w = &a->owners[o];
	struct hash_ctx h;
	h_begin(&h, d, what);
	h_owner(&h, a, o);
	h_str(&h, w->slug);
	h_num(&h, w->loc >= 0);
	if (w->loc >= 0)
		h_str(&h, a->locs[w->loc].name);
	for (size_t s = 0; s < w->nspellings; s++) {
		h_str(&h, w->spellings[s]);
		h_num(&h, (long long)w->spelling_n[s]);
	}
	h_num(&h, (long long)w->ntasks);
	h_num(&h, (long long)w->noverdue);
	h_num(&h, (long long)w->nvisits_overdue);
	h_num(&h, w->flagged);
	for (size_t t = 0; t < w->ntasks; t++) { /* in register order, as the page lists them */
		const struct arc_task *k = &a->tasks[w->tasks[t]];
		hash_update(&h, d->rec[k->rec], HASH_LEN);
		h_num(&h, (long long)(w->tasks[t] - a->recs[k->rec].task0));
		h_num(&h, k->overdue);
	}
	return hash_final64(&h);
}

uint64_t
archive_digest_partner(const struct arc_digests *d, size_t p)
{
	const struct arc_partner *x = &d->a->partners[p];
	struct hash_ctx h;
	h_begin(&h, d, "partner");
	hash_update(&h, d->partner[p], HASH_LEN);
	for (size_t i = 0; i < x->nrecs; i++)
		hash_update(&h, d->rec[x->recs[i]], HASH_LEN);
	return hash_final64(&h);
}

/* An agency as its dossier and its object name it. */
static void
h_agency(struct hash_ctx *h, const struct arc_agency *x)
{
	h_str(h, x->key);
	h_str(h, x->name);
	h_str(h, x->slug);
	h_num(h, x->kind);
}

uint64_t
archive_digest_agency(const struct arc_digests *d, size_t g)
{
	const struct archive *a = d->a;
	const struct arc_agency *x = &a->agencies[g];
	struct hash_ctx h;
	h_begin(&h, d, "agency");
	h_agency(&h, x);
	h_rec_ref(&h, a, x->name_rec);
	h_num(&h, (long long)x->nrecs);
	for (size_t i = 0; i < x->nrecs; i++)
		hash_update(&h, d->rec[x->recs[i]], HASH_LEN);
	/* its table of relationships shows each partner's stage, last visit
	 * and open tasks, which records of other agencies make too: each
	 * partner once, where its records first name it (which of them name
	 * it, and where, their own digests hold) */
	unsigned char *seen = xcalloc(a->npartners ? a->npartners : 1, 1);
	for (size_t i = 0; i < x->nrecs; i++) {
		const struct arc_rec *r = &a->recs[x->recs[i]];
		for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++) {
			size_t k = a->occs[o].partner;
			const struct arc_partner *p = &a->partners[k];
			if (seen[k])
				continue;
			seen[k] = 1;
			hash_update(&h, d->partner[k], HASH_LEN);
			/* its open tasks are listed, whichever record holds them */
			for (size_t j = 0; j < p->nrecs; j++)
				hash_update(&h, d->rec[p->recs[j]], HASH_LEN);
		}
	}
	free(seen);
	return hash_final64(&h);
}

uint64_t
archive_digest_record(const struct arc_digests *d, size_t ri)
{
	const struct archive *a = d->a;
	struct hash_ctx h;
	h_begin(&h, d, "record");
	hash_update(&h, d->rec[ri], HASH_LEN);
	h_num(&h, a->locs[a->recs[ri].loc].unit >= 0);
	return hash_final64(&h);
}

uint64_t
archive_digest_agency_json(const struct arc_digests *d, size_t g)
{
	const struct archive *a = d->a;
	const struct arc_agency *x = &a->agencies[g];
	struct hash_ctx h;
	h_begin(&h, d, "agency.json");
	h_agency(&h, x);
	h_num(&h, (long long)x->nrecs);
	for (size_t i = 0; i < x->nrecs; i++) /* its records, its staff */
		hash_update(&h, d->con[x->recs[i]], HASH_LEN);
	unsigned char *area;
	size_t *recs, n = archive_agency_area(a, g, &area, &recs);
	for (size_t k = 0; k < a->npartners; k++) /* its partners */
		if (area[k])
			h_str(&h, a->partners[k].slug);
	h_num(&h, (long long)n);
	for (size_t i = 0; i < n; i++) { /* their contacts, whichever record names them */
		h_num(&h, a->recs[recs[i]].agency == (long)g);
		hash_update(&h, d->con[recs[i]], HASH_LEN);
	}
	free(area);
	free(recs);
	return hash_final64(&h);
}
