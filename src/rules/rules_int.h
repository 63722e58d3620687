/*
 * rules_int.h: what the rule bodies (rules_prep.c, rules_follow.c) share
 * with rules.c: the context of one record's check, how a finding is
 * emitted, and small helpers on marks, folded words and short names.
 */
#ifndef RULES_INT_H
#define RULES_INT_H

#include "rules.h"

struct rctx {
	const struct record *r;
	const struct check_ctx *ctx;
	struct diags *dq;
	long today; /* date_days(ctx->today) */
};

/* Add a finding of rule (its guidance from the catalogue) at m in the
 * record's file.  Pass L(c->ctx->lang, "…", "…") as fmt. */
void rules_emit(struct rctx *c, struct mark m, const char *rule, enum sev sev, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* 1 when the schema has already said that field of the mapping at map
 * is missing or wrong (a misspelt key, a rejected value), so that a rule
 * does not say it again; map 0:0, a mapping the record lacks, never.
 * rules_told_top: a field of the record itself. */
int rules_told(const struct rctx *c, struct mark map, const char *field);
int rules_told_top(const struct rctx *c, const char *field);
/* m when it is known, else the fallback, else the record root. */
struct mark rules_mark(const struct rctx *c, struct mark m, struct mark fallback);
/* The record root (1:1 when unknown): for a missing top-level field. */
struct mark rules_root_mark(const struct rctx *c);
/* Text for a message: s cut to about 60 code points ("…" added), "?"
 * when absent, never a newline.  Caller frees. */
char *rules_short(const char *s);
/* 1 when the folded text holds the folded words of phrase as whole words. */
int rules_has_phrase(const char *folded, const char *phrase);

/* The nearest of n candidates to word (edit distance, at most a third of
 * its length, at least 2), or NULL: the "did you mean" of messages. */
/* The nearest rule id, or NULL. */
/* Severity as listed: "error/warning" for rules with two levels. */

/* Built-in host languages of a country (upper-case ISO code), the
 * configuration's additions first: "de fr it", or NULL when unknown. */
const char *rules_host_langs(const struct config *cfg, const char *country);

void rules_text(struct rctx *c);   /* rules_text.c: text-legacy-encoding */
void rules_prep(struct rctx *c);   /* rules_prep.c */
void rules_follow(struct rctx *c); /* rules_follow.c */
/* follow-task-owner alone: a visit not yet over has its preparation's
 * tasks, which need one responsible department as much (rules_follow.c) */
void rules_task_owners(struct rctx *c);

#endif
