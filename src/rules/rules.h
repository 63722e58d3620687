/*
 * rules.h: the checks over one record, and rules_apply, where
 * configuration (.debrief.yaml) and waivers decide the final severity of
 * every finding.
 */
#ifndef RULES_H
#define RULES_H

#include <stddef.h>

#include "catalogue.h"
#include "config.h"
#include "date.h"
#include "diag.h"
#include "record.h"

struct check_ctx {
	struct date today;        /* --today, SOURCE_DATE_EPOCH or clock */
	enum lang lang;           /* messages */
	const struct config *cfg; /* never NULL */
};

/* 1 when an owner names no department: missing, blank, or vague words
 * ("TBD", "các sở, ngành liên quan", configured vague_owners). */
int rules_owner_vague(const char *owner, const struct config *cfg);
/* The bodies an owner names, each trimmed, into out: the owner itself, or
 * the parts of one that names several ("Sở Công Thương, Sở Tài chính");
 * a name with a comma of its own ("Sở Văn hóa, Thể thao và Du lịch") is one. */
struct strlist;
void rules_owner_bodies(const char *owner, struct strlist *out);
/* The owner with each body it names renamed as owner_aliases renames it
 * (written with the record's locality or without), what joins them kept:
 * "Sở NN&MT, Sở Tài chính" → "Sở Nông nghiệp và Môi trường, Sở Tài
 * chính"; malloc'd, or NULL when no body is renamed. */
char *rules_owner_aliased(const char *owner, const struct config *cfg, const char *locality);
/* The rules of one record (preparation, visit, follow-up, memory). */
void rules_check(const struct record *r, const struct check_ctx *ctx, struct diags *dq);
/* Final severities of findings dq->v[from..]: configuration overrides and
 * disables, the record's waivers (r may be NULL), guidance filled from the
 * catalogue; switched-off findings are removed. */
void rules_apply(struct diags *dq, size_t from, const struct record *r, const struct config *cfg);
/* The same with the waived rule ids given, for a record already freed. */
void rules_apply_waived(struct diags *dq, size_t from, char *const *waived, size_t nwaived,
                        const struct config *cfg);

#endif
