/*
 * archive.c: the archive model.  Records are summarised one at a time into
 * struct archive (archive.h) and may be freed at once; partners,
 * localities (under their 2025 units), agencies and task owners are merged
 * here, and archive_finish orders everything so that the outputs are the
 * same whatever order the files came in.  The command: archive_cmd.c;
 * pages: archive_pages.c.
 */
#include "archive.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "countries.h"
#include "hash.h"
#include "node.h"
#include "provinces.h"
#include "strlist.h"
#include "strmap.h"
#include "text.h"
#include "xalloc.h"

struct maps {
	struct strmap ids;      /* record id → record */
	struct strmap locs;     /* province key → locality */
	struct strmap pkeys;    /* "CC\x1fn:name" / "CC\x1fi:id" → occurrence */
	struct strmap agencies; /* folded name → agency */
	struct strmap owners;   /* folded owner → owner */
	char **alias_key;       /* folded alias targets */
	size_t nalias;
	/* What archive_add made of the same strings before (struct arc_memo):
	 * records repeat their localities, owners, agencies, partners and
	 * contacts, and folding them again each time was most of its work. */
	struct strmap memo;
	struct arc_memo *mv;
	size_t nmv, capmv;
	struct buf mkey; /* the key being looked up */
};

/* One result of arc_memo_get: what a kind of key gave (see its users). */
struct arc_memo {
	size_t i, j;
	int u;
	const char *s, *t;
	const char *const *v;
};

/* ==== helpers ==== */

static const char *
adup(struct archive *a, const char *s)
{
	return s ? arena_strdup(a->arena, s) : NULL;
}

static const char *
atext(struct archive *a, const struct text *t)
{
	return t->s && *t->s ? arena_strdup(a->arena, t->s) : NULL;
}

/* The texts of l joined by "; " (NULL when that is empty), measured
 * first and written once into the arena. */
static const char *
ajoin(struct archive *a, const struct texts *l)
{
	size_t len = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].s)
			len += (len ? 2 : 0) + strlen(l->v[i].s);
	if (!len)
		return NULL;
	char *r = arena_alloc(a->arena, len + 1), *p = r;
	for (size_t i = 0; i < l->n; i++) {
		if (!l->v[i].s)
			continue;
		size_t k = strlen(l->v[i].s);
		if (p > r) { /* as len counted it: before any text after the first bytes */
			memcpy(p, "; ", 2);
			p += 2;
		}
		memcpy(p, l->v[i].s, k);
		p += k;
	}
	*p = '\0';
	return r;
}

static struct odate
odate_of(const struct rdate *r)
{
	struct odate o = {r->d, r->set};
	return o;
}

const char *
arc_loc_shown(const struct arc_loc *l, enum lang lang)
{
	return l->unit >= 0 ? province_shown(l->unit, lang) : l->name;
}

/* Record order: start date, end date, id. */
int
archive_rec_cmp(const struct archive *a, size_t x, size_t y)
{
	const struct arc_rec *p = &a->recs[x], *q = &a->recs[y];
	int c = date_cmp(p->start, q->start);
	if (!c)
		c = date_cmp(p->end, q->end);
	if (!c)
		c = strcmp(p->id, q->id);
	return c;
}

static int
odate_cmp(struct odate x, struct odate y)
{
	if (x.set != y.set)
		return x.set ? 1 : -1;
	return x.set ? date_cmp(x.d, y.d) : 0;
}

/* ==== memo: a key made of a kind and strings (or numbers) ==== */

static struct buf *
mkey(struct archive *a, char kind)
{
	struct maps *m = a->maps;
	struct buf *b = &m->mkey;
	buf_reset(b);
	buf_putc(b, kind);
	return b;
}

/* NULL kept apart from "", and no string the prefix of another's place */
static void
mkey_str(struct buf *b, const char *s)
{
	buf_putc(b, s ? 1 : 0);
	if (s)
		buf_put(b, s, strlen(s) + 1);
}

static void
mkey_num(struct buf *b, size_t n)
{
	buf_put(b, &n, sizeof n);
}

/* The result kept under the key being made, or NULL. */
static struct arc_memo *
arc_memo_get(struct archive *a)
{
	struct maps *m = a->maps;
	struct strmap_slot *sl = strmap_find(&m->memo, m->mkey.data, m->mkey.len);
	return sl ? &m->mv[sl->idx] : NULL;
}

/* Keep v under the key being made (not yet kept). */
static void
arc_memo_put(struct archive *a, struct arc_memo v)
{
	struct maps *m = a->maps;
	m->mv = xgrow(m->mv, &m->capmv, m->nmv + 1, sizeof *m->mv);
	m->mv[m->nmv] = v;
	char *k = arena_alloc(a->arena, m->mkey.len);
	memcpy(k, m->mkey.data, m->mkey.len);
	strmap_add(&m->memo, k, m->mkey.len, m->nmv++);
}

/* text_fold(s), kept in the arena. */
static const char *
afold(struct archive *a, const char *s)
{
	struct buf *b = mkey(a, 'f');
	mkey_str(b, s);
	struct arc_memo *v = arc_memo_get(a);
	if (v)
		return v->s;
	char *f = text_fold(s);
	const char *r = adup(a, f);
	free(f);
	arc_memo_put(a, (struct arc_memo){0, 0, 0, r, NULL, NULL});
	return r;
}

/* s in the arena once however often it is given: for what records
 * repeat as written (localities, owners, partners' names and countries),
 * so that the model does not grow by a copy of each per record. */
static const char *
ashare(struct archive *a, const char *s)
{
	if (!s)
		return NULL;
	struct buf *b = mkey(a, 's');
	mkey_str(b, s);
	struct arc_memo *v = arc_memo_get(a);
	if (v)
		return v->s;
	const char *r = adup(a, s);
	arc_memo_put(a, (struct arc_memo){0, 0, 0, r, NULL, NULL});
	return r;
}

/* s squeezed, in the arena (->s), and the fold of that (->t), worked out once
 * for each spelling of a kind of name (kind: its memo key's letter). */
static const struct arc_memo *
asqueeze(struct archive *a, char kind, const char *s)
{
	mkey_str(mkey(a, kind), s);
	struct arc_memo *v = arc_memo_get(a);
	if (v)
		return v;
	char *t = text_squeeze(s);
	const char *sq = adup(a, t);
	free(t);
	const char *f = afold(a, sq); /* a key of its own */
	mkey_str(mkey(a, kind), s);
	arc_memo_put(a, (struct arc_memo){0, 0, 0, sq, f, NULL});
	struct maps *m = a->maps;
	return &m->mv[m->nmv - 1];
}

/* text_squeeze(s) shared as ashare does, worked out once for each
 * spelling: a partner's name, which records repeat. */
static const char *
asqueeze_shared(struct archive *a, const char *s)
{
	mkey_str(mkey(a, 'q'), s);
	struct arc_memo *v = arc_memo_get(a);
	if (v)
		return v->s;
	char *t = text_squeeze(s);
	const char *r = ashare(a, t);
	free(t);
	mkey_str(mkey(a, 'q'), s); /* ashare made a key of its own */
	arc_memo_put(a, (struct arc_memo){0, 0, 0, r, NULL, NULL});
	return r;
}

/* record_contact_named and record_staff_named (record.c), folding the
 * names through afold: a record's names repeat in the records after it. */
static int
afolds_to(struct archive *a, const struct text *t, const char *f)
{
	return t->s && !strcmp(afold(a, t->s), f);
}

static const struct contact *
contact_named(struct archive *a, const struct record *r, const char *name)
{
	if (!name)
		return NULL;
	const char *f = afold(a, name);
	for (size_t i = 0; i < r->ncontacts; i++)
		if (afolds_to(a, &r->contacts[i].name, f))
			return &r->contacts[i];
	return NULL;
}

static const struct person *
staff_named(struct archive *a, const struct record *r, const char *name)
{
	if (!name || !r->nagency_staff)
		return NULL;
	const char *f = afold(a, name);
	for (size_t i = 0; i < r->nagency_staff; i++)
		if (afolds_to(a, &r->agency_staff[i].name, f))
			return &r->agency_staff[i];
	return NULL;
}

/* ==== adding records ==== */

struct archive *
archive_new(struct date today, const struct config *cfg)
{
	struct archive *a = xcalloc(1, sizeof *a);
	struct maps *m = xcalloc(1, sizeof *m);
	a->arena = arena_new();
	a->today = today;
	a->cfg = cfg;
	a->maps = m;
	if (cfg && cfg->nowner_alias) {
		m->alias_key = xcalloc(cfg->nowner_alias, sizeof *m->alias_key);
		for (size_t i = 0; i < cfg->nowner_alias; i++) {
			m->alias_key[i] = text_fold(cfg->owner_alias_to[i]);
		}
		m->nalias = cfg->nowner_alias;
	}
	return a;
}

/* The entry of key among those map indexes (one owner, locality or
 * agency per key) in the array base of *n entries of size bytes: its
 * index, *added NULL; or, when there is none, a new zeroed entry at the
 * end (base has room for it), counted in *n, and *added the key kept for
 * the map, for the caller to fill the entry.  ENTRY_OF grows arr first. */
static size_t
entry_of(struct archive *a, struct strmap *map, const char *key, void *base, size_t size, size_t *n,
         const char **added)
{
	size_t *at = strmap_get(map, key);
	*added = NULL;
	if (at)
		return *at;
	memset((char *)base + *n * size, 0, size);
	*added = adup(a, key);
	strmap_put(map, *added, *n);
	return (*n)++;
}
#define ENTRY_OF(a, map, key, arr, n, cap, added)                                                  \
	((arr) = xgrow((arr), &(cap), (n) + 1, sizeof *(arr)),                                     \
	 entry_of((a), (map), (key), (arr), sizeof *(arr), &(n), (added)))

/* A department's folded name without the locality it ends with, when
 * that locality is unit u now: "so cong thuong tinh bac lieu" in a record
 * of Bạc Liêu (or of Cà Mau, which it is part of since 2025) is the
 * province's "so cong thuong", as every department of the register is
 * one locality's already; and so without the unit word it ends with
 * alone, "van phong uy ban nhan dan tinh" that of "... tinh bac lieu";
 * in English, "... of bac lieu province" too.  Cut in place. */
static void
strip_locality(char *f, int u)
{
	/* the unit or a former one, never a city inside it: "UBND thành
	 * phố Hà Tiên" is that city's committee, not An Giang's */
	for (char *p = strchr(f, ' '); u >= 0 && p; p = strchr(p + 1, ' ')) {
		if (province_lookup(p + 1) != u)
			continue;
		*p = '\0';
		/* in English, "department of industry and trade of yen bai
		 * province" */
		size_t n = strlen(f);
		if (n > 3 && !strcmp(f + n - 3, " of"))
			f[n - 3] = '\0';
		break;
	}
	/* "tinh bac lieu" may have matched as a whole, or "bac lieu" */
	province_cut_unit_word(f);
}

static size_t
owner_of(struct archive *a, const char *written, size_t loc)
{
	struct maps *m = a->maps;
	/* the same spelling in the same locality: the same owner, the same
	 * spelling of it */
	struct buf *mk = mkey(a, 'o');
	mkey_num(mk, loc);
	mkey_str(mk, written);
	struct arc_memo *v = arc_memo_get(a);
	if (v) {
		a->owners[v->i].spelling_n[v->j]++;
		return v->i;
	}
	int vague = rules_owner_vague(written, a->cfg);
	char *sq = text_squeeze(written ? written : "");
	/* a representative agency a record in English names in English is
	 * the one named in Vietnamese ("Consulate General of Viet Nam in
	 * Osaka" is "Tổng Lãnh sự quán Việt Nam tại Ô-xa-ca"): keyed by its
	 * English name, as agency_key keys it; "UBND tỉnh" is "Ủy ban nhân
	 * dân tỉnh" */
	char *ag = agency_name_en(sq);
	char *f = ag ? text_fold(ag) : body_fold(sq);
	free(ag);
	/* another name of a department, with the record's locality or without */
	const char *alias_to = config_owner_alias(a->cfg, f);
	if (!alias_to) {
		strip_locality(f, a->locs[loc].unit);
		alias_to = config_owner_alias(a->cfg, f);
	}
	if (alias_to) {
		free(f);
		f = text_fold(alias_to);
	}
	/* one of the usual departments named in English, as a record in
	 * English names it ("Department of Industry and Trade"): the
	 * department Vietnamese names ("Sở Công Thương"), as a report names
	 * the two as one */
	const struct body_name *en = alias_to ? NULL : body_name_of_en(f);
	if (en) {
		free(f);
		f = xstrdup(en->fold);
		alias_to = en->vi;
	}
	/* written as an alias target itself: the configured spelling is the name */
	for (size_t i = 0; i < m->nalias && !alias_to; i++)
		if (!strcmp(m->alias_key[i], f))
			alias_to = a->cfg->owner_alias_to[i];
	/* one locality's department; every vague owner in one entry */
	char *key = vague ? xstrdup("") : xasprintf("%s\x1f%s", a->locs[loc].key, f);
	const char *added;
	size_t idx = ENTRY_OF(a, &m->owners, key, a->owners, a->nowners, a->capowners, &added);
	free(key);
	struct arc_owner *o = &a->owners[idx];
	if (added) {
		o->key = added;
		o->loc = vague ? -1 : (long)loc;
		o->vague = vague;
		if (alias_to) {
			char *t = text_squeeze(alias_to);
			o->name = adup(a, t);
			free(t);
		}
	}
	size_t k;
	for (k = 0; k < o->nspellings; k++)
		if (!strcmp(o->spellings[k], sq))
			break;
	if (k == o->nspellings) {
		o->spellings = xrealloc(o->spellings, (k + 1) * sizeof *o->spellings);
		o->spelling_n = xrealloc(o->spelling_n, (k + 1) * sizeof *o->spelling_n);
		o->spellings[k] = adup(a, sq);
		o->spelling_n[k] = 0;
		o->nspellings++;
	}
	o->spelling_n[k]++;
	free(sq);
	free(f);
	arc_memo_put(a, (struct arc_memo){idx, k, 0, NULL, NULL, NULL}); /* mkey as looked up */
	return idx;
}

/* The bodies an owner names, as written (rules_owner_bodies: "Sở Nội vụ,
 * Sở Y tế" is both, as the report goes to each), in *v: a vague
 * body beside another ("Sở Y tế và các đơn vị liên quan") names none, and
 * an owner naming none is itself, the vague owners' entry then.  Kept in
 * the arena, shared by every task so written. */
static size_t
bodies_of(struct archive *a, const char *written, const char *const **v)
{
	struct buf *mk = mkey(a, 'b');
	mkey_str(mk, written);
	struct arc_memo *m = arc_memo_get(a);
	if (m) {
		*v = m->v;
		return m->i;
	}
	struct strlist bodies = {0};
	if (!rules_owner_vague(written, a->cfg))
		rules_owner_bodies(written, &bodies);
	const char **b = arena_alloc(a->arena, (bodies.n ? bodies.n : 1) * sizeof *b);
	size_t n = 0;
	for (size_t i = 0; i < bodies.n; i++) {
		if (bodies.n > 1 && rules_owner_vague(bodies.v[i], a->cfg))
			continue;
		b[n++] = ashare(a, bodies.v[i]);
	}
	if (!n)
		b[n++] = written && *written ? ashare(a, written) : NULL;
	strlist_free(&bodies);
	mkey_str(mkey(a, 'b'), written); /* ashare made keys of its own */
	arc_memo_put(a, (struct arc_memo){n, 0, 0, NULL, NULL, b});
	*v = b;
	return n;
}

/* The departments of a task's owner, one for each body it names, each
 * once ("Sở KH&ĐT, Sở Tài chính" is one when owner_aliases makes them
 * one), in the order written, into t. */
static void
owners_of(struct archive *a, struct arc_task *t, const char *written, size_t loc)
{
	const char *const *b;
	size_t n = bodies_of(a, written, &b);
	const char **own = NULL; /* the bodies kept, when one was not */
	t->owner = arena_alloc(a->arena, n * sizeof *t->owner);
	t->nowner = 0;
	for (size_t i = 0; i < n; i++) {
		size_t o = owner_of(a, b[i], loc), k;
		for (k = 0; k < t->nowner && t->owner[k] != o; k++)
			;
		if (k < t->nowner) {
			if (!own) {
				own = arena_alloc(a->arena, n * sizeof *own);
				memcpy(own, b, t->nowner * sizeof *own);
			}
			continue;
		}
		if (own)
			own[t->nowner] = b[i];
		t->owner[t->nowner++] = o;
	}
	t->owner_body = own ? (const char *const *)own : b;
}

static size_t
loc_of(struct archive *a, size_t rec, const char *name, const char *former, const struct date *when,
       const char **used)
{
	struct maps *m = a->maps;
	/* the date decides only whether the visit came after the reform */
	struct buf *mk = mkey(a, 'l');
	mkey_num(mk, when && date_cmp(*when, province_reform_day) >= 0);
	mkey_str(mk, name);
	mkey_str(mk, former);
	struct arc_memo *v = arc_memo_get(a);
	int u;
	size_t idx;
	if (v) {
		u = v->u;
		*used = v->s;
		idx = v->i;
	} else {
		/* The name used is the unit as it was named at the time of the
		 * visit, when that is not the unit of today; after 1 July 2025
		 * there is none. */
		u = province_said(name, former, when, used);
		char *key =
		    u >= 0 ? xstrdup(province_units[u].key) : province_key(name ? name : "");
		const char *added;
		idx = ENTRY_OF(a, &m->locs, key, a->locs, a->nlocs, a->caplocs, &added);
		struct arc_loc *l = &a->locs[idx];
		if (added) {
			l->key = added;
			l->unit = u;
			l->name =
			    u >= 0 ? province_units[u].name : adup(a, name && *name ? name : "?");
			l->name_rec = u >= 0 ? -1 : (long)rec;
		}
		free(key);
		arc_memo_put(a, (struct arc_memo){idx, 0, u, *used, NULL, NULL});
	}
	if (u < 0 && former && *former)
		*used = former;
	struct arc_loc *l = &a->locs[idx];
	l->nrecs++;
	/* An unknown name is shown as the earliest record wrote it. */
	if (l->unit < 0 && l->name_rec >= 0 && archive_rec_cmp(a, rec, (size_t)l->name_rec) < 0) {
		l->name = adup(a, name && *name ? name : "?");
		l->name_rec = (long)rec;
	}
	return idx;
}

/* An agency's key: its folded name, in English when it is one of Viet
 * Nam's embassies or consulates written in Vietnamese, so that "Tổng Lãnh
 * sự quán Việt Nam tại Fukuoka" and "Consulate General of Viet Nam in
 * Fukuoka" are one agency; worked out once for each spelling. */
static const char *
agency_key(struct archive *a, const char *sq, const char *folded)
{
	mkey_str(mkey(a, 'g'), sq);
	struct arc_memo *v = arc_memo_get(a);
	if (v)
		return v->s;
	char *en = agency_name_en(sq);
	const char *k = en ? afold(a, en) : folded;
	free(en);
	mkey_str(mkey(a, 'g'), sq); /* afold made a key of its own */
	arc_memo_put(a, (struct arc_memo){0, 0, 0, k, NULL, NULL});
	return k;
}

static long
agency_of(struct archive *a, size_t rec, const struct record *r)
{
	struct maps *m = a->maps;
	if (!r->has_agency || !r->agency_name.s || !*r->agency_name.s)
		return -1;
	const struct arc_memo *v = asqueeze(a, 'a', r->agency_name.s);
	const char *sq = v->s, *f = agency_key(a, sq, v->t);
	const char *added;
	size_t idx =
	    ENTRY_OF(a, &m->agencies, f, a->agencies, a->nagencies, a->capagencies, &added);
	struct arc_agency *g = &a->agencies[idx];
	if (added) {
		g->key = added;
		g->name = sq;
		g->name_rec = (long)rec;
		g->kind = r->agency_kind;
	}
	if (archive_rec_cmp(a, rec, (size_t)g->name_rec) < 0) {
		g->name = sq;
		g->name_rec = (long)rec;
	}
	if (archive_rec_cmp(a, rec, (size_t)g->name_rec) >= 0 && r->agency_kind != AGENCY_NONE)
		g->kind = r->agency_kind;
	g->nrecs++; /* counted now, listed in archive_finish */
	return (long)idx;
}

static size_t
uf_find(struct arc_occ *o, size_t i)
{
	while (o[i].uf != i) {
		o[i].uf = o[o[i].uf].uf;
		i = o[i].uf;
	}
	return i;
}

static void
uf_union(struct arc_occ *o, size_t i, size_t j)
{
	i = uf_find(o, i);
	j = uf_find(o, j);
	if (i != j) /* the smaller index is the root: independent of nothing but order of keys */
		o[i > j ? i : j].uf = i < j ? i : j;
}

/* Link occurrence i under key (country + kind + folded value). */
static void
pkey_link(struct archive *a, size_t i, const char *country, char kind, const char *value)
{
	struct maps *m = a->maps;
	const char *f = afold(a, value);
	if (!*f)
		return;
	/* "%s\x1f%c:%s", without printf's cost, in the memo's key buffer
	 * (afold is done with it) */
	struct buf *k = &m->mkey;
	char mid[3] = {'\x1f', kind, ':'};
	buf_reset(k);
	buf_puts(k, country);
	buf_put(k, mid, 3);
	buf_puts(k, f);
	struct strmap_slot *v = strmap_find(&m->pkeys, k->data, k->len);
	if (v)
		uf_union(a->occs, i, v->idx);
	else
		strmap_add(&m->pkeys, arena_strndup(a->arena, k->data, k->len), k->len, i);
}

/* Which of the record's partners a text names (contact org, agreement
 * parties): the occurrence index, or -1 when none or several do. */
static long
occ_named_in(struct archive *a, const struct arc_rec *rr, const char *text)
{
	if (rr->nocc == 1)
		return (long)rr->occ0;
	if (!text)
		return -1;
	const char *f = afold(a, text); /* contacts' organisations repeat */
	long hit = -1;
	for (size_t k = 0; k < rr->nocc; k++) {
		const struct arc_occ *o = &a->occs[rr->occ0 + k];
		const char *names[2] = {o->name, o->local_name};
		for (int j = 0; j < 2; j++) {
			if (!names[j])
				continue;
			const char *n = afold(a, names[j]);
			if (*n && strstr(f, n)) {
				hit = hit < 0 || hit == (long)(rr->occ0 + k) ? (long)(rr->occ0 + k)
				                                             : -2;
			}
		}
	}
	return hit < 0 ? -1 : hit;
}

static long
occ_of_partner(const struct archive *a, const struct arc_rec *rr, const struct record *r,
               const struct partner *p)
{
	if (!p)
		return -1;
	size_t k = (size_t)(p - r->partners);
	return k < rr->nocc ? (long)(rr->occ0 + k) : -1;
}

static void
add_contact(struct archive *a, size_t rec, long occ, enum side side, const struct text *name,
            const struct text *title, const struct text *org, const struct text *email,
            const struct text *phone, const struct text *notes, const struct rdate *since)
{
	if (!name->s || !*name->s)
		return;
	a->cons = xgrow(a->cons, &a->capcons, a->ncons + 1, sizeof *a->cons);
	struct arc_contact *c = &a->cons[a->ncons++];
	memset(c, 0, sizeof *c);
	c->rec = rec;
	c->occ = occ;
	c->side = side;
	/* names and organisations repeat, their pairs much less */
	const struct arc_memo *v = asqueeze(a, 'n', name->s);
	c->name = v->s;
	const char *kn = v->t, *ko = afold(a, org && org->s ? org->s : "");
	size_t ln = strlen(kn), lo = strlen(ko);
	char *key = arena_alloc(a->arena, ln + lo + 2);
	memcpy(key, kn, ln);
	key[ln] = '\x1f';
	memcpy(key + ln + 1, ko, lo + 1);
	c->key = key;
	c->title = title ? atext(a, title) : NULL;
	c->org = org ? atext(a, org) : NULL;
	c->email = email ? atext(a, email) : NULL;
	c->phone = phone ? atext(a, phone) : NULL;
	c->notes = notes ? atext(a, notes) : NULL;
	if (since)
		c->since = odate_of(since);
}

int
archive_add(struct archive *a, const struct record *r)
{
	struct maps *m = a->maps;
	if (!r->id.s)
		return 0;
	size_t idlen = strlen(r->id.s), idh = strmap_hash(r->id.s, idlen);
	if (strmap_find_hashed(&m->ids, r->id.s, idlen, idh))
		return 0;
	a->recs = xgrow(a->recs, &a->caprecs, a->nrecs + 1, sizeof *a->recs);
	size_t ri = a->nrecs++;
	struct arc_rec *rr = &a->recs[ri];
	memset(rr, 0, sizeof *rr);
	rr->id = arena_strndup(a->arena, r->id.s, idlen);
	strmap_add_hashed(&m->ids, rr->id, idlen, idh, ri);
	rr->file = !r->file ? "" : a->files_kept ? r->file : adup(a, r->file);
	rr->title = atext(a, &r->title);
	if (!rr->title)
		rr->title = rr->id;
	rr->dir = r->direction;
	/* A record whose dates are unusable is still a visit: archived with
	 * the date unknown (year 0), listed apart, its tasks and partners kept. */
	struct date unknown = {0, 0, 0};
	rr->start = r->start.set ? r->start.d : unknown;
	rr->end = !r->start.set ? unknown : r->end.set ? r->end.d : r->start.d;
	rr->status = r->status;
	if (rr->status == STATUS_NONE)
		rr->status = date_days(rr->end, 1) < date_days(a->today, 0) ? STATUS_COMPLETED
		                                                            : STATUS_PLANNED;
	/* No status and no end date: nothing says the visit is still to come
	 * unless it starts after today, and its report has it done; the
	 * schema's default (planned, for want of an end) is not a fact. */
	if (!r->status_given && !r->end.set &&
	    !(r->start.set && date_cmp(r->start.d, a->today) > 0))
		rr->status = STATUS_COMPLETED;
	rr->mark = r->id.mark;
	rr->handover = atext(a, &r->handover);
	rr->report_number = r->has_report ? atext(a, &r->report_number) : NULL;
	if (r->has_reciprocal && r->reciprocal_status == RECIP_DONE) {
		rr->recip = r->reciprocal_expected.set ? r->reciprocal_expected.d : unknown;
		rr->recip_undated = !r->reciprocal_expected.set;
	}

	const char *used;
	rr->loc = loc_of(a, ri, r->locality_name.s, r->locality_former_name.s,
	                 r->start.set ? &r->start.d : NULL, &used);
	rr->loc_written =
	    r->locality_name.s && *r->locality_name.s ? ashare(a, r->locality_name.s) : NULL;
	rr->loc_used = ashare(a, used);
	rr->agency = agency_of(a, ri, r);

	/* Partners: one occurrence each, linked by name and id for merging. */
	rr->occ0 = a->nocc;
	long occ_here[16];
	long *occ_of = r->npartners <= 16 ? occ_here : xcalloc(r->npartners, sizeof *occ_of);
	for (size_t k = 0; k < r->npartners; k++) {
		const struct partner *p = &r->partners[k];
		occ_of[k] = -1;
		if (!p->name.s || !*p->name.s)
			continue;
		a->occs = xgrow(a->occs, &a->capocc, a->nocc + 1, sizeof *a->occs);
		size_t oi = a->nocc++;
		occ_of[k] = (long)oi;
		struct arc_occ *o = &a->occs[oi];
		memset(o, 0, sizeof *o);
		o->uf = oi;
		o->alt = -1;
		o->rec = ri;
		o->name = asqueeze_shared(a, p->name.s);
		/* shared: a partner's own-script name repeats from record to record */
		o->local_name =
		    p->local_name.s && *p->local_name.s ? ashare(a, p->local_name.s) : NULL;
		o->country = ashare(a, p->country.s && *p->country.s ? p->country.s : "ZZ");
		o->id = atext(a, &p->id);
		o->kind = p->kind;
		o->stage = p->has_relationship ? p->stage : STAGE_NONE;
		o->since = odate_of(&p->stage_since);
		o->response = p->response;
		o->has_profile = p->has_profile;
		o->strengths = ajoin(a, &p->strengths);
		o->priorities = ajoin(a, &p->priorities);
		o->updated = odate_of(&p->profile_updated);
		o->needs = ajoin(a, &p->needs);
		o->mark = p->mark;
		pkey_link(a, oi, o->country, 'n', o->name);
		if (o->id)
			pkey_link(a, oi, o->country, 'i', o->id);
		/* its name in its own script is the same whichever language the
		 * record writes its name in ("Tỉnh Gyeonggi", "Gyeonggi Province") */
		if (o->local_name)
			pkey_link(a, oi, o->country, 'l', o->local_name);
	}
	/* the partner each was approached instead of (G21) */
	for (size_t k = 0; k < r->npartners; k++) {
		const struct partner *alt = r->partners[k].alternative;
		if (occ_of[k] >= 0 && alt && alt >= r->partners &&
		    alt < r->partners + r->npartners && alt != &r->partners[k])
			a->occs[occ_of[k]].alt = occ_of[alt - r->partners];
	}
	if (occ_of != occ_here)
		free(occ_of);
	rr = &a->recs[ri];
	rr->nocc = a->nocc - rr->occ0;

	rr->agr0 = a->nagr;
	for (size_t k = 0; k < r->nagreements; k++) {
		const struct agreement *g = &r->agreements[k];
		a->agrs = xgrow(a->agrs, &a->capagr, a->nagr + 1, sizeof *a->agrs);
		struct arc_agreement *x = &a->agrs[a->nagr++];
		memset(x, 0, sizeof *x);
		x->rec = ri;
		x->kind = g->kind;
		x->title = atext(a, &g->title);
		x->parties = ajoin(a, &g->parties);
		x->signed_on = odate_of(&g->signed_on);
		x->occ = occ_named_in(a, rr, x->parties);
	}
	rr->nagr = a->nagr - rr->agr0;

	rr->task0 = a->ntasks;
	for (size_t k = 0; k < r->ntasks; k++) {
		const struct task *t = &r->tasks[k];
		if (t->status == TASK_DONE || t->status == TASK_DROPPED)
			continue;
		a->tasks = xgrow(a->tasks, &a->captasks, a->ntasks + 1, sizeof *a->tasks);
		struct arc_task *x = &a->tasks[a->ntasks++];
		memset(x, 0, sizeof *x);
		x->rec = ri;
		x->occ = t->partner ? occ_of_partner(a, rr, r, t->partner)
		                    : (rr->nocc == 1 ? (long)rr->occ0 : -1);
		x->id = atext(a, &t->id);
		x->text = atext(a, &t->task);
		if (!x->text)
			x->text = "";
		x->owner_written = t->owner.s && *t->owner.s ? ashare(a, t->owner.s) : NULL;
		owners_of(a, x, t->owner.s, rr->loc);
		x->support = ajoin(a, &t->support);
		x->due = odate_of(&t->due);
		x->status = t->status;
		x->status_unknown = record_reported(r, t->mark, "status");
		for (size_t u = 0; u < t->nupdates; u++) {
			struct odate d = odate_of(&t->updates[u].date);
			if (!x->upd_note || odate_cmp(d, x->upd) >= 0) {
				x->upd = d;
				x->upd_note = atext(a, &t->updates[u].note);
			}
		}
		x->mark = t->mark;
	}
	rr->ntask = a->ntasks - rr->task0;

	rr->con0 = a->ncons;
	for (size_t k = 0; k < r->nagency_staff; k++) {
		const struct person *p = &r->agency_staff[k];
		const struct contact *c = contact_named(a, r, p->name.s);
		if (c && c->side == SIDE_AGENCY)
			continue; /* listed with the contacts, once */
		add_contact(a, ri, -1, SIDE_AGENCY, &p->name, &p->title, &p->org, NULL, NULL, NULL,
		            NULL);
	}
	for (size_t k = 0; k < r->ncontacts; k++) {
		const struct contact *c = &r->contacts[k];
		if (c->side != SIDE_PARTNER && c->side != SIDE_AGENCY)
			continue;
		long occ = c->side == SIDE_PARTNER ? occ_named_in(a, rr, c->org.s) : -1;
		/* one of the agency's staff: what the contact leaves out, the
		 * staff entry says */
		const struct person *st =
		    c->side == SIDE_AGENCY ? staff_named(a, r, c->name.s) : NULL;
		add_contact(a, ri, occ, c->side, &c->name,
		            c->title.s || !st ? &c->title : &st->title,
		            c->org.s || !st ? &c->org : &st->org, &c->email, &c->phone, &c->notes,
		            &c->since);
	}
	rr->ncon = a->ncons - rr->con0;
	return 1;
}

/* ==== finishing: merge, order, count ==== */

/* qsort has no context argument; one a thread (finish_contacts runs beside
 * the rest of archive_finish) */
static _Thread_local const struct archive *sort_a;

/* The indices 0..n-1 of a's items in the order cmp gives them (cmp
 * reads sort_a); caller frees. */
static size_t *
sorted_indices(const struct archive *a, size_t n, int (*cmp)(const void *, const void *))
{
	size_t *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	sort_a = a;
	qsort(v, n, sizeof *v, cmp);
	return v;
}

static int
cmp_rec_idx(const void *x, const void *y)
{
	return archive_rec_cmp(sort_a, *(const size_t *)x, *(const size_t *)y);
}

/* Sorting by a number worked out once an item rather than by comparing
 * items each time: a stable radix sort, a byte of the numbers at a time
 * (those all alike skipped), the few items with the same number left for
 * the caller to put in order by the whole comparison (keyed_ties).  With
 * a comparison that orders by that number first, the order is the one
 * qsort gives, at a fraction of the cost for the collection's thousands
 * of records and tasks. */
struct keyed {
	uint64_t key;
	size_t i;
};

static void
keyed_sort(struct keyed *v, size_t n)
{
	uint64_t any = 0, every = ~(uint64_t)0;
	for (size_t i = 0; i < n; i++) {
		any |= v[i].key;
		every &= v[i].key;
	}
	struct keyed *t = xcalloc(n ? n : 1, sizeof *t), *from = v, *to = t;
	for (int b = 0; b < 64; b += 8) {
		if (!(((any ^ every) >> b) & 0xFF))
			continue;
		size_t at[257] = {0};
		for (size_t i = 0; i < n; i++)
			at[((from[i].key >> b) & 0xFF) + 1]++;
		for (int k = 1; k < 257; k++)
			at[k] += at[k - 1];
		for (size_t i = 0; i < n; i++)
			to[at[(from[i].key >> b) & 0xFF]++] = from[i];
		struct keyed *x = from;
		from = to;
		to = x;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
	free(t);
}

/* Each run of items of v (n of size bytes) whose numbers in kv are the
 * same, sorted by cmp. */
static void
keyed_ties(const struct keyed *kv, void *v, size_t n, size_t size,
           int (*cmp)(const void *, const void *))
{
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && kv[j].key == kv[i].key; j++)
			;
		if (j - i > 1)
			qsort((char *)v + i * size, j - i, size, cmp);
	}
}

/* A date as a number in date_cmp's order: 0 when it has none (a year
 * past 9999, a month or day out of range). */
static uint64_t
date_key(struct date d)
{
	if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 12 || d.d < 0 || d.d > 31)
		return 0;
	return ((uint64_t)d.y * 13 + (uint64_t)d.m) * 32 + (uint64_t)d.d + 1;
}

/* The records in archive_rec_cmp's order: by their dates as one number
 * (start, end: 22 bits each), then by id where those are the same. */
static size_t *
recs_by_date(const struct archive *a)
{
	size_t n = a->nrecs;
	struct keyed *kv = xcalloc(n ? n : 1, sizeof *kv);
	for (size_t i = 0; i < n; i++) {
		uint64_t s = date_key(a->recs[i].start), e = date_key(a->recs[i].end);
		if (!s || !e) { /* a date no record has: compared as they are */
			free(kv);
			return sorted_indices(a, n, cmp_rec_idx);
		}
		kv[i] = (struct keyed){s << 22 | e, i};
	}
	keyed_sort(kv, n);
	size_t *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = kv[i].i;
	sort_a = a;
	keyed_ties(kv, v, n, sizeof *v, cmp_rec_idx);
	free(kv);
	return v;
}

/* Contacts by key (folded name and organisation), then by the date and id
 * of their record, then as the records came: their ranks, so that any
 * list of contacts is put in that order by comparing two numbers.  The
 * keys are few beside the contacts: they are sorted, and the contacts
 * dealt out to them record by record, in the records' order. */
static int
cmp_rec_start_id(const void *x, const void *y)
{
	const struct arc_rec *p = &sort_a->recs[*(const size_t *)x];
	const struct arc_rec *q = &sort_a->recs[*(const size_t *)y];
	int c = date_cmp(p->start, q->start);
	return c ? c : strcmp(p->id, q->id);
}

static _Thread_local const char **sort_keys; /* qsort has no context argument */

static int
cmp_key_idx(const void *x, const void *y)
{
	return strcmp(sort_keys[*(const size_t *)x], sort_keys[*(const size_t *)y]);
}

static void *
finish_contacts(void *va)
{
	struct archive *a = va;
	size_t n = a->ncons, nk = 0;
	size_t *kid = xcalloc(n ? n : 1, sizeof *kid);
	const char **keys = xcalloc(n ? n : 1, sizeof *keys);
	struct strmap km = {0};
	for (size_t i = 0; i < n; i++) {
		const size_t *k = strmap_get(&km, a->cons[i].key);
		if (!k) {
			strmap_put(&km, a->cons[i].key, nk);
			keys[nk++] = a->cons[i].key;
		}
		kid[i] = k ? *k : nk - 1;
	}
	strmap_free(&km);
	size_t *order = xcalloc(nk ? nk : 1, sizeof *order);
	for (size_t k = 0; k < nk; k++)
		order[k] = k;
	sort_keys = keys;
	qsort(order, nk, sizeof *order, cmp_key_idx);
	/* at[k]: the next rank of key k's contacts */
	size_t *at = xcalloc(nk ? nk : 1, sizeof *at), *count = xcalloc(nk ? nk : 1, sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[kid[i]]++;
	for (size_t k = 0, sum = 0; k < nk; k++) {
		at[order[k]] = sum;
		sum += count[order[k]];
	}
	/* the records by date and id: by_date (by dates and id) with each run
	 * of one start date sorted again by id alone */
	size_t *recs = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *recs);
	memcpy(recs, a->by_date, a->nrecs * sizeof *recs);
	sort_a = a;
	for (size_t i = 0, j; i < a->nrecs; i = j) {
		for (j = i + 1;
		     j < a->nrecs && !date_cmp(a->recs[recs[j]].start, a->recs[recs[i]].start); j++)
			;
		if (j - i > 1)
			qsort(recs + i, j - i, sizeof *recs, cmp_rec_start_id);
	}
	for (size_t j = 0; j < a->nrecs; j++) {
		const struct arc_rec *r = &a->recs[recs[j]];
		for (size_t i = r->con0; i < r->con0 + r->ncon; i++)
			a->cons[i].rank = at[kid[i]]++;
	}
	free(recs);
	free(at);
	free(count);
	free(order);
	free(keys);
	free(kid);
	return NULL;
}

struct pgroup {
	size_t root;
	const char *country, *foldname;
};

static int
cmp_pgroup(const void *x, const void *y)
{
	const struct pgroup *p = x, *q = y;
	int c = strcmp(p->country, q->country);
	if (!c)
		c = strcmp(p->foldname, q->foldname);
	if (!c)
		c = p->root < q->root ? -1 : p->root > q->root;
	return c;
}

/* A slug is a file name (partners/<slug>.pdf.tmpXXXXXX while written): a
 * longer one is cut to SLUG_MAX bytes, the last 9 being "-" and 8 hex
 * digits of a hash of the whole, so that two long names that share their
 * start still get different, stable names. */
#define SLUG_MAX 120

static char *
slug_bounded(const char *base)
{
	size_t n = strlen(base);
	if (n <= SLUG_MAX)
		return xstrdup(base);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)base[i]) * 16777619u;
	size_t keep = SLUG_MAX - 9;
	while (keep && ((unsigned char)base[keep] & 0xC0) == 0x80) /* a UTF-8 boundary */
		keep--;
	while (keep && base[keep - 1] == '-')
		keep--;
	return xasprintf("%.*s-%08x", (int)keep, base, (unsigned)h);
}

/* Unique slugs: "jp-nagasaki", then "-2", "-3" in list order. */
static const char *
unique_slug(struct archive *a, struct strmap *seen, const char *full)
{
	char *base = slug_bounded(full);
	char *s = xstrdup(base);
	for (int n = 2; strmap_get(seen, s); n++) {
		free(s);
		s = xasprintf("%s-%d", base, n);
	}
	const char *r = arena_strdup(a->arena, s);
	free(s);
	free(base);
	strmap_put(seen, r, 1);
	return r;
}

struct spell {
	const char *name;
	const char *fold; /* in the arena, made once a name (pkey_link) */
	size_t pos;       /* in the partner's records, by date */
};

static int
cmp_spell(const void *x, const void *y)
{
	const struct spell *p = x, *q = y;
	int c = strcmp(p->fold, q->fold);
	if (!c)
		c = strcmp(p->name, q->name);
	return c ? c : (p->pos < q->pos ? -1 : p->pos > q->pos);
}

static void
finish_partners(struct archive *a)
{
	/* Groups of occurrences → partners; the earliest record gives the name. */
	size_t *first = xcalloc(a->nocc ? a->nocc : 1, sizeof *first); /* root → earliest occ */
	for (size_t i = 0; i < a->nocc; i++)
		first[i] = SIZE_MAX;
	for (size_t i = 0; i < a->nocc; i++) {
		size_t r = uf_find(a->occs, i);
		if (first[r] == SIZE_MAX ||
		    archive_rec_cmp(a, a->occs[i].rec, a->occs[first[r]].rec) < 0)
			first[r] = i;
	}
	struct pgroup *g = xcalloc(a->nocc ? a->nocc : 1, sizeof *g);
	size_t ng = 0;
	for (size_t i = 0; i < a->nocc; i++)
		if (first[i] != SIZE_MAX) {
			g[ng].root = i;
			g[ng].country = a->occs[first[i]].country;
			g[ng].foldname = text_fold(a->occs[first[i]].name);
			ng++;
		}
	qsort(g, ng, sizeof *g, cmp_pgroup);
	size_t *pidx = xcalloc(a->nocc ? a->nocc : 1, sizeof *pidx); /* root → partner */
	a->partners = xcalloc(ng ? ng : 1, sizeof *a->partners);
	a->npartners = ng;
	struct strmap seen = {0};
	for (size_t k = 0; k < ng; k++) {
		struct arc_partner *p = &a->partners[k];
		const struct arc_occ *o = &a->occs[first[g[k].root]];
		pidx[g[k].root] = k;
		p->country = o->country;
		p->name = o->name;
		p->profile_occ = p->needs_occ = p->last_visit = p->latest_occ = -1;
		/* a slug too, not the code as it came: a file name of the archive's
		 * own characters whatever the code (a cache entry's is not checked
		 * as a record's is) */
		char *cc = text_slug(o->country);
		char *nm = text_slug(o->name);
		/* A name in another script leaves no ASCII: use the id, if any,
		 * else a hash of the name, so that the page keeps its name when
		 * other such partners come (not "x", "x-2" in list order). */
		if (!strcmp(nm, "x") && o->id) {
			free(nm);
			nm = text_slug(o->id);
		}
		if (!strcmp(nm, "x")) {
			const char *f = g[k].foldname;
			free(nm);
			nm = xasprintf("x%08llx", (unsigned long long)(hash64(f, strlen(f)) >> 32));
		}
		char *base = xasprintf("%s-%s", cc, nm);
		p->slug = unique_slug(a, &seen, base);
		free(base);
		free(nm);
		free(cc);
		free((char *)g[k].foldname);
	}
	strmap_free(&seen);
	for (size_t i = 0; i < a->nocc; i++)
		a->occs[i].partner = pidx[uf_find(a->occs, i)];
	free(pidx);
	free(first);
	free(g);

	/* Per partner: records, stages, newest profile/needs/local name/kind/id. */
	size_t *cnt = xcalloc(a->npartners ? a->npartners : 1, sizeof *cnt);
	for (size_t i = 0; i < a->nocc; i++)
		cnt[a->occs[i].partner]++;
	for (size_t k = 0; k < a->npartners; k++) {
		a->partners[k].recs = xcalloc(cnt[k] ? cnt[k] : 1, sizeof(size_t));
		a->partners[k].stages = xcalloc(cnt[k] ? cnt[k] : 1, sizeof(struct arc_stage));
	}
	for (size_t i = 0; i < a->nocc; i++) {
		const struct arc_occ *o = &a->occs[i];
		struct arc_partner *p = &a->partners[o->partner];
		/* a record naming the same partner twice counts once */
		if (!(p->nrecs && p->recs[p->nrecs - 1] == o->rec))
			p->recs[p->nrecs++] = o->rec;
		if (o->stage != STAGE_NONE) {
			struct arc_stage *s = &p->stages[p->nstages++];
			s->rec = o->rec;
			s->stage = o->stage;
			s->since = o->since;
		}
		int newer =
		    p->latest_occ < 0 || archive_rec_cmp(a, o->rec, a->occs[p->latest_occ].rec) > 0;
		if (newer) {
			p->latest_occ = (long)i;
		}
		if (o->has_profile && (o->strengths || o->priorities || o->updated.set)) {
			const struct arc_occ *q =
			    p->profile_occ < 0 ? NULL : &a->occs[p->profile_occ];
			int c = q ? odate_cmp(o->updated, q->updated) : 1;
			if (!c)
				c = archive_rec_cmp(a, o->rec, q->rec);
			if (c > 0)
				p->profile_occ = (long)i;
		}
		if (o->needs &&
		    (p->needs_occ < 0 || archive_rec_cmp(a, o->rec, a->occs[p->needs_occ].rec) > 0))
			p->needs_occ = (long)i;
	}
	sort_a = a;
	for (size_t k = 0; k < a->npartners; k++) {
		struct arc_partner *p = &a->partners[k];
		qsort(p->recs, p->nrecs, sizeof *p->recs, cmp_rec_idx);
		/* stages by record date (insertion sort: a partner has few) */
		for (size_t i = 1; i < p->nstages; i++)
			for (size_t j = i; j > 0 && archive_rec_cmp(a, p->stages[j - 1].rec,
			                                            p->stages[j].rec) > 0;
			     j--) {
				struct arc_stage t = p->stages[j];
				p->stages[j] = p->stages[j - 1];
				p->stages[j - 1] = t;
			}
		/* the name written most often (folded), in its most frequent
		 * spelling; ties go to a capitalised spelling ("Daegu" before
		 * "DAEGU", both before "daegu"), then to one with its diacritics
		 * ("Hà Khẩu" before "Ha Khau", folded alike), then the newest */
		size_t maxsp = cnt[k] < p->nrecs * 2 ? cnt[k] : p->nrecs * 2; /* its occurrences */
		struct spell *sp = xcalloc(maxsp + 1, sizeof *sp);
		size_t nsp = 0;
		for (size_t r = 0; r < p->nrecs; r++) {
			const struct arc_rec *rr = &a->recs[p->recs[r]];
			for (size_t o = rr->occ0; o < rr->occ0 + rr->nocc; o++)
				if (a->occs[o].partner == k && nsp < maxsp) {
					sp[nsp].name = a->occs[o].name;
					sp[nsp].fold = afold(a, a->occs[o].name);
					sp[nsp++].pos = r;
				}
		}
		qsort(sp, nsp, sizeof *sp, cmp_spell);
		size_t bf = 0, bn = 0, bpos = 0, bmarks = 0;
		int bcap = 0;
		for (size_t i = 0; i < nsp;) {
			size_t f = i;
			while (f < nsp && !strcmp(sp[f].fold, sp[i].fold))
				f++;
			for (size_t j = i; j < f;) {
				size_t e = j;
				while (e < f && !strcmp(sp[e].name, sp[j].name))
					e++;
				/* sp[e-1]: the newest use of this spelling */
				int cap = !(sp[j].name[0] >= 'a' && sp[j].name[0] <= 'z');
				if (cap) { /* 2 with a small letter, 1 in capitals only */
					char *up = text_upper(sp[j].name);
					cap += strcmp(up, sp[j].name) != 0;
					free(up);
				}
				/* folded alike, the spelling with more bytes outside
				 * ASCII is the one with more of its marks */
				size_t marks = 0;
				for (const char *c = sp[j].name; *c; c++)
					marks += (unsigned char)*c >= 0x80;
				if (f - i > bf ||
				    (f - i == bf &&
				     (e - j > bn ||
				      (e - j == bn &&
				       (cap > bcap ||
				        (cap == bcap &&
				         (marks > bmarks ||
				          (marks == bmarks && sp[e - 1].pos > bpos)))))))) {
					bf = f - i;
					bn = e - j;
					bcap = cap;
					bmarks = marks;
					bpos = sp[e - 1].pos;
					p->name = sp[j].name;
				}
				j = e;
			}
			i = f;
		}
		free(sp);
		/* newest local name, kind and id among its occurrences */
		for (size_t r = 0; r < p->nrecs; r++) {
			const struct arc_rec *rr = &a->recs[p->recs[r]];
			for (size_t o = rr->occ0; o < rr->occ0 + rr->nocc; o++) {
				if (a->occs[o].partner != k)
					continue;
				if (a->occs[o].local_name)
					p->local_name = a->occs[o].local_name;
				if (a->occs[o].kind != PK_NONE)
					p->kind = a->occs[o].kind;
				if (a->occs[o].id)
					p->id = a->occs[o].id;
			}
			/* a partner that declined the visit had none (G21) */
			if (!archive_rec_visits_partner(a, p->recs[r], k)) {
				p->ndeclined++;
				continue;
			}
			if (rr->status != STATUS_COMPLETED) {
				p->nplanned++;
				continue;
			}
			p->nvisits++;
			if (p->last_visit < 0 || date_cmp(rr->end, a->recs[p->last_visit].end) >= 0)
				p->last_visit = (long)p->recs[r];
		}
	}
	free(cnt);
}

int
archive_cmp_size(const void *x, const void *y)
{
	size_t p = *(const size_t *)x, q = *(const size_t *)y;
	return p < q ? -1 : p > q;
}

/* The register's order of tasks: overdue first, then by due date (none
 * last), then by record (as by_date has them), task id and place; the
 * first two and the record's rank worked out once a task, not once a
 * comparison. */
struct tkey {
	long long when; /* overdue, due date */
	size_t rank;    /* the record's in by_date */
	const char *id;
	size_t i;
};

static int
cmp_tkey(const void *x, const void *y)
{
	const struct tkey *p = x, *q = y;
	if (p->when != q->when)
		return p->when < q->when ? -1 : 1;
	if (p->rank != q->rank)
		return p->rank < q->rank ? -1 : 1;
	int c = strcmp(p->id, q->id);
	return c ? c : (p->i > q->i) - (p->i < q->i);
}

/* The indices of a's tasks in the register's order; caller frees.
 * by_date must be set. */
static size_t *
tasks_in_order(const struct archive *a)
{
	size_t n = a->ntasks, *rank = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *rank);
	for (size_t i = 0; i < a->nrecs; i++)
		rank[a->by_date[i]] = i;
	struct tkey *k = xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		const struct arc_task *t = &a->tasks[i];
		/* days since year 0 fit in 32 bits; the flags go above them */
		long long days = t->due.set ? date_days(t->due.d, 1) + (1LL << 32) : 0;
		k[i] = (struct tkey){(long long)!t->overdue << 62 | (long long)!t->due.set << 61 |
		                         days,
		                     rank[t->rec], t->id ? t->id : "", i};
	}
	free(rank);
	/* by when and rank as one number (the flags, the due date's days from
	 * before year 0, the rank: 2, 30 and 32 bits), then by cmp_tkey */
	struct keyed *kv = xcalloc(n ? n : 1, sizeof *kv);
	int keyed = (uint64_t)a->nrecs <= UINT32_MAX;
	for (size_t i = 0; i < n && keyed; i++) {
		const struct arc_task *t = &a->tasks[k[i].i];
		long long days = t->due.set ? date_days(t->due.d, 1) + 1000000 : 0;
		keyed = days >= 0 && days < (1LL << 30);
		kv[i] = (struct keyed){(uint64_t)(k[i].when >> 61) << 62 | (uint64_t)days << 32 |
		                           (uint64_t)k[i].rank,
		                       i};
	}
	if (keyed) {
		keyed_sort(kv, n);
		struct tkey *sorted = xcalloc(n ? n : 1, sizeof *sorted);
		for (size_t i = 0; i < n; i++)
			sorted[i] = k[kv[i].i];
		free(k);
		k = sorted;
		keyed_ties(kv, k, n, sizeof *k, cmp_tkey);
	} else {
		qsort(k, n, sizeof *k, cmp_tkey);
	}
	free(kv);
	size_t *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].i;
	free(k);
	return v;
}

struct ospell {
	const char *base; /* folded name, without the locality */
	const char *text; /* as written */
	size_t n;
	int plain; /* text folds to base: it names no locality of its own */
};

static int
cmp_ospell(const void *x, const void *y)
{
	const struct ospell *p = x, *q = y;
	int c = strcmp(p->base, q->base);
	return c ? c : strcmp(p->text, q->text);
}

/* 1 when a department's name already says its locality ("Sở Ngoại vụ
 * tỉnh Cà Mau"). */
static int
names_locality(const char *name, const struct arc_loc *l)
{
	char *f = text_fold(name), *n = text_fold(l->name);
	int in = *n && strstr(f, n) != NULL;
	free(f);
	free(n);
	/* or by another spelling of it: "Sở Du lịch TP.HCM" */
	return in || (l->unit >= 0 && province_named_in(name) == l->unit);
}

static int
cmp_owner(const void *x, const void *y)
{
	const struct arc_owner *p = x, *q = y;
	if (p->noverdue != q->noverdue)
		return p->noverdue > q->noverdue ? -1 : 1;
	if (p->ntasks != q->ntasks)
		return p->ntasks > q->ntasks ? -1 : 1;
	return strcmp(p->key, q->key);
}

static int
cmp_owner_idx(const void *x, const void *y)
{
	return cmp_owner(&sort_a->owners[*(const size_t *)x], &sort_a->owners[*(const size_t *)y]);
}

/* 1 when one of w's own tasks writes its owner as text. */
static int
owner_wrote(const struct arc_owner *w, const char *text)
{
	for (size_t k = 0; k < w->nspellings; k++)
		if (!strcmp(w->spellings[k], text))
			return 1;
	return 0;
}

static void
finish_tasks(struct archive *a)
{
	struct maps *m = a->maps;
	long today = date_days(a->today, 0);
	/* Each name in the spelling the whole collection writes most often
	 * (ties to the smallest bytes), whichever locality's department it is. */
	size_t nsp = 0;
	for (size_t o = 0; o < a->nowners; o++)
		nsp += a->owners[o].nspellings;
	struct ospell *sp = xcalloc(nsp ? nsp : 1, sizeof *sp);
	nsp = 0;
	for (size_t o = 0; o < a->nowners; o++) {
		const struct arc_owner *w = &a->owners[o];
		const char *base = strchr(w->key, '\x1f');
		for (size_t k = 0; k < w->nspellings && base; k++) {
			char *f = body_fold(w->spellings[k]);
			int plain = !strcmp(f, base + 1);
			free(f);
			sp[nsp++] =
			    (struct ospell){base + 1, w->spellings[k], w->spelling_n[k], plain};
		}
	}
	if (nsp > 1)
		qsort(sp, nsp, sizeof *sp, cmp_ospell);
	for (size_t i = 0, j; i < nsp; i = j) { /* sum the counts of each spelling */
		for (j = i + 1;
		     j < nsp && !strcmp(sp[j].base, sp[i].base) && !strcmp(sp[j].text, sp[i].text);
		     j++)
			sp[i].n += sp[j].n, sp[j].n = 0;
	}
	for (size_t o = 0; o < a->nowners; o++) {
		struct arc_owner *w = &a->owners[o];
		const char *base = strchr(w->key, '\x1f');
		if (!w->name) {
			const struct ospell *best = NULL;
			for (size_t i = 0; base && i < nsp; i++)
				/* a spelling naming a locality ("Sở Công Thương tỉnh Bạc
				 * Liêu") is no other locality's name */
				if (!strcmp(sp[i].base, base + 1) &&
				    (sp[i].plain || owner_wrote(w, sp[i].text)) &&
				    (!best || sp[i].plain > best->plain ||
				     (sp[i].plain == best->plain &&
				      (sp[i].n > best->n || (sp[i].n == best->n &&
				                             strcmp(sp[i].text, best->text) < 0)))))
					best = &sp[i];
			w->name = best ? best->text : w->nspellings ? w->spellings[0] : "";
			/* an embassy or consulate that is also a representative
			 * agency of the collection: named as its dossier is
			 * ("Tổng Lãnh sự quán Việt Nam tại Côn Minh", which a
			 * record in English calls "... in Kunming") */
			const size_t *g = base ? strmap_get(&m->agencies, base + 1) : NULL;
			if (g)
				w->name = a->agencies[*g].name;
			/* "sở ngoại vụ" as Vietnamese writes it, as the report
			 * does, and an agency or one of the usual departments
			 * named in English ("Department of Industry and Trade")
			 * by its Vietnamese name */
			char *vi = agency_name_vi(w->name), *bf = body_fold(w->name);
			const struct body_name *ben = body_name_of_en(bf);
			free(bf);
			const char *cap = vi    ? adup(a, vi)
			                  : ben ? ben->vi
			                        : body_name_capitalised(w->name);
			free(vi);
			if (cap)
				w->name = cap;
		}
		if (w->vague)
			w->name = ""; /* the pages say "no specific department" */
		w->dept = w->name;
		char *f = body_fold(w->dept);
		const struct body_name *en = body_name_of(f);
		free(f);
		/* written with its province ("Bộ Chỉ huy Quân sự tỉnh Lào Cai")
		 * or its unit word alone ("Ban Quản lý Khu kinh tế tỉnh"): the
		 * body its key names, the province's or the city's if the table
		 * has one ("City Police" in Hải Phòng, "UBND TP" the City People's
		 * Committee) */
		if (!en && base) {
			int unit = w->loc >= 0 ? a->locs[w->loc].unit : -1;
			char *t =
			    unit < 0 ? NULL
			             : xasprintf("%s %s", base + 1,
			                         province_units[unit].kind == LOC_CITY ? "thanh pho"
			                                                               : "tinh");
			en = t ? body_name_of(t) : NULL;
			free(t);
			if (!en)
				en = body_name_of(base + 1);
		}
		/* one of Viet Nam's embassies or consulates as the pages name
		 * their agencies: "Consulate General of Viet Nam in Osaka" */
		char *ag = en ? NULL : agency_name_en(w->dept);
		if (!en && !ag) /* a people's committee, "Ha Tien City People's Committee" */
			ag = committee_name_en(w->dept);
		w->dept_en = en ? en->en : ag ? adup(a, ag) : w->dept;
		free(ag);
		w->name_en = w->dept_en;
		if (!w->vague && w->loc >= 0 && !names_locality(w->name, &a->locs[w->loc])) {
			const struct arc_loc *l = &a->locs[w->loc];
			w->name =
			    arena_printf(a->arena, "%s (%s)", w->name, arc_loc_shown(l, LANG_VI));
			w->name_en = arena_printf(a->arena, "%s (%s)", w->dept_en,
			                          arc_loc_shown(l, LANG_EN));
		}
		/* spellings listed in byte order (with their counts alongside) */
		for (size_t i = 1; i < w->nspellings; i++)
			for (size_t j = i;
			     j > 0 && strcmp(w->spellings[j - 1], w->spellings[j]) > 0; j--) {
				const char *t = w->spellings[j];
				w->spellings[j] = w->spellings[j - 1];
				w->spellings[j - 1] = t;
				size_t u = w->spelling_n[j];
				w->spelling_n[j] = w->spelling_n[j - 1];
				w->spelling_n[j - 1] = u;
			}
	}
	size_t *cnt = xcalloc(a->nowners ? a->nowners : 1, sizeof *cnt);
	for (size_t i = 0; i < a->ntasks; i++) {
		struct arc_task *t = &a->tasks[i];
		/* a status the record got wrong may be "done": no overdue claim */
		t->overdue = t->due.set && date_days(t->due.d, 1) < today && !t->status_unknown;
		for (size_t k = 0; k < t->nowner; k++)
			cnt[t->owner[k]]++;
		a->nopen++;
		a->noverdue += t->overdue;
		if (t->occ >= 0) {
			struct arc_partner *p = &a->partners[a->occs[t->occ].partner];
			p->nopen++;
			p->noverdue += t->overdue;
		}
	}
	for (size_t o = 0; o < a->nowners; o++)
		a->owners[o].tasks = xcalloc(cnt[o] ? cnt[o] : 1, sizeof(size_t));
	free(cnt);
	free(sp);
	/* one order for every list of tasks, each department's register too */
	size_t *all = tasks_in_order(a);
	for (size_t i = 0; i < a->ntasks; i++) {
		struct arc_task *t = &a->tasks[all[i]];
		t->order = i;
		for (size_t k = 0; k < t->nowner; k++) {
			struct arc_owner *w = &a->owners[t->owner[k]];
			w->tasks[w->ntasks++] = all[i];
			w->noverdue += t->overdue;
		}
	}
	free(all);
	for (size_t o = 0; o < a->nowners; o++) {
		struct arc_owner *w = &a->owners[o];
		/* distinct visits among its overdue tasks */
		size_t *rv = xcalloc(w->ntasks ? w->ntasks : 1, sizeof *rv), n = 0;
		for (size_t k = 0; k < w->ntasks; k++)
			if (a->tasks[w->tasks[k]].overdue)
				rv[n++] = a->tasks[w->tasks[k]].rec;
		qsort(rv, n, sizeof *rv, archive_cmp_size);
		for (size_t k = 0; k < n; k++)
			w->nvisits_overdue += !k || rv[k] != rv[k - 1];
		free(rv);
	}
	/* Owners without open tasks only existed for done tasks: never added.
	 * The register's order, each task's departments moved with them. */
	size_t *ord = sorted_indices(a, a->nowners, cmp_owner_idx);
	size_t *now = xcalloc(a->nowners ? a->nowners : 1, sizeof *now);
	struct arc_owner *was = xcalloc(a->nowners ? a->nowners : 1, sizeof *was);
	if (a->nowners)
		memcpy(was, a->owners, a->nowners * sizeof *was);
	for (size_t o = 0; o < a->nowners; o++) {
		a->owners[o] = was[ord[o]];
		now[ord[o]] = o;
	}
	for (size_t i = 0; i < a->ntasks; i++)
		for (size_t k = 0; k < a->tasks[i].nowner; k++)
			a->tasks[i].owner[k] = now[a->tasks[i].owner[k]];
	free(was);
	free(now);
	free(ord);
}

/* Register pages: a department's slug is its name's (locality included),
 * made unique in key order, so that it does not move when the overdue
 * counts reorder the register; the vague owners' page is "unassigned". */
static int
cmp_owner_key(const void *x, const void *y)
{
	return strcmp(sort_a->owners[*(const size_t *)x].key,
	              sort_a->owners[*(const size_t *)y].key);
}

static void
owner_slugs(struct archive *a)
{
	size_t *order = sorted_indices(a, a->nowners, cmp_owner_key);
	struct strmap seen = {0};
	strmap_put(&seen, "unassigned", 1);
	for (size_t i = 0; i < a->nowners; i++) {
		struct arc_owner *w = &a->owners[order[i]];
		if (w->vague) {
			w->slug = "unassigned";
			continue;
		}
		char *s = text_slug(w->name);
		w->slug = unique_slug(a, &seen, *s ? s : "department");
		free(s);
	}
	strmap_free(&seen);
	free(order);
}

static int
cmp_agency_idx(const void *x, const void *y)
{
	const struct arc_agency *p = &sort_a->agencies[*(const size_t *)x],
	                        *q = &sort_a->agencies[*(const size_t *)y];
	int c = strcmp(p->fold, q->fold); /* by the name shown */
	return c ? c : strcmp(p->key, q->key);
}

static void
finish_agencies(struct archive *a)
{
	/* by folded name; old index → new index for the records */
	size_t n = a->nagencies;
	for (size_t g = 0; g < n; g++)
		a->agencies[g].fold = afold(a, a->agencies[g].name);
	size_t *order = sorted_indices(a, n, cmp_agency_idx),
	       *newi = xcalloc(n ? n : 1, sizeof *newi);
	struct arc_agency *sorted = xcalloc(n ? n : 1, sizeof *sorted);
	struct strmap seen = {0};
	for (size_t g = 0; g < n; g++) {
		sorted[g] = a->agencies[order[g]];
		newi[order[g]] = g;
		struct arc_agency *ag = &sorted[g];
		ag->recs = xcalloc(ag->nrecs ? ag->nrecs : 1, sizeof *ag->recs);
		ag->nrecs = 0;
		char *s = text_slug(ag->name);
		ag->slug = unique_slug(a, &seen, s);
		free(s);
	}
	strmap_free(&seen);
	free(a->agencies);
	a->agencies = sorted;
	a->capagencies = n;
	for (size_t i = 0; i < a->nrecs; i++) {
		struct arc_rec *rr = &a->recs[a->by_date[i]];
		if (rr->agency < 0)
			continue;
		rr->agency = (long)newi[rr->agency];
		struct arc_agency *ag = &a->agencies[rr->agency];
		ag->recs[ag->nrecs++] = a->by_date[i];
	}
	free(order);
	free(newi);
}

const char *
archive_file_of_id(const struct archive *a, const char *id)
{
	const struct maps *m = a->maps;
	size_t *v = strmap_get(&m->ids, id);
	return v ? a->recs[*v].file : NULL;
}

void
archive_left_out(struct archive *a, const char *file, struct mark m, const char *rule,
                 const char *msg)
{
	a->left = xgrow(a->left, &a->capleft, a->nleft + 1, sizeof *a->left);
	a->left[a->nleft++] = (struct arc_left){adup(a, file), rule, adup(a, msg), m};
}

static int
cmp_left(const void *x, const void *y)
{
	const struct arc_left *l = x, *r = y;
	int c = strcmp(l->file, r->file);
	return c ? c : l->mark.line < r->mark.line ? -1 : l->mark.line > r->mark.line;
}

void
archive_finish(struct archive *a, int jobs)
{
	/* the files in the order of their names, whatever the order they came in */
	if (a->nleft > 1)
		qsort(a->left, a->nleft, sizeof *a->left, cmp_left);
	a->by_date = recs_by_date(a);
	/* the contacts' ranks read the records and their order, and nothing
	 * else here reads or writes the contacts: on a thread of their own */
	pthread_t ct;
	int aside = jobs > 1 && pthread_create(&ct, NULL, finish_contacts, a) == 0;
	if (!aside)
		finish_contacts(a);
	finish_partners(a);
	archive_finish_pairs(a);
	finish_tasks(a);
	owner_slugs(a);
	finish_agencies(a);
	archive_finish_stats(a);
	if (aside)
		pthread_join(ct, NULL);
	struct maps *m = a->maps;
	strmap_free(&m->ids);
	strmap_free(&m->locs);
	strmap_free(&m->pkeys);
	strmap_free(&m->agencies);
	strmap_free(&m->owners);
	memset(&m->ids, 0, sizeof m->ids);
	memset(&m->locs, 0, sizeof m->locs);
	memset(&m->pkeys, 0, sizeof m->pkeys);
	memset(&m->agencies, 0, sizeof m->agencies);
	memset(&m->owners, 0, sizeof m->owners);
}

size_t
archive_agency_area(const struct archive *a, size_t g, unsigned char **area, size_t **recs)
{
	const struct arc_agency *ag = &a->agencies[g];
	unsigned char *in = xcalloc(a->npartners ? a->npartners : 1, 1);
	unsigned char *seen = xcalloc(a->nrecs ? a->nrecs : 1, 1);
	size_t *v = xcalloc(a->nrecs ? a->nrecs : 1, sizeof *v), n = 0;
	for (size_t i = 0; i < ag->nrecs; i++) {
		const struct arc_rec *r = &a->recs[ag->recs[i]];
		for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++)
			in[a->occs[o].partner] = 1;
	}
	for (size_t i = 0; i < ag->nrecs; i++)
		if (!seen[ag->recs[i]]++)
			v[n++] = ag->recs[i];
	for (size_t k = 0; k < a->npartners; k++)
		for (size_t i = 0; in[k] && i < a->partners[k].nrecs; i++)
			if (!seen[a->partners[k].recs[i]]++)
				v[n++] = a->partners[k].recs[i];
	free(seen);
	*area = in;
	*recs = v;
	return n;
}

int
archive_task_involves(const struct archive *a, const struct arc_task *t, size_t p)
{
	return t->occ >= 0 && a->occs[t->occ].partner == p;
}

int
archive_rec_has_partner(const struct archive *a, size_t rec, size_t p)
{
	const struct arc_rec *rr = &a->recs[rec];
	for (size_t o = rr->occ0; o < rr->occ0 + rr->nocc; o++)
		if (a->occs[o].partner == p)
			return 1;
	return 0;
}

int
archive_rec_visits_partner(const struct archive *a, size_t rec, size_t p)
{
	const struct arc_rec *rr = &a->recs[rec];
	for (size_t o = rr->occ0; o < rr->occ0 + rr->nocc; o++)
		if (a->occs[o].partner == p && a->occs[o].response != RESP_DECLINED)
			return 1;
	return 0;
}

/* The latest visit with partner k either way, as archive-cold-partner
 * counts it: its last completed visit, or a return visit that one of its
 * records says took place (follow_up.reciprocal_visit done) on a later
 * date; *ret is that record, or -1 when the last visit is a visit of its
 * own.  Returns the date, y == 0 when there is none. */
struct date
archive_partner_last(const struct archive *a, size_t k, long *ret)
{
	const struct arc_partner *p = &a->partners[k];
	struct date last = {0, 0, 0};
	*ret = -1;
	if (p->last_visit >= 0)
		last = a->recs[p->last_visit].end;
	for (size_t i = 0; i < p->nrecs; i++) {
		const struct arc_rec *r = &a->recs[p->recs[i]];
		if (!r->recip.y || !archive_rec_visits_partner(a, p->recs[i], k))
			continue;
		/* later only when it began after: "2023-10" is the visit that
		 * ended on 2023-10-11, recorded on its own */
		if (last.y && date_days(r->recip, 0) <= date_days(last, 1))
			continue;
		if (p->last_visit >= 0 && !last.y)
			continue; /* its last visit has no usable date: no claim */
		last = r->recip;
		*ret = (long)p->recs[i];
	}
	return last;
}

void
archive_free(struct archive *a)
{
	if (!a)
		return;
	struct maps *m = a->maps;
	strmap_free(&m->ids);
	strmap_free(&m->locs);
	strmap_free(&m->pkeys);
	strmap_free(&m->agencies);
	strmap_free(&m->owners);
	strmap_free(&m->memo);
	free(m->mv);
	buf_free(&m->mkey);
	for (size_t i = 0; i < m->nalias; i++) {
		free(m->alias_key[i]);
	}
	free(m->alias_key);
	free(m);
	free(a->left);
	for (size_t k = 0; k < a->npartners; k++) {
		free(a->partners[k].recs);
		free(a->partners[k].stages);
	}
	for (size_t o = 0; o < a->nowners; o++) {
		free(a->owners[o].tasks);
		free(a->owners[o].spellings);
		free(a->owners[o].spelling_n);
	}
	for (size_t g = 0; g < a->nagencies; g++)
		free(a->agencies[g].recs);
	free(a->recs);
	free(a->locs);
	free(a->occs);
	free(a->partners);
	free(a->agrs);
	free(a->tasks);
	free(a->owners);
	free(a->cons);
	free(a->agencies);
	free(a->by_date);
	free(a->countries);
	free(a->years);
	arena_free(a->arena);
	free(a);
}
