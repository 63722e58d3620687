/*
 * archive_write.c: puts the archive's pages into the output directory and
 * nowhere else, incrementally.  A manifest (DIR/.debrief-archive) lists
 * every file the archive wrote there with a hash of what it came from (for
 * a PDF: the Markdown and options) and a hash of its content, so that an
 * unchanged page is neither rewritten nor re-rendered, and a page the
 * collection no longer produces (a partner that is gone) is removed: only
 * files the manifest names, only inside DIR.  A PDF is kept only when the
 * file on disk still has the content the manifest records, so a run killed
 * between two renames cannot leave a PDF that disagrees with its Markdown.
 * One run at a time (a lock file beside the manifest); temporaries of a
 * killed run are swept at the start; a damaged manifest is rebuilt.
 *
 * A page is not even made again when it need not be: the manifest's
 * source hash of a Markdown page (and of archive.json) is a digest of
 * what the page is made of (archive_digest.c, by page kind; a kind it
 * does not know, and archive.json, by every record), and a page whose
 * digest has not changed and whose file still has the bytes the manifest
 * records is taken from the file instead.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

#include "archive_pages.h"
#include "build.h"
#include "fsutil.h"
#include "hash.h"
#include "par.h"
#include "pdf.h"
#include "text.h"
#include "witness.h"
#include "xalloc.h"

#define MANIFEST ".debrief-archive"
#define LOCKFILE ".debrief-archive.lock"
#define WITNESS ".debrief-archive.stat"
#define WITNESS_HEAD                                                                               \
	"# debrief archive stat 2: content-hash size dev inode mtime-ns ctime-ns name\n"
#define MANIFEST_HEAD                                                                              \
	"# debrief archive 2: files this command wrote here; source-hash content-hash size name\n"

struct entry {
	char *name;
	uint64_t src;  /* what the file came from: its own bytes, or a PDF's key */
	uint64_t hash; /* its bytes; 0 when unknown (announced, or an old manifest) */
	unsigned long long size;
};

struct manifest {
	struct entry *v;
	size_t n, cap;
	unsigned damaged; /* first line that does not parse, 0 when none */
};

static void
manifest_add(struct manifest *m, const char *name, uint64_t src, uint64_t hash,
             unsigned long long size)
{
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	m->v[m->n].name = xstrdup(name);
	m->v[m->n].src = src;
	m->v[m->n].hash = hash;
	m->v[m->n].size = size;
	m->n++;
}

static void
manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].name);
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

static int
cmp_entry(const void *x, const void *y)
{
	return strcmp(((const struct entry *)x)->name, ((const struct entry *)y)->name);
}

static struct entry *
manifest_find(const struct manifest *m, const char *name)
{
	struct entry key = {(char *)name, 0, 0, 0};
	return m->n ? bsearch(&key, m->v, m->n, sizeof *m->v, cmp_entry) : NULL;
}

/* Names the archive writes: lower-case ASCII, digits, '-', '.', '/', no
 * component empty or starting with '.'. */
static int
plausible_name(const char *s)
{
	if (!*s || strstr(s, "//") || s[strlen(s) - 1] == '/')
		return 0;
	for (const char *p = s; *p; p++) {
		if ((p == s || p[-1] == '/') && (*p == '.' || *p == '/'))
			return 0;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '.' || *p == '/'))
			return 0;
	}
	return 1;
}

/* One manifest line: "src hash size name" (version 2) or "hash size name"
 * (version 1, whose PDFs are then rendered again).  0 when damaged. */
static int
parse_line(const char *line, struct manifest *m)
{
	char name[512], rest[2];
	unsigned long long src, h, size;
	/* as this program writes it: "%016llx %016llx %llu %s", read without
	 * sscanf (a manifest has a line for every page); anything else as
	 * sscanf reads it */
	char *e1, *e2, *e3;
	src = text_ull(line, 16, &e1);
	h = e1 == line + 16 && *e1 == ' ' ? text_ull(e1 + 1, 16, &e2) : 0;
	if (e1 == line + 16 && *e1 == ' ' && e2 == e1 + 17 && *e2 == ' ') {
		size = text_ull(e2 + 1, 10, &e3);
		const char *nm = e3 + 1;
		size_t n = strcspn(nm, " \t\n\v\f\r");
		if (e3 > e2 + 1 && e3 - e2 <= 21 && *e3 == ' ' && n && !nm[n] &&
		    n < sizeof name - 1 && plausible_name(nm)) {
			manifest_add(m, nm, (uint64_t)src, (uint64_t)h, size);
			return 1;
		}
	}
	int v2 = sscanf(line, "%16llx %16llx %llu %511s %1s", &src, &h, &size, name, rest) == 4;
	if (!v2) {
		if (sscanf(line, "%16llx %llu %511s %1s", &src, &size, name, rest) != 3)
			return 0;
		h = strstr(name, ".pdf") ? 0 : src;
	}
	if (!plausible_name(name) || strlen(name) >= sizeof name - 1)
		return 0;
	manifest_add(m, name, (uint64_t)src, (uint64_t)h, size);
	return 1;
}

/* The previous run's manifest.  A line that does not parse makes the
 * manifest damaged: the lines that do still name files this command owns
 * (so obsolete ones are removed), but nothing is trusted to be current. */
static void
manifest_read(const char *dir, struct manifest *m)
{
	char *path = xasprintf("%s/%s", dir, MANIFEST), *data = NULL, *err = NULL;
	size_t len;
	if (!fs_read(path, (size_t)64 << 20, &data, &len, &err)) {
		free(err);
		free(path);
		return;
	}
	free(path);
	unsigned lineno = 0;
	if (memchr(data, '\0', len))
		m->damaged = 1;
	int cut = len && data[len - 1] != '\n'; /* a run stopped while writing it */
	for (char *line = data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (lineno == 1 ? strncmp(line, "# debrief archive ", 18)
		                : !parse_line(line, m) && !m->damaged)
			m->damaged = lineno;
	}
	if (cut && !m->damaged)
		m->damaged = lineno;
	free(data);
	if (m->n)
		qsort(m->v, m->n, sizeof *m->v, cmp_entry);
}

static int
manifest_write(const char *dir, struct manifest *m, char **err)
{
	if (m->n)
		qsort(m->v, m->n, sizeof *m->v, cmp_entry);
	struct buf b = BUF_INIT;
	buf_puts(&b, MANIFEST_HEAD);
	for (size_t i = 0; i < m->n; i++) {
		if (i && !strcmp(m->v[i].name, m->v[i - 1].name))
			continue;
		/* "%016llx %016llx %llu %s\n", a line for every page */
		buf_put_hex64(&b, m->v[i].src);
		buf_putc(&b, ' ');
		buf_put_hex64(&b, m->v[i].hash);
		buf_putc(&b, ' ');
		buf_put_ull(&b, m->v[i].size);
		buf_putc(&b, ' ');
		buf_puts(&b, m->v[i].name);
		buf_putc(&b, '\n');
	}
	int rc = fs_write_atomic(dir, MANIFEST, b.data, b.len, err);
	buf_free(&b);
	return rc;
}

/* ==== PDF ==== */

/* The PDF of a page: the same Markdown, laid out by pdf.c; links between
 * pages (x.md) become links between the PDFs (x.pdf). */
const int arc_pdf_available = 1;

static int
render_pdf(const char *md, size_t len, const char *title, const struct arc_write_opts *o,
           struct buf *out, struct strlist *warnings, char **err)
{
	struct pdf_opts po;
	memset(&po, 0, sizeof po);
	po.title = title;
	po.author = "debrief";
	po.subject = L(o->lang, "Hồ sơ lưu trữ các đoàn công tác", "Archive of delegation visits");
	po.md_links_to_pdf = 1;
	po.lang = o->lang;
	po.doc_lang = o->lang == LANG_EN ? "en" : "vi"; /* the pages are written in it */
	po.created = date_source_epoch();
	return pdf_from_markdown(md, len, &po, out, warnings, err);
}

/* What a PDF is made of: its Markdown (by the hash of its bytes, which
 * the manifest keeps, so that a kept page need not be read to know it),
 * its title and the options. */
static uint64_t
pdf_key(uint64_t md_hash, const char *title, const struct arc_write_opts *o)
{
	struct hash_ctx h;
	hash_init(&h);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char opts[256];
	snprintf(opts, sizeof opts, "%016llx\n%d\n%s\n", (unsigned long long)md_hash, (int)o->lang,
	         sde ? sde : "-");
	hash_update(&h, opts, strlen(opts));
	hash_update(&h, build_id(), HASH_LEN); /* the program that renders it */
	hash_update(&h, title, strlen(title));
	return hash_final64(&h);
}

/* 1 when DIR/NAME holds the size and content e records, its bytes then
 * appended to *out. */
static int
read_intact(const char *dir, const char *name, const struct entry *e, struct buf *out)
{
	char *path = xasprintf("%s/%s", dir, name), *data = NULL, *err = NULL;
	size_t len = 0;
	int same = fs_read(path, (size_t)e->size + 1, &data, &len, &err) && len == e->size &&
	           hash64(data, len) == e->hash;
	if (same)
		buf_put(out, data, len);
	free(data);
	free(err);
	free(path);
	return same;
}

/* The hash and size of a file, read in pieces; archive.json's by its
 * pieces (arc_json_hash). */
struct fhash {
	struct hash_ctx h;
	struct arc_json_hash jh;
	int json;
	unsigned long long size;
};

static void
fhash_piece(const void *p, size_t n, void *vctx)
{
	struct fhash *f = vctx;
	if (f->json)
		arc_json_hash_bytes(&f->jh, p, n);
	else
		hash_update(&f->h, p, n);
	f->size += n;
}

/* Whether dir/name still has the bytes e records, read in pieces: a PDF
 * or archive.json is never held whole to be checked. */
static int
on_disk(const char *dir, const char *name, const struct entry *e)
{
	char *path = xasprintf("%s/%s", dir, name), *err = NULL;
	struct fhash f;
	f.json = !strcmp(name, "archive.json");
	hash_init(&f.h);
	arc_json_hash_init(&f.jh);
	f.size = 0;
	int same = fs_read_pieces(path, fhash_piece, &f, &err) && f.size == e->size &&
	           (f.json ? arc_json_hash_final(&f.jh) : hash_final64(&f.h)) == e->hash;
	free(err);
	free(path);
	return same;
}

/* ==== what the files looked like when they were written ====
 *
 * DIR/.debrief-archive.stat (witness.h) keeps, for each file of the
 * manifest, the content hash it had and what lstat(2) said of it just
 * after the run put it in place.  A file of which lstat still says
 * exactly that is taken to still have that content, without reading it;
 * a line for content the manifest no longer records vouches for nothing. */

/* A manifest hash as a witness's sum. */
static void
sum_of(uint64_t h, unsigned char sum[HASH_LEN])
{
	memset(sum, 0, HASH_LEN);
	for (int i = 0; i < 8; i++)
		sum[i] = (unsigned char)(h >> (56 - 8 * i));
}

/* 1 when DIR/NAME is vouched for as still holding the bytes e records. */
static int
unchanged_since(const struct witness *s, const char *dir, const char *name, const struct entry *e)
{
	if (!e->hash || !s->n)
		return 0;
	char *path = xasprintf("%s/%s", dir, name);
	struct seen now;
	int ok = witness_stat(path, 0, &now);
	free(path);
	const struct seen *v = ok ? witness_vouch(s, name, &now) : NULL;
	unsigned char sum[HASH_LEN];
	sum_of(e->hash, sum);
	return v && v->size == e->size && !memcmp(v->sum, sum, HASH_LEN);
}

/* What every file of the manifest m looks like now, on disk (after the
 * last sync): written last, so that its own mtime is after every lstat.
 * Only a help to the next run: a failure is not one of the run. */
static void
witness_pages(const char *dir, const struct manifest *m)
{
	struct witness w = {NULL, 0, 0, 0};
	for (size_t i = 0; i < m->n; i++) {
		struct seen v;
		char *path = xasprintf("%s/%s", dir, m->v[i].name);
		int ok = m->v[i].hash && (!i || strcmp(m->v[i].name, m->v[i - 1].name)) &&
		         witness_stat(path, 0, &v) && v.size == m->v[i].size;
		free(path);
		unsigned char sum[HASH_LEN];
		sum_of(m->v[i].hash, sum);
		if (ok)
			witness_add(&w, m->v[i].name, &v, sum);
	}
	witness_write(&w, dir, WITNESS, WITNESS_HEAD);
	witness_free(&w);
}

/* ==== pages ==== */

enum page_kind { PAGE_INDEX, PAGE_TASKS, PAGE_PARTNER, PAGE_AGENCY, PAGE_VISITS, PAGE_OWNER };

struct wctx {
	const struct archive *a;
	const struct arc_write_opts *o;
	struct arc_write_stats *st;
	struct manifest old, now;
	struct witness seen;     /* the previous run's files, as lstat saw them */
	struct arc_digests *dig; /* NULL: every page is made */
};

static void
warn(struct arc_write_stats *st, char *m)
{
	strlist_push(&st->warnings, m);
	free(m);
}

static void
note(struct wctx *w, const char *name, int rc)
{
	if (rc == 1) {
		w->st->written++;
		strlist_push(&w->st->names, name);
	} else {
		w->st->unchanged++;
	}
}

/* The previous run's entry of name, when what it was made of (src) has
 * not changed: the file can be kept if it is intact. */
static const struct entry *
keepable(const struct wctx *w, const char *name, uint64_t src)
{
	const struct entry *e = w->old.damaged ? NULL : manifest_find(&w->old, name);
	return e && e->src == src && e->hash ? e : NULL;
}

/* Whether the file of e is intact: vouched for by what lstat says of it,
 * else read in pieces and hashed. */
static int
intact(const struct wctx *w, const char *name, const struct entry *e)
{
	return unchanged_since(&w->seen, w->o->dir, name, e) || on_disk(w->o->dir, name, e);
}

/* Write b as name, made of the inputs of digest (src), with content hash
 * h and size; kept: the file already has them, b may be empty. */
static int
put_file(struct wctx *w, const char *name, const struct buf *b, uint64_t src, uint64_t h,
         unsigned long long size, int kept, char **err)
{
	int rc = kept ? 2 : fs_write_batched(w->o->dir, name, b->data ? b->data : "", b->len, err);
	if (!rc)
		return 0;
	note(w, name, rc);
	manifest_add(&w->now, name, w->dig ? src : h, h, size);
	return 1;
}

/* archive.json, streamed to its file as it is made: with 20,000 records
 * it is some 60 MB, more than everything else the run holds. */
struct jsink {
	struct fs_stream *s;
	uint64_t hash; /* its content hash (arc_json_hash), once made */
	unsigned long long size;
	int failed;
	char *err; /* the first failure */
};

static void
json_out(struct buf *b, void *vctx)
{
	struct jsink *k = vctx;
	if (!k->failed) {
		k->size += b->len;
		k->failed = !fs_stream_write(k->s, b->data ? b->data : "", b->len, &k->err);
	}
	buf_reset(b);
}

/* Bytes of the previous archive.json, copied as they are. */
static void
json_copy(int fd, unsigned long long off, size_t len, void *vctx)
{
	struct jsink *k = vctx;
	if (!k->failed) {
		k->size += len;
		k->failed = !fs_stream_copy(k->s, fd, off, len, &k->err);
	}
}

/* archive.json from the start to its end: made, hashed, and on a thread
 * of its own also synced, so that the batch's sync finds it on disk. */
struct json_job {
	struct wctx *w;
	const struct diags *dq;
	const struct entry *old; /* the file in place, as the manifest has it */
	uint64_t jd;             /* its digest */
	struct arc_json_reuse ru;
	struct jsink k;
	const struct entry *kept; /* the file in place, kept as it is; else made */
	int aside;                /* made on a thread of its own, beside the pages */
};

static void *
json_make(void *vj)
{
	struct json_job *j = vj;
	/* where its objects are in the file in place, read here rather than
	 * on the thread the pages wait on */
	if (j->old && j->w->dig)
		j->ru.prev = arc_json_prev_open(j->w->o->dir, j->old->hash, j->old->size);
	struct buf b = BUF_INIT;
	j->k.hash = arc_json(&b, j->w->a, j->dq, j->w->o->lang, json_out, &j->k, &j->ru);
	json_out(&b, &j->k);
	buf_free(&b);
	if (j->aside && !j->k.failed)
		j->k.failed = !fs_stream_sync(j->k.s, &j->k.err);
	return NULL;
}

/* Open archive.json's file: aside, before the pages, or else in the
 * batch after them (nothing else of the batch is written while a stream
 * of it is open).  1, or 0 and *err (json_end then says 0). */
static int
json_open(struct json_job *j, char **err)
{
	const char *dir = j->w->o->dir, *name = "archive.json";
	j->k.s = j->aside ? fs_stream_aside(dir, name, err) : fs_stream_open(dir, name, err);
	/* the file in place is the manifest's: whether the new bytes are the
	 * same is told by their hash, not by reading it alongside */
	if (j->k.s && j->old)
		fs_stream_nocompare(j->k.s);
	return j->k.s != NULL;
}

/* Whether archive.json is made again, and (aside) its file opened: 1, or
 * 0 and *err (json_end still to be called).  It is made on a thread of its own (threads > 1) when
 * its bytes need not be compared with the file in place: the file is the one the manifest records
 * (told by the hash) or there is none. */
static int
json_begin(struct json_job *j, struct wctx *w, const struct diags *dq, int threads, char **err)
{
	const char *name = "archive.json";
	memset(j, 0, sizeof *j);
	j->w = w;
	j->dq = dq;
	j->jd = w->dig ? archive_digest_all(w->dig, name) : 0;
	/* the file the manifest records, when it is intact (checked in
	 * pieces rather than read whole) */
	const struct entry *e = w->dig && !w->old.damaged ? manifest_find(&w->old, name) : NULL;
	if (e && !(e->hash && intact(w, name, e)))
		e = NULL;
	if (e && e->src == j->jd) { /* made of the same records as last time */
		j->kept = e;
		return 1;
	}
	/* else made again, its records, partners, departments and agencies
	 * that have not changed copied from that file */
	j->ru = (struct arc_json_reuse){w->dig, NULL, NULL, 0, json_copy};
	j->old = e;
	if (w->dig)
		j->ru.now = arc_json_segs_new();
	struct stat st;
	char *path = xasprintf("%s/%s", w->o->dir, name);
	j->aside = threads > 1 && (e || (lstat(path, &st) != 0 && errno == ENOENT));
	free(path);
	return !j->aside || json_open(j, err);
}

/* archive.json made: into the batch, or dropped when its bytes are those
 * in place (ok 0: dropped whatever they are).  1, or 0 and *err. */
static int
json_end(struct json_job *j, int ok, char **err)
{
	struct wctx *w = j->w;
	const char *name = "archive.json";
	if (j->kept && ok) {
		note(w, name, 2);
		manifest_add(&w->now, name, j->jd, j->kept->hash, j->kept->size);
	}
	if (j->kept)
		return 1;
	struct jsink *k = &j->k;
	int rc = 0;
	if (!k->s)
		goto out; /* never opened: it could not be, or the pages failed first */
	uint64_t hash = k->hash;
	if (!ok || (j->old && !k->failed && hash == j->old->hash && k->size == j->old->size))
		rc = fs_stream_discard(k->s);
	else
		rc = fs_stream_close(k->s, err);
	if (!ok) {
		free(k->err);
		rc = 0;
		goto out;
	}
	if (k->failed) {
		*err = k->err;
		rc = 0;
	}
	if (!rc)
		goto out;
	note(w, name, rc);
	manifest_add(&w->now, name, w->dig ? j->jd : hash, hash, k->size);
	if (j->ru.now) {
		arc_json_segs_write(j->ru.now, w->o->dir, hash, k->size);
		w->st->json_objects = arc_json_segs_count(j->ru.now);
		w->st->json_copied = j->ru.reused;
	}
	rc = 1;
out:
	arc_json_prev_free(j->ru.prev);
	arc_json_prev_free(j->ru.now);
	return rc;
}

/* The title of a page, as its first heading says it (for the PDF's info). */
static char *
page_title(const struct archive *a, enum page_kind k, size_t i, enum lang lang)
{
	switch (k) {
	case PAGE_INDEX:
		return xstrdup(
		    L(lang, "Hồ sơ lưu trữ các đoàn công tác", "Archive of delegation visits"));
	case PAGE_TASKS:
		return xstrdup(L(lang, "Sổ theo dõi nhiệm vụ còn mở", "Open-task register"));
	case PAGE_PARTNER: return xstrdup(a->partners[i].name);
	case PAGE_AGENCY: return arc_agency_name(&a->agencies[i], lang);
	case PAGE_VISITS: {
		struct arc_part pt = arc_visit_page(a, i);
		return arc_visit_page_title(a, &pt, lang);
	}
	case PAGE_OWNER: {
		struct arc_part pt = arc_owner_page(a, i);
		return arc_owner_page_title(a, &pt, lang);
	}
	}
	return xstrdup("");
}

static char *
page_name(const struct archive *a, enum page_kind k, size_t i)
{
	switch (k) {
	case PAGE_INDEX: return xstrdup("index.md");
	case PAGE_TASKS: return xstrdup("tasks.md");
	case PAGE_PARTNER: return xasprintf("partners/%s.md", a->partners[i].slug);
	case PAGE_AGENCY: return xasprintf("agencies/%s.md", a->agencies[i].slug);
	case PAGE_VISITS: {
		struct arc_part pt = arc_visit_page(a, i);
		return arc_visit_page_name(a, &pt);
	}
	case PAGE_OWNER: {
		struct arc_part pt = arc_owner_page(a, i);
		return arc_owner_page_name(a, &pt);
	}
	}
	return xstrdup("");
}

/* One page of the run: made on any thread (page_work), written in page
 * order on the calling thread (page_commit). */
struct pjob {
	char *name;       /* owned; DIR-relative Markdown name */
	struct buf md;    /* the page */
	uint64_t digest;  /* what it is made of */
	int kept;         /* the file as the previous run wrote it is kept */
	int loaded;       /* md holds the page (a kept one need not) */
	uint64_t md_hash; /* the page's bytes */
	unsigned long long md_size;
	char *pdfname;            /* owned; NULL without PDFs */
	uint64_t key;             /* what its PDF depends on */
	const struct entry *keep; /* the PDF on disk is the one of key: keep it */
	int pdf_ok;               /* the PDF was rendered into pdf */
	struct buf pdf;
	char *pdf_err;       /* owned; why it could not be rendered */
	struct strlist warn; /* the PDF's warnings */
};

/* Laying out and serialising a PDF holds some 40 times its Markdown in
 * memory at its peak (a table's rows waiting for its column widths, the
 * display list, libharu's objects; the parse tree goes as it is laid
 * out): PDFs are rendered together only while their Markdown adds up to
 * this much (nearly three of the longest pages, a year of 1,000 visits: 260 KB), so
 * that the memory of a run with -j N does not grow with N times its
 * largest page. */
#define PDF_BUDGET ((size_t)768 << 10)

/* After a large page, what its PDF held goes back to the system: each
 * thread allocates from an arena of its own, and an arena keeps its
 * highest mark otherwise, so that two threads would hold two large
 * pages' worth of free memory for the rest of the run. */
static void
release_memory(size_t md_len)
{
#ifdef __GLIBC__
	if (md_len >= ((size_t)64 << 10))
		malloc_trim(0);
#else
	(void)md_len;
#endif
}

struct prun {
	struct wctx *w;
	struct pjob *jobs;
	struct par_budget *pdf_budget;
	int failed; /* a page could not be written: the rest are not */
	char **err; /* the first error */
};

/* The pages in order: index, register, partners, agencies, the visits of
 * each year, each department's open tasks (the last two in parts). */
static size_t
npages(const struct archive *a)
{
	return 2 + a->npartners + a->nagencies + arc_visit_pages(a) + arc_owner_pages(a);
}

static void
page_of(const struct archive *a, size_t j, enum page_kind *k, size_t *i)
{
	size_t first[] = {0,
	                  1,
	                  2,
	                  2 + a->npartners,
	                  2 + a->npartners + a->nagencies,
	                  2 + a->npartners + a->nagencies + arc_visit_pages(a)};
	int n = PAGE_OWNER;
	while (n > 0 && j < first[n])
		n--;
	*k = (enum page_kind)n;
	*i = j - first[n];
}

/* What page i of kind k is made of: a kind without a digest of its own
 * is made of every record. */
static uint64_t
page_digest(const struct arc_digests *d, const struct archive *a, enum page_kind k, size_t i,
            const char *name)
{
	if (!d)
		return 0;
	switch (k) {
	case PAGE_PARTNER: return archive_digest_partner(d, i);
	case PAGE_AGENCY: return archive_digest_agency(d, i);
	case PAGE_VISITS: { /* the page of a year lists its records (0: no usable date) */
		struct arc_part pt = arc_visit_page(a, i);
		return archive_digest_year(d, pt.list < a->nyears ? a->years[pt.list].year : 0,
		                           name);
	}
	case PAGE_OWNER: return archive_digest_owner(d, arc_owner_page(a, i).list, name);
	default: return archive_digest_all(d, name);
	}
}

/* Make page j (of kind k, number i) into p->md. */
static void
page_make(const struct archive *a, struct pjob *p, enum page_kind k, size_t i, enum lang lang)
{
	switch (k) {
	case PAGE_INDEX: arc_page_index(&p->md, a, lang); break;
	case PAGE_TASKS: arc_page_tasks(&p->md, a, lang); break;
	case PAGE_PARTNER: arc_page_partner(&p->md, a, i, lang); break;
	case PAGE_AGENCY: arc_page_agency(&p->md, a, i, lang); break;
	case PAGE_VISITS: {
		struct arc_part pt = arc_visit_page(a, i);
		arc_page_visits(&p->md, a, &pt, lang);
		break;
	}
	case PAGE_OWNER: {
		struct arc_part pt = arc_owner_page(a, i);
		arc_page_owner(&p->md, a, &pt, lang);
		break;
	}
	}
	p->kept = 0;
	p->loaded = 1;
	p->md_hash = hash64(p->md.data ? p->md.data : "", p->md.len);
	p->md_size = p->md.len;
}

static void
page_work(void *vrun, size_t j)
{
	struct prun *run = vrun;
	struct wctx *w = run->w;
	struct pjob *p = &run->jobs[j];
	const struct archive *a = w->a;
	const char *dir = w->o->dir;
	enum lang lang = w->o->lang;
	enum page_kind k;
	size_t i;
	page_of(a, j, &k, &i);
	p->name = page_name(a, k, i);
	p->digest = page_digest(w->dig, a, k, i, p->name);
	/* made of the same inputs as the page on disk, which is intact: kept,
	 * and read only when its PDF is to be rendered */
	const struct entry *me = w->o->md && w->dig ? keepable(w, p->name, p->digest) : NULL;
	if (me && unchanged_since(&w->seen, dir, p->name, me))
		p->kept = 1;
	else if (me && read_intact(dir, p->name, me, &p->md))
		p->kept = p->loaded = 1;
	if (p->kept) {
		p->md_hash = me->hash;
		p->md_size = me->size;
	} else {
		page_make(a, p, k, i, lang);
	}
	if (!w->o->pdf)
		return;
	p->pdfname = xasprintf("%.*s.pdf", (int)(strlen(p->name) - 3), p->name);
	char *title = page_title(a, k, i, lang);
	p->key = pdf_key(p->md_hash, title, w->o);
	const struct entry *e = keepable(w, p->pdfname, p->key);
	if (e && intact(w, p->pdfname, e))
		p->keep = e; /* same Markdown, same options, and the PDF on disk
		              * is the one rendered from them */
	else {
		if (!p->loaded && !read_intact(dir, p->name, me, &p->md)) {
			/* changed since lstat vouched for it: made again */
			buf_reset(&p->md);
			page_make(a, p, k, i, lang);
			p->key = pdf_key(p->md_hash, title, w->o);
		}
		size_t took = par_budget_take(run->pdf_budget, p->md.len);
		p->pdf_ok = render_pdf(p->md.data ? p->md.data : "", p->md.len, title, w->o,
		                       &p->pdf, &p->warn, &p->pdf_err);
		par_budget_give(run->pdf_budget, took);
		release_memory(p->md.len);
	}
	free(title);
}

static int
page_put_pdf(struct wctx *w, struct pjob *p, char **err)
{
	if (p->keep) {
		w->st->unchanged++;
		manifest_add(&w->now, p->pdfname, p->key, p->keep->hash, p->keep->size);
		return 1;
	}
	for (size_t i = 0; i < p->warn.n; i++) {
		char *m = xasprintf("%s: %s", p->pdfname, p->warn.v[i]);
		strlist_push(&w->st->warnings, m);
		free(m);
	}
	if (!p->pdf_ok) {
		*err = p->pdf_err;
		p->pdf_err = NULL;
		return 0;
	}
	int wr = fs_write_batched(w->o->dir, p->pdfname, p->pdf.data ? p->pdf.data : "", p->pdf.len,
	                          err);
	if (!wr)
		return 0;
	note(w, p->pdfname, wr);
	manifest_add(&w->now, p->pdfname, p->key,
	             hash64(p->pdf.data ? p->pdf.data : "", p->pdf.len), p->pdf.len);
	return 1;
}

static void
page_commit(void *vrun, size_t j)
{
	struct prun *run = vrun;
	struct wctx *w = run->w;
	struct pjob *p = &run->jobs[j];
	if (!run->failed) {
		int ok = 1;
		if (w->o->md)
			ok = put_file(w, p->name, &p->md, p->digest, p->md_hash, p->md_size,
			              p->kept, run->err);
		if (ok && w->o->pdf)
			ok = page_put_pdf(w, p, run->err);
		run->failed = !ok;
	}
	free(p->name);
	buf_free(&p->md);
	free(p->pdfname);
	buf_free(&p->pdf);
	free(p->pdf_err);
	strlist_free(&p->warn);
	memset(p, 0, sizeof *p);
}

/* Put the pages written so far in place, on disk: before the manifest
 * says so or anything is removed.  err NULL: a failure is already being
 * reported. */
static int
flush(char **err)
{
	char *e = NULL;
	int ok = fs_sync_batch(&e);
	if (!ok && err)
		*err = e;
	else
		free(e);
	return ok;
}

/* Every name this run writes, recorded in the manifest before any of them
 * is written: an interrupted run leaves no file the next run would not
 * know it owns. */
static int
announce(struct wctx *w, char **err)
{
	const struct archive *a = w->a;
	struct manifest m = {0};
	for (size_t i = 0; i < w->old.n; i++)
		manifest_add(&m, w->old.v[i].name, w->old.v[i].src, w->old.v[i].hash,
		             w->old.v[i].size);
	size_t n = npages(a);
	for (size_t j = 0; j < n; j++) {
		enum page_kind k;
		size_t i;
		page_of(a, j, &k, &i);
		char *name = page_name(a, k, i);
		for (int f = 0; f < 2; f++) {
			if (!(f ? w->o->pdf : w->o->md))
				continue;
			char *fname = f ? xasprintf("%.*s.pdf", (int)(strlen(name) - 3), name)
			                : xstrdup(name);
			if (!manifest_find(&w->old, fname))
				manifest_add(&m, fname, 0, 0, 0);
			free(fname);
		}
		free(name);
	}
	if (!manifest_find(&w->old, "archive.json"))
		manifest_add(&m, "archive.json", 0, 0, 0);
	int rc = manifest_write(w->o->dir, &m, err);
	manifest_free(&m);
	return rc;
}

int
arc_write(const struct archive *a, const struct diags *dq, const struct arc_write_opts *o,
          struct arc_write_stats *st, char **err)
{
	struct wctx w = {a, o, st, {0}, {0}, {0}, NULL};
	int rc = 0, lock = -1;
	if (!fs_mkdirs(o->dir, err))
		goto out;
	if ((lock = fs_lock(o->dir, LOCKFILE, 0, err)) == -2) {
		fprintf(stderr, "debrief archive: %s\n",
		        L(o->lang, "một lần chạy khác đang ghi vào thư mục này; đang chờ…",
		          "another run is writing to this directory; waiting…"));
		lock = fs_lock(o->dir, LOCKFILE, 1, err);
	}
	if (lock < 0)
		goto out;
	size_t swept = fs_sweep_temps(o->dir, NULL, 1, 0); /* the lock is ours */
	if (swept)
		warn(st, xasprintf(L(o->lang, "đã xóa %zu tệp tạm của một lần chạy bị ngắt",
		                     "removed %zu temporary files left by an interrupted run"),
		                   swept));
	manifest_read(o->dir, &w.old);
	witness_read(&w.seen, o->dir, WITNESS, WITNESS_HEAD);
	if (w.old.damaged)
		warn(st,
		     xasprintf(L(o->lang, "%s/%s: dòng %u bị hỏng; lập lại hồ sơ lưu trữ từ đầu",
		                 "%s/%s: line %u is damaged; the archive is rebuilt"),
		               o->dir, MANIFEST, w.old.damaged));
	if (!announce(&w, err))
		goto out;
	/* the records' summaries for the next run, under the archive's lock and
	 * before the pages, so that their memory is given back first; without
	 * them the next run only parses every record again */
	char *cerr = NULL;
	if (o->cache && !arc_cache_write(o->cache, o->dir, &cerr))
		warn(st, cerr);
	else
		free(cerr);
	if (o->run)
		w.dig = archive_digests(a, o->run, o->jobs);
	size_t np = npages(a);
	/* archive.json is made beside the pages, on a thread of its own when
	 * there are threads: it is made of every record, the pages of some */
	struct json_job jj;
	if (!json_begin(&jj, &w, dq, o->jobs, err)) {
		json_end(&jj, 0, NULL);
		goto out;
	}
	pthread_t jt;
	int threaded = !jj.kept && jj.aside && pthread_create(&jt, NULL, json_make, &jj) == 0;
	struct prun run = {&w, xcalloc(np, sizeof *run.jobs), par_budget_new(PDF_BUDGET), 0, err};
	par_run(np, o->jobs, par_ahead(o->jobs, PAR_AHEAD_LARGE), &run, page_work, page_commit);
	par_budget_free(run.pdf_budget);
	free(run.jobs);
	if (threaded)
		pthread_join(jt, NULL);
	else if (!jj.kept && !run.failed && (jj.k.s || json_open(&jj, err)))
		json_make(&jj); /* here: with -j 1, or compared with the file in place */
	if (!json_end(&jj, !run.failed, err) || run.failed) {
		flush(NULL);
		goto out;
	}
	if (!flush(err))
		goto out;
	/* what a previous run wrote and this one did not: gone from the archive */
	if (w.now.n)
		qsort(w.now.v, w.now.n, sizeof *w.now.v, cmp_entry);
	for (size_t i = 0; i < w.old.n; i++) {
		if (manifest_find(&w.now, w.old.v[i].name))
			continue;
		int r = fs_remove(o->dir, w.old.v[i].name, err);
		if (!r)
			goto out;
		if (r == 1) {
			st->removed++;
			char *m = xasprintf("-%s", w.old.v[i].name);
			strlist_push(&st->names, m);
			free(m);
		}
	}
	if (!manifest_write(o->dir, &w.now, err))
		goto out;
	witness_pages(o->dir, &w.now);
	rc = 1;
out:
	if (lock >= 0)
		close(lock); /* lets the next run in */
	manifest_free(&w.old);
	manifest_free(&w.now);
	witness_free(&w.seen);
	archive_digests_free(w.dig);
	return rc;
}
