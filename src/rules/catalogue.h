/*
 * catalogue.h: the rule catalogue (docs/rules.md) as data: ids, default
 * severities, guidance ids, when each rule fires and why.  The bottom of
 * the rules stage: it includes nothing of the stages above.
 */
#ifndef CATALOGUE_H
#define CATALOGUE_H

#include <stddef.h>

#include "diag.h"

struct rule {
	const char *id;       /* stable kebab-case id */
	enum sev sev;         /* default severity (the higher one for error/warning rules) */
	const char *guidance; /* "G1 G2", "" for input rules */
	const char *
	    group; /* "input", "schema", "prep", "visit", "follow", "memory", "archive", "config" */
	const char *when_vi; /* one line: when it fires */
	const char *when_en;
	const char *why_vi; /* rationale, a short paragraph (explain) */
	const char *why_en;
};

extern const struct rule rule_table[];
extern const size_t rule_count;
const struct rule *rule_find(const char *id);
/* "error/warning" for the rules whose findings come at two levels, else
 * the default severity's name. */
const char *rules_sev_label(const struct rule *ru);
/* What a rule group is about, in lang's words ("sau chuyến công tác" for
 * "follow"); NULL for a group it does not know. */
const char *rules_group_label(const char *group, enum lang lang);
/* The rule id nearest to a mistyped one, NULL when none is near. */
const char *rules_suggest(const char *id);

#endif
