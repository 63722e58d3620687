/*
 * fuzz/schema.c: any bytes → load → schema → record.  Whatever the tree,
 * schema_record_take must return a record or NULL, with findings, and
 * never read or leak out of bounds.  The first byte picks the language.
 */
#include <stddef.h>
#include <stdint.h>

#include "load.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags dq = DIAGS_INIT;
	struct load_limits lim;
	struct date today = {2026, 1, 1};
	enum lang lang = size && (data[0] & 1) ? LANG_EN : LANG_VI;
	load_limits_default(&lim);
	lim.max_nodes = 20000; /* keep each run short */
	struct doc *doc = load_yaml((const char *)data, size, "fuzz.yaml", &lim, lang, &dq);
	struct record *r = schema_record_take(doc, today, lang, &dq);
	if (r) {
		(void)record_partner(r, "x");
		(void)record_completed(r, today);
	}
	record_free(r);
	diags_free(&dq);
	return 0;
}
