/*
 * specpdf: renders every example of CommonMark-style spec files to PDF in
 * one process, beside cmark-gfm's own plain-text rendering of it, so the
 * suite can check each PDF with qpdf and pdftotext.
 * Usage: specpdf OUTDIR SPEC.txt...  Writes OUTDIR/NNNN.{md,pdf,txt}; run by
 * tests/pdf/run.sh.
 */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "fsutil.h"
#include "pdf.h"
#include "pdf_fonts.h"
#include "xalloc.h"

#define FENCE "````````````````````````````````"

static char *
plaintext(const char *md, size_t len)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	static const char *const ext[] = {"table", "tasklist", "strikethrough", "autolink"};
	for (size_t i = 0; i < 4; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, md, len);
	cmark_node *doc = cmark_parser_finish(p);
	char *s = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return s;
}

static int
save(const char *dir, int n, const char *ext, const char *data, size_t len)
{
	char name[32], *err = NULL;
	snprintf(name, sizeof name, "%04d.%s", n, ext);
	if (!fs_write_atomic(dir, name, data, len, &err)) {
		printf("FAIL spec/%04d: %s\n", n, err);
		free(err);
		return 0;
	}
	return 1;
}

/* Renders one example; returns 1 when it went through. */
static int
example(const char *dir, int n, const struct buf *md)
{
	struct pdf_opts o = {0};
	o.lang = LANG_EN;
	o.created = date_source_epoch();
	struct buf pdf = BUF_INIT;
	char *err = NULL;
	int ok = pdf_from_markdown(md->data ? md->data : "", md->len, &o, &pdf, NULL, &err);
	if (!ok)
		printf("FAIL spec/%04d: %s\n", n, err ? err : "?");
	char *txt = plaintext(md->data ? md->data : "", md->len);
	ok = ok && save(dir, n, "md", md->data ? md->data : "", md->len) &&
	     save(dir, n, "pdf", pdf.data, pdf.len) && save(dir, n, "txt", txt, strlen(txt));
	free(txt);
	free(err);
	buf_free(&pdf);
	return ok;
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: specpdf OUTDIR SPEC.txt...\n");
		return 2;
	}
	int n = 0, bad = 0;
	for (int a = 2; a < argc; a++) {
		char *text, *err;
		size_t len;
		if (!fs_read(argv[a], 1 << 24, &text, &len, &err)) {
			fprintf(stderr, "specpdf: %s: %s\n", argv[a], err);
			free(err);
			return 2;
		}
		struct buf md = BUF_INIT;
		int state = 0; /* 0 prose, 1 markdown, 2 expected output */
		for (char *line = text, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			size_t ll = next ? (size_t)(next - line) : strlen(line);
			if (next)
				next++;
			if (state == 0 && !strncmp(line, FENCE " example", strlen(FENCE) + 8)) {
				state = 1;
				buf_reset(&md);
			} else if (state == 1 && ll == 1 && line[0] == '.') {
				state = 2;
			} else if (state == 1) {
				for (size_t i = 0; i < ll + (next != NULL); i++) {
					if (!strncmp(line + i, "\xE2\x86\x92",
					             3)) { /* → is a tab */
						buf_putc(&md, '\t');
						i += 2;
					} else
						buf_putc(&md, line[i]);
				}
			} else if (state == 2 && !strncmp(line, FENCE, strlen(FENCE))) {
				state = 0;
				bad += !example(argv[1], ++n, &md);
			}
		}
		buf_free(&md);
		free(text);
	}
	fonts_cache_clear();
	printf("# %d examples rendered, %d failed\n", n, bad);
	return bad ? 1 : 0;
}
