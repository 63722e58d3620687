/*
 * guidance.h: the guidance items G1–G22 (docs/guidance.md) that every rule
 * names: the verbatim Vietnamese quotes from the two source texts and
 * their English gloss.  explain and the SARIF output print them.
 */
#ifndef GUIDANCE_H
#define GUIDANCE_H

#include <stddef.h>

#include "debrief.h"

#define GUIDANCE_MAX_QUOTES 2

struct guidance_source {
	const char *id;       /* "000", "003": the Source column of docs/guidance.md */
	const char *title_vi; /* who speaks, about what */
	const char *title_en;
};

struct guidance {
	const char *id;                              /* "G1" … "G22" */
	const char *source;                          /* a guidance_source id */
	const char *quotes[GUIDANCE_MAX_QUOTES + 1]; /* verbatim, NULL-terminated */
	const char *gloss;                           /* English, as in docs/guidance.md */
	const char *gloss_vi;                        /* the same in Vietnamese, for explain */
};

extern const struct guidance guidance_table[];
extern const size_t guidance_count;
extern const struct guidance_source guidance_sources[];
extern const size_t guidance_source_count;

const struct guidance *guidance_find(const char *id);
const struct guidance_source *guidance_source_find(const char *id);
/* The quote as docs/guidance.md writes it: "…" or "…" … "…".  Caller frees. */
char *guidance_quote(const struct guidance *g);

#endif
