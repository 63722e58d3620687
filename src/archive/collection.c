/*
 * collection.c: the run-wide collection: what the rules across a run keep
 * of each record (the archive's summary for the archive-* rules, whose
 * ids also tell schema-duplicate-id which record came first), and those
 * rules once every record is in.
 * check and archive feed it the same way.
 */
#include "collection.h"

#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "xalloc.h"

/* A record whose id an earlier record of the run already has
 * (schema-duplicate-id).  The archive keeps every first id and its file,
 * so only the repeats are kept here. */
struct dup_id {
	char *id, *file;   /* owned */
	const char *first; /* the earlier record's file, in the archive */
	struct mark mark;  /* of the id, 1:1 when unknown */
	size_t pos;        /* order of arrival */
};

struct collection {
	const struct check_ctx *ctx;
	struct archive *archive; /* owned */
	struct dup_id *dups;     /* owned */
	size_t ndups, cap;
};

struct collection *
collection_new(const struct check_ctx *ctx)
{
	struct collection *c = xcalloc(1, sizeof *c);
	c->ctx = ctx;
	c->archive = archive_new(ctx->today, ctx->cfg);
	c->archive->files_kept = 1; /* collection.h */
	return c;
}

/* The record as the archive-* rules see it: their partners, tasks and
 * visits, without what only the archive's pages show (title, agency,
 * report, handover, contacts, agreements, profiles, needs, tasks'
 * wording, supporting bodies and updates), which the
 * archive model would otherwise copy and index for every record of the
 * run.  Shallow: it borrows r's strings.  Returns what archive_add does. */
static int
collection_add_lean(struct archive *a, const struct record *r)
{
	struct record lean = *r;
	lean.title.s = NULL;
	lean.handover.s = NULL;
	lean.has_report = 0;
	lean.has_agency = 0;
	lean.contacts = NULL;
	lean.ncontacts = 0;
	lean.agreements = NULL;
	lean.nagreements = 0;
	lean.agency_staff = NULL;
	lean.nagency_staff = 0;
	struct partner *pv = xcalloc(r->npartners ? r->npartners : 1, sizeof *pv);
	for (size_t k = 0; k < r->npartners; k++) {
		pv[k] = r->partners[k];
		pv[k].strengths = pv[k].priorities = pv[k].needs = (struct texts){0};
		pv[k].has_profile = 0; /* the local name stays: it tells partners apart */
		/* the partner it was approached instead of, by address too */
		if (r->partners[k].alternative)
			pv[k].alternative = pv + (r->partners[k].alternative - r->partners);
	}
	struct task *tv = xcalloc(r->ntasks ? r->ntasks : 1, sizeof *tv);
	for (size_t k = 0; k < r->ntasks; k++) {
		tv[k] = r->tasks[k];
		tv[k].task.s = NULL;
		tv[k].support = (struct texts){0};
		tv[k].updates = NULL;
		tv[k].nupdates = 0;
		/* a task names its partner by address in the partner list */
		if (r->tasks[k].partner)
			tv[k].partner = pv + (r->tasks[k].partner - r->partners);
	}
	lean.partners = pv;
	lean.tasks = tv;
	int added = archive_add(a, &lean);
	free(pv);
	free(tv);
	return added;
}

void
collection_add(struct collection *c, const struct record *r)
{
	if (!r)
		return;
	if (collection_add_lean(c->archive, r) || !r->id.s)
		return;
	/* turned away: its id is taken */
	const char *first = archive_file_of_id(c->archive, r->id.s);
	c->dups = xgrow(c->dups, &c->cap, c->ndups + 1, sizeof *c->dups);
	struct dup_id *d = &c->dups[c->ndups];
	d->id = xstrdup(r->id.s);
	d->file = xstrdup(r->file ? r->file : "?");
	d->first = first && *first ? first : "?";
	d->mark = r->id.mark.line ? r->id.mark : (struct mark){1, 1};
	d->pos = c->ndups++;
}

static int
cmp_dup_id(const void *a, const void *b)
{
	const struct dup_id *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* schema-duplicate-id across files: a finding at each later record's id,
 * naming the file of the first, by id and then order of arrival. */
static void
duplicate_ids(struct collection *c, struct diags *dq)
{
	if (c->ndups > 1)
		qsort(c->dups, c->ndups, sizeof *c->dups, cmp_dup_id);
	for (size_t i = 0; i < c->ndups; i++)
		collection_duplicate(dq, c->dups[i].file, c->dups[i].mark, c->dups[i].id,
		                     c->dups[i].first, c->ctx->lang);
}

void
collection_duplicate(struct diags *dq, const char *file, struct mark m, const char *id,
                     const char *first, enum lang lang)
{
	diags_add(dq, file, m, SEV_ERROR, "schema-duplicate-id", "",
	          L(lang,
	            "mã hồ sơ (id) '%s' đã được dùng cho hồ sơ %s: đặt cho hồ sơ này một mã "
	            "khác, hoặc xóa tệp này nếu đó là bản sao của hồ sơ kia",
	            "id '%s' is already used by %s: give this record an id of its own, or remove "
	            "this file if it is a copy of that one"),
	          id, first ? first : "?");
}

void
collection_finish(struct collection *c, struct diags *dq)
{
	duplicate_ids(c, dq);
	archive_finish(c->archive, 1);
	rules_archive_run(c->archive, c->ctx, dq);
}

void
collection_free(struct collection *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ndups; i++) {
		free(c->dups[i].id);
		free(c->dups[i].file);
	}
	free(c->dups);
	archive_free(c->archive);
	free(c);
}

void
rules_collection(struct record *const *recs, size_t n, const struct check_ctx *ctx,
                 struct diags *dq)
{
	struct collection *c = collection_new(ctx);
	for (size_t i = 0; i < n; i++)
		collection_add(c, recs[i]);
	collection_finish(c, dq);
	collection_free(c);
}
