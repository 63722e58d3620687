/*
 * strmap.c: the one hash table (strmap.h): strings to indices, open
 * addressing, a multiplicative hash seeded per process.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char seed_anchor; /* its address, under ASLR, seeds the hash */

/* Eight bytes at a time, multiplied and folded (FNV-1a for the rest),
 * with a per-process seed, so that no file makes every key collide on
 * every run: keys are as long as a finding's message, and a byte at a
 * time cost the run that interns them more than the table saved. */
static size_t
hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)(uintptr_t)&seed_anchor;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, sizeof w);
		h = (h ^ w) * 0x9e3779b97f4a7c15u;
		h ^= h >> 32;
	}
	for (; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	h ^= len;
	h *= 0x9e3779b97f4a7c15u;
	return (size_t)(h ^ (h >> 29));
}

/* The slot of s, whose hash is h: its own, or the empty one it would take.
 * A slot keeps its key's hash, so that a probe reads the key itself only
 * when the hashes agree, and growing reads no key at all: a large table's
 * keys (a run's findings) are far apart in memory. */
static struct strmap_slot *
slot_of(const struct strmap *t, const char *s, size_t len, size_t h)
{
	size_t mask = t->cap - 1, i = (uint32_t)h & mask;
	while (t->v[i].s &&
	       !(t->v[i].hash == (uint32_t)h && t->v[i].len == len && !memcmp(t->v[i].s, s, len)))
		i = (i + 1) & mask;
	return &t->v[i];
}

size_t
strmap_hash(const char *s, size_t len)
{
	return hash(s, len);
}

void
strmap_prefetch(const struct strmap *t, size_t h, int key)
{
	if (!t->cap)
		return;
	const struct strmap_slot *sl = &t->v[(uint32_t)h & (t->cap - 1)];
	if (!key)
		__builtin_prefetch(sl);
	else if (sl->s && sl->hash == (uint32_t)h)
		__builtin_prefetch(sl->s);
}

/* The entry for s, or NULL. */
struct strmap_slot *
strmap_find(const struct strmap *t, const char *s, size_t len)
{
	return strmap_find_hashed(t, s, len, hash(s, len));
}

struct strmap_slot *
strmap_find_hashed(const struct strmap *t, const char *s, size_t len, size_t h)
{
	if (!t->cap || len > UINT32_MAX)
		return NULL;
	struct strmap_slot *sl = slot_of(t, s, len, h);
	return sl->s ? sl : NULL;
}

/* Add s (not yet present) with idx. */
void
strmap_add(struct strmap *t, const char *s, size_t len, size_t idx)
{
	strmap_add_hashed(t, s, len, hash(s, len), idx);
}

void
strmap_add_hashed(struct strmap *t, const char *s, size_t len, size_t h, size_t idx)
{
	if (len > UINT32_MAX)
		abort(); /* no key of debrief's is near */
	if (2 * (t->n + 1) > t->cap) {
		struct strmap nt = {NULL, t->cap ? 2 * t->cap : 64, 0};
		nt.v = xcalloc(nt.cap, sizeof *nt.v);
		size_t mask = nt.cap - 1;
		for (size_t i = 0; i < t->cap; i++)
			if (t->v[i].s) { /* keys are distinct: the first empty slot */
				size_t k = t->v[i].hash & mask;
				while (nt.v[k].s)
					k = (k + 1) & mask;
				nt.v[k] = t->v[i];
			}
		nt.n = t->n;
		free(t->v);
		*t = nt;
	}
	struct strmap_slot *sl = slot_of(t, s, len, h);
	sl->s = s;
	sl->len = (uint32_t)len;
	sl->idx = idx;
	sl->hash = (uint32_t)h;
	t->n++;
}

void
strmap_free(struct strmap *t)
{
	free(t->v);
	t->v = NULL;
	t->cap = t->n = 0;
}

size_t *
strmap_get(const struct strmap *t, const char *s)
{
	struct strmap_slot *sl = strmap_find(t, s, strlen(s));
	return sl ? &sl->idx : NULL;
}

void
strmap_put(struct strmap *t, const char *s, size_t idx)
{
	size_t *v = strmap_get(t, s);
	if (v)
		*v = idx;
	else
		strmap_add(t, s, strlen(s), idx);
}
