/*
 * hash.h: BLAKE2b (RFC 7693), the strong hash of what must not be taken
 * for something else: a record's bytes as the key of the archive's cache
 * of summaries, and the cache file's own check.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

enum { HASH_LEN = 32 }; /* BLAKE2b-256 */

struct hash_ctx {
	uint64_t h[8], t[2];
	unsigned char b[128];
	size_t n;   /* bytes in b */
	size_t len; /* digest length */
};

void hash_init(struct hash_ctx *c);
void hash_update(struct hash_ctx *c, const void *data, size_t n);
void hash_final(struct hash_ctx *c, unsigned char out[HASH_LEN]);
/* hash_init, hash_update, hash_final in one. */
void hash_of(const void *data, size_t n, unsigned char out[HASH_LEN]);

#endif
