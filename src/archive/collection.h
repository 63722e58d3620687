/*
 * collection.h: the rules across the records of one run (duplicate record
 * ids, archive-*), used alike by check and archive.
 */
#ifndef COLLECTION_H
#define COLLECTION_H

#include <stddef.h>

#include "diag.h"
#include "record.h"
#include "rules.h"

/* Rules across the records of one run (duplicate record ids, archive-*).
 * Records are fed one at a time and may be freed right after
 * collection_add, which keeps only what these rules read: memory grows
 * with a summary per record, not with the records.  A record's file
 * name (r->file) is kept by reference: it must outlive the collection. */
struct collection;
struct collection *collection_new(const struct check_ctx *ctx); /* ctx outlives it */
void collection_add(struct collection *c, const struct record *r);
/* Findings of the whole run, appended to dq. */
void collection_finish(struct collection *c, struct diags *dq);
void collection_free(struct collection *c);
/* The same over an array (tests, fuzzing). */
void rules_collection(struct record *const *recs, size_t n, const struct check_ctx *ctx,
                      struct diags *dq);
/* The one finding about a record whose id an earlier record of the run
 * already has (schema-duplicate-id), at the later record's id m, naming
 * first, the file of the earlier: check, archive, report and tasks all
 * say it here. */
void collection_duplicate(struct diags *dq, const char *file, struct mark m, const char *id,
                          const char *first, enum lang lang);

#endif
