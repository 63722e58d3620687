/*
 * pdf_tounicode.c: the ToUnicode CMap of an embedded face: one bfchar
 * entry per code, so every code drawn, boxes included, extracts as the
 * text it stands for (UTF-16, surrogate pairs beyond the BMP).
 */
#include "pdf_tounicode.h"

#include "pdf_content.h"

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
		for (size_t j = k; j < k + m; j++) {
			uint32_t u = e->ucs[j];
			buf_printf(b, "<%04X> <", (unsigned)j);
			if (u > 0xFFFF) {
				u -= 0x10000;
				content_hex4(b, 0xD800 + (u >> 10));
				u = 0xDC00 + (u & 0x3FF);
			}
			content_hex4(b, u);
			buf_puts(b, ">\n");
		}
		buf_puts(b, "endbfchar\n");
	}
	buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}
