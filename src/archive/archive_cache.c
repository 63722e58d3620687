/*
 * archive_cache.c: DIR/.debrief-cache, what each record gave the archive,
 * by a hash of everything that decides it (archive_cache.h).
 *
 * The file: a header line naming the format, then entries (a 16-byte key,
 * a 4-byte length, the entry), then "end", the number of entries and a
 * hash (hash.h) of all that precedes it.  A file whose header, count or
 * hash is not right is not used at all; every read inside it is bounded,
 * every count and value checked, so that not even a file that passes
 * those checks can make the run read past it or build a record the
 * schema could not have built.
 *
 * One codec both writes and reads an entry (struct codec: out set to
 * write), so that the two can never disagree on the order of the fields.
 */
#include "archive_cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalogue.h"
#include "fsutil.h"
#include "node.h"
#include "strmap.h"
#include "text.h"
#include "witness.h"
#include "xalloc.h"

#define CACHE_FILE ".debrief-cache"
/* The format, and the version of the program that reads records: a
 * change to what schema.c makes of a record, or to the fields below, that
 * comes without a new version raises the format number. */
#define CACHE_HEAD "# debrief archive cache 2 " DEBRIEF_VERSION "\n"
#define CACHE_MAX ((size_t)1 << 30)
/* What stat said of each record read (witness.h), under a head naming the
 * run, whose keys its sums are. */
#define CACHE_STAT ".debrief-cache.stat"
#define CACHE_STAT_HEAD                                                                            \
	"# debrief archive cache stat 1: key size dev inode mtime-ns ctime-ns name; run "

/* An entry of this run: in the previous file (old) or among the parsed. */
struct ent {
	size_t off;
	int old;
};

struct arc_cache {
	unsigned char run[HASH_LEN]; /* the program, the language and today */
	char *data;                  /* the previous file, owned */
	size_t len;
	struct strmap keys; /* key → offset of its entry in data */
	struct buf out;     /* the entries of this run that were parsed */
	struct ent *ents;   /* every entry of this run */
	size_t nout, cap, hits;
	size_t nold; /* entries of the previous file, when it is whole */
	int parsed;  /* an entry was made by parsing */
	char *stat_head;
	struct witness seen, now; /* the records, as stat saw them last run and this */
	int stat_changed;         /* now says something seen did not */
};

/* ==== the codec ==== */

struct codec {
	struct buf *out;              /* writing; NULL when reading */
	const unsigned char *p, *end; /* reading */
	struct arena *ar;             /* reading: where the record goes */
	int bad;                      /* reading went wrong */
};

static void
c_u32(struct codec *c, uint32_t *v)
{
	unsigned char b[4];
	if (c->out) {
		for (int i = 0; i < 4; i++)
			b[i] = (unsigned char)(*v >> (8 * i));
		buf_put(c->out, b, 4);
		return;
	}
	if (c->bad || c->end - c->p < 4) {
		c->bad = 1;
		*v = 0;
		return;
	}
	*v = (uint32_t)c->p[0] | (uint32_t)c->p[1] << 8 | (uint32_t)c->p[2] << 16 |
	     (uint32_t)c->p[3] << 24;
	c->p += 4;
}

/* A small number (an enum, a flag) no larger than max.  Writing never
 * changes the record: a value past max (an enum grown since) is written
 * as it is, and the entry is then parsed instead of read. */
static void
c_small(struct codec *c, unsigned *v, unsigned max)
{
	uint32_t x = *v;
	c_u32(c, &x);
	if (c->out)
		return;
	if (x > max)
		c->bad = 1;
	*v = c->bad ? 0 : (unsigned)x;
}

#define C_ENUM(c, field, max)                                                                      \
	do {                                                                                       \
		unsigned e_ = (unsigned)(field);                                                   \
		c_small(c, &e_, max);                                                              \
		(field) = e_;                                                                      \
	} while (0)

static void
c_int(struct codec *c, int *v)
{
	uint32_t x = (uint32_t)*v;
	c_u32(c, &x);
	*v = (int)(int32_t)x;
}

/* A string, NULL kept apart from "": length + 1, 0 for NULL. */
static void
c_str(struct codec *c, const char **s)
{
	uint32_t n = *s ? (uint32_t)strlen(*s) + 1 : 0;
	c_u32(c, &n);
	if (c->out) {
		if (n)
			buf_put(c->out, *s, n - 1);
		return;
	}
	*s = NULL;
	if (c->bad || !n)
		return;
	/* text as the loader gives it: UTF-8, no NUL inside */
	if ((size_t)(c->end - c->p) < n - 1 || memchr(c->p, '\0', n - 1) ||
	    text_utf8_check((const char *)c->p, n - 1) != n - 1) {
		c->bad = 1;
		return;
	}
	*s = arena_strndup(c->ar, (const char *)c->p, n - 1);
	c->p += n - 1;
}

static void
c_mark(struct codec *c, struct mark *m)
{
	uint32_t l = m->line, k = m->col;
	c_u32(c, &l);
	c_u32(c, &k);
	m->line = l;
	m->col = k;
}

static void
c_text(struct codec *c, struct text *t)
{
	c_str(c, &t->s);
}

/* A date: one the schema could have read (a year of four digits, a month,
 * a day of that month), its parts in range even when it is not set. */
static void
c_rdate(struct codec *c, struct rdate *d)
{
	c_int(c, &d->d.y);
	c_int(c, &d->d.m);
	c_int(c, &d->d.d);
	C_ENUM(c, d->set, 1);
	if (c->out || c->bad)
		return;
	struct date x = d->d, back;
	char iso[16];
	if (x.y < 0 || x.y > 9999 || x.m < 0 || x.m > 12 || x.d < 0 || x.d > 31 || (!x.m && x.d))
		c->bad = 1;
	else if (d->set) {
		date_iso(x, iso);
		c->bad = date_parse(iso, 1, &back) != DATE_OK || date_cmp(back, x) != 0;
	}
}

/* The number of items of a list, and on reading the list itself: at most
 * one item per byte left, so that no count makes a large allocation. */
static size_t
c_list(struct codec *c, size_t n, void **v, size_t size)
{
	uint32_t x = (uint32_t)n;
	c_u32(c, &x);
	if (c->out)
		return n;
	if (c->bad || x > (size_t)(c->end - c->p)) {
		c->bad = 1;
		*v = NULL;
		return 0;
	}
	*v = x ? arena_alloc(c->ar, x * size) : NULL;
	return x;
}

static void
c_texts(struct codec *c, struct texts *l)
{
	l->n = c_list(c, l->n, (void **)&l->v, sizeof *l->v);
	for (size_t i = 0; i < l->n; i++)
		c_text(c, &l->v[i]);
}

static void
c_person(struct codec *c, struct person *p)
{
	c_text(c, &p->name);
	c_text(c, &p->title);
	c_text(c, &p->org);
}

static void
c_partner(struct codec *c, struct partner *p)
{
	c_text(c, &p->name);
	c_text(c, &p->local_name);
	c_text(c, &p->country);
	c_text(c, &p->id);
	C_ENUM(c, p->kind, PK_UNIVERSITY);
	C_ENUM(c, p->has_relationship, 1);
	C_ENUM(c, p->stage, STAGE_DECLINED);
	c_rdate(c, &p->stage_since);
	C_ENUM(c, p->has_profile, 1);
	c_texts(c, &p->strengths);
	c_texts(c, &p->priorities);
	c_rdate(c, &p->profile_updated);
	c_texts(c, &p->needs);
	c_mark(c, &p->mark);
}

static void
c_agreement(struct codec *c, struct agreement *g)
{
	C_ENUM(c, g->kind, AGR_LETTER_OF_INTENT);
	c_text(c, &g->title);
	c_texts(c, &g->parties);
	c_rdate(c, &g->signed_on);
}

/* A task: its partner as an index among the record's (n: none). */
static void
c_task(struct codec *c, struct task *t, struct record *r, int *status_unknown)
{
	C_ENUM(c, t->status, TASK_DROPPED);
	unsigned k = t->partner ? (unsigned)(t->partner - r->partners) : (unsigned)r->npartners;
	c_small(c, &k, (unsigned)r->npartners);
	if (!c->out)
		t->partner = k < r->npartners ? &r->partners[k] : NULL;
	c_text(c, &t->id);
	c_text(c, &t->task);
	c_text(c, &t->owner);
	c_texts(c, &t->support);
	c_rdate(c, &t->due);
	C_ENUM(c, *status_unknown, 1);
	t->nupdates = c_list(c, t->nupdates, (void **)&t->updates, sizeof *t->updates);
	for (size_t u = 0; u < t->nupdates; u++) {
		c_rdate(c, &t->updates[u].date);
		c_text(c, &t->updates[u].note);
	}
	c_mark(c, &t->mark);
}

static void
c_contact(struct codec *c, struct contact *k)
{
	C_ENUM(c, k->side, SIDE_OURS);
	c_text(c, &k->name);
	c_text(c, &k->title);
	c_text(c, &k->org);
	c_text(c, &k->email);
	c_text(c, &k->phone);
	c_rdate(c, &k->since);
}

/* What archive_add reads of a record, and nothing else. */
static void
c_record(struct codec *c, struct record *r)
{
	c_text(c, &r->id);
	c_mark(c, &r->id.mark);
	c_text(c, &r->title);
	C_ENUM(c, r->direction, DIR_INBOUND);
	C_ENUM(c, r->status, STATUS_COMPLETED);
	c_rdate(c, &r->start);
	c_rdate(c, &r->end);
	c_text(c, &r->locality_name);
	c_text(c, &r->locality_former_name);
	C_ENUM(c, r->has_agency, 1);
	c_text(c, &r->agency_name);
	C_ENUM(c, r->agency_kind, AGENCY_MISSION);
	r->nagency_staff =
	    c_list(c, r->nagency_staff, (void **)&r->agency_staff, sizeof *r->agency_staff);
	for (size_t i = 0; i < r->nagency_staff; i++)
		c_person(c, &r->agency_staff[i]);
	C_ENUM(c, r->has_report, 1);
	c_text(c, &r->report_number);
	c_text(c, &r->handover);
	r->npartners = c_list(c, r->npartners, (void **)&r->partners, sizeof *r->partners);
	for (size_t i = 0; i < r->npartners; i++)
		c_partner(c, &r->partners[i]);
	r->nagreements = c_list(c, r->nagreements, (void **)&r->agreements, sizeof *r->agreements);
	for (size_t i = 0; i < r->nagreements; i++)
		c_agreement(c, &r->agreements[i]);
	/* a task whose status the schema rejected: record_reported says so */
	struct reported *rep = NULL;
	size_t nrep = 0;
	r->ntasks = c_list(c, r->ntasks, (void **)&r->tasks, sizeof *r->tasks);
	for (size_t i = 0; i < r->ntasks && !c->bad; i++) {
		int unknown = c->out ? record_reported(r, r->tasks[i].mark, "status") : 0;
		c_task(c, &r->tasks[i], r, &unknown);
		if (!c->out && unknown) {
			rep = xrealloc(rep, (nrep + 1) * sizeof *rep);
			rep[nrep].map = r->tasks[i].mark;
			rep[nrep++].field = "status";
		}
	}
	if (!c->out && !c->bad)
		record_set_reported(r, rep, nrep);
	free(rep);
	r->ncontacts = c_list(c, r->ncontacts, (void **)&r->contacts, sizeof *r->contacts);
	for (size_t i = 0; i < r->ncontacts; i++)
		c_contact(c, &r->contacts[i]);
}

/* The findings of one record; a rule is one of the catalogue's. */
static void
c_diags(struct codec *c, struct diags *dq, size_t from)
{
	uint32_t n = (uint32_t)(dq->n - from);
	c_u32(c, &n);
	if (!c->out && n > (size_t)(c->end - c->p))
		c->bad = 1;
	for (uint32_t i = 0; i < n && !c->bad; i++) {
		struct diag d = c->out ? dq->v[from + i] : (struct diag){0};
		const char *file = d.file, *msg = d.msg;
		c_str(c, &file);
		c_mark(c, &d.mark);
		C_ENUM(c, d.sev, SEV_OFF);
		c_str(c, &d.rule);
		c_str(c, &d.guidance);
		c_str(c, &msg);
		if (c->out || c->bad)
			continue;
		const struct rule *ru = rule_find(d.rule);
		if (!ru || !file || !msg || !d.guidance ||
		    (*d.guidance && strcmp(d.guidance, ru->guidance))) {
			c->bad = 1;
			break;
		}
		diags_add(dq, file, d.mark, d.sev, ru->id, *d.guidance ? ru->guidance : "", "%s",
		          msg);
	}
}

/* ==== the file ==== */

static void
add_ent(struct arc_cache *c, size_t off, int old)
{
	if (c->nout == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 1024;
		c->ents = xrealloc(c->ents, c->cap * sizeof *c->ents);
	}
	c->ents[c->nout++] = (struct ent){off, old};
}

/* A parsed record's entry; one got from the previous file stays there
 * (add_ent), so the file is never held twice. */
static void
put_entry(struct arc_cache *c, const unsigned char key[HASH_LEN], const void *e, size_t n)
{
	unsigned char len[4];
	for (int i = 0; i < 4; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	add_ent(c, c->out.len, 0);
	buf_put(&c->out, key, HASH_LEN);
	buf_put(&c->out, len, 4);
	buf_put(&c->out, e, n);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Index the entries of the previous file; 0 when it is not a whole cache
 * of this format. */
static int
index_entries(struct arc_cache *c)
{
	size_t head = strlen(CACHE_HEAD), tail = 3 + 4 + HASH_LEN;
	const unsigned char *d = (const unsigned char *)c->data;
	if (c->len < head + tail || memcmp(c->data, CACHE_HEAD, head))
		return 0;
	size_t body = c->len - tail;
	unsigned char h[HASH_LEN];
	hash_of(d, c->len - HASH_LEN, h);
	if (memcmp(d + body, "end", 3) || memcmp(d + c->len - HASH_LEN, h, HASH_LEN))
		return 0;
	uint32_t n = get32(d + body + 3), k = 0;
	size_t at = head;
	for (; at < body && k < n; k++) {
		if (body - at < HASH_LEN + 4 || get32(d + at + HASH_LEN) > body - at - HASH_LEN - 4)
			return 0;
		if (!strmap_find(&c->keys, c->data + at, HASH_LEN))
			strmap_add(&c->keys, c->data + at, HASH_LEN, at);
		at += HASH_LEN + 4 + get32(d + at + HASH_LEN);
	}
	c->nold = n;
	return k == n && at == body;
}

struct arc_cache *
arc_cache_open(const char *dir, enum lang lang, struct date today, char **why)
{
	struct arc_cache *c = xcalloc(1, sizeof *c);
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, CACHE_HEAD, strlen(CACHE_HEAD));
	int run[4] = {(int)lang, today.y, today.m, today.d};
	hash_update(&h, run, sizeof run);
	hash_final(&h, c->run);
	struct buf head = BUF_INIT;
	buf_puts(&head, CACHE_STAT_HEAD);
	for (int i = 0; i < HASH_LEN; i++)
		buf_printf(&head, "%02x", c->run[i]);
	buf_putc(&head, '\n');
	c->stat_head = head.data;
	witness_read(&c->seen, dir, CACHE_STAT, c->stat_head);
	*why = NULL;
	char *path = xasprintf("%s/%s", dir, CACHE_FILE), *err = NULL;
	if (!fs_read(path, CACHE_MAX, &c->data, &c->len, &err)) {
		/* missing is the first run; anything else is said */
		if (access(path, F_OK) == 0)
			*why = xasprintf("%s: %s", path, err);
		free(err);
	} else if (!index_entries(c)) {
		*why = xasprintf(L(lang, "%s: bị hỏng hoặc do một phiên bản khác ghi; không dùng",
		                   "%s: damaged or written by another version; not used"),
		                 path);
		strmap_free(&c->keys);
		memset(&c->keys, 0, sizeof c->keys);
		c->nold = 0;
	}
	free(path);
	return c;
}

void
arc_cache_key(const struct arc_cache *c, const char *name, const char *data, size_t len,
              unsigned char key[HASH_LEN])
{
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, c->run, HASH_LEN);
	hash_update(&h, name, strlen(name) + 1);
	hash_update(&h, data, len);
	hash_final(&h, key);
}

int
arc_cache_vouched(const struct arc_cache *c, const char *name, const struct seen *now,
                  unsigned char key[HASH_LEN])
{
	const struct seen *v = witness_vouch(&c->seen, name, now);
	if (v)
		memcpy(key, v->sum, HASH_LEN);
	return v != NULL;
}

void
arc_cache_saw(struct arc_cache *c, const char *name, const struct seen *now,
              const unsigned char key[HASH_LEN])
{
	witness_add(&c->now, name, now, key);
	const struct seen *v = witness_vouch(&c->seen, name, now);
	if (!v || memcmp(v->sum, key, HASH_LEN))
		c->stat_changed = 1;
}

int
arc_cache_get(const struct arc_cache *c, const unsigned char key[HASH_LEN], const char *name,
              struct record **r, struct diags *dq, size_t *entry)
{
	struct strmap_slot *s = strmap_find(&c->keys, (const char *)key, HASH_LEN);
	if (!s)
		return 0;
	const unsigned char *e = (const unsigned char *)c->data + s->idx + HASH_LEN + 4;
	size_t n = get32(e - 4);
	struct arena *ar = arena_new();
	struct codec k = {NULL, e, e + n, ar, 0};
	struct doc *doc = arena_alloc(ar, sizeof *doc);
	doc->arena = ar;
	doc->file = arena_strdup(ar, name);
	struct record *rec = arena_alloc(ar, sizeof *rec);
	rec->doc = doc;
	rec->file = doc->file;
	unsigned has = 0;
	c_small(&k, &has, 1);
	if (has)
		c_record(&k, rec);
	size_t from = dq->n;
	c_diags(&k, dq, from);
	if (k.bad || k.p != k.end) {
		/* not what this program writes: parsed instead */
		for (size_t i = from; i < dq->n; i++) {
			free(dq->v[i].file);
			free(dq->v[i].msg);
		}
		dq->n = from;
		arena_free(ar);
		return 0;
	}
	*r = has ? rec : NULL;
	if (!has)
		arena_free(ar);
	*entry = s->idx;
	return 1;
}

void
arc_cache_reuse(struct arc_cache *c, size_t entry)
{
	add_ent(c, entry, 1);
	c->hits++;
}

void
arc_cache_put(struct arc_cache *c, const unsigned char key[HASH_LEN], struct record *r,
              const struct diags *one, size_t from)
{
	struct buf e = BUF_INIT;
	struct codec k = {&e, NULL, NULL, NULL, 0};
	unsigned has = r != NULL;
	c_small(&k, &has, 1);
	if (r)
		c_record(&k, r);
	c_diags(&k, (struct diags *)one, from);
	put_entry(c, key, e.data ? e.data : "", e.len);
	c->parsed = 1;
	buf_free(&e);
}

int
arc_cache_run(const struct arc_cache *c, const char *config, unsigned char out[HASH_LEN])
{
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, c->run, HASH_LEN);
	char *data = NULL, *err = NULL;
	size_t len = 0;
	int ok = !config || fs_read(config, (size_t)64 << 20, &data, &len, &err);
	hash_update(&h, config ? "c" : "-", 1);
	hash_update(&h, data ? data : "", len);
	free(data);
	free(err);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	hash_update(&h, sde ? sde : "", sde ? strlen(sde) + 1 : 0);
	hash_final(&h, out);
	return ok;
}

size_t
arc_cache_hits(const struct arc_cache *c)
{
	return c->hits;
}

/* qsort has no context argument */
static const struct arc_cache *sort_cache;

static const unsigned char *
ent_at(const struct arc_cache *c, const struct ent *e)
{
	return (const unsigned char *)(e->old ? c->data : c->out.data) + e->off;
}

static int
cmp_ent_key(const void *x, const void *y)
{
	return memcmp(ent_at(sort_cache, x), ent_at(sort_cache, y), HASH_LEN);
}

/* What the cache held is given back once it is written: the pages need
 * the memory more. */
static void
release(struct arc_cache *c)
{
	free(c->data);
	c->data = NULL;
	c->len = 0;
	strmap_free(&c->keys);
	memset(&c->keys, 0, sizeof c->keys);
	buf_free(&c->out);
	free(c->ents);
	c->ents = NULL;
	c->nout = c->cap = 0;
	witness_free(&c->seen);
	witness_free(&c->now);
}

int
arc_cache_write(struct arc_cache *c, const char *dir, char **err)
{
	/* by key: the same records give the same file, in whatever order */
	sort_cache = c;
	if (c->nout)
		qsort(c->ents, c->nout, sizeof *c->ents, cmp_ent_key);
	size_t n = 0;
	for (size_t i = 0; i < c->nout; i++) /* the same bytes under the same name, read twice */
		if (!i || memcmp(ent_at(c, &c->ents[i]), ent_at(c, &c->ents[i - 1]), HASH_LEN))
			c->ents[n++] = c->ents[i];
	/* what stat said of the records: kept unless it says something new
	 * (or less: a record no longer read) */
	if (c->stat_changed || c->now.n != c->seen.n)
		witness_write(&c->now, dir, CACHE_STAT, c->stat_head);
	if (!c->parsed && n == c->nold && c->keys.n) {
		/* every entry came from the file, and all of them did: unchanged */
		release(c);
		return 1;
	}
	/* streamed: never a second copy of the whole cache in memory */
	struct fs_stream *f = fs_stream_open(dir, CACHE_FILE, err);
	if (!f) {
		release(c);
		return 0;
	}
	struct hash_ctx h;
	hash_init(&h);
	int ok = fs_stream_write(f, CACHE_HEAD, strlen(CACHE_HEAD), err);
	hash_update(&h, CACHE_HEAD, strlen(CACHE_HEAD));
	for (size_t i = 0; ok && i < n; i++) {
		const unsigned char *e = ent_at(c, &c->ents[i]);
		size_t len = HASH_LEN + 4 + get32(e + HASH_LEN);
		ok = fs_stream_write(f, e, len, err);
		hash_update(&h, e, len);
	}
	unsigned char tail[3 + 4 + HASH_LEN];
	memcpy(tail, "end", 3);
	for (int i = 0; i < 4; i++)
		tail[3 + i] = (unsigned char)(n >> (8 * i));
	hash_update(&h, tail, 3 + 4);
	hash_final(&h, tail + 3 + 4);
	if (ok)
		ok = fs_stream_write(f, tail, sizeof tail, err);
	ok = fs_stream_close(f, ok ? err : NULL) && ok;
	release(c);
	return ok;
}

void
arc_cache_free(struct arc_cache *c)
{
	if (!c)
		return;
	release(c);
	free(c->stat_head);
	free(c);
}
