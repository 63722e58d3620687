/*
 * Unit tests of hash.c, BLAKE2b-256: digests known from b2sum -l 256 for
 * the empty input, short texts, exactly one block, one byte past it, and
 * a long input fed in pieces of every size (the same digest as at once).
 */
#include <stdio.h>
#include <string.h>

#include "hash.h"
#include "unit.h"

static int
is(const unsigned char d[HASH_LEN], const char *hex)
{
	char got[2 * HASH_LEN + 1];
	for (int i = 0; i < HASH_LEN; i++)
		snprintf(got + 2 * i, 3, "%02x", d[i]);
	return !strcmp(got, hex);
}

static int
digest_is(const char *s, size_t n, const char *hex)
{
	unsigned char d[HASH_LEN];
	hash_of(s, n, d);
	return is(d, hex);
}

int
main(void)
{
	static char xs[129], as[300];
	memset(xs, 'x', sizeof xs);
	memset(as, 'a', sizeof as);
	OK(digest_is("", 0, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
	   "hash/empty");
	OK(digest_is("abc", 3, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
	   "hash/abc");
	OK(digest_is("The quick brown fox jumps over the lazy dog", 43,
	             "01718cec35cd3d796dd00020e0bfecb473ad23457d063b75eff29c0ffa2e58a9"),
	   "hash/sentence");
	OK(digest_is(xs, 128, "164ffb7089bae6f5a62fb0795e751dc9e88eac92e1a5b2fafe93a25abf2d9c3b"),
	   "hash/one-block");
	OK(digest_is(xs, 129, "03b0758fa71d249c846c2304a2b9996e6ae66ffa7e5528f9e612e089a360fc8d"),
	   "hash/one-block-and-a-byte");
	int all = 1;
	for (size_t piece = 1; piece <= sizeof as; piece++) {
		struct hash_ctx c;
		unsigned char d[HASH_LEN];
		hash_init(&c);
		for (size_t at = 0; at < sizeof as; at += piece)
			hash_update(&c, as + at, at + piece > sizeof as ? sizeof as - at : piece);
		hash_final(&c, d);
		all &= is(d, "3c1292de00a518e36823f9ff908ac2da46be38718c018713403461df077e15f6");
	}
	OK(all, "hash/in-pieces-of-every-size");
	return unit_failed != 0;
}
