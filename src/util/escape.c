/*
 * escape.c: escaping for JSON, XML, GitHub workflow commands and URIs,
 * kept apart from the renderers (as lowdown keeps *_escape.c) so that every
 * output, and its unit test, uses the same rules.
 */
#include "escape.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Copy the character at p when it is not ASCII (U+FFFD for an invalid
 * byte, and in XML for U+FFFE/U+FFFF, which XML forbids).  Returns the
 * bytes consumed, or 0 when p is ASCII and the caller escapes it. */
static size_t
put_nonascii(struct buf *b, const unsigned char *p, int xml)
{
	size_t n = text_utf8_len(p, SIZE_MAX);
	if (n == 1)
		return 0;
	if (n == 0) {
		buf_puts(b, replacement);
		return 1;
	}
	if (xml && n == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe)
		buf_puts(b, replacement);
	else
		buf_put(b, p, n);
	return n;
}

/* Bytes JSON takes as they are: printable ASCII but '"' and '\\'. */
static int
json_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

void
escape_json(struct buf *b, const char *s)
{
	/* What needs no escaping (most of every string: printable ASCII and
	 * valid UTF-8) is copied a run at a time: archive.json is made of
	 * millions of strings. */
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		const unsigned char *run = p;
		for (;;) {
			if (json_plain(*p)) {
				p++;
				continue;
			}
			size_t n = *p >= 0x80 ? text_utf8_len(p, SIZE_MAX) : 0;
			if (n < 2)
				break;
			p += n;
		}
		if (p > run)
			buf_put(b, run, (size_t)(p - run));
		if (!*p)
			return;
		if (put_nonascii(b, p, 0)) { /* an invalid byte: U+FFFD */
			p++;
			continue;
		}
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\b': buf_puts(b, "\\b"); break;
		case '\f': buf_puts(b, "\\f"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default: buf_printf(b, "\\u%04x", *p); /* the other controls, and DEL */
		}
		p++;
	}
}

void
escape_json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	escape_json(b, s);
	buf_putc(b, '"');
}

void
escape_json_ids(struct buf *b, const char *ids)
{
	buf_putc(b, '[');
	const char *p = ids ? ids : "";
	for (int first = 1;; first = 0) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		char *id = xstrndup(p, n);
		buf_puts(b, first ? "" : ", ");
		escape_json_str(b, id);
		free(id);
		p += n;
	}
	buf_putc(b, ']');
}

void
escape_xml(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = put_nonascii(b, p, 1);
		if (n) {
			p += n;
			continue;
		}
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		/* As references, so that attribute values keep them. */
		case '\t': buf_puts(b, "&#9;"); break;
		case '\n': buf_puts(b, "&#10;"); break;
		case '\r': buf_puts(b, "&#13;"); break;
		default:
			/* Other C0 controls cannot appear in XML 1.0 at all, not
			 * even as references: written as the text format writes
			 * them ("\x0C"), so that a value or a file name that holds
			 * one is not shown as another ('out\x0Cbound', not
			 * 'outbound'). */
			if (*p >= 0x20)
				buf_putc(b, *p);
			else
				buf_printf(b, "\\x%02X", *p);
		}
		p++;
	}
}

static void
gh_escape(struct buf *b, const char *s, int property)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '%': buf_puts(b, "%25"); break;
		case '\r': buf_puts(b, "%0D"); break;
		case '\n': buf_puts(b, "%0A"); break;
		case ':':
			if (property)
				buf_puts(b, "%3A");
			else
				buf_putc(b, ':');
			break;
		case ',':
			if (property)
				buf_puts(b, "%2C");
			else
				buf_putc(b, ',');
			break;
		default:
			/* other controls (ESC starts a terminal sequence in the log) */
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				buf_printf(b, "%%%02X", (unsigned char)*p);
			else
				buf_putc(b, *p);
		}
	}
}

void
escape_gh_data(struct buf *b, const char *s)
{
	gh_escape(b, s, 0);
}

void
escape_gh_property(struct buf *b, const char *s)
{
	gh_escape(b, s, 1);
}

void
escape_uri_path(struct buf *b, const char *s)
{
	static const char keep[] = "-._~/";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;
		if (c == '\\')
			buf_putc(b, '/');
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || strchr(keep, (int)c))
			buf_putc(b, (int)c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

void
escape_text(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* Printable ASCII and well-formed UTF-8 that needs no escape go
		 * as they are, in one piece. */
		const unsigned char *q = p;
		for (;;) {
			if (*q >= 0x20 && *q < 0x7f) {
				q++;
				continue;
			}
			if (*q < 0xC2 || *q > 0xF4)
				break; /* controls, DEL, and what cannot start UTF-8 */
			/* the two- and three-byte forms of Vietnamese text, which
			 * hold neither C1 nor a bidirectional control, in place */
			if (*q >= 0xC3 && *q <= 0xDF && (q[1] & 0xC0) == 0x80) {
				q += 2;
				continue;
			}
			if (((*q >= 0xE3 && *q <= 0xEC) || *q == 0xE1) && (q[1] & 0xC0) == 0x80 &&
			    (q[2] & 0xC0) == 0x80) {
				q += 3;
				continue;
			}
			size_t k = text_utf8_len(q, SIZE_MAX);
			/* C1 is C2 80..9F; the bidirectional controls are E2 80 AA..AE
			 * and E2 81 A6..A9 */
			if (!k || (q[0] == 0xC2 && q[1] <= 0x9F) || q[0] == 0xE2)
				break;
			q += k;
		}
		if (q > p) {
			buf_put(b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		size_t n = text_utf8_len(p, SIZE_MAX);
		if (n == 0) {
			buf_puts(b, replacement);
			p++;
			continue;
		}
		unsigned cp = n == 1 ? p[0] : n == 2 ? (p[0] & 0x1fu) << 6 | (p[1] & 0x3fu) : 0;
		if (n == 3)
			cp = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
		switch (cp) {
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			/* C0, DEL, C1 and the bidirectional overrides and isolates,
			 * which reorder what a terminal shows */
			if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
			    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
				buf_printf(b, cp < 0x100 ? "\\x%02X" : "\\u%04X", cp);
			else
				buf_put(b, p, n);
		}
		p += n;
	}
}

char *
escape_text_dup(const char *s)
{
	struct buf b = BUF_INIT;
	escape_text(&b, s);
	return buf_detach(&b);
}

void
escape_eprintf(const char *fmt, ...)
{
	struct buf raw = BUF_INIT, b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	int nl = raw.len && raw.data[raw.len - 1] == '\n';
	if (nl)
		raw.data[--raw.len] = '\0';
	escape_text(&b, buf_cstr(&raw));
	if (nl)
		buf_putc(&b, '\n');
	fputs(buf_cstr(&b), stderr);
	buf_free(&raw);
	buf_free(&b);
}
