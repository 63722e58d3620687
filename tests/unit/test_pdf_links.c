/*
 * test_pdf_links.c: a link to a URI that hpdf_link holds as its numbers
 * and text and writes itself (pdf_hpdf.c, uri_link) gives the very bytes
 * libharu's own calls give: two documents, the same pages and links made
 * both ways, compared whole.  Corners with decimals, upside down, at the
 * edge of libharu's range; URIs with spaces, brackets, backslashes,
 * percent signs and Vietnamese; a link inside the document between them.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_hpdf.h"
#include "unit.h"

static const char *const uris[] = {
    "../index.pdf",
    "partners/jp-nagasaki.pdf",
    "https://example.org/a b/(c)[d]{e}<f>#g%20h",
    "C:\\tệp\\báo cáo.pdf",
    "mailto:so.ngoaivu@example.vn?subject=Đoàn công tác",
    "/",
};

static const float rects[][4] = {
    {56.69f, 738.851562f, 81.726f, 751.028564f},
    {90.889f, 751.028564f, 171.760986f, 738.851562f}, /* upside down */
    {0, 0, 595.28f, 841.89f},
    {-32767, -1.5f, 32767, 0.001f},
    {12.3456789f, 98.7654321f, 100.000001f, 200},
};

/* One document of two pages with the links; plain: libharu's own way. */
static int
doc(int plain, struct buf *out)
{
	char *err = NULL;
	struct hpdf *h = hpdf_new(NULL, &err);
	if (!h) {
		printf("# %s\n", err);
		free(err);
		return 0;
	}
	if (plain)
		hpdf_plain_links(h);
	struct hpdf_obj *p1 = hpdf_page(h, 595.28f, 841.89f), *p2 = hpdf_page(h, 595.28f, 841.89f);
	size_t nr = sizeof rects / sizeof rects[0], nu = sizeof uris / sizeof uris[0];
	for (size_t i = 0; i < nr * nu; i++) {
		hpdf_link(h, i % 2 ? p2 : p1, rects[i % nr], NULL, 0, uris[i % nu]);
		if (i % 7 == 3) /* a link inside the document among them */
			hpdf_link(h, p1, rects[0], p2, 700.5f, NULL);
	}
	hpdf_info(h, "debrief", "links", NULL, NULL, 0);
	int ok = !hpdf_failed(h, "links", &err) && hpdf_save(h, out, &err);
	if (!ok)
		printf("# %s\n", err ? err : "?");
	free(err);
	hpdf_free(h);
	return ok;
}

int
main(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	OK(doc(0, &a), "links-made-compact");
	OK(doc(1, &b), "links-made-by-libharu");
	INT_EQ(a.len, b.len, "links-same-length");
	OK(a.len == b.len && a.len && !memcmp(a.data, b.data, a.len), "links-same-bytes");
	/* the links are there, and written as libharu writes them */
	OK(a.data && strstr(a.data, "/URI (..\\057index.pdf)\012>>\012/P "), "links-uri-escaped");
	OK(a.data && strstr(a.data, "/Border [ 0 0 0 ]\012/F 4\012>>"), "links-border-print");
	buf_free(&a);
	buf_free(&b);
	return unit_failed ? 1 : 0;
}
