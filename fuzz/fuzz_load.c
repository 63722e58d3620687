/*
 * fuzz_load: arbitrary bytes through the loader, the schema and the record
 * rules.  The first byte chooses the options: bit 0 the language, bits 1-3
 * a set of limits (the defaults, or small ones that the input can reach),
 * so that every limit path is exercised.  Seeds: fuzz/corpus/fuzz_load;
 * dictionary: fuzz/load.dict (both used by tests/fuzz).
 */
#include <stddef.h>
#include <stdint.h>

#include "load.h"
#include "rules.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned opt = data[0];
	enum lang lang = opt & 1 ? LANG_EN : LANG_VI;
	struct load_limits lim;
	load_limits_default(&lim);
	switch ((opt >> 1) & 7) {
	case 1: lim.max_depth = 4; break;
	case 2: lim.max_nodes = 20; break;
	case 3: lim.max_aliases = 2; break;
	case 4: lim.max_scalar = 8; break;
	case 5: lim.max_file = 64; break;
	case 6:
		lim.max_depth = 2, lim.max_nodes = 8, lim.max_aliases = 1, lim.max_scalar = 4;
		break;
	default: break;
	}
	struct diags dq = DIAGS_INIT;
	struct doc *doc = load_yaml((const char *)data + 1, size - 1, "fuzz.yaml", &lim, lang, &dq);
	if (doc) {
		struct date today = {2024, 6, 15};
		struct record *rec = schema_record_take(doc, today, lang, &dq);
		if (rec) {
			struct config cfg;
			config_default(&cfg);
			struct check_ctx ctx = {today, lang, &cfg};
			rules_check(rec, &ctx, &dq);
			config_free(&cfg);
			record_free(rec);
		}
	}
	diags_free(&dq);
	return 0;
}
