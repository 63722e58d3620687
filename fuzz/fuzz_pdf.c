/*
 * fuzz_pdf: Markdown to PDF (parse, layout, fonts, libharu).  The first
 * byte chooses options (cmark's fuzz target does the same); inputs are
 * capped so that each run stays fast.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* fontconfig's first answers allocate state it frees only at exit: make
 * them before libFuzzer starts counting allocations per input. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const char warm[] = "# Đà Nẵng 長崎県 경상북도\n\n*a* **b** `c` \u2603 \U0001F600\n";
	struct pdf_opts o = {.created = -1};
	struct buf out = BUF_INIT;
	char *err = NULL;
	pdf_from_markdown(warm, sizeof warm - 1, &o, &out, NULL, &err);
	buf_free(&out);
	free(err);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 65536)
		return 0;
	struct pdf_opts o = {.created = -1};
	o.md_links_to_pdf = data[0] & 1;
	o.lang = (data[0] & 2) ? LANG_EN : LANG_VI;
	o.title = (data[0] & 4) ? "Tiêu đề" : NULL;
	o.author = (data[0] & 8) ? "Sở Ngoại vụ" : NULL;
	o.font_family = (data[0] & 16) ? "Liberation Sans" : NULL;
	struct buf out = BUF_INIT;
	struct strlist warnings = {0};
	char *err = NULL;
	pdf_from_markdown((const char *)data + 1, size - 1, &o, &out, &warnings, &err);
	buf_free(&out);
	strlist_free(&warnings);
	free(err);
	return 0;
}
