/*
 * archive_json.c: archive.json, the machine-readable archive: the same
 * model the pages show, keys always in the order written here (the shape
 * is documented in man/archive-json.section), every string JSON-escaped,
 * two-space indentation, one value a line.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive_pages.h"
#include "escape.h"
#include "fsutil.h"
#include "hash.h"
#include "text.h"
#include "xalloc.h"

/* Bytes of the previous file to be copied after what was handed to the
 * sink, before what b holds: objects next to each other there, of one
 * list, go in one copy. */
struct jcopy {
	int fd;                 /* -1: none */
	unsigned long long off; /* in the previous file */
	unsigned long long len;
	unsigned kind; /* of the objects (enum jseg) */
};

struct jw {
	struct buf *b;
	int depth;
	int first[32]; /* per open container: nothing written in it yet */
	void (*flush)(struct buf *b, void *ctx);
	void *ctx;
	unsigned long long flushed; /* bytes before b's: handed to flush, or copied */
	int keyed;                  /* the separator before the next value is written */
	int whole;                  /* an object being made is kept whole in b */
	struct arc_json_hash h;     /* of the bytes so far */
	size_t hashed;              /* of b's bytes, those in h */
	struct jcopy copy;          /* to be copied before b's bytes */
	void (*copier)(int fd, unsigned long long off, size_t len, void *ctx);
};

/* What is written so far goes to the sink once it passes this many bytes. */
#define JSON_CHUNK ((size_t)1 << 16)

/* ==== the content hash (arc_json_hash) ==== */

void
arc_json_hash_init(struct arc_json_hash *h)
{
	hash_init(&h->all);
	hash_init(&h->piece);
	h->plen = 0;
	h->ls = -1;
	h->inside = 0;
	h->last = 0;
	h->sep = 0;
}

/* A piece, by its hash and length (little-endian, 8 bytes each). */
static void
jh_leaf(struct arc_json_hash *h, uint64_t leaf, unsigned long long len)
{
	unsigned char e[16];
	for (int i = 0; i < 8; i++) {
		e[i] = (unsigned char)(leaf >> (8 * i));
		e[8 + i] = (unsigned char)(len >> (8 * i));
	}
	hash_update(&h->all, e, sizeof e);
	h->last = leaf;
}

/* The piece so far ends here (when it has any bytes).  Most pieces
 * between objects are the same few bytes, a comma and a line's four
 * spaces: their hash is known. */
static void
jh_cut(struct arc_json_hash *h)
{
	static const char sep[] = ",\n    ";
	if (!h->plen)
		return;
	if (h->plen == sizeof sep - 1 && h->piece.npend == h->plen &&
	    !memcmp(h->piece.pend, sep, h->plen)) {
		if (!h->sep)
			h->sep = hash64(sep, sizeof sep - 1);
		jh_leaf(h, h->sep, h->plen);
	} else {
		jh_leaf(h, hash_final64(&h->piece), h->plen);
	}
	hash_init(&h->piece);
	h->plen = 0;
}

static void
jh_feed(struct arc_json_hash *h, const char *p, size_t n)
{
	if (n) {
		hash_update(&h->piece, p, n);
		h->plen += n;
	}
}

void
arc_json_hash_bytes(struct arc_json_hash *h, const void *vp, size_t n)
{
	const char *p = vp;
	size_t start = 0, i = 0; /* p[start, i): of the piece, not yet fed */
	while (i < n) {
		if (h->ls < 0) { /* only what follows a line feed matters */
			const char *q = memchr(p + i, '\n', n - i);
			if (!q)
				break;
			i = (size_t)(q - p) + 1;
			h->ls = 0;
			continue;
		}
		char c = p[i];
		if (c == ' ' && h->ls < 4) {
			h->ls++;
			i++;
			continue;
		}
		if (h->ls == 4 && c == '{' && !h->inside) {
			jh_feed(h, p + start, i - start);
			jh_cut(h);
			start = i;
			h->inside = 1;
		} else if (h->ls == 4 && c == '}' && h->inside) {
			jh_feed(h, p + start, i + 1 - start);
			jh_cut(h);
			start = i + 1;
			h->inside = 0;
		}
		h->ls = c == '\n' ? 0 : -1;
		i++;
	}
	jh_feed(h, p + start, n - start);
}

/* An object whose hash is known, next: after a line's four spaces,
 * outside any object, where its "{" would start a piece. */
static void
jh_known(struct arc_json_hash *h, uint64_t leaf, unsigned long long len)
{
	jh_cut(h);
	jh_leaf(h, leaf, len);
	h->ls = -1;
	h->inside = 0;
}

uint64_t
arc_json_hash_final(struct arc_json_hash *h)
{
	jh_cut(h);
	return hash_final64(&h->all);
}

/* b's bytes not yet hashed, hashed. */
static void
jw_hash(struct jw *w)
{
	arc_json_hash_bytes(&w->h, w->b->data + w->hashed, w->b->len - w->hashed);
	w->hashed = w->b->len;
}

/* The copy waiting, then b's bytes, to the sink. */
static void
jw_emit(struct jw *w)
{
	if (w->copy.fd >= 0) {
		w->copier(w->copy.fd, w->copy.off, (size_t)w->copy.len, w->ctx);
		w->copy.fd = -1;
	}
	jw_hash(w);
	w->flushed += w->b->len;
	w->hashed = 0;
	w->flush(w->b, w->ctx);
}

/* Two spaces a level, in one piece (the containers nest a few deep). */
static void
indent(struct buf *b, int depth)
{
	static const char spaces[] = "                                ";
	for (size_t n = 2 * (size_t)depth; n;) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		buf_put(b, spaces, k);
		n -= k;
	}
}

static void
jw_key(struct jw *w, const char *key)
{
	if (w->keyed) {
		w->keyed = 0;
		return;
	}
	if (w->flush && !w->whole && w->b->len >= JSON_CHUNK)
		jw_emit(w);
	if (w->depth > 0) {
		int f = w->first[w->depth];
		w->first[w->depth] = 0;
		buf_put(w->b, &",\n"[f], 2 - (size_t)f);
		indent(w->b, w->depth);
	}
	if (key) { /* the program's own ASCII names, which JSON takes as they are */
		size_t n = strlen(key);
		buf_putc(w->b, '"');
		buf_put(w->b, key, n);
		buf_put(w->b, "\": ", 3);
	}
}

static void
jw_open(struct jw *w, const char *key, char c)
{
	jw_key(w, key);
	buf_putc(w->b, c);
	w->first[++w->depth] = 1;
}

static void
jw_close(struct jw *w, char c)
{
	int empty = w->first[w->depth];
	w->depth--;
	if (!empty) {
		buf_putc(w->b, '\n');
		indent(w->b, w->depth);
	}
	buf_putc(w->b, c);
}

static void
jw_str(struct jw *w, const char *key, const char *v)
{
	jw_key(w, key);
	if (!v) {
		buf_puts(w->b, "null");
		return;
	}
	escape_json_str(w->b, v);
}

static void
jw_num(struct jw *w, const char *key, long long v)
{
	jw_key(w, key);
	/* as "%lld" writes it, without the cost of printf per number */
	char d[24], *e = d + sizeof d, *q = e;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do
		*--q = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--q = '-';
	buf_put(w->b, q, (size_t)(e - q));
}

static void
jw_bool(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	buf_puts(w->b, v ? "true" : "false");
}

static void
jw_date(struct jw *w, const char *key, struct date d)
{
	char s[16];
	date_iso(d, s);
	jw_str(w, key, d.y ? s : NULL); /* year 0: the record's dates are unusable */
}

static void
jw_odate(struct jw *w, const char *key, struct odate d)
{
	if (d.set)
		jw_date(w, key, d.d);
	else
		jw_str(w, key, NULL);
}

static const char *
word(const char *const *words, int v)
{
	return v > 0 ? words[v] : NULL;
}

static void
contact_obj(struct jw *w, const struct archive *a, const struct arc_cgroup *g, int partner)
{
	jw_open(w, NULL, '{');
	jw_str(w, "name", g->c->name);
	jw_str(w, "title", g->title);
	jw_str(w, "org", g->org);
	if (partner)
		jw_str(w, "partner", g->partner >= 0 ? a->partners[g->partner].slug : NULL);
	jw_str(w, "email", g->email);
	jw_str(w, "phone", g->phone);
	jw_str(w, "notes", g->notes);
	if (g->since.set)
		jw_odate(w, "since", g->since);
	else
		jw_date(w, "since", a->recs[g->first_rec].start);
	jw_str(w, "first_record", a->recs[g->first_rec].id);
	jw_str(w, "latest_record", a->recs[g->last_rec].id);
	jw_close(w, '}');
}

/* A list of contacts, merged as the pages merge them. */
static void
contact_list(struct jw *w, const struct archive *a, const char *key, const struct arc_contact **v,
             size_t n, int partner)
{
	struct arc_cgroup *cg = xcalloc(n ? n : 1, sizeof *cg);
	size_t ng = arc_group_contacts(a, v, n, cg);
	jw_open(w, key, '[');
	for (size_t i = 0; i < ng; i++)
		contact_obj(w, a, &cg[i], partner);
	jw_close(w, ']');
	free(cg);
}

static void
task_obj(struct jw *w, const struct archive *a, const struct arc_task *t)
{
	jw_open(w, NULL, '{');
	jw_str(w, "record", a->recs[t->rec].id);
	jw_str(w, "id", t->id);
	jw_str(w, "task", t->text);
	/* its departments, as the support is given: "A; B" */
	if (t->nowner == 1) {
		jw_str(w, "owner", a->owners[t->owner[0]].name);
	} else {
		struct buf o = BUF_INIT;
		for (size_t k = 0; k < t->nowner; k++)
			buf_printf(&o, "%s%s", k ? "; " : "", a->owners[t->owner[k]].name);
		jw_str(w, "owner", buf_cstr(&o));
		buf_free(&o);
	}
	jw_str(w, "owner_written", t->owner_written);
	jw_str(w, "partner", t->occ >= 0 ? a->partners[a->occs[t->occ].partner].slug : NULL);
	jw_str(w, "support", t->support);
	jw_odate(w, "due", t->due);
	jw_str(w, "status", t->status_unknown ? NULL : task_status_words[t->status]);
	jw_bool(w, "overdue", t->overdue);
	if (t->upd.set || t->upd_note) {
		jw_open(w, "latest_update", '{');
		jw_odate(w, "date", t->upd);
		jw_str(w, "note", t->upd_note);
		jw_close(w, '}');
	} else {
		jw_str(w, "latest_update", NULL);
	}
	jw_close(w, '}');
}

static void
statistics(struct jw *w, const struct archive *a, enum lang lang)
{
	jw_open(w, "statistics", '{');
	jw_open(w, "countries", '[');
	for (size_t c = 0; c < a->ncountries; c++) {
		const struct arc_country *ct = &a->countries[c];
		jw_open(w, NULL, '{');
		jw_str(w, "country", ct->country);
		jw_str(w, "name", arc_country_name(ct->country, lang));
		jw_num(w, "localities", (long long)ct->locs);
		jw_num(w, "partner_localities", (long long)ct->partners);
		jw_num(w, "cooperating_localities", (long long)ct->coop_locs);
		jw_num(w, "cooperating_partner_localities", (long long)ct->coop_partners);
		jw_num(w, "visits", (long long)ct->visits);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_open(w, "agreements", '{');
	size_t total = 0;
	for (int k = AGR_MOU; k <= AGR_LETTER_OF_INTENT; k++) {
		jw_num(w, agreement_kind_words[k], (long long)a->agr_by_kind[k]);
		total += a->agr_by_kind[k];
	}
	jw_num(w, "unspecified", (long long)a->agr_by_kind[0]);
	jw_num(w, "total", (long long)(total + a->agr_by_kind[0]));
	jw_close(w, '}');
	jw_open(w, "delegations", '[');
	for (size_t y = 0; y < a->nyears; y++) {
		jw_open(w, NULL, '{');
		jw_num(w, "year", a->years[y].year);
		jw_num(w, "outbound", (long long)a->years[y].outbound);
		jw_num(w, "inbound", (long long)a->years[y].inbound);
		jw_num(w, "planned", (long long)a->years[y].planned);
		jw_num(w, "direction_unknown", (long long)a->years[y].undirected);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

static void
record_obj(struct jw *w, const struct archive *a, size_t ri)
{
	const struct arc_rec *r = &a->recs[ri];
	const struct arc_loc *l = &a->locs[r->loc];
	jw_open(w, NULL, '{');
	jw_str(w, "id", r->id);
	jw_str(w, "file", r->file);
	jw_str(w, "title", r->title);
	jw_str(w, "direction", word(direction_words, r->dir));
	jw_str(w, "status", r->status == STATUS_COMPLETED ? "completed" : "planned");
	jw_date(w, "start", r->start);
	jw_date(w, "end", r->end);
	jw_open(w, "locality", '{');
	jw_str(w, "unit", l->name);
	jw_bool(w, "unit_known", l->unit >= 0);
	jw_str(w, "written", r->loc_written);
	jw_str(w, "name_used", r->loc_used);
	jw_close(w, '}');
	jw_open(w, "partners", '[');
	for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++) {
		size_t p = a->occs[o].partner, dup = 0;
		for (size_t q = r->occ0; q < o; q++)
			dup |= a->occs[q].partner == p;
		if (!dup)
			jw_str(w, NULL, a->partners[p].slug);
	}
	jw_close(w, ']');
	jw_str(w, "agency", r->agency >= 0 ? a->agencies[r->agency].slug : NULL);
	jw_str(w, "report_number", r->report_number);
	jw_num(w, "agreements", (long long)r->nagr);
	jw_num(w, "open_tasks", (long long)r->ntask);
	jw_close(w, '}');
}

static int
cmp_order(const void *x, const void *y)
{
	const struct arc_task *p = *(const struct arc_task *const *)x;
	const struct arc_task *q = *(const struct arc_task *const *)y;
	return p->order < q->order ? -1 : p->order > q->order;
}

static void
partner_obj(struct jw *w, const struct archive *a, size_t k)
{
	const struct arc_partner *p = &a->partners[k];
	jw_open(w, NULL, '{');
	jw_str(w, "slug", p->slug);
	char *page = xasprintf("partners/%s.md", p->slug);
	jw_str(w, "page", page);
	free(page);
	jw_str(w, "name", p->name);
	jw_str(w, "local_name", p->local_name);
	jw_str(w, "country", p->country);
	jw_str(w, "id", p->id);
	jw_str(w, "kind", word(partner_kind_words, p->kind));
	jw_str(w, "stage", word(stage_words, p->stage));
	jw_odate(w, "stage_since", p->stage_since);
	if (p->last_visit >= 0) {
		jw_open(w, "last_visit", '{');
		jw_str(w, "record", a->recs[p->last_visit].id);
		jw_date(w, "end", a->recs[p->last_visit].end);
		jw_close(w, '}');
	} else {
		jw_str(w, "last_visit", NULL);
	}
	long ret;
	struct date rd = archive_partner_last(a, k, &ret);
	if (ret >= 0) {
		jw_open(w, "return_visit", '{');
		jw_str(w, "record", a->recs[ret].id);
		jw_date(w, "date", rd);
		jw_close(w, '}');
	} else {
		jw_str(w, "return_visit", NULL);
	}
	jw_bool(w, "cold", p->cold);
	jw_open(w, "visits", '[');
	for (size_t i = 0; i < p->nrecs; i++)
		if (archive_rec_visits_partner(a, p->recs[i], k))
			jw_str(w, NULL, a->recs[p->recs[i]].id);
	jw_close(w, ']');
	jw_open(w, "declined", '[');
	for (size_t i = 0; i < p->nrecs; i++)
		if (!archive_rec_visits_partner(a, p->recs[i], k))
			jw_str(w, NULL, a->recs[p->recs[i]].id);
	jw_close(w, ']');
	jw_open(w, "stages", '[');
	for (size_t i = 0; i < p->nstages; i++) {
		const struct arc_rec *r = &a->recs[p->stages[i].rec];
		jw_open(w, NULL, '{');
		jw_str(w, "record", r->id);
		jw_date(w, "date", r->start);
		jw_str(w, "locality", a->locs[r->loc].name);
		jw_str(w, "stage", word(stage_words, p->stages[i].stage));
		jw_odate(w, "since", p->stages[i].since);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_open(w, "agreements", '[');
	size_t ai = 0, ag = 0;
	for (const struct arc_agreement *x; (x = arc_next_agreement(a, k, &ai, &ag));) {
		jw_open(w, NULL, '{');
		jw_str(w, "record", a->recs[p->recs[ai]].id);
		jw_str(w, "kind", word(agreement_kind_words, x->kind));
		jw_str(w, "title", x->title);
		jw_odate(w, "signed", x->signed_on);
		jw_str(w, "parties", x->parties);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	/* contacts, merged as on the page */
	const struct arc_contact **v = NULL;
	size_t nc = arc_gather_contacts(a, p->recs, p->nrecs, SIDE_PARTNER, (long)k, &v);
	contact_list(w, a, "contacts", v, nc, 0);
	free(v);
	if (p->profile_occ >= 0) {
		const struct arc_occ *o = &a->occs[p->profile_occ];
		jw_open(w, "profile", '{');
		jw_str(w, "strengths", o->strengths);
		jw_str(w, "priorities", o->priorities);
		jw_odate(w, "updated", o->updated);
		jw_str(w, "record", a->recs[o->rec].id);
		jw_close(w, '}');
	} else {
		jw_str(w, "profile", NULL);
	}
	jw_str(w, "needs", p->needs_occ >= 0 ? a->occs[p->needs_occ].needs : NULL);
	/* open tasks, overdue first, then by due date (as on the page) */
	size_t nt = 0;
	for (size_t i = 0; i < p->nrecs; i++)
		nt += a->recs[p->recs[i]].ntask;
	const struct arc_task **tv = xcalloc(nt ? nt : 1, sizeof *tv);
	nt = 0;
	for (size_t i = 0; i < p->nrecs; i++) {
		const struct arc_rec *r = &a->recs[p->recs[i]];
		for (size_t t = r->task0; t < r->task0 + r->ntask; t++)
			if (archive_task_involves(a, &a->tasks[t], k))
				tv[nt++] = &a->tasks[t];
	}
	qsort(tv, nt, sizeof *tv, cmp_order);
	jw_open(w, "open_tasks", '[');
	for (size_t i = 0; i < nt; i++) {
		jw_open(w, NULL, '{');
		jw_str(w, "record", a->recs[tv[i]->rec].id);
		jw_str(w, "id", tv[i]->id);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	free(tv);
	jw_close(w, '}');
}

static void
agency_obj(struct jw *w, const struct archive *a, size_t g)
{
	const struct arc_agency *ag = &a->agencies[g];
	jw_open(w, NULL, '{');
	jw_str(w, "slug", ag->slug);
	char *page = xasprintf("agencies/%s.md", ag->slug);
	jw_str(w, "page", page);
	free(page);
	jw_str(w, "name", ag->name);
	jw_str(w, "kind", word(agency_kind_words, ag->kind));
	jw_open(w, "records", '[');
	for (size_t i = 0; i < ag->nrecs; i++)
		jw_str(w, NULL, a->recs[ag->recs[i]].id);
	jw_close(w, ']');
	char *mark = xcalloc(a->npartners ? a->npartners : 1, 1);
	for (size_t i = 0; i < ag->nrecs; i++) {
		const struct arc_rec *r = &a->recs[ag->recs[i]];
		for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++)
			mark[a->occs[o].partner] = 1;
	}
	jw_open(w, "partners", '[');
	for (size_t k = 0; k < a->npartners; k++)
		if (mark[k])
			jw_str(w, NULL, a->partners[k].slug);
	jw_close(w, ']');
	free(mark);
	for (int side = SIDE_AGENCY; side >= SIDE_PARTNER; side--) {
		const struct arc_contact **v = NULL;
		size_t n = arc_agency_contacts(a, g, (enum side)side, &v);
		contact_list(w, a, side == SIDE_AGENCY ? "staff" : "partner_contacts", v, n,
		             side == SIDE_PARTNER);
		free(v);
	}
	jw_close(w, '}');
}

static void
owner_obj(struct jw *w, const struct archive *a, size_t o)
{
	const struct arc_owner *ow = &a->owners[o];
	jw_open(w, NULL, '{');
	jw_str(w, "name", ow->name);
	jw_str(w, "key", ow->key);
	jw_open(w, "spellings", '[');
	for (size_t s = 0; s < ow->nspellings; s++) {
		jw_open(w, NULL, '{');
		jw_str(w, "text", ow->spellings[s]);
		jw_num(w, "count", (long long)ow->spelling_n[s]);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_num(w, "open", (long long)ow->ntasks);
	jw_num(w, "overdue", (long long)ow->noverdue);
	jw_num(w, "overdue_visits", (long long)ow->nvisits_overdue);
	jw_bool(w, "flagged", ow->flagged);
	jw_open(w, "tasks", '[');
	for (size_t t = 0; t < ow->ntasks; t++)
		task_obj(w, a, &a->tasks[ow->tasks[t]]);
	jw_close(w, ']');
	jw_close(w, '}');
}

/* ==== objects taken from the previous archive.json ====
 *
 * The records, partners, departments and agencies of archive.json are
 * each one object made of what a digest (archive_digest.c) covers, so an
 * object whose digest has not changed has the bytes it had in the last
 * archive.json.  DIR/.debrief-archive.segments names, for the content
 * hash of that archive.json, where each object's bytes are in it by its
 * digest; the writer checks that the file is intact before it is opened
 * here.  An object not found is made.  The segments file ends with the
 * hash of its lines: when it holds, each line is as a run wrote it for
 * that very file, and an object's bytes are copied without being hashed
 * again; a file that has lost it, or lines that do not agree with it,
 * leave each object checked by its own hash before it is taken. */

#define SEG_FILE ".debrief-archive.segments"
#define SEG_HEAD "# debrief archive.json objects 4: kind digest offset length hash; of "
#define SEG_WINDOW ((size_t)1 << 20) /* read ahead: objects come in file order */

struct seg {
	unsigned kind;
	uint64_t digest;
	unsigned long long off;
	size_t len;
	uint64_t hash; /* of its digest and bytes (seg_check) */
};

struct arc_json_prev {
	struct seg *v;
	size_t n, cap;
	size_t *slots; /* by kind and digest: 1 + an index of v, 0 for none */
	size_t nslots; /* a power of two, past twice n */
	int sealed;    /* the lines are as written (their hash at the end holds) */
	int fd;
	struct fs_window win;
};

/* The slot of kind and digest (digests are hashes: their bits are spread
 * already): where it is, or the empty one where it would go. */
static size_t *
seg_slot(const struct arc_json_prev *s, unsigned kind, uint64_t digest)
{
	size_t mask = s->nslots - 1, i = (size_t)(digest ^ (digest >> 29) ^ kind) & mask;
	while (s->slots[i] &&
	       !(s->v[s->slots[i] - 1].kind == kind && s->v[s->slots[i] - 1].digest == digest))
		i = (i + 1) & mask;
	return &s->slots[i];
}

/* The table of slots, over v as read: the first of a kind and digest
 * found. */
static void
seg_index(struct arc_json_prev *s)
{
	for (s->nslots = 16; s->nslots < 2 * s->n + 2; s->nslots *= 2)
		;
	s->slots = xcalloc(s->nslots, sizeof *s->slots);
	for (size_t i = 0; i < s->n; i++) {
		size_t *at = seg_slot(s, s->v[i].kind, s->v[i].digest);
		if (!*at)
			*at = i + 1;
	}
}

static const struct seg *
seg_find(const struct arc_json_prev *s, unsigned kind, uint64_t digest)
{
	if (!s || !s->n)
		return NULL;
	size_t at = *seg_slot(s, kind, digest);
	return at ? &s->v[at - 1] : NULL;
}

static void
seg_add(struct arc_json_prev *s, unsigned kind, uint64_t digest, unsigned long long off, size_t len,
        uint64_t hash)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (struct seg){kind, digest, off, len, hash};
}

static char *
seg_head(uint64_t hash, unsigned long long size)
{
	return xasprintf("%s%016llx %llu\n", SEG_HEAD, (unsigned long long)hash, size);
}

struct arc_json_prev *
arc_json_prev_open(const char *dir, uint64_t hash, unsigned long long size)
{
	char *head = seg_head(hash, size), *data = fs_read_lines(dir, SEG_FILE, head), *path;
	free(head);
	int ok = data != NULL;
	struct arc_json_prev *s = xcalloc(1, sizeof *s);
	s->fd = -1;
	/* the last line: "end" and the hash of the lines before it */
	char *last = NULL;
	if (ok) {
		size_t len = strlen(data);
		for (last = data + len - 1; last > data && last[-1] != '\n'; last--)
			;
		uint64_t want = 0;
		int n = 0;
		if (sscanf(last, "end %16" SCNx64 "\n%n", &want, &n) == 1 &&
		    (size_t)n == len - (size_t)(last - data))
			s->sealed = hash64(data, (size_t)(last - data)) == want;
		else
			last = NULL;
	}
	for (char *p = data, *end; ok && *p && p != last; p = end + 1) {
		unsigned long long v[5];
		for (int i = 0; ok && i < 5; i++) {
			v[i] = text_ull(p, i == 1 || i == 4 ? 16 : 10, &end);
			ok = end > p && *end == (i < 4 ? ' ' : '\n');
			p = end + 1;
		}
		end = p - 1;
		ok = ok && v[0] <= JSEG_AGENCY && v[3] >= 2 && v[2] <= size && v[3] <= size - v[2];
		if (ok)
			seg_add(s, (unsigned)v[0], (uint64_t)v[1], v[2], (size_t)v[3],
			        (uint64_t)v[4]);
	}
	free(data);
	if (ok) {
		path = xasprintf("%s/archive.json", dir);
		s->fd = open(path, O_RDONLY | O_CLOEXEC);
		free(path);
	}
	if (!ok || s->fd < 0) {
		arc_json_prev_free(s);
		return NULL;
	}
	seg_index(s);
	return s;
}

void
arc_json_prev_free(struct arc_json_prev *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	free(s->v);
	free(s->slots);
	fs_window_free(&s->win);
	free(s);
}

/* The check of an object under digest, from the hash of its bytes (its
 * piece of the content hash, arc_json_hash): a line of the segments file
 * that names another object's bytes fails it, and the piece's hash is
 * had back from it without the bytes. */
static uint64_t
seg_check(uint64_t digest, uint64_t leaf)
{
	return leaf ^ digest;
}

/* The bytes [off, off + len) of the previous file, appended to b; 0 when
 * they cannot be read or are not those of digest's object (check). */
static int
prev_copy(struct arc_json_prev *s, const struct seg *g, struct buf *b)
{
	size_t len = g->len;
	const char *p = (const char *)fs_window_get(&s->win, s->fd, g->off, len, SEG_WINDOW);
	if (!p || p[0] != '{' || p[len - 1] != '}' ||
	    (!s->sealed && seg_check(g->digest, hash64(p, len)) != g->hash))
		return 0;
	buf_put(b, p, len);
	return 1;
}

int
arc_json_segs_write(const struct arc_json_prev *now, const char *dir, uint64_t hash,
                    unsigned long long size)
{
	struct buf b = BUF_INIT;
	char *head = seg_head(hash, size), *err = NULL;
	buf_puts(&b, head);
	free(head);
	for (size_t i = 0; now && i < now->n; i++) { /* "%u %016llx %llu %zu %016llx\n" */
		buf_put_ull(&b, now->v[i].kind);
		buf_putc(&b, ' ');
		buf_put_hex64(&b, now->v[i].digest);
		buf_putc(&b, ' ');
		buf_put_ull(&b, now->v[i].off);
		buf_putc(&b, ' ');
		buf_put_ull(&b, now->v[i].len);
		buf_putc(&b, ' ');
		buf_put_hex64(&b, now->v[i].hash);
		buf_putc(&b, '\n');
	}
	size_t at = strlen(SEG_HEAD);
	at = (size_t)(strchr(b.data + at, '\n') - b.data) + 1; /* the lines after the head */
	buf_puts(&b, "end ");
	buf_put_hex64(&b, hash64(b.data + at, b.len - 4 - at));
	buf_putc(&b, '\n');
	int ok = fs_write_atomic(dir, SEG_FILE, b.data, b.len, &err);
	free(err);
	buf_free(&b);
	return ok;
}

size_t
arc_json_segs_count(const struct arc_json_prev *s)
{
	return s->n;
}

struct arc_json_prev *
arc_json_segs_new(void)
{
	struct arc_json_prev *s = xcalloc(1, sizeof *s);
	s->fd = -1;
	return s;
}

struct segs {
	const struct archive *a;
	struct arc_json_reuse *ru; /* NULL: every object is made, none kept */
};

/* Object g of the previous file next, copied, after the bytes b holds.
 * When b holds nothing but the separator before it (alone: nothing was
 * written before it since the copy waiting) and it follows that copy's
 * bytes there by as much, in the same list, the bytes between are that
 * separator: the copy takes them and it. */
static void
take_copied(struct jw *w, const struct arc_json_prev *prev, const struct seg *g, enum jseg kind,
            int alone)
{
	jw_hash(w); /* the separator, a piece of its own */
	struct jcopy *c = &w->copy;
	if (alone && c->fd >= 0 && c->kind == (unsigned)kind &&
	    g->off == c->off + c->len + w->b->len) {
		c->len += w->b->len + g->len;
		w->flushed += w->b->len;
		w->b->len = 0;
		w->hashed = 0;
	} else {
		jw_emit(w);
		*c = (struct jcopy){prev->fd, g->off, g->len, (unsigned)kind};
	}
	jh_known(&w->h, seg_check(g->digest, g->hash), g->len);
	w->flushed += g->len;
}

/* One object of kind: taken from the previous file when it is there
 * under the digest it has now, else made. */
static void
segment(struct jw *w, struct segs *sg, enum jseg kind, size_t i,
        void (*make)(struct jw *w, const struct archive *a, size_t i))
{
	struct arc_json_reuse *ru = sg->ru;
	if (!ru || !ru->dig) {
		make(w, sg->a, i);
		return;
	}
	uint64_t d = 0;
	switch (kind) {
	case JSEG_RECORD: d = archive_digest_record(ru->dig, i); break;
	case JSEG_PARTNER: d = archive_digest_partner(ru->dig, i); break;
	case JSEG_OWNER: d = archive_digest_owner(ru->dig, i, "archive.json"); break;
	case JSEG_AGENCY: d = archive_digest_agency_json(ru->dig, i); break;
	}
	int alone = !w->b->len; /* b holds only what jw_key writes now */
	jw_key(w, NULL);
	w->keyed = 1;
	const struct seg *old = seg_find(ru->prev, (unsigned)kind, d);
	if (old && ru->prev->sealed && w->copier) { /* copied as it is, not read */
		w->keyed = 0;
		ru->reused++;
		take_copied(w, ru->prev, old, kind, alone);
		if (ru->now)
			seg_add(ru->now, (unsigned)kind, d, w->flushed - old->len, old->len,
			        old->hash);
		return;
	}
	size_t at = w->b->len;
	w->whole = 1;
	int took = old && prev_copy(ru->prev, old, w->b);
	if (took) {
		w->keyed = 0;
		ru->reused++;
	} else {
		make(w, sg->a, i);
	}
	/* whole in b, not flushed in pieces: where it is, for the next run;
	 * hashed now, its piece's hash the last */
	w->whole = 0;
	jw_hash(w);
	uint64_t leaf =
	    !w->h.plen && !w->h.inside ? w->h.last : hash64(w->b->data + at, w->b->len - at);
	if (ru->now)
		seg_add(ru->now, (unsigned)kind, d, w->flushed + at, w->b->len - at,
		        took ? old->hash : seg_check(d, leaf));
}

uint64_t
arc_json(struct buf *b, const struct archive *a, const struct diags *dq, enum lang lang,
         void (*flush)(struct buf *b, void *ctx), void *ctx, struct arc_json_reuse *ru)
{
	struct jw w;
	memset(&w, 0, sizeof w);
	w.b = b;
	w.flush = flush;
	w.ctx = ctx;
	arc_json_hash_init(&w.h);
	w.hashed = b->len; /* what b held before is not of the document */
	w.copy.fd = -1;
	w.copier = flush && ru ? ru->copy : NULL;
	struct segs sg = {a, ru};
	jw_open(&w, NULL, '{');
	jw_str(&w, "format", "debrief-archive/1");
	jw_num(&w, "version", JSON_FORMAT_VERSION);
	jw_date(&w, "today", a->today);
	jw_str(&w, "lang", lang == LANG_EN ? "en" : "vi");
	jw_open(&w, "summary", '{');
	jw_num(&w, "records", (long long)a->nrecs);
	jw_num(&w, "partners", (long long)a->npartners);
	jw_num(&w, "agencies", (long long)a->nagencies);
	jw_num(&w, "open_tasks", (long long)a->nopen);
	jw_num(&w, "overdue_tasks", (long long)a->noverdue);
	jw_close(&w, '}');
	statistics(&w, a, lang);
	jw_open(&w, "records", '[');
	for (size_t i = 0; i < a->nrecs; i++)
		segment(&w, &sg, JSEG_RECORD, a->by_date[i], record_obj);
	jw_close(&w, ']');
	jw_open(&w, "partners", '[');
	for (size_t k = 0; k < a->npartners; k++)
		segment(&w, &sg, JSEG_PARTNER, k, partner_obj);
	jw_close(&w, ']');
	jw_open(&w, "owners", '[');
	for (size_t o = 0; o < a->nowners; o++)
		segment(&w, &sg, JSEG_OWNER, o, owner_obj);
	jw_close(&w, ']');
	jw_open(&w, "agencies", '[');
	for (size_t g = 0; g < a->nagencies; g++)
		segment(&w, &sg, JSEG_AGENCY, g, agency_obj);
	jw_close(&w, ']');
	jw_open(&w, "left_out", '[');
	for (size_t i = 0; i < a->nleft; i++) {
		const struct arc_left *l = &a->left[i];
		jw_open(&w, NULL, '{');
		jw_str(&w, "file", l->file);
		jw_num(&w, "line", l->mark.line);
		jw_num(&w, "column", l->mark.col);
		jw_str(&w, "rule", l->rule);
		jw_str(&w, "message", l->msg);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_open(&w, "findings", '[');
	for (size_t i = 0; dq && i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		jw_open(&w, NULL, '{');
		jw_str(&w, "file", d->file);
		jw_num(&w, "line", d->mark.line);
		jw_num(&w, "column", d->mark.col);
		jw_str(&w, "rule", d->rule);
		jw_str(&w, "severity", sev_name(d->sev));
		jw_str(&w, "message", d->msg);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	buf_putc(b, '\n');
	if (w.copy.fd >= 0) /* before the end, which stays in b */
		jw_emit(&w);
	jw_hash(&w);
	return arc_json_hash_final(&w.h);
}
