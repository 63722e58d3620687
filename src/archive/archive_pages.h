/*
 * archive_pages.h: the archive's pages as Markdown (archive_pages.c), its
 * JSON (archive_json.c), and writing them all into the output directory,
 * incrementally (archive_write.c).
 */
#ifndef ARCHIVE_PAGES_H
#define ARCHIVE_PAGES_H

#include "archive.h"
#include "archive_cache.h"
#include "buf.h"
#include "hash.h"
#include "strlist.h"

/* A task's status as the pages write it ("đang thực hiện", "in progress"). */
const char *arc_task_status_word(enum task_status s, enum lang lang);

/* Country name of an ISO code in the language; the code when unknown. */
const char *arc_country_name(const char *code, enum lang lang);

/* Contacts merged by folded name and organisation: the first "since"
 * known; name, title and details as the newest record that gives each. */
struct arc_cgroup {
	const struct arc_contact *c; /* newest */
	const char *title, *org, *email, *phone;
	const char *notes;  /* the newest record's that says something of the person */
	struct odate since; /* earliest */
	size_t first_rec, last_rec;
	long partner; /* partner side: its partner; -1 several or unknown */
};
/* Sorts v[n] and fills g (room for n); returns the number of groups. */
size_t arc_group_contacts(const struct archive *a, const struct arc_contact **v, size_t n,
                          struct arc_cgroup *g);
/* The agreements of partner k's dossier (those of its records naming it
 * or no partner in particular), in the order of its records: the one after
 * *i, *g (both 0 to begin), or NULL after the last. */
const struct arc_agreement *arc_next_agreement(const struct archive *a, size_t k, size_t *i,
                                               size_t *g);
/* The contacts of one side in some records (of partner p's, when p >= 0:
 * those naming it or no partner in particular).  *out is the caller's to
 * free (also when none); returns how many. */
size_t arc_gather_contacts(const struct archive *a, const size_t *recs, size_t nrecs,
                           enum side side, long p, const struct arc_contact ***out);
/* Agency g's contacts of one side, as arc_gather_contacts gives them: its
 * staff from its records; on the partner side, those of its area's
 * partners too, whichever record names them. */
size_t arc_agency_contacts(const struct archive *a, size_t g, enum side side,
                           const struct arc_contact ***out);

/* An agency's name in the pages' language when it is one of Viet Nam's
 * embassies or consulates, as reports name it: "Consulate General of Viet
 * Nam in Fukuoka" on a Vietnamese page is "Tổng Lãnh sự quán Việt Nam tại
 * Fukuoka"; any other as the archive holds it.  Caller frees. */
char *arc_agency_name(const struct arc_agency *ag, enum lang lang);
/* What stands for the owner of tasks given to no specific department
 * (a vague owner, "TBD"): the register's and debrief tasks' group. */
const char *arc_no_department(enum lang lang);

/* Each appends one page's Markdown to b. */
void arc_page_index(struct buf *b, const struct archive *a, enum lang lang);
void arc_page_tasks(struct buf *b, const struct archive *a, enum lang lang);
/* A long list is cut into pages of ARC_PART_ROWS rows, so that no page,
 * and no PDF, grows with the collection: the visits of a year
 * (visits/<year>.md, visits/undated.md for unusable dates) and the open
 * tasks of a department (tasks/<slug>.md), part 2 on being
 * visits/<year>.2.md.  list: the year (index in a->years; a->nyears for
 * the undated records) or the department (index in a->owners). */
enum { ARC_PART_ROWS = 1000 };
struct arc_part {
	size_t list, part, nparts; /* part is 0-based */
};
size_t arc_nparts(size_t rows);
/* How many pages, page i of them, its name and title (caller frees). */
size_t arc_visit_pages(const struct archive *a);
struct arc_part arc_visit_page(const struct archive *a, size_t i);
char *arc_visit_page_name(const struct archive *a, const struct arc_part *pt);
char *arc_visit_page_title(const struct archive *a, const struct arc_part *pt, enum lang lang);
void arc_page_visits(struct buf *b, const struct archive *a, const struct arc_part *pt,
                     enum lang lang);
size_t arc_owner_pages(const struct archive *a);
struct arc_part arc_owner_page(const struct archive *a, size_t i);
char *arc_owner_page_name(const struct archive *a, const struct arc_part *pt);
char *arc_owner_page_title(const struct archive *a, const struct arc_part *pt, enum lang lang);
void arc_page_owner(struct buf *b, const struct archive *a, const struct arc_part *pt,
                    enum lang lang);
void arc_page_partner(struct buf *b, const struct archive *a, size_t p, enum lang lang);
void arc_page_agency(struct buf *b, const struct archive *a, size_t g, enum lang lang);

/* The objects of archive.json that can be taken from the previous file
 * as they are: a record, a partner, a department, an agency. */
enum jseg { JSEG_RECORD, JSEG_PARTNER, JSEG_OWNER, JSEG_AGENCY };

/* Where each object of an archive.json is, by its digest. */
struct arc_json_prev;
/* Those of DIR/archive.json, when DIR/.debrief-archive.segments was
 * written for the file of content hash and size (which the caller has
 * checked is the one on disk); NULL otherwise. */
struct arc_json_prev *arc_json_prev_open(const char *dir, uint64_t hash, unsigned long long size);
/* An empty one, for arc_json_reuse.now; how many objects one holds. */
struct arc_json_prev *arc_json_segs_new(void);
size_t arc_json_segs_count(const struct arc_json_prev *s);
/* Write now as DIR/.debrief-archive.segments, for the archive.json of
 * content hash and size just put in place; 0 on failure (only a help to
 * the next run). */
int arc_json_segs_write(const struct arc_json_prev *now, const char *dir, uint64_t hash,
                        unsigned long long size);
void arc_json_prev_free(struct arc_json_prev *s);

struct arc_json_reuse {
	const struct arc_digests *dig; /* what each object is made of */
	struct arc_json_prev *prev;    /* the previous file's objects; NULL: none */
	struct arc_json_prev *now;     /* filled with this file's; NULL: not kept */
	size_t reused;                 /* objects taken from prev */
	/* with flush: appends the len bytes of the previous file (fd) at off
	 * to what flush was given, so that they need not be read; NULL: the
	 * objects taken are read and handed to flush as the rest is */
	void (*copy)(int fd, unsigned long long off, size_t len, void *ctx);
};

/* The content hash of archive.json that the manifest records: not of its
 * bytes in one piece, but of its pieces, each object of its top-level
 * lists (from a line of four spaces and "{" to the next line of four
 * spaces and "}") and each run of bytes between them, by the hash and
 * length of each in turn, so that a re-run that copies most objects from
 * the previous file hashes only what it makes.  Fed the file's bytes in
 * order, in any slices. */
struct arc_json_hash {
	struct hash_ctx all, piece;
	unsigned long long plen; /* bytes of the piece so far */
	int ls;                  /* spaces since a line feed; -1: not at a line's start */
	int inside;              /* in an object */
	uint64_t last;           /* the hash of the last piece ended */
	uint64_t sep;            /* that of ",\n" and four spaces, once known; 0 before */
};
void arc_json_hash_init(struct arc_json_hash *h);
void arc_json_hash_bytes(struct arc_json_hash *h, const void *p, size_t n);
uint64_t arc_json_hash_final(struct arc_json_hash *h);

/* archive.json: the same data, keys in a fixed order; dq: the archive-*
 * findings (already final).  With flush, what b holds is handed to it
 * whenever it passes 64 KiB (flush empties b), so the document is never
 * whole in memory; the end is left in b.  With ru (and its digests), an
 * object whose digest is found in ru->prev is copied from there rather
 * than made: the bytes are the same.  Returns the content hash of the
 * whole document (arc_json_hash), the end left in b included. */
uint64_t arc_json(struct buf *b, const struct archive *a, const struct diags *dq, enum lang lang,
                  void (*flush)(struct buf *b, void *ctx), void *ctx, struct arc_json_reuse *ru);

struct arc_write_opts {
	const char *dir; /* -o DIR */
	enum lang lang;
	int md, pdf; /* --format */
	int jobs;    /* -j: pages made on this many threads */
	/* the program, the options and the configuration (archive_digest.c);
	 * NULL: every page is made */
	const unsigned char *run;
	struct arc_cache *cache; /* written beside the manifest; NULL: none */
};

struct arc_write_stats {
	size_t written, unchanged, removed;
	struct strlist names;    /* files written (DIR-relative), in write order */
	struct strlist warnings; /* from the PDF stage, "NAME.pdf: message" */
	/* archive.json, when made: its objects, and those copied from the
	 * previous file */
	size_t json_objects, json_copied;
};

/* Write every page (and its PDF), archive.json and the manifest into dir;
 * files whose bytes would not change are left alone, and files a previous
 * run wrote that this run no longer produces are removed.  0 and *err on
 * failure (the files already written stay). */
int arc_write(const struct archive *a, const struct diags *dq, const struct arc_write_opts *o,
              struct arc_write_stats *st, char **err);

#endif
