/*
 * Fuzz md_escape: arbitrary UTF-8 text in each context of the round-trip
 * templates (tests/unit/md_roundtrip.h) must read back exactly through
 * cmark-gfm with the structure unchanged; abort otherwise.  The first byte
 * picks the context, a 0xFF byte splits x from y; a direct md_escape_in
 * call in every context (URLs included) must not crash either.
 */
#include <stdint.h>

#include "../tests/unit/md_roundtrip.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 4096)
		return 0;
	const struct ctx *c = &ctxs[data[0] % NCTX];
	const char *v = (const char *)data + 1;
	size_t n = size - 1;

	struct buf b = BUF_INIT;
	for (int k = MD_BLOCK; k <= MD_URL_ANGLE; k++)
		md_escape_in(&b, (enum md_ctx)k, v, n);
	buf_free(&b);

	/* The loader hands over valid UTF-8 without NUL (md_escape.h).  A
	 * 0xFF byte (never UTF-8) splits the input into {{x}} and {{y}} for
	 * the contexts that put two values side by side. */
	const char *y = v;
	size_t xn = n, yn = n;
	const char *ff = memchr(v, 0xff, n);
	if (ff) {
		xn = (size_t)(ff - v);
		y = ff + 1;
		yn = n - xn - 1;
	}
	if (text_utf8_check(v, xn) != xn || text_utf8_check(y, yn) != yn || memchr(v, '\0', n))
		return 0;
	/* The check's own placeholders cannot be told from the text. */
	char *copy = xstrndup(v, n);
	int has_ph = strstr(copy, "PLACEHOLDER") != NULL;
	free(copy);
	if (has_ph)
		return 0;
	char *why = NULL;
	if (!roundtrip2(c, v, xn, y, yn, &why)) {
		fprintf(stderr, "round trip failed: %s\n", why);
		abort();
	}
	return 0;
}
