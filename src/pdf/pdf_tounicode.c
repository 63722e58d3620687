/*
 * pdf_tounicode.c: the ToUnicode CMap of an embedded face: one bfchar
 * entry per code, so every code drawn, boxes included, extracts as the
 * text it stands for (UTF-16, surrogate pairs beyond the BMP).
 */
#include "pdf_tounicode.h"

#include <string.h>

/* Four upper-case hex digits of c at p. */
static char *
hex4(char *p, uint32_t c)
{
	static const char hex[] = "0123456789ABCDEF";
	p[0] = hex[c >> 12 & 15];
	p[1] = hex[c >> 8 & 15];
	p[2] = hex[c >> 4 & 15];
	p[3] = hex[c & 15];
	return p + 4;
}

void
tounicode_cmap(struct buf *b, const struct font_embed *e)
{
	buf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t k = 1; k <= e->ncodes; k += 100) {
		size_t m = e->ncodes + 1 - k < 100 ? e->ncodes + 1 - k : 100;
		buf_printf(b, "%zu beginbfchar\n", m);
		/* an entry a line, put whole: this runs for every code of every
		 * face of every document */
		for (size_t j = k; j < k + m; j++) {
			char line[sizeof "<0000> <00000000>\n"], *p = line;
			uint32_t u = e->ucs[j];
			*p++ = '<';
			p = hex4(p, (uint32_t)j); /* codes are two bytes (MAXCODES) */
			memcpy(p, "> <", 3);
			p += 3;
			if (u > 0xFFFF) {
				u -= 0x10000;
				p = hex4(p, 0xD800 + (u >> 10));
				u = 0xDC00 + (u & 0x3FF);
			}
			p = hex4(p, u);
			*p++ = '>';
			*p++ = '\n';
			buf_put(b, line, (size_t)(p - line));
		}
		buf_puts(b, "endbfchar\n");
	}
	buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}
