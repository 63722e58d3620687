/* buf.h: growable byte buffer, always NUL-terminated (cmark_strbuf, hbuf). */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct buf {
	char *data; /* owned; NUL-terminated once anything was put */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Room for extra more bytes and the NUL. */
void buf_reserve(struct buf *b, size_t extra);

/* Inline: called for every piece of every content stream, mostly with a
 * few bytes the compiler knows the number of. */
static inline void
buf_put(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n) /* room for n bytes and the NUL, or grow */
		buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}
void buf_puts(struct buf *b, const char *s);

/* Inline too: a byte at a time is how text is folded and cut, and how
 * content streams are punctuated; no call to grow while there is room. */
static inline void
buf_putc(struct buf *b, int c)
{
	if (b->cap - b->len < 2)
		buf_reserve(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}
/* Numbers as printf's %llu, %lld and %016llx write them, without its
 * cost: for the lines of the archive's side files, a number or three for
 * each of thousands of files. */
void buf_put_ull(struct buf *b, unsigned long long v);
void buf_put_ll(struct buf *b, long long v);
void buf_put_hex64(struct buf *b, uint64_t v);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The contents as a string ("" when empty); stays owned by b. */
const char *buf_cstr(struct buf *b);
void buf_reset(struct buf *b);
/* Hand the string to the caller (never NULL); b becomes empty. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

#endif
