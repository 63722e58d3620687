/*
 * fuzz/diag_out.c: findings with any bytes in file name, message and rule
 * id, printed in every format.  Every output must be valid UTF-8 with no
 * control character but the line feed (and ESC in coloured text), so that
 * JSON, SARIF and XML readers and GitHub's log parser never see a broken
 * document.  The input: byte 0 picks options, then NUL-separated fields.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag_out.h"
#include "text.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
clean_or_abort(const struct buf *b, int colour)
{
	if (text_utf8_check(b->data, b->len) != b->len)
		abort();
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];
		if (c < 0x20 && c != '\n' && !(colour && c == 0x1b))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned opt = data[0];
	char *text = xstrndup((const char *)data + 1, size - 1);
	/* Fields: file, message, rule, repeated for each finding. */
	char *field[3 * 8] = {0};
	size_t nf = 0;
	for (char *p = text; nf < 3 * 8;) {
		field[nf++] = p;
		char *sep = strchr(p, '|');
		if (!sep)
			break;
		*sep = '\0';
		p = sep + 1;
	}
	struct diags dq = DIAGS_INIT;
	static const char *const rules[] = {"yaml-syntax", "prep-what", "x"};
	for (size_t i = 0; i + 1 < nf; i += 3) {
		struct mark m = {(unsigned)(opt & 3) * (unsigned)i, (unsigned)(opt >> 6) * 2};
		diags_add(&dq, field[i], m, (enum sev)(i % 3), rules[(opt >> 2) % 3],
		          i + 2 < nf ? field[i + 2] : "G1", "%s", field[i + 1]);
	}
	/* The second file could not be read; its message is input too. */
	struct out_file files[2] = {{field[0], 0.5, NULL},
	                            {"other.yaml", 0, nf > 1 ? field[1] : "cannot open"}};
	for (int f = OUT_TEXT; f <= OUT_JUNIT; f++) {
		struct out_opts o = {(enum out_format)f,
		                     opt & 16 ? LANG_EN : LANG_VI,
		                     (opt & 32) != 0,
		                     (enum sev)((opt >> 2) % 4), /* SEV_OFF: --fail-on never */
		                     2,
		                     files,
		                     2,
		                     (enum sev)((opt >> 6) % 3),
		                     (opt & 2) != 0};
		struct buf b = BUF_INIT;
		diag_out(&b, &dq, &o);
		/* Text and GitHub lines carry the message as it is: only the
		 * structured formats promise clean bytes. */
		if (f != OUT_TEXT && f != OUT_GITHUB)
			clean_or_abort(&b, 0);
		buf_free(&b);
	}
	diags_free(&dq);
	free(text);
	return 0;
}
