/*
 * archive_cache.c: DIR/.debrief-cache, what each record gave the archive,
 * by a hash of everything that decides it (archive_cache.h).
 *
 * The file: a header line naming the format, then entries (a 16-byte key,
 * a 4-byte length, the entry) in the order of the records' names, then
 * "end", the number of entries and a hash (hash.h) of all that precedes
 * it.  A file whose header, count or
 * hash is not right is not used at all; every read inside it is bounded,
 * every count and value checked, so that not even a file that passes
 * those checks can make the run read past it or build a record the
 * schema could not have built.
 *
 * After a run that parsed few records, their entries are written to a
 * second file of the same format (CACHE_MORE) rather than the whole cache
 * again; the cache is both files.  An entry is what one record's bytes
 * give, so which file holds it never changes what it says.
 *
 * One codec both writes and reads an entry (struct codec: out set to
 * write), so that the two can never disagree on the order of the fields.
 */
#include "archive_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
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
#define CACHE_HEAD "# debrief archive cache 6 " DEBRIEF_VERSION "\n"
#define CACHE_MAX ((size_t)1 << 30)
/* What stat said of each record read (witness.h), under a head naming the
 * run, whose keys its sums are. */
#define CACHE_STAT ".debrief-cache.stat"
#define CACHE_STAT_HEAD                                                                            \
	"# debrief archive cache stat 1: key size dev inode mtime-ns ctime-ns name; run "

/* The entries the last run added to those of CACHE_FILE, when they were
 * few: a re-run after a record or two changed writes these rather than
 * the whole cache again.  Its format is CACHE_FILE's. */
#define CACHE_MORE ".debrief-cache.more"
/* CACHE_MORE is used while what it and the entries of CACHE_FILE no
 * longer used come to at most this share of CACHE_FILE's entries, and
 * CACHE_FILE has at least CACHE_MORE_MIN of them (a small cache is
 * written whole: it costs little). */
#define CACHE_MORE_SHARE 8
#define CACHE_MORE_MIN 256

/* Entries parsed in a run are kept in memory by pieces of this many
 * bytes, each written to a scratch file in DIR once full: 20,000 records
 * give some 30 MB, which the run need not hold. */
#define CACHE_SPILL ((size_t)64 << 10)

/* An entry of a previous file: its key, and where its bytes (key,
 * length, body) are in the file. */
struct pent {
	unsigned char key[HASH_LEN];
	unsigned long long off;
	size_t len;
};

/* The previous run's files (0, CACHE_FILE; 1, CACHE_MORE): open, and
 * their entries indexed, never held in memory (read when used). */
struct part {
	int fd; /* -1: none */
	struct pent *v;
	size_t n, cap;
};

/* An entry of this run: in a previous file (old: part + 1; off: its index
 * there) or among the parsed (old 0; off: where in the parsed bytes). */
struct ent {
	unsigned char key[HASH_LEN];
	size_t off, len;
	int old;
	char *name; /* owned: its record's, which orders the file */
};

struct arc_cache {
	unsigned char run[HASH_LEN]; /* the program, the language and today */
	char *dir;
	struct part part[2];
	struct strmap keys; /* key → its index in its part * 2 + the part */
	/* the entries of this run that were parsed: the first spilled bytes in
	 * the scratch file, the rest in out */
	struct buf out;
	int scratch, nospill; /* nospill: no (more) room there, out keeps the rest */
	unsigned long long spilled;
	struct ent *ents; /* every entry of this run */
	size_t nout, cap, hits;
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

static inline __attribute__((always_inline)) void
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
static inline __attribute__((always_inline)) void
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

static inline __attribute__((always_inline)) void
c_int(struct codec *c, int *v)
{
	uint32_t x = (uint32_t)*v;
	c_u32(c, &x);
	*v = (int)(int32_t)x;
}

/* A string, NULL kept apart from "": length + 1, 0 for NULL, then its
 * bytes and a NUL, so that the record read points into the entry (a copy
 * of it in the record's arena, arc_cache_get) rather than copying each. */
static void
c_str(struct codec *c, const char **s)
{
	uint32_t n = *s ? (uint32_t)strlen(*s) + 1 : 0;
	c_u32(c, &n);
	if (c->out) {
		if (n)
			buf_put(c->out, *s, n);
		return;
	}
	*s = NULL;
	if (c->bad || !n)
		return;
	/* text as the loader gives it: UTF-8, no NUL inside; strlen stops at
	 * the NUL checked first */
	const char *t = (const char *)c->p;
	if ((size_t)(c->end - c->p) < n || t[n - 1] || strlen(t) != n - 1 ||
	    text_utf8_check(t, n - 1) != n - 1) {
		c->bad = 1;
		return;
	}
	*s = t;
	c->p += n;
}

static inline __attribute__((always_inline)) void
c_mark(struct codec *c, struct mark *m)
{
	uint32_t l = m->line, k = m->col;
	c_u32(c, &l);
	c_u32(c, &k);
	m->line = l;
	m->col = k;
}

static inline __attribute__((always_inline)) void
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
	struct date x = d->d;
	/* as date_parse would have read it (month precision allowed) */
	if (x.y < 0 || x.y > 9999 || x.m < 0 || x.m > 12 || x.d < 0 || x.d > 31 || (!x.m && x.d))
		c->bad = 1;
	else if (d->set && x.d && x.d > date_month_days(x.y, x.m))
		c->bad = 1;
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

/* A partner: the one it was approached instead of as an index among the
 * record's (n: none). */
static void
c_partner(struct codec *c, struct partner *p, struct record *r)
{
	unsigned k =
	    p->alternative ? (unsigned)(p->alternative - r->partners) : (unsigned)r->npartners;
	c_small(c, &k, (unsigned)r->npartners);
	if (!c->out)
		p->alternative = k < r->npartners ? &r->partners[k] : NULL;
	c_text(c, &p->name);
	c_text(c, &p->local_name);
	c_text(c, &p->country);
	c_text(c, &p->id);
	C_ENUM(c, p->kind, PK_UNIVERSITY);
	C_ENUM(c, p->has_relationship, 1);
	C_ENUM(c, p->stage, STAGE_DECLINED);
	c_rdate(c, &p->stage_since);
	C_ENUM(c, p->response, RESP_DECLINED);
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
	c_text(c, &k->notes);
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
	C_ENUM(c, r->has_reciprocal, 1);
	C_ENUM(c, r->reciprocal_status, RECIP_NOT_PLANNED);
	c_rdate(c, &r->reciprocal_expected);
	c_text(c, &r->handover);
	r->npartners = c_list(c, r->npartners, (void **)&r->partners, sizeof *r->partners);
	for (size_t i = 0; i < r->npartners; i++)
		c_partner(c, &r->partners[i], r);
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

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void
pent_add(struct part *p, const unsigned char *key, unsigned long long off, size_t len)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	memcpy(p->v[p->n].key, key, HASH_LEN);
	p->v[p->n].off = off;
	p->v[p->n].len = len;
	p->n++;
}

/* Whether an open previous file is a whole cache of this format, read
 * once through in pieces (its hash checked, its entries indexed), never
 * held whole. */
static int
whole(struct part *p)
{
	struct stat st;
	size_t head = strlen(CACHE_HEAD), tail = 3 + 4 + HASH_LEN;
	if (fstat(p->fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)(head + tail) ||
	    (unsigned long long)st.st_size > CACHE_MAX)
		return 0;
	unsigned long long size = (unsigned long long)st.st_size, body = size - tail, pos = 0;
	unsigned long long next = head; /* where the next entry starts */
	unsigned char hdr[HASH_LEN + 4], end[3 + 4 + HASH_LEN];
	size_t have = 0; /* of hdr */
	size_t chunk = (size_t)1 << 20;
	unsigned char *b = xmalloc(chunk);
	struct hash_ctx h;
	hash_init(&h);
	int ok = 1;
	while (ok && pos < size) {
		size_t r = size - pos < chunk ? (size_t)(size - pos) : chunk;
		if (!(ok = fs_pread(p->fd, b, r, pos)))
			break;
		if (pos == 0 && (r < head || memcmp(b, CACHE_HEAD, head))) {
			ok = 0;
			break;
		}
		if (pos < size - HASH_LEN)
			hash_update(&h, b,
			            pos + r <= size - HASH_LEN ? r
			                                       : (size_t)(size - HASH_LEN - pos));
		/* the entries' heads in this piece */
		while (ok && next < body && next + have < pos + r) {
			size_t at = (size_t)(next + have - pos), k = sizeof hdr - have;
			if (k > r - at)
				k = r - at;
			memcpy(hdr + have, b + at, k);
			if ((have += k) < sizeof hdr)
				break; /* the rest in the next piece */
			size_t len = get32(hdr + HASH_LEN);
			if (len > body - next - sizeof hdr) {
				ok = 0;
				break;
			}
			pent_add(p, hdr, next, sizeof hdr + len);
			next += sizeof hdr + len;
			have = 0;
		}
		if (pos + r > body) { /* the end: "end", the count, the hash */
			size_t from = pos < body ? (size_t)(body - pos) : 0;
			memcpy(end + (pos + from - body), b + from, r - from);
		}
		pos += r;
	}
	free(b);
	unsigned char sum[HASH_LEN];
	hash_final(&h, sum);
	return ok && next == body && !memcmp(end, "end", 3) && get32(end + 3) == p->n &&
	       !memcmp(end + 7, sum, HASH_LEN);
}

/* Index the entries of a whole previous file. */
static void
index_entries(struct arc_cache *c, int k)
{
	const struct part *p = &c->part[k];
	for (size_t i = 0; i < p->n; i++)
		if (!strmap_find(&c->keys, (const char *)p->v[i].key, HASH_LEN))
			strmap_add(&c->keys, (const char *)p->v[i].key, HASH_LEN,
			           i * 2 + (size_t)k);
}

static void
part_free(struct part *p)
{
	if (p->fd >= 0)
		close(p->fd);
	free(p->v);
	memset(p, 0, sizeof *p);
	p->fd = -1;
}

/* Open the previous file k of dir; 1 when it is whole or missing, 0
 * (with *why) when it is there and cannot be used. */
static int
part_read(struct arc_cache *c, const char *dir, int k, enum lang lang, char **why)
{
	struct part *p = &c->part[k];
	char *path = xasprintf("%s/%s", dir, k ? CACHE_MORE : CACHE_FILE);
	int ok = 1;
	p->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (p->fd < 0) {
		/* missing is the first run; anything else is said */
		if (errno != ENOENT) {
			*why = xasprintf("%s: %s", path, fs_strerror(errno));
			ok = 0;
		}
	} else if (!whole(p)) {
		*why = xasprintf(L(lang, "%s: bị hỏng hoặc do một phiên bản khác ghi; không dùng",
		                   "%s: damaged or written by another version; not used"),
		                 path);
		ok = 0;
	}
	if (!ok || p->fd < 0)
		part_free(p);
	free(path);
	return ok;
}

struct arc_cache *
arc_cache_open(const char *dir, enum lang lang, struct date today, char **why)
{
	struct arc_cache *c = xcalloc(1, sizeof *c);
	c->dir = xstrdup(dir);
	c->scratch = c->part[0].fd = c->part[1].fd = -1;
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, CACHE_HEAD, strlen(CACHE_HEAD));
	int run[4] = {(int)lang, today.y, today.m, today.d};
	hash_update(&h, run, sizeof run);
	hash_update(&h, build_id(), HASH_LEN); /* this program's, not only its version's */
	hash_final(&h, c->run);
	char run_hex[2 * HASH_LEN + 1];
	hash_hex(c->run, run_hex);
	c->stat_head = xasprintf("%s%s\n", CACHE_STAT_HEAD, run_hex);
	witness_read(&c->seen, dir, CACHE_STAT, c->stat_head);
	*why = NULL;
	/* the added entries only beside the file they were added to */
	if (part_read(c, dir, 0, lang, why) && c->part[0].fd >= 0)
		part_read(c, dir, 1, lang, why);
	for (int k = 1; k >= 0; k--) /* an entry parsed again wins */
		if (c->part[k].fd >= 0)
			index_entries(c, k);
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
              const unsigned char key[HASH_LEN], int vouched)
{
	witness_add(&c->now, name, now, key);
	c->stat_changed |= !vouched;
}

/* A batch's entries are read at once when they lie together in one file,
 * within this many bytes: the file follows the records' names, as a run's
 * paths usually do, so those of 64 records in a row are together. */
#define CACHE_WINDOW ((size_t)4 << 20)

void
arc_cache_fetch(const struct arc_cache *c, const unsigned char (*keys)[HASH_LEN], size_t n,
                struct arc_cache_win *w)
{
	memset(w, 0, sizeof *w);
	unsigned long long lo = 0, hi = 0, sum = 0;
	int part = -1;
	for (size_t i = 0; i < n; i++) {
		struct strmap_slot *s = strmap_find(&c->keys, (const char *)keys[i], HASH_LEN);
		if (!s || (part >= 0 && (int)(s->idx & 1) != part))
			continue;
		const struct pent *pe = &c->part[s->idx & 1].v[s->idx / 2];
		if (part < 0) {
			part = (int)(s->idx & 1);
			lo = pe->off;
			hi = pe->off + pe->len;
		}
		lo = pe->off < lo ? pe->off : lo;
		hi = pe->off + pe->len > hi ? pe->off + pe->len : hi;
		sum += pe->len;
	}
	/* not when they are scattered: each is read alone then */
	if (part < 0 || hi - lo > CACHE_WINDOW || sum * 2 < hi - lo)
		return;
	w->data = xmalloc((size_t)(hi - lo));
	if (!fs_pread(c->part[part].fd, w->data, (size_t)(hi - lo), lo)) {
		free(w->data);
		w->data = NULL;
		return;
	}
	w->part = part;
	w->off = lo;
	w->len = (size_t)(hi - lo);
}

void
arc_cache_win_free(struct arc_cache_win *w)
{
	free(w->data);
	memset(w, 0, sizeof *w);
}

int
arc_cache_get(const struct arc_cache *c, const unsigned char key[HASH_LEN], const char *name,
              struct record **r, struct diags *dq, size_t *entry, const struct arc_cache_win *w)
{
	struct strmap_slot *s = strmap_find(&c->keys, (const char *)key, HASH_LEN);
	if (!s)
		return 0;
	const struct part *pt = &c->part[s->idx & 1];
	const struct pent *pe = &pt->v[s->idx / 2];
	unsigned char *e = NULL;
	const unsigned char *at = NULL;
	if (w && w->data && w->part == (int)(s->idx & 1) && pe->off >= w->off &&
	    pe->off + pe->len <= w->off + w->len)
		at = w->data + (pe->off - w->off);
	else if (fs_pread(pt->fd, e = xmalloc(pe->len), pe->len, pe->off))
		at = e;
	if (!at || memcmp(at, key, HASH_LEN)) {
		free(e);
		return 0;
	}
	struct arena *ar = arena_new();
	/* the entry's body copied once: the record's strings point into it */
	size_t blen = pe->len - HASH_LEN - 4;
	const unsigned char *body =
	    (const unsigned char *)arena_strndup(ar, (const char *)at + HASH_LEN + 4, blen);
	free(e);
	struct codec k = {NULL, body, body + blen, ar, 0};
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
	int bad = k.bad || k.p != k.end;
	if (bad) {
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

static void
add_ent(struct arc_cache *c, const unsigned char *key, size_t off, size_t len, int old,
        const char *name)
{
	c->ents = xgrow(c->ents, &c->cap, c->nout + 1, sizeof *c->ents);
	struct ent *e = &c->ents[c->nout++];
	memcpy(e->key, key, HASH_LEN);
	e->off = off;
	e->len = len;
	e->old = old;
	e->name = xstrdup(name);
}

void
arc_cache_reuse(struct arc_cache *c, size_t entry, const char *name)
{
	const struct pent *pe = &c->part[entry & 1].v[entry / 2];
	add_ent(c, pe->key, entry / 2, pe->len, (int)(entry & 1) + 1, name);
	c->hits++;
}

/* A parsed record's entry, kept for arc_cache_write: in memory, or in the
 * scratch file once they pass CACHE_SPILL (memory, when there can be no
 * scratch file). */
static void
put_entry(struct arc_cache *c, const unsigned char key[HASH_LEN], const void *e, size_t n,
          const char *name)
{
	unsigned char len[4];
	for (int i = 0; i < 4; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	add_ent(c, key, (size_t)(c->spilled + c->out.len), HASH_LEN + 4 + n, 0, name);
	buf_put(&c->out, key, HASH_LEN);
	buf_put(&c->out, len, 4);
	buf_put(&c->out, e, n);
	if (c->out.len < CACHE_SPILL || c->nospill)
		return;
	char *err = NULL;
	if (c->scratch < 0) /* the first run makes DIR: a little before the pages */
		c->scratch = fs_mkdirs(c->dir, &err) ? fs_scratch(c->dir, &err) : -1;
	free(err);
	if (c->scratch < 0) {
		c->nospill = 1;
		return;
	}
	for (size_t k = 0; k < c->out.len;) {
		ssize_t r =
		    pwrite(c->scratch, c->out.data + k, c->out.len - k, (off_t)(c->spilled + k));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) { /* kept in memory from here on */
			c->nospill = 1;
			return;
		}
		k += (size_t)r;
	}
	c->spilled += c->out.len;
	buf_reset(&c->out);
}

/* The bytes of entry e of this run (through win, a window a source: the
 * two previous files and the scratch file); NULL when they cannot be
 * read. */
static const unsigned char *
ent_bytes(const struct arc_cache *c, const struct ent *e, struct fs_window win[3])
{
	if (e->old) {
		const struct part *pt = &c->part[e->old - 1];
		return fs_window_get(&win[e->old - 1], pt->fd, pt->v[e->off].off, e->len,
		                     CACHE_WINDOW);
	}
	if (e->off >= c->spilled)
		return (const unsigned char *)c->out.data + (e->off - c->spilled);
	return fs_window_get(&win[2], c->scratch, e->off, e->len, CACHE_WINDOW);
}

void
arc_cache_put(struct arc_cache *c, const unsigned char key[HASH_LEN], const char *name,
              struct record *r, const struct diags *one, size_t from)
{
	struct buf e = BUF_INIT;
	struct codec k = {&e, NULL, NULL, NULL, 0};
	unsigned has = r != NULL;
	c_small(&k, &has, 1);
	if (r)
		c_record(&k, r);
	c_diags(&k, (struct diags *)one, from);
	put_entry(c, key, e.data ? e.data : "", e.len, name);
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

/* By record name, then key: the same records give the same file, in
 * whatever order they were named, and the usual order (a directory's, by
 * name) reads it in order. */
static int
cmp_ent(const void *x, const void *y)
{
	const struct ent *p = x, *q = y;
	int k = strcmp(p->name, q->name);
	return k ? k : memcmp(p->key, q->key, HASH_LEN);
}

/* What the cache held is given back once it is written: the pages need
 * the memory more. */
static void
release(struct arc_cache *c)
{
	part_free(&c->part[0]);
	part_free(&c->part[1]);
	strmap_free(&c->keys);
	memset(&c->keys, 0, sizeof c->keys);
	buf_free(&c->out);
	if (c->scratch >= 0)
		close(c->scratch);
	c->scratch = -1;
	c->nospill = 0;
	c->spilled = 0;
	for (size_t i = 0; i < c->nout; i++)
		free(c->ents[i].name);
	free(c->ents);
	c->ents = NULL;
	c->nout = c->cap = 0;
	witness_free(&c->seen);
	witness_free(&c->now);
}

/* Write the first n entries of this run (added: only those not from
 * CACHE_FILE) as dir/name, streamed: never the whole cache in memory. */
static int
write_file(struct arc_cache *c, const char *dir, const char *name, size_t n, int added, char **err)
{
	struct fs_stream *f = fs_stream_open(dir, name, err);
	if (!f)
		return 0;
	struct hash_ctx h;
	hash_init(&h);
	int ok = fs_stream_write(f, CACHE_HEAD, strlen(CACHE_HEAD), err);
	hash_update(&h, CACHE_HEAD, strlen(CACHE_HEAD));
	size_t k = 0;
	struct fs_window win[3];
	memset(win, 0, sizeof win);
	for (size_t i = 0; ok && i < n; i++) {
		if (added && c->ents[i].old == 1)
			continue;
		const unsigned char *b = ent_bytes(c, &c->ents[i], win);
		if (!b)
			continue; /* gone from under the run: parsed next time */
		ok = fs_stream_write(f, b, c->ents[i].len, err);
		hash_update(&h, b, c->ents[i].len);
		k++;
	}
	for (int i = 0; i < 3; i++)
		fs_window_free(&win[i]);
	unsigned char tail[3 + 4 + HASH_LEN];
	memcpy(tail, "end", 3);
	for (int i = 0; i < 4; i++)
		tail[3 + i] = (unsigned char)(k >> (8 * i));
	hash_update(&h, tail, 3 + 4);
	hash_final(&h, tail + 3 + 4);
	if (ok)
		ok = fs_stream_write(f, tail, sizeof tail, err);
	return fs_stream_close(f, ok ? err : NULL) && ok;
}

int
arc_cache_write(struct arc_cache *c, const char *dir, char **err)
{
	/* by name: the next run, reading the records in that order, reads the
	 * file in order (arc_cache_fetch); the same bytes under the same name,
	 * read twice: once */
	if (c->nout)
		qsort(c->ents, c->nout, sizeof *c->ents, cmp_ent);
	size_t n = 0;
	for (size_t i = 0; i < c->nout; i++) {
		if (!n || memcmp(c->ents[i].key, c->ents[n - 1].key, HASH_LEN))
			c->ents[n++] = c->ents[i];
		else
			free(c->ents[i].name);
	}
	c->nout = n;
	/* what stat said of the records: kept unless it says something new
	 * (or less: a record no longer read) */
	if (c->now.n && (c->stat_changed || c->now.n != c->seen.n)) {
		witness_write(&c->now, dir, CACHE_STAT, c->stat_head);
	} else if (!c->now.n) { /* none read: none to vouch for, as in a fresh run */
		char *e = NULL;
		if (!fs_remove(dir, CACHE_STAT, &e))
			free(e);
	}
	size_t from[3] = {0, 0, 0}; /* parsed, from CACHE_FILE, from CACHE_MORE */
	for (size_t i = 0; i < n; i++)
		from[c->ents[i].old]++;
	size_t nbase = c->part[0].n, stale = nbase - from[1], more = from[0] + from[2];
	int base = c->part[0].fd >= 0, ok = 1;
	int same_more = !from[0] && from[2] == c->part[1].n;
	if (base && same_more && !stale) {
		/* every entry came from the files, and all of them did */
	} else if (base && nbase >= CACHE_MORE_MIN && (more + stale) * CACHE_MORE_SHARE <= nbase) {
		/* few added since CACHE_FILE was written, few of it unused: only
		 * the added, unless they are those already there */
		if (!same_more)
			ok = write_file(c, dir, CACHE_MORE, n, 1, err);
	} else {
		ok = write_file(c, dir, CACHE_FILE, n, 0, err);
		char *e = NULL;
		if (ok && !fs_remove(dir, CACHE_MORE, &e))
			free(e); /* its entries are still right ones: only a waste */
	}
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
	free(c->dir);
	free(c);
}
