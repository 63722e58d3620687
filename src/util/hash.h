/*
 * hash.h: the hash of what must not be taken for something else, from
 * libxxhash (XXH3, 128 bits): a record's bytes as the key of the archive's
 * cache of summaries, the cache file's own check, the digests of what an
 * archive page is made of, and the manifest's hash of each file written.
 * Not a defence against forgery: whoever can write to the output
 * directory can write the pages themselves.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* the state on the stack, no allocation */
#include <xxhash.h>

enum { HASH_LEN = 16 }; /* XXH3-128, in its canonical (big-endian) bytes */

/* Small pieces (a number, a name: most of a digest) gather in pend and go
 * to XXH3 a block at a time: each call of XXH3's own costs more than
 * copying them.  The hash is that of the bytes, however they came. */
enum { HASH_PEND = 256 };
struct hash_ctx {
	XXH3_state_t st;
	size_t npend;
	unsigned char pend[HASH_PEND];
};

void hash_init(struct hash_ctx *c);
void hash_feed(struct hash_ctx *c, const void *data, size_t n);
static inline void
hash_update(struct hash_ctx *c, const void *data, size_t n)
{
	if (n <= HASH_PEND - c->npend) {
		if (n)
			memcpy(c->pend + c->npend, data, n);
		c->npend += n;
	} else {
		hash_feed(c, data, n);
	}
}
void hash_final(struct hash_ctx *c, unsigned char out[HASH_LEN]);
/* The first 8 bytes of hash_final, as a number. */
uint64_t hash_final64(struct hash_ctx *c);
/* hash_init, hash_update, hash_final in one. */
void hash_of(const void *data, size_t n, unsigned char out[HASH_LEN]);
/* hash_of as a number (hash_final64). */
uint64_t hash64(const void *data, size_t n);
/* A hash in lower-case hexadecimal, NUL-terminated. */
void hash_hex(const unsigned char sum[HASH_LEN], char out[2 * HASH_LEN + 1]);

#endif
