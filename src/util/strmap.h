/*
 * strmap.h: the one hash table of debrief: strings (not owned) to indices,
 * open addressing, with a per-process seed so that no input makes every
 * key collide on every run.  Nothing iterates it in an order that reaches
 * an output.
 */
#ifndef STRMAP_H
#define STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	const char *s; /* not owned; NULL for an empty slot */
	size_t idx;    /* what the caller stores */
	uint32_t len;  /* keys are shorter than 4 GiB */
	uint32_t hash; /* of s, its low bits: a table has fewer slots */
};

struct strmap {
	struct strmap_slot *v; /* owned; cap is 0 or a power of two */
	size_t cap, n;
};

/* The entry for s[len], or NULL. */
struct strmap_slot *strmap_find(const struct strmap *t, const char *s, size_t len);
/* Add s[len] (not yet present) with idx; s must outlive the map. */
void strmap_add(struct strmap *t, const char *s, size_t len, size_t idx);
/* The same given h, strmap_hash of s[len]; and a hint that h will be
 * looked up: its slot (key 0), then, once that is likely at hand, the key
 * it holds (key 1).  A caller with many keys to look up at once hints them
 * all first, so that a large table's memory is waited for once, not once
 * per key. */
size_t strmap_hash(const char *s, size_t len);
struct strmap_slot *strmap_find_hashed(const struct strmap *t, const char *s, size_t len, size_t h);
void strmap_add_hashed(struct strmap *t, const char *s, size_t len, size_t h, size_t idx);
void strmap_prefetch(const struct strmap *t, size_t h, int key);
/* The same for a NUL-terminated s: its value, or NULL; set (or add) it. */
size_t *strmap_get(const struct strmap *t, const char *s);
void strmap_put(struct strmap *t, const char *s, size_t idx);
void strmap_free(struct strmap *t);

#endif
