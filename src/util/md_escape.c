/*
 * md_escape.c: escaping record text for the Markdown of reports, by
 * context, and telling the context from the output written so far (the
 * rules are in md_escape.h).  Knows GFM syntax as cmark-gfm parses it;
 * never parses Markdown itself beyond the current output line.
 */
#include "md_escape.h"

#include <string.h>

#include "xalloc.h"

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_ctrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static int
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static void
put_ent(struct buf *out, unsigned char c)
{
	buf_printf(out, "&#%u;", (unsigned)c);
}

static void
put_esc(struct buf *out, char c)
{
	char two[2] = {'\\', c};
	buf_put(out, two, 2);
}

/* ==== text contexts ==== */

/* One line of text (no line feed inside) in a text context.
 * line_start: block-start rules apply to its first non-blank byte;
 * lead/trail: its leading/trailing blanks are an edge (entities);
 * last: it ends the whole text (& and ! rules). */
static void
esc_line(struct buf *out, enum md_ctx ctx, const char *s, size_t n, int line_start, int lead,
         int trail, int last)
{
	size_t first = 0, end = n;
	while (first < n && is_blank((unsigned char)s[first]))
		first++;
	while (end > 0 && is_blank((unsigned char)s[end - 1]))
		end--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_blank(c) && ((lead && i < first) || (trail && i >= end))) {
			put_ent(out, c);
			continue;
		}
		if (line_start && i == first) {
			/* "." and ")" can only matter after digits the template or
			 * an earlier value put there (md_where). */
			if (strchr("#>-+=:.)", c) && c) {
				put_esc(out, (char)c);
				continue;
			}
			if (is_digit(c)) {
				size_t j = i;
				while (j < n && is_digit((unsigned char)s[j]))
					j++;
				buf_put(out, s + i, j - i);
				if (j < n && (s[j] == '.' || s[j] == ')')) {
					put_esc(out, s[j]);
					j++;
				}
				i = j - 1;
				continue;
			}
		}
		switch (c) {
		case '\\':
			if (ctx == MD_CELL)
				buf_puts(out, "&#92;");
			else
				put_esc(out, '\\');
			continue;
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '<':
		case '|':
		case '~': put_esc(out, (char)c); continue;
		case '#':
			if (ctx != MD_BLOCK) {
				put_esc(out, '#');
				continue;
			}
			break;
		case '&':
			if ((i + 1 < n && (s[i + 1] == '#' || is_alnum((unsigned char)s[i + 1]))) ||
			    (i + 1 == n && last)) {
				put_esc(out, '&');
				continue;
			}
			break;
		case '!':
			if (i + 1 == n && last) {
				put_esc(out, '!');
				continue;
			}
			break;
		case ':':
			/* "http" + "://": also when the slashes may come next. */
			if ((i + 1 < n && s[i + 1] == '/') || (i + 1 == n && last)) {
				put_esc(out, ':');
				continue;
			}
			break;
		case '.':
			/* "www" + ".": the output so far holds exactly what precedes
			 * ('w' is never escaped), even from an earlier value. */
			if (out->len >= 3 && lower((unsigned char)out->data[out->len - 3]) == 'w' &&
			    lower((unsigned char)out->data[out->len - 2]) == 'w' &&
			    lower((unsigned char)out->data[out->len - 1]) == 'w') {
				put_esc(out, '.');
				continue;
			}
			break;
		case '\0': buf_puts(out, "\xef\xbf\xbd"); continue;
		case '\t': break;
		default:
			if (is_ctrl(c)) {
				put_ent(out, c);
				continue;
			}
			break;
		}
		buf_put(out, &s[i], 1);
	}
}

static void
esc_block(struct buf *out, const struct md_pos *pos, const char *s, size_t len)
{
	size_t end = len;
	while (end > 0 && s[end - 1] == '\n')
		end--;
	size_t i = 0;
	int first = 1;
	while (i < end) {
		const char *nl = memchr(s + i, '\n', end - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : end - i;
		esc_line(out, MD_BLOCK, s + i, n, first ? pos->bol : 1, 1, 1, !nl);
		first = 0;
		i += n;
		if (nl) {
			/* A hard break keeps the paragraph (and its container) going. */
			buf_puts(out, "\\\n");
			buf_put(out, pos->cont, pos->cont_len);
			i++;
		}
	}
	for (; end < len; end++)
		buf_puts(out, "&#10;");
}

static void
esc_oneline(struct buf *out, enum md_ctx ctx, const char *s, size_t len)
{
	while (len > 0 && s[0] == '\n') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == '\n')
		len--;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
		esc_line(out, ctx, s + i, n, 0, i == 0, !nl, !nl);
		i += n;
		if (nl) {
			while (i < len && s[i] == '\n')
				i++;
			buf_puts(out, MD_LINE_BREAK);
		}
	}
}

char *
md_oneline(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	while (len > 0 && s[0] == '\n') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == '\n')
		len--;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n') {
			buf_put(&b, &s[i], 1);
			continue;
		}
		while (i + 1 < len && s[i + 1] == '\n')
			i++;
		buf_puts(&b, MD_LINE_BREAK);
	}
	return buf_detach(&b);
}

/* ==== URLs ==== */

/* javascript:, vbscript:, file:, data: once blanks and controls are gone. */
static int
unsafe_url(const char *s, size_t len)
{
	static const char *bad[] = {"javascript:", "vbscript:", "file:", "data:"};
	char head[16];
	size_t n = 0;
	for (size_t i = 0; i < len && n < sizeof head; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || is_ctrl(c))
			continue;
		head[n++] = (char)lower(c);
	}
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		size_t bl = strlen(bad[k]);
		if (n >= bl && memcmp(head, bad[k], bl) == 0)
			return 1;
	}
	return 0;
}

static void
esc_url_chars(struct buf *out, const char *s, size_t len, int angle)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_ctrl(c) || (c == ' ' && !angle))
			buf_printf(out, "%%%02X", (unsigned)c);
		else if (c == '&') /* entities are decoded before backslash escapes */
			buf_puts(out, "&amp;");
		else if (strchr("\\()<>", c) && c)
			put_esc(out, (char)c);
		else
			buf_put(out, &s[i], 1);
	}
}

static void
esc_url(struct buf *out, const struct md_pos *pos, const char *s, size_t len)
{
	if (unsafe_url(s, len))
		return;
	if (pos->ctx == MD_URL_ANGLE) {
		esc_url_chars(out, s, len, 1);
		return;
	}
	int spaces = memchr(s, ' ', len) != NULL;
	if (spaces && pos->fresh) {
		buf_putc(out, '<');
		esc_url_chars(out, s, len, 1);
		buf_putc(out, '>');
	} else
		esc_url_chars(out, s, len, 0);
}

/* ==== context ==== */

/* Append c to the continuation prefix; one too long for pos->cont is
 * dropped (cont_len 0: continuation lines are lazy, still correct). */
static void
cont_put(struct md_pos *pos, size_t *len, char c)
{
	if (*len < sizeof pos->cont)
		pos->cont[*len] = c;
	(*len)++;
}

/* Skip the container prefix of a line ("  > - 1. [ ] "); fill pos->cont
 * with its continuation and return where the content starts. */
static size_t
container(const char *l, size_t n, struct md_pos *pos)
{
	size_t i = 0, clen = 0;
	for (;;) {
		while (i < n && is_blank((unsigned char)l[i]))
			cont_put(pos, &clen, l[i++]);
		if (i < n && l[i] == '>') {
			cont_put(pos, &clen, l[i++]);
			if (i < n && l[i] == ' ')
				cont_put(pos, &clen, l[i++]);
			continue;
		}
		size_t m = i;
		if (m < n && (l[m] == '-' || l[m] == '+' || l[m] == '*'))
			m++;
		else {
			while (m < n && m - i < 9 && is_digit((unsigned char)l[m]))
				m++;
			if (m == i || m >= n || (l[m] != '.' && l[m] != ')'))
				break;
			m++;
		}
		if (m < n && !is_blank((unsigned char)l[m]))
			break;
		/* A list marker continues as spaces of its width. */
		for (; i < m; i++)
			cont_put(pos, &clen, ' ');
	}
	/* A task box is inline content, not container. */
	if (i + 2 < n && l[i] == '[' && strchr(" xX", l[i + 1]) && l[i + 2] == ']' &&
	    (i + 3 == n || is_blank((unsigned char)l[i + 3]))) {
		i += 3;
		while (i < n && is_blank((unsigned char)l[i]))
			i++;
	}
	pos->cont_len = clen <= sizeof pos->cont ? clen : 0;
	return i;
}

/* The inline scanner: brackets, link destinations and pipes, one byte at
 * a time, so md_escape_auto can resume where it stopped. */
enum { SC_TEXT, SC_CLOSE, SC_OPEN, SC_DEST, SC_ANGLE, SC_AFTER };

static void
scan(struct md_auto *sc, const char *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = l[i];
		if (sc->esc) {
			sc->esc = 0;
			continue;
		}
		switch (sc->st) {
		case SC_CLOSE: /* "]": a link if "(" follows */
			if (c == '(') {
				sc->st = SC_OPEN;
				continue;
			}
			sc->st = SC_TEXT;
			break;
		case SC_OPEN: /* "](", blanks may precede the destination */
			if (c == '<') {
				sc->st = SC_ANGLE;
				continue;
			}
			if (is_blank((unsigned char)c))
				continue;
			sc->st = SC_DEST;
			sc->parens = 0;
			/* fall through */
		case SC_DEST:
			if (c == '\\')
				sc->esc = 1;
			else if (c == '(')
				sc->parens++;
			else if (c == ')' && sc->parens > 0)
				sc->parens--;
			else if (c == ')')
				sc->st = SC_TEXT;
			else if (is_blank((unsigned char)c))
				sc->st = SC_AFTER;
			continue;
		case SC_ANGLE:
			if (c == '\\')
				sc->esc = 1;
			else if (c == '>')
				sc->st = SC_AFTER;
			continue;
		case SC_AFTER: /* a title, or blanks before ")" */
			if (c == '\\')
				sc->esc = 1;
			else if (c == ')')
				sc->st = SC_TEXT;
			continue;
		}
		if (c == '\\')
			sc->esc = 1;
		else if (c == '[')
			sc->depth++;
		else if (c == ']' && sc->depth > 0) {
			sc->depth--;
			sc->st = SC_CLOSE;
		} else if (c == '|')
			sc->pipe = 1;
	}
}

/* Context from the line l[n] and its scanner state. */
static void
where(const char *l, size_t n, const struct md_auto *sc, struct md_pos *pos)
{
	memset(pos, 0, sizeof *pos);
	size_t start = container(l, n, pos);
	if (sc->st == SC_OPEN || sc->st == SC_DEST) {
		pos->ctx = MD_URL;
		pos->fresh = sc->st == SC_OPEN;
	} else if (sc->st == SC_ANGLE)
		pos->ctx = MD_URL_ANGLE;
	else if (sc->pipe)
		pos->ctx = MD_CELL;
	else if (sc->depth > 0 || sc->st == SC_AFTER)
		pos->ctx = MD_LINK_TEXT;
	else {
		size_t h = start;
		while (h < n && h - start < 7 && l[h] == '#')
			h++;
		if (h > start && h - start <= 6 && (h == n || is_blank((unsigned char)l[h])))
			pos->ctx = MD_HEADING;
		else {
			/* Only digits so far: the text could complete "1." */
			size_t d = start;
			while (d < n && d - start < 10 && is_digit((unsigned char)l[d]))
				d++;
			pos->ctx = MD_BLOCK;
			pos->bol = start == n || (d == n && d - start < 10);
		}
	}
}

/* Offset where the line holding out[len] starts. */
static size_t
line_start(const char *out, size_t len)
{
	for (size_t i = len; i > 0; i--)
		if (out[i - 1] == '\n')
			return i;
	return 0;
}

void
md_where(const char *out, size_t len, struct md_pos *pos)
{
	struct md_auto sc;
	memset(&sc, 0, sizeof sc);
	size_t ls = line_start(out, len);
	scan(&sc, out + ls, len - ls);
	where(out + ls, len - ls, &sc, pos);
}

/* ==== entry points ==== */

void
md_escape(struct buf *out, const struct md_pos *pos, const char *s, size_t len)
{
	switch (pos->ctx) {
	case MD_BLOCK: esc_block(out, pos, s, len); break;
	case MD_HEADING:
	case MD_CELL:
	case MD_LINK_TEXT: esc_oneline(out, pos->ctx, s, len); break;
	case MD_URL:
	case MD_URL_ANGLE: esc_url(out, pos, s, len); break;
	}
}

void
md_escape_in(struct buf *out, enum md_ctx ctx, const char *s, size_t len)
{
	struct md_pos pos;
	memset(&pos, 0, sizeof pos);
	pos.ctx = ctx;
	pos.bol = 1;
	pos.fresh = 1;
	md_escape(out, &pos, s, len);
}

void
md_escape_auto(void *ctx, struct buf *out, const char *s, size_t len)
{
	struct md_auto *sc = ctx;
	struct md_pos pos;
	const char *d = out->data ? out->data : "";
	if (!sc) {
		md_where(d, out->len, &pos);
		md_escape(out, &pos, s, len);
		return;
	}
	if (sc->out != out || sc->upto > out->len) {
		memset(sc, 0, sizeof *sc);
		sc->out = out;
	}
	/* Only what was appended since the last call is new; a line break
	 * in it starts the scan afresh. */
	size_t i = out->len;
	while (i > sc->upto && d[i - 1] != '\n')
		i--;
	if (i > sc->upto) {
		memset(sc, 0, sizeof *sc);
		sc->out = out;
		sc->line = sc->upto = i;
	}
	scan(sc, d + sc->upto, out->len - sc->upto);
	sc->upto = out->len;
	where(d + sc->line, out->len - sc->line, sc, &pos);
	md_escape(out, &pos, s, len);
}
