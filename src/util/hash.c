/*
 * hash.c: XXH3-128 of libxxhash behind hash.h, streaming or at once; the
 * digest in XXH128's canonical bytes, the same as `xxhsum -H2` prints.
 */
#include "hash.h"

void
hash_init(struct hash_ctx *c)
{
	XXH3_INITSTATE(&c->st);
	XXH3_128bits_reset(&c->st);
	c->npend = 0;
}

/* What does not fit in pend: pend first, then the piece, kept back when
 * small. */
void
hash_feed(struct hash_ctx *c, const void *data, size_t n)
{
	if (c->npend)
		XXH3_128bits_update(&c->st, c->pend, c->npend);
	c->npend = 0;
	if (n < HASH_PEND) {
		memcpy(c->pend, data, n);
		c->npend = n;
	} else {
		XXH3_128bits_update(&c->st, data, n);
	}
}

void
hash_final(struct hash_ctx *c, unsigned char out[HASH_LEN])
{
	if (c->npend)
		XXH3_128bits_update(&c->st, c->pend, c->npend);
	c->npend = 0;
	XXH128_canonical_t k;
	XXH128_canonicalFromHash(&k, XXH3_128bits_digest(&c->st));
	for (int i = 0; i < HASH_LEN; i++)
		out[i] = k.digest[i];
}

uint64_t
hash_final64(struct hash_ctx *c)
{
	unsigned char d[HASH_LEN];
	hash_final(c, d);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | d[i];
	return v;
}

void
hash_of(const void *data, size_t n, unsigned char out[HASH_LEN])
{
	struct hash_ctx c;
	hash_init(&c);
	hash_update(&c, data, n);
	hash_final(&c, out);
}

uint64_t
hash64(const void *data, size_t n)
{
	struct hash_ctx c;
	hash_init(&c);
	hash_update(&c, data, n);
	return hash_final64(&c);
}

void
hash_hex(const unsigned char sum[HASH_LEN], char out[2 * HASH_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	for (int k = 0; k < HASH_LEN; k++) {
		out[2 * k] = hex[sum[k] >> 4];
		out[2 * k + 1] = hex[sum[k] & 15];
	}
	out[2 * HASH_LEN] = '\0';
}
