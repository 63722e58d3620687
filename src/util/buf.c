/* buf.c: growable byte buffer used by every stage that builds text. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Room for extra bytes and the terminating NUL.  Called for every piece
 * of every content stream, so the common case returns without a call. */
void
buf_reserve(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	/* a short line at once rather than through 8, 16 and 32 bytes */
	if (!b->cap && need < 64)
		need = 64;
	b->data = xgrow(b->data, &b->cap, need, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* Straight into the room there is, measured and written again only when
 * it does not fit: glibc's measuring alone costs as much as writing. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	if (b->cap - b->len < 64)
		buf_reserve(b, 64);
	size_t room = b->cap - b->len;
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(b->data + b->len, room, fmt, aq);
	va_end(aq);
	if (n <= 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_put_ull(struct buf *b, unsigned long long v)
{
	char t[20];
	size_t n = 0;
	do {
		t[sizeof t - ++n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_put(b, t + sizeof t - n, n);
}

void
buf_put_ll(struct buf *b, long long v)
{
	if (v < 0)
		buf_putc(b, '-');
	buf_put_ull(b, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v);
}

void
buf_put_hex64(struct buf *b, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	char t[16];
	for (int i = 15; i >= 0; i--, v >>= 4)
		t[i] = hex[v & 15];
	buf_put(b, t, sizeof t);
}

const char *
buf_cstr(struct buf *b)
{
	return b->data ? b->data : "";
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
