/*
 * pdf_bench: times Markdown -> PDF against cmark-gfm's bare parse of the
 * same text, in one process.  Usage: pdf_bench FILE.md ROUNDS
 * Prints pages, bytes, seconds per document and the ratio.
 */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "fsutil.h"
#include "pdf.h"

static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
parse(const char *md, size_t len)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	static const char *const ext[] = {"table", "tasklist", "strikethrough", "autolink"};
	for (int i = 0; i < 4; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, md, len);
	cmark_node_free(cmark_parser_finish(p));
	cmark_parser_free(p);
}

static int
pages(const struct buf *pdf)
{
	static const char key[] = "/Type /Page";
	size_t k = sizeof key - 1;
	int n = 0;
	for (size_t i = 0; i + k < pdf->len; i++) /* binary: no strstr */
		if (!memcmp(pdf->data + i, key, k) && pdf->data[i + k] != 's')
			n++;
	return n;
}

int
main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	char *md, *err;
	size_t len;
	int rounds = atoi(argv[2]);
	if (!fs_read(argv[1], 1 << 26, &md, &len, &err)) {
		fprintf(stderr, "pdf_bench: %s\n", err);
		return 2;
	}
	struct pdf_opts o = {.created = date_source_epoch()};
	struct buf pdf = {0};
	pdf_from_markdown(md, len, &o, &pdf, NULL, &err); /* warm: fonts found once */
	double t0 = now();
	for (int i = 0; i < rounds; i++) {
		pdf.len = 0;
		if (!pdf_from_markdown(md, len, &o, &pdf, NULL, &err)) {
			fprintf(stderr, "pdf_bench: %s\n", err);
			return 1;
		}
	}
	double tpdf = (now() - t0) / rounds;
	int prounds = rounds * 50;
	t0 = now();
	for (int i = 0; i < prounds; i++)
		parse(md, len);
	double tparse = (now() - t0) / prounds;
	int np = pages(&pdf);
	printf("pdf: input %zu bytes of Markdown, %d pages of PDF, %zu bytes\n", len, np, pdf.len);
	printf("pdf: %.3f s per document, %.0f pages/s, %.0f bytes/page\n", tpdf, np / tpdf,
	       (double)pdf.len / np);
	printf("pdf: floor (cmark-gfm bare parse of the same text): %.4f s\n", tparse);
	printf("pdf: %.0fx the floor\n", tpdf / tparse);
	if (np < 100) {
		fprintf(stderr, "pdf_bench: only %d pages; the measure wants 100 or more\n", np);
		return 1;
	}
	free(md);
	free(pdf.data);
	return 0;
}
