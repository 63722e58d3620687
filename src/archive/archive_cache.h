/*
 * archive_cache.h: the archive's cache of what each record gave
 * (DIR/.debrief-cache), so that a re-run does not parse again a record
 * whose bytes have not changed.  An entry is keyed by a hash (hash.h) of
 * the record's bytes, its name, the run's language and today, and the
 * program itself; it holds the fields the archive model reads and the
 * record's findings, so that a cached record adds to the archive exactly
 * what parsing it would.  The configuration is not in the key: reading a
 * record does not consult it (schema_file takes none); what it decides,
 * owner aliases and the rest, is applied when the archive merges the
 * records, which every run does, and the page digests hash its file.
 */
#ifndef ARCHIVE_CACHE_H
#define ARCHIVE_CACHE_H

#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "hash.h"
#include "record.h"
#include "witness.h"

struct arc_cache;

/* The cache of the previous run in dir, for a run in lang on today.  A
 * missing file is an empty cache; a damaged one, or one another program
 * wrote, too, and *why (caller frees) says so; NULL otherwise. */
struct arc_cache *arc_cache_open(const char *dir, enum lang lang, struct date today, char **why);

/* The key of the record called name, of bytes data[len]. */
void arc_cache_key(const struct arc_cache *c, const char *name, const char *data, size_t len,
                   unsigned char key[HASH_LEN]);

/* 1 when what stat says now of the record called name is what it said
 * when the record was last read (witness.h): key is then the key its
 * bytes had, without reading them. */
int arc_cache_vouched(const struct arc_cache *c, const char *name, const struct seen *now,
                      unsigned char key[HASH_LEN]);

/* Remember for the next run that stat said now of the record called name
 * before it was read, and that its bytes had key; vouched: as
 * arc_cache_vouched said (the last run's file then says the same). */
void arc_cache_saw(struct arc_cache *c, const char *name, const struct seen *now,
                   const unsigned char key[HASH_LEN], int vouched);

/* The entries of a batch of records, read at once (arc_cache_fetch). */
struct arc_cache_win {
	int part;
	unsigned long long off;
	size_t len;
	unsigned char *data; /* NULL: none */
};

/* Read at once into w the entries of keys[0..n) (those stat vouched for:
 * arc_cache_vouched) when they lie together in the cache; w may be left
 * empty.  Only reads the cache, as arc_cache_get does. */
void arc_cache_fetch(const struct arc_cache *c, const unsigned char (*keys)[HASH_LEN], size_t n,
                     struct arc_cache_win *w);
void arc_cache_win_free(struct arc_cache_win *w);

/* 1 when the cache holds key: *r is the record as far as the archive reads
 * it (record_free() it; NULL when the file gave no record), its findings
 * are appended to dq, as they were when it was parsed, and *entry names
 * the entry for arc_cache_reuse (read from w when w holds it, w may be
 * NULL).  0 when not held (or not usable).  The
 * cache is only read, so that the records can be looked up on several
 * threads at once, while the main thread puts and reuses entries. */
int arc_cache_get(const struct arc_cache *c, const unsigned char key[HASH_LEN], const char *name,
                  struct record **r, struct diags *dq, size_t *entry,
                  const struct arc_cache_win *w);

/* Keep for the next run the entry arc_cache_get found for the record
 * called name. */
void arc_cache_reuse(struct arc_cache *c, size_t entry, const char *name);

/* Keep for the next run what the record called name gave: r (NULL: none
 * could be made) and its findings one[from..]. */
void arc_cache_put(struct arc_cache *c, const unsigned char key[HASH_LEN], const char *name,
                   struct record *r, const struct diags *one, size_t from);

/* What every page of the run depends on besides its records (for
 * archive_digest.c): the program, the language, today, the bytes of the
 * configuration file (config: its path, NULL for the defaults) and
 * SOURCE_DATE_EPOCH.  0 when the configuration cannot be read again (then
 * no page is skipped). */
int arc_cache_run(const struct arc_cache *c, const char *config, unsigned char out[HASH_LEN]);

/* How many records came from the cache. */
size_t arc_cache_hits(const struct arc_cache *c);

/* Keep for the next run the entries got or put in this run: DIR/.debrief-
 * cache replaced by them (those of records no longer read are gone), or,
 * when few were parsed, those added to it written as DIR/.debrief-cache.more;
 * DIR/.debrief-cache.stat replaced by what arc_cache_saw was told.  0 and
 * *err on failure. */
int arc_cache_write(struct arc_cache *c, const char *dir, char **err);

void arc_cache_free(struct arc_cache *c);

#endif
