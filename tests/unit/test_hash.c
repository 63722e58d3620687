/*
 * Unit tests of hash.c, XXH3-128 through libxxhash: digests known from
 * `xxhsum -H2` for the empty input, short texts, inputs past the sizes
 * where XXH3 changes its method (16, 128, 240 bytes), and a long input fed
 * in pieces of every size (the same digest as at once); hash64 is the
 * digest's first 8 bytes.
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
	static char xs[241], as[300];
	memset(xs, 'x', sizeof xs);
	memset(as, 'a', sizeof as);
	OK(digest_is("", 0, "99aa06d3014798d86001c324468d497f"), "hash/empty");
	OK(digest_is("abc", 3, "06b05ab6733a618578af5f94892f3950"), "hash/abc");
	OK(digest_is("The quick brown fox jumps over the lazy dog", 43,
	             "ddd650205ca3e7fa24a1cc2e3a8a7651"),
	   "hash/sentence");
	OK(digest_is(xs, 129, "e7f1abc92bce4135ae9ec8f29e5baa27"), "hash/129-bytes");
	OK(digest_is(xs, 240, "bfede978870834bedf2b586ca80bb7aa"), "hash/240-bytes");
	int all = 1;
	for (size_t piece = 1; piece <= sizeof as; piece++) {
		struct hash_ctx c;
		unsigned char d[HASH_LEN];
		hash_init(&c);
		for (size_t at = 0; at < sizeof as; at += piece)
			hash_update(&c, as + at, at + piece > sizeof as ? sizeof as - at : piece);
		hash_final(&c, d);
		all &= is(d, "5e563f2cb28d2005c1d17581d8eb7e21");
	}
	OK(all, "hash/in-pieces-of-every-size");
	OK(hash64("abc", 3) == 0x06b05ab6733a6185ULL, "hash/hash64-is-the-first-8-bytes");
	return unit_failed != 0;
}
