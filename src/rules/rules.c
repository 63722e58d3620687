/*
 * rules.c: the rule catalogue of docs/rules.md as data (id, default severity,
 * guidance, when it fires, why), the driver that runs the rule bodies of
 * one record and of a whole run, and rules_apply, where configuration and
 * waivers decide the final severity of every finding.
 */
#include "rules.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules_int.h"
#include "text.h"
#include "xalloc.h"

/* ---- helpers for the rule bodies ---- */

void
rules_emit(struct rctx *c, struct mark m, const char *rule, enum sev sev, const char *fmt, ...)
{
	const struct rule *ru = rule_find(rule);
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(c->dq, c->r->file, m, sev, ru ? ru->id : rule, ru ? ru->guidance : "", fmt, ap);
	va_end(ap);
}

struct mark
rules_root_mark(const struct rctx *c)
{
	struct mark m = {1, 1};
	if (c->r->root && c->r->root->mark.line)
		m = c->r->root->mark;
	return m;
}

int
rules_told(const struct rctx *c, struct mark map, const char *field)
{
	return map.line && record_reported(c->r, map, field);
}

int
rules_told_top(const struct rctx *c, const char *field)
{
	return c->r->root && rules_told(c, c->r->root->mark, field);
}

struct mark
rules_mark(const struct rctx *c, struct mark m, struct mark fallback)
{
	if (m.line)
		return m;
	if (fallback.line)
		return fallback;
	return rules_root_mark(c);
}

char *
rules_short(const char *s)
{
	enum { MAX = 60 };
	if (!s)
		return xstrdup("?");
	const char *p = s, *q;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	/* the first MAX characters, whole: a Thai vowel mark stays with its
	 * consonant, an accent with its letter */
	q = p + text_clusters_prefix(p, MAX);
	size_t n = (size_t)(q - p);
	char *t = xmalloc(n + sizeof "…");
	memcpy(t, p, n);
	for (size_t i = 0; i < n; i++)
		if (t[i] == '\n' || t[i] == '\r' || t[i] == '\t')
			t[i] = ' ';
	/* a cut half word's trailing space goes too */
	while (n && t[n - 1] == ' ')
		n--;
	if (*q) /* cut between two characters */
		memcpy(t + n, "…", sizeof "…"), n += sizeof "…" - 1;
	else if (!n)
		t[n++] = '?';
	t[n] = '\0';
	return t;
}

/* Phrases come from constant tables and the configuration, both alive for
 * the whole run: fold each once, keyed by its address.  Folding them again
 * for every owner of every task was most of check's time. */
struct folded_entry {
	const char *phrase; /* the caller's string, never freed here */
	char *text;         /* owned copy: a freed configuration's address may be reused */
	char *folded;       /* owned */
};
static struct folded_entry *folded_cache;
static size_t folded_n, folded_cap;
/* 1 + the index of an entry, by the address of its phrase (open
 * addressing); rebuilt as the cache grows: a scan of every entry for
 * every phrase asked about was a good part of the rules' time. */
static size_t *folded_slot;
static size_t folded_nslots; /* a power of two, at least twice folded_n */
static pthread_mutex_t folded_mu = PTHREAD_MUTEX_INITIALIZER; /* reports render on threads */

static void
folded_cache_free(void)
{
	for (size_t i = 0; i < folded_n; i++) {
		free(folded_cache[i].text);
		free(folded_cache[i].folded);
	}
	free(folded_cache);
	free(folded_slot);
	folded_cache = NULL;
	folded_slot = NULL;
	folded_n = folded_cap = folded_nslots = 0;
}

static size_t
folded_home(const char *phrase)
{
	uintptr_t h = (uintptr_t)phrase;
	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15u;
	return (size_t)(h >> 7) & (folded_nslots - 1);
}

/* Entry i into the index, the index grown first when it is half full. */
static void
folded_index(size_t i)
{
	if (2 * (i + 1) > folded_nslots) {
		free(folded_slot);
		folded_nslots = folded_nslots ? folded_nslots * 2 : 256;
		folded_slot = xcalloc(folded_nslots, sizeof *folded_slot);
		for (size_t k = 0; k < i; k++)
			folded_index(k);
	}
	size_t h = folded_home(folded_cache[i].phrase);
	while (folded_slot[h])
		h = (h + 1) & (folded_nslots - 1);
	folded_slot[h] = i + 1;
}

/* Each thread's own view of the cache, in front of it: the phrases a
 * thread asked about lately, by address, with the entry's text and
 * folded form (neither freed before exit), so that threads checking
 * records side by side do not queue for the lock at every phrase. */
enum { FOLDED_SEEN = 512 };
static _Thread_local struct folded_seen {
	const char *phrase, *text, *folded;
} folded_seen[FOLDED_SEEN];

static const char *folded_phrase_locked(const char *phrase, const char **text);

static const char *
folded_phrase(const char *phrase)
{
	uintptr_t h = (uintptr_t)phrase;
	struct folded_seen *fs = &folded_seen[(h ^ h >> 9) / 8 % FOLDED_SEEN];
	/* one entry a (phrase, text) pair: any entry that matches is the one */
	if (fs->phrase == phrase && !strcmp(fs->text, phrase))
		return fs->folded;
	const char *text, *folded = folded_phrase_locked(phrase, &text);
	fs->phrase = phrase;
	fs->text = text; /* the entry's own copy, which stays as it is */
	fs->folded = folded;
	return folded;
}

static const char *
folded_phrase_locked(const char *phrase, const char **text)
{
	const char *found = NULL;
	pthread_mutex_lock(&folded_mu);
	/* the first entry for the address that still holds the same text,
	 * as the scan over the entries in order found it */
	size_t best = SIZE_MAX;
	for (size_t h = folded_nslots ? folded_home(phrase) : 0; folded_nslots && folded_slot[h];
	     h = (h + 1) & (folded_nslots - 1)) {
		size_t i = folded_slot[h] - 1;
		if (folded_cache[i].phrase == phrase && i < best &&
		    !strcmp(folded_cache[i].text, phrase))
			best = i;
	}
	if (best != SIZE_MAX) {
		found = folded_cache[best].folded;
		*text = folded_cache[best].text;
	}
	if (!found) {
		if (!folded_cache)
			atexit(folded_cache_free);
		folded_cache = xgrow(folded_cache, &folded_cap, folded_n + 1, sizeof *folded_cache);
		folded_cache[folded_n].phrase = phrase;
		folded_cache[folded_n].text = xstrdup(phrase);
		folded_cache[folded_n].folded = text_fold(phrase);
		found = folded_cache[folded_n].folded;
		*text = folded_cache[folded_n].text;
		folded_index(folded_n++);
	}
	pthread_mutex_unlock(&folded_mu);
	return found; /* entries are never freed before exit */
}

int
rules_has_phrase(const char *folded, const char *phrase)
{
	const char *p = folded_phrase(phrase);
	size_t n = strlen(p);
	int found = 0;
	if (n) {
		for (const char *s = folded; (s = strstr(s, p)) != NULL; s++) {
			if ((s == folded || s[-1] == ' ') && (s[n] == '\0' || s[n] == ' ')) {
				found = 1;
				break;
			}
		}
	}
	return found;
}

/* ---- one record, a run, and the final severities ---- */

void
rules_check(const struct record *r, const struct check_ctx *ctx, struct diags *dq)
{
	if (!r)
		return;
	struct rctx c = {r, ctx, dq, date_days(ctx->today, 0)};
	rules_text(&c);
	/* Preparation applies to planned and completed records alike. */
	rules_prep(&c);
	if (record_completed(r, ctx->today))
		rules_follow(&c);
	else
		rules_task_owners(&c);
}

static int
waived(const struct record *r, char *const *ids, size_t nids, const char *rule)
{
	for (size_t i = 0; r && i < r->nwaivers; i++)
		if (r->waivers[i].rule.s && !strcmp(r->waivers[i].rule.s, rule))
			return 1;
	for (size_t i = 0; i < nids; i++)
		if (!strcmp(ids[i], rule))
			return 1;
	return 0;
}

static void
apply(struct diags *dq, size_t from, const struct record *r, char *const *ids, size_t nids,
      const struct config *cfg)
{
	int off = 0;
	for (size_t i = from; i < dq->n; i++) {
		struct diag *d = &dq->v[i];
		const struct rule *ru = rule_find(d->rule);
		if (ru && (!d->guidance || !*d->guidance))
			d->guidance = ru->guidance;
		if (ru && cfg && cfg->sev) {
			enum sev s = cfg->sev[ru - rule_table];
			if ((unsigned)s <= SEV_OFF)
				d->sev = s;
		}
		if (waived(r, ids, nids, d->rule))
			d->sev = SEV_OFF;
		off |= d->sev == SEV_OFF;
	}
	if (off)
		diags_compact(dq);
}

void
rules_apply(struct diags *dq, size_t from, const struct record *r, const struct config *cfg)
{
	apply(dq, from, r, NULL, 0, cfg);
}

void
rules_apply_waived(struct diags *dq, size_t from, char *const *waived_ids, size_t nwaived,
                   const struct config *cfg)
{
	apply(dq, from, NULL, waived_ids, nwaived, cfg);
}
