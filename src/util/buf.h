/* buf.h: growable byte buffer, always NUL-terminated (cmark_strbuf, hbuf). */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* owned; NUL-terminated once anything was put */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The contents as a string ("" when empty); stays owned by b. */
const char *buf_cstr(struct buf *b);
void buf_reset(struct buf *b);
/* Hand the string to the caller (never NULL); b becomes empty. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

#endif
