/*
 * rules.h: the rule catalogue (docs/rules.md) as data, the checks over one
 * record and over a collection, and configuration (.debrief.yaml) and
 * waivers, which decide the final severity of every finding.
 */
#ifndef RULES_H
#define RULES_H

#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "record.h"

struct rule {
	const char *id;       /* stable kebab-case id */
	enum sev sev;         /* default severity (the higher one for error/warning rules) */
	const char *guidance; /* "G1 G2", "" for input rules */
	const char *group;   /* "input", "schema", "prep", "visit", "follow", "memory", "archive" */
	const char *when_vi; /* one line: when it fires */
	const char *when_en;
	const char *why_vi; /* rationale, a short paragraph (explain) */
	const char *why_en;
};

extern const struct rule rule_table[];
extern const size_t rule_count;
const struct rule *rule_find(const char *id);

/* A configuration: .debrief.yaml found from the current directory upward,
 * or --config FILE.  Defaults when no file. */
/* The issuing office (office: in .debrief.yaml): who sends and signs
 * reports.  Every string owned; NULL when not given. */
struct office {
	int given; /* office: present */
	char *parent, *name, *symbol, *place;
	char *authority, *title, *signer; /* signer: authority, title, name */
	char **recipients;                /* added before the file copy */
	size_t nrecipients;
};

struct config {
	char *path;              /* owned; NULL when defaults */
	enum sev *sev;           /* owned, [rule_count]: SEV_OFF disables; -1 keeps default */
	long presentation_pages; /* prep-concise limit, default 20 */
	long stale_days;         /* follow-task-stale, default 90 */
	long report_days;        /* follow-report grace, default 30 */
	long review_days;        /* follow-reviews grace, default 90 */
	long cold_years;         /* archive-cold-partner, default 2 */
	char **vague_owners;     /* owned, folded words that make an owner vague */
	size_t nvague_owners;
	char **host_lang_country; /* owned, extra host languages: country code … */
	char **host_lang_lang;    /* … → language code */
	size_t nhost_lang;
	char **owner_alias_from; /* owned, folded alias … */
	char **owner_alias_to;   /* … → canonical owner name (archive) */
	size_t nowner_alias;
	struct office office;
};

void config_default(struct config *cfg);
/* Load FILE; problems are findings (file:line:col) in dq.  Returns 0 when
 * the file cannot be read or is not a mapping (message in *err). */
int config_load(const char *file, enum lang lang, struct config *cfg, struct diags *dq, char **err);
/* Find .debrief.yaml from dir upward, up to the repository's root (a
 * directory holding .git) or the home directory, whichever comes first;
 * a world-writable directory (/tmp) ends the search unread.  *path owned
 * by caller.  1 if found. */
int config_find(const char *dir, char **path);
void config_free(struct config *cfg);
/* The configuration of a run, as every command finds it: FILE (--config)
 * when given, else .debrief.yaml in the first PATH's directory or above,
 * else in the current directory or above, else the defaults.  Problems in
 * the file are findings in dq; returns 0 after a message on stderr when it
 * cannot be read. */
int config_for(const char *file, const char *first_path, enum lang lang, struct config *cfg,
               struct diags *dq);

/* The configuration of each file, when no --config was given: the
 * .debrief.yaml nearest to it (config_find), each file loaded once, run
 * (the run's own, or NULL) shared rather than loaded again.
 * config_set_for returns the defaults where none is found, and NULL after
 * a message on stderr when the one found cannot be read. */
struct config_set;
struct config_set *config_set_new(struct config *run);
const struct config *config_set_for(struct config_set *cs, const char *record, enum lang lang,
                                    struct diags *dq);
struct strlist;
/* Lines config_set_for would print (a configuration that cannot be read)
 * go into said instead, until called again with NULL. */
void config_set_say_into(struct config_set *cs, struct strlist *said);
void config_set_free(struct config_set *cs);

struct check_ctx {
	struct date today;        /* --today, SOURCE_DATE_EPOCH or clock */
	enum lang lang;           /* messages */
	const struct config *cfg; /* never NULL */
};

/* 1 when an owner names no department: missing, blank, or vague words
 * ("TBD", "các sở, ngành liên quan", configured vague_owners). */
int rules_owner_vague(const char *owner, const struct config *cfg);
/* The rules of one record (preparation, visit, follow-up, memory). */
void rules_check(const struct record *r, const struct check_ctx *ctx, struct diags *dq);
/* Rules across the records of one run (duplicate record ids, archive-*).
 * Records are fed one at a time and may be freed right after
 * collection_add, which keeps only what these rules read: memory grows
 * with a summary per record, not with the records. */
struct collection;
struct collection *collection_new(const struct check_ctx *ctx); /* ctx outlives it */
void collection_add(struct collection *c, const struct record *r);
/* Findings of the whole run, appended to dq. */
void collection_finish(struct collection *c, struct diags *dq);
void collection_free(struct collection *c);
/* The same over an array (tests, fuzzing). */
void rules_collection(struct record *const *recs, size_t n, const struct check_ctx *ctx,
                      struct diags *dq);
/* Final severities of findings dq->v[from..]: configuration overrides and
 * disables, the record's waivers (r may be NULL), guidance filled from the
 * catalogue; switched-off findings are removed. */
void rules_apply(struct diags *dq, size_t from, const struct record *r, const struct config *cfg);
/* The same with the waived rule ids given, for a record already freed. */
void rules_apply_waived(struct diags *dq, size_t from, char *const *waived, size_t nwaived,
                        const struct config *cfg);

#endif
