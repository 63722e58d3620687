/*
 * archive.h: a collection of records reduced to what the archive pages,
 * archive.json and the archive-* rules need.  A record is summarised when
 * it is added and can be freed at once, so memory grows with the summary
 * (a few hundred bytes a record), never with the records themselves.
 * Partners, localities, agencies and task owners are merged across records
 * here, in one place, so every output agrees on who is who.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "diag.h"
#include "hash.h"
#include "record.h"
#include "rules.h"

/* An optional date. */
struct odate {
	struct date d; /* d.d == 0: month precision */
	int set;
};

/* One record. */
struct arc_rec {
	const char *id, *file, *title;
	enum direction dir;
	enum status status;      /* planned or completed (as the schema derived it) */
	struct date start, end;  /* end == start when the record has none; y == 0: unusable dates */
	size_t loc;              /* index in a->locs */
	const char *loc_written; /* locality.name as written */
	const char *loc_used;    /* name used when it differs from the unit's, else NULL */
	size_t occ0, nocc;       /* its partners: range in a->occs */
	long agency;             /* index in a->agencies, -1 when none */
	size_t agr0, nagr;       /* range in a->agrs */
	size_t task0, ntask;     /* open tasks: range in a->tasks */
	size_t con0, ncon;       /* contacts: range in a->cons */
	const char *handover;    /* NULL when none */
	const char *report_number;
	/* the partner's return visit, which the record says took place
	 * (follow_up.reciprocal_visit done): when, y == 0 when it says not;
	 * recip_undated when it took place on a date the record leaves out */
	struct date recip;
	int recip_undated;
	struct mark mark;            /* the record's id (findings about it) */
	unsigned char key[HASH_LEN]; /* what it is made of (archive_cache.h); set by the caller */
};

/* A Vietnamese locality: a current unit, or a name the table does not know. */
struct arc_loc {
	const char *key;  /* province key of the unit, or of the name */
	const char *name; /* the current unit's name, or the name as written */
	int unit;         /* index in province_units, -1 when not a known unit */
	long name_rec;    /* record that gave the name (unknown units), -1 */
	size_t nrecs;
};

/* One partner as one record names it; occurrences of the same partner
 * (same country and folded name, or same id) are merged in archive_finish. */
struct arc_occ {
	size_t rec;
	size_t partner; /* index in a->partners, set by archive_finish */
	const char *name, *local_name, *country, *id;
	enum partner_kind kind;
	enum stage stage; /* STAGE_NONE when the record states none */
	struct odate since;
	enum response response; /* RESP_DECLINED: approached for this visit, it declined */
	long alt; /* occurrence (same record) of the partner it was approached instead of, -1 */
	int has_profile;
	const char *strengths, *priorities; /* joined with "; ", NULL when none */
	struct odate updated;
	const char *needs;
	struct mark mark;
	size_t uf; /* union-find parent while merging */
};

/* One stage a record states for a partner (the relationship over time). */
struct arc_stage {
	size_t rec;
	enum stage stage;
	struct odate since;
};

struct arc_partner {
	const char *country; /* upper-case ISO code */
	const char *name, *local_name, *id;
	enum partner_kind kind;
	const char *slug; /* file name without ".md": "jp-nagasaki", unique */
	size_t *recs;     /* records naming it, by date */
	size_t nrecs;
	struct arc_stage *stages; /* by record date */
	size_t nstages;
	enum stage stage;         /* current: the highest of each locality's latest stage */
	struct odate stage_since; /* of that stage */
	long profile_occ;         /* occurrence with the newest profile, -1 */
	long needs_occ;           /* newest occurrence with needs, -1 */
	long last_visit;          /* record of the last completed visit, -1 */
	size_t nvisits;           /* completed visits of its records, declined ones aside */
	size_t nplanned;          /* planned visits of its records, declined ones aside */
	size_t ndeclined;         /* records of a visit it declined */
	long latest_occ;          /* occurrence in the newest record (findings point there) */
	size_t nopen, noverdue;   /* open tasks involving it */
	int cold;                 /* archive-cold-partner fired */
	size_t nlocs, ncoop;      /* localities in contact; of them at mou/sister */
};

struct arc_agreement {
	size_t rec;
	long occ; /* the partner it names among the record's, -1: all of them */
	enum agreement_kind kind;
	const char *title, *parties;
	struct odate signed_on;
};

struct arc_task {
	size_t rec;
	long occ; /* the partner involved, -1 when none */
	/* indices in a->owners: the department of each body the owner names,
	 * in its order ("Sở Nội vụ, Sở Y tế": two, as the report goes to
	 * each), or the one entry of the vague owners; owner_body: each body
	 * as written */
	size_t *owner;
	const char *const *owner_body;
	size_t nowner;
	const char *id, *text, *owner_written, *support;
	struct odate due;
	enum task_status status;
	int status_unknown; /* the record's status was rejected: neither open nor done */
	struct odate upd;   /* latest update */
	const char *upd_note;
	int overdue;  /* set by archive_finish against today */
	size_t order; /* rank among all open tasks: overdue first, then by due date */
	struct mark mark;
};

/* A department is one locality's: "Sở Công Thương" of An Giang is not that
 * of Tây Ninh.  Vague owners ("TBD", "các sở, ngành liên quan") and missing
 * ones are no department: they share one entry with vague set. */
struct arc_owner {
	const char *key;  /* locality key and folded canonical name */
	const char *name; /* alias target, else the spelling used most often, with
	                   * its locality's name when it does not say it */
	const char *dept; /* that name alone, as a list under the locality shows it */
	/* name and dept in English when debrief knows the department's English
	 * name ("Sở Công Thương" → "Department of Industry and Trade"), else
	 * name and dept */
	const char *name_en, *dept_en;
	const char *slug;       /* its register page tasks/<slug>.md: "so-cong-thuong-an-giang" */
	const char **spellings; /* distinct spellings as written */
	size_t *spelling_n;
	size_t nspellings;
	size_t *tasks; /* register order */
	size_t ntasks;
	size_t noverdue, nvisits_overdue;
	long loc;    /* its locality (index in locs), -1 when vague */
	int vague;   /* not a department: no specific owner */
	int flagged; /* archive-open-tasks fired */
};

struct arc_contact {
	size_t rec;
	long occ; /* partner side: its partner, -1 for every partner of the record */
	enum side side;
	const char *key; /* folded name and organisation */
	const char *name, *title, *org, *email, *phone;
	const char *notes; /* what the record says of the person, NULL when nothing */
	struct odate since;
	size_t rank; /* its place among all contacts by key, its record's date and id
	              * (archive_finish): the order contacts are grouped in */
};

struct arc_agency {
	const char *key, *name, *slug; /* key: the same in Vietnamese and English */
	const char *fold;              /* the name folded: the agencies' order */
	enum agency_kind kind;
	long name_rec; /* record that gave the name */
	size_t *recs;  /* by date */
	size_t nrecs;
};

/* The statistics the source texts quote, computed from the records. */
struct arc_country {
	const char *country;
	size_t locs, partners;           /* localities / partner localities in contact */
	size_t coop_locs, coop_partners; /* ... whose relationship is at mou or sister */
	size_t visits; /* completed visits with a partner of the country that did not decline */
};

struct arc_year {
	int year;
	size_t outbound, inbound, planned;
	size_t undirected; /* completed, whose direction the record got wrong */
};

/* A file that gave the archive no record (not a record, no id, an id
 * another file has, not readable): its name and why, as the first error
 * about it says, so that the pages name it rather than leave it out
 * silently. */
struct arc_left {
	const char *file, *rule, *msg; /* rule: NULL when none (not readable) */
	struct mark mark;              /* 0:0 when about the whole file */
};

struct archive {
	struct arena *arena; /* every string below */
	struct date today;
	const struct config *cfg;
	struct arc_rec *recs;
	size_t nrecs, caprecs;
	struct arc_loc *locs;
	size_t nlocs, caplocs;
	struct arc_occ *occs;
	size_t nocc, capocc;
	struct arc_partner *partners; /* by country, then folded name */
	size_t npartners;
	struct arc_agreement *agrs;
	size_t nagr, capagr;
	struct arc_task *tasks;
	size_t ntasks, captasks;
	struct arc_owner *owners; /* register order: most overdue first */
	size_t nowners, capowners;
	struct arc_contact *cons;
	size_t ncons, capcons;
	struct arc_agency *agencies; /* by name */
	size_t nagencies, capagencies;
	/* set by archive_finish */
	size_t *by_date; /* record indices, oldest first */
	struct arc_country *countries;
	size_t ncountries;
	struct arc_year *years;
	size_t nyears;
	size_t agr_by_kind[5]; /* indexed by enum agreement_kind; [0]: no kind */
	size_t nopen, noverdue;
	struct arc_left *left; /* by file name (archive_finish) */
	size_t nleft, capleft;
	void *maps; /* lookup tables while adding */
	/* Set by a caller whose records' file names outlive the archive:
	 * they are kept by reference, not copied. */
	int files_kept;
};

/* cfg (owner aliases, cold_years) must outlive the archive. */
struct archive *archive_new(struct date today, const struct config *cfg);
/* Summarise r (which the caller may free right after).  Returns 0 when a
 * record with the same id is already in (nothing added). */
int archive_add(struct archive *a, const struct record *r);
/* Name file among those that gave no record: rule and msg say why (rule
 * NULL when the file could not be read), at m. */
void archive_left_out(struct archive *a, const char *file, struct mark m, const char *rule,
                      const char *msg);
/* The file of the record added with id, NULL when none; only until
 * archive_finish. */
const char *archive_file_of_id(const struct archive *a, const char *id);
/* Merge partners, sort everything, compute overdue tasks and statistics;
 * on up to jobs threads. */
void archive_finish(struct archive *a, int jobs);
void archive_free(struct archive *a);

/* Steps of archive_finish (archive_stats.c): pair stages, each partner's
 * current stage and the country statistics; years and agreements. */
void archive_finish_pairs(struct archive *a);
void archive_finish_stats(struct archive *a);
/* A locality as the pages name it: a current unit as province_shown
 * names it ("TP. Hồ Chí Minh"), another name as written. */
const char *arc_loc_shown(const struct arc_loc *l, enum lang lang);
/* Record order: start date, end date, id (<0, 0, >0). */
int archive_rec_cmp(const struct archive *a, size_t x, size_t y);
/* qsort order of size_t values, smallest first. */
int archive_cmp_size(const void *x, const void *y);

/* 1 when the task is attributed to partner p (its own partner, or the
 * only partner of its record). */
int archive_task_involves(const struct archive *a, const struct arc_task *t, size_t p);
/* 1 when record rec names partner p. */
int archive_rec_has_partner(const struct archive *a, size_t rec, size_t p);
/* 1 when record rec names partner p and p did not decline that visit
 * (response: declined): a visit with it, done or planned. */
int archive_rec_visits_partner(const struct archive *a, size_t rec, size_t p);
/* The latest visit with partner k either way, as archive-cold-partner
 * counts it: its last completed visit, or a later return visit a record
 * says took place (*ret: that record, else -1); y == 0 when none. */
struct date archive_partner_last(const struct archive *a, size_t k, long *ret);

/* The area of agency g: *area[npartners] marks the partners of its
 * records, *recs (returned: how many) its records and every record of
 * those partners, in that order.  Caller frees both. */
size_t archive_agency_area(const struct archive *a, size_t g, unsigned char **area, size_t **recs);

/* Digests of what a page is made of (archive_digest.c), for skipping a
 * page whose inputs did not change.  archive_digests hashes, once, what
 * many pages share, on up to jobs threads; run: the program, the options
 * and the configuration.
 * _all: of every record (a page that shows them all, or any page not
 * known better; what names the page); _partner and _agency: of that
 * partner's or agency's records and what the collection made of them;
 * _year: of the records of one year (0: of unknown date), the pages of
 * visits; _owner: of one department as the register counts it and its
 * open tasks' records, its pages of tasks; _record: of one record and
 * what the collection made of it, its object in archive.json;
 * _agency_json: of what an agency's object in archive.json lists (its
 * records, partners and the contacts of its records and of its partners'
 * records), not the open tasks and standing its dossier shows.  what names
 * the page.  Only after archive_finish and the archive-* rules; read-only after. */
struct arc_digests;
struct arc_digests *archive_digests(const struct archive *a, const unsigned char run[HASH_LEN],
                                    int jobs);
uint64_t archive_digest_all(const struct arc_digests *d, const char *what);
uint64_t archive_digest_partner(const struct arc_digests *d, size_t p);
uint64_t archive_digest_agency(const struct arc_digests *d, size_t g);
uint64_t archive_digest_agency_json(const struct arc_digests *d, size_t g);
uint64_t archive_digest_record(const struct arc_digests *d, size_t ri);
uint64_t archive_digest_year(const struct arc_digests *d, int year, const char *what);
uint64_t archive_digest_owner(const struct arc_digests *d, size_t o, const char *what);
void archive_digests_free(struct arc_digests *d);

/* The archive-* rules (rules_archive.c): findings in dq, flags on the
 * partners and owners they are about.  rules_collection runs the same
 * over full records (rules_archive in rules_int.h). */
void rules_archive_run(struct archive *a, const struct check_ctx *ctx, struct diags *dq);

#endif
